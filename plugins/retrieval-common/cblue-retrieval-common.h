/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"

G_BEGIN_DECLS

/*
 * What the retrieval plugins share (a static library linked into each module, like
 * redact-common): the identity of the analysis code, the on-disk index cache (key, load,
 * atomic save, removal of stale files) and the binary format helpers (a writer, a
 * bounds-checked reader and the trailing checksum).
 */

gchar *cblue_retrieval_code_id(CbluePlugin *plugin);

/* 64-bit FNV-1a over 64-bit words, then the tail bytes */
guint64 cblue_retrieval_checksum(const guint8 *data, gsize len);

/* two 64-bit FNV-1a hashes (different bases) of strings and string arrays, for cache keys */
#define CBLUE_RETRIEVAL_HASH_INIT {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL}
void cblue_retrieval_hash_str(guint64 hash[2], const gchar *text);
void cblue_retrieval_hash_strv(guint64 hash[2], const gchar *const *strv);
void cblue_retrieval_hash_entry(guint64 hash[2], CblueKbEntry *entry);
void cblue_retrieval_hash_kb(guint64 hash[2], CblueKb *kb);

/* the index cache: files `<prefix>-<key>.index` in a folder */
gchar *cblue_retrieval_cache_path(const gchar *cache_dir, const gchar *prefix, const gchar *key);
GBytes *cblue_retrieval_cache_load(const gchar *path);
void cblue_retrieval_cache_save(const gchar *cache_dir, const gchar *prefix, const gchar *path, GBytes *bytes);

/* the binary form: "MAGIC\0" (8 bytes with the NUL) u32:format ... u64:checksum */
GByteArray *cblue_retrieval_writer_new(const gchar *magic, guint32 format, gsize reserve);
void cblue_retrieval_put_u32(GByteArray *out, guint32 v);
void cblue_retrieval_put_str(GByteArray *out, const gchar *str);
void cblue_retrieval_put(GByteArray *out, gconstpointer data, gsize len);
GBytes *cblue_retrieval_writer_finish(GByteArray *out);

/* a bounds-checked reader: every read fails once the data runs out, and `failed` stays set */
typedef struct {
	const guint8 *p;
	const guint8 *end;
	gboolean failed;
} CblueRetrievalReader;

gboolean cblue_retrieval_reader_init(CblueRetrievalReader *r, GBytes *bytes, const gchar *magic, guint32 format,
				     GError **error);
gboolean cblue_retrieval_get(CblueRetrievalReader *r, gpointer out, gsize len);
gpointer cblue_retrieval_get_dup(CblueRetrievalReader *r, gsize len);
guint32 cblue_retrieval_get_u32(CblueRetrievalReader *r);
gchar *cblue_retrieval_get_str(CblueRetrievalReader *r);
gboolean cblue_retrieval_reader_has(CblueRetrievalReader *r, gsize len);
gboolean cblue_retrieval_reader_finish(CblueRetrievalReader *r, GError **error);

G_END_DECLS
