/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-bm25-retriever.h"
#include "cblue-retrieval-common.h"

/*
 * The BM25 retriever: owns the current index and the synonyms it was built with, and
 * rebuilds the index when the KB is published or the synonyms files change. Searches take
 * a reference to the index under the mutex and run without it, so a rebuild never blocks
 * them; each build carries a generation number and only the newest build is installed.
 */

struct _CblueRetrieverBm25 {
	GObject parent_instance;
	CblueTokenizer *tokenizer; /* owned */
	GHashTable *stopwords; /* owned */
	CblueBm25Params params;
	gchar *code_id; /* owned: identifies the analysis code, part of the cache key */
	gchar *cache_dir; /* owned, nullable: no index cache */
	gchar *synonyms_dir; /* owned, nullable: bundled synonyms only */
	guint build_threads; /* the threads a build analyzes on (0: as many as there are CPUs) */
	CblueRetrievalSynonymsWatch *watch; /* owned, nullable: synonyms_dir is not watched */
	GMutex mutex; /* protects the fields below */
	CblueBm25Index *index; /* owned, nullable until the first build */
	CblueRetrievalSynonyms *synonyms; /* owned, nullable: no synonyms */
	CblueKb *kb; /* owned, nullable: the KB of the last rebuild, for synonyms reloads */
	guint64 generation; /* of the newest build started */
	guint n_builds; /* builds installed */
	guint n_analyzed; /* entries the installed builds analyzed (the others were reused) */
};

static void cblue_retriever_bm25_iface_init(CblueRetrieverInterface *iface);

G_DEFINE_TYPE_WITH_CODE(CblueRetrieverBm25, cblue_retriever_bm25, G_TYPE_OBJECT,
			G_IMPLEMENT_INTERFACE(CBLUE_TYPE_RETRIEVER, cblue_retriever_bm25_iface_init))

static void
cblue_retriever_bm25_dispose(GObject *object)
{
	CblueRetrieverBm25 *self = CBLUE_RETRIEVER_BM25(object);
	g_clear_pointer(&self->watch, cblue_retrieval_synonyms_watch_free);
	G_OBJECT_CLASS(cblue_retriever_bm25_parent_class)->dispose(object);
}

static void
cblue_retriever_bm25_finalize(GObject *object)
{
	CblueRetrieverBm25 *self = CBLUE_RETRIEVER_BM25(object);
	g_clear_pointer(&self->index, cblue_bm25_index_unref);
	g_clear_pointer(&self->synonyms, cblue_retrieval_synonyms_unref);
	g_clear_object(&self->kb);
	g_free(self->cache_dir);
	g_free(self->synonyms_dir);
	g_free(self->code_id);
	g_clear_object(&self->tokenizer);
	g_clear_pointer(&self->stopwords, g_hash_table_unref);
	g_mutex_clear(&self->mutex);
	G_OBJECT_CLASS(cblue_retriever_bm25_parent_class)->finalize(object);
}

static void
cblue_retriever_bm25_class_init(CblueRetrieverBm25Class *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->dispose = cblue_retriever_bm25_dispose;
	object_class->finalize = cblue_retriever_bm25_finalize;
}

static void
cblue_retriever_bm25_init(CblueRetrieverBm25 *self)
{
	g_mutex_init(&self->mutex);
	cblue_bm25_params_init_default(&self->params);
}

/* a retriever with the bundled stop words and no synonyms, cache or KB yet */
CblueRetrieverBm25 *
cblue_retriever_bm25_new(CblueTokenizer *tokenizer, const CblueBm25Params *params, const gchar *code_id)
{
	CblueRetrieverBm25 *self = g_object_new(CBLUE_TYPE_RETRIEVER_BM25, NULL);
	self->tokenizer = g_object_ref(tokenizer);
	self->stopwords = cblue_bm25_load_stopwords();
	if (params != NULL)
		self->params = *params;
	self->code_id = g_strdup(code_id != NULL ? code_id : "");
	return self;
}

void
cblue_retriever_bm25_set_cache_dir(CblueRetrieverBm25 *self, const gchar *cache_dir)
{
	g_free(self->cache_dir);
	self->cache_dir = g_strdup(cache_dir);
}

/* the threads an index build analyzes the KB's entries on: @n_threads, or 0 (the default) for
 * as many as the CPUs the building thread may run on, one per 128 entries to analyze (see
 * cblue_retrieval_build_threads()); the index is the same on any number. To be set before
 * the first build. */
void
cblue_retriever_bm25_set_build_threads(CblueRetrieverBm25 *self, guint n_threads)
{
	self->build_threads = n_threads;
}

/* The cache key: everything the index depends on — the KB, the parameters, the stop words,
 * the synonyms, the Thai segmenter and the analysis code itself (the plugin module's identity) */
static gchar *
cblue_retriever_bm25_cache_key(CblueRetrieverBm25 *self, CblueKb *kb, CblueRetrievalSynonyms *synonyms)
{
	g_autoptr(GChecksum) checksum = g_checksum_new(G_CHECKSUM_SHA256);
	g_autofree gchar *kb_json = cblue_kb_to_json(kb, TRUE);
	g_autoptr(GList) words = g_hash_table_get_keys(self->stopwords);
	CblueThaiSegmenter segmenter = cblue_tokenizer_get_thai_segmenter(self->tokenizer);

	g_checksum_update(checksum, (const guchar *)self->code_id, -1);
	g_checksum_update(checksum, (const guchar *)&self->params, sizeof(self->params));
	g_checksum_update(checksum, (const guchar *)&segmenter, sizeof(segmenter));
	words = g_list_sort(words, (GCompareFunc)g_strcmp0);
	for (GList *l = words; l != NULL; l = l->next)
		g_checksum_update(checksum, (const guchar *)l->data, strlen(l->data) + 1);
	g_checksum_update(checksum, (const guchar *)"synonyms:", -1);
	if (synonyms != NULL)
		g_checksum_update(checksum, (const guchar *)cblue_retrieval_synonyms_get_digest(synonyms), -1);
	g_checksum_update(checksum, (const guchar *)kb_json, -1);
	return g_strdup(g_checksum_get_string(checksum));
}

static CblueBm25Index *
cblue_retriever_bm25_load_cache(CblueRetrieverBm25 *self, const gchar *path, CblueRetrievalSynonyms *synonyms)
{
	g_autoptr(GBytes) bytes = cblue_retrieval_cache_load(path);
	g_autoptr(GError) error = NULL;
	CblueBm25Index *index;

	if (bytes == NULL)
		return NULL;
	index = cblue_bm25_index_new_from_bytes(bytes, self->tokenizer, self->stopwords, synonyms, &error);
	if (index == NULL)
		g_debug("ignoring index cache %s: %s", path, error->message);
	return index;
}

/* builds (or loads from the cache) the index of @kb with @synonyms and installs it, unless
 * a newer build started meanwhile; thread-safe. A build analyzes only the entries that
 * changed since the index in use (see cblue_bm25_index_new_incremental()). */
static void
cblue_retriever_bm25_build(CblueRetrieverBm25 *self, CblueKb *kb, CblueRetrievalSynonyms *synonyms, guint64 generation)
{
	gint64 t0 = g_get_monotonic_time();
	g_autofree gchar *cache_path = NULL;
	CblueBm25Index *index = NULL;
	CblueBm25Index *old = NULL;
	g_autoptr(CblueBm25Index) previous = NULL;
	gboolean from_cache = FALSE;
	gboolean installed = FALSE;
	guint n_analyzed = 0;

	if (self->cache_dir != NULL) {
		g_autofree gchar *key = cblue_retriever_bm25_cache_key(self, kb, synonyms);
		cache_path = cblue_retrieval_cache_path(self->cache_dir, "retrieval-bm25", key);
		index = cblue_retriever_bm25_load_cache(self, cache_path, synonyms);
		from_cache = index != NULL;
	}
	if (index == NULL) {
		g_mutex_lock(&self->mutex);
		if (self->index != NULL)
			previous = cblue_bm25_index_ref(self->index);
		g_mutex_unlock(&self->mutex);
		index = cblue_bm25_index_build(kb, self->tokenizer, self->stopwords, synonyms, &self->params, previous,
					       self->build_threads, &n_analyzed);
		if (cache_path != NULL) {
			g_autoptr(GBytes) bytes = cblue_bm25_index_serialize(index);
			cblue_retrieval_cache_save(self->cache_dir, "retrieval-bm25", cache_path, bytes);
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
	if (old != NULL)
		cblue_bm25_index_unref(old);
	g_debug("indexed %u topics (%u analyzed) with %u synonym terms in %.1f ms (%s)%s", cblue_kb_get_size(kb),
		n_analyzed,
		synonyms != NULL ? cblue_retrieval_synonyms_get_size(synonyms) : 0, (g_get_monotonic_time() - t0) / 1000.0,
		cache_path == NULL ? "no cache" : from_cache ? "from the cache" : "analyzed",
		installed ? "" : ", superseded by a newer build");
}

static gboolean
cblue_retriever_bm25_rebuild(CblueRetriever *retriever, CblueKb *kb, GError **error)
{
	CblueRetrieverBm25 *self = CBLUE_RETRIEVER_BM25(retriever);
	g_autoptr(CblueRetrievalSynonyms) synonyms = NULL;
	guint64 generation;

	g_mutex_lock(&self->mutex);
	generation = ++self->generation;
	g_set_object(&self->kb, kb);
	if (self->synonyms != NULL)
		synonyms = cblue_retrieval_synonyms_ref(self->synonyms);
	g_mutex_unlock(&self->mutex);
	cblue_retriever_bm25_build(self, kb, synonyms, generation);
	return TRUE;
}

/* the hits, best first, to @func (cblue-retriever-private.h) */
static gboolean
cblue_retriever_bm25_search_each(CblueRetriever *retriever, CblueMessage *message, guint max_hits,
				 CblueRetrieverHitFunc func, gpointer user_data, GError **error)
{
	CblueRetrieverBm25 *self = CBLUE_RETRIEVER_BM25(retriever);
	g_autoptr(CblueBm25Index) index = NULL;

	g_mutex_lock(&self->mutex);
	if (self->index != NULL)
		index = cblue_bm25_index_ref(self->index);
	g_mutex_unlock(&self->mutex);
	if (index != NULL)
		cblue_bm25_index_search_each(index, cblue_message_get_text(message), max_hits, TRUE, NULL, func,
					     user_data);
	return TRUE;
}

static GPtrArray *
cblue_retriever_bm25_search(CblueRetriever *retriever, CblueMessage *message, guint max_hits, GError **error)
{
	return cblue_retrieval_search_hits(cblue_retriever_bm25_search_each, retriever, message, max_hits, error);
}

static void
cblue_retriever_bm25_iface_init(CblueRetrieverInterface *iface)
{
	iface->rebuild = cblue_retriever_bm25_rebuild;
	iface->search = cblue_retriever_bm25_search;
	cblue_retriever_implement_search_each(iface, cblue_retriever_bm25_search_each);
}

/* a rebuild after a synonyms change, off the main context */
typedef struct {
	CblueKb *kb; /* owned */
	CblueRetrievalSynonyms *synonyms; /* owned, nullable */
	guint64 generation;
} CblueBm25BuildJob;

static void
cblue_bm25_build_job_free(CblueBm25BuildJob *job)
{
	g_object_unref(job->kb);
	if (job->synonyms != NULL)
		cblue_retrieval_synonyms_unref(job->synonyms);
	g_free(job);
}

static void
cblue_retriever_bm25_build_thread(GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
	CblueBm25BuildJob *job = task_data;
	cblue_retriever_bm25_build(CBLUE_RETRIEVER_BM25(source), job->kb, job->synonyms, job->generation);
	g_task_return_boolean(task, TRUE);
}

/**
 * cblue_retriever_bm25_reload_synonyms:
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
cblue_retriever_bm25_reload_synonyms(CblueRetrieverBm25 *self, GError **error)
{
	g_autoptr(CblueRetrievalSynonyms) synonyms = cblue_retrieval_synonyms_load(self->tokenizer, self->synonyms_dir, error);
	g_autoptr(GTask) task = NULL;
	CblueBm25BuildJob *job;

	if (synonyms == NULL)
		return FALSE;
	g_mutex_lock(&self->mutex);
	if (self->synonyms != NULL &&
	    g_strcmp0(cblue_retrieval_synonyms_get_digest(self->synonyms), cblue_retrieval_synonyms_get_digest(synonyms)) == 0) {
		g_mutex_unlock(&self->mutex);
		return TRUE;
	}
	g_clear_pointer(&self->synonyms, cblue_retrieval_synonyms_unref);
	self->synonyms = cblue_retrieval_synonyms_ref(synonyms);
	if (self->kb == NULL) {
		g_mutex_unlock(&self->mutex);
		return TRUE;
	}
	job = g_new0(CblueBm25BuildJob, 1);
	job->kb = g_object_ref(self->kb);
	job->synonyms = g_steal_pointer(&synonyms);
	job->generation = ++self->generation;
	g_mutex_unlock(&self->mutex);

	g_info("synonyms changed: rebuilding the index (%u synonym terms)", cblue_retrieval_synonyms_get_size(job->synonyms));
	task = g_task_new(self, NULL, NULL, NULL);
	g_task_set_source_tag(task, cblue_retriever_bm25_reload_synonyms);
	g_task_set_task_data(task, job, (GDestroyNotify)cblue_bm25_build_job_free);
	g_task_run_in_thread(task, cblue_retriever_bm25_build_thread);
	return TRUE;
}

static void
cblue_retriever_bm25_synonyms_changed_cb(gpointer user_data)
{
	CblueRetrieverBm25 *self = CBLUE_RETRIEVER_BM25(user_data);
	g_autoptr(GError) error = NULL;

	if (!cblue_retriever_bm25_reload_synonyms(self, &error))
		g_warning("synonyms not reloaded, the previous ones stay in force: %s", error->message);
}

/**
 * cblue_retriever_bm25_set_synonyms_dir:
 * @self: a retriever
 * @dir: (nullable): the folder of synonyms files that extend the bundled ones
 * @watch: reload them whenever a file of @dir changes (on the global default main context)
 * @error: return location for a #GError
 *
 * Turns synonyms on: the bundled ones, extended and overridden by the `*.txt` files of @dir.
 *
 * Returns: %FALSE if a file of @dir is invalid; the bundled synonyms are then used alone
 */
gboolean
cblue_retriever_bm25_set_synonyms_dir(CblueRetrieverBm25 *self, const gchar *dir, gboolean watch, GError **error)
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
		self->watch = cblue_retrieval_synonyms_watch_new(dir, cblue_retriever_bm25_synonyms_changed_cb, self);
	if (error_local != NULL) {
		g_propagate_error(error, g_steal_pointer(&error_local));
		return FALSE;
	}
	return TRUE;
}

/* the synonyms in force; (transfer full), nullable */
CblueRetrievalSynonyms *
cblue_retriever_bm25_get_synonyms(CblueRetrieverBm25 *self)
{
	CblueRetrievalSynonyms *synonyms = NULL;
	g_mutex_lock(&self->mutex);
	if (self->synonyms != NULL)
		synonyms = cblue_retrieval_synonyms_ref(self->synonyms);
	g_mutex_unlock(&self->mutex);
	return synonyms;
}

/* how many builds were installed, for tests */
guint
cblue_retriever_bm25_get_n_builds(CblueRetrieverBm25 *self)
{
	guint n;
	g_mutex_lock(&self->mutex);
	n = self->n_builds;
	g_mutex_unlock(&self->mutex);
	return n;
}

/* how many entries the installed builds analyzed in all (the others came from the cache or
 * the previous index), for tests and benchmarks */
guint
cblue_retriever_bm25_get_n_analyzed(CblueRetrieverBm25 *self)
{
	guint n;
	g_mutex_lock(&self->mutex);
	n = self->n_analyzed;
	g_mutex_unlock(&self->mutex);
	return n;
}

/* the index in use (transfer full), nullable before the first build; for benchmarks */
CblueBm25Index *
cblue_retriever_bm25_get_index(CblueRetrieverBm25 *self)
{
	CblueBm25Index *index = NULL;
	g_mutex_lock(&self->mutex);
	if (self->index != NULL)
		index = cblue_bm25_index_ref(self->index);
	g_mutex_unlock(&self->mutex);
	return index;
}
