/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-error.h"
#include "cblue-model-provider.h"

/**
 * CblueModelProvider:
 *
 * The `model` plugin kind: writes the answer from the KB topics the bot chose. The
 * embedded default answers extractively; LLM providers do retrieval-augmented generation.
 * The bot only calls a provider for the *answered* outcome: unknown and clarify replies
 * are the bot's own.
 *
 * Since: 1.0
 */
G_DEFINE_INTERFACE(CblueModelProvider, cblue_model_provider, G_TYPE_OBJECT)

static void
cblue_model_provider_default_init(CblueModelProviderInterface *iface)
{
}

/**
 * cblue_model_provider_has_sync_generate:
 * @self: a #CblueModelProvider
 *
 * Returns: %TRUE if [method@ModelProvider.generate] can be called directly
 *
 * Since: 1.0
 */
gboolean
cblue_model_provider_has_sync_generate(CblueModelProvider *self)
{
	g_return_val_if_fail(CBLUE_IS_MODEL_PROVIDER(self), FALSE);
	return CBLUE_MODEL_PROVIDER_GET_IFACE(self)->generate != NULL;
}

/**
 * cblue_model_provider_generate:
 * @self: a #CblueModelProvider
 * @message: the redacted message
 * @kb: the KB
 * @hits: (element-type CblueHit): the topics to answer from, best first
 * @reply: the reply to fill in
 * @error: return location for a #GError
 *
 * Writes the answer synchronously.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_model_provider_generate(CblueModelProvider *self, CblueMessage *message, CblueKb *kb, GPtrArray *hits,
			      CblueChatReply *reply, GError **error)
{
	CblueModelProviderInterface *iface;
	g_return_val_if_fail(CBLUE_IS_MODEL_PROVIDER(self), FALSE);
	iface = CBLUE_MODEL_PROVIDER_GET_IFACE(self);
	if (iface->generate == NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED, "provider has no synchronous generate");
		return FALSE;
	}
	return iface->generate(self, message, kb, hits, reply, error);
}

/**
 * cblue_model_provider_generate_async:
 * @self: a #CblueModelProvider
 * @message: the redacted message
 * @kb: the KB
 * @hits: (element-type CblueHit): the topics to answer from, best first
 * @reply: the reply to fill in
 * @cancellable: (nullable): a #GCancellable
 * @callback: the callback
 * @user_data: data for @callback
 *
 * Writes the answer asynchronously.
 *
 * Since: 1.0
 */
void
cblue_model_provider_generate_async(CblueModelProvider *self, CblueMessage *message, CblueKb *kb,
				    GPtrArray *hits, CblueChatReply *reply, GCancellable *cancellable,
				    GAsyncReadyCallback callback, gpointer user_data)
{
	CblueModelProviderInterface *iface;
	g_autoptr(GTask) task = NULL;
	g_autoptr(GError) error = NULL;

	g_return_if_fail(CBLUE_IS_MODEL_PROVIDER(self));
	iface = CBLUE_MODEL_PROVIDER_GET_IFACE(self);
	if (iface->generate_async != NULL) {
		iface->generate_async(self, message, kb, hits, reply, cancellable, callback, user_data);
		return;
	}
	task = g_task_new(self, cancellable, callback, user_data);
	g_task_set_source_tag(task, cblue_model_provider_generate_async);
	if (!cblue_model_provider_generate(self, message, kb, hits, reply, &error)) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	g_task_return_boolean(task, TRUE);
}

/**
 * cblue_model_provider_generate_finish:
 * @self: a #CblueModelProvider
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes [method@ModelProvider.generate_async].
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_model_provider_generate_finish(CblueModelProvider *self, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_MODEL_PROVIDER(self), FALSE);
	if (g_async_result_is_tagged(result, cblue_model_provider_generate_async))
		return g_task_propagate_boolean(G_TASK(result), error);
	return CBLUE_MODEL_PROVIDER_GET_IFACE(self)->generate_finish(self, result, error);
}

/**
 * cblue_model_provider_append_metrics:
 * @self: a #CblueModelProvider
 * @out: the `/metrics` text being written
 *
 * Appends the provider's own metrics, in the Prometheus text exposition format, to @out;
 * nothing for a provider without any.
 *
 * Since: 1.0
 */
void
cblue_model_provider_append_metrics(CblueModelProvider *self, GString *out)
{
	CblueModelProviderInterface *iface;

	g_return_if_fail(CBLUE_IS_MODEL_PROVIDER(self));
	g_return_if_fail(out != NULL);
	iface = CBLUE_MODEL_PROVIDER_GET_IFACE(self);
	if (iface->append_metrics != NULL)
		iface->append_metrics(self, out);
}
