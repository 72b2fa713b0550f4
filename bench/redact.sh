#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Redaction benchmark (figures, not pass/fail):
#  - throughput of `cblue redact` on a 20 MB mixed-language chat corpus (bench/redact-corpus.py,
#    deterministic), pinned to one core: median of 5 runs, wall clock and CPU time;
#  - the time to redact one ~200-byte message (bench/redact-message, median of batches);
#  - recall and false-positive rate (bench/redact-quality.py).
#   bench/redact.sh [BUILD_DIR] [SIZE_MB]     (defaults: build, 20)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
size=${2:-20}
cblue="$build/core/cblue"
export CBLUE_PLUGIN_PATH="$build/plugins" LANG=C.UTF-8
work=$(mktemp -d /tmp/cblue-bench-redact.XXXXXX)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 "$src/bench/redact-corpus.py" "$size" "$work/corpus.txt"
bytes=$(stat -c %s "$work/corpus.txt")
lines=$(wc -l <"$work/corpus.txt")
echo "corpus: $bytes bytes, $lines lines (bench/redact-corpus.py $size, md5 $(md5sum <"$work/corpus.txt" | cut -c1-12))"

"$cblue" redact --data-dir "$work/data" <"$work/corpus.txt" >"$work/out.txt"   # warm up, page cache
/usr/bin/python3 - "$cblue" "$work" "$bytes" <<'PY'
import os, resource, statistics, subprocess, sys, time
cblue, work, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
walls, cpus = [], []
for _ in range(5):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(f"{work}/corpus.txt", "rb") as inp, open(f"{work}/out.txt", "wb") as out:
        subprocess.run(["taskset", "-c", "0", cblue, "redact", "--data-dir", f"{work}/data"], stdin=inp, stdout=out,
                       check=True)
    walls.append(time.perf_counter() - start)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
mb = size / 1e6
print(f"throughput: {mb / statistics.median(walls):.0f} MB/s wall clock, {mb / statistics.median(cpus):.0f} MB/s of CPU time "
      f"(median of 5 runs of cblue redact on one core: {statistics.median(walls) * 1000:.0f} ms wall, "
      f"{statistics.median(cpus) * 1000:.0f} ms CPU, process start included)")
PY
out_lines=$(wc -l <"$work/out.txt")
echo "lines out: $out_lines; values replaced: $(grep -o '\[[A-Z_]*\]' "$work/out.txt" | wc -l)"

"$build/bench/redact-message"
/usr/bin/python3 "$src/bench/redact-quality.py" "$cblue"
