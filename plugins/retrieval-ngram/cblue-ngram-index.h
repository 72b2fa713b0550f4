/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"
#include "cblue-retrieval-synonyms.h"
#include "cblue-retriever-private.h"

G_BEGIN_DECLS

typedef struct {
	gdouble weight_questions;
	gdouble weight_keywords;
	gdouble weight_content;
	/* an entry whose questions are under this share of its content is a passage: its
	 * questions and keywords weigh as content (0: never) */
	gdouble passage_ratio;
} CblueNgramParams;

typedef struct _CblueNgramIndex CblueNgramIndex;

void cblue_ngram_params_init_default(CblueNgramParams *params);
void cblue_ngram_extract(CblueTokenizer *tokenizer, CblueRetrievalSynonyms *synonyms, const gchar *text,
			 GArray *keys);
CblueNgramIndex *cblue_ngram_index_new(CblueKb *kb, CblueTokenizer *tokenizer, const CblueNgramParams *params);
CblueNgramIndex *cblue_ngram_index_new_incremental(CblueKb *kb, CblueTokenizer *tokenizer,
						   const CblueNgramParams *params, CblueNgramIndex *previous,
						   guint *n_analyzed);
CblueNgramIndex *cblue_ngram_index_build(CblueKb *kb, CblueTokenizer *tokenizer, CblueRetrievalSynonyms *synonyms,
					 const CblueNgramParams *params, CblueNgramIndex *previous, guint n_threads,
					 guint *n_analyzed);
CblueNgramIndex *cblue_ngram_index_ref(CblueNgramIndex *index);
void cblue_ngram_index_unref(CblueNgramIndex *index);
guint cblue_ngram_index_get_n_terms(CblueNgramIndex *index);
gsize cblue_ngram_index_get_n_postings(CblueNgramIndex *index);
gsize cblue_ngram_index_get_memory_size(CblueNgramIndex *index);
GPtrArray *cblue_ngram_index_search(CblueNgramIndex *index, const gchar *text, guint max_hits);
GPtrArray *cblue_ngram_index_search_full(CblueNgramIndex *index, const gchar *text, guint max_hits, gboolean prune);
void cblue_ngram_index_search_each(CblueNgramIndex *index, const gchar *text, guint max_hits, gboolean prune,
				   CblueRetrieverHitFunc func, gpointer user_data);
void cblue_ngram_index_search_approx_each(CblueNgramIndex *index, const gchar *text, guint max_hits,
					  guint32 common_df, CblueRetrieverHitFunc func, gpointer user_data);
GPtrArray *cblue_ngram_index_search_approx(CblueNgramIndex *index, const gchar *text, guint max_hits,
					   guint32 common_df);
guint cblue_ngram_index_get_n_docs(CblueNgramIndex *index);
GBytes *cblue_ngram_index_serialize(CblueNgramIndex *index);
CblueNgramIndex *cblue_ngram_index_new_from_bytes(GBytes *bytes, CblueTokenizer *tokenizer,
						  CblueRetrievalSynonyms *synonyms, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueNgramIndex, cblue_ngram_index_unref)

G_END_DECLS
