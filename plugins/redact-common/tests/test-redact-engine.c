/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cblue-redact-engine.h"

/* the engine on its own: rules, custom rules and their errors, limits, threads */

static guint n_warnings;
static GMutex warnings_mutex;

static GLogWriterOutput
test_log_writer(GLogLevelFlags log_level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
	if (log_level & G_LOG_LEVEL_WARNING) {
		g_mutex_lock(&warnings_mutex);
		n_warnings++;
		g_mutex_unlock(&warnings_mutex);
	}
	return g_log_writer_standard_streams(log_level, fields, n_fields, user_data);
}

static gint
span_compare(gconstpointer a, gconstpointer b)
{
	const CblueSpan *sa = *(const CblueSpan *const *)a;
	const CblueSpan *sb = *(const CblueSpan *const *)b;
	if (sa->start != sb->start)
		return sa->start < sb->start ? -1 : 1;
	return g_strcmp0(sa->label, sb->label);
}

/* the spans of @engine over @text as "LABEL:start-end;…", in text order */
static gchar *
spans_string(CblueRedactEngine *engine, const gchar *text)
{
	g_autoptr(GPtrArray) spans = cblue_redact_engine_find(engine, text);
	GString *out = g_string_new(NULL);
	if (spans != NULL)
		g_ptr_array_sort(spans, span_compare);
	for (guint i = 0; spans != NULL && i < spans->len; i++) {
		CblueSpan *span = g_ptr_array_index(spans, i);
		g_string_append_printf(out, "%s%s:%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT, i > 0 ? ";" : "",
				       span->label, span->start, span->end);
	}
	return g_string_free(out, FALSE);
}

static CblueRedactEngine *
engine_with_builtins(const gchar *first, ...)
{
	CblueRedactEngine *engine = cblue_redact_engine_new();
	g_autoptr(GError) error = NULL;
	va_list args;

	va_start(args, first);
	for (const gchar *name = first; name != NULL; name = va_arg(args, const gchar *)) {
		cblue_redact_engine_add_builtin(engine, name, &error);
		g_assert_no_error(error);
	}
	va_end(args);
	return engine;
}

static void
test_engine_builtins(void)
{
	const gchar *const *names = cblue_redact_builtin_names();
	g_autoptr(CblueRedactEngine) engine = cblue_redact_engine_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *found = NULL;

	for (guint i = 0; names[i] != NULL; i++) {
		cblue_redact_engine_add_builtin(engine, names[i], &error);
		g_assert_no_error(error);
	}
	/* the four kinds of numbers in groups (phone, th-id, card, bank-account) share a rule, and
	 * so do the four of numbers said (phone-spoken, th-id-spoken, cn-id-spoken,
	 * bank-account-spoken) */
	g_assert_cmpuint(cblue_redact_engine_get_n_rules(engine), ==, g_strv_length((gchar **)names) - 6);
	g_assert_false(cblue_redact_engine_add_builtin(engine, "no-such-rule", &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND);

	/* nothing to look for: no digit, no @, no colon, no chat app */
	g_assert_null(cblue_redact_engine_find(engine, "ติดโซลาร์เซลล์ราคาเท่าไหร่ 屋顶太阳能多少钱"));
	g_assert_null(cblue_redact_engine_find(engine, ""));
	found = spans_string(engine, "tel 0812345678 mail a@b.co");
	g_assert_cmpstr(found, ==, "PHONE:4-14;EMAIL:20-26");
}

static void
test_engine_phone_windows(void)
{
	g_autoptr(CblueRedactEngine) engine = engine_with_builtins("phone", NULL);
	g_autofree gchar *two = spans_string(engine, "0812345678 0898765432 0811111111 0822222222");
	g_autofree gchar *mixed = spans_string(engine, "room 304 0812345678 2 pcs");
	g_autofree gchar *paren = spans_string(engine, "x 0812345678 (02) 123 4567");
	g_autofree gchar *code = spans_string(engine, "SO-0812345678 1234-0812345678");

	/* a run of numbers is split where spaces allow, each kept whole */
	g_assert_cmpstr(two, ==, "PHONE:0-10;PHONE:11-21;PHONE:22-32;PHONE:33-43");
	g_assert_cmpstr(mixed, ==, "PHONE:9-19");
	g_assert_cmpstr(paren, ==, "PHONE:2-12;PHONE:13-26");
	g_assert_cmpstr(code, ==, "");
}

/* groupings outside the usual shapes count only near the type's word, never with dots */
static void
test_engine_unusual_groupings(void)
{
	g_autoptr(CblueRedactEngine) engine = engine_with_builtins("phone", "th-id", "ipv4", "card", "bank-account", NULL);
	g_autofree gchar *phone = spans_string(engine, "tel 067 29 12 921");
	g_autofree gchar *no_word = spans_string(engine, "x 067 29 12 921");
	g_autofree gchar *quantity = spans_string(engine, "tel 081 234 5678 12 pcs");
	g_autofree gchar *ip = spans_string(engine, "call, my ip is 170.114.44.217");
	g_autofree gchar *th_id = spans_string(engine, "id 5 396 668 603 236");
	g_autofree gchar *th_id_alone = spans_string(engine, "x 5 396 668 603 236");
	g_autofree gchar *card = spans_string(engine, "card 4111  1111  1111  1111");
	g_autofree gchar *card_odd = spans_string(engine, "card 4111 11111 1111 111");
	g_autofree gchar *card_odd_alone = spans_string(engine, "x 4111 11111 1111 111");
	g_autofree gchar *trunk = spans_string(engine, "+66(0)2-951-0216");
	g_autofree gchar *double_zero = spans_string(engine, "bank 005565335210");

	g_assert_cmpstr(phone, ==, "PHONE:4-17");
	g_assert_cmpstr(no_word, ==, "");
	/* a Thai mobile number and a quantity are not one Chinese landline */
	g_assert_cmpstr(quantity, ==, "PHONE:4-16");
	g_assert_cmpstr(ip, ==, "IP:15-29");
	g_assert_cmpstr(th_id, ==, "TH_ID:3-20");
	g_assert_cmpstr(th_id_alone, ==, "");
	g_assert_cmpstr(card, ==, "CARD:5-27");
	g_assert_cmpstr(card_odd, ==, "CARD:5-24");
	g_assert_cmpstr(card_odd_alone, ==, "");
	g_assert_cmpstr(trunk, ==, "PHONE:0-16");
	/* `00` and a foreign number in one piece needs a phone word: here an account */
	g_assert_cmpstr(double_zero, ==, "BANK_ACCOUNT:5-17");
}

static void
test_engine_boundaries(void)
{
	g_autoptr(CblueRedactEngine) engine =
	    engine_with_builtins("phone", "th-id", "email", "line-id", "line-id-handle", "wechat-id", NULL);
	g_autofree gchar *code = spans_string(engine, "INV/0812345678 www.shop.com/0898765432");
	g_autofree gchar *wa = spans_string(engine, "https://wa.me/66812345678");
	g_autofree gchar *list = spans_string(engine, "a.b@x.co/0812345678");
	g_autofree gchar *vx = spans_string(engine, "vx wang_l88, wx abcdef, vx 123456_7");
	g_autofree gchar *handle = spans_string(engine, "@banrak.solar on LINE, a@b.co line, ไลน์ร้าน @shop_99.");
	g_autofree gchar *no_handle = spans_string(engine, "follow @shop_99 on IG");
	g_autofree gchar *price = spans_string(engine, "แผงละ @4500 สั่งทางไลน์");
	g_autofree gchar *dots = spans_string(engine, "id 1.1037.02071.62.5, 1.1037.02071.62.4");
	g_autofree gchar *beijing = spans_string(engine, "+86 10 6552 9988, +86 10 123");

	/* after a code the slash joins, after an e-mail address it separates */
	g_assert_cmpstr(code, ==, "");
	g_assert_cmpstr(list, ==, "EMAIL:0-8;PHONE:9-19");
	/* but WhatsApp's click-to-chat link holds a phone number */
	g_assert_cmpstr(wa, ==, "PHONE:14-25");
	/* wx/vx without a colon: an id that starts with a letter and has a digit, `_` or `-` */
	g_assert_cmpstr(vx, ==, "WECHAT_ID:3-11");
	/* an @ id near a LINE word, before or after it; not an e-mail address, not a price, not
	 * an @ id without a LINE word */
	g_assert_cmpstr(handle, ==, "LINE_ID:0-13;EMAIL:23-29;LINE_ID:61-69");
	g_assert_cmpstr(no_handle, ==, "");
	g_assert_cmpstr(price, ==, "");
	/* dots separate the groups of a Thai ID as dashes do; the check digit still decides */
	g_assert_cmpstr(dots, ==, "TH_ID:3-20");
	g_assert_cmpstr(beijing, ==, "PHONE:0-16");
}

/* a text with many values (a log line): each value once, whichever path finds the ties */
static void
test_engine_many_spans(void)
{
	g_autoptr(CblueRedactEngine) engine = engine_with_builtins("phone", "bank-account", NULL);
	g_autoptr(GString) text = g_string_new("บัญชี");
	g_autoptr(GPtrArray) spans = NULL;

	for (guint i = 0; i < 40; i++)
		g_string_append_printf(text, " 08123456%02u", i);
	spans = cblue_redact_engine_find(engine, text->str);
	/* each number is a phone and, near บัญชี, an account too: the phone wins the tie */
	g_assert_nonnull(spans);
	g_assert_cmpuint(spans->len, ==, 40);
	for (guint i = 0; i < spans->len; i++)
		g_assert_cmpstr(((CblueSpan *)g_ptr_array_index(spans, i))->label, ==, "PHONE");
}

static void
test_engine_context(void)
{
	g_autoptr(CblueRedactEngine) engine = engine_with_builtins("bank-account", "passport", "th-id", NULL);
	g_autofree gchar *bank = spans_string(engine, "เลขบัญชี 1234567890");
	g_autofree gchar *no_bank = spans_string(engine, "สินค้า 1234567890");
	g_autofree gchar *canonical = spans_string(engine, "123-4-56789-0");
	g_autofree gchar *after = spans_string(engine, "1234567890 ธนาคารกรุงเทพ");
	g_autofree gchar *passport = spans_string(engine, "passport AA1234567");
	g_autofree gchar *no_passport = spans_string(engine, "model AA1234567");
	g_autofree gchar *id = spans_string(engine, "ID 1103702071625");
	g_autofree gchar *order = spans_string(engine, "order no. 1103702071625");
	g_autofree gchar *nearest = spans_string(engine, "order placed, my id card 1103702071625");

	g_assert_cmpstr(bank, ==, "BANK_ACCOUNT:25-35");
	g_assert_cmpstr(no_bank, ==, "");
	g_assert_cmpstr(canonical, ==, "BANK_ACCOUNT:0-13");
	g_assert_cmpstr(after, ==, "BANK_ACCOUNT:0-10");
	g_assert_cmpstr(passport, ==, "PASSPORT:9-18");
	g_assert_cmpstr(no_passport, ==, "");
	g_assert_cmpstr(id, ==, "TH_ID:3-16");
	/* an order word right before: a reference number that happens to pass mod 11 */
	g_assert_cmpstr(order, ==, "");
	/* the word closest to the number decides */
	g_assert_cmpstr(nearest, ==, "TH_ID:25-38");
}

static void
test_engine_invalid_utf8(void)
{
	const gchar *const names[] = {"email", "phone", "th-id", "cn-id", "card", "ipv4", "ipv6",
				      "bank-account", "passport", "line-id", "wechat-id", NULL};
	g_autoptr(CblueRedactEngine) engine = cblue_redact_engine_new();
	const gchar text[] = "\xff\xfe 0812345678 \xe0\xb8 line id: abc\xc3 a@b.co \xed\xa0\x80 1:2:3::4";
	g_autoptr(GPtrArray) spans = NULL;

	for (guint i = 0; names[i] != NULL; i++)
		g_assert_true(cblue_redact_engine_add_builtin(engine, names[i], NULL));
	/* PCRE2_MATCH_INVALID_UTF: invalid sequences never match, nothing crashes */
	spans = cblue_redact_engine_find(engine, text);
	g_assert_nonnull(spans);
	for (guint i = 0; i < spans->len; i++) {
		CblueSpan *span = g_ptr_array_index(spans, i);
		g_assert_cmpuint(span->end, <=, strlen(text));
	}
}

static void
test_engine_custom_rules(void)
{
	g_autoptr(CblueRedactEngine) engine = cblue_redact_engine_new();
	g_autoptr(GError) error = NULL;
	const gchar *const context[] = {"member", "สมาชิก", NULL};
	CblueRedactRuleSpec order = {"order", "ORDER_ID", "(?i)order\\s*(?<value>[A-Z]{2}[0-9]{6})",
				     CBLUE_REDACT_VALIDATOR_NONE, NULL, 0, FALSE};
	CblueRedactRuleSpec member = {"member", "MEMBER_NO", "(?<![0-9])[0-9]{8}(?![0-9])",
				      CBLUE_REDACT_VALIDATOR_NONE, context, 20, FALSE};
	CblueRedactRuleSpec card = {"card", "LOYALTY", "[0-9]{16}", CBLUE_REDACT_VALIDATOR_LUHN, NULL, 0, FALSE};
	g_autofree gchar *found = NULL;

	g_assert_true(cblue_redact_engine_add_rule(engine, &order, &error));
	g_assert_true(cblue_redact_engine_add_rule(engine, &member, &error));
	g_assert_true(cblue_redact_engine_add_rule(engine, &card, &error));
	g_assert_no_error(error);
	/* the `value` group narrows the span; context words are required; the validator decides */
	found = spans_string(engine, "87654321 and then Order AB123456, member 12345678 4111111111111111 4111111111111112");
	g_assert_cmpstr(found, ==, "ORDER_ID:24-32;MEMBER_NO:41-49;LOYALTY:50-66");
}

static void
assert_rule_error(const gchar *pattern, const gchar *label, CblueRedactValidator validator, const gchar *expected)
{
	g_autoptr(CblueRedactEngine) engine = cblue_redact_engine_new();
	g_autoptr(GError) error = NULL;
	CblueRedactRuleSpec spec = {"my-rule", label, pattern, validator, NULL, 0, FALSE};

	g_assert_false(cblue_redact_engine_add_rule(engine, &spec, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_test_message("%s", error->message);
	g_assert_true(g_pattern_match_simple(expected, error->message));
	g_assert_cmpuint(cblue_redact_engine_get_n_rules(engine), ==, 0);
}

static void
test_engine_custom_errors(void)
{
	/* the rule's name and pcre2's error offset */
	assert_rule_error("abc(def", "X", CBLUE_REDACT_VALIDATOR_NONE,
			  "redact rule “my-rule”: invalid pattern at offset 7: *missing closing parenthesis*");
	assert_rule_error("[0-9", "X", CBLUE_REDACT_VALIDATOR_NONE, "*my-rule*offset 4*");
	assert_rule_error("a*", "X", CBLUE_REDACT_VALIDATOR_NONE, "*my-rule*can match an empty text*");
	assert_rule_error("abc", "lower", CBLUE_REDACT_VALIDATOR_NONE, "*my-rule*“lower” is not a type name*");
	assert_rule_error(NULL, "X", CBLUE_REDACT_VALIDATOR_NONE, "*my-rule*no pattern*");
}

static void
test_engine_config(void)
{
	g_autoptr(CblueConfig) config = cblue_config_new();
	g_autoptr(CblueRedactEngine) engine = cblue_redact_engine_new();
	g_autoptr(CblueRedactEngine) bad = cblue_redact_engine_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *found = NULL;

	cblue_config_load_data(config,
			       "[redact]\n"
			       "disabled_types=PASSPORT\n"
			       "[redact.rule ticket]\n"
			       "pattern=\\bTK-\\d{5}\\b\n"
			       "[redact.rule broken]\n"
			       "pattern=(\\d\n",
			       &error);
	g_assert_no_error(error);
	g_assert_true(cblue_redact_engine_configure(engine, config, &error));
	g_assert_true(cblue_redact_engine_add_builtin(engine, "passport", &error));
	g_assert_cmpuint(cblue_redact_engine_get_n_rules(engine), ==, 0);
	/* a rule of the configuration that does not compile names itself */
	g_assert_false(cblue_redact_engine_add_rules_from_config(engine, config, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_assert_true(g_pattern_match_simple("redact rule “broken”: invalid pattern at offset 3:*", error->message));
	g_clear_error(&error);
	/* key-file escapes are not applied to patterns: \b and \d reach pcre2 */
	g_assert_cmpuint(cblue_redact_engine_get_n_rules(engine), ==, 1);
	found = spans_string(engine, "ticket TK-12345");
	g_assert_cmpstr(found, ==, "TICKET:7-15");

	cblue_config_set_string(config, "redact", "match_limit", "10");
	g_assert_false(cblue_redact_engine_configure(bad, config, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
}

static void
test_engine_rules_files(void)
{
	g_autofree gchar *dir = g_dir_make_tmp("cblue-redact-XXXXXX", NULL);
	g_autofree gchar *json = g_build_filename(dir, "rules.json", NULL);
	g_autofree gchar *conf = g_build_filename(dir, "rules.conf", NULL);
	g_autofree gchar *bad = g_build_filename(dir, "bad.json", NULL);
	g_autoptr(CblueRedactEngine) engine = cblue_redact_engine_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *found = NULL;

	g_file_set_contents(json,
			    "[{\"name\": \"plate\", \"pattern\": \"(?<!\\\\p{Thai})[0-9]?[ก-ฮ]{2} ?[0-9]{1,4}\", \"placeholder\": "
			    "\"[CAR_PLATE]\", \"context\": [\"ทะเบียน\", \"plate\"]},"
			    " {\"name\": \"vip\", \"pattern\": \"vip-[0-9]{4}\", \"case_insensitive\": true}]",
			    -1, NULL);
	g_file_set_contents(conf, "[redact.rule staff]\npattern=\\bST\\d{4}\\b\nplaceholder=STAFF\n", -1, NULL);
	g_file_set_contents(bad, "[{\"name\": \"x\", \"pattern\": \"a\", \"colour\": \"red\"}]", -1, NULL);

	g_assert_true(cblue_redact_engine_add_rules_from_file(engine, json, &error));
	g_assert_true(cblue_redact_engine_add_rules_from_file(engine, conf, &error));
	g_assert_no_error(error);
	found = spans_string(engine, "ทะเบียน 1กข 1234 VIP-0042 ST1234");
	g_assert_cmpstr(found, ==, "CAR_PLATE:22-34;VIP:35-43;STAFF:44-50");
	g_assert_false(cblue_redact_engine_add_rules_from_file(engine, bad, &error));
	g_assert_true(g_pattern_match_simple("*redact rule “x”: unknown key “colour”*", error->message));

	g_unlink(json);
	g_unlink(conf);
	g_unlink(bad);
	g_rmdir(dir);
}

static void
test_engine_bounded_time(void)
{
	g_autoptr(CblueRedactEngine) engine = cblue_redact_engine_new();
	g_autoptr(GError) error = NULL;
	CblueRedactRuleSpec evil = {"evil", "EVIL", "(a+)+$", CBLUE_REDACT_VALIDATOR_NONE, NULL, 0, FALSE};
	g_autoptr(GString) text = g_string_new(NULL);
	g_autoptr(GPtrArray) spans = NULL;
	gint64 start;

	g_assert_true(cblue_redact_engine_add_rule(engine, &evil, &error));
	for (guint i = 0; i < 5000; i++)
		g_string_append_c(text, 'a');
	g_string_append_c(text, '!');
	start = g_get_monotonic_time();
	spans = cblue_redact_engine_find(engine, text->str);
	/* catastrophic backtracking stops at the match limit, reported once, never the text */
	g_assert_cmpint(g_get_monotonic_time() - start, <, 5 * G_USEC_PER_SEC);
	g_assert_null(spans);
	g_assert_cmpuint(n_warnings, ==, 1);
	g_clear_pointer(&spans, g_ptr_array_unref);
	spans = cblue_redact_engine_find(engine, text->str);
	g_assert_cmpuint(n_warnings, ==, 1);
}

static gpointer
thread_func(gpointer data)
{
	CblueRedactEngine *engine = data;
	for (guint i = 0; i < 2000; i++) {
		g_autofree gchar *found =
		    spans_string(engine, "โทร 081-234-5678 ID 1103702071625 บัญชี 123-4-56789-0 a@b.co");
		/* an exact tie goes to the kind added first; other overlaps are the core's */
		if (g_strcmp0(found, "PHONE:10-22;TH_ID:26-39;BANK_ACCOUNT:56-69;EMAIL:70-76") != 0)
			return g_strdup(found);
	}
	return NULL;
}

static void
test_engine_threads(void)
{
	g_autoptr(CblueRedactEngine) engine = engine_with_builtins("phone", "th-id", "bank-account", "email", NULL);
	GThread *threads[8];

	for (guint i = 0; i < G_N_ELEMENTS(threads); i++)
		threads[i] = g_thread_new("redact", thread_func, engine);
	for (guint i = 0; i < G_N_ELEMENTS(threads); i++) {
		g_autofree gchar *wrong = g_thread_join(threads[i]);
		g_assert_null(wrong);
	}
}

static void
test_engine_redactor(void)
{
	g_autoptr(CblueRedactEngine) engine = engine_with_builtins("email", NULL);
	g_autoptr(GObject) a = cblue_redact_redactor_new("redact-email", engine);
	g_autoptr(GObject) b = cblue_redact_redactor_new("redact-email", engine);
	g_autoptr(GPtrArray) redactors = g_ptr_array_new();
	g_autofree gchar *redacted = NULL;

	/* one type per module, named after the plugin */
	g_assert_cmpstr(G_OBJECT_TYPE_NAME(a), ==, "CblueRedactRedactor_redact_email");
	g_assert_true(G_OBJECT_TYPE(a) == G_OBJECT_TYPE(b));
	g_assert_true(CBLUE_IS_REDACTOR(a));
	g_ptr_array_add(redactors, a);
	redacted = cblue_redact_text(redactors, "mail ｓｏｍ＠ｅｘａｍｐｌｅ．ｃｏｍ now", NULL);
	g_assert_cmpstr(redacted, ==, "mail [EMAIL] now");
}

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	g_test_init(&argc, &argv, NULL);
	/* the match-limit warning is expected: counted, not fatal */
	g_log_set_always_fatal(G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
	g_log_set_writer_func(test_log_writer, NULL, NULL);
	g_test_add_func("/cblue/redact/engine/builtins", test_engine_builtins);
	g_test_add_func("/cblue/redact/engine/phone-windows", test_engine_phone_windows);
	g_test_add_func("/cblue/redact/engine/unusual-groupings", test_engine_unusual_groupings);
	g_test_add_func("/cblue/redact/engine/boundaries", test_engine_boundaries);
	g_test_add_func("/cblue/redact/engine/many-spans", test_engine_many_spans);
	g_test_add_func("/cblue/redact/engine/context", test_engine_context);
	g_test_add_func("/cblue/redact/engine/invalid-utf8", test_engine_invalid_utf8);
	g_test_add_func("/cblue/redact/engine/custom-rules", test_engine_custom_rules);
	g_test_add_func("/cblue/redact/engine/custom-errors", test_engine_custom_errors);
	g_test_add_func("/cblue/redact/engine/config", test_engine_config);
	g_test_add_func("/cblue/redact/engine/rules-files", test_engine_rules_files);
	g_test_add_func("/cblue/redact/engine/bounded-time", test_engine_bounded_time);
	g_test_add_func("/cblue/redact/engine/threads", test_engine_threads);
	g_test_add_func("/cblue/redact/engine/redactor", test_engine_redactor);
	return g_test_run();
}
