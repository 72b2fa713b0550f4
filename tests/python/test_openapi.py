# SPDX-License-Identifier: LGPL-2.1-or-later
"""docs/openapi.yaml against the real server.

`cblue serve` is started on 127.0.0.1 and every documented operation is called for every
status it documents (200/101/204 and each error: 400, 403, 405, 411, 413, 415, 429, 503).
Each real response is checked against the document with a JSON Schema 2020-12 validator
(python3-jsonschema): the status must be documented for the operation, the headers marked
`required` must be present and match their schema, and the body must match the schema of
its media type. WebSocket frames are checked against WsClientFrame / WsServerFrame. At the
end, every (path, method, status) of the document must have been produced, and every path
the server routes must be documented (the admin console, under /admin, is described
elsewhere for now).

With CBLUE_TEST_TOPOLOGY=1 (meson test test_openapi_topology) the same checks run against
the scaled topology (tests/python/topology_mode.py): PostgreSQL, Redis, 2 API processes and
2 workers behind nginx, every request through nginx except a chunked body (nginx de-chunks
request bodies, so the 411 is asked of an API process directly); the shutdown case becomes
"Redis is down" (/readyz 503 through nginx)."""

import contextlib
import http.client
import json
import os
import re
import signal
import subprocess
import time

import pytest

from conftest import CBLUE
from topology_mode import TOPOLOGY, topology
from cblue_process import stop_gracefully

yaml = pytest.importorskip("yaml")
jsonschema = pytest.importorskip("jsonschema")
websocket = pytest.importorskip("websocket")

SOURCE_ROOT = os.environ.get("CBLUE_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
SPEC_FILE = os.path.join(SOURCE_ROOT, "docs", "openapi.yaml")
SERVER_SOURCE = os.path.join(SOURCE_ROOT, "core", "cblue-server.c")
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class Spec:
    """The OpenAPI document, its validator, and what the test has exercised of it."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.doc = yaml.safe_load(f)
        self.resolver = jsonschema.RefResolver.from_schema(self.doc)
        self.covered = set()
        self.templates = []
        for template in self.doc["paths"]:
            regex = "^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "$"
            self.templates.append((template, re.compile(regex)))

    def deref(self, obj):
        while isinstance(obj, dict) and "$ref" in obj:
            obj = self.resolver.resolve(obj["$ref"])[1]
        return obj

    def validator(self, schema):
        return jsonschema.Draft202012Validator(schema, resolver=self.resolver)

    def validate(self, schema, instance, what):
        errors = sorted(self.validator(schema).iter_errors(instance), key=lambda e: list(e.path))
        assert not errors, f"{what}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    def is_valid(self, schema, instance):
        return self.validator(schema).is_valid(instance)

    def template_of(self, path):
        path = path.split("?", 1)[0]
        for template, regex in self.templates:
            if regex.match(path):
                return template
        return None

    def expected(self, method, path, status):
        """The response object the document gives for this request, or None."""
        template = self.template_of(path)
        if template is None:
            return None, None
        item = self.doc["paths"][template]
        operation = item.get(method.lower())
        if operation is None and method == "HEAD":
            operation = item.get("get")  # GET routes answer HEAD (info.description)
        if operation is None and status == 405:
            # a method the path does not have: its 405 is documented on the methods it has
            operation = next((item[m] for m in METHODS if m in item and "405" in item[m]["responses"]), None)
        if operation is None:
            return template, None
        responses = operation["responses"]
        response = responses.get(str(status))
        return template, self.deref(response) if response is not None else None

    def operation_method(self, template, method, status):
        """The documented method a response counts for (see expected())."""
        item = self.doc["paths"][template]
        if method.lower() in item:
            return method.lower()
        if method == "HEAD" and "get" in item:
            return "get"
        return next(m for m in METHODS if m in item and str(status) in item[m]["responses"])

    def check(self, method, path, status, headers, body):
        """Checks one real response; `headers` is a case-insensitive mapping."""
        template, response = self.expected(method, path, status)
        assert template is not None, f"{method} {path}: the path is not documented"
        assert response is not None, f"{method} {path} → {status}: the status is not documented"
        what = f"{method} {path} → {status}"
        for name, header in response.get("headers", {}).items():
            header = self.deref(header)
            value = headers.get(name)
            if header.get("required"):
                assert value is not None, f"{what}: header {name} is missing"
            if value is not None:
                self.validate(header["schema"], value, f"{what}: header {name}={value!r}")
        content = response.get("content")
        if method == "HEAD":
            assert not body, f"{what}: a body in the answer to HEAD"
        elif content:
            ctype = headers.get("Content-Type", "")
            base = ctype.split(";", 1)[0].strip().lower()
            media = [m for m in content if m.split(";", 1)[0].strip().lower() == base]
            assert media, f"{what}: Content-Type {ctype!r} is not one of {list(content)}"
            schema = content[media[0]]["schema"]
            text = body.decode("utf-8")
            instance = json.loads(text) if base == "application/json" else text
            self.validate(schema, instance, f"{what}: body")
        else:
            assert not body, f"{what}: a body where none is documented"
        self.covered.add((template, self.operation_method(template, method, status), str(status)))
        return response

    def documented(self):
        """Every (path, method, status) of the document, `default` left out."""
        out = set()
        for template, item in self.doc["paths"].items():
            for method in METHODS:
                operation = item.get(method)
                if operation is None:
                    continue
                for status in operation["responses"]:
                    if status != "default":
                        out.add((template, method, status))
        return out


@pytest.fixture(scope="module")
def spec():
    return Spec(SPEC_FILE)


class Server:
    def __init__(self, tmp_path, name, config=""):
        self.dir = tmp_path / name
        self.dir.mkdir()
        conf = self.dir / "cblue.conf"
        conf.write_text(config, encoding="utf-8")
        cmd = [CBLUE, "serve", "--port", "0", "--threads", "2", "--data-dir", str(self.dir / "data"),
               "--config", str(conf)]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        assert line.startswith("Listening on http://127.0.0.1:"), (line, self.proc.stderr.read())
        self.port = int(line.split()[-1].rstrip("/").rsplit(":", 1)[1])

    def connection(self):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)

    def raw(self, method, path, body=None, headers=None, chunked=False, port=None):
        """`port` is for the topology's API processes; one process has only its own"""
        conn = self.connection()
        try:
            hdrs = dict(headers or {})
            if chunked:
                conn.request(method, path, body=iter([body]), headers=hdrs, encode_chunked=True)
            else:
                conn.request(method, path, body=body, headers=hdrs)
            resp = conn.getresponse()
            return resp.status, resp.headers, resp.read()
        finally:
            conn.close()

    def stop(self):
        stop_gracefully(self.proc)


def ini_to_dict(text):
    groups = {}
    group = None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            group = groups.setdefault(line.strip("[]"), {})
        elif "=" in line:
            key, _, value = line.partition("=")
            group[key.strip()] = value.strip()
    return groups


@pytest.fixture
def servers(tmp_path):
    started = []
    with contextlib.ExitStack() as topologies:
        def start(name, config=""):
            if TOPOLOGY:
                # "main" on the shared PostgreSQL with 2 API processes; the others (per-process
                # limits) on one API process and SQLite
                main = name == "main"
                srv = topologies.enter_context(topology(ini_to_dict(config), apis=2 if main else 1,
                                                        workers=2 if main else 1, postgres=main))
            else:
                srv = Server(tmp_path, name, config)
            started.append(srv)
            return srv

        try:
            yield start
        finally:
            for srv in started:
                if not TOPOLOGY and srv.proc.poll() is None:
                    srv.proc.kill()
                    srv.proc.wait()


def call(spec, srv, method, path, body=None, content_type="application/json", headers=None, chunked=False,
         expect=None):
    hdrs = dict(headers or {})
    if body is not None and not isinstance(body, bytes):
        body = json.dumps(body, ensure_ascii=False).encode("utf-8")
    if body is not None and content_type is not None:
        hdrs["Content-Type"] = content_type
    # nginx reads a chunked request body whole and passes it on with a Content-Length: the
    # 411 of a chunked body is an API process's own answer
    port = srv.api_ports[0] if TOPOLOGY and chunked else None
    status, resp_headers, data = srv.raw(method, path, body, hdrs, chunked, port=port)
    if expect is not None:
        assert status == expect, (method, path, status, data[:300])
    spec.check(method, path, status, resp_headers, b"" if method == "HEAD" else data)
    return status, resp_headers, data


WS_HANDSHAKE = {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
                "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}


def ws_frames(spec, ws, count):
    frames = []
    for _ in range(count):
        frame = json.loads(ws.recv())
        spec.validate({"$ref": "#/components/schemas/WsServerFrame"}, frame, f"server frame {frame}")
        frames.append(frame)
    return frames


def ws_send(spec, ws, frame):
    spec.validate({"$ref": "#/components/schemas/WsClientFrame"}, frame, f"client frame {frame}")
    ws.send(json.dumps(frame, ensure_ascii=False))


def test_document_is_valid(spec):
    """The document itself: OpenAPI 3.1, every schema a valid 2020-12 schema, every $ref
    resolves, every operation documents its responses."""
    doc = spec.doc
    assert doc["openapi"].startswith("3.1.")
    for name, schema in doc["components"]["schemas"].items():
        jsonschema.Draft202012Validator.check_schema(schema)

    def walk(node, where):
        if isinstance(node, dict):
            if "$ref" in node:
                spec.resolver.resolve(node["$ref"])
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(doc, "#")
    for template, item in doc["paths"].items():
        assert template.startswith("/")
        for method in METHODS:
            if method in item:
                assert item[method]["responses"], (template, method)
    # the validator really rejects: a reply without its fields, an unknown frame
    assert not spec.is_valid({"$ref": "#/components/schemas/ChatReply"}, {"reply": "x"})
    # an answered reply is valid with a second topic, not with an empty or a null one
    answered = {"conversation_id": "c", "message_id": "m", "reply": "x", "language": "en", "topic_id": "a",
                "sources": [{"topic_id": "a", "score": 1}, {"topic_id": "b", "score": 0.9}],
                "pii_redacted": False, "outcome": "answered", "confidence": 0.9}
    assert spec.is_valid({"$ref": "#/components/schemas/ChatReply"}, dict(answered, second_topic_id="b"))
    assert not spec.is_valid({"$ref": "#/components/schemas/ChatReply"}, dict(answered, second_topic_id=""))
    assert not spec.is_valid({"$ref": "#/components/schemas/ChatReply"}, dict(answered, second_topic_id=None))
    assert not spec.is_valid({"$ref": "#/components/schemas/WsServerFrame"}, {"type": "nonsense"})
    assert not spec.is_valid({"$ref": "#/components/schemas/WsClientFrame"}, {"type": "message"})


def served_paths():
    """The paths given to soup_server_add_handler() and soup_server_add_websocket_handler()
    anywhere in core/, string literals or #defined names."""
    core = os.path.dirname(SERVER_SOURCE)
    sources = ""
    for name in sorted(os.listdir(core)):
        if name.endswith((".c", ".h")):
            with open(os.path.join(core, name), encoding="utf-8") as f:
                sources += f.read() + "\n"
    defines = dict(re.findall(r'#define\s+(\w+)\s+"([^"]*)"', sources))
    served = set()
    for arg in re.findall(r'soup_server_add_(?:websocket_)?handler\(\s*[^,]+,\s*([^,]+),', sources):
        arg = arg.strip()
        if arg == "NULL":
            continue  # the default handler: /widget.js and 404s, see below
        if arg.startswith('"'):
            served.add(arg.strip('"'))
        else:
            assert arg in defines, f"cannot resolve the handler path {arg}"
            served.add(defines[arg])
    return served


def test_every_served_path_is_documented(spec):
    """Each handler path registered in core/ is a documented path (or the prefix of one),
    the admin console aside."""
    served = served_paths()
    assert "/api/v1/chat" in served and "/metrics" in served, served
    documented = list(spec.doc["paths"])
    for path in sorted(served):
        if path == "/admin" or path.startswith("/admin/"):
            continue  # x-cblue-admin: to be described
        assert any(d == path or d.startswith(path + "/") for d in documented), f"{path} is served, not documented"
    # /widget.js is served by the default handler
    assert "/widget.js" in documented


def test_responses_match_the_document(spec, servers):
    main = servers("main", "[server]\ncors_origins=https://shop.example\nws_max_per_ip=1\n"
                   "rate_limit=1000\nrate_limit_burst=1000\n")
    limited = servers("limited", "[server]\nrate_limit=0.01\nrate_limit_burst=1\nmetrics_from=10.9.9.9\n")

    # chat
    _, headers, data = call(spec, main, "POST", "/api/v1/chat", {"message": "ติดโซลาร์เซลล์ราคาเท่าไหร่"},
                            headers={"X-Request-Id": "openapi-test-1"}, expect=200)
    reply = json.loads(data)
    assert headers["X-Request-Id"] == "openapi-test-1"
    assert reply["language"] == "th" and reply["outcome"] == "answered"
    # a message that asks two things: the second topic too, a documented field
    _, _, data = call(spec, main, "POST", "/api/v1/chat",
                      {"message": "Does solar still work during a power cut? How much would a battery cost?"},
                      expect=200)
    two = json.loads(data)
    assert two["topic_id"] == "solar-power-outage" and two["second_topic_id"] == "solar-battery", two
    assert "second_topic_id" not in reply
    call(spec, main, "POST", "/api/v1/chat", {"message": "my email is somchai@example.com",
                                               "conversation_id": reply["conversation_id"], "language": "en"},
         content_type="text/plain", expect=200)
    for body in (b"not json", b"[]", {"message": 42}, {"text": "hello"}, {"message": "hi", "extra": 1},
                 {"message": "   "}, {"message": "hi", "language": "fr"}, b'{"message":"\xff\xfe"}', b""):
        call(spec, main, "POST", "/api/v1/chat", body, expect=400)
    call(spec, main, "GET", "/api/v1/chat", expect=405)
    call(spec, main, "POST", "/api/v1/chat", {"message": "x"}, chunked=True, expect=411)
    call(spec, main, "POST", "/api/v1/chat", {"message": "x" * 70000}, expect=413)
    call(spec, main, "POST", "/api/v1/chat", {"message": "ห" * 5000}, expect=413)
    call(spec, main, "POST", "/api/v1/chat", {"message": "x"}, content_type="text/html", expect=415)
    call(spec, main, "POST", "/api/v1/chat", {"message": "x"}, content_type="multipart/form-data", expect=415)
    _, headers, _ = call(spec, main, "OPTIONS", "/api/v1/chat", headers={
        "Origin": "https://shop.example", "Access-Control-Request-Method": "POST"}, expect=204)
    assert headers["Access-Control-Allow-Origin"] == "https://shop.example"
    call(spec, main, "OPTIONS", "/api/v1/chat", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}, expect=403)

    # feedback
    call(spec, main, "POST", "/api/v1/feedback", {"conversation_id": reply["conversation_id"],
                                                   "message_id": reply["message_id"], "rating": "up"}, expect=200)
    for body in (b"{", {"conversation_id": "c", "message_id": "m", "rating": "meh"},
                 {"conversation_id": "c", "rating": "up"}, {"conversation_id": 1, "message_id": "m", "rating": "up"},
                 {"conversation_id": "c", "message_id": "m", "rating": "up", "why": "x"}):
        call(spec, main, "POST", "/api/v1/feedback", body, expect=400)
    call(spec, main, "GET", "/api/v1/feedback", expect=405)
    call(spec, main, "POST", "/api/v1/feedback", {"rating": "up"}, chunked=True, expect=411)
    call(spec, main, "POST", "/api/v1/feedback", b"{" + b" " * 70000 + b"}", expect=413)
    call(spec, main, "POST", "/api/v1/feedback", {"rating": "up"}, content_type="image/png", expect=415)
    call(spec, main, "OPTIONS", "/api/v1/feedback", headers={
        "Origin": "https://shop.example", "Access-Control-Request-Method": "POST"}, expect=204)
    call(spec, main, "OPTIONS", "/api/v1/feedback", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}, expect=403)

    # conversation history (written behind, within the group-commit delay)
    path = "/api/v1/conversations/" + reply["conversation_id"]
    for _ in range(200):
        status, _, data = main.raw("GET", path)
        if status == 200 and len(json.loads(data)["messages"]) == 4:
            break
        time.sleep(0.05)
    _, _, data = call(spec, main, "GET", path, expect=200)
    messages = json.loads(data)["messages"]
    assert [m["role"] for m in messages] == ["user", "bot", "user", "bot"]
    assert "somchai@example.com" not in data.decode("utf-8")
    call(spec, main, "HEAD", path, expect=200)
    call(spec, main, "GET", "/api/v1/conversations/no-such-conversation", expect=404)
    call(spec, main, "GET", "/api/v1/conversations/" + "x" * 65, expect=404)
    call(spec, main, "PUT", path, expect=405)

    # operations
    call(spec, main, "GET", "/healthz", expect=200)
    call(spec, main, "HEAD", "/healthz", expect=200)
    call(spec, main, "POST", "/healthz", expect=405)
    call(spec, main, "GET", "/readyz", expect=200)
    call(spec, main, "DELETE", "/readyz", expect=405)
    _, _, data = call(spec, main, "GET", "/metrics", expect=200)
    assert b'pipeline_stage_duration_seconds_count{stage="pipeline"}' in data
    call(spec, main, "POST", "/metrics", expect=405)
    _, _, data = call(spec, main, "GET", "/widget.js", expect=200)
    assert b"attachShadow" in data

    # the WebSocket route: the handshake's errors are JSON too
    call(spec, main, "GET", "/api/v1/chat/ws", expect=400)
    call(spec, main, "GET", "/api/v1/chat/ws", headers={"Upgrade": "websocket", "Connection": "Upgrade"},
         expect=400)
    call(spec, main, "POST", "/api/v1/chat/ws", expect=405)
    call(spec, main, "GET", "/api/v1/chat/ws", headers={**WS_HANDSHAKE, "Origin": "https://evil.example"},
         expect=403)
    ws = websocket.create_connection(f"ws://127.0.0.1:{main.port}/api/v1/chat/ws", timeout=30,
                                     header=["X-Request-Id: openapi-ws-1"])
    try:
        spec.check("GET", "/api/v1/chat/ws", ws.getstatus(), CaseInsensitive(ws.getheaders()), b"")
        ws_send(spec, ws, {"type": "message", "text": "今天天气怎么样"})
        typing, reply_frame = ws_frames(spec, ws, 2)
        assert typing == {"type": "typing"} and reply_frame["type"] == "reply" and reply_frame["language"] == "zh"
        ws_send(spec, ws, {"type": "ping"})
        assert ws_frames(spec, ws, 1) == [{"type": "pong"}]
        ws.send("{not json")
        (error,) = ws_frames(spec, ws, 1)
        assert error["type"] == "error" and error["error"]["code"] == "invalid_data"
        ws_send(spec, ws, {"type": "message", "text": "solar warranty", "conversation_id": None, "language": "en"})
        assert [f["type"] for f in ws_frames(spec, ws, 2)] == ["typing", "reply"]
        # ws_max_per_ip=1: a second connection from this address is refused (per process:
        # through nginx, until a handshake reaches the API process that holds `ws`; any
        # other is upgraded, checked and closed)
        for _ in range(10 if TOPOLOGY else 1):
            status, _, _ = call(spec, main, "GET", "/api/v1/chat/ws", headers=WS_HANDSHAKE)
            if status == 429:
                break
            assert TOPOLOGY and status == 101, status
        assert status == 429
    finally:
        ws.close()

    # paths nobody serves are a JSON 404
    not_found = spec.deref(spec.doc["components"]["responses"]["NotFound"])
    for method, path in (("GET", "/"), ("GET", "/api/v1"), ("POST", "/api/v1/chat/extra"),
                         ("GET", "/api/v1/feedback/1"), ("GET", "/healthz/x"), ("GET", "/metrics/x"),
                         ("GET", "/widget.js.map"), ("GET", "/api/v2/chat"), ("GET", "/api/v1/conversations")):
        status, headers, data = main.raw(method, path, b"{}" if method == "POST" else None,
                                         {"Content-Type": "application/json"} if method == "POST" else {})
        assert status == 404, (method, path, status)
        assert spec.template_of(path) is None, path
        spec.validate(not_found["content"]["application/json"]["schema"], json.loads(data), f"{method} {path}")
        assert headers["X-Request-Id"]

    # the rate limit (burst 1) and /metrics from an address not allowed
    call(spec, limited, "POST", "/api/v1/chat", {"message": "office hours?"}, expect=200)
    _, headers, _ = call(spec, limited, "POST", "/api/v1/chat", {"message": "office hours?"}, expect=429)
    assert int(headers["Retry-After"]) >= 1
    call(spec, limited, "POST", "/api/v1/feedback", {"conversation_id": "c", "message_id": "m", "rating": "up"},
         expect=429)
    call(spec, limited, "GET", "/api/v1/conversations/abc", expect=429)
    call(spec, limited, "GET", "/metrics", expect=403)
    ws = websocket.create_connection(f"ws://127.0.0.1:{limited.port}/api/v1/chat/ws", timeout=30)
    try:
        ws_send(spec, ws, {"type": "message", "text": "office hours?"})
        (error,) = ws_frames(spec, ws, 1)
        assert error["type"] == "error" and error["error"]["code"] == "busy" and error["error"]["retry_after"] >= 1
    finally:
        ws.close()

    if TOPOLOGY:
        check_queue_down(spec, main)
    else:
        check_shutting_down(spec, servers)

    if not TOPOLOGY:
        main.stop()
        limited.stop()
    missing = spec.documented() - spec.covered
    assert not missing, f"documented but never produced: {sorted(missing)}"


def check_queue_down(spec, srv):
    """The topology whose Redis is down: /readyz 503 through nginx, a chat 503 + Retry-After."""
    srv.topo.redis.kill()
    for _ in range(200):
        status, _, _ = srv.raw("GET", "/readyz")
        if status == 503:
            break
        time.sleep(0.05)
    call(spec, srv, "GET", "/readyz", expect=503)
    status, headers, data = srv.raw("POST", "/api/v1/chat", json.dumps({"message": "office hours?"}).encode(),
                                    {"Content-Type": "application/json"})
    assert status == 503 and int(headers["Retry-After"]) >= 1, (status, data)
    default = spec.deref(spec.doc["paths"]["/api/v1/chat"]["post"]["responses"]["default"])
    spec.validate(default["content"]["application/json"]["schema"], json.loads(data), "chat with Redis down")


def check_shutting_down(spec, servers):
    # /readyz while shutting down: asked on a connection opened before SIGTERM, while a
    # slow reply keeps the server draining
    slow = servers("slow", "[plugins]\nenabled=dummy\ndisabled=\n[dummy]\nmodel_delay_ms=1500\n")
    busy = slow.connection()
    probe = slow.connection()
    probe.request("GET", "/healthz")
    probe.getresponse().read()
    busy.request("POST", "/api/v1/chat", body=json.dumps({"message": "solar-warranty?"}),
                 headers={"Content-Type": "application/json"})
    time.sleep(0.3)
    slow.proc.send_signal(signal.SIGTERM)
    time.sleep(0.2)
    probe.request("GET", "/readyz")
    resp = probe.getresponse()
    spec.check("GET", "/readyz", resp.status, resp.headers, resp.read())
    assert resp.status == 503
    resp = busy.getresponse()
    spec.check("POST", "/api/v1/chat", resp.status, resp.headers, resp.read())
    assert resp.status == 200
    assert slow.proc.wait(timeout=30) == 0


class CaseInsensitive(dict):
    """The WebSocket client's handshake headers, looked up without regard to case."""

    def __init__(self, headers):
        super().__init__({k.lower(): v for k, v in (headers or {}).items()})

    def get(self, key, default=None):
        return super().get(key.lower(), default)
