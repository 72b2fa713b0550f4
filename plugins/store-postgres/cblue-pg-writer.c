/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "cblue-pg-outbox.h"
#include "cblue-pg-writer.h"
#include "cblue-pg.h"
#include "cblue-store-queue.h"

/*
 * The writer thread owns one connection. It takes records from a queue in batches (group
 * commit) and writes each batch with one statement, whose parameters are arrays: one round
 * trip for up to 512 exchanges. The statement is idempotent by message id, so that a batch
 * written twice (a replay after a commit whose answer was lost, a re-delivered job) is
 * written once.
 *
 * When PostgreSQL cannot be reached, batches go to the outbox file instead (durable,
 * fdatasync()ed) and the thread reconnects with a back-off; once connected, it replays the
 * outbox, in order, before anything newer. While the outbox holds records, new batches are
 * appended behind them, so the order of the writes is the order of the records. A flush
 * waits for the outbox to be empty, up to `flush_timeout_s`.
 */

/* records per statement: large enough that a burst costs few round trips, small enough
 * that one statement never holds its row locks for long */
#define CBLUE_PG_BATCH_MAX 512
/* the longest a record waits for others to share its statement, and the pause in arrivals
 * after which the statement goes without waiting for more */
#define CBLUE_PG_GROUP_COMMIT_USEC (20 * G_TIME_SPAN_MILLISECOND)
#define CBLUE_PG_GROUP_IDLE_USEC (2 * G_TIME_SPAN_MILLISECOND)
/* records waiting in memory before new ones are refused */
#define CBLUE_PG_MAX_PENDING 100000
/* how often an idle writer checks the connection, which is what /readyz reports */
#define CBLUE_PG_PING_USEC (1 * G_USEC_PER_SEC)
/* reconnection back-off */
#define CBLUE_PG_RECONNECT_MIN_USEC (100 * G_TIME_SPAN_MILLISECOND)
#define CBLUE_PG_RECONNECT_MAX_USEC (2 * G_USEC_PER_SEC)
/* the most connections a batch is spread over, by conversation: each statement runs
 * on a server core of its own, and all of a conversation's records go to the same one,
 * in order */
#define CBLUE_PG_WRITERS_MAX 8
/* a busy database (deadlock, serialization failure) is retried this often before the
 * batch goes to the outbox */
#define CBLUE_PG_BUSY_ATTEMPTS 8
#define CBLUE_PG_BUSY_RETRY_USEC (20 * G_TIME_SPAN_MILLISECOND)

struct _CbluePgWriter {
	gchar *url;	   /* owned */
	gchar *outbox_dir; /* owned */
	guint connect_timeout_s;
	gint64 flush_timeout_usec;
	CblueStoreQueue *queue; /* owned: records, flush and stop markers */
	gint reachable;	    /* atomic: the last operation on the connection worked */
	gint migrations_applied; /* atomic */
	GMutex status_mutex;
	gchar *status_message; /* owned, nullable, under status_mutex: why not reachable */
	GMutex thread_mutex;
	GThread *thread; /* owned, nullable, under thread_mutex */
	/* the thread's own, or anyone's once it was joined */
	GTask *open_task;	  /* owned, nullable */
	PGconn *conn;		  /* owned, nullable: NULL while disconnected */
	PGconn *more[CBLUE_PG_WRITERS_MAX - 1]; /* owned: the other writing connections, with conn */
	guint n_writers; /* conn and the first n_writers - 1 of more */
	CbluePgOutbox *outbox;	  /* owned, nullable until opened */
	GPtrArray *flushes;	  /* owned, of CblueStoreItem: waiting for the outbox to empty */
	gint64 next_connect;	  /* monotonic */
	gint64 reconnect_delay;
	gint64 last_ping; /* monotonic */
};

CbluePgWriter *
cblue_pg_writer_new(const gchar *url, const gchar *outbox_dir, guint connect_timeout_s, guint flush_timeout_s,
		    guint connections)
{
	static const CblueStoreQueueConfig config = {
	    .batch_max = CBLUE_PG_BATCH_MAX,
	    .group_commit_usec = CBLUE_PG_GROUP_COMMIT_USEC,
	    .group_idle_usec = CBLUE_PG_GROUP_IDLE_USEC,
	    .max_pending = CBLUE_PG_MAX_PENDING,
	    /* PostgreSQL has no insertion order to fall back on */
	    .increasing_times = TRUE,
	};
	CbluePgWriter *self = g_new0(CbluePgWriter, 1);

	self->n_writers = CLAMP(connections, 1, CBLUE_PG_WRITERS_MAX);
	self->url = g_strdup(url);
	self->outbox_dir = g_strdup(outbox_dir);
	self->connect_timeout_s = connect_timeout_s;
	self->flush_timeout_usec = (gint64)flush_timeout_s * G_USEC_PER_SEC;
	self->queue = cblue_store_queue_new(&config);
	self->flushes = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_store_item_free);
	self->reconnect_delay = CBLUE_PG_RECONNECT_MIN_USEC;
	g_mutex_init(&self->status_mutex);
	g_mutex_init(&self->thread_mutex);
	return self;
}

static void
cblue_pg_writer_close(CbluePgWriter *self)
{
	g_clear_pointer(&self->conn, PQfinish);
	for (guint i = 0; i < G_N_ELEMENTS(self->more); i++)
		g_clear_pointer(&self->more[i], PQfinish);
}

/* opens the writing connections; conn is the first, used alone for the rest */
static gboolean
cblue_pg_writer_connect(CbluePgWriter *self, guint timeout_s, GError **error)
{
	self->conn = cblue_pg_connect(self->url, timeout_s, error);
	if (self->conn == NULL)
		return FALSE;
	for (guint i = 0; i + 1 < self->n_writers; i++) {
		self->more[i] = cblue_pg_connect(self->url, timeout_s, error);
		if (self->more[i] == NULL) {
			cblue_pg_writer_close(self);
			return FALSE;
		}
	}
	return TRUE;
}

/* the thread must have been joined (or never started) */
void
cblue_pg_writer_free(CbluePgWriter *self)
{
	g_free(self->url);
	g_free(self->outbox_dir);
	cblue_store_queue_free(self->queue);
	g_ptr_array_unref(self->flushes);
	g_clear_object(&self->open_task);
	cblue_pg_writer_close(self);
	g_clear_pointer(&self->outbox, cblue_pg_outbox_free);
	g_free(self->status_message);
	g_mutex_clear(&self->status_mutex);
	g_mutex_clear(&self->thread_mutex);
	g_free(self);
}

/* completions: a GTask is returned (and released) in its own context, never here, see
 * cblue_store_complete() */
static void
cblue_pg_complete(GTask *task, GError *error)
{
	cblue_store_complete(task, NULL, NULL, error, "[cblue-store-postgres] completion");
}

/* connection state */

static void
cblue_pg_writer_set_reachable(CbluePgWriter *self, const GError *error)
{
	g_mutex_lock(&self->status_mutex);
	g_clear_pointer(&self->status_message, g_free);
	if (error != NULL)
		self->status_message = g_strdup(error->message);
	g_mutex_unlock(&self->status_mutex);
	if (g_atomic_int_get(&self->reachable) != (error == NULL)) {
		if (error != NULL)
			g_warning("PostgreSQL is not reachable: %s", error->message);
		else
			g_message("PostgreSQL is reachable again");
	}
	g_atomic_int_set(&self->reachable, error == NULL);
}

static void
cblue_pg_writer_disconnect(CbluePgWriter *self, const GError *error)
{
	cblue_pg_writer_close(self);
	cblue_pg_writer_set_reachable(self, error);
	self->next_connect = g_get_monotonic_time();
}

/* one attempt; the schema is checked again, for a server that came back empty */
static void
cblue_pg_writer_reconnect(CbluePgWriter *self)
{
	g_autoptr(GError) error = NULL;
	guint applied = 0;

	if (cblue_pg_writer_connect(self, 2, &error) && cblue_pg_migrate(self->conn, &applied, &error)) {
		self->reconnect_delay = CBLUE_PG_RECONNECT_MIN_USEC;
		self->last_ping = g_get_monotonic_time();
		g_atomic_int_add(&self->migrations_applied, (gint)applied);
		cblue_pg_writer_set_reachable(self, NULL);
		return;
	}
	cblue_pg_writer_close(self);
	cblue_pg_writer_set_reachable(self, error);
	self->next_connect = g_get_monotonic_time() + self->reconnect_delay;
	self->reconnect_delay = MIN(self->reconnect_delay * 2, CBLUE_PG_RECONNECT_MAX_USEC);
}

/* the outbox: records as JSON Lines */

static gchar *
cblue_pg_item_to_line(CblueStoreItem *item)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonGenerator) generator = json_generator_new();
	g_autoptr(JsonNode) root = NULL;
	const struct {
		const gchar *name;
		const gchar *value;
	} strings[] = {
	    {"conversation_id", item->conversation_id},
	    {"channel", item->channel},
	    {"message_id", item->message_id},
	    {"reply_id", item->reply_id},
	    {"text", item->text},
	    {"language", item->language},
	    {"reply_text", item->reply_text},
	    {"reply_language", item->reply_language},
	    {"topic_id", item->topic_id},
	    {"outcome", cblue_outcome_to_string(item->outcome)},
	    {"pii_types", item->pii_types},
	};

	json_builder_begin_object(builder);
	for (guint i = 0; i < G_N_ELEMENTS(strings); i++) {
		json_builder_set_member_name(builder, strings[i].name);
		if (strings[i].value != NULL)
			json_builder_add_string_value(builder, strings[i].value);
		else
			json_builder_add_null_value(builder);
	}
	json_builder_set_member_name(builder, "confidence");
	json_builder_add_double_value(builder, item->confidence);
	json_builder_set_member_name(builder, "small_talk");
	json_builder_add_boolean_value(builder, item->small_talk);
	json_builder_set_member_name(builder, "duration_us");
	json_builder_add_int_value(builder, item->duration_usec);
	json_builder_set_member_name(builder, "received_us");
	json_builder_add_int_value(builder, item->received_usec);
	json_builder_set_member_name(builder, "replied_us");
	json_builder_add_int_value(builder, item->replied_usec);
	json_builder_end_object(builder);
	root = json_builder_get_root(builder);
	/* one line: JSON strings escape every newline */
	json_generator_set_root(generator, root);
	return json_generator_to_data(generator, NULL);
}

static gchar *
cblue_pg_json_dup_string(JsonObject *obj, const gchar *name)
{
	JsonNode *node = json_object_get_member(obj, name);
	if (node == NULL || JSON_NODE_HOLDS_NULL(node) || json_node_get_value_type(node) != G_TYPE_STRING)
		return NULL;
	return g_strdup(json_node_get_string(node));
}

static CblueStoreItem *
cblue_pg_item_new_from_line(const gchar *line, GError **error)
{
	g_autoptr(JsonNode) node = json_from_string(line, error);
	g_autoptr(CblueStoreItem) item = cblue_store_item_new(CBLUE_STORE_ITEM_RECORD);
	g_autofree gchar *outcome = NULL;
	JsonObject *obj;

	if (node == NULL)
		return NULL;
	if (!JSON_NODE_HOLDS_OBJECT(node)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "an outbox line is not an object");
		return NULL;
	}
	obj = json_node_get_object(node);
	item->conversation_id = cblue_pg_json_dup_string(obj, "conversation_id");
	item->channel = cblue_pg_json_dup_string(obj, "channel");
	item->message_id = cblue_pg_json_dup_string(obj, "message_id");
	item->reply_id = cblue_pg_json_dup_string(obj, "reply_id");
	item->text = cblue_pg_json_dup_string(obj, "text");
	item->language = cblue_pg_json_dup_string(obj, "language");
	item->reply_text = cblue_pg_json_dup_string(obj, "reply_text");
	item->reply_language = cblue_pg_json_dup_string(obj, "reply_language");
	item->topic_id = cblue_pg_json_dup_string(obj, "topic_id");
	outcome = cblue_pg_json_dup_string(obj, "outcome");
	item->pii_types = cblue_pg_json_dup_string(obj, "pii_types");
	item->confidence = json_object_get_double_member_with_default(obj, "confidence", 0);
	/* (outbox lines written before small talk have none) */
	item->small_talk = json_object_get_boolean_member_with_default(obj, "small_talk", FALSE);
	item->duration_usec = json_object_get_int_member_with_default(obj, "duration_us", 0);
	item->received_usec = json_object_get_int_member_with_default(obj, "received_us", 0);
	item->replied_usec = json_object_get_int_member_with_default(obj, "replied_us", 0);
	if (item->conversation_id == NULL || item->channel == NULL || item->message_id == NULL ||
	    item->reply_id == NULL || item->text == NULL || item->reply_text == NULL || outcome == NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "an outbox line misses a member");
		return NULL;
	}
	if (!cblue_store_outcome_from_string(outcome, &item->outcome)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "an outbox line has an unknown outcome %s",
			    outcome);
		return NULL;
	}
	return g_steal_pointer(&item);
}

/* keeps records [start, end) of @batch in the outbox; they are lost only if that fails */
static void
cblue_pg_writer_keep(CbluePgWriter *self, GPtrArray *batch, guint start, guint end)
{
	g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GError) error = NULL;

	for (guint i = start; i < end; i++)
		g_ptr_array_add(lines, cblue_pg_item_to_line(g_ptr_array_index(batch, i)));
	if (!cblue_pg_outbox_append(self->outbox, lines, &error))
		cblue_store_queue_lose(self->queue, end - start, error);
	else
		g_debug("%u exchange(s) kept in the outbox", end - start);
}

/* writing */

/* the whole batch in one statement; see the comment in data/sql/postgres/0001-init.sql on
 * why message ids are the idempotency key */
static const gchar cblue_pg_write_sql[] =
    "WITH input AS ("
    "  SELECT DISTINCT ON (message_id) * FROM unnest("
    "    $1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],"
    "    $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::float8[], $14::bigint[],"
    "    $15::timestamptz[], $16::boolean[]) WITH ORDINALITY AS t (message_id, conversation_id, channel,"
    "    language, text, pii_types, received_at, reply_id, reply_text, reply_language, topic_id, outcome,"
    "    confidence, duration_us, replied_at, small_talk, ord)"
    "  ORDER BY message_id, ord),"
    /* the user messages not recorded yet decide what else is written */
    " fresh_ids AS ("
    "  INSERT INTO messages (id, conversation_id, role, text, language, pii_types, created_at)"
    "  SELECT message_id, conversation_id, 'user', text, language, pii_types, received_at"
    "  FROM input ORDER BY ord ON CONFLICT (id) DO NOTHING RETURNING id),"
    " fresh AS (SELECT input.* FROM input JOIN fresh_ids ON fresh_ids.id = input.message_id),"
    /* created with the first exchange; later ones add two rows to the count and follow
     * the language the customer last wrote in; in id order, against deadlocks between
     * two writers */
    " conversation_rows AS ("
    "  INSERT INTO conversations AS c (id, channel, language, created_at, updated_at, message_count)"
    "  SELECT conversation_id, (array_agg(channel ORDER BY ord))[1],"
    "    (array_agg(language ORDER BY ord DESC) FILTER (WHERE language IS NOT NULL))[1],"
    "    min(received_at), max(replied_at), 2 * count(*)"
    "  FROM fresh GROUP BY conversation_id ORDER BY conversation_id"
    "  ON CONFLICT (id) DO UPDATE SET updated_at = GREATEST(c.updated_at, excluded.updated_at),"
    "    language = COALESCE(excluded.language, c.language),"
    "    message_count = c.message_count + excluded.message_count),"
    " bot_rows AS ("
    "  INSERT INTO messages (id, conversation_id, role, text, language, topic_id, outcome, confidence,"
    "    duration_us, created_at)"
    "  SELECT reply_id, conversation_id, 'bot', reply_text, reply_language, topic_id, outcome, confidence,"
    "    duration_us, replied_at FROM fresh ORDER BY ord),"
    " event_rows AS ("
    "  INSERT INTO analytics_events (type, conversation_id, message_id, language, topic_id, outcome,"
    "    duration_us, created_at)"
    "  SELECT 'message', conversation_id, message_id, reply_language, topic_id, outcome, duration_us,"
    "    replied_at FROM fresh ORDER BY ord),"
    " unanswered_rows AS ("
    "  INSERT INTO unanswered (conversation_id, message_id, language, text, created_at)"
    "  SELECT conversation_id, message_id, language, text, received_at FROM fresh"
    "  WHERE outcome = 'unanswered' AND NOT small_talk ORDER BY ord)"
    " SELECT count(*) FROM fresh";

#define CBLUE_PG_WRITE_N_PARAMS 16

/* the parameters of the write statement for @items, one array each */
static void
cblue_pg_write_params(GPtrArray *items, gchar **values)
{
	GString *arrays[CBLUE_PG_WRITE_N_PARAMS];

	for (guint p = 0; p < CBLUE_PG_WRITE_N_PARAMS; p++)
		arrays[p] = cblue_pg_array_new();
	for (guint i = 0; i < items->len; i++) {
		CblueStoreItem *item = g_ptr_array_index(items, i);
		g_autofree gchar *received = cblue_store_timestamp(item->received_usec);
		g_autofree gchar *replied = cblue_store_timestamp(item->replied_usec);
		g_autofree gchar *duration = g_strdup_printf("%" G_GINT64_FORMAT, item->duration_usec);
		gchar confidence[G_ASCII_DTOSTR_BUF_SIZE];
		const gchar *row[CBLUE_PG_WRITE_N_PARAMS] = {
		    item->message_id, item->conversation_id, item->channel,	  item->language,
		    item->text,	      item->pii_types,	     received,		  item->reply_id,
		    item->reply_text, item->reply_language,  item->topic_id,	  cblue_outcome_to_string(item->outcome),
		    NULL,	      duration,		     replied,		  item->small_talk ? "t" : "f",
		};
		/* locale-independent; NaN and infinities are not confidences */
		row[12] = isfinite(item->confidence) ? g_ascii_dtostr(confidence, sizeof(confidence), item->confidence)
						     : "0";
		for (guint p = 0; p < CBLUE_PG_WRITE_N_PARAMS; p++)
			cblue_pg_array_add(arrays[p], row[p]);
	}
	for (guint p = 0; p < CBLUE_PG_WRITE_N_PARAMS; p++)
		values[p] = cblue_pg_array_free(arrays[p]);
}

/* sends the write statement for @items on @conn without waiting for its result */
static gboolean
cblue_pg_write_send(PGconn *conn, GPtrArray *items, GError **error)
{
	gchar *values[CBLUE_PG_WRITE_N_PARAMS];
	gboolean sent;

	cblue_pg_write_params(items, values);
	sent = PQsendQueryParams(conn, cblue_pg_write_sql, CBLUE_PG_WRITE_N_PARAMS, NULL,
				 (const gchar *const *)values, NULL, NULL, 0) == 1;
	for (guint p = 0; p < CBLUE_PG_WRITE_N_PARAMS; p++)
		g_free(values[p]);
	if (!sent) {
		g_autofree gchar *msg = g_strstrip(g_strdup(PQerrorMessage(conn)));
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE, "cannot record the exchanges: %s", msg);
		return FALSE;
	}
	return TRUE;
}

/* waits for the result of what cblue_pg_write_send() sent; reads every result, so that
 * the connection is ready for the next statement even after an error */
static gboolean
cblue_pg_write_receive(PGconn *conn, GError **error)
{
	gboolean ok = TRUE;
	PGresult *res;

	while ((res = PQgetResult(conn)) != NULL) {
		g_autoptr(PGresult) owned = res;
		if (PQresultStatus(res) != PGRES_TUPLES_OK && ok) {
			cblue_pg_set_error(error, conn, res, "cannot record the exchanges");
			ok = FALSE;
		}
	}
	if (ok && PQstatus(conn) != CONNECTION_OK) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE, "cannot record the exchanges: %s",
			    PQerrorMessage(conn));
		return FALSE;
	}
	return ok;
}

/*
 * Records [start, end) of @batch, spread over the writing connections by conversation,
 * the statements running side by side on the server. Each statement commits on its own:
 * when one fails, the others' records are written already, and writing the whole range
 * again (a retry, a replay) skips them by message id.
 */
static gboolean
cblue_pg_writer_write_range(CbluePgWriter *self, GPtrArray *batch, guint start, guint end, GError **error)
{
	PGconn *conns[CBLUE_PG_WRITERS_MAX] = {self->conn};
	GPtrArray *parts[CBLUE_PG_WRITERS_MAX] = {NULL}; /* owned, borrowing the items */
	gboolean sent[CBLUE_PG_WRITERS_MAX] = {FALSE};
	guint n = end - start < 64 ? 1 : self->n_writers;
	gboolean ok = TRUE;

	for (guint k = 0; k < n; k++) {
		if (k > 0)
			conns[k] = self->more[k - 1];
		parts[k] = g_ptr_array_new();
	}
	for (guint i = start; i < end; i++) {
		CblueStoreItem *item = g_ptr_array_index(batch, i);
		g_ptr_array_add(parts[g_str_hash(item->conversation_id) % n], item);
	}
	for (guint k = 0; k < n && ok; k++) {
		if (parts[k]->len == 0)
			continue;
		ok = cblue_pg_write_send(conns[k], parts[k], error);
		sent[k] = ok;
	}
	for (guint k = 0; k < n; k++) {
		g_autoptr(GError) error_local = NULL;
		if (!sent[k])
			continue;
		if (!cblue_pg_write_receive(conns[k], &error_local) && ok) {
			g_propagate_error(error, g_steal_pointer(&error_local));
			ok = FALSE;
		}
	}
	for (guint k = 0; k < n; k++)
		g_ptr_array_unref(parts[k]);
	return ok;
}

/* a busy database is waited out for a little; a lost connection is reported at once */
static gboolean
cblue_pg_writer_write_retry(CbluePgWriter *self, GPtrArray *batch, guint start, guint end, GError **error)
{
	for (guint attempt = 1;; attempt++) {
		g_autoptr(GError) error_local = NULL;

		if (cblue_pg_writer_write_range(self, batch, start, end, &error_local)) {
			self->last_ping = g_get_monotonic_time();
			return TRUE;
		}
		if (g_error_matches(error_local, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE))
			cblue_pg_writer_disconnect(self, error_local);
		if (!g_error_matches(error_local, CBLUE_ERROR, CBLUE_ERROR_BUSY) || attempt >= CBLUE_PG_BUSY_ATTEMPTS) {
			g_propagate_error(error, g_steal_pointer(&error_local));
			return FALSE;
		}
		g_debug("retrying to record %u exchange(s): %s", end - start, error_local->message);
		g_usleep(CBLUE_PG_BUSY_RETRY_USEC * attempt);
	}
}

/*
 * Writes records [start, end) of @batch. What cannot be written for now (no connection,
 * a database busy for too long) is kept in the outbox; a record the database refuses
 * for good is written alone, so that it does not take the others with it, then lost.
 * Returns %FALSE if some records went to the outbox.
 */
static gboolean
cblue_pg_writer_write(CbluePgWriter *self, GPtrArray *batch, guint start, guint end)
{
	g_autoptr(GError) error = NULL;

	if (self->conn == NULL) {
		cblue_pg_writer_keep(self, batch, start, end);
		return FALSE;
	}
	if (cblue_pg_writer_write_retry(self, batch, start, end, &error))
		return TRUE;
	if (cblue_pg_error_is_transient(error)) {
		cblue_pg_writer_keep(self, batch, start, end);
		return FALSE;
	}
	if (end - start == 1) {
		cblue_store_queue_lose(self->queue, 1, error);
		return TRUE;
	}
	g_debug("batch of %u failed (%s), writing its records one by one", end - start, error->message);
	for (guint i = start; i < end; i++) {
		if (!cblue_pg_writer_write(self, batch, i, i + 1)) {
			/* the connection is gone: the rest waits behind it, in order */
			cblue_pg_writer_keep(self, batch, i + 1, end);
			return FALSE;
		}
	}
	return TRUE;
}

/* replays the outbox, oldest first; it is emptied once every record is written */
static void
cblue_pg_writer_replay(CbluePgWriter *self)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) lines = cblue_pg_outbox_read(self->outbox, &error);
	g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_store_item_free);
	g_autoptr(CbluePgOutbox) rest = NULL;

	if (lines == NULL) {
		g_warning("%s", error->message);
		return;
	}
	for (guint i = 0; i < lines->len; i++) {
		g_autoptr(GError) error_line = NULL;
		CblueStoreItem *item = cblue_pg_item_new_from_line(g_ptr_array_index(lines, i), &error_line);
		if (item == NULL) {
			g_autoptr(GError) error_lost = NULL;
			g_set_error(&error_lost, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "%s, line %u: %s",
				    cblue_pg_outbox_get_path(self->outbox), i + 1, error_line->message);
			cblue_store_queue_lose(self->queue, 1, error_lost);
			continue;
		}
		g_ptr_array_add(items, item);
	}
	for (guint start = 0; start < items->len; start += CBLUE_PG_BATCH_MAX) {
		guint end = MIN(start + CBLUE_PG_BATCH_MAX, items->len);
		/* the records are in the outbox already: nothing is to be kept twice */
		if (self->conn == NULL)
			return;
		if (!cblue_pg_writer_write_retry(self, items, start, end, &error)) {
			if (cblue_pg_error_is_transient(error))
				return;
			/* one by one; a record refused for good is lost, the others written */
			g_clear_error(&error);
			for (guint i = start; i < end && self->conn != NULL; i++) {
				if (!cblue_pg_writer_write_retry(self, items, i, i + 1, &error)) {
					if (cblue_pg_error_is_transient(error))
						return;
					cblue_store_queue_lose(self->queue, 1, error);
				}
				g_clear_error(&error);
			}
			if (self->conn == NULL)
				return;
		}
	}
	if (!cblue_pg_outbox_clear(self->outbox, &error)) {
		g_warning("%s", error->message);
		return;
	}
	if (items->len > 0)
		g_message("replayed %u exchange(s) from the outbox", items->len);
}

/* flushes: answered once everything queued before them is in PostgreSQL */

static GError *
cblue_pg_writer_outbox_error(CbluePgWriter *self)
{
	g_autofree gchar *status = NULL;

	g_mutex_lock(&self->status_mutex);
	status = g_strdup(self->status_message != NULL ? self->status_message : "");
	g_mutex_unlock(&self->status_mutex);
	return g_error_new(CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE,
			   _("%u exchanges wait in the outbox until PostgreSQL can be reached: %s"),
			   (guint)MIN(cblue_pg_outbox_get_length(self->outbox), G_MAXUINT), status);
}

/* answers the flushes that are done (or, with @all, every one) and those past their
 * deadline */
static void
cblue_pg_writer_answer_flushes(CbluePgWriter *self, gboolean all)
{
	gboolean done = self->conn != NULL && cblue_pg_outbox_get_length(self->outbox) == 0;
	gint64 now = g_get_monotonic_time();

	for (guint i = self->flushes->len; i > 0; i--) {
		CblueStoreItem *item = g_ptr_array_index(self->flushes, i - 1);
		if (done) {
			cblue_store_queue_answer_flush(self->queue, item, NULL);
		} else if (all || now >= item->flush_deadline) {
			g_autoptr(GError) error = cblue_pg_writer_outbox_error(self);
			cblue_store_queue_answer_flush(self->queue, item, error);
		} else {
			continue;
		}
		g_ptr_array_remove_index(self->flushes, i - 1);
	}
}

/* a STOP marker queued before a failed start: nothing was written, nothing to report */
static void
cblue_pg_writer_answer_stop(gpointer item_data, gpointer writer_data G_GNUC_UNUSED)
{
	CblueStoreItem *item = item_data;

	if (item->task != NULL)
		cblue_pg_complete(g_steal_pointer(&item->task), NULL);
}

/* how long the loop may wait for records before it has something else to do */
static gint64
cblue_pg_writer_wait_usec(CbluePgWriter *self)
{
	gint64 now = g_get_monotonic_time();
	gint64 wait = CBLUE_PG_PING_USEC;

	if (self->conn == NULL)
		wait = self->next_connect - now;
	else if (cblue_pg_outbox_get_length(self->outbox) > 0)
		wait = 0;
	for (guint i = 0; i < self->flushes->len; i++) {
		CblueStoreItem *item = g_ptr_array_index(self->flushes, i);
		wait = MIN(wait, item->flush_deadline - now);
	}
	return CLAMP(wait, 1000, CBLUE_PG_PING_USEC);
}

static void
cblue_pg_writer_ping(CbluePgWriter *self)
{
	g_autoptr(GError) error = NULL;

	if (self->conn == NULL || g_get_monotonic_time() - self->last_ping < CBLUE_PG_PING_USEC)
		return;
	self->last_ping = g_get_monotonic_time();
	if (!cblue_pg_run(self->conn, "SELECT 1", "PostgreSQL check failed", &error))
		cblue_pg_writer_disconnect(self, error);
}

/* connects at start, waiting up to connect_timeout_s for a server that is starting */
static gboolean
cblue_pg_writer_open(CbluePgWriter *self, GError **error)
{
	gint64 deadline = g_get_monotonic_time() + (gint64)self->connect_timeout_s * G_USEC_PER_SEC;
	guint applied = 0;

	self->outbox = cblue_pg_outbox_open(self->outbox_dir, error);
	if (self->outbox == NULL)
		return FALSE;
	for (;;) {
		g_autoptr(GError) error_local = NULL;
		if (cblue_pg_writer_connect(self, MAX(self->connect_timeout_s, 2), &error_local))
			break;
		if (!g_error_matches(error_local, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE) ||
		    g_get_monotonic_time() >= deadline) {
			g_propagate_error(error, g_steal_pointer(&error_local));
			return FALSE;
		}
		g_usleep(250 * G_TIME_SPAN_MILLISECOND);
	}
	if (!cblue_pg_migrate(self->conn, &applied, error))
		return FALSE;
	g_atomic_int_add(&self->migrations_applied, (gint)applied);
	if (applied > 0)
		g_info("applied %u PostgreSQL migration(s)", applied);
	self->last_ping = g_get_monotonic_time();
	g_atomic_int_set(&self->reachable, TRUE);
	return TRUE;
}

/* STOP: a last replay, then every flush is answered */
static void
cblue_pg_writer_finish(CbluePgWriter *self, CblueStoreItem *stop)
{
	GError *error = NULL;

	if (self->conn != NULL && cblue_pg_outbox_get_length(self->outbox) > 0)
		cblue_pg_writer_replay(self);
	if (cblue_pg_outbox_get_length(self->outbox) > 0)
		g_message("%u exchange(s) stay in %s, to be written at the next start",
			  (guint)MIN(cblue_pg_outbox_get_length(self->outbox), G_MAXUINT),
			  cblue_pg_outbox_get_path(self->outbox));
	cblue_pg_writer_answer_flushes(self, TRUE);
	cblue_pg_writer_close(self);
	g_atomic_int_set(&self->reachable, FALSE);
	cblue_store_queue_take_losses(self->queue, 0, &error);
	if (stop->task != NULL)
		cblue_pg_complete(g_steal_pointer(&stop->task), error);
	else
		g_clear_error(&error);
}

static gpointer
cblue_pg_writer_thread(gpointer data)
{
	CbluePgWriter *self = data;
	GTask *open_task = g_steal_pointer(&self->open_task);
	g_autoptr(GError) error = NULL;

	/* connecting and migrating happen here, so that the main context never waits */
	if (!cblue_pg_writer_open(self, &error)) {
		cblue_pg_writer_close(self);
		/* refuse everything, and answer what was already queued */
		cblue_store_queue_drain(self->queue, error, cblue_pg_writer_answer_stop, NULL);
		cblue_pg_complete(open_task, g_steal_pointer(&error));
		return NULL;
	}
	cblue_pg_complete(open_task, NULL);

	for (;;) {
		CblueStoreItem *marker = NULL;
		g_autoptr(GPtrArray) batch = NULL;
		g_autoptr(CblueStoreItem) owned = NULL;

		if (self->conn == NULL && g_get_monotonic_time() >= self->next_connect)
			cblue_pg_writer_reconnect(self);
		if (self->conn != NULL && cblue_pg_outbox_get_length(self->outbox) > 0)
			cblue_pg_writer_replay(self);
		cblue_pg_writer_answer_flushes(self, FALSE);

		batch = cblue_store_queue_next_batch(self->queue, cblue_pg_writer_wait_usec(self), &marker);
		owned = marker;
		if (batch->len > 0) {
			/* behind what the outbox holds, to keep the order */
			if (cblue_pg_outbox_get_length(self->outbox) > 0)
				cblue_pg_writer_keep(self, batch, 0, batch->len);
			else
				cblue_pg_writer_write(self, batch, 0, batch->len);
		} else if (owned == NULL) {
			cblue_pg_writer_ping(self);
		}
		if (owned == NULL)
			continue;
		if (owned->kind == CBLUE_STORE_ITEM_FLUSH) {
			g_ptr_array_add(self->flushes, g_steal_pointer(&owned));
			continue;
		}
		/* STOP: nothing can follow it in the queue, see cblue_store_queue_stop() */
		cblue_pg_writer_finish(self, owned);
		return NULL;
	}
}

/* the API, from any thread */

gboolean
cblue_pg_writer_start(CbluePgWriter *self, GTask *open_task, GError **error)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->thread_mutex);
	g_autoptr(GError) error_local = NULL;

	self->open_task = g_object_ref(open_task);
	self->thread = g_thread_try_new("cblue-postgres", cblue_pg_writer_thread, self, &error_local);
	if (self->thread == NULL) {
		g_clear_object(&self->open_task);
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_BUSY, "cannot start the writer thread: %s",
			    error_local->message);
		return FALSE;
	}
	return TRUE;
}

void
cblue_pg_writer_record(CbluePgWriter *self, CblueMessage *message, CblueChatReply *reply)
{
	cblue_store_queue_record(self->queue, message, reply);
}

static void
cblue_pg_writer_join_cb(gpointer data, gpointer user_data G_GNUC_UNUSED)
{
	cblue_pg_writer_join(data);
}

/* answered once everything queued before it is in PostgreSQL, or after flush_timeout_s */
gboolean
cblue_pg_writer_flush(CbluePgWriter *self, GError **error)
{
	return cblue_store_queue_flush(self->queue, self->flush_timeout_usec, cblue_pg_writer_join_cb, self, error);
}

/* closes the queue and asks the thread to stop after what is queued; %FALSE if closed
 * already */
gboolean
cblue_pg_writer_stop(CbluePgWriter *self, GTask *task)
{
	return cblue_store_queue_stop(self->queue, task);
}

void
cblue_pg_writer_join(CbluePgWriter *self)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->thread_mutex);
	g_clear_pointer(&self->thread, g_thread_join);
}

/* what /readyz asks: the state the writer last saw, without waiting on the network */
gboolean
cblue_pg_writer_check(CbluePgWriter *self, GError **error)
{
	g_autofree gchar *status = NULL;

	if (g_atomic_int_get(&self->reachable))
		return TRUE;
	g_mutex_lock(&self->status_mutex);
	status = g_strdup(self->status_message);
	g_mutex_unlock(&self->status_mutex);
	g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE, _("PostgreSQL is not reachable: %s"),
		    status != NULL ? status : _("not connected"));
	return FALSE;
}

guint
cblue_pg_writer_get_migrations_applied(CbluePgWriter *self)
{
	return (guint)g_atomic_int_get(&self->migrations_applied);
}
