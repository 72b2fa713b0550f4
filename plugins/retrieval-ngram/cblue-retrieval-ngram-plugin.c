/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-ngram-retriever.h"
#include "cblue-retrieval-common.h"

/* retrieval-ngram: see README.md */

#define CBLUE_TYPE_RETRIEVAL_NGRAM_PLUGIN (cblue_retrieval_ngram_plugin_get_type())
G_DECLARE_FINAL_TYPE(CblueRetrievalNgramPlugin, cblue_retrieval_ngram_plugin, CBLUE, RETRIEVAL_NGRAM_PLUGIN,
		     CbluePlugin)

struct _CblueRetrievalNgramPlugin {
	CbluePlugin parent_instance;
};

G_DEFINE_TYPE(CblueRetrievalNgramPlugin, cblue_retrieval_ngram_plugin, CBLUE_TYPE_PLUGIN)

static void
cblue_retrieval_ngram_plugin_setup_async(CbluePlugin *plugin, GCancellable *cancellable,
					 GAsyncReadyCallback callback, gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	CblueContext *context = cblue_plugin_get_context(plugin);
	CblueConfig *config = cblue_context_get_config(context);
	g_autoptr(CblueRetrieverNgram) retriever = NULL;
	g_autofree gchar *code_id = cblue_retrieval_code_id(plugin);
	CblueNgramParams params;

	g_task_set_source_tag(task, cblue_retrieval_ngram_plugin_setup_async);
	cblue_ngram_params_init_default(&params);
	params.weight_questions =
	    cblue_config_get_double(config, "retrieval-ngram", "weight_questions", params.weight_questions);
	params.weight_keywords =
	    cblue_config_get_double(config, "retrieval-ngram", "weight_keywords", params.weight_keywords);
	params.weight_content = cblue_config_get_double(config, "retrieval-ngram", "weight_content", params.weight_content);
	params.passage_ratio = cblue_config_get_double(config, "retrieval-ngram", "passage_ratio", params.passage_ratio);
	retriever = cblue_retriever_ngram_new(cblue_context_get_tokenizer(context), &params, code_id);
	cblue_retrieval_holder_configure(cblue_retriever_ngram_get_holder(retriever), context, "retrieval-ngram");
	cblue_plugin_add_extension(plugin, CBLUE_TYPE_RETRIEVER, retriever, 0);
	g_task_return_boolean(task, TRUE);
}

static gboolean
cblue_retrieval_ngram_plugin_setup_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_retrieval_ngram_plugin_class_init(CblueRetrievalNgramPluginClass *klass)
{
	CbluePluginClass *plugin_class = CBLUE_PLUGIN_CLASS(klass);
	plugin_class->setup_async = cblue_retrieval_ngram_plugin_setup_async;
	plugin_class->setup_finish = cblue_retrieval_ngram_plugin_setup_finish;
}

static void
cblue_retrieval_ngram_plugin_init(CblueRetrievalNgramPlugin *self)
{
	cblue_plugin_set_description(CBLUE_PLUGIN(self), "Character n-gram TF-IDF retrieval (en, th, zh)");
	cblue_plugin_set_version(CBLUE_PLUGIN(self), CBLUE_VERSION_STRING);
}

CBLUE_PLUGIN_DEFINE(cblue_retrieval_ngram_plugin_get_type)
