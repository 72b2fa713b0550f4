/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue-bm25-index.h"
#include "cblue-retrieval-holder.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_RETRIEVER_BM25 (cblue_retriever_bm25_get_type())
G_DECLARE_FINAL_TYPE(CblueRetrieverBm25, cblue_retriever_bm25, CBLUE, RETRIEVER_BM25, GObject)

CblueRetrieverBm25 *cblue_retriever_bm25_new(CblueTokenizer *tokenizer, const CblueBm25Params *params,
					     const gchar *code_id);
CblueRetrievalHolder *cblue_retriever_bm25_get_holder(CblueRetrieverBm25 *self);
CblueBm25Index *cblue_retriever_bm25_get_index(CblueRetrieverBm25 *self);

G_END_DECLS
