#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""A local stand-in for an OpenAI-compatible embeddings endpoint, for tests.

A real HTTP server (Python standard library only) speaking the `/v1/embeddings` protocol:
a POST of {"model", "input": string or array of strings} gets {"object": "list", "data":
[{"object": "embedding", "index": i, "embedding": [...]}], "model", "usage"}. The vectors
are deterministic: character 1-, 2- and 3-grams of the NFKC, case-folded text hashed into
`--dims` buckets (with a hashed sign) and scaled to unit length, so texts that share
character n-grams (paraphrases, the same words in another order) are near.

    fake_embeddings.py [--port 0] [--dims 256] [--api-key KEY] [--mode ok] [--exit-on-eof]

prints `PORT <n>` on its first line once it listens on 127.0.0.1. Modes (also settable
while running with POST /control {"mode": ..., "delay": seconds}): `ok`; `error500`;
`error401`; `slow` (waits `delay` seconds, 5 by default, then answers); `malformed` (a
body that is not JSON); `wrong-count` (one vector too few). Every request to
/v1/embeddings is logged, and GET /log returns the log as a JSON array of {"model",
"inputs", "authorization", "status"}; POST /log/clear empties it.
"""

import argparse
import hashlib
import json
import math
import os
import sys
import threading
import time
import unicodedata
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def embed(text, dims):
    text = unicodedata.normalize("NFKC", text).casefold()
    text = " ".join(text.split())
    vector = [0.0] * dims
    padded = f" {text} "
    for n in (1, 2, 3):
        for i in range(len(padded) - n + 1):
            gram = padded[i:i + n]
            if gram.isspace():
                continue
            digest = hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest()
            bucket = int.from_bytes(digest[:4], "little") % dims
            sign = 1.0 if digest[4] & 1 else -1.0
            vector[bucket] += sign * (1.0 + 0.5 * (n - 1))
    norm = math.sqrt(sum(x * x for x in vector))
    if norm == 0:
        vector[0] = 1.0
        return vector
    return [round(x / norm, 6) for x in vector]


class State:
    def __init__(self, args):
        self.dims = args.dims
        self.api_key = args.api_key
        self.mode = args.mode
        self.delay = args.delay
        self.log = []
        self.lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state = None

    def log_message(self, fmt, *args):  # quiet
        pass

    def reply(self, status, body, content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def error(self, status, message, kind):
        self.reply(status, {"error": {"message": message, "type": kind, "code": None}})

    def read_json(self):
        return json.loads(self.raw_body.decode("utf-8")) if self.raw_body else {}

    def do_GET(self):
        if self.path == "/log":
            with self.state.lock:
                self.reply(200, list(self.state.log))
        else:
            self.error(404, "not found", "invalid_request_error")

    def do_POST(self):
        state = self.state
        # the whole body is read first, whatever the path: the connection is kept alive
        length = int(self.headers.get("Content-Length") or 0)
        self.raw_body = self.rfile.read(length) if length > 0 else b""
        if self.path == "/control":
            body = self.read_json()
            with state.lock:
                state.mode = body.get("mode", state.mode)
                state.delay = float(body.get("delay", state.delay))
            self.reply(200, {"mode": state.mode})
            return
        if self.path == "/log/clear":
            with state.lock:
                state.log.clear()
            self.reply(200, {})
            return
        if self.path != "/v1/embeddings":
            self.error(404, "not found", "invalid_request_error")
            return
        try:
            body = self.read_json()
        except (ValueError, UnicodeDecodeError):
            self.error(400, "the body is not JSON", "invalid_request_error")
            return
        inputs = body.get("input")
        if isinstance(inputs, str):
            inputs = [inputs]
        with state.lock:
            mode, delay = state.mode, state.delay
            entry = {"model": body.get("model"), "inputs": inputs,
                     "authorization": self.headers.get("Authorization"), "status": 200}
            state.log.append(entry)
        if state.api_key is not None and self.headers.get("Authorization") != f"Bearer {state.api_key}":
            entry["status"] = 401
            self.error(401, "Incorrect API key provided", "invalid_request_error")
            return
        if (not isinstance(inputs, list) or not inputs or not isinstance(body.get("model"), str)
                or not all(isinstance(x, str) and x for x in inputs)):
            entry["status"] = 400
            self.error(400, "input must be a non-empty string or array of strings", "invalid_request_error")
            return
        if mode == "error500":
            entry["status"] = 500
            self.error(500, "The server had an error while processing your request.", "server_error")
            return
        if mode == "error401":
            entry["status"] = 401
            self.error(401, "Incorrect API key provided", "invalid_request_error")
            return
        if mode == "malformed":
            self.reply(200, b"{\"object\": \"list\", \"data\": [", "application/json")
            return
        if mode == "slow":
            time.sleep(delay)
        vectors = [embed(text, state.dims) for text in inputs]
        if mode == "wrong-count":
            vectors = vectors[:-1]
        tokens = sum(len(text.split()) + len(text) // 4 for text in inputs)
        self.reply(200, {
            "object": "list",
            "data": [{"object": "embedding", "index": i, "embedding": v} for i, v in enumerate(vectors)],
            "model": body["model"],
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
        })


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--dims", type=int, default=256)
    parser.add_argument("--api-key", default=None)
    parser.add_argument("--mode", default="ok",
                        choices=["ok", "error500", "error401", "slow", "malformed", "wrong-count"])
    parser.add_argument("--delay", type=float, default=5.0)
    parser.add_argument("--exit-on-eof", action="store_true",
                        help="exit when standard input closes (the test that started it died)")
    args = parser.parse_args()
    if args.exit_on_eof:
        def watch():
            sys.stdin.read()
            os._exit(0)
        threading.Thread(target=watch, daemon=True).start()
    Handler.state = State(args)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
