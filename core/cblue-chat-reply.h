/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "cblue-hit.h"
#include "cblue-version-macros.h"

G_BEGIN_DECLS

/**
 * CblueOutcome:
 * @CBLUE_OUTCOME_ANSWERED: the bot answered from a KB topic
 * @CBLUE_OUTCOME_CLARIFY: two topics were too close; the bot asked which one
 * @CBLUE_OUTCOME_UNANSWERED: out of scope or not understood; the bot said it does not know
 *
 * What the bot did with a message.
 *
 * Since: 1.0
 */
typedef enum {
	CBLUE_OUTCOME_ANSWERED,
	CBLUE_OUTCOME_CLARIFY,
	CBLUE_OUTCOME_UNANSWERED,
} CblueOutcome;

CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_outcome_to_string(CblueOutcome outcome);

#define CBLUE_TYPE_CHAT_REPLY (cblue_chat_reply_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE(CblueChatReply, cblue_chat_reply, CBLUE, CHAT_REPLY, GObject)

CBLUE_AVAILABLE_IN_1_0
CblueChatReply *cblue_chat_reply_new(void) G_GNUC_WARN_UNUSED_RESULT;
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_chat_reply_get_conversation_id(CblueChatReply *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_chat_reply_set_conversation_id(CblueChatReply *self, const gchar *conversation_id);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_chat_reply_get_message_id(CblueChatReply *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_chat_reply_set_message_id(CblueChatReply *self, const gchar *message_id);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_chat_reply_get_text(CblueChatReply *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_chat_reply_set_text(CblueChatReply *self, const gchar *text);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_chat_reply_get_language(CblueChatReply *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_chat_reply_set_language(CblueChatReply *self, const gchar *language);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_chat_reply_get_topic_id(CblueChatReply *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_chat_reply_set_topic_id(CblueChatReply *self, const gchar *topic_id);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_chat_reply_get_second_topic_id(CblueChatReply *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_chat_reply_set_second_topic_id(CblueChatReply *self, const gchar *second_topic_id);
CBLUE_AVAILABLE_IN_1_0
GPtrArray *cblue_chat_reply_get_sources(CblueChatReply *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_chat_reply_add_source(CblueChatReply *self, CblueHit *hit);
CBLUE_AVAILABLE_IN_1_0
CblueOutcome cblue_chat_reply_get_outcome(CblueChatReply *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_chat_reply_set_outcome(CblueChatReply *self, CblueOutcome outcome);
CBLUE_AVAILABLE_IN_1_0
gdouble cblue_chat_reply_get_confidence(CblueChatReply *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_chat_reply_set_confidence(CblueChatReply *self, gdouble confidence);
CBLUE_AVAILABLE_IN_1_0
const gdouble *cblue_chat_reply_get_decision_features(CblueChatReply *self, gsize *n_features);
CBLUE_AVAILABLE_IN_1_0
void cblue_chat_reply_set_decision_features(CblueChatReply *self, const gdouble *features, gsize n_features);
CBLUE_AVAILABLE_IN_1_0
gdouble cblue_chat_reply_get_decision_probability(CblueChatReply *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_chat_reply_set_decision_probability(CblueChatReply *self, gdouble probability);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_chat_reply_get_pii_redacted(CblueChatReply *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_chat_reply_set_pii_redacted(CblueChatReply *self, gboolean pii_redacted);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_chat_reply_get_small_talk(CblueChatReply *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_chat_reply_set_small_talk(CblueChatReply *self, gboolean small_talk);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_chat_reply_get_declined(CblueChatReply *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_chat_reply_set_declined(CblueChatReply *self, const gchar *service);
CBLUE_AVAILABLE_IN_1_0
const gchar *const *cblue_chat_reply_get_product_choices(CblueChatReply *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_chat_reply_set_product_choices(CblueChatReply *self, const gchar *const *topic_ids);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_chat_reply_get_context(CblueChatReply *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_chat_reply_set_context(CblueChatReply *self, const gchar *context);
CBLUE_AVAILABLE_IN_1_0
const gchar *const *cblue_chat_reply_get_pii_types(CblueChatReply *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_chat_reply_set_pii_types(CblueChatReply *self, const gchar *const *pii_types);
CBLUE_AVAILABLE_IN_1_0
gint64 cblue_chat_reply_get_duration_usec(CblueChatReply *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_chat_reply_set_duration_usec(CblueChatReply *self, gint64 duration_usec);
CBLUE_AVAILABLE_IN_1_0
JsonNode *cblue_chat_reply_to_json(CblueChatReply *self);
CBLUE_AVAILABLE_IN_1_0
gchar *cblue_chat_reply_to_string(CblueChatReply *self);

G_END_DECLS
