/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-error.h"
#include "cblue-store.h"

/**
 * CblueStore:
 *
 * The `store` plugin kind. One store is used per process, the one registered with the
 * highest priority. Reads and KB imports are synchronous (start-up, CLI and admin
 * paths); conversation records are queued and written by the store's own writer thread,
 * so that the chat path never waits for the disk or the network.
 *
 * Since: 1.0
 */
G_DEFINE_INTERFACE(CblueStore, cblue_store, G_TYPE_OBJECT)

static void
cblue_store_default_init(CblueStoreInterface *iface)
{
}

/**
 * cblue_store_load_kb:
 * @self: a #CblueStore
 * @error: return location for a #GError
 *
 * Reads the KB.
 *
 * Returns: (transfer full): the KB, empty for a new store, or %NULL on error
 *
 * Since: 1.0
 */
CblueKb *
cblue_store_load_kb(CblueStore *self, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	return CBLUE_STORE_GET_IFACE(self)->load_kb(self, error);
}

/**
 * cblue_store_import_kb:
 * @self: a #CblueStore
 * @entries: (element-type CblueKbEntry): validated entries
 * @replace_all: %TRUE to delete the entries not in @entries
 * @error: return location for a #GError
 *
 * Writes entries in one transaction.
 *
 * Returns: %TRUE for success; on failure nothing was changed
 *
 * Since: 1.0
 */
gboolean
cblue_store_import_kb(CblueStore *self, GPtrArray *entries, gboolean replace_all, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), FALSE);
	g_return_val_if_fail(entries != NULL, FALSE);
	return CBLUE_STORE_GET_IFACE(self)->import_kb(self, entries, replace_all, error);
}

/**
 * cblue_store_record_exchange:
 * @self: a #CblueStore
 * @message: the redacted message
 * @reply: the reply
 *
 * Queues a message and its reply for writing.
 *
 * Since: 1.0
 */
void
cblue_store_record_exchange(CblueStore *self, CblueMessage *message, CblueChatReply *reply)
{
	g_return_if_fail(CBLUE_IS_STORE(self));
	g_return_if_fail(CBLUE_IS_MESSAGE(message));
	g_return_if_fail(CBLUE_IS_CHAT_REPLY(reply));
	CBLUE_STORE_GET_IFACE(self)->record_exchange(self, message, reply);
}

/**
 * cblue_store_flush:
 * @self: a #CblueStore
 * @error: return location for a #GError
 *
 * Waits until every queued record is written.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_store_flush(CblueStore *self, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), FALSE);
	if (CBLUE_STORE_GET_IFACE(self)->flush == NULL)
		return TRUE;
	return CBLUE_STORE_GET_IFACE(self)->flush(self, error);
}

/**
 * cblue_store_check:
 * @self: a #CblueStore
 * @error: return location for a #GError
 *
 * Checks that the store is reachable.
 *
 * Returns: %TRUE if ready
 *
 * Since: 1.0
 */
gboolean
cblue_store_check(CblueStore *self, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), FALSE);
	if (CBLUE_STORE_GET_IFACE(self)->check == NULL)
		return TRUE;
	return CBLUE_STORE_GET_IFACE(self)->check(self, error);
}

/**
 * cblue_store_count:
 * @self: a #CblueStore
 * @table: a logical table name
 * @error: return location for a #GError
 *
 * Counts rows.
 *
 * Returns: the count, or -1 on error
 *
 * Since: 1.0
 */
gint64
cblue_store_count(CblueStore *self, const gchar *table, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), -1);
	if (CBLUE_STORE_GET_IFACE(self)->count == NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED, "store cannot count");
		return -1;
	}
	return CBLUE_STORE_GET_IFACE(self)->count(self, table, error);
}

/**
 * cblue_store_get_conversation:
 * @self: a #CblueStore
 * @conversation_id: the conversation
 * @max_messages: the most recent messages to return, 0 for all
 * @error: return location for a #GError
 *
 * Reads a conversation's messages (already redacted), oldest first, as a JSON array of
 * objects with the members `message_id`, `role` (`user` or `bot`), `text`, `language`,
 * `topic_id` (bot messages, or null), `outcome` (bot messages, or null) and `created_at`
 * (ISO 8601, UTC). A bot message's `message_id` is the id of the user message it answers,
 * the one that `POST /api/v1/feedback` takes. Records queued a moment ago may not be
 * there yet (see [method@Store.flush]).
 *
 * Returns: (transfer full): a JSON array node, or %NULL with %CBLUE_ERROR_NOT_FOUND for an
 *   unknown conversation
 *
 * Since: 1.0
 */
JsonNode *
cblue_store_get_conversation(CblueStore *self, const gchar *conversation_id, guint max_messages, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	g_return_val_if_fail(conversation_id != NULL, NULL);
	if (CBLUE_STORE_GET_IFACE(self)->get_conversation == NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED,
				    "this store cannot read conversations");
		return NULL;
	}
	return CBLUE_STORE_GET_IFACE(self)->get_conversation(self, conversation_id, max_messages, error);
}

/**
 * cblue_store_record_feedback:
 * @self: a #CblueStore
 * @conversation_id: the conversation
 * @message_id: the message whose reply is rated, as in the reply's `message_id`
 * @rating: `up` or `down`
 * @error: return location for a #GError
 *
 * Records a visitor's rating of a reply; a later rating of the same message replaces it.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_store_record_feedback(CblueStore *self, const gchar *conversation_id, const gchar *message_id,
			    const gchar *rating, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), FALSE);
	g_return_val_if_fail(conversation_id != NULL && message_id != NULL && rating != NULL, FALSE);
	if (g_strcmp0(rating, "up") != 0 && g_strcmp0(rating, "down") != 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "unknown rating %s", rating);
		return FALSE;
	}
	if (CBLUE_STORE_GET_IFACE(self)->record_feedback == NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED, "this store cannot record feedback");
		return FALSE;
	}
	return CBLUE_STORE_GET_IFACE(self)->record_feedback(self, conversation_id, message_id, rating, error);
}
