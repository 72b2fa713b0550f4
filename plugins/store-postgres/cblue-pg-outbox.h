/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* the outbox of store-postgres: a file in the data directory where records that could not
 * be written to PostgreSQL wait, one line each, in order, until they can be replayed */
typedef struct _CbluePgOutbox CbluePgOutbox;

CbluePgOutbox *cblue_pg_outbox_open(const gchar *dir, GError **error);
void cblue_pg_outbox_free(CbluePgOutbox *self);
const gchar *cblue_pg_outbox_get_path(CbluePgOutbox *self);
guint64 cblue_pg_outbox_get_length(CbluePgOutbox *self);
gboolean cblue_pg_outbox_append(CbluePgOutbox *self, GPtrArray *lines, GError **error);
GPtrArray *cblue_pg_outbox_read(CbluePgOutbox *self, GError **error);
gboolean cblue_pg_outbox_clear(CbluePgOutbox *self, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CbluePgOutbox, cblue_pg_outbox_free)

G_END_DECLS
