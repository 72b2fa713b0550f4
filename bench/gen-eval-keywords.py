#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/eval-keywords.tsv: short questions made of the bundled KB's keywords.

Customers often type a few words ("office hours", "wallbox price", "ราคาโซลาร์เซลล์", "充电桩价格"),
which the labelled sets, written as sentences, hardly hold. Each keyword that belongs to one topic
only becomes a question labelled with that topic, in the language of its script (Thai, Han, or
else English); one keyword in three is kept, in the KB's order, so that these short questions do
not outweigh the labelled sentences when `cblue eval --calibrate` learns the decision models on
all the sets together (docs/quality.md, "Short questions"). Deterministic: rerun after editing
the KB.

    bench/gen-eval-keywords.py [KB_DIR] > tests/data/eval-keywords.tsv
"""

import json
import os
import re
import sys


def language_of(text):
    if re.search("[\u0e00-\u0e7f]", text):
        return "th"
    if re.search("[\u3400-\u9fff]", text):
        return "zh"
    return "en"


def main():
    kb_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "data", "kb")
    entries = []
    for name in sorted(os.listdir(kb_dir)):
        if name.endswith(".json"):
            with open(os.path.join(kb_dir, name), encoding="utf-8") as f:
                entries += json.load(f)
    topics = {}
    for entry in entries:
        for keyword in entry["keywords"]:
            topics.setdefault(keyword.strip().lower(), []).append(entry["topic_id"])
    print("language\tquery\ttopic_id")
    kept = 0
    for keyword, ids in topics.items():
        if len(set(ids)) != 1:
            continue
        if kept % 3 == 2:
            print(f"{language_of(keyword)}\t{keyword}\t{ids[0]}")
        kept += 1


if __name__ == "__main__":
    main()
