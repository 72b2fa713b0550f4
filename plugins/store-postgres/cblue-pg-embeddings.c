/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-pg.h"
#include "cblue-store-postgres-private.h"

/*
 * retrieval-embedding's vector cache in store-postgres (schema in
 * data/sql/postgres/0003-embeddings.sql), with the behaviour of store-sqlite's: one row per
 * (model, topic) with the hash of the embedded texts and the float32 vectors as bytea,
 * passed as a binary parameter. A save is one transaction.
 */

typedef struct {
	const gchar *model;
	GPtrArray *result; /* owned, out, of CblueEmbedding */
} CbluePgEmbeddingsLoad;

static gboolean
cblue_pg_embeddings_load_op(PGconn *conn, gpointer user_data, GError **error)
{
	CbluePgEmbeddingsLoad *op = user_data;
	const gchar *values[] = {op->model};
	g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func(g_object_unref);
	g_autoptr(PGresult) res = cblue_pg_exec(
	    conn, "SELECT topic_id, content_hash, dimensions, vectors FROM embeddings WHERE model = $1", 1, values,
	    "cannot read the embedding cache", error);

	if (res == NULL)
		return FALSE;
	for (gint i = 0; i < PQntuples(res); i++) {
		gint64 dimensions = g_ascii_strtoll(PQgetvalue(res, i, 2), NULL, 10);
		size_t size = 0;
		guchar *blob = PQunescapeBytea((const guchar *)PQgetvalue(res, i, 3), &size);
		g_autoptr(GBytes) vectors = NULL;

		/* the schema checks the shape; a row that still does not fit is skipped (it is
		 * embedded again) rather than trusted */
		if (blob == NULL || dimensions <= 0 || dimensions > 65536 || size == 0 ||
		    size % (4 * (gsize)dimensions) != 0) {
			PQfreemem(blob);
			continue;
		}
		vectors = g_bytes_new(blob, size);
		PQfreemem(blob);
		g_ptr_array_add(result, cblue_embedding_new(PQgetvalue(res, i, 0), PQgetvalue(res, i, 1),
							    (guint)dimensions, vectors));
	}
	g_clear_pointer(&op->result, g_ptr_array_unref);
	op->result = g_steal_pointer(&result);
	return TRUE;
}

static GPtrArray *
cblue_store_postgres_load_embeddings(CblueStore *store, const gchar *model, GError **error)
{
	CbluePgEmbeddingsLoad op = {model, NULL};
	if (!cblue_pg_pool_run(cblue_store_postgres_get_pool(store), cblue_pg_embeddings_load_op, &op, error))
		return NULL;
	return op.result;
}

typedef struct {
	const gchar *model;
	GPtrArray *embeddings; /* borrowed */
} CbluePgEmbeddingsSave;

static gboolean
cblue_pg_embeddings_save_one(PGconn *conn, const gchar *model, CblueEmbedding *embedding, const gchar *now,
			     GError **error)
{
	g_autofree gchar *dimensions = g_strdup_printf("%u", cblue_embedding_get_dimensions(embedding));
	gsize size = 0;
	gconstpointer data = g_bytes_get_data(cblue_embedding_get_vectors(embedding), &size);
	const gchar *values[] = {model, cblue_embedding_get_topic_id(embedding),
				 cblue_embedding_get_content_hash(embedding), dimensions, data, now};
	/* the vectors as a binary parameter: no escaping, half the bytes of hex */
	const gint lengths[] = {0, 0, 0, 0, (gint)size, 0};
	const gint formats[] = {0, 0, 0, 0, 1, 0};
	g_autoptr(PGresult) res = NULL;

	if (size > G_MAXINT) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_TOO_LARGE, "an embedding is too large to cache");
		return FALSE;
	}
	res = PQexecParams(conn,
			   "INSERT INTO embeddings (model, topic_id, content_hash, dimensions, vectors, updated_at) "
			   "VALUES ($1, $2, $3, $4::integer, $5::bytea, $6::timestamptz) "
			   "ON CONFLICT (model, topic_id) DO UPDATE SET content_hash = excluded.content_hash, "
			   "dimensions = excluded.dimensions, vectors = excluded.vectors, updated_at = excluded.updated_at",
			   G_N_ELEMENTS(values), NULL, values, lengths, formats, 0);
	if (res == NULL || PQresultStatus(res) != PGRES_COMMAND_OK) {
		cblue_pg_set_error(error, conn, res, "cannot write the embedding cache");
		return FALSE;
	}
	return TRUE;
}

static gboolean
cblue_pg_embeddings_save_op(PGconn *conn, gpointer user_data, GError **error)
{
	CbluePgEmbeddingsSave *op = user_data;
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());

	if (!cblue_pg_begin(conn, error))
		return FALSE;
	for (guint i = 0; i < op->embeddings->len; i++) {
		if (!cblue_pg_embeddings_save_one(conn, op->model, g_ptr_array_index(op->embeddings, i), now, error))
			return FALSE;
	}
	return cblue_pg_commit(conn, error);
}

static gboolean
cblue_store_postgres_save_embeddings(CblueStore *store, const gchar *model, GPtrArray *embeddings, GError **error)
{
	CbluePgEmbeddingsSave op = {model, embeddings};
	return cblue_pg_pool_run(cblue_store_postgres_get_pool(store), cblue_pg_embeddings_save_op, &op, error);
}

void
cblue_store_postgres_embeddings_iface_init(CblueStoreInterface *iface)
{
	iface->load_embeddings = cblue_store_postgres_load_embeddings;
	iface->save_embeddings = cblue_store_postgres_save_embeddings;
}
