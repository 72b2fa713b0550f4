#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh21.tests: a twenty-first fresh set of redaction cases, written before
any run of the redactor on it. Contact details that people obfuscate or split to get past a filter,
and that messaging apps mangle, in English, Thai and Chinese (categories `en-`, `th-`, `zh-`):

- e-mail addresses spelled out or hidden: `name at gmail dot com`, `name[at]mail(dot)co.th`, `แอท … ดอท
  คอม` with the domain in Thai script, `艾特 … 点`, spaces inside the address (`pim . s @ gmail . com`),
  HTML's named entities (`&commat;`, `&period;`), a full-width `＠`;
- phone numbers split over two lines or two messages (a chat export's JSON, whose line break is the
  two characters `\\n`), written with words for some or all digits (`zero eight one…`, `ศูนย์แปด…`,
  `零八一…`), with dots, slashes, brackets, mixed Thai and Arabic digits, full-width digits, an emoji
  with spaces between the groups;
- LINE ids (`line: @abc`, `ไลน์ไอดี …`, `加我line …`) and WeChat ids;
- quoted replies (`> my number is …`), forwarded messages with their headers, markdown and links
  (`mailto:`, `tel:`, `wa.me/…`, `line.me/ti/p/~…`).

A message is one line. Hard negatives of the same shapes: prices (`฿1,250.00`), order and tracking
numbers, times, dates, versions, model numbers, links without personal data, a shop's website spelled
out, `at` and `แอท` for a place, `艾特` as a mention, an official account's group link.

Values have valid checksums (Thai ID mod 11 with a real province, Luhn for cards); bank accounts fail
Luhn so that they are not also cards.

    bench/gen-redact-fresh21.py tests/data/redact-fresh21.tests
"""
import sys

from redact_cases import B, C, E, L, P, T, W, acct, add, bkk, card, cnacct, cnmob, cnmob_sp, d, dash3, fw, groups4, \
    neg, sp3, start, thd, thid_dashed, thmob, write
from redact_cases import thid_province as thid

r = start(20261921)

EN_W = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TH_W = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]
ZH_W = "零一二三四五六七八九"


def say_en(s, k=None, oh=False, sep=" "):
    """The first @k digits of @s said in English words (all of them without @k), the rest as digits."""
    k = len(s) if k is None else k
    words = [("oh" if oh and c == "0" else EN_W[int(c)]) for c in s[:k]]
    return sep.join(words) + ((" " + s[k:]) if s[k:] else "")


def say_th(s, k=None):
    k = len(s) if k is None else k
    return "".join(TH_W[int(c)] for c in s[:k]) + ((" " + s[k:]) if s[k:] else "")


def say_zh(s, k=None, yao=False):
    k = len(s) if k is None else k
    return "".join(("幺" if yao and c == "1" else ZH_W[int(c)]) for c in s[:k]) + (s[k:] if s[k:] else "")


def thmix(s):
    """Some of the digits of @s in Thai digits, as a keyboard switched half-way writes them."""
    return "".join(thd(c) if c.isdigit() and r.random() < 0.5 else c for c in s)


def dots(m):
    return m[:3] + "." + m[3:6] + "." + m[6:]


def slashes(m):
    return m[:3] + "/" + m[3:6] + "/" + m[6:]


def cn_dots(c):
    return c[:3] + "." + c[3:7] + "." + c[7:]


def user(base):
    return base + r.choice(["", ".", "_"]) + r.choice(["k", "s", "j", "p", "w"]) + d(2)


def lineid(base):
    return base + r.choice(["_", ".", ""]) + d(r.choice([2, 4]))


def emo():
    return r.choice(["📱", "📞", "☎️", "✨", "👉"])


def intl66(m):
    return "+66 " + m[1:3] + " " + m[3:6] + " " + m[6:]


def wa(m):
    return "66" + m[1:]


# =============================== English ===============================
# -- e-mail addresses spelled out or hidden
add("en-email", f"my email is {E(user('somchai') + ' at gmail dot com')}, pls send the quote there")
add("en-email", f"contact: {E(user('jane.t') + '[at]mail(dot)co.th')}")
add("en-email", f"email me {E(user('peter') + ' (at) outlook (dot) com')} for the 5kW package")
add("en-email", f"send it to {E(user('mark') + ' AT hotmail DOT com')} thanks")
add("en-email", f"mail {E(user('ann') + ' @ gmail . com')} please")
add("en-email", f"email: {E(user('tony') + ' @ yahoo.com')} (no spaces, the filter eats it)")
add("en-email", f"my address is {E(user('lisa') + '{at}protonmail{dot}com')}")
add("en-email", f"email {E(user('john') + '&commat;gmail&period;com')}")
add("en-email", f"reply to {E(user('kate') + '&#64;icloud.com')} pls")
add("en-email", f"[Email me](mailto:{E(user('david') + '@gmail.com')}) for the site survey")
add("en-email", f"mailto:{E(user('sara') + '@outlook.com')}?subject=Quote%20for%20solar%20roof")
add("en-email", f"email -{E(user('nina') + '@yahoo.com')}- thx")
add("en-email", f"email is {E(user('ben') + ' at gmail.com')} (spelled out because your chat blocks it)")
add("en-email", f"my work email {E('somsak dot p at siamsteel dot co dot th')}")
add("en-email", f"E-mail: {E(fw(user('amy')) + '＠gmail．com')}")

# -- phones split, spelled, hidden
m = thmob()
add("en-phone", f"my number is {P(say_en(m, oh=True))}")
m = thmob()
add("en-phone", f"call me on {P(say_en(m, 3) .replace(' ' + m[3:], ' ' + m[3:6] + ' ' + m[6:]))}")
m = thmob()
add("en-phone", f"phone {P(say_en(m[:3]) + ' ' + m[3:6] + '-' + m[6:])} after 5pm")
m = thmob()
add("en-phone", f"mobile: {P(dots(m))}")
m = thmob()
add("en-phone", f"tel {P(slashes(m))}")
m = thmob()
add("en-phone", f"my phone {P('(' + m[:3] + ') ' + m[3:6] + '-' + m[6:])} anytime")
m = thmob()
add("en-phone", f"my number {P(thmix(dash3(m)))} (sorry thai keyboard)")
m = thmob()
add("en-phone", f"phone: {P(fw(dash3(m)))}")
m = thmob()
add("en-phone", f"tel {P(m[:3] + ' ' + emo() + ' ' + m[3:6] + ' ' + m[6:])}")
m = thmob()
add("en-phone", f"{{\"from\":\"Customer\",\"text\":\"my mobile is {P(m[:3] + ' ' + m[3:6] + chr(92) + 'n' + m[6:])}\"}}")
m = thmob()
add("en-phone", f"{{\"text\":\"sorry phone cut my msg\\n{P(dash3(m))}\"}}")
m = thmob()
add("en-phone", f"> my number is {P(dash3(m))}")
m = thmob()
add("en-phone", f"> > call me back on {P(sp3(m))} — will do, Khun Anan")
m = thmob()
add("en-phone", f"[Call me](tel:{P('+66' + m[1:])})")
m = thmob()
add("en-phone", f"WhatsApp me: https://wa.me/{P(wa(m))}")
m = thmob()
add("en-phone", f"tap to chat wa.me/{P(wa(m))}?text=solar%20quote")
m = thmob()
add("en-phone", f"my cell is {P(intl66(m).replace(' ', '.'))}")
m = thmob()
add("en-phone", f"call {P('+66 (0) ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])} or {P(dash3(thmob()))}")
m = thmob()
add("en-phone", f"phone number is {P(' '.join(m))}")
o = bkk()
add("en-phone", f"office tel {P('(' + o[:2] + ') ' + o[2:5] + ' ' + o[5:])} ext 12")
m = thmob()
add("en-phone", f"my no. is {P(m[:5] + '-' + m[5:])} *don't share*")
m = thmob()
add("en-phone", f"**Phone:** {P(dash3(m))} | **Email:** {E(user('alex') + '@gmail.com')}")
m = thmob()
add("en-phone", f"my phone is {P(m[:3] + ' ' + m[3:6] + ' ' + say_en(m[6:]))}")

# -- several values, each hidden its own way
m = thmob()
add("en-multi", f"reach me: {P(say_en(m[:2]) + ' ' + m[2:5] + ' ' + m[5:])} / {E(user('kim') + ' at gmail dot com')}")
m = thmob()
add("en-multi", f"contact (anti-spam): phone {P(dots(m))}, mail {E(user('paul') + '(at)yahoo(dot)com')}, "
    f"line {L(lineid('paul'))}")
m = thmob()
add("en-multi", f"> tel: {P(sp3(m))} > email: {E(user('rita') + '@hotmail.com')} — thanks, saved both")
m = thmob()
add("en-multi", f"{{\"text\":\"call {P(dash3(m))}\\nor mail {E(user('joe') + '@gmail.com')}\"}}")
m = thmob()
add("en-multi", f"Name: Tom | Tel: {P(thmix(sp3(m)))} | LINE: {L(lineid('tom'))}")
m = thmob()
add("en-multi", f"my husband's number {P(say_en(m, oh=True, sep='-'))}, mine {P(dash3(thmob()))}")
m = thmob()
add("en-multi", f"wa.me/{P(wa(m))} or tel:{P('+66' + thmob()[1:])}")
add("en-multi", f"ID {T(thid_dashed(thid(), ' '))} for the warranty, email {E(user('june') + ' [at] gmail [dot] com')}")
m = thmob()
add("en-multi", f"phone {P(fw(m))} and email {E(user('may') + '@gmail.com')}")
m = thmob()
add("en-multi", f"*Mobile*: {P(m[:3] + '-' + m[3:6] + '-' + m[6:])} _LINE_: {L(lineid('earth'))}")

# -- chat ids
add("en-chat", f"line: {L('@' + 'solarpro' + d(2))}")
add("en-chat", f"LINE ID: {L(lineid('mike'))} (add me, I don't use WhatsApp)")
add("en-chat", f"add my line {L(lineid('benz'))}")
add("en-chat", f"Add me on LINE https://line.me/ti/p/~{L(lineid('pond'))}")
add("en-chat", f"[my LINE](https://line.me/ti/p/~{L(lineid('fon'))})")
add("en-chat", f"line id -> {L(lineid('jay'))}")
add("en-chat", f"WeChat: {W('tom_' + d(4))}")
add("en-chat", f"> LINE: {L(lineid('nat'))} — added you, Khun Nat")

# -- forwarded, quoted, several values
m = thmob()
add("en-forward", f"---------- Forwarded message --------- From: Anan W <{E(user('anan') + '@gmail.com')}> Date: Fri, 28 Nov "
    f"2025 at 14:32 Subject: roof quote To: <{E('sales' + '@siamsolar.co.th')}> Please call me on {P(dash3(m))}")
m = thmob()
add("en-forward", f"Forwarded from Khun Ploy: \"my mobile {P(sp3(m))}, email {E(user('ploy') + ' at gmail dot com')}\"")
m = thmob()
add("en-forward", f"[28/11/2025, 14:32] Somchai: number {P(dots(m))} [28/11/2025, 14:33] Somchai: ID card "
    f"{T(thid_dashed(thid()))}")
m = thmob()
add("en-forward", f"On Fri, 28 Nov 2025 at 09:41, Lisa <{E(user('lisa') + '@outlook.com')}> wrote: > my number is "
    f"{P(intl66(m))}")
add("en-forward", f"bank: KBank acc {B(acct())} name Somchai, card for deposit {C(groups4(card('4', 16)))}")
m = thmob()
add("en-forward", f"contact Khun Mali – tel: {P(m[:2] + ' ' + m[2:4] + ' ' + m[4:6] + ' ' + m[6:8] + ' ' + m[8:])} – "
    f"line: {L(lineid('mali'))}")
m = thmob()
add("en-forward", f"my id {T(thid())} and phone {P(dash3(m))}")

# -- hard negatives
neg("en-neg", "Price ฿1,250.00 per panel, min. order 20 pcs")
neg("en-neg", f"order #{d(10)} shipped, tracking TH{d(10)}A")
neg("en-neg", "we're open 08:30-17:30, see you at 14:00")
neg("en-neg", "firmware v2.3.1.4 fixes the wifi bug")
neg("en-neg", "inverter model SUN2000-10KTL-M1, battery LUNA2000-5-E0")
neg("en-neg", "see https://www.baanrak.solar/products/ongrid-5kw for the specs")
neg("en-neg", "visit us at www dot baanrak dot solar")
neg("en-neg", "we met at the office at 10 am")
neg("en-neg", "Join our group https://line.me/R/ti/g/Ab3dEf9Hij for promos")
neg("en-neg", "> price 185,000 baht incl. VAT — ok noted")
neg("en-neg", "---------- Forwarded message --------- Subject: roof survey Date: 28/11/2025")
neg("en-neg", "date 28.11.2025, meter reading 1234.5 kWh")
neg("en-neg", "total: 5 x 12,500 = 62,500.00 THB")
neg("en-neg", f"invoice INV-2025-{d(5)}, PO {d(8)}")
neg("en-neg", "[Download the brochure](https://baanrak.solar/brochure.pdf)")
neg("en-neg", "tel: please call the shop, I don't have the number")
neg("en-neg", "email: n/a")
neg("en-neg", "rated 5.5 kW, 10.2 A, 230 V, IP65")
neg("en-neg", "our LINE official: search 'Baan Rak Solar' in the app")
neg("en-neg", "version 1.0.12.345 released on 2025/11/28")
neg("en-neg", "the 3/4/2025 invoice was 12/500 kWh")
neg("en-neg", "serial SN-081.234.567-X")
neg("en-neg", "WhatsApp link: https://wa.me/message/KX7QZ3ABCDE1")
neg("en-neg", "I bought it at homepro dot com last year")

# =============================== Thai ===============================
# -- e-mail
add("th-email", f"อีเมล {E(user('somchai') + ' แอท จีเมล ดอท คอม')} ค่ะ")
add("th-email", f"เมลผม {E(user('kitti') + ' แอท gmail ดอท คอม')} ครับ")
add("th-email", f"ส่งมาที่ {E(user('noi') + ' แอท hotmail ดอท com')} นะคะ")
add("th-email", f"อีเมลค่ะ {E(user('nid') + '[at]gmail[dot]com')}")
add("th-email", f"อีเมล {E(user('pim') + ' @ gmail . com')}")
add("th-email", f"อีเมล: {E(user('mai') + '(แอท)yahoo.co.th')}")
add("th-email", f"เมล {E(user('ton') + '&commat;gmail.com')} ค่ะ")
add("th-email", f"อีเมลบริษัท {E(fw('info') + '＠siamsolar．co．th')}")
add("th-email", f"ส่งใบเสนอราคาที่ mailto:{E(user('ploy') + '@outlook.co.th')} ได้เลยค่ะ")
add("th-email", f"อีเมล {E(user('ann') + ' at gmail dot com')} (พิมพ์แยกเพราะระบบบล็อก)")
add("th-email", f"อีเมล-{E(user('mali') + '@yahoo.com')}-ขอบคุณค่ะ")
add("th-email", f"> อีเมล {E(user('jit') + '@gmail.com')} ใช่ไหมคะ ใช่ค่ะ")

# -- phones
m = thmob()
add("th-phone", f"เบอร์ {P(say_th(m))} ค่ะ")
m = thmob()
add("th-phone", f"โทร {P(say_th(m[:3]) + ' ' + m[3:6] + ' ' + m[6:])} ได้เลยครับ")
m = thmob()
add("th-phone", f"เบอร์โทร {P(thd(dash3(m)))}")
m = thmob()
add("th-phone", f"เบอร์ผม {P(thmix(m))} ครับ")
m = thmob()
add("th-phone", f"โทร. {P(fw(dash3(m)))}")
m = thmob()
add("th-phone", f"เบอร์ {P(dots(m))} ค่ะ")
m = thmob()
add("th-phone", f"ติดต่อ โทร {P(slashes(m))}")
m = thmob()
add("th-phone", f"เบอร์มือถือ {P('(' + m[:3] + ') ' + m[3:6] + '-' + m[6:])}")
m = thmob()
add("th-phone", f"เบอร์ {P(m[:3] + ' ' + emo() + ' ' + m[3:6] + ' ' + m[6:])} นะคะ")
m = thmob()
add("th-phone", f"{{\"text\":\"เบอร์ติดต่อ {P(m[:3] + '-' + m[3:6] + chr(92) + 'n' + m[6:])}\"}}")
m = thmob()
add("th-phone", f"{{\"text\":\"ส่งเบอร์ให้นะคะ\\n{P(m)}\"}}")
m = thmob()
add("th-phone", f"> เบอร์ {P(dash3(m))} ยังใช้ได้ไหมคะ")
m = thmob()
add("th-phone", f"[โทรหาผม](tel:{P('+66' + m[1:])})")
m = thmob()
add("th-phone", f"ทักวอทส์แอป wa.me/{P(wa(m))} ค่ะ")
m = thmob()
add("th-phone", f"เบอร์ {P(' '.join(m))} ค่ะ")
m = thmob()
add("th-phone", f"โทร {P('-'.join(m))}")
o = bkk()
add("th-phone", f"โทรศัพท์สำนักงาน {P('(' + o[:2] + ') ' + o[2:5] + '-' + o[5:])} ต่อ 105")
m = thmob()
add("th-phone", f"เบอร์ {P(m[:3] + ' ' + m[3:6] + ' ' + say_th(m[6:]))} ค่ะ")
m = thmob()
add("th-phone", f"เบอร์ผม {P(intl66(m))} ครับ (อยู่ต่างประเทศ)")
m = thmob()
add("th-phone", f"**เบอร์:** {P(dash3(m))} **ไลน์:** {L(lineid('som'))}")
m = thmob()
add("th-phone", f"เบอร์ {P(m[:2] + '-' + m[2:6] + '-' + m[6:])} (คุณแอน)")
m = thmob()
add("th-phone", f"มือถือ {P(thd(m[:3]) + '-' + m[3:6] + '-' + thd(m[6:]))}")

# -- chat ids
add("th-chat", f"ไลน์ไอดี {L(lineid('nok'))} ค่ะ")
add("th-chat", f"แอดไลน์ {L('@' + 'baanrak' + d(3))} ได้เลยค่ะ")
add("th-chat", f"ไลน์: {L(lineid('tee'))}")
add("th-chat", f"แอดไลน์มาค่ะ https://line.me/ti/p/~{L(lineid('joy'))}")
add("th-chat", f"ไอดีไลน์ {L(lineid('bow'))} ครับ")
add("th-chat", f"> ไลน์ {L(lineid('ning'))} ใช่ไหมคะ ใช่ค่ะ")
add("th-chat", f"วีแชท {W('lin_' + d(4))}")

# -- forwarded, quoted, several values
m = thmob()
add("th-forward", f"---------- Forwarded message --------- From: สมชาย <{E(user('somchai') + '@gmail.com')}> "
    f"เบอร์ {P(dash3(m))}")
add("th-forward", f"[28/11/2568 14:32] คุณแอน: เลขบัตร {T(thid_dashed(thid()))} [28/11/2568 14:33] คุณแอน: "
    f"เบอร์ {P(sp3(thmob()))}")
add("th-forward", f"โอนเข้าบัญชีกสิกร {B(acct())} ชื่อ สมศรี แล้วแจ้งสลิปทางไลน์ {L('@' + 'solarhome' + d(2))}")
add("th-forward", f"บัตรเครดิต {C(groups4(card('52', 16)))} ผ่อน 0% 10 เดือน")
add("th-forward", f"ข้อมูลลูกค้า: ชื่อ วิภา, บัตรประชาชน {T(thid())}, โทร {P(dash3(thmob()))}, "
    f"อีเมล {E(user('wipa') + ' แอท gmail ดอท com')}")
m = thmob()
add("th-multi", f"ติดต่อ: เบอร์ {P(dots(m))} อีเมล {E(user('kwan') + ' แอท gmail ดอท คอม')}")
m = thmob()
add("th-multi", f"เบอร์ {P(say_th(m[:3]) + '-' + m[3:6] + '-' + m[6:])} ไลน์ {L(lineid('pim'))} ค่ะ")
m = thmob()
add("th-multi", f"> เบอร์ {P(sp3(m))} > อีเมล {E(user('aom') + '@hotmail.com')} บันทึกแล้วค่ะ")
m = thmob()
add("th-multi", f"{{\"text\":\"โทร {P(dash3(m))}\\nไลน์ {L(lineid('beam'))}\"}}")
m = thmob()
add("th-multi", f"ชื่อ: สมหญิง | โทร: {P(thd(sp3(m)))} | อีเมล: {E(user('ying') + '[at]yahoo[dot]co[dot]th')}")
m = thmob()
add("th-multi", f"เบอร์แฟน {P(slashes(m))} เบอร์ผม {P(dash3(thmob()))} ครับ")
add("th-multi", f"เลขบัตร {T(thd(thid()))} เบอร์ {P(fw(thmob()))}")
m = thmob()
add("th-multi", f"wa.me/{P(wa(m))} หรือ tel:{P('+66' + thmob()[1:])} ค่ะ")
m = thmob()
add("th-multi", f"โทร {P(m[:3] + ' ' + emo() + ' ' + m[3:6] + ' ' + m[6:])} หรือเมล {E(user('fah') + '&commat;gmail.com')}")
add("th-multi", f"โอนพร้อมเพย์เบอร์ {P(dots(thmob()))} หรือบัญชีไทยพาณิชย์ {B(acct())}")
m = thmob()
add("th-forward", f"ส่งต่อจากคุณต้น: \"เบอร์ผม {P(say_th(m[:3]) + m[3:])} ครับ\"")

# -- hard negatives
neg("th-neg", "ราคา ฿1,250.00 ต่อแผง ขั้นต่ำ 20 แผง")
neg("th-neg", f"เลขที่คำสั่งซื้อ {d(10)} จัดส่งแล้ว เลขพัสดุ TH{d(10)}A")
neg("th-neg", "เปิดทำการ 08.30-17.30 น. นัดช่าง 14.00 น.")
neg("th-neg", "อัปเดตเฟิร์มแวร์เวอร์ชัน 2.3.1.4 แล้วค่ะ")
neg("th-neg", "อินเวอร์เตอร์รุ่น SUN2000-5KTL-L1 แบตรุ่น LUNA2000-10-S0")
neg("th-neg", "ดูรายละเอียดที่ https://www.baanrak.solar/th/promotion ค่ะ")
neg("th-neg", "เว็บไซต์ baanrak ดอท โซลาร์ ค่ะ")
neg("th-neg", "นัดเจอกันแอทเทอมินอล 21 ชั้น 3 นะคะ")
neg("th-neg", "เข้ากลุ่มไลน์ https://line.me/R/ti/g/Zx8yQ2wErt ค่ะ")
neg("th-neg", "> ราคา 185,000 บาท รวม VAT แล้วนะคะ รับทราบค่ะ")
neg("th-neg", "วันที่ 28/11/2568 มิเตอร์อ่านได้ 12345.6 หน่วย")
neg("th-neg", "รวม 5 x 12,500 = 62,500.00 บาท")
neg("th-neg", f"ใบแจ้งหนี้ INV-2568-{d(5)} ใบสั่งซื้อ PO{d(8)}")
neg("th-neg", "ขนาด 5.5 kW กระแส 10.2 A ไฟ 230 V")
neg("th-neg", "ไลน์ร้าน ค้นหา 'บ้านรักโซลาร์' ในแอปได้เลยค่ะ")
neg("th-neg", "เบอร์: ยังไม่มีค่ะ เดี๋ยวส่งให้")
neg("th-neg", "ยอดโอน ๑๒,๕๐๐.๐๐ บาท วันที่ ๒๘/๑๑/๒๕๖๘")
neg("th-neg", "แผงละ 5,900 บาท 12 แผง = 70,800 บาท ส่วนลด 3%")
neg("th-neg", "เวลา 09:41 น. ส่งต่อข้อความ")
neg("th-neg", f"เลขที่ใบเสร็จ RC{d(7)} วันที่ 28.11.2568")
neg("th-neg", "[ดาวน์โหลดโบรชัวร์](https://baanrak.solar/brochure-th.pdf)")
neg("th-neg", "ติดตั้ง 3/4 หลังคา พื้นที่ 40/60 ตร.ม.")
neg("th-neg", "ร้านอยู่แอทซอยสุขุมวิท 77 ค่ะ")

# =============================== Chinese ===============================
# -- e-mail
add("zh-email", f"邮箱 {E(user('zhangwei') + ' 艾特 qq 点 com')}")
add("zh-email", f"我的邮箱：{E(user('liming') + '#163.com')}")
add("zh-email", f"邮箱 {E(user('wangfang') + '(at)126(dot)com')}")
add("zh-email", f"邮箱：{E(user('chen') + ' at gmail dot com')}（防屏蔽）")
add("zh-email", f"邮箱 {E(user('zhao') + ' @ qq . com')}")
add("zh-email", f"发到 {E(fw(user('liu')) + '＠qq．com')} 就行")
add("zh-email", f"邮箱 {E(user('sun') + '&commat;163&period;com')}")
add("zh-email", f"[发邮件给我](mailto:{E(user('zhou') + '@sina.com')})")
add("zh-email", f"邮件请发 {E(user('hu') + '[at]outlook[dot]com')}")
add("zh-email", f"> 邮箱 {E(user('lin') + '@163.com')} 对吗？ 对的")
add("zh-email", f"我的邮箱是{E(user('gao') + '艾特qq点com')}")

# -- phones
c = cnmob()
add("zh-phone", f"我的手机 {P(say_zh(c))}")
c = cnmob()
add("zh-phone", f"电话 {P(say_zh(c[:3], yao=True) + c[3:7] + ' ' + c[7:])}")
c = cnmob()
add("zh-phone", f"手机号：{P(cn_dots(c))}")
c = cnmob()
add("zh-phone", f"电话 {P(c[:3] + '/' + c[3:7] + '/' + c[7:])}")
c = cnmob()
add("zh-phone", f"手机：{P(fw(cnmob_sp(c, '-')))}")
c = cnmob()
add("zh-phone", f"手机 {P(c[:3] + ' ' + emo() + ' ' + c[3:7] + ' ' + c[7:])}")
c = cnmob()
add("zh-phone", f"{{\"text\":\"我的手机号 {P(c[:3] + ' ' + c[3:7] + chr(92) + 'n' + c[7:])}\"}}")
c = cnmob()
add("zh-phone", f"{{\"text\":\"刚才没发完\\n{P(cnmob_sp(c))}\"}}")
c = cnmob()
add("zh-phone", f"> 电话 {P(cnmob_sp(c))} 还能打通吗？ 能")
c = cnmob()
add("zh-phone", f"[给我打电话](tel:{P('+86' + c)})")
c = cnmob()
add("zh-phone", f"WhatsApp：wa.me/{P('86' + c)}")
c = cnmob()
add("zh-phone", f"电话 {P(' '.join(c))}")
c = cnmob()
add("zh-phone", f"手机号码 {P('（' + c[:3] + '）' + c[3:7] + '-' + c[7:])}")
c = cnmob()
add("zh-phone", f"电话 {P('(+86) ' + cnmob_sp(c))}")
c = cnmob()
add("zh-phone", f"手机 {P(c[:3] + ' ' + c[3:7] + ' ' + say_zh(c[7:]))}")
m = thmob()
add("zh-phone", f"我在泰国的手机 {P(dash3(m))}，国内号 {P(cnmob_sp(cnmob()))}")
m = thmob()
add("zh-phone", f"泰国电话 {P(say_zh(m))}")
c = cnmob()
add("zh-phone", f"**电话：** {P(cnmob_sp(c, '-'))}")
add("zh-phone", f"座机 {P('0755-' + r.choice('2345678') + d(7))}，手机 {P(cnmob())}")
c = cnmob()
add("zh-phone", f"打我电话 {P(c[:3] + '.' + c[3:7] + '.' + c[7:])} 谢谢")

# -- chat ids
add("zh-chat", f"加我line {L(lineid('linda'))}")
add("zh-chat", f"LINE：{L('@' + 'greensun' + d(2))}")
add("zh-chat", f"加我微信 {W('zhou_' + d(4))}")
add("zh-chat", f"微信号：{W('wxid_' + ''.join(r.choice('abcdefghjkmnpqrstuvwxyz0123456789') for _ in range(10)))}")
add("zh-chat", f"LINE 链接 https://line.me/ti/p/~{L(lineid('wang'))}")
add("zh-chat", f"> 微信 {W('lily_' + d(3))} 已加 谢谢")
add("zh-chat", f"vx：{W('chen_' + d(4))}")

# -- forwarded, quoted, several values
c = cnmob()
add("zh-forward", f"-------- 转发的邮件 -------- 发件人: 周杰 <{E(user('zhou') + '@163.com')}> 发送时间: 2025年11月28日 "
    f"09:41 电话 {P(cnmob_sp(c))}")
add("zh-forward", f"[2025/11/28 14:32] 王先生：手机 {P(cnmob())} [2025/11/28 14:33] 王先生：微信同号")
add("zh-forward", f"转发自李女士：“我的邮箱 {E(user('li') + ' at qq dot com')}，电话 {P(cnmob_sp(cnmob(), '-'))}”")
add("zh-forward", f"收款账号：{B(groups4(cnacct('6222', 16)))} 工商银行 户名 张伟")
add("zh-forward", f"信用卡号 {C(groups4(card('62', 16)))}")

# -- several values, each hidden its own way
c = cnmob()
add("zh-multi", f"联系方式（防屏蔽）：电话 {P(cn_dots(c))}，邮箱 {E(user('xu') + ' 艾特 163 点 com')}")
c = cnmob()
add("zh-multi", f"手机 {P(say_zh(c[:3]) + ' ' + c[3:7] + ' ' + c[7:])}，微信 {W('xu_' + d(4))}")
c = cnmob()
add("zh-multi", f"> 手机 {P(cnmob_sp(c))} > 邮箱 {E(user('he') + '@qq.com')} 已记下")
c = cnmob()
add("zh-multi", f"{{\"text\":\"电话 {P(cnmob_sp(c, '-'))}\\n微信 {W('ma_' + d(4))}\"}}")
c = cnmob()
add("zh-multi", f"姓名：王伟 | 手机：{P(fw(c))} | 邮箱：{E(user('wangwei') + '(at)qq(dot)com')}")
c = cnmob()
add("zh-multi", f"我老婆的手机 {P(c[:3] + '/' + c[3:7] + '/' + c[7:])}，我的 {P(cnmob_sp(cnmob()))}")
m = thmob()
add("zh-multi", f"泰国手机 {P(thmix(dash3(m)))}，LINE {L(lineid('lin'))}")
c = cnmob()
add("zh-multi", f"wa.me/{P('86' + c)} 或 tel:{P('+86' + cnmob())}")
c = cnmob()
add("zh-multi", f"手机 {P(c[:3] + ' ' + emo() + ' ' + c[3:7] + ' ' + c[7:])} 邮箱 {E(user('yu') + '&commat;163.com')}")
add("zh-multi", f"加我line：{L('@' + 'sunwang' + d(2))} 或 微信 {W('sun_' + d(4))}")

# -- hard negatives
neg("zh-neg", "单价 ¥1,250.00 每块，最少 20 块")
neg("zh-neg", f"订单号 {d(18)}，快递单号 SF{d(12)}")
neg("zh-neg", "营业时间 08:30-17:30，师傅 14:00 到")
neg("zh-neg", "固件版本 2.3.1.4 已更新")
neg("zh-neg", "逆变器型号 SUN2000-20KTL-M3，电池 LUNA2000-15-S0")
neg("zh-neg", "产品详情见 https://www.lvneng.cn/products/5kw.html")
neg("zh-neg", "官网 www 点 lvneng 点 com")
neg("zh-neg", "艾特 一下 王经理，他来回复")
neg("zh-neg", "@王经理 报价单发你了")
neg("zh-neg", "> 价格 18.5 万含税 好的收到")
neg("zh-neg", "日期 2025.11.28，电表读数 12345.6 度")
neg("zh-neg", "合计 5 × 12,500 = 62,500.00 元")
neg("zh-neg", f"发票号码 {d(8)}，合同编号 HT-2025-{d(4)}")
neg("zh-neg", "额定功率 5.5 kW，电流 10.2 A，电压 230 V")
neg("zh-neg", "加入我们的 LINE 群 https://line.me/R/ti/g/Qw3eRt5yUi")
neg("zh-neg", "电话：稍后发你")
neg("zh-neg", "[下载说明书](https://lvneng.cn/manual.pdf)")
neg("zh-neg", "---------- 转发的消息 ---------- 主题：报价 日期：2025/11/28")
neg("zh-neg", "屋顶 3/4 面积可以装，约 40/60 平方米")
neg("zh-neg", f"物流单号 JD{d(13)}，件数 3")
neg("zh-neg", "一二三四五六七八九十，数一下板子")
neg("zh-neg", "v1.0.12.345 版本 2025/11/28 发布")
neg("zh-neg", "WhatsApp 链接 https://wa.me/message/ABCD1234EFGH5")

write(sys.argv[1], """# Twenty-first fresh set of redaction cases (bench/gen-redact-fresh21.py), written before the
# redactor was run on it: contact details obfuscated or split to dodge a filter, and mangled by messaging
# apps, in English, Thai and Chinese (categories en-, th-, zh-): e-mail addresses spelled out (at/dot,
# [at], (dot), แอท/ดอท คอม with a Thai-script domain, 艾特/点, #), with spaces inside, HTML's named entities,
# full-width; phone numbers split over two messages (a chat export's `\\n`), said in words wholly or in
# part, with dots, slashes, brackets, mixed Thai and Arabic digits, full-width digits, an emoji between
# spaced groups; LINE and WeChat ids; quoted replies, forwarded messages with headers, markdown and links
# (mailto:, tel:, wa.me/, line.me/ti/p/~). Hard negatives of the same shapes: prices, order and tracking
# numbers, times, dates, versions, models, links and websites without personal data, `at` for a place,
# `艾特` as a mention. Same format as redact.tests (`INPUT ⇒ EXPECTED`, `=` for unchanged); run by
# tests/plugins/test-redact-golden.c (test redact-golden-fresh21: the cases of [known-miss] are TODO while
# they leak) and measured by `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh21.tests`.
""",
      lambda text, expected: False)
