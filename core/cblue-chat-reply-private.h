/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue-chat-reply.h"

G_BEGIN_DECLS

/* How long each stage of the pipeline took for this reply, for the server's
 * pipeline_stage_duration_seconds{stage}. Stage names are static or interned strings (kept,
 * not copied) from a small, fixed set: "language", "redact", "retrieve:<plugin>", "decide",
 * "answer", "record". */
void cblue_chat_reply_add_stage_usec(CblueChatReply *self, const gchar *stage, gint64 usec);
guint cblue_chat_reply_get_n_stages(CblueChatReply *self);
const gchar *cblue_chat_reply_get_stage(CblueChatReply *self, guint index, gint64 *usec);

/* cblue_chat_reply_add_source() without a CblueHit: one is made only if the sources are
 * asked for (cblue_chat_reply_get_sources()) */
void cblue_chat_reply_add_source_values(CblueChatReply *self, const gchar *topic_id, gdouble score,
					gdouble confidence);

/* @topic_id among the sources, in place of the last source when there are @max already: a
 * reply's second topic (cblue_chat_reply_get_second_topic_id()) is one of at most @max sources */
void cblue_chat_reply_put_source_values(CblueChatReply *self, const gchar *topic_id, gdouble score,
					gdouble confidence, guint max);

G_END_DECLS
