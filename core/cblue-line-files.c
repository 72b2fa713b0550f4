/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* Folders of line files: the bundled lists, then a business's own `*.txt` files in name
 * order, line by line (see cblue-line-files-private.h). */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
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
