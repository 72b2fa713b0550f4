#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""How the bot answers a follow-up in the context of the conversation.

    bench/followups.py CBLUE_BIN [FILE] [--json] [--show-errors] [-c CONFIG]

FILE (default tests/data/followups.tsv) holds two-message conversations: language, the
first message, the follow-up, and the topic a person would answer the follow-up with given
the first message (empty: out of scope even in context). Each conversation is asked with
`cblue ask --json --stdin --no-record --conversation ID` (CBLUE_PLUGIN_PATH must point at the
build's plugins), and the follow-up alone in a conversation of its own, for comparison (every
follow-up alone in one process).

Printed per language: the follow-ups answered with the expected topic (in context, and
alone), the out-of-scope ones refused, and the first messages answered with a topic at all
(a follow-up can only use a topic the bot answered). Figures, not pass/fail.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile


def ask(cblue, data_dir, config, conversation_id, *messages):
    """The replies to @messages, in the conversation @conversation_id, or each in a conversation of
    its own where that is None (one process for them all)."""
    command = [cblue, "ask", "--json", "--stdin", "--no-record", "--data-dir", data_dir]
    if conversation_id is not None:
        command += ["--conversation", conversation_id]
    if config:
        command += ["--config", config]
    proc = subprocess.run(command, input="".join(m + "\n" for m in messages), capture_output=True,
                          text=True, check=True, timeout=60)
    return [json.loads(line) for line in proc.stdout.splitlines()]


def topic_of(reply):
    return reply.get("topic_id") if reply.get("outcome") == "answered" else None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cblue")
    parser.add_argument("file", nargs="?", default=os.path.join(here, "..", "tests", "data", "followups.tsv"))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("-c", "--config")
    args = parser.parse_args()

    with open(args.file, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    stats = {}
    errors = []
    with tempfile.TemporaryDirectory() as data_dir:
        alone_replies = ask(args.cblue, data_dir, args.config, None, *(row["follow_up"] for row in rows))
        for i, row in enumerate(rows):
            lang, expected = row["language"], row["topic_id"] or None
            first, follow_up = ask(args.cblue, data_dir, args.config, f"followup-{i}", row["first"],
                                   row["follow_up"])
            alone = alone_replies[i]
            s = stats.setdefault(lang, {"in_scope": 0, "right": 0, "right_alone": 0, "out_of_scope": 0,
                                        "refused": 0, "refused_alone": 0, "first_answered": 0})
            s["first_answered"] += topic_of(first) is not None
            if expected is None:
                s["out_of_scope"] += 1
                s["refused"] += topic_of(follow_up) is None
                s["refused_alone"] += topic_of(alone) is None
            else:
                s["in_scope"] += 1
                s["right"] += topic_of(follow_up) == expected
                s["right_alone"] += topic_of(alone) == expected
            if topic_of(follow_up) != expected:
                errors.append((lang, topic_of(first), expected, topic_of(follow_up), row["first"],
                               row["follow_up"]))
    if args.json:
        json.dump({"languages": stats}, sys.stdout, indent=2)
        print()
        return
    print(f"{'lang':5} {'in':>4} {'in context':>11} {'alone':>7} {'oos':>4} {'refused':>8} {'alone':>7} "
          f"{'first answered':>15}")
    for lang in sorted(stats):
        s = stats[lang]
        n, m = max(s["in_scope"], 1), max(s["out_of_scope"], 1)
        print(f"{lang:5} {s['in_scope']:4} {s['right'] / n:11.3f} {s['right_alone'] / n:7.3f} "
              f"{s['out_of_scope']:4} {s['refused'] / m:8.3f} {s['refused_alone'] / m:7.3f} "
              f"{s['first_answered'] / (s['in_scope'] + s['out_of_scope']):15.3f}")
    if args.show_errors:
        print("\nErrors (language, first answered → expected → got, first | follow-up):")
        for lang, first_topic, expected, got, first, follow_up in errors:
            print(f"{lang}\t{first_topic} → {expected or '(out of scope)'} → {got or '(unknown)'}\t"
                  f"{first} | {follow_up}")


if __name__ == "__main__":
    main()
