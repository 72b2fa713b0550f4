/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cblue.h"
#include "cblue-bot-private.h"
#include "cblue-queue-private.h"

/*
 * queue-local: the in-process queue of the embedded topology. Jobs are answered by the
 * bot of this process; the number in flight is bounded so that an overload is refused
 * with `busy` instead of growing memory without limit.
 */

#define CBLUE_TYPE_QUEUE_LOCAL (cblue_queue_local_get_type())
G_DECLARE_FINAL_TYPE(CblueQueueLocal, cblue_queue_local, CBLUE, QUEUE_LOCAL, GObject)

struct _CblueQueueLocal {
	GObject parent_instance;
	CblueBot *bot; /* owned, nullable until a consumer starts */
	guint max_in_flight;
	gint in_flight; /* atomic */
};

static void cblue_queue_local_iface_init(CblueQueueInterface *iface);

G_DEFINE_TYPE_WITH_CODE(CblueQueueLocal, cblue_queue_local, G_TYPE_OBJECT,
			G_IMPLEMENT_INTERFACE(CBLUE_TYPE_QUEUE, cblue_queue_local_iface_init))

static void
cblue_queue_local_finalize(GObject *object)
{
	CblueQueueLocal *self = CBLUE_QUEUE_LOCAL(object);
	g_clear_object(&self->bot);
	G_OBJECT_CLASS(cblue_queue_local_parent_class)->finalize(object);
}

static void
cblue_queue_local_class_init(CblueQueueLocalClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_queue_local_finalize;
}

static void
cblue_queue_local_init(CblueQueueLocal *self)
{
}

static gboolean
cblue_queue_local_start_consumer(CblueQueue *queue, CblueBot *bot, GError **error)
{
	CblueQueueLocal *self = CBLUE_QUEUE_LOCAL(queue);
	g_set_object(&self->bot, bot);
	return TRUE;
}

static void
cblue_queue_local_ask_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	CblueQueueLocal *self = g_task_get_source_object(task);
	g_autoptr(GError) error = NULL;
	CblueChatReply *reply = cblue_bot_ask_finish(CBLUE_BOT(source), res, &error);

	g_atomic_int_dec_and_test(&self->in_flight);
	if (reply == NULL) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	g_task_return_pointer(task, reply, g_object_unref);
}

static void
cblue_queue_local_submit_async(CblueQueue *queue, CblueMessage *message, GCancellable *cancellable,
			       GAsyncReadyCallback callback, gpointer user_data)
{
	CblueQueueLocal *self = CBLUE_QUEUE_LOCAL(queue);
	g_autoptr(GTask) task = g_task_new(self, cancellable, callback, user_data);

	g_task_set_source_tag(task, cblue_queue_local_submit_async);
	if (self->bot == NULL) {
		g_task_return_new_error(task, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE, "%s",
					_("No bot is answering: the queue consumer was not started."));
		return;
	}
	if ((guint)g_atomic_int_add(&self->in_flight, 1) >= self->max_in_flight) {
		g_atomic_int_dec_and_test(&self->in_flight);
		g_task_return_new_error(task, CBLUE_ERROR, CBLUE_ERROR_BUSY, "%s",
					_("Too many messages at once; please try again in a moment."));
		return;
	}
	cblue_bot_ask_async(self->bot, message, cancellable, cblue_queue_local_ask_cb, g_steal_pointer(&task));
}

/* the bot answers now when its plugins are synchronous (cblue-queue-private.h); a message
 * answered in place is never waiting, so it is counted in flight only while it is answered */
static gboolean
cblue_queue_local_submit_in_place(CblueQueue *queue, CblueMessage *message, CblueChatReply **reply,
				  GError **error)
{
	CblueQueueLocal *self = CBLUE_QUEUE_LOCAL(queue);
	gboolean answered;

	if (self->bot == NULL)
		return FALSE;
	if ((guint)g_atomic_int_add(&self->in_flight, 1) >= self->max_in_flight) {
		g_atomic_int_dec_and_test(&self->in_flight);
		return FALSE;
	}
	answered = cblue_bot_ask_in_place(self->bot, message, reply, error);
	g_atomic_int_dec_and_test(&self->in_flight);
	return answered;
}

static CblueChatReply *
cblue_queue_local_submit_finish(CblueQueue *queue, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, queue), NULL);
	return g_task_propagate_pointer(G_TASK(result), error);
}

static void
cblue_queue_local_iface_init(CblueQueueInterface *iface)
{
	iface->start_consumer = cblue_queue_local_start_consumer;
	iface->submit_async = cblue_queue_local_submit_async;
	iface->submit_finish = cblue_queue_local_submit_finish;
	cblue_queue_implement_submit_in_place(iface, cblue_queue_local_submit_in_place);
}

/* the plugin */

#define CBLUE_TYPE_QUEUE_LOCAL_PLUGIN (cblue_queue_local_plugin_get_type())
G_DECLARE_FINAL_TYPE(CblueQueueLocalPlugin, cblue_queue_local_plugin, CBLUE, QUEUE_LOCAL_PLUGIN, CbluePlugin)

struct _CblueQueueLocalPlugin {
	CbluePlugin parent_instance;
};

G_DEFINE_TYPE(CblueQueueLocalPlugin, cblue_queue_local_plugin, CBLUE_TYPE_PLUGIN)

static void
cblue_queue_local_plugin_setup_async(CbluePlugin *plugin, GCancellable *cancellable, GAsyncReadyCallback callback,
				     gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	g_autoptr(CblueQueueLocal) queue = g_object_new(CBLUE_TYPE_QUEUE_LOCAL, NULL);
	CblueConfig *config = cblue_context_get_config(cblue_plugin_get_context(plugin));

	g_task_set_source_tag(task, cblue_queue_local_plugin_setup_async);
	queue->max_in_flight = (guint)CLAMP(cblue_config_get_int(config, "queue", "max_in_flight", 256), 1, 1 << 20);
	/* low priority: a networked queue, when configured, takes over */
	cblue_plugin_add_extension(plugin, CBLUE_TYPE_QUEUE, queue, -10);
	g_task_return_boolean(task, TRUE);
}

static gboolean
cblue_queue_local_plugin_setup_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_queue_local_plugin_class_init(CblueQueueLocalPluginClass *klass)
{
	CbluePluginClass *plugin_class = CBLUE_PLUGIN_CLASS(klass);
	plugin_class->setup_async = cblue_queue_local_plugin_setup_async;
	plugin_class->setup_finish = cblue_queue_local_plugin_setup_finish;
}

static void
cblue_queue_local_plugin_init(CblueQueueLocalPlugin *self)
{
	cblue_plugin_set_description(CBLUE_PLUGIN(self), "In-process job queue (embedded topology)");
	cblue_plugin_set_version(CBLUE_PLUGIN(self), CBLUE_VERSION_STRING);
}

CBLUE_PLUGIN_DEFINE(cblue_queue_local_plugin_get_type)
