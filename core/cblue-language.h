/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <glib.h>

#include "cblue-version-macros.h"

G_BEGIN_DECLS

/**
 * CblueScript:
 * @CBLUE_SCRIPT_OTHER: punctuation, symbols, spaces and scripts Cblue does not segment
 * @CBLUE_SCRIPT_LATIN: Latin letters and digits
 * @CBLUE_SCRIPT_THAI: Thai
 * @CBLUE_SCRIPT_HAN: Chinese characters (Han)
 *
 * The writing systems that language detection and tokenization tell apart.
 *
 * Since: 1.0
 */
typedef enum {
	CBLUE_SCRIPT_OTHER,
	CBLUE_SCRIPT_LATIN,
	CBLUE_SCRIPT_THAI,
	CBLUE_SCRIPT_HAN,
} CblueScript;

CBLUE_AVAILABLE_IN_1_0
CblueScript cblue_script_for_char(gunichar ch);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_language_detect(const gchar *text, gdouble *confidence);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_language_is_supported(const gchar *language);

G_END_DECLS
