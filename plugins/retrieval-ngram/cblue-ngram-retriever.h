/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue-ngram-index.h"
#include "cblue-retrieval-holder.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_RETRIEVER_NGRAM (cblue_retriever_ngram_get_type())
G_DECLARE_FINAL_TYPE(CblueRetrieverNgram, cblue_retriever_ngram, CBLUE, RETRIEVER_NGRAM, GObject)

CblueRetrieverNgram *cblue_retriever_ngram_new(CblueTokenizer *tokenizer, const CblueNgramParams *params,
					       const gchar *code_id);
CblueRetrievalHolder *cblue_retriever_ngram_get_holder(CblueRetrieverNgram *self);
CblueNgramIndex *cblue_retriever_ngram_get_index(CblueRetrieverNgram *self);

G_END_DECLS
