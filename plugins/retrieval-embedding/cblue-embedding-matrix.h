/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"

G_BEGIN_DECLS

/* The vectors of a KB, for brute-force cosine search: every row scaled to unit length and
 * stored back to back (one contiguous float32 matrix), each topic's rows together. */
typedef struct _CblueEmbeddingMatrix CblueEmbeddingMatrix;

CblueEmbeddingMatrix *cblue_embedding_matrix_new(guint dimensions);
/* appends a topic with @n_rows rows of @vectors; the rows are normalized (zero rows are
 * dropped); @content_hash identifies the embedded texts */
void cblue_embedding_matrix_add(CblueEmbeddingMatrix *self, const gchar *topic_id, const gchar *content_hash,
				const gfloat *vectors, guint n_rows);
CblueEmbeddingMatrix *cblue_embedding_matrix_ref(CblueEmbeddingMatrix *self);
void cblue_embedding_matrix_unref(CblueEmbeddingMatrix *self);
guint cblue_embedding_matrix_get_dimensions(CblueEmbeddingMatrix *self);
guint cblue_embedding_matrix_get_n_topics(CblueEmbeddingMatrix *self);
guint cblue_embedding_matrix_get_n_rows(CblueEmbeddingMatrix *self);
gsize cblue_embedding_matrix_get_memory_size(CblueEmbeddingMatrix *self);
/* the (normalized) rows of @topic_id if its content hash is @content_hash, else NULL */
const gfloat *cblue_embedding_matrix_lookup(CblueEmbeddingMatrix *self, const gchar *topic_id,
					    const gchar *content_hash, guint *n_rows);
gfloat cblue_embedding_dot(const gfloat *a, const gfloat *b, guint n);
/* the best @max_hits topics for @query (not necessarily normalized): the score of a topic
 * is the cosine of its closest row; the confidence maps the cosine from @low..@high to
 * 0..1; topics at or below @low are left out */
GPtrArray *cblue_embedding_matrix_search(CblueEmbeddingMatrix *self, const gfloat *query, guint max_hits,
					 gdouble low, gdouble high);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueEmbeddingMatrix, cblue_embedding_matrix_unref)

G_END_DECLS
