/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-store-common.h"

static void
test_timestamp(void)
{
	g_autofree gchar *epoch = cblue_store_timestamp(0);
	g_autofree gchar *some = cblue_store_timestamp(G_GINT64_CONSTANT(1700000000123456));
	g_autofree gchar *negative = cblue_store_timestamp(-1);

	g_assert_cmpstr(epoch, ==, "1970-01-01T00:00:00.000000Z");
	g_assert_cmpstr(some, ==, "2023-11-14T22:13:20.123456Z");
	g_assert_cmpstr(negative, ==, "1970-01-01T00:00:00.000000Z");
}

static void
test_resolve_check(void)
{
	const gchar *good[] = {"u1", "d42", "u1234567890123456789", NULL};
	const gchar *bad_prefix[] = {"u1", "x1", NULL};
	const gchar *bad_digits[] = {"u1a", NULL};
	const gchar *bare[] = {"d", NULL};
	const gchar *too_long[] = {"u123456789012345678901", NULL};
	const gchar *none[] = {NULL};
	g_autoptr(GError) error = NULL;

	g_assert_true(cblue_store_unanswered_resolve_check(good, "dismiss", &error));
	g_assert_no_error(error);
	g_assert_true(cblue_store_unanswered_resolve_check(none, "add_example", &error));
	g_assert_no_error(error);
	g_assert_false(cblue_store_unanswered_resolve_check(good, "forget", &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_clear_error(&error);
	g_assert_false(cblue_store_unanswered_resolve_check(good, NULL, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_clear_error(&error);
	for (guint i = 0; i < 4; i++) {
		const gchar *const *ids = (const gchar *const *[]){bad_prefix, bad_digits, bare, too_long}[i];
		g_assert_false(cblue_store_unanswered_resolve_check(ids, "new_entry", &error));
		g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
		g_clear_error(&error);
	}
}

static void
test_draft_topic_id(void)
{
	g_autoptr(JsonNode) entry = json_from_string("{\"topic_id\": \"hours\"}", NULL);
	g_autoptr(JsonNode) no_id = json_from_string("{\"question\": \"?\"}", NULL);
	g_autoptr(JsonNode) array = json_from_string("[]", NULL);
	g_autoptr(GError) error = NULL;

	g_assert_cmpstr(cblue_store_draft_topic_id(entry, &error), ==, "hours");
	g_assert_no_error(error);
	g_assert_null(cblue_store_draft_topic_id(no_id, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_clear_error(&error);
	g_assert_null(cblue_store_draft_topic_id(array, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_clear_error(&error);
	g_assert_null(cblue_store_draft_topic_id(NULL, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
}

static void
test_draft_plan(void)
{
	const CblueStoreWorking missing = {FALSE, FALSE, FALSE, 0, NULL};
	const CblueStoreWorking live = {TRUE, TRUE, FALSE, 3, NULL};
	const CblueStoreWorking deleted = {TRUE, TRUE, TRUE, 5, NULL};
	const struct {
		const gchar *op;
		gint64 expected;
		const CblueStoreWorking *cur;
		const gchar *planned; /* NULL: an error */
		gint64 revision;
		gint code;
	} cases[] = {
	    {"create", -1, &missing, "create", 1, 0},
	    {"create", -1, &deleted, "create", 6, 0},
	    {"create", -1, &live, NULL, 0, CBLUE_ERROR_CONFLICT},
	    {"upsert", -1, &missing, "create", 1, 0},
	    /* an upsert of a live entry is an update, so it needs the revision */
	    {"upsert", 3, &live, "update", 4, 0},
	    {"upsert", -1, &live, NULL, 0, CBLUE_ERROR_CONFLICT},
	    {"upsert", 2, &live, NULL, 0, CBLUE_ERROR_CONFLICT},
	    {"update", -1, &missing, "create", 1, 0},
	    {"update", 3, &live, "update", 4, 0},
	    {"update", -1, &live, NULL, 0, CBLUE_ERROR_CONFLICT},
	    {"update", 1, &missing, NULL, 0, CBLUE_ERROR_NOT_FOUND},
	    {"delete", -1, &live, "delete", 4, 0},
	    {"delete", 3, &live, "delete", 4, 0},
	    {"delete", 2, &live, NULL, 0, CBLUE_ERROR_CONFLICT},
	    {"delete", -1, &missing, NULL, 0, CBLUE_ERROR_NOT_FOUND},
	    {"delete", -1, &deleted, NULL, 0, CBLUE_ERROR_NOT_FOUND},
	    {"rename", -1, &live, NULL, 0, CBLUE_ERROR_INVALID_DATA},
	    {"", -1, &missing, NULL, 0, CBLUE_ERROR_INVALID_DATA},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GError) error = NULL;
		gint64 revision = -7;
		const gchar *planned =
		    cblue_store_draft_plan(cases[i].op, "hours", cases[i].expected, cases[i].cur, &revision, &error);

		g_test_message("case %u: %s", i, cases[i].op);
		g_assert_cmpstr(planned, ==, cases[i].planned);
		if (cases[i].planned != NULL) {
			g_assert_no_error(error);
			g_assert_cmpint(revision, ==, cases[i].revision);
		} else {
			g_assert_error(error, CBLUE_ERROR, cases[i].code);
			g_assert_cmpint(revision, ==, -7);
		}
	}
}

static void
test_draft_json(void)
{
	g_autoptr(JsonNode) entry =
	    json_from_string("{\"topic_id\": \"hours\", \"status\": \"draft\", \"revision\": 2, "
			     "\"updated_at\": \"x\", \"updated_by\": \"y\", \"answer\": {\"en\": \"9-5\"}}",
			     NULL);
	g_autofree gchar *clean = cblue_store_draft_clean_entry(json_node_get_object(entry));
	g_autoptr(JsonNode) removed = NULL;
	g_autoptr(GError) error = NULL;
	JsonObject *obj;

	g_assert_cmpstr(clean, ==, "{\"topic_id\":\"hours\",\"answer\":{\"en\":\"9-5\"}}");
	/* the caller's entry is left as it was */
	g_assert_true(json_object_has_member(json_node_get_object(entry), "status"));

	removed = cblue_store_draft_removed_entry(clean, 4, "2026-01-01T00:00:00.000000Z", "ann", &error);
	g_assert_no_error(error);
	obj = json_node_get_object(removed);
	g_assert_cmpstr(json_object_get_string_member(obj, "topic_id"), ==, "hours");
	g_assert_cmpstr(json_object_get_string_member(obj, "status"), ==, "deleted");
	g_assert_cmpint(json_object_get_int_member(obj, "revision"), ==, 5);
	g_assert_cmpstr(json_object_get_string_member(obj, "updated_by"), ==, "ann");
	g_assert_null(cblue_store_draft_removed_entry("{broken", 4, "now", "ann", &error));
	g_assert_nonnull(error);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/store-common/timestamp", test_timestamp);
	g_test_add_func("/store-common/resolve-check", test_resolve_check);
	g_test_add_func("/store-common/draft-topic-id", test_draft_topic_id);
	g_test_add_func("/store-common/draft-plan", test_draft_plan);
	g_test_add_func("/store-common/draft-json", test_draft_json);
	return g_test_run();
}
