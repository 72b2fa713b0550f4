/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <glib-object.h>

#include "cblue-version-macros.h"

G_BEGIN_DECLS

/**
 * CblueThaiSegmenter:
 * @CBLUE_THAI_SEGMENTER_LIBTHAI: libthai's dictionary word breaker (maximal matching)
 * @CBLUE_THAI_SEGMENTER_ICU: ICU's dictionary-based word break iterator
 *
 * The word segmentation engines for Thai.
 *
 * Since: 1.0
 */
typedef enum {
	CBLUE_THAI_SEGMENTER_LIBTHAI,
	CBLUE_THAI_SEGMENTER_ICU,
} CblueThaiSegmenter;

#define CBLUE_TYPE_TOKENIZER (cblue_tokenizer_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE(CblueTokenizer, cblue_tokenizer, CBLUE, TOKENIZER, GObject)

CBLUE_AVAILABLE_IN_1_0
CblueTokenizer *cblue_tokenizer_new(void) G_GNUC_WARN_UNUSED_RESULT;
CBLUE_AVAILABLE_IN_1_0
CblueTokenizer *cblue_tokenizer_new_with_segmenter(CblueThaiSegmenter thai_segmenter) G_GNUC_WARN_UNUSED_RESULT;
CBLUE_AVAILABLE_IN_1_0
CblueThaiSegmenter cblue_tokenizer_get_thai_segmenter(CblueTokenizer *self);
CBLUE_AVAILABLE_IN_1_0
gchar *cblue_tokenizer_normalize(CblueTokenizer *self, const gchar *text);
CBLUE_AVAILABLE_IN_1_0
GPtrArray *cblue_tokenizer_tokenize(CblueTokenizer *self, const gchar *text);
CBLUE_AVAILABLE_IN_1_0
GPtrArray *cblue_tokenizer_segment(CblueTokenizer *self, const gchar *text);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_tokenizer_is_thai_word(CblueTokenizer *self, const gchar *word);

G_END_DECLS
