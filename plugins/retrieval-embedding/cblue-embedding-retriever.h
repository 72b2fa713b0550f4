/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue-embedding-matrix.h"
#include "cblue-openai-common.h"

G_BEGIN_DECLS

typedef struct {
	guint batch_size; /* texts per request at index time */
	guint max_chars; /* each text is cut to this many characters */
	guint query_timeout_ms; /* a question's embedding, else the other retrievers answer alone */
	guint breaker_ms; /* after a failure, questions skip the provider this long */
	gdouble low; /* cosine at or below which a topic is no hit (confidence 0) */
	gdouble high; /* cosine at which the confidence reaches 1 */
	gchar *query_prefix; /* owned: put before each question (e.g. "query: " for E5 models) */
	gchar *document_prefix; /* owned: put before each KB text */
} CblueEmbeddingParams;

void cblue_embedding_params_init_default(CblueEmbeddingParams *params);
void cblue_embedding_params_clear(CblueEmbeddingParams *params);

#define CBLUE_TYPE_RETRIEVER_EMBEDDING (cblue_retriever_embedding_get_type())
G_DECLARE_FINAL_TYPE(CblueRetrieverEmbedding, cblue_retriever_embedding, CBLUE, RETRIEVER_EMBEDDING, GObject)

CblueRetrieverEmbedding *cblue_retriever_embedding_new(CblueOpenaiClient *client, const CblueEmbeddingParams *params,
						       CblueContext *context);
guint cblue_retriever_embedding_get_n_embedded(CblueRetrieverEmbedding *self);
CblueEmbeddingMatrix *cblue_retriever_embedding_get_matrix(CblueRetrieverEmbedding *self);
gchar *cblue_retriever_embedding_content_hash(const gchar *const *texts);
GPtrArray *cblue_retriever_embedding_entry_texts(CblueRetrieverEmbedding *self, CblueKbEntry *entry);

G_END_DECLS
