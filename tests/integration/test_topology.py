# SPDX-License-Identifier: LGPL-2.1-or-later
"""The scaled topology with real servers: Redis, 2 API processes, 2 workers, nginx.

Each test starts its own topology (fresh Redis, fresh data dirs) on free ports of 127.0.0.1
and kills everything afterwards. The store is SQLite per process, or the PostgreSQL of
tests/integration/pgserver.py when PostgreSQL is installed and the store-postgres plugin is
built (then every process shares it).
"""

import concurrent.futures
import json
import os
import re
import sqlite3
import sys
import time
import uuid

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from redisserver import redis_available  # noqa: E402
from topology import Topology, nginx_available, request  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "python"))
from cblue_process import run_command, server_exit_status  # noqa: E402

pytestmark = [
    pytest.mark.skipif(not redis_available(), reason="redis-server/redis-cli not installed"),
    pytest.mark.skipif(not os.environ.get("CBLUE_BIN"), reason="CBLUE_BIN not set (run through meson test)"),
]

needs_nginx = pytest.mark.skipif(not nginx_available(), reason="nginx not installed")

QUESTION = "How much is a rooftop solar system?"


def _postgres():
    """The URL of a fresh PostgreSQL, or None: the store-postgres plugin and pgserver.py are optional."""
    plugin_dir = os.environ.get("CBLUE_PLUGIN_PATH", "")
    if not any(os.path.exists(os.path.join(d, "store-postgres", "libcblue_plugin_store_postgres.so"))
               for d in plugin_dir.split(":") if d):
        return None
    try:
        from pgserver import PgServer, pg_available
    except ImportError:
        return None
    if not pg_available():
        return None
    return PgServer


@pytest.fixture(params=["sqlite", "postgres"])
def store(request):
    """('sqlite', None): SQLite per process; ('postgres', PgServer): one PostgreSQL for all"""
    if request.param == "sqlite":
        yield "sqlite", None
        return
    pg_class = _postgres()
    if pg_class is None:
        pytest.skip("PostgreSQL or the store-postgres plugin is not available")
    with pg_class() as pg:
        yield "postgres", pg


@pytest.fixture
def topo(store):
    kind, pg = store
    with Topology(apis=2, workers=2, nginx=nginx_available(), database_url=pg.url if pg else None) as t:
        t.store_kind = kind
        t.pg = pg
        yield t
    assert not t.sanitizer_errors, t.sanitizer_errors[0][-4000:]


def count_rows(topo, table, where="", params=()):
    """Rows of a logical table over every worker's store."""
    if topo.pg is not None:
        sql = f"SELECT count(*) FROM {table}" + (f" WHERE {where}" % tuple(f"'{p}'" for p in params) if where else "")
        return int(topo.pg.psql(sql))
    total = 0
    for w in topo.workers:
        path = os.path.join(topo.base, w.name, "cblue.db")
        if not os.path.exists(path):
            continue
        db = sqlite3.connect(path, timeout=10)
        try:
            sql = f"SELECT count(*) FROM {table}" + (f" WHERE {where.replace('%s', '?')}" if where else "")
            total += db.execute(sql, params).fetchone()[0]
        finally:
            db.close()
    return total


def embedded_reply(tmp_path, text):
    """What the embedded mode answers, for comparison."""
    proc = run_command([os.environ["CBLUE_BIN"], "ask", "--json", "--data-dir", str(tmp_path / "embedded"), text],
                       timeout=120, state_dir=tmp_path / "embedded")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@needs_nginx
def test_chat_through_nginx_like_embedded(topo, tmp_path):
    embedded = embedded_reply(tmp_path, QUESTION)
    status, headers, body = topo.post_chat({"message": QUESTION})
    assert status == 200, body
    for key in ("reply", "language", "topic_id", "pii_redacted"):
        assert body[key] == embedded[key], key
    assert [s["topic_id"] for s in body["sources"]] == [s["topic_id"] for s in embedded["sources"]]

    # a follow-up in the same conversation stays in it
    status, _, second = topo.post_chat({"message": "ราคาเท่าไหร่", "conversation_id": body["conversation_id"]})
    assert status == 200, second
    assert second["conversation_id"] == body["conversation_id"]
    assert second["language"] == "th"

    # bad input is refused by the API process, not queued
    status, _, error = topo.post_chat({"message": 5})
    assert status == 400 and error["error"]["code"]
    # what only the bot refuses comes back from the worker with the embedded mode's error,
    # at once, and is not retried nor dead-lettered
    for body in ({"message": "   "}, {"message": QUESTION, "language": "fr"}):
        status, _, error = topo.post_chat(body)
        assert status == 400 and error["error"]["code"] == "invalid_data", error
    assert int(topo.redis.cli("XLEN", "cblue:jobs:dead").strip() or 0) == 0

    # PII is redacted before the job leaves the API process, and the client is told
    status, _, pii = topo.post_chat({"message": "my email is somchai@example.com, how much is solar?"})
    assert status == 200 and pii["pii_redacted"] is True

    # /readyz through nginx, /metrics per process
    status, _, ready = request(*topo.front, "GET", "/readyz")
    assert status == 200, ready
    api_metrics = topo.metrics(topo.api[0])
    assert "job_queue_length" in api_metrics and api_metrics["job_queue_up"] == 1
    processed = sum(topo.metrics(w).get('jobs_total{result="processed"}', 0) for w in topo.workers)
    assert processed >= 3
    assert any(topo.metrics(w).get("job_processing_duration_seconds_count", 0) > 0 for w in topo.workers)


def test_conversation_state_follows_the_conversation_across_processes(topo):
    """A conversation's messages sent to different API processes, answered by whichever worker
    takes them (a round-robin balancer): the follow-up still has its previous topic, and the
    answer to a clarification still picks from the options the other process offered."""
    api_a, api_b = topo.api[0].port, topo.api[1].port

    # the same conversation in embedded mode, for the topic a follow-up should find
    status, _, first = topo.post_chat({"message": "How much is an EV charger for my home?"}, port=api_a)
    assert status == 200 and first["topic_id"], first
    conversation = first["conversation_id"]
    follow_ups = {}
    for port in (api_b, api_a, api_b):
        status, _, reply = topo.post_chat({"message": "how long does the installation take?",
                                          "conversation_id": conversation}, port=port)
        assert status == 200, reply
        follow_ups[port] = reply["topic_id"]
    # the same question with no conversation behind it is not about the charger
    status, _, alone = topo.post_chat({"message": "how long does the installation take?"}, port=api_b)
    assert status == 200
    assert all(t and t.startswith("ev-charger") for t in follow_ups.values()), follow_ups
    assert not (alone.get("topic_id") or "").startswith("ev-charger"), alone

    # a side question through one process, the return to the charger through the other: the
    # carried state holds the topics before the last one
    status, _, side = topo.post_chat({"message": "are you open on sundays?", "conversation_id": conversation},
                                     port=api_a)
    assert status == 200 and side["topic_id"] == "office-hours", side
    status, _, back = topo.post_chat({"message": "ok, how much would it be then?",
                                      "conversation_id": conversation}, port=api_b)
    assert status == 200 and back["topic_id"] == "ev-charger-price", back

    # a clarification asked through one process, answered through the other
    def state(conversation_id):
        value = topo.redis.cli("GET", f"cblue:conversation:{conversation_id}").strip()
        return dict(field.split("=", 1) for field in value.split(";")[1:])

    for answer, number in (("2", 2), ("option 1", 1)):
        status, _, asked = topo.post_chat({"message": "how much?"}, port=api_a)
        assert status == 200 and asked["outcome"] == "clarify", asked
        offered = state(asked["conversation_id"])["o"].split(",")
        assert len(offered) == len(asked["reply"].splitlines()) - 1, (offered, asked["reply"])
        status, _, picked = topo.post_chat({"message": answer, "conversation_id": asked["conversation_id"]},
                                           port=api_b)
        assert status == 200 and picked["outcome"] == "answered", picked
        assert picked["topic_id"] == offered[number - 1], (picked, offered)
        # open for one message only; the topic answered is the conversation's now, with the
        # language it was asked in
        assert state(asked["conversation_id"]) == {"t": picked["topic_id"], "l": "en"}

    # the state is in Redis, with the configured lifetime
    keys = topo.redis.cli("KEYS", "cblue:conversation:*").split()
    assert f"cblue:conversation:{conversation}" in keys, keys
    ttl = int(topo.redis.cli("TTL", f"cblue:conversation:{conversation}").strip())
    assert 0 < ttl <= 86400, ttl


@needs_nginx
def test_websocket_through_nginx(topo):
    websocket = pytest.importorskip("websocket")
    ws = websocket.create_connection(topo.ws_url(), timeout=15)
    try:
        ws.send(json.dumps({"type": "message", "text": QUESTION}))
        reply = None
        while reply is None:
            frame = json.loads(ws.recv())
            if frame["type"] == "reply":
                reply = frame
            assert frame["type"] in ("typing", "token", "reply"), frame
        assert reply["topic_id"] and reply["reply"]
        ws.send(json.dumps({"type": "message", "text": "and in Thai?", "conversation_id": reply["conversation_id"]}))
        while True:
            frame = json.loads(ws.recv())
            if frame["type"] == "reply":
                assert frame["conversation_id"] == reply["conversation_id"]
                break
    finally:
        ws.close()


def _pending_of(topo, consumer_prefix):
    """Pending jobs per consumer of the workers' group."""
    out = topo.redis.cli("XPENDING", "cblue:jobs", "cblue-workers")
    lines = [line for line in out.splitlines() if line]
    owners = {}
    # XPENDING summary: count, min, max, then consumer/count pairs
    for i in range(3, len(lines) - 1, 2):
        owners[lines[i]] = int(lines[i + 1])
    return sum(n for name, n in owners.items() if name.startswith(consumer_prefix))


def _worker_consumer_prefix(worker):
    # the consumer name is <hostname>-<pid>-<random>
    return f"{os.uname().nodename}-{worker.proc.pid}-"


def test_killed_worker_jobs_are_finished_by_the_other(topo):
    """kill -9 a worker holding jobs: the other one claims and answers them, once each."""
    victim, survivor = topo.workers
    futures = []
    held = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=24) as pool:
        # the stopped worker holds what Redis hands to its blocked read, but answers nothing;
        # its read comes back after 500 ms, so the jobs must reach Redis before that, which a
        # loaded machine may miss: then let it run, and stop it again for another round
        for _ in range(5):
            victim.pause()
            futures += [pool.submit(topo.post_chat, {"message": QUESTION}, 30, topo.api[i % 2].port) for i in range(24)]
            # wait until the stopped worker really holds some jobs, then kill it
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                held = _pending_of(topo, _worker_consumer_prefix(victim))
                if held > 0:
                    break
                time.sleep(0.05)
            if held > 0:
                break
            victim.resume()
            concurrent.futures.wait(futures)
            time.sleep(0.5)  # back in its blocking read
        assert held > 0, "the stopped worker got no jobs to hold"
        victim.kill()
        results = [f.result() for f in futures]
    n = len(results)
    statuses = [status for status, _, _ in results]
    assert statuses == [200] * n, [body for _, _, body in results]
    message_ids = [body["message_id"] for _, _, body in results]
    assert len(set(message_ids)) == n  # no reply lost, none delivered twice to a client
    assert topo.metrics(survivor)['jobs_total{result="claimed"}'] >= held
    # every job acknowledged: nothing left pending
    assert int(topo.redis.cli("XLEN", "cblue:jobs").strip()) == 0
    # every conversation stored, once (the victim never ran after it was stopped). Stores
    # write in the background: wait until the survivor's store serves them all (polling the
    # SQLite file from here instead would hold up its writer's checkpoints), then count rows
    conversations = [body["conversation_id"] for _, _, body in results]
    missing = list(conversations)

    def all_stored():
        missing[:] = [c for c in missing if survivor.get(f"/api/v1/conversations/{c}")[0] != 200]
        return not missing

    # 30 s: under ASan on two busy cores the background writer can lag far behind
    _wait(all_stored, 30, "every conversation in the store",
          lambda: f"{len(missing)} of {n} missing, e.g. {missing[:3]}\n--- survivor log ---\n{survivor.tail()}")
    assert count_rows(topo, "conversations") == n


def _readyz(process):
    try:
        return process.get("/readyz", timeout=5)
    except OSError as e:
        return (0, {}, str(e))


def _wait(predicate, timeout, what, details=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}" + (f": {details()}" if details else ""))


def test_redis_restart(topo):
    """Redis dies and comes back empty: not ready + 503 meanwhile, then recovery by itself."""
    api = topo.api[0]
    assert topo.post_chat({"message": QUESTION}, port=api.port)[0] == 200
    topo.redis.kill()
    _wait(lambda: _readyz(api)[0] == 503, 10, "/readyz 503")
    status, headers, body = topo.post_chat({"message": QUESTION}, port=api.port)
    assert status == 503, body
    assert int(headers["retry-after"]) > 0
    assert body["error"]["code"] == "not_reachable"
    topo.redis.start()
    for p in topo.api + topo.workers:
        _wait(lambda p=p: _readyz(p)[0] == 200, 15, f"{p.name} ready again")
    # the consumer group is recreated on the empty server
    status, _, body = topo.post_chat({"message": QUESTION}, port=topo.api[1].port)
    assert status == 200, body


def test_redis_unreachable_for_10s(topo):
    """Redis stops answering (SIGSTOP, connections stay open) for 10 s."""
    api = topo.api[0]
    topo.redis.pause()
    try:
        start = time.monotonic()
        _wait(lambda: _readyz(api)[0] == 503, 8, "/readyz 503")
        status, headers, body = topo.post_chat({"message": QUESTION}, port=api.port, timeout=20)
        assert status == 503, body
        assert int(headers["retry-after"]) > 0
        time.sleep(max(0.0, 10 - (time.monotonic() - start)))
    finally:
        topo.redis.resume()
    for p in topo.api + topo.workers:
        _wait(lambda p=p: _readyz(p)[0] == 200, 15, f"{p.name} ready again")
    status, _, body = topo.post_chat({"message": QUESTION}, port=api.port)
    assert status == 200, body


@needs_nginx
def test_killed_api_process_is_routed_around(topo):
    websocket = pytest.importorskip("websocket")
    # a widget client on a WebSocket, in a conversation
    ws = websocket.create_connection(topo.ws_url(), timeout=15)
    ws.send(json.dumps({"type": "message", "text": QUESTION}))
    first = None
    while first is None:
        frame = json.loads(ws.recv())
        first = frame if frame["type"] == "reply" else None
    topo.api[0].kill()
    # every request through nginx is answered by the survivor
    for _ in range(10):
        status, _, body = topo.post_chat({"message": QUESTION})
        assert status == 200, body
    # the widget reconnects (through nginx, to the survivor) and keeps its conversation
    try:
        ws.close()
    except Exception:  # noqa: BLE001 - it may be dead already
        pass
    ws = websocket.create_connection(topo.ws_url(), timeout=15)
    try:
        ws.send(json.dumps({"type": "message", "text": "what about installation?",
                            "conversation_id": first["conversation_id"]}))
        while True:
            frame = json.loads(ws.recv())
            if frame["type"] == "reply":
                assert frame["conversation_id"] == first["conversation_id"]
                break
    finally:
        ws.close()
    if topo.pg is not None:
        # with a shared store the history is there whichever process serves it (written in
        # the background: allow it a moment)
        path = f"/api/v1/conversations/{first['conversation_id']}"
        def both_exchanges():
            status, _, history = request(*topo.front, "GET", path)
            return status == 200 and len(history["messages"]) >= 4  # 2 questions, 2 replies
        _wait(both_exchanges, 10, "the conversation's history from both API processes")


def _job(conversation_id, message_id, reply_to):
    return json.dumps({"v": 1, "id": message_id, "conversation_id": conversation_id, "text": QUESTION,
                       "language": "en", "channel": "api", "pii_types": [], "reply_to": reply_to,
                       "deadline": int((time.time() + 30) * 1e6)})


def test_duplicate_delivery_makes_one_conversation_row(topo):
    conversation_id = str(uuid.uuid4())
    message_id = str(uuid.uuid4())
    reply_to = "cblue:replies:test-" + uuid.uuid4().hex
    job = _job(conversation_id, message_id, reply_to)
    # the same job delivered twice (a producer retry after a lost acknowledgement)
    topo.redis.cli("XADD", "cblue:jobs", "*", "job", job)
    topo.redis.cli("XADD", "cblue:jobs", "*", "job", job)
    _wait(lambda: int(topo.redis.cli("XLEN", reply_to).strip() or 0) >= 2, 15, "two replies published")
    _wait(lambda: int(topo.redis.cli("XLEN", "cblue:jobs").strip()) == 0, 15, "both acknowledged")
    replies = topo.redis.cli("XRANGE", reply_to, "-", "+").splitlines()
    bodies = [json.loads(line) for line in replies if line.startswith("{")]
    assert len(bodies) == 2 and bodies[0] == bodies[1]  # the second is the stored first one
    # the stores write in the background: wait until one serves it, then count
    _wait(lambda: any(w.get(f"/api/v1/conversations/{conversation_id}")[0] == 200 for w in topo.workers), 15,
          "the conversation in a store")
    time.sleep(0.5)  # a second (wrong) row would be written by now
    assert count_rows(topo, "conversations", "id = %s", (conversation_id,)) == 1
    assert count_rows(topo, "messages", "conversation_id = %s AND role = %s", (conversation_id, "user")) == 1


def test_malformed_job_goes_to_dead_letter(topo):
    topo.redis.cli("XADD", "cblue:jobs", "*", "job", "{not json")
    _wait(lambda: int(topo.redis.cli("XLEN", "cblue:jobs:dead").strip() or 0) == 1, 15, "a dead letter")
    entry = topo.redis.cli("XRANGE", "cblue:jobs:dead", "-", "+")
    assert "error" in entry and "{not json" in entry
    assert int(topo.redis.cli("XLEN", "cblue:jobs").strip()) == 0


def test_kb_publish_notification_reloads_every_process(topo, tmp_path):
    """A KB changed in the shared store is served by every process once announced on cblue:kb."""
    if topo.pg is None:
        pytest.skip("needs the shared PostgreSQL store: with SQLite each process has its own KB")
    question = "Do you sell purple unicorn stickers for solar panels?"
    entry = {"topic_id": "test-unicorn-stickers", "category": "test", "tags": [], "keywords": ["unicorn", "stickers"],
             "questions": {"en": [question]}, "content": {"en": "Yes: purple unicorn stickers, 20 THB each."}}
    kb_file = tmp_path / "kb.json"
    kb_file.write_text(json.dumps([entry]))
    proc = run_command([os.environ["CBLUE_BIN"], "kb", "import", str(kb_file), "--config", topo.config,
                        "--data-dir", str(tmp_path / "cli")], timeout=120)
    assert proc.returncode == 0, proc.stderr
    before = [topo.post_chat({"message": question}, port=p.port)[2] for p in topo.api]
    assert all(b["topic_id"] != entry["topic_id"] for b in before)  # nobody reloaded by itself
    topo.redis.cli("SET", "cblue:kb:version", "test-1")
    assert int(topo.redis.cli("PUBLISH", "cblue:kb", "test-1").strip()) >= 4  # 2 API + 2 workers subscribed

    def everyone_answers():
        # both API processes, and enough requests that both workers answer some
        replies = [topo.post_chat({"message": question}, port=p.port)[2] for p in topo.api for _ in range(4)]
        return all(r["topic_id"] == entry["topic_id"] for r in replies)
    # four processes re-index at once: slow under the sanitizers on a busy 2-core machine
    _wait(everyone_answers, 60, "every process to serve the new KB")


def test_rate_limit_is_shared_by_the_api_processes():
    """[queue] rate_limit: one bucket per client address in Redis, whichever process it reaches."""
    config = {"server": {"rate_limit": "0"}, "queue": {"rate_limit": "1", "rate_limit_burst": "4"}}
    with Topology(apis=2, workers=1, nginx=False, config=config) as topo:
        results = [topo.post_chat({"message": QUESTION}, port=topo.api[i % 2].port) for i in range(12)]
        ok = [r for r in results if r[0] == 200]
        limited = [r for r in results if r[0] == 429]
        # 4 (the burst) between both processes, one more if a second went by; each process
        # alone would have let 4 through
        assert 4 <= len(ok) <= 5, [r[0] for r in results]
        assert len(ok) + len(limited) == 12
        assert all(int(h["retry-after"]) > 0 and b["error"]["code"] == "busy" for _, h, b in limited)
        # Redis holds a digest, never the address
        keys = topo.redis.cli("KEYS", "cblue:rate:*").split()
        assert keys and all("127.0.0.1" not in k for k in keys)
    assert not topo.sanitizer_errors, topo.sanitizer_errors[0][-4000:]


def test_roles_need_a_shared_queue(tmp_path):
    import subprocess
    cblue = os.environ["CBLUE_BIN"]
    env = {k: v for k, v in os.environ.items() if k not in ("CBLUE_REDIS_URL", "CBLUE_QUEUE_URL")}
    for args in (["serve", "--role=api"], ["worker"]):
        proc = subprocess.run([cblue, *args, "--port", "0", "--data-dir", str(tmp_path / "d")], capture_output=True,
                              text=True, timeout=60, env=env)
        assert proc.returncode != 0
        assert "CBLUE_REDIS_URL" in proc.stderr, proc.stderr
    proc = subprocess.run([cblue, "serve", "--role=boss", "--data-dir", str(tmp_path / "d")], capture_output=True,
                          text=True, timeout=60, env=env)
    assert proc.returncode == 2 and "--role" in proc.stderr
    proc = subprocess.run([cblue, "worker", "--role=api"], capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 2
    # a bad Redis URL is a clear error, not a silent in-process queue
    bad = dict(env, CBLUE_REDIS_URL="http://nope")
    proc = subprocess.run([cblue, "serve", "--role=api", "--port", "0", "--data-dir", str(tmp_path / "d")],
                          capture_output=True, text=True, timeout=60, env=bad)
    assert proc.returncode != 0 and "redis://" in proc.stderr, proc.stderr


def test_fallback_local_answers_while_redis_is_down():
    config = {"queue": {"fallback": "local"}}
    with Topology(apis=1, workers=1, nginx=False, config=config) as topo:
        api = topo.api[0]
        topo.redis.kill()
        _wait(lambda: topo.metrics(api).get("job_queue_up") == 0, 10, "the queue to be seen down")
        status, _, body = topo.post_chat({"message": QUESTION}, port=api.port)
        assert status == 200 and body["topic_id"], body
        assert _readyz(api)[0] == 200  # it still answers, so it stays in rotation
        assert topo.metrics(api)['jobs_total{result="answered_locally"}'] >= 1
        topo.redis.start()
        _wait(lambda: topo.metrics(api).get("job_queue_up") == 1, 15, "the queue to be back")
        assert topo.post_chat({"message": QUESTION}, port=api.port)[0] == 200
        assert topo.metrics(topo.workers[0])['jobs_total{result="processed"}'] >= 1
    assert not topo.sanitizer_errors, topo.sanitizer_errors[0][-4000:]


def test_worker_without_http_answers_and_stops_on_sigterm(tmp_path):
    """`cblue worker` without --port: no HTTP, answers jobs, SIGTERM ends it cleanly."""
    import signal
    import subprocess
    from redisserver import RedisServer
    with RedisServer() as redis:
        env = dict(os.environ, CBLUE_REDIS_URL=redis.url)
        worker = subprocess.Popen([os.environ["CBLUE_BIN"], "worker", "--data-dir", str(tmp_path / "w")], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            reply_to = "cblue:replies:test-" + uuid.uuid4().hex
            redis.cli("XADD", "cblue:jobs", "*", "job", _job(str(uuid.uuid4()), str(uuid.uuid4()), reply_to))
            _wait(lambda: int(redis.cli("XLEN", reply_to).strip() or 0) == 1, 30, "the worker's reply")
            worker.send_signal(signal.SIGTERM)
            out, err = worker.communicate(timeout=10)
        finally:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
        assert server_exit_status(worker.returncode, err) == 0, err
        assert out == ""  # no "Listening on": no HTTP
        assert "ERROR: AddressSanitizer" not in err and "detected memory leaks" not in err, err


def test_slow_answers_are_not_claimed_from_a_live_worker():
    """A worker answering slowly (an LLM taking 4 s) keeps its jobs: no second LLM call."""
    import http.server
    import threading

    calls = []

    class SlowLlm(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            calls.append(body)
            time.sleep(4)
            reply = json.dumps({"id": "x", "object": "chat.completion", "model": "slow",
                                "choices": [{"index": 0, "finish_reason": "stop",
                                             "message": {"role": "assistant", "content": "Slow but sure."}}]})
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply.encode())

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SlowLlm)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    config = {"model": {"url": f"http://127.0.0.1:{server.server_address[1]}", "model": "slow", "stream": "false",
                        "timeout": "20", "first_token_timeout": "15"},
              "queue": {"claim_idle_ms": "1500", "claim_interval_ms": "300", "reply_timeout_ms": "20000"}}
    try:
        with Topology(apis=1, workers=2, nginx=False, config=config) as topo:
            with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
                results = list(pool.map(lambda _: topo.post_chat({"message": QUESTION}, 30), range(4)))
            assert [r[0] for r in results] == [200] * 4, results
            assert calls, "the model-openai plugin did not call the fake LLM"
            assert all(r[2]["reply"] == "Slow but sure." for r in results), results
            assert len(calls) == 4  # each job answered once: none taken from its live worker
            assert sum(topo.metrics(w)['jobs_total{result="claimed"}'] for w in topo.workers) == 0
        assert not topo.sanitizer_errors, topo.sanitizer_errors[0][-4000:]
    finally:
        server.shutdown()


def _dead_letters(topo):
    """The entries of the dead-letter stream, each a dict of its fields."""
    out = topo.redis.cli("XRANGE", "cblue:jobs:dead", "-", "+").splitlines()
    entries = []
    fields = None
    # redis-cli prints each entry as its id, then field and value lines
    for line in out:
        if re.fullmatch(r"\d+-\d+", line):
            fields = {}
            entries.append(fields)
        elif fields is not None:
            fields.setdefault("_items", []).append(line)
    return [dict(zip(e["_items"][::2], e["_items"][1::2])) for e in entries]


# the dummy pipeline (a model that takes a minute), and the queue
DUMMY = {"plugins": {"enabled": "dummy,queue-redis", "disabled": ""}}


def test_job_that_keeps_losing_its_worker_is_dead_lettered():
    """Each worker that takes the job dies (kill -9) while answering it: after
    [queue] max_failures such deliveries the next worker dead-letters it instead of trying
    again, and the client gets an explicit error, not a hang until the deadline."""
    # the reply's deadline leaves room for three workers' starts under ASan on a loaded
    # machine (60 s was not always enough); a dead-lettered job answers long before it
    config = dict(DUMMY, dummy={"model_delay_ms": "60000"},
                  queue={"max_failures": "2", "claim_idle_ms": "1000", "claim_interval_ms": "200",
                         "reply_timeout_ms": "180000"})
    with Topology(apis=1, workers=1, nginx=False, config=config) as topo:
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            future = pool.submit(topo.post_chat, {"message": "solar-warranty?"}, 200)
            for attempt in range(2):
                holder = topo.workers[-1]
                _wait(lambda: topo.metrics(holder).get("job_in_progress") == 1, 30,
                      f"worker {attempt} to be answering the job")
                holder.kill()
                topo.workers.append(topo.new_worker(len(topo.workers)).start())
                topo.wait_ready(topo.workers[-1])
            status, _, body = future.result(timeout=190)
        assert status == 500, body
        assert body["error"]["code"] == "internal" and "2 times" in body["error"]["message"], body
        (dead,) = _dead_letters(topo)
        assert dead["failures"] == "2" and "2 times" in dead["error"], dead
        assert int(topo.redis.cli("XLEN", "cblue:jobs").strip()) == 0
        last = topo.metrics(topo.workers[-1])
        assert last['jobs_total{result="dead_letter"}'] == 1 and last['jobs_total{result="claimed"}'] == 1
        assert last["job_in_progress"] == 0  # it did not start the model a third time
    assert not topo.sanitizer_errors, topo.sanitizer_errors[0][-4000:]


class FakeLlm:
    """tests/fakes/fake_openai.py on a free port: an OpenAI-compatible provider that streams."""

    def __init__(self, *args):
        import subprocess
        root = os.environ.get("CBLUE_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
        fake = os.path.join(root, "tests", "fakes", "fake_openai.py")
        self.proc = subprocess.Popen([sys.executable, fake, "--port", "0", *args], stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        assert line.startswith("PORT "), line
        self.url = f"http://127.0.0.1:{int(line.split()[1])}"

    def stop(self):
        self.proc.kill()
        self.proc.wait()


def _sse_events(body):
    events = []
    for block in body.split("\n\n"):
        if block.strip():
            lines = dict(line.split(": ", 1) for line in block.split("\n"))
            events.append((lines["event"], json.loads(lines["data"])))
    return events


@needs_nginx
def test_llm_tokens_stream_through_the_queue():
    """An LLM answer computed by a worker streams to the client through Redis and nginx:
    WebSocket `token` frames and server-sent events arrive in several batches, all before
    the one reply, and together they are the reply's text."""
    websocket = pytest.importorskip("websocket")
    import http.client
    llm = FakeLlm("--tokens", "40", "--interval", "5")
    config = {"model": {"url": llm.url, "model": "fake-model", "timeout": "20", "first_token_timeout": "15"}}
    try:
        with Topology(apis=2, workers=2, config=config) as topo:
            ws = websocket.create_connection(topo.ws_url(), timeout=30)
            try:
                ws.send(json.dumps({"type": "message", "text": QUESTION}))
                frames = []
                while not frames or frames[-1]["type"] != "reply":
                    frames.append(json.loads(ws.recv()))
            finally:
                ws.close()
            tokens = [f["text"] for f in frames if f["type"] == "token"]
            reply = frames[-1]
            assert [f["type"] for f in frames] == ["typing"] + ["token"] * len(tokens) + ["reply"], frames
            assert len(tokens) > 1, "the answer did not stream: one batch of tokens"
            assert "".join(tokens).strip() == reply["reply"] and reply["reply"].startswith("Rooftop")

            conn = http.client.HTTPConnection(*topo.front, timeout=30)
            try:
                conn.request("POST", "/api/v1/chat", body=json.dumps({"message": QUESTION}),
                             headers={"Content-Type": "application/json", "Accept": "text/event-stream"})
                resp = conn.getresponse()
                assert resp.status == 200 and resp.getheader("Content-Type").startswith("text/event-stream")
                events = _sse_events(resp.read().decode("utf-8"))
            finally:
                conn.close()
            names = [e for e, _ in events]
            assert names == ["token"] * (len(events) - 1) + ["reply"], names
            assert len(events) > 2
            assert "".join(d["text"] for _, d in events[:-1]).strip() == events[-1][1]["reply"]

            # one batch relayed per batch published (Redis carried batches, not every token)
            published = sum(topo.metrics(w)["job_token_batches_total"] for w in topo.workers)
            relayed = sum(topo.metrics(a)["job_token_batches_total"] for a in topo.api)
            assert published == relayed == len(tokens) + len(events) - 1
            # a client that does not ask for tokens gets the whole reply; nothing is streamed
            status, _, body = topo.post_chat({"message": QUESTION})
            assert status == 200 and body["reply"] == reply["reply"]
            assert sum(topo.metrics(w)["job_token_batches_total"] for w in topo.workers) == published
        assert not topo.sanitizer_errors, topo.sanitizer_errors[0][-4000:]
    finally:
        llm.stop()
