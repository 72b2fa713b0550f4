# SPDX-License-Identifier: LGPL-2.1-or-later
"""A throw-away Redis server for tests and benchmarks.

    from redisserver import RedisServer, redis_available

    with RedisServer(password="s3cret") as redis:   # redis-server on a free port of 127.0.0.1
        redis.url                  # redis://:s3cret@127.0.0.1:PORT/0
        redis.cli("XLEN", "k")      # one command through redis-cli, returns its raw output
        redis.restart()            # kill and start again on the same port: empty (no persistence)
        redis.pause(); redis.resume()   # SIGSTOP/SIGCONT: unreachable, connections stay open

No persistence (`--save '' --appendonly no`), so a restart loses every key, like a Redis that
crashed without a snapshot. The data dir is a temp dir, removed on `stop()`; an `atexit` hook
kills servers that a crashed test left running. `redis_available()` tells whether redis-server
and redis-cli are installed; tests skip without them.
"""

import atexit
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

__all__ = ["RedisServer", "redis_available", "free_port"]

_RUNNING = set()


def redis_available():
    return shutil.which("redis-server") is not None and shutil.which("redis-cli") is not None


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    def __init__(self, port=None, password=None):
        if not redis_available():
            raise RuntimeError("redis-server not found (apt-get install redis-server redis-tools)")
        self.port = port or free_port()
        self.password = password
        self.dir = tempfile.mkdtemp(prefix="cblue-redis-")
        self.proc = None
        auth = f":{password}@" if password else ""
        self.url = f"redis://{auth}127.0.0.1:{self.port}/0"

    def start(self, timeout=10):
        args = ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no",
                "--dir", self.dir, "--logfile", os.path.join(self.dir, "redis.log")]
        if self.password:
            args += ["--requirepass", self.password]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _RUNNING.add(self)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.proc.returncode}: {self.log()}")
            try:
                if self.cli("PING", timeout=1).strip() == "PONG":
                    return self
            except (subprocess.SubprocessError, OSError):
                pass
            time.sleep(0.02)
        raise RuntimeError("redis-server did not answer PING")

    def cli(self, *args, timeout=10):
        cmd = ["redis-cli", "-h", "127.0.0.1", "-p", str(self.port), "--no-auth-warning"]
        if self.password:
            cmd += ["-a", self.password]
        proc = subprocess.run(cmd + [str(a) for a in args], capture_output=True, text=True, timeout=timeout)
        if proc.returncode != 0:
            raise subprocess.SubprocessError(proc.stderr)
        return proc.stdout

    def kill(self):
        """SIGKILL: a crash. The port is free again at once."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.proc = None

    def restart(self):
        self.kill()
        return self.start()

    def pause(self):
        """SIGSTOP: the server is unreachable, but its TCP connections stay open (a partition)."""
        self.proc.send_signal(signal.SIGSTOP)

    def resume(self):
        self.proc.send_signal(signal.SIGCONT)

    def log(self):
        try:
            with open(os.path.join(self.dir, "redis.log"), encoding="utf-8", errors="replace") as f:
                return f.read()[-4000:]
        except OSError:
            return ""

    def stop(self):
        self.kill()
        _RUNNING.discard(self)
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


@atexit.register
def _stop_all():
    for server in list(_RUNNING):
        server.stop()
