/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cblue-pg-pool.h"
#include "cblue-pg-writer.h"
#include "cblue-pg.h"
#include "cblue-store-postgres-plugin.h"
#include "cblue-store-postgres-private.h"

/*
 * store-postgres: the store of the scaled topology, in PostgreSQL, selected by
 * `[store] url` (or CBLUE_DATABASE_URL) = postgres://… or postgresql://….
 *
 * - conversation records go through the writer (cblue-pg-writer.c): a thread of its own
 *   with its own connection, batches, an outbox file while the server is away;
 * - the synchronous calls (KB, counts, conversations, feedback) use a small pool of
 *   connections (cblue-pg-pool.c) from the thread that calls them: the server makes them
 *   from its worker pool, the CLI from its main thread; the HTTP loop never does;
 * - check() reads the state the writer last saw, without a round trip, so that /readyz
 *   never waits on the network.
 */

#define CBLUE_STORE_POSTGRES_POOL_SIZE 4
#define CBLUE_STORE_POSTGRES_CONNECT_TIMEOUT_S 10
#define CBLUE_STORE_POSTGRES_FLUSH_TIMEOUT_S 30
/* statements of a batch that run side by side, see cblue-pg-writer.c */
#define CBLUE_STORE_POSTGRES_WRITERS 2


#define CBLUE_TYPE_STORE_POSTGRES (cblue_store_postgres_get_type())
G_DECLARE_FINAL_TYPE(CblueStorePostgres, cblue_store_postgres, CBLUE, STORE_POSTGRES, GObject)

struct _CblueStorePostgres {
	GObject parent_instance;
	CbluePgWriter *writer; /* owned */
	CbluePgPool *pool;     /* owned */
};

static void cblue_store_postgres_iface_init(CblueStoreInterface *iface);

G_DEFINE_TYPE_WITH_CODE(CblueStorePostgres, cblue_store_postgres, G_TYPE_OBJECT,
			G_IMPLEMENT_INTERFACE(CBLUE_TYPE_STORE, cblue_store_postgres_iface_init))

static void
cblue_store_postgres_finalize(GObject *object)
{
	CblueStorePostgres *self = CBLUE_STORE_POSTGRES(object);

	/* without a shutdown (a failed setup, a test): finish the queued writes here rather
	 * than leak the thread */
	cblue_pg_writer_stop(self->writer, NULL);
	cblue_pg_writer_join(self->writer);
	cblue_pg_writer_free(self->writer);
	cblue_pg_pool_free(self->pool);
	G_OBJECT_CLASS(cblue_store_postgres_parent_class)->finalize(object);
}

static void
cblue_store_postgres_class_init(CblueStorePostgresClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_store_postgres_finalize;
}

static void
cblue_store_postgres_init(CblueStorePostgres *self)
{
}

CbluePgPool *
cblue_store_postgres_get_pool(CblueStore *store)
{
	return CBLUE_STORE_POSTGRES(store)->pool;
}

/* KB */

/* serializes the KB's writers; a transaction-level advisory lock */
#define CBLUE_STORE_POSTGRES_KB_LOCK "SELECT pg_advisory_xact_lock(426870715750)"

gboolean
cblue_store_postgres_kb_begin(PGconn *conn, GError **error)
{
	return cblue_pg_begin(conn, error) && cblue_pg_run(conn, CBLUE_STORE_POSTGRES_KB_LOCK, "cannot lock the KB", error);
}

gchar *
cblue_store_postgres_kb_next_version(PGconn *conn, GError **error)
{
	g_autoptr(PGresult) res = cblue_pg_exec(conn, "SELECT COALESCE(MAX(version), 0) + 1 FROM kb_versions", 0, NULL,
						"cannot read the KB version", error);
	if (res == NULL)
		return NULL;
	return g_strdup(PQgetvalue(res, 0, 0));
}

/* the kept topic ids are one array parameter: the statement stays constant */
gboolean
cblue_store_postgres_kb_keep_only(PGconn *conn, GString *topic_ids, gint *removed, GError **error)
{
	g_autofree gchar *ids = cblue_pg_array_free(topic_ids);
	const gchar *values[] = {ids};
	g_autoptr(PGresult) res = cblue_pg_exec(conn, "DELETE FROM kb_entries WHERE NOT (topic_id = ANY ($1::text[]))",
						1, values, "cannot delete KB entries", error);
	if (res == NULL)
		return FALSE;
	if (removed != NULL)
		*removed = atoi(PQcmdTuples(res));
	return TRUE;
}

static gboolean
cblue_store_postgres_load_kb_op(PGconn *conn, gpointer user_data, GError **error)
{
	CblueKb **out = user_data;
	g_autoptr(CblueKb) kb = cblue_kb_new();
	g_autoptr(PGresult) res =
	    cblue_pg_exec(conn, "SELECT topic_id, data::text FROM kb_entries ORDER BY topic_id", 0, NULL,
			  "cannot read the KB", error);

	if (res == NULL)
		return FALSE;
	for (gint i = 0; i < PQntuples(res); i++) {
		const gchar *topic_id = PQgetvalue(res, i, 0);
		g_autoptr(GError) error_local = NULL;
		g_autoptr(JsonNode) node = json_from_string(PQgetvalue(res, i, 1), &error_local);
		g_autoptr(CblueKbEntry) entry = NULL;

		/* every language is accepted: what was imported is served */
		if (node != NULL)
			entry = cblue_kb_entry_new_from_json(node, NULL, &error_local);
		if (entry == NULL) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("Stored topic “%s” is invalid: %s"),
				    topic_id, error_local != NULL ? error_local->message : "no data");
			return FALSE;
		}
		cblue_kb_add(kb, entry);
	}
	g_clear_object(out);
	*out = g_steal_pointer(&kb);
	return TRUE;
}

static CblueKb *
cblue_store_postgres_load_kb(CblueStore *store, GError **error)
{
	CblueStorePostgres *self = CBLUE_STORE_POSTGRES(store);
	g_autoptr(CblueKb) kb = NULL;

	if (!cblue_pg_pool_run(self->pool, cblue_store_postgres_load_kb_op, &kb, error))
		return NULL;
	return g_steal_pointer(&kb);
}

typedef struct {
	GPtrArray *entries; /* borrowed, of CblueKbEntry */
	gboolean replace_all;
} CblueStorePostgresImport;

/* one entry; an entry whose JSON did not change keeps its row as it was, `version`
 * included, so that `version` tells which import last changed a topic */
static gboolean
cblue_store_postgres_upsert_entry(PGconn *conn, CblueKbEntry *entry, const gchar *version, const gchar *now,
				  gint *changed, GError **error)
{
	g_autoptr(JsonNode) node = cblue_kb_entry_to_json(entry);
	g_autofree gchar *data = json_to_string(node, FALSE);
	const gchar *values[] = {cblue_kb_entry_get_topic_id(entry), cblue_kb_entry_get_category(entry),
				 cblue_kb_entry_get_status(entry), data, version, now};
	g_autoptr(PGresult) res = cblue_pg_exec(
	    conn,
	    "INSERT INTO kb_entries (topic_id, category, status, data, version, updated_at) "
	    "VALUES ($1, $2, $3, $4::jsonb, $5::bigint, $6::timestamptz) "
	    "ON CONFLICT (topic_id) DO UPDATE SET "
	    "category = excluded.category, status = excluded.status, data = excluded.data, "
	    "version = excluded.version, updated_at = excluded.updated_at "
	    "WHERE kb_entries.data IS DISTINCT FROM excluded.data",
	    G_N_ELEMENTS(values), values, "cannot write the KB entry", error);

	if (res == NULL) {
		g_prefix_error(error, "%s: ", cblue_kb_entry_get_topic_id(entry));
		return FALSE;
	}
	*changed += atoi(PQcmdTuples(res));
	return TRUE;
}

/* the body of the import transaction */
static gboolean
cblue_store_postgres_import_locked(PGconn *conn, CblueStorePostgresImport *import, GError **error)
{
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());
	g_autofree gchar *note = NULL;
	g_autofree gchar *version = cblue_store_postgres_kb_next_version(conn, error);
	g_autoptr(PGresult) res = NULL;
	gint changed = 0;
	gint removed = 0;

	if (version == NULL)
		return FALSE;
	for (guint i = 0; i < import->entries->len; i++) {
		if (!cblue_store_postgres_upsert_entry(conn, g_ptr_array_index(import->entries, i), version, now,
						       &changed, error))
			return FALSE;
	}
	if (import->replace_all) {
		GString *ids = cblue_pg_array_new();
		for (guint i = 0; i < import->entries->len; i++)
			cblue_pg_array_add(ids, cblue_kb_entry_get_topic_id(g_ptr_array_index(import->entries, i)));
		if (!cblue_store_postgres_kb_keep_only(conn, ids, &removed, error))
			return FALSE;
	}
	note = g_strdup_printf("%s: %u entries, %d added or changed, %d removed",
			       import->replace_all ? "replace" : "merge", import->entries->len, changed, removed);
	{
		/* a snapshot of every entry as the import left them */
		const gchar *values[] = {version, now, note};
		res = cblue_pg_exec(conn,
				    "INSERT INTO kb_versions (version, created_at, note, snapshot) "
				    "SELECT $1::bigint, $2::timestamptz, $3, "
				    "COALESCE(jsonb_agg(data ORDER BY topic_id), '[]'::jsonb) FROM kb_entries",
				    G_N_ELEMENTS(values), values, "cannot write the KB version", error);
		if (res == NULL)
			return FALSE;
	}
	g_debug("KB version %s: %s", version, note);
	return TRUE;
}

static gboolean
cblue_store_postgres_import_op(PGconn *conn, gpointer user_data, GError **error)
{
	if (!cblue_store_postgres_kb_begin(conn, error))
		return FALSE;
	/* the pool rolls back on failure */
	return cblue_store_postgres_import_locked(conn, user_data, error) && cblue_pg_commit(conn, error);
}

static gboolean
cblue_store_postgres_import_kb(CblueStore *store, GPtrArray *entries, gboolean replace_all, GError **error)
{
	CblueStorePostgres *self = CBLUE_STORE_POSTGRES(store);
	CblueStorePostgresImport import = {entries, replace_all};

	return cblue_pg_pool_run(self->pool, cblue_store_postgres_import_op, &import, error);
}

/* conversations */

static void
cblue_store_postgres_record_exchange(CblueStore *store, CblueMessage *message, CblueChatReply *reply)
{
	cblue_pg_writer_record(CBLUE_STORE_POSTGRES(store)->writer, message, reply);
}

static gboolean
cblue_store_postgres_flush(CblueStore *store, GError **error)
{
	return cblue_pg_writer_flush(CBLUE_STORE_POSTGRES(store)->writer, error);
}

static gboolean
cblue_store_postgres_check(CblueStore *store, GError **error)
{
	return cblue_pg_writer_check(CBLUE_STORE_POSTGRES(store)->writer, error);
}

/* table names cannot be bound as parameters, so count only knows these, each with its
 * constant statement */
static const struct {
	const gchar *table;
	const gchar *sql;
} cblue_store_postgres_count_sql[] = {
    {"kb_entries", "SELECT count(*) FROM kb_entries"},
    {"kb_versions", "SELECT count(*) FROM kb_versions"},
    {"conversations", "SELECT count(*) FROM conversations"},
    {"messages", "SELECT count(*) FROM messages"},
    {"analytics_events", "SELECT count(*) FROM analytics_events"},
    {"unanswered", "SELECT count(*) FROM unanswered"},
    {"feedback", "SELECT count(*) FROM feedback"},
    {"users", "SELECT count(*) FROM users"},
    {"api_tokens", "SELECT count(*) FROM api_tokens"},
    {"audit_log", "SELECT count(*) FROM audit_log"},
};

typedef struct {
	const gchar *sql;
	gint64 count;
} CblueStorePostgresCount;

static gboolean
cblue_store_postgres_count_op(PGconn *conn, gpointer user_data, GError **error)
{
	CblueStorePostgresCount *count = user_data;
	g_autoptr(PGresult) res = cblue_pg_exec(conn, count->sql, 0, NULL, "cannot count rows", error);

	if (res == NULL)
		return FALSE;
	count->count = g_ascii_strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	return TRUE;
}

static gint64
cblue_store_postgres_count(CblueStore *store, const gchar *table, GError **error)
{
	CblueStorePostgres *self = CBLUE_STORE_POSTGRES(store);
	CblueStorePostgresCount count = {NULL, -1};

	for (guint i = 0; i < G_N_ELEMENTS(cblue_store_postgres_count_sql); i++) {
		if (g_strcmp0(table, cblue_store_postgres_count_sql[i].table) == 0)
			count.sql = cblue_store_postgres_count_sql[i].sql;
	}
	if (count.sql == NULL) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("Unknown table “%s”"),
			    table != NULL ? table : "");
		return -1;
	}
	if (!cblue_pg_pool_run(self->pool, cblue_store_postgres_count_op, &count, error))
		return -1;
	return count.count;
}

typedef struct {
	const gchar *conversation_id;
	guint max_messages;
	JsonNode *node; /* owned, nullable: the result */
} CblueStorePostgresConversation;

/* a conversation's messages, the most recent @max_messages (0: all), oldest first; a bot
 * row follows the user row it answers, and takes its id as `message_id` */
static gboolean
cblue_store_postgres_conversation_op(PGconn *conn, gpointer user_data, GError **error)
{
	CblueStorePostgresConversation *op = user_data;
	g_autofree gchar *limit = op->max_messages > 0 ? g_strdup_printf("%u", op->max_messages) : NULL;
	const gchar *values[] = {op->conversation_id, limit};
	const gchar *names[] = {"message_id", "role", "text", "language", "topic_id", "outcome", "created_at"};
	g_autoptr(JsonArray) array = json_array_new();
	const gchar *last_user_id = NULL;
	/* a user message and its reply may share a microsecond: the user's comes first */
	g_autoptr(PGresult) res = cblue_pg_exec(
	    conn,
	    "SELECT id, role, text, language, topic_id, outcome, "
	    "cblue_iso8601(created_at) FROM messages "
	    "WHERE conversation_id = $1 ORDER BY created_at DESC, (role = 'bot') DESC LIMIT $2::bigint",
	    G_N_ELEMENTS(values), values, "cannot read the conversation", error);

	if (res == NULL)
		return FALSE;
	if (PQntuples(res) == 0) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND, _("No such conversation."));
		return FALSE;
	}
	for (gint row = PQntuples(res) - 1; row >= 0; row--) {
		g_autoptr(JsonObject) obj = json_object_new();
		for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
			if (PQgetisnull(res, row, (gint)i))
				json_object_set_null_member(obj, names[i]);
			else
				json_object_set_string_member(obj, names[i], PQgetvalue(res, row, (gint)i));
		}
		if (g_strcmp0(PQgetvalue(res, row, 1), "user") == 0)
			last_user_id = PQgetvalue(res, row, 0);
		else if (last_user_id != NULL)
			json_object_set_string_member(obj, "message_id", last_user_id);
		json_array_add_object_element(array, g_steal_pointer(&obj));
	}
	g_clear_pointer(&op->node, json_node_unref);
	op->node = json_node_new(JSON_NODE_ARRAY);
	json_node_set_array(op->node, array);
	return TRUE;
}

static JsonNode *
cblue_store_postgres_get_conversation(CblueStore *store, const gchar *conversation_id, guint max_messages,
				      GError **error)
{
	CblueStorePostgres *self = CBLUE_STORE_POSTGRES(store);
	CblueStorePostgresConversation op = {conversation_id, max_messages, NULL};

	if (!cblue_pg_pool_run(self->pool, cblue_store_postgres_conversation_op, &op, error))
		return NULL;
	return op.node;
}

typedef struct {
	const gchar *conversation_id;
	const gchar *message_id;
	const gchar *rating;
} CblueStorePostgresFeedback;

/* a later rating of the same message replaces the earlier one */
static gboolean
cblue_store_postgres_feedback_op(PGconn *conn, gpointer user_data, GError **error)
{
	CblueStorePostgresFeedback *op = user_data;
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());
	const gchar *values[] = {op->conversation_id, op->message_id, op->rating, now};
	g_autoptr(PGresult) deleted = NULL;
	g_autoptr(PGresult) inserted = NULL;

	if (!cblue_pg_begin(conn, error))
		return FALSE;
	deleted = cblue_pg_exec(conn, "DELETE FROM feedback WHERE conversation_id = $1 AND message_id = $2", 2,
				values, "cannot replace the feedback", error);
	if (deleted == NULL)
		return FALSE;
	inserted = cblue_pg_exec(conn,
				 "INSERT INTO feedback (conversation_id, message_id, rating, created_at) "
				 "VALUES ($1, $2, $3, $4::timestamptz)",
				 G_N_ELEMENTS(values), values, "cannot write the feedback", error);
	return inserted != NULL && cblue_pg_commit(conn, error);
}

static gboolean
cblue_store_postgres_record_feedback(CblueStore *store, const gchar *conversation_id, const gchar *message_id,
				     const gchar *rating, GError **error)
{
	CblueStorePostgres *self = CBLUE_STORE_POSTGRES(store);
	CblueStorePostgresFeedback op = {conversation_id, message_id, rating};

	return cblue_pg_pool_run(self->pool, cblue_store_postgres_feedback_op, &op, error);
}

static void
cblue_store_postgres_iface_init(CblueStoreInterface *iface)
{
	iface->load_kb = cblue_store_postgres_load_kb;
	iface->import_kb = cblue_store_postgres_import_kb;
	iface->record_exchange = cblue_store_postgres_record_exchange;
	iface->flush = cblue_store_postgres_flush;
	iface->check = cblue_store_postgres_check;
	iface->count = cblue_store_postgres_count;
	iface->get_conversation = cblue_store_postgres_get_conversation;
	iface->record_feedback = cblue_store_postgres_record_feedback;
	cblue_store_postgres_admin_iface_init(iface);
	cblue_store_postgres_embeddings_iface_init(iface);
	cblue_store_postgres_analytics_iface_init(iface);
}

/* the plugin */

struct _CblueStorePostgresPlugin {
	CbluePlugin parent_instance;
	CblueStorePostgres *store; /* owned, nullable until set up */
};

G_DEFINE_TYPE(CblueStorePostgresPlugin, cblue_store_postgres_plugin, CBLUE_TYPE_PLUGIN)

static void
cblue_store_postgres_plugin_open_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	CblueStorePostgresPlugin *self = g_task_get_source_object(task);
	CblueStorePostgres *store = g_task_get_task_data(G_TASK(res));
	g_autoptr(GError) error = NULL;

	if (!g_task_propagate_boolean(G_TASK(res), &error)) {
		cblue_pg_writer_join(store->writer);
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	g_set_object(&self->store, store);
	if (cblue_pg_writer_get_migrations_applied(store->writer) > 0)
		g_info("PostgreSQL schema migrated");
	/* above store-sqlite's 0: when both are set up, this one serves */
	cblue_plugin_add_extension(CBLUE_PLUGIN(self), CBLUE_TYPE_STORE, G_OBJECT(store), 100);
	g_task_return_boolean(task, TRUE);
}

static guint
cblue_store_postgres_config_uint(CblueConfig *config, const gchar *key, guint fallback, guint max)
{
	return (guint)CLAMP(cblue_config_get_int(config, "store", key, (gint)fallback), 1, (gint)max);
}

/*
 * `[store] url` (CBLUE_DATABASE_URL) chooses the store: unset, this plugin stays out of
 * the way (it registers nothing, and store-sqlite serves); set, the plugin is required, so
 * that a server that cannot reach its database stops at start instead of quietly writing
 * to a local file, and store-sqlite leaves the store to it.
 */
static void
cblue_store_postgres_plugin_setup_async(CbluePlugin *plugin, GCancellable *cancellable,
					GAsyncReadyCallback callback, gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	CblueContext *ctx = cblue_plugin_get_context(plugin);
	CblueConfig *config = cblue_context_get_config(ctx);
	g_autofree gchar *url = cblue_config_get_string(config, "store", "url");
	g_autoptr(CblueStorePostgres) store = NULL;
	g_autoptr(GTask) open_task = NULL;
	g_autoptr(GError) error = NULL;
	guint connect_timeout_s;

	g_task_set_source_tag(task, cblue_store_postgres_plugin_setup_async);
	if (url == NULL || url[0] == '\0') {
		g_debug("no [store] url: not used");
		g_task_return_boolean(task, TRUE);
		return;
	}
	cblue_plugin_set_required(plugin, TRUE);
	if (!cblue_pg_url_validate(url, &error)) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	connect_timeout_s = cblue_store_postgres_config_uint(config, "connect_timeout_s",
							     CBLUE_STORE_POSTGRES_CONNECT_TIMEOUT_S, 600);
	store = g_object_new(CBLUE_TYPE_STORE_POSTGRES, NULL);
	store->pool = cblue_pg_pool_new(
	    url, cblue_store_postgres_config_uint(config, "pool_size", CBLUE_STORE_POSTGRES_POOL_SIZE, 64),
	    connect_timeout_s);
	store->writer = cblue_pg_writer_new(
	    url, cblue_context_get_data_dir(ctx), connect_timeout_s,
	    cblue_store_postgres_config_uint(config, "flush_timeout_s", CBLUE_STORE_POSTGRES_FLUSH_TIMEOUT_S, 3600),
	    cblue_store_postgres_config_uint(config, "writer_connections", CBLUE_STORE_POSTGRES_WRITERS, 8));
	open_task = g_task_new(NULL, cancellable, cblue_store_postgres_plugin_open_cb, g_steal_pointer(&task));
	g_task_set_task_data(open_task, g_object_ref(store), g_object_unref);
	if (!cblue_pg_writer_start(store->writer, open_task, &error))
		g_task_return_error(open_task, g_steal_pointer(&error));
}

static gboolean
cblue_store_postgres_plugin_setup_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, plugin), FALSE);
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_store_postgres_plugin_close_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	CblueStorePostgres *store = g_task_get_task_data(G_TASK(res));
	g_autoptr(GError) error = NULL;

	cblue_pg_writer_join(store->writer);
	if (!g_task_propagate_boolean(G_TASK(res), &error)) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	g_task_return_boolean(task, TRUE);
}

/* writes what is queued (or keeps it in the outbox), then ends the writer thread */
static void
cblue_store_postgres_plugin_shutdown_async(CbluePlugin *plugin, GCancellable *cancellable,
					   GAsyncReadyCallback callback, gpointer user_data)
{
	CblueStorePostgresPlugin *self = CBLUE_STORE_POSTGRES_PLUGIN(plugin);
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	g_autoptr(GTask) close_task = NULL;

	g_task_set_source_tag(task, cblue_store_postgres_plugin_shutdown_async);
	if (self->store == NULL) {
		g_task_return_boolean(task, TRUE);
		return;
	}
	/* cancellation is ignored on purpose: the queued records are written regardless */
	close_task = g_task_new(NULL, NULL, cblue_store_postgres_plugin_close_cb, g_steal_pointer(&task));
	g_task_set_task_data(close_task, g_object_ref(self->store), g_object_unref);
	if (!cblue_pg_writer_stop(self->store->writer, close_task))
		g_task_return_boolean(close_task, TRUE);
}

static gboolean
cblue_store_postgres_plugin_shutdown_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, plugin), FALSE);
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_store_postgres_plugin_dispose(GObject *object)
{
	CblueStorePostgresPlugin *self = CBLUE_STORE_POSTGRES_PLUGIN(object);
	g_clear_object(&self->store);
	G_OBJECT_CLASS(cblue_store_postgres_plugin_parent_class)->dispose(object);
}

static void
cblue_store_postgres_plugin_class_init(CblueStorePostgresPluginClass *klass)
{
	CbluePluginClass *plugin_class = CBLUE_PLUGIN_CLASS(klass);
	G_OBJECT_CLASS(klass)->dispose = cblue_store_postgres_plugin_dispose;
	plugin_class->setup_async = cblue_store_postgres_plugin_setup_async;
	plugin_class->setup_finish = cblue_store_postgres_plugin_setup_finish;
	plugin_class->shutdown_async = cblue_store_postgres_plugin_shutdown_async;
	plugin_class->shutdown_finish = cblue_store_postgres_plugin_shutdown_finish;
}

static void
cblue_store_postgres_plugin_init(CblueStorePostgresPlugin *self)
{
	cblue_plugin_set_description(CBLUE_PLUGIN(self), "PostgreSQL store (scaled topology)");
	cblue_plugin_set_version(CBLUE_PLUGIN(self), CBLUE_VERSION_STRING);
}

CBLUE_PLUGIN_DEFINE(cblue_store_postgres_plugin_get_type)
