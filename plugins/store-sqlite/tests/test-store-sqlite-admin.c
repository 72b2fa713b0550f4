/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "store-sqlite-fixture.h"

/* The admin part of the store contract (core/cblue-store.c documents it), on store-sqlite:
 * drafts with optimistic concurrency, all-or-nothing saves, publish and rollback,
 * sessions, tokens, users and the audit log. store-postgres has the same contract. */

typedef StoreSqliteFixture Fixture;

static JsonNode *
test_change(const gchar *op, const gchar *topic_id, const gchar *text, gint64 revision)
{
	g_autofree gchar *json = g_strdup_printf(
	    "[{\"op\":\"%s\",\"revision\":%" G_GINT64_FORMAT
	    ",\"entry\":{\"topic_id\":\"%s\",\"category\":\"c\",\"content\":{\"en\":\"%s\"}}}]",
	    op, revision, topic_id, text);
	return json_from_string(json, NULL);
}

static JsonObject *
test_first(JsonNode *array)
{
	return json_array_get_object_element(json_node_get_array(array), 0);
}

static void
test_drafts(Fixture *f, gconstpointer data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) saved = NULL;
	g_autoptr(JsonNode) change = NULL;
	g_autoptr(JsonNode) working = NULL;
	g_autoptr(CblueKb) kb = NULL;

	change = test_change("create", "a", "one", -1);
	saved = cblue_store_kb_save_drafts(f->store, change, "ed", &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(test_first(saved), "status"), ==, "draft");
	g_assert_cmpint(json_object_get_int_member(test_first(saved), "revision"), ==, 1);
	g_assert_cmpstr(json_object_get_string_member(test_first(saved), "updated_by"), ==, "ed");
	/* a draft is not published */
	kb = cblue_store_load_kb(f->store, &error);
	g_assert_cmpuint(cblue_kb_get_size(kb), ==, 0);
	/* a second create conflicts */
	g_clear_pointer(&saved, json_node_unref);
	saved = cblue_store_kb_save_drafts(f->store, change, "ed", &error);
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_CONFLICT);
	g_assert_null(saved);
	g_clear_error(&error);
	/* an update from a stale revision conflicts and changes nothing */
	g_clear_pointer(&change, json_node_unref);
	change = test_change("update", "a", "two", 1);
	saved = cblue_store_kb_save_drafts(f->store, change, "ed", &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(test_first(saved), "revision"), ==, 2);
	g_clear_pointer(&saved, json_node_unref);
	g_clear_pointer(&change, json_node_unref);
	change = test_change("update", "a", "three", 1);
	g_assert_null(cblue_store_kb_save_drafts(f->store, change, "ed2", &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_CONFLICT);
	g_clear_error(&error);
	working = cblue_store_kb_get_working(f->store, "a", &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(
			    json_object_get_object_member(json_node_get_object(working), "content"), "en"),
			==, "two");
}

static void
test_save_is_all_or_nothing(Fixture *f, gconstpointer data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) changes = json_from_string(
	    "[{\"op\":\"create\",\"entry\":{\"topic_id\":\"x\",\"content\":{\"en\":\"x\"}}},"
	    "{\"op\":\"update\",\"revision\":1,\"entry\":{\"topic_id\":\"missing\",\"content\":{\"en\":\"y\"}}}]",
	    NULL);
	g_autoptr(JsonNode) list = NULL;

	g_assert_null(cblue_store_kb_save_drafts(f->store, changes, "ed", &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND);
	list = cblue_store_kb_list_working(f->store, NULL);
	g_assert_cmpuint(json_array_get_length(json_node_get_array(list)), ==, 0);
}

static void
test_publish_and_rollback(Fixture *f, gconstpointer data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) change = test_change("create", "a", "one", -1);
	g_autoptr(JsonNode) saved = cblue_store_kb_save_drafts(f->store, change, "ed", &error);
	g_autoptr(JsonNode) published = NULL;
	g_autoptr(JsonNode) v1 = NULL;
	g_autoptr(JsonNode) versions = NULL;
	g_autoptr(JsonNode) working = NULL;
	g_autoptr(JsonNode) rolled = NULL;
	g_autoptr(CblueKb) kb = NULL;
	gint64 first;

	g_assert_no_error(error);
	published = cblue_store_kb_publish(f->store, "ed", "first", NULL, &error);
	g_assert_no_error(error);
	first = json_object_get_int_member(json_node_get_object(published), "version");
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(published), "entries"), ==, 1);
	kb = cblue_store_load_kb(f->store, &error);
	g_assert_nonnull(cblue_kb_lookup(kb, "a"));
	working = cblue_store_kb_get_working(f->store, "a", &error);
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(working), "status"), ==, "published");
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(working), "revision"), ==, 1);

	/* delete it in a draft, publish, roll back to the first version */
	g_clear_pointer(&change, json_node_unref);
	g_clear_pointer(&saved, json_node_unref);
	change = test_change("delete", "a", "", 1);
	saved = cblue_store_kb_save_drafts(f->store, change, "ed", &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(test_first(saved), "status"), ==, "deleted");
	g_clear_pointer(&published, json_node_unref);
	published = cblue_store_kb_publish(f->store, "ed", NULL, NULL, &error);
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(published), "entries"), ==, 0);
	g_clear_object(&kb);
	kb = cblue_store_load_kb(f->store, &error);
	g_assert_null(cblue_kb_lookup(kb, "a"));

	v1 = cblue_store_kb_get_version(f->store, first, &error);
	g_assert_no_error(error);
	rolled = cblue_store_kb_publish(f->store, "ed", "rollback", v1, &error);
	g_assert_no_error(error);
	g_clear_object(&kb);
	kb = cblue_store_load_kb(f->store, &error);
	g_assert_nonnull(cblue_kb_lookup(kb, "a"));
	versions = cblue_store_kb_list_versions(f->store, &error);
	g_assert_cmpuint(json_array_get_length(json_node_get_array(versions)), ==, 3);
	g_assert_cmpstr(json_object_get_string_member(test_first(versions), "comment"), ==, "rollback");
	g_assert_null(cblue_store_kb_get_version(f->store, 99, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND);
}

static void
test_users_sessions_tokens(Fixture *f, gconstpointer data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) user = NULL;
	g_autoptr(JsonNode) session = NULL;
	g_autoptr(JsonNode) token = NULL;
	g_autoptr(JsonNode) audit = NULL;
	gint64 id;

	g_assert_true(cblue_store_user_add(f->store, "alice", "editor", "$argon2id$fake", &error));
	g_assert_false(cblue_store_user_add(f->store, "alice", "viewer", "$argon2id$fake", &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_CONFLICT);
	g_clear_error(&error);
	user = cblue_store_user_get(f->store, "alice", &error);
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(user), "password_hash"), ==, "$argon2id$fake");

	g_assert_true(cblue_store_session_create(f->store, "h1", "alice", "csrf1", g_get_real_time() / G_USEC_PER_SEC + 60,
						 &error));
	session = cblue_store_session_get(f->store, "h1", 60, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(session), "role"), ==, "editor");
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(session), "csrf_token"), ==, "csrf1");
	/* past its absolute expiry: gone */
	g_assert_true(cblue_store_session_create(f->store, "h2", "alice", "csrf2", g_get_real_time() / G_USEC_PER_SEC - 1,
						 &error));
	g_assert_null(cblue_store_session_get(f->store, "h2", 60, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_AUTH_FAILED);
	g_clear_error(&error);
	/* a new password ends the sessions */
	g_assert_true(cblue_store_user_update(f->store, "alice", NULL, "$argon2id$new", -1, &error));
	g_assert_null(cblue_store_session_get(f->store, "h1", 60, &error));
	g_clear_error(&error);

	id = cblue_store_token_create(f->store, "alice", "script", "t1", &error);
	g_assert_cmpint(id, >, 0);
	token = cblue_store_token_get(f->store, "t1", &error);
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(token), "user"), ==, "alice");
	g_assert_false(cblue_store_token_delete(f->store, id, "bob", &error)); /* not bob's */
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND);
	g_clear_error(&error);
	g_assert_true(cblue_store_token_delete(f->store, id, "alice", &error));
	g_assert_null(cblue_store_token_get(f->store, "t1", &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_AUTH_FAILED);
	g_clear_error(&error);

	g_assert_true(cblue_store_audit_append(f->store, "alice", "login", NULL, NULL, &error));
	g_assert_true(cblue_store_user_delete(f->store, "alice", &error));
	g_assert_false(cblue_store_user_delete(f->store, "alice", &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND);
	g_clear_error(&error);
	audit = cblue_store_audit_list(f->store, 0, 10, &error);
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(audit), "total"), ==, 1);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add("/store-sqlite/admin/drafts", Fixture, NULL, store_sqlite_fixture_setup, test_drafts,
		   store_sqlite_fixture_teardown);
	g_test_add("/store-sqlite/admin/all-or-nothing", Fixture, NULL, store_sqlite_fixture_setup,
		   test_save_is_all_or_nothing, store_sqlite_fixture_teardown);
	g_test_add("/store-sqlite/admin/publish-rollback", Fixture, NULL, store_sqlite_fixture_setup,
		   test_publish_and_rollback, store_sqlite_fixture_teardown);
	g_test_add("/store-sqlite/admin/users-sessions-tokens", Fixture, NULL, store_sqlite_fixture_setup,
		   test_users_sessions_tokens, store_sqlite_fixture_teardown);
	return g_test_run();
}
