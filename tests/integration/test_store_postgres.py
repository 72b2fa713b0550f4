# SPDX-License-Identifier: LGPL-2.1-or-later
"""store-postgres against a real, throw-away PostgreSQL (pgserver.py).

- the store contract, the same C test cases on SQLite and on PostgreSQL;
- `cblue migrate`: idempotent, four processes at once, bad URLs;
- selection: with CBLUE_DATABASE_URL no SQLite file is written;
- `cblue serve` with CBLUE_DATABASE_URL answers chat and records it;
- PostgreSQL restarted, or killed, mid-traffic: /readyz says not ready while it is away,
  failed writes wait in the outbox and are replayed, and afterwards the rows match the
  requests answered, none duplicated; the outbox also survives a restart of cblue.

Skipped when the PostgreSQL server binaries are not installed.
"""

import glob
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from pgserver import PgServer, free_port, pg_available  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "python"))
from cblue_process import run_command, server_exit_status  # noqa: E402

CBLUE = os.environ.get("CBLUE_BIN", "cblue")
CONFORMANCE = os.environ.get("CBLUE_STORE_CONFORMANCE")
ROOT = os.environ.get("CBLUE_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
MIGRATIONS = sorted(glob.glob(os.path.join(ROOT, "data", "sql", "postgres", "[0-9]*.sql")))

pytestmark = pytest.mark.skipif(not pg_available(), reason="PostgreSQL is not installed (apt-get install postgresql)")


@pytest.fixture(scope="module")
def pg():
    with PgServer() as server:
        yield server


@pytest.fixture
def db(pg):
    """A database of the test's own on the shared server: its URL."""
    return pg.create_database("t_" + uuid.uuid4().hex[:12])


@pytest.fixture
def own_pg():
    """A server of the test's own, to stop, restart and kill."""
    with PgServer() as server:
        yield server


def cblue_env(url=None, **extra):
    env = dict(os.environ)
    env.pop("CBLUE_DATABASE_URL", None)
    if url is not None:
        env["CBLUE_DATABASE_URL"] = url
    env.update(extra)
    return env


def run(args, data_dir, url=None, timeout=120, **extra):
    return run_command([CBLUE, *args, "--data-dir", str(data_dir)], timeout=timeout, env=cblue_env(url, **extra))


def dbname(url):
    return url.rsplit("/", 1)[1]


def count(pg, url, table):
    return int(pg.scalar(f"SELECT count(*) FROM {table}", dbname=dbname(url)))


# the store contract on both backends


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_store_conformance(pg, backend, tmp_path):
    if not CONFORMANCE or not os.path.exists(CONFORMANCE):
        pytest.skip("test-store-conformance is not built")
    env = cblue_env(CBLUE_TEST_STORE=backend, CBLUE_TEST_DATABASE_URL=pg.url, TMPDIR=str(tmp_path))
    proc = run_command([CONFORMANCE, "--tap"], timeout=300, env=env)
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-6000:]
    assert "not ok" not in proc.stdout
    # every case ran (the sqlite backend skips the one that store-sqlite tests itself)
    assert proc.stdout.count("\nok ") >= 10, proc.stdout


# the admin console's black-box tests (tests/python/test_admin.py), run on PostgreSQL:
# logins, sessions, tokens, drafts with optimistic concurrency, publish and rollback,
# imports; each in a database of its own
ADMIN_TESTS = [
    "test_wrong_password_and_unknown_user_look_the_same",
    "test_session_cookie_attributes_and_rotation",
    "test_expired_session",
    "test_two_editors_conflict",
    "test_import_with_errors_applies_nothing",
    "test_import_csv_preview_then_apply_and_export",
    "test_publish_switches_answers_live_and_rollback",
    "test_list_search_filters_and_paging",
    "test_users_and_tokens",
]


@pytest.mark.parametrize("name", ADMIN_TESTS)
def test_admin_console_on_postgres(pg, db, name):
    if os.environ.get("CBLUE_SANITIZED"):
        # the same store calls run under ASan in test_store_conformance; these nine
        # black-box runs would add minutes there
        pytest.skip("not in the sanitized build")
    path = os.path.join(ROOT, "tests", "python", "test_admin.py")
    if not os.path.exists(path):
        pytest.skip("tests/python/test_admin.py is not there")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"{path}::{name}"],
                          capture_output=True, text=True, timeout=300, env=cblue_env(db),
                          cwd=os.path.dirname(path))
    if proc.returncode in (4, 5):  # the test was renamed or removed
        pytest.skip(f"{name} not found in test_admin.py")
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]
    # it ran on PostgreSQL
    assert count(pg, db, "users") > 0
    assert count(pg, db, "audit_log") > 0


# the console's analytics and unanswered inbox (tests/python/test_admin_analytics.py) on
# PostgreSQL; pg_insert_plugin.py writes their hand-made events into PostgreSQL
ANALYTICS_TESTS = [
    "test_analytics_match_the_conversations",
    "test_analytics_in_another_time_zone",
    "test_analytics_range_is_exclusive_of_other_days",
    "test_analytics_across_a_daylight_saving_change",
    "test_analytics_response_time_percentiles",
    "test_analytics_csv",
    "test_analytics_bad_input",
    "test_unanswered_groups",
    "test_unanswered_include_down",
    "test_unanswered_resolve",
]


@pytest.mark.parametrize("name", ANALYTICS_TESTS)
def test_admin_analytics_on_postgres(pg, db, name):
    path = os.path.join(ROOT, "tests", "python", "test_admin_analytics.py")
    if not os.path.exists(path):
        pytest.skip("tests/python/test_admin_analytics.py is not there")
    env = cblue_env(db)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [os.path.dirname(__file__), env.get("PYTHONPATH")]))
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "pg_insert_plugin",
                           f"{path}::{name}"], capture_output=True, text=True, timeout=300, env=env,
                          cwd=os.path.dirname(path))
    if proc.returncode in (4, 5):
        pytest.skip(f"{name} not found in test_admin_analytics.py")
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]
    assert count(pg, db, "analytics_events") > 0


# migrations


def test_migrate_creates_schema_once(pg, db, tmp_path):
    assert MIGRATIONS, "no data/sql/postgres migrations"
    first = run(["migrate"], tmp_path / "data", db)
    assert first.returncode == 0, first.stderr
    assert "store-postgres" in first.stdout
    applied = pg.scalar("SELECT string_agg(version || '@' || applied_at, ',' ORDER BY version) "
                        "FROM schema_migrations", dbname=dbname(db))
    assert applied.count("@") == len(MIGRATIONS)
    for table in ("kb_entries", "kb_versions", "conversations", "messages", "analytics_events", "unanswered",
                  "feedback", "users", "api_tokens", "audit_log"):
        assert pg.scalar(f"SELECT to_regclass('public.{table}') IS NOT NULL", dbname=dbname(db)) == "t", table
    second = run(["migrate"], tmp_path / "data", db)
    assert second.returncode == 0, second.stderr
    assert second.stderr == ""  # no server notice leaks out
    assert pg.scalar("SELECT string_agg(version || '@' || applied_at, ',' ORDER BY version) "
                     "FROM schema_migrations", dbname=dbname(db)) == applied
    # the SQLite store was not opened
    assert not os.path.exists(tmp_path / "data" / "cblue.db")


def test_migrate_concurrently(pg, db, tmp_path):
    procs = [subprocess.Popen([CBLUE, "migrate", "--data-dir", str(tmp_path / f"data{i}")], env=cblue_env(db),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(4)]
    results = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in procs]
    for rc, out, err in results:
        assert rc == 0, err
    assert pg.scalar("SELECT count(*) || '/' || count(DISTINCT version) FROM schema_migrations",
                     dbname=dbname(db)) == f"{len(MIGRATIONS)}/{len(MIGRATIONS)}"


def test_migrate_help():
    proc = subprocess.run([CBLUE, "migrate", "--help"], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0
    assert "--config" in proc.stdout and "--data-dir" in proc.stdout


def test_migrate_refuses_bad_urls_without_leaking_the_password(tmp_path):
    proc = run(["migrate"], tmp_path / "data", "mysql://admin:s3cr3t-pw@127.0.0.1/cblue")
    assert proc.returncode != 0
    assert "postgres://" in proc.stderr
    assert "s3cr3t-pw" not in proc.stderr + proc.stdout
    assert not os.path.exists(tmp_path / "data" / "cblue.db")

    # nothing listens there: a clear error after [store] connect_timeout_s, no fallback
    url = f"postgresql://admin:s3cr3t-pw@127.0.0.1:{free_port()}/cblue"
    proc = run(["migrate"], tmp_path / "data", url, CBLUE_STORE_CONNECT_TIMEOUT_S="1")
    assert proc.returncode != 0
    assert "PostgreSQL" in proc.stderr
    assert "s3cr3t-pw" not in proc.stderr + proc.stdout
    assert not os.path.exists(tmp_path / "data" / "cblue.db")


def test_ask_records_in_postgres_not_sqlite(pg, db, tmp_path):
    proc = run(["ask", "--json", "How much is a rooftop solar system?"], tmp_path / "data", db)
    assert proc.returncode == 0, proc.stderr
    reply = json.loads(proc.stdout)
    assert reply["topic_id"] == "solar-rooftop-price"
    # the bundled KB was seeded into PostgreSQL, in one import
    assert count(pg, db, "kb_entries") > 10
    assert count(pg, db, "kb_versions") == 1
    # this reply's conversation (run_command() may have asked twice, see cblue_process.py)
    conversation = str(uuid.UUID(reply["conversation_id"]))
    assert int(pg.scalar(f"SELECT count(*) FROM messages WHERE conversation_id = '{conversation}'",
                         dbname=dbname(db))) == 2
    assert int(pg.scalar(f"SELECT count(*) FROM analytics_events WHERE conversation_id = '{conversation}'",
                         dbname=dbname(db))) == 1
    assert not os.path.exists(tmp_path / "data" / "cblue.db")


# cblue serve


class Server:
    def __init__(self, data_dir, url, **extra):
        self.data_dir = str(data_dir)
        os.makedirs(self.data_dir, exist_ok=True)
        self.log_path = os.path.join(os.path.dirname(self.data_dir), "serve.log")
        self.log = open(self.log_path, "w", encoding="utf-8")
        env = cblue_env(url, CBLUE_SERVER_RATE_LIMIT="0", **extra)
        self.proc = subprocess.Popen([CBLUE, "serve", "--port", "0", "--data-dir", self.data_dir],
                                     stdout=subprocess.PIPE, stderr=self.log, text=True, env=env)
        line = self.proc.stdout.readline()
        assert line.startswith("Listening on http://127.0.0.1:"), (line, self.read_log())
        self.base = line.split()[-1].rstrip("/")

    def read_log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()[-4000:]

    def request(self, method, path, body=None, timeout=30):
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return resp.status, json.loads(resp.read())
        except urllib.error.HTTPError as err:
            return err.code, json.loads(err.read() or b"null")

    def ready(self):
        return self.request("GET", "/readyz")[0]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return server_exit_status(self.proc.returncode, f.read())


@pytest.fixture
def serve_factory():
    servers = []

    def make(data_dir, url, **extra):
        server = Server(data_dir, url, **extra)
        servers.append(server)
        return server
    yield make
    for server in servers:
        if server.proc.poll() is None:
            server.proc.kill()
            server.proc.wait()
        server.log.close()


def wait_for(predicate, timeout=30, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return predicate()


def test_serve_answers_and_records(pg, db, tmp_path, serve_factory):
    server = serve_factory(tmp_path / "data", db)
    assert server.ready() == 200
    status, first = server.request("POST", "/api/v1/chat", {"message": "How much is a rooftop solar system?"})
    assert status == 200, first
    conversation = first["conversation_id"]
    for text in ("ติดโซลาร์เซลล์ราคาเท่าไหร่", "What is the weather on Mars?"):
        status, reply = server.request("POST", "/api/v1/chat", {"message": text, "conversation_id": conversation})
        assert status == 200, reply
    assert wait_for(lambda: count(pg, db, "messages") == 6)
    assert count(pg, db, "conversations") == 1
    assert pg.scalar("SELECT message_count FROM conversations", dbname=dbname(db)) == "6"
    status, history = server.request("GET", f"/api/v1/conversations/{conversation}")
    assert status == 200, history
    text = json.dumps(history, ensure_ascii=False)
    assert "ติดโซลาร์เซลล์ราคาเท่าไหร่" in text
    status, body = server.request("POST", "/api/v1/feedback", {"conversation_id": conversation,
                                                               "message_id": first["message_id"], "rating": "up"})
    assert status in (200, 201, 204), body
    assert count(pg, db, "feedback") == 1
    assert server.stop() == 0
    assert not os.path.exists(tmp_path / "data" / "cblue.db")


class Traffic(threading.Thread):
    """Chat requests in a loop, each in a conversation of its own, until stopped."""

    def __init__(self, server):
        super().__init__(daemon=True)
        self.server = server
        self.answered = []  # message ids of the 200 replies
        self.failed = 0
        self.stopping = threading.Event()

    def run(self):
        i = 0
        while not self.stopping.wait(0.005) and i < 20000:
            i += 1
            try:
                status, reply = self.server.request("POST", "/api/v1/chat",
                                                    {"message": f"How much is a rooftop solar system? #{i}"},
                                                    timeout=10)
            except OSError:
                self.failed += 1
                continue
            if status == 200:
                self.answered.append(reply["message_id"])
            else:
                self.failed += 1

    def stop(self):
        self.stopping.set()
        self.join(timeout=60)


def outbox_lines(data_dir):
    total = 0
    for path in glob.glob(os.path.join(str(data_dir), "postgres-outbox*.jsonl")):
        with open(path, encoding="utf-8") as f:
            total += sum(1 for line in f if line.strip())
    return total


def assert_rows_match(pg, url, answered):
    ids = set(answered)
    assert len(ids) == len(answered)
    db = dbname(url)
    # written after recovery: wait for the replay and the last batches
    assert wait_for(lambda: count(pg, url, "analytics_events") >= len(ids), timeout=60), \
        (count(pg, url, "analytics_events"), len(ids))
    assert count(pg, url, "analytics_events") == len(ids)
    assert count(pg, url, "messages") == 2 * len(ids)
    assert count(pg, url, "conversations") == len(ids)
    assert pg.scalar("SELECT count(*) - count(DISTINCT id) FROM messages", dbname=db) == "0"
    assert pg.scalar("SELECT count(*) - count(DISTINCT message_id) FROM analytics_events", dbname=db) == "0"
    stored = set(pg.scalar("SELECT id FROM messages WHERE role = 'user'", dbname=db).split())
    assert stored == ids


@pytest.mark.parametrize("fault", ["restart", "kill"])
def test_postgres_restart_mid_traffic(own_pg, tmp_path, serve_factory, fault):
    pg = own_pg
    data_dir = tmp_path / "data"
    server = serve_factory(data_dir, pg.url)
    assert server.ready() == 200
    traffic = Traffic(server)
    traffic.start()
    try:
        assert wait_for(lambda: len(traffic.answered) >= 20, timeout=30)
        if fault == "kill":
            pg.kill()
        else:
            pg.stop()
        # not ready while PostgreSQL is away, and still answering chat
        assert wait_for(lambda: server.ready() == 503, timeout=15)
        answered_before = len(traffic.answered)
        assert wait_for(lambda: len(traffic.answered) >= answered_before + 20, timeout=30)
        # the writes that failed wait in the outbox file
        assert wait_for(lambda: outbox_lines(data_dir) > 0, timeout=15)
        pg.start()
        assert wait_for(lambda: server.ready() == 200, timeout=30), server.read_log()
        answered_after = len(traffic.answered)
        assert wait_for(lambda: len(traffic.answered) >= answered_after + 20, timeout=30)
    finally:
        traffic.stop()
    assert traffic.failed == 0
    assert_rows_match(pg, pg.url, traffic.answered)
    assert wait_for(lambda: outbox_lines(data_dir) == 0, timeout=30)
    assert server.stop() == 0


def test_outbox_survives_a_restart_of_cblue(own_pg, tmp_path, serve_factory):
    pg = own_pg
    data_dir = tmp_path / "data"
    server = serve_factory(data_dir, pg.url)
    answered = []
    questions_unanswered = 0
    pg.stop()
    assert wait_for(lambda: server.ready() == 503, timeout=15)
    for i in range(25):
        status, reply = server.request("POST", "/api/v1/chat", {"message": f"Can I sell electricity back? {i}"})
        assert status == 200, reply
        answered.append(reply["message_id"])
        questions_unanswered += reply["outcome"] == "unanswered"
    # small talk and a question nobody can answer: the outbox keeps which is which
    for text in ("hello there", "thanks, bye", "qwzx vbnm plokij"):
        status, reply = server.request("POST", "/api/v1/chat", {"message": text})
        assert status == 200 and reply["outcome"] == "unanswered", reply
        answered.append(reply["message_id"])
    assert wait_for(lambda: outbox_lines(data_dir) == 28, timeout=15)
    # a clean stop keeps them in the outbox, durable
    assert server.stop() == 0
    assert outbox_lines(data_dir) == 28
    pg.start()
    # the next process of the data dir replays them, once
    proc = run(["migrate"], data_dir, pg.url)
    assert proc.returncode == 0, proc.stderr
    assert outbox_lines(data_dir) == 0
    assert_rows_match(pg, pg.url, answered)
    proc = run(["migrate"], data_dir, pg.url)
    assert proc.returncode == 0, proc.stderr
    assert count(pg, pg.url, "messages") == 2 * len(answered)
    # the replayed small talk is not in the unanswered inbox, the unanswered questions are
    assert count(pg, pg.url, "unanswered") == questions_unanswered + 1
