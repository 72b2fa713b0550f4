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
 * vector length is one float. That is 12 bytes an n-gram and 6 a posting (the dampened
 * frequency in 16 bits), where a hash table of the keys, stored IDFs and stored float
 * unit-vector weights took about twice as much.
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
	guint32 *docs; /* owned: n_postings */
	guint16 *ltf; /* owned: n_postings, 1 + ln tf in units of 1/CBLUE_NGRAM_LTF_SCALE */
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
	guint bits = 0;
	guint32 n_dir;

	while (bits < 24 && (self->n_terms >> (bits + 2)) > 0)
		bits++;
	self->dir_bits = bits;
	n_dir = 1u << bits;
	g_free(self->dir);
	self->dir = g_new(guint32, (gsize)n_dir + 1);
	for (guint32 h = 0, t = 0; h <= n_dir; h++) {
		while (t < self->n_terms && (bits == 0 ? h > 0 : (self->keys[t] >> (64 - bits)) < h))
			t++;
		self->dir[h] = t;
	}
}

static gint64
cblue_ngram_index_lookup(CblueNgramIndex *self, guint64 key)
{
	guint32 h = self->dir_bits == 0 ? 0 : (guint32)(key >> (64 - self->dir_bits));
	guint32 lo = self->dir[h], hi = self->dir[h + 1];

	while (lo < hi) {
		guint32 mid = lo + (hi - lo) / 2;
		if (self->keys[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < self->dir[h + 1] && self->keys[lo] == key ? (gint64)lo : -1;
}

/* the (key, 1 + ln tf) pairs of every document of @self, as triples, grouped by document */
static GPtrArray *
cblue_ngram_index_doc_pairs(CblueNgramIndex *self)
{
	GPtrArray *per_doc = g_ptr_array_new_full(self->n_docs, (GDestroyNotify)g_array_unref);
	for (guint d = 0; d < self->n_docs; d++)
		g_ptr_array_add(per_doc, g_array_new(FALSE, FALSE, sizeof(CblueNgramTriple)));
	for (guint t = 0; t < self->n_terms; t++) {
		for (guint32 k = self->offsets[t]; k < self->offsets[t + 1]; k++) {
			CblueNgramTriple triple = {self->keys[t], self->docs[k],
						   self->ltf[k] / (gfloat)CBLUE_NGRAM_LTF_SCALE};
			g_array_append_val(g_ptr_array_index(per_doc, self->docs[k]), triple);
		}
	}
	return per_doc;
}

/* the previous index's document of the same topic and text, or -1 */
static gint64
cblue_ngram_index_find_doc(CblueNgramIndex *previous, GHashTable *previous_docs, const gchar *topic_id,
			   const guint64 hash[2])
{
	gpointer value;
	guint d;
	if (!g_hash_table_lookup_extended(previous_docs, topic_id, NULL, &value))
		return -1;
	d = GPOINTER_TO_UINT(value);
	if (previous->doc_hashes[2 * d] != hash[0] || previous->doc_hashes[2 * d + 1] != hash[1])
		return -1;
	return d;
}

CblueNgramIndex *
cblue_ngram_index_new(CblueKb *kb, CblueTokenizer *tokenizer, const CblueNgramParams *params)
{
	return cblue_ngram_index_new_incremental(kb, tokenizer, params, NULL, NULL);
}

/* the postings, vector lengths and directory from triples sorted by key */
static void
cblue_ngram_index_fill(CblueNgramIndex *self, GArray *triples)
{
	g_autofree gdouble *norms = g_new0(gdouble, MAX(self->n_docs, 1));
	guint term = 0;

	self->n_terms = 0;
	for (guint i = 0; i < triples->len; i++) {
		if (i == 0 || g_array_index(triples, CblueNgramTriple, i).key !=
				  g_array_index(triples, CblueNgramTriple, i - 1).key)
			self->n_terms++;
	}
	self->keys = g_new(guint64, MAX(self->n_terms, 1));
	self->offsets = g_new0(guint32, self->n_terms + 1);
	self->docs = g_new(guint32, MAX(triples->len, 1));
	self->ltf = g_new(guint16, MAX(triples->len, 1));
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
			guint16 ltf = cblue_ngram_quantize(t->tf);
			gdouble w = ltf / (gdouble)CBLUE_NGRAM_LTF_SCALE * idf;
			self->docs[k] = t->doc;
			self->ltf[k] = ltf;
			norms[t->doc] += w * w;
		}
		term++;
		i = j;
	}
	self->offsets[self->n_terms] = triples->len;
	self->doc_inv_norms = g_new0(gfloat, MAX(self->n_docs, 1));
	for (guint d = 0; d < self->n_docs; d++)
		self->doc_inv_norms[d] = norms[d] > 0 ? (gfloat)(1.0 / sqrt(norms[d])) : 0.0f;
	cblue_ngram_index_build_dir(self);
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
	g_autoptr(GPtrArray) previous_pairs = NULL;
	g_autoptr(GHashTable) previous_docs = NULL;
	guint analyzed = 0;

	self->tokenizer = g_object_ref(tokenizer);
	self->params = *params;
	self->topic_ids = g_ptr_array_new_with_free_func(g_free);
	self->n_docs = entries->len;
	self->doc_hashes = g_new0(guint64, 2 * (gsize)MAX(self->n_docs, 1));
	if (previous != NULL && (previous->tokenizer != tokenizer ||
				 memcmp(&previous->params, params, sizeof(*params)) != 0))
		previous = NULL;
	if (previous != NULL) {
		previous_docs = g_hash_table_new(g_str_hash, g_str_equal);
		for (guint d = 0; d < previous->n_docs; d++)
			g_hash_table_insert(previous_docs, g_ptr_array_index(previous->topic_ids, d), GUINT_TO_POINTER(d));
	}
	for (guint d = 0; d < entries->len; d++) {
		CblueKbEntry *entry = g_ptr_array_index(entries, d);
		guint64 hash[2] = CBLUE_RETRIEVAL_HASH_INIT;
		gint64 old = -1;

		cblue_retrieval_hash_entry(hash, entry);
		self->doc_hashes[2 * d] = hash[0];
		self->doc_hashes[2 * d + 1] = hash[1];
		g_ptr_array_add(self->topic_ids, g_strdup(cblue_kb_entry_get_topic_id(entry)));
		if (previous != NULL)
			old = cblue_ngram_index_find_doc(previous, previous_docs, cblue_kb_entry_get_topic_id(entry), hash);
		if (old >= 0) {
			GArray *pairs;
			if (previous_pairs == NULL)
				previous_pairs = cblue_ngram_index_doc_pairs(previous);
			pairs = g_ptr_array_index(previous_pairs, old);
			for (guint i = 0; i < pairs->len; i++) {
				CblueNgramTriple t = g_array_index(pairs, CblueNgramTriple, i);
				t.doc = d;
				g_array_append_val(triples, t);
			}
			continue;
		}
		cblue_ngram_add_doc(self, entry, d, params, triples);
		analyzed++;
	}
	cblue_ngram_sort_triples(triples);
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
	g_free(self->docs);
	g_free(self->ltf);
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
	       cblue_ngram_index_get_n_postings(index) * (sizeof(guint32) + sizeof(guint16)) +
	       (gsize)index->n_docs * (2 * sizeof(guint64) + sizeof(gfloat));
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
		gdouble idf, qw, qwi;

		while (j < keys->len && g_array_index(keys, guint64, j) == key)
			j++;
		term = cblue_ngram_index_lookup(self, key);
		idf = term >= 0 ? cblue_ngram_idf(self->n_docs, self->offsets[term + 1] - self->offsets[term])
				: self->idf_unknown;
		qw = (j - i == 1 ? 1.0 : 1.0 + log(j - i)) * idf;
		qwi = qw * idf / CBLUE_NGRAM_LTF_SCALE;
		qnorm += qw * qw;
		total += qw;
		i = j;
		if (term < 0)
			continue;
		for (guint32 k = self->offsets[term]; k < self->offsets[term + 1]; k++) {
			acc[self->docs[k]] += (gfloat)(qwi * self->ltf[k]);
			cover[self->docs[k]] += (gfloat)qw;
		}
	}
	if (qnorm <= 0)
		return hits;
	qnorm = sqrt(qnorm);
	for (guint d = 0; d < self->n_docs; d++)
		acc[d] *= self->doc_inv_norms[d];
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
 * analyzing the KB again; the framing (magic, format, trailing checksum) is
 * retrieval-common's:
 *
 *   "CBLUENG\0" u32:format u32:n_docs u32:n_terms u32:n_postings f32:idf_unknown
 *   params (3 × f64)
 *   n_docs × (u32:length, bytes): topic ids
 *   u64[2 × n_docs] doc_hashes, f32[n_docs] doc_inv_norms,
 *   u64[n_terms] keys, u32[n_terms + 1] offsets, u32[n_postings] docs, u16[n_postings] ltf
 *   u64:checksum(everything before)
 */
#define CBLUE_NGRAM_INDEX_MAGIC	 "CBLUENG"
#define CBLUE_NGRAM_INDEX_FORMAT 4

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
	cblue_retrieval_put(out, self->docs, (gsize)n_postings * sizeof(guint32));
	cblue_retrieval_put(out, self->ltf, (gsize)n_postings * sizeof(guint16));
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
	cblue_retrieval_reader_has(&r, (gsize)self->n_terms * 12 + (gsize)n_postings * 6);
	for (guint i = 0; i < self->n_docs && !r.failed; i++) {
		gchar *topic_id = cblue_retrieval_get_str(&r);
		if (topic_id != NULL)
			g_ptr_array_add(self->topic_ids, topic_id);
	}
	self->doc_hashes = cblue_retrieval_get_dup(&r, 2 * (gsize)self->n_docs * sizeof(guint64));
	self->doc_inv_norms = cblue_retrieval_get_dup(&r, (gsize)self->n_docs * sizeof(gfloat));
	self->keys = cblue_retrieval_get_dup(&r, (gsize)self->n_terms * sizeof(guint64));
	self->offsets = cblue_retrieval_get_dup(&r, ((gsize)self->n_terms + 1) * sizeof(guint32));
	self->docs = cblue_retrieval_get_dup(&r, (gsize)n_postings * sizeof(guint32));
	self->ltf = cblue_retrieval_get_dup(&r, (gsize)n_postings * sizeof(guint16));
	/* the index must be safe to search: keys strictly increasing, offsets in order,
	 * documents in range */
	if (!r.failed && (self->offsets[0] != 0 || self->offsets[self->n_terms] != n_postings))
		r.failed = TRUE;
	for (guint t = 0; t < self->n_terms && !r.failed; t++) {
		if (self->offsets[t] > self->offsets[t + 1] || (t > 0 && self->keys[t - 1] >= self->keys[t]))
			r.failed = TRUE;
	}
	for (guint32 k = 0; k < n_postings && !r.failed; k++) {
		if (self->docs[k] >= self->n_docs)
			r.failed = TRUE;
	}
	if (self->topic_ids->len != self->n_docs)
		r.failed = TRUE;
	if (!cblue_retrieval_reader_finish(&r, error))
		return NULL;
	cblue_ngram_index_build_dir(self);
	return g_steal_pointer(&self);
}
