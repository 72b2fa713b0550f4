# SPDX-License-Identifier: LGPL-2.1-or-later
"""A throw-away PostgreSQL server for tests and benchmarks.

    from pgserver import PgServer, pg_available

    with PgServer() as pg:          # initdb in a temp dir, started on a free port of 127.0.0.1
        url = pg.url                 # postgresql://postgres@127.0.0.1:PORT/postgres
        pg.psql("SELECT 1")          # run SQL through psql, returns its output (unaligned, no headers)
        pg.restart()                 # a clean stop and start, same port and data
        pg.kill()                    # SIGKILL the postmaster (crash), then pg.start() recovers
        pg.create_database("other")  # returns the URL of a new database

The server runs as the `postgres` user when the test runs as root (initdb and postgres refuse
root, TOOLCHAIN.md pitfall 8), with trust authentication, fsync off and a socket in the temp
dir only. `pg_available()` tells whether the PostgreSQL binaries are installed; tests skip
without them. Everything is removed on `stop()`/leaving the `with` block, even after a
failure, and an `atexit` hook stops servers that a crashed test left running.
"""

import atexit
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time

__all__ = ["PgServer", "pg_available", "pg_bindir", "free_port"]

_RUNNING = set()


def pg_bindir():
    """The newest /usr/lib/postgresql/*/bin holding initdb, or None."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                        key=lambda p: [int(x) if x.isdigit() else x for x in p.split("/")[-2].split(".")])
    for bindir in reversed(candidates):
        if all(os.access(os.path.join(bindir, tool), os.X_OK) for tool in ("initdb", "pg_ctl", "postgres", "psql")):
            return bindir
    return None


def pg_available():
    if pg_bindir() is None:
        return False
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return False
    return True


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self, port=None, durable=False):
        """durable: keep fsync on (benchmarks of a production-like server); tests leave
        it off, since they lose the server process, never the machine."""
        self.durable = durable
        self.bindir = pg_bindir()
        if self.bindir is None:
            raise RuntimeError("PostgreSQL binaries not found (apt-get install postgresql)")
        self.port = port or free_port()
        self.as_postgres = os.geteuid() == 0
        self.base = tempfile.mkdtemp(prefix="cblue-pg-")
        os.chmod(self.base, 0o755)  # user postgres must traverse it
        self.datadir = os.path.join(self.base, "data")
        self.sockdir = os.path.join(self.base, "sock")
        self.logfile = os.path.join(self.base, "server.log")
        os.makedirs(self.sockdir)
        if self.as_postgres:
            pw = pwd.getpwnam("postgres")
            os.chown(self.base, pw.pw_uid, pw.pw_gid)
            os.chown(self.sockdir, pw.pw_uid, pw.pw_gid)
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self._initdb()

    # running tools as the server's user

    def _run(self, args, check=True, timeout=60, input=None):
        if self.as_postgres:
            pw = pwd.getpwnam("postgres")

            def demote():
                os.setgid(pw.pw_gid)
                os.setuid(pw.pw_uid)
            preexec = demote
        else:
            preexec = None
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", PGTZ="UTC")
        return subprocess.run(args, check=check, timeout=timeout, capture_output=True, text=True, input=input,
                              preexec_fn=preexec, cwd=self.base, env=env)

    def _tool(self, name):
        return os.path.join(self.bindir, name)

    def _initdb(self):
        self._run([self._tool("initdb"), "-D", self.datadir, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                   "--locale=C.UTF-8", "--no-sync"])

    # life cycle

    def start(self, timeout=30):
        opts = (f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.sockdir} "
                "-c max_connections=200")
        if not self.durable:
            # fsync off: a test never loses the machine, only the server process, and the
            # page cache outlives that; synchronous_commit stays on, since a commit that a
            # killed server had not written to the WAL yet would be lost for real
            opts += " -c fsync=off"
        self._run([self._tool("pg_ctl"), "-D", self.datadir, "-l", self.logfile, "-w", "-t", str(timeout),
                   "-o", opts, "start"], timeout=timeout + 10)
        _RUNNING.add(self)
        self.wait_ready(timeout)
        return self

    def wait_ready(self, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            proc = subprocess.run([self._tool("pg_isready"), "-h", "127.0.0.1", "-p", str(self.port), "-t", "1"],
                                  capture_output=True)
            if proc.returncode == 0:
                return
            time.sleep(0.05)
        raise TimeoutError(f"PostgreSQL on port {self.port} is not ready:\n{self.log()}")

    def stop(self, mode="fast"):
        """Stops the server, keeping its data (start() again to restart)."""
        if os.path.exists(os.path.join(self.datadir, "postmaster.pid")):
            self._run([self._tool("pg_ctl"), "-D", self.datadir, "-m", mode, "-w", "-t", "30", "stop"],
                      check=False)
        _RUNNING.discard(self)

    def restart(self):
        self.stop()
        self.start()

    def pid(self):
        try:
            with open(os.path.join(self.datadir, "postmaster.pid")) as f:
                return int(f.readline().strip())
        except (OSError, ValueError):
            return None

    def kill(self):
        """SIGKILLs the postmaster and its children (a crash); start() then recovers."""
        pid = self.pid()
        if pid is None:
            return
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        for p in [pid] + [int(c) for c in children]:
            try:
                os.kill(p, signal.SIGKILL)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.02)
        # a killed postmaster leaves its pid file; pg_ctl start handles a stale one
        _RUNNING.discard(self)

    def cleanup(self):
        self.stop(mode="immediate")
        shutil.rmtree(self.base, ignore_errors=True)

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.cleanup()
            raise

    def __exit__(self, *exc):
        self.cleanup()
        return False

    # using it

    def psql(self, sql, dbname="postgres", check=True):
        """Runs SQL through psql; the output as text, rows on lines, columns joined by '|'."""
        proc = self._run([self._tool("psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                          "-p", str(self.port), "-U", "postgres", "-d", dbname, "-f", "-"],
                         check=False, input=sql)
        if check and proc.returncode != 0:
            raise RuntimeError(f"psql failed: {proc.stderr}")
        return proc.stdout.strip()

    def scalar(self, sql, dbname="postgres"):
        return self.psql(sql, dbname=dbname)

    def create_database(self, name):
        self.psql(f'CREATE DATABASE "{name}"')
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def log(self):
        try:
            with open(self.logfile, encoding="utf-8", errors="replace") as f:
                return f.read()[-4000:]
        except OSError:
            return ""


@atexit.register
def _stop_all():
    for server in list(_RUNNING):
        try:
            server.cleanup()
        except Exception:  # noqa: BLE001 - best effort at exit
            pass
