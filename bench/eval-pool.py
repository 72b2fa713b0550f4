#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Pooled figures of a folder of `cblue eval --json` reports (bench/eval-all.sh), and with a
second folder (the "before"), every figure of a set and language that differs.

    bench/eval-pool.py AFTER_DIR [BEFORE_DIR]

Pooled per language over every labelled set (XQuAD apart): in-scope questions, top-1, top-3,
answered with the expected topic, and out-of-scope caught / asked, false positives and F1."""

import json
import os
import sys

FIGURES = ("top1", "top3", "answered_correct", "oos_f1")


def load(folder):
    reports = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                reports[name[:-5]] = json.load(f)
    return reports


def pooled(reports):
    totals = {}
    for name, report in reports.items():
        if name == "xquad":
            continue
        for lang, v in report["languages"].items():
            t = totals.setdefault(lang, dict(n=0, top1=0, top3=0, answered=0, oos=0, caught=0, fp=0))
            n = v["queries"]
            t["n"] += n
            t["top1"] += round(v["top1"] * n)
            t["top3"] += round(v["top3"] * n)
            t["answered"] += round(v["answered_correct"] * n)
            oos = v.get("out_of_scope", 0)
            caught = round(v.get("oos_recall", 0) * oos)
            t["oos"] += oos
            t["caught"] += caught
            if v.get("oos_precision", 0) > 0:
                t["fp"] += round(caught / v["oos_precision"]) - caught
    for lang, t in sorted(totals.items()):
        precision = t["caught"] / max(1, t["caught"] + t["fp"])
        recall = t["caught"] / max(1, t["oos"])
        f1 = 2 * precision * recall / max(1e-9, precision + recall)
        print(f"{lang}: in scope {t['n']}, top-1 {t['top1']} ({t['top1'] / t['n']:.3f}), top-3 {t['top3']}, "
              f"answered {t['answered']} ({t['answered'] / t['n']:.3f}), "
              f"OOS {t['caught']}/{t['oos']} fp {t['fp']} F1 {f1:.3f}")
    if "xquad" in reports:
        print("xquad top-1:", " / ".join(f"{lang} {v['top1']:.3f}"
                                         for lang, v in sorted(reports["xquad"]["languages"].items())))


def differences(after, before):
    for name in sorted(set(after) | set(before)):
        if name not in after or name not in before:
            print("only in one:", name)
            continue
        for lang, va in sorted(after[name]["languages"].items()):
            vb = before[name]["languages"].get(lang, {})
            changed = [(k, vb.get(k), va[k]) for k in FIGURES if k in va and va[k] != vb.get(k)]
            if changed:
                print(name, lang, "(before->after)",
                      ", ".join(f"{k} {x if x is None else f'{x:.3f}'}->{y:.3f}" for k, x, y in changed))


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    for folder in sys.argv[1:]:
        if not os.path.isdir(folder):
            print(f"eval-pool.py: {folder}: not a folder of cblue eval --json reports (bench/eval-all.sh)",
                  file=sys.stderr)
            return 1
    after = load(sys.argv[1])
    pooled(after)
    if len(sys.argv) == 3:
        differences(after, load(sys.argv[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
