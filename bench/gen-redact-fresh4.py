#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh4.tests: a fourth fresh set of redaction cases, of another flavour
than the first three, written before any run of the redactor on it. Messages of the customers of a
Thai solar, smart-home and construction company typed on phones: voice typing (numbers spoken as
Thai or Chinese words, mixed with digits, one digit at a time, `แอท`/`ดอท` for `@`/`.`), Thai and
full-width digits, values in quotes, brackets and between emoji, messages whose line breaks became
spaces (addresses with house numbers, moo, soi and postcodes around the values), customers
correcting a value they just sent, Chinese landlines with `转`/`分机`/a dashed extension, chat handles
and links (LINE, WeChat and its nicknames, WhatsApp, Telegram, Viber), e-mail addresses with the
newer top-level domains, bank transfers (PromptPay, accounts after the banks' names and
abbreviations in Thai, English and Chinese, IBANs of foreign customers), passports of many
countries; and hard negatives of the trade (orders, tickets, invoices, kWh readings, inverter and
battery serials, model numbers, prices, dates, coordinates, versions, company tax IDs, meter and
electricity account numbers, parcels, addresses).

Values have valid checksums (Thai ID mod 11 with a person type 1-8, Chinese ID ISO 7064 MOD 11-2
with a real date of birth, Luhn with the lengths each network issues, IBAN mod 97); bank account
numbers fail Luhn so that they are not also card numbers. Only the types the redactor has are
expected (docs/redaction.md); a postal address, a name or a Telegram user name is left alone.

    bench/gen-redact-fresh4.py tests/data/redact-fresh4.tests
"""
import sys

import redact_cases
from redact_cases import B, E, P, PP, V, add, d, dash3, fw, groups4, iban, luhn, neg, not_luhn, sp3, start, thd, thid, \
    thid_check, thid_dashed, thmob, write

r = start(20261204)


def company_tax_id():
    """A juristic person's tax ID (0 + 10 + ...): passes mod 11, but is not a person's."""
    base = "0105" + r.choice(["55", "56", "57", "58", "59", "60", "61", "62", "63", "64", "65", "66"]) + d(6)
    return base + thid_check(base)


def cnid(lower_x=False):
    regions = ["110105", "310104", "440305", "510107", "330106", "530111", "350203"]
    return redact_cases.cnid(regions, (1962, 2004), lower_x)


TH_WORD = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]
ZH_WORD = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]


def thw(s):
    return "".join(TH_WORD[int(c)] for c in s)


def zhw(s):
    return "".join(ZH_WORD[int(c)] for c in s)


def bkk():
    return "02" + r.choice("123456789") + d(6)


def prov():
    return "0" + r.choice(["32", "33", "34", "35", "36", "38", "42", "43", "44", "45", "53", "54", "56", "74", "75",
                           "76", "77"]) + r.choice("123456789") + d(5)


def cnland(area, n=8):
    return area + r.choice("2345678") + d(n - 1)


def cnmob():
    return "1" + r.choice(["35", "37", "39", "51", "58", "59", "86", "87", "77", "99", "89"]) + d(8)


# ---- voice typing: numbers spoken as words, mixed with digits, one digit at a time, no punctuation
m = thmob(); add("voice", f"เบอร์ผม{P(thw(m[:3]) + ' ' + m[3:6] + ' ' + m[6:])} ครับ")
m = thmob(); add("voice", f"โทรกลับที่ {P(thw(m[0]) + ' ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])} นะคะ ช่างยังไม่มาเลย")
m = thmob(); add("voice", f"เบอร์ติดต่อ {P(thw(m))} ค่ะ")
m = thmob(); add("voice", f"ช่วยโทรหา {P(' '.join(m))} ด้วยครับ อินเวอร์เตอร์ไฟแดง")
m = thmob(); add("voice", f"เบอร์โทรศัพท์ {P(m[:3] + ' ' + m[3:5] + ' ' + m[5:7] + ' ' + m[7:])} แล้วก็ไลน์เบอร์เดียวกันค่ะ")
m = thmob(); add("voice", f"สวัสดีค่ะ สนใจติดโซล่าร์ 5 กิโลค่ะ ติดต่อ {P(m)} ค่ะ ขอบคุณค่ะ")
m = thmob(); add("voice", f"โทร {P(m[:2] + ' ' + m[2:6] + ' ' + m[6:])} ถามหาพี่ต้อมได้เลย")
m = bkk(); add("voice", f"เบอร์บ้าน {P(thw(m[:2]) + ' ' + m[2:5] + ' ' + m[5:])} ต่อ 12")
add("voice", f"อีเมล {E('somporn.k แอท gmail ดอท com')} ค่ะ")
add("voice", f"ส่งใบเสนอราคามาที่ {E('wipa1988 แอท hotmail ดอท คอม')} นะคะ")
c = cnmob(); add("voice", f"我的手机号是{P(zhw(c))}，微信同号")
c = cnmob(); add("voice", f"电话{P(zhw(c[:3]) + ' ' + c[3:7] + ' ' + c[7:])}找刘工")
t = thid(); add("voice", f"เลขบัตรประชาชน {V('TH_ID', ' '.join(t))} ค่ะ")
m = thmob(); add("voice", f"เบอร์คือ {P(m[:3] + ' ' + m[3:6] + ' ' + m[6:8] + ' ' + m[8:])} ค่ะพี่")

# ---- Thai and full-width digits
m = thmob(); add("digits", f"เบอร์ {P(thd(dash3(m)))} ค่ะ")
m = thmob(); add("digits", f"โทร.{P(thd(m))}")
m = "053" + d(6); add("digits", f"สำนักงานเชียงใหม่ {P(thd(m[:3] + '-' + m[3:]))}")
c = cnmob(); add("digits", f"联系电话：{P(fw(c[:3] + '-' + c[3:7] + '-' + c[7:]))}")
m = thmob(); add("digits", f"手机（泰国）：{P(fw('+66 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:]))}")
t = thid(); add("digits", f"เลขประจำตัวประชาชน {V('TH_ID', thd(thid_dashed(t)))} ค่ะ")
t = thid(); add("digits", f"泰国身份证：{V('TH_ID', fw(t))}")
add("digits", f"身份证号：{V('CN_ID', fw(cnid()))}")
k = luhn("4" + d(14)); add("digits", f"บัตรเครดิต {V('CARD', thd(groups4(k)))}")
add("digits", f"เลขบัญชีกสิกร {B(thd(d(3) + '-' + d(1) + '-' + d(5) + '-' + d(1)))}")
add("digits", f"邮箱：{E(fw('zhangwei88') + '＠' + fw('163') + '．' + fw('com'))}")
m = thmob(); add("digits", f"พร้อมเพย์ {P(thd(m))} ค่ะ")

# ---- values in quotes, brackets and between emoji
m = thmob(); add("quoted", f"📞{P(m)}📞 โทรได้ทั้งวันค่ะ")
m = thmob(); add("quoted", f"☎️ {P(dash3(m))} (คุณวิไล)")
add("quoted", f"👉 {E('nattapong.s@gmail.com')} 👈 ส่งแบบบ้านมาที่นี่ครับ")
m = thmob(); add("quoted", f"เบอร์ \"{P(m)}\" นะคะ")
m = thmob(); add("quoted", f"ติดต่อ “{P(sp3(m))}” ได้เลยครับ")
c = cnmob(); add("quoted", f"老板电话「{P(c)}」")
add("quoted", f"【微信：{V('WECHAT_ID', 'hua_jian2024')}】加的时候备注太阳能")
m = thmob(); add("quoted", f"[{P(m)}] เบอร์สำรองค่ะ")
m = thmob(); add("quoted", f"(({P(dash3(m))})) โทรหลัง 5 โมงเย็น")
add("quoted", f"อีเมล '{E('kanokwan.p@outlook.co.th')}' ค่ะ")
add("quoted", f"«{E('ivan.petrov@mail.ru')}» — this is my e-mail")
m = thmob(); add("quoted", f"📱{P('+66' + m[1:])} ✅ ไลน์ ✅ วอทส์แอป")
add("quoted", f"🆔 line: {V('LINE_ID', 'jib.solar')} 🙏")
t = thid(); add("quoted", f"เลขบัตร ({V('TH_ID', t)}) ตามสำเนาที่แนบค่ะ")
add("quoted", f"身份证号码 [ {V('CN_ID', cnid())} ]")
m = thmob(); add("quoted", f"โทร:<{P(m)}>")
add("quoted", f"✉️{E('hello@rimnam-villa.com')}✉️")
m = thmob(); add("quoted", f"เบอร์{P(m)}🙏🙏🙏")

# ---- messages whose line breaks became spaces (addresses, postcodes and house numbers around values)
m = thmob()
add("run-on", f"ชื่อ นายสมบัติ ใจกว้าง ที่อยู่ 88/123 หมู่ 5 ซ.วัดลาดปลาดุก ต.บางรักพัฒนา อ.บางบัวทอง จ.นนทบุรี 11110 "
    f"เบอร์ {P(m)} ติดตั้ง 5kW")
m = thmob()
add("run-on", f"ที่อยู่จัดส่ง 45/7 ม.3 ต.หนองปรือ อ.บางละมุง ชลบุรี 20150 {P(m)} คุณแพรว")
m = thmob()
add("run-on", f"บ้านเลขที่ 199 ซอย 12 ถนนเพชรเกษม แขวงบางแค เขตบางแค กทม 10160 โทร {P(m)} อีเมล {E('praew.bk@gmail.com')}")
m = thmob()
add("run-on", f"Name Mr. Alexei Smirnov Address 12/34 Moo 6 Rawai Phuket 83130 Phone {P('+7 9' + d(2) + ' ' + d(3) + '-' + d(2) + '-' + d(2))} "
    f"Thai {P(dash3(m))}")
c = cnmob()
add("run-on", f"收货人 陈先生 地址 曼谷 拉玛九路 999/9 号 10310 手机 {P(c)} 邮箱 {E('chen.jh@foxmail.com')}")
m = thmob(); t = thid()
add("run-on", f"ข้อมูลขอใช้ไฟ กฟภ. ชื่อ นางสาวอรอุมา เลขบัตร {V('TH_ID', t)} บ้านเลขที่ 9/1 หมู่ 2 ต.ท่าศาลา 50000 โทร {P(m)}")
m = thmob()
add("run-on", f"ขอใบเสนอราคาหลังคาเมทัลชีท 120 ตร.ม. 77/15 หมู่บ้านพฤกษา 23 ซอย 4 ลำลูกกา 12150 เบอร์ {P(m)} ค่ะ")
m = thmob()
add("run-on", f"ส่งของที่ 55/5 ม.1 ต.ไม้ขาว อ.ถลาง ภูเก็ต 83110 ผู้รับ คุณโจ {P(m[:3] + ' ' + m[3:6] + ' ' + m[6:])} ก่อนส่งโทรก่อนนะ")
m = thmob()
add("run-on", f"99 หมู่ 8 ตำบลบ้านกลาง 10250 {P(m)} พี่แจ๊ค")
m = thmob()
add("run-on", f"โครงการ ศุภาลัย ห้อง 1205 ชั้น 12 เบอร์ {P(m)} line {V('LINE_ID', 'Benz_1205')}")
m = "044" + d(6)
add("run-on", f"ร้านวัสดุก่อสร้างรุ่งเรือง 123 ถ.มิตรภาพ ต.ในเมือง อ.เมือง นครราชสีมา 30000 โทร {P(m[:3] + '-' + m[3:])} แฟกซ์ "
    f"{P(m[:3] + '-' + m[3:8] + str((int(m[8]) + 1) % 10))}")
m = thmob(); mm = thmob()
add("run-on", f"ลูกค้า คุณนิด {P(m)} ช่าง พี่ชัย {P(mm)} นัด 10 ธ.ค. 9 โมง")

# ---- a value sent again with a correction
m = thmob(); w = m[:-2] + m[-1] + m[-2]
add("correction", f"ขอโทษค่ะ เบอร์ที่ถูกคือ {P(m)} ไม่ใช่ {P(w)} ค่ะ")
m = thmob(); w = m[:2] + str((int(m[2]) + 1) % 10) + m[3:]
add("correction", f"sorry typo, it's {P(dash3(m))} not {P(dash3(w))}")
c = cnmob(); w = c[:-2] + c[-1] + c[-2]
add("correction", f"打错了，是{P(c)}，不是{P(w)}")
m = thmob()
add("correction", f"เมื่อกี้พิมพ์ผิด {P(m[:9])} ขาดไปตัวนึง ที่ถูก {P(m)} ค่ะ")
add("correction", f"แก้อีเมลนะคะ {E('jirapa.w@gmail.com')} ค่ะ (เมื่อกี้ส่ง {E('jirapa.w@gmial.com')} ผิด)")
t = thid()
add("correction", f"เลขบัตรเมื่อกี้ผิดค่ะ ที่ถูกคือ {V('TH_ID', thid_dashed(t))} นะคะ")
m = thmob(); mm = thmob()
add("correction", f"เบอร์เก่า {P(m)} ยกเลิกแล้ว ใช้เบอร์ใหม่ {P(mm)} แทนครับ")
m = thmob(); w = m[:5] + m[6] + m[5] + m[7:]
add("correction", f"Correction: phone {P(sp3(m))} (I wrote {P(sp3(w))} earlier)")
add("correction", f"line id ที่ถูกคือ {V('LINE_ID', 'mint_2536')} ไม่มีจุดค่ะ")
add("correction", f"微信号发错了，应该是 {V('WECHAT_ID', 'zhou_lei_1990')}")

# ---- Chinese landlines with extensions (转, 分机, ext, a dashed extension), Chinese mobiles
z = cnland("0755", 8); add("cn-ext", f"座机：{P(z[:4] + '-' + z[4:8] + ' ' + z[8:])}转801")
z = cnland("021", 8); add("cn-ext", f"电话 {P('(021) ' + z[3:7] + '-' + z[7:])} 分机 203")
z = cnland("010", 8); add("cn-ext", f"办公室 {P(z[:3] + '-' + z[3:])}-8021")
z = cnland("0871", 8); add("cn-ext", f"公司固话 {P(z[:4] + '-' + z[4:])} 转 2 找财务")
z = cnland("020", 8); add("cn-ext", f"Office {P('+86 20 ' + z[3:7] + ' ' + z[7:])} ext. 6012")
z = cnland("0592", 7); add("cn-ext", f"厦门办事处 {P(z[:4] + '-' + z[4:])}")
c = cnmob(); add("cn-ext", f"手机 {P(c[:3] + '-' + c[3:7] + '-' + c[7:])}，微信同号")
c = cnmob(); add("cn-ext", f"{P('+86 ' + c[:3] + ' ' + c[3:7] + ' ' + c[7:])}（微信同号）")
c = cnmob(); add("cn-ext", f"回国后打这个 {P('0086 ' + c)}")
z = cnland("028", 8); add("cn-ext", f"成都总部 {P(z[:3] + '-' + z[3:7] + '-' + z[7:])}")

# ---- chat handles and links
add("handles", f"LINE: {V('LINE_ID', '@solarbaan')} (บัญชีทางการ)")
add("handles", f"แอดไลน์มาที่ {V('LINE_ID', 'kookkai.home')} นะคะ")
add("handles", f"ไอดีไลน์ {V('LINE_ID', 'Art_Builder99')} ครับ")
add("handles", f"https://line.me/ti/p/~{V('LINE_ID', 'mook.solarcell')}")
add("handles", f"ไลน์ {V('LINE_ID', 'tee-2530')} แอดมาคุยรายละเอียดได้ครับ")
add("handles", f"Line ID : {V('LINE_ID', 'Nong.Fah.1994')}")
add("handles", f"加我V信 {V('WECHAT_ID', 'liang_sun88')}")
add("handles", f"微信号:{V('WECHAT_ID', 'wxid_k3m9p2q7x1')}")
add("handles", f"WeChat ID {V('WECHAT_ID', 'Chen-Bangkok')}")
add("handles", f"วีแชท {V('WECHAT_ID', 'mali_th2020')} ค่ะ ลูกค้าจีนติดต่อผ่านนี้")
add("handles", f"wechat: {V('WECHAT_ID', 'jack_huang')}")
add("handles", f"vx：{V('WECHAT_ID', 'songjia_521')} 加我发报价")
add("handles", f"WhatsApp {P('+49 151 ' + d(8))} (Germany)")
add("handles", f"https://wa.me/{P('66' + thmob()[1:])}")
add("handles", f"Telegram {P('+7 (9' + d(2) + ') ' + d(3) + '-' + d(2) + '-' + d(2))} пишите")
add("handles", f"Viber {P('+380 67 ' + d(3) + ' ' + d(4))}")
add("handles", f"WA: {P('+44 7' + d(3) + ' ' + d(6))}")
add("handles", f"ติดต่อทาง whatsapp {P('+61 4' + d(2) + ' ' + d(3) + ' ' + d(3))} ลูกค้าออสเตรเลีย")
m = thmob(); add("handles", f"tel/line {P(m)}")

# ---- e-mail addresses with the newer top-level domains and unusual local parts
add("email-tld", f"email: {E('noi@baan-noi.solar')}")
add("email-tld", f"ติดต่อ {E('contact@greenroof.energy')} ค่ะ")
add("email-tld", f"Please send the drawings to {E('k.arun@siam-structures.engineering')}")
add("email-tld", f"อีเมล {E('somkid_99@proton.me')}")
add("email-tld", f"{E('hello@smart-living.house')} is our office")
add("email-tld", f"mail {E('booking@samui-retreat.holiday')}")
add("email-tld", f"邮箱 {E('wang.lei@sh-guangfu.com.cn')}")
add("email-tld", f"อีเมลบริษัท {E('purchasing@thai-builders.construction')}")
add("email-tld", f"My email is {E('J.Wilson+solar@Company.International')}")
add("email-tld", f"e-mail {E('admin@123solar.asia')}")
add("email-tld", f"อีเมล {E('nok.rakbaan@rakbaan.online')}ค่ะ")
add("email-tld", f"contact: {E('team@kris.solutions')}.")
add("email-tld", f"email {E('pimchanok_s@cmu.ac.th')} (มหาวิทยาลัย)")
add("email-tld", f"{E('1988.somsak@yahoo.com')}")
add("email-tld", f"อีเมลลูกค้า {E('contact@xn--42c6aa8bb2b0a1b.xn--o3cw4h')}")
add("email-tld", f"请发到 {E('info@gz-solar.shop')}")
add("email-tld", f"email: {E('m.schmidt@t-online.de')} bitte")
add("email-tld", f"mail me at {E('olga.k@yandex.ru')} or {E('olga.kuznetsova@icloud.com')}")

# ---- bank transfers: PromptPay, accounts after the banks' names and abbreviations, IBANs
add("bank", f"โอนมัดจำ กสิกร {B(d(3) + '-' + d(1) + '-' + d(5) + '-' + d(1))} ชื่อบัญชี บจก. บ้านรักษ์ โซล่าร์")
add("bank", f"SCB {B(not_luhn(10, '4'))} ออมทรัพย์ค่ะ")
add("bank", f"ธ.กรุงไทย เลขที่ {B(not_luhn(10, '9'))}")
add("bank", f"KTB a/c {B(d(3) + '-' + d(1) + '-' + d(5) + '-' + d(1))}")
add("bank", f"ttb {B(d(3) + '-' + d(1) + '-' + d(5) + '-' + d(1))} ค่ะ")
add("bank", f"ออมสิน {B(not_luhn(12, '02'))} ชื่อ นางบุญเรือน")
add("bank", f"กรุงศรี (BAY) {B(d(3) + '-' + d(1) + '-' + d(5) + '-' + d(1))}")
add("bank", f"Kasikorn {B(not_luhn(10, '0'))} please refund here")
add("bank", f"开泰银行 账号 {B(d(3) + '-' + d(1) + '-' + d(5) + '-' + d(1))}")
add("bank", f"盘谷银行账户：{B(not_luhn(10))}")
add("bank", f"退款到 招商银行 {B(not_luhn(16, '6214'))}")
add("bank", f"พร้อมเพย์ {P(dash3(thmob()))} ชื่อ ส.เจริญ")
add("bank", f"PromptPay: {V('TH_ID', thid_dashed(thid()))}")
add("bank", f"PromptPay {P(thmob())} (ชื่อร้าน)")
add("bank", f"โอนผ่านพร้อมเพย์ e-Wallet {B(not_luhn(15, '004'))} ได้ไหมคะ")
add("bank", f"IBAN {B(groups4(iban('DE', d(18))))} (Sparkasse)")
add("bank", f"my IBAN: {B(iban('GB', 'NWBK' + d(14)))}")
add("bank", f"Compte IBAN {B(groups4(iban('FR', d(23))))} au nom de M. Martin")
add("bank", f"for refund: IBAN {B(groups4(iban('NL', 'ABNA' + d(10))))}, BIC ABNANL2A")
add("bank", f"บัญชี LH Bank {B(not_luhn(10))} ค่ะ")
add("bank", f"โอนเงินเข้าบัญชี ธกส {B(not_luhn(12, '0'))}")

# ---- passports of many countries
add("passport", f"passport no. {PP('TZ' + d(7))} (Japan)")
add("passport", f"여권 / passport {PP('M' + d(8))}")
add("passport", f"Passport: {PP('C' + ''.join(r.choice('CFGHJKLMNPRTVWXYZ0123456789') for _ in range(4)) + '0' + d(1) + 'T' + d(1))} (Germany)")
add("passport", f"passport number {PP(d(2) + 'AV' + d(5))}, French")
add("passport", f"Philippine passport {PP('P' + d(7) + 'A')}")
add("passport", f"Singapore passport no: {PP('K' + d(7) + 'J')}")
add("passport", f"พาสปอร์ตลูกค้ารัสเซีย {PP('75 ' + d(7))}")
add("passport", f"Dutch passport {PP('NW' + 'K4' + d(4) + '1')}")
add("passport", f"เลขพาส {PP('AA' + d(7))} ค่ะ")
add("passport", f"หนังสือเดินทาง(อินเดีย) {PP('J' + d(7))}")
add("passport", f"护照号码：{PP('EH' + d(7))}")
add("passport", f"護照號碼 {PP(d(9))}")
add("passport", f"UK passport {PP(d(9))} expires 2031")
add("passport", f"passport {PP('PA' + d(7))} (Australia)")
add("passport", f"พาสปอร์ตกัมพูชา {PP('N' + d(8))} ของคนงาน")
add("passport", f"Spanish passport {PP('PAA' + d(6))}")

# ---- Thai IDs, Chinese IDs, cards and IP addresses as phones type them
t = thid(); add("ids", f"เลขบัตร ปชช. {V('TH_ID', t)} ค่ะ")
t = thid(); add("ids", f"เลขบัตรประชาชน:{V('TH_ID', thid_dashed(t, ' '))}")
t = thid(); add("ids", f"ID card no. {V('TH_ID', thid_dashed(t))} for the PEA form")
t = thid(); add("ids", f"ใช้เลขบัตรของแม่ {V('TH_ID', t)} ยื่นขอติดตั้งนะคะ")
t = thid("3"); add("ids", f"เลขประจำตัวผู้เสียภาษี(บุคคล) {V('TH_ID', t)}")
t = thid(); add("ids", f"เลขบัตรปชช{V('TH_ID', t)}")
add("ids", f"身份证 {V('CN_ID', cnid(lower_x=True))}")
c = cnid(); add("ids", f"身份证号是{V('CN_ID', c[:6] + ' ' + c[6:14] + ' ' + c[14:])}")
add("ids", f"Chinese ID card {V('CN_ID', cnid())}")
k = luhn("4" + d(14)); add("ids", f"ตัดบัตร visa {V('CARD', k[:4] + '-' + k[4:8] + '-' + k[8:12] + '-' + k[12:])} ได้เลยค่ะ")
k = luhn("5" + r.choice("12345") + d(13)); add("ids", f"💳 {V('CARD', groups4(k))} exp 11/28")
k = luhn("37" + d(12)); add("ids", f"Amex {V('CARD', k[:4] + ' ' + k[4:10] + ' ' + k[10:])}")
k = luhn("62" + d(14)); add("ids", f"银联卡 {V('CARD', k)}")
add("ids", f"กล้องวงจรปิด ip {V('IP', '192.168.1.' + str(r.randint(20, 250)))} user admin")
add("ids", f"NVR {V('IP', '10.0.' + str(r.randint(0, 9)) + '.' + str(r.randint(2, 250)))}:8000 เข้าไม่ได้")
add("ids", f"ip บ้าน {V('IP', '171.' + str(r.randint(96, 103)) + '.' + str(r.randint(1, 254)) + '.' + str(r.randint(1, 254)))} เปิด port ให้แล้ว")
add("ids", f"IPv6 {V('IP', '2001:fb1:%x:%x::%x' % (r.randint(256, 4095), r.randint(1, 65535), r.randint(2, 255)))}")

# ---- more of the same flavours
m = thmob(); add("phone-th", f"โทร.{P(dash3(m))}(คุณแม่)")
m = thmob(); mm = thmob(); add("phone-th", f"{P(dash3(m))}/{P(dash3(mm))}")
m = thmob(); mm = thmob(); add("phone-th", f"{P(m[:3] + ' ' + m[3:])} หรือ {P(mm[:3] + ' ' + mm[3:])}")
m = thmob(); add("phone-th", f"เบอร์{P(m)}ไลน์ไอดีเดียวกัน")
m = thmob(); add("phone-th", f"{P('(+66)' + m[1:3] + '-' + m[3:6] + '-' + m[6:])} whatsapp/line")
m = thmob(); add("phone-th", f"please call {P('+66 (0) ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}")
m = thmob(); add("phone-th", f"Thai number {P('66' + m[1:])}")
m = bkk(); add("phone-th", f"สำนักงาน {P(m[:2] + '-' + m[2:5] + '-' + m[5:])} ต่อ 105")
m = bkk(); add("phone-th", f"โทร {P(m[:2] + ' ' + m[2:5] + ' ' + m[5:])} กด 2")
m = "038" + d(6); add("phone-th", f"ร้านที่ศรีราชา {P(m[:3] + '-' + m[3:6] + '-' + m[6:])}")
m = thmob(); add("phone-th", f"ติดต่อกลับเบอร์นี้ {P(m[:3] + '.' + m[3:6] + '.' + m[6:])}")
m = thmob(); add("phone-th", f"smart lock ล็อคไม่ได้ รบกวนโทร {P(dash3(m))} ค่ะ")
add("email-tld", f"อีเมล์: {E('tukta-2529@hotmail.co.th')}")
add("handles", f"ไลน์ร้าน {V('LINE_ID', '@baanrak')} ค่ะ")
add("handles", f"微信 {V('WECHAT_ID', 'tyn_solar2025')}")
add("bank", f"เลขบัญชี ไทยพาณิชย์ {B(d(3) + '-' + d(6) + '-' + d(1))}")
add("bank", f"ยูโอบี {B(d(3) + '-' + d(3) + '-' + d(3) + '-' + d(1))} ค่ะ")
add("passport", f"passport {PP('A' + d(8))} (US)")
t = thid(); add("ids", f"บัตรประชาชนเลขที่ {V('TH_ID', thid_dashed(t))}")

# ---- hard negatives: orders, tickets and invoices
neg("neg-reference", "เลขที่คำสั่งซื้อ SO-2611-00457 ครับ")
neg("neg-reference", "ticket #458812 ยังไม่มีช่างมาเลย")
neg("neg-reference", "ใบเสนอราคาเลขที่ QT6911/0087")
neg("neg-reference", "invoice INV-2026-004512 paid")
neg("neg-reference", "工单号 202611260045 还没处理")
o = "26112" + d(7); neg("neg-reference", f"หมายเลขคำสั่งซื้อ {o + thid_check(o)}")
neg("neg-reference", f"Order no. {thmob()} (Shopee)")
neg("neg-reference", "เลขเคลม CLM-6911-3345")
neg("neg-reference", "ใบกำกับภาษี IV6912-00023 ส่งทางอีเมลแล้ว")
neg("neg-reference", "Ref: 2026120412345678")

# ---- hard negatives: parcels
neg("neg-parcel", "EMS EF582621736TH ถึงหรือยังคะ")
neg("neg-parcel", "Kerry KERBK0012345678")
neg("neg-parcel", "Flash TH0147 2563 9871A")
neg("neg-parcel", "快递单号 SF1402345678901")

# ---- hard negatives: kWh readings and inverter figures
neg("neg-energy", "ผลิตไฟวันนี้ 38.6 kWh สะสม 12,845.2 kWh")
neg("neg-energy", "มิเตอร์อ่านได้ 08123 หน่วย")
neg("neg-energy", "Total yield 23456.7 kWh, today 41.2 kWh")
neg("neg-energy", "今日发电量 36.8度 累计 10234度")
neg("neg-energy", "แบตเหลือ 87% SOC 10.24 kWh")
neg("neg-energy", "กินไฟเดือนละ 1,245 หน่วย ค่าไฟ 5,876.40 บาท")
neg("neg-energy", "export 0.812 kW import 2.345 kW")

# ---- hard negatives: serials and models
neg("neg-serial", "inverter SN 2206154321 ขึ้น error F13")
neg("neg-serial", "Growatt SN BQE3CJ1234")
neg("neg-serial", "Huawei SN 102312345678")
neg("neg-serial", "序列号：SN2306220987")
neg("neg-serial", "serial แผง JA22091500456")
neg("neg-serial", "Enphase IQ8 SN 122145012345")
neg("neg-serial", f"battery S/N {groups4(d(16))}")
neg("neg-serial", "MAC 84:F7:03:1A:2B:3C")
neg("neg-model", "Deye SUN-10K-SG04LP3-EU ราคาเท่าไหร่")
neg("neg-model", "SUN2000-10KTL-M1 กับ LUNA2000-5-S0")
neg("neg-model", "GW10K-ET ต่อแบต Lynx Home U 10.2")
neg("neg-model", "แผง JKM580N-72HL4-BDV 24 แผง")
neg("neg-model", "Powerwall 2 part 1092170-03-H")
neg("neg-model", "กล้อง Hikvision DS-2CD1043G0-I")

# ---- hard negatives: prices, dates, coordinates, versions
neg("neg-price", "ราคาติดตั้ง 5kW 189,900 บาท")
neg("neg-price", "ผ่อน 0% 10 เดือน เดือนละ 18,990")
neg("neg-price", "总价 ¥86,500 含安装")
neg("neg-price", "deposit 30% = 56,970 THB")
neg("neg-price", "฿1,290,000.00 รวมแบต")
neg("neg-date", "๒๖ พ.ย. ๒๕๖๙ เวลา ๑๔.๓๐ น.")
neg("neg-date", "นัดช่าง 10/12/2026 08:00-12:00")
neg("neg-date", "2026-12-10T09:00:00+07:00")
neg("neg-date", "13/12/69 13.00-16.00 น.")
neg("neg-coord", "13.756331,100.501765")
neg("neg-coord", "พิกัด 7.8804, 98.3923")
neg("neg-coord", "📍 18.7061° N, 98.9817° E")
neg("neg-version", "firmware 1.0.8.9 อัปเดตแล้ว")
neg("neg-version", "Home Assistant 2026.11.3")
neg("neg-version", "MCU V2.3.12 DSP V1.19")
neg("neg-version", "Android 15 build AP3A.241105.008")

# ---- hard negatives: company tax IDs, meters, electricity accounts, addresses, codes
neg("neg-misc", f"เลขประจำตัวผู้เสียภาษี {company_tax_id()} บริษัท บ้านรักษ์ โซล่าร์ จำกัด")
neg("neg-misc", f"Tax ID: {thid_dashed(company_tax_id())} (company)")
neg("neg-misc", "税号 91110108MA01ABCD2X")
neg("neg-misc", "เลขมิเตอร์ 12345678")
neg("neg-misc", "PEA CA 020012345678")
neg("neg-misc", "เลขที่ผู้ใช้ไฟฟ้า 020023456789")
neg("neg-misc", "บ้านเลขที่ 88/123 หมู่ 5 ต.บางรักพัฒนา จ.นนทบุรี 11110")
neg("neg-misc", "123 Moo 4 Soi 7, Bang Lamung, Chonburi 20150")
neg("neg-misc", "999/9 ถ.พระราม 9 แขวงห้วยขวาง กทม. 10310")
neg("neg-misc", "SWIFT KASITHBK")
neg("neg-misc", "โอนแล้ว 15,000 บาท เวลา 14:32 น.")
neg("neg-misc", "บัตรเครดิตลงท้าย 4321")
neg("neg-misc", "รหัส OTP 482913")
neg("neg-misc", "สายด่วน กฟภ. 1129")
neg("neg-misc", "ISBN 978-616-123-456-7")
neg("neg-voice", "ติดแผงสิบสองแผง อินเวอร์เตอร์ห้ากิโลวัตต์")
neg("neg-voice", "ไปศูนย์บริการสาขาสองครับ")
neg("neg-voice", "สองสามวันนี้ฝนตกผลิตไฟได้น้อย")
neg("neg-voice", "装了二十四块板，一共十千瓦")

# Missed after the general fixes of the session that wrote this set; kept (and measured) as TODO
# cases: numbers spoken as Thai or Chinese words (alone or before digits), a number cut short
# by a typo (nine digits of a mobile number), and passports without five digits in a row
# (Germany's C01X00T47: the passport rule runs where a number is).
# (the numbers said a digit a word are found since the rule phone-spoken, France's 12AB34567
# since the passport rule runs where five digits are in a row)
KNOWN_MISS_STARTS = ("เมื่อกี้พิมพ์ผิด", "Passport: C")
write(sys.argv[1], """# Fourth fresh set of redaction cases (bench/gen-redact-fresh4.py), written before the redactor was
# run on it, of another flavour than the first three: customers of a solar, smart-home and construction
# company typing on their phones. Voice typing (numbers as Thai or Chinese words, one digit at a time,
# `แอท`/`ดอท`), Thai and full-width digits, values in quotes, brackets and between emoji, line breaks
# become spaces around addresses, corrections, Chinese landlines with extensions, chat handles and
# links, newer e-mail domains, bank transfers and IBANs, passports of many countries; and hard
# negatives of the trade. Same format as redact.tests (`INPUT ⇒ EXPECTED`, `=` for unchanged); run by
# tests/plugins/test-redact-golden.c (test redact-golden-fresh4: the cases of [known-miss] are TODO
# while they leak) and measured by `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh4.tests`.
""",
      lambda text, expected: text.startswith(KNOWN_MISS_STARTS))
