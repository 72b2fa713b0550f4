# SPDX-License-Identifier: LGPL-2.1-or-later
"""Black-box tests of `cblue serve`: POST /api/v1/chat, /healthz, /readyz, /metrics,
graceful shutdown on SIGTERM.

With CBLUE_TEST_TOPOLOGY=1 (meson test test_http_topology) the same tests run against the
scaled topology instead (tests/python/topology_mode.py: PostgreSQL, Redis, 2 API processes,
2 workers, every request through nginx); the few about one process are marked
`embedded_only`."""

import http.client
import json
import os
import signal
import sqlite3
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest

from cblue_process import server_exit_status
from conftest import CBLUE
from topology_mode import TOPOLOGY, embedded_only, topology


class Server:
    def __init__(self, data_dir, args=(), config=None):
        self.data_dir = str(data_dir)
        cmd = [CBLUE, "serve", "--port", "0", "--data-dir", self.data_dir, *args]
        if config is not None:
            conf = os.path.join(os.path.dirname(self.data_dir), "cblue.conf")
            with open(conf, "w", encoding="utf-8") as f:
                f.write(config)
            cmd += ["--config", conf]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        assert line.startswith("Listening on http://127.0.0.1:"), (line, self.proc.stderr.read())
        self.base = line.split()[-1].rstrip("/")

    def request(self, method, path, body=None, content_type="application/json", headers=None):
        data = body if isinstance(body, (bytes, type(None))) else body.encode("utf-8")
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None and content_type:
            req.add_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            req.add_header(name, value)
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                body = resp.read()
                if resp.headers.get_content_type() != "application/json":
                    return resp.status, resp.headers, body.decode("utf-8")
                return resp.status, resp.headers, json.loads(body)
        except urllib.error.HTTPError as err:
            return err.code, err.headers, json.loads(err.read())

    def chat(self, payload, **kwargs):
        return self.request("POST", "/api/v1/chat", json.dumps(payload, ensure_ascii=False), **kwargs)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        status = self.proc.wait(timeout=30)
        self.stderr = self.proc.stderr.read()  # what it logged, for the tests to read after stop()
        return server_exit_status(status, self.stderr)


@pytest.fixture(scope="module")
def shared_topology():
    """topology mode: one topology for the whole module"""
    if not TOPOLOGY:
        yield None
        return
    with topology() as srv:
        yield srv


@pytest.fixture
def server(tmp_path, shared_topology):
    if shared_topology is not None:
        yield shared_topology
        return
    srv = Server(tmp_path / "data")
    yield srv
    if srv.proc.poll() is None:
        srv.proc.kill()
        srv.proc.wait()


def test_chat_thai_like_curl(server):
    # curl -d sends application/x-www-form-urlencoded; the JSON body is still accepted
    status, headers, reply = server.chat({"message": "ติดโซลาร์เซลล์ราคาเท่าไหร่"},
                                         content_type="application/x-www-form-urlencoded")
    assert status == 200
    assert headers["Content-Type"].startswith("application/json")
    assert reply["language"] == "th"
    assert reply["topic_id"] == "solar-rooftop-price"
    assert "บาท" in reply["reply"]


@pytest.mark.parametrize("text,lang,topic", [
    ("How much is a rooftop solar system?", "en", "solar-rooftop-price"),
    ("屋顶太阳能多少钱", "zh", "solar-rooftop-price"),
    ("Can I sell electricity back to the grid?", "en", "net-metering"),
])
def test_chat_languages(server, text, lang, topic):
    status, _, reply = server.chat({"message": text})
    assert status == 200
    assert (reply["language"], reply["topic_id"]) == (lang, topic)


def test_chat_conversation_and_requested_language(server):
    status, _, first = server.chat({"message": "office hours?"})
    assert status == 200
    status, _, second = server.chat({"message": "office hours?", "conversation_id": first["conversation_id"],
                                     "language": "th"})
    assert status == 200
    assert second["conversation_id"] == first["conversation_id"]
    assert second["language"] == "th"
    assert second["message_id"] != first["message_id"]


@pytest.mark.parametrize("body,status,code", [
    ("not json", 400, "invalid_data"),
    ("[1,2]", 400, "invalid_data"),
    ("", 400, "invalid_data"),
    (json.dumps({"text": "hi"}), 400, "invalid_data"),
    (json.dumps({"message": 42}), 400, "invalid_data"),
    (json.dumps({"message": "hi", "colour": "blue"}), 400, "invalid_data"),
    (json.dumps({"message": "   "}), 400, "invalid_data"),
    (json.dumps({"message": "hi", "language": "fr"}), 400, "invalid_data"),
    (json.dumps({"message": "x" * 4001}), 413, "too_large"),
    (json.dumps({"message": "x" * 70000}), 413, "too_large"),
])
def test_chat_bad_input(server, body, status, code):
    got, _, reply = server.request("POST", "/api/v1/chat", body)
    assert got == status
    assert reply["error"]["code"] == code
    assert reply["error"]["message"]


def test_errors_are_json(server):
    status, _, reply = server.request("GET", "/api/v1/chat")
    assert status == 405 and reply["error"]["code"] == "method_not_allowed"
    status, _, reply = server.request("GET", "/nope")
    assert status == 404 and reply["error"]["code"] == "not_found"


def test_health_and_ready(server):
    assert server.request("GET", "/healthz")[0] == 200
    status, _, body = server.request("GET", "/readyz")
    assert status == 200 and body["status"] == "ready"


def test_conversation_is_stored(server):
    """Embedded: SIGTERM flushes the conversation to SQLite. Topology: a worker stores it in
    the shared PostgreSQL."""
    status, _, reply = server.chat({"message": "ติดโซลาร์เซลล์ราคาเท่าไหร่"})
    assert status == 200
    if TOPOLOGY:
        rows = server.stored_messages(reply["conversation_id"], 2)
    else:
        assert server.stop() == 0
        db = sqlite3.connect(os.path.join(server.data_dir, "cblue.db"))
        rows = db.execute("SELECT role, text FROM messages WHERE conversation_id = ? ORDER BY role DESC",
                          (reply["conversation_id"],)).fetchall()
    assert len(rows) == 2, rows
    assert rows[0] == ("user", "ติดโซลาร์เซลล์ราคาเท่าไหร่")
    assert rows[1][0] == "bot"


def test_request_id_and_headers(server):
    for _ in range(4):
        status, headers, reply = server.chat({"message": "ติดโซลาร์เซลล์ราคาเท่าไหร่"})
        assert status == 200 and reply["reply"]
        assert headers["X-Request-Id"]
        assert headers["X-Content-Type-Options"] == "nosniff"
    status, headers, _ = server.request("POST", "/api/v1/chat", json.dumps({"message": "office hours?"}),
                                        headers={"X-Request-Id": "trace-http-7"})
    assert status == 200 and headers["X-Request-Id"] == "trace-http-7"


@embedded_only  # the --threads option of one `cblue serve`
def test_threads(tmp_path):
    srv = Server(tmp_path / "data", args=["--threads", "2"])
    try:
        for _ in range(4):
            status, headers, reply = srv.chat({"message": "ติดโซลาร์เซลล์ราคาเท่าไหร่"})
            assert status == 200 and reply["reply"]
    finally:
        assert srv.stop() == 0
    assert "with 2 threads" in srv.stderr


def test_metrics_scrape(server):
    """/metrics parses with the Prometheus client library's own text parser. In topology mode
    it is scraped through nginx for the format, and the counts are summed over the API
    processes, each scraped directly (metrics are per process, as Prometheus scrapes them)."""
    parser = pytest.importorskip("prometheus_client.parser")

    def samples():
        texts = server.metrics_texts() if TOPOLOGY else [server.request("GET", "/metrics")[2]]
        total = {}
        for text in texts:
            for family in parser.text_string_to_metric_families(text):
                for s in family.samples:
                    key = (s.name, tuple(sorted(s.labels.items())))
                    total[key] = total.get(key, 0) + s.value
        return total

    before = samples()
    assert server.chat({"message": "ติดโซลาร์เซลล์ราคาเท่าไหร่"})[0] == 200
    assert server.chat({"message": "今天天气怎么样"})[0] == 200
    assert server.request("POST", "/api/v1/chat", "not json")[0] == 400
    status, headers, text = server.request("GET", "/metrics")
    assert status == 200
    assert headers["Content-Type"].startswith("text/plain; version=0.0.4")
    families = {f.name: f for f in parser.text_string_to_metric_families(text)}
    for name in ("http_requests", "http_request_duration_seconds", "active_connections", "websocket_connections",
                 "conversations", "messages", "pipeline_stage_duration_seconds", "pii_redactions",
                 "process_resident_memory_bytes", "process_cpu_seconds"):
        assert name in families, name
    assert families["http_requests"].type == "counter"
    assert families["http_request_duration_seconds"].type == "histogram"
    if TOPOLOGY:
        assert "job_queue_up" in families
    after = samples()

    def delta(name, **labels):
        key = (name, tuple(sorted(labels.items())))
        return after.get(key, 0) - before.get(key, 0)
    assert delta("http_requests_total", route="/api/v1/chat", status="200") == 2
    assert delta("http_requests_total", route="/api/v1/chat", status="400") == 1
    assert delta("messages_total", language="th", outcome="answered") == 1
    assert delta("messages_total", language="zh", outcome="unanswered") == 1
    assert delta("conversations_total", language="th") == 1
    assert delta("http_request_duration_seconds_count", route="/api/v1/chat") == 3
    assert after[("process_resident_memory_bytes", ())] > 1e6


@embedded_only  # SIGTERM of the single server, with the dummy plugins
def test_sigterm_finishes_replies_in_flight(tmp_path):
    """SIGTERM: the port closes, a reply being computed is still delivered, exit 0."""
    srv = Server(tmp_path / "data", config="[plugins]\nenabled=dummy\ndisabled=\n[dummy]\nmodel_delay_ms=800\n")
    results = []

    def ask():
        results.append(srv.chat({"message": "solar-warranty?"}))

    t = threading.Thread(target=ask)
    t.start()
    time.sleep(0.3)
    srv.proc.send_signal(signal.SIGTERM)
    t.join(10)
    assert srv.proc.wait(timeout=15) == 0
    status, _, reply = results[0]
    assert status == 200 and reply["reply"] == "dummy answer: solar-warranty"
    try:
        urllib.request.urlopen(srv.base + "/healthz", timeout=5)
        raise AssertionError("still listening")
    except urllib.error.URLError:
        pass

@embedded_only  # SIGTERM of the single server
def test_sigterm_waits_for_a_request_still_being_read(tmp_path):
    """A request whose body is still arriving at SIGTERM has no reply in progress yet; the
    server must still read it and answer it before it exits, not drop the connection."""
    srv = Server(tmp_path / "data")
    body = json.dumps({"message": "solar warranty"}).encode("utf-8")
    conn = http.client.HTTPConnection("127.0.0.1", int(srv.base.rsplit(":", 1)[1]), timeout=30)
    conn.putrequest("POST", "/api/v1/chat")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Content-Length", str(len(body)))
    conn.endheaders()
    conn.send(body[:5])
    time.sleep(0.3)  # the server has read the headers and waits for the body
    srv.proc.send_signal(signal.SIGTERM)
    time.sleep(0.3)
    assert srv.proc.poll() is None, "exited with a request half read"
    conn.send(body[5:])
    resp = conn.getresponse()
    reply = json.loads(resp.read())
    assert resp.status == 200 and reply["reply"], reply
    assert srv.proc.wait(timeout=15) == 0



def test_conversation_history(server):
    status, _, first = server.chat({"message": "office hours?"})
    assert status == 200
    cid = first["conversation_id"]
    # the history is written behind; it shows up within the group-commit delay (in topology
    # mode: once a worker's store wrote it to PostgreSQL)
    for _ in range(200):
        status, _, history = server.request("GET", "/api/v1/conversations/" + cid)
        if status == 200:
            break
        time.sleep(0.05)
    assert status == 200
    assert [m["role"] for m in history["messages"]] == ["user", "bot"]
    assert history["messages"][0]["text"] == "office hours?"
    assert history["messages"][1]["message_id"] == first["message_id"]
    status, _, body = server.request("GET", "/api/v1/conversations/no-such-conversation")
    assert status == 404 and body["error"]["code"] == "not_found"


def test_rate_limit(tmp_path):
    """Embedded: one process's bucket. Topology: the bucket every API process shares in Redis
    (the requests go through nginx to both)."""
    if TOPOLOGY:
        with topology({"server": {"rate_limit": "0.02", "rate_limit_burst": "3"}}, workers=1,
                      postgres=False) as srv:
            check_rate_limit(srv)
        return
    srv = Server(tmp_path / "data", config="[server]\nrate_limit=0.02\nrate_limit_burst=3\n")
    try:
        check_rate_limit(srv)
    finally:
        srv.stop()


def check_rate_limit(srv):
    statuses = [srv.chat({"message": "office hours?"})[0] for _ in range(3)]
    assert statuses == [200, 200, 200]
    status, headers, body = srv.chat({"message": "office hours?"})
    assert status == 429 and int(headers["Retry-After"]) >= 1 and body["error"]["code"] == "busy"
    assert srv.request("GET", "/healthz")[0] == 200


@embedded_only  # the JSON log lines of one process's stderr
def test_request_id_in_log_lines(tmp_path):
    """X-Request-Id is echoed and is the request_id field of the JSON log records."""
    srv = Server(tmp_path / "data", args=["--log-format", "json", "--verbose"])
    try:
        req = urllib.request.Request(srv.base + "/api/v1/chat", data=b'{"message":"office hours?"}',
                                     headers={"Content-Type": "application/json", "X-Request-Id": "trace-abc-123"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            assert resp.headers["X-Request-Id"] == "trace-abc-123"
    finally:
        assert srv.stop() == 0
    records = [json.loads(line) for line in srv.stderr.splitlines() if line.startswith("{")]
    tagged = [r for r in records if r.get("request_id") == "trace-abc-123"]
    assert any("/api/v1/chat 200" in r["message"] for r in tagged), records[-5:]


@embedded_only  # TLS on the daemon (behind nginx, nginx terminates TLS)
def test_https(tmp_path):
    """--tls-cert/--tls-key serve HTTPS, with HSTS."""
    import shutil
    import ssl
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a certificate")
    if os.environ.get("CBLUE_SANITIZED"):
        # after a TLS handshake (glib-networking's GnuTLS threads), LeakSanitizer's tracer
        # crashes at exit ("Tracer caught signal 11"); with detect_leaks=0 the run is clean
        pytest.skip("LeakSanitizer cannot trace the process after a TLS handshake")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "2", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)
    proc = subprocess.Popen([CBLUE, "serve", "--port", "0", "--data-dir", str(tmp_path / "data"),
                             "--tls-cert", str(cert), "--tls-key", str(key)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("Listening on https://127.0.0.1:"), (line, proc.stderr.read())
        ctx = ssl.create_default_context(cafile=str(cert))
        ctx.check_hostname = False
        with urllib.request.urlopen(line.split()[-1] + "healthz", context=ctx, timeout=30) as resp:
            assert resp.status == 200
            assert resp.headers["Strict-Transport-Security"].startswith("max-age=")
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
