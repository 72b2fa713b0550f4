#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh13.tests: a thirteenth fresh set of redaction cases, written before
any run of the redactor on it, in a style the earlier sets had little of: how real people disguise or
format their values, and the foreign residents of Thailand who write to a solar, smart-home and
construction company. By language, about sixty messages with values and twenty-five hard negatives
each in English, Thai and Chinese (categories `en-`, `th-`, `zh-`):

- digits written full-width (`０８１…`), in Thai digits (`๐๘๑…`), or the two mixed with ASCII ones;
  spaced out one by one or in odd groups (`08 1234 5678`, `0812 345 678`, `081 23 45 678`), with
  dots or slashes between the groups; a number split over two lines, as it reaches here with the
  line break made a space (the tests' format holds one line a case, and `cblue redact` works line
  by line);
- e-mail addresses hidden from robots: `somchai at gmail dot com`, `name[at]mail[dot]co.th`,
  `name (at) hotmail.com`, `name(at)gmail(dot)com`, capitals, `AT`/`DOT`, Thai `แอท`/`ดอท` and
  Chinese `艾特`/`点`, full-width `＠` and `．`;
- a `+66` written `%2B66` in a link's query, `wa.me/660…` with the trunk 0 kept, a Telegram or other
  handle next to a LINE or WeChat word, LINE `@name`s;
- phone numbers of the neighbours and of Chinese-speaking places as residents give them (+86, +852,
  +853, +886, +65, +60, +95, +856, +855), with and without spaces, dashes or brackets, `00` for `+`;
- foreign passports (Myanmar, Laos, Cambodia, China, Vietnam, India, the UK…) beside a Thai work
  permit or visa context; the 13-digit IDs of non-Thai residents (a pink card's, person types 6 and
  7, which the Thai ID covers).

Hard negatives of the same style: full-width or Thai-digit prices, quantities, dates, times, model
numbers, kWh readings, house numbers and sois, spaced-out order codes, version numbers, coordinates,
`at` and `dot` in ordinary sentences, e-mail-looking texts that are not addresses (`icon@2x.png`,
`npm i pkg@1.2.3`, `git@github` paths).

Left out because docs/redaction.md does not promise them: names and postal addresses, a Telegram
handle as a value of its own (no type has it: the LINE or WeChat id beside it is the value), work
permit and visa numbers, the migrant workers' pink-card numbers that start with 00 (not a Thai ID's
person type).

Values have valid checksums (Thai ID mod 11 with a person type 1-8 and a real province, Chinese ID
ISO 7064 MOD 11-2 and a real date of birth, Luhn for cards); bank account numbers fail Luhn so that
they are not also card numbers.

    bench/gen-redact-fresh13.py tests/data/redact-fresh13.tests
"""
import sys

import redact_cases
from redact_cases import B, C, CN, E, IP, L, P, PP, T, W, acct, acct_dashed, add, bkk, bkk_dash, card, cnacct, cnmob, \
    cnmob_sp, d, dash3, fw, groups4, ip4, neg, sp3, start, thd, thid_check, thid_dashed, thmob, write
from redact_cases import thid_province as thid

r = start(20261313)


def cnid():
    return redact_cases.cnid(["110105", "310115", "440305", "440106", "330106", "510107", "320102", "350203"],
                             (1962, 2004))


def pink(first):
    """A non-Thai resident's 13-digit ID (person type 6 or 7), with the mod-11 check digit."""
    base = first + str(r.choice(redact_cases.TH_PROVINCES)) + d(9)
    return base + thid_check(base)


def spaced(s):
    return " ".join(s)


def hk():
    return r.choice("5694") + d(3) + " " + d(4)


def mo():
    return "6" + r.choice("2368") + d(2) + " " + d(4)


def tw():
    return "9" + d(2) + " " + d(3) + " " + d(3)


def sg():
    return r.choice("89") + d(3) + " " + d(4)


def my():
    return "1" + r.choice("2679") + "-" + d(3) + " " + d(4)


def mm():
    return "9 " + r.choice("4567") + d(2) + " " + d(3) + " " + d(3)


def la():
    return "20 " + r.choice("5579") + d(3) + " " + d(4)


def kh():
    return r.choice(["12", "16", "17", "77", "92"]) + " " + d(3) + " " + d(3)


# =============================== English ===============================
m = thmob()
add("en-fullwidth", f"my mobile is {P(fw(dash3(m)))} (typed on my Japanese phone, sorry)")
m = thmob()
add("en-fullwidth", f"Tel：{P(fw(m))} — Mr. Tanaka, Sukhumvit 39 condo")
add("en-fullwidth", f"Email：{E(fw('k.yamada') + '＠' + fw('gmail') + '．' + fw('com'))} for the quotation")
m = thmob()
add("en-thaidigit", f"phone {P(thd(dash3(m)))} — my Thai keyboard was on, sorry")
t = thid()
add("en-thaidigit", f"ID card no. {T(thd(thid_dashed(t)))} for the PEA form")
m = thmob()
add("en-thaidigit", f"call {P(thd(m[:3]) + m[3:])} after 6pm")
m = thmob()
add("en-spaced", f"my number: {P(spaced(m))}")
m = thmob()
add("en-spaced", f"phone {P(m[:2] + ' ' + m[2:6] + ' ' + m[6:])} (Khun Lek)")
m = thmob()
add("en-spaced", f"mobile {P(m[:4] + ' ' + m[4:7] + ' ' + m[7:])} call anytime")
m = thmob()
add("en-spaced", f"pls call {P(m[:3] + '.' + m[3:6] + '.' + m[6:])} tomorrow")
m = thmob()
add("en-spaced", f"tel {P(m[:3] + '/' + m[3:6] + '/' + m[6:])} (office hours)")
m = thmob()
add("en-split", f"my phone is {P(m[:3] + '-' + m[3:6] + '- ' + m[6:])} thanks")
m = thmob()
add("en-split", f"phone: {P(m[:6] + ' ' + m[6:])} pls call")
add("en-email", f"email me: {E('somchai.k at gmail dot com')}")
add("en-email", f"my email {E('john.baker[at]mail[dot]co.th')} pls send the invoice")
add("en-email", f"contact {E('lisa.wong (at) hotmail.com')} for the site visit")
add("en-email", f"{E('peter_h(at)gmail(dot)com')} is my email")
add("en-email", f"Email: {E('DAVID.MILLER AT OUTLOOK DOT COM')}")
add("en-email", f"email is {E('anna_k [at] yahoo [dot] com')}, thanks")
add("en-email", f"write to {E('m.nguyen{at}gmail{dot}com')} please")
add("en-email", f"my e-mail {E('tom.r [@] proton [.] me')}")
m = thmob()
add("en-link", f"WhatsApp me: https://api.whatsapp.com/send?phone={P('%2B66' + m[1:])}")
m = thmob()
add("en-link", f"https://wa.me/{P('66' + m)} (my WhatsApp)")
m = thmob()
add("en-link", f"chat: wa.me/{P('66' + m[1:])}?text=solar")
add("en-handle", f"LINE: {L('@ploy.bkk')} / Telegram: same name")
add("en-handle", f"LINE/Telegram: {L('@kris_88')}")
add("en-handle", f"Telegram/WeChat: {W('kris_cn88')}")
add("en-handle", f"no LINE, only WeChat {W('mike_cn_88')} or Telegram")
add("en-handle", f"add my LINE {L('rob.smith_99')}, Telegram is the same name")
x = cnmob()
add("en-foreign", f"my Chinese mobile {P('+86 ' + cnmob_sp(x))}")
x = cnmob()
add("en-foreign", f"WeChat/phone {P('+86' + x)}")
x = cnmob()
add("en-foreign", f"call {P('(+86) ' + cnmob_sp(x, '-'))} if no answer in Thailand")
add("en-foreign", f"HK mobile {P('+852 ' + hk())}")
add("en-foreign", f"my Hong Kong number is {P('(852) ' + hk())}")
add("en-foreign", f"Macau {P('+853 ' + mo())}")
add("en-foreign", f"Taiwan mobile {P('+886 ' + tw())}")
add("en-foreign", f"Singapore office {P('+65 ' + sg())}")
add("en-foreign", f"my Malaysian number {P('+60 ' + my())}")
add("en-foreign", f"Myanmar number {P('+95 ' + mm())} (Viber)")
add("en-foreign", f"Laos: {P('+856 ' + la())}")
add("en-foreign", f"Cambodia {P('+855 ' + kh())} (Telegram)")
add("en-foreign", f"phone {P('00852 ' + hk())}")
add("en-foreign", f"sister in Singapore {P('+65' + sg().replace(' ', ''))}")
add("en-passport", f"Work permit application: passport no. {PP('MB' + d(6))} (Myanmar)")
add("en-passport", f"For the work permit I need to give my passport {PP('P' + d(7))} (Lao PDR)")
add("en-passport", f"visa extension, passport number {PP('N' + d(8))}, Cambodian")
add("en-passport", f"my passport is {PP('EA' + d(7))} (China), work permit at Amata")
add("en-passport", f"Passport: {PP('C' + d(7))} (Vietnam) for the staff house contract")
add("en-passport", f"UK passport {PP(d(9))} for the gate pass")
add("en-pink", f"pink card no. {T(thid_dashed(pink('6')))} (I'm from Myanmar)")
add("en-pink", f"my non-Thai ID card {T(pink('6'))} for the electricity meter")
add("en-pink", f"my son's ID card {T(thid_dashed(pink('7')))} (born in Thailand)")
m = thmob()
add("en-mixed", f"Name: Aung Ko / Tel: {P(fw(m))} / Passport: {PP('MD' + d(6))}")
m = thmob()
add("en-mixed", f"Phone {P(thd(sp3(m)))} email {E('aungko88 at gmail dot com')}")
add("en-mixed", f"Bank account (Bangkok Bank) {B(fw(acct_dashed()))} for the refund")
add("en-mixed", f"card {C(fw(groups4(card('4'))))} declined twice")
add("en-mixed", f"Chinese ID {CN(fw(cnid()))} for the invoice")
add("en-mixed", f"router IP {IP(fw(ip4()))}")
m = thmob()
add("en-mixed", f"LINE {L('@somsak.home')} or call {P(m[:3] + ' ' + m[3:5] + ' ' + m[5:7] + ' ' + m[7:])}")
m = thmob()
add("en-mixed", f"call me on {P('0 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}")

neg("en-neg", "price ＴＨＢ１２，９００ incl. VAT")
neg("en-neg", "quantity: ２０ panels × ５５０ Ｗ")
neg("en-neg", "installed on ２８／１１／２０２５ at １４：３０")
neg("en-neg", "model ＳＵＮ－５Ｋ－ＳＧ０４ＬＰ１ in stock")
neg("en-neg", "meter reading ๑๒๓๔๕.๖ kWh this month")
neg("en-neg", "house no. ๑๒๓/๔๕ Soi ๑๗ Sukhumvit")
neg("en-neg", "order code ORD 2025 1128 0017 5")
neg("en-neg", "firmware v２.３.１ and app 10.4.2 installed")
neg("en-neg", "site at 13.7563, 100.5018 (Google Maps)")
neg("en-neg", "meet me at the office at 3, the dot on the map is wrong")
neg("en-neg", "we arrived at gmail's office tour, dot com era stories")
neg("en-neg", "the icon file is logo@2x.png in the zip")
neg("en-neg", "run npm i solar-calc@1.2.3 then restart")
neg("en-neg", "clone git@github.com:siamsolar/app.git for the dashboard")
neg("en-neg", "Zoom 14:00 at Room 3 dot 2, Building B")
neg("en-neg", "inverter SN ２１０６ ４５２３ ９９ ready")
neg("en-neg", "roof 1 2 0 m2, 4 0 panels")
neg("en-neg", "total ๔๕,๙๐๐ baht, deposit ๓๐%")
neg("en-neg", "I work at Amata City Chonburi, shift 08.00-17.00")
neg("en-neg", "Work permit fee 3,100 baht, visa 1,900 baht")
neg("en-neg", "battery 10.24 kWh / 51.2 V / 200 Ah")
neg("en-neg", "tracking no. TH 0123 4567 89 12 A")
neg("en-neg", "invoice 2104736615/２０２５")
neg("en-neg", "Soi ๕๕/๑ near BTS Thong Lo exit 3")
neg("en-neg", "time slot ０９：００－１２：００ on 2025.12.05")

# =============================== Thai ===============================
m = thmob()
add("th-thaidigit", f"เบอร์โทร {P(thd(dash3(m)))} ค่ะ")
m = thmob()
add("th-thaidigit", f"โทร {P(thd(m))} ได้ตลอดครับ")
m = thmob()
add("th-thaidigit", f"เบอร์ {P(thd(sp3(m)))} (คุณแดง)")
t = thid()
add("th-thaidigit", f"เลขบัตรประชาชน {T(thd(thid_dashed(t)))} ค่ะ")
t = thid()
add("th-thaidigit", f"เลขประจำตัวประชาชน {T(thd(t))} สำหรับยื่นการไฟฟ้า")
m = thmob()
add("th-thaidigit", f"มือถือ {P(thd(m[:5]) + m[5:])} ค่ะ")
add("th-thaidigit", f"บัญชีกสิกร {B(thd(acct_dashed()))} ชื่อ สมศรี")
m = thmob()
add("th-fullwidth", f"เบอร์ {P(fw(m))} ค่ะ")
m = thmob()
add("th-fullwidth", f"โทร：{P(fw(dash3(m)))}")
t = thid()
add("th-fullwidth", f"เลขบัตร {T(fw(t))} ค่ะ")
m = thmob()
add("th-spaced", f"เบอร์ {P(spaced(m))} ค่ะ")
m = thmob()
add("th-spaced", f"โทร {P(thd(spaced(m)))} นะคะ")
m = thmob()
add("th-spaced", f"เบอร์ผม {P(m[:2] + ' ' + m[2:6] + ' ' + m[6:])} ครับ")
m = thmob()
add("th-spaced", f"โทร {P(m[:3] + '.' + m[3:6] + '.' + m[6:])} ได้เลยค่ะ")
m = thmob()
add("th-spaced", f"เบอร์ติดต่อ {P(m[:3] + '/' + m[3:6] + '/' + m[6:])}")
t = thid()
add("th-spaced", f"เลขบัตรประชาชน {T(spaced(t))} ค่ะ")
t = thid()
add("th-spaced", f"บัตร ปชช. {T(t[0] + '.' + t[1:5] + '.' + t[5:10] + '.' + t[10:12] + '.' + t[12])}")
m = thmob()
add("th-split", f"เบอร์ {P(m[:3] + '-' + m[3:6] + '- ' + m[6:])} ค่ะ")
m = thmob()
add("th-split", f"โทร {P(m[:7] + ' ' + m[7:])} นะคะ")
add("th-email", f"อีเมล {E('somchai.k แอท gmail ดอท com')} ค่ะ")
add("th-email", f"เมล {E('noi_2530 แอท hotmail ดอท com')}")
add("th-email", f"อีเมลค่ะ {E('nid.ch[at]gmail[dot]com')}")
add("th-email", f"ส่งมาที่ {E('pornthip (at) yahoo.co.th')} นะคะ")
add("th-email", f"อีเมล {E('wichai.s at gmail dot com')} ครับ")
add("th-email", f"อีเมลผม {E('kitti(at)siamsolar(dot)co(dot)th')}")
add("th-email", f"อีเมล {E('ann.p＠gmail．com')} ค่ะ")
add("th-email", f"เมล {E('TAWAN.S AT OUTLOOK DOT COM')} ค่ะ")
m = thmob()
add("th-link", f"ทักวอทส์แอป https://api.whatsapp.com/send?phone={P('%2B66' + m[1:])} ค่ะ")
m = thmob()
add("th-link", f"wa.me/{P('66' + m)} ค่ะ")
add("th-handle", f"ไลน์ {L('@nok.shop')} หรือทาง Telegram ชื่อเดียวกันก็ได้")
add("th-handle", f"Telegram/ไลน์ {L('@tan_2539')} ค่ะ")
add("th-handle", f"ไอดีไลน์ {L('beam_2541')} (เทเลแกรมชื่อเดียวกัน)")
add("th-handle", f"แอดไลน์มาที่ {L('@pim.solar')} ค่ะ")
add("th-foreign", f"ลูกค้าจีน โทร {P('+86 ' + cnmob_sp(cnmob()))} ค่ะ")
add("th-foreign", f"เบอร์ฮ่องกง {P('+852 ' + hk())} ค่ะ")
add("th-foreign", f"เบอร์มาเก๊า {P('+853 ' + mo())}")
add("th-foreign", f"เบอร์ไต้หวัน {P('+886-' + tw().replace(' ', '-'))}")
add("th-foreign", f"เบอร์สิงคโปร์ {P('(+65) ' + sg())}")
add("th-foreign", f"เบอร์มาเลเซีย {P('+60 ' + my())}")
add("th-foreign", f"ลูกจ้างพม่า เบอร์ {P('+95 ' + mm())}")
add("th-foreign", f"คนงานลาว โทร {P('+856 ' + la())}")
add("th-foreign", f"เบอร์กัมพูชา {P('+855 ' + kh())} ค่ะ")
add("th-foreign", f"โทร {P('+86' + cnmob())} (ลูกค้าจีน)")
add("th-passport", f"ขอใบอนุญาตทำงาน หนังสือเดินทางเลขที่ {PP('MC' + d(6))} (เมียนมา)")
add("th-passport", f"พาสปอร์ต {PP('P' + d(7))} ลาว สำหรับทำเวิร์คเพอร์มิต")
add("th-passport", f"หนังสือเดินทาง {PP('N' + d(8))} กัมพูชา ค่ะ")
add("th-passport", f"พาสปอร์ตจีน {PP('EB' + d(7))} ค่ะ")
add("th-passport", f"เลขพาสปอร์ต {PP('K' + d(7))} (อินเดีย) สำหรับวีซ่าทำงาน")
add("th-pink", f"บัตรชมพู เลข {T(thid_dashed(pink('6')))} ค่ะ")
add("th-pink", f"เลขบัตรประจำตัวคนซึ่งไม่มีสัญชาติไทย {T(pink('6'))}")
add("th-pink", f"เลขบัตรลูกชาย {T(thd(thid_dashed(pink('7'))))} ค่ะ")
m = thmob()
add("th-mixed", f"ชื่อ มะ ซาน / โทร {P(thd(m))} / พาสปอร์ต {PP('MA' + d(6))}")
m = thmob()
add("th-mixed", f"เบอร์ {P(fw(sp3(m)))} ไลน์ {L('san_mm88')}")
add("th-mixed", f"บัตรเครดิต {C(thd(groups4(card('5' + r.choice('1234')))))} ตัดไม่ผ่านค่ะ")
add("th-mixed", f"ไอพีกล้อง {IP(thd(ip4()))} ค่ะ")
m = thmob()
add("th-mixed", f"โทร {P(m[:3] + ' ' + m[3:5] + ' ' + m[5:7] + ' ' + m[7:])} หรือ อีเมล {E('lek.s at gmail dot com')}")
add("th-mixed", f"โอนเข้า ไทยพาณิชย์ {B(fw(acct()))} ค่ะ")
m = thmob()
add("th-mixed", f"เบอร์ {P('0 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])} คุณต้อม")
o = bkk()
add("th-mixed", f"โทรศัพท์บ้าน {P(thd(bkk_dash(o)))} ค่ะ")
m = thmob()
add("th-mixed", f"โทรกลับ {P(thd(m[:3]) + '-' + m[3:6] + '-' + fw(m[6:]))} ด้วยค่ะ")

neg("th-neg", "ราคา ๑๒,๙๐๐ บาท รวม VAT แล้วค่ะ")
neg("th-neg", "แผง ๒๐ แผ่น ๕๕๐ วัตต์")
neg("th-neg", "นัดติดตั้ง ๒๘/๑๑/๒๕๖๘ เวลา ๑๔.๓๐ น.")
neg("th-neg", "บ้านเลขที่ ๑๒๓/๔๕ ซอย ๑๗ หมู่ ๓")
neg("th-neg", "มิเตอร์ ๑๒๓๔๕.๖ หน่วย เดือนนี้")
neg("th-neg", "รุ่น ＳＵＮ－５Ｋ－ＳＧ０４ ค่ะ")
neg("th-neg", "ราคา ４５，９００ บาท")
neg("th-neg", "เลขคำสั่งซื้อ ORD 2025 1128 0017")
neg("th-neg", "เวอร์ชัน ๒.๓.๑ อัปเดตแล้ว")
neg("th-neg", "พิกัด ๑๓.๗๕๖๓, ๑๐๐.๕๐๑๘")
neg("th-neg", "ซอย ๕๕/๑ ถนนสุขุมวิท แขวง คลองตันเหนือ")
neg("th-neg", "ไฟล์ logo@2x.png ค่ะ")
neg("th-neg", "ค่าไฟ ๔,๕๘๐.๒๕ บาท ใช้ไป ๑,๐๒๓ หน่วย")
neg("th-neg", "ค่าใบอนุญาตทำงาน ๓,๑๐๐ บาท ต่อปี")
neg("th-neg", "แบต ๑๐.๒๔ kWh ๕๑.๒ V")
neg("th-neg", "ช่างไปถึง ๐๙.๐๐ - ๑๒.๐๐ น.")
neg("th-neg", "ขนาด ๑๐ kW ๒ เฟส")
neg("th-neg", "โครงการ at Sukhumvit ชั้น ๓ dot ห้อง ๒")
neg("th-neg", "ติดตั้งที่ at home ค่ะ")
neg("th-neg", "พัสดุเลข TH ๐๑๒๓ ๔๕๖๗ ๘๙")
neg("th-neg", "สั่ง ５ ชุด ชุดละ ３ แผง")
neg("th-neg", "ปี ๒๕๖๘ ไตรมาส ๔")
neg("th-neg", "รหัสสินค้า ０８１２ ３４５ ค่ะ")
neg("th-neg", "ห้อง ๑๒๐๕ ชั้น ๑๒ อาคาร B")
neg("th-neg", "ใบแจ้งหนี้ ๒๐๒๕/๑๑๒๘")

# =============================== Chinese ===============================
x = cnmob()
add("zh-fullwidth", f"手机：{P(fw(x))}")
x = cnmob()
add("zh-fullwidth", f"电话 {P(fw(cnmob_sp(x)))}，随时联系")
t = cnid()
add("zh-fullwidth", f"身份证号：{CN(fw(t))}")
add("zh-fullwidth", f"邮箱：{E(fw('wang.lei') + '＠' + fw('163') + '．' + fw('com'))}")
m = thmob()
add("zh-fullwidth", f"泰国手机 {P(fw(dash3(m)))}")
x = cnmob()
add("zh-fullwidth", f"联系电话：{P(fw(x[:3]) + x[3:])}")
m = thmob()
add("zh-thaidigit", f"我的泰国号码 {P(thd(dash3(m)))}（泰文键盘）")
x = cnmob()
add("zh-spaced", f"手机 {P(spaced(x))}")
x = cnmob()
add("zh-spaced", f"电话 {P(x[:4] + ' ' + x[4:8] + ' ' + x[8:])}")
x = cnmob()
add("zh-spaced", f"手机号 {P(x[:3] + '.' + x[3:7] + '.' + x[7:])}")
x = cnmob()
add("zh-spaced", f"电话 {P(x[:3] + '/' + x[3:7] + '/' + x[7:])}")
x = cnmob()
add("zh-spaced", f"手机号码：{P(x[:2] + ' ' + x[2:5] + ' ' + x[5:8] + ' ' + x[8:])}")
t = cnid()
add("zh-spaced", f"身份证 {CN(t[:6] + ' ' + t[6:10] + ' ' + t[10:14] + ' ' + t[14:])}")
x = cnmob()
add("zh-split", f"手机 {P(x[:7] + ' ' + x[7:])}")
x = cnmob()
add("zh-split", f"电话 {P(x[:3] + '-' + x[3:7] + '- ' + x[7:])}，谢谢")
add("zh-email", f"邮箱 {E('zhangwei 艾特 163 点 com')}")
add("zh-email", f"我的邮箱是 {E('li.na [at] qq [dot] com')}")
add("zh-email", f"邮箱：{E('chen_jie (at) 126.com')}")
add("zh-email", f"邮箱 {E('liu.yang at gmail dot com')}")
add("zh-email", f"邮件发到 {E('sunhao(at)foxmail(dot)com')}")
add("zh-email", f"邮箱 {E('wangfang#126.com')}")
add("zh-email", f"邮箱地址 {E('ZHAO.MIN AT OUTLOOK DOT COM')}")
add("zh-email", f"邮箱 {E('huang_li＠qq．com')}")
x = cnmob()
add("zh-link", f"WhatsApp 链接 https://api.whatsapp.com/send?phone={P('%2B86' + x)}")
m = thmob()
add("zh-link", f"泰国 WhatsApp wa.me/{P('66' + m)}")
add("zh-handle", f"微信 {W('chen_bkk_88')}，Telegram 也是这个名字")
add("zh-handle", f"LINE {L('@lin.thai')}，微信不常用")
add("zh-handle", f"Telegram/微信 {W('zhou_tg_77')}")
add("zh-handle", f"微信号：{W('wxid_p3k9m2')}（Telegram 同名）")
x = cnmob()
add("zh-foreign", f"国内手机 {P('+86 ' + cnmob_sp(x))}")
x = cnmob()
add("zh-foreign", f"手机 {P('(+86) ' + x)}")
x = cnmob()
add("zh-foreign", f"电话 {P('0086-' + cnmob_sp(x, '-'))}")
add("zh-foreign", f"香港手机 {P('+852 ' + hk())}")
add("zh-foreign", f"香港电话 {P('(852) ' + hk())}")
add("zh-foreign", f"澳门 {P('+853 ' + mo())}")
add("zh-foreign", f"台湾手机 {P('+886 ' + tw())}")
add("zh-foreign", f"台湾 {P('+886-9' + d(8))}")
add("zh-foreign", f"新加坡 {P('+65 ' + sg())}")
add("zh-foreign", f"马来西亚 {P('+60 ' + my())}")
add("zh-foreign", f"缅甸工人电话 {P('+95 ' + mm())}")
add("zh-foreign", f"老挝 {P('+856 ' + la())}")
add("zh-foreign", f"柬埔寨 {P('+855 ' + kh())}")
add("zh-foreign", f"香港 {P('+852' + hk().replace(' ', ''))}")
add("zh-passport", f"办泰国工作证，护照号 {PP('E' + d(8))}")
add("zh-passport", f"护照 {PP('EA' + d(7))}，签证快到期了")
add("zh-passport", f"缅甸员工护照号码 {PP('MB' + d(6))}，办工作许可")
add("zh-passport", f"台湾护照 {PP('3' + d(8))}")
add("zh-passport", f"港澳通行证不算，护照是 {PP('K' + d(8))}")
add("zh-pink", f"泰国粉卡号码 {T(thid_dashed(pink('6')))}（缅甸工人）")
add("zh-pink", f"外籍人士泰国身份证号 {T(pink('6'))}")
add("zh-pink", f"孩子在泰国出生，身份证号 {T(pink('7'))}")
m = thmob()
add("zh-mixed", f"泰国电话 {P(fw(sp3(m)))}，LINE {L('zhao_bkk')}")
add("zh-mixed", f"银行账号 {B(fw(cnacct()))}，工商银行")
add("zh-mixed", f"信用卡 {C(fw(groups4(card('62', 16))))} 付款失败")
add("zh-mixed", f"监控 IP {IP(fw(ip4()))}")
x = cnmob()
add("zh-mixed", f"电话 {P(x[:3] + ' ' + x[3:5] + ' ' + x[5:7] + ' ' + x[7:9] + ' ' + x[9:])}，邮箱 {E('yang.fan 艾特 qq 点 com')}")
m = thmob()
add("zh-mixed", f"泰国手机 {P('0' + ' ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}")
add("zh-mixed", f"盘谷银行账号 {B(thd(acct_dashed()))}")
add("zh-mixed", f"泰国身份证 {T(fw(thid_dashed(thid())))}")
x = cnmob()
add("zh-link", f"拨打 tel:{P('%2B86' + x)}")

neg("zh-neg", "价格 ￥１２，８００ 含税")
neg("zh-neg", "数量 ２０ 块 × ５５０Ｗ")
neg("zh-neg", "安装日期 ２０２５年１１月２８日 １４：３０")
neg("zh-neg", "型号 ＳＵＮ－５Ｋ－ＳＧ０４ＬＰ１")
neg("zh-neg", "电表读数 １２３４５．６ 度")
neg("zh-neg", "地址 ５５号 ３栋 １２０５室")
neg("zh-neg", "订单号 ORD 2025 1128 0017")
neg("zh-neg", "版本 ｖ２．３．１ 已更新")
neg("zh-neg", "坐标 １３．７５６３，１００．５０１８")
neg("zh-neg", "图标文件 logo@2x.png")
neg("zh-neg", "执行 npm i solar-calc@1.2.3")
neg("zh-neg", "点击 at 按钮，然后点 确定")
neg("zh-neg", "工作证费用 ３，１００ 泰铢")
neg("zh-neg", "电池 １０．２４ kWh，５１．２ V")
neg("zh-neg", "上班时间 ０８：００－１７：００")
neg("zh-neg", "功率 １０ｋＷ，质保 １０ 年")
neg("zh-neg", "快递单号 SF 1234 5678 9012 3")
neg("zh-neg", "发票号 ２０２５１１２８００１７")
neg("zh-neg", "房间 ３０４，楼层 ３")
neg("zh-neg", "金额 ４５，９００ 泰铢，定金 ３０％")
neg("zh-neg", "素坤逸 ５５ 巷 １ 号")
neg("zh-neg", "编号 ０８１２ ３４５")
neg("zh-neg", "一点钟 at 公司见，三点 dot 结束")
neg("zh-neg", "git@github.com:siamsolar/app.git 仓库")
neg("zh-neg", "２０２５．１２．０５ 上午 ９：００")

# Missed when the set was first measured (and the hard negatives then redacted) are kept, and
# measured, as TODO cases until a general rule gets them right (docs/redaction.md, the thirteenth
# fresh set): the blind run's ten misses and five false positives are right now.
KNOWN_MISS_STARTS = ()
write(sys.argv[1], """# Thirteenth fresh set of redaction cases (bench/gen-redact-fresh13.py), written before the
# redactor was run on it: about sixty messages with values and twenty-five hard negatives per
# language (categories en-, th-, zh-), values as people disguise or format them and the foreign
# residents of Thailand give them: full-width and Thai digits, digits spaced out one by one or in
# odd groups, with dots or slashes, a number split over two lines (the break made a space), e-mail
# addresses hidden from robots (at/dot, [at], (at), แอท/ดอท, 艾特/点, full-width), %2B66 in a link,
# wa.me/660…, handles next to a LINE or WeChat word, the numbers of neighbouring and
# Chinese-speaking places (+86, +852, +853, +886, +65, +60, +95, +856, +855), foreign passports beside
# a work permit, non-Thai residents' 13-digit IDs; hard negatives of the same style (full-width and
# Thai-digit prices, dates, times, models, kWh, house numbers and sois, spaced order codes, versions,
# coordinates, "at" and "dot" in sentences, e-mail-looking texts). Same format as redact.tests
# (`INPUT ⇒ EXPECTED`, `=` for unchanged); run by tests/plugins/test-redact-golden.c (test
# redact-golden-fresh13: the cases of [known-miss] are TODO while they leak) and measured by
# `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh13.tests`.
""",
      lambda text, expected: text.startswith(KNOWN_MISS_STARTS))
