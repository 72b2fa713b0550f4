/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <glib/gstdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>

#include "cblue-retrieval-common.h"

void
cblue_retrieval_add_hit(const gchar *topic_id, gdouble score, gdouble confidence, gpointer user_data)
{
	g_ptr_array_add(user_data, cblue_hit_new(topic_id, score, confidence));
}

GPtrArray *
cblue_retrieval_search_hits(CblueRetrieverSearchEachFunc search_each, CblueRetriever *retriever,
			    CblueMessage *message, guint max_hits, GError **error)
{
	g_autoptr(GPtrArray) hits = g_ptr_array_new_full(MIN(max_hits, 64), g_object_unref);
	if (!search_each(retriever, message, max_hits, cblue_retrieval_add_hit, hits, error))
		return NULL;
	return g_steal_pointer(&hits);
}

/* the identity of a file: its path, size and modification time */
static gchar *
cblue_retrieval_file_id(const gchar *filename)
{
	GStatBuf st;
	if (filename == NULL || g_stat(filename, &st) != 0)
		return g_strdup("?");
	return g_strdup_printf("%s-%lld-%lld", filename, (long long)st.st_size, (long long)st.st_mtime);
}

/* The analysis code's identity — the plugin module and libcblue (whose tokenizer every
 * index depends on), part of every cache key: a rebuilt plugin or library never reads an
 * index its predecessor wrote. */
gchar *
cblue_retrieval_code_id(CbluePlugin *plugin)
{
	Dl_info info = {0};
	g_autofree gchar *module_id = cblue_retrieval_file_id(cblue_plugin_get_filename(plugin));
	g_autofree gchar *library_id = NULL;

	if (dladdr((gpointer)cblue_tokenizer_normalize, &info) != 0)
		library_id = cblue_retrieval_file_id(info.dli_fname);
	return g_strdup_printf("%s|%s|%s", CBLUE_VERSION_STRING, module_id, library_id != NULL ? library_id : "?");
}

/* FNV-1a over 64-bit words (then the tail bytes): indexes are megabytes, and a byte at a
 * time was a third of loading one */
guint64
cblue_retrieval_checksum(const guint8 *data, gsize len)
{
	guint64 hash = 0xcbf29ce484222325ULL;
	gsize i = 0;
	for (; i + 8 <= len; i += 8) {
		guint64 word;
		memcpy(&word, data + i, sizeof(word));
		hash ^= word;
		hash *= 0x100000001b3ULL;
		hash ^= hash >> 29;
	}
	for (; i < len; i++) {
		hash ^= data[i];
		hash *= 0x100000001b3ULL;
	}
	return hash;
}

/* @text and its terminating NUL, into both hashes */
void
cblue_retrieval_hash_str(guint64 hash[2], const gchar *text)
{
	const guchar *p = (const guchar *)(text != NULL ? text : "");
	do {
		for (guint i = 0; i < 2; i++) {
			hash[i] ^= *p;
			hash[i] *= 0x100000001b3ULL;
		}
	} while (*p++ != '\0');
}

void
cblue_retrieval_hash_strv(guint64 hash[2], const gchar *const *strv)
{
	for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
		cblue_retrieval_hash_str(hash, strv[i]);
	cblue_retrieval_hash_str(hash, "\x01");
}

/* everything of an entry that an index reads, in order */
void
cblue_retrieval_hash_entry(guint64 hash[2], CblueKbEntry *entry)
{
	g_autoptr(GPtrArray) langs = cblue_kb_entry_get_languages(entry);
	cblue_retrieval_hash_str(hash, cblue_kb_entry_get_topic_id(entry));
	cblue_retrieval_hash_strv(hash, cblue_kb_entry_get_keywords(entry));
	cblue_retrieval_hash_strv(hash, cblue_kb_entry_get_tags(entry));
	for (guint j = 0; j < langs->len; j++) {
		const gchar *lang = g_ptr_array_index(langs, j);
		cblue_retrieval_hash_str(hash, lang);
		cblue_retrieval_hash_strv(hash, cblue_kb_entry_get_questions(entry, lang));
		cblue_retrieval_hash_str(hash, cblue_kb_entry_get_content(entry, lang));
	}
	cblue_retrieval_hash_str(hash, "\x02");
}

/* The KB is hashed with two 64-bit FNV-1a (128 bits) rather than serialized and put
 * through SHA-256, which was a fifth of a cold start: a key only has to change when the
 * KB does, and the cache file carries its own checksum. */
void
cblue_retrieval_hash_kb(guint64 hash[2], CblueKb *kb)
{
	GPtrArray *entries = cblue_kb_get_entries(kb);
	for (guint i = 0; i < entries->len; i++)
		cblue_retrieval_hash_entry(hash, g_ptr_array_index(entries, i));
}

gchar *
cblue_retrieval_cache_path(const gchar *cache_dir, const gchar *prefix, const gchar *key)
{
	g_autofree gchar *name = g_strdup_printf("%s-%s.index", prefix, key);
	return g_build_filename(cache_dir, name, NULL);
}

/* the file's bytes, mapped (the bytes keep the mapping), or %NULL if there is none */
GBytes *
cblue_retrieval_cache_load(const gchar *path)
{
	g_autoptr(GMappedFile) mapped = g_mapped_file_new(path, FALSE, NULL);
	if (mapped == NULL)
		return NULL;
	return g_mapped_file_get_bytes(mapped);
}

/* writes the cache atomically and removes the other files of @prefix (other KB versions);
 * a cache that cannot be written only costs the next start its analysis */
void
cblue_retrieval_cache_save(const gchar *cache_dir, const gchar *prefix, const gchar *path, GBytes *bytes)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GDir) dir = NULL;
	g_autofree gchar *base = g_path_get_basename(path);
	g_autofree gchar *dash = g_strconcat(prefix, "-", NULL);
	const gchar *name;

	if (g_mkdir_with_parents(cache_dir, 0700) != 0 ||
	    !g_file_set_contents_full(path, g_bytes_get_data(bytes, NULL), (gssize)g_bytes_get_size(bytes),
				      G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error)) {
		g_debug("cannot write the index cache %s: %s", path, error != NULL ? error->message : g_strerror(errno));
		return;
	}
	dir = g_dir_open(cache_dir, 0, NULL);
	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
		if (g_str_has_prefix(name, dash) && g_strcmp0(name, base) != 0) {
			g_autofree gchar *stale = g_build_filename(cache_dir, name, NULL);
			g_unlink(stale);
		}
	}
}

/* The binary form of an index, for the on-disk cache. The cache is local to the machine,
 * so numbers are in the host's layout; the magic and format number cover the layout, and
 * a trailing checksum catches a file that was cut short or altered. */
#define CBLUE_RETRIEVAL_MAGIC_LEN 8

GByteArray *
cblue_retrieval_writer_new(const gchar *magic, guint32 format, gsize reserve)
{
	GByteArray *out = g_byte_array_sized_new((guint)MIN(reserve + 64, G_MAXUINT32));
	gchar head[CBLUE_RETRIEVAL_MAGIC_LEN] = {0};
	strncpy(head, magic, CBLUE_RETRIEVAL_MAGIC_LEN - 1);
	g_byte_array_append(out, (const guint8 *)head, sizeof(head));
	cblue_retrieval_put_u32(out, format);
	return out;
}

void
cblue_retrieval_put(GByteArray *out, gconstpointer data, gsize len)
{
	g_byte_array_append(out, data, (guint)len);
}

void
cblue_retrieval_put_u32(GByteArray *out, guint32 v)
{
	g_byte_array_append(out, (const guint8 *)&v, sizeof(v));
}

/* a string: u32 length, then the bytes (no NUL) */
void
cblue_retrieval_put_str(GByteArray *out, const gchar *str)
{
	guint32 len = (guint32)strlen(str);
	cblue_retrieval_put_u32(out, len);
	g_byte_array_append(out, (const guint8 *)str, len);
}

/* appends the checksum of everything before; takes @out */
GBytes *
cblue_retrieval_writer_finish(GByteArray *out)
{
	guint64 hash = cblue_retrieval_checksum(out->data, out->len);
	g_byte_array_append(out, (const guint8 *)&hash, sizeof(hash));
	return g_byte_array_free_to_bytes(out);
}

/* checks the size, checksum, magic and format; @r then reads what follows the format */
gboolean
cblue_retrieval_reader_init(CblueRetrievalReader *r, GBytes *bytes, const gchar *magic, guint32 format,
			    GError **error)
{
	gsize size = 0;
	const guint8 *data = g_bytes_get_data(bytes, &size);
	gchar head[CBLUE_RETRIEVAL_MAGIC_LEN] = {0};
	gchar want[CBLUE_RETRIEVAL_MAGIC_LEN] = {0};
	guint64 hash = 0;

	r->p = data;
	r->end = data;
	r->failed = TRUE;
	if (data == NULL || size < CBLUE_RETRIEVAL_MAGIC_LEN + sizeof(guint32) + sizeof(hash)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "index cache is truncated");
		return FALSE;
	}
	memcpy(&hash, data + size - sizeof(hash), sizeof(hash));
	if (cblue_retrieval_checksum(data, size - sizeof(hash)) != hash) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "index cache checksum mismatch");
		return FALSE;
	}
	r->end = data + size - sizeof(hash);
	r->failed = FALSE;
	strncpy(want, magic, CBLUE_RETRIEVAL_MAGIC_LEN - 1);
	cblue_retrieval_get(r, head, sizeof(head));
	if (memcmp(head, want, sizeof(head)) != 0 || cblue_retrieval_get_u32(r) != format || r->failed) {
		r->failed = TRUE;
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "index cache has another format");
		return FALSE;
	}
	return TRUE;
}

/* whether @len more bytes are there (without reading them); sets `failed` if not */
gboolean
cblue_retrieval_reader_has(CblueRetrievalReader *r, gsize len)
{
	if (r->failed || (gsize)(r->end - r->p) < len)
		r->failed = TRUE;
	return !r->failed;
}

gboolean
cblue_retrieval_get(CblueRetrievalReader *r, gpointer out, gsize len)
{
	if (!cblue_retrieval_reader_has(r, len))
		return FALSE;
	memcpy(out, r->p, len);
	r->p += len;
	return TRUE;
}

/* a copy of the next @len bytes (at least one byte is allocated), or %NULL */
gpointer
cblue_retrieval_get_dup(CblueRetrievalReader *r, gsize len)
{
	gpointer copy;
	if (!cblue_retrieval_reader_has(r, len))
		return NULL;
	copy = g_memdup2(r->p, MAX(len, 1));
	r->p += len;
	return copy;
}

guint32
cblue_retrieval_get_u32(CblueRetrievalReader *r)
{
	guint32 v = 0;
	cblue_retrieval_get(r, &v, sizeof(v));
	return v;
}

gchar *
cblue_retrieval_get_str(CblueRetrievalReader *r)
{
	guint32 len = cblue_retrieval_get_u32(r);
	gchar *str;
	if (!cblue_retrieval_reader_has(r, len))
		return NULL;
	str = g_strndup((const gchar *)r->p, len);
	r->p += len;
	return str;
}

/* everything was read, nothing failed and nothing is left over */
gboolean
cblue_retrieval_reader_finish(CblueRetrievalReader *r, GError **error)
{
	if (r->failed || r->p != r->end) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "index cache is corrupt");
		return FALSE;
	}
	return TRUE;
}

/* the key of record @i; memcpy with a constant size compiles to a plain load */
static inline guint64
cblue_retrieval_record_key(const guint8 *a, gsize i, gsize size)
{
	guint64 key;
	memcpy(&key, a + i * size, sizeof(key));
	return key;
}

/* an introsort-like quicksort (middle pivot, the smaller part recursed into, the larger
 * looped on), then an insertion sort below 17 records; inlined with a constant @size into
 * one function per record size */
static inline void
cblue_retrieval_sort_body(guint8 *a, gsize n, gsize size, void (*sort)(guint8 *, gsize))
{
	guint8 t[16];

	while (n > 16) {
		guint64 pivot = cblue_retrieval_record_key(a, n / 2, size);
		gsize i = 0, j = n - 1;
		for (;;) {
			while (cblue_retrieval_record_key(a, i, size) < pivot)
				i++;
			while (cblue_retrieval_record_key(a, j, size) > pivot)
				j--;
			if (i >= j)
				break;
			memcpy(t, a + i * size, size);
			memcpy(a + i * size, a + j * size, size);
			memcpy(a + j * size, t, size);
			i++;
			j--;
		}
		if (j + 1 < n - j - 1) {
			sort(a, j + 1);
			a += (j + 1) * size;
			n -= j + 1;
		} else {
			sort(a + (j + 1) * size, n - j - 1);
			n = j + 1;
		}
	}
	for (gsize i = 1; i < n; i++) {
		guint64 v = cblue_retrieval_record_key(a, i, size);
		gsize k = i;
		memcpy(t, a + i * size, size);
		for (; k > 0 && cblue_retrieval_record_key(a, k - 1, size) > v; k--)
			memcpy(a + k * size, a + (k - 1) * size, size);
		memcpy(a + k * size, t, size);
	}
}

static void
cblue_retrieval_sort_keys(guint8 *a, gsize n)
{
	cblue_retrieval_sort_body(a, n, 8, cblue_retrieval_sort_keys);
}

static void
cblue_retrieval_sort_pairs(guint8 *a, gsize n)
{
	cblue_retrieval_sort_body(a, n, 16, cblue_retrieval_sort_pairs);
}

void
cblue_retrieval_sort_records(gpointer records, gsize n, gsize record_size)
{
	g_return_if_fail(record_size == 8 || record_size == 16);
	if (record_size == 8)
		cblue_retrieval_sort_keys(records, n);
	else
		cblue_retrieval_sort_pairs(records, n);
}

/* Four passes of 16 bits: the four digits' counts in one read of @records, then the first
 * pass into @buffer, the second back, the third into @buffer and the fourth back (an even
 * number: the records end where they began) */
static inline void
cblue_retrieval_radix_sort_body(guint8 *records, gsize n, gsize size, guint8 *buffer)
{
	g_autofree gsize *counts = g_new0(gsize, 4 * 65536);
	guint8 *from = records, *to = buffer;

	for (gsize i = 0; i < n; i++) {
		guint64 key = cblue_retrieval_record_key(records, i, size);
		counts[key & 0xffff]++;
		counts[65536 + ((key >> 16) & 0xffff)]++;
		counts[2 * 65536 + ((key >> 32) & 0xffff)]++;
		counts[3 * 65536 + (key >> 48)]++;
	}
	for (guint digit = 0; digit < 4; digit++) {
		gsize *count = counts + digit * 65536;
		gsize sum = 0;
		for (guint b = 0; b < 65536; b++) {
			gsize c = count[b];
			count[b] = sum;
			sum += c;
		}
	}
	for (guint digit = 0; digit < 4; digit++) {
		gsize *count = counts + digit * 65536;
		guint shift = 16 * digit;
		guint8 *swap;
		for (gsize i = 0; i < n; i++)
			memcpy(to + count[(cblue_retrieval_record_key(from, i, size) >> shift) & 0xffff]++ * size,
			       from + i * size, size);
		swap = from;
		from = to;
		to = swap;
	}
}

/* a 16-byte record: its key, then a payload the sorts only move */
typedef struct {
	guint64 key;
	guint32 a;
	guint32 b;
} CblueRetrievalRecord;

G_STATIC_ASSERT(sizeof(CblueRetrievalRecord) == 16);

/* One bucket of records (the same top 16 bits of the key) from @src into @dst in key order,
 * stably: its distinct keys (a few: a bucket holds 1/65,536 of the keys) are numbered in a
 * small hash table, counted, ranked by key, and each record goes to its key's place. The
 * table (@slots and @slot_ids: 2 × the largest bucket, rounded up to a power of two; a free
 * slot's id is G_MAXUINT32, any key may be there) is left free. */
static void
cblue_retrieval_sort_bucket(const CblueRetrievalRecord *src, gsize n, CblueRetrievalRecord *dst, guint64 *slots,
			    guint32 *slot_ids, guint32 *ids, gsize *starts, CblueRetrievalRecord *keys)
{
	guint64 mask = 1;
	guint32 n_keys = 0;

	while (mask < 2 * n)
		mask <<= 1;
	mask--;
	for (gsize i = 0; i < n; i++) {
		guint64 key = src[i].key;
		guint64 slot = (key ^ key >> 32) & mask;
		while (slot_ids[slot] != G_MAXUINT32 && slots[slot] != key)
			slot = (slot + 1) & mask;
		if (slot_ids[slot] == G_MAXUINT32) {
			slots[slot] = key;
			slot_ids[slot] = n_keys;
			/* (key, its number): sorted by key below */
			keys[n_keys] = (CblueRetrievalRecord){key, n_keys, 0};
			starts[n_keys++] = 0;
		}
		ids[i] = slot_ids[slot];
		starts[ids[i]]++;
	}
	cblue_retrieval_sort_records(keys, n_keys, sizeof(CblueRetrievalRecord));
	for (guint32 r = 0, pos = 0; r < n_keys; r++) {
		guint32 id = keys[r].a;
		gsize count = starts[id];
		starts[id] = pos;
		pos += (guint32)count;
	}
	for (gsize i = 0; i < n; i++)
		dst[starts[ids[i]]++] = src[i];
	for (guint32 r = 0; r < n_keys; r++) {
		guint64 slot = (keys[r].key ^ keys[r].key >> 32) & mask;
		while (slots[slot] != keys[r].key)
			slot = (slot + 1) & mask;
		slot_ids[slot] = G_MAXUINT32;
	}
}

/* the number of records of each bucket (the top 16 bits of the key) of @owned, then each
 * bucket's start (@bucket: 65,536 + 1); returns the largest bucket */
static gsize
cblue_retrieval_count_buckets(GArray **owned, gsize n_parts, gsize *bucket)
{
	gsize largest = 1;

	for (gsize p = 0; p < n_parts; p++) {
		const CblueRetrievalRecord *src = (const CblueRetrievalRecord *)owned[p]->data;
		for (gsize i = 0; i < owned[p]->len; i++)
			bucket[(src[i].key >> 48) + 1]++;
	}
	for (guint b = 0; b < 65536; b++) {
		largest = MAX(largest, bucket[b + 1]);
		bucket[b + 1] += bucket[b];
	}
	return largest;
}

/**
 * cblue_retrieval_bucket_sort_parts:
 * @parts: (transfer full): GArrays of 16-byte records, emptied (and each array freed once read)
 * @n: the records of all the parts
 *
 * Sorts the records of several arrays by their leading 64-bit key, stably (those of equal
 * keys in the order of the parts, then of each part), without first copying them into one
 * array: an index build's chunks of records are sorted straight from the chunks, each freed
 * once read. One pass scatters them by the key's top 16 bits (keys are hashes: the buckets
 * are even), then each bucket, small enough to stay in the cache, is put in key order in a
 * buffer the size of the largest bucket and copied back to its place. Two passes over the
 * records in memory instead of the four of a 16-bit radix sort of the whole key, and one
 * array of them instead of two: at 100,000 entries a second array is GB of memory, and the
 * kernel zeroes every page of it.
 *
 * Returns: (transfer full): the @n records sorted (g_malloc(); at least one
 * record's room)
 */
gpointer
cblue_retrieval_bucket_sort_parts(GPtrArray *parts, gsize n)
{
	CblueRetrievalRecord *scattered = g_malloc(MAX(n, 1) * sizeof(CblueRetrievalRecord));
	gsize n_parts = 0;
	/* (leaves @parts empty; NULL if it was) */
	g_autofree GArray **owned = (GArray **)g_ptr_array_steal(parts, &n_parts);
	g_autofree gsize *bucket = g_new0(gsize, 65536 + 1);
	g_autofree gsize *next = NULL;
	g_autofree guint64 *slots = NULL;
	g_autofree guint32 *slot_ids = NULL, *ids = NULL;
	g_autofree gsize *starts = NULL;
	g_autofree CblueRetrievalRecord *keys = NULL, *sorted = NULL;
	gsize largest = cblue_retrieval_count_buckets(owned, n_parts, bucket);
	gsize table_size = 2;

	next = g_memdup2(bucket, 65536 * sizeof(gsize));
	for (gsize p = 0; p < n_parts; p++) {
		const CblueRetrievalRecord *src = (const CblueRetrievalRecord *)owned[p]->data;
		for (gsize i = 0; i < owned[p]->len; i++)
			scattered[next[src[i].key >> 48]++] = src[i];
		g_array_unref(owned[p]);
	}
	while (table_size < 2 * largest)
		table_size <<= 1;
	slots = g_new(guint64, table_size);
	slot_ids = g_new(guint32, table_size);
	memset(slot_ids, 0xff, table_size * sizeof(guint32));
	ids = g_new(guint32, largest);
	starts = g_new(gsize, largest);
	keys = g_new(CblueRetrievalRecord, largest);
	sorted = g_new(CblueRetrievalRecord, largest);
	for (guint b = 0; b < 65536; b++) {
		gsize size = bucket[b + 1] - bucket[b];
		if (size < 2)
			continue;
		cblue_retrieval_sort_bucket(scattered + bucket[b], size, sorted, slots, slot_ids, ids, starts, keys);
		memcpy(scattered + bucket[b], sorted, size * sizeof(CblueRetrievalRecord));
	}
	return scattered;
}

void
cblue_retrieval_radix_sort_records(gpointer records, gsize n, gsize record_size)
{
	g_autofree guint8 *buffer = NULL;

	if (n == 0)
		return;
	buffer = g_malloc(n * record_size);
	if (record_size == 8)
		cblue_retrieval_radix_sort_body(records, n, 8, buffer);
	else
		cblue_retrieval_radix_sort_body(records, n, 16, buffer);
}

/* Gives the memory a build freed back to the system: its chunks' records were freed into
 * the allocator's arenas (of the threads that analyzed them), which keep it otherwise, so a
 * publish built next to the index in use would leave the process that much bigger. */
void
cblue_retrieval_release_memory(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

void
cblue_retrieval_merge_records(gconstpointer a, gsize n_a, gconstpointer b, gsize n_b, gpointer out)
{
	const guint8 *pa = a, *pb = b;
	guint8 *po = out;
	gsize i = 0, j = 0, k = 0;

	while (i < n_a && j < n_b) {
		guint64 key_a = cblue_retrieval_record_key(pa, i, 16), key_b = cblue_retrieval_record_key(pb, j, 16);
		guint32 doc_a, doc_b;
		memcpy(&doc_a, pa + i * 16 + 8, sizeof(doc_a));
		memcpy(&doc_b, pb + j * 16 + 8, sizeof(doc_b));
		if (key_a < key_b || (key_a == key_b && doc_a < doc_b))
			memcpy(po + k++ * 16, pa + i++ * 16, 16);
		else
			memcpy(po + k++ * 16, pb + j++ * 16, 16);
	}
	/* (an empty GArray's data may be NULL: no memcpy from it) */
	if (i < n_a)
		memcpy(po + k * 16, pa + i * 16, (n_a - i) * 16);
	k += n_a - i;
	/* (@b may be the tail of @out, where the rest of it already is) */
	if (j < n_b && po + k * 16 != pb + j * 16)
		memcpy(po + k * 16, pb + j * 16, (n_b - j) * 16);
}

void
cblue_retrieval_sort_records_by_u32(gpointer records, gsize n, guint32 n_values)
{
	guint8 *a = records;
	g_autofree guint8 *sorted = g_malloc(MAX(n, 1) * 16);
	g_autofree gsize *start = g_new0(gsize, (gsize)n_values + 1);
	guint32 v;

	for (gsize i = 0; i < n; i++) {
		memcpy(&v, a + i * 16 + 8, sizeof(v));
		start[v + 1]++;
	}
	for (guint32 d = 0; d < n_values; d++)
		start[d + 1] += start[d];
	for (gsize i = 0; i < n; i++) {
		memcpy(&v, a + i * 16 + 8, sizeof(v));
		memcpy(sorted + start[v]++ * 16, a + i * 16, 16);
	}
	/* (an empty GArray's data may be NULL: no memcpy to it) */
	if (n > 0)
		memcpy(a, sorted, n * 16);
}

guint32 *
cblue_retrieval_dir_new(const guint64 *keys, guint32 n_keys, guint min_bits, guint max_bits, guint *bits)
{
	guint b = min_bits;
	guint32 n_dir, t = 0;
	guint32 *dir;

	while (b < max_bits && (n_keys >> (b + 2)) > 0)
		b++;
	*bits = b;
	n_dir = 1u << b;
	dir = g_new(guint32, (gsize)n_dir + 1);
	for (guint32 h = 0; h < n_dir; h++) {
		while (t < n_keys && (b == 0 ? h > 0 : (keys[t] >> (64 - b)) < h))
			t++;
		dir[h] = t;
	}
	dir[n_dir] = n_keys;
	return dir;
}

void
cblue_retrieval_reuse_init(CblueRetrievalReuse *reuse, GPtrArray *topic_ids, const guint64 *doc_hashes)
{
	memset(reuse, 0, sizeof(*reuse));
	if (topic_ids == NULL)
		return;
	reuse->n_old = topic_ids->len;
	reuse->hashes = doc_hashes;
	reuse->docs = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint d = 0; d < topic_ids->len; d++)
		g_hash_table_insert(reuse->docs, g_ptr_array_index(topic_ids, d), GUINT_TO_POINTER(d));
	reuse->old_to_new = g_new(guint32, MAX(reuse->n_old, 1));
	memset(reuse->old_to_new, 0xff, (gsize)MAX(reuse->n_old, 1) * sizeof(guint32));
}

void
cblue_retrieval_reuse_clear(CblueRetrievalReuse *reuse)
{
	g_clear_pointer(&reuse->docs, g_hash_table_unref);
	g_clear_pointer(&reuse->old_to_new, g_free);
	reuse->n_old = 0;
}

gint64
cblue_retrieval_reuse_entry(CblueRetrievalReuse *reuse, CblueKbEntry *entry, guint d, guint64 *doc_hashes,
			    GPtrArray *topic_ids)
{
	const gchar *topic_id = cblue_kb_entry_get_topic_id(entry);
	guint64 hash[2] = CBLUE_RETRIEVAL_HASH_INIT;
	gpointer value;
	guint old;

	cblue_retrieval_hash_entry(hash, entry);
	doc_hashes[2 * (gsize)d] = hash[0];
	doc_hashes[2 * (gsize)d + 1] = hash[1];
	g_ptr_array_add(topic_ids, g_strdup(topic_id));
	if (reuse->docs == NULL || !g_hash_table_lookup_extended(reuse->docs, topic_id, NULL, &value))
		return -1;
	old = GPOINTER_TO_UINT(value);
	/* (a topic twice in the KB is analyzed the second time) */
	if (reuse->hashes[2 * (gsize)old] != hash[0] || reuse->hashes[2 * (gsize)old + 1] != hash[1] ||
	    reuse->old_to_new[old] != G_MAXUINT32)
		return -1;
	reuse->old_to_new[old] = d;
	return old;
}

/* whether the reused documents keep their order (then the previous index's postings, in
 * (key, document) order, stay in that order with the new documents) */
gboolean
cblue_retrieval_reuse_in_order(const CblueRetrievalReuse *reuse)
{
	for (guint d = 0, last = 0; d < reuse->n_old; d++) {
		if (reuse->old_to_new[d] == G_MAXUINT32)
			continue;
		if (reuse->old_to_new[d] < last)
			return FALSE;
		last = reuse->old_to_new[d];
	}
	return TRUE;
}

gboolean
cblue_retrieval_reuse_is_unchanged(const CblueRetrievalReuse *reuse, guint n)
{
	if (reuse->docs == NULL || reuse->n_old != n)
		return FALSE;
	for (guint d = 0; d < n; d++) {
		if (reuse->old_to_new[d] != d)
			return FALSE;
	}
	return TRUE;
}

/* whether @word (@len bytes) may be corrected: see CBLUE_RETRIEVAL_TYPO_MIN_LEN */
gboolean
cblue_retrieval_typo_candidate(const gchar *word, gsize len)
{
	if (len < CBLUE_RETRIEVAL_TYPO_MIN_LEN)
		return FALSE;
	/* letters only: "3000" is not a typo of "300" */
	for (gsize i = 0; i < len; i++) {
		if (!g_ascii_isalpha(word[i]))
			return FALSE;
	}
	return TRUE;
}

/* whether @a and @b are keys next to each other on a QWERTY keyboard (phone keyboards keep
 * its layout), in the same row or the next */
static gboolean
cblue_retrieval_typo_keys_adjacent(gchar a, gchar b)
{
	static const gchar *const neighbours[26] = {
		"qwsz", "vghn", "xdfv", "wersfxc", "wrsdf", "ertdgcv", "rtyfhvb", "tyugjbn", "uojkl", "yuihknm",
		"uiojlm", "iopk", "njk", "bhjm", "iklp", "ol", "was", "edfgt", "qweadzx", "rfghy",
		"yhjki", "cfgb", "qeasd", "zsdc", "tghju", "asx",
	};
	a = g_ascii_tolower(a);
	b = g_ascii_tolower(b);
	if (a < 'a' || a > 'z')
		return FALSE;
	return b != '\0' && strchr(neighbours[a - 'a'], b) != NULL;
}

/* whether @typo may be a slip for @word of the same length (never of the first letter):
 * two neighbours swapped, or one letter for another in longer words only, where it rarely
 * turns one real word into another ("curry" is not "carry") */
gboolean
cblue_retrieval_typo_same_length(const gchar *typo, const gchar *word, gboolean near_keys)
{
	gsize len = strlen(typo);
	gsize first = len;
	guint n_diff = 0;

	if (strlen(word) != len || typo[0] != word[0])
		return FALSE;
	for (gsize i = 0; i < len; i++) {
		if (typo[i] == word[i])
			continue;
		if (n_diff++ == 0)
			first = i;
	}
	if (n_diff == 2)
		return first + 1 < len && typo[first] == word[first + 1] && typo[first + 1] == word[first];
	return n_diff == 1 && (len >= CBLUE_RETRIEVAL_TYPO_MIN_LEN_SUBST ||
			       (near_keys && cblue_retrieval_typo_keys_adjacent(typo[first], word[first])));
}
