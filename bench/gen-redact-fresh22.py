#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh22.tests: a twenty-second fresh set of redaction cases, written before
any run of the redactor on it. Long, natural customer messages in English, Thai and Chinese
(categories `en-`, `th-`, `zh-`) where the personal data is one detail among many: a customer
describes their house, their electricity bill and when they are at home, and somewhere in it gives
a phone number, an e-mail address, a LINE or WeChat id, a national ID, a card or a bank account for a
deposit or a refund:

- in the middle of a sentence, with Thai or Chinese particles glued to the value (`โทร0812345678นะคะ`,
  `电话是13812345678哦`, `เบอร์ 081-234-5678 ค่ะ`), at the very start or the very end of the message,
  in parentheses or quotes, and two values of one kind in one message (a husband's and a wife's
  numbers, two e-mail addresses);
- hard negatives that live in such messages: bills, kW and kWh, sizes, areas, dates, times, house
  numbers and sois, postcodes, prices with and without separators, percentages, and runs of digits
  that are not values of a type the redactor claims (meter, order, model, invoice numbers and the
  electricity bill's account number, which docs/redaction.md says is none of its types).

A message is one line. Values have valid checksums (Thai ID mod 11 with a real province, Luhn for
cards, MOD 11-2 for Chinese IDs); bank accounts fail Luhn so that they are not also cards.

    bench/gen-redact-fresh22.py tests/data/redact-fresh22.tests
"""
import sys

from redact_cases import B, C, CN, E, L, P, T, W, acct, acct_dashed, add, bkk, bkk_dash, card, cnacct, cnid, cnmob, \
    cnmob_sp, d, dash3, groups4, neg, sp3, start, thid_dashed, thmob, write
from redact_cases import thid_province as thid

r = start(20261922)

# Sentences about the house, the bill and the schedule that surround the values; their numbers are
# the hard part: none of them is personal data.
EN_F = [
    "Our house is a two-storey townhouse, about 180 sqm, and the roof faces south.",
    "Last month's bill was 4,870 baht for 1,032 kWh, in May it was 3850.",
    "We're usually home after 6pm on weekdays, Saturday 9-12 works too.",
    "The address is 59/12 Soi Sukhumvit 101/1, Bang Chak, Phra Khanong, Bangkok 10260.",
    "I'm thinking 5kW or maybe 7.5 kW with a 10 kWh battery.",
    "The meter is a 15(45) A single phase one.",
    "Budget is around 150k-200k THB and we can pay a 30% deposit.",
    "My neighbour at no. 88/245 put in 6.6kW last year and his bill dropped 40%.",
    "The roof is metal sheet, 12 x 8 m, about 15 degrees.",
    "We run two 18000 BTU aircons most of the day and a 2.2 kW water pump.",
    "The house was built in 2012 and the roof was redone on 14/03/2023.",
    "Ideally the install would be before 20 Dec, any day 08:30-16:00.",
    "The village is Perfect Place Ratchapruek, phase 3, house 199/74.",
    "We're on the TOU rate, peak 5.7982 baht per unit.",
]
TH_F = [
    "บ้านเป็นทาวน์เฮาส์ 2 ชั้น พื้นที่ประมาณ 180 ตร.ม. หลังคาหันทิศใต้",
    "ค่าไฟเดือนที่แล้ว 4,870 บาท ใช้ไป 1,032 หน่วย",
    "ปกติอยู่บ้านหลัง 6 โมงเย็น เสาร์อาทิตย์สะดวก 9.00-12.00 น.",
    "บ้านเลขที่ 59/12 ซอยสุขุมวิท 101/1 แขวงบางจาก เขตพระโขนง กทม. 10260",
    "สนใจขนาด 5kW หรือ 7.5 kW พร้อมแบต 10 kWh",
    "มิเตอร์ 15(45) แอมป์ 1 เฟส",
    "งบประมาณ 150,000-200,000 บาท มัดจำได้ 30%",
    "บ้านข้างๆ เลขที่ 88/245 ติด 6.6kW ไปเมื่อปีที่แล้ว ค่าไฟลดไป 40%",
    "หลังคาเมทัลชีท ขนาด 12 x 8 เมตร",
    "เปิดแอร์ 18000 BTU สองเครื่องเกือบทั้งวัน",
    "บ้านสร้างปี 2555 เปลี่ยนหลังคาเมื่อ 14/03/2566",
    "อยากให้ติดตั้งก่อน 20 ธ.ค. ช่วง 08.30-16.00 น.",
    "หมู่บ้านพฤกษา 29 ซอย 7 ถนนลำลูกกา คลองสาม ปทุมธานี 12150",
    "ใช้มิเตอร์ TOU ค่าไฟช่วง on peak หน่วยละ 5.7982 บาท",
]
ZH_F = [
    "我家是两层的联排别墅，大概180平方米，屋顶朝南。",
    "上个月电费4,870泰铢，用了1032度电。",
    "工作日晚上6点以后在家，周六上午9点到12点也可以。",
    "地址是曼谷素坤逸路101/1巷59/12号，邮编10260。",
    "想装5kW或者7.5千瓦的，再加一个10度的电池。",
    "电表是15(45)A单相的。",
    "预算15万到20万泰铢，可以先付30%定金。",
    "隔壁88/245号去年装了6.6kW，电费省了40%。",
    "屋顶是彩钢瓦，12米乘8米，坡度大概15度。",
    "家里两台18000 BTU的空调白天一直开着。",
    "房子是2012年建的，2023年3月14日换过屋顶。",
    "最好12月20号之前装，上午8:30到下午4点都行。",
    "我们在清迈杭东区，离机场大概15公里。",
    "电价是峰谷电价，高峰时段每度5.7982泰铢。",
]


def f(pool, k=1):
    """@k sentences of @pool, not the same twice."""
    return " ".join(r.sample(pool, k))


def en(v):
    return f"{f(EN_F)} {v} {f(EN_F)}"


def th(v):
    return f"{f(TH_F)} {v} {f(TH_F)}"


def zh(v):
    return f"{f(ZH_F)}{v}{f(ZH_F)}"


def user(base):
    return base + r.choice(["", ".", "_"]) + r.choice(["k", "s", "j", "p", "w", "t"]) + d(2)


def lineid(base):
    return base + r.choice(["_", ".", ""]) + d(r.choice([2, 4]))


def dash24(m):
    return m[:2] + "-" + m[2:6] + "-" + m[6:]


def intl(m):
    return "+66 " + m[1:3] + " " + m[3:6] + " " + m[6:]


MAIL = ["gmail.com", "hotmail.com", "yahoo.com", "outlook.co.th", "icloud.com"]
CNMAIL = ["qq.com", "163.com", "126.com", "foxmail.com", "gmail.com"]


def mail(base, doms=MAIL):
    return user(base) + "@" + r.choice(doms)


# =============================== English ===============================
# -- phone numbers in a long message
add("en-phone", en(f"Best to call me on {P(dash3(thmob()))} after work, my wife picks up during the day."))
add("en-phone", f"{P(thmob())} is my mobile, {f(EN_F, 2)} Please text first, I'm in meetings a lot.")
add("en-phone", f"{f(EN_F, 2)} You can reach me at {P(sp3(thmob()))}")
add("en-phone", en(f"my number ({P(dash3(thmob()))}) is also on LINE if that's easier."))
add("en-phone", en(f"Call \"{P(thmob())}\" and ask for Khun Som, that's my mum who is home all day."))
add("en-phone", en(f"My number is {P(thmob())}, my husband's is {P(dash3(thmob()))}, either is fine."))
add("en-phone", en(f"phone: {P(intl(thmob()))} (I'm abroad until the 15th, WhatsApp is best)"))
add("en-phone", en(f"The site contact is our maid, tel {P(dash24(thmob()))}, she speaks Thai only."))
add("en-phone", f"Hi, {f(EN_F)} {f(EN_F)} Thanks, Anan {P(dash3(thmob()))}")
add("en-phone", en(f"For the survey call the office on {P(bkk_dash(bkk()))} ext. 204 or my mobile {P(sp3(thmob()))}."))
add("en-phone", en(f"Sorry I gave the wrong number yesterday, it's {P(thmob())} not {P(thmob())}."))
add("en-phone", en(f"call me pls ({P(thmob())}) or leave a msg"))
add("en-phone", en(f"mob {P('0' + thmob()[1:3] + ' ' + d(4) + ' ' + d(3))} any time before 9pm"))
add("en-phone", en(f"I'm Tom, 42, my phone is {P(dash3(thmob()))}."))
# -- e-mail addresses
add("en-email", en(f"Please send the quotation to {E(mail('somchai'))} and cc my wife {E(mail('nid'))}."))
add("en-email", f"{E(mail('david'))} is the best way to reach me. {f(EN_F, 2)}")
add("en-email", f"{f(EN_F, 2)} My email: {E(mail('peter'))}")
add("en-email", en(f"email me the brochure (my email is {E(mail('laura'))}) and the warranty terms."))
add("en-email", en(f"My work email \"{E(user('k.prasert') + '@siamsteel.co.th')}\""
    f" blocks attachments, use {E(mail('prasert'))}."))
add("en-email", en(f"Invoice should go to our accountant at {E(user('acc') + '@baanthai-dev.com')}, thanks."))
add("en-email", en(f"I already emailed you from {E(mail('jenny'))} last Tuesday with the photos."))
# -- LINE and WeChat
add("en-chat", en(f"Add me on LINE: {L(lineid('benz'))} and I'll send pictures of the roof."))
add("en-chat", en(f"my line id is {L(lineid('noknoi'))} (not the phone number one)"))
add("en-chat", f"{f(EN_F, 2)} LINE {L(lineid('ploy'))}")
add("en-chat", en(f"My Chinese partner only uses WeChat, his id is {W('chen_' + d(4))}."))
add("en-chat", en(f"line: {L(lineid('kittipong'))}, phone {P(dash3(thmob()))}, whichever you prefer."))
# -- IDs, cards and accounts for a deposit, refund or the contract
add("en-id", en(f"For the contract my ID card number is {T(thid())} and the house is in my name."))
add("en-id", en(f"For the PEA paperwork here's my ID {T(thid_dashed(thid()))}, my wife's is {T(thid_dashed(thid()))}."))
add("en-id", en(f"(ID: {T(thid_dashed(thid(), ' '))}) for the net metering application"))
add("en-pay", en(f"I paid the 30% deposit by card {C(groups4(card()))} this morning, please check."))
add("en-pay", en(f"Please refund the 5,000 baht to my Kasikorn account {B(acct_dashed())}, name Anan W."))
add("en-pay", en(f"Transfer the refund to SCB account no. {B(acct())} please, not the card."))
add("en-pay", en(f"charge the deposit to my Visa {C(card())} and the rest on install day"))
add("en-pay", en(f"Bangkok Bank a/c {B(acct_dashed())} (savings) is where the refund should go."))
# -- several kinds in one message
add("en-multi", en(f"Name: Somsak P., tel {P(dash3(thmob()))}, email {E(mail('somsak'))}, LINE {L(lineid('somsak'))}."))
add("en-multi", f"{f(EN_F, 2)} Contact me at {E(mail('mike'))} or {P(thmob())}"
    f", and my ID for the contract is {T(thid())}")
add("en-multi", en(f"my details - phone {P(sp3(thmob()))} / email {E(mail('ann'))} / ID {T(thid_dashed(thid()))}"))
add("en-multi", en(f"You can call me ({P(dash3(thmob()))})"
    f" or my son ({P(dash3(thmob()))}), or email {E(mail('wichai'))}."))

# -- more long messages, values among the details
add("en-more", en(f"We got your flyer, my mobile is {P(thmob())} and my LINE is the same number."))
add("en-more", en(f"Text me at {P(dash3(thmob()))}; if no answer, try my brother Krit at {P(dash3(thmob()))}."))
add("en-more", f"{E(mail('natt'))} / {P(dash3(thmob()))} - {f(EN_F, 2)}")
add("en-more", en(f"I'd like the survey on Sat 6 Dec, 10:00, the gate code is 2580,"
    f" call {P(sp3(thmob()))} when you arrive."))
add("en-more", en(f"Reply to both {E(mail('james'))} and {E(mail('suda'))} please, we decide together."))
add("en-more", en(f"(mobile {P(thmob())}, LINE {L(lineid('joe'))})"))
add("en-more", f"{f(EN_F, 2)} Cheers, Paul - {E(mail('paul'))} - {P(intl(thmob()))}")
add("en-more", en(f"I can send a copy of my ID card, the number is {T(thid_dashed(thid()))}, and the house book."))
add("en-more", en(f"deposit paid from my Krungthai account {B(acct_dashed())} at 14:05 today, slip attached"))
add("en-more", en(f"my email's {E(mail('tanya'))}, and WeChat {W('tanya_' + d(4))} for my Chinese husband"))
add("en-more", en(f"our old installer's number was {P('02-123-4567')} but mine is {P(dash3(thmob()))}"))
add("en-more", en(f"Khun Lek (site manager) {P(dash3(thmob()))}, Khun Dam (electrician) {P(sp3(thmob()))}."))
add("en-more", en(f"{P(thmob())} (me) and {P(thmob())} (my wife), both on LINE too."))
add("en-more", en(f"my card ending... actually full number {C(card('5'))} for the 10,000 booking fee"))

# -- hard negatives: the same kind of message, with numbers that are no one's data
neg("en-neg", f"{f(EN_F, 3)}")
neg("en-neg", f"{f(EN_F, 3)}")
neg("en-neg", f"{f(EN_F, 3)}")
neg("en-neg", f"{f(EN_F)} The PEA meter no. is {d(8)} and the CA No. is 0200{d(8)}. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} My order #{'08' + d(8)} from last week still hasn't shipped. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} The inverter is a SUN2000-10KTL-M1 and the panels are 550W, 36 of them. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} Your quote QT-2025-{d(5)} said 185,000 baht, the other company said 172500. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} Invoice {d(10)} was paid on 28/11/2025 at 14:32, total 62,500.00 THB. {f(EN_F)}")
neg("en-neg", f"Bill for October: 5,214.35 baht, 1,187 units, due 15/11/2025. {f(EN_F, 2)}")
neg("en-neg", f"{f(EN_F, 2)} My electricity account number is 0200{d(8)}, the bill is in my dad's name.")
neg("en-neg", f"{f(EN_F)} The roof area is 96 m2 (12 x 8), we need about 20 panels at 2,279 x 1,134 mm. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} Savings would be 2,400-2,900 baht a month, payback 5.5 years, ROI 18%. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} Our condo is at 1550/88 Rama 9 Road, 21st floor, room 2108, Bangkok 10310. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} The serial on the old inverter is {'SN' + d(10)} and it was made 2019-06-12. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} Tracking TH{d(12)} says delivered at 10:45 but nothing came. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} I can pay 50,000 now and 135000 after, or 3 x 61,667. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} We use about 35 kWh a day, 1050 a month, peak load 6.8 kW at 19:00. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} The EV charger is 7.4 kW, 32 A, and the car battery 60.48 kWh. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} Call me back please, I don't have LINE and my email is down. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} The model number on the AC is FTKC18TV2S 2019 and it draws 1,650 W. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} My customer no. is {d(10)} on the app, the account shows 3 bills unpaid. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} Between 2020 and 2024 our bills went from 2,100 to 4,870 (+132%). {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} Room 5/1 is on the 2nd floor, the breaker panel has 12 slots, 63 A main. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} The app shows 0.81 kW now, 12.34 kWh today, 5678 kWh since 2023. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} Moo 4, Soi 18/2, km 27 on Route 3344, the 3rd house after the 7-Eleven. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} Postcode 50230, Chiang Mai, about 15 km from the airport. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} The 2 quotes: (1) 5.5 kW for 159,000 and (2) 8.2 kW for 219,000. {f(EN_F)}")
neg("en-neg", f"{f(EN_F)} \"0 baht down, 0% for 10 months\""
    f" is the promo I saw, is it still on until 31.12.2025? {f(EN_F)}")

# =============================== Thai ===============================
# -- phone numbers, particles glued on
add("th-phone", th(f"โทร{P(thmob())}นะคะ ถ้าไม่รับจะโทรกลับค่ะ"))
add("th-phone", th(f"เบอร์ {P(dash3(thmob()))} ค่ะ สะดวกหลังบ่ายสาม"))
add("th-phone", f"{P(thmob())} เบอร์ผมครับ {f(TH_F, 2)} รบกวนโทรมาก่อนเข้าหน้างานนะครับ")
add("th-phone", f"{f(TH_F, 2)} ติดต่อกลับเบอร์ {P(sp3(thmob()))}")
add("th-phone", f"{f(TH_F, 2)} ติดต่อได้ที่{P(dash3(thmob()))}ค่ะ")
add("th-phone", th(f"เบอร์ผม{P(thmob())}ครับ เบอร์แฟน{P(thmob())}ค่ะ โทรได้ทั้งสองเบอร์"))
add("th-phone", th(f"ช่างโทรหาแม่บ้านได้เลยนะคะ ({P(dash3(thmob()))}) เขาอยู่บ้านทั้งวัน"))
add("th-phone", th(f"เบอร์ที่ถูกคือ \"{P(thmob())}\" นะครับ เมื่อวานให้ผิดไป"))
add("th-phone", th(f"มือถือ {P(dash24(thmob()))} หรือเบอร์บ้าน {P(bkk_dash(bkk()))} ค่ะ"))
add("th-phone", th(f"โทร.{P(sp3(thmob()))} (คุณสมศรี) ค่ะ"))
add("th-phone", th(f"โทรมาที่เบอร์{P(thmob())}ได้ตลอดครับ"))
add("th-phone", th(f"ถ้าโทรไม่ติดเบอร์ {P(dash3(thmob()))} ให้โทรเบอร์สำรอง {P(dash3(thmob()))} นะคะ"))
add("th-phone", th(f"เบอร์ติดต่อ{P(intl(thmob()))}ค่ะ ตอนนี้อยู่ต่างประเทศ"))
add("th-phone", th(f"ผมชื่อเอกครับ อายุ 45 เบอร์{P(dash3(thmob()))}ครับผม"))
# -- e-mail addresses
add("th-email", th(f"ส่งใบเสนอราคามาที่อีเมล {E(mail('somchai'))} นะคะ"))
add("th-email", th(f"อีเมล{E(mail('wanna'))}ค่ะ"))
add("th-email", f"{E(mail('kanya'))} อีเมลของดิฉันค่ะ {f(TH_F, 2)}")
add("th-email", f"{f(TH_F, 2)} รบกวนส่งรายละเอียดทางอีเมล {E(mail('prasit'))}")
add("th-email", th(f"อีเมลบริษัท ({E(user('account') + '@thaibuild.co.th')}) สำหรับออกใบกำกับภาษีค่ะ"))
add("th-email", th(f"ส่งอีเมลไปที่ \"{E(mail('nuch'))}\" และสำเนาถึงสามี {E(mail('krit'))} ด้วยนะคะ"))
# -- LINE and WeChat
add("th-chat", th(f"แอดไลน์ {L(lineid('nok'))} นะคะ จะส่งรูปหลังคาให้"))
add("th-chat", th(f"ไลน์ไอดี{L(lineid('tong'))}ครับ"))
add("th-chat", f"{f(TH_F, 2)} ไลน์ {L(lineid('mint'))} ค่ะ")
add("th-chat", th(f"ไลน์ผม ({L(lineid('beer'))}) ทักมาได้เลยครับ"))
add("th-chat", th(f"สามีเป็นคนจีน ใช้วีแชท {W('liwei_' + d(4))} ค่ะ"))
add("th-chat", th(f"ไอดีไลน์ \"{L(lineid('fah'))}\" หรือโทร {P(dash3(thmob()))} ก็ได้ค่ะ"))
# -- IDs, cards and accounts
add("th-id", th(f"เลขบัตรประชาชน {T(thid_dashed(thid()))} ค่ะ ใช้ทำสัญญา"))
add("th-id", th(f"เลขบัตรประชาชนผม{T(thid())}ครับ ส่วนของภรรยา{T(thid())}ครับ"))
add("th-id", th(f"ขอยื่นขอขนานไฟกับการไฟฟ้าค่ะ เลขบัตร ({T(thid_dashed(thid(), ' '))}) ค่ะ"))
add("th-pay", th(f"โอนมัดจำ 30% แล้วจากบัญชีกสิกร {B(acct_dashed())} ค่ะ"))
add("th-pay", th(f"ถ้าต้องคืนเงินโอนเข้าบัญชีไทยพาณิชย์ {B(acct())} ชื่อบัญชีนายสมชาย ครับ"))
add("th-pay", th(f"ขอตัดบัตรเครดิต {C(groups4(card('5')))} ได้ไหมคะ"))
add("th-pay", th(f"เลขบัญชีกรุงเทพ{B(acct())}ค่ะ คืนเงินมัดจำเข้าบัญชีนี้นะคะ"))
add("th-pay", th(f"ผ่อน 0% 10 เดือนกับบัตร {C(card())} ได้ไหมครับ"))
# -- several kinds
add("th-multi", th(f"ชื่อ สมศักดิ์ โทร {P(dash3(thmob()))} อีเมล {E(mail('somsak'))} ไลน์ {L(lineid('somsak'))}"))
add("th-multi", f"{f(TH_F, 2)} ติดต่อ {P(thmob())} หรืออีเมล {E(mail('jira'))} เลขบัตร {T(thid())}")
add("th-multi", th(f"เบอร์ {P(sp3(thmob()))} / อีเมล {E(mail('ann'))} / ไลน์ {L(lineid('ann'))} ค่ะ"))
add("th-multi", th(f"โทรหาผม({P(dash3(thmob()))})หรือลูกชาย({P(dash3(thmob()))})ก็ได้ครับ"))

# -- more long messages, values among the details
add("th-more", th(f"เห็นใบปลิวค่ะ เบอร์{P(thmob())}ค่ะ ไลน์ใช้เบอร์เดียวกัน"))
add("th-more", th(f"ส่งข้อความมาที่ {P(dash3(thmob()))} นะคะ ถ้าไม่ตอบโทรหาน้องชาย {P(dash3(thmob()))} ค่ะ"))
add("th-more", f"{E(mail('natt'))} / {P(dash3(thmob()))} {f(TH_F, 2)}")
add("th-more", th(f"นัดสำรวจวันเสาร์ที่ 6 ธ.ค. 10.00 น. ถึงแล้วโทร{P(sp3(thmob()))}นะคะ"))
add("th-more", th(f"(มือถือ {P(thmob())} ไลน์ {L(lineid('joy'))})"))
add("th-more", f"{f(TH_F, 2)} ขอบคุณค่ะ คุณแพร {E(mail('prae'))} {P(dash3(thmob()))}")
add("th-more", th(f"สำเนาบัตรประชาชนส่งให้ได้ค่ะ เลข{T(thid())}นะคะ"))
add("th-more", th(f"โอนมัดจำจากบัญชีกรุงไทย {B(acct_dashed())} เวลา 14.05 น. แนบสลิปแล้วค่ะ"))
add("th-more", th(f"เบอร์เดิม {P('02-123-4567')} ยกเลิกแล้ว ใช้เบอร์ {P(dash3(thmob()))} แทนนะครับ"))
add("th-more", th(f"พี่เล็กหัวหน้าช่าง {P(dash3(thmob()))} พี่ดำช่างไฟ {P(sp3(thmob()))} ครับ"))
add("th-more", th(f"อีเมลผม {E(mail('tanapon'))} กับอีเมลภรรยา {E(mail('suda'))} ครับ"))
add("th-more", th(f"โทร {P(thmob())} หรือทักไลน์ {L(lineid('pim'))} ก็ได้ค่ะ"))
add("th-more", th(f"ถ้าจะส่งเอกสารทางอีเมลส่งที่ '{E(mail('orn'))}' นะคะ"))
add("th-more", th(f"ค่าจองหมื่นนึงตัดบัตร{C(card())}ได้เลยค่ะ"))

# -- hard negatives
neg("th-neg", f"{f(TH_F, 3)}")
neg("th-neg", f"{f(TH_F, 3)}")
neg("th-neg", f"{f(TH_F, 3)}")
neg("th-neg", f"{f(TH_F)} หมายเลขมิเตอร์ {d(8)} ค่ะ {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} หมายเลขผู้ใช้ไฟฟ้า 0200{d(8)} บิลเป็นชื่อคุณพ่อค่ะ {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} เลขที่คำสั่งซื้อ {'08' + d(8)} ยังไม่ได้ของเลยค่ะ {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} อินเวอร์เตอร์รุ่น SUN2000-5KTL-L1 แผง 550W จำนวน 12 แผง {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} ใบเสนอราคาเลขที่ QT{d(8)} ราคา 185,000 บาท อีกเจ้าให้ 172500 {f(TH_F)}")
neg("th-neg", f"ค่าไฟเดือนตุลา 5,214.35 บาท 1,187 หน่วย ครบกำหนด 15/11/2568 {f(TH_F, 2)}")
neg("th-neg", f"{f(TH_F, 2)} พื้นที่หลังคา 96 ตร.ม. ใช้แผงขนาด 2,279 x 1,134 มม. ประมาณ 20 แผง")
neg("th-neg", f"{f(TH_F)} ประหยัดได้เดือนละ 2,400-2,900 บาท คืนทุน 5.5 ปี {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} คอนโดเลขที่ 1550/88 ถนนพระราม 9 ชั้น 21 ห้อง 2108 กทม. 10310 {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} เลขพัสดุ TH{d(12)} ขึ้นว่าส่งแล้ว 10.45 น. แต่ยังไม่ได้รับ {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} จ่ายก่อน 50,000 ที่เหลือ 135000 หลังติดตั้ง {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} ใช้ไฟวันละ 35 หน่วย เดือนละ 1050 หน่วย โหลดสูงสุด 6.8 kW ตอน 19.00 น. {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} ใบแจ้งหนี้เลขที่ {d(10)} จ่ายแล้ววันที่ 28/11/2568 เวลา 14:32 น. {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} ไม่มีไลน์ค่ะ โทรกลับอย่างเดียวนะคะ {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} แอร์รุ่น FTKC18TV2S ปี 2562 กินไฟ 1,650 วัตต์ {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} ตั้งแต่ปี 2563 ถึง 2567 ค่าไฟขึ้นจาก 2,100 เป็น 4,870 (+132%) {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} ซอยลาดพร้าว 101 แยก 46 บ้านเลขที่ 333/19 หมู่ 4 {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} โปร 0 บาท ผ่อน 0% 10 เดือน ยังมีถึง 31.12.2568 ไหมคะ {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} ตู้ไฟมี 12 ช่อง เมน 63 แอมป์ สาย 16 ตร.มม. {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} เลขที่สัญญา {d(10)} ของไฟแนนซ์ค่ะ {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} แอปขึ้นว่าตอนนี้ผลิตได้ 0.81 kW วันนี้ 12.34 หน่วย รวม 5678 หน่วยตั้งแต่ปี 2566 {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} หมู่ 4 ซอย 18/2 กม. 27 ทางหลวง 3344 หลังที่ 3 ถัดจากเซเว่น {f(TH_F)}")
neg("th-neg", f"{f(TH_F)} รหัสไปรษณีย์ 50230 อำเภอหางดง เชียงใหม่ {f(TH_F)}")

# =============================== Chinese ===============================
# -- phone numbers, particles glued on
add("zh-phone", zh(f"电话是{P(cnmob())}哦，晚上打比较方便。"))
add("zh-phone", zh(f"泰国手机号{P(dash3(thmob()))}，白天可以打。"))
add("zh-phone", f"{P(cnmob())}是我的微信同号手机。{f(ZH_F, 2)}")
add("zh-phone", f"{f(ZH_F, 2)}有问题打我电话{P(cnmob_sp(cnmob()))}")
add("zh-phone", zh(f"我的电话（{P(thmob())}）也可以加LINE。"))
add("zh-phone", zh(f"我老公的号码是{P(cnmob())}，我的是{P(dash3(thmob()))}，打哪个都行。"))
add("zh-phone", zh(f"联系人是我们家阿姨，电话“{P(thmob())}”，她只会说泰语。"))
add("zh-phone", zh(f"手机：{P('+86 ' + cnmob_sp(cnmob()))}，我现在在国内，下个月回泰国。"))
add("zh-phone", zh(f"打{P(cnmob())}找王先生就行啦。"))
add("zh-phone", zh(f"办公室座机{P('021-' + r.choice('56') + d(7))}，或者手机{P(cnmob_sp(cnmob(), '-'))}。"))
add("zh-phone", zh(f"我电话{P(sp3(thmob()))}呀，上次给错了。"))
add("zh-phone", zh(f"不好意思，刚才的号码错了，应该是{P(cnmob())}，不是{P(cnmob())}。"))
add("zh-phone", zh(f"我姓李，45岁，手机号码{P(thmob())}。"))
# -- e-mail addresses
add("zh-email", zh(f"报价单请发到我邮箱{E(mail('wangfang', CNMAIL))}哦。"))
add("zh-email", zh(f"邮箱是{E(mail('liming', CNMAIL))}，附件别太大。"))
add("zh-email", f"{E(mail('zhao', CNMAIL))}是我的邮箱。{f(ZH_F, 2)}")
add("zh-email", f"{f(ZH_F, 2)}资料发我邮箱：{E(mail('chen', CNMAIL))}")
add("zh-email", zh(f"公司邮箱（{E(user('finance') + '@huaxin-solar.com')}）是开发票用的。"))
add("zh-email", zh(f"发到“{E(mail('lily', CNMAIL))}”，抄送我先生{E(mail('zhang', CNMAIL))}。"))
# -- WeChat and LINE
add("zh-chat", zh(f"加我微信{W('zhou_' + d(4))}吧，发屋顶照片给你。"))
wxid = "wxid_" + "".join(r.choice("abcdefghjkmnpqrstuvwxyz0123456789") for _ in range(10))
add("zh-chat", zh(f"微信号：{W(wxid)}，备注装光伏。"))
add("zh-chat", f"{f(ZH_F, 2)}我的微信是{W('lin_mei' + d(4))}")
add("zh-chat", zh(f"我的LINE是{L(lineid('lindazh'))}哦，泰国同事都用这个。"))
add("zh-chat", zh(f"微信（{W('wang_' + d(3) + 'x')}）或者LINE：{L(lineid('wangxin'))}都可以。"))
add("zh-chat", zh(f"V信{W('solar_chen' + d(2))}，有事留言。"))
# -- IDs, cards and accounts
add("zh-id", zh(f"签合同用的身份证号{CN(cnid(['110105', '310115', '440106', '510107'], (1965, 1995)))}。"))
add("zh-id", zh(f"我太太是泰国人，她的身份证号是{T(thid_dashed(thid()))}，房子在她名下。"))
add("zh-id", zh(f"我的身份证号{CN(cnid(['320102', '330106'], (1970, 1990)))}"
    f"，我先生的{CN(cnid(['420102', '370102'], (1970, 1990)))}。"))
add("zh-pay", zh(f"定金30%已经刷卡付了，卡号{C(groups4(card('62', 16)))}，请查一下。"))
add("zh-pay", zh(f"退款请打到我的开泰银行账户{B(acct_dashed())}，户名王芳。"))
add("zh-pay", zh(f"收款账号{B(cnacct())}，工商银行，户名李明。"))
add("zh-pay", zh(f"可以用信用卡{C(card())}分期吗？"))
add("zh-pay", zh(f"退到盘谷银行账号：{B(acct())}就行。"))
# -- several kinds
add("zh-multi", zh(f"姓名：张伟，电话{P(cnmob())}，邮箱{E(mail('zhangwei', CNMAIL))}，微信{W('zhangwei_' + d(4))}。"))
add("zh-multi", f"{f(ZH_F, 2)}联系我：{P(dash3(thmob()))}或者{E(mail('liu', CNMAIL))}"
    f"，签合同的身份证号{CN(cnid(['440304'], (1975, 1992)))}")
add("zh-multi", zh(f"手机{P(cnmob_sp(cnmob()))} / 邮箱{E(mail('sun', CNMAIL))} / LINE {L(lineid('sunny'))}"))
add("zh-multi", zh(f"可以打我（{P(cnmob())}）或者我儿子（{P(dash3(thmob()))}）的电话。"))

# -- more long messages, values among the details
add("zh-more", zh(f"看到你们的传单了，我手机{P(thmob())}，LINE也是这个号。"))
add("zh-more", zh(f"先发短信到{P(cnmob())}，没回就打我弟弟{P(cnmob())}。"))
add("zh-more", f"{E(mail('natt', CNMAIL))} / {P(cnmob())} {f(ZH_F, 2)}")
add("zh-more", zh(f"12月6号周六上午10点来看现场，到了打{P(sp3(thmob()))}哈。"))
add("zh-more", zh(f"（手机{P(cnmob())}，微信{W('joy_' + d(4))}）"))
add("zh-more", f"{f(ZH_F, 2)}谢谢，刘女士 {E(mail('liu', CNMAIL))} {P(cnmob_sp(cnmob()))}")
add("zh-more", zh(f"身份证复印件可以发给你，号码是{CN(cnid(['110108', '350203'], (1972, 1994)))}。"))
add("zh-more", zh(f"定金从我的泰京银行账户{B(acct_dashed())}转的，14:05转的，截图发你了。"))
add("zh-more", zh(f"以前的座机{P('010-12345678')}不用了，现在打{P(cnmob())}吧。"))
add("zh-more", zh(f"工地负责人老王{P(cnmob())}，电工小李{P(dash3(thmob()))}。"))
add("zh-more", zh(f"我的邮箱{E(mail('tang', CNMAIL))}，我老婆的{E(mail('mei', CNMAIL))}，两个都发一下。"))
add("zh-more", zh(f"电话{P(thmob())}呢，或者微信{W('pim_' + d(4))}也行。"))
add("zh-more", zh(f"我在泰国的号码是{P(dash3(thmob()))}哦，国内的{P(cnmob())}也能打通。"))
add("zh-more", zh(f"一万块的订金刷卡吧，卡号{C(card('4'))}。"))

# -- hard negatives
neg("zh-neg", f"{f(ZH_F, 3)}")
neg("zh-neg", f"{f(ZH_F, 3)}")
neg("zh-neg", f"{f(ZH_F, 3)}")
neg("zh-neg", f"{f(ZH_F)}电表号{d(8)}，电费账户0200{d(8)}。{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}订单号{'13' + d(9)}一直没发货。{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}逆变器型号SUN2000-10KTL-M1，组件550W一共36块。{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}你们报价单QT-2025-{d(5)}写的185,000泰铢，另一家报172500。{f(ZH_F)}")
neg("zh-neg", f"10月电费5,214.35泰铢，1,187度，11月15日前交。{f(ZH_F, 2)}")
neg("zh-neg", f"{f(ZH_F, 2)}屋顶面积96平方米（12×8），组件尺寸2279×1134毫米，大约20块。")
neg("zh-neg", f"{f(ZH_F)}每个月能省2,400-2,900泰铢，回本5.5年，收益率18%。{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}公寓在拉玛九路1550/88号，21楼2108房，邮编10310。{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}快递单号SF{d(12)}显示10:45已签收，但是没收到。{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}先付50,000，剩下135000装完再付。{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}每天用电35度，一个月1050度，晚上19:00最高6.8kW。{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}发票号{d(10)}，2025年11月28日14:32付的款，合计62,500.00泰铢。{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}我没有微信，也不用LINE，打电话就行。{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}空调型号FTKC18TV2S，2019年的，功率1,650瓦。{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}2020年到2024年电费从2,100涨到4,870（+132%）。{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}电箱12个回路，总闸63A，线径16平方。{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}“0首付，0利息分10期”这个活动到2025年12月31日还有吗？{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}充电桩7.4kW，32A，车的电池60.48度。{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}合同编号{d(10)}，分期付款第3期。{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}APP显示现在0.81kW，今天发了12.34度，2023年以来一共5678度。{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}订单号{'1' + r.choice('3589') + d(9)}的逆变器到了吗？{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}邮编50230，清迈杭东，离机场15公里。{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}电表读数从12345.6到13377.9，一共1032.3度。{f(ZH_F)}")
neg("zh-neg", f"{f(ZH_F)}老家在四川成都，人口1600多万，房子88平。{f(ZH_F)}")

write(sys.argv[1], """# Twenty-second fresh set of redaction cases (bench/gen-redact-fresh22.py), written before the
# redactor was run on it: long, natural customer messages in English, Thai and Chinese (categories
# en-, th-, zh-) where the personal data is one detail among many: a customer describes their house,
# bill and schedule and gives a phone number, an e-mail address, a LINE or WeChat id, a national ID, a
# card or a bank account for a deposit, in the middle of a sentence, with Thai or Chinese particles
# glued to it (โทร0812345678นะคะ, 电话是13812345678哦), at the very start or end of the message, in
# parentheses or quotes, two of a kind in one message. Hard negatives of the same messages: bills, kW
# and kWh, sizes, areas, dates, times, house numbers and sois, postcodes, prices, percentages, meter,
# order, invoice, model and contract numbers and the electricity bill's account number. Same format as
# redact.tests (`INPUT ⇒ EXPECTED`, `=` for unchanged); run by tests/plugins/test-redact-golden.c (test
# redact-golden-fresh22: the cases of [known-miss] are TODO while they leak) and measured by
# `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh22.tests`.
""",
      lambda text, expected: False)
