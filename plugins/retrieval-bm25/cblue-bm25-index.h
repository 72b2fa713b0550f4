/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"

#include "cblue-retrieval-synonyms.h"
#include "cblue-retriever-private.h"

G_BEGIN_DECLS

typedef struct {
	gdouble k1;
	gdouble b;
	gdouble weight_questions;
	gdouble weight_keywords;
	gdouble weight_content;
	gdouble ngram_weight;
	gdouble pair_weight;
} CblueBm25Params;

typedef struct _CblueBm25Index CblueBm25Index;

void cblue_bm25_params_init_default(CblueBm25Params *params);
GHashTable *cblue_bm25_load_stopwords(void);
void cblue_bm25_analyze(CblueTokenizer *tokenizer, GHashTable *stopwords, CblueRetrievalSynonyms *synonyms,
			const gchar *text, GPtrArray *words, GPtrArray *surfaces, GPtrArray *ngrams, GPtrArray *pairs);
CblueBm25Index *cblue_bm25_index_new(CblueKb *kb, CblueTokenizer *tokenizer, GHashTable *stopwords,
				     CblueRetrievalSynonyms *synonyms, const CblueBm25Params *params);
CblueBm25Index *cblue_bm25_index_new_incremental(CblueKb *kb, CblueTokenizer *tokenizer, GHashTable *stopwords,
						 CblueRetrievalSynonyms *synonyms, const CblueBm25Params *params,
						 CblueBm25Index *previous, guint *n_analyzed);
CblueBm25Index *cblue_bm25_index_build(CblueKb *kb, CblueTokenizer *tokenizer, GHashTable *stopwords,
				       CblueRetrievalSynonyms *synonyms, const CblueBm25Params *params,
				       CblueBm25Index *previous, guint n_threads, guint *n_analyzed);
GBytes *cblue_bm25_index_serialize(CblueBm25Index *index);
CblueBm25Index *cblue_bm25_index_new_from_bytes(GBytes *bytes, CblueTokenizer *tokenizer, GHashTable *stopwords,
						CblueRetrievalSynonyms *synonyms, GError **error);
CblueBm25Index *cblue_bm25_index_ref(CblueBm25Index *index);
void cblue_bm25_index_unref(CblueBm25Index *index);
guint cblue_bm25_index_get_n_terms(CblueBm25Index *index);
gsize cblue_bm25_index_get_memory_size(CblueBm25Index *index);
GPtrArray *cblue_bm25_index_search(CblueBm25Index *index, const gchar *text, guint max_hits);
GPtrArray *cblue_bm25_index_search_full(CblueBm25Index *index, const gchar *text, guint max_hits, gboolean prune,
					gboolean *pruned);
void cblue_bm25_index_search_each(CblueBm25Index *index, const gchar *text, guint max_hits, gboolean prune,
				  gboolean *pruned, CblueRetrieverHitFunc func, gpointer user_data);
void cblue_bm25_index_search_approx_each(CblueBm25Index *index, const gchar *text, guint max_hits, guint32 common_df,
					 gboolean *pruned, CblueRetrieverHitFunc func, gpointer user_data);
guint cblue_bm25_index_get_n_docs(CblueBm25Index *index);
GPtrArray *cblue_bm25_index_search_approx(CblueBm25Index *index, const gchar *text, guint max_hits, guint32 common_df);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueBm25Index, cblue_bm25_index_unref)

G_END_DECLS
