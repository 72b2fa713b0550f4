/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"

G_BEGIN_DECLS

void cblue_test_init(int *argc, char ***argv);
gchar *cblue_test_make_tmpdir(void);
gchar *cblue_test_data_path(const gchar *name);
void cblue_test_capture_warnings(void);
guint cblue_test_count_warnings(const gchar *pattern);
CblueContext *cblue_test_context_new(const gchar *config_text, CbluePluginLoader **loader_out);

G_END_DECLS
