/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cblue-retrieval-chunks.h"
#include "cblue-retrieval-common.h"

static GBytes *
make_sample(void)
{
	GByteArray *out = cblue_retrieval_writer_new("CBLUETS", 7, 0);
	gdouble pi = 3.25;
	cblue_retrieval_put_u32(out, 42);
	cblue_retrieval_put_str(out, "ติดตั้ง 太阳能");
	cblue_retrieval_put(out, &pi, sizeof(pi));
	return cblue_retrieval_writer_finish(out);
}

static void
test_round_trip(void)
{
	g_autoptr(GBytes) bytes = make_sample();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *str = NULL;
	CblueRetrievalReader r;
	gdouble pi = 0;

	g_assert_true(cblue_retrieval_reader_init(&r, bytes, "CBLUETS", 7, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(cblue_retrieval_get_u32(&r), ==, 42);
	str = cblue_retrieval_get_str(&r);
	g_assert_cmpstr(str, ==, "ติดตั้ง 太阳能");
	g_assert_true(cblue_retrieval_get(&r, &pi, sizeof(pi)));
	g_assert_cmpfloat(pi, ==, 3.25);
	g_assert_true(cblue_retrieval_reader_finish(&r, &error));
	/* reading past the end fails, and stays failed */
	g_assert_cmpuint(cblue_retrieval_get_u32(&r), ==, 0);
	g_assert_true(r.failed);
	g_assert_null(cblue_retrieval_get_dup(&r, 1));
	g_assert_false(cblue_retrieval_reader_finish(&r, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
}

static void
test_rejects_bad_data(void)
{
	g_autoptr(GBytes) bytes = make_sample();
	gsize size = 0;
	const guint8 *data = g_bytes_get_data(bytes, &size);
	CblueRetrievalReader r;

	/* another format, another magic */
	{
		g_autoptr(GError) error = NULL;
		g_assert_false(cblue_retrieval_reader_init(&r, bytes, "CBLUETS", 8, &error));
		g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	}
	{
		g_autoptr(GError) error = NULL;
		g_assert_false(cblue_retrieval_reader_init(&r, bytes, "CBLUEXX", 7, &error));
		g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	}
	/* every truncation and every flipped byte is caught */
	for (gsize cut = 0; cut < size; cut++) {
		g_autoptr(GBytes) part = g_bytes_new(data, cut);
		g_autoptr(GError) error = NULL;
		g_assert_false(cblue_retrieval_reader_init(&r, part, "CBLUETS", 7, &error));
		g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	}
	for (gsize i = 0; i < size; i++) {
		g_autofree guint8 *copy = g_memdup2(data, size);
		g_autoptr(GBytes) bad = NULL;
		g_autoptr(GError) error = NULL;
		copy[i] ^= 0x40;
		bad = g_bytes_new(copy, size);
		g_assert_false(cblue_retrieval_reader_init(&r, bad, "CBLUETS", 7, &error));
	}
	/* a string longer than the data */
	{
		GByteArray *out = cblue_retrieval_writer_new("CBLUETS", 7, 0);
		g_autoptr(GBytes) lying = NULL;
		g_autoptr(GError) error = NULL;
		cblue_retrieval_put_u32(out, 1000);
		cblue_retrieval_put(out, "abc", 3);
		lying = cblue_retrieval_writer_finish(out);
		g_assert_true(cblue_retrieval_reader_init(&r, lying, "CBLUETS", 7, &error));
		g_assert_null(cblue_retrieval_get_str(&r));
		g_assert_false(cblue_retrieval_reader_finish(&r, &error));
	}
}

static void
test_cache_files(void)
{
	g_autofree gchar *root = g_dir_make_tmp("cblue-retrieval-XXXXXX", NULL);
	g_autofree gchar *dir = g_build_filename(root, "cache", NULL);
	g_autofree gchar *a = cblue_retrieval_cache_path(dir, "retrieval-test", "aaaa");
	g_autofree gchar *b = cblue_retrieval_cache_path(dir, "retrieval-test", "bbbb");
	g_autofree gchar *other = cblue_retrieval_cache_path(dir, "retrieval-other", "cccc");
	g_autoptr(GBytes) sample = make_sample();
	g_autoptr(GBytes) loaded = NULL;

	g_assert_true(g_str_has_suffix(a, "retrieval-test-aaaa.index"));
	g_assert_null(cblue_retrieval_cache_load(a));
	cblue_retrieval_cache_save(dir, "retrieval-other", other, sample);
	cblue_retrieval_cache_save(dir, "retrieval-test", a, sample);
	loaded = cblue_retrieval_cache_load(a);
	g_assert_nonnull(loaded);
	g_assert_true(g_bytes_equal(loaded, sample));
	/* a new version replaces the old file of its prefix, not the other prefix's */
	cblue_retrieval_cache_save(dir, "retrieval-test", b, sample);
	g_assert_false(g_file_test(a, G_FILE_TEST_EXISTS));
	g_assert_true(g_file_test(b, G_FILE_TEST_EXISTS));
	g_assert_true(g_file_test(other, G_FILE_TEST_EXISTS));
	g_unlink(b);
	g_unlink(other);
	g_rmdir(dir);
	g_rmdir(root);
}

static void
test_hash_entry(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) a = json_from_string("{\"topic_id\":\"t\",\"content\":{\"en\":\"one\"}}", &error);
	g_autoptr(JsonNode) b = json_from_string("{\"topic_id\":\"t\",\"content\":{\"en\":\"two\"}}", &error);
	g_autoptr(CblueKbEntry) ea = cblue_kb_entry_new_from_json(a, NULL, &error);
	g_autoptr(CblueKbEntry) eb = cblue_kb_entry_new_from_json(b, NULL, &error);
	guint64 ha[2] = CBLUE_RETRIEVAL_HASH_INIT, ha2[2] = CBLUE_RETRIEVAL_HASH_INIT, hb[2] = CBLUE_RETRIEVAL_HASH_INIT;

	g_assert_no_error(error);
	cblue_retrieval_hash_entry(ha, ea);
	cblue_retrieval_hash_entry(ha2, ea);
	cblue_retrieval_hash_entry(hb, eb);
	g_assert_cmpmem(ha, sizeof(ha), ha2, sizeof(ha2));
	g_assert_true(ha[0] != hb[0] || ha[1] != hb[1]);
}

/* a record as the indexes have them: a 64-bit key, then 8 bytes of payload */
typedef struct {
	guint64 key;
	guint32 id;
	guint32 other;
} Record;

/* @n records with keys of few distinct values (many equal ones), ids in input order */
static Record *
make_records(guint n, guint n_keys, guint32 seed)
{
	g_autoptr(GRand) rand = g_rand_new_with_seed(seed);
	Record *a = g_new(Record, n);
	for (guint i = 0; i < n; i++) {
		/* the distinct values differ in their top bits and share low ones */
		a[i].key = ((guint64)g_rand_int_range(rand, 0, n_keys) << 58) | 7;
		a[i].id = i;
		a[i].other = n - i;
	}
	return a;
}

static guint64
hash_ids(const Record *a, guint n)
{
	guint64 h = 0xcbf29ce484222325ULL;
	for (guint i = 0; i < n; i++) {
		h ^= a[i].id;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static void
assert_sorted(const Record *a, guint n, gboolean stable)
{
	for (guint i = 1; i < n; i++) {
		g_assert_cmpuint(a[i - 1].key, <=, a[i].key);
		if (stable && a[i - 1].key == a[i].key)
			g_assert_cmpuint(a[i - 1].id, <, a[i].id);
	}
	for (guint i = 0; i < n; i++)
		g_assert_cmpuint(a[i].other, ==, n - a[i].id); /* each payload moved with its key */
}

static void
test_sort_records(void)
{
	g_autofree Record *a = make_records(1000, 40, 20261126);
	g_autofree Record *few = make_records(12, 3, 7);
	guint64 keys[] = {G_MAXUINT64, 5, 0, 5, 1ULL << 63, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 42, 17, 1};
	gsize n_keys = G_N_ELEMENTS(keys);

	/* the order of equal keys the indexes had before this sort was shared (their index
	 * files and results depend on it): the ids after the old code's sort, hashed */
	cblue_retrieval_sort_records(a, 1000, sizeof(Record));
	assert_sorted(a, 1000, FALSE);
	g_assert_cmpuint(hash_ids(a, 1000), ==, G_GUINT64_CONSTANT(14775165285646211837));
	g_assert_cmpuint(a[0].id, ==, 30);
	g_assert_cmpuint(a[3].id, ==, 117);
	/* 16 records or fewer: an insertion sort, which keeps equal keys in order */
	cblue_retrieval_sort_records(few, 12, sizeof(Record));
	assert_sorted(few, 12, TRUE);

	cblue_retrieval_sort_records(keys, n_keys, sizeof(guint64));
	for (gsize i = 1; i < n_keys; i++)
		g_assert_cmpuint(keys[i - 1], <=, keys[i]);
	g_assert_cmpuint(keys[0], ==, 0);
	g_assert_cmpuint(keys[n_keys - 1], ==, G_MAXUINT64);
	cblue_retrieval_sort_records(NULL, 0, sizeof(Record));
}

static void
test_radix_sort_records(void)
{
	g_autofree Record *a = make_records(5000, 50, 3);
	g_autofree Record *b = g_new(Record, 4);
	guint64 keys[] = {0x0001000000000000ULL, 0xffff, 0x10000, 0, G_MAXUINT64, 0x100000000ULL};

	cblue_retrieval_radix_sort_records(a, 5000, sizeof(Record));
	assert_sorted(a, 5000, TRUE);
	/* keys that differ in one 16-bit digit each */
	for (guint i = 0; i < 4; i++)
		b[i] = (Record){(guint64)1 << (16 * (3 - i)), i, 4 - i};
	cblue_retrieval_radix_sort_records(b, 4, sizeof(Record));
	assert_sorted(b, 4, TRUE);
	g_assert_cmpuint(b[0].id, ==, 3);
	g_assert_cmpuint(b[3].id, ==, 0);
	cblue_retrieval_radix_sort_records(keys, G_N_ELEMENTS(keys), sizeof(guint64));
	for (gsize i = 1; i < G_N_ELEMENTS(keys); i++)
		g_assert_cmpuint(keys[i - 1], <, keys[i]);
	cblue_retrieval_radix_sort_records(NULL, 0, sizeof(Record));
}

/* records split into GArrays of uneven sizes (and an empty one), sorted from the arrays as
 * one: the same order as the stable radix sort of them all */
static void
test_bucket_sort_parts(void)
{
	const guint n = 20000;
	g_autofree Record *expected = make_records(n, 300, 20261129);
	g_autofree Record *sorted = NULL;
	g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
	g_autoptr(GRand) rand = g_rand_new_with_seed(5);
	guint i = 0;

	/* the keys spread over every bucket (top 16 bits) too, some buckets holding several */
	for (guint k = 0; k < n; k++)
		expected[k].key ^= (guint64)g_rand_int_range(rand, 0, 4000) << 40;
	g_ptr_array_add(parts, g_array_new(FALSE, FALSE, sizeof(Record)));
	while (i < n) {
		guint len = MIN(n - i, (guint)g_rand_int_range(rand, 1, 3000));
		GArray *part = g_array_sized_new(FALSE, FALSE, sizeof(Record), len);
		g_array_append_vals(part, expected + i, len);
		g_ptr_array_add(parts, part);
		i += len;
	}
	sorted = cblue_retrieval_bucket_sort_parts(parts, n);
	g_assert_cmpuint(parts->len, ==, 0);
	cblue_retrieval_radix_sort_records(expected, n, sizeof(Record));
	assert_sorted(sorted, n, TRUE);
	g_assert_cmpmem(sorted, n * sizeof(Record), expected, n * sizeof(Record));
	g_clear_pointer(&sorted, g_free);

	/* one record, and none */
	g_ptr_array_add(parts, g_array_new(FALSE, FALSE, sizeof(Record)));
	g_array_append_vals(g_ptr_array_index(parts, 0), expected, 1);
	sorted = cblue_retrieval_bucket_sort_parts(parts, 1);
	g_assert_cmpuint(sorted[0].key, ==, expected[0].key);
	g_clear_pointer(&sorted, g_free);
	sorted = cblue_retrieval_bucket_sort_parts(parts, 0);
	g_assert_nonnull(sorted);
}

/* two runs in (key, document) order merged, into a third array and in place (the second run
 * the output's tail): the same records as sorting both */
static void
test_merge_records(void)
{
	const guint n_a = 700, n_b = 1300;
	g_autofree Record *expected = g_new(Record, n_a + n_b);
	g_autofree Record *a = g_new(Record, n_a);
	g_autofree Record *out = g_new(Record, n_a + n_b);
	g_autofree Record *in_place = g_new(Record, n_a + n_b);
	g_autoptr(GRand) rand = g_rand_new_with_seed(29);

	/* documents 0..1999 shared out between a and b at random, each with a few keys */
	for (guint d = 0, i = 0, j = 0; d < n_a + n_b; d++) {
		gboolean to_a = i < n_a && (j == n_b || g_rand_int_range(rand, 0, n_a + n_b) < (gint32)n_a);
		Record r = {(guint64)g_rand_int_range(rand, 0, 40) << 50, d, d * 3};
		if (to_a)
			a[i++] = r;
		else
			in_place[n_a + j++] = r;
		expected[d] = r;
	}
	cblue_retrieval_radix_sort_records(a, n_a, sizeof(Record));
	cblue_retrieval_radix_sort_records(in_place + n_a, n_b, sizeof(Record));
	cblue_retrieval_radix_sort_records(expected, n_a + n_b, sizeof(Record));
	cblue_retrieval_merge_records(a, n_a, in_place + n_a, n_b, out);
	g_assert_cmpmem(out, (n_a + n_b) * sizeof(Record), expected, (n_a + n_b) * sizeof(Record));
	cblue_retrieval_merge_records(a, n_a, in_place + n_a, n_b, in_place);
	g_assert_cmpmem(in_place, (n_a + n_b) * sizeof(Record), expected, (n_a + n_b) * sizeof(Record));
}

static void
test_sort_records_by_u32(void)
{
	g_autofree Record *a = make_records(300, 5, 11);
	guint32 last[8];

	for (guint i = 0; i < 300; i++)
		a[i].id = (guint32)(a[i].key >> 58); /* the sort's value: 0 to 4, in a shuffled order */
	for (guint i = 0; i < 300; i++)
		a[i].other = i;
	cblue_retrieval_sort_records_by_u32(a, 300, 8);
	memset(last, 0, sizeof(last));
	for (guint i = 0; i < 300; i++) {
		if (i > 0) {
			g_assert_cmpuint(a[i - 1].id, <=, a[i].id);
			if (a[i - 1].id == a[i].id)
				g_assert_cmpuint(a[i - 1].other, <, a[i].other); /* stable */
		}
		g_assert_cmpuint(a[i].id, ==, (guint32)(a[i].key >> 58));
	}
	cblue_retrieval_sort_records_by_u32(NULL, 0, 8);
}

static void
assert_dir(const guint64 *keys, guint32 n, guint min_bits, guint max_bits)
{
	guint bits = 99;
	g_autofree guint32 *dir = cblue_retrieval_dir_new(keys, n, min_bits, max_bits, &bits);

	g_assert_cmpuint(bits, >=, min_bits);
	g_assert_cmpuint(bits, <=, max_bits);
	g_assert_cmpuint(dir[(gsize)1 << bits], ==, n);
	for (guint32 i = 0; i < n; i++) {
		g_assert_cmpint(cblue_retrieval_dir_lookup(keys, dir, bits, keys[i]), ==, i);
		/* the keys are even: an odd one is absent */
		g_assert_cmpint(cblue_retrieval_dir_lookup(keys, dir, bits, keys[i] + 1), ==, -1);
		if (keys[i] > 0)
			g_assert_cmpint(cblue_retrieval_dir_lookup(keys, dir, bits, keys[i] - 1), ==, -1);
	}
	g_assert_cmpint(cblue_retrieval_dir_lookup(keys, dir, bits, G_MAXUINT64), ==, -1);
}

static void
test_dir(void)
{
	g_autoptr(GRand) rand = g_rand_new_with_seed(5);
	g_autofree guint64 *keys = g_new(guint64, 10000);
	guint64 edge[] = {0, 2, 1ULL << 62, (1ULL << 63) - 2, 1ULL << 63, G_MAXUINT64 - 1};
	guint bits = 99;
	g_autofree guint32 *empty = cblue_retrieval_dir_new(NULL, 0, 0, 24, &bits);

	/* no keys: one entry (bits 0) or two (bits 1), and nothing found */
	g_assert_cmpuint(bits, ==, 0);
	g_assert_cmpint(cblue_retrieval_dir_lookup(NULL, empty, bits, 42), ==, -1);
	for (guint i = 0; i < 10000; i++)
		keys[i] = ((guint64)g_rand_int(rand) << 32 | g_rand_int(rand)) & ~(guint64)1;
	cblue_retrieval_sort_records(keys, 10000, sizeof(guint64));
	g_assert_true(keys[0] != keys[1]); /* (distinct with this seed) */
	/* the two indexes' ranges of bits, with a directory far too small or just right */
	assert_dir(keys, 10000, 0, 24);
	assert_dir(keys, 10000, 1, 20);
	assert_dir(keys, 10000, 0, 2);
	assert_dir(keys, 3, 0, 24);
	assert_dir(keys, 1, 1, 20);
	assert_dir(edge, G_N_ELEMENTS(edge), 0, 24);
	assert_dir(edge, G_N_ELEMENTS(edge), 1, 20);
	/* a directory of two to four keys an entry: 10,000 keys, 4,096 entries */
	g_free(cblue_retrieval_dir_new(keys, 10000, 0, 24, &bits));
	g_assert_cmpuint(bits, ==, 12);
}

static void
test_lower_bound(void)
{
	const guint32 a[] = {1, 3, 3, 3, 8, 20};

	g_assert_cmpuint(cblue_retrieval_lower_bound_u32(a, 0, 6, 0), ==, 0);
	g_assert_cmpuint(cblue_retrieval_lower_bound_u32(a, 0, 6, 3), ==, 1);
	g_assert_cmpuint(cblue_retrieval_lower_bound_u32(a, 0, 6, 4), ==, 4);
	g_assert_cmpuint(cblue_retrieval_lower_bound_u32(a, 0, 6, 21), ==, 6);
	g_assert_cmpuint(cblue_retrieval_lower_bound_u32(a, 2, 4, 1), ==, 2);
	g_assert_cmpuint(cblue_retrieval_lower_bound_u32(a, 2, 4, 9), ==, 4);
	g_assert_cmpuint(cblue_retrieval_lower_bound_u32(a, 3, 3, 9), ==, 3);
}

static CblueKbEntry *
make_entry(const gchar *topic_id, const gchar *content)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *json = g_strdup_printf("{\"topic_id\":\"%s\",\"content\":{\"en\":\"%s\"}}", topic_id, content);
	g_autoptr(JsonNode) node = json_from_string(json, &error);
	CblueKbEntry *entry;

	g_assert_no_error(error);
	entry = cblue_kb_entry_new_from_json(node, NULL, &error);
	g_assert_no_error(error);
	return entry;
}

static void
test_reuse(void)
{
	g_autoptr(CblueKbEntry) one = make_entry("t1", "one");
	g_autoptr(CblueKbEntry) two = make_entry("t2", "two");
	g_autoptr(CblueKbEntry) changed = make_entry("t2", "three");
	g_autoptr(CblueKbEntry) other = make_entry("t3", "one");
	g_autoptr(GPtrArray) old_ids = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) new_ids = g_ptr_array_new_with_free_func(g_free);
	guint64 old_hashes[4], new_hashes[8], hash[2] = CBLUE_RETRIEVAL_HASH_INIT;
	g_auto(CblueRetrievalReuse) none = {NULL, NULL, NULL, 0};
	g_auto(CblueRetrievalReuse) reuse = {NULL, NULL, NULL, 0};

	/* no previous index: nothing reused, the hashes and topic ids noted all the same */
	cblue_retrieval_reuse_init(&none, NULL, NULL);
	g_assert_cmpint(cblue_retrieval_reuse_entry(&none, one, 0, old_hashes, old_ids), ==, -1);
	g_assert_cmpint(cblue_retrieval_reuse_entry(&none, two, 1, old_hashes, old_ids), ==, -1);
	g_assert_cmpstr(g_ptr_array_index(old_ids, 1), ==, "t2");
	cblue_retrieval_hash_entry(hash, two);
	g_assert_cmpmem(hash, sizeof(hash), old_hashes + 2, sizeof(hash));

	cblue_retrieval_reuse_init(&reuse, old_ids, old_hashes);
	g_assert_cmpuint(reuse.n_old, ==, 2);
	/* new order: t3 (new topic, same text as t1), t2 changed, t1 unchanged, t1 twice */
	g_assert_cmpint(cblue_retrieval_reuse_entry(&reuse, other, 0, new_hashes, new_ids), ==, -1);
	g_assert_cmpint(cblue_retrieval_reuse_entry(&reuse, changed, 1, new_hashes, new_ids), ==, -1);
	g_assert_cmpint(cblue_retrieval_reuse_entry(&reuse, one, 2, new_hashes, new_ids), ==, 0);
	g_assert_cmpint(cblue_retrieval_reuse_entry(&reuse, one, 3, new_hashes, new_ids), ==, -1);
	g_assert_cmpuint(reuse.old_to_new[0], ==, 2);
	g_assert_cmpuint(reuse.old_to_new[1], ==, G_MAXUINT32);
	g_assert_cmpuint(new_ids->len, ==, 4);
	g_assert_cmpmem(new_hashes + 4, 2 * sizeof(guint64), old_hashes, 2 * sizeof(guint64));
}

/* a run of cblue_retrieval_run_chunks(): what the chunks saw */
typedef struct {
	GThread *caller; /* the thread that runs the chunks */
	gint n_threads_seen; /* (atomic) analyzers made */
	guint next; /* the next document the merge expects */
	guint n_merged_elsewhere; /* chunks analyzed on another thread than the caller */
} ChunkRun;

static gpointer
chunk_analyzer_new(gpointer user_data)
{
	ChunkRun *run = user_data;
	g_atomic_int_inc(&run->n_threads_seen);
	return g_thread_self();
}

static void
chunk_analyzer_free(gpointer analyzer)
{
	g_assert_true(analyzer == g_thread_self());
}

/* a chunk's result: its documents, and the thread that analyzed them */
static gpointer
chunk_analyze(gpointer analyzer, guint first, guint last, gpointer user_data)
{
	GArray *docs = g_array_new(FALSE, FALSE, sizeof(guint));
	guint elsewhere = analyzer != ((ChunkRun *)user_data)->caller;
	g_assert_true(analyzer == g_thread_self());
	g_assert_cmpuint(first, <, last);
	/* uneven chunks: some finish after later ones */
	if (first % 3 == 0)
		g_usleep(200);
	for (guint d = first; d < last; d++)
		g_array_append_val(docs, d);
	g_array_append_val(docs, elsewhere);
	return docs;
}

static void
chunk_merge(gpointer chunk, guint first, guint last, gpointer user_data)
{
	ChunkRun *run = user_data;
	GArray *docs = chunk;

	g_assert_true(g_thread_self() == run->caller);
	g_assert_cmpuint(first, ==, run->next);
	g_assert_cmpuint(docs->len, ==, last - first + 1);
	for (guint i = 0; i < last - first; i++)
		g_assert_cmpuint(g_array_index(docs, guint, i), ==, first + i);
	run->n_merged_elsewhere += g_array_index(docs, guint, last - first);
	run->next = last;
	g_array_unref(docs);
}

/* Every document is analyzed once, on the caller or the threads it starts, and the chunks
 * are merged on the caller in document order, however the threads finish. */
static void
test_run_chunks(void)
{
	static const CblueRetrievalChunkFuncs funcs = {chunk_analyzer_new, chunk_analyzer_free, chunk_analyze,
						       chunk_merge};
	const guint n_docs[] = {0, 1, 7, 1000, 5000};
	const guint n_threads[] = {1, 2, 5};

	for (guint i = 0; i < G_N_ELEMENTS(n_docs); i++) {
		for (guint t = 0; t < G_N_ELEMENTS(n_threads); t++) {
			ChunkRun run = {g_thread_self(), 0, 0, 0};
			cblue_retrieval_run_chunks(n_docs[i], n_threads[t], &funcs, &run);
			g_assert_cmpuint(run.next, ==, n_docs[i]);
			/* each thread made an analyzer (the caller too) */
			g_assert_cmpint(run.n_threads_seen, <=, (gint)n_threads[t]);
			g_assert_cmpint(run.n_threads_seen, >=, 1);
			if (n_threads[t] == 1)
				g_assert_cmpuint(run.n_merged_elsewhere, ==, 0);
			if (n_docs[i] >= 1000)
				g_assert_cmpint(run.n_threads_seen, ==, (gint)n_threads[t]);
		}
	}
	/* the default: the CPUs, at most 8, and a thread for 128 documents at least */
	g_assert_cmpuint(cblue_retrieval_build_threads(3, 10), ==, 3);
	g_assert_cmpuint(cblue_retrieval_build_threads(0, 10), ==, 1);
	g_assert_cmpuint(cblue_retrieval_build_threads(0, 1000000), ==,
			 CLAMP(g_get_num_processors(), 1, CBLUE_RETRIEVAL_MAX_BUILD_THREADS));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/retrieval-common/format/round-trip", test_round_trip);
	g_test_add_func("/retrieval-common/format/bad-data", test_rejects_bad_data);
	g_test_add_func("/retrieval-common/cache/files", test_cache_files);
	g_test_add_func("/retrieval-common/hash/entry", test_hash_entry);
	g_test_add_func("/retrieval-common/sort/records", test_sort_records);
	g_test_add_func("/retrieval-common/sort/radix", test_radix_sort_records);
	g_test_add_func("/retrieval-common/sort/bucket-parts", test_bucket_sort_parts);
	g_test_add_func("/retrieval-common/sort/merge", test_merge_records);
	g_test_add_func("/retrieval-common/sort/by-u32", test_sort_records_by_u32);
	g_test_add_func("/retrieval-common/dir/lookup", test_dir);
	g_test_add_func("/retrieval-common/lower-bound", test_lower_bound);
	g_test_add_func("/retrieval-common/reuse", test_reuse);
	g_test_add_func("/retrieval-common/run-chunks", test_run_chunks);
	return g_test_run();
}
