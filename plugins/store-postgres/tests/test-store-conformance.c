/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <unistd.h>

#include "cblue.h"

/*
 * The store contract, run against one backend: `CBLUE_TEST_STORE=sqlite` (a file in a
 * temp dir) or `CBLUE_TEST_STORE=postgres` with `CBLUE_TEST_DATABASE_URL` naming a server
 * on which each test case creates (and drops) a database of its own. Started by
 * tests/integration/test_store_postgres.py, which provides the server; run alone without
 * PostgreSQL, the postgres backend is skipped (exit 77).
 *
 * The store is reached the way the daemon reaches it: the plugin loader opens the module
 * from CBLUE_PLUGIN_PATH and sets it up, and the test uses the extension it registered.
 */

G_DEFINE_AUTOPTR_CLEANUP_FUNC(PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(PGresult, PQclear)

static gboolean postgres;
static const gchar *base_url;

typedef struct {
	gchar *dir;	     /* owned: the data directory */
	gchar *dbname;	     /* owned, nullable: postgres only */
	gchar *url;	     /* owned, nullable: postgres only */
	CblueContext *ctx;   /* owned, nullable */
	CbluePluginLoader *loader; /* owned, nullable */
	CblueStore *store;   /* borrowed from ctx */
} Fixture;

static void
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

/* a statement on the server of the test, outside the store; constant SQL only */
static gchar *
test_pg_scalar(const gchar *url, const gchar *sql)
{
	g_autoptr(PGconn) conn = PQconnectdb(url);
	g_autoptr(PGresult) res = NULL;

	g_assert_cmpint(PQstatus(conn), ==, CONNECTION_OK);
	res = PQexec(conn, sql);
	if (PQresultStatus(res) != PGRES_TUPLES_OK && PQresultStatus(res) != PGRES_COMMAND_OK)
		g_error("%s: %s", sql, PQresultErrorMessage(res));
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) == 0)
		return NULL;
	return g_strdup(PQgetvalue(res, 0, 0));
}

static void
fixture_open(Fixture *f)
{
	g_autoptr(CblueConfig) config = cblue_config_new();
	g_autoptr(GError) error = NULL;

	g_assert_null(f->loader);
	cblue_config_set_string(config, "core", "data_dir", f->dir);
	if (postgres)
		cblue_config_set_string(config, "store", "url", f->url);
	f->ctx = cblue_context_new(config);
	f->loader = cblue_plugin_loader_new(f->ctx);
	cblue_plugin_loader_add_name_filter(f->loader, postgres ? "store-postgres" : "store-sqlite");
	g_assert_true(cblue_plugin_loader_load(f->loader, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(cblue_plugin_loader_get_plugins(f->loader)->len, ==, 1);
	g_assert_true(cblue_plugin_loader_setup_sync(f->loader, NULL, &error));
	g_assert_no_error(error);
	f->store = cblue_context_get_extension(f->ctx, CBLUE_TYPE_STORE);
	g_assert_true(CBLUE_IS_STORE(f->store));
	g_assert_cmpstr(cblue_context_get_extension_plugin(f->ctx, G_OBJECT(f->store)), ==,
			postgres ? "store-postgres" : "store-sqlite");
}

/* shuts the plugin down (which must flush) and drops the context */
static void
fixture_close(Fixture *f)
{
	g_autoptr(GError) error = NULL;

	if (f->loader == NULL)
		return;
	g_assert_true(cblue_plugin_loader_shutdown_sync(f->loader, NULL, &error));
	g_assert_no_error(error);
	f->store = NULL;
	g_clear_object(&f->loader);
	g_clear_object(&f->ctx);
}

static void
fixture_setup(Fixture *f, gconstpointer data)
{
	static guint serial = 0;
	g_autoptr(GError) error = NULL;

	f->dir = g_dir_make_tmp(NULL, &error);
	g_assert_no_error(error);
	if (postgres) {
		const gchar *slash = strrchr(base_url, '/');
		g_autofree gchar *sql = NULL;
		g_autofree gchar *ignored = NULL;
		f->dbname = g_strdup_printf("cblue_conformance_%d_%u", (gint)getpid(), serial++);
		sql = g_strdup_printf("CREATE DATABASE %s", f->dbname);
		ignored = test_pg_scalar(base_url, sql);
		f->url = g_strdup_printf("%.*s/%s", (gint)(slash - base_url), base_url, f->dbname);
	}
	fixture_open(f);
}

static void
fixture_teardown(Fixture *f, gconstpointer data)
{
	fixture_close(f);
	if (f->dbname != NULL) {
		g_autofree gchar *sql = g_strdup_printf("DROP DATABASE %s WITH (FORCE)", f->dbname);
		g_autofree gchar *ignored = test_pg_scalar(base_url, sql);
	}
	test_rm_rf(f->dir);
	g_free(f->dir);
	g_free(f->dbname);
	g_free(f->url);
}

static gint64
test_count(CblueStore *store, const gchar *table)
{
	g_autoptr(GError) error = NULL;
	gint64 n = cblue_store_count(store, table, &error);
	g_assert_no_error(error);
	return n;
}

static CblueKbEntry *
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

/* @first: the first of pairs of topic id and content, NULL-terminated */
static GPtrArray *
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

static gchar *
test_load_json(CblueStore *store)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueKb) kb = cblue_store_load_kb(store, &error);
	g_assert_no_error(error);
	g_assert_nonnull(kb);
	return cblue_kb_to_json(kb, TRUE);
}

static gchar *
test_entries_json(GPtrArray *entries)
{
	g_autoptr(GPtrArray) sorted = g_ptr_array_copy(entries, (GCopyFunc)(void (*)(void))g_object_ref, NULL);
	g_ptr_array_set_free_func(sorted, g_object_unref);
	g_ptr_array_sort(sorted, test_entry_cmp);
	return cblue_kb_entries_to_json(sorted, TRUE);
}

/* the store's KB is @expected, entry for entry */
static void
test_assert_kb(CblueStore *store, GPtrArray *expected)
{
	g_autofree gchar *expected_json = test_entries_json(expected);
	g_autofree gchar *loaded = test_load_json(store);
	g_assert_cmpstr(loaded, ==, expected_json);
}

static void
test_import(CblueStore *store, GPtrArray *entries, gboolean replace_all)
{
	g_autoptr(GError) error = NULL;
	g_assert_true(cblue_store_import_kb(store, entries, replace_all, &error));
	g_assert_no_error(error);
}

static void
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

static void
test_record(CblueStore *store, CblueMessage *message, CblueOutcome outcome, gboolean pii)
{
	test_record_text(store, message, outcome, pii, NULL);
}

static CblueMessage *
test_message(const gchar *conversation_id, guint i)
{
	g_autofree gchar *text = g_strdup_printf("question %u from [TH_ID]", i);
	CblueMessage *message = cblue_message_new(text);
	cblue_message_set_conversation_id(message, conversation_id);
	cblue_message_set_language(message, i % 2 == 0 ? "en" : "th");
	return message;
}

static void
test_flush(CblueStore *store)
{
	g_autoptr(GError) error = NULL;
	g_assert_true(cblue_store_flush(store, &error));
	g_assert_no_error(error);
}

/* opening again migrates nothing and finds the same data */
static void
test_reopen(Fixture *f, gconstpointer data)
{
	g_autoptr(GPtrArray) entries = test_entries("a", "A one.", NULL);
	g_autofree gchar *applied = NULL;
	g_autofree gchar *applied2 = NULL;

	g_assert_cmpint(test_count(f->store, "kb_entries"), ==, 0);
	test_import(f->store, entries, FALSE);
	if (postgres)
		applied = test_pg_scalar(f->url, "SELECT string_agg(version || ':' || applied_at, ',' ORDER BY version) "
						 "FROM schema_migrations");
	fixture_close(f);
	fixture_open(f);
	test_assert_kb(f->store, entries);
	if (postgres) {
		applied2 = test_pg_scalar(f->url, "SELECT string_agg(version || ':' || applied_at, ',' ORDER BY "
						  "version) FROM schema_migrations");
		g_assert_cmpstr(applied, ==, applied2);
	}
}

static void
test_kb_round_trip(Fixture *f, gconstpointer data)
{
	g_autoptr(GPtrArray) entries = test_entries("solar-price", "A 5 kW system costs 150,000 THB.", "ev-charger",
						    "A wallbox costs 30,000 THB.", NULL);

	test_import(f->store, entries, FALSE);
	test_assert_kb(f->store, entries);
	g_assert_cmpint(test_count(f->store, "kb_entries"), ==, 2);
	g_assert_cmpint(test_count(f->store, "kb_versions"), ==, 1);
}

static void
test_kb_merge(Fixture *f, gconstpointer data)
{
	g_autoptr(GPtrArray) first = test_entries("a", "A one.", "b", "B one.", NULL);
	g_autoptr(GPtrArray) second = test_entries("b", "B two.", "c", "C one.", NULL);
	g_autoptr(GPtrArray) expected = test_entries("a", "A one.", "b", "B two.", "c", "C one.", NULL);

	test_import(f->store, first, FALSE);
	test_import(f->store, second, FALSE);
	test_assert_kb(f->store, expected);
	g_assert_cmpint(test_count(f->store, "kb_versions"), ==, 2);
	if (postgres) {
		/* an unchanged entry keeps the version of the import that last changed it */
		g_autofree gchar *versions =
		    test_pg_scalar(f->url, "SELECT string_agg(topic_id || version, ',' ORDER BY topic_id) FROM kb_entries");
		g_autofree gchar *snapshot =
		    test_pg_scalar(f->url, "SELECT jsonb_array_length(snapshot) FROM kb_versions WHERE version = 2");
		g_assert_cmpstr(versions, ==, "a1,b2,c2");
		g_assert_cmpstr(snapshot, ==, "3");
	}
}

static void
test_kb_replace_all(Fixture *f, gconstpointer data)
{
	g_autoptr(GPtrArray) first = test_entries("a", "A one.", "b", "B one.", "c", "C one.", NULL);
	g_autoptr(GPtrArray) second = test_entries("b", "B two.", "d", "D one.", NULL);

	test_import(f->store, first, FALSE);
	test_import(f->store, second, TRUE);
	test_assert_kb(f->store, second);
	g_assert_cmpint(test_count(f->store, "kb_entries"), ==, 2);
}

/* an entry the database refuses, after one already updated: nothing changes */
static void
test_kb_import_rollback(Fixture *f, gconstpointer data)
{
	g_autoptr(GPtrArray) first = test_entries("a", "A one.", "b", "B one.", NULL);
	g_autoptr(GPtrArray) poisoned = test_entries("a", "A two.", "poison", "Bad.", NULL);
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;
	g_autofree gchar *ignored = NULL;
	g_autoptr(GError) error = NULL;

	if (!postgres) {
		g_test_skip("store-sqlite has its own trigger tests");
		return;
	}
	test_import(f->store, first, FALSE);
	before = test_load_json(f->store);
	ignored = test_pg_scalar(f->url,
				 "CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
				 "RAISE EXCEPTION 'poisoned entry' USING ERRCODE = 'check_violation'; END $$; "
				 "CREATE TRIGGER poison BEFORE INSERT ON kb_entries FOR EACH ROW "
				 "WHEN (NEW.topic_id = 'poison') EXECUTE FUNCTION poison()");
	g_assert_false(cblue_store_import_kb(f->store, poisoned, TRUE, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_assert_nonnull(strstr(error->message, "poisoned entry"));
	after = test_load_json(f->store);
	g_assert_cmpstr(after, ==, before);
	g_assert_cmpint(test_count(f->store, "kb_versions"), ==, 1);
}

static void
test_record_exchanges(Fixture *f, gconstpointer data)
{
	/* 100 conversations of 10 exchanges each, interleaved; a quarter unanswered */
	for (guint i = 0; i < 1000; i++) {
		g_autofree gchar *conversation_id = g_strdup_printf("conversation-%03u", i % 100);
		g_autoptr(CblueMessage) message = test_message(conversation_id, i);
		CblueOutcome outcome = i % 4 == 0   ? CBLUE_OUTCOME_UNANSWERED
				       : i % 4 == 1 ? CBLUE_OUTCOME_CLARIFY
						    : CBLUE_OUTCOME_ANSWERED;
		test_record(f->store, message, outcome, i % 10 == 0);
	}
	test_flush(f->store);
	g_assert_cmpint(test_count(f->store, "conversations"), ==, 100);
	g_assert_cmpint(test_count(f->store, "messages"), ==, 2000);
	g_assert_cmpint(test_count(f->store, "analytics_events"), ==, 1000);
	g_assert_cmpint(test_count(f->store, "unanswered"), ==, 250);
	if (postgres) {
		const struct {
			const gchar *sql;
			const gchar *expected;
		} checks[] = {
		    {"SELECT min(message_count) || ',' || max(message_count) FROM conversations", "20,20"},
		    {"SELECT count(*) FROM messages WHERE role = 'bot' AND outcome = 'answered' "
		     "AND topic_id = 'solar-price'",
		     "500"},
		    {"SELECT count(*) FROM messages WHERE pii_types = 'PHONE,TH_ID'", "100"},
		    {"SELECT count(*) FROM messages WHERE role = 'bot' AND duration_us = 1500", "1000"},
		    {"SELECT count(*) FROM unanswered u JOIN messages m ON m.id = u.message_id AND m.role = 'user' "
		     "AND m.text = u.text",
		     "250"},
		    {"SELECT count(*) FROM analytics_events e JOIN messages m ON m.id = e.message_id "
		     "WHERE m.created_at > e.created_at",
		     "0"},
		    /* the language the customer last wrote in: exchange 9xx of conversation 0xx */
		    {"SELECT language FROM conversations WHERE id = 'conversation-001'", "th"},
		};
		for (guint i = 0; i < G_N_ELEMENTS(checks); i++) {
			g_autofree gchar *value = test_pg_scalar(f->url, checks[i].sql);
			g_test_message("%s", checks[i].sql);
			g_assert_cmpstr(value, ==, checks[i].expected);
		}
	}
}

static void
test_record_duplicate(Fixture *f, gconstpointer data)
{
	g_autoptr(CblueMessage) message = test_message("conversation", 1);

	/* a re-delivered job records the same message twice, in one batch and in two */
	test_record(f->store, message, CBLUE_OUTCOME_UNANSWERED, FALSE);
	test_record(f->store, message, CBLUE_OUTCOME_UNANSWERED, FALSE);
	test_flush(f->store);
	test_record(f->store, message, CBLUE_OUTCOME_UNANSWERED, FALSE);
	test_flush(f->store);
	g_assert_cmpint(test_count(f->store, "conversations"), ==, 1);
	g_assert_cmpint(test_count(f->store, "messages"), ==, 2);
	g_assert_cmpint(test_count(f->store, "analytics_events"), ==, 1);
	g_assert_cmpint(test_count(f->store, "unanswered"), ==, 1);
}

static void
test_shutdown_flushes(Fixture *f, gconstpointer data)
{
	for (guint i = 0; i < 300; i++) {
		g_autoptr(CblueMessage) message = test_message("conversation-s", i);
		test_record(f->store, message, CBLUE_OUTCOME_ANSWERED, FALSE);
	}
	fixture_close(f);
	fixture_open(f);
	g_assert_cmpint(test_count(f->store, "messages"), ==, 600);
}

static void
test_check_count(Fixture *f, gconstpointer data)
{
	g_autoptr(GError) error = NULL;
	const gchar *tables[] = {"kb_entries", "kb_versions", "conversations", "messages", "analytics_events",
				 "unanswered", "feedback",    "users",	       "api_tokens", "audit_log"};

	g_assert_true(cblue_store_check(f->store, &error));
	g_assert_no_error(error);
	for (guint i = 0; i < G_N_ELEMENTS(tables); i++)
		g_assert_cmpint(test_count(f->store, tables[i]), ==, 0);
	g_assert_cmpint(cblue_store_count(f->store, "messages; DROP TABLE messages", &error), ==, -1);
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
}

static void
test_conversation_and_feedback(Fixture *f, gconstpointer data)
{
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
		test_record(f->store, message, i == 1 ? CBLUE_OUTCOME_UNANSWERED : CBLUE_OUTCOME_ANSWERED, FALSE);
	}
	{
		g_autoptr(CblueMessage) other = test_message("conv-other", 9);
		test_record(f->store, other, CBLUE_OUTCOME_ANSWERED, FALSE);
	}
	test_flush(f->store);

	node = cblue_store_get_conversation(f->store, "conv-h", 0, &error);
	g_assert_no_error(error);
	messages = json_node_get_array(node);
	g_assert_cmpuint(json_array_get_length(messages), ==, 6);
	for (guint i = 0; i < 6; i++) {
		JsonObject *obj = json_array_get_object_element(messages, i);
		g_assert_cmpstr(json_object_get_string_member(obj, "role"), ==, i % 2 == 0 ? "user" : "bot");
		g_assert_true(g_regex_match_simple("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$",
						   json_object_get_string_member(obj, "created_at"), 0, 0));
	}
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

	last = cblue_store_get_conversation(f->store, "conv-h", 2, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(json_array_get_length(json_node_get_array(last)), ==, 2);
	g_assert_cmpstr(
	    json_object_get_string_member(json_array_get_object_element(json_node_get_array(last), 0), "text"), ==,
	    "question 2 from [TH_ID]");

	missing = cblue_store_get_conversation(f->store, "conv-none", 0, &error);
	g_assert_null(missing);
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND);
	g_clear_error(&error);

	g_assert_true(cblue_store_record_feedback(f->store, "conv-h", first_id, "up", &error));
	g_assert_no_error(error);
	g_assert_true(cblue_store_record_feedback(f->store, "conv-h", first_id, "down", &error));
	g_assert_no_error(error);
	g_assert_cmpint(test_count(f->store, "feedback"), ==, 1);
}

/* quotes, backslashes, braces, commas, the word NULL and SQL in ids and texts are data */
static void
test_parameterized(Fixture *f, gconstpointer data)
{
	const gchar *evil[] = {
	    "it's'); DROP TABLE messages; --",
	    "\"quoted\" \\ back\\slash {braces},commas",
	    "NULL",
	    "'; DROP TABLE kb_entries; SELECT '",
	    "ราคา'เท่าไหร่ \"多少钱\"",
	};
	g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func(g_object_unref);
	g_autoptr(GError) error = NULL;

	/* topic ids are validated (letters, digits, `-_.`); every other field is free text */
	for (guint i = 0; i < G_N_ELEMENTS(evil); i++) {
		g_autofree gchar *topic_id = g_strdup_printf("topic-%u", i);
		CblueKbEntry *entry = test_entry(topic_id, evil[i]);
		cblue_kb_entry_set_category(entry, evil[(i + 1) % G_N_ELEMENTS(evil)]);
		cblue_kb_entry_add_question(entry, "en", evil[(i + 2) % G_N_ELEMENTS(evil)]);
		g_ptr_array_add(entries, entry);
	}
	test_import(f->store, entries, TRUE);
	test_assert_kb(f->store, entries);

	for (guint i = 0; i < G_N_ELEMENTS(evil); i++) {
		g_autoptr(CblueMessage) message = cblue_message_new(evil[i]);
		g_autoptr(JsonNode) node = NULL;
		JsonArray *messages;
		cblue_message_set_conversation_id(message, evil[(i + 2) % G_N_ELEMENTS(evil)]);
		test_record_text(f->store, message, CBLUE_OUTCOME_UNANSWERED, FALSE, evil[(i + 3) % G_N_ELEMENTS(evil)]);
		test_flush(f->store);
		node = cblue_store_get_conversation(f->store, evil[(i + 2) % G_N_ELEMENTS(evil)], 0, &error);
		g_assert_no_error(error);
		messages = json_node_get_array(node);
		g_assert_cmpuint(json_array_get_length(messages), ==, 2);
		g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(messages, 0), "text"), ==,
				evil[i]);
		g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(messages, 1), "text"), ==,
				evil[(i + 3) % G_N_ELEMENTS(evil)]);
		g_assert_true(cblue_store_record_feedback(f->store, evil[(i + 2) % G_N_ELEMENTS(evil)], evil[i], "up",
							  &error));
		g_assert_no_error(error);
	}
	/* every table is still there, with every row */
	g_assert_cmpint(test_count(f->store, "kb_entries"), ==, G_N_ELEMENTS(evil));
	g_assert_cmpint(test_count(f->store, "messages"), ==, 2 * G_N_ELEMENTS(evil));
	g_assert_cmpint(test_count(f->store, "unanswered"), ==, G_N_ELEMENTS(evil));
	g_assert_cmpint(test_count(f->store, "feedback"), ==, G_N_ELEMENTS(evil));
}

/* the embedding cache: a round trip of the float32 bytes, replaced by topic */
static void
test_embeddings(Fixture *f, gconstpointer data)
{
	g_autoptr(GPtrArray) save = g_ptr_array_new_with_free_func(g_object_unref);
	g_autoptr(GPtrArray) loaded = NULL;
	g_autoptr(GPtrArray) other = NULL;
	g_autoptr(GError) error = NULL;
	const gfloat a[] = {0.25f, -1.5f, 3.0f, 0.0f, 1.0f, 2.0f};
	const gfloat b[] = {9.0f, 8.0f, 7.0f};
	g_autoptr(GBytes) va = g_bytes_new(a, sizeof(a));
	g_autoptr(GBytes) vb = g_bytes_new(b, sizeof(b));

	g_ptr_array_add(save, cblue_embedding_new("topic-a", "hash-a", 3, va));
	g_ptr_array_add(save, cblue_embedding_new("topic-b", "hash-b", 3, vb));
	g_assert_true(cblue_store_save_embeddings(f->store, "model-1", save, &error));
	g_assert_no_error(error);
	/* a changed entry replaces its row */
	g_ptr_array_set_size(save, 0);
	g_ptr_array_add(save, cblue_embedding_new("topic-b", "hash-b2", 3, va));
	g_assert_true(cblue_store_save_embeddings(f->store, "model-1", save, &error));
	g_assert_no_error(error);

	loaded = cblue_store_load_embeddings(f->store, "model-1", &error);
	g_assert_no_error(error);
	g_assert_cmpuint(loaded->len, ==, 2);
	for (guint i = 0; i < loaded->len; i++) {
		CblueEmbedding *embedding = g_ptr_array_index(loaded, i);
		g_assert_cmpuint(cblue_embedding_get_dimensions(embedding), ==, 3);
		g_assert_true(g_bytes_equal(cblue_embedding_get_vectors(embedding), va));
		g_assert_cmpstr(cblue_embedding_get_content_hash(embedding), ==,
				g_strcmp0(cblue_embedding_get_topic_id(embedding), "topic-a") == 0 ? "hash-a" : "hash-b2");
	}
	other = cblue_store_load_embeddings(f->store, "model-2", &error);
	g_assert_no_error(error);
	g_assert_cmpuint(other->len, ==, 0);
}

/* console users, sessions, API tokens and the audit log */
static void
test_admin_accounts(Fixture *f, gconstpointer data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) user = NULL;
	g_autoptr(JsonNode) users = NULL;
	g_autoptr(JsonNode) session = NULL;
	g_autoptr(JsonNode) token = NULL;
	g_autoptr(JsonNode) tokens = NULL;
	g_autoptr(JsonNode) audit = NULL;
	gint64 expires = g_get_real_time() / G_USEC_PER_SEC + 3600;
	gint64 token_id;

	g_assert_true(cblue_store_user_add(f->store, "ann'; DROP TABLE users; --", "admin", "hash-1", &error));
	g_assert_no_error(error);
	g_assert_false(cblue_store_user_add(f->store, "ann'; DROP TABLE users; --", "viewer", "hash-2", &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_CONFLICT);
	g_clear_error(&error);
	g_assert_true(cblue_store_user_add(f->store, "bob", "viewer", "hash-3", &error));
	g_assert_no_error(error);
	user = cblue_store_user_get(f->store, "ann'; DROP TABLE users; --", &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(user), "role"), ==, "admin");
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(user), "password_hash"), ==, "hash-1");
	g_assert_false(json_object_get_boolean_member(json_node_get_object(user), "disabled"));
	users = cblue_store_user_list(f->store, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(json_array_get_length(json_node_get_array(users)), ==, 2);

	/* a session, then a new password ends it */
	g_assert_true(cblue_store_session_create(f->store, "session-hash", "bob", "csrf-1", expires, &error));
	g_assert_no_error(error);
	session = cblue_store_session_get(f->store, "session-hash", 600, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(session), "user"), ==, "bob");
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(session), "csrf_token"), ==, "csrf-1");
	g_assert_true(cblue_store_user_update(f->store, "bob", NULL, "hash-4", -1, &error));
	g_assert_no_error(error);
	g_assert_null(cblue_store_session_get(f->store, "session-hash", 600, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_AUTH_FAILED);
	g_clear_error(&error);
	g_assert_false(cblue_store_user_update(f->store, "nobody", "admin", NULL, -1, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND);
	g_clear_error(&error);

	/* tokens: valid until revoked */
	token_id = cblue_store_token_create(f->store, "bob", "script", "token-hash", &error);
	g_assert_no_error(error);
	g_assert_cmpint(token_id, >, 0);
	token = cblue_store_token_get(f->store, "token-hash", &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(token), "id"), ==, token_id);
	tokens = cblue_store_token_list(f->store, "bob", &error);
	g_assert_no_error(error);
	g_assert_cmpuint(json_array_get_length(json_node_get_array(tokens)), ==, 1);
	g_assert_true(cblue_store_token_delete(f->store, token_id, "bob", &error));
	g_assert_no_error(error);
	g_assert_null(cblue_store_token_get(f->store, "token-hash", &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_AUTH_FAILED);
	g_clear_error(&error);

	g_assert_true(cblue_store_audit_append(f->store, "ann", "user.add", "bob", "{\"role\":\"viewer\"}", &error));
	g_assert_no_error(error);
	g_assert_true(cblue_store_audit_append(f->store, "ann", "token.delete", "1", NULL, &error));
	g_assert_no_error(error);
	audit = cblue_store_audit_list(f->store, 0, 1, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(audit), "total"), ==, 2);
	g_assert_cmpuint(json_array_get_length(json_object_get_array_member(json_node_get_object(audit), "entries")), ==,
			 1);
	g_assert_cmpstr(json_object_get_string_member(
			    json_array_get_object_element(json_object_get_array_member(json_node_get_object(audit), "entries"), 0),
			    "action"),
			==, "token.delete");
	g_assert_true(cblue_store_user_delete(f->store, "bob", &error));
	g_assert_no_error(error);
	g_assert_cmpint(test_count(f->store, "users"), ==, 1);
}

static JsonNode *
test_change(const gchar *op, const gchar *topic_id, const gchar *content, gint64 revision)
{
	g_autoptr(CblueKbEntry) entry = test_entry(topic_id, content);
	g_autoptr(JsonBuilder) builder = json_builder_new();

	json_builder_begin_array(builder);
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "op");
	json_builder_add_string_value(builder, op);
	json_builder_set_member_name(builder, "entry");
	json_builder_add_value(builder, cblue_kb_entry_to_json(entry));
	json_builder_set_member_name(builder, "revision");
	json_builder_add_int_value(builder, revision);
	json_builder_end_object(builder);
	json_builder_end_array(builder);
	return json_builder_get_root(builder);
}

/* the console's drafts, optimistic concurrency and publishing */
static void
test_admin_drafts_publish(Fixture *f, gconstpointer data)
{
	g_autoptr(GPtrArray) entries = test_entries("a", "A one.", NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) create = test_change("create", "b", "B one.", -1);
	g_autoptr(JsonNode) update = NULL;
	g_autoptr(JsonNode) stale = NULL;
	g_autoptr(JsonNode) saved = NULL;
	g_autoptr(JsonNode) working = NULL;
	g_autoptr(JsonNode) published = NULL;
	g_autoptr(JsonNode) versions = NULL;
	g_autoptr(JsonNode) snapshot = NULL;
	g_autoptr(JsonNode) after = NULL;
	g_autoptr(CblueKb) kb = NULL;
	JsonObject *obj;

	test_import(f->store, entries, FALSE);
	saved = cblue_store_kb_save_drafts(f->store, create, "ann", &error);
	g_assert_no_error(error);
	obj = json_array_get_object_element(json_node_get_array(saved), 0);
	g_assert_cmpstr(json_object_get_string_member(obj, "status"), ==, "draft");
	g_assert_cmpint(json_object_get_int_member(obj, "revision"), ==, 1);
	g_assert_cmpstr(json_object_get_string_member(obj, "updated_by"), ==, "ann");

	/* an update of the published entry needs its revision */
	update = test_change("update", "a", "A two.", 1);
	g_clear_pointer(&saved, json_node_unref);
	saved = cblue_store_kb_save_drafts(f->store, update, "ann", &error);
	g_assert_no_error(error);
	stale = test_change("update", "a", "A three.", 1);
	g_assert_null(cblue_store_kb_save_drafts(f->store, stale, "bob", &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_CONFLICT);
	g_clear_error(&error);
	working = cblue_store_kb_list_working(f->store, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(json_array_get_length(json_node_get_array(working)), ==, 2);
	/* drafts do not touch the published KB */
	g_assert_cmpint(test_count(f->store, "kb_entries"), ==, 1);

	published = cblue_store_kb_publish(f->store, "ann", "first publish", NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(published), "version"), ==, 2);
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(published), "entries"), ==, 2);
	kb = cblue_store_load_kb(f->store, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(cblue_kb_get_size(kb), ==, 2);
	after = cblue_store_kb_get_working(f->store, "a", &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(after), "status"), ==, "published");
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(after), "revision"), ==, 2);

	versions = cblue_store_kb_list_versions(f->store, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(json_array_get_length(json_node_get_array(versions)), ==, 2);
	obj = json_array_get_object_element(json_node_get_array(versions), 0);
	g_assert_cmpint(json_object_get_int_member(obj, "version"), ==, 2);
	g_assert_cmpstr(json_object_get_string_member(obj, "comment"), ==, "first publish");
	snapshot = cblue_store_kb_get_version(f->store, 1, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(json_array_get_length(json_node_get_array(snapshot)), ==, 1);
	g_assert_null(cblue_store_kb_get_version(f->store, 99, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND);
}

static void
test_add(const gchar *path, void (*func)(Fixture *, gconstpointer))
{
	g_test_add(path, Fixture, NULL, fixture_setup, func, fixture_teardown);
}

int
main(int argc, char **argv)
{
	const gchar *backend = g_getenv("CBLUE_TEST_STORE");

	g_test_init(&argc, &argv, NULL);
	postgres = g_strcmp0(backend, "postgres") == 0;
	base_url = g_getenv("CBLUE_TEST_DATABASE_URL");
	if (postgres && (base_url == NULL || base_url[0] == '\0')) {
		g_printerr("CBLUE_TEST_DATABASE_URL is not set: no PostgreSQL to test against\n");
		return 77;
	}
	test_add("/store/reopen", test_reopen);
	test_add("/store/kb/round-trip", test_kb_round_trip);
	test_add("/store/kb/merge", test_kb_merge);
	test_add("/store/kb/replace-all", test_kb_replace_all);
	test_add("/store/kb/import-rollback", test_kb_import_rollback);
	test_add("/store/record/exchanges", test_record_exchanges);
	test_add("/store/record/duplicate", test_record_duplicate);
	test_add("/store/record/shutdown-flushes", test_shutdown_flushes);
	test_add("/store/check-count", test_check_count);
	test_add("/store/conversation-feedback", test_conversation_and_feedback);
	test_add("/store/parameterized", test_parameterized);
	test_add("/store/embeddings", test_embeddings);
	test_add("/store/admin/accounts", test_admin_accounts);
	test_add("/store/admin/drafts-publish", test_admin_drafts_publish);
	return g_test_run();
}
