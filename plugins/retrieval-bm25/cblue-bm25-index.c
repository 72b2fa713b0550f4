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

typedef struct {
	guint doc;
	gfloat contrib; /* IDF × BM25F saturation, × ngram_weight for n-grams, × pair_weight for pairs */
	gfloat cover; /* 1 if the term is in the questions or keywords, less if only in content */
} CblueBm25Posting;

typedef struct {
	gdouble idf;
	GArray *postings; /* owned, of CblueBm25Posting */
} CblueBm25Term;

struct _CblueBm25Index {
	GHashTable *terms; /* owned: utf8 → CblueBm25Term */
	GHashTable *surfaces; /* owned: utf8 Latin word as written in the KB → utf8 stem (a term key) */
	GHashTable *deletes; /* owned: utf8 (a KB Latin word minus one char) → borrowed key of surfaces */
	GPtrArray *topic_ids; /* owned, of utf8 */
	CblueTokenizer *tokenizer; /* owned */
	GHashTable *stopwords; /* owned ref */
	CblueBm25Synonyms *synonyms; /* owned ref, nullable */
	gdouble idf_unknown;
	guint n_docs;
};

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

/* the weight of a term's score against a word's */
static gdouble
cblue_bm25_term_weight(const CblueBm25Params *params, const gchar *key)
{
	if (key[0] == CBLUE_BM25_NGRAM_PREFIX)
		return params->ngram_weight;
	if (strstr(key, CBLUE_BM25_PAIR_SEPARATOR) != NULL)
		return params->pair_weight;
	return 1.0;
}

static void
cblue_bm25_term_free(gpointer data)
{
	CblueBm25Term *term = data;
	g_array_unref(term->postings);
	g_free(term);
}

/* per document, per field: term → count, and the field's length */
typedef struct {
	GHashTable *tf[CBLUE_BM25_N_FIELDS]; /* owned: utf8 → count */
	guint len[CBLUE_BM25_N_FIELDS];
} CblueBm25Doc;

static void
cblue_bm25_doc_add_text(CblueBm25Doc *doc, CblueBm25Field field, CblueTokenizer *tokenizer, GHashTable *stopwords,
			CblueBm25Synonyms *synonyms, GHashTable *surfaces, const gchar *text)
{
	g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) ngrams = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func(g_free);
	guint len;

	cblue_bm25_analyze(tokenizer, stopwords, synonyms, text, words, written, ngrams, pairs);
	/* the stems are looked up as written too: a misspelt word may be closer to a stem
	 * ("waterprofed" → "waterprof", one edit from "waterproof") */
	for (guint i = 0; i < written->len; i++) {
		const gchar *stem = g_ptr_array_index(words, i);
		gchar *surface = g_ptr_array_index(written, i);
		if (surface == NULL)
			continue;
		if (!g_hash_table_contains(surfaces, surface))
			g_hash_table_insert(surfaces, g_steal_pointer(&written->pdata[i]), g_strdup(stem));
		if (!g_hash_table_contains(surfaces, stem))
			g_hash_table_insert(surfaces, g_strdup(stem), g_strdup(stem));
	}
	g_ptr_array_extend_and_steal(words, g_steal_pointer(&ngrams));
	/* pairs repeat the words: they do not make the field longer */
	len = words->len;
	g_ptr_array_extend_and_steal(words, g_steal_pointer(&pairs));
	for (guint i = 0; i < words->len; i++) {
		const gchar *term = g_ptr_array_index(words, i);
		guint count = GPOINTER_TO_UINT(g_hash_table_lookup(doc->tf[field], term));
		g_hash_table_insert(doc->tf[field], g_strdup(term), GUINT_TO_POINTER(count + 1));
	}
	doc->len[field] += len;
}

static void
cblue_bm25_doc_fill(CblueBm25Doc *doc, CblueKbEntry *entry, CblueTokenizer *tokenizer, GHashTable *stopwords,
		    CblueBm25Synonyms *synonyms, GHashTable *surfaces)
{
	g_autoptr(GPtrArray) langs = cblue_kb_entry_get_languages(entry);
	const gchar *const *keywords = cblue_kb_entry_get_keywords(entry);
	const gchar *const *tags = cblue_kb_entry_get_tags(entry);

	for (guint f = 0; f < CBLUE_BM25_N_FIELDS; f++)
		doc->tf[f] = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; i < langs->len; i++) {
		const gchar *lang = g_ptr_array_index(langs, i);
		const gchar *const *questions = cblue_kb_entry_get_questions(entry, lang);
		const gchar *content = cblue_kb_entry_get_content(entry, lang);
		for (guint j = 0; questions[j] != NULL; j++)
			cblue_bm25_doc_add_text(doc, CBLUE_BM25_FIELD_QUESTIONS, tokenizer, stopwords, synonyms, surfaces,
						questions[j]);
		if (content != NULL)
			cblue_bm25_doc_add_text(doc, CBLUE_BM25_FIELD_CONTENT, tokenizer, stopwords, synonyms, surfaces, content);
	}
	for (guint j = 0; keywords[j] != NULL; j++)
		cblue_bm25_doc_add_text(doc, CBLUE_BM25_FIELD_KEYWORDS, tokenizer, stopwords, synonyms, surfaces,
					keywords[j]);
	for (guint j = 0; tags[j] != NULL; j++)
		cblue_bm25_doc_add_text(doc, CBLUE_BM25_FIELD_KEYWORDS, tokenizer, stopwords, synonyms, surfaces, tags[j]);
}

static void
cblue_bm25_doc_clear(CblueBm25Doc *doc)
{
	for (guint f = 0; f < CBLUE_BM25_N_FIELDS; f++)
		g_clear_pointer(&doc->tf[f], g_hash_table_unref);
}

static guint
cblue_bm25_index_surface_df(CblueBm25Index *self, const gchar *surface)
{
	const gchar *stem = g_hash_table_lookup(self->surfaces, surface);
	CblueBm25Term *term = stem != NULL ? g_hash_table_lookup(self->terms, stem) : NULL;
	return term != NULL ? term->postings->len : 0;
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

CblueBm25Index *
cblue_bm25_index_new(CblueKb *kb, CblueTokenizer *tokenizer, GHashTable *stopwords, CblueBm25Synonyms *synonyms,
		     const CblueBm25Params *params)
{
	GPtrArray *entries = cblue_kb_get_entries(kb);
	guint n = entries->len;
	g_autofree CblueBm25Doc *docs = g_new0(CblueBm25Doc, MAX(n, 1));
	gdouble avglen[CBLUE_BM25_N_FIELDS] = {0};
	const gdouble weights[CBLUE_BM25_N_FIELDS] = {params->weight_questions, params->weight_keywords,
						      params->weight_content};
	g_autoptr(GHashTable) df = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	CblueBm25Index *self = g_atomic_rc_box_new0(CblueBm25Index);
	GHashTableIter iter;
	gpointer key, value;

	self->terms = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, cblue_bm25_term_free);
	self->surfaces = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	self->deletes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	self->topic_ids = g_ptr_array_new_with_free_func(g_free);
	self->tokenizer = g_object_ref(tokenizer);
	self->stopwords = g_hash_table_ref(stopwords);
	self->synonyms = synonyms != NULL ? cblue_bm25_synonyms_ref(synonyms) : NULL;
	self->n_docs = n;
	self->idf_unknown = log(1.0 + (n + 0.5) / 0.5);

	/* pass 1: term frequencies per field, document frequencies */
	for (guint d = 0; d < n; d++) {
		CblueKbEntry *entry = g_ptr_array_index(entries, d);
		g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
		g_ptr_array_add(self->topic_ids, g_strdup(cblue_kb_entry_get_topic_id(entry)));
		cblue_bm25_doc_fill(&docs[d], entry, tokenizer, stopwords, synonyms, self->surfaces);
		for (guint f = 0; f < CBLUE_BM25_N_FIELDS; f++) {
			avglen[f] += docs[d].len[f];
			g_hash_table_iter_init(&iter, docs[d].tf[f]);
			while (g_hash_table_iter_next(&iter, &key, NULL)) {
				/* pair_weight=0: no pairs, nor their memory */
				if (cblue_bm25_term_weight(params, key) <= 0 &&
				    strstr(key, CBLUE_BM25_PAIR_SEPARATOR) != NULL) {
					g_hash_table_iter_remove(&iter);
					continue;
				}
				if (g_hash_table_contains(seen, key))
					continue;
				g_hash_table_add(seen, key);
				g_hash_table_insert(df, g_strdup(key),
						    GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(df, key)) + 1));
			}
		}
	}
	for (guint f = 0; f < CBLUE_BM25_N_FIELDS; f++)
		avglen[f] = n > 0 ? MAX(avglen[f] / n, 1.0) : 1.0;

	g_hash_table_iter_init(&iter, df);
	while (g_hash_table_iter_next(&iter, &key, &value)) {
		CblueBm25Term *term = g_new0(CblueBm25Term, 1);
		guint term_df = GPOINTER_TO_UINT(value);
		term->idf = log(1.0 + (n - term_df + 0.5) / (term_df + 0.5));
		term->postings = g_array_sized_new(FALSE, FALSE, sizeof(CblueBm25Posting), term_df);
		g_hash_table_insert(self->terms, g_strdup(key), term);
	}

	/* pass 2: one posting per (term, document) with the final contribution */
	for (guint d = 0; d < n; d++) {
		g_autoptr(GHashTable) done = g_hash_table_new(g_str_hash, g_str_equal);
		for (guint f = 0; f < CBLUE_BM25_N_FIELDS; f++) {
			g_hash_table_iter_init(&iter, docs[d].tf[f]);
			while (g_hash_table_iter_next(&iter, &key, NULL)) {
				CblueBm25Term *term;
				CblueBm25Posting posting = {d, 0, 0};
				gdouble tfn = 0;
				gboolean in_title = FALSE;

				if (g_hash_table_contains(done, key))
					continue;
				g_hash_table_add(done, key);
				for (guint g = 0; g < CBLUE_BM25_N_FIELDS; g++) {
					guint tf = GPOINTER_TO_UINT(g_hash_table_lookup(docs[d].tf[g], key));
					if (tf == 0)
						continue;
					tfn += weights[g] * tf / (1.0 - params->b + params->b * docs[d].len[g] / avglen[g]);
					if (g != CBLUE_BM25_FIELD_CONTENT)
						in_title = TRUE;
				}
				term = g_hash_table_lookup(self->terms, key);
				posting.contrib = (gfloat)(term->idf * tfn / (params->k1 + tfn) *
							   cblue_bm25_term_weight(params, key));
				posting.cover = in_title ? 1.0f : (gfloat)CBLUE_BM25_CONTENT_COVER;
				g_array_append_val(term->postings, posting);
			}
		}
	}
	g_hash_table_iter_init(&iter, self->surfaces);
	while (g_hash_table_iter_next(&iter, &key, NULL))
		cblue_bm25_index_add_deletes(self, key);
	for (guint d = 0; d < n; d++)
		cblue_bm25_doc_clear(&docs[d]);
	return self;
}

static void
cblue_bm25_index_clear(gpointer data)
{
	CblueBm25Index *self = data;
	g_hash_table_unref(self->deletes);
	g_hash_table_unref(self->surfaces);
	g_hash_table_unref(self->terms);
	g_ptr_array_unref(self->topic_ids);
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
	return g_hash_table_size(index->terms);
}

/* a heap block of @size bytes as glibc's malloc accounts it (8 bytes of header, 16-byte
 * granules, 32 at least) */
static gsize
cblue_bm25_block_size(gsize size)
{
	return MAX((size + 8 + 15) & ~(gsize)15, 32);
}

/* the bytes of a string → string or string → struct hash table: GLib keeps the hashes, keys
 * and values in three arrays of a power-of-two size (at least 8) */
static gsize
cblue_bm25_table_size(GHashTable *table, gboolean values_are_strings)
{
	GHashTableIter iter;
	gpointer key, value;
	gsize size = 1, bytes = cblue_bm25_block_size(64);

	while (size < 8 || size < g_hash_table_size(table) * 2)
		size <<= 1;
	bytes += 3 * cblue_bm25_block_size(size * sizeof(gpointer));
	g_hash_table_iter_init(&iter, table);
	while (g_hash_table_iter_next(&iter, &key, &value)) {
		bytes += cblue_bm25_block_size(strlen(key) + 1);
		if (values_are_strings && value != NULL)
			bytes += cblue_bm25_block_size(strlen(value) + 1);
	}
	return bytes;
}

/* the bytes the index takes on the heap (an estimate from its layout; the tokenizer, stop
 * words and synonyms, shared with the retriever, aside) */
gsize
cblue_bm25_index_get_memory_size(CblueBm25Index *self)
{
	GHashTableIter iter;
	gpointer value;
	gsize bytes = cblue_bm25_table_size(self->terms, FALSE) + cblue_bm25_table_size(self->surfaces, TRUE) +
		      cblue_bm25_table_size(self->deletes, FALSE);

	g_hash_table_iter_init(&iter, self->terms);
	while (g_hash_table_iter_next(&iter, NULL, &value)) {
		CblueBm25Term *term = value;
		bytes += cblue_bm25_block_size(sizeof(CblueBm25Term)) + cblue_bm25_block_size(32) +
			 cblue_bm25_block_size(term->postings->len * sizeof(CblueBm25Posting));
	}
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

static void
cblue_bm25_accumulate(CblueBm25Term *term, gdouble factor, gboolean is_ngram, CblueBm25Scratch *scratch)
{
	for (guint i = 0; i < term->postings->len; i++) {
		CblueBm25Posting *p = &g_array_index(term->postings, CblueBm25Posting, i);
		CblueBm25Acc *acc = cblue_bm25_scratch_acc(scratch, p->doc);
		acc->score += p->contrib * factor;
		if (is_ngram)
			acc->ngram_cover += term->idf * p->cover * factor;
		else
			acc->word_cover += term->idf * p->cover * factor;
	}
}

/* The question's pairs of neighbouring words (as the index's terms, typos corrected) add to
 * the score, not to the confidence: their words already count there. */
static void
cblue_bm25_index_add_pairs(CblueBm25Index *self, GPtrArray *words, const gchar **found, CblueBm25Scratch *scratch)
{
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

	for (guint i = 0; i + 1 < words->len; i++) {
		const gchar *a = found[i], *b = found[i + 1];
		gchar *pair;
		CblueBm25Term *term;
		gdouble factor;

		if (a == NULL || b == NULL)
			continue;
		pair = g_strconcat(a, CBLUE_BM25_PAIR_SEPARATOR, b, NULL);
		if (!g_hash_table_add(seen, pair))
			continue;
		term = g_hash_table_lookup(self->terms, pair);
		if (term == NULL)
			continue;
		/* a corrected word counts less, in a pair too */
		factor = (strcmp(a, g_ptr_array_index(words, i)) == 0 ? 1.0 : CBLUE_BM25_FUZZY_FACTOR) *
			 (strcmp(b, g_ptr_array_index(words, i + 1)) == 0 ? 1.0 : CBLUE_BM25_FUZZY_FACTOR);
		for (guint k = 0; k < term->postings->len; k++) {
			CblueBm25Posting *p = &g_array_index(term->postings, CblueBm25Posting, k);
			cblue_bm25_scratch_acc(scratch, p->doc)->score += p->contrib * factor;
		}
	}
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

GPtrArray *
cblue_bm25_index_search(CblueBm25Index *self, const gchar *text, guint max_hits)
{
	g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) surfaces = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) ngrams = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal); /* word → its term's key or NULL */
	g_autofree const gchar **found = NULL;
	CblueBm25Scratch *scratch = cblue_bm25_scratch_get(self->n_docs);
	CblueBm25Acc *acc = scratch->acc;
	GPtrArray *hits = g_ptr_array_new_with_free_func(g_object_unref);
	gdouble word_total = 0, ngram_total = 0;

	cblue_bm25_analyze(self->tokenizer, self->stopwords, self->synonyms, text, words, surfaces, ngrams, NULL);
	cblue_bm25_dedup(ngrams);
	found = g_new0(const gchar *, words->len + 1);
	for (guint i = 0; i < words->len; i++) {
		const gchar *word = g_ptr_array_index(words, i);
		const gchar *surface = g_ptr_array_index(surfaces, i);
		CblueBm25Term *term = NULL;
		gpointer key = NULL;
		gdouble factor = 1.0;

		if (g_hash_table_lookup_extended(seen, word, NULL, (gpointer *)&found[i]))
			continue;
		if (!g_hash_table_lookup_extended(self->terms, word, &key, (gpointer *)&term) && surface != NULL) {
			const gchar *corrected = cblue_bm25_index_correct(self, surface);
			if (corrected == NULL && g_strcmp0(surface, word) != 0)
				corrected = cblue_bm25_index_correct(self, word);
			if (corrected != NULL) {
				g_hash_table_lookup_extended(self->terms, corrected, &key, (gpointer *)&term);
				factor = CBLUE_BM25_FUZZY_FACTOR;
			}
		}
		found[i] = key;
		g_hash_table_insert(seen, (gpointer)word, key);
		if (term == NULL) {
			word_total += self->idf_unknown;
			continue;
		}
		word_total += term->idf;
		cblue_bm25_accumulate(term, factor, FALSE, scratch);
	}
	for (guint i = 0; i < ngrams->len; i++) {
		CblueBm25Term *term = g_hash_table_lookup(self->terms, g_ptr_array_index(ngrams, i));
		if (term == NULL) {
			ngram_total += self->idf_unknown;
			continue;
		}
		ngram_total += term->idf;
		cblue_bm25_accumulate(term, 1.0, TRUE, scratch);
	}
	cblue_bm25_index_add_pairs(self, words, found, scratch);
	/* the best max_hits documents by insertion into a short sorted list (ties: topic order),
	 * so that only the hits returned are ever allocated */
	{
		g_autofree guint *best = g_new(guint, MAX(max_hits, 1));
		guint n_best = 0;
		for (gsize t = 0; t < scratch->n_touched && max_hits > 0; t++) {
			guint d = scratch->touched[t];
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
	for (gsize t = 0; t < scratch->n_touched; t++)
		memset(&acc[scratch->touched[t]], 0, sizeof(CblueBm25Acc));
	scratch->n_touched = 0;
	return hits;
}

/* The index in a compact binary form, so that a process can start without re-analyzing the
 * whole KB (analysis is most of the start-up time); the framing (magic, format number,
 * trailing checksum) is retrieval-common's:
 *
 *   "CBLUEBM\0" u32:format u32:n_docs f64:idf_unknown
 *   u32:n topic_id-strings
 *   u32:n { string:term f64:idf u32:n_postings { u32:doc f32:contrib f32:cover }* }
 *   u32:n { string:surface string:stem }   u32:n { string:delete string:surface }
 *   u64:checksum(everything before)
 *
 * where a string is u32:length then the bytes (no NUL). */
#define CBLUE_BM25_INDEX_MAGIC	"CBLUEBM"
#define CBLUE_BM25_INDEX_FORMAT 4

static void
cblue_bm25_put_str_table(GByteArray *out, GHashTable *table)
{
	GHashTableIter iter;
	gpointer key, value;
	cblue_retrieval_put_u32(out, g_hash_table_size(table));
	g_hash_table_iter_init(&iter, table);
	while (g_hash_table_iter_next(&iter, &key, &value)) {
		cblue_retrieval_put_str(out, key);
		cblue_retrieval_put_str(out, value);
	}
}

GBytes *
cblue_bm25_index_serialize(CblueBm25Index *self)
{
	GByteArray *out = cblue_retrieval_writer_new(CBLUE_BM25_INDEX_MAGIC, CBLUE_BM25_INDEX_FORMAT, 1 << 20);
	GHashTableIter iter;
	gpointer key, value;

	cblue_retrieval_put_u32(out, self->n_docs);
	cblue_retrieval_put(out, &self->idf_unknown, sizeof(gdouble));
	cblue_retrieval_put_u32(out, self->topic_ids->len);
	for (guint i = 0; i < self->topic_ids->len; i++)
		cblue_retrieval_put_str(out, g_ptr_array_index(self->topic_ids, i));
	cblue_retrieval_put_u32(out, g_hash_table_size(self->terms));
	g_hash_table_iter_init(&iter, self->terms);
	while (g_hash_table_iter_next(&iter, &key, &value)) {
		CblueBm25Term *term = value;
		cblue_retrieval_put_str(out, key);
		cblue_retrieval_put(out, &term->idf, sizeof(gdouble));
		cblue_retrieval_put_u32(out, term->postings->len);
		for (guint i = 0; i < term->postings->len; i++) {
			CblueBm25Posting *p = &g_array_index(term->postings, CblueBm25Posting, i);
			cblue_retrieval_put_u32(out, p->doc);
			cblue_retrieval_put(out, &p->contrib, sizeof(gfloat));
			cblue_retrieval_put(out, &p->cover, sizeof(gfloat));
		}
	}
	cblue_bm25_put_str_table(out, self->surfaces);
	cblue_bm25_put_str_table(out, self->deletes);
	return cblue_retrieval_writer_finish(out);
}

CblueBm25Index *
cblue_bm25_index_new_from_bytes(GBytes *bytes, CblueTokenizer *tokenizer, GHashTable *stopwords,
				CblueBm25Synonyms *synonyms, GError **error)
{
	g_autoptr(CblueBm25Index) self = NULL;
	CblueRetrievalReader r;
	guint32 n;

	if (!cblue_retrieval_reader_init(&r, bytes, CBLUE_BM25_INDEX_MAGIC, CBLUE_BM25_INDEX_FORMAT, error))
		return NULL;
	self = g_atomic_rc_box_new0(CblueBm25Index);
	self->terms = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, cblue_bm25_term_free);
	self->surfaces = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	self->deletes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	self->topic_ids = g_ptr_array_new_with_free_func(g_free);
	self->tokenizer = g_object_ref(tokenizer);
	self->stopwords = g_hash_table_ref(stopwords);
	self->synonyms = synonyms != NULL ? cblue_bm25_synonyms_ref(synonyms) : NULL;
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
	n = cblue_retrieval_get_u32(&r);
	for (guint32 i = 0; i < n && !r.failed; i++) {
		g_autofree gchar *key = cblue_retrieval_get_str(&r);
		CblueBm25Term *term = g_new0(CblueBm25Term, 1);
		guint32 n_postings;
		cblue_retrieval_get(&r, &term->idf, sizeof(gdouble));
		n_postings = cblue_retrieval_get_u32(&r);
		if (!cblue_retrieval_reader_has(&r, (gsize)n_postings * 12))
			n_postings = 0;
		term->postings = g_array_sized_new(FALSE, FALSE, sizeof(CblueBm25Posting), n_postings);
		for (guint32 j = 0; j < n_postings && !r.failed; j++) {
			CblueBm25Posting posting;
			posting.doc = cblue_retrieval_get_u32(&r);
			cblue_retrieval_get(&r, &posting.contrib, sizeof(gfloat));
			cblue_retrieval_get(&r, &posting.cover, sizeof(gfloat));
			if (posting.doc >= self->n_docs)
				r.failed = TRUE;
			g_array_append_val(term->postings, posting);
		}
		if (key == NULL) {
			cblue_bm25_term_free(term);
			continue;
		}
		g_hash_table_insert(self->terms, g_steal_pointer(&key), term);
	}
	n = cblue_retrieval_get_u32(&r);
	for (guint32 i = 0; i < n && !r.failed; i++) {
		gchar *surface = cblue_retrieval_get_str(&r);
		gchar *stem = cblue_retrieval_get_str(&r);
		if (surface != NULL && stem != NULL)
			g_hash_table_insert(self->surfaces, surface, stem);
		else {
			g_free(surface);
			g_free(stem);
		}
	}
	n = cblue_retrieval_get_u32(&r);
	for (guint32 i = 0; i < n && !r.failed; i++) {
		g_autofree gchar *del = cblue_retrieval_get_str(&r);
		g_autofree gchar *surface = cblue_retrieval_get_str(&r);
		gpointer borrowed = NULL;
		/* the values borrow the keys of the surfaces table */
		if (del != NULL && surface != NULL &&
		    g_hash_table_lookup_extended(self->surfaces, surface, &borrowed, NULL))
			g_hash_table_insert(self->deletes, g_steal_pointer(&del), borrowed);
	}
	if (!cblue_retrieval_reader_finish(&r, error))
		return NULL;
	return g_steal_pointer(&self);
}
