/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-store-sqlite-admin.h"
#include "cblue-store-sqlite-db.h"
#include "cblue-store-sqlite-embeddings.h"

/*
 * retrieval-embedding's vector cache: one row per (model, topic) with the hash of the
 * embedded texts and the float32 vectors as a BLOB. Both calls run on the read connection
 * under its mutex (they come from a retriever's rebuild, never from the chat path); a save
 * is one BEGIN IMMEDIATE transaction, every statement parameterized.
 */

static GPtrArray *
cblue_sqlite_embeddings_load_locked(CblueSqliteDb *db, const gchar *model, GError **error)
{
	g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func(g_object_unref);
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_db_prepare(
	    db, "SELECT topic_id, content_hash, dimensions, vectors FROM embeddings WHERE model = ?1", error);
	g_autoptr(GError) error_local = NULL;

	if (stmt == NULL || !cblue_sqlite_bind_text(db, stmt, 1, model, error))
		return NULL;
	while (cblue_sqlite_db_step_next(db, stmt, "cannot read the embedding cache", &error_local)) {
		const gchar *topic_id = cblue_sqlite_column_text(stmt, 0);
		const gchar *hash = cblue_sqlite_column_text(stmt, 1);
		gint64 dimensions = cblue_sqlite_column_int64(stmt, 2);
		gconstpointer blob = sqlite3_column_blob(stmt, 3);
		gsize size = (gsize)sqlite3_column_bytes(stmt, 3);
		g_autoptr(GBytes) vectors = NULL;

		/* the schema checks the shape; a row that still does not fit is skipped (it
		 * is embedded again) rather than trusted */
		if (topic_id == NULL || hash == NULL || blob == NULL || dimensions <= 0 || dimensions > 65536 ||
		    size == 0 || size % (4 * (gsize)dimensions) != 0)
			continue;
		vectors = g_bytes_new(blob, size);
		g_ptr_array_add(result, cblue_embedding_new(topic_id, hash, (guint)dimensions, vectors));
	}
	if (error_local != NULL) {
		g_propagate_error(error, g_steal_pointer(&error_local));
		return NULL;
	}
	return g_steal_pointer(&result);
}

static GPtrArray *
cblue_store_sqlite_load_embeddings(CblueStore *store, const gchar *model, GError **error)
{
	CblueSqliteDb *db = cblue_store_sqlite_lock_db(store, error);
	GPtrArray *result;

	if (db == NULL)
		return NULL;
	result = cblue_sqlite_embeddings_load_locked(db, model, error);
	cblue_store_sqlite_unlock_db(store);
	return result;
}

static gboolean
cblue_sqlite_embeddings_save_locked(CblueSqliteDb *db, const gchar *model, GPtrArray *embeddings, GError **error)
{
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());

	for (guint i = 0; i < embeddings->len; i++) {
		CblueEmbedding *embedding = g_ptr_array_index(embeddings, i);
		if (!cblue_sqlite_db_exec(
			db,
			"INSERT INTO embeddings (model, topic_id, content_hash, dimensions, vectors, updated_at) "
			"VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
			"ON CONFLICT (model, topic_id) DO UPDATE SET content_hash = excluded.content_hash, "
			"dimensions = excluded.dimensions, vectors = excluded.vectors, updated_at = excluded.updated_at",
			"cannot write the embedding cache", error, "tttibt", model, cblue_embedding_get_topic_id(embedding),
			cblue_embedding_get_content_hash(embedding), (gint64)cblue_embedding_get_dimensions(embedding),
			cblue_embedding_get_vectors(embedding), now))
			return FALSE;
	}
	return TRUE;
}

static gboolean
cblue_store_sqlite_save_embeddings(CblueStore *store, const gchar *model, GPtrArray *embeddings, GError **error)
{
	CblueSqliteDb *db = cblue_store_sqlite_lock_db(store, error);
	gboolean ok;

	if (db == NULL)
		return FALSE;
	ok = cblue_sqlite_db_begin(db, error) &&
	     cblue_sqlite_db_end(db, cblue_sqlite_embeddings_save_locked(db, model, embeddings, error), error);
	cblue_store_sqlite_unlock_db(store);
	return ok;
}

void
cblue_store_sqlite_embeddings_iface_init(CblueStoreInterface *iface)
{
	iface->load_embeddings = cblue_store_sqlite_load_embeddings;
	iface->save_embeddings = cblue_store_sqlite_save_embeddings;
}
