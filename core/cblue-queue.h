/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <gio/gio.h>

#include "cblue-chat-reply.h"
#include "cblue-message.h"
#include "cblue-version-macros.h"

G_BEGIN_DECLS

typedef struct _CblueBot CblueBot;

#define CBLUE_TYPE_QUEUE (cblue_queue_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_INTERFACE(CblueQueue, cblue_queue, CBLUE, QUEUE, GObject)

/**
 * CblueQueueInterface:
 * @g_iface: the parent interface
 * @start_consumer: make this process answer jobs with @bot
 * @submit_async: hand a message to whichever process answers it, and wait for the reply
 * @submit_finish: finish @submit_async
 * @check: optional: tell whether the queue can take jobs now, for `/readyz` (a networked
 *   queue whose server is down is not ready)
 * @append_metrics: optional: append the queue's own metrics (Prometheus text exposition,
 *   e.g. `job_queue_length`) to `GET /metrics`
 * @notify_kb_published: optional: tell every other process that shares this queue that a
 *   new KB version was published, so that each reloads it (the Redis queue publishes on a
 *   pub/sub channel; the in-process queue has no one to tell)
 *
 * A job queue between the processes that hold client connections and the processes
 * that answer.
 *
 * Since: 1.0
 */
struct _CblueQueueInterface {
	GTypeInterface g_iface;

	gboolean (*start_consumer)(CblueQueue *self, CblueBot *bot, GError **error);
	void (*submit_async)(CblueQueue *self, CblueMessage *message, GCancellable *cancellable,
			     GAsyncReadyCallback callback, gpointer user_data);
	CblueChatReply *(*submit_finish)(CblueQueue *self, GAsyncResult *result, GError **error);
	gboolean (*check)(CblueQueue *self, GError **error);
	void (*append_metrics)(CblueQueue *self, GString *out);
	void (*notify_kb_published)(CblueQueue *self, const gchar *version);
};

CBLUE_AVAILABLE_IN_1_0
gboolean cblue_queue_start_consumer(CblueQueue *self, CblueBot *bot, GError **error);
CBLUE_AVAILABLE_IN_1_0
void cblue_queue_submit_async(CblueQueue *self, CblueMessage *message, GCancellable *cancellable,
			      GAsyncReadyCallback callback, gpointer user_data);
CBLUE_AVAILABLE_IN_1_0
CblueChatReply *cblue_queue_submit_finish(CblueQueue *self, GAsyncResult *result, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_queue_check(CblueQueue *self, GError **error);
CBLUE_AVAILABLE_IN_1_0
void cblue_queue_append_metrics(CblueQueue *self, GString *out);
CBLUE_AVAILABLE_IN_1_0
void cblue_queue_notify_kb_published(CblueQueue *self, const gchar *version);

G_END_DECLS
