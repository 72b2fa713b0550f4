/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-bot.h"
#include "cblue-queue-private.h"
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

static GQuark
cblue_queue_submit_in_place_quark(void)
{
	static gsize quark = 0;
	if (g_once_init_enter(&quark))
		g_once_init_leave(&quark, g_quark_from_static_string("cblue-queue-submit-in-place"));
	return (GQuark)quark;
}

/* kept with the implementing type: the interface's structure is public and has no room */
void
cblue_queue_implement_submit_in_place(CblueQueueInterface *iface, CblueQueueSubmitInPlaceFunc submit_in_place)
{
	g_type_set_qdata(iface->g_iface.g_instance_type, cblue_queue_submit_in_place_quark(), submit_in_place);
}

gboolean
cblue_queue_submit_in_place(CblueQueue *self, CblueMessage *message, CblueChatReply **reply, GError **error)
{
	CblueQueueSubmitInPlaceFunc submit_in_place =
	    (CblueQueueSubmitInPlaceFunc)g_type_get_qdata(G_OBJECT_TYPE(self), cblue_queue_submit_in_place_quark());
	return submit_in_place != NULL && submit_in_place(self, message, reply, error);
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

/**
 * cblue_queue_check:
 * @self: a #CblueQueue
 * @error: return location for a #GError
 *
 * Tells whether the queue can take jobs now; a queue without a server to reach always can.
 *
 * Returns: %TRUE if ready, else %FALSE with @error set (usually %CBLUE_ERROR_NOT_REACHABLE)
 *
 * Since: 1.0
 */
gboolean
cblue_queue_check(CblueQueue *self, GError **error)
{
	CblueQueueInterface *iface;

	g_return_val_if_fail(CBLUE_IS_QUEUE(self), FALSE);
	iface = CBLUE_QUEUE_GET_IFACE(self);
	if (iface->check == NULL)
		return TRUE;
	return iface->check(self, error);
}

/**
 * cblue_queue_append_metrics:
 * @self: a #CblueQueue
 * @out: the `/metrics` text being written
 *
 * Appends the queue's own metrics, in the Prometheus text exposition format, to @out.
 *
 * Since: 1.0
 */
void
cblue_queue_append_metrics(CblueQueue *self, GString *out)
{
	CblueQueueInterface *iface;

	g_return_if_fail(CBLUE_IS_QUEUE(self));
	g_return_if_fail(out != NULL);
	iface = CBLUE_QUEUE_GET_IFACE(self);
	if (iface->append_metrics != NULL)
		iface->append_metrics(self, out);
}

/**
 * cblue_queue_notify_kb_published:
 * @self: a #CblueQueue
 * @version: (nullable): the KB version just published, for logs
 *
 * Tells the other processes that share this queue (API processes and workers of the
 * scaled topology) that a new KB version was published; each reloads its KB from the
 * store. Call it after the publishing transaction committed. It returns at once; with the
 * in-process queue it does nothing, since the caller's own process reloads by itself.
 *
 * Since: 1.0
 */
void
cblue_queue_notify_kb_published(CblueQueue *self, const gchar *version)
{
	CblueQueueInterface *iface;

	g_return_if_fail(CBLUE_IS_QUEUE(self));
	iface = CBLUE_QUEUE_GET_IFACE(self);
	if (iface->notify_kb_published != NULL)
		iface->notify_kb_published(self, version);
}
