/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cblue-embedding-matrix.h"

/*
 * Brute force, on purpose: a KB has thousands of topics, not millions, and a scan of a
 * contiguous float32 matrix runs at memory speed (45 topics × 33 rows × 256 dimensions is
 * 1.5 MB, scanned in well under a millisecond; see docs/quality.md). An approximate index
 * (HNSW, IVF) would add memory, build time and recall loss for no measured gain at that
 * size.
 *
 * The dot product keeps eight independent partial sums, so that the compiler can put
 * them in SIMD lanes without reassociating a single sum (which it may not do without
 * -ffast-math): with GCC at -O2 the loop becomes packed multiplies and adds.
 */

struct _CblueEmbeddingMatrix {
	guint dimensions;
	GArray *rows; /* owned: of gfloat, n_rows × dimensions, unit rows */
	GArray *first_row; /* owned: of guint32, n_topics + 1, each topic's first row */
	GPtrArray *topic_ids; /* owned: of utf8 */
	GPtrArray *hashes; /* owned: of utf8, each topic's content hash */
	GHashTable *by_topic; /* owned: topic id (borrowed) → index + 1 */
};

CblueEmbeddingMatrix *
cblue_embedding_matrix_new(guint dimensions)
{
	CblueEmbeddingMatrix *self = g_atomic_rc_box_new0(CblueEmbeddingMatrix);
	guint32 zero = 0;
	self->dimensions = dimensions;
	self->rows = g_array_new(FALSE, FALSE, sizeof(gfloat));
	self->first_row = g_array_new(FALSE, FALSE, sizeof(guint32));
	g_array_append_val(self->first_row, zero);
	self->topic_ids = g_ptr_array_new_with_free_func(g_free);
	self->hashes = g_ptr_array_new_with_free_func(g_free);
	self->by_topic = g_hash_table_new(g_str_hash, g_str_equal);
	return self;
}

gfloat
cblue_embedding_dot(const gfloat *restrict a, const gfloat *restrict b, guint n)
{
	gfloat acc[8] = {0};
	gfloat sum = 0;
	gsize i = 0;

	for (; i + 8 <= n; i += 8) {
		const gfloat *restrict pa = a + i;
		const gfloat *restrict pb = b + i;
		for (gsize j = 0; j < 8; j++)
			acc[j] += pa[j] * pb[j];
	}
	for (; i < n; i++)
		sum += a[i] * b[i];
	return sum + ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
}

void
cblue_embedding_matrix_add(CblueEmbeddingMatrix *self, const gchar *topic_id, const gchar *content_hash,
			   const gfloat *vectors, guint n_rows)
{
	guint32 end;
	for (guint r = 0; r < n_rows; r++) {
		const gfloat *row = vectors + (gsize)r * self->dimensions;
		gdouble norm = sqrt(cblue_embedding_dot(row, row, self->dimensions));
		guint base = self->rows->len;
		if (!(norm > 0) || !isfinite(norm))
			continue;
		g_array_set_size(self->rows, base + self->dimensions);
		for (guint i = 0; i < self->dimensions; i++)
			g_array_index(self->rows, gfloat, base + i) = (gfloat)(row[i] / norm);
	}
	end = self->rows->len / self->dimensions;
	g_array_append_val(self->first_row, end);
	g_ptr_array_add(self->topic_ids, g_strdup(topic_id));
	g_ptr_array_add(self->hashes, g_strdup(content_hash));
	g_hash_table_insert(self->by_topic, g_ptr_array_index(self->topic_ids, self->topic_ids->len - 1),
			    GUINT_TO_POINTER(self->topic_ids->len));
}

static void
cblue_embedding_matrix_clear(gpointer data)
{
	CblueEmbeddingMatrix *self = data;
	g_hash_table_unref(self->by_topic);
	g_array_unref(self->rows);
	g_array_unref(self->first_row);
	g_ptr_array_unref(self->topic_ids);
	g_ptr_array_unref(self->hashes);
}

CblueEmbeddingMatrix *
cblue_embedding_matrix_ref(CblueEmbeddingMatrix *self)
{
	return g_atomic_rc_box_acquire(self);
}

void
cblue_embedding_matrix_unref(CblueEmbeddingMatrix *self)
{
	g_atomic_rc_box_release_full(self, cblue_embedding_matrix_clear);
}

guint
cblue_embedding_matrix_get_dimensions(CblueEmbeddingMatrix *self)
{
	return self->dimensions;
}

guint
cblue_embedding_matrix_get_n_topics(CblueEmbeddingMatrix *self)
{
	return self->topic_ids->len;
}

guint
cblue_embedding_matrix_get_n_rows(CblueEmbeddingMatrix *self)
{
	return self->rows->len / MAX(self->dimensions, 1);
}

/* the matrix and the row offsets (topic ids and the lookup table aside) */
gsize
cblue_embedding_matrix_get_memory_size(CblueEmbeddingMatrix *self)
{
	return (gsize)self->rows->len * sizeof(gfloat) + (gsize)self->first_row->len * sizeof(guint32);
}

const gfloat *
cblue_embedding_matrix_lookup(CblueEmbeddingMatrix *self, const gchar *topic_id, const gchar *content_hash,
			      guint *n_rows)
{
	guint t = GPOINTER_TO_UINT(g_hash_table_lookup(self->by_topic, topic_id));
	guint32 first, end;

	if (t == 0 || g_strcmp0(g_ptr_array_index(self->hashes, t - 1), content_hash) != 0)
		return NULL;
	first = g_array_index(self->first_row, guint32, t - 1);
	end = g_array_index(self->first_row, guint32, t);
	*n_rows = end - first;
	return &g_array_index(self->rows, gfloat, (gsize)first * self->dimensions);
}

GPtrArray *
cblue_embedding_matrix_search(CblueEmbeddingMatrix *self, const gfloat *query, guint max_hits, gdouble low,
			      gdouble high)
{
	GPtrArray *hits = g_ptr_array_new_with_free_func(g_object_unref);
	g_autofree gfloat *q = g_new(gfloat, MAX(self->dimensions, 1));
	g_autofree guint *best = g_new(guint, MAX(max_hits, 1));
	g_autofree gfloat *scores = g_new(gfloat, MAX(self->topic_ids->len, 1));
	const gfloat *rows = (const gfloat *)self->rows->data;
	gdouble norm = sqrt(cblue_embedding_dot(query, query, self->dimensions));
	guint n_best = 0;

	if (!(norm > 0) || !isfinite(norm))
		return hits;
	for (guint i = 0; i < self->dimensions; i++)
		q[i] = (gfloat)(query[i] / norm);
	for (guint t = 0; t < self->topic_ids->len; t++) {
		guint32 first = g_array_index(self->first_row, guint32, t);
		guint32 end = g_array_index(self->first_row, guint32, t + 1);
		gfloat s = -2.0f;
		for (guint32 r = first; r < end; r++) {
			gfloat dot = cblue_embedding_dot(rows + (gsize)r * self->dimensions, q, self->dimensions);
			s = MAX(s, dot);
		}
		scores[t] = s;
	}
	/* the best max_hits topics above the floor (ties: topic order) */
	for (guint t = 0; t < self->topic_ids->len && max_hits > 0; t++) {
		guint pos;
		if (scores[t] <= low)
			continue;
		if (n_best == max_hits && scores[t] <= scores[best[n_best - 1]])
			continue;
		pos = n_best < max_hits ? n_best++ : n_best - 1;
		while (pos > 0 && scores[best[pos - 1]] < scores[t]) {
			best[pos] = best[pos - 1];
			pos--;
		}
		best[pos] = t;
	}
	for (guint i = 0; i < n_best; i++) {
		guint t = best[i];
		gdouble confidence = high > low ? CLAMP((scores[t] - low) / (high - low), 0.0, 1.0) : 1.0;
		g_ptr_array_add(hits, cblue_hit_new(g_ptr_array_index(self->topic_ids, t), scores[t], confidence));
	}
	return hits;
}
