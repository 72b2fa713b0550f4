# SPDX-License-Identifier: LGPL-2.1-or-later
"""Black-box tests of the admin API (/admin/api/v1): every route of every route table with
no auth, each role and a bad CSRF token; logins, sessions, tokens, the KB editor's drafts,
optimistic concurrency, publish (live, without a failed chat request), rollback, import
and export; the `cblue user` command."""

import csv
import http.cookiejar
import io
import json
import os
import re
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest

from conftest import CBLUE
from cblue_process import run_command, stop_gracefully

SOURCE_ROOT = os.environ.get("CBLUE_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
API = "/admin/api/v1"
PASSWORDS = {"root": "root-password-1", "ed": "editor-password-1", "ed2": "editor-password-2",
             "vi": "viewer-password-1"}
ROLES = {"root": "admin", "ed": "editor", "ed2": "editor", "vi": "viewer"}
ROLE_RANK = {"public": 0, "viewer": 1, "editor": 2, "admin": 3}
NEW_TOPIC = {
    "topic_id": "zorblax-warranty",
    "category": "zorblax",
    "tags": ["warranty"],
    "keywords": ["zorblax", "ซอร์แบล็กซ์", "佐布拉克斯"],
    "questions": {"en": ["How long is the zorblax warranty?"], "th": ["ซอร์แบล็กซ์รับประกันกี่ปี"],
                  "zh": ["佐布拉克斯保修多久"]},
    "content": {"en": "The zorblax warranty lasts 7 years.", "th": "ซอร์แบล็กซ์รับประกัน 7 ปี",
                "zh": "佐布拉克斯保修7年。"},
}


def route_tables():
    """Every route of every table in core/cblue-admin-*.c, read from the source so that a
    new route cannot escape the role test."""
    routes = []
    row = re.compile(r'\{"(GET|POST|PUT|PATCH|DELETE)",\s*"([^"]+)",\s*CBLUE_ROLE_(NONE|VIEWER|EDITOR|ADMIN),')
    core = os.path.join(SOURCE_ROOT, "core")
    for name in sorted(os.listdir(core)):
        if name.startswith("cblue-admin") and name.endswith(".c"):
            with open(os.path.join(core, name), encoding="utf-8") as f:
                for method, pattern, role in row.findall(f.read()):
                    routes.append((method, pattern, "public" if role == "NONE" else role.lower()))
    return routes


class Client:
    """One browser: a cookie jar, the session's CSRF token, or a bearer token."""

    def __init__(self, base, token=None):
        self.base = base
        self.csrf = None
        self.token = token
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, method, path, body=None, csrf=True, headers=None, raw=False):
        if isinstance(body, (dict, list)):
            body = json.dumps(body, ensure_ascii=False)
        data = body.encode("utf-8") if isinstance(body, str) else body
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if csrf is True and self.csrf is not None:
            req.add_header("X-CSRF-Token", self.csrf)
        elif isinstance(csrf, str):
            req.add_header("X-CSRF-Token", csrf)
        if self.token is not None:
            req.add_header("Authorization", "Bearer " + self.token)
        for name, value in (headers or {}).items():
            req.add_header(name, value)
        try:
            with self.opener.open(req, timeout=60) as resp:
                status, hdrs, payload = resp.status, resp.headers, resp.read()
        except urllib.error.HTTPError as err:
            status, hdrs, payload = err.code, err.headers, err.read()
        if raw or not payload or hdrs.get_content_type() != "application/json":
            return status, hdrs, payload
        return status, hdrs, json.loads(payload)

    def login(self, name, password=None):
        status, hdrs, body = self.request("POST", API + "/session",
                                          {"username": name, "password": password or PASSWORDS[name]})
        if status == 200:
            self.csrf = body["csrf_token"]
        return status, hdrs, body


class Server:
    def __init__(self, tmp_path, config=""):
        self.data_dir = str(tmp_path / "data")
        for name, role in ROLES.items():
            run_cli("user", "add", "--role", role, name, "--data-dir", self.data_dir,
                    stdin=PASSWORDS[name] + "\n", check=0)
        conf = tmp_path / "cblue.conf"
        # no chat rate limit: a test chats as fast as it can during a publish
        conf.write_text("[server]\nrate_limit=0\n[admin]\nlogin_max_failures=3\nlogin_lockout_seconds=2\n" + config,
                        encoding="utf-8")
        self.proc = subprocess.Popen([CBLUE, "serve", "--port", "0", "--data-dir", self.data_dir,
                                      "--config", str(conf)],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        assert line.startswith("Listening on http://127.0.0.1:"), (line, self.proc.stderr.read())
        self.base = line.split()[-1].rstrip("/")

    def client(self, name=None, token=None):
        client = Client(self.base, token=token)
        if name is not None:
            assert client.login(name)[0] == 200
        return client

    def chat(self, message):
        req = urllib.request.Request(self.base + "/api/v1/chat",
                                     data=json.dumps({"message": message}).encode(), method="POST")
        req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, json.loads(resp.read())
        except urllib.error.HTTPError as err:
            return err.code, None

    def stop(self):
        stop_gracefully(self.proc)


def run_cli(*args, stdin=None, check=None):
    data_dir = args[args.index("--data-dir") + 1] if "--data-dir" in args else None
    proc = run_command([CBLUE, *args], input=stdin, timeout=120, state_dir=data_dir)
    if check is not None:
        assert proc.returncode == check, (proc.returncode, proc.stdout, proc.stderr)
    return proc


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("admin"))
    yield srv
    srv.stop()


def fill(pattern):
    values = {"topic_id": "no-such-topic", "v": "999", "id": "999999", "name": "nobody"}
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "x"), pattern)


def test_route_tables_are_found():
    routes = route_tables()
    assert ("GET", "/kb", "viewer") in routes
    assert ("POST", "/kb", "editor") in routes
    assert ("POST", "/session", "public") in routes
    assert len(routes) >= 20


def protected_routes(state_changing=False):
    return [r for r in route_tables() if r[2] != "public" and (not state_changing or r[0] != "GET")]


def test_public_routes_need_no_auth(server):
    public = [r for r in route_tables() if r[2] == "public"]
    assert public == [("POST", "/session", "public")]
    status, _, body = Client(server.base).request("POST", API + "/session", {"username": "x", "password": "y"})
    assert status == 401 and body["error"]["code"] == "invalid_credentials"


@pytest.mark.parametrize("method,pattern,role", protected_routes())
def test_route_without_auth_is_401(server, method, pattern, role):
    status, _, body = Client(server.base).request(method, API + fill(pattern), body="{}" if method != "GET" else None)
    assert status == 401, (method, pattern, body)
    assert body["error"]["code"] == "unauthorized"


@pytest.mark.parametrize("method,pattern,role", protected_routes())
@pytest.mark.parametrize("user", ["vi", "ed", "root"])
def test_route_by_role(server, method, pattern, role, user):
    client = server.client(user)
    status, _, body = client.request(method, API + fill(pattern), body="{}" if method != "GET" else None)
    if ROLE_RANK[ROLES[user]] < ROLE_RANK[role]:
        assert status == 403, (method, pattern, user, body)
        assert body["error"]["code"] == "forbidden"
    else:
        assert status not in (401, 403), (method, pattern, user, status, body)


@pytest.mark.parametrize("method,pattern,role", protected_routes(state_changing=True))
def test_route_with_bad_csrf_is_403(server, method, pattern, role):
    client = server.client("root")
    for csrf in (False, "wrong-token"):
        status, _, body = client.request(method, API + fill(pattern), body="{}", csrf=csrf)
        assert status == 403, (method, pattern, csrf, body)
        assert body["error"]["code"] == "csrf"


def test_wrong_password_and_unknown_user_look_the_same(server):
    status1, _, wrong = Client(server.base).login("vi", "not-the-password")
    status2, _, unknown = Client(server.base).login("nobody-at-all", "not-the-password")
    assert status1 == status2 == 401
    assert wrong == unknown
    assert wrong["error"]["code"] == "invalid_credentials"


def test_lockout_with_backoff(server):
    client = Client(server.base)
    for _ in range(3):
        assert client.login("ed2", "wrong-password!")[0] == 401
    status, hdrs, body = client.login("ed2")  # even the right password waits
    assert status == 429 and body["error"]["code"] == "locked"
    first_wait = int(hdrs["Retry-After"])
    assert first_wait >= 1
    time.sleep(first_wait + 0.5)
    assert client.login("ed2", "wrong-password!")[0] == 401
    status, hdrs, body = client.login("ed2")
    assert status == 429
    assert int(hdrs["Retry-After"]) > first_wait  # the lockout doubled
    time.sleep(int(hdrs["Retry-After"]) + 0.5)
    assert client.login("ed2")[0] == 200


def test_session_cookie_attributes_and_rotation(server):
    client = Client(server.base)
    status, hdrs, body = client.login("vi")
    assert status == 200 and body["user"] == {"name": "vi", "role": "viewer"}
    cookie = hdrs["Set-Cookie"]
    for attribute in ("HttpOnly", "SameSite=Strict", "Path=/admin"):
        assert attribute in cookie
    assert "Secure" not in cookie  # plain HTTP here
    old = [c.value for c in client.jar][0]
    status, _, me = client.request("GET", API + "/me")
    assert status == 200 and me["name"] == "vi" and me["csrf_token"] == client.csrf
    # logging in again gives a new session id and ends the old one
    stale = Client(server.base)
    stale.jar.set_cookie(list(client.jar)[0])
    assert client.login("vi")[0] == 200
    assert [c.value for c in client.jar][0] != old
    assert stale.request("GET", API + "/me")[0] == 401
    # logout ends the session
    assert client.request("DELETE", API + "/session")[0] == 204
    assert client.request("GET", API + "/me")[0] == 401


def test_expired_session(tmp_path):
    srv = Server(tmp_path, "session_idle_timeout=1\n")
    try:
        client = srv.client("vi")
        assert client.request("GET", API + "/me")[0] == 200
        time.sleep(2.5)
        status, _, body = client.request("GET", API + "/me")
        assert status == 401 and body["error"]["code"] == "unauthorized"
    finally:
        srv.stop()


def test_missing_csrf_token(server):
    client = server.client("ed")
    status, _, body = client.request("POST", API + "/kb", dict(NEW_TOPIC, topic_id="csrf-test"), csrf=False)
    assert status == 403 and body["error"]["code"] == "csrf"
    assert client.request("GET", API + "/kb/csrf-test")[0] == 404  # nothing written


def test_missing_required_language(server):
    client = server.client("ed")
    entry = json.loads(json.dumps(NEW_TOPIC))
    entry["topic_id"] = "no-thai"
    del entry["content"]["th"]
    status, _, body = client.request("POST", API + "/kb", entry)
    assert status == 400
    assert body["error"]["code"] == "invalid_data"
    assert [f["field"] for f in body["fields"]] == ["content.th"]
    assert client.request("GET", API + "/kb/no-thai")[0] == 404
    # an unknown field is named too
    status, _, body = client.request("POST", API + "/kb", dict(NEW_TOPIC, topic_id="odd", colour="blue"))
    assert status == 400 and "colour" in body["error"]["message"]


def test_two_editors_conflict(server):
    one, two = server.client("ed"), server.client("ed2")
    entry = dict(NEW_TOPIC, topic_id="conflict-topic")
    status, _, created = one.request("POST", API + "/kb", entry)
    assert status == 201 and created["status"] == "draft" and created["revision"] == 1
    assert one.request("POST", API + "/kb", entry)[2]["error"]["code"] == "exists"
    base = created["revision"]
    first = json.loads(json.dumps(entry))
    first["content"]["en"] = "First editor's text."
    status, _, saved = one.request("PUT", API + "/kb/conflict-topic", dict(first, revision=base))
    assert status == 200 and saved["revision"] == base + 1 and saved["updated_by"] == "ed"
    second = json.loads(json.dumps(entry))
    second["content"]["en"] = "Second editor's text."
    status, _, body = two.request("PUT", API + "/kb/conflict-topic", dict(second, revision=base))
    assert status == 409 and body["error"]["code"] == "conflict"
    assert body["current"]["content"]["en"] == "First editor's text."
    assert body["current"]["revision"] == base + 1
    status, _, current = two.request("GET", API + "/kb/conflict-topic")
    assert current["content"]["en"] == "First editor's text."
    # with the current revision, the second editor may save
    status, _, saved = two.request("PUT", API + "/kb/conflict-topic", dict(second, revision=base + 1))
    assert status == 200 and saved["content"]["en"] == "Second editor's text."
    assert two.request("DELETE", API + "/kb/conflict-topic")[0] == 204
    assert two.request("GET", API + "/kb/conflict-topic")[0] == 404  # a never-published draft is gone


def test_import_with_errors_applies_nothing(server):
    client = server.client("ed")
    before = client.request("GET", API + "/kb?status=draft")[2]["total"]
    good = dict(NEW_TOPIC, topic_id="import-good")
    bad_language = json.loads(json.dumps(NEW_TOPIC))
    bad_language["topic_id"] = "import-bad"
    del bad_language["content"]["zh"]
    entries = [good, bad_language, {"topic_id": "import-odd", "content": {"en": "x", "th": "x", "zh": "x"}, "x": 1}]
    for dry_run in ("1", "0"):
        status, _, body = client.request("POST", API + "/kb/import?format=json&dry_run=" + dry_run, entries)
        assert status == 400, body
        assert body["applied"] is False
        assert sorted(e["entry"] for e in body["errors"]) == ["entry 3", "import-bad"]
        assert body["added"] == ["import-good"]
    assert client.request("GET", API + "/kb/import-good")[0] == 404
    assert client.request("GET", API + "/kb?status=draft")[2]["total"] == before


def test_import_csv_preview_then_apply_and_export(server):
    client = server.client("ed")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["topic_id", "category", "tags", "keywords", "questions_en", "questions_th", "questions_zh",
                     "content_en", "content_th", "content_zh"])
    writer.writerow(["csv-topic", "csvcat", "a | b", "quux", "What is quux?|Tell me about quux",
                     "ควักซ์คืออะไร", "什么是quux", 'Quux is "great", really.', "ควักซ์ดีมาก", "quux很好"])
    status, _, preview = client.request("POST", API + "/kb/import?format=csv&dry_run=1", out.getvalue())
    assert status == 200 and preview["added"] == ["csv-topic"] and preview["applied"] is False
    assert client.request("GET", API + "/kb/csv-topic")[0] == 404
    status, _, applied = client.request("POST", API + "/kb/import?format=csv", out.getvalue())
    assert status == 200 and applied["applied"] is True
    status, _, entry = client.request("GET", API + "/kb/csv-topic")
    assert entry["tags"] == ["a", "b"]
    assert entry["questions"]["en"] == ["What is quux?", "Tell me about quux"]
    assert entry["content"]["en"] == 'Quux is "great", really.'
    # the same file again: nothing changes
    status, _, again = client.request("POST", API + "/kb/import?format=csv&dry_run=1", out.getvalue())
    assert again["unchanged"] == 1 and again["added"] == [] and again["changed"] == []
    status, hdrs, data = client.request("GET", API + "/kb/export?format=csv&version=working", raw=True)
    assert status == 200 and "attachment" in hdrs["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    row = [r for r in rows if r["topic_id"] == "csv-topic"][0]
    assert row["content_en"] == 'Quux is "great", really.' and row["tags"] == "a | b"
    status, hdrs, data = client.request("GET", API + "/kb/export?format=json", raw=True)
    assert status == 200 and isinstance(json.loads(data), list)
    assert client.request("DELETE", API + "/kb/csv-topic")[0] == 204


def test_publish_switches_answers_live_and_rollback(server):
    editor = server.client("ed")
    status, reply = server.chat("How long is the zorblax warranty?")
    assert status == 200 and reply["topic_id"] != "zorblax-warranty"
    status, _, created = editor.request("POST", API + "/kb", NEW_TOPIC)
    assert status == 201
    # the draft answers in "try it", the live bot does not
    status, _, tried = editor.request("POST", API + "/kb/try", {"message": "How long is the zorblax warranty?"})
    assert status == 200 and tried["topic_id"] == "zorblax-warranty" and tried["language"] == "en"
    assert tried["hits"][0]["topic_id"] == "zorblax-warranty" and tried["hits"][0]["score"] > 0
    assert server.chat("How long is the zorblax warranty?")[1]["topic_id"] != "zorblax-warranty"
    previous = editor.request("GET", API + "/kb/versions")[2]["versions"][0]["version"]

    # a client keeps chatting while the KB is published
    failures, answered, stop = [], [], threading.Event()

    def chatter():
        while not stop.is_set():
            code, body = server.chat("ซอร์แบล็กซ์รับประกันกี่ปี")
            if code != 200:
                failures.append(code)
            else:
                answered.append(body["topic_id"])

    thread = threading.Thread(target=chatter)
    thread.start()
    try:
        time.sleep(0.3)
        status, _, published = editor.request("POST", API + "/kb/publish", {"comment": "zorblax"})
        time.sleep(0.3)
    finally:
        stop.set()
        thread.join()
    assert status == 200 and published["version"] == previous + 1
    assert failures == []
    assert answered and answered[-1] == "zorblax-warranty"
    status, reply = server.chat("How long is the zorblax warranty?")
    assert reply["topic_id"] == "zorblax-warranty" and "7 years" in reply["reply"]
    status, _, entry = editor.request("GET", API + "/kb/zorblax-warranty")
    assert entry["status"] == "published"

    status, _, versions = editor.request("GET", API + "/kb/versions")
    newest = versions["versions"][0]
    assert newest["version"] == published["version"] and newest["published_by"] == "ed"
    assert newest["comment"] == "zorblax"
    status, _, diff = editor.request("GET", API + "/kb/versions/%d/diff" % published["version"])
    assert status == 200 and "zorblax-warranty" in diff["added"] and diff["removed"] == []

    status, _, rolled = editor.request("POST", API + "/kb/versions/%d/rollback" % previous)
    assert status == 200 and rolled["version"] == published["version"] + 1
    assert server.chat("How long is the zorblax warranty?")[1]["topic_id"] != "zorblax-warranty"
    status, _, diff = editor.request("GET", API + "/kb/versions/%d/diff" % rolled["version"])
    assert diff["removed"] == ["zorblax-warranty"]
    audit = server.client("root").request("GET", API + "/audit?limit=500")[2]
    actions = {e["action"] for e in audit["entries"]}
    assert {"login", "kb.save", "kb.publish", "kb.rollback"} <= actions


def test_a_product_named_alone_follows_the_published_overview(server):
    """The topic that a product named alone is answered with is the one the published KB tags
    "overview" (the bot's index of topics by product is made again for each KB version)."""
    editor = server.client("ed")
    assert server.chat("need solar")[1]["topic_id"] == "solar-rooftop-overview"
    previous = editor.request("GET", API + "/kb/versions")[2]["versions"][0]["version"]
    for topic, tags in (("solar-rooftop-overview", ["solar", "rooftop", "renewable-energy"]),
                        ("solar-rooftop-price", ["solar", "price", "overview", "quotation"])):
        status, _, entry = editor.request("GET", API + "/kb/" + topic)
        assert status == 200
        entry["tags"] = tags
        status, _, _ = editor.request("PUT", API + "/kb/" + topic, entry)
        assert status == 200
    status, _, published = editor.request("POST", API + "/kb/publish", {"comment": "overview moved"})
    assert status == 200
    try:
        reply = server.chat("need solar")[1]
        assert (reply["outcome"], reply["topic_id"]) == ("answered", "solar-rooftop-price"), reply
    finally:
        status, _, _ = editor.request("POST", API + "/kb/versions/%d/rollback" % previous)
        assert status == 200
    assert server.chat("need solar")[1]["topic_id"] == "solar-rooftop-overview"


def test_list_search_filters_and_paging(server):
    client = server.client("vi")
    status, _, page = client.request("GET", API + "/kb?limit=5&offset=0&sort=topic_id")
    assert status == 200 and page["limit"] == 5 and len(page["entries"]) == 5
    ids = [e["topic_id"] for e in page["entries"]]
    assert ids == sorted(ids)
    status, _, page2 = client.request("GET", API + "/kb?limit=5&offset=5&sort=topic_id")
    assert not set(ids) & {e["topic_id"] for e in page2["entries"]}
    thai = client.request("GET", API + "/kb?q=" + urllib.request.quote("โซลาร์"))[2]
    assert thai["total"] > 0
    status, _, desc = client.request("GET", API + "/kb?sort=topic_id&order=desc&limit=500")
    assert [e["topic_id"] for e in desc["entries"]] == sorted((e["topic_id"] for e in desc["entries"]),
                                                              reverse=True)
    category = desc["entries"][0]["category"]
    by_cat = client.request("GET", API + "/kb?limit=500&category=" + urllib.request.quote(category))[2]
    assert by_cat["total"] > 0 and all(e["category"] == category for e in by_cat["entries"])
    assert client.request("GET", API + "/kb?limit=abc")[0] == 400
    assert client.request("GET", API + "/kb?sort=colour")[0] == 400
    assert client.request("GET", API + "/kb?limit=100000")[2]["limit"] == 500


def test_users_and_tokens(server):
    admin = server.client("root")
    status, _, body = admin.request("POST", API + "/users", {"name": "temp", "role": "viewer",
                                                              "password": "temporary-pass"})
    assert status == 201
    assert admin.request("POST", API + "/users", {"name": "temp", "role": "viewer",
                                                    "password": "temporary-pass"})[0] == 409
    assert admin.request("POST", API + "/users", {"name": "x y", "role": "viewer",
                                                    "password": "temporary-pass"})[0] == 400
    assert admin.request("POST", API + "/users", {"name": "short", "role": "viewer", "password": "short"})[0] == 400
    users = admin.request("GET", API + "/users")[2]["users"]
    assert "password_hash" not in json.dumps(users)
    temp = Client(server.base)
    assert temp.login("temp", "temporary-pass")[0] == 200
    assert admin.request("PATCH", API + "/users/temp", {"disabled": True})[0] == 200
    assert temp.request("GET", API + "/me")[0] == 401  # disabling ends the sessions
    assert Client(server.base).login("temp", "temporary-pass")[0] == 401
    assert admin.request("DELETE", API + "/users/root")[0] == 400  # not yourself
    assert admin.request("DELETE", API + "/users/temp")[0] == 204

    viewer = server.client("vi")
    status, _, created = viewer.request("POST", API + "/tokens", {"name": "script"})
    assert status == 201 and created["token"].startswith("cbt_")
    listed = viewer.request("GET", API + "/tokens")[2]["tokens"]
    assert [t["name"] for t in listed] == ["script"] and "token" not in listed[0]
    bearer = Client(server.base, token=created["token"])
    assert bearer.request("GET", API + "/me")[2]["name"] == "vi"
    assert bearer.request("POST", API + "/kb", NEW_TOPIC)[0] == 403  # a viewer's token is a viewer
    assert viewer.request("DELETE", API + "/tokens/%d" % created["id"])[0] == 204
    assert bearer.request("GET", API + "/me")[0] == 401


def test_cli_user_password_never_in_argv(tmp_path):
    data = str(tmp_path / "data")
    # there is no option that takes a password
    proc = run_cli("user", "add", "--role", "viewer", "--password", "secret-pass-1", "carol", "--data-dir", data)
    assert proc.returncode != 0
    assert "carol" not in run_cli("user", "list", "--data-dir", data, check=0).stdout
    run_cli("user", "add", "--role", "editor", "carol", "--data-dir", data, stdin="carol-password-1\n", check=0)
    run_cli("user", "add", "--role", "editor", "carol", "--data-dir", data, stdin="carol-password-1\n", check=1)
    run_cli("user", "add", "--role", "boss", "dave", "--data-dir", data, stdin="dave-password-1\n", check=2)
    run_cli("user", "add", "--role", "viewer", "dave", "--data-dir", data, stdin="short\n", check=1)
    listed = run_cli("user", "list", "--data-dir", data, check=0).stdout
    assert re.search(r"^carol\s+editor", listed, re.M) and "dave" not in listed
    token = run_cli("user", "token", "carol", "--data-dir", data, check=0).stdout.strip()
    assert token.startswith("cbt_")
    run_cli("user", "token", "nobody", "--data-dir", data, check=1)
    # the token works as a Bearer token against a server on the same data
    conf = tmp_path / "c.conf"
    conf.write_text("", encoding="utf-8")
    proc = subprocess.Popen([CBLUE, "serve", "--port", "0", "--data-dir", data], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("Listening on"), proc.stderr.read()
        client = Client(line.split()[-1].rstrip("/"), token=token)
        status, _, me = client.request("GET", API + "/me")
        assert status == 200 and me["name"] == "carol" and me["role"] == "editor"
        # no CSRF token needed with a bearer token
        status, _, created = client.request("POST", API + "/kb", dict(NEW_TOPIC, topic_id="from-script"))
        assert status == 201 and created["updated_by"] == "carol"
        assert Client(client.base, token=token + "x").request("GET", API + "/me")[0] == 401
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    run_cli("user", "delete", "carol", "--data-dir", data, check=0)
    run_cli("user", "delete", "carol", "--data-dir", data, check=1)


def test_body_limit_and_bad_json(server):
    client = server.client("ed")
    status, _, body = client.request("POST", API + "/kb", "not json")
    assert status == 400 and body["error"]["code"] == "invalid_data"
    status, _, body = client.request("PUT", API + "/kb/x", dict(NEW_TOPIC, topic_id="x"))
    assert status == 400  # no revision
    status, _, body = client.request("GET", API + "/nope")
    assert status == 404 and body["error"]["code"] == "not_found"
    status, _, body = client.request("PATCH", API + "/kb")
    assert status == 405
