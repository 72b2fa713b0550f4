/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <time.h>

#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cblue-store-sqlite-db.h"

/*
 * The SQLite plumbing of store-sqlite, shared by the chat path (cblue-store-sqlite-plugin.c),
 * the admin console, the analytics and the embedding cache, so that every part maps errors
 * the same way and every statement goes through the same cache and the same reset.
 */

static void
cblue_sqlite_stmt_finalize(gpointer data)
{
	sqlite3_finalize(data);
}

void
cblue_sqlite_db_free(CblueSqliteDb *self)
{
	gint rc;

	/* finalizes every cached statement, which sqlite3_close() requires */
	g_hash_table_unref(self->stmts);
	rc = sqlite3_close(self->db);
	if (rc != SQLITE_OK)
		g_warning("closing the database failed: %s", sqlite3_errstr(rc));
	g_free(self);
}

/*
 * The statements are cached and reused, so they are never freed by their users; but a
 * statement left stepped keeps a read transaction (and so an old WAL snapshot) open: rows
 * other processes commit would never be seen on that connection. Its bindings would also
 * keep copies of the last texts. Leaving the scope resets it instead.
 */
void
cblue_sqlite_stmt_release(CblueSqliteStmt *stmt)
{
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
}

/*
 * Maps a SQLite result code onto the Cblue domain. The store contract asks for BUSY,
 * INVALID_DATA and INTERNAL; a full disk is "a resource is exhausted, try again later",
 * which is what BUSY means, and the writer retries BUSY; a file that cannot be opened or
 * written for lack of rights is reported as such rather than as a bug.
 */
gint
cblue_sqlite_error_code(gint rc)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
	case SQLITE_FULL:
		return CBLUE_ERROR_BUSY;
	case SQLITE_CONSTRAINT:
	case SQLITE_MISMATCH:
		return CBLUE_ERROR_INVALID_DATA;
	case SQLITE_TOOBIG:
		return CBLUE_ERROR_TOO_LARGE;
	case SQLITE_CANTOPEN:
		return CBLUE_ERROR_NOT_REACHABLE;
	case SQLITE_PERM:
	case SQLITE_READONLY:
	case SQLITE_AUTH:
		return CBLUE_ERROR_PERMISSION_DENIED;
	default:
		return CBLUE_ERROR_INTERNAL;
	}
}

/* sets @error from the last failure on the connection; returns %FALSE for `return` */
gboolean
cblue_sqlite_db_fail(CblueSqliteDb *self, gint rc, const gchar *what, GError **error)
{
	const gchar *msg = self->db != NULL ? sqlite3_errmsg(self->db) : sqlite3_errstr(rc);
	g_set_error(error, CBLUE_ERROR, cblue_sqlite_error_code(rc), "%s: %s", what, msg);
	return FALSE;
}

/* after a `while (sqlite3_step() == SQLITE_ROW)` loop: did it end well? */
gboolean
cblue_sqlite_db_check_done(CblueSqliteDb *self, gint rc, const gchar *what, GError **error)
{
	if (rc != SQLITE_DONE)
		return cblue_sqlite_db_fail(self, rc, what, error);
	return TRUE;
}

/* @sql must be a constant (a string literal): its address is the cache key, kept as long
 * as the connection (hashing the text of every statement, a few hundred bytes, on every
 * use cost the store's writer more than some of its statements) */
CblueSqliteStmt *
cblue_sqlite_db_prepare(CblueSqliteDb *self, const gchar *sql, GError **error)
{
	sqlite3_stmt *stmt = g_hash_table_lookup(self->stmts, sql);
	gint rc;

	if (stmt != NULL)
		return stmt;
	rc = sqlite3_prepare_v3(self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
	if (rc != SQLITE_OK) {
		cblue_sqlite_db_fail(self, rc, "cannot prepare a statement", error);
		return NULL;
	}
	g_hash_table_insert(self->stmts, (gpointer)sql, stmt);
	return stmt;
}

static gboolean
cblue_sqlite_bind_check(CblueSqliteDb *self, gint rc, GError **error)
{
	if (rc != SQLITE_OK)
		return cblue_sqlite_db_fail(self, rc, "cannot bind a value", error);
	return TRUE;
}

/* a NULL value binds SQL NULL */
gboolean
cblue_sqlite_bind_text(CblueSqliteDb *self, CblueSqliteStmt *stmt, gint idx, const gchar *value, GError **error)
{
	return cblue_sqlite_bind_check(self, sqlite3_bind_text(stmt, idx, value, -1, SQLITE_TRANSIENT), error);
}

gboolean
cblue_sqlite_bind_int64(CblueSqliteDb *self, CblueSqliteStmt *stmt, gint idx, gint64 value, GError **error)
{
	return cblue_sqlite_bind_check(self, sqlite3_bind_int64(stmt, idx, value), error);
}

gboolean
cblue_sqlite_bind_double(CblueSqliteDb *self, CblueSqliteStmt *stmt, gint idx, gdouble value, GError **error)
{
	return cblue_sqlite_bind_check(self, sqlite3_bind_double(stmt, idx, value), error);
}

/* a NULL value binds SQL NULL */
gboolean
cblue_sqlite_bind_bytes(CblueSqliteDb *self, CblueSqliteStmt *stmt, gint idx, GBytes *value, GError **error)
{
	gsize size = 0;
	gconstpointer data = value != NULL ? g_bytes_get_data(value, &size) : NULL;

	if (value == NULL)
		return cblue_sqlite_bind_check(self, sqlite3_bind_null(stmt, idx), error);
	return cblue_sqlite_bind_check(self, sqlite3_bind_blob64(stmt, idx, data, size, SQLITE_TRANSIENT), error);
}

/* see cblue_sqlite_db_bind_valist(); @text_lifetime is SQLITE_STATIC when the texts
 * outlive the statement's use and its release, SQLITE_TRANSIENT (a copy) otherwise */
static gboolean
cblue_sqlite_db_bind_args(CblueSqliteDb *self, CblueSqliteStmt *stmt, GError **error, const gchar *types,
			  va_list args, sqlite3_destructor_type text_lifetime)
{
	for (gint i = 0; types[i] != '\0'; i++) {
		gboolean ok;

		switch (types[i]) {
		case 't':
			ok = cblue_sqlite_bind_check(
			    self, sqlite3_bind_text(stmt, i + 1, va_arg(args, const gchar *), -1, text_lifetime), error);
			break;
		case 'i':
			ok = cblue_sqlite_bind_int64(self, stmt, i + 1, va_arg(args, gint64), error);
			break;
		case 'd':
			ok = cblue_sqlite_bind_double(self, stmt, i + 1, va_arg(args, gdouble), error);
			break;
		case 'b':
			ok = cblue_sqlite_bind_bytes(self, stmt, i + 1, va_arg(args, GBytes *), error);
			break;
		default:
			g_assert_not_reached();
		}
		if (!ok)
			return FALSE;
	}
	return TRUE;
}

/*
 * Binds parameters 1…n from @args, one per character of @types: `t` a text
 * (`const gchar *`, NULL for SQL NULL), `i` a #gint64, `d` a #gdouble, `b` a #GBytes
 * (NULL for SQL NULL). The values must have exactly these types (a plain int passed for
 * `i` is undefined behaviour in a variadic call).
 */
gboolean
cblue_sqlite_db_bind_valist(CblueSqliteDb *self, CblueSqliteStmt *stmt, GError **error, const gchar *types,
			    va_list args)
{
	return cblue_sqlite_db_bind_args(self, stmt, error, types, args, SQLITE_TRANSIENT);
}

gboolean
cblue_sqlite_db_bind(CblueSqliteDb *self, CblueSqliteStmt *stmt, GError **error, const gchar *types, ...)
{
	va_list args;
	gboolean ok;

	va_start(args, types);
	ok = cblue_sqlite_db_bind_valist(self, stmt, error, types, args);
	va_end(args);
	return ok;
}

/* steps a statement that returns no rows */
gboolean
cblue_sqlite_db_step_done(CblueSqliteDb *self, CblueSqliteStmt *stmt, const gchar *what, GError **error)
{
	return cblue_sqlite_db_check_done(self, sqlite3_step(stmt), what, error);
}

/* steps a statement that returns one row, e.g. `SELECT count(*)`; no row is an error */
gboolean
cblue_sqlite_db_step_row(CblueSqliteDb *self, CblueSqliteStmt *stmt, const gchar *what, GError **error)
{
	gint rc = sqlite3_step(stmt);

	if (rc == SQLITE_ROW)
		return TRUE;
	if (rc == SQLITE_DONE) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, "%s: no result", what);
		return FALSE;
	}
	return cblue_sqlite_db_fail(self, rc, what, error);
}

/* steps to the next row: %TRUE with a row, %FALSE at the end (@error unset) or on error */
gboolean
cblue_sqlite_db_step_next(CblueSqliteDb *self, CblueSqliteStmt *stmt, const gchar *what, GError **error)
{
	gint rc = sqlite3_step(stmt);

	if (rc == SQLITE_ROW)
		return TRUE;
	if (rc != SQLITE_DONE)
		cblue_sqlite_db_fail(self, rc, what, error);
	return FALSE;
}

/* steps a statement that returns at most one row: *@found tells whether it did; %FALSE
 * only on error */
gboolean
cblue_sqlite_db_step_maybe(CblueSqliteDb *self, CblueSqliteStmt *stmt, const gchar *what, gboolean *found,
			   GError **error)
{
	gint rc = sqlite3_step(stmt);

	*found = rc == SQLITE_ROW;
	return rc == SQLITE_ROW || cblue_sqlite_db_check_done(self, rc, what, error);
}

/* prepares, binds (see cblue_sqlite_db_bind_valist()) and runs a statement that returns
 * no rows */
gboolean
cblue_sqlite_db_exec(CblueSqliteDb *self, const gchar *sql, const gchar *what, GError **error, const gchar *types,
		     ...)
{
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_db_prepare(self, sql, error);
	va_list args;
	gboolean ok;

	if (stmt == NULL)
		return FALSE;
	/* the texts are not copied: the caller's strings outlive this call, and the statement
	 * is stepped and its bindings cleared (cblue_sqlite_stmt_release()) before it returns */
	va_start(args, types);
	ok = cblue_sqlite_db_bind_args(self, stmt, error, types, args, SQLITE_STATIC);
	va_end(args);
	return ok && cblue_sqlite_db_step_done(self, stmt, what, error);
}

/* runs a constant statement without parameters */
gboolean
cblue_sqlite_db_run(CblueSqliteDb *self, const gchar *sql, const gchar *what, GError **error)
{
	return cblue_sqlite_db_exec(self, sql, what, error, "");
}

/* BEGIN IMMEDIATE takes the write lock at once, so a transaction never fails half-way
 * because another writer got there first (the deferred BEGIN would, with SQLITE_BUSY
 * that the busy handler cannot resolve) */
gboolean
cblue_sqlite_db_begin(CblueSqliteDb *self, GError **error)
{
	return cblue_sqlite_db_run(self, "BEGIN IMMEDIATE", "cannot start a transaction", error);
}

gboolean
cblue_sqlite_db_commit(CblueSqliteDb *self, GError **error)
{
	return cblue_sqlite_db_run(self, "COMMIT", "cannot commit", error);
}

/* rolls back the open transaction, if any; the error that led here is the one reported */
void
cblue_sqlite_db_rollback(CblueSqliteDb *self)
{
	g_autoptr(GError) error = NULL;

	/* SQLite may already have rolled back by itself (e.g. after SQLITE_FULL) */
	if (sqlite3_get_autocommit(self->db))
		return;
	if (!cblue_sqlite_db_run(self, "ROLLBACK", "cannot roll back", &error))
		g_warning("%s", error->message);
}

/* ends the transaction: commits if @ok, else (or if the commit fails) rolls back; so that
 * no path leaves a transaction, and its snapshot, open */
gboolean
cblue_sqlite_db_end(CblueSqliteDb *self, gboolean ok, GError **error)
{
	if (ok && cblue_sqlite_db_commit(self, error))
		return TRUE;
	cblue_sqlite_db_rollback(self);
	return FALSE;
}

const gchar *
cblue_sqlite_column_text(CblueSqliteStmt *stmt, gint column)
{
	return (const gchar *)sqlite3_column_text(stmt, column);
}

gint64
cblue_sqlite_column_int64(CblueSqliteStmt *stmt, gint column)
{
	return sqlite3_column_int64(stmt, column);
}

/*
 * Creates the file with mode 0600 first: SQLite would use 0644 and gives the -wal and -shm
 * files the mode of the database; conversations are personal data even redacted.
 *
 * An existing file is never opened here: SQLite's locks are POSIX advisory locks, which
 * the process loses on *every* descriptor of the file when any one of them is closed. A
 * close here, once another connection of this process had the file open (the writer's,
 * when the read connection is opened), would drop that connection's SHARED lock without
 * SQLite knowing; another process closing its connection would then find the database
 * unused, checkpoint and delete the WAL and its index, and from then on write to new ones
 * this process never reads (its own writes going to the deleted ones).
 */
static gboolean
cblue_sqlite_create_file(const gchar *path, GError **error)
{
	g_autofree gchar *dir = g_path_get_dirname(path);
	gint fd;
	gint errsv;

	if (g_mkdir_with_parents(dir, 0700) != 0) {
		errsv = errno;
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_PERMISSION_DENIED, _("Cannot create %s: %s"), dir,
			    g_strerror(errsv));
		return FALSE;
	}
	/* O_EXCL: a descriptor is only ever opened (and closed) on a file just created, which
	 * no connection can have open yet */
	fd = g_open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0) {
		/* nothing was written through @fd, so a failing close loses nothing */
		g_close(fd, NULL);
		return TRUE;
	}
	errsv = errno;
	/* an existing file: checked without opening it */
	if (errsv == EEXIST) {
		if (g_access(path, R_OK | W_OK) == 0)
			return TRUE;
		errsv = errno;
	}
	g_set_error(error, CBLUE_ERROR,
		    errsv == EACCES || errsv == EPERM || errsv == EROFS ? CBLUE_ERROR_PERMISSION_DENIED
									 : CBLUE_ERROR_NOT_REACHABLE,
		    _("Cannot open %s: %s"), path, g_strerror(errsv));
	return FALSE;
}

/* Debian builds SQLite without lookaside and with memory statistics on, so that every one
 * of its allocations (about thirty per exchange the writer records) also takes a global
 * mutex to count it: a tenth of the writer's instructions. Nothing in Cblue reads those
 * statistics (sqlite3_memory_used(), a soft heap limit), so they are turned off, once,
 * before SQLite initializes; if something else in the process initialized it first, the
 * setting is refused and SQLite keeps counting (slower, not wrong). */
static void
cblue_sqlite_configure_once(void)
{
	static gsize configured = 0;

	if (!g_once_init_enter(&configured))
		return;
	if (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK)
		g_debug("SQLite was initialized before the store: its memory statistics stay on");
	g_once_init_leave(&configured, 1);
}

CblueSqliteDb *
cblue_sqlite_db_open(const gchar *path, gint busy_timeout_ms, GError **error)
{
	g_autoptr(CblueSqliteDb) self = g_new0(CblueSqliteDb, 1);
	g_autoptr(CblueSqliteStmt) stmt = NULL;
	g_autofree gchar *mode = NULL;
	/* NOMUTEX: each connection is used by one thread at a time (the read connection
	 * under the store's mutex, the writer connection by the writer thread only) */
	gint flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
	gint rc;

	cblue_sqlite_configure_once();
	self->stmts = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, cblue_sqlite_stmt_finalize);
	if (!cblue_sqlite_create_file(path, error))
		return NULL;
	rc = sqlite3_open_v2(path, &self->db, flags, NULL);
	if (rc != SQLITE_OK) {
		g_autofree gchar *what = g_strdup_printf("cannot open %s", path);
		cblue_sqlite_db_fail(self, rc, what, error);
		return NULL;
	}
	sqlite3_busy_timeout(self->db, busy_timeout_ms);

	/* WAL: readers do not block the writer nor the writer the readers; NORMAL is
	 * durable in WAL mode except for the last transactions on a power loss */
	stmt = cblue_sqlite_db_prepare(self, "PRAGMA journal_mode = WAL", error);
	if (stmt == NULL || !cblue_sqlite_db_step_row(self, stmt, "cannot set the journal mode", error))
		return NULL;
	mode = g_strdup(cblue_sqlite_column_text(stmt, 0));
	g_clear_pointer(&stmt, cblue_sqlite_stmt_release);
	if (g_ascii_strcasecmp(mode != NULL ? mode : "", "wal") != 0)
		g_warning("%s: no WAL mode (journal mode %s); readers will wait for the writer", path,
			  mode != NULL ? mode : "unknown");
	if (!cblue_sqlite_db_run(self, "PRAGMA synchronous = NORMAL", "cannot set synchronous mode", error) ||
	    !cblue_sqlite_db_run(self, "PRAGMA foreign_keys = ON", "cannot enable foreign keys", error))
		return NULL;
	return g_steal_pointer(&self);
}

/* one row as an object, a member per column, named by @names (NULL-terminated); a
 * name starting with '?' makes an integer column a boolean */
JsonObject *
cblue_sqlite_row_object(CblueSqliteStmt *stmt, const gchar *const *names)
{
	JsonObject *obj = json_object_new();

	for (gint i = 0; names[i] != NULL; i++) {
		const gchar *name = names[i];
		gboolean boolean = name[0] == '?';

		if (boolean)
			name++;
		switch (sqlite3_column_type(stmt, i)) {
		case SQLITE_NULL:
			json_object_set_null_member(obj, name);
			break;
		case SQLITE_INTEGER:
			if (boolean)
				json_object_set_boolean_member(obj, name, sqlite3_column_int64(stmt, i) != 0);
			else
				json_object_set_int_member(obj, name, sqlite3_column_int64(stmt, i));
			break;
		default:
			json_object_set_string_member(obj, name, cblue_sqlite_column_text(stmt, i));
			break;
		}
	}
	return obj;
}

JsonNode *
cblue_sqlite_node_object(JsonObject *obj)
{
	JsonNode *node = json_node_new(JSON_NODE_OBJECT);
	json_node_take_object(node, obj);
	return node;
}

JsonNode *
cblue_sqlite_node_array(JsonArray *array)
{
	JsonNode *node = json_node_new(JSON_NODE_ARRAY);
	json_node_take_array(node, array);
	return node;
}

/* every (remaining) row of a statement as an array of objects, see cblue_sqlite_row_object() */
JsonNode *
cblue_sqlite_db_rows(CblueSqliteDb *self, CblueSqliteStmt *stmt, const gchar *const *names, GError **error)
{
	g_autoptr(JsonArray) array = json_array_new();
	g_autoptr(GError) error_local = NULL;

	while (cblue_sqlite_db_step_next(self, stmt, "cannot read rows", &error_local))
		json_array_add_object_element(array, cblue_sqlite_row_object(stmt, names));
	if (error_local != NULL) {
		g_propagate_error(error, g_steal_pointer(&error_local));
		return NULL;
	}
	return cblue_sqlite_node_array(g_steal_pointer(&array));
}
