#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes a labelled question set with customers' typos from other labelled sets.

Customers type on phones: a letter missed, doubled, swapped with its neighbour or a key next
to it ("solor", "panal", "warrenty", "instal"), Thai tone marks left out or wrong ("ราคาเทาไหร่")
and the vowels or consonants that sound alike mixed up (ไ/ใ, ส/ซ, ค/ข). The labelled sets are
written without typos, so this program makes one typo in up to two words of every English and
Thai question of the sets it is given (Chinese is typed through pinyin input, whose slips are
whole homophones, not letters: left out), keeping the label: out-of-scope questions stay out of
scope, so the set measures both what typos cost and whether tolerating them answers more of
what is out of scope. Deterministic (fixed seed); a word of fewer than four letters, a number
and a word in capitals (a brand, "PEA") are left as they are.

    bench/gen-eval-typos.py tests/data/eval-dev.tsv tests/data/eval-fresh2.tsv > typos.tsv
"""

import random
import re
import sys

KEYBOARD_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
VOWELS = "aeiou"
THAI_TONES = "\u0e48\u0e49\u0e4a\u0e4b"
THAI_ALIKE = [("\u0e44", "\u0e43"), ("\u0e2a", "\u0e0b"), ("\u0e04", "\u0e02"), ("\u0e17", "\u0e18"),
              ("\u0e19", "\u0e13"), ("\u0e25", "\u0e2c"), ("\u0e28", "\u0e2a"), ("\u0e15", "\u0e0f")]


def neighbours(letter):
    for row in KEYBOARD_ROWS:
        i = row.find(letter)
        if i >= 0:
            return row[max(i - 1, 0):i] + row[i + 1:i + 2]
    return ""


def latin_typo(rng, word):
    i = rng.randrange(1, len(word))  # customers rarely miss the first letter
    kind = rng.choice(["delete", "double", "swap", "key", "vowel"])
    if kind == "delete":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    if kind == "swap" and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "vowel":
        spots = [j for j in range(1, len(word)) if word[j] in VOWELS]
        if spots:
            j = rng.choice(spots)
            return word[:j] + rng.choice([v for v in VOWELS if v != word[j]]) + word[j + 1:]
    near = neighbours(word[i])
    return word[:i] + rng.choice(near) + word[i + 1:] if near else word[:i] + word[i + 1:]


def thai_typo(rng, text):
    tones = [i for i, c in enumerate(text) if c in THAI_TONES]
    alike = [(i, b if c == a else a) for i, c in enumerate(text) for a, b in THAI_ALIKE if c in (a, b)]
    if tones and (not alike or rng.random() < 0.6):
        i = rng.choice(tones)
        if rng.random() < 0.7:
            return text[:i] + text[i + 1:]
        return text[:i] + rng.choice([t for t in THAI_TONES if t != text[i]]) + text[i + 1:]
    if alike:
        i, other = rng.choice(alike)
        return text[:i] + other + text[i + 1:]
    return text


def english_question(rng, query):
    words = [m for m in re.finditer(r"[A-Za-z]+", query) if len(m.group()) >= 4 and not m.group().isupper()]
    for m in sorted(rng.sample(words, min(len(words), rng.choice([1, 2]))), key=lambda m: -m.start()):
        typo = latin_typo(rng, m.group())
        query = query[:m.start()] + typo + query[m.end():]
    return query


def thai_question(rng, query):
    for _ in range(rng.choice([1, 2])):
        query = thai_typo(rng, query)
    return query


def main():
    rng = random.Random(20261127)
    print("language\tquery\ttopic_id")
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            next(f)
            for line in f:
                language, query, topic = line.rstrip("\n").split("\t")
                if language == "en":
                    typo = english_question(rng, query)
                elif language == "th":
                    typo = thai_question(rng, query)
                else:
                    continue
                if typo != query:
                    print(f"{language}\t{typo}\t{topic}")


if __name__ == "__main__":
    main()
