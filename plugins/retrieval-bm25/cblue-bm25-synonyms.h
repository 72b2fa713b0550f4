/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"

G_BEGIN_DECLS

typedef struct _CblueBm25Synonyms CblueBm25Synonyms;

CblueBm25Synonyms *cblue_bm25_synonyms_new(CblueTokenizer *tokenizer);
gboolean cblue_bm25_synonyms_add_data(CblueBm25Synonyms *self, const gchar *data, gsize len, const gchar *where,
				      GError **error);
gboolean cblue_bm25_synonyms_add_file(CblueBm25Synonyms *self, const gchar *filename, GError **error);
void cblue_bm25_synonyms_seal(CblueBm25Synonyms *self);
CblueBm25Synonyms *cblue_bm25_synonyms_load(CblueTokenizer *tokenizer, const gchar *dir, GError **error);
CblueBm25Synonyms *cblue_bm25_synonyms_ref(CblueBm25Synonyms *self);
void cblue_bm25_synonyms_unref(CblueBm25Synonyms *self);
const gchar *cblue_bm25_synonyms_get_digest(CblueBm25Synonyms *self);
guint cblue_bm25_synonyms_get_size(CblueBm25Synonyms *self);
gchar *cblue_bm25_synonyms_apply(CblueBm25Synonyms *self, const gchar *normalized);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueBm25Synonyms, cblue_bm25_synonyms_unref)

G_END_DECLS
