# SPDX-License-Identifier: LGPL-2.1-or-later
"""A `cblue serve` with console users, for the admin tests (tests/python/test_admin_*.py,
tests/browser/test_console.py) and bench/admin-console.py: starts the real binary on a free
port with a temp data dir, creates users with `cblue user add`, and speaks the admin API
with a cookie session and its CSRF token, or the chat API."""

import http.cookiejar
import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from cblue_process import run_command, stop_gracefully

CBLUE = os.environ.get("CBLUE_BIN", "cblue")


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body)

    def __repr__(self):
        return f"<Response {self.status} {self.body[:300]!r}>"


class Site:
    """cblue serve in @data_dir; @config is the text of a config file (optional)."""

    def __init__(self, data_dir, config=None, kb_files=()):
        self.data_dir = str(data_dir)
        os.makedirs(self.data_dir, exist_ok=True)
        self.conf = None
        if config is not None:
            self.conf = os.path.join(os.path.dirname(self.data_dir), "cblue.conf")
            with open(self.conf, "w", encoding="utf-8") as f:
                f.write(config)
        if kb_files:
            self.cli("kb", "import", *kb_files)
        self.proc = None

    def cli(self, *args, stdin=None, check=True):
        cmd = [CBLUE, *args, "--data-dir", self.data_dir]
        if self.conf:
            cmd += ["--config", self.conf]
        proc = run_command(cmd, input=stdin, timeout=120, state_dir=self.data_dir)
        if check:
            assert proc.returncode == 0, (cmd, proc.returncode, proc.stdout, proc.stderr)
        return proc

    def add_user(self, name, password, role="admin"):
        # the password on stdin, never in argv
        return self.cli("user", "add", "--role", role, name, stdin=password + "\n")

    def start(self):
        cmd = [CBLUE, "serve", "--port", "0", "--data-dir", self.data_dir]
        if self.conf:
            cmd += ["--config", self.conf]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        assert line.startswith("Listening on http://127.0.0.1:"), (line, self.proc.stderr.read())
        self.base = line.split()[-1].rstrip("/")
        return self

    def stop(self):
        """SIGTERM; returns the exit status (non-zero under ASan when something leaked)"""
        if self.proc is None:
            return None
        stop_gracefully(self.proc)
        return self.proc.returncode

    # the public chat API

    def raw(self, method, path, body=None, headers=None, opener=None):
        data = None
        hdrs = dict(headers or {})
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode("utf-8")
            hdrs.setdefault("Content-Type", "application/json")
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=hdrs)
        try:
            with (opener or urllib.request.build_opener()).open(req, timeout=60) as resp:
                return Response(resp.status, resp.headers, resp.read())
        except urllib.error.HTTPError as err:
            return Response(err.code, err.headers, err.read())

    def chat(self, message, conversation_id=None, language=None):
        body = {"message": message}
        if conversation_id:
            body["conversation_id"] = conversation_id
        if language:
            body["language"] = language
        res = self.raw("POST", "/api/v1/chat", body)
        assert res.status == 200, res
        return res.json()

    def conversation(self, conversation_id, expect_messages):
        """the stored messages, once the writer has caught up"""
        deadline = time.time() + 10
        while True:
            res = self.raw("GET", "/api/v1/conversations/" + conversation_id)
            if res.status == 200 and len(res.json()["messages"]) >= expect_messages:
                return res.json()["messages"]
            assert time.time() < deadline, res
            time.sleep(0.05)

    def feedback(self, conversation_id, message_id, rating):
        res = self.raw("POST", "/api/v1/feedback",
                       {"conversation_id": conversation_id, "message_id": message_id, "rating": rating})
        assert res.status in (200, 204), res

    def session(self):
        return Session(self)


class Session:
    """a console session: the cookie jar and the CSRF token of one login"""

    def __init__(self, site):
        self.site = site
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.csrf = None

    def login(self, name, password):
        res = self.site.raw("POST", "/admin/api/v1/session", {"username": name, "password": password},
                            opener=self.opener)
        if res.status == 200:
            self.csrf = res.json()["csrf_token"]
        return res

    def request(self, method, path, body=None, raw=None, content_type=None):
        headers = {}
        if method not in ("GET", "HEAD") and self.csrf:
            headers["X-CSRF-Token"] = self.csrf
        if raw is not None:
            headers["Content-Type"] = content_type or "text/plain"
            return self.site.raw(method, "/admin/api/v1" + path, raw.encode("utf-8"), headers, self.opener)
        return self.site.raw(method, "/admin/api/v1" + path, body, headers, self.opener)

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, body=None):
        return self.request("POST", path, body if body is not None else {})
