/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-embedding-retriever.h"

/*
 * The embedding retriever: dense vectors from an OpenAI-compatible `/v1/embeddings`
 * endpoint, compared by cosine.
 *
 * Index time (rebuild): each KB entry gives several texts — every example question in
 * every language and the content of each language (cut to max_chars) — and a hash of
 * them. An entry whose hash is unchanged reuses its vectors, from the index in use or
 * else from the store's cache (per entry and model); the others are sent to the endpoint
 * in batches, and their vectors written to the store in one transaction. A topic's score
 * is the cosine of its closest row (so a question matching one example question counts).
 *
 * Query time (search_async): the question (already redacted by the bot) is embedded with
 * one asynchronous request on the caller's thread-default main context — the listener
 * thread never waits — bounded by query_timeout_ms and the caller's cancellable. When the
 * endpoint fails, the search fails with CBLUE_ERROR_NOT_REACHABLE and the bot answers with
 * the other retrievers; the failure is logged once (no question text, no key) and further
 * questions skip the endpoint for breaker_ms, then try it again.
 */

struct _CblueRetrieverEmbedding {
	GObject parent_instance;
	CblueOpenaiClient *client; /* owned */
	CblueEmbeddingParams params; /* owned strings */
	GWeakRef context; /* of CblueContext: the store, looked up at each rebuild */
	GMutex mutex; /* protects the fields below */
	CblueEmbeddingMatrix *matrix; /* owned, nullable: no vectors yet */
	guint n_embedded; /* texts sent to the endpoint at index time, for tests */
	gboolean unavailable; /* the last call failed (and was logged) */
	gint64 retry_after; /* monotonic time before which questions skip the endpoint */
};

static void cblue_retriever_embedding_iface_init(CblueRetrieverInterface *iface);

G_DEFINE_TYPE_WITH_CODE(CblueRetrieverEmbedding, cblue_retriever_embedding, G_TYPE_OBJECT,
			G_IMPLEMENT_INTERFACE(CBLUE_TYPE_RETRIEVER, cblue_retriever_embedding_iface_init))

#define CBLUE_EMBEDDING_PATH "/v1/embeddings"

void
cblue_embedding_params_init_default(CblueEmbeddingParams *params)
{
	memset(params, 0, sizeof(*params));
	params->batch_size = 32;
	params->max_chars = 2000;
	params->query_timeout_ms = 2000;
	params->breaker_ms = 30000;
	params->low = 0.20;
	params->high = 0.70;
	params->query_prefix = g_strdup("");
	params->document_prefix = g_strdup("");
}

void
cblue_embedding_params_clear(CblueEmbeddingParams *params)
{
	g_clear_pointer(&params->query_prefix, g_free);
	g_clear_pointer(&params->document_prefix, g_free);
}

static void
cblue_retriever_embedding_finalize(GObject *object)
{
	CblueRetrieverEmbedding *self = CBLUE_RETRIEVER_EMBEDDING(object);
	g_clear_pointer(&self->matrix, cblue_embedding_matrix_unref);
	g_clear_object(&self->client);
	cblue_embedding_params_clear(&self->params);
	g_weak_ref_clear(&self->context);
	g_mutex_clear(&self->mutex);
	G_OBJECT_CLASS(cblue_retriever_embedding_parent_class)->finalize(object);
}

static void
cblue_retriever_embedding_class_init(CblueRetrieverEmbeddingClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_retriever_embedding_finalize;
}

static void
cblue_retriever_embedding_init(CblueRetrieverEmbedding *self)
{
	g_mutex_init(&self->mutex);
	g_weak_ref_init(&self->context, NULL);
}

/* @context: (nullable): where the store is found (held weakly: the context holds us) */
CblueRetrieverEmbedding *
cblue_retriever_embedding_new(CblueOpenaiClient *client, const CblueEmbeddingParams *params, CblueContext *context)
{
	CblueRetrieverEmbedding *self = g_object_new(CBLUE_TYPE_RETRIEVER_EMBEDDING, NULL);
	self->client = g_object_ref(client);
	self->params = *params;
	self->params.query_prefix = g_strdup(params->query_prefix != NULL ? params->query_prefix : "");
	self->params.document_prefix = g_strdup(params->document_prefix != NULL ? params->document_prefix : "");
	self->params.batch_size = MAX(self->params.batch_size, 1);
	g_weak_ref_set(&self->context, context);
	return self;
}

static const gchar *
cblue_retriever_embedding_model(CblueRetrieverEmbedding *self)
{
	return cblue_openai_client_get_config(self->client)->model;
}

/* Availability, logged on changes only: a provider that is down is reported once, not on
 * every question. The error messages come from openai-common and name neither the key
 * nor any text. */
static void
cblue_retriever_embedding_failed(CblueRetrieverEmbedding *self, const GError *error)
{
	gboolean first;
	g_mutex_lock(&self->mutex);
	first = !self->unavailable;
	self->unavailable = TRUE;
	self->retry_after = g_get_monotonic_time() + (gint64)self->params.breaker_ms * 1000;
	g_mutex_unlock(&self->mutex);
	if (first) {
		g_autofree gchar *where = cblue_openai_config_describe(cblue_openai_client_get_config(self->client));
		g_warning("embedding endpoint %s unavailable, retrieval continues without it: %s", where,
			  error->message);
	} else {
		g_debug("embedding endpoint still unavailable: %s", error->message);
	}
}

static void
cblue_retriever_embedding_succeeded(CblueRetrieverEmbedding *self)
{
	gboolean was_down;
	g_mutex_lock(&self->mutex);
	was_down = self->unavailable;
	self->unavailable = FALSE;
	self->retry_after = 0;
	g_mutex_unlock(&self->mutex);
	if (was_down)
		g_message("embedding endpoint available again");
}

/* the request body: {"model": …, "input": […]} (a string for one question) */
static JsonNode *
cblue_retriever_embedding_body(CblueRetrieverEmbedding *self, const gchar *const *texts, guint n, gboolean as_array)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "model");
	json_builder_add_string_value(builder, cblue_retriever_embedding_model(self));
	json_builder_set_member_name(builder, "input");
	if (as_array) {
		json_builder_begin_array(builder);
		for (guint i = 0; i < n; i++)
			json_builder_add_string_value(builder, texts[i]);
		json_builder_end_array(builder);
	} else {
		json_builder_add_string_value(builder, texts[0]);
	}
	json_builder_end_object(builder);
	return json_builder_get_root(builder);
}

/* The vectors of a reply, in input order: `data[i].embedding` (placed by `data[i].index`
 * when given), all of one length. Returns n × dimensions floats, or NULL. */
static gfloat *
cblue_retriever_embedding_parse(JsonNode *reply, guint n, guint *dimensions, GError **error)
{
	JsonObject *root = JSON_NODE_HOLDS_OBJECT(reply) ? json_node_get_object(reply) : NULL;
	JsonNode *data_node = root != NULL ? json_object_get_member(root, "data") : NULL;
	JsonArray *data = data_node != NULL && JSON_NODE_HOLDS_ARRAY(data_node) ? json_node_get_array(data_node) : NULL;
	g_autofree gfloat *out = NULL;
	g_autofree gboolean *seen = NULL;
	guint dims = 0;

	if (data == NULL || json_array_get_length(data) != n) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    "the embeddings reply has no data array of %u items", n);
		return NULL;
	}
	seen = g_new0(gboolean, MAX(n, 1));
	for (guint i = 0; i < n; i++) {
		JsonNode *item_node = json_array_get_element(data, i);
		JsonObject *item = JSON_NODE_HOLDS_OBJECT(item_node) ? json_node_get_object(item_node) : NULL;
		JsonNode *vector_node = item != NULL ? json_object_get_member(item, "embedding") : NULL;
		JsonArray *vector =
		    vector_node != NULL && JSON_NODE_HOLDS_ARRAY(vector_node) ? json_node_get_array(vector_node) : NULL;
		gint64 index = i;
		guint len;

		if (item != NULL && json_object_has_member(item, "index"))
			index = json_object_get_int_member_with_default(item, "index", -1);
		len = vector != NULL ? json_array_get_length(vector) : 0;
		if (vector == NULL || len == 0 || len > 65536 || index < 0 || index >= n || seen[index] ||
		    (dims != 0 && len != dims)) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    "the embeddings reply has an invalid item %u", i);
			return NULL;
		}
		if (dims == 0) {
			dims = len;
			out = g_new(gfloat, (gsize)n * dims);
		}
		seen[index] = TRUE;
		for (guint j = 0; j < len; j++) {
			JsonNode *x = json_array_get_element(vector, j);
			GType type = JSON_NODE_HOLDS_VALUE(x) ? json_node_get_value_type(x) : G_TYPE_INVALID;
			if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64) {
				g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
					    "the embeddings reply has a vector that is not numbers");
				return NULL;
			}
			out[(gsize)index * dims + j] = (gfloat)json_node_get_double(x);
		}
	}
	*dimensions = dims;
	return g_steal_pointer(&out);
}

typedef struct {
	GAsyncResult *result;
	GMainContext *context;
} CblueEmbeddingSync;

static void
cblue_retriever_embedding_sync_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	CblueEmbeddingSync *sync = user_data;
	sync->result = g_object_ref(res);
	g_main_context_wakeup(sync->context);
}

/* one batch, blocking (index time only): the request runs on a private main context */
static gfloat *
cblue_retriever_embedding_embed_sync(CblueRetrieverEmbedding *self, const gchar *const *texts, guint n,
				     guint *dimensions, GError **error)
{
	g_autoptr(GMainContext) context = g_main_context_new();
	g_autoptr(JsonNode) body = cblue_retriever_embedding_body(self, texts, n, TRUE);
	g_autoptr(JsonNode) reply = NULL;
	CblueEmbeddingSync sync = {NULL, context};

	g_main_context_push_thread_default(context);
	cblue_openai_client_post_json_async(self->client, CBLUE_EMBEDDING_PATH, body, NULL,
					    cblue_retriever_embedding_sync_cb, &sync);
	while (sync.result == NULL)
		g_main_context_iteration(context, TRUE);
	/* libsoup finishes a message on the context it was sent from: the reply (which holds
	 * the response stream) goes, and what it dispatched runs, before the context is popped */
	reply = cblue_openai_client_post_json_finish(self->client, sync.result, NULL, NULL, error);
	g_object_unref(sync.result);
	while (g_main_context_pending(context))
		g_main_context_iteration(context, FALSE);
	g_main_context_pop_thread_default(context);
	if (reply == NULL)
		return NULL;
	return cblue_retriever_embedding_parse(reply, n, dimensions, error);
}

/* the texts of an entry that are embedded, prefixed and cut to max_chars */
GPtrArray *
cblue_retriever_embedding_entry_texts(CblueRetrieverEmbedding *self, CblueKbEntry *entry)
{
	g_autoptr(GPtrArray) langs = cblue_kb_entry_get_languages(entry);
	GPtrArray *texts = g_ptr_array_new_with_free_func(g_free);

	for (guint i = 0; i < langs->len; i++) {
		const gchar *lang = g_ptr_array_index(langs, i);
		const gchar *const *questions = cblue_kb_entry_get_questions(entry, lang);
		const gchar *content = cblue_kb_entry_get_content(entry, lang);
		for (guint j = 0; questions[j] != NULL; j++)
			g_ptr_array_add(texts, g_strconcat(self->params.document_prefix, questions[j], NULL));
		if (content != NULL && content[0] != '\0') {
			const gchar *end = g_utf8_offset_to_pointer(
			    content, MIN(g_utf8_strlen(content, -1), (glong)self->params.max_chars));
			g_autofree gchar *cut = g_strndup(content, end - content);
			g_ptr_array_add(texts, g_strconcat(self->params.document_prefix, cut, NULL));
		}
	}
	return texts;
}

/* SHA-256 of the texts, each with its NUL */
gchar *
cblue_retriever_embedding_content_hash(const gchar *const *texts)
{
	g_autoptr(GChecksum) checksum = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(checksum, (const guchar *)"cblue-embedding-1", -1);
	for (guint i = 0; texts[i] != NULL; i++)
		g_checksum_update(checksum, (const guchar *)texts[i], (gssize)strlen(texts[i]) + 1);
	return g_strdup(g_checksum_get_string(checksum));
}

/* one entry while a KB is indexed */
typedef struct {
	CblueKbEntry *entry; /* unowned */
	GPtrArray *texts; /* owned */
	gchar *hash; /* owned */
	GBytes *vectors; /* owned, nullable: rows of the index's dimensions */
	guint first_text; /* into the list of texts to embed */
} CblueEmbeddingItem;

static void
cblue_embedding_item_clear(CblueEmbeddingItem *item)
{
	g_clear_pointer(&item->texts, g_ptr_array_unref);
	g_clear_pointer(&item->hash, g_free);
	g_clear_pointer(&item->vectors, g_bytes_unref);
}

static CblueStore *
cblue_retriever_embedding_get_store(CblueRetrieverEmbedding *self)
{
	g_autoptr(CblueContext) context = g_weak_ref_get(&self->context);
	CblueStore *store = context != NULL ? cblue_context_get_extension(context, CBLUE_TYPE_STORE) : NULL;
	return store != NULL ? g_object_ref(store) : NULL;
}

/* vectors of unchanged entries: from the index in use, else from the store's cache */
static guint
cblue_retriever_embedding_reuse(CblueRetrieverEmbedding *self, GArray *items, CblueStore *store, guint *dimensions)
{
	g_autoptr(CblueEmbeddingMatrix) previous = cblue_retriever_embedding_get_matrix(self);
	g_autoptr(GPtrArray) cached = NULL;
	g_autoptr(GHashTable) by_topic = g_hash_table_new(g_str_hash, g_str_equal);
	guint reused = 0;

	if (previous != NULL)
		*dimensions = cblue_embedding_matrix_get_dimensions(previous);
	if (store != NULL) {
		g_autoptr(GError) error = NULL;
		cached = cblue_store_load_embeddings(store, cblue_retriever_embedding_model(self), &error);
		if (cached == NULL && !g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED))
			g_warning("cannot read the embedding cache: %s", error->message);
		for (guint i = 0; cached != NULL && i < cached->len; i++) {
			CblueEmbedding *e = g_ptr_array_index(cached, i);
			g_hash_table_insert(by_topic, (gpointer)cblue_embedding_get_topic_id(e), e);
		}
	}
	for (guint i = 0; i < items->len; i++) {
		CblueEmbeddingItem *item = &g_array_index(items, CblueEmbeddingItem, i);
		const gchar *topic_id = cblue_kb_entry_get_topic_id(item->entry);
		CblueEmbedding *e = g_hash_table_lookup(by_topic, topic_id);
		guint n_rows = 0;
		const gfloat *rows =
		    previous != NULL ? cblue_embedding_matrix_lookup(previous, topic_id, item->hash, &n_rows) : NULL;

		if (rows != NULL) {
			item->vectors = g_bytes_new(rows, (gsize)n_rows * *dimensions * sizeof(gfloat));
		} else if (e != NULL && g_strcmp0(cblue_embedding_get_content_hash(e), item->hash) == 0 &&
			   (*dimensions == 0 || cblue_embedding_get_dimensions(e) == *dimensions)) {
			*dimensions = cblue_embedding_get_dimensions(e);
			item->vectors = g_bytes_ref(cblue_embedding_get_vectors(e));
		} else {
			continue;
		}
		reused++;
	}
	return reused;
}

/* embeds the texts of the items without vectors, in batches; stops at the first failure
 * (the endpoint is down: the rest waits for the next rebuild). Returns the new ones. */
static GPtrArray *
cblue_retriever_embedding_embed_missing(CblueRetrieverEmbedding *self, GArray *items, guint *dimensions)
{
	g_autoptr(GPtrArray) texts = g_ptr_array_new();
	g_autoptr(GByteArray) vectors = g_byte_array_new();
	GPtrArray *fresh = g_ptr_array_new_with_free_func(g_object_unref);
	guint done = 0;

	for (guint i = 0; i < items->len; i++) {
		CblueEmbeddingItem *item = &g_array_index(items, CblueEmbeddingItem, i);
		item->first_text = texts->len;
		if (item->vectors != NULL)
			continue;
		for (guint j = 0; j < item->texts->len; j++)
			g_ptr_array_add(texts, g_ptr_array_index(item->texts, j));
	}
	while (done < texts->len) {
		g_autoptr(GError) error = NULL;
		guint n = MIN(self->params.batch_size, texts->len - done);
		guint dims = 0;
		g_autofree gfloat *batch = cblue_retriever_embedding_embed_sync(
		    self, (const gchar *const *)texts->pdata + done, n, &dims, &error);
		if (batch != NULL && *dimensions != 0 && dims != *dimensions) {
			g_set_error(&error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    "the model returned %u dimensions, the cached vectors have %u", dims, *dimensions);
			g_clear_pointer(&batch, g_free);
		}
		if (batch == NULL) {
			cblue_retriever_embedding_failed(self, error);
			break;
		}
		*dimensions = dims;
		g_byte_array_append(vectors, (const guint8 *)batch, (guint)((gsize)n * dims * sizeof(gfloat)));
		done += n;
		g_mutex_lock(&self->mutex);
		self->n_embedded += n;
		g_mutex_unlock(&self->mutex);
	}
	if (done > 0 && done == texts->len)
		cblue_retriever_embedding_succeeded(self);
	/* the entries whose every text was embedded */
	for (guint i = 0; i < items->len && done > 0; i++) {
		CblueEmbeddingItem *item = &g_array_index(items, CblueEmbeddingItem, i);
		gsize row_size = (gsize)*dimensions * sizeof(gfloat);
		if (item->vectors != NULL || item->texts->len == 0 || item->first_text + item->texts->len > done)
			continue;
		item->vectors = g_bytes_new(vectors->data + item->first_text * row_size, item->texts->len * row_size);
		g_ptr_array_add(fresh, cblue_embedding_new(cblue_kb_entry_get_topic_id(item->entry), item->hash,
							   *dimensions, item->vectors));
	}
	return fresh;
}

static gboolean
cblue_retriever_embedding_rebuild(CblueRetriever *retriever, CblueKb *kb, GError **error)
{
	CblueRetrieverEmbedding *self = CBLUE_RETRIEVER_EMBEDDING(retriever);
	GPtrArray *entries = cblue_kb_get_entries(kb);
	g_autoptr(GArray) items = g_array_sized_new(FALSE, TRUE, sizeof(CblueEmbeddingItem), entries->len);
	g_autoptr(CblueStore) store = cblue_retriever_embedding_get_store(self);
	g_autoptr(GPtrArray) fresh = NULL;
	CblueEmbeddingMatrix *matrix = NULL;
	CblueEmbeddingMatrix *old;
	gint64 t0 = g_get_monotonic_time();
	guint dimensions = 0;
	guint reused;

	g_array_set_clear_func(items, (GDestroyNotify)cblue_embedding_item_clear);
	for (guint i = 0; i < entries->len; i++) {
		CblueEmbeddingItem item = {0};
		item.entry = g_ptr_array_index(entries, i);
		item.texts = cblue_retriever_embedding_entry_texts(self, item.entry);
		g_ptr_array_add(item.texts, NULL);
		item.hash = cblue_retriever_embedding_content_hash((const gchar *const *)item.texts->pdata);
		g_ptr_array_set_size(item.texts, item.texts->len - 1);
		g_array_append_val(items, item);
	}
	reused = cblue_retriever_embedding_reuse(self, items, store, &dimensions);
	fresh = cblue_retriever_embedding_embed_missing(self, items, &dimensions);
	if (store != NULL && fresh->len > 0) {
		g_autoptr(GError) error_local = NULL;
		if (!cblue_store_save_embeddings(store, cblue_retriever_embedding_model(self), fresh, &error_local) &&
		    !g_error_matches(error_local, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED))
			g_warning("cannot write the embedding cache: %s", error_local->message);
	}
	if (dimensions > 0) {
		matrix = cblue_embedding_matrix_new(dimensions);
		for (guint i = 0; i < items->len; i++) {
			CblueEmbeddingItem *item = &g_array_index(items, CblueEmbeddingItem, i);
			gsize size = 0;
			const gfloat *rows;
			if (item->vectors == NULL)
				continue;
			rows = g_bytes_get_data(item->vectors, &size);
			cblue_embedding_matrix_add(matrix, cblue_kb_entry_get_topic_id(item->entry), item->hash, rows,
						   (guint)(size / (dimensions * sizeof(gfloat))));
		}
	}
	g_mutex_lock(&self->mutex);
	old = self->matrix;
	self->matrix = matrix;
	g_mutex_unlock(&self->mutex);
	if (old != NULL)
		cblue_embedding_matrix_unref(old);
	g_debug("indexed %u of %u topics: %u reused, %u embedded, %u rows of %u dimensions, %" G_GSIZE_FORMAT
		" bytes, in %.1f ms",
		matrix != NULL ? cblue_embedding_matrix_get_n_topics(matrix) : 0, entries->len, reused, fresh->len,
		matrix != NULL ? cblue_embedding_matrix_get_n_rows(matrix) : 0, dimensions,
		matrix != NULL ? cblue_embedding_matrix_get_memory_size(matrix) : 0,
		(g_get_monotonic_time() - t0) / 1000.0);
	/* a provider that is down is no reason to refuse a KB: the other retrievers serve it */
	return TRUE;
}

/* a question's search */
typedef struct {
	CblueEmbeddingMatrix *matrix; /* owned */
	guint max_hits;
	GCancellable *request; /* owned: cancels the HTTP request */
	GCancellable *caller; /* owned, nullable */
	gulong caller_handler;
	GSource *timeout; /* owned, nullable */
	gboolean timed_out;
} CblueEmbeddingSearch;

static void
cblue_embedding_search_free(CblueEmbeddingSearch *op)
{
	if (op->timeout != NULL) {
		g_source_destroy(op->timeout);
		g_source_unref(op->timeout);
	}
	if (op->caller != NULL) {
		g_cancellable_disconnect(op->caller, op->caller_handler);
		g_object_unref(op->caller);
	}
	g_object_unref(op->request);
	cblue_embedding_matrix_unref(op->matrix);
	g_free(op);
}

static void
cblue_embedding_search_caller_cancelled(GCancellable *caller, gpointer user_data)
{
	g_cancellable_cancel(G_CANCELLABLE(user_data));
}

static gboolean
cblue_embedding_search_timeout_cb(gpointer user_data)
{
	CblueEmbeddingSearch *op = user_data;
	op->timed_out = TRUE;
	g_cancellable_cancel(op->request);
	return G_SOURCE_REMOVE;
}

static void
cblue_retriever_embedding_query_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	CblueRetrieverEmbedding *self = g_task_get_source_object(task);
	CblueEmbeddingSearch *op = g_task_get_task_data(task);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) reply =
	    cblue_openai_client_post_json_finish(CBLUE_OPENAI_CLIENT(source), res, NULL, NULL, &error);
	g_autofree gfloat *query = NULL;
	guint dims = 0;

	if (g_task_return_error_if_cancelled(task))
		return;
	if (reply != NULL)
		query = cblue_retriever_embedding_parse(reply, 1, &dims, &error);
	if (query != NULL && dims != cblue_embedding_matrix_get_dimensions(op->matrix)) {
		g_set_error(&error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    "the model returned %u dimensions for a question, the index has %u", dims,
			    cblue_embedding_matrix_get_dimensions(op->matrix));
		g_clear_pointer(&query, g_free);
	}
	if (query == NULL) {
		if (op->timed_out) {
			g_clear_error(&error);
			g_set_error(&error, CBLUE_ERROR, CBLUE_ERROR_TIMED_OUT,
				    "no embedding within %u ms", self->params.query_timeout_ms);
		}
		cblue_retriever_embedding_failed(self, error);
		g_task_return_new_error(task, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE,
					"embedding endpoint unavailable: %s", error->message);
		return;
	}
	cblue_retriever_embedding_succeeded(self);
	g_task_return_pointer(task,
			      cblue_embedding_matrix_search(op->matrix, query, op->max_hits, self->params.low,
							    self->params.high),
			      (GDestroyNotify)g_ptr_array_unref);
}

static void
cblue_retriever_embedding_search_async(CblueRetriever *retriever, CblueMessage *message, guint max_hits,
				       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
	CblueRetrieverEmbedding *self = CBLUE_RETRIEVER_EMBEDDING(retriever);
	g_autoptr(GTask) task = g_task_new(self, cancellable, callback, user_data);
	g_autofree gchar *text = NULL;
	g_autoptr(JsonNode) body = NULL;
	CblueEmbeddingMatrix *matrix = NULL;
	CblueEmbeddingSearch *op;
	gboolean skip;

	g_task_set_source_tag(task, cblue_retriever_embedding_search_async);
	g_mutex_lock(&self->mutex);
	if (self->matrix != NULL)
		matrix = cblue_embedding_matrix_ref(self->matrix);
	skip = self->unavailable && g_get_monotonic_time() < self->retry_after;
	g_mutex_unlock(&self->mutex);
	/* no vectors (the endpoint was down when the KB was indexed) or a recent failure:
	 * the bot answers with the other retrievers, without waiting */
	if (matrix == NULL || skip) {
		if (matrix != NULL)
			cblue_embedding_matrix_unref(matrix);
		g_task_return_new_error(task, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE,
					matrix == NULL ? "no KB vectors from the embedding endpoint"
						       : "embedding endpoint unavailable");
		return;
	}
	op = g_new0(CblueEmbeddingSearch, 1);
	op->matrix = matrix;
	op->max_hits = max_hits;
	op->request = g_cancellable_new();
	g_task_set_task_data(task, op, (GDestroyNotify)cblue_embedding_search_free);
	if (cancellable != NULL) {
		op->caller = g_object_ref(cancellable);
		op->caller_handler =
		    g_cancellable_connect(cancellable, G_CALLBACK(cblue_embedding_search_caller_cancelled),
					  g_object_ref(op->request), g_object_unref);
	}
	if (self->params.query_timeout_ms > 0) {
		op->timeout = g_timeout_source_new(self->params.query_timeout_ms);
		g_source_set_callback(op->timeout, cblue_embedding_search_timeout_cb, op, NULL);
		g_source_set_static_name(op->timeout, "[cblue] embedding query timeout");
		g_source_attach(op->timeout, g_task_get_context(task));
	}
	text = g_strconcat(self->params.query_prefix, cblue_message_get_text(message), NULL);
	body = cblue_retriever_embedding_body(self, (const gchar *const *)&text, 1, FALSE);
	cblue_openai_client_post_json_async(self->client, CBLUE_EMBEDDING_PATH, body, op->request,
					    cblue_retriever_embedding_query_cb, g_steal_pointer(&task));
}

static GPtrArray *
cblue_retriever_embedding_search_finish(CblueRetriever *retriever, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, retriever), NULL);
	return g_task_propagate_pointer(G_TASK(result), error);
}

static void
cblue_retriever_embedding_iface_init(CblueRetrieverInterface *iface)
{
	iface->rebuild = cblue_retriever_embedding_rebuild;
	iface->search_async = cblue_retriever_embedding_search_async;
	iface->search_finish = cblue_retriever_embedding_search_finish;
}

/* texts sent to the endpoint at index time so far, for tests */
guint
cblue_retriever_embedding_get_n_embedded(CblueRetrieverEmbedding *self)
{
	guint n;
	g_mutex_lock(&self->mutex);
	n = self->n_embedded;
	g_mutex_unlock(&self->mutex);
	return n;
}

/* (transfer full) (nullable): the index in use */
CblueEmbeddingMatrix *
cblue_retriever_embedding_get_matrix(CblueRetrieverEmbedding *self)
{
	CblueEmbeddingMatrix *matrix = NULL;
	g_mutex_lock(&self->mutex);
	if (self->matrix != NULL)
		matrix = cblue_embedding_matrix_ref(self->matrix);
	g_mutex_unlock(&self->mutex);
	return matrix;
}
