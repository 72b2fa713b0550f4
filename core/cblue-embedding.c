/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-embedding.h"

/**
 * CblueEmbedding:
 *
 * The dense vectors of one KB entry from one embedding model, as a store caches them (see
 * [method@Store.load_embeddings]): the entry's `topic_id`, a hash of the texts that were
 * embedded (so that a changed entry is embedded again) and the vectors themselves, one
 * or more rows of `dimensions` float32 numbers in the host's byte order, back to back.
 *
 * Since: 1.0
 */
struct _CblueEmbedding {
	GObject parent_instance;
	gchar *topic_id; /* owned */
	gchar *content_hash; /* owned */
	guint dimensions;
	GBytes *vectors; /* owned */
};

G_DEFINE_TYPE(CblueEmbedding, cblue_embedding, G_TYPE_OBJECT)

static void
cblue_embedding_finalize(GObject *object)
{
	CblueEmbedding *self = CBLUE_EMBEDDING(object);
	g_free(self->topic_id);
	g_free(self->content_hash);
	g_bytes_unref(self->vectors);
	G_OBJECT_CLASS(cblue_embedding_parent_class)->finalize(object);
}

static void
cblue_embedding_class_init(CblueEmbeddingClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_embedding_finalize;
}

static void
cblue_embedding_init(CblueEmbedding *self)
{
}

/**
 * cblue_embedding_new:
 * @topic_id: the KB entry
 * @content_hash: a hash of the texts that were embedded
 * @dimensions: the length of each vector, at least 1
 * @vectors: float32 rows of @dimensions numbers (a whole number of rows)
 *
 * Returns: (transfer full): a new #CblueEmbedding
 *
 * Since: 1.0
 */
CblueEmbedding *
cblue_embedding_new(const gchar *topic_id, const gchar *content_hash, guint dimensions, GBytes *vectors)
{
	CblueEmbedding *self;
	g_return_val_if_fail(topic_id != NULL, NULL);
	g_return_val_if_fail(content_hash != NULL, NULL);
	g_return_val_if_fail(dimensions > 0, NULL);
	g_return_val_if_fail(vectors != NULL, NULL);
	g_return_val_if_fail(g_bytes_get_size(vectors) % (dimensions * sizeof(gfloat)) == 0, NULL);
	self = g_object_new(CBLUE_TYPE_EMBEDDING, NULL);
	self->topic_id = g_strdup(topic_id);
	self->content_hash = g_strdup(content_hash);
	self->dimensions = dimensions;
	self->vectors = g_bytes_ref(vectors);
	return self;
}

/**
 * cblue_embedding_get_topic_id:
 * @self: a #CblueEmbedding
 *
 * Returns: the KB entry's topic id
 *
 * Since: 1.0
 */
const gchar *
cblue_embedding_get_topic_id(CblueEmbedding *self)
{
	g_return_val_if_fail(CBLUE_IS_EMBEDDING(self), NULL);
	return self->topic_id;
}

/**
 * cblue_embedding_get_content_hash:
 * @self: a #CblueEmbedding
 *
 * Returns: the hash of the texts that were embedded
 *
 * Since: 1.0
 */
const gchar *
cblue_embedding_get_content_hash(CblueEmbedding *self)
{
	g_return_val_if_fail(CBLUE_IS_EMBEDDING(self), NULL);
	return self->content_hash;
}

/**
 * cblue_embedding_get_dimensions:
 * @self: a #CblueEmbedding
 *
 * Returns: the length of each vector
 *
 * Since: 1.0
 */
guint
cblue_embedding_get_dimensions(CblueEmbedding *self)
{
	g_return_val_if_fail(CBLUE_IS_EMBEDDING(self), 0);
	return self->dimensions;
}

/**
 * cblue_embedding_get_n_vectors:
 * @self: a #CblueEmbedding
 *
 * Returns: how many vectors (rows) there are
 *
 * Since: 1.0
 */
guint
cblue_embedding_get_n_vectors(CblueEmbedding *self)
{
	g_return_val_if_fail(CBLUE_IS_EMBEDDING(self), 0);
	return (guint)(g_bytes_get_size(self->vectors) / (self->dimensions * sizeof(gfloat)));
}

/**
 * cblue_embedding_get_vectors:
 * @self: a #CblueEmbedding
 *
 * Returns: (transfer none): the vectors, float32 rows of
 *   [method@Embedding.get_dimensions] numbers in the host's byte order
 *
 * Since: 1.0
 */
GBytes *
cblue_embedding_get_vectors(CblueEmbedding *self)
{
	g_return_val_if_fail(CBLUE_IS_EMBEDDING(self), NULL);
	return self->vectors;
}
