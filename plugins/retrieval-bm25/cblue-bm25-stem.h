/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gchar *cblue_bm25_stem_english(const gchar *word);

G_END_DECLS
