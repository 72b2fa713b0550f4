#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh9.tests: a ninth fresh set of redaction cases, written before any
run of the redactor on it, in a style the earlier sets had little of: numbers written in words or
half in words, and values as customers paste or shout them. By language, about sixty messages with
values and twenty-five hard negatives each in English, Thai and Chinese (categories `en-`, `th-`,
`zh-`):

- phone numbers said a digit a word, as docs/redaction.md promises (`phone-spoken`): English with
  `oh` and `zero`, in capitals too, Thai (`ศูนย์แปดหนึ่ง…`), Chinese (`零八一…`, `幺` for one, `两`
  for two), half said and half written, with commas or dashes between the groups; Thai digits
  (`๐๘๑`); one digit at a time near a phone word; extensions after the number (`ext 22`, `转 8021`);
- e-mail addresses in Thai or Chinese text with a full-width `＠` and full-width dots `．`, in angle
  brackets, after `mailto:`, in quotes, in capitals;
- IDs as pasted from a document (a Thai ID `1 2345 67890 12 3`, one digit at a time, a Chinese ID
  ending in `X`), cards in fours and Amex's 4-6-5, bank accounts after Thai and Chinese banks'
  names and abbreviations (กสิกร, ไทยพาณิชย์, SCB, KBank, BBL, 工商银行) with the `xxx-x-xxxxx-x`
  dashes, passports, LINE and WeChat ids with an emoji or Thai text right before or after;
- a value at the very start or the very end of a message, the same value twice in one message,
  messages in capitals;
- hard negatives: prices and quantities in words (`twenty five thousand baht`, `สองหมื่นห้า`,
  `两万五`), counting, models with words, Buddhist-era dates, times (`08.30`), versions, rooms and
  floors, percentages, seven-digit serials and other numbers too short or too long for a phone
  number in a product's context, bank names without a number.

Left out because docs/redaction.md does not promise them (its "Not covered"): numbers said other
than one digit a word (`double five`, `oh eight one, double two`, `สามสิบ`, 八百), numbers with
words between their groups (`081 and then 234 5678`), a Thai ID, card or account said in words.
They are not made negatives either: the design does not say they must stay.

Values have valid checksums (Thai ID mod 11 with a person type 1-8, Chinese ID ISO 7064 MOD 11-2,
Luhn for cards); bank account numbers fail Luhn so that they are not also card numbers.

    bench/gen-redact-fresh9.py tests/data/redact-fresh9.tests
"""
import sys

import redact_cases
from redact_cases import B, C, CN, E, IP, L, P, PP, T, W, acct, acct_dashed, add, d, dash3, groups4, luhn, neg, \
    not_luhn, sp3, start, thd, thid, thid_dashed, thmob, write

r = start(20261309)

EN = "zero one two three four five six seven eight nine".split()
TH = "ศูนย์ หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด เก้า".split()
ZH = "零一二三四五六七八九"
FWD = {c: chr(ord(c) + 0xFEE0) for c in "@."}


def en(s, oh=True, sep=" "):
    """@s said a digit a word in English, zero as `oh` when @oh."""
    return sep.join(("oh" if oh else "zero") if c == "0" else EN[int(c)] for c in s)


def th(s, sep=""):
    return sep.join(TH[int(c)] for c in s)


def zh(s, yao=False, liang=False):
    return "".join("幺" if yao and c == "1" else "两" if liang and c == "2" else ZH[int(c)] for c in s)


def fwmail(s, dots=True):
    """An address with a full-width `＠` and, with @dots, full-width dots, as a Thai or Chinese
    keyboard left in full-width mode gives."""
    return "".join(FWD[c] if c == "@" or (dots and c == ".") else c for c in s)


def cnid():
    return redact_cases.cnid(["110105", "310104", "440305", "330106", "510107", "320102", "350203"], (1965, 2003))


def cnid_x():
    while True:
        t = cnid()
        if t.endswith("X"):
            return t


def cnmob():
    return "1" + r.choice(["35", "36", "38", "39", "50", "52", "58", "77", "86", "88", "89", "99"]) + d(8)


def cnmob_sp(c, sep=" "):
    return c[:3] + sep + c[3:7] + sep + c[7:]


def bkk():
    return "02" + r.choice("123456789") + d(6)


def card(first="4", n=16):
    return luhn(first + d(n - 1 - len(first)))


def amex():
    return card(r.choice(["34", "37"]), 15)


def amex_sp(k):
    return k[:4] + " " + k[4:10] + " " + k[10:]


def unionpay():
    return card("62" + r.choice("2589"), 16)


def thid_sp(t):
    return thid_dashed(t, " ")


def each(s):
    return " ".join(s)


def ip4():
    return "%d.%d.%d.%d" % (r.choice([49, 58, 110, 171, 182, 203]), r.randint(0, 255), r.randint(0, 255),
                            r.randint(1, 254))


# =============================== English ===============================
m = thmob()
add("en-said", f"hi, my number is {P(en(m))}")
m = thmob()
add("en-said", f"call me back on {P(en(m, oh=False))} please")
m = thmob()
add("en-said", f"phone {P(en(m[:3]) + ', ' + en(m[3:6]) + ', ' + en(m[6:]))}, any time after 10")
m = thmob()
add("en-said", f"my mobile is {P(en(m[:3]) + ' ' + m[3:6] + ' ' + m[6:])} thanks")
m = thmob()
add("en-said", f"you can reach me at {P(m[:3] + ' ' + en(m[3:]))}")
m = thmob()
add("en-said", f"MY PHONE NUMBER IS {P(en(m).upper())}")
o = bkk()
add("en-said", f"the office line is {P(en(o))}, ask for Khun Dao")
m = thmob()
add("en-said", f"{P(en(m))} that's my cell, text me")
m = thmob()
add("en-said", f"whatsapp me on {P(en(m[:3], oh=False) + '-' + m[3:6] + '-' + m[6:])}")
c = cnmob()
add("en-said", f"my Chinese number is {P(en(c))}")
m = thmob()
add("en-said", f"ok so the number is {P(en(m[:2]) + ' ' + en(m[2]) + ' ' + m[3:])} got it?")
m = thmob()
add("en-said", f"Call {P(en(m))} or {P(en(m))} again if no answer")

m = thmob()
add("en-spaced", f"call me at {P(each(m))}")
m = thmob()
add("en-spaced", f"Phone: {P(m[:2] + ' ' + m[2:5] + ' ' + m[5:7] + ' ' + m[7:])}")
m = thmob()
add("en-spaced", f"my mobile {P(m[:4] + ' ' + m[4:7] + ' ' + m[7:])} (AIS)")
o = bkk()
add("en-spaced", f"Tel {P(o[:2] + ' ' + o[2:5] + ' ' + o[5:])} ext 22")
m = thmob()
add("en-spaced", f"Office {P(dash3(m))} ext. 105, mobile {P(sp3(thmob()))}")
m = thmob()
add("en-spaced", f"{P(sp3(m))} is my number, {P(sp3(m))} again in case it got cut")
m = thmob()
add("en-spaced", f"CALL ME ON {P(dash3(m))} PLEASE, IT IS URGENT")
m = thmob()
add("en-spaced", f"thanks for the quote, I will decide tomorrow. Tel {P('+66 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}")

add("en-email", f"Please reply to <{E('john.smith88@gmail.com')}>")
add("en-email", f"my email: mailto:{E('nina.k@outlook.com')}")
add("en-email", f'my email is "{E("peter.wong@siamsolar.co.th")}"')
add("en-email", f"EMAIL ME AT {E('DAVID.LEE2020@YAHOO.COM')} ASAP")
add("en-email", f"{E('kate.b@icloud.com')} is my email, or {E('kate.b@icloud.com')} for the invoice too")
add("en-email", f"Send it to 'accounts@greenroof.co.th' and cc <{E('mark.t@greenroof.co.th')}>".replace(
    "'accounts@greenroof.co.th'", "'" + E('accounts@greenroof.co.th') + "'"))
add("en-email", f"my mail (use this one): {E('sam_p1985@hotmail.com')}")
add("en-email", f"Contact: Anna <{E('anna.w@wright-family.net')}>, thanks")
add("en-email", f"the address is [{E('tom.h@protonmail.com')}]")
add("en-email", f"Email {E('liam@voltgrid.io')}")

t = thid()
add("en-id", f"my Thai ID is {T(thid_sp(t))}")
t = thid()
add("en-id", f"ID card number {T(each(t))}")
t = thid()
add("en-id", f"{T(thid_dashed(t))} is my ID card no., please check")
t = cnid_x()
add("en-id", f"Chinese ID {CN(t)} (my wife's)")
add("en-id", f"PASSPORT NO. {PP('AA' + d(7))}")
add("en-id", f"passport number: {PP('5' + d(8))}, nationality US")
add("en-id", f"my passport {PP('C' + d(8))} expires next year")

k = card()
add("en-card", f"card number {C(groups4(k))}")
k = amex()
add("en-card", f"my amex is {C(amex_sp(k))}, exp 04/29")
k = card("5" + r.choice("1234"))
add("en-card", f"CREDIT CARD {C(groups4(k))} WAS CHARGED TWICE")
k = card()
add("en-card", f"charge it to {C(groups4(k))}")

add("en-bank", f"KBank {B(acct_dashed())}, name Peter Holm")
add("en-bank", f"please refund to SCB account {B(acct())}")
add("en-bank", f"BBL a/c {B(acct_dashed())}")
add("en-bank", f"Bangkok Bank savings {B(acct_dashed())} or Krungsri {B(acct())}")

add("en-chat", f"add my line id: {L('nok_2536')} 🙏")
add("en-chat", f"LINE ID: {L('mike_th99')}😊 thanks")
add("en-chat", f"wechat: {W('lily_0808')} 👍")
add("en-chat", f"LINE ID {L('JOHNNY_BKK88')}")
add("en-chat", f"my line is 👉 {L('pim.ch2020')}")
add("en-chat", f"line id: {L('somchai_88')} or line id: {L('somchai_88')} (same)")
add("en-chat", f"router public ip {IP(ip4())} if you need it")

add("en-multi", f"MY EMAIL IS {E('SARAH.J@GMAIL.COM')} AND PHONE {P(sp3(thmob()))}")
m = thmob()
add("en-multi", f"Number: {P(en(m, oh=False))}.")
o = bkk()
add("en-multi", f"reach me on {P(en(o[:2]) + ', ' + en(o[2:5]) + ', ' + en(o[5:]))}")
add("en-multi", f"LINE: {L('@sunnyhome_th')} 😊")
t = thid()
add("en-multi", f"Thai ID: {T(t)} (no dashes)")
k = amex()
add("en-multi", f"amex {C(amex_sp(k))} please")
add("en-multi", f"passport {PP(d(2) + 'AB' + d(5))} (French)")
o = bkk()
add("en-multi", f"PLEASE CALL {P(o[:2] + ' ' + o[2:5] + ' ' + o[5:])} BEFORE 5PM")
add("en-multi", f"email <{E('jake.m@fastmail.com')}> phone {P(dash3(thmob()))}")

neg("en-neg", "the whole system is twenty five thousand baht, right?")
neg("en-neg", "I need twelve panels and two inverters")
neg("en-neg", "one two three four five six seven eight nine ten, counting the boxes")
neg("en-neg", "model SUN 5K SG04 with the three phase option")
neg("en-neg", "installed on 15 Dec 2568, warranty to 2578")
neg("en-neg", "technician arrives at 08.30, leaves at 17.00")
neg("en-neg", "app version 2.0.1 keeps crashing")
neg("en-neg", "room 1204 on floor 12, building B")
neg("en-neg", "efficiency went from 21.5% to 18.2%")
neg("en-neg", "serial 4471823 on the battery label")
neg("en-neg", "the meter shows 00123456789012 kWh total")
neg("en-neg", "Do you accept KBank or SCB transfers?")
neg("en-neg", "PRICE IS 189,000 BAHT INCLUDING VAT")
neg("en-neg", "two hundred and fifty watts each, forty panels")
neg("en-neg", "ORDER NO. 2611270045 HAS NOT ARRIVED")
neg("en-neg", "invoice INV-2026-08123, due 30 days")
neg("en-neg", "I was born in nineteen eighty five")
neg("en-neg", "part no 2233 4455 66 for the bracket")
neg("en-neg", "we are on the eighth floor, unit eight oh two")
neg("en-neg", "the inverter shows error 1234567 after reboot")
neg("en-neg", "five kilowatt system, about one hundred ninety thousand")
neg("en-neg", "firmware 3.10.2.1 fixed it")
neg("en-neg", "open 9 to 5, Monday to Saturday")
neg("en-neg", "tracking number TH0123456789012 with Kerry")
neg("en-neg", "Bangkok Bank branch at floor 3 of Central")

# =============================== Thai ===============================
m = thmob()
add("th-said", f"เบอร์ผม {P(th(m))} ครับ")
m = thmob()
add("th-said", f"โทรมาที่{P(th(m))}นะคะ")
m = thmob()
add("th-said", f"เบอร์ {P(th(m[:3]) + ' ' + th(m[3:6]) + ' ' + th(m[6:]))} ค่ะ")
m = thmob()
add("th-said", f"เบอร์ติดต่อ {P(th(m[:3]) + ' ' + m[3:6] + ' ' + m[6:])}")
m = thmob()
add("th-said", f"{P(th(m))} เบอร์นี้นะครับ")
o = bkk()
add("th-said", f"เบอร์ออฟฟิศ {P(th(o))} ต่อ 12")
m = thmob()
add("th-said", f"โทร {P(m[:3] + ' ' + th(m[3:]))} ได้เลย")
m = thmob()
add("th-said", f"ติดต่อกลับ{P(th(m))}")
c = cnmob()
add("th-said", f"เบอร์จีนของสามี {P(th(c))}")
m = thmob()
add("th-said", f"เบอร์ {P(th(m))} หรือ {P(th(m))} ซ้ำนะคะ เผื่อไม่ได้ยิน")

m = thmob()
add("th-thd", f"เบอร์โทร {P(thd(dash3(m)))}")
m = thmob()
add("th-thd", f"โทร.{P(thd(m))} ค่ะ")
m = thmob()
add("th-thd", f"{P(thd(sp3(m)))} เบอร์ผมครับ")
m = thmob()
add("th-thd", f"มือถือ {P(thd(m[:3]) + '-' + m[3:6] + '-' + m[6:])}")
t = thid()
add("th-thd", f"เลขบัตรประชาชน {T(thd(thid_dashed(t)))}")

m = thmob()
add("th-spaced", f"เบอร์โทร {P(each(m))}")
m = thmob()
add("th-spaced", f"เบอร์ {P(m[:2] + ' ' + m[2:5] + ' ' + m[5:7] + ' ' + m[7:])} ค่ะ")
o = bkk()
add("th-spaced", f"โทร {P(o[:2] + '-' + o[2:5] + '-' + o[5:])} ต่อ 305")
m = thmob()
add("th-spaced", f"{P(dash3(m))} ติดต่อได้ตลอด")
m = thmob()
add("th-spaced", f"สนใจติดโซลาร์ค่ะ รบกวนโทรกลับ {P(sp3(m))}")
m = thmob()
add("th-spaced", f"เบอร์{P(m)}ค่ะ👍")

add("th-email", f"อีเมล {E(fwmail('somchai.k@gmail.com'))} ครับ")
add("th-email", f"ส่งมาที่{E(fwmail('nok_2536@hotmail.com'))}นะคะ")
add("th-email", f"อีเมลค่ะ {E(fwmail('pim.r@siamsolar.co.th', dots=False))}")
add("th-email", f"เมล <{E('kanya.s@outlook.co.th')}> ค่ะ")
add("th-email", f"อีเมล \"{E('tee.tanakorn@gmail.com')}\" นะครับ")
add("th-email", f"mailto:{E('sales@baanrak.co.th')} ติดต่อฝ่ายขาย")
add("th-email", f"{E('wanchai.p@yahoo.com')} อีเมลผมครับ")
add("th-email", f"อีเมล {E('mint.k@gmail.com')} ถ้าไม่ได้ส่งมาที่ {E('mint.k@gmail.com')} อีกรอบนะ")
add("th-email", f"ส่งใบเสนอราคามาที่ {E(fwmail('PORNCHAI.S@GMAIL.COM'))}")
add("th-email", f"อีเมลบริษัท「{E('info@greenhome.in.th')}」ค่ะ")

t = thid()
add("th-id", f"เลขบัตรประชาชน {T(thid_sp(t))}")
t = thid()
add("th-id", f"เลขบัตร {T(each(t))} ค่ะ")
t = thid()
add("th-id", f"บัตรประชาชนเลขที่{T(thid_dashed(t))}")
t = thid()
add("th-id", f"{T(t)} เลขบัตรประชาชนผมครับ")
add("th-id", f"หนังสือเดินทาง {PP('AA' + d(7))}")
add("th-id", f"เลขพาสปอร์ต {PP('T' + d(7))} ค่ะ")

add("th-bank", f"กสิกร {B(acct_dashed())} ชื่อบัญชี สมชาย")
add("th-bank", f"โอนเข้าไทยพาณิชย์ {B(acct())} ได้เลยค่ะ")
add("th-bank", f"บัญชี SCB {B(acct_dashed())}")
add("th-bank", f"KBank {B(acct())} นะครับ")
add("th-bank", f"ธ.กรุงเทพ (BBL) {B(acct_dashed())}")
add("th-bank", f"คืนเงินเข้าบัญชีกรุงไทย{B(acct_dashed())}ค่ะ")
add("th-bank", f"ธนาคารกสิกรไทย เลขที่บัญชี {B(acct())}")

k = card()
add("th-card", f"บัตรเครดิต {C(groups4(k))}")
k = amex()
add("th-card", f"ตัดบัตร amex {C(amex_sp(k))} ค่ะ")

add("th-chat", f"ไลน์ {L('somchai_88')} นะคะ")
add("th-chat", f"แอดไลน์มาค่ะ👉{L('nok.2536')}")
add("th-chat", f"ไอดีไลน์ {L('mint_k99')}🙏")
add("th-chat", f"ไลน์ผม {L('tee_tanakorn')} ครับ")
add("th-chat", f"LINE ID: {L('PIM_2540')} ค่ะ")
add("th-chat", f"วีแชท {W('wang_li88')} ค่ะ")
add("th-chat", f"ไลน์ {L('benz_1205')} เบอร์ {P(thmob())}")
add("th-chat", f"ไอพีเครื่อง {IP(ip4())} ค่ะ")

m = thmob()
add("th-multi", f"เบอร์{P(th(m[:3]) + ' ' + m[3:6] + ' ' + m[6:])}ค่ะ")
add("th-multi", f"อีเมล：{E(fwmail('jaidee.s@gmail.com'))}")
add("th-multi", f"ไลน์ไอดี：{L('ploy_2539')} 😊")
add("th-multi", f"เลขบัญชี {B(acct_dashed())} กสิกรไทย ชื่อ วิภา")
t = thid()
add("th-multi", f"เลขบัตรประชาชน {T(t)} ค่ะ เลขบัตรประชาชน {T(t)} ถูกไหมคะ")
m = thmob()
add("th-multi", f"โทร {P(thd(each(m)))}")
add("th-multi", f"วีแชทผม {W('lee_kh99')}")
k = card()
add("th-multi", f"บัตรเครดิต {C(groups4(k))} หมดอายุ 09/28")

neg("th-neg", "ราคาทั้งระบบสองหมื่นห้าพันบาทใช่ไหมคะ")
neg("th-neg", "สองหมื่นห้า ลดได้อีกไหม")
neg("th-neg", "ต้องการแผงสิบสองแผง อินเวอร์เตอร์สองตัว")
neg("th-neg", "ติดตั้งวันที่ 15 ธ.ค. 2568 ประกันถึงปี 2578")
neg("th-neg", "ช่างมาเวลา 08.30 น. เสร็จประมาณ 16.00 น.")
neg("th-neg", "แอปเวอร์ชัน 2.0.1 เปิดไม่ได้")
neg("th-neg", "ห้อง 1204 ชั้น 12 อาคารบี")
neg("th-neg", "ประสิทธิภาพลดลง 15% จากปีที่แล้ว")
neg("th-neg", "ซีเรียลแบต 4471823 ค่ะ")
neg("th-neg", "รุ่น SUN 5K SG04 แบบสามเฟส")
neg("th-neg", "โอนผ่านกสิกรได้ไหมคะ หรือไทยพาณิชย์")
neg("th-neg", "ค่าไฟเดือนที่แล้ว ๓,๕๐๐ บาท")
neg("th-neg", "หนึ่งสองสามสี่ห้าหกเจ็ดแปดเก้าสิบ นับกล่องครบแล้ว")
neg("th-neg", "รออีกสองสามวันได้ค่ะ")
neg("th-neg", "เลขที่คำสั่งซื้อ 2611270045 ยังไม่ได้ของ")
neg("th-neg", "บ้านเลขที่ 99/123 หมู่ 4 ต.บางพูด")
neg("th-neg", "วันที่ ๑๕/๑๒/๒๕๖๘ เวลา ๐๙.๓๐ น.")
neg("th-neg", "ขนาดห้ากิโลวัตต์ ราคาหนึ่งแสนเก้าหมื่น")
neg("th-neg", "เลขมิเตอร์ 12345678 ค่ะ")
neg("th-neg", "โค้ดส่วนลด SOLAR2026 ลด 10%")
neg("th-neg", "ผ่อน 0% 10 เดือน เดือนละ 9,900")
neg("th-neg", "ธนาคารกรุงเทพสาขาเซ็นทรัลชั้น 3")
neg("th-neg", "เบอร์ติดต่อบริษัท 1111 กด 2")
neg("th-neg", "พิกัด 13.7563, 100.5018")
neg("th-neg", "เลขพัสดุ TH0123456789012 ของ Kerry")

# =============================== Chinese ===============================
c = cnmob()
add("zh-said", f"我的电话是{P(zh(c))}")
c = cnmob()
add("zh-said", f"手机{P(zh(c, yao=True))}，谢谢")
c = cnmob()
add("zh-said", f"电话 {P(zh(c[:3], yao=True) + ' ' + zh(c[3:7], yao=True) + ' ' + zh(c[7:], yao=True))}")
c = cnmob()
add("zh-said", f"打这个号码：{P(zh(c, yao=True, liang=True))}")
c = cnmob()
add("zh-said", f"手机号 {P(zh(c[:3]) + ' ' + c[3:7] + ' ' + c[7:])}")
c = cnmob()
add("zh-said", f"{P(zh(c))}是我的手机")
m = thmob()
add("zh-said", f"泰国手机{P(zh(m))}")
c = cnmob()
add("zh-said", f"联系电话{P(c[:3] + zh(c[3:], yao=True))}")
c = cnmob()
add("zh-said", f"电话{P(zh(c))}，再说一遍{P(zh(c))}")
m = thmob()
add("zh-said", f"在泰国打{P(zh(m[:3], yao=True) + '-' + m[3:6] + '-' + m[6:])}")

c = cnmob()
add("zh-spaced", f"电话 {P(each(c))}")
c = cnmob()
add("zh-spaced", f"手机：{P(c[:4] + ' ' + c[4:8] + ' ' + c[8:])}")
c = cnmob()
add("zh-spaced", f"{P(cnmob_sp(c, '-'))}（微信同号）")
add("zh-spaced", f"座机 {P('010-' + d(4) + ' ' + d(4))} 转 8021")
add("zh-spaced", f"公司电话 {P('0755-' + d(8))}，分机 305")
c = cnmob()
add("zh-spaced", f"请回电{P(cnmob_sp(c))}")
c = cnmob()
add("zh-spaced", f"手机{P(c)}👍")
m = thmob()
add("zh-spaced", f"泰国号码 {P('+66 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}")

add("zh-email", f"邮箱：{E(fwmail('wang.lei@qq.com'))}")
add("zh-email", f"发到{E(fwmail('chenjing2020@163.com'))}就行")
add("zh-email", f"邮箱 {E(fwmail('zhou_min@sina.com', dots=False))}")
add("zh-email", f"请发邮件到 <{E('li.na@company.com.cn')}>")
add("zh-email", f"邮箱“{E('liu.yang88@gmail.com')}”")
add("zh-email", f"mailto:{E('service@greenpower.cn')} 联系客服")
add("zh-email", f"{E('zhangwei@126.com')}是我的邮箱")
add("zh-email", f"邮箱 {E('hu.jun@outlook.com')}，抄送 {E('hu.jun@outlook.com')} 也行")
add("zh-email", f"邮箱：{E(fwmail('HUANG.LI@QQ.COM'))}")
add("zh-email", f"邮件发给「{E('sales@sz-solar.com')}」")

t = cnid_x()
add("zh-id", f"身份证号 {CN(t)}")
t = cnid_x()
add("zh-id", f"身份证：{CN(t[:6] + ' ' + t[6:14] + ' ' + t[14:])}")
t = cnid_x()
add("zh-id", f"{CN(t)} 是我的身份证号码")
t = cnid()
add("zh-id", f"身份证号码{CN(t)}，护照{PP('E' + d(8))}")
add("zh-id", f"护照号码：{PP('EA' + d(7))}")
t = thid()
add("zh-id", f"泰国身份证 {T(thid_sp(t))}")

a = not_luhn(19, '6')
add("zh-bank", f"工商银行 {B(a)}")
a = not_luhn(19, '6')
add("zh-bank", f"工行账号 {B(a[:4] + ' ' + a[4:8] + ' ' + a[8:12] + ' ' + a[12:16] + ' ' + a[16:])}")
add("zh-bank", f"泰国开泰银行（KBank）账号 {B(acct_dashed())}")
add("zh-bank", f"退款到盘谷银行 BBL {B(acct_dashed())}")
add("zh-bank", f"汇到 SCB {B(acct())}，户名 WANG LEI")
a = not_luhn(16, '6')
add("zh-bank", f"收款账号：{B(a)}（招商银行）")

k = unionpay()
add("zh-card", f"卡号 {C(groups4(k))}")
k = amex()
add("zh-card", f"信用卡 {C(amex_sp(k))}")
k = card()
add("zh-card", f"刷卡 {C(groups4(k))} 失败了")

add("zh-chat", f"微信号：{W('wxid_k3m9d2f7a1')}😊")
add("zh-chat", f"加我微信👉{W('zhou_lei_1990')}")
add("zh-chat", f"微信 {W('Lily_0808')} 谢谢🙏")
add("zh-chat", f"我的LINE ID是 {L('lily.bkk88')}🌸")
add("zh-chat", f"微信：{W('wang_l88')}，微信：{W('wang_l88')}（再发一遍）")
add("zh-chat", f"服务器IP {IP(ip4())}")
add("zh-chat", f"vx: {W('chen_88a')}")

c = cnmob()
add("zh-multi", f"手机号码：{P(zh(c, yao=True))}")
add("zh-multi", f"电话（办公室）：{P('021-' + d(8))}")
add("zh-multi", f"邮箱：{E(fwmail('liming@foxmail.com'))}")
c = cnmob()
add("zh-multi", f"我的手机是 {P(zh(c[:3]) + ' ' + zh(c[3:7]) + ' ' + zh(c[7:]))}，谢谢")
add("zh-multi", f"微信号 {W('zhang_88wei')} 手机 {P(cnmob())}")
a = not_luhn(19, '6')
add("zh-multi", f"建设银行账号 {B(a[:4] + ' ' + a[4:8] + ' ' + a[8:12] + ' ' + a[12:16] + ' ' + a[16:])}")
add("zh-multi", f"{E(fwmail('xu.feng@sohu.com'))} 这是我的邮箱")
k = card()
add("zh-multi", f"信用卡号 {C(groups4(k))}，有效期 09/28")
c = cnmob()
add("zh-multi", f"电话：{P(chr(0xFF0B) + '86 ' + cnmob_sp(c))}")
t = cnid_x()
add("zh-multi", f"身份证 {CN(t)}，电话 {P(cnmob())}")

neg("zh-neg", "全套两万五千泰铢对吗？")
neg("zh-neg", "两万五可以吗，能便宜点吗")
neg("zh-neg", "需要十二块板，两台逆变器")
neg("zh-neg", "一二三四五六七八九十，箱子数齐了")
neg("zh-neg", "型号 SUN 5K SG04 三相")
neg("zh-neg", "佛历 2568 年 12 月 15 日安装")
neg("zh-neg", "师傅 08.30 到，17.00 走")
neg("zh-neg", "APP 版本 2.0.1 打不开")
neg("zh-neg", "12 楼 1204 室")
neg("zh-neg", "效率从 21.5% 降到 18.2%")
neg("zh-neg", "电池序列号 4471823")
neg("zh-neg", "可以用工商银行或者 KBank 转账吗？")
neg("zh-neg", "订单号 2611270045 还没到")
neg("zh-neg", "五千瓦的系统，大概十九万")
neg("zh-neg", "固件 3.10.2.1 修好了")
neg("zh-neg", "二十四块板，每块五百五十瓦")
neg("zh-neg", "客服热线 400-820-8820 转 2")
neg("zh-neg", "分 12 期，每期 8,900 元，首付 30%")
neg("zh-neg", "快递单号 SF1406234567890")
neg("zh-neg", "发票号 INV-2026-08123")
neg("zh-neg", "三月二十八号下午两点到")
neg("zh-neg", "我住 99/123 号，门禁密码 4580")
neg("zh-neg", "电表读数 15230.5 度")
neg("zh-neg", "八百块一块板太贵了")
neg("zh-neg", "纬度 13.7563，经度 100.5018")

# Missed when the set was first measured are kept (and measured) as TODO cases until a general
# rule finds them (docs/redaction.md, the ninth fresh set): the four blind misses (an emoji between
# a chat keyword and the id, three times, and France's passport 12AB34567) are all found now.
KNOWN_MISS_STARTS = ()
write(sys.argv[1], """# Ninth fresh set of redaction cases (bench/gen-redact-fresh9.py), written before the redactor was
# run on it: about sixty messages with values and twenty-five hard negatives per language
# (categories en-, th-, zh-), numbers written in words or half in words and values as customers
# paste or shout them: phone numbers said a digit a word (English with oh/zero and in capitals,
# Thai ศูนย์แปดหนึ่ง…, Chinese 零八一… with 幺 and 两), half said, Thai digits, one digit at a time,
# extensions after the number; e-mail addresses with a full-width ＠ and ．, in <…>, mailto:, quotes,
# capitals; Thai IDs as pasted (1 2345 67890 12 3), Chinese IDs ending in X, cards in fours and
# Amex's 4-6-5, accounts after Thai and Chinese banks' names (กสิกร, SCB, KBank, BBL, 工商银行),
# passports, LINE and WeChat ids next to an emoji or Thai text; values at the very start or end of a
# message and twice in one; hard negatives of the same chats (prices and quantities in words,
# counting, models, Buddhist-era dates, times, versions, rooms, percentages, seven-digit serials,
# bank names without a number). Same format as redact.tests (`INPUT ⇒ EXPECTED`, `=` for
# unchanged); run by tests/plugins/test-redact-golden.c (test redact-golden-fresh9: the cases of
# [known-miss] are TODO while they leak) and measured by
# `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh9.tests`.
""",
      lambda text, expected: text.startswith(KNOWN_MISS_STARTS))
