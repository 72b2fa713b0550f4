/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <sqlite3.h>

#include "cblue.h"
#include "cblue-store-common.h"

G_BEGIN_DECLS

/*
 * The SQLite helpers every part of store-sqlite shares (private to the plugin): a
 * connection with its cache of prepared statements, the mapping of SQLite result codes
 * onto CBLUE_ERROR, binding, stepping, transactions and rows as JSON.
 */

/* a connection and its prepared statements */
typedef struct {
	sqlite3 *db;	   /* owned */
	GHashTable *stmts; /* owned: SQL text (static, by address) → sqlite3_stmt (owned) */
} CblueSqliteDb;

/* a statement borrowed from the cache of a CblueSqliteDb; see cblue_sqlite_stmt_release() */
typedef sqlite3_stmt CblueSqliteStmt;

CblueSqliteDb *cblue_sqlite_db_open(const gchar *path, gint busy_timeout_ms, GError **error);
void cblue_sqlite_db_free(CblueSqliteDb *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueSqliteDb, cblue_sqlite_db_free)

void cblue_sqlite_stmt_release(CblueSqliteStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueSqliteStmt, cblue_sqlite_stmt_release)

gint cblue_sqlite_error_code(gint rc);
gboolean cblue_sqlite_db_fail(CblueSqliteDb *self, gint rc, const gchar *what, GError **error);
gboolean cblue_sqlite_db_check_done(CblueSqliteDb *self, gint rc, const gchar *what, GError **error);

CblueSqliteStmt *cblue_sqlite_db_prepare(CblueSqliteDb *self, const gchar *sql, GError **error);

gboolean cblue_sqlite_bind_text(CblueSqliteDb *self, CblueSqliteStmt *stmt, gint idx, const gchar *value,
				GError **error);
gboolean cblue_sqlite_bind_int64(CblueSqliteDb *self, CblueSqliteStmt *stmt, gint idx, gint64 value,
				 GError **error);
gboolean cblue_sqlite_bind_double(CblueSqliteDb *self, CblueSqliteStmt *stmt, gint idx, gdouble value,
				  GError **error);
gboolean cblue_sqlite_bind_bytes(CblueSqliteDb *self, CblueSqliteStmt *stmt, gint idx, GBytes *value,
				 GError **error);
gboolean cblue_sqlite_db_bind_valist(CblueSqliteDb *self, CblueSqliteStmt *stmt, GError **error,
				     const gchar *types, va_list args);
gboolean cblue_sqlite_db_bind(CblueSqliteDb *self, CblueSqliteStmt *stmt, GError **error, const gchar *types,
			      ...);

gboolean cblue_sqlite_db_step_done(CblueSqliteDb *self, CblueSqliteStmt *stmt, const gchar *what,
				   GError **error);
gboolean cblue_sqlite_db_step_row(CblueSqliteDb *self, CblueSqliteStmt *stmt, const gchar *what,
				  GError **error);
gboolean cblue_sqlite_db_step_maybe(CblueSqliteDb *self, CblueSqliteStmt *stmt, const gchar *what,
				    gboolean *found, GError **error);
gboolean cblue_sqlite_db_step_next(CblueSqliteDb *self, CblueSqliteStmt *stmt, const gchar *what,
				   GError **error);
gboolean cblue_sqlite_db_exec(CblueSqliteDb *self, const gchar *sql, const gchar *what, GError **error,
			      const gchar *types, ...);
gboolean cblue_sqlite_db_run(CblueSqliteDb *self, const gchar *sql, const gchar *what, GError **error);

gboolean cblue_sqlite_db_begin(CblueSqliteDb *self, GError **error);
gboolean cblue_sqlite_db_commit(CblueSqliteDb *self, GError **error);
void cblue_sqlite_db_rollback(CblueSqliteDb *self);
gboolean cblue_sqlite_db_end(CblueSqliteDb *self, gboolean ok, GError **error);

const gchar *cblue_sqlite_column_text(CblueSqliteStmt *stmt, gint column);
gint64 cblue_sqlite_column_int64(CblueSqliteStmt *stmt, gint column);

JsonObject *cblue_sqlite_row_object(CblueSqliteStmt *stmt, const gchar *const *names);
JsonNode *cblue_sqlite_db_rows(CblueSqliteDb *self, CblueSqliteStmt *stmt, const gchar *const *names,
			       GError **error);
JsonNode *cblue_sqlite_node_object(JsonObject *obj);
JsonNode *cblue_sqlite_node_array(JsonArray *array);

G_END_DECLS
