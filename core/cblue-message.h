/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <glib-object.h>

#include "cblue-version-macros.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_MESSAGE (cblue_message_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE(CblueMessage, cblue_message, CBLUE, MESSAGE, GObject)

CBLUE_AVAILABLE_IN_1_0
gchar *cblue_message_new_id(void);
CBLUE_AVAILABLE_IN_1_0
CblueMessage *cblue_message_new(const gchar *text) G_GNUC_WARN_UNUSED_RESULT;
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_message_get_text(CblueMessage *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_message_set_text(CblueMessage *self, const gchar *text);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_message_get_language(CblueMessage *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_message_set_language(CblueMessage *self, const gchar *language);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_message_get_conversation_id(CblueMessage *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_message_set_conversation_id(CblueMessage *self, const gchar *conversation_id);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_message_get_message_id(CblueMessage *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_message_set_message_id(CblueMessage *self, const gchar *message_id);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_message_get_client_address(CblueMessage *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_message_set_client_address(CblueMessage *self, const gchar *address);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_message_get_channel(CblueMessage *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_message_set_channel(CblueMessage *self, const gchar *channel);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_message_get_previous_topic_id(CblueMessage *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_message_set_previous_topic_id(CblueMessage *self, const gchar *topic_id);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_message_get_context(CblueMessage *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_message_set_context(CblueMessage *self, const gchar *context);
CBLUE_AVAILABLE_IN_1_0
gint64 cblue_message_get_received_usec(CblueMessage *self);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_message_wants_tokens(CblueMessage *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_message_emit_token(CblueMessage *self, const gchar *text);

G_END_DECLS
