#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The language the bot replies in, against the language each message expects.

    bench/lang-id.py CBLUE_BIN [FILE] [--json] [--show-errors] [-c CONFIG]

FILE (default tests/data/lang-fresh1.tsv) holds messages: the expected reply language (en, th, zh)
and the message; lines whose language starts with `#` are comments. Each message is asked alone with
`cblue ask --json --stdin --no-record` (one process for them all; CBLUE_PLUGIN_PATH must point at
the build's plugins) and the reply's `language` is compared with the expected one.

Printed: the accuracy per language and overall, and the confusion table (rows: expected, columns:
the reply's language). With --json, one object: {"languages": {LANG: {"n", "correct", "accuracy"}},
"overall": {...}, "confusion": {EXPECTED: {GOT: n}}}. Figures, not pass/fail.
"""

import argparse
import csv
import json
import os
import sys
import tempfile


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from followups import ask  # noqa: E402  (its LeakSanitizer retry too)

LANGUAGES = ("en", "th", "zh")


def read_set(path):
    """The (expected language, message) rows of @path."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["language"], r["message"]) for r in rows
            if r["language"] and not r["language"].startswith("#")]


def measure(cblue, rows, config=None):
    """The figures of @rows and the misses: (report, [(expected, got, message)])."""
    with tempfile.TemporaryDirectory() as data_dir:
        replies = ask(cblue, data_dir, config, None, *(m for _, m in rows), timeout=600)
    if len(replies) != len(rows):
        raise SystemExit(f"{len(rows)} messages but {len(replies)} replies")
    confusion = {lang: {} for lang in LANGUAGES}
    misses = []
    for (expected, message), reply in zip(rows, replies):
        got = reply.get("language") or "?"
        row = confusion.setdefault(expected, {})
        row[got] = row.get(got, 0) + 1
        if got != expected:
            misses.append((expected, got, message))
    languages = {}
    for lang, row in confusion.items():
        n = sum(row.values())
        correct = row.get(lang, 0)
        languages[lang] = {"n": n, "correct": correct, "accuracy": round(correct / n, 3) if n else None}
    n = sum(v["n"] for v in languages.values())
    correct = sum(v["correct"] for v in languages.values())
    overall = {"n": n, "correct": correct, "accuracy": round(correct / n, 3) if n else None}
    return {"languages": languages, "overall": overall, "confusion": confusion}, misses


def print_report(report):
    for lang, v in report["languages"].items():
        print(f"{lang}: {v['accuracy']:.3f} ({v['correct']}/{v['n']})")
    o = report["overall"]
    print(f"overall: {o['accuracy']:.3f} ({o['correct']}/{o['n']})")
    got_langs = sorted({g for row in report["confusion"].values() for g in row},
                       key=lambda g: (LANGUAGES + (g,)).index(g))
    print()
    print("expected\\got " + " ".join(f"{g:>5}" for g in got_langs))
    for lang, row in report["confusion"].items():
        print(f"{lang:<12} " + " ".join(f"{row.get(g, 0):>5}" for g in got_langs))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cblue")
    parser.add_argument("file", nargs="?", default=os.path.join(here, "..", "tests", "data", "lang-fresh1.tsv"))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("-c", "--config")
    args = parser.parse_args()

    report, misses = measure(args.cblue, read_set(args.file), args.config)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print_report(report)
    if args.show_errors:
        print()
        for expected, got, message in misses:
            print(f"{expected} -> {got}\t{message}")


if __name__ == "__main__":
    main()
