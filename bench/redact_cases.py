# SPDX-License-Identifier: LGPL-2.1-or-later
"""What the generators of the fresh redaction sets (bench/gen-redact-fresh2.py, -fresh3.py,
-fresh4.py) share: random digits, the checksums of Thai IDs and cards, Thai and full-width digits,
the value slots of a case, and the writer of a `.tests` file.

A generator calls start(seed) first and draws its own choices from the random generator it returns;
every helper here draws from that same generator, in the order the generator calls it, so a set is
the same byte for byte on every run.
"""

import random
import sys

r = None
_values = []
cases = {}


def start(seed):
    """Seeds the one random generator of the set and returns it."""
    global r
    r = random.Random(seed)
    return r


def d(k):
    return "".join(r.choice("0123456789") for _ in range(k))


def luhn_ok(s):
    t = 0
    for i, ch in enumerate(reversed(s)):
        v = int(ch)
        if i % 2:
            v = v * 2 - 9 if v > 4 else v * 2
        t += v
    return t % 10 == 0


def luhn(base):
    return next(base + c for c in "0123456789" if luhn_ok(base + c))


def not_luhn(k, first=""):
    while True:
        s = first + d(k - len(first))
        if not luhn_ok(s):
            return s


def thid_check(base):
    """The check digit of a Thai ID (or a juristic person's tax ID) of 12 digits (mod 11)."""
    return str((11 - sum(int(base[i]) * (13 - i) for i in range(12)) % 11) % 10)


def thid(first=None, person_types="12345678"):
    base = (first or r.choice(person_types)) + r.choice("123456789") + d(10)
    return base + thid_check(base)


def thid_dashed(t, sep="-"):
    return sep.join((t[0], t[1:5], t[5:10], t[10:12], t[12]))


FW = {c: chr(ord(c) + 0xFEE0) for c in "0123456789-@.+_:()abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"}
TH = {c: chr(0x0E50 + int(c)) for c in "0123456789"}


def fw(s):
    return "".join(FW.get(c, c) for c in s)


def thd(s):
    return "".join(TH.get(c, c) for c in s)


def thmob():
    return "0" + r.choice("689") + r.choice("123456789") + d(7)


def cnid(regions, years, lower_x=False):
    """A Chinese ID: one of @regions, a date of birth in the range @years, a sequence and the ISO 7064
    MOD 11-2 check character; with @lower_x, one whose check character is a lower-case `x`."""
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    while True:
        base = r.choice(regions) + "%04d%02d%02d" % (r.randint(*years), r.randint(1, 12), r.randint(1, 28)) + d(3)
        c = "10X98765432"[sum(int(base[i]) * w[i] for i in range(17)) % 11]
        if lower_x and c != "X":
            continue
        return base + (c.lower() if lower_x else c)


def iban(country, bban):
    """The IBAN of @bban in @country: its two check digits by MOD 97."""
    n = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    return country + "%02d" % (98 - int(n) % 97) + bban


def groups4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def dash3(m):
    """A Thai mobile number as 081-234-5678."""
    return m[:3] + "-" + m[3:6] + "-" + m[6:]


def sp3(m):
    return m[:3] + " " + m[3:6] + " " + m[6:]


def V(label, value):
    """A value slot of a case: the input gets `value`, the expected output `[label]`."""
    _values.append((value, label))
    return f"\x00{len(_values) - 1}\x00"


def P(v):
    return V("PHONE", v)


def E(v):
    return V("EMAIL", v)


def B(v):
    return V("BANK_ACCOUNT", v)


def PP(v):
    return V("PASSPORT", v)


def add(cat, text):
    """A case of category @cat: @text with its value slots filled, and what the redactor must make of it."""
    parts = text.split("\x00")
    inp, exp = [], []
    for i, p in enumerate(parts):
        if i % 2:
            value, label = _values[int(p)]
            inp.append(value)
            exp.append(f"[{label}]")
        else:
            inp.append(p)
            exp.append(p)
    cases.setdefault(cat, []).append(("".join(inp), "".join(exp)))


def neg(cat, text):
    """A hard negative: @text must come out unchanged."""
    cases.setdefault(cat, []).append((text, "="))


def write(path, header, is_known_miss):
    """Moves the cases for which @is_known_miss(text, expected) is true to the category
    `known-miss` (TODO cases of tests/plugins/test-redact-golden.c while they leak), writes @header
    and every case to @path, and prints how many cases, values and hard negatives it wrote. A
    @path that begins with "-" (`--help`) is an option, not a file: the generator's usage is printed
    and nothing is written."""
    if path.startswith("-"):
        print((sys.modules["__main__"].__doc__ or "").strip(), file=sys.stderr)
        sys.exit(0 if path in ("-h", "--help") else 2)
    for cat in list(cases):
        for case in list(cases[cat]):
            if is_known_miss(*case):
                cases[cat].remove(case)
                cases.setdefault("known-miss", []).append(case)
    n_lines = n_neg = 0
    with open(path, "w", encoding="utf-8") as out:
        out.write(header)
        for cat, lst in cases.items():
            out.write(f"\n# [{cat}]\n")
            for text, exp in lst:
                assert "⇒" not in text and "\n" not in text
                out.write(f"{text} ⇒ {'=' if exp == '=' or exp == text else exp}\n")
                n_lines += 1
                n_neg += exp == "="
    print(f"{n_lines} cases, {len(_values)} values, {n_neg} hard negatives", file=sys.stderr)


def T(v):
    return V("TH_ID", v)


def C(v):
    return V("CARD", v)


def L(v):
    return V("LINE_ID", v)


def W(v):
    return V("WECHAT_ID", v)


def CN(v):
    return V("CN_ID", v)


def IP(v):
    return V("IP", v)


def acct():
    """A Thai bank account of ten digits, not a phone number's nor a card's."""
    return not_luhn(10, r.choice("123456789"))


def acct_dashed():
    a = acct()
    return a[:3] + "-" + a[3] + "-" + a[4:9] + "-" + a[9]


# The provinces' codes of a Thai ID's second and third digits.
TH_PROVINCES = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 30, 31, 32, 33, 34, 35, 36, 37,
                38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 63, 64,
                65, 66, 67, 70, 71, 72, 73, 74, 75, 76, 77, 80, 81, 82, 83, 84, 85, 86, 90, 91, 92, 93, 94, 95, 96]


def thid_province():
    """A Thai ID: a person type 1-8, a real province's code, nine digits and the mod-11 check digit."""
    base = r.choice("12345678") + str(r.choice(TH_PROVINCES)) + d(9)
    return base + thid_check(base)


def cnmob():
    """A Chinese mobile number of eleven digits."""
    return "1" + r.choice(["35", "36", "38", "39", "50", "52", "58", "59", "86", "87", "88", "89", "99"]) + d(8)


def cnmob_sp(c, sep=" "):
    return c[:3] + sep + c[3:7] + sep + c[7:]


def bkk():
    """A Bangkok landline: 02 and seven digits."""
    return "02" + r.choice("123456789") + d(6)


def bkk_dash(o):
    return o[:2] + "-" + o[2:5] + "-" + o[5:]


def card(first="4", n=16):
    return luhn(first + d(n - 1 - len(first)))


def cnacct(first="6222", n=19):
    """A Chinese bank account, not a card number by Luhn."""
    return not_luhn(n, first)


def ip4():
    return "%d.%d.%d.%d" % (r.choice([49, 58, 110, 115, 124, 171, 182, 203]), r.randint(1, 254), r.randint(0, 255),
                            r.randint(1, 254))
