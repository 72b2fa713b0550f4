/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue-bm25-index.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_RETRIEVER_BM25 (cblue_retriever_bm25_get_type())
G_DECLARE_FINAL_TYPE(CblueRetrieverBm25, cblue_retriever_bm25, CBLUE, RETRIEVER_BM25, GObject)

CblueRetrieverBm25 *cblue_retriever_bm25_new(CblueTokenizer *tokenizer, const CblueBm25Params *params,
					     const gchar *code_id);
void cblue_retriever_bm25_set_cache_dir(CblueRetrieverBm25 *self, const gchar *cache_dir);
void cblue_retriever_bm25_set_build_threads(CblueRetrieverBm25 *self, guint n_threads);
gboolean cblue_retriever_bm25_set_synonyms_dir(CblueRetrieverBm25 *self, const gchar *dir, gboolean watch,
					       GError **error);
gboolean cblue_retriever_bm25_reload_synonyms(CblueRetrieverBm25 *self, GError **error);
CblueRetrievalSynonyms *cblue_retriever_bm25_get_synonyms(CblueRetrieverBm25 *self);
guint cblue_retriever_bm25_get_n_builds(CblueRetrieverBm25 *self);
guint cblue_retriever_bm25_get_n_analyzed(CblueRetrieverBm25 *self);
CblueBm25Index *cblue_retriever_bm25_get_index(CblueRetrieverBm25 *self);

G_END_DECLS
