/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-ngram-retriever.h"
#include "cblue-retrieval-common.h"

/* The n-gram retriever: owns the current index and the synonyms it was built with (the
 * same files as BM25's, retrieval-common's loader); a rebuild swaps it in under the mutex
 * and searches running meanwhile finish with the previous one. An index is kept in the
 * cache folder under a key of everything it depends on, so that a process starts without
 * analyzing the KB again; a publish analyzes only the entries that changed, a change of the
 * synonyms files rebuilds the index in a thread. Each build carries a generation number and
 * only the newest build is installed. */

struct _CblueRetrieverNgram {
	GObject parent_instance;
	CblueTokenizer *tokenizer; /* owned */
	CblueNgramParams params;
	gchar *code_id; /* owned: identifies the analysis code, part of the cache key */
	gchar *cache_dir; /* owned, nullable: no index cache */
	guint build_threads; /* the threads a build analyzes on (0: as many as there are CPUs) */
	gchar *synonyms_dir; /* owned, nullable: bundled synonyms only */
	CblueRetrievalSynonymsWatch *watch; /* owned, nullable: synonyms_dir is not watched */
	GMutex mutex; /* protects the fields below */
	CblueNgramIndex *index; /* owned, nullable until the first rebuild */
	CblueRetrievalSynonyms *synonyms; /* owned, nullable: no synonyms */
	CblueKb *kb; /* owned, nullable: the KB of the last rebuild, for synonyms reloads */
	guint64 generation; /* of the newest build started */
	guint n_builds; /* builds installed */
	guint n_analyzed; /* entries analyzed by the rebuilds */
};

static void cblue_retriever_ngram_iface_init(CblueRetrieverInterface *iface);

G_DEFINE_TYPE_WITH_CODE(CblueRetrieverNgram, cblue_retriever_ngram, G_TYPE_OBJECT,
			G_IMPLEMENT_INTERFACE(CBLUE_TYPE_RETRIEVER, cblue_retriever_ngram_iface_init))

static void
cblue_retriever_ngram_dispose(GObject *object)
{
	CblueRetrieverNgram *self = CBLUE_RETRIEVER_NGRAM(object);
	g_clear_pointer(&self->watch, cblue_retrieval_synonyms_watch_free);
	G_OBJECT_CLASS(cblue_retriever_ngram_parent_class)->dispose(object);
}

static void
cblue_retriever_ngram_finalize(GObject *object)
{
	CblueRetrieverNgram *self = CBLUE_RETRIEVER_NGRAM(object);
	g_clear_pointer(&self->index, cblue_ngram_index_unref);
	g_clear_pointer(&self->synonyms, cblue_retrieval_synonyms_unref);
	g_clear_object(&self->kb);
	g_free(self->synonyms_dir);
	g_clear_object(&self->tokenizer);
	g_free(self->code_id);
	g_free(self->cache_dir);
	g_mutex_clear(&self->mutex);
	G_OBJECT_CLASS(cblue_retriever_ngram_parent_class)->finalize(object);
}

static void
cblue_retriever_ngram_class_init(CblueRetrieverNgramClass *klass)
{
	G_OBJECT_CLASS(klass)->dispose = cblue_retriever_ngram_dispose;
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

/* The cache key: the analysis code, the parameters, the synonyms and everything of the KB
 * that the index reads, in order (retrieval-common's 128-bit hash of the KB) */
static gchar *
cblue_retriever_ngram_cache_path(CblueRetrieverNgram *self, CblueKb *kb, CblueRetrievalSynonyms *synonyms)
{
	g_autoptr(GChecksum) checksum = g_checksum_new(G_CHECKSUM_SHA256);
	guint64 hash[2] = CBLUE_RETRIEVAL_HASH_INIT;

	cblue_retrieval_hash_kb(hash, kb);
	g_checksum_update(checksum, (const guchar *)self->code_id, -1);
	g_checksum_update(checksum, (const guchar *)&self->params, sizeof(self->params));
	g_checksum_update(checksum, (const guchar *)hash, sizeof(hash));
	g_checksum_update(checksum, (const guchar *)"synonyms:", -1);
	if (synonyms != NULL)
		g_checksum_update(checksum, (const guchar *)cblue_retrieval_synonyms_get_digest(synonyms), -1);
	return cblue_retrieval_cache_path(self->cache_dir, "retrieval-ngram", g_checksum_get_string(checksum));
}

static CblueNgramIndex *
cblue_retriever_ngram_load_cache(CblueRetrieverNgram *self, const gchar *path, CblueRetrievalSynonyms *synonyms)
{
	g_autoptr(GBytes) bytes = cblue_retrieval_cache_load(path);
	g_autoptr(GError) error = NULL;
	CblueNgramIndex *index;

	if (bytes == NULL)
		return NULL;
	index = cblue_ngram_index_new_from_bytes(bytes, self->tokenizer, synonyms, &error);
	if (index == NULL)
		g_debug("ignoring index cache %s: %s", path, error->message);
	return index;
}

/* Builds (or loads from the cache) the index of @kb with @synonyms and installs it, unless a
 * newer build started meanwhile; thread-safe. A build first looks in the cache; otherwise it
 * analyzes only the entries that changed since the index in use (see
 * cblue_ngram_index_new_incremental()). */
static void
cblue_retriever_ngram_build(CblueRetrieverNgram *self, CblueKb *kb, CblueRetrievalSynonyms *synonyms,
			    guint64 generation)
{
	gint64 t0 = g_get_monotonic_time();
	g_autofree gchar *cache_path =
	    self->cache_dir != NULL ? cblue_retriever_ngram_cache_path(self, kb, synonyms) : NULL;
	CblueNgramIndex *index = cache_path != NULL ? cblue_retriever_ngram_load_cache(self, cache_path, synonyms) : NULL;
	g_autoptr(CblueNgramIndex) previous = NULL;
	gboolean from_cache = index != NULL;
	gboolean installed = FALSE;
	guint n_analyzed = 0;
	CblueNgramIndex *old;

	if (index == NULL) {
		g_mutex_lock(&self->mutex);
		if (self->index != NULL)
			previous = cblue_ngram_index_ref(self->index);
		g_mutex_unlock(&self->mutex);
		index = cblue_ngram_index_build(kb, self->tokenizer, synonyms, &self->params, previous,
						self->build_threads, &n_analyzed);
		if (cache_path != NULL) {
			g_autoptr(GBytes) bytes = cblue_ngram_index_serialize(index);
			cblue_retrieval_cache_save(self->cache_dir, "retrieval-ngram", cache_path, bytes);
		}
	}

	g_mutex_lock(&self->mutex);
	if (generation == self->generation) {
		old = self->index;
		self->index = index;
		self->n_builds++;
		self->n_analyzed += n_analyzed;
		installed = TRUE;
	} else {
		old = index;
	}
	g_mutex_unlock(&self->mutex);
	g_debug("indexed %u topics (%u analyzed), %u n-grams, %" G_GSIZE_FORMAT " postings, %" G_GSIZE_FORMAT
		" bytes in %.1f ms (%s)%s",
		cblue_kb_get_size(kb), n_analyzed, cblue_ngram_index_get_n_terms(index),
		cblue_ngram_index_get_n_postings(index), cblue_ngram_index_get_memory_size(index),
		(g_get_monotonic_time() - t0) / 1000.0,
		from_cache ? "from the cache" : previous != NULL ? "incremental" : "analyzed",
		installed ? "" : ", superseded by a newer build");
	if (old != NULL)
		cblue_ngram_index_unref(old);
}

static gboolean
cblue_retriever_ngram_rebuild(CblueRetriever *retriever, CblueKb *kb, GError **error)
{
	CblueRetrieverNgram *self = CBLUE_RETRIEVER_NGRAM(retriever);
	g_autoptr(CblueRetrievalSynonyms) synonyms = NULL;
	guint64 generation;

	g_mutex_lock(&self->mutex);
	generation = ++self->generation;
	g_set_object(&self->kb, kb);
	if (self->synonyms != NULL)
		synonyms = cblue_retrieval_synonyms_ref(self->synonyms);
	g_mutex_unlock(&self->mutex);
	cblue_retriever_ngram_build(self, kb, synonyms, generation);
	return TRUE;
}

/* a rebuild after a synonyms change, off the main context */
typedef struct {
	CblueKb *kb; /* owned */
	CblueRetrievalSynonyms *synonyms; /* owned */
	guint64 generation;
} CblueNgramBuildJob;

static void
cblue_ngram_build_job_free(CblueNgramBuildJob *job)
{
	g_object_unref(job->kb);
	cblue_retrieval_synonyms_unref(job->synonyms);
	g_free(job);
}

static void
cblue_retriever_ngram_build_thread(GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
	CblueNgramBuildJob *job = task_data;
	cblue_retriever_ngram_build(CBLUE_RETRIEVER_NGRAM(source), job->kb, job->synonyms, job->generation);
	g_task_return_boolean(task, TRUE);
}

/**
 * cblue_retriever_ngram_reload_synonyms:
 * @self: a retriever
 * @error: return location for a #GError
 *
 * Reads the synonyms again (bundled, then the synonyms folder). If they changed, the index
 * of the current KB is rebuilt with them in a thread; searches use the previous index until
 * the new one is ready.
 *
 * Returns: %FALSE if a file is invalid (@error names the file and line), in which case the
 *   previous synonyms stay in force
 */
gboolean
cblue_retriever_ngram_reload_synonyms(CblueRetrieverNgram *self, GError **error)
{
	g_autoptr(CblueRetrievalSynonyms) synonyms =
	    cblue_retrieval_synonyms_load(self->tokenizer, self->synonyms_dir, error);
	g_autoptr(GTask) task = NULL;
	CblueNgramBuildJob *job;

	if (synonyms == NULL)
		return FALSE;
	g_mutex_lock(&self->mutex);
	if (self->synonyms != NULL && g_strcmp0(cblue_retrieval_synonyms_get_digest(self->synonyms),
						cblue_retrieval_synonyms_get_digest(synonyms)) == 0) {
		g_mutex_unlock(&self->mutex);
		return TRUE;
	}
	g_clear_pointer(&self->synonyms, cblue_retrieval_synonyms_unref);
	self->synonyms = cblue_retrieval_synonyms_ref(synonyms);
	if (self->kb == NULL) {
		g_mutex_unlock(&self->mutex);
		return TRUE;
	}
	job = g_new0(CblueNgramBuildJob, 1);
	job->kb = g_object_ref(self->kb);
	job->synonyms = g_steal_pointer(&synonyms);
	job->generation = ++self->generation;
	g_mutex_unlock(&self->mutex);

	g_info("synonyms changed: rebuilding the index (%u synonym terms)",
	       cblue_retrieval_synonyms_get_size(job->synonyms));
	task = g_task_new(self, NULL, NULL, NULL);
	g_task_set_source_tag(task, cblue_retriever_ngram_reload_synonyms);
	g_task_set_task_data(task, job, (GDestroyNotify)cblue_ngram_build_job_free);
	g_task_run_in_thread(task, cblue_retriever_ngram_build_thread);
	return TRUE;
}

static void
cblue_retriever_ngram_synonyms_changed_cb(gpointer user_data)
{
	CblueRetrieverNgram *self = CBLUE_RETRIEVER_NGRAM(user_data);
	g_autoptr(GError) error = NULL;

	if (!cblue_retriever_ngram_reload_synonyms(self, &error))
		g_warning("synonyms not reloaded, the previous ones stay in force: %s", error->message);
}

/**
 * cblue_retriever_ngram_set_synonyms_dir:
 * @self: a retriever
 * @dir: (nullable): the folder of synonyms files that extend the bundled ones
 * @watch: reload them whenever a file of @dir changes (on the global default main context)
 * @error: return location for a #GError
 *
 * Turns synonyms on: the bundled ones, extended and overridden by the `*.txt` files of @dir
 * (the files BM25 reads). To be called before the first build.
 *
 * Returns: %FALSE if a file of @dir is invalid; the bundled synonyms are then used alone
 */
gboolean
cblue_retriever_ngram_set_synonyms_dir(CblueRetrieverNgram *self, const gchar *dir, gboolean watch, GError **error)
{
	g_autoptr(CblueRetrievalSynonyms) synonyms = NULL;
	g_autoptr(GError) error_local = NULL;

	g_free(self->synonyms_dir);
	self->synonyms_dir = g_strdup(dir);
	synonyms = cblue_retrieval_synonyms_load_or_bundled(self->tokenizer, dir, &error_local);
	g_mutex_lock(&self->mutex);
	g_clear_pointer(&self->synonyms, cblue_retrieval_synonyms_unref);
	self->synonyms = g_steal_pointer(&synonyms);
	g_mutex_unlock(&self->mutex);

	if (watch && dir != NULL && self->watch == NULL)
		self->watch = cblue_retrieval_synonyms_watch_new(dir, cblue_retriever_ngram_synonyms_changed_cb, self);
	if (error_local != NULL) {
		g_propagate_error(error, g_steal_pointer(&error_local));
		return FALSE;
	}
	return TRUE;
}

/* how many builds were installed, for tests */
guint
cblue_retriever_ngram_get_n_builds(CblueRetrieverNgram *self)
{
	guint n;
	g_mutex_lock(&self->mutex);
	n = self->n_builds;
	g_mutex_unlock(&self->mutex);
	return n;
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

/* the hits, best first, to @func (cblue-retriever-private.h) */
static gboolean
cblue_retriever_ngram_search_each(CblueRetriever *retriever, CblueMessage *message, guint max_hits,
				  CblueRetrieverHitFunc func, gpointer user_data, GError **error)
{
	CblueRetrieverNgram *self = CBLUE_RETRIEVER_NGRAM(retriever);
	g_autoptr(CblueNgramIndex) index = NULL;

	g_mutex_lock(&self->mutex);
	if (self->index != NULL)
		index = cblue_ngram_index_ref(self->index);
	g_mutex_unlock(&self->mutex);
	if (index != NULL)
		cblue_ngram_index_search_each(index, cblue_message_get_text(message), max_hits, TRUE, func, user_data);
	return TRUE;
}

static GPtrArray *
cblue_retriever_ngram_search(CblueRetriever *retriever, CblueMessage *message, guint max_hits, GError **error)
{
	return cblue_retrieval_search_hits(cblue_retriever_ngram_search_each, retriever, message, max_hits, error);
}

static void
cblue_retriever_ngram_iface_init(CblueRetrieverInterface *iface)
{
	iface->rebuild = cblue_retriever_ngram_rebuild;
	iface->search = cblue_retriever_ngram_search;
	cblue_retriever_implement_search_each(iface, cblue_retriever_ngram_search_each);
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
