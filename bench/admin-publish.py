#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Admin API figures with a 5,000-entry KB: the time to publish drafts while a client keeps
chatting (and how many chat requests failed meanwhile: must be 0), and the latency of the
KB list, search and filters. Prints figures; asserts nothing about speed.

    bench/admin-publish.py BUILD_DIR [--entries N] [--rounds N]
"""

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

API = "/admin/api/v1"


def synthetic_kb(n):
    """n trilingual entries with distinct words, so that retrieval has real work to do."""
    entries = []
    for i in range(n):
        word = "item%05d" % i
        entries.append({
            "topic_id": "bench-%05d" % i,
            "category": "cat%02d" % (i % 40),
            "tags": ["tag%d" % (i % 7), "bench"],
            "keywords": [word, "ของ%05d" % i, "物品%05d" % i],
            "questions": {"en": ["How much does %s cost?" % word, "Where can I buy %s?" % word],
                          "th": ["%s ราคาเท่าไหร่" % word], "zh": ["%s多少钱" % word]},
            "content": {"en": "%s costs %d baht and ships in %d days." % (word, 100 + i, 1 + i % 9),
                        "th": "%s ราคา %d บาท จัดส่งภายใน %d วัน" % (word, 100 + i, 1 + i % 9),
                        "zh": "%s售价%d泰铢，%d天内发货。" % (word, 100 + i, 1 + i % 9)},
        })
    return entries


class Api:
    def __init__(self, base, token):
        self.base, self.token = base, token

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Authorization", "Bearer " + self.token)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, timeout=120) as resp:
            return json.loads(resp.read())


def chat(base, message):
    req = urllib.request.Request(base + "/api/v1/chat", data=json.dumps({"message": message}).encode(),
                                 method="POST")
    req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            resp.read()
            return resp.status == 200
    except (urllib.error.URLError, OSError):
        return False


def timed(fn, runs):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build_dir")
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    cblue = os.path.join(args.build_dir, "core", "cblue")
    env = dict(os.environ, CBLUE_PLUGIN_PATH=os.path.join(args.build_dir, "plugins"), LANG="C.UTF-8")

    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data")
        kb_file = os.path.join(tmp, "kb.json")
        conf = os.path.join(tmp, "cblue.conf")
        with open(kb_file, "w", encoding="utf-8") as f:
            json.dump(synthetic_kb(args.entries), f, ensure_ascii=False)
        with open(conf, "w", encoding="utf-8") as f:
            f.write("[server]\nrate_limit=0\n")
        run = dict(env=env, check=True, capture_output=True, text=True)
        subprocess.run([cblue, "kb", "import", "--replace", kb_file, "--data-dir", data], **run)
        subprocess.run([cblue, "user", "add", "--role", "editor", "bench", "--data-dir", data],
                       input="bench-password\n", **run)
        token = subprocess.run([cblue, "user", "token", "bench", "--data-dir", data], **run).stdout.strip()
        log_path = os.path.join(tmp, "serve.log")
        log = open(log_path, "w", encoding="utf-8")
        server = subprocess.Popen([cblue, "serve", "--port", "0", "--data-dir", data, "--config", conf],
                                  env=dict(env, G_MESSAGES_DEBUG="cblue"), stdout=subprocess.PIPE, stderr=log,
                                  text=True)
        try:
            line = server.stdout.readline()
            if not line.startswith("Listening on"):
                sys.exit("cblue serve did not start: " + line)
            base = line.split()[-1].rstrip("/")
            api = Api(base, token)

            # list and search
            api.call("GET", API + "/kb?limit=1")  # fill the cache
            figures = {
                "list (50 of %d)" % args.entries: lambda: api.call("GET", API + "/kb?limit=50"),
                "list sorted by updated_at desc": lambda: api.call("GET", API + "/kb?limit=50&sort=updated_at&order=desc"),
                "search q=item04321 (English)": lambda: api.call("GET", API + "/kb?q=item04321"),
                "search q=ราคา (Thai, every entry)": lambda: api.call("GET", API + "/kb?q=%E0%B8%A3%E0%B8%B2%E0%B8%84%E0%B8%B2&limit=50"),
                "filter category=cat07 tag=tag3": lambda: api.call("GET", API + "/kb?category=cat07&tag=tag3"),
                "filter missing=th": lambda: api.call("GET", API + "/kb?missing=th"),
            }
            print("KB list/search latency with %d entries (ms, median / p95 of 30):" % args.entries)
            for name, fn in figures.items():
                median, p95 = timed(fn, 30)
                print("  %-40s %7.2f / %7.2f" % (name, median, p95))
            entry = api.call("GET", API + "/kb/bench-00000")
            api.call("PUT", API + "/kb/bench-00000", dict(entry, revision=entry["revision"]))
            median, p95 = timed(lambda: api.call("GET", API + "/kb?limit=50"), 1)
            print("  %-40s %7.2f (the save patched the cache)" % ("list after a save", median))
            time.sleep(10.5)
            median, p95 = timed(lambda: api.call("GET", API + "/kb?limit=50"), 1)
            print("  %-40s %7.2f (the cache expired: the working copy is re-read)" % ("list after 10 s idle", median))

            def cpu_ms():
                with open("/proc/%d/stat" % server.pid, encoding="ascii") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")

            def edit_and_publish(r, note):
                for i in range(20):
                    topic = "bench-%05d" % ((r * 20 + i) * 37 % args.entries)
                    entry = api.call("GET", API + "/kb/" + topic)
                    entry["content"]["en"] += " (%s %d)" % (note, r)
                    api.call("PUT", API + "/kb/" + topic, entry)
                cpu0, start = cpu_ms(), time.perf_counter()
                result = api.call("POST", API + "/kb/publish", {"comment": "bench %s %d" % (note, r)})
                assert result["entries"] == args.entries, result
                return (time.perf_counter() - start) * 1000, cpu_ms() - cpu0

            # publish alone: the server's CPU time tells the cost whatever the machine's load
            quiet = [edit_and_publish(r, "quiet") for r in range(3)]
            print("KB publish with %d entries (20 drafts each), no chat: wall %s ms, server CPU %s ms"
                  % (args.entries, " ".join("%.0f" % w for w, _ in quiet), " ".join("%.0f" % c for _, c in quiet)))

            # publish while chatting
            stop = threading.Event()
            counts = {"ok": 0, "failed": 0}

            def chatter():
                i = 0
                while not stop.is_set():
                    ok = chat(base, "How much does item%05d cost?" % (i % args.entries))
                    counts["ok" if ok else "failed"] += 1
                    i += 7

            threads = [threading.Thread(target=chatter)]
            for t in threads:
                t.start()
            publish_ms = []
            try:
                for r in range(args.rounds):
                    publish_ms.append(edit_and_publish(r, "round")[0])
            finally:
                stop.set()
                for t in threads:
                    t.join()
            print("KB publish with %d entries (20 drafts each) while a client chats, %d rounds: median %.0f ms, max %.0f ms"
                  % (args.entries, args.rounds, statistics.median(publish_ms), max(publish_ms)))
            print("chat requests during the publishes: %d answered, %d failed" % (counts["ok"], counts["failed"]))
            print("load average (1 min) at the end: %.2f on %d CPUs" % (os.getloadavg()[0], os.cpu_count()))
            log.flush()
            with open(log_path, encoding="utf-8") as f:
                phases = [line.split(": ", 2)[-1].strip() for line in f if "published KB version" in line]
            print("server side (store transaction, KB load, retriever indexing):")
            for phase in phases:
                print("  " + phase)
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
            log.close()


if __name__ == "__main__":
    main()
