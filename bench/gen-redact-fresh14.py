#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh14.tests: a fourteenth fresh set of redaction cases, written before
any run of the redactor on it, in a style the earlier sets had little of: long complaint messages of
the customers of a solar, smart-home and construction company, who ramble, repeat themselves and
give their values among the many numbers of their case (orders, tickets, invoices, amounts, dates,
times, kW and kWh, models, house numbers and postcodes), next to names and postal addresses. By
language, about sixty messages with values and twenty-five hard negatives each in English, Thai and
Chinese (categories `en-`, `th-`, `zh-`):

- complaints of several sentences, with the names of the people involved (Chinese names with their
  titles, 王经理, 李女士, 陈总, 刘工; foreigners' names written in Thai script, คุณจอห์น, มิสเตอร์เดวิด)
  and Thai addresses with their abbreviations (`ม.`, `ต.`, `อ.`, `จ.`, `ถ.`, `ซ.`, `กทม.`) and Chinese
  addresses (`…路88弄12号601室`), which stay: the redactor does not promise names and addresses;
- values split in unusual places (`08 12 34 56 78`, `0-81-234-5678`, `081 2345 678`, `13 8123 45678`),
  Thai IDs with their dashes in odd places (`1-1037-02071-625`, `11037-02071-62-5`), cards and
  accounts in odd groups near their words;
- numbers in Chinese numerals with `〇` for zero (`一三八〇…`), in Thai digits and full-width, half in
  words; addresses spelled out (`somchai dot k at gmail dot com`, `แอท`, `艾特`);
- international numbers in the forms of foreign customers and of Thais abroad (`+66`, `0066`, `+66 (0)`,
  `+86`, `0086`, `+1 (415) …`, `+44 7…`, `+61 4…`, `+81 90-…`);
- passports, Chinese IDs, WeChat and LINE ids in the middle of a complaint.

Hard negatives of the same style: complaints with orders, tickets, invoice and tracking numbers,
amounts in baht and yuan, Buddhist-era and Chinese dates, times, kW, kWh and kWp figures, inverter and
battery models, serials, house numbers with `ม.`, postcodes, a company's hotline, and names with
their titles.

Left out because docs/redaction.md does not promise them: names and postal addresses (kept as text,
never values nor negatives), car plates, electricity account numbers, phone numbers said other than a
digit a word.

Values have valid checksums (Thai ID mod 11 with a person type 1-8 and a real province, Chinese ID
ISO 7064 MOD 11-2 and a real date of birth, Luhn for cards); bank account numbers fail Luhn so that
they are not also card numbers.

    bench/gen-redact-fresh14.py tests/data/redact-fresh14.tests
"""
import sys

import redact_cases
from redact_cases import B, C, CN, E, IP, L, P, PP, T, W, acct, acct_dashed, add, bkk, bkk_dash, card, cnacct, cnmob, \
    cnmob_sp, d, dash3, fw, groups4, ip4, neg, sp3, start, thd, thmob, write
from redact_cases import thid_province as thid

r = start(20261414)

ZH_DIGITS = "〇一二三四五六七八九"
TH_WORDS = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]
EN_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def cnid():
    return redact_cases.cnid(["110108", "310104", "440304", "330102", "510104", "320106", "420102", "370202"],
                             (1958, 2003))


def zhnum(s):
    """Digits in Chinese numerals, 〇 for zero."""
    return "".join(ZH_DIGITS[int(c)] if c.isdigit() else c for c in s)


def thwords(s):
    return "".join(TH_WORDS[int(c)] for c in s)


def enwords(s, sep=" "):
    return sep.join(EN_WORDS[int(c)] for c in s)


def pairs(m):
    """A number two digits at a time."""
    return " ".join(m[i:i + 2] for i in range(0, len(m), 2))


def intl(m, cc="+66", sep=" "):
    """A Thai mobile in international form: @cc, the trunk 0 dropped."""
    return cc + sep + m[1:3] + sep + m[3:6] + sep + m[6:]


def us():
    return "(" + r.choice(["415", "646", "312", "206", "512"]) + ") " + r.choice("2345678") + d(2) + "-" + d(4)


def uk():
    return "7" + r.choice("4579") + d(2) + " " + d(6)


def au():
    return "4" + d(2) + " " + d(3) + " " + d(3)


def jp():
    return r.choice(["90", "80", "70"]) + "-" + d(4) + "-" + d(4)


def cnland(area="021"):
    return area + "-" + r.choice("5678") + d(7)


def passport_th():
    return r.choice(["AA", "AB", "AC", "AF"]) + d(7)


def passport_cn():
    return "E" + r.choice("ABCDEFGH") + d(7)


# =============================== English ===============================
m = thmob()
add("en-complaint", f"Hello, this is the third time I write!!! The installer (a Mr. Somsak) came on 14 Nov, put 12 panels "
    f"and left, the inverter shows error 28 since then and nobody answers. Order SO-2025-11873, paid 189,000 baht in "
    f"full. Call me on {P(dash3(m))} today, not tomorrow.")
m = thmob()
add("en-complaint", f"I am very disappointed. We booked the survey for Saturday 9:30, waited until 1pm, no one came, no "
    f"call. My wife took a day off for this. Ticket #44817. My number is {P(sp3(m))}, my email "
    f"{E('j.harrington72@gmail.com')}.")
m = thmob()
add("en-complaint", f"Dear team, the 5 kW system at 88/14 Moo 6, Nong Prue, Bang Lamung, Chonburi 20150 produced only 9.8 kWh "
    f"yesterday, the app said 21.4 kWh last month on a sunny day. Please send someone. Contact Peter Lindqvist, mobile "
    f"{P(intl(m))}.")
m = thmob()
add("en-complaint", f"Your technician broke two roof tiles and a gutter (photos attached, 6 of them). I want 4,500 baht back "
    f"or a repair before 30/11. I will not pay the last installment of 45,000 until then. Reach me at {P(pairs(m))} or "
    f"on LINE {L('mike.w_1975')}.")
m = thmob()
add("en-complaint", f"why is nobody picking up 1-800 line?? i have called 7 times since monday. my inverter SUN-8K-SG01LP1 "
    f"beeps all night. call back {P(m[0] + '-' + m[1:3] + '-' + m[3:6] + '-' + m[6:])} !!!")
m = thmob()
add("en-complaint", f"This is ridiculous. Quote QT-6627 said 3 days, it has been 3 weeks. I paid the 30% deposit "
    f"(56,700 THB) on 2 Oct. Either you install by Friday or refund me. Account for the refund: Bangkok Bank "
    f"{B(acct_dashed())}, name Anna Kowalski. Phone {P('0066 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}.")
m = thmob()
add("en-complaint", f"Hi, complaint about invoice INV-2568/0412: you charged 2 x 550W panels that were never delivered, "
    f"that is 9,800 baht. My ID for the tax invoice is {T((lambda t: t[0] + '-' + t[1:5] + '-' + t[5:10] + '-' + t[10:])(thid()))}"
    f" and you can call {P(m[:3] + ' ' + m[3:7] + ' ' + m[7:])}.")
m = thmob()
add("en-complaint", f"I'm a foreigner living in Hua Hin, soi 88, house 120/7. Your salesman promised English support and "
    f"now nobody speaks English on the phone. My passport {PP(r.choice(['56', '53', '54']) + d(7))} (US) was copied for the "
    f"contract, I want that copy deleted. Phone {P(intl(m, '+66', '-'))}, email {E('rbrown.huahin@yahoo.com')}.")
add("en-complaint", f"I am writing from Sydney, my parents' house in Udon Thani has your system since March. The battery "
    f"(10 kWh, model LUNA2000-10-S0) shows 0% every morning. Call me on {P('+61 ' + au())} after 6 pm Sydney time "
    f"(that is 2 pm in Thailand).")
add("en-complaint", f"Complaint!! I paid by card {C(groups4(card('4')))} on 3 Nov for the smart lock (3,290 baht) and was "
    f"charged TWICE. Order #SL-77120. Refund the second charge, please.")
m = thmob()
add("en-complaint", f"we are a small resort in Krabi (24 rooms), your 20 kWp system is down since 26/10 and we run the "
    f"generator at 1,200 baht a day. manager: Mr. Hans Müller, {P('+66 (0)' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}, "
    f"{E('hans.mueller@krabi-bay-resort.com')}")
add("en-complaint", f"I emailed 3 times to support@ and got nothing. Writing here. My US number {P('+1 ' + us())}, WhatsApp "
    f"only. Unit 1205, The Base condo, Sukhumvit 77. The wall charger (7.4 kW) stops at 43%.")
m = thmob()
add("en-complaint", f"Hello?? Anyone? The CCTV (4 cameras, 2MP) stopped recording 5 days ago. I can log into the NVR at "
    f"{IP(ip4())} but it says disk error. Please call {P(m)}, ask for Khun Noi.")
m = thmob()
add("en-complaint", f"to whom it may concern. on 12.11.2025 at 10.40 your truck hit my fence at 55/2 moo 4. driver refused "
    f"to give his name. i want compensation of 8,000 baht. my id card {T(' '.join((lambda t: (t[0], t[1:5], t[5:10], t[10:12], t[12]))(thid())))}, "
    f"tel {P(m[:3] + '.' + m[3:6] + '.' + m[6:])}.")
m = thmob()
add("en-complaint", f"Still waiting for the refund of 12,400 THB from order 6610-2231. Your staff asked my account again, "
    f"this is the FOURTH time: Kasikorn {B(acct())}. If it is not done by 5 Dec I go to the consumer protection board. "
    f"{P(dash3(m))}")
add("en-complaint", f"my email is {E('somchai dot k at gmail dot com')} (your form did not accept the @ sign, it kept "
    f"saying invalid!!) please send the warranty certificate for the 6 kW inverter, serial ES2207AA1093.")
add("en-complaint", f"Please stop calling me at 7 am. I said twice I'm not interested in the 10 kW promo. Remove "
    f"{P('+66' + thmob()[1:])} and {E('natalie.r@hotmail.co.uk')} from your list. Thank you.")
m = thmob()
add("en-complaint", f"Your app (version 2.3.1) logs me out every 5 minutes. I reinstalled it 3 times. iPhone 13, iOS 17.4. "
    f"Account email {E('kenji.sato@icloud.com')}, phone {P(m[:2] + '-' + m[2:6] + '-' + m[6:])}.")
m = thmob()
add("en-complaint", f"The quotation was 145,000 for 8.2 kWp, the invoice says 162,500. Nobody told me about the 17,500 "
    f"for the meter change. I want to speak to a manager. Call me {P(m[:3] + ' ' + m[3:5] + ' ' + m[5:8] + ' ' + m[8:])}.")
add("en-complaint", f"I'm calling from Japan, my mother lives alone in Chiang Mai (199 M.3 T.Suthep A.Mueang "
    f"Chiang Mai 50200). Her solar pump does not start. My number {P('+81 ' + jp())}, her caretaker Khun Jan "
    f"{P(dash3(thmob()))}.")
m = thmob()
add("en-complaint", f"Bad service. 2 hours on hold yesterday (11:05 to 13:10). The aircon you installed (18,000 BTU, "
    f"inverter) drips on the sofa. Name: David Okafor, passport {PP('A' + d(8))}, mobile {P(dash3(m))}.")
add("en-complaint", f"Re: ticket 20251104-0087. You asked for my details AGAIN: phone {P(dash3(thmob()))}, "
    f"email {E('priya.nair@outlook.com')}, address 9/99 Soi Ari 4, Phaya Thai, Bangkok 10400.")
m = thmob()
add("en-complaint", f"the battery swelled!! it is a fire risk, 48V 100Ah, bought 14 months ago, 2 months after the warranty "
    f"extension you sold me for 2,500. call {P(m[:3] + '-' + m[3:7] + '-' + m[7:])} NOW")
add("en-complaint", f"I transferred 35,000 to the wrong account by mistake because your invoice had an old account number. "
    f"I need it sent back to my SCB account {B((lambda a: a[:3] + ' ' + a[3:])(acct()))}.")
m = thmob()
add("en-complaint", f"hi im in the UK now, my house in Pattaya has ur system, the monitoring shows 0 W since 20 Nov. "
    f"uk mobile {P('+44 ' + uk())}, thai sim {P(m)} (my sister picks up).")
m = thmob()
add("en-complaint", f"Why do I have to send my ID card copy by LINE?! That is not safe. Here it is typed: "
    f"{T((lambda t: t[:5] + '-' + t[5:10] + '-' + t[10:12] + '-' + t[12])(thid()))}. Delete it after. "
    f"Phone {P(dash3(m))}.")
m = thmob()
add("en-complaint", f"Third visit, same problem: the smart meter (model DDS666, 5(60)A) resets at 02:00. Your tech "
    f"Mr. Chaiwat said it's the firmware 1.0.8. I want a new one. {E('lars.eriksson@telia.se')} / {P(sp3(m))}")
c = card('5', 16)
add("en-complaint", f"I paid the 2nd installment with my Mastercard {C(c[:4] + '-' + c[4:8] + ' ' + c[8:12] + '-' + c[12:])} and "
    f"the bank says it went through, your accounting says not received. 27,450 baht on 15/11 at 21:07.")
m = thmob()
add("en-complaint", f"Complaint about your sales rep Khun Ploy: she gave my phone {P(dash3(m))} to a loan company, "
    f"I get 5 calls a day now. I only gave it for the 3 kW quote Q-1189.")
m = thmob()
add("en-complaint", f"I ordered 2 EV chargers (7 kW and 11 kW) for the condo, order 4471-B, delivery was promised "
    f"for 18/11 between 9-12. Nothing. Contact the juristic office {P(bkk_dash(bkk()))} or me "
    f"{P('0' + m[1:3] + ' ' + m[3:7] + ' ' + m[7:])}.")
add("en-complaint", f"You double-charged my Visa. Full number as you asked: {C(' '.join((lambda c: (c[:4], c[4:10], c[10:]))(card('4'))))} "
    f"exp 09/28. Amount 4,890 baht x2 on 21 Nov.")
m = thmob()
add("en-complaint", f"Dear Sir/Madam, I regret to inform you that the installation at my villa (Lot 17, Laguna, Phuket "
    f"83110) is unacceptable: cables hanging, 3 panels cracked. Please contact my property manager, Ms. Olga Petrova, "
    f"at {E('olga.petrova@mail.ru')} or {P('+7 9' + d(2) + ' ' + d(3) + '-' + d(2) + '-' + d(2))}.")
m = thmob()
add("en-complaint", f"I already gave my number like 5 times: zero {enwords(m[1:3])} ... ugh, just write it: "
    f"{P(m[:3] + '  ' + m[3:6] + '  ' + m[6:])}")
add("en-complaint", f"my line id is {L('tom_cat.1988')} , add me, phone always busy because of work. the 3kw system "
    f"trips the breaker (32A) every afternoon around 3pm.")
m = thmob()
add("en-complaint", f"Hi, the water heater (heat pump 3.5 kW) you installed leaks. Warranty card no. WH-22081. "
    f"I am Chinese, my name is Zhang Wei, Thai phone {P(dash3(m))}, China {P('+86 ' + cnmob_sp(cnmob()))}.")
m = thmob()
add("en-complaint", f"Please escalate. Case 8812 closed without fix. Energy meter reading was 04512 on 1 Nov and 04519 "
    f"on 25 Nov, so 7 kWh in 25 days from a 5 kW system?? Contact: {P('(+66) ' + m[1:3] + '-' + m[3:6] + '-' + m[6:])}")
add("en-complaint", f"Email me the refund form at {E('m.tanaka(at)nifty(dot)com')}, my phone does not receive "
    f"Thai SMS. Refund 6,800 for the cancelled Wi-Fi kit, order 99-1207.")
m = thmob()
add("en-complaint", f"you can reach my husband {P(m)} or me {P(dash3(thmob()))}, we both work nights. house 47/3 Moo 2, "
    f"Tambon Ban Waen, Hang Dong, Chiang Mai 50230.")
add("en-complaint", f"The contract says 25 years warranty, your staff now says 10. I signed with passport "
    f"{PP(passport_th())} and I have the PDF. My e-mail: {E('ANAN.S@GMAIL.COM')}")
m = thmob()
add("en-complaint", f"Very angry customer here. 6 months, 4 repairs, 0 results. Inverter SG5.0RS serial A2231190874. "
    f"I want a full refund of 210,000 baht. Tel. {P(m[:3] + '/' + m[3:6] + '-' + m[6:])}")
m = thmob()
add("en-complaint", f"the installer gave me his personal number {P(pairs(m))} and now he doesn't answer either. what kind of "
    f"company is this. job no. 2025-0387.")
add("en-complaint", f"Please refund to my account at Krungthai Bank, no. {B(acct())}, account name Michael O'Brien. "
    f"The amount is 3,250.00 (2 sensors x 1,625).")
add("en-complaint", f"I use WeChat, not LINE: {W('wxid_' + 'kq' + d(6))}. My English is not good. The 6kW inverter is "
    f"noisy at night, 45 dB maybe.")
m = thmob()
add("en-complaint", f"Reply to my email already!! {E('roberto.bianchi@libero.it')}. Or call {P('+39 3' + d(2) + ' ' + d(3) + ' ' + d(4))}. "
    f"The 12 panels on my roof in Koh Samui (84320) are dirty and you promised cleaning twice a year.")
m = thmob()
add("en-complaint", f"ok so I called {P('02-123-4567')}?? no wait that's the number on your website and it's disconnected. "
    f"I am at {P(m[:4] + ' ' + m[4:7] + ' ' + m[7:])}.")
m = thmob()
add("en-complaint", f"The survey guy measured the roof as 60 m2, it is 95 m2. Now the quote is for 6 kW instead of 10. "
    f"Please fix. Phone {P(fw(m))} (sorry, my keyboard).")
m = thmob()
add("en-complaint", f"hello my name is Ahmed, I rent a house in Bang Na, the landlord says your system belongs to him. "
    f"the bill is still 3,400 baht a month. can you check? my phone is {P(thd(dash3(m)))}")
add("en-complaint", f"Please send the invoice to our accountant {E('acc.siriporn@thai-pack.co.th')} and NOT to me. The PO "
    f"is PO-24-0915 for 2 x 15 kW inverters.")
add("en-complaint", f"complaint: the guys left 3 bags of trash and a ladder. I'm at the office till 6. "
    f"call {P(dash3(thmob()))}")
m = thmob()
add("en-complaint", f"I'm writing for my father, Mr. Sombat, 78 years old. He was sold a 15 kW system for a 2-person "
    f"house. His ID {T(thid())}, my phone {P(dash3(m))}. We want to cancel within the 7 days.")
c = card('37', 15)
add("en-complaint", f"my Amex {C(c[:4] + ' ' + c[4:10] + ' ' + c[10:])} was charged 12,900 for a survey that never happened "
    f"(booking 3321, 22 Nov). Refund please.")
add("en-complaint", f"The monitoring portal is public! Anyone can see my data at http://{IP(ip4())}:8080/login with admin/admin. Fix it.")
m = thmob()
add("en-complaint", f"Since your team rewired the DB box, the lights flicker. 3 LED drivers died (12 W each). "
    f"Contact me: {E('chris.tan.sg@gmail.com')}, {P('+65 ' + r.choice('89') + d(3) + ' ' + d(4))}, or my Thai number "
    f"{P(m[:3] + '-' + m[3:6] + '-' + m[6:])}")

t = thid()
add("en-complaint", f"this is Khun Wanchai's son. dad's ID card {T(t[0] + '-' + t[1:3] + '-' + t[3:5] + '-' + t[5:10] + '-' + t[10:12] + '-' + t[12])} "
    f"is on the contract but he never signed the 2nd page!! 2 signatures are fake. we want a meeting.")
m = thmob()
add("en-complaint", f"Phone: {P('+66 ' + m[1:3] + '-' + m[3:6] + '-' + m[6:])} / Email: {E('j.smith at hotmail.com')} - "
    f"I gave both to your sales on 3 Nov and got no quote for the 5 kW yet")
m = thmob()
add("en-complaint", f"call me {P('0066-' + m[1:3] + '-' + m[3:6] + '-' + m[6:])} re: the broken 2nd inverter, thx")
add("en-complaint", f"My LINE: {L('benz.pattaya' + d(2))}. Don't call, I'm deaf in one ear, write only. The meter box is at "
    f"gate 2, house 15/8.")
m = thmob()
add("en-complaint", f"URGENT smoke from the inverter!!! {P(m)}")

neg("en-neg", "I have called 5 times, ticket 20251121-0042, order SO-2025-11873, nobody answers since 14 Nov!!")
neg("en-neg", "The inverter SUN-10K-SG04LP3-EU shows error F56 every day between 11:00 and 14:30.")
neg("en-neg", "Paid 189,000 baht on 02/11/2025 for 12 x 550 W panels, 6.6 kWp in total, still not installed.")
neg("en-neg", "Address: 88/14 Moo 6, T. Nong Prue, A. Bang Lamung, Chonburi 20150 - please come before 10 am.")
neg("en-neg", "Production was 21.4 kWh on 3 Nov and 9.8 kWh on 4 Nov, same sun, same 5 kW system.")
neg("en-neg", "Invoice INV-2568/0412 charged 9,800 for 2 panels never delivered, refund to the card ending 4821.")
neg("en-neg", "Meter reading 045120 on 1 Nov, 045190 on 25 Nov, that is only 70 units.")
neg("en-neg", "The battery is 51.2 V 200 Ah, 10.24 kWh, model LUNA2000-10-S0, serial 2107459812AB.")
neg("en-neg", "Tracking number TH0123456789A from Flash, it says delivered on 12/11 but nothing came.")
neg("en-neg", "Please call Mr. Somsak or Ms. Ploy from your team, they know the case since October 2568.")
neg("en-neg", "The quote QT-6627 was 145,000 for 8.2 kWp; the new one is 162,500 with the 17,500 meter change.")
neg("en-neg", "PEA hotline 1129 said the bidirectional meter request no. 6712004581 is still pending.")
neg("en-neg", "Firmware 1.0.8 then 1.2.3.4 and still the same bug, build 20251104.")
neg("en-neg", "We are at 120/7 Soi 88, Hua Hin 77110, second house after the 7-Eleven.")
neg("en-neg", "My roof is 95 m2, not 60 m2, and faces south-west at 15 degrees.")
neg("en-neg", "Wire 4 mm2, breaker 32 A, 2 strings of 6 panels, Voc 49.5 V each.")
neg("en-neg", "Case 8812 was closed on 25/11/2025 at 16:42 without anyone coming.")
neg("en-neg", "I want 50% back: 56,700 THB deposit on 2 Oct, 3 weeks late, 21 days x 1,200 generator.")
neg("en-neg", "The aircon is 18,000 BTU, model FTKM18, installed on 1/9/2025, leaking since 3/9.")
neg("en-neg", "Our PO 4500123456 for 2 x 15 kW was approved on 15.10.2025, delivery week 47.")
neg("en-neg", "Job no. 2025-0387, technician team B3, visit 3 of 4, 2 hours late each time.")
neg("en-neg", "The EV charger says 7.4 kW but charges at 3.6 kW, 16 A instead of 32 A.")
neg("en-neg", "Lot 17, Laguna Phuket 83110, villa 3, key at the security gate 24/7.")
neg("en-neg", "Warranty 25 years on panels, 10 on inverter, 5 on workmanship - contract 2025/118 page 4.")
neg("en-neg", "I was on hold from 11:05 to 13:10, that is 2 hours 5 minutes, call ref 771-2040-556.")

# =============================== Thai ===============================
m = thmob()
add("th-complaint", f"สวัสดีค่ะ แจ้งเรื่องร้องเรียนนะคะ ช่างมาติดแผงเมื่อวันที่ 14 พ.ย. ติดไป 12 แผงแล้วก็หายไปเลย อินเวอร์เตอร์ขึ้น "
    f"error 28 ทุกวัน โทรไปก็ไม่มีใครรับ จ่ายเงินไปแล้ว 189,000 บาท รบกวนติดต่อกลับเบอร์ {P(dash3(m))} ด่วนค่ะ")
m = thmob()
add("th-complaint", f"ผิดหวังมากครับ นัดสำรวจหน้างานวันเสาร์ 9 โมงครึ่ง รอถึงบ่ายโมงไม่มีใครมา ไม่โทรบอกด้วย ภรรยาผมลางานมารอ "
    f"เลขที่แจ้งเรื่อง 44817 เบอร์ผม {P(sp3(m))} อีเมล {E('kittipong.s@hotmail.com')}")
m = thmob()
add("th-complaint", f"บ้านเลขที่ 88/14 ม.6 ต.หนองปรือ อ.บางละมุง จ.ชลบุรี 20150 ระบบ 5 kW ผลิตได้แค่ 9.8 หน่วยเมื่อวาน "
    f"ทั้งที่แดดดีมาก เดือนที่แล้วได้ 21.4 หน่วย ช่วยส่งช่างมาดูด้วยค่ะ ติดต่อ คุณปีเตอร์ ลินด์ควิสต์ {P(intl(m))}")
m = thmob()
add("th-complaint", f"ช่างทำกระเบื้องหลังคาแตก 2 แผ่น รางน้ำบุบ (ส่งรูปไปแล้ว 6 รูป) ขอเงินคืน 4,500 บาท หรือซ่อมให้เสร็จก่อน "
    f"30 พ.ย. ไม่งั้นงวดสุดท้าย 45,000 ไม่จ่ายนะครับ ติดต่อ {P(pairs(m))} หรือไลน์ {L('mike.w_1975')}")
m = thmob()
add("th-complaint", f"ทำไมโทรไม่ติดเลยคะ โทรไป 7 รอบตั้งแต่วันจันทร์ อินเวอร์เตอร์ SUN-8K-SG01LP1 ร้องทั้งคืน นอนไม่หลับ "
    f"โทรกลับด่วน {P(m[0] + '-' + m[1:3] + '-' + m[3:6] + '-' + m[6:])} !!!")
m = thmob()
add("th-complaint", f"แย่มากค่ะ ใบเสนอราคา QT-6627 บอก 3 วัน นี่ 3 อาทิตย์แล้ว จ่ายมัดจำ 30% ไป 56,700 บาทตั้งแต่ 2 ต.ค. "
    f"ถ้าไม่มาติดภายในวันศุกร์ขอเงินคืน โอนเข้า ธ.กรุงเทพ {B(acct_dashed())} ชื่อ แอนนา โควาลสกี "
    f"เบอร์ {P('0066 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}")
add("th-complaint", f"ร้องเรียนใบแจ้งหนี้ INV-2568/0412 คิดเงินแผง 550W 2 แผ่นที่ไม่เคยมาส่ง 9,800 บาท เลขบัตรประชาชนสำหรับใบกำกับภาษี "
    f"{T((lambda t: t[0] + '-' + t[1:5] + '-' + t[5:10] + '-' + t[10:])(thid()))} โทร {P((lambda m: m[:3] + ' ' + m[3:7] + ' ' + m[7:])(thmob()))} ค่ะ")
m = thmob()
add("th-complaint", f"ผมเป็นชาวต่างชาติ อยู่หัวหิน ซ.88 บ้าน 120/7 เซลล์บอกว่ามีคนพูดอังกฤษ แต่โทรไปไม่มีใครพูดได้เลย "
    f"พาสปอร์ตผม {PP(r.choice(['56', '53', '54']) + d(7))} ที่ถ่ายสำเนาไปทำสัญญา ขอให้ลบทิ้งด้วย โทร {P(intl(m, '+66', '-'))} "
    f"อีเมล {E('rbrown.huahin@yahoo.com')}")
add("th-complaint", f"หนูโทรมาจากออสเตรเลียค่ะ บ้านพ่อแม่ที่อุดรฯ ติดระบบไปตั้งแต่มีนา แบตเตอรี่ 10 kWh รุ่น LUNA2000-10-S0 "
    f"ขึ้น 0% ทุกเช้า โทรหาหนูที่ {P('+61 ' + au())} หลัง 6 โมงเย็นเวลาซิดนีย์นะคะ (บ่าย 2 เมืองไทย)")
add("th-complaint", f"ร้องเรียนค่ะ!! ตัดบัตรเครดิต {C(groups4(card('4')))} วันที่ 3 พ.ย. ค่ากลอนดิจิตอล 3,290 บาท แต่โดนตัด 2 รอบ "
    f"ออเดอร์ #SL-77120 ขอคืนรอบที่สองด้วยค่ะ")
m = thmob()
add("th-complaint", f"รีสอร์ทเล็กๆที่กระบี่ 24 ห้อง ระบบ 20 kWp ดับตั้งแต่ 26/10 ต้องเปิดเครื่องปั่นไฟวันละ 1,200 บาท "
    f"ผู้จัดการ มิสเตอร์ฮันส์ มึลเลอร์ {P('+66 (0)' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])} "
    f"{E('hans.mueller@krabi-bay-resort.com')}")
m = thmob()
add("th-complaint", f"กล้องวงจรปิด 4 ตัว 2MP หยุดบันทึกมา 5 วันแล้ว เข้า NVR ได้ที่ {IP(ip4())} แต่ขึ้น disk error "
    f"โทรหา {P(m)} ถามหาคุณน้อยนะคะ")
m = thmob()
add("th-complaint", f"เมื่อวันที่ 12.11.2568 เวลา 10.40 น. รถบริษัทชนรั้วบ้านเลขที่ 55/2 ม.4 ต.บ้านแหวน อ.หางดง จ.เชียงใหม่ "
    f"คนขับไม่ยอมบอกชื่อ ขอค่าเสียหาย 8,000 บาท เลขบัตร ปชช. "
    f"{T(' '.join((lambda t: (t[0], t[1:5], t[5:10], t[10:12], t[12]))(thid())))} โทร {P(m[:3] + '.' + m[3:6] + '.' + m[6:])}")
m = thmob()
add("th-complaint", f"ยังไม่ได้เงินคืน 12,400 บาท ออเดอร์ 6610-2231 พนักงานขอเลขบัญชีอีกแล้ว นี่ครั้งที่ 4 แล้วนะคะ กสิกร "
    f"{B(acct())} ถ้าไม่โอนภายใน 5 ธ.ค. จะไปร้อง สคบ. {P(dash3(m))}")
add("th-complaint", f"อีเมลผม {E('somchai.k แอท gmail ดอท com')} นะครับ ฟอร์มในเว็บใส่ @ ไม่ได้ ขึ้น invalid ตลอด "
    f"ขอใบรับประกันอินเวอร์เตอร์ 6 kW ซีเรียล ES2207AA1093 ด้วย")
m = thmob()
add("th-complaint", f"แอปเวอร์ชัน 2.3.1 เด้งออกทุก 5 นาที ลงใหม่ 3 รอบแล้ว ไอโฟน 13 iOS 17.4 อีเมลที่สมัคร "
    f"{E('kanokwan.p@icloud.com')} เบอร์ {P(m[:2] + '-' + m[2:6] + '-' + m[6:])}")
m = thmob()
add("th-complaint", f"ใบเสนอราคา 145,000 สำหรับ 8.2 kWp แต่ใบแจ้งหนี้ 162,500 ไม่มีใครบอกเรื่องค่าเปลี่ยนมิเตอร์ 17,500 "
    f"ขอคุยกับผู้จัดการค่ะ โทร {P(m[:3] + ' ' + m[3:5] + ' ' + m[5:8] + ' ' + m[8:])}")
add("th-complaint", f"ลูกโทรจากญี่ปุ่นค่ะ แม่อยู่คนเดียวที่ 199 ม.3 ต.สุเทพ อ.เมือง จ.เชียงใหม่ 50200 ปั๊มโซลาร์ไม่ทำงาน "
    f"เบอร์หนู {P('+81 ' + jp())} คนดูแลแม่ พี่จัน {P(dash3(thmob()))}")
m = thmob()
add("th-complaint", f"บริการแย่ รอสายเมื่อวาน 2 ชม. (11:05 ถึง 13:10) แอร์ 18,000 BTU ที่มาติดน้ำหยดใส่โซฟา "
    f"ชื่อ เดวิด โอคาฟอร์ พาสปอร์ต {PP('A' + d(8))} มือถือ {P(dash3(m))}")
add("th-complaint", f"ตอบเรื่องเลขที่ 20251104-0087 ขอข้อมูลอีกแล้ว เบอร์ {P(dash3(thmob()))} อีเมล "
    f"{E('pimchanok.t@outlook.co.th')} ที่อยู่ 9/99 ซ.อารีย์ 4 แขวงพญาไท เขตพญาไท กทม. 10400")
m = thmob()
add("th-complaint", f"แบตบวม!! อันตรายมาก 48V 100Ah ซื้อมา 14 เดือน หลังซื้อประกันเพิ่ม 2,500 ไปได้ 2 เดือน "
    f"โทร {P(m[:3] + '-' + m[3:7] + '-' + m[7:])} เดี๋ยวนี้")
m = thmob()
add("th-complaint", f"อยู่อังกฤษค่ะ บ้านที่พัทยาติดระบบของบริษัท ตั้งแต่ 20 พ.ย. ขึ้น 0 W เบอร์อังกฤษ {P('+44 ' + uk())} "
    f"เบอร์ไทย {P(m)} (น้องสาวรับสาย)")
m = thmob()
add("th-complaint", f"ทำไมต้องส่งสำเนาบัตรทางไลน์ ไม่ปลอดภัยเลย พิมพ์ให้แล้วกัน เลขบัตรประชาชน "
    f"{T((lambda t: t[:5] + '-' + t[5:10] + '-' + t[10:12] + '-' + t[12])(thid()))} ใช้แล้วลบด้วย โทร {P(dash3(m))}")
m = thmob()
add("th-complaint", f"ร้องเรียนพนักงานขายชื่อพลอย เอาเบอร์ {P(dash3(m))} ของดิฉันไปให้บริษัทเงินกู้ ตอนนี้โดนโทรวันละ 5 สาย "
    f"ให้เบอร์ไปแค่ขอใบเสนอราคา 3 kW เลขที่ Q-1189")
m = thmob()
add("th-complaint", f"สั่งที่ชาร์จรถ EV 2 ตัว (7 kW กับ 11 kW) ออเดอร์ 4471-B นัดส่ง 18/11 ช่วง 9-12 น. ไม่มาเลย "
    f"ติดต่อนิติบุคคล {P(bkk_dash(bkk()))} หรือผม {P('0' + m[1:3] + ' ' + m[3:7] + ' ' + m[7:])}")
add("th-complaint", f"ตัดบัตรวีซ่าซ้ำ เลขบัตรเต็มตามที่ขอ {C(' '.join((lambda c: (c[:4], c[4:10], c[10:]))(card('4'))))} "
    f"หมดอายุ 09/28 ยอด 4,890 บาท x2 วันที่ 21 พ.ย.")
m = thmob()
add("th-complaint", f"เบอร์ผมให้ไป 5 รอบแล้ว {thwords(m[:3])}... พิมพ์เลยละกัน {P(m[:3] + '  ' + m[3:6] + '  ' + m[6:])}")
add("th-complaint", f"ไลน์ผม {L('tom_cat.1988')} แอดมาได้เลย โทรไม่ค่อยว่าง ระบบ 3kw ตัดเบรกเกอร์ 32A ทุกบ่าย 3 โมง")
m = thmob()
add("th-complaint", f"เครื่องทำน้ำร้อน heat pump 3.5 kW รั่ว ใบรับประกัน WH-22081 ผมชื่อ จาง เหว่ย เป็นคนจีน "
    f"เบอร์ไทย {P(dash3(m))} เบอร์จีน {P('+86 ' + cnmob_sp(cnmob()))}")
m = thmob()
add("th-complaint", f"ช่วยเร่งเรื่องด้วย เคส 8812 ปิดเรื่องทั้งที่ยังไม่ซ่อม มิเตอร์ 04512 วันที่ 1 พ.ย. 04519 วันที่ 25 พ.ย. "
    f"25 วันได้ 7 หน่วยจากระบบ 5 kW?? ติดต่อ {P('(+66) ' + m[1:3] + '-' + m[3:6] + '-' + m[6:])}")
m = thmob()
add("th-complaint", f"ติดต่อสามีได้ที่ {P(m)} หรือดิฉัน {P(dash3(thmob()))} ทำงานกะดึกทั้งคู่ บ้านเลขที่ 47/3 ม.2 "
    f"ต.บ้านแหวน อ.หางดง จ.เชียงใหม่ 50230")
m = thmob()
add("th-complaint", f"โกรธมาก 6 เดือน ซ่อม 4 ครั้ง ไม่หาย อินเวอร์เตอร์ SG5.0RS ซีเรียล A2231190874 ขอเงินคืนเต็ม 210,000 บาท "
    f"โทร. {P(m[:3] + '/' + m[3:6] + '-' + m[6:])}")
m = thmob()
add("th-complaint", f"ช่างให้เบอร์ส่วนตัวมา {P(pairs(m))} ตอนนี้ก็ไม่รับสาย บริษัทอะไรเนี่ย ใบงาน 2025-0387")
add("th-complaint", f"รบกวนโอนคืนเข้าบัญชีกรุงไทย เลขที่ {B(acct())} ชื่อบัญชี ไมเคิล โอไบรอัน ยอด 3,250.00 (เซ็นเซอร์ 2 ตัว "
    f"ตัวละ 1,625)")
m = thmob()
add("th-complaint", f"ช่างสำรวจวัดหลังคาได้ 60 ตร.ม. จริงๆ 95 ตร.ม. ใบเสนอราคาเลยเป็น 6 kW แทน 10 kW ช่วยแก้ด้วย "
    f"โทร {P(fw(m))} (คีย์บอร์ดค้าง)")
m = thmob()
add("th-complaint", f"สวัสดีครับ ผมชื่ออาเหม็ด เช่าบ้านอยู่บางนา เจ้าของบ้านบอกว่าระบบเป็นของเขา ค่าไฟยังเดือนละ 3,400 "
    f"ช่วยเช็คหน่อย เบอร์ผม {P(thd(dash3(m)))}")
add("th-complaint", f"ส่งใบแจ้งหนี้ไปที่ฝ่ายบัญชี {E('acc.siriporn@thai-pack.co.th')} ไม่ต้องส่งมาที่ผม PO-24-0915 "
    f"อินเวอร์เตอร์ 15 kW 2 ตัว")
m = thmob()
add("th-complaint", f"เขียนแทนคุณพ่อค่ะ คุณสมบัติ อายุ 78 ปี โดนขายระบบ 15 kW ทั้งที่อยู่กัน 2 คน เลขบัตรท่าน {T(thid())} "
    f"เบอร์ลูกสาว {P(dash3(m))} ขอยกเลิกภายใน 7 วันค่ะ")
m = thmob()
add("th-complaint", f"หลังช่างเดินสายตู้ไฟใหม่ ไฟกระพริบ ไดรเวอร์ LED เสีย 3 ตัว (ตัวละ 12 W) ติดต่อ {E('chris.tan.sg@gmail.com')} "
    f"{P('+65 ' + r.choice('89') + d(3) + ' ' + d(4))} หรือเบอร์ไทย {P(m[:3] + '-' + m[3:6] + '-' + m[6:])}")
m = thmob()
add("th-complaint", f"เบอร์ {P(thwords(m))} ค่ะ พิมพ์ด้วยเสียงนะคะ ขอโทษที่ไม่ได้เป็นตัวเลข ระบบ 5 กิโลวัตต์ไฟดับทั้งบ้าน")
add("th-complaint", f"เลขประจำตัวผู้เสียภาษีของดิฉันคือเลขบัตรประชาชน {T((lambda t: t[:4] + '-' + t[4:9] + '-' + t[9:])(thid()))} "
    f"ขอใบกำกับภาษีเต็มรูป ใบเสร็จเลขที่ RC-681104 ค่ะ")
m = thmob()
add("th-complaint", f"พี่คะ หนูส่งเมลไปแล้ว 3 รอบ {E('nong.fah1999@gmail.com')} ไม่มีใครตอบ ตอนนี้แผงแตก 1 แผ่น ลูกเห็บตกเมื่อวันที่ "
    f"17 ค่ะ โทร{P(m)}ค่ะ")
m = thmob()
add("th-complaint", f"มิสเตอร์จอห์น สมิธ บ้านเลขที่ 32/5 ถ.เทพประสิทธิ์ ซ.9 พัทยา จ.ชลบุรี ระบบไฟดับ 2 วันแล้ว "
    f"ภรรยาคุณจอห์นชื่อคุณนิด เบอร์ {P(m[:3] + '-' + m[3:6] + '-' + m[6:])} พาสปอร์ตคุณจอห์น {PP(r.choice('56') + d(8))}")
m = thmob()
add("th-complaint", f"ไลน์ร้านไม่ตอบ ส่งทางนี้ละกัน ไลน์ไอดีผม {L('@' + 'nut.solar' + d(2))} ระบบ 10 kW "
    f"ขึ้น grid fault ทุกเที่ยง โทร {P(dash3(m))}")
add("th-complaint", f"โอนค่าติดตั้งผิดบัญชี 35,000 เพราะใบแจ้งหนี้มีเลขบัญชีเก่า ขอโอนคืนเข้าไทยพาณิชย์ {B(acct_dashed())} "
    f"ชื่อ ณัฐวุฒิ ค่ะ")
m = thmob()
add("th-complaint", f"เรียน ผู้จัดการ ดิฉัน นางสาวสุนิสา ขอร้องเรียนช่างทีม B3 มาสาย 2 ชั่วโมงทุกครั้ง 3 ใน 4 ครั้ง "
    f"เบอร์ติดต่อ {P('+66-' + m[1:3] + '-' + m[3:6] + '-' + m[6:])}")
add("th-complaint", f"บัตรที่ใช้จ่ายคือ {C(groups4(card('5')))} ขอยกเลิกรายการผ่อน 0% 10 เดือน ยอด 58,900 ค่ะ")
m = thmob()
add("th-complaint", f"คุณเดวิดกับคุณมาเรียเช่าบ้านผมอยู่ ม.7 ต.ช้างเผือก อ.เมือง จ.เชียงใหม่ 50300 ระบบพังแล้วผู้เช่าโทรหาผม "
    f"ให้ช่างโทรหาคุณมาเรีย {P('+49 15' + d(1) + ' ' + d(4) + ' ' + d(4))} นะครับ หรือผม {P(dash3(m))}")
add("th-complaint", f"ขอให้ส่งเอกสารทาง wechat ภรรยาผมเป็นคนจีน ไอดี {W('lin_mei' + d(4))} ค่ะ ชื่อหลินเหม่ย")
m = thmob()
add("th-complaint", f"ทำไมใบเสร็จชื่อผิด ผมชื่อ ธนากร ไม่ใช่ ธนกร แก้ด้วย เลขที่ใบเสร็จ RC-2568-00991 "
    f"เบอร์ {P(m[:3] + ' ' + m[3:6] + ' ' + m[6:])} อีเมล {E('thanakorn_w@hotmail.com')}")
m = thmob()
add("th-complaint", f"ลูกค้าต่างชาติครับ Mr. Lee จากเกาหลี {P('+82 10-' + d(4) + '-' + d(4))} พักอยู่ที่คอนโด ห้อง 1507 "
    f"ระบบสมาร์ทโฮมใช้ไม่ได้ ผมเป็นล่ามให้ เบอร์ผม {P(sp3(m))}")
m = thmob()
add("th-complaint", f"แจ้งปัญหาค่ะ เลขบัตรประชาชน{T(thid())}ชื่อ วาสนา ค่าไฟเดือนนี้ 4,280 บาท ขึ้นมาจาก 2,100 "
    f"หลังติดโซลาร์ 5 kW โทร{P(dash3(m))}ค่ะ")
add("th-complaint", f"ส่งใบเสนอราคาทาง อีเมล {E('kob.sirirat (at) gmail.com')} นะคะ ครั้งก่อนส่งผิดคน")
m = thmob()
add("th-complaint", f"ไม่พอใจมาก!!! มาติดแอร์ 2 เครื่อง 12,000 BTU กับ 24,000 BTU ท่อน้ำทิ้งรั่วทั้งคู่ นัดแก้ 3 รอบไม่มา "
    f"ถ้าไม่มาพรุ่งนี้จะโพสต์ลงเพจ {P(m[:3] + '-' + m[3:5] + '-' + m[5:8] + '-' + m[8:])}")
m = thmob()
add("th-complaint", f"สามีเป็นคนอเมริกัน ชื่อไมเคิล โทร {P('+1 ' + us())} ส่วนดิฉันอยู่ไทย {P(m[:2] + ' ' + m[2:6] + ' ' + m[6:])} "
    f"ติดต่อดิฉันก่อนนะคะ")

add("th-complaint", f"คุณโรเบิร์ต ฮาร์ดี้ (ผู้เช่า) ขอให้ส่งใบรับประกันเป็นภาษาอังกฤษ เลขพาสปอร์ต {PP('5' + d(8))} "
    f"สัญญาเช่า 2 ปี ระบบ 8 kW ค่ะ")
t = thid()
add("th-complaint", f"เลขบัตรผมคือ {T(t[0] + '-' + t[1:3] + '-' + t[3:5] + '-' + t[5:10] + '-' + t[10:12] + '-' + t[12])} "
    f"ใส่ผิดในสัญญา เป็น 2 หลักสลับกัน แก้ด้วยครับ")
m = thmob()
add("th-complaint", f"โทรกลับด้วยค่ะ {P('+66 (0) ' + m[1] + '-' + m[2:6] + '-' + m[6:])} ด่วนมาก ไฟช็อต!!")
add("th-complaint", f"อีเมลผม {E('somkid.j at gmail dot com')} ครับ ส่งใบกำกับมาด้วย เลขที่ IV6811-0023")
add("th-complaint", f"คืนเงินเข้าออมสินได้ไหมคะ เลขบัญชี {B((lambda a: a[:4] + '-' + a[4:8] + '-' + a[8:])(redact_cases.not_luhn(12, '0')))} "
    f"ชื่อ ปราณี ยอด 7,500 ค่ะ")

neg("th-neg", "โทรไป 5 รอบแล้ว เลขที่แจ้งเรื่อง 20251121-0042 ออเดอร์ SO-2025-11873 ไม่มีใครรับสายตั้งแต่ 14 พ.ย.")
neg("th-neg", "อินเวอร์เตอร์ SUN-10K-SG04LP3-EU ขึ้น error F56 ทุกวันช่วง 11:00 ถึง 14:30 น.")
neg("th-neg", "จ่ายไป 189,000 บาท เมื่อ 02/11/2568 แผง 550 W 12 แผ่น รวม 6.6 kWp ยังไม่มาติด")
neg("th-neg", "ที่อยู่ 88/14 ม.6 ต.หนองปรือ อ.บางละมุง จ.ชลบุรี 20150 มาก่อน 10 โมงนะคะ")
neg("th-neg", "วันที่ 3 พ.ย. ได้ 21.4 หน่วย วันที่ 4 พ.ย. ได้ 9.8 หน่วย แดดเท่ากัน ระบบ 5 kW เหมือนเดิม")
neg("th-neg", "ใบแจ้งหนี้ INV-2568/0412 คิด 9,800 ค่าแผง 2 แผ่นที่ไม่ได้ส่ง คืนเข้าบัตรที่ลงท้าย 4821")
neg("th-neg", "เลขมิเตอร์ 045120 วันที่ 1 พ.ย. 045190 วันที่ 25 พ.ย. ใช้ไปแค่ 70 หน่วย")
neg("th-neg", "แบต 51.2 V 200 Ah 10.24 kWh รุ่น LUNA2000-10-S0 ซีเรียล 2107459812AB")
neg("th-neg", "เลขพัสดุ TH0123456789A ของแฟลช ขึ้นว่าส่งแล้ว 12/11 แต่ไม่ได้รับของ")
neg("th-neg", "ช่วยให้คุณสมศักดิ์หรือคุณพลอยโทรกลับ รู้เรื่องดีตั้งแต่ ต.ค. 2568")
neg("th-neg", "ใบเสนอราคา QT-6627 145,000 สำหรับ 8.2 kWp ใบใหม่ 162,500 รวมค่าเปลี่ยนมิเตอร์ 17,500")
neg("th-neg", "โทร 1129 การไฟฟ้าบอกว่าคำขอมิเตอร์สองทาง เลขที่ 6712004581 ยังรออนุมัติ")
neg("th-neg", "เฟิร์มแวร์ 1.0.8 แล้วก็ 1.2.3.4 ยังเหมือนเดิม บิลด์ 20251104")
neg("th-neg", "บ้านเลขที่ 120/7 ซ.88 หัวหิน 77110 หลังที่สองถัดจากเซเว่น")
neg("th-neg", "หลังคา 95 ตร.ม. ไม่ใช่ 60 ตร.ม. หันทิศตะวันตกเฉียงใต้ เอียง 15 องศา")
neg("th-neg", "สายไฟ 4 ตร.มม. เบรกเกอร์ 32 A 2 สตริง สตริงละ 6 แผง Voc 49.5 V")
neg("th-neg", "เคส 8812 ปิดเรื่องวันที่ 25/11/2568 เวลา 16:42 น. โดยไม่มีใครมา")
neg("th-neg", "ขอคืน 50% มัดจำ 56,700 บาท วันที่ 2 ต.ค. ช้าไป 3 อาทิตย์ ค่าปั่นไฟ 21 วัน x 1,200")
neg("th-neg", "แอร์ 18,000 BTU รุ่น FTKM18 ติดวันที่ 1/9/2568 รั่วตั้งแต่ 3/9")
neg("th-neg", "ใบสั่งซื้อ PO 4500123456 อินเวอร์เตอร์ 15 kW 2 ตัว อนุมัติ 15.10.2568 ส่งสัปดาห์ที่ 47")
neg("th-neg", "ใบงาน 2025-0387 ทีมช่าง B3 มาครั้งที่ 3 จาก 4 ครั้ง สาย 2 ชั่วโมงทุกครั้ง")
neg("th-neg", "ที่ชาร์จ EV บอก 7.4 kW แต่ชาร์จได้ 3.6 kW 16 A แทนที่จะเป็น 32 A")
neg("th-neg", "หมู่บ้านศุภาลัย ม.5 ต.บางพูด อ.ปากเกร็ด จ.นนทบุรี 11120 ซอย 7 หลังที่ 12")
neg("th-neg", "รับประกันแผง 25 ปี อินเวอร์เตอร์ 10 ปี งานติดตั้ง 5 ปี สัญญาเลขที่ 2025/118 หน้า 4")
neg("th-neg", "รอสายตั้งแต่ 11:05 ถึง 13:10 รวม 2 ชั่วโมง 5 นาที เลขอ้างอิงการโทร 771-2040-556")

# =============================== Chinese ===============================
c = cnmob()
add("zh-complaint", f"你好，我要投诉！11月14号你们的安装师傅来装了12块板就走了，逆变器一直报错28，打客服电话也没人接。订单号SO-2025-11873，"
    f"已经全款付了189,000泰铢。请今天打我电话{P(cnmob_sp(c, '-'))}，不要再拖了。")
m = thmob()
add("zh-complaint", f"太失望了。预约周六上午9点半上门勘测，等到下午1点没人来，也没打电话。我老婆专门请了一天假。工单号44817。"
    f"我的泰国手机{P(sp3(m))}，邮箱{E('zhangwei_bkk@163.com')}。")
c = cnmob()
add("zh-complaint", f"上海市浦东新区张江路88弄12号601室，我家5千瓦的系统昨天只发了9.8度电，上个月晴天有21.4度。请派人来看看。"
    f"联系人王经理，手机{P(zhnum(c))}。")
c = cnmob()
add("zh-complaint", f"你们的师傅踩碎了两块瓦，还把水槽弄坏了（照片发了6张）。要么退我4,500铢，要么30号之前修好，不然尾款45,000我不付。"
    f"联系我{P(c[:2] + ' ' + c[2:6] + ' ' + c[6:])}，或者加微信{W('chen_' + 'zong' + d(3))}。")
c = cnmob()
add("zh-complaint", f"为什么一直打不通？？从周一到现在打了7次。逆变器SUN-8K-SG01LP1整晚都在响，根本睡不着。"
    f"赶紧回电{P('+86 ' + c[:3] + '-' + c[3:7] + '-' + c[7:])}！！！")
c = cnmob()
add("zh-complaint", f"太离谱了，报价单QT-6627说3天，现在都3个星期了。10月2号付了30%定金56,700泰铢。周五之前不来装就退款，"
    f"退到我的工商银行卡{B(groups4(cnacct('6222', 19)))}，户名李娜。电话{P('0086 ' + cnmob_sp(c))}。")
m = thmob()
add("zh-complaint", f"投诉发票INV-2568/0412：两块550W的板子根本没送到，却收了9,800铢。开税票用我的身份证号"
    f"{CN(cnid())}，电话{P(dash3(m))}。")
c = cnmob()
add("zh-complaint", f"我是外国人住在华欣，88巷120/7号。你们销售说有中文客服，结果打过去没人会说中文。签合同的时候复印了我的护照"
    f"{PP(passport_cn())}，请删掉。电话{P(cnmob_sp(c))}，邮箱{E('liu.yang88@qq.com')}。")
add("zh-complaint", f"我在悉尼给你们写信，我爸妈在乌隆他尼的房子3月装了你们的系统。电池（10度，型号LUNA2000-10-S0）每天早上都显示0%。"
    f"悉尼时间晚上6点以后打我{P('+61 ' + au())}（泰国下午2点）。")
add("zh-complaint", f"投诉！！11月3号刷卡{C(groups4(card('6', 16)))}买智能门锁3,290铢，结果被扣了两次。订单号#SL-77120，"
    f"请退回第二笔。")
c = cnmob()
add("zh-complaint", f"我们在甲米开了个小度假村（24间房），你们装的20千瓦系统从10月26号就坏了，每天发电机要烧1,200铢的油。"
    f"负责人陈总，{P('+86-' + c)}，{E('chen.resort@126.com')}")
c = cnmob()
add("zh-complaint", f"监控4个摄像头200万像素，5天前就不录像了。能登录录像机{IP(ip4())}，但是显示硬盘错误。打{P(cnmob_sp(c))}找刘工。")
m = thmob()
add("zh-complaint", f"2025年11月12日10点40分，你们公司的货车撞坏了我家围墙（清迈杭东县班旺乡4村55/2号），司机不肯说名字。要求赔偿8,000铢。"
    f"我的泰国身份证{T((lambda t: t[:1] + '-' + t[1:5] + '-' + t[5:10] + '-' + t[10:])(thid()))}，电话{P(dash3(thmob()))}。")
c = cnmob()
add("zh-complaint", f"12,400泰铢的退款还没到，订单6610-2231。你们客服又问我要账号，这是第四次了：招商银行"
    f"{B(cnacct('6214', 16))}。12月5号之前不退我就去消协投诉。{P(c[:3] + ' ' + c[3:7] + ' ' + c[7:])}")
add("zh-complaint", f"我的邮箱是{E('wangfang 艾特 163 点 com')}（你们的表单不让输入@，一直说格式不对！！）请把6千瓦逆变器的保修卡发给我，"
    f"序列号ES2207AA1093。")
c = cnmob()
add("zh-complaint", f"APP（2.3.1版）每5分钟就把我踢出去，重装了3次。iPhone 13，iOS 17.4。注册邮箱{E('zhou.min@foxmail.com')}，"
    f"手机{P(c[:3] + '.' + c[3:7] + '.' + c[7:])}。")
c = cnmob()
add("zh-complaint", f"报价是8.2千瓦145,000，发票却是162,500，多出来的17,500换电表的钱没人跟我说过。我要找经理。"
    f"电话{P(c[:3] + ' ' + c[3:5] + ' ' + c[5:8] + ' ' + c[8:])}")
add("zh-complaint", f"我在日本打工，我妈一个人住清迈（素贴乡3村199号，邮编50200），太阳能水泵不启动。我的号码{P('+81 ' + jp())}，"
    f"照顾我妈的阿姨{P(dash3(thmob()))}。")
c = cnmob()
add("zh-complaint", f"服务太差了。昨天等了2个小时（11:05到13:10）。你们装的空调（18,000 BTU变频）漏水滴到沙发上。"
    f"姓名：赵女士，手机{P('(+86) ' + cnmob_sp(c))}。")
add("zh-complaint", f"回复工单20251104-0087：又问我资料。电话{P(cnmob_sp(cnmob(), '-'))}，邮箱{E('li.xiaohong@sina.com')}，"
    f"地址：北京市朝阳区建国路93号万达广场8号楼1502。")
c = cnmob()
add("zh-complaint", f"电池鼓包了！！有着火的危险，48V 100Ah，买了14个月，你们卖给我的2,500延保才过了2个月。"
    f"马上打{P(c[:4] + '-' + c[4:8] + '-' + c[8:])}")
c = cnmob()
add("zh-complaint", f"我人在国内，芭提雅的房子装了你们的系统，11月20号以后监控一直是0瓦。国内手机{P(cnmob_sp(c))}，"
    f"泰国号{P(thmob())}（我妹妹接）。")
c = cnmob()
add("zh-complaint", f"为什么一定要在LINE上发身份证照片？不安全。我直接打字：{CN((lambda x: x[:6] + ' ' + x[6:14] + ' ' + x[14:])(cnid()))}，"
    f"用完请删除。电话{P(c)}。")
c = cnmob()
add("zh-complaint", f"投诉你们的销售小王：把我的电话{P(cnmob_sp(c))}给了贷款公司，现在每天5个骚扰电话。我只是要了个3千瓦的报价Q-1189。")
c = cnmob()
add("zh-complaint", f"订了两个充电桩（7千瓦和11千瓦），订单4471-B，说好11月18号9-12点送货，人呢？"
    f"联系物业{P(cnland('021'))}，或者我{P(fw(c))}。")
add("zh-complaint", f"信用卡被重复扣款，卡号{C(' '.join((lambda c: (c[:4], c[4:8], c[8:12], c[12:]))(card('62', 16))))}，"
    f"有效期09/28，金额4,890铢x2，11月21号。")
c = cnmob()
add("zh-complaint", f"我的号码已经说了5遍了：{P(zhnum(c[:3]) + ' ' + zhnum(c[3:7]) + ' ' + zhnum(c[7:]))}，记下来！")
add("zh-complaint", f"我的微信号{W('sunny_' + d(4) + 'bkk')}，加我，工作忙电话经常接不了。3千瓦的系统每天下午3点左右跳闸（32A）。")
c = cnmob()
add("zh-complaint", f"热泵热水器（3.5千瓦）漏水，保修卡号WH-22081。我叫张伟，泰国手机{P(dash3(thmob()))}，国内{P('+86 ' + c)}。")
c = cnmob()
add("zh-complaint", f"请升级处理。工单8812没修好就关了。电表11月1号读数04512，25号04519，25天才7度，5千瓦的系统？？"
    f"联系：{P('86-' + cnmob_sp(c, '-'))}")
c = cnmob()
add("zh-complaint", f"可以打我老公{P(c)}或者我{P(cnmob_sp(cnmob()))}，我们都上夜班。地址：广东省深圳市南山区科技园南区高新南七道18号，"
    f"邮编518057。")
add("zh-complaint", f"合同写的是25年质保，现在你们说10年。我签合同用的护照号{PP(passport_cn())}，PDF还在。我的邮箱：{E('HUANG.LEI@QQ.COM')}")
c = cnmob()
add("zh-complaint", f"非常生气。6个月修了4次，一点用没有。逆变器SG5.0RS，序列号A2231190874。我要全额退款210,000铢。"
    f"电话：{P(c[:3] + '/' + c[3:7] + '/' + c[7:])}")
c = cnmob()
add("zh-complaint", f"安装师傅给了我他的私人号码{P(c[:3] + ' ' + c[3:5] + ' ' + c[5:7] + ' ' + c[7:9] + ' ' + c[9:])}，现在也不接了。什么公司啊。"
    f"工单号2025-0387。")
add("zh-complaint", f"请退款到我的中国银行账户，账号{B(cnacct('6216', 19))}，户名周杰。金额3,250.00（传感器2个，每个1,625）。")
add("zh-complaint", f"我用微信不用LINE：{W('wxid_' + 'zm' + d(6))}。我泰语不好。6千瓦逆变器晚上很吵，大概45分贝。")
c = cnmob()
add("zh-complaint", f"勘测的人量屋顶60平米，实际95平米，现在报价是6千瓦不是10千瓦，请改过来。电话{P(fw(cnmob_sp(c, '-')))}")
add("zh-complaint", f"发票请发给我们公司的会计{E('caiwu@sz-huaxin.com.cn')}，不要发给我。采购单PO-24-0915，15千瓦逆变器两台。")
c = cnmob()
add("zh-complaint", f"我替我父亲写的，他78岁，一个两口之家被卖了15千瓦的系统。他的身份证{CN(cnid())}，我的电话{P(cnmob_sp(c))}，"
    f"我们要在7天内退订。")
add("zh-complaint", f"监控平台是公开的！谁都能用admin/admin登录http://{IP(ip4())}:8080看我的数据，赶紧修。")
c = cnmob()
add("zh-complaint", f"你们换了配电箱以后灯一直闪，坏了3个LED驱动（每个12瓦）。联系我：{E('tan.jiahui@gmail.com')}，"
    f"新加坡{P('+65 ' + r.choice('89') + d(3) + ' ' + d(4))}，泰国号{P(dash3(thmob()))}")
c = cnmob()
add("zh-complaint", f"我的手机号是{P(zhnum(c))}，语音输入的，不好意思。5千瓦的系统全屋断电了，快来人！")
c = cnmob()
add("zh-complaint", f"台灣客戶投訴：太陽能板裝好兩個月就壞了3片，聯絡電話{P('+886 9' + d(2) + ' ' + d(3) + ' ' + d(3))}，"
    f"電郵{E('chen.yuting@gmail.com')}，請儘快處理。")
add("zh-complaint", f"香港客人陳生，電話{P('+852 ' + r.choice('569') + d(3) + ' ' + d(4))}，喺芭提雅嘅別墅冷氣壞咗3日，"
    f"麻煩安排師傅。")
c = cnmob()
add("zh-complaint", f"李女士投诉：充电桩装好后跳闸，电工说线太细（4平方）。她的手机{P(cnmob_sp(c))}，"
    f"家住杭州市西湖区文三路478号华星时代广场A座1203。")
c = cnmob()
a = cnacct('6217', 19)
add("zh-complaint", f"退款请打到建设银行{B(a[:6] + ' ' + a[6:12] + ' ' + a[12:])}，户名何静。退的是多收的安装费1,850铢，"
    f"11月8号交的。")
c = cnmob()
add("zh-complaint", f"我的泰国身份证是{T((lambda t: t[:1] + '-' + t[1:5] + '-' + t[5:10] + '-' + t[10:])(thid()))}，"
    f"开税票要用。电话{P(c[:3] + '-' + c[3:7] + '-' + c[7:])}")
m = thmob()
add("zh-complaint", f"刘先生（美国籍）让我转达：他的电话{P('+1-' + r.choice(['415', '646']) + '-' + r.choice('2345678') + d(2) + '-' + d(4))}，"
    f"在曼谷的号码{P('+66 ' + m[1:])}，他的房子在是隆路，空调装歪了。")
c = cnmob()
add("zh-complaint", f"之前留的电话错了，应该是{P(cnmob_sp(c))}不是139开头那个。邮箱没变{E('yang_xue2020@126.com')}")
add("zh-complaint", f"你们客服让我发银行卡号退款，农业银行{B(cnacct('6228', 19))}，户名吴敏，退款金额5,600泰铢，"
    f"订单号2025112800173。")
c = cnmob()
add("zh-complaint", f"逆变器装在卧室外墙上，嗡嗡响，晚上40多分贝，孩子睡不着。要求移位！王先生{P(c)}，曼谷素坤逸77巷The Base公寓1205。")
add("zh-complaint", f"投诉邮件已发到support，没回复。我的邮箱{E('mr.gao(at)outlook(dot)com')}，请回复处理进度。")
c = cnmob()
add("zh-complaint", f"物业说你们施工把电梯划了，要我赔3,000。这不是我的责任！请你们负责人联系物业张经理{P(cnland('0755'))}，"
    f"我的电话{P('+86 ' + c[:3] + ' ' + c[3:7] + ' ' + c[7:])}。")
c = cnmob()
add("zh-complaint", f"我是做外贸的，微信{W('tradeLi_' + d(3))}，电话{P(cnmob_sp(c))}，身份证{CN(cnid())}，要开增值税专票，"
    f"公司在宁波市鄞州区天童南路588号。")

add("zh-complaint", f"身份证号：{CN(fw(cnid()))}（手机全角输入），开发票用，其他不要乱用。")
add("zh-complaint", f"公司座机{P(fw('021-' + r.choice('5678') + d(7)))}，白天有人，周末不在。屋顶那2块板还没换！")
c = cnmob()
add("zh-complaint", f"陳小姐投訴：冷氣安裝師傅遲到3小時，電話{P(c[:3] + ' ' + c[3:7] + ' ' + c[7:])}，請回覆。")
add("zh-complaint", f"我的护照号码是{PP('G' + d(8))}（旧护照），新护照还没办下来，合同先用旧的。")
add("zh-complaint", f"邮箱{E('xiaoyu 艾特 qq 点 com')}，把保修条款发我，25年那个。")

neg("zh-neg", "打了5次客服电话，工单20251121-0042，订单SO-2025-11873，从11月14号到现在没人接！")
neg("zh-neg", "逆变器SUN-10K-SG04LP3-EU每天11:00到14:30之间报F56错误。")
neg("zh-neg", "2025年11月2日付了189,000泰铢，12块550瓦的板，一共6.6千瓦，到现在还没装。")
neg("zh-neg", "地址：上海市浦东新区张江路88弄12号601室，邮编201203，请10点前到。")
neg("zh-neg", "11月3号发了21.4度，4号只有9.8度，一样的太阳，一样的5千瓦系统。")
neg("zh-neg", "发票INV-2568/0412多收了9,800，两块板没送，退到尾号4821的卡上。")
neg("zh-neg", "电表读数11月1日045120，25日045190，才用了70度。")
neg("zh-neg", "电池51.2V 200Ah，10.24度，型号LUNA2000-10-S0，序列号2107459812AB。")
neg("zh-neg", "顺丰单号SF1234567890123，显示11月12号已签收，但我没收到。")
neg("zh-neg", "请王经理或者刘工给我回电话，他们从10月就知道这个事。")
neg("zh-neg", "报价单QT-6627是145,000，8.2千瓦；新的是162,500，包括17,500换表费。")
neg("zh-neg", "打了电力局1129，说双向电表申请编号6712004581还在审批。")
neg("zh-neg", "固件1.0.8升到1.2.3.4还是一样的问题，版本号20251104。")
neg("zh-neg", "广东省深圳市南山区科技园南区高新南七道18号，邮编518057，3楼前台。")
neg("zh-neg", "屋顶95平米不是60平米，朝西南，倾角15度。")
neg("zh-neg", "线径4平方，空开32A，2串每串6块板，开路电压49.5V。")
neg("zh-neg", "工单8812在2025年11月25日16:42关闭，根本没人来过。")
neg("zh-neg", "要求退一半：10月2日定金56,700泰铢，晚了3个星期，发电机21天x1,200。")
neg("zh-neg", "空调18,000 BTU，型号FTKM18，2025年9月1日装的，9月3日开始漏水。")
neg("zh-neg", "采购单PO 4500123456，15千瓦逆变器2台，2025.10.15批的，第47周交货。")
neg("zh-neg", "工单号2025-0387，B3组师傅，4次来了3次，每次迟到2小时。")
neg("zh-neg", "充电桩标7.4千瓦，实际只有3.6千瓦，16A不是32A。")
neg("zh-neg", "陈总说下周三下午3点到5点之间来，带2个师傅和1台吊车。")
neg("zh-neg", "质保：组件25年，逆变器10年，安装5年，合同编号2025/118第4页。")
neg("zh-neg", "从11:05等到13:10，整整2小时5分钟，来电编号771-2040-556。")

# Missed when the set was first measured (and the hard negatives then redacted) are kept, and
# measured, as TODO cases until a general rule gets them right (docs/redaction.md, the fourteenth
# fresh set): a mobile number in groups no usual shape has, with no phone word near (`โพสต์ลงเพจ
# 092-46-865-48`). The blind run's other seven misses (`马上打1863-5368-924` since the fifteenth set:
# right after 打, to call, a number is a phone's), its false positive and the four values it gave the
# wrong type or extent are right now.
KNOWN_MISS_STARTS = ("ไม่พอใจมาก!!! มาติดแอร์",)
write(sys.argv[1], """# Fourteenth fresh set of redaction cases (bench/gen-redact-fresh14.py), written before the
# redactor was run on it: about sixty messages with values and twenty-five hard negatives per
# language (categories en-, th-, zh-), long complaint messages that give their values among the
# many numbers of their case (orders, tickets, invoices, amounts, dates, times, kW and kWh, models,
# house numbers, postcodes), next to names with their titles, foreigners' names in Thai script and
# Thai and Chinese postal addresses (which stay: not promised); values split in odd places, Thai IDs
# with dashes in odd places, Chinese numerals with 〇, Thai and full-width digits, numbers said,
# addresses spelled out, the international forms of foreign customers and of Thais abroad (+66,
# 0066, +66 (0), +86, 0086, +1, +44, +61, +81, +82, +49, +7, +39, +65, +852, +886); hard negatives
# of the same complaints. Same format as redact.tests (`INPUT ⇒ EXPECTED`, `=` for unchanged); run
# by tests/plugins/test-redact-golden.c (test redact-golden-fresh14: the cases of [known-miss] are
# TODO while they leak) and measured by `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh14.tests`.
""",
      lambda text, expected: text.startswith(KNOWN_MISS_STARTS))
