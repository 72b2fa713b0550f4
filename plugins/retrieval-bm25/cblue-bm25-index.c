/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cblue-bm25-index.h"
#include "cblue-bm25-stem.h"
#include "cblue-retrieval-synonyms.h"
#include "cblue-retrieval-chunks.h"
#include "cblue-retrieval-common.h"

/*
 * An immutable BM25F index over the KB topics. A topic's score is the sum, over the
 * question's terms, of each posting's contribution (IDF × saturated, length-normalized,
 * field-weighted term frequency). Alongside the score, the search sums how much of the
 * question's information (IDF) each hit explains: that is the hit's confidence, and what
 * out-of-scope detection reads.
 *
 * Layout (the n-gram index's, in spirit): a term — a word, an n-gram ("#" and its
 * characters) or a pair of words ("a b") — is a 64-bit hash of its text (collisions are
 * vanishingly rare), kept in a sorted array found through a directory of the hashes' top
 * bits; its postings are one compressed byte stream: the number of postings, a skip entry
 * every 64 postings, then per posting the gap from the previous document (a varint: one
 * or two bytes mostly) and a byte coding the term's frequency in each field (a code book
 * of the index's distinct frequency triples: a few dozen). About 2.4 bytes a posting
 * where 12 were (document, packed frequencies, precomputed contribution): the contribution
 * is computed as the search reads the posting, from the frequencies and the document's
 * field lengths, to the same float it was stored as. The IDF follows from the number of
 * postings. A build hashes each document's terms (n-grams and pairs without writing them),
 * counts them per field in a small table of hashes, and radix-sorts all (hash, document,
 * frequencies) triples once:
 * no hash table of strings is involved but the Latin words kept for typo tolerance.
 */

#define CBLUE_BM25_NGRAM_PREFIX '#'
/* words never hold a space: a term with one is a pair of words */
#define CBLUE_BM25_PAIR_SEPARATOR " "
#define CBLUE_BM25_CONTENT_COVER 0.6
#define CBLUE_BM25_FUZZY_FACTOR	 0.8
#define CBLUE_BM25_MAX_COMPOUND	 4
/* the shortest stop word a typo is read as (a misspelt "before" is one; "goold" is more
 * likely gold than good) */
#define CBLUE_BM25_STOP_TYPO_MIN_LEN 5

typedef enum {
	CBLUE_BM25_FIELD_QUESTIONS,
	CBLUE_BM25_FIELD_KEYWORDS,
	CBLUE_BM25_FIELD_CONTENT,
	CBLUE_BM25_N_FIELDS,
} CblueBm25Field;

/* a posting's term frequencies: 10 bits for the questions, 10 for the keywords, 12 for
 * the content, each saturating (k1 = 0.3 saturates long before: a term written a thousand
 * times in one field scores as one written 1023 times) */
#define CBLUE_BM25_TF_SHIFT_KEYWORDS 10
#define CBLUE_BM25_TF_SHIFT_CONTENT  20
#define CBLUE_BM25_TF_MAX_TITLE	     1023
#define CBLUE_BM25_TF_MAX_CONTENT    4095

struct _CblueBm25Index {
	CblueBm25Params params;
	GHashTable *surfaces; /* owned: borrowed Latin word as written in the KB (or a stem) → borrowed stem */
	/* typo tolerance (symmetric deletes): the hashes of the KB's Latin words minus one byte,
	 * sorted, each with the pool entry of the most frequent word that produces it */
	guint n_deletes;
	guint64 *delete_keys; /* owned: n_deletes */
	guint32 *delete_words; /* owned: n_deletes */
	guint delete_dir_bits;
	guint32 *delete_dir; /* owned: the directory of delete_keys' top bits */
	GPtrArray *topic_ids; /* owned, of utf8 */
	guint64 *doc_hashes; /* owned: 2 × n_docs, the hash of each entry's text */
	/* the Latin words of the KB as written, each with its stem (the value), and the stems
	 * (no value: their own), in order of first appearance: what surfaces is made of */
	GPtrArray *pool_keys; /* owned, of utf8 */
	GPtrArray *pool_values; /* owned, of utf8 or NULL */
	/* per document, the pool entries it adds to surfaces, in order (an incremental build
	 * reuses them for the entries that did not change) */
	guint32 *doc_surface_offsets; /* owned: n_docs + 1, where each document's entries start (bytes) */
	guint8 *doc_surface_ids; /* owned: the entries, varints (1–3 bytes: the words of many
				  * documents came first and have small numbers) */
	guint32 *doc_lens; /* owned: CBLUE_BM25_N_FIELDS × n_docs, each field's length in terms */
	/* the length norm 1 − b + b × length / average length of each field and length up to
	 * the longest (at most CBLUE_BM25_NORM_TABLE_MAX; derived, not serialized) */
	gdouble avglen[CBLUE_BM25_N_FIELDS];
	guint norm_len;
	gdouble *norms; /* owned: CBLUE_BM25_N_FIELDS × norm_len */
	gdouble *inverse_norms; /* owned: CBLUE_BM25_N_FIELDS × norm_len, 1 / norms (derived) */
	CblueTokenizer *tokenizer; /* owned */
	GHashTable *stopwords; /* owned ref */
	struct _CblueBm25StopFilter *stop_filter; /* owned: of stopwords, for searches */
	/* owned: each Latin stop word of CBLUE_BM25_STOP_TYPO_MIN_LEN or more letters minus one
	 * byte (owned) → the stop word (borrowed from stopwords), for
	 * cblue_bm25_is_stopword_typo() */
	GHashTable *stop_deletes;
	CblueRetrievalSynonyms *synonyms; /* owned ref, nullable */
	gdouble idf_unknown;
	guint n_docs;
	guint n_terms;
	guint64 *keys; /* owned: n_terms, sorted */
	/* owned: n_terms + 1, each term's list in postings (bytes) — but for a term of
	 * inline_bits: its one posting itself, as in postings (varint(document), code) in the
	 * offset's 4 bytes; offsets[n_terms] is the size of postings */
	guint32 *offsets;
	/* owned: a bit per term, whether its posting is inline (most terms are pairs of words
	 * found in one topic: 4 bytes of the stream and a varint of the list's length saved) */
	guint8 *inline_bits;
	guint dir_bits;
	guint32 *dir; /* owned: (1 << dir_bits) + 1, the first term of each top-bits prefix */
	/* owned: offsets[n_terms] bytes: per term varint(df), the skip entries of the list (for
	 * each block of CBLUE_BM25_BLOCK postings but the first, u32 the document before the
	 * block and u32 where the block starts, from the first posting), then per posting, in
	 * document order, varint(document − previous document) and a byte, the code of its
	 * packed term frequencies (CBLUE_BM25_CODE_ESCAPE: varint(frequencies) follows) */
	guint8 *postings;
	guint n_codes;
	guint32 *codes; /* owned: n_codes (at most 255), the packed frequencies, most frequent first */
	gdouble *code_wtf; /* owned: CBLUE_BM25_N_FIELDS × n_codes, each field's weight × frequency (derived) */
	/* owned, nullable: CBLUE_BM25_FAST_LENS × n_docs, doc_lens in 16 bits if every length is
	 * in the table of norms (derived, not serialized): what the first pass of a search reads
	 * for a posting, 8 bytes a document instead of 12 (at 100,000 topics the load of a
	 * document's lengths missed the caches: the costliest line of the search) */
	guint16 *fast_lens;
};

#define CBLUE_BM25_NORM_TABLE_MAX 65536
/* a document's lengths in fast_lens, padded to 8 bytes (a document in one cache line) */
#define CBLUE_BM25_FAST_LENS 4

/* the code of packed term frequencies outside the code book */
#define CBLUE_BM25_CODE_ESCAPE 255
/* the postings a skip entry jumps over */
#define CBLUE_BM25_BLOCK 64


/* k1 = 0.3, a quickly saturating term frequency rather than the web-search 1.2: a topic
 * repeats the words of what it is about, and the neighbour that says "ctenophore" five
 * times does not answer a question about ctenophores better than the paragraph that says
 * it once next to the fact asked; a word's presence, field and rarity are what count.
 * Measured on the XQuAD passages and both labelled sets (docs/quality.md): 0.1–0.4 give
 * nearly the same figures, all above those of 0.6–1.2. */
void
cblue_bm25_params_init_default(CblueBm25Params *params)
{
	params->k1 = 0.3;
	params->b = 0.75;
	params->weight_questions = 3.0;
	params->weight_keywords = 2.0;
	params->weight_content = 1.0;
	params->ngram_weight = 0.5;
	params->pair_weight = 0.5;
}

/* stop words per language, from the core's bundled resources; one set for all languages
 * because their scripts do not overlap */
GHashTable *
cblue_bm25_load_stopwords(void)
{
	static const gchar *const langs[] = {"en", "th", "zh"};
	GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();

	for (guint i = 0; i < G_N_ELEMENTS(langs); i++) {
		g_autofree gchar *path = g_strdup_printf("/ai/cblue/stopwords/%s.txt", langs[i]);
		g_autoptr(GBytes) bytes = g_resources_lookup_data(path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
		g_auto(GStrv) lines = NULL;
		if (bytes == NULL) {
			g_warning("no stop words for %s", langs[i]);
			continue;
		}
		lines = g_strsplit(g_bytes_get_data(bytes, NULL), "\n", -1);
		for (guint j = 0; lines[j] != NULL; j++) {
			g_strstrip(lines[j]);
			if (lines[j][0] == '\0' || lines[j][0] == '#')
				continue;
			gchar *word = cblue_tokenizer_normalize(tokenizer, lines[j]);
			g_hash_table_add(set, word);
		}
	}
	return set;
}

typedef enum {
	CBLUE_BM25_KIND_WORD,
	CBLUE_BM25_KIND_NGRAM,
	CBLUE_BM25_KIND_PAIR,
} CblueBm25Kind;

static CblueBm25Kind
cblue_bm25_term_kind(const gchar *text)
{
	if (text[0] == CBLUE_BM25_NGRAM_PREFIX)
		return CBLUE_BM25_KIND_NGRAM;
	if (strstr(text, CBLUE_BM25_PAIR_SEPARATOR) != NULL)
		return CBLUE_BM25_KIND_PAIR;
	return CBLUE_BM25_KIND_WORD;
}

#define CBLUE_BM25_FNV_OFFSET 0xcbf29ce484222325ULL

/* FNV-1a goes byte by byte: the hash of a text written in parts is that of the parts fed in
 * turn, so the build hashes n-grams and pairs without writing them */
static inline guint64
cblue_bm25_fnv_add(guint64 h, const gchar *text, gsize len)
{
	for (gsize i = 0; i < len; i++) {
		h ^= (guchar)text[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static inline guint64
cblue_bm25_hash_finish(guint64 h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/* FNV-1a of the first @len bytes of @text but the one at @skip (G_MAXSIZE: none), mixed
 * so that the top bits (the directories') are as good as the low ones */
static guint64
cblue_bm25_hash(const gchar *text, gsize len, gsize skip)
{
	if (skip >= len)
		return cblue_bm25_hash_finish(cblue_bm25_fnv_add(CBLUE_BM25_FNV_OFFSET, text, len));
	return cblue_bm25_hash_finish(
		cblue_bm25_fnv_add(cblue_bm25_fnv_add(CBLUE_BM25_FNV_OFFSET, text, skip), text + skip + 1, len - skip - 1));
}

/* a term's 64-bit key: the hash of its text, with the term's kind in the 2 lowest bits (the
 * weight of a posting follows from its key) */
static guint64
cblue_bm25_term_key(const gchar *text)
{
	return (cblue_bm25_hash(text, strlen(text), G_MAXSIZE) & ~(guint64)3) | cblue_bm25_term_kind(text);
}

/* the key of the n-gram "#" + @len bytes of @text (cblue_bm25_ngram_new()), without writing it */
static inline guint64
cblue_bm25_ngram_key(const gchar *text, gsize len)
{
	static const gchar prefix = CBLUE_BM25_NGRAM_PREFIX;
	guint64 h = cblue_bm25_fnv_add(cblue_bm25_fnv_add(CBLUE_BM25_FNV_OFFSET, &prefix, 1), text, len);
	return (cblue_bm25_hash_finish(h) & ~(guint64)3) | CBLUE_BM25_KIND_NGRAM;
}

/* the key of the pair of @a and @b (cblue_bm25_add_pairs()), without writing it; its kind
 * is cblue_bm25_term_kind()'s of the pair's text */
static inline guint64
cblue_bm25_pair_key(const gchar *a, const gchar *b)
{
	guint64 h = cblue_bm25_fnv_add(CBLUE_BM25_FNV_OFFSET, a, strlen(a));
	h = cblue_bm25_fnv_add(h, CBLUE_BM25_PAIR_SEPARATOR, 1);
	h = cblue_bm25_fnv_add(h, b, strlen(b));
	return (cblue_bm25_hash_finish(h) & ~(guint64)3) |
	       (a[0] == CBLUE_BM25_NGRAM_PREFIX ? CBLUE_BM25_KIND_NGRAM : CBLUE_BM25_KIND_PAIR);
}

/* Thai without tone marks, maitaikhu and silent letters (a consonant, with its vowel, under
 * thanthakhat): the spellings of one word that people mix up, mostly in loanwords
 * ("โซล่า"/"โซลาร์", "อินเวอเตอร์"/"อินเวอร์เตอร์"), become the same */
static gboolean
cblue_bm25_thai_is_vowel_sign(gunichar ch)
{
	return ch >= 0x0E31 && ch <= 0x0E3A && ch != 0x0E32 && ch != 0x0E33;
}

/* (in place: the text only gets shorter, whole characters at a time) */
static void
cblue_bm25_thai_skeleton(GString *text)
{
	gchar *out = text->str;

	for (const gchar *p = text->str; *p != '\0';) {
		const guchar *s = (const guchar *)p;
		gunichar ch;
		const gchar *next;
		/* Thai: 3-byte sequences, decoded and copied without a call */
		if ((s[0] & 0xF0) == 0xE0) {
			ch = ((gunichar)(s[0] & 0x0F) << 12) | ((gunichar)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
			next = p + 3;
			if (ch < 0x0E47 || ch > 0x0E4C) {
				/* (forwards, byte by byte: @out is never after @p) */
				out[0] = p[0];
				out[1] = p[1];
				out[2] = p[2];
				out += 3;
				p = next;
				continue;
			}
		} else {
			ch = g_utf8_get_char(p);
			next = g_utf8_next_char(p);
		}
		if (ch == 0x0E4C) {
			/* drop the silent consonant, and a vowel sign above or below it */
			while (out > text->str && cblue_bm25_thai_is_vowel_sign(g_utf8_get_char(g_utf8_prev_char(out))))
				out = g_utf8_prev_char(out);
			if (out > text->str)
				out = g_utf8_prev_char(out);
		} else if (ch < 0x0E47 || ch > 0x0E4B) {
			memmove(out, p, next - p);
			out += next - p;
		}
		p = next;
	}
	g_string_truncate(text, out - text->str);
}

/* "#" and @len bytes of @text: an n-gram term (printf is the dear part of analysis) */
static gchar *
cblue_bm25_ngram_new(const gchar *text, gsize len)
{
	gchar *term = g_malloc(len + 2);
	term[0] = CBLUE_BM25_NGRAM_PREFIX;
	memcpy(term + 1, text, len);
	term[len + 1] = '\0';
	return term;
}

/* @n more elements at the end of @array, uninitialized: where they start */
static inline gpointer
cblue_bm25_array_grow(GArray *array, gsize n)
{
	guint len = array->len;
	g_array_set_size(array, len + n);
	return array->data + (gsize)len * g_array_get_element_size(array);
}

static inline void
cblue_bm25_add_ngram(const gchar *text, gsize len, GPtrArray *ngrams, guint64 *key)
{
	if (ngrams != NULL)
		g_ptr_array_add(ngrams, cblue_bm25_ngram_new(text, len));
	if (key != NULL)
		*key = cblue_bm25_ngram_key(text, len);
}

/* the chunk's n-grams, as texts into @ngrams and/or as keys into @ngram_keys (each nullable) */
static void
cblue_bm25_flush_chunk(GString *chunk, CblueScript script, GPtrArray *ngrams, GArray *ngram_keys)
{
	guint n = script == CBLUE_SCRIPT_HAN ? 2 : 3;
	gboolean all_3_bytes = TRUE;
	gsize n_chars;
	guint64 *keys = NULL;
	const gchar *p;

	if (script == CBLUE_SCRIPT_THAI)
		cblue_bm25_thai_skeleton(chunk);
	if (chunk->len == 0)
		return;
	/* the characters, and whether each is 3 bytes (Thai, common Chinese: nearly always) */
	n_chars = 0;
	for (gsize i = 0; i < chunk->len; i++) {
		guchar c = (guchar)chunk->str[i];
		if ((c & 0xC0) != 0x80) {
			n_chars++;
			all_3_bytes = all_3_bytes && (c & 0xF0) == 0xE0;
		}
	}
	if (ngram_keys != NULL)
		keys = cblue_bm25_array_grow(ngram_keys, n_chars <= n ? 1 : n_chars - n + 1);
	if (n_chars <= n) {
		cblue_bm25_add_ngram(chunk->str, chunk->len, ngrams, keys);
	} else if (all_3_bytes) {
		/* the n-grams without a walk */
		for (gsize i = 0; i + n <= n_chars; i++)
			cblue_bm25_add_ngram(chunk->str + 3 * i, 3 * n, ngrams, keys != NULL ? &keys[i] : NULL);
	} else {
		p = chunk->str;
		for (gsize i = 0; i + n <= n_chars; i++) {
			const gchar *end = p;
			for (guint k = 0; k < n; k++)
				end = g_utf8_next_char(end);
			cblue_bm25_add_ngram(p, end - p, ngrams, keys != NULL ? &keys[i] : NULL);
			p = g_utf8_next_char(p);
		}
	}
	g_string_truncate(chunk, 0);
}

/* A filter of the stop words for the build and for searches: a bit per hash of a word's
 * length and its first and last two bytes. A word whose bit is clear is surely not a stop
 * word, told without hashing it whole and looking it up: most words of a KB's text, and of
 * a question (about 2k instructions a search). */
#define CBLUE_BM25_STOP_FILTER_BITS 16

typedef struct _CblueBm25StopFilter {
	guint64 bits[((gsize)1 << CBLUE_BM25_STOP_FILTER_BITS) / 64];
} CblueBm25StopFilter;

static inline guint
cblue_bm25_stop_filter_bit(const gchar *word, gsize len)
{
	const guchar *s = (const guchar *)word;
	guint32 h;

	if (len == 0)
		return 0;
	h = (guint32)len ^ (guint32)s[0] << 8 ^ (guint32)s[len - 1] << 16 ^ (guint32)s[len > 1 ? len - 2 : 0] << 24;
	return (h * 0x9e3779b1u) >> (32 - CBLUE_BM25_STOP_FILTER_BITS);
}

static void
cblue_bm25_stop_filter_init(CblueBm25StopFilter *filter, GHashTable *stopwords)
{
	GHashTableIter iter;
	gpointer key;

	memset(filter, 0, sizeof(*filter));
	g_hash_table_iter_init(&iter, stopwords);
	while (g_hash_table_iter_next(&iter, &key, NULL)) {
		guint bit = cblue_bm25_stop_filter_bit(key, strlen(key));
		filter->bits[bit / 64] |= G_GUINT64_CONSTANT(1) << (bit % 64);
	}
}

/* whether @word (@len bytes) is one of @stopwords, told first by @filter (nullable: none) */
static inline gboolean
cblue_bm25_is_stopword(GHashTable *stopwords, const CblueBm25StopFilter *filter, const gchar *word, gsize len)
{
	if (filter != NULL) {
		guint bit = cblue_bm25_stop_filter_bit(word, len);
		if ((filter->bits[bit / 64] & (G_GUINT64_CONSTANT(1) << (bit % 64))) == 0)
			return FALSE;
	}
	return g_hash_table_contains(stopwords, word);
}

/* the stems of a build's analyzer (a KB's words are few and come again and again): at most
 * this many words, then forgotten */
#define CBLUE_BM25_STEM_MEMO_MAX 65536

/* what an analyzer of a build keeps to analyze faster (the build's CblueBm25Doc) */
typedef struct {
	GHashTable *stems; /* owned: Latin word (owned) → its stem (owned) */
} CblueBm25Memo;

static CblueBm25Memo *
cblue_bm25_memo_new(void)
{
	CblueBm25Memo *memo = g_new(CblueBm25Memo, 1);
	memo->stems = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	return memo;
}

static void
cblue_bm25_memo_free(CblueBm25Memo *memo)
{
	if (memo == NULL)
		return;
	g_hash_table_unref(memo->stems);
	g_free(memo);
}

/* cblue_bm25_stem_english() of @word, remembered by @memo (nullable) */
static gchar *
cblue_bm25_stem(CblueBm25Memo *memo, const gchar *word)
{
	const gchar *stem;

	if (memo == NULL)
		return cblue_bm25_stem_english(word);
	stem = g_hash_table_lookup(memo->stems, word);
	if (stem == NULL) {
		gchar *made = cblue_bm25_stem_english(word);
		if (g_hash_table_size(memo->stems) >= CBLUE_BM25_STEM_MEMO_MAX)
			g_hash_table_remove_all(memo->stems);
		g_hash_table_insert(memo->stems, g_strdup(word), made);
		stem = made;
	}
	return g_strdup(stem);
}

/* the script of the first character of @token (valid UTF-8): its ASCII and 3-byte
 * sequences decoded without a call */
static inline CblueScript
cblue_bm25_token_script(const gchar *token)
{
	const guchar *s = (const guchar *)token;

	if (s[0] < 0x80)
		return cblue_script_for_char(s[0]);
	if ((s[0] & 0xF0) == 0xE0)
		return cblue_script_for_char(((gunichar)(s[0] & 0x0F) << 12) | ((gunichar)(s[1] & 0x3F) << 6) |
					     (s[2] & 0x3F));
	return cblue_script_for_char(g_utf8_get_char(token));
}

/* a Chinese token that ICU kept whole but that is only stop words ("是啥", "想做") */
static gboolean
cblue_bm25_is_stop_compound(GHashTable *stopwords, const CblueBm25StopFilter *filter, const gchar *token)
{
	const gchar *bounds[CBLUE_BM25_MAX_COMPOUND + 1];
	gboolean reach[CBLUE_BM25_MAX_COMPOUND + 1] = {TRUE};
	guint n = 0;

	for (const gchar *p = token; *p != '\0'; p = g_utf8_next_char(p)) {
		if (n == CBLUE_BM25_MAX_COMPOUND)
			return FALSE;
		bounds[n++] = p;
	}
	bounds[n] = token + strlen(token);
	if (n < 2)
		return FALSE;
	for (guint end = 1; end <= n; end++) {
		for (guint start = 0; start < end && !reach[end]; start++) {
			/* at most CBLUE_BM25_MAX_COMPOUND characters of at most 4 bytes */
			gchar part[4 * CBLUE_BM25_MAX_COMPOUND + 1];
			gsize len = bounds[end] - bounds[start];
			if (!reach[start] || len >= sizeof(part))
				continue;
			memcpy(part, bounds[start], len);
			part[len] = '\0';
			reach[end] = cblue_bm25_is_stopword(stopwords, filter, part, len);
		}
	}
	return reach[n];
}

/* which tokens are stop words; Chinese stop words also when ICU kept them inside a longer
 * token ("是啥") or split them ("神马" as 神 + 马) */
static gboolean *
cblue_bm25_find_stopwords(GHashTable *stopwords, const CblueBm25StopFilter *filter, GPtrArray *tokens)
{
	gboolean *stops = g_new0(gboolean, tokens->len + 1);

	for (guint i = 0; i < tokens->len; i++) {
		const gchar *token = g_ptr_array_index(tokens, i);
		gboolean han = cblue_bm25_token_script(token) == CBLUE_SCRIPT_HAN;
		/* at most CBLUE_BM25_MAX_COMPOUND characters of at most 4 bytes */
		gchar run[4 * CBLUE_BM25_MAX_COMPOUND + 1];
		gsize run_len;
		glong run_chars;
		stops[i] = stops[i] || cblue_bm25_is_stopword(stopwords, filter, token, strlen(token)) ||
			   (han && cblue_bm25_is_stop_compound(stopwords, filter, token));
		if (!han)
			continue;
		/* the longest run of 2+ tokens starting here that spells a stop word; the run
		 * grows by one token a step (a token of CBLUE_BM25_MAX_COMPOUND characters
		 * starts none) */
		run_chars = g_utf8_strlen(token, -1);
		run_len = strlen(token);
		if (run_chars >= CBLUE_BM25_MAX_COMPOUND || run_len >= sizeof(run))
			continue;
		memcpy(run, token, run_len);
		for (guint n = 2; i + n <= tokens->len; n++) {
			const gchar *last = g_ptr_array_index(tokens, i + n - 1);
			glong last_chars = g_utf8_strlen(last, -1);
			gsize last_len = strlen(last);
			if (cblue_bm25_token_script(last) != CBLUE_SCRIPT_HAN ||
			    run_chars + last_chars > CBLUE_BM25_MAX_COMPOUND || run_len + last_len >= sizeof(run))
				break;
			memcpy(run + run_len, last, last_len);
			run_len += last_len;
			run_chars += last_chars;
			run[run_len] = '\0';
			if (cblue_bm25_is_stopword(stopwords, filter, run, run_len)) {
				for (guint k = i; k < i + n; k++)
					stops[k] = TRUE;
			}
		}
	}
	return stops;
}

/* each word with the next one ("theori gravit" of "theory of gravitation"), stop words
 * having been dropped: a phrase of the question found as such in a topic, which single
 * words cannot tell from the same words scattered over a long content */
static void
cblue_bm25_add_pairs(GPtrArray *words, guint first, GPtrArray *pairs)
{
	for (guint i = first; i + 1 < words->len; i++)
		g_ptr_array_add(pairs, g_strconcat(g_ptr_array_index(words, i), CBLUE_BM25_PAIR_SEPARATOR,
						   g_ptr_array_index(words, i + 1), NULL));
}

/* words (stop words dropped, Latin stemmed) and character n-grams of the Thai and Chinese
 * text between stop words, after the spelling variants of @synonyms (if not %NULL) were
 * made canonical; @stop_filter (nullable) is that of @stopwords; @surfaces, if not %NULL,
 * gets the unstemmed form of each Latin word and %NULL for the others, in step with @words; @pairs, if not %NULL, gets the pairs of
 * neighbouring words (see cblue_bm25_add_pairs()); @ngram_keys, if not %NULL, gets the
 * n-grams' keys (the build does not need their texts: @ngrams may be %NULL); @memo, if not
 * %NULL, is a build's for @stopwords */
static void
cblue_bm25_analyze_to_keys(CblueTokenizer *tokenizer, GHashTable *stopwords, const CblueBm25StopFilter *stop_filter,
			   CblueBm25Memo *memo, CblueRetrievalSynonyms *synonyms, const gchar *text, GPtrArray *words,
			   GPtrArray *surfaces, GPtrArray *ngrams, GArray *ngram_keys, GPtrArray *pairs)
{
	guint first_word = words->len;
	g_autofree gchar *normalized = cblue_tokenizer_normalize(tokenizer, text);
	g_autofree gchar *rewritten = synonyms != NULL ? cblue_retrieval_synonyms_apply(synonyms, normalized) : NULL;
	g_autoptr(GPtrArray) tokens = cblue_tokenizer_segment(tokenizer, rewritten != NULL ? rewritten : normalized);
	g_autoptr(GString) chunk = g_string_new(NULL);
	g_autofree gboolean *stops = cblue_bm25_find_stopwords(stopwords, stop_filter, tokens);
	CblueScript chunk_script = CBLUE_SCRIPT_OTHER;

	for (guint i = 0; i < tokens->len; i++) {
		const gchar *token = g_ptr_array_index(tokens, i);
		CblueScript script = cblue_bm25_token_script(token);
		gboolean stop = stops[i];

		if (stop || script != chunk_script) {
			if (ngrams != NULL || ngram_keys != NULL)
				cblue_bm25_flush_chunk(chunk, chunk_script, ngrams, ngram_keys);
			chunk_script = script;
		}
		if (stop)
			continue;
		if (script == CBLUE_SCRIPT_LATIN) {
			g_autofree gchar *stem = cblue_bm25_stem(memo, token);
			/* "theres", "others": inflected stop words */
			if (cblue_bm25_is_stopword(stopwords, stop_filter, stem, strlen(stem)))
				continue;
			g_ptr_array_add(words, g_steal_pointer(&stem));
			/* the tokens' texts are taken, not copied: @token stays valid, now owned
			 * by @surfaces or @words */
			if (surfaces != NULL)
				g_ptr_array_add(surfaces, g_steal_pointer(&tokens->pdata[i]));
			continue;
		}
		g_ptr_array_add(words, g_steal_pointer(&tokens->pdata[i]));
		if (surfaces != NULL)
			g_ptr_array_add(surfaces, NULL);
		if (script == CBLUE_SCRIPT_THAI || script == CBLUE_SCRIPT_HAN)
			g_string_append(chunk, token);
	}
	if (ngrams != NULL || ngram_keys != NULL)
		cblue_bm25_flush_chunk(chunk, chunk_script, ngrams, ngram_keys);
	if (pairs != NULL)
		cblue_bm25_add_pairs(words, first_word, pairs);
}

/* see cblue_bm25_analyze_to_keys() */
void
cblue_bm25_analyze(CblueTokenizer *tokenizer, GHashTable *stopwords, CblueRetrievalSynonyms *synonyms, const gchar *text,
		   GPtrArray *words, GPtrArray *surfaces, GPtrArray *ngrams, GPtrArray *pairs)
{
	cblue_bm25_analyze_to_keys(tokenizer, stopwords, NULL, NULL, synonyms, text, words, surfaces, ngrams, NULL,
				   pairs);
}

/* the weight of a term's score against a word's */
static gdouble
cblue_bm25_kind_weight(const CblueBm25Params *params, guint64 key)
{
	switch ((CblueBm25Kind)(key & 3)) {
	case CBLUE_BM25_KIND_NGRAM:
		return params->ngram_weight;
	case CBLUE_BM25_KIND_PAIR:
		return params->pair_weight;
	default:
		return 1.0;
	}
}

static inline guint
cblue_bm25_tf_get(guint32 tfs, CblueBm25Field field)
{
	switch (field) {
	case CBLUE_BM25_FIELD_QUESTIONS:
		return tfs & 0x3ff;
	case CBLUE_BM25_FIELD_KEYWORDS:
		return (tfs >> CBLUE_BM25_TF_SHIFT_KEYWORDS) & 0x3ff;
	default:
		return tfs >> CBLUE_BM25_TF_SHIFT_CONTENT;
	}
}

static inline guint32
cblue_bm25_tf_pack(const guint tf[CBLUE_BM25_N_FIELDS])
{
	return MIN(tf[CBLUE_BM25_FIELD_QUESTIONS], CBLUE_BM25_TF_MAX_TITLE) |
	       (MIN(tf[CBLUE_BM25_FIELD_KEYWORDS], CBLUE_BM25_TF_MAX_TITLE) << CBLUE_BM25_TF_SHIFT_KEYWORDS) |
	       ((guint32)MIN(tf[CBLUE_BM25_FIELD_CONTENT], CBLUE_BM25_TF_MAX_CONTENT) << CBLUE_BM25_TF_SHIFT_CONTENT);
}

static inline gdouble
cblue_bm25_idf(guint n_docs, guint df)
{
	return log(1.0 + (n_docs - df + 0.5) / (df + 0.5));
}

/* unsigned LEB128: 7 bits a byte, the low ones first, the high bit set on all but the last */
static inline guint
cblue_bm25_varint_size(guint32 v)
{
	guint n = 1;
	for (; v >= 0x80; v >>= 7)
		n++;
	return n;
}

static inline guint8 *
cblue_bm25_varint_put(guint8 *p, guint32 v)
{
	for (; v >= 0x80; v >>= 7)
		*p++ = (guint8)(v | 0x80);
	*p++ = (guint8)v;
	return p;
}

/* (no bounds check: the postings were checked when read, see cblue_bm25_index_check()) */
static inline guint32
cblue_bm25_varint_get(const guint8 **p)
{
	const guint8 *q = *p;
	guint32 v = *q & 0x7f;
	for (guint shift = 7; *q++ & 0x80; shift += 7)
		v |= (guint32)(*q & 0x7f) << shift;
	*p = q;
	return v;
}

/* a varint of at most 32 bits that ends before @end */
static gboolean
cblue_bm25_varint_get_checked(const guint8 **p, const guint8 *end, guint32 *out)
{
	guint64 v = 0;
	for (guint shift = 0; *p < end && shift < 35; shift += 7) {
		guint8 b = *(*p)++;
		v |= (guint64)(b & 0x7f) << shift;
		if ((b & 0x80) == 0) {
			*out = (guint32)v;
			return v <= G_MAXUINT32;
		}
	}
	return FALSE;
}

/* one occurrence of a term in a field of the document being analyzed */
typedef struct {
	guint64 key;
	guint32 field;
} CblueBm25Occurrence;

/* a (term, document) posting while the index is built */
typedef struct {
	guint64 key;
	guint32 doc;
	guint32 tfs;
} CblueBm25Triple;

/* the surfaces' pool while the index is built: entries are added as documents bring them
 * (or as reused documents had them), and put in order of first appearance at the end */
typedef struct {
	GHashTable *surface_ids; /* owned: borrowed word as written → its entry + 1 */
	GHashTable *stem_ids; /* owned: borrowed stem → its entry + 1 */
	GPtrArray *keys; /* owned, of utf8 */
	GPtrArray *values; /* owned, of utf8 or NULL */
	GArray *last_doc; /* of guint32: per entry, the last document that added it, + 1 */
	GArray *doc_offsets; /* of guint32: per document, where its entries start in doc_ids */
	GArray *doc_ids; /* of guint32 */
} CblueBm25PoolBuilder;

static void
cblue_bm25_pool_builder_init(CblueBm25PoolBuilder *pool)
{
	pool->surface_ids = g_hash_table_new(g_str_hash, g_str_equal);
	pool->stem_ids = g_hash_table_new(g_str_hash, g_str_equal);
	pool->keys = g_ptr_array_new_with_free_func(g_free);
	pool->values = g_ptr_array_new_with_free_func(g_free);
	pool->last_doc = g_array_new(FALSE, FALSE, sizeof(guint32));
	pool->doc_offsets = g_array_new(FALSE, FALSE, sizeof(guint32));
	pool->doc_ids = g_array_new(FALSE, FALSE, sizeof(guint32));
}

static void
cblue_bm25_pool_builder_clear(CblueBm25PoolBuilder *pool)
{
	g_hash_table_unref(pool->surface_ids);
	g_hash_table_unref(pool->stem_ids);
	g_ptr_array_unref(pool->keys);
	g_ptr_array_unref(pool->values);
	g_array_unref(pool->last_doc);
	g_array_unref(pool->doc_offsets);
	g_array_unref(pool->doc_ids);
}

/* the entry of @key (a word as written with its stem @value, or a stem with @value NULL) */
static guint32
cblue_bm25_pool_builder_intern(CblueBm25PoolBuilder *pool, const gchar *key, const gchar *value)
{
	GHashTable *ids = value != NULL ? pool->surface_ids : pool->stem_ids;
	guint32 id = GPOINTER_TO_UINT(g_hash_table_lookup(ids, key));
	guint32 none = 0;

	if (id > 0)
		return id - 1;
	id = pool->keys->len;
	g_ptr_array_add(pool->keys, g_strdup(key));
	g_ptr_array_add(pool->values, g_strdup(value));
	g_array_append_val(pool->last_doc, none);
	g_hash_table_insert(ids, g_ptr_array_index(pool->keys, id), GUINT_TO_POINTER(id + 1));
	return id;
}

/* that document @d adds entry @id to surfaces (once a document) */
static void
cblue_bm25_pool_builder_use(CblueBm25PoolBuilder *pool, guint32 d, guint32 id)
{
	guint32 *last = &g_array_index(pool->last_doc, guint32, id);
	if (*last == d + 1)
		return;
	*last = d + 1;
	g_array_append_val(pool->doc_ids, id);
}

/* a slot of the table that sums a document's term frequencies */
typedef struct {
	guint64 key;
	guint32 stamp; /* the document whose term the slot holds, + 1 (0: empty) */
	guint32 tf[CBLUE_BM25_N_FIELDS];
} CblueBm25Count;

/* the document being analyzed: its terms' occurrences and its fields' lengths; and the
 * analysis' arrays and the counting table, reused for each text and document (one per
 * thread of a build) */
typedef struct {
	GArray *occurrences; /* of CblueBm25Occurrence */
	guint len[CBLUE_BM25_N_FIELDS];
	/* unowned: the chunk's Latin words as written and their stems, in pairs, in order (the
	 * build adds them to the pool in document order) */
	GPtrArray *surfaces;
	GPtrArray *words; /* of utf8 */
	GPtrArray *written; /* of utf8 or NULL */
	GArray *ngram_keys; /* of guint64 */
	guint count_bits;
	CblueBm25Count *counts; /* owned: 1 << count_bits slots, or NULL */
	guint32 *used; /* owned: the slots in use, in order of first use (half the slots at most) */
	CblueBm25Memo *memo; /* owned, nullable */
	guint reserve; /* a build's: the most triples of a chunk so far, each new chunk's room */
} CblueBm25Doc;

static void
cblue_bm25_doc_init(CblueBm25Doc *doc)
{
	memset(doc, 0, sizeof(*doc));
	doc->occurrences = g_array_new(FALSE, FALSE, sizeof(CblueBm25Occurrence));
	doc->words = g_ptr_array_new_with_free_func(g_free);
	doc->written = g_ptr_array_new_with_free_func(g_free);
	doc->ngram_keys = g_array_new(FALSE, FALSE, sizeof(guint64));
}

static void
cblue_bm25_doc_clear(CblueBm25Doc *doc)
{
	g_array_unref(doc->occurrences);
	g_ptr_array_unref(doc->words);
	g_ptr_array_unref(doc->written);
	g_array_unref(doc->ngram_keys);
	g_free(doc->counts);
	g_free(doc->used);
	cblue_bm25_memo_free(doc->memo);
}

static void
cblue_bm25_doc_add_text(CblueBm25Doc *doc, CblueBm25Field field, CblueBm25Index *self, const gchar *text)
{
	GPtrArray *words = doc->words;
	GPtrArray *written = doc->written;
	GArray *ngram_keys = doc->ngram_keys;
	CblueBm25Occurrence *o;
	guint n_pairs;

	g_ptr_array_set_size(words, 0);
	g_ptr_array_set_size(written, 0);
	g_array_set_size(ngram_keys, 0);
	cblue_bm25_analyze_to_keys(self->tokenizer, self->stopwords, self->stop_filter, doc->memo, self->synonyms, text,
				   words, written, NULL, ngram_keys, NULL);
	/* pairs repeat the words: they do not make the field longer */
	doc->len[field] += words->len + ngram_keys->len;
	n_pairs = self->params.pair_weight > 0 && words->len > 1 ? words->len - 1 : 0;
	o = cblue_bm25_array_grow(doc->occurrences, (gsize)words->len + ngram_keys->len + n_pairs);
	for (guint i = 0; i < words->len; i++)
		*o++ = (CblueBm25Occurrence){cblue_bm25_term_key(g_ptr_array_index(words, i)), field};
	for (guint i = 0; i < ngram_keys->len; i++)
		*o++ = (CblueBm25Occurrence){g_array_index(ngram_keys, guint64, i), field};
	/* the pairs of cblue_bm25_add_pairs(), hashed without being written */
	for (guint i = 0; i < n_pairs; i++)
		*o++ = (CblueBm25Occurrence){
			cblue_bm25_pair_key(g_ptr_array_index(words, i), g_ptr_array_index(words, i + 1)), field};
	/* the Latin words as written, with their stems, for the pool (taken, not copied: the
	 * stems are looked up as written too, since a misspelt word may be closer to a stem:
	 * "waterprofed" → "waterprof", one edit from "waterproof") */
	for (guint i = 0; i < written->len; i++) {
		if (g_ptr_array_index(written, i) == NULL)
			continue;
		g_ptr_array_add(doc->surfaces, g_steal_pointer(&written->pdata[i]));
		g_ptr_array_add(doc->surfaces, g_steal_pointer(&words->pdata[i]));
	}
}

static void
cblue_bm25_doc_fill(CblueBm25Doc *doc, CblueKbEntry *entry, CblueBm25Index *self)
{
	g_autoptr(GPtrArray) langs = cblue_kb_entry_get_languages(entry);
	const gchar *const *keywords = cblue_kb_entry_get_keywords(entry);
	const gchar *const *tags = cblue_kb_entry_get_tags(entry);

	for (guint i = 0; i < langs->len; i++) {
		const gchar *lang = g_ptr_array_index(langs, i);
		const gchar *const *questions = cblue_kb_entry_get_questions(entry, lang);
		const gchar *content = cblue_kb_entry_get_content(entry, lang);
		for (guint j = 0; questions[j] != NULL; j++)
			cblue_bm25_doc_add_text(doc, CBLUE_BM25_FIELD_QUESTIONS, self, questions[j]);
		if (content != NULL)
			cblue_bm25_doc_add_text(doc, CBLUE_BM25_FIELD_CONTENT, self, content);
	}
	for (guint j = 0; keywords[j] != NULL; j++)
		cblue_bm25_doc_add_text(doc, CBLUE_BM25_FIELD_KEYWORDS, self, keywords[j]);
	for (guint j = 0; tags[j] != NULL; j++)
		cblue_bm25_doc_add_text(doc, CBLUE_BM25_FIELD_KEYWORDS, self, tags[j]);
}

/* triples are sorted by their leading 64-bit key with retrieval-common's sorts */
G_STATIC_ASSERT(G_STRUCT_OFFSET(CblueBm25Triple, key) == 0 && sizeof(CblueBm25Triple) == 16);
G_STATIC_ASSERT(G_STRUCT_OFFSET(CblueBm25Triple, doc) == 8);

/* a counting table of at least twice @n slots */
static void
cblue_bm25_doc_reserve_counts(CblueBm25Doc *doc, gsize n)
{
	guint bits = 6;
	while (((gsize)1 << bits) < 2 * n)
		bits++;
	if (doc->counts != NULL && bits <= doc->count_bits)
		return;
	g_free(doc->counts);
	g_free(doc->used);
	doc->count_bits = bits;
	doc->counts = g_new0(CblueBm25Count, (gsize)1 << bits);
	doc->used = g_new(guint32, (gsize)1 << (bits - 1));
}

/* the document's (term, document, frequencies) triples, one per distinct term (in order
 * of first occurrence: the triples are sorted by term at the end, stably, so only the
 * order of the documents counts) */
static void
cblue_bm25_doc_to_triples(CblueBm25Doc *doc, guint32 d, GArray *triples)
{
	const CblueBm25Occurrence *o = (const CblueBm25Occurrence *)doc->occurrences->data;
	gsize n = doc->occurrences->len;
	guint32 stamp = d + 1;
	gsize n_used = 0, mask;
	CblueBm25Count *counts;
	CblueBm25Triple *t;

	cblue_bm25_doc_reserve_counts(doc, n);
	counts = doc->counts;
	mask = ((gsize)1 << doc->count_bits) - 1;
	/* open addressing on the keys' top bits (they are mixed hashes; the low bits are the
	 * kind); a slot of another document is empty */
	for (gsize i = 0; i < n; i++) {
		gsize s = (gsize)(o[i].key >> (64 - doc->count_bits));
		while (counts[s].stamp == stamp && counts[s].key != o[i].key)
			s = (s + 1) & mask;
		if (counts[s].stamp != stamp) {
			counts[s] = (CblueBm25Count){o[i].key, stamp, {0}};
			doc->used[n_used++] = (guint32)s;
		}
		counts[s].tf[o[i].field]++;
	}
	t = cblue_bm25_array_grow(triples, n_used);
	for (gsize k = 0; k < n_used; k++) {
		const CblueBm25Count *c = &counts[doc->used[k]];
		t[k] = (CblueBm25Triple){c->key, d, cblue_bm25_tf_pack(c->tf)};
	}
}

static void
cblue_bm25_index_build_dir(CblueBm25Index *self)
{
	g_free(self->dir);
	self->dir = cblue_retrieval_dir_new(self->keys, self->n_terms, 1, 20, &self->dir_bits);
}

/* the term of @key, or -1 */
static inline gint64
cblue_bm25_index_lookup_key(CblueBm25Index *self, guint64 key)
{
	return cblue_retrieval_dir_lookup(self->keys, self->dir, self->dir_bits, key);
}

static inline gint64
cblue_bm25_index_lookup(CblueBm25Index *self, const gchar *text)
{
	return cblue_bm25_index_lookup_key(self, cblue_bm25_term_key(text));
}

/* the skip entries of a list of @df postings */
static inline guint32
cblue_bm25_n_skips(guint32 df)
{
	return df > 0 ? (df - 1) / CBLUE_BM25_BLOCK : 0;
}

/* field 0 (the document before the block) or 1 (the block's offset) of skip entry @i */
static inline guint32
cblue_bm25_skip_get(const guint8 *skips, guint32 i, guint field)
{
	guint32 v;
	memcpy(&v, skips + 8 * (gsize)i + 4 * field, sizeof(v));
	return v;
}

static inline void
cblue_bm25_skip_put(guint8 *skips, guint32 i, guint32 doc, guint32 offset)
{
	memcpy(skips + 8 * (gsize)i, &doc, sizeof(doc));
	memcpy(skips + 8 * (gsize)i + 4, &offset, sizeof(offset));
}

/* whether the one posting of @term is in its offset */
static inline gboolean
cblue_bm25_index_is_inline(CblueBm25Index *self, guint32 term)
{
	return (self->inline_bits[term >> 3] >> (term & 7)) & 1;
}

/* whether a list of @df postings, the first of document @doc with @code, fits in an offset */
static inline gboolean
cblue_bm25_fits_inline(guint32 df, guint32 doc, guint8 code)
{
	return df == 1 && code != CBLUE_BM25_CODE_ESCAPE && cblue_bm25_varint_size(doc) + 1 <= sizeof(guint32);
}

/* the number of postings of @term, where they start in @p and its skip entries in @skips
 * (each if not %NULL) */
static inline guint32
cblue_bm25_index_list(CblueBm25Index *self, guint32 term, const guint8 **p, const guint8 **skips)
{
	const guint8 *q;
	guint32 df;

	if (cblue_bm25_index_is_inline(self, term)) {
		q = (const guint8 *)&self->offsets[term];
		if (skips != NULL)
			*skips = q;
		if (p != NULL)
			*p = q;
		return 1;
	}
	q = self->postings + self->offsets[term];
	df = cblue_bm25_varint_get(&q);
	if (skips != NULL)
		*skips = q;
	if (p != NULL)
		*p = q + 8 * (gsize)cblue_bm25_n_skips(df);
	return df;
}

static inline guint
cblue_bm25_index_df(CblueBm25Index *self, guint32 term)
{
	return cblue_bm25_index_list(self, term, NULL, NULL);
}

/* the packed term frequencies of the posting at *@p (past its document), moving *@p on */
static inline guint32
cblue_bm25_index_read_tfs(CblueBm25Index *self, const guint8 **p)
{
	guint8 code = *(*p)++;
	return code != CBLUE_BM25_CODE_ESCAPE ? self->codes[code] : cblue_bm25_varint_get(p);
}

/* the average field lengths, and the table of length norms: 1 − b + b × length / average
 * length (a few hundred lengths in practice: reading the norm of a length is a look-up in a
 * table that stays in the cache, not a division) */
static void
cblue_bm25_index_compute_norms(CblueBm25Index *self)
{
	const CblueBm25Params *params = &self->params;
	guint n = self->n_docs;
	guint32 longest = 0;

	memset(self->avglen, 0, sizeof(self->avglen));
	for (gsize i = 0; i < (gsize)n * CBLUE_BM25_N_FIELDS; i++) {
		self->avglen[i % CBLUE_BM25_N_FIELDS] += self->doc_lens[i];
		longest = MAX(longest, self->doc_lens[i]);
	}
	for (guint f = 0; f < CBLUE_BM25_N_FIELDS; f++)
		self->avglen[f] = n > 0 ? MAX(self->avglen[f] / n, 1.0) : 1.0;
	self->norm_len = MIN(longest, CBLUE_BM25_NORM_TABLE_MAX - 1) + 1;
	g_clear_pointer(&self->fast_lens, g_free);
	/* (norm_len is at most CBLUE_BM25_NORM_TABLE_MAX: a length in the table fits in 16 bits) */
	if (longest < self->norm_len) {
		self->fast_lens = g_new0(guint16, (gsize)MAX(n, 1) * CBLUE_BM25_FAST_LENS);
		for (gsize d = 0; d < n; d++) {
			for (guint f = 0; f < CBLUE_BM25_N_FIELDS; f++)
				self->fast_lens[d * CBLUE_BM25_FAST_LENS + f] =
				    (guint16)self->doc_lens[d * CBLUE_BM25_N_FIELDS + f];
		}
	}
	g_free(self->norms);
	g_free(self->inverse_norms);
	self->norms = g_new(gdouble, (gsize)self->norm_len * CBLUE_BM25_N_FIELDS);
	self->inverse_norms = g_new(gdouble, (gsize)self->norm_len * CBLUE_BM25_N_FIELDS);
	for (guint f = 0; f < CBLUE_BM25_N_FIELDS; f++) {
		for (guint32 len = 0; len < self->norm_len; len++) {
			gsize i = f * self->norm_len + len;
			self->norms[i] = 1.0 - params->b + params->b * len / self->avglen[f];
			/* (a field of length 0 with b = 1: no term there to divide) */
			self->inverse_norms[i] = self->norms[i] != 0 ? 1.0 / self->norms[i] : 0;
		}
	}
}

static inline gdouble
cblue_bm25_index_norm(CblueBm25Index *self, guint32 doc, guint field)
{
	guint32 len = self->doc_lens[(gsize)doc * CBLUE_BM25_N_FIELDS + field];
	if (G_LIKELY(len < self->norm_len))
		return self->norms[field * self->norm_len + len];
	return 1.0 - self->params.b + self->params.b * len / self->avglen[field];
}

/* each code's frequencies times the field weights */
static void
cblue_bm25_index_compute_code_weights(CblueBm25Index *self)
{
	const CblueBm25Params *params = &self->params;
	const gdouble weights[CBLUE_BM25_N_FIELDS] = {params->weight_questions, params->weight_keywords,
						      params->weight_content};

	g_free(self->code_wtf);
	self->code_wtf = g_new(gdouble, (gsize)MAX(self->n_codes, 1) * CBLUE_BM25_N_FIELDS);
	for (guint c = 0; c < self->n_codes; c++) {
		for (guint g = 0; g < CBLUE_BM25_N_FIELDS; g++)
			self->code_wtf[c * CBLUE_BM25_N_FIELDS + g] = weights[g] * cblue_bm25_tf_get(self->codes[c], g);
	}
}

/* A posting's contribution to a document's score: IDF × the BM25F saturation of its
 * field-weighted, length-normalized term frequency × the term kind's weight. It is computed
 * as a search reads the posting, from the packed frequencies and the document's norms (an
 * index that stored it took 4 bytes more a posting), in the same operations and rounded to
 * a float as when it was stored, so the scores are those of then to the last bit. */
static inline gfloat
cblue_bm25_index_contribution(CblueBm25Index *self, gdouble idf, gdouble weight, guint32 doc, guint8 code,
			      guint32 tfs)
{
	const CblueBm25Params *params = &self->params;
	gdouble escaped[CBLUE_BM25_N_FIELDS];
	const gdouble *wtf = &self->code_wtf[code * CBLUE_BM25_N_FIELDS];
	gdouble tfn = 0;

	if (G_UNLIKELY(code == CBLUE_BM25_CODE_ESCAPE)) {
		const gdouble weights[CBLUE_BM25_N_FIELDS] = {params->weight_questions, params->weight_keywords,
							      params->weight_content};
		for (guint g = 0; g < CBLUE_BM25_N_FIELDS; g++)
			escaped[g] = weights[g] * cblue_bm25_tf_get(tfs, g);
		wtf = escaped;
	}
	/* (a field the term is not in adds nothing: 0 / norm) */
	for (guint g = 0; g < CBLUE_BM25_N_FIELDS; g++) {
		if (wtf[g] != 0)
			tfn += wtf[g] / cblue_bm25_index_norm(self, doc, g);
	}
	return (gfloat)(idf * tfn / (params->k1 + tfn) * weight);
}

/* cblue_bm25_index_contribution() within a relative 1e-12 or so (a multiplication by the
 * inverse norm where it divides by the norm), for the first pass of a search: it only
 * chooses the candidates, with margins far wider, and the second pass sums their exact
 * contributions */
static inline gdouble
cblue_bm25_index_contribution_fast(CblueBm25Index *self, gdouble idf_weight, guint32 doc, guint8 code, guint32 tfs)
{
	const CblueBm25Params *params = &self->params;
	const gdouble *wtf = &self->code_wtf[code * CBLUE_BM25_N_FIELDS];
	gdouble tfn = 0;

	if (G_LIKELY(self->fast_lens != NULL && code != CBLUE_BM25_CODE_ESCAPE)) {
		const guint16 *lens = &self->fast_lens[(gsize)doc * CBLUE_BM25_FAST_LENS];
		for (guint g = 0; g < CBLUE_BM25_N_FIELDS; g++)
			tfn += wtf[g] * self->inverse_norms[g * self->norm_len + lens[g]];
	} else {
		const guint32 *lens = &self->doc_lens[(gsize)doc * CBLUE_BM25_N_FIELDS];
		if (code == CBLUE_BM25_CODE_ESCAPE || lens[0] >= self->norm_len || lens[1] >= self->norm_len ||
		    lens[2] >= self->norm_len)
			return cblue_bm25_index_contribution(self, idf_weight, 1.0, doc, code, tfs);
		for (guint g = 0; g < CBLUE_BM25_N_FIELDS; g++)
			tfn += wtf[g] * self->inverse_norms[g * self->norm_len + lens[g]];
	}
	return idf_weight * tfn / (params->k1 + tfn);
}

/* The code book of the packed term frequencies: the distinct values, most frequent first
 * (ties: the smaller value), at most 255 of them (a few dozen in practice: the frequencies
 * are small). Counted in a table for the small values (questions and keywords < 16,
 * content < 64), in a hash table for the rare others. */
#define CBLUE_BM25_SMALL_TFS (16 * 16 * 64)

static inline gint
cblue_bm25_small_tfs(guint32 tfs)
{
	guint q = cblue_bm25_tf_get(tfs, CBLUE_BM25_FIELD_QUESTIONS);
	guint k = cblue_bm25_tf_get(tfs, CBLUE_BM25_FIELD_KEYWORDS);
	guint c = cblue_bm25_tf_get(tfs, CBLUE_BM25_FIELD_CONTENT);
	return q < 16 && k < 16 && c < 64 ? (gint)(q | k << 4 | c << 8) : -1;
}

typedef struct {
	guint32 tfs;
	guint32 count;
} CblueBm25TfsCount;

static gint
cblue_bm25_compare_tfs_count(gconstpointer a, gconstpointer b)
{
	const CblueBm25TfsCount *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->tfs < y->tfs ? -1 : x->tfs > y->tfs;
}

/* the code book of the triples' frequencies, and the code of each value (@small_codes, of
 * CBLUE_BM25_SMALL_TFS; @large_codes: packed frequencies → code + 1) */
static void
cblue_bm25_index_build_codes(CblueBm25Index *self, const CblueBm25Triple *a, gsize n, guint8 *small_codes,
			     GHashTable *large_codes)
{
	g_autofree guint32 *small = g_new0(guint32, CBLUE_BM25_SMALL_TFS);
	g_autoptr(GHashTable) large = g_hash_table_new(NULL, NULL);
	g_autoptr(GArray) counts = g_array_new(FALSE, FALSE, sizeof(CblueBm25TfsCount));
	GHashTableIter iter;
	gpointer key, value;

	for (gsize i = 0; i < n; i++) {
		gint s = cblue_bm25_small_tfs(a[i].tfs);
		gpointer tfs = GUINT_TO_POINTER(a[i].tfs);
		if (s >= 0)
			small[s]++;
		else
			g_hash_table_insert(large, tfs, GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(large, tfs)) + 1));
	}
	for (guint s = 0; s < CBLUE_BM25_SMALL_TFS; s++) {
		CblueBm25TfsCount c = {(s & 0xf) | (s >> 4 & 0xf) << CBLUE_BM25_TF_SHIFT_KEYWORDS |
					   (s >> 8) << CBLUE_BM25_TF_SHIFT_CONTENT,
				       small[s]};
		if (c.count > 0)
			g_array_append_val(counts, c);
	}
	g_hash_table_iter_init(&iter, large);
	while (g_hash_table_iter_next(&iter, &key, &value)) {
		CblueBm25TfsCount c = {GPOINTER_TO_UINT(key), GPOINTER_TO_UINT(value)};
		g_array_append_val(counts, c);
	}
	g_array_sort(counts, cblue_bm25_compare_tfs_count);
	self->n_codes = MIN(counts->len, CBLUE_BM25_CODE_ESCAPE);
	self->codes = g_new(guint32, MAX(self->n_codes, 1));
	memset(small_codes, CBLUE_BM25_CODE_ESCAPE, CBLUE_BM25_SMALL_TFS);
	for (guint c = 0; c < self->n_codes; c++) {
		guint32 tfs = g_array_index(counts, CblueBm25TfsCount, c).tfs;
		gint s = cblue_bm25_small_tfs(tfs);
		self->codes[c] = tfs;
		if (s >= 0)
			small_codes[s] = (guint8)c;
		else
			g_hash_table_insert(large_codes, GUINT_TO_POINTER(tfs), GUINT_TO_POINTER(c + 1));
	}
}

static inline guint8
cblue_bm25_code_of(const guint8 *small_codes, GHashTable *large_codes, guint32 tfs)
{
	gint s = cblue_bm25_small_tfs(tfs);
	guint code;
	if (s >= 0)
		return small_codes[s];
	code = GPOINTER_TO_UINT(g_hash_table_lookup(large_codes, GUINT_TO_POINTER(tfs)));
	return code > 0 ? (guint8)(code - 1) : CBLUE_BM25_CODE_ESCAPE;
}

/* the bytes of a posting (its document @gap after the previous one, its frequencies @tfs of
 * @code), written at @p if not %NULL */
static inline gsize
cblue_bm25_put_posting(guint8 *p, guint32 gap, guint8 code, guint32 tfs)
{
	gsize size = cblue_bm25_varint_size(gap) + 1 + (code == CBLUE_BM25_CODE_ESCAPE ? cblue_bm25_varint_size(tfs) : 0);
	if (p != NULL) {
		p = cblue_bm25_varint_put(p, gap);
		*p++ = code;
		if (code == CBLUE_BM25_CODE_ESCAPE)
			cblue_bm25_varint_put(p, tfs);
	}
	return size;
}

/* the terms and postings from the sorted triples: one pass to size the postings, one to
 * write them */
static void
cblue_bm25_index_fill(CblueBm25Index *self, const CblueBm25Triple *a, gsize n)
{
	g_autofree guint8 *small_codes = g_new(guint8, CBLUE_BM25_SMALL_TFS);
	g_autoptr(GHashTable) large_codes = g_hash_table_new(NULL, NULL);
	gsize size = 0;
	guint8 *p;

	cblue_bm25_index_build_codes(self, a, n, small_codes, large_codes);
	self->n_terms = 0;
	for (gsize i = 0, end; i < n; i = end) {
		for (end = i + 1; end < n && a[end].key == a[i].key; end++)
			;
		self->n_terms++;
		if (cblue_bm25_fits_inline(end - i, a[i].doc, cblue_bm25_code_of(small_codes, large_codes, a[i].tfs)))
			continue;
		size += cblue_bm25_varint_size(end - i) + 8 * (gsize)cblue_bm25_n_skips(end - i);
		for (gsize k = i; k < end; k++)
			size += cblue_bm25_put_posting(NULL, k > i ? a[k].doc - a[k - 1].doc : a[k].doc,
						       cblue_bm25_code_of(small_codes, large_codes, a[k].tfs), a[k].tfs);
	}
	g_return_if_fail(size <= G_MAXUINT32);
	self->keys = g_new(guint64, MAX(self->n_terms, 1));
	self->offsets = g_new(guint32, self->n_terms + 1);
	self->inline_bits = g_new0(guint8, self->n_terms / 8 + 1);
	self->postings = g_malloc(MAX(size, 1));
	p = self->postings;
	for (gsize i = 0, end, t = 0; i < n; i = end, t++) {
		for (end = i + 1; end < n && a[end].key == a[i].key; end++)
			;
		guint8 *skips, *data;
		guint8 first_code = cblue_bm25_code_of(small_codes, large_codes, a[i].tfs);
		self->keys[t] = a[i].key;
		if (cblue_bm25_fits_inline(end - i, a[i].doc, first_code)) {
			guint8 posting[sizeof(guint32)] = {0};
			cblue_bm25_put_posting(posting, a[i].doc, first_code, a[i].tfs);
			memcpy(&self->offsets[t], posting, sizeof(guint32));
			self->inline_bits[t >> 3] |= 1u << (t & 7);
			continue;
		}
		self->offsets[t] = p - self->postings;
		p = cblue_bm25_varint_put(p, end - i);
		skips = p;
		data = p = skips + 8 * (gsize)cblue_bm25_n_skips(end - i);
		for (gsize k = i; k < end; k++) {
			guint8 code = cblue_bm25_code_of(small_codes, large_codes, a[k].tfs);
			if (k > i && (k - i) % CBLUE_BM25_BLOCK == 0)
				cblue_bm25_skip_put(skips, (k - i) / CBLUE_BM25_BLOCK - 1, a[k - 1].doc, p - data);
			p += cblue_bm25_put_posting(p, k > i ? a[k].doc - a[k - 1].doc : a[k].doc, code, a[k].tfs);
		}
	}
	self->offsets[self->n_terms] = p - self->postings;
	cblue_bm25_index_build_dir(self);
	cblue_bm25_index_compute_norms(self);
	cblue_bm25_index_compute_code_weights(self);
}

static guint
cblue_bm25_index_surface_df(CblueBm25Index *self, const gchar *surface)
{
	const gchar *stem = g_hash_table_lookup(self->surfaces, surface);
	gint64 term = stem != NULL ? cblue_bm25_index_lookup(self, stem) : -1;
	return term >= 0 ? cblue_bm25_index_df(self, term) : 0;
}

/* a delete while the index is built: its hash, the pool entry of the word that produces it
 * and that word's document frequency */
typedef struct {
	guint64 key;
	guint32 word;
	guint32 df;
} CblueBm25Delete;

G_STATIC_ASSERT(G_STRUCT_OFFSET(CblueBm25Delete, key) == 0 && sizeof(CblueBm25Delete) == 16);

/* the word (pool entry) of the delete of hash @key, or -1 */
static gint64
cblue_bm25_index_lookup_delete(CblueBm25Index *self, guint64 key)
{
	gint64 i = cblue_retrieval_dir_lookup(self->delete_keys, self->delete_dir, self->delete_dir_bits, key);
	return i >= 0 ? (gint64)self->delete_words[i] : -1;
}

/* Symmetric-delete index for typo tolerance, over the Latin words as the KB writes them
 * (stems of misspelt words are too far from the right stems): every word of 4+ bytes minus
 * one byte, pointing to the most frequent word that produces it (ties: the word the KB
 * wrote first). Hashes in a sorted array rather than a table of strings: 12 bytes a delete
 * instead of about a hundred. */
static void
cblue_bm25_index_build_deletes(CblueBm25Index *self)
{
	g_autoptr(GArray) all = g_array_new(FALSE, FALSE, sizeof(CblueBm25Delete));
	const CblueBm25Delete *d;
	guint32 best_df = 0;
	guint n = 0;

	for (guint i = 0; i < self->pool_keys->len; i++) {
		const gchar *word = g_ptr_array_index(self->pool_keys, i);
		gsize len = strlen(word);
		gpointer first = NULL;
		guint df;
		/* each word once, as its first entry */
		if (len < CBLUE_RETRIEVAL_TYPO_MIN_LEN || !g_hash_table_lookup_extended(self->surfaces, word, &first, NULL) ||
		    first != word)
			continue;
		df = cblue_bm25_index_surface_df(self, word);
		for (gsize b = 0; b < len; b++) {
			CblueBm25Delete del = {cblue_bm25_hash(word, len, b), i, df};
			g_array_append_val(all, del);
		}
	}
	cblue_retrieval_radix_sort_records(all->data, all->len, sizeof(CblueBm25Delete));
	d = (const CblueBm25Delete *)all->data;
	for (guint i = 0; i < all->len; i++) {
		if (i == 0 || d[i].key != d[i - 1].key)
			n++;
	}
	self->n_deletes = n;
	self->delete_keys = g_new(guint64, MAX(n, 1));
	self->delete_words = g_new(guint32, MAX(n, 1));
	n = 0;
	/* a stable sort: within a key, in pool order */
	for (guint i = 0; i < all->len; i++) {
		if (i == 0 || d[i].key != d[i - 1].key) {
			self->delete_keys[n] = d[i].key;
			self->delete_words[n++] = d[i].word;
			best_df = d[i].df;
		} else if (d[i].df > best_df) {
			self->delete_words[n - 1] = d[i].word;
			best_df = d[i].df;
		}
	}
	self->delete_dir = cblue_retrieval_dir_new(self->delete_keys, self->n_deletes, 1, 20, &self->delete_dir_bits);
}

/* the deletes of the Latin stop words that a typo may be found in (see
 * cblue_bm25_is_stopword_typo()): a few hundred words, so a table of strings */
static GHashTable *
cblue_bm25_stop_deletes_new(GHashTable *stopwords)
{
	GHashTable *deletes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTableIter iter;
	gpointer key;

	g_hash_table_iter_init(&iter, stopwords);
	while (g_hash_table_iter_next(&iter, &key, NULL)) {
		const gchar *word = key;
		gsize len = strlen(word);
		if (len < CBLUE_BM25_STOP_TYPO_MIN_LEN || !cblue_retrieval_typo_candidate(word, len))
			continue;
		for (gsize i = 0; i < len; i++) {
			gchar *del = g_malloc(len);
			memcpy(del, word, i);
			memcpy(del + i, word + i + 1, len - i);
			/* of two stop words with this delete, either tells a typo of a stop word
			 * (a same-length slip is checked against the one kept, rarely missed) */
			if (g_hash_table_contains(deletes, del))
				g_free(del);
			else
				g_hash_table_insert(deletes, del, (gpointer)word);
		}
	}
	return deletes;
}

static CblueBm25Index *
cblue_bm25_index_alloc(CblueTokenizer *tokenizer, GHashTable *stopwords, CblueRetrievalSynonyms *synonyms)
{
	CblueBm25Index *self = g_atomic_rc_box_new0(CblueBm25Index);
	self->surfaces = g_hash_table_new(g_str_hash, g_str_equal);
	self->topic_ids = g_ptr_array_new_with_free_func(g_free);
	self->tokenizer = g_object_ref(tokenizer);
	self->stopwords = g_hash_table_ref(stopwords);
	self->stop_filter = g_new(CblueBm25StopFilter, 1);
	cblue_bm25_stop_filter_init(self->stop_filter, stopwords);
	self->stop_deletes = cblue_bm25_stop_deletes_new(stopwords);
	self->synonyms = synonyms != NULL ? cblue_retrieval_synonyms_ref(synonyms) : NULL;
	return self;
}

/* the pool in order of first appearance over the documents (so that a full and an
 * incremental build have the same), without the entries of removed documents */
static void
cblue_bm25_index_take_pool(CblueBm25Index *self, CblueBm25PoolBuilder *pool)
{
	guint n_ids = pool->doc_ids->len;
	guint32 *ids = (guint32 *)pool->doc_ids->data;
	gsize size = 0;
	guint8 *p;
	g_autofree guint32 *renumber = g_new(guint32, MAX(pool->keys->len, 1));

	memset(renumber, 0xff, MAX(pool->keys->len, 1) * sizeof(guint32));
	self->pool_keys = g_ptr_array_new_with_free_func(g_free);
	self->pool_values = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 0; i < n_ids; i++) {
		guint32 id = ids[i];
		if (renumber[id] == G_MAXUINT32) {
			renumber[id] = self->pool_keys->len;
			g_ptr_array_add(self->pool_keys, g_steal_pointer(&pool->keys->pdata[id]));
			g_ptr_array_add(self->pool_values, g_steal_pointer(&pool->values->pdata[id]));
		}
		ids[i] = renumber[id];
	}
	self->doc_surface_offsets = g_new(guint32, (gsize)self->n_docs + 1);
	for (guint d = 0, i = 0; d <= self->n_docs; d++) {
		guint end = d < self->n_docs ? g_array_index(pool->doc_offsets, guint32, d) : n_ids;
		for (; i < end; i++)
			size += cblue_bm25_varint_size(ids[i]);
		self->doc_surface_offsets[d] = (guint32)size;
	}
	p = self->doc_surface_ids = g_new(guint8, MAX(size, 1));
	for (guint i = 0; i < n_ids; i++)
		p = cblue_bm25_varint_put(p, ids[i]);
}

/* the surfaces from the pool (the first entry of a word wins, as the first document that
 * wrote it), then the deletes */
static void
cblue_bm25_index_build_surfaces(CblueBm25Index *self)
{
	for (guint i = 0; i < self->pool_keys->len; i++) {
		gchar *word = g_ptr_array_index(self->pool_keys, i);
		gchar *stem = g_ptr_array_index(self->pool_values, i);
		if (!g_hash_table_contains(self->surfaces, word))
			g_hash_table_insert(self->surfaces, word, stem != NULL ? stem : word);
	}
	cblue_bm25_index_build_deletes(self);
}

/* the reused document @d (@old in @previous): its field lengths and its surfaces' entries */
static void
cblue_bm25_index_reuse_doc(CblueBm25Index *self, CblueBm25Index *previous, guint32 old, guint32 d,
			   CblueBm25PoolBuilder *pool, guint32 *old_ids)
{
	const guint8 *end = previous->doc_surface_ids + previous->doc_surface_offsets[old + 1];

	memcpy(&self->doc_lens[(gsize)d * CBLUE_BM25_N_FIELDS], &previous->doc_lens[(gsize)old * CBLUE_BM25_N_FIELDS],
	       CBLUE_BM25_N_FIELDS * sizeof(guint32));
	for (const guint8 *p = previous->doc_surface_ids + previous->doc_surface_offsets[old]; p < end;) {
		guint32 id = cblue_bm25_varint_get(&p);
		if (old_ids[id] == G_MAXUINT32)
			old_ids[id] = cblue_bm25_pool_builder_intern(pool, g_ptr_array_index(previous->pool_keys, id),
								     g_ptr_array_index(previous->pool_values, id));
		cblue_bm25_pool_builder_use(pool, d, old_ids[id]);
	}
}

/* the postings of @self in all */
static gsize
cblue_bm25_index_count_postings(CblueBm25Index *self)
{
	gsize n = 0;
	for (guint32 t = 0; t < self->n_terms; t++)
		n += cblue_bm25_index_df(self, t);
	return n;
}

/* the reused documents' postings straight from the previous index, written to @triples
 * (room for all its postings) in (key, previous document) order; returns how many */
static gsize
cblue_bm25_index_reuse_postings(CblueBm25Index *previous, const guint32 *old_to_new, CblueBm25Triple *triples)
{
	gsize n_out = 0;

	for (guint32 t = 0; t < previous->n_terms; t++) {
		const guint8 *p;
		guint32 df = cblue_bm25_index_list(previous, t, &p, NULL);
		for (guint32 k = 0, doc = 0; k < df; k++) {
			CblueBm25Triple triple;
			doc += cblue_bm25_varint_get(&p);
			triple.key = previous->keys[t];
			triple.doc = old_to_new[doc];
			triple.tfs = cblue_bm25_index_read_tfs(previous, &p);
			if (triple.doc != G_MAXUINT32)
				triples[n_out++] = triple;
		}
	}
	return n_out;
}

CblueBm25Index *
cblue_bm25_index_new(CblueKb *kb, CblueTokenizer *tokenizer, GHashTable *stopwords, CblueRetrievalSynonyms *synonyms,
		     const CblueBm25Params *params)
{
	return cblue_bm25_index_build(kb, tokenizer, stopwords, synonyms, params, NULL, 0, NULL);
}

/* see cblue_bm25_index_build(), on the default number of threads */
CblueBm25Index *
cblue_bm25_index_new_incremental(CblueKb *kb, CblueTokenizer *tokenizer, GHashTable *stopwords,
				 CblueRetrievalSynonyms *synonyms, const CblueBm25Params *params, CblueBm25Index *previous,
				 guint *n_analyzed)
{
	return cblue_bm25_index_build(kb, tokenizer, stopwords, synonyms, params, previous, 0, n_analyzed);
}

/* a build in progress, shared by its threads: they only read it, but for the field lengths
 * of the documents they analyze; the merge (the calling thread) writes the rest */
typedef struct {
	CblueBm25Index *self;
	GPtrArray *entries; /* borrowed: the KB's */
	const gint64 *reused; /* n_docs: the previous document each document reuses, or -1 */
	CblueBm25Index *previous; /* nullable */
	CblueBm25PoolBuilder pool;
	guint32 *old_ids; /* owned, nullable: the previous pool's entries in the new pool, + 1 */
	GPtrArray *parts; /* owned, of GArray of CblueBm25Triple: each chunk's, in document order */
	gsize n_triples; /* in all the parts */
} CblueBm25Build;

/* the triples of @parts (GArrays of CblueBm25Triple in document order, @n in all, each freed
 * once read) in (key, document) order, in a new array (cblue_retrieval_bucket_sort_parts()),
 * sorted straight from the parts */
static CblueBm25Triple *
cblue_bm25_sort_parts(GPtrArray *parts, gsize n)
{
	return cblue_retrieval_bucket_sort_parts(parts, n);
}

/* the analysis of a chunk of consecutive documents */
typedef struct {
	GArray *triples; /* owned, of CblueBm25Triple, in document order */
	GPtrArray *surfaces; /* owned, of utf8: (word as written, stem) pairs, in order */
	GArray *surface_ends; /* owned, of guint32: per analyzed document, where its pairs end */
} CblueBm25Chunk;

static gpointer
cblue_bm25_analyzer_new(gpointer user_data)
{
	CblueBm25Doc *doc = g_new(CblueBm25Doc, 1);
	cblue_bm25_doc_init(doc);
	doc->memo = cblue_bm25_memo_new();
	return doc;
}

static void
cblue_bm25_analyzer_free(gpointer analyzer)
{
	cblue_bm25_doc_clear(analyzer);
	g_free(analyzer);
}

/* analyzes the documents of [@first, @last) that are not reused (on any thread) */
static gpointer
cblue_bm25_analyze_chunk(gpointer analyzer, guint first, guint last, gpointer user_data)
{
	CblueBm25Build *build = user_data;
	CblueBm25Doc *doc = analyzer;
	CblueBm25Chunk *chunk = g_new(CblueBm25Chunk, 1);

	/* (room for as many as the largest chunk so far: not grown and copied again and again) */
	chunk->triples = g_array_sized_new(FALSE, FALSE, sizeof(CblueBm25Triple), doc->reserve);
	chunk->surfaces = g_ptr_array_new_with_free_func(g_free);
	chunk->surface_ends = g_array_new(FALSE, FALSE, sizeof(guint32));
	doc->surfaces = chunk->surfaces;
	for (guint d = first; d < last; d++) {
		if (build->reused[d] >= 0)
			continue;
		g_array_set_size(doc->occurrences, 0);
		memset(doc->len, 0, sizeof(doc->len));
		cblue_bm25_doc_fill(doc, g_ptr_array_index(build->entries, d), build->self);
		memcpy(&build->self->doc_lens[(gsize)d * CBLUE_BM25_N_FIELDS], doc->len, sizeof(doc->len));
		cblue_bm25_doc_to_triples(doc, d, chunk->triples);
		g_array_append_val(chunk->surface_ends, chunk->surfaces->len);
	}
	doc->surfaces = NULL;
	doc->reserve = MAX(doc->reserve, chunk->triples->len);
	return chunk;
}

/* takes a chunk's documents in order (on the build's thread): each document's entries of the
 * pool, as a build on one thread adds them, and its triples */
static void
cblue_bm25_merge_chunk(gpointer data, guint first, guint last, gpointer user_data)
{
	CblueBm25Build *build = user_data;
	CblueBm25Chunk *chunk = data;
	CblueBm25PoolBuilder *pool = &build->pool;
	guint i = 0, k = 0;

	for (guint d = first; d < last; d++) {
		guint end;
		g_array_append_val(pool->doc_offsets, pool->doc_ids->len);
		if (build->reused[d] >= 0) {
			cblue_bm25_index_reuse_doc(build->self, build->previous, (guint32)build->reused[d], d, pool,
						   build->old_ids);
			continue;
		}
		for (end = g_array_index(chunk->surface_ends, guint32, k++); i < end; i += 2) {
			const gchar *surface = g_ptr_array_index(chunk->surfaces, i);
			const gchar *stem = g_ptr_array_index(chunk->surfaces, i + 1);
			cblue_bm25_pool_builder_use(pool, d, cblue_bm25_pool_builder_intern(pool, surface, stem));
			cblue_bm25_pool_builder_use(pool, d, cblue_bm25_pool_builder_intern(pool, stem, NULL));
		}
	}
	/* the triples are kept as they are, and sorted straight from the chunks */
	build->n_triples += chunk->triples->len;
	g_ptr_array_add(build->parts, chunk->triples);
	g_ptr_array_unref(chunk->surfaces);
	g_array_unref(chunk->surface_ends);
	g_free(chunk);
}

static const CblueRetrievalChunkFuncs cblue_bm25_build_funcs = {
	cblue_bm25_analyzer_new,
	cblue_bm25_analyzer_free,
	cblue_bm25_analyze_chunk,
	cblue_bm25_merge_chunk,
};

/**
 * cblue_bm25_index_build:
 * @previous: (nullable): the index of the previous KB
 * @n_threads: the threads that analyze the entries (0: as many as the CPUs this thread may
 *   run on and one per 128 entries to analyze, see cblue_retrieval_build_threads())
 * @n_analyzed: (out) (optional): how many entries were analyzed (the others were reused)
 *
 * Builds the index of @kb, analyzing only the entries that are not in @previous (built
 * with the same tokenizer, stop words, synonyms and parameters) with the same text: their
 * per-field term frequencies, field lengths and Latin words come from @previous. The IDFs,
 * average field lengths and contributions are computed over the whole new KB, so the
 * result is byte for byte a full build's. The entries are analyzed on @n_threads threads
 * and their results taken in the KB's order: the index is the same on any number.
 */
CblueBm25Index *
cblue_bm25_index_build(CblueKb *kb, CblueTokenizer *tokenizer, GHashTable *stopwords, CblueRetrievalSynonyms *synonyms,
		       const CblueBm25Params *params, CblueBm25Index *previous, guint n_threads, guint *n_analyzed)
{
	GPtrArray *entries = cblue_kb_get_entries(kb);
	guint n = entries->len;
	CblueBm25Index *self = cblue_bm25_index_alloc(tokenizer, stopwords, synonyms);
	g_auto(CblueRetrievalReuse) reuse = {NULL, NULL, NULL, 0};
	g_autofree gint64 *reused = g_new(gint64, MAX(n, 1));
	CblueBm25Build build = {.self = self, .entries = entries, .reused = reused};
	guint analyzed = 0;
	g_autofree CblueBm25Triple *triples = NULL;
	gsize n_triples;

	if (previous != NULL &&
	    (previous->tokenizer != tokenizer || previous->stopwords != stopwords || previous->synonyms != synonyms ||
	     memcmp(&previous->params, params, sizeof(*params)) != 0))
		previous = NULL;
	cblue_retrieval_reuse_init(&reuse, previous != NULL ? previous->topic_ids : NULL,
				   previous != NULL ? previous->doc_hashes : NULL);
	if (previous != NULL) {
		build.previous = previous;
		build.old_ids = g_new(guint32, MAX(previous->pool_keys->len, 1));
		memset(build.old_ids, 0xff, (gsize)MAX(previous->pool_keys->len, 1) * sizeof(guint32));
	}
	cblue_bm25_pool_builder_init(&build.pool);
	build.parts = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
	self->params = *params;
	self->n_docs = n;
	self->idf_unknown = log(1.0 + (n + 0.5) / 0.5);
	self->doc_lens = g_new0(guint32, (gsize)MAX(n, 1) * CBLUE_BM25_N_FIELDS);
	self->doc_hashes = g_new0(guint64, 2 * (gsize)MAX(n, 1));
	/* which entries are reused, in order (a topic twice in the KB is analyzed the second
	 * time), then the others analyzed on the threads */
	for (guint d = 0; d < n; d++) {
		reused[d] = cblue_retrieval_reuse_entry(&reuse, g_ptr_array_index(entries, d), d, self->doc_hashes,
							 self->topic_ids);
		if (reused[d] < 0)
			analyzed++;
	}
	/* a KB published again unchanged: its index is the previous one (cblue_ngram_index_build()) */
	if (previous != NULL && analyzed == 0 && cblue_retrieval_reuse_is_unchanged(&reuse, n)) {
		cblue_bm25_pool_builder_clear(&build.pool);
		g_free(build.old_ids);
		g_ptr_array_unref(build.parts);
		cblue_bm25_index_unref(self);
		if (n_analyzed != NULL)
			*n_analyzed = 0;
		return cblue_bm25_index_ref(previous);
	}
	cblue_retrieval_run_chunks(n, cblue_retrieval_build_threads(n_threads, analyzed), &cblue_bm25_build_funcs,
				   &build);
	/* all in (key, document) order, as a full build has them */
	if (previous != NULL && analyzed < n) {
		/* the reused postings after room for the analyzed ones, in one array */
		triples =
		    g_malloc(MAX(cblue_bm25_index_count_postings(previous) + build.n_triples, 1) * sizeof(CblueBm25Triple));
		n_triples = build.n_triples +
			    cblue_bm25_index_reuse_postings(previous, reuse.old_to_new, triples + build.n_triples);
		if (cblue_retrieval_reuse_in_order(&reuse)) {
			/* the analyzed documents' triples sorted, then merged in place with the
			 * reused ones, already in order */
			g_autofree CblueBm25Triple *analyzed_sorted = cblue_bm25_sort_parts(build.parts, build.n_triples);
			g_clear_pointer(&build.parts, g_ptr_array_unref);
			cblue_retrieval_merge_records(analyzed_sorted, build.n_triples, triples + build.n_triples,
						      n_triples - build.n_triples, triples);
		} else {
			gsize k = 0;
			/* (rare: the KB's topics in another order) */
			for (guint i = 0; i < build.parts->len; i++) {
				GArray *part = g_ptr_array_index(build.parts, i);
				/* (an empty GArray's data may be NULL: no memcpy from it) */
				if (part->len == 0)
					continue;
				memcpy(triples + k, part->data, part->len * sizeof(CblueBm25Triple));
				k += part->len;
			}
			g_clear_pointer(&build.parts, g_ptr_array_unref);
			cblue_retrieval_sort_records_by_u32(triples, n_triples, n);
			/* stable: in document order within a key */
			cblue_retrieval_radix_sort_records(triples, n_triples, sizeof(CblueBm25Triple));
		}
	} else {
		/* stable: in document order within a key */
		triples = cblue_bm25_sort_parts(build.parts, build.n_triples);
		n_triples = build.n_triples;
		g_clear_pointer(&build.parts, g_ptr_array_unref);
	}
	cblue_bm25_index_fill(self, triples, n_triples);
	g_clear_pointer(&triples, g_free);
	cblue_bm25_index_take_pool(self, &build.pool);
	cblue_bm25_pool_builder_clear(&build.pool);
	g_free(build.old_ids);
	cblue_bm25_index_build_surfaces(self);
	cblue_retrieval_release_memory();
	if (n_analyzed != NULL)
		*n_analyzed = analyzed;
	return self;
}

static void
cblue_bm25_index_clear(gpointer data)
{
	CblueBm25Index *self = data;
	g_free(self->delete_keys);
	g_free(self->delete_words);
	g_free(self->delete_dir);
	g_hash_table_unref(self->surfaces);
	g_ptr_array_unref(self->topic_ids);
	g_free(self->doc_lens);
	g_free(self->doc_hashes);
	g_clear_pointer(&self->pool_keys, g_ptr_array_unref);
	g_clear_pointer(&self->pool_values, g_ptr_array_unref);
	g_free(self->doc_surface_offsets);
	g_free(self->doc_surface_ids);
	g_free(self->keys);
	g_free(self->offsets);
	g_free(self->inline_bits);
	g_free(self->dir);
	g_free(self->postings);
	g_free(self->codes);
	g_free(self->norms);
	g_free(self->inverse_norms);
	g_free(self->fast_lens);
	g_free(self->code_wtf);
	g_object_unref(self->tokenizer);
	g_hash_table_unref(self->stopwords);
	g_free(self->stop_filter);
	g_hash_table_unref(self->stop_deletes);
	g_clear_pointer(&self->synonyms, cblue_retrieval_synonyms_unref);
}

CblueBm25Index *
cblue_bm25_index_ref(CblueBm25Index *index)
{
	return g_atomic_rc_box_acquire(index);
}

void
cblue_bm25_index_unref(CblueBm25Index *index)
{
	g_atomic_rc_box_release_full(index, cblue_bm25_index_clear);
}

guint
cblue_bm25_index_get_n_terms(CblueBm25Index *index)
{
	return index->n_terms;
}

/* a heap block of @size bytes as glibc's malloc accounts it (8 bytes of header, 16-byte
 * granules, 32 at least) */
static gsize
cblue_bm25_block_size(gsize size)
{
	return MAX((size + 8 + 15) & ~(gsize)15, 32);
}

/* the bytes of a string-keyed hash table with borrowed values: GLib keeps the hashes, keys
 * and values in three arrays of a power-of-two size (at least 8) */
static gsize
cblue_bm25_table_size(GHashTable *table, gboolean owns_keys)
{
	GHashTableIter iter;
	gpointer key;
	gsize size = 1, bytes = cblue_bm25_block_size(64);

	while (size < 8 || size < g_hash_table_size(table) * 2)
		size <<= 1;
	bytes += 3 * cblue_bm25_block_size(size * sizeof(gpointer));
	g_hash_table_iter_init(&iter, table);
	while (owns_keys && g_hash_table_iter_next(&iter, &key, NULL))
		bytes += cblue_bm25_block_size(strlen(key) + 1);
	return bytes;
}

/* the bytes the index takes on the heap (an estimate from its layout; the tokenizer, stop
 * words and synonyms, shared with the retriever, aside) */
gsize
cblue_bm25_index_get_memory_size(CblueBm25Index *self)
{
	gsize n_docs = MAX(self->n_docs, 1);
	gsize bytes = cblue_bm25_table_size(self->surfaces, FALSE);

	bytes += cblue_bm25_block_size(MAX(self->n_deletes, 1) * sizeof(guint64)) +
		 cblue_bm25_block_size(MAX(self->n_deletes, 1) * sizeof(guint32)) +
		 cblue_bm25_block_size((((gsize)1 << self->delete_dir_bits) + 1) * sizeof(guint32));
	bytes += cblue_bm25_block_size(n_docs * CBLUE_BM25_N_FIELDS * sizeof(guint32)) +
		 2 * cblue_bm25_block_size((gsize)self->norm_len * CBLUE_BM25_N_FIELDS * sizeof(gdouble)) +
		 (self->fast_lens != NULL ? cblue_bm25_block_size(n_docs * CBLUE_BM25_FAST_LENS * sizeof(guint16)) : 0) +
		 cblue_bm25_block_size(n_docs * 2 * sizeof(guint64)) +
		 cblue_bm25_block_size(((gsize)self->n_docs + 1) * sizeof(guint32)) +
		 cblue_bm25_block_size((gsize)MAX(self->doc_surface_offsets[self->n_docs], 1));
	for (guint i = 0; i < self->pool_keys->len; i++) {
		const gchar *stem = g_ptr_array_index(self->pool_values, i);
		bytes += cblue_bm25_block_size(strlen(g_ptr_array_index(self->pool_keys, i)) + 1) + 2 * sizeof(gpointer);
		if (stem != NULL)
			bytes += cblue_bm25_block_size(strlen(stem) + 1);
	}
	bytes += cblue_bm25_block_size(MAX(self->n_terms, 1) * sizeof(guint64)) +
		 cblue_bm25_block_size(((gsize)self->n_terms + 1) * sizeof(guint32)) +
		 cblue_bm25_block_size((gsize)self->n_terms / 8 + 1) +
		 cblue_bm25_block_size((((gsize)1 << self->dir_bits) + 1) * sizeof(guint32)) +
		 cblue_bm25_block_size(MAX(self->offsets[self->n_terms], 1)) +
		 cblue_bm25_block_size(MAX(self->n_codes, 1) * (sizeof(guint32) + CBLUE_BM25_N_FIELDS * sizeof(gdouble)));
	for (guint i = 0; i < self->topic_ids->len; i++)
		bytes += cblue_bm25_block_size(strlen(g_ptr_array_index(self->topic_ids, i)) + 1) + sizeof(gpointer);
	return bytes;
}

/* the stem of a KB word one typo away from an unknown Latin word as written, or NULL
 * (see CBLUE_RETRIEVAL_TYPO_MIN_LEN); the KB's most frequent one */
static const gchar *
cblue_bm25_index_correct(CblueBm25Index *self, const gchar *surface)
{
	gsize len = strlen(surface);
	const gchar *best = NULL;
	guint best_df = 0;
	g_autofree gchar *del = NULL;

	if (!cblue_retrieval_typo_candidate(surface, len))
		return NULL;
	del = g_malloc(len);
	for (gint i = -1; i < (gint)len; i++) {
		const gchar *candidates[2] = {NULL, NULL};
		gint64 other_id = cblue_bm25_index_lookup_delete(self, cblue_bm25_hash(surface, len, i < 0 ? G_MAXSIZE : (gsize)i));
		const gchar *other = other_id >= 0 ? g_ptr_array_index(self->pool_keys, other_id) : NULL;
		/* i < 0: a letter missing from the word; else one too many (in words of 5+ letters:
		 * "poem" is not "poe"), or one wrong */
		if (i < 0) {
			candidates[0] = other;
		} else {
			gpointer key = NULL;
			memcpy(del, surface, i);
			memcpy(del + i, surface + i + 1, len - i);
			if (len > CBLUE_RETRIEVAL_TYPO_MIN_LEN &&
			    g_hash_table_lookup_extended(self->surfaces, del, &key, NULL))
				candidates[0] = key;
			if (other != NULL && cblue_retrieval_typo_same_length(surface, other, TRUE))
				candidates[1] = other;
		}
		for (guint c = 0; c < G_N_ELEMENTS(candidates); c++) {
			guint df;
			if (candidates[c] == NULL || candidates[c][0] != surface[0])
				continue;
			df = cblue_bm25_index_surface_df(self, candidates[c]);
			if (df > best_df) {
				best = g_hash_table_lookup(self->surfaces, candidates[c]);
				best_df = df;
			}
		}
	}
	return best;
}

/* whether @word occurs in @text at @p as a whole word (not inside a word of ASCII letters) */
static gboolean
cblue_bm25_whole_word_at(const gchar *text, const gchar *p, gsize len)
{
	return (p == text || !g_ascii_isalnum(p[-1])) && !g_ascii_isalnum(p[len]);
}

/* A question's unknown Latin words that are one typo away from no word of the KB but from a
 * word of the synonyms' terms ("blackot": the KB's "blackout" is indexed as "power outage"),
 * written as that word, and the question analyzed again (@words, @surfaces and @ngrams
 * replaced), so that the synonyms rewrite it as they do the KB. */
static void
cblue_bm25_index_correct_to_synonyms(CblueBm25Index *self, const gchar *text, GPtrArray *words, GPtrArray *surfaces,
				     GPtrArray *ngrams)
{
	g_autoptr(GString) corrected = NULL;

	if (self->synonyms == NULL)
		return;
	for (guint i = 0; i < words->len; i++) {
		const gchar *surface = g_ptr_array_index(surfaces, i);
		g_autofree gchar *word = NULL;
		gsize len;
		if (surface == NULL || cblue_bm25_index_lookup(self, g_ptr_array_index(words, i)) >= 0 ||
		    cblue_bm25_index_correct(self, surface) != NULL)
			continue;
		word = cblue_retrieval_synonyms_correct(self->synonyms, surface);
		/* a short stop word of a term ("good" of "good value") is as a slip in a stop word
		 * (cblue_bm25_index_drop_stopword_typos()): too often another word ("goold" is gold) */
		if (word == NULL || (strlen(word) < CBLUE_BM25_STOP_TYPO_MIN_LEN &&
				     cblue_bm25_is_stopword(self->stopwords, self->stop_filter, word, strlen(word))))
			continue;
		if (corrected == NULL) {
			g_autofree gchar *normalized = cblue_tokenizer_normalize(self->tokenizer, text);
			corrected = g_string_new(normalized);
		}
		len = strlen(surface);
		for (gchar *p = strstr(corrected->str, surface); p != NULL; p = strstr(p, surface)) {
			gsize at = p - corrected->str;
			if (!cblue_bm25_whole_word_at(corrected->str, p, len)) {
				p += len;
				continue;
			}
			g_string_erase(corrected, at, len);
			g_string_insert(corrected, at, word);
			p = corrected->str + at + strlen(word);
		}
	}
	if (corrected == NULL)
		return;
	g_ptr_array_set_size(words, 0);
	g_ptr_array_set_size(surfaces, 0);
	g_ptr_array_set_size(ngrams, 0);
	cblue_bm25_analyze_to_keys(self->tokenizer, self->stopwords, self->stop_filter, NULL, self->synonyms, corrected->str,
				   words, surfaces, ngrams, NULL, NULL);
}

/* whether @surface, a Latin word as written, is one typo away from a stop word of
 * CBLUE_BM25_STOP_TYPO_MIN_LEN letters or more by the rules of cblue_bm25_index_correct()
 * ("abouut", "befure", "somoene") */
static gboolean
cblue_bm25_is_stopword_typo(CblueBm25Index *self, const gchar *surface)
{
	gsize len = strlen(surface);
	g_autofree gchar *del = NULL;
	const gchar *other;

	if (!cblue_retrieval_typo_candidate(surface, len))
		return FALSE;
	/* a letter missing */
	other = g_hash_table_lookup(self->stop_deletes, surface);
	if (other != NULL && other[0] == surface[0])
		return TRUE;
	del = g_malloc(len);
	for (gsize i = 1; i < len; i++) {
		memcpy(del, surface, i);
		memcpy(del + i, surface + i + 1, len - i);
		/* one letter too many */
		if (len > CBLUE_BM25_STOP_TYPO_MIN_LEN && cblue_bm25_is_stopword(self->stopwords, NULL, del, len - 1))
			return TRUE;
		/* two letters swapped, or one wrong */
		other = g_hash_table_lookup(self->stop_deletes, del);
		if (other != NULL && cblue_retrieval_typo_same_length(surface, other, TRUE))
			return TRUE;
	}
	return FALSE;
}

/* A question's unknown Latin words that are not a typo of a KB word but of a stop word
 * ("befure", "abouut") dropped as the stop word would have been: a misspelt "before" is no
 * word of the question that the KB fails to explain, and counted against the confidence,
 * it had an in-scope question refused. */
static void
cblue_bm25_index_drop_stopword_typos(CblueBm25Index *self, GPtrArray *words, GPtrArray *surfaces)
{
	for (guint i = words->len; i-- > 0;) {
		const gchar *word = g_ptr_array_index(words, i);
		const gchar *surface = g_ptr_array_index(surfaces, i);
		if (surface == NULL || cblue_bm25_index_lookup(self, word) >= 0 ||
		    !cblue_bm25_is_stopword_typo(self, surface) || cblue_bm25_index_correct(self, surface) != NULL ||
		    (g_strcmp0(surface, word) != 0 && cblue_bm25_index_correct(self, word) != NULL))
			continue;
		g_ptr_array_remove_index(words, i);
		g_ptr_array_remove_index(surfaces, i);
	}
}

/* Thai letters that customers type for one another, by sound or look (sara ai maimalai for
 * sara ai maimuan, no nen for no nu, …), each pair both ways: the last byte of their UTF-8
 * (E0 B8 xx or E0 B9 xx), the second byte 0xB8 but for the vowels 0xB9 */
static const guint8 cblue_bm25_thai_alike[][2][2] = {
	{{0xB9, 0x84}, {0xB9, 0x83}}, /* ไ ใ */
	{{0xB8, 0x99}, {0xB8, 0x93}}, /* น ณ */
	{{0xB8, 0x95}, {0xB8, 0x8F}}, /* ต ฏ */
	{{0xB8, 0xAA}, {0xB8, 0x8B}}, /* ส ซ */
	{{0xB8, 0xAA}, {0xB8, 0xA8}}, /* ส ศ */
	{{0xB8, 0xAA}, {0xB8, 0xA9}}, /* ส ษ */
	{{0xB8, 0x84}, {0xB8, 0x82}}, /* ค ข */
	{{0xB8, 0x97}, {0xB8, 0x98}}, /* ท ธ */
	{{0xB8, 0xA5}, {0xB8, 0xAC}}, /* ล ฬ */
};

/* the longest Thai text (bytes) that cblue_bm25_index_correct_thai() corrects */
#define CBLUE_BM25_THAI_TYPO_MAX 96

/* whether the Thai character at @p (3 bytes) is a tone mark (mai ek … mai chattawa) */
static inline gboolean
cblue_bm25_thai_is_tone_at(const gchar *p)
{
	return (guchar)p[1] == 0xB9 && (guchar)p[2] >= 0x88 && (guchar)p[2] <= 0x8B;
}

/* whether a tone mark may follow the Thai character at @p: a consonant (U+0E01–U+0E2E), or
 * a vowel written above or below one (mai han-akat, sara i … sara uu) */
static inline gboolean
cblue_bm25_thai_takes_tone_at(const gchar *p)
{
	guchar b = (guchar)p[2];
	return (guchar)p[1] == 0xB8 && ((b >= 0x81 && b <= 0xAE) || b == 0xB1 || (b >= 0xB4 && b <= 0xB9));
}

/* whether the Thai character at @p is a vowel written above or below the consonant before it
 * (a tone mark comes after it, not between) */
static inline gboolean
cblue_bm25_thai_is_upper_lower_at(const gchar *p)
{
	guchar b = (guchar)p[2];
	return (guchar)p[1] == 0xB8 && (b == 0xB1 || (b >= 0xB4 && b <= 0xB9));
}

/* @candidate (@len bytes) as a KB word better than *@best (df *@best_df), or a stop word
 * kept in *@stop_word if none was */
static void
cblue_bm25_index_try_thai(CblueBm25Index *self, const gchar *candidate, gsize len, gchar **best, guint *best_df,
			  gchar **stop_word)
{
	gint64 term;

	if (len < 6)
		return;
	term = cblue_bm25_index_lookup_key(self, cblue_bm25_term_key(candidate));
	if (term >= 0) {
		guint df = cblue_bm25_index_df(self, term);
		if (df > *best_df) {
			g_free(*best);
			*best = g_strndup(candidate, len);
			*best_df = df;
		}
	} else if (*stop_word == NULL && cblue_bm25_is_stopword(self->stopwords, self->stop_filter, candidate, len)) {
		*stop_word = g_strndup(candidate, len);
	}
}

/* what a Thai spelling one slip from @word (Thai characters only, 3 bytes each) is: a KB
 * word (the most frequent: returned, newly allocated, *@stop FALSE) or else a stop word
 * (returned, *@stop TRUE); NULL if none. A slip is a tone mark missing, wrong or one too
 * many, or a letter for the one it sounds or looks like. Edited in place in UTF-8, one
 * candidate at a time: no allocation but for the word found. */
static gchar *
cblue_bm25_index_correct_thai_word(CblueBm25Index *self, const gchar *word, gsize len, gboolean *stop)
{
	gchar buffer[CBLUE_BM25_THAI_TYPO_MAX + 4];
	g_autofree gchar *stop_word = NULL;
	gchar *best = NULL;
	guint best_df = 0;

	if (len > CBLUE_BM25_THAI_TYPO_MAX)
		return NULL;
	for (gsize i = 0; i <= len; i += 3) {
		const gchar *at = word + i;
		/* a tone mark missing here (after a consonant or its vowel, not before that vowel) */
		if (i > 0 && cblue_bm25_thai_takes_tone_at(at - 3) && (i == len || !cblue_bm25_thai_is_upper_lower_at(at)) &&
		    (i == len || !cblue_bm25_thai_is_tone_at(at))) {
			memcpy(buffer, word, i);
			memcpy(buffer + i + 3, at, len - i);
			buffer[len + 3] = '\0';
			for (guint t = 0; t < 4; t++) {
				memcpy(buffer + i, "\xE0\xB9", 2);
				buffer[i + 2] = (gchar)(0x88 + t);
				cblue_bm25_index_try_thai(self, buffer, len + 3, &best, &best_df, &stop_word);
			}
		}
		if (i == len)
			break;
		memcpy(buffer, word, len);
		buffer[len] = '\0';
		if (cblue_bm25_thai_is_tone_at(at)) {
			/* the wrong tone mark, or one too many */
			for (guint t = 0; t < 4; t++) {
				if ((guchar)at[2] == 0x88 + t)
					continue;
				buffer[i + 2] = (gchar)(0x88 + t);
				cblue_bm25_index_try_thai(self, buffer, len, &best, &best_df, &stop_word);
			}
			memcpy(buffer + i, at + 3, len - i - 3);
			buffer[len - 3] = '\0';
			cblue_bm25_index_try_thai(self, buffer, len - 3, &best, &best_df, &stop_word);
			continue;
		}
		/* a letter for its look- or sound-alike */
		for (guint a = 0; a < G_N_ELEMENTS(cblue_bm25_thai_alike); a++) {
			for (guint side = 0; side < 2; side++) {
				const guint8 *from = cblue_bm25_thai_alike[a][side];
				const guint8 *to = cblue_bm25_thai_alike[a][1 - side];
				if ((guchar)at[1] != from[0] || (guchar)at[2] != from[1])
					continue;
				buffer[i + 1] = (gchar)to[0];
				buffer[i + 2] = (gchar)to[1];
				cblue_bm25_index_try_thai(self, buffer, len, &best, &best_df, &stop_word);
				buffer[i + 1] = at[1];
				buffer[i + 2] = at[2];
			}
		}
	}
	*stop = best == NULL && stop_word != NULL;
	return best != NULL ? best : g_steal_pointer(&stop_word);
}

/* The question's Thai words that the KB does not know and that are one slip from a word it
 * knows or from a stop word ("ไฟ" typed "ใฟ", "แล้ว" typed "แลว"), written as that word
 * (dropped for a stop word). A misspelt word is often not in the segmenter's dictionary
 * either, and cut into pieces ("แลว" as "แล" + "ว"): a word is tried alone and joined with
 * the next one, when the two follow each other in the question's text (@text). A corrected
 * word keeps the text typed as its surface (Thai words have none), so that it counts as
 * corrected. */
static void
cblue_bm25_index_correct_thai(CblueBm25Index *self, const gchar *text, GPtrArray *words, GPtrArray *surfaces)
{
	g_autofree gchar *normalized = NULL;

	for (guint i = 0; i < words->len; i++) {
		const gchar *word = g_ptr_array_index(words, i);
		if (g_ptr_array_index(surfaces, i) != NULL ||
		    cblue_bm25_token_script(word) != CBLUE_SCRIPT_THAI || cblue_bm25_index_lookup(self, word) >= 0)
			continue;
		/* the word with the one before or after it first, then alone; two words joined
		 * only if one is a piece of at most two characters, as a misspelling leaves (and
		 * then a long word is not tried twice more) */
		for (gint span = 0; span < 3; span++) {
			guint first = span == 0 ? i - 1 : i;
			guint last = span == 1 ? i + 1 : i;
			g_autofree gchar *joined = NULL;
			g_autofree gchar *fixed = NULL;
			gboolean stop = FALSE;
			if ((span == 0 && i == 0) || last >= words->len ||
			    (first < i && g_ptr_array_index(surfaces, first) != NULL) ||
			    (last > i && g_ptr_array_index(surfaces, last) != NULL) ||
			    cblue_bm25_token_script(g_ptr_array_index(words, first)) != CBLUE_SCRIPT_THAI ||
			    cblue_bm25_token_script(g_ptr_array_index(words, last)) != CBLUE_SCRIPT_THAI ||
			    (last > first && strlen(g_ptr_array_index(words, first)) > 6 &&
			     strlen(g_ptr_array_index(words, last)) > 6))
				continue;
			joined = g_strconcat(g_ptr_array_index(words, first),
					     last > first ? (const gchar *)g_ptr_array_index(words, last) : "", NULL);
			/* a word of the dictionary is what the customer meant ("ขับ" is no "คับ") */
			if (cblue_tokenizer_is_thai_word(self->tokenizer, joined))
				continue;
			if (last > first) {
				if (normalized == NULL)
					normalized = cblue_tokenizer_normalize(self->tokenizer, text);
				if (strstr(normalized, joined) == NULL)
					continue;
			}
			fixed = cblue_bm25_index_correct_thai_word(self, joined, strlen(joined), &stop);
			if (fixed == NULL)
				continue;
			if (last > first) {
				g_ptr_array_remove_index(words, last);
				g_ptr_array_remove_index(surfaces, last);
			}
			if (stop) {
				g_ptr_array_remove_index(words, first);
				g_ptr_array_remove_index(surfaces, first);
			} else {
				g_free(g_ptr_array_index(words, first));
				words->pdata[first] = g_steal_pointer(&fixed);
				surfaces->pdata[first] = g_steal_pointer(&joined);
			}
			/* on from the word corrected (a word dropped: the one now in its place) */
			i = first - 1;
			break;
		}
	}
}

/* a hit being summed up exactly: its document, score and how much of the question it covers */
typedef struct {
	guint32 doc;
	gdouble score;
	gdouble word_cover;
	gdouble ngram_cover;
} CblueBm25Candidate;

/* A search's scores, kept per thread between searches and sized to the largest index
 * searched: allocating and scanning an array of the KB's size for every question cost more
 * than the search itself at 100,000 topics. Only the documents a search touched are read
 * and cleared. A score is all a posting updates (8 bytes a topic, and a bit to tell the
 * topics touched); the candidates' exact scores and confidences are summed afterwards. */
typedef struct {
	gsize capacity;
	gdouble *scores; /* capacity, zeroed between searches */
	guint8 *touched_bits; /* capacity / 8 + 1, zeroed between searches */
	guint32 *touched; /* capacity */
	gsize n_touched;
	gdouble max_score; /* the best score so far */
	CblueBm25Candidate *candidates; /* capacity */
	guint *order; /* order_capacity: the question's terms in the order read */
	gsize order_capacity;
} CblueBm25Scratch;

static void
cblue_bm25_scratch_free(gpointer data)
{
	CblueBm25Scratch *scratch = data;
	if (scratch == NULL)
		return;
	g_free(scratch->scores);
	g_free(scratch->touched_bits);
	g_free(scratch->touched);
	g_free(scratch->candidates);
	g_free(scratch->order);
	g_free(scratch);
}

static GPrivate cblue_bm25_scratch_key = G_PRIVATE_INIT(cblue_bm25_scratch_free);

static CblueBm25Scratch *
cblue_bm25_scratch_get(gsize n_docs, gsize n_terms)
{
	CblueBm25Scratch *scratch = g_private_get(&cblue_bm25_scratch_key);
	if (scratch == NULL || scratch->capacity < n_docs) {
		scratch = g_new0(CblueBm25Scratch, 1);
		scratch->capacity = MAX(n_docs, 64);
		scratch->scores = g_new0(gdouble, scratch->capacity);
		scratch->touched_bits = g_new0(guint8, scratch->capacity / 8 + 1);
		scratch->touched = g_new(guint32, scratch->capacity);
		scratch->candidates = g_new(CblueBm25Candidate, scratch->capacity);
		g_private_replace(&cblue_bm25_scratch_key, scratch);
	}
	if (scratch->order_capacity < n_terms) {
		scratch->order_capacity = MAX(n_terms, 64);
		scratch->order = g_renew(guint, scratch->order, scratch->order_capacity);
	}
	return scratch;
}

static inline gboolean
cblue_bm25_scratch_touched(CblueBm25Scratch *scratch, guint32 doc)
{
	return (scratch->touched_bits[doc >> 3] & (1u << (doc & 7))) != 0;
}

/* adds @score to @doc's, noting that the search touched it */
static inline gdouble
cblue_bm25_scratch_add(CblueBm25Scratch *scratch, guint32 doc, gdouble score)
{
	if (!cblue_bm25_scratch_touched(scratch, doc)) {
		scratch->touched_bits[doc >> 3] |= 1u << (doc & 7);
		scratch->touched[scratch->n_touched++] = doc;
	}
	return scratch->scores[doc] += score;
}

static void
cblue_bm25_scratch_reset(CblueBm25Scratch *scratch)
{
	for (gsize t = 0; t < scratch->n_touched; t++) {
		guint32 doc = scratch->touched[t];
		scratch->scores[doc] = 0;
		scratch->touched_bits[doc >> 3] = 0;
	}
	scratch->n_touched = 0;
	scratch->max_score = 0;
}

/* the @k-th best score of the documents touched (0 if fewer have a score), by insertion
 * into a short sorted list */
static gdouble
cblue_bm25_scratch_kth(CblueBm25Scratch *scratch, guint k, gdouble *best)
{
	guint n = 0;

	for (gsize t = 0; t < scratch->n_touched; t++) {
		gdouble s = scratch->scores[scratch->touched[t]];
		guint pos;
		if (s <= 0 || (n == k && s <= best[n - 1]))
			continue;
		pos = n < k ? n++ : n - 1;
		for (; pos > 0 && best[pos - 1] < s; pos--)
			best[pos] = best[pos - 1];
		best[pos] = s;
	}
	return n == k ? best[k - 1] : 0;
}

/* a term of the question, as searched */
typedef struct {
	guint32 term;
	CblueBm25Kind kind;
	gdouble factor; /* less than 1 for a word corrected for a typo */
	gdouble idf; /* what it counts for in the confidence (0 for a pair) */
	/* of its list: */
	guint32 df;
	gdouble term_idf;
	gdouble weight; /* the term kind's */
} CblueBm25QueryTerm;

/* a question's terms: at most one per word, per n-gram and per pair of words, so that the
 * array is sized once (on the stack for up to CBLUE_BM25_QUERY_ON_STACK terms) */
typedef struct {
	CblueBm25QueryTerm *terms;
	guint len;
	guint size;
} CblueBm25Query;

#define CBLUE_BM25_QUERY_ON_STACK 64

/* The first pass's scores are within a relative 1e-7 of the exact ones (contributions
 * rounded to a float, or see cblue_bm25_index_contribution_fast(), and summed in another
 * order): its bounds and thresholds keep a margin well above that. */
#define CBLUE_BM25_MARGIN 1e-5

/* The most a posting of @q can add to a score: a saturated term frequency is below 1. */
static inline gdouble
cblue_bm25_query_term_bound(const CblueBm25QueryTerm *q)
{
	return q->term_idf * q->weight * q->factor * (1.0 + CBLUE_BM25_MARGIN);
}

/* every posting of the term of @q, decoded in order, into the scores (if @reached_only, of
 * the documents already touched only) */
static void
cblue_bm25_accumulate(CblueBm25Index *self, const CblueBm25QueryTerm *q, gboolean reached_only,
		      CblueBm25Scratch *scratch)
{
	const guint8 *p;
	guint32 df = cblue_bm25_index_list(self, q->term, &p, NULL);
	guint32 doc = 0;
	gdouble max_score = scratch->max_score;
	gdouble idf_weight = q->term_idf * q->weight;

	for (guint32 k = 0; k < df; k++) {
		guint8 code;
		guint32 tfs = 0;
		gdouble score;
		doc += cblue_bm25_varint_get(&p);
		code = *p++;
		if (G_UNLIKELY(code == CBLUE_BM25_CODE_ESCAPE))
			tfs = cblue_bm25_varint_get(&p);
		if (reached_only && !cblue_bm25_scratch_touched(scratch, doc))
			continue;
		score = cblue_bm25_scratch_add(
		    scratch, doc, cblue_bm25_index_contribution_fast(self, idf_weight, doc, code, tfs) * q->factor);
		max_score = MAX(max_score, score);
	}
	scratch->max_score = max_score;
}

/* a posting list this long is read for the documents reached only once the rarer terms of
 * the question decided that no other can make the top hits, and left to the second pass
 * once they are fewer than CBLUE_BM25_MAX_CANDIDATES */
#define CBLUE_BM25_LONG_DF	   256
#define CBLUE_BM25_MAX_CANDIDATES 256

/* The documents touched that can still make the top hits, as cblue_bm25_candidates() tells
 * them (a score, which with @rest reaches @floor), into the scratch's candidates, in the
 * order touched; returns how many, or @most + 1 as soon as there are more than @most (the
 * rest of the documents not looked at) */
static gsize
cblue_bm25_scratch_collect(CblueBm25Scratch *scratch, gdouble floor, gdouble rest, gsize most)
{
	const gdouble *scores = scratch->scores;
	const guint32 *touched = scratch->touched;
	CblueBm25Candidate *candidates = scratch->candidates;
	gsize n = 0;

	for (gsize t = 0; t < scratch->n_touched; t++) {
		guint32 doc = touched[t];
		if (scores[doc] > 0 && scores[doc] + rest >= floor) {
			if (n == most)
				return most + 1;
			candidates[n++] = (CblueBm25Candidate){doc, 0, 0, 0};
		}
	}
	return n;
}

/* The first pass: the partial scores of the documents that can make the top @max_hits. The
 * lists are read rarest first; before each long one, if what the lists left can add at
 * most to a document (see cblue_bm25_query_term_bound()) cannot lift one that the lists
 * read did not reach to the max_hits-th best score so far, the lists left (those of the
 * common words) are read for the documents reached only, and not at all once the
 * documents that can still make it are few: the second pass reads them for those only.
 *
 * When it stops there, the documents that can still make it are already in the scratch's
 * candidates (cblue_bm25_scratch_collect(), with the floor just computed: those that
 * cblue_bm25_candidates() would choose), their number in @n_collected; else that is
 * G_MAXSIZE.
 *
 * Returns: the most the lists left unread can add to a score */
static gdouble
cblue_bm25_score(CblueBm25Index *self, const CblueBm25QueryTerm *q, guint n, guint max_hits, gboolean prune,
		 guint32 common_df, CblueBm25Scratch *scratch, gboolean *pruned, gsize *n_collected)
{
	guint *order = scratch->order;
	gdouble best_on_stack[16];
	g_autofree gdouble *best_on_heap = NULL;
	gdouble *best = best_on_stack;
	gboolean reached_only = FALSE;
	gdouble floor = -1; /* the max_hits-th best score when last looked at, less the margin */
	gsize read_since = 0; /* postings read since */

	*n_collected = G_MAXSIZE;
	if (max_hits > G_N_ELEMENTS(best_on_stack))
		best = best_on_heap = g_new(gdouble, max_hits);
	/* rarest first (an insertion sort: a question has a few terms) */
	for (guint i = 0; i < n; i++) {
		guint k = i;
		for (; k > 0 && q[order[k - 1]].df > q[i].df; k--)
			order[k] = order[k - 1];
		order[k] = i;
	}
	for (guint i = 0; i < n; i++) {
		const CblueBm25QueryTerm *t = &q[order[i]];
		/* approximate: a common term's list adds to the documents the rarer terms reached
		 * only, once they are at least max_hits (else it is read whole, rarest first) */
		gboolean common = common_df > 0 && t->df >= common_df && scratch->n_touched >= max_hits;
		if (common || (prune && t->df >= CBLUE_BM25_LONG_DF && scratch->n_touched >= max_hits)) {
			/* the scores only grow, so an old floor is still a floor: the passes over the
			 * documents touched (the max_hits-th best, then how many can still make it)
			 * are made again once the postings read since outnumber those documents
			 * (made before every long list, they were a sixth of the search) */
			gboolean look = floor < 0 || read_since >= scratch->n_touched || (common && !reached_only);
			gdouble rest = 0;
			for (guint j = i; j < n; j++)
				rest += cblue_bm25_query_term_bound(&q[order[j]]);
			rest *= 1.0 + CBLUE_BM25_MARGIN;
			if (common || scratch->max_score * (1.0 - CBLUE_BM25_MARGIN) > rest) {
				if (look) {
					floor = cblue_bm25_scratch_kth(scratch, max_hits, best) * (1.0 - CBLUE_BM25_MARGIN);
					read_since = 0;
				}
				reached_only = reached_only || common || floor > rest;
				*pruned = *pruned || reached_only;
				if (look && reached_only) {
					gsize found = cblue_bm25_scratch_collect(scratch, floor, rest,
										 CBLUE_BM25_MAX_CANDIDATES);
					if (found <= CBLUE_BM25_MAX_CANDIDATES) {
						*n_collected = found;
						return rest;
					}
				}
			}
		}
		read_since += t->df;
		cblue_bm25_accumulate(self, t, reached_only, scratch);
	}
	return 0;
}

static gint
cblue_bm25_compare_candidates(gconstpointer a, gconstpointer b)
{
	const CblueBm25Candidate *x = a, *y = b;
	return x->doc < y->doc ? -1 : x->doc > y->doc;
}

/* the documents that can be among the top @max_hits: those whose partial score, with @rest
 * (what the lists unread can add), reaches the max_hits-th best partial score, within the
 * sums' rounding; in document order, into the scratch's candidates; returns how many
 * (@n_collected: how many the first pass already chose, or G_MAXSIZE) */
static gsize
cblue_bm25_candidates(CblueBm25Scratch *scratch, guint max_hits, gdouble rest, gsize n_collected)
{
	gdouble best_on_stack[16];
	g_autofree gdouble *best_on_heap = NULL;
	gdouble *best = best_on_stack;
	gsize n = n_collected;

	if (n == G_MAXSIZE) {
		if (max_hits > G_N_ELEMENTS(best_on_stack))
			best = best_on_heap = g_new(gdouble, max_hits);
		n = cblue_bm25_scratch_collect(scratch, cblue_bm25_scratch_kth(scratch, max_hits, best) *
								(1.0 - CBLUE_BM25_MARGIN),
					       rest, G_MAXSIZE - 1);
	}
	qsort(scratch->candidates, n, sizeof(CblueBm25Candidate), cblue_bm25_compare_candidates);
	return n;
}

/* adds what the posting of candidate @c in @q's list (@doc, @code, @tfs) gives to its score
 * and confidence */
static inline void
cblue_bm25_sum_posting(CblueBm25Index *self, const CblueBm25QueryTerm *q, CblueBm25Candidate *c, guint32 doc,
		       guint8 code, guint32 tfs)
{
	const guint32 title_mask = (1u << CBLUE_BM25_TF_SHIFT_CONTENT) - 1;
	gfloat cover;

	c->score += cblue_bm25_index_contribution(self, q->term_idf, q->weight, doc, code, tfs) * q->factor;
	if (q->kind == CBLUE_BM25_KIND_PAIR)
		return;
	if (code != CBLUE_BM25_CODE_ESCAPE)
		tfs = self->codes[code];
	cover = (tfs & title_mask) != 0 ? 1.0f : (gfloat)CBLUE_BM25_CONTENT_COVER;
	if (q->kind == CBLUE_BM25_KIND_NGRAM)
		c->ngram_cover += q->idf * cover * q->factor;
	else
		c->word_cover += q->idf * cover * q->factor;
}

/* @q's postings of the @n candidates (in document order) into their sums: for each
 * candidate, the blocks wholly before it skipped (@skip), then the postings decoded up to
 * it; the skip entries are looked at once a candidate, not once a posting */
static void
cblue_bm25_sum_list(CblueBm25Index *self, const CblueBm25QueryTerm *q, CblueBm25Candidate *c, gsize n,
		    gboolean skip)
{
	const guint8 *p, *data, *skips;
	guint32 df = cblue_bm25_index_list(self, q->term, &data, &skips), doc = 0, tfs = 0;
	guint32 n_skips = skip ? cblue_bm25_n_skips(df) : 0, next_skip = 0, k = 0;
	guint8 code = 0;

	p = data;
	for (gsize h = 0; h < n; h++) {
		guint32 target = c[h].doc;
		if (k == 0 || doc < target) {
			gint64 jump = -1;
			/* past the blocks that end before the candidate */
			for (; next_skip < n_skips && cblue_bm25_skip_get(skips, next_skip, 0) < target; next_skip++) {
				if ((next_skip + 1) * CBLUE_BM25_BLOCK > k)
					jump = next_skip;
			}
			if (jump >= 0) {
				k = (jump + 1) * CBLUE_BM25_BLOCK;
				doc = cblue_bm25_skip_get(skips, jump, 0);
				p = data + cblue_bm25_skip_get(skips, jump, 1);
			}
			do {
				if (k == df)
					return;
				doc += cblue_bm25_varint_get(&p);
				code = *p++;
				tfs = G_UNLIKELY(code == CBLUE_BM25_CODE_ESCAPE) ? cblue_bm25_varint_get(&p) : 0;
				k++;
			} while (doc < target);
		}
		if (doc == target)
			cblue_bm25_sum_posting(self, q, &c[h], doc, code, tfs);
	}
}

/* The second pass: the candidates' scores and confidences exactly as summing every posting
 * in the question's order gives them (to the last bit), each list read again for them only
 * (a list is in document order). The confidence is how much of the question's words and
 * n-grams the document has, weighted by IDF: a term in the questions or keywords covers it
 * fully, only in the content less. Pairs add to the score, not to the confidence: their
 * words already count there. Without @skip, every posting is read (for tests). */
static void
cblue_bm25_sum_candidates(CblueBm25Index *self, const CblueBm25QueryTerm *query, guint n_query,
			  CblueBm25Candidate *c, gsize n, gboolean skip)
{
	for (guint i = 0; i < n_query && n > 0; i++)
		cblue_bm25_sum_list(self, &query[i], c, n, skip);
}

/* whether candidate @a ranks before candidate @b: the higher score, then the earlier topic */
static inline gboolean
cblue_bm25_ranks_before(const CblueBm25Candidate *a, const CblueBm25Candidate *b)
{
	return a->score > b->score || (a->score == b->score && a->doc < b->doc);
}

/* the best @max_hits of the @n candidates, in rank order, into @best; returns how many */
static guint
cblue_bm25_best(const CblueBm25Candidate *c, gsize n, guint max_hits, const CblueBm25Candidate **best)
{
	guint n_best = 0;

	for (gsize i = 0; i < n && max_hits > 0; i++) {
		guint pos;
		if (c[i].score <= 0 || (n_best == max_hits && !cblue_bm25_ranks_before(&c[i], best[n_best - 1])))
			continue;
		pos = n_best < max_hits ? n_best++ : n_best - 1;
		for (; pos > 0 && cblue_bm25_ranks_before(&c[i], best[pos - 1]); pos--)
			best[pos] = best[pos - 1];
		best[pos] = &c[i];
	}
	return n_best;
}

static void
cblue_bm25_query_add(CblueBm25Index *self, CblueBm25Query *query, guint32 term, CblueBm25Kind kind, gdouble factor,
		     gdouble idf)
{
	guint32 df = cblue_bm25_index_df(self, term);
	CblueBm25QueryTerm q = {term, kind, factor, idf, df, cblue_bm25_idf(self->n_docs, df),
				cblue_bm25_kind_weight(&self->params, self->keys[term])};
	g_assert(query->len < query->size);
	query->terms[query->len++] = q;
}

/* A question's words, n-grams and pairs up to this many are told apart by comparing each
 * with those before it: making, filling and freeing a hash table cost more for so few
 * (about 6k instructions a search). */
#define CBLUE_BM25_LINEAR_MAX 64

/* the first of @strings[0 .. @n) equal to @s, or -1 */
static gint
cblue_bm25_find_string(gchar **strings, guint n, const gchar *s)
{
	for (guint j = 0; j < n; j++) {
		if (strcmp(strings[j], s) == 0)
			return (gint)j;
	}
	return -1;
}

/* The question's pairs of neighbouring words (as the index's terms, typos corrected). */
static void
cblue_bm25_index_add_pairs(CblueBm25Index *self, GPtrArray *words, const gchar **found, CblueBm25Query *query)
{
	g_autoptr(GHashTable) seen = NULL;
	g_autoptr(GPtrArray) made = NULL; /* the pairs so far, for a question of few words */

	if (words->len > CBLUE_BM25_LINEAR_MAX)
		seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; i + 1 < words->len; i++) {
		const gchar *a = found[i], *b = found[i + 1];
		gchar *pair;
		gint64 term;
		gdouble factor;

		if (a == NULL || b == NULL)
			continue;
		pair = g_strconcat(a, CBLUE_BM25_PAIR_SEPARATOR, b, NULL);
		if (seen != NULL) {
			if (!g_hash_table_add(seen, pair))
				continue;
		} else {
			if (made == NULL)
				made = g_ptr_array_new_full(words->len, g_free);
			if (cblue_bm25_find_string((gchar **)made->pdata, made->len, pair) >= 0) {
				g_free(pair);
				continue;
			}
			g_ptr_array_add(made, pair);
		}
		term = cblue_bm25_index_lookup(self, pair);
		if (term < 0)
			continue;
		/* a corrected word counts less, in a pair too */
		factor = (strcmp(a, g_ptr_array_index(words, i)) == 0 ? 1.0 : CBLUE_BM25_FUZZY_FACTOR) *
			 (strcmp(b, g_ptr_array_index(words, i + 1)) == 0 ? 1.0 : CBLUE_BM25_FUZZY_FACTOR);
		cblue_bm25_query_add(self, query, term, CBLUE_BM25_KIND_PAIR, factor, 0);
	}
}

static void
cblue_bm25_dedup(GPtrArray *terms)
{
	g_autoptr(GHashTable) seen = NULL;

	if (terms->len <= CBLUE_BM25_LINEAR_MAX) {
		for (guint i = 0; i < terms->len;) {
			if (cblue_bm25_find_string((gchar **)terms->pdata, i, g_ptr_array_index(terms, i)) >= 0)
				g_ptr_array_remove_index(terms, i);
			else
				i++;
		}
		return;
	}
	seen = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < terms->len;) {
		const gchar *t = g_ptr_array_index(terms, i);
		if (g_hash_table_contains(seen, t)) {
			g_ptr_array_remove_index(terms, i);
			continue;
		}
		g_hash_table_add(seen, (gpointer)t);
		i++;
	}
}

/* The top @max_hits topics for @text, with their BM25F scores and confidences. Two passes
 * (see cblue_bm25_score() and cblue_bm25_sum_candidates()): the first finds the topics
 * that can make the top hits, reading the common terms' lists only for the topics the rare
 * terms reached once no other can make it; the second sums the candidates' scores and
 * confidences in the question's order, so that they are those of reading every posting,
 * to the last bit. */
GPtrArray *
cblue_bm25_index_search(CblueBm25Index *self, const gchar *text, guint max_hits)
{
	return cblue_bm25_index_search_full(self, text, max_hits, TRUE, NULL);
}

/* cblue_bm25_index_search() with the pruning and skipping on (@prune) or off (every
 * posting read); @pruned, if not %NULL, tells whether it skipped postings (for tests: the
 * hits, scores and confidences are the same either way) */
GPtrArray *
cblue_bm25_index_search_full(CblueBm25Index *self, const gchar *text, guint max_hits, gboolean prune,
			     gboolean *pruned)
{
	GPtrArray *hits = g_ptr_array_new_full(MIN(max_hits, 64), g_object_unref);
	cblue_bm25_index_search_each(self, text, max_hits, prune, pruned, cblue_retrieval_add_hit, hits);
	return hits;
}

static void cblue_bm25_index_search_common(CblueBm25Index *self, const gchar *text, guint max_hits, gboolean prune,
					   guint32 common_df, gboolean *pruned, CblueRetrieverHitFunc func,
					   gpointer user_data);

/* cblue_bm25_index_search_full() handing each hit, best first, to @func instead of
 * allocating it (cblue-retriever-private.h) */
void
cblue_bm25_index_search_each(CblueBm25Index *self, const gchar *text, guint max_hits, gboolean prune,
			     gboolean *pruned, CblueRetrieverHitFunc func, gpointer user_data)
{
	cblue_bm25_index_search_common(self, text, max_hits, prune, 0, pruned, func, user_data);
}

/* The approximate search: the terms found in @common_df topics or more (0: none, the exact
 * search) are common. Their lists do not add topics: once the rarer terms of the question
 * reached max_hits topics or more, the common terms only score those (the hits are then
 * the best of the topics that have a rarer term, with their exact scores and
 * confidences); a question with fewer reaches reads its rarest common terms whole until it
 * has as many. See cblue_retrieval_holder_get_common_df(). */
void
cblue_bm25_index_search_approx_each(CblueBm25Index *self, const gchar *text, guint max_hits, guint32 common_df,
				    gboolean *pruned, CblueRetrieverHitFunc func, gpointer user_data)
{
	cblue_bm25_index_search_common(self, text, max_hits, TRUE, common_df, pruned, func, user_data);
}

/* cblue_bm25_index_search_approx_each() into an array (for tests and benchmarks) */
GPtrArray *
cblue_bm25_index_search_approx(CblueBm25Index *self, const gchar *text, guint max_hits, guint32 common_df)
{
	GPtrArray *hits = g_ptr_array_new_full(MIN(max_hits, 64), g_object_unref);
	cblue_bm25_index_search_approx_each(self, text, max_hits, common_df, NULL, cblue_retrieval_add_hit, hits);
	return hits;
}

/* the number of topics indexed */
guint
cblue_bm25_index_get_n_docs(CblueBm25Index *self)
{
	return self->n_docs;
}

static void
cblue_bm25_index_search_common(CblueBm25Index *self, const gchar *text, guint max_hits, gboolean prune,
			       guint32 common_df, gboolean *pruned, CblueRetrieverHitFunc func, gpointer user_data)
{
	/* sized for a question, so that they are not grown a word at a time */
	g_autoptr(GPtrArray) words = g_ptr_array_new_full(32, g_free);
	g_autoptr(GPtrArray) surfaces = g_ptr_array_new_full(32, g_free);
	g_autoptr(GPtrArray) ngrams = g_ptr_array_new_full(32, g_free);
	g_autoptr(GHashTable) seen = NULL; /* word → its term's text or NULL, for many words */
	CblueBm25QueryTerm query_on_stack[CBLUE_BM25_QUERY_ON_STACK];
	g_autofree CblueBm25QueryTerm *query_on_heap = NULL;
	CblueBm25Query query = {query_on_stack, 0, G_N_ELEMENTS(query_on_stack)};
	g_autofree const gchar **found = NULL;
	const CblueBm25Candidate *best_on_stack[16];
	g_autofree const CblueBm25Candidate **best_on_heap = NULL;
	const CblueBm25Candidate **best = best_on_stack;
	const CblueBm25QueryTerm *q;
	CblueBm25Scratch *scratch;
	gsize n_candidates, n_collected;
	guint n_best;
	gboolean skipped = FALSE;
	gdouble word_total = 0, ngram_total = 0, rest;

	cblue_bm25_analyze_to_keys(self->tokenizer, self->stopwords, self->stop_filter, NULL, self->synonyms, text, words,
				   surfaces, ngrams, NULL, NULL);
	cblue_bm25_index_correct_to_synonyms(self, text, words, surfaces, ngrams);
	cblue_bm25_index_drop_stopword_typos(self, words, surfaces);
	cblue_bm25_index_correct_thai(self, text, words, surfaces);
	cblue_bm25_dedup(ngrams);
	/* at most a term per word, per n-gram and per pair of words: allocated once, if at all */
	if (2 * words->len + ngrams->len + 1 > query.size) {
		query.size = 2 * words->len + ngrams->len + 1;
		query.terms = query_on_heap = g_new(CblueBm25QueryTerm, query.size);
	}
	found = g_new0(const gchar *, words->len + 1);
	if (words->len > CBLUE_BM25_LINEAR_MAX)
		seen = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < words->len; i++) {
		const gchar *word = g_ptr_array_index(words, i);
		const gchar *surface = g_ptr_array_index(surfaces, i);
		gint64 term;
		gdouble factor = 1.0, idf;

		/* a word seen before: its term's text as then */
		if (seen == NULL) {
			gint before = cblue_bm25_find_string((gchar **)words->pdata, i, word);
			if (before >= 0) {
				found[i] = found[before];
				continue;
			}
		} else if (g_hash_table_lookup_extended(seen, word, NULL, (gpointer *)&found[i])) {
			continue;
		}
		term = cblue_bm25_index_lookup(self, word);
		found[i] = term >= 0 ? word : NULL;
		/* a Thai word corrected for a slip (cblue_bm25_index_correct_thai()) */
		if (surface != NULL && term >= 0 && cblue_bm25_token_script(surface) == CBLUE_SCRIPT_THAI)
			factor = CBLUE_BM25_FUZZY_FACTOR;
		if (term < 0 && surface != NULL) {
			const gchar *corrected = cblue_bm25_index_correct(self, surface);
			if (corrected == NULL && g_strcmp0(surface, word) != 0)
				corrected = cblue_bm25_index_correct(self, word);
			if (corrected != NULL) {
				term = cblue_bm25_index_lookup(self, corrected);
				found[i] = term >= 0 ? corrected : NULL;
				factor = CBLUE_BM25_FUZZY_FACTOR;
			}
		}
		if (seen != NULL)
			g_hash_table_insert(seen, (gpointer)word, (gpointer)found[i]);
		if (term < 0) {
			word_total += self->idf_unknown;
			continue;
		}
		idf = cblue_bm25_idf(self->n_docs, cblue_bm25_index_df(self, term));
		word_total += idf;
		cblue_bm25_query_add(self, &query, term, CBLUE_BM25_KIND_WORD, factor, idf);
	}
	for (guint i = 0; i < ngrams->len; i++) {
		gint64 term = cblue_bm25_index_lookup(self, g_ptr_array_index(ngrams, i));
		gdouble idf;
		if (term < 0) {
			ngram_total += self->idf_unknown;
			continue;
		}
		idf = cblue_bm25_idf(self->n_docs, cblue_bm25_index_df(self, term));
		ngram_total += idf;
		cblue_bm25_query_add(self, &query, term, CBLUE_BM25_KIND_NGRAM, 1.0, idf);
	}
	cblue_bm25_index_add_pairs(self, words, found, &query);
	if (max_hits == 0)
		return;
	if (max_hits > G_N_ELEMENTS(best_on_stack))
		best = best_on_heap = g_new(const CblueBm25Candidate *, max_hits);
	/* the bounds of the pruning hold for sensible parameters only */
	prune = prune && self->params.k1 >= 0 && self->params.b >= 0 && self->params.b <= 1 &&
		self->params.weight_questions >= 0 && self->params.weight_keywords >= 0 &&
		self->params.weight_content >= 0 && self->params.ngram_weight >= 0 && self->params.pair_weight >= 0;
	if (!prune)
		common_df = 0;
	q = query.terms;
	scratch = cblue_bm25_scratch_get(self->n_docs, query.len);
	rest = cblue_bm25_score(self, q, query.len, max_hits, prune, common_df, scratch, &skipped, &n_collected);
	n_candidates = cblue_bm25_candidates(scratch, max_hits, rest, n_collected);
	if (pruned != NULL)
		*pruned = skipped;
	cblue_bm25_scratch_reset(scratch);
	cblue_bm25_sum_candidates(self, q, query.len, scratch->candidates, n_candidates, prune);
	/* only the hits returned are ever allocated */
	n_best = cblue_bm25_best(scratch->candidates, n_candidates, max_hits, best);
	for (guint i = 0; i < n_best; i++) {
		const CblueBm25Candidate *c = best[i];
		gdouble confidence;
		if (word_total > 0 && ngram_total > 0)
			confidence = 0.5 * c->word_cover / word_total + 0.5 * c->ngram_cover / ngram_total;
		else if (word_total > 0)
			confidence = c->word_cover / word_total;
		else
			confidence = ngram_total > 0 ? c->ngram_cover / ngram_total : 0;
		func(g_ptr_array_index(self->topic_ids, c->doc), c->score, confidence, user_data);
	}
}

/* The index in a compact binary form, so that a process can start without re-analyzing the
 * whole KB (analysis is most of the start-up time); the framing (magic, format number,
 * trailing checksum) is retrieval-common's:
 *
 *   "CBLUEBM\0" u32:format  params  u32:n_docs f64:idf_unknown
 *   u32:n topic_id-strings   u64[2 × n_docs]:text hashes   u32[3 × n_docs]:field lengths
 *   u32:n_terms u64[n_terms]:keys u32[n_terms + 1]:offsets (bytes, or an inline posting)
 *   u8[n_terms / 8 + 1]:which terms' postings are inline
 *   u32:n_codes u32[n_codes]:packed frequencies   u8[offsets[n_terms]]:postings (as kept)
 *   u32:n { string:word u32:has_stem [string:stem] }   (the pool of Latin words)
 *   u32[n_docs + 1]:offsets (bytes) u8[]:pool entries per document (varints)
 *   u64:checksum(everything before)
 *
 * where a string is u32:length then the bytes (no NUL), in the host's byte order. The
 * surfaces and deletes follow from the pool and the postings. */
#define CBLUE_BM25_INDEX_MAGIC	"CBLUEBM"
#define CBLUE_BM25_INDEX_FORMAT 7

GBytes *
cblue_bm25_index_serialize(CblueBm25Index *self)
{
	GByteArray *out = cblue_retrieval_writer_new(CBLUE_BM25_INDEX_MAGIC, CBLUE_BM25_INDEX_FORMAT, 1 << 20);

	cblue_retrieval_put(out, &self->params, sizeof(CblueBm25Params));
	cblue_retrieval_put_u32(out, self->n_docs);
	cblue_retrieval_put(out, &self->idf_unknown, sizeof(gdouble));
	cblue_retrieval_put_u32(out, self->topic_ids->len);
	for (guint i = 0; i < self->topic_ids->len; i++)
		cblue_retrieval_put_str(out, g_ptr_array_index(self->topic_ids, i));
	cblue_retrieval_put(out, self->doc_hashes, (gsize)self->n_docs * 2 * sizeof(guint64));
	cblue_retrieval_put(out, self->doc_lens, (gsize)self->n_docs * CBLUE_BM25_N_FIELDS * sizeof(guint32));
	cblue_retrieval_put_u32(out, self->n_terms);
	cblue_retrieval_put(out, self->keys, (gsize)self->n_terms * sizeof(guint64));
	cblue_retrieval_put(out, self->offsets, ((gsize)self->n_terms + 1) * sizeof(guint32));
	cblue_retrieval_put(out, self->inline_bits, (gsize)self->n_terms / 8 + 1);
	cblue_retrieval_put_u32(out, self->n_codes);
	cblue_retrieval_put(out, self->codes, (gsize)self->n_codes * sizeof(guint32));
	cblue_retrieval_put(out, self->postings, self->offsets[self->n_terms]);
	cblue_retrieval_put_u32(out, self->pool_keys->len);
	for (guint i = 0; i < self->pool_keys->len; i++) {
		const gchar *stem = g_ptr_array_index(self->pool_values, i);
		cblue_retrieval_put_str(out, g_ptr_array_index(self->pool_keys, i));
		cblue_retrieval_put_u32(out, stem != NULL);
		if (stem != NULL)
			cblue_retrieval_put_str(out, stem);
	}
	cblue_retrieval_put(out, self->doc_surface_offsets, ((gsize)self->n_docs + 1) * sizeof(guint32));
	cblue_retrieval_put(out, self->doc_surface_ids, self->doc_surface_offsets[self->n_docs]);
	return cblue_retrieval_writer_finish(out);
}

/* whether a term's posting list read is consistent: each varint within the list (which
 * ends at @end), the documents ascending and known, the codes in the book, nothing left
 * over; an inline posting, within its offset, of a document known, with a code of the book */
static gboolean
cblue_bm25_index_check_list(CblueBm25Index *self, guint32 term, const guint8 *end)
{
	const guint8 *p, *skips, *data;
	guint32 df, gap, tfs;
	guint64 doc = 0;

	if (cblue_bm25_index_is_inline(self, term)) {
		p = (const guint8 *)&self->offsets[term];
		end = p + sizeof(guint32);
		return cblue_bm25_varint_get_checked(&p, end, &gap) && gap < self->n_docs && p < end &&
		       *p < self->n_codes;
	}
	p = self->postings + self->offsets[term];
	if (!cblue_bm25_varint_get_checked(&p, end, &df) || df == 0 ||
	    (gsize)(end - p) < 8 * (gsize)cblue_bm25_n_skips(df))
		return FALSE;
	skips = p;
	data = p = skips + 8 * (gsize)cblue_bm25_n_skips(df);
	for (guint32 k = 0; k < df; k++) {
		if (k > 0 && k % CBLUE_BM25_BLOCK == 0 &&
		    (cblue_bm25_skip_get(skips, k / CBLUE_BM25_BLOCK - 1, 0) != doc ||
		     cblue_bm25_skip_get(skips, k / CBLUE_BM25_BLOCK - 1, 1) != (guint64)(p - data)))
			return FALSE;
		if (!cblue_bm25_varint_get_checked(&p, end, &gap) || (k > 0 && gap == 0) || p == end)
			return FALSE;
		doc += gap;
		if (doc >= self->n_docs)
			return FALSE;
		if (*p == CBLUE_BM25_CODE_ESCAPE) {
			p++;
			if (!cblue_bm25_varint_get_checked(&p, end, &tfs))
				return FALSE;
		} else if (*p++ >= self->n_codes) {
			return FALSE;
		}
	}
	return p == end;
}

/* whether the arrays read are consistent: keys sorted, the offsets of the lists not inline
 * ascending from 0, lists readable */
static gboolean
cblue_bm25_index_check(CblueBm25Index *self)
{
	guint32 next = self->offsets[self->n_terms]; /* where the next list in the stream starts */
	gboolean first = TRUE;

	for (guint32 t = 1; t < self->n_terms; t++) {
		if (self->keys[t] <= self->keys[t - 1])
			return FALSE;
	}
	for (guint32 t = self->n_terms; t-- > 0;) {
		gboolean is_inline = cblue_bm25_index_is_inline(self, t);
		if (!is_inline && self->offsets[t] >= next)
			return FALSE;
		if (!cblue_bm25_index_check_list(self, t, self->postings + next))
			return FALSE;
		if (!is_inline) {
			next = self->offsets[t];
			first = FALSE;
		}
	}
	/* the first list starts the stream; no stream without a list */
	return first ? self->offsets[self->n_terms] == 0 : next == 0;
}

/* the pool of Latin words and each document's entries; on failure, @r is marked failed
 * and the index keeps an empty pool */
static void
cblue_bm25_index_read_pool(CblueBm25Index *self, CblueRetrievalReader *r)
{
	guint32 n = cblue_retrieval_get_u32(r);
	gsize size;

	self->pool_keys = g_ptr_array_new_with_free_func(g_free);
	self->pool_values = g_ptr_array_new_with_free_func(g_free);
	for (guint32 i = 0; i < n && !r->failed; i++) {
		gchar *word = cblue_retrieval_get_str(r);
		gchar *stem = cblue_retrieval_get_u32(r) != 0 ? cblue_retrieval_get_str(r) : NULL;
		if (word == NULL) {
			g_free(stem);
			break;
		}
		g_ptr_array_add(self->pool_keys, word);
		g_ptr_array_add(self->pool_values, stem);
	}
	if (!cblue_retrieval_reader_has(r, ((gsize)self->n_docs + 1) * sizeof(guint32)))
		return;
	self->doc_surface_offsets = cblue_retrieval_get_dup(r, ((gsize)self->n_docs + 1) * sizeof(guint32));
	size = self->doc_surface_offsets[self->n_docs];
	if (self->doc_surface_offsets[0] != 0)
		r->failed = TRUE;
	for (guint d = 0; d < self->n_docs; d++) {
		if (self->doc_surface_offsets[d + 1] < self->doc_surface_offsets[d])
			r->failed = TRUE;
	}
	if (r->failed || !cblue_retrieval_reader_has(r, size))
		return;
	self->doc_surface_ids = cblue_retrieval_get_dup(r, size);
	/* each document's varints end within its own bytes */
	for (guint d = 0; d < self->n_docs && !r->failed; d++) {
		const guint8 *p = self->doc_surface_ids + self->doc_surface_offsets[d];
		const guint8 *end = self->doc_surface_ids + self->doc_surface_offsets[d + 1];
		guint32 id;
		while (p < end && !r->failed)
			r->failed = !cblue_bm25_varint_get_checked(&p, end, &id) || id >= self->pool_keys->len;
	}
}

CblueBm25Index *
cblue_bm25_index_new_from_bytes(GBytes *bytes, CblueTokenizer *tokenizer, GHashTable *stopwords,
				CblueRetrievalSynonyms *synonyms, GError **error)
{
	g_autoptr(CblueBm25Index) self = NULL;
	CblueRetrievalReader r;
	guint32 n;

	if (!cblue_retrieval_reader_init(&r, bytes, CBLUE_BM25_INDEX_MAGIC, CBLUE_BM25_INDEX_FORMAT, error))
		return NULL;
	self = cblue_bm25_index_alloc(tokenizer, stopwords, synonyms);
	cblue_retrieval_get(&r, &self->params, sizeof(CblueBm25Params));
	self->n_docs = cblue_retrieval_get_u32(&r);
	cblue_retrieval_get(&r, &self->idf_unknown, sizeof(gdouble));

	n = cblue_retrieval_get_u32(&r);
	for (guint32 i = 0; i < n && !r.failed; i++) {
		gchar *topic_id = cblue_retrieval_get_str(&r);
		if (topic_id != NULL)
			g_ptr_array_add(self->topic_ids, topic_id);
	}
	if (self->topic_ids->len != self->n_docs)
		r.failed = TRUE;
	if (!r.failed && cblue_retrieval_reader_has(&r, (gsize)self->n_docs * 2 * sizeof(guint64)))
		self->doc_hashes = cblue_retrieval_get_dup(&r, (gsize)self->n_docs * 2 * sizeof(guint64));
	if (!r.failed && cblue_retrieval_reader_has(&r, (gsize)self->n_docs * CBLUE_BM25_N_FIELDS * sizeof(guint32)))
		self->doc_lens = cblue_retrieval_get_dup(&r, (gsize)self->n_docs * CBLUE_BM25_N_FIELDS * sizeof(guint32));
	self->n_terms = cblue_retrieval_get_u32(&r);
	if (!r.failed && cblue_retrieval_reader_has(&r, (gsize)self->n_terms * (sizeof(guint64) + sizeof(guint32)))) {
		self->keys = cblue_retrieval_get_dup(&r, (gsize)self->n_terms * sizeof(guint64));
		self->offsets = cblue_retrieval_get_dup(&r, ((gsize)self->n_terms + 1) * sizeof(guint32));
	}
	if (!r.failed && self->offsets != NULL && cblue_retrieval_reader_has(&r, (gsize)self->n_terms / 8 + 1))
		self->inline_bits = cblue_retrieval_get_dup(&r, (gsize)self->n_terms / 8 + 1);
	self->n_codes = cblue_retrieval_get_u32(&r);
	if (!r.failed && self->n_codes <= CBLUE_BM25_CODE_ESCAPE &&
	    cblue_retrieval_reader_has(&r, (gsize)self->n_codes * sizeof(guint32)))
		self->codes = cblue_retrieval_get_dup(&r, (gsize)self->n_codes * sizeof(guint32));
	if (!r.failed && self->offsets != NULL && self->codes != NULL &&
	    cblue_retrieval_reader_has(&r, self->offsets[self->n_terms]))
		self->postings = cblue_retrieval_get_dup(&r, self->offsets[self->n_terms]);
	if (self->doc_hashes == NULL || self->doc_lens == NULL || self->inline_bits == NULL || self->postings == NULL ||
	    !cblue_bm25_index_check(self)) {
		/* the arrays must be there for the index to be freed or searched */
		r.failed = TRUE;
	} else {
		cblue_bm25_index_build_dir(self);
		cblue_bm25_index_compute_norms(self);
		cblue_bm25_index_compute_code_weights(self);
	}
	if (!r.failed)
		cblue_bm25_index_read_pool(self, &r);
	if (!cblue_retrieval_reader_finish(&r, error))
		return NULL;
	cblue_bm25_index_build_surfaces(self);
	return g_steal_pointer(&self);
}
