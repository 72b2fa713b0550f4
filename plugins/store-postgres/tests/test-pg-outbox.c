/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "cblue-pg-outbox.h"

/* the outbox file of store-postgres, without a server: one file per live process (held
 * with flock, so a second holder in the same process gets another file), lines kept in
 * order across reopening, a line cut short by a crash skipped, and the file of a process
 * that is gone adopted by the next one */

static gchar *
test_dir(void)
{
	g_autoptr(GError) error = NULL;
	gchar *dir = g_dir_make_tmp("cblue-outbox-XXXXXX", &error);
	g_assert_no_error(error);
	return dir;
}

static void
test_rm_dir(const gchar *dir)
{
	g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
	const gchar *name;
	while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
		g_autofree gchar *path = g_build_filename(dir, name, NULL);
		g_remove(path);
	}
	g_rmdir(dir);
}

static void
test_append(CbluePgOutbox *outbox, const gchar *first, ...)
{
	g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GError) error = NULL;
	va_list args;

	va_start(args, first);
	for (const gchar *line = first; line != NULL; line = va_arg(args, const gchar *))
		g_ptr_array_add(lines, g_strdup(line));
	va_end(args);
	g_assert_true(cblue_pg_outbox_append(outbox, lines, &error));
	g_assert_no_error(error);
}

static gchar *
test_read_joined(CbluePgOutbox *outbox)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) lines = cblue_pg_outbox_read(outbox, &error);
	g_assert_no_error(error);
	g_ptr_array_add(lines, NULL);
	return g_strjoinv("|", (gchar **)lines->pdata);
}

static void
test_outbox_files(void)
{
	g_autofree gchar *dir = test_dir();
	g_autoptr(GError) error = NULL;
	g_autoptr(CbluePgOutbox) first = cblue_pg_outbox_open(dir, &error);
	g_autoptr(CbluePgOutbox) second = NULL;
	g_autoptr(CbluePgOutbox) third = NULL;
	g_autofree gchar *second_path = NULL;
	g_autofree gchar *joined = NULL;

	g_assert_no_error(error);
	g_assert_true(g_str_has_suffix(cblue_pg_outbox_get_path(first), "/postgres-outbox.jsonl"));
	test_append(first, "{\"n\":1}", "{\"n\":2}", NULL);
	g_assert_cmpuint(cblue_pg_outbox_get_length(first), ==, 2);

	/* held: another holder gets a file of its own */
	second = cblue_pg_outbox_open(dir, &error);
	g_assert_no_error(error);
	g_assert_true(g_str_has_suffix(cblue_pg_outbox_get_path(second), "/postgres-outbox-1.jsonl"));
	g_assert_cmpuint(cblue_pg_outbox_get_length(second), ==, 0);
	test_append(second, "{\"n\":3}", NULL);
	second_path = g_strdup(cblue_pg_outbox_get_path(second));
	g_clear_pointer(&second, cblue_pg_outbox_free);
	/* a crash in the middle of an append leaves a line without its newline */
	{
		g_autoptr(GError) error_local = NULL;
		g_autofree gchar *contents = NULL;
		g_assert_true(g_file_get_contents(second_path, &contents, NULL, &error_local));
		g_assert_no_error(error_local);
		g_assert_true(g_file_set_contents(second_path, "{\"n\":3}\n{\"n\":4, \"cut", -1, &error_local));
		g_assert_no_error(error_local);
	}
	g_clear_pointer(&first, cblue_pg_outbox_free);

	/* the next process keeps the first file and adopts the orphan, whose whole lines
	 * follow; the orphan is gone */
	third = cblue_pg_outbox_open(dir, &error);
	g_assert_no_error(error);
	g_assert_true(g_str_has_suffix(cblue_pg_outbox_get_path(third), "/postgres-outbox.jsonl"));
	g_assert_false(g_file_test(second_path, G_FILE_TEST_EXISTS));
	g_assert_cmpuint(cblue_pg_outbox_get_length(third), ==, 3);
	joined = test_read_joined(third);
	g_assert_cmpstr(joined, ==, "{\"n\":1}|{\"n\":2}|{\"n\":3}");

	g_assert_true(cblue_pg_outbox_clear(third, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(cblue_pg_outbox_get_length(third), ==, 0);
	g_clear_pointer(&joined, g_free);
	joined = test_read_joined(third);
	g_assert_cmpstr(joined, ==, "");
	g_clear_pointer(&third, cblue_pg_outbox_free);
	test_rm_dir(dir);
}

/* a cut last line of the process's own file does not swallow the next append */
static void
test_outbox_cut_line(void)
{
	g_autofree gchar *dir = test_dir();
	g_autofree gchar *path = g_build_filename(dir, "postgres-outbox.jsonl", NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(CbluePgOutbox) outbox = NULL;
	g_autofree gchar *joined = NULL;

	g_assert_true(g_file_set_contents(path, "{\"n\":1}\n{\"n\":2, \"cu", -1, &error));
	g_assert_no_error(error);
	outbox = cblue_pg_outbox_open(dir, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(cblue_pg_outbox_get_length(outbox), ==, 1);
	test_append(outbox, "{\"n\":3}", NULL);
	joined = test_read_joined(outbox);
	/* the cut line stays unreadable on a line of its own; the new one is whole */
	g_assert_cmpstr(joined, ==, "{\"n\":1}|{\"n\":2, \"cu|{\"n\":3}");
	g_clear_pointer(&outbox, cblue_pg_outbox_free);
	test_rm_dir(dir);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/store-postgres/outbox/files", test_outbox_files);
	g_test_add_func("/store-postgres/outbox/cut-line", test_outbox_cut_line);
	return g_test_run();
}
