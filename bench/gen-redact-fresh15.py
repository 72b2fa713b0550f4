#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh15.tests: a fifteenth fresh set of redaction cases, written before
any run of the redactor on it, in a style the earlier sets had little of: text as it comes out of
OCR or a copy-paste of a document, and of e-mail. By language, about sixty messages with values and
twenty-five hard negatives each in English, Thai and Chinese (categories `en-`, `th-`, `zh-`):

- documents read by OCR or pasted, flattened to one line: an electricity bill (the CA, the meter's
  number, the invoice's, units, amounts), an ID card's lines (`Identification Number 1 1037 02071 62 5`,
  `เลขประจำตัวประชาชน`, dates of birth, issue and expiry), a bank transfer slip (the customer's
  account, the reference and transaction numbers), a delivery label (the receiver's phone, the
  tracking number, the weight, the postcode), a quotation's and a tax invoice's header;
- e-mail: signatures (`T: … | M: … | E: …`, `Tel. 02-… ต่อ 123`, `手机：… 邮箱：…`) and quoted replies
  (`On Mon, 24 Nov 2025 at 10:15, Name <address> wrote:`, `เมื่อ … เขียนว่า:`, `在 … 写道：`,
  `> ` lines, `From: … Sent: …`);
- several values of one kind in a message (two or three phones, two addresses, a list of names and
  numbers);
- values glued to Thai and Chinese words and to other numbers without a space (`โทร0812345678ค่ะ`,
  `电话13812345678谢谢`, `ราคา1500บาทโทร…`);
- values inside links and query strings (`?phone=…`, `?mobile=…&name=…`, `mailto:…?cc=…`, `tel:`);
- names with their titles (นาย, นาง, น.ส., คุณ, ดร., พ.ต.อ.; 先生, 女士, 小姐, 总, 经理; Mr., Dr.),
  which stay: the redactor does not promise names.

Masked by the customer: a number of which the customer hid a part (`081-xxx-4567`, `0812xxxx78`,
`1-1037-xxxxx-62-5`, `138****5678`) is not a value of this set but a hard negative, as masked
numbers are in the twelfth set: what is left of it (four to seven digits) identifies no one, and a
redactor that took every `xxx` next to digits would eat model numbers and masked slip accounts.

Hard negatives of the same shapes: the bill's CA and meter numbers, the invoice's and receipt's
numbers, the slip's references, tracking numbers, purchase orders, dates, times, amounts, kW and kWh
figures, meter readings, model and serial numbers, postcodes, masked values, links with numeric ids.

Left out because docs/redaction.md does not promise them: names and postal addresses (kept as text,
never values nor negatives), car plates, electricity account numbers (kept as text), the laser code
on the back of a Thai ID card.

Values have valid checksums (Thai ID mod 11 with a person type 1-8 and a real province, Chinese ID
ISO 7064 MOD 11-2 and a real date of birth, Luhn for cards); bank account numbers fail Luhn so that
they are not also card numbers.

    bench/gen-redact-fresh15.py tests/data/redact-fresh15.tests
"""
import sys

import redact_cases
from redact_cases import B, C, CN, E, IP, L, P, PP, T, W, acct, acct_dashed, add, bkk, bkk_dash, card, cnacct, cnmob, \
    cnmob_sp, d, dash3, fw, groups4, ip4, neg, sp3, start, thd, thid_dashed, thmob, write
from redact_cases import thid_province as thid

r = start(20261515)


def cnid():
    return redact_cases.cnid(["110105", "310115", "440106", "330106", "510107", "320102", "350203", "210102"],
                             (1960, 2004))


def intl(m, cc="+66", sep=" "):
    """A Thai mobile in international form: @cc, the trunk 0 dropped."""
    return cc + sep + m[1:3] + sep + m[3:6] + sep + m[6:]


def thid_sp(t):
    """A Thai ID as the card prints it: 1 1037 02071 62 5."""
    return thid_dashed(t, " ")


def ca():
    """An electricity bill's account (CA) number: twelve digits from 020 (PEA) or ten (MEA)."""
    return r.choice(["0200", "0201", "0210"]) + d(8)


def meter():
    return r.choice(["1", "2", "5", "7"]) + d(7)


def money():
    return f"{r.randint(1, 48)},{r.randint(0, 999):03d}.{r.choice(['00', '50', '25', '75'])}"


def masked_mob(m):
    return r.choice([m[:3] + "-xxx-" + m[6:], m[:4] + "xxxx" + m[8:], "xxx-xxx-" + m[6:], m[:3] + "-***-" + m[6:]])


NAMES_EN = ["Somchai Jaidee", "Pimchanok Srisuk", "David Miller", "Anan Wongsawat", "Kanokwan Thongdee",
            "Hans Becker", "Lisa Chen", "Narong Boonmee"]
NAMES_TH = ["นายสมชาย ใจดี", "นางสาวพิมพ์ชนก ศรีสุข", "น.ส.กนกวรรณ ทองดี", "นายอนันต์ วงศ์สวัสดิ์", "นางมาลี สุขใจ",
            "ดร.ประเสริฐ แก้วมณี", "พ.ต.อ.วีระ ศักดิ์ดี", "คุณณัฐพล บุญมี", "นายธนากร รุ่งเรือง", "น.ส.ปิยะนุช ชัยมงคล"]
NAMES_ZH = ["王先生", "李女士", "张小姐", "陈总", "刘经理", "赵工", "黄先生", "周女士", "吴经理", "孙小姐"]

# =============================== English ===============================
# -- documents by OCR or copy-paste
for _ in range(3):
    m = thmob()
    c = ca()
    add("en-ocr", f"PEA Provincial Electricity Authority  Electricity Bill  Customer name {r.choice(NAMES_EN)}  CA No. {c}  "
        f"Meter No. {meter()}  Invoice No. {d(12)}  Units 4{d(2)} kWh  Amount {money()} Baht  Due 2{r.randint(0, 8)}/12/2025  "
        f"Contact tel {P(dash3(m))}")
t = thid()
add("en-ocr", f"Thai National ID Card  Identification Number {T(thid_sp(t))}  Name Mr. Narong  Last name Boonmee  "
    f"Date of Birth 14 Mar. 1986  Date of Issue 2 Jun. 2021  Date of Expiry 13 Mar. 2030")
t = thid()
add("en-ocr", f"here is the text from my id card (scanner app): Identification Number{T(thid_sp(t))} Name Miss Kanokwan "
    f"Last name Thongdee Date of Birth 5 Oct. 1992")
t = thid()
add("en-ocr", f"ID card copy for the net metering form: Identification No. {T(t)}, Mrs. Malee Sukjai, born 01 Jan 1970, "
    f"address 45/2 Moo 3 T.Nong Khai")
a = acct_dashed()
add("en-ocr", f"Transfer successful 28 Nov 25 14:32  From MR SOMCHAI J  KBank {B(a)}  To SIAM SOLAR CO LTD  SCB "
    f"xxx-x-x4521-x  Amount 15,000.00 THB  Fee 0.00  Transaction ID 2025112814320{d(8)}  Ref {d(6)}")
a = acct()
add("en-ocr", f"slip copy: Krungthai Bank, from account {B(a)} to 123-x-xx876-x, amount 45,000.00, ref no. "
    f"KTB{d(14)}, date 03/12/2025 09:41")
m = thmob()
add("en-ocr", f"DELIVERY LABEL  To: Mr. David Miller  99/12 Soi Sukhumvit 71, Phra Khanong Nuea, Watthana, Bangkok 10110  "
    f"Tel: {P(m)}  Tracking TH{d(12)}  Weight 23.5 kg  COD 0.00")
m = thmob()
m2 = thmob()
add("en-ocr", f"Kerry Express  Sender: Siam Solar Warehouse Tel {P(bkk_dash(bkk()))} ext 0  Receiver: Lisa Chen Tel "
    f"{P(sp3(m))} / {P(dash3(m2))}  Parcel 2/3  Ref KEX{d(10)}")
m = bkk()
add("en-ocr", f"QUOTATION No. QT25-{d(4)}  Date 21/11/2025  Customer: Green Home Co., Ltd.  Attn: Khun Anan  "
    f"Tel. {P(bkk_dash(m))}  Tax ID {redact_cases.thid('0')} Item: 10 kWp on-grid system, 18 x 550W, 1 x SUN2000-10KTL  Total "
    f"289,000.00")
m = thmob()
add("en-ocr", f"TAX INVOICE / RECEIPT  No. IV{d(8)}  Buyer: Dr. Prasert Kaewmanee  ID {T(thid_dashed(thid()))}  "
    f"Mobile {P(dash3(m))}  Qty 1  Battery 10.24 kWh  Amount 152,000.00  VAT 7%")
c = cnid()
add("en-ocr", f"Passport data page (OCR): Type P  Code CHN  Passport No. {PP('E' + r.choice('ABCDEFG') + d(7))}  "
    f"Surname WANG  Given names FANG  Date of birth 12 AUG 1988  ID {CN(c)}")
add("en-ocr", f"scanned work permit + passport: Passport No {PP(r.choice(['AB', 'AC']) + d(7))} Nationality THAI "
    f"Date of expiry 09 JAN 2031")
m = thmob()
add("en-ocr", f"Warranty card  Model SUN-10K-SG04LP3  S/N 2{d(9)}  Installed 15/09/2025  Owner {r.choice(NAMES_EN)} "
    f" Phone {P(m[:2] + '-' + m[2:6] + '-' + m[6:])}  Dealer stamp")
k = card("4")
add("en-ocr", f"Credit card receipt  CARD NO {C(groups4(k))}  EXP 09/28  APPR CODE {d(6)}  AMOUNT THB 18,500.00  "
    f"BATCH {d(6)}  TRACE {d(6)}")

# -- e-mail signatures and quoted replies
for n in ["john.s", "p.wong", "a.tanaka"]:
    m = thmob()
    o = bkk()
    add("en-mail", f"Best regards, {r.choice(NAMES_EN)} | Procurement Manager | Green Estate Co., Ltd. | T: "
        f"{P('+66 2 ' + o[2:5] + ' ' + o[5:])} | M: {P(intl(m))} | E: {E(n + '@greenestate.co.th')}")
m = thmob()
add("en-mail", f"Thanks, noted.  On Mon, 24 Nov 2025 at 10:15, Somchai J <{E('somchai.j' + d(2) + '@gmail.com')}> wrote: "
    f"> please call me at {P(dash3(m))} before you come")
add("en-mail", f"Fine by me. On Tue, Nov 25, 2025, 9:02 AM Hans Becker <{E('hans.becker@web.de')}> wrote: > The panels "
    f"are 430 W, not 450 W. > Invoice 2025-0931 is wrong.")
m = thmob()
add("en-mail", f"From: Lisa Chen <{E('lisa.chen@outlook.com')}> Sent: Wednesday, November 26, 2025 3:41 PM To: "
    f"{E('service@siamsolar.co.th')} Subject: RE: Ticket 58213 - my mobile changed, it is now {P(m)}")
m = thmob()
m2 = thmob()
add("en-mail", f"-- Kanokwan Thongdee, Facility Manager, Tel {P(dash3(m))}, Fax {P(bkk_dash(bkk()))} (not in use), "
    f"Mobile {P(dash3(m2))}, LINE {L('kanok_fm' + d(2))}")
o = bkk()
add("en-mail", f"Regards,  Narong B.  Siam Retail PCL  Tel. {P(bkk_dash(o))} ext. 2{d(2)}  Mobile "
    f"{P(intl(thmob(), '+66', '-'))}  www.siamretail.co.th")
m = thmob()
add("en-mail", f"> On 27/11/2025 08:55, {E('ploy.srisuk@hotmail.com')} wrote: >> my husband's number is {P(sp3(m))}, "
    f"mine is in the form")
add("en-mail", f"Sent from my iPhone  On 28 Nov 2025, at 11:20, Anan <{E('anan.w1985@icloud.com')}> wrote:  Ok, "
    f"Saturday 10:00 is fine for the site survey.")
add("en-mail", f"cc'ing my assistant {E('mint.assist@lumiere-hotel.com')} and our engineer {E('t.krit@lumiere-hotel.com')}"
    f", they handle the 250 kW rooftop PO 4500{d(6)}")

# -- several values of one kind
m, m2, m3 = thmob(), thmob(), thmob()
add("en-multi", f"Site contacts: Somchai (owner) {P(dash3(m))}, Nok (wife) {P(dash3(m2))}, Boy (electrician) {P(m3)}")
m, m2 = thmob(), thmob()
add("en-multi", f"call either {P(m)} or {P(m2)}, whichever answers, 8am-6pm")
add("en-multi", f"send the quotation to {E('finance@baanrak-resort.com')} and {E('gm.baanrak@gmail.com')}, both please")
m, m2 = thmob(), thmob()
add("en-multi", f"my numbers: {P(m)}/{P(m2)} (the second is dtac, better signal at the farm)")
o, m = bkk(), thmob()
add("en-multi", f"office {P(bkk_dash(o))}, mobile {P(sp3(m))}, home none")
add("en-multi", f"Refund to one of these: KBank {B(acct_dashed())} or SCB {B(acct_dashed())} (name Anan Wongsawat)")

# -- glued to words and numbers
m = thmob()
add("en-glued", f"pls call me back asap,tel:{P(m)},thx")
m = thmob()
add("en-glued", f"Contact:{P(dash3(m))}(Khun Nok)")
m = thmob()
add("en-glued", f"3 panels cracked,2 inverters dead.mobile{P(m)}.")
add("en-glued", f"email:{E('pimchanok.s@gmail.com')},line:{L('pim_srisuk9')}")

# -- links and query strings
m = thmob()
add("en-url", f"I filled the form but the link looks wrong: https://siamsolar.co.th/callback?name=Somchai&phone={P(m)}"
    f"&time=morning")
add("en-url", f"just reply here or mailto:{E('khun.ton' + d(2) + '@gmail.com')}?subject=Quote%20QT-7781")
m = thmob()
add("en-url", f"click to call: tel:{P(intl(m, '+66', ''))} (my personal line)")
m = thmob()
add("en-url", f"the booking page is https://book.siamsolar.co.th/survey?ref=SV{d(5)}&mobile={P(m)}&lang=en")
add("en-url", f"[Email me](mailto:{E('dmiller.bkk@protonmail.com')}) or use the portal")

# -- foreign and other values in documents
add("en-ocr", f"Monitoring portal login page says: Server {IP(ip4())} Port 502 Device ID SN2{d(9)} Firmware V1.3.28")
add("en-mail", f"Our IT says the logger at {IP(ip4())} is blocked, please whitelist it. Ticket 7{d(4)}.")
m = cnmob()
add("en-mail", f"Supplier contact: Mr. Zhang, Sales Manager, Mob/WeChat {P('+86 ' + cnmob_sp(m))}, WeChat ID "
    f"{W('zhang_solar' + d(2))}")
add("en-ocr", f"Bank details for the deposit: Beneficiary: Hans Becker  IBAN {B(redact_cases.iban('DE', d(18)))}  BIC "
    f"COBADEFFXXX  Amount EUR 1,200.00")

# -- tables, rows and lists pasted from a spreadsheet
m = thmob()
add("en-table", f"pasted from our sheet: 3\tSomchai Jaidee\t{P(m)}\t{E('somchai.jd' + d(2) + '@gmail.com')}\tChonburi\t10 kW")
m = thmob()
add("en-table", f"| Narong Boonmee | {P(dash3(m))} | {E('narong.b@siamretail.co.th')} | 5 kWp | paid |")
m = thmob()
add("en-table", f"4,Hans Becker,{P(intl(m, '+66', ''))},{E('hans.becker@web.de')},Pattaya,2025-11-21")
m = thmob()
add("en-mail", f"Dr. Anan Wongsawat, Ph.D. | Mobile: {P(m[:3] + '.' + m[3:6] + '.' + m[6:])} | Chulalongkorn Univ.")
m = thmob()
add("en-url", f"chat with me on WhatsApp https://wa.me/{P('66' + m[1:])}?text=solar%20quote")
m = thmob()
add("en-url", f"https://docs.google.com/forms/d/e/1FAIpQLSf/formResponse?entry.{d(9)}=Somchai&entry.{d(9)}={P(m)}")
add("en-url", f"mailto:{E('ops.bkk@greenestate.co.th')},{E('kanokwan.t@greenestate.co.th')}?subject=PO%204500{d(6)}")
m = thmob()
add("en-ocr", f"PromptPay QR  Pay to: Somchai J.  PromptPay ID {P(dash3(m))}  Amount 1,250.00  Ref QR{d(10)}")
add("en-ocr", f"Bank statement  Account {B(acct_dashed())}  Statement period 01/11/2025 - 30/11/2025  Opening balance "
    f"12,{d(3)}.{d(2)}  Closing balance 8,{d(3)}.{d(2)}")
m = r.choice(["415", "646", "206"])
add("en-mail", f"Greg Hoffman | Director, APAC | M: {P('+1 (' + m + ') ' + r.choice('2345678') + d(2) + '-' + d(4))} | "
    f"Skype: greg.hoffman.apac")
add("en-ocr", f"Resident Identity Card (OCR): Name LI NA  Sex F  Born 1990  Citizen ID No. {CN(cnid())}")
m = thmob()
add("en-mail", f">> On Sun, 23 Nov 2025 at 19:47, Pim <{E('pim.s' + d(3) + '@gmail.com')}> wrote: >> >> new number "
    f"{P(m)}, old one is lost")

# -- hard negatives
for _ in range(3):
    neg("en-neg", f"PEA bill: CA No. {ca()} Meter No. {meter()} Reading 1{d(4)} -> 1{d(4)} Units {r.randint(300, 900)} "
        f"kWh Amount {money()} Baht Invoice No. {d(12)}")
neg("en-neg", f"MEA Electricity Bill  Account No. {d(9)}  Meter {meter()}  Period 10/2025  Units 612 kWh  FT -0.1972  "
    f"Total 3,112.40")
neg("en-neg", f"Slip: Transaction ID 2025112{d(11)}  Ref 1 {d(10)}  Ref 2 {d(8)}  To account xxx-x-x{d(4)}-x  "
    f"Amount 9,800.00 THB  Fee 0.00")
neg("en-neg", f"Tracking TH{d(12)}, weight 18.2 kg, 2 boxes, COD 0.00, postcode 10110, sorted at hub 07")
neg("en-neg", f"J&T Express waybill {r.choice('68')}{d(11)}, delivered 27/11/2025 16:42, signed by security guard")
m = thmob()
neg("en-neg", f"my mobile ends with {m[6:]}, the one on the form {masked_mob(m)} is correct")
neg("en-neg", f"the slip shows account xxx-x-x{d(4)}-x and my ID 1-1037-xxxxx-{d(2)}-x, is that enough?")
neg("en-neg", f"Card ending 4{d(3)} (**** **** **** 4{d(3)}) was charged twice, 18,500.00 on 21/11 and 22/11")
neg("en-neg", f"On Mon, 24 Nov 2025 at 10:15, Service Desk wrote: > Ticket 5{d(4)} was closed. > Model "
    f"SUN2000-8KTL-M1, S/N 10{d(8)}")
neg("en-neg", f"Quotation QT25-{d(4)}: 18 x 550 W = 9.9 kWp, inverter 10 kW, battery 2 x 5.12 kWh, total 289,000.00, "
    f"valid until 31/12/2025")
neg("en-neg", f"Invoice No. {d(10)} dated 2025-11-21, PO 4500{d(6)}, due in 30 days, amount 152,000.00")
neg("en-neg", f"https://shopee.co.th/product/{d(9)}/{d(11)}?sp_atk={d(8)}")
neg("en-neg", f"Receipt {d(4)}-{d(6)}, paid 12/11/2025 14:05:33, terminal {d(8)}, batch {d(6)}")
neg("en-neg", "Meter reading 04/11: 28451.6 kWh, 04/12: 28998.2 kWh, difference 546.6 kWh x 4.18 = 2,284.79")
neg("en-neg", "Mr. Somchai, Dr. Prasert and Khun Nok will attend the handover on 2 Dec at 14:00, room 1203")
neg("en-neg", f"Order #{d(10)} placed 20 Nov 2025, 3 items, 45,900 THB, delivery window 8:00-12:00")
neg("en-neg", f"On Fri, 21 Nov 2025, 18:02 Anan wrote: > 2 x 5.12 kWh, 48V 100Ah, SOC 87%")
neg("en-neg", "Firmware 3.10.2.1 on logger, IP setting DHCP, port 502, slave id 1, baud 9600")
neg("en-neg", f"ref=SV{d(5)}&utm_source=line&utm_medium=oa&utm_campaign=solar_1111")
neg("en-neg", f"Meter No. {meter()} replaced on 15/10/2025, old reading 0{d(4)}, new meter starts at 00000")
neg("en-neg", f"Serial numbers: 2{d(9)}, 2{d(9)}, 2{d(9)} (panels, row 2)")
neg("en-neg", "Best regards, Service Team | Siam Solar | Hotline 1129 | Mon-Sat 8:30-17:30")
neg("en-neg", f"phone on file: 08x-xxx-{d(4)}, email on file: s****@gmail.com")
neg("en-neg", "Inverter SUN-12K-SG04LP3-EU, 12 kW, 2 MPPT, 48V, 250A, 97.6% efficiency")

# =============================== Thai ===============================
for _ in range(3):
    m = thmob()
    add("th-ocr", f"การไฟฟ้าส่วนภูมิภาค ใบแจ้งค่าไฟฟ้า ชื่อผู้ใช้ไฟฟ้า {r.choice(NAMES_TH)} หมายเลขผู้ใช้ไฟฟ้า (CA) {ca()} "
        f"รหัสเครื่องวัด {meter()} เลขที่ใบแจ้งหนี้ {d(12)} จำนวนหน่วย {r.randint(200, 900)} หน่วย จำนวนเงิน {money()} บาท "
        f"เบอร์ติดต่อ {P(dash3(m))}")
t = thid()
add("th-ocr", f"บัตรประจำตัวประชาชน Thai National ID Card เลขประจำตัวประชาชน {T(thid_sp(t))} ชื่อตัวและชื่อสกุล "
    f"{r.choice(NAMES_TH)} เกิดวันที่ 14 มี.ค. 2529 วันออกบัตร 2 มิ.ย. 2564 วันบัตรหมดอายุ 13 มี.ค. 2573")
t = thid()
add("th-ocr", f"ถ่ายบัตรไม่ชัด พิมพ์ให้นะคะ เลขประจำตัวประชาชน{T(t)} น.ส.ปิยะนุช ชัยมงคล ที่อยู่ 45/2 หมู่ 3 ต.บ้านใหม่")
t = thid()
add("th-ocr", f"สำเนาบัตร ({T(thid_dashed(t))}) รับรองสำเนาถูกต้อง ใช้ยื่นขอขนานไฟ โซลาร์ 5 kW เท่านั้น")
a = acct_dashed()
add("th-ocr", f"โอนเงินสำเร็จ 28 พ.ย. 68 14:32 น. นาย สมชาย ใจดี ธ.กสิกรไทย {B(a)} ไปยัง บจก. สยามโซลาร์ "
    f"ธ.ไทยพาณิชย์ xxx-x-x4521-x จำนวน 15,000.00 บาท ค่าธรรมเนียม 0.00 บาท เลขที่รายการ 2025112814{d(8)}")
a = acct()
add("th-ocr", f"สลิปค่ะ จาก น.ส.กนกวรรณ ทองดี กรุงไทย {B(a)} จำนวนเงิน 45,000.00 บาท รหัสอ้างอิง {d(6)}AT{d(8)} "
    f"วันที่ 03 ธ.ค. 2568")
m = thmob()
add("th-ocr", f"ผู้รับ คุณมาลี สุขใจ 99/12 ซ.สุขุมวิท 71 แขวงพระโขนงเหนือ เขตวัฒนา กทม. 10110 โทร. {P(m)} "
    f"เลขพัสดุ TH{d(12)} น้ำหนัก 23.5 กก.")
m, m2 = thmob(), thmob()
add("th-ocr", f"ใบปะหน้าพัสดุ ผู้ส่ง สยามโซลาร์ โทร {P(dash3(m))} ผู้รับ นายธนากร รุ่งเรือง โทร {P(dash3(m2))} "
    f"COD 0 บาท กล่อง 1/2")
o = bkk()
add("th-ocr", f"ใบเสนอราคา เลขที่ QT68-{d(4)} วันที่ 21/11/2568 ลูกค้า บจก.กรีนโฮม เรียน คุณอนันต์ โทร. {P(bkk_dash(o))} "
    f"เลขประจำตัวผู้เสียภาษี {redact_cases.thid('0')} รายการ ระบบออนกริด 10 kWp แผง 550W x 18 รวม 289,000.00 บาท")
m = thmob()
add("th-ocr", f"ใบกำกับภาษี/ใบเสร็จรับเงิน เลขที่ IV{d(8)} ผู้ซื้อ ดร.ประเสริฐ แก้วมณี เลขประจำตัวผู้เสียภาษี "
    f"{T(thid())} โทรศัพท์ {P(dash3(m))} แบตเตอรี่ 10.24 kWh 152,000.00 บาท")
m = thmob()
add("th-ocr", f"บัตรรับประกัน รุ่น SUN-10K-SG04LP3 S/N 2{d(9)} วันที่ติดตั้ง 15/09/2568 เจ้าของ "
    f"{r.choice(NAMES_TH)} เบอร์ {P(sp3(m))}")
add("th-ocr", f"หนังสือเดินทาง Passport No. {PP(r.choice(['AA', 'AB', 'AC']) + d(7))} สัญชาติ ไทย วันหมดอายุ 09 ม.ค. 2574")
k = card("5")
add("th-ocr", f"ใบเสร็จรูดบัตร เลขที่บัตร {C(groups4(k))} หมดอายุ 09/28 รหัสอนุมัติ {d(6)} ยอด 18,500.00 บาท")

# -- e-mail
m = thmob()
add("th-mail", f"ขอบคุณค่ะ เมื่อ จ. 24 พ.ย. 2025 เวลา 10:15 Somchai <{E('somchai.j' + d(2) + '@gmail.com')}> "
    f"เขียนว่า: > โทรหาผมที่ {P(dash3(m))} ก่อนเข้าหน้างานนะครับ")
m = thmob()
o = bkk()
add("th-mail", f"ขอแสดงความนับถือ {r.choice(NAMES_TH)} ผู้จัดการฝ่ายจัดซื้อ บริษัท กรีนเอสเตท จำกัด โทร. {P(bkk_dash(o))} "
    f"ต่อ 1{d(2)} มือถือ {P(dash3(m))} อีเมล {E('purchasing@greenestate.co.th')}")
m = thmob()
add("th-mail", f"-- คุณณัฐพล บุญมี ฝ่ายอาคาร โทร {P(sp3(m))} ไลน์ {L('nattapol.b' + d(2))}")
add("th-mail", f"จาก: ปิยะนุช <{E('piyanuch.c@hotmail.com')}> ส่ง: 26 พฤศจิกายน 2568 15:41 ถึง: {E('service@siamsolar.co.th')} "
    f"เรื่อง: ตอบกลับ: ใบแจ้งซ่อม 58213")
m = thmob()
add("th-mail", f"> เมื่อ 27/11/2568 08:55 {E('ploy.srisuk@hotmail.com')} เขียนว่า: >> เบอร์สามีคือ {P(m)} "
    f"ส่วนของดิฉันกรอกไว้ในฟอร์มแล้ว")
add("th-mail", f"รบกวนส่งเอกสารให้ทั้ง {E('account.baanrak@gmail.com')} และ {E('owner.baanrak@yahoo.co.th')} นะคะ")

# -- several values of one kind
m, m2, m3 = thmob(), thmob(), thmob()
add("th-multi", f"ผู้ติดต่อหน้างาน นายสมชาย (เจ้าของบ้าน) {P(dash3(m))} นางมาลี (ภรรยา) {P(dash3(m2))} ช่างบอย {P(m3)}")
m, m2 = thmob(), thmob()
add("th-multi", f"โทรได้2เบอร์ค่ะ {P(m)} กับ {P(m2)} ถ้าเบอร์แรกไม่ติดโทรเบอร์สอง")
m, m2 = thmob(), thmob()
add("th-multi", f"เบอร์ผม{P(m)}/{P(m2)}ครับ เบอร์หลังเป็นของลูกสาว")
add("th-multi", f"คืนเงินเข้าบัญชีไหนก็ได้ กสิกร {B(acct_dashed())} หรือ ไทยพาณิชย์ {B(acct_dashed())} ชื่อบัญชี "
    f"น.ส.กนกวรรณ ทองดี")
add("th-multi", f"รายชื่อผู้เข้าอบรม 1.นายธนากร รุ่งเรือง {P(dash3(thmob()))} 2.น.ส.ปิยะนุช ชัยมงคล {P(dash3(thmob()))} "
    f"3.พ.ต.อ.วีระ ศักดิ์ดี {P(dash3(thmob()))}")
o, m = bkk(), thmob()
add("th-multi", f"สำนักงาน {P(bkk_dash(o))} มือถือ {P(sp3(m))} แฟกซ์ไม่มีค่ะ")

# -- glued
m = thmob()
add("th-glued", f"โทร{P(m)}ค่ะ")
m = thmob()
add("th-glued", f"ติดต่อคุณสมชาย{P(dash3(m))}ได้ตลอดครับ")
m = thmob()
add("th-glued", f"ราคา1500บาทโทร{P(m)}นะคะ")
m = thmob()
add("th-glued", f"เบอร์ติดต่อกลับ{P(sp3(m))}ช่วงเย็นๆ")
add("th-glued", f"ส่งเมลมาที่{E('kanokwan.t@gmail.com')}นะคะ")
add("th-glued", f"แอดไลน์{L('ton_solar' + d(2))}ได้เลยครับ")
t = thid()
add("th-glued", f"เลขบัตรประชาชน{T(t)}ค่ะ")
m = thmob()
add("th-glued", f"ดร.ประเสริฐ{P(m)}")
m = thmob()
add("th-glued", f"มือถือ:{P(m)},ไลน์:{L('prasert.k' + d(2))}")

# -- links
m = thmob()
add("th-url", f"กรอกฟอร์มแล้วแต่ลิงก์เป็นแบบนี้ https://siamsolar.co.th/callback?name=สมชาย&phone={P(m)}&time=เช้า")
add("th-url", f"ส่งเมลหาได้ที่ mailto:{E('nok.suda' + d(2) + '@gmail.com')}?subject=ขอใบเสนอราคา")
m = thmob()
add("th-url", f"กดโทรได้เลย tel:{P(intl(m, '+66', ''))}")
m = thmob()
add("th-url", f"ลิงก์นัดสำรวจ https://book.siamsolar.co.th/survey?ref=SV{d(5)}&mobile={P(m)}&lang=th")
add("th-url", f"ไลน์ผม https://line.me/ti/p/~{L('somkiat.' + d(3))} ครับ")

# -- others
c = cnid()
add("th-ocr", f"ลูกค้าชาวจีน 王先生 เลขบัตรประชาชนจีน {CN(c)} พาสปอร์ต {PP('E' + r.choice('ABCDEFG') + d(7))}")
add("th-mail", f"ระบบมอนิเตอร์เข้าไม่ได้ IP {IP(ip4())} พอร์ต 502 ตั้งแต่ 25/11 แจ้งซ่อมเลขที่ 7{d(4)}")
m = thmob()
add("th-mail", f"พ.ต.อ.วีระ ศักดิ์ดี ฝากเบอร์ไว้ {P(m[:2] + '-' + m[2:6] + '-' + m[6:])} ติดตั้งวันเสาร์ 10 โมง")
add("th-ocr", f"ข้อมูลโอนคืน ธนาคารกรุงเทพ ชื่อบัญชี นางมาลี สุขใจ เลขที่บัญชี {B(acct())} สาขา บางนา")
m = thmob()
add("th-multi", f"ลูกค้า 3 ท่าน: คุณณัฐพล, ดร.ประเสริฐ, นางมาลี ติดต่อผ่านเบอร์เดียวคือ {P(thd(m))}")

# -- tables and rows
m = thmob()
add("th-table", f"ก๊อปจากเอ็กเซลค่ะ 1\tนายสมชาย ใจดี\t{P(dash3(m))}\tชลบุรี\t10 kW\tจ่ายแล้ว")
m = thmob()
add("th-table", f"| น.ส.ปิยะนุช ชัยมงคล | {P(m)} | {E('piyanuch.c' + d(2) + '@gmail.com')} | 5 kWp |")
m = thmob()
add("th-ocr", f"พร้อมเพย์ QR ชื่อบัญชี นายสมชาย ใจดี รหัสพร้อมเพย์ {P(dash3(m))} จำนวนเงิน 1,250.00 บาท")
add("th-ocr", f"สมุดบัญชีเงินฝากออมทรัพย์ ธนาคารกสิกรไทย เลขที่บัญชี {B(acct_dashed())} ชื่อบัญชี นางมาลี สุขใจ "
    f"สาขา ชลบุรี")
m = thmob()
add("th-mail", f"ดร.ประเสริฐ แก้วมณี | มือถือ {P(m[:3] + '.' + m[3:6] + '.' + m[6:])} | คณะวิศวกรรมศาสตร์")
m = thmob()
add("th-url", f"ทักวอทส์แอปได้ค่ะ https://wa.me/{P('66' + m[1:])}")
o, m = bkk(), thmob()
add("th-multi", f"เบอร์บ้าน {P(o[:2] + ' ' + o[2:5] + ' ' + o[5:])} มือถือ {P(sp3(m))} ติดต่อได้ทั้งสองเบอร์")
t = thid()
add("th-ocr", f"เลขประจำตัวประชาชน {T(thd(thid_sp(t)))} ชื่อ นายอนันต์ วงศ์สวัสดิ์ (สแกนจากบัตร)")
k = card("4")
add("th-glued", f"ตัดบัตรเครดิต{C(k)}ไปสองรอบค่ะ")
add("th-mail", f">> เมื่อ อา. 23 พ.ย. 2568 19:47 ปิ่น <{E('pin.p' + d(3) + '@gmail.com')}> เขียนว่า: >> ไลน์ใหม่ "
    f"{L('pin_new' + d(2))} นะ")
m = thmob()
add("th-ocr", f"ใบสมัครสมาชิก ชื่อ-สกุล น.ส.กนกวรรณ ทองดี เลขบัตร {T(thid_dashed(thid()))} โทรศัพท์มือถือ "
    f"{P(dash3(m))} อีเมล {E('kanokwan.td@yahoo.com')}")
add("th-ocr", f"หนังสือมอบอำนาจ ข้าพเจ้า นายธนากร รุ่งเรือง ถือบัตรประจำตัวประชาชนเลขที่ {T(thid_dashed(thid()))} "
    f"มอบอำนาจให้ นางมาลี สุขใจ ถือบัตรเลขที่ {T(thid_dashed(thid()))}")

# -- hard negatives
for _ in range(3):
    neg("th-neg", f"ใบแจ้งค่าไฟ หมายเลขผู้ใช้ไฟฟ้า {ca()} หมายเลขเครื่องวัด {meter()} เลขอ่านครั้งก่อน 1{d(4)} "
        f"ครั้งหลัง 1{d(4)} จำนวนหน่วย {r.randint(300, 900)} หน่วย ค่าไฟฟ้า {money()} บาท")
neg("th-neg", f"กฟน. บัญชีแสดงสัญญา {d(9)} รหัสเครื่องวัด {meter()} ประจำเดือน ต.ค. 2568 612 หน่วย Ft -19.72 สตางค์")
neg("th-neg", f"สลิป เลขที่รายการ 2025112{d(11)} รหัสอ้างอิง {d(10)} ไปยังบัญชี xxx-x-x{d(4)}-x จำนวน 9,800.00 บาท")
neg("th-neg", f"เลขพัสดุ TH{d(12)} น้ำหนัก 18.2 กก. 2 กล่อง รหัสไปรษณีย์ 10110")
neg("th-neg", f"J&T เลขพัสดุ {r.choice('68')}{d(11)} ส่งถึงแล้ว 27/11/2568 16:42 น. รปภ.เซ็นรับ")
m = thmob()
neg("th-neg", f"เบอร์ที่ลงทะเบียนไว้ {masked_mob(m)} ถูกต้องค่ะ ลงท้าย {m[6:]}")
neg("th-neg", f"บัตรประชาชน 1-1037-xxxxx-{d(2)}-x ตามที่ขึ้นในแอป ถูกแล้วใช่ไหมคะ")
neg("th-neg", f"บัตรเครดิตลงท้าย 4{d(3)} ถูกตัดสองรอบ 18,500 บาท วันที่ 21/11 กับ 22/11")
neg("th-neg", f"ใบเสนอราคา QT68-{d(4)} แผง 550W x 18 = 9.9 kWp อินเวอร์เตอร์ 10 kW แบต 2 x 5.12 kWh รวม 289,000.00 บาท")
neg("th-neg", f"ใบกำกับภาษีเลขที่ {d(10)} ลงวันที่ 21/11/2568 ใบสั่งซื้อ 4500{d(6)} ครบกำหนด 30 วัน")
neg("th-neg", f"ใบเสร็จ {d(4)}-{d(6)} ชำระ 12/11/2568 14:05:33 น. เครื่อง {d(8)}")
neg("th-neg", "มิเตอร์ 4 พ.ย. 28451.6 หน่วย 4 ธ.ค. 28998.2 หน่วย ต่างกัน 546.6 หน่วย x 4.18 = 2,284.79 บาท")
neg("th-neg", "นายสมชาย ดร.ประเสริฐ และ พ.ต.อ.วีระ จะมาตรวจรับงานวันที่ 2 ธ.ค. 14.00 น. ห้อง 1203")
neg("th-neg", f"คำสั่งซื้อเลขที่ {d(10)} วันที่ 20 พ.ย. 2568 3 รายการ 45,900 บาท ส่งช่วง 8.00-12.00 น.")
neg("th-neg", "เมื่อ ศ. 21 พ.ย. 2568 18:02 Anan เขียนว่า: > แบต 2 x 5.12 kWh 48V 100Ah SOC 87%")
neg("th-neg", f"ซีเรียลแผง 2{d(9)} 2{d(9)} 2{d(9)} แถวที่ 2")
neg("th-neg", "ขอแสดงความนับถือ ฝ่ายบริการลูกค้า สยามโซลาร์ สายด่วน 1129 จ.-ส. 8.30-17.30 น.")
neg("th-neg", f"เปลี่ยนมิเตอร์ใหม่ 15/10/2568 เลขมิเตอร์ {meter()} เลขเดิม 0{d(4)} เริ่มที่ 00000")
neg("th-neg", "อินเวอร์เตอร์ SUN-12K-SG04LP3 12kW 2 MPPT 48V 250A ประสิทธิภาพ 97.6%")
neg("th-neg", f"ลิงก์สินค้า https://shopee.co.th/product/{d(9)}/{d(11)} ลด 1,500 บาทถึง 11.11")
neg("th-neg", f"ราคา1500บาท ส่ง2วัน ผ่อน0%10เดือน รุ่น5kW")
neg("th-neg", f"บ้านเลขที่ 88/14 ม.6 ต.หนองปรือ อ.บางละมุง จ.ชลบุรี 20150 ซอย 9 แยก 3")
neg("th-neg", f"เบอร์ในระบบ 08x-xxx-{d(4)} อีเมล s****@gmail.com ค่ะ")
neg("th-neg", "พิกัด 13.7563, 100.5018 เข้าซอย 300 เมตร บ้านรั้วสีเขียว")
neg("th-neg", f"ใบแจ้งหนี้ {d(12)} ยอด 3,112.40 บาท ชำระภายใน 5 ธ.ค. 2568")

# =============================== Chinese ===============================
for _ in range(3):
    m = cnmob()
    add("zh-ocr", f"国网电费通知单 户名 {r.choice(NAMES_ZH)} 户号 {r.choice('3456')}{d(9)} 电能表号 {d(13)} 本期示数 1{d(4)} 上期示数 1{d(4)} "
        f"电量 {r.randint(200, 900)}千瓦时 电费 {r.randint(100, 900)}.{d(2)}元 联系电话 {P(m)}")
c = cnid()
add("zh-ocr", f"居民身份证 姓名 王芳 性别 女 民族 汉 出生 1988年8月12日 住址 上海市浦东新区张江路88弄12号601室 "
    f"公民身份号码 {CN(c)}")
c = cnid()
add("zh-ocr", f"身份证扫描件识别结果：公民身份号码{CN(c)}签发机关xx市公安局有效期限2019.05.01-2039.05.01")
a = cnacct()
add("zh-ocr", f"转账成功 2025-11-28 14:32 付款账户 中国工商银行 {B(a)} 收款方 上海光能科技有限公司 收款账号 6222****8876 "
    f"金额 ¥15,000.00 手续费 0.00 交易流水号 2025112814{d(12)}")
a = cnacct("6217")
add("zh-ocr", f"回单：建设银行 付款人 李娜 账号{B(a)} 金额 45,000.00元 摘要 逆变器货款 凭证号 {d(8)}")
m = cnmob()
add("zh-ocr", f"顺丰速运 收件人 张小姐 {P(cnmob_sp(m, '-'))} 广东省深圳市南山区科技园南路18号 运单号 SF{d(13)} 重量 23.5kg "
    f"件数 2/3")
m, m2 = cnmob(), cnmob()
add("zh-ocr", f"京东物流 寄件人 光能仓库 {P(m)} 收件人 刘经理 {P(m2)} 运单 JD{d(13)} 到付 0元")
m = cnmob()
add("zh-ocr", f"报价单 编号 BJ2025-{d(4)} 日期 2025/11/21 客户 绿能置业有限公司 联系人 吴经理 手机 {P(cnmob_sp(m))} "
    f"10千瓦并网系统 550W组件18块 合计 ¥128,000.00")
m = cnmob()
add("zh-ocr", f"增值税普通发票 发票号码 {d(8)} 购买方 孙小姐 纳税人识别号 91310115{d(9)}X 电话 {P(m)} "
    f"储能电池 10.24千瓦时 金额 ¥52,000.00")
m = cnmob()
add("zh-ocr", f"保修卡 型号 SUN-10K-SG04LP3 序列号 2{d(9)} 安装日期 2025年9月15日 用户 黄先生 电话 {P(m[:3] + ' ' + m[3:])}")
add("zh-ocr", f"护照资料页 护照号 {PP('E' + r.choice('ABCDEFG') + d(7))} 姓名 ZHOU/LEI 出生日期 12 AUG 1988 有效期至 2031年1月9日")
k = card("6", 16)
add("zh-ocr", f"刷卡签购单 卡号 {C(groups4(k))} 有效期 09/28 授权码 {d(6)} 金额 RMB 18,500.00 批次号 {d(6)} 凭证号 {d(6)}")
a = cnacct()
add("zh-ocr", f"退款信息 开户行：招商银行深圳分行 户名：陈总 银行账号：{B(a)}")
m = cnmob()
add("zh-ocr", f"营业执照/名片识别：赵工 技术总监 光能科技 手机：{P(m)} 邮箱：{E('zhaogong@guangneng-tech.cn')} 地址：杭州市西湖区文三路90号")

# -- e-mail
m = cnmob()
add("zh-mail", f"收到，谢谢。在 2025年11月24日 星期一 10:15，王芳 <{E('wangfang' + d(2) + '@163.com')}> 写道：> 上门前请先打我电话"
    f"{P(m)}")
m = cnmob()
add("zh-mail", f"此致 敬礼 刘经理 采购部 绿能置业有限公司 电话：{P('021-' + r.choice('56') + d(7))} 手机：{P(cnmob_sp(m))} "
    f"邮箱：{E('liu.jl@lvneng.com.cn')}")
add("zh-mail", f"发件人: 周女士 <{E('zhou.nvshi@qq.com')}> 发送时间: 2025年11月26日 15:41 收件人: {E('service@siamsolar.co.th')} "
    f"主题: 回复: 工单58213")
m = cnmob()
add("zh-mail", f"> 2025/11/27 08:55，{E('lina_sz@126.com')} 写道：>> 我老公的手机是{P(m)}，我的填在表里了")
m = cnmob()
add("zh-mail", f"—— 吴经理 | 手机/微信 {P(cnmob_sp(m, '-'))} | 微信号 {W('wu_jl' + d(4))}")
add("zh-mail", f"请把合同同时发给 {E('finance@lvneng.com.cn')} 和 {E('boss.chen@foxmail.com')}，两个都要")
m = cnmob()
add("zh-mail", f"敬祝 商祺 黄先生 台北市信義區 電話 {P('+886 9' + d(2) + ' ' + d(3) + ' ' + d(3))} 電郵 {E('huang.tw@gmail.com')}")

# -- several of a kind
m, m2, m3 = cnmob(), cnmob(), cnmob()
add("zh-multi", f"现场联系人：王先生（业主）{P(m)}，李女士（业主爱人）{P(m2)}，电工小赵 {P(m3)}")
m, m2 = cnmob(), cnmob()
add("zh-multi", f"打这两个号都行{P(m)}、{P(m2)}，白天打第一个")
m, m2 = cnmob(), cnmob()
add("zh-multi", f"我的手机{P(m)}/{P(m2)}（后面那个是移动的，信号好）")
add("zh-multi", f"退款打到这两个卡任一个都行：工商银行 {B(cnacct())}，农业银行 {B(cnacct('6228'))}（户名李娜）")
add("zh-multi", f"参会名单：1.陈总 {P(cnmob())} 2.刘经理 {P(cnmob())} 3.张小姐 {P(cnmob())}")
m = cnmob()
add("zh-multi", f"座机{P('0755-' + r.choice('28') + d(7))}，手机{P(m)}，传真没有")

# -- glued
m = cnmob()
add("zh-glued", f"电话{P(m)}谢谢")
m = cnmob()
add("zh-glued", f"联系王先生{P(m)}随时可以")
m = cnmob()
add("zh-glued", f"单价1500元电话{P(m)}")
m = cnmob()
add("zh-glued", f"手机号：{P(m)}，微信同号")
add("zh-glued", f"邮箱{E('zhangxj' + d(3) + '@qq.com')}收一下报价")
add("zh-glued", f"加微信{W('solar_zhang' + d(2))}发图片")
c = cnid()
add("zh-glued", f"身份证号{CN(c)}，名字李娜")
m = cnmob()
add("zh-glued", f"李女士{P(m)}")
m = cnmob()
add("zh-glued", f"手機:{P(m)},LINE:{L('amy_tw' + d(3))}")

# -- links
m = cnmob()
add("zh-url", f"我填了表，链接是这样的 https://siamsolar.cn/callback?name=王先生&phone={P(m)}&time=上午")
add("zh-url", f"发邮件就行 mailto:{E('chenzong' + d(2) + '@163.com')}?subject=询价")
m = cnmob()
add("zh-url", f"点这里直接打：tel:{P('+86' + m)}")
m = cnmob()
add("zh-url", f"预约链接 https://book.siamsolar.cn/survey?ref=SV{d(5)}&mobile={P(m)}&lang=zh")

# -- others
add("zh-mail", f"监控平台打不开，服务器IP {IP(ip4())}，端口502，报修单号7{d(4)}")
m = thmob()
add("zh-mail", f"我在泰国芭提雅，泰国手机{P(dash3(m))}，LINE {L('zhou_pattaya' + d(2))}")
m = cnmob()
add("zh-ocr", f"名片：孙小姐 销售经理 手机 {P('+86-' + m)} 微信 {W('sun_xj' + d(3))} 邮箱 {E('sunxj@guangneng-tech.cn')}")
t = thid()
add("zh-ocr", f"泰国身份证翻译件：身份证号 {T(thid_dashed(t))}，姓名 Somchai Jaidee，出生日期 1986年3月14日")

# -- tables and rows
m = cnmob()
add("zh-table", f"从表格复制的：1\t王芳\t{P(m)}\t上海浦东\t10千瓦\t已付")
m = cnmob()
add("zh-table", f"| 刘经理 | {P(cnmob_sp(m, '-'))} | {E('liujl' + d(2) + '@163.com')} | 5千瓦 |")
k = card("62", 16)
add("zh-ocr", f"银行卡 中国银联 卡号 {C(groups4(k))} 持卡人 ZHANG WEI 有效期 12/29")
m = cnmob()
add("zh-glued", f"支付宝账号{P(m)}，名字张伟")
m = r.choice("569") + d(7)
add("zh-mail", f"香港分公司 陳小姐 電話 {P('+852 ' + m[:4] + ' ' + m[4:])} 電郵 {E('chan.hk@guangneng.com.hk')}")
a = cnacct("6228", 16)
add("zh-ocr", f"开户信息 户名：上海光能科技有限公司 开户行：中国农业银行 账号：{B(groups4(a))}")
c = cnid()
add("zh-ocr", f"身份证号码 {CN(c[:6] + ' ' + c[6:14] + ' ' + c[14:])}（复印件识别）")
m = "09" + d(8)
add("zh-mail", f"台灣客戶 林先生 手機 {P(m[:4] + '-' + m[4:7] + '-' + m[7:])} LINE {L('lin_tw' + d(3))}")
add("zh-url", f"mailto:{E('wujl@lvneng.com.cn')},{E('caiwu@lvneng.com.cn')}?subject=合同")
m = cnmob()
add("zh-mail", f">> 在 2025年11月23日 19:47，小周 <{E('xiaozhou' + d(3) + '@qq.com')}> 写道：>> 新手机{P(m)}，旧的丢了")
m = cnmob()
add("zh-ocr", f"会员登记表 姓名 黄先生 手机号码 {P(m)} 身份证号 {CN(cnid())} 微信 {W('huang_' + d(4))}")
m, m2 = cnmob(), cnmob()
add("zh-multi", f"紧急联系人：周女士{P(m)}；备用：吴经理{P(m2)}")

# -- hard negatives
for _ in range(3):
    neg("zh-neg", f"电费单 户号 {r.choice('3456')}{d(9)} 电能表号 {d(13)} 本期示数 2{d(4)} 上期示数 2{d(4)} 电量 {r.randint(300, 900)}千瓦时 "
        f"电费 {r.randint(100, 900)}.{d(2)}元")
neg("zh-neg", f"回单 交易流水号 2025112{d(13)} 凭证号 {d(8)} 收款账号 6222****{d(4)} 金额 9,800.00元")
neg("zh-neg", f"顺丰运单号 SF{d(13)}，重量18.2kg，2件，到付0元，邮编518057")
neg("zh-neg", f"中通快递 {r.choice('78')}{d(13)}，2025-11-27 16:42 已签收，门卫代收")
m = cnmob()
neg("zh-neg", f"登记的手机是{m[:3]}****{m[7:]}，尾号{m[7:]}，没错")
neg("zh-neg", f"身份证号 110105********{d(3)}X 是对的吗")
neg("zh-neg", f"尾号{d(4)}的信用卡被扣了两次，18,500元，11月21日和22日")
neg("zh-neg", f"报价单 BJ2025-{d(4)}：550W组件18块=9.9千瓦，逆变器10千瓦，电池2×5.12千瓦时，合计128,000元")
neg("zh-neg", f"发票号码 {d(8)} 发票代码 {d(12)} 开票日期 2025年11月21日 价税合计 ¥52,000.00")
neg("zh-neg", f"收据 {d(4)}-{d(6)}，2025-11-12 14:05:33 支付，终端号 {d(8)}")
neg("zh-neg", "电表11月4日28451.6度，12月4日28998.2度，差546.6度×0.62=338.89元")
neg("zh-neg", "王先生、李女士、陈总和刘经理12月2日下午2点来验收，1203会议室")
neg("zh-neg", f"订单号 {d(18)} 2025年11月20日下单 3件 ¥45,900 配送时间8:00-12:00")
neg("zh-neg", "在 2025年11月21日 星期五 18:02，Anan 写道：> 电池2×5.12千瓦时 48V 100Ah SOC 87%")
neg("zh-neg", f"组件序列号 {d(12)}、{d(12)}、{d(12)}（第2排）")
neg("zh-neg", "此致 敬礼 光能科技客服部 服务热线 400-820-8820 周一至周六 8:30-17:30")
neg("zh-neg", f"换了新电表 2025/10/15 表号 {d(13)} 旧表读数 0{d(4)} 新表从00000开始")
neg("zh-neg", "逆变器 SUN-12K-SG04LP3 12kW 2路MPPT 48V 250A 效率97.6%")
neg("zh-neg", f"商品链接 https://item.jd.com/{d(12)}.html 双11减1500元")
neg("zh-neg", "单价1500元，2天发货，分12期0利息，型号5kW")
neg("zh-neg", "地址：深圳市南山区科技园南路18号2栋1203室，邮编518057")
neg("zh-neg", f"系统里的电话是138****{d(4)}，邮箱z****@qq.com")
neg("zh-neg", "坐标 22.5431, 113.9365，进小区右转300米")
neg("zh-neg", f"固件版本 V{r.randint(1, 3)}.{r.randint(0, 9)}.{r.randint(10, 40)}，通讯地址 1，波特率 9600")
neg("zh-neg", f"发件人: 光能科技 发送时间: 2025年11月26日 15:41 主题: 工单{d(5)}已关闭")

write(sys.argv[1], """# Fifteenth fresh set of redaction cases (bench/gen-redact-fresh15.py), written before the
# redactor was run on it: about sixty messages with values and twenty-five hard negatives per
# language (categories en-, th-, zh-), text as it comes out of OCR or a copy-paste of a document (an
# electricity bill, an ID card, a transfer slip, a delivery label, a quotation, a tax invoice, a
# warranty card, a card receipt) and of e-mail (signatures, quoted replies), several values of one
# kind in a message, values glued to Thai and Chinese words and to numbers, values in links and query
# strings, names with their titles (which stay: not promised); numbers masked by the customer are hard
# negatives, with the bills' CA and meter numbers, slip references, tracking numbers, dates, amounts,
# kW and kWh figures and models. Same format as redact.tests (`INPUT ⇒ EXPECTED`, `=` for unchanged);
# run by tests/plugins/test-redact-golden.c (test redact-golden-fresh15) and measured by
# `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh15.tests`.
""",
      lambda text, expected: False)
