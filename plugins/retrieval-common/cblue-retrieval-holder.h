/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"
#include "cblue-retrieval-synonyms.h"

G_BEGIN_DECLS

/*
 * What every retriever with an in-memory index does around it, whatever the index: keep the
 * index in use and the synonyms it was built with, rebuild it when the KB is published (from
 * the index cache, or analyzing only the entries that changed) or when the synonyms files
 * change (in a thread), and install only the newest build. A plain structure, not a GObject
 * type: this static library is linked into several plugin modules of one process, which
 * could not each register the same type.
 */

/* what the holder needs of an index type; @config is the retriever's, given to
 * cblue_retrieval_holder_new() (its parameters, stop words...) */
typedef struct {
	const gchar *cache_prefix; /* of the cache files, and the retriever's name in logs */
	gpointer (*ref)(gpointer index);
	void (*unref)(gpointer index);
	/* the index of @kb; @previous (nullable) is the index in use, whose unchanged entries
	 * need no analysis; @n_analyzed is set to the number of entries analyzed */
	gpointer (*build)(gconstpointer config, CblueTokenizer *tokenizer, CblueKb *kb,
			  CblueRetrievalSynonyms *synonyms, gpointer previous, guint n_threads, guint *n_analyzed);
	GBytes *(*serialize)(gpointer index);
	gpointer (*new_from_bytes)(gconstpointer config, CblueTokenizer *tokenizer, GBytes *bytes,
				   CblueRetrievalSynonyms *synonyms, GError **error);
	/* adds to the cache key what the index depends on besides the analysis code, the KB
	 * and the synonyms (the parameters, the stop words...) */
	void (*update_cache_key)(gconstpointer config, CblueTokenizer *tokenizer, GChecksum *checksum);
	/* the index's size for the logs (nullable) */
	gchar *(*describe)(gpointer index);
} CblueRetrievalIndexFuncs;

typedef struct _CblueRetrievalHolder CblueRetrievalHolder;

/* the approximate search's defaults ([retrieval-bm25] and [retrieval-ngram] common_terms,
 * common_min_df, common_fraction; see cblue_retrieval_holder_set_common_terms()) */
#define CBLUE_RETRIEVAL_COMMON_TERMS	TRUE
#define CBLUE_RETRIEVAL_COMMON_MIN_DF	2000
#define CBLUE_RETRIEVAL_COMMON_FRACTION 0.02

CblueRetrievalHolder *cblue_retrieval_holder_new(const CblueRetrievalIndexFuncs *funcs, gconstpointer config,
						 GObject *owner, CblueTokenizer *tokenizer, const gchar *code_id);
void cblue_retrieval_holder_free(CblueRetrievalHolder *self);
void cblue_retrieval_holder_stop_watching(CblueRetrievalHolder *self);
void cblue_retrieval_holder_set_cache_dir(CblueRetrievalHolder *self, const gchar *cache_dir);
void cblue_retrieval_holder_set_build_threads(CblueRetrievalHolder *self, guint n_threads);
void cblue_retrieval_holder_set_common_terms(CblueRetrievalHolder *self, gboolean on, guint min_df, gdouble fraction);
guint32 cblue_retrieval_holder_get_common_df(CblueRetrievalHolder *self, guint n_docs);
gboolean cblue_retrieval_holder_set_synonyms_dir(CblueRetrievalHolder *self, const gchar *dir, gboolean watch,
						 GError **error);
gboolean cblue_retrieval_holder_reload_synonyms(CblueRetrievalHolder *self, GError **error);
void cblue_retrieval_holder_configure(CblueRetrievalHolder *self, CblueContext *context, const gchar *group);
void cblue_retrieval_holder_rebuild(CblueRetrievalHolder *self, CblueKb *kb);
gpointer cblue_retrieval_holder_get_index(CblueRetrievalHolder *self);
CblueRetrievalSynonyms *cblue_retrieval_holder_get_synonyms(CblueRetrievalHolder *self);
guint cblue_retrieval_holder_get_n_builds(CblueRetrievalHolder *self);
guint cblue_retrieval_holder_get_n_analyzed(CblueRetrievalHolder *self);

G_END_DECLS
