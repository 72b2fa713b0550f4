/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cblue-ngram-index.h"

/*
 * Character n-gram TF-IDF vectors with cosine similarity, for when word segmentation fails
 * (Thai without spaces, transliterated product names, typos). The n-grams are script-aware:
 *
 * - Latin letters and digits: 3- and 4-grams of each word, padded with a start and an end
 *   mark ("^ev$" for "ev"), so that the beginnings and ends of words count;
 * - Thai: 2- and 3-grams of each run of Thai, without tone marks, maitaikhu and
 *   thanthakhat, which people write inconsistently in loanwords;
 * - Chinese: characters and character pairs.
 *
 * An n-gram is a 64-bit hash of its script and characters (collisions are vanishingly
 * rare and only add a little noise). Document vectors are field-weighted term frequencies,
 * dampened (1 + ln tf), times the smoothed IDF ln((N + 1) / (df + 1)) + 1, scaled to unit
 * length; they are stored as an inverted index (compressed sparse rows), so a search only
 * touches the documents that share an n-gram with the question. The score is the cosine;
 * the confidence is the share of the question's n-gram weight that the document contains.
 */

typedef enum {
	CBLUE_NGRAM_RUN_NONE,
	CBLUE_NGRAM_RUN_LATIN,
	CBLUE_NGRAM_RUN_THAI,
	CBLUE_NGRAM_RUN_HAN,
} CblueNgramRun;

#define CBLUE_NGRAM_WORD_START 0x02
#define CBLUE_NGRAM_WORD_END   0x03

typedef struct {
	guint64 key;
	guint32 doc;
	gfloat tf;
} CblueNgramTriple;

struct _CblueNgramIndex {
	CblueTokenizer *tokenizer; /* owned */
	GPtrArray *topic_ids; /* owned, of utf8 */
	guint n_docs;
	guint n_terms;
	guint64 *slots; /* owned: open addressing, 0 is empty */
	guint32 *slot_terms; /* owned: the term of each slot */
	guint32 mask; /* slots - 1 */
	gfloat *idf; /* owned: n_terms */
	guint32 *offsets; /* owned: n_terms + 1, into docs and weights */
	guint32 *docs; /* owned */
	gfloat *weights; /* owned: the document's unit vector component */
	gfloat idf_unknown;
};

void
cblue_ngram_params_init_default(CblueNgramParams *params)
{
	params->weight_questions = 3.0;
	params->weight_keywords = 2.0;
	params->weight_content = 1.0;
}

static inline CblueNgramRun
cblue_ngram_run_for_char(gunichar ch)
{
	if (ch < 0x80)
		return g_ascii_isalnum((gchar)ch) ? CBLUE_NGRAM_RUN_LATIN : CBLUE_NGRAM_RUN_NONE;
	if (ch >= 0x0E00 && ch <= 0x0E7F) {
		/* Thai punctuation and digits (normalization made the digits ASCII) */
		if (ch == 0x0E2F || ch == 0x0E46 || ch >= 0x0E4F)
			return CBLUE_NGRAM_RUN_NONE;
		return CBLUE_NGRAM_RUN_THAI;
	}
	if (ch >= 0x2E80 && cblue_script_for_char(ch) == CBLUE_SCRIPT_HAN)
		return CBLUE_NGRAM_RUN_HAN;
	return g_unichar_isalnum(ch) ? CBLUE_NGRAM_RUN_LATIN : CBLUE_NGRAM_RUN_NONE;
}

/* splitmix64's finalizer over FNV-1a: well spread, never 0 */
static inline guint64
cblue_ngram_key(CblueNgramRun run, const gunichar *chars, guint n)
{
	guint64 h = 0xcbf29ce484222325ULL ^ (guint64)run;
	for (guint i = 0; i < n; i++) {
		h ^= chars[i];
		h *= 0x100000001b3ULL;
	}
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	return h != 0 ? h : 1;
}

/* the n-grams of one run of @len characters into @out; returns how many */
static gsize
cblue_ngram_run_keys(CblueNgramRun run, const gunichar *chars, gsize len, guint64 *out)
{
	guint lo = run == CBLUE_NGRAM_RUN_HAN ? 1 : run == CBLUE_NGRAM_RUN_THAI ? 2 : 3;
	gsize n_out = 0;

	if (len < lo)
		out[n_out++] = cblue_ngram_key(run, chars, (guint)len);
	for (guint n = lo; n <= lo + 1; n++) {
		for (gsize i = 0; i + n <= len; i++)
			out[n_out++] = cblue_ngram_key(run, chars + i, n);
	}
	return n_out;
}

/* the n-gram keys of @text (normalized first), with repetitions, appended to @keys */
void
cblue_ngram_extract(CblueTokenizer *tokenizer, const gchar *text, GArray *keys)
{
	g_autofree gchar *normalized = cblue_tokenizer_normalize(tokenizer, text);
	glong n_chars = 0;
	g_autofree gunichar *chars = g_utf8_to_ucs4_fast(normalized, -1, &n_chars);
	/* a run is copied with a start and an end mark for Latin words */
	g_autofree gunichar *run = g_new(gunichar, n_chars + 2);
	gsize base = keys->len;
	gsize n_keys = 0;
	gsize len = 0;
	CblueNgramRun current = CBLUE_NGRAM_RUN_NONE;

	/* at most two n-grams a character, marks included, and one more a run */
	g_array_set_size(keys, base + 3 * (gsize)n_chars + 8);
	for (glong i = 0; i <= n_chars; i++) {
		gunichar ch = i < n_chars ? chars[i] : 0;
		CblueNgramRun kind;

		/* Thai tone marks, maitaikhu and thanthakhat: dropped, not a break */
		if (ch >= 0x0E47 && ch <= 0x0E4C)
			continue;
		kind = i < n_chars ? cblue_ngram_run_for_char(ch) : CBLUE_NGRAM_RUN_NONE;
		if (kind != current) {
			guint64 *out = &g_array_index(keys, guint64, base + n_keys);
			if (current == CBLUE_NGRAM_RUN_LATIN)
				run[len++] = CBLUE_NGRAM_WORD_END;
			if (current != CBLUE_NGRAM_RUN_NONE && len > 0)
				n_keys += cblue_ngram_run_keys(current, run, len, out);
			current = kind;
			len = 0;
			if (kind == CBLUE_NGRAM_RUN_LATIN)
				run[len++] = CBLUE_NGRAM_WORD_START;
		}
		if (kind != CBLUE_NGRAM_RUN_NONE)
			run[len++] = ch;
	}
	g_array_set_size(keys, base + n_keys);
}

/* GLib's sorts go through a comparison function and copy elements byte by byte; these
 * are the hot loops of indexing and searching */
static void
cblue_ngram_sort_keys(guint64 *a, gsize n)
{
	while (n > 16) {
		guint64 pivot = a[n / 2];
		gsize i = 0, j = n - 1;
		for (;;) {
			while (a[i] < pivot)
				i++;
			while (a[j] > pivot)
				j--;
			if (i >= j)
				break;
			guint64 t = a[i];
			a[i++] = a[j];
			a[j--] = t;
		}
		/* recurse into the smaller part, loop on the larger */
		if (j + 1 < n - j - 1) {
			cblue_ngram_sort_keys(a, j + 1);
			a += j + 1;
			n -= j + 1;
		} else {
			cblue_ngram_sort_keys(a + j + 1, n - j - 1);
			n = j + 1;
		}
	}
	for (gsize i = 1; i < n; i++) {
		guint64 v = a[i];
		gsize k = i;
		for (; k > 0 && a[k - 1] > v; k--)
			a[k] = a[k - 1];
		a[k] = v;
	}
}

/* a stable least-significant-digit radix sort of triples by key, 16 bits a pass: the
 * triples come in document order, and stay so within a key */
static void
cblue_ngram_sort_triples(GArray *triples)
{
	gsize n = triples->len;
	CblueNgramTriple *a = (CblueNgramTriple *)triples->data;
	g_autofree CblueNgramTriple *tmp = g_new(CblueNgramTriple, MAX(n, 1));
	g_autofree gsize *count = g_new(gsize, 65536);

	for (guint shift = 0; shift < 64; shift += 16) {
		gsize sum = 0;
		CblueNgramTriple *swap;
		memset(count, 0, 65536 * sizeof(gsize));
		for (gsize i = 0; i < n; i++)
			count[(a[i].key >> shift) & 0xffff]++;
		for (guint b = 0; b < 65536; b++) {
			gsize c = count[b];
			count[b] = sum;
			sum += c;
		}
		for (gsize i = 0; i < n; i++)
			tmp[count[(a[i].key >> shift) & 0xffff]++] = a[i];
		swap = a;
		a = tmp;
		tmp = swap;
	}
	/* four passes, an even number: the sorted triples are back in the array's buffer */
}

/* a document's (key, weight) pairs, sorted by key in place (not stable) */
static void
cblue_ngram_sort_pairs(CblueNgramTriple *a, gsize n)
{
	while (n > 16) {
		guint64 pivot = a[n / 2].key;
		gsize i = 0, j = n - 1;
		for (;;) {
			while (a[i].key < pivot)
				i++;
			while (a[j].key > pivot)
				j--;
			if (i >= j)
				break;
			CblueNgramTriple t = a[i];
			a[i++] = a[j];
			a[j--] = t;
		}
		if (j + 1 < n - j - 1) {
			cblue_ngram_sort_pairs(a, j + 1);
			a += j + 1;
			n -= j + 1;
		} else {
			cblue_ngram_sort_pairs(a + j + 1, n - j - 1);
			n = j + 1;
		}
	}
	for (gsize i = 1; i < n; i++) {
		CblueNgramTriple v = a[i];
		gsize k = i;
		for (; k > 0 && a[k - 1].key > v.key; k--)
			a[k] = a[k - 1];
		a[k] = v;
	}
}

typedef enum {
	CBLUE_NGRAM_FIELD_QUESTIONS,
	CBLUE_NGRAM_FIELD_KEYWORDS,
	CBLUE_NGRAM_FIELD_CONTENT,
	CBLUE_NGRAM_N_FIELDS,
} CblueNgramField;

/* one field's n-grams into the document's (key, field) pairs */
static void
cblue_ngram_add_text(CblueTokenizer *tokenizer, const gchar *text, CblueNgramField field, GArray *keys,
		     GArray *pairs)
{
	g_array_set_size(keys, 0);
	cblue_ngram_extract(tokenizer, text, keys);
	for (guint i = 0; i < keys->len; i++) {
		CblueNgramTriple t = {g_array_index(keys, guint64, i), field, 1.0f};
		g_array_append_val(pairs, t);
	}
}

static void
cblue_ngram_add_doc(CblueNgramIndex *self, CblueKbEntry *entry, guint doc, const CblueNgramParams *params,
		    GArray *triples)
{
	g_autoptr(GPtrArray) langs = cblue_kb_entry_get_languages(entry);
	const gchar *const *keywords = cblue_kb_entry_get_keywords(entry);
	const gchar *const *tags = cblue_kb_entry_get_tags(entry);
	g_autoptr(GArray) keys = g_array_new(FALSE, FALSE, sizeof(guint64));
	g_autoptr(GArray) pairs = g_array_new(FALSE, FALSE, sizeof(CblueNgramTriple));
	const gdouble weights[CBLUE_NGRAM_N_FIELDS] = {MAX(params->weight_questions, 0), MAX(params->weight_keywords, 0),
						       MAX(params->weight_content, 0)};

	for (guint i = 0; i < langs->len; i++) {
		const gchar *lang = g_ptr_array_index(langs, i);
		const gchar *const *questions = cblue_kb_entry_get_questions(entry, lang);
		const gchar *content = cblue_kb_entry_get_content(entry, lang);
		for (guint j = 0; questions[j] != NULL; j++)
			cblue_ngram_add_text(self->tokenizer, questions[j], CBLUE_NGRAM_FIELD_QUESTIONS, keys, pairs);
		if (content != NULL)
			cblue_ngram_add_text(self->tokenizer, content, CBLUE_NGRAM_FIELD_CONTENT, keys, pairs);
	}
	for (guint j = 0; keywords[j] != NULL; j++)
		cblue_ngram_add_text(self->tokenizer, keywords[j], CBLUE_NGRAM_FIELD_KEYWORDS, keys, pairs);
	for (guint j = 0; tags[j] != NULL; j++)
		cblue_ngram_add_text(self->tokenizer, tags[j], CBLUE_NGRAM_FIELD_KEYWORDS, keys, pairs);

	/* one triple per distinct n-gram of the document, its frequency weighted by field */
	cblue_ngram_sort_pairs((CblueNgramTriple *)pairs->data, pairs->len);
	for (guint i = 0; i < pairs->len;) {
		CblueNgramTriple t = g_array_index(pairs, CblueNgramTriple, i);
		guint j = i;
		t.tf = 0;
		while (j < pairs->len && g_array_index(pairs, CblueNgramTriple, j).key == t.key)
			t.tf += (gfloat)weights[g_array_index(pairs, CblueNgramTriple, j++).doc];
		t.doc = doc;
		if (t.tf > 0)
			g_array_append_val(triples, t);
		i = j;
	}
}

static gint64
cblue_ngram_index_lookup(CblueNgramIndex *self, guint64 key)
{
	for (guint32 i = (guint32)key & self->mask;; i = (i + 1) & self->mask) {
		if (self->slots[i] == key)
			return self->slot_terms[i];
		if (self->slots[i] == 0)
			return -1;
	}
}

CblueNgramIndex *
cblue_ngram_index_new(CblueKb *kb, CblueTokenizer *tokenizer, const CblueNgramParams *params)
{
	GPtrArray *entries = cblue_kb_get_entries(kb);
	CblueNgramIndex *self = g_atomic_rc_box_new0(CblueNgramIndex);
	g_autoptr(GArray) triples = g_array_new(FALSE, FALSE, sizeof(CblueNgramTriple));
	g_autofree gdouble *norms = NULL;
	guint32 capacity = 16;
	guint term = 0;

	self->tokenizer = g_object_ref(tokenizer);
	self->topic_ids = g_ptr_array_new_with_free_func(g_free);
	self->n_docs = entries->len;
	for (guint d = 0; d < entries->len; d++) {
		CblueKbEntry *entry = g_ptr_array_index(entries, d);
		g_ptr_array_add(self->topic_ids, g_strdup(cblue_kb_entry_get_topic_id(entry)));
		cblue_ngram_add_doc(self, entry, d, params, triples);
	}
	cblue_ngram_sort_triples(triples);
	for (guint i = 0; i < triples->len; i++) {
		if (i == 0 || g_array_index(triples, CblueNgramTriple, i).key !=
				  g_array_index(triples, CblueNgramTriple, i - 1).key)
			self->n_terms++;
	}
	while (capacity < 2 * self->n_terms)
		capacity *= 2;
	self->mask = capacity - 1;
	self->slots = g_new0(guint64, capacity);
	self->slot_terms = g_new0(guint32, capacity);
	self->idf = g_new0(gfloat, MAX(self->n_terms, 1));
	self->offsets = g_new0(guint32, self->n_terms + 1);
	self->docs = g_new(guint32, MAX(triples->len, 1));
	self->weights = g_new(gfloat, MAX(triples->len, 1));
	self->idf_unknown = (gfloat)(log((self->n_docs + 1.0) / 1.0) + 1.0);
	norms = g_new0(gdouble, MAX(self->n_docs, 1));

	/* postings in key order; a term's documents are contiguous */
	for (guint i = 0; i < triples->len;) {
		guint64 key = g_array_index(triples, CblueNgramTriple, i).key;
		guint j = i;
		gdouble idf;
		guint32 slot;

		while (j < triples->len && g_array_index(triples, CblueNgramTriple, j).key == key)
			j++;
		idf = log((self->n_docs + 1.0) / (j - i + 1.0)) + 1.0;
		self->idf[term] = (gfloat)idf;
		self->offsets[term] = i;
		for (guint k = i; k < j; k++) {
			const CblueNgramTriple *t = &g_array_index(triples, CblueNgramTriple, k);
			gdouble w = (1.0 + log(MAX(t->tf, 1.0))) * idf;
			self->docs[k] = t->doc;
			self->weights[k] = (gfloat)w;
			norms[t->doc] += w * w;
		}
		for (slot = (guint32)key & self->mask; self->slots[slot] != 0; slot = (slot + 1) & self->mask)
			;
		self->slots[slot] = key;
		self->slot_terms[slot] = term;
		term++;
		i = j;
	}
	self->offsets[self->n_terms] = triples->len;
	for (guint k = 0; k < triples->len; k++) {
		gdouble norm = sqrt(norms[self->docs[k]]);
		if (norm > 0)
			self->weights[k] = (gfloat)(self->weights[k] / norm);
	}
	return self;
}

static void
cblue_ngram_index_clear(gpointer data)
{
	CblueNgramIndex *self = data;
	g_object_unref(self->tokenizer);
	g_ptr_array_unref(self->topic_ids);
	g_free(self->slots);
	g_free(self->slot_terms);
	g_free(self->idf);
	g_free(self->offsets);
	g_free(self->docs);
	g_free(self->weights);
}

CblueNgramIndex *
cblue_ngram_index_ref(CblueNgramIndex *index)
{
	return g_atomic_rc_box_acquire(index);
}

void
cblue_ngram_index_unref(CblueNgramIndex *index)
{
	g_atomic_rc_box_release_full(index, cblue_ngram_index_clear);
}

guint
cblue_ngram_index_get_n_terms(CblueNgramIndex *index)
{
	return index->n_terms;
}

gsize
cblue_ngram_index_get_n_postings(CblueNgramIndex *index)
{
	return index->offsets[index->n_terms];
}

GPtrArray *
cblue_ngram_index_search(CblueNgramIndex *self, const gchar *text, guint max_hits)
{
	g_autoptr(GArray) keys = g_array_new(FALSE, FALSE, sizeof(guint64));
	g_autofree gfloat *acc = g_new0(gfloat, MAX(self->n_docs, 1) * 2);
	gfloat *cover = acc + MAX(self->n_docs, 1);
	g_autofree guint *best = g_new(guint, MAX(max_hits, 1));
	GPtrArray *hits = g_ptr_array_new_with_free_func(g_object_unref);
	gdouble qnorm = 0, total = 0;
	guint n_best = 0;

	cblue_ngram_extract(self->tokenizer, text, keys);
	cblue_ngram_sort_keys((guint64 *)keys->data, keys->len);
	for (guint i = 0; i < keys->len;) {
		guint64 key = g_array_index(keys, guint64, i);
		guint j = i + 1;
		gint64 term;
		gdouble qw;

		while (j < keys->len && g_array_index(keys, guint64, j) == key)
			j++;
		term = cblue_ngram_index_lookup(self, key);
		qw = (j - i == 1 ? 1.0 : 1.0 + log(j - i)) * (term >= 0 ? self->idf[term] : self->idf_unknown);
		qnorm += qw * qw;
		total += qw;
		i = j;
		if (term < 0)
			continue;
		for (guint32 k = self->offsets[term]; k < self->offsets[term + 1]; k++) {
			acc[self->docs[k]] += (gfloat)(qw * self->weights[k]);
			cover[self->docs[k]] += (gfloat)qw;
		}
	}
	if (qnorm <= 0)
		return hits;
	qnorm = sqrt(qnorm);
	/* the best max_hits documents (ties: topic order) */
	for (guint d = 0; d < self->n_docs && max_hits > 0; d++) {
		guint pos;
		if (acc[d] <= 0)
			continue;
		if (n_best == max_hits && acc[d] <= acc[best[n_best - 1]])
			continue;
		pos = n_best < max_hits ? n_best++ : n_best - 1;
		while (pos > 0 && acc[best[pos - 1]] < acc[d]) {
			best[pos] = best[pos - 1];
			pos--;
		}
		best[pos] = d;
	}
	for (guint i = 0; i < n_best; i++) {
		guint d = best[i];
		g_ptr_array_add(hits,
				cblue_hit_new(g_ptr_array_index(self->topic_ids, d), acc[d] / qnorm, cover[d] / total));
	}
	return hits;
}

/* The index in a binary form for the on-disk cache, so that a process starts without
 * analyzing the KB again. Numbers are in the host's layout (the cache is local to the
 * machine); the magic and format number cover the layout, and a trailing FNV-1a hash
 * catches a file that was cut short or altered:
 *
 *   "CBLUENG\0" u32:format u32:n_docs u32:n_terms u32:n_slots u32:n_postings f32:idf_unknown
 *   n_docs × (u32:length, bytes): topic ids
 *   u64[n_slots] slots, u32[n_slots] slot_terms, f32[n_terms] idf, u32[n_terms + 1] offsets,
 *   u32[n_postings] docs, f32[n_postings] weights
 *   u64:checksum(everything before), FNV-1a over 64-bit words
 */
#define CBLUE_NGRAM_INDEX_MAGIC	 "CBLUENG"
#define CBLUE_NGRAM_INDEX_FORMAT 2

/* FNV-1a over 64-bit words (then the tail bytes): the index is megabytes, and a byte at a
 * time was a third of loading it */
static guint64
cblue_ngram_fnv1a(const guint8 *data, gsize len)
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

static void
cblue_ngram_put_u32(GByteArray *out, guint32 v)
{
	g_byte_array_append(out, (const guint8 *)&v, sizeof(v));
}

GBytes *
cblue_ngram_index_serialize(CblueNgramIndex *self)
{
	guint32 n_slots = self->mask + 1;
	guint32 n_postings = self->offsets[self->n_terms];
	GByteArray *out = g_byte_array_sized_new(64 + n_slots * 12 + self->n_terms * 8 + n_postings * 8);
	guint64 hash;

	g_byte_array_append(out, (const guint8 *)CBLUE_NGRAM_INDEX_MAGIC, sizeof(CBLUE_NGRAM_INDEX_MAGIC));
	cblue_ngram_put_u32(out, CBLUE_NGRAM_INDEX_FORMAT);
	cblue_ngram_put_u32(out, self->n_docs);
	cblue_ngram_put_u32(out, self->n_terms);
	cblue_ngram_put_u32(out, n_slots);
	cblue_ngram_put_u32(out, n_postings);
	g_byte_array_append(out, (const guint8 *)&self->idf_unknown, sizeof(gfloat));
	for (guint i = 0; i < self->n_docs; i++) {
		const gchar *topic_id = g_ptr_array_index(self->topic_ids, i);
		cblue_ngram_put_u32(out, (guint32)strlen(topic_id));
		g_byte_array_append(out, (const guint8 *)topic_id, (guint)strlen(topic_id));
	}
	g_byte_array_append(out, (const guint8 *)self->slots, n_slots * sizeof(guint64));
	g_byte_array_append(out, (const guint8 *)self->slot_terms, n_slots * sizeof(guint32));
	g_byte_array_append(out, (const guint8 *)self->idf, self->n_terms * sizeof(gfloat));
	g_byte_array_append(out, (const guint8 *)self->offsets, (self->n_terms + 1) * sizeof(guint32));
	g_byte_array_append(out, (const guint8 *)self->docs, n_postings * sizeof(guint32));
	g_byte_array_append(out, (const guint8 *)self->weights, n_postings * sizeof(gfloat));
	hash = cblue_ngram_fnv1a(out->data, out->len);
	g_byte_array_append(out, (const guint8 *)&hash, sizeof(hash));
	return g_byte_array_free_to_bytes(out);
}

/* a bounds-checked reader: every read fails once the data runs out */
typedef struct {
	const guint8 *p;
	const guint8 *end;
	gboolean failed;
} CblueNgramReader;

static gpointer
cblue_ngram_read(CblueNgramReader *r, gsize len)
{
	gpointer copy;
	if (r->failed || (gsize)(r->end - r->p) < len) {
		r->failed = TRUE;
		return NULL;
	}
	copy = g_memdup2(r->p, MAX(len, 1));
	r->p += len;
	return copy;
}

static guint32
cblue_ngram_read_u32(CblueNgramReader *r)
{
	g_autofree guint32 *v = cblue_ngram_read(r, sizeof(guint32));
	return v != NULL ? *v : 0;
}

CblueNgramIndex *
cblue_ngram_index_new_from_bytes(GBytes *bytes, CblueTokenizer *tokenizer, GError **error)
{
	g_autoptr(CblueNgramIndex) self = NULL;
	gsize size = 0;
	const guint8 *data = g_bytes_get_data(bytes, &size);
	CblueNgramReader r = {data, data, FALSE};
	guint64 hash = 0;
	guint32 n_slots, n_postings;
	g_autofree gchar *magic = NULL;
	g_autofree gfloat *idf_unknown = NULL;

	if (size < sizeof(CBLUE_NGRAM_INDEX_MAGIC) + sizeof(hash)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "index cache is truncated");
		return NULL;
	}
	memcpy(&hash, data + size - sizeof(hash), sizeof(hash));
	if (cblue_ngram_fnv1a(data, size - sizeof(hash)) != hash) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "index cache checksum mismatch");
		return NULL;
	}
	r.end = data + size - sizeof(hash);
	magic = cblue_ngram_read(&r, sizeof(CBLUE_NGRAM_INDEX_MAGIC));
	if (magic == NULL || memcmp(magic, CBLUE_NGRAM_INDEX_MAGIC, sizeof(CBLUE_NGRAM_INDEX_MAGIC)) != 0 ||
	    cblue_ngram_read_u32(&r) != CBLUE_NGRAM_INDEX_FORMAT) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "index cache has another format");
		return NULL;
	}
	self = g_atomic_rc_box_new0(CblueNgramIndex);
	self->tokenizer = g_object_ref(tokenizer);
	self->topic_ids = g_ptr_array_new_with_free_func(g_free);
	self->n_docs = cblue_ngram_read_u32(&r);
	self->n_terms = cblue_ngram_read_u32(&r);
	n_slots = cblue_ngram_read_u32(&r);
	n_postings = cblue_ngram_read_u32(&r);
	idf_unknown = cblue_ngram_read(&r, sizeof(gfloat));
	self->idf_unknown = idf_unknown != NULL ? *idf_unknown : 0;
	/* every size is bounded by the data it claims, before anything is allocated */
	if (n_slots == 0 || (n_slots & (n_slots - 1)) != 0 || n_slots < self->n_terms ||
	    (gsize)(r.end - r.p) / 8 < (gsize)n_slots + self->n_terms + n_postings || self->n_docs > size)
		r.failed = TRUE;
	for (guint i = 0; i < self->n_docs && !r.failed; i++) {
		guint32 len = cblue_ngram_read_u32(&r);
		g_autofree gchar *raw = cblue_ngram_read(&r, len);
		if (raw != NULL)
			g_ptr_array_add(self->topic_ids, g_strndup(raw, len));
	}
	self->mask = n_slots - 1;
	self->slots = cblue_ngram_read(&r, (gsize)n_slots * sizeof(guint64));
	self->slot_terms = cblue_ngram_read(&r, (gsize)n_slots * sizeof(guint32));
	self->idf = cblue_ngram_read(&r, (gsize)MAX(self->n_terms, 1) * sizeof(gfloat));
	self->offsets = cblue_ngram_read(&r, ((gsize)self->n_terms + 1) * sizeof(guint32));
	self->docs = cblue_ngram_read(&r, (gsize)MAX(n_postings, 1) * sizeof(guint32));
	self->weights = cblue_ngram_read(&r, (gsize)MAX(n_postings, 1) * sizeof(gfloat));
	/* the index must be safe to search: offsets in order, documents and terms in range */
	if (!r.failed && (self->offsets[0] != 0 || self->offsets[self->n_terms] != n_postings))
		r.failed = TRUE;
	for (guint t = 0; t < self->n_terms && !r.failed; t++) {
		if (self->offsets[t] > self->offsets[t + 1])
			r.failed = TRUE;
	}
	for (guint32 k = 0; k < n_postings && !r.failed; k++) {
		if (self->docs[k] >= self->n_docs)
			r.failed = TRUE;
	}
	for (guint32 i = 0; i < n_slots && !r.failed; i++) {
		if (self->slots[i] != 0 && self->slot_terms[i] >= self->n_terms)
			r.failed = TRUE;
	}
	if (r.failed || r.p != r.end || self->topic_ids->len != self->n_docs) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "index cache is corrupt");
		return NULL;
	}
	return g_steal_pointer(&self);
}
