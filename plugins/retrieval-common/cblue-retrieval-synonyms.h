/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* the synonyms files (data/synonyms/, <data_dir>/synonyms/) that every retriever applies to
 * the KB and to the questions alike: one loader, one matcher (read, and watched for hot reloads,
 * through cblue-line-files-private.h) */

#include "cblue.h"

G_BEGIN_DECLS

typedef struct _CblueRetrievalSynonyms CblueRetrievalSynonyms;

CblueRetrievalSynonyms *cblue_retrieval_synonyms_new(CblueTokenizer *tokenizer);
gboolean cblue_retrieval_synonyms_add_data(CblueRetrievalSynonyms *self, const gchar *data, gsize len, const gchar *where,
				      GError **error);
void cblue_retrieval_synonyms_seal(CblueRetrievalSynonyms *self);
CblueRetrievalSynonyms *cblue_retrieval_synonyms_load(CblueTokenizer *tokenizer, const gchar *dir, GError **error);
CblueRetrievalSynonyms *cblue_retrieval_synonyms_ref(CblueRetrievalSynonyms *self);
void cblue_retrieval_synonyms_unref(CblueRetrievalSynonyms *self);
const gchar *cblue_retrieval_synonyms_get_digest(CblueRetrievalSynonyms *self);
guint cblue_retrieval_synonyms_get_size(CblueRetrievalSynonyms *self);
gchar *cblue_retrieval_synonyms_apply(CblueRetrievalSynonyms *self, const gchar *normalized);
gchar *cblue_retrieval_synonyms_correct(CblueRetrievalSynonyms *self, const gchar *word);

CblueRetrievalSynonyms *cblue_retrieval_synonyms_load_or_bundled(CblueTokenizer *tokenizer, const gchar *dir,
							  GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueRetrievalSynonyms, cblue_retrieval_synonyms_unref)

G_END_DECLS
