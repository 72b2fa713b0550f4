/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <libpq-fe.h>

#include "cblue.h"
#include "cblue-store-common.h"

G_BEGIN_DECLS

/* libpq helpers of store-postgres: connections, parameterized statements, errors in the
 * Cblue domain, array parameters and the migrations; no GObject, no state of their own */

G_DEFINE_AUTOPTR_CLEANUP_FUNC(PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(PGresult, PQclear)

gboolean cblue_pg_url_is_postgres(const gchar *url);
gboolean cblue_pg_url_validate(const gchar *url, GError **error);
PGconn *cblue_pg_connect(const gchar *url, guint connect_timeout_s, GError **error);

PGresult *cblue_pg_exec(PGconn *conn, const gchar *sql, gint n_params, const gchar *const *values,
			const gchar *what, GError **error);
gboolean cblue_pg_run(PGconn *conn, const gchar *sql, const gchar *what, GError **error);
gboolean cblue_pg_begin(PGconn *conn, GError **error);
gboolean cblue_pg_commit(PGconn *conn, GError **error);
void cblue_pg_rollback(PGconn *conn);

void cblue_pg_set_error(GError **error, PGconn *conn, const PGresult *res, const gchar *what);
gboolean cblue_pg_error_is_transient(const GError *error);
JsonNode *cblue_pg_result_json(PGresult *res, GError **error);

/* a PostgreSQL array literal in text format, e.g. `{"a",NULL,"b\"c"}`, passed as one
 * parameter: the statements stay constant whatever the number of rows */
GString *cblue_pg_array_new(void);
void cblue_pg_array_add(GString *array, const gchar *value);
gchar *cblue_pg_array_free(GString *array);

gboolean cblue_pg_migrate(PGconn *conn, guint *applied, GError **error);

G_END_DECLS
