/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"

G_BEGIN_DECLS

/* the writer of store-postgres: a thread of its own with its own connection, which takes
 * conversation records from a queue, writes them in batches, keeps them in the outbox
 * while PostgreSQL cannot be reached, and reconnects and replays by itself */
typedef struct _CbluePgWriter CbluePgWriter;

CbluePgWriter *cblue_pg_writer_new(const gchar *url, const gchar *outbox_dir, guint connect_timeout_s,
				   guint flush_timeout_s, guint connections);
void cblue_pg_writer_free(CbluePgWriter *self);
gboolean cblue_pg_writer_start(CbluePgWriter *self, GTask *open_task, GError **error);
void cblue_pg_writer_record(CbluePgWriter *self, CblueMessage *message, CblueChatReply *reply);
gboolean cblue_pg_writer_flush(CbluePgWriter *self, GError **error);
gboolean cblue_pg_writer_stop(CbluePgWriter *self, GTask *task);
void cblue_pg_writer_join(CbluePgWriter *self);
gboolean cblue_pg_writer_check(CbluePgWriter *self, GError **error);
guint cblue_pg_writer_get_migrations_applied(CbluePgWriter *self);

G_END_DECLS
