#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Benchmark: streaming LLM answers relayed by `cblue serve` over WebSocket.

A fake OpenAI-compatible provider streams every answer as TOKENS chunked server-sent
events, one every INTERVAL ms; every token carries the provider's send time
(CLOCK_MONOTONIC, shared by the processes of one machine). N WebSocket clients each ask
one question at the same moment and time every token frame. Both ends are
bench/llm-stream-client (C, one epoll loop each, built with the project), so that the
figures are the server's and not a Python client's queueing; --client/--provider python
run the asyncio versions below instead. Printed:

- how many conversations completed (every token, then the final reply, from the model);
- relay latency per token: client receive time minus provider send time, p50/p99/max,
  through Cblue, and the same measured with the client reading the provider's SSE stream
  directly (the baseline: loopback and the client's own cost); the difference is what
  Cblue's relay adds; the same for the steady state (from each stream's 6th token);
- Cblue's peak RSS (VmHWM) and its CPU time (user+system, from /proc) per answered
  message, the model's time excluded (it runs in the fake's process).

Figures, not pass/fail. Usage:
  bench/llm-stream.py [--build BUILD_DIR] [--conversations 1000] [--tokens 50] [--interval 20]
                      [--synchronized] [--by-token] [--libsoup] [--libsoup-websocket]
                      [--wrapper 'perf record -g -o perf.data'] [--callgrind OUT] [--floor]

--callgrind OUT runs Cblue under callgrind with instrumentation off until the warm-up is over
and off again once the clients are done: OUT then holds the instructions of exactly the
measured conversations (callgrind_annotate OUT | grep 'PROGRAM TOTALS', divided by N).

--wrapper 'perf stat -e raw_syscalls:sys_enter,syscalls:sys_enter_sendmsg,… -o FILE --' counts the
server's system calls (SIGTERM goes to the server itself, so that the wrapper writes FILE).

--floor runs bench/relay-floor (plain C on epoll, no GLib: the same bytes in and out, one frame
per token, and nothing else) in place of Cblue, measured the same way: the floor of the relay's
CPU and latency on this machine.
"""

import argparse
import asyncio
import base64
import json
import os
import resource
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time

QUESTION = "How much is a rooftop solar system?"
# tokens from this place in their stream on are "steady state": by then every
# conversation has been through the pipeline (retrieval, prompt) and is only streaming
STEADY_FROM = 5


# the fake provider ----------------------------------------------------------------------

class Provider:
    """Streams on a shared tick: every INTERVAL, each active stream gets its next token."""

    def __init__(self, tokens, interval):
        self.tokens = tokens
        self.interval = interval / 1000.0
        self.active = set()

    async def tick(self):
        while True:
            start = time.monotonic()
            for stream in list(self.active):
                stream.step(self)
            await asyncio.sleep(max(0.0, self.interval - (time.monotonic() - start)))

    async def handle(self, reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                body = json.loads(await reader.readexactly(length)) if length else {}
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                             b"Transfer-Encoding: chunked\r\n\r\n")
                done = asyncio.get_running_loop().create_future()
                self.active.add(Stream(writer, done, body.get("model", "m")))
                await done
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


class Stream:
    def __init__(self, writer, done, model):
        self.writer = writer
        self.done = done
        self.model = model
        self.sent = 0

    def chunk(self, data):
        self.writer.write(b"%x\r\n%s\r\n" % (len(data), data))

    def step(self, provider):
        if self.writer.is_closing():
            provider.active.discard(self)
            self.done.set_result(None)
            return
        if self.sent < provider.tokens:
            # the token carries its send time; a space keeps the words apart
            text = " t%d" % time.monotonic_ns()
            self.chunk(b'data: {"choices":[{"index":0,"delta":{"content":"%s"},"finish_reason":null}]}\n\n'
                       % text.encode())
            self.sent += 1
            return
        self.chunk(b'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n')
        self.chunk(b"data: [DONE]\n\n")
        self.chunk(b"")
        provider.active.discard(self)
        self.done.set_result(None)


def serve_provider(port_pipe, tokens, interval):
    async def main():
        provider = Provider(tokens, interval)
        server = await asyncio.start_server(provider.handle, "127.0.0.1", 0, backlog=4096)
        os.write(port_pipe, b"%d\n" % server.sockets[0].getsockname()[1])
        asyncio.get_running_loop().create_task(provider.tick())
        await server.serve_forever()
    asyncio.run(main())


# the clients ----------------------------------------------------------------------------

def token_latencies(text, received_ns, out):
    for word in text.split():
        if word.startswith("t") and word[1:].isdigit():
            out.append((received_ns - int(word[1:])) / 1e6)


async def ws_conversation(port, latencies, results):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    key = base64.b64encode(os.urandom(16)).decode()
    writer.write(("GET /api/v1/chat/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                  "Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % key).encode())
    head = await reader.readuntil(b"\r\n\r\n")
    if not head.startswith(b"HTTP/1.1 101"):
        results["refused"] += 1
        writer.close()
        return
    payload = json.dumps({"type": "message", "text": QUESTION}).encode()
    mask = os.urandom(4)
    writer.write(bytes([0x81, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
    tokens = 0
    try:
        while True:
            b0, b1 = await reader.readexactly(2)
            length = b1 & 0x7F
            if length == 126:
                length = struct.unpack("!H", await reader.readexactly(2))[0]
            elif length == 127:
                length = struct.unpack("!Q", await reader.readexactly(8))[0]
            data = await reader.readexactly(length)
            now = time.monotonic_ns()
            if b0 & 0x0F != 1:
                continue
            frame = json.loads(data)
            if frame["type"] == "token":
                tokens += 1
                token_latencies(frame["text"], now, latencies)
            elif frame["type"] == "reply":
                ok = frame.get("outcome") == "answered" and frame["reply"].startswith("t")
                results["completed" if ok else "fallback"] += 1
                results["tokens"] += tokens
                return
            elif frame["type"] == "error":
                results["errors"] += 1
                results.setdefault("first_error", frame.get("error", {}).get("message"))
                return
    except (asyncio.IncompleteReadError, ConnectionError):
        results["dropped"] += 1
    finally:
        writer.close()


async def direct_stream(port, latencies, results):
    """The baseline: the same stream read straight from the provider."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    body = b'{"model":"bench","stream":true}'
    writer.write(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
    await reader.readuntil(b"\r\n\r\n")
    buf = b""
    try:
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            data = await reader.readexactly(size + 2)
            if size == 0:
                results["completed"] += 1
                return
            now = time.monotonic_ns()
            buf += data[:-2]
            while b"\n\n" in buf:
                event, buf = buf.split(b"\n\n", 1)
                if b'"content":"' in event:
                    text = event.split(b'"content":"', 1)[1].split(b'"', 1)[0].decode()
                    token_latencies(text, now, latencies)
    finally:
        writer.close()


async def run_clients(n, target, port):
    latencies = []
    results = {"completed": 0, "fallback": 0, "errors": 0, "dropped": 0, "refused": 0, "tokens": 0}
    start = time.monotonic()
    await asyncio.gather(*(target(port, latencies, results) for _ in range(n)), return_exceptions=False)
    return latencies, results, time.monotonic() - start


def run_c_client(client, kind, port, n):
    """The same, with bench/llm-stream-client (C, one epoll loop): the latency is then
    the server's, not the Python client's queueing."""
    out = subprocess.run([client, kind, str(port), str(n)], check=True, capture_output=True, text=True).stdout
    latencies = []
    steady = []
    by_ordinal = {}
    results = {}
    for line in out.splitlines():
        if line.startswith("latency_ms "):
            _, value, ordinal = line.split()
            latencies.append(float(value))
            by_ordinal.setdefault(int(ordinal), []).append(float(value))
            if int(ordinal) >= STEADY_FROM:
                steady.append(float(value))
        elif line.startswith("result "):
            results = {k: float(v) if k == "elapsed" else int(v)
                       for k, v in (item.split("=") for item in line.split()[1:])}
    elapsed = results.pop("elapsed")
    results["steady"] = steady
    results["by_ordinal"] = by_ordinal
    return latencies, results, elapsed


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


def proc_cpu_seconds(pid, part=None):
    """user+system CPU time (or only "user" or "system"), in 10 ms ticks"""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = {"user": int(fields[11]), "system": int(fields[12])}
    return (ticks[part] if part else ticks["user"] + ticks["system"]) / os.sysconf("SC_CLK_TCK")


def proc_run_seconds(pid):
    """CPU time of the process's live threads to the nanosecond (the scheduler's sum_exec_runtime
    in /proc/PID/task/*/schedstat), where /proc/PID/stat counts 10 ms ticks; a thread that exited
    in between is not counted."""
    total = 0
    for task in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/schedstat" % (pid, task)) as f:
                total += int(f.read().split()[0])
        except OSError:
            pass
    return total / 1e9


def proc_status(pid, key):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def find_cblue(pid, exe):
    """The cblue process: pid itself, or (with --wrapper) its descendant running exe."""
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            if os.path.realpath("/proc/%d/exe" % p) == os.path.realpath(exe):
                return p
            for task in os.listdir("/proc/%d/task" % p):
                with open("/proc/%d/task/%s/children" % (p, task)) as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return pid


def callgrind_collect(pid, on):
    """Turns callgrind's instrumentation of the server on or off (callgrind_control -i)."""
    subprocess.run(["callgrind_control", "-i", "on" if on else "off", str(pid)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def settle(pid, timeout=60.0):
    """Waits until the process uses (almost) no CPU for half a second."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        before = proc_cpu_seconds(pid)
        time.sleep(0.5)
        if proc_cpu_seconds(pid) - before < 0.02:
            return


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", default=os.path.join(os.path.dirname(__file__), "..", "build"))
    parser.add_argument("--conversations", type=int, default=1000)
    parser.add_argument("--tokens", type=int, default=50)
    parser.add_argument("--interval", type=float, default=20)
    parser.add_argument("--threads", type=int, default=0, help="cblue serve --threads (0: one per core)")
    parser.add_argument("--client", choices=("c", "python"), default="c",
                        help="the WebSocket/SSE clients: bench/llm-stream-client (default) or asyncio")
    parser.add_argument("--provider", choices=("c", "python"), default="c",
                        help="the fake provider: bench/llm-stream-client provider (default) or asyncio")
    parser.add_argument("--synchronized", action="store_true",
                        help="C provider: every stream's token on one shared tick (the worst burst) instead of "
                             "each stream on its own clock; the Python provider is always synchronized")
    parser.add_argument("--by-token", action="store_true",
                        help="also print the latency of each token position (C client)")
    parser.add_argument("--libsoup", action="store_true",
                        help="talk to the provider through libsoup ([model] direct_http=false) instead of "
                             "Cblue's own HTTP/1.1 client")
    parser.add_argument("--libsoup-websocket", action="store_true",
                        help="serve the WebSockets with libsoup's connection ([server] native_websocket=false) "
                             "instead of Cblue's own on each WebSocket thread's epoll")
    parser.add_argument("--floor", action="store_true",
                        help="run bench/relay-floor (the least relay: plain C on epoll, one frame per token) "
                             "instead of cblue serve, with as many threads as --threads (0: one per core)")
    parser.add_argument("--wrapper", default="",
                        help="command put before cblue serve, e.g. 'perf record -g -o perf.data' to profile it")
    parser.add_argument("--callgrind", metavar="OUT", default="",
                        help="run cblue serve under callgrind, counting only the measured conversations "
                             "(not the start-up, the warm-up or the shutdown) into OUT")
    args = parser.parse_args()
    if args.callgrind:
        args.wrapper = ("valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=%s %s"
                        % (shlex.quote(args.callgrind), args.wrapper))

    cblue = os.path.join(args.build, "bench" if args.floor else "core", "relay-floor" if args.floor else "cblue")
    client = os.path.join(args.build, "bench", "llm-stream-client")
    if "c" in (args.client, args.provider) and not os.access(client, os.X_OK):
        sys.exit("%s is not built (ninja -C %s bench/llm-stream-client), or use --client python" % (client, args.build))
    tmp = tempfile.mkdtemp(prefix="cblue-llm-bench.")
    if args.provider == "c":
        provider = subprocess.Popen([client, "provider", str(args.tokens), str(int(round(args.interval)))]
                                    + (["synchronized"] if args.synchronized else []),
                                    stdout=subprocess.PIPE, text=True)
        provider_port = int(provider.stdout.readline())
    else:
        read_fd, write_fd = os.pipe()
        provider = subprocess.Popen([sys.executable, __file__, "--serve-provider", str(write_fd), str(args.tokens),
                                     str(args.interval)], pass_fds=(write_fd,))
        os.close(write_fd)
        with os.fdopen(read_fd) as f:
            provider_port = int(f.readline())
    conf = os.path.join(tmp, "cblue.conf")
    with open(conf, "w") as f:
        # every client is 127.0.0.1: no per-address limits; room for every stream at once
        f.write("[server]\nrate_limit=0\nws_max_per_ip=0\nnative_websocket=%s\n[queue]\nmax_in_flight=%d\n"
                "[model]\nurl=http://127.0.0.1:%d\nmodel=bench\ntimeout=120\nfirst_token_timeout=60\n"
                "max_concurrent=%d\nmax_waiting=%d\nmax_wait_ms=60000\nhistory_messages=0\n"
                % ("false" if args.libsoup_websocket else "true", args.conversations + 16, provider_port,
                   args.conversations + 16, args.conversations))
        if args.libsoup:
            f.write("direct_http=false\n")
    env = dict(os.environ, CBLUE_PLUGIN_PATH=os.path.join(args.build, "plugins"), LANG="C.UTF-8")
    if args.floor:
        cmd = shlex.split(args.wrapper) + [cblue, str(provider_port)] + ([str(args.threads)] if args.threads else [])
    else:
        cmd = shlex.split(args.wrapper) + [cblue, "serve", "--port", "0", "--data-dir", os.path.join(tmp, "data"),
                                           "--config", conf]
        if args.threads:
            cmd += ["--threads", str(args.threads)]
    server = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=open(os.path.join(tmp, "serve.log"), "w"),
                              text=True, env=env)
    pid = server.pid
    try:
        line = server.stdout.readline()
        port = int(line.strip().rstrip("/").rsplit(":", 1)[1])
        # warm-up: one conversation (first connection to the provider), then wait for the
        # start-up work (KB indexes built in the background) to be over
        asyncio.run(run_clients(1, ws_conversation, port))
        pid = find_cblue(server.pid, cblue)
        settle(pid)
        rss_before = proc_status(pid, "VmRSS")
        if args.callgrind:
            callgrind_collect(server.pid, True)
        cpu_before = proc_cpu_seconds(pid)
        user_before = proc_cpu_seconds(pid, "user")
        run_before = proc_run_seconds(pid)
        provider_before = proc_cpu_seconds(provider.pid) if args.provider == "c" else float("nan")
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        if args.client == "c":
            latencies, results, elapsed = run_c_client(client, "ws", port, args.conversations)
        else:
            latencies, results, elapsed = asyncio.run(run_clients(args.conversations, ws_conversation, port))
        cpu = proc_cpu_seconds(pid) - cpu_before
        user = proc_cpu_seconds(pid, "user") - user_before
        run = proc_run_seconds(pid) - run_before
        provider_cpu = (proc_cpu_seconds(provider.pid) if args.provider == "c" else float("nan")) - provider_before
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        client_cpu = (children.ru_utime + children.ru_stime - children_before.ru_utime - children_before.ru_stime
                      if args.client == "c" else float("nan"))
        if args.callgrind:
            settle(pid)  # the closes of the connections count too
            callgrind_collect(server.pid, False)

        peak = proc_status(pid, "VmHWM")
        if args.client == "c":
            base_latencies, base_results, base_elapsed = run_c_client(client, "sse", provider_port,
                                                                      args.conversations)
        else:
            base_latencies, base_results, base_elapsed = asyncio.run(
                run_clients(args.conversations, direct_stream, provider_port))
    finally:
        # to the server itself: a wrapper such as `perf stat` then writes its figures as it
        # ends with it, instead of dying of the signal
        try:
            os.kill(pid, signal.SIGTERM)
        except OSError:
            server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        provider.kill()
        provider.wait()
        shutil.rmtree(tmp, ignore_errors=True)

    n = args.conversations
    print("llm-stream%s: %d concurrent WebSocket conversations, %d tokens every %g ms (%s client, %s provider%s; "
          "load average %s)" % (" (relay-floor, not Cblue)" if args.floor else "", n, args.tokens, args.interval,
                                args.client, args.provider,
                                ", synchronized" if args.synchronized or args.provider == "python" else "",
                                " ".join("%.2f" % x for x in os.getloadavg())))
    print("  completed from the model: %d/%d (fallbacks %d, errors %d, dropped %d, refused %d) in %.2f s"
          % (results["completed"], n, results["fallback"], results["errors"], results["dropped"], results["refused"],
             elapsed))
    print("  token frames: %d, carrying %d tokens" % (results["tokens"], len(latencies)))
    if results.get("first_error"):
        print("  first error: %s" % results["first_error"])
    p50, p99, pmax = (percentile(latencies, 50), percentile(latencies, 99), max(latencies or [float("nan")]))
    b50, b99, bmax = (percentile(base_latencies, 50), percentile(base_latencies, 99),
                      max(base_latencies or [float("nan")]))
    print("  per-token latency through Cblue (ms): p50 %.3f  p99 %.3f  max %.3f" % (p50, p99, pmax))
    print("  per-token latency, client reading the provider directly (ms): p50 %.3f  p99 %.3f  max %.3f  "
          "(%d/%d streams, %.2f s)" % (b50, b99, bmax, base_results["completed"], n, base_elapsed))
    print("  relay overhead added by Cblue (ms): p50 %.3f  p99 %.3f" % (p50 - b50, p99 - b99))
    if "steady" in results and "steady" in base_results:
        s, b = results["steady"], base_results["steady"]
        print("  steady state (tokens %d.. of each stream), through Cblue / direct / added (ms): "
              "p50 %.3f / %.3f / %.3f  p99 %.3f / %.3f / %.3f"
              % (STEADY_FROM + 1, percentile(s, 50), percentile(b, 50), percentile(s, 50) - percentile(b, 50),
                 percentile(s, 99), percentile(b, 99), percentile(s, 99) - percentile(b, 99)))
    if args.by_token and "by_ordinal" in results:
        for ordinal in sorted(results["by_ordinal"]):
            v = results["by_ordinal"][ordinal]
            print("    token %2d: through Cblue p50 %8.3f p99 %8.3f ms" % (ordinal + 1, percentile(v, 50), percentile(v, 99)))
    print("  Cblue RSS: %.1f MB before, peak %.1f MB" % (rss_before, peak))
    print("  Cblue CPU: %.3f s for %d answered messages = %.3f ms per message (model excluded)"
          % (cpu, max(results["completed"], 1), cpu * 1000.0 / max(results["completed"], 1)))
    print("  Cblue CPU from schedstat (ns, live threads): %.4f s = %.3f ms per message; user %.3f s, system %.3f s"
          % (run, run * 1000.0 / max(results["completed"], 1), user, cpu - user))
    print("  the rest of the machine's work for the same conversations: provider %.3f s, clients %.3f s"
          % (provider_cpu, client_cpu))

    return 0 if results["completed"] == n else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--serve-provider":
        serve_provider(int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))
        sys.exit(0)
    sys.exit(main())
