/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <time.h>

#include "cblue-store-common.h"
#include "cblue-store-queue.h"

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

/* the formatted calendar against gmtime_r(): leap days, century years, the last second of
 * a year, and a day every 997 days (≈ 2.7 years) from 1970 to 9999 */
static void
test_timestamp_calendar(void)
{
	const gint64 fixed[] = {
	    G_GINT64_CONSTANT(951782400000000),	   /* 2000-02-29 */
	    G_GINT64_CONSTANT(4107542400000000),   /* 2100-03-01, no leap day in 2100 */
	    G_GINT64_CONSTANT(946684799999999),	   /* 1999-12-31T23:59:59.999999 */
	    G_GINT64_CONSTANT(253402300799999999), /* 9999-12-31T23:59:59.999999 */
	    G_GINT64_CONSTANT(253402300800000000), /* 10000-01-01, five digits */
	};

	for (guint i = 0; i < G_N_ELEMENTS(fixed) + 2925; i++) {
		gint64 usec = i < G_N_ELEMENTS(fixed)
				  ? fixed[i]
				  : (gint64)(i - G_N_ELEMENTS(fixed)) * 997 * 86400 * G_USEC_PER_SEC + 45296789012;
		time_t secs = (time_t)(usec / G_USEC_PER_SEC);
		struct tm tm;
		g_autofree gchar *expected = NULL;
		g_autofree gchar *got = cblue_store_timestamp(usec);

		g_assert_nonnull(gmtime_r(&secs, &tm));
		expected = g_strdup_printf("%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", tm.tm_year + 1900, tm.tm_mon + 1,
					   tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (int)(usec % G_USEC_PER_SEC));
		g_assert_cmpstr(got, ==, expected);
	}
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

static void
test_outcome_names(void)
{
	const CblueOutcome outcomes[] = {CBLUE_OUTCOME_ANSWERED, CBLUE_OUTCOME_CLARIFY, CBLUE_OUTCOME_UNANSWERED};
	CblueOutcome outcome = CBLUE_OUTCOME_ANSWERED;

	for (guint i = 0; i < G_N_ELEMENTS(outcomes); i++) {
		g_assert_true(cblue_store_outcome_from_string(cblue_outcome_to_string(outcomes[i]), &outcome));
		g_assert_cmpint(outcome, ==, outcomes[i]);
	}
	g_assert_false(cblue_store_outcome_from_string("Answered", &outcome));
	g_assert_false(cblue_store_outcome_from_string(NULL, &outcome));
}

static void
test_queue_record(CblueStoreQueue *queue, guint i)
{
	g_autofree gchar *text = g_strdup_printf("question %u", i);
	g_autoptr(CblueMessage) message = cblue_message_new(text);
	g_autoptr(CblueChatReply) reply = cblue_chat_reply_new();

	cblue_message_set_conversation_id(message, "conversation");
	cblue_chat_reply_set_text(reply, "answer");
	cblue_chat_reply_set_outcome(reply, i % 2 == 0 ? CBLUE_OUTCOME_UNANSWERED : CBLUE_OUTCOME_ANSWERED);
	if (i == 0) {
		const gchar *const types[] = {"TH_ID", "PHONE", NULL};
		cblue_chat_reply_set_pii_types(reply, types);
	}
	cblue_store_queue_record(queue, message, reply);
}

static void
test_queue_join(gpointer data, gpointer user_data)
{
	*(guint *)data += 1;
}

/* records in batches of batch_max up to the STOP marker, in order, with times that never
 * tie nor go back */
static void
test_queue_batches(void)
{
	const CblueStoreQueueConfig config = {
	    .batch_max = 3,
	    .group_commit_usec = G_TIME_SPAN_MILLISECOND,
	    .max_pending = 100,
	    .increasing_times = TRUE,
	};
	CblueStoreQueue *queue = cblue_store_queue_new(&config);
	g_autoptr(GPtrArray) first = NULL;
	g_autoptr(GPtrArray) second = NULL;
	g_autoptr(CblueStoreItem) stop = NULL;
	CblueStoreItem *marker = NULL;
	gint64 last_usec = 0;
	guint joined = 0;
	g_autoptr(GError) error = NULL;

	for (guint i = 0; i < 5; i++)
		test_queue_record(queue, i);
	g_assert_false(cblue_store_queue_is_stopping(queue));
	g_assert_true(cblue_store_queue_stop(queue, NULL));
	g_assert_false(cblue_store_queue_stop(queue, NULL));
	g_assert_true(cblue_store_queue_is_stopping(queue));

	first = cblue_store_queue_next_batch(queue, -1, &marker);
	g_assert_cmpuint(first->len, ==, 3);
	g_assert_null(marker);
	second = cblue_store_queue_next_batch(queue, -1, &marker);
	g_assert_cmpuint(second->len, ==, 2);
	g_assert_nonnull(marker);
	stop = marker;
	g_assert_cmpint(stop->kind, ==, CBLUE_STORE_ITEM_STOP);
	g_ptr_array_extend_and_steal(first, g_steal_pointer(&second));
	for (guint i = 0; i < first->len; i++) {
		CblueStoreItem *item = g_ptr_array_index(first, i);
		g_autofree gchar *text = g_strdup_printf("question %u", i);
		g_assert_cmpint(item->kind, ==, CBLUE_STORE_ITEM_RECORD);
		g_assert_cmpstr(item->text, ==, text);
		g_assert_cmpstr(item->conversation_id, ==, "conversation");
		g_assert_nonnull(item->message_id);
		g_assert_nonnull(item->reply_id);
		g_assert_cmpstr(item->reply_id, !=, item->message_id);
		g_assert_cmpint(item->outcome, ==, i % 2 == 0 ? CBLUE_OUTCOME_UNANSWERED : CBLUE_OUTCOME_ANSWERED);
		/* sorted by the reply */
		g_assert_cmpstr(item->pii_types, ==, (i == 0 ? "PHONE,TH_ID" : NULL));
		g_assert_cmpint(item->received_usec, >, last_usec);
		g_assert_cmpint(item->replied_usec, >, item->received_usec);
		last_usec = item->replied_usec;
	}
	/* once closed, a flush waits for the writer to end, then reports */
	g_assert_true(cblue_store_queue_flush(queue, 0, test_queue_join, &joined, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(joined, ==, 1);
	cblue_store_queue_free(queue);
}

static gpointer
test_queue_flush_thread(gpointer data)
{
	g_autoptr(GError) error = NULL;
	gboolean ok = cblue_store_queue_flush(data, G_USEC_PER_SEC, test_queue_join, NULL, &error);
	g_assert_no_error(error);
	return GINT_TO_POINTER(ok);
}

/* a flush is answered by the writer once it took what was queued before it */
static void
test_queue_flush(void)
{
	const CblueStoreQueueConfig config = {.batch_max = 10, .max_pending = 100};
	CblueStoreQueue *queue = cblue_store_queue_new(&config);
	GThread *thread;
	g_autoptr(GPtrArray) batch = NULL;
	g_autoptr(CblueStoreItem) flush = NULL;
	CblueStoreItem *marker = NULL;
	gint64 before = g_get_monotonic_time();

	test_queue_record(queue, 0);
	thread = g_thread_new("flush", test_queue_flush_thread, queue);
	while (marker == NULL) {
		g_autoptr(GPtrArray) more = cblue_store_queue_next_batch(queue, G_USEC_PER_SEC, &marker);
		if (batch == NULL)
			batch = g_steal_pointer(&more);
	}
	flush = marker;
	g_assert_cmpuint(batch->len, ==, 1);
	g_assert_cmpint(flush->kind, ==, CBLUE_STORE_ITEM_FLUSH);
	g_assert_cmpint(flush->flush_deadline, >=, before + G_USEC_PER_SEC);
	cblue_store_queue_answer_flush(queue, flush, NULL);
	g_assert_true(GPOINTER_TO_INT(g_thread_join(thread)));
	g_assert_true(cblue_store_queue_stop(queue, NULL));
	cblue_store_queue_free(queue);
}

static void
test_queue_answer_stop(gpointer item, gpointer data)
{
	*(guint *)data += 1;
}

/* a writer that could not start loses what was queued, and says so at the next flush */
static void
test_queue_drain(void)
{
	const CblueStoreQueueConfig config = {.batch_max = 10, .max_pending = 100};
	CblueStoreQueue *queue = cblue_store_queue_new(&config);
	g_autoptr(GError) cause = g_error_new_literal(CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE, "no database");
	g_autoptr(GError) error = NULL;
	guint stops = 0;

	test_queue_record(queue, 0);
	test_queue_record(queue, 1);
	g_assert_true(cblue_store_queue_stop(queue, NULL));
	cblue_store_queue_drain(queue, cause, test_queue_answer_stop, &stops);
	g_assert_cmpuint(stops, ==, 1);
	g_assert_false(cblue_store_queue_take_losses(queue, 0, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE);
	g_assert_nonnull(strstr(error->message, "2 "));
	g_assert_nonnull(strstr(error->message, "no database"));
	g_clear_error(&error);
	/* reported once; then the refused ones */
	g_assert_true(cblue_store_queue_take_losses(queue, 0, &error));
	g_assert_no_error(error);
	g_assert_false(cblue_store_queue_take_losses(queue, 3, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_BUSY);
	cblue_store_queue_free(queue);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/store-common/timestamp", test_timestamp);
	g_test_add_func("/store-common/timestamp-calendar", test_timestamp_calendar);
	g_test_add_func("/store-common/resolve-check", test_resolve_check);
	g_test_add_func("/store-common/draft-topic-id", test_draft_topic_id);
	g_test_add_func("/store-common/draft-plan", test_draft_plan);
	g_test_add_func("/store-common/draft-json", test_draft_json);
	g_test_add_func("/store-common/outcome-names", test_outcome_names);
	g_test_add_func("/store-common/queue/batches", test_queue_batches);
	g_test_add_func("/store-common/queue/flush", test_queue_flush);
	g_test_add_func("/store-common/queue/drain", test_queue_drain);
	return g_test_run();
}
