/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-bot.h"
#include "cblue-queue.h"

/**
 * CblueQueue:
 *
 * The `queue` plugin kind. In the embedded topology the in-process queue answers jobs
 * with the local bot; in the scaled topology API processes submit jobs and workers
 * consume them.
 *
 * Since: 1.0
 */
G_DEFINE_INTERFACE(CblueQueue, cblue_queue, G_TYPE_OBJECT)

static void
cblue_queue_default_init(CblueQueueInterface *iface)
{
}

/**
 * cblue_queue_start_consumer:
 * @self: a #CblueQueue
 * @bot: the bot that answers jobs
 * @error: return location for a #GError
 *
 * Makes this process answer jobs.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_queue_start_consumer(CblueQueue *self, CblueBot *bot, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_QUEUE(self), FALSE);
	g_return_val_if_fail(CBLUE_IS_BOT(bot), FALSE);
	return CBLUE_QUEUE_GET_IFACE(self)->start_consumer(self, bot, error);
}

/**
 * cblue_queue_submit_async:
 * @self: a #CblueQueue
 * @message: the message
 * @cancellable: (nullable): a #GCancellable, fired when the client goes away
 * @callback: the callback
 * @user_data: data for @callback
 *
 * Submits a message and waits for its reply.
 *
 * Since: 1.0
 */
void
cblue_queue_submit_async(CblueQueue *self, CblueMessage *message, GCancellable *cancellable,
			 GAsyncReadyCallback callback, gpointer user_data)
{
	g_return_if_fail(CBLUE_IS_QUEUE(self));
	g_return_if_fail(CBLUE_IS_MESSAGE(message));
	CBLUE_QUEUE_GET_IFACE(self)->submit_async(self, message, cancellable, callback, user_data);
}

/**
 * cblue_queue_submit_finish:
 * @self: a #CblueQueue
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes [method@Queue.submit_async].
 *
 * Returns: (transfer full): the reply, or %NULL
 *
 * Since: 1.0
 */
CblueChatReply *
cblue_queue_submit_finish(CblueQueue *self, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_QUEUE(self), NULL);
	return CBLUE_QUEUE_GET_IFACE(self)->submit_finish(self, result, error);
}
