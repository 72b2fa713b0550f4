#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh24.tests: a twenty-fourth fresh set of redaction cases, written before
any run of the redactor on it. Contact details dictated by voice, or read out by a call-centre agent,
in English, Thai and Chinese (categories `en-`, `th-`, `zh-`):

- phone numbers as speech-to-text writes them: a digit a word (`oh eight one two …`, `ศูนย์แปดหนึ่ง…`,
  `零八一…`, `幺` for 1 and `两` for 2), digits and words mixed (`oh eight one 234 5678`,
  `138 幺二三四 五六七八`), Thai digits, repeated digits said as `double two` and `triple five`, the
  country code said (`plus six six`, `บวกหกหก`, `加六六`), the Thai `โท` for 2;
- e-mail addresses dictated (`john dot smith at gmail dot com`, `แอท จีเมล ดอท คอม`, `at qq 点 com`),
  LINE ids spelled a letter at a time, ID card numbers and bank accounts read out in groups;
- a call-centre transcript's turns (`Agent:`, `Customer:`, `เจ้าหน้าที่:`, `客服：`) and a voice message's
  transcript;
- hard negatives that live in such messages: prices said in words, quantities, kWh, times (`two
  thirty`), dates, house numbers, model numbers, durations, counting.

A message is one line. Values have valid checksums (Thai ID mod 11 with a real province, Chinese ID
MOD 11-2); bank accounts fail Luhn so that they are not also cards.

    bench/gen-redact-fresh24.py tests/data/redact-fresh24.tests
"""
import sys

from redact_cases import B, CN, E, L, P, T, W, acct, acct_dashed, add, bkk, cnid, cnmob, cnmob_sp, d, dash3, fw, neg, \
    sp3, start, thd, thmob, write
from redact_cases import thid_province as thid

r = start(20261924)

EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TH = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]
ZH = "零一二三四五六七八九"


def groups(m):
    """The groups a Thai mobile number is read in (081 234 5678), a landline's (02 123 4567), a Chinese
    mobile's (138 1234 5678)."""
    if len(m) == 11:
        return [m[:3], m[3:7], m[7:]]
    if len(m) == 9:
        return [m[:2], m[2:5], m[5:]]
    return [m[:3], m[3:6], m[6:]]


def en_say(m, zero="oh", sep=" ", gsep=None):
    """@m a digit a word: `oh eight one two …`; with @gsep, the groups apart by it (`, `)."""
    def w(c):
        return zero if c == "0" else EN[int(c)]
    if gsep is None:
        return sep.join(w(c) for c in m)
    return gsep.join(sep.join(w(c) for c in g) for g in groups(m))


def en_runs(g, zero="oh"):
    """A group said as people say repeated digits: `double two`, `triple five`."""
    out, i = [], 0
    while i < len(g):
        j = i
        while j < len(g) and g[j] == g[i]:
            j += 1
        w = zero if g[i] == "0" else EN[int(g[i])]
        n = j - i
        if n == 2:
            out.append("double " + w)
        elif n == 3:
            out.append("triple " + w)
        else:
            out.extend([w] * n)
        i = j
    return " ".join(out)


def en_double(m, zero="oh", gsep=", "):
    return gsep.join(en_runs(g, zero) for g in groups(m))


def with_runs(m, k=2):
    """A Thai mobile number with a run of @k equal digits in its second or third group."""
    digit = r.choice("123456789")
    while True:
        pos = r.choice([3, 4, 6, 7]) if k == 2 else r.choice([3, 7])
        s = list(m)
        for i in range(pos, pos + k):
            s[i] = digit
        s = "".join(s)
        # the run must be exactly k long
        if (pos == 0 or s[pos - 1] != digit) and (pos + k >= len(s) or s[pos + k] != digit):
            return s
        m = thmob()


def th_say(m, sep="", two="สอง"):
    words = [TH[int(c)] if c != "2" else two for c in m]
    return sep.join(words)


def th_groups(m, gsep=" ", two="สอง"):
    return gsep.join(th_say(g, "", two) for g in groups(m))


def zh_say(m, yao=False, liang=False):
    out = []
    for c in m:
        if c == "1" and yao:
            out.append("幺")
        elif c == "2" and liang:
            out.append("两")
        else:
            out.append(ZH[int(c)])
    return "".join(out)


def zh_groups(m, gsep=" ", **kw):
    return gsep.join(zh_say(g, **kw) for g in groups(m))


def spelled(s, sep=" "):
    """An id spelled a character at a time."""
    return sep.join(s)


def user(base):
    return base + r.choice(["", "_", "."]) + r.choice(["k", "s", "p", "t", "j"]) + d(2)


def en_mail_said(local, dom):
    """`somchai dot k at gmail dot com`: the dots and the `@` said."""
    loc = local.replace(".", " dot ").replace("_", " underscore ")
    return loc + " at " + dom.replace(".", " dot ")


def thid_groups(t, sep=" "):
    return sep.join((t[0], t[1:5], t[5:10], t[10:12], t[12]))


def acct_groups(a):
    return a[:3] + " " + a[3] + " " + a[4:9] + " " + a[9]


# --- English: a call centre's transcript and voice messages -------------------------------------

m = thmob()
add("en-said", f"Customer: yes my number is {P(en_say(m))}, thanks.")
m = thmob()
add("en-said", f"[voice message] hi it's Somchai calling about the solar quote, call me back on {P(en_say(m, 'zero'))} "
    f"any time after five")
m = thmob()
add("en-said", f"Agent: can I confirm your mobile, {P(en_say(m, gsep=', '))}? Customer: that's right.")
m = thmob()
add("en-said", f"my phone is {P(en_say(m, 'zero', gsep=', '))} and I'm home on Saturday")
m = thmob()
add("en-said", f"Caller gave a callback number {P(en_say(m, gsep=' - '))}, wants a survey next week.")
m = thmob()
add("en-mixed", f"you can reach me at {P(en_say(m[:3], 'zero') + ' ' + m[3:6] + ' ' + en_say(m[6:], 'zero'))}, sorry "
    f"for the noise")
m = thmob()
add("en-mixed", f"number is {P(en_say(m[:3]) + ' ' + m[3:6] + ' ' + m[6:])}, ask for Nok")
m = thmob()
add("en-mixed", f"Customer: it's {P('zero ' + ' '.join(m[1:]))}")
m = thmob()
add("en-mixed", f"Agent read back the number: {P(en_say(m[:6], 'zero') + ' ' + m[6:])}. Customer confirmed.")
m = bkk()
add("en-said", f"office line {P(en_say(m, gsep=', '))}, extension two oh four")
m = bkk()
add("en-said", f"the landline at the house is {P(en_say(m, 'zero'))}, my mum answers")
m = with_runs(thmob())
add("en-double", f"Customer: my number is {P(en_double(m))}.")
m = with_runs(thmob())
add("en-double", f"[voice message] call me on {P(en_double(m, 'zero', ' '))} please, it's about the inverter")
m = with_runs(thmob(), 3)
add("en-double", f"Agent: so that's {P(en_double(m))}? Customer: yes.")
m = with_runs(thmob(), 3)
add("en-double", f"the mobile is {P(en_double(m, 'zero', ' '))}, I'll be on site from nine")
m = thmob()
add("en-plus", f"my number with the country code is {P('plus six six ' + en_say(m[1:]))}")
m = thmob()
add("en-plus", f"Customer: {P('plus sixty six, ' + en_say(m[1:3]) + ', ' + en_say(m[3:6]) + ', ' + en_say(m[6:]))}"
    f" … I mean from abroad")
m = thmob()
add("en-plus", f"call my husband on {P('plus 66 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}, he's in Dubai this week")
m = thmob()
add("en-digits", f"Customer: phone {P(' '.join(m))} and I'm in Chiang Mai")
m = thmob()
add("en-digits", f"[voice message] number is {P(sp3(m))}, call after two thirty")
m = thmob()
add("en-digits", f"Agent: mobile number please? Customer: {P(dash3(m))}, the one ending in {m[-4:]}")
m = cnmob()
add("en-said", f"my Chinese mobile is {P(en_say(m, 'zero'))}, WeChat is the same")
m = cnmob()
add("en-mixed", f"boss's China number {P(m[:3] + ' ' + en_say(m[3:7]) + ' ' + m[7:])}")
m = thmob()
o = thmob()
add("en-two", f"Customer: home is {P(en_say(bkk(), gsep=', '))}, mobile {P(en_say(m, gsep=', '))}; "
    f"my son's is {P(sp3(o))}")
# e-mails dictated
add("en-mail", f"Customer: email is {E(en_mail_said('john.smith', 'gmail.com'))}, all lower case")
add("en-mail", f"Agent: could you spell the email? Customer: {E(en_mail_said(user('somchai'), 'hotmail.com'))}")
add("en-mail", f"[voice message] send the quote to {E(en_mail_said('nok.' + r.choice(['p', 's']) + d(2), 'yahoo.co.th'))}"
    f" thank you")
add("en-mail", f"my email {E(en_mail_said(user('pim'), 'outlook.com'))} and my phone {P(en_say(thmob()))}")
add("en-mail", f"email address {E('kanya' + d(2) + ' at gmail dot com')}, I check it every evening")
add("en-mail", f"Customer: it's {E('peter underscore lee' + d(2) + ' at gmail dot com')}")
add("en-mail", f"the email is {E('arthit dot ' + r.choice(['w', 'k']) + ' at siamsolar dot co dot th')}, that's my work")
add("en-mail", f"Agent read back: {E(en_mail_said(user('wanida'), 'icloud.com'))}, correct? Customer: correct.")
add("en-mail", f"send it to {E('j o h n ' + d(2) + ' at gmail dot com')}, j-o-h-n")
add("en-mail", f"email me {E('somsak dash ' + r.choice(['k', 't']) + d(2) + ' at hotmail dot com')}")
add("en-mail", f"Customer: my email is {E('tanawat at sign gmail dot com')}")
add("en-mail", f"it's {E('ploy.' + r.choice(['s', 'k']) + d(2) + ' at gmail.com')} I think, or the hotmail one")
# LINE ids spelled
add("en-line", f"Customer: add me on LINE, my id is {L(spelled('nok' + d(4)))}")
add("en-line", f"LINE id {L(spelled('pond_' + d(2)))}, with an underscore")
add("en-line", f"Agent: your LINE? Customer: {L('T-E-E-' + '-'.join(d(3)))}, capital T")
add("en-line", f"my LINE is {L('mint.k' + d(2))}, m-i-n-t dot k")
add("en-line", f"line id {L('earth_' + d(4))}, that's e a r t h underscore")
add("en-line", f"WeChat is {W(spelled('lily' + d(3)))}, I use it more than LINE")
# ID numbers and bank accounts read out
t = thid()
add("en-id", f"Customer: my ID card number is {T(thid_groups(t))}")
t = thid()
add("en-id", f"Agent: ID number please. Customer: {T(t[0] + ' ' + t[1:5] + ', ' + t[5:10] + ', ' + t[10:12] + ' ' + t[12])}")
t = thid()
add("en-id", f"[voice message] the ID for the contract is {T(' '.join(t))}")
t = thid()
add("en-id", f"my ID card {T(en_say(t, 'zero'))}")
t = thid()
add("en-id", f"id card {T(t[:1] + '-' + t[1:5] + '-' + t[5:10] + '-' + t[10:12] + '-' + t[12])}, the house is in my name")
a = acct()
add("en-bank", f"refund to my Kasikorn account {B(acct_groups(a))}, name Somchai")
a = acct()
add("en-bank", f"Customer: SCB account number {B(a[:3] + ', ' + a[3:6] + ', ' + a[6:])}")
a = acct()
add("en-bank", f"bank account {B(en_say(a, 'zero'))}, Bangkok Bank")
cid = cnid(["310115", "440106"], (1975, 1995))
add("en-id", f"passport's at home, my Chinese ID is {CN(cid[:6] + ' ' + cid[6:14] + ' ' + cid[14:])}")
m = thmob()
add("en-said", f"Customer: uh my number uh {P(en_say(m[:3]) + ', ' + en_say(m[3:6]) + ', ' + en_say(m[6:]))} "
    f"and my email {E(en_mail_said(user('arthit'), 'gmail.com'))}")

# a call's summary typed by the agent, and longer voice messages: several values each
for zero in ("oh", "zero", "oh", "zero", "oh"):
    m, o = thmob(), thmob()
    add("en-summary", f"Call summary: Khun {r.choice(['Somchai', 'Wanida', 'Arthit', 'Ploy', 'Kanya'])} called at "
        f"{r.choice(['10:15', '14:40', '16:05'])}, callback {P(en_say(m, zero, gsep=', '))}, alt {P(dash3(o))}, "
        f"email {E(en_mail_said(user(r.choice(['som', 'wan', 'art', 'ploy', 'kan'])), r.choice(['gmail.com', 'hotmail.com'])))}")
for zero in ("oh", "zero", "oh", "zero", "oh"):
    m = thmob()
    add("en-voice", f"[voice message] hi, it's about the 5 kW package, my number {P(en_say(m[:3], zero) + ' ' + en_say(m[3:6], zero) + ' ' + en_say(m[6:], zero))}, "
        f"LINE {L(r.choice(['nok', 'pim', 'tee', 'bow']) + '_' + d(4))}, ID card {T(thid_groups(thid(), '-'))} for the contract")

neg("en-neg", "Customer: the quote was one hundred fifty thousand baht, is that with the battery?")
neg("en-neg", "Agent: the technician will come at two thirty on the twenty eighth, for about forty five minutes.")
neg("en-neg", "my bill last month was three thousand four hundred baht, about five hundred sixty kilowatt hours")
neg("en-neg", "Customer: I want twelve panels, five four five watt each, and a ten kW inverter.")
neg("en-neg", "the house is number eighty eight slash one two three, moo five, soi nine")
neg("en-neg", "Agent: model SUN two thousand, five K T L, and the battery is the five point one kWh one.")
neg("en-neg", "[voice message] I'm free from nine to eleven thirty on Saturday the sixth of December")
neg("en-neg", "Customer: double check the price please, I was told two hundred and twenty thousand.")
neg("en-neg", "we need triple the capacity, the bill is double what it was in two thousand twenty four")
neg("en-neg", "Agent: so that's six panels on the east, six on the west, twelve in total, for ninety eight thousand.")
neg("en-neg", "meter reading was zero four five eight seven this morning, at seven fifteen")
neg("en-neg", "Customer: the order number is one two three four five six seven, I paid on the first.")
neg("en-neg", "installation takes two days, three technicians, and the warranty is twenty five years")
neg("en-neg", "Agent: one two three, can you hear me? Customer: yes, loud and clear.")
neg("en-neg", "the inverter shows error two zero zero one, and the display says five point two kilowatts")
neg("en-neg", "Customer: I live on the fourth floor, room four one two, building B.")
neg("en-neg", "my house is at 59/12 Moo 4, the roof is 12 by 8 metres, 96 square metres")
neg("en-neg", "Agent: the payment is 3 instalments of 45,000 baht, due on 1 December, 1 January and 1 February.")
neg("en-neg", "I used 1,032 kWh in October and 987 kWh in November, from 08:00 to 17:00 mostly")
neg("en-neg", "Customer: I called three times, at ten, at eleven fifteen and at two, nobody answered.")
neg("en-neg", "the breaker is sixty three amps, cable size sixteen square millimetres, forty metres long")
neg("en-neg", "Agent: your ticket is closed, the survey is on the ninth at nine thirty, two hours.")
neg("en-neg", "prices: 5 kW 159,000, 10 kW 289,000, double glazing is extra")
neg("en-neg", "Customer: say again? one, two, three, four, five, six, seven, eight, nine, ten panels?")
neg("en-neg", "the battery model is LUNA2000-10-S0 and the serial ends in 4472")
neg("en-neg", "call me at eight thirty or at nine forty five tomorrow, on the number I gave you")
neg("en-neg", "Agent: the call lasted twelve minutes thirty seconds, reference one one two eight.")

# --- Thai -----------------------------------------------------------------------------------------

m = thmob()
add("th-said", f"ลูกค้า: เบอร์โทร{P(th_say(m))}ค่ะ")
m = thmob()
add("th-said", f"[ข้อความเสียง] สวัสดีครับ โทรกลับที่ {P(th_say(m, ' '))} นะครับ เรื่องติดโซล่า")
m = thmob()
add("th-said", f"เจ้าหน้าที่: ขอทวนเบอร์นะคะ {P(th_groups(m))} ถูกต้องไหมคะ ลูกค้า: ถูกค่ะ")
m = thmob()
add("th-said", f"เบอร์ผม {P(th_groups(m, '-'))} ครับ")
m = thmob()
add("th-said", f"ติดต่อกลับเบอร์ {P(th_say(m))} ได้ตลอดค่ะ")
m = bkk()
add("th-said", f"เบอร์บ้าน {P(th_groups(m))} ค่ะ แม่รับสาย")
m = thmob()
add("th-mixed", f"ลูกค้า: เบอร์ {P(th_say(m[:3]) + ' ' + m[3:6] + ' ' + m[6:])} ค่ะ")
m = thmob()
add("th-mixed", f"โทรมาที่ {P(th_say(m[:3]) + ' ' + th_say(m[3:6]) + ' ' + m[6:])} ครับ")
m = thmob()
add("th-mixed", f"เบอร์โทร{P('ศูนย์' + m[1:])}ครับ")
m = thmob()
add("th-thd", f"ลูกค้า: เบอร์ {P(thd(sp3(m)))} ค่ะ")
m = thmob()
add("th-thd", f"เบอร์ติดต่อ {P(thd(m))} ครับ")
m = thmob()
add("th-thd", f"[ข้อความเสียง] โทรกลับเบอร์ {P(thd(m[:3]) + ' ' + m[3:6] + ' ' + thd(m[6:]))} นะคะ")
m = thmob()
while "2" not in m:
    m = thmob()
add("th-tho", f"ลูกค้า: เบอร์{P(th_say(m, two='โท'))}ค่ะ")
m = thmob()
while "2" not in m:
    m = thmob()
add("th-tho", f"เบอร์ผม {P(th_groups(m, ' ', two='โท'))} ครับ")
m = thmob()
add("th-plus", f"ถ้าโทรจากต่างประเทศ {P('บวกหกหก ' + th_say(m[1:]))} ค่ะ")
m = thmob()
add("th-plus", f"เบอร์ลูกชายอยู่ญี่ปุ่น โทร {P('+66 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])} ครับ")
m = thmob()
add("th-digits", f"เจ้าหน้าที่: ขอเบอร์ค่ะ ลูกค้า: {P(' '.join(m))} ค่ะ")
m = thmob()
add("th-digits", f"เบอร์ {P(dash3(m))} ค่ะ ลงท้าย {m[-4:]}")
m = thmob()
add("th-digits", f"[ข้อความเสียง] เบอร์ {P(sp3(m))} โทรหลังบ่ายสองโมงครึ่งนะคะ")
m = cnmob()
add("th-said", f"เบอร์จีนของเถ้าแก่ {P(th_say(m))} ครับ")
m = thmob()
o = thmob()
add("th-two", f"ลูกค้า: เบอร์ผม {P(th_say(m))} เบอร์ภรรยา {P(dash3(o))} ครับ")
m = thmob()
add("th-said", f"ครับ เบอร์ {P(th_say(m[:3]) + ' ' + th_say(m[3:6]) + ' ' + th_say(m[6:]))} ไลน์ก็เบอร์นี้ครับ")
# e-mails dictated
add("th-mail", f"ลูกค้า: อีเมล {E(user('somchai') + ' แอท จีเมล ดอท คอม')} ค่ะ")
add("th-mail", f"ส่งใบเสนอราคามาที่ {E(user('nok') + ' แอท gmail ดอท com')} นะคะ")
add("th-mail", f"อีเมลผม {E(user('arthit') + ' แอท ฮอตเมล ดอท คอม')} ครับ")
add("th-mail", f"[ข้อความเสียง] อีเมล {E(user('pim') + ' แอท yahoo ดอท co ดอท th')} ค่ะ")
add("th-mail", f"อีเมล {E('จอห์น แอท จีเมล ดอท คอม')} ครับ")
add("th-mail", f"เจ้าหน้าที่: ทวนอีเมลนะคะ {E('kanya ดอท ' + r.choice(['s', 'p']) + d(2) + ' แอท จีเมล ดอท คอม')} ค่ะ")
add("th-mail", f"อีเมล {E('somsak' + d(2) + '@gmail ดอท com')} ครับ")
add("th-mail", f"ส่งมาที่ {E(user('wanida') + '@hotmail.com')} ค่ะ อีเมลเดิม")
add("th-mail", f"อีเมลคือ {E('ต้น แอท ฮอตเมล ดอท คอม')} ครับ")
add("th-mail", f"ลูกค้า: อีเมล {E(user('ploy') + ' แอท ไอคลาวด์ ดอท คอม')} เบอร์ {P(th_say(thmob()))} ค่ะ")
# LINE ids spelled
add("th-line", f"ไลน์ไอดี {L(spelled('nok' + d(4)))} ค่ะ")
add("th-line", f"ลูกค้า: แอดไลน์ {L('p-o-n-d-' + '-'.join(d(2)))} ครับ")
add("th-line", f"ไอดีไลน์ {L('mint_' + d(2))} ค่ะ เอ็ม ไอ เอ็น ที")
add("th-line", f"ไลน์ {L(spelled('tee') + ' ' + d(4))} ครับ")
add("th-line", f"วีแชท {W(spelled('wang') + ' ' + d(3))} ครับ")
# ID numbers and bank accounts read out
t = thid()
add("th-id", f"ลูกค้า: เลขบัตรประชาชน {T(thid_groups(t))} ค่ะ")
t = thid()
add("th-id", f"เลขบัตร {T(thd(thid_groups(t)))} ครับ")
t = thid()
add("th-id", f"เจ้าหน้าที่: ขอเลขบัตรประชาชนค่ะ ลูกค้า: {T(' '.join(t))}")
t = thid()
add("th-id", f"เลขประจำตัวประชาชน {T(th_say(t))} ครับ")
t = thid()
add("th-id", f"[ข้อความเสียง] เลขบัตร {T(t[0] + ' ' + t[1:5] + ' ' + t[5:10] + ' ' + t[10:12] + ' ' + t[12])} ทำสัญญาชื่อผมครับ")
a = acct()
add("th-bank", f"โอนคืนเข้าบัญชีกสิกร {B(acct_groups(a))} ค่ะ")
a = acct()
add("th-bank", f"เลขบัญชีไทยพาณิชย์ {B(a[:3] + ' ' + a[3:6] + ' ' + a[6:])} ครับ")
a = acct_dashed()
add("th-bank", f"บัญชี {B(a)} ธนาคารกรุงเทพ ชื่อวนิดาค่ะ")
a = acct()
add("th-bank", f"เลขบัญชีกรุงไทย {B(th_say(a))} ค่ะ")
m = thmob()
add("th-said", f"ลูกค้า: เอ่อ เบอร์ {P(th_say(m[:3]) + ' ' + th_say(m[3:6]) + ' ' + th_say(m[6:]))} ค่ะ อีเมล "
    f"{E(user('jintana') + ' แอท จีเมล ดอท คอม')}")
m = thmob()
add("th-said", f"เจ้าหน้าที่: เบอร์ติดต่อกลับคือ {P(th_say(m, '-'))} ใช่ไหมครับ")
m = thmob()
add("th-said", f"ลูกค้าให้เบอร์ {P(th_say(m))} ไว้ ขอให้โทรก่อนเข้างาน")

for sep in ("", " ", "", " ", ""):
    m, o = thmob(), thmob()
    add("th-summary", f"สรุปสาย: คุณ{r.choice(['สมชาย', 'วนิดา', 'อาทิตย์', 'พลอย', 'กัญญา'])} โทรเข้า "
        f"{r.choice(['10.15', '14.40', '16.05'])} น. เบอร์ติดต่อกลับ {P(th_say(m, sep))} เบอร์สำรอง {P(dash3(o))} "
        f"อีเมล {E(user(r.choice(['som', 'wan', 'art', 'ploy', 'kan'])) + ' แอท จีเมล ดอท คอม')}")
for sep in ("", " ", "", " ", ""):
    m = thmob()
    add("th-voice", f"[ข้อความเสียง] สนใจชุดห้ากิโลวัตต์ค่ะ เบอร์ {P(th_say(m[:3], sep) + ' ' + th_say(m[3:6], sep) + ' ' + th_say(m[6:], sep))} "
        f"ไลน์ {L(r.choice(['nok', 'pim', 'tee', 'bow']) + '_' + d(4))} เลขบัตร {T(thid_groups(thid(), '-'))} ค่ะ")

neg("th-neg", "ลูกค้า: ราคาหนึ่งแสนห้าหมื่นบาท รวมแบตเตอรี่หรือยังคะ")
neg("th-neg", "เจ้าหน้าที่: ช่างจะเข้าไปบ่ายสองโมงครึ่งวันที่ยี่สิบแปด ใช้เวลาประมาณสี่สิบห้านาทีค่ะ")
neg("th-neg", "ค่าไฟเดือนที่แล้วสามพันสี่ร้อยบาท ใช้ไปห้าร้อยหกสิบหน่วย")
neg("th-neg", "ลูกค้า: อยากได้แผงสิบสองแผ่น แผ่นละห้าร้อยสี่สิบห้าวัตต์ อินเวอร์เตอร์สิบกิโลวัตต์")
neg("th-neg", "บ้านเลขที่แปดสิบแปดทับหนึ่งร้อยยี่สิบสาม หมู่ห้า ซอยเก้า")
neg("th-neg", "[ข้อความเสียง] ว่างวันเสาร์ที่หกธันวา เก้าโมงถึงสิบเอ็ดโมงครึ่งค่ะ")
neg("th-neg", "เจ้าหน้าที่: รุ่น SUN2000-5KTL-L1 แบตเตอรี่ห้าจุดหนึ่งกิโลวัตต์ชั่วโมงค่ะ")
neg("th-neg", "ลูกค้า: โทรมาสามรอบแล้ว สิบโมง สิบเอ็ดโมงสิบห้า บ่ายสอง ไม่มีใครรับสาย")
neg("th-neg", "ติดตั้งสองวัน ช่างสามคน รับประกันยี่สิบห้าปีค่ะ")
neg("th-neg", "มิเตอร์วันนี้ ศูนย์สี่ห้าแปดเจ็ด หน่วย เมื่อเช้าเจ็ดโมงสิบห้า")
neg("th-neg", "เจ้าหน้าที่: ฮัลโหล หนึ่ง สอง สาม ได้ยินไหมคะ ลูกค้า: ได้ยินค่ะ")
neg("th-neg", "ลูกค้า: ผมจบปริญญาโท ทำงานโทรคมนาคม อยากติดโซล่าห้ากิโลวัตต์")
neg("th-neg", "อินเวอร์เตอร์ขึ้นเออเร่อสองศูนย์ศูนย์หนึ่ง หน้าจอโชว์ห้าจุดสองกิโลวัตต์")
neg("th-neg", "ผ่อนสามงวด งวดละ 45,000 บาท วันที่ 1 ธ.ค. 1 ม.ค. และ 1 ก.พ.")
neg("th-neg", "บ้านเลขที่ 59/12 หมู่ 4 หลังคา 12 x 8 เมตร 96 ตารางเมตร")
neg("th-neg", "เดือนตุลาใช้ไฟ 1,032 หน่วย พฤศจิกา 987 หน่วย ส่วนใหญ่ช่วง 08:00-17:00")
neg("th-neg", "เบรกเกอร์หกสิบสามแอมป์ สายสิบหกตารางมิล ยาวสี่สิบเมตรค่ะ")
neg("th-neg", "ลูกค้า: ห้องสี่ศูนย์สอง ชั้นสี่ ตึกบีค่ะ")
neg("th-neg", "เจ้าหน้าที่: นัดสำรวจวันที่เก้า เก้าโมงครึ่ง ใช้เวลาสองชั่วโมงค่ะ")
neg("th-neg", "ราคา 5 kW 159,000 บาท 10 kW 289,000 บาท ค่าขนส่งอีกสองพัน")
neg("th-neg", "ลูกค้า: นับให้ฟังนะ หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด เก้า สิบ แผ่น")
neg("th-neg", "แบตรุ่น LUNA2000-10-S0 ซีเรียลลงท้าย 4472 ครับ")
neg("th-neg", "โทรมาตอนแปดโมงครึ่ง หรือเก้าโมงสี่สิบห้าพรุ่งนี้ได้ค่ะ เบอร์เดิม")
neg("th-neg", "เจ้าหน้าที่: คุยไปสิบสองนาทีสามสิบวินาที เลขที่เรื่องหนึ่งหนึ่งสองแปดค่ะ")
neg("th-neg", "คำสั่งซื้อหนึ่งสองสามสี่ห้าหกเจ็ด จ่ายแล้ววันที่หนึ่งค่ะ")
neg("th-neg", "ค่าไฟสองพันห้าร้อยบาท ลดเหลือแปดร้อยหลังติดแผงหกแผ่นครับ")
neg("th-neg", "ลูกค้า: ขอโทษค่ะ สายหลุด โทรกลับได้ไหมคะ เบอร์เดิมที่ให้ไว้")

# --- Chinese --------------------------------------------------------------------------------------

m = cnmob()
add("zh-said", f"客户：我的手机号是{P(zh_say(m))}。")
m = cnmob()
add("zh-said", f"[语音转文字] 你好，我是王先生，回电{P(zh_say(m, yao=True))}，谢谢")
m = cnmob()
add("zh-said", f"客服：跟您核对一下号码，{P(zh_groups(m, yao=True))}，对吗？客户：对。")
m = thmob()
add("zh-said", f"我泰国的号码{P(zh_say(m))}，打这个")
m = thmob()
add("zh-said", f"电话{P(zh_groups(m, yao=True))}，下午都在")
m = cnmob()
add("zh-liang", f"手机{P(zh_say(m, yao=True, liang=True))}，找李女士")
m = cnmob()
add("zh-liang", f"客户：号码是{P(zh_groups(m, yao=True, liang=True))}")
m = cnmob()
add("zh-mixed", f"我电话{P(m[:3] + ' ' + zh_say(m[3:7], yao=True) + ' ' + zh_say(m[7:]))}")
m = cnmob()
add("zh-mixed", f"客户：手机号{P(zh_say(m[:3], yao=True) + ' ' + m[3:7] + ' ' + m[7:])}")
m = thmob()
add("zh-mixed", f"打我泰国号{P(zh_say(m[:3]) + m[3:])}")
m = cnmob()
add("zh-mixed", f"[语音转文字] 号码是{P(m[:3] + zh_say(m[3:], yao=True))}，微信同号")
m = cnmob()
add("zh-fw", f"客户：手机{P(fw(cnmob_sp(m)))}")
m = cnmob()
add("zh-digits", f"客服：请问电话？客户：{P(' '.join(m))}")
m = cnmob()
add("zh-digits", f"回电{P(cnmob_sp(m, '-'))}，两点半以后")
m = thmob()
add("zh-plus", f"从国外打的话是{P('加六六' + zh_say(m[1:]))}")
m = cnmob()
add("zh-plus", f"客户：号码{P('加八六 ' + zh_groups(m, yao=True))}")
m = thmob()
add("zh-plus", f"打{P('+66 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}，我在曼谷")
m = thmob()
add("zh-said", f"泰国手机{P(zh_groups(m, '，'))}，或者加我微信")
m = cnmob()
o = cnmob()
add("zh-two", f"客户：我的{P(zh_say(m, yao=True))}，我老婆的{P(cnmob_sp(o))}")
m = cnmob()
add("zh-said", f"客服记录：客户来电，回拨号码{P(zh_say(m))}，咨询5千瓦套装。")
m = cnmob()
add("zh-said", f"嗯，我的电话是，{P(zh_groups(m, '，', yao=True))}，好的")
m = bkk()
add("zh-said", f"店里座机{P(zh_say(m))}")
# e-mails dictated
add("zh-mail", f"客户：邮箱是{E(d(9) + ' at qq 点 com')}")
add("zh-mail", f"邮箱{E(user('wangli') + ' 艾特 163 点 com')}")
add("zh-mail", f"发到{E('小王 at qq 点 com')}就行")
add("zh-mail", f"[语音转文字] 邮箱{E(d(10) + ' 艾特 qq 点 com')}，谢谢")
add("zh-mail", f"客服：邮箱再确认一下，{E(user('chen') + '@163点com')}？客户：对")
add("zh-mail", f"我的邮箱{E(user('zhang') + ' at gmail dot com')}")
add("zh-mail", f"邮箱{E('李明 艾特 126 点 com')}")
add("zh-mail", f"客户：邮箱{E('liu' + d(4) + ' 艾特 foxmail 点 com')}，电话{P(zh_say(cnmob(), yao=True))}")
add("zh-mail", f"邮件发{E(user('huang') + '@qq.com')}，我每天看")
add("zh-mail", f"邮箱是{E('wang 点 fang' + d(2) + ' 艾特 163 点 com')}")
# LINE and WeChat ids spelled
add("zh-line", f"微信号{W(spelled('wang') + ' ' + spelled(d(4)))}")
add("zh-line", f"客户：我的LINE是{L(spelled('linda' + d(2)))}")
add("zh-line", f"微信{W('z-h-o-u-' + '-'.join(d(3)))}，全小写")
add("zh-line", f"LINE ID {L('mei_' + d(3))}，m-e-i下划线")
add("zh-line", f"微信号{W('chen_' + d(4))}，陈的拼音加下划线")
# ID numbers and bank accounts read out
cid = cnid(["110105", "310115", "440106", "510107"], (1970, 1998))
add("zh-id", f"客户：身份证号{CN(cid[:6] + ' ' + cid[6:14] + ' ' + cid[14:])}")
cid = cnid(["110105", "310115", "440106", "510107"], (1970, 1998))
add("zh-id", f"身份证{CN(cid[:6] + ' ' + cid[6:10] + ' ' + cid[10:14] + ' ' + cid[14:])}，合同写我名字")
cid = cnid(["110105", "310115", "440106", "510107"], (1970, 1998))
add("zh-id", f"[语音转文字] 身份证号码是{CN(zh_say(cid[:17]) + cid[17])}")
cid = cnid(["110105", "310115", "440106", "510107"], (1970, 1998))
add("zh-id", f"客服：请提供身份证号。客户：{CN(cid)}")
t = thid()
add("zh-id", f"我太太是泰国人，身份证{T(thid_groups(t))}")
a = "6222" + d(15)
add("zh-bank", f"退款到工商银行账号{B(a[:4] + ' ' + a[4:8] + ' ' + a[8:12] + ' ' + a[12:16] + ' ' + a[16:])}")
a = acct()
add("zh-bank", f"泰国开泰银行账号{B(acct_groups(a))}，户名王明")
a = acct()
add("zh-bank", f"收款账号{B(zh_say(a))}")
m = cnmob()
add("zh-said", f"客户：嗯，电话{P(zh_groups(m, yao=True))}，邮箱{E(d(8) + ' at qq 点 com')}")
m = thmob()
add("zh-said", f"客服：您留的号码是{P(zh_say(m))}吗？")

for yao in (True, False, True, False, True):
    m, o = cnmob(), cnmob()
    add("zh-summary", f"通话记录：{r.choice(['王先生', '李女士', '陈先生', '张女士', '刘先生'])}"
        f"{r.choice(['10:15', '14:40', '16:05'])}来电，回拨{P(zh_say(m, yao=yao))}，备用{P(cnmob_sp(o, '-'))}，"
        f"邮箱{E(d(9) + ' at qq 点 com')}")
for yao in (True, False, True, False, True):
    m = cnmob()
    add("zh-voice", f"[语音转文字] 想了解5千瓦的套餐，我电话{P(zh_groups(m, yao=yao))}，微信{W(r.choice(['wang', 'li', 'chen', 'zhou']) + '_' + d(4))}，"
        f"身份证{CN(cnid(['110105', '310115', '440106'], (1970, 1998)))}")

neg("zh-neg", "客户：报价十五万泰铢，含电池吗？")
neg("zh-neg", "客服：师傅二十八号下午两点半上门，大概四十五分钟。")
neg("zh-neg", "上个月电费三千四百泰铢，用了五百六十度电")
neg("zh-neg", "客户：要十二块板，每块五百四十五瓦，十千瓦逆变器。")
neg("zh-neg", "门牌八十八之一百二十三号，五村，九巷")
neg("zh-neg", "[语音转文字] 我十二月六号星期六九点到十一点半有空")
neg("zh-neg", "客服：型号SUN2000-5KTL-L1，电池五点一度的。")
neg("zh-neg", "客户：我打了三次电话，十点、十一点一刻、两点，都没人接。")
neg("zh-neg", "安装两天，三个师傅，质保二十五年")
neg("zh-neg", "电表读数零四五八七，早上七点一刻抄的")
neg("zh-neg", "客服：喂，一二三，听得到吗？客户：听得到。")
neg("zh-neg", "逆变器报错二零零一，屏幕显示五点二千瓦")
neg("zh-neg", "分三期，每期45,000泰铢，12月1日、1月1日、2月1日付")
neg("zh-neg", "门牌59/12号4村，屋顶12乘8米，96平方米")
neg("zh-neg", "十月用了1,032度，十一月987度，主要在08:00到17:00")
neg("zh-neg", "断路器六十三安，线十六平方，四十米长")
neg("zh-neg", "客户：我住四楼四零二室，B座。")
neg("zh-neg", "客服：勘察定在九号九点半，两个小时。")
neg("zh-neg", "价格：5千瓦159,000，10千瓦289,000，运费另加两千")
neg("zh-neg", "客户：一、二、三、四、五、六、七、八、九、十块板对吗？")
neg("zh-neg", "电池型号LUNA2000-10-S0，序列号尾号4472")
neg("zh-neg", "明天八点半或者九点四十五打给我，就打原来的号码")
neg("zh-neg", "客服：通话十二分三十秒，工单号一一二八。")
neg("zh-neg", "订单号一二三四五六七，一号付的款")
neg("zh-neg", "电费两千五，装了六块板以后降到八百")
neg("zh-neg", "客户：两台五千瓦的，一台装东边，一台装西边，一共二十块板。")
neg("zh-neg", "幺幺零是报警电话，我们小区停电了两个小时")

# Left, as docs/redaction.md says under *Not covered*: an id after a question and a speaker's label
# (`Agent: your LINE? Customer: T-E-E-9-0-7`), a number's groups apart by commas (`3 7793, 29748, 42 1`,
# `403, 916, 9681`: a comma between digits is a thousands separator), a local part in Chinese script
# before ` at ` (`发到小王 at qq 点 com`).
KNOWN_MISS_STARTS = ("Agent: your LINE?", "Agent: ID number please.", "Customer: SCB account number", "发到小王")
write(sys.argv[1], """# Twenty-fourth fresh set of redaction cases (bench/gen-redact-fresh24.py), written before the
# redactor was run on it: contact details dictated by voice or read out by a call-centre agent, in
# English, Thai and Chinese (categories en-, th-, zh-): phone numbers as speech-to-text writes them (a
# digit a word, digits and words mixed, Thai digits, double and triple, the country code said, the Thai
# โท for 2, 幺 for 1 and 两 for 2), e-mail addresses dictated (at, dot, แอท, ดอท, 艾特, 点), LINE and
# WeChat ids spelled a letter at a time, ID card numbers and bank accounts read out in groups or in
# words, in a call centre's transcript and in voice messages. Hard negatives of the same messages:
# prices said in words, quantities, kWh, times, dates, house numbers, model numbers, durations,
# counting. Same format as redact.tests (`INPUT ⇒ EXPECTED`, `=` for unchanged); run by
# tests/plugins/test-redact-golden.c (test redact-golden-fresh24: the cases of [known-miss] are TODO
# while they leak) and measured by `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh24.tests`.
""",
      lambda text, expected: text.startswith(KNOWN_MISS_STARTS))
