/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cblue-ngram-index.h"
#include "cblue-retrieval-common.h"

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
 *
 * Memory: the index keeps, per n-gram, only its key (sorted, found through a small
 * directory of the keys' top bits) and where its postings start; per posting, the
 * document and its dampened frequency (1 + ln tf). The IDF is not stored: it follows
 * from the number of postings (df) and is computed per question n-gram; each document's
 * vector length is one float. That is 12 bytes an n-gram and 3 a posting: the document's
 * low 16 bits (a term's postings are in document order, split into segments of 65,536
 * documents, and a KB of more has one 4-byte split point per n-gram and further segment),
 * and one byte that indexes a code book of the dampened frequencies (1/4096 steps in 16
 * bits; a KB has a few dozen distinct values, as the frequencies are small sums of field
 * weights, so the code book is exact up to 256 of them).
 *
 * Search: the question's n-grams are taken rarest first, and the long posting lists of
 * common n-grams are read only while they can still change the top hits (see
 * cblue_ngram_index_search_full()): with 100,000 topics, that is a fraction of the postings.
 *
 * Incremental rebuilds: an index records a hash of each entry's text. When the KB changes,
 * the entries whose hash did not change take their (n-gram, 1 + ln tf) pairs from the
 * previous index instead of being analyzed again (the analysis is most of the build);
 * the rest of the build — sorting, document frequencies, vector lengths — runs over the
 * whole KB. IDF drift is therefore not an approximation: because IDFs are derived from
 * the current document frequencies and every vector length is recomputed on each build,
 * an incremental build gives exactly the index a full build gives.
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
	gfloat tf; /* a field's weight while a document is analyzed, then 1 + ln tf */
} CblueNgramTriple;

struct _CblueNgramIndex {
	CblueTokenizer *tokenizer; /* owned */
	CblueNgramParams params;
	GPtrArray *topic_ids; /* owned, of utf8 */
	guint64 *doc_hashes; /* owned: 2 × n_docs, the hash of each entry's text */
	gfloat *doc_inv_norms; /* owned: n_docs, 1 / the length of each document's vector */
	guint n_docs;
	guint n_terms;
	guint64 *keys; /* owned: n_terms, sorted */
	guint32 *offsets; /* owned: n_terms + 1, into docs and ltf */
	guint dir_bits;
	guint32 *dir; /* owned: (1 << dir_bits) + 1, the first term of each top-bits prefix */
	/* a posting is 3 bytes: its document's low 16 bits, and a code of its 1 + ln tf; the
	 * documents are in segments of 65,536 (a term's postings are in document order, and
	 * splits gives where each segment after the first begins) */
	guint n_segments; /* (n_docs + 65535) / 65536, at least 1 */
	guint32 *splits; /* owned: n_terms × (n_segments - 1) */
	guint16 *docs; /* owned: n_postings, the low 16 bits of the documents */
	guint8 *ltf; /* owned: n_postings, indexes of ltf_values */
	guint16 ltf_values[256]; /* 1 + ln tf in units of 1/CBLUE_NGRAM_LTF_SCALE */
	guint n_ltf_values;
	gfloat idf_unknown;
	/* the n-grams with long posting lists (df >= CBLUE_NGRAM_LONG_DF), in term order, with
	 * the largest ltf × 1/length of their postings: what a search may skip (not serialized,
	 * derived from the postings) */
	guint n_long;
	guint32 *long_terms; /* owned: n_long */
	gfloat *long_bounds; /* owned: n_long */
};

/* a posting list this long is searched for the candidate documents only, once the rarer
 * n-grams of the question decided which documents can still make the top hits */
#define CBLUE_NGRAM_LONG_DF 512

#define CBLUE_NGRAM_SEGMENT_BITS 16

/* the postings of @term in segment @s: [*lo, *hi) */
static inline void
cblue_ngram_segment(const CblueNgramIndex *self, guint32 term, guint s, guint32 *lo, guint32 *hi)
{
	const guint32 *split = self->splits + (gsize)term * (self->n_segments - 1);
	*lo = s == 0 ? self->offsets[term] : split[s - 1];
	*hi = s + 1 == self->n_segments ? self->offsets[term + 1] : split[s];
}

static inline guint16
cblue_ngram_ltf_at(const CblueNgramIndex *self, guint32 k)
{
	return self->ltf_values[self->ltf[k]];
}

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

/* the triples are sorted by their leading 64-bit key with retrieval-common's sorts */
G_STATIC_ASSERT(G_STRUCT_OFFSET(CblueNgramTriple, key) == 0 && sizeof(CblueNgramTriple) == 16);
G_STATIC_ASSERT(G_STRUCT_OFFSET(CblueNgramTriple, doc) == 8);

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

	/* one triple per distinct n-gram of the document, its frequency weighted by field (the
	 * sort is not stable: equal keys are summed) */
	cblue_retrieval_sort_records(pairs->data, pairs->len, sizeof(CblueNgramTriple));
	for (guint i = 0; i < pairs->len;) {
		CblueNgramTriple t = g_array_index(pairs, CblueNgramTriple, i);
		guint j = i;
		t.tf = 0;
		while (j < pairs->len && g_array_index(pairs, CblueNgramTriple, j).key == t.key)
			t.tf += (gfloat)weights[g_array_index(pairs, CblueNgramTriple, j++).doc];
		t.doc = doc;
		if (t.tf > 0) {
			t.tf = (gfloat)(1.0 + log(MAX(t.tf, 1.0)));
			g_array_append_val(triples, t);
		}
		i = j;
	}
}

/* 1 + ln tf is stored in 16 bits, in units of 1/4096 (so up to 16, tf < 3.2 million): the
 * rounding moves a cosine by less than 1e-4, far below any gap that decides a ranking */
#define CBLUE_NGRAM_LTF_SCALE 4096

static inline guint16
cblue_ngram_quantize(gfloat ltf)
{
	return (guint16)CLAMP(lround(ltf * CBLUE_NGRAM_LTF_SCALE), 1, G_MAXUINT16);
}

static inline gdouble
cblue_ngram_idf(guint n_docs, guint32 df)
{
	return log((n_docs + 1.0) / (df + 1.0)) + 1.0;
}

/* the directory of the keys' top bits: about four terms a prefix */
static void
cblue_ngram_index_build_dir(CblueNgramIndex *self)
{
	g_free(self->dir);
	self->dir = cblue_retrieval_dir_new(self->keys, self->n_terms, 0, 24, &self->dir_bits);
}

/* the side table of long posting lists and the bound of each one's contribution */
static void
cblue_ngram_index_build_bounds(CblueNgramIndex *self)
{
	guint n = 0;

	g_clear_pointer(&self->long_terms, g_free);
	g_clear_pointer(&self->long_bounds, g_free);
	for (guint t = 0; t < self->n_terms; t++)
		n += self->offsets[t + 1] - self->offsets[t] >= CBLUE_NGRAM_LONG_DF;
	self->n_long = n;
	self->long_terms = g_new(guint32, MAX(n, 1));
	self->long_bounds = g_new(gfloat, MAX(n, 1));
	n = 0;
	for (guint t = 0; t < self->n_terms; t++) {
		gfloat bound = 0;
		if (self->offsets[t + 1] - self->offsets[t] < CBLUE_NGRAM_LONG_DF)
			continue;
		for (guint s = 0; s < self->n_segments; s++) {
			guint32 lo, hi, base = s << CBLUE_NGRAM_SEGMENT_BITS;
			cblue_ngram_segment(self, t, s, &lo, &hi);
			for (guint32 k = lo; k < hi; k++)
				bound = MAX(bound, cblue_ngram_ltf_at(self, k) * self->doc_inv_norms[base | self->docs[k]]);
		}
		self->long_terms[n] = t;
		self->long_bounds[n++] = bound;
	}
}

/* the bound of a long posting list's ltf × 1/length, or -1 for a short list */
static gfloat
cblue_ngram_index_bound(CblueNgramIndex *self, guint32 term)
{
	guint32 i = cblue_retrieval_lower_bound_u32(self->long_terms, 0, self->n_long, term);
	return i < self->n_long && self->long_terms[i] == term ? self->long_bounds[i] : -1.0f;
}

static gint64
cblue_ngram_index_lookup(CblueNgramIndex *self, guint64 key)
{
	return cblue_retrieval_dir_lookup(self->keys, self->dir, self->dir_bits, key);
}

/* the (key, 1 + ln tf) pairs of the documents of @self that @old_to_new maps (G_MAXUINT32:
 * not reused), as triples of the new documents, appended to @triples in key order */
static void
cblue_ngram_index_reuse_pairs(CblueNgramIndex *self, const guint32 *old_to_new, GArray *triples)
{
	for (guint t = 0; t < self->n_terms; t++) {
		for (guint s = 0; s < self->n_segments; s++) {
			guint32 lo, hi, base = s << CBLUE_NGRAM_SEGMENT_BITS;
			cblue_ngram_segment(self, t, s, &lo, &hi);
			for (guint32 k = lo; k < hi; k++) {
				guint32 doc = old_to_new[base | self->docs[k]];
				CblueNgramTriple triple = {self->keys[t], doc,
							   cblue_ngram_ltf_at(self, k) / (gfloat)CBLUE_NGRAM_LTF_SCALE};
				if (doc != G_MAXUINT32)
					g_array_append_val(triples, triple);
			}
		}
	}
}

/* @a and @b, both in (key, document) order, merged into @out */
static void
cblue_ngram_merge_triples(const CblueNgramTriple *a, gsize n_a, const CblueNgramTriple *b, gsize n_b,
			  CblueNgramTriple *out)
{
	gsize i = 0, j = 0, k = 0;
	while (i < n_a && j < n_b) {
		if (a[i].key < b[j].key || (a[i].key == b[j].key && a[i].doc < b[j].doc))
			out[k++] = a[i++];
		else
			out[k++] = b[j++];
	}
	/* (an empty GArray's data may be NULL: no memcpy from it) */
	if (i < n_a)
		memcpy(out + k, a + i, (n_a - i) * sizeof(CblueNgramTriple));
	k += n_a - i;
	if (j < n_b)
		memcpy(out + k, b + j, (n_b - j) * sizeof(CblueNgramTriple));
}

CblueNgramIndex *
cblue_ngram_index_new(CblueKb *kb, CblueTokenizer *tokenizer, const CblueNgramParams *params)
{
	return cblue_ngram_index_new_incremental(kb, tokenizer, params, NULL, NULL);
}

/* The code book of the 1 + ln tf values: every value of @triples if there are at most 256
 * (there are a few dozen in practice: the frequencies are small sums of the field weights),
 * else 256 of them spread over their range, each posting taking the nearest */
static void
cblue_ngram_index_build_ltf_values(CblueNgramIndex *self, GArray *triples)
{
	g_autofree guint8 *seen = g_new0(guint8, 65536);
	g_autofree guint16 *values = g_new(guint16, 65536);
	guint n = 0;

	for (guint i = 0; i < triples->len; i++)
		seen[cblue_ngram_quantize(g_array_index(triples, CblueNgramTriple, i).tf)] = 1;
	for (guint v = 0; v < 65536; v++) {
		if (seen[v])
			values[n++] = (guint16)v;
	}
	if (n <= 256) {
		memcpy(self->ltf_values, values, n * sizeof(guint16));
		self->n_ltf_values = MAX(n, 1);
		if (n == 0)
			self->ltf_values[0] = CBLUE_NGRAM_LTF_SCALE;
		return;
	}
	for (guint i = 0; i < 256; i++)
		self->ltf_values[i] = values[(gsize)i * (n - 1) / 255];
	self->n_ltf_values = 256;
}

/* the code of the value of ltf_values nearest to @ltf */
static guint8
cblue_ngram_index_ltf_code(CblueNgramIndex *self, guint16 ltf)
{
	guint lo = 0, hi = self->n_ltf_values - 1;
	while (lo < hi) {
		guint mid = (lo + hi) / 2;
		if (self->ltf_values[mid] < ltf)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && ltf - self->ltf_values[lo - 1] < self->ltf_values[lo] - ltf)
		lo--;
	return (guint8)lo;
}

/* where each segment of documents after the first begins in each term's postings */
static void
cblue_ngram_index_build_splits(CblueNgramIndex *self, const guint32 *docs)
{
	self->n_segments = MAX((self->n_docs + 65535u) >> CBLUE_NGRAM_SEGMENT_BITS, 1);
	self->splits = g_new(guint32, MAX((gsize)self->n_terms * (self->n_segments - 1), 1));
	for (guint t = 0; t < self->n_terms && self->n_segments > 1; t++) {
		guint32 k = self->offsets[t];
		for (guint s = 1; s < self->n_segments; s++) {
			while (k < self->offsets[t + 1] && (docs[k] >> CBLUE_NGRAM_SEGMENT_BITS) < s)
				k++;
			self->splits[(gsize)t * (self->n_segments - 1) + s - 1] = k;
		}
	}
}

/* the postings, vector lengths and directory from triples sorted by key */
static void
cblue_ngram_index_fill(CblueNgramIndex *self, GArray *triples)
{
	g_autofree gdouble *norms = g_new0(gdouble, MAX(self->n_docs, 1));
	g_autofree guint32 *docs = g_new(guint32, MAX(triples->len, 1));
	guint term = 0;

	self->n_terms = 0;
	for (guint i = 0; i < triples->len; i++) {
		if (i == 0 || g_array_index(triples, CblueNgramTriple, i).key !=
				  g_array_index(triples, CblueNgramTriple, i - 1).key)
			self->n_terms++;
	}
	self->keys = g_new(guint64, MAX(self->n_terms, 1));
	self->offsets = g_new0(guint32, self->n_terms + 1);
	self->docs = g_new(guint16, MAX(triples->len, 1));
	self->ltf = g_new(guint8, MAX(triples->len, 1));
	cblue_ngram_index_build_ltf_values(self, triples);
	self->idf_unknown = (gfloat)(log((self->n_docs + 1.0) / 1.0) + 1.0);

	/* postings in key order; a term's documents are contiguous */
	for (guint i = 0; i < triples->len;) {
		guint64 key = g_array_index(triples, CblueNgramTriple, i).key;
		guint j = i;
		gdouble idf;

		while (j < triples->len && g_array_index(triples, CblueNgramTriple, j).key == key)
			j++;
		idf = cblue_ngram_idf(self->n_docs, j - i);
		self->keys[term] = key;
		self->offsets[term] = i;
		for (guint k = i; k < j; k++) {
			const CblueNgramTriple *t = &g_array_index(triples, CblueNgramTriple, k);
			guint8 code = cblue_ngram_index_ltf_code(self, cblue_ngram_quantize(t->tf));
			gdouble w = self->ltf_values[code] / (gdouble)CBLUE_NGRAM_LTF_SCALE * idf;
			docs[k] = t->doc;
			self->docs[k] = (guint16)t->doc;
			self->ltf[k] = code;
			norms[t->doc] += w * w;
		}
		term++;
		i = j;
	}
	self->offsets[self->n_terms] = triples->len;
	cblue_ngram_index_build_splits(self, docs);
	self->doc_inv_norms = g_new0(gfloat, MAX(self->n_docs, 1));
	for (guint d = 0; d < self->n_docs; d++)
		self->doc_inv_norms[d] = norms[d] > 0 ? (gfloat)(1.0 / sqrt(norms[d])) : 0.0f;
	cblue_ngram_index_build_dir(self);
	cblue_ngram_index_build_bounds(self);
}

/**
 * cblue_ngram_index_new_incremental:
 * @previous: (nullable): the index of the previous KB, built with the same tokenizer
 * @n_analyzed: (out) (optional): how many entries were analyzed (the others were reused)
 *
 * Builds the index of @kb, analyzing only the entries that are not in @previous with the
 * same text; the result is the same as a full build's.
 */
CblueNgramIndex *
cblue_ngram_index_new_incremental(CblueKb *kb, CblueTokenizer *tokenizer, const CblueNgramParams *params,
				  CblueNgramIndex *previous, guint *n_analyzed)
{
	GPtrArray *entries = cblue_kb_get_entries(kb);
	CblueNgramIndex *self = g_atomic_rc_box_new0(CblueNgramIndex);
	g_autoptr(GArray) triples = g_array_new(FALSE, FALSE, sizeof(CblueNgramTriple));
	g_auto(CblueRetrievalReuse) reuse = {NULL, NULL, NULL, 0};
	guint32 *old_to_new;
	guint analyzed = 0;

	self->tokenizer = g_object_ref(tokenizer);
	self->params = *params;
	self->topic_ids = g_ptr_array_new_with_free_func(g_free);
	self->n_docs = entries->len;
	self->doc_hashes = g_new0(guint64, 2 * (gsize)MAX(self->n_docs, 1));
	if (previous != NULL && (previous->tokenizer != tokenizer ||
				 memcmp(&previous->params, params, sizeof(*params)) != 0))
		previous = NULL;
	cblue_retrieval_reuse_init(&reuse, previous != NULL ? previous->topic_ids : NULL,
				   previous != NULL ? previous->doc_hashes : NULL);
	old_to_new = reuse.old_to_new;
	for (guint d = 0; d < entries->len; d++) {
		CblueKbEntry *entry = g_ptr_array_index(entries, d);

		if (cblue_retrieval_reuse_entry(&reuse, entry, d, self->doc_hashes, self->topic_ids) >= 0)
			continue;
		cblue_ngram_add_doc(self, entry, d, params, triples);
		analyzed++;
	}
	/* the reused documents' pairs straight from the previous postings, then all in
	 * (key, document) order as a full build has them: the analyzed ones are sorted and
	 * merged with the reused ones, which are in that order already when the KB kept the
	 * order of its topics (else everything is sorted) */
	if (previous != NULL && analyzed < self->n_docs) {
		g_autoptr(GArray) reused = g_array_new(FALSE, FALSE, sizeof(CblueNgramTriple));
		gboolean in_order = TRUE;
		for (guint d = 0, last = 0; d < previous->n_docs && in_order; d++) {
			if (old_to_new[d] == G_MAXUINT32)
				continue;
			in_order = d == 0 || old_to_new[d] >= last;
			last = old_to_new[d];
		}
		cblue_ngram_index_reuse_pairs(previous, old_to_new, reused);
		if (in_order) {
			g_autoptr(GArray) merged = g_array_sized_new(FALSE, FALSE, sizeof(CblueNgramTriple),
								     triples->len + reused->len);
			cblue_retrieval_radix_sort_records(triples->data, triples->len, sizeof(CblueNgramTriple));
			g_array_set_size(merged, triples->len + reused->len);
			cblue_ngram_merge_triples((CblueNgramTriple *)triples->data, triples->len,
						  (CblueNgramTriple *)reused->data, reused->len,
						  (CblueNgramTriple *)merged->data);
			g_clear_pointer(&reused, g_array_unref);
			g_array_unref(triples);
			triples = g_steal_pointer(&merged);
		} else {
			g_array_append_vals(triples, reused->data, reused->len);
			cblue_retrieval_sort_records_by_u32(triples->data, triples->len, self->n_docs);
			cblue_retrieval_radix_sort_records(triples->data, triples->len, sizeof(CblueNgramTriple));
		}
	} else {
		cblue_retrieval_radix_sort_records(triples->data, triples->len, sizeof(CblueNgramTriple));
	}
	cblue_ngram_index_fill(self, triples);
	if (n_analyzed != NULL)
		*n_analyzed = analyzed;
	return self;
}

static void
cblue_ngram_index_clear(gpointer data)
{
	CblueNgramIndex *self = data;
	g_object_unref(self->tokenizer);
	g_ptr_array_unref(self->topic_ids);
	g_free(self->doc_hashes);
	g_free(self->doc_inv_norms);
	g_free(self->keys);
	g_free(self->offsets);
	g_free(self->dir);
	g_free(self->splits);
	g_free(self->docs);
	g_free(self->ltf);
	g_free(self->long_terms);
	g_free(self->long_bounds);
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

/* the bytes the index's arrays take (topic ids and allocator overhead aside) */
gsize
cblue_ngram_index_get_memory_size(CblueNgramIndex *index)
{
	return (gsize)index->n_terms * (sizeof(guint64) + sizeof(guint32)) + sizeof(guint32) +
	       (((gsize)1 << index->dir_bits) + 1) * sizeof(guint32) +
	       cblue_ngram_index_get_n_postings(index) * (sizeof(guint16) + sizeof(guint8)) +
	       (gsize)index->n_terms * (index->n_segments - 1) * sizeof(guint32) +
	       (gsize)index->n_docs * (2 * sizeof(guint64) + sizeof(gfloat)) +
	       (gsize)index->n_long * (sizeof(guint32) + sizeof(gfloat));
}

/* A search's working memory, kept per thread between searches and sized to the largest
 * index searched: allocating and clearing arrays of the KB's size for every question cost
 * more than the search at 100,000 topics. Only the entries a search touched are cleared. */
typedef struct {
	gsize capacity;
	gdouble *acc; /* capacity: the sums of qwi × ltf (before 1/length) */
	gdouble *cover; /* capacity: the sums of qw */
	guint8 *mark; /* capacity: 1 touched, 2 a candidate */
	guint32 *touched; /* capacity */
} CblueNgramScratch;

static void
cblue_ngram_scratch_free(gpointer data)
{
	CblueNgramScratch *scratch = data;
	if (scratch == NULL)
		return;
	g_free(scratch->acc);
	g_free(scratch->cover);
	g_free(scratch->mark);
	g_free(scratch->touched);
	g_free(scratch);
}

static GPrivate cblue_ngram_scratch_key = G_PRIVATE_INIT(cblue_ngram_scratch_free);

static CblueNgramScratch *
cblue_ngram_scratch_get(gsize n_docs)
{
	CblueNgramScratch *scratch = g_private_get(&cblue_ngram_scratch_key);
	if (scratch != NULL && scratch->capacity >= n_docs)
		return scratch;
	scratch = g_new0(CblueNgramScratch, 1);
	scratch->capacity = MAX(n_docs, 64);
	scratch->acc = g_new0(gdouble, scratch->capacity);
	scratch->cover = g_new0(gdouble, scratch->capacity);
	scratch->mark = g_new0(guint8, scratch->capacity);
	scratch->touched = g_new(guint32, scratch->capacity);
	g_private_replace(&cblue_ngram_scratch_key, scratch);
	return scratch;
}

/* one distinct n-gram of a question */
typedef struct {
	gint64 term; /* -1: not in the index */
	guint32 df;
	gdouble qw; /* the question's weight of the n-gram */
	gdouble qwi; /* qw × IDF / CBLUE_NGRAM_LTF_SCALE: a posting adds qwi × ltf */
	gdouble bound; /* of its contribution to a document's score; -1 for a short list */
} CblueNgramQueryTerm;

/* the rarer n-grams first: they decide the candidates, and their lists are short; ties in
 * the index's order, so that the sums are always made in the same order */
static gint
cblue_ngram_query_term_compare(gconstpointer a, gconstpointer b)
{
	const CblueNgramQueryTerm *x = a, *y = b;
	if (x->df != y->df)
		return x->df < y->df ? -1 : 1;
	return x->term < y->term ? -1 : x->term > y->term;
}

/* whether document @a with @sa ranks before document @b with @sb: the higher score, then
 * the earlier topic (as a scan in topic order keeps them) */
static inline gboolean
cblue_ngram_ranks_before(gdouble sa, guint32 a, gdouble sb, guint32 b)
{
	return sa > sb || (sa == sb && a < b);
}

/* the @k-th largest lower bound of a touched document's score, or 0 if fewer were touched */
static gdouble
cblue_ngram_threshold(CblueNgramIndex *self, CblueNgramScratch *scratch, gsize n_touched, guint k, gdouble *heap)
{
	guint n = 0;
	if (n_touched < k || k == 0)
		return 0;
	/* a min-heap of the k best */
	for (gsize i = 0; i < n_touched; i++) {
		guint32 d = scratch->touched[i];
		gdouble v = scratch->acc[d] * self->doc_inv_norms[d];
		guint j;
		if (n == k && v <= heap[0])
			continue;
		if (n < k) {
			j = n++;
			while (j > 0 && heap[(j - 1) / 2] > v) {
				heap[j] = heap[(j - 1) / 2];
				j = (j - 1) / 2;
			}
			heap[j] = v;
			continue;
		}
		j = 0;
		for (;;) {
			guint c = 2 * j + 1;
			if (c >= k)
				break;
			if (c + 1 < k && heap[c + 1] < heap[c])
				c++;
			if (heap[c] >= v)
				break;
			heap[j] = heap[c];
			j = c;
		}
		heap[j] = v;
	}
	return heap[0];
}

/* adds @q's postings of the candidates (mark 2): a scan of a list that is not much longer
 * than the candidates, else a binary search of each candidate in it */
static void
cblue_ngram_add_to_candidates(CblueNgramIndex *self, CblueNgramScratch *scratch, gsize n_candidates,
			      const CblueNgramQueryTerm *q)
{
	if (q->df <= 64 * n_candidates) {
		for (guint s = 0; s < self->n_segments; s++) {
			guint32 lo, hi, base = s << CBLUE_NGRAM_SEGMENT_BITS;
			cblue_ngram_segment(self, (guint32)q->term, s, &lo, &hi);
			for (guint32 k = lo; k < hi; k++) {
				guint32 d = base | self->docs[k];
				if (scratch->mark[d] != 2)
					continue;
				scratch->acc[d] += q->qwi * cblue_ngram_ltf_at(self, k);
				scratch->cover[d] += q->qw;
			}
		}
		return;
	}
	for (gsize c = 0; c < n_candidates; c++) {
		guint32 d = scratch->touched[c];
		guint16 low = (guint16)(d & 0xffff);
		guint32 lo, hi, a, b;
		cblue_ngram_segment(self, (guint32)q->term, d >> CBLUE_NGRAM_SEGMENT_BITS, &lo, &hi);
		a = lo;
		b = hi;
		while (a < b) {
			guint32 mid = a + (b - a) / 2;
			if (self->docs[mid] < low)
				a = mid + 1;
			else
				b = mid;
		}
		if (a < hi && self->docs[a] == low) {
			scratch->acc[d] += q->qwi * cblue_ngram_ltf_at(self, a);
			scratch->cover[d] += q->qw;
		}
	}
}

GPtrArray *
cblue_ngram_index_search(CblueNgramIndex *self, const gchar *text, guint max_hits)
{
	return cblue_ngram_index_search_full(self, text, max_hits, TRUE);
}

/* The search is exact: the hits are those of a sum over every posting of the question's
 * n-grams. The n-grams are taken rarest first; before each long posting list (a common
 * n-gram), if the bounds of what the remaining lists can add (CblueNgramIndex.long_bounds)
 * cannot lift a document that the rarer n-grams did not reach into the top hits, the scan
 * stops: the candidates are the documents that can still make it, and the remaining lists
 * are searched for them only (by binary search, the documents of a list being in order).
 * Sums are in double precision, always in the same order (by document frequency, then
 * n-gram), so a search gives the same scores whether or not it stopped early.
 *
 * @prune FALSE: every posting is read (for tests) */
GPtrArray *
cblue_ngram_index_search_full(CblueNgramIndex *self, const gchar *text, guint max_hits, gboolean prune)
{
	g_autoptr(GArray) keys = g_array_new(FALSE, FALSE, sizeof(guint64));
	g_autoptr(GArray) qterms = g_array_new(FALSE, FALSE, sizeof(CblueNgramQueryTerm));
	CblueNgramScratch *scratch = cblue_ngram_scratch_get(self->n_docs);
	g_autofree guint32 *best = g_new(guint32, MAX(max_hits, 1));
	g_autofree gdouble *heap = g_new(gdouble, MAX(max_hits, 1));
	g_autofree gdouble *scores = g_new(gdouble, MAX(max_hits, 1));
	GPtrArray *hits = g_ptr_array_new_with_free_func(g_object_unref);
	gdouble qnorm = 0, total = 0, rest = 0, threshold = 0, checked = 0;
	gsize n_touched = 0, n_candidates = 0, read_since = 0;
	guint n_best = 0, next = 0;

	cblue_ngram_extract(self->tokenizer, text, keys);
	cblue_retrieval_sort_records(keys->data, keys->len, sizeof(guint64));
	for (guint i = 0; i < keys->len;) {
		guint64 key = g_array_index(keys, guint64, i);
		guint j = i + 1;
		CblueNgramQueryTerm q = {-1, 0, 0, 0, -1};
		gdouble idf;

		while (j < keys->len && g_array_index(keys, guint64, j) == key)
			j++;
		q.term = cblue_ngram_index_lookup(self, key);
		q.df = q.term >= 0 ? self->offsets[q.term + 1] - self->offsets[q.term] : 0;
		idf = q.term >= 0 ? cblue_ngram_idf(self->n_docs, q.df) : self->idf_unknown;
		q.qw = (j - i == 1 ? 1.0 : 1.0 + log(j - i)) * idf;
		q.qwi = q.qw * idf / CBLUE_NGRAM_LTF_SCALE;
		qnorm += q.qw * q.qw;
		total += q.qw;
		i = j;
		if (q.term < 0)
			continue;
		q.bound = cblue_ngram_index_bound(self, (guint32)q.term);
		if (q.bound >= 0) {
			q.bound *= q.qwi;
			rest += q.bound;
		}
		g_array_append_val(qterms, q);
	}
	if (qnorm <= 0)
		return hits;
	qnorm = sqrt(qnorm);
	g_array_sort(qterms, cblue_ngram_query_term_compare);

	for (; next < qterms->len; next++) {
		const CblueNgramQueryTerm *q = &g_array_index(qterms, CblueNgramQueryTerm, next);
		if (q->bound >= 0 && prune) {
			/* the threshold only grows: it is computed again (a pass over the touched
			 * documents) when the rest came near the last one, and not more often than
			 * the postings read since pay for */
			if (checked == 0 || (rest < 2 * checked && read_since >= n_touched / 2)) {
				checked = threshold = cblue_ngram_threshold(self, scratch, n_touched, max_hits, heap);
				read_since = 0;
			}
			/* a margin for rounding */
			if (threshold > 0 && rest < threshold * (1.0 - 1e-6))
				break;
			rest -= q->bound;
		}
		read_since += q->df;
		for (guint s = 0; s < self->n_segments; s++) {
			guint32 lo, hi, base = s << CBLUE_NGRAM_SEGMENT_BITS;
			cblue_ngram_segment(self, (guint32)q->term, s, &lo, &hi);
			for (guint32 k = lo; k < hi; k++) {
				guint32 d = base | self->docs[k];
				if (scratch->mark[d] == 0) {
					scratch->mark[d] = 1;
					scratch->touched[n_touched++] = d;
				}
				scratch->acc[d] += q->qwi * cblue_ngram_ltf_at(self, k);
				scratch->cover[d] += q->qw;
			}
		}
	}
	/* the candidates: every touched document, or those that can still reach the threshold */
	for (gsize i = 0; i < n_touched; i++) {
		guint32 d = scratch->touched[i];
		if (next == qterms->len || scratch->acc[d] * self->doc_inv_norms[d] + rest >= threshold * (1.0 - 1e-6)) {
			scratch->mark[d] = 2;
			scratch->touched[n_candidates++] = d;
		} else {
			scratch->mark[d] = 0;
			scratch->acc[d] = 0;
			scratch->cover[d] = 0;
		}
	}
	/* the remaining lists, for the candidates; after each, the candidates that can no longer
	 * reach the threshold are dropped, so that the longest lists are searched for few */
	for (; next < qterms->len; next++) {
		const CblueNgramQueryTerm *q = &g_array_index(qterms, CblueNgramQueryTerm, next);
		gsize kept = 0;
		cblue_ngram_add_to_candidates(self, scratch, n_candidates, q);
		rest -= q->bound;
		threshold = MAX(threshold, cblue_ngram_threshold(self, scratch, n_candidates, max_hits, heap));
		for (gsize c = 0; c < n_candidates; c++) {
			guint32 d = scratch->touched[c];
			if (scratch->acc[d] * self->doc_inv_norms[d] + rest >= threshold * (1.0 - 1e-6)) {
				scratch->touched[kept++] = d;
				continue;
			}
			scratch->mark[d] = 0;
			scratch->acc[d] = 0;
			scratch->cover[d] = 0;
		}
		n_candidates = kept;
	}

	/* the best max_hits documents (ties: topic order) */
	for (gsize c = 0; c < n_candidates && max_hits > 0; c++) {
		guint32 d = scratch->touched[c];
		gdouble score = scratch->acc[d] * self->doc_inv_norms[d];
		guint pos;
		if (score <= 0)
			continue;
		if (n_best == max_hits && !cblue_ngram_ranks_before(score, d, scores[n_best - 1], best[n_best - 1]))
			continue;
		pos = n_best < max_hits ? n_best++ : n_best - 1;
		while (pos > 0 && cblue_ngram_ranks_before(score, d, scores[pos - 1], best[pos - 1])) {
			best[pos] = best[pos - 1];
			scores[pos] = scores[pos - 1];
			pos--;
		}
		best[pos] = d;
		scores[pos] = score;
	}
	for (guint i = 0; i < n_best; i++) {
		guint32 d = best[i];
		g_ptr_array_add(hits, cblue_hit_new(g_ptr_array_index(self->topic_ids, d), scores[i] / qnorm,
						    scratch->cover[d] / total));
	}
	for (gsize c = 0; c < n_candidates; c++) {
		guint32 d = scratch->touched[c];
		scratch->acc[d] = 0;
		scratch->cover[d] = 0;
		scratch->mark[d] = 0;
	}
	return hits;
}

/* The index in a binary form for the on-disk cache, so that a process starts without
 * analyzing the KB again; the framing (magic, format, trailing checksum) is
 * retrieval-common's:
 *
 *   "CBLUENG\0" u32:format u32:n_docs u32:n_terms u32:n_postings f32:idf_unknown
 *   params (3 × f64)
 *   n_docs × (u32:length, bytes): topic ids
 *   u64[2 × n_docs] doc_hashes, f32[n_docs] doc_inv_norms,
 *   u64[n_terms] keys, u32[n_terms + 1] offsets,
 *   u32:n_ltf_values u16[256] ltf_values, u32[n_terms × (n_segments - 1)] splits,
 *   u16[n_postings] docs (low 16 bits), u8[n_postings] ltf (codes)
 *   u64:checksum(everything before)
 */
#define CBLUE_NGRAM_INDEX_MAGIC	 "CBLUENG"
#define CBLUE_NGRAM_INDEX_FORMAT 5

GBytes *
cblue_ngram_index_serialize(CblueNgramIndex *self)
{
	guint32 n_postings = self->offsets[self->n_terms];
	GByteArray *out = cblue_retrieval_writer_new(CBLUE_NGRAM_INDEX_MAGIC, CBLUE_NGRAM_INDEX_FORMAT,
						     cblue_ngram_index_get_memory_size(self) + 64);

	cblue_retrieval_put_u32(out, self->n_docs);
	cblue_retrieval_put_u32(out, self->n_terms);
	cblue_retrieval_put_u32(out, n_postings);
	cblue_retrieval_put(out, &self->idf_unknown, sizeof(gfloat));
	cblue_retrieval_put(out, &self->params, sizeof(self->params));
	for (guint i = 0; i < self->n_docs; i++)
		cblue_retrieval_put_str(out, g_ptr_array_index(self->topic_ids, i));
	cblue_retrieval_put(out, self->doc_hashes, 2 * (gsize)self->n_docs * sizeof(guint64));
	cblue_retrieval_put(out, self->doc_inv_norms, (gsize)self->n_docs * sizeof(gfloat));
	cblue_retrieval_put(out, self->keys, (gsize)self->n_terms * sizeof(guint64));
	cblue_retrieval_put(out, self->offsets, ((gsize)self->n_terms + 1) * sizeof(guint32));
	cblue_retrieval_put_u32(out, self->n_ltf_values);
	cblue_retrieval_put(out, self->ltf_values, sizeof(self->ltf_values));
	cblue_retrieval_put(out, self->splits, (gsize)self->n_terms * (self->n_segments - 1) * sizeof(guint32));
	cblue_retrieval_put(out, self->docs, (gsize)n_postings * sizeof(guint16));
	cblue_retrieval_put(out, self->ltf, (gsize)n_postings * sizeof(guint8));
	return cblue_retrieval_writer_finish(out);
}

CblueNgramIndex *
cblue_ngram_index_new_from_bytes(GBytes *bytes, CblueTokenizer *tokenizer, GError **error)
{
	g_autoptr(CblueNgramIndex) self = NULL;
	CblueRetrievalReader r;
	guint32 n_postings;

	if (!cblue_retrieval_reader_init(&r, bytes, CBLUE_NGRAM_INDEX_MAGIC, CBLUE_NGRAM_INDEX_FORMAT, error))
		return NULL;
	self = g_atomic_rc_box_new0(CblueNgramIndex);
	self->tokenizer = g_object_ref(tokenizer);
	self->topic_ids = g_ptr_array_new_with_free_func(g_free);
	self->n_docs = cblue_retrieval_get_u32(&r);
	self->n_terms = cblue_retrieval_get_u32(&r);
	n_postings = cblue_retrieval_get_u32(&r);
	cblue_retrieval_get(&r, &self->idf_unknown, sizeof(gfloat));
	cblue_retrieval_get(&r, &self->params, sizeof(self->params));
	/* every size is bounded by the data it claims, before anything is allocated */
	cblue_retrieval_reader_has(&r, (gsize)self->n_docs * 4);
	cblue_retrieval_reader_has(&r, (gsize)self->n_terms * 12 + (gsize)n_postings * 3);
	self->n_segments = MAX((self->n_docs + 65535u) >> CBLUE_NGRAM_SEGMENT_BITS, 1);
	for (guint i = 0; i < self->n_docs && !r.failed; i++) {
		gchar *topic_id = cblue_retrieval_get_str(&r);
		if (topic_id != NULL)
			g_ptr_array_add(self->topic_ids, topic_id);
	}
	self->doc_hashes = cblue_retrieval_get_dup(&r, 2 * (gsize)self->n_docs * sizeof(guint64));
	self->doc_inv_norms = cblue_retrieval_get_dup(&r, (gsize)self->n_docs * sizeof(gfloat));
	self->keys = cblue_retrieval_get_dup(&r, (gsize)self->n_terms * sizeof(guint64));
	self->offsets = cblue_retrieval_get_dup(&r, ((gsize)self->n_terms + 1) * sizeof(guint32));
	self->n_ltf_values = cblue_retrieval_get_u32(&r);
	cblue_retrieval_get(&r, self->ltf_values, sizeof(self->ltf_values));
	if (!r.failed && !cblue_retrieval_reader_has(&r, (gsize)self->n_terms * (self->n_segments - 1) * 4))
		r.failed = TRUE;
	self->splits = cblue_retrieval_get_dup(&r, (gsize)self->n_terms * (self->n_segments - 1) * sizeof(guint32));
	self->docs = cblue_retrieval_get_dup(&r, (gsize)n_postings * sizeof(guint16));
	self->ltf = cblue_retrieval_get_dup(&r, (gsize)n_postings * sizeof(guint8));
	/* the index must be safe to search: keys strictly increasing, offsets and segments in
	 * order, documents and codes in range */
	if (self->n_ltf_values < 1 || self->n_ltf_values > 256)
		r.failed = TRUE;
	if (!r.failed && (self->offsets[0] != 0 || self->offsets[self->n_terms] != n_postings))
		r.failed = TRUE;
	for (guint t = 0; t < self->n_terms && !r.failed; t++) {
		if (self->offsets[t] > self->offsets[t + 1] || (t > 0 && self->keys[t - 1] >= self->keys[t]))
			r.failed = TRUE;
	}
	for (guint t = 0; t < self->n_terms && !r.failed; t++) {
		for (guint s = 0; s < self->n_segments && !r.failed; s++) {
			guint32 lo, hi, base = s << CBLUE_NGRAM_SEGMENT_BITS;
			cblue_ngram_segment(self, t, s, &lo, &hi);
			if (lo > hi || lo < self->offsets[t] || hi > self->offsets[t + 1]) {
				r.failed = TRUE;
				break;
			}
			for (guint32 k = lo; k < hi; k++) {
				if ((base | self->docs[k]) >= self->n_docs || self->ltf[k] >= self->n_ltf_values)
					r.failed = TRUE;
			}
		}
	}
	if (self->topic_ids->len != self->n_docs)
		r.failed = TRUE;
	if (!cblue_retrieval_reader_finish(&r, error))
		return NULL;
	cblue_ngram_index_build_dir(self);
	cblue_ngram_index_build_bounds(self);
	return g_steal_pointer(&self);
}
