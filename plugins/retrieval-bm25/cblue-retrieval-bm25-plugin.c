/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-bm25-retriever.h"
#include "cblue-retrieval-common.h"

/* retrieval-bm25: see README.md */

#define CBLUE_TYPE_RETRIEVAL_BM25_PLUGIN (cblue_retrieval_bm25_plugin_get_type())
G_DECLARE_FINAL_TYPE(CblueRetrievalBm25Plugin, cblue_retrieval_bm25_plugin, CBLUE, RETRIEVAL_BM25_PLUGIN,
		     CbluePlugin)

struct _CblueRetrievalBm25Plugin {
	CbluePlugin parent_instance;
};

G_DEFINE_TYPE(CblueRetrievalBm25Plugin, cblue_retrieval_bm25_plugin, CBLUE_TYPE_PLUGIN)

static void
cblue_retrieval_bm25_plugin_setup_async(CbluePlugin *plugin, GCancellable *cancellable,
					GAsyncReadyCallback callback, gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	CblueContext *context = cblue_plugin_get_context(plugin);
	CblueConfig *config = cblue_context_get_config(context);
	g_autoptr(CblueRetrieverBm25) retriever = NULL;
	g_autofree gchar *code_id = cblue_retrieval_code_id(plugin);
	CblueBm25Params params;
	CblueBm25Params *p = &params;

	g_task_set_source_tag(task, cblue_retrieval_bm25_plugin_setup_async);
	cblue_bm25_params_init_default(p);
	p->k1 = cblue_config_get_double(config, "retrieval-bm25", "k1", p->k1);
	p->b = CLAMP(cblue_config_get_double(config, "retrieval-bm25", "b", p->b), 0.0, 1.0);
	p->weight_questions = cblue_config_get_double(config, "retrieval-bm25", "weight_questions", p->weight_questions);
	p->weight_keywords = cblue_config_get_double(config, "retrieval-bm25", "weight_keywords", p->weight_keywords);
	p->weight_content = cblue_config_get_double(config, "retrieval-bm25", "weight_content", p->weight_content);
	p->ngram_weight = cblue_config_get_double(config, "retrieval-bm25", "ngram_weight", p->ngram_weight);
	p->pair_weight = cblue_config_get_double(config, "retrieval-bm25", "pair_weight", p->pair_weight);
	retriever = cblue_retriever_bm25_new(cblue_context_get_tokenizer(context), p, code_id);
	cblue_retrieval_holder_configure(cblue_retriever_bm25_get_holder(retriever), context, "retrieval-bm25");
	cblue_plugin_add_extension(plugin, CBLUE_TYPE_RETRIEVER, retriever, 0);
	g_task_return_boolean(task, TRUE);
}

static gboolean
cblue_retrieval_bm25_plugin_setup_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_retrieval_bm25_plugin_class_init(CblueRetrievalBm25PluginClass *klass)
{
	CbluePluginClass *plugin_class = CBLUE_PLUGIN_CLASS(klass);
	plugin_class->setup_async = cblue_retrieval_bm25_plugin_setup_async;
	plugin_class->setup_finish = cblue_retrieval_bm25_plugin_setup_finish;
}

static void
cblue_retrieval_bm25_plugin_init(CblueRetrievalBm25Plugin *self)
{
	cblue_plugin_set_description(CBLUE_PLUGIN(self), "BM25F word and character n-gram retrieval (en, th, zh)");
	cblue_plugin_set_version(CBLUE_PLUGIN(self), CBLUE_VERSION_STRING);
}

CBLUE_PLUGIN_DEFINE(cblue_retrieval_bm25_plugin_get_type)
