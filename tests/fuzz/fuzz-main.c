/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

/*
 * A standalone driver for the fuzz targets, so that gcc builds (no libFuzzer) still run
 * them: every file or folder given is replayed through LLVMFuzzerTestOneInput(), then
 * `--random N` inputs made of the corpus' pieces and random bytes (seeded, so a failure
 * reproduces). An input that takes longer than `--max-ms` fails the run.
 *
 *   fuzz_redact [--random N] [--seed S] [--max-ms MS] FILE|DIR…
 */

int LLVMFuzzerTestOneInput(const guint8 *data, gsize size);
/* a target's one-time set-up, as libFuzzer calls it before the first input (optional: a target
 * without it leaves the symbol NULL); not part of any input's time */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static GPtrArray *corpus; /* of GBytes */
static gint64 max_usec = 2 * G_USEC_PER_SEC;

static void
run_one(const gchar *name, const guint8 *data, gsize size)
{
	gint64 start = g_get_monotonic_time();
	gint64 elapsed;
	LLVMFuzzerTestOneInput(data, size);
	elapsed = g_get_monotonic_time() - start;
	if (elapsed > max_usec) {
		g_printerr("%s: %" G_GSIZE_FORMAT " bytes took %" G_GINT64_FORMAT " ms\n", name, size,
			   elapsed / 1000);
		exit(1);
	}
}

static void
run_path(const gchar *path)
{
	g_autofree gchar *contents = NULL;
	gsize size = 0;
	g_autoptr(GError) error = NULL;

	if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
		g_autoptr(GDir) dir = g_dir_open(path, 0, &error);
		g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
		const gchar *name;
		if (dir == NULL) {
			g_printerr("%s\n", error->message);
			exit(1);
		}
		while ((name = g_dir_read_name(dir)) != NULL)
			g_ptr_array_add(names, g_build_filename(path, name, NULL));
		g_ptr_array_sort(names, (GCompareFunc)g_strcmp0);
		for (guint i = 0; i < names->len; i++)
			run_path(g_ptr_array_index(names, i));
		return;
	}
	if (!g_file_get_contents(path, &contents, &size, &error)) {
		g_printerr("%s\n", error->message);
		exit(1);
	}
	run_one(path, (const guint8 *)contents, size);
	g_ptr_array_add(corpus, g_bytes_new_take(g_steal_pointer(&contents), size));
}

/* corpus pieces spliced together, with random bytes in between */
static GByteArray *
make_random_input(GRand *rand)
{
	GByteArray *input = g_byte_array_new();
	guint n_pieces = (guint)g_rand_int_range(rand, 1, 8);
	for (guint p = 0; p < n_pieces; p++) {
		if (corpus->len > 0 && g_rand_boolean(rand)) {
			gsize size = 0;
			const guint8 *data = g_bytes_get_data(g_ptr_array_index(corpus, g_rand_int_range(rand, 0, (gint32)corpus->len)),
							     &size);
			gsize start = size > 0 ? (gsize)g_rand_int_range(rand, 0, (gint32)size) : 0;
			gsize want = (gsize)g_rand_int_range(rand, 0, 512); /* not inside MIN(): once */
			gsize len = MIN(size - start, want);
			g_byte_array_append(input, data + start, (guint)len);
		} else {
			guint len = (guint)g_rand_int_range(rand, 0, 64);
			for (guint i = 0; i < len; i++) {
				guint8 byte = (guint8)g_rand_int_range(rand, 0, 256);
				/* mostly digits, separators and ASCII: the interesting part */
				if (g_rand_int_range(rand, 0, 3) > 0)
					byte = (guint8)"0123456789 -.+()@:[]abcxX"[g_rand_int_range(rand, 0, 25)];
				g_byte_array_append(input, &byte, 1);
			}
		}
	}
	return input;
}

int
main(int argc, char **argv)
{
	gint64 n_random = 0;
	gint64 seed = 20261125;
	gint64 max_ms = 2000;
	g_autoptr(GOptionContext) ctx = g_option_context_new("FILE|DIR…");
	const GOptionEntry entries[] = {
	    {"random", 0, 0, G_OPTION_ARG_INT64, &n_random, "Random inputs after the corpus", "N"},
	    {"seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the random inputs", "S"},
	    {"max-ms", 0, 0, G_OPTION_ARG_INT64, &max_ms, "Longest time one input may take", "MS"},
	    {NULL},
	};
	g_autoptr(GError) error = NULL;
	g_autoptr(GRand) rand = NULL;

	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!g_option_context_parse(ctx, &argc, &argv, &error)) {
		g_printerr("%s\n", error->message);
		return 2;
	}
	max_usec = max_ms * 1000;
	if (LLVMFuzzerInitialize != NULL)
		LLVMFuzzerInitialize(&argc, &argv);
	corpus = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
	for (gint i = 1; i < argc; i++)
		run_path(argv[i]);
	rand = g_rand_new_with_seed((guint32)seed);
	for (gint64 i = 0; i < n_random; i++) {
		g_autoptr(GByteArray) input = make_random_input(rand);
		run_one("random input", input->data, input->len);
	}
	g_print("%u corpus inputs and %" G_GINT64_FORMAT " random inputs: ok\n", corpus->len, n_random);
	g_ptr_array_unref(corpus);
	return 0;
}
