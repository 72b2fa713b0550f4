#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""How the bot answers a follow-up in the context of the conversation.

    bench/followups.py CBLUE_BIN [FILE] [--json] [--show-errors] [-c CONFIG]

FILE (default tests/data/followups.tsv) holds two-message conversations: language, the
first message, the follow-up, and the topic a person would answer the follow-up with given
the first message (empty: out of scope even in context). Two optional columns, `third` and
`third_topic_id`, make a row a three-message conversation: a third message and the topic a person
would answer it with given the two before (a row whose `third` is empty stays two messages); the
third message counts as one more follow-up in the figures, and is also counted on its own
(`third_in_scope`, `third_right`, `third_out_of_scope`, `third_refused`). Two more optional columns,
`kind` and `third_kind`, name the kind of each follow-up (an aspect, a return to an earlier product, a
new subject, ...): the follow-ups of each kind and those answered as expected (the out-of-scope ones
refused) are counted per language too (`kinds` in `--json`, a "By kind" table). Each conversation is asked with
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
import sys
import tempfile


# The LeakSanitizer retry of an ASan run (its tracer sometimes crashes at exit) is the tests'
# (tests/python/cblue_process.py, where the reason is told).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "python"))
from cblue_process import run_command  # noqa: E402


def ask(cblue, data_dir, config, conversation_id, *messages, timeout=60):
    """The replies to @messages, in the conversation @conversation_id, or each in a conversation of
    its own where that is None (one process for them all)."""
    command = [cblue, "ask", "--json", "--stdin", "--no-record", "--data-dir", data_dir]
    if conversation_id is not None:
        command += ["--conversation", conversation_id]
    if config:
        command += ["--config", config]
    stdin = "".join(m + "\n" for m in messages)
    proc = run_command(command, check=True, input=stdin, timeout=timeout)
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
    # Every follow-up: (row, the messages before it, the message, its expected topic).
    follow_ups = []
    for row in rows:
        follow_ups.append((row, [row["first"]], row["follow_up"], row["topic_id"] or None, row.get("kind")))
        if row.get("third"):
            follow_ups.append((row, [row["first"], row["follow_up"]], row["third"],
                               row.get("third_topic_id") or None, row.get("third_kind")))
    with tempfile.TemporaryDirectory() as data_dir:
        alone_replies = ask(args.cblue, data_dir, args.config, None, *(f[2] for f in follow_ups))
        for i, (row, before, message, expected, kind) in enumerate(follow_ups):
            lang, third = row["language"], len(before) > 1
            replies = ask(args.cblue, data_dir, args.config, f"followup-{i}", *before, message)
            first, follow_up = replies[0], replies[-1]
            alone = alone_replies[i]
            s = stats.setdefault(lang, {"in_scope": 0, "right": 0, "right_alone": 0, "out_of_scope": 0,
                                        "refused": 0, "refused_alone": 0, "first_answered": 0,
                                        "conversations": 0})
            if not third:
                s["conversations"] += 1
                s["first_answered"] += topic_of(first) is not None
            if expected is None:
                s["out_of_scope"] += 1
                s["refused"] += topic_of(follow_up) is None
                s["refused_alone"] += topic_of(alone) is None
            else:
                s["in_scope"] += 1
                s["right"] += topic_of(follow_up) == expected
                s["right_alone"] += topic_of(alone) == expected
            if third:
                for key in ("in_scope", "out_of_scope"):
                    s.setdefault("third_" + key, 0)
                s.setdefault("third_right", 0)
                s.setdefault("third_refused", 0)
                if expected is None:
                    s["third_out_of_scope"] += 1
                    s["third_refused"] += topic_of(follow_up) is None
                else:
                    s["third_in_scope"] += 1
                    s["third_right"] += topic_of(follow_up) == expected
            if kind:
                k = s.setdefault("kinds", {}).setdefault(kind, {"follow_ups": 0, "right": 0})
                k["follow_ups"] += 1
                k["right"] += topic_of(follow_up) == expected
            if topic_of(follow_up) != expected:
                errors.append((lang, [topic_of(r) for r in replies[:-1]], expected, topic_of(follow_up),
                               before, message))
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
              f"{s['first_answered'] / max(s['conversations'], 1):15.3f}")
    if any("third_in_scope" in s for s in stats.values()):
        print(f"\nThird messages: {'lang':5} {'in':>4} {'in context':>11} {'oos':>4} {'refused':>8}")
        for lang in sorted(stats):
            s = stats[lang]
            if "third_in_scope" in s:
                n, m = max(s["third_in_scope"], 1), max(s["third_out_of_scope"], 1)
                print(f"{'':16}{lang:5} {s['third_in_scope']:4} {s['third_right'] / n:11.3f} "
                      f"{s['third_out_of_scope']:4} {s['third_refused'] / m:8.3f}")
    if any("kinds" in s for s in stats.values()):
        print("\nBy kind (in context, right or refused):")
        for lang in sorted(stats):
            kinds = stats[lang].get("kinds", {})
            print(f"  {lang:5} " + ", ".join(f"{kind} {k['right']}/{k['follow_ups']}"
                                            for kind, k in sorted(kinds.items())))
    if args.show_errors:
        print("\nErrors (language, earlier messages answered → expected → got, earlier messages | follow-up):")
        for lang, before_topics, expected, got, before, follow_up in errors:
            print(f"{lang}\t{' → '.join(str(t) for t in before_topics)} → {expected or '(out of scope)'} → "
                  f"{got or '(unknown)'}\t{' | '.join(before)} | {follow_up}")


if __name__ == "__main__":
    main()
