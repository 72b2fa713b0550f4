/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cblue-ngram-retriever.h"

/* The n-gram retriever: owns the current index; a rebuild swaps it in under the mutex and
 * searches running meanwhile finish with the previous one. An index is kept in the cache
 * folder under a key of everything it depends on, so that a process starts without
 * analyzing the KB again. */

struct _CblueRetrieverNgram {
	GObject parent_instance;
	CblueTokenizer *tokenizer; /* owned */
	CblueNgramParams params;
	gchar *code_id; /* owned: identifies the analysis code, part of the cache key */
	gchar *cache_dir; /* owned, nullable: no index cache */
	GMutex mutex; /* protects index */
	CblueNgramIndex *index; /* owned, nullable until the first rebuild */
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

/* two 64-bit FNV-1a hashes (different bases) of @text and its terminating NUL */
static void
cblue_retriever_ngram_hash(guint64 hash[2], const gchar *text)
{
	const guchar *p = (const guchar *)(text != NULL ? text : "");
	do {
		for (guint i = 0; i < 2; i++) {
			hash[i] ^= *p;
			hash[i] *= 0x100000001b3ULL;
		}
	} while (*p++ != '\0');
}

static void
cblue_retriever_ngram_hash_strv(guint64 hash[2], const gchar *const *strv)
{
	for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
		cblue_retriever_ngram_hash(hash, strv[i]);
	cblue_retriever_ngram_hash(hash, "\x01");
}

/* The cache key: the analysis code, the parameters and everything of the KB that the index
 * reads, in order. The KB is hashed with two 64-bit FNV-1a (128 bits) rather than
 * serialized and put through SHA-256, which was a fifth of a cold start: the key only has
 * to change when the KB does, and the file carries its own checksum. */
static gchar *
cblue_retriever_ngram_cache_path(CblueRetrieverNgram *self, CblueKb *kb)
{
	g_autoptr(GChecksum) checksum = g_checksum_new(G_CHECKSUM_SHA256);
	GPtrArray *entries = cblue_kb_get_entries(kb);
	g_autofree gchar *name = NULL;
	guint64 hash[2] = {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL};

	for (guint i = 0; i < entries->len; i++) {
		CblueKbEntry *entry = g_ptr_array_index(entries, i);
		g_autoptr(GPtrArray) langs = cblue_kb_entry_get_languages(entry);
		cblue_retriever_ngram_hash(hash, cblue_kb_entry_get_topic_id(entry));
		cblue_retriever_ngram_hash_strv(hash, cblue_kb_entry_get_keywords(entry));
		cblue_retriever_ngram_hash_strv(hash, cblue_kb_entry_get_tags(entry));
		for (guint j = 0; j < langs->len; j++) {
			const gchar *lang = g_ptr_array_index(langs, j);
			cblue_retriever_ngram_hash(hash, lang);
			cblue_retriever_ngram_hash_strv(hash, cblue_kb_entry_get_questions(entry, lang));
			cblue_retriever_ngram_hash(hash, cblue_kb_entry_get_content(entry, lang));
		}
		cblue_retriever_ngram_hash(hash, "\x02");
	}
	g_checksum_update(checksum, (const guchar *)self->code_id, -1);
	g_checksum_update(checksum, (const guchar *)&self->params, sizeof(self->params));
	g_checksum_update(checksum, (const guchar *)hash, sizeof(hash));
	name = g_strdup_printf("retrieval-ngram-%s.index", g_checksum_get_string(checksum));
	return g_build_filename(self->cache_dir, name, NULL);
}

static CblueNgramIndex *
cblue_retriever_ngram_load_cache(CblueRetrieverNgram *self, const gchar *path)
{
	g_autoptr(GMappedFile) mapped = g_mapped_file_new(path, FALSE, NULL);
	g_autoptr(GBytes) bytes = NULL;
	g_autoptr(GError) error = NULL;
	CblueNgramIndex *index;

	if (mapped == NULL)
		return NULL;
	bytes = g_mapped_file_get_bytes(mapped);
	index = cblue_ngram_index_new_from_bytes(bytes, self->tokenizer, &error);
	if (index == NULL)
		g_debug("ignoring index cache %s: %s", path, error->message);
	return index;
}

/* writes the cache atomically and removes the caches of other KB versions */
static void
cblue_retriever_ngram_save_cache(CblueRetrieverNgram *self, CblueNgramIndex *index, const gchar *path)
{
	g_autoptr(GBytes) bytes = cblue_ngram_index_serialize(index);
	g_autoptr(GError) error = NULL;
	g_autoptr(GDir) dir = NULL;
	g_autofree gchar *base = g_path_get_basename(path);
	const gchar *name;

	if (g_mkdir_with_parents(self->cache_dir, 0700) != 0 ||
	    !g_file_set_contents_full(path, g_bytes_get_data(bytes, NULL), (gssize)g_bytes_get_size(bytes),
				      G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error)) {
		g_debug("cannot write the index cache %s: %s", path, error != NULL ? error->message : g_strerror(errno));
		return;
	}
	dir = g_dir_open(self->cache_dir, 0, NULL);
	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
		if (g_str_has_prefix(name, "retrieval-ngram-") && g_strcmp0(name, base) != 0) {
			g_autofree gchar *stale = g_build_filename(self->cache_dir, name, NULL);
			g_unlink(stale);
		}
	}
}

static gboolean
cblue_retriever_ngram_rebuild(CblueRetriever *retriever, CblueKb *kb, GError **error)
{
	CblueRetrieverNgram *self = CBLUE_RETRIEVER_NGRAM(retriever);
	gint64 t0 = g_get_monotonic_time();
	g_autofree gchar *cache_path = self->cache_dir != NULL ? cblue_retriever_ngram_cache_path(self, kb) : NULL;
	CblueNgramIndex *index = cache_path != NULL ? cblue_retriever_ngram_load_cache(self, cache_path) : NULL;
	gboolean from_cache = index != NULL;
	CblueNgramIndex *old;

	if (index == NULL) {
		index = cblue_ngram_index_new(kb, self->tokenizer, &self->params);
		if (cache_path != NULL)
			cblue_retriever_ngram_save_cache(self, index, cache_path);
	}

	g_mutex_lock(&self->mutex);
	old = self->index;
	self->index = index;
	g_mutex_unlock(&self->mutex);
	if (old != NULL)
		cblue_ngram_index_unref(old);
	g_debug("indexed %u topics, %u n-grams, %" G_GSIZE_FORMAT " postings in %.1f ms (%s)", cblue_kb_get_size(kb),
		cblue_ngram_index_get_n_terms(index), cblue_ngram_index_get_n_postings(index),
		(g_get_monotonic_time() - t0) / 1000.0,
		cache_path == NULL ? "no cache" : from_cache ? "from the cache" : "analyzed");
	return TRUE;
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
