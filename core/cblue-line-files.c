/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* Folders of line files: the bundled lists, then a business's own `*.txt` files in name
 * order, line by line, and a watch on the folder for hot reloads (see
 * cblue-line-files-private.h). */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cblue-error.h"
#include "cblue-line-files-private.h"

gboolean
cblue_line_files_read_data(const gchar *data, gsize len, const gchar *where, CblueLineFilesFunc func,
			   gpointer user_data, GError **error)
{
	g_autofree gchar *copy = g_strndup(data, len);
	g_auto(GStrv) lines = NULL;

	if (strlen(copy) != len) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("%s: the file contains a NUL byte"), where);
		return FALSE;
	}
	lines = g_strsplit(copy, "\n", -1);
	for (guint i = 0; lines[i] != NULL; i++) {
		gchar *line = lines[i];
		if (!g_utf8_validate(line, -1, NULL)) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("%s:%u: invalid UTF-8"), where, i + 1);
			return FALSE;
		}
		g_strstrip(line);
		if (line[0] == '\0' || line[0] == '#')
			continue;
		if (!func(line, where, i + 1, user_data, error))
			return FALSE;
	}
	return TRUE;
}

static gint
cblue_line_files_strcmp_ptr(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const gchar *const *)a, *(const gchar *const *)b);
}

gboolean
cblue_line_files_read(const gchar *resource_dir, const gchar *what, const gchar *dir, CblueLineFilesFunc func,
		      gpointer user_data, GError **error)
{
	static const gchar *const langs[] = {"en", "th", "zh"};
	g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GDir) gdir = NULL;
	const gchar *name;

	for (guint i = 0; i < G_N_ELEMENTS(langs); i++) {
		g_autofree gchar *path = g_strdup_printf("%s/%s.txt", resource_dir, langs[i]);
		g_autofree gchar *where = g_strdup_printf("resource://%s", path);
		g_autoptr(GBytes) bytes = g_resources_lookup_data(path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
		gsize len = 0;
		const gchar *data;
		if (bytes == NULL) {
			g_warning("no bundled %s for %s", what, langs[i]);
			continue;
		}
		data = g_bytes_get_data(bytes, &len);
		if (!cblue_line_files_read_data(data, len, where, func, user_data, error))
			return FALSE;
	}
	if (dir != NULL)
		gdir = g_dir_open(dir, 0, NULL);
	while (gdir != NULL && (name = g_dir_read_name(gdir)) != NULL) {
		if (g_str_has_suffix(name, ".txt") && name[0] != '.')
			g_ptr_array_add(names, g_strdup(name));
	}
	g_ptr_array_sort(names, cblue_line_files_strcmp_ptr);
	for (guint i = 0; i < names->len; i++) {
		g_autofree gchar *path = g_build_filename(dir, (const gchar *)g_ptr_array_index(names, i), NULL);
		g_autofree gchar *data = NULL;
		gsize len = 0;
		if (!g_file_get_contents(path, &data, &len, error)) {
			cblue_error_convert(error);
			return FALSE;
		}
		if (!cblue_line_files_read_data(data, len, path, func, user_data, error))
			return FALSE;
	}
	return TRUE;
}

/* A burst of changes (an editor saving, a copy) makes one reload, shortly after the last */
#define CBLUE_LINE_FILES_RELOAD_DELAY_MS 200

struct _CblueLineFilesWatch {
	GFileMonitor *monitor; /* owned, nullable: the folder cannot be watched */
	GSource *pending; /* owned, nullable: a call of @changed after the last change */
	GMainContext *context; /* owned: where @pending runs */
	gchar *source_name; /* owned: @pending's name */
	CblueLineFilesChanged changed;
	gpointer user_data;
};

static gboolean
cblue_line_files_watch_fire_cb(gpointer user_data)
{
	CblueLineFilesWatch *watch = user_data;

	g_clear_pointer(&watch->pending, g_source_unref);
	watch->changed(watch->user_data);
	return G_SOURCE_REMOVE;
}

static void
cblue_line_files_watch_changed_cb(GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event,
				  gpointer user_data)
{
	CblueLineFilesWatch *watch = user_data;

	if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT ||
	    event == G_FILE_MONITOR_EVENT_UNMOUNTED)
		return;
	if (watch->pending != NULL) {
		g_source_destroy(watch->pending);
		g_clear_pointer(&watch->pending, g_source_unref);
	}
	watch->pending = g_timeout_source_new(CBLUE_LINE_FILES_RELOAD_DELAY_MS);
	g_source_set_callback(watch->pending, cblue_line_files_watch_fire_cb, watch, NULL);
	g_source_set_name(watch->pending, watch->source_name);
	g_source_attach(watch->pending, watch->context);
}

/* Plugins are set up in a private context; the events go to the global default one, which
 * `cblue serve` runs. */
CblueLineFilesWatch *
cblue_line_files_watch_new(const gchar *dir, const gchar *what, CblueLineFilesChanged changed, gpointer user_data)
{
	CblueLineFilesWatch *watch = g_new0(CblueLineFilesWatch, 1);
	g_autoptr(GFile) file = g_file_new_for_path(dir);
	g_autoptr(GError) error = NULL;

	watch->changed = changed;
	watch->user_data = user_data;
	watch->context = g_main_context_ref(g_main_context_default());
	watch->source_name = g_strdup_printf("[cblue] %s reload", what);
	/* watching a folder that does not exist yet works too, but notices it late */
	if (g_mkdir_with_parents(dir, 0700) != 0)
		g_debug("cannot create %s: %s", dir, g_strerror(errno));
	g_main_context_push_thread_default(NULL);
	watch->monitor = g_file_monitor_directory(file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
	g_main_context_pop_thread_default(NULL);
	if (watch->monitor == NULL)
		g_debug("cannot watch %s: %s", dir, error->message);
	else
		g_signal_connect(watch->monitor, "changed", G_CALLBACK(cblue_line_files_watch_changed_cb), watch);
	return watch;
}

void
cblue_line_files_watch_free(CblueLineFilesWatch *watch)
{
	if (watch == NULL)
		return;
	if (watch->monitor != NULL) {
		g_signal_handlers_disconnect_by_data(watch->monitor, watch);
		g_file_monitor_cancel(watch->monitor);
		g_clear_object(&watch->monitor);
	}
	if (watch->pending != NULL) {
		g_source_destroy(watch->pending);
		g_clear_pointer(&watch->pending, g_source_unref);
	}
	g_main_context_unref(watch->context);
	g_free(watch->source_name);
	g_free(watch);
}
