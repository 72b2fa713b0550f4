#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Recall and false-positive rate of `cblue redact`, by type.

    bench/redact-quality.py CBLUE_BIN [TESTS_FILE]

Two sets are measured with the built `cblue` (CBLUE_PLUGIN_PATH must point at its plugins):

- the golden set, tests/data/redact.tests (the cases the test suite requires);
- a held-out set generated here with another seed and other sentence templates, so that
  the figures are not only those of the cases the rules were written against.

A value counts as redacted only when no more than two of its letters and digits survive
(`1-[PHONE]-54` is a miss). The false-positive rate is the share of hard-negative inputs
in which anything at all was redacted; stray spans in positive inputs are counted apart.
"""

import json
import os
import random
import re
import subprocess
import sys
import tempfile

PLACEHOLDER = re.compile(r"\[([A-Z][A-Z0-9_]*)\]")
CONFIG = r"""[plugins]
enabled=redact-builtin,redact-custom
[redact.rule employee-id]
pattern=\bEMP-[0-9]{6}\b
[redact.rule member]
pattern=(?<![0-9])[0-9]{8}(?![0-9])
placeholder=MEMBER_NO
context=member;สมาชิก;会员
"""


def load_golden(path):
    cases = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        text, expected = line.split(" ⇒ ", 1)
        cases.append((text, text if expected == "=" else expected))
    return cases


def expected_values(text, expected):
    """The (start, end, type) of every value, in characters, by aligning the expected
    output's literal pieces with the input."""
    pieces = PLACEHOLDER.split(expected)
    literals, types = pieces[0::2], pieces[1::2]
    assert text.startswith(literals[0]), (text, expected)
    pos, values, adjacent = len(literals[0]), [], []
    for i, label in enumerate(types):
        following = literals[i + 1]
        # a label in brackets that the input itself holds (`[LINE] nok_2536`) is text, not a value
        if text.startswith(f"[{label}]" + following, pos):
            pos += len(label) + 2 + len(following)
            continue
        # values with nothing between them (`[EMAIL][PHONE]`) cannot be told apart here: each is
        # measured over the text of them all
        if not following and i + 1 < len(types):
            adjacent.append(label)
            continue
        end = text.find(following, pos + 1) if following else len(text)
        if i + 1 == len(types) and following:
            end = len(text) - len(following)
        values.extend((pos, end, other) for other in adjacent + [label])
        adjacent = []
        pos = end + len(following)
    return values


def run_redact(cblue, texts, config):
    proc = subprocess.run([cblue, "redact", "--json", "--config", config, "--data-dir",
                           os.path.dirname(config)], input="\n".join(texts) + "\n", capture_output=True,
                          text=True, check=True)
    return [json.loads(line)["spans"] for line in proc.stdout.splitlines()]


def measure(name, cases, cblue, config):
    outputs = run_redact(cblue, [text for text, _ in cases], config)
    assert len(outputs) == len(cases)
    by_type, negatives, false_negatives, stray = {}, 0, 0, 0
    for (text, expected), spans in zip(cases, outputs):
        covered = set()
        for span in spans:
            covered.update(range(span["start"], span["end"]))
        values = expected_values(text, expected)
        if not values:
            negatives += 1
            false_negatives += 1 if spans else 0
            continue
        for start, end, label in values:
            survivors = sum(1 for i in range(start, end) if text[i].isalnum() and i not in covered)
            hit, total = by_type.get(label, (0, 0))
            by_type[label] = (hit + (survivors <= 2), total + 1)
        inside = set()
        for start, end, _ in values:
            inside.update(range(start, end))
        stray += sum(1 for span in spans if not inside.intersection(range(span["start"], span["end"])))
    positives = sum(total for _, total in by_type.values())
    found = sum(hit for hit, _ in by_type.values())
    print(f"{name}: {len(cases)} inputs, {positives} values, {negatives} hard negatives")
    for label in sorted(by_type):
        hit, total = by_type[label]
        print(f"    {label:13s} recall {hit / total:6.3f}  ({hit}/{total})")
    print(f"    {'all':13s} recall {found / positives:6.3f}  ({found}/{positives})")
    print(f"    false-positive rate on hard negatives {false_negatives / max(negatives, 1):.4f} "
          f"({false_negatives}/{negatives}); stray spans in positive inputs: {stray}")


def held_out(seed=4242, n=3000):
    """Values in other sentences than the golden set's, and negatives of the same shapes."""
    r = random.Random(seed)

    def d(k):
        return "".join(r.choice("0123456789") for _ in range(k))

    def luhn(base):
        for c in "0123456789":
            t = 0
            for i, ch in enumerate(reversed(base + c)):
                v = int(ch)
                if i % 2:
                    v = v * 2 - 9 if v > 4 else v * 2
                t += v
            if t % 10 == 0:
                return base + c

    def not_luhn():
        base = "4" + d(14)
        good = luhn(base)
        return base + str((int(good[-1]) + r.randint(1, 9)) % 10)

    def thid(valid=True):
        base = r.choice("12345678") + r.choice("123456789") + d(10)
        c = (11 - sum(int(base[i]) * (13 - i) for i in range(12)) % 11) % 10
        return base + str(c if valid else (c + r.randint(1, 9)) % 10)

    def cnid():
        w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        base = r.choice(["110108", "320102", "440106", "500103"]) + "%04d%02d%02d" % (
            r.randint(1955, 2004), r.randint(1, 12), r.randint(1, 28)) + d(3)
        return base + "10X98765432"[sum(int(base[i]) * w[i] for i in range(17)) % 11]

    values = {
        "PHONE": lambda: r.choice([
            lambda m: f"{m[:3]}-{m[3:6]}-{m[6:]}", lambda m: f"{m[:3]} {m[3:6]} {m[6:]}", lambda m: m,
            lambda m: f"+66 {m[1:3]} {m[3:6]} {m[6:]}", lambda m: f"+66{m[1:]}"])("0" + r.choice("689") + d(8))
        if r.random() < 0.6 else r.choice([lambda c: c, lambda c: f"{c[:3]} {c[3:7]} {c[7:]}",
                                           lambda c: f"+86 {c}"])("1" + r.choice("3589") + d(9)),
        "EMAIL": lambda: r.choice(["pim", "ton.s", "mei_li", "k.tan", "zhao9"]) + d(2) + "@" + r.choice(
            ["outlook.com", "yahoo.co.th", "126.com", "company.cn", "mail.example.org"]),
        "TH_ID": lambda: (lambda t: r.choice([t, f"{t[0]}-{t[1:5]}-{t[5:10]}-{t[10:12]}-{t[12]}"]))(thid()),
        "CN_ID": cnid,
        "CARD": lambda: (lambda c: r.choice([c, " ".join(c[i:i + 4] for i in range(0, 16, 4))]))(
            luhn(r.choice(["4", "5"]) + d(14))),
        "IP": lambda: r.choice(["%d.%d.%d.%d" % (r.randint(1, 223), r.randint(0, 255), r.randint(0, 255),
                                                  r.randint(1, 254)), "2001:db8:%x::%x" % (r.randint(1, 65535),
                                                                                          r.randint(1, 65535))]),
        "BANK_ACCOUNT": lambda: f"{d(3)}-{d(1)}-{d(5)}-{d(1)}",
    }
    templates = {
        "th": ["รบกวนติดต่อกลับที่ {v} ด้วยนะคะ", "ข้อมูลของผม {v} ครับ", "แจ้ง {v} ให้ช่างด้วยค่ะ",
               "ส่งมาที่ {v} ได้เลย", "นี่ค่ะ {v}"],
        "zh": ["请联系{v}，谢谢", "我的资料：{v}", "麻烦记一下 {v}", "这是{v}"],
        "en": ["please use {v} for the follow-up", "details: {v}", "noted {v}, thanks", "here you go {v}"],
    }
    cases = []
    for _ in range(n):
        label = r.choice(sorted(values))
        lang = r.choice(sorted(templates))
        t = r.choice(templates[lang])
        cases.append((t.format(v=values[label]()), t.format(v=f"[{label}]")))
    negatives = [
        lambda: "ราคา ฿{:,} ผ่อน 0% 10 เดือน".format(r.randint(10000, 900000)),
        lambda: "总价 {} 元，{} 千瓦".format(r.randint(1000, 99999), r.randint(3, 30)),
        lambda: "installed {:.1f} kW, {} kWh a year".format(r.uniform(3, 20), r.randint(1000, 20000)),
        lambda: "นัด {}/{}/25{} เวลา {}:{:02d} น.".format(r.randint(1, 28), r.randint(1, 12), r.randint(60, 70),
                                                        r.randint(8, 18), r.choice([0, 30])),
        lambda: "{}-{:02d}-{:02d} {}:{:02d}".format(r.randint(2020, 2030), r.randint(1, 12), r.randint(1, 28),
                                                   r.randint(0, 23), r.randint(0, 59)),
        lambda: "firmware v{}.{}.{} build {}".format(r.randint(1, 9), r.randint(0, 20), r.randint(0, 99), d(4)),
        lambda: "order #{} shipped".format(d(r.choice([8, 10, 12, 13, 16]))),
        lambda: "订单号 {} 已发货".format(d(r.choice([12, 14, 16, 18]))),
        lambda: "เลขพัสดุ TH{}TH".format(d(10)),
        lambda: "เลขบัตร {} ค่ะ".format(thid(valid=False)),
        lambda: "card {}".format((lambda c: " ".join(c[i:i + 4] for i in range(0, 16, 4)))(not_luhn())),
        lambda: "model SUN2000-{}KTL-M{} / LR5-72HPH-{}M".format(r.randint(3, 20), r.randint(0, 3),
                                                                r.randint(400, 600)),
        lambda: "ห้อง {} ชั้น {} ซอย {}".format(r.randint(100, 2000), r.randint(1, 40), r.randint(1, 120)),
    ]
    for _ in range(n // 2):
        text = r.choice(negatives)()
        cases.append((text, text))
    return cases


def fresh(seed=9001, n=2000):
    """A second held-out set, written after the rules were tuned on the first: other
    sentences, other separators, and the numbers of a solar/EV business that are not
    personal data (meter, customer, contract numbers, coupons, serials)."""
    r = random.Random(seed)

    def d(k):
        return "".join(r.choice("0123456789") for _ in range(k))

    mobile = lambda: "0" + r.choice("689") + d(8)
    values = {
        "PHONE": lambda: r.choice([lambda m: f"{m[:2]}-{m[2:6]}-{m[6:]}", lambda m: f"({m[:3]}) {m[3:6]}-{m[6:]}",
                                   lambda m: f"{m[:3]}.{m[3:6]}.{m[6:]}", lambda m: f"+66-{m[1:3]}-{m[3:6]}-{m[6:]}",
                                   lambda m: f"0066 {m[1:]}"])(mobile()),
        "EMAIL": lambda: r.choice(["noi", "a.kittipong", "xiaoming", "j.smith", "ploy_r"]) + str(r.randint(1, 99)) + "@" +
        r.choice(["hotmail.co.th", "foxmail.com", "gmail.com", "sanook.com"]),
        "LINE_ID": lambda: r.choice(["solar", "ev", "home", "ton"]) + r.choice(["_", ".", ""]) + d(3),
        "WECHAT_ID": lambda: "wx_" + r.choice(["li", "wang", "chen"]) + d(4),
    }
    templates = {
        "PHONE": ["ติดต่อช่างเบอร์ {v} ได้เลยค่ะ", "手机号码是 {v}", "my cell {v} (after 6pm)", "เบอร์สำรอง: {v}"],
        "EMAIL": ["ส่งเอกสารทาง {v} นะครับ", "邮件发 {v} 就行", "cc {v} please", "อีเมลบริษัท {v}"],
        "LINE_ID": ["แอดไลน์ {v} มาคุยรายละเอียด", "line id {v}", "ไลน์ : {v}"],
        "WECHAT_ID": ["加微信 {v} 详聊", "wechat: {v}", "微信号 {v}"],
    }
    cases = []
    for _ in range(n):
        label = r.choice(sorted(values))
        t = r.choice(templates[label])
        cases.append((t.format(v=values[label]()), t.format(v=f"[{label}]")))
    negatives = [
        lambda: "หมายเลขมิเตอร์ {} ค่ะ".format(d(10)),
        lambda: "หมายเลขผู้ใช้ไฟฟ้า {}".format(d(12)),
        lambda: "客户编号 {}".format(d(11)),
        lambda: "合同号 HT-{}-{}".format(r.randint(2024, 2027), d(6)),
        lambda: "โค้ดส่วนลด SOLAR{} ลด {} บาท".format(d(4), r.choice([500, 1000, 2000])),
        lambda: "serial no. {}".format(d(12)),
        lambda: "inverter S/N {}".format(d(16)),
        lambda: "invoice INV{} due {}/{}".format(d(8), r.randint(1, 28), r.randint(1, 12)),
        lambda: "ใบเสร็จเลขที่ {}".format(d(13)),
        lambda: "พิกัด {:.4f}, {:.4f}".format(r.uniform(5, 20), r.uniform(97, 105)),
        lambda: "ขนาด {} x {} x {} มม. น้ำหนัก {} กก.".format(r.randint(1000, 2300), r.randint(900, 1200),
                                                       r.randint(30, 40), r.randint(18, 30)),
        lambda: "电池容量 {} kWh，充电功率 {} kW".format(r.randint(5, 100), r.choice([7, 11, 22, 60, 120])),
        lambda: "งวดที่ {}/{} ยอด {:,} บาท".format(r.randint(1, 10), 10, r.randint(1000, 50000)),
        lambda: "ติดตั้ง {} แผง x {} วัตต์ = {:,} วัตต์".format(r.randint(6, 30), r.choice([450, 550, 600]),
                                                          r.randint(3000, 18000)),
    ]
    for _ in range(n):
        text = r.choice(negatives)()
        cases.append((text, text))
    return cases


def main():
    cblue = sys.argv[1]
    tests = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "tests",
                                                               "data", "redact.tests")
    with tempfile.TemporaryDirectory() as tmp:
        config = os.path.join(tmp, "cblue.conf")
        with open(config, "w", encoding="utf-8") as f:
            f.write(CONFIG)
        measure(f"golden set ({os.path.relpath(tests)})", load_golden(tests), cblue, config)
        measure("held-out generated set (seed 4242)", held_out(), cblue, config)
        measure("second held-out set (seed 9001)", fresh(), cblue, config)


if __name__ == "__main__":
    main()
