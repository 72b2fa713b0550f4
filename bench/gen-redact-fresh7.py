#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh7.tests: a seventh fresh set of redaction cases, written before any
run of the redactor on it, by language: about seventy values and twenty-five hard negatives each in
English, Thai and Chinese (the categories start `en-`, `th-` and `zh-`, so that recall can be measured
per language). Customers of a solar, smart-home and IT business writing whole chat messages with the
value in the middle of what they have to say:

- phone numbers in every spelling customers use: Thai mobile and landline numbers with spaces,
  dashes, dots, `+66`, `66`, `(+66)`, `0066`, `+66 (0)`, Thai and full-width digits, spoken a digit a
  word in three languages (with `oh`, `double`, `幺`), split in pairs; Chinese mobile and landline
  numbers (`0755-`, `(021)`, `+86`, `86-`), Thai numbers in Chinese messages;
- e-mail addresses typed or hidden from robots: `at`/`dot`, `(at)`, `[dot]`, Thai `แอท`/`ดอท`/`จุด`,
  Chinese `艾特`/`点`/`#` for `@`, full-width `＠`, spaces around `@`, capitals;
- Thai IDs with and without dashes, spaces, Thai digits; Chinese IDs; passports; LINE and WeChat ids
  (`แอดไลน์`, `加微信`, `V:`, `wx：`); bank accounts with the banks' names in three languages; cards;
- names, house numbers and streets around the values, which the design leaves alone
  (docs/redaction.md, "Not covered");
- hard negatives of the same chats: model numbers (`SUN-5K-SG04`), kW and kWh, prices, dates,
  times, quantities, years, percentages, house numbers, order and invoice numbers, the business's
  URLs and hotline.

Values have valid checksums (Thai ID mod 11 with a person type 1-8, Chinese ID ISO 7064 MOD 11-2,
Luhn for cards); bank account numbers fail Luhn so that they are not also card numbers.

    bench/gen-redact-fresh7.py tests/data/redact-fresh7.tests
"""
import sys

import redact_cases
from redact_cases import B, C, CN, E, IP, L, P, PP, T, W, acct, acct_dashed, add, d, dash3, fw, groups4, luhn, neg, \
    not_luhn, sp3, start, thd, thid, thid_dashed, thmob, write

r = start(20261307)


def cnid():
    return redact_cases.cnid(["110101", "310115", "440106", "330102", "510104", "420111", "370202"], (1965, 2003))


def cnmob():
    return "1" + r.choice(["36", "38", "39", "52", "57", "58", "77", "81", "86", "88", "99"]) + d(8)


def bkk():
    return "02" + r.choice("123456789") + d(6)


def upcountry():
    return "0" + r.choice(["32", "33", "38", "43", "44", "53", "54", "74", "76", "77"]) + r.choice("2345678") + d(5)


def dots3(m):
    return m[:3] + "." + m[3:6] + "." + m[6:]


def intl(m, sep=" "):
    return "+66" + sep + m[1:3] + sep + m[3:6] + sep + m[6:]


EN = "zero one two three four five six seven eight nine".split()
TH = "ศูนย์ หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด เก้า".split()
ZH = "零一二三四五六七八九"


def en_words(m, oh=False):
    return " ".join(("oh" if oh and c == "0" else EN[int(c)]) for c in m)


def th_words(m):
    return "".join(TH[int(c)] for c in m)


def zh_words(m, yao=False):
    return "".join(("幺" if yao and c == "1" else ZH[int(c)]) for c in m)


def card(first="4", n=16):
    return luhn(first + d(n - 1 - len(first)))


# =============================== English ===============================
m = thmob()
add("en-phone", f"Hi, the installer never showed up today. Please call me back on {P(m)} asap")
m = thmob()
add("en-phone", f"my number is {P(dash3(m))}, I'm home after 6")
m = thmob()
add("en-phone", f"You can reach my husband at {P(sp3(m))} if I don't pick up")
m = thmob()
add("en-phone", f"pls whatsapp me {P(intl(m))} thanks")
m = thmob()
add("en-phone", f"Contact: {P('+66' + m[1:])} (Mr. Peter)")
m = thmob()
add("en-phone", f"call {P(dots3(m))} anytime")
m = thmob()
add("en-phone", f"My mobile is {P(m[:2] + '-' + m[2:6] + '-' + m[6:])} and my wife's is {P(dash3(thmob()))}")
m = thmob()
add("en-phone", f"number: {P('(+66) ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}")
m = thmob()
add("en-phone", f"ring me on {P('66' + m[1:])} pls, I don't have LINE")
m = thmob()
add("en-phone", f"text me at {P('+66 (0)' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}")
m = thmob()
add("en-phone", f"it's {P(en_words(m))}")
m = thmob()
add("en-phone", f"my phone number is {P(en_words(m, oh=True))}")
o = bkk()
add("en-phone", f"Our office line is {P(o[:2] + '-' + o[2:5] + '-' + o[5:])} ext 204, ask for accounting")
o = bkk()
add("en-phone", f"office tel {P('+66 2 ' + o[2:5] + ' ' + o[5:])}")
o = upcountry()
add("en-phone", f"The site in Hat Yai has a landline {P(o[:3] + ' ' + o[3:6] + ' ' + o[6:])}")
m = thmob()
add("en-phone", f"Hello, I am David from room 1204, my phone {P(m[:3] + '-' + m[3:7] + '-' + m[7:])}")
m = thmob()
add("en-phone", f"New number!! {P(m)} the old one is gone")
c = cnmob()
add("en-phone", f"I'm in Shenzhen now, call my Chinese number {P('+86 ' + c[:3] + ' ' + c[3:7] + ' ' + c[7:])}")
m = thmob()
add("en-phone", f"Phone:{P(m)}")
m = thmob()
add("en-phone", f"Please send the technician's ETA by SMS to {P('0066 ' + m[1:])}")
m = thmob()
add("en-phone", f"mob. {P(m[:2] + ' ' + m[2:4] + ' ' + m[4:6] + ' ' + m[6:8] + ' ' + m[8:])} (Jane)")
m = thmob()
add("en-phone", f"my cell {P(m[:3] + '.' + m[3:7] + '.' + m[7:])} after 5pm")
m = thmob()
add("en-phone", f"call me — {P(m[:3] + ' ' + m[3:6] + '-' + m[6:])}")

add("en-email", f"Please send the quotation to {E('mark.thompson@gmail.com')}, thanks")
add("en-email", f"my email is {E('sarah dot lee at outlook dot com')}")
add("en-email", f"email me: {E('j.wilson84@yahoo.com')}")
add("en-email", f"you can write to {E('kevin(at)brightsolar.co.th')}")
add("en-email", f"email: {E('anna.k [at] gmail [dot] com')}")
add("en-email", f"send invoice to {E('Accounts@Greenville-Homes.com')} not to me")
add("en-email", f"My e-mail {E('tom_harris99 @hotmail.com')}")
add("en-email", f"it's {E('lisa.m@protonmail.com')}.")
add("en-email", f"email {E('michael.b AT icloud DOT com')}")
add("en-email", f"contact {E('peter@smith-family.net')} or call the office")
add("en-email", f"mail: {E('r.kumar2020@gmail.com')}, cc {E('admin@kumar-trading.co.th')}")
add("en-email", f"my gmail is {E('emma.watson.bkk@gmail.com')}")
add("en-email", f"Send the warranty card to {E('chris.evans @ gmail.com')} please")

t = thid()
add("en-id", f"My Thai ID is {T(t)}, the contract is in my wife's name")
t = thid()
add("en-id", f"ID card number: {T(thid_dashed(t))}")
t = thid()
add("en-id", f"national id {T(thid_dashed(t, ' '))}")
add("en-id", f"passport no. {PP('C' + d(8))} (UK)")
add("en-id", f"My passport number is {PP('5' + d(8))}, I'm American")
add("en-id", f"Passport: {PP('AB' + d(7))} Thai")
add("en-id", f"passport {PP('E' + d(8))}, Chinese citizen")
add("en-id", f"for the permit: passport {PP('X' + d(7))}, work permit attached")

add("en-chat", f"add my LINE: {L('davidbkk77')}")
add("en-chat", f"my line id is {L('sarah_chen')}")
add("en-chat", f"LINE ID {L('mike.solar2024')} - message me there")
add("en-chat", f"line me at {L('jane_t88')}")
add("en-chat", f"WeChat: {W('kevin_zhang88')}")
add("en-chat", f"my wechat id is {W('lucy-wu1990')}")

add("en-bank", f"Refund to my Kasikorn account {B(acct_dashed())} please")
add("en-bank", f"Bangkok Bank account no. {B(acct())}, name John Miller")
add("en-bank", f"SCB {B(acct_dashed())} savings")
add("en-bank", f"please transfer the deposit back to acct {B(acct())} (Krungsri)")
add("en-bank", f"KTB account number {B(acct())}")

k = card()
add("en-card", f"Charge it to my Visa {C(groups4(k))} exp 11/27")
k = card("5" + r.choice("12345"))
add("en-card", f"card number {C(k)}")
k = card()
add("en-card", f"my credit card is {C(k[:4] + '-' + k[4:8] + '-' + k[8:12] + '-' + k[12:])}")
k = luhn("37" + d(12))
add("en-card", f"amex {C(k[:4] + ' ' + k[4:10] + ' ' + k[10:])}")
add("en-ip", f"the inverter's public IP is {IP('171.' + str(r.randint(96, 103)) + '.' + str(r.randint(0, 255)) + '.' + str(r.randint(1, 254)))}, can you remote in?")
add("en-ip", f"my router shows WAN {IP('49.' + str(r.randint(228, 231)) + '.' + str(r.randint(0, 255)) + '.' + str(r.randint(1, 254)))}")

m = thmob()
add("en-phone", f"you can call me at {P('(' + m[:3] + ') ' + m[3:6] + '-' + m[6:])}")
m = thmob()
add("en-phone", f"Please update my contact no. to {P(intl(m, '-'))}")
add("en-email", f"email is {E('dan.brown (at) gmail.com')}")
add("en-email", f"my email : {E('nick.h@yahoo.co.uk')}")
add("en-id", f"passport #{PP('AA' + d(7))}")
add("en-bank", f"UOB a/c {B(acct_dashed())}")
add("en-chat", f"text me on Line: {L('pete_thai')}")
k = card("5" + r.choice("12345"))
add("en-card", f"Mastercard {C(groups4(k))}, CVV I'll give by phone")

neg("en-neg", "I want the SUN-5K-SG04LP1 inverter with 2 x 5.12 kWh batteries")
neg("en-neg", "Is the SUN2000-10KTL-M1 better than the SUN-8K-SG01LP1?")
neg("en-neg", "How much for a 10 kW system? Your site says 289,000 THB")
neg("en-neg", "The quote says 156,500 baht incl. 7% VAT")
neg("en-neg", "Can the technician come on 12/12/2026 at 10:30?")
neg("en-neg", "Installed on 2025-03-14, warranty 10 years until 2035")
neg("en-neg", "I need 24 panels of 550W, that's 13.2 kWp")
neg("en-neg", "My order #20261127 hasn't arrived")
neg("en-neg", "invoice INV-2026-004512 is wrong, it should be 45,900")
neg("en-neg", "We live at 88/123 Moo 5, Soi 14, Bang Na, Bangkok 10260")
neg("en-neg", "battery at 87% and it still trips at 3:15 am")
neg("en-neg", "I saw it on https://www.cbluesolar.co.th/products/hybrid-8kw")
neg("en-neg", "your hotline 1111 is always busy")
neg("en-neg", "The panel is 2278 x 1134 x 35 mm, 28.9 kg")
neg("en-neg", "My bill was 4,850 baht in May and 2,310 in June")
neg("en-neg", "firmware version 1.2.103.5 after the update")
neg("en-neg", "Tracking number TH0123456789A")
neg("en-neg", "Sent 3 photos, error code F35 and F56")
neg("en-neg", "meter reading 012345 kWh on 1 Nov")
neg("en-neg", "we need 6 x 10A breakers and 50 m of 6 mm2 cable")
neg("en-neg", "the roof is 120 m2 facing south, 15 degree tilt")
neg("en-neg", "serial number SN 2304156789 on the side")
neg("en-neg", "do you have the 16 kWh LiFePO4 pack in stock? need 2 by 15 Dec")
neg("en-neg", "ROI in 4.5 years at 5.2 baht per unit")
neg("en-neg", "between 9:00-17:00 Mon-Fri, we close 12:00-13:00")
neg("en-neg", "Model DEYE SUN-12K-SG04LP3-EU, 3 phase")

# =============================== Thai ===============================
m = thmob()
add("th-phone", f"สวัสดีค่ะ ช่างยังไม่มาเลยค่ะ รบกวนโทรกลับที่เบอร์ {P(m)} ด้วยนะคะ")
m = thmob()
add("th-phone", f"เบอร์ติดต่อ {P(dash3(m))} คุณสมศักดิ์ค่ะ")
m = thmob()
add("th-phone", f"โทร {P(sp3(m))} ได้ตลอดครับ")
m = thmob()
add("th-phone", f"ติดต่อกลับ {P(thd(dash3(m)))} นะคะ")
m = thmob()
add("th-phone", f"เบอร์ผม {P(thd(m))} ครับ")
m = thmob()
add("th-phone", f"เบอร์โทรศัพท์ {P(m[:2] + '-' + m[2:6] + '-' + m[6:])}")
m = thmob()
add("th-phone", f"เบอร์มือถือ {P(dots3(m))} ค่ะ")
m = thmob()
add("th-phone", f"ถ้าโทรไม่ติดโทรหาแฟนที่ {P(intl(m))} ได้ค่ะ")
m = thmob()
add("th-phone", f"โทร.{P(m)}")
m = thmob()
add("th-phone", f"เบอร์ {P(th_words(m))} ค่ะ")
m = thmob()
add("th-phone", f"เบอร์โทร{P(th_words(m[:3]) + ' ' + m[3:])}")
o = bkk()
add("th-phone", f"ออฟฟิศเบอร์ {P(o[:2] + '-' + o[2:5] + '-' + o[5:])} ต่อ 15 ค่ะ")
o = bkk()
add("th-phone", f"เบอร์บ้าน {P(o[0] + '-' + o[1:5] + '-' + o[5:])}")
o = upcountry()
add("th-phone", f"โทรที่ร้าน {P(o[:3] + '-' + o[3:6] + '-' + o[6:])} ช่วงกลางวันค่ะ")
m = thmob()
add("th-phone", f"ผมชื่อวิชัย อยู่บ้านเลขที่ 45/7 หมู่ 2 เบอร์ {P(m)} ครับ")
m = thmob()
add("th-phone", f"ช่างโทรมาเบอร์นี้นะคะ {P(m[:3] + ' ' + m[3:7] + ' ' + m[7:])}")
m = thmob()
add("th-phone", f"เบอร์ใหม่ค่ะ {P(m)} เบอร์เดิมยกเลิกแล้ว")
m = thmob()
add("th-phone", f"โทร{P(thd(sp3(m)))}")
m = thmob()
add("th-phone", f"ติดต่อคุณแม่ {P('+66' + m[1:])} ค่ะ")
m = thmob()
add("th-phone", f"มือถือ {P(m[:4] + ' ' + m[4:7] + ' ' + m[7:])}")
m = thmob()
add("th-phone", f"เบอร์ {P(m[:3] + '-' + m[3:7] + '-' + m[7:])} หรือ {P(dash3(thmob()))} ค่ะ")
m = thmob()
add("th-phone", f"ติดต่อ {P(fw(dash3(m)))} ค่ะ")
c = cnmob()
add("th-phone", f"สามีเป็นคนจีน เบอร์จีน {P('+86 ' + c)} ค่ะ")

add("th-email", f"ส่งใบเสนอราคามาที่อีเมล {E('somsak.k@gmail.com')} ได้เลยครับ")
add("th-email", f"อีเมลค่ะ {E('nattaya_p@hotmail.com')}")
add("th-email", f"เมล {E('pornchai.w แอท gmail ดอท com')}")
add("th-email", f"อีเมล {E('kanda.s แอท hotmail.com')} ค่ะ")
add("th-email", f"อีเมล {E('jaruwan.t@gmail.com')}ค่ะ")
add("th-email", f"ส่งบิลมาที่ {E('Account@SiamHome.co.th')} นะคะ")
add("th-email", f"อีเมลผม {E('wichai_2530 @ yahoo.com')}")
add("th-email", f"อีเมล {E('ploy.s@gmail.com')} หรือ {E('ploy.work@outlook.com')} ก็ได้ค่ะ")
add("th-email", f"ขอใบกำกับภาษีส่งเมล {E('acc@baanthai-shop.com')} ด้วยค่ะ")
add("th-email", f"อีเมล์ {E('tanawat.r@gmail.com')}")
add("th-email", f"เมลนะคะ {E(fw('nok') + '＠gmail.com')}")

t = thid()
add("th-id", f"เลขบัตรประชาชน {T(t)} ค่ะ")
t = thid()
add("th-id", f"บัตรประชาชนเลขที่ {T(thid_dashed(t))}")
t = thid()
add("th-id", f"เลขประจำตัวประชาชน {T(thid_dashed(t, ' '))} ครับ")
t = thid()
add("th-id", f"เลขบัตร {T(thd(thid_dashed(t)))}")
t = thid()
add("th-id", f"ขอแก้เลขบัตรประชาชนในสัญญาเป็น {T(t)} นะคะ พิมพ์ผิดไป")
t = thid()
add("th-id", f"เลข ปชช {T(t)}")
t = thid()
add("th-id", f"สำเนาบัตร {T(thd(t))} ค่ะ")
t = thid()
add("th-id", f"บัตรปชช. {T(t[:1] + '-' + t[1:5] + '-' + t[5:10] + '-' + t[10:])}")
add("th-id", f"หนังสือเดินทางเลขที่ {PP('AA' + d(7))} ค่ะ")
add("th-id", f"พาสปอร์ตสามี {PP('5' + d(8))} (อเมริกา)")
add("th-id", f"เลขพาสปอร์ต {PP('E' + d(8))} ค่ะ")

add("th-chat", f"แอดไลน์ {L('nong_may2539')} นะคะ")
add("th-chat", f"ไลน์ไอดี {L('somchai.k')} ค่ะ")
add("th-chat", f"ไอดีไลน์ : {L('bank_1234')}")
add("th-chat", f"ทักไลน์มาที่ {L('mint_mintra')} ได้เลยค่ะ")
add("th-chat", f"ไลน์ {L('pim.ch2530')}")
add("th-chat", f"id line {L('joy_2535')}")
add("th-chat", f"ไลน์ร้าน {L('@baanrak_solar')}")
add("th-chat", f"ไลน์ผมครับ {L('tee.tanakorn')}")
add("th-chat", f"วีแชท {W('ning_1993')}")

add("th-bank", f"โอนคืนเข้าบัญชีกสิกร {B(acct_dashed())} ค่ะ")
add("th-bank", f"บัญชีไทยพาณิชย์ {B(acct())} ชื่อ นางสาวสุดา")
add("th-bank", f"เลขบัญชี {B(acct())} ธนาคารกรุงเทพ")
add("th-bank", f"กรุงไทย {B(acct_dashed())}")
add("th-bank", f"ธ.กรุงศรี {B(acct())} ค่ะ")
add("th-bank", f"ออมสิน เลขที่บัญชี {B(thd(acct()))}")
add("th-bank", f"พร้อมเพย์ {P(dash3(thmob()))} ค่ะ")
add("th-bank", f"พร้อมเพย์เลขบัตร {T(thid())}")

k = card()
add("th-card", f"ตัดบัตรเครดิต {C(groups4(k))} ได้เลยค่ะ")
k = card("5" + r.choice("12345"))
add("th-card", f"เลขบัตรเครดิต {C(k)} หมดอายุ 08/28")
k = card()
add("th-card", f"ผ่อนบัตร {C(k[:4] + '-' + k[4:8] + '-' + k[8:12] + '-' + k[12:])} 10 เดือนค่ะ")
add("th-card", f"ไอพีบ้าน {IP('58.' + str(r.randint(8, 11)) + '.' + str(r.randint(0, 255)) + '.' + str(r.randint(1, 254)))} ค่ะ")

m = thmob()
add("th-phone", f"เบอร์ {P(intl(m, '-'))} ค่ะ")
add("th-email", f"เมลล์ {E('sudarat.k@icloud.com')} ค่ะ")
add("th-chat", f"ไอดีไลน์ {L('aom_2541')} ค่ะ")

neg("th-neg", "อยากได้อินเวอร์เตอร์ SUN-5K-SG04LP1 กับแบต 5 kWh 2 ก้อนค่ะ")
neg("th-neg", "ติดตั้ง 10 kW ราคา 289,000 บาท รวม VAT 7% แล้วใช่ไหมคะ")
neg("th-neg", "นัดช่างวันที่ 15/12/2569 เวลา 09:30 น. ได้ไหมครับ")
neg("th-neg", "บ้านเลขที่ 123/45 หมู่ 6 ต.บางเมือง อ.เมือง จ.สมุทรปราการ 10270")
neg("th-neg", "ค่าไฟเดือนที่แล้ว 4,850 บาท เดือนนี้ 2,310 บาท")
neg("th-neg", "แผง 550 วัตต์ 24 แผง รวม 13.2 กิโลวัตต์")
neg("th-neg", "เลขที่คำสั่งซื้อ 2611270045 ยังไม่ได้ของเลยค่ะ")
neg("th-neg", "ใบแจ้งหนี้ INV-2569-00871 ยอด 45,900 บาท")
neg("th-neg", "แบตเหลือ 15% ตอนตี 3")
neg("th-neg", "ดูจากเว็บ https://www.cbluesolar.co.th/th/promotion ค่ะ")
neg("th-neg", "ติดตั้งเมื่อปี 2567 ประกัน 10 ปี")
neg("th-neg", "ขนาดหลังคา 80 ตร.ม. หันทิศใต้")
neg("th-neg", "สั่งเบรกเกอร์ 6 ตัว สายไฟ 50 เมตร")
neg("th-neg", "หมายเลขมิเตอร์ 0123456789 ค่ะ")
neg("th-neg", "รุ่น SUN2000-10KTL-M1 กับ LUNA2000-5-S0 ต่างกันยังไงคะ")
neg("th-neg", "ขึ้น error F35 วันที่ 3 พ.ย. เวลา 14:20")
neg("th-neg", "โทรไปคอลเซ็นเตอร์ 1111 แล้วไม่มีคนรับ")
neg("th-neg", "ผ่อน 0% 10 เดือน เดือนละ 28,900 บาท")
neg("th-neg", "เลขพัสดุ TH0123456789A ค่ะ")
neg("th-neg", "ซอย 12 ถนนสุขุมวิท 101 เขตพระโขนง")
neg("th-neg", "ผลิตไฟได้ ๓๒.๕ หน่วยต่อวัน")
neg("th-neg", "อยากได้ 3 เฟส 15 kW ใช้แอร์ 4 ตัว")
neg("th-neg", "รหัสไปรษณีย์ 50200 ค่ะ")
neg("th-neg", "ชำระแล้ว 15,000 บาท เมื่อ 27/11/2569 เวลา 13:45")
neg("th-neg", "เฟิร์มแวร์เวอร์ชัน 2.1.0.36 ค่ะ")
neg("th-neg", "คืนทุนประมาณ 5 ปี ค่าไฟหน่วยละ 4.18 บาท")

# =============================== Chinese ===============================
c = cnmob()
add("zh-phone", f"你好，师傅今天没来，请打我电话 {P(c)}")
c = cnmob()
add("zh-phone", f"我的手机号是{P(c[:3] + '-' + c[3:7] + '-' + c[7:])}，下午都在")
c = cnmob()
add("zh-phone", f"联系方式：{P(c[:3] + ' ' + c[3:7] + ' ' + c[7:])}（王先生）")
c = cnmob()
add("zh-phone", f"手机{P(fw(c))}")
c = cnmob()
add("zh-phone", f"电话 {P('+86 ' + c)}")
c = cnmob()
add("zh-phone", f"打这个号码 {P('86-' + c)} 也行")
c = cnmob()
add("zh-phone", f"我电话是{P(zh_words(c, yao=True))}")
c = cnmob()
add("zh-phone", f"号码{P(zh_words(c[:3]) + c[3:])}")
add("zh-phone", f"公司座机 {P('0755-' + r.choice('2368') + d(7))}，找财务")
add("zh-phone", f"办公室电话 {P('(021) ' + r.choice('56') + d(7))}")
add("zh-phone", f"固话{P('010-' + r.choice('68') + d(7))}")
m = thmob()
add("zh-phone", f"我在泰国的手机是 {P(m)}")
m = thmob()
add("zh-phone", f"泰国号码 {P(intl(m))}，微信打不通就打这个")
m = thmob()
add("zh-phone", f"请师傅来之前打 {P(dash3(m))}")
c = cnmob()
add("zh-phone", f"我是张伟，住在12栋803，电话{P(c)}")
c = cnmob()
add("zh-phone", f"新号码：{P(c)}，旧的停机了")
c = cnmob()
add("zh-phone", f"请联系{P(c)}或者{P(cnmob())}")
c = cnmob()
add("zh-phone", f"手机号码 {P(c[:3] + '.' + c[3:7] + '.' + c[7:])}")
m = thmob()
add("zh-phone", f"泰国电话：{P('0066-' + m[1:3] + '-' + m[3:6] + '-' + m[6:])}")
c = cnmob()
add("zh-phone", f"有问题call我 {P(c)}")
c = cnmob()
add("zh-phone", f"电话：{P('+86 ' + c[:3] + '-' + c[3:7] + '-' + c[7:])}")
c = cnmob()
add("zh-phone", f"联系人李女士 {P(c)}")

add("zh-email", f"报价单发到我邮箱 {E('zhangwei@163.com')}")
add("zh-email", f"邮箱：{E('liu.yang88@qq.com')}")
add("zh-email", f"我的邮箱是 {E('wangfang2020#126.com')}")
add("zh-email", f"邮箱 {E('chenjie' + r.choice('123') + d(3) + '＠qq.com')}")
add("zh-email", f"邮件请发 {E('li_na@sina.com')}，谢谢")
add("zh-email", f"邮箱 {E('zhaolei at 163 dot com')}")
add("zh-email", f"发到 {E('Service@GreenEnergy-sz.com')} 就可以")
add("zh-email", f"email：{E('huang.min@outlook.com')}")
add("zh-email", f"邮箱{E(d(10) + '@qq.com')}")
add("zh-email", f"我的邮箱 {E('sunhao1988 @ 126.com')}")
add("zh-email", f"邮箱地址是{E('xu_jing@foxmail.com')}，发票也发这里")

add("zh-id", f"身份证号 {CN(cnid())}")
add("zh-id", f"我的身份证是{CN(cnid())}")
t = cnid()
add("zh-id", f"身份证：{CN(t[:6] + ' ' + t[6:14] + ' ' + t[14:])}")
add("zh-id", f"合同上的身份证号码写错了，应该是 {CN(cnid())}")
add("zh-id", f"身份证号码{CN(fw(cnid()))}")
add("zh-id", f"护照号 {PP('E' + d(8))}")
add("zh-id", f"护照号码：{PP('EA' + d(7))}")
add("zh-id", f"我老公的护照 {PP('E' + d(8))}")
add("zh-id", f"泰国身份证 {T(thid_dashed(thid()))}")

add("zh-chat", f"加我微信 {W('zhangwei_1988')}")
add("zh-chat", f"微信号：{W('liuyang-sz')}")
add("zh-chat", f"我微信是 {W('wxid_8k2m9d3f')}")
add("zh-chat", f"VX：{W('chen_jie520')}")
add("zh-chat", f"微信 {W('hao_sun2021')}，备注太阳能")
add("zh-chat", f"wx：{W('mei_bkk88')}")
add("zh-chat", f"V信 {W('Wang_Lei_99')}")
add("zh-chat", f"微信同手机号 {P(cnmob())}")
add("zh-chat", f"我的LINE是 {L('linda_zh')}")
add("zh-chat", f"line id：{L('wang.bkk')}")

add("zh-bank", f"退款到我的工商银行账号 {B(not_luhn(19, '6'))}")
add("zh-bank", f"开户行：中国银行 账号：{B(not_luhn(17, '4'))}")
add("zh-bank", f"泰国开泰银行账户 {B(acct_dashed())}")
add("zh-bank", f"收款账号{B(not_luhn(16, '6'))}，户名刘洋")
add("zh-bank", f"转账到盘古银行 {B(acct())}")
add("zh-bank", f"招商银行 {B(not_luhn(16, '6'))}")

k = card()
add("zh-card", f"信用卡号 {C(groups4(k))}")
k = card("5" + r.choice("12345"))
add("zh-card", f"刷我的卡 {C(k)} 就行")
k = luhn("62" + d(15))
add("zh-card", f"银联信用卡 {C(k[:4] + ' ' + k[4:8] + ' ' + k[8:12] + ' ' + k[12:16] + ' ' + k[16:])}")
add("zh-card", f"我家的公网IP是 {IP('110.' + str(r.randint(164, 171)) + '.' + str(r.randint(0, 255)) + '.' + str(r.randint(1, 254)))}")

c = cnmob()
add("zh-phone", f"我电话 {P('(+86)' + c)}")
add("zh-phone", f"杭州办公室 {P('0571-8' + d(7))}")
m = thmob()
add("zh-phone", f"泰国手机 {P(sp3(m))}")
add("zh-email", f"邮箱 {E('zhoumin88 艾特 qq.com')}")
add("zh-chat", f"加个微信吧 {W('lisa_chen0618')}")
add("zh-bank", f"建设银行账号 {B(not_luhn(19, '6'))}")
add("zh-id", f"身份证 {CN(redact_cases.cnid(['440301'], (1975, 2000), lower_x=True))}")

neg("zh-neg", "我想要 SUN-5K-SG04LP1 逆变器，配两块 5.12 kWh 电池")
neg("zh-neg", "10千瓦的系统多少钱？网上写的是 289,000 泰铢")
neg("zh-neg", "师傅能不能 12月15日 上午10:30 来？")
neg("zh-neg", "2025年3月14日安装的，质保10年")
neg("zh-neg", "订单号 202611270045 还没发货")
neg("zh-neg", "发票号码 04400123456789 金额不对")
neg("zh-neg", "电池只剩 15%，凌晨3点就没电了")
neg("zh-neg", "我住在深圳市南山区科技园路88号3栋1201")
neg("zh-neg", "24块550瓦的板子，一共13.2千瓦")
neg("zh-neg", "电费每月大概 4850 泰铢")
neg("zh-neg", "在官网 https://www.cbluesolar.com/zh/products 看到的")
neg("zh-neg", "SUN2000-10KTL-M1 和 LUNA2000-5-S0 有什么区别？")
neg("zh-neg", "报错代码 F35，时间 2026-11-03 14:20")
neg("zh-neg", "屋顶面积 120 平方米，朝南")
neg("zh-neg", "需要 6 个 32A 断路器和 50 米电缆")
neg("zh-neg", "快递单号 SF1234567890123 查不到")
neg("zh-neg", "固件版本 3.2.10.5")
neg("zh-neg", "电表读数 012345 度")
neg("zh-neg", "首付 30%，分 12 期，每期 8,900 元")
neg("zh-neg", "邮编 518057")
neg("zh-neg", "客服热线 400-820-8820 一直占线")
neg("zh-neg", "我要3相 15kW 的，家里有4台空调")
neg("zh-neg", "大概5年回本，电价 4.18 泰铢一度")
neg("zh-neg", "序列号 SN 2304156789")
neg("zh-neg", "工作时间 9:00-18:00，周一到周五")
neg("zh-neg", "合同编号 HT-2026-001234")

# Missed when the set was first measured are kept (and measured) as TODO cases until a general
# rule finds them (docs/redaction.md, the seventh fresh set): the six blind misses are all found now.
KNOWN_MISS_STARTS = ()
write(sys.argv[1], """# Seventh fresh set of redaction cases (bench/gen-redact-fresh7.py), written before the redactor was
# run on it: about seventy values and twenty-five hard negatives per language (categories en-, th-,
# zh-). Whole chat messages with the value in the middle: phone numbers in every spelling (spaces,
# dashes, dots, +66 / 66 / (+66) / 0066 / +66 (0), Thai and full-width digits, spoken a digit a word
# in three languages, Chinese mobiles and landlines), e-mail addresses typed or hidden (at / dot,
# (at), [dot], แอท / ดอท, #, ＠, spaces around @), Thai and Chinese IDs, passports, LINE and WeChat ids,
# bank accounts after the banks' names, cards; names and house numbers around them stay (not in
# scope); hard negatives of the same chats (models such as SUN-5K-SG04LP1, kW, prices, dates, times,
# quantities, years, percentages, order and invoice numbers, the business's URLs and hotline). Same
# format as redact.tests (`INPUT ⇒ EXPECTED`, `=` for unchanged); run by
# tests/plugins/test-redact-golden.c (test redact-golden-fresh7: the cases of [known-miss] are TODO
# while they leak) and measured by `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh7.tests`.
""",
      lambda text, expected: text.startswith(KNOWN_MISS_STARTS))
