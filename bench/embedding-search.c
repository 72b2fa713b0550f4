/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* The cost of retrieval-embedding's brute-force cosine search: a matrix of ROWS random unit
 * vectors of DIMS float32 (as many topics as rows), one question at a time; prints the
 * median and 99th percentile per search and the matrix's size. A benchmark, not a test. */

#include "config.h"

#include <stdio.h>

#include "cblue-embedding-matrix.h"

static gint
compare_gint64(gconstpointer a, gconstpointer b)
{
	gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;
	return x < y ? -1 : x > y;
}

static void
bench(guint rows, guint dims, guint runs)
{
	g_autoptr(CblueEmbeddingMatrix) matrix = cblue_embedding_matrix_new(dims);
	g_autofree gfloat *row = g_new(gfloat, dims);
	g_autofree gfloat *query = g_new(gfloat, dims);
	g_autoptr(GArray) times = g_array_new(FALSE, FALSE, sizeof(gint64));
	GRand *rand = g_rand_new_with_seed(42);

	for (guint r = 0; r < rows; r++) {
		g_autofree gchar *topic = g_strdup_printf("topic-%u", r);
		for (guint i = 0; i < dims; i++)
			row[i] = (gfloat)g_rand_double_range(rand, -1, 1);
		cblue_embedding_matrix_add(matrix, topic, "h", row, 1);
	}
	for (guint n = 0; n < runs; n++) {
		g_autoptr(GPtrArray) hits = NULL;
		gint64 t0;
		for (guint i = 0; i < dims; i++)
			query[i] = (gfloat)g_rand_double_range(rand, -1, 1);
		t0 = g_get_monotonic_time();
		hits = cblue_embedding_matrix_search(matrix, query, 5, -1.0, 1.0);
		t0 = g_get_monotonic_time() - t0;
		g_array_append_val(times, t0);
	}
	g_array_sort(times, compare_gint64);
	printf("embedding search: %u rows × %u dimensions (%.1f MB): p50 %.3f ms, p99 %.3f ms\n", rows, dims,
	       cblue_embedding_matrix_get_memory_size(matrix) / 1e6, g_array_index(times, gint64, runs / 2) / 1000.0,
	       g_array_index(times, gint64, runs * 99 / 100) / 1000.0);
	g_rand_free(rand);
}

int
main(int argc, char **argv)
{
	bench(1485, 256, 400);	/* the bundled KB with the test fake's vectors */
	bench(1485, 1536, 200);	/* the same with OpenAI text-embedding-3-small */
	bench(100000, 256, 40); /* a large KB */
	return 0;
}
