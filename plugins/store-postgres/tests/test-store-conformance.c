/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <libpq-fe.h>
#include <unistd.h>

#include "cblue.h"
#include "store-conformance.h"

/*
 * The store contract, run against one backend: `CBLUE_TEST_STORE=sqlite` (a file in a
 * temp dir) or `CBLUE_TEST_STORE=postgres` with `CBLUE_TEST_DATABASE_URL` naming a server
 * on which each test case creates (and drops) a database of its own. Started by
 * tests/integration/test_store_postgres.py, which provides the server; run alone without
 * PostgreSQL, the postgres backend is skipped (exit 77).
 *
 * The store is reached the way the daemon reaches it: the plugin loader opens the module
 * from CBLUE_PLUGIN_PATH and sets it up, and the test uses the extension it registered.
 *
 * The checks both backends share are in plugins/store-common/tests/store-conformance.c
 * (store-sqlite's own test runs them too, reading SQLite past the store); those here are
 * the ones only this harness runs (PostgreSQL triggers, admin calls, embeddings, ids full
 * of SQL).
 */

G_DEFINE_AUTOPTR_CLEANUP_FUNC(PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(PGresult, PQclear)

static gboolean postgres;
static const gchar *base_url;

typedef struct {
	StoreConformance c;  /* first: the shared checks see the fixture as one */
	gchar *dir;	     /* owned: the data directory */
	gchar *dbname;	     /* owned, nullable: postgres only */
	gchar *url;	     /* owned, nullable: postgres only */
	CblueContext *ctx;   /* owned, nullable */
	CbluePluginLoader *loader; /* owned, nullable */
} Fixture;

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
	f->c.store = cblue_context_get_extension(f->ctx, CBLUE_TYPE_STORE);
	g_assert_true(CBLUE_IS_STORE(f->c.store));
	g_assert_cmpstr(cblue_context_get_extension_plugin(f->ctx, G_OBJECT(f->c.store)), ==,
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
	f->c.store = NULL;
	g_clear_object(&f->loader);
	g_clear_object(&f->ctx);
}

static void
conformance_open(StoreConformance *c)
{
	fixture_open((Fixture *)c);
}

static void
conformance_close(StoreConformance *c)
{
	fixture_close((Fixture *)c);
}

static gchar *
conformance_scalar(StoreConformance *c, const gchar *sql)
{
	return test_pg_scalar(((Fixture *)c)->url, sql);
}

static void
fixture_setup(Fixture *f, gconstpointer data)
{
	static guint serial = 0;
	g_autoptr(GError) error = NULL;

	f->c.open = conformance_open;
	f->c.close = conformance_close;
	/* store-sqlite's own test looks past the store into SQLite */
	f->c.scalar = postgres ? conformance_scalar : NULL;
	f->c.json_array_length = "jsonb_array_length";
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
	test_import(f->c.store, first, FALSE);
	before = test_load_json(f->c.store);
	ignored = test_pg_scalar(f->url,
				 "CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
				 "RAISE EXCEPTION 'poisoned entry' USING ERRCODE = 'check_violation'; END $$; "
				 "CREATE TRIGGER poison BEFORE INSERT ON kb_entries FOR EACH ROW "
				 "WHEN (NEW.topic_id = 'poison') EXECUTE FUNCTION poison()");
	g_assert_false(cblue_store_import_kb(f->c.store, poisoned, TRUE, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_assert_nonnull(strstr(error->message, "poisoned entry"));
	after = test_load_json(f->c.store);
	g_assert_cmpstr(after, ==, before);
	g_assert_cmpint(test_count(f->c.store, "kb_versions"), ==, 1);
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
	test_import(f->c.store, entries, TRUE);
	test_assert_kb(f->c.store, entries);

	for (guint i = 0; i < G_N_ELEMENTS(evil); i++) {
		g_autoptr(CblueMessage) message = cblue_message_new(evil[i]);
		g_autoptr(JsonNode) node = NULL;
		JsonArray *messages;
		cblue_message_set_conversation_id(message, evil[(i + 2) % G_N_ELEMENTS(evil)]);
		test_record_text(f->c.store, message, CBLUE_OUTCOME_UNANSWERED, FALSE, evil[(i + 3) % G_N_ELEMENTS(evil)]);
		test_flush(f->c.store);
		node = cblue_store_get_conversation(f->c.store, evil[(i + 2) % G_N_ELEMENTS(evil)], 0, &error);
		g_assert_no_error(error);
		messages = json_node_get_array(node);
		g_assert_cmpuint(json_array_get_length(messages), ==, 2);
		g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(messages, 0), "text"), ==,
				evil[i]);
		g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(messages, 1), "text"), ==,
				evil[(i + 3) % G_N_ELEMENTS(evil)]);
		g_assert_true(cblue_store_record_feedback(f->c.store, evil[(i + 2) % G_N_ELEMENTS(evil)], evil[i], "up",
							  &error));
		g_assert_no_error(error);
	}
	/* every table is still there, with every row */
	g_assert_cmpint(test_count(f->c.store, "kb_entries"), ==, G_N_ELEMENTS(evil));
	g_assert_cmpint(test_count(f->c.store, "messages"), ==, 2 * G_N_ELEMENTS(evil));
	g_assert_cmpint(test_count(f->c.store, "unanswered"), ==, G_N_ELEMENTS(evil));
	g_assert_cmpint(test_count(f->c.store, "feedback"), ==, G_N_ELEMENTS(evil));
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
	g_assert_true(cblue_store_save_embeddings(f->c.store, "model-1", save, &error));
	g_assert_no_error(error);
	/* a changed entry replaces its row */
	g_ptr_array_set_size(save, 0);
	g_ptr_array_add(save, cblue_embedding_new("topic-b", "hash-b2", 3, va));
	g_assert_true(cblue_store_save_embeddings(f->c.store, "model-1", save, &error));
	g_assert_no_error(error);

	loaded = cblue_store_load_embeddings(f->c.store, "model-1", &error);
	g_assert_no_error(error);
	g_assert_cmpuint(loaded->len, ==, 2);
	for (guint i = 0; i < loaded->len; i++) {
		CblueEmbedding *embedding = g_ptr_array_index(loaded, i);
		g_assert_cmpuint(cblue_embedding_get_dimensions(embedding), ==, 3);
		g_assert_true(g_bytes_equal(cblue_embedding_get_vectors(embedding), va));
		g_assert_cmpstr(cblue_embedding_get_content_hash(embedding), ==,
				g_strcmp0(cblue_embedding_get_topic_id(embedding), "topic-a") == 0 ? "hash-a" : "hash-b2");
	}
	other = cblue_store_load_embeddings(f->c.store, "model-2", &error);
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

	g_assert_true(cblue_store_user_add(f->c.store, "ann'; DROP TABLE users; --", "admin", "hash-1", &error));
	g_assert_no_error(error);
	g_assert_false(cblue_store_user_add(f->c.store, "ann'; DROP TABLE users; --", "viewer", "hash-2", &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_CONFLICT);
	g_clear_error(&error);
	g_assert_true(cblue_store_user_add(f->c.store, "bob", "viewer", "hash-3", &error));
	g_assert_no_error(error);
	user = cblue_store_user_get(f->c.store, "ann'; DROP TABLE users; --", &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(user), "role"), ==, "admin");
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(user), "password_hash"), ==, "hash-1");
	g_assert_false(json_object_get_boolean_member(json_node_get_object(user), "disabled"));
	users = cblue_store_user_list(f->c.store, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(json_array_get_length(json_node_get_array(users)), ==, 2);

	/* a session, then a new password ends it */
	g_assert_true(cblue_store_session_create(f->c.store, "session-hash", "bob", "csrf-1", expires, &error));
	g_assert_no_error(error);
	session = cblue_store_session_get(f->c.store, "session-hash", 600, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(session), "user"), ==, "bob");
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(session), "csrf_token"), ==, "csrf-1");
	g_assert_true(cblue_store_user_update(f->c.store, "bob", NULL, "hash-4", -1, &error));
	g_assert_no_error(error);
	g_assert_null(cblue_store_session_get(f->c.store, "session-hash", 600, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_AUTH_FAILED);
	g_clear_error(&error);
	g_assert_false(cblue_store_user_update(f->c.store, "nobody", "admin", NULL, -1, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND);
	g_clear_error(&error);

	/* tokens: valid until revoked */
	token_id = cblue_store_token_create(f->c.store, "bob", "script", "token-hash", &error);
	g_assert_no_error(error);
	g_assert_cmpint(token_id, >, 0);
	token = cblue_store_token_get(f->c.store, "token-hash", &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(token), "id"), ==, token_id);
	tokens = cblue_store_token_list(f->c.store, "bob", &error);
	g_assert_no_error(error);
	g_assert_cmpuint(json_array_get_length(json_node_get_array(tokens)), ==, 1);
	g_assert_true(cblue_store_token_delete(f->c.store, token_id, "bob", &error));
	g_assert_no_error(error);
	g_assert_null(cblue_store_token_get(f->c.store, "token-hash", &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_AUTH_FAILED);
	g_clear_error(&error);

	g_assert_true(cblue_store_audit_append(f->c.store, "ann", "user.add", "bob", "{\"role\":\"viewer\"}", &error));
	g_assert_no_error(error);
	g_assert_true(cblue_store_audit_append(f->c.store, "ann", "token.delete", "1", NULL, &error));
	g_assert_no_error(error);
	audit = cblue_store_audit_list(f->c.store, 0, 1, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(audit), "total"), ==, 2);
	g_assert_cmpuint(json_array_get_length(json_object_get_array_member(json_node_get_object(audit), "entries")), ==,
			 1);
	g_assert_cmpstr(json_object_get_string_member(
			    json_array_get_object_element(json_object_get_array_member(json_node_get_object(audit), "entries"), 0),
			    "action"),
			==, "token.delete");
	g_assert_true(cblue_store_user_delete(f->c.store, "bob", &error));
	g_assert_no_error(error);
	g_assert_cmpint(test_count(f->c.store, "users"), ==, 1);
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

	test_import(f->c.store, entries, FALSE);
	saved = cblue_store_kb_save_drafts(f->c.store, create, "ann", &error);
	g_assert_no_error(error);
	obj = json_array_get_object_element(json_node_get_array(saved), 0);
	g_assert_cmpstr(json_object_get_string_member(obj, "status"), ==, "draft");
	g_assert_cmpint(json_object_get_int_member(obj, "revision"), ==, 1);
	g_assert_cmpstr(json_object_get_string_member(obj, "updated_by"), ==, "ann");

	/* an update of the published entry needs its revision */
	update = test_change("update", "a", "A two.", 1);
	g_clear_pointer(&saved, json_node_unref);
	saved = cblue_store_kb_save_drafts(f->c.store, update, "ann", &error);
	g_assert_no_error(error);
	stale = test_change("update", "a", "A three.", 1);
	g_assert_null(cblue_store_kb_save_drafts(f->c.store, stale, "bob", &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_CONFLICT);
	g_clear_error(&error);
	working = cblue_store_kb_list_working(f->c.store, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(json_array_get_length(json_node_get_array(working)), ==, 2);
	/* drafts do not touch the published KB */
	g_assert_cmpint(test_count(f->c.store, "kb_entries"), ==, 1);

	published = cblue_store_kb_publish(f->c.store, "ann", "first publish", NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(published), "version"), ==, 2);
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(published), "entries"), ==, 2);
	kb = cblue_store_load_kb(f->c.store, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(cblue_kb_get_size(kb), ==, 2);
	after = cblue_store_kb_get_working(f->c.store, "a", &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(after), "status"), ==, "published");
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(after), "revision"), ==, 2);

	versions = cblue_store_kb_list_versions(f->c.store, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(json_array_get_length(json_node_get_array(versions)), ==, 2);
	obj = json_array_get_object_element(json_node_get_array(versions), 0);
	g_assert_cmpint(json_object_get_int_member(obj, "version"), ==, 2);
	g_assert_cmpstr(json_object_get_string_member(obj, "comment"), ==, "first publish");
	snapshot = cblue_store_kb_get_version(f->c.store, 1, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(json_array_get_length(json_node_get_array(snapshot)), ==, 1);
	g_assert_null(cblue_store_kb_get_version(f->c.store, 99, &error));
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
	store_conformance_add_tests("/store", sizeof(Fixture), (GTestFixtureFunc)fixture_setup,
				    (GTestFixtureFunc)fixture_teardown);
	test_add("/store/kb/import-rollback", test_kb_import_rollback);
	test_add("/store/parameterized", test_parameterized);
	test_add("/store/embeddings", test_embeddings);
	test_add("/store/admin/accounts", test_admin_accounts);
	test_add("/store/admin/drafts-publish", test_admin_drafts_publish);
	return g_test_run();
}
