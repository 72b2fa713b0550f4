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

#define CBLUE_TYPE_MODEL_PROVIDER (cblue_model_provider_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_INTERFACE(CblueModelProvider, cblue_model_provider, CBLUE, MODEL_PROVIDER, GObject)

/**
 * CblueModelProviderInterface:
 * @g_iface: the parent interface
 * @generate: (nullable): write the answer synchronously; thread-safe, for local providers
 * @generate_async: (nullable): write the answer asynchronously, for remote providers
 * @generate_finish: (nullable): finish @generate_async
 * @append_metrics: (nullable): append the provider's own metrics (Prometheus text
 *   exposition, e.g. `ai_model_inference_time`) to `GET /metrics`
 *
 * An answer writer. It gets the (redacted) message, the KB and the topics the bot decided
 * to answer from, and sets the text and language of @reply. A provider that finds no
 * answer in the knowledge it was given sets the outcome of @reply to
 * %CBLUE_OUTCOME_UNANSWERED and returns %TRUE: the bot then answers with its canned
 * "I don't know" and records the question as unanswered. A provider that streams emits
 * the pieces of the answer with [method@Message.emit_token].
 *
 * Since: 1.0
 */
struct _CblueModelProviderInterface {
	GTypeInterface g_iface;

	gboolean (*generate)(CblueModelProvider *self, CblueMessage *message, CblueKb *kb, GPtrArray *hits,
			     CblueChatReply *reply, GError **error);
	void (*generate_async)(CblueModelProvider *self, CblueMessage *message, CblueKb *kb, GPtrArray *hits,
			       CblueChatReply *reply, GCancellable *cancellable, GAsyncReadyCallback callback,
			       gpointer user_data);
	gboolean (*generate_finish)(CblueModelProvider *self, GAsyncResult *result, GError **error);
	void (*append_metrics)(CblueModelProvider *self, GString *out);
};

CBLUE_AVAILABLE_IN_1_0
gboolean cblue_model_provider_has_sync_generate(CblueModelProvider *self);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_model_provider_generate(CblueModelProvider *self, CblueMessage *message, CblueKb *kb,
				       GPtrArray *hits, CblueChatReply *reply, GError **error);
CBLUE_AVAILABLE_IN_1_0
void cblue_model_provider_generate_async(CblueModelProvider *self, CblueMessage *message, CblueKb *kb,
					 GPtrArray *hits, CblueChatReply *reply, GCancellable *cancellable,
					 GAsyncReadyCallback callback, gpointer user_data);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_model_provider_generate_finish(CblueModelProvider *self, GAsyncResult *result, GError **error);
CBLUE_AVAILABLE_IN_1_0
void cblue_model_provider_append_metrics(CblueModelProvider *self, GString *out);

G_END_DECLS
