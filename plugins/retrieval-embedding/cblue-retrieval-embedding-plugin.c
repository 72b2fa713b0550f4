/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-embedding-retriever.h"

/* retrieval-embedding: see README.md */

#define CBLUE_TYPE_RETRIEVAL_EMBEDDING_PLUGIN (cblue_retrieval_embedding_plugin_get_type())
G_DECLARE_FINAL_TYPE(CblueRetrievalEmbeddingPlugin, cblue_retrieval_embedding_plugin, CBLUE,
		     RETRIEVAL_EMBEDDING_PLUGIN, CbluePlugin)

struct _CblueRetrievalEmbeddingPlugin {
	CbluePlugin parent_instance;
};

G_DEFINE_TYPE(CblueRetrievalEmbeddingPlugin, cblue_retrieval_embedding_plugin, CBLUE_TYPE_PLUGIN)

#define CBLUE_EMBEDDING_GROUP "embedding"

static void
cblue_retrieval_embedding_read_params(CblueConfig *config, CblueEmbeddingParams *p)
{
	g_autofree gchar *query_prefix = cblue_config_get_string(config, CBLUE_EMBEDDING_GROUP, "query_prefix");
	g_autofree gchar *document_prefix = cblue_config_get_string(config, CBLUE_EMBEDDING_GROUP, "document_prefix");

	p->batch_size =
	    (guint)CLAMP(cblue_config_get_int(config, CBLUE_EMBEDDING_GROUP, "batch_size", p->batch_size), 1, 2048);
	p->max_chars =
	    (guint)CLAMP(cblue_config_get_int(config, CBLUE_EMBEDDING_GROUP, "max_chars", p->max_chars), 16, 100000);
	p->query_timeout_ms = (guint)CLAMP(
	    cblue_config_get_int(config, CBLUE_EMBEDDING_GROUP, "query_timeout_ms", p->query_timeout_ms), 0, 600000);
	p->breaker_ms = (guint)CLAMP(
	    cblue_config_get_int(config, CBLUE_EMBEDDING_GROUP, "retry_after_ms", p->breaker_ms), 0, 3600000);
	p->low = CLAMP(cblue_config_get_double(config, CBLUE_EMBEDDING_GROUP, "min_similarity", p->low), -1.0, 1.0);
	p->high = CLAMP(cblue_config_get_double(config, CBLUE_EMBEDDING_GROUP, "full_similarity", p->high), -1.0, 1.0);
	if (query_prefix != NULL) {
		g_free(p->query_prefix);
		p->query_prefix = g_steal_pointer(&query_prefix);
	}
	if (document_prefix != NULL) {
		g_free(p->document_prefix);
		p->document_prefix = g_steal_pointer(&document_prefix);
	}
}

/* Off unless configured: an endpoint (`[embedding] url`, else `[model] url` /
 * CBLUE_LLM_URL) and an embedding model (`[embedding] model`; the chat model is not one). */
static void
cblue_retrieval_embedding_plugin_setup_async(CbluePlugin *plugin, GCancellable *cancellable,
					     GAsyncReadyCallback callback, gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	CblueContext *context = cblue_plugin_get_context(plugin);
	CblueConfig *config = cblue_context_get_config(context);
	g_autofree gchar *model = cblue_config_get_string(config, CBLUE_EMBEDDING_GROUP, "model");
	g_autoptr(CblueOpenaiConfig) endpoint = NULL;
	g_autoptr(CblueOpenaiClient) client = NULL;
	g_autoptr(CblueRetrieverEmbedding) retriever = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *where = NULL;
	CblueEmbeddingParams params;

	g_task_set_source_tag(task, cblue_retrieval_embedding_plugin_setup_async);
	if (!cblue_openai_config_is_configured(config, CBLUE_EMBEDDING_GROUP) || model == NULL || model[0] == '\0') {
		g_debug("off: no [embedding] model and endpoint configured");
		g_task_return_boolean(task, TRUE);
		return;
	}
	endpoint = cblue_openai_config_load(config, CBLUE_EMBEDDING_GROUP, &error);
	if (endpoint == NULL) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	client = cblue_openai_client_new(endpoint);
	cblue_embedding_params_init_default(&params);
	cblue_retrieval_embedding_read_params(config, &params);
	retriever = cblue_retriever_embedding_new(client, &params, context);
	cblue_embedding_params_clear(&params);
	where = cblue_openai_config_describe(endpoint);
	g_debug("embeddings from %s", where);
	cblue_plugin_add_extension(plugin, CBLUE_TYPE_RETRIEVER, retriever, 0);
	g_task_return_boolean(task, TRUE);
}

static gboolean
cblue_retrieval_embedding_plugin_setup_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_retrieval_embedding_plugin_class_init(CblueRetrievalEmbeddingPluginClass *klass)
{
	CbluePluginClass *plugin_class = CBLUE_PLUGIN_CLASS(klass);
	plugin_class->setup_async = cblue_retrieval_embedding_plugin_setup_async;
	plugin_class->setup_finish = cblue_retrieval_embedding_plugin_setup_finish;
}

static void
cblue_retrieval_embedding_plugin_init(CblueRetrievalEmbeddingPlugin *self)
{
	cblue_plugin_set_description(CBLUE_PLUGIN(self),
				     "Dense-vector retrieval from an OpenAI-compatible embeddings endpoint");
	cblue_plugin_set_version(CBLUE_PLUGIN(self), CBLUE_VERSION_STRING);
}

CBLUE_PLUGIN_DEFINE(cblue_retrieval_embedding_plugin_get_type)
