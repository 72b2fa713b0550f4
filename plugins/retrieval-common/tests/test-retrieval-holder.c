/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cblue-retrieval-holder.h"

/* A toy index type for the holder: the number of topics of the KB it was built from, and
 * whether it came from the cache. The first build can be held at a gate, to finish after a
 * newer build has. */

typedef struct {
	gint ref_count;
	guint n_topics;
	gboolean from_bytes;
} ToyIndex;

typedef struct {
	GMutex mutex;
	GCond cond;
	gboolean hold_first; /* the first build waits until released */
	gboolean released;
	guint n_started;
	guint n_built;
	gchar key; /* what the cache key adds */
} ToyConfig;

static gpointer
toy_ref(gpointer index)
{
	g_atomic_int_inc(&((ToyIndex *)index)->ref_count);
	return index;
}

static void
toy_unref(gpointer index)
{
	if (g_atomic_int_dec_and_test(&((ToyIndex *)index)->ref_count))
		g_free(index);
}

static ToyIndex *
toy_new(guint n_topics, gboolean from_bytes)
{
	ToyIndex *index = g_new0(ToyIndex, 1);
	index->ref_count = 1;
	index->n_topics = n_topics;
	index->from_bytes = from_bytes;
	return index;
}

static gpointer
toy_build(gconstpointer config, CblueTokenizer *tokenizer, CblueKb *kb, CblueRetrievalSynonyms *synonyms,
	  gpointer previous, guint n_threads, guint *n_analyzed)
{
	ToyConfig *c = (ToyConfig *)config;

	guint n;

	g_mutex_lock(&c->mutex);
	n = ++c->n_started;
	g_cond_broadcast(&c->cond);
	while (c->hold_first && n == 1 && !c->released)
		g_cond_wait(&c->cond, &c->mutex);
	c->n_built++;
	g_mutex_unlock(&c->mutex);
	*n_analyzed = cblue_kb_get_size(kb);
	return toy_new(cblue_kb_get_size(kb), FALSE);
}

static GBytes *
toy_serialize(gpointer index)
{
	guint32 n = ((ToyIndex *)index)->n_topics;
	return g_bytes_new(&n, sizeof(n));
}

static gpointer
toy_new_from_bytes(gconstpointer config, CblueTokenizer *tokenizer, GBytes *bytes, CblueRetrievalSynonyms *synonyms,
		   GError **error)
{
	guint32 n;
	if (g_bytes_get_size(bytes) != sizeof(n)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "index cache is corrupt");
		return NULL;
	}
	memcpy(&n, g_bytes_get_data(bytes, NULL), sizeof(n));
	return toy_new(n, TRUE);
}

static void
toy_update_cache_key(gconstpointer config, CblueTokenizer *tokenizer, GChecksum *checksum)
{
	g_checksum_update(checksum, (const guchar *)&((const ToyConfig *)config)->key, 1);
}

static const CblueRetrievalIndexFuncs toy_funcs = {
    .cache_prefix = "retrieval-toy",
    .ref = toy_ref,
    .unref = toy_unref,
    .build = toy_build,
    .serialize = toy_serialize,
    .new_from_bytes = toy_new_from_bytes,
    .update_cache_key = toy_update_cache_key,
};

static CblueKb *
make_kb(guint n_topics)
{
	CblueKb *kb = cblue_kb_new();
	for (guint i = 0; i < n_topics; i++) {
		g_autofree gchar *topic_id = g_strdup_printf("topic-%u", i);
		g_autoptr(CblueKbEntry) entry = cblue_kb_entry_new(topic_id);
		cblue_kb_add(kb, entry);
	}
	return kb;
}

typedef struct {
	ToyConfig config;
	GObject *owner;
	CblueTokenizer *tokenizer;
	CblueRetrievalHolder *holder;
} Fixture;

static void
fixture_set_up(Fixture *f, gconstpointer data)
{
	g_mutex_init(&f->config.mutex);
	g_cond_init(&f->config.cond);
	f->owner = g_object_new(G_TYPE_OBJECT, NULL);
	f->tokenizer = cblue_tokenizer_new();
	f->holder = cblue_retrieval_holder_new(&toy_funcs, &f->config, f->owner, f->tokenizer, "code");
}

static void
fixture_tear_down(Fixture *f, gconstpointer data)
{
	cblue_retrieval_holder_free(f->holder);
	g_object_unref(f->tokenizer);
	g_object_unref(f->owner);
	g_cond_clear(&f->config.cond);
	g_mutex_clear(&f->config.mutex);
}

typedef struct {
	CblueRetrievalHolder *holder;
	CblueKb *kb;
} RebuildArgs;

static gpointer
rebuild_thread(gpointer data)
{
	RebuildArgs *args = data;
	cblue_retrieval_holder_rebuild(args->holder, args->kb);
	return NULL;
}

/* a build that a newer one overtook is dropped when it ends: the newer index stays */
static void
test_newest_build_wins(Fixture *f, gconstpointer data)
{
	g_autoptr(CblueKb) old_kb = make_kb(3);
	g_autoptr(CblueKb) new_kb = make_kb(5);
	RebuildArgs args = {f->holder, old_kb};
	GThread *thread;
	ToyIndex *index;

	g_assert_null(cblue_retrieval_holder_get_index(f->holder));
	f->config.hold_first = TRUE;
	thread = g_thread_new("old-build", rebuild_thread, &args);
	g_mutex_lock(&f->config.mutex);
	while (f->config.n_started == 0)
		g_cond_wait(&f->config.cond, &f->config.mutex);
	g_mutex_unlock(&f->config.mutex);
	/* the newer build goes through and is installed while the old one waits */
	cblue_retrieval_holder_rebuild(f->holder, new_kb);
	g_assert_cmpuint(cblue_retrieval_holder_get_n_builds(f->holder), ==, 1);
	g_mutex_lock(&f->config.mutex);
	f->config.released = TRUE;
	g_cond_broadcast(&f->config.cond);
	g_mutex_unlock(&f->config.mutex);
	g_thread_join(thread);

	g_assert_cmpuint(f->config.n_built, ==, 2);
	g_assert_cmpuint(cblue_retrieval_holder_get_n_builds(f->holder), ==, 1);
	g_assert_cmpuint(cblue_retrieval_holder_get_n_analyzed(f->holder), ==, 5);
	index = cblue_retrieval_holder_get_index(f->holder);
	g_assert_nonnull(index);
	g_assert_cmpuint(index->n_topics, ==, 5);
	toy_unref(index);
}

static void
remove_dir(const gchar *dir)
{
	g_autoptr(GDir) files = g_dir_open(dir, 0, NULL);
	const gchar *name;
	while ((name = g_dir_read_name(files)) != NULL) {
		g_autofree gchar *path = g_build_filename(dir, name, NULL);
		g_assert_no_errno(g_unlink(path));
	}
	g_assert_no_errno(g_rmdir(dir));
}

/* the index is saved in the cache and read back by the next process; a changed key (the
 * index type's own part of it) or a damaged file builds it again */
static void
test_cache(Fixture *f, gconstpointer data)
{
	g_autofree gchar *dir = g_dir_make_tmp("cblue-holder-XXXXXX", NULL);
	g_autoptr(CblueKb) kb = make_kb(4);
	ToyIndex *index;

	cblue_retrieval_holder_set_cache_dir(f->holder, dir);
	cblue_retrieval_holder_rebuild(f->holder, kb);
	g_assert_cmpuint(f->config.n_built, ==, 1);
	for (guint round = 0; round < 3; round++) {
		CblueRetrievalHolder *next = cblue_retrieval_holder_new(&toy_funcs, &f->config, f->owner, f->tokenizer, "code");
		g_autoptr(GDir) files = NULL;
		const gchar *name;

		if (round == 1)
			f->config.key = 'x';
		cblue_retrieval_holder_set_cache_dir(next, dir);
		cblue_retrieval_holder_rebuild(next, kb);
		index = cblue_retrieval_holder_get_index(next);
		g_assert_cmpuint(index->n_topics, ==, 4);
		/* round 0: from the cache; 1: another key; 2: the file damaged below */
		g_assert_cmpint(index->from_bytes, ==, round == 0);
		g_assert_cmpuint(f->config.n_built, ==, round == 0 ? 1 : round + 1);
		toy_unref(index);
		cblue_retrieval_holder_free(next);

		/* one file: a new key's removes the older ones */
		files = g_dir_open(dir, 0, NULL);
		name = g_dir_read_name(files);
		g_assert_true(g_str_has_prefix(name, "retrieval-toy-"));
		g_assert_null(g_dir_read_name(files));
		if (round == 1) {
			g_autofree gchar *path = g_build_filename(dir, name, NULL);
			g_assert_true(g_file_set_contents(path, "bad", 3, NULL));
		}
	}
	remove_dir(dir);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add("/retrieval-common/holder/newest-build-wins", Fixture, NULL, fixture_set_up, test_newest_build_wins,
		   fixture_tear_down);
	g_test_add("/retrieval-common/holder/cache", Fixture, NULL, fixture_set_up, test_cache, fixture_tear_down);
	return g_test_run();
}
