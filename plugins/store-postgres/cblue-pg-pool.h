/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue-pg.h"

G_BEGIN_DECLS

/* the connections of store-postgres for synchronous calls (KB, counts, conversations,
 * feedback, the console), shared by the threads that make them */
typedef struct _CbluePgPool CbluePgPool;

/* one operation on a connection; it may run twice, see cblue_pg_pool_run() */
typedef gboolean (*CbluePgPoolFunc)(PGconn *conn, gpointer user_data, GError **error);

CbluePgPool *cblue_pg_pool_new(const gchar *url, guint size, guint connect_timeout_s);
void cblue_pg_pool_free(CbluePgPool *self);
gboolean cblue_pg_pool_run(CbluePgPool *self, CbluePgPoolFunc func, gpointer user_data, GError **error);
PGresult *cblue_pg_query(CbluePgPool *self, const gchar *sql, gint n_values, const gchar *const *values,
			 GError **error);
JsonNode *cblue_pg_query_json(CbluePgPool *self, const gchar *sql, gint n_values, const gchar *const *values,
			      GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CbluePgPool, cblue_pg_pool_free)

G_END_DECLS
