/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cblue-line-files-private.h"
#include "cblue-test-utils.h"

/* the folders of line files (core/cblue-line-files.c) that the synonyms and the declined
 * services are read from: the bundled files, then a folder's `*.txt` files in name order, line
 * by line, errors naming the file and the line */

typedef struct {
	GPtrArray *seen; /* owned: "<file's basename>:<line>: <line>" for every line read */
	const gchar *reject; /* nullable: a line to refuse */
} Reader;

static gboolean
reader_line_cb(gchar *line, const gchar *where, guint line_no, gpointer user_data, GError **error)
{
	Reader *reader = user_data;
	g_autofree gchar *base = g_path_get_basename(where);

	if (g_strcmp0(line, reader->reject) == 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "%s:%u: refused", where, line_no);
		return FALSE;
	}
	g_ptr_array_add(reader->seen, g_strdup_printf("%s:%u: %s", base, line_no, line));
	return TRUE;
}

static gchar *
write_file(const gchar *dir, const gchar *name, const gchar *data, gssize len)
{
	g_autoptr(GError) error = NULL;
	gchar *path = g_build_filename(dir, name, NULL);

	g_assert_true(g_file_set_contents(path, data, len, &error));
	g_assert_no_error(error);
	return path;
}

static void
remove_tree(const gchar *dir)
{
	g_autoptr(GDir) gdir = g_dir_open(dir, 0, NULL);
	const gchar *name;

	while (gdir != NULL && (name = g_dir_read_name(gdir)) != NULL) {
		g_autofree gchar *path = g_build_filename(dir, name, NULL);
		if (g_file_test(path, G_FILE_TEST_IS_DIR) && !g_file_test(path, G_FILE_TEST_IS_SYMLINK))
			remove_tree(path);
		else
			g_unlink(path);
	}
	g_rmdir(dir);
}

/* the seen lines of files whose name starts with @prefix, joined by "|" */
static gchar *
seen_of(Reader *reader, const gchar *prefix)
{
	g_autoptr(GString) out = g_string_new(NULL);

	for (guint i = 0; i < reader->seen->len; i++) {
		const gchar *seen = g_ptr_array_index(reader->seen, i);
		if (!g_str_has_prefix(seen, prefix))
			continue;
		if (out->len > 0)
			g_string_append_c(out, '|');
		g_string_append(out, seen);
	}
	return g_string_free(g_steal_pointer(&out), FALSE);
}

/* the bundled files in language order, then the folder's `*.txt` files in name order (not
 * hidden ones, not other names); lines stripped, blank and comment lines skipped but counted */
static void
test_line_files_order(void)
{
	g_autofree gchar *dir = cblue_test_make_tmpdir();
	g_autoptr(GError) error = NULL;
	Reader reader = {g_ptr_array_new_with_free_func(g_free), NULL};
	g_autofree gchar *all = NULL;
	g_autofree gchar *a = write_file(dir, "a.txt", "  alpha one  \n\n# comment\nalpha two\n", -1);
	g_autofree gchar *b = write_file(dir, "b.txt", "bravo\r\n", -1);
	g_autofree gchar *ten = write_file(dir, "10-first.txt", "ten", -1);
	g_autofree gchar *upper = write_file(dir, "Z.txt", "zulu\n", -1);
	g_autofree gchar *hidden = write_file(dir, ".hidden.txt", "hidden\n", -1);
	g_autofree gchar *other = write_file(dir, "notes.md", "notes\n", -1);
	guint first_folder = 0;

	g_assert_true(cblue_line_files_read("/ai/cblue/declined", "declined services", dir, reader_line_cb, &reader,
					    &error));
	g_assert_no_error(error);
	/* en.txt, th.txt, zh.txt, in that order, before the folder's files */
	g_assert_cmpuint(reader.seen->len, >, 5);
	g_assert_true(g_str_has_prefix(g_ptr_array_index(reader.seen, 0), "en.txt:"));
	for (guint i = 1; i < reader.seen->len; i++) {
		const gchar *prev = g_ptr_array_index(reader.seen, i - 1);
		const gchar *seen = g_ptr_array_index(reader.seen, i);
		if (g_str_has_prefix(seen, "10-first.txt:")) {
			first_folder = i;
			break;
		}
		g_assert_cmpint(strncmp(prev, seen, 2), <=, 0);
	}
	g_assert_cmpuint(first_folder, >, 0);
	g_assert_true(g_str_has_prefix(g_ptr_array_index(reader.seen, first_folder - 1), "zh.txt:"));
	all = seen_of(&reader, "");
	g_assert_cmpstr(strstr(all, "10-first.txt:"), ==,
			"10-first.txt:1: ten|Z.txt:1: zulu|a.txt:1: alpha one|a.txt:4: alpha two|b.txt:1: bravo");

	/* no folder: the bundled files alone */
	g_ptr_array_set_size(reader.seen, 0);
	g_assert_true(cblue_line_files_read("/ai/cblue/declined", "declined services", NULL, reader_line_cb, &reader,
					    &error));
	g_assert_no_error(error);
	g_assert_cmpuint(reader.seen->len, ==, first_folder);

	g_ptr_array_unref(reader.seen);
	remove_tree(dir);
}

/* reads @dir (the declined services' bundled files first), which must fail with @code and a
 * message that matches @pattern; the lines read before of the files named @prefix… are
 * @seen */
static void
assert_read_fails(Reader *reader, const gchar *dir, gint code, const gchar *pattern, const gchar *prefix,
		  const gchar *seen)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *got = NULL;

	g_ptr_array_set_size(reader->seen, 0);
	g_assert_false(
	    cblue_line_files_read("/ai/cblue/declined", "declined services", dir, reader_line_cb, reader, &error));
	g_assert_error(error, CBLUE_ERROR, code);
	g_test_message("%s", error->message);
	g_assert_true(g_pattern_match_simple(pattern, error->message));
	got = seen_of(reader, prefix);
	g_assert_cmpstr(got, ==, seen);
}

/* a bad line stops the reading with its file and line: invalid UTF-8, a NUL byte, or a line
 * the caller refuses */
static void
test_line_files_bad_line(void)
{
	g_autofree gchar *dir = cblue_test_make_tmpdir();
	g_autoptr(GError) error = NULL;
	Reader reader = {g_ptr_array_new_with_free_func(g_free), "refuse me"};
	g_autofree gchar *a = write_file(dir, "a.txt", "fine\n# comment\n\nrefuse me\nnever read\n", -1);
	g_autofree gchar *b = write_file(dir, "b.txt", "never read either\n", -1);
	g_autofree gchar *expected = g_strdup_printf("%s:4: refused", a);

	assert_read_fails(&reader, dir, CBLUE_ERROR_INVALID_DATA, expected, "a.txt", "a.txt:1: fine");
	g_assert_cmpuint(reader.seen->len, >, 1);
	assert_read_fails(&reader, dir, CBLUE_ERROR_INVALID_DATA, expected, "b.txt", "");

	/* invalid UTF-8 on line 3 of the first file */
	g_free(a);
	a = write_file(dir, "a.txt", "one\ntwo\nth\xe0\xb8 ree\n", -1);
	g_free(expected);
	expected = g_strdup_printf("%s:3: invalid UTF-8", a);
	assert_read_fails(&reader, dir, CBLUE_ERROR_INVALID_DATA, expected, "a.txt", "a.txt:1: one|a.txt:2: two");

	/* a NUL byte: the file, no line, and none of its lines read */
	g_free(a);
	a = write_file(dir, "a.txt", "one\ntw\0o\n", 9);
	g_free(expected);
	expected = g_strdup_printf("%s: the file contains a NUL byte", a);
	assert_read_fails(&reader, dir, CBLUE_ERROR_INVALID_DATA, expected, "a.txt", "");

	/* the same from data: @where as given */
	g_assert_false(cblue_line_files_read_data("ok\nrefuse me\n", 13, "mem", reader_line_cb, &reader, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_assert_cmpstr(error->message, ==, "mem:2: refused");

	g_ptr_array_unref(reader.seen);
	remove_tree(dir);
}

/* a folder that does not exist has no files; a bundled file that does not exist is a warning */
static void
test_line_files_missing(void)
{
	g_autofree gchar *dir = cblue_test_make_tmpdir();
	g_autofree gchar *missing = g_build_filename(dir, "missing", NULL);
	g_autoptr(GError) error = NULL;
	Reader reader = {g_ptr_array_new_with_free_func(g_free), NULL};
	guint bundled, warnings = cblue_test_count_warnings("no bundled things for *");

	g_assert_true(cblue_line_files_read("/ai/cblue/declined", "declined services", NULL, reader_line_cb, &reader,
					    &error));
	g_assert_no_error(error);
	bundled = reader.seen->len;
	g_ptr_array_set_size(reader.seen, 0);
	g_assert_true(cblue_line_files_read("/ai/cblue/declined", "declined services", missing, reader_line_cb,
					    &reader, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(reader.seen->len, ==, bundled);

	g_ptr_array_set_size(reader.seen, 0);
	g_assert_true(
	    cblue_line_files_read("/ai/cblue/no-such-lists", "things", missing, reader_line_cb, &reader, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(reader.seen->len, ==, 0);
	g_assert_cmpuint(cblue_test_count_warnings("no bundled things for *"), ==, warnings + 3);
	g_assert_cmpuint(cblue_test_count_warnings("no bundled things for th"), >=, 1);

	g_ptr_array_unref(reader.seen);
	remove_tree(dir);
}

/* a `*.txt` that cannot be read is an error that names it; the files before it were read,
 * the files after it were not */
static void
test_line_files_unreadable(void)
{
	g_autofree gchar *dir = cblue_test_make_tmpdir();
	g_autofree gchar *b = g_build_filename(dir, "b.txt", NULL);
	g_autofree gchar *pattern = g_strdup_printf("*%s*", b);
	Reader reader = {g_ptr_array_new_with_free_func(g_free), NULL};
	g_autofree gchar *a = write_file(dir, "a.txt", "alpha\n", -1);
	g_autofree gchar *c = write_file(dir, "c.txt", "charlie\n", -1);

	/* a folder named like a file: unreadable whoever runs the test */
	g_assert_cmpint(g_mkdir(b, 0700), ==, 0);
	assert_read_fails(&reader, dir, CBLUE_ERROR_INTERNAL, pattern, "a.txt", "a.txt:1: alpha");
	assert_read_fails(&reader, dir, CBLUE_ERROR_INTERNAL, pattern, "c.txt", "");
	g_rmdir(b);

	/* a file without read permission (root reads it anyway) */
	if (geteuid() != 0) {
		g_autofree gchar *written = write_file(dir, "b.txt", "bravo\n", -1);
		g_assert_cmpint(g_chmod(written, 0), ==, 0);
		assert_read_fails(&reader, dir, CBLUE_ERROR_PERMISSION_DENIED, pattern, "a.txt", "a.txt:1: alpha");
	}

	g_ptr_array_unref(reader.seen);
	remove_tree(dir);
}

static void
count_cb(gpointer user_data)
{
	(*(guint *)user_data)++;
}

/* runs the global default main context until *@calls is @want and then for @quiet_ms more
 * (20 s at most) */
static void
iterate_for_calls(const guint *calls, guint want, guint quiet_ms)
{
	gint64 deadline = g_get_monotonic_time() + 20 * G_USEC_PER_SEC;
	gint64 quiet_end = 0;

	while (quiet_end == 0 || g_get_monotonic_time() < quiet_end) {
		g_assert_cmpint(g_get_monotonic_time(), <, deadline);
		g_main_context_iteration(NULL, FALSE);
		g_usleep(5000);
		if (quiet_end == 0 && *calls >= want)
			quiet_end = g_get_monotonic_time() + quiet_ms * 1000;
	}
	g_assert_cmpuint(*calls, ==, want);
}

/* a watched folder (created if missing): a burst of changes makes one call, shortly after the
 * last, on the global default main context; none once the watch is freed */
static void
test_line_files_watch(void)
{
	g_autofree gchar *root = cblue_test_make_tmpdir();
	g_autofree gchar *dir = g_build_filename(root, "lists", NULL);
	g_autoptr(CblueLineFilesWatch) watch = NULL;
	guint calls = 0;

	watch = cblue_line_files_watch_new(dir, "test lists", count_cb, &calls);
	g_assert_true(g_file_test(dir, G_FILE_TEST_IS_DIR));
	for (guint i = 0; i < 5; i++) {
		g_autofree gchar *name = g_strdup_printf("%u.txt", i);
		g_autofree gchar *path = write_file(dir, name, "a line\n", -1);
	}
	iterate_for_calls(&calls, 1, 500);

	/* a removal is a change too */
	{
		g_autofree gchar *path = g_build_filename(dir, "0.txt", NULL);
		g_assert_cmpint(g_unlink(path), ==, 0);
	}
	iterate_for_calls(&calls, 2, 500);

	g_clear_pointer(&watch, cblue_line_files_watch_free);
	g_free(write_file(dir, "late.txt", "a line\n", -1));
	iterate_for_calls(&calls, 2, 500);
	remove_tree(root);
}

int
main(int argc, char **argv)
{
	cblue_test_init(&argc, &argv);
	cblue_test_capture_warnings();
	g_test_add_func("/cblue/line-files/order", test_line_files_order);
	g_test_add_func("/cblue/line-files/bad-line", test_line_files_bad_line);
	g_test_add_func("/cblue/line-files/missing", test_line_files_missing);
	g_test_add_func("/cblue/line-files/unreadable", test_line_files_unreadable);
	g_test_add_func("/cblue/line-files/watch", test_line_files_watch);
	return g_test_run();
}
