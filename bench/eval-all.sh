#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Every labelled set (tests/data/eval-*.tsv) and the public set (XQuAD) through `cblue eval --json`,
# one JSON report a set in OUT_DIR; bench/eval-pool.py pools them and compares two such folders.
#
#   bench/eval-all.sh BUILD_DIR OUT_DIR          # e.g. bench/eval-all.sh build /tmp/ev-after
#
# Each set is evaluated in a data directory of its own (a fresh store with the bundled KB).
set -eu

if [ $# -ne 2 ]; then
	echo "usage: $0 BUILD_DIR OUT_DIR" >&2
	exit 2
fi
build=$1
out=$2
src=$(cd "$(dirname "$0")/.." && pwd)
cblue="$build/core/cblue"
if [ ! -x "$cblue" ]; then
	echo "$0: no $cblue: build first (ninja -C $build)" >&2
	exit 1
fi
mkdir -p "$out"
run_eval() {
	data=$(mktemp -d)
	CBLUE_PLUGIN_PATH="$build/plugins" LANG=C.UTF-8 "$cblue" eval --json --data-dir "$data" "$@"
	rm -rf "$data"
}
for set in "$src"/tests/data/eval-*.tsv; do
	run_eval "$set" > "$out/$(basename "$set" .tsv).json"
done
run_eval --kb "$src/tests/data/xquad/kb.json" "$src/tests/data/xquad/queries.tsv" > "$out/xquad.json"
