/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <gio/gio.h>

#include "cblue-chat-reply.h"
#include "cblue-context.h"
#include "cblue-kb.h"
#include "cblue-message.h"
#include "cblue-version-macros.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_BOT (cblue_bot_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE(CblueBot, cblue_bot, CBLUE, BOT, GObject)

CBLUE_AVAILABLE_IN_1_0
CblueBot *cblue_bot_new(CblueContext *context) G_GNUC_WARN_UNUSED_RESULT;
CBLUE_AVAILABLE_IN_1_0
CblueContext *cblue_bot_get_context(CblueBot *self);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_bot_load_kb(CblueBot *self, gboolean seed_if_empty, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_bot_set_kb(CblueBot *self, CblueKb *kb, GError **error);
CBLUE_AVAILABLE_IN_1_0
CblueKb *cblue_bot_get_kb(CblueBot *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_bot_set_record(CblueBot *self, gboolean record);
CBLUE_AVAILABLE_IN_1_0
gdouble cblue_bot_get_answer_threshold(CblueBot *self);
CBLUE_AVAILABLE_IN_1_0
gdouble cblue_bot_get_decision_threshold(CblueBot *self);
CBLUE_AVAILABLE_IN_1_0
gdouble cblue_bot_get_clarify_margin(CblueBot *self);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_bot_load_replies(CblueBot *self, const gchar *filename, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_bot_load_declined(CblueBot *self, const gchar *dir, GError **error);
CBLUE_AVAILABLE_IN_1_0
void cblue_bot_ask_async(CblueBot *self, CblueMessage *message, GCancellable *cancellable,
			 GAsyncReadyCallback callback, gpointer user_data);
CBLUE_AVAILABLE_IN_1_0
CblueChatReply *cblue_bot_ask_finish(CblueBot *self, GAsyncResult *result, GError **error);
CBLUE_AVAILABLE_IN_1_0
CblueChatReply *cblue_bot_ask_sync(CblueBot *self, CblueMessage *message, GCancellable *cancellable,
				   GError **error);
CBLUE_AVAILABLE_IN_1_0
CblueChatReply *cblue_bot_ask(CblueBot *self, const gchar *text, const gchar *language, GError **error);

G_END_DECLS
