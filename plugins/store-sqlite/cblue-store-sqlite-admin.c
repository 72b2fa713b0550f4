/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cblue-store-sqlite-admin.h"

/*
 * The admin console's part of store-sqlite: users, sessions, API tokens, the audit log,
 * KB drafts and published versions (schema in data/sql/sqlite/0002-admin.sql). Everything
 * runs on the read connection under its mutex (these calls come from the admin worker
 * pool, never from a listener thread); every write is one BEGIN IMMEDIATE transaction and
 * every statement is parameterized. Statements come from the connection's cache
 * (cblue-store-sqlite-db.c), which resets them when they leave scope.
 */

/* sessions and tokens record their use at most this often, so that a busy console does
 * not write on every request */
#define CBLUE_SQLITE_ADMIN_TOUCH_USEC (60 * G_USEC_PER_SEC)

/* runs @func on the locked read connection */
#define CBLUE_SQLITE_ADMIN_LOCKED(store, error, failed, call)                                                       \
	G_STMT_START                                                                                                \
	{                                                                                                           \
		CblueSqliteDb *db = cblue_store_sqlite_lock_db(store, error);                                       \
		if (db == NULL)                                                                                     \
			return failed;                                                                              \
		result = call;                                                                                      \
		cblue_store_sqlite_unlock_db(store);                                                                \
	}                                                                                                           \
	G_STMT_END

/* the KB working copy */

/* ENTRY objects as one JSON text, so that a list of thousands is parsed once */
#define CBLUE_SQLITE_ADMIN_ENTRY_SQL                                                                                \
	"SELECT json_set(data, '$.status', status, '$.revision', revision, '$.updated_at', updated_at, "          \
	"'$.updated_by', updated_by) FROM kb_working"

static JsonNode *
cblue_sqlite_admin_parse_rows(CblueSqliteDb *db, sqlite3_stmt *stmt, GError **error)
{
	g_autoptr(GString) text = g_string_new("[");
	g_autoptr(GError) error_local = NULL;

	while (cblue_sqlite_db_step_next(db, stmt, "cannot read the KB", &error_local)) {
		if (text->len > 1)
			g_string_append_c(text, ',');
		g_string_append(text, cblue_sqlite_column_text(stmt, 0));
	}
	if (error_local != NULL) {
		g_propagate_error(error, g_steal_pointer(&error_local));
		return NULL;
	}
	g_string_append_c(text, ']');
	return json_from_string(text->str, error);
}

static JsonNode *
cblue_sqlite_admin_kb_list_working_locked(CblueSqliteDb *db, GError **error)
{
	g_autoptr(CblueSqliteStmt) stmt =
	    cblue_sqlite_db_prepare(db, CBLUE_SQLITE_ADMIN_ENTRY_SQL " ORDER BY topic_id", error);
	if (stmt == NULL)
		return NULL;
	return cblue_sqlite_admin_parse_rows(db, stmt, error);
}

static JsonNode *
cblue_sqlite_admin_kb_list_working(CblueStore *store, GError **error)
{
	JsonNode *result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, NULL, cblue_sqlite_admin_kb_list_working_locked(db, error));
	return result;
}

static JsonNode *
cblue_sqlite_admin_kb_get_working_locked(gpointer db, const gchar *topic_id, GError **error)
{
	g_autoptr(CblueSqliteStmt) stmt =
	    cblue_sqlite_db_prepare(db, CBLUE_SQLITE_ADMIN_ENTRY_SQL " WHERE topic_id = ?1", error);
	g_autoptr(JsonNode) array = NULL;

	if (stmt == NULL || !cblue_sqlite_db_bind(db, stmt, error, "t", topic_id))
		return NULL;
	array = cblue_sqlite_admin_parse_rows(db, stmt, error);
	if (array == NULL)
		return NULL;
	if (json_array_get_length(json_node_get_array(array)) == 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND, _("No KB entry “%s”."), topic_id);
		return NULL;
	}
	return json_node_copy(json_array_get_element(json_node_get_array(array), 0));
}

static JsonNode *
cblue_sqlite_admin_kb_get_working(CblueStore *store, const gchar *topic_id, GError **error)
{
	JsonNode *result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, NULL, cblue_sqlite_admin_kb_get_working_locked(db, topic_id, error));
	return result;
}

static gboolean
cblue_sqlite_admin_read_working(gpointer db, const gchar *topic_id, CblueStoreWorking *out, GError **error)
{
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_db_prepare(
	    db, "SELECT status, revision, published, data FROM kb_working WHERE topic_id = ?1", error);

	memset(out, 0, sizeof(*out));
	if (stmt == NULL || !cblue_sqlite_db_bind(db, stmt, error, "t", topic_id) ||
	    !cblue_sqlite_db_step_maybe(db, stmt, "cannot read the KB", &out->exists, error))
		return FALSE;
	if (out->exists) {
		out->deleted = g_strcmp0(cblue_sqlite_column_text(stmt, 0), "deleted") == 0;
		out->revision = sqlite3_column_int64(stmt, 1);
		out->published = sqlite3_column_int64(stmt, 2) != 0;
		out->data = g_strdup(cblue_sqlite_column_text(stmt, 3));
	}
	return TRUE;
}

static gboolean
cblue_sqlite_admin_write_draft(gpointer db, const gchar *topic_id, const gchar *category, const gchar *data,
			       gboolean deleted, gint64 revision, const gchar *now, const gchar *user, GError **error)
{
	return cblue_sqlite_db_exec(
	    db,
	    "INSERT INTO kb_drafts (topic_id, category, data, updated_at, updated_by, deleted, revision) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (topic_id) DO UPDATE SET "
	    "category = excluded.category, data = excluded.data, deleted = excluded.deleted, "
	    "revision = excluded.revision, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
	    "cannot write the draft", error, "tttttii", topic_id, category, data, now, user, (gint64)(deleted ? 1 : 0),
	    revision);
}

static gboolean
cblue_sqlite_admin_drop_draft(gpointer db, const gchar *topic_id, GError **error)
{
	return cblue_sqlite_db_exec(db, "DELETE FROM kb_drafts WHERE topic_id = ?1", "cannot delete the draft", error,
				    "t", topic_id);
}

/* the working copy's reads and writes take a CblueSqliteDb, as cblue_store_draft_save()
 * calls them */
static const CblueStoreDraftOps cblue_sqlite_admin_draft_ops = {
    .read_working = cblue_sqlite_admin_read_working,
    .write_draft = cblue_sqlite_admin_write_draft,
    .drop_draft = cblue_sqlite_admin_drop_draft,
    .get_working = cblue_sqlite_admin_kb_get_working_locked,
};

static JsonNode *
cblue_sqlite_admin_kb_save_drafts_locked(CblueSqliteDb *db, JsonNode *changes, const gchar *user, GError **error)
{
	JsonArray *array = json_node_get_array(changes);
	g_autoptr(JsonArray) saved = json_array_new();
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());
	gboolean ok = TRUE;

	if (!cblue_sqlite_db_begin(db, error))
		return NULL;
	for (guint i = 0; i < json_array_get_length(array) && ok; i++) {
		JsonNode *change = json_array_get_element(array, i);
		JsonNode *entry = NULL;
		if (JSON_NODE_HOLDS_OBJECT(change))
			entry = cblue_store_draft_save(&cblue_sqlite_admin_draft_ops, db, json_node_get_object(change), user,
						       now, error);
		else
			g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("A change is not an object."));
		if (entry == NULL)
			ok = FALSE;
		else
			json_array_add_element(saved, entry);
	}
	if (!cblue_sqlite_db_end(db, ok, error))
		return NULL;
	return cblue_sqlite_node_array(g_steal_pointer(&saved));
}

static JsonNode *
cblue_sqlite_admin_kb_save_drafts(CblueStore *store, JsonNode *changes, const gchar *user, GError **error)
{
	JsonNode *result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, NULL, cblue_sqlite_admin_kb_save_drafts_locked(db, changes, user, error));
	return result;
}

/* publishing */

static gboolean
cblue_sqlite_admin_apply_drafts(CblueSqliteDb *db, gint64 version, GError **error)
{
	return cblue_sqlite_db_run(
		   db, "DELETE FROM kb_entries WHERE topic_id IN (SELECT topic_id FROM kb_drafts WHERE deleted = 1)",
		   "cannot delete KB entries", error) &&
	       cblue_sqlite_db_exec(
		   db,
		   "INSERT INTO kb_entries (topic_id, category, status, data, version, updated_at, revision, "
		   "updated_by) "
		   "SELECT topic_id, category, 'published', data, ?1, updated_at, revision, updated_by "
		   "FROM kb_drafts WHERE deleted = 0 ON CONFLICT (topic_id) DO UPDATE SET "
		   "category = excluded.category, status = 'published', data = excluded.data, version = "
		   "excluded.version, "
		   "updated_at = excluded.updated_at, revision = excluded.revision, updated_by = excluded.updated_by",
		   "cannot publish the drafts", error, "i", version) &&
	       cblue_sqlite_db_run(db, "DELETE FROM kb_drafts", "cannot delete the drafts", error);
}

/* the published KB becomes @entries; unchanged rows are left alone */
static gboolean
cblue_sqlite_admin_replace_entries(CblueSqliteDb *db, JsonArray *entries, gint64 version, const gchar *now,
				   const gchar *user, GError **error)
{
	g_autoptr(JsonArray) ids = json_array_new();
	g_autoptr(JsonNode) ids_node = NULL;
	g_autofree gchar *ids_text = NULL;

	for (guint i = 0; i < json_array_get_length(entries); i++) {
		JsonNode *node = json_array_get_element(entries, i);
		JsonObject *obj = JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node) : NULL;
		const gchar *topic_id =
		    obj != NULL ? json_object_get_string_member_with_default(obj, "topic_id", NULL) : NULL;
		g_autofree gchar *data = NULL;
	
		if (topic_id == NULL) {
			g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("An entry has no topic_id."));
			return FALSE;
		}
		data = json_to_string(node, FALSE);
		if (!cblue_sqlite_db_exec(
			db,
			"INSERT INTO kb_entries (topic_id, category, status, data, version, updated_at, updated_by) "
			"VALUES (?1, ?2, 'published', ?3, ?4, ?5, ?6) ON CONFLICT (topic_id) DO UPDATE SET "
			"category = excluded.category, data = excluded.data, version = excluded.version, "
			"updated_at = excluded.updated_at, updated_by = excluded.updated_by "
			"WHERE kb_entries.data IS NOT excluded.data",
			"cannot write the KB entry", error, "tttitt", topic_id,
			json_object_get_string_member_with_default(obj, "category", NULL), data, version, now, user))
			return FALSE;
		json_array_add_string_element(ids, topic_id);
	}
	ids_node = cblue_sqlite_node_array(g_steal_pointer(&ids));
	ids_text = json_to_string(ids_node, FALSE);
	return cblue_sqlite_db_exec(db,
				    "DELETE FROM kb_entries WHERE topic_id NOT IN (SELECT value FROM json_each(?1))",
				    "cannot delete KB entries", error, "t", ids_text);
}

static gboolean
cblue_sqlite_admin_write_version(CblueSqliteDb *db, gint64 version, const gchar *now, const gchar *user,
				 const gchar *comment, gint64 *n_entries, GError **error)
{
	g_autoptr(GString) snapshot = g_string_new("[");
	g_autoptr(CblueSqliteStmt) stmt =
	    cblue_sqlite_db_prepare(db, "SELECT data FROM kb_entries ORDER BY topic_id", error);
	g_autoptr(GError) error_local = NULL;

	*n_entries = 0;
	if (stmt == NULL)
		return FALSE;
	while (cblue_sqlite_db_step_next(db, stmt, "cannot read the KB", &error_local)) {
		if (snapshot->len > 1)
			g_string_append_c(snapshot, ',');
		g_string_append(snapshot, cblue_sqlite_column_text(stmt, 0));
		(*n_entries)++;
	}
	if (error_local != NULL) {
		g_propagate_error(error, g_steal_pointer(&error_local));
		return FALSE;
	}
	g_string_append_c(snapshot, ']');
	return cblue_sqlite_db_exec(db,
				    "INSERT INTO kb_versions (created_at, note, snapshot, published_by, comment, "
				    "entries, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
				    "cannot write the KB version", error, "tttttii", now,
				    "published from the admin console", snapshot->str, user, comment,
				    (gint64)*n_entries, version);
}

static JsonNode *
cblue_sqlite_admin_kb_publish_locked(CblueSqliteDb *db, const gchar *user, const gchar *comment, JsonNode *entries,
				     GError **error)
{
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());
	g_autoptr(CblueSqliteStmt) stmt = NULL;
	gint64 version = 0;
	gint64 n_entries = 0;
	gboolean ok;
	JsonObject *obj;

	if (!cblue_sqlite_db_begin(db, error))
		return NULL;
	stmt = cblue_sqlite_db_prepare(db, "SELECT COALESCE(MAX(version), 0) + 1 FROM kb_versions", error);
	ok = stmt != NULL && cblue_sqlite_db_step_next(db, stmt, "cannot read the KB version", error);
	if (ok)
		version = sqlite3_column_int64(stmt, 0);
	g_clear_pointer(&stmt, cblue_sqlite_stmt_release);
	if (ok && entries != NULL)
		ok = cblue_sqlite_admin_replace_entries(db, json_node_get_array(entries), version, now, user, error);
	else if (ok)
		ok = cblue_sqlite_admin_apply_drafts(db, version, error);
	ok = ok && cblue_sqlite_admin_write_version(db, version, now, user, comment, &n_entries, error);
	if (!cblue_sqlite_db_end(db, ok, error))
		return NULL;
	obj = json_object_new();
	json_object_set_int_member(obj, "version", version);
	json_object_set_string_member(obj, "published_at", now);
	json_object_set_int_member(obj, "entries", n_entries);
	return cblue_sqlite_node_object(obj);
}

static JsonNode *
cblue_sqlite_admin_kb_publish(CblueStore *store, const gchar *user, const gchar *comment, JsonNode *entries,
			      GError **error)
{
	JsonNode *result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, NULL,
				  cblue_sqlite_admin_kb_publish_locked(db, user, comment, entries, error));
	return result;
}

static JsonNode *
cblue_sqlite_admin_kb_list_versions_locked(CblueSqliteDb *db, GError **error)
{
	const gchar *names[] = {"version", "published_at", "published_by", "comment", "entries", NULL};
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_db_prepare(
	    db,
	    "SELECT version, created_at, published_by, COALESCE(comment, note), "
	    "COALESCE(entries, json_array_length(snapshot)) FROM kb_versions ORDER BY version DESC",
	    error);
	if (stmt == NULL)
		return NULL;
	return cblue_sqlite_db_rows(db, stmt, names, error);
}

static JsonNode *
cblue_sqlite_admin_kb_list_versions(CblueStore *store, GError **error)
{
	JsonNode *result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, NULL, cblue_sqlite_admin_kb_list_versions_locked(db, error));
	return result;
}

static JsonNode *
cblue_sqlite_admin_kb_get_version_locked(CblueSqliteDb *db, gint64 version, GError **error)
{
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_db_prepare(
	    db,
	    version > 0 ? "SELECT snapshot FROM kb_versions WHERE version = ?1"
			: "SELECT snapshot FROM kb_versions ORDER BY version DESC LIMIT 1",
	    error);
	g_autoptr(GError) error_local = NULL;

	if (stmt == NULL || (version > 0 && !cblue_sqlite_bind_int64(db, stmt, 1, version, error)))
		return NULL;
	if (!cblue_sqlite_db_step_next(db, stmt, "cannot read the KB version", &error_local)) {
		if (error_local != NULL)
			g_propagate_error(error, g_steal_pointer(&error_local));
		else
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND, _("No KB version %lld."),
				    (long long)version);
		return NULL;
	}
	return json_from_string(cblue_sqlite_column_text(stmt, 0), error);
}

static JsonNode *
cblue_sqlite_admin_kb_get_version(CblueStore *store, gint64 version, GError **error)
{
	JsonNode *result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, NULL, cblue_sqlite_admin_kb_get_version_locked(db, version, error));
	return result;
}

/* users */

static gboolean
cblue_sqlite_admin_user_exists(CblueSqliteDb *db, const gchar *name, gboolean *exists, GError **error)
{
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_db_prepare(db, "SELECT 1 FROM users WHERE username = ?1", error);

	return stmt != NULL && cblue_sqlite_db_bind(db, stmt, error, "t", name) &&
	       cblue_sqlite_db_step_maybe(db, stmt, "cannot read users", exists, error);
}

static gboolean
cblue_sqlite_admin_user_add_locked(CblueSqliteDb *db, const gchar *name, const gchar *role, const gchar *hash,
				   GError **error)
{
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());
	gboolean exists = FALSE;
	gboolean ok;

	if (!cblue_sqlite_db_begin(db, error))
		return FALSE;
	ok = cblue_sqlite_admin_user_exists(db, name, &exists, error);
	if (ok && exists) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_CONFLICT, _("The user “%s” exists already."), name);
		ok = FALSE;
	}
	if (ok) {
		ok = cblue_sqlite_db_exec(
		    db, "INSERT INTO users (username, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
		    "cannot add the user", error, "tttt", name, role, hash, now);
	}
	return cblue_sqlite_db_end(db, ok, error);
}

static gboolean
cblue_sqlite_admin_user_add(CblueStore *store, const gchar *name, const gchar *role, const gchar *hash,
			    GError **error)
{
	gboolean result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, FALSE, cblue_sqlite_admin_user_add_locked(db, name, role, hash, error));
	return result;
}

static gboolean
cblue_sqlite_admin_user_update_locked(CblueSqliteDb *db, const gchar *name, const gchar *role, const gchar *hash,
				      gint disabled, GError **error)
{
	g_autoptr(CblueSqliteStmt) sessions = NULL;
	gboolean ok;

	if (!cblue_sqlite_db_begin(db, error))
		return FALSE;
	ok = cblue_sqlite_db_exec(db,
				  "UPDATE users SET role = COALESCE(?2, role), "
				  "password_hash = COALESCE(?3, password_hash), "
				  "disabled = CASE WHEN ?4 < 0 THEN disabled ELSE ?4 END WHERE username = ?1",
				  "cannot change the user", error, "ttti", name, role, hash, (gint64)disabled);
	if (ok && sqlite3_changes(db->db) == 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND, _("No user “%s”."), name);
		ok = FALSE;
	}
	/* a new password or a disabled account ends the sessions opened before */
	if (ok && (hash != NULL || disabled == 1)) {
		ok = cblue_sqlite_db_exec(
		    db, "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ?1)",
		    "cannot end the sessions", error, "t", name);
	}
	return cblue_sqlite_db_end(db, ok, error);
}

static gboolean
cblue_sqlite_admin_user_update(CblueStore *store, const gchar *name, const gchar *role, const gchar *hash,
			       gint disabled, GError **error)
{
	gboolean result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, FALSE,
				  cblue_sqlite_admin_user_update_locked(db, name, role, hash, disabled, error));
	return result;
}

static gboolean
cblue_sqlite_admin_user_delete_locked(CblueSqliteDb *db, const gchar *name, GError **error)
{

	if (!cblue_sqlite_db_exec(db, "DELETE FROM users WHERE username = ?1", "cannot delete the user", error, "t",
				  name))
		return FALSE;
	if (sqlite3_changes(db->db) == 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND, _("No user “%s”."), name);
		return FALSE;
	}
	return TRUE;
}

static gboolean
cblue_sqlite_admin_user_delete(CblueStore *store, const gchar *name, GError **error)
{
	gboolean result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, FALSE, cblue_sqlite_admin_user_delete_locked(db, name, error));
	return result;
}

static JsonNode *
cblue_sqlite_admin_user_get_locked(CblueSqliteDb *db, const gchar *name, GError **error)
{
	const gchar *names[] = {"name", "role", "password_hash", "?disabled", "created_at", "last_login", NULL};
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_db_prepare(
	    db,
	    "SELECT username, role, password_hash, disabled, created_at, last_login FROM users WHERE username = ?1",
	    error);
	g_autoptr(GError) error_local = NULL;

	if (stmt == NULL || !cblue_sqlite_db_bind(db, stmt, error, "t", name))
		return NULL;
	if (!cblue_sqlite_db_step_next(db, stmt, "cannot read the user", &error_local)) {
		if (error_local != NULL)
			g_propagate_error(error, g_steal_pointer(&error_local));
		else
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND, _("No user “%s”."), name);
		return NULL;
	}
	return cblue_sqlite_node_object(cblue_sqlite_row_object(stmt, names));
}

static JsonNode *
cblue_sqlite_admin_user_get(CblueStore *store, const gchar *name, GError **error)
{
	JsonNode *result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, NULL, cblue_sqlite_admin_user_get_locked(db, name, error));
	return result;
}

static JsonNode *
cblue_sqlite_admin_user_list_locked(CblueSqliteDb *db, GError **error)
{
	const gchar *names[] = {"name", "role", "?disabled", "created_at", "last_login", NULL};
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_db_prepare(
	    db, "SELECT username, role, disabled, created_at, last_login FROM users ORDER BY username", error);
	if (stmt == NULL)
		return NULL;
	return cblue_sqlite_db_rows(db, stmt, names, error);
}

static JsonNode *
cblue_sqlite_admin_user_list(CblueStore *store, GError **error)
{
	JsonNode *result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, NULL, cblue_sqlite_admin_user_list_locked(db, error));
	return result;
}

/* sessions */

static gboolean
cblue_sqlite_admin_session_create_locked(CblueSqliteDb *db, const gchar *hash, const gchar *user, const gchar *csrf,
					 gint64 expires_at, GError **error)
{
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());
	g_autofree gchar *expires = cblue_store_timestamp(expires_at * G_USEC_PER_SEC);
	g_autoptr(CblueSqliteStmt) login = NULL;
	gboolean ok;

	if (!cblue_sqlite_db_begin(db, error))
		return FALSE;
	ok = cblue_sqlite_db_exec(db, "DELETE FROM sessions WHERE expires_at < ?1", "cannot delete expired sessions",
				  error, "t", now);
	if (ok) {
		ok = cblue_sqlite_db_exec(
		    db,
		    "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen, expires_at) "
		    "SELECT ?1, id, ?3, ?4, ?4, ?5 FROM users WHERE username = ?2",
		    "cannot create the session", error, "ttttt", hash, user, csrf, now, expires);
	}
	if (ok && sqlite3_changes(db->db) == 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND, _("No user “%s”."), user);
		ok = FALSE;
	}
	if (ok) {
		ok = cblue_sqlite_db_exec(db, "UPDATE users SET last_login = ?2 WHERE username = ?1",
					  "cannot record the login", error, "tt", user, now);
	}
	return cblue_sqlite_db_end(db, ok, error);
}

static gboolean
cblue_sqlite_admin_session_create(CblueStore *store, const gchar *hash, const gchar *user, const gchar *csrf,
				  gint64 expires_at, GError **error)
{
	gboolean result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, FALSE,
				  cblue_sqlite_admin_session_create_locked(db, hash, user, csrf, expires_at, error));
	return result;
}

static gboolean
cblue_sqlite_admin_session_delete_locked(CblueSqliteDb *db, const gchar *hash, GError **error)
{
	return cblue_sqlite_db_exec(db, "DELETE FROM sessions WHERE id_hash = ?1", "cannot end the session", error, "t",
				    hash);
}

static gboolean
cblue_sqlite_admin_session_delete(CblueStore *store, const gchar *hash, GError **error)
{
	gboolean result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, FALSE, cblue_sqlite_admin_session_delete_locked(db, hash, error));
	return result;
}

static JsonNode *
cblue_sqlite_admin_session_get_locked(CblueSqliteDb *db, const gchar *hash, gint64 idle_timeout, GError **error)
{
	const gchar *names[] = {"user", "role", "csrf_token", NULL};
	gint64 now_usec = g_get_real_time();
	g_autofree gchar *now = cblue_store_timestamp(now_usec);
	g_autofree gchar *idle_limit = cblue_store_timestamp(now_usec - idle_timeout * G_USEC_PER_SEC);
	g_autofree gchar *touch_limit = cblue_store_timestamp(now_usec - CBLUE_SQLITE_ADMIN_TOUCH_USEC);
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_db_prepare(
	    db,
	    "SELECT u.username, u.role, s.csrf_token, s.last_seen, s.expires_at, u.disabled "
	    "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?1",
	    error);
	g_autoptr(GError) error_local = NULL;
	g_autoptr(JsonObject) obj = NULL;
	gboolean valid;
	gboolean touch;

	if (stmt == NULL || !cblue_sqlite_db_bind(db, stmt, error, "t", hash))
		return NULL;
	if (!cblue_sqlite_db_step_next(db, stmt, "cannot read the session", &error_local)) {
		if (error_local != NULL)
			g_propagate_error(error, g_steal_pointer(&error_local));
		else
			g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_AUTH_FAILED,
					    _("Your session has ended; please log in again."));
		return NULL;
	}
	valid = g_strcmp0(cblue_sqlite_column_text(stmt, 4), now) > 0 &&
		g_strcmp0(cblue_sqlite_column_text(stmt, 3), idle_limit) > 0 && sqlite3_column_int64(stmt, 5) == 0;
	touch = g_strcmp0(cblue_sqlite_column_text(stmt, 3), touch_limit) < 0;
	obj = cblue_sqlite_row_object(stmt, names);
	g_clear_pointer(&stmt, cblue_sqlite_stmt_release);
	if (!valid) {
		if (!cblue_sqlite_admin_session_delete_locked(db, hash, error))
			return NULL;
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_AUTH_FAILED,
				    _("Your session has ended; please log in again."));
		return NULL;
	}
	if (touch) {
		if (!cblue_sqlite_db_exec(db, "UPDATE sessions SET last_seen = ?2 WHERE id_hash = ?1",
					  "cannot record the session's use", error, "tt", hash, now))
			return NULL;
	}
	return cblue_sqlite_node_object(g_steal_pointer(&obj));
}

static JsonNode *
cblue_sqlite_admin_session_get(CblueStore *store, const gchar *hash, gint64 idle_timeout, GError **error)
{
	JsonNode *result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, NULL,
				  cblue_sqlite_admin_session_get_locked(db, hash, idle_timeout, error));
	return result;
}

/* API tokens */

static gint64
cblue_sqlite_admin_token_create_locked(CblueSqliteDb *db, const gchar *user, const gchar *name, const gchar *hash,
				       GError **error)
{
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());

	if (!cblue_sqlite_db_exec(db,
				  "INSERT INTO api_tokens (user_id, token_hash, name, created_at) "
				  "SELECT id, ?2, ?3, ?4 FROM users WHERE username = ?1",
				  "cannot store the token", error, "tttt", user, hash, name, now))
		return -1;
	if (sqlite3_changes(db->db) == 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND, _("No user “%s”."), user);
		return -1;
	}
	return sqlite3_last_insert_rowid(db->db);
}

static gint64
cblue_sqlite_admin_token_create(CblueStore *store, const gchar *user, const gchar *name, const gchar *hash,
				GError **error)
{
	gint64 result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, -1, cblue_sqlite_admin_token_create_locked(db, user, name, hash, error));
	return result;
}

static JsonNode *
cblue_sqlite_admin_token_list_locked(CblueSqliteDb *db, const gchar *user, GError **error)
{
	const gchar *names[] = {"id", "name", "user", "created_at", "last_used", NULL};
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_db_prepare(
	    db,
	    "SELECT t.id, t.name, u.username, t.created_at, t.last_used_at FROM api_tokens t "
	    "JOIN users u ON u.id = t.user_id WHERE t.revoked_at IS NULL AND (?1 IS NULL OR u.username = ?1) "
	    "ORDER BY t.id DESC",
	    error);
	if (stmt == NULL || !cblue_sqlite_db_bind(db, stmt, error, "t", user))
		return NULL;
	return cblue_sqlite_db_rows(db, stmt, names, error);
}

static JsonNode *
cblue_sqlite_admin_token_list(CblueStore *store, const gchar *user, GError **error)
{
	JsonNode *result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, NULL, cblue_sqlite_admin_token_list_locked(db, user, error));
	return result;
}

static gboolean
cblue_sqlite_admin_token_delete_locked(CblueSqliteDb *db, gint64 id, const gchar *user, GError **error)
{
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());

	if (!cblue_sqlite_db_exec(db,
				  "UPDATE api_tokens SET revoked_at = ?2 WHERE id = ?3 AND revoked_at IS NULL "
				  "AND (?1 IS NULL OR user_id = (SELECT id FROM users WHERE username = ?1))",
				  "cannot revoke the token", error, "tti", user, now, id))
		return FALSE;
	if (sqlite3_changes(db->db) == 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND, _("No token %lld."), (long long)id);
		return FALSE;
	}
	return TRUE;
}

static gboolean
cblue_sqlite_admin_token_delete(CblueStore *store, gint64 id, const gchar *user, GError **error)
{
	gboolean result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, FALSE, cblue_sqlite_admin_token_delete_locked(db, id, user, error));
	return result;
}

static JsonNode *
cblue_sqlite_admin_token_get_locked(CblueSqliteDb *db, const gchar *hash, GError **error)
{
	const gchar *names[] = {"id", "user", "role", NULL};
	gint64 now_usec = g_get_real_time();
	g_autofree gchar *now = cblue_store_timestamp(now_usec);
	g_autofree gchar *touch_limit = cblue_store_timestamp(now_usec - CBLUE_SQLITE_ADMIN_TOUCH_USEC);
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_db_prepare(
	    db,
	    "SELECT t.id, u.username, u.role, t.last_used_at, u.disabled FROM api_tokens t "
	    "JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?1 AND t.revoked_at IS NULL",
	    error);
	g_autoptr(GError) error_local = NULL;
	g_autoptr(JsonObject) obj = NULL;
	gboolean touch;
	gint64 id;

	if (stmt == NULL || !cblue_sqlite_db_bind(db, stmt, error, "t", hash))
		return NULL;
	if (!cblue_sqlite_db_step_next(db, stmt, "cannot read the token", &error_local) ||
	    sqlite3_column_int64(stmt, 4) != 0) {
		if (error_local != NULL)
			g_propagate_error(error, g_steal_pointer(&error_local));
		else
			g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_AUTH_FAILED, _("The API token is not valid."));
		return NULL;
	}
	id = sqlite3_column_int64(stmt, 0);
	touch = sqlite3_column_type(stmt, 3) == SQLITE_NULL ||
		g_strcmp0(cblue_sqlite_column_text(stmt, 3), touch_limit) < 0;
	obj = cblue_sqlite_row_object(stmt, names);
	g_clear_pointer(&stmt, cblue_sqlite_stmt_release);
	if (touch) {
		if (!cblue_sqlite_db_exec(db, "UPDATE api_tokens SET last_used_at = ?1 WHERE id = ?2",
					  "cannot record the token's use", error, "ti", now, id))
			return NULL;
	}
	return cblue_sqlite_node_object(g_steal_pointer(&obj));
}

static JsonNode *
cblue_sqlite_admin_token_get(CblueStore *store, const gchar *hash, GError **error)
{
	JsonNode *result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, NULL, cblue_sqlite_admin_token_get_locked(db, hash, error));
	return result;
}

/* the audit log */

static gboolean
cblue_sqlite_admin_audit_append_locked(CblueSqliteDb *db, const gchar *actor, const gchar *action, const gchar *target,
				       const gchar *detail, GError **error)
{
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());
	return cblue_sqlite_db_exec(
	    db, "INSERT INTO audit_log (actor, action, target, details, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	    "cannot write the audit log", error, "ttttt", actor, action, target, detail, now);
}

static gboolean
cblue_sqlite_admin_audit_append(CblueStore *store, const gchar *actor, const gchar *action, const gchar *target,
				const gchar *detail, GError **error)
{
	gboolean result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, FALSE,
				  cblue_sqlite_admin_audit_append_locked(db, actor, action, target, detail, error));
	return result;
}

static JsonNode *
cblue_sqlite_admin_audit_list_locked(CblueSqliteDb *db, guint offset, guint limit, GError **error)
{
	const gchar *names[] = {"at", "user", "action", "target", "detail", NULL};
	g_autoptr(CblueSqliteStmt) count = cblue_sqlite_db_prepare(db, "SELECT count(*) FROM audit_log", error);
	g_autoptr(CblueSqliteStmt) stmt = NULL;
	g_autoptr(GError) error_local = NULL;
	JsonNode *entries;
	JsonObject *obj;
	gint64 total;

	if (count == NULL || !cblue_sqlite_db_step_next(db, count, "cannot count the audit log", &error_local)) {
		if (error_local != NULL)
			g_propagate_error(error, g_steal_pointer(&error_local));
		return NULL;
	}
	total = sqlite3_column_int64(count, 0);
	stmt = cblue_sqlite_db_prepare(db,
					  "SELECT created_at, actor, action, target, details FROM audit_log "
					  "ORDER BY id DESC LIMIT ?1 OFFSET ?2",
					  error);
	if (stmt == NULL || !cblue_sqlite_bind_int64(db, stmt, 1, limit, error) ||
	    !cblue_sqlite_bind_int64(db, stmt, 2, offset, error))
		return NULL;
	entries = cblue_sqlite_db_rows(db, stmt, names, error);
	if (entries == NULL)
		return NULL;
	obj = json_object_new();
	json_object_set_int_member(obj, "total", total);
	json_object_set_member(obj, "entries", entries);
	return cblue_sqlite_node_object(obj);
}

static JsonNode *
cblue_sqlite_admin_audit_list(CblueStore *store, guint offset, guint limit, GError **error)
{
	JsonNode *result;
	CBLUE_SQLITE_ADMIN_LOCKED(store, error, NULL, cblue_sqlite_admin_audit_list_locked(db, offset, limit, error));
	return result;
}

void
cblue_store_sqlite_admin_iface_init(CblueStoreInterface *iface)
{
	iface->kb_list_working = cblue_sqlite_admin_kb_list_working;
	iface->kb_get_working = cblue_sqlite_admin_kb_get_working;
	iface->kb_save_drafts = cblue_sqlite_admin_kb_save_drafts;
	iface->kb_publish = cblue_sqlite_admin_kb_publish;
	iface->kb_list_versions = cblue_sqlite_admin_kb_list_versions;
	iface->kb_get_version = cblue_sqlite_admin_kb_get_version;
	iface->user_add = cblue_sqlite_admin_user_add;
	iface->user_update = cblue_sqlite_admin_user_update;
	iface->user_delete = cblue_sqlite_admin_user_delete;
	iface->user_get = cblue_sqlite_admin_user_get;
	iface->user_list = cblue_sqlite_admin_user_list;
	iface->session_create = cblue_sqlite_admin_session_create;
	iface->session_get = cblue_sqlite_admin_session_get;
	iface->session_delete = cblue_sqlite_admin_session_delete;
	iface->token_create = cblue_sqlite_admin_token_create;
	iface->token_list = cblue_sqlite_admin_token_list;
	iface->token_delete = cblue_sqlite_admin_token_delete;
	iface->token_get = cblue_sqlite_admin_token_get;
	iface->audit_append = cblue_sqlite_admin_audit_append;
	iface->audit_list = cblue_sqlite_admin_audit_list;
}
