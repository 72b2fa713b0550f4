/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "store-sqlite-fixture.h"

/*
 * Rows written by another process must be seen by the server's next read. Two ways to
 * lose them, both seen: a read path that keeps a read transaction (a statement left
 * stepped, a transaction not ended) and with it an old WAL snapshot; and a process that
 * lost its POSIX locks on the database (a descriptor of the file closed outside SQLite),
 * so that the other process, closing its connection, deletes the WAL and index this
 * process still uses: its own writes still show up, others' never do. So each test reads
 * through every path first, then writes from a child process (as `cblue kb import` or a
 * script would: in this process SQLite would share its locks with the store), and reads
 * again.
 */

#define TEST_ROWS 100
#define TEST_CONVERSATION "outside-conversation"
#define TEST_MODEL "test-model"

typedef StoreSqliteFixture Fixture;

static const gchar *test_argv0;

/* rows numbered [first, first + TEST_ROWS) in every table a read path looks at, written
 * in the child (`--write-outside PATH FIRST`) by a connection closed at the end */
static void
test_write_outside_child(const gchar *path, guint first)
{
	sqlite3 *db = NULL;
	g_autoptr(GDateTime) now = g_date_time_new_now_utc();
	g_autofree gchar *at = g_date_time_format(now, "%Y-%m-%dT%H:%M:%S.000000Z");
	g_autofree gchar *conversation = g_strdup_printf(
	    "INSERT INTO conversations (id, channel, created_at, updated_at) VALUES ('%s', 'web', '%s', '%s') "
	    "ON CONFLICT (id) DO NOTHING",
	    TEST_CONVERSATION, at, at);

	g_assert_cmpint(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	store_sqlite_test_exec(db, "BEGIN IMMEDIATE");
	store_sqlite_test_exec(db, conversation);
	for (guint i = first; i < first + TEST_ROWS; i++) {
		g_autofree gchar *sql = g_strdup_printf(
		    "INSERT INTO messages (id, conversation_id, role, text, created_at) "
		    "VALUES ('m%u', '%s', 'user', 'hello %u', '%s');"
		    "INSERT INTO analytics_events (type, conversation_id, message_id, outcome, duration_us, "
		    "created_at) VALUES ('message', '%s', 'm%u', 'unanswered', 1000, '%s');"
		    "INSERT INTO unanswered (conversation_id, message_id, text, created_at) "
		    "VALUES ('%s', 'm%u', 'hello %u', '%s');"
		    "INSERT INTO users (username, role, created_at) VALUES ('user%u', 'editor', '%s');"
		    "INSERT INTO audit_log (actor, action, created_at) VALUES ('outside', 'test', '%s');"
		    "INSERT INTO embeddings (model, topic_id, content_hash, dimensions, vectors, updated_at) "
		    "VALUES ('%s', 't%u', 'h', 1, zeroblob(4), '%s');",
		    i, TEST_CONVERSATION, i, at, TEST_CONVERSATION, i, at, TEST_CONVERSATION, i, i, at, i, at, at,
		    TEST_MODEL, i, at);
		store_sqlite_test_exec(db, sql);
	}
	store_sqlite_test_exec(db, "COMMIT");
	g_assert_cmpint(sqlite3_close(db), ==, SQLITE_OK);
}

static void
test_write_outside(Fixture *f, guint first)
{
	g_autofree gchar *first_text = g_strdup_printf("%u", first);
	const gchar *argv[] = {test_argv0, "--write-outside", f->path, first_text, NULL};
	g_autoptr(GError) error = NULL;
	gint status = 0;

	g_assert_true(g_spawn_sync(NULL, (gchar **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
				   &error));
	g_assert_no_error(error);
	g_assert_true(g_spawn_check_wait_status(status, &error));
	g_assert_no_error(error);
}

static gint64
test_count(Fixture *f, const gchar *table)
{
	g_autoptr(GError) error = NULL;
	gint64 n = cblue_store_count(f->store, table, &error);
	g_assert_no_error(error);
	return n;
}

/* the messages of the outside conversation, 0 if there is none yet */
static guint
test_conversation_length(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = cblue_store_get_conversation(f->store, TEST_CONVERSATION, 0, &error);

	if (g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND))
		return 0;
	g_assert_no_error(error);
	return json_array_get_length(json_node_get_array(node));
}

static guint
test_user_count(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = cblue_store_user_list(f->store, &error);
	g_assert_no_error(error);
	return json_array_get_length(json_node_get_array(node));
}

static gint64
test_audit_total(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = cblue_store_audit_list(f->store, 0, 10, &error);
	g_assert_no_error(error);
	return json_object_get_int_member(json_node_get_object(node), "total");
}

/* the unanswered messages of the last day as counted by the analytics */
static gint64
test_analytics_unanswered(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	gint64 now = g_get_real_time();
	g_autoptr(JsonNode) node =
	    cblue_store_analytics_query(f->store, now - G_TIME_SPAN_DAY, now + G_TIME_SPAN_HOUR, "UTC", &error);
	g_assert_no_error(error);
	return json_object_get_int_member(
	    json_object_get_object_member(json_node_get_object(node), "outcomes"), "unanswered");
}

static guint
test_inbox_length(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	gint64 now = g_get_real_time();
	g_autoptr(JsonNode) node =
	    cblue_store_unanswered_list(f->store, now - G_TIME_SPAN_DAY, now + G_TIME_SPAN_HOUR, TRUE, 1000, &error);
	g_assert_no_error(error);
	return json_array_get_length(json_node_get_array(node));
}

static guint
test_embedding_count(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) embeddings = cblue_store_load_embeddings(f->store, TEST_MODEL, &error);
	g_assert_no_error(error);
	return embeddings->len;
}

/* every read path sees @n outside rows */
static void
test_check_all(Fixture *f, guint n)
{
	g_assert_cmpint(test_count(f, "messages"), ==, n);
	g_assert_cmpint(test_count(f, "analytics_events"), ==, n);
	g_assert_cmpuint(test_conversation_length(f), ==, n);
	g_assert_cmpuint(test_user_count(f), ==, n);
	g_assert_cmpint(test_audit_total(f), ==, n);
	g_assert_cmpint(test_analytics_unanswered(f), ==, n);
	g_assert_cmpuint(test_inbox_length(f), ==, n);
	g_assert_cmpuint(test_embedding_count(f), ==, n);
}

/* all the read paths, before and after two outside writes */
static void
test_outside_writes_all_paths(Fixture *f, gconstpointer data)
{
	test_check_all(f, 0);
	test_write_outside(f, 0);
	test_check_all(f, TEST_ROWS);
	test_write_outside(f, TEST_ROWS);
	test_check_all(f, 2 * TEST_ROWS);
}

/* each read path alone: the one that would keep the snapshot is then named by the test */
static void
test_outside_write_after(Fixture *f, gconstpointer data)
{
	void (*read)(Fixture *) = data;

	read(f);
	test_write_outside(f, 0);
	test_check_all(f, TEST_ROWS);
}

static void
read_count(Fixture *f)
{
	test_count(f, "messages");
}

static void
read_conversation(Fixture *f)
{
	test_conversation_length(f);
}

static void
read_users(Fixture *f)
{
	test_user_count(f);
}

static void
read_audit(Fixture *f)
{
	test_audit_total(f);
}

static void
read_analytics(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GDateTime) from = g_date_time_new_utc(2026, 10, 23, 22, 0, 0);
	g_autoptr(GDateTime) to = g_date_time_new_utc(2026, 10, 26, 23, 0, 0);
	/* across a daylight-saving change: more than one offset is bound */
	g_autoptr(JsonNode) node = cblue_store_analytics_query(f->store, g_date_time_to_unix(from) * G_USEC_PER_SEC,
							       g_date_time_to_unix(to) * G_USEC_PER_SEC,
							       "Europe/Berlin", &error);
	g_assert_no_error(error);
	test_analytics_unanswered(f);
}

static void
read_inbox(Fixture *f)
{
	test_inbox_length(f);
}

static void
read_embeddings(Fixture *f)
{
	test_embedding_count(f);
}

/* a read that fails half-way (a statement that cannot run) must not leave a transaction
 * open either: an unknown time zone is refused before the database is touched, so use a
 * session that is not there, which reads and finds nothing */
static void
read_missing_session(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = cblue_store_session_get(f->store, "no-such-hash", 3600, &error);
	g_assert_null(node);
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_AUTH_FAILED);
}

static void
read_missing_conversation(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = cblue_store_get_conversation(f->store, "no-such-conversation", 0, &error);
	g_assert_null(node);
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND);
}

static void
read_kb(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueKb) kb = cblue_store_load_kb(f->store, &error);
	g_assert_no_error(error);
	g_assert_true(cblue_store_check(f->store, &error));
	g_assert_no_error(error);
}

static void
read_kb_admin(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) working = cblue_store_kb_list_working(f->store, &error);
	g_autoptr(JsonNode) versions = NULL;
	g_autoptr(JsonNode) version = NULL;
	g_autoptr(JsonNode) entry = NULL;

	g_assert_no_error(error);
	versions = cblue_store_kb_list_versions(f->store, &error);
	g_assert_no_error(error);
	version = cblue_store_kb_get_version(f->store, 42, &error);
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND);
	g_clear_error(&error);
	entry = cblue_store_kb_get_working(f->store, "no-such-topic", &error);
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND);
}

static void
read_missing_user_and_token(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) user = cblue_store_user_get(f->store, "nobody", &error);
	g_autoptr(JsonNode) token = NULL;
	g_autoptr(JsonNode) tokens = NULL;

	g_assert_nonnull(error);
	g_clear_error(&error);
	token = cblue_store_token_get(f->store, "no-such-hash", &error);
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_AUTH_FAILED);
	g_clear_error(&error);
	tokens = cblue_store_token_list(f->store, NULL, &error);
	g_assert_no_error(error);
}

/* writes on the read connection, one of them refused half-way (rolled back) */
static void
write_admin(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) changes = json_from_string(
	    "[{\"op\":\"create\",\"entry\":{\"topic_id\":\"x\",\"content\":{\"en\":\"x\"}}},"
	    "{\"op\":\"update\",\"revision\":1,\"entry\":{\"topic_id\":\"missing\",\"content\":{\"en\":\"y\"}}}]",
	    NULL);
	g_autoptr(JsonNode) saved = cblue_store_kb_save_drafts(f->store, changes, "ed", &error);

	g_assert_null(saved);
	g_assert_nonnull(error);
	g_clear_error(&error);
	g_assert_false(cblue_store_session_create(f->store, "hash", "nobody", "csrf", g_get_real_time() / G_USEC_PER_SEC + 60,
						  &error));
	g_assert_nonnull(error);
}

int
main(int argc, char **argv)
{
	const struct {
		const gchar *name;
		void (*read)(Fixture *);
	} reads[] = {
	    {"count", read_count},
	    {"conversation", read_conversation},
	    {"missing-conversation", read_missing_conversation},
	    {"users", read_users},
	    {"audit", read_audit},
	    {"missing-session", read_missing_session},
	    {"analytics", read_analytics},
	    {"inbox", read_inbox},
	    {"embeddings", read_embeddings},
	    {"kb", read_kb},
	    {"kb-admin", read_kb_admin},
	    {"missing-user-and-token", read_missing_user_and_token},
	    {"failed-writes", write_admin},
	};

	/* the child that writes, see test_write_outside() */
	if (argc == 4 && g_strcmp0(argv[1], "--write-outside") == 0) {
		test_write_outside_child(argv[2], (guint)g_ascii_strtoull(argv[3], NULL, 10));
		return 0;
	}
	test_argv0 = argv[0];
	g_test_init(&argc, &argv, NULL);
	g_test_add("/store-sqlite/snapshot/all-paths", Fixture, NULL, store_sqlite_fixture_setup,
		   test_outside_writes_all_paths, store_sqlite_fixture_teardown);
	for (guint i = 0; i < G_N_ELEMENTS(reads); i++) {
		g_autofree gchar *path = g_strdup_printf("/store-sqlite/snapshot/after-%s", reads[i].name);
		g_test_add(path, Fixture, (gconstpointer)reads[i].read, store_sqlite_fixture_setup,
			   test_outside_write_after, store_sqlite_fixture_teardown);
	}
	return g_test_run();
}
