#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh23.tests: a twenty-third fresh set of redaction cases, written before
any run of the redactor on it. Other people's data, and data written by staff, in English, Thai and
Chinese (categories `en-`, `th-`, `zh-`):

- a customer giving a family member's, a tenant's, a landlord's or a technician's phone number,
  e-mail address, LINE or WeChat id or ID card number (`call my son 089…`, `ลูกสาวเบอร์…`,
  `我老公的电话…`), several people in one message;
- an installer's site-visit note or a job sheet typed into the chat, a reseller or an agent writing
  for a client;
- values in Thai digits (`๐๘๑…`), full-width digits (`１３８…`), Chinese and Thai digit words (which
  the rule `phone-spoken` claims), mixed separators, a number split over two lines of a chat export
  (JSON's `\\n`), and the neighbours' numbers (+95, +856, +855, +60, +65, Hong Kong, Taiwan, the
  mainland);
- hard negatives that live in such messages: job numbers, ticket ids, serial numbers, inverter models,
  meter readings, dates and times, house numbers, sois, moo, postcodes, prices and kWh.

A message is one line. Values have valid checksums (Thai ID mod 11 with a real province, Luhn for
cards, MOD 11-2 for Chinese IDs); bank accounts fail Luhn so that they are not also cards.

    bench/gen-redact-fresh23.py tests/data/redact-fresh23.tests
"""
import sys

from redact_cases import B, C, CN, E, L, P, T, W, acct, acct_dashed, add, bkk, bkk_dash, card, cnacct, cnid, cnmob, \
    cnmob_sp, d, dash3, fw, neg, sp3, start, thd, thid_dashed, thmob, write
from redact_cases import thid_province as thid

r = start(20261923)

EN_DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TH_DIGITS = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]
ZH_DIGITS = "零一二三四五六七八九"


def en_words(s):
    return " ".join(EN_DIGITS[int(c)] for c in s)


def th_words(s):
    return "".join(TH_DIGITS[int(c)] for c in s)


def zh_words(s):
    return "".join(ZH_DIGITS[int(c)] for c in s)


def user(base):
    return base + r.choice(["", ".", "_"]) + r.choice(["k", "s", "j", "p", "w", "t"]) + d(2)


def lineid(base):
    return base + r.choice(["_", ".", ""]) + d(r.choice([2, 4]))


def mail(base, doms=("gmail.com", "hotmail.com", "yahoo.com", "outlook.com", "icloud.com")):
    return user(base) + "@" + r.choice(doms)


def cnmail(base):
    return mail(base, ("qq.com", "163.com", "126.com", "foxmail.com", "sina.com"))


def mixed(m):
    """A Thai mobile number with two kinds of separator: 081-234 5678, 081 234-5678, 081.234-5678."""
    a, b = r.choice([("-", " "), (" ", "-"), (".", "-"), ("-", ".")])
    return m[:3] + a + m[3:6] + b + m[6:]


def intl(m):
    return "+66 " + m[1:3] + " " + m[3:6] + " " + m[6:]


def split2(m, at=6):
    """@m split over two lines of a chat export, as its JSON writes the break: `081 234\\n5678`."""
    return m[:3] + " " + m[3:at] + "\\n" + m[at:]


def job():
    return "J" + r.choice(["25", "26"]) + "-" + d(4)


# Myanmar, Laos, Cambodia, Malaysia, Singapore, Hong Kong, Taiwan, the mainland in international form.
def mm():
    return "+95 9 " + d(3) + " " + d(3) + " " + d(3)


def la():
    return "+856 20 " + r.choice("5979") + d(3) + " " + d(4)


def kh():
    return "+855 " + r.choice(["12", "17", "92", "96"]) + " " + d(3) + " " + d(3)


def my():
    return "+60 1" + r.choice("2369") + "-" + d(3) + " " + d(4)


def sg():
    return "+65 " + r.choice("89") + d(3) + " " + d(4)


def hk():
    return "+852 " + r.choice("569") + d(3) + " " + d(4)


def tw():
    return "+886 9" + d(2) + " " + d(3) + " " + d(3)


def cn_intl():
    c = cnmob()
    return "+86 " + cnmob_sp(c)


# =============================== English ===============================
# -- a family member's, a tenant's, a landlord's data
add("en-family", f"Please call my son {P(dash3(thmob()))} to arrange the survey, I don't hear the phone well.")
add("en-family", f"The house is my daughter's, her number is {P(thmob())} and her email {E(mail('ploy'))}.")
add("en-family", f"My husband handles the money, reach him on {P(sp3(thmob()))} after 6pm.")
add("en-family", f"I'm renting, the landlord is Khun Prasit, tel {P(dash3(thmob()))}, he must approve the panels.")
add("en-family", f"For the quotation write to my wife {E(mail('nok'))}, she decides. My number is {P(thmob())}.")
add("en-family", f"The tenant upstairs, Mr. Lee, {P(sp3(thmob()))}, will open the gate for your team on 3 Dec.")
add("en-family", f"My mother is at home all day: {P(bkk_dash(bkk()))} (landline) or her mobile {P(dash3(thmob()))}.")
add("en-family", f"Add my daughter on LINE, her id is {L(lineid('minnie'))}, she'll send the photos of the meter.")
add("en-family", f"The contract should be in my father's name, his ID card is {T(thid_dashed(thid()))}.")
add("en-family", f"Can you refund the deposit to my son's Kasikorn account {B(acct_dashed())}? He paid it.")
add("en-family", f"my brother in law works abroad, his number is {P(my())}, he's paying for the system")
add("en-family", f"The owner lives in Singapore ({P(sg())}), I'm only the tenant, call him before you quote.")
add("en-family", f"my aunt in Hong Kong {P(hk())} wants a quote too for her house in Chiang Mai")
add("en-family", f"landlord: {E(mail('somporn'))} / {P(dash3(thmob()))}. Tenant (me): {P(thmob())}")
add("en-family", f"My wife's WeChat is {W('lin_' + d(4))}, she reads Chinese better than Thai.")
add("en-family", f"Our maid Ma Ma is from Myanmar, her phone {P(mm())}, she speaks a little Thai.")
add("en-family", f"Call my grandson Tee on {P('0' + thmob()[1:3] + '-' + thmob()[3:7] + '-' + d(3))}, he set up the app.")
# -- technicians, installers, electricians
add("en-tech", f"Your technician Khun Boy gave me his number {P(dash3(thmob()))} but it's switched off, is there another?")
add("en-tech", f"Our electrician (Khun Chai, {P(thmob())}) will be there on the day to check the breaker.")
add("en-tech", f"The old installer's email was {E(user('service') + '@sunbright-solar.co.th')}, they closed down.")
add("en-tech", f"The Lao electrician who wired the house is on {P(la())}, he knows where the cables run.")
add("en-tech", f"The foreman gave me this LINE: {L(lineid('kritsada'))}, is he from your company?")
# -- installer's site-visit note / job sheet typed into the chat
add("en-sheet", f"Site visit {job()} 28/11 09:30 - owner Khun Wanida {P(dash3(thmob()))}, roof 12x8 m metal sheet,"
    f" meter 15(45)A, house 59/12 Moo 4")
add("en-sheet", f"JOB {job()} | Cust: Mr. Arthit | Tel: {P(thmob())} | Alt: {P(sp3(thmob()))} | Inverter SUN2000-5KTL-L1"
    f" | 12 panels 550W")
add("en-sheet", f"Job sheet {job()}: contact on site = tenant Khun Ying {P(mixed(thmob()))}, owner abroad"
    f" {P(intl(thmob()))}, key at the guard house")
add("en-sheet", f"Install note: customer {E(mail('anucha'))}, mobile {P(dash3(thmob()))}, S/N ES23{d(8)},"
    f" commissioning 14:20, reading 04587 kWh")
add("en-sheet", f"Survey done 2/12. Name: Mrs. Siriporn / Tel {P(dash3(thmob()))} / LINE {L(lineid('siri'))}"
    f" / Soi 8, Moo 6, 50230")
add("en-sheet", f"Ticket #{d(6)} - callback to customer's husband {P(sp3(thmob()))} about the warranty claim")
add("en-sheet", f"Handover {job()}: customer ID {T(thid())}, deposit refunded to SCB {B(acct())}, signed 16:45")
add("en-sheet", f"Tech report: owner not home, neighbour (88/3) gave daughter's number {P(dash3(thmob()))},"
    f" will come back Sat 10:00")
# -- a reseller or an agent writing for a client
add("en-agent", f"Hi, I'm an agent for a client in Phuket, Mr. Ivanov, +7 is off, use {P(intl(thmob()))}"
    f" or {E(mail('ivanov'))}.")
add("en-agent", f"Reseller here: please quote for my client, Khun Dao, {P(dash3(thmob()))}, 10 kW on a factory roof.")
add("en-agent", f"Writing for my client Mr. Chen: WeChat {W('chen' + r.choice(['_', '-']) + d(4))},"
    f" mobile {P(cn_intl())}, he wants 20 kW for his resort.")
add("en-agent", f"Our customer's details for the PEA form: ID {T(thid_dashed(thid()))}, tel {P(thmob())},"
    f" email {E(mail('kanda'))}")
add("en-agent", f"I'm the property manager, the owner's number is {P(tw())} (Taiwan), he approves anything over"
    f" 100,000 baht")
add("en-agent", f"Client in Cambodia: {P(kh())}, email {E(mail('sokha'))}, he'll visit the showroom on 12/12.")
# -- digits as apps and keyboards send them
add("en-digits", f"my dad's number is {P(thd(dash3(thmob())))} (he typed it in Thai digits)")
add("en-digits", f"call my wife {P(fw(thmob()))}, she's home until 5")
add("en-digits", f"tenant's phone {P(fw(dash3(thmob())))} please confirm with her first")
add("en-digits", f"My son's mobile: {P(en_words(thmob()))}, voice typed sorry")
add("en-digits", f"Technician's number {P(mixed(thmob()))} - he asked me to pass it on")
add("en-digits", '{"from":"me","text":"my sister\'s number is ' + P(split2(thmob())) + '"}')
# -- several people in one message
add("en-multi", f"Contacts: me {P(dash3(thmob()))}, wife {P(dash3(thmob()))}, site manager {P(sp3(thmob()))}.")
add("en-multi", f"Owner {E(mail('pornchai'))}, tenant {E(mail('jessica'))}, please copy both on the quote.")
add("en-multi", f"Me: {P(thmob())} / my partner: {P(thmob())} / our LINE group admin: {L(lineid('baan'))}")
add("en-multi", f"The owners are brothers: Somchai {T(thid())} and Somsak {T(thid())}, both must sign.")
add("en-multi", f"Call me ({P(dash3(thmob()))}) and not my ex ({P(dash3(thmob()))}), she's no longer on the account.")
add("en-multi", f"Family group for the install day: dad {P(thmob())}, mum {P(thmob())}, me {E(mail('beam'))}.")
add("en-multi", f"Tenant Khun Aor {P(sp3(thmob()))} (LINE {L(lineid('aor'))}) will be there; owner Khun Chai"
    f" {P(dash3(thmob()))} pays.")
add("en-agent", f"On behalf of my client: Ms. Tran, HCMC, {P('+84 9' + d(2) + ' ' + d(3) + ' ' + d(3))},"
    f" email {E(mail('tran'))}, villa in Hua Hin.")
add("en-sheet", f"Callback list 29/11: Khun Nid {P(dash3(thmob()))} (09:00), Mr. Ken {P(intl(thmob()))} (10:30),"
    f" Khun Pan's son {P(sp3(thmob()))} (13:00)")
add("en-tech", f"Send the spare parts to our technician Somboon, {E(user('somboon') + '@chaiyo-electric.com')},"
    f" tel {P(mixed(thmob()))}.")

# -- hard negatives: the same messages, with numbers that are no one's data
neg("en-neg", f"Site visit {job()} on 28/11 at 09:30, roof 12x8 m, house 59/12 Moo 4, Soi 8, 50230.")
neg("en-neg", f"JOB {job()} | Inverter SUN2000-10KTL-M1 | 18 panels 550W | string 2x9 | done 16:45")
neg("en-neg", f"Ticket #{d(6)} closed, the technician replaced fuse F2 on 3 Dec, reading 04587.3 kWh.")
neg("en-neg", f"Inverter S/N: ES23{d(8)}, battery S/N: BT{d(10)}, firmware V1.3.12, installed 14/11/2025.")
neg("en-neg", f"My son says the meter reading went from 12345.6 to 13377.9 this month, that's 1032 kWh.")
neg("en-neg", f"The landlord paid 185,000 baht for 10 kW in 2023, his bill went from 4,870 to 1,210 baht.")
neg("en-neg", f"Tenant at 88/245 Moo 3 Soi Ramkhamhaeng 24/1 says the inverter shows error code 2001.")
neg("en-neg", f"Job no. {r.choice(['25', '26'])}{d(6)}, quote QT-2025-{d(5)}, PO {d(7)}: all for the same house.")
neg("en-neg", f"My wife booked the survey for 6 Dec 10:00-12:00, gate code 2580, house no. 199/74.")
neg("en-neg", f"Model GW10K-ET, 10 kW, 3 phase, 2 MPPT, max 1100V; the electrician wants 16 sq mm cable.")
neg("en-neg", f"Meter no. {d(8)}, CT 100/5A, the PEA changed it on 02/10/2025 at 13:15.")
neg("en-neg", f"We're a reseller with 35 installs in 2024, average 6.6 kW, 12% margin, payment 30 days.")
neg("en-neg", f"Ticket TCK-{d(6)}: my father's app shows 0.81 kW now, 12.34 kWh today, 5678 kWh since 2023.")
neg("en-neg", f"The agent's fee is 3% of 420,000 baht, i.e. 12,600, payable on 15/01/2026.")
neg("en-neg", f"Battery SN {d(4)}-{d(4)}-{d(4)} was swapped under warranty, job {job()}, 2 hours on site.")
neg("en-neg", f"Moo 6, Soi 12, house 45/678, Tambon Nong Prue, Bang Lamung, Chon Buri 20150.")
neg("en-neg", f"My tenant's unit is 21st floor, room 2108, building B, 1550/88 Rama 9 Rd, 10310.")
neg("en-neg", f"Please call me, not my son: he doesn't know anything about the 5kW system.")
neg("en-neg", f"Installer's note: 3 x 25A breakers, earth 4.2 ohm, insulation 550 MOhm, tested 11:05.")
neg("en-neg", f"Order #{r.choice(['25', '26'])}{d(8)} for 2 x SG5.0RS was delivered to my landlord on 1/12.")
neg("en-neg", f"The Malaysian client paid RM 12,500 (about 96,000 baht) for the 3.3 kW kit.")
neg("en-neg", f"Visit {job()}: arrived 09:05, left 11:40, 2 techs, 3.5 km from the office, 150 baht travel.")
neg("en-neg", f"Ticket {d(8)} reopened, the inverter tripped again at 14:32 on 28/11/2025.")
neg("en-neg", f"My mother is 78 and lives at 12/3 Soi 5, Moo 2; her bill is 2,100 baht for 480 units.")
neg("en-neg", f"Serial numbers: {d(12)}, {d(12)}, {d(12)} (3 optimisers for the east roof).")
neg("en-neg", f"The quote for my sister was 7 panels x 545W = 3.815 kWp at 98,000 THB incl. VAT 7%.")
neg("en-neg", f"Job sheet {job()} signed by the owner's representative, 12 items, total 62,500.00 THB.")

# =============================== Thai ===============================
add("th-family", f"รบกวนโทรหาลูกชายนะคะ เบอร์ {P(dash3(thmob()))} แม่ไม่ค่อยได้ยินโทรศัพท์")
add("th-family", f"ลูกสาวเบอร์{P(thmob())}ค่ะ ให้ช่างโทรนัดกับลูกสาวได้เลย")
add("th-family", f"บ้านเป็นชื่อสามี ติดต่อสามีที่ {P(sp3(thmob()))} หลัง 6 โมงเย็นนะคะ")
add("th-family", f"ผมเช่าบ้านอยู่ครับ เจ้าของบ้านชื่อคุณประสิทธิ์ เบอร์ {P(dash3(thmob()))} ต้องขออนุญาตเขาก่อน")
add("th-family", f"ส่งใบเสนอราคาไปที่อีเมลภรรยาผมครับ {E(mail('jintana'))}")
add("th-family", f"คนเช่าชั้นบนชื่อคุณนก เบอร์ {P(thd(dash3(thmob())))} จะเปิดประตูให้ช่างวันที่ 3 ธ.ค.")
add("th-family", f"แม่อยู่บ้านทั้งวันค่ะ เบอร์บ้าน {P(bkk_dash(bkk()))} มือถือแม่ {P(dash3(thmob()))}")
add("th-family", f"แอดไลน์ลูกสาวนะคะ ไลน์ไอดี {L(lineid('minnie'))} เดี๋ยวเขาส่งรูปมิเตอร์ให้")
add("th-family", f"ทำสัญญาชื่อพ่อค่ะ เลขบัตรประชาชนพ่อ {T(thid_dashed(thid()))}")
add("th-family", f"คืนเงินมัดจำเข้าบัญชีลูกชายได้ไหมคะ กสิกร {B(acct_dashed())} เขาเป็นคนโอน")
add("th-family", f"พี่เขยอยู่มาเลเซีย เบอร์ {P(my())} เขาเป็นคนจ่ายค่าติดตั้ง")
add("th-family", f"เจ้าของบ้านอยู่สิงคโปร์ค่ะ {P(sg())} หนูเป็นแค่คนเช่า")
add("th-family", f"เบอร์ผม {P(thmob())} เบอร์แฟน {P(thmob())} โทรได้ทั้งสองเบอร์ครับ")
add("th-family", f"น้องสาวเบอร์ {P(thd(thmob()))} นะคะ")
add("th-family", f"แม่บ้านเป็นคนพม่า เบอร์ {P(mm())} พูดไทยได้นิดหน่อย")
add("th-family", f"หลานชายชื่อต้น เบอร์ {P(thmob()[:2] + '-' + thmob()[2:6] + '-' + d(4))} เขาตั้งค่าแอปให้")
add("th-family", f"อีเมลลูกเขย {E(mail('tom'))} ส่งสำเนาใบเสนอราคาไปด้วยนะคะ")
# -- technicians
add("th-tech", f"ช่างบอยให้เบอร์ {P(dash3(thmob()))} ไว้แต่ปิดเครื่องตลอด มีเบอร์อื่นไหมคะ")
add("th-tech", f"ช่างไฟของบ้าน (ช่างชัย {P(thmob())}) จะมาดูเบรกเกอร์วันนั้นด้วย")
add("th-tech", f"ช่างลาวที่เดินสายไฟเบอร์ {P(la())} เขารู้ว่าสายเดินตรงไหน")
add("th-tech", f"โฟร์แมนให้ไลน์ {L(lineid('kritsada'))} มา เป็นคนของบริษัทหรือเปล่าคะ")
add("th-tech", f"ช่างรับเหมาเก่าอีเมล {E(user('service') + '@sunbright-solar.co.th')} ปิดกิจการไปแล้ว")
# -- site-visit notes / job sheets
add("th-sheet", f"ใบงาน {job()} 28/11 09.30 น. เจ้าของบ้าน คุณวนิดา โทร {P(dash3(thmob()))} บ้านเลขที่ 59/12 หมู่ 4"
    f" หลังคาเมทัลชีท 12x8 ม.")
add("th-sheet", f"JOB {job()} | ลูกค้า คุณอาทิตย์ | โทร {P(thmob())} | สำรอง {P(sp3(thmob()))} | อินเวอร์เตอร์"
    f" SUN2000-5KTL-L1 | แผง 12 แผ่น")
add("th-sheet", f"สำรวจหน้างาน 2/12 ผู้ติดต่อหน้างาน คนเช่า คุณหญิง {P(mixed(thmob()))} เจ้าของอยู่ต่างประเทศ"
    f" {P(intl(thmob()))} ฝากกุญแจไว้ที่ป้อมยาม")
add("th-sheet", f"บันทึกติดตั้ง: ลูกค้า {E(mail('anucha'))} มือถือ {P(dash3(thmob()))} S/N ES23{d(8)}"
    f" เปิดระบบ 14.20 น. เลขมิเตอร์ 04587")
add("th-sheet", f"ชื่อ: คุณศิริพร / โทร {P(dash3(thmob()))} / ไลน์ {L(lineid('siri'))} / ซอย 8 หมู่ 6 50230")
add("th-sheet", f"Ticket #{d(6)} โทรกลับสามีลูกค้า {P(sp3(thmob()))} เรื่องเคลมประกัน")
add("th-sheet", f"ส่งมอบงาน {job()} เลขบัตรลูกค้า {T(thid())} คืนมัดจำเข้า SCB {B(acct())} เซ็นรับ 16.45 น.")
add("th-sheet", f"ช่างรายงาน: เจ้าของไม่อยู่ บ้านข้างๆ (88/3) ให้เบอร์ลูกสาวมา {P(dash3(thmob()))} จะกลับไปวันเสาร์"
    f" 10.00 น.")
# -- a reseller or an agent
add("th-agent", f"สวัสดีค่ะ เป็นตัวแทนลูกค้าที่ภูเก็ต รบกวนเสนอราคาให้ลูกค้าค่ะ คุณดาว {P(dash3(thmob()))} 10 kW"
    f" หลังคาโรงงาน")
add("th-agent", f"ดีลเลอร์ครับ ลูกค้าชื่อคุณเฉิน วีแชท {W('chen_' + d(4))} มือถือ {P(cn_intl())} ต้องการ 20 kW")
add("th-agent", f"ข้อมูลลูกค้าสำหรับยื่น กฟภ. เลขบัตร {T(thid_dashed(thid()))} โทร {P(thmob())} อีเมล"
    f" {E(mail('kanda'))}")
add("th-agent", f"ผมเป็นนายหน้า เจ้าของบ้านเป็นคนไต้หวัน เบอร์ {P(tw())} เกินแสนต้องให้เขาอนุมัติ")
add("th-agent", f"ลูกค้าอยู่กัมพูชาค่ะ เบอร์ {P(kh())} อีเมล {E(mail('sokha'))} จะมาดูโชว์รูมวันที่ 12/12")
add("th-agent", f"แทนลูกค้านะคะ ลูกค้าชื่อคุณมาลี ไลน์ {L(lineid('malee'))} เบอร์ {P(thd(thmob()))}")
# -- digits as keyboards send them
add("th-digits", f"เบอร์พ่อ {P(thd(dash3(thmob())))} ค่ะ พ่อพิมพ์เลขไทย")
add("th-digits", f"โทรหาภรรยาผม {P(fw(thmob()))} นะครับ")
add("th-digits", f"เบอร์ลูกชาย{P(th_words(thmob()))}ค่ะ พิมพ์ด้วยเสียง")
add("th-digits", f"เบอร์ช่าง {P(mixed(thmob()))} ช่างฝากให้ส่งต่อ")
add("th-digits", '{"from":"me","text":"เบอร์น้องสาว ' + P(split2(thmob())) + '"}')
add("th-digits", f"เบอร์คนเช่า {P(thd(thmob()[:3]) + '-' + thmob()[3:6] + '-' + thd(d(4)))}")
# -- several people
add("th-multi", f"ผู้ติดต่อ: ผม {P(dash3(thmob()))} ภรรยา {P(dash3(thmob()))} ผู้จัดการไซต์ {P(sp3(thmob()))}")
add("th-multi", f"เจ้าของ {E(mail('pornchai'))} คนเช่า {E(mail('jessica'))} ส่งใบเสนอราคาให้ทั้งสองคนนะคะ")
add("th-multi", f"พี่น้องเป็นเจ้าของร่วมกันค่ะ สมชาย {T(thid())} สมศักดิ์ {T(thid())} ต้องเซ็นทั้งคู่")
add("th-multi", f"โทรหาผม ({P(dash3(thmob()))}) อย่าโทรหาแฟนเก่า ({P(dash3(thmob()))}) นะครับ")
add("th-multi", f"ลูกค้า: คุณสมพร เบอร์ {P(thmob())} ไลน์ {L(lineid('somporn'))} ลูกชาย {P(thmob())}")
add("th-multi", f"วันติดตั้งติดต่อ พ่อ {P(thmob())} แม่ {P(thmob())} หนู {E(mail('beam'))} ค่ะ")
add("th-sheet", f"รายชื่อโทรกลับ 29/11: คุณนิด {P(dash3(thmob()))} (09.00) คุณเคน {P(intl(thmob()))} (10.30)"
    f" ลูกชายคุณปาน {P(sp3(thmob()))} (13.00)")
add("th-agent", f"แทนลูกค้าชาวเวียดนาม คุณตรัน {P('+84 9' + d(2) + ' ' + d(3) + ' ' + d(3))} อีเมล {E(mail('tran'))}")
add("th-tech", f"ส่งอะไหล่ให้ช่างสมบูรณ์ อีเมล {E(user('somboon') + '@chaiyo-electric.com')} โทร {P(mixed(thmob()))}")
add("th-family", f"คืนเงินเข้าบัญชีแม่ ธ.กรุงไทย {B(acct())} ชื่อบัญชี นางสมศรี")

neg("th-neg", f"ใบงาน {job()} วันที่ 28/11 เวลา 09.30 น. หลังคา 12x8 ม. บ้านเลขที่ 59/12 หมู่ 4 ซอย 8 50230")
neg("th-neg", f"JOB {job()} | อินเวอร์เตอร์ SUN2000-10KTL-M1 | แผง 550W 18 แผ่น | เสร็จ 16.45 น.")
neg("th-neg", f"Ticket #{d(6)} ปิดงานแล้ว ช่างเปลี่ยนฟิวส์ F2 วันที่ 3 ธ.ค. เลขมิเตอร์ 04587.3 หน่วย")
neg("th-neg", f"S/N อินเวอร์เตอร์ ES23{d(8)} S/N แบต BT{d(10)} เฟิร์มแวร์ V1.3.12 ติดตั้ง 14/11/2568")
neg("th-neg", f"ลูกชายบอกว่ามิเตอร์จาก 12345.6 เป็น 13377.9 เดือนนี้ใช้ไป 1032 หน่วย")
neg("th-neg", f"เจ้าของบ้านจ่าย 185,000 บาท ติด 10 kW ปี 2566 ค่าไฟลดจาก 4,870 เหลือ 1,210 บาท")
neg("th-neg", f"คนเช่าบ้านเลขที่ 88/245 หมู่ 3 ซอยรามคำแหง 24/1 บอกว่าอินเวอร์เตอร์ขึ้น error 2001")
neg("th-neg", f"เลขที่งาน {r.choice(['25', '26'])}{d(6)} ใบเสนอราคา QT-2568-{d(5)} PO {d(7)} บ้านเดียวกัน")
neg("th-neg", f"ภรรยาจองสำรวจไว้วันที่ 6 ธ.ค. 10.00-12.00 น. รหัสประตู 2580 บ้านเลขที่ 199/74")
neg("th-neg", f"รุ่น GW10K-ET 10 kW 3 เฟส ช่างไฟอยากใช้สาย 16 ตร.มม.")
neg("th-neg", f"หมายเลขมิเตอร์ {d(8)} CT 100/5A กฟภ. เปลี่ยนให้เมื่อ 02/10/2568 เวลา 13.15 น.")
neg("th-neg", f"เราเป็นดีลเลอร์ ปี 2567 ติดไป 35 หลัง เฉลี่ย 6.6 kW กำไร 12% เครดิต 30 วัน")
neg("th-neg", f"ค่านายหน้า 3% ของ 420,000 บาท คือ 12,600 บาท จ่ายวันที่ 15/01/2569")
neg("th-neg", f"เปลี่ยนแบต SN {d(4)}-{d(4)}-{d(4)} ตามประกัน ใบงาน {job()} ใช้เวลา 2 ชม.")
neg("th-neg", f"หมู่ 6 ซอย 12 บ้านเลขที่ 45/678 ต.หนองปรือ อ.บางละมุง จ.ชลบุรี 20150")
neg("th-neg", f"ห้องคนเช่าอยู่ชั้น 21 ห้อง 2108 ตึก B เลขที่ 1550/88 ถนนพระราม 9 10310")
neg("th-neg", f"โทรหาผมนะครับ อย่าโทรหาลูกชาย เขาไม่รู้เรื่องระบบ 5kW")
neg("th-neg", f"บันทึกช่าง: เบรกเกอร์ 25A 3 ตัว ค่ากราวด์ 4.2 โอห์ม ทดสอบ 11.05 น.")
neg("th-neg", f"ออเดอร์ #{r.choice(['25', '26'])}{d(8)} SG5.0RS 2 เครื่อง ส่งถึงเจ้าของบ้านวันที่ 1/12")
neg("th-neg", f"ไปหน้างาน {job()} ถึง 09.05 น. ออก 11.40 น. ช่าง 2 คน ระยะทาง 3.5 กม. ค่าเดินทาง 150 บาท")
neg("th-neg", f"แม่อายุ ๗๘ ปี อยู่บ้านเลขที่ ๑๒/๓ ซอย ๕ หมู่ ๒ ค่าไฟ ๒,๑๐๐ บาท ๔๘๐ หน่วย")
neg("th-neg", f"Serial: {d(12)}, {d(12)}, {d(12)} ออปติไมเซอร์ 3 ตัว หลังคาฝั่งตะวันออก")
neg("th-neg", f"ใบเสนอราคาของน้องสาว 7 แผง x 545W = 3.815 kWp ราคา 98,000 บาท รวม VAT 7%")
neg("th-neg", f"ใบงาน {job()} ตัวแทนเจ้าของเซ็นรับ 12 รายการ รวม 62,500.00 บาท")
neg("th-neg", f"ลูกค้ามาเลเซียจ่าย RM 12,500 ประมาณ 96,000 บาท ชุด 3.3 kW")
neg("th-neg", f"หมายเลข Ticket {d(8)} เปิดใหม่ อินเวอร์เตอร์ตัดอีกแล้วตอน 14.32 น. วันที่ 28/11/2568")

# =============================== Chinese ===============================
add("zh-family", f"麻烦打我儿子的电话{P(cnmob())}约上门时间，我耳朵不好。")
add("zh-family", f"我老公的电话{P(cnmob_sp(cnmob()))}，钱的事找他。")
add("zh-family", f"房子是我女儿的，她手机{P(dash3(thmob()))}，邮箱{E(cnmail('lili'))}。")
add("zh-family", f"我是租客，房东王先生电话{P(thmob())}，装板子要他同意。")
add("zh-family", f"报价单发我太太邮箱{E(cnmail('zhangmei'))}，她做主。我的手机{P(cnmob())}。")
add("zh-family", f"楼上租客李先生{P(cnmob_sp(cnmob(), '-'))}，3号那天他给你们开门。")
add("zh-family", f"我妈白天都在家，座机{P('0' + r.choice(['10', '21', '755', '28']) + '-' + d(8))}，"
    f"手机{P(cnmob())}。")
add("zh-family", f"加我女儿微信{W('xiaoyu_' + d(4))}，她会把电表照片发给你们。")
add("zh-family", f"合同写我爸的名字，他的身份证号{CN(cnid(['110105', '310115', '440106'], (1950, 1965)))}。")
add("zh-family", f"定金退到我儿子的工商银行账号{B(cnacct())}，是他付的。")
add("zh-family", f"我姐夫在马来西亚，电话{P(my())}，系统的钱是他出。")
add("zh-family", f"房东住新加坡（{P(sg())}），我只是租客。")
add("zh-family", f"我小姨在香港{P(hk())}，她清迈的房子也想装。")
add("zh-family", f"我老婆的LINE是{L(lineid('mei'))}，她泰语比我好。")
add("zh-family", f"保姆是缅甸人，电话{P(mm())}，会一点泰语。")
add("zh-family", f"我老公的电话{P(fw(cnmob()))}，你们直接找他。")
add("zh-family", f"儿子的邮箱{E(mail('kevin'))}，报价抄送给他。")
# -- technicians
add("zh-tech", f"你们的师傅给了我电话{P(cnmob())}，但一直关机，有别的号码吗？")
add("zh-tech", f"我们的电工（陈师傅{P(dash3(thmob()))}）那天会在，顺便看一下总闸。")
add("zh-tech", f"以前装的那家邮箱是{E(user('service') + '@sunbright-solar.com')}，已经倒闭了。")
add("zh-tech", f"布线的老挝电工电话{P(la())}，他知道线怎么走的。")
add("zh-tech", f"工头给了我微信{W('wang_gong' + d(2))}，他是你们公司的吗？")
# -- site-visit notes / job sheets
add("zh-sheet", f"工单{job()} 11月28日09:30 业主王女士 电话{P(cnmob())} 屋顶12x8米彩钢瓦 电表15(45)A")
add("zh-sheet", f"JOB {job()}｜客户：刘先生｜电话：{P(cnmob_sp(cnmob()))}｜备用：{P(dash3(thmob()))}｜"
    f"逆变器SUN2000-5KTL-L1｜12块550W")
add("zh-sheet", f"现场联系人：租客张小姐{P(cnmob_sp(cnmob(), '-'))}，业主在国外{P(cn_intl())}，钥匙在门卫。")
add("zh-sheet", f"安装记录：客户邮箱{E(cnmail('liuqiang'))}，手机{P(cnmob())}，S/N ES23{d(8)}，14:20并网，"
    f"电表读数04587度。")
add("zh-sheet", f"勘察12月2日 姓名：赵女士 / 电话{P(cnmob())} / 微信{W('zhao_' + d(4))} / 8巷6村50230")
add("zh-sheet", f"工单号{d(10)}：回电客户老公{P(cnmob_sp(cnmob()))}，保修的事。")
add("zh-sheet", f"交付{job()}：客户身份证{CN(cnid(['320102', '330106'], (1970, 1990)))}，定金退回招商银行"
    f"{B(cnacct('6225'))}，16:45签字。")
add("zh-sheet", f"师傅报告：业主不在，邻居（88/3号）给了他女儿的电话{P(dash3(thmob()))}，周六10点再去。")
# -- agents
add("zh-agent", f"我是代理，帮客户询价：陈先生，微信{W('chen' + r.choice(['_', '-']) + d(4))}，"
    f"手机{P(cn_intl())}，度假村要装20kW。")
add("zh-agent", f"帮我的客户报个价，刘总{P(cnmob())}，工厂屋顶100kW。")
add("zh-agent", f"客户资料：身份证{CN(cnid(['440304', '510107'], (1975, 1992)))}，电话{P(cnmob())}，"
    f"邮箱{E(cnmail('wangfang'))}")
add("zh-agent", f"我是物业经理，业主是台湾人，电话{P(tw())}，超过10万泰铢要他批。")
add("zh-agent", f"柬埔寨的客户{P(kh())}，邮箱{E(mail('sokha'))}，12月12日来展厅。")
add("zh-agent", f"替客户问一下，客户手机{P(fw(cnmob_sp(cnmob())))}，微信同号。")
# -- digits
add("zh-digits", f"我爸的手机{P(zh_words(cnmob()))}，他用语音输入的")
add("zh-digits", f"租客电话{P(fw(cnmob()))}，先跟她确认")
add("zh-digits", f"师傅的电话{P(cnmob()[:3] + '-' + cnmob()[3:7] + ' ' + d(4))}，他让我转给你们")
add("zh-digits", '{"from":"me","text":"我妹妹的手机' + P(split2(cnmob(), 7)) + '"}')
add("zh-digits", f"我儿子电话{P(zh_words(cnmob()[:3]) + ' ' + d(4) + ' ' + d(4))}")
add("zh-digits", f"泰国的号码{P(thd(dash3(thmob())))}是我老婆的")
# -- several people
add("zh-multi", f"联系人：我{P(cnmob())}，我太太{P(cnmob())}，工地负责人{P(dash3(thmob()))}。")
add("zh-multi", f"业主{E(cnmail('pornchai'))}，租客{E(mail('jessica'))}，报价两个都抄送。")
add("zh-multi", f"兄弟俩共有：张伟{CN(cnid(['420102'], (1975, 1985)))}，张强{CN(cnid(['370102'], (1978, 1988)))}，"
    f"都要签字。")
add("zh-multi", f"打我电话（{P(cnmob())}），别打我前妻的（{P(cnmob())}）。")
add("zh-multi", f"客户刘女士{P(cnmob())}，微信{W('liu_' + d(4))}，她儿子{P(dash3(thmob()))}。")
add("zh-multi", f"装机那天联系：我爸{P(cnmob())}，我妈{P(cnmob())}，我的邮箱{E(cnmail('xiaobei'))}。")
add("zh-sheet", f"11月29日回访：王女士{P(cnmob())}（09:00），林先生{P(hk())}（10:30），"
    f"潘阿姨的儿子{P(dash3(thmob()))}（13:00）")
add("zh-agent", f"替越南客户问价：阮先生{P('+84 9' + d(2) + ' ' + d(3) + ' ' + d(3))}，邮箱{E(mail('nguyen'))}")
add("zh-tech", f"配件寄给我们的师傅，邮箱{E(user('laoli') + '@qq.com')}，电话{P(cnmob_sp(cnmob()))}。")
add("zh-family", f"我弟弟在台湾，手机{P('09' + d(2) + '-' + d(3) + '-' + d(3))}，他出一半钱。")

neg("zh-neg", f"工单{job()}，11月28日09:30上门，屋顶12x8米，地址59/12号4村8巷，邮编50230。")
neg("zh-neg", f"JOB {job()}｜逆变器SUN2000-10KTL-M1｜550W组件18块｜16:45完工")
neg("zh-neg", f"工单号{d(10)}已关闭，师傅12月3日换了F2保险丝，电表读数04587.3度。")
neg("zh-neg", f"逆变器序列号ES23{d(8)}，电池序列号BT{d(10)}，固件V1.3.12，2025年11月14日安装。")
neg("zh-neg", f"我儿子说电表读数从12345.6到13377.9，这个月用了1032度。")
neg("zh-neg", f"房东2023年花了185,000泰铢装10kW，电费从4,870降到1,210。")
neg("zh-neg", f"租客住在兰甘亨24/1巷88/245号3村，逆变器报错2001。")
neg("zh-neg", f"工单号{r.choice(['25', '26'])}{d(6)}，报价单QT-2025-{d(5)}，采购单{d(7)}，都是同一套房子。")
neg("zh-neg", f"我太太约了12月6日10:00-12:00勘察，门禁密码2580，门牌199/74号。")
neg("zh-neg", f"型号GW10K-ET，10kW三相，电工说要用16平方的线。")
neg("zh-neg", f"电表号{d(8)}，互感器100/5A，电力局2025年10月2日13:15换的。")
neg("zh-neg", f"我们是经销商，2024年装了35套，平均6.6kW，毛利12%，账期30天。")
neg("zh-neg", f"代理费是420,000泰铢的3%，即12,600，2026年1月15日支付。")
neg("zh-neg", f"电池SN {d(4)}-{d(4)}-{d(4)}保修换新，工单{job()}，现场2小时。")
neg("zh-neg", f"春武里府邦拉蒙县农普鲁镇6村12巷45/678号，邮编20150。")
neg("zh-neg", f"租客的房间在B座21楼2108室，拉玛九路1550/88号，邮编10310。")
neg("zh-neg", f"打我电话就行，别找我儿子，他不懂5kW的系统。")
neg("zh-neg", f"安装记录：25A断路器3个，接地电阻4.2欧，测试时间11:05。")
neg("zh-neg", f"订单号{r.choice(['25', '26'])}{d(8)}的两台SG5.0RS，12月1日送到房东家了。")
neg("zh-neg", f"上门{job()}：09:05到，11:40走，2个师傅，距离3.5公里，路费150泰铢。")
neg("zh-neg", f"我妈78岁，住5巷2村12/3号，电费2,100泰铢，480度。")
neg("zh-neg", f"优化器序列号：{d(12)}、{d(12)}、{d(12)}，东面屋顶3个。")
neg("zh-neg", f"我妹妹的报价：7块545W，共3.815kWp，98,000泰铢含7%增值税。")
neg("zh-neg", f"工单{job()}业主代表签字，12项，合计62,500.00泰铢。")
neg("zh-neg", f"马来西亚客户付了12,500令吉，约96,000泰铢，3.3kW套装。")
neg("zh-neg", f"报修单{d(8)}重新打开，2025年11月28日14:32逆变器又跳闸了。")
neg("zh-neg", f"我老公说一个月用电一千零五十度，晚上七点最高六点八千瓦。")

# A Thai ID after `customer ID` on a job sheet (`Handover J25-2887: customer ID 8208336362120`): the
# redactor reads `customer id` as a company's reference label, as docs/redaction.md says
# (`customer id 1103702071625` is a reference), and leaves the number; `customer's ID`, `customer ID
# card`, `เลขบัตรลูกค้า` and `客户身份证` are found.
KNOWN_MISS_STARTS = ("Handover J",)
write(sys.argv[1], """# Twenty-third fresh set of redaction cases (bench/gen-redact-fresh23.py), written before the
# redactor was run on it: other people's data and data written by staff, in English, Thai and Chinese
# (categories en-, th-, zh-): a customer giving a family member's, a tenant's, a landlord's or a
# technician's phone number, e-mail address, LINE or WeChat id or ID card number, several people in
# one message, an installer's site-visit note or job sheet typed into the chat, an agent or a reseller
# writing for a client; Thai and full-width digits, digit words, mixed separators, a number split over
# two lines of a chat export, the neighbours' numbers (+95, +856, +855, +60, +65, +852, +886, +86).
# Hard negatives of the same messages: job numbers, ticket ids, serial numbers, inverter models, meter
# readings, dates and times, house numbers, sois, moo, postcodes, prices and kWh. Same format as
# redact.tests (`INPUT ⇒ EXPECTED`, `=` for unchanged); run by tests/plugins/test-redact-golden.c (test
# redact-golden-fresh23: the cases of [known-miss] are TODO while they leak) and measured by
# `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh23.tests`.
""",
      lambda text, expected: text.startswith(KNOWN_MISS_STARTS))
