#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh20.tests: a twentieth fresh set of redaction cases, written before
any run of the redactor on it. Business paperwork pasted into a chat, in English, Thai and Chinese
(categories `en-`, `th-`, `zh-`), its line breaks flattened to spaces:

- quotations, invoices, tax invoices and receipts (ใบเสนอราคา, ใบกำกับภาษี, ใบเสร็จรับเงิน, 报价单,
  发票, 收据) with the buyer's and the seller's details: tax ids of persons, phones with extensions,
  fax numbers, bank accounts for payment;
- filled-in forms: `ชื่อ-นามสกุล: … เลขบัตรประชาชน: …`, `姓名：… 身份证号：…`, a hotel's or a visa's
  `Name / Passport No. / Nationality`, a TM30, a warranty registration;
- transfer slips read by OCR (`โอนเงินสำเร็จ`, `จาก … ไปยัง …`, `转账成功`), with the accounts partly
  masked or whole, PromptPay by a phone number or a national id;
- contact cards shared from phones (vCard text, `BEGIN:VCARD … TEL;CELL:… END:VCARD`), e-mail
  signatures with tel, fax, mobile and extension, delivery notes with addresses and phones.

A message is one line. Names and postal addresses stay (not promised), and so do companies' tax ids
(a juristic person's Thai tax id, person type 0; China's unified social credit code), which the
redactor has no type for: they are hard negatives.

Hard negatives of the same shapes: invoice, PO, quotation, receipt, delivery-note and slip reference
numbers, tax amounts, totals, unit prices and quantities, dates and times, model and serial numbers,
meter and electricity account numbers, masked accounts and cards, companies' tax ids.

Values have valid checksums (Thai ID mod 11 with a real province, Chinese ID ISO 7064 MOD 11-2 and a
real date of birth, Luhn for cards); bank accounts fail Luhn so that they are not also cards.

    bench/gen-redact-fresh20.py tests/data/redact-fresh20.tests
"""
import sys

import redact_cases
from redact_cases import B, C, CN, E, L, P, PP, T, W, acct, acct_dashed, add, bkk, bkk_dash, card, cnacct, \
    cnmob, cnmob_sp, d, dash3, groups4, neg, sp3, start, thid_check, thid_dashed, thmob, write
from redact_cases import thid_province as thid

r = start(20261920)


def cnid():
    return redact_cases.cnid(["110105", "310115", "440305", "440106", "330106", "510107", "320102", "350203",
                              "420106", "500112"], (1962, 2004))


def thid_sp(t):
    return thid_dashed(t, " ")


def company_taxid():
    """A Thai juristic person's tax id: person type 0, then 10 or 99, and its mod-11 check digit."""
    base = "0" + r.choice(["105", "107", "115", "125", "135", "205", "505"]) + str(r.randint(540, 568)) + d(5)
    return base + thid_check(base)


def credit_code():
    """China's unified social credit code of a company (18 characters, not a resident id)."""
    return "91" + r.choice(["440300", "110108", "310115", "440106"]) + "MA" + r.choice("5678") + \
        "".join(r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(6)) + r.choice("0123456789X")


def landline_th():
    """A provincial Thai landline: 0, an area of 3x-7x and seven digits (nine digits in all)."""
    return "0" + r.choice(["32", "34", "38", "43", "44", "53", "54", "74", "76", "77"]) + d(6)


def th_zero_dash(o):
    """A Thai landline as Thai paperwork prints it: `0-2123-4567`, `0-5312-3456`."""
    return o[0] + "-" + o[1:5] + "-" + o[5:]


def intl_th(m):
    """A Thai number in international form, grouped: `+66 81 234 5678`, `+66 2 123 4567`."""
    if m[1] in "689":
        return "+66 " + m[1:3] + " " + m[3:6] + " " + m[6:]
    return "+66 " + m[1] + " " + m[2:5] + " " + m[5:]


def cn_land():
    """A Chinese landline: a four-digit area code and eight digits."""
    return r.choice(["0755", "0769", "0757", "0571", "0512", "0591"]), r.choice("2345678") + d(7)


def cn_local():
    """The eight digits of a Chinese landline after its area code (never from 0 or 1)."""
    return r.choice("2345678") + d(7)


def cn_land3():
    return r.choice(["010", "021", "020", "022"]), r.choice("2345678") + d(7)


def masked_acct():
    return "xxx-x-x" + d(4) + "-x"


def money():
    return f"{r.randint(1, 980):,}{r.choice(['', ',000', ',500', ',250'])}.{r.choice(['00', '50', '75'])}"


def passport_us():
    return r.choice("5678") + d(8)


def passport_cn():
    return r.choice(["E", "EA", "EB", "EC", "EE"]) + d(7) if r.random() < 0.5 else "E" + d(8)


def passport_th():
    return r.choice(["AA", "AB", "AC"]) + d(7)


# =============================== English ===============================
# -- quotations, invoices, receipts
m = thmob()
add("en-invoice", f"QUOTATION No. QT-2025-{d(4)} Date: 28/11/2025 To: Mr. Somchai Jaidee Tel: {P(dash3(m))} "
    f"Email: {E('somchai.jd' + d(2) + '@gmail.com')} Item: 5 kWp on-grid system 1 set 185,000.00")
t = thid()
add("en-invoice", f"TAX INVOICE No. IV{d(8)} Buyer: Ms. Wipa Srisuk Tax ID: {T(t)} Address: 45/6 Moo 3, "
    f"Bang Phli, Samut Prakan 10540 Subtotal 90,000.00 VAT 7% 6,300.00 Total 96,300.00")
t = thid()
add("en-invoice", f"Bill to: Anan Wongsa, ID card {T(thid_dashed(t))}, mobile {P(sp3(thmob()))}")
o = bkk()
add("en-invoice", f"Seller: Siam Green Energy Co., Ltd. Tax ID {company_taxid()} (Head Office) "
    f"Tel. {P(bkk_dash(o))} ext. 118 Fax {P(bkk_dash(bkk()))}")
add("en-invoice", f"Payment: please transfer to Kasikorn Bank, A/C No. {B(acct_dashed())}, "
    f"A/C name Siam Green Energy Co., Ltd., then send the slip to {E('accounts' + '@siamgreen.co.th')}")
add("en-invoice", f"RECEIPT No. RC{d(6)} Received from: Mr. Peter Hall, Tel {P(intl_th(thmob()))}, the sum of "
    f"THB 45,000.00 (deposit 30%) by bank transfer")
m = thmob()
add("en-invoice", f"Invoice to: John Carter | Passport No. {PP(passport_us())} | Phone {P('+66' + m[1:])} | "
    f"Due date 15/12/2025")
add("en-invoice", f"PROFORMA INVOICE PI-{d(5)} Consignee: Li Na, Shenzhen, Tel: {P('+86 ' + cnmob_sp(cnmob()))}, "
    f"Email: {E('lina' + d(3) + '@163.com')}")
o = bkk()
add("en-invoice", f"Our details for the PO: Baan Suk Co., Ltd. Tel {P(th_zero_dash(o))} Fax {P(th_zero_dash(bkk()))}")
add("en-invoice", f"Buyer's tax id for the invoice: {T(thid())} (personal, not a company)")
add("en-invoice", f"Please issue the receipt to Mrs. Malee Thongdee, ID {T(thid_sp(thid()))}, tel. {P(dash3(thmob()))}")
add("en-invoice", f"Remit to: Bangkok Bank, Account No. {B(acct())}, Swift BKKBTHBK, ref QT-{d(4)}")
add("en-invoice", f"Pay by card: Card No. {C(groups4(card('4', 16)))} Exp 09/28, name on card Daniel Evans")

# -- filled-in forms, hotel and visa paperwork
add("en-form", f"Name: Thomas Mueller / Passport No.: {PP('C' + d(8))} / Nationality: German / Room 1207 / "
    f"Check-in 28/11/2025")
add("en-form", f"Guest name: Sarah Jones  Passport No: {PP(passport_us())}  Nationality: British  "
    f"Mobile: {P('+44 7' + d(3) + ' ' + d(6))}")
add("en-form", f"Full name: Kenji Tanaka, Passport number: {PP('TK' + d(7))}, Nationality: Japanese, Date of birth "
    f"12/04/1985, Phone: {P(intl_th(thmob()))}")
add("en-form", f"Applicant: WANG FANG | Passport No. {PP(passport_cn())} | Nationality: Chinese | "
    f"Email: {E('wangfang' + d(2) + '@qq.com')}")
add("en-form", f"TM30 notification - foreigner: David Brown, passport {PP(passport_us())}, staying at 99/45 Moo 2, "
    f"Nong Prue, Bang Lamung; house owner Khun Nok, tel {P(dash3(thmob()))}")
add("en-form", f"Warranty registration: Name: Tom Baker | Tel: {P(thmob())} | E-mail: {E('tom.baker' + d(2) + '@outlook.com')}"
    f" | Inverter S/N: HV{d(10)} | Install date: 20/11/2025")
add("en-form", f"Name: Priya Sharma, Passport No: {PP(r.choice('JKLMNPZ') + d(7))}, Nationality: Indian, "
    f"Visa type: Non-B, Contact: {P('+91 98' + d(3) + ' ' + d(5))}")
add("en-form", f"Customer registration form - Name: Anong Suksai - National ID: {T(thid())} - Mobile: "
    f"{P(dash3(thmob()))} - LINE: {L('anong.s' + d(2))}")
add("en-form", f"Visa application: Surname LEE, Given names MIN JUN, Passport No. {PP('M' + d(8))}, "
    f"Nationality KOREAN, Tel {P('+82 10-' + d(4) + '-' + d(4))}")
add("en-form", f"Emergency contact: Mrs. Jane Carter (wife) {P('+61 4' + d(2) + ' ' + d(3) + ' ' + d(3))}")
add("en-form", f"Name / Passport No. / Nationality: JAMES WILSON / {PP(passport_us())} / AMERICAN")
add("en-form", f"Site survey form: contact person Khun Wichai, tel {P(dash3(thmob()))}, e-mail "
    f"{E('wichai.p' + d(2) + '@yahoo.com')}, roof area approx. 60 sq.m")

# -- transfer slips, PromptPay
add("en-slip", f"Transfer successful 28 Nov 2025 14:32 From: SOMCHAI J. {masked_acct()} KBank To: SIAM GREEN "
    f"ENERGY CO {B(acct_dashed())} SCB Amount 45,000.00 THB Fee 0.00 Ref no. {d(12)}BTF{d(5)}")
add("en-slip", f"Paid via PromptPay to {P(dash3(thmob()))} amount 1,500.00 THB, transaction id {d(10)}{d(8)}")
add("en-slip", f"PromptPay ID: {T(thid())} (my national ID) - please refund the deposit there")
add("en-slip", f"Here's the slip: From Mr. Peter Hall, Bangkok Bank {B(acct())} To Baan Rak Solar, amount "
    f"12,500.00, 28/11/2025 09:15")
add("en-slip", f"Refund to my PromptPay {P(thmob())} please, or account {B(acct_dashed())} (Krungthai)")
add("en-slip", f"Transfer complete. Sender account {B(acct_dashed())} Receiver xxx-x-x{d(4)}-x Amount 3,210.00")

# -- contact cards
m = thmob()
add("en-vcard", f"BEGIN:VCARD VERSION:3.0 N:Jaidee;Somchai;;; FN:Somchai Jaidee ORG:Jaidee Construction "
    f"TEL;CELL:{P('+66' + m[1:])} TEL;WORK:{P('+66' + bkk()[1:])} EMAIL:{E('somchai' + '@jaideecon.co.th')} END:VCARD")
add("en-vcard", f"BEGIN:VCARD VERSION:3.0 FN:Mike Johnson TEL;TYPE=CELL:{P(dash3(thmob()))} "
    f"EMAIL;TYPE=INTERNET:{E('mike.j' + d(2) + '@gmail.com')} END:VCARD")
add("en-vcard", f"BEGIN:VCARD VERSION:2.1 FN:Khun Ploy TEL;CELL;PREF:{P(thmob())} TEL;HOME:{P(bkk())} END:VCARD")
add("en-vcard", f"BEGIN:VCARD VERSION:3.0 FN:Daniel Lim ORG:Lim Trading TEL;TYPE=WORK,VOICE:{P('+65 6' + d(3) + ' ' + d(4))}"
    f" TEL;TYPE=CELL:{P('+65 9' + d(3) + ' ' + d(4))} END:VCARD")
add("en-vcard", f"Contact card: Anna Kowalski, mobile {P('+66 ' + thmob()[1:3] + ' ' + d(3) + ' ' + d(4))}, "
    f"e-mail {E('anna.k' + d(2) + '@protonmail.com')}")

# -- e-mail signatures
o = bkk()
add("en-sig", f"Best regards, Anan W. | Sales Engineer | Siam Green Energy Co., Ltd. | T: {P(intl_th(o))} ext. 204 | "
    f"F: {P(intl_th(bkk()))} | M: {P(intl_th(thmob()))} | E: {E('anan.w' + '@siamgreen.co.th')}")
add("en-sig", f"Kind regards, Lisa Tan, Project Manager, Tel: {P(bkk_dash(bkk()))} Ext. 312, Mobile: {P(dash3(thmob()))}, "
    f"Fax: {P(bkk_dash(bkk()))}")
add("en-sig", f"-- Chris Evans | Procurement | Office {P('+66 (0)' + bkk()[1] + ' ' + d(3) + ' ' + d(4))} | "
    f"Cell {P('+66 (0)' + thmob()[1:3] + ' ' + d(3) + ' ' + d(4))} | {E('c.evans' + d(2) + '@hotmail.com')}")
o = landline_th()
add("en-sig", f"Thanks, Narong (upcountry branch) Tel. {P(o[:3] + '-' + o[3:6] + '-' + o[6:])} Mob. {P(thmob())}")
add("en-sig", f"Regards, Mr. Wong | Tel {P('+852 2' + d(3) + ' ' + d(4))} | Mobile {P('+852 9' + d(3) + ' ' + d(4))}"
    f" | {E('wong.kk' + d(2) + '@netvigator.com')}")
add("en-sig", f"Sent from my iPhone. Sompong K. | {P(dash3(thmob()))} | {E('sompong.k' + d(2) + '@gmail.com')}")

# -- delivery notes
add("en-delivery", f"Delivery Note DN-2025-{d(4)} Ship to: Mr. Tom Baker, 88/9 Moo 1, Nong Prue, Bang Lamung, "
    f"Chonburi 20150 Contact: {P(intl_th(thmob()))} Items: 20 x LONGi 550W")
add("en-delivery", f"Deliver to: 123/45 Soi Sukhumvit 77, Suan Luang, Bangkok 10250, receiver Khun Dao "
    f"{P(thmob())}, call before arrival")
add("en-delivery", f"Shipping address: Unit 5B, 12 Orchard Rd, Singapore 238826, recipient Daniel, "
    f"phone {P('+65 8' + d(3) + ' ' + d(4))}")
add("en-delivery", f"Consignee: Ms. Nicha, 77/1 Moo 4, Hang Dong, Chiang Mai 50230, Tel {P(dash3(thmob()))} "
    f"/ {P(dash3(thmob()))}")
add("en-delivery", f"Delivery address: 9/99 Rama 9 Rd, Huai Khwang, Bangkok 10310 | contact: Khun Ton "
    f"{P(bkk_dash(bkk()))} ext 21 | alt: {P(dash3(thmob()))}")

# -- hard negatives
neg("en-neg", f"Quotation No. QT{d(8)} dated 28/11/2025, valid for 30 days")
neg("en-neg", f"Invoice No. INV-2025-{d(6)} Subtotal 90,000.00 VAT 7% 6,300.00 Grand total 96,300.00")
neg("en-neg", f"PO No. {r.choice('456')}{d(9)} please confirm delivery date")
neg("en-neg", f"Tax ID {company_taxid()} (Head Office) Siam Green Energy Co., Ltd.")
neg("en-neg", f"Receipt RC-{d(7)} issued 28 Nov 2025 14:32:05")
neg("en-neg", f"Inverter model SUN2000-10KTL-M1, S/N 10{d(8)}, firmware V100R001C00SPC{d(3)}")
neg("en-neg", f"Meter No. {d(8)}, CA No. 0200{d(8)}, reading {d(5)} kWh")
neg("en-neg", "Qty 20 pcs x 4,500.00 = 90,000.00; installation 1 lot 25,000.00")
neg("en-neg", f"Transfer successful Ref. {d(12)}ATF{d(5)} 28/11/2025 09:15 From xxx-x-x{d(4)}-x To xxx-x-x{d(4)}-x")
neg("en-neg", f"Card **** **** **** {d(4)} approved, auth code {d(6)}, amount 12,840.00")
neg("en-neg", f"Delivery Note DN{d(10)} 3 cartons, gross weight 84.5 kg")
neg("en-neg", f"Battery LUNA2000-10-S0, serial {d(4)}-{d(4)}-{d(4)}, warranty until 2035-11-28")
neg("en-neg", f"Order date 2025-11-28 10:42, due 2025-12-12, terms 30 days, discount 5% (-4,500.00)")
neg("en-neg", f"Booking ref. {r.choice('123456789')}{d(9)}, room 1207, 3 nights, rate 2,450.00 per night")
neg("en-neg", f"Job no. {d(4)}/{d(4)}, technician team B, 2 men x 3 days")
neg("en-neg", f"Withholding tax 3% = 2,700.00; net payable 93,600.00 (cheque no. {d(8)})")
neg("en-neg", f"Container MSKU{d(7)}, seal {d(8)}, B/L no. {d(12)}")
neg("en-neg", f"Panel LR5-72HPH-550M x 20, lot {d(6)}, pallet {d(2)} of 04")
neg("en-neg", f"BEGIN:VCARD VERSION:3.0 FN:Baan Rak Solar ORG:Baan Rak Solar Co., Ltd. URL:https://baanrak.solar "
    f"REV:20251128T{r.randint(0, 23):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}Z END:VCARD")
neg("en-neg", f"Account: xxx-x-x{d(4)}-x (masked) Bank: SCB Branch: Bang Na")
neg("en-neg", f"Customer code C{d(6)}, credit limit 500,000.00, price list 2025/11")
neg("en-neg", f"PEA account no. 0200{d(8)} bill for Oct 2025: 3,418.62 THB")
neg("en-neg", f"Quotation total 1,185,000.00 THB incl. VAT; 40% deposit 474,000.00; balance 711,000.00")

# ================================ Thai ================================
# -- quotations, tax invoices, receipts
add("th-invoice", f"ใบเสนอราคา เลขที่ QT{d(6)} วันที่ 28/11/2568 เรียน คุณวิภา ศรีสุข โทร {P(dash3(thmob()))} "
    f"อีเมล {E('wipa.s' + d(2) + '@hotmail.com')} รายการ ติดตั้งโซลาร์ 5 kW 1 ชุด 159,000.00 บาท")
add("th-invoice", f"ใบกำกับภาษี/ใบเสร็จรับเงิน เลขที่ IV{d(8)} ชื่อผู้ซื้อ นายสมชาย ใจดี เลขประจำตัวผู้เสียภาษี "
    f"{T(thid())} ที่อยู่ 12/3 หมู่ 4 ต.บางพลีใหญ่ อ.บางพลี จ.สมุทรปราการ 10540")
add("th-invoice", f"ขอใบกำกับภาษีในนาม นางมาลี ทองดี เลขประจำตัวผู้เสียภาษี {T(thid_dashed(thid()))} "
    f"เบอร์ติดต่อ {P(thmob())} ค่ะ")
o = bkk()
add("th-invoice", f"ผู้ขาย บริษัท บ้านรักษ์โซลาร์ จำกัด (สำนักงานใหญ่) เลขประจำตัวผู้เสียภาษี {company_taxid()} "
    f"โทร. {P(th_zero_dash(o))} แฟกซ์ {P(th_zero_dash(bkk()))}")
add("th-invoice", f"ชำระเงินโดยโอนเข้าบัญชี ธ.กสิกรไทย สาขาบางนา เลขที่บัญชี {B(acct_dashed())} "
    f"ชื่อบัญชี บจก. บ้านรักษ์โซลาร์")
add("th-invoice", f"ใบเสร็จรับเงิน เลขที่ RC{d(7)} ได้รับเงินจาก คุณอนันต์ วงศ์สา โทร {P(sp3(thmob()))} "
    f"จำนวน 30,000.00 บาท (สามหมื่นบาทถ้วน) ค่ามัดจำ")
add("th-invoice", f"ออกใบกำกับภาษีเต็มรูป ชื่อ นายประยุทธ มั่นคง เลขผู้เสียภาษี {T(thid_sp(thid()))} "
    f"อีเมล {E('prayut.m' + d(2) + '@gmail.com')}")
add("th-invoice", f"ใบแจ้งหนี้ เลขที่ INV{d(7)} ลูกค้า คุณสุดา โทร. {P(dash3(thmob()))} ยอดรวม 96,300.00 บาท "
    f"ภาษีมูลค่าเพิ่ม 7% 6,300.00 บาท")
o = landline_th()
add("th-invoice", f"สาขาต่างจังหวัด โทร {P(o[:3] + '-' + o[3:6] + '-' + o[6:])} ต่อ 12 มือถือ {P(dash3(thmob()))}")
add("th-invoice", f"โอนชำระที่ ธ.ไทยพาณิชย์ เลขที่บัญชี {B(acct())} หรือ ธ.กรุงเทพ {B(acct_dashed())}")
add("th-invoice", f"ใบเสนอราคาส่งถึง คุณธนพล อีเมล {E('thanaphon' + d(3) + '@yahoo.co.th')} "
    f"ไลน์ {L('thanaphon_' + d(2))}")
add("th-invoice", f"ใบเสร็จ ผู้ชำระ นายวิชัย เลขบัตรประชาชน {T(thid())} ชำระด้วยบัตรเครดิต {C(groups4(card('5' + r.choice('12345'), 16)))}")

# -- filled-in forms
add("th-form", f"ชื่อ-นามสกุล: นายสมชาย ใจดี เลขบัตรประชาชน: {T(thid_dashed(thid()))} วันเกิด: 12/03/2530 "
    f"โทรศัพท์: {P(dash3(thmob()))} อีเมล: {E('somchai.j' + d(2) + '@gmail.com')}")
add("th-form", f"ชื่อ-สกุล: นางสาววรรณา ศรีทอง เลขประจำตัวประชาชน: {T(thid())} เบอร์มือถือ: {P(thmob())}")
add("th-form", f"แบบฟอร์มขอติดตั้ง ชื่อผู้ขอ นายก้องเกียรติ บุญมา บัตรประชาชนเลขที่ {T(thid_sp(thid()))} "
    f"หมายเลขผู้ใช้ไฟฟ้า 0200{d(8)} โทร {P(dash3(thmob()))}")
add("th-form", f"ลงทะเบียนรับประกัน ชื่อ: คุณนิดา โทร: {P(dash3(thmob()))} ไลน์: {L('nida' + d(4))} "
    f"S/N อินเวอร์เตอร์: {d(2)}A{d(8)}")
add("th-form", f"ชื่อ / Name: JOHN SMITH หนังสือเดินทางเลขที่ / Passport No.: {PP(passport_us())} "
    f"สัญชาติ / Nationality: อังกฤษ")
add("th-form", f"แบบแจ้งที่พักคนต่างด้าว ตม.30 ชื่อคนต่างด้าว MR. DAVID LEE เลขหนังสือเดินทาง {PP(passport_us())} "
    f"เจ้าบ้าน นายสมศักดิ์ โทร {P(dash3(thmob()))}")
add("th-form", f"ชื่อ-นามสกุล: นายอำนาจ ทองคำ | เลขที่บัตรประชาชน: {T(thid())} | ที่อยู่: 99/1 หมู่ 2 "
    f"ต.หนองปรือ อ.บางละมุง จ.ชลบุรี 20150 | โทร: {P(thmob())}")
add("th-form", f"ข้อมูลผู้สมัคร ชื่อ ปิยะ แก้วใส เลขพาสปอร์ต {PP(passport_th())} อีเมล {E('piya.k' + d(2) + '@outlook.com')}")
add("th-form", f"ผู้ติดต่อฉุกเฉิน: นางสมใจ (แม่) เบอร์ {P(sp3(thmob()))}")
add("th-form", f"ชื่อ: นายชัยวัฒน์ ศรีสวัสดิ์ เลขบัตร ปชช. {T(thid_dashed(thid()))} บัญชีรับเงินคืน กรุงไทย {B(acct_dashed())}")
add("th-form", f"แบบสำรวจหน้างาน ผู้ติดต่อ คุณวีระ โทร {P(dash3(thmob()))} / {P(bkk_dash(bkk()))} "
    f"พื้นที่หลังคา 80 ตร.ม.")

# -- transfer slips, PromptPay
add("th-slip", f"โอนเงินสำเร็จ 28 พ.ย. 68 14:32 น. จาก นาย สมชาย ใจดี ธ.กสิกรไทย {masked_acct()} ไปยัง "
    f"บจก. บ้านรักษ์ โซลาร์ ธ.ไทยพาณิชย์ {B(acct_dashed())} จำนวนเงิน 45,000.00 บาท ค่าธรรมเนียม 0.00 บาท")
add("th-slip", f"โอนเงินสำเร็จ จาก นางสาว วิภา ศรีสุข {B(acct_dashed())} ไปยัง นาย อนันต์ วงศ์สา {masked_acct()} "
    f"จำนวน 1,250.00 บาท เลขที่รายการ {d(12)}BPM{d(5)}")
add("th-slip", f"พร้อมเพย์ {P(dash3(thmob()))} ชื่อบัญชี นาย ธนพล แก้วดี จำนวนเงิน 500.00 บาท")
add("th-slip", f"รับเงินผ่านพร้อมเพย์เลขบัตรประชาชน {T(thid())} ได้เลยค่ะ")
add("th-slip", f"โอนเงินสำเร็จ ไปยัง พร้อมเพย์ {P(thmob())} นาย วีระ ใจงาม จำนวน 3,500.00 บาท 28/11/68 09:41")
add("th-slip", f"คืนเงินมัดจำเข้าบัญชีออมทรัพย์ ธ.กรุงศรี {B(acct())} ชื่อ นางสาวอรทัย ค่ะ")
add("th-slip", f"สลิปค่ะ จาก ธ.กรุงเทพ นาย ประสิทธิ์ {B(acct_dashed())} ถึง บ้านรักษ์โซลาร์ 12,500.00 บาท "
    f"วันที่ 28 พ.ย. 2568 เวลา 10:05")
add("th-slip", f"พร้อมเพย์ร้าน {P(th_zero_dash(bkk()))} หรือ {P(dash3(thmob()))} ค่ะ")
add("th-slip", f"ชำระผ่าน QR พร้อมเพย์ เลขประจำตัวประชาชน {T(thid_dashed(thid()))} ยอด 2,140.00 บาท")

# -- contact cards
add("th-vcard", f"BEGIN:VCARD VERSION:3.0 FN:วิภา ศรีสุข TEL;TYPE=CELL:{P(dash3(thmob()))} "
    f"EMAIL;TYPE=INTERNET:{E('wipa' + d(3) + '@hotmail.com')} ADR;TYPE=HOME:;;99/12 หมู่ 5;บางพลี;สมุทรปราการ;10540;"
    f"Thailand END:VCARD")
m = thmob()
add("th-vcard", f"BEGIN:VCARD VERSION:3.0 N:ใจดี;สมชาย;;; FN:สมชาย ใจดี TEL;CELL:{P('+66' + m[1:])} "
    f"TEL;WORK:{P(bkk())} END:VCARD")
add("th-vcard", f"ส่งนามบัตรช่างให้ค่ะ ช่างเอก โทร {P(dash3(thmob()))} ไลน์ {L('ake.solar' + d(2))}")
add("th-vcard", f"BEGIN:VCARD VERSION:2.1 FN:ช่างต้น TEL;CELL:{P(thmob())} TEL;CELL:{P(thmob())} END:VCARD")

# -- signatures
add("th-sig", f"ขอแสดงความนับถือ ธนากร (ฝ่ายขาย) โทร. {P(bkk_dash(bkk()))} ต่อ 205 แฟกซ์ {P(bkk_dash(bkk()))} "
    f"มือถือ {P(dash3(thmob()))} อีเมล {E('thanakorn.s' + '@baanraksolar.co.th')}")
add("th-sig", f"ฝ่ายบัญชี คุณอรุณี โทร {P(th_zero_dash(bkk()))} ต่อ 14 ({P(dash3(thmob()))})")
o = landline_th()
add("th-sig", f"สำนักงานสาขาภูเก็ต โทรศัพท์ {P(th_zero_dash(o))} โทรสาร {P(th_zero_dash(landline_th()))}")
add("th-sig", f"ติดต่อกลับได้ที่ {P(intl_th(thmob()))} (WhatsApp) หรือ {E('kittipong.c' + d(2) + '@gmail.com')}")

# -- delivery notes
add("th-delivery", f"ใบส่งสินค้า เลขที่ DN{d(8)} ผู้รับ: คุณมานพ ที่อยู่: 45/6 หมู่ 3 ซ.วัดด่าน ถ.สุขุมวิท "
    f"ต.บางปูใหม่ อ.เมือง จ.สมุทรปราการ 10280 โทร. {P(thmob())} รายการ: อินเวอร์เตอร์ 1 เครื่อง")
add("th-delivery", f"ที่อยู่จัดส่ง 123/7 ถ.มิตรภาพ ต.ในเมือง อ.เมือง จ.ขอนแก่น 40000 ผู้รับ คุณสมหญิง "
    f"{P(dash3(thmob()))}")
add("th-delivery", f"ส่งของที่ไซต์งาน 88 หมู่ 9 ต.ห้วยใหญ่ อ.บางละมุง ชลบุรี 20150 ติดต่อโฟร์แมน "
    f"{P(sp3(thmob()))} หรือ {P(sp3(thmob()))}")
add("th-delivery", f"ผู้รับ: นายสุรชัย 45/12 ถ.เพชรเกษม ต.หาดใหญ่ จ.สงขลา 90110 โทร.{P(dash3(thmob()))}")
add("th-delivery", f"ใบส่งของ ลูกค้า หจก.ช่างดี 9/9 หมู่ 1 ต.ท่าศาลา อ.เมือง จ.เชียงใหม่ 50000 "
    f"โทร {P(th_zero_dash(landline_th()))}")

# -- hard negatives
neg("th-neg", f"ใบเสนอราคาเลขที่ QT{d(7)} ยืนราคา 30 วัน นับจากวันที่ 28/11/2568")
neg("th-neg", f"ใบกำกับภาษีเลขที่ IV{d(8)} มูลค่าสินค้า 90,000.00 ภาษีมูลค่าเพิ่ม 6,300.00 รวมทั้งสิ้น 96,300.00 บาท")
neg("th-neg", f"เลขประจำตัวผู้เสียภาษี {company_taxid()} สำนักงานใหญ่ บริษัท บ้านรักษ์โซลาร์ จำกัด")
neg("th-neg", f"เลขประจำตัวผู้เสียภาษีอากร {company_taxid()} (สาขาที่ 00001)")
neg("th-neg", f"โอนเงินสำเร็จ 28 พ.ย. 68 14:32 น. จาก {masked_acct()} ไปยัง {masked_acct()} จำนวน 45,000.00 บาท "
    f"เลขที่รายการ {d(12)}ATF{d(5)}")
neg("th-neg", f"รหัสอ้างอิง {d(4)}{d(8)}{d(6)} ค่าธรรมเนียม 0.00 บาท")
neg("th-neg", f"ใบสั่งซื้อเลขที่ PO{d(8)} กำหนดส่ง 5 ธ.ค. 2568")
neg("th-neg", f"หมายเลขผู้ใช้ไฟฟ้า 0200{d(8)} รหัสเครื่องวัด {d(8)} หน่วยที่ใช้ {d(3)} หน่วย")
neg("th-neg", f"หมายเลขมิเตอร์ {d(10)} ค่ะ")
neg("th-neg", "จำนวน 20 แผง x 4,500.00 บาท = 90,000.00 บาท ส่วนลด 5% 4,500.00 บาท")
neg("th-neg", f"อินเวอร์เตอร์รุ่น SUN2000-5KTL-L1 หมายเลขเครื่อง HV{d(10)}")
neg("th-neg", f"ใบส่งสินค้าเลขที่ DN{d(4)}-{d(4)} จำนวน 3 กล่อง น้ำหนัก 84.5 กก.")
neg("th-neg", f"ใบเสร็จรับเงินเลขที่ {d(3)}/{d(5)} เล่มที่ {d(3)}")
neg("th-neg", f"บัตรเครดิต xxxx-xxxx-xxxx-{d(4)} อนุมัติ รหัส {d(6)}")
neg("th-neg", f"ชำระแล้ว 28/11/2568 เวลา 14:32:05 น. ยอด 1,250.00 บาท")
neg("th-neg", "ภาษีหัก ณ ที่จ่าย 3% = 2,700.00 บาท ยอดชำระสุทธิ 93,600.00 บาท")
neg("th-neg", f"เลขที่สัญญา {d(2)}/{d(4)} งวดที่ 2/3 ชำระ 50,000.00 บาท")
neg("th-neg", f"แบตเตอรี่ 10 kWh รุ่น LUNA2000-10-S0 ซีเรียล {d(4)}-{d(4)}-{d(4)} รับประกัน 10 ปี")
neg("th-neg", f"ที่อยู่ 123/45 หมู่ 6 ซ.{d(2)} ถ.บางนา-ตราด กม.{d(2)} ต.บางพลีใหญ่ อ.บางพลี จ.สมุทรปราการ 10540")
neg("th-neg", f"บัญชี xxx-x-x{d(4)}-x ธ.กสิกรไทย (ปิดบังเลขแล้ว)")
neg("th-neg", f"เลขที่ใบงาน JOB-{d(6)} ช่าง 2 คน 3 วัน")
neg("th-neg", f"ยอดค่าไฟเดือน ต.ค. 68 จำนวน {d(3)} หน่วย เป็นเงิน 3,418.62 บาท")
neg("th-neg", f"รหัสลูกค้า CUS{d(6)} วงเงินเครดิต 500,000 บาท")

# =============================== Chinese ===============================
# -- quotations, invoices, receipts
add("zh-invoice", f"报价单 编号 BJ{d(8)} 日期 2025-11-28 客户：张伟 电话：{P(cnmob_sp(cnmob()))} "
    f"邮箱：{E('zhangwei' + d(2) + '@163.com')} 光伏组件 550W × 20 块 单价 ¥850.00")
a, n = cn_land()
add("zh-invoice", f"发票 购买方 名称：深圳市绿能科技有限公司 纳税人识别号：{credit_code()} 地址、电话：深圳市南山区科技园 "
    f"{P(a + '-' + n)} 开户行及账号：招商银行深圳分行 {B(cnacct('7559', 15))}")
add("zh-invoice", f"收据 No.{d(7)} 今收到 王强 交来 光伏安装定金 人民币贰万元整 ¥20,000.00 收款人：李娜 "
    f"{P(cnmob())}")
add("zh-invoice", f"开票信息：个人 姓名 陈静 身份证号 {CN(cnid())} 手机 {P(cnmob())}")
add("zh-invoice", f"请开增值税普通发票，抬头：刘洋（个人），身份证号码：{CN(cnid())}，邮箱：{E('liuyang' + d(3) + '@qq.com')}")
add("zh-invoice", f"付款方式：银行转账 开户名：深圳市绿能科技有限公司 开户行：中国工商银行深圳南山支行 账号："
    f"{B(groups4(cnacct('4000', 19)))}")
a, n = cn_land3()
add("zh-invoice", f"卖方：上海阳光能源有限公司 电话：{P(a + '-' + n)} 传真：{P(a + '-' + r.choice('2345678') + d(7))}")
add("zh-invoice", f"收款账号：{B(cnacct('6222', 19))}（中国建设银行），收款人 黄磊，电话 {P(cnmob_sp(cnmob(), '-'))}")
add("zh-invoice", f"报价请发到 {E('chenhao.gz' + '@126.com')}，或者微信 {W('chenhao_' + d(4))}")
add("zh-invoice", f"泰国公司开票：Baan Rak Solar Co., Ltd. 电话 {P(intl_th(bkk()))} 联系人手机 {P(intl_th(thmob()))}")
add("zh-invoice", f"收据 付款人：赵敏 证件号：{CN(cnid())} 付款方式：信用卡 {C(groups4(card('62', 16)))}")

# -- filled-in forms
add("zh-form", f"姓名：张伟 性别：男 身份证号：{CN(cnid())} 联系电话：{P(cnmob())} 家庭住址：北京市朝阳区建国路 88 号")
add("zh-form", f"姓名：李娜 身份证号码：{CN(cnid())} 手机：{P(cnmob_sp(cnmob()))} 邮箱：{E('lina.sz' + d(2) + '@qq.com')}")
add("zh-form", f"旅客登记表 姓名：王芳 护照号码：{PP(passport_cn())} 国籍：中国 入住日期：2025年11月28日 房号 1207")
add("zh-form", f"签证申请 姓名 LIU YANG 护照号 {PP(passport_cn())} 国籍 中国 泰国联系电话 {P(dash3(thmob()))}")
add("zh-form", f"保修登记 客户：周杰 电话：{P(cnmob())} 逆变器序列号：{d(2)}A{d(10)} 安装日期：2025-11-20")
add("zh-form", f"申请表｜姓名：吴磊｜身份证：{CN(cnid())}｜手机：{P(cnmob_sp(cnmob(), '-'))}｜微信：{W('wulei' + d(4))}")
add("zh-form", f"Name / 姓名：ZHAO MIN  Passport No. / 护照号码：{PP(passport_cn())}  Nationality / 国籍：CHINA")
add("zh-form", f"紧急联系人：母亲 {P(cnmob_sp(cnmob()))}")
add("zh-form", f"客户信息 姓名 孙丽 证件类型 身份证 证件号码 {CN(cnid())} 联系方式 {P(cnmob())}")
add("zh-form", f"现场勘察表 联系人：黄先生 电话：{P(cnmob())} 邮箱：{E('huang.' + d(4) + '@sina.com')} 屋顶面积约 80 平方米")
add("zh-form", f"退款信息：户名 郑爽 开户行 招商银行 卡号 {B(cnacct('6214', 16))} 身份证 {CN(cnid())}")

# -- transfer slips
add("zh-slip", f"转账成功 2025-11-28 14:32:05 付款账户 {B(cnacct('6222', 19))} 收款方 深圳市绿能科技有限公司 "
    f"金额 ¥20,000.00")
add("zh-slip", f"转账成功 收款人：李娜 收款账号：{B(groups4(cnacct('6217', 19)))} 开户行：中国银行 金额：5,000.00 元 "
    f"附言：定金")
add("zh-slip", f"泰国银行转账回单 From 王强 Bangkok Bank {B(acct_dashed())} To Baan Rak Solar 金额 45,000.00 THB")
add("zh-slip", f"PromptPay 转账到 {P(dash3(thmob()))}，金额 1,500 泰铢，已付")
add("zh-slip", f"我的泰国账户：开泰银行 {B(acct_dashed())}，户名 CHEN HAO")
add("zh-slip", f"支付宝转账 对方账户 {E('zhouxun' + d(2) + '@163.com')} 金额 ¥800.00 订单号 {d(20)}")
add("zh-slip", f"退款请打到我的 PromptPay：{P(thmob())}（手机号）")

# -- contact cards
add("zh-vcard", f"BEGIN:VCARD VERSION:3.0 FN:张伟 TEL;CELL:{P(cnmob_sp(cnmob()))} TEL;WORK;VOICE:{P('0755-' + cn_local())} "
    f"X-WECHAT:{W('zhangwei_' + d(2))} END:VCARD")
add("zh-vcard", f"BEGIN:VCARD VERSION:3.0 N:李;娜;;; FN:李娜 ORG:绿能科技 TEL;TYPE=CELL:{P('+86 ' + cnmob())} "
    f"EMAIL:{E('lina' + '@greensun.cn')} END:VCARD")
add("zh-vcard", f"名片：陈浩 销售经理 手机 {P(cnmob_sp(cnmob()))} 座机 {P('020-' + cn_local())} 邮箱 {E('chenhao' + d(2) + '@qq.com')}")
add("zh-vcard", f"BEGIN:VCARD VERSION:2.1 FN:王师傅 TEL;CELL:{P(cnmob())} NOTE:安装师傅 END:VCARD")

# -- signatures
a, n = cn_land()
add("zh-sig", f"此致 李娜 | 销售部 | 电话：{P('+86 ' + a[1:] + ' ' + n[:4] + ' ' + n[4:])} 转 801 | 传真：{P(a + '-' + cn_local())} | "
    f"手机：{P('+86 ' + cnmob_sp(cnmob()))} | 邮箱：{E('li.na' + '@greensun.cn')}")
a, n = cn_land3()
add("zh-sig", f"王经理 电话 {P(a + '-' + n)} 分机 2031 手机 {P(cnmob_sp(cnmob(), '-'))}")
add("zh-sig", f"祝好！周先生 手机/微信同号：{P(cnmob())}")
add("zh-sig", f"泰国办事处 电话：{P(intl_th(bkk()))} 手机：{P(intl_th(thmob()))} LINE：{L('zhou_bkk' + d(2))}")

# -- delivery notes
add("zh-delivery", f"送货单 No. SH{d(8)}-{d(3)} 收货人：陈先生 收货地址：广东省深圳市宝安区西乡街道 88 号 "
    f"联系电话：{P(cnmob_sp(cnmob(), '-'))} 货品：光伏板 550W × 20 块")
add("zh-delivery", f"收货地址：浙江省杭州市西湖区文三路 90 号 310012，收件人 刘女士，{P(cnmob())}")
add("zh-delivery", f"发货到泰国：88/9 Moo 1 Nong Prue, Bang Lamung, Chonburi 20150，收货人 王先生 {P(intl_th(thmob()))}")
add("zh-delivery", f"快递信息 收件人：赵丽 电话：{P(cnmob())} 地址：成都市武侯区人民南路四段 11 号")
add("zh-delivery", f"提货联系人 吴工 {P(cnmob_sp(cnmob()))}，仓库电话 {P('0769-' + cn_local())}")

# -- hard negatives
neg("zh-neg", f"发票代码：0440{d(8)} 发票号码：{d(8)} 开票日期：2025年11月28日")
neg("zh-neg", f"纳税人识别号：{credit_code()}")
neg("zh-neg", f"统一社会信用代码 {credit_code()} 深圳市绿能科技有限公司")
neg("zh-neg", "金额 ¥90,000.00 税率 13% 税额 ¥11,700.00 价税合计 ¥101,700.00")
neg("zh-neg", f"报价单号 BJ-2025-{d(4)}，有效期 30 天")
neg("zh-neg", f"采购订单号 PO{d(10)}，交货期 2025-12-15")
neg("zh-neg", f"转账成功 交易流水号 {d(4)}{d(10)}{d(10)} 交易时间 2025-11-28 14:32:05")
neg("zh-neg", f"收款账户 6222 **** **** {d(4)} 金额 ¥5,000.00")
neg("zh-neg", f"逆变器型号 SUN2000-20KTL-M3 序列号 {d(2)}A{d(10)}")
neg("zh-neg", f"电表号 {d(12)}，本月读数 {d(5)}.{d(1)} 度")
neg("zh-neg", "数量 20 块 × 单价 ¥850.00 = ¥17,000.00")
neg("zh-neg", f"收据编号 {d(7)}，第 {d(3)} 本")
neg("zh-neg", f"快递单号 SF{d(12)}，重量 84.5 kg")
neg("zh-neg", f"送货单号 SH{d(8)}-{d(3)}，共 3 箱")
neg("zh-neg", f"合同编号 HT-{d(4)}-{d(6)}，签订日期 2025年11月20日")
neg("zh-neg", f"支付宝订单号 {d(4)}{d(8)}{d(8)}{d(8)}")
neg("zh-neg", "付款期限：货到 30 天内，逾期每日 0.05% 违约金")
neg("zh-neg", f"电池 51.2V 100Ah 批次号 {d(8)}")
neg("zh-neg", f"泰国公司税号 {company_taxid()}（总公司）")
neg("zh-neg", f"工单号 {d(4)}-{d(4)}-{d(2)}，师傅 2 人")
neg("zh-neg", "营业时间 周一至周六 08:30-17:30")
neg("zh-neg", f"银行卡尾号 {d(4)}，交易金额 ¥1,280.00，余额 ¥{d(2)},{d(3)}.{d(2)}")
neg("zh-neg", f"地址：曼谷素坤逸路 77 巷 123/45 号 10250，房间 {d(4)}")

# A form's header of several fields and then their values (`Name / Passport No. / Nationality: JAMES
# WILSON / 544332214 / AMERICAN`), where the passport word is more than the context window from the
# number, was left leaking; it is found since the twenty-first fresh set's fixes (the value's label is
# the header's field in the same place).
KNOWN_MISS_STARTS = ()
write(sys.argv[1], """# Twentieth fresh set of redaction cases (bench/gen-redact-fresh20.py), written before the
# redactor was run on it: business paperwork pasted into a chat, in English, Thai and Chinese (categories
# en-, th-, zh-): quotations, invoices, tax invoices and receipts (ใบเสนอราคา, ใบกำกับภาษี, 收据, 发票) with
# persons' tax ids, phones with extensions and fax numbers, bank accounts for payment; filled-in forms
# (ชื่อ-นามสกุล / 姓名 / Name, Passport No., Nationality, a TM30, warranty registrations); transfer slips read
# by OCR (โอนเงินสำเร็จ, 转账成功) with accounts masked or whole, PromptPay by phone or national id; vCards
# shared from phones, e-mail signatures with tel, fax, mobile and ext., delivery notes with addresses and
# phones. Hard negatives of the same shapes: invoice, PO, quotation, receipt and slip reference numbers,
# tax amounts, totals, quantities and prices, dates and times, models, serials, meter numbers, masked
# accounts and cards, companies' tax ids. Same format as redact.tests (`INPUT ⇒ EXPECTED`, `=` for
# unchanged); run by tests/plugins/test-redact-golden.c (test redact-golden-fresh20: the cases of
# [known-miss] are TODO while they leak) and measured by
# `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh20.tests`.
""",
      lambda text, expected: text.startswith(KNOWN_MISS_STARTS))
