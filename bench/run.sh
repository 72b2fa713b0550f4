#!/bin/bash
# Cblue benchmarks (figures, not pass/fail): answer throughput of `cblue ask --json --stdin`
# on one core over 10,000 mixed-language questions, cold start of `cblue ask` (process start
# to answer), and the peak RSS of an idle `cblue serve` with the bundled KB.
#   bench/run.sh [BUILD_DIR]    (default: build)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
cblue="$build/core/cblue"
export CBLUE_PLUGIN_PATH="$build/plugins" LANG=C.UTF-8
work=$(mktemp -d /tmp/cblue-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# 10,000 questions: the labelled paraphrases (en/th/zh, in and out of scope) and the KB's own
# example questions, cycled in a fixed order
/usr/bin/python3 - "$src" "$work/questions.txt" <<'PY'
import json, sys, glob
src, out = sys.argv[1], sys.argv[2]
qs = [l.split("\t")[1] for l in open(f"{src}/tests/data/eval-bundled.tsv", encoding="utf-8").read().splitlines()[1:]]
for f in sorted(glob.glob(f"{src}/data/kb/*.json")):
    for e in json.load(open(f, encoding="utf-8")):
        for lang in ("en", "th", "zh"):
            qs += e.get("questions", {}).get(lang, [])
with open(out, "w", encoding="utf-8") as fh:
    for i in range(10000):
        fh.write(qs[(i * 7919) % len(qs)] + "\n")
PY

"$cblue" ask --data-dir "$work/data" "warm up" >/dev/null   # seeds the store

# every thread of the process pinned to one core; process start included
for mode in "--no-record" ""; do
  t0=$(date +%s%N)
  taskset -c 0 "$cblue" ask --json --stdin $mode --data-dir "$work/data" <"$work/questions.txt" >"$work/replies.jsonl" || true
  t1=$(date +%s%N)
  n=$(wc -l <"$work/replies.jsonl")
  qps=$(( n * 1000000000 / (t1 - t0) ))
  label=${mode:-"recording every exchange in SQLite"}
  echo "throughput: $n questions in $(( (t1 - t0) / 1000000 )) ms on one core = $qps questions/s (ask --json --stdin, $label)"
done

# cold start: median of 21 runs of a whole process answering one question
/usr/bin/python3 - "$cblue" "$work/data" <<'PY'
import statistics, subprocess, sys, time
cblue, data = sys.argv[1], sys.argv[2]
times = []
for i in range(21):
    t = time.perf_counter()
    subprocess.run([cblue, "ask", "--data-dir", data, "ติดโซลาร์เซลล์ราคาเท่าไหร่"], check=True, capture_output=True)
    times.append((time.perf_counter() - t) * 1000)
print(f"cold start: median {statistics.median(times):.1f} ms, min {min(times):.1f} ms, max {max(times):.1f} ms (cblue ask, 21 runs)")
PY

# idle RSS of the server with the bundled KB
"$cblue" serve --port 0 --data-dir "$work/data" >"$work/serve.out" 2>"$work/serve.err" &
pid=$!
for _ in $(seq 100); do grep -q Listening "$work/serve.out" 2>/dev/null && break; sleep 0.05; done
sleep 1
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
kill -TERM "$pid"; wait "$pid" || true
echo "idle serve: peak RSS (VmHWM) $(( hwm / 1024 )).$(( (hwm % 1024) * 10 / 1024 )) MB, RSS $(( rss / 1024 )) MB"
