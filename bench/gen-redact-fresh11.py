#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh11.tests: an eleventh fresh set of redaction cases, written before
any run of the redactor on it, in a style the earlier sets had little of: the business documents a
solar, smart-home and construction company's customers paste into the chat box, where the personal
values sit among the many numbers of the same document that are not personal data. By language,
about sixty messages with values and twenty-five hard negatives each in English, Thai and Chinese
(categories `en-`, `th-`, `zh-`):

- quotation requests, site-survey bookings, invoices, tax invoices and receipts, purchase orders,
  delivery notes and addresses, forwarded e-mails (`From: … <…> Sent: … Subject: RE: QT-…`) and
  their signatures, one-line forms (`Name: … / Tel: … / Email: … / ID: …`, `ชื่อ: … | เบอร์: …`,
  `姓名：…；身份证号：…`), rows of tables copied with tabs, multi-line pastes flattened with ` | `
  or ` / `;
- around the values, the numbers of the same document: quotation, invoice, PO, receipt and order
  numbers, a company's tax ID (a juristic person's, first digit 0, valid checksum) and China's
  unified social credit code, amounts with VAT, dates of both eras, times, kW, kWp, kWh, watts,
  models, serials, meter and electricity account numbers, postcodes, rooms and floors;
- phone numbers of Thailand in the spellings of letterheads and forms (`0-2xxx-xxxx`, a range of
  lines `0-2xxx-xxxx-9`, `ต่อ`, `ext.`, `T.`, `M.`, `Fax`, `(0)`, `+66-2-…`, spaces around dashes,
  Thai digits), and of the neighbours in their own groupings: Laos (+856 20, +856 21), Cambodia
  (+855), Myanmar (+95 9, +95 1), Vietnam (+84, with `(0)`), Malaysia (+60), Singapore (+65), China
  (+86, `0086`), Hong Kong (+852) and Taiwan (+886), mobiles and landlines;
- e-mail addresses of companies of those countries (`.la`, `.com.kh`, `.com.mm`, `.com.vn`,
  `.com.my`, `.com.sg`, `.com.hk`, `.com.tw`, `.co.th`, `.com.cn`), in `<…>` and after `From:`;
- Thai IDs in Thai forms (a personal tax invoice, the electricity authority's application), Chinese
  IDs in invoice details and forms, passports of the neighbours (Myanmar, Cambodia, Laos, Vietnam,
  Malaysia, China), accounts of Thai and Chinese banks in refund and invoice forms (`开户行及账号`,
  groups of four, a Government Savings Bank's twelve digits), cards in payment complaints (charged
  twice, declined, instalments), IP addresses of monitoring and CCTV systems.

Hard negatives of the same documents, among them a Luhn-valid order number after `订单号`, a serial
after `SN:` and an invoice number after `Invoice No.` that pass the Thai ID's check, a mobile-shaped
order number after `เลขที่คำสั่งซื้อ`, company tax IDs with valid checksums, a twenty-digit Chinese
e-invoice number, masked numbers.

Left out because docs/redaction.md does not promise them: names and postal addresses (they stay, as
everywhere), national numbers of the neighbours without their country code, Thai `1800` and China's
`400` numbers.

Values have valid checksums (Thai ID mod 11 with a person type 1-8, Chinese ID ISO 7064 MOD 11-2 and
a real date of birth, Luhn for cards); bank account numbers fail Luhn so that they are not also card
numbers.

    bench/gen-redact-fresh11.py tests/data/redact-fresh11.tests
"""
import sys

import redact_cases
from redact_cases import B, C, CN, E, IP, L, P, PP, T, W, acct, acct_dashed, add, bkk, bkk_dash, card, cnacct, cnmob, \
    cnmob_sp, d, dash3, fw, groups4, ip4, luhn, neg, not_luhn, sp3, start, thd, thid_check, thid_dashed, thmob, write
from redact_cases import thid_province as thid

r = start(20261128)


def cnid():
    return redact_cases.cnid(["110105", "310115", "440305", "440106", "330106", "510107", "320102", "350203"],
                             (1960, 2003))






def cn_land(area=None):
    """A Chinese landline: the area code and eight digits."""
    a = area or r.choice(["010", "021", "020", "0755", "0571", "0512"])
    return a, r.choice("2345678") + d(7)



def bkk_letterhead(o):
    """A Bangkok number as Thai letterheads write it: 0-2123-4567."""
    return o[0] + "-" + o[1:5] + "-" + o[5:]



def prov(areas=("038", "033", "053", "043", "044", "076", "077", "074", "034", "035", "039")):
    """A provincial Thai landline: 0, a two-digit area and six digits (nine in all)."""
    return r.choice(areas) + r.choice("2345678") + d(5)


def prov_dash(o):
    return o[:3] + "-" + o[3:]


def company_tax_id():
    """A Thai juristic person's tax ID: first digit 0 (not a person's ID), valid mod-11 check."""
    base = "0" + r.choice(["105", "125", "135", "205", "215", "505"]) + r.choice(["55", "56", "57", "58", "59", "60",
                                                                                    "61", "62", "63", "64"]) + d(6)
    return base + thid_check(base)



def dash4(k):
    return "-".join(k[i:i + 4] for i in range(0, len(k), 4))




# The neighbours' numbers in their own groupings (country code, then the national number).
def lao_mob():
    return "+856 20 " + r.choice("2579") + d(3) + " " + d(4)


def lao_land():
    return "+856 21 " + d(3) + " " + d(3)


def kh_mob():
    p = r.choice(["12", "17", "77", "89", "92", "10", "15", "16", "97", "88"])
    return "+855 " + p + " " + d(3) + " " + d(3 if p not in ("97", "88") else 4)


def mm_mob():
    return "+95 9 " + r.choice(["25", "26", "40", "42", "45", "69", "76", "77", "78", "79", "97", "96"]) + d(1) + \
        " " + d(3) + " " + d(3)


def vn_mob():
    return r.choice(["90", "91", "93", "94", "96", "97", "98", "86", "88", "70", "77", "79", "83", "84", "85"]) + d(7)


def my_mob():
    return "1" + r.choice("2346789") + d(7)


def sg_num(first="89"):
    return r.choice(first) + d(7)


def hk_num(first="5679"):
    return r.choice(first) + d(7)


def tw_mob():
    return "9" + d(8)


# =============================== Thai ===============================
m = thmob()
add("th-quote", f"สวัสดีค่ะ สนใจติดโซลาร์ 5kW ออนกริดที่บ้าน หลังคาเมทัลชีท ขอใบเสนอราคาด้วยค่ะ ชื่อ วรรณา ศรีสุข "
    f"โทร {P(dash3(m))} อีเมล {E('wanna.srisuk@gmail.com')}")
m = thmob()
add("th-quote", f"ขอราคาติดตั้งแผง 550W จำนวน 20 แผง พร้อมอินเวอร์เตอร์ 10kW 3 เฟส ที่โรงงาน ต.บางพลีใหญ่ "
    f"อ.บางพลี จ.สมุทรปราการ 10540 ติดต่อคุณธนพล {P(m[:2] + '-' + m[2:6] + '-' + m[6:])} / "
    f"{E('thanapol@bpl-steel.co.th')}")
m = thmob()
add("th-quote", f"รบกวนส่งใบเสนอราคา EV Charger 7.4kW รุ่น Wallbox มาทางไลน์ {L('kook_ev2024')} หรือโทร "
    f"{P(m)} ได้เลยค่ะ")
o, m = bkk(), thmob()
add("th-quote", f"ต้องการใบเสนอราคาในนาม บจก. ทวีทรัพย์ คอนสตรัคชั่น เลขประจำตัวผู้เสียภาษี {company_tax_id()} "
    f"ผู้ติดต่อ คุณอรุณี โทร. {P(bkk_letterhead(o))} ต่อ 112 มือถือ {P(m)}")
t = thid()
add("th-quote", f"ขอใบกำกับภาษีเต็มรูปในนามบุคคล นายประเสริฐ วงศ์ใหญ่ เลขประจำตัวผู้เสียภาษี {T(t)} ที่อยู่ 88/9 "
    f"ม.4 ต.หนองปรือ อ.บางละมุง จ.ชลบุรี 20150")
m, m2 = thmob(), thmob()
add("th-quote", f"ขอราคาปั๊มน้ำโซลาร์ 1.5 แรง สำหรับสวนทุเรียน 12 ไร่ ที่จันทบุรี เบอร์ {P(sp3(m))} (ผม) หรือ "
    f"{P(sp3(m2))} (ภรรยา) ค่ะ")
m = thmob()
add("th-quote", f"บ้าน 2 ชั้น ค่าไฟเดือนละ 4,500บาท อยากได้ระบบ 5kWp พร้อมแบต 10kWh ราคาประมาณเท่าไหร่ "
    f"ติดต่อกลับเบอร์{P(m)}ค่ะ")
m = thmob()
add("th-quote", f"ใบขอราคา RFQ-2568-118 | โครงการ: หลังคาโซลาร์โรงเรียน 30 kWp | ผู้ประสานงาน: ครูสมศรี | "
    f"{P(m)} | {E('somsri.k@obec.go.th')}")
o = prov(("053",))
add("th-quote", f"ร้านวัสดุก่อสร้างที่เชียงใหม่ ขอราคาส่งแผง 100 แผง ติดต่อ {P(prov_dash(o))} หรือ "
    f"{E('chiangmai.wassadu@hotmail.com')} ค่ะ")

m = thmob()
add("th-survey", f"นัดสำรวจหน้างาน วันเสาร์ที่ 6 ธ.ค. 68 เวลา 10.00 น. | คุณสมพร | {P(m)} | บ้านเลขที่ 123/45 "
    f"หมู่บ้านศุภาลัย ซ.12 ถ.ราชพฤกษ์ นนทบุรี 11000")
m, m2 = thmob(), thmob()
add("th-survey", f"ยืนยันนัดสำรวจ 15/12/2568 13:30 น. ผู้ติดต่อหน้างาน: คุณเอก โทร "
    f"{P(m[:2] + '-' + m[2:6] + '-' + m[6:])} / ผู้จัดการโครงการ: คุณนิด โทร {P(dash3(m2))}")
o, m = prov(("038",)), thmob()
add("th-survey", f"ช่างเข้าสำรวจได้วันอังคาร ก่อนเข้าโทรหา รปภ. หมู่บ้าน {P(prov_dash(o))} แล้วค่อยโทรหาดิฉัน "
    f"{P(m)} นะคะ")
m = thmob()
add("th-survey", f"นัดดูหน้างาน ๒๐ ธ.ค. ๒๕๖๘ ช่วงบ่าย เบอร์ {P(thd(dash3(m)))} ค่ะ")
m = thmob()
add("th-survey", f"จองคิวสำรวจหลังคาโรงงานที่ระยอง 2,400 ตร.ม. ติดต่อ นายช่างวิชัย "
    f"{P('+66 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])} อีเมลสำรอง {E('wichai.eng@rayong-plastic.co.th')}")
m = thmob()
add("th-survey", f"เลื่อนนัดสำรวจจาก 3 ธ.ค. เป็น 10 ธ.ค. 2568 ค่ะ โทรยืนยันที่{P(m[:3] + ' - ' + m[3:6] + ' - ' + m[6:])}"
    f"ได้เลย")
m = thmob()
add("th-survey", f"หน้างานอยู่คอนโดชั้น 18 ห้อง 1805 ต้องขออนุญาตนิติก่อน เบอร์นิติบุคคล {P(bkk_dash(bkk()))} "
    f"เบอร์เจ้าของห้อง {P(m[:4] + '-' + m[4:7] + '-' + m[7:])}")

m = thmob()
add("th-invoice", f"ใบแจ้งหนี้ เลขที่ INV-6811-0042 | วันที่ 28/11/2568 | ลูกค้า: คุณพิมพ์ชนก ใจงาม | โทร {P(m)} | "
    f"รายการ: แผงโซลาร์ 550W x 12 | ยอดรวม 98,440.00 บาท")
t = thid()
add("th-invoice", f"ใบเสร็จรับเงิน/ใบกำกับภาษี เลขที่ RC2568/1123 ชื่อผู้ซื้อ นางสาวกมลวรรณ ทองดี "
    f"เลขประจำตัวผู้เสียภาษี {T(thid_dashed(t))} ที่อยู่ 12/3 ซ.ลาดพร้าว 71 กรุงเทพฯ 10230 ยอดชำระ 45,900 บาท")
o = bkk()
add("th-invoice", f"ผู้ขาย บจก. ซันไรส์ เอ็นเนอร์ยี่ เลขผู้เสียภาษี {company_tax_id()} สำนักงานใหญ่ โทร. "
    f"{P(bkk_letterhead(o))}-9 / ผู้ซื้อ คุณชาตรี {E('chatree.b@gmail.com')}")
o, m = prov(("043",)), thmob()
add("th-invoice", f"ใบสั่งซื้อ PO-2568-0099 ส่งสินค้าที่ คุณมานพ 45 ม.2 ต.บ้านเป็ด อ.เมือง จ.ขอนแก่น 40000 "
    f"โทร {P(prov_dash(o))}, {P(m)}")
m = thmob()
add("th-invoice", f"ใบเสร็จเลขที่ 6811000457 วันที่ 28 พ.ย. 68 ได้รับเงินจาก นายอนุชา ({P(m)}) ค่ามัดจำงวดที่ 1 "
    f"จำนวน 30% เป็นเงิน 73,500 บาท")
t = thid()
add("th-invoice", f"ออกใบกำกับในนาม นางสุภาพร แสงทอง เลขบัตร {T(t[0] + ' ' + t[1:5] + ' ' + t[5:10] + ' ' + t[10:12] + ' ' + t[12])} "
    f"ค่ะ ส่งไฟล์ PDF ที่ {E('supaporn.s@yahoo.co.th')}")

m = thmob()
add("th-delivery", f"ที่อยู่จัดส่ง: คุณสุนิสา แก้วมณี 99/12 ม.5 ต.บางเมือง อ.เมือง จ.สมุทรปราการ 10270 โทร. {P(m)}")
m = thmob()
add("th-delivery", f"ส่งของ / คุณวีระ / {P(m)} / 45/6 ซ.สุขุมวิท 101/1 แขวงบางนา เขตบางนา กทม. 10260")
m = thmob()
add("th-delivery", f"ผู้รับ: นายกิตติ วงศ์สวัสดิ์ ({P(dash3(m))}) ถ้าไม่อยู่ฝากไว้ที่ป้อม รปภ. เบอร์ป้อม "
    f"{P(bkk_dash(bkk()))}")
m = thmob()
add("th-delivery", f"ส่งที่ไซต์ก่อสร้างโครงการ The Green ถ.บางนา-ตราด กม.23 ติดต่อโฟร์แมน คุณต้น {P(m)} "
    f"ไลน์ {L('ton_foreman23')}")
m = thmob()
add("th-delivery", f"รบกวนส่งอินเวอร์เตอร์ตัวใหม่มาที่ 77/3 ม.1 ต.ป่าตอง อ.กะทู้ จ.ภูเก็ต 83150 ผู้รับ คุณจิรา "
    f"{P(m[:3] + '.' + m[3:6] + '.' + m[6:])} ส่งก่อนวันที่ 5/12 นะคะ")
o = prov(("076",))
add("th-delivery", f"ชื่อผู้รับ: ร้านสมบูรณ์การไฟฟ้า | โทรศัพท์: {P(o[0] + '-' + o[1:5] + '-' + o[5:])} | "
    f"ที่อยู่: 12 ถ.เทพกระษัตรี ภูเก็ต 83000")

m = thmob()
add("th-signature", f"---------- Forwarded message --------- From: สมชาย กิตติวงศ์ <{E('somchai.k@siamgreen.co.th')}> "
    f"Date: ศ. 28 พ.ย. 2568 เวลา 09:14 Subject: ขอใบเสนอราคา QT-6811-045 To: <{E('sales@cblue-solar.co.th')}>")
o, m = bkk(), thmob()
add("th-signature", f"ขอบคุณครับ -- นพดล ศรีประเสริฐ | ผู้จัดการฝ่ายจัดซื้อ | บริษัท ไทยรุ่งเรือง อินดัสทรี จำกัด | "
    f"T. {P(bkk_letterhead(o))} ต่อ 205 | M. {P(dash3(m))} | E. {E('noppadol@thairungruang.co.th')}")
o = bkk()
fax = o[:-1] + str((int(o[-1]) + 1) % 10)
add("th-signature", f"ส่งต่อจากคุณแพร: แพรวา / ฝ่ายบัญชี / โทร {P(bkk_dash(o))} / แฟกซ์ {P(bkk_dash(fax))} / "
    f"อีเมล {E('praewa.acc@ptn-group.com')}")
m = thmob()
add("th-signature", f"ด้วยความเคารพ อรอุมา (ฝ่ายขาย) มือถือ {P('+66 (0) ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])} "
    f"ไลน์ {L('@sunpower.th')} เว็บไซต์ www.sunpower-th.com")

t, m = thid(), thmob()
add("th-form", f"ชื่อ-นามสกุล: นายสมศักดิ์ ใจดี เลขบัตรประชาชน: {T(t)} วันเกิด: 12/05/2520 โทรศัพท์: {P(m)} "
    f"อีเมล: {E('somsak.j2520@gmail.com')}")
m = thmob()
add("th-form", f"ชื่อ: ณัฐวุฒิ | เบอร์: {P(m)} | ไลน์: {L('nattawut.cm')} | ที่อยู่ติดตั้ง: 55/1 ม.7 ต.หนองจ๊อม "
    f"อ.สันทราย จ.เชียงใหม่ 50210")
t, m = thid(), thmob()
add("th-form", f"แบบฟอร์มขอขนานไฟ (กฟภ.) ผู้ขอ: นางอำไพ สุขใจ เลขประจำตัวประชาชน {T(thid_dashed(t, ' '))} "
    f"หมายเลขผู้ใช้ไฟฟ้า 020012{d(6)} ขนาดติดตั้ง 9.99 kW โทร {P(m)}")
t, m = thid(), thmob()
add("th-form", f"ชื่อ=ปรีชา;โทร={P(m)};อีเมล={E('preecha.p@hotmail.com')};บัตร={T(t)}")
m = thmob()
add("th-form", f"ลูกค้าชาวเมียนมา ชื่อ Aung Ko Ko พาสปอร์ต {PP('MC' + d(6))} โทร {P(mm_mob())} / เบอร์ไทย {P(m)}")
t = thid()
add("th-form", f"ข้อมูลผู้ทำสัญญา: นายวีรพงษ์ มีสุข / เลขบัตร ปชช. {T(thid_dashed(t))} / ออกบัตรที่ อ.เมืองนครราชสีมา "
    f"/ บัตรหมดอายุ 11 ต.ค. 2572")
m = thmob()
add("th-form", f"[ชื่อ] คุณปิยะนุช [โทร] {P(m)} [อีเมล] {E('piyanuch.t@outlook.co.th')} [ขนาดระบบ] 3kW")

m, m2 = thmob(), thmob()
add("th-table", f"ลำดับ\tชื่อ\tเบอร์โทร\tอีเมล\t1\tสมหญิง\t{P(m)}\t{E('somying.w@gmail.com')}\t2\tสมปอง\t"
    f"{P(dash3(m2))}\t{E('sompong99@yahoo.com')}")
t, m = thid(), thmob()
add("th-table", f"2\tนายเอกชัย ศรีวงศ์\t{T(t)}\t{P(m)}\tนนทบุรี\t5.5 kW")
m, m2 = thmob(), thmob()
add("th-table", f"รายชื่อผู้เข้าอบรมการดูแลระบบ: 3\tคุณฝน\t{P(dash3(m))}\tฝ่ายขาย\t4\tคุณโอ๊ต\t{P(m2)}\tฝ่ายช่าง")

add("th-payment", f"แจ้งโอนเงินมัดจำ 30% ยอด 29,550 บาท เข้าบัญชีบริษัทแล้ว จากบัญชี กสิกรไทย {B(acct_dashed())} "
    f"ชื่อบัญชี นายวิทยา เวลา 14:32 น. 28/11/68")
add("th-payment", f"ขอคืนเงินค่ามัดจำ ธนาคาร: ไทยพาณิชย์ | สาขา: เซ็นทรัลพระราม 9 | เลขที่บัญชี: {B(acct())} | "
    f"ชื่อบัญชี: น.ส.จันทร์เพ็ญ")
k = card()
add("th-payment", f"ตัดบัตรเครดิต {C(groups4(k))} ไปสองรอบ รอบละ 12,500 บาท วันที่ 27 พ.ย. รบกวนตรวจสอบด้วยค่ะ")
k = card("5" + r.choice("1234"))
add("th-payment", f"ผ่อน 0% 10 เดือนกับบัตร KTC {C(dash4(k))} ยังไม่ได้รับ SMS ยืนยันเลยครับ")
add("th-payment", f"คืนเงินเข้า ออมสิน {B(not_luhn(12, '020'))} ชื่อ นางบุญมี ทองคำ ค่ะ")
m = thmob()
add("th-payment", f"โอนผ่านพร้อมเพย์ {P(m)} แล้วนะคะ ยอด 5,000 บาท สลิปแนบในแชทค่ะ")
t = thid()
add("th-payment", f"พร้อมเพย์เลขบัตร {T(t)} ชื่อ นายภานุ ค่ะ")
k = card()
add("th-payment", f"ชำระค่างวดด้วยบัตร {C(k)} ไม่ผ่าน ขึ้น Error 05 ตอน 21:40 น.")
add("th-payment", f"บัญชีรับเงินคืน: ธ.กรุงเทพ {B(acct_dashed())} สาขาสีลม ชื่อ บจก. เอ็มเอส โฮม")

add("th-foreign", f"ลูกค้าจากเวียงจันทน์ คุณสีสะหวาด โทร {P(lao_mob())} หรือสำนักงาน {P(lao_land())} อีเมล "
    f"{E('sisavath@laosolar.la')}")
add("th-foreign", f"ช่างชาวกัมพูชา คุณดารา เบอร์ {P(kh_mob())} พาสปอร์ต {PP('N' + d(8))}")
add("th-foreign", f"ตัวแทนจำหน่ายที่มาเลเซีย โทร {P('+60 ' + (lambda x: x[:2] + '-' + x[2:5] + ' ' + x[5:])(my_mob()))} "
    f"อีเมล {E('ahmad.r@suria-energy.com.my')}")
x = sg_num()
add("th-foreign", f"ลูกค้าสิงคโปร์ขอราคาส่งออก โทร {P('+65 ' + x[:4] + ' ' + x[4:])} ค่ะ")
x = vn_mob()
add("th-foreign", f"พาร์ทเนอร์เวียดนาม คุณมินห์ {P('+84 ' + x[:2] + ' ' + x[2:5] + ' ' + x[5:])} "
    f"{E('minh.nguyen@vnsolar.com.vn')}")
a, n = cn_land("0755")
add("th-foreign", f"โรงงานผู้ผลิตที่เซินเจิ้น {P('+86 755 ' + n[:4] + ' ' + n[4:])} คุณหลี่")
x = hk_num("69")
add("th-foreign", f"ผู้จัดการฝั่งฮ่องกง {P('+852 ' + x[:4] + ' ' + x[4:])} ไลน์ไม่มี ใช้ WhatsApp เบอร์เดียวกัน")
x = tw_mob()
add("th-foreign", f"วิศวกรจากไต้หวัน {P('+886 ' + x[:3] + ' ' + x[3:6] + ' ' + x[6:])} พักที่โรงแรมห้อง 1208")
add("th-foreign", f"หัวหน้าคนงานชาวลาว พาสปอร์ต {PP('P' + d(7))} เบอร์ไทย {P(dash3(thmob()))}")

m = thmob()
add("th-units", f"ติดตั้งแล้ว 24 แผง 13.2 kWp วันที่ 28/11/2568 มีปัญหาโทร{P(m)}ได้ 24 ชม.")
add("th-units", f"ระบบ monitoring ของบ้านผมเข้าไม่ได้ IP {IP(ip4())} port 8080 ครับ")
m = thmob()
add("th-units", f"แบต 10kWh ชาร์จไม่เต็ม 80% ตั้งแต่ 1 ธ.ค. ช่วยโทรกลับ{P(m)}ค่ะ")

neg("th-neg", "ใบเสนอราคาเลขที่ QT-6811-0452 ลงวันที่ 28/11/2568 ยืนราคา 30 วัน")
neg("th-neg", "ยอดรวมทั้งสิ้น 245,000.00 บาท (สองแสนสี่หมื่นห้าพันบาทถ้วน) รวม VAT 7% แล้ว")
neg("th-neg", f"บริษัท ซันไลท์ เอ็นเนอร์ยี่ จำกัด เลขประจำตัวผู้เสียภาษี {company_tax_id()} สำนักงานใหญ่")
neg("th-neg", f"หมายเลขผู้ใช้ไฟฟ้า (CA) 020012{d(6)} มิเตอร์ PEA เลขที่ {d(8)} ขนาด 15(45)A")
neg("th-neg", "อินเวอร์เตอร์ Huawei SUN2000-10KTL-M1 S/N: 6T2204561234 แบต LUNA2000-10-S0")
neg("th-neg", "ผลิตไฟได้ 1,245.6 kWh เดือน ต.ค. 68 ประหยัดไป 5,480 บาท")
neg("th-neg", "ใบสั่งซื้อ PO4500123456 ส่งของภายใน 15 วัน")
neg("th-neg", f"เลขที่คำสั่งซื้อ {thmob()} ค่ะ ยังไม่ได้รับของ")
neg("th-neg", "ที่อยู่ 123/45 หมู่ 6 ต.บางเสาธง อ.บางเสาธง จ.สมุทรปราการ 10570")
neg("th-neg", "นัดติดตั้งวันที่ 15-16 ธ.ค. 2568 เวลา 08:30-17:00 น.")
neg("th-neg", "ขนาดแผง 2278 x 1134 x 35 มม. น้ำหนัก 27.5 กก.")
neg("th-neg", "พิกัดหน้างาน 13.6904, 100.7501")
neg("th-neg", "ห้อง 1205 ชั้น 12 อาคาร B ลุมพินี พาร์ค")
neg("th-neg", "ส่วนลด 5% เหลือ 232,750 บาท ผ่อน 0% นาน 10 เดือน")
neg("th-neg", "เลขพัสดุ Kerry KEX2511281234 ส่งถึงพรุ่งนี้")
neg("th-neg", "โอนเข้าบัญชีบริษัท ธนาคารกสิกรไทย xxx-x-x4567-x แล้วค่ะ")
neg("th-neg", "บัตรเครดิตลงท้าย 4821 ถูกตัด 2 ครั้ง ยอด 12,500 บาท")
neg("th-neg", "ระบบ 10 kWp ใช้แผง 18 แผง อินเวอร์เตอร์ 3 เฟส 400V")
neg("th-neg", "ใบเสร็จเลขที่ 6811000123 ชำระแล้ว 28 พ.ย. 68")
neg("th-neg", "เบอร์ 02-xxx-4567 ใช่ของบริษัทไหมคะ")
neg("th-neg", "กฟภ. อนุมัติขนานไฟแล้ว เลขที่คำร้อง 2568-112-00456")
neg("th-neg", f"แบตเตอรี่ SN: {thid()} ประกัน 10 ปี")
neg("th-neg", "รหัสไปรษณีย์ 50210 อ.สันทราย จ.เชียงใหม่")
neg("th-neg", "ค่าไฟเดือนละประมาณ 4,500-5,000 บาท ใช้แอร์ 3 ตัว 12000 BTU")
neg("th-neg", "โอนผ่าน SWIFT KASITHBK สาขา 0123 ได้ไหมคะ ลูกค้าอยู่ลาว")

# =============================== English ===============================
m = thmob()
add("en-quote", f"Hi, we're looking for a quote on a 30kWp rooftop system for our warehouse in Bang Na (approx. 600 m2 "
    f"metal sheet roof). Contact: Mr. James Carter, {P('+66 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}, "
    f"{E('james.carter@thaifreight.co.th')}")
o, m = bkk(), thmob()
add("en-quote", f"Quotation request / Company: Siam Cold Storage Co., Ltd. / Contact: Ms. Nicha / Tel: "
    f"{P(bkk_letterhead(o))} ext. 301 / Mobile: {P(dash3(m))} / Email: {E('nicha@siamcold.co.th')}")
o, m = bkk(), thmob()
add("en-quote", f"Can you quote 2 x 7kW EV chargers for our condo parking? Juristic office tel "
    f"{P(o[:2] + ' ' + o[2:5] + ' ' + o[5:])}, manager's mobile {P(sp3(m))}")
add("en-quote", f"RFQ-2025-118: 50 kW carport, 120 panels, please send the BOQ to {E('procurement@amata-logistics.com')} "
    f"and cc {E('k.wong@amata-logistics.com')} by 5 Dec")
m = thmob()
add("en-quote", f"Hello, I have a 3-bedroom house in Hua Hin, bill about 6,000 THB/month. What size system do I need? "
    f"Call me at {P(m[:3] + ' ' + m[3:7] + ' ' + m[7:])} after 6pm")
t = thid()
add("en-quote", f"Please issue the quotation to me personally: Mr. Kittisak Boonmee, Tax ID {T(t)}, 59/8 Moo 2, "
    f"Hang Dong, Chiang Mai 50230")
x = sg_num("6")
add("en-quote", f"We are a Singapore developer with 3 projects in Rayong; kindly quote for 1 MWp. Office: "
    f"{P('+65 ' + x[:4] + ' ' + x[4:])}, email {E('projects@lionbridge-dev.com.sg')}")
m = thmob()
add("en-quote", f"quote pls: 5kW hybrid + 10kWh battery, 2-storey house, Nonthaburi 11120, tel {P(m)}, "
    f"line {L('mark_nbi99')}")

m = thmob()
add("en-survey", f"Site survey booked for Sat 6 Dec 2025, 10:00-12:00 at 88/12 Moo 3, Nong Prue, Bang Lamung, Chonburi "
    f"20150. On-site contact: Khun Lek ({P('+66 ' + m[1:3] + '-' + m[3:6] + '-' + m[6:])}).")
m, m2 = thmob(), thmob()
add("en-survey", f"Please confirm the survey on 12/12/2025. Gate code 4521#, call me on arrival: {P(sp3(m))} or "
    f"my wife {P(dash3(m2))}")
m = thmob()
add("en-survey", f"survey slot: Tue 9 Dec 14:00 | name: Peter Olsen | ph: {P('+66 (0) ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])} "
    f"| email: {E('p.olsen@olsen-consult.dk')}")
m = thmob()
add("en-survey", f"Re: survey at our factory, Lat Krabang Industrial Estate, Soi 9. Security needs names + ID 48h "
    f"ahead. Our safety officer: Mr. Anan, {P(m[:2] + '-' + m[2:6] + '-' + m[6:])}.")
o = prov(("032",))
add("en-survey", f"Can the engineer come to our resort in Cha-am on 20 Dec? Front desk {P('(' + o[:3] + ') ' + o[3:6] + ' ' + o[6:])}, "
    f"ask for Mrs. Davis in villa 12")
m = thmob()
add("en-survey", f"survey done 28/11, 18 panels fit on the south roof (32 m2). Send the report to "
    f"{E('helen.b@gmail.com')} or WhatsApp {P('+66' + m[1:])}")

m = thmob()
add("en-invoice", f"INVOICE INV-2025-00123 | Date: 28 Nov 2025 | Bill to: Daniel Wong, 45 Sukhumvit Soi 39, Bangkok 10110 "
    f"| Tel: {P(m)} | Email: {E('daniel.wong@outlook.com')} | Amount due: THB 245,000.00")
m, t = thmob(), thid()
add("en-invoice", f"Receipt RC-00981 paid 27/11/2025, customer Mr. Lee Chong, tel {P(dash3(m))}, personal tax ID "
    f"{T(thid_dashed(t))}, total THB 48,150.00 incl. VAT 7%")
add("en-invoice", f"Tax invoice please: Name: Mrs. Sarah Jones, Passport No. {PP('5' + d(8))}, Address: Unit 1205, "
    f"Condo One X, Sukhumvit 26, Tel {P('+44 7' + r.choice('45789') + d(2) + ' ' + d(6))}")
o = bkk()
add("en-invoice", f"Seller: Green Build Co., Ltd., Tax ID {company_tax_id()} (Head Office), tel. {P(bkk_dash(o))} | "
    f"Buyer: Mr. Robert Hayes, {E('rob.hayes@gmail.com')}")
m = thmob()
add("en-invoice", f"PO No. 4500123789 dated 25.11.2025 — deliver to Khun Malee, Warehouse B, tel {P(m)}, "
    f"payment 30 days after invoice")
c = cnmob()
add("en-invoice", f"Pro forma invoice PI-2025-077 for 2 x 100kWh BESS, consignee: Zhang Hui, "
    f"{P('+86 ' + cnmob_sp(c))}, {E('zhanghui@cnbess.com.cn')}")

m = thmob()
add("en-delivery", f"Ship to: Mr. Tom Baker, 123/45 Moo 6, Chalong, Mueang Phuket 83130, Tel. {P(dash3(m))}")
m = thmob()
add("en-delivery", f"Deliver the batteries to the site office, attn. Khun Somsak {P(m)}; the gate closes at 17:00")
o, m = prov(("044",)), thmob()
add("en-delivery", f"delivery address / Korat Farm Co. / 199 Moo 8, Pak Chong 30130 / {P(prov_dash(o))} / mobile "
    f"{P(m)}")
m = thmob()
add("en-delivery", f"Please send the replacement optimizer by Kerry to: Anna Muller, 9/9 Soi Nana, Bangkok 10110, "
    f"phone {P('+66-' + m[1:3] + '-' + m[3:6] + '-' + m[6:])}")
x = my_mob()
add("en-delivery", f"Consignee: Tan Ah Kow, No. 12 Jalan Bukit Bintang, 55100 Kuala Lumpur, Malaysia, tel "
    f"{P('+60 ' + x[:2] + '-' + x[2:5] + ' ' + x[5:])}")

o, m = bkk(), thmob()
add("en-signature", f"Best regards, | Somchai Prasert | Project Engineer | Green Build Co., Ltd. | T: "
    f"{P('+66 2 ' + o[2:5] + ' ' + o[5:])} ext. 214 | M: {P('+66 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])} | "
    f"E: {E('somchai.p@greenbuild.co.th')} | www.greenbuild.co.th")
add("en-signature", f"-----Original Message----- From: Lisa Tan <{E('lisa.tan@sunmax.com.sg')}> Sent: Friday, 28 November "
    f"2025 9:41 AM To: Sales <{E('sales@cblue-solar.co.th')}> Subject: RE: Quotation QT-6811-045")
x, a = vn_mob(), "28" + r.choice("3") + d(7)
add("en-signature", f"Kind regards, Nguyen Van Minh | Sales Director | VN Solar JSC | Tel: "
    f"{P('+84 ' + a[:2] + ' ' + a[2:6] + ' ' + a[6:])} | Mobile/Zalo: {P('+84 ' + x[:3] + ' ' + x[3:6] + ' ' + x[6:])} | "
    f"{E('minh.nv@vnsolar.com.vn')}")
x = hk_num()
add("en-signature", f"Sent from my iPhone | Alex Chan | {P('+852 ' + x[:4] + ' ' + x[4:])} | {E('alex.chan@hkpower.com.hk')}")
x = tw_mob()
add("en-signature", f"Regards, Jason Lin / Overseas Sales / Tel: {P('+886-2-2' + d(3) + '-' + d(4))} ext. 15 / Mobile: "
    f"{P('+886-' + x[:3] + '-' + x[3:6] + '-' + x[6:])} / {E('jason.lin@formosa-pv.com.tw')}")
add("en-signature", f"Thanks, Sokha | Country Manager, Cambodia | {P(kh_mob())} | {E('sokha@khmersolar.com.kh')}")

t, m = thid(), thmob()
add("en-form", f"Name: John Smith / Tel: {P(m)} / Email: {E('john.smith@gmail.com')} / ID: {T(t)}")
add("en-form", f"First name: Aye; Last name: Min Thu; Nationality: Myanmar; Passport: {PP('MB' + d(6))}; Phone: "
    f"{P(mm_mob())}")
add("en-form", f"Applicant: Mr. Sok Dara | Passport No: {PP('N' + d(8))} | Mobile: {P(kh_mob())} | Email: "
    f"{E('sok.dara@gmail.com')}")
t = thid()
add("en-form", f"Customer ID card: {T(thid_dashed(t))}, name as on card: Mr. Anan Chaiyo, card expires 03/2030")
c = cnid()
add("en-form", f"Visitor registration - name: Wang Lei, Chinese ID: {CN(c)}, company: Trina, host: Khun Ploy")
m = thmob()
add("en-form", f"Name=Laura Pérez&Phone={P(m)}&Email={E('laura.perez@telefonica.net')}&System=5kW")
x = vn_mob()
add("en-form", f"Full name: Tran Thi Lan | Passport: {PP('C' + d(7))} | Phone: {P('+84 (0)' + x[:2] + ' ' + x[2:5] + ' ' + x[5:])} "
    f"| Nationality: Vietnamese")

m, m2 = thmob(), thmob()
add("en-table", f"No.\tName\tPhone\tEmail\t1\tKevin Tan\t{P(dash3(m))}\t{E('kevin.tan@gmail.com')}\t2\tMary Lim\t"
    f"{P(dash3(m2))}\t{E('mary.lim@yahoo.com')}")
m = thmob()
add("en-table", f"Unit\tOwner\tMobile\tkWp\t12A\tMr. Brown\t{P(m)}\t5.4")
x = sg_num()
add("en-table", f"SG-001\tLim Wei Ming\t{P('+65 ' + x[:4] + ' ' + x[4:])}\t{E('weiming.lim@gmail.com')}\tPaid")

k = card()
add("en-payment", f"My Visa {C(groups4(k))} was charged twice for deposit INV-2025-00123 (THB 15,000 each), please refund "
    f"to my Bangkok Bank account {B(acct_dashed())}.")
k = card("5" + r.choice("1234"))
add("en-payment", f"Payment failed 3 times with card {C(dash4(k))}, error code 05, on 28/11 at 10:15")
add("en-payment", f"Refund details: Bank: Kasikornbank, Branch: Central Bangna, Account name: Michael Brown, Account no.: "
    f"{B(acct())}, SWIFT: KASITHBK")
k = card("37", 15)
add("en-payment", f"Amex {C(k[:4] + ' ' + k[4:10] + ' ' + k[10:])} charged THB 48,500 on 27/11/2025 but the invoice says "
    f"45,800")
k = card()
add("en-payment", f"I paid the 2nd instalment online with card no. {C(k)} but the portal still shows it unpaid "
    f"(order #20251128-0042)")
add("en-payment", f"please refund to SCB a/c {B(acct_dashed())}, name Wanchai T., the 10% deposit of quote QT-6811-045")

add("en-foreign", f"Our partner in Vientiane: Mr. Khamla, office {P(lao_land())}, mobile {P(lao_mob())}")
x = my_mob()
add("en-foreign", f"Penang office {P('+60 4-' + d(3) + ' ' + d(4))}, site manager {P('+60' + x[:2] + '-' + x[2:])}")
add("en-foreign", f"Yangon office {P('+95 1 ' + d(3) + ' ' + d(3))}, Mr. Zaw's mobile {P(mm_mob())}")
a = "24" + r.choice("3") + d(7)
add("en-foreign", f"Hanoi distributor: {P('+84 ' + a[:2] + ' ' + a[2:6] + ' ' + a[6:])}, contact Ms. Huong")
add("en-foreign", f"Phnom Penh site: Mr. Vuthy {P('+855 (0)23 ' + d(3) + ' ' + d(3))} / {P(kh_mob())}")
c = cnmob()
add("en-foreign", f"factory contact in Jiangsu: Mr. Xu, {P('0086 ' + cnmob_sp(c, '-'))}, {E('xu.gang@jspv.cn')}")
x = sg_num()
add("en-foreign", f"I'm in Singapore until Dec 15, reach me on {P('+65-' + x[:4] + '-' + x[4:])}")

m = thmob()
add("en-survey", f"Booking confirmation BK-20251206-014: our engineer Khun Wit ({P(dash3(m))}) will arrive 9:00-10:00 "
    f"on 6 Dec; customer Ms. Jane Doe, Ideo Q condo, room 2304, phone {P(dash3(thmob()))}")
t = thid()
add("en-delivery", f"Delivery note DN-2025-1187 / 12 pcs LR5-72HPH-550M / received by: Somkiat R. / ID card "
    f"{T(thid_dashed(t))} / tel {P(thmob())} / 28.11.2025 14:20")
x = lao_mob()
add("en-foreign", f"Hello from Luang Prabang! Guesthouse with 20 rooms, we want solar hot water + PV. WhatsApp "
    f"{P('00' + x[1:])}, email {E('manivone.gh@gmail.com')}")
m = thmob()
add("en-form", f"Warranty claim | Owner: Mr. Ko Ko Naing | Passport: {PP('MD' + d(6))} | Thai mobile: {P(m)} | "
    f"Inverter S/N: 6T2204567788 | installed 03/2024")

add("en-it", f"The inverter dongle shows our public IP {IP(ip4())}, please whitelist it for the monitoring portal")
add("en-it", f"CCTV NVR at the site: {IP(ip4())}:8000, admin contact {E('it.support@baanchang.co.th')}")

neg("en-neg", "Quotation QT-6811-0452 dated 28/11/2025, valid for 30 days")
neg("en-neg", "Total: THB 245,000.00 (incl. VAT 7% = 16,028.04)")
neg("en-neg", f"Sunlight Energy Co., Ltd. Tax ID {company_tax_id()} (Head Office)")
neg("en-neg", "PO 4500123456 — 20 x LR5-72HPH-550M, 1 x SUN2000-10KTL-M1")
neg("en-neg", f"Invoice No. {thid()} is overdue by 14 days")
neg("en-neg", "generated 1,245.6 kWh in October, saved 5,480 THB")
neg("en-neg", "inverter S/N 6T2204561234, battery S/N HV2310045678")
neg("en-neg", f"PEA account no. 020012{d(6)}, meter no. {d(8)}")
neg("en-neg", "site: 13.6904, 100.7501 (Bang Phli)")
neg("en-neg", "installation on 15-16 Dec 2025, 08:30-17:00")
neg("en-neg", "panel size 2278 x 1134 x 35 mm, 27.5 kg")
neg("en-neg", "room 1205, 12th floor, building B")
neg("en-neg", "5% discount: THB 232,750, or 10 monthly payments at 0%")
neg("en-neg", "tracking no. KEX2511281234 via Kerry Express")
neg("en-neg", "card ending in 4821 was charged twice (THB 12,500)")
neg("en-neg", "10 kWp, 18 panels, three-phase 400V, 63A breaker")
neg("en-neg", "receipt no. 6811000123 paid on 28 Nov")
neg("en-neg", "is 02-xxx-4567 your office number?")
neg("en-neg", "SWIFT code BKKBTHBK, branch code 0123")
neg("en-neg", "postcode 20150, Bang Lamung, Chonburi")
neg("en-neg", "the bill is about 4,500-5,000 THB a month with three 12000 BTU aircons")
neg("en-neg", "warranty: panels 25 years, inverter 10 years, workmanship 2 years")
neg("en-neg", "order #20251128-0042 shipped on 29.11.2025")
neg("en-neg", "firmware V300R001C00SPC143 on the dongle, IP65 enclosure")
neg("en-neg", "rated 5000 W, efficiency 98.4%, MPPT 2, 160-950 V")

# =============================== Chinese ===============================
c = cnmob()
add("zh-quote", f"你好，我们工厂在泰国罗勇工业园，想装500kW屋顶光伏，请报个价。联系人：陈经理，手机 {P(cnmob_sp(c))}，"
    f"微信同号，邮箱 {E('chen.jl@huaxing-mfg.com')}")
a, n = cn_land("0755")
add("zh-quote", f"询价：储能电池 100kWh 两套，含税报价发到 {E('purchase@szenergy.com.cn')} 谢谢！电话 "
    f"{P(a + '-' + n[:4] + ' ' + n[4:])}")
c = cnmob()
add("zh-quote", f"报价单请写抬头：深圳市光远新能源有限公司，税号 91440300MA5F{d(5)}X，联系人李小姐 {P(cnmob_sp(c, '-'))}")
m = thmob()
add("zh-quote", f"我在曼谷有套别墅，每月电费约6000泰铢，想装8kW带电池的系统，多少钱？泰国电话 {P(dash3(m))}")
c = cnmob()
add("zh-quote", f"请问20台7kW充电桩批发价多少？公司在昆明，电话{P(c)}，QQ邮箱 {E('1784523690@qq.com')}")
t = cnid()
add("zh-quote", f"个人名义开票：姓名 周敏，身份证号 {CN(t)}，报价单号 QT-6811-061")
m = thmob()
add("zh-quote", f"我们公司在泰国春武里有个5000平米的仓库，想做屋顶光伏，联系人：刘总 {P(m)}，"
    f"微信 {W('liu_zong2025')}")
c = cnmob()
add("zh-quote", f"询价单 RFQ-2025-033 | 项目：曼谷酒店热水+光伏 | 联系人：孙工 | 手机：{P('+86 ' + c)} | "
    f"邮箱：{E('sungong@bjhotelgroup.cn')}")

m = thmob()
add("zh-survey", f"预约上门勘测：12月6日（周六）上午10点，地址：曼谷素坤逸路39巷88号，联系人王先生 "
    f"{P('+66 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}")
c, m = cnmob(), thmob()
add("zh-survey", f"现场勘察时间改到2025年12月9日14:00，到了打我电话 {P(cnmob_sp(c))} 或者打泰国号 {P(dash3(m))}")
m = thmob()
add("zh-survey", f"勘测地址：春武里府挽盛县 123/4 号，屋顶面积约 350㎡，联系电话：{P(m)}，周末也可以")
c = cnmob()
add("zh-survey", f"工程师明天9:30到，门卫要登记身份证，我的手机{P(c)}，到了直接打")
m = thmob()
add("zh-survey", f"请在12月20日前安排勘测，工厂在北榄府，联系人：黄经理，电话：{P(m[:3] + ' ' + m[3:6] + ' ' + m[6:])}，"
    f"邮箱：{E('huang.jl@thaichina-steel.co.th')}")

c, t = cnmob(), cnid()
add("zh-invoice", f"发票信息 | 名称：张伟 | 身份证号：{CN(t)} | 电话：{P(c)} | 邮箱：{E('zhangwei88@163.com')} | "
    f"金额：¥38,500.00")
a, n = cn_land("021")
add("zh-invoice", f"增值税专用发票：单位名称 上海华电电力工程有限公司 | 纳税人识别号 91310115MA1H{d(5)}6 | 地址电话 "
    f"上海市浦东新区张江路88号 {P(a + '-' + n[:4] + ' ' + n[4:])} | 开户行及账号 中国工商银行上海张江支行 "
    f"{B(groups4(not_luhn(19, '1001')))}")
t = cnid()
a, n = cn_land("0755")
add("zh-invoice", f"收据：今收到刘洋（身份证 {CN(t)}）定金 ¥10,000 元整，收款人电话 {P(a + '-' + n[:4] + ' ' + n[4:])}")
c = cnmob()
add("zh-invoice", f"请开普通发票，抬头个人，手机号{P(c)}，电子发票发邮箱{E('lina_2019@foxmail.com')}，订单 SO20251128007")
a, n = cn_land("010")
add("zh-invoice", f"形式发票 PI-2025-118：收货人 北京绿能科技有限公司，联系人 赵先生，电话 {P('(' + a + ')' + n)}，"
    f"金额 USD 56,800")
c = cnmob()
add("zh-invoice", f"采购订单 PO20251128-09 已盖章，请按 12 月 10 日交货，有问题联系采购 马丽 {P(cnmob_sp(c, '-'))}")

c = cnmob()
add("zh-delivery", f"收货地址：广东省深圳市南山区科技园南区高新南七道 R2-B 栋 5 楼，收货人：李娜，电话：{P(c)}，邮编 518057")
m = thmob()
add("zh-delivery", f"寄到泰国：Khun Somchai, 99/1 Moo 4, Bang Phli, Samut Prakan 10540, Thailand / Tel "
    f"{P('+66 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}")
c = cnmob()
add("zh-delivery", f"收件人 王强 / {P(cnmob_sp(c))} / 浙江省杭州市余杭区文一西路 969 号 / 311121")
c = cnmob()
add("zh-delivery", f"逆变器返修寄回：江苏省苏州市工业园区星湖街 328 号 售后部 陈工 收 {P(c)}（工作日 9:00-17:30）")
m = thmob()
add("zh-delivery", f"货到曼谷仓库后请联系仓管 阿明 {P(m)}，仓库地址 邦纳区 Bangna-Trad 路 23 公里")
c = cnmob()
add("zh-delivery", f"物流单号 SF1406234567890，收件人手机 {P(fw(c))}，麻烦帮忙催一下")

c = cnmob()
a, n = cn_land("021")
add("zh-signature", f"此致 敬礼 | 赵磊 | 海外事业部 经理 | 华光新能源科技有限公司 | 电话：{P('+86 21 ' + n[:4] + ' ' + n[4:])} "
    f"转 806 | 手机：{P('+86 ' + cnmob_sp(c))} | 邮箱：{E('zhaolei@hgnewenergy.com.cn')}")
add("zh-signature", f"-------- 转发的邮件 -------- 发件人: 周杰 <{E('zhou.jie@sunrise-pv.cn')}> 发送时间: 2025年11月28日 "
    f"星期五 09:41 收件人: {E('sales@cblue-solar.co.th')} 主题: 回复: 报价单 QT-6811-045")
x = tw_mob()
add("zh-signature", f"黃志明 | 業務經理 | 電話：{P('+886-2-2' + d(3) + '-' + d(4))} 分機 15 | 手機："
    f"{P('0' + x[:3] + '-' + x[3:6] + '-' + x[6:])} | Email: {E('cm.huang@formosa-pv.com.tw')}")
x = hk_num()
add("zh-signature", f"陳大文 | 項目經理 | 手提：{P('+852 ' + x[:4] + ' ' + x[4:])} | 電郵：{E('tw.chan@hkgreen.com.hk')}")
c = cnmob()
add("zh-signature", f"祝好！-- 吴涛 / 采购部 / 手机 {P(c)} / 微信 {W('wutao_cg')} / 地址：厦门市思明区")
x = my_mob()
add("zh-signature", f"林美玲 | 马来西亚分公司 | 手机：{P('+60 ' + x[:2] + '-' + x[2:5] + ' ' + x[5:])} | 邮箱："
    f"{E('meiling.lim@sunway-solar.com.my')}")

c, t = cnmob(), cnid()
add("zh-form", f"姓名：王芳；身份证号：{CN(t)}；手机：{P(c)}；邮箱：{E('wangfang.88@126.com')}；微信：{W('wf_1988')}")
c = cnmob()
add("zh-form", f"客户信息 姓名:刘强 证件类型:护照 证件号码:{PP('E' + d(8))} 联系电话:{P('+86 ' + c)} 泰国电话:{P(thmob())}")
t = cnid()
add("zh-form", f"申请人：陈静 | 身份证号码：{CN(t[:6] + ' ' + t[6:14] + ' ' + t[14:])} | 开户银行：招商银行深圳分行 | "
    f"银行账号：{B(groups4(not_luhn(16, '6214')))}")
t = cnid()
add("zh-form", f"【报名表】姓名=孙丽 身份证={CN(t)} 电话={P(cnmob())} 参观日期=12/15")
c = cnmob()
add("zh-form", f"联系人：何先生 电话：{P(c)} 护照号：{PP('EA' + d(7))} 入境日期：2025-12-01")
t = cnid()
add("zh-form", f"安装合同甲方：林峰，身份证号码 {CN(t)}，住址 福建省厦门市湖里区，联系电话 {P(cnmob())}")
add("zh-form", f"越南籍员工 阮文雄 护照号码：{PP('C' + d(7))} 电话：{P('+84 ' + (lambda x: x[:2] + ' ' + x[2:5] + ' ' + x[5:])(vn_mob()))}")

c, t = cnmob(), cnid()
add("zh-table", f"序号\t姓名\t手机\t身份证号\t1\t张三\t{P(c)}\t{CN(t)}")
c, c2 = cnmob(), cnmob()
add("zh-table", f"2\t李四\t{P(cnmob_sp(c, '-'))}\t{E('lisi@163.com')}\t3\t王五\t{P(cnmob_sp(c2, '-'))}\t"
    f"{E('wangwu@sina.com')}")
c = cnmob()
add("zh-table", f"客户\t电话\t装机容量\t并网日期\t何伟\t{P(c)}\t8.8kW\t2025-10-15")

k = card("62" + r.choice("258"), 16)
add("zh-payment", f"信用卡 {C(groups4(k))} 被重复扣款两次，每次 ¥3,200，订单号 TB2025112812345，请退款")
add("zh-payment", f"退款请打到：户名 李娜，开户行 中国工商银行，账号 {B(groups4(cnacct()))}")
k = card("62" + r.choice("258"), 16)
add("zh-payment", f"银联卡 {C(k)} 支付失败，提示余额不足，其实卡里有钱")
k = card("4", 16)
add("zh-payment", f"用Visa卡 {C(dash4(k))} 付了定金 ¥5,000，但是系统显示未付款，截图已发")
add("zh-payment", f"请退回到建设银行 {B(cnacct('6217'))}，开户名 张伟，谢谢")
add("zh-payment", f"泰国账户：盘谷银行 {B(acct_dashed())} 户名 WANG FANG")
k = card("5" + r.choice("1234"))
add("zh-payment", f"分期付款用的万事达卡号 {C(k)}，第二期扣款失败了")

add("zh-foreign", f"老挝合作方 宋萨先生 电话 {P(lao_mob())}，邮箱 {E('somsack@lao-energy.la')}")
add("zh-foreign", f"柬埔寨项目经理 {P(kh_mob())}，金边办公室 {P('+855 23 ' + d(3) + ' ' + d(3))}")
add("zh-foreign", f"缅甸仰光办事处 吴敏 {P(mm_mob())}，邮箱 {E('uminn@mmsolar.com.mm')}")
x = my_mob()
add("zh-foreign", f"马来西亚槟城客户 {P('+60 4-' + d(3) + ' ' + d(4))}，手机 {P('+60' + x)}")
x = sg_num()
add("zh-foreign", f"新加坡总部 {P('+65 ' + x[:4] + ' ' + x[4:])}，护照 {PP('K' + d(7) + 'A')}")
a = "28" + r.choice("3") + d(7)
add("zh-foreign", f"越南胡志明市经销商电话 {P('+84 ' + a[:2] + ' ' + a[2:6] + ' ' + a[6:])}")
x = hk_num("2")
add("zh-foreign", f"香港办公室 {P('+852 ' + x[:4] + ' ' + x[4:])}，传真 {P('+852 ' + x[:4] + ' ' + str((int(x[4:]) + 1) % 10000).zfill(4))}")

c = cnmob()
add("zh-delivery", f"送货单 DN20251128-05 | 签收人 谢军 | 电话 {P('+86 ' + cnmob_sp(c))} | 签收时间 2025-11-28 15:40")
t = cnid()
add("zh-invoice", f"老板，上次发票抬头写错了，应该开给个人：黄丽，身份证 {CN(t)}，手机 {P(cnmob())}，麻烦重开")
x = tw_mob()
add("zh-form", f"保固卡登記：姓名 張家豪，電話 {P('0' + x[:3] + ' ' + x[3:6] + ' ' + x[6:])}，地址 台北市信義區，"
    f"序號 SN2025112800123")
add("zh-foreign", f"缅甸客户 吴觉 护照 {PP('MA' + d(6))}，电话 {P(mm_mob())}，泰国手机 {P(dash3(thmob()))}")

add("zh-it", f"监控平台登录不了，我家的公网IP是{IP(ip4())}，逆变器型号 SUN2000-5KTL-L1")
add("zh-it", f"摄像头远程地址 {IP(ip4())}:8000，账号密码已改，有问题联系 {P(cnmob())}")

neg("zh-neg", "报价单号 QT20251128-003，有效期30天")
neg("zh-neg", "合同编号 HT-2025-0099，总价 ¥1,280,000.00（含13%增值税）")
neg("zh-neg", "统一社会信用代码 91440300MA5F3K8L2X")
neg("zh-neg", f"发票号码 25442000000{d(9)}，开票日期 2025年11月28日")
neg("zh-neg", "发票代码 044031900111，发票号码 12345678")
neg("zh-neg", "型号 SUN2000-50KTL-M3，组件 LR5-72HPH-550M")
neg("zh-neg", "储能容量 215kWh，功率 100kW，循环次数 6000次")
neg("zh-neg", "单价 ¥0.85/W，共 120 块板，总计 56.1kWp")
neg("zh-neg", "邮编 518057，南山区科技园")
neg("zh-neg", "房间 1205，12楼，B座")
neg("zh-neg", "2025年11月28日下午2点到5点安装")
neg("zh-neg", f"订单号 {luhn('35' + d(16))} 已发货")
neg("zh-neg", "快递单号 SF1406234567890，预计明天到")
neg("zh-neg", "序列号 SN: 6T2204561234，质保10年")
neg("zh-neg", "组件效率 21.3%，衰减首年 2%，之后每年 0.55%")
neg("zh-neg", "经纬度 13.6904, 100.7501")
neg("zh-neg", "尾号 4821 的信用卡被扣了两次")
neg("zh-neg", "手机号 139****5678 是你吗")
neg("zh-neg", "电表号 0012345678，户号 3100123456")
neg("zh-neg", "防护等级 IP65，工作温度 -25~60℃")
neg("zh-neg", "批次号 202511280815，生产日期 2025-11-28")
neg("zh-neg", "首付 30%，即 ¥384,000，余款验收后 15 日内付清")
neg("zh-neg", "中国工商银行 SWIFT ICBKCNBJ，可以用美元付款吗")
neg("zh-neg", "电压 230V/400V，频率 50Hz，电流 63A")
neg("zh-neg", "固件版本 V1.2.3.4，通讯协议 Modbus")

# Missed when the set was first measured are kept (and measured) as TODO cases until a general
# rule finds them (docs/redaction.md, the eleventh fresh set): the blind run missed no value; its
# one false positive (`PEA account no.`, a bank account) and one stray span (the number after
# `หมายเลขผู้ใช้ไฟฟ้า`, a phone) are fixed.
KNOWN_MISS_STARTS = ()
write(sys.argv[1], """# Eleventh fresh set of redaction cases (bench/gen-redact-fresh11.py), written before the redactor
# was run on it: about sixty messages with values and twenty-five hard negatives per language
# (categories en-, th-, zh-), in the business documents customers of a solar, smart-home and
# construction company paste into the chat: quotation requests, site-survey bookings, invoices,
# receipts, purchase orders, delivery addresses, forwarded e-mails and their signatures, one-line
# forms, rows of tables with tabs, pastes flattened with | or /; the values among the document's
# other numbers (quotation, invoice, PO and order numbers, company tax IDs and credit codes,
# amounts, dates, kW and kWh, models, serials, meter and electricity account numbers, postcodes,
# rooms); Thai letterhead numbers (0-2xxx-xxxx, a range 0-2xxx-xxxx-9, T., M., Fax), the numbers of
# Laos, Cambodia, Myanmar, Vietnam, Malaysia, Singapore, China, Hong Kong and Taiwan, their
# companies' e-mail domains and passports; Thai IDs in Thai forms, Chinese IDs in invoice details,
# Thai and Chinese bank accounts in refund and invoice forms, cards in payment complaints; hard
# negatives of the same documents (a Luhn-valid order number, a serial and an invoice number that
# pass the Thai ID's check, a mobile-shaped order number, masked numbers). Same format as
# redact.tests (`INPUT ⇒ EXPECTED`, `=` for unchanged); run by tests/plugins/test-redact-golden.c
# (test redact-golden-fresh11: the cases of [known-miss] are TODO while they leak) and measured by
# `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh11.tests`.
""",
      lambda text, expected: text.startswith(KNOWN_MISS_STARTS))
