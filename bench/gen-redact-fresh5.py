#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh5.tests: a fifth fresh set of redaction cases, of another flavour
than the first four, written before any run of the redactor on it. Data copied from somewhere else
into the chat box of a Thai solar, smart-home and construction company: forms and business cards
(`Tel:`, `Mob.`, `H/P`, `โทร.`, `手机：`, `電話`, `携帯`, `핸드폰`), rows of spreadsheets and CSV files
(tabs, commas, semicolons, pipes), e-mail signatures of international customers (Malaysia, Singapore,
Hong Kong, Taiwan, Japan, Korea, India, Europe) with their phone numbers in the forms of their
countries, passports and IBANs; separators people use but the usual shapes do not (dots, slashes,
two digits at a time, `+66 (0) 81…`, spaces around dashes, parentheses), Thai IDs in other groupings,
cards with spaces, dashes and dots, bank transfer details in Chinese (`开户行`, `户名`, `账号`), e-mail
addresses written so that robots do not read them (`name [at] domain [dot] com`, `(at)`, `{at}`,
`AT`/`DOT`, `at gmail`), Chinese IDs with a lower-case `x`, Thai, full-width and ASCII digits mixed in
one number; and hard negatives of the trade (invoice, PO, quote and delivery numbers, serials, kWh
and watt figures, prices, dates and times, coordinates, tracking numbers, models, company registration
numbers of six countries, meter numbers, percentages, product codes shaped like phone numbers).

Values have valid checksums (Thai ID mod 11 with a person type 1-8, Chinese ID ISO 7064 MOD 11-2
with a real date of birth, Luhn with the lengths each network issues, IBAN mod 97); bank account
numbers fail Luhn so that they are not also card numbers. Only the types the redactor has are
expected (docs/redaction.md): names, addresses, a Malaysian IC or a Hong Kong ID card are left alone.

    bench/gen-redact-fresh5.py tests/data/redact-fresh5.tests
"""
import sys

import redact_cases
from redact_cases import B, E, P, PP, V, add, d, dash3, fw, groups4, iban, luhn, neg, not_luhn, sp3, start, thd, thid, \
    thid_check, thid_dashed, thmob, write

r = start(20261211)


def cnid(lower_x=False):
    regions = ["110101", "320102", "440304", "500103", "610113", "420106", "370202"]
    return redact_cases.cnid(regions, (1965, 2003), lower_x)


def cnmob():
    return "1" + r.choice(["36", "38", "39", "52", "55", "58", "80", "85", "88", "91", "99"]) + d(8)


def bkk():
    return "02" + r.choice("123456789") + d(6)


def two(m):
    """Two digits at a time: 08 12 34 56 78."""
    return " ".join(m[i:i + 2] for i in range(0, len(m), 2))


def juristic_id():
    """A Thai company's registration number (0 + …): passes mod 11, but is not a person's."""
    base = "010" + r.choice("35") + r.choice(["56", "58", "60", "61", "63", "65"]) + d(6)
    return base + thid_check(base)


def T(v):
    return V("TH_ID", v)


def C(v):
    return V("CARD", v)


# ---- forms and business cards pasted into the chat box
m = thmob(); o = bkk()
add("form", f"ชื่อ-สกุล: นางสาวพรทิพย์ แสงทอง  โทร.{P(dash3(m))}  โทรสาร {P(o[:2] + '-' + o[2:5] + '-' + o[5:])}  "
    f"E-mail: {E('porntip.s@gmail.com')}")
m = thmob(); t = thid()
add("form", f"ผู้ขอติดตั้ง: นายวีระ ทองดี / เลขประจำตัวประชาชน: {T(thid_dashed(t))} / มือถือ: {P(m)}")
m = thmob()
add("form", f"Name: Wanchai K.  Tel: {P('+66 (0) ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}  Line: {V('LINE_ID', 'wanchai.k')}")
c = cnmob()
add("form", f"联系人：王建国  手机：{P(c)}  邮箱：{E('wangjg@126.com')}")
z = "02" + r.choice("2345678") + d(7)
add("form", f"電話：{P('(02) ' + z[2:6] + '-' + z[6:])}  傳真：{P('(02) 2' + d(3) + '-' + d(4))}  公司：台北太陽能有限公司")
m = thmob()
add("form", f"Mob. {P(m[:3] + ' ' + m[3:6] + ' ' + m[6:])} / Off. {P('02-' + d(3) + '-' + d(4))} ext. 112")
m = thmob()
add("form", f"H/P: {P('+60 1' + r.choice('2379') + '-' + d(3) + ' ' + d(4))}  Thai no.: {P(m)}")
add("form", f"携帯：{P('090-' + d(4) + '-' + d(4))}　メール：{E('tanaka.hiroshi@docomo.ne.jp')}")
add("form", f"핸드폰 {P('+82 10-' + d(4) + '-' + d(4))} / 이메일 {E('kim.minjun@naver.com')}")
m = thmob()
add("form", f"เบอร์ติดต่อ(มือถือ)* : {P(m)} อีเมล* : {E('chai.buildhome@hotmail.com')} ไลน์ไอดี : {V('LINE_ID', 'chai_bh88')}")
t = thid()
add("form", f"เลขที่บัตรประชาชน / Citizen ID : {T(t)} วันหมดอายุ 12 ก.ย. 2573")
m = thmob()
add("form", f"ผู้ติดต่อ คุณศิริพร ({P(m)}) ตำแหน่ง ฝ่ายจัดซื้อ")
c = cnmob()
add("form", f"姓名：李娜；电话：{P(c[:3] + ' ' + c[3:7] + ' ' + c[7:])}；身份证：{V('CN_ID', cnid())}")
m = thmob()
add("form", f"TEL/FAX {P('0' + '2' + d(7))} MOBILE {P(m)}")
m = thmob()
add("form", f"Contact person: Mr. Arjun Mehta, Cell {P('+91 9' + d(4) + ' ' + d(5))}, WhatsApp {P('+66' + m[1:])}")
t = thid()
add("form", f"ID No.{T(t)}   Tel.{P(dash3(thmob()))}")
m = thmob()
add("form", f"โทรศัพท์มือถือ ................ {P(m)} ................")
add("form", f"ผู้ยื่นคำร้อง ลงชื่อ..........(นายอนันต์ ศรีสุข)......... เลขบัตร {T(thid_dashed(thid()))}")
add("form", f"Phone (mobile): {P(dash3(thmob()))}   Phone (home): {P('0' + r.choice('345') + r.choice('2345') + '-' + d(6))}")
add("form", f"Passport No.: {PP('E' + d(7) + 'N')}  Nationality: Singaporean  Mobile: {P('+65 9' + d(3) + ' ' + d(4))}")

# ---- e-mail signatures and business cards of customers and suppliers abroad
add("signature", f"Best regards, Lim Wei Ling | Procurement | Tel: {P('+60 3-' + d(4) + ' ' + d(4))} | HP: "
    f"{P('+60 1' + r.choice('2369') + '-' + d(3) + ' ' + d(4))} | {E('weiling.lim@sunergy.com.my')}")
add("signature", f"Regards, Tan Kok Meng, Director, {E('kmtan@greenbuild.com.sg')}, M {P('+65 8' + d(3) + ' ' + d(4))}")
add("signature", f"Thanks! Wong Ka Ho (Kelvin) Mobile: {P('+852 9' + d(3) + ' ' + d(4))} Email: {E('kelvin.wong@hk-ee.com.hk')}")
add("signature", f"陳志明 經理 手機：{P('0912-' + d(3) + '-' + d(3))} Email：{E('cm.chen@solar.com.tw')}")
add("signature", f"陳先生 手機 {P('+886 9' + d(2) + ' ' + d(3) + ' ' + d(3))} LINE ID：{V('LINE_ID', 'chen_tw88')}")
add("signature", f"山田 太郎 / Taro Yamada  Tel: {P('+81-3-' + r.choice('3456') + d(3) + '-' + d(4))}  Mobile: {P('+81 80 ' + d(4) + ' ' + d(4))}")
add("signature", f"Park Ji-hoon, Senior Engineer, Mobile {P('010-' + d(4) + '-' + d(4))}, {E('jihoon.park@hanwha-q.co.kr')}")
add("signature", f"Rahul Sharma | Mob: {P('+91-98' + d(3) + '-' + d(5))} | {E('rahul.sharma@tatapower-solar.in')}")
add("signature", f"Mit freundlichen Grüßen, Jan Becker, Tel. {P('+49 (0)89 ' + r.choice('12345') + d(3) + ' ' + d(3))}, Mobil "
    f"{P('+49 (0)171 ' + d(7))}")
add("signature", f"Cordialement, Sophie Laurent - Tél : {P('+33 6 ' + two(d(8)))} - {E('s.laurent@orange.fr')}")
add("signature", f"Met vriendelijke groet, Pieter de Vries, {P('+31 (0)6 ' + d(4) + ' ' + d(4))}")
add("signature", f"Distinti saluti, Marco Rossi, cell. {P('+39 3' + d(2) + ' ' + d(3) + ' ' + d(4))}, {E('marco.rossi@libero.it')}")
add("signature", f"Kind regards, Emma Clarke, Mobile {P('+44 (0)7' + d(3) + ' ' + d(6))}")
add("signature", f"Best, Lukas Meier, {P('+41 79 ' + d(3) + ' ' + d(2) + ' ' + d(2))}, Zürich")
m = thmob(); o = bkk()
add("signature", f"ขอแสดงความนับถือ ธนพล วงศ์ใหญ่ ผู้จัดการโครงการ โทร. {P(o[:2] + ' ' + o[2:5] + ' ' + o[5:])} ต่อ 204 "
    f"มือถือ {P(m)} Line ID: {V('LINE_ID', 'thanapon.w')}")
add("signature", f"此致 敬礼 张伟 销售经理 手机/微信：{P(cnmob())} 邮箱：{E('zhangwei@jinko-th.cn')}")
add("signature", f"Sent from my iPhone -- Somsri {P(dash3(thmob()))}")
add("signature", f"--\u00a0Nok | Admin | {E('nok@baanrak-solar.co.th')} | {P(dash3(thmob()))}")

# ---- numbers of customers abroad in their countries' own forms
add("domestic", f"HP: {P('9' + d(3) + ' ' + d(4))} (Singapore)")
add("domestic", f"H/P {P('01' + r.choice('2379') + '-' + d(3) + ' ' + d(4))} (Malaysia)")
add("domestic", f"Mobile {P('9' + d(4) + ' ' + d(5))} (India)")
add("domestic", f"Tel: {P('02-' + d(3) + '-' + d(4))} #105")

# ---- rows copied from spreadsheets and CSV files
m = thmob(); t = thid()
add("sheet", f"1\tนายประยุทธ์ มั่นคง\t{P(m)}\t{T(t)}\tนนทบุรี")
m = thmob()
add("sheet", f"สมชาย ใจดี,{P(m)},{E('somchai.j@gmail.com')},5kW,189000")
m = thmob()
add("sheet", f"\"Khun Ploy\";\"{P(dash3(m))}\";\"{E('ploy.chan@yahoo.com')}\";\"Hua Hin\"")
m = thmob(); mm = thmob()
add("sheet", f"| 3 | คุณเอ | {P(m)} | {P(mm)} | ติดตั้งแล้ว |")
c = cnmob()
add("sheet", f"刘洋\t{P(c)}\t{E('liuyang@qq.com')}\t深圳")
m = thmob()
add("sheet", f"ลูกค้า: วิภา | เบอร์: {P(m)} | อีเมล: {E('wipa.r@outlook.com')} | สถานะ: รอสำรวจ")
m = thmob()
add("sheet", f"{P(m)},{P(dash3(thmob()))},,0")
add("sheet", f"customer_email,{E('john.doe@example.org')},customer_phone,{P('+66' + thmob()[1:])}")
t = thid()
add("sheet", f"{T(t)}\tนางมาลี\t45/2 ม.3\t{P(thmob())}")
k = luhn("4" + d(14))
add("sheet", f"payment,visa,{C(k)},exp 08/29")
add("sheet", f"{{\"name\":\"Anan\",\"tel\":\"{P(thmob())}\",\"line\":\"{V('LINE_ID', 'anan_2530')}\"}}")
add("sheet", f"phone={P(thmob())}&email={E('k.suda+solar@gmail.com')}")

# ---- separators the usual shapes do not have
m = thmob(); add("separators", f"เบอร์ {P(two(m))} ค่ะ")
m = thmob(); add("separators", f"call me {P(m[:3] + '/' + m[3:6] + '/' + m[6:])}")
m = thmob(); add("separators", f"โทร {P(m[:3] + '.' + m[3:6] + '.' + m[6:])}")
m = thmob(); add("separators", f"Tel. {P('+66 (0) ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}")
m = thmob(); add("separators", f"มือถือ {P(m[:3] + ' - ' + m[3:6] + ' - ' + m[6:])}")
m = thmob(); add("separators", f"{P('(' + m[:3] + ') ' + m[3:6] + '-' + m[6:])} คุณต่าย")
m = thmob(); add("separators", f"ph: {P('+66.' + m[1:3] + '.' + m[3:6] + '.' + m[6:])}")
m = thmob(); add("separators", f"โทร {P('+66-' + m[1:3] + '-' + m[3:6] + '-' + m[6:])}")
m = thmob(); add("separators", f"เบอร์โทร {P(m[:2] + '-' + m[2:4] + '-' + m[4:6] + '-' + m[6:8] + '-' + m[8:])}")
m = thmob(); mm = thmob(); add("separators", f"{P(dash3(m))} , {P(dash3(mm))}")
o = bkk(); add("separators", f"office {P(o[:2] + '.' + o[2:5] + '.' + o[5:])}")
o = bkk(); add("separators", f"สำนักงาน {P('(02)' + o[2:5] + '-' + o[5:])}")
c = cnmob(); add("separators", f"手机 {P(c[:3] + '.' + c[3:7] + '.' + c[7:])}")
c = cnmob(); add("separators", f"电话：{P('+86-' + c[:3] + '-' + c[3:7] + '-' + c[7:])}")
m = thmob(); add("separators", f"Mob: {P('+66 (' + m[1:3] + ') ' + m[3:6] + ' ' + m[6:])}")
m = thmob(); add("separators", f"โทร.{P(m[:4] + ' ' + m[4:7] + ' ' + m[7:])}")
m = thmob(); add("separators", f"tel.{P('(+66)' + m[1:])}")
m = thmob(); add("separators", f"เบอร์ใหม่ {P(m[:3] + '·' + m[3:6] + '·' + m[6:])}")
m = thmob(); add("separators", f"tel {P('0066 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}")

# ---- Thai IDs written in other groupings
t = thid(); add("th-id", f"เลขบัตรประชาชน {T(t[0] + '-' + t[1:5] + '-' + t[5:10] + '-' + t[10:])}")
t = thid(); add("th-id", f"บัตรประชาชน {T(t[:4] + '-' + t[4:9] + '-' + t[9:])}")
t = thid(); add("th-id", f"ID card: {T(t[0] + ' - ' + t[1:5] + ' - ' + t[5:10] + ' - ' + t[10:12] + ' - ' + t[12])}")
t = thid(); add("th-id", f"เลขบัตร {T(t[:1] + '-' + t[1:3] + '-' + t[3:5] + '-' + t[5:10] + '-' + t[10:12] + '-' + t[12])}")
t = thid(); add("th-id", f"เลขประจำตัวประชาชน {T(thd(t[0] + ' ' + t[1:5] + ' ' + t[5:10] + ' ' + t[10:12] + ' ' + t[12]))}")
t = thid(); add("th-id", f"Thai ID {T(t[:3] + '-' + t[3:6] + '-' + t[6:9] + '-' + t[9:12] + '-' + t[12])}")
t = thid(); add("th-id", f"{T(thid_dashed(t))} (สำเนาบัตรแนบมาแล้ว)")
t = thid(); add("th-id", f"เลขบัตร ปชช. {T(thid_dashed(t, '/'))}")
t = thid(); add("th-id", f"เลขบัตรประชาชน {T(t[0] + ' ' + t[1:5] + ' ' + t[5:10] + ' ' + t[10:12] + ' ' + t[12])}")
t = thid(); add("th-id", f"citizen id {T(t[:6] + ' ' + t[6:])}")
t = thid(); add("th-id", f"เลข13หลัก {T(t)}")

# ---- cards with spaces, dashes and dots
k = luhn("4" + d(14)); add("card", f"บัตรเครดิต {C(k[:4] + '-' + k[4:8] + '-' + k[8:12] + '-' + k[12:])} หมดอายุ 09/28")
k = luhn("5" + r.choice("12345") + d(13)); add("card", f"Card: {C(groups4(k))} CVV on the back")
k = luhn("3" + r.choice("47") + d(12)); add("card", f"AMEX {C(k[:4] + '-' + k[4:10] + '-' + k[10:])}")
k = luhn("35" + r.choice("3456789") + d(12)); add("card", f"JCBカード {C(groups4(k))}")
k = luhn("62" + d(14)); add("card", f"银联卡号：{C(groups4(k))}")
k = luhn("4" + d(14)); add("card", f"ตัดบัตรใบนี้ {C(k[:4] + '.' + k[4:8] + '.' + k[8:12] + '.' + k[12:])} ได้เลยค่ะ")
k = luhn("4" + d(14)); add("card", f"visa {C(k[:4] + '  ' + k[4:8] + '  ' + k[8:12] + '  ' + k[12:])}")
k = luhn("5" + r.choice("12345") + d(13)); add("card", f"master card {C(k[:4] + ' ' + k[4:8] + '-' + k[8:12] + ' ' + k[12:])}")
k = luhn("4" + d(14)); add("card", f"credit card no {C(fw(groups4(k)))}")

# ---- bank transfer details in Chinese, Thai and English
add("bank", f"开户行：中国工商银行深圳分行 户名：深圳市光能科技有限公司 账号：{B(groups4(not_luhn(19, '4000')))}")
add("bank", f"开户银行：招商银行 账号 {B(not_luhn(16, '7559'))}")
add("bank", f"收款账号：{B(not_luhn(19, '6228'))}（农业银行）")
add("bank", f"汇款信息 户名 李明 开户行 中国银行 账号 {B(not_luhn(12, '3'))}")
add("bank", f"泰国开泰银行 账号：{B(d(3) + '-' + d(1) + '-' + d(5) + '-' + d(1))}")
add("bank", f"台灣 國泰世華銀行 帳號 {B(not_luhn(12, '0'))}")
add("bank", f"ธนาคารกรุงเทพ สาขาสีลม เลขที่บัญชี {B(d(3) + '-' + d(1) + '-' + d(5) + '-' + d(1))}")
add("bank", f"A/C No. {B(not_luhn(10, '1'))} Bangkok Bank, A/C name: Siam Solar Co.")
add("bank", f"Maybank account {B(not_luhn(12, '1'))}")
add("bank", f"DBS a/c {B(d(3) + '-' + d(6) + '-' + d(1))}")
add("bank", f"IBAN {B(groups4(iban('IT', 'X' + d(10) + d(12))))} (Italy)")
add("bank", f"IBAN: {B(groups4(iban('ES', d(20))))}")
add("bank", f"IBAN {B(iban('CH', d(17)))}")
add("bank", f"Konto IBAN {B(groups4(iban('DE', d(18))))}")
add("bank", f"โอนเข้าบัญชี SCB {B(not_luhn(10, '2'))} ชื่อบัญชี นายสมหมาย")

# ---- e-mail addresses written so that robots do not read them
add("email-obf", f"email: {E('somchai.p [at] gmail [dot] com')}")
add("email-obf", f"อีเมล {E('nida.k(at)hotmail.com')}")
add("email-obf", f"mail {E('tony {at} siamsolar {dot} co {dot} th')}")
add("email-obf", f"contact {E('sales AT greenroof DOT asia')}")
add("email-obf", f"my email is {E('linda.chan at gmail dot com')}")
add("email-obf", f"อีเมลคือ {E('pornpimol.s at gmail')} ค่ะ")
add("email-obf", f"E-mail {E('info[at]baan-solar.com')}")
add("email-obf", f"邮箱 {E('zhao.min(at)163.com')}")
add("email-obf", f"email {E('wit.t (at) outlook (dot) com')}")
add("email-obf", f"e-mail: {E('nattaporn_k [@] yahoo [.] com')}")
add("email-obf", f"email {E('somsak.t@gmail(dot)com')}")
add("email-obf", f"ส่งมาที่ {E('kanya at siamsolar.co.th')} นะคะ")
add("email-obf", f"mailto:{E('k.jirawat@scg-solar.co.th')}")
add("email-obf", f"{E('oom.hr@thaibuild.co.th')};{E('ploy.acc@thaibuild.co.th')}")

# ---- Chinese IDs with a lower-case x, and other Chinese IDs
add("cn-id", f"身份证号：{V('CN_ID', cnid(lower_x=True))}")
add("cn-id", f"身份证 {V('CN_ID', cnid(lower_x=True))}（复印件已发）")
c = cnid(lower_x=True); add("cn-id", f"ID: {V('CN_ID', c[:6] + ' ' + c[6:14] + ' ' + c[14:])}")
c = cnid(lower_x=True); add("cn-id", f"身份证号码 {V('CN_ID', c[:6] + '-' + c[6:14] + '-' + c[14:])}")
add("cn-id", f"中国身份证 {V('CN_ID', fw(cnid()))}")
add("cn-id", f"居民身份证{V('CN_ID', cnid())}")

# ---- Thai, full-width and ASCII digits mixed in one number
m = thmob(); add("mixed-digits", f"เบอร์ {P(thd(m[:3]) + '-' + m[3:6] + '-' + thd(m[6:]))}")
m = thmob(); add("mixed-digits", f"โทร {P(m[:3] + thd(m[3:]))}")
m = thmob(); add("mixed-digits", f"电话 {P(fw(m[:3]) + ' ' + m[3:6] + ' ' + fw(m[6:]))}")
c = cnmob(); add("mixed-digits", f"手机：{P(fw(c[:3]) + c[3:7] + fw(c[7:]))}")
t = thid(); add("mixed-digits", f"เลขบัตรประชาชน {T(thd(t[:5]) + t[5:])}")
m = thmob(); add("mixed-digits", f"เบอร์มือถือ {P(thd(two(m)))}")
m = thmob(); add("mixed-digits", f"TEL：{P(fw('+66') + ' ' + m[1:3] + '-' + m[3:6] + '-' + m[6:])}")

# ---- passports of customers abroad
add("passport", f"Malaysian passport {PP('A' + d(8))}")
add("passport", f"HK passport no. {PP('K' + d(8))}")
add("passport", f"護照號碼：{PP(d(9))}（台灣）")
add("passport", f"パスポート番号 {PP('TK' + d(7))}")
add("passport", f"여권번호 {PP('M' + d(8))}")
add("passport", f"Indian passport No. {PP('Z' + d(7))}")
add("passport", f"passport: {PP('E' + d(7) + 'J')} (Singapore)")
add("passport", f"เลขหนังสือเดินทาง {PP('AC' + d(7))}")
add("passport", f"护照 {PP('E' + d(8))}")

# ---- chat ids in the copied text
add("chat-id", f"Line: {V('LINE_ID', '@baanrak.solar')} | FB: Baanrak Solar")
add("chat-id", f"微信：{V('WECHAT_ID', 'zhangwei_solar')}  电话：{P(cnmob())}")
add("chat-id", f"LINE ID：{V('LINE_ID', 'kittima.n')}  Tel：{P(dash3(thmob()))}")
add("chat-id", f"WeChat: {V('WECHAT_ID', 'lily_chen88')} / WhatsApp: {P('+852 6' + d(3) + ' ' + d(4))}")
add("chat-id", f"ไลน์ : {V('LINE_ID', 'pond_2534')} , เบอร์ : {P(thmob())}")

# ---- hard negatives: invoices, POs, quotes, delivery notes
neg("neg-reference", "PO No. 4500871234 dated 27/11/2026")
neg("neg-reference", "Quotation No. QT-2026-11-0458 Rev.2")
neg("neg-reference", "เลขที่ใบเสนอราคา 6911-0234 ยืนราคา 30 วัน")
neg("neg-reference", "发票代码 044001900111 发票号码 04400123")
neg("neg-reference", "Invoice No.: 2026/11/00458")
neg("neg-reference", "ใบส่งของเลขที่ DO6911-00871")
neg("neg-reference", "Job no. 26-1127-003, site survey")
neg("neg-reference", "เลขที่สัญญา 6911/2569")
neg("neg-reference", "SO#0012873456")
neg("neg-reference", "ref. 8812-4471-0093")

# ---- hard negatives: serial and model numbers, product codes shaped like phone numbers
neg("neg-serial", "S/N: 2207 1845 6612 on the inverter label")
neg("neg-serial", "SN 0891234567 ของแบตเตอรี่")
neg("neg-serial", "SKU 0812-001-245")
neg("neg-serial", "รหัสสินค้า 086-5520-11")
neg("neg-serial", "part no. 0810-5566-77")
neg("neg-serial", "IMEI 35 209 1100 123 456")
neg("neg-model", "SUN-5K-SG03LP1-EU 5kW hybrid")
neg("neg-model", "Daikin FTKF12XV2S 12,000 BTU")
neg("neg-model", "LONGi LR5-72HTH-580M x 16")
neg("neg-model", "型号 SG110CX-P2")
neg("neg-model", "Tesla 1707000-11-J")

# ---- hard negatives: kWh, watt and electrical figures, percentages
neg("neg-energy", "ระบบ 9,900 W (18 x 550 W)")
neg("neg-energy", "generated 1,234.56 kWh this month")
neg("neg-energy", "3 phase 400 V 50 Hz 32 A")
neg("neg-energy", "ค่าไฟลดลง 42.5% จาก 8,450 บาท")
neg("neg-energy", "efficiency 21.3%, degradation 0.4%/year")
neg("neg-energy", "用电 12345.6 kWh，电费 8,642.15 元")
neg("neg-energy", "VAT 7% = 12,845.79")
neg("neg-energy", "battery 51.2 V 280 Ah 14.336 kWh")

# ---- hard negatives: prices
neg("neg-price", "ราคารวม 1,234,567.00 บาท")
neg("neg-price", "RM 12,345.60 incl. SST")
neg("neg-price", "NT$ 458,000")
neg("neg-price", "S$ 18,900.00")
neg("neg-price", "€ 12.345,67 netto")
neg("neg-price", "HK$ 1,280,000")
neg("neg-price", "¥ 1,380,000 税込")
neg("neg-price", "₹ 4,50,000")

# ---- hard negatives: dates and times
neg("neg-date", "27.11.2026 14:30")
neg("neg-date", "2026/11/27 (Fri) 9:00-12:00")
neg("neg-date", "วันที่ 27/11/2569 เวลา 13.30 น.")
neg("neg-date", "2026年11月27日 下午3点")
neg("neg-date", "20261127 0930")
neg("neg-date", "Mon 27 Nov 2026 08:15:42 +0700")

# ---- hard negatives: coordinates and tracking numbers
neg("neg-coord", "13.7563° N, 100.5018° E")
neg("neg-coord", "13°45'22.7\"N 100°30'06.5\"E")
neg("neg-coord", "https://maps.google.com/?q=13.736717,100.523186")
neg("neg-coord", "lat 12.927608 long 100.877083")
neg("neg-tracking", "Thailand Post RB123456789TH")
neg("neg-tracking", "J&T 820012345678")
neg("neg-tracking", "DHL waybill 4589123456")
neg("neg-tracking", "顺丰 SF1234567890123")
neg("neg-tracking", "Flash Express TH01234ABCD5E")

# ---- hard negatives: company registration numbers, meters, accounts of the utilities
neg("neg-company", f"เลขทะเบียนนิติบุคคล {juristic_id()}")
neg("neg-company", f"Tax ID {thid_dashed(juristic_id())} (Head Office)")
neg("neg-company", "SSM 201901012345 (1234567-X)")
neg("neg-company", "UEN 201912345K")
neg("neg-company", "BR No. 12345678-000-11-26-1")
neg("neg-company", "统一社会信用代码 91440300MA5F12345X")
neg("neg-company", "統一編號 12345678")
neg("neg-company", "法人番号 1234567890123")
neg("neg-company", "CIN U40106MH2015PTC123456")
neg("neg-meter", "มิเตอร์เลขที่ 1234567890")
neg("neg-meter", "PEA meter no. 5123456789")
neg("neg-meter", "电表号 0012345678901")
neg("neg-meter", "หมายเลขผู้ใช้ไฟฟ้า 020012345678")
neg("neg-meter", "CA 9876543210 กฟน.")

# ---- hard negatives: other numbers of the trade
neg("neg-misc", "Call center 1129 / 1130")
neg("neg-misc", "สาขา 0123 ถนนสีลม")
neg("neg-misc", "Sort code 20-00-00")
neg("neg-misc", "ห้อง 1205 ชั้น 12 อาคาร B")
neg("neg-misc", "QQ群 123456789")

# Missed after the general fixes of the session that wrote this set; kept (and measured) as TODO
# cases: the national numbers of other countries that could be a Thai or Chinese number's or a
# reference without their country code (Singapore's eight digits, India's ten digits from 6-9),
# and an address spelled with ` at ` and no e-mail word near it.
KNOWN_MISS_STARTS = ("HP: 9", "Mobile 9", "ส่งมาที่ kanya")
write(sys.argv[1], """# Fifth fresh set of redaction cases (bench/gen-redact-fresh5.py), written before the redactor was
# run on it, of another flavour than the first four: data copied from elsewhere into the chat box.
# Forms and business cards, rows of spreadsheets and CSV files, e-mail signatures of customers abroad
# (Malaysia, Singapore, Hong Kong, Taiwan, Japan, Korea, India, Europe) with their numbers in their
# countries' forms, separators the usual shapes do not have, Thai IDs in other groupings, cards with
# spaces, dashes and dots, bank details in Chinese, e-mail addresses hidden from robots, Chinese IDs
# with a lower-case x, Thai, full-width and ASCII digits mixed; and hard negatives of the trade. Same
# format as redact.tests (`INPUT ⇒ EXPECTED`, `=` for unchanged); run by tests/plugins/test-redact-golden.c
# (test redact-golden-fresh5: the cases of [known-miss] are TODO while they leak) and measured by
# `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh5.tests`.
""",
      lambda text, expected: text.startswith(KNOWN_MISS_STARTS))
