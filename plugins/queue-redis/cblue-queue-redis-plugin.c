/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cblue-queue-redis.h"

/*
 * queue-redis: the job queue of the scaled topology, on Redis Streams. It registers a
 * queue only when `[queue] url` (or CBLUE_REDIS_URL) is set; otherwise the in-process
 * queue of the embedded topology stays in charge.
 */

#define CBLUE_TYPE_QUEUE_REDIS_PLUGIN (cblue_queue_redis_plugin_get_type())
G_DECLARE_FINAL_TYPE(CblueQueueRedisPlugin, cblue_queue_redis_plugin, CBLUE, QUEUE_REDIS_PLUGIN, CbluePlugin)

struct _CblueQueueRedisPlugin {
	CbluePlugin parent_instance;
	CblueQueueRedis *queue; /* owned, nullable: not configured */
};

G_DEFINE_TYPE(CblueQueueRedisPlugin, cblue_queue_redis_plugin, CBLUE_TYPE_PLUGIN)

static void
cblue_queue_redis_plugin_setup_async(CbluePlugin *plugin, GCancellable *cancellable, GAsyncReadyCallback callback,
				     gpointer user_data)
{
	CblueQueueRedisPlugin *self = CBLUE_QUEUE_REDIS_PLUGIN(plugin);
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	CblueContext *context = cblue_plugin_get_context(plugin);
	g_autofree gchar *url = cblue_config_get_string(cblue_context_get_config(context), "queue", "url");
	g_autoptr(GError) error = NULL;

	g_task_set_source_tag(task, cblue_queue_redis_plugin_setup_async);
	if (url == NULL || *url == '\0') {
		g_task_return_boolean(task, TRUE);
		return;
	}
	self->queue = cblue_queue_redis_new(context, &error);
	if (self->queue == NULL) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	/* above the in-process queue (-10) */
	cblue_plugin_add_extension(plugin, CBLUE_TYPE_QUEUE, self->queue, 10);
	g_task_return_boolean(task, TRUE);
}

static gboolean
cblue_queue_redis_plugin_setup_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_queue_redis_plugin_shutdown_async(CbluePlugin *plugin, GCancellable *cancellable,
					GAsyncReadyCallback callback, gpointer user_data)
{
	CblueQueueRedisPlugin *self = CBLUE_QUEUE_REDIS_PLUGIN(plugin);
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);

	g_task_set_source_tag(task, cblue_queue_redis_plugin_shutdown_async);
	/* a worker finishes the jobs it holds (for up to 5 s), then the connections close */
	if (self->queue != NULL)
		cblue_queue_redis_stop(self->queue);
	g_task_return_boolean(task, TRUE);
}

static gboolean
cblue_queue_redis_plugin_shutdown_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_queue_redis_plugin_finalize(GObject *object)
{
	CblueQueueRedisPlugin *self = CBLUE_QUEUE_REDIS_PLUGIN(object);
	g_clear_object(&self->queue);
	G_OBJECT_CLASS(cblue_queue_redis_plugin_parent_class)->finalize(object);
}

static void
cblue_queue_redis_plugin_class_init(CblueQueueRedisPluginClass *klass)
{
	CbluePluginClass *plugin_class = CBLUE_PLUGIN_CLASS(klass);
	G_OBJECT_CLASS(klass)->finalize = cblue_queue_redis_plugin_finalize;
	plugin_class->setup_async = cblue_queue_redis_plugin_setup_async;
	plugin_class->setup_finish = cblue_queue_redis_plugin_setup_finish;
	plugin_class->shutdown_async = cblue_queue_redis_plugin_shutdown_async;
	plugin_class->shutdown_finish = cblue_queue_redis_plugin_shutdown_finish;
}

static void
cblue_queue_redis_plugin_init(CblueQueueRedisPlugin *self)
{
	cblue_plugin_set_description(CBLUE_PLUGIN(self), "Redis Streams job queue (scaled topology)");
	cblue_plugin_set_version(CBLUE_PLUGIN(self), CBLUE_VERSION_STRING);
}

CBLUE_PLUGIN_DEFINE(cblue_queue_redis_plugin_get_type)
