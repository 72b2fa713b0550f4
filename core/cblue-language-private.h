/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* As cblue_language_detect(), and whether the text says its language at all: it does not when
 * it has no Thai or Chinese character, no English function word, no romanised Thai or pinyin
 * and at most two Latin words ("ok", "5kw", "10kWh?", "Huawei SUN2000"). Such a message in a
 * conversation is in the conversation's language (cblue_bot_prepare()). */
const gchar *cblue_language_detect_evident(const gchar *text, gboolean *evident);
/* the static string of a supported language code, or %NULL */
const gchar *cblue_language_static(const gchar *language);

G_END_DECLS
