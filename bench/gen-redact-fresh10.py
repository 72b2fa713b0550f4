#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes tests/data/redact-fresh10.tests: a tenth fresh set of redaction cases, written before any
run of the redactor on it, in a style the earlier sets had little of: values glued to Thai and
Chinese text with no space on either side, and the whole range of the number formats of Thailand
and China. By language, about sixty messages with values and twenty-five hard negatives each in
English, Thai and Chinese (categories `en-`, `th-`, `zh-`):

- Thai phone numbers of every kind: mobiles 06x/08x/09x, Bangkok's 02 and the provinces' 0xx
  landlines (nine digits: `053-123456`, `0-5312-3456`, `(038) 123 456`), `+66` with the trunk 0
  dropped and kept (`+66 81…`, `+66 081…`, `+66(0)2…`), numbers with a Thai extension `ต่อ 12`
  glued or spaced; Chinese mobiles and landlines with their area codes (`010-`, `021-`, `0755-`,
  `(020)`, `+86 755…`), glued to Chinese text and particles;
- e-mail addresses with Thai or Chinese text glued to both ends, company and government domains
  (`.co.th`, `.or.th`, `.go.th`, `.ac.th`, `.com.cn`, `.cn`), hyphens and digits in domains;
- Thai IDs and passports quoted from forms in Thai (`เลขบัตรประชาชน:`, `เลขที่หนังสือเดินทาง`), Chinese
  IDs after `身份证号`, accounts after Thai and Chinese bank words with and without dashes, cards
  as e-commerce forms write them;
- messages with three or more values of different types, values repeated, values followed by a
  glued particle (`ค่ะ`, `ครับ`, `นะ`, `哦`, `哈`, `呀`);
- hard negatives of the same chats glued to text: prices (`ราคา15900บาท`, amounts with commas),
  order numbers (`订单号20261127001`), models (`型号SUN5K`), postcodes, kWh and meter readings,
  meter numbers, Buddhist-era years, Thai and Chinese dates and times, a card's last four digits
  (`card ending 1234`, `尾号1234`), masked numbers (`081-xxx-5678`, `138****5678`), percentages,
  rooms, a hotline.

Left out because docs/redaction.md does not promise them: Thai toll-free `1800-xxx-xxx` and
China's `400-` numbers (a business's, not a person's; nothing says they must be found, so they are
not made negatives either, but for one hotline as the ninth set had), numbers glued to a Latin word
that is not a phone word.

Values have valid checksums (Thai ID mod 11 with a person type 1-8, Chinese ID ISO 7064 MOD 11-2,
Luhn for cards); bank account numbers fail Luhn so that they are not also card numbers.

    bench/gen-redact-fresh10.py tests/data/redact-fresh10.tests
"""
import sys

import redact_cases
from redact_cases import B, C, CN, E, IP, L, P, PP, T, W, acct, acct_dashed, add, d, dash3, groups4, luhn, neg, \
    not_luhn, sp3, start, thid, thid_dashed, thmob, write

r = start(20261127)


def cnid():
    return redact_cases.cnid(["110105", "310104", "440305", "440106", "330106", "510107", "320102"], (1962, 2004))


def cnmob():
    return "1" + r.choice(["35", "37", "38", "39", "50", "51", "58", "66", "77", "86", "88", "91", "99"]) + d(8)


def cnmob_sp(c, sep=" "):
    return c[:3] + sep + c[3:7] + sep + c[7:]


def bkk():
    return "02" + r.choice("123456789") + d(6)


def prov():
    """A provincial Thai landline: 0, a two-digit area and six digits (nine in all)."""
    return r.choice(["053", "054", "038", "076", "043", "044", "045", "074", "032", "035", "056", "077"]) + \
        r.choice("2345678") + d(5)


def prov_dash(o):
    return o[:3] + "-" + o[3:]


def bkk_dash(o):
    return o[:2] + "-" + o[2:5] + "-" + o[5:]


def cn_land(area=None):
    """A Chinese landline: area code and eight digits (seven for some cities)."""
    a = area or r.choice(["010", "021", "020", "0755", "0571", "028", "0512"])
    return a, r.choice("2345678") + d(7)


def card(first="4", n=16):
    return luhn(first + d(n - 1 - len(first)))


def dash4(k):
    return "-".join(k[i:i + 4] for i in range(0, len(k), 4))


def cnacct():
    return not_luhn(19, "6222")


def ip4():
    return "%d.%d.%d.%d" % (r.choice([49, 58, 110, 171, 182, 203]), r.randint(0, 255), r.randint(0, 255),
                            r.randint(1, 254))


# =============================== Thai ===============================
m = thmob()
add("th-phone", f"เบอร์โทร{P(m)}ค่ะ")
m = thmob()
add("th-phone", f"โทรกลับที่{P(dash3(m))}นะครับ")
m = "06" + r.choice("1234589") + d(7)
add("th-phone", f"ติดต่อคุณแอน{P(m)}ได้ตลอดค่ะ")
m = "09" + r.choice("123456789") + d(7)
add("th-phone", f"มือถือ:{P(m[:2] + '-' + m[2:6] + '-' + m[6:])}ครับ")
o = bkk()
add("th-phone", f"เบอร์ออฟฟิศ{P(bkk_dash(o))}ต่อ12ค่ะ")
o = bkk()
add("th-phone", f"โทรสำนักงาน{P(o)} ต่อ 305 ในเวลาราชการ")
o = bkk()
add("th-phone", f"ติดต่อ{P('(02) ' + o[2:5] + '-' + o[5:])}ค่ะ")
o = prov()
add("th-phone", f"ร้านอยู่เชียงใหม่ โทร{P(prov_dash(o))}ครับ")
o = prov()
add("th-phone", f"เบอร์บ้าน{P(o[:3] + ' ' + o[3:6] + ' ' + o[6:])}นะคะ")
o = prov()
add("th-phone", f"โทร.{P(o[0] + '-' + o[1:5] + '-' + o[5:])}ต่อ21")
o = prov()
add("th-phone", f"สาขาภูเก็ตโทร{P(o)}ค่ะ")
m = thmob()
add("th-phone", f"เบอร์ต่างประเทศของผม{P('+66' + m[1:])}ครับ")
m = thmob()
add("th-phone", f"ถ้าโทรจากต่างประเทศใช้{P('+66 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}นะคะ")
m = thmob()
add("th-phone", f"เบอร์{P('+66 ' + m)}ค่ะ")
o = bkk()
add("th-phone", f"ออฟฟิศ{P('+66(0)2-' + o[2:5] + '-' + o[5:])}ต่อ118")
o = prov()
add("th-phone", f"โทร{P('+66 ' + o[1:3] + ' ' + o[3:])}หรือ{P(prov_dash(o))}ก็ได้")
m = thmob()
add("th-phone", f"{P(dash3(m))}เบอร์นี้โทรได้ค่ะ")
m = thmob()
add("th-phone", f"เบอร์ผม{P(m)}นะครับ เผื่อโทรไม่ติดโทร{P(m)}อีกทีครับ")
m, m2 = thmob(), thmob()
add("th-phone", f"เบอร์{P(m)}หรือ{P(m2)}ค่ะ")
c = cnmob()
add("th-phone", f"เบอร์จีนของหุ้นส่วน{P(c)}ครับ")
m = thmob()
add("th-phone", f"ช่างโทรมาเบอร์{P(sp3(m))}จ้า")
m = thmob()
add("th-phone", f"ไลน์ไม่สะดวก โทร{P(m)}เลยค่ะ")

add("th-email", f"อีเมล{E('somchai.k@siamsolar.co.th')}ครับ")
add("th-email", f"ส่งใบเสนอราคามาที่{E('jiraporn_2530@gmail.com')}นะคะ")
add("th-email", f"ติดต่อฝ่ายจัดซื้อ{E('procurement@pea.or.th')}ค่ะ")
add("th-email", f"เมลราชการ{E('saraban@energy.go.th')}ครับ")
add("th-email", f"อาจารย์ใช้เมล{E('nattapong.s@cmu.ac.th')}ค่ะ")
add("th-email", f"ส่งบิลที่{E('account@green-power88.co.th')}และสำเนาที่{E('kanya.p@green-power88.co.th')}ด้วยนะคะ")
add("th-email", f"อีเมล:{E('tee-2024@hotmail.com')}ค่ะ")
add("th-email", f"คุณแนนเมล{E('nan.ch@solar-th2024.com')}นะ")
add("th-email", f"ถ้าไม่สะดวกโทร ส่งเมลมา{E('pimchanok.r@outlook.co.th')}ได้ค่ะ")
add("th-email", f"เมล{E('somsak99@yahoo.com')}ครับ ส่งซ้ำอีกทีที่{E('somsak99@yahoo.com')}ครับ")

t = thid()
add("th-id", f"เลขบัตรประชาชน:{T(t)}ค่ะ")
t = thid()
add("th-id", f"เลขประจำตัวประชาชน {T(thid_dashed(t))}")
t = thid()
add("th-id", f"เลขบัตรปชช.{T(thid_dashed(t))}ครับ")
t = thid()
add("th-id", f"ชื่อ นายสมชาย ใจดี เลขบัตรประชาชน{T(t)} ที่อยู่ 99/1 ม.3")
t = thid()
add("th-id", f"บัตรประชาชนเลขที่{T(thid_dashed(t, ' '))}นะคะ")
add("th-id", f"หนังสือเดินทางเลขที่{PP('AA' + d(7))}ค่ะ")
add("th-id", f"เลขพาสปอร์ต:{PP('AB' + d(7))}ครับ")
add("th-id", f"ลูกค้าต่างชาติ พาสปอร์ต{PP('E' + d(8))}นะคะ")

add("th-bank", f"โอนเข้าบัญชีกสิกร{B(acct_dashed())}ค่ะ")
add("th-bank", f"เลขบัญชี{B(acct())}ธนาคารไทยพาณิชย์ครับ")
add("th-bank", f"บัญชีกรุงเทพ{B(acct_dashed())}ชื่อบัญชี บจก.ซันไลท์")
add("th-bank", f"ธ.กรุงไทย{B(acct())}นะคะ")
add("th-bank", f"คืนเงินเข้าบัญชีออมทรัพย์กรุงศรี เลขที่{B(acct_dashed())}ครับ")
add("th-bank", f"พร้อมเพย์{P(thmob())}ค่ะ")
add("th-bank", f"บัญชีทีทีบี{B(acct())}ค่ะ")

k = card()
add("th-card", f"ชำระด้วยบัตรเครดิตหมายเลข{C(k)}ค่ะ")
k = card("5" + r.choice("12345"))
add("th-card", f"เลขบัตร:{C(groups4(k))}ครับ")
k = card()
add("th-card", f"ตัดบัตร{C(dash4(k))}ซ้ำสองครั้งค่ะ")

add("th-chat", f"แอดไลน์{L('somchai_88')}ครับ")
add("th-chat", f"ไลน์ไอดี:{L('pim.ch2535')}ค่ะ")

m, t = thmob(), thid()
add("th-multi", f"ชื่อ สมหญิง เบอร์{P(m)} อีเมล{E('somying.t@gmail.com')} เลขบัตร{T(t)}ค่ะ")
m = thmob()
add("th-multi", f"ติดต่อ{P(dash3(m))}หรือ{E('info@baan-solar.co.th')} โอนเข้าบัญชีกสิกร{B(acct_dashed())}นะคะ")
o, m = prov(), thmob()
add("th-multi", f"สาขาขอนแก่น{P(prov_dash(o))} มือถือ{P(m)} ไลน์{L('kk_solar99')}ครับ")
t = thid()
add("th-multi", f"เลขบัตรประชาชน:{T(thid_dashed(t))}เบอร์:{P(thmob())}อีเมล:{E('nok.2530@hotmail.com')}")
m = thmob()
add("th-multi", f"ที่อยู่ IP ที่เข้าไม่ได้คือ{IP(ip4())}ค่ะ เบอร์ติดต่อ{P(m)}")

neg("th-neg", "ราคา15900บาทรวมติดตั้งไหมคะ")
neg("th-neg", "ชุดนี้ราคา 189,000 บาท ผ่อน 0% 10 เดือน")
neg("th-neg", "เลขคำสั่งซื้อ20261127001ค่ะ")
neg("th-neg", "รุ่นSUN5K-SG04LP1 มีของไหมครับ")
neg("th-neg", "รหัสไปรษณีย์10110ค่ะ")
neg("th-neg", "เดือนนี้ใช้ไฟ1,245หน่วย ลดลงจาก1,876kWh")
neg("th-neg", "หมายเลขมิเตอร์12345678ครับ")
neg("th-neg", "ติดตั้งเมื่อปี2565 ประกันถึงพ.ศ.2575")
neg("th-neg", "นัดวันที่27/11/2569 เวลา13.30น.ค่ะ")
neg("th-neg", "บัตรที่ลงท้ายด้วย4821ค่ะ")
neg("th-neg", "เบอร์081-xxx-5678ใช่ของคุณไหมคะ")
neg("th-neg", "ประหยัดไฟได้35%ต่อเดือน")
neg("th-neg", "ห้อง1204ชั้น12ค่ะ")
neg("th-neg", "แผง550วัตต์ 12แผง รวม6.6kW")
neg("th-neg", "ยอดรวม1,250,000บาท มัดจำ30%")
neg("th-neg", "ช่างจะเข้า08:30-17:00น.นะคะ")
neg("th-neg", "เลขพัสดุTH0123456789Xค่ะ")
neg("th-neg", "ใบแจ้งหนี้INV2569110045ครับ")
neg("th-neg", "วันที่๒๗ พฤศจิกายน ๒๕๖๘ ค่ะ")
neg("th-neg", "มิเตอร์อ่านได้ 015234.7 หน่วย")
neg("th-neg", "ผ่อน0%นาน10เดือน เดือนละ18,900บาท")
neg("th-neg", "บ้านเลขที่99/123หมู่5ค่ะ")
neg("th-neg", "โอนผ่านบัญชีกสิกรได้ไหมคะ ยังไม่มีเลขบัญชี")
neg("th-neg", "เลขบัตรลงท้าย 0366 ถูกตัดเงิน 2 ครั้ง")
neg("th-neg", "อินเวอร์เตอร์ขึ้นโค้ดError 1032 ค่ะ")

# =============================== Chinese ===============================
c = cnmob()
add("zh-phone", f"我的手机号{P(c)}哦")
c = cnmob()
add("zh-phone", f"电话{P(cnmob_sp(c, '-'))}，随时打")
c = cnmob()
add("zh-phone", f"有问题打给我{P(cnmob_sp(c))}呀")
a, n = cn_land("010")
add("zh-phone", f"北京办公室座机{P(a + '-' + n)}哈")
a, n = cn_land("021")
add("zh-phone", f"上海分公司电话{P(a + '-' + n[:4] + ' ' + n[4:])}，工作日")
a, n = cn_land("0755")
add("zh-phone", f"深圳工厂联系电话{P(a + '-' + n)}转8021")
a, n = cn_land("020")
add("zh-phone", f"座机{P('(' + a + ')' + n)}哦")
a, n = cn_land("0571")
add("zh-phone", f"杭州那边电话是{P(a + n)}呀")
a, n = cn_land("0755")
add("zh-phone", f"境外拨打{P('+86 755 ' + n[:4] + ' ' + n[4:])}哦")
a, n = cn_land("010")
add("zh-phone", f"传真{P('+86-10-' + n)}")
c = cnmob()
add("zh-phone", f"加个电话{P('+86' + c)}哈")
c = cnmob()
add("zh-phone", f"{P(c)}是我的号码，{P(c)}也能加微信")
c, c2 = cnmob(), cnmob()
add("zh-phone", f"联系人王先生{P(c)}或李小姐{P(c2)}")
m = thmob()
add("zh-phone", f"我在泰国的号码{P(m)}哦")
m = thmob()
add("zh-phone", f"泰国手机{P('+66 ' + m[1:3] + '-' + m[3:6] + '-' + m[6:])}呀")
o = bkk()
add("zh-phone", f"曼谷办事处电话{P(bkk_dash(o))}转12")
o = prov()
add("zh-phone", f"清迈店电话{P(prov_dash(o))}哈")
a, n = cn_land("028")
add("zh-phone", f"成都客服座机{P(a + '-' + n)}，手机{P(cnmob())}")
c = cnmob()
add("zh-phone", f"收货人张伟，电话{P(c)}，谢谢呀")
a, n = cn_land("0512")
add("zh-phone", f"苏州分部{P(a + '-' + n)}分机305")

add("zh-email", f"邮箱{E('wangfang@sina.com.cn')}哦")
add("zh-email", f"发到我邮箱{E('li.ming88@163.com')}呀")
add("zh-email", f"公司邮箱是{E('sales@sun-power2024.com.cn')}，抄送{E('zhang.wei@sun-power2024.com.cn')}哈")
add("zh-email", f"请联系{E('service@nea.gov.cn')}咨询补贴政策")
add("zh-email", f"导师邮箱{E('chenlei@tsinghua.edu.cn')}哦")
add("zh-email", f"邮件发{E('hr-dept@xinneng-tech.cn')}就行")
add("zh-email", f"电子邮箱：{E('liuyang_1990@qq.com')}。")
add("zh-email", f"我的邮箱{E('zhou.jie@foxmail.com')}，{E('zhou.jie@foxmail.com')}，重要的事说两遍")
add("zh-email", f"泰国那边的邮箱{E('somchai.k@ptt-solar.co.th')}呀")
add("zh-email", f"请把发票寄到{E('finance@huaxia-energy.com.cn')}谢谢")

t = cnid()
add("zh-id", f"身份证号{CN(t)}哦")
t = cnid()
add("zh-id", f"身份证号码：{CN(t)}，姓名刘洋")
t = cnid()
add("zh-id", f"实名认证身份证{CN(t)}呀")
t = cnid()
add("zh-id", f"证件号{CN(t[:6] + ' ' + t[6:14] + ' ' + t[14:])}")
add("zh-id", f"护照号{PP('E' + d(8))}哈")
add("zh-id", f"护照号码：{PP('EA' + d(7))}，有效期到2030年")
t = thid()
add("zh-id", f"泰国身份证号{T(t)}")
add("zh-id", f"泰国护照{PP('AA' + d(7))}呀")

add("zh-bank", f"收款账号{B(cnacct())}，户名张伟")
add("zh-bank", f"工商银行{B(cnacct())}哦")
add("zh-bank", f"开户行招商银行，卡号不是信用卡，账号{B(not_luhn(16, '6214'))}")
add("zh-bank", f"退款打到建设银行账户{B(cnacct())}呀")
add("zh-bank", f"泰国开泰银行账号{B(acct_dashed())}哈")
add("zh-bank", f"转账到盘谷银行{B(acct())}，谢谢")

k = card()
add("zh-card", f"信用卡号{C(k)}被扣了两次")
k = card("62" + r.choice("2589"), 16)
add("zh-card", f"卡号：{C(groups4(k))}哦")
k = card("5" + r.choice("1234"))
add("zh-card", f"用Visa卡还是万事达{C(dash4(k))}付款都行")

add("zh-chat", f"加微信{W('zhangwei_1990')}哦")
add("zh-chat", f"我的LINE是{L('lin_shop88')}呀")

c, t = cnmob(), cnid()
add("zh-multi", f"姓名王芳，身份证号{CN(t)}，手机{P(c)}，邮箱{E('wangfang.88@126.com')}")
a, n = cn_land("021")
add("zh-multi", f"上海办公室{P(a + '-' + n)}，邮箱{E('contact@shsolar.com.cn')}，微信{W('shsolar_kf01')}")
c = cnmob()
add("zh-multi", f"收款账号{B(cnacct())}，收款人电话{P(c)}，有问题打{P(c)}哈")
add("zh-multi", f"服务器{IP(ip4())}登不上，联系运维{E('ops@gf-yun.cn')}呀")

neg("zh-neg", "价格15900元含安装吗")
neg("zh-neg", "订单号20261127001还没发货")
neg("zh-neg", "型号SUN5K有现货吗")
neg("zh-neg", "邮编518000哦")
neg("zh-neg", "这个月发电量1,245.6度，上个月1876kWh")
neg("zh-neg", "电表号12345678哈")
neg("zh-neg", "2026年11月27日下午3点半到")
neg("zh-neg", "尾号1234的卡被扣款了")
neg("zh-neg", "手机号138****5678是你的吗")
neg("zh-neg", "优惠15%，满10000减500")
neg("zh-neg", "房间1204，12楼")
neg("zh-neg", "总价1,250,000元，首付30%")
neg("zh-neg", "11:30前送到，14:00以后不在家")
neg("zh-neg", "快递单号SF1406234567890呀")
neg("zh-neg", "发票号码04412345")
neg("zh-neg", "泰历2568年安装的")
neg("zh-neg", "逆变器报错代码E1032")
neg("zh-neg", "电表读数015234.7度")
neg("zh-neg", "客服热线400-820-8820转2")
neg("zh-neg", "每块板550W，共12块，6.6kW")
neg("zh-neg", "分12期，每期8,900元")
neg("zh-neg", "门牌号88号3栋2单元")
neg("zh-neg", "卡号后四位0366")
neg("zh-neg", "可以用工商银行转账吗？还没有账号")
neg("zh-neg", "批次号202611270815")

# =============================== English ===============================
m = thmob()
add("en-phone", f"Phone:{P(m)};Email:{E('mark.t@baansolar.co.th')}")
m = thmob()
add("en-phone", f"Mobile (TH): {P('+66 ' + m[1:3] + ' ' + m[3:6] + ' ' + m[6:])}")
m = thmob()
add("en-phone", f"my thai number is {P('+66 ' + m)}, whatsapp too")
o = bkk()
add("en-phone", f"Office: {P(bkk_dash(o))} ext. 118")
o = bkk()
add("en-phone", f"call the Bangkok office on {P('+66 2 ' + o[2:5] + ' ' + o[5:])}")
o = prov()
add("en-phone", f"our Chiang Mai shop: tel. {P(prov_dash(o))}")
o = prov()
add("en-phone", f"Pattaya branch {P('(' + o[:3] + ') ' + o[3:6] + ' ' + o[6:])}")
o = prov()
add("en-phone", f"Phuket: {P('+66 ' + o[1:3] + ' ' + o[3:6] + ' ' + o[6:])}")
o = prov()
add("en-phone", f"tel {P(o[0] + '-' + o[1:5] + '-' + o[5:])} (Khon Kaen)")
m = thmob()
add("en-phone", f"[Contact]{P(dash3(m))}[/Contact]")
m = thmob()
add("en-phone", f"Tel.:{P(m[:2] + '-' + m[2:6] + '-' + m[6:])}")
a, n = cn_land("010")
add("en-phone", f"Beijing office: {P(a + '-' + n)}")
a, n = cn_land("0755")
add("en-phone", f"Shenzhen factory {P('+86 755 ' + n[:4] + ' ' + n[4:])}, ask for Mr. Chen")
a, n = cn_land("021")
add("en-phone", f"Shanghai tel: {P('(' + a + ') ' + n[:4] + '-' + n[4:])}")
c = cnmob()
add("en-phone", f"his China mobile is {P('+86 ' + cnmob_sp(c))}")
m = thmob()
add("en-phone", f"call {P(m)}, if busy call {P(m)} again after 5pm")
m, m2 = thmob(), thmob()
add("en-phone", f"Numbers: {P(dash3(m))}/{P(dash3(m2))}")
m = thmob()
add("en-phone", f"Hi! I'm Tom ({P(m)}) about the 5kW quote")

add("en-email", f"Email:{E('ann.lee@cu.ac.th')}")
add("en-email", f"send the invoice to {E('accounts@solar-tech99.co.th')}, thanks!")
add("en-email", f"my work mail is {E('p.wong@egat.or.th')}")
add("en-email", f"the ministry contact is {E('info@dede.go.th')}")
add("en-email", f"({E('david.k@mahidol.ac.th')})")
add("en-email", f"Contact us: {E('support@sunny-power.com.cn')}.")
add("en-email", f"CC {E('wang.li@gd-energy.cn')} and {E('wang.li@gd-energy.cn')} for the PO")
add("en-email", f"e-mail={E('j.smith-2024@outlook.com')}&phone={P(thmob())}")
add("en-email", f"reply-to: {E('no.reply.fix@3k-solar.co.th')}")
add("en-email", f"Email address: {E('kittipong_1988@hotmail.co.th')}")

t = thid()
add("en-id", f"ID card no.:{T(t)}")
t = thid()
add("en-id", f"Thai ID: {T(thid_dashed(t))}, DOB 12/03/1985")
t = cnid()
add("en-id", f"Chinese ID number {CN(t)}")
add("en-id", f"Passport No.:{PP('AA' + d(7))}")
add("en-id", f"passport: {PP('E' + d(8))} (China)")
add("en-id", f"PASSPORT NUMBER {PP('C' + d(8))}")

add("en-bank", f"Account no.: {B(acct_dashed())} (Kasikorn)")
add("en-bank", f"please refund to my SCB account {B(acct())}")
add("en-bank", f"bank: Krungthai, a/c {B(acct())}")
add("en-bank", f"ICBC account {B(cnacct())}, name Zhang Wei")

k = card()
add("en-card", f"Card number: {C(dash4(k))}")
k = card("5" + r.choice("1234"))
add("en-card", f"Card: {C(groups4(k))} Exp: 08/28 CVV: ***")
k = card()
add("en-card", f"paid with card {C(k)}, order #20261127001")
k = card("37", 15)
add("en-card", f"Amex {C(k[:4] + ' ' + k[4:10] + ' ' + k[10:])}")

add("en-chat", f"LINE ID: {L('tom_bkk88')}")
add("en-chat", f"WeChat: {W('chen_wei_1988')}")

m, t = thmob(), thid()
add("en-multi", f"Name: Somchai J.; Tel: {P(m)}; Email: {E('somchai.j@gmail.com')}; ID: {T(t)}")
o, m = bkk(), thmob()
add("en-multi", f"office {P(bkk_dash(o))}, mobile {P(dash3(m))}, email {E('sales@thai-pv.co.th')}, LINE {L('thaipv_sales1')}")
c = cnmob()
add("en-multi", f"Mr. Li, passport {PP('E' + d(8))}, mobile {P('+86 ' + c)}, email {E('li.hong@zj-solar.com.cn')}")
add("en-multi", f"server {IP(ip4())} is down, call {P(thmob())}")

neg("en-neg", "the price is 15,900 THB incl. installation")
neg("en-neg", "Order #20261127001 not delivered yet")
neg("en-neg", "model SUN5K-SG04LP1 in stock?")
neg("en-neg", "postcode 10110, Bangkok")
neg("en-neg", "we used 1,245 kWh last month, 1876kWh before")
neg("en-neg", "meter number 12345678")
neg("en-neg", "installed in BE 2565 (2022)")
neg("en-neg", "card ending 1234 was charged twice")
neg("en-neg", "is 081-xxx-5678 your number?")
neg("en-neg", "save 35% on your bill")
neg("en-neg", "room 1204, 12th floor")
neg("en-neg", "total 1,250,000 THB, deposit 30%")
neg("en-neg", "between 08:30 and 17:00 on 27/11/2026")
neg("en-neg", "tracking TH0123456789X")
neg("en-neg", "invoice INV2569110045")
neg("en-neg", "the Visa ending in 0366 was declined")
neg("en-neg", "error code E1032 on the inverter")
neg("en-neg", "meter reading 015234.7 kWh")
neg("en-neg", "12 panels x 550W = 6.6kW")
neg("en-neg", "10 months at 0%, 18,900 THB a month")
neg("en-neg", "house no. 99/123 Moo 5")
neg("en-neg", "can I pay by Kasikorn transfer? I don't have the account number yet")
neg("en-neg", "batch 202611270815, serial 4471823")
neg("en-neg", "card: **** **** **** 4821")
neg("en-neg", "ref. 2569/11/0045")

# More of the same, to bring each language to about sixty messages with values.
m = thmob()
add("th-phone", f"รบกวนโทรกลับเบอร์{P(m[:3] + ' ' + m[3:6] + ' ' + m[6:])}ด้วยนะครับ")
o = prov()
add("th-phone", f"โทรศัพท์บ้าน{P('(' + o[:3] + ')' + o[3:])}ค่ะ")
add("th-email", f"ส่งเอกสารมาทาง{E('doc.center@kmutt.ac.th')}นะครับ")
m = thmob()
add("zh-phone", f"我手机号是{P(dash3(m))}（泰国号）哦")
a, n = cn_land("021")
add("zh-phone", f"总机{P(a + n)}转人工")
c = cnmob()
add("zh-phone", f"手机：{P(c)}。微信同号")
add("zh-email", f"简历投递{E('job2026@longi-green.com.cn')}呀")
t = cnid()
add("zh-id", f"乘车人身份证{CN(t)}，手机{P(cnmob())}")
add("zh-bank", f"农业银行卡号{B(not_luhn(19, '6228'))}，开户名李娜")
k = card()
add("zh-card", f"银行卡{C(k)}支付失败了")
m = thmob()
add("en-phone", f"Mobile:{P(m)}")
o = bkk()
add("en-phone", f"Tel: {P('(02) ' + o[2:5] + '-' + o[5:])} ext 204")
m = thmob()
add("en-phone", f"ring me on {P(m[:2] + ' ' + m[2:6] + ' ' + m[6:])} after lunch")
c = cnmob()
add("en-phone", f"China: {P(c)}")
a, n = cn_land("020")
add("en-phone", f"Guangzhou office tel {P(a + '-' + n)} ext. 8")
add("en-email", f"Please send to <{E('orders@ban-chang-pv.co.th')}>")
add("en-email", f"email me at {E('mint_2539@yahoo.co.th')} or call {P(dash3(thmob()))}")
t = thid()
add("en-id", f"national ID {T(thid_dashed(t, ' '))}")
add("en-bank", f"Bangkok Bank a/c no. {B(acct_dashed())}")
k = card()
add("en-card", f"credit card {C(groups4(k))}, expiry 11/27")
add("en-chat", f"line id: {L('mike.th2020')}")
m = thmob()
add("en-multi", f"Contact: {P(m)} / {E('k.somsri@siamgrid.co.th')} / LINE {L('somsri_99')}")

# Missed when the set was first measured are kept (and measured) as TODO cases until a general
# rule finds them (docs/redaction.md, the tenth fresh set): the one blind miss (a Chinese landline
# in one piece after 总机, a switchboard's word) is found now.
KNOWN_MISS_STARTS = ()
write(sys.argv[1], """# Tenth fresh set of redaction cases (bench/gen-redact-fresh10.py), written before the redactor
# was run on it: about sixty messages with values and twenty-five hard negatives per language
# (categories en-, th-, zh-), values glued to Thai and Chinese text with no space on either side and
# the whole range of Thai and Chinese number formats: Thai mobiles, Bangkok and provincial
# landlines, +66 with the trunk 0 dropped and kept, extensions (ต่อ12, 转8021, ext. 118); Chinese
# mobiles and landlines with their area codes (010-, 021-, 0755-, (020)); e-mail addresses glued to
# Thai or Chinese text on both sides, with company, government and university domains (.co.th,
# .or.th, .go.th, .ac.th, .com.cn, .gov.cn, .cn) and hyphens and digits in them; Thai IDs and
# passports quoted from Thai forms, Chinese IDs after 身份证号, accounts after bank words, cards as
# e-commerce forms write them; three or more values in one message, values repeated, glued
# particles (ค่ะ, ครับ, นะ, 哦, 哈, 呀); hard negatives of the same chats glued to text (prices,
# order numbers, models, postcodes, kWh and meter readings, meter numbers, Buddhist-era years,
# dates, times, a card's last four digits, masked numbers, percentages, rooms). Same format as
# redact.tests (`INPUT ⇒ EXPECTED`, `=` for unchanged); run by tests/plugins/test-redact-golden.c
# (test redact-golden-fresh10: the cases of [known-miss] are TODO while they leak) and measured by
# `bench/redact-quality.py CBLUE_BIN tests/data/redact-fresh10.tests`.
""",
      lambda text, expected: text.startswith(KNOWN_MISS_STARTS))
