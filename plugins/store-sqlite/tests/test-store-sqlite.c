/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "cblue-store-sqlite-plugin.h"
#include "store-conformance.h"
#include "store-sqlite-fixture.h"

/* the store is always reached the way the daemon reaches it: a CblueContext, the plugin
 * set up through its vfuncs, then the extension it registered; the checks both stores share
 * are in plugins/store-common/tests/store-conformance.c, run here too, with SQLite read
 * past the store */

G_DEFINE_AUTOPTR_CLEANUP_FUNC(sqlite3, sqlite3_close)

typedef struct {
	StoreConformance c;  /* first: the shared checks see the fixture as one */
	gchar *dir;	     /* owned: the data directory */
	gchar *sqlite_path;  /* owned, nullable: `[store] sqlite_path` */
	CblueContext *ctx;   /* owned, nullable */
	CbluePlugin *plugin; /* owned, nullable */
} Fixture;

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
	f->c.store = cblue_context_get_extension(f->ctx, CBLUE_TYPE_STORE);
	g_assert_true(CBLUE_IS_STORE(f->c.store));
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
	f->c.store = NULL;
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

/* the shared checks (store-conformance.h) */

static void
conformance_open(StoreConformance *c)
{
	fixture_open_ok((Fixture *)c);
}

static void
conformance_close(StoreConformance *c)
{
	fixture_close((Fixture *)c);
}

static gchar *
conformance_scalar(StoreConformance *c, const gchar *sql)
{
	g_autoptr(sqlite3) db = fixture_db_open((Fixture *)c);
	return test_db_text(db, sql);
}

static void
conformance_setup(Fixture *f, gconstpointer data)
{
	fixture_setup(f, data);
	f->c.open = conformance_open;
	f->c.close = conformance_close;
	f->c.scalar = conformance_scalar;
	f->c.json_array_length = "json_array_length";
	fixture_open_ok(f);
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
	kb = cblue_store_load_kb(f->c.store, &error);
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
	g_assert_cmpint(test_count(f->c.store, "kb_entries"), ==, 0);
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
	test_import(f->c.store, first, FALSE);
	before = test_load_json(f->c.store);

	/* an entry the database refuses, after one that was already updated */
	db = fixture_db_open(f);
	store_sqlite_test_exec(
	    db, "CREATE TRIGGER poison BEFORE INSERT ON kb_entries WHEN NEW.topic_id = 'poison' "
		"BEGIN SELECT RAISE(ABORT, 'poisoned entry'); END");
	g_assert_false(cblue_store_import_kb(f->c.store, poisoned, TRUE, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_assert_nonnull(strstr(error->message, "poisoned entry"));
	g_clear_error(&error);
	after = test_load_json(f->c.store);
	g_assert_cmpstr(after, ==, before);
	g_assert_cmpint(test_count(f->c.store, "kb_versions"), ==, 1);
	store_sqlite_test_exec(db, "DROP TRIGGER poison");

	/* the version row, written last: the upserts and the deletes are undone too */
	store_sqlite_test_exec(db, "CREATE TRIGGER poison BEFORE INSERT ON kb_versions "
			 "BEGIN SELECT RAISE(ABORT, 'poisoned version'); END");
	g_assert_false(cblue_store_import_kb(f->c.store, second, TRUE, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_clear_error(&error);
	g_clear_pointer(&after, g_free);
	after = test_load_json(f->c.store);
	g_assert_cmpstr(after, ==, before);
	g_assert_cmpint(test_count(f->c.store, "kb_versions"), ==, 1);
	store_sqlite_test_exec(db, "DROP TRIGGER poison");

	/* the connection is usable again */
	test_import(f->c.store, second, TRUE);
	g_clear_pointer(&after, g_free);
	after = test_load_json(f->c.store);
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
	test_import(f->c.store, first, FALSE);
	before = test_load_json(f->c.store);

	/* another writer holds the lock for longer than the busy timeout */
	db = fixture_db_open(f);
	store_sqlite_test_exec(db, "BEGIN IMMEDIATE");
	g_assert_false(cblue_store_import_kb(f->c.store, second, FALSE, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_BUSY);
	store_sqlite_test_exec(db, "ROLLBACK");

	after = test_load_json(f->c.store);
	g_assert_cmpstr(after, ==, before);
	test_import(f->c.store, second, FALSE);
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
		test_record(f->c.store, message, CBLUE_OUTCOME_ANSWERED, FALSE);
	}
	/* several busy timeouts and back-offs */
	g_usleep(400 * 1000);
	g_assert_cmpint(test_db_int(db, "SELECT count(*) FROM messages"), ==, 0);
	store_sqlite_test_exec(db, "COMMIT");

	test_flush(f->c.store);
	g_assert_cmpint(test_count(f->c.store, "conversations"), ==, 10);
	g_assert_cmpint(test_count(f->c.store, "messages"), ==, 20);
}

/* the last reference going without a shutdown still writes the queue and ends the thread */
static void
test_finalize_flushes(Fixture *f, gconstpointer data)
{
	g_autoptr(sqlite3) db = NULL;

	fixture_open_ok(f);
	for (guint i = 0; i < 50; i++) {
		g_autoptr(CblueMessage) message = test_message("conversation", i);
		test_record(f->c.store, message, CBLUE_OUTCOME_ANSWERED, FALSE);
	}
	f->c.store = NULL;
	g_clear_object(&f->plugin);
	g_clear_object(&f->ctx);

	db = fixture_db_open(f);
	g_assert_cmpint(test_db_int(db, "SELECT count(*) FROM messages"), ==, 100);
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
	test_add("/cblue/store-sqlite/kb/import-failure", test_kb_import_failure);
	test_add("/cblue/store-sqlite/kb/import-busy", test_kb_import_busy);
	test_add("/cblue/store-sqlite/record/busy", test_record_busy);
	test_add("/cblue/store-sqlite/finalize/flushes", test_finalize_flushes);
	store_conformance_add_tests("/cblue/store-sqlite/conformance", sizeof(Fixture),
				    (GTestFixtureFunc)conformance_setup, (GTestFixtureFunc)fixture_teardown);
	return g_test_run();
}
