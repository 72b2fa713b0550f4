/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cblue-declined-private.h"
#include "cblue-test-utils.h"

/* the declined services' matcher (core/cblue-declined.c): phrases found as customers write them,
 * whole Latin words, Thai and Chinese on the tokenizer's word boundaries; the files' format and
 * their errors */

static CblueDeclined *
declined_from(CblueTokenizer *tokenizer, const gchar *data)
{
	g_autoptr(CblueDeclined) declined = cblue_declined_new(tokenizer);
	g_autoptr(GError) error = NULL;

	g_assert_true(cblue_declined_add_data(declined, data, strlen(data), "test.txt", &error));
	g_assert_no_error(error);
	cblue_declined_seal(declined);
	return g_steal_pointer(&declined);
}

/* the service found in @text, or NULL; the matched span in @span */
static const gchar *
find_service(CblueDeclined *declined, CblueTokenizer *tokenizer, const gchar *text, gchar **span)
{
	g_autofree gchar *normalized = cblue_tokenizer_normalize(tokenizer, text);
	g_autoptr(GArray) matches = cblue_declined_find(declined, normalized);
	const CblueDeclinedMatch *match;

	if (matches == NULL)
		return NULL;
	match = &g_array_index(matches, CblueDeclinedMatch, 0);
	if (span != NULL)
		*span = g_strndup(normalized + match->start, match->end - match->start);
	return match->service;
}

static const gchar *const test_lists = "# a comment\n"
				       "water heaters: water heater, solar hot water\n"
				       "air-con service: clean air con*, aircon* cleaning, ล้างแอร์, 清洗空调, 空调清洗\n"
				       "pest control: rat, termite*\n"
				       "interpreting: ล่าม, 口译\n"
				       "phone credit: 话费\n"
				       "boxes: box\n"
				       "TV: tv installation\n"
				       "phone batteries: mah, 4g plan\n";

static void
test_declined_match(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(CblueDeclined) declined = declined_from(tokenizer, test_lists);
	static const struct {
		const gchar *text;
		const gchar *service; /* NULL: nothing is declined */
		const gchar *span;
	} cases[] = {
	    {"Do you install water heaters?", "water heaters", "water heaters"},
	    {"WATER-HEATER price", "water heaters", "water-heater"},
	    /* fillers are skipped, a * goes on with any letters */
	    {"can you clean my air conditioner", "air-con service", "clean my air conditioner"},
	    {"aircon cleaning, how much?", "air-con service", "aircon cleaning"},
	    {"can you clean the air-cons", "air-con service", "clean the air-cons"},
	    /* whole words; a plural "s", or "es" after s, x, z, ch or sh */
	    {"rats in the roof", "pest control", "rats"},
	    {"what are your rates?", NULL, NULL},
	    {"termites ate the beams", "pest control", "termites"},
	    {"boxes of panels", "boxes", "boxes"},
	    {"a boxing gym", NULL, NULL},
	    {"hot waters", NULL, NULL},
	    /* a phrase never spans punctuation other than spaces, hyphens, apostrophes, slashes */
	    {"I have solar. Hot water is from gas", NULL, NULL},
	    {"solar/hot water", "water heaters", "solar/hot water"},
	    /* a short first word, and its key */
	    {"tv installation in the bedroom", "TV", "tv installation"},
	    {"tvs installation", NULL, NULL},
	    /* digits and letters that meet end a word, as the tokenizer splits "5kw" */
	    {"how long does a 5000mAh battery last", "phone batteries", "mah"},
	    {"a mah5000 cell", "phone batteries", "mah"},
	    {"mahjong table", NULL, NULL},
	    {"2tv installation", "TV", "tv installation"},
	    {"a 4g plan", "phone batteries", "4g plan"},
	    {"a 14g plan", NULL, NULL},
	    /* Thai and Chinese anywhere, on the tokenizer's word boundaries */
	    {"ล้างแอร์ราคาเท่าไหร่คะ", "air-con service", "ล้างแอร์"},
	    {"ล้าง แอร์ บ้าน 3 เครื่อง", "air-con service", "ล้าง แอร์"},
	    {"มีล่ามภาษาจีนไหม", "interpreting", "ล่าม"},
	    {"โซล่ามันดียังไงอะ", NULL, NULL},
	    {"你们做空调清洗吗", "air-con service", "空调清洗"},
	    {"你們做空調清洗嗎", "air-con service", "空调清洗"},
	    {"买车送了充电桩，只要安装的话费用大概多少？", NULL, NULL},
	    {"手机话费怎么充", "phone credit", "话费"},
	    /* code-mixed */
	    {"อยากได้ water heater ค่ะ", "water heaters", "water heater"},
	    {"How many kW of solar do I need to run 3 air conditioners?", NULL, NULL},
	    {"", NULL, NULL},
	};

	g_assert_cmpuint(cblue_declined_get_n_services(declined), ==, 8);
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *span = NULL;
		const gchar *service = find_service(declined, tokenizer, cases[i].text, &span);
		g_test_message("%s → %s (%s)", cases[i].text, service, span);
		g_assert_cmpstr(service, ==, cases[i].service);
		g_assert_cmpstr(span, ==, cases[i].span);
	}
}

/* the bundled lists load, and decline in the three languages */
static void
test_declined_bundled(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueDeclined) declined = cblue_declined_load(tokenizer, NULL, &error);
	static const gchar *const texts[] = {"Do you sell diesel generators?", "รับล้างแอร์ไหมคะ", "你们做空调清洗吗？",
					     "Can you put a lightning rod on the roof?", "มีบริการกำจัดปลวกไหม"};
	static const gchar *const kinds[] = {
	    "can you help me renew my work permit?", "รับจดทะเบียนบริษัทไหม", "你们能帮忙报税吗",
	    "we want to sue the developer, do you know a lawyer?", "ช่วยจองตั๋วเครื่องบินไปภูเก็ตให้หน่อย",
	    "推荐一下清迈的景点", "do you drill water wells?", "can you drill a borehole for my farm?", "รับเจาะบ่อบาดาลไหม", "你们打井吗",
	    "will you put it in writing that the bill drops by half?", "ถ้าไม่ได้ตามนั้นเขียนลงสัญญาได้ไหม",
	    "能写进合同吗", "can i have the technician's private number?", "ขอเบอร์ส่วนตัวช่างหน่อย",
	    "what will next year's electricity price forecast be?", "明年电价会是多少"};
	static const gchar *const offered[] = {
	    "do you need a copy of my ID card for the permit?", "ไปเที่ยวต่างจังหวัดหลายวัน ต้องปิดระบบโซลาร์ไหม",
	    "AI ช่วยทำบัญชีได้ไหม", "AI能帮我们自动记账吗", "what does the warranty cover?", "มีการันตีกำลังผลิตไหม",
	    "how long is the payback?", "can the solar pump fill a water tank on the hill?", "保修写在合同里吗",
	    "would a solar pump manage a 40 metre borehole?", "我家有一口水井，太阳能水泵能抽吗",
	    "will solar protect me from future electricity price rises?", "we are setting up a company and need a website"};
	static const gchar *const files[] = {"en", "th", "zh"};
	guint n_lines = 0;

	g_assert_no_error(error);
	g_assert_nonnull(declined);
	g_assert_cmpuint(cblue_declined_get_n_services(declined), >=, 200);
	g_assert_cmpuint(cblue_declined_get_n_phrases(declined), >=, 2000);
	/* every line of the three files is a service: none shares a phrase with a line of an
	 * earlier file, which would replace it ("ivr" in English and Chinese left the English
	 * line's call centre phrases out) */
	for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
		g_autofree gchar *path = g_strdup_printf("/ai/cblue/declined/%s.txt", files[i]);
		g_autoptr(GBytes) bytes = g_resources_lookup_data(path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
		g_autofree gchar *text = NULL;
		g_auto(GStrv) lines = NULL;
		g_assert_no_error(error);
		text = g_strndup(g_bytes_get_data(bytes, NULL), g_bytes_get_size(bytes));
		lines = g_strsplit(text, "\n", -1);
		for (guint j = 0; lines[j] != NULL; j++) {
			if (lines[j][0] != '\0' && lines[j][0] != '#' && lines[j][0] != '!')
				n_lines++;
		}
	}
	g_assert_cmpuint(cblue_declined_get_n_services(declined), ==, n_lines);
	for (guint i = 0; i < G_N_ELEMENTS(texts); i++)
		g_assert_nonnull(find_service(declined, tokenizer, texts[i], NULL));
	g_assert_null(find_service(declined, tokenizer, "How much is a 5 kW solar rooftop?", NULL));
	/* requests by kind: papers, legal and business services, trips, wells, promises */
	for (guint i = 0; i < G_N_ELEMENTS(kinds); i++)
		g_assert_nonnull(find_service(declined, tokenizer, kinds[i], NULL));
	/* and what customers of the KB's topics say of the same things */
	for (guint i = 0; i < G_N_ELEMENTS(offered); i++)
		g_assert_null(find_service(declined, tokenizer, offered[i], NULL));
}

/* a bad line is refused with the file and the line */
static void
test_declined_bad_data(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	static const struct {
		const gchar *data;
		const gchar *message;
	} cases[] = {
	    {"ok: fine\nno colon here\n", "test.txt:2: a line is a service’s name"},
	    {": a phrase\n", "test.txt:1: the service has no name"},
	    {"name: one, , three\n", "test.txt:1: phrase 2 is empty"},
	    {"name: ---\n", "test.txt:1: phrase 1 is empty"},
	    {"name: ai* thing\n", "test.txt:1: phrase 1 (“ai* thing”): a * must end"},
	    {"name: air con *\n", "test.txt:1: phrase 1 (“air con *”): a * must end"},
	    {"name: air*con\n", "test.txt:1: phrase 1 (“air*con”): a * must end"},
	    {"name: solar. heater\n", "test.txt:1: phrase 1 (“solar. heater”): only spaces"},
	    {"name: แ\n", "test.txt:1: phrase 1 (“แ”): Thai or Chinese needs at least two characters"},
	    {"one: water heater\n\ntwo: Water-Heater\n", "test.txt:3: “Water-Heater” is already a phrase of line 1"},
	    {"one: water heater\n!boiler\n", "test.txt:2: “boiler” is a phrase of no declined service"},
	    {"one: water heater\n\xff\xfe: x\n", "test.txt:2: invalid UTF-8"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(CblueDeclined) declined = cblue_declined_new(tokenizer);
		g_autoptr(GError) error = NULL;
		g_assert_false(
		    cblue_declined_add_data(declined, cases[i].data, strlen(cases[i].data), "test.txt", &error));
		g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
		g_test_message("%s", error->message);
		g_assert_true(g_str_has_prefix(error->message, cases[i].message));
	}
	{
		g_autoptr(CblueDeclined) declined = cblue_declined_new(tokenizer);
		g_autoptr(GError) error = NULL;
		g_assert_false(cblue_declined_add_data(declined, "a: b\0c", 6, "test.txt", &error));
		g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	}
}

/* a business's folder extends the bundled lists: a line that shares a phrase replaces the
 * bundled service, "!phrase" drops one, and a bad file fails the whole load with its name and
 * line */
static void
test_declined_folder(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autofree gchar *dir = cblue_test_make_tmpdir();
	g_autofree gchar *ours = g_build_filename(dir, "10-ours.txt", NULL);
	g_autofree gchar *bad = g_build_filename(dir, "20-bad.txt", NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueDeclined) declined = NULL;

	g_assert_true(g_file_set_contents(ours,
					  "# we clean air-cons now, and sell generators under another name\n"
					  "!ล้างแอร์\n"
					  "backup power: generator, genset, pizza oven\n",
					  -1, &error));
	g_assert_no_error(error);
	declined = cblue_declined_load(tokenizer, dir, &error);
	g_assert_no_error(error);
	g_assert_null(find_service(declined, tokenizer, "รับล้างแอร์ไหม", NULL));
	/* the English list's line is a service of its own */
	g_assert_cmpstr(find_service(declined, tokenizer, "air con cleaning", NULL), ==, "air-conditioner service");
	g_assert_cmpstr(find_service(declined, tokenizer, "do you sell a pizza oven", NULL), ==, "backup power");
	g_assert_cmpstr(find_service(declined, tokenizer, "diesel genset", NULL), ==, "backup power");
	/* the rest of the bundled services stay */
	g_assert_nonnull(find_service(declined, tokenizer, "do you have a lightning rod", NULL));
	g_clear_pointer(&declined, cblue_declined_unref);

	g_assert_true(g_file_set_contents(bad, "fine: one\nbroken line\n", -1, &error));
	g_assert_no_error(error);
	declined = cblue_declined_load(tokenizer, dir, &error);
	g_assert_null(declined);
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_assert_nonnull(strstr(error->message, "20-bad.txt:2:"));
	g_unlink(ours);
	g_unlink(bad);
	g_rmdir(dir);
}

/* whether a KB entry's own text speaks of a service, in any of its phrases and languages */
static void
test_declined_entry_mentions(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(CblueDeclined) declined =
	    declined_from(tokenizer, "ups: ups, uninterruptible power supply\nwater heaters: water heater, 热水器\n");
	g_autoptr(CblueKbEntry) entry = cblue_kb_entry_new("outage");
	g_autoptr(CblueKbEntry) other = cblue_kb_entry_new("price");
	g_autofree gchar *normalized = cblue_tokenizer_normalize(tokenizer, "Do you sell water heaters or a UPS?");
	g_autoptr(GArray) matches = cblue_declined_find(declined, normalized);

	cblue_kb_entry_add_question(entry, "en", "Does a hybrid inverter switch over fast, like a UPS?");
	cblue_kb_entry_set_content(entry, "en", "Backup power.");
	cblue_kb_entry_set_content(entry, "zh", "可以带动冰箱和热水器。");
	cblue_kb_entry_add_question(other, "en", "How much is a 5 kW system?");
	cblue_kb_entry_set_content(other, "th", "ราคาประมาณ 150,000 บาท");
	g_assert_nonnull(matches);
	g_assert_cmpuint(matches->len, ==, 2);
	for (guint i = 0; i < matches->len; i++) {
		const CblueDeclinedMatch *match = &g_array_index(matches, CblueDeclinedMatch, i);
		/* the question's "water heaters" is the service the content names in Chinese */
		g_assert_true(cblue_declined_entry_mentions(declined, match, entry));
		g_assert_false(cblue_declined_entry_mentions(declined, match, other));
	}
}

int
main(int argc, char **argv)
{
	cblue_test_init(&argc, &argv);
	g_test_add_func("/cblue/declined/match", test_declined_match);
	g_test_add_func("/cblue/declined/bundled", test_declined_bundled);
	g_test_add_func("/cblue/declined/bad-data", test_declined_bad_data);
	g_test_add_func("/cblue/declined/folder", test_declined_folder);
	g_test_add_func("/cblue/declined/entry-mentions", test_declined_entry_mentions);
	return g_test_run();
}
