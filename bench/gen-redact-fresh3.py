#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh3.tests: a third fresh set of redaction cases, of another flavour
than the first two, written before any run of the redactor on it: text pasted from LINE and WeChat
chats and e-mail signatures (one line each, as a chat box receives them), forms filled in badly,
values split across spaces in unusual places, phone numbers of the neighbouring countries (Laos,
Myanmar, Malaysia, Singapore, Hong Kong, Taiwan) in international form, Thai IDs, passports and
bank accounts among Thai words, e-mail addresses in odd places; and hard negatives that look like
personal data (invoice, PO and serial numbers, GPS coordinates, prices, dates, IP-like versions).

Values have valid checksums (Thai ID mod 11 with a person type 1-8, Chinese ID ISO 7064 MOD 11-2
with a real date of birth, Luhn with the lengths each network issues); bank account numbers fail
Luhn so that they are not also card numbers.

    bench/gen-redact-fresh3.py tests/data/redact-fresh3.tests
"""
import sys

from redact_cases import E, P, V, add, d, luhn, neg, not_luhn, start, thd, thid, thid_dashed, thmob, write

r = start(20261128)


def cnid():
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    base = r.choice(["110108", "310115", "440106", "510104", "330102", "530102", "450103"]) + "%04d%02d%02d" % (
        r.randint(1960, 2003), r.randint(1, 12), r.randint(1, 28)) + d(3)
    return base + "10X98765432"[sum(int(base[i]) * w[i] for i in range(17)) % 11]


def cnmob():
    return "1" + r.choice(["38", "36", "39", "50", "57", "82", "88", "76", "98", "33"]) + d(8)


# ---- e-mail signatures pasted into the chat box (one line each, separators as they come)
m = thmob(); o = "02" + d(7)
add("signature", f"Best regards, Kittipong S. | Project Engineer | M: {P('+66 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])} | "
    f"T: {P('+66 2 ' + o[2:5] + ' ' + o[5:])} | {E('kittipong.s@siamgreen-energy.co.th')}")
m = thmob()
add("signature", f"-- Warm regards, Nattaya P. Procurement Dept. Mob. {P(m[:3] + '.' + m[3:6] + '.' + m[6:])} "
    f"Email. {E('nattaya.p@thaiagro-foods.com')} www.thaiagro-foods.com")
o = "02" + d(7)
add("signature", f"Tel. {P(o[:2] + '-' + o[2:5] + '-' + o[5:])} Fax. {P('02-' + d(3) + '-' + d(4))} "
    f"E-mail : {E('sales@bkk-steelroof.co.th')}")
c = cnmob(); z = "0755" + d(8)
add("signature", f"此致 敬礼！李建国 | 采购经理 | 手机：{P('+86 ' + c[:3] + ' ' + c[3:7] + ' ' + c[7:])} | "
    f"座机：{P(z[:4] + '-' + z[4:8] + ' ' + z[8:])} | 邮箱：{E('li.jianguo@sz-newpower.cn')}")
m = thmob()
add("signature", f"ขอแสดงความนับถือ ณัฐพล วงศ์ใหญ่ ผู้จัดการฝ่ายขาย โทร. {P(m[:3] + ' ' + m[3:6] + ' ' + m[6:])} "
    f"อีเมล {E('nattaphon@wongyai-const.com')}")
add("signature", f"Sent from my iPhone | David Lim, Regional Director APAC, "
    f"{P('+65 9' + d(3) + ' ' + d(4))}, {E('david.lim@sg-renewables.com.sg')}")
add("signature", f"Ahmad Faizal | Operations | Kuala Lumpur | Mobile/WhatsApp: {P('+60 12-' + d(3) + ' ' + d(4))} | "
    f"{E('faizal@my-solarworks.com.my')}")
add("signature", f"陳志明 Chi-Ming Chen | 業務經理 | 手機 {P('+886 9' + d(2) + '-' + d(3) + '-' + d(3))} | "
    f"{E('cm.chen@tw-solartek.com.tw')}")
add("signature", f"Regards, Wong Ka Ho (Kenneth) | Direct: {P('+852 3' + d(3) + ' ' + d(4))} | "
    f"Mobile: {P('+852 9' + d(3) + ' ' + d(4))}")
m = thmob()
add("signature", f"คุณปิยะ (ฝ่ายบัญชี) | ☎ {P(m[:3] + '-' + m[3:6] + '-' + m[6:])} | ✉ {E('piya.acc@rakbaan.co.th')}")
m = thmob()
add("signature", f"Somsak Jaidee, Owner, Jaidee Resort Krabi — mobile {P(m)} — {E('owner@jaideeresort.com')} — "
    f"Line ID: {V('LINE_ID', 'somsak_jd')}")
c = cnmob()
add("signature", f"王芳 Fang Wang｜泰国分公司｜TEL:{P('+86-' + c)}｜E-mail:{E('fang.wang@yunnan-trade.com.cn')}")

# ---- LINE chats pasted with their time stamps and names
m = thmob()
add("line-paste", f"[10:42] คุณแอน: เบอร์ติดต่อ {P(m)} นะคะ")
m = thmob()
add("line-paste", f"14:05 Pim Sukjai ส่งเบอร์ให้แล้วค่ะ {P(m[:3] + '-' + m[3:6] + '-' + m[6:])}")
m = thmob()
add("line-paste", f"2026.11.26 09:15 ช่างเอก โทรหาผมที่ {P(m[:2] + '-' + m[2:6] + '-' + m[6:])} ครับ")
t = thid()
add("line-paste", f"[Line] 11:20 แม่ ส่งเลขบัตรแม่ให้นะลูก {V('TH_ID', thid_dashed(t))}")
add("line-paste", f"16:48 Boy ไลน์ไอดีผม {V('LINE_ID', 'boy.solar88')} แอดมาได้เลย")
m = thmob()
add("line-paste", f"เมื่อวาน 20:31 คุณนก ถ้าโทรไม่ติดโทรเบอร์สำรอง {P(m)} นะ")
add("line-paste", f"18:02 Jum อีเมลจุ๋มค่ะ {E('jum.kanya@hotmail.com')}")
add("line-paste", f"13:10 ร้านวัสดุสมใจ โอนเข้าบัญชีกสิกรไทย {V('BANK_ACCOUNT', '0' + d(2) + '-' + d(1) + '-' + d(5) + '-' + d(1))} ชื่อบัญชี สมใจ ค้าวัสดุ")
m = thmob()
add("line-paste", f"Today 08:55 Mr. Tanaka please call my Thai number {P('+66-' + m[1:3] + '-' + m[3:6] + '-' + m[6:])}")
add("line-paste", f"10:03 Nok ส่ง @ มาให้แอด {V('LINE_ID', '@nokhome')} ไลน์ร้านนะคะ")
m = thmob()
add("line-paste", f"[Photo] [Sticker] 17:22 ป้าศรี เบอร์ป้า {P(thd(m))} จ้า")
t = thid()
add("line-paste", f"09:40 คุณต้น ชื่อ-สกุล ต้น รักดี เลขบัตร {V('TH_ID', t)} ที่อยู่ตามบัตร 12 ม.3")

# ---- WeChat chats pasted
c = cnmob()
add("wechat-paste", f"张工 2026/11/26 10:21:05 我手机{P(c)}，微信同号")
add("wechat-paste", f"李经理 上午10:35 我的微信号是 {V('WECHAT_ID', 'lijl_2019')} 加一下")
add("wechat-paste", f"王姐：发你邮箱了 {E('wangjie_sh@163.com')} 查收一下")
c = cnmob()
add("wechat-paste", f"[语音] [图片] 陈总：有事打我电话 {P(c[:3] + ' ' + c[3:7] + ' ' + c[7:])}")
add("wechat-paste", f"刘先生 11-26 15:02 身份证号{V('CN_ID', cnid())}，合同上写这个")
add("wechat-paste", f"周老板：回国了，加我国内微信 {V('WECHAT_ID', 'zhou-laoban66')}")
c = cnmob()
add("wechat-paste", f"小赵 昨天 21:47 我换号了 新号{P(c[:3] + '-' + c[3:7] + '-' + c[7:])} 旧号别打了")
add("wechat-paste", f"孙女士：老挝那边的项目找我同事 {P('+856 20 ' + d(4) + ' ' + d(4))}")
add("wechat-paste", f"黄经理 14:30 转账到 中国银行 {V('BANK_ACCOUNT', not_luhn(19, '6217'))} 户名 黄明")
add("wechat-paste", f"[转账] 吴工 护照号 {V('PASSPORT', 'E' + d(8))}，办签证用")

# ---- forms filled in badly (labels run together, wrong fields, copy-pasted from a sheet)
t = thid(); m = thmob()
add("form", f"ชื่อ: สมหญิง นามสกุล: มีสุข เลขบัตรประชาชน: {V('TH_ID', thid_dashed(t, ' '))} เบอร์: {P(m[:3] + ' ' + m[3:6] + ' ' + m[6:])}")
m = thmob()
add("form", f"Name:Somchai|Tel:{P(m)}|Email:{E('somchai1975@gmail.com')}|Roof:metal sheet")
m = thmob()
add("form", f"phone: - mobile: {P(m)} email: -")
m = thmob()
add("form", f"Tel.: {P(m[:2] + '-' + m[2:6] + '-' + m[6:])} / Fax: -")
m = thmob(); t = thid()
add("form", f"เบอร์โทรศัพท์*{P(m)}*เลขประจำตัวประชาชน*{V('TH_ID', t)}*")
add("form", f"อีเมล (ถ้ามี) : {E('tuk.tik@yahoo.co.th')} ไลน์ (ถ้ามี) : {V('LINE_ID', 'tuktik99')}")
m = thmob()
add("form", f"Contact number (mobile) ..... {P(m)} ..... Preferred time: evening")
add("form", f"E-mail address:{E('PORNTHIP.S@SCG-HOME.CO.TH')};Phone:{P('+66' + thmob()[1:])}")
t = thid()
add("form", f"ID/Passport No. {V('TH_ID', t)} (Thai)")
add("form", f"ID/Passport No. {V('PASSPORT', 'AC' + d(7))} (Thai passport)")
m = thmob()
add("form", f"1) ชื่อผู้ติดต่อ คุณเก๋ 2) เบอร์ {P(m)} 3) ขนาดบ้าน 2 ชั้น")
c = cnmob()
add("form", f"联系人：赵先生 电话：{P(c)} 地址：曼谷素坤逸路 邮箱：{E('zhao88@qq.com')}")
add("form", f"ชื่อบัญชี นายวิชัย ใจงาม ธนาคาร กรุงเทพ เลขบัญชี {V('BANK_ACCOUNT', d(3) + '-' + d(1) + '-' + d(5) + '-' + d(1))} สาขา บางนา")
m = thmob()
add("form", f"mobile no(pls): {P(m[:3] + ' - ' + m[3:6] + ' - ' + m[6:])}")
m = thmob()
add("form", f"Tel {P(m)}Email {E('anong.w@gmail.com')}")

# ---- values split across spaces (and other separators) in unusual places
m = thmob(); add("split", f"เบอร์ {P(m[:3] + ' ' + m[3:5] + ' ' + m[5:7] + ' ' + m[7:])} ค่ะ")
m = thmob(); add("split", f"call me {P(m[:4] + ' ' + m[4:7] + ' ' + m[7:])}")
m = thmob(); add("split", f"โทร {P(m[:2] + ' ' + m[2:5] + ' ' + m[5:8] + ' ' + m[8:])}")
m = thmob(); add("split", f"tel {P(m[:3] + '-' + m[3:7] + '-' + m[7:])}")
m = thmob(); add("split", f"mobile {P(m[:4] + '-' + m[4:])}")
m = thmob(); add("split", f"ติดต่อ {P(m[:3] + '.' + m[3:6] + '.' + m[6:])}")
m = thmob(); add("split", f"เบอร์ {P(' '.join(m))}")
c = cnmob(); add("split", f"电话 {P(c[:4] + ' ' + c[4:8] + ' ' + c[8:])}")
c = cnmob(); add("split", f"手机 {P(c[:3] + ' ' + c[3:6] + ' ' + c[6:9] + ' ' + c[9:])}")
t = thid(); add("split", f"เลขบัตร {V('TH_ID', t[:1] + ' ' + t[1:4] + ' ' + t[4:7] + ' ' + t[7:10] + ' ' + t[10:])}")
t = thid(); add("split", f"บัตรประชาชน {V('TH_ID', t[:3] + ' ' + t[3:6] + ' ' + t[6:9] + ' ' + t[9:])}")
t = thid(); add("split", f"เลขบัตรประชาชน {V('TH_ID', t[:1] + '-' + t[1:5] + '-' + t[5:10] + '-' + t[10:])}")
k = luhn("4" + d(14)); add("split", f"card {V('CARD', k[:4] + ' ' + k[4:9] + ' ' + k[9:13] + ' ' + k[13:])}")
k = luhn("5" + r.choice("12345") + d(13)); add("split", f"บัตรเครดิต {V('CARD', k[:4] + '  ' + k[4:8] + '  ' + k[8:12] + '  ' + k[12:])}")
add("split", f"email: {V('EMAIL', 'somchai.k [at] gmail [dot] com')}")
add("split", f"อีเมล {V('EMAIL', 'noi_2530(at)hotmail.com')}")
add("split", f"邮箱 {V('EMAIL', 'chen.wei @ 126.com')}")
c = cnid(); add("split", f"身份证 {V('CN_ID', c[:6] + ' ' + c[6:10] + ' ' + c[10:14] + ' ' + c[14:])}")

# ---- neighbours' numbers in international form
add("phone-neighbour", f"ເບີໂທ {P('+856 20 ' + d(4) + ' ' + d(4))} (Vientiane)")
add("phone-neighbour", f"ลูกค้าลาวโทร {P('+856-20-' + d(8))} ค่ะ")
add("phone-neighbour", f"office Vientiane {P('+856 21 ' + d(3) + ' ' + d(3))}")
add("phone-neighbour", f"ช่างพม่าเบอร์ {P('+95 9 ' + d(3) + ' ' + d(3) + ' ' + d(3))}")
add("phone-neighbour", f"Yangon office: {P('+95 1 ' + d(3) + ' ' + d(3))}")
add("phone-neighbour", f"Myanmar mobile {P('+959' + d(9))}")
add("phone-neighbour", f"call my Malaysian number {P('+60 17-' + d(3) + ' ' + d(4))}")
add("phone-neighbour", f"KL office {P('+60 3-' + d(4) + ' ' + d(4))}")
add("phone-neighbour", f"whatsapp {P('+6011' + d(8))}")
add("phone-neighbour", f"SG hp {P('+65 8' + d(3) + '-' + d(4))}")
add("phone-neighbour", f"新加坡办公室 {P('+65 6' + d(3) + ' ' + d(4))}")
add("phone-neighbour", f"香港手機 {P('+852 6' + d(3) + '-' + d(4))}")
add("phone-neighbour", f"HK office: {P('(+852) 2' + d(3) + ' ' + d(4))}")
add("phone-neighbour", f"台灣手機 {P('+886 9' + d(2) + ' ' + d(3) + ' ' + d(3))}")
add("phone-neighbour", f"台北公司 {P('+886-2-' + d(4) + '-' + d(4))}")
add("phone-neighbour", f"เบอร์ไต้หวัน {P('+886 (0)9' + d(2) + '-' + d(6))}")
add("phone-neighbour", f"Malaysia hotline {P('+60 (0)12 ' + d(3) + ' ' + d(4))}")
add("phone-neighbour", f"โทรหาน้องชายที่สิงคโปร์ {P('+65-9' + d(3) + '-' + d(4))} ได้เลย")

# ---- Thai IDs, passports and bank accounts among Thai words
t = thid(); add("th-words", f"เลขบัตรประชาชนของผม{V('TH_ID', t)}นะครับ")
t = thid(); add("th-words", f"บัตรปชช.เลขที่ {V('TH_ID', thd(thid_dashed(t)))}")
t = thid(); add("th-words", f"สำเนาบัตรประชาชน (เลข {V('TH_ID', thid_dashed(t, ' '))}) แนบมาแล้วค่ะ")
t = thid(); add("th-words", f"เลขประจำตัวประชาชน 13 หลัก: {V('TH_ID', t)}")
t = thid(); add("th-words", f"ใช้เลขบัตรนี้ออกใบกำกับภาษีนะคะ {V('TH_ID', t)} ชื่อ นางสาวจิราพร")
t = thid(); add("th-words", f"เลขผู้เสียภาษีคือเลขบัตรเลย {V('TH_ID', thid_dashed(t))} ค่ะ")
t = thid(); add("th-words", f"ผู้ขอใช้ไฟ นายประเสริฐ เลขบัตร{V('TH_ID', t)}ยื่นการไฟฟ้า")
add("th-words", f"หนังสือเดินทางเลขที่ {V('PASSPORT', 'AA' + d(7))} หมดอายุปี 2030")
add("th-words", f"ลูกค้าฝรั่งส่งพาสปอร์ตมา เลข {V('PASSPORT', d(9))} ค่ะ")
add("th-words", f"พาสปอร์ตพม่า {V('PASSPORT', 'MD' + d(6))} ของช่างใหม่")
add("th-words", f"เลขหนังสือเดินทางลาว {V('PASSPORT', 'P' + d(7))} ครับ")
add("th-words", f"โอนมัดจำเข้าบัญชีออมทรัพย์ ธนาคารกรุงเทพ {V('BANK_ACCOUNT', d(3) + '-' + d(1) + '-' + d(5) + '-' + d(1))} นะคะ")
add("th-words", f"เลขที่บัญชี{V('BANK_ACCOUNT', not_luhn(10))}ไทยพาณิชย์ค่ะ")
add("th-words", f"คืนเงินเข้าบัญชีกรุงศรีของดิฉัน {V('BANK_ACCOUNT', not_luhn(10))} ได้ไหมคะ")
add("th-words", f"บัญชี ธ.ก.ส. {V('BANK_ACCOUNT', not_luhn(12, '0'))} ชื่อ นายบุญมี")
add("th-words", f"พร้อมเพย์เบอร์ {P(thmob())} ชื่อร้านบ้านรักษ์")
add("th-words", f"พร้อมเพย์ {V('TH_ID', thid())} (เลขบัตร)")
add("th-words", f"โอนผ่านเลขบัญชีออมสิน {V('BANK_ACCOUNT', thd(not_luhn(12, '0')))} ค่ะ")
add("th-words", f"บัญชีทีทีบี {V('BANK_ACCOUNT', not_luhn(10))} ชื่อบัญชี บจก. รุ่งเรือง")

# ---- e-mail addresses in odd places
add("email-odd", f"(อีเมล: {E('jintana.k@gmail.com')})")
add("email-odd", f"https://portal.example-solar.com/reset?user={E('somsri.p@outlook.com')}&lang=th")
add("email-odd", f"From: \"Pim\" <{E('pim@rakbaan.co.th')}> Sent: Thursday")
add("email-odd", f"cc: {E('acc@siamroof.co.th')}; {E('boss@siamroof.co.th')}")
add("email-odd", f"{{\"name\":\"Niran\",\"email\":\"{E('niran.t@ku.ac.th')}\"}}")
add("email-odd", f"ส่งมาที่'{E('kwan.design@gmail.com')}'นะคะ")
add("email-odd", f"อีเมล:{E('Apinya.R@Mahidol.ac.th')}.")
add("email-odd", f"请发到{E('zhangli@126.com')}谢谢")
add("email-odd", f"mail→{E('chai_2531@windowslive.com')}←อันนี้")
add("email-odd", f"ชื่อผู้ใช้ในแอป FusionSolar คือ {E('solar.owner.bkk@gmail.com')}")
add("email-odd", f"[mailto:{E('service@greenhome.co.th')}]")
add("email-odd", f"อีเมลงานคือ {E('p.sirichai@egat.co.th')} อีเมลส่วนตัว {E('sirichai.p@icloud.com')}")
add("email-odd", f"email-{E('mali.s@yahoo.com')}-ขอบคุณค่ะ")
add("email-odd", f"ติดต่อ:{E('info@ร้านวัสดุ.ไทย')}")

# ---- other types as they come in pastes
k = luhn("4" + d(14)); add("other", f"ตัดบัตรเลย {V('CARD', k)} หมดอายุ 08/29 CVV ไม่ให้นะ")
k = luhn("62" + d(15)); add("other", f"银联卡号 {V('CARD', k[:4] + ' ' + k[4:8] + ' ' + k[8:12] + ' ' + k[12:])}")
k = luhn("35" + r.choice("3456789") + d(12)); add("other", f"JCB card {V('CARD', k)} please charge the deposit")
k = luhn("37" + d(12)); add("other", f"AMEX {V('CARD', k[:4] + '-' + k[4:10] + '-' + k[10:])}")
add("other", f"身份证号码是{V('CN_ID', cnid())}。")
add("other", f"กล้องบ้านแม่ IP {V('IP', '192.168.' + str(r.randint(0, 254)) + '.' + str(r.randint(2, 254)))} port 8000")
add("other", f"VPN gateway {V('IP', str(r.randint(11, 99)) + '.' + str(r.randint(1, 254)) + '.' + str(r.randint(1, 254)) + '.' + str(r.randint(1, 254)))}")
add("other", f"ไลน์ร้าน {V('LINE_ID', '@rakbaan.solar')} / โทร {P(thmob())}")
add("other", f"id line: {V('LINE_ID', 'ple_ple2539')}")
add("other", f"微信: {V('WECHAT_ID', 'wxid_' + 'q8m2k' + d(3))}")
add("other", f"WeChat: {V('WECHAT_ID', 'Tommy_BKK')}")
add("other", f"加微信 {V('WECHAT_ID', 'solar_liu' + d(2))} 发图片")

# ---- more of the same flavours
add("phone-neighbour", f"ลาว {P('+856 (0)20 ' + d(8))}")
add("phone-neighbour", f"Laos: {P('+85620' + d(8))}")
add("phone-neighbour", f"缅甸手机 {P('+95 9' + d(9))}")
add("phone-neighbour", f"ติดต่อคุณอองซาน {P('+95-9-' + d(3) + '-' + d(3) + '-' + d(3))}")
add("phone-neighbour", f"Penang branch {P('+604-' + d(3) + ' ' + d(4))}")
add("phone-neighbour", f"Contact SG: {P('+659' + d(7))}")
add("phone-neighbour", f"HK: {P('+852-5' + d(3) + '-' + d(4))}")
add("phone-neighbour", f"台中工廠 {P('+886-4-' + d(4) + '-' + d(4))}")
add("phone-neighbour", f"โทรจากไทยกด {P('00856 20 ' + d(4) + ' ' + d(4))}")
add("phone-neighbour", f"call {P('0065 9' + d(3) + ' ' + d(4))} after 6pm")
t = thid(); add("th-words", f"เลขบัตรปชช ของคุณพ่อ {V('TH_ID', t)} ใช้ยื่นขอมิเตอร์")
t = thid(); add("th-words", f"รบกวนออกใบเสร็จในนาม นายสมพร เลขประจำตัว {V('TH_ID', t)}")
t = thid(); add("th-words", f"บัตรประจำตัวประชาชน:{V('TH_ID', thd(t))}")
t = thid(); add("th-words", f"ภรรยาชื่อ นางมาลี เลขบัตร {V('TH_ID', thd(thid_dashed(t, ' ')))}")
add("th-words", f"ยอดมัดจำโอนเข้า บัญชีเลขที่ {V('BANK_ACCOUNT', d(3) + '-' + d(1) + '-' + d(5) + '-' + d(1))} (กสิกร)")
add("th-words", f"บัญชีเงินฝาก กรุงไทย สาขาสีลม {V('BANK_ACCOUNT', not_luhn(10))}")
add("th-words", f"เลขบัญชีพร้อมเพย์ {V('TH_ID', thid())}")
add("th-words", f"ลูกค้าจีน 护照 {V('PASSPORT', 'E' + d(8))} ค่ะ")
add("th-words", f"Passport no.{V('PASSPORT', 'EK' + d(7))} ของผู้เช่า")
m = "020" + d(8)
add("signature", f"Kind regards, Bounmy Phommachanh | Lao Solar Co. | {P('+856 20 ' + m[3:7] + ' ' + m[7:])} | {E('bounmy@laosolar.la')}")
add("signature", f"Thet Naing | Mandalay | Viber {P('+95 9 ' + d(4) + ' ' + d(5))}")
add("signature", f"林美玲 | 電話 {P('+886-2-' + d(4) + '-' + d(4))} 分機 12 | {E('meiling.lin@hsinchu-pv.tw')}")
add("signature", f"Tanawat K. (Mr.) | {E('tanawat.k@ptt-green.com')} | LINE: {V('LINE_ID', 'tanawat.k')}")
add("form", f"Full name: Mr John Smith  Passport: {V('PASSPORT', '5' + d(8))}")
m = thmob(); add("form", f"เบอร์โทร(มือถือ)__{P(m)}__")
add("form", f"Tel:{P('+66(0)2-' + d(3) + '-' + d(4))} ext.123")
add("form", f"email address: {E('k.thongchai@scb-partner.com')} (please reply here not LINE)")
c = cnmob(); add("form", f"手机/微信：{P(c)}")
m = thmob(); add("email-odd", f"E-mail:{E('somying.k@gmail.com')},Tel:{P(m)}")
add("email-odd", f"reply to >> {E('orders@chiangmai-build.com')} <<")
add("email-odd", f"อีเมล์ของลูก {E('nong.film2009@gmail.com')} (ลูกจัดการให้)")
add("email-odd", f"<a href=\"mailto:{E('contact@bangna-smart.com')}\">ติดต่อ</a>")
add("wechat-paste", f"[链接] 冯工：名片 手机 {P(cnmob())} 邮箱 {E('feng.gong@gd-elec.com')}")
add("wechat-paste", f"杨小姐：我的VX是{V('WECHAT_ID', 'yang_x520')}")
c = cnmob(); add("wechat-paste", f"郭师傅 电话{P('+86 ' + c)}")
m = thmob(); add("split", f"โทร {P(m[:2] + '-' + m[2:4] + '-' + m[4:6] + '-' + m[6:8] + '-' + m[8:])}")
m = thmob(); add("split", f"tel {P('+66 ' + m[1] + ' ' + m[2:6] + ' ' + m[6:])}")
t = thid(); add("split", f"ID {V('TH_ID', t[:4] + '-' + t[4:9] + '-' + t[9:])}")
add("split", f"mail {E('pim . s @ gmail . com')}")

# ---- hard negatives: references, serials, coordinates, prices, dates, versions
for text in [
    "Invoice No. INV2026-11-00871 due 30 days",
    "ใบแจ้งหนี้เลขที่ IV-6911-004512 ครบกำหนด 15/12/2569",
    "PO#4500012873 approved by procurement",
    "เลขที่ใบสั่งซื้อ PO 6911000734",
    "采购订单号 PO20261126007",
    "ref: 20261126-0931-7742",
    "เลขที่อ้างอิง 0000261126153045",
    "ticket #TK-20261126-0042 opened",
    "เลขที่ใบเสร็จ RC6911-000451",
    "quotation QT-2026-0415 rev.2",
]:
    neg("neg-reference", text)
for text in [
    "inverter S/N: ES2250054321 ไม่ออนไลน์",
    "Serial: 1234-5678-ABCD-9012",
    "แผงเบอร์ซีเรียล JAM54D40-20261103-0457",
    "序列号 SN6020221017045",
    "IMEI 35-209900-176148-1",
    "MAC 3C:71:BF:2A:9E:04",
    "datalogger SN: LGH2C3A0712",
    "model SUN2000-8KTL-M1 (2026)",
    "part no. 2290-001-88",
    "lot 2611-26-0001",
]:
    neg("neg-serial", text)
for text in [
    "พิกัดบ้าน 13.8621, 100.5143",
    "GPS: 18.7883° N, 98.9853° E",
    "lat 12.9236 long 100.8825",
    "13°45'22.7\"N 100°30'06.5\"E",
    "https://maps.google.com/?q=13.736717,100.523186",
    "坐标 22.5431, 114.0579",
    "UTM 47P 665012 1521877",
]:
    neg("neg-coordinates", text)
for text in [
    "ราคารวม 1,285,000 บาท (รวม VAT)",
    "THB 245,900.00",
    "฿89,000-฿120,000 แล้วแต่ขนาด",
    "总价：￥128,600.00",
    "งบ 350000-400000",
    "ผ่อนเดือนละ 4,590 บาท 36 เดือน",
    "RM 28,500 / SGD 8,900",
    "ราคาต่อวัตต์ 22.50 บาท",
    "ค่าไฟ 6,432.18 บาท เดือน ต.ค.",
]:
    neg("neg-price", text)
for text in [
    "2026-11-26T14:30:00+07:00",
    "26/11/2026 09:41",
    "นัดวันที่ 03.12.2569 เวลา 10.30 น.",
    "20261126 ส่งของ",
    "2026年12月3日 上午9:30",
    "Thu, 26 Nov 2026 14:05:33 +0700",
    "ช่วง 1-15 ธ.ค. 69",
    "14:05 อ่านแล้ว",
]:
    neg("neg-date", text)
for text in [
    "firmware V3.10.2.21",
    "LINE 14.19.1 อัปเดตแล้วเข้าไม่ได้",
    "WeChat 8.0.50",
    "app ver 2.4.15.3 (build 1207)",
    "iOS 18.1.1",
    "SolarMan v1.6.2.0",
    "ปลั๊กอิน 10.0.22631.4460",
    "protocol 1.0.0.2 ของ inverter",
]:
    neg("neg-version", text)
for text in [
    "หลังคา 12.5 x 8.4 ม. ลาด 15°",
    "ระบบ 10.24 kWp 16 แผง 640W",
    "meter no. 0023-4456-78",
    "ขนาดสาย 2x4 sq.mm ยาว 35 ม.",
    "สายด่วน กฟน. 1130",
    "โทร 1111 กด 5",
    "รหัสไปรษณีย์ 10110",
    "บ้านเลขที่ 99/123 หมู่ 4 ซ.7",
    "ห้อง 2304 ชั้น 23",
    "CA/Ref.1 020012776543 ค่าไฟ",
    "ผลิตไฟได้ 1,234,567 Wh สะสม",
    "ค่า kWh 4.1839 บาท",
    "เลข ภ.พ.20 0105566123456",
    "tax ID 0105561234567 (company)",
    "ใบอนุญาต กกพ. สกพ.1/2569/0123",
    "@5,500 บาท/ชุด",
    "ลูกค้าให้ 5 ดาว ★★★★★ 1,245 รีวิว",
    "1 USD = 35.42 THB",
]:
    neg("neg-misc", text)

# Missed after the general fixes of the session that wrote this set, and found since: an address
# with spaces around its dots, `pim . s @ gmail . com`, and a label joined to an address by a hyphen,
# `email-name@…`, since the twenty-first fresh set's fixes. (One digit per group, `เบอร์ 0 8 7 8 …`, is found since
# the fourth fresh set's fixes; a remark in brackets between a LINE keyword and a form's colon,
# `ไลน์ (ถ้ามี) : id`, and a number glued to the next field's label, `0922318405Email`, since the
# seventeenth's; a number between markdown's underscores, `__0816026841__`, since the nineteenth's.)
KNOWN_MISS_STARTS = ()
write(sys.argv[1], """# Third fresh set of redaction cases (bench/gen-redact-fresh3.py), written before the redactor was
# run on it, of another flavour than the first two: LINE and WeChat chats and e-mail signatures pasted
# into the chat box, forms filled in badly, values split across spaces in unusual places, phone numbers
# of the neighbouring countries in international form, Thai IDs, passports and bank accounts among Thai
# words, e-mail addresses in odd places, and hard negatives that look like personal data. Same format as
# redact.tests (`INPUT ⇒ EXPECTED`, `=` for unchanged); run by tests/plugins/test-redact-golden.c (test
# redact-golden-fresh3: the cases of [known-miss] are TODO while they leak) and measured by
# `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh3.tests`.
""",
      lambda text, expected: text.startswith(KNOWN_MISS_STARTS))
