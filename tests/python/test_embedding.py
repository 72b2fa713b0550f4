# SPDX-License-Identifier: LGPL-2.1-or-later
"""Black-box tests of retrieval-embedding with `cblue`, against tests/fakes/fake_embeddings.py
(a real HTTP server on 127.0.0.1 speaking the /v1/embeddings protocol): the vector cache in
the store across restarts, KB changes and model changes; an endpoint that is down; fusion
on and off; a slow endpoint never blocking the server; only redacted text sent."""

import json
import os
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from conftest import Cli
from test_http import Server

FAKE = os.path.join(os.path.dirname(__file__), "..", "fakes", "fake_embeddings.py")
API_KEY = "sk-fake-0123456789abcdef"


class Fake:
    def __init__(self, *args):
        self.proc = subprocess.Popen([sys.executable, FAKE, "--port", "0", "--exit-on-eof", *args],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        assert line.startswith("PORT "), line
        self.url = f"http://127.0.0.1:{int(line.split()[1])}"

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            return json.loads(resp.read())

    def log(self):
        return self.call("GET", "/log")

    def inputs(self):
        return [text for request in self.log() for text in request["inputs"]]

    def clear(self):
        self.call("POST", "/log/clear", {})

    def mode(self, mode, delay=0):
        self.call("POST", "/control", {"mode": mode, "delay": delay})

    def stop(self):
        self.proc.kill()
        self.proc.wait()


@pytest.fixture
def fake():
    f = Fake("--api-key", API_KEY)
    yield f
    f.stop()


def config(tmp_path, url, model="fake-embed-1", extra=""):
    path = tmp_path / "cblue.conf"
    path.write_text(f"[embedding]\nurl={url}\nmodel={model}\napi_key={API_KEY}\nmax_retries=0\n"
                    f"query_timeout_ms=3000\n{extra}", encoding="utf-8")
    return path


def ask(cli, conf, *questions):
    proc = cli.run("ask", "--json", "--stdin", "--no-record", stdin="".join(q + "\n" for q in questions),
                   config=conf, check=0)
    return [json.loads(line) for line in proc.stdout.splitlines()], proc.stderr


def test_vectors_cached_in_the_store(cli, fake, tmp_path):
    conf = config(tmp_path, fake.url)
    replies, _ = ask(cli, conf, "How much is a rooftop solar system?")
    assert replies[0]["outcome"] == "answered"
    first = fake.log()
    assert len(first) > 1 and all(r["model"] == "fake-embed-1" for r in first)
    assert all(r["authorization"] == f"Bearer {API_KEY}" for r in first)
    kb_texts = sum(len(r["inputs"]) for r in first) - 1

    # a restart embeds only the question
    fake.clear()
    ask(cli, conf, "Do you install EV chargers at home?")
    assert fake.inputs() == ["Do you install EV chargers at home?"]

    # a changed entry is embedded again, and only it
    proc = cli.run("kb", "export", check=0)
    entries = [json.loads(line) for line in proc.stdout.splitlines()] if not proc.stdout.startswith("[") \
        else json.loads(proc.stdout)
    entry = next(e for e in entries if e["topic_id"] == "office-hours")
    entry["content"]["en"] = "We are open every day from 7:00 to 22:00."
    kb_file = tmp_path / "change.json"
    kb_file.write_text(json.dumps([entry], ensure_ascii=False), encoding="utf-8")
    cli.run("kb", "import", str(kb_file), check=0)
    fake.clear()
    ask(cli, conf, "When are you open?")
    sent = fake.inputs()
    assert "We are open every day from 7:00 to 22:00." in sent
    assert sent[-1] == "When are you open?"
    assert len(sent) - 1 == len(entry["questions"].get("en", [])) + len(entry["questions"].get("th", [])) \
        + len(entry["questions"].get("zh", [])) + len(entry["content"])

    # another model: every entry is embedded again
    fake.clear()
    ask(cli, config(tmp_path, fake.url, model="fake-embed-2"), "When are you open?")
    assert all(r["model"] == "fake-embed-2" for r in fake.log())
    assert len(fake.inputs()) - 1 == kb_texts


def test_only_redacted_text_is_sent(cli, fake, tmp_path):
    conf = config(tmp_path, fake.url)
    ask(cli, conf, "warm up")
    fake.clear()
    replies, _ = ask(cli, conf, "my email is somchai.j@example.co.th and phone 081-234-5678, solar rooftop price?")
    assert replies[0]["pii_redacted"] is True
    sent = fake.inputs()
    assert sent == ["my email is [EMAIL] and phone [PHONE], solar rooftop price?"], sent


@pytest.mark.parametrize("mode", ["down", "error500", "error401", "malformed"])
def test_endpoint_failure_leaves_the_other_retrievers(cli, fake, tmp_path, mode):
    url = fake.url
    if mode == "down":
        fake.stop()
    else:
        fake.mode(mode)
    questions = ["How much is a rooftop solar system?", "Do you install EV chargers at home?",
                 "what is the capital of France?"]
    plain, _ = ask(Cli(tmp_path / "plain"), None, *questions)
    replies, stderr = ask(cli, config(tmp_path, url), *questions)
    # answered as without the embedding retriever: its failure does not dilute the others
    assert [(r["topic_id"], r["confidence"]) for r in replies] == [(r["topic_id"], r["confidence"]) for r in plain]
    assert [r["outcome"] for r in replies] == ["answered", "answered", "unanswered"]
    # reported once, and never with the key
    assert stderr.count("embedding endpoint") == 1, stderr
    assert API_KEY not in stderr


def sources(reply):
    return [(s["topic_id"], round(s["score"], 4)) for s in reply["sources"]]


def test_fusion_on_and_off(cli, fake, tmp_path):
    question = "rooftop solar price"
    plain, _ = ask(cli, None, question)
    off, _ = ask(cli, config(tmp_path, fake.url, extra="[retrieval-embedding]\nfusion_weight=0\n"), question)
    on, _ = ask(cli, config(tmp_path, fake.url), question)
    assert sources(off[0]) == sources(plain[0])
    assert sources(on[0]) != sources(plain[0])
    assert plain[0]["topic_id"] == "solar-rooftop-price"


def test_slow_endpoint_never_blocks_the_server(fake, tmp_path):
    fake.mode("slow", 4)
    conf = (f"[server]\nthreads=1\n[embedding]\nurl={fake.url}\nmodel=fake-embed-1\napi_key={API_KEY}\n"
            "max_retries=0\nquery_timeout_ms=1500\n")
    fake.mode("ok")
    server = Server(tmp_path / "data", config=conf)
    try:
        fake.mode("slow", 4)
        result = {}

        def chat():
            t0 = time.monotonic()
            result["reply"] = server.chat({"message": "How much is a rooftop solar system?"})
            result["seconds"] = time.monotonic() - t0

        thread = threading.Thread(target=chat)
        thread.start()
        time.sleep(0.3)
        t0 = time.monotonic()
        status, _, _ = server.request("GET", "/healthz")
        assert status == 200
        assert time.monotonic() - t0 < 1.0
        thread.join(timeout=20)
        status, _, reply = result["reply"]
        assert status == 200
        assert reply["topic_id"] == "solar-rooftop-price"
        assert result["seconds"] < 4, result
    finally:
        if server.proc.poll() is None:
            server.proc.kill()
            server.proc.wait()
