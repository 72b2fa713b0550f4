# SPDX-License-Identifier: LGPL-2.1-or-later
"""The scaled topology on one machine, for tests and benchmarks.

    from topology import Topology

    with Topology(apis=2, workers=2) as topo:   # Redis, 2 `cblue serve --role=api`, 2 `cblue worker`, nginx
        status, headers, body = topo.post_chat({"message": "hello"})        # through nginx
        topo.api[0].kill()                                                 # kill -9 one API process

Every process listens on a free port of 127.0.0.1 and has its own data dir in a temp dir; the
store is SQLite per process unless a PostgreSQL URL is given (`database_url=`, then every process
shares it). nginx (Debian's) runs with a config generated here, with the same directives as
data/deploy/nginx/cblue.conf that matter for the topology (upstream, WebSocket upgrade,
retries on another upstream). Everything is killed and removed on leaving the `with` block, even
after a failure.
"""

import atexit
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time

from redisserver import RedisServer, free_port, redis_available

CBLUE = os.environ.get("CBLUE_BIN", "cblue")

_PROCS = set()


def nginx_available():
    return shutil.which("nginx") is not None or os.access("/usr/sbin/nginx", os.X_OK)


def nginx_bin():
    return shutil.which("nginx") or "/usr/sbin/nginx"


class Process:
    """One `cblue` process; its first stdout line tells the port it listens on."""

    def __init__(self, name, args, env, log_dir):
        self.name = name
        self.args = args
        self.env = env
        self.log_path = os.path.join(log_dir, name + ".log")
        self.port = None
        self.proc = None

    def start(self, timeout=60):
        self.log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(self.args, stdout=subprocess.PIPE, stderr=self.log, env=self.env)
        _PROCS.add(self)
        line = b""
        deadline = time.monotonic() + timeout
        # the first line is "Listening on http://127.0.0.1:PORT/"
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if line or self.proc.poll() is not None:
                break
        match = re.search(rb":(\d+)/", line)
        if match is None:
            raise RuntimeError(f"{self.name} did not start: {line!r}\n{self.tail()}")
        self.port = int(match.group(1))
        # keep draining stdout so that the process never blocks on a full pipe
        threading.Thread(target=self._drain, daemon=True).start()
        return self

    def _drain(self):
        try:
            for _ in self.proc.stdout:
                pass
        except (OSError, ValueError):
            pass

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def kill(self):
        """kill -9 (a stopped process dies too, without running again first)"""
        if self.alive():
            self.proc.kill()
            self.proc.wait(timeout=10)

    def stop(self, timeout=15):
        """SIGTERM, then SIGKILL if it does not go."""
        if self.alive():
            self.proc.send_signal(signal.SIGCONT)
            self.proc.terminate()
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        _PROCS.discard(self)

    def pause(self):
        self.proc.send_signal(signal.SIGSTOP)

    def resume(self):
        self.proc.send_signal(signal.SIGCONT)

    def tail(self, size=3000):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                return f.read()[-size:]
        except OSError:
            return ""

    def get(self, path, timeout=10):
        return request("127.0.0.1", self.port, "GET", path, timeout=timeout)


def request(host, port, method, path, body=None, headers=None, timeout=30):
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        hdrs = {"Content-Type": "application/json"} if body is not None else {}
        hdrs.update(headers or {})
        data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
        conn.request(method, path, body=data, headers=hdrs)
        resp = conn.getresponse()
        raw = resp.read()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw.decode("utf-8", "replace")
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, parsed
    finally:
        conn.close()


NGINX_CONF = """\
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log warn;
daemon off;
{user}
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/tmp/body;
    proxy_temp_path {dir}/tmp/proxy;
    fastcgi_temp_path {dir}/tmp/fastcgi;
    uwsgi_temp_path {dir}/tmp/uwsgi;
    scgi_temp_path {dir}/tmp/scgi;
    map $http_upgrade $connection_upgrade {{ default upgrade; '' ''; }}
    upstream cblue_api {{
{servers}
        keepalive 64;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://cblue_api;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_next_upstream error timeout http_502;
            proxy_next_upstream_tries 3;
            proxy_connect_timeout 1s;
            proxy_read_timeout 60s;
        }}
    }}
}}
"""


class Nginx:
    def __init__(self, backends, base_dir):
        self.dir = os.path.join(base_dir, "nginx")
        os.makedirs(os.path.join(self.dir, "tmp"), exist_ok=True)
        os.chmod(self.dir, 0o755)
        os.chmod(os.path.join(self.dir, "tmp"), 0o777)
        self.port = free_port()
        servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in backends)
        user = "user root root;" if os.geteuid() == 0 else ""
        self.conf = os.path.join(self.dir, "nginx.conf")
        with open(self.conf, "w") as f:
            f.write(NGINX_CONF.format(dir=self.dir, port=self.port, servers=servers, user=user))
        self.proc = None

    def start(self, timeout=10):
        self.proc = subprocess.Popen([nginx_bin(), "-c", self.conf, "-p", self.dir],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _PROCS.add(self)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                status, _, _ = request("127.0.0.1", self.port, "GET", "/healthz", timeout=2)
                if status == 200:
                    return self
            except OSError:
                pass
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError("nginx did not start: " + self.tail())

    def tail(self):
        try:
            with open(os.path.join(self.dir, "nginx-error.log"), encoding="utf-8", errors="replace") as f:
                return f.read()[-3000:]
        except OSError:
            return ""

    def stop(self, timeout=None):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        _PROCS.discard(self)


class Topology:
    def __init__(self, apis=2, workers=2, nginx=True, config=None, database_url=None, redis_password="t0p0l0gy"):
        self.n_apis = apis
        self.n_workers = workers
        self.with_nginx = nginx
        self.extra_config = config or {}
        self.database_url = database_url
        self.base = tempfile.mkdtemp(prefix="cblue-topology-")
        self.redis = RedisServer(password=redis_password)
        self.api = []
        self.workers = []
        self.nginx = None

    # configuration shared by every process

    def write_config(self):
        config = {
            "queue": {"url": self.redis.url, "reply_timeout_ms": "10000", "claim_idle_ms": "3000",
                      "claim_interval_ms": "500"},
            "server": {"rate_limit": "0", "trusted_proxies": "127.0.0.1", "threads": "2"},
        }
        for group, values in self.extra_config.items():
            config.setdefault(group, {}).update(values)
        if self.database_url:
            config.setdefault("store", {})["url"] = self.database_url
        path = os.path.join(self.base, "cblue.conf")
        with open(path, "w") as f:
            for group, values in config.items():
                f.write(f"[{group}]\n")
                for key, value in values.items():
                    f.write(f"{key}={value}\n")
        return path

    def env(self):
        env = dict(os.environ, LANG="C.UTF-8", G_MESSAGES_DEBUG="")
        env.pop("CBLUE_REDIS_URL", None)
        env.pop("CBLUE_DATABASE_URL", None)
        return env

    def new_api(self, index):
        data = os.path.join(self.base, f"api{index}")
        return Process(f"api{index}", [CBLUE, "serve", "--role=api", "--port", "0", "--config", self.config,
                                       "--data-dir", data], self.env(), self.base)

    def new_worker(self, index):
        data = os.path.join(self.base, f"worker{index}")
        return Process(f"worker{index}", [CBLUE, "worker", "--port", "0", "--config", self.config,
                                          "--data-dir", data], self.env(), self.base)

    def start(self):
        try:
            self.redis.start()
            self.config = self.write_config()
            for i in range(self.n_workers):
                self.workers.append(self.new_worker(i).start())
            for i in range(self.n_apis):
                self.api.append(self.new_api(i).start())
            for p in self.api + self.workers:
                self.wait_ready(p)
            if self.with_nginx:
                self.nginx = Nginx([p.port for p in self.api], self.base).start()
            return self
        except BaseException:
            self.stop()
            raise

    def wait_ready(self, process, timeout=30):
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            try:
                last = process.get("/readyz", timeout=2)
                if last[0] == 200:
                    return last
            except OSError as e:
                last = e
            time.sleep(0.05)
        raise TimeoutError(f"{process.name} not ready: {last}\n{process.tail()}")

    def stop(self):
        if self.nginx is not None:
            self.nginx.stop()
        for p in self.api + self.workers:
            p.stop(timeout=10)
        # under ASan/UBSan: what the sanitizers reported (leaks at exit included)
        self.sanitizer_errors = []
        for p in self.api + self.workers:
            log = p.tail(200000) if os.path.exists(p.log_path) else ""
            for marker in ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:"):
                if marker in log:
                    self.sanitizer_errors.append(f"{p.name}: {marker}\n{log}")
        self.redis.stop()
        if os.environ.get("CBLUE_KEEP_TOPOLOGY"):
            print("kept", self.base)
        else:
            shutil.rmtree(self.base, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False

    # using it

    @property
    def front(self):
        """host, port of the front: nginx, or the first API process without it"""
        return ("127.0.0.1", self.nginx.port if self.nginx else self.api[0].port)

    def post_chat(self, body, timeout=30, port=None):
        host, front_port = self.front
        return request(host, port or front_port, "POST", "/api/v1/chat", body=body, timeout=timeout)

    def ws_url(self, port=None):
        host, front_port = self.front
        return f"ws://{host}:{port or front_port}/api/v1/chat/ws"

    def metrics(self, process):
        status, _, body = process.get("/metrics")
        assert status == 200
        values = {}
        for line in body.splitlines() if isinstance(body, str) else []:
            if line and not line.startswith("#"):
                name, _, value = line.rpartition(" ")
                try:
                    values[name] = float(value)
                except ValueError:
                    pass
        return values


@atexit.register
def _stop_all():
    for p in list(_PROCS):
        try:
            p.stop(timeout=5)
        except Exception:  # noqa: BLE001 - best effort at exit
            pass


__all__ = ["Topology", "Process", "Nginx", "request", "nginx_available", "redis_available"]
