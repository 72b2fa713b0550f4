/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-request-private.h"

/* the request part of a message of several sentences (core/cblue-request.c): the sentences
 * that ask, without the background, and nothing for a message of one sentence */

static void
test_request_part_found(void)
{
	static const struct {
		const gchar *text;
		const gchar *request;
	} cases[] = {
	    {"Hi, we run a small milk-tea shop in Chiang Mai and our bill is about 8,000 baht a month. "
	     "Can you help us answer customers on LINE automatically?",
	     "Can you help us answer customers on LINE automatically"},
	    {"Our office has 25 staff.\nWe need a mesh network for three floors.",
	     "We need a mesh network for three floors"},
	    {"บ้านอยู่เชียงใหม่ ค่าไฟเดือนละ 3,000 บาท! ติดโซลาร์ 5 kW ราคาเท่าไหร่คะ", "ติดโซลาร์ 5 kW ราคาเท่าไหร่คะ"},
	    {"我们在清迈开了一家奶茶店。每个月电费八千泰铢左右。能帮我们在LINE上自动回复客户吗？",
	     "能帮我们在LINE上自动回复客户吗"},
	    {"We have 2.5 kW on the roof since 2021. So can we add a battery now?", "So can we add a battery now"},
	    /* a pronoun before any background is the request's own: it points back at nothing */
	    {"A hybrid inverter, how does it switch over? Our street loses power twice a week.",
	     "A hybrid inverter, how does it switch over"},
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		guint context = 0, asked = 0;
		g_autofree gchar *request = cblue_request_part(cases[i].text, &context, &asked);
		g_assert_cmpstr(request, ==, cases[i].request);
		g_assert_cmpuint(context, >, 0);
		g_assert_cmpuint(asked, >, 0);
	}
}

static void
test_request_part_none(void)
{
	static const gchar *const texts[] = {
	    "wifi for my hostel",
	    "how much is a 5 kW system?",
	    "ติดโซลาร์ 5kw กี่บาทครับ",
	    "充电桩多少钱",
	    /* a Chinese comma parts clauses of one sentence, whose last often leaves its topic to
	     * the others: "can it be one that runs on the sun?" */
	    "我家的水泵每天都要用电，电费太贵了，能不能换成用太阳能的？",
	    /* every sentence asks */
	    "Do you install CCTV? How much for 4 cameras?",
	    /* none asks */
	    "Our roof faces west. The tiles are concrete.",
	    /* the request points back at the background */
	    "Our house has old clay tiles and a mango tree on one side. Would panels even work up there?",
	    "Looking at a new bathroom, the tiles are old. Ballpark price and how long it would take?",
	    "我家屋顶是铁皮的。这种屋顶能装吗？",
	    /* a number, a decimal point, an abbreviation */
	    "Is 8,000 baht a month a lot for a 2.5 kW system, e.g. in Bangkok",
	    "",
	};
	for (guint i = 0; i < G_N_ELEMENTS(texts); i++) {
		guint context = 1, asked = 1;
		g_autofree gchar *request = cblue_request_part(texts[i], &context, &asked);
		g_assert_null(request);
		g_assert_cmpuint(context, ==, 0);
		g_assert_cmpuint(asked, ==, 0);
	}
}

/* whether a phrase of a message is in a clause that asks (the declined services' check in
 * core/cblue-bot.c): clauses end at sentence marks, commas, colons and brackets, and at a space
 * between Thai letters; a negated request word does not ask */
static void
test_request_span_asks(void)
{
	static const struct {
		const gchar *text; /* lower case, as the bot's normalized text is */
		const gchar *span;
		gboolean asks;
	} cases[] = {
	    {"do you install water heaters?", "water heaters", TRUE},
	    {"water heater", "water heater", TRUE}, /* no clause asks: the span may be the request */
	    {"we have a water heater, how big a solar system do we need?", "water heater", FALSE},
	    {"server room aircon died over the weekend and nobody knew till monday. any gadget that pings us?",
	     "aircon", FALSE},
	    {"fingerprint lock doable? and can i send the maid a temporary code", "maid", TRUE},
	    {"ลืมกุญแจบ่อยมาก อยากเปลี่ยนเป็นกลอนดิจิตอล ราคาเท่าไหร่", "ลืมกุญแจ", FALSE},
	    {"ล้างแอร์ราคาเท่าไหร่", "ล้างแอร์", TRUE},
	    {"我家顶楼非常闷热，不想再多装空调。请问屋顶隔热有哪些方案？", "装空调", FALSE},
	    {"你们能装空调吗？", "装空调", TRUE},
	    {"our business (textile wholesale, 80 staff) wants to start using ai", "wholesale", FALSE},
	    {"we don't want a generator, can solar keep the lights on?", "generator", FALSE},
	    /* a bare request ("ไหมครับ", "ราคาเท่าไหร่", "可以吗？", "how much?") asks about the clause
	     * before it, and only that one */
	    {"รับเดินสายไฟใหม่ทั้งหลัง ไหมครับ", "เดินสายไฟใหม่", TRUE},
	    {"ซ่อมเครื่องซักผ้า 2 เครื่อง ราคาเท่าไหร่", "เครื่องซักผ้า", TRUE},
	    {"后院的游泳池，可以吗？", "游泳池", TRUE},
	    {"aircon cleaning for 3 units, how much?", "aircon", TRUE},
	    /* … and so does one of a pro-verb alone: รับซ่อมไหม, "is that something you install?" */
	    {"เครื่องซักผ้าเสีย รับซ่อมไหมครับ", "เครื่องซักผ้า", TRUE},
	    {"the shop needs a burglar alarm. is that something you install?", "burglar alarm", TRUE},
	    {"we have a burglar alarm. can you install solar?", "burglar alarm", FALSE},
	    {"เรามีเครื่องปั่นไฟอยู่แล้ว ติดโซลาร์เพิ่มได้ไหม ราคาเท่าไหร่", "เครื่องปั่นไฟ", FALSE},
	    {"we have a generator, battery price?", "generator", FALSE},
	    /* … and one of buying back or of what to do, with pronouns: "would you buy them off me?" */
	    {"i have 12 used solar panels, would you buy them off me?", "used solar panels", TRUE},
	    {"มีแผงโซล่ามือสองอยู่ 10 แผง บริษัทรับซื้อคืนไหมคะ", "แผงโซล่ามือสอง", TRUE},
	    {"邻居家的板子反光照进卧室，怎么办？", "反光照", TRUE},
	    {"we have used solar panels, would you install a battery with them?", "used solar panels", FALSE},
	    /* Thai ไหน ("which") asks: the options compared before it are not requested */
	    {"ระหว่างจ้างแอดมินเพิ่มกับทำแชทบอท อันไหนคุ้มกว่าคะ", "จ้างแอดมิน", FALSE},
	    {"กล้องแบบไหนดี", "กล้อง", TRUE},
	    /* … and so does one that sends someone or asks for a cleaning without saying of what */
	    {"แอร์ไม่เย็นน้ำหยด ส่งคนมาล้างได้มั้ย", "แอร์ไม่เย็น", TRUE},
	    {"热水器坏了，派人来修吗？", "热水器", TRUE},
	    {"แอร์ไม่เย็นน้ำหยด ส่งคนมาล้างแผงได้มั้ย", "แอร์ไม่เย็น", FALSE},
	    /* … and one for a repair or a technician's visit about every clause back to the last that
	     * asks: what it points at is what the message tells of */
	    {"the washing machine stopped mid-cycle last night, the display is blank. could you send a technician "
	     "tomorrow?",
	     "washing machine", TRUE},
	    {"เครื่องซักผ้าหยุดกลางคัน หน้าจอดับ ส่งช่างมาซ่อมพรุ่งนี้ได้ไหมคะ", "เครื่องซักผ้า", TRUE},
	    {"洗衣机昨晚停了，屏幕也不亮，明天派人来修一下可以吗？", "洗衣机", TRUE},
	    /* … but not back past a clause that asks, nor for a cleaning */
	    {"we bought a new washing machine. how long is the warranty? the inverter beeps, can you fix it?",
	     "washing machine", FALSE},
	    {"we live next to a road construction site, the panels are dusty. do you clean them?",
	     "road construction", FALSE},
	    /* … and so does one that asks which to recommend among what the clause before names */
	    {"โปรแกรมเงินเดือนสำหรับบริษัท 50 คน แนะนำตัวไหนดีคะ", "โปรแกรมเงินเดือน", TRUE},
	    {"想给公司买一套工资软件，推荐哪个？", "工资软件", TRUE},
	    {"we need payroll software for 80 staff. which one do you recommend?", "payroll", TRUE},
	    {"โปรแกรมเงินเดือนเรามีแล้ว แนะนำแชทบอทหน่อยค่ะ", "โปรแกรมเงินเดือน", FALSE},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		const gchar *at = strstr(cases[i].text, cases[i].span);
		g_autoptr(GArray) clauses = cblue_request_clauses(cases[i].text);
		g_assert_nonnull(at);
		g_test_message("%s: %s", cases[i].text, cases[i].span);
		g_assert_cmpint(cblue_request_span_asks(clauses, at - cases[i].text,
							at - cases[i].text + strlen(cases[i].span)),
				==, cases[i].asks);
	}
}

/* the clauses of a message and which of them ask */
static void
test_request_clauses(void)
{
	const gchar *text = "สวัสดีค่ะ บ้านอยู่บางนา ติดโซลาร์ได้ไหมคะ, ราคาเท่าไหร่";
	g_autoptr(GArray) clauses = cblue_request_clauses(text);
	g_autoptr(GArray) none = cblue_request_clauses("  ?! ");
	static const gboolean asks[] = {FALSE, FALSE, TRUE, TRUE};

	g_assert_cmpuint(clauses->len, ==, G_N_ELEMENTS(asks));
	for (guint i = 0; i < clauses->len; i++)
		g_assert_cmpint(g_array_index(clauses, CblueRequestClause, i).asks, ==, asks[i]);
	g_assert_cmpuint(g_array_index(clauses, CblueRequestClause, 2).start, ==, strstr(text, "ติดโซลาร์") - text);
	g_assert_cmpuint(none->len, ==, 0);
	/* "ราคาเท่าไหร่" asks nothing of its own: the clause before it is asked about */
	g_assert_true(g_array_index(clauses, CblueRequestClause, 2).asked);
	g_assert_false(g_array_index(clauses, CblueRequestClause, 1).asked);
	g_assert_false(g_array_index(clauses, CblueRequestClause, 3).asked);
}

/* the text of question @i of @questions of @text, without the marks and spaces around it */
static gchar *
question_text(const gchar *text, GArray *questions, guint i)
{
	const CblueRequestQuestion *q = &g_array_index(questions, CblueRequestQuestion, i);
	g_autofree gchar *part = g_strndup(text + q->start, q->end - q->start);
	gchar *start = part;

	while (*start != '\0' && strchr("?!,. ", *start) != NULL)
		start++;
	return g_strdup(g_strstrip(start));
}

/* a message that asks two things is cut into its questions, the background going with the
 * question after it */
/* a negated option left out when the message narrows to an alternative, kept when the message
 * asks about the negated thing itself */
static void
test_request_unnegated(void)
{
	static const struct {
		const gchar *text;
		const gchar *rest; /* NULL: nothing left out */
	} cases[] = {
	    {"not solar, just a battery", ", just a battery"},
	    {"I don't need installation, only the panels", "I , only the panels"},
	    {"We don't want a loan, we just pay cash. Any discount?", "We , we just pay cash. Any discount?"},
	    {"I'm not asking about solar, asking about cameras", "I'm , asking about cameras"},
	    {"no installation just the inverter please", "just the inverter please"},
	    {"ไม่เอาผ่อน เอาจ่ายสด ลดได้ไหม", "เอาจ่ายสด ลดได้ไหม"},
	    {"ไม่ได้ถามเรื่องโซล่า ถามเรื่องกล้องวงจรปิด", "ถามเรื่องกล้องวงจรปิด"},
	    {"ไม่ต้องติดตั้งค่ะ เอาแค่ตัวเครื่อง", "เอาแค่ตัวเครื่อง"},
	    {"不要安装，只买设备可以吗", "，只买设备可以吗"},
	    {"不是太阳能，是充电桩", "，是充电桩"},
	    {"不需要电池只装板子多少钱", "只装板子多少钱"},
	    {"不想要三年就坏的杂牌货", NULL},
	    /* the negated thing is what is asked */
	    {"no battery?", NULL},
	    {"ไม่มีประกันเหรอ", NULL},
	    /* no alternative said: the negated thing is what is asked */
	    {"Is there a way to get panels without paying upfront?", NULL},
	    {"We just moved in, no insulation at all. What do you recommend?", NULL},
	    {"ห้องร้อนมาก เปิดแอร์ทั้งคืน ไม่อยากเปลี่ยนแอร์ มีวิธีอื่นไหม", NULL},
	    {"光伏能分期吗？我们不想一次付清，是否有银行贷款？", NULL},
	    {"โรงงานอยากลดค่าไฟ ไม่อยากควักเงินเอง", NULL},
	    {"有没有不用钥匙的门锁，我老是忘带", NULL},
	    {"ไม่ต้องติดตั้งเหรอ", NULL},
	    {"不用安装吗", NULL},
	    {"I don't need the battery, how much?", NULL},
	    /* no negation of an option */
	    {"Not sure which inverter, can you recommend one?", NULL},
	    {"The app shows the battery is not charging, can you check it?", NULL},
	    {"要不要装电池？多少钱", NULL},
	    {"是不是要先申请许可证", NULL},
	    {"No, thanks", NULL},
	    {"no I mean the charger I already have, just the installation", NULL},
	    {"how much is a 5 kW system?", NULL},
	    {"", NULL},
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *rest = cblue_request_unnegated(cases[i].text);
		g_assert_cmpstr(rest, ==, cases[i].rest);
	}
}

static void
test_request_questions_found(void)
{
	static const struct {
		const gchar *text;
		const gchar *first, *second, *first_asks;
	} cases[] = {
	    {"How much is a 5 kW system? How long does installation take?", "How much is a 5 kW system",
	     "How long does installation take", "How much is a 5 kW system"},
	    /* Thai clauses end at a space between Thai letters */
	    {"แผงโซลาร์รับประกันกี่ปีคะ ผ่อนได้ไหมคะ", "แผงโซลาร์รับประกันกี่ปีคะ", "ผ่อนได้ไหมคะ", "แผงโซลาร์รับประกันกี่ปีคะ"},
	    {"充电桩多少钱？能分期吗？", "充电桩多少钱", "能分期吗", "充电桩多少钱"},
	    /* background before a question is its own; a bare request ("ซ่อมให้ไหมครับ") asks about it */
	    {"หลังคารั่วเวลาฝนตก ซ่อมให้ไหมครับ แล้วมีติดฉนวนกันความร้อนด้วยไหม", "หลังคารั่วเวลาฝนตก ซ่อมให้ไหมครับ",
	     "แล้วมีติดฉนวนกันความร้อนด้วยไหม", "หลังคารั่วเวลาฝนตก ซ่อมให้ไหมครับ"},
	    {"My roof is old, we live in Bang Na. Can you fix the leak? And do you do insulation?",
	     "My roof is old, we live in Bang Na. Can you fix the leak", "And do you do insulation",
	     "Can you fix the leak"},
	    /* two questions in one clause: at a joining word when each side asks ... */
	    {"how much is a 5kw and how long does the install take", "how much is a 5kw",
	     "how long does the install take", "how much is a 5kw"},
	    {"Where is your office and are you hiring interns", "Where is your office", "are you hiring interns",
	     "Where is your office"},
	    {"ติดตั้งกี่วันและรับประกันกี่ปี", "ติดตั้งกี่วัน", "รับประกันกี่ปี", "ติดตั้งกี่วัน"},
	    {"面板质保多久还有多久清洗一次", "面板质保多久", "多久清洗一次", "面板质保多久"},
	    /* ... or after a word that ends a question, its polite ending kept with it */
	    {"充电桩多少钱能分期吗", "充电桩多少钱", "能分期吗", "充电桩多少钱"},
	    {"บริษัทอยู่ที่ไหนคะรับสมัครฝึกงานไหม", "บริษัทอยู่ที่ไหนคะ", "รับสมัครฝึกงานไหม", "บริษัทอยู่ที่ไหนคะ"},
	    {"工厂能装监控吗还有录像能保存几天", "工厂能装监控吗", "录像能保存几天", "工厂能装监控吗"},
	    {"how much is a 10 kWh battery how much will solar save me", "how much is a 10 kWh battery",
	     "how much will solar save me", "how much is a 10 kWh battery"},
	    /* background before the clause goes with its first question */
	    {"Our bill is 4,000 baht. What size do I need and do you offer installments?",
	     "Our bill is 4,000 baht. What size do I need", "do you offer installments", "What size do I need"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		const gchar *text = cases[i].text;
		g_autoptr(GArray) questions = cblue_request_questions(text);
		g_autofree gchar *first = NULL;
		g_autofree gchar *second = NULL;
		g_autofree gchar *first_asks = NULL;
		const CblueRequestQuestion *q;

		g_assert_nonnull(questions);
		g_assert_cmpuint(questions->len, ==, 2);
		first = question_text(text, questions, 0);
		second = question_text(text, questions, 1);
		g_assert_cmpstr(first, ==, cases[i].first);
		g_assert_cmpstr(second, ==, cases[i].second);
		q = &g_array_index(questions, CblueRequestQuestion, 0);
		first_asks = g_strndup(text + q->ask_start, q->end - q->ask_start);
		g_assert_cmpstr(g_strstrip(first_asks), ==, cases[i].first_asks);
	}
}

/* one question, or none: not cut */
static void
test_request_questions_none(void)
{
	static const gchar *const texts[] = {
	    "How much is a 5 kW system?",
	    "ติดโซล่าเซลล์ราคาเท่าไหร่",
	    /* background and one question */
	    "My electricity bill is about 5,000 baht a month. What size system should I get?",
	    /* a bare request asks about the question before it */
	    "Do you install CCTV? How much?",
	    "รับซ่อมหลังคาไหม ราคาเท่าไหร่",
	    "你们能装充电桩吗？多少钱？",
	    /* the marks end the text */
	    "How much is it?!?",
	    /* clauses, but one question word: not even cut into clauses */
	    "My roof leaks, the ceiling is wet and the paint peels, what can be done",
	    "สวัสดีค่ะ บ้านอยู่บางนา ติดโซลาร์ได้ไหมคะ",
	    /* one clause, one question: an "and" or กับ / 和 between the things it asks about, or a
	     * question word inside the question */
	    "How much are the panels and inverters when installed?",
	    "How much does it cost when the roof is metal sheet",
	    "price and installation of a 5 kW solar system",
	    "Can you tell me how much a 5 kW system costs",
	    "ประกันแผงกับอินเวอร์เตอร์กี่ปีคะ",
	    "เบอร์โทรกับไลน์ของบริษัทคืออะไร",
	    "面板和逆变器质保多少年",
	    "用什么牌子的逆变器多少钱",
	    "ราคาเท่าไหร่ต่อกิโลวัตต์",
	    "",
	};

	for (guint i = 0; i < G_N_ELEMENTS(texts); i++) {
		g_autoptr(GArray) questions = cblue_request_questions(texts[i]);
		g_assert_null(questions);
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/cblue/request/part-found", test_request_part_found);
	g_test_add_func("/cblue/request/part-none", test_request_part_none);
	g_test_add_func("/cblue/request/span-asks", test_request_span_asks);
	g_test_add_func("/cblue/request/clauses", test_request_clauses);
	g_test_add_func("/cblue/request/unnegated", test_request_unnegated);
	g_test_add_func("/cblue/request/questions-found", test_request_questions_found);
	g_test_add_func("/cblue/request/questions-none", test_request_questions_none);
	return g_test_run();
}
