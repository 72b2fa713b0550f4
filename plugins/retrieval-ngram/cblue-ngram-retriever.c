/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-ngram-retriever.h"
#include "cblue-retrieval-common.h"

/* The n-gram retriever: owns the current index; a rebuild swaps it in under the mutex and
 * searches running meanwhile finish with the previous one. An index is kept in the cache
 * folder under a key of everything it depends on, so that a process starts without
 * analyzing the KB again; a publish analyzes only the entries that changed. */

struct _CblueRetrieverNgram {
	GObject parent_instance;
	CblueTokenizer *tokenizer; /* owned */
	CblueNgramParams params;
	gchar *code_id; /* owned: identifies the analysis code, part of the cache key */
	gchar *cache_dir; /* owned, nullable: no index cache */
	guint build_threads; /* the threads a build analyzes on (0: as many as there are CPUs) */
	GMutex mutex; /* protects index */
	CblueNgramIndex *index; /* owned, nullable until the first rebuild */
	guint n_analyzed; /* entries analyzed by the rebuilds */
};

static void cblue_retriever_ngram_iface_init(CblueRetrieverInterface *iface);

G_DEFINE_TYPE_WITH_CODE(CblueRetrieverNgram, cblue_retriever_ngram, G_TYPE_OBJECT,
			G_IMPLEMENT_INTERFACE(CBLUE_TYPE_RETRIEVER, cblue_retriever_ngram_iface_init))

static void
cblue_retriever_ngram_finalize(GObject *object)
{
	CblueRetrieverNgram *self = CBLUE_RETRIEVER_NGRAM(object);
	g_clear_pointer(&self->index, cblue_ngram_index_unref);
	g_clear_object(&self->tokenizer);
	g_free(self->code_id);
	g_free(self->cache_dir);
	g_mutex_clear(&self->mutex);
	G_OBJECT_CLASS(cblue_retriever_ngram_parent_class)->finalize(object);
}

static void
cblue_retriever_ngram_class_init(CblueRetrieverNgramClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_retriever_ngram_finalize;
}

static void
cblue_retriever_ngram_init(CblueRetrieverNgram *self)
{
	g_mutex_init(&self->mutex);
	cblue_ngram_params_init_default(&self->params);
}

CblueRetrieverNgram *
cblue_retriever_ngram_new(CblueTokenizer *tokenizer, const CblueNgramParams *params, const gchar *code_id)
{
	CblueRetrieverNgram *self = g_object_new(CBLUE_TYPE_RETRIEVER_NGRAM, NULL);
	self->tokenizer = g_object_ref(tokenizer);
	if (params != NULL)
		self->params = *params;
	self->code_id = g_strdup(code_id != NULL ? code_id : "");
	return self;
}

void
cblue_retriever_ngram_set_cache_dir(CblueRetrieverNgram *self, const gchar *cache_dir)
{
	g_free(self->cache_dir);
	self->cache_dir = g_strdup(cache_dir);
}

/* the threads an index build analyzes the KB's entries on: @n_threads, or 0 (the default) for
 * as many as the CPUs the building thread may run on, one per 128 entries to analyze (see
 * cblue_retrieval_build_threads()); the index is the same on any number. To be set before
 * the first build. */
void
cblue_retriever_ngram_set_build_threads(CblueRetrieverNgram *self, guint n_threads)
{
	self->build_threads = n_threads;
}

/* The cache key: the analysis code, the parameters and everything of the KB that the index
 * reads, in order (retrieval-common's 128-bit hash of the KB) */
static gchar *
cblue_retriever_ngram_cache_path(CblueRetrieverNgram *self, CblueKb *kb)
{
	g_autoptr(GChecksum) checksum = g_checksum_new(G_CHECKSUM_SHA256);
	guint64 hash[2] = CBLUE_RETRIEVAL_HASH_INIT;

	cblue_retrieval_hash_kb(hash, kb);
	g_checksum_update(checksum, (const guchar *)self->code_id, -1);
	g_checksum_update(checksum, (const guchar *)&self->params, sizeof(self->params));
	g_checksum_update(checksum, (const guchar *)hash, sizeof(hash));
	return cblue_retrieval_cache_path(self->cache_dir, "retrieval-ngram", g_checksum_get_string(checksum));
}

static CblueNgramIndex *
cblue_retriever_ngram_load_cache(CblueRetrieverNgram *self, const gchar *path)
{
	g_autoptr(GBytes) bytes = cblue_retrieval_cache_load(path);
	g_autoptr(GError) error = NULL;
	CblueNgramIndex *index;

	if (bytes == NULL)
		return NULL;
	index = cblue_ngram_index_new_from_bytes(bytes, self->tokenizer, &error);
	if (index == NULL)
		g_debug("ignoring index cache %s: %s", path, error->message);
	return index;
}

/* A rebuild (a KB publish) first looks in the cache; otherwise it analyzes only the
 * entries that changed since the index in use (see cblue_ngram_index_new_incremental()). */
static gboolean
cblue_retriever_ngram_rebuild(CblueRetriever *retriever, CblueKb *kb, GError **error)
{
	CblueRetrieverNgram *self = CBLUE_RETRIEVER_NGRAM(retriever);
	gint64 t0 = g_get_monotonic_time();
	g_autofree gchar *cache_path = self->cache_dir != NULL ? cblue_retriever_ngram_cache_path(self, kb) : NULL;
	CblueNgramIndex *index = cache_path != NULL ? cblue_retriever_ngram_load_cache(self, cache_path) : NULL;
	g_autoptr(CblueNgramIndex) previous = NULL;
	gboolean from_cache = index != NULL;
	guint n_analyzed = 0;
	CblueNgramIndex *old;

	if (index == NULL) {
		g_mutex_lock(&self->mutex);
		if (self->index != NULL)
			previous = cblue_ngram_index_ref(self->index);
		g_mutex_unlock(&self->mutex);
		index = cblue_ngram_index_build(kb, self->tokenizer, &self->params, previous, self->build_threads,
						&n_analyzed);
		if (cache_path != NULL) {
			g_autoptr(GBytes) bytes = cblue_ngram_index_serialize(index);
			cblue_retrieval_cache_save(self->cache_dir, "retrieval-ngram", cache_path, bytes);
		}
	}

	g_mutex_lock(&self->mutex);
	old = self->index;
	self->index = index;
	self->n_analyzed += n_analyzed;
	g_mutex_unlock(&self->mutex);
	if (old != NULL)
		cblue_ngram_index_unref(old);
	g_debug("indexed %u topics (%u analyzed), %u n-grams, %" G_GSIZE_FORMAT " postings, %" G_GSIZE_FORMAT
		" bytes in %.1f ms (%s)",
		cblue_kb_get_size(kb), n_analyzed, cblue_ngram_index_get_n_terms(index),
		cblue_ngram_index_get_n_postings(index), cblue_ngram_index_get_memory_size(index),
		(g_get_monotonic_time() - t0) / 1000.0, from_cache ? "from the cache" : previous != NULL ? "incremental" : "analyzed");
	return TRUE;
}

/* how many entries the rebuilds analyzed in all (the others came from the cache or the
 * previous index), for tests */
guint
cblue_retriever_ngram_get_n_analyzed(CblueRetrieverNgram *self)
{
	guint n;
	g_mutex_lock(&self->mutex);
	n = self->n_analyzed;
	g_mutex_unlock(&self->mutex);
	return n;
}

static GPtrArray *
cblue_retriever_ngram_search(CblueRetriever *retriever, CblueMessage *message, guint max_hits, GError **error)
{
	CblueRetrieverNgram *self = CBLUE_RETRIEVER_NGRAM(retriever);
	g_autoptr(CblueNgramIndex) index = NULL;

	g_mutex_lock(&self->mutex);
	if (self->index != NULL)
		index = cblue_ngram_index_ref(self->index);
	g_mutex_unlock(&self->mutex);
	if (index == NULL)
		return g_ptr_array_new_with_free_func(g_object_unref);
	return cblue_ngram_index_search(index, cblue_message_get_text(message), max_hits);
}

static void
cblue_retriever_ngram_iface_init(CblueRetrieverInterface *iface)
{
	iface->rebuild = cblue_retriever_ngram_rebuild;
	iface->search = cblue_retriever_ngram_search;
}

/* the index in use (transfer full), nullable before the first build; for benchmarks */
CblueNgramIndex *
cblue_retriever_ngram_get_index(CblueRetrieverNgram *self)
{
	CblueNgramIndex *index = NULL;
	g_mutex_lock(&self->mutex);
	if (self->index != NULL)
		index = cblue_ngram_index_ref(self->index);
	g_mutex_unlock(&self->mutex);
	return index;
}
