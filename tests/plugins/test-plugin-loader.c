/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-test-utils.h"

static CbluePlugin *
find_plugin(CbluePluginLoader *loader, const gchar *name)
{
	GPtrArray *plugins = cblue_plugin_loader_get_plugins(loader);
	for (guint i = 0; i < plugins->len; i++) {
		if (g_strcmp0(cblue_plugin_get_name(g_ptr_array_index(plugins, i)), name) == 0)
			return g_ptr_array_index(plugins, i);
	}
	return NULL;
}

/* the real modules of the build tree load; the dummy is denied by default */
static void
test_loader_real_plugins(void)
{
	g_autoptr(CbluePluginLoader) loader = NULL;
	g_autoptr(CblueContext) context = cblue_test_context_new(NULL, &loader);
	const gchar *expected[] = {"queue-local", "retrieval-bm25", "model-extractive", NULL};

	for (guint i = 0; expected[i] != NULL; i++) {
		CbluePlugin *plugin = find_plugin(loader, expected[i]);
		g_assert_nonnull(plugin);
		g_assert_true(cblue_plugin_get_enabled(plugin));
		g_assert_nonnull(cblue_plugin_get_description(plugin));
		g_assert_nonnull(cblue_plugin_get_filename(plugin));
		g_assert_cmpuint(cblue_plugin_get_kinds(plugin)->len, >=, 1);
	}
	g_assert_null(find_plugin(loader, "dummy"));
	g_assert_cmpuint(cblue_plugin_loader_get_failures(loader)->len, ==, 0);
	g_assert_nonnull(cblue_context_get_extension(context, CBLUE_TYPE_RETRIEVER));
	g_assert_nonnull(cblue_context_get_extension(context, CBLUE_TYPE_MODEL_PROVIDER));
	g_assert_nonnull(cblue_context_get_extension(context, CBLUE_TYPE_QUEUE));
}

/* broken modules are reported and skipped; the good ones still load */
static void
test_loader_broken_modules(void)
{
	g_autofree gchar *config = g_strdup_printf("[plugins]\npath=%s\n", g_getenv("CBLUE_BROKEN_PLUGIN_DIR"));
	g_autoptr(CbluePluginLoader) loader = NULL;
	g_autoptr(CblueContext) context = NULL;
	GPtrArray *failures;
	gboolean seen_version = FALSE;

	context = cblue_test_context_new(config, &loader);
	g_assert_cmpuint(cblue_test_count_warnings("plugin not loaded:*libcblue_plugin_*"), ==, 3);
	failures = cblue_plugin_loader_get_failures(loader);
	g_assert_cmpuint(failures->len, ==, 3);
	for (guint i = 0; i < failures->len; i++) {
		const gchar *msg = g_ptr_array_index(failures, i);
		g_test_message("%s", msg);
		if (strstr(msg, "plugin API 999") != NULL)
			seen_version = TRUE;
	}
	g_assert_true(seen_version);
	g_assert_nonnull(find_plugin(loader, "retrieval-bm25"));
}

/* a plugin whose setup fails is disabled; the others carry on */
static void
test_loader_failing_setup(void)
{
	g_autoptr(CbluePluginLoader) loader = NULL;
	g_autoptr(CblueContext) context = NULL;
	CbluePlugin *dummy;

	/* retrieval-bm25 the only other retriever: the failed dummy must not add one */
	context = cblue_test_context_new("[plugins]\ndisabled=retrieval-ngram\n[dummy]\nfail_setup=true\n", &loader);
	g_assert_cmpuint(cblue_test_count_warnings("plugin not loaded: dummy: *failed as configured*"), ==, 1);
	dummy = find_plugin(loader, "dummy");
	g_assert_nonnull(dummy);
	g_assert_false(cblue_plugin_get_enabled(dummy));
	g_assert_true(cblue_plugin_get_enabled(find_plugin(loader, "retrieval-bm25")));
	g_assert_cmpuint(cblue_context_get_extensions(context, CBLUE_TYPE_RETRIEVER)->len, ==, 1);
}

/* allow and deny lists */
static void
test_loader_allow_list(void)
{
	g_autoptr(CbluePluginLoader) loader = NULL;
	g_autoptr(CblueContext) context = cblue_test_context_new("[plugins]\nenabled=retrieval-bm25\n", &loader);
	g_assert_cmpuint(cblue_plugin_loader_get_plugins(loader)->len, ==, 1);
	g_assert_null(cblue_context_get_extension(context, CBLUE_TYPE_QUEUE));
}

int
main(int argc, char **argv)
{
	cblue_test_init(&argc, &argv);
	cblue_test_capture_warnings();
	g_test_add_func("/cblue/plugin-loader/real-plugins", test_loader_real_plugins);
	g_test_add_func("/cblue/plugin-loader/broken-modules", test_loader_broken_modules);
	g_test_add_func("/cblue/plugin-loader/failing-setup", test_loader_failing_setup);
	g_test_add_func("/cblue/plugin-loader/allow-list", test_loader_allow_list);
	return g_test_run();
}
