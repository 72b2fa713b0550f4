/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>
#include <string.h>

#include "cblue-error.h"
#include "cblue-plugin-loader.h"
#include "cblue-plugin-private.h"

/**
 * CbluePluginLoader:
 *
 * Finds, checks, loads and sets up plugins.
 *
 * Plugins are `libcblue_plugin_<name>.so` files in the search path: `[plugins] path`
 * from the configuration, then every folder of `CBLUE_PLUGIN_PATH` (and their immediate
 * sub-folders, so a build tree's `plugins/` works), then the installed
 * `$libdir/cblue/plugins-1`. The first plugin of a name wins. `[plugins] enabled` is
 * an allow list; `[plugins] disabled` a deny list (by default `dummy`, the test fakes).
 *
 * The loader checks the exported `cblue_plugin_api_version`, opens the module with local
 * binding, makes it resident (GTypes cannot be unregistered) and checks that
 * `cblue_plugin_query_type()` returns a #CbluePlugin subclass. A module that fails any
 * step, or a plugin whose setup fails, is reported (see
 * [method@PluginLoader.get_failures]) and skipped; the others carry on. Only a required
 * plugin (a redaction plugin, see [method@Plugin.set_required]) that fails its setup
 * fails the whole setup: the process must not run without it.
 *
 * Since: 1.0
 */
struct _CbluePluginLoader {
	GObject parent_instance;
	CblueContext *context; /* owned */
	GPtrArray *search_paths; /* owned, of utf8 */
	GPtrArray *plugins; /* owned, of CbluePlugin */
	GPtrArray *failures; /* owned, of utf8 messages */
	GHashTable *seen_names; /* owned set of names */
	GPtrArray *name_filters; /* owned, of GPatternSpec; empty: every name */
};

G_DEFINE_TYPE(CbluePluginLoader, cblue_plugin_loader, G_TYPE_OBJECT)

#define CBLUE_PLUGIN_PREFIX "libcblue_plugin_"

static void
cblue_plugin_loader_finalize(GObject *object)
{
	CbluePluginLoader *self = CBLUE_PLUGIN_LOADER(object);
	g_object_unref(self->context);
	g_ptr_array_unref(self->search_paths);
	g_ptr_array_unref(self->plugins);
	g_ptr_array_unref(self->failures);
	g_hash_table_unref(self->seen_names);
	g_ptr_array_unref(self->name_filters);
	G_OBJECT_CLASS(cblue_plugin_loader_parent_class)->finalize(object);
}

static void
cblue_plugin_loader_class_init(CbluePluginLoaderClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_plugin_loader_finalize;
}

static void
cblue_plugin_loader_init(CbluePluginLoader *self)
{
	self->search_paths = g_ptr_array_new_with_free_func(g_free);
	self->plugins = g_ptr_array_new_with_free_func(g_object_unref);
	self->failures = g_ptr_array_new_with_free_func(g_free);
	self->seen_names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	self->name_filters = g_ptr_array_new_with_free_func((GDestroyNotify)g_pattern_spec_free);
}

/**
 * cblue_plugin_loader_new:
 * @context: the context plugins register with
 *
 * Creates a loader with the default search path.
 *
 * Returns: (transfer full): a new #CbluePluginLoader
 *
 * Since: 1.0
 */
CbluePluginLoader *
cblue_plugin_loader_new(CblueContext *context)
{
	CbluePluginLoader *self;
	g_auto(GStrv) config_paths = NULL;
	const gchar *env;

	g_return_val_if_fail(CBLUE_IS_CONTEXT(context), NULL);
	self = g_object_new(CBLUE_TYPE_PLUGIN_LOADER, NULL);
	self->context = g_object_ref(context);

	config_paths = cblue_config_get_strv(cblue_context_get_config(context), "plugins", "path");
	for (guint i = 0; config_paths != NULL && config_paths[i] != NULL; i++)
		cblue_plugin_loader_add_search_path(self, config_paths[i]);
	env = g_getenv("CBLUE_PLUGIN_PATH");
	if (env != NULL) {
		g_auto(GStrv) env_paths = g_strsplit(env, G_SEARCHPATH_SEPARATOR_S, -1);
		for (guint i = 0; env_paths[i] != NULL; i++) {
			if (env_paths[i][0] != '\0')
				cblue_plugin_loader_add_search_path(self, env_paths[i]);
		}
	}
	cblue_plugin_loader_add_search_path(self, CBLUE_PLUGINDIR);
	return self;
}

/**
 * cblue_plugin_loader_add_search_path:
 * @self: a #CbluePluginLoader
 * @path: (type filename): a folder
 *
 * Appends a folder to the search path.
 *
 * Since: 1.0
 */
void
cblue_plugin_loader_add_search_path(CbluePluginLoader *self, const gchar *path)
{
	g_return_if_fail(CBLUE_IS_PLUGIN_LOADER(self));
	g_return_if_fail(path != NULL);
	for (guint i = 0; i < self->search_paths->len; i++) {
		if (g_strcmp0(g_ptr_array_index(self->search_paths, i), path) == 0)
			return;
	}
	g_ptr_array_add(self->search_paths, g_strdup(path));
}

/**
 * cblue_plugin_loader_add_name_filter:
 * @self: a #CbluePluginLoader
 * @pattern: a glob pattern (`*` and `?`), e.g. `redact-*`
 *
 * Restricts [method@PluginLoader.load] to the plugins whose name matches one of the
 * patterns added, on top of the `[plugins]` allow and deny lists; for a command that
 * needs one kind of plugin only, as `cblue redact` does.
 *
 * Since: 1.0
 */
void
cblue_plugin_loader_add_name_filter(CbluePluginLoader *self, const gchar *pattern)
{
	g_return_if_fail(CBLUE_IS_PLUGIN_LOADER(self));
	g_return_if_fail(pattern != NULL);
	g_ptr_array_add(self->name_filters, g_pattern_spec_new(pattern));
}

/**
 * cblue_plugin_loader_get_search_paths:
 * @self: a #CbluePluginLoader
 *
 * Returns: (transfer none) (element-type filename): the search path
 *
 * Since: 1.0
 */
GPtrArray *
cblue_plugin_loader_get_search_paths(CbluePluginLoader *self)
{
	g_return_val_if_fail(CBLUE_IS_PLUGIN_LOADER(self), NULL);
	return self->search_paths;
}

static void
cblue_plugin_loader_add_failure(CbluePluginLoader *self, const gchar *what, const gchar *message)
{
	gchar *failure = g_strdup_printf("%s: %s", what, message);
	g_warning("plugin not loaded: %s", failure);
	g_ptr_array_add(self->failures, failure);
}

static gboolean
cblue_plugin_loader_name_allowed(CbluePluginLoader *self, const gchar *name)
{
	CblueConfig *config = cblue_context_get_config(self->context);
	g_auto(GStrv) enabled = cblue_config_get_strv(config, "plugins", "enabled");
	g_auto(GStrv) disabled = cblue_config_get_strv(config, "plugins", "disabled");
	g_autofree gchar *disabled_raw = cblue_config_get_string(config, "plugins", "disabled");

	if (self->name_filters->len > 0) {
		gboolean matched = FALSE;
		for (guint i = 0; i < self->name_filters->len && !matched; i++)
			matched = g_pattern_spec_match_string(g_ptr_array_index(self->name_filters, i), name);
		if (!matched)
			return FALSE;
	}
	if (enabled != NULL && enabled[0] != NULL && !g_strv_contains((const gchar *const *)enabled, name))
		return FALSE;
	if (disabled_raw == NULL) /* default deny list: the test fakes */
		return g_strcmp0(name, "dummy") != 0;
	return disabled == NULL || !g_strv_contains((const gchar *const *)disabled, name);
}

static void
cblue_plugin_loader_open(CbluePluginLoader *self, const gchar *filename, const gchar *name)
{
	GModule *module;
	gpointer sym_version = NULL;
	gpointer sym_query = NULL;
	GType (*query_type)(void);
	GType gtype;
	g_autoptr(CbluePlugin) plugin = NULL;
	guint api_version;

	module = g_module_open(filename, G_MODULE_BIND_LOCAL);
	if (module == NULL) {
		cblue_plugin_loader_add_failure(self, filename, g_module_error());
		return;
	}
	if (!g_module_symbol(module, "cblue_plugin_api_version", &sym_version) || sym_version == NULL ||
	    !g_module_symbol(module, "cblue_plugin_query_type", &sym_query) || sym_query == NULL) {
		cblue_plugin_loader_add_failure(self, filename, _("not a Cblue plugin: CBLUE_PLUGIN_DEFINE() missing"));
		g_module_close(module);
		return;
	}
	api_version = *(const guint *)sym_version;
	if (api_version != CBLUE_PLUGIN_API_VERSION) {
		g_autofree gchar *msg = g_strdup_printf(_("built for plugin API %u, this is plugin API %u; rebuild it"),
							api_version, (guint)CBLUE_PLUGIN_API_VERSION);
		cblue_plugin_loader_add_failure(self, filename, msg);
		g_module_close(module);
		return;
	}
	/* GTypes can never be unregistered, so the module must stay */
	g_module_make_resident(module);
	query_type = (GType(*)(void))sym_query;
	gtype = query_type();
	if (!g_type_is_a(gtype, CBLUE_TYPE_PLUGIN) || G_TYPE_IS_ABSTRACT(gtype)) {
		cblue_plugin_loader_add_failure(self, filename, _("cblue_plugin_query_type() is not a CbluePlugin type"));
		return;
	}
	plugin = g_object_new(gtype, "name", name, "context", self->context, NULL);
	cblue_plugin_set_filename(plugin, filename);
	g_hash_table_add(self->seen_names, g_strdup(name));
	g_ptr_array_add(self->plugins, g_steal_pointer(&plugin));
}

static void
cblue_plugin_loader_scan_dir(CbluePluginLoader *self, const gchar *path, guint depth)
{
	g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
	g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
	const gchar *entry;

	if (dir == NULL)
		return;
	while ((entry = g_dir_read_name(dir)) != NULL)
		g_ptr_array_add(names, g_strdup(entry));
	/* a stable order: plugins registered in the same order on every start */
	g_ptr_array_sort(names, (GCompareFunc)g_strcmp0);
	for (guint i = 0; i < names->len; i++) {
		const gchar *base = g_ptr_array_index(names, i);
		g_autofree gchar *filename = g_build_filename(path, base, NULL);
		g_autofree gchar *name = NULL;

		if (depth == 0 && g_file_test(filename, G_FILE_TEST_IS_DIR)) {
			cblue_plugin_loader_scan_dir(self, filename, depth + 1);
			continue;
		}
		if (!g_str_has_prefix(base, CBLUE_PLUGIN_PREFIX) || !g_str_has_suffix(base, "." G_MODULE_SUFFIX))
			continue;
		name = g_strndup(base + strlen(CBLUE_PLUGIN_PREFIX),
				 strlen(base) - strlen(CBLUE_PLUGIN_PREFIX) - strlen("." G_MODULE_SUFFIX));
		for (gchar *p = name; *p != '\0'; p++) {
			if (*p == '_')
				*p = '-';
		}
		if (g_hash_table_contains(self->seen_names, name))
			continue;
		if (!cblue_plugin_loader_name_allowed(self, name))
			continue;
		cblue_plugin_loader_open(self, filename, name);
	}
}

/**
 * cblue_plugin_loader_load:
 * @self: a #CbluePluginLoader
 * @error: return location for a #GError
 *
 * Loads every allowed plugin found in the search path. A module that cannot be loaded
 * is reported and skipped.
 *
 * Returns: %TRUE, or %FALSE if the shared-module loader is unavailable
 *
 * Since: 1.0
 */
gboolean
cblue_plugin_loader_load(CbluePluginLoader *self, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_PLUGIN_LOADER(self), FALSE);
	if (!g_module_supported()) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED, "shared modules are not supported");
		return FALSE;
	}
	for (guint i = 0; i < self->search_paths->len; i++)
		cblue_plugin_loader_scan_dir(self, g_ptr_array_index(self->search_paths, i), 0);
	return TRUE;
}

/**
 * cblue_plugin_loader_add_plugin:
 * @self: a #CbluePluginLoader
 * @plugin: a plugin constructed by the caller, e.g. from Python
 *
 * Adds a plugin that was not loaded from a module; it is set up with the others.
 *
 * Since: 1.0
 */
void
cblue_plugin_loader_add_plugin(CbluePluginLoader *self, CbluePlugin *plugin)
{
	g_return_if_fail(CBLUE_IS_PLUGIN_LOADER(self));
	g_return_if_fail(CBLUE_IS_PLUGIN(plugin));
	g_hash_table_add(self->seen_names, g_strdup(cblue_plugin_get_name(plugin)));
	g_ptr_array_add(self->plugins, g_object_ref(plugin));
}

/**
 * cblue_plugin_loader_get_plugins:
 * @self: a #CbluePluginLoader
 *
 * Returns: (transfer none) (element-type CbluePlugin): the loaded plugins, enabled or not
 *
 * Since: 1.0
 */
GPtrArray *
cblue_plugin_loader_get_plugins(CbluePluginLoader *self)
{
	g_return_val_if_fail(CBLUE_IS_PLUGIN_LOADER(self), NULL);
	return self->plugins;
}

/**
 * cblue_plugin_loader_get_failures:
 * @self: a #CbluePluginLoader
 *
 * Returns: (transfer none) (element-type utf8): one message per module or plugin that
 *   failed to load or set up
 *
 * Since: 1.0
 */
GPtrArray *
cblue_plugin_loader_get_failures(CbluePluginLoader *self)
{
	g_return_val_if_fail(CBLUE_IS_PLUGIN_LOADER(self), NULL);
	return self->failures;
}

/**
 * cblue_plugin_loader_get_plugin_status:
 * @self: a #CbluePluginLoader
 * @plugin: a loaded plugin
 *
 * Returns: `enabled`, or the reason the plugin was disabled
 *
 * Since: 1.0
 */
const gchar *
cblue_plugin_loader_get_plugin_status(CbluePluginLoader *self, CbluePlugin *plugin)
{
	g_return_val_if_fail(CBLUE_IS_PLUGIN(plugin), NULL);
	if (cblue_plugin_get_enabled(plugin))
		return "enabled";
	return cblue_plugin_get_disabled_reason(plugin);
}

typedef struct {
	guint pending;
	GError *error; /* owned, nullable: the first required plugin that failed */
} CblueLoaderOp;

static void
cblue_loader_op_free(CblueLoaderOp *op)
{
	g_clear_error(&op->error);
	g_free(op);
}

static void
cblue_loader_op_return(GTask *task, CblueLoaderOp *op)
{
	if (op->error != NULL)
		g_task_return_error(task, g_steal_pointer(&op->error));
	else
		g_task_return_boolean(task, TRUE);
}

static void
cblue_plugin_loader_setup_one_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	CbluePlugin *plugin = CBLUE_PLUGIN(source);
	g_autoptr(GTask) task = G_TASK(user_data);
	CbluePluginLoader *self = g_task_get_source_object(task);
	CblueLoaderOp *op = g_task_get_task_data(task);
	g_autoptr(GError) error = NULL;

	if (!cblue_plugin_runner_setup_finish(plugin, res, &error)) {
		/* the runner already named the plugin: "name: message" */
		g_autofree gchar *prefix = g_strdup_printf("%s: ", cblue_plugin_get_name(plugin));
		const gchar *message = g_str_has_prefix(error->message, prefix) ? error->message + strlen(prefix)
										 : error->message;
		cblue_plugin_set_disabled(plugin, message);
		cblue_plugin_loader_add_failure(self, cblue_plugin_get_name(plugin), message);
		if (cblue_plugin_get_required(plugin) && op->error == NULL)
			op->error = g_error_copy(error);
	}
	if (--op->pending == 0)
		cblue_loader_op_return(task, op);
}

/**
 * cblue_plugin_loader_setup_async:
 * @self: a #CbluePluginLoader
 * @cancellable: (nullable): a #GCancellable
 * @callback: the callback
 * @user_data: data for @callback
 *
 * Sets up every loaded plugin, concurrently. A plugin whose setup fails is disabled and
 * reported; that is not an error of the whole setup, unless the plugin is required (see
 * [method@Plugin.set_required]).
 *
 * Since: 1.0
 */
void
cblue_plugin_loader_setup_async(CbluePluginLoader *self, GCancellable *cancellable, GAsyncReadyCallback callback,
				gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(self, cancellable, callback, user_data);
	CblueLoaderOp *op = g_new0(CblueLoaderOp, 1);

	g_task_set_source_tag(task, cblue_plugin_loader_setup_async);
	g_task_set_task_data(task, op, (GDestroyNotify)cblue_loader_op_free);
	op->pending = 1; /* held until every setup is started */
	for (guint i = 0; i < self->plugins->len; i++) {
		op->pending++;
		cblue_plugin_runner_setup_async(g_ptr_array_index(self->plugins, i), cancellable,
						cblue_plugin_loader_setup_one_cb, g_object_ref(task));
	}
	if (--op->pending == 0)
		cblue_loader_op_return(task, op);
}

/**
 * cblue_plugin_loader_setup_finish:
 * @self: a #CbluePluginLoader
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes [method@PluginLoader.setup_async].
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_plugin_loader_setup_finish(CbluePluginLoader *self, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, self), FALSE);
	return g_task_propagate_boolean(G_TASK(result), error);
}

typedef struct {
	GMainContext *context;
	GAsyncResult *result;
} CblueSyncData;

static void
cblue_sync_data_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	CblueSyncData *data = user_data;
	data->result = g_object_ref(res);
	g_main_context_wakeup(data->context);
}

/**
 * cblue_plugin_loader_setup_sync:
 * @self: a #CbluePluginLoader
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Sets up every plugin, iterating a private main context; for the CLI and Python.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_plugin_loader_setup_sync(CbluePluginLoader *self, GCancellable *cancellable, GError **error)
{
	g_autoptr(GMainContext) context = g_main_context_new();
	CblueSyncData data = {context, NULL};
	gboolean ret;

	g_main_context_push_thread_default(context);
	cblue_plugin_loader_setup_async(self, cancellable, cblue_sync_data_cb, &data);
	while (data.result == NULL)
		g_main_context_iteration(context, TRUE);
	g_main_context_pop_thread_default(context);
	ret = cblue_plugin_loader_setup_finish(self, data.result, error);
	g_object_unref(data.result);
	return ret;
}

static void
cblue_plugin_loader_shutdown_one_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	CbluePlugin *plugin = CBLUE_PLUGIN(source);
	g_autoptr(GTask) task = G_TASK(user_data);
	CblueLoaderOp *op = g_task_get_task_data(task);
	g_autoptr(GError) error = NULL;

	if (!cblue_plugin_runner_shutdown_finish(plugin, res, &error))
		g_warning("shutdown: %s", error->message);
	if (--op->pending == 0)
		g_task_return_boolean(task, TRUE);
}

/**
 * cblue_plugin_loader_shutdown_async:
 * @self: a #CbluePluginLoader
 * @cancellable: (nullable): a #GCancellable
 * @callback: the callback
 * @user_data: data for @callback
 *
 * Shuts every enabled plugin down (flushing queued writes).
 *
 * Since: 1.0
 */
void
cblue_plugin_loader_shutdown_async(CbluePluginLoader *self, GCancellable *cancellable,
				   GAsyncReadyCallback callback, gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(self, cancellable, callback, user_data);
	CblueLoaderOp *op = g_new0(CblueLoaderOp, 1);

	g_task_set_source_tag(task, cblue_plugin_loader_shutdown_async);
	g_task_set_task_data(task, op, (GDestroyNotify)cblue_loader_op_free);
	op->pending = 1;
	for (guint i = 0; i < self->plugins->len; i++) {
		op->pending++;
		cblue_plugin_runner_shutdown_async(g_ptr_array_index(self->plugins, i), cancellable,
						   cblue_plugin_loader_shutdown_one_cb, g_object_ref(task));
	}
	if (--op->pending == 0)
		g_task_return_boolean(task, TRUE);
}

/**
 * cblue_plugin_loader_shutdown_finish:
 * @self: a #CbluePluginLoader
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes [method@PluginLoader.shutdown_async].
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_plugin_loader_shutdown_finish(CbluePluginLoader *self, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, self), FALSE);
	return g_task_propagate_boolean(G_TASK(result), error);
}

/**
 * cblue_plugin_loader_shutdown_sync:
 * @self: a #CbluePluginLoader
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Shuts every plugin down, iterating a private main context.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_plugin_loader_shutdown_sync(CbluePluginLoader *self, GCancellable *cancellable, GError **error)
{
	g_autoptr(GMainContext) context = g_main_context_new();
	CblueSyncData data = {context, NULL};
	gboolean ret;

	g_main_context_push_thread_default(context);
	cblue_plugin_loader_shutdown_async(self, cancellable, cblue_sync_data_cb, &data);
	while (data.result == NULL)
		g_main_context_iteration(context, TRUE);
	g_main_context_pop_thread_default(context);
	ret = cblue_plugin_loader_shutdown_finish(self, data.result, error);
	g_object_unref(data.result);
	return ret;
}
