#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Load benchmark of `cblue serve` with the shared harness (../shared/bench/load/run.sh):
# S1/S2 open-loop POST /api/v1/chat, S3 wrk closed loop (64 connections), S4 1,000 and
# 10,000 WebSockets. Traffic goes to 127.0.0.1 only and every scenario is bounded in time.
# Figures, not pass/fail: see docs/server.md for how to read them.
#
#   bench/load.sh [BUILD_DIR]          (default: build)
# Environment: LOAD_HARNESS (default ../shared/bench/load next to the source tree),
#   LOAD_OUT (result folder, default a new /tmp/cblue-load.XXXXXX), CBLUE_THREADS
#   (--threads, default: one per core), CBLUE_SERVER_CONF (more `key=value` lines for the
#   server's [server] group, separated by newlines, e.g. ws_connections_per_thread=1000),
#   and every variable of run.sh (LOAD_DURATION, LOAD_SCENARIOS, WS_CONNS, S3_REPEAT,
#   LOAD_NICE, QUIET_WAIT, ...).
#
# The server gets the harness's KB (kb.json, 32 topics) through `cblue kb import`, so that
# it answers from the same KB as the seed baseline, and a config that turns off the
# per-address limits: all load comes from 127.0.0.1, which would otherwise be rate-limited
# (429) and capped at [server] ws_max_per_ip WebSockets, as any single client should be.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
harness=${LOAD_HARNESS:-$src/../shared/bench/load}
[[ -x $harness/run.sh ]] || { echo "load harness not found at $harness (set LOAD_HARNESS)" >&2; exit 2; }
out=${LOAD_OUT:-$(mktemp -d /tmp/cblue-load.XXXXXX)}
mkdir -p "$out"
conf="$out/cblue-bench.conf"
cat >"$conf" <<CONF
[server]
# every client of the benchmark is 127.0.0.1
rate_limit=0
ws_max_per_ip=0
${CBLUE_SERVER_CONF:-}
CONF
threads=()
[[ -n ${CBLUE_THREADS:-} ]] && threads=(--threads "$CBLUE_THREADS")
export CBLUE_PLUGIN_PATH="$build/plugins" LANG=C.UTF-8
export SETUP_CMD="$build/core/cblue kb import {KB} --data-dir {DATA}"
"$harness/run.sh" --label cblue --out "$out/results" -- \
  "$build/core/cblue" serve --port {PORT} --data-dir {DATA} --config "$conf" "${threads[@]}" | tee "$out/run.log"
echo "results: $out/results (summary.json, raw tool output, server.log)"
tail -1 "$out/run.log"
