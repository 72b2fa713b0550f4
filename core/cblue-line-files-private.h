/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

#include "cblue-version-macros.h"

G_BEGIN_DECLS

/* exported for the plugins of this tree (retrieval-common); not a public API */
#define CBLUE_LINE_FILES_PRIVATE_EXTERN _CBLUE_EXTERN

/*
 * Folders of line files, PRIVATE and UNSTABLE (exported for the plugins of this source tree
 * only): the lists a business extends and overrides with its own `*.txt` files, such as the
 * synonyms (plugins/retrieval-common) and the declined services (cblue-declined.c). The
 * bundled files come first (`<resource_dir>/en.txt`, `th.txt`, `zh.txt`), then every `*.txt`
 * file of a folder in name order, each line by line; an error names the file and the line.
 */

/* one line of a file, stripped of surrounding white space: never blank, never a comment
 * (`#…`), valid UTF-8; @line may be changed in place. @where names the file
 * ("resource:///…" or its path), @line_no counts from 1. Returns %FALSE with @error set to
 * stop the reading. */
typedef gboolean (*CblueLineFilesFunc)(gchar *line, const gchar *where, guint line_no, gpointer user_data,
				       GError **error);

/* the lines of one file's contents @data; a NUL byte or invalid UTF-8 is an error */
CBLUE_LINE_FILES_PRIVATE_EXTERN
gboolean cblue_line_files_read_data(const gchar *data, gsize len, const gchar *where, CblueLineFilesFunc func,
				    gpointer user_data, GError **error);

/* the bundled files of @resource_dir (a missing one is a warning: "no bundled @what for en"),
 * then every `*.txt` file of @dir (nullable; a missing folder has none) in name order */
CBLUE_LINE_FILES_PRIVATE_EXTERN
gboolean cblue_line_files_read(const gchar *resource_dir, const gchar *what, const gchar *dir, CblueLineFilesFunc func,
			       gpointer user_data, GError **error);

/* a folder of line files watched for changes: a burst of them (an editor saving, a copy)
 * makes one call of @changed, shortly after the last, on the global default main context */
typedef struct _CblueLineFilesWatch CblueLineFilesWatch;
typedef void (*CblueLineFilesChanged)(gpointer user_data);

/* @dir is created if missing (for the admin to find); @what names the files in the source's
 * name; @user_data must outlive the watch */
CBLUE_LINE_FILES_PRIVATE_EXTERN
CblueLineFilesWatch *cblue_line_files_watch_new(const gchar *dir, const gchar *what, CblueLineFilesChanged changed,
						gpointer user_data);

CBLUE_LINE_FILES_PRIVATE_EXTERN
void cblue_line_files_watch_free(CblueLineFilesWatch *watch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueLineFilesWatch, cblue_line_files_watch_free)

G_END_DECLS
