#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh18.tests: an eighteenth fresh set of redaction cases, written before
any run of the redactor on it. People hiding or spelling out their values, and values from abroad, in
English, Thai and Chinese (categories `en-`, `th-`, `zh-`):

- digits with a dot, a space, a dash or a slash between every digit or every pair (`0.8.1.…`,
  `08 61 23 45 67`, `0/8/1/…`), digits said as words and mixed with digits (`zero nine one 234 5678`,
  `ศูนย์แปดหนึ่ง 234 5678`, `幺三八 1234 5678`), full-width and Thai digits;
- e-mail addresses spelled out to hide them from robots: `at`/`dot`, `(at)`, `[at]`, `{at}`, `แอท`/`ดอท`,
  `艾特`/`点`, `#` for `@`, a spelled local part;
- phone numbers of the neighbouring countries and of China: `+86` mobiles in every grouping, Malaysian
  (`+60 1x`), Lao (`+856 20`), Cambodian (`+855`), Vietnamese (`+84`), Myanmar (`+95 9`) numbers, with
  and without their code; China's 18-character resident ID with its `X` check character;
  foreigners' passports;
- card numbers typed in fours with spaces, dashes, dots; bank accounts with the bank named in English,
  Thai or Chinese, the neighbours' banks too;
- delivery and installation addresses with house number, moo, soi, road and postcode around the values.

A message is one line. Names and postal addresses stay (not promised), and so do the neighbours' ID
card numbers, which the redactor has no type for (they are left out of the set).

Hard negatives of the same shapes: order, invoice, tracking and quotation numbers (in fours too),
model and serial numbers, kW, kWh and baht figures, dates and times with dots, slashes and spaces,
meter readings, coordinates, version numbers with dots, websites spelled out (`www dot … dot com`,
`官网 … 点 com`), `@` for a unit price, `艾特` as a chat's mention, a Vietnamese company's tax code.

Values have valid checksums (Thai ID mod 11 with a real province, Chinese ID ISO 7064 MOD 11-2 and a
real date of birth, Luhn for cards); bank accounts fail Luhn so that they are not also cards.

    bench/gen-redact-fresh18.py tests/data/redact-fresh18.tests
"""
import sys

import redact_cases
from redact_cases import B, C, CN, E, IP, L, P, PP, T, W, acct, acct_dashed, add, card, cnacct, cnmob, \
    cnmob_sp, d, dash3, fw, groups4, neg, not_luhn, sp3, start, thd, thid_dashed, thmob, write
from redact_cases import thid_province as thid

r = start(20261818)

EN_DIGITS = "zero one two three four five six seven eight nine".split()
TH_DIGITS = "ศูนย์ หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด เก้า".split()
ZH_DIGITS = "零一二三四五六七八九"


def cnid(lower_x=False):
    return redact_cases.cnid(["110108", "310104", "440304", "440111", "330102", "510104", "320106", "350206",
                              "420102", "500103"], (1965, 2003), lower_x)


def cnid_x():
    """A Chinese ID whose check character is `X`."""
    while True:
        c = cnid()
        if c.endswith("X"):
            return c


def each(s, sep):
    """@s with @sep between every digit."""
    return sep.join(s)


def pairs(m, sep):
    """A Thai mobile number two digits at a time."""
    return sep.join(m[i:i + 2] for i in range(0, 10, 2))


def en_words(s):
    return " ".join(EN_DIGITS[int(c)] for c in s)


def th_words(s, sep=""):
    return sep.join(TH_DIGITS[int(c)] for c in s)


def zh_words(s, yao=False):
    w = "".join(ZH_DIGITS[int(c)] for c in s)
    return w.replace("一", "幺") if yao else w


def my_mob():
    """A Malaysian mobile number without its trunk 0: 1x and seven digits (011: eight)."""
    p = r.choice(["12", "13", "16", "17", "19", "11"])
    return p + d(8 if p == "11" else 7)


def my_intl(n, sep=" "):
    return "+60" + sep + n[:2] + "-" + n[2:-4] + " " + n[-4:]


def lao_mob():
    return "20" + r.choice("25789") + d(7)


def kh_mob():
    return r.choice(["12", "17", "77", "92", "96", "15", "16", "81", "88", "97", "70"]) + d(r.choice([6, 7]))


def kh_sp(n):
    return n[:2] + " " + n[2:5] + " " + n[5:]


def vn_mob():
    return r.choice(["90", "91", "93", "94", "98", "32", "35", "38", "70", "77", "86", "88"]) + d(7)


def vn_sp(n):
    return n[:3] + " " + n[3:6] + " " + n[6:]


def mm_mob():
    return "9" + r.choice(["25", "26", "40", "42", "45", "75", "78", "79", "96", "97"]) + d(7)


def mm_sp(n):
    return n[0] + " " + n[1:4] + " " + n[4:7] + " " + n[7:]


def order_fours():
    """An order or tracking number of sixteen digits in fours that no card is (it fails Luhn)."""
    return groups4(not_luhn(16, "2025"))


def acct_sp(a):
    return a[:3] + " " + a[3] + " " + a[4:9] + " " + a[9]


# =============================== English ===============================
# -- digits with something between every one or every pair
m = thmob()
add("en-spaced", f"please call me back on {P(each(m, '.'))} after 6pm")
m = thmob()
add("en-spaced", f"my number is {P(each(m, ' '))} (spaced so the bots can't read it)")
m = thmob()
add("en-spaced", f"call or text {P(pairs(m, ' '))}, I'm usually on site till 5")
m = thmob()
add("en-spaced", f"mob: {P(pairs(m, '.'))}")
m = thmob()
add("en-spaced", f"Tel {P(each(m, '/'))} ok thanks")
m = thmob()
add("en-spaced", f"whatsapp me at {P(each(m[:3], ' ') + ' - ' + each(m[3:6], ' ') + ' - ' + each(m[6:], ' '))}")
m = thmob()
add("en-spaced", f"reach me at {P(pairs(m, '-'))} any time")
m = thmob()
add("en-spaced", f"My phone: {P(m[:3] + '/' + m[3:6] + '/' + m[6:])} — Khun Dao")
m = thmob()
add("en-spaced", f"contact no. {P(each(m, '-'))}")
t = thid()
add("en-spaced", f"ID card number {T(each(t, ' '))} for the net-metering form")
t = thid()
add("en-spaced", f"Thai ID: {T(thid_dashed(t, '.'))}")
add("en-spaced", f"card number {C(groups4(card('5')).replace(' ', '.'))} exp 08/27")

# -- digits said as words, alone or with digits
m = thmob()
add("en-words", f"call me on {P(en_words(m[:3]) + ' ' + m[3:6] + ' ' + m[6:])}")
m = thmob()
add("en-words", f"my mobile is {P(en_words(m).replace('zero', 'oh'))}")
m = thmob()
add("en-words", f"phone {P(en_words(m[:4]) + ' ' + m[4:])} thx")
m = thmob()
add("en-words", f"Number: {P(m[:3].replace('0', 'O') + '-' + m[3:6] + '-' + m[6:])}")
m = thmob()
add("en-words", f"text me {P(fw(dash3(m)))} (sorry my keyboard is full-width)")

# -- e-mail addresses spelled out
add("en-email", f"email me at {E('pim.sutthida at gmail dot com')}")
add("en-email", f"my mail is {E('jack_w' + d(2) + ' (at) yahoo (dot) com')}")
add("en-email", f"send the quote to {E('mike.t [at] outlook [dot] com')} please")
add("en-email", f"E-mail: {E('tom.harris AT hotmail DOT co DOT uk')}")
add("en-email", f"address is {E('kanya dot p at icloud dot com')} (no spaces)")
add("en-email", f"email {E('ann.lee{at}gmail{dot}com')}")
add("en-email", f"mail to {E('anna underscore k at gmail dot com')}, thank you")
add("en-email", f"you can email my husband, {E('lars.nilsson' + d(2) + ' at gmail.com')}")
add("en-email", f"Email: {E('zhang.wei' + d(2) + '@qq.com')} or WeChat {W('zhangwei_' + d(3))}")
add("en-email", f"email is {E('somsak.k@gmail dot com')}")

# -- China
c = cnmob()
add("en-cn", f"My Chinese mobile is {P('+86 ' + cnmob_sp(c))}, WeChat is the same number")
c = cnmob()
add("en-cn", f"phone (China): {P('+86-' + cnmob_sp(c, '-'))}")
c = cnmob()
add("en-cn", f"call my office manager at {P('0086 ' + c)}")
c = cnmob()
add("en-cn", f"Tel: {P('(+86) ' + c)} / email {E('liu.yang' + d(2) + '@163.com')}")
c = cnmob()
add("en-cn", f"WhatsApp doesn't work in China, call {P('+86' + c)}")
add("en-cn", f"Chinese ID for the contract: {CN(cnid_x())}")
x = cnid_x()
add("en-cn", f"resident ID {CN(x[:6] + ' ' + x[6:14] + ' ' + x[14:])}")
add("en-cn", f"passport {PP('E' + d(8))}, ID card {CN(cnid(lower_x=True))}")

# -- the neighbours
n = my_mob()
add("en-abroad", f"I'm in KL this week, call {P(my_intl(n))}")
n = my_mob()
add("en-abroad", f"Malaysian mobile: {P('0' + n[:2] + '-' + n[2:-4] + ' ' + n[-4:])}")
n = my_mob()
add("en-abroad", f"tel {P('+60' + n)} (Ahmad)")
n = lao_mob()
add("en-abroad", f"our Vientiane office: {P('+856 ' + n[:2] + ' ' + n[2:6] + ' ' + n[6:])}")
n = lao_mob()
add("en-abroad", f"Lao number {P('00856 ' + n)} whatsapp")
n = lao_mob()
add("en-abroad", f"phone in Laos: {P('0' + n[:2] + ' ' + n[2:6] + ' ' + n[6:])}")
n = kh_mob()
add("en-abroad", f"Phnom Penh contact {P('+855 ' + kh_sp(n))} (Sokha)")
n = kh_mob()
add("en-abroad", f"my Cambodian phone: {P('0' + kh_sp(n))}")
n = vn_mob()
add("en-abroad", f"Hanoi site manager, mobile {P('+84 ' + vn_sp(n))}")
n = vn_mob()
add("en-abroad", f"call {P('+84 (0)' + vn_sp(n))} Zalo too")
n = vn_mob()
add("en-abroad", f"Vietnam mobile: {P('0' + n[:3] + ' ' + n[3:6] + ' ' + n[6:])}")
n = mm_mob()
add("en-abroad", f"my brother in Yangon {P('+95 ' + mm_sp(n))}")
n = mm_mob()
add("en-abroad", f"Myanmar phone {P('0' + mm_sp(n))}")
add("en-abroad", f"Passport: {PP('A' + d(8))} (Malaysia), mobile {P(my_intl(my_mob()))}")
add("en-abroad", f"Vietnamese passport no. {PP('C' + d(7))}")
add("en-abroad", f"passport no {PP('P' + d(7))} (Lao PDR)")
add("en-abroad", f"Myanmar passport {PP('MD' + d(6))}")

# -- cards and bank accounts
add("en-money", f"charge my card {C(groups4(card('4')))} please, exp 11/27")
add("en-money", f"Visa {C(groups4(card('4')).replace(' ', '-'))}")
add("en-money", f"card: {C(groups4(card('5')))} cvv not sending here")
c15 = card('37', 15)
add("en-money", f"amex {C(c15[:4] + ' ' + c15[4:10] + ' ' + c15[10:])}")
add("en-money", f"refund to Kasikorn {B(acct_dashed())}, name Somchai")
add("en-money", f"Bangkok Bank account {B(acct())}")
add("en-money", f"SCB a/c {B(acct_sp(acct()))} (savings)")
add("en-money", f"Maybank account {B(groups4(not_luhn(12, '1')))} Ahmad bin Ali")
add("en-money", f"Vietcombank account no. {B(not_luhn(13, '0'))}")
add("en-money", f"KBZ Bank account {B(not_luhn(17, '0'))} (Yangon)")
add("en-money", f"pay to Bank of China account {B(groups4(cnacct('6217', 19)))}")
add("en-money", f"my Krungsri account is {B(each(acct(), ' '))}")

# -- addresses around the values
m = thmob()
add("en-addr", f"Install at 99/12 Moo 5, Soi Wat Dan, Srinakarin Rd, Bang Mueang, Samut Prakan 10270, tel {P(each(m, '.'))}")
m = thmob()
add("en-addr", f"deliver to 45/6 Moo 2 Soi 7 Rattanathibet Rd Nonthaburi 11000 - {P(pairs(m, ' '))}")
m = thmob()
add("en-addr", f"Address: 123/4 Soi Sukhumvit 50, Phra Khanong, Bangkok 10260. Phone {P(en_words(m[:3]) + ' ' + m[3:])}")
add("en-addr", f"House 88/9 Moo 1, Chiang Mai 50230, email {E('ben.c at gmail dot com')}")
m = thmob()
add("en-addr", f"Site: 7/77 Moo 4 Tambon Nong Prue, Bang Lamung, Chon Buri 20150 / mobile {P(m[:3] + '.' + m[3:6] + '.' + m[6:])}")

# -- several together
m, t = thmob(), thid()
add("en-mix", f"name Noi, phone {P(pairs(m, ' '))}, ID {T(thid_dashed(t, ' '))}, email {E('noi.s' + d(2) + ' at hotmail dot com')}")
m = thmob()
add("en-mix", f"line: {L('beam_' + d(4))} / tel {P(each(m, ' '))}")
c = cnmob()
add("en-mix", f"wechat {W('chen_li' + d(3))} or call {P('+86 ' + c[:3] + '.' + c[3:7] + '.' + c[7:])}")
add("en-mix", f"home router IP {IP('171.' + str(r.randint(96, 103)) + '.' + str(r.randint(0, 255)) + '.' + str(r.randint(1, 254)))}, "
    f"contact {E('admin.k' + d(2) + '@gmail.com')}")

# -- more of the same, several in one message
m = thmob()
add("en-more", f"phone number: {P('(+66) ' + each(m[1:], ' '))}")
n = kh_mob()
add("en-more", f"Cambodia office {P('+855 (0)' + kh_sp(n))}, sales {E('dara.s at khmersolar dot com')}")
add("en-more", f"HCMC office tel. {P('+84-28-' + d(4) + '-' + d(4))}")
t = thid()
add("en-more", f"Thai ID {T(thid_dashed(t))} and passport {PP('AA' + d(7))}")
m = thmob()
add("en-more", f"email me at {E('somchai dot j at gmail dot com')} or call {P(m[:2] + ' ' + m[2] + ' ' + m[3:6] + ' ' + m[6:])}")
add("en-more", f"LINE ID {L('tony.' + d(4))}, tel {P(my_intl(my_mob()))}")
c = cnmob()
add("en-more", f"my Chinese number: {P(cnmob_sp(c, '.'))} (same on WeChat)")
m = thmob()
add("en-more", f"sorry typo, it's {P(each(m, ' . '))}")
add("en-more", f"my email: {E('p.wong' + d(2) + '#gmail.com')}")

# -- hard negatives
neg("en-neg", f"Order no. {order_fours()} has shipped")
neg("en-neg", f"tracking TH{d(10)}{r.choice('ABCDEFGHJ')} (Flash Express)")
neg("en-neg", f"Kerry tracking KEX{d(10)}")
neg("en-neg", f"invoice INV-2025-11-{d(4)} total 125,400.00 THB")
neg("en-neg", "model SUN2000-10KTL-M1, 10 kW, 3 phase")
neg("en-neg", "the 5.5 kW kit is 159,000 baht, the 10 kW one 289,000")
neg("en-neg", "we came on 28.11.2025 at 14.30, again on 29 11 2025")
neg("en-neg", "meter reading 0 4 5 2 1 . 7 kWh this month")
neg("en-neg", "site coordinates 13.7563, 100.5018")
neg("en-neg", "firmware 4.1.0.12, app version 6.23.10")
neg("en-neg", "panels @ 4,500 baht each, 20 pcs")
neg("en-neg", "I bought the charger at shopee dot co dot th")
neg("en-neg", "see our website www dot baanrak dot solar")
neg("en-neg", f"serial no. S N 2 2 1 1 {' '.join(d(6))}")
neg("en-neg", f"quotation QT 2025 1128 {d(4)}")
neg("en-neg", "Vietnam tax code (MST) 0312345678 for the invoice")
neg("en-neg", f"order {d(2)}/{d(2)}/{d(4)}/{d(2)} confirmed")
neg("en-neg", "Jalan Bukit Bintang 55100 Kuala Lumpur, unit 12-3-4")
neg("en-neg", "the inverter shows 2 3 0 V and 5 0 Hz")
neg("en-neg", "total 1,250,000 LAK or 2.5 million VND, rate 0.0041")
neg("en-neg", "battery 51.2 V 100 Ah, 5.12 kWh, 6000 cycles")
neg("en-neg", "the office is at 99/12 Moo 5 Soi 7, Bang Na-Trat Rd km 8, 10540")
neg("en-neg", "time slots: 09.00-10.30, 13.00-14.30")
neg("en-neg", f"PO# 4500{d(6)} dated 2025/11/28")
neg("en-neg", "reply at 9 dot 30 tomorrow is fine")
neg("en-neg", "GPS N 13°44'12\" E 100°31'25\"")
neg("en-neg", f"booking ref 5{d(2)}.{d(3)}.{d(4)} for the site visit")

# ================================ Thai =================================
m = thmob()
add("th-spaced", f"เบอร์โทรนะคะ {P(each(m, '.'))}")
m = thmob()
add("th-spaced", f"โทรกลับ {P(each(m, ' '))} ค่ะ")
m = thmob()
add("th-spaced", f"เบอร์ผม {P(pairs(m, ' '))} ครับ")
m = thmob()
add("th-spaced", f"ติดต่อ {P(pairs(m, '.'))} คุณแอน")
m = thmob()
add("th-spaced", f"โทร {P(each(m, '/'))}")
m = thmob()
add("th-spaced", f"เบอร์มือถือ {P(m[:3] + '/' + m[3:6] + '/' + m[6:])} ได้ตลอดค่ะ")
m = thmob()
add("th-spaced", f"เบอร์ {P(each(m, '-'))} นะครับ")
t = thid()
add("th-spaced", f"เลขบัตรประชาชน {T(each(t, ' '))} ค่ะ")
t = thid()
add("th-spaced", f"เลขประจำตัวประชาชน {T(thid_dashed(t, '.'))}")
t = thid()
add("th-spaced", f"บัตร ปชช. {T(t[:1] + ' ' + t[1:5] + ' ' + t[5:10] + ' ' + t[10:12] + ' ' + t[12])}")
t = thid()
add("th-spaced", f"เลขบัตร {T(thd(thid_dashed(t)))} ใช้ทำสัญญาค่ะ")

m = thmob()
add("th-words", f"โทร {P(th_words(m[:3]) + ' ' + m[3:6] + ' ' + m[6:])} ค่ะ")
m = thmob()
add("th-words", f"เบอร์ {P(th_words(m))}")
m = thmob()
add("th-words", f"เบอร์โทร {P(th_words(m[:3]) + m[3:])} นะคะ")
m = thmob()
add("th-words", f"เบอร์ผม {P(th_words(m, ' '))} ครับ")
m = thmob()
add("th-words", f"โทร.{P(thd(dash3(m)))}")
m = thmob()
add("th-words", f"มือถือ {P(thd(m[:3]) + ' ' + m[3:])}")
m = thmob()
add("th-words", f"เบอร์ติดต่อ {P(fw(m))}")

add("th-email", f"อีเมล {E('nattaya.s แอท gmail ดอท com')} ค่ะ")
add("th-email", f"เมลผม {E('boy_' + d(4) + ' แอท hotmail ดอท co ดอท th')}")
add("th-email", f"ส่งใบเสนอราคามาที่ {E('pranee.k at gmail dot com')} นะคะ")
add("th-email", f"อีเมล์ {E('somchai(at)yahoo(dot)com')}")
add("th-email", f"อีเมลค่ะ {E('jintana แอท outlook ดอท คอม')}")
add("th-email", f"ส่งเอกสารที่ {E('aor.p' + d(2) + '@gmail.com')} หรือไลน์ {L('aor_' + d(4))}")
add("th-email", f"เมล {E('kitti [at] baanrak-solar [dot] co [dot] th')}")
add("th-email", f"อีเมลบริษัท {E('account.th' + d(2) + ' at gmail dot com')}")

c = cnmob()
add("th-abroad", f"ลูกค้าจีน เบอร์ {P('+86 ' + cnmob_sp(c))} พูดไทยไม่ได้")
c = cnmob()
add("th-abroad", f"เบอร์จีนของพี่ชาย {P('0086-' + cnmob_sp(c, '-'))}")
add("th-abroad", f"พาสปอร์ตจีน {PP('E' + d(8))} บัตรประชาชนจีน {CN(cnid_x())}")
n = my_mob()
add("th-abroad", f"ตัวแทนมาเลเซีย โทร {P(my_intl(n))}")
n = my_mob()
add("th-abroad", f"เบอร์มาเลย์ {P('0' + n[:2] + '-' + n[2:])} ค่ะ")
n = lao_mob()
add("th-abroad", f"ลูกค้าลาว เบอร์ {P('+856 ' + n[:2] + ' ' + n[2:6] + ' ' + n[6:])}")
n = lao_mob()
add("th-abroad", f"เบอร์ลาว {P('020 ' + n[2:6] + ' ' + n[6:])} (วอทส์แอป)")
n = lao_mob()
add("th-abroad", f"โทรหาที่เวียงจันทน์ {P('00856' + n)}")
n = kh_mob()
add("th-abroad", f"ช่างกัมพูชา เบอร์ {P('+855 ' + kh_sp(n))}")
n = kh_mob()
add("th-abroad", f"เบอร์เขมร {P('0' + kh_sp(n))} ค่ะ")
n = vn_mob()
add("th-abroad", f"พาร์ทเนอร์เวียดนาม โทร {P('+84 ' + vn_sp(n))}")
n = vn_mob()
add("th-abroad", f"เบอร์เวียดนาม {P('0' + vn_sp(n))}")
n = mm_mob()
add("th-abroad", f"คนงานพม่า เบอร์ {P('+95 ' + mm_sp(n))}")
n = mm_mob()
add("th-abroad", f"เบอร์พม่าค่ะ {P('09' + n[1:])}")
add("th-abroad", f"พาสปอร์ตพม่า {PP('MA' + d(6))} เบอร์ {P('+95 9' + d(9))}")
add("th-abroad", f"หนังสือเดินทางลาว {PP('P' + d(7))}")
add("th-abroad", f"พาสปอร์ตเวียดนาม {PP('C' + d(7))} ค่ะ")

add("th-money", f"โอนคืนเข้ากสิกร {B(acct_dashed())} ค่ะ")
add("th-money", f"ธนาคารกรุงเทพ เลขบัญชี {B(acct())}")
add("th-money", f"บัญชีไทยพาณิชย์ {B(acct_sp(acct()))} ชื่อสมชาย")
add("th-money", f"กรุงศรี {B(acct_dashed())}")
add("th-money", f"ออมสิน เลขที่บัญชี {B(not_luhn(12, '0'))}")
add("th-money", f"ธ.ก.ส. {B(not_luhn(12, '0'))} ค่ะ")
add("th-money", f"เลขบัญชีกรุงไทย {B(each(acct(), ' '))}")
add("th-money", f"โอนเข้า Maybank ของผม บัญชี {B(groups4(not_luhn(12, '1')))}")
add("th-money", f"บัญชี BCEL ลาว {B(not_luhn(18, '0'))}")
add("th-money", f"ตัดบัตรเครดิต {C(groups4(card('4')))} ได้ไหมคะ")
add("th-money", f"บัตร {C(groups4(card('5')).replace(' ', '-'))} หมดอายุ 09/28")
add("th-money", f"เลขบัตรเครดิต {C(thd(groups4(card('4'))))}")
add("th-money", f"พร้อมเพย์ {P(pairs(thmob(), ' '))}")

m = thmob()
add("th-addr", f"ที่อยู่ 99/123 หมู่ 5 ซอยวัดด่าน ถนนศรีนครินทร์ ต.บางเมือง อ.เมือง จ.สมุทรปราการ 10270 โทร {P(each(m, ' '))}")
m = thmob()
add("th-addr", f"ส่งของที่ 45/6 ม.2 ซ.7 ถ.รัตนาธิเบศร์ นนทบุรี 11000 เบอร์ {P(pairs(m, '-'))}")
m = thmob()
add("th-addr", f"บ้านเลขที่ 12/34 หมู่ 8 ต.หนองปรือ อ.บางละมุง ชลบุรี 20150 ติดต่อ {P(th_words(m[:3]) + ' ' + m[3:6] + ' ' + m[6:])}")
m = thmob()
add("th-addr", f"๘๘/๙ หมู่ ๑ ถนนเชียงใหม่-ลำปาง ๕๐๓๐๐ โทร {P(thd(m))}")
m = thmob()
add("th-addr", f"ติดตั้งที่ 7/77 ซอยลาดพร้าว 101 แขวงคลองจั่น กทม. 10240 เบอร์ {P(m[:3] + '.' + m[3:6] + '.' + m[6:])}")

m, t = thmob(), thid()
add("th-mix", f"ชื่อนุ่น เบอร์ {P(each(m, ' '))} เลขบัตร {T(thid_dashed(t, ' '))} อีเมล {E('noon.k' + d(2) + ' แอท gmail ดอท com')}")
m = thmob()
add("th-mix", f"ไลน์ {L('mook.' + d(4))} หรือโทร {P(pairs(m, '.'))}")
c = cnmob()
add("th-mix", f"วีแชท {W('wang_' + d(4))} เบอร์จีน {P('+86 ' + c)}")

m = thmob()
add("th-more", f"เบอร์ {P('+66 ' + m[1] + ' ' + m[2:6] + ' ' + m[6:])} ค่ะ")
add("th-more", f"อีเมล {E('pim_' + d(2) + '#hotmail.com')} นะคะ")
n = lao_mob()
add("th-more", f"เบอร์ลาว {P(thd('+856 20 ' + n[2:6] + ' ' + n[6:]))}")
add("th-more", f"บัญชีกสิกร {B(thd(acct_dashed()))}")
m = thmob()
add("th-more", f"ไลน์ไอดี {L('nong.nam' + d(2))} เบอร์ {P(th_words(m[:3]) + '-' + m[3:6] + '-' + m[6:])}")
t = thid()
add("th-more", f"เลขบัตร {T(thid_dashed(t, '/'))} เบอร์ {P(pairs(thmob(), ' '))}")
add("th-more", f"พาสปอร์ต {PP('AA' + d(7))} อีเมล {E('john.s at gmail dot com')}")
c = cnmob()
add("th-more", f"เบอร์จีน {P(zh_words(c))} (น้องเขียนเป็นภาษาจีน)")
m = thmob()
add("th-more", f"ขอโทษค่ะเบอร์ที่ถูกคือ {P(each(m, '.'))}")

neg("th-neg", f"เลขที่คำสั่งซื้อ {order_fours()} ค่ะ")
neg("th-neg", f"เลขพัสดุ Kerry KEX{d(10)}")
neg("th-neg", f"แฟลช TH{d(10)}{r.choice('ABCDEFGHJ')} ส่งแล้วค่ะ")
neg("th-neg", f"ใบแจ้งหนี้ INV-2568-{d(5)} ยอด ๑๒,๕๐๐ บาท")
neg("th-neg", "รุ่น SUN2000-5KTL-L1 ขนาด 5 kW ราคา 159,000 บาท")
neg("th-neg", "นัดช่างวันที่ 28.11.2568 เวลา 14.30 น.")
neg("th-neg", "วันที่ ๒๘/๑๑/๒๕๖๘ เวลา ๐๙.๐๐ น.")
neg("th-neg", "ค่าไฟเดือนนี้ 4,532.50 บาท ใช้ไป 812 หน่วย")
neg("th-neg", f"เลขมิเตอร์อ่านได้ {d(5)}.{d(1)} หน่วย")
neg("th-neg", "พิกัด 13.8621, 100.5144 ค่ะ")
neg("th-neg", "อัปเดตเฟิร์มแวร์เป็นเวอร์ชัน 3.2.1.8 แล้ว")
neg("th-neg", "สั่งที่ลาซาด้า ดอท co ดอท th ค่ะ")
neg("th-neg", "เว็บ www ดอท baanrak ดอท solar")
neg("th-neg", "บ้านเลขที่ 99/123 หมู่ 5 ซอย 7 ถนนสุขุมวิท แขวงบางนา 10260")
neg("th-neg", f"ใบเสนอราคาเลขที่ QT{d(8)} แผง 550 วัตต์ 18 แผง")
neg("th-neg", "แอทเซ็นทรัลเวิลด์ชั้น 3 ค่ะ เจอกันบ่ายสอง")
neg("th-neg", "ห้าสิบห้าแผง หกพันวัตต์ สองเฟส")
neg("th-neg", "แบต ๕.๑๒ kWh ราคา ๘๙,๐๐๐ บาท")
neg("th-neg", f"เลขที่ใบเสร็จ {d(3)}/{d(4)} ลงวันที่ 1/12/2568")
neg("th-neg", "อินเวอร์เตอร์โชว์ 2 3 0 โวลต์ 5 0 เฮิรตซ์")
neg("th-neg", f"รหัสสินค้า 8 85{d(1)} {d(4)} {d(4)} {d(1)}")
neg("th-neg", "ติดตั้ง 10 กิโลวัตต์ คืนทุน 5-6 ปี")
neg("th-neg", "เวลาทำการ 08.30-17.30 น. จันทร์-เสาร์")
neg("th-neg", f"เลขที่สัญญา CT-{d(4)}/{d(4)}")
neg("th-neg", "ค่าใช้จ่าย 1 2 5 , 0 0 0 บาท รวมแวต")
neg("th-neg", "ลาว 1,250,000 กีบ เท่ากับประมาณ 2,000 บาท")
neg("th-neg", "แผงโซลาร์ @ 4,500 บาท จำนวน 20 แผง")

# =============================== Chinese ===============================
c = cnmob()
add("zh-spaced", f"我的电话 {P(each(c, ' '))}")
c = cnmob()
add("zh-spaced", f"手机：{P(c[:3] + '.' + c[3:7] + '.' + c[7:])}")
c = cnmob()
add("zh-spaced", f"联系电话 {P(each(c, '.'))} 谢谢")
c = cnmob()
add("zh-spaced", f"手机号 {P(c[:3] + '/' + c[3:7] + '/' + c[7:])}")
c = cnmob()
add("zh-spaced", f"电话{P(each(c, '-'))}")
m = thmob()
add("zh-spaced", f"泰国手机 {P(pairs(m, ' '))}")
m = thmob()
add("zh-spaced", f"我在泰国的号码 {P(each(m, ' '))}")
x = cnid_x()
add("zh-spaced", f"身份证号 {CN(x[:6] + ' ' + x[6:14] + ' ' + x[14:])}")
x = cnid_x()
add("zh-spaced", f"身份证：{CN(x[:6] + '-' + x[6:14] + '-' + x[14:])}")
add("zh-spaced", f"身份证号码 {CN(fw(cnid_x()))}")
add("zh-spaced", f"证件号码：{CN(cnid(lower_x=True))}")

c = cnmob()
add("zh-words", f"电话 {P(zh_words(c[:3]) + ' ' + c[3:7] + ' ' + c[7:])}")
c = cnmob()
add("zh-words", f"手机{P(zh_words(c, yao=True))}")
c = cnmob()
add("zh-words", f"打我电话 {P(zh_words(c[:3], yao=True) + c[3:])}")
c = cnmob()
add("zh-words", f"电话：{P(fw(cnmob_sp(c, '-')))}")
c = cnmob()
add("zh-words", f"手机号码 {P(fw(c))}")
m = thmob()
add("zh-words", f"泰国电话 {P(zh_words(m))}")
m = thmob()
add("zh-words", f"泰国号码 {P(thd(dash3(m)))}")

add("zh-email", f"邮箱 {E('zhangsan' + d(3) + ' 艾特 qq 点 com')}")
add("zh-email", f"邮箱：{E('wangfang' + d(2) + '#163.com')}")
add("zh-email", f"发到 {E('lily.chen(at)126.com')} 谢谢")
add("zh-email", f"邮件 {E('liu_yang 艾特 gmail 点 com')}")
add("zh-email", f"我的邮箱是 {E('chenjie' + d(2) + ' at 163 dot com')}")
add("zh-email", f"电子邮箱 {E('zhao.min[at]foxmail[dot]com')}")
add("zh-email", f"邮箱{E('sunli' + d(4) + '＠qq．com')}")
add("zh-email", f"Email：{E('hu.jun' + d(2) + '@sina.com')}，微信 {W('hujun_' + d(3))}")

c = cnmob()
add("zh-abroad", f"国内手机 {P('+86 ' + cnmob_sp(c))}")
c = cnmob()
add("zh-abroad", f"中国号码 {P('0086 ' + cnmob_sp(c, '-'))}")
c = cnmob()
add("zh-abroad", f"电话 {P('(+86)' + c)}")
c = cnmob()
add("zh-abroad", f"联系我 {P('86-' + c)}")
n = my_mob()
add("zh-abroad", f"马来西亚电话 {P(my_intl(n))}")
n = my_mob()
add("zh-abroad", f"马来西亚手机 {P('0' + n[:2] + '-' + n[2:-4] + ' ' + n[-4:])}")
n = lao_mob()
add("zh-abroad", f"老挝电话 {P('+856 ' + n[:2] + ' ' + n[2:6] + ' ' + n[6:])}")
n = lao_mob()
add("zh-abroad", f"老挝手机 {P('020 ' + n[2:6] + ' ' + n[6:])}")
n = kh_mob()
add("zh-abroad", f"柬埔寨电话 {P('+855 ' + kh_sp(n))}")
n = kh_mob()
add("zh-abroad", f"金边的号码 {P('+855-' + n[:2] + '-' + n[2:])}")
n = vn_mob()
add("zh-abroad", f"越南电话 {P('+84 ' + vn_sp(n))}")
n = vn_mob()
add("zh-abroad", f"越南手机 {P('0' + vn_sp(n))}")
n = mm_mob()
add("zh-abroad", f"缅甸电话 {P('+95 ' + mm_sp(n))}")
n = mm_mob()
add("zh-abroad", f"缅甸工人电话 {P('0' + mm_sp(n))}")
add("zh-abroad", f"护照号 {PP('E' + d(8))}")
add("zh-abroad", f"护照 {PP('EA' + d(7))}，身份证 {CN(cnid())}")
add("zh-abroad", f"越南护照 {PP('C' + d(7))}")
add("zh-abroad", f"马来西亚护照 {PP('A' + d(8))}")

add("zh-money", f"开泰银行 {B(acct_dashed())}")
add("zh-money", f"盘谷银行账号 {B(acct())}")
add("zh-money", f"泰国汇商银行 账号：{B(acct_sp(acct()))}")
add("zh-money", f"工商银行 {B(groups4(cnacct('6222', 19)))}")
add("zh-money", f"中国银行账号 {B(cnacct('6217', 19))}")
add("zh-money", f"招商银行卡号 {B(groups4(cnacct('6225', 16)))}")
add("zh-money", f"建设银行 账号 {B(cnacct('6227', 19))} 户名 王芳")
add("zh-money", f"收款账号：{B(each(acct(), ' '))}（泰京银行）")
add("zh-money", f"信用卡号 {C(groups4(card('4')))}")
add("zh-money", f"卡号：{C(groups4(card('5')).replace(' ', '-'))}")
add("zh-money", f"银行卡 {C(fw(groups4(card('6', 16))))}")
add("zh-money", f"大城银行账户 {B(acct_dashed())}")
add("zh-money", f"马来亚银行 Maybank 账号 {B(not_luhn(12, '1'))}")

m = thmob()
add("zh-addr", f"安装地址：曼谷素坤逸路 50 巷 123/4 号，邮编 10260，电话 {P(each(m, ' '))}")
m = thmob()
add("zh-addr", f"送货到 99/12 Moo 5 Soi 7 Bang Na 10260，联系 {P(pairs(m, '-'))}")
c = cnmob()
add("zh-addr", f"地址：深圳市南山区科技园南路18号2栋1203室 518057，手机 {P(zh_words(c[:3]) + c[3:])}")
m = thmob()
add("zh-addr", f"芭提雅 88/9 Moo 1 Nong Prue 20150，电话 {P(m[:3] + '.' + m[3:6] + '.' + m[6:])}")

c = cnmob()
add("zh-mix", f"姓名 王强，电话 {P(each(c, ' '))}，身份证 {CN(cnid_x())}，邮箱 {E('wq' + d(4) + ' 艾特 qq 点 com')}")
c = cnmob()
add("zh-mix", f"微信号 {W('lihua_' + d(4))}，手机 {P(cnmob_sp(c, '.'))}")
add("zh-mix", f"LINE：{L('chen.th' + d(2))}，泰国电话 {P(pairs(thmob(), '.'))}")

c = cnmob()
add("zh-more", f"电话 {P('+86 ' + cnmob_sp(c))} / 微信同号")
c = cnmob()
add("zh-more", f"联系人：李先生 {P(cnmob_sp(c, '-'))}（微信同号）")
add("zh-more", f"泰国银行 Kasikorn 账号 {B(acct_dashed())}")
c = cnmob()
add("zh-more", f"电话号码：{P(zh_words(c[:3]) + ' ' + zh_words(c[3:7]) + ' ' + zh_words(c[7:]))}")
c = cnmob()
add("zh-more", f"手机 {P(c[:3] + ' ' + c[3:5] + ' ' + c[5:7] + ' ' + c[7:9] + ' ' + c[9:])}")
add("zh-more", f"护照 {PP('E' + d(8))}，泰国电话 {P(dash3(thmob()))}，邮箱 {E('yang.li' + d(2) + '@qq.com')}")
c = cnmob()
add("zh-more", f"座机不方便，打手机 {P(each(c, '/'))}")
add("zh-more", f"身份证 {CN(cnid_x())} 电话 {P('+86 ' + cnmob())}")
add("zh-more", f"邮箱 {E('xu_ming' + d(2) + ' 艾特 163 点 com')} 或者 {E('xuming' + d(2) + '@gmail.com')}")

neg("zh-neg", f"订单号 {order_fours()}")
neg("zh-neg", f"快递单号 SF {groups4(d(12))} {d(1)}")
neg("zh-neg", f"发票号码 {d(8)}，金额 ¥12,500.00")
neg("zh-neg", "型号 SUN2000-10KTL-M1，功率 10 kW")
neg("zh-neg", "价格 159,000 泰铢，约 32,000 元")
neg("zh-neg", "日期 2025.11.28，时间 14.30")
neg("zh-neg", "二〇二五年十一月二十八日 下午三点")
neg("zh-neg", f"电表读数 {d(5)}.{d(1)} 度")
neg("zh-neg", "坐标 22.5431, 113.9365")
neg("zh-neg", "版本 6.23.10.2，固件 V300R001C00")
neg("zh-neg", "官网 www 点 lvneng 点 com")
neg("zh-neg", "在群里艾特我一下就行")
neg("zh-neg", "逆变器显示 2 3 0 V，5 0 Hz")
neg("zh-neg", f"报价单 QT-2025-{d(4)}，合计 ¥38,900")
neg("zh-neg", "一二三四五六七八九十，数一下板子")
neg("zh-neg", "地址：曼谷素坤逸路 50 巷 123/4 号 10260")
neg("zh-neg", f"合同编号 HT/{d(4)}/{d(4)}")
neg("zh-neg", "电池 51.2V 100Ah，5.12 度电")
neg("zh-neg", f"工单 2{d(2)} {d(3)} {d(4)} 已完成")
neg("zh-neg", "营业时间 08:30-17:30，周一至周六")
neg("zh-neg", f"京东单号 JD{d(13)}")
neg("zh-neg", f"物流单号：７７{fw(d(10))}")
neg("zh-neg", "每块板 @1,150 元，共 20 块")
neg("zh-neg", "老挝基普 1,250,000，越南盾 2.5 亿")
neg("zh-neg", "安装 10 千瓦，回本 5 到 6 年")
neg("zh-neg", f"序列号 S/N {d(2)}.{d(2)}.{d(2)}.{d(4)}")
neg("zh-neg", "房间 1203，12 楼，B 座")

# Left leaking, as docs/redaction.md does not promise them: a number written one digit at a time with no
# phone word near it (`sorry typo, it's 0 . 9 . 3 …`), or after 号码 alone (an order's or an ID card's
# number is one too: `我在泰国的号码 0 9 9 …`).
KNOWN_MISS_STARTS = ("sorry typo, it's ", "我在泰国的号码 ")
write(sys.argv[1], """# Eighteenth fresh set of redaction cases (bench/gen-redact-fresh18.py), written before the
# redactor was run on it: people hiding or spelling out their values, and values from abroad, in English,
# Thai and Chinese (categories en-, th-, zh-): digits with dots, spaces, dashes or slashes between every
# digit or pair, digits said as words and mixed with digits, full-width and Thai digits, e-mail addresses
# spelled out (at/dot, (at), [at], แอท/ดอท, 艾特/点, #); +86 mobiles, Chinese IDs with their X, numbers of
# Malaysia, Laos, Cambodia, Vietnam and Myanmar with and without their code, foreigners' passports; cards
# in fours, bank accounts with the bank named in three languages; addresses with house number, moo, soi,
# road and postcode around the values. Hard negatives of the same shapes: order, invoice, tracking and
# quotation numbers, models, serials, kW, kWh and baht figures, dates and times, meter readings,
# coordinates, versions, websites spelled out, `@` for a unit price. Same format as redact.tests
# (`INPUT ⇒ EXPECTED`, `=` for unchanged); run by tests/plugins/test-redact-golden.c (test
# redact-golden-fresh18: the cases of [known-miss] are TODO while they leak) and measured by
# `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh18.tests`.
""",
      lambda text, expected: text.startswith(KNOWN_MISS_STARTS))
