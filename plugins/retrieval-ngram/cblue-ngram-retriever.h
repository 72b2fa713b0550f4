/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue-ngram-index.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_RETRIEVER_NGRAM (cblue_retriever_ngram_get_type())
G_DECLARE_FINAL_TYPE(CblueRetrieverNgram, cblue_retriever_ngram, CBLUE, RETRIEVER_NGRAM, GObject)

CblueRetrieverNgram *cblue_retriever_ngram_new(CblueTokenizer *tokenizer, const CblueNgramParams *params,
					       const gchar *code_id);
void cblue_retriever_ngram_set_cache_dir(CblueRetrieverNgram *self, const gchar *cache_dir);
void cblue_retriever_ngram_set_build_threads(CblueRetrieverNgram *self, guint n_threads);
gboolean cblue_retriever_ngram_set_synonyms_dir(CblueRetrieverNgram *self, const gchar *dir, gboolean watch,
						GError **error);
gboolean cblue_retriever_ngram_reload_synonyms(CblueRetrieverNgram *self, GError **error);
guint cblue_retriever_ngram_get_n_builds(CblueRetrieverNgram *self);
guint cblue_retriever_ngram_get_n_analyzed(CblueRetrieverNgram *self);
CblueNgramIndex *cblue_retriever_ngram_get_index(CblueRetrieverNgram *self);

G_END_DECLS
