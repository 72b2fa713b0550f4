/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cblue-pg.h"
#include "cblue-store-postgres-private.h"

/*
 * The admin console's part of store-postgres: users, sessions, API tokens, the audit log,
 * KB drafts and published versions (schema in data/sql/postgres/0002-admin.sql), with the
 * behaviour of store-sqlite's cblue-store-sqlite-admin.c. The calls come from the admin
 * worker pool and run on a connection of the store's pool; every write is one transaction
 * and every statement is parameterized. The JSON the console reads is built by the server
 * (json_build_object, jsonb_agg), so a list of thousands is parsed once.
 */

/* sessions and tokens record their use at most this often, so that a busy console does
 * not write on every request */
#define CBLUE_PG_ADMIN_TOUCH_USEC (60 * G_USEC_PER_SEC)

/* the working copy's ENTRY objects: the entry with its status, revision and author */
#define CBLUE_PG_ADMIN_ENTRY                                                                                        \
	"(data || jsonb_build_object('status', status, 'revision', revision, 'updated_at', "                      \
	"cblue_iso8601(updated_at), 'updated_by', updated_by))"

/* one statement on a connection of the store's pool */
static PGresult *
cblue_pg_admin_query(CblueStore *store, const gchar *sql, gint n_values, const gchar *const *values, GError **error)
{
	return cblue_pg_query(cblue_store_postgres_get_pool(store), sql, n_values, values, error);
}

static JsonNode *
cblue_pg_admin_query_json(CblueStore *store, const gchar *sql, gint n_values, const gchar *const *values,
			  GError **error)
{
	return cblue_pg_query_json(cblue_store_postgres_get_pool(store), sql, n_values, values, error);
}

static gboolean
cblue_pg_admin_run(CblueStore *store, CbluePgPoolFunc func, gpointer op, GError **error)
{
	return cblue_pg_pool_run(cblue_store_postgres_get_pool(store), func, op, error);
}

/* an operation that finds one thing by a key, for cblue_pg_admin_find() */
typedef struct {
	const gchar *key;
	JsonNode *result; /* owned, out */
} CbluePgAdminFind;

static JsonNode *
cblue_pg_admin_find(CblueStore *store, CbluePgPoolFunc func, const gchar *key, GError **error)
{
	CbluePgAdminFind op = {key, NULL};
	if (!cblue_pg_admin_run(store, func, &op, error))
		return NULL;
	return op.result;
}

/* sets the result of an operation, replacing that of a first attempt (the pool may run an
 * operation twice); TRUE if there is one */
static gboolean
cblue_pg_admin_set_result(JsonNode **result, JsonNode *node)
{
	g_clear_pointer(result, json_node_unref);
	*result = node;
	return node != NULL;
}

/* @res's one JSON document, or @code with the message when the statement found no row;
 * NULL when it failed (@error set already) */
G_GNUC_PRINTF(4, 5)
static JsonNode *
cblue_pg_admin_row_json(PGresult *res, GError **error, CblueError code, const gchar *format, ...)
{
	va_list args;

	if (res == NULL)
		return NULL;
	if (PQntuples(res) > 0)
		return cblue_pg_result_json(res, error);
	va_start(args, format);
	g_propagate_error(error, g_error_new_valist(CBLUE_ERROR, code, format, args));
	va_end(args);
	return NULL;
}

/* FALSE with @code and the message when the statement of @res changed no row; FALSE when
 * it failed (@error set already) */
G_GNUC_PRINTF(4, 5)
static gboolean
cblue_pg_admin_check_changed(PGresult *res, GError **error, CblueError code, const gchar *format, ...)
{
	va_list args;

	if (res == NULL)
		return FALSE;
	if (g_ascii_strtoll(PQcmdTuples(res), NULL, 10) > 0)
		return TRUE;
	va_start(args, format);
	g_propagate_error(error, g_error_new_valist(CBLUE_ERROR, code, format, args));
	va_end(args);
	return FALSE;
}

/* the KB working copy */

static JsonNode *
cblue_pg_admin_kb_list_working(CblueStore *store, GError **error)
{
	return cblue_pg_admin_query_json(store,
					 "SELECT COALESCE(jsonb_agg(" CBLUE_PG_ADMIN_ENTRY " ORDER BY topic_id), "
					 "'[]'::jsonb)::text FROM kb_working",
					 0, NULL, error);
}

static JsonNode *
cblue_pg_admin_get_working(gpointer conn, const gchar *topic_id, GError **error)
{
	const gchar *values[] = {topic_id};
	g_autoptr(PGresult) res = cblue_pg_exec(
	    conn, "SELECT " CBLUE_PG_ADMIN_ENTRY "::text FROM kb_working WHERE topic_id = $1", 1, values,
	    "cannot read the KB", error);

	return cblue_pg_admin_row_json(res, error, CBLUE_ERROR_NOT_FOUND, _("No KB entry “%s”."), topic_id);
}

static gboolean
cblue_pg_admin_get_working_op(PGconn *conn, gpointer user_data, GError **error)
{
	CbluePgAdminFind *op = user_data;
	return cblue_pg_admin_set_result(&op->result, cblue_pg_admin_get_working(conn, op->key, error));
}

static JsonNode *
cblue_pg_admin_kb_get_working(CblueStore *store, const gchar *topic_id, GError **error)
{
	return cblue_pg_admin_find(store, cblue_pg_admin_get_working_op, topic_id, error);
}

static gboolean
cblue_pg_admin_read_working(gpointer conn, const gchar *topic_id, CblueStoreWorking *out, GError **error)
{
	const gchar *values[] = {topic_id};
	/* FOR UPDATE is not allowed on the view's UNION: the drafts' writers are serialized
	 * by the KB lock instead, see cblue_pg_admin_save_drafts_op() */
	g_autoptr(PGresult) res =
	    cblue_pg_exec(conn, "SELECT status, revision, published, data::text FROM kb_working WHERE topic_id = $1", 1,
			  values, "cannot read the KB", error);

	memset(out, 0, sizeof(*out));
	if (res == NULL)
		return FALSE;
	if (PQntuples(res) > 0) {
		out->exists = TRUE;
		out->deleted = g_strcmp0(PQgetvalue(res, 0, 0), "deleted") == 0;
		out->revision = g_ascii_strtoll(PQgetvalue(res, 0, 1), NULL, 10);
		out->published = g_strcmp0(PQgetvalue(res, 0, 2), "t") == 0;
		out->data = g_strdup(PQgetvalue(res, 0, 3));
	}
	return TRUE;
}

static gboolean
cblue_pg_admin_write_draft(gpointer conn, const gchar *topic_id, const gchar *category, const gchar *data,
			   gboolean deleted, gint64 revision, const gchar *now, const gchar *user, GError **error)
{
	g_autofree gchar *rev = g_strdup_printf("%" G_GINT64_FORMAT, revision);
	const gchar *values[] = {topic_id, category, data, now, user, deleted ? "t" : "f", rev};
	g_autoptr(PGresult) res = cblue_pg_exec(
	    conn,
	    "INSERT INTO kb_drafts (topic_id, category, data, updated_at, updated_by, deleted, revision) "
	    "VALUES ($1, $2, $3::jsonb, $4::timestamptz, $5, $6::boolean, $7::bigint) ON CONFLICT (topic_id) DO UPDATE "
	    "SET category = excluded.category, data = excluded.data, deleted = excluded.deleted, "
	    "revision = excluded.revision, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
	    G_N_ELEMENTS(values), values, "cannot write the draft", error);
	return res != NULL;
}

static gboolean
cblue_pg_admin_drop_draft(gpointer conn, const gchar *topic_id, GError **error)
{
	const gchar *values[] = {topic_id};
	g_autoptr(PGresult) res =
	    cblue_pg_exec(conn, "DELETE FROM kb_drafts WHERE topic_id = $1", 1, values, "cannot delete the draft", error);
	return res != NULL;
}

/* the working copy's reads and writes take a PGconn, as cblue_store_draft_save() calls
 * them */
static const CblueStoreDraftOps cblue_pg_admin_draft_ops = {
    .read_working = cblue_pg_admin_read_working,
    .write_draft = cblue_pg_admin_write_draft,
    .drop_draft = cblue_pg_admin_drop_draft,
    .get_working = cblue_pg_admin_get_working,
};

typedef struct {
	JsonNode *changes; /* borrowed */
	const gchar *user;
	JsonNode *result; /* owned, out */
} CbluePgAdminSave;

static gboolean
cblue_pg_admin_save_drafts_op(PGconn *conn, gpointer user_data, GError **error)
{
	CbluePgAdminSave *op = user_data;
	JsonArray *array = json_node_get_array(op->changes);
	g_autoptr(JsonArray) saved = json_array_new();
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());

	/* the revision checks read, then write: one editor at a time, as SQLite's
	 * BEGIN IMMEDIATE has it */
	if (!cblue_store_postgres_kb_begin(conn, error))
		return FALSE;
	for (guint i = 0; i < json_array_get_length(array); i++) {
		JsonNode *change = json_array_get_element(array, i);
		JsonNode *entry = NULL;
		if (!JSON_NODE_HOLDS_OBJECT(change)) {
			g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("A change is not an object."));
			return FALSE;
		}
		entry = cblue_store_draft_save(&cblue_pg_admin_draft_ops, conn, json_node_get_object(change), op->user, now,
					       error);
		if (entry == NULL)
			return FALSE;
		json_array_add_element(saved, entry);
	}
	if (!cblue_pg_commit(conn, error))
		return FALSE;
	return cblue_pg_admin_set_result(&op->result, json_node_init_array(json_node_alloc(), saved));
}

static JsonNode *
cblue_pg_admin_kb_save_drafts(CblueStore *store, JsonNode *changes, const gchar *user, GError **error)
{
	CbluePgAdminSave op = {changes, user, NULL};
	if (!cblue_pg_admin_run(store, cblue_pg_admin_save_drafts_op, &op, error))
		return NULL;
	return op.result;
}

/* publishing */

static gboolean
cblue_pg_admin_apply_drafts(PGconn *conn, const gchar *version, GError **error)
{
	const gchar *values[] = {version};
	g_autoptr(PGresult) res = NULL;

	if (!cblue_pg_run(conn, "DELETE FROM kb_entries WHERE topic_id IN (SELECT topic_id FROM kb_drafts WHERE deleted)",
			  "cannot publish the drafts", error))
		return FALSE;
	res = cblue_pg_exec(
	    conn,
	    "INSERT INTO kb_entries (topic_id, category, status, data, version, updated_at, revision, updated_by) "
	    "SELECT topic_id, category, 'published', data, $1::bigint, updated_at, revision, updated_by "
	    "FROM kb_drafts WHERE NOT deleted ON CONFLICT (topic_id) DO UPDATE SET "
	    "category = excluded.category, status = 'published', data = excluded.data, version = excluded.version, "
	    "updated_at = excluded.updated_at, revision = excluded.revision, updated_by = excluded.updated_by",
	    1, values, "cannot publish the drafts", error);
	if (res == NULL)
		return FALSE;
	return cblue_pg_run(conn, "DELETE FROM kb_drafts", "cannot publish the drafts", error);
}

/* the published KB becomes @entries; unchanged rows are left alone */
static gboolean
cblue_pg_admin_replace_entries(PGconn *conn, JsonArray *entries, const gchar *version, const gchar *now,
			       const gchar *user, GError **error)
{
	GString *ids = cblue_pg_array_new();

	for (guint i = 0; i < json_array_get_length(entries); i++) {
		JsonNode *node = json_array_get_element(entries, i);
		JsonObject *obj = JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node) : NULL;
		const gchar *topic_id = obj != NULL ? json_object_get_string_member_with_default(obj, "topic_id", NULL)
						    : NULL;
		g_autofree gchar *data = NULL;
		g_autoptr(PGresult) res = NULL;
		const gchar *values[6];

		if (topic_id == NULL) {
			g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("An entry has no topic_id."));
			g_string_free(ids, TRUE);
			return FALSE;
		}
		data = json_to_string(node, FALSE);
		values[0] = topic_id;
		values[1] = json_object_get_string_member_with_default(obj, "category", NULL);
		values[2] = data;
		values[3] = version;
		values[4] = now;
		values[5] = user;
		res = cblue_pg_exec(
		    conn,
		    "INSERT INTO kb_entries (topic_id, category, status, data, version, updated_at, updated_by) "
		    "VALUES ($1, $2, 'published', $3::jsonb, $4::bigint, $5::timestamptz, $6) ON CONFLICT (topic_id) "
		    "DO UPDATE SET category = excluded.category, data = excluded.data, version = excluded.version, "
		    "updated_at = excluded.updated_at, updated_by = excluded.updated_by "
		    "WHERE kb_entries.data IS DISTINCT FROM excluded.data",
		    G_N_ELEMENTS(values), values, "cannot write the KB entry", error);
		if (res == NULL) {
			g_string_free(ids, TRUE);
			return FALSE;
		}
		cblue_pg_array_add(ids, topic_id);
	}
	return cblue_store_postgres_kb_keep_only(conn, ids, NULL, error);
}

typedef struct {
	const gchar *user;
	const gchar *comment;
	JsonNode *entries; /* borrowed, nullable */
	JsonNode *result;  /* owned, out */
} CbluePgAdminPublish;

static gboolean
cblue_pg_admin_publish_op(PGconn *conn, gpointer user_data, GError **error)
{
	CbluePgAdminPublish *op = user_data;
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());
	g_autofree gchar *version = NULL;
	g_autoptr(PGresult) res = NULL;
	g_autoptr(JsonObject) obj = NULL;
	gboolean ok;

	if (!cblue_store_postgres_kb_begin(conn, error))
		return FALSE;
	version = cblue_store_postgres_kb_next_version(conn, error);
	if (version == NULL)
		return FALSE;
	if (op->entries != NULL)
		ok = cblue_pg_admin_replace_entries(conn, json_node_get_array(op->entries), version, now, op->user, error);
	else
		ok = cblue_pg_admin_apply_drafts(conn, version, error);
	if (!ok)
		return FALSE;
	{
		const gchar *values[] = {version, now, op->user, op->comment};
		res = cblue_pg_exec(conn,
				    "INSERT INTO kb_versions (version, created_at, note, snapshot, published_by, comment, "
				    "entries) SELECT $1::bigint, $2::timestamptz, 'published from the admin console', "
				    "COALESCE(jsonb_agg(data ORDER BY topic_id), '[]'::jsonb), $3, $4, count(*) "
				    "FROM kb_entries RETURNING entries",
				    G_N_ELEMENTS(values), values, "cannot write the KB version", error);
	}
	if (res == NULL || !cblue_pg_commit(conn, error))
		return FALSE;
	obj = json_object_new();
	json_object_set_int_member(obj, "version", g_ascii_strtoll(version, NULL, 10));
	json_object_set_string_member(obj, "published_at", now);
	json_object_set_int_member(obj, "entries", g_ascii_strtoll(PQgetvalue(res, 0, 0), NULL, 10));
	return cblue_pg_admin_set_result(&op->result, json_node_init_object(json_node_alloc(), obj));
}

static JsonNode *
cblue_pg_admin_kb_publish(CblueStore *store, const gchar *user, const gchar *comment, JsonNode *entries,
			  GError **error)
{
	CbluePgAdminPublish op = {user, comment, entries, NULL};
	if (!cblue_pg_admin_run(store, cblue_pg_admin_publish_op, &op, error))
		return NULL;
	return op.result;
}

static JsonNode *
cblue_pg_admin_kb_list_versions(CblueStore *store, GError **error)
{
	return cblue_pg_admin_query_json(
	    store,
	    "SELECT COALESCE(json_agg(json_build_object('version', version, 'published_at', cblue_iso8601(created_at), "
	    "'published_by', published_by, 'comment', COALESCE(comment, note), 'entries', "
	    "COALESCE(entries, jsonb_array_length(snapshot))) ORDER BY version DESC), '[]'::json)::text FROM kb_versions",
	    0, NULL, error);
}

static JsonNode *
cblue_pg_admin_kb_get_version(CblueStore *store, gint64 version, GError **error)
{
	g_autofree gchar *v = g_strdup_printf("%" G_GINT64_FORMAT, version);
	const gchar *values[] = {v};
	g_autoptr(PGresult) res = cblue_pg_admin_query(
	    store,
	    "SELECT snapshot::text FROM kb_versions WHERE $1::bigint <= 0 OR version = $1::bigint "
	    "ORDER BY version DESC LIMIT 1",
	    1, values, error);

	return cblue_pg_admin_row_json(res, error, CBLUE_ERROR_NOT_FOUND, _("No KB version %lld."),
				       (long long)version);
}

/* users */

static gboolean
cblue_pg_admin_user_add(CblueStore *store, const gchar *name, const gchar *role, const gchar *hash, GError **error)
{
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());
	const gchar *values[] = {name, role, hash, now};
	g_autoptr(PGresult) res = cblue_pg_admin_query(
	    store,
	    "INSERT INTO users (username, role, password_hash, created_at) VALUES ($1, $2, $3, $4::timestamptz) "
	    "ON CONFLICT (username) DO NOTHING",
	    G_N_ELEMENTS(values), values, error);

	return cblue_pg_admin_check_changed(res, error, CBLUE_ERROR_CONFLICT, _("The user “%s” exists already."), name);
}

typedef struct {
	const gchar *name;
	const gchar *role;
	const gchar *hash;
	gint disabled;
} CbluePgAdminUserUpdate;

static gboolean
cblue_pg_admin_user_update_op(PGconn *conn, gpointer user_data, GError **error)
{
	CbluePgAdminUserUpdate *op = user_data;
	g_autofree gchar *disabled = g_strdup_printf("%d", op->disabled);
	const gchar *values[] = {op->name, op->role, op->hash, disabled};
	g_autoptr(PGresult) res = NULL;

	if (!cblue_pg_begin(conn, error))
		return FALSE;
	res = cblue_pg_exec(conn,
			    "UPDATE users SET role = COALESCE($2, role), password_hash = COALESCE($3, password_hash), "
			    "disabled = CASE WHEN $4::int < 0 THEN disabled ELSE $4::int <> 0 END WHERE username = $1",
			    G_N_ELEMENTS(values), values, "cannot change the user", error);
	if (!cblue_pg_admin_check_changed(res, error, CBLUE_ERROR_NOT_FOUND, _("No user “%s”."), op->name))
		return FALSE;
	/* a new password or a disabled account ends the sessions opened before */
	if (op->hash != NULL || op->disabled == 1) {
		g_autoptr(PGresult) sessions = cblue_pg_exec(
		    conn, "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = $1)", 1, values,
		    "cannot end the sessions", error);
		if (sessions == NULL)
			return FALSE;
	}
	return cblue_pg_commit(conn, error);
}

static gboolean
cblue_pg_admin_user_update(CblueStore *store, const gchar *name, const gchar *role, const gchar *hash,
			   gint disabled, GError **error)
{
	CbluePgAdminUserUpdate op = {name, role, hash, disabled};
	return cblue_pg_admin_run(store, cblue_pg_admin_user_update_op, &op, error);
}

static gboolean
cblue_pg_admin_user_delete(CblueStore *store, const gchar *name, GError **error)
{
	const gchar *values[] = {name};
	g_autoptr(PGresult) res = cblue_pg_admin_query(store, "DELETE FROM users WHERE username = $1", 1, values, error);

	return cblue_pg_admin_check_changed(res, error, CBLUE_ERROR_NOT_FOUND, _("No user “%s”."), name);
}

static JsonNode *
cblue_pg_admin_user_get(CblueStore *store, const gchar *name, GError **error)
{
	const gchar *values[] = {name};
	g_autoptr(PGresult) res = cblue_pg_admin_query(
	    store,
	    "SELECT json_build_object('name', username, 'role', role, 'password_hash', password_hash, "
	    "'disabled', disabled, 'created_at', cblue_iso8601(created_at), 'last_login', cblue_iso8601(last_login))::text "
	    "FROM users WHERE username = $1",
	    1, values, error);

	return cblue_pg_admin_row_json(res, error, CBLUE_ERROR_NOT_FOUND, _("No user “%s”."), name);
}

static JsonNode *
cblue_pg_admin_user_list(CblueStore *store, GError **error)
{
	return cblue_pg_admin_query_json(
	    store,
	    "SELECT COALESCE(json_agg(json_build_object('name', username, 'role', role, 'disabled', disabled, "
	    "'created_at', cblue_iso8601(created_at), 'last_login', cblue_iso8601(last_login)) ORDER BY username), "
	    "'[]'::json)::text FROM users",
	    0, NULL, error);
}

/* sessions */

typedef struct {
	const gchar *hash;
	const gchar *user;
	const gchar *csrf;
	gint64 expires_at;
} CbluePgAdminSessionCreate;

static gboolean
cblue_pg_admin_session_create_op(PGconn *conn, gpointer user_data, GError **error)
{
	CbluePgAdminSessionCreate *op = user_data;
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());
	g_autofree gchar *expires = cblue_store_timestamp(op->expires_at * G_USEC_PER_SEC);
	const gchar *values[] = {op->hash, op->user, op->csrf, now, expires};
	g_autoptr(PGresult) prune = NULL;
	g_autoptr(PGresult) insert = NULL;
	g_autoptr(PGresult) login = NULL;

	if (!cblue_pg_begin(conn, error))
		return FALSE;
	prune = cblue_pg_exec(conn, "DELETE FROM sessions WHERE expires_at < $1::timestamptz", 1, &values[3],
			      "cannot delete expired sessions", error);
	if (prune == NULL)
		return FALSE;
	insert = cblue_pg_exec(conn,
			       "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen, expires_at) "
			       "SELECT $1, id, $3, $4::timestamptz, $4::timestamptz, $5::timestamptz FROM users "
			       "WHERE username = $2",
			       G_N_ELEMENTS(values), values, "cannot create the session", error);
	if (!cblue_pg_admin_check_changed(insert, error, CBLUE_ERROR_NOT_FOUND, _("No user “%s”."), op->user))
		return FALSE;
	{
		const gchar *login_values[] = {op->user, now};
		login = cblue_pg_exec(conn, "UPDATE users SET last_login = $2::timestamptz WHERE username = $1", 2,
				      login_values, "cannot record the login", error);
	}
	return login != NULL && cblue_pg_commit(conn, error);
}

static gboolean
cblue_pg_admin_session_create(CblueStore *store, const gchar *hash, const gchar *user, const gchar *csrf,
			      gint64 expires_at, GError **error)
{
	CbluePgAdminSessionCreate op = {hash, user, csrf, expires_at};
	return cblue_pg_admin_run(store, cblue_pg_admin_session_create_op, &op, error);
}

static gboolean
cblue_pg_admin_session_delete(CblueStore *store, const gchar *hash, GError **error)
{
	const gchar *values[] = {hash};
	g_autoptr(PGresult) res = cblue_pg_admin_query(store, "DELETE FROM sessions WHERE id_hash = $1", 1, values, error);
	return res != NULL;
}

typedef struct {
	const gchar *hash;
	gint64 idle_timeout;
	JsonNode *result; /* owned, out */
} CbluePgAdminSessionGet;

static gboolean
cblue_pg_admin_session_get_op(PGconn *conn, gpointer user_data, GError **error)
{
	CbluePgAdminSessionGet *op = user_data;
	gint64 now_usec = g_get_real_time();
	g_autofree gchar *now = cblue_store_timestamp(now_usec);
	g_autofree gchar *idle_limit = cblue_store_timestamp(now_usec - op->idle_timeout * G_USEC_PER_SEC);
	g_autofree gchar *touch_limit = cblue_store_timestamp(now_usec - CBLUE_PG_ADMIN_TOUCH_USEC);
	const gchar *values[] = {op->hash, now, idle_limit, touch_limit};
	g_autoptr(PGresult) res = cblue_pg_exec(
	    conn,
	    "SELECT json_build_object('user', u.username, 'role', u.role, 'csrf_token', s.csrf_token)::text, "
	    "s.expires_at > $2::timestamptz AND s.last_seen > $3::timestamptz AND NOT u.disabled, "
	    "s.last_seen < $4::timestamptz "
	    "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1",
	    G_N_ELEMENTS(values), values, "cannot read the session", error);

	if (res == NULL)
		return FALSE;
	if (PQntuples(res) == 0) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_AUTH_FAILED,
				    _("Your session has ended; please log in again."));
		return FALSE;
	}
	if (g_strcmp0(PQgetvalue(res, 0, 1), "t") != 0) {
		g_autoptr(PGresult) del =
		    cblue_pg_exec(conn, "DELETE FROM sessions WHERE id_hash = $1", 1, values, "cannot end the session", error);
		if (del == NULL)
			return FALSE;
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_AUTH_FAILED,
				    _("Your session has ended; please log in again."));
		return FALSE;
	}
	if (g_strcmp0(PQgetvalue(res, 0, 2), "t") == 0) {
		g_autoptr(PGresult) touch = cblue_pg_exec(
		    conn, "UPDATE sessions SET last_seen = $2::timestamptz WHERE id_hash = $1", 2, values,
		    "cannot record the session's use", error);
		if (touch == NULL)
			return FALSE;
	}
	return cblue_pg_admin_set_result(&op->result, cblue_pg_result_json(res, error));
}

static JsonNode *
cblue_pg_admin_session_get(CblueStore *store, const gchar *hash, gint64 idle_timeout, GError **error)
{
	CbluePgAdminSessionGet op = {hash, idle_timeout, NULL};
	if (!cblue_pg_admin_run(store, cblue_pg_admin_session_get_op, &op, error))
		return NULL;
	return op.result;
}

/* API tokens */

static gint64
cblue_pg_admin_token_create(CblueStore *store, const gchar *user, const gchar *name, const gchar *hash,
			    GError **error)
{
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());
	const gchar *values[] = {user, hash, name, now};
	g_autoptr(PGresult) res = cblue_pg_admin_query(
	    store,
	    "INSERT INTO api_tokens (user_id, token_hash, name, created_at) "
	    "SELECT id, $2, $3, $4::timestamptz FROM users WHERE username = $1 RETURNING id",
	    G_N_ELEMENTS(values), values, error);

	if (res == NULL)
		return -1;
	if (PQntuples(res) == 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND, _("No user “%s”."), user);
		return -1;
	}
	return g_ascii_strtoll(PQgetvalue(res, 0, 0), NULL, 10);
}

static JsonNode *
cblue_pg_admin_token_list(CblueStore *store, const gchar *user, GError **error)
{
	const gchar *values[] = {user};
	return cblue_pg_admin_query_json(
	    store,
	    "SELECT COALESCE(json_agg(json_build_object('id', t.id, 'name', t.name, 'user', u.username, "
	    "'created_at', cblue_iso8601(t.created_at), 'last_used', cblue_iso8601(t.last_used_at)) ORDER BY t.id DESC), "
	    "'[]'::json)::text FROM api_tokens t JOIN users u ON u.id = t.user_id "
	    "WHERE t.revoked_at IS NULL AND ($1::text IS NULL OR u.username = $1)",
	    1, values, error);
}

static gboolean
cblue_pg_admin_token_delete(CblueStore *store, gint64 id, const gchar *user, GError **error)
{
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());
	g_autofree gchar *id_text = g_strdup_printf("%" G_GINT64_FORMAT, id);
	const gchar *values[] = {user, now, id_text};
	g_autoptr(PGresult) res = cblue_pg_admin_query(
	    store,
	    "UPDATE api_tokens SET revoked_at = $2::timestamptz WHERE id = $3::bigint AND revoked_at IS NULL "
	    "AND ($1::text IS NULL OR user_id = (SELECT id FROM users WHERE username = $1))",
	    G_N_ELEMENTS(values), values, error);

	return cblue_pg_admin_check_changed(res, error, CBLUE_ERROR_NOT_FOUND, _("No token %lld."), (long long)id);
}

static gboolean
cblue_pg_admin_token_get_op(PGconn *conn, gpointer user_data, GError **error)
{
	CbluePgAdminFind *op = user_data;
	gint64 now_usec = g_get_real_time();
	g_autofree gchar *now = cblue_store_timestamp(now_usec);
	g_autofree gchar *touch_limit = cblue_store_timestamp(now_usec - CBLUE_PG_ADMIN_TOUCH_USEC);
	const gchar *values[] = {op->key, touch_limit};
	g_autoptr(PGresult) res = cblue_pg_exec(
	    conn,
	    "SELECT json_build_object('id', t.id, 'user', u.username, 'role', u.role)::text, t.id, "
	    "t.last_used_at IS NULL OR t.last_used_at < $2::timestamptz FROM api_tokens t "
	    "JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND NOT u.disabled",
	    G_N_ELEMENTS(values), values, "cannot read the token", error);

	if (res == NULL)
		return FALSE;
	if (PQntuples(res) == 0) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_AUTH_FAILED, _("The API token is not valid."));
		return FALSE;
	}
	if (g_strcmp0(PQgetvalue(res, 0, 2), "t") == 0) {
		const gchar *touch_values[] = {now, PQgetvalue(res, 0, 1)};
		g_autoptr(PGresult) touch =
		    cblue_pg_exec(conn, "UPDATE api_tokens SET last_used_at = $1::timestamptz WHERE id = $2::bigint", 2,
				  touch_values, "cannot record the token's use", error);
		if (touch == NULL)
			return FALSE;
	}
	return cblue_pg_admin_set_result(&op->result, cblue_pg_result_json(res, error));
}

static JsonNode *
cblue_pg_admin_token_get(CblueStore *store, const gchar *hash, GError **error)
{
	return cblue_pg_admin_find(store, cblue_pg_admin_token_get_op, hash, error);
}

/* the audit log */

static gboolean
cblue_pg_admin_audit_append(CblueStore *store, const gchar *actor, const gchar *action, const gchar *target,
			    const gchar *detail, GError **error)
{
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());
	const gchar *values[] = {actor, action, target, detail, now};
	g_autoptr(PGresult) res = cblue_pg_admin_query(
	    store,
	    "INSERT INTO audit_log (actor, action, target, details, created_at) VALUES ($1, $2, $3, $4, $5::timestamptz)",
	    G_N_ELEMENTS(values), values, error);
	return res != NULL;
}

static JsonNode *
cblue_pg_admin_audit_list(CblueStore *store, guint offset, guint limit, GError **error)
{
	g_autofree gchar *limit_text = g_strdup_printf("%u", limit);
	g_autofree gchar *offset_text = g_strdup_printf("%u", offset);
	const gchar *values[] = {limit_text, offset_text};

	return cblue_pg_admin_query_json(
	    store,
	    "SELECT json_build_object('total', (SELECT count(*) FROM audit_log), 'entries', "
	    "COALESCE((SELECT json_agg(json_build_object('at', cblue_iso8601(created_at), 'user', actor, "
	    "'action', action, 'target', target, 'detail', details) ORDER BY id DESC) FROM "
	    "(SELECT * FROM audit_log ORDER BY id DESC LIMIT $1::bigint OFFSET $2::bigint) page), '[]'::json))::text",
	    G_N_ELEMENTS(values), values, error);
}

void
cblue_store_postgres_admin_iface_init(CblueStoreInterface *iface)
{
	iface->kb_list_working = cblue_pg_admin_kb_list_working;
	iface->kb_get_working = cblue_pg_admin_kb_get_working;
	iface->kb_save_drafts = cblue_pg_admin_kb_save_drafts;
	iface->kb_publish = cblue_pg_admin_kb_publish;
	iface->kb_list_versions = cblue_pg_admin_kb_list_versions;
	iface->kb_get_version = cblue_pg_admin_kb_get_version;
	iface->user_add = cblue_pg_admin_user_add;
	iface->user_update = cblue_pg_admin_user_update;
	iface->user_delete = cblue_pg_admin_user_delete;
	iface->user_get = cblue_pg_admin_user_get;
	iface->user_list = cblue_pg_admin_user_list;
	iface->session_create = cblue_pg_admin_session_create;
	iface->session_get = cblue_pg_admin_session_get;
	iface->session_delete = cblue_pg_admin_session_delete;
	iface->token_create = cblue_pg_admin_token_create;
	iface->token_list = cblue_pg_admin_token_list;
	iface->token_delete = cblue_pg_admin_token_delete;
	iface->token_get = cblue_pg_admin_token_get;
	iface->audit_append = cblue_pg_admin_audit_append;
	iface->audit_list = cblue_pg_admin_audit_list;
}
