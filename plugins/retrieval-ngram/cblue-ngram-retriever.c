/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-ngram-retriever.h"
#include "cblue-retrieval-common.h"
#include "cblue-retrieval-holder.h"

/* The n-gram retriever: its index, the synonyms it was built with (the same files as BM25's)
 * and their rebuilds (on a publish, or when the synonyms files change) are retrieval-common's
 * holder's; this type gives it the n-gram index's functions and parameters. */

struct _CblueRetrieverNgram {
	GObject parent_instance;
	CblueNgramParams params;
	CblueRetrievalHolder *holder; /* owned */
};

static void cblue_retriever_ngram_iface_init(CblueRetrieverInterface *iface);

G_DEFINE_TYPE_WITH_CODE(CblueRetrieverNgram, cblue_retriever_ngram, G_TYPE_OBJECT,
			G_IMPLEMENT_INTERFACE(CBLUE_TYPE_RETRIEVER, cblue_retriever_ngram_iface_init))

static void
cblue_retriever_ngram_dispose(GObject *object)
{
	CblueRetrieverNgram *self = CBLUE_RETRIEVER_NGRAM(object);
	if (self->holder != NULL)
		cblue_retrieval_holder_stop_watching(self->holder);
	G_OBJECT_CLASS(cblue_retriever_ngram_parent_class)->dispose(object);
}

static void
cblue_retriever_ngram_finalize(GObject *object)
{
	CblueRetrieverNgram *self = CBLUE_RETRIEVER_NGRAM(object);
	g_clear_pointer(&self->holder, cblue_retrieval_holder_free);
	G_OBJECT_CLASS(cblue_retriever_ngram_parent_class)->finalize(object);
}

static void
cblue_retriever_ngram_class_init(CblueRetrieverNgramClass *klass)
{
	G_OBJECT_CLASS(klass)->dispose = cblue_retriever_ngram_dispose;
	G_OBJECT_CLASS(klass)->finalize = cblue_retriever_ngram_finalize;
}

static void
cblue_retriever_ngram_init(CblueRetrieverNgram *self)
{
	cblue_ngram_params_init_default(&self->params);
}

static gpointer
cblue_ngram_holder_build(gconstpointer config, CblueTokenizer *tokenizer, CblueKb *kb, CblueRetrievalSynonyms *synonyms,
			 gpointer previous, guint n_threads, guint *n_analyzed)
{
	return cblue_ngram_index_build(kb, tokenizer, synonyms, config, previous, n_threads, n_analyzed);
}

static gpointer
cblue_ngram_holder_new_from_bytes(gconstpointer config, CblueTokenizer *tokenizer, GBytes *bytes,
				  CblueRetrievalSynonyms *synonyms, GError **error)
{
	return cblue_ngram_index_new_from_bytes(bytes, tokenizer, synonyms, error);
}

static void
cblue_ngram_holder_update_cache_key(gconstpointer config, CblueTokenizer *tokenizer, GChecksum *checksum)
{
	g_checksum_update(checksum, config, sizeof(CblueNgramParams));
}

static gchar *
cblue_ngram_holder_describe(gpointer index)
{
	return g_strdup_printf("%u n-grams, %" G_GSIZE_FORMAT " postings, %" G_GSIZE_FORMAT " bytes",
			       cblue_ngram_index_get_n_terms(index), cblue_ngram_index_get_n_postings(index),
			       cblue_ngram_index_get_memory_size(index));
}

static const CblueRetrievalIndexFuncs cblue_ngram_index_funcs = {
    .cache_prefix = "retrieval-ngram",
    .ref = (gpointer(*)(gpointer))cblue_ngram_index_ref,
    .unref = (void (*)(gpointer))cblue_ngram_index_unref,
    .build = cblue_ngram_holder_build,
    .serialize = (GBytes * (*)(gpointer)) cblue_ngram_index_serialize,
    .new_from_bytes = cblue_ngram_holder_new_from_bytes,
    .update_cache_key = cblue_ngram_holder_update_cache_key,
    .describe = cblue_ngram_holder_describe,
};

/* a retriever with no synonyms, cache or KB yet; @code_id identifies the analysis code in
 * the cache key */
CblueRetrieverNgram *
cblue_retriever_ngram_new(CblueTokenizer *tokenizer, const CblueNgramParams *params, const gchar *code_id)
{
	CblueRetrieverNgram *self = g_object_new(CBLUE_TYPE_RETRIEVER_NGRAM, NULL);
	if (params != NULL)
		self->params = *params;
	self->holder =
	    cblue_retrieval_holder_new(&cblue_ngram_index_funcs, &self->params, G_OBJECT(self), tokenizer, code_id);
	return self;
}

static gboolean
cblue_retriever_ngram_rebuild(CblueRetriever *retriever, CblueKb *kb, GError **error)
{
	cblue_retrieval_holder_rebuild(CBLUE_RETRIEVER_NGRAM(retriever)->holder, kb);
	return TRUE;
}

/* the hits, best first, to @func (cblue-retriever-private.h) */
static gboolean
cblue_retriever_ngram_search_each(CblueRetriever *retriever, CblueMessage *message, guint max_hits,
				 CblueRetrieverHitFunc func, gpointer user_data, GError **error)
{
	CblueRetrieverNgram *self = CBLUE_RETRIEVER_NGRAM(retriever);
	g_autoptr(CblueNgramIndex) index = cblue_retriever_ngram_get_index(self);

	if (index != NULL)
		cblue_ngram_index_search_approx_each(
		    index, cblue_message_get_text(message), max_hits,
		    cblue_retrieval_holder_get_common_df(self->holder, cblue_ngram_index_get_n_docs(index)), func,
		    user_data);
	return TRUE;
}

static GPtrArray *
cblue_retriever_ngram_search(CblueRetriever *retriever, CblueMessage *message, guint max_hits, GError **error)
{
	return cblue_retrieval_search_hits(cblue_retriever_ngram_search_each, retriever, message, max_hits, error);
}

static void
cblue_retriever_ngram_iface_init(CblueRetrieverInterface *iface)
{
	iface->rebuild = cblue_retriever_ngram_rebuild;
	iface->search = cblue_retriever_ngram_search;
	cblue_retriever_implement_search_each(iface, cblue_retriever_ngram_search_each);
}

/* the holder of the retriever's index, for the plugin's settings (cache folder, build threads,
 * synonyms) and for tests */
CblueRetrievalHolder *
cblue_retriever_ngram_get_holder(CblueRetrieverNgram *self)
{
	return self->holder;
}

/* the index in use (transfer full), nullable before the first build */
CblueNgramIndex *
cblue_retriever_ngram_get_index(CblueRetrieverNgram *self)
{
	return cblue_retrieval_holder_get_index(self->holder);
}
