/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cblue-bm25-index.h"
#include "cblue-bm25-stem.h"
#include "cblue-bm25-synonyms.h"
#include "cblue-retrieval-common.h"

/*
 * An immutable BM25F index over the KB topics. Each posting carries the topic's whole
 * contribution for the term (IDF × saturated, length-normalized, field-weighted term
 * frequency), so a search is a sum over the question's postings. Alongside the score,
 * the search accumulates how much of the question's information (IDF) each topic
 * explains: that is the hit's confidence, and what out-of-scope detection reads.
 *
 * Layout (the n-gram index's, in spirit): a term — a word, an n-gram ("#" and its
 * characters) or a pair of words ("a b") — is a 64-bit hash of its text (collisions are
 * vanishingly rare), kept in a sorted array found through a directory of the hashes' top
 * bits; its postings are a compressed sparse row: per posting the document, its term
 * frequency in each field packed in 32 bits, and the precomputed contribution (a float).
 * Per document, the length of each field. The IDF follows from the number of postings.
 * A build hashes each document's terms, counts them per field after sorting the
 * document's few hashes, and radix-sorts all (hash, document, frequencies) triples once:
 * no hash table of strings is involved but the Latin words kept for typo tolerance.
 */

#define CBLUE_BM25_NGRAM_PREFIX '#'
/* words never hold a space: a term with one is a pair of words */
#define CBLUE_BM25_PAIR_SEPARATOR " "
#define CBLUE_BM25_CONTENT_COVER 0.6
#define CBLUE_BM25_FUZZY_FACTOR	 0.8
#define CBLUE_BM25_MAX_COMPOUND	 4
#define CBLUE_BM25_TYPO_MIN_LEN	 4
#define CBLUE_BM25_TYPO_MIN_LEN_SUBST 6

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
	GHashTable *deletes; /* owned: utf8 (a KB Latin word minus one char) → borrowed key of surfaces */
	GPtrArray *topic_ids; /* owned, of utf8 */
	guint64 *doc_hashes; /* owned: 2 × n_docs, the hash of each entry's text */
	/* the Latin words of the KB as written, each with its stem (the value), and the stems
	 * (no value: their own), in order of first appearance: what surfaces is made of */
	GPtrArray *pool_keys; /* owned, of utf8 */
	GPtrArray *pool_values; /* owned, of utf8 or NULL */
	/* per document, the pool entries it adds to surfaces, in order (an incremental build
	 * reuses them for the entries that did not change) */
	guint32 *doc_surface_offsets; /* owned: n_docs + 1 */
	guint32 *doc_surface_ids; /* owned */
	guint32 *doc_lens; /* owned: CBLUE_BM25_N_FIELDS × n_docs, each field's length in terms */
	CblueTokenizer *tokenizer; /* owned */
	GHashTable *stopwords; /* owned ref */
	CblueBm25Synonyms *synonyms; /* owned ref, nullable */
	gdouble idf_unknown;
	guint n_docs;
	guint n_terms;
	guint64 *keys; /* owned: n_terms, sorted */
	guint32 *offsets; /* owned: n_terms + 1, into the postings */
	guint dir_bits;
	guint32 *dir; /* owned: (1 << dir_bits) + 1, the first term of each top-bits prefix */
	guint32 *docs; /* owned: n_postings, in document order within a term */
	guint32 *tfs; /* owned: n_postings, the packed term frequencies per field */
	gfloat *contribs; /* owned: n_postings: IDF × BM25F saturation × the term kind's weight */
	/* the terms with long posting lists (df >= CBLUE_BM25_LONG_DF), in term order, with the
	 * largest contribution of their postings: what a search may skip (not serialized,
	 * derived from the postings) */
	guint n_long;
	guint32 *long_terms; /* owned: n_long */
	gfloat *long_bounds; /* owned: n_long */
};

/* a posting list this long is read for the candidate documents only, once the rarer terms
 * of the question decided which documents can still make the top hits */
#define CBLUE_BM25_LONG_DF 512


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

/* Thai without tone marks, maitaikhu and silent letters (a consonant, with its vowel, under
 * thanthakhat): the spellings of one word that people mix up, mostly in loanwords
 * ("โซล่า"/"โซลาร์", "อินเวอเตอร์"/"อินเวอร์เตอร์"), become the same */
static void
cblue_bm25_thai_skeleton(GString *text)
{
	g_autofree gunichar *chars = g_utf8_to_ucs4_fast(text->str, -1, NULL);
	glong n = 0;

	for (glong i = 0; chars[i] != 0; i++) {
		gunichar ch = chars[i];
		if (ch >= 0x0E47 && ch <= 0x0E4B)
			continue;
		if (ch == 0x0E4C) {
			/* drop the silent consonant, and a vowel sign above or below it */
			while (n > 0 && chars[n - 1] >= 0x0E31 && chars[n - 1] <= 0x0E3A && chars[n - 1] != 0x0E32 &&
			       chars[n - 1] != 0x0E33)
				n--;
			if (n > 0)
				n--;
			continue;
		}
		chars[n++] = ch;
	}
	g_string_truncate(text, 0);
	for (glong i = 0; i < n; i++)
		g_string_append_unichar(text, chars[i]);
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

static void
cblue_bm25_flush_chunk(GString *chunk, CblueScript script, GPtrArray *ngrams)
{
	guint n = script == CBLUE_SCRIPT_HAN ? 2 : 3;
	glong n_chars;
	const gchar *p;

	if (script == CBLUE_SCRIPT_THAI)
		cblue_bm25_thai_skeleton(chunk);
	if (chunk->len == 0)
		return;
	n_chars = g_utf8_strlen(chunk->str, -1);
	if ((guint)n_chars <= n) {
		g_ptr_array_add(ngrams, cblue_bm25_ngram_new(chunk->str, chunk->len));
	} else {
		p = chunk->str;
		for (glong i = 0; i + n <= (guint)n_chars; i++) {
			const gchar *end = p;
			for (guint k = 0; k < n; k++)
				end = g_utf8_next_char(end);
			g_ptr_array_add(ngrams, cblue_bm25_ngram_new(p, end - p));
			p = g_utf8_next_char(p);
		}
	}
	g_string_truncate(chunk, 0);
}

/* a Chinese token that ICU kept whole but that is only stop words ("是啥", "想做") */
static gboolean
cblue_bm25_is_stop_compound(GHashTable *stopwords, const gchar *token)
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
			g_autofree gchar *part = NULL;
			if (!reach[start])
				continue;
			part = g_strndup(bounds[start], bounds[end] - bounds[start]);
			reach[end] = g_hash_table_contains(stopwords, part);
		}
	}
	return reach[n];
}

/* which tokens are stop words; Chinese stop words also when ICU kept them inside a longer
 * token ("是啥") or split them ("神马" as 神 + 马) */
static gboolean *
cblue_bm25_find_stopwords(GHashTable *stopwords, GPtrArray *tokens)
{
	gboolean *stops = g_new0(gboolean, tokens->len + 1);

	for (guint i = 0; i < tokens->len; i++) {
		const gchar *token = g_ptr_array_index(tokens, i);
		gboolean han = cblue_script_for_char(g_utf8_get_char(token)) == CBLUE_SCRIPT_HAN;
		stops[i] = stops[i] || g_hash_table_contains(stopwords, token) ||
			   (han && cblue_bm25_is_stop_compound(stopwords, token));
		if (!han)
			continue;
		/* the longest run of 2+ tokens starting here that spells a stop word */
		for (guint n = 2; i + n <= tokens->len; n++) {
			g_autoptr(GString) run = g_string_new(NULL);
			for (guint k = i; k < i + n; k++)
				g_string_append(run, g_ptr_array_index(tokens, k));
			if (cblue_script_for_char(g_utf8_get_char(g_ptr_array_index(tokens, i + n - 1))) !=
				CBLUE_SCRIPT_HAN ||
			    g_utf8_strlen(run->str, -1) > CBLUE_BM25_MAX_COMPOUND)
				break;
			if (g_hash_table_contains(stopwords, run->str)) {
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
 * made canonical; @surfaces, if not %NULL, gets the unstemmed form of each Latin word and
 * %NULL for the others, in step with @words; @pairs, if not %NULL, gets the pairs of
 * neighbouring words (see cblue_bm25_add_pairs()) */
void
cblue_bm25_analyze(CblueTokenizer *tokenizer, GHashTable *stopwords, CblueBm25Synonyms *synonyms, const gchar *text,
		   GPtrArray *words, GPtrArray *surfaces, GPtrArray *ngrams, GPtrArray *pairs)
{
	guint first_word = words->len;
	g_autofree gchar *normalized = cblue_tokenizer_normalize(tokenizer, text);
	g_autofree gchar *rewritten = synonyms != NULL ? cblue_bm25_synonyms_apply(synonyms, normalized) : NULL;
	g_autoptr(GPtrArray) tokens = cblue_tokenizer_segment(tokenizer, rewritten != NULL ? rewritten : normalized);
	g_autoptr(GString) chunk = g_string_new(NULL);
	g_autofree gboolean *stops = cblue_bm25_find_stopwords(stopwords, tokens);
	CblueScript chunk_script = CBLUE_SCRIPT_OTHER;

	for (guint i = 0; i < tokens->len; i++) {
		const gchar *token = g_ptr_array_index(tokens, i);
		CblueScript script = cblue_script_for_char(g_utf8_get_char(token));
		gboolean stop = stops[i];

		if (stop || script != chunk_script) {
			if (ngrams != NULL)
				cblue_bm25_flush_chunk(chunk, chunk_script, ngrams);
			chunk_script = script;
		}
		if (stop)
			continue;
		if (script == CBLUE_SCRIPT_LATIN) {
			g_autofree gchar *stem = cblue_bm25_stem_english(token);
			/* "theres", "others": inflected stop words */
			if (g_hash_table_contains(stopwords, stem))
				continue;
			g_ptr_array_add(words, g_steal_pointer(&stem));
			if (surfaces != NULL)
				g_ptr_array_add(surfaces, g_strdup(token));
			continue;
		}
		g_ptr_array_add(words, g_strdup(token));
		if (surfaces != NULL)
			g_ptr_array_add(surfaces, NULL);
		if (script == CBLUE_SCRIPT_THAI || script == CBLUE_SCRIPT_HAN)
			g_string_append(chunk, token);
	}
	if (ngrams != NULL)
		cblue_bm25_flush_chunk(chunk, chunk_script, ngrams);
	if (pairs != NULL)
		cblue_bm25_add_pairs(words, first_word, pairs);
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

/* a term's 64-bit key: FNV-1a of its text, mixed so that the top bits (the directory's)
 * are as good as the low ones, and the term's kind in the 2 lowest bits (the weight of a
 * posting follows from its key) */
static guint64
cblue_bm25_term_key(const gchar *text)
{
	guint64 h = 0xcbf29ce484222325ULL;
	for (const guchar *p = (const guchar *)text; *p != '\0'; p++) {
		h ^= *p;
		h *= 0x100000001b3ULL;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return (h & ~(guint64)3) | cblue_bm25_term_kind(text);
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

/* the document being analyzed: its terms' occurrences and its fields' lengths */
typedef struct {
	GArray *occurrences; /* of CblueBm25Occurrence */
	guint len[CBLUE_BM25_N_FIELDS];
	guint32 d;
	CblueBm25PoolBuilder *pool;
} CblueBm25Doc;

static void
cblue_bm25_doc_add_terms(CblueBm25Doc *doc, CblueBm25Field field, GPtrArray *terms)
{
	for (guint i = 0; i < terms->len; i++) {
		CblueBm25Occurrence o = {cblue_bm25_term_key(g_ptr_array_index(terms, i)), field};
		g_array_append_val(doc->occurrences, o);
	}
}

static void
cblue_bm25_doc_add_text(CblueBm25Doc *doc, CblueBm25Field field, CblueBm25Index *self, const gchar *text)
{
	g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) ngrams = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func(g_free);

	cblue_bm25_analyze(self->tokenizer, self->stopwords, self->synonyms, text, words, written, ngrams,
			   self->params.pair_weight > 0 ? pairs : NULL);
	/* the stems are looked up as written too: a misspelt word may be closer to a stem
	 * ("waterprofed" → "waterprof", one edit from "waterproof") */
	for (guint i = 0; i < written->len; i++) {
		const gchar *stem = g_ptr_array_index(words, i);
		const gchar *surface = g_ptr_array_index(written, i);
		if (surface == NULL)
			continue;
		cblue_bm25_pool_builder_use(doc->pool, doc->d, cblue_bm25_pool_builder_intern(doc->pool, surface, stem));
		cblue_bm25_pool_builder_use(doc->pool, doc->d, cblue_bm25_pool_builder_intern(doc->pool, stem, NULL));
	}
	/* pairs repeat the words: they do not make the field longer */
	doc->len[field] += words->len + ngrams->len;
	cblue_bm25_doc_add_terms(doc, field, words);
	cblue_bm25_doc_add_terms(doc, field, ngrams);
	cblue_bm25_doc_add_terms(doc, field, pairs);
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

/* occurrences and triples are sorted by their leading 64-bit key with retrieval-common's sorts */
G_STATIC_ASSERT(G_STRUCT_OFFSET(CblueBm25Occurrence, key) == 0 && sizeof(CblueBm25Occurrence) == 16);
G_STATIC_ASSERT(G_STRUCT_OFFSET(CblueBm25Triple, key) == 0 && sizeof(CblueBm25Triple) == 16);
G_STATIC_ASSERT(G_STRUCT_OFFSET(CblueBm25Triple, doc) == 8);

/* the document's (term, document, frequencies) triples, one per distinct term */
static void
cblue_bm25_doc_to_triples(CblueBm25Doc *doc, guint32 d, GArray *triples)
{
	CblueBm25Occurrence *o = (CblueBm25Occurrence *)doc->occurrences->data;
	gsize n = doc->occurrences->len;

	/* (not stable) */
	cblue_retrieval_sort_records(o, n, sizeof(CblueBm25Occurrence));
	for (gsize i = 0; i < n;) {
		guint tf[CBLUE_BM25_N_FIELDS] = {0};
		CblueBm25Triple t = {o[i].key, d, 0};
		for (; i < n && o[i].key == t.key; i++)
			tf[o[i].field]++;
		t.tfs = cblue_bm25_tf_pack(tf);
		g_array_append_val(triples, t);
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

static inline guint
cblue_bm25_index_df(CblueBm25Index *self, guint32 term)
{
	return self->offsets[term + 1] - self->offsets[term];
}

/* each posting's contribution, from its frequencies, its document's field lengths and
 * the term's IDF: BM25F with field weights */
static void
cblue_bm25_index_compute_contribs(CblueBm25Index *self)
{
	const CblueBm25Params *params = &self->params;
	const gdouble weights[CBLUE_BM25_N_FIELDS] = {params->weight_questions, params->weight_keywords,
						      params->weight_content};
	gdouble avglen[CBLUE_BM25_N_FIELDS] = {0};
	guint n = self->n_docs;

	for (guint d = 0; d < n; d++) {
		for (guint f = 0; f < CBLUE_BM25_N_FIELDS; f++)
			avglen[f] += self->doc_lens[d * CBLUE_BM25_N_FIELDS + f];
	}
	for (guint f = 0; f < CBLUE_BM25_N_FIELDS; f++)
		avglen[f] = n > 0 ? MAX(avglen[f] / n, 1.0) : 1.0;
	self->contribs = g_new(gfloat, MAX(self->offsets[self->n_terms], 1));
	for (guint32 t = 0; t < self->n_terms; t++) {
		gdouble idf = cblue_bm25_idf(n, cblue_bm25_index_df(self, t));
		gdouble weight = cblue_bm25_kind_weight(params, self->keys[t]);
		for (guint32 k = self->offsets[t]; k < self->offsets[t + 1]; k++) {
			const guint32 *len = &self->doc_lens[(gsize)self->docs[k] * CBLUE_BM25_N_FIELDS];
			gdouble tfn = 0;
			for (guint g = 0; g < CBLUE_BM25_N_FIELDS; g++) {
				guint tf = cblue_bm25_tf_get(self->tfs[k], g);
				if (tf == 0)
					continue;
				tfn += weights[g] * tf / (1.0 - params->b + params->b * len[g] / avglen[g]);
			}
			self->contribs[k] = (gfloat)(idf * tfn / (params->k1 + tfn) * weight);
		}
	}
}

static void
cblue_bm25_index_build_bounds(CblueBm25Index *self)
{
	self->n_long = 0;
	for (guint32 t = 0; t < self->n_terms; t++) {
		if (cblue_bm25_index_df(self, t) >= CBLUE_BM25_LONG_DF)
			self->n_long++;
	}
	self->long_terms = g_new(guint32, MAX(self->n_long, 1));
	self->long_bounds = g_new(gfloat, MAX(self->n_long, 1));
	for (guint32 t = 0, i = 0; t < self->n_terms; t++) {
		gfloat bound = 0;
		if (cblue_bm25_index_df(self, t) < CBLUE_BM25_LONG_DF)
			continue;
		for (guint32 k = self->offsets[t]; k < self->offsets[t + 1]; k++)
			bound = MAX(bound, self->contribs[k]);
		self->long_terms[i] = t;
		self->long_bounds[i++] = bound;
	}
}

/* the terms and postings from the sorted triples */
static void
cblue_bm25_index_fill(CblueBm25Index *self, GArray *triples)
{
	const CblueBm25Triple *a = (const CblueBm25Triple *)triples->data;
	gsize n = triples->len;
	guint32 t = 0;

	self->n_terms = 0;
	for (gsize i = 0; i < n; i++) {
		if (i == 0 || a[i].key != a[i - 1].key)
			self->n_terms++;
	}
	self->keys = g_new(guint64, MAX(self->n_terms, 1));
	self->offsets = g_new(guint32, self->n_terms + 1);
	self->docs = g_new(guint32, MAX(n, 1));
	self->tfs = g_new(guint32, MAX(n, 1));
	for (gsize i = 0; i < n; i++) {
		if (i == 0 || a[i].key != a[i - 1].key) {
			self->keys[t] = a[i].key;
			self->offsets[t++] = i;
		}
		self->docs[i] = a[i].doc;
		self->tfs[i] = a[i].tfs;
	}
	self->offsets[self->n_terms] = n;
	cblue_bm25_index_build_dir(self);
	cblue_bm25_index_compute_contribs(self);
	cblue_bm25_index_build_bounds(self);
}

static guint
cblue_bm25_index_surface_df(CblueBm25Index *self, const gchar *surface)
{
	const gchar *stem = g_hash_table_lookup(self->surfaces, surface);
	gint64 term = stem != NULL ? cblue_bm25_index_lookup(self, stem) : -1;
	return term >= 0 ? cblue_bm25_index_df(self, term) : 0;
}

/* symmetric-delete index for typo tolerance, over the Latin words as the KB writes them
 * (stems of misspelt words are too far from the right stems): every word of 4+ characters
 * minus one character, pointing to the most frequent word that produces it */
static void
cblue_bm25_index_add_deletes(CblueBm25Index *self, const gchar *surface)
{
	gsize len = strlen(surface);
	guint df = cblue_bm25_index_surface_df(self, surface);

	if (len < CBLUE_BM25_TYPO_MIN_LEN)
		return;
	for (gsize i = 0; i < len; i++) {
		g_autofree gchar *del = g_strdup_printf("%.*s%s", (int)i, surface, surface + i + 1);
		const gchar *other = g_hash_table_lookup(self->deletes, del);
		if (other != NULL && cblue_bm25_index_surface_df(self, other) >= df)
			continue;
		g_hash_table_insert(self->deletes, g_steal_pointer(&del), (gpointer)surface);
	}
}

static CblueBm25Index *
cblue_bm25_index_alloc(CblueTokenizer *tokenizer, GHashTable *stopwords, CblueBm25Synonyms *synonyms)
{
	CblueBm25Index *self = g_atomic_rc_box_new0(CblueBm25Index);
	self->surfaces = g_hash_table_new(g_str_hash, g_str_equal);
	self->deletes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	self->topic_ids = g_ptr_array_new_with_free_func(g_free);
	self->tokenizer = g_object_ref(tokenizer);
	self->stopwords = g_hash_table_ref(stopwords);
	self->synonyms = synonyms != NULL ? cblue_bm25_synonyms_ref(synonyms) : NULL;
	return self;
}

/* the pool in order of first appearance over the documents (so that a full and an
 * incremental build have the same), without the entries of removed documents */
static void
cblue_bm25_index_take_pool(CblueBm25Index *self, CblueBm25PoolBuilder *pool)
{
	guint n_ids = pool->doc_ids->len;
	guint32 *ids = (guint32 *)pool->doc_ids->data;
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
	self->doc_surface_ids = g_new(guint32, MAX(n_ids, 1));
	memcpy(self->doc_surface_ids, ids, (gsize)n_ids * sizeof(guint32));
	self->doc_surface_offsets = g_new(guint32, (gsize)self->n_docs + 1);
	memcpy(self->doc_surface_offsets, pool->doc_offsets->data, (gsize)self->n_docs * sizeof(guint32));
	self->doc_surface_offsets[self->n_docs] = n_ids;
}

/* the surfaces from the pool (the first entry of a word wins, as the first document that
 * wrote it), then the deletes */
static void
cblue_bm25_index_build_surfaces(CblueBm25Index *self)
{
	GHashTableIter iter;
	gpointer key;

	for (guint i = 0; i < self->pool_keys->len; i++) {
		gchar *word = g_ptr_array_index(self->pool_keys, i);
		gchar *stem = g_ptr_array_index(self->pool_values, i);
		if (!g_hash_table_contains(self->surfaces, word))
			g_hash_table_insert(self->surfaces, word, stem != NULL ? stem : word);
	}
	g_hash_table_iter_init(&iter, self->surfaces);
	while (g_hash_table_iter_next(&iter, &key, NULL))
		cblue_bm25_index_add_deletes(self, key);
}

/* the reused document @d (@old in @previous): its field lengths and its surfaces' entries */
static void
cblue_bm25_index_reuse_doc(CblueBm25Index *self, CblueBm25Index *previous, guint32 old, guint32 d,
			   CblueBm25PoolBuilder *pool, guint32 *old_ids)
{
	memcpy(&self->doc_lens[(gsize)d * CBLUE_BM25_N_FIELDS], &previous->doc_lens[(gsize)old * CBLUE_BM25_N_FIELDS],
	       CBLUE_BM25_N_FIELDS * sizeof(guint32));
	for (guint32 k = previous->doc_surface_offsets[old]; k < previous->doc_surface_offsets[old + 1]; k++) {
		guint32 id = previous->doc_surface_ids[k];
		if (old_ids[id] == G_MAXUINT32)
			old_ids[id] = cblue_bm25_pool_builder_intern(pool, g_ptr_array_index(previous->pool_keys, id),
								     g_ptr_array_index(previous->pool_values, id));
		cblue_bm25_pool_builder_use(pool, d, old_ids[id]);
	}
}

/* the reused documents' postings straight from the previous index */
static void
cblue_bm25_index_reuse_postings(CblueBm25Index *previous, const guint32 *old_to_new, GArray *triples)
{
	for (guint32 t = 0; t < previous->n_terms; t++) {
		for (guint32 k = previous->offsets[t]; k < previous->offsets[t + 1]; k++) {
			CblueBm25Triple triple = {previous->keys[t], old_to_new[previous->docs[k]], previous->tfs[k]};
			if (triple.doc != G_MAXUINT32)
				g_array_append_val(triples, triple);
		}
	}
}

CblueBm25Index *
cblue_bm25_index_new(CblueKb *kb, CblueTokenizer *tokenizer, GHashTable *stopwords, CblueBm25Synonyms *synonyms,
		     const CblueBm25Params *params)
{
	return cblue_bm25_index_new_incremental(kb, tokenizer, stopwords, synonyms, params, NULL, NULL);
}

/**
 * cblue_bm25_index_new_incremental:
 * @previous: (nullable): the index of the previous KB
 * @n_analyzed: (out) (optional): how many entries were analyzed (the others were reused)
 *
 * Builds the index of @kb, analyzing only the entries that are not in @previous (built
 * with the same tokenizer, stop words, synonyms and parameters) with the same text: their
 * per-field term frequencies, field lengths and Latin words come from @previous. The IDFs,
 * average field lengths and contributions are computed over the whole new KB, so the
 * result is byte for byte a full build's.
 */
CblueBm25Index *
cblue_bm25_index_new_incremental(CblueKb *kb, CblueTokenizer *tokenizer, GHashTable *stopwords,
				 CblueBm25Synonyms *synonyms, const CblueBm25Params *params, CblueBm25Index *previous,
				 guint *n_analyzed)
{
	GPtrArray *entries = cblue_kb_get_entries(kb);
	guint n = entries->len;
	CblueBm25Index *self = cblue_bm25_index_alloc(tokenizer, stopwords, synonyms);
	g_autoptr(GArray) triples = g_array_new(FALSE, FALSE, sizeof(CblueBm25Triple));
	CblueBm25PoolBuilder pool;
	CblueBm25Doc doc = {g_array_new(FALSE, FALSE, sizeof(CblueBm25Occurrence)), {0}, 0, &pool};
	g_auto(CblueRetrievalReuse) reuse = {NULL, NULL, NULL, 0};
	guint32 *old_to_new;
	g_autofree guint32 *old_ids = NULL;
	guint analyzed = 0;

	if (previous != NULL &&
	    (previous->tokenizer != tokenizer || previous->stopwords != stopwords || previous->synonyms != synonyms ||
	     memcmp(&previous->params, params, sizeof(*params)) != 0))
		previous = NULL;
	cblue_retrieval_reuse_init(&reuse, previous != NULL ? previous->topic_ids : NULL,
				   previous != NULL ? previous->doc_hashes : NULL);
	old_to_new = reuse.old_to_new;
	if (previous != NULL) {
		old_ids = g_new(guint32, MAX(previous->pool_keys->len, 1));
		memset(old_ids, 0xff, (gsize)MAX(previous->pool_keys->len, 1) * sizeof(guint32));
	}
	cblue_bm25_pool_builder_init(&pool);
	self->params = *params;
	self->n_docs = n;
	self->idf_unknown = log(1.0 + (n + 0.5) / 0.5);
	self->doc_lens = g_new0(guint32, (gsize)MAX(n, 1) * CBLUE_BM25_N_FIELDS);
	self->doc_hashes = g_new0(guint64, 2 * (gsize)MAX(n, 1));
	for (guint d = 0; d < n; d++) {
		CblueKbEntry *entry = g_ptr_array_index(entries, d);
		gint64 old = cblue_retrieval_reuse_entry(&reuse, entry, d, self->doc_hashes, self->topic_ids);

		g_array_append_val(pool.doc_offsets, pool.doc_ids->len);
		if (old >= 0) {
			cblue_bm25_index_reuse_doc(self, previous, old, d, &pool, old_ids);
			continue;
		}
		g_array_set_size(doc.occurrences, 0);
		memset(doc.len, 0, sizeof(doc.len));
		doc.d = d;
		cblue_bm25_doc_fill(&doc, entry, self);
		memcpy(&self->doc_lens[(gsize)d * CBLUE_BM25_N_FIELDS], doc.len, sizeof(doc.len));
		cblue_bm25_doc_to_triples(&doc, d, triples);
		analyzed++;
	}
	g_array_unref(doc.occurrences);
	/* all in (key, document) order, as a full build has them */
	if (previous != NULL && analyzed < n) {
		cblue_bm25_index_reuse_postings(previous, old_to_new, triples);
		cblue_retrieval_sort_records_by_u32(triples->data, triples->len, n);
	}
	/* stable: in document order within a key */
	cblue_retrieval_radix_sort_records(triples->data, triples->len, sizeof(CblueBm25Triple));
	cblue_bm25_index_fill(self, triples);
	cblue_bm25_index_take_pool(self, &pool);
	cblue_bm25_pool_builder_clear(&pool);
	cblue_bm25_index_build_surfaces(self);
	if (n_analyzed != NULL)
		*n_analyzed = analyzed;
	return self;
}

static void
cblue_bm25_index_clear(gpointer data)
{
	CblueBm25Index *self = data;
	g_hash_table_unref(self->deletes);
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
	g_free(self->dir);
	g_free(self->docs);
	g_free(self->tfs);
	g_free(self->contribs);
	g_free(self->long_terms);
	g_free(self->long_bounds);
	g_object_unref(self->tokenizer);
	g_hash_table_unref(self->stopwords);
	g_clear_pointer(&self->synonyms, cblue_bm25_synonyms_unref);
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
	gsize n_postings = self->offsets[self->n_terms];
	gsize bytes = cblue_bm25_table_size(self->surfaces, FALSE) + cblue_bm25_table_size(self->deletes, TRUE);

	bytes += cblue_bm25_block_size((gsize)MAX(self->n_docs, 1) * CBLUE_BM25_N_FIELDS * sizeof(guint32)) +
		 cblue_bm25_block_size((gsize)MAX(self->n_docs, 1) * 2 * sizeof(guint64)) +
		 cblue_bm25_block_size(((gsize)self->n_docs + 1) * sizeof(guint32)) +
		 cblue_bm25_block_size((gsize)MAX(self->doc_surface_offsets[self->n_docs], 1) * sizeof(guint32));
	for (guint i = 0; i < self->pool_keys->len; i++) {
		const gchar *stem = g_ptr_array_index(self->pool_values, i);
		bytes += cblue_bm25_block_size(strlen(g_ptr_array_index(self->pool_keys, i)) + 1) + 2 * sizeof(gpointer);
		if (stem != NULL)
			bytes += cblue_bm25_block_size(strlen(stem) + 1);
	}
	bytes += cblue_bm25_block_size(MAX(self->n_terms, 1) * sizeof(guint64)) +
		 cblue_bm25_block_size((self->n_terms + 1) * sizeof(guint32)) +
		 cblue_bm25_block_size((((gsize)1 << self->dir_bits) + 1) * sizeof(guint32)) +
		 2 * cblue_bm25_block_size(MAX(self->n_long, 1) * sizeof(guint32));
	bytes += 3 * cblue_bm25_block_size(MAX(n_postings, 1) * sizeof(guint32));
	for (guint i = 0; i < self->topic_ids->len; i++)
		bytes += cblue_bm25_block_size(strlen(g_ptr_array_index(self->topic_ids, i)) + 1) + sizeof(gpointer);
	return bytes;
}

/* whether two words of the same length differ by one substituted character (@swap FALSE)
 * or by two swapped neighbours (@swap TRUE) */
static gboolean
cblue_bm25_one_edit(const gchar *a, const gchar *b, gboolean swap)
{
	gsize len = strlen(a);
	gsize first = len;
	guint n_diff = 0;

	if (strlen(b) != len)
		return FALSE;
	for (gsize i = 0; i < len; i++) {
		if (a[i] == b[i])
			continue;
		if (n_diff++ == 0)
			first = i;
	}
	if (!swap)
		return n_diff == 1;
	return n_diff == 2 && first + 1 < len && a[first] == b[first + 1] && a[first + 1] == b[first];
}

/* the stem of a KB word one edit away from an unknown Latin word as written, or NULL;
 * substitutions only in longer words, where they rarely turn one real word into another
 * ("curry" is not "carry"), and never of the first letter */
static const gchar *
cblue_bm25_index_correct(CblueBm25Index *self, const gchar *surface)
{
	gsize len = strlen(surface);
	const gchar *best = NULL;
	guint best_df = 0;

	if (len < CBLUE_BM25_TYPO_MIN_LEN)
		return NULL;
	/* letters only: "3000" is not a typo of "300" */
	for (gsize i = 0; i < len; i++) {
		if (!g_ascii_isalpha(surface[i]))
			return NULL;
	}
	for (gint i = -1; i < (gint)len; i++) {
		g_autofree gchar *del =
		    i < 0 ? g_strdup(surface) : g_strdup_printf("%.*s%s", i, surface, surface + i + 1);
		const gchar *candidates[2] = {NULL, NULL};
		/* i < 0: a letter missing from the word; else one too many (in words of 5+ letters:
	 * "poem" is not "poe"), or one wrong */
		if (i < 0) {
			candidates[0] = g_hash_table_lookup(self->deletes, del);
		} else {
			gpointer key = NULL;
			const gchar *other = g_hash_table_lookup(self->deletes, del);
			gboolean subst_ok = len >= CBLUE_BM25_TYPO_MIN_LEN_SUBST;
			if (len > CBLUE_BM25_TYPO_MIN_LEN &&
			    g_hash_table_lookup_extended(self->surfaces, del, &key, NULL))
				candidates[0] = key;
			if (other != NULL && (cblue_bm25_one_edit(surface, other, TRUE) ||
					      (subst_ok && cblue_bm25_one_edit(surface, other, FALSE))))
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

typedef struct {
	gdouble score;
	gdouble word_cover;
	gdouble ngram_cover;
	gboolean touched;
} CblueBm25Acc;

/* A search's accumulators, kept per thread between searches and sized to the largest index
 * searched: allocating and scanning an array of the KB's size for every question cost more
 * than the search itself at 100,000 topics. Only the documents a search touched are read
 * and cleared. */
typedef struct {
	gsize capacity;
	CblueBm25Acc *acc; /* capacity, zeroed between searches */
	guint32 *touched; /* capacity */
	gsize n_touched;
} CblueBm25Scratch;

static void
cblue_bm25_scratch_free(gpointer data)
{
	CblueBm25Scratch *scratch = data;
	if (scratch == NULL)
		return;
	g_free(scratch->acc);
	g_free(scratch->touched);
	g_free(scratch);
}

static GPrivate cblue_bm25_scratch_key = G_PRIVATE_INIT(cblue_bm25_scratch_free);

static CblueBm25Scratch *
cblue_bm25_scratch_get(gsize n_docs)
{
	CblueBm25Scratch *scratch = g_private_get(&cblue_bm25_scratch_key);
	if (scratch != NULL && scratch->capacity >= n_docs)
		return scratch;
	scratch = g_new0(CblueBm25Scratch, 1);
	scratch->capacity = MAX(n_docs, 64);
	scratch->acc = g_new0(CblueBm25Acc, scratch->capacity);
	scratch->touched = g_new(guint32, scratch->capacity);
	g_private_replace(&cblue_bm25_scratch_key, scratch);
	return scratch;
}

/* the accumulator of @doc, noting that the search touched it */
static inline CblueBm25Acc *
cblue_bm25_scratch_acc(CblueBm25Scratch *scratch, guint doc)
{
	CblueBm25Acc *acc = &scratch->acc[doc];
	if (!acc->touched) {
		acc->touched = TRUE;
		scratch->touched[scratch->n_touched++] = doc;
	}
	return acc;
}

/* whether document @a ranks before document @b: the higher score, then the earlier topic */
static inline gboolean
cblue_bm25_ranks_before(const CblueBm25Acc *acc, guint32 a, guint32 b)
{
	return acc[a].score > acc[b].score || (acc[a].score == acc[b].score && a < b);
}

/* a term of the question, as searched */
typedef struct {
	guint32 term;
	CblueBm25Kind kind;
	gdouble factor; /* less than 1 for a word corrected for a typo */
	gdouble idf;
} CblueBm25QueryTerm;

static inline void
cblue_bm25_accumulate_posting(CblueBm25Index *self, const CblueBm25QueryTerm *q, guint32 k,
			      CblueBm25Scratch *scratch)
{
	/* a term in the questions or keywords covers it fully, only in the content less */
	const guint32 title_mask = (1u << CBLUE_BM25_TF_SHIFT_CONTENT) - 1;
	CblueBm25Acc *acc = cblue_bm25_scratch_acc(scratch, self->docs[k]);
	gfloat cover;

	acc->score += self->contribs[k] * q->factor;
	/* pairs add to the score, not to the confidence: their words already count there */
	if (q->kind == CBLUE_BM25_KIND_PAIR)
		return;
	cover = (self->tfs[k] & title_mask) != 0 ? 1.0f : (gfloat)CBLUE_BM25_CONTENT_COVER;
	if (q->kind == CBLUE_BM25_KIND_NGRAM)
		acc->ngram_cover += q->idf * cover * q->factor;
	else
		acc->word_cover += q->idf * cover * q->factor;
}

static void
cblue_bm25_accumulate(CblueBm25Index *self, const CblueBm25QueryTerm *q, CblueBm25Scratch *scratch)
{
	for (guint32 k = self->offsets[q->term]; k < self->offsets[q->term + 1]; k++)
		cblue_bm25_accumulate_posting(self, q, k, scratch);
}

static void
cblue_bm25_query_add(GArray *query, guint32 term, CblueBm25Kind kind, gdouble factor, gdouble idf)
{
	CblueBm25QueryTerm q = {term, kind, factor, idf};
	g_array_append_val(query, q);
}

/* The question's pairs of neighbouring words (as the index's terms, typos corrected). */
static void
cblue_bm25_index_add_pairs(CblueBm25Index *self, GPtrArray *words, const gchar **found, GArray *query)
{
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

	for (guint i = 0; i + 1 < words->len; i++) {
		const gchar *a = found[i], *b = found[i + 1];
		gchar *pair;
		gint64 term;
		gdouble factor;

		if (a == NULL || b == NULL)
			continue;
		pair = g_strconcat(a, CBLUE_BM25_PAIR_SEPARATOR, b, NULL);
		if (!g_hash_table_add(seen, pair))
			continue;
		term = cblue_bm25_index_lookup(self, pair);
		if (term < 0)
			continue;
		/* a corrected word counts less, in a pair too */
		factor = (strcmp(a, g_ptr_array_index(words, i)) == 0 ? 1.0 : CBLUE_BM25_FUZZY_FACTOR) *
			 (strcmp(b, g_ptr_array_index(words, i + 1)) == 0 ? 1.0 : CBLUE_BM25_FUZZY_FACTOR);
		cblue_bm25_query_add(query, term, CBLUE_BM25_KIND_PAIR, factor, 0);
	}
}

/* the largest contribution of a posting of @term if its list is long, else -1 */
static gdouble
cblue_bm25_index_long_bound(CblueBm25Index *self, guint32 term)
{
	guint32 i = cblue_retrieval_lower_bound_u32(self->long_terms, 0, self->n_long, term);
	return i < self->n_long && self->long_terms[i] == term ? self->long_bounds[i] : -1;
}

/* the posting of @doc in the list of @term, or G_MAXUINT32 (a list is in document order) */
static guint32
cblue_bm25_index_find_posting(CblueBm25Index *self, guint32 term, guint32 doc)
{
	guint32 hi = self->offsets[term + 1];
	guint32 k = cblue_retrieval_lower_bound_u32(self->docs, self->offsets[term], hi, doc);
	return k < hi && self->docs[k] == doc ? k : G_MAXUINT32;
}

static void
cblue_bm25_scratch_reset(CblueBm25Scratch *scratch)
{
	for (gsize t = 0; t < scratch->n_touched; t++)
		memset(&scratch->acc[scratch->touched[t]], 0, sizeof(CblueBm25Acc));
	scratch->n_touched = 0;
}

/* the best partial scores while the first pass reads lists: at most k documents, and the
 * k-th best score once there are k (else 0) */
typedef struct {
	guint k;
	guint n;
	guint32 *docs; /* k */
	gdouble kth;
} CblueBm25Top;

static void
cblue_bm25_top_update(CblueBm25Top *top, const CblueBm25Acc *acc, guint32 doc)
{
	guint worst = 0;

	for (guint i = 0; i < top->n; i++) {
		if (top->docs[i] == doc)
			goto done;
	}
	if (top->n < top->k) {
		top->docs[top->n++] = doc;
	} else {
		for (guint i = 1; i < top->n; i++) {
			if (acc[top->docs[i]].score < acc[top->docs[worst]].score)
				worst = i;
		}
		top->docs[worst] = doc;
	}
done:
	if (top->n == top->k) {
		gdouble kth = acc[top->docs[0]].score;
		for (guint i = 1; i < top->n; i++)
			kth = MIN(kth, acc[top->docs[i]].score);
		top->kth = kth;
	}
}

/* the first pass: scores only, in any order */
static void
cblue_bm25_accumulate_scores(CblueBm25Index *self, const CblueBm25QueryTerm *q, CblueBm25Scratch *scratch,
			     CblueBm25Top *top)
{
	for (guint32 k = self->offsets[q->term]; k < self->offsets[q->term + 1]; k++) {
		CblueBm25Acc *acc = cblue_bm25_scratch_acc(scratch, self->docs[k]);
		acc->score += self->contribs[k] * q->factor;
		if (acc->score > top->kth)
			cblue_bm25_top_update(top, scratch->acc, self->docs[k]);
	}
}

/* the question's terms @longs, rarest first (an insertion sort: a question has a few) */
static void
cblue_bm25_sort_by_df(guint *longs, guint n, const guint *dfs)
{
	for (guint i = 1; i < n; i++) {
		guint v = longs[i];
		guint k = i;
		for (; k > 0 && dfs[longs[k - 1]] > dfs[v]; k--)
			longs[k] = longs[k - 1];
		longs[k] = v;
	}
}

/* The sums of @query over the documents that can make the top @max_hits, exactly as
 * reading every posting in the question's order gives them. A first pass reads the short
 * posting lists (the rare terms), then the long ones (the common terms) rarest first,
 * each time until what the lists left could add at most to a document (the largest
 * contribution of each) cannot lift one that the lists read did not reach over the
 * max_hits-th best so far: the candidates are then the documents reached and not too far
 * behind. A second pass sums everything again for the candidates in the question's order
 * (a long list read by binary search for them), so that their scores and confidences are
 * those of reading every posting, to the last bit.
 *
 * Returns: %TRUE with the documents to rank in @candidates (and @skipped set if the first
 *   pass left long lists unread); %FALSE if every posting was read in order (the documents
 *   to rank are the scratch's touched ones) */
static gboolean
cblue_bm25_index_run(CblueBm25Index *self, GArray *query, guint max_hits, gboolean prune, CblueBm25Scratch *scratch,
		     GArray *candidates, gboolean *skipped)
{
	const CblueBm25QueryTerm *q = (const CblueBm25QueryTerm *)query->data;
	g_autofree gdouble *bounds = g_new(gdouble, query->len + 1);
	g_autofree guint *dfs = g_new(guint, query->len + 1);
	g_autofree guint *longs = g_new(guint, query->len + 1);
	g_autofree guint32 *top_docs = g_new(guint32, MAX(max_hits, 1));
	CblueBm25Top top = {max_hits, 0, top_docs, 0};
	gdouble rest = 0, floor;
	guint n_long = 0, next = 0;

	for (guint i = 0; i < query->len && prune; i++) {
		bounds[i] = cblue_bm25_index_long_bound(self, q[i].term) * q[i].factor;
		dfs[i] = cblue_bm25_index_df(self, q[i].term);
		if (bounds[i] < 0)
			continue;
		longs[n_long++] = i;
		rest += bounds[i];
	}
	if (n_long == 0 || max_hits == 0) {
		for (guint i = 0; i < query->len; i++)
			cblue_bm25_accumulate(self, &q[i], scratch);
		return FALSE;
	}
	cblue_bm25_sort_by_df(longs, n_long, dfs);
	for (guint i = 0; i < query->len; i++) {
		if (bounds[i] < 0)
			cblue_bm25_accumulate_scores(self, &q[i], scratch, &top);
	}
	/* a margin for the sums' rounding, which a different order changes in the last bits */
	for (; next < n_long; next++) {
		if (top.n == max_hits && rest < top.kth * (1.0 - 1e-9))
			break;
		cblue_bm25_accumulate_scores(self, &q[longs[next]], scratch, &top);
		rest -= bounds[longs[next]];
	}
	*skipped = next < n_long;
	if (next == n_long)
		rest = 0;
	floor = top.n == max_hits ? top.kth * (1.0 - 1e-9) : 0;
	for (gsize t = 0; t < scratch->n_touched; t++) {
		guint32 d = scratch->touched[t];
		if (scratch->acc[d].score > 0 && scratch->acc[d].score + rest >= floor)
			g_array_append_val(candidates, d);
	}
	cblue_bm25_scratch_reset(scratch);
	for (guint i = 0; i < query->len; i++) {
		guint df = cblue_bm25_index_df(self, q[i].term);
		if ((gsize)candidates->len * g_bit_storage(df) >= df) {
			cblue_bm25_accumulate(self, &q[i], scratch);
			continue;
		}
		for (guint c = 0; c < candidates->len; c++) {
			guint32 k = cblue_bm25_index_find_posting(self, q[i].term, g_array_index(candidates, guint32, c));
			if (k != G_MAXUINT32)
				cblue_bm25_accumulate_posting(self, &q[i], k, scratch);
		}
	}
	return TRUE;
}

static void
cblue_bm25_dedup(GPtrArray *terms)
{
	g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
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

/* The early termination (cblue_bm25_index_run()) is exact but off: on the 100,000-entry
 * benchmark it skipped long lists in nearly every question and saved nothing (p50 1.52
 * against 1.56 ms, p99 6.0 against 5.5 ms, back to back): the postings are not where a
 * BM25 search spends its time, and two passes and the running top hits cost as much. */
GPtrArray *
cblue_bm25_index_search(CblueBm25Index *self, const gchar *text, guint max_hits)
{
	return cblue_bm25_index_search_full(self, text, max_hits, FALSE, NULL);
}

/* cblue_bm25_index_search() with the early termination on (@prune) or off; @pruned, if not
 * %NULL, tells whether it skipped postings (for tests: the hits are the same either way) */
GPtrArray *
cblue_bm25_index_search_full(CblueBm25Index *self, const gchar *text, guint max_hits, gboolean prune,
			     gboolean *pruned)
{
	g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) surfaces = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) ngrams = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal); /* word → its term's text or NULL */
	g_autoptr(GArray) query = g_array_new(FALSE, FALSE, sizeof(CblueBm25QueryTerm));
	g_autoptr(GArray) candidates = g_array_new(FALSE, FALSE, sizeof(guint32));
	g_autofree const gchar **found = NULL;
	CblueBm25Scratch *scratch = cblue_bm25_scratch_get(self->n_docs);
	CblueBm25Acc *acc = scratch->acc;
	GPtrArray *hits = g_ptr_array_new_with_free_func(g_object_unref);
	gdouble word_total = 0, ngram_total = 0;
	const guint32 *ranked;
	gsize n_ranked;
	gboolean did_prune, skipped = FALSE;

	cblue_bm25_analyze(self->tokenizer, self->stopwords, self->synonyms, text, words, surfaces, ngrams, NULL);
	cblue_bm25_dedup(ngrams);
	found = g_new0(const gchar *, words->len + 1);
	for (guint i = 0; i < words->len; i++) {
		const gchar *word = g_ptr_array_index(words, i);
		const gchar *surface = g_ptr_array_index(surfaces, i);
		gint64 term;
		gdouble factor = 1.0, idf;

		if (g_hash_table_lookup_extended(seen, word, NULL, (gpointer *)&found[i]))
			continue;
		term = cblue_bm25_index_lookup(self, word);
		found[i] = term >= 0 ? word : NULL;
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
		g_hash_table_insert(seen, (gpointer)word, (gpointer)found[i]);
		if (term < 0) {
			word_total += self->idf_unknown;
			continue;
		}
		idf = cblue_bm25_idf(self->n_docs, cblue_bm25_index_df(self, term));
		word_total += idf;
		cblue_bm25_query_add(query, term, CBLUE_BM25_KIND_WORD, factor, idf);
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
		cblue_bm25_query_add(query, term, CBLUE_BM25_KIND_NGRAM, 1.0, idf);
	}
	cblue_bm25_index_add_pairs(self, words, found, query);
	did_prune = cblue_bm25_index_run(self, query, max_hits, prune, scratch, candidates, &skipped);
	if (pruned != NULL)
		*pruned = skipped;
	ranked = did_prune ? (const guint32 *)candidates->data : scratch->touched;
	n_ranked = did_prune ? candidates->len : scratch->n_touched;
	/* the best max_hits documents by insertion into a short sorted list (ties: topic order),
	 * so that only the hits returned are ever allocated */
	{
		g_autofree guint *best = g_new(guint, MAX(max_hits, 1));
		guint n_best = 0;
		for (gsize t = 0; t < n_ranked && max_hits > 0; t++) {
			guint d = ranked[t];
			guint pos;
			if (acc[d].score <= 0)
				continue;
			if (n_best == max_hits && !cblue_bm25_ranks_before(acc, d, best[n_best - 1]))
				continue;
			pos = n_best < max_hits ? n_best++ : n_best - 1;
			while (pos > 0 && cblue_bm25_ranks_before(acc, d, best[pos - 1])) {
				best[pos] = best[pos - 1];
				pos--;
			}
			best[pos] = d;
		}
		for (guint i = 0; i < n_best; i++) {
			guint d = best[i];
			gdouble confidence;
			if (word_total > 0 && ngram_total > 0)
				confidence = 0.5 * acc[d].word_cover / word_total + 0.5 * acc[d].ngram_cover / ngram_total;
			else if (word_total > 0)
				confidence = acc[d].word_cover / word_total;
			else
				confidence = ngram_total > 0 ? acc[d].ngram_cover / ngram_total : 0;
			g_ptr_array_add(hits, cblue_hit_new(g_ptr_array_index(self->topic_ids, d), acc[d].score, confidence));
		}
	}
	cblue_bm25_scratch_reset(scratch);
	return hits;
}

/* The index in a compact binary form, so that a process can start without re-analyzing the
 * whole KB (analysis is most of the start-up time); the framing (magic, format number,
 * trailing checksum) is retrieval-common's:
 *
 *   "CBLUEBM\0" u32:format  params  u32:n_docs f64:idf_unknown
 *   u32:n topic_id-strings   u64[2 × n_docs]:text hashes   u32[3 × n_docs]:field lengths
 *   u32:n_terms u64[n_terms]:keys u32[n_terms + 1]:offsets
 *   u32[n_postings]:docs u32[n_postings]:packed frequencies f32[n_postings]:contributions
 *   u32:n { string:word u32:has_stem [string:stem] }   (the pool of Latin words)
 *   u32[n_docs + 1]:offsets u32[]:pool entries per document
 *   u64:checksum(everything before)
 *
 * where a string is u32:length then the bytes (no NUL), in the host's byte order. The
 * surfaces and deletes follow from the pool and the postings. */
#define CBLUE_BM25_INDEX_MAGIC	"CBLUEBM"
#define CBLUE_BM25_INDEX_FORMAT 5

GBytes *
cblue_bm25_index_serialize(CblueBm25Index *self)
{
	GByteArray *out = cblue_retrieval_writer_new(CBLUE_BM25_INDEX_MAGIC, CBLUE_BM25_INDEX_FORMAT, 1 << 20);
	gsize n_postings = self->offsets[self->n_terms];

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
	cblue_retrieval_put(out, self->docs, n_postings * sizeof(guint32));
	cblue_retrieval_put(out, self->tfs, n_postings * sizeof(guint32));
	cblue_retrieval_put(out, self->contribs, n_postings * sizeof(gfloat));
	cblue_retrieval_put_u32(out, self->pool_keys->len);
	for (guint i = 0; i < self->pool_keys->len; i++) {
		const gchar *stem = g_ptr_array_index(self->pool_values, i);
		cblue_retrieval_put_str(out, g_ptr_array_index(self->pool_keys, i));
		cblue_retrieval_put_u32(out, stem != NULL);
		if (stem != NULL)
			cblue_retrieval_put_str(out, stem);
	}
	cblue_retrieval_put(out, self->doc_surface_offsets, ((gsize)self->n_docs + 1) * sizeof(guint32));
	cblue_retrieval_put(out, self->doc_surface_ids, (gsize)self->doc_surface_offsets[self->n_docs] * sizeof(guint32));
	return cblue_retrieval_writer_finish(out);
}

/* whether the arrays read are consistent: keys sorted, offsets ascending, documents known */
static gboolean
cblue_bm25_index_check(CblueBm25Index *self)
{
	if (self->offsets[0] != 0)
		return FALSE;
	for (guint32 t = 0; t < self->n_terms; t++) {
		if (self->offsets[t + 1] < self->offsets[t] || (t > 0 && self->keys[t] <= self->keys[t - 1]))
			return FALSE;
	}
	for (gsize k = 0; k < self->offsets[self->n_terms]; k++) {
		if (self->docs[k] >= self->n_docs)
			return FALSE;
	}
	return TRUE;
}

/* the pool of Latin words and each document's entries; on failure, @r is marked failed
 * and the index keeps an empty pool */
static void
cblue_bm25_index_read_pool(CblueBm25Index *self, CblueRetrievalReader *r)
{
	guint32 n = cblue_retrieval_get_u32(r);
	gsize n_ids;

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
	n_ids = self->doc_surface_offsets[self->n_docs];
	if (self->doc_surface_offsets[0] != 0)
		r->failed = TRUE;
	for (guint d = 0; d < self->n_docs; d++) {
		if (self->doc_surface_offsets[d + 1] < self->doc_surface_offsets[d])
			r->failed = TRUE;
	}
	if (r->failed || !cblue_retrieval_reader_has(r, n_ids * sizeof(guint32)))
		return;
	self->doc_surface_ids = cblue_retrieval_get_dup(r, n_ids * sizeof(guint32));
	for (gsize k = 0; k < n_ids; k++) {
		if (self->doc_surface_ids[k] >= self->pool_keys->len)
			r->failed = TRUE;
	}
}

CblueBm25Index *
cblue_bm25_index_new_from_bytes(GBytes *bytes, CblueTokenizer *tokenizer, GHashTable *stopwords,
				CblueBm25Synonyms *synonyms, GError **error)
{
	g_autoptr(CblueBm25Index) self = NULL;
	CblueRetrievalReader r;
	guint32 n;
	gsize n_postings = 0;

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
	if (self->offsets != NULL)
		n_postings = self->offsets[self->n_terms];
	if (!r.failed && self->offsets != NULL && cblue_retrieval_reader_has(&r, n_postings * 12)) {
		self->docs = cblue_retrieval_get_dup(&r, n_postings * sizeof(guint32));
		self->tfs = cblue_retrieval_get_dup(&r, n_postings * sizeof(guint32));
		self->contribs = cblue_retrieval_get_dup(&r, n_postings * sizeof(gfloat));
	}
	if (self->doc_hashes == NULL || self->doc_lens == NULL || self->contribs == NULL || !cblue_bm25_index_check(self)) {
		/* the arrays must be there for the index to be freed or searched */
		r.failed = TRUE;
	} else {
		cblue_bm25_index_build_dir(self);
		cblue_bm25_index_build_bounds(self);
	}
	if (!r.failed)
		cblue_bm25_index_read_pool(self, &r);
	if (!cblue_retrieval_reader_finish(&r, error))
		return NULL;
	cblue_bm25_index_build_surfaces(self);
	return g_steal_pointer(&self);
}
