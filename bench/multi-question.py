#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""How the bot answers a message that asks two questions.

    bench/multi-question.py CBLUE_BIN [FILE] [--json] [--show-errors] [-c CONFIG]

FILE (default tests/data/multi-question1.tsv) holds messages: language, the message, the topic of
its main (first) question and, for a message that asks two things on two topics, the topic of the
second (`second_topic_id`; empty: the message looks like two questions but asks one). Each message
is asked alone with `cblue ask --json --stdin --no-record` (one process for them all;
CBLUE_PLUGIN_PATH must point at the build's plugins); a reply answers a second question when it
names it in `second_topic_id`.

Printed per language, for the two-question messages: the main topic right (the reply's `topic_id`),
the reply on either of the two topics, both answered (the reply's `topic_id` and `second_topic_id`
are the two labelled topics, in either order); for the one-question messages: the topic right, and a second answer given to them (wrong by
definition: it should stay near zero). A second answer to a two-question message that names neither
labelled topic counts as wrong too. Figures, not pass/fail.
"""

import argparse
import csv
import json
import os
import sys
import tempfile


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from followups import ask as ask_conversation  # noqa: E402  (its LeakSanitizer retry too)


def ask(cblue, data_dir, config, messages):
    """The replies to @messages, each in a conversation of its own (one process for them all)."""
    return ask_conversation(cblue, data_dir, config, None, *messages, timeout=300)


def topic_of(reply):
    return reply.get("topic_id") if reply.get("outcome") == "answered" else None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cblue")
    parser.add_argument("file", nargs="?",
                        default=os.path.join(here, "..", "tests", "data", "multi-question1.tsv"))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("-c", "--config")
    args = parser.parse_args()

    with open(args.file, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
                if not r["language"].startswith("#")]
    with tempfile.TemporaryDirectory() as data_dir:
        replies = ask(args.cblue, data_dir, args.config, [r["query"] for r in rows])
    stats = {}
    errors = []
    for row, reply in zip(rows, replies):
        lang, main_topic, second = row["language"], row["topic_id"], row.get("second_topic_id") or None
        got, got_second = topic_of(reply), reply.get("second_topic_id")
        s = stats.setdefault(lang, {"two": 0, "main_right": 0, "either_right": 0, "both": 0,
                                    "wrong_second_two": 0, "one": 0, "one_right": 0, "wrong_second_one": 0})
        if second is not None:
            s["two"] += 1
            s["main_right"] += got == main_topic
            s["either_right"] += got in (main_topic, second)
            # both answered, in either order: the bot's main topic is the question it weighs most
            both = {got, got_second} == {main_topic, second}
            s["both"] += both
            wrong = got_second is not None and got_second not in (main_topic, second)
            s["wrong_second_two"] += wrong
            if not both:
                errors.append((lang, f"{main_topic} + {second}", f"{got} + {got_second}", row["query"]))
        else:
            s["one"] += 1
            s["one_right"] += got == main_topic
            s["wrong_second_one"] += got_second is not None
            if got != main_topic or got_second is not None:
                errors.append((lang, main_topic, f"{got} + {got_second}", row["query"]))
    if args.json:
        json.dump({"languages": stats}, sys.stdout, indent=2)
        print()
        return
    print(f"{'lang':5} {'two':>4} {'main':>6} {'either':>7} {'both':>6} {'wrong 2nd':>10}   "
          f"{'one':>4} {'right':>6} {'2nd given':>10}")
    total = {}
    for lang in sorted(stats):
        s = stats[lang]
        for k, v in s.items():
            total[k] = total.get(k, 0) + v
    for lang, s in sorted(stats.items()) + [("all", total)]:
        n, m = max(s["two"], 1), max(s["one"], 1)
        print(f"{lang:5} {s['two']:4} {s['main_right'] / n:6.3f} {s['either_right'] / n:7.3f} "
              f"{s['both'] / n:6.3f} {s['wrong_second_two']:10}   {s['one']:4} {s['one_right'] / m:6.3f} "
              f"{s['wrong_second_one']:10}")
    if args.show_errors:
        print("\nErrors (language, expected → got, message):")
        for lang, expected, got, query in errors:
            print(f"{lang}\t{expected} → {got}\t{query}")


if __name__ == "__main__":
    main()
