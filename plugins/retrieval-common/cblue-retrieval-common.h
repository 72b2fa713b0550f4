/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"
#include "cblue-retriever-private.h"

G_BEGIN_DECLS

/*
 * What the retrieval plugins share (a static library linked into each module, like
 * redact-common): the identity of the analysis code, the on-disk index cache (key, load,
 * atomic save, removal of stale files), the binary format helpers (a writer, a
 * bounds-checked reader and the trailing checksum), and the indexes' shared building
 * blocks: sorts of 64-bit-keyed records, a directory of sorted keys and the reuse of
 * unchanged entries in an incremental build.
 */

gchar *cblue_retrieval_code_id(CbluePlugin *plugin);

/* a CblueRetrieverHitFunc that appends a new CblueHit to the GPtrArray @user_data */
void cblue_retrieval_add_hit(const gchar *topic_id, gdouble score, gdouble confidence, gpointer user_data);
/* the public search (CblueRetrieverInterface.search) made of the private one that hands
 * the hits over (cblue-retriever-private.h): a CblueHit a hit */
GPtrArray *cblue_retrieval_search_hits(CblueRetrieverSearchEachFunc search_each, CblueRetriever *retriever,
				       CblueMessage *message, guint max_hits, GError **error);

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

/* records that begin with a 64-bit key (record_size 8: the key alone, or 16: the key and
 * 8 bytes of payload), sorted by key with plain loops (GLib's sorts go through a
 * comparison function and copy byte by byte: these are hot loops of indexing) */
void cblue_retrieval_sort_records(gpointer records, gsize n, gsize record_size);
/* the same, stable: a least-significant-digit radix sort, 16 bits a pass */
void cblue_retrieval_radix_sort_records(gpointer records, gsize n, gsize record_size);
/* 16-byte records of GArrays (taken, each freed once read; their records in the order of
 * the arrays, @n in all), stably, into a new array (g_free() it) */
gpointer cblue_retrieval_bucket_sort_parts(GPtrArray *parts, gsize n);
/* 16-byte records sorted by the guint32 at byte 8 (< n_values), stably (a counting sort) */
void cblue_retrieval_sort_records_by_u32(gpointer records, gsize n, guint32 n_values);

/* the memory freed by a build given back to the system (at its end) */
void cblue_retrieval_release_memory(void);

/* 16-byte records that begin with a 64-bit key, a guint32 document at byte 8: @a and @b,
 * each in (key, document) order, merged into @out (n_a + n_b records). @b may be @out's
 * last n_b records (a merge in place: a record is written only where one was read) */
void cblue_retrieval_merge_records(gconstpointer a, gsize n_a, gconstpointer b, gsize n_b, gpointer out);

/* the first index in [lo, hi) of sorted @a whose value is >= @value, or @hi */
static inline guint32
cblue_retrieval_lower_bound_u32(const guint32 *a, guint32 lo, guint32 hi, guint32 value)
{
	while (lo < hi) {
		guint32 mid = lo + (hi - lo) / 2;
		if (a[mid] < value)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Typo tolerance, the rules every retriever's correction follows: only unknown words of
 * ASCII letters of CBLUE_RETRIEVAL_TYPO_MIN_LEN or more are corrected, never their first
 * letter; a letter missing (or one too many, in words of five letters or more), two
 * neighbours swapped, and one letter for another in words of CBLUE_RETRIEVAL_TYPO_MIN_LEN_SUBST
 * or more, or for a key next to it on the keyboard in shorter ones ("linw" for "line"; not for
 * the synonyms' terms, everyday words such as "good" of "good value": "gold" is no typo) */
#define CBLUE_RETRIEVAL_TYPO_MIN_LEN	   4
#define CBLUE_RETRIEVAL_TYPO_MIN_LEN_SUBST 6
gboolean cblue_retrieval_typo_candidate(const gchar *word, gsize len);
gboolean cblue_retrieval_typo_same_length(const gchar *typo, const gchar *word, gboolean near_keys);

/* a directory of sorted 64-bit keys: (1 << *bits) + 1 entries, the first key of each value
 * of the top *bits bits (about four keys an entry, *bits in [min_bits, max_bits]) */
guint32 *cblue_retrieval_dir_new(const guint64 *keys, guint32 n_keys, guint min_bits, guint max_bits, guint *bits);

/* the index of @key in @keys through their directory, or -1 (inline: a hot loop of searching) */
static inline gint64
cblue_retrieval_dir_lookup(const guint64 *keys, const guint32 *dir, guint bits, guint64 key)
{
	guint32 h = bits == 0 ? 0 : (guint32)(key >> (64 - bits));
	guint32 lo = dir[h], hi = dir[h + 1];

	while (lo < hi) {
		guint32 mid = lo + (hi - lo) / 2;
		if (keys[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < dir[h + 1] && keys[lo] == key ? (gint64)lo : -1;
}

/* an incremental build's map from the previous index's documents to the new ones: an
 * entry of the same topic and the same text (hash) is reused, not analyzed again */
typedef struct {
	GHashTable *docs; /* topic id (borrowed from the previous index) → its document */
	const guint64 *hashes; /* the previous index's: 2 × n_old */
	guint32 *old_to_new; /* n_old: the new document of each previous one, or G_MAXUINT32 */
	guint n_old;
} CblueRetrievalReuse;

/* @topic_ids and @doc_hashes of the previous index, or NULL (nothing to reuse) */
void cblue_retrieval_reuse_init(CblueRetrievalReuse *reuse, GPtrArray *topic_ids, const guint64 *doc_hashes);
void cblue_retrieval_reuse_clear(CblueRetrievalReuse *reuse);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(CblueRetrievalReuse, cblue_retrieval_reuse_clear)
/* notes @entry as new document @d (its hash into @doc_hashes, 2 × n, and its topic id onto
 * @topic_ids); returns the previous document it reuses, or -1 to analyze it */
gint64 cblue_retrieval_reuse_entry(CblueRetrievalReuse *reuse, CblueKbEntry *entry, guint d, guint64 *doc_hashes,
				   GPtrArray *topic_ids);

/* whether the reused documents are in the order they had in the previous index */
gboolean cblue_retrieval_reuse_in_order(const CblueRetrievalReuse *reuse);
/* whether the KB of @n entries, every one reused, is the previous index's as it was: the same
 * topics with the same texts in the same order (the new index would be the previous one, byte
 * for byte) */
gboolean cblue_retrieval_reuse_is_unchanged(const CblueRetrievalReuse *reuse, guint n);

G_END_DECLS
