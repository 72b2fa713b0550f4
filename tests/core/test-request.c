/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

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

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/cblue/request/part-found", test_request_part_found);
	g_test_add_func("/cblue/request/part-none", test_request_part_none);
	return g_test_run();
}
