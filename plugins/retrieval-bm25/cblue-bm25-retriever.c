/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-bm25-retriever.h"
#include "cblue-retrieval-common.h"
#include "cblue-retrieval-holder.h"

/*
 * The BM25 retriever: its index, the synonyms it was built with and their rebuilds (on a
 * publish, or when the synonyms files change) are retrieval-common's holder's; this type
 * gives it the BM25 index's functions and its configuration.
 */

typedef struct {
	CblueBm25Params params;
	GHashTable *stopwords; /* owned */
} CblueBm25Config;

struct _CblueRetrieverBm25 {
	GObject parent_instance;
	CblueBm25Config config;
	CblueRetrievalHolder *holder; /* owned */
};

static void cblue_retriever_bm25_iface_init(CblueRetrieverInterface *iface);

G_DEFINE_TYPE_WITH_CODE(CblueRetrieverBm25, cblue_retriever_bm25, G_TYPE_OBJECT,
			G_IMPLEMENT_INTERFACE(CBLUE_TYPE_RETRIEVER, cblue_retriever_bm25_iface_init))

static void
cblue_retriever_bm25_dispose(GObject *object)
{
	CblueRetrieverBm25 *self = CBLUE_RETRIEVER_BM25(object);
	if (self->holder != NULL)
		cblue_retrieval_holder_stop_watching(self->holder);
	G_OBJECT_CLASS(cblue_retriever_bm25_parent_class)->dispose(object);
}

static void
cblue_retriever_bm25_finalize(GObject *object)
{
	CblueRetrieverBm25 *self = CBLUE_RETRIEVER_BM25(object);
	g_clear_pointer(&self->holder, cblue_retrieval_holder_free);
	g_clear_pointer(&self->config.stopwords, g_hash_table_unref);
	G_OBJECT_CLASS(cblue_retriever_bm25_parent_class)->finalize(object);
}

static void
cblue_retriever_bm25_class_init(CblueRetrieverBm25Class *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->dispose = cblue_retriever_bm25_dispose;
	object_class->finalize = cblue_retriever_bm25_finalize;
}

static void
cblue_retriever_bm25_init(CblueRetrieverBm25 *self)
{
	cblue_bm25_params_init_default(&self->config.params);
}

static gpointer
cblue_bm25_holder_build(gconstpointer config, CblueTokenizer *tokenizer, CblueKb *kb, CblueRetrievalSynonyms *synonyms,
			gpointer previous, guint n_threads, guint *n_analyzed)
{
	const CblueBm25Config *c = config;
	return cblue_bm25_index_build(kb, tokenizer, c->stopwords, synonyms, &c->params, previous, n_threads,
				      n_analyzed);
}

static gpointer
cblue_bm25_holder_new_from_bytes(gconstpointer config, CblueTokenizer *tokenizer, GBytes *bytes,
				 CblueRetrievalSynonyms *synonyms, GError **error)
{
	const CblueBm25Config *c = config;
	return cblue_bm25_index_new_from_bytes(bytes, tokenizer, c->stopwords, synonyms, error);
}

/* the parameters, the stop words and the Thai segmenter (BM25's words are segmented) */
static void
cblue_bm25_holder_update_cache_key(gconstpointer config, CblueTokenizer *tokenizer, GChecksum *checksum)
{
	const CblueBm25Config *c = config;
	g_autoptr(GList) words = g_hash_table_get_keys(c->stopwords);
	CblueThaiSegmenter segmenter = cblue_tokenizer_get_thai_segmenter(tokenizer);

	g_checksum_update(checksum, (const guchar *)&c->params, sizeof(c->params));
	g_checksum_update(checksum, (const guchar *)&segmenter, sizeof(segmenter));
	words = g_list_sort(words, (GCompareFunc)g_strcmp0);
	for (GList *l = words; l != NULL; l = l->next)
		g_checksum_update(checksum, (const guchar *)l->data, strlen(l->data) + 1);
}

static gchar *
cblue_bm25_holder_describe(gpointer index)
{
	return g_strdup_printf("%u terms, %" G_GSIZE_FORMAT " bytes", cblue_bm25_index_get_n_terms(index),
			       cblue_bm25_index_get_memory_size(index));
}

static const CblueRetrievalIndexFuncs cblue_bm25_index_funcs = {
    .cache_prefix = "retrieval-bm25",
    .ref = (gpointer(*)(gpointer))cblue_bm25_index_ref,
    .unref = (void (*)(gpointer))cblue_bm25_index_unref,
    .build = cblue_bm25_holder_build,
    .serialize = (GBytes * (*)(gpointer)) cblue_bm25_index_serialize,
    .new_from_bytes = cblue_bm25_holder_new_from_bytes,
    .update_cache_key = cblue_bm25_holder_update_cache_key,
    .describe = cblue_bm25_holder_describe,
};

/* a retriever with the bundled stop words and no synonyms, cache or KB yet; @code_id
 * identifies the analysis code in the cache key */
CblueRetrieverBm25 *
cblue_retriever_bm25_new(CblueTokenizer *tokenizer, const CblueBm25Params *params, const gchar *code_id)
{
	CblueRetrieverBm25 *self = g_object_new(CBLUE_TYPE_RETRIEVER_BM25, NULL);
	self->config.stopwords = cblue_bm25_load_stopwords();
	if (params != NULL)
		self->config.params = *params;
	self->holder =
	    cblue_retrieval_holder_new(&cblue_bm25_index_funcs, &self->config, G_OBJECT(self), tokenizer, code_id);
	return self;
}

static gboolean
cblue_retriever_bm25_rebuild(CblueRetriever *retriever, CblueKb *kb, GError **error)
{
	cblue_retrieval_holder_rebuild(CBLUE_RETRIEVER_BM25(retriever)->holder, kb);
	return TRUE;
}

/* the hits, best first, to @func (cblue-retriever-private.h) */
static gboolean
cblue_retriever_bm25_search_each(CblueRetriever *retriever, CblueMessage *message, guint max_hits,
				 CblueRetrieverHitFunc func, gpointer user_data, GError **error)
{
	CblueRetrieverBm25 *self = CBLUE_RETRIEVER_BM25(retriever);
	g_autoptr(CblueBm25Index) index = cblue_retriever_bm25_get_index(self);

	if (index != NULL)
		cblue_bm25_index_search_approx_each(
		    index, cblue_message_get_text(message), max_hits,
		    cblue_retrieval_holder_get_common_df(self->holder, cblue_bm25_index_get_n_docs(index)), NULL, func,
		    user_data);
	return TRUE;
}

static GPtrArray *
cblue_retriever_bm25_search(CblueRetriever *retriever, CblueMessage *message, guint max_hits, GError **error)
{
	return cblue_retrieval_search_hits(cblue_retriever_bm25_search_each, retriever, message, max_hits, error);
}

static void
cblue_retriever_bm25_iface_init(CblueRetrieverInterface *iface)
{
	iface->rebuild = cblue_retriever_bm25_rebuild;
	iface->search = cblue_retriever_bm25_search;
	cblue_retriever_implement_search_each(iface, cblue_retriever_bm25_search_each);
}

/* the holder of the retriever's index, for the plugin's settings (cache folder, build threads,
 * synonyms) and for tests */
CblueRetrievalHolder *
cblue_retriever_bm25_get_holder(CblueRetrieverBm25 *self)
{
	return self->holder;
}

/* the index in use (transfer full), nullable before the first build */
CblueBm25Index *
cblue_retriever_bm25_get_index(CblueRetrieverBm25 *self)
{
	return cblue_retrieval_holder_get_index(self->holder);
}
