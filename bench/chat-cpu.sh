#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Server CPU per chat request: `cblue serve` with the load harness's KB and message mix,
# a closed loop of wrk (64 connections, the harness's chat.lua), and the server's own CPU
# time (utime + stime from /proc) divided by the requests answered. CPU per request moves
# far less than req/s when other jobs share the machine, so it is the figure to compare
# two builds with: run them alternately, several times, and compare the medians.
#
#   bench/chat-cpu.sh [BUILD_DIR] [SECONDS] [RUNS]     (default: build 10 3)
#
# Prints one line per run: rps, p99, server CPU ms/request, requests, and how that CPU
# splits over the server's threads (the listeners cblue-http-N, the store's writer, the
# rest). Traffic goes to 127.0.0.1 only and every run is bounded in time.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
seconds=${2:-10}
runs=${3:-3}
harness=${LOAD_HARNESS:-$src/../shared/bench/load}
[[ -f $harness/kb.json && -f $harness/tools/chat.lua ]] || { echo "load harness not found at $harness (set LOAD_HARNESS)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk not found (apt-get install wrk)" >&2; exit 2; }

work=$(mktemp -d /tmp/cblue-chat-cpu.XXXXXX)
server=
cleanup() {
	[[ -n $server ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

cat >"$work/cblue.conf" <<CONF
[server]
# every client of the benchmark is 127.0.0.1
rate_limit=0
ws_max_per_ip=0
CONF
export CBLUE_PLUGIN_PATH="$build/plugins" LANG=C.UTF-8
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU ticks per thread group: "listeners N", "writer N", "other N"
thread_ticks() {
	cat /proc/"$1"/task/*/stat 2>/dev/null | awk '{
		match($0, /\(.*\)/); comm = substr($0, RSTART + 1, RLENGTH - 2)
		split(substr($0, RSTART + RLENGTH + 1), f, " ")
		group = comm ~ /^cblue-http-/ ? "listeners" : comm ~ /^cblue-(sqlite|postgres)$/ ? "writer" : "other"
		t[group] += f[12] + f[13]
	} END { print "listeners", t["listeners"] + 0; print "writer", t["writer"] + 0; print "other", t["other"] + 0 }'
}

for ((run = 1; run <= runs; run++)); do
	rm -rf "$work/data"
	"$build/core/cblue" kb import "$harness/kb.json" --data-dir "$work/data" >/dev/null
	"$build/core/cblue" serve --port 0 --data-dir "$work/data" --config "$work/cblue.conf" \
		>"$work/serve.out" 2>"$work/serve.log" &
	server=$!
	for _ in $(seq 100); do grep -q "^Listening on" "$work/serve.out" && break; sleep 0.05; done
	url=$(awk '/^Listening on/ {print $NF}' "$work/serve.out" | sed 's|/$||')
	[[ -n $url ]] || { echo "the server did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
	# warm up: KB indexes, caches, the store's first pages
	timeout 30 wrk -t1 -c4 -d2s -s "$harness/tools/chat.lua" "$url/api/v1/chat" -- "$harness/messages.jsonl" >/dev/null
	before=$(cpu_ticks "$server")
	threads_before=$(thread_ticks "$server")
	timeout $((seconds + 30)) wrk -t1 -c64 -d"${seconds}s" --latency --timeout 10s -s "$harness/tools/chat.lua" \
		"$url/api/v1/chat" -- "$harness/messages.jsonl" >"$work/wrk.txt"
	after=$(cpu_ticks "$server")
	threads_after=$(thread_ticks "$server")
	kill "$server"
	wait "$server" 2>/dev/null || true
	server=
	requests=$(grep -oE '[0-9]+ requests in' "$work/wrk.txt" | awk '{print $1}')
	rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt")
	p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
	ticks=$(getconf CLK_TCK)
	awk -v r="$run" -v rps="$rps" -v p99="$p99" -v t=$((after - before)) -v hz="$ticks" -v n="$requests" \
		'BEGIN { printf "run %d: %s req/s, p99 %s, server CPU %.3f ms/request (%d requests)\n", r, rps, p99, t * 1000 / hz / n, n }'
	# threads that ended during the run (none, normally) are missing from the split
	printf '%s\n%s\n' "$threads_before" "$threads_after" | awk -v hz="$ticks" -v n="$requests" '
		NR <= 3 { b[$1] = $2; next } { d[$1] = $2 - b[$1] }
		END { printf "       listeners %.3f, writer %.3f, other %.3f ms/request\n",
			d["listeners"] * 1000 / hz / n, d["writer"] * 1000 / hz / n, d["other"] * 1000 / hz / n }'
done
