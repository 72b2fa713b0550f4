/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <locale.h>

#include "cblue-test-utils.h"

void
cblue_test_init(int *argc, char ***argv)
{
	setlocale(LC_ALL, "");
	g_test_init(argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

gchar *
cblue_test_make_tmpdir(void)
{
	g_autoptr(GError) error = NULL;
	gchar *dir = g_dir_make_tmp("cblue-test-XXXXXX", &error);
	g_assert_no_error(error);
	return dir;
}

gchar *
cblue_test_data_path(const gchar *name)
{
	const gchar *dir = g_getenv("CBLUE_TEST_DATADIR");
	g_assert_nonnull(dir);
	return g_build_filename(dir, name, NULL);
}

/* a context with a fresh data dir, the given key-file text, and every allowed plugin of
 * CBLUE_PLUGIN_PATH (the build tree) loaded and set up */
CblueContext *
cblue_test_context_new(const gchar *config_text, CbluePluginLoader **loader_out)
{
	g_autoptr(CblueConfig) config = cblue_config_new();
	g_autoptr(CblueContext) context = NULL;
	g_autoptr(CbluePluginLoader) loader = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *tmp = cblue_test_make_tmpdir();

	if (config_text != NULL) {
		cblue_config_load_data(config, config_text, &error);
		g_assert_no_error(error);
	}
	cblue_config_set_string(config, "core", "data_dir", tmp);
	context = cblue_context_new(config);
	loader = cblue_plugin_loader_new(context);
	cblue_plugin_loader_load(loader, &error);
	g_assert_no_error(error);
	cblue_plugin_loader_setup_sync(loader, NULL, &error);
	g_assert_no_error(error);
	if (loader_out != NULL)
		*loader_out = g_steal_pointer(&loader);
	return g_steal_pointer(&context);
}

/* Warnings are captured rather than fatal in tests that provoke them on purpose (a broken
 * plugin, a failing model); the test then asserts on what was logged. GLib's
 * g_test_expect_message() does not see structured log messages in GLib 2.74. */
static GPtrArray *captured_warnings;
static GMutex captured_mutex;

static GLogWriterOutput
cblue_test_log_writer(GLogLevelFlags log_level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
	if (log_level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR)) {
		for (gsize i = 0; i < n_fields; i++) {
			if (g_strcmp0(fields[i].key, "MESSAGE") == 0) {
				g_mutex_lock(&captured_mutex);
				g_ptr_array_add(captured_warnings, g_strdup(fields[i].value));
				g_mutex_unlock(&captured_mutex);
			}
		}
	}
	return g_log_writer_standard_streams(log_level, fields, n_fields, user_data);
}

void
cblue_test_capture_warnings(void)
{
	if (captured_warnings == NULL)
		captured_warnings = g_ptr_array_new_with_free_func(g_free);
	g_log_set_always_fatal(G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
	g_log_set_writer_func(cblue_test_log_writer, NULL, NULL);
}

guint
cblue_test_count_warnings(const gchar *pattern)
{
	guint count = 0;
	g_mutex_lock(&captured_mutex);
	for (guint i = 0; captured_warnings != NULL && i < captured_warnings->len; i++) {
		if (g_pattern_match_simple(pattern, g_ptr_array_index(captured_warnings, i)))
			count++;
	}
	g_mutex_unlock(&captured_mutex);
	return count;
}
