# SPDX-License-Identifier: LGPL-2.1-or-later
"""Run the chat/API test suite against the scaled topology (DESIGN §6: "the same test suite
runs both").

With CBLUE_TEST_TOPOLOGY=1 in the environment (the meson tests test_http_topology and
test_openapi_topology), the server fixtures of test_http.py and test_openapi.py do not start
one `cblue serve`: they start, once per test module, PostgreSQL (tests/integration/pgserver.py),
Redis, 2 `cblue serve --role=api`, 2 `cblue worker` and nginx in front of the API processes
(tests/integration/topology.py), and every request goes through nginx.

This module is also a pytest plugin (`-p topology_mode`): in topology mode, when Redis,
nginx, PostgreSQL or the queue-redis/store-postgres plugins are missing, the whole run
ends with exit status 77, which meson reports as skipped.
"""

import http.client
import json
import os
import sys
import time
import urllib.error
import urllib.request

import pytest

TOPOLOGY = os.environ.get("CBLUE_TEST_TOPOLOGY", "") not in ("", "0")

_INTEGRATION = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration")
if _INTEGRATION not in sys.path:
    sys.path.insert(0, _INTEGRATION)

# a test about one `cblue serve` process (its SIGTERM, --threads, stderr, TLS) says why in a
# comment; the topology run leaves it out of the collection (it does not apply there, and a
# skip would read as something missing)
embedded_only = pytest.mark.embedded_only


def _plugin_built(name):
    for d in os.environ.get("CBLUE_PLUGIN_PATH", "").split(":"):
        if d and os.path.exists(os.path.join(d, name.replace("_", "-"), f"libcblue_plugin_{name}.so")):
            return True
    return False


def missing():
    """Why the topology cannot run here, or None."""
    from pgserver import pg_available
    from redisserver import redis_available
    from topology import nginx_available
    if not os.environ.get("CBLUE_BIN"):
        return "CBLUE_BIN not set (run through meson test)"
    if not redis_available():
        return "redis-server/redis-cli not installed"
    if not nginx_available():
        return "nginx not installed"
    if not pg_available():
        return "PostgreSQL not installed"
    for plugin in ("queue_redis", "store_postgres"):
        if not _plugin_built(plugin):
            return f"the {plugin} plugin is not built"
    return None


def pytest_collection_modifyitems(config, items):
    if not TOPOLOGY:
        return
    kept = [item for item in items if item.get_closest_marker("embedded_only") is None]
    left_out = [item for item in items if item.get_closest_marker("embedded_only") is not None]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


def pytest_configure(config):
    if TOPOLOGY:
        reason = missing()
        if reason is not None:
            pytest.exit(f"topology mode skipped: {reason}", returncode=77)


class TopologyServer:
    """A started topology seen as one server: nginx's address in `.base`/`.port`, the same
    `request()`/`chat()`/`raw()` as the embedded fixtures, plus what only a topology has
    (`.topo`, `.pg`, `.api_ports`)."""

    def __init__(self, topo, pg):
        self.topo = topo
        self.pg = pg
        self.port = topo.nginx.port
        self.base = f"http://127.0.0.1:{self.port}"
        self.api_ports = [p.port for p in topo.api]

    def request(self, method, path, body=None, content_type="application/json", headers=None, base=None):
        data = body if isinstance(body, (bytes, type(None))) else body.encode("utf-8")
        req = urllib.request.Request((base or self.base) + path, data=data, method=method)
        if data is not None and content_type:
            req.add_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            req.add_header(name, value)
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                raw = resp.read()
                if resp.headers.get_content_type() != "application/json":
                    return resp.status, resp.headers, raw.decode("utf-8")
                return resp.status, resp.headers, json.loads(raw)
        except urllib.error.HTTPError as err:
            return err.code, err.headers, json.loads(err.read())

    def chat(self, payload, **kwargs):
        return self.request("POST", "/api/v1/chat", json.dumps(payload, ensure_ascii=False), **kwargs)

    def connection(self, port=None):
        return http.client.HTTPConnection("127.0.0.1", port or self.port, timeout=60)

    def raw(self, method, path, body=None, headers=None, chunked=False, port=None):
        conn = self.connection(port)
        try:
            if chunked:
                conn.request(method, path, body=iter([body]), headers=dict(headers or {}), encode_chunked=True)
            else:
                conn.request(method, path, body=body, headers=dict(headers or {}))
            resp = conn.getresponse()
            return resp.status, resp.headers, resp.read()
        finally:
            conn.close()

    def metrics_texts(self):
        """/metrics of every API process: metrics are per process (Prometheus scrapes each,
        data/deploy/prometheus), never summed by the balancer."""
        return [self.request("GET", "/metrics", base=f"http://127.0.0.1:{p}")[2] for p in self.api_ports]

    def stored_messages(self, conversation_id, count, timeout=20):
        """(role, text) of a conversation's messages in the shared PostgreSQL, once `count`
        are there (the workers write behind)."""
        sql = ("SELECT role || '|' || text FROM messages WHERE conversation_id = "
               f"'{conversation_id}' ORDER BY role DESC")
        assert all(c in "0123456789abcdef-" for c in conversation_id)
        deadline = time.monotonic() + timeout
        rows = []
        while time.monotonic() < deadline:
            out = self.pg.psql(sql)
            rows = [tuple(line.split("|", 1)) for line in out.splitlines() if line]
            if len(rows) >= count:
                break
            time.sleep(0.1)
        return rows

    def stop(self):
        """nothing: the topology is stopped when its `with` block ends"""

    def check_sanitizers(self):
        errors = getattr(self.topo, "sanitizer_errors", [])
        assert not errors, errors[0][-4000:]


class topology:  # noqa: N801 - used like a function in `with`
    """`with topology(config) as server:` a TopologyServer; PostgreSQL unless postgres=False."""

    def __init__(self, config=None, apis=2, workers=2, postgres=True, api_args=()):
        self.config = config
        self.apis = apis
        self.workers = workers
        self.postgres = postgres
        self.pg = None
        self.topo = None

    def __enter__(self):
        from topology import Topology
        if self.postgres:
            from pgserver import PgServer
            self.pg = PgServer().__enter__()
        try:
            self.topo = Topology(apis=self.apis, workers=self.workers, nginx=True, config=self.config,
                                 database_url=self.pg.url if self.pg else None).start()
        except BaseException:
            if self.pg is not None:
                self.pg.cleanup()
            raise
        self.server = TopologyServer(self.topo, self.pg)
        return self.server

    def __exit__(self, *exc):
        try:
            self.topo.stop()
        finally:
            if self.pg is not None:
                self.pg.cleanup()
        if exc[0] is None:
            self.server.check_sanitizers()
        return False
