#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""A fake OpenAI-compatible chat-completions server, for tests and benchmarks.

A real HTTP/1.1 server (Python standard library only) speaking the protocol of
POST /v1/chat/completions: a JSON reply, or server-sent events when the request says
"stream": true (chat.completion.chunk objects, then "data: [DONE]"). It stands in for a
third-party service (OpenAI, Ollama, vLLM) that tests must not reach.

Usage: fake_openai.py [--port N] [--mode MODE] [--record FILE] [--tokens N] [--interval MS]
                      [--reply TEXT] [--api-key KEY] [--model NAME]
It prints "PORT <n>" on stdout once listening (port 0 picks a free one).

Modes (also settable per request with the header X-Fake-Mode, and switchable at run time
with POST /fake/mode {"mode": …}):
  ok            answer normally (streamed or not)
  slow          wait --slow-seconds before the headers
  slow-tokens   headers at once, first token after --slow-seconds
  stall-end     as ok, then --slow-seconds between the last token and the end of the stream
  429           HTTP 429 with Retry-After: --retry-after, --fail-times times, then ok
  500           HTTP 500 --fail-times times (0: always), then ok
  drop          stream a few tokens, then close the connection without [DONE]
  split-thai    a Thai answer whose bytes are sent in chunks cut inside characters
  burst         every word its own chunk, JSON-escaped (\\u escapes, surrogate pairs), all
                written at once, as a busy provider's tokens arrive together
  malformed     a reply (or a stream chunk) that is not JSON
  no-answer     the model says NO_ANSWER
  echo          the answer repeats the last user message (for injection tests)
Requests whose "model" differs from --model get the provider's 404 (unknown model).
With --api-key, a request without "Authorization: Bearer <key>" gets 401.

Every request body is appended, one JSON document per line, to --record, so a test can
check what was sent to the provider. GET /fake/stats returns counters.
"""

import argparse
import json
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

THAI_REPLY = "ติดตั้งโซลาร์เซลล์บนหลังคา ราคาเริ่มต้น 120,000 บาทค่ะ"


class State:
    def __init__(self, args):
        self.args = args
        self.mode = args.mode
        self.lock = threading.Lock()
        self.requests = 0
        self.aborted = 0  # streams the client closed before their end
        self.failures_left = args.fail_times
        self.record = open(args.record, "a", encoding="utf-8") if args.record else None

    def record_body(self, body):
        with self.lock:
            self.requests += 1
            if self.record is not None:
                self.record.write(body.decode("utf-8", "replace").replace("\n", " ") + "\n")
                self.record.flush()

    def take_failure(self):
        """True if this request must fail (the budget of failures is not spent)."""
        with self.lock:
            if self.args.fail_times == 0:
                return True
            if self.failures_left > 0:
                self.failures_left -= 1
                return True
            return False


def chunk(model, content=None, finish=None, usage=None, ascii_only=False):
    obj = {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [],
    }
    if usage is not None:
        obj["usage"] = usage
    else:
        delta = {} if content is None else {"content": content}
        obj["choices"] = [{"index": 0, "delta": delta, "finish_reason": finish}]
    return ("data: " + json.dumps(obj, ensure_ascii=ascii_only) + "\n\n").encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-openai/1"

    def log_message(self, fmt, *args):  # quiet
        pass

    @property
    def state(self):
        return self.server.state

    def send_json(self, status, obj, headers=None):
        data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/fake/stats":
            with self.state.lock:
                self.send_json(200, {"requests": self.state.requests, "mode": self.state.mode,
                                     "aborted": self.state.aborted})
            return
        if self.path in ("/v1/models", "/models"):
            self.send_json(200, {"object": "list", "data": [{"id": self.state.args.model, "object": "model"}]})
            return
        self.send_json(404, {"error": {"message": "not found"}})

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def do_POST(self):
        body = self.read_body()
        if self.path == "/fake/mode":
            self.state.mode = json.loads(body)["mode"]
            with self.state.lock:
                self.state.failures_left = self.state.args.fail_times
            self.send_json(200, {"mode": self.state.mode})
            return
        if self.path != "/v1/chat/completions":
            self.send_json(404, {"error": {"message": "unknown path", "type": "invalid_request_error"}})
            return
        self.state.record_body(body)
        args = self.state.args
        if args.api_key and self.headers.get("Authorization") != "Bearer " + args.api_key:
            self.send_json(401, {"error": {"message": "Incorrect API key provided", "type": "invalid_request_error"}})
            return
        try:
            request = json.loads(body)
        except ValueError:
            self.send_json(400, {"error": {"message": "bad JSON"}})
            return
        if request.get("model") != args.model:
            self.send_json(404, {"error": {"message": "The model `%s` does not exist" % request.get("model"),
                                           "type": "invalid_request_error", "code": "model_not_found"}})
            return
        mode = self.headers.get("X-Fake-Mode") or self.state.mode
        stream = bool(request.get("stream"))
        if mode == "429" and self.state.take_failure():
            self.send_json(429, {"error": {"message": "Rate limit reached"}},
                           {"Retry-After": str(args.retry_after)})
            return
        if mode == "500" and self.state.take_failure():
            self.send_json(500, {"error": {"message": "The server had an error"}})
            return
        if mode == "slow":
            time.sleep(args.slow_seconds)
        reply = self.reply_text(mode, request)
        if stream:
            try:
                self.stream_reply(mode, request, reply)
            except (BrokenPipeError, ConnectionResetError):
                with self.state.lock:
                    self.state.aborted += 1
                self.close_connection = True
        elif mode == "malformed":
            data = b'{"choices": [{"message": {"content": "unterminated'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        else:
            self.send_json(200, {
                "id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()),
                "model": args.model,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": reply},
                             "finish_reason": "stop"}],
                "usage": {"prompt_tokens": len(body) // 4, "completion_tokens": len(reply.split()),
                          "total_tokens": len(body) // 4 + len(reply.split())},
            })

    def reply_text(self, mode, request):
        if mode == "split-thai":
            return THAI_REPLY
        if mode == "no-answer":
            return "NO_ANSWER"
        if mode == "echo":
            messages = request.get("messages") or []
            return "ECHO: " + (messages[-1].get("content", "") if messages else "")
        return self.state.args.reply

    def stream_reply(self, mode, request, reply):
        args = self.state.args
        model = args.model
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

        def write(data):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()

        if mode == "slow-tokens":
            # a keep-alive comment first, then nothing for a while: a client that gave up
            # has closed the connection by the time the tokens come
            write(b": waiting\n\n")
            time.sleep(args.slow_seconds)
        if mode == "split-thai":
            # every event in two HTTP chunks cut inside a Thai character (3-byte UTF-8)
            for piece in [reply[i:i + 4] for i in range(0, len(reply), 4)]:
                data = chunk(model, piece)
                cut = data.index(piece.encode("utf-8")) + 1
                write(data[:cut])
                time.sleep(args.interval / 1000.0)
                write(data[cut:])
            write(chunk(model, None, "stop"))
            write(b"data: [DONE]\n\n")
            write(b"")
            return
        if mode == "burst":
            events = [chunk(model, word if i == 0 else " " + word, ascii_only=True)
                      for i, word in enumerate(reply.split(" "))]
            events += [chunk(model, None, "stop"), b"data: [DONE]\n\n", b""]
            self.wfile.write(b"".join(b"%x\r\n%s\r\n" % (len(data), data) for data in events))
            self.wfile.flush()
            return
        if mode == "malformed":
            write(chunk(model, "Hello"))
            write(b"data: {not json\n\n")
            write(b"data: [DONE]\n\n")
            write(b"")
            return
        many = mode in ("ok", "stall-end") and args.tokens > 0
        words = None if many else reply.split(" ")
        if words is None:
            base = reply.split(" ")
            words = [base[i % len(base)] for i in range(args.tokens)]
        n = 0
        for i, word in enumerate(words):
            write(chunk(model, word if i == 0 else " " + word))
            n += 1
            if mode == "drop" and n >= 3:
                # the connection dies mid-stream: no terminating chunk, no [DONE]
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True
                return
            if args.interval > 0:
                time.sleep(args.interval / 1000.0)
        if mode == "stall-end":
            # every token sent, then nothing for a while before the end: the answer is still
            # in progress at the client, however fast it read the tokens
            time.sleep(args.slow_seconds)
        write(chunk(model, None, "stop"))
        if (request.get("stream_options") or {}).get("include_usage"):
            write(chunk(model, usage={"prompt_tokens": 100, "completion_tokens": n, "total_tokens": 100 + n}))
        write(b"data: [DONE]\n\n")
        write(b"")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 4096
    allow_reuse_address = True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--mode", default="ok")
    parser.add_argument("--record")
    parser.add_argument("--model", default="fake-model")
    parser.add_argument("--api-key", default="")
    parser.add_argument("--reply", default="Rooftop solar systems start at 120,000 baht including installation.")
    parser.add_argument("--tokens", type=int, default=0, help="stream this many tokens (ok mode)")
    parser.add_argument("--interval", type=float, default=0, help="milliseconds between tokens")
    parser.add_argument("--slow-seconds", type=float, default=5)
    parser.add_argument("--retry-after", default="1")
    parser.add_argument("--fail-times", type=int, default=0, help="429/500 this many times, 0 for always")
    args = parser.parse_args()
    server = Server(("127.0.0.1", args.port), Handler)
    server.state = State(args)
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
