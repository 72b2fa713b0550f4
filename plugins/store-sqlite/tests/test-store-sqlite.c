/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "cblue-store-sqlite-plugin.h"
#include "store-sqlite-fixture.h"

/* the store is always reached the way the daemon reaches it: a CblueContext, the plugin
 * set up through its vfuncs, then the extension it registered */

G_DEFINE_AUTOPTR_CLEANUP_FUNC(sqlite3, sqlite3_close)

typedef struct {
	gchar *dir;	     /* owned: the data directory */
	gchar *sqlite_path;  /* owned, nullable: `[store] sqlite_path` */
	CblueContext *ctx;   /* owned, nullable */
	CbluePlugin *plugin; /* owned, nullable */
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

static void
test_async_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	GAsyncResult **out = user_data;
	*out = g_object_ref(res);
}

static void
test_wait(GAsyncResult **res)
{
	while (*res == NULL)
		g_main_context_iteration(NULL, TRUE);
}

static gboolean
fixture_open(Fixture *f, GError **error)
{
	g_autoptr(CblueConfig) config = cblue_config_new();
	g_autoptr(GAsyncResult) res = NULL;

	g_assert_null(f->plugin);
	cblue_config_set_string(config, "core", "data_dir", f->dir);
	/* short, so that the lock tests see SQLITE_BUSY quickly */
	cblue_config_set_string(config, "store", "sqlite_busy_timeout_ms", "50");
	if (f->sqlite_path != NULL)
		cblue_config_set_string(config, "store", "sqlite_path", f->sqlite_path);
	f->ctx = cblue_context_new(config);
	f->plugin = g_object_new(CBLUE_TYPE_STORE_SQLITE_PLUGIN, "name", "store-sqlite", "context",
				 f->ctx, NULL);
	CBLUE_PLUGIN_GET_CLASS(f->plugin)->setup_async(f->plugin, NULL, test_async_cb, &res);
	test_wait(&res);
	if (!CBLUE_PLUGIN_GET_CLASS(f->plugin)->setup_finish(f->plugin, res, error))
		return FALSE;
	f->store = cblue_context_get_extension(f->ctx, CBLUE_TYPE_STORE);
	g_assert_true(CBLUE_IS_STORE(f->store));
	return TRUE;
}

static void
fixture_open_ok(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_assert_true(fixture_open(f, &error));
	g_assert_no_error(error);
}

/* shuts the plugin down (which must flush) and drops the context, closing the database */
static void
fixture_close(Fixture *f)
{
	g_autoptr(GAsyncResult) res = NULL;
	g_autoptr(GError) error = NULL;

	if (f->plugin == NULL)
		return;
	CBLUE_PLUGIN_GET_CLASS(f->plugin)->shutdown_async(f->plugin, NULL, test_async_cb, &res);
	test_wait(&res);
	g_assert_true(CBLUE_PLUGIN_GET_CLASS(f->plugin)->shutdown_finish(f->plugin, res, &error));
	g_assert_no_error(error);
	f->store = NULL;
	g_clear_object(&f->plugin);
	g_clear_object(&f->ctx);
}

static void
fixture_setup(Fixture *f, gconstpointer data)
{
	g_autoptr(GError) error = NULL;
	f->dir = g_dir_make_tmp(NULL, &error);
	g_assert_no_error(error);
}

static void
fixture_teardown(Fixture *f, gconstpointer data)
{
	fixture_close(f);
	/* a failed setup leaves a plugin that was never shut down */
	g_clear_object(&f->plugin);
	g_clear_object(&f->ctx);
	test_rm_rf(f->dir);
	g_free(f->dir);
	g_free(f->sqlite_path);
}

/* a second connection of our own, as another process would have */
static sqlite3 *
test_db_open(const gchar *path)
{
	sqlite3 *db = NULL;
	g_assert_cmpint(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	return db;
}

static sqlite3 *
fixture_db_open(Fixture *f)
{
	g_autofree gchar *path = g_build_filename(f->dir, "cblue.db", NULL);
	return test_db_open(path);
}

static gint64
test_db_int(sqlite3 *db, const gchar *sql)
{
	sqlite3_stmt *stmt = NULL;
	gint64 value;
	g_assert_cmpint(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
	g_assert_cmpint(sqlite3_step(stmt), ==, SQLITE_ROW);
	value = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return value;
}

static gchar *
test_db_text(sqlite3 *db, const gchar *sql)
{
	sqlite3_stmt *stmt = NULL;
	gchar *value;
	g_assert_cmpint(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
	g_assert_cmpint(sqlite3_step(stmt), ==, SQLITE_ROW);
	value = g_strdup((const gchar *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return value;
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
test_entry(const gchar *topic_id, const gchar *category, const gchar *content)
{
	CblueKbEntry *entry = cblue_kb_entry_new(topic_id);
	const gchar *keywords[] = {"solar", "โซลาร์เซลล์", "太阳能", NULL};
	cblue_kb_entry_set_category(entry, category);
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
	for (const gchar *topic_id = first; topic_id != NULL;
	     topic_id = va_arg(args, const gchar *)) {
		const gchar *content = va_arg(args, const gchar *);
		g_ptr_array_add(entries, test_entry(topic_id, "solar", content));
	}
	va_end(args);
	return entries;
}

static gint
test_entry_cmp(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(cblue_kb_entry_get_topic_id(*(CblueKbEntry *const *)a),
			 cblue_kb_entry_get_topic_id(*(CblueKbEntry *const *)b));
}

/* the KB in the store, as JSON lines in topic order */
static gchar *
test_load_json(CblueStore *store)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueKb) kb = cblue_store_load_kb(store, &error);
	g_assert_no_error(error);
	g_assert_nonnull(kb);
	return cblue_kb_to_json(kb, TRUE);
}

/* the same for entries we expect, sorted as the store returns them */
static gchar *
test_entries_json(GPtrArray *entries)
{
	g_autoptr(GPtrArray) sorted =
	    g_ptr_array_copy(entries, (GCopyFunc)(void (*)(void))g_object_ref, NULL);
	g_ptr_array_set_free_func(sorted, g_object_unref);
	g_ptr_array_sort(sorted, test_entry_cmp);
	return cblue_kb_entries_to_json(sorted, TRUE);
}

static void
test_import(CblueStore *store, GPtrArray *entries, gboolean replace_all)
{
	g_autoptr(GError) error = NULL;
	g_assert_true(cblue_store_import_kb(store, entries, replace_all, &error));
	g_assert_no_error(error);
}

static void
test_record(CblueStore *store, CblueMessage *message, CblueOutcome outcome, gboolean pii)
{
	g_autoptr(CblueChatReply) reply = cblue_chat_reply_new();

	cblue_chat_reply_set_conversation_id(reply, cblue_message_get_conversation_id(message));
	cblue_chat_reply_set_message_id(reply, cblue_message_get_message_id(message));
	cblue_chat_reply_set_language(reply, cblue_message_get_language(message));
	cblue_chat_reply_set_outcome(reply, outcome);
	if (outcome == CBLUE_OUTCOME_ANSWERED) {
		cblue_chat_reply_set_text(reply, "A 5 kW system costs 150,000–200,000 THB.");
		cblue_chat_reply_set_topic_id(reply, "solar-price");
		cblue_chat_reply_set_confidence(reply, 0.87);
	} else {
		cblue_chat_reply_set_text(reply, "Sorry, I don't know.");
		cblue_chat_reply_set_confidence(reply, 0.12);
	}
	if (pii) {
		const gchar *const types[] = {"TH_ID", "PHONE", NULL};
		cblue_chat_reply_set_pii_types(reply, types);
	}
	cblue_chat_reply_set_duration_usec(reply, 1500);
	cblue_store_record_exchange(store, message, reply);
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

static void
test_migrations(Fixture *f, gconstpointer data)
{
	const gchar *tables[] = {"schema_migrations", "kb_entries", "kb_versions",
				 "conversations",     "messages",   "analytics_events",
				 "unanswered",	      "feedback",   "users",
				 "api_tokens",	      "audit_log"};
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueKb) kb = NULL;
	g_autofree gchar *applied_at = NULL;
	g_autofree gchar *applied_at2 = NULL;
	g_autoptr(sqlite3) db = NULL;

	fixture_open_ok(f);
	kb = cblue_store_load_kb(f->store, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(cblue_kb_get_size(kb), ==, 0);
	fixture_close(f);

	db = fixture_db_open(f);
	for (guint i = 0; i < G_N_ELEMENTS(tables); i++) {
		g_autofree gchar *sql = g_strdup_printf(
		    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'",
		    tables[i]);
		g_test_message("table %s", tables[i]);
		g_assert_cmpint(test_db_int(db, sql), ==, 1);
	}
	/* every migration, numbered 1…N, applied once */
	g_assert_cmpint(test_db_int(db, "SELECT count(*) FROM schema_migrations"), >=, 2);
	g_assert_cmpint(test_db_int(db, "SELECT count(*) FROM schema_migrations"), ==,
			test_db_int(db, "SELECT max(version) FROM schema_migrations"));
	g_assert_cmpint(test_db_int(db, "SELECT min(version) FROM schema_migrations"), ==, 1);
	applied_at = test_db_text(db, "SELECT applied_at FROM schema_migrations WHERE version = 1");
	g_assert_true(g_regex_match_simple("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$",
					   applied_at, 0, 0));
	g_clear_pointer(&db, sqlite3_close);

	/* opening again applies nothing */
	fixture_open_ok(f);
	g_assert_cmpint(test_count(f->store, "kb_entries"), ==, 0);
	fixture_close(f);
	db = fixture_db_open(f);
	g_assert_cmpint(test_db_int(db, "SELECT count(*) FROM schema_migrations"), ==,
			test_db_int(db, "SELECT max(version) FROM schema_migrations"));
	applied_at2 =
	    test_db_text(db, "SELECT applied_at FROM schema_migrations WHERE version = 1");
	g_assert_cmpstr(applied_at, ==, applied_at2);
}

static void
test_migrations_newer(Fixture *f, gconstpointer data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(sqlite3) db = NULL;

	fixture_open_ok(f);
	fixture_close(f);

	/* as if a later Cblue had migrated the file */
	db = fixture_db_open(f);
	store_sqlite_test_exec(db, "INSERT INTO schema_migrations (version, applied_at) "
			 "VALUES (9999, '2099-01-01T00:00:00.000000Z')");
	g_clear_pointer(&db, sqlite3_close);

	g_assert_false(fixture_open(f, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED);
	g_assert_nonnull(strstr(error->message, "9999"));
	g_assert_null(cblue_context_get_extension(f->ctx, CBLUE_TYPE_STORE));

	/* and nothing was touched: ours (1…N) and the later one */
	db = fixture_db_open(f);
	g_assert_cmpint(test_db_int(db, "SELECT count(*) FROM schema_migrations WHERE version <> 9999"), ==,
			test_db_int(db, "SELECT max(version) FROM schema_migrations WHERE version <> 9999"));
	g_assert_cmpint(test_db_int(db, "SELECT count(*) FROM schema_migrations WHERE version = 9999"), ==, 1);
}

static void
test_wal(Fixture *f, gconstpointer data)
{
	g_autofree gchar *mode = NULL;
	g_autofree gchar *path = g_build_filename(f->dir, "cblue.db", NULL);
	g_autoptr(sqlite3) db = NULL;
	GStatBuf buf;

	fixture_open_ok(f);
	/* the journal mode is a property of the file */
	db = fixture_db_open(f);
	mode = test_db_text(db, "PRAGMA journal_mode");
	g_assert_cmpstr(mode, ==, "wal");
	/* conversations are personal data, even redacted */
	g_assert_cmpint(g_stat(path, &buf), ==, 0);
	g_assert_cmpint(buf.st_mode & 0777, ==, 0600);
}

static void
test_sqlite_path(Fixture *f, gconstpointer data)
{
	g_autofree gchar *path = g_build_filename(f->dir, "sub", "other.db", NULL);
	g_autofree gchar *default_path = g_build_filename(f->dir, "cblue.db", NULL);
	g_autoptr(sqlite3) db = NULL;

	/* relative to the data directory */
	f->sqlite_path = g_build_filename("sub", "other.db", NULL);
	fixture_open_ok(f);
	g_assert_true(g_file_test(path, G_FILE_TEST_IS_REGULAR));
	g_assert_false(g_file_test(default_path, G_FILE_TEST_EXISTS));
	fixture_close(f);
	db = test_db_open(path);
	g_assert_cmpint(test_db_int(db, "SELECT min(version) FROM schema_migrations"), ==, 1);
}

static void
test_kb_round_trip(Fixture *f, gconstpointer data)
{
	g_autoptr(GPtrArray) entries = NULL;
	g_autofree gchar *expected = NULL;
	g_autofree gchar *json = NULL;
	g_autoptr(CblueKbEntry) draft = NULL;
	g_autoptr(JsonNode) node = NULL;
	g_autoptr(GError) error = NULL;

	fixture_open_ok(f);
	entries = test_entries("solar-price", "A 5 kW system costs 150,000–200,000 THB.",
			       "cctv-install", "We install CCTV cameras.", "ev-charger",
			       "We install 7 kW wallbox chargers.", NULL);
	/* a draft without a category, to cover the optional members */
	node = json_from_string("{\"topic_id\": \"a-draft\", \"status\": \"draft\", "
				"\"content\": {\"en\": \"Not yet published.\"}}",
				&error);
	g_assert_no_error(error);
	draft = cblue_kb_entry_new_from_json(node, NULL, &error);
	g_assert_no_error(error);
	g_ptr_array_add(entries, g_object_ref(draft));

	test_import(f->store, entries, FALSE);
	expected = test_entries_json(entries);
	json = test_load_json(f->store);
	g_assert_cmpstr(json, ==, expected);
	g_assert_cmpint(test_count(f->store, "kb_entries"), ==, 4);
	g_assert_cmpint(test_count(f->store, "kb_versions"), ==, 1);

	/* and it survives a restart */
	fixture_close(f);
	fixture_open_ok(f);
	g_clear_pointer(&json, g_free);
	json = test_load_json(f->store);
	g_assert_cmpstr(json, ==, expected);
}

static void
test_kb_merge(Fixture *f, gconstpointer data)
{
	g_autoptr(GPtrArray) first = test_entries("a", "A one.", "b", "B one.", NULL);
	g_autoptr(GPtrArray) second = test_entries("b", "B two.", "c", "C one.", NULL);
	g_autoptr(GPtrArray) expected =
	    test_entries("a", "A one.", "b", "B two.", "c", "C one.", NULL);
	g_autofree gchar *expected_json = test_entries_json(expected);
	g_autofree gchar *json = NULL;
	g_autoptr(sqlite3) db = NULL;

	fixture_open_ok(f);
	test_import(f->store, first, FALSE);
	test_import(f->store, second, FALSE);
	json = test_load_json(f->store);
	g_assert_cmpstr(json, ==, expected_json);
	g_assert_cmpint(test_count(f->store, "kb_versions"), ==, 2);

	/* importing the same again changes no entry, but is a version */
	test_import(f->store, second, FALSE);
	g_assert_cmpint(test_count(f->store, "kb_versions"), ==, 3);

	/* an entry keeps the version of the import that last changed it */
	db = fixture_db_open(f);
	g_assert_cmpint(test_db_int(db, "SELECT version FROM kb_entries WHERE topic_id = 'a'"), ==,
			1);
	g_assert_cmpint(test_db_int(db, "SELECT version FROM kb_entries WHERE topic_id = 'b'"), ==,
			2);
	g_assert_cmpint(test_db_int(db, "SELECT version FROM kb_entries WHERE topic_id = 'c'"), ==,
			2);
	g_assert_cmpint(
	    test_db_int(db,
			"SELECT json_array_length(snapshot) FROM kb_versions WHERE version = 3"),
	    ==, 3);
	g_assert_cmpint(test_db_int(db, "SELECT count(*) FROM kb_entries WHERE category = 'solar' "
					"AND status = 'published'"),
			==, 3);
}

static void
test_kb_replace_all(Fixture *f, gconstpointer data)
{
	g_autoptr(GPtrArray) first =
	    test_entries("a", "A one.", "b", "B one.", "c", "C one.", NULL);
	g_autoptr(GPtrArray) second = test_entries("b", "B two.", "d", "D one.", NULL);
	g_autoptr(GPtrArray) none = g_ptr_array_new();
	g_autofree gchar *expected = test_entries_json(second);
	g_autofree gchar *json = NULL;
	g_autoptr(sqlite3) db = NULL;

	fixture_open_ok(f);
	test_import(f->store, first, FALSE);
	test_import(f->store, second, TRUE);
	json = test_load_json(f->store);
	g_assert_cmpstr(json, ==, expected);
	g_assert_cmpint(test_count(f->store, "kb_entries"), ==, 2);

	db = fixture_db_open(f);
	g_assert_cmpint(
	    test_db_int(db,
			"SELECT json_array_length(snapshot) FROM kb_versions WHERE version = 1"),
	    ==, 3);
	g_assert_cmpint(
	    test_db_int(db,
			"SELECT json_array_length(snapshot) FROM kb_versions WHERE version = 2"),
	    ==, 2);

	/* replacing with nothing empties the KB */
	test_import(f->store, none, TRUE);
	g_assert_cmpint(test_count(f->store, "kb_entries"), ==, 0);
}

/* an import that fails inside the transaction, at the first entry or at the very end
 * (after the upserts and deletes), leaves everything as it was */
static void
test_kb_import_failure(Fixture *f, gconstpointer data)
{
	g_autoptr(GPtrArray) first =
	    test_entries("a", "A one.", "b", "B one.", "c", "C one.", NULL);
	g_autoptr(GPtrArray) poisoned =
	    test_entries("a", "A two.", "poison", "Bad.", "d", "D one.", NULL);
	g_autoptr(GPtrArray) second = test_entries("a", "A two.", "d", "D one.", NULL);
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;
	g_autofree gchar *expected = test_entries_json(second);
	g_autoptr(GError) error = NULL;
	g_autoptr(sqlite3) db = NULL;

	fixture_open_ok(f);
	test_import(f->store, first, FALSE);
	before = test_load_json(f->store);

	/* an entry the database refuses, after one that was already updated */
	db = fixture_db_open(f);
	store_sqlite_test_exec(
	    db, "CREATE TRIGGER poison BEFORE INSERT ON kb_entries WHEN NEW.topic_id = 'poison' "
		"BEGIN SELECT RAISE(ABORT, 'poisoned entry'); END");
	g_assert_false(cblue_store_import_kb(f->store, poisoned, TRUE, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_assert_nonnull(strstr(error->message, "poisoned entry"));
	g_clear_error(&error);
	after = test_load_json(f->store);
	g_assert_cmpstr(after, ==, before);
	g_assert_cmpint(test_count(f->store, "kb_versions"), ==, 1);
	store_sqlite_test_exec(db, "DROP TRIGGER poison");

	/* the version row, written last: the upserts and the deletes are undone too */
	store_sqlite_test_exec(db, "CREATE TRIGGER poison BEFORE INSERT ON kb_versions "
			 "BEGIN SELECT RAISE(ABORT, 'poisoned version'); END");
	g_assert_false(cblue_store_import_kb(f->store, second, TRUE, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_clear_error(&error);
	g_clear_pointer(&after, g_free);
	after = test_load_json(f->store);
	g_assert_cmpstr(after, ==, before);
	g_assert_cmpint(test_count(f->store, "kb_versions"), ==, 1);
	store_sqlite_test_exec(db, "DROP TRIGGER poison");

	/* the connection is usable again */
	test_import(f->store, second, TRUE);
	g_clear_pointer(&after, g_free);
	after = test_load_json(f->store);
	g_assert_cmpstr(after, ==, expected);
}

static void
test_kb_import_busy(Fixture *f, gconstpointer data)
{
	g_autoptr(GPtrArray) first = test_entries("a", "A one.", NULL);
	g_autoptr(GPtrArray) second = test_entries("a", "A two.", "b", "B one.", NULL);
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(sqlite3) db = NULL;

	fixture_open_ok(f);
	test_import(f->store, first, FALSE);
	before = test_load_json(f->store);

	/* another writer holds the lock for longer than the busy timeout */
	db = fixture_db_open(f);
	store_sqlite_test_exec(db, "BEGIN IMMEDIATE");
	g_assert_false(cblue_store_import_kb(f->store, second, FALSE, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_BUSY);
	store_sqlite_test_exec(db, "ROLLBACK");

	after = test_load_json(f->store);
	g_assert_cmpstr(after, ==, before);
	test_import(f->store, second, FALSE);
}

static void
test_record_exchanges(Fixture *f, gconstpointer data)
{
	g_autoptr(sqlite3) db = NULL;

	fixture_open_ok(f);
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

	db = fixture_db_open(f);
	g_assert_cmpint(test_db_int(db, "SELECT min(message_count) FROM conversations"), ==, 20);
	g_assert_cmpint(test_db_int(db, "SELECT max(message_count) FROM conversations"), ==, 20);
	g_assert_cmpint(test_db_int(db, "SELECT count(*) FROM messages WHERE role = 'user'"), ==,
			1000);
	g_assert_cmpint(test_db_int(db, "SELECT count(*) FROM messages WHERE role = 'bot' "
					"AND outcome = 'answered' AND topic_id = 'solar-price'"),
			==, 500);
	g_assert_cmpint(
	    test_db_int(db,
			"SELECT count(*) FROM messages WHERE role = 'bot' AND outcome = 'clarify'"),
	    ==, 250);
	g_assert_cmpint(
	    test_db_int(db, "SELECT count(*) FROM messages WHERE pii_types = 'PHONE,TH_ID'"), ==, 100);
	g_assert_cmpint(
	    test_db_int(db,
			"SELECT count(*) FROM messages WHERE role = 'bot' AND duration_us = 1500"),
	    ==, 1000);
	g_assert_cmpint(test_db_int(db,
				    "SELECT count(*) FROM analytics_events WHERE type = 'message' "
				    "AND outcome = 'unanswered'"),
			==, 250);
	/* the unanswered questions are the (redacted) user texts */
	g_assert_cmpint(
	    test_db_int(db, "SELECT count(*) FROM unanswered u JOIN messages m "
			    "ON m.id = u.message_id AND m.role = 'user' AND m.text = u.text"),
	    ==, 250);
	/* the customer's message comes before the bot's reply */
	g_assert_cmpint(
	    test_db_int(db,
			"SELECT count(*) FROM analytics_events e "
			"JOIN messages m ON m.id = e.message_id WHERE m.created_at > e.created_at"),
	    ==, 0);
}

static void
test_record_duplicate(Fixture *f, gconstpointer data)
{
	g_autoptr(CblueMessage) message = test_message("conversation", 1);

	fixture_open_ok(f);
	/* a re-delivered job records the same message twice */
	test_record(f->store, message, CBLUE_OUTCOME_UNANSWERED, FALSE);
	test_record(f->store, message, CBLUE_OUTCOME_UNANSWERED, FALSE);
	test_flush(f->store);
	g_assert_cmpint(test_count(f->store, "conversations"), ==, 1);
	g_assert_cmpint(test_count(f->store, "messages"), ==, 2);
	g_assert_cmpint(test_count(f->store, "analytics_events"), ==, 1);
	g_assert_cmpint(test_count(f->store, "unanswered"), ==, 1);
}

/* a database locked for longer than the busy timeout delays the records, it does not
 * lose them */
static void
test_record_busy(Fixture *f, gconstpointer data)
{
	g_autoptr(sqlite3) db = NULL;

	fixture_open_ok(f);
	db = fixture_db_open(f);
	store_sqlite_test_exec(db, "BEGIN IMMEDIATE");
	for (guint i = 0; i < 10; i++) {
		g_autofree gchar *conversation_id = g_strdup_printf("conversation-%u", i);
		g_autoptr(CblueMessage) message = test_message(conversation_id, i);
		test_record(f->store, message, CBLUE_OUTCOME_ANSWERED, FALSE);
	}
	/* several busy timeouts and back-offs */
	g_usleep(400 * 1000);
	g_assert_cmpint(test_db_int(db, "SELECT count(*) FROM messages"), ==, 0);
	store_sqlite_test_exec(db, "COMMIT");

	test_flush(f->store);
	g_assert_cmpint(test_count(f->store, "conversations"), ==, 10);
	g_assert_cmpint(test_count(f->store, "messages"), ==, 20);
}

static void
test_shutdown_flushes(Fixture *f, gconstpointer data)
{
	g_autoptr(sqlite3) db = NULL;

	fixture_open_ok(f);
	for (guint i = 0; i < 50; i++) {
		g_autoptr(CblueMessage) message = test_message("conversation", i);
		test_record(f->store, message, CBLUE_OUTCOME_UNANSWERED, FALSE);
	}
	fixture_close(f);

	db = fixture_db_open(f);
	g_assert_cmpint(test_db_int(db, "SELECT count(*) FROM messages"), ==, 100);
	g_assert_cmpint(test_db_int(db, "SELECT message_count FROM conversations"), ==, 100);
	g_assert_cmpint(test_db_int(db, "SELECT count(*) FROM unanswered"), ==, 50);
}

/* the last reference going without a shutdown still writes the queue and ends the thread */
static void
test_finalize_flushes(Fixture *f, gconstpointer data)
{
	g_autoptr(sqlite3) db = NULL;

	fixture_open_ok(f);
	for (guint i = 0; i < 50; i++) {
		g_autoptr(CblueMessage) message = test_message("conversation", i);
		test_record(f->store, message, CBLUE_OUTCOME_ANSWERED, FALSE);
	}
	f->store = NULL;
	g_clear_object(&f->plugin);
	g_clear_object(&f->ctx);

	db = fixture_db_open(f);
	g_assert_cmpint(test_db_int(db, "SELECT count(*) FROM messages"), ==, 100);
}

static void
test_check_count(Fixture *f, gconstpointer data)
{
	const gchar *bad[] = {"sqlite_master", "schema_migrations", "messages; DROP TABLE messages",
			      "MESSAGES", ""};
	g_autoptr(GError) error = NULL;

	fixture_open_ok(f);
	g_assert_true(cblue_store_check(f->store, &error));
	g_assert_no_error(error);
	for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
		g_assert_cmpint(cblue_store_count(f->store, bad[i], &error), ==, -1);
		g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
		g_clear_error(&error);
	}
	g_assert_cmpint(test_count(f->store, "messages"), ==, 0);
	g_assert_cmpint(test_count(f->store, "audit_log"), ==, 0);
}

/* the history served to a visitor, and feedback on its replies */
static void
test_conversation_and_feedback(Fixture *f, gconstpointer data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = NULL;
	g_autoptr(JsonNode) last = NULL;
	g_autoptr(JsonNode) missing = NULL;
	JsonArray *messages;
	const gchar *first_id = NULL;

	fixture_open_ok(f);
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
		g_assert_nonnull(json_object_get_string_member(obj, "created_at"));
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
	last = cblue_store_get_conversation(f->store, "conv-h", 2, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(json_array_get_length(json_node_get_array(last)), ==, 2);
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(json_node_get_array(last), 0),
						      "text"),
			==, "question 2 from [TH_ID]");

	missing = cblue_store_get_conversation(f->store, "conv-none", 0, &error);
	g_assert_null(missing);
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND);
	g_clear_error(&error);

	/* a second rating of the same message replaces the first */
	g_assert_true(cblue_store_record_feedback(f->store, "conv-h", first_id, "up", &error));
	g_assert_no_error(error);
	g_assert_true(cblue_store_record_feedback(f->store, "conv-h", first_id, "down", &error));
	g_assert_no_error(error);
	g_assert_cmpint(test_count(f->store, "feedback"), ==, 1);
	g_assert_false(cblue_store_record_feedback(f->store, "conv-h", first_id, "meh", &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
}

static void
test_add(const gchar *path, void (*func)(Fixture *, gconstpointer))
{
	g_test_add(path, Fixture, NULL, fixture_setup, func, fixture_teardown);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

	test_add("/cblue/store-sqlite/migrations", test_migrations);
	test_add("/cblue/store-sqlite/migrations/newer", test_migrations_newer);
	test_add("/cblue/store-sqlite/wal", test_wal);
	test_add("/cblue/store-sqlite/sqlite-path", test_sqlite_path);
	test_add("/cblue/store-sqlite/kb/round-trip", test_kb_round_trip);
	test_add("/cblue/store-sqlite/kb/merge", test_kb_merge);
	test_add("/cblue/store-sqlite/kb/replace-all", test_kb_replace_all);
	test_add("/cblue/store-sqlite/kb/import-failure", test_kb_import_failure);
	test_add("/cblue/store-sqlite/kb/import-busy", test_kb_import_busy);
	test_add("/cblue/store-sqlite/record/exchanges", test_record_exchanges);
	test_add("/cblue/store-sqlite/record/duplicate", test_record_duplicate);
	test_add("/cblue/store-sqlite/record/busy", test_record_busy);
	test_add("/cblue/store-sqlite/shutdown/flushes", test_shutdown_flushes);
	test_add("/cblue/store-sqlite/finalize/flushes", test_finalize_flushes);
	test_add("/cblue/store-sqlite/check-count", test_check_count);
	test_add("/cblue/store-sqlite/conversation-and-feedback", test_conversation_and_feedback);
	return g_test_run();
}
