#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh2.tests: a second fresh set of customer chat lines of a Thai
solar/smart-home/construction business (English, Thai, Chinese, code-mixed), written before
any run of the redactor on it. Values have valid checksums (Thai ID mod 11, Chinese ID ISO 7064
MOD 11-2 with a real date of birth, Luhn); bank account numbers are made to fail Luhn so that
they are not also card numbers. The hard negatives are the numbers such a chat is full of.

    bench/gen-redact-fresh2.py tests/data/redact-fresh2.tests
"""
import sys

from redact_cases import P, V, add, d, fw, luhn, neg, not_luhn, start, thd, write
from redact_cases import thid as _thid

r = start(20261127)


def thid(first=None):
    return _thid(first, person_types="1235678")


def cnid():
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    base = r.choice(["110105", "310104", "440304", "510107", "320106", "350203"]) + "%04d%02d%02d" % (
        r.randint(1958, 2004), r.randint(1, 12), r.randint(1, 28)) + d(3)
    return base + "10X98765432"[sum(int(base[i]) * w[i] for i in range(17)) % 11]


def cnid_x():
    while True:
        v = cnid()
        if v.endswith("X"):
            return v


def thmob():
    return "0" + r.choice("689") + d(8)


def cnmob():
    return "1" + r.choice(["35", "37", "39", "52", "58", "86", "89", "77", "99", "31"]) + d(8)


# ---- Thai phones as people type them
m = thmob(); add("phone-th", f"โทร.{P(m[:3] + '-' + m[3:6] + '-' + m[6:])} คุณแอน")
m = thmob(); add("phone-th", f"เบอร์{P(m)}ครับ ช่วยโทรกลับด้วย")
m = thmob(); add("phone-th", f"tel:{P('+66' + m[1:])}")
m = thmob(); add("phone-th", f"Tel: {P('+66 (0) ' + m[1:3] + '-' + m[3:6] + '-' + m[6:])}")
m = thmob(); add("phone-th", f"ติดต่อกลับ {P('+66-' + m[1:3] + '-' + m[3:])} ค่ะ")
m = thmob(); add("phone-th", f"Contact me: {P('+66 ' + m[1:4] + ' ' + m[4:7] + ' ' + m[7:])}")
m = thmob(); add("phone-th", f"เบอร์โทร {P(m[:4] + '-' + m[4:7] + '-' + m[7:])} นะครับ")
m = thmob(); add("phone-th", f"{P(m[:2] + ' ' + m[2:6] + ' ' + m[6:])} โทรหาได้หลัง 6 โมงเย็น")
m = thmob(); add("phone-th", f"โทร {P(thd(m[:3] + ' ' + m[3:6] + ' ' + m[6:]))} ค่ะ")
m = thmob(); add("phone-th", f"เบอร์ {P(thd(m))}")
m = thmob(); add("phone-th", f"เบอร์มือถือ：{P(fw(m))}")
m = thmob(); add("phone-th", f"มือถือ {P(fw(m[:3] + '-' + m[3:6] + '-' + m[6:]))} (คุณเอก)")
m = thmob(); add("phone-th", f"ช่างเข้ามาวัดหน้างานได้ไหมคะ โทรมาที่{P(m)}")
m = thmob(); add("phone-th", f"ติดต่อคุณนิด{P(m[:3] + '-' + m[3:])}")
m = thmob(); add("phone-th", f"Pls call {P('(+66)' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])} tmr morning")
m = thmob(); add("phone-th", f"mobile no. {P('+66' + m[1:3] + '-' + m[3:6] + '-' + m[6:])}")
m = thmob(); add("phone-th", f"ฝากเบอร์ค่ะ {P(m[:3] + ' ' + m[3:])}")
m = thmob(); add("phone-th", f"ผมชื่อบอยครับ tel.{P(m)} สนใจ inverter 10kW")
m = thmob(); add("phone-th", f"เบอร์ติดต่อ: {P('66 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}")
m = thmob(); add("phone-th", f"{P(m[:3] + '-' + m[3:6] + '-' + m[6:])}")
m = thmob(); add("phone-th", f"โทรศัพท์ {P(m[:3] + '/' + m[3:])}")
m = thmob(); add("phone-th", f"โทร.{P(thd(m[:3] + '-' + m[3:6] + '-' + m[6:]))}")
m = thmob(); add("phone-th", f"whatsapp {P('+66' + m[1:])} or LINE")
m = thmob(); add("phone-th", f"คุณแม่เบอร์{P(m)} คุณพ่อเบอร์{P(thmob())}")
m = "02" + d(7); add("phone-th", f"ออฟฟิศ {P('0-' + m[1:5] + '-' + m[5:])} ต่อ 204")
m = "02" + d(7); add("phone-th", f"สำนักงานโทร.{P(m[:2] + '-' + m[2:5] + '-' + m[5:])}")
m = "02" + d(7); add("phone-th", f"Office tel: {P('+66 2 ' + m[2:5] + ' ' + m[5:])} ext. 15")
m = "053" + d(6); add("phone-th", f"หน้าร้านเชียงใหม่ {P(m[:3] + '-' + m[3:6] + '-' + m[6:])}")
m = "038" + d(6); add("phone-th", f"โรงงานที่ชลบุรี โทร {P('(' + m[:3] + ') ' + m[3:])}")
m = "02" + d(7); add("phone-th", f"เบอร์บ้าน{P(m[:2] + ' ' + m[2:])}")
m = "076" + d(6); add("phone-th", f"โทร. {P(thd(m[:3] + '-' + m[3:]))} (ภูเก็ต)")
# ---- Chinese phones
c = cnmob(); add("phone-cn", f"手机号码：{P(c[:3] + '-' + c[3:7] + '-' + c[7:])}")
c = cnmob(); add("phone-cn", f"联系电话: {P(c[:3] + ' ' + c[3:7] + ' ' + c[7:])}")
c = cnmob(); add("phone-cn", f"手机号码{P(c)}，请尽快联系")
c = cnmob(); add("phone-cn", f"我的电话是{P('+86-' + c)}")
c = cnmob(); add("phone-cn", f"手机：{P(fw(c))}")
c = cnmob(); add("phone-cn", f"联系人王先生 {P('0086 ' + c)}")
c = cnmob(); add("phone-cn", f"打{P(c)}找李工")
c = cnmob(); add("phone-cn", f"电话/微信同号 {P(c)}")
c = cnmob(); add("phone-cn", f"tel: {P('+86 ' + c[:3] + ' ' + c[3:7] + ' ' + c[7:])}")
c = cnmob(); add("phone-cn", f"联系电话：{P(fw(c[:3] + '-' + c[3:7] + '-' + c[7:]))}")
c = "021" + d(8); add("phone-cn", f"公司座机 {P(c[:3] + '-' + c[3:])}")
c = "0755" + d(8); add("phone-cn", f"联系电话：{P('(' + c[:4] + ')' + c[4:])}")
c = "010" + d(8); add("phone-cn", f"北京办公室 {P('+86 10 ' + c[3:7] + ' ' + c[7:])}")
c = "020" + d(8); add("phone-cn", f"电话：{P(c[:3] + '-' + c[3:7] + '-' + c[7:])} 转 8012")
c = cnmob(); add("phone-cn", f"{P(c)} 这个号码可以加微信")
# ---- other countries
add("phone-intl", f"I'm in Singapore, call {P('+65 9' + d(3) + ' ' + d(4))}")
add("phone-intl", f"US number {P('+1 (415) ' + d(3) + '-' + d(4))} on WhatsApp")
add("phone-intl", f"my UK mobile {P('+44 7700 ' + d(6))}")
add("phone-intl", f"Aussie phone: {P('+61 4' + d(2) + ' ' + d(3) + ' ' + d(3))}")
add("phone-intl", f"ติดต่อสามีที่ญี่ปุ่น {P('+81-90-' + d(4) + '-' + d(4))}")
add("phone-intl", f"香港电话 {P('+852 ' + d(4) + ' ' + d(4))}")
add("phone-intl", f"ph: {P('+49 151 ' + d(8))}")

# ---- Thai ID
t = thid(); add("th-id", f"เลขบัตรประชาชน{V('TH_ID', t)}ค่ะ")
t = thid(); add("th-id", f"เลขประจำตัวประชาชน: {V('TH_ID', f'{t[0]} {t[1:5]} {t[5:10]} {t[10:12]} {t[12]}')}")
t = thid(); add("th-id", f"บัตร ปชช. {V('TH_ID', f'{t[0]}-{t[1:5]}-{t[5:10]}-{t[10:12]}-{t[12]}')} ชื่อ นายสมศักดิ์")
t = thid(); add("th-id", f"ID card no. {V('TH_ID', t)} for the PEA application")
t = thid(); add("th-id", f"เลขบัตร {V('TH_ID', thd(f'{t[0]}-{t[1:5]}-{t[5:10]}-{t[10:12]}-{t[12]}'))}")
t = thid(); add("th-id", f"เลขบัตรประชาชน {V('TH_ID', thd(t))} ใช้ยื่นขออนุญาตติดตั้ง")
t = thid(); add("th-id", f"เลขประจำตัวผู้เสียภาษี {V('TH_ID', t)} (บุคคลธรรมดา)")
t = thid(); add("th-id", f"{V('TH_ID', f'{t[0]}-{t[1:5]}-{t[5:10]}-{t[10:12]}-{t[12]}')} คือเลขบัตรของแม่ค่ะ")
t = thid(); add("th-id", f"ใบกำกับภาษีออกในนาม นางสาวพิมพ์ เลขที่ {V('TH_ID', fw(t))}")
t = thid(); add("th-id", f"citizen ID: {V('TH_ID', f'{t[0]}-{t[1:5]}-{t[5:10]}-{t[10:]}')}")
t = thid(); add("th-id", f"身份证(泰国) {V('TH_ID', t)}")
t = thid(); add("th-id", f"สำเนาบัตร เลขที่{V('TH_ID', f'{t[0]} {t[1:5]} {t[5:10]} {t[10:]}')} รับรองสำเนาถูกต้อง")
t = thid(); add("th-id", f"id {V('TH_ID', f'{t[0]}.{t[1:5]}.{t[5:10]}.{t[10:12]}.{t[12]}')}")

# ---- Chinese ID
c = cnid(); add("cn-id", f"身份证号：{V('CN_ID', c)}")
c = cnid_x(); add("cn-id", f"身份证号码 {V('CN_ID', c[:-1] + 'x')}")
c = cnid(); add("cn-id", f"身份证{V('CN_ID', f'{c[:6]} {c[6:14]} {c[14:]}')}，姓名张伟")
c = cnid(); add("cn-id", f"证件号码：{V('CN_ID', fw(c))}")
c = cnid(); add("cn-id", f"ID number {V('CN_ID', c)} (China)")
c = cnid_x(); add("cn-id", f"身份证号{V('CN_ID', c)}，请核对")
c = cnid(); add("cn-id", f"หนังสือเดินทางหาย ใช้บัตรจีนแทน {V('CN_ID', c)} ได้ไหม")
c = cnid(); add("cn-id", f"居民身份证 {V('CN_ID', f'{c[:6]}-{c[6:14]}-{c[14:]}')}")
c = cnid(); add("cn-id", f"{V('CN_ID', c)} 是我的身份证")

# ---- cards
k = luhn("4" + d(14)); add("card", f"บัตรเครดิต {V('CARD', f'{k[:4]}-{k[4:8]}-{k[8:12]}-{k[12:]}')} ผ่อน 0% 10 เดือน")
k = luhn("5" + r.choice("12345") + d(13)); add("card", f"card no.{V('CARD', k)}")
k = luhn("37" + d(12)); add("card", f"Amex {V('CARD', f'{k[:4]} {k[4:10]} {k[10:]}')} exp 09/28")
k = luhn("62" + d(13)); add("card", f"信用卡号：{V('CARD', f'{k[:4]} {k[4:8]} {k[8:12]} {k[12:]}')}")
k = luhn("4" + d(14)); add("card", f"ตัดบัตร{V('CARD', k)}ได้เลยค่ะ")
k = luhn("5" + r.choice("12345") + d(13)); add("card", f"Visa/Master: {V('CARD', fw(f'{k[:4]}-{k[4:8]}-{k[8:12]}-{k[12:]}'))}")
k = luhn("4" + d(14)); add("card", f"{V('CARD', f'{k[:4]} {k[4:8]} {k[8:12]} {k[12:]}')} is the card for the deposit")
k = luhn("35" + d(13)); add("card", f"JCB {V('CARD', f'{k[:4]}-{k[4:8]}-{k[8:12]}-{k[12:]}')}")
k = luhn("4" + d(14)); add("card", f"เลขบัตร {V('CARD', thd(f'{k[:4]} {k[4:8]} {k[8:12]} {k[12:]}'))}")
k = luhn("62" + d(16)); add("card", f"银联卡 {V('CARD', k)}")

# ---- IP
add("ip", f"router ip: {V('IP', '192.168.%d.%d' % (r.randint(0, 9), r.randint(2, 250)))}")
add("ip", f"ไอพี{V('IP', '10.%d.%d.%d' % (r.randint(0, 255), r.randint(0, 255), r.randint(2, 250)))}ครับ")
add("ip", f"inverter dashboard http://{V('IP', '192.168.1.%d' % r.randint(2, 250))}/login ใช้ไม่ได้")
add("ip", f"กล้องวงจรปิดเข้าผ่าน {V('IP', '203.%d.%d.%d' % (r.randint(0, 255), r.randint(0, 255), r.randint(2, 250)))}:8080")
add("ip", f"IP地址：{V('IP', '%d.%d.%d.%d' % (r.randint(100, 220), r.randint(0, 255), r.randint(0, 255), r.randint(2, 250)))}")
add("ip", f"IPv6 {V('IP', '2001:%x:%x::%x' % (r.randint(0x1000, 0xffff), r.randint(1, 0xffff), r.randint(1, 0xffff)))} อยู่ในบ้าน")
add("ip", f"my public ip is {V('IP', '%d.%d.%d.%d' % (r.randint(1, 120), r.randint(0, 255), r.randint(0, 255), r.randint(2, 250)))}.")
add("ip", f"ไอพี {V('IP', fw('192.168.%d.%d' % (r.randint(0, 9), r.randint(2, 250))))}")
add("ip", f"fe80 link: {V('IP', 'fe80::%x:%x:%x:%x' % tuple(r.randint(0x100, 0xffff) for _ in range(4)))}")

# ---- e-mail
add("email", f"อีเมล{V('EMAIL', 'somchai.k@gmail.com')}ครับ")
add("email", f"send the quote to {V('EMAIL', 'Pim.Sukjai+solar@Gmail.com')}")
add("email", f"E-mail: {V('EMAIL', 'NOK_2530@HOTMAIL.CO.TH')}")
add("email", f"邮箱:{V('EMAIL', 'wang.xiao+quote@163.com')}")
add("email", f"{V('EMAIL', 'info@mail.banrak-solar.co.th')} คืออีเมลบริษัทค่ะ")
add("email", f"mailto:{V('EMAIL', 'li.wei@corp.sz.cn')}")
add("email", f"Regards, Tom <{V('EMAIL', 'tom.becker@power-systems.de')}>")
add("email", f"ส่งใบเสนอราคาทาง {V('EMAIL', fw('kanya88') + '＠' + fw('yahoo.com'))} นะคะ")
add("email", f"电子邮件 {V('EMAIL', 'ZHANG_San@QQ.COM')}，谢谢")
add("email", f"email me at {V('EMAIL', 'a.b-c_d@eng.chula.ac.th')}, thanks")
add("email", f"อีเมล์: {V('EMAIL', 'tawan.s@outlook.co.th')}")
add("email", f"ติดต่อ {V('EMAIL', 'somsak.p@gmail.com')}/{P(thmob())}")

# ---- bank accounts (made to fail Luhn)
def bk10():
    return not_luhn(10)


b = bk10(); add("bank", f"โอนเข้า กสิกร {V('BANK_ACCOUNT', f'{b[:3]}-{b[3]}-{b[4:9]}-{b[9]}')} ชื่อบัญชี บจก.บ้านรักษ์")
b = bk10(); add("bank", f"SCB {V('BANK_ACCOUNT', b)} นายสมชาย")
b = bk10(); add("bank", f"ธ.กสิกรไทย{V('BANK_ACCOUNT', b)}")
b = bk10(); add("bank", f"บช.กรุงเทพ {V('BANK_ACCOUNT', f'{b[:3]}-{b[3]}-{b[4:9]}-{b[9]}')}")
b = bk10(); add("bank", f"KBank acc no. {V('BANK_ACCOUNT', b)}")
b = not_luhn(19, "6222"); add("bank", f"工商银行 {V('BANK_ACCOUNT', f'{b[:4]} {b[4:8]} {b[8:12]} {b[12:16]} {b[16:]}')}")
b = not_luhn(19, "6217"); add("bank", f"开户行：建设银行 账号：{V('BANK_ACCOUNT', b)}")
b = bk10(); add("bank", f"โอนมัดจำเข้า ไทยพาณิชย์ เลขที่บัญชี{V('BANK_ACCOUNT', b)}")
b = bk10(); add("bank", f"refund to my Krungsri account {V('BANK_ACCOUNT', f'{b[:3]}-{b[3]}-{b[4:9]}-{b[9]}')} please")
b = bk10(); add("bank", f"ktb {V('BANK_ACCOUNT', f'{b[:3]}-{b[3]}-{b[4:9]}-{b[9]}')}")
b = bk10(); add("bank", f"เลขบัญชี {V('BANK_ACCOUNT', thd(f'{b[:3]}-{b[3]}-{b[4:9]}-{b[9]}'))} ออมสิน")
b = not_luhn(16, "6214"); add("bank", f"招商银行卡号{V('BANK_ACCOUNT', b)}")
b = bk10(); add("bank", f"a/c {V('BANK_ACCOUNT', b)} (SCB)")
b = bk10(); add("bank", f"ttb {V('BANK_ACCOUNT', f'{b[:3]}-{b[3]}-{b[4:9]}-{b[9]}')} คืนเงินได้เลย")
b = not_luhn(12); add("bank", f"โอนเข้ากรุงไทย {V('BANK_ACCOUNT', b)} ค่ะ")

# ---- passport
add("passport", f"passport no. {V('PASSPORT', 'A' + r.choice('ABCD') + d(7))}")
add("passport", f"หนังสือเดินทางเลขที่{V('PASSPORT', 'AA' + d(7))}")
add("passport", f"护照号码：{V('PASSPORT', 'E' + d(8))}")
add("passport", f"护照 {V('PASSPORT', 'EA' + d(7))}，签证下周到期")
add("passport", f"Passport: {V('PASSPORT', '5' + d(8))} (USA)")
add("passport", f"พาสปอร์ต {V('PASSPORT', 'ac' + d(6))} ค่ะ")
add("passport", f"my passport number is {V('PASSPORT', 'C' + d(8))}, expiry 2031")
add("passport", f"เลขพาสปอร์ต：{V('PASSPORT', fw('P' + d(7)))}")

# ---- LINE
def L(v):
    return V("LINE_ID", v)


add("line", f"ไลน์ {L('@solar.home')} ค่ะ")
add("line", f"Line: {L('@abc_' + d(3))}")
add("line", f"LINE ID : {L('somchai.k')}")
add("line", f"แอดไลน์มาที่{L('@kbsolar')}นะคะ")
add("line", f"ไลน์ไอดี {L('ploy_p' + d(2))}")
add("line", f"ID Line : {L('nok.2530')}")
add("line", f"id ไลน์: {L('tum_tum')}")
add("line", f"line：{L('Pim.Ch')}")
add("line", f"lineid:{L('boy_' + d(4))}")
add("line", f"ไลน์ ：{L('jane.s_88')} ทักมาได้เลย")
add("line", f"add LINE {L('@homesolar')} for the promotion")
add("line", f"ไลน์ {L('kittiphong.w')}")
add("line", f"{L('@banrak.solar')} คือไลน์ร้าน")

# ---- WeChat
def W(v):
    return V("WECHAT_ID", v)


add("wechat", f"微信：{W('wxid_' + 'k3j9x2' + d(2))}")
add("wechat", f"vx：{W('abc_' + d(3))}")
add("wechat", f"wx：{W('zhang-san' + d(2))}")
add("wechat", f"微信号: {W('Li_Wei88')}")
add("wechat", f"加vx：{W('solar' + d(4))}")
add("wechat", f"VX: {W('liming_88')}")
add("wechat", f"WX:{W('wang' + d(3))}")
add("wechat", f"加我vx {W('wang_l' + d(2))} 详聊")
add("wechat", f"我微信是{W('chen_jun' + d(2))}，有报价发我")
add("wechat", f"WeChat ID：{W('sunny_' + d(3))}")
add("wechat", f"微信 {W(fw('lucy_' + d(3)))}")
add("wechat", f"ขอ wechat ไว้ได้ไหม {W('tang_yu' + d(2))}")

# ---- several values, values at the edges
m = thmob(); t = thid()
add("multi", f"{P(m)} สมชาย ใจดี เลขบัตร {V('TH_ID', t)} ติดตั้งบ้านเลขที่ 45/12")
add("multi", f"ชื่อ วิภา โทร.{P(thmob())} อีเมล {V('EMAIL', 'wipa.s@gmail.com')} ไลน์ {L('@wipa.s')}")
add("multi", f"张先生，手机号码{P(cnmob())}，微信：{W('zhang_' + d(4))}，邮箱 {V('EMAIL', 'zhang' + d(3) + '@qq.com')}")
add("multi", f"Hi, Mark here. {P('+66 ' + thmob()[1:])}, mark.w@proton.me".replace("mark.w@proton.me", V("EMAIL", "mark.w@proton.me")))
b = bk10()
add("multi", f"โอนแล้ว 45,000 บาท กสิกร {V('BANK_ACCOUNT', f'{b[:3]}-{b[3]}-{b[4:9]}-{b[9]}')} แจ้งเบอร์ {P(thmob())}")
add("multi", f"เบอร์ {P(thmob())},{P(thmob())}")
add("multi", f"โทร {P(thmob())} หรือ {P('02' + d(7))} ในเวลาทำการ")
c = cnid()
add("multi", f"{V('CN_ID', c)}，{P(cnmob())}")
add("multi", f"passport {V('PASSPORT', 'AB' + d(7))} and phone {P(thmob())}")
add("multi", f"ลูกค้าส่งมา: {V('EMAIL', 'jirawat@ku.th')} / ไลน์ {L('jirawat.k')}")
add("multi", f"Tel/Line: {P(thmob())}")
add("multi", f"IP {V('IP', '192.168.1.%d' % r.randint(2, 250))} / tel {P(thmob())}")
m = thmob()
add("multi", f"เบอร์ {P(m[:3] + '-' + m[3:6] + '-' + m[6:])} ติดตั้ง 5 kW 12 แผง ราคา 185,000 บาท")
add("multi", f"ติดตั้ง 10 kW วันที่ 3 ธ.ค. เบอร์ {P(thmob())}")
add("multi", f"{P(thmob())}")
add("multi", f"{V('EMAIL', 'x.y@z.io')}")

# ---- hard negatives
for text in [
    "order no. ORD-2026-000123 ยังไม่ได้ของค่ะ",
    "หมายเลขคำสั่งซื้อ 2611260012345",
    "订单号：2026112612345678 什么时候发货",
    "PO6611260001 อนุมัติแล้ว",
    "Order #0612345678 status?",
]:
    neg("neg-order", text)
for text in [
    "inverter Huawei SUN2000-10KTL-M1 กับแบต LUNA2000-5-S0",
    "แผง JA Solar JAM72S30-545/MR 12 แผง",
    "Growatt MIN 5000TL-X มีของไหม",
    "model: LR5-72HPH-550M, 2278x1134x35 mm",
    "Tesla Powerwall 2 13.5 kWh",
    "充电桩型号 ABB Terra AC W22-T-RD-M-0",
]:
    neg("neg-model", text)
for text in [
    "ราคา ฿125,000 รวมติดตั้ง",
    "ราคา25,900บาท",
    "ยอดรวม 1,234,567.89 บาท",
    "总价 ¥38,800元，含安装",
    "quote: THB 1,085,000.00 incl. VAT 7%",
    "มัดจำ 30% = 55,500 บาท",
]:
    neg("neg-price", text)
for text in [
    "นัดติดตั้ง 26/11/2569 เวลา 09:30 น.",
    "2026-11-26 14:30:00",
    "ช่างเข้าวันที่ 15 ธ.ค. 2569 ช่วง 13.00-16.00 น.",
    "2026年11月26日下午3点",
    "เปิด 08:00-17:00 จันทร์-เสาร์",
    "ปี 2567 ค่าไฟ 4.18 บาท/หน่วย",
    "due 31/12/2026",
]:
    neg("neg-date-time", text)
for text in [
    "เลขมิเตอร์ 0012345678",
    "meter reading 045678 kWh",
    "หน่วยไฟเดือนนี้ 1,245 หน่วย",
    "ผลิตได้ 12,345 kWh ต่อปี ลดค่าไฟ 48,000 บาท",
    "ระบบ 5.5 kW ผลิต 7,500 kWh/ปี",
    "发电量 8,760 kWh，装机 6.6 kWp",
    "หมายเลขผู้ใช้ไฟฟ้า 020012345678",
    "CA 000123456789 ของ PEA",
]:
    neg("neg-energy", text)
for text in [
    "invoice INV-2026-11-0042",
    "เลขที่ใบแจ้งหนี้ IV6911000123",
    "ใบเสนอราคาเลขที่ QT2026110045",
    "ใบกำกับภาษีเลขที่ 6911260001234",
    "เลขประจำตัวผู้เสียภาษี 0105561234567 บจก. บ้านรักษ์ โซลาร์",
]:
    neg("neg-invoice", text)
for text in [
    "firmware V200R001C00SPC120",
    "app version 3.2.10.15",
    "Windows 10.0.19045.2965",
    "FusionSolar 24.6.102.001 อัปเดตแล้ว",
    "version 1.10.2.3 มีบั๊ก",
]:
    neg("neg-version", text)
for text in [
    "ต.บางพูด อ.ปากเกร็ด นนทบุรี 11120",
    "深圳市南山区 518000",
    "บ้านเลขที่ 123/45 หมู่ 6 ซอย 12",
    "พิกัด 13.7563, 100.5018",
    "ห้อง 1205 ชั้น 12 อาคาร B",
]:
    neg("neg-address", text)
for text in [
    "Kerry tracking KERDO0123456789",
    "เลขพัสดุ TH0123456789A",
    "EMS EA123456789TH",
    "运单号 SF1402345678901",
    "Flash TH47011A2BC3D ยังไม่มา",
    "快递单号 78912345678901",
]:
    neg("neg-tracking", text)
for text in [
    "12 แผง x 550W = 6,600W",
    "สาย PV 4 sq.mm 100 เมตร",
    "แบต 16 ก้อน 3.2V 280Ah",
    "เบรกเกอร์ 2P 63A 2 ตัว",
    "serial no. 6T2209012345 รับประกัน 10 ปี",
    "S/N: HV2310045678",
    "batch 20261126001",
    "ได้ 4.5 ดาว จาก 1,024 รีวิว",
    "โปรผ่อน 0% 10 เดือน เดือนละ 12,500",
    "ติดต่อ call center 1129",
    "ลดราคา 15% เหลือ 89,900 ถึง 30 พ.ย.",
    "ระยะเวลาคืนทุน 6-7 ปี",
    "ขนาดหลังคา 8x12 ม. หันทิศใต้",
]:
    neg("neg-misc", text)

# Missed after the general fixes of the session that wrote this set, kept (and measured) as TODO
# cases until found: none left. (An id a clause away from its keyword, `ขอ wechat ไว้ได้ไหม
# tang_yu45`, is found since the fourth fresh set's fixes, a slash inside one number,
# `062/0222181`, since the fifth's.)
KNOWN_MISSES = set()
write(sys.argv[1], """# Second fresh set of redaction cases (bench/gen-redact-fresh2.py), written before the redactor was
# run on it: customer chat lines of a Thai solar/smart-home/construction business in English, Thai,
# Chinese and code-mixed, with the values in the forms people type (glued to Thai words, Thai and
# full-width digits, +66 variants, context words such as โทร./เบอร์/tel:/手机号码/联系电话, several
# values per line, values at both ends) and hard negatives. Same format as redact.tests (`INPUT ⇒
# EXPECTED`, `=` for unchanged); run by tests/plugins/test-redact-golden.c (test
# redact-golden-fresh2: the cases of [known-miss] are TODO while they leak) and measured by
# `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh2.tests`.
""",
      lambda text, expected: any(expected == k.format(f"[{label}]") for k in KNOWN_MISSES
                                 for label in ("PHONE", "WECHAT_ID")))
