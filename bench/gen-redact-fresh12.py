#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh12.tests: a twelfth fresh set of redaction cases, written before
any run of the redactor on it, in a style the earlier sets had little of: messages as they arrive
from chat channels and apps (LINE, WhatsApp, Telegram, WeChat) at a solar, smart-home and
construction company. By language, about sixty messages with values and twenty-five hard negatives
each in English, Thai and Chinese (categories `en-`, `th-`, `zh-`):

- forwarded and quoted messages (`Forwarded from …`, `---------- ส่งต่อ ----------`, `【转发】`,
  `> quoted`, a reply's quote `Reply to …:`), chat exports with their time stamps
  (`[28/11/2025, 14:32] Somchai: …`, `14:32 นก …`);
- markdown and emoji around values (`*bold*`, `**bold**`, `` `code` ``, `~~struck~~`, 📞, ☎️, 📱,
  ✉️, 📧, 👉, 👈, 🔹), markdown links (`[mail me](mailto:…)`, `[call](tel:…)`);
- values inside URLs and deep links: `wa.me/66…` and `api.whatsapp.com/send?phone=66…`, `tel:+66…`,
  `mailto:…?subject=…`, `line.me/ti/p/~id`, `t.me/+66…`;
- PromptPay ids: a phone number (a PHONE) or a national ID (a TH_ID) given as the PromptPay number,
  in the three languages;
- bank transfer slips pasted as text: the accounts they come from and go to (the customer's, whole,
  a BANK_ACCOUNT; the company's, masked as banking apps print it, not a value), with the slip's
  reference and transaction numbers, amounts, dates and fees, which are not personal data;
- values in parentheses and brackets, values split across ` / `, Thai and Chinese written with
  English in the same message, a value corrected once or twice ("sorry wrong number, it's …": every
  number a customer gives as theirs is redacted, the wrong one too).

Hard negatives of the same channels: URLs with long numeric ids (Shopee, Lazada, YouTube, LINE
stickers, Telegram posts, LIFF apps), tracking numbers, order ids in links, Google Maps links,
coordinates and plus codes, time stamps and epoch times, message ids, amounts, slip reference and
transaction numbers (one of them after a bank's name), OTP codes (docs/redaction.md and the fourth
fresh set count a one-time code as no personal data), masked accounts and numbers, group invite
links, meeting ids.

Left out because docs/redaction.md does not promise them: names and postal addresses, Telegram and
other handles that are not LINE or WeChat ids, values between underscores (`_0812345678_`), an
official account's `line.me/R/ti/p/@…` link (a business's, not a person's).

Values have valid checksums (Thai ID mod 11 with a person type 1-8 and a real province, Chinese ID
ISO 7064 MOD 11-2 and a real date of birth, Luhn for cards); bank account numbers fail Luhn so that
they are not also card numbers; the numeric negatives of thirteen digits fail the Thai ID's check.

    bench/gen-redact-fresh12.py tests/data/redact-fresh12.tests
"""
import sys

import redact_cases
from redact_cases import B, C, CN, E, IP, L, P, PP, T, W, acct, acct_dashed, add, bkk, bkk_dash, card, cnacct, cnmob, \
    cnmob_sp, d, dash3, groups4, ip4, luhn_ok, neg, sp3, start, thd, thid_check, thid_dashed, thmob, write
from redact_cases import thid_province as thid

r = start(20261212)



def not_thid(k, first="1"):
    """@k digits from @first that are neither a Thai ID (mod 11) nor a card (Luhn)."""
    while True:
        s = first + d(k - len(first))
        if (k != 13 or thid_check(s[:12]) != s[12]) and not luhn_ok(s):
            return s


def cnid():
    return redact_cases.cnid(["110105", "310115", "440305", "440106", "330106", "510107", "320102", "350203"],
                             (1965, 2002))






def intl(m, sep=" "):
    """A Thai mobile number with +66 and the trunk 0 dropped: +66 81 234 5678."""
    return "+66" + sep + m[1:3] + sep + m[3:6] + sep + m[6:]


def wa(m):
    """A Thai mobile number as WhatsApp's links write it: 66 and the number without its trunk 0."""
    return "66" + m[1:]





def masked_acct():
    """A company's account as a banking app's slip prints it: xxx-x-x1234-x."""
    return "xxx-x-x" + d(4) + "-x"


def alnum(k):
    return "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(k))


# =============================== English ===============================
m = thmob()
add("en-forward", f"Forwarded from Somchai K.: pls call me on {P(intl(m))} after 5pm about the inverter")
m = thmob()
add("en-forward", f"---------- Forwarded message ---------- From: Nok <{E('nok.pattaya@gmail.com')}> "
    f"\"my mobile is {P(dash3(m))}, LINE same number\"")
add("en-forward", f"> my email is {E('james.wilson82@outlook.com')} — got it James, sending the quotation there today")
m = thmob()
add("en-forward", f"Reply to Anna (14:05): \"is {P(m)} still your number?\" — yes it is")
t = thid()
add("en-forward", f"Forwarded from Siam Solar Support: customer's ID card for the PEA form is {T(thid_dashed(t))}, "
    f"photo attached")
m = thmob()
add("en-forward", f"[28/11/2025, 14:32] Mike Turner: Hi, my WhatsApp is {P(intl(m))}. [28/11/2025, 14:33] Mike "
    f"Turner: roof is 120 m2")
add("en-forward", f"> card {C(groups4(card('4')))} was charged twice — sorry for that, refund is on the way")
m = thmob()
add("en-forward", f"Forwarded from Technician Korn: I will call you from {P(sp3(m))} tomorrow 9:00-10:00")

m = thmob()
add("en-markdown", f"*Phone:* {P(dash3(m))}  *Email:* {E('pim.sirikul@gmail.com')}")
add("en-markdown", f"`{E('david.chen@siamsteel.co.th')}` is the right address, not the one in my signature")
m = thmob()
add("en-markdown", f"**Contact:** Khun Ploy **Mobile:** {P(m)} **LINE:** {L('ploy_bkk88')}")
m, m2 = thmob(), thmob()
add("en-markdown", f"~~{P(dash3(m))}~~ new number {P(dash3(m2))}")
m = thmob()
add("en-markdown", f"📞 {P(m)} (Khun Nok, site owner)")
o = bkk()
add("en-markdown", f"☎️ {P(bkk_dash(o))} ext 12 | ✉️ {E('purchasing@bangna-cold.co.th')}")
m = thmob()
add("en-markdown", f"Contact 👉 {P(dash3(m))} 👈 any time before 8pm")
m = thmob()
add("en-markdown", f"🔹Name: Ben Carter 🔹Tel: {P(m)} 🔹Email: {E('ben.carter@yahoo.com')} 🔹System: 10 kWp")
m = thmob()
add("en-markdown", f"📱{P(intl(m, '-'))} 📧{E('lisa_tan@hotmail.com')}")
add("en-markdown", f"Email me → {E('k.wongsa@siam-agro.com')} ✅")
add("en-markdown", f"**IP:** {IP(ip4())} (router at the farm), port 8080 for the inverter dashboard")
add("en-markdown", f"[mail me]({'mailto:'}{E('sarah.lee@protonmail.com')}) or reply here")

m = thmob()
add("en-link", f"👉 wa.me/{P(wa(m))} chat with me there, I don't use LINE")
m = thmob()
add("en-link", f"https://wa.me/{P(wa(m))}?text=Hi%20I%20want%20a%20solar%20quote")
m = thmob()
add("en-link", f"Tap to call: tel:{P('+66' + m[1:])}")
o = bkk()
add("en-link", f"[Call our office](tel:{P('+66-2-' + o[2:5] + '-' + o[5:])}) or message us")
add("en-link", f"mailto:{E('procurement@eastern-seaboard.co.th')}?subject=Solar%20rooftop%20quote")
add("en-link", f"Add me on LINE https://line.me/ti/p/~{L('pond_2538')} thanks")
m = thmob()
add("en-link", f"https://api.whatsapp.com/send?phone={P(wa(m))}&text=hello")
m = thmob()
add("en-link", f"Telegram: t.me/{P('+66' + m[1:])} (same as my phone)")
add("en-link", f"my LINE is line.me/R/ti/p/~{L('jane.t_88')}")

m = thmob()
add("en-promptpay", f"PromptPay: {P(m)} (Somchai K.) please transfer the deposit 15,000 THB")
t = thid()
add("en-promptpay", f"PromptPay ID {T(t)} name Anan Chaiyo, deposit 30% = 29,550 THB")
m = thmob()
add("en-promptpay", f"You can pay by PromptPay {P(dash3(m))} or to my KBank account {B(acct_dashed())}")
t = thid()
add("en-promptpay", f"Refund to my PromptPay (ID card) {T(thid_dashed(t))} please, not the phone one")
m = thmob()
add("en-promptpay", f"PromptPay QR for {P(intl(m))} (my wife's) is fine?")

a, ref = acct_dashed(), "2025112814" + d(6) + "BQR" + d(5)
add("en-slip", f"Transfer successful | From: Mr. Anan C. {B(a)} Bangkok Bank | To: SIAM SOLAR CO.,LTD. "
    f"{masked_acct()} | Amount: 30,000.00 THB | Fee: 0.00 | Ref: {ref}")
a = acct()
add("en-slip", f"Slip: KBank 28 Nov 25 14:32 | from acct {B(a)} | to SCB {masked_acct()} | 45,900.00 Baht | "
    f"Transaction ID {'01533' + d(7) + 'ATF' + d(5)}")
a, a2 = acct_dashed(), acct_dashed()
add("en-slip", f"Sorry, wrong account on the form: not {B(a)}, it's {B(a2)} (SCB, savings)")
a = acct()
add("en-slip", f"Bank: SCB | Acc no: {B(a)} | Name: Pim S. | for the refund of order SO-25-1188")

m, m2 = thmob(), thmob()
add("en-correct", f"sorry wrong number, it's {P(m2)} not {P(m)}")
m, m2 = thmob(), thmob()
add("en-correct", f"Hi it's me again, new number {P(dash3(m))}, the old one {P(dash3(m2))} is gone")
add("en-correct", f"Typo, email is {E('warut.s@gmail.com')} (not {E('warut.s@gmial.com')})")
m, m2 = thmob(), thmob()
add("en-correct", f"correction: {P(m)} ❌ → {P(m2)} ✅")
m = thmob()
add("en-correct", f"oops that was my old one. use {P(sp3(m))} pls 🙏")

m, m2 = thmob(), thmob()
add("en-split", f"call/WhatsApp: {P(dash3(m))} / {P(dash3(m2))}")
add("en-split", f"My email (work): {E('t.nakorn@egco-group.com')} / (personal): {E('tnakorn@gmail.com')}")
m = thmob()
add("en-split", f"Line: {L('tee_solar9')} | WA: {P(intl(m))} | email: {E('tee.s@gmail.com')}")
m, m2 = thmob(), thmob()
add("en-split", f"(my wife: {P(m)}) (me: {P(m2)})")
m = thmob()
add("en-split", f"[Mobile] {P(dash3(m))} [LINE] {L('nok_2536')}")
m = thmob()
add("en-split", f"Name: Ken / Tel: {P(m)} / Passport: {PP('TZ' + d(7))} / for the gate pass")
x = cnmob()
add("en-mixed", f"My Chinese number 手机 {P(cnmob_sp(x))}, WeChat ID: {W('zhang_wei1988')}")
m = thmob()
add("en-mixed", f"Customer via LINE OA: เบอร์ {P(m)} email {E('kanokwan.p@gmail.com')} wants 5kW")
x = cnmob()
add("en-mixed", f"whatsapp me at {P('+86 ' + cnmob_sp(x))} or wechat {W('leo_888_sz')}")
add("en-mixed", f"Card for the 2nd instalment: {C(groups4(card('5' + r.choice('12345'))))} exp 09/28 (ผ่อน 0% 10 เดือน)")
m = thmob()
add("en-mixed", f"Q: phone? A: {P(m)} ค่ะ")
m = thmob()
add("en-mixed", f"ID card {T(thid())} and phone {P(m)} for the net-metering application (ใบคำขอขนานไฟ)")
add("en-mixed", f"Passport no. {PP('AA' + d(7))} for the site access form, I'm from the UK")
m = thmob()
add("en-mixed", f"Here's my contact card: Somchai Jaidee | 📱 {P(m)} | 📧 {E('somchai.jd@gmail.com')} | LINE "
    f"{L('somchai_jd')}")
add("en-mixed", f"NVR remote access {IP(ip4())}:37777, pls check camera 3")
add("en-mixed", f"<{E('wanida.r@siamcement.com')}> is my office email, cc {E('wanida.home@gmail.com')}")
m = thmob()
add("en-mixed", f"Signal/Telegram: {P(intl(m))}")
add("en-mixed", f"WhatsApp (HK office): {P('+852 ' + r.choice('569') + d(3) + ' ' + d(4))}")
m = thmob()
add("en-mixed", f"(Line/Tel) {P(m)} — Khun Wit, foreman at the Bang Na site")
t = thid()
add("en-mixed", f"ID: {T(t)} (for the warranty registration)")

neg("en-neg", f"Order link: https://shopee.co.th/product/384512907/{not_thid(11, '2')} arrived yet?")
neg("en-neg", f"Flash tracking https://www.flashexpress.co.th/tracking/?se=TH{d(11)}A")
neg("en-neg", "📍 https://maps.google.com/?q=13.756331,100.501762 site location")
neg("en-neg", "Plus code: 7P52PGJ3+2V Bangkok, gate 2")
neg("en-neg", f"[28/11/2025, 14:32:10] Siam Solar: Your OTP is {d(6)}, valid 5 minutes")
neg("en-neg", f"Transfer ref {'2025112814' + d(8)} amount THB 12,500.00 success")
neg("en-neg", f"Message ID: {not_thid(10, '6')} forwarded 3 times")
neg("en-neg", "https://t.me/siamsolar_news/1287 read the post about net metering")
neg("en-neg", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=125s install video")
neg("en-neg", "Join our group https://line.me/R/ti/g/kQ3z8XhY5b for updates")
neg("en-neg", f"From account {masked_acct()} to SIAM SOLAR CO., LTD. THB 45,900.00")
neg("en-neg", f"Lazada order https://www.lazada.co.th/products/i{not_thid(10, '4')}-s{not_thid(11, '1')}.html")
neg("en-neg", f"Invoice link https://pay.siamsolar.co.th/inv/{'20251128' + d(6)}?amt=98440")
neg("en-neg", f"Zoom meeting ID 853 {d(4)} {d(4)} passcode {d(6)}")
neg("en-neg", f"epoch 1732780330, msg id {not_thid(13, '1')}")
neg("en-neg", f"Sticker pack https://store.line.me/stickershop/product/{d(7)}/en")
neg("en-neg", "Price 12,900 THB (was 15,900) 👉 promo ends 30/11")
neg("en-neg", f"📦 Thailand Post EF{d(9)}TH delivered 10:42")
neg("en-neg", "WhatsApp voice call 02:35, missed call 14:07")
neg("en-neg", "Coordinates 13°45′22.8″N 100°30′06.3″E")
neg("en-neg", f"Inverter app: device SN {not_thid(10, '21')} online since 08:15")
neg("en-neg", f"Shopee order #251128{alnum(8)} shipped")
neg("en-neg", f"Slip from KBank app, reference no. {'015332' + d(6) + 'BTF' + d(5)}, 28/11/25 14:32")
neg("en-neg", "Use code SOLAR2025 for 5% off, valid till 31/12/2025 ✨")
neg("en-neg", f"LIFF app https://liff.line.me/{'165' + d(7)}-AbCdEfGh opens the booking form")

# =============================== Thai ===============================
m = thmob()
add("th-forward", f"ส่งต่อจาก คุณแม่: ลูก เบอร์ช่างคือ {P(dash3(m))} นะ โทรนัดได้เลย")
m = thmob()
add("th-forward", f"---------- ส่งต่อข้อความ ---------- จาก: พี่เอ \"เบอร์พี่ {P(m)} ไลน์ {L('a_somsak99')}\"")
m = thmob()
add("th-forward", f"> เบอร์ {P(sp3(m))} ยังใช้ได้ไหมคะ ใช้ได้ค่ะ โทรมาได้เลย")
add("th-forward", f"ตอบกลับ คุณนุ่น: \"อีเมล {E('noon.ch@gmail.com')} ถูกไหมคะ\" ถูกค่ะ")
m = thmob()
add("th-forward", f"14:32 นก: เบอร์ใหม่นะคะ {P(m)} 14:33 นก: [สติกเกอร์]")
t = thid()
add("th-forward", f"ส่งต่อจาก ฝ่ายขาย: ลูกค้าแจ้งเลขบัตรประชาชน {T(thid_dashed(t))} สำหรับยื่นการไฟฟ้า")
m = thmob()
add("th-forward", f"[ข้อความที่ส่งต่อ] วิชัย: โทร {P(dash3(m))} ก่อนเข้าหน้างานครับ")
add("th-forward", f"> อีเมลผม {E('krit.t@scg.com')} ครับ ได้รับแล้วค่ะ จะส่งใบเสนอราคาให้นะคะ")

m = thmob()
add("th-markdown", f"*เบอร์โทร:* {P(dash3(m))} *อีเมล:* {E('jintana.s@hotmail.com')}")
m = thmob()
add("th-markdown", f"📞 {P(m)} (คุณแอน เจ้าของบ้าน)")
o = bkk()
add("th-markdown", f"☎️ {P(bkk_dash(o))} ต่อ 15 ✉️ {E('info.th@kaset-farm.co.th')}")
m = thmob()
add("th-markdown", f"ติดต่อ 👉 {P(m)} 👈 ได้ตลอดค่ะ")
m = thmob()
add("th-markdown", f"🔸ชื่อ: สมพร 🔸เบอร์: {P(m)} 🔸ไลน์: {L('somporn.k77')} 🔸ขนาด: 5kW")
m = thmob()
add("th-markdown", f"📱{P(thd(m))} (เลขไทย) ค่ะ")
add("th-markdown", f"อีเมล `{E('pakorn_r@yahoo.co.th')}` ค่ะ ตัวพิมพ์เล็กหมด")
m = thmob()
add("th-markdown", f"**โทร** {P(m)} **ไลน์** {L('@benz.solar')} ค่ะ")
add("th-markdown", f"ไลน์ค่ะ👉{L('mint_2536')} แอดมาได้เลย")
m = thmob()
add("th-markdown", f"เบอร์ติดต่อ ({P(dash3(m))}) ค่ะ 🙏")

m = thmob()
add("th-link", f"ทักวอทส์แอปได้ที่ wa.me/{P(wa(m))} ค่ะ")
m = thmob()
add("th-link", f"กดโทรเลย tel:{P(m)}")
add("th-link", f"ส่งเมลได้ที่ mailto:{E('sales.north@lanna-solar.co.th')} นะคะ")
add("th-link", f"แอดไลน์ https://line.me/ti/p/~{L('joy.2530')} ค่ะ")
m = thmob()
add("th-link", f"https://wa.me/{P(wa(m))}?text=สนใจโซลาร์เซลล์")
add("th-link", f"ไลน์ผม line.me/ti/p/~{L('tonkla_99')} ครับ")
m = thmob()
add("th-link", f"[โทรหาเรา](tel:{P('+66' + m[1:])})")

m = thmob()
add("th-promptpay", f"พร้อมเพย์ {P(m)} ชื่อ สมชาย ใจดี ค่ะ")
t = thid()
add("th-promptpay", f"โอนมัดจำเข้าพร้อมเพย์เลขบัตรประชาชน {T(t)} นะคะ")
m = thmob()
add("th-promptpay", f"พร้อมเพย์ (เบอร์โทร) {P(dash3(m))} ค่ะ ยอด 12,000 บาท")
t = thid()
add("th-promptpay", f"คืนเงินเข้าพร้อมเพย์ {T(thid_dashed(t))} (เลขบัตร) ได้ไหมคะ")
m = thmob()
add("th-promptpay", f"PromptPay {P(m)} / กสิกร {B(acct_dashed())} โอนช่องทางไหนก็ได้ค่ะ")

a = acct_dashed()
add("th-slip", f"โอนเงินสำเร็จ 28 พ.ย. 68 14:32 น. จาก นาย อนุชา ส. ธ.กสิกรไทย {B(a)} ไปยัง บจก. ซันไรส์ "
    f"{masked_acct()} จำนวน 30,000.00 บาท ค่าธรรมเนียม 0.00 บาท เลขที่รายการ {'015332' + d(6) + 'BTF' + d(5)}")
a = acct()
add("th-slip", f"สลิปค่ะ จากบัญชี {B(a)} ไทยพาณิชย์ → บจก. ไทยโซลาร์ {masked_acct()} ยอด 45,900 บาท "
    f"รหัสอ้างอิง {'2025112814' + alnum(10)}")
a, a2 = acct_dashed(), acct_dashed()
add("th-slip", f"ขอโทษค่ะ เลขบัญชีผิด ไม่ใช่ {B(a)} ที่ถูกคือ {B(a2)} กรุงเทพ ออมทรัพย์")
a = acct()
add("th-slip", f"ธนาคาร: กรุงไทย | เลขบัญชี: {B(a)} | ชื่อบัญชี: นางสาวพิมพ์ สุขดี | สำหรับคืนเงินมัดจำ")

m, m2 = thmob(), thmob()
add("th-correct", f"ขอโทษค่ะ เบอร์ผิด ที่ถูกคือ {P(m2)} ไม่ใช่ {P(m)}")
m, m2 = thmob(), thmob()
add("th-correct", f"แก้เบอร์นะคะ {P(dash3(m))} ❌ {P(dash3(m2))} ✅")
add("th-correct", f"อีเมลพิมพ์ผิดค่ะ ที่ถูก {E('rattana.k@gmail.com')} (ไม่ใช่ {E('rattana.k@gmail.co')})")
m = thmob()
add("th-correct", f"เบอร์เก่าไม่ใช้แล้วนะ ใช้ {P(sp3(m))} แทน 🙏")

m, m2 = thmob(), thmob()
add("th-split", f"เบอร์ {P(dash3(m))} / {P(dash3(m2))} (สำรอง)")
m = thmob()
add("th-split", f"ไลน์: {L('pui_ch88')} | โทร: {P(m)} | อีเมล: {E('pui.ch@gmail.com')}")
m, m2 = thmob(), thmob()
add("th-split", f"(ผม {P(m)}) (แฟน {P(m2)})")
m = thmob()
add("th-split", f"[มือถือ] {P(m)} [อีเมล] {E('chai.w@outlook.com')}")
m = thmob()
add("th-split", f"ชื่อ: ต้น / โทร: {P(m)} / บัตร ปชช.: {T(thid())}")

m = thmob()
add("th-mixed", f"ติดต่อ Khun Somchai ที่ mobile {P(m)} หรือ email {E('somchai.p@egat.co.th')} ได้เลยค่ะ")
m = thmob()
add("th-mixed", f"my number คือ {P(dash3(m))} ค่ะ call ได้ทั้งวัน")
x = cnmob()
add("th-mixed", f"ลูกค้าจีน 微信 {W('chen_li_1990')} โทร {P('+86 ' + cnmob_sp(x))} พูดไทยไม่ได้ค่ะ")
add("th-mixed", f"ตัดบัตรเครดิต {C(groups4(card('4')))} ผ่อน 0% 10 เดือน ได้ไหมคะ")
add("th-mixed", f"ลูกค้าต่างชาติ passport {PP('C' + d(7))} ขอใบเสร็จในนามตัวเองค่ะ")
add("th-mixed", f"IP กล้องวงจรปิด {IP(ip4())} เข้าไม่ได้ค่ะ ช่วยเช็คให้หน่อย")
m = thmob()
add("th-mixed", f"Forwarded from ช่างเอก: เบอร์ลูกค้า {P(m)} บ้านอยู่ซอย 12 ครับ")
m = thmob()
add("th-mixed", f"WhatsApp {P(intl(m))} นะคะ ไม่ได้ใช้ LINE")
t = thid()
add("th-mixed", f"เลขบัตร {T(t[0] + ' ' + t[1:5] + ' ' + t[5:10] + ' ' + t[10:12] + ' ' + t[12])} ค่ะ สำหรับสัญญา")
m = thmob()
add("th-mixed", f"📲 LINE/โทร {P(m)} คุณกุ้ง")
add("th-mixed", f"ส่งไฟล์แบบมาที่ {E('design@baan-d.co.th')} หรือ LINE {L('@baand.design')} ก็ได้ค่ะ")
m = thmob()
add("th-mixed", f"[รูปภาพ] [รูปภาพ] นี่คือหลังคาค่ะ เบอร์ {P(m)}")
m = thmob()
add("th-mixed", f"ไลน์ไอดี {L('kaew.2541')} หรือเบอร์ {P(dash3(m))} ค่ะ")
m = thmob()
add("th-mixed", f"เบอร์พี่ชาย {P('+66' + m[1:])} (อยู่ต่างประเทศใช้ WhatsApp)")
o = bkk()
add("th-mixed", f"ออฟฟิศ {P(bkk_dash(o))} / มือถือ {P(dash3(thmob()))} ค่ะ")

m = thmob()
add("th-mixed", f"ส่งต่อจาก LINE: ชื่อ ปิยะ โทร {P(dash3(m))} อีเมล {E('piya.n@gmail.com')}")
add("th-slip", f"สลิป: โอนจาก กรุงศรี {B(acct_dashed())} ยอด 9,900 บาท ค่าธรรมเนียม 0 บาท")

neg("th-neg", f"เลขพัสดุ Kerry KEX{not_thid(13, '5')} ส่งแล้วค่ะ")
neg("th-neg", f"คำสั่งซื้อ https://shopee.co.th/product/19285736/{not_thid(11, '2')} ยังไม่ได้รับค่ะ")
neg("th-neg", "พิกัดหน้างาน https://maps.google.com/?q=13.847212,100.571903")
neg("th-neg", "Google Maps: https://maps.app.goo.gl/Xk3pQz9Lm2aBc7Yd8 บ้านหลังที่ 3")
neg("th-neg", "พิกัด 7P52QH2V+8F ซอยข้างเซเว่น")
neg("th-neg", f"รหัส OTP ของคุณคือ {d(6)} (อ้างอิง: ABCD) ห้ามบอกรหัสนี้กับผู้อื่น")
neg("th-neg", f"เลขที่รายการ {'015332' + d(6) + 'BTF' + d(5)} โอนสำเร็จ 5,000.00 บาท")
neg("th-neg", f"จาก {masked_acct()} ไปยัง {masked_acct()} จำนวน 12,500.00 บาท")
neg("th-neg", f"เลขที่อ้างอิง {'2025112815' + d(8)} ยอดเงิน 45,900 บาท")
neg("th-neg", "[28/11/2568 14:32] ยกเลิกข้อความ")
neg("th-neg", "โทรด้วยเสียง 03:25 สายที่ไม่ได้รับ 14:07")
neg("th-neg", "ราคาโปร 129,000 บาท 👉 ถึง 30 พ.ย. นี้เท่านั้น")
neg("th-neg", f"ไปรษณีย์ไทย EY{d(9)}TH ถึงแล้ว")
neg("th-neg", f"ลิงก์สติกเกอร์ https://store.line.me/stickershop/product/{d(8)}/th")
neg("th-neg", "เข้ากลุ่มไลน์ https://line.me/R/ti/g/4Bx9qKm2Zt ค่ะ")
neg("th-neg", f"ลาซาด้า https://www.lazada.co.th/products/i{not_thid(10, '3')}.html")
neg("th-neg", f"เลขคำสั่งซื้อ 2511288{alnum(7)}")
neg("th-neg", "ค่าไฟเดือนนี้ 4,580.25 บาท ใช้ไป 1,023 หน่วย")
neg("th-neg", f"เลขเครื่องอินเวอร์เตอร์ {not_thid(10, '21')} ออนไลน์แล้ว")
neg("th-neg", "หมายเลขข้อความ 6983451237 ถูกส่งต่อ 3 ครั้ง")
neg("th-neg", f"เลขบัญชีลงท้ายด้วย {d(4)} ใช่ไหมคะ")
neg("th-neg", f"ดูคลิปติดตั้ง https://www.youtube.com/watch?v=Xy7{alnum(8)} ค่ะ")
neg("th-neg", "นัดช่าง 10:30 น. วันที่ 5/12/2568 นะคะ")
neg("th-neg", f"บัตร ****{d(4)} ถูกตัดเงิน 2 ครั้ง")
neg("th-neg", f"ประชุม Zoom ID 8{d(2)} {d(4)} {d(4)} รหัสผ่าน {d(6)}")

# =============================== Chinese ===============================
x = cnmob()
add("zh-forward", f"【转发】张伟：我的手机号是 {P(x)}，周末都在家")
x = cnmob()
add("zh-forward", f"[聊天记录] 李娜 14:32 电话 {P(cnmob_sp(x))} 李娜 14:33 [图片]")
add("zh-forward", f"> 邮箱 {E('wangfang2019@163.com')} 对吗 对的，报价单发这里")
x = cnmob()
add("zh-forward", f"回复 王经理：“你的手机还是 {P(x)} 吗？” 是的")
t = cnid()
add("zh-forward", f"转发自 销售部：客户身份证号 {CN(t)}，用于开发票")
x = cnmob()
add("zh-forward", f"Forwarded from 陈先生: 电话 {P(cnmob_sp(x, '-'))}，微信 {W('chen_sz_1985')}")
add("zh-forward", f"> 卡号 {C(groups4(card('62', 16)))} 被扣了两次 已经在退款了")
x = cnmob()
add("zh-forward", f"刘工 转发：安装师傅明天九点联系您，师傅电话 {P(x)}")

x = cnmob()
add("zh-markdown", f"*电话：* {P(cnmob_sp(x))} *邮箱：* {E('liu.yang@qq.com')}")
x = cnmob()
add("zh-markdown", f"📞 {P(x)}（赵女士）")
add("zh-markdown", f"☎️ {P('0755-' + r.choice('2368') + d(7))} 转 8021 ✉️ {E('sales@sz-pv.com.cn')}")
x = cnmob()
add("zh-markdown", f"联系 👉 {P(x)} 👈 随时")
x = cnmob()
add("zh-markdown", f"🔹姓名：孙磊 🔹手机：{P(x)} 🔹微信：{W('sunlei_88')}")
add("zh-markdown", f"邮箱 `{E('zhou.min@sina.com')}`，全是小写")
x = cnmob()
add("zh-markdown", f"**手机** {P(x)} **邮箱** {E('huang_li@126.com')}")
add("zh-markdown", f"加我微信👉{W('wxid_k8m2p9')}")
x = cnmob()
add("zh-markdown", f"电话（{P(cnmob_sp(x, '-'))}）随时打 🙏")
add("zh-markdown", f"~~{E('yang.fan@163.com')}~~ 换成 {E('yang.fan@foxmail.com')}")

x = cnmob()
add("zh-link", f"WhatsApp 链接 wa.me/{P('86' + x)}，国外也能联系")
x = cnmob()
add("zh-link", f"点击拨打 tel:{P('+86' + x)}")
add("zh-link", f"mailto:{E('gao.jie@sz-energy.cn')}?subject=报价")
add("zh-link", f"泰国同事的LINE https://line.me/ti/p/~{L('wan_th_2530')}")
m = thmob()
add("zh-link", f"https://wa.me/{P(wa(m))}?text=你好，我想咨询光伏")
x = cnmob()
add("zh-link", f"[给我打电话](tel:{P(x)})")

m = thmob()
add("zh-promptpay", f"在泰国付款用 PromptPay {P(m)}（我太太的手机号）")
t = thid()
add("zh-promptpay", f"泰国的 PromptPay 是身份证号 {T(t)}，户名 Chen Li")
x = cnmob()
add("zh-promptpay", f"支付宝账号 {P(x)}，户名 李*")
m = thmob()
add("zh-promptpay", f"退款请转到 PromptPay {P(dash3(m))}，谢谢")

a = cnacct()
add("zh-slip", f"转账成功 收款人：深圳光伏科技有限公司 付款账号：{B(groups4(a))} 中国工商银行 金额：¥38,500.00 "
    f"交易流水号：{'2025112815' + d(12)}")
a = cnacct("6217", 19)
add("zh-slip", f"汇款回单：付款人 王强，账号 {B(a)}，建设银行；收款人 泰阳能源，金额 ¥12,800.00，"
    f"流水号 {'20251128' + d(14)}")
a, a2 = cnacct(), cnacct("6228", 19)
add("zh-slip", f"不好意思，账号发错了，不是 {B(a)}，应该是 {B(a2)}，农业银行")
a = cnacct("6225", 16)
add("zh-slip", f"开户行：招商银行深圳分行 / 账号：{B(a)} / 户名：周敏")

x, x2 = cnmob(), cnmob()
add("zh-correct", f"不好意思发错了，正确的手机号是 {P(x2)}，不是 {P(x)}")
x, x2 = cnmob(), cnmob()
add("zh-correct", f"更正：{P(x)} ❌ {P(x2)} ✅")
add("zh-correct", f"邮箱写错了，应该是 {E('ma.jun@163.com')}（不是 {E('ma.jun@136.com')}）")
x = cnmob()
add("zh-correct", f"旧号码停机了，用这个 {P(cnmob_sp(x))} 吧")

x, x2 = cnmob(), cnmob()
add("zh-split", f"手机 {P(x)} / {P(x2)}（备用）")
x = cnmob()
add("zh-split", f"微信：{W('lin_feng_sz')} | 电话：{P(x)} | 邮箱：{E('lin.feng@qq.com')}")
x, x2 = cnmob(), cnmob()
add("zh-split", f"（我 {P(x)}）（老婆 {P(x2)}）")
x = cnmob()
add("zh-split", f"[手机] {P(x)} [邮箱] {E('xu.ting@outlook.com')}")
x = cnmob()
add("zh-split", f"姓名：吴刚 / 电话：{P(x)} / 身份证：{CN(cnid())}")

x = cnmob()
add("zh-mixed", f"我的 mobile 是 {P(x)}，email {E('wu.hao@gmail.com')}")
m = thmob()
add("zh-mixed", f"我在泰国的号码 {P(dash3(m))}，LINE {L('chen_bkk88')}")
m = thmob()
add("zh-mixed", f"泰国手机 {P(intl(m))}（WhatsApp 同号）")
add("zh-mixed", f"信用卡 {C(groups4(card('4')))} 付定金失败了")
add("zh-mixed", f"护照号 {PP('E' + d(8))}，办泰国工作证用")
add("zh-mixed", f"监控 IP {IP(ip4())} 连不上了，帮忙看看")
x = cnmob()
add("zh-mixed", f"Forwarded from 郑总: 项目经理电话 {P(x)}，有事找他")
o = bkk()
add("zh-mixed", f"曼谷办公室 {P(bkk_dash(o))}，手机 {P(dash3(thmob()))}")
t = cnid()
add("zh-mixed", f"身份证 {CN(t[:6] + ' ' + t[6:14] + ' ' + t[14:])}（办合同用）")
x = cnmob()
add("zh-mixed", f"📲 微信/电话 {P(x)} 同号")
add("zh-mixed", f"设计图发到 {E('design.cn@siam-build.com')} 或者微信 {W('siam_build_cn')}")
x = cnmob()
add("zh-mixed", f"[图片] [图片] 这是屋顶，电话 {P(x)}")
x = cnmob()
add("zh-mixed", f"手机 {P('+86 ' + cnmob_sp(x, '-'))}（国内）")
x = cnmob()
add("zh-mixed", f"V信 {W('vx_liang_77')}，手机 {P(x)}")
t = thid()
add("zh-mixed", f"泰国身份证号 {T(thid_dashed(t))}，用于申请并网")

x = cnmob()
add("zh-forward", f"微信转发的名片：王磊 手机 {P(x)} 微信号 {W('wanglei_gz82')}")
add("zh-slip", f"收款码不方便，直接转账到 {B(cnacct())} 工商银行 户名 张三")
x = cnmob()
add("zh-mixed", f"Telegram：{P('+86 ' + cnmob_sp(x))}")
m = thmob()
add("zh-link", f"泰国客户的 WhatsApp：wa.me/{P(wa(m))}")

neg("zh-neg", f"订单链接 https://item.jd.com/{not_thid(11, '1')}.html 还没发货")
neg("zh-neg", f"快递单号 SF{d(13)}，预计明天到")
neg("zh-neg", "高德地图 https://surl.amap.com/3kPq9XzA1b 工地位置")
neg("zh-neg", "坐标 22.543096,114.057865，南山区")
neg("zh-neg", f"【光伏云】验证码 {d(6)}，5分钟内有效，请勿泄露")
neg("zh-neg", f"交易单号 {'4200002' + d(21)}，商户单号 {'20251128' + d(12)}")
neg("zh-neg", f"付款账号 **** **** **** {d(4)}，金额 ¥5,000.00")
neg("zh-neg", f"流水号 {'2025112814' + d(10)}，转账成功")
neg("zh-neg", "[2025-11-28 14:32:10] 撤回了一条消息")
neg("zh-neg", "语音通话 03:25，未接来电 14:07")
neg("zh-neg", "特价 ¥12,800（原价 ¥15,900）👉 截止 11月30日")
neg("zh-neg", f"淘宝订单 https://detail.tmall.com/item.htm?id={not_thid(12, '6')}")
neg("zh-neg", f"消息ID {not_thid(10, '6')} 已转发 3 次")
neg("zh-neg", f"视频号 https://channels.weixin.qq.com/{alnum(10)} 看安装视频")
neg("zh-neg", f"抖音 https://v.douyin.com/{alnum(7)}/ 安装教程")
neg("zh-neg", "电费 ¥1,023.45，用电 1,580 度")
neg("zh-neg", f"逆变器序列号 {not_thid(10, '21')} 已上线")
neg("zh-neg", f"尾号 {d(4)} 的银行卡已到账 ¥30,000.00")
neg("zh-neg", "手机号 139****5678 是你吗")
neg("zh-neg", f"腾讯会议号 {d(3)} {d(3)} {d(3)}，密码 {d(4)}")
neg("zh-neg", "2025年11月28日 14:32 预约安装")
neg("zh-neg", f"群二维码 https://weixin.qq.com/g/{alnum(16)} 7天内有效")
neg("zh-neg", f"拼多多订单号 {'251128-' + d(15)}")
neg("zh-neg", "容量 10kWh，功率 5kW，质保 10 年")
neg("zh-neg", "加入 Telegram 群 https://t.me/joinchat/AAAAAEkX9q2n8Zt 获取通知")

# Missed when the set was first measured are kept (and measured) as TODO cases until a general
# rule finds them (docs/redaction.md, the twelfth fresh set): the blind run's three misses (an id
# after `**LINE:**` and after `[LINE]`, Telegram's `t.me/+66…`) are found now.
KNOWN_MISS_STARTS = ()
write(sys.argv[1], """# Twelfth fresh set of redaction cases (bench/gen-redact-fresh12.py), written before the redactor
# was run on it: about sixty messages with values and twenty-five hard negatives per language
# (categories en-, th-, zh-), as they arrive from chat channels and apps (LINE, WhatsApp, Telegram,
# WeChat): forwarded and quoted messages, chat exports with time stamps, markdown and emoji around
# the values, values in URLs and deep links (wa.me, api.whatsapp.com, tel:, mailto:, line.me, t.me),
# PromptPay ids (a phone number or a national ID), bank transfer slips pasted as text (the customer's
# account, the company's masked one, reference and transaction numbers), values in parentheses and
# brackets or split across " / ", Thai and Chinese mixed with English, corrected values; hard
# negatives of the same channels (URLs with long numeric ids, tracking numbers, order ids in links,
# Google Maps links, coordinates and plus codes, time stamps, message ids, amounts, slip references,
# OTP codes, masked numbers, meeting ids). Same format as redact.tests (`INPUT ⇒ EXPECTED`, `=` for
# unchanged); run by tests/plugins/test-redact-golden.c (test redact-golden-fresh12: the cases of
# [known-miss] are TODO while they leak) and measured by
# `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh12.tests`.
""",
      lambda text, expected: text.startswith(KNOWN_MISS_STARTS))
