/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <sys/wait.h>
#include <unistd.h>

#include "cblue-test-utils.h"

/* cblue_message_new_id(): UUIDv7 text, unique, time-ordered, and a forked child does not
 * repeat its parent's identifiers (the random bytes come from a per-thread pool) */

static gboolean
id_is_uuid7(const gchar *id)
{
	g_autoptr(GRegex) regex =
	    g_regex_new("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", 0, 0, NULL);
	return g_regex_match(regex, id, 0, NULL);
}

static void
test_message_id_format_and_uniqueness(void)
{
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_autofree gchar *previous = NULL;

	/* more than one pool's worth, so that refills are crossed */
	for (guint i = 0; i < 20000; i++) {
		gchar *id = cblue_message_new_id();
		g_assert_true(id_is_uuid7(id));
		g_assert_false(g_hash_table_contains(seen, id));
		/* the first 48 bits are milliseconds: never decreasing */
		if (previous != NULL)
			g_assert_cmpint(strncmp(previous, id, 13), <=, 0);
		g_free(previous);
		previous = g_strdup(id);
		g_hash_table_add(seen, id);
	}
}

static gpointer
make_ids_thread(gpointer data)
{
	GPtrArray *ids = data;
	for (guint i = 0; i < 1000; i++)
		g_ptr_array_add(ids, cblue_message_new_id());
	return NULL;
}

static void
test_message_id_threads(void)
{
	g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) b = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
	GThread *ta = g_thread_new("ids-a", make_ids_thread, a);
	GThread *tb = g_thread_new("ids-b", make_ids_thread, b);

	g_thread_join(ta);
	g_thread_join(tb);
	for (guint i = 0; i < a->len; i++)
		g_assert_true(g_hash_table_add(seen, g_ptr_array_index(a, i)));
	for (guint i = 0; i < b->len; i++)
		g_assert_true(g_hash_table_add(seen, g_ptr_array_index(b, i)));
}

static void
test_message_id_fork(void)
{
	int fds[2];
	pid_t pid;
	gchar child_id[37] = {0};
	g_autofree gchar *parent_id = NULL;
	g_autofree gchar *warm = cblue_message_new_id(); /* the pool is filled before the fork */
	int status = 0;

	g_assert_true(id_is_uuid7(warm));
	g_assert_cmpint(pipe(fds), ==, 0);
	pid = fork();
	g_assert_cmpint(pid, >=, 0);
	if (pid == 0) {
		g_autofree gchar *id = cblue_message_new_id();
		ssize_t n = write(fds[1], id, 36);
		_exit(n == 36 ? 0 : 1);
	}
	close(fds[1]);
	g_assert_cmpint(read(fds[0], child_id, 36), ==, 36);
	close(fds[0]);
	g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
	g_assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	parent_id = cblue_message_new_id();
	/* the same time prefix is possible; the random part must differ */
	g_assert_true(id_is_uuid7(child_id));
	g_assert_cmpstr(child_id + 14, !=, parent_id + 14);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
	g_test_add_func("/message/id/format-unique", test_message_id_format_and_uniqueness);
	g_test_add_func("/message/id/threads", test_message_id_threads);
	g_test_add_func("/message/id/fork", test_message_id_fork);
	return g_test_run();
}
