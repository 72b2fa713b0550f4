/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cblue-bot-private.h"
#include "cblue-test-utils.h"

/* the pipeline with the dummy plugin only: asynchronous model, fake redactor and store */
#define DUMMY_ONLY "[plugins]\nenabled=dummy\ndisabled=\n"

static CblueBot *
make_bot(const gchar *extra_config, CblueContext **context_out)
{
	g_autofree gchar *config = g_strconcat(DUMMY_ONLY, extra_config != NULL ? extra_config : "", NULL);
	g_autoptr(CblueContext) context = cblue_test_context_new(config, NULL);
	g_autoptr(CblueBot) bot = cblue_bot_new(context);
	g_autoptr(GError) error = NULL;

	g_assert_nonnull(cblue_context_get_extension(context, CBLUE_TYPE_STORE));
	/* the empty dummy store is seeded with the bundled KB */
	cblue_bot_load_kb(bot, TRUE, &error);
	g_assert_no_error(error);
	if (context_out != NULL)
		*context_out = g_object_ref(context);
	return g_steal_pointer(&bot);
}

static void
test_bot_answer_async_model(void)
{
	g_autoptr(CblueContext) context = NULL;
	g_autoptr(CblueBot) bot = make_bot(NULL, &context);
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueChatReply) reply = cblue_bot_ask(bot, "tell me about solar-warranty please", "en", &error);
	CblueStore *store = cblue_context_get_extension(context, CBLUE_TYPE_STORE);
	g_autoptr(CblueKb) kb = cblue_store_load_kb(store, &error);

	g_assert_no_error(error);
	g_assert_cmpuint(cblue_kb_get_size(kb), >=, 40);
	g_assert_cmpint(cblue_chat_reply_get_outcome(reply), ==, CBLUE_OUTCOME_ANSWERED);
	g_assert_cmpstr(cblue_chat_reply_get_topic_id(reply), ==, "solar-warranty");
	g_assert_cmpstr(cblue_chat_reply_get_text(reply), ==, "dummy answer: solar-warranty");
	g_assert_nonnull(cblue_chat_reply_get_conversation_id(reply));
	g_assert_cmpint(cblue_store_count(store, "messages", NULL), ==, 2);
}

static void
test_bot_model_failure_falls_back(void)
{
	g_autoptr(CblueBot) bot = make_bot("[dummy]\nmodel_fail=true\n", NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueKb) kb = cblue_bot_get_kb(bot);
	g_autoptr(CblueChatReply) reply = NULL;

	reply = cblue_bot_ask(bot, "ขอข้อมูล solar-warranty หน่อยค่ะ", NULL, &error);
	g_assert_cmpuint(cblue_test_count_warnings("*dummy model is down*"), ==, 1);
	g_assert_no_error(error);
	g_assert_cmpstr(cblue_chat_reply_get_language(reply), ==, "th");
	/* the customer gets the KB entry's own Thai content, never an error */
	g_assert_cmpstr(cblue_chat_reply_get_text(reply), ==,
			cblue_kb_entry_get_content(cblue_kb_lookup(kb, "solar-warranty"), "th"));
}

static void
test_bot_unknown(void)
{
	g_autoptr(CblueContext) context = NULL;
	g_autoptr(CblueBot) bot = make_bot(NULL, &context);
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueChatReply) reply = cblue_bot_ask(bot, "今天天气怎么样", NULL, &error);
	CblueStore *store = cblue_context_get_extension(context, CBLUE_TYPE_STORE);

	g_assert_no_error(error);
	g_assert_cmpint(cblue_chat_reply_get_outcome(reply), ==, CBLUE_OUTCOME_UNANSWERED);
	g_assert_null(cblue_chat_reply_get_topic_id(reply));
	g_assert_cmpstr(cblue_chat_reply_get_language(reply), ==, "zh");
	/* the canned reply of the customer's language, not of the process locale */
	g_assert_nonnull(strstr(cblue_chat_reply_get_text(reply), "抱歉"));
	g_assert_cmpint(cblue_store_count(store, "unanswered", NULL), ==, 1);
}

/* a message that is only a greeting, thanks or goodbye gets the canned reply of its kind
 * in its language, with no topic and no search, and is not an unanswered question; a
 * greeting with a question is a question */
static void
test_bot_small_talk(void)
{
	g_autoptr(CblueContext) context = NULL;
	g_autoptr(CblueBot) bot = make_bot(NULL, &context);
	CblueStore *store = cblue_context_get_extension(context, CBLUE_TYPE_STORE);
	const struct {
		const gchar *text;
		const gchar *reply_contains; /* NULL: not small talk */
	} cases[] = {
	    {"hi", "How can I help"},
	    {"Hellooo there!! :)", "How can I help"},
	    {"good morning admin", "How can I help"},
	    {"สวัสดีค่าาา แอดมิน", "มีอะไรให้ช่วยไหมคะ"},
	    {"你好", "请问有什么可以帮您"},
	    {"在吗？", "请问有什么可以帮您"},
	    {"thx!", "anything else"},
	    {"ขอบคุณมากค่ะ", "มีอะไรให้ช่วยอีกไหมคะ"},
	    /* two phrases meeting on one letter, which the compact form writes once */
	    {"โอเคค่ะ", "มีอะไรให้ช่วยอีกไหมคะ"},
	    {"โอเค ครับ", "มีอะไรให้ช่วยอีกไหมคะ"},
	    {"好的，谢谢", "还有什么可以帮您"},
	    {"ok thanks, bye!", "Have a great day"},
	    {"拜拜", "祝您生活愉快"},
	    {"hi, tell me about solar-warranty please", NULL},
	    {"this", NULL},
	    {"thanks for nothing, the installer broke my roof", NULL},
	    /* whether a person answers, or a request for one: who answers and how to reach the team */
	    {"Are you a real person or a bot??", "To talk with a person"},
	    {"hi, can I talk to a human please", "To talk with a person"},
	    {"คุณเป็นบอทรึเปล่าคะ", "หากต้องการคุยกับเจ้าหน้าที่"},
	    {"ขอคุยกับเจ้าหน้าที่หน่อยครับ", "หากต้องการคุยกับเจ้าหน้าที่"},
	    {"你是機器人嗎？", "如需人工服务"},
	    {"转人工", "如需人工服务"},
	    {"bot", NULL},
	    {"are you a bot? what does solar-warranty cover", NULL},
	    /* a holiday's wishes are a greeting, not the office hours' holidays */
	    {"Happy Songkran!!", "How can I help"},
	    {"สุขสันต์วันสงกรานต์ค่ะ", "มีอะไรให้ช่วยไหมคะ"},
	    {"新年快樂！", "请问有什么可以帮您"},
	    {"happy new year, is solar-warranty transferable?", NULL},
	    /* Thai particles in Latin letters are fillers, as ครับ and นะ are; alone they are nothing */
	    {"good morning na krub", "How can I help"},
	    {"thank you na ka", "anything else"},
	    {"na krub", NULL},
	    /* a reaction to an answer, alone or after thanks, is a question: it has no reply of its own */
	    {"too expensive!", NULL},
	    {"ok, too pricey", NULL},
	    {"แพงจังเลย", NULL},
	    {"太贵了", NULL},
	};
	gint64 unanswered = cblue_store_count(store, "unanswered", NULL);

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(CblueChatReply) reply = cblue_bot_ask(bot, cases[i].text, NULL, &error);
		g_assert_no_error(error);
		g_test_message("%s → %s", cases[i].text, cblue_chat_reply_get_text(reply));
		g_assert_cmpint(cblue_chat_reply_get_small_talk(reply), ==, cases[i].reply_contains != NULL);
		if (cases[i].reply_contains == NULL) {
			unanswered = cblue_store_count(store, "unanswered", NULL);
			continue;
		}
		g_assert_cmpint(cblue_chat_reply_get_outcome(reply), ==, CBLUE_OUTCOME_UNANSWERED);
		g_assert_null(cblue_chat_reply_get_topic_id(reply));
		g_assert_cmpuint(cblue_chat_reply_get_sources(reply)->len, ==, 0);
		g_assert_nonnull(strstr(cblue_chat_reply_get_text(reply), cases[i].reply_contains));
		g_assert_cmpint(cblue_store_count(store, "unanswered", NULL), ==, unanswered);
	}
}

/* a replies file's small_talk must be lists of phrases with letters; a bad one is refused
 * and the previous replies stay */
static void
test_bot_small_talk_bad_replies(void)
{
	g_autoptr(CblueBot) bot = make_bot(NULL, NULL);
	const gchar *bad[] = {
	    "{\"small_talk\": [\"hi\"]}",
	    "{\"small_talk\": {\"greeting\": \"hi\"}}",
	    "{\"small_talk\": {\"greeting\": [\"hi\", 3]}}",
	    "{\"small_talk\": {\"thanks\": [\"!!!\"]}}",
	};

	for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(GError) ask_error = NULL;
		g_autofree gchar *path = NULL;
		g_autoptr(CblueChatReply) reply = NULL;
		gint fd = g_file_open_tmp("cblue-replies-XXXXXX.json", &path, &error);
		g_assert_no_error(error);
		close(fd);
		g_assert_true(g_file_set_contents(path, bad[i], -1, &error));
		g_assert_false(cblue_bot_load_replies(bot, path, &error));
		g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
		g_test_message("%s: %s", bad[i], error->message);
		reply = cblue_bot_ask(bot, "hello", "en", &ask_error);
		g_assert_no_error(ask_error);
		g_assert_true(cblue_chat_reply_get_small_talk(reply));
		g_unlink(path);
	}
}

/* a replies file with the phrases of a kind of small talk but not its canned reply: such a
 * message is a question like any other, not an empty reply */
static void
test_bot_small_talk_without_reply(void)
{
	g_autoptr(CblueBot) bot = make_bot(NULL, NULL);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = NULL;
	const gchar *replies = "{\"greeting\": {\"en\": \"Hello from the test\"}, \"unknown\": {\"en\": \"No idea\"},"
			       " \"small_talk\": {\"greeting\": [\"hi\"], \"human\": [\"are you a bot\"]}}";
	gint fd = g_file_open_tmp("cblue-replies-XXXXXX.json", &path, &error);

	g_assert_no_error(error);
	close(fd);
	g_assert_true(g_file_set_contents(path, replies, -1, &error));
	g_assert_true(cblue_bot_load_replies(bot, path, &error));
	g_assert_no_error(error);
	for (guint i = 0; i < 2; i++) {
		g_autoptr(CblueChatReply) reply = cblue_bot_ask(bot, i == 0 ? "hi" : "are you a bot?", "en", &error);
		g_assert_no_error(error);
		g_assert_cmpint(cblue_chat_reply_get_small_talk(reply), ==, i == 0);
		g_assert_cmpstr(cblue_chat_reply_get_text(reply), ==, i == 0 ? "Hello from the test" : "No idea");
	}
	g_unlink(path);
}

/* a question that asks for a service the business does not offer (data/declined/) gets the
 * "declined" reply in its language and is recorded as unanswered; one that only mentions such a
 * thing, or names it in the topic's own words, is answered */
static void
test_bot_declined(void)
{
	g_autoptr(CblueContext) context = NULL;
	g_autoptr(CblueBot) bot = make_bot(NULL, &context);
	CblueStore *store = cblue_context_get_extension(context, CBLUE_TYPE_STORE);
	const struct {
		const gchar *text;
		const gchar *declined; /* NULL: not declined */
		const gchar *reply_contains;
	} cases[] = {
	    {"do you sell diesel generators for solar-warranty?", "generators", "not a service we offer"},
	    {"รับล้างแอร์ไหมคะ", "บริการแอร์", "ไม่ได้อยู่ในบริการของเรา"},
	    {"你们做空调清洗吗？", "空调服务", "我们不提供这项服务"},
	    /* a mention in a clause that does not ask */
	    {"we have a diesel generator, tell me about solar-warranty please", NULL, "dummy answer: solar-warranty"},
	    /* the topic's own text names the service: "like a UPS?" is a question of the outage topic */
	    {"tell me about solar-power-outage, does it switch over fast like a ups?", NULL,
	     "dummy answer: solar-power-outage"},
	    /* … unless the message asks the business itself for it (รับ, 代, "do you"): the smart home
	     * topic says that no rewiring is needed */
	    {"smart-home ต้องเดินสายไฟใหม่ไหมครับ", NULL, "dummy answer: smart-home"},
	    {"smart-home สวัสดีครับ เดินสายไฟใหม่ด้วยไหม", NULL, "dummy answer: smart-home"},
	    {"smart-home รับเดินสายไฟใหม่ไหมครับ", "เดินสายไฟในบ้าน", "ไม่ได้อยู่ในบริการของเรา"},
	    /* a bare request ("ราคาเท่าไหร่") asks about the clause before it */
	    {"solar-warranty ล้างแอร์ 3 เครื่อง ราคาเท่าไหร่", "บริการแอร์", "ไม่ได้อยู่ในบริการของเรา"},
	    /* a promise no topic makes, and the topic's own questions */
	    {"solar-payback: can you put it in writing that my bill will be zero?", "promises and forecasts",
	     "not a service we offer"},
	    {"tell me about solar-payback, how long until it pays back?", NULL, "dummy answer: solar-payback"},
	    {"tell me about solar-warranty, what does the warranty cover?", NULL, "dummy answer: solar-warranty"},
	    {"solar-payback 你们能把省下的电费写进合同吗？", "承诺和预测", "我们不提供这项服务"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GError) error = NULL;
		gint64 unanswered = cblue_store_count(store, "unanswered", NULL);
		g_autoptr(CblueChatReply) reply = cblue_bot_ask(bot, cases[i].text, NULL, &error);
		g_assert_no_error(error);
		g_test_message("%s → %s: %s", cases[i].text, cblue_chat_reply_get_declined(reply),
			       cblue_chat_reply_get_text(reply));
		g_assert_cmpstr(cblue_chat_reply_get_declined(reply), ==, cases[i].declined);
		g_assert_nonnull(strstr(cblue_chat_reply_get_text(reply), cases[i].reply_contains));
		if (cases[i].declined == NULL) {
			g_assert_cmpint(cblue_chat_reply_get_outcome(reply), ==, CBLUE_OUTCOME_ANSWERED);
			continue;
		}
		g_assert_cmpint(cblue_chat_reply_get_outcome(reply), ==, CBLUE_OUTCOME_UNANSWERED);
		g_assert_null(cblue_chat_reply_get_topic_id(reply));
		g_assert_false(cblue_chat_reply_get_small_talk(reply));
		g_assert_cmpint(cblue_store_count(store, "unanswered", NULL), ==, unanswered + 1);
	}
}

/* [bot] declined=false turns the check off; replies without a "declined" text say "unknown" */
static void
test_bot_declined_off(void)
{
	g_autoptr(CblueBot) off = make_bot("[bot]\ndeclined=false\n", NULL);
	g_autoptr(CblueBot) bot = make_bot(NULL, NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueChatReply) reply = cblue_bot_ask(off, "do you sell generators?", "en", &error);
	g_autofree gchar *path = NULL;
	gint fd;

	g_assert_no_error(error);
	g_assert_null(cblue_chat_reply_get_declined(reply));
	g_clear_object(&reply);

	fd = g_file_open_tmp("cblue-replies-XXXXXX.json", &path, &error);
	g_assert_no_error(error);
	close(fd);
	g_assert_true(g_file_set_contents(path, "{\"unknown\": {\"en\": \"No idea.\"}}", -1, &error));
	g_assert_true(cblue_bot_load_replies(bot, path, &error));
	g_assert_no_error(error);
	reply = cblue_bot_ask(bot, "do you sell generators?", "en", &error);
	g_assert_no_error(error);
	g_assert_cmpstr(cblue_chat_reply_get_declined(reply), ==, "generators");
	g_assert_cmpstr(cblue_chat_reply_get_text(reply), ==, "No idea.");
	g_unlink(path);
}

/* the business's folder of declined services: read when the bot starts (a bad file is reported
 * with its name and line, and the bundled lists serve alone) and with cblue_bot_load_declined(),
 * which keeps the lists in force when a file is bad */
static void
test_bot_declined_folder(void)
{
	g_autofree gchar *dir = cblue_test_make_tmpdir();
	g_autofree gchar *ours = g_build_filename(dir, "ours.txt", NULL);
	g_autofree gchar *config = g_strdup_printf("[bot]\ndeclined_dir=%s\n", dir);
	g_autoptr(CblueBot) bot = NULL;
	g_autoptr(CblueChatReply) reply = NULL;
	g_autoptr(GError) error = NULL;
	guint warnings = cblue_test_count_warnings("*ours.txt:2:*");

	g_assert_true(g_file_set_contents(ours, "pizza: pizza oven\nno colon\n", -1, &error));
	g_assert_no_error(error);
	bot = make_bot(config, NULL);
	g_assert_cmpuint(cblue_test_count_warnings("*ours.txt:2:*bundled declined services only*"), ==, warnings + 1);
	/* the bundled lists serve; the bad file's do not */
	reply = cblue_bot_ask(bot, "do you sell generators?", "en", &error);
	g_assert_cmpstr(cblue_chat_reply_get_declined(reply), ==, "generators");
	g_clear_object(&reply);
	reply = cblue_bot_ask(bot, "do you sell a pizza oven?", "en", &error);
	g_assert_null(cblue_chat_reply_get_declined(reply));
	g_clear_object(&reply);

	/* mended, and loaded */
	g_assert_true(g_file_set_contents(ours, "pizza: pizza oven\n", -1, &error));
	g_assert_true(cblue_bot_load_declined(bot, dir, &error));
	g_assert_no_error(error);
	reply = cblue_bot_ask(bot, "do you sell a pizza oven?", "en", &error);
	g_assert_cmpstr(cblue_chat_reply_get_declined(reply), ==, "pizza");
	g_clear_object(&reply);

	/* broken again: refused with the file and line, the lists in force stay */
	g_assert_true(g_file_set_contents(ours, "pizza: pizza oven\nburgers: burger, \n", -1, &error));
	g_assert_false(cblue_bot_load_declined(bot, dir, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_assert_nonnull(strstr(error->message, "ours.txt:2:"));
	g_clear_error(&error);
	reply = cblue_bot_ask(bot, "do you sell a pizza oven?", "en", &error);
	g_assert_cmpstr(cblue_chat_reply_get_declined(reply), ==, "pizza");
	g_unlink(ours);
	g_rmdir(dir);
}

/* the declined service that @text asks for, or NULL */
static gchar *
declined_of(CblueBot *bot, const gchar *text)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueChatReply) reply = cblue_bot_ask(bot, text, "en", &error);

	g_assert_no_error(error);
	return g_strdup(cblue_chat_reply_get_declined(reply));
}

/* runs the global default main context (where the folder's watch reloads) until @done, for
 * 20 s at most */
static void
iterate_until(gboolean (*done)(gpointer data), gpointer data)
{
	gint64 deadline = g_get_monotonic_time() + 20 * G_USEC_PER_SEC;

	while (!done(data)) {
		g_assert_cmpint(g_get_monotonic_time(), <, deadline);
		g_main_context_iteration(NULL, FALSE);
		g_usleep(5000);
	}
}

static gboolean
declines_pizza(gpointer data)
{
	g_autofree gchar *declined = declined_of(data, "do you sell a pizza oven?");
	return g_strcmp0(declined, "pizza") == 0;
}

static gboolean
bad_file_reported(gpointer data)
{
	return cblue_test_count_warnings("*zz-bad.txt:2:*") > GPOINTER_TO_UINT(data);
}

static gboolean
half_a_second_passed(gpointer data)
{
	return g_get_monotonic_time() > *(gint64 *)data + G_USEC_PER_SEC / 2;
}

/* the folder of declined services is watched: a file written there is in force shortly after,
 * without a restart; a corrupt one is refused with its name and line (once for the burst of
 * changes its writing makes), and the lists in force stay */
static void
test_bot_declined_reload(void)
{
	g_autofree gchar *dir = cblue_test_make_tmpdir();
	g_autofree gchar *ours = g_build_filename(dir, "ours.txt", NULL);
	g_autofree gchar *bad = g_build_filename(dir, "zz-bad.txt", NULL);
	g_autofree gchar *config = g_strdup_printf("[bot]\ndeclined_dir=%s\n", dir);
	g_autoptr(CblueBot) bot = make_bot(config, NULL);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *declined = declined_of(bot, "do you sell a pizza oven?");
	guint warnings = cblue_test_count_warnings("*zz-bad.txt:2:*");
	gint64 start;

	g_assert_null(declined);
	g_assert_true(g_file_set_contents(ours, "# ours\npizza: pizza oven\n", -1, &error));
	g_assert_no_error(error);
	iterate_until(declines_pizza, bot);

	g_assert_true(g_file_set_contents(bad, "# broken\nburgers burger\n", -1, &error));
	g_assert_no_error(error);
	iterate_until(bad_file_reported, GUINT_TO_POINTER(warnings));
	start = g_get_monotonic_time();
	iterate_until(half_a_second_passed, &start);
	g_assert_cmpuint(cblue_test_count_warnings("*zz-bad.txt:2:*"), ==, warnings + 1);
	g_assert_cmpuint(cblue_test_count_warnings("declined services not reloaded, the previous ones stay in force: "
						   "*zz-bad.txt:2: *"),
			 ==, warnings + 1);
	g_assert_true(declines_pizza(bot));
	g_free(declined);
	declined = declined_of(bot, "do you sell generators?");
	g_assert_cmpstr(declined, ==, "generators");

	g_unlink(ours);
	g_unlink(bad);
	g_clear_object(&bot);
	g_rmdir(dir);
}

static void
test_bot_redaction(void)
{
	g_autoptr(CblueContext) context = NULL;
	g_autoptr(CblueBot) bot = make_bot(NULL, &context);
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueMessage) message = cblue_message_new("my code is SECRET-12345, about solar-warranty");
	g_autoptr(CblueChatReply) reply = cblue_bot_ask_sync(bot, message, NULL, &error);

	g_assert_no_error(error);
	g_assert_true(cblue_chat_reply_get_pii_redacted(reply));
	g_assert_cmpstr(cblue_message_get_text(message), ==, "my code is [DUMMY], about solar-warranty");
	g_assert_cmpstr(cblue_chat_reply_get_topic_id(reply), ==, "solar-warranty");
}

typedef struct {
	const gchar *text;
	const gchar *language;
	gint code;
} InvalidCase;

static void
test_bot_invalid_messages(void)
{
	g_autoptr(CblueBot) bot = make_bot("[bot]\nmax_message_length=20\n", NULL);
	const InvalidCase cases[] = {
	    {"", NULL, CBLUE_ERROR_INVALID_DATA},
	    {"   \n\t ", NULL, CBLUE_ERROR_INVALID_DATA},
	    {"\xe0\xb8", NULL, CBLUE_ERROR_INVALID_DATA},
	    {"ok", "fr", CBLUE_ERROR_INVALID_DATA},
	    {"ติดโซลาร์เซลล์ราคาเท่าไหร่ครับ", NULL, CBLUE_ERROR_TOO_LARGE},
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(CblueChatReply) reply = cblue_bot_ask(bot, cases[i].text, cases[i].language, &error);
		g_assert_null(reply);
		g_assert_error(error, CBLUE_ERROR, cases[i].code);
	}
	/* 20 characters is fine even though it is 60 bytes of Thai */
	{
		g_autoptr(GError) error = NULL;
		g_autoptr(CblueChatReply) reply = cblue_bot_ask(bot, "ติดโซลาร์เซลล์ราคา", NULL, &error);
		g_assert_no_error(error);
		g_assert_nonnull(reply);
	}
}

static void
ask_async_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	GPtrArray *replies = user_data;
	g_autoptr(GError) error = NULL;
	CblueChatReply *reply = cblue_bot_ask_finish(CBLUE_BOT(source), res, &error);
	g_assert_no_error(error);
	g_ptr_array_add(replies, reply);
}

/* many messages in flight at once on one main context, each answered exactly once */
static void
test_bot_concurrent_async(void)
{
	g_autoptr(CblueBot) bot = make_bot(NULL, NULL);
	g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func(g_object_unref);
	const guint n = 200;

	for (guint i = 0; i < n; i++) {
		g_autoptr(CblueMessage) message = cblue_message_new(i % 2 == 0 ? "contact" : "careers");
		cblue_bot_ask_async(bot, message, NULL, ask_async_cb, replies);
	}
	while (replies->len < n)
		g_main_context_iteration(NULL, TRUE);
	for (guint i = 0; i < n; i++)
		g_assert_cmpint(cblue_chat_reply_get_outcome(g_ptr_array_index(replies, i)), ==, CBLUE_OUTCOME_ANSWERED);
}

static void
test_bot_follow_up_context(void)
{
	g_autoptr(CblueBot) bot = make_bot(NULL, NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueMessage) first = cblue_message_new("about ev-charger-price");
	g_autoptr(CblueChatReply) reply = cblue_bot_ask_sync(bot, first, NULL, &error);
	g_autoptr(CblueMessage) second = cblue_message_new("and then?");
	g_autoptr(CblueChatReply) reply2 = NULL;

	g_assert_no_error(error);
	cblue_message_set_conversation_id(second, cblue_chat_reply_get_conversation_id(reply));
	reply2 = cblue_bot_ask_sync(bot, second, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(cblue_message_get_previous_topic_id(second), ==, "ev-charger-price");
	g_assert_cmpstr(cblue_chat_reply_get_conversation_id(reply2), ==, cblue_chat_reply_get_conversation_id(reply));
}

static CblueChatReply *
ask_in(CblueBot *bot, const gchar *conversation_id, const gchar *text)
{
	g_autoptr(CblueMessage) message = cblue_message_new(text);
	g_autoptr(GError) error = NULL;
	CblueChatReply *reply;

	cblue_message_set_conversation_id(message, conversation_id);
	cblue_message_set_language(message, "en");
	reply = cblue_bot_ask_sync(bot, message, NULL, &error);
	g_assert_no_error(error);
	return reply;
}

/* @text in @conversation_id, its language detected, with the state @context carried (nullable) */
static CblueChatReply *
ask_detected(CblueBot *bot, const gchar *conversation_id, const gchar *text, const gchar *context)
{
	g_autoptr(CblueMessage) message = cblue_message_new(text);
	g_autoptr(GError) error = NULL;
	CblueChatReply *reply;

	cblue_message_set_conversation_id(message, conversation_id);
	cblue_message_set_context(message, context);
	reply = cblue_bot_ask_sync(bot, message, NULL, &error);
	g_assert_no_error(error);
	return reply;
}

static void
assert_reply_language(CblueBot *bot, const gchar *conversation_id, const gchar *text, const gchar *language)
{
	g_autoptr(CblueChatReply) reply = ask_detected(bot, conversation_id, text, NULL);
	g_assert_cmpstr(cblue_chat_reply_get_language(reply), ==, language);
}

/* a message that does not say its language ("ok", "5kw") is in the conversation's, in this
 * process or carried in the context to another */
static void
test_bot_conversation_language(void)
{
	g_autoptr(CblueBot) bot = make_bot(NULL, NULL);
	g_autoptr(CblueBot) other = make_bot(NULL, NULL);
	g_autoptr(CblueChatReply) thai = NULL;
	g_autoptr(CblueChatReply) carried = NULL;

	assert_reply_language(bot, "lang-1", "ok", "en");
	assert_reply_language(bot, "lang-1", "ติดโซล่าราคาเท่าไหร่ครับ", "th");
	assert_reply_language(bot, "lang-1", "ok", "th");
	assert_reply_language(bot, "lang-1", "5kw", "th");
	assert_reply_language(bot, "lang-1", "Huawei SUN2000?", "th");
	/* a message that says its language changes the conversation's */
	assert_reply_language(bot, "lang-1", "how much is it for my house?", "en");
	assert_reply_language(bot, "lang-1", "ok", "en");
	assert_reply_language(bot, "lang-2", "太阳能多少钱", "zh");
	assert_reply_language(bot, "lang-2", "10kWh?", "zh");
	assert_reply_language(bot, "lang-2", "raka tao rai krab", "th");
	/* a new conversation has none */
	assert_reply_language(bot, "lang-3", "5kw", "en");

	thai = ask_detected(bot, "lang-4", "สวัสดีค่ะ", NULL);
	carried = ask_detected(other, "lang-4", "ok", cblue_chat_reply_get_context(thai));
	g_assert_cmpstr(cblue_chat_reply_get_language(carried), ==, "th");
}

/* a follow-up goes to the family of the topic answered last (the dummy retriever gives
 * every topic id in the text, the first in KB order scoring highest) */
static void
test_bot_follow_up_family(void)
{
	g_autoptr(CblueBot) bot = make_bot("[bot]\nclarify_margin=0.5\n", NULL);
	g_autoptr(CblueBot) strict = make_bot("[bot]\ncontext_margin=0.05\n", NULL);
	const gchar *both = "cctv-installation or solar-rooftop-price";
	g_autoptr(CblueChatReply) alone = ask_in(bot, "c0", both);
	GPtrArray *sources = cblue_chat_reply_get_sources(alone);
	g_autofree gchar *first = NULL;
	g_autofree gchar *second = NULL;
	g_autoptr(CblueChatReply) reply = NULL;

	/* alone, two topics that close make the bot ask which one */
	g_assert_cmpint(cblue_chat_reply_get_outcome(alone), ==, CBLUE_OUTCOME_CLARIFY);
	g_assert_cmpuint(sources->len, ==, 2);
	first = g_strdup(cblue_hit_get_topic_id(g_ptr_array_index(sources, 0)));
	second = g_strdup(cblue_hit_get_topic_id(g_ptr_array_index(sources, 1)));

	/* after the second topic was answered, the follow-up is about it: no question asked */
	g_clear_object(&reply);
	reply = ask_in(bot, "c1", second);
	g_assert_cmpstr(cblue_chat_reply_get_topic_id(reply), ==, second);
	g_clear_object(&reply);
	reply = ask_in(bot, "c1", both);
	g_assert_cmpint(cblue_chat_reply_get_outcome(reply), ==, CBLUE_OUTCOME_ANSWERED);
	g_assert_cmpstr(cblue_chat_reply_get_topic_id(reply), ==, second);
	g_assert_cmpstr(cblue_hit_get_topic_id(g_ptr_array_index(cblue_chat_reply_get_sources(reply), 0)), ==,
			second);

	/* the same category counts as the family: solar-warranty before solar-rooftop-price */
	g_clear_object(&reply);
	reply = ask_in(bot, "c2", g_str_has_prefix(second, "solar") ? "solar-warranty" : "cctv-remote-viewing");
	g_clear_object(&reply);
	reply = ask_in(bot, "c2", both);
	g_assert_cmpstr(cblue_chat_reply_get_topic_id(reply), ==, second);

	/* the family already leads and the runner-up is of another: the context decided */
	g_clear_object(&reply);
	reply = ask_in(bot, "c3", first);
	g_clear_object(&reply);
	reply = ask_in(bot, "c3", both);
	g_assert_cmpint(cblue_chat_reply_get_outcome(reply), ==, CBLUE_OUTCOME_ANSWERED);
	g_assert_cmpstr(cblue_chat_reply_get_topic_id(reply), ==, first);

	/* a family hit scoring far below the best one does not win */
	g_clear_object(&reply);
	reply = ask_in(strict, "c4", second);
	g_clear_object(&reply);
	reply = ask_in(strict, "c4", both);
	g_assert_cmpstr(cblue_chat_reply_get_topic_id(reply), ==, first);
}

/* a follow-up after a side question goes to the product asked about before it, also in
 * another process that has only the state the reply carried (as a queue's worker has) */
static void
test_bot_follow_up_earlier_topic(void)
{
	g_autoptr(CblueBot) bot = make_bot("[bot]\nclarify_margin=0.5\n", NULL);
	g_autoptr(CblueBot) other = make_bot("[bot]\nclarify_margin=0.5\n", NULL);
	const gchar *both = "cctv-installation or solar-rooftop-price";
	g_autoptr(CblueChatReply) alone = ask_in(bot, "e0", both);
	GPtrArray *sources = cblue_chat_reply_get_sources(alone);
	g_autofree gchar *second = g_strdup(cblue_hit_get_topic_id(g_ptr_array_index(sources, 1)));
	g_autofree gchar *state = NULL;
	g_autoptr(CblueChatReply) reply = ask_in(bot, "e1", second);
	g_autoptr(CblueMessage) message = cblue_message_new(both);
	g_autoptr(GError) error = NULL;

	g_clear_object(&reply);
	reply = ask_in(bot, "e1", "office-hours");
	g_assert_cmpstr(cblue_chat_reply_get_topic_id(reply), ==, "office-hours");
	/* the topic last answered, the earlier one and the language of the last message */
	state = g_strdup_printf("c1;t=office-hours;e=%s;l=en", second);
	g_assert_cmpstr(cblue_chat_reply_get_context(reply), ==, state);
	g_clear_object(&reply);
	reply = ask_in(bot, "e1", both);
	g_assert_cmpint(cblue_chat_reply_get_outcome(reply), ==, CBLUE_OUTCOME_ANSWERED);
	g_assert_cmpstr(cblue_chat_reply_get_topic_id(reply), ==, second);

	/* another process, given the carried state */
	cblue_message_set_conversation_id(message, "e2");
	cblue_message_set_language(message, "en");
	cblue_message_set_context(message, state);
	g_clear_object(&reply);
	reply = cblue_bot_ask_sync(other, message, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(cblue_chat_reply_get_topic_id(reply), ==, second);
}

/* the pipeline of a default install, all in place: the BM25 and n-gram retrievers and the
 * extractive answer, with the bundled KB */
#define IN_PLACE_PLUGINS "[plugins]\nenabled=retrieval-bm25,retrieval-ngram,model-extractive\ndisabled=\n"

static CblueChatReply *
ask_text(CblueBot *bot, const gchar *text)
{
	g_autoptr(CblueMessage) message = cblue_message_new(text);
	g_autoptr(GError) error = NULL;
	CblueChatReply *reply = cblue_bot_ask_sync(bot, message, NULL, &error);

	g_assert_no_error(error);
	return reply;
}

static gboolean
has_source(CblueChatReply *reply, const gchar *topic_id)
{
	GPtrArray *sources = cblue_chat_reply_get_sources(reply);
	for (guint i = 0; i < sources->len; i++) {
		if (g_strcmp0(cblue_hit_get_topic_id(g_ptr_array_index(sources, i)), topic_id) == 0)
			return TRUE;
	}
	return FALSE;
}

/* A message that asks two things on two topics gets both answers: the main topic's, then the
 * lead-in and the second topic's, which is one of the (at most three) sources; one that asks
 * twice about one thing, or names nothing in its second question, gets one. */
static void
test_bot_second_question(void)
{
	g_autoptr(CblueContext) context = cblue_test_context_new(IN_PLACE_PLUGINS, NULL);
	g_autoptr(CblueBot) bot = cblue_bot_new(context);
	g_autoptr(GError) error = NULL;
	static const struct {
		const gchar *text, *topic, *second;
	} cases[] = {
	    {"Does solar still work during a power cut? How much would a battery cost?", "solar-power-outage",
	     "solar-battery"},
	    {"ที่ชาร์จรถไฟฟ้าพร้อมติดตั้งราคาเท่าไหร่ครับ รับงานแถวนนทบุรีไหม", "ev-charger-price", "service-area"},
	    {"光伏板质保几年？可以分期付款吗？", "solar-warranty", "solar-financing"},
	    /* two questions in one clause, joined by and / และ / 和 */
	    {"What warranty comes with the inverter and can I pay by installments", "solar-warranty",
	     "solar-financing"},
	    {"ประกันอินเวอร์เตอร์กี่ปีและผ่อนบัตรเครดิตได้ไหมคะ", "solar-financing", "solar-warranty"},
	    {"逆变器质保几年和能不能分期付款", "solar-warranty", "solar-financing"},
	    /* one question, twice asked or elliptic: no second answer */
	    {"How much is a 10kW system? How much for 10 kW?", "solar-rooftop-price", NULL},
	    {"Do your solar pumps work without grid power? Do they need batteries?", "solar-water-pump", NULL},
	    {"ให้ช่างมาดูหน้างานก่อนได้ไหม เสียเงินไหม", "site-survey", NULL},
	    {"Can I watch the cameras on my phone? How many days does it record?", "cctv-remote-viewing", NULL},
	};

	cblue_bot_load_kb(bot, FALSE, &error);
	g_assert_no_error(error);
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(CblueChatReply) reply = ask_text(bot, cases[i].text);
		g_autofree gchar *json = cblue_chat_reply_to_string(reply);

		g_assert_cmpstr(cblue_chat_reply_get_topic_id(reply), ==, cases[i].topic);
		g_assert_cmpstr(cblue_chat_reply_get_second_topic_id(reply), ==, cases[i].second);
		g_assert_cmpuint(cblue_chat_reply_get_sources(reply)->len, <=, 3);
		if (cases[i].second == NULL) {
			g_assert_null(strstr(json, "second_topic_id"));
			continue;
		}
		g_assert_true(has_source(reply, cases[i].second));
		g_assert_nonnull(strstr(json, "\"second_topic_id\":\""));
		/* the main answer first, then the lead-in */
		g_assert_nonnull(strstr(cblue_chat_reply_get_text(reply), "\n\n"));
	}
	{
		g_autoptr(CblueChatReply) reply = ask_text(bot, cases[0].text);
		const gchar *text = cblue_chat_reply_get_text(reply);
		const gchar *lead = strstr(text, "\n\nAs for your other question: ");
		g_assert_nonnull(lead);
		g_assert_true(g_str_has_prefix(text, "A standard on-grid system"));
		g_assert_true(g_str_has_prefix(lead + strlen("\n\nAs for your other question: "), "Yes, a battery"));
	}
}

/* [bot] multi_question=false: a message that asks two things gets one answer, the main topic's
 * as the bot weighs the message (the same topic as with the second answer) */
static void
test_bot_second_question_off(void)
{
	g_autoptr(CblueContext) context =
	    cblue_test_context_new(IN_PLACE_PLUGINS "[bot]\nmulti_question=false\n", NULL);
	g_autoptr(CblueBot) bot = cblue_bot_new(context);
	g_autoptr(GError) error = NULL;
	static const gchar *const texts[] = {
	    "Does solar still work during a power cut? How much would a battery cost?",
	    "ประกันอินเวอร์เตอร์กี่ปีและผ่อนบัตรเครดิตได้ไหมคะ",
	    "逆变器质保几年和能不能分期付款",
	};
	static const gchar *const topics[] = {"solar-power-outage", "solar-financing", "solar-warranty"};

	cblue_bot_load_kb(bot, FALSE, &error);
	g_assert_no_error(error);
	for (guint i = 0; i < G_N_ELEMENTS(texts); i++) {
		g_autoptr(CblueChatReply) reply = ask_text(bot, texts[i]);
		g_autofree gchar *json = cblue_chat_reply_to_string(reply);

		g_assert_cmpstr(cblue_chat_reply_get_topic_id(reply), ==, topics[i]);
		g_assert_null(cblue_chat_reply_get_second_topic_id(reply));
		g_assert_null(strstr(json, "second_topic_id"));
		g_assert_null(strstr(cblue_chat_reply_get_text(reply), "\n\n"));
	}
}

/* With a model that writes the answer (asynchronous, as the LLM's), the reply answers one topic:
 * the dummy retriever finds both topic ids, and no second question is looked for */
static void
test_bot_second_question_model(void)
{
	g_autoptr(CblueBot) bot = make_bot(NULL, NULL);
	g_autoptr(CblueChatReply) reply = ask_in(bot, "c-two", "tell me about solar-battery? and about service-area?");

	g_assert_cmpstr(cblue_chat_reply_get_topic_id(reply), ==, "service-area");
	g_assert_null(cblue_chat_reply_get_second_topic_id(reply));
}

/* the hand-written reply JSON escapes everything a JSON parser needs escaped */
static void
test_chat_reply_json(void)
{
	const gchar *text = "say \"hi\"\\ now\n\ttab \x01 ไทย 中文 \x7f";
	g_autoptr(CblueChatReply) reply = cblue_chat_reply_new();
	g_autoptr(CblueHit) hit = cblue_hit_new("a\"b", 3.0, 0.12345);
	g_autoptr(JsonParser) parser = json_parser_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *json = NULL;
	JsonObject *obj;
	JsonObject *source;

	cblue_chat_reply_set_text(reply, text);
	cblue_chat_reply_add_source(reply, hit);
	cblue_chat_reply_set_pii_redacted(reply, TRUE);
	json = cblue_chat_reply_to_string(reply);
	json_parser_load_from_data(parser, json, -1, &error);
	g_assert_no_error(error);
	obj = json_node_get_object(json_parser_get_root(parser));
	g_assert_cmpstr(json_object_get_string_member(obj, "reply"), ==, text);
	g_assert_true(json_object_get_null_member(obj, "topic_id"));
	g_assert_true(json_object_get_boolean_member(obj, "pii_redacted"));
	g_assert_cmpstr(json_object_get_string_member(obj, "outcome"), ==, "unanswered");
	source = json_array_get_object_element(json_object_get_array_member(obj, "sources"), 0);
	g_assert_cmpstr(json_object_get_string_member(source, "topic_id"), ==, "a\"b");
	g_assert_cmpfloat_with_epsilon(json_object_get_double_member(source, "score"), 0.123, 1e-9);
	/* only a reply that answers a second question says so */
	g_assert_false(json_object_has_member(obj, "second_topic_id"));
	cblue_chat_reply_set_second_topic_id(reply, "x\"y");
	g_clear_pointer(&json, g_free);
	json = cblue_chat_reply_to_string(reply);
	json_parser_load_from_data(parser, json, -1, &error);
	g_assert_no_error(error);
	obj = json_node_get_object(json_parser_get_root(parser));
	g_assert_cmpstr(json_object_get_string_member(obj, "second_topic_id"), ==, "x\"y");
	{
		g_autoptr(JsonNode) node = cblue_chat_reply_to_json(reply);
		g_assert_cmpstr(json_object_get_string_member(json_node_get_object(node), "second_topic_id"), ==,
				"x\"y");
	}
}

/* with an asynchronous plugin (the dummy's model) nothing is answered in place: the message
 * is left as it was, for cblue_bot_ask_async() */
static void
test_bot_ask_in_place_async_plugin(void)
{
	g_autoptr(CblueBot) bot = make_bot(NULL, NULL);
	g_autoptr(CblueMessage) message = cblue_message_new("tell me about solar-warranty please");
	g_autoptr(CblueChatReply) reply = NULL;
	g_autoptr(GError) error = NULL;

	g_assert_false(cblue_bot_ask_in_place(bot, message, &reply, &error));
	g_assert_no_error(error);
	g_assert_null(reply);
	g_assert_null(cblue_message_get_language(message));
	g_assert_null(cblue_message_get_conversation_id(message));
}

/* the sources the bot gives are made hits only when asked for: the same JSON before and
 * after; a hit added as one is the one given back, after them */
static void
test_chat_reply_sources(void)
{
	g_autoptr(CblueBot) bot = make_bot(NULL, NULL);
	g_autoptr(CblueChatReply) reply = ask_in(bot, "c0", "cctv-installation or solar-rooftop-price");
	g_autoptr(CblueHit) hit = cblue_hit_new("added-hit", 2.5, 1.5);
	g_autofree gchar *before = cblue_chat_reply_to_string(reply);
	g_autofree gchar *after = NULL;
	g_autofree gchar *added = NULL;
	GPtrArray *sources = cblue_chat_reply_get_sources(reply);

	g_assert_cmpuint(sources->len, ==, 2);
	g_assert_true(cblue_chat_reply_get_sources(reply) == sources);
	after = cblue_chat_reply_to_string(reply);
	g_assert_cmpstr(after, ==, before);
	for (guint i = 0; i < sources->len; i++) {
		CblueHit *source = g_ptr_array_index(sources, i);
		g_autofree gchar *member = g_strdup_printf("{\"topic_id\":\"%s\",\"score\":%.3f}",
							   cblue_hit_get_topic_id(source),
							   cblue_hit_get_confidence(source));
		g_assert_nonnull(strstr(before, member));
	}
	cblue_chat_reply_add_source(reply, hit);
	g_assert_cmpuint(sources->len, ==, 3);
	g_assert_true(g_ptr_array_index(sources, 2) == hit);
	added = cblue_chat_reply_to_string(reply);
	g_assert_nonnull(strstr(added, "},{\"topic_id\":\"added-hit\",\"score\":1.000}],"));
}

/* a hit keeps short topic ids in itself and copies longer ones: both read back the same,
 * at the sizes around the boundary (ASan checks the copies and their freeing) */
static void
test_hit_topic_id_sizes(void)
{
	for (guint length = 0; length <= 120; length++) {
		g_autofree gchar *topic_id = g_strnfill(length, 'x');
		g_autoptr(CblueHit) hit = cblue_hit_new(topic_id, 1.0, 0.5);

		g_assert_cmpstr(cblue_hit_get_topic_id(hit), ==, topic_id);
		g_assert_true(cblue_hit_get_topic_id(hit) != topic_id);
	}
}

/* the escaping finds the bytes to escape eight at a time: each of them, at each offset and
 * next to UTF-8, in texts longer and shorter than a word, parses back to the same text */
static void
test_chat_reply_json_offsets(void)
{
	const gchar *specials[] = {"\"", "\\", "\n", "\r", "\t", "\x01", "\x1f", "\x7f", "ไ", " "};

	for (guint s = 0; s < G_N_ELEMENTS(specials); s++) {
		for (guint length = 1; length <= 24; length++) {
			for (guint at = 0; at < length; at++) {
				g_autoptr(CblueChatReply) reply = cblue_chat_reply_new();
				g_autoptr(JsonParser) parser = json_parser_new();
				g_autoptr(GError) error = NULL;
				g_autoptr(GString) text = g_string_new(NULL);
				g_autofree gchar *json = NULL;

				for (guint i = 0; i < length; i++)
					g_string_append(text, i == at ? specials[s] : "a");
				cblue_chat_reply_set_text(reply, text->str);
				json = cblue_chat_reply_to_string(reply);
				json_parser_load_from_data(parser, json, -1, &error);
				g_assert_no_error(error);
				g_assert_cmpstr(
				    json_object_get_string_member(json_node_get_object(json_parser_get_root(parser)), "reply"),
				    ==, text->str);
			}
		}
	}
}

/* the reply JSON's scores are "%.3f" of the clamped value, exactly as printf rounds it,
 * ties (0.0625 → 0.062, 0.1875 → 0.188) and the values next to them included */
static void
check_confidence_text(gdouble value)
{
	g_autoptr(CblueChatReply) reply = cblue_chat_reply_new();
	g_autofree gchar *json = NULL;
	g_autofree gchar *printed = NULL;
	gchar expected[G_ASCII_DTOSTR_BUF_SIZE];
	const gchar *member;

	cblue_chat_reply_set_confidence(reply, value);
	json = cblue_chat_reply_to_string(reply);
	member = strstr(json, "\"confidence\":");
	g_assert_nonnull(member);
	member += strlen("\"confidence\":");
	printed = g_strndup(member, strcspn(member, ",}"));
	g_ascii_formatd(expected, sizeof(expected), "%.3f", CLAMP(value, 0.0, 1.0));
	if (g_strcmp0(printed, expected) != 0)
		g_test_message("confidence %.17g", value);
	g_assert_cmpstr(printed, ==, expected);
}

/* the double @ulps representable values away from @value (> 0) */
static gdouble
double_step(gdouble value, gint64 ulps)
{
	union {
		gdouble d;
		gint64 i;
	} bits = {value};
	bits.i += ulps;
	return bits.d;
}

static void
test_chat_reply_json_scores(void)
{
	g_autoptr(GRand) rand = g_rand_new_with_seed(5);

	for (guint k = 0; k <= 2000; k++) {
		gdouble tie = k / 2000.0;
		check_confidence_text(tie);
		check_confidence_text(double_step(tie, 1));
		if (k > 0)
			check_confidence_text(double_step(tie, -1));
	}
	for (guint i = 0; i < 20000; i++)
		check_confidence_text(g_rand_double_range(rand, -0.01, 1.01));
	check_confidence_text(0.0625);
	check_confidence_text(0.1875);
}

int
main(int argc, char **argv)
{
	cblue_test_init(&argc, &argv);
	cblue_test_capture_warnings();
	g_test_add_func("/cblue/bot/answer-async-model", test_bot_answer_async_model);
	g_test_add_func("/cblue/bot/model-failure-falls-back", test_bot_model_failure_falls_back);
	g_test_add_func("/cblue/bot/unknown", test_bot_unknown);
	g_test_add_func("/cblue/bot/small-talk", test_bot_small_talk);
	g_test_add_func("/cblue/bot/small-talk-bad-replies", test_bot_small_talk_bad_replies);
	g_test_add_func("/cblue/bot/small-talk-without-reply", test_bot_small_talk_without_reply);
	g_test_add_func("/cblue/bot/declined", test_bot_declined);
	g_test_add_func("/cblue/bot/declined-off", test_bot_declined_off);
	g_test_add_func("/cblue/bot/declined-folder", test_bot_declined_folder);
	g_test_add_func("/cblue/bot/declined-reload", test_bot_declined_reload);
	g_test_add_func("/cblue/bot/redaction", test_bot_redaction);
	g_test_add_func("/cblue/bot/invalid-messages", test_bot_invalid_messages);
	g_test_add_func("/cblue/bot/concurrent-async", test_bot_concurrent_async);
	g_test_add_func("/cblue/bot/ask-in-place-async-plugin", test_bot_ask_in_place_async_plugin);
	g_test_add_func("/cblue/bot/follow-up-context", test_bot_follow_up_context);
	g_test_add_func("/cblue/bot/conversation-language", test_bot_conversation_language);
	g_test_add_func("/cblue/bot/follow-up-family", test_bot_follow_up_family);
	g_test_add_func("/cblue/bot/follow-up-earlier-topic", test_bot_follow_up_earlier_topic);
	g_test_add_func("/cblue/bot/second-question", test_bot_second_question);
	g_test_add_func("/cblue/bot/second-question-model", test_bot_second_question_model);
	g_test_add_func("/cblue/bot/second-question-off", test_bot_second_question_off);
	g_test_add_func("/cblue/chat-reply/json", test_chat_reply_json);
	g_test_add_func("/cblue/chat-reply/sources", test_chat_reply_sources);
	g_test_add_func("/cblue/hit/topic-id-sizes", test_hit_topic_id_sizes);
	g_test_add_func("/cblue/chat-reply/json-offsets", test_chat_reply_json_offsets);
	g_test_add_func("/cblue/chat-reply/json-scores", test_chat_reply_json_scores);
	return g_test_run();
}
