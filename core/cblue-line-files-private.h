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

G_END_DECLS
