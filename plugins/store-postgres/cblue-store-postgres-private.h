/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue-pg-pool.h"

G_BEGIN_DECLS

/* what the parts of store-postgres share: the pool of the store, for the console's and
 * the embedding cache's and the analytics' calls (cblue-pg-admin.c,
 * cblue-pg-embeddings.c, cblue-pg-analytics.c) */
CbluePgPool *cblue_store_postgres_get_pool(CblueStore *store);

/* the KB's writers (imports, publishes, the console's drafts): a transaction that holds
 * the KB lock, so that two writers never pick the same version number */
gboolean cblue_store_postgres_kb_begin(PGconn *conn, GError **error);
/* in the KB transaction: the number of the version being written, as text */
gchar *cblue_store_postgres_kb_next_version(PGconn *conn, GError **error);
/* in the KB transaction: deletes the entries whose topic is not in @topic_ids (taken, from
 * cblue_pg_array_new()); @removed (nullable) is how many */
gboolean cblue_store_postgres_kb_keep_only(PGconn *conn, GString *topic_ids, gint *removed, GError **error);

void cblue_store_postgres_admin_iface_init(CblueStoreInterface *iface);
void cblue_store_postgres_embeddings_iface_init(CblueStoreInterface *iface);
void cblue_store_postgres_analytics_iface_init(CblueStoreInterface *iface);

G_END_DECLS
