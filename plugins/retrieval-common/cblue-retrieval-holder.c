/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <math.h>

#include "cblue-line-files-private.h"
#include "cblue-retrieval-common.h"
#include "cblue-retrieval-holder.h"

/*
 * Searches take a reference to the index under the mutex and run without it, so a rebuild
 * never blocks them. Each build carries a generation number and only the newest build
 * started is installed: a slow build that a publish overtook is dropped when it ends.
 */

struct _CblueRetrievalHolder {
	const CblueRetrievalIndexFuncs *funcs;
	gconstpointer config; /* the owner's */
	GObject *owner; /* unowned: it owns the holder */
	CblueTokenizer *tokenizer; /* owned */
	gchar *code_id; /* owned: identifies the analysis code, part of the cache key */
	gchar *cache_dir; /* owned, nullable: no index cache */
	gchar *synonyms_dir; /* owned, nullable: bundled synonyms only */
	guint build_threads; /* the threads a build analyzes on (0: as many as there are CPUs) */
	/* the approximate search's common terms (cblue_retrieval_holder_get_common_df()) */
	gboolean common_terms;
	guint common_min_df;
	gdouble common_fraction;
	CblueLineFilesWatch *watch; /* owned, nullable: synonyms_dir is not watched */
	GMutex mutex; /* protects the fields below */
	gpointer index; /* owned, nullable until the first build */
	CblueRetrievalSynonyms *synonyms; /* owned, nullable: no synonyms */
	CblueKb *kb; /* owned, nullable: the KB of the last rebuild, for synonyms reloads */
	guint64 generation; /* of the newest build started */
	guint n_builds; /* builds installed */
	guint n_analyzed; /* entries the installed builds analyzed (the others were reused) */
};

/* a holder with no synonyms, cache or KB yet; @owner (the retriever) owns it and is kept
 * alive by the threads that rebuild its index */
CblueRetrievalHolder *
cblue_retrieval_holder_new(const CblueRetrievalIndexFuncs *funcs, gconstpointer config, GObject *owner,
			   CblueTokenizer *tokenizer, const gchar *code_id)
{
	CblueRetrievalHolder *self = g_new0(CblueRetrievalHolder, 1);
	self->funcs = funcs;
	self->config = config;
	self->owner = owner;
	self->tokenizer = g_object_ref(tokenizer);
	self->code_id = g_strdup(code_id != NULL ? code_id : "");
	cblue_retrieval_holder_set_common_terms(self, CBLUE_RETRIEVAL_COMMON_TERMS, CBLUE_RETRIEVAL_COMMON_MIN_DF,
						CBLUE_RETRIEVAL_COMMON_FRACTION);
	g_mutex_init(&self->mutex);
	return self;
}

/* stops watching the synonyms folder: the owner's dispose, as the watch calls back into it */
void
cblue_retrieval_holder_stop_watching(CblueRetrievalHolder *self)
{
	g_clear_pointer(&self->watch, cblue_line_files_watch_free);
}

void
cblue_retrieval_holder_free(CblueRetrievalHolder *self)
{
	cblue_retrieval_holder_stop_watching(self);
	g_clear_pointer(&self->index, self->funcs->unref);
	g_clear_pointer(&self->synonyms, cblue_retrieval_synonyms_unref);
	g_clear_object(&self->kb);
	g_free(self->cache_dir);
	g_free(self->synonyms_dir);
	g_free(self->code_id);
	g_clear_object(&self->tokenizer);
	g_mutex_clear(&self->mutex);
	g_free(self);
}

void
cblue_retrieval_holder_set_cache_dir(CblueRetrievalHolder *self, const gchar *cache_dir)
{
	g_free(self->cache_dir);
	self->cache_dir = g_strdup(cache_dir);
}

/* the threads an index build analyzes the KB's entries on: @n_threads, or 0 (the default) for
 * as many as the CPUs the building thread may run on, one per 128 entries to analyze (see
 * cblue_retrieval_build_threads()); the index is the same on any number. To be set before
 * the first build. */
void
cblue_retrieval_holder_set_build_threads(CblueRetrievalHolder *self, guint n_threads)
{
	self->build_threads = n_threads;
}

/**
 * cblue_retrieval_holder_set_common_terms:
 * @self: a holder
 * @on: whether searches are approximate
 * @min_df: a term is common if found in at least this many topics...
 * @fraction: ...and in at least this fraction of them
 *
 * The approximate search (on by default, CBLUE_RETRIEVAL_COMMON_TERMS): a question's terms found in
 * at least @min_df topics and in at least @fraction of the KB's topics are common; their
 * lists only score the topics that the question's rarer terms found, and create none (see
 * cblue_bm25_index_search_approx_each()). May be changed between searches.
 */
void
cblue_retrieval_holder_set_common_terms(CblueRetrievalHolder *self, gboolean on, guint min_df, gdouble fraction)
{
	self->common_terms = on;
	self->common_min_df = min_df;
	self->common_fraction = CLAMP(fraction, 0.0, 1.0);
}

/**
 * cblue_retrieval_holder_get_common_df:
 * @self: a holder
 * @n_docs: the number of topics of the index searched
 *
 * Returns: the document frequency from which a term is common in an index of @n_docs
 *   topics (at least 1), or 0 when searches are exact
 */
guint32
cblue_retrieval_holder_get_common_df(CblueRetrievalHolder *self, guint n_docs)
{
	gdouble by_fraction = ceil(self->common_fraction * n_docs);

	if (!self->common_terms)
		return 0;
	return MAX(1, MAX(self->common_min_df, (guint32)by_fraction));
}

/* The cache file: its key is everything the index depends on — the analysis code (the plugin
 * module's identity), what the index type adds (parameters, stop words...), the synonyms and
 * everything of the KB that an index reads, in order (retrieval-common's 128-bit hash) */
static gchar *
cblue_retrieval_holder_cache_path(CblueRetrievalHolder *self, CblueKb *kb, CblueRetrievalSynonyms *synonyms)
{
	g_autoptr(GChecksum) checksum = g_checksum_new(G_CHECKSUM_SHA256);
	guint64 hash[2] = CBLUE_RETRIEVAL_HASH_INIT;

	cblue_retrieval_hash_kb(hash, kb);
	g_checksum_update(checksum, (const guchar *)self->code_id, -1);
	self->funcs->update_cache_key(self->config, self->tokenizer, checksum);
	g_checksum_update(checksum, (const guchar *)hash, sizeof(hash));
	g_checksum_update(checksum, (const guchar *)"synonyms:", -1);
	if (synonyms != NULL)
		g_checksum_update(checksum, (const guchar *)cblue_retrieval_synonyms_get_digest(synonyms), -1);
	return cblue_retrieval_cache_path(self->cache_dir, self->funcs->cache_prefix, g_checksum_get_string(checksum));
}

static gpointer
cblue_retrieval_holder_load_cache(CblueRetrievalHolder *self, const gchar *path, CblueRetrievalSynonyms *synonyms)
{
	g_autoptr(GBytes) bytes = cblue_retrieval_cache_load(path);
	g_autoptr(GError) error = NULL;
	gpointer index;

	if (bytes == NULL)
		return NULL;
	index = self->funcs->new_from_bytes(self->config, self->tokenizer, bytes, synonyms, &error);
	if (index == NULL)
		g_debug("ignoring index cache %s: %s", path, error->message);
	return index;
}

/* Builds (or loads from the cache) the index of @kb with @synonyms and installs it, unless a
 * newer build started meanwhile; thread-safe. A build first looks in the cache; otherwise it
 * analyzes only the entries that changed since the index in use. */
static void
cblue_retrieval_holder_build(CblueRetrievalHolder *self, CblueKb *kb, CblueRetrievalSynonyms *synonyms,
			     guint64 generation)
{
	const CblueRetrievalIndexFuncs *funcs = self->funcs;
	gint64 t0 = g_get_monotonic_time();
	g_autofree gchar *cache_path =
	    self->cache_dir != NULL ? cblue_retrieval_holder_cache_path(self, kb, synonyms) : NULL;
	gpointer index = cache_path != NULL ? cblue_retrieval_holder_load_cache(self, cache_path, synonyms) : NULL;
	gpointer previous = NULL;
	gboolean from_cache = index != NULL;
	gboolean installed = FALSE;
	guint n_analyzed = 0;
	g_autofree gchar *size = NULL;
	gpointer old;

	if (index == NULL) {
		g_mutex_lock(&self->mutex);
		if (self->index != NULL)
			previous = funcs->ref(self->index);
		g_mutex_unlock(&self->mutex);
		index = funcs->build(self->config, self->tokenizer, kb, synonyms, previous, self->build_threads,
				     &n_analyzed);
		if (cache_path != NULL) {
			g_autoptr(GBytes) bytes = funcs->serialize(index);
			cblue_retrieval_cache_save(self->cache_dir, funcs->cache_prefix, cache_path, bytes);
		}
	}
	size = funcs->describe != NULL ? funcs->describe(index) : NULL;
	g_debug("%s: indexed %u topics (%u analyzed, %u synonym terms)%s%s in %.1f ms (%s)", funcs->cache_prefix,
		cblue_kb_get_size(kb), n_analyzed, synonyms != NULL ? cblue_retrieval_synonyms_get_size(synonyms) : 0,
		size != NULL ? ", " : "", size != NULL ? size : "", (g_get_monotonic_time() - t0) / 1000.0,
		from_cache ? "from the cache" : previous != NULL ? "incremental" : "analyzed");
	if (previous != NULL)
		funcs->unref(previous);

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
	if (!installed)
		g_debug("%s: superseded by a newer build", funcs->cache_prefix);
	if (old != NULL)
		funcs->unref(old);
}

/* builds the index of @kb (a publish) with the synonyms in force, and keeps @kb for the
 * rebuilds that follow a change of the synonyms */
void
cblue_retrieval_holder_rebuild(CblueRetrievalHolder *self, CblueKb *kb)
{
	g_autoptr(CblueRetrievalSynonyms) synonyms = NULL;
	guint64 generation;

	g_mutex_lock(&self->mutex);
	generation = ++self->generation;
	g_set_object(&self->kb, kb);
	if (self->synonyms != NULL)
		synonyms = cblue_retrieval_synonyms_ref(self->synonyms);
	g_mutex_unlock(&self->mutex);
	cblue_retrieval_holder_build(self, kb, synonyms, generation);
}

/* a rebuild after a synonyms change, off the main context */
typedef struct {
	CblueRetrievalHolder *holder; /* borrowed: the task's source object owns it */
	CblueKb *kb; /* owned */
	CblueRetrievalSynonyms *synonyms; /* owned */
	guint64 generation;
} CblueRetrievalBuildJob;

static void
cblue_retrieval_build_job_free(CblueRetrievalBuildJob *job)
{
	g_object_unref(job->kb);
	cblue_retrieval_synonyms_unref(job->synonyms);
	g_free(job);
}

static void
cblue_retrieval_holder_build_thread(GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
	CblueRetrievalBuildJob *job = task_data;
	cblue_retrieval_holder_build(job->holder, job->kb, job->synonyms, job->generation);
	g_task_return_boolean(task, TRUE);
}

/* Reads the synonyms again (bundled, then the synonyms folder). If they changed, the index of
 * the current KB is rebuilt with them in a thread; searches use the previous index until the
 * new one is ready. Returns %FALSE if a file is invalid (@error names the file and line), in
 * which case the previous synonyms stay in force. */
gboolean
cblue_retrieval_holder_reload_synonyms(CblueRetrievalHolder *self, GError **error)
{
	g_autoptr(CblueRetrievalSynonyms) synonyms =
	    cblue_retrieval_synonyms_load(self->tokenizer, self->synonyms_dir, error);
	g_autoptr(GTask) task = NULL;
	CblueRetrievalBuildJob *job;

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
	job = g_new0(CblueRetrievalBuildJob, 1);
	job->holder = self;
	job->kb = g_object_ref(self->kb);
	job->synonyms = g_steal_pointer(&synonyms);
	job->generation = ++self->generation;
	g_mutex_unlock(&self->mutex);

	g_info("%s: synonyms changed: rebuilding the index (%u synonym terms)", self->funcs->cache_prefix,
	       cblue_retrieval_synonyms_get_size(job->synonyms));
	task = g_task_new(self->owner, NULL, NULL, NULL);
	g_task_set_source_tag(task, cblue_retrieval_holder_reload_synonyms);
	g_task_set_task_data(task, job, (GDestroyNotify)cblue_retrieval_build_job_free);
	g_task_run_in_thread(task, cblue_retrieval_holder_build_thread);
	return TRUE;
}

static void
cblue_retrieval_holder_synonyms_changed_cb(gpointer user_data)
{
	CblueRetrievalHolder *self = user_data;
	g_autoptr(GError) error = NULL;

	if (!cblue_retrieval_holder_reload_synonyms(self, &error))
		g_warning("synonyms not reloaded, the previous ones stay in force: %s", error->message);
}

/* Turns synonyms on: the bundled ones, extended and overridden by the `*.txt` files of @dir
 * (nullable), reloaded whenever a file of @dir changes if @watch (on the global default main
 * context). To be called before the first build. Returns %FALSE if a file of @dir is invalid;
 * the bundled synonyms are then used alone. */
gboolean
cblue_retrieval_holder_set_synonyms_dir(CblueRetrievalHolder *self, const gchar *dir, gboolean watch, GError **error)
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
		self->watch = cblue_line_files_watch_new(dir, "synonyms", cblue_retrieval_holder_synonyms_changed_cb, self);
	if (error_local != NULL) {
		g_propagate_error(error, g_steal_pointer(&error_local));
		return FALSE;
	}
	return TRUE;
}

/* Applies the settings of the configuration group @group (the plugin's name) that every
 * retriever with an index reads: `build_threads` (0, the default: as many as CPUs; 1 builds
 * on the publishing thread alone), `cache` (the index cache in <data_dir>/cache, on by
 * default), `synonyms` (on by default: the bundled ones, extended by `synonyms_dir`, by
 * default <data_dir>/synonyms/ *.txt) and `watch_synonyms` (reload them when those change, on
 * by default). An invalid synonyms file is reported and the bundled synonyms used alone. */
void
cblue_retrieval_holder_configure(CblueRetrievalHolder *self, CblueContext *context, const gchar *group)
{
	CblueConfig *config = cblue_context_get_config(context);
	const gchar *data_dir = cblue_context_get_data_dir(context);

	cblue_retrieval_holder_set_build_threads(
	    self, (guint)CLAMP(cblue_config_get_int(config, group, "build_threads", 0), 0, 64));
	cblue_retrieval_holder_set_common_terms(
	    self, cblue_config_get_boolean(config, group, "common_terms", CBLUE_RETRIEVAL_COMMON_TERMS),
	    (guint)CLAMP(cblue_config_get_int(config, group, "common_min_df", CBLUE_RETRIEVAL_COMMON_MIN_DF), 1,
			 G_MAXINT),
	    cblue_config_get_double(config, group, "common_fraction", CBLUE_RETRIEVAL_COMMON_FRACTION));
	if (cblue_config_get_boolean(config, group, "cache", TRUE)) {
		g_autofree gchar *cache_dir = g_build_filename(data_dir, "cache", NULL);
		cblue_retrieval_holder_set_cache_dir(self, cache_dir);
	}
	if (cblue_config_get_boolean(config, group, "synonyms", TRUE)) {
		g_autofree gchar *dir = cblue_config_get_string(config, group, "synonyms_dir");
		g_autoptr(GError) error = NULL;
		if (dir == NULL)
			dir = g_build_filename(data_dir, "synonyms", NULL);
		if (!cblue_retrieval_holder_set_synonyms_dir(
			self, dir, cblue_config_get_boolean(config, group, "watch_synonyms", TRUE), &error))
			g_warning("%s; using the bundled synonyms only", error->message);
	}
}

/* the index in use (transfer full), nullable before the first build */
gpointer
cblue_retrieval_holder_get_index(CblueRetrievalHolder *self)
{
	gpointer index = NULL;
	g_mutex_lock(&self->mutex);
	if (self->index != NULL)
		index = self->funcs->ref(self->index);
	g_mutex_unlock(&self->mutex);
	return index;
}

/* the synonyms in force; (transfer full), nullable */
CblueRetrievalSynonyms *
cblue_retrieval_holder_get_synonyms(CblueRetrievalHolder *self)
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
cblue_retrieval_holder_get_n_builds(CblueRetrievalHolder *self)
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
cblue_retrieval_holder_get_n_analyzed(CblueRetrievalHolder *self)
{
	guint n;
	g_mutex_lock(&self->mutex);
	n = self->n_analyzed;
	g_mutex_unlock(&self->mutex);
	return n;
}
