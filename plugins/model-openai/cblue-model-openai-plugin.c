/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cblue-model-openai.h"

/* model-openai: see README.md */

#define CBLUE_TYPE_MODEL_OPENAI_PLUGIN (cblue_model_openai_plugin_get_type())
G_DECLARE_FINAL_TYPE(CblueModelOpenaiPlugin, cblue_model_openai_plugin, CBLUE, MODEL_OPENAI_PLUGIN, CbluePlugin)

struct _CblueModelOpenaiPlugin {
	CbluePlugin parent_instance;
};

G_DEFINE_TYPE(CblueModelOpenaiPlugin, cblue_model_openai_plugin, CBLUE_TYPE_PLUGIN)

static void
cblue_model_openai_plugin_setup_async(CbluePlugin *plugin, GCancellable *cancellable, GAsyncReadyCallback callback,
				      gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	CblueContext *context = cblue_plugin_get_context(plugin);
	g_autoptr(CblueModelOpenai) provider = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *description = NULL;

	g_task_set_source_tag(task, cblue_model_openai_plugin_setup_async);
	/* not configured: nothing to do, the extractive provider answers */
	if (!cblue_openai_config_is_configured(cblue_context_get_config(context), "model")) {
		g_debug("no [model] url: the LLM provider is off");
		g_task_return_boolean(task, TRUE);
		return;
	}
	provider = cblue_model_openai_new(context, &error);
	if (provider == NULL) {
		/* reported by the loader, which disables the plugin; the messages never hold the key */
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	description = cblue_openai_config_describe(cblue_model_openai_get_config(provider));
	g_message("LLM answers from %s; the extractive answer is the fallback", description);
	/* above model-extractive (-10), which stays registered as the bot's fallback */
	cblue_plugin_add_extension(plugin, CBLUE_TYPE_MODEL_PROVIDER, provider, 0);
	g_task_return_boolean(task, TRUE);
}

static gboolean
cblue_model_openai_plugin_setup_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_model_openai_plugin_class_init(CblueModelOpenaiPluginClass *klass)
{
	CbluePluginClass *plugin_class = CBLUE_PLUGIN_CLASS(klass);
	plugin_class->setup_async = cblue_model_openai_plugin_setup_async;
	plugin_class->setup_finish = cblue_model_openai_plugin_setup_finish;
}

static void
cblue_model_openai_plugin_init(CblueModelOpenaiPlugin *self)
{
	cblue_plugin_set_description(CBLUE_PLUGIN(self),
				     "Answers with an OpenAI-compatible LLM from the KB entries (RAG), streaming");
	cblue_plugin_set_version(CBLUE_PLUGIN(self), CBLUE_VERSION_STRING);
}

CBLUE_PLUGIN_DEFINE(cblue_model_openai_plugin_get_type)
