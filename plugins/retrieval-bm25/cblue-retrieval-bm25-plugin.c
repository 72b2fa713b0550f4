/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cblue-bm25-index.h"

/* retrieval-bm25: see README.md */

#define CBLUE_TYPE_RETRIEVER_BM25 (cblue_retriever_bm25_get_type())
G_DECLARE_FINAL_TYPE(CblueRetrieverBm25, cblue_retriever_bm25, CBLUE, RETRIEVER_BM25, GObject)

struct _CblueRetrieverBm25 {
	GObject parent_instance;
	CblueTokenizer *tokenizer; /* owned */
	GHashTable *stopwords; /* owned */
	CblueBm25Params params;
	GMutex mutex; /* protects index */
	CblueBm25Index *index; /* owned, nullable until the first rebuild */
	gchar *cache_dir; /* owned, nullable: no index cache */
	gchar *code_id; /* owned: identifies the analysis code, part of the cache key */
};

static void cblue_retriever_bm25_iface_init(CblueRetrieverInterface *iface);

G_DEFINE_TYPE_WITH_CODE(CblueRetrieverBm25, cblue_retriever_bm25, G_TYPE_OBJECT,
			G_IMPLEMENT_INTERFACE(CBLUE_TYPE_RETRIEVER, cblue_retriever_bm25_iface_init))

static void
cblue_retriever_bm25_finalize(GObject *object)
{
	CblueRetrieverBm25 *self = CBLUE_RETRIEVER_BM25(object);
	g_clear_pointer(&self->index, cblue_bm25_index_unref);
	g_free(self->cache_dir);
	g_free(self->code_id);
	g_clear_object(&self->tokenizer);
	g_clear_pointer(&self->stopwords, g_hash_table_unref);
	g_mutex_clear(&self->mutex);
	G_OBJECT_CLASS(cblue_retriever_bm25_parent_class)->finalize(object);
}

static void
cblue_retriever_bm25_class_init(CblueRetrieverBm25Class *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_retriever_bm25_finalize;
}

static void
cblue_retriever_bm25_init(CblueRetrieverBm25 *self)
{
	g_mutex_init(&self->mutex);
	cblue_bm25_params_init_default(&self->params);
}

/* The cache key: everything the index depends on — the KB, the parameters, the stop words,
 * the Thai segmenter and the analysis code itself (the plugin module's identity) */
static gchar *
cblue_retriever_bm25_cache_key(CblueRetrieverBm25 *self, CblueKb *kb)
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
	g_checksum_update(checksum, (const guchar *)kb_json, -1);
	return g_strdup(g_checksum_get_string(checksum));
}

static CblueBm25Index *
cblue_retriever_bm25_load_cache(CblueRetrieverBm25 *self, const gchar *path)
{
	g_autoptr(GMappedFile) mapped = g_mapped_file_new(path, FALSE, NULL);
	g_autoptr(GBytes) bytes = NULL;
	g_autoptr(GError) error = NULL;
	CblueBm25Index *index;

	if (mapped == NULL)
		return NULL;
	bytes = g_mapped_file_get_bytes(mapped);
	index = cblue_bm25_index_new_from_bytes(bytes, self->tokenizer, self->stopwords, &error);
	if (index == NULL)
		g_debug("ignoring index cache %s: %s", path, error->message);
	return index;
}

/* writes the cache atomically and removes the caches of other KB versions */
static void
cblue_retriever_bm25_save_cache(CblueRetrieverBm25 *self, CblueBm25Index *index, const gchar *path)
{
	g_autoptr(GBytes) bytes = cblue_bm25_index_serialize(index);
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
		if (g_str_has_prefix(name, "retrieval-bm25-") && g_strcmp0(name, base) != 0) {
			g_autofree gchar *stale = g_build_filename(self->cache_dir, name, NULL);
			g_unlink(stale);
		}
	}
}

static gboolean
cblue_retriever_bm25_rebuild(CblueRetriever *retriever, CblueKb *kb, GError **error)
{
	CblueRetrieverBm25 *self = CBLUE_RETRIEVER_BM25(retriever);
	gint64 t0 = g_get_monotonic_time();
	g_autofree gchar *cache_path = NULL;
	CblueBm25Index *index = NULL;
	CblueBm25Index *old;
	gboolean from_cache = FALSE;

	if (self->cache_dir != NULL) {
		g_autofree gchar *key = cblue_retriever_bm25_cache_key(self, kb);
		g_autofree gchar *name = g_strdup_printf("retrieval-bm25-%s.index", key);
		cache_path = g_build_filename(self->cache_dir, name, NULL);
		index = cblue_retriever_bm25_load_cache(self, cache_path);
		from_cache = index != NULL;
	}
	if (index == NULL) {
		index = cblue_bm25_index_new(kb, self->tokenizer, self->stopwords, &self->params);
		if (cache_path != NULL)
			cblue_retriever_bm25_save_cache(self, index, cache_path);
	}
	g_mutex_lock(&self->mutex);
	old = self->index;
	self->index = index;
	g_mutex_unlock(&self->mutex);
	if (old != NULL)
		cblue_bm25_index_unref(old);
	g_debug("indexed %u topics, %u terms in %.1f ms (%s)", cblue_kb_get_size(kb),
		cblue_bm25_index_get_n_terms(index), (g_get_monotonic_time() - t0) / 1000.0,
		cache_path == NULL ? "no cache" : from_cache ? "from the cache" : "analyzed");
	return TRUE;
}

static GPtrArray *
cblue_retriever_bm25_search(CblueRetriever *retriever, CblueMessage *message, guint max_hits, GError **error)
{
	CblueRetrieverBm25 *self = CBLUE_RETRIEVER_BM25(retriever);
	g_autoptr(CblueBm25Index) index = NULL;

	g_mutex_lock(&self->mutex);
	if (self->index != NULL)
		index = cblue_bm25_index_ref(self->index);
	g_mutex_unlock(&self->mutex);
	if (index == NULL)
		return g_ptr_array_new_with_free_func(g_object_unref);
	return cblue_bm25_index_search(index, cblue_message_get_text(message), max_hits);
}

static void
cblue_retriever_bm25_iface_init(CblueRetrieverInterface *iface)
{
	iface->rebuild = cblue_retriever_bm25_rebuild;
	iface->search = cblue_retriever_bm25_search;
}

#define CBLUE_TYPE_RETRIEVAL_BM25_PLUGIN (cblue_retrieval_bm25_plugin_get_type())
G_DECLARE_FINAL_TYPE(CblueRetrievalBm25Plugin, cblue_retrieval_bm25_plugin, CBLUE, RETRIEVAL_BM25_PLUGIN,
		     CbluePlugin)

struct _CblueRetrievalBm25Plugin {
	CbluePlugin parent_instance;
};

G_DEFINE_TYPE(CblueRetrievalBm25Plugin, cblue_retrieval_bm25_plugin, CBLUE_TYPE_PLUGIN)

/* the identity of a file: its path, size and modification time */
static gchar *
cblue_retrieval_bm25_file_id(const gchar *filename)
{
	GStatBuf st;
	if (filename == NULL || g_stat(filename, &st) != 0)
		return g_strdup("?");
	return g_strdup_printf("%s-%lld-%lld", filename, (long long)st.st_size, (long long)st.st_mtime);
}

/* the analysis code's identity — this module and libcblue (whose tokenizer the index
 * depends on): a rebuilt plugin or library never reads an index its predecessor wrote */
static gchar *
cblue_retrieval_bm25_code_id(CbluePlugin *plugin)
{
	Dl_info info = {0};
	g_autofree gchar *module_id = cblue_retrieval_bm25_file_id(cblue_plugin_get_filename(plugin));
	g_autofree gchar *library_id = NULL;

	if (dladdr((gpointer)cblue_tokenizer_normalize, &info) != 0)
		library_id = cblue_retrieval_bm25_file_id(info.dli_fname);
	return g_strdup_printf("%s|%s|%s", CBLUE_VERSION_STRING, module_id, library_id != NULL ? library_id : "?");
}

static void
cblue_retrieval_bm25_plugin_setup_async(CbluePlugin *plugin, GCancellable *cancellable,
					GAsyncReadyCallback callback, gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	CblueContext *context = cblue_plugin_get_context(plugin);
	CblueConfig *config = cblue_context_get_config(context);
	g_autoptr(CblueRetrieverBm25) retriever = g_object_new(CBLUE_TYPE_RETRIEVER_BM25, NULL);
	CblueBm25Params *p = &retriever->params;

	g_task_set_source_tag(task, cblue_retrieval_bm25_plugin_setup_async);
	retriever->tokenizer = g_object_ref(cblue_context_get_tokenizer(context));
	retriever->stopwords = cblue_bm25_load_stopwords();
	retriever->code_id = cblue_retrieval_bm25_code_id(plugin);
	if (cblue_config_get_boolean(config, "retrieval-bm25", "cache", TRUE))
		retriever->cache_dir = g_build_filename(cblue_context_get_data_dir(context), "cache", NULL);
	p->k1 = cblue_config_get_double(config, "retrieval-bm25", "k1", p->k1);
	p->b = CLAMP(cblue_config_get_double(config, "retrieval-bm25", "b", p->b), 0.0, 1.0);
	p->weight_questions = cblue_config_get_double(config, "retrieval-bm25", "weight_questions", p->weight_questions);
	p->weight_keywords = cblue_config_get_double(config, "retrieval-bm25", "weight_keywords", p->weight_keywords);
	p->weight_content = cblue_config_get_double(config, "retrieval-bm25", "weight_content", p->weight_content);
	p->ngram_weight = cblue_config_get_double(config, "retrieval-bm25", "ngram_weight", p->ngram_weight);
	cblue_plugin_add_extension(plugin, CBLUE_TYPE_RETRIEVER, retriever, 0);
	g_task_return_boolean(task, TRUE);
}

static gboolean
cblue_retrieval_bm25_plugin_setup_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_retrieval_bm25_plugin_class_init(CblueRetrievalBm25PluginClass *klass)
{
	CbluePluginClass *plugin_class = CBLUE_PLUGIN_CLASS(klass);
	plugin_class->setup_async = cblue_retrieval_bm25_plugin_setup_async;
	plugin_class->setup_finish = cblue_retrieval_bm25_plugin_setup_finish;
}

static void
cblue_retrieval_bm25_plugin_init(CblueRetrievalBm25Plugin *self)
{
	cblue_plugin_set_description(CBLUE_PLUGIN(self), "BM25F word and character n-gram retrieval (en, th, zh)");
	cblue_plugin_set_version(CBLUE_PLUGIN(self), CBLUE_VERSION_STRING);
}

CBLUE_PLUGIN_DEFINE(cblue_retrieval_bm25_plugin_get_type)
