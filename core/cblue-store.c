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
