/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-retrieval-chunks.h"

/* Chunks are small enough that the threads finish together (a few dozen a thread) and
 * large enough that taking one costs nothing next to analyzing it. */
#define CBLUE_RETRIEVAL_CHUNKS_PER_THREAD 16
#define CBLUE_RETRIEVAL_MAX_CHUNK	  256
/* the chunks analyzed ahead of the merge, per thread: the memory held by results waiting
 * to be merged stays a few chunks' (a thread that gets ahead waits) */
#define CBLUE_RETRIEVAL_WINDOW_PER_THREAD 4
/* an explicit request beyond this is a mistake */
#define CBLUE_RETRIEVAL_MAX_REQUESTED_THREADS 64
/* by default, a thread more for this many documents at least: a thread's segmenters (see
 * CblueTokenizer) cost about as much to make as analyzing a few dozen entries, and a small
 * KB is indexed in milliseconds anyway */
#define CBLUE_RETRIEVAL_DOCS_PER_THREAD 128

/**
 * cblue_retrieval_build_threads:
 * @requested: the threads asked for, or 0 for the default
 * @n_docs: the documents to analyze
 *
 * Returns: @requested (at most 64), or if 0 the number of CPUs the calling thread may run
 *   on (its affinity, which the threads it starts inherit), at most
 *   %CBLUE_RETRIEVAL_MAX_BUILD_THREADS and one per 128 documents
 */
guint
cblue_retrieval_build_threads(guint requested, guint n_docs)
{
	guint cpus;

	if (requested > 0)
		return MIN(requested, CBLUE_RETRIEVAL_MAX_REQUESTED_THREADS);
	cpus = (guint)CLAMP(g_get_num_processors(), 1, CBLUE_RETRIEVAL_MAX_BUILD_THREADS);
	return CLAMP(n_docs / CBLUE_RETRIEVAL_DOCS_PER_THREAD, 1, cpus);
}

typedef struct {
	const CblueRetrievalChunkFuncs *funcs;
	gpointer user_data;
	guint n_docs;
	guint chunk_size;
	guint n_chunks;
	guint window;
	GMutex mutex; /* protects the fields below */
	GCond cond; /* a chunk analyzed, or one merged */
	guint next; /* the next chunk to analyze */
	guint merged; /* the chunks merged */
	gpointer *results; /* owned: n_chunks, each chunk's results until merged (NULL: not analyzed yet) */
} CblueRetrievalRun;

/* analyzes chunk @c with @analyzer and stores its results; called without the mutex */
static void
cblue_retrieval_run_analyze(CblueRetrievalRun *run, gpointer analyzer, guint c)
{
	guint first = c * run->chunk_size;
	guint last = MIN(first + run->chunk_size, run->n_docs);
	gpointer chunk = run->funcs->analyze(analyzer, first, last, run->user_data);

	g_mutex_lock(&run->mutex);
	run->results[c] = chunk;
	g_cond_broadcast(&run->cond);
	g_mutex_unlock(&run->mutex);
}

/* a helper thread: analyzes chunks, never more than the window ahead of the merge, until
 * none is left */
static gpointer
cblue_retrieval_run_helper(gpointer data)
{
	CblueRetrievalRun *run = data;
	gpointer analyzer = run->funcs->analyzer_new(run->user_data);

	for (;;) {
		guint c;
		g_mutex_lock(&run->mutex);
		while (run->next < run->n_chunks && run->next >= run->merged + run->window)
			g_cond_wait(&run->cond, &run->mutex);
		c = run->next < run->n_chunks ? run->next++ : G_MAXUINT;
		g_mutex_unlock(&run->mutex);
		if (c == G_MAXUINT)
			break;
		cblue_retrieval_run_analyze(run, analyzer, c);
	}
	run->funcs->analyzer_free(analyzer);
	return NULL;
}

/**
 * cblue_retrieval_run_chunks:
 * @n_docs: the documents
 * @n_threads: the threads to analyze them on, the calling thread included (1: the calling
 *   thread alone)
 * @funcs: what to do
 * @user_data: passed to @funcs
 *
 * Analyzes documents 0 to @n_docs in chunks on @n_threads threads and merges the chunks'
 * results on the calling thread in document order; returns when every chunk is merged. The
 * calling thread analyzes chunks too, and merges each chunk as soon as it and the chunks
 * before it are analyzed.
 */
void
cblue_retrieval_run_chunks(guint n_docs, guint n_threads, const CblueRetrievalChunkFuncs *funcs, gpointer user_data)
{
	CblueRetrievalRun run = {.funcs = funcs, .user_data = user_data, .n_docs = n_docs};
	g_autoptr(GPtrArray) helpers = g_ptr_array_new();
	gpointer analyzer;

	n_threads = MAX(n_threads, 1);
	run.chunk_size = CLAMP(n_docs / (n_threads * CBLUE_RETRIEVAL_CHUNKS_PER_THREAD), 1, CBLUE_RETRIEVAL_MAX_CHUNK);
	run.n_chunks = (n_docs + run.chunk_size - 1) / run.chunk_size;
	run.window = n_threads * CBLUE_RETRIEVAL_WINDOW_PER_THREAD;
	run.results = g_new0(gpointer, MAX(run.n_chunks, 1));
	g_mutex_init(&run.mutex);
	g_cond_init(&run.cond);
	for (guint i = 1; i < MIN(n_threads, run.n_chunks); i++) {
		GThread *thread = g_thread_try_new("cblue-index", cblue_retrieval_run_helper, &run, NULL);
		/* (without it, the threads started do the work) */
		if (thread == NULL)
			break;
		g_ptr_array_add(helpers, thread);
	}

	analyzer = funcs->analyzer_new(user_data);
	g_mutex_lock(&run.mutex);
	while (run.merged < run.n_chunks) {
		guint c = run.merged;
		if (run.results[c] != NULL) {
			gpointer chunk = g_steal_pointer(&run.results[c]);
			guint first = c * run.chunk_size;
			run.merged++;
			g_cond_broadcast(&run.cond);
			g_mutex_unlock(&run.mutex);
			funcs->merge(chunk, first, MIN(first + run.chunk_size, n_docs), user_data);
			g_mutex_lock(&run.mutex);
		} else if (run.next < run.n_chunks && run.next < run.merged + run.window) {
			c = run.next++;
			g_mutex_unlock(&run.mutex);
			cblue_retrieval_run_analyze(&run, analyzer, c);
			g_mutex_lock(&run.mutex);
		} else {
			/* the next chunk to merge is on another thread */
			g_cond_wait(&run.cond, &run.mutex);
		}
	}
	g_mutex_unlock(&run.mutex);
	funcs->analyzer_free(analyzer);

	for (guint i = 0; i < helpers->len; i++)
		g_thread_join(g_ptr_array_index(helpers, i));
	g_mutex_clear(&run.mutex);
	g_cond_clear(&run.cond);
	g_free(run.results);
}
