/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cblue-ngram-index.h"
#include "cblue-retrieval-chunks.h"
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
 * vector length is one float. The dampened frequency is a code of a code book (1/4096
 * steps in 16 bits; a KB has a few dozen distinct values, as the frequencies are small sums
 * of field weights, so the code book is exact up to 256 of them), the most frequent values
 * first. A term's postings are in document order, in blocks of up to 128: per block, its
 * first document and where its bits begin (12 bytes); in the block, per posting, the gap
 * to the previous document and the code, bit-packed with the widths the block's largest
 * gap and code need. Common n-grams have small gaps and mostly the first codes: a posting
 * of a 100,000-topic KB takes about 1 byte instead of the 3 of a 16-bit document and a
 * one-byte code (and 6 before that).
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
	gfloat tf; /* 1 + ln tf */
} CblueNgramTriple;

struct _CblueNgramIndex {
	CblueTokenizer *tokenizer; /* owned */
	CblueRetrievalSynonyms *synonyms; /* owned ref, nullable: the KB's and questions' synonyms */
	CblueNgramParams params;
	GPtrArray *topic_ids; /* owned, of utf8 */
	guint64 *doc_hashes; /* owned: 2 × n_docs, the hash of each entry's text */
	gfloat *doc_inv_norms; /* owned: n_docs, 1 / the length of each document's vector */
	guint n_docs;
	guint n_terms;
	guint64 *keys; /* owned: n_terms, sorted */
	guint32 *offsets; /* owned: n_terms + 1, each term's first posting (df: the difference) */
	guint dir_bits;
	guint32 *dir; /* owned: (1 << dir_bits) + 1, the first term of each top-bits prefix */
	/* the postings, in blocks of up to CBLUE_NGRAM_BLOCK (see cblue_ngram_block_decode()) */
	guint32 n_blocks;
	guint32 *blocks; /* owned: n_terms + 1, each term's first block */
	guint32 *block_docs; /* owned: n_blocks, the first document of each block */
	guint64 *block_meta; /* owned: n_blocks, CBLUE_NGRAM_META_*: where and how a block is packed */
	gsize data_len;
	guint8 *data; /* owned: data_len + 8 (zeros, so that a decoder reads 8 bytes at a time) */
	guint16 ltf_values[256]; /* 1 + ln tf in units of 1/CBLUE_NGRAM_LTF_SCALE, by code */
	guint n_ltf_values;
	gfloat idf_unknown;
	/* cblue_ngram_idf() of the document frequencies below CBLUE_NGRAM_IDF_TABLE (and at most
	 * n_docs): a lookup instead of a call to log() per n-gram of a question (not serialized) */
	gdouble idf_by_df[256];
	/* the n-grams with long posting lists (df >= CBLUE_NGRAM_LONG_DF), in term order, with
	 * the largest ltf × 1/length of their postings: what a search may skip (not serialized,
	 * derived from the postings) */
	guint n_long;
	guint32 *long_terms; /* owned: n_long */
	gfloat *long_bounds; /* owned: n_long */
	guint16 *long_ltf_max; /* owned: n_long, the largest ltf (units of 1/CBLUE_NGRAM_LTF_SCALE) */
};

/* a posting list this long is searched for the candidate documents only, once the rarer
 * n-grams of the question decided which documents can still make the top hits */
#define CBLUE_NGRAM_LONG_DF 512

/* A block holds up to 128 postings of one term: a bit field per posting, the gap to the
 * previous document (0 for the first, which is block_docs[]) in its low gap-width bits and
 * the code of 1 + ln tf above them. Its meta word: the byte where the fields begin, the two
 * widths and the number of postings. */
#define CBLUE_NGRAM_BLOCK	    128
#define CBLUE_NGRAM_META_POS_BITS   40
#define CBLUE_NGRAM_META_GAP_SHIFT  40 /* 6 bits: 0-32 */
#define CBLUE_NGRAM_META_CODE_SHIFT 46 /* 4 bits: 0-8 */
#define CBLUE_NGRAM_META_N_SHIFT    50 /* 7 bits: the number of postings - 1 */

static inline guint64
cblue_ngram_load64(const guint8 *p)
{
	guint64 v;
	memcpy(&v, p, sizeof(v));
	return GUINT64_FROM_LE(v);
}

/* a block being read, posting by posting (on the stack: the hot loops keep it in registers) */
typedef struct {
	const guint8 *data;
	gsize bit;
	guint width;
	guint gap_bits;
	guint64 mask;
	guint64 gap_mask;
	guint32 doc;
	guint n; /* postings in the block */
} CblueNgramBlockReader;

static inline void
cblue_ngram_block_begin(const CblueNgramIndex *self, guint32 b, CblueNgramBlockReader *rd)
{
	guint64 meta = self->block_meta[b];
	rd->data = self->data;
	rd->gap_bits = (meta >> CBLUE_NGRAM_META_GAP_SHIFT) & 63;
	rd->width = rd->gap_bits + ((meta >> CBLUE_NGRAM_META_CODE_SHIFT) & 15);
	rd->n = (guint)((meta >> CBLUE_NGRAM_META_N_SHIFT) & 127) + 1;
	rd->mask = (G_GUINT64_CONSTANT(1) << rd->width) - 1;
	rd->gap_mask = (G_GUINT64_CONSTANT(1) << rd->gap_bits) - 1;
	rd->bit = (meta & ((G_GUINT64_CONSTANT(1) << CBLUE_NGRAM_META_POS_BITS) - 1)) * 8;
	rd->doc = self->block_docs[b];
}

/* the next posting's document; its code into @code */
static inline guint32
cblue_ngram_block_next(CblueNgramBlockReader *rd, guint *code)
{
	guint64 v = (cblue_ngram_load64(rd->data + (rd->bit >> 3)) >> (rd->bit & 7)) & rd->mask;
	rd->bit += rd->width;
	rd->doc += (guint32)(v & rd->gap_mask);
	*code = (guint)(v >> rd->gap_bits);
	return rd->doc;
}

/* the fields of a block read from one load of 64 bits (at least 57 of them valid after the
 * shift to the field's first bit), by width: a width of 0 is a block of one posting */
static inline guint
cblue_ngram_fields_per_load(guint width)
{
	return width == 0 ? CBLUE_NGRAM_BLOCK : 57 / width;
}

/* Calls @body (a statement using the locals `doc` and `code`) for each posting of block
 * @b, in order: several fields are taken from each 64-bit load, without a branch per
 * posting but the loop's. */
#define CBLUE_NGRAM_BLOCK_FOREACH(self, b, body)                                                                     \
	G_STMT_START                                                                                                  \
	{                                                                                                             \
		CblueNgramBlockReader rd_;                                                                            \
		guint per_, i_ = 0;                                                                                   \
		cblue_ngram_block_begin((self), (b), &rd_);                                                           \
		per_ = cblue_ngram_fields_per_load(rd_.width);                                                        \
		while (i_ < rd_.n) {                                                                                  \
			guint64 w_ = cblue_ngram_load64(rd_.data + (rd_.bit >> 3)) >> (rd_.bit & 7);                  \
			guint m_ = MIN(per_, rd_.n - i_);                                                             \
			rd_.bit += (gsize)m_ * rd_.width;                                                             \
			i_ += m_;                                                                                     \
			for (guint g_ = 0; g_ < m_; g_++) {                                                           \
				guint64 v_ = w_ & rd_.mask;                                                           \
				guint32 doc;                                                                          \
				guint code;                                                                           \
				w_ >>= rd_.width;                                                                     \
				rd_.doc += (guint32)(v_ & rd_.gap_mask);                                              \
				doc = rd_.doc;                                                                        \
				code = (guint)(v_ >> rd_.gap_bits);                                                   \
				body;                                                                                 \
			}                                                                                             \
		}                                                                                                     \
	}                                                                                                             \
	G_STMT_END

/* the documents and codes of block @b into @docs and @codes; returns how many */
static inline guint
cblue_ngram_block_decode(const CblueNgramIndex *self, guint32 b, guint32 *docs, guint8 *codes)
{
	CblueNgramBlockReader rd;
	cblue_ngram_block_begin(self, b, &rd);
	for (guint i = 0; i < rd.n; i++) {
		guint code;
		docs[i] = cblue_ngram_block_next(&rd, &code);
		codes[i] = (guint8)code;
	}
	return rd.n;
}

void
cblue_ngram_params_init_default(CblueNgramParams *params)
{
	params->weight_questions = 3.0;
	params->weight_keywords = 2.0;
	params->weight_content = 1.0;
	/* any bound from 0.2 to 0.5 separates the two kinds of KB measured (docs/quality.md) */
	params->passage_ratio = 1.0 / 3.0;
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

/* FNV-1a, one character at a time: an n-gram's hash is its (n - 1)-gram's, fed one more */
#define CBLUE_NGRAM_FNV_OFFSET 0xcbf29ce484222325ULL
#define CBLUE_NGRAM_FNV_PRIME  0x100000001b3ULL

/* splitmix64's finalizer over the FNV-1a hash @h: well spread, never 0 */
static inline guint64
cblue_ngram_key_finish(guint64 h)
{
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	return h != 0 ? h : 1;
}

static inline guint64
cblue_ngram_key(CblueNgramRun run, const gunichar *chars, guint n)
{
	guint64 h = CBLUE_NGRAM_FNV_OFFSET ^ (guint64)run;
	for (guint i = 0; i < n; i++) {
		h ^= chars[i];
		h *= CBLUE_NGRAM_FNV_PRIME;
	}
	return cblue_ngram_key_finish(h);
}

/* the n-grams of one run of @len characters into @out; returns how many. The shorter
 * n-grams come first, then the longer ones, each in the order of the run; the longer one at
 * a position continues the shorter one's hash, so each is hashed in one pass. */
static gsize
cblue_ngram_run_keys(CblueNgramRun run, const gunichar *chars, gsize len, guint64 *out)
{
	guint lo = run == CBLUE_NGRAM_RUN_HAN ? 1 : run == CBLUE_NGRAM_RUN_THAI ? 2 : 3;
	guint64 *longer;

	if (len < lo) {
		out[0] = cblue_ngram_key(run, chars, (guint)len);
		return 1;
	}
	/* len - lo + 1 shorter ones, then len - lo longer ones */
	longer = out + (len - lo + 1);
	for (gsize i = 0; i + lo <= len; i++) {
		guint64 h = CBLUE_NGRAM_FNV_OFFSET ^ (guint64)run;
		for (guint k = 0; k < lo; k++) {
			h ^= chars[i + k];
			h *= CBLUE_NGRAM_FNV_PRIME;
		}
		out[i] = cblue_ngram_key_finish(h);
		if (i + lo < len) {
			h ^= chars[i + lo];
			h *= CBLUE_NGRAM_FNV_PRIME;
			longer[i] = cblue_ngram_key_finish(h);
		}
	}
	return 2 * (len - lo) + 1;
}

/* the character at @p of valid UTF-8: g_utf8_get_char() without a call for ASCII and the
 * 3-byte sequences of Thai and Chinese, nearly all of the text */
static inline gunichar
cblue_ngram_char_at(const guchar *s, guint *n)
{
	if (s[0] < 0x80) {
		*n = 1;
		return s[0];
	}
	if ((s[0] & 0xF0) == 0xE0) {
		*n = 3;
		return ((gunichar)(s[0] & 0x0F) << 12) | ((gunichar)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	}
	*n = (guint)(g_utf8_next_char(s) - (const gchar *)s);
	return g_utf8_get_char((const gchar *)s);
}

/* the n-gram keys of @text (normalized first, then every variant of @synonyms, if not
 * %NULL, rewritten to its canonical form, as BM25 does), with repetitions, appended to @keys.
 * Rewriting the text rather than adding n-grams keeps the index the size it was and gives
 * "pv price" the n-grams of "solar price" exactly: same cosine, same confidence. */
void
cblue_ngram_extract(CblueTokenizer *tokenizer, CblueRetrievalSynonyms *synonyms, const gchar *text, GArray *keys)
{
	g_autofree gchar *normalized = cblue_tokenizer_normalize(tokenizer, text);
	g_autofree gchar *rewritten = synonyms != NULL ? cblue_retrieval_synonyms_apply(synonyms, normalized) : NULL;
	/* (valid UTF-8: normalization gives an empty text for anything else) */
	const guchar *p = (const guchar *)(rewritten != NULL ? rewritten : normalized);
	/* no more characters than bytes; a run is copied with a start and an end mark for
	 * Latin words */
	gsize n_bytes = strlen((const gchar *)p);
	g_autofree gunichar *run = g_new(gunichar, n_bytes + 2);
	gsize base = keys->len;
	gsize n_keys = 0;
	gsize len = 0;
	CblueNgramRun current = CBLUE_NGRAM_RUN_NONE;

	/* at most two n-grams a character, marks included, and one more a run */
	g_array_set_size(keys, base + 3 * n_bytes + 8);
	for (;;) {
		guint n = 1;
		gunichar ch = *p != 0 ? cblue_ngram_char_at(p, &n) : 0;
		CblueNgramRun kind;

		/* Thai tone marks, maitaikhu and thanthakhat: dropped, not a break */
		if (ch >= 0x0E47 && ch <= 0x0E4C) {
			p += n;
			continue;
		}
		kind = ch != 0 ? cblue_ngram_run_for_char(ch) : CBLUE_NGRAM_RUN_NONE;
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
		if (ch == 0)
			break;
		if (kind != CBLUE_NGRAM_RUN_NONE)
			run[len++] = ch;
		p += n;
	}
	g_array_set_size(keys, base + n_keys);
}

/* the triples are sorted by their leading 64-bit key (cblue_ngram_sort_triples()) and by their
 * document with retrieval-common's sorts */
G_STATIC_ASSERT(G_STRUCT_OFFSET(CblueNgramTriple, key) == 0 && sizeof(CblueNgramTriple) == 16);
G_STATIC_ASSERT(G_STRUCT_OFFSET(CblueNgramTriple, doc) == 8);

/* the dampened frequency of a weighted term frequency @tf (> 0) */
static inline gfloat
cblue_ngram_ltf(gfloat tf)
{
	return (gfloat)(1.0 + log(MAX(tf, 1.0)));
}

/* the weighted frequencies of one document's n-grams, summed in an open-addressing table
 * (keys are never 0) that is reused for every document of a build, instead of sorting each
 * document's n-grams (which took about half of the build's CPU time) */
typedef struct {
	guint64 *keys; /* owned: mask + 1, 0 for a free slot */
	gfloat *tf; /* owned: mask + 1 */
	guint32 *used; /* owned: (mask + 1) / 2, the slots in use, in the order they were taken */
	guint n_used;
	guint mask;
	/* 1 + ln tf of the whole frequencies below 256 (the default field weights are whole
	 * numbers): a lookup instead of a call to log() per posting */
	gfloat ltf_of_whole[256];
} CblueNgramDocTable;

static void
cblue_ngram_doc_table_init(CblueNgramDocTable *table, guint size)
{
	table->keys = g_new0(guint64, size);
	table->tf = g_new(gfloat, size);
	table->used = g_new(guint32, size / 2);
	table->n_used = 0;
	table->mask = size - 1;
	for (guint i = 0; i < G_N_ELEMENTS(table->ltf_of_whole); i++)
		table->ltf_of_whole[i] = cblue_ngram_ltf((gfloat)i);
}

static void
cblue_ngram_doc_table_clear(CblueNgramDocTable *table)
{
	g_free(table->keys);
	g_free(table->tf);
	g_free(table->used);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(CblueNgramDocTable, cblue_ngram_doc_table_clear)

/* the same as cblue_ngram_ltf(@tf), from the table when @tf is a whole number */
static inline gfloat
cblue_ngram_doc_table_ltf(const CblueNgramDocTable *table, gfloat tf)
{
	if (tf < G_N_ELEMENTS(table->ltf_of_whole) && tf == (gfloat)(guint)tf)
		return table->ltf_of_whole[(guint)tf];
	return cblue_ngram_ltf(tf);
}

/* the table twice its size, once half full */
static void
cblue_ngram_doc_table_grow(CblueNgramDocTable *table)
{
	CblueNgramDocTable bigger;

	cblue_ngram_doc_table_init(&bigger, 2 * (table->mask + 1));
	for (guint i = 0; i < table->n_used; i++) {
		guint32 from = table->used[i], to = (guint32)table->keys[from] & bigger.mask;
		while (bigger.keys[to] != 0)
			to = (to + 1) & bigger.mask;
		bigger.keys[to] = table->keys[from];
		bigger.tf[to] = table->tf[from];
		bigger.used[bigger.n_used++] = to;
	}
	cblue_ngram_doc_table_clear(table);
	*table = bigger;
}

static inline void
cblue_ngram_doc_table_add(CblueNgramDocTable *table, guint64 key, gfloat weight)
{
	guint32 slot = (guint32)key & table->mask;

	while (table->keys[slot] != 0 && table->keys[slot] != key)
		slot = (slot + 1) & table->mask;
	if (table->keys[slot] == key) {
		table->tf[slot] += weight;
		return;
	}
	table->keys[slot] = key;
	table->tf[slot] = weight;
	table->used[table->n_used++] = slot;
	if (G_UNLIKELY(table->n_used == (table->mask + 1) / 2))
		cblue_ngram_doc_table_grow(table);
}

/* one field's n-grams into the document's table */
static void
cblue_ngram_add_text(CblueNgramIndex *self, const gchar *text, gfloat weight, GArray *keys, CblueNgramDocTable *table)
{
	g_array_set_size(keys, 0);
	cblue_ngram_extract(self->tokenizer, self->synonyms, text, keys);
	for (guint i = 0; i < keys->len; i++)
		cblue_ngram_doc_table_add(table, g_array_index(keys, guint64, i), weight);
}

/* Whether @entry reads as a passage with sample questions rather than an FAQ entry: its
 * example questions, all languages together, are under params->passage_ratio of its
 * content (in bytes; each language's questions and content share a script). An FAQ entry's
 * questions are the ways its topic is asked (the bundled KB's are 0.54–1.25 of their
 * content); a passage's one or two questions ask about one of the many facts it holds
 * (XQuAD's are 0.02–0.33), so their words are no better evidence of the topic than the
 * content's. */
static gboolean
cblue_ngram_entry_is_passage(CblueKbEntry *entry, GPtrArray *langs, const CblueNgramParams *params)
{
	gsize questions_len = 0, content_len = 0;

	for (guint i = 0; i < langs->len; i++) {
		const gchar *lang = g_ptr_array_index(langs, i);
		const gchar *const *questions = cblue_kb_entry_get_questions(entry, lang);
		const gchar *content = cblue_kb_entry_get_content(entry, lang);
		for (guint j = 0; questions[j] != NULL; j++)
			questions_len += strlen(questions[j]);
		if (content != NULL)
			content_len += strlen(content);
	}
	return content_len > 0 && (gdouble)questions_len < params->passage_ratio * (gdouble)content_len;
}

static void
cblue_ngram_add_doc(CblueNgramIndex *self, CblueKbEntry *entry, guint doc, const CblueNgramParams *params,
		    GArray *keys, CblueNgramDocTable *table, GArray *triples)
{
	g_autoptr(GPtrArray) langs = cblue_kb_entry_get_languages(entry);
	const gchar *const *keywords = cblue_kb_entry_get_keywords(entry);
	const gchar *const *tags = cblue_kb_entry_get_tags(entry);
	gfloat weight_questions = (gfloat)MAX(params->weight_questions, 0);
	gfloat weight_keywords = (gfloat)MAX(params->weight_keywords, 0);
	const gfloat weight_content = (gfloat)MAX(params->weight_content, 0);
	guint base, n_out = 0;

	/* a passage's questions and keywords (an article's title, shared by its passages) weigh
	 * as its content: the weights that make an FAQ entry's questions count would let the
	 * passage whose sample question shares the question's words beat the one that holds
	 * the answer (docs/quality.md); decided per entry, so incremental builds stay exact */
	if (cblue_ngram_entry_is_passage(entry, langs, params)) {
		weight_questions = MIN(weight_questions, weight_content);
		weight_keywords = MIN(weight_keywords, weight_content);
	}
	for (guint i = 0; i < langs->len; i++) {
		const gchar *lang = g_ptr_array_index(langs, i);
		const gchar *const *questions = cblue_kb_entry_get_questions(entry, lang);
		const gchar *content = cblue_kb_entry_get_content(entry, lang);
		for (guint j = 0; questions[j] != NULL; j++)
			cblue_ngram_add_text(self, questions[j], weight_questions, keys, table);
		if (content != NULL)
			cblue_ngram_add_text(self, content, weight_content, keys, table);
	}
	for (guint j = 0; keywords[j] != NULL; j++)
		cblue_ngram_add_text(self, keywords[j], weight_keywords, keys, table);
	for (guint j = 0; tags[j] != NULL; j++)
		cblue_ngram_add_text(self, tags[j], weight_keywords, keys, table);

	/* one triple per distinct n-gram of the document, its frequency weighted by field; the
	 * table is left empty for the next document */
	base = triples->len;
	g_array_set_size(triples, base + table->n_used);
	for (guint i = 0; i < table->n_used; i++) {
		guint32 slot = table->used[i];
		CblueNgramTriple t = {table->keys[slot], doc, table->tf[slot]};
		table->keys[slot] = 0;
		if (t.tf > 0) {
			t.tf = cblue_ngram_doc_table_ltf(table, t.tf);
			g_array_index(triples, CblueNgramTriple, base + n_out++) = t;
		}
	}
	g_array_set_size(triples, base + n_out);
	table->n_used = 0;
}

/* 1 + ln tf is stored in 16 bits, in units of 1/4096 (so up to 16, tf < 3.2 million): the
 * rounding moves a cosine by less than 1e-4, far below any gap that decides a ranking */
#define CBLUE_NGRAM_LTF_SCALE 4096

static inline guint16
cblue_ngram_quantize(gfloat ltf)
{
	/* lround() and a clamp to [1, 65535], without a call per posting */
	gdouble x = ltf * CBLUE_NGRAM_LTF_SCALE;
	if (!(x >= 1.0))
		return 1;
	return x >= G_MAXUINT16 ? G_MAXUINT16 : (guint16)(x + 0.5);
}

static inline gdouble
cblue_ngram_idf(guint n_docs, guint32 df)
{
	return log((n_docs + 1.0) / (df + 1.0)) + 1.0;
}

#define CBLUE_NGRAM_IDF_TABLE 256
G_STATIC_ASSERT(CBLUE_NGRAM_IDF_TABLE == G_N_ELEMENTS(((CblueNgramIndex *)NULL)->idf_by_df));

/* cblue_ngram_idf() of a term of the index (@df <= n_docs), the same value */
static inline gdouble
cblue_ngram_index_idf(const CblueNgramIndex *self, guint32 df)
{
	return df < CBLUE_NGRAM_IDF_TABLE ? self->idf_by_df[df] : cblue_ngram_idf(self->n_docs, df);
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

	for (guint32 df = 0; df < CBLUE_NGRAM_IDF_TABLE; df++)
		self->idf_by_df[df] = cblue_ngram_idf(self->n_docs, df);
	g_clear_pointer(&self->long_terms, g_free);
	g_clear_pointer(&self->long_bounds, g_free);
	g_clear_pointer(&self->long_ltf_max, g_free);
	for (guint t = 0; t < self->n_terms; t++)
		n += self->offsets[t + 1] - self->offsets[t] >= CBLUE_NGRAM_LONG_DF;
	self->n_long = n;
	self->long_terms = g_new(guint32, MAX(n, 1));
	self->long_bounds = g_new(gfloat, MAX(n, 1));
	self->long_ltf_max = g_new(guint16, MAX(n, 1));
	n = 0;
	for (guint t = 0; t < self->n_terms; t++) {
		gfloat bound = 0;
		guint16 ltf_max = 0;
		if (self->offsets[t + 1] - self->offsets[t] < CBLUE_NGRAM_LONG_DF)
			continue;
		for (guint32 b = self->blocks[t]; b < self->blocks[t + 1]; b++) {
			guint32 docs[CBLUE_NGRAM_BLOCK];
			guint8 codes[CBLUE_NGRAM_BLOCK];
			guint n_in_block = cblue_ngram_block_decode(self, b, docs, codes);
			for (guint i = 0; i < n_in_block; i++) {
				bound = MAX(bound, self->ltf_values[codes[i]] * self->doc_inv_norms[docs[i]]);
				ltf_max = MAX(ltf_max, self->ltf_values[codes[i]]);
			}
		}
		self->long_ltf_max[n] = ltf_max;
		self->long_terms[n] = t;
		self->long_bounds[n++] = bound;
	}
}

/* the bound of a long posting list's ltf × 1/length, or -1 for a short list; its largest
 * ltf into @ltf_max */
static gfloat
cblue_ngram_index_bound(CblueNgramIndex *self, guint32 term, guint16 *ltf_max)
{
	guint32 i = cblue_retrieval_lower_bound_u32(self->long_terms, 0, self->n_long, term);
	if (i < self->n_long && self->long_terms[i] == term) {
		*ltf_max = self->long_ltf_max[i];
		return self->long_bounds[i];
	}
	return -1.0f;
}

static gint64
cblue_ngram_index_lookup(CblueNgramIndex *self, guint64 key)
{
	return cblue_retrieval_dir_lookup(self->keys, self->dir, self->dir_bits, key);
}

/* The triples of @parts (GArrays taken: in document order part after part, each freed once
 * read; @n in all) sorted by key, stably (a key's triples keep their order: by document, as
 * they were added), into a new array (cblue_retrieval_bucket_sort_parts()) */
static CblueNgramTriple *
cblue_ngram_sort_triples(GPtrArray *parts, gsize n)
{
	return cblue_retrieval_bucket_sort_parts(parts, n);
}

/* the longest posting list of @self */
static guint32
cblue_ngram_index_longest_list(CblueNgramIndex *self)
{
	guint32 longest = 1;
	for (guint t = 0; t < self->n_terms; t++)
		longest = MAX(longest, self->offsets[t + 1] - self->offsets[t]);
	return longest;
}

/* the postings of @self's term @t whose documents @old_to_new maps (G_MAXUINT32: not
 * reused), numbered as the new documents, into @docs and @codes (room for the term's
 * postings); returns how many */
static guint32
cblue_ngram_index_reused_postings(CblueNgramIndex *self, guint t, const guint32 *old_to_new, guint32 *docs,
				  guint8 *codes)
{
	guint32 n_out = 0;

	for (guint32 b = self->blocks[t]; b < self->blocks[t + 1]; b++) {
		guint32 block_docs[CBLUE_NGRAM_BLOCK];
		guint8 block_codes[CBLUE_NGRAM_BLOCK];
		guint n = cblue_ngram_block_decode(self, b, block_docs, block_codes);
		for (guint i = 0; i < n; i++) {
			guint32 doc = old_to_new[block_docs[i]];
			if (doc != G_MAXUINT32) {
				docs[n_out] = doc;
				codes[n_out++] = block_codes[i];
			}
		}
	}
	return n_out;
}

/* the (key, 1 + ln tf) pairs of the documents of @self that @old_to_new maps, as triples of
 * the new documents, written to @triples (room for every posting of @self) in key order, for
 * an incremental build whose KB changed the order of its topics
 * (cblue_ngram_index_merge_postings() is the other); returns how many */
static gsize
cblue_ngram_index_reuse_pairs(CblueNgramIndex *self, const guint32 *old_to_new, CblueNgramTriple *triples)
{
	guint32 longest = cblue_ngram_index_longest_list(self);
	g_autofree guint32 *docs = g_new(guint32, longest);
	g_autofree guint8 *codes = g_new(guint8, longest);
	gsize n_out = 0;

	for (guint t = 0; t < self->n_terms; t++) {
		guint32 n = cblue_ngram_index_reused_postings(self, t, old_to_new, docs, codes);
		for (guint32 i = 0; i < n; i++)
			triples[n_out++] = (CblueNgramTriple){self->keys[t], docs[i],
							      self->ltf_values[codes[i]] / (gfloat)CBLUE_NGRAM_LTF_SCALE};
	}
	return n_out;
}

/* The postings of an incremental build whose KB kept the order of its topics: the postings
 * of @previous's documents that @old_to_new maps (G_MAXUINT32: not reused), which stay in
 * document order, merged term by term with @analyzed (the triples of the documents analyzed
 * again, sorted by key, then document), into @self's keys and offsets and @docs and @ltfs
 * (room for every posting of both). The same postings as sorting every triple of both, with
 * none of the 16-byte triples written for the reused ones (two arrays of them: 4 GB at
 * 100,000 entries). Returns: how many postings */
static gsize
cblue_ngram_index_merge_postings(CblueNgramIndex *self, CblueNgramIndex *previous, const guint32 *old_to_new,
				 const CblueNgramTriple *analyzed, gsize n_analyzed, guint32 *docs, guint16 *ltfs)
{
	guint16 previous_ltf[256];
	guint32 longest = cblue_ngram_index_longest_list(previous);
	g_autofree guint32 *reused_docs = g_new(guint32, longest);
	g_autofree guint8 *reused_codes = g_new(guint8, longest);
	gsize k = 0, a = 0;
	guint t = 0;

	/* as the triple of a reused posting had it: its code's value, as a float */
	for (guint c = 0; c < 256; c++)
		previous_ltf[c] = cblue_ngram_quantize(previous->ltf_values[c] / (gfloat)CBLUE_NGRAM_LTF_SCALE);
	self->keys = g_new(guint64, (gsize)previous->n_terms + n_analyzed + 1);
	self->offsets = g_new(guint32, (gsize)previous->n_terms + n_analyzed + 1);
	self->n_terms = 0;
	while (t < previous->n_terms || a < n_analyzed) {
		guint64 key = t < previous->n_terms ? previous->keys[t] : G_MAXUINT64;
		gsize start = k;

		if (a < n_analyzed && analyzed[a].key < key)
			key = analyzed[a].key;
		if (t < previous->n_terms && previous->keys[t] == key) {
			guint32 n = cblue_ngram_index_reused_postings(previous, t++, old_to_new, reused_docs, reused_codes);
			for (guint32 i = 0; i < n; i++) {
				/* (the analyzed documents of this key that come first) */
				for (; a < n_analyzed && analyzed[a].key == key && analyzed[a].doc < reused_docs[i]; a++, k++) {
					docs[k] = analyzed[a].doc;
					ltfs[k] = cblue_ngram_quantize(analyzed[a].tf);
				}
				docs[k] = reused_docs[i];
				ltfs[k++] = previous_ltf[reused_codes[i]];
			}
		}
		for (; a < n_analyzed && analyzed[a].key == key; a++, k++) {
			docs[k] = analyzed[a].doc;
			ltfs[k] = cblue_ngram_quantize(analyzed[a].tf);
		}
		/* (a term whose documents were all removed is gone) */
		if (k > start) {
			self->keys[self->n_terms] = key;
			self->offsets[self->n_terms++] = (guint32)start;
		}
	}
	self->offsets[self->n_terms] = (guint32)k;
	return k;
}

/* The postings of triples sorted by key (then document) into @self's keys and offsets and
 * @docs and @ltfs (room for @n_triples) */
static void
cblue_ngram_index_triples_to_postings(CblueNgramIndex *self, const CblueNgramTriple *triples, gsize n_triples,
				      guint32 *docs, guint16 *ltfs)
{
	self->n_terms = 0;
	for (gsize i = 0; i < n_triples; i++) {
		if (i == 0 || triples[i].key != triples[i - 1].key)
			self->n_terms++;
	}
	self->keys = g_new(guint64, MAX(self->n_terms, 1));
	self->offsets = g_new0(guint32, self->n_terms + 1);
	for (gsize i = 0, term = 0; i < n_triples; i++) {
		if (i == 0 || triples[i].key != triples[i - 1].key) {
			self->keys[term] = triples[i].key;
			self->offsets[term++] = (guint32)i;
		}
		docs[i] = triples[i].doc;
		ltfs[i] = cblue_ngram_quantize(triples[i].tf);
	}
	self->offsets[self->n_terms] = (guint32)n_triples;
}

CblueNgramIndex *
cblue_ngram_index_new(CblueKb *kb, CblueTokenizer *tokenizer, const CblueNgramParams *params)
{
	return cblue_ngram_index_build(kb, tokenizer, NULL, params, NULL, 0, NULL);
}

/* see cblue_ngram_index_build(), on the default number of threads */
CblueNgramIndex *
cblue_ngram_index_new_incremental(CblueKb *kb, CblueTokenizer *tokenizer, const CblueNgramParams *params,
				  CblueNgramIndex *previous, guint *n_analyzed)
{
	return cblue_ngram_index_build(kb, tokenizer, NULL, params, previous, 0, n_analyzed);
}

/* The code book of the 1 + ln tf values: every value of @ltfs if there are at most 256
 * (there are a few dozen in practice: the frequencies are small sums of the field weights),
 * else 256 of them spread over their range, each posting taking the nearest */
static void
cblue_ngram_index_build_ltf_values(CblueNgramIndex *self, const guint16 *ltfs, gsize n_postings)
{
	g_autofree guint8 *seen = g_new0(guint8, 65536);
	g_autofree guint16 *values = g_new(guint16, 65536);
	guint n = 0;

	for (gsize i = 0; i < n_postings; i++)
		seen[ltfs[i]] = 1;
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

/* the codes renumbered by how many postings have them, the most first (ties: the smaller
 * value), so that most blocks need only a bit or two a code */
static void
cblue_ngram_index_rank_codes(CblueNgramIndex *self, guint8 *codes, gsize n_postings)
{
	gsize counts[256] = {0};
	guint8 order[256], rank[256];
	guint16 values[256];

	for (gsize k = 0; k < n_postings; k++)
		counts[codes[k]]++;
	for (guint c = 0; c < self->n_ltf_values; c++) {
		guint pos = c;
		/* an insertion sort of at most 256 codes */
		while (pos > 0 && counts[order[pos - 1]] < counts[c]) {
			order[pos] = order[pos - 1];
			pos--;
		}
		order[pos] = (guint8)c;
	}
	for (guint r = 0; r < self->n_ltf_values; r++) {
		rank[order[r]] = (guint8)r;
		values[r] = self->ltf_values[order[r]];
	}
	memcpy(self->ltf_values, values, self->n_ltf_values * sizeof(guint16));
	for (gsize k = 0; k < n_postings; k++)
		codes[k] = rank[codes[k]];
}

static guint
cblue_ngram_bit_width(guint32 v)
{
	return v == 0 ? 0 : 32 - (guint)__builtin_clz(v);
}

/* the blocks of postings from each posting's document and code (in term, then document
 * order): a pass that sizes each block, then one that writes the bits */
static void
cblue_ngram_index_build_blocks(CblueNgramIndex *self, const guint32 *docs, const guint8 *codes)
{
	gsize pos = 0;
	guint32 b = 0;

	self->n_blocks = 0;
	for (guint t = 0; t < self->n_terms; t++)
		self->n_blocks += (self->offsets[t + 1] - self->offsets[t] + CBLUE_NGRAM_BLOCK - 1) / CBLUE_NGRAM_BLOCK;
	self->blocks = g_new(guint32, self->n_terms + 1);
	self->block_docs = g_new(guint32, MAX(self->n_blocks, 1));
	self->block_meta = g_new(guint64, MAX(self->n_blocks, 1));
	for (guint t = 0; t < self->n_terms; t++) {
		self->blocks[t] = b;
		for (guint32 k = self->offsets[t]; k < self->offsets[t + 1]; k += CBLUE_NGRAM_BLOCK, b++) {
			guint32 n = MIN(CBLUE_NGRAM_BLOCK, self->offsets[t + 1] - k);
			guint32 max_gap = 0, max_code = 0;
			guint gap_bits, code_bits;
			for (guint32 i = 0; i < n; i++) {
				max_gap = MAX(max_gap, i == 0 ? 0 : docs[k + i] - docs[k + i - 1]);
				max_code = MAX(max_code, codes[k + i]);
			}
			gap_bits = cblue_ngram_bit_width(max_gap);
			code_bits = cblue_ngram_bit_width(max_code);
			self->block_docs[b] = docs[k];
			self->block_meta[b] = (guint64)pos | (guint64)gap_bits << CBLUE_NGRAM_META_GAP_SHIFT |
					      (guint64)code_bits << CBLUE_NGRAM_META_CODE_SHIFT |
					      (guint64)(n - 1) << CBLUE_NGRAM_META_N_SHIFT;
			pos += ((gsize)n * (gap_bits + code_bits) + 7) / 8;
		}
	}
	self->blocks[self->n_terms] = b;
	self->data_len = pos;
	self->data = g_malloc0(pos + 8);
	for (guint t = 0; t < self->n_terms; t++) {
		for (b = self->blocks[t]; b < self->blocks[t + 1]; b++) {
			guint64 meta = self->block_meta[b];
			guint gap_bits = (meta >> CBLUE_NGRAM_META_GAP_SHIFT) & 63;
			guint width = gap_bits + ((meta >> CBLUE_NGRAM_META_CODE_SHIFT) & 15);
			guint32 k = self->offsets[t] + (b - self->blocks[t]) * CBLUE_NGRAM_BLOCK;
			guint32 n = (guint32)((meta >> CBLUE_NGRAM_META_N_SHIFT) & 127) + 1;
			gsize bit = (meta & ((G_GUINT64_CONSTANT(1) << CBLUE_NGRAM_META_POS_BITS) - 1)) * 8;
			for (guint32 i = 0; i < n; i++, bit += width) {
				guint64 field = (guint64)(i == 0 ? 0 : docs[k + i] - docs[k + i - 1]) |
						(guint64)codes[k + i] << gap_bits;
				guint64 word = cblue_ngram_load64(self->data + (bit >> 3)) | field << (bit & 7);
				word = GUINT64_TO_LE(word);
				memcpy(self->data + (bit >> 3), &word, sizeof(word));
			}
		}
	}
}

/* the blocks of postings, vector lengths and directory from @self's keys and offsets and each
 * posting's document and quantized 1 + ln tf (@docs and @ltfs, @n_postings: freed here) */
static void
cblue_ngram_index_fill(CblueNgramIndex *self, guint32 *docs, guint16 *ltfs, gsize n_postings)
{
	g_autofree gdouble *norms = g_new0(gdouble, MAX(self->n_docs, 1));
	g_autofree guint8 *codes = g_malloc(MAX(n_postings, 1));
	g_autofree guint8 *code_of = g_new(guint8, 65536);

	cblue_ngram_index_build_ltf_values(self, ltfs, n_postings);
	/* the code of each quantized value, looked up once */
	for (guint v = 0; v < 65536; v++)
		code_of[v] = cblue_ngram_index_ltf_code(self, (guint16)v);
	self->idf_unknown = (gfloat)(log((self->n_docs + 1.0) / 1.0) + 1.0);

	for (guint term = 0; term < self->n_terms; term++) {
		gdouble idf = cblue_ngram_idf(self->n_docs, self->offsets[term + 1] - self->offsets[term]);
		for (guint32 k = self->offsets[term]; k < self->offsets[term + 1]; k++) {
			guint8 code = code_of[ltfs[k]];
			gdouble w = self->ltf_values[code] / (gdouble)CBLUE_NGRAM_LTF_SCALE * idf;
			codes[k] = code;
			norms[docs[k]] += w * w;
		}
	}
	g_free(ltfs);
	cblue_ngram_index_rank_codes(self, codes, n_postings);
	cblue_ngram_index_build_blocks(self, docs, codes);
	g_free(docs);
	self->doc_inv_norms = g_new0(gfloat, MAX(self->n_docs, 1));
	for (guint d = 0; d < self->n_docs; d++)
		self->doc_inv_norms[d] = norms[d] > 0 ? (gfloat)(1.0 / sqrt(norms[d])) : 0.0f;
	cblue_ngram_index_build_dir(self);
	cblue_ngram_index_build_bounds(self);
}

/* a build in progress, shared by its threads, which only read it */
typedef struct {
	CblueNgramIndex *self;
	GPtrArray *entries; /* borrowed: the KB's */
	const gboolean *reused; /* n_docs: whether each document is reused */
	GPtrArray *parts; /* owned, of GArray of CblueNgramTriple: each chunk's, in document order */
	gsize n_triples; /* in all the parts */
} CblueNgramBuild;

/* a thread's scratch: a text's n-grams and a document's table */
typedef struct {
	GArray *keys; /* owned, of guint64 */
	CblueNgramDocTable table;
	guint reserve; /* the most triples of a chunk so far: each new chunk's room */
} CblueNgramAnalyzer;

static gpointer
cblue_ngram_analyzer_new(gpointer user_data)
{
	CblueNgramAnalyzer *analyzer = g_new0(CblueNgramAnalyzer, 1);
	analyzer->keys = g_array_new(FALSE, FALSE, sizeof(guint64));
	cblue_ngram_doc_table_init(&analyzer->table, 4096);
	return analyzer;
}

static void
cblue_ngram_analyzer_free(gpointer data)
{
	CblueNgramAnalyzer *analyzer = data;
	g_array_unref(analyzer->keys);
	cblue_ngram_doc_table_clear(&analyzer->table);
	g_free(analyzer);
}

/* the triples of the documents of [@first, @last) that are not reused (on any thread) */
static gpointer
cblue_ngram_analyze_chunk(gpointer data, guint first, guint last, gpointer user_data)
{
	CblueNgramBuild *build = user_data;
	CblueNgramAnalyzer *analyzer = data;
	/* (room for as many as the largest chunk so far: not grown and copied again and again) */
	GArray *triples = g_array_sized_new(FALSE, FALSE, sizeof(CblueNgramTriple), analyzer->reserve);

	for (guint d = first; d < last; d++) {
		if (!build->reused[d])
			cblue_ngram_add_doc(build->self, g_ptr_array_index(build->entries, d), d, &build->self->params,
					    analyzer->keys, &analyzer->table, triples);
	}
	analyzer->reserve = MAX(analyzer->reserve, triples->len);
	return triples;
}

/* takes a chunk's triples, in document order (on the build's thread): kept as they are, and
 * sorted straight from the chunks (no copy into one array) */
static void
cblue_ngram_merge_chunk(gpointer data, guint first, guint last, gpointer user_data)
{
	CblueNgramBuild *build = user_data;
	GArray *triples = data;

	if (triples->len == 0) {
		g_array_unref(triples);
		return;
	}
	build->n_triples += triples->len;
	g_ptr_array_add(build->parts, triples);
}

static const CblueRetrievalChunkFuncs cblue_ngram_build_funcs = {
	cblue_ngram_analyzer_new,
	cblue_ngram_analyzer_free,
	cblue_ngram_analyze_chunk,
	cblue_ngram_merge_chunk,
};

/* what identifies @synonyms (nullable: none) */
static const gchar *
cblue_ngram_synonyms_digest(CblueRetrievalSynonyms *synonyms)
{
	return synonyms != NULL ? cblue_retrieval_synonyms_get_digest(synonyms) : "";
}

/**
 * cblue_ngram_index_build:
 * @synonyms: (nullable): the synonyms applied to the KB's text and to the questions
 * @previous: (nullable): the index of the previous KB, built with the same tokenizer and
 *   synonyms (else it is not used)
 * @n_threads: the threads that analyze the entries (0: as many as the CPUs this thread may
 *   run on and one per 128 entries to analyze, see cblue_retrieval_build_threads())
 * @n_analyzed: (out) (optional): how many entries were analyzed (the others were reused)
 *
 * Builds the index of @kb, analyzing only the entries that are not in @previous with the
 * same text; the result is the same as a full build's. The entries are analyzed on
 * @n_threads threads and their n-grams taken in the KB's order: the index is the same on
 * any number.
 */
CblueNgramIndex *
cblue_ngram_index_build(CblueKb *kb, CblueTokenizer *tokenizer, CblueRetrievalSynonyms *synonyms,
			const CblueNgramParams *params, CblueNgramIndex *previous, guint n_threads, guint *n_analyzed)
{
	GPtrArray *entries = cblue_kb_get_entries(kb);
	CblueNgramIndex *self = g_atomic_rc_box_new0(CblueNgramIndex);
	guint32 *docs;
	guint16 *ltfs;
	gsize n_postings;
	g_auto(CblueRetrievalReuse) reuse = {NULL, NULL, NULL, 0};
	g_autofree gboolean *is_reused = g_new(gboolean, MAX(entries->len, 1));
	CblueNgramBuild build = {.self = self, .entries = entries, .reused = is_reused};
	guint32 *old_to_new;
	guint analyzed = 0;

	self->tokenizer = g_object_ref(tokenizer);
	self->synonyms = synonyms != NULL ? cblue_retrieval_synonyms_ref(synonyms) : NULL;
	self->params = *params;
	self->topic_ids = g_ptr_array_new_with_free_func(g_free);
	self->n_docs = entries->len;
	self->doc_hashes = g_new0(guint64, 2 * (gsize)MAX(self->n_docs, 1));
	if (previous != NULL && (previous->tokenizer != tokenizer ||
				 g_strcmp0(cblue_ngram_synonyms_digest(previous->synonyms),
					   cblue_ngram_synonyms_digest(synonyms)) != 0 ||
				 memcmp(&previous->params, params, sizeof(*params)) != 0))
		previous = NULL;
	cblue_retrieval_reuse_init(&reuse, previous != NULL ? previous->topic_ids : NULL,
				   previous != NULL ? previous->doc_hashes : NULL);
	old_to_new = reuse.old_to_new;
	/* which entries are reused, in order (a topic twice in the KB is analyzed the second
	 * time), then the others analyzed on the threads */
	for (guint d = 0; d < entries->len; d++) {
		is_reused[d] = cblue_retrieval_reuse_entry(&reuse, g_ptr_array_index(entries, d), d, self->doc_hashes,
							self->topic_ids) >= 0;
		if (!is_reused[d])
			analyzed++;
	}
	/* a KB published again unchanged (its other fields edited, a file saved as it was): its
	 * index is the previous one, not a copy made of every posting (3 s at 100,000 entries) */
	if (previous != NULL && analyzed == 0 && cblue_retrieval_reuse_is_unchanged(&reuse, entries->len)) {
		cblue_ngram_index_unref(self);
		if (n_analyzed != NULL)
			*n_analyzed = 0;
		return cblue_ngram_index_ref(previous);
	}
	build.parts = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
	cblue_retrieval_run_chunks(entries->len, cblue_retrieval_build_threads(n_threads, analyzed),
				   &cblue_ngram_build_funcs, &build);
	/* the reused documents' postings straight from the previous index, merged with the
	 * analyzed ones (sorted) when the KB kept the order of its topics; else every pair is
	 * sorted */
	if (previous != NULL && analyzed < self->n_docs && cblue_retrieval_reuse_in_order(&reuse)) {
		g_autofree CblueNgramTriple *analyzed_sorted = cblue_ngram_sort_triples(build.parts, build.n_triples);
		gsize room = cblue_ngram_index_get_n_postings(previous) + build.n_triples;
		g_clear_pointer(&build.parts, g_ptr_array_unref);
		docs = g_malloc(MAX(room, 1) * sizeof(guint32));
		ltfs = g_malloc(MAX(room, 1) * sizeof(guint16));
		n_postings = cblue_ngram_index_merge_postings(self, previous, old_to_new, analyzed_sorted,
							      build.n_triples, docs, ltfs);
	} else {
		g_autofree CblueNgramTriple *triples = NULL;
		if (previous != NULL && analyzed < self->n_docs) {
			/* (rare: the KB's topics in another order) */
			g_autofree CblueNgramTriple *reused =
			    g_malloc(MAX(cblue_ngram_index_get_n_postings(previous), 1) * sizeof(CblueNgramTriple));
			gsize n_reused = cblue_ngram_index_reuse_pairs(previous, old_to_new, reused);
			GArray *all = g_array_sized_new(FALSE, FALSE, sizeof(CblueNgramTriple),
							build.n_triples + n_reused);
			for (guint p = 0; p < build.parts->len; p++) {
				GArray *part = g_ptr_array_index(build.parts, p);
				g_array_append_vals(all, part->data, part->len);
			}
			g_array_append_vals(all, reused, n_reused);
			g_ptr_array_set_size(build.parts, 0);
			g_clear_pointer(&reused, g_free);
			cblue_retrieval_sort_records_by_u32(all->data, all->len, self->n_docs);
			g_ptr_array_add(build.parts, all);
			build.n_triples = all->len;
		}
		n_postings = build.n_triples;
		triples = cblue_ngram_sort_triples(build.parts, n_postings);
		g_clear_pointer(&build.parts, g_ptr_array_unref);
		docs = g_malloc(MAX(n_postings, 1) * sizeof(guint32));
		ltfs = g_malloc(MAX(n_postings, 1) * sizeof(guint16));
		cblue_ngram_index_triples_to_postings(self, triples, n_postings, docs, ltfs);
	}
	cblue_ngram_index_fill(self, docs, ltfs, n_postings);
	cblue_retrieval_release_memory();
	if (n_analyzed != NULL)
		*n_analyzed = analyzed;
	return self;
}

static void
cblue_ngram_index_clear(gpointer data)
{
	CblueNgramIndex *self = data;
	g_object_unref(self->tokenizer);
	g_clear_pointer(&self->synonyms, cblue_retrieval_synonyms_unref);
	g_ptr_array_unref(self->topic_ids);
	g_free(self->doc_hashes);
	g_free(self->doc_inv_norms);
	g_free(self->keys);
	g_free(self->offsets);
	g_free(self->dir);
	g_free(self->blocks);
	g_free(self->block_docs);
	g_free(self->block_meta);
	g_free(self->data);
	g_free(self->long_terms);
	g_free(self->long_bounds);
	g_free(self->long_ltf_max);
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
	       (gsize)index->n_terms * sizeof(guint32) + sizeof(guint32) +
	       (gsize)index->n_blocks * (sizeof(guint32) + sizeof(guint64)) + index->data_len + 8 +
	       (gsize)index->n_docs * (2 * sizeof(guint64) + sizeof(gfloat)) +
	       (gsize)index->n_long * (sizeof(guint32) + sizeof(gfloat) + sizeof(guint16));
}

/* A search's working memory, kept per thread between searches and sized to the largest
 * index searched: allocating and clearing arrays of the KB's size for every question cost
 * more than the search at 100,000 topics. Only the entries a search touched are cleared. */
/* a document's sums in a search, side by side: a posting updates both, so that it touches one
 * cache line (the sums of 100,000 topics do not fit in a core's L2 cache) */
typedef struct {
	gdouble acc; /* the sum of qwi × ltf (before 1/length) */
	gdouble cover; /* the sum of qw */
} CblueNgramSums;

/* the most documents whose scores are completed to seed a search's threshold (max_hits of
 * them; with more hits asked for, no seeds) */
#define CBLUE_NGRAM_SEEDS 16

typedef struct {
	gsize capacity;
	CblueNgramSums *sums; /* capacity */
	guint8 *mark; /* capacity: 1 touched, 2 a candidate, 3 a seed (its sums complete) */
	guint32 *touched; /* capacity */
	/* a question's n-gram keys and distinct n-grams, reused so that a search does not
	 * grow two arrays from nothing (dropped after more than CBLUE_NGRAM_SCRATCH_KEYS_KEPT
	 * keys; their length is the last search's) */
	GArray *keys;
	GArray *qterms;
	guint32 *seed_blocks; /* seed_blocks_len: where the seeds of a threshold are, by list */
	gsize seed_blocks_len;
	/* the seeds of the threshold (mark 3) and their complete sums from the list where they
	 * were seeded on: once the scan stops, they are read in no list */
	guint n_seeds;
	guint32 seeds[CBLUE_NGRAM_SEEDS];
	CblueNgramSums seed_sums[CBLUE_NGRAM_SEEDS];
} CblueNgramScratch;

#define CBLUE_NGRAM_SCRATCH_KEYS_KEPT 1024

/* a pass over the candidates (a load of each one's sums and length, scattered over arrays
 * of the KB's size) costs what reading several postings does: it is made once the lists
 * read since the last one have this many times as many postings as there are candidates
 * (at 100,000 topics, one after every list took a fifth of an English search, and 1 → 4
 * took 44,000 → 21,000 candidates' loads a search for a few hundred more hits read) */
#define CBLUE_NGRAM_DROP_EVERY 4

static void
cblue_ngram_scratch_free(gpointer data)
{
	CblueNgramScratch *scratch = data;
	if (scratch == NULL)
		return;
	g_free(scratch->sums);
	g_free(scratch->mark);
	g_free(scratch->touched);
	g_free(scratch->seed_blocks);
	g_clear_pointer(&scratch->keys, g_array_unref);
	g_clear_pointer(&scratch->qterms, g_array_unref);
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
	scratch->sums = g_new0(CblueNgramSums, scratch->capacity);
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
	gdouble ltf_bound; /* of its contribution to a document's sum (before 1/length) */
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

/* Sorts a question's terms in cblue_ngram_query_term_compare() order: in place by insertion
 * for a few dozen terms, else as (df, term) keys with retrieval-common's sort of 64-bit
 * keyed pairs; g_array_sort()'s merge sort called memcpy() for each move and cost 11k
 * instructions a question. The terms are distinct (one per key found in the index), so the
 * order is the same whatever the sort. */
#define CBLUE_NGRAM_INSERTION_SORT_MAX 32
/* the terms of a question up to this many are sorted without allocating */
#define CBLUE_NGRAM_SORT_ON_STACK 128

static void
cblue_ngram_sort_query_terms(GArray *qterms)
{
	CblueNgramQueryTerm *q = (CblueNgramQueryTerm *)qterms->data;
	guint64 pairs_on_stack[2 * CBLUE_NGRAM_SORT_ON_STACK];
	CblueNgramQueryTerm copy_on_stack[CBLUE_NGRAM_SORT_ON_STACK];
	g_autofree guint64 *pairs_on_heap = NULL;
	g_autofree CblueNgramQueryTerm *copy_on_heap = NULL;
	guint64 *pairs = pairs_on_stack;
	CblueNgramQueryTerm *copy = copy_on_stack;

	if (qterms->len <= CBLUE_NGRAM_INSERTION_SORT_MAX) {
		for (guint i = 1; i < qterms->len; i++) {
			CblueNgramQueryTerm term = q[i];
			guint j = i;
			for (; j > 0 && cblue_ngram_query_term_compare(&q[j - 1], &term) > 0; j--)
				q[j] = q[j - 1];
			q[j] = term;
		}
		return;
	}
	/* a term is an index below 2^32 (terms are counted in a guint) */
	if (qterms->len > CBLUE_NGRAM_SORT_ON_STACK) {
		pairs = pairs_on_heap = g_new(guint64, 2 * (gsize)qterms->len);
		copy = copy_on_heap = g_new(CblueNgramQueryTerm, qterms->len);
	}
	for (guint i = 0; i < qterms->len; i++) {
		pairs[2 * i] = (guint64)q[i].df << 32 | (guint64)(guint32)q[i].term;
		pairs[2 * i + 1] = i;
	}
	cblue_retrieval_sort_records(pairs, qterms->len, 2 * sizeof(guint64));
	memcpy(copy, q, qterms->len * sizeof(CblueNgramQueryTerm));
	for (guint i = 0; i < qterms->len; i++)
		q[i] = copy[pairs[2 * i + 1]];
}

/* whether document @a with @sa ranks before document @b with @sb: the higher score, then
 * the earlier topic (as a scan in topic order keeps them) */
static inline gboolean
cblue_ngram_ranks_before(gdouble sa, guint32 a, gdouble sb, guint32 b)
{
	return sa > sb || (sa == sb && a < b);
}

/* keeps the @k best (document, score) pairs in @docs and @scores, the best first (ties: the
 * earlier topic), @n of them so far: @d with @score goes in if it ranks before the last */
static inline void
cblue_ngram_top_insert(guint32 *docs, gdouble *scores, guint *n, guint k, guint32 d, gdouble score)
{
	guint pos;
	if (k == 0 || (*n == k && !cblue_ngram_ranks_before(score, d, scores[*n - 1], docs[*n - 1])))
		return;
	pos = *n < k ? (*n)++ : *n - 1;
	while (pos > 0 && cblue_ngram_ranks_before(score, d, scores[pos - 1], docs[pos - 1])) {
		docs[pos] = docs[pos - 1];
		scores[pos] = scores[pos - 1];
		pos--;
	}
	docs[pos] = d;
	scores[pos] = score;
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
		gdouble v = scratch->sums[d].acc * self->doc_inv_norms[d];
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

/* what a posting of @q adds to a sum, by code (the same products whichever way a list is
 * read, so that a search that stopped early gives the same sums); made for a list with at
 * least as many postings as there are codes, else each product is made as it is added */
static void
cblue_ngram_contributions(CblueNgramIndex *self, const CblueNgramQueryTerm *q, gdouble *add)
{
	for (guint c = 0; c < self->n_ltf_values; c++)
		add[c] = q->qwi * self->ltf_values[c];
}

/* what a posting of @q with @code adds: from @add (cblue_ngram_contributions()) or made */
static inline gdouble
cblue_ngram_product(const CblueNgramIndex *self, const CblueNgramQueryTerm *q, const gdouble *add, guint code)
{
	return add != NULL ? add[code] : q->qwi * self->ltf_values[code];
}

static gint
cblue_ngram_compare_u32(gconstpointer a, gconstpointer b)
{
	guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;
	return x < y ? -1 : x > y;
}

/* The last block of [@lo, @last) that begins at or before @d, given that @lo does: a guess
 * from where @d falls between the first documents of the list's second and last blocks (a
 * list's documents are spread over the KB), then a search galloping from the guess. A few
 * reads of nearby block starts instead of a binary search over the list's, each of which
 * misses the cache at 100,000 topics. */
static inline guint32
cblue_ngram_find_block(const guint32 *block_docs, guint32 lo, guint32 last, guint32 d)
{
	guint32 hi_doc = block_docs[last - 1], guess, step, below, above;

	if (lo + 1 >= last || block_docs[lo + 1] > d)
		return lo;
	if (hi_doc <= d)
		return last - 1;
	/* block_docs[lo + 1] <= d < hi_doc: the block is in [lo + 1, last - 2] */
	lo++;
	guess = lo + (guint32)((guint64)(d - block_docs[lo]) * (last - 1 - lo) / (hi_doc - block_docs[lo]));
	if (block_docs[guess] <= d) {
		below = guess;
		for (step = 1; guess + step < last - 1 && block_docs[guess + step] <= d; step *= 2)
			below = guess + step;
		above = MIN(guess + step, last - 1);
	} else {
		/* (guess > lo, since block_docs[lo] <= d) */
		above = guess;
		for (step = 1; step < guess - lo && block_docs[guess - step] > d; step *= 2)
			above = guess - step;
		below = step < guess - lo ? guess - step : lo;
	}
	/* block_docs[below] <= d < block_docs[above] */
	return cblue_retrieval_lower_bound_u32(block_docs, below + 1, above, d + 1) - 1;
}

/* adds @q's postings of the candidates, in document order, to their sums (@add: the products
 * by code, or %NULL to make each as it is added): the list is read
 * forward, the blocks without a candidate skipped (a binary search of the blocks' first
 * documents from the current block on), a block read on from where the previous candidate
 * was found */
static void
cblue_ngram_look_up_candidates(CblueNgramIndex *self, CblueNgramScratch *scratch, gsize n_candidates,
			       const CblueNgramQueryTerm *q, const gdouble *add)
{
	CblueNgramSums *sums = scratch->sums;
	const guint32 *candidates = scratch->touched;
	guint32 b = self->blocks[q->term], last = self->blocks[q->term + 1];
	CblueNgramBlockReader rd;
	guint n_read = 0, code = 0;
	guint32 doc = 0;
	gboolean open = FALSE;

	for (gsize c = 0; c < n_candidates; c++) {
		guint32 d = candidates[c];
		/* (before the list's first document) */
		if (self->block_docs[b] > d)
			continue;
		if (b + 1 < last && self->block_docs[b + 1] <= d) {
			/* the last block that begins at or before d */
			b = cblue_ngram_find_block(self->block_docs, b, last, d);
			open = FALSE;
		}
		if (!open) {
			cblue_ngram_block_begin(self, b, &rd);
			n_read = 0;
			open = TRUE;
		}
		while (n_read < rd.n && (n_read == 0 || doc < d)) {
			doc = cblue_ngram_block_next(&rd, &code);
			n_read++;
		}
		if (n_read > 0 && doc == d) {
			sums[d].acc += cblue_ngram_product(self, q, add, code);
			sums[d].cover += q->qw;
		}
	}
}

/* @q's contribution to the score of document @d (before 1/length) if @d is in block @b of its
 * list, else 0 (a posting adds more: an IDF and 1 + ln tf are at least 1): the block's fields
 * (a gap and a code each, of fixed widths) read up to @d */
static inline gdouble
cblue_ngram_block_contribution(const CblueNgramIndex *self, guint32 b, guint32 d, const CblueNgramQueryTerm *q)
{
	guint64 meta = self->block_meta[b];
	guint gap_bits = (meta >> CBLUE_NGRAM_META_GAP_SHIFT) & 63;
	guint width = gap_bits + ((meta >> CBLUE_NGRAM_META_CODE_SHIFT) & 15);
	guint n_left = (guint)((meta >> CBLUE_NGRAM_META_N_SHIFT) & 127) + 1;
	guint64 mask = (G_GUINT64_CONSTANT(1) << width) - 1;
	guint64 gap_mask = (G_GUINT64_CONSTANT(1) << gap_bits) - 1;
	gsize bit = (meta & ((G_GUINT64_CONSTANT(1) << CBLUE_NGRAM_META_POS_BITS) - 1)) * 8;
	guint32 doc = self->block_docs[b];
	guint64 v;

	for (;;) {
		v = (cblue_ngram_load64(self->data + (bit >> 3)) >> (bit & 7)) & mask;
		doc += (guint32)(v & gap_mask);
		if (doc >= d || --n_left == 0)
			break;
		bit += width;
	}
	/* the same product as cblue_ngram_contributions() */
	return doc == d ? q->qwi * self->ltf_values[v >> gap_bits] : 0;
}

/* A lower bound of the @k-th best score, before the first long list: the complete scores of
 * the @k touched documents with the best sums so far (those of the rarer n-grams: most often
 * the top hits), their sums completed by looking each up in the lists left (@qterms from
 * @next on). Any @k documents' complete scores bound the @k-th best from below, so the
 * search stays exact; with a higher threshold sooner the scan stops sooner and fewer
 * documents stay candidates (at 100,000 topics, a third fewer postings scanned, a fifth
 * fewer candidates). The lookups are made in stages over every (list, seed) pair, so that
 * the loads that miss the cache in one stage (block starts, meta words, bits) are in flight
 * together. */
static gdouble
cblue_ngram_seed_threshold(CblueNgramIndex *self, CblueNgramScratch *scratch, gsize n_touched,
			   const CblueNgramQueryTerm *qterms, guint next, guint n_qterms, guint k)
{
	guint32 seeds[CBLUE_NGRAM_SEEDS], *blocks;
	gdouble best[CBLUE_NGRAM_SEEDS], acc[CBLUE_NGRAM_SEEDS], cover[CBLUE_NGRAM_SEEDS];
	gsize n_pairs = (gsize)(n_qterms - next) * k;
	gdouble threshold = G_MAXDOUBLE;
	guint n = 0;

	if (k == 0 || k > CBLUE_NGRAM_SEEDS || n_touched < k)
		return 0;
	/* the k best sums so far */
	for (gsize i = 0; i < n_touched; i++) {
		guint32 d = scratch->touched[i];
		cblue_ngram_top_insert(seeds, best, &n, k, d, scratch->sums[d].acc * self->doc_inv_norms[d]);
	}
	for (guint j = 0; j < n; j++) {
		acc[j] = scratch->sums[seeds[j]].acc;
		cover[j] = scratch->sums[seeds[j]].cover;
	}
	if (scratch->seed_blocks_len < n_pairs) {
		g_free(scratch->seed_blocks);
		scratch->seed_blocks_len = MAX(n_pairs, 1024);
		scratch->seed_blocks = g_new(guint32, scratch->seed_blocks_len);
	}
	blocks = scratch->seed_blocks;
	for (guint t = next; t < n_qterms; t++) {
		guint32 first = self->blocks[qterms[t].term], last = self->blocks[qterms[t].term + 1];
		__builtin_prefetch(&self->block_docs[first]);
		__builtin_prefetch(&self->block_docs[last - 1]);
	}
	for (guint t = next, i = 0; t < n_qterms; t++) {
		guint32 first = self->blocks[qterms[t].term], last = self->blocks[qterms[t].term + 1];
		for (guint j = 0; j < n; j++, i++) {
			blocks[i] = self->block_docs[first] > seeds[j]
					? G_MAXUINT32
					: cblue_ngram_find_block(self->block_docs, first, last, seeds[j]);
			if (blocks[i] != G_MAXUINT32)
				__builtin_prefetch(&self->block_meta[blocks[i]]);
		}
	}
	for (gsize i = 0; i < n_pairs; i++) {
		if (blocks[i] != G_MAXUINT32)
			__builtin_prefetch(self->data + (self->block_meta[blocks[i]] &
							 ((G_GUINT64_CONSTANT(1) << CBLUE_NGRAM_META_POS_BITS) - 1)));
	}
	/* in the question's order, as for every document (the same sums as the lists' reads) */
	for (guint t = next, i = 0; t < n_qterms; t++) {
		for (guint j = 0; j < n; j++, i++) {
			gdouble add;
			if (blocks[i] == G_MAXUINT32)
				continue;
			add = cblue_ngram_block_contribution(self, blocks[i], seeds[j], &qterms[t]);
			if (add > 0) {
				acc[j] += add;
				cover[j] += qterms[t].qw;
			}
		}
	}
	/* the seeds' sums once every list is read: the lists left after the scan stops need not
	 * be read for them */
	scratch->n_seeds = n;
	for (guint j = 0; j < n; j++) {
		threshold = MIN(threshold, acc[j] * self->doc_inv_norms[seeds[j]]);
		scratch->seeds[j] = seeds[j];
		scratch->seed_sums[j] = (CblueNgramSums){acc[j], cover[j]};
		scratch->mark[seeds[j]] = 3;
	}
	return threshold;
}

/* adds @q's postings of the candidates (mark 2): a scan of a list that is not much longer
 * than the candidates, else a lookup of each in document order (@sorted: whether the
 * candidates are, else they are sorted first; dropping candidates keeps the order) */
static void
cblue_ngram_add_to_candidates(CblueNgramIndex *self, CblueNgramScratch *scratch, gsize n_candidates,
			      const CblueNgramQueryTerm *q, gboolean *sorted)
{
	CblueNgramSums *sums = scratch->sums;
	const guint8 *mark = scratch->mark;
	gdouble table[256];
	const gdouble *add = NULL;

	/* at most a product per candidate: a table of them only for more candidates than codes */
	if (n_candidates >= self->n_ltf_values) {
		cblue_ngram_contributions(self, q, table);
		add = table;
	}
	if (q->df <= 64 * n_candidates) {
		for (guint32 b = self->blocks[q->term]; b < self->blocks[q->term + 1]; b++) {
			/* the block's candidates first, without a branch per posting (a few
			 * percent of a common list's postings are candidates) */
			guint32 hit_docs[CBLUE_NGRAM_BLOCK];
			guint8 hit_codes[CBLUE_NGRAM_BLOCK];
			guint n_hits = 0;
			CBLUE_NGRAM_BLOCK_FOREACH(self, b, {
				hit_docs[n_hits] = doc;
				hit_codes[n_hits] = (guint8)code;
				n_hits += mark[doc] == 2;
			});
			for (guint i = 0; i < n_hits; i++) {
				guint32 d = hit_docs[i];
				sums[d].acc += cblue_ngram_product(self, q, add, hit_codes[i]);
				sums[d].cover += q->qw;
			}
		}
		return;
	}
	if (!*sorted) {
		qsort(scratch->touched, n_candidates, sizeof(guint32), cblue_ngram_compare_u32);
		*sorted = TRUE;
	}
	cblue_ngram_look_up_candidates(self, scratch, n_candidates, q, add);
}

/* adds every posting of @q's list to the sums, marking the documents touched first; returns
 * how many are touched now (the pointers are copied to locals: without strict aliasing, a
 * store to a sum would make the compiler load them again for each posting); @add: the
 * products by code, or %NULL to make each where it is added (inlined for either, so that
 * the loop does not test it for each posting) */
static G_ALWAYS_INLINE inline gsize
cblue_ngram_scan_list(CblueNgramIndex *self, CblueNgramScratch *scratch, gsize n_touched, const CblueNgramQueryTerm *q,
		      const gdouble *add)
{
	CblueNgramSums *sums = scratch->sums;
	guint8 *mark = scratch->mark;
	guint32 *touched = scratch->touched;
	const gdouble qw = q->qw, qwi = q->qwi;
	const guint16 *ltf_values = self->ltf_values;

	for (guint32 b = self->blocks[q->term]; b < self->blocks[q->term + 1]; b++) {
		CBLUE_NGRAM_BLOCK_FOREACH(self, b, {
			if (mark[doc] == 0) {
				mark[doc] = 1;
				touched[n_touched++] = doc;
			}
			sums[doc].acc += add != NULL ? add[code] : qwi * ltf_values[code];
			sums[doc].cover += qw;
		});
	}
	return n_touched;
}

/* cblue_ngram_scan_list() with the products by code for a list at least as long as there
 * are codes, else each made where it is added */
static gsize
cblue_ngram_scan(CblueNgramIndex *self, CblueNgramScratch *scratch, gsize n_touched, const CblueNgramQueryTerm *q)
{
	gdouble table[256];

	if (q->df < self->n_ltf_values)
		return cblue_ngram_scan_list(self, scratch, n_touched, q, NULL);
	cblue_ngram_contributions(self, q, table);
	return cblue_ngram_scan_list(self, scratch, n_touched, q, table);
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
 * The threshold starts from the complete scores of the best documents at the first long
 * list (cblue_ngram_seed_threshold()), so that the scan stops sooner; those documents' sums
 * are then complete, and the remaining lists are not searched for them. A candidate's bound
 * is the smaller of the lists' bounds and, its length known, the bounds of their largest
 * 1 + ln tf.
 * Sums are in double precision, always in the same order (by document frequency, then
 * n-gram), so a search gives the same scores whether or not it stopped early.
 *
 * @prune FALSE: every posting is read (for tests) */
GPtrArray *
cblue_ngram_index_search_full(CblueNgramIndex *self, const gchar *text, guint max_hits, gboolean prune)
{
	GPtrArray *hits = g_ptr_array_new_full(MIN(max_hits, 64), g_object_unref);
	cblue_ngram_index_search_each(self, text, max_hits, prune, cblue_retrieval_add_hit, hits);
	return hits;
}

static void cblue_ngram_index_search_common(CblueNgramIndex *self, const gchar *text, guint max_hits,
					    gboolean prune, guint32 common_df, CblueRetrieverHitFunc func,
					    gpointer user_data);

/* cblue_ngram_index_search_full() handing each hit, best first, to @func instead of
 * allocating it (cblue-retriever-private.h) */
void
cblue_ngram_index_search_each(CblueNgramIndex *self, const gchar *text, guint max_hits, gboolean prune,
			      CblueRetrieverHitFunc func, gpointer user_data)
{
	cblue_ngram_index_search_common(self, text, max_hits, prune, 0, func, user_data);
}

/* The approximate search: the n-grams found in @common_df topics or more (0: none, the
 * exact search; at least CBLUE_NGRAM_LONG_DF, whose lists have a bound) are common. Their
 * lists do not add topics: once the rarer n-grams of the question reached max_hits topics
 * or more, the scan stops at the first common n-gram and the common lists only score the
 * topics it reached that can still make the top hits (the hits are then the best of the
 * topics that have a rarer n-gram, with their exact scores and confidences); a question with
 * fewer reaches reads its rarest common n-grams whole until it has as many. See
 * cblue_retrieval_holder_get_common_df(). */
void
cblue_ngram_index_search_approx_each(CblueNgramIndex *self, const gchar *text, guint max_hits, guint32 common_df,
				     CblueRetrieverHitFunc func, gpointer user_data)
{
	cblue_ngram_index_search_common(self, text, max_hits, TRUE, common_df, func, user_data);
}

/* cblue_ngram_index_search_approx_each() into an array (for tests and benchmarks) */
GPtrArray *
cblue_ngram_index_search_approx(CblueNgramIndex *self, const gchar *text, guint max_hits, guint32 common_df)
{
	GPtrArray *hits = g_ptr_array_new_full(MIN(max_hits, 64), g_object_unref);
	cblue_ngram_index_search_approx_each(self, text, max_hits, common_df, cblue_retrieval_add_hit, hits);
	return hits;
}

/* the number of topics indexed */
guint
cblue_ngram_index_get_n_docs(CblueNgramIndex *self)
{
	return self->n_docs;
}

/* whether document @d with @sums can still reach @threshold: the lists left add at most
 * @rest to any document's score, and at most @rest_ltf to its sum before 1/length */
static inline gboolean
cblue_ngram_can_reach(const CblueNgramIndex *self, const CblueNgramSums *sums, guint32 d, gdouble rest,
		      gdouble rest_ltf, gdouble threshold)
{
	gdouble inv = self->doc_inv_norms[d];
	return sums->acc * inv + MIN(rest, rest_ltf * inv) >= threshold * (1.0 - 1e-6);
}

static void
cblue_ngram_index_search_common(CblueNgramIndex *self, const gchar *text, guint max_hits, gboolean prune,
				guint32 common_df, CblueRetrieverHitFunc func, gpointer user_data)
{
	CblueNgramScratch *scratch = cblue_ngram_scratch_get(self->n_docs);
	GArray *keys, *qterms;
	guint32 best_on_stack[16];
	gdouble heap_on_stack[16], scores_on_stack[16];
	g_autofree guint32 *best_on_heap = NULL;
	g_autofree gdouble *heap_on_heap = NULL, *scores_on_heap = NULL;
	guint32 top_on_stack[16];
	gdouble top_scores_on_stack[16];
	g_autofree guint32 *top_on_heap = NULL;
	g_autofree gdouble *top_scores_on_heap = NULL;
	guint32 *top = top_on_stack;
	gdouble *top_scores = top_scores_on_stack;
	guint n_top = 0;
	guint32 *best = best_on_stack;
	gdouble *heap = heap_on_stack, *scores = scores_on_stack;
	gdouble qnorm = 0, total = 0, rest = 0, rest_ltf = 0, threshold = 0, checked = 0;
	gsize n_touched = 0, n_candidates = 0, read_since = 0;
	guint n_best = 0, next = 0, n_qterms = 0;
	gboolean sorted = FALSE, seeded = FALSE;
	const CblueNgramQueryTerm *qterms_data;

	/* a long question's arrays are not kept by every thread that ever saw one */
	if (scratch->keys != NULL && scratch->keys->len > CBLUE_NGRAM_SCRATCH_KEYS_KEPT) {
		g_clear_pointer(&scratch->keys, g_array_unref);
		g_clear_pointer(&scratch->qterms, g_array_unref);
	}
	if (scratch->keys == NULL) {
		scratch->keys = g_array_new(FALSE, FALSE, sizeof(guint64));
		scratch->qterms = g_array_new(FALSE, FALSE, sizeof(CblueNgramQueryTerm));
	}
	keys = scratch->keys;
	qterms = scratch->qterms;
	scratch->n_seeds = 0;
	g_array_set_size(keys, 0);
	g_array_set_size(qterms, 0);
	if (max_hits > G_N_ELEMENTS(best_on_stack)) {
		best = best_on_heap = g_new(guint32, max_hits);
		heap = heap_on_heap = g_new(gdouble, max_hits);
		scores = scores_on_heap = g_new(gdouble, max_hits);
		top = top_on_heap = g_new(guint32, max_hits);
		top_scores = top_scores_on_heap = g_new(gdouble, max_hits);
	}
	cblue_ngram_extract(self->tokenizer, self->synonyms, text, keys);
	cblue_retrieval_sort_records(keys->data, keys->len, sizeof(guint64));
	/* at most a query term per key: sized once, cut to the terms found after */
	g_array_set_size(qterms, keys->len);
	for (guint i = 0; i < keys->len;) {
		guint64 key = g_array_index(keys, guint64, i);
		guint j = i + 1;
		CblueNgramQueryTerm q = {-1, 0, 0, 0, -1, 0};
		guint16 ltf_max = 0;
		gdouble idf;

		while (j < keys->len && g_array_index(keys, guint64, j) == key)
			j++;
		q.term = cblue_ngram_index_lookup(self, key);
		q.df = q.term >= 0 ? self->offsets[q.term + 1] - self->offsets[q.term] : 0;
		idf = q.term >= 0 ? cblue_ngram_index_idf(self, q.df) : self->idf_unknown;
		q.qw = (j - i == 1 ? 1.0 : 1.0 + log(j - i)) * idf;
		q.qwi = q.qw * idf / CBLUE_NGRAM_LTF_SCALE;
		qnorm += q.qw * q.qw;
		total += q.qw;
		i = j;
		if (q.term < 0)
			continue;
		/* (only long lists have a bound: no search of the side table for the others) */
		q.bound = q.df >= CBLUE_NGRAM_LONG_DF ? cblue_ngram_index_bound(self, (guint32)q.term, &ltf_max) : -1.0;
		if (q.bound >= 0) {
			q.bound *= q.qwi;
			rest += q.bound;
			q.ltf_bound = q.qwi * ltf_max;
			rest_ltf += q.ltf_bound;
		}
		g_array_index(qterms, CblueNgramQueryTerm, n_qterms++) = q;
	}
	g_array_set_size(qterms, n_qterms);
	if (qnorm <= 0)
		return;
	if (!prune)
		common_df = 0;
	else if (common_df > 0)
		common_df = MAX(common_df, CBLUE_NGRAM_LONG_DF);
	qnorm = sqrt(qnorm);
	cblue_ngram_sort_query_terms(qterms);
	qterms_data = (const CblueNgramQueryTerm *)qterms->data;

	for (; next < qterms->len; next++) {
		const CblueNgramQueryTerm *q = &g_array_index(qterms, CblueNgramQueryTerm, next);
		if (q->bound >= 0 && prune) {
			/* the threshold only grows: it is computed again (a pass over the touched
			 * documents) when the rest came near the last one, and not more often than
			 * the postings read since pay for (twice the touched documents: the passes
			 * took a sixth of the search after half of them) */
			if (checked == 0 || (rest < 2 * checked && read_since >= 2 * n_touched)) {
				gdouble kth = cblue_ngram_threshold(self, scratch, n_touched, max_hits, heap);
				/* once, with the touched documents' best sums as seeds */
				if (!seeded && n_touched >= max_hits) {
					gdouble seed = cblue_ngram_seed_threshold(self, scratch, n_touched, qterms_data,
										  next, qterms->len, max_hits);
					kth = MAX(kth, seed);
					seeded = TRUE;
				}
				checked = threshold = MAX(threshold, kth);
				read_since = 0;
			}
			/* a margin for rounding */
			if (threshold > 0 && rest < threshold * (1.0 - 1e-6))
				break;
			/* approximate: a common n-gram's list adds no topic once the rarer reached
			 * max_hits (the threshold was computed at the first long list) */
			if (common_df > 0 && q->df >= common_df && n_touched >= max_hits) {
				threshold =
				    MAX(threshold, cblue_ngram_threshold(self, scratch, n_touched, max_hits, heap));
				break;
			}
			rest -= q->bound;
			rest_ltf -= q->ltf_bound;
		}
		read_since += q->df;
		n_touched = cblue_ngram_scan(self, scratch, n_touched, q);
	}
	/* the seeds' sums are complete: they are no candidates of the lists left */
	for (guint j = 0; j < scratch->n_seeds; j++)
		scratch->sums[scratch->seeds[j]] = scratch->seed_sums[j];
	/* the candidates: every touched document, or those that can still reach the threshold
	 * (and the best of them and the seeds, whose scores bound the threshold of the first
	 * pass over them below) */
	for (guint j = 0; j < scratch->n_seeds; j++) {
		guint32 d = scratch->seeds[j];
		cblue_ngram_top_insert(top, top_scores, &n_top, max_hits, d,
				       scratch->sums[d].acc * self->doc_inv_norms[d]);
	}
	for (gsize i = 0; i < n_touched; i++) {
		guint32 d = scratch->touched[i];
		if (scratch->mark[d] == 3)
			continue;
		if (next == qterms->len ||
		    cblue_ngram_can_reach(self, &scratch->sums[d], d, rest, rest_ltf, threshold)) {
			scratch->mark[d] = 2;
			scratch->touched[n_candidates++] = d;
			cblue_ngram_top_insert(top, top_scores, &n_top, max_hits, d,
					       scratch->sums[d].acc * self->doc_inv_norms[d]);
		} else {
			scratch->mark[d] = 0;
			scratch->sums[d] = (CblueNgramSums){0, 0};
		}
	}
	/* the remaining lists, for the candidates; the candidates that can no longer reach the
	 * threshold are dropped, so that the longest lists are searched for few: after a list,
	 * once the postings of the lists since the last time outnumber the candidates
	 * CBLUE_NGRAM_DROP_EVERY times */
	read_since = 0;
	for (; next < qterms->len && n_candidates > 0; next++) {
		const CblueNgramQueryTerm *q = &g_array_index(qterms, CblueNgramQueryTerm, next);
		gsize kept = 0;
		cblue_ngram_add_to_candidates(self, scratch, n_candidates, q, &sorted);
		rest -= q->bound;
		rest_ltf -= q->ltf_bound;
		read_since += q->df;
		if (read_since < CBLUE_NGRAM_DROP_EVERY * n_candidates && next + 1 < qterms->len)
			continue;
		read_since = 0;
		/* one pass: the documents that were the best max_hits at the last pass bound the
		 * max_hits-th best score from below (their scores only grew), the others are
		 * dropped against it, and the best of those kept are the next pass's */
		if (n_top == max_hits && n_top > 0) {
			gdouble low = G_MAXDOUBLE;
			for (guint j = 0; j < n_top; j++)
				low = MIN(low, scratch->sums[top[j]].acc * self->doc_inv_norms[top[j]]);
			threshold = MAX(threshold, low);
		}
		n_top = 0;
		/* without a branch on whether a candidate is kept (half of them may be dropped
		 * in a pass, at random) */
		for (gsize c = 0; c < n_candidates; c++) {
			guint32 d = scratch->touched[c];
			CblueNgramSums *sum = &scratch->sums[d];
			gdouble score = sum->acc * self->doc_inv_norms[d];
			gboolean keep = cblue_ngram_can_reach(self, sum, d, rest, rest_ltf, threshold);
			scratch->touched[kept] = d;
			kept += keep;
			scratch->mark[d] = keep ? 2 : 0;
			sum->acc = keep ? sum->acc : 0;
			sum->cover = keep ? sum->cover : 0;
			if (keep)
				cblue_ngram_top_insert(top, top_scores, &n_top, max_hits, d, score);
		}
		for (guint j = 0; j < scratch->n_seeds; j++) {
			guint32 d = scratch->seeds[j];
			cblue_ngram_top_insert(top, top_scores, &n_top, max_hits, d,
					       scratch->sums[d].acc * self->doc_inv_norms[d]);
		}
		if (n_top == max_hits && n_top > 0)
			threshold = MAX(threshold, top_scores[n_top - 1]);
		n_candidates = kept;
	}

	/* the best max_hits documents (ties: topic order), of the candidates and the seeds */
	for (guint j = 0; j < scratch->n_seeds; j++)
		scratch->touched[n_candidates + j] = scratch->seeds[j];
	n_candidates += scratch->n_seeds;
	for (gsize c = 0; c < n_candidates && max_hits > 0; c++) {
		guint32 d = scratch->touched[c];
		gdouble score = scratch->sums[d].acc * self->doc_inv_norms[d];
		if (score > 0)
			cblue_ngram_top_insert(best, scores, &n_best, max_hits, d, score);
	}
	for (guint i = 0; i < n_best; i++) {
		guint32 d = best[i];
		func(g_ptr_array_index(self->topic_ids, d), scores[i] / qnorm, scratch->sums[d].cover / total,
		     user_data);
	}
	for (gsize c = 0; c < n_candidates; c++) {
		guint32 d = scratch->touched[c];
		scratch->sums[d] = (CblueNgramSums){0, 0};
		scratch->mark[d] = 0;
	}
}

/* whether the blocks of @term, read from a file, hold its postings and can be decoded
 * within the data: documents increasing and in range, codes in range */
static gboolean
cblue_ngram_index_check_term(CblueNgramIndex *self, guint32 term)
{
	guint32 df = self->offsets[term + 1] - self->offsets[term];
	guint32 first = self->blocks[term], last = self->blocks[term + 1];
	gint64 prev = -1;

	if (last - first != (df + CBLUE_NGRAM_BLOCK - 1) / CBLUE_NGRAM_BLOCK)
		return FALSE;
	for (guint32 b = first; b < last; b++) {
		guint64 meta = self->block_meta[b];
		guint gap_bits = (meta >> CBLUE_NGRAM_META_GAP_SHIFT) & 63;
		guint code_bits = (meta >> CBLUE_NGRAM_META_CODE_SHIFT) & 15;
		guint n = (guint)((meta >> CBLUE_NGRAM_META_N_SHIFT) & 127) + 1;
		guint64 pos = meta & ((G_GUINT64_CONSTANT(1) << CBLUE_NGRAM_META_POS_BITS) - 1);
		guint32 docs[CBLUE_NGRAM_BLOCK];
		guint8 codes[CBLUE_NGRAM_BLOCK];

		if (meta >> (CBLUE_NGRAM_META_N_SHIFT + 7) != 0 || gap_bits > 32 || code_bits > 8 ||
		    n != MIN(CBLUE_NGRAM_BLOCK, df - (b - first) * CBLUE_NGRAM_BLOCK) ||
		    pos > self->data_len || (n * (gap_bits + code_bits) + 7) / 8 > self->data_len - pos)
			return FALSE;
		cblue_ngram_block_decode(self, b, docs, codes);
		for (guint i = 0; i < n; i++) {
			if ((gint64)docs[i] <= prev || docs[i] >= self->n_docs || codes[i] >= self->n_ltf_values)
				return FALSE;
			prev = docs[i];
		}
	}
	return TRUE;
}

/* The index in a binary form for the on-disk cache, so that a process starts without
 * analyzing the KB again; the framing (magic, format, trailing checksum) is
 * retrieval-common's:
 *
 *   "CBLUENG\0" u32:format u32:n_docs u32:n_terms u32:n_postings f32:idf_unknown
 *   params (4 × f64: CblueNgramParams)
 *   n_docs × (u32:length, bytes): topic ids
 *   u64[2 × n_docs] doc_hashes, f32[n_docs] doc_inv_norms,
 *   u64[n_terms] keys, u32[n_terms + 1] offsets,
 *   u32:n_ltf_values u16[256] ltf_values,
 *   u32:n_blocks u32[n_terms + 1] blocks, u32[n_blocks] block_docs, u64[n_blocks] block_meta,
 *   u64:data_len u8[data_len] data
 *   u64:checksum(everything before)
 */
#define CBLUE_NGRAM_INDEX_MAGIC	 "CBLUENG"
#define CBLUE_NGRAM_INDEX_FORMAT 7

GBytes *
cblue_ngram_index_serialize(CblueNgramIndex *self)
{
	guint32 n_postings = self->offsets[self->n_terms];
	guint64 data_len = self->data_len;
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
	cblue_retrieval_put_u32(out, self->n_blocks);
	cblue_retrieval_put(out, self->blocks, ((gsize)self->n_terms + 1) * sizeof(guint32));
	cblue_retrieval_put(out, self->block_docs, (gsize)self->n_blocks * sizeof(guint32));
	cblue_retrieval_put(out, self->block_meta, (gsize)self->n_blocks * sizeof(guint64));
	cblue_retrieval_put(out, &data_len, sizeof(data_len));
	cblue_retrieval_put(out, self->data, self->data_len);
	return cblue_retrieval_writer_finish(out);
}

CblueNgramIndex *
cblue_ngram_index_new_from_bytes(GBytes *bytes, CblueTokenizer *tokenizer, CblueRetrievalSynonyms *synonyms,
				 GError **error)
{
	g_autoptr(CblueNgramIndex) self = NULL;
	CblueRetrievalReader r;
	guint32 n_postings;
	guint64 data_len = 0;

	if (!cblue_retrieval_reader_init(&r, bytes, CBLUE_NGRAM_INDEX_MAGIC, CBLUE_NGRAM_INDEX_FORMAT, error))
		return NULL;
	self = g_atomic_rc_box_new0(CblueNgramIndex);
	self->tokenizer = g_object_ref(tokenizer);
	self->synonyms = synonyms != NULL ? cblue_retrieval_synonyms_ref(synonyms) : NULL;
	self->topic_ids = g_ptr_array_new_with_free_func(g_free);
	self->n_docs = cblue_retrieval_get_u32(&r);
	self->n_terms = cblue_retrieval_get_u32(&r);
	n_postings = cblue_retrieval_get_u32(&r);
	cblue_retrieval_get(&r, &self->idf_unknown, sizeof(gfloat));
	cblue_retrieval_get(&r, &self->params, sizeof(self->params));
	/* every size is bounded by the data it claims, before anything is allocated */
	cblue_retrieval_reader_has(&r, (gsize)self->n_docs * 4);
	cblue_retrieval_reader_has(&r, (gsize)self->n_terms * 16);
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
	self->n_blocks = cblue_retrieval_get_u32(&r);
	cblue_retrieval_reader_has(&r, (gsize)self->n_blocks * 12);
	self->blocks = cblue_retrieval_get_dup(&r, ((gsize)self->n_terms + 1) * sizeof(guint32));
	self->block_docs = cblue_retrieval_get_dup(&r, (gsize)self->n_blocks * sizeof(guint32));
	self->block_meta = cblue_retrieval_get_dup(&r, (gsize)self->n_blocks * sizeof(guint64));
	cblue_retrieval_get(&r, &data_len, sizeof(data_len));
	if (!r.failed && cblue_retrieval_reader_has(&r, data_len)) {
		/* with the zeros a decoder may read past the last block */
		self->data_len = data_len;
		self->data = g_malloc0(self->data_len + 8);
		cblue_retrieval_get(&r, self->data, self->data_len);
	}
	/* the index must be safe to search: keys strictly increasing, offsets in order, each
	 * term's blocks holding its postings, documents increasing and in range, codes in range */
	if (self->n_ltf_values < 1 || self->n_ltf_values > 256)
		r.failed = TRUE;
	if (!r.failed && (self->offsets[0] != 0 || self->offsets[self->n_terms] != n_postings ||
			  self->blocks[0] != 0 || self->blocks[self->n_terms] != self->n_blocks))
		r.failed = TRUE;
	for (guint t = 0; t < self->n_terms && !r.failed; t++) {
		if (self->offsets[t] > self->offsets[t + 1] || (t > 0 && self->keys[t - 1] >= self->keys[t]) ||
		    self->blocks[t] > self->blocks[t + 1])
			r.failed = TRUE;
	}
	for (guint t = 0; t < self->n_terms && !r.failed; t++)
		r.failed = !cblue_ngram_index_check_term(self, t);
	if (self->topic_ids->len != self->n_docs)
		r.failed = TRUE;
	if (!cblue_retrieval_reader_finish(&r, error))
		return NULL;
	cblue_ngram_index_build_dir(self);
	cblue_ngram_index_build_bounds(self);
	return g_steal_pointer(&self);
}
