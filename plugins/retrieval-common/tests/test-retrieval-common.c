/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

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

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/retrieval-common/format/round-trip", test_round_trip);
	g_test_add_func("/retrieval-common/format/bad-data", test_rejects_bad_data);
	g_test_add_func("/retrieval-common/cache/files", test_cache_files);
	g_test_add_func("/retrieval-common/hash/entry", test_hash_entry);
	return g_test_run();
}
