# SPDX-License-Identifier: LGPL-2.1-or-later
"""Black-box tests of `cblue serve`: POST /api/v1/chat, /healthz, /readyz."""

import json
import os
import signal
import sqlite3
import subprocess
import urllib.error
import urllib.request

import pytest

from conftest import CBLUE


class Server:
    def __init__(self, data_dir):
        self.data_dir = str(data_dir)
        self.proc = subprocess.Popen(
            [CBLUE, "serve", "--port", "0", "--data-dir", self.data_dir],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        line = self.proc.stdout.readline()
        assert line.startswith("Listening on http://127.0.0.1:"), (line, self.proc.stderr.read())
        self.base = line.split()[-1].rstrip("/")

    def request(self, method, path, body=None, content_type="application/json"):
        data = body if isinstance(body, (bytes, type(None))) else body.encode("utf-8")
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None and content_type:
            req.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, resp.headers, json.loads(resp.read())
        except urllib.error.HTTPError as err:
            return err.code, err.headers, json.loads(err.read())

    def chat(self, payload, **kwargs):
        return self.request("POST", "/api/v1/chat", json.dumps(payload, ensure_ascii=False), **kwargs)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=30)


@pytest.fixture
def server(tmp_path):
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


def test_sigterm_flushes_the_conversation(server):
    status, _, reply = server.chat({"message": "ติดโซลาร์เซลล์ราคาเท่าไหร่"})
    assert status == 200
    assert server.stop() == 0
    db = sqlite3.connect(os.path.join(server.data_dir, "cblue.db"))
    rows = db.execute("SELECT role, text FROM messages WHERE conversation_id = ? ORDER BY role DESC",
                      (reply["conversation_id"],)).fetchall()
    assert rows[0] == ("user", "ติดโซลาร์เซลล์ราคาเท่าไหร่")
    assert rows[1][0] == "bot"
