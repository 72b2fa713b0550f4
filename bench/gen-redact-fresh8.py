#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh8.tests: an eighth fresh set of redaction cases, written before any
run of the redactor on it, in a style the earlier sets used less: longer messages carrying several
values at once. By language, about seventy messages with values and twenty-five hard negatives each
in English, Thai and Chinese (the categories start `en-`, `th-` and `zh-`):

- form-like pastes (`Name: … Tel: … Email: … LINE: …`, `ชื่อ … เบอร์ … ไลน์ …`, `姓名：… 电话：…
  邮箱：…`), with colons, tabs, `|`, `;`, `=`, full-width punctuation, labels glued to their values,
  and e-mail and chat signatures (`M: … | E: … | LINE: …`, `Best regards`, `--`);
- numbers with unusual separators: slashes, parentheses, spaces around dashes, full-width digits
  and punctuation (`０８１－２３４－５６７８`), Thai digits mixed with Arabic ones in one number;
- foreign customers' phone numbers in their own groupings (+44, +1, +86, +65, +60, +852, +61, +81,
  +49), Chinese mobiles with `86`, `0086`, `(86)` and spaces;
- e-mail addresses with plus tags, subdomains, capitals, `.co.th`, `.in.th`, `.ac.th`, `.com.cn`,
  `.io` and newer TLDs, odd but valid local parts, `mailto:` and `<…>`;
- LINE ids as add-friend links (`line.me/ti/p/~id`, `line.me/R/ti/p/~id`) and `@` ids next to a
  LINE word; values glued to Thai or Chinese text without a space; voice-typed messages;
- hard negatives of the same messages: quotation, invoice, order and tracking numbers, inverter
  and battery serials and models, kWh meter readings, coordinates, prices in several currencies,
  Buddhist-era dates, times, rooms, postcodes, bank names without numbers, electricity account
  numbers, versions.

A message split over lines cannot be a case (the format is one line a case, and `cblue redact`
works a line at a time), so numbers split by a line break are not here.

Values have valid checksums (Thai ID mod 11 with a person type 1-8, Chinese ID ISO 7064 MOD 11-2,
Luhn for cards); bank account numbers fail Luhn so that they are not also card numbers.

    bench/gen-redact-fresh8.py tests/data/redact-fresh8.tests
"""
import sys

import redact_cases
from redact_cases import B, C, CN, E, IP, L, P, PP, T, W, acct, acct_dashed, add, d, dash3, fw, groups4, luhn, neg, \
    not_luhn, sp3, start, thd, thid, thid_dashed, thmob, write

r = start(20261308)


def cnid():
    return redact_cases.cnid(["110105", "310104", "440305", "330106", "510107", "320102", "350203"], (1962, 2004))


def cnmob():
    return "1" + r.choice(["35", "37", "39", "50", "58", "59", "66", "80", "85", "87", "89", "98"]) + d(8)


def cnmob_sp(c, sep=" "):
    return c[:3] + sep + c[3:7] + sep + c[7:]


def bkk():
    return "02" + r.choice("123456789") + d(6)


def intl(m, sep=" "):
    return "+66" + sep + m[1:3] + sep + m[3:6] + sep + m[6:]


def card(first="4", n=16):
    return luhn(first + d(n - 1 - len(first)))


def mix(s):
    """Thai digits for the first few digits of @s and Arabic ones for the rest, as a phone's keyboard
    switched half way gives."""
    k = r.choice([2, 3, 4])
    return thd(s[:k]) + s[k:]


def ip4():
    return "%d.%d.%d.%d" % (r.choice([49, 58, 110, 171, 182, 183, 203]), r.randint(0, 255), r.randint(0, 255),
                            r.randint(1, 254))


# =============================== English ===============================
m = thmob()
add("en-form", f"Name: Emily Clark Tel: {P(dash3(m))} Email: {E('emily.clark+solar@gmail.com')} LINE ID: {L('emilyc_88')}")
m = thmob()
add("en-form", f"Name:\tRobert Hayes\tPhone:\t{P(sp3(m))}\tE-mail:\t{E('rob.hayes@outlook.com')}")
m = thmob()
add("en-form", f"Full name: Tom Becker | Mobile: {P(intl(m))} | Email: {E('TOM.BECKER@GMAIL.COM')} | Preferred contact: LINE")
m = thmob()
add("en-form", f"name=Anna Wright; tel={P(m)}; mail={E('anna.w@wright-family.net')}")
m = thmob()
t = thid()
add("en-form", f"Customer details - Name: Niran P., ID card no.: {T(thid_dashed(t))}, Tel: {P(m)}, Address: 55/12 Moo 3, Chiang Mai 50230")
m = thmob()
add("en-form", f"Contact person: Mr. Lee / Tel: {P(m[:3] + '/' + m[3:6] + '/' + m[6:])} / Email: {E('lee.kh@sinotech.com.cn')}")
m = thmob()
add("en-form", f"Mobile No.:{P(m)} Email ID:{E('priya.nair91@yahoo.co.in')}")
m = thmob()
add("en-form", f"Phone (mobile): {P('(' + m[:3] + ') ' + m[3:6] + ' ' + m[6:])}, phone (office): {P('(02) ' + bkk()[2:5] + ' ' + d(4))}")
m = thmob()
add("en-form", f"Tel/LINE: {P(m)} (same number), email {E('j.morgan@morgan-villas.co.th')}")
add("en-form", f"Passport No.: {PP('5' + d(8))}  Nationality: USA  Phone: {P('+1 (415) 555-' + d(4))}")
add("en-form", f"Passport: {PP('GB' + d(7))} | UK mobile: {P('+44 7700 ' + d(6))} | Thai mobile: {P(dash3(thmob()))}")
add("en-form", f"Bank: Kasikorn | A/C No: {B(acct_dashed())} | A/C name: Mark Evans | Phone: {P(dash3(thmob()))}")
k = card()
add("en-form", f"Card no: {C(groups4(k))}  Exp: 09/28  Name on card: S. KOWALSKI  Billing email: {E('s.kowalski@proton.me')}")
m = thmob()
add("en-form", f"Installer: Somchai (our guy) {P(m)}; Owner: Daniel Roth {P('+49 151 ' + d(8))}; site email {E('roth.daniel@web.de')}")
m = thmob()
add("en-form", f"Mob:{P(dash3(m))},Email:{E('kate.b@icloud.com')},Line:{L('kateb.th')}")

m = thmob()
add("en-sig", f"Best regards, John Carter | Operations Manager | M: {P(intl(m))} | E: {E('john.carter@sunvolt.co.th')} | LINE: {L('johnc_bkk')}")
o = bkk()
m = thmob()
add("en-sig", f"-- Sarah Ng, Facilities, T {P('+66 2 ' + o[2:5] + ' ' + o[5:])} M {P(intl(m))} {E('sarah.ng@bangkokprime.com')}")
m = thmob()
add("en-sig", f"Thanks, Mike -- Mike Dawson, Dawson Resorts Co., Ltd. Mobile {P(dash3(m))} {E('mike@dawsonresorts.in.th')}")
add("en-sig", f"Kind regards, Dr. Wanchai S., Faculty of Engineering, email {E('wanchai.s@eng.cmu.ac.th')}, tel {P('053-' + d(6))}")
add("en-sig", f"Cheers, Liam | {P('+61 412 ' + d(3) + ' ' + d(3))} | {E('liam@voltgrid.io')}")
m = thmob()
add("en-sig", f"Sent from my iPhone. Ben Hall, mobile {P(m)}, {E('ben.hall@me.com')}")
add("en-sig", f"Regards, Chen Wei | Sales Director APAC | {P('+65 9' + d(3) + ' ' + d(4))} | {E('wei.chen@sg.solarix-group.com')}")
add("en-sig", f"Yours sincerely, Aiko Tanaka, Mobile: {P('+81 90-' + d(4) + '-' + d(4))}, E-mail: {E('aiko.tanaka@tanaka-shoji.jp')}")
add("en-sig", f"Thanks! Hamid | WhatsApp {P('+60 12-' + d(3) + ' ' + d(4))} | {E('hamid.r+quotes@gmail.com')}")
add("en-sig", f"Regards, Paul Wong (HK) {P('+852 9' + d(3) + ' ' + d(4))} / {E('paulwong@netvigator.com')}")

m = thmob()
add("en-multi", f"Hi, I'm Oliver. You can call me on {P(m)} or email {E('oliver.grant88@gmail.com')}, and my LINE is {L('oliver_g88')}, whichever is easier")
m = thmob()
add("en-multi", f"please contact my wife instead, her number is {P(sp3(m))} and her email {E('nok.grant@hotmail.com')}, she speaks Thai")
m = thmob()
add("en-multi", f"Two numbers: mine {P(dash3(m))}, my partner's in the UK {P('+44 (0)7911 ' + d(6))}")
c = cnmob()
add("en-multi", f"my Chinese colleague will handle it, he's on WeChat {W('zhanglei_sz88')} or phone {P('+86 ' + cnmob_sp(c))}")
add("en-multi", f"I'm American, call me on my US cell {P('+1 646-' + d(3) + '-' + d(4))} until Friday, after that my Thai SIM {P(dash3(thmob()))}")
add("en-multi", f"Refund please: Bangkok Bank savings acct {B(acct())}, name Peter Holm, confirm to {E('peter.holm@gmail.com')}")
add("en-multi", f"The system is online, public IP {IP(ip4())}, login is admin, send the report to {E('it-support@greenfield.co.th')}")
m = thmob()
add("en-multi", f"For the permit you need my passport {PP('C' + d(8))} and my phone {P(m)}, right?")
m = thmob()
add("en-multi", f"I tried to pay with card {C(card('5' + r.choice('1234')))} but it failed, please call {P(m)}")
add("en-multi", f"add me on LINE: https://line.me/ti/p/~{L('david.k2024')} and tell me when the installer is coming")
add("en-multi", f"my line link line.me/R/ti/p/~{L('sunnyhome_th')} - or email {E('hello@sunnyhome.solar')}")
m = thmob()
add("en-multi", f"you can find our shop on LINE {L('@greenleafcafe')} and the owner's mobile is {P(m)}")

m = thmob()
add("en-fmt", f"my number is {P(fw(m[:3] + '-' + m[3:6] + '-' + m[6:]))} sorry typing on a Japanese keyboard")
m = thmob()
add("en-fmt", f"call {P(m[:3] + ' - ' + m[3:6] + ' - ' + m[6:])} after 6pm")
m = thmob()
add("en-fmt", f"Phone: {P('+66-(0)' + m[1:3] + '-' + m[3:6] + '-' + m[6:])}")
m = thmob()
add("en-fmt", f"tel: {P('(+66)' + m[1:])}, email: {E('k.anderson@company.co.th')}")
c = cnmob()
add("en-fmt", f"China mobile: {P('86 ' + cnmob_sp(c))}")
c = cnmob()
add("en-fmt", f"My number in China is {P('0086-' + c[:3] + '-' + c[3:7] + '-' + c[7:])}")
add("en-fmt", f"landline {P('+44 (0)20 7946 ' + d(4))} (London office)")
add("en-fmt", f"email: {E('Maria.Gonzalez_1987@Hotmail.com')}")
add("en-fmt", f"e-mail is {E('o.reilly-97@students.mahidol.ac.th')}")
add("en-fmt", f"send to {E('procurement.th@asia.bigcorp.com')} and cc {E('f.li@bigcorp.com.cn')}")
add("en-fmt", f"please reply to <{E('noreply.fix+ticket552@helpdesk.io')}>")
add("en-fmt", f"mailto:{E('orders@thai-solar-farm.org')}")
add("en-fmt", f"ID: {T(thid_dashed(thid(), ' - '))} (Thai national ID)")
t = cnid()
add("en-fmt", f"Chinese ID {CN(t)}, passport {PP('E' + d(8))}")

m = thmob()
add("en-voice", f"hi yes my phone number is {P(sp3(m))} and my email is {E('mark dot evans at gmail dot com')} thank you")
m = thmob()
add("en-voice", f"OK so the number is {P(m[:3] + ' ' + m[3:7] + ' ' + m[7:])} period and my line ID is {L('mark_evans77')} period")
add("en-voice", f"email address {E('jenny.wu88 at yahoo dot com')} and phone {P(dash3(thmob()))}")
m = thmob()
add("en-voice", f"my number is {P(m[:1] + ' ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])} call me")
add("en-voice", f"Send it to {E('tonystark99 at gmail.com')} please")

m = thmob()
add("en-multi", f"Emergency contact: Khun Pim (sister) {P(m)} / {E('pim.sis@gmail.com')}")
m = thmob()
add("en-multi", f"Contact me via WhatsApp ({P(intl(m))}) or e-mail ({E('dana.k@outlook.com')})")
m = thmob()
add("en-form", f"[Name] James Porter [Tel] {P(dash3(m))} [Email] {E('jporter@porter.co.nz')}")
m = thmob()
add("en-form", f"Tel.: {P(dash3(m))}, {P(dash3(thmob()))} (after hours)")
add("en-fmt", f"phone: {P('+1-415-555-' + d(4))}")
add("en-fmt", f"NZ mobile {P('+64 21 ' + d(3) + ' ' + d(4))}, I'm here till March")
add("en-fmt", f"my French number {P('+33 6 ' + d(2) + ' ' + d(2) + ' ' + d(2) + ' ' + d(2))}")
add("en-fmt", f"Indian number {P('+91 9' + d(4) + ' ' + d(5))} on WhatsApp")
add("en-fmt", f"Korean mobile {P('+82 10-' + d(4) + '-' + d(4))}")
m = thmob()
add("en-form", f"Mobile#: {P(m)} | Alt#: {P(thmob())}")
add("en-fmt", f"Email: {E('ADMIN@BAANSUAN.IN.TH')}")
add("en-multi", f"Line id - {L('mike_th88')}, phone {P(dash3(thmob()))}")
add("en-multi", f"For the refund use IBAN {B(redact_cases.iban('DE', '37040044' + d(10)))}, BIC COBADEFFXXX, and email me at {E('h.mueller@gmx.de')}")
k = luhn("37" + d(12))
add("en-form", f"Card: {C(k[:4] + ' ' + k[4:10] + ' ' + k[10:])} | Name: R. Singh | Tel: {P(dash3(thmob()))}")
add("en-multi", f"passports: {PP('K' + d(7))} (wife), {PP('X' + d(8))} (me)")
add("en-voice", f"my email is {E('peter underscore lee at gmail dot com')} thanks")
m = thmob()
add("en-multi", f"reach me at {P(m[:3] + '.' + m[3:6] + '.' + m[6:])} or {E('dan@danhomes.co')}")

neg("en-neg", "Quotation QT-2026-0001 and QT-2026-0002 for the 10 kW hybrid system, total ฿389,000")
neg("en-neg", "invoice INV#88321 dated 27/11/2026, due 12/12/2026, amount USD 1,250.00")
neg("en-neg", "Inverter S/N: 2305126678 / battery S/N: BYD2203150123, model GW10K-ET")
neg("en-neg", "meter reading today 15230.5 kWh, last month 14788.2 kWh")
neg("en-neg", "Site location 13.7563, 100.5018 (Google Maps), roof faces south-west")
neg("en-neg", "Order No. 2611270001234 | Qty 24 | Unit price ฿4,500 | Total ฿108,000")
neg("en-neg", "Delivery window 09:00-12:00 on Tue 1 Dec, room 1204, building B")
neg("en-neg", "Postcode 10110, Sukhumvit Soi 24, Khlong Toei")
neg("en-neg", "Can I pay by transfer to Kasikorn or Bangkok Bank, or only by card?")
neg("en-neg", "Tracking: Kerry KEX1234567890, Flash TH0123456789A, EMS EB123456789TH")
neg("en-neg", "The LUNA2000-15-S0 battery shows SOC 87% and 51.2 V, 280 Ah")
neg("en-neg", "firmware V1.2.3.4 installed, next version 1.2.4.0 on 2026-12-15")
neg("en-neg", "PEA customer no. 020012345678, bill 3,214.50 THB for Oct")
neg("en-neg", "Price is ¥12,800 or €1,650 or US$1,790 incl. shipping")
neg("en-neg", "Ticket #552 | Priority 2 | SLA 48h | opened 27 Nov 2026 14:32")
neg("en-neg", "Panels: 24 x JA Solar JAM72S30-550/MR, string 2 x 12, Voc 49.9 V")
neg("en-neg", "Wire transfer ref 20261127-0045-TH, PO 4500123456")
neg("en-neg", "my house is 99/123 Moo 4, the gate code is 4580")
neg("en-neg", "We have 3 x 5.12 kWh packs, 15.36 kWh in total, 6000 cycles")
neg("en-neg", "From 1 Jan 2569 B.E. (2026) the FiT is 2.20 baht/kWh for 10 years")
neg("en-neg", "error codes: F01 at 06:12, F35 at 06:15, W08 at 07:00")
neg("en-neg", "Part no. 7000-1234-5678 and 4000-2222-3333 please")
neg("en-neg", "line 3 of the quote says 2 x 32A breakers, line 4 says 50 m cable")
neg("en-neg", "DMS 13°45'22.7\"N 100°30'06.5\"E is the warehouse")
neg("en-neg", "Your hotline 02-xxx-xxxx never answers, and the 1111 line either")

# =============================== Thai ===============================
m = thmob()
add("th-form", f"ชื่อ สมชาย ใจดี เบอร์ {P(dash3(m))} ไลน์ {L('somchai.jd')} อีเมล {E('somchai.j@gmail.com')}")
m = thmob()
add("th-form", f"ชื่อ-สกุล: นางสาววิภา แก้วมณี | เบอร์โทร: {P(m)} | อีเมล: {E('wipa.k@hotmail.com')} | ไลน์: {L('wipa_k2540')}")
m = thmob()
t = thid()
add("th-form", f"ชื่อ: นายกิตติ ศรีสุข เลขบัตรประชาชน: {T(thid_dashed(t))} เบอร์มือถือ: {P(sp3(m))}")
m = thmob()
add("th-form", f"ชื่อผู้ติดต่อ คุณแพรว\tมือถือ {P(m)}\tอีเมล {E('praew.n@siamhome.co.th')}")
m = thmob()
add("th-form", f"ข้อมูลลูกค้า: คุณธนพล / โทร. {P(m[:3] + '/' + m[3:6] + '/' + m[6:])} / ไลน์ไอดี {L('thanapon.s')}")
m = thmob()
add("th-form", f"ชื่อ อรุณี เบอร์ติดต่อ{P(m)}ไลน์{L('arunee_99')}ค่ะ")
m = thmob()
add("th-form", f"ผู้ติดต่อ: คุณเอก, Tel. {P(dash3(m))}, E-mail: {E('ake.t@bkkengineering.co.th')}, Line ID: {L('ake_eng')}")
m = thmob()
add("th-form", f"ชื่อบัญชี: นายวีระ ทองดี ธนาคาร: กสิกรไทย เลขที่บัญชี: {B(acct_dashed())} เบอร์พร้อมเพย์: {P(dash3(m))}")
m = thmob()
add("th-form", f"ชื่อ-นามสกุล ณัฐวุฒิ พลอยงาม; เลขบัตร ปชช. {T(thid())}; โทร {P(m)}; อีเมล {E('nattawut.p@outlook.co.th')}")
m = thmob()
add("th-form", f"ชื่อ: ประภาพร เบอร์: {P(m)}")
m = thmob()
add("th-form", f"บริษัท สยามโซลาร์ จำกัด ผู้ติดต่อ คุณดาว โทร {P('02-' + d(3) + '-' + d(4))} ต่อ 112 มือถือ {P(dash3(m))} อีเมล {E('dao@siamsolar.in.th')}")
m = thmob()
add("th-form", f"ชื่อ=ปิยะ ; เบอร์={P(m)} ; ไลน์={L('piya_2535')}")
m = thmob()
add("th-form", f"เลขที่หนังสือเดินทาง {PP('AA' + d(7))} สัญชาติไทย เบอร์ {P(m)}")
m = thmob()
add("th-form", f"ชื่อ: มาลี | เบอร์: {P(fw(dash3(m)))} | ไลน์: {L('malee.s')}")
k = card()
add("th-form", f"ชื่อบนบัตร: SUPAPORN K. เลขบัตรเครดิต: {C(groups4(k))} หมดอายุ: 05/29")

m = thmob()
add("th-sig", f"ขอบคุณครับ -- ธีรวัฒน์ ฝ่ายจัดซื้อ บจก. ไทยพาวเวอร์ โทร {P(dash3(m))} อีเมล {E('teerawat@thaipower.co.th')}")
m = thmob()
add("th-sig", f"ด้วยความเคารพ, ผศ.ดร.สุรชัย คณะวิศวกรรมศาสตร์ {E('surachai.k@eng.kku.ac.th')} โทร {P('043-' + d(6))}")
m = thmob()
add("th-sig", f"ขอบคุณค่ะ / น้ำฝน (แอดมินร้าน) ไลน์ร้าน {L('@namfon.shop')} เบอร์ร้าน {P(m)}")
m = thmob()
add("th-sig", f"ส่งจาก iPhone ของฉัน -- คุณต่อ {P(m)} | {E('tor.wongsa@gmail.com')}")
m = thmob()
add("th-sig", f"ขอแสดงความนับถือ อัญชลี ฝ่ายบัญชี T: {P('02 ' + d(3) + ' ' + d(4))} M: {P(m)} E: {E('anchalee.acc@vrtgroup.com')}")

m = thmob()
add("th-multi", f"สวัสดีค่ะ อยากให้ช่างโทรมาก่อนเข้าไปดูหน้างานนะคะ เบอร์ {P(m)} หรือทักไลน์ {L('jeab_2537')} ก็ได้ค่ะ ส่งใบเสนอราคามาที่ {E('jeab.s@gmail.com')} ด้วยนะคะ")
m = thmob()
add("th-multi", f"ถ้าโทรหาผมไม่ติดให้โทรหาภรรยา {P(sp3(m))} หรือเบอร์บ้าน {P('02-' + d(3) + '-' + d(4))} ครับ")
m = thmob()
add("th-multi", f"โอนคืนเข้าบัญชี ไทยพาณิชย์ {B(acct())} ชื่อ สมหญิง แล้วส่งสลิปมาที่ไลน์ {L('somying.p')} นะคะ")
m = thmob()
add("th-multi", f"สามีเป็นคนอังกฤษค่ะ เบอร์เขา {P('+44 7' + d(3) + ' ' + d(6))} ส่วนเบอร์ดิฉัน {P(dash3(m))}")
c = cnmob()
add("th-multi", f"ลูกค้าคนจีนให้เบอร์มา {P('+86 ' + cnmob_sp(c))} และวีแชท {W('liwei_bkk')} ค่ะ")
add("th-multi", f"ขอเปลี่ยนอีเมลในระบบจาก {E('old.mail@yahoo.com')} เป็น {E('new.mail2026@gmail.com')} ค่ะ")
m = thmob()
add("th-multi", f"ขอใบกำกับภาษีในนามบริษัท เลขผู้เสียภาษี 0105561234567 ส่งมาที่ {E('account+tax@kampang.co.th')} โทร {P(m)}")
m = thmob()
add("th-multi", f"แอดไลน์ผ่านลิงก์นี้ได้เลยค่ะ https://line.me/ti/p/~{L('kaew.kaew')} หรือโทร {P(m)}")
add("th-multi", f"เร้าเตอร์บ้านไอพี {IP(ip4())} ช่างรีโมทเข้าไปดูได้ไหมคะ ติดต่อ {P(dash3(thmob()))}")
t = thid()
add("th-multi", f"ยื่นขออนุญาตไฟฟ้าใช้บัตรประชาชน {T(t)} ของแม่นะคะ เบอร์แม่ {P(dash3(thmob()))}")
k = card("5" + r.choice("12345"))
add("th-multi", f"ตัดบัตร {C(k[:4] + '-' + k[4:8] + '-' + k[8:12] + '-' + k[12:])} ไม่ผ่านค่ะ ติดต่อกลับ {P(thmob())}")
add("th-multi", f"เพื่อนชาวมาเลย์ เบอร์ {P('+60 17-' + d(3) + ' ' + d(4))} อีเมล {E('aziz.h@gmail.com')} ค่ะ")

m = thmob()
add("th-glue", f"โทร{P(m)}ได้เลยค่ะ")
m = thmob()
add("th-glue", f"เบอร์{P(dash3(m))}นะคะ")
add("th-glue", f"อีเมล{E('ploy.pim@gmail.com')}ค่ะ")
add("th-glue", f"ไลน์{L('pimploy_2541')}ค่ะ")
m = thmob()
add("th-glue", f"ติดต่อคุณเล็กที่{P(m)}หรืออีเมล{E('lek.s@hotmail.com')}ค่ะ")
m = thmob()
add("th-glue", f"เบอร์มือถือ{P(thd(m))}ค่ะ")
m = thmob()
add("th-glue", f"มือถือ{P(mix(m))}")
m = thmob()
add("th-glue", f"โทร {P(mix(dash3(m)))} ค่ะ")
m = thmob()
add("th-glue", f"เบอร์ {P(fw(m[:3]) + '－' + fw(m[3:6]) + '－' + fw(m[6:]))} ค่ะ")
m = thmob()
add("th-glue", f"เบอร์ {P('(' + m[:3] + ')' + m[3:6] + '-' + m[6:])} ค่ะ")
m = thmob()
add("th-glue", f"เบอร์โทร {P(m[:3] + ' - ' + m[3:6] + ' - ' + m[6:])}")
m = thmob()
add("th-glue", f"โทร. {P('+66(0)' + m[1:3] + '-' + m[3:6] + '-' + m[6:])}")
t = thid()
add("th-glue", f"เลขบัตรประชาชน{T(mix(t))}ค่ะ")
add("th-glue", f"เลขบัญชีกรุงไทย{B(acct())}ค่ะ")

add("th-email", f"อีเมลบริษัท {E('Purchasing.Dept@ThaiSteel.co.th')} นะคะ")
add("th-email", f"อีเมล {E('noppadol.w+solar@gmail.com')} ค่ะ")
add("th-email", f"เมลมหาลัย {E('6401234567@student.chula.ac.th')} ค่ะ")
add("th-email", f"ส่งเอกสารไปที่ {E('hr.admin@mail.bangkokhospital.co.th')}")
add("th-email", f"อีเมลร้าน {E('hello@baankaew.shop')}")

m = thmob()
add("th-voice", f"สวัสดีค่ะ เบอร์โทรศัพท์ของดิฉันคือ {P(sp3(m))} อีเมลคือ {E('sunisa แอท gmail ดอท com')} ค่ะ")
m = thmob()
add("th-voice", f"ขอเบอร์ผมนะครับ {P(m[:3] + ' ' + m[3:6] + ' ' + m[6:])} ไลน์ไอดี {L('boy_2534')} ครับ")
add("th-voice", f"อีเมลผมคือ {E('wichit.p แอท hotmail ดอท คอม')} ครับ")
m = thmob()
add("th-voice", f"ไลน์ผมคือ {L('tum_bkk')} เบอร์คือ {P(m)} ครับผม")

add("th-bank", f"บัญชีธนาคารกรุงเทพ {B(acct_dashed())} ชื่อบัญชี บจก. ศรีสุข หรือพร้อมเพย์ {P(dash3(thmob()))}")
add("th-bank", f"เลขที่บัญชี {B(thd(acct_dashed()))} ธ.ออมสิน")
add("th-bank", f"พร้อมเพย์ {T(thid_dashed(thid()))} ชื่อ สมปอง")

m = thmob()
add("th-multi", f"ติดต่อ คุณนิด {P(dash3(m))}, คุณหน่อย {P(dash3(thmob()))}")
m = thmob()
add("th-multi", f"เบอร์ออฟฟิศ {P('02-' + d(3) + '-' + d(4))} ต่อ 205 หรือมือถือ {P(sp3(m))}")
add("th-multi", f"แฟนเป็นคนออสเตรเลีย เบอร์ {P('+61 4' + d(2) + ' ' + d(3) + ' ' + d(3))} ค่ะ")
add("th-multi", f"ไอดีไลน์: {L('@sunny.home')} ค่ะ (ไลน์ร้าน)")
add("th-multi", f"แอดไลน์ line.me/R/ti/p/~{L('nok_2536')} ได้เลยค่ะ")
m = thmob()
add("th-form", f"ชื่อ สมศรี / เบอร์ {P(m)} / เลขบัตร {T(thid_dashed(thid()))} / ที่อยู่ 12/3 ม.5")
add("th-email", f"อีเมล: {E('SOMSRI.T@GMAIL.COM')}")
add("th-email", f"อีเมลมหาวิทยาลัย {E('nattapong.s@mail.kmutt.ac.th')}")
m = thmob()
add("th-glue", f"โทร {P(m[:4] + '-' + m[4:])} หรือ {P(m[:4] + '-' + m[4:7] + '-' + m[7:])} ก็ได้")
m = thmob()
add("th-form", f"เบอร์โทร(มือถือ) {P(m)}")
add("th-bank", f"เลขบัญชีกสิกร {B(acct_dashed())} ชื่อบัญชี วรรณา พร้อมเพย์ {P(thmob())}")
t = thid()
add("th-form", f"บัตรประชาชน {T(t[0] + ' ' + t[1:5] + ' ' + t[5:10] + ' ' + t[10:12] + ' ' + t[12])}")
m = thmob()
add("th-form", f"Tel: {P(dash3(m))} (ดีแทค), {P('02-' + d(3) + '-' + d(4))} (บ้าน)")
add("th-multi", f"ไลน์ไอดี {L('nok-2536')} อีเมล {E('nok2536@hotmail.com')}")
add("th-email", f"ส่งเมลมาที่ {E('support@kb-solar.co.th')} หรือ {E('sales@kb-solar.co.th')}")
add("th-form", f"หนังสือเดินทาง: {PP('AB' + d(7))} (ภรรยา)")
m = thmob()
add("th-form", f"เบอร์ {P('+66 ' + m[1:3] + '-' + m[3:6] + '-' + m[6:])} (ทรู)")

neg("th-neg", "ใบเสนอราคาเลขที่ QT-2569-0001 ยอดรวม 389,000 บาท รวม VAT แล้ว")
neg("th-neg", "ใบแจ้งหนี้ INV#88321 ลงวันที่ 27 พ.ย. 2569 ครบกำหนด 12 ธ.ค. 2569")
neg("th-neg", "อินเวอร์เตอร์ S/N 2305126678 แบต S/N BYD2203150123 รุ่น GW10K-ET ค่ะ")
neg("th-neg", "เลขมิเตอร์อ่านได้ 15230.5 หน่วย เดือนก่อน 14788.2 หน่วย")
neg("th-neg", "พิกัดหน้างาน 13.736717,100.523186 หลังคาหันทิศใต้")
neg("th-neg", "หมายเลขผู้ใช้ไฟฟ้า 020012345678 ค่าไฟ 3,214.50 บาท")
neg("th-neg", "นัดติดตั้งวันอังคารที่ 1 ธ.ค. พ.ศ. 2569 เวลา 09.30-12.00 น.")
neg("th-neg", "คอนโดห้อง 1204 ชั้น 12 อาคาร B รหัสไปรษณีย์ 10110")
neg("th-neg", "โอนผ่านกสิกรหรือไทยพาณิชย์ได้ไหมคะ หรือต้องจ่ายบัตรเท่านั้น")
neg("th-neg", "เลขพัสดุ Kerry KEX1234567890 กับไปรษณีย์ EB123456789TH ค่ะ")
neg("th-neg", "แบตเตอรี่ 51.2V 280Ah จำนวน 3 ก้อน รวม 43 kWh")
neg("th-neg", "เฟิร์มแวร์เวอร์ชัน V1.2.3.4 อัปเดตเมื่อ ๒๗/๑๑/๒๕๖๙")
neg("th-neg", "ราคา ฿12,800 หรือ 2,590 หยวน หรือ 360 USD")
neg("th-neg", "เลขที่คำสั่งซื้อ 2611270001234 จำนวน 24 แผง แผงละ 4,500 บาท")
neg("th-neg", "ติดตั้งเสร็จ 14:30 น. ทดสอบระบบถึง 16:00 น.")
neg("th-neg", "บ้านเลขที่ 99/123 หมู่ 4 ซ.สุขุมวิท 101/1 ต.บางนา")
neg("th-neg", "เลขประจำตัวผู้เสียภาษีของบริษัท 0105561234567 สาขาสำนักงานใหญ่")
neg("th-neg", "ใบสั่งซื้อ PO 4500123456 อ้างอิง 20261127-0045")
neg("th-neg", "รุ่นแผง JAM72S30-550/MR 24 แผง สตริงละ 12 แผง")
neg("th-neg", "ค่าไฟหน่วยละ 4.18 บาท ขายคืน 2.20 บาท ตั้งแต่ปี ๒๕๖๙")
neg("th-neg", "รหัสสินค้า 7000-1234-5678 กับ 4000-2222-3333 ค่ะ")
neg("th-neg", "Error F35 ตอน 06:15 น. แล้ว W08 ตอน 07:00 น.")
neg("th-neg", "ขอแก้บรรทัดที่ 3 ของใบเสนอราคา เบรกเกอร์ 2 ตัว 32A")
neg("th-neg", "ผ่อน 0% 10 เดือน เดือนละ 38,900 บาท งวดแรก 1/12/2569")
neg("th-neg", "คอลเซ็นเตอร์ 1111 กด 2 แล้วรอสาย 15 นาที")

# =============================== Chinese ===============================
c = cnmob()
add("zh-form", f"姓名：王芳 电话：{P(c)} 邮箱：{E('wangfang@163.com')} 微信：{W('wf_2020')}")
c = cnmob()
add("zh-form", f"姓名：李强；手机：{P(cnmob_sp(c))}；邮箱：{E('li.qiang@sinopower.com.cn')}；身份证：{CN(cnid())}")
c = cnmob()
add("zh-form", f"联系人：陈先生 | 电话：{P('+86 ' + cnmob_sp(c))} | 邮箱：{E('chen.m@foxmail.com')}")
c = cnmob()
add("zh-form", f"联系人：赵女士，手机{P(c)}，微信同号")
c = cnmob()
add("zh-form", f"姓名\t刘洋\t手机\t{P(c)}\t邮箱\t{E('liuyang_88@126.com')}")
c = cnmob()
add("zh-form", f"收货人：孙丽 电话：{P(fw(c))} 地址：曼谷素坤逸路24巷")
c = cnmob()
add("zh-form", f"客户信息——姓名：周杰，护照号：{PP('E' + d(8))}，泰国手机：{P(dash3(thmob()))}，中国手机：{P('86 ' + cnmob_sp(c))}")
c = cnmob()
add("zh-form", f"姓名=吴敏;电话={P(c)};邮箱={E('wumin@qq.com')}")
c = cnmob()
add("zh-form", f"开户行：工商银行 户名：黄磊 账号：{B(not_luhn(19, '6'))} 电话：{P(c)}")
add("zh-form", f"公司：深圳绿能科技有限公司 座机：{P('0755-' + r.choice('2368') + d(3) + ' ' + d(4))} 手机：{P(cnmob())} 邮箱：{E('sales@gn-energy.com.cn')}")
c = cnmob()
add("zh-form", f"身份证号：{CN(cnid())} 手机号：{P(c)} 微信号：{W('xiaoyu_1995')}")
c = cnmob()
add("zh-form", f"电话/微信：{P(c)}（同号）")
k = luhn("62" + d(13))
add("zh-form", f"卡号：{C(groups4(k))} 有效期：08/29 持卡人：郑伟")
c = cnmob()
add("zh-form", f"联系电话：{P('(86)' + c)} 邮箱：{E('ZHENG.WEI@163.COM')}")
c = cnmob()
add("zh-form", f"姓名：林涛 电话：{P(fw(cnmob_sp(c, '-')))} LINE：{L('lintao_th')}")

c = cnmob()
add("zh-sig", f"此致 敬礼！——张伟 销售经理 手机：{P(c)} 邮箱：{E('zhangwei@sungrow-th.com')}")
c = cnmob()
add("zh-sig", f"谢谢！王磊 | 海外事业部 | {P('+86 ' + c)} | {E('wang.lei@overseas.tongwei.cn')}")
add("zh-sig", f"发自我的iPhone —— 何静 泰国手机 {P(dash3(thmob()))} 微信 {W('hejing_bkk')}")
add("zh-sig", f"顺祝商祺 陈晓明 深圳办 T：{P('0755-8' + d(7))} M：{P(cnmob())} E：{E('xm.chen@huasun.com.cn')}")
add("zh-sig", f"谢谢 Kevin Lau 香港 {P('+852 6' + d(3) + ' ' + d(4))} {E('kevin.lau@hkt-solar.hk')}")

c = cnmob()
add("zh-multi", f"你好，我是在曼谷的中国客户，想装一套10千瓦的系统，我的电话是{P(c)}，也可以加我微信{W('bkk_zhou88')}，报价请发到{E('zhou.bkk@qq.com')}")
c = cnmob()
add("zh-multi", f"我老婆是泰国人，她的电话 {P(dash3(thmob()))}，我的中国号 {P('0086 ' + cnmob_sp(c))}")
c = cnmob()
add("zh-multi", f"退款请打到招商银行 {B(not_luhn(16, '6'))}，户名李娜，到账后发短信到{P(c)}")
add("zh-multi", f"系统的公网IP是{IP(ip4())}，远程账号发到{E('it@gz-hotel.com')}")
c = cnmob()
add("zh-multi", f"我在新加坡出差，打 {P('+65 8' + d(3) + ' ' + d(4))} 找我，或者国内手机 {P(cnmob_sp(c))}")
add("zh-multi", f"我的泰国身份证号是 {T(thid_dashed(thid()))}，护照 {PP('EH' + d(7))}")
c = cnmob()
add("zh-multi", f"加我LINE：https://line.me/ti/p/~{L('chen.yu88')} 或者微信 {W('chenyu_th')}，电话{P(c)}")
add("zh-multi", f"马来西亚的朋友要装，他的电话 {P('+60 12-' + d(3) + ' ' + d(4))}，邮箱 {E('tan.kl@gmail.com')}")
c = cnmob()
add("zh-multi", f"刷卡失败了，卡号{C(card('4'))}，请回电{P(c)}")
add("zh-multi", f"美国客户 Tom 的电话 {P('+1 (212) 555-' + d(4))}，邮箱 {E('tom.baker@yahoo.com')}")

c = cnmob()
add("zh-glue", f"电话{P(c)}谢谢")
c = cnmob()
add("zh-glue", f"打我手机{P(cnmob_sp(c, '-'))}就行")
add("zh-glue", f"邮箱{E('liming2026@163.com')}谢谢")
add("zh-glue", f"发到邮箱{E('Li.Ming@Outlook.com')}，谢谢")
c = cnmob()
add("zh-glue", f"手机号：{P(fw(c[:3]) + '　' + fw(c[3:7]) + '　' + fw(c[7:]))}")
c = cnmob()
add("zh-glue", f"电话：{P('（86）' + cnmob_sp(c))}")
c = cnmob()
add("zh-glue", f"电话{P(c[:3] + '/' + c[3:7] + '/' + c[7:])}")
add("zh-glue", f"座机{P('（010）' + '6' + d(3) + '－' + d(4))}")
add("zh-glue", f"固定电话 {P('021 - ' + '5' + d(3) + ' ' + d(4))}")
add("zh-glue", f"微信{W('sunny_2019')}加一下")
add("zh-glue", f"身份证{CN(cnid())}，请核对")
c = cnmob()
add("zh-glue", f"号码是{P('+86-' + c)}。")

add("zh-email", f"邮箱：{E('zhang.san+invoice@gmail.com')}")
add("zh-email", f"我的邮箱是 {E('Huang_Jie@Sina.cn')}")
add("zh-email", f"学校邮箱 {E('2021123456@stu.xmu.edu.cn')}")
add("zh-email", f"公司邮箱 {E('procurement@cn.longi-solar.com')}")
add("zh-email", f"请回复到 <{E('service@ev-charge.io')}>")

c = cnmob()
add("zh-voice", f"嗯我的电话是{P(cnmob_sp(c))}邮箱是{E('wang.hui@163.com')}")
c = cnmob()
add("zh-voice", f"你好我想问一下安装的事情我的手机号码是{P(c)}你们方便的时候打给我")
add("zh-voice", f"我的邮箱是 {E('zhaoyun 艾特 qq 点 com')}")
c = cnmob()
add("zh-voice", f"微信号是{W('li_hua_88')}手机是{P(c)}")

c = cnmob()
add("zh-form", f"联系人1：王先生 {P(c)}；联系人2：李女士 {P(cnmob())}")
c = cnmob()
add("zh-form", f"手机：{P('+86 ' + cnmob_sp(c, '-'))}（微信同号）")
c = cnmob()
add("zh-glue", f"电话 {P('86-' + cnmob_sp(c, '-'))}")
add("zh-multi", f"香港公司电话 {P('+852 2' + d(3) + ' ' + d(4))}，手机 {P('+852 9' + d(3) + ' ' + d(4))}")
add("zh-multi", f"台湾的电话 {P('+886 9' + d(2) + ' ' + d(3) + ' ' + d(3))}")
add("zh-email", f"邮箱：{E('wang.lei@mail.tsinghua.edu.cn')}")
add("zh-form", f"微信号：{W('wxid_k3m9d2f7a1')}")
add("zh-email", f"QQ邮箱 {E(d(9) + '@qq.com')}")
add("zh-multi", f"我的LINE ID是 {L('lily.bkk88')}")
add("zh-multi", f"加我们LINE：{L('@bkkchinesefood')}（商家号）")
t = cnid()
add("zh-form", f"身份证：{CN(t[:6] + ' ' + t[6:14] + ' ' + t[14:])}")
add("zh-form", f"护照：{PP('E' + d(8))}，签证到期 2027-01-01")
a = not_luhn(19, '6')
add("zh-form", f"建设银行 {B(a[:4] + ' ' + a[4:8] + ' ' + a[8:12] + ' ' + a[12:16] + ' ' + a[16:])}")
o = bkk()
add("zh-glue", f"电话：{P(fw(o[:2] + '-' + o[2:5] + '-' + o[5:]))}（泰国办公室）")
c = cnmob()
add("zh-multi", f"电话：{P(cnmob_sp(c))}，{P(cnmob_sp(cnmob()))}")
add("zh-multi", f"新加坡手机 {P('+65 9' + d(3) + '-' + d(4))}")
m = thmob()
add("zh-form", f"泰国手机号码:{P('+66-' + m[1:3] + '-' + m[3:6] + '-' + m[6:])}")
add("zh-email", f"邮箱 {E('chen_jing-2020@vip.163.com')}")

neg("zh-neg", "报价单号 QT-2026-0001，总价 389,000 泰铢，含税")
neg("zh-neg", "发票号 INV#88321，开票日期 2026年11月27日")
neg("zh-neg", "逆变器序列号 2305126678，电池序列号 BYD2203150123，型号 GW10K-ET")
neg("zh-neg", "电表读数 15230.5 度，上个月 14788.2 度")
neg("zh-neg", "安装地点坐标 13.7563, 100.5018")
neg("zh-neg", "订单号 2611270001234，数量 24 块，单价 ¥4,500")
neg("zh-neg", "12月1日（周二）上午 9:30-12:00 上门，1204 室")
neg("zh-neg", "邮编 518057，南山区科技园")
neg("zh-neg", "可以用招商银行或者工商银行转账吗？")
neg("zh-neg", "顺丰单号 SF1406234567890，韵达 4312345678901")
neg("zh-neg", "电池 51.2V 280Ah，三块一共 43 度电")
neg("zh-neg", "固件版本 V1.2.3.4，下次升级 2026-12-15")
neg("zh-neg", "价格 ¥12,800 或 €1,650 或 US$1,790")
neg("zh-neg", "工单 #552，优先级 2，48 小时内处理")
neg("zh-neg", "组件型号 JAM72S30-550/MR，24 块，每串 12 块")
neg("zh-neg", "采购订单 PO 4500123456，参考号 20261127-0045")
neg("zh-neg", "泰国佛历 2569 年就是 2026 年")
neg("zh-neg", "电费 4.18 泰铢一度，上网电价 2.20 泰铢")
neg("zh-neg", "零件号 7000-1234-5678 和 4000-2222-3333")
neg("zh-neg", "故障码 F01 06:12，F35 06:15")
neg("zh-neg", "报价单第 3 行写的是 2 个 32A 断路器")
neg("zh-neg", "分 12 期，每期 8,900 元，首付 30%")
neg("zh-neg", "我住 99/123 号，门禁密码 4580")
neg("zh-neg", "客服热线 400-820-8820 转 2")
neg("zh-neg", "纬度 22.5431，经度 114.0579")

# Missed when the set was first measured are kept (and measured) as TODO cases until a general
# rule finds them (docs/redaction.md, the eighth fresh set): the four blind misses (a link after
# `แอดไลน์`, `Line id - id`, `name99 at gmail.com` with no e-mail word, a spelled `underscore`)
# are all found now.
KNOWN_MISS_STARTS = ()
write(sys.argv[1], """# Eighth fresh set of redaction cases (bench/gen-redact-fresh8.py), written before the redactor was
# run on it: about seventy messages with values and twenty-five hard negatives per language
# (categories en-, th-, zh-), longer messages with several values at once: form-like pastes (Name:
# … Tel: … Email: …, ชื่อ … เบอร์ … ไลน์ …, 姓名：… 电话：… 邮箱：…) with tabs, |, ;, = and full-width
# punctuation, e-mail and chat signatures, numbers with slashes, parentheses, spaces around dashes,
# full-width digits, Thai digits mixed with Arabic ones, foreign phone numbers (+44, +1, +86, +65,
# +60, +852, +61, +81, +49) and Chinese mobiles with 86 / 0086 / (86), e-mail addresses with plus
# tags, subdomains, capitals and newer TLDs, LINE add-friend links, values glued to Thai or Chinese
# text, voice-typed messages; hard negatives of the same messages (quotation, invoice, order and
# tracking numbers, serials, models, meter readings, coordinates, prices, Buddhist-era dates,
# times, rooms, postcodes, electricity account numbers, versions). Same format as redact.tests
# (`INPUT ⇒ EXPECTED`, `=` for unchanged); run by tests/plugins/test-redact-golden.c (test
# redact-golden-fresh8: the cases of [known-miss] are TODO while they leak) and measured by
# `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh8.tests`.
""",
      lambda text, expected: text.startswith(KNOWN_MISS_STARTS))
