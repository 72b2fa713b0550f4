#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh19.tests: a nineteenth fresh set of redaction cases, written before
any run of the redactor on it. Text as other channels and apps deliver it, in English, Thai and Chinese
(categories `en-`, `th-`, `zh-`):

- forwarded LINE, WhatsApp and Telegram chats with their timestamps, senders' names and @mentions;
- markdown and HTML around values (`*081-234-5678*`, `**…**`, `` `…` ``, `<b>…</b>`, `<a href="tel:…">`),
  HTML entities (`&nbsp;`, `&#48;`, `&#64;`);
- invisible characters inside values as copy and paste leaves them: zero-width space, zero-width
  joiner, soft hyphen, no-break and narrow no-break spaces, word joiner, left-to-right marks;
- emoji around or between the digits (`📞0812345678`, keycap digits);
- values in links, percent-encoded (`%40` for `@`, `%2B66`), and in JSON and CSV exports.

Hard negatives of the same shapes: message, chat and user ids, epoch timestamps, order numbers,
hashtags, prices, sticker ids, links without personal data, HTML and JSON without values.

Values have valid checksums (Thai ID mod 11 with a real province, Chinese ID ISO 7064 MOD 11-2, Luhn
for cards); bank accounts fail Luhn so that they are not also cards.

    bench/gen-redact-fresh19.py tests/data/redact-fresh19.tests
"""
import sys

import redact_cases
from redact_cases import B, C, CN, E, IP, L, P, PP, T, W, acct, acct_dashed, add, card, cnmob, \
    cnmob_sp, d, dash3, groups4, neg, not_luhn, sp3, start, thd, thid_dashed, thmob, write
from redact_cases import thid_province as thid

r = start(20261919)

ZWSP, ZWJ, SHY, NBSP, NNBSP, WJ, LRM, RLM, BOM = "\u200b", "\u200d", "\u00ad", "\u00a0", "\u202f", "\u2060", \
    "\u200e", "\u200f", "\ufeff"
INVISIBLE = [ZWSP, ZWJ, SHY, WJ, LRM, BOM]


def cnid():
    return redact_cases.cnid(["110105", "310115", "440305", "330106", "510107", "320102"], (1970, 2001))


def sprinkle(s, ch, every=None):
    """@s with @ch between its characters: after every @every, or at two random places."""
    if every:
        return ch.join(s[i:i + every] for i in range(0, len(s), every))
    cut = sorted(r.sample(range(1, len(s)), 2))
    return s[:cut[0]] + ch + s[cut[0]:cut[1]] + ch + s[cut[1]:]


def ent(s):
    """@s with its first digit as an HTML decimal entity."""
    return f"&#{ord(s[0])};" + s[1:]


def keycaps(s):
    return "".join(c + "\ufe0f\u20e3" for c in s)


def ts():
    return f"{r.randint(10, 28)}/11/2026, {r.randint(8, 21):02d}:{r.randint(0, 59):02d}"


def intl(m):
    return "+66" + m[1:]


def email(user):
    return f"{user}{d(2)}@{r.choice(['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com'])}"


def cn_email(user):
    return f"{user}{d(3)}@{r.choice(['qq.com', '163.com', '126.com'])}"


def lineid(base):
    return f"{base}{d(2)}"


# =============================== English ===============================
# -- forwarded chats
for name, m in (("Somchai", thmob()), ("Dao K.", thmob()), ("Mike", thmob())):
    add("en-chat", f"[{ts()}] {name}: pls call me on {P(dash3(m))} tomorrow")
add("en-chat", f"Forwarded from Anan Solar: my whatsapp is {P(intl(thmob()))}")
add("en-chat", f"{ts()} - Peter: @Nok can you email the quote to {E(email('peter.w'))}")
add("en-chat", f"[{ts()}] Lisa: @Support my LINE id is {L(lineid('lisa_bkk'))} 👍")
add("en-chat", f"Jane, [28.11.26 09:{d(1)}5]\u2003tel {P(sp3(thmob()))}")
add("en-chat", f"--- Forwarded message --- From: Tom <{E(email('tom.b'))}> Date: 28 Nov 2026")
add("en-chat", f"@admin here's my ID {T(thid_dashed(thid()))} for the tax invoice")
add("en-chat", f"👤 Khun Ploy ⏰ 14:05 ▸ my mobile {P(thmob())} call after lunch")

# -- markdown and HTML
add("en-markup", f"call me *{P(dash3(thmob()))}*")
add("en-markup", f"**Phone:** {P(dash3(thmob()))}")
add("en-markup", f"email: `{E(email('kanya.s'))}`")
add("en-markup", f"_my number is {P(thmob())}_")
add("en-markup", f"~~{P('081-111-2222')}~~ new number {P(dash3(thmob()))}")
add("en-markup", f"[email me](mailto:{E(email('sales.team'))})")
add("en-markup", f"<b>{P(dash3(thmob()))}</b>")
add("en-markup", f"<p>Tel: <strong>{P(sp3(thmob()))}</strong></p>")
add("en-markup", f'<a href="tel:{P(intl(thmob()))}">Call us</a>')
add("en-markup", f'<a href="mailto:{E(email("info.home"))}">email</a>')
m = thmob()
add("en-markup", f"Tel:&nbsp;{P(m[:3] + '&nbsp;' + m[3:6] + '&nbsp;' + m[6:])}")
add("en-markup", f"phone {P(ent(thmob()))}")
add("en-markup", f"email {E('mike.t' + d(2) + '&#64;gmail.com')}")
add("en-markup", f"<td>Card</td><td>{C(groups4(card('4')))}</td>")
add("en-markup", f"> my account is {B(acct_dashed())} (Kasikorn)")
add("en-markup", f"- phone: {P(dash3(thmob()))}\\n- email: {E(email('jo.p'))}")

# -- invisible characters
for ch in (ZWSP, ZWJ, SHY, WJ, LRM, BOM):
    add("en-invisible", f"my number is {P(sprinkle(thmob(), ch))} thanks")
add("en-invisible", f"call {P(sprinkle(thmob(), ZWSP, 1))}")
add("en-invisible", f"mobile: {P(dash3(thmob()).replace('-', NBSP))}")
add("en-invisible", f"mobile: {P(dash3(thmob()).replace('-', NNBSP))}")
add("en-invisible", f"{LRM}Tel {P(intl(thmob()))}{LRM}")
add("en-invisible", f"email {E(sprinkle(email('nattaya.p'), ZWSP))}")
e = email('boonmee')
add("en-invisible", f"email {E(e.replace('@', ZWSP + '@' + ZWSP))}")
add("en-invisible", f"ID card {T(sprinkle(thid(), SHY))}")
add("en-invisible", f"card {C(groups4(card('5')).replace(' ', NBSP))} exp 09/28")
add("en-invisible", f"Krungthai account {B(sprinkle(acct(), WJ))}")
add("en-invisible", f"passport {PP('AA' + sprinkle(d(7), ZWSP))}")

# -- emoji
add("en-emoji", f"📞{P(thmob())}")
add("en-emoji", f"☎️ {P(dash3(thmob()))} ☎️")
add("en-emoji", f"call me {P(dash3(thmob()))}🙏")
add("en-emoji", f"my no. {P(keycaps(thmob()))}")
m = thmob()
add("en-emoji", f"phone {P(m[:3] + '📱' + m[3:6] + '📱' + m[6:])}")
add("en-emoji", f"✉️{E(email('somsak.r'))}✅")

# -- links, JSON, CSV
add("en-link", f"https://baanrak.solar/contact?email={E(email('pim.k').replace('@', '%40'))}&src=line")
add("en-link", f"https://example.co.th/callback?phone={P('%2B66' + thmob()[1:])}")
add("en-link", f"click tel:{P('%2B66' + thmob()[1:])} to call")
add("en-link", f"mailto:{E(email('anna.k').replace('@', '%40'))}?subject=quote")
add("en-link", f"https://wa.me/{P('66' + thmob()[1:])}?text=hi")
add("en-link", f"https://line.me/ti/p/~{L(lineid('somchai.k'))}")
add("en-json", f'{{"name":"Somchai","phone":"{P(thmob())}","email":"{E(email("somchai.j"))}"}}')
add("en-json", f'{{"customer": {{"tel": "{P(dash3(thmob()))}", "id_card": "{T(thid())}"}}}}')
add("en-json", f'{{"line":"{L(lineid("mint_k"))}","ip":"{IP("171.98." + str(r.randint(1, 254)) + "." + str(r.randint(1, 254)))}"}}')
JSON_AT = "\\u0040"
add("en-json", f'"contact_email": "{E(email("j.smith").replace("@", JSON_AT))}"')
add("en-csv", f"Somchai Jaidee,{P(thmob())},{E(email('somchai.jd'))},Bangkok")
add("en-csv", f'"Dao","{P(dash3(thmob()))}","{T(thid())}"')
add("en-csv", f"2026-11-28;Anan;{P(intl(thmob()))};{B(acct_dashed())}")
add("en-csv", f"name\tphone\tcard\tKorn\t{P(thmob())}\t{C(card('4'))}")
add("en-csv", f"Wang Lei,{P('+86 ' + cnmob_sp(cnmob()))},{PP('E' + d(8))} (passport)")

# -- hard negatives
for text in [
    f"[{ts()}] Somchai: ok thanks 👍",
    f"message id: {d(16)}",
    f'{{"message_id": {d(5)}, "chat_id": -100{d(10)}, "date": 17{d(8)}}}',
    f'{{"ts": 17{d(11)}, "type": "sticker", "sticker_id": "{d(8)}"}}',
    f"order *#{d(10)}* shipped",
    "<b>฿12,500</b> per panel, <i>free install</i>",
    "Price: 1,290,000&nbsp;THB incl. VAT",
    "#solar2026 #baanrak #8kW",
    f"https://shopee.co.th/product/{d(9)}/{d(10)}",
    "https://youtu.be/dQw4w9WgXcQ?t=42",
    f"https://maps.app.goo.gl/{d(2)}xKq{d(3)}Zp",
    "https://baanrak.solar/search?q=inverter%2010kW&page=2",
    f"Telegram user_id {'5' + d(9)}",
    f"invoice,{d(10)},2026-11-28,12500.00",
    f"12:{d(2)} PM ✓✓ seen",
    "📦 tracking TH" + d(12) + "A",
]:
    neg("en-neg", text)

# =============================== Thai ===============================
for name, m in (("พี่ต้น", thmob()), ("น้องมิ้นท์", thmob()), ("คุณแดง", thmob())):
    add("th-chat", f"{r.randint(10, 23)}:{d(1)}{d(1)} {name} เบอร์ติดต่อ {P(dash3(m))} ค่ะ")
add("th-chat", f"[LINE] แชทกับ ร้านบ้านรัก ● 28.11.2026 ● คุณนก: โทร {P(thmob())} นะคะ")
add("th-chat", f"@Admin ไลน์ผม {L(lineid('tee.tanakorn'))} ครับ")
add("th-chat", f"ส่งต่อจาก คุณเอ: อีเมล {E(email('aekkachai.s'))}")
add("th-chat", f"{ts()} - ป้าศรี: เลขบัตรประชาชน {T(thid_dashed(thid()))}")
add("th-chat", f"คุณปอ ได้ส่งข้อความ: บัญชีกสิกร {B(acct_dashed())} ค่ะ")
add("th-chat", f"@พี่ช่าง มาที่ {P(thmob())} ได้เลยค่ะ 🙏")

add("th-markup", f"โทร *{P(dash3(thmob()))}*")
add("th-markup", f"**เบอร์โทร:** {P(sp3(thmob()))}")
add("th-markup", f"อีเมล `{E(email('suda.w'))}`")
add("th-markup", f"<b>โทร {P(thmob())}</b>")
add("th-markup", f"<span>เลขบัญชี</span> <b>{B(acct_dashed())}</b> ไทยพาณิชย์")
add("th-markup", f'<a href="tel:{P(thmob())}">โทรหาเรา</a>')
m = thmob()
add("th-markup", f"เบอร์&nbsp;{P(m[:3] + '&nbsp;' + m[3:])}")
add("th-markup", f"เบอร์ {P(ent(thmob()))}")
add("th-markup", f"อีเมล {E('wanida.k' + d(2) + '&#64;hotmail.com')}")
add("th-markup", f"~เบอร์เก่า~ เบอร์ใหม่ {P(dash3(thmob()))}")

for ch in (ZWSP, ZWJ, SHY, WJ, LRM, RLM):
    add("th-invisible", f"เบอร์ {P(sprinkle(thmob(), ch))} ค่ะ")
add("th-invisible", f"โทร{ZWSP}{P(thmob())}{ZWSP}นะครับ")
add("th-invisible", f"เบอร์ {P(dash3(thmob()).replace('-', NBSP))}")
add("th-invisible", f"เบอร์ {P(sp3(thmob()).replace(' ', NNBSP))}")
add("th-invisible", f"เลขบัตร {T(sprinkle(thid_dashed(thid()), ZWSP))}")
add("th-invisible", f"เลขบัตรประชาชน {T(sprinkle(thid(), SHY, 4))}")
add("th-invisible", f"อีเมล {E(sprinkle(email('pornthip.s'), ZWJ))}")
add("th-invisible", f"บัญชีกรุงเทพ {B(sprinkle(acct(), ZWSP))}")
add("th-invisible", f"บัตรเครดิต {C(groups4(card('4')).replace(' ', NNBSP))}")
add("th-invisible", f"ไลน์ {L(sprinkle(lineid('nok_2536'), ZWSP))}")
add("th-invisible", f"{thd('0')}{ZWSP}" if False else f"เบอร์ {P(thd(sprinkle(thmob(), ZWSP)))}")

add("th-emoji", f"📞 {P(dash3(thmob()))} ☎️")
add("th-emoji", f"โทร👉{P(thmob())}")
add("th-emoji", f"เบอร์ {P(keycaps(thmob()))} ค่ะ")
m = thmob()
add("th-emoji", f"เบอร์ {P(m[:3] + '✨' + m[3:6] + '✨' + m[6:])}")
add("th-emoji", f"📧{E(email('jirapa.n'))}💕")
add("th-emoji", f"เลขบัญชี💰{B(acct())}💰กสิกร")

add("th-link", f"https://baanrak.solar/form?tel={P(thmob())}&name=%E0%B8%99%E0%B8%81")
add("th-link", f"https://baanrak.solar/form?email={E(email('kob.s').replace('@', '%40'))}")
add("th-link", f"ลิงก์ tel:{P('%2B66' + thmob()[1:])}")
add("th-link", f"https://wa.me/{P('66' + thmob()[1:])}")
add("th-link", f"https://line.me/R/ti/p/~{L(lineid('ploy.bkk'))}")
add("th-json", f'{{"ชื่อ":"สมชาย","เบอร์":"{P(thmob())}","อีเมล":"{E(email("somchai.t"))}"}}')
add("th-json", f'{{"เลขบัตร": "{T(thid())}", "บัญชี": "{B(acct_dashed())}"}}')
add("th-json", f'{{"line_id":"{L(lineid("oil_cm"))}","phone":"{P(intl(thmob()))}"}}')
add("th-csv", f"สมศรี ใจดี,{P(thmob())},{E(email('somsri.j'))},นนทบุรี")
add("th-csv", f'"มานี","{P(dash3(thmob()))}","{T(thid_dashed(thid()))}"')
add("th-csv", f"ลูกค้า;{P(thmob())};บัตร {C(card('5'))}")
add("th-csv", f"ชื่อ,เบอร์,IP\nวิชัย,{P(thmob())},{IP('182.52.' + str(r.randint(1, 254)) + '.' + str(r.randint(1, 254)))}".replace("\n", " "))

for text in [
    f"{r.randint(10, 23)}:{d(2)} คุณนก: ได้ค่ะ ขอบคุณค่ะ 🙏",
    f"เลขที่คำสั่งซื้อ *{d(10)}*",
    "<b>ราคา 45,900 บาท</b> ผ่อน 0% 10 เดือน",
    "ราคา&nbsp;฿&nbsp;129,000",
    "#โซลาร์เซลล์ #บ้านรัก #ประหยัดไฟ2026",
    f"สติกเกอร์ package {d(5)} sticker {d(8)}",
    f"https://www.facebook.com/baanrak/posts/{d(16)}",
    "https://baanrak.solar/?utm_source=line&utm_campaign=nov2026",
    f'{{"messageId":"{d(18)}","timestamp":17{d(11)}}}',
    f"เลขพัสดุ `TH{d(11)}A`",
    f"ใบเสนอราคา,QT{d(8)},29/11/2569,฿85,000",
    "ติดตั้ง 5 kW​ผลิตไฟ 600 หน่วย/เดือน",
    f"หมายเลขมิเตอร์ {d(9)} ค่ะ",
    f"อ่านแล้ว {r.randint(10, 23)}:{d(2)} น.",
    f"โหวต 👍 {d(3)} คน",
    "ส่งสติกเกอร์ (ID 52002734)",
]:
    neg("th-neg", text)

# =============================== Chinese ===============================
for name, c in (("王磊", cnmob()), ("李娜", cnmob()), ("小陈", cnmob())):
    add("zh-chat", f"{name} {r.randint(10, 23)}:{d(1)}{d(1)}\u2003我的手机 {P(cnmob_sp(c))}")
add("zh-chat", f"【转发】张伟：微信号 {W('zhangwei_' + d(3))}")
add("zh-chat", f"@客服 我的邮箱是 {E(cn_email('liu.yang'))}")
add("zh-chat", f"[{ts()}] 陈先生: 身份证 {CN(cnid())}")
add("zh-chat", f"聊天记录 2026/11/28 周六 赵敏：电话 {P('+86 ' + cnmob_sp(cnmob(), '-'))}")
add("zh-chat", f"@老王 泰国手机 {P(dash3(thmob()))} 打这个")
add("zh-chat", f"转发自 Telegram：护照号 {PP('E' + d(8))}")

add("zh-markup", f"电话 *{P(cnmob())}*")
add("zh-markup", f"**手机：** {P(cnmob_sp(cnmob()))}")
add("zh-markup", f"邮箱 `{E(cn_email('chen.jie'))}`")
add("zh-markup", f"<b>联系电话：{P(cnmob())}</b>")
add("zh-markup", f'<a href="mailto:{E(cn_email("wang.fang"))}">发邮件</a>')
c = cnmob()
add("zh-markup", f"手机&nbsp;{P(c[:3] + '&nbsp;' + c[3:7] + '&nbsp;' + c[7:])}")
add("zh-markup", f"电话 {P(ent(cnmob()))}")
add("zh-markup", f"邮箱 {E('li.ming' + d(3) + '&#64;163.com')}")
add("zh-markup", f"<td>卡号</td><td>{C(groups4(card('6', 16)))}</td>")
add("zh-markup", f"> 收款账号：{B(not_luhn(19, '6222'))}（工商银行）")

for ch in (ZWSP, ZWJ, SHY, WJ, LRM, BOM):
    add("zh-invisible", f"手机 {P(sprinkle(cnmob(), ch))} 谢谢")
add("zh-invisible", f"电话{ZWSP}{P(cnmob())}")
add("zh-invisible", f"手机 {P(cnmob_sp(cnmob(), NBSP))}")
add("zh-invisible", f"手机 {P(cnmob_sp(cnmob(), NNBSP))}")
add("zh-invisible", f"身份证 {CN(sprinkle(cnid(), ZWSP))}")
add("zh-invisible", f"身份证号码 {CN(sprinkle(cnid(), SHY, 6))}")
add("zh-invisible", f"邮箱 {E(sprinkle(cn_email('zhao.lei'), ZWSP))}")
add("zh-invisible", f"微信 {W(sprinkle('wxid_' + d(6), WJ))}")
add("zh-invisible", f"银行账号 {B(sprinkle(not_luhn(16, '6217'), ZWSP))}")
add("zh-invisible", f"泰国电话 {P(sprinkle(thmob(), LRM))}")

add("zh-emoji", f"📞{P(cnmob())}")
add("zh-emoji", f"电话👉{P(cnmob_sp(cnmob()))}👈")
add("zh-emoji", f"手机 {P(keycaps(cnmob()))}")
c = cnmob()
add("zh-emoji", f"手机 {P(c[:3] + '🌟' + c[3:7] + '🌟' + c[7:])}")
add("zh-emoji", f"📧{E(cn_email('sun.li'))}✨")
add("zh-emoji", f"微信💬{W('lily_' + d(4))}")

add("zh-link", f"https://baanrak.solar/cn?email={E(cn_email('yang.mei').replace('@', '%40'))}")
add("zh-link", f"tel:{P('%2B86' + cnmob())}")
add("zh-link", f"https://wa.me/{P('86' + cnmob())}")
add("zh-link", f"https://t.me/{P('+86' + cnmob())}")
add("zh-json", f'{{"姓名":"王芳","手机":"{P(cnmob())}","邮箱":"{E(cn_email("wangfang"))}"}}')
add("zh-json", f'{{"身份证": "{CN(cnid())}", "微信": "{W("wf_" + d(5))}"}}')
add("zh-json", f'{{"phone":"{P("+86-" + cnmob())}","card":"{C(card("6", 16))}"}}')
add("zh-csv", f"李雷,{P(cnmob())},{E(cn_email('lilei'))},上海")
add("zh-csv", f'"韩梅梅","{P(cnmob_sp(cnmob(), "-"))}","{CN(cnid())}"')
add("zh-csv", f"客户;{P(cnmob())};开户行 招商银行;账号 {B(not_luhn(16, '6214'))}")
add("zh-csv", f"序号,姓名,IP 1,张三,{IP('115.' + str(r.randint(1, 254)) + '.' + str(r.randint(0, 255)) + '.' + str(r.randint(1, 254)))}")

for text in [
    f"{r.randint(10, 23)}:{d(2)} 王磊：好的，谢谢 👍",
    f"订单号 *{d(11)}*",
    "<b>¥38,900</b> 含安装",
    "价格&nbsp;¥&nbsp;12,800",
    "#光伏 #储能2026 #泰国",
    f"表情包 ID {d(8)}",
    f"消息ID：{d(19)}",
    f'{{"msg_id":"{d(16)}","create_time":17{d(8)}}}',
    f"https://item.jd.com/{d(11)}.html",
    f"https://www.bilibili.com/video/BV1{d(2)}4y1{d(1)}7xK",
    "https://baanrak.solar/cn?q=%E5%85%89%E4%BC%8F&page=3",
    f"快递单号 `SF{d(12)}`",
    f"发票,{d(8)},2026-11-28,¥9,800.00",
    f"群成员 {d(3)} 人 · 已读 {d(2)}",
    "逆变器 10kW，电池 15 度",
    f"工单 WO-{d(4)}-{d(5)} 已关闭",
]:
    neg("zh-neg", text)

# None is left leaking: the misses of the blind run (invisible characters, HTML entities, keycap digits,
# emoji between groups, an @mention before a LINE keyword, markdown's underscores) are fixed.
KNOWN_MISS_STARTS = ()
write(sys.argv[1], """# Nineteenth fresh set of redaction cases (bench/gen-redact-fresh19.py), written before the
# redactor was run on it: text as other channels and apps deliver it, in English, Thai and Chinese
# (categories en-, th-, zh-): forwarded LINE, WhatsApp and Telegram chats with timestamps, names and
# @mentions; markdown and HTML around values, HTML entities (`&nbsp;`, `&#48;`, `&#64;`); invisible
# characters inside values (zero-width space and joiner, soft hyphen, no-break and narrow no-break spaces,
# word joiner, direction marks); emoji around and between digits; values percent-encoded in links and in
# JSON and CSV exports. Hard negatives of the same shapes: message, chat and sticker ids, timestamps,
# order numbers, hashtags, prices, links without personal data. Same format as redact.tests
# (`INPUT ⇒ EXPECTED`, `=` for unchanged); run by tests/plugins/test-redact-golden.c (test
# redact-golden-fresh19: the cases of [known-miss] are TODO while they leak) and measured by
# `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh19.tests`.
""",
      lambda text, expected: text.startswith(KNOWN_MISS_STARTS) if KNOWN_MISS_STARTS else False)
