#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Benchmark of the scaled topology against the embedded mode, on this machine.

    bench/topology.py [BUILD_DIR] [--duration S] [--connections N] [--requests N]

Prints figures (never pass/fail):
  1. sequential latency, one keep-alive connection, straight to one process: embedded
     `cblue serve` vs an API process of the topology (the difference is what the Redis queue
     costs: submit, XADD, worker's XREADGROUP, answer, reply XADD, XREAD, back);
  2. closed-loop throughput and p50/p99 with wrk (POST /api/v1/chat, N connections):
     embedded direct, embedded behind nginx, and nginx → 2 API processes → Redis → 2 workers;
  3. the Redis Streams job round trip as the API processes measure it
     (job_round_trip_seconds, a histogram: p50/p99 are bucket bounds).
Everything runs on 127.0.0.1 with free ports and temp dirs, and is stopped at the end.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(SRC, "tests", "integration"))

from redisserver import redis_available  # noqa: E402
from topology import Nginx, Process, Topology, nginx_available  # noqa: E402

QUESTION = "How much is a rooftop solar system?"
BODY = json.dumps({"message": QUESTION})


def sequential(port, n):
    """Latencies (ms) of n requests one after the other on one keep-alive connection."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    out = []
    for i in range(n + 50):
        start = time.perf_counter()
        conn.request("POST", "/api/v1/chat", body=BODY, headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        resp.read()
        elapsed = (time.perf_counter() - start) * 1000
        if resp.status != 200:
            raise RuntimeError(f"HTTP {resp.status}")
        if i >= 50:  # warm-up
            out.append(elapsed)
    conn.close()
    return out


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def wrk(port, duration, connections, workdir):
    script = os.path.join(workdir, "post.lua")
    with open(script, "w") as f:
        f.write('wrk.method = "POST"\n'
                f"wrk.body = {json.dumps(BODY)}\n"
                'wrk.headers["Content-Type"] = "application/json"\n')
    proc = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "-s", script,
                           f"http://127.0.0.1:{port}/api/v1/chat"], capture_output=True, text=True, timeout=duration + 60)
    text = proc.stdout

    def latency(label):
        m = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)", text, re.M)
        if not m:
            return float("nan")
        return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    return {"rps": float(rps.group(1)) if rps else float("nan"), "p50": latency("50"), "p99": latency("99"),
            "non2xx": int(errors.group(1)) if errors else 0}


def histogram_quantile(metrics_text, name, q):
    sums = {}  # the processes' histograms added up, bucket by bucket
    for line in metrics_text.splitlines():
        m = re.match(rf'{name}_bucket{{le="([^"]+)"}} (\d+)', line)
        if m:
            bound = float("inf") if m.group(1) == "+Inf" else float(m.group(1))
            sums[bound] = sums.get(bound, 0) + int(m.group(2))
    buckets = sorted(sums.items())
    if not buckets or buckets[-1][1] == 0:
        return float("nan"), 0
    total = buckets[-1][1]
    for bound, count in buckets:
        if count >= q * total:
            return bound * 1000, total
    return float("inf"), total


def redis_memory_per_job(redis, n=20000):
    """Bytes of Redis memory per waiting job (a scratch stream of typical jobs) and per kept
    reply (the duplicate-detection key of an answered job)."""
    import uuid

    def used():
        info = redis.cli("INFO", "memory")
        return int(re.search(r"^used_memory:(\d+)", info, re.M).group(1))
    job = json.dumps({"v": 1, "id": str(uuid.uuid4()), "conversation_id": str(uuid.uuid4()),
                      "text": "How much is a rooftop solar system for a 3 bedroom house?", "language": "en",
                      "channel": "api", "pii_types": [], "reply_to": "cblue:replies:host-12345-abcdef12",
                      "deadline": int(time.time() * 1e6)})
    reply = json.dumps({"conversation_id": str(uuid.uuid4()), "message_id": str(uuid.uuid4()), "reply": "x" * 400,
                        "language": "en", "topic_id": "solar-rooftop-price",
                        "sources": [["solar-rooftop-price", 12.3, 0.9]], "pii_types": [], "pii_redacted": False,
                        "outcome": 0, "confidence": 0.9, "duration_usec": 150})
    cmd = ["redis-cli", "-p", str(redis.port), "--no-auth-warning"] + (["-a", redis.password] if redis.password else [])
    before = used()
    lines = "".join(f"XADD bench:jobs * job {json.dumps(job)} topic \"\"\n" for _ in range(n))
    subprocess.run(cmd, input=lines, capture_output=True, text=True, check=True)
    middle = used()
    lines = "".join(f"SET bench:job:{i}:done {json.dumps(reply)} EX 60\n" for i in range(n))
    subprocess.run(cmd, input=lines, capture_output=True, text=True, check=True)
    after = used()
    redis.cli("DEL", "bench:jobs")
    return (middle - before) / n, len(job), (after - middle) / n, len(reply)


def embedded(build, base, config):
    data = os.path.join(base, "embedded")
    env = dict(os.environ, CBLUE_PLUGIN_PATH=os.path.join(build, "plugins"), LANG="C.UTF-8")
    env.pop("CBLUE_REDIS_URL", None)
    return Process("embedded", [os.path.join(build, "core", "cblue"), "serve", "--port", "0", "--config", config,
                                "--data-dir", data], env, base).start()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", nargs="?", default=os.path.join(SRC, "build"))
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--requests", type=int, default=2000)
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    os.environ["CBLUE_BIN"] = os.path.join(build, "core", "cblue")
    os.environ["CBLUE_PLUGIN_PATH"] = os.path.join(build, "plugins")
    import topology
    topology.CBLUE = os.environ["CBLUE_BIN"]
    for tool, ok in (("redis-server", redis_available()), ("nginx", nginx_available()), ("wrk", shutil.which("wrk"))):
        if not ok:
            print(f"{tool} is not installed: skipping", file=sys.stderr)
            return 77
    print(f"machine: {os.cpu_count()} cores; wrk -t2 -c{args.connections} -d{args.duration}s; "
          f"sequential: {args.requests} requests on one connection")
    base = tempfile.mkdtemp(prefix="cblue-bench-topology-")
    results = {}
    try:
        config = os.path.join(base, "embedded.conf")
        with open(config, "w") as f:
            f.write("[server]\nrate_limit=0\ntrusted_proxies=127.0.0.1\nthreads=2\n")
        emb = embedded(build, base, config)
        try:
            lat = sequential(emb.port, args.requests)
            results["embedded sequential"] = lat
            results["embedded wrk"] = wrk(emb.port, args.duration, args.connections, base)
            ngx = Nginx([emb.port], base).start()
            try:
                results["embedded+nginx wrk"] = wrk(ngx.port, args.duration, args.connections, base)
            finally:
                ngx.stop()
        finally:
            emb.stop()

        with Topology(apis=2, workers=2, nginx=True) as topo:
            results["topology sequential"] = sequential(topo.api[0].port, args.requests)
            results["topology wrk"] = wrk(topo.nginx.port, args.duration, args.connections, base)
            metrics = "".join(p.get("/metrics")[2] for p in topo.api)
            results["round trip"] = (histogram_quantile(metrics, "job_round_trip_seconds", 0.5),
                                     histogram_quantile(metrics, "job_round_trip_seconds", 0.99))
            results["memory"] = redis_memory_per_job(topo.redis)
            wmetrics = "".join(p.get("/metrics")[2] for p in topo.workers)
            results["processing"] = (histogram_quantile(wmetrics, "job_processing_duration_seconds", 0.5),
                                     histogram_quantile(wmetrics, "job_processing_duration_seconds", 0.99))
    finally:
        shutil.rmtree(base, ignore_errors=True)

    print()
    print("sequential latency, one connection, straight to the process (ms):")
    for key in ("embedded sequential", "topology sequential"):
        v = results[key]
        print(f"  {key:24} p50 {pct(v, 50):7.3f}  p99 {pct(v, 99):7.3f}  mean {statistics.mean(v):7.3f}")
    queue_p50 = pct(results["topology sequential"], 50) - pct(results["embedded sequential"], 50)
    queue_p99 = pct(results["topology sequential"], 99) - pct(results["embedded sequential"], 99)
    print(f"  queue cost (difference)  p50 {queue_p50:7.3f}  p99 {queue_p99:7.3f}")
    print()
    print(f"throughput, wrk closed loop, {args.connections} connections (POST /api/v1/chat):")
    for key, label in (("embedded wrk", "embedded, direct"), ("embedded+nginx wrk", "embedded, behind nginx"),
                       ("topology wrk", "nginx → 2 API → Redis → 2 workers")):
        r = results[key]
        print(f"  {label:36} {r['rps']:9.0f} req/s  p50 {r['p50']:7.3f} ms  p99 {r['p99']:7.3f} ms"
              f"  non-2xx {r['non2xx']}")
    (rt50, n), (rt99, _) = results["round trip"]
    (pr50, m), (pr99, _) = results["processing"]
    print()
    print(f"Redis Streams job round trip in the API processes (histogram bucket bounds, {n} jobs): "
          f"p50 <= {rt50:g} ms, p99 <= {rt99:g} ms")
    print(f"job processing in the workers ({m} jobs): p50 <= {pr50:g} ms, p99 <= {pr99:g} ms")
    per_job, job_len, per_reply, reply_len = results["memory"]
    print(f"Redis memory: {per_job:.0f} bytes per waiting job ({job_len}-byte payload), "
          f"{per_reply:.0f} bytes per kept reply ({reply_len}-byte reply)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
