/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <gio/gio.h>

#include "cblue-chat-reply.h"
#include "cblue-kb.h"
#include "cblue-message.h"
#include "cblue-version-macros.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_STORE (cblue_store_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_INTERFACE(CblueStore, cblue_store, CBLUE, STORE, GObject)

/**
 * CblueStoreInterface:
 * @g_iface: the parent interface
 * @load_kb: read the published KB
 * @import_kb: write entries in one transaction, merging by `topic_id` (or replacing the
 *   whole KB); on error nothing is changed
 * @record_exchange: queue one message and its reply (already redacted) for writing, with
 *   the analytics event and, for unanswered messages, an `unanswered` record; never blocks
 * @flush: wait until every queued record is written
 * @check: tell whether the store is reachable, for `/readyz`
 * @count: count the rows of a logical table (`kb_entries`, `conversations`, `messages`,
 *   `unanswered`, `analytics_events`), for tests and the console
 * @get_conversation: read the messages of one conversation, oldest first, as a JSON
 *   array (see [method@Store.get_conversation]); %CBLUE_ERROR_NOT_FOUND if there are none
 * @record_feedback: record a visitor's rating of a reply, replacing an earlier rating of
 *   the same message
 *
 * A persistent store: KB, conversations, analytics events, unanswered questions.
 *
 * Since: 1.0
 */
struct _CblueStoreInterface {
	GTypeInterface g_iface;

	CblueKb *(*load_kb)(CblueStore *self, GError **error);
	gboolean (*import_kb)(CblueStore *self, GPtrArray *entries, gboolean replace_all, GError **error);
	void (*record_exchange)(CblueStore *self, CblueMessage *message, CblueChatReply *reply);
	gboolean (*flush)(CblueStore *self, GError **error);
	gboolean (*check)(CblueStore *self, GError **error);
	gint64 (*count)(CblueStore *self, const gchar *table, GError **error);
	JsonNode *(*get_conversation)(CblueStore *self, const gchar *conversation_id, guint max_messages,
				      GError **error);
	gboolean (*record_feedback)(CblueStore *self, const gchar *conversation_id, const gchar *message_id,
				    const gchar *rating, GError **error);
};

CBLUE_AVAILABLE_IN_1_0
CblueKb *cblue_store_load_kb(CblueStore *self, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_store_import_kb(CblueStore *self, GPtrArray *entries, gboolean replace_all, GError **error);
CBLUE_AVAILABLE_IN_1_0
void cblue_store_record_exchange(CblueStore *self, CblueMessage *message, CblueChatReply *reply);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_store_flush(CblueStore *self, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_store_check(CblueStore *self, GError **error);
CBLUE_AVAILABLE_IN_1_0
gint64 cblue_store_count(CblueStore *self, const gchar *table, GError **error);
CBLUE_AVAILABLE_IN_1_0
JsonNode *cblue_store_get_conversation(CblueStore *self, const gchar *conversation_id, guint max_messages,
				       GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_store_record_feedback(CblueStore *self, const gchar *conversation_id, const gchar *message_id,
				     const gchar *rating, GError **error);

G_END_DECLS
