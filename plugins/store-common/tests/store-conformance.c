/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "store-conformance.h"

/* helpers */

void
test_rm_rf(const gchar *path)
{
	if (g_file_test(path, G_FILE_TEST_IS_DIR) && !g_file_test(path, G_FILE_TEST_IS_SYMLINK)) {
		g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
		const gchar *name;
		while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
			g_autofree gchar *child = g_build_filename(path, name, NULL);
			test_rm_rf(child);
		}
	}
	g_remove(path);
}

gint64
test_count(CblueStore *store, const gchar *table)
{
	g_autoptr(GError) error = NULL;
	gint64 n = cblue_store_count(store, table, &error);
	g_assert_no_error(error);
	return n;
}

CblueKbEntry *
test_entry(const gchar *topic_id, const gchar *content)
{
	CblueKbEntry *entry = cblue_kb_entry_new(topic_id);
	const gchar *keywords[] = {"solar", "โซลาร์เซลล์", "太阳能", NULL};
	cblue_kb_entry_set_category(entry, "solar");
	cblue_kb_entry_set_keywords(entry, keywords);
	cblue_kb_entry_add_question(entry, "en", "How much is a rooftop solar system?");
	cblue_kb_entry_add_question(entry, "th", "ติดโซลาร์เซลล์ราคาเท่าไหร่");
	cblue_kb_entry_add_question(entry, "zh", "安装太阳能板多少钱");
	cblue_kb_entry_set_content(entry, "en", content);
	cblue_kb_entry_set_content(entry, "th", "ระบบ 5 kW ราคา 150,000–200,000 บาท");
	cblue_kb_entry_set_content(entry, "zh", "5千瓦系统价格为15万至20万泰铢。");
	return entry;
}

GPtrArray *
test_entries(const gchar *first, ...)
{
	GPtrArray *entries = g_ptr_array_new_with_free_func(g_object_unref);
	va_list args;

	va_start(args, first);
	for (const gchar *topic_id = first; topic_id != NULL; topic_id = va_arg(args, const gchar *))
		g_ptr_array_add(entries, test_entry(topic_id, va_arg(args, const gchar *)));
	va_end(args);
	return entries;
}

static gint
test_entry_cmp(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(cblue_kb_entry_get_topic_id(*(CblueKbEntry *const *)a),
			 cblue_kb_entry_get_topic_id(*(CblueKbEntry *const *)b));
}

gchar *
test_load_json(CblueStore *store)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueKb) kb = cblue_store_load_kb(store, &error);
	g_assert_no_error(error);
	g_assert_nonnull(kb);
	return cblue_kb_to_json(kb, TRUE);
}

gchar *
test_entries_json(GPtrArray *entries)
{
	g_autoptr(GPtrArray) sorted = g_ptr_array_copy(entries, (GCopyFunc)(void (*)(void))g_object_ref, NULL);
	g_ptr_array_set_free_func(sorted, g_object_unref);
	g_ptr_array_sort(sorted, test_entry_cmp);
	return cblue_kb_entries_to_json(sorted, TRUE);
}

void
test_assert_kb(CblueStore *store, GPtrArray *expected)
{
	g_autofree gchar *expected_json = test_entries_json(expected);
	g_autofree gchar *loaded = test_load_json(store);
	g_assert_cmpstr(loaded, ==, expected_json);
}

void
test_import(CblueStore *store, GPtrArray *entries, gboolean replace_all)
{
	g_autoptr(GError) error = NULL;
	g_assert_true(cblue_store_import_kb(store, entries, replace_all, &error));
	g_assert_no_error(error);
}

void
test_record_text(CblueStore *store, CblueMessage *message, CblueOutcome outcome, gboolean pii, const gchar *reply_text)
{
	g_autoptr(CblueChatReply) reply = cblue_chat_reply_new();

	cblue_chat_reply_set_conversation_id(reply, cblue_message_get_conversation_id(message));
	cblue_chat_reply_set_message_id(reply, cblue_message_get_message_id(message));
	cblue_chat_reply_set_language(reply, cblue_message_get_language(message));
	cblue_chat_reply_set_outcome(reply, outcome);
	if (outcome == CBLUE_OUTCOME_ANSWERED) {
		cblue_chat_reply_set_text(reply, reply_text != NULL ? reply_text : "A 5 kW system costs 150,000 THB.");
		cblue_chat_reply_set_topic_id(reply, "solar-price");
		cblue_chat_reply_set_confidence(reply, 0.87);
	} else {
		cblue_chat_reply_set_text(reply, reply_text != NULL ? reply_text : "Sorry, I don't know.");
		cblue_chat_reply_set_confidence(reply, 0.12);
	}
	if (pii) {
		const gchar *const types[] = {"TH_ID", "PHONE", NULL};
		cblue_chat_reply_set_pii_types(reply, types);
	}
	cblue_chat_reply_set_duration_usec(reply, 1500);
	cblue_store_record_exchange(store, message, reply);
}

void
test_record(CblueStore *store, CblueMessage *message, CblueOutcome outcome, gboolean pii)
{
	test_record_text(store, message, outcome, pii, NULL);
}

CblueMessage *
test_message(const gchar *conversation_id, guint i)
{
	g_autofree gchar *text = g_strdup_printf("question %u from [TH_ID]", i);
	CblueMessage *message = cblue_message_new(text);
	cblue_message_set_conversation_id(message, conversation_id);
	cblue_message_set_language(message, i % 2 == 0 ? "en" : "th");
	return message;
}

void
test_flush(CblueStore *store)
{
	g_autoptr(GError) error = NULL;
	g_assert_true(cblue_store_flush(store, &error));
	g_assert_no_error(error);
}

/* @sql, run past the store, gives @expected */
static void
test_assert_scalar(StoreConformance *c, const gchar *sql, const gchar *expected)
{
	g_autofree gchar *value = c->scalar(c, sql);
	g_test_message("%s", sql);
	g_assert_cmpstr(value, ==, expected);
}

/* the number of entries in the snapshot of KB version @version */
static void
test_assert_snapshot_length(StoreConformance *c, gint64 version, const gchar *expected)
{
	g_autofree gchar *sql = g_strdup_printf("SELECT %s(snapshot) FROM kb_versions WHERE version = %" G_GINT64_FORMAT,
						c->json_array_length, version);
	test_assert_scalar(c, sql, expected);
}

static void
test_reopen_store(StoreConformance *c)
{
	c->close(c);
	c->open(c);
}

/* the checks */

/* opening again migrates nothing and finds the same data */
static void
test_reopen(gpointer fixture, gconstpointer data)
{
	StoreConformance *c = fixture;
	static const gchar applied_sql[] =
	    "SELECT count(*) || ',' || min(applied_at) || ',' || max(applied_at) FROM schema_migrations";
	g_autoptr(GPtrArray) entries = test_entries("a", "A one.", NULL);
	g_autofree gchar *applied = NULL;

	g_assert_cmpint(test_count(c->store, "kb_entries"), ==, 0);
	test_import(c->store, entries, FALSE);
	if (c->scalar != NULL)
		applied = c->scalar(c, applied_sql);
	test_reopen_store(c);
	test_assert_kb(c->store, entries);
	if (c->scalar != NULL)
		test_assert_scalar(c, applied_sql, applied);
}

static void
test_kb_round_trip(gpointer fixture, gconstpointer data)
{
	StoreConformance *c = fixture;
	g_autoptr(GPtrArray) entries =
	    test_entries("solar-price", "A 5 kW system costs 150,000–200,000 THB.", "cctv-install",
			 "We install CCTV cameras.", "ev-charger", "We install 7 kW wallbox chargers.", NULL);
	g_autoptr(CblueKbEntry) draft = NULL;
	g_autoptr(JsonNode) node = NULL;
	g_autoptr(GError) error = NULL;

	/* a draft without a category, to cover the optional members */
	node = json_from_string("{\"topic_id\": \"a-draft\", \"status\": \"draft\", "
				"\"content\": {\"en\": \"Not yet published.\"}}",
				&error);
	g_assert_no_error(error);
	draft = cblue_kb_entry_new_from_json(node, NULL, &error);
	g_assert_no_error(error);
	g_ptr_array_add(entries, g_object_ref(draft));

	test_import(c->store, entries, FALSE);
	test_assert_kb(c->store, entries);
	g_assert_cmpint(test_count(c->store, "kb_entries"), ==, 4);
	g_assert_cmpint(test_count(c->store, "kb_versions"), ==, 1);

	/* and it survives a restart */
	test_reopen_store(c);
	test_assert_kb(c->store, entries);
}

static void
test_kb_merge(gpointer fixture, gconstpointer data)
{
	StoreConformance *c = fixture;
	g_autoptr(GPtrArray) first = test_entries("a", "A one.", "b", "B one.", NULL);
	g_autoptr(GPtrArray) second = test_entries("b", "B two.", "c", "C one.", NULL);
	g_autoptr(GPtrArray) expected = test_entries("a", "A one.", "b", "B two.", "c", "C one.", NULL);

	test_import(c->store, first, FALSE);
	test_import(c->store, second, FALSE);
	test_assert_kb(c->store, expected);
	g_assert_cmpint(test_count(c->store, "kb_versions"), ==, 2);

	/* importing the same again changes no entry, but is a version */
	test_import(c->store, second, FALSE);
	test_assert_kb(c->store, expected);
	g_assert_cmpint(test_count(c->store, "kb_versions"), ==, 3);
	if (c->scalar == NULL)
		return;
	/* an entry keeps the version of the import that last changed it */
	test_assert_scalar(c, "SELECT version FROM kb_entries WHERE topic_id = 'a'", "1");
	test_assert_scalar(c, "SELECT version FROM kb_entries WHERE topic_id = 'b'", "2");
	test_assert_scalar(c, "SELECT version FROM kb_entries WHERE topic_id = 'c'", "2");
	test_assert_snapshot_length(c, 2, "3");
	test_assert_snapshot_length(c, 3, "3");
	test_assert_scalar(c, "SELECT count(*) FROM kb_entries WHERE category = 'solar' AND status = 'published'",
			   "3");
}

static void
test_kb_replace_all(gpointer fixture, gconstpointer data)
{
	StoreConformance *c = fixture;
	g_autoptr(GPtrArray) first = test_entries("a", "A one.", "b", "B one.", "c", "C one.", NULL);
	g_autoptr(GPtrArray) second = test_entries("b", "B two.", "d", "D one.", NULL);
	g_autoptr(GPtrArray) none = g_ptr_array_new();

	test_import(c->store, first, FALSE);
	test_import(c->store, second, TRUE);
	test_assert_kb(c->store, second);
	g_assert_cmpint(test_count(c->store, "kb_entries"), ==, 2);
	if (c->scalar != NULL) {
		test_assert_snapshot_length(c, 1, "3");
		test_assert_snapshot_length(c, 2, "2");
	}

	/* replacing with nothing empties the KB */
	test_import(c->store, none, TRUE);
	g_assert_cmpint(test_count(c->store, "kb_entries"), ==, 0);
}

static void
test_record_exchanges(gpointer fixture, gconstpointer data)
{
	StoreConformance *c = fixture;
	const struct {
		const gchar *sql;
		const gchar *expected;
	} checks[] = {
	    {"SELECT min(message_count) || ',' || max(message_count) FROM conversations", "20,20"},
	    {"SELECT count(*) FROM messages WHERE role = 'user'", "1000"},
	    {"SELECT count(*) FROM messages WHERE role = 'bot' AND outcome = 'answered' AND topic_id = 'solar-price'",
	     "500"},
	    {"SELECT count(*) FROM messages WHERE role = 'bot' AND outcome = 'clarify'", "250"},
	    {"SELECT count(*) FROM messages WHERE pii_types = 'PHONE,TH_ID'", "100"},
	    {"SELECT count(*) FROM messages WHERE role = 'bot' AND duration_us = 1500", "1000"},
	    {"SELECT count(*) FROM analytics_events WHERE type = 'message' AND outcome = 'unanswered'", "250"},
	    /* the unanswered questions are the (redacted) user texts */
	    {"SELECT count(*) FROM unanswered u JOIN messages m ON m.id = u.message_id AND m.role = 'user' "
	     "AND m.text = u.text",
	     "250"},
	    /* the customer's message comes before the bot's reply */
	    {"SELECT count(*) FROM analytics_events e JOIN messages m ON m.id = e.message_id "
	     "WHERE m.created_at > e.created_at",
	     "0"},
	    /* the language the customer last wrote in: exchange 9xx of conversation 0xx */
	    {"SELECT language FROM conversations WHERE id = 'conversation-001'", "th"},
	};

	/* 100 conversations of 10 exchanges each, interleaved; a quarter unanswered */
	for (guint i = 0; i < 1000; i++) {
		g_autofree gchar *conversation_id = g_strdup_printf("conversation-%03u", i % 100);
		g_autoptr(CblueMessage) message = test_message(conversation_id, i);
		CblueOutcome outcome = i % 4 == 0   ? CBLUE_OUTCOME_UNANSWERED
				       : i % 4 == 1 ? CBLUE_OUTCOME_CLARIFY
						    : CBLUE_OUTCOME_ANSWERED;
		test_record(c->store, message, outcome, i % 10 == 0);
	}
	test_flush(c->store);
	g_assert_cmpint(test_count(c->store, "conversations"), ==, 100);
	g_assert_cmpint(test_count(c->store, "messages"), ==, 2000);
	g_assert_cmpint(test_count(c->store, "analytics_events"), ==, 1000);
	g_assert_cmpint(test_count(c->store, "unanswered"), ==, 250);
	for (guint i = 0; c->scalar != NULL && i < G_N_ELEMENTS(checks); i++)
		test_assert_scalar(c, checks[i].sql, checks[i].expected);
}

static void
test_record_duplicate(gpointer fixture, gconstpointer data)
{
	StoreConformance *c = fixture;
	g_autoptr(CblueMessage) message = test_message("conversation", 1);

	/* a re-delivered job records the same message twice, in one batch and in two */
	test_record(c->store, message, CBLUE_OUTCOME_UNANSWERED, FALSE);
	test_record(c->store, message, CBLUE_OUTCOME_UNANSWERED, FALSE);
	test_flush(c->store);
	test_record(c->store, message, CBLUE_OUTCOME_UNANSWERED, FALSE);
	test_flush(c->store);
	g_assert_cmpint(test_count(c->store, "conversations"), ==, 1);
	g_assert_cmpint(test_count(c->store, "messages"), ==, 2);
	g_assert_cmpint(test_count(c->store, "analytics_events"), ==, 1);
	g_assert_cmpint(test_count(c->store, "unanswered"), ==, 1);
}

/* small talk ("hi", "thanks") is recorded as an unanswered exchange, but it is no question
 * for the unanswered inbox */
static void
test_record_small_talk(gpointer fixture, gconstpointer data)
{
	StoreConformance *c = fixture;

	for (guint i = 0; i < 4; i++) {
		g_autoptr(CblueMessage) message = test_message("conversation", i);
		g_autoptr(CblueChatReply) reply = cblue_chat_reply_new();
		cblue_chat_reply_set_conversation_id(reply, "conversation");
		cblue_chat_reply_set_message_id(reply, cblue_message_get_message_id(message));
		cblue_chat_reply_set_language(reply, "en");
		cblue_chat_reply_set_outcome(reply, CBLUE_OUTCOME_UNANSWERED);
		cblue_chat_reply_set_text(reply, i < 3 ? "Hello! How can I help you today?" : "Sorry, I don't know.");
		cblue_chat_reply_set_confidence(reply, 1.0);
		cblue_chat_reply_set_small_talk(reply, i < 3);
		cblue_store_record_exchange(c->store, message, reply);
	}
	test_flush(c->store);
	g_assert_cmpint(test_count(c->store, "messages"), ==, 8);
	if (c->scalar != NULL)
		test_assert_scalar(c, "SELECT count(*) FROM messages WHERE role = 'bot' AND outcome = 'unanswered'",
				   "4");
	g_assert_cmpint(test_count(c->store, "unanswered"), ==, 1);
}

/* a shutdown writes what is queued before it returns */
static void
test_shutdown_flushes(gpointer fixture, gconstpointer data)
{
	StoreConformance *c = fixture;

	for (guint i = 0; i < 300; i++) {
		g_autoptr(CblueMessage) message = test_message("conversation-s", i);
		test_record(c->store, message, i % 2 == 0 ? CBLUE_OUTCOME_UNANSWERED : CBLUE_OUTCOME_ANSWERED, FALSE);
	}
	c->close(c);
	/* seen from outside, before anything is opened again */
	if (c->scalar != NULL) {
		test_assert_scalar(c, "SELECT count(*) FROM messages", "600");
		test_assert_scalar(c, "SELECT message_count FROM conversations", "600");
		test_assert_scalar(c, "SELECT count(*) FROM unanswered", "150");
	}
	c->open(c);
	g_assert_cmpint(test_count(c->store, "messages"), ==, 600);
	g_assert_cmpint(test_count(c->store, "unanswered"), ==, 150);
}

static void
test_check_count(gpointer fixture, gconstpointer data)
{
	StoreConformance *c = fixture;
	const gchar *tables[] = {"kb_entries", "kb_versions", "conversations", "messages", "analytics_events",
				 "unanswered", "feedback",    "users",	       "api_tokens", "audit_log"};
	const gchar *bad[] = {"sqlite_master", "schema_migrations", "messages; DROP TABLE messages", "MESSAGES", ""};
	g_autoptr(GError) error = NULL;

	g_assert_true(cblue_store_check(c->store, &error));
	g_assert_no_error(error);
	for (guint i = 0; i < G_N_ELEMENTS(tables); i++)
		g_assert_cmpint(test_count(c->store, tables[i]), ==, 0);
	for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
		g_test_message("%s", bad[i]);
		g_assert_cmpint(cblue_store_count(c->store, bad[i], &error), ==, -1);
		g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
		g_clear_error(&error);
	}
}

/* the history served to a visitor, and feedback on its replies */
static void
test_conversation_and_feedback(gpointer fixture, gconstpointer data)
{
	StoreConformance *c = fixture;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = NULL;
	g_autoptr(JsonNode) last = NULL;
	g_autoptr(JsonNode) missing = NULL;
	JsonArray *messages;
	const gchar *first_id = NULL;

	for (guint i = 0; i < 3; i++) {
		g_autoptr(CblueMessage) message = test_message("conv-h", i);
		if (i == 0)
			first_id = g_intern_string(cblue_message_get_message_id(message));
		test_record(c->store, message, i == 1 ? CBLUE_OUTCOME_UNANSWERED : CBLUE_OUTCOME_ANSWERED, FALSE);
	}
	{
		g_autoptr(CblueMessage) other = test_message("conv-other", 9);
		test_record(c->store, other, CBLUE_OUTCOME_ANSWERED, FALSE);
	}
	test_flush(c->store);

	node = cblue_store_get_conversation(c->store, "conv-h", 0, &error);
	g_assert_no_error(error);
	messages = json_node_get_array(node);
	g_assert_cmpuint(json_array_get_length(messages), ==, 6);
	for (guint i = 0; i < 6; i++) {
		JsonObject *obj = json_array_get_object_element(messages, i);
		g_assert_cmpstr(json_object_get_string_member(obj, "role"), ==, i % 2 == 0 ? "user" : "bot");
		g_assert_true(g_regex_match_simple("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$",
						   json_object_get_string_member(obj, "created_at"), 0, 0));
	}
	/* a bot message carries the id of the message it answers, the one feedback names */
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(messages, 0), "message_id"), ==,
			first_id);
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(messages, 1), "message_id"), ==,
			first_id);
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(messages, 0), "text"), ==,
			"question 0 from [TH_ID]");
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(messages, 1), "topic_id"), ==,
			"solar-price");
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(messages, 3), "outcome"), ==,
			"unanswered");
	g_assert_true(json_object_get_null_member(json_array_get_object_element(messages, 3), "topic_id"));

	/* the most recent messages only, still oldest first */
	last = cblue_store_get_conversation(c->store, "conv-h", 2, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(json_array_get_length(json_node_get_array(last)), ==, 2);
	g_assert_cmpstr(
	    json_object_get_string_member(json_array_get_object_element(json_node_get_array(last), 0), "text"), ==,
	    "question 2 from [TH_ID]");

	missing = cblue_store_get_conversation(c->store, "conv-none", 0, &error);
	g_assert_null(missing);
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND);
	g_clear_error(&error);

	/* a second rating of the same message replaces the first */
	g_assert_true(cblue_store_record_feedback(c->store, "conv-h", first_id, "up", &error));
	g_assert_no_error(error);
	g_assert_true(cblue_store_record_feedback(c->store, "conv-h", first_id, "down", &error));
	g_assert_no_error(error);
	g_assert_cmpint(test_count(c->store, "feedback"), ==, 1);
	g_assert_false(cblue_store_record_feedback(c->store, "conv-h", first_id, "meh", &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
}

void
store_conformance_add_tests(const gchar *prefix, gsize fixture_size, GTestFixtureFunc setup,
			    GTestFixtureFunc teardown)
{
	static const struct {
		const gchar *path;
		GTestFixtureFunc func;
	} tests[] = {
	    {"reopen", test_reopen},
	    {"kb/round-trip", test_kb_round_trip},
	    {"kb/merge", test_kb_merge},
	    {"kb/replace-all", test_kb_replace_all},
	    {"record/exchanges", test_record_exchanges},
	    {"record/duplicate", test_record_duplicate},
	    {"record/small-talk", test_record_small_talk},
	    {"record/shutdown-flushes", test_shutdown_flushes},
	    {"check-count", test_check_count},
	    {"conversation-feedback", test_conversation_and_feedback},
	};

	for (guint i = 0; i < G_N_ELEMENTS(tests); i++) {
		g_autofree gchar *path = g_strconcat(prefix, "/", tests[i].path, NULL);
		g_test_add_vtable(path, fixture_size, NULL, setup, tests[i].func, teardown);
	}
}
