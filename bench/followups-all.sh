#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# bench/followups.py over every follow-up set (tests/data/followups*.tsv): each set's summary
# and its counts by kind, to compare two builds line by line (diff the outputs).
#
#   bench/followups-all.sh BUILD_DIR > /tmp/fu-after.txt
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 BUILD_DIR" >&2
	exit 2
fi
build=$1
src=$(cd "$(dirname "$0")/.." && pwd)
for set in "$src"/tests/data/followups*.tsv; do
	echo "== $(basename "$set")"
	CBLUE_PLUGIN_PATH="$build/plugins" LANG=C.UTF-8 python3 "$src/bench/followups.py" "$build/core/cblue" "$set" 2>&1 |
		sed -n '1,4p;/By kind/,/^$/p'
done
