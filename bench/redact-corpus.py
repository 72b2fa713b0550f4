#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""A deterministic mixed-language chat corpus for the redaction benchmark.

    bench/redact-corpus.py SIZE_MB OUTPUT

One customer message per line, about a third each in Thai, Chinese and English (some
code-mixed), 40 to 400 bytes; about one line in six carries personal data (phones, IDs,
cards, e-mails, accounts, chat ids, IPs), and many more carry the numbers such chats are
full of (prices, dates, times, kW figures, order numbers). Same seed, same bytes.
"""

import random
import sys

TH = ["ติดโซลาร์เซลล์ราคาเท่าไหร่คะ", "อยากทราบว่าติดตั้งกี่วันเสร็จ", "มีโปรผ่อน 0% ไหมครับ", "บ้านใช้ไฟเดือนละ {kwh} หน่วย ควรติดกี่ kW",
      "ขอใบเสนอราคาแพ็กเกจ {kw}kW หน่วยละ {price} บาท", "นัดช่างเข้าสำรวจวันที่ {thdate} ได้ไหมคะ", "ค่าไฟเดือนที่แล้ว {baht} บาทค่ะ",
      "หลังคาเป็นเมทัลชีทติดได้ไหม", "ประกันอินเวอร์เตอร์กี่ปี", "ติด EV charger ที่คอนโดได้หรือเปล่า", "เลขคำสั่งซื้อ {order} ส่งของหรือยัง",
      "ตอนนี้อยู่ที่ไซต์งาน เปิดเครื่องแล้วไฟไม่ขึ้นค่ะ", "รบกวนโทรกลับหลัง {time} น. นะคะ", "ขอบคุณมากค่ะ"]
ZH = ["屋顶太阳能多少钱", "安装需要几天", "有没有分期付款", "我家每个月用电{kwh}度，装几千瓦合适", "{kw}千瓦的套餐报价多少，总价{yuan}元吗",
      "可以{zhdate}上门勘察吗", "逆变器保修几年", "公寓可以装充电桩吗", "订单号{order}发货了吗", "设备开机了但是没有发电", "下午{time}以后打给我",
      "谢谢"]
EN = ["How much is a rooftop solar system?", "How long does the installation take?", "Do you offer 0% installments?",
      "We use about {kwh} kWh a month, what size do we need?", "Quote for the {kw} kW package please, is it {usd} USD?",
      "Can your team survey on {endate}?", "How many years is the inverter warranty?", "Can I install an EV charger in my condo?",
      "Has order {order} shipped yet?", "Inverter is on but shows no output, firmware v{version}", "Please call back after {time}",
      "Thanks a lot!"]
MIX = ["ติด solar rooftop {kw}kW ราคาเท่าไหร่", "EV charger type 2 ติดที่บ้านได้ไหม", "我想装 solar panel，{kw}kW 多少钱",
       "inverter SUN2000-{kw}KTL ไฟ error ค่ะ", "ค่าไฟ {baht} บาท/month ควรติดกี่แผง"]
PII = {
    "th": ["โทร {thphone} ค่ะ", "ติดต่อกลับที่เบอร์ {thphone} นะครับ", "อีเมล {email} ค่ะ", "เลขบัตรประชาชน {thid}",
           "โอนเข้าบัญชี {bank} แล้วค่ะ", "ไลน์ {lineid} ค่ะ", "passport {passport} ค่ะ"],
    "zh": ["我的电话是{cnphone}", "身份证号{cnid}", "邮箱{email}", "微信号：{wechat}", "卡号：{card}"],
    "en": ["Call me at {thphone}", "My email is {email}", "card {card} exp 12/28", "my ip is {ip}", "line id: {lineid}",
           "You can reach me on {intl}"],
}


def main():
    size = int(float(sys.argv[1]) * 1024 * 1024)
    rand = random.Random(20261125)

    def d(n):
        return "".join(rand.choice("0123456789") for _ in range(n))

    def luhn(base):
        for c in "0123456789":
            total = 0
            for i, ch in enumerate(reversed(base + c)):
                v = int(ch)
                if i % 2:
                    v = v * 2 - 9 if v > 4 else v * 2
                total += v
            if total % 10 == 0:
                return base + c

    def thid():
        base = rand.choice("12345678") + rand.choice("123456789") + d(10)
        s = sum(int(base[i]) * (13 - i) for i in range(12))
        return base + str((11 - s % 11) % 10)

    def cnid():
        w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        base = rand.choice(["110105", "310115", "440304"]) + "%04d%02d%02d" % (
            rand.randint(1950, 2005), rand.randint(1, 12), rand.randint(1, 28)) + d(3)
        return base + "10X98765432"[sum(int(base[i]) * w[i] for i in range(17)) % 11]

    fill = {
        "kwh": lambda: str(rand.randint(200, 2000)), "kw": lambda: str(rand.choice([3, 5, 10, 15, 20])),
        "price": lambda: "4.%02d" % rand.randint(0, 99), "baht": lambda: "{:,}".format(rand.randint(800, 12000)),
        "yuan": lambda: str(rand.randint(10000, 90000)), "usd": lambda: "{:,}".format(rand.randint(3000, 20000)),
        "thdate": lambda: "%d/%d/2569" % (rand.randint(1, 28), rand.randint(1, 12)),
        "zhdate": lambda: "%d月%d日" % (rand.randint(1, 12), rand.randint(1, 28)),
        "endate": lambda: "2026-%02d-%02d" % (rand.randint(1, 12), rand.randint(1, 28)),
        "time": lambda: "%d:%02d" % (rand.randint(8, 20), rand.choice([0, 15, 30, 45])),
        "order": lambda: rand.choice(["ORD-", "#", "SO", ""]) + d(rand.choice([8, 10, 12])),
        "version": lambda: "%d.%d.%d" % (rand.randint(1, 9), rand.randint(0, 20), rand.randint(0, 99)),
        "thphone": lambda: rand.choice(["0%s-%s-%s", "0%s %s %s", "0%s%s%s"]) % (rand.choice("689") + d(1), d(3), d(4)),
        "cnphone": lambda: "1" + rand.choice("3456789") + d(9),
        "intl": lambda: "+1 415 555 %s" % d(4),
        "email": lambda: rand.choice(["somchai", "nok.p", "wang.lei", "john_d", "li88"]) + d(2) + "@" + rand.choice(
            ["gmail.com", "hotmail.com", "qq.com", "example.co.th", "163.com"]),
        "thid": lambda: (lambda t: rand.choice([t, f"{t[0]}-{t[1:5]}-{t[5:10]}-{t[10:12]}-{t[12]}"]))(thid()),
        "cnid": cnid,
        "card": lambda: " ".join((lambda c: [c[i:i + 4] for i in range(0, 16, 4)])(luhn("4" + d(14)))),
        "bank": lambda: "%s-%s-%s-%s" % (d(3), d(1), d(5), d(1)),
        "lineid": lambda: rand.choice(["somchai", "nok_", "pim.", "boss"]) + d(2),
        "wechat": lambda: "wxid_" + rand.choice("abcdefgh") + d(5),
        "passport": lambda: rand.choice("ABCDEFGH") + rand.choice("ABCDEFGH") + d(7),
        "ip": lambda: "%d.%d.%d.%d" % (rand.randint(1, 223), rand.randint(0, 255), rand.randint(0, 255), rand.randint(1, 254)),
    }

    def render(template):
        out = template
        while "{" in out:
            start = out.index("{")
            end = out.index("}", start)
            out = out[:start] + fill[out[start + 1:end]]() + out[end + 1:]
        return out

    written = 0
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        while written < size:
            lang = rand.choice(["th", "zh", "en"])
            pool = {"th": TH, "zh": ZH, "en": EN}[lang]
            parts = [render(rand.choice(pool + MIX if rand.random() < 0.15 else pool))
                     for _ in range(rand.randint(1, 4))]
            if rand.random() < 0.17:
                parts.insert(rand.randint(0, len(parts)), render(rand.choice(PII[lang])))
            line = " ".join(parts)[:400] + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))


if __name__ == "__main__":
    main()
