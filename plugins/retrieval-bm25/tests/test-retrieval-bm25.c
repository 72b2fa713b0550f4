/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "../cblue-bm25-index.h"
#include "../cblue-bm25-retriever.h"
#include "../cblue-bm25-stem.h"
#include "cblue-retrieval-synonyms.h"
#include "cblue-retrieval-common.h"
#include "cblue-retrieval-test-kb.h"

typedef struct {
	CblueTokenizer *tokenizer;
	GHashTable *stopwords;
	CblueRetrievalSynonyms *synonyms;
	CblueBm25Index *index;
} Fixture;

static CblueKbEntry *
make_entry(const gchar *topic_id, const gchar *en_q, const gchar *th_q, const gchar *zh_q, const gchar *content,
	   const gchar *keyword)
{
	CblueKbEntry *entry = cblue_kb_entry_new(topic_id);
	const gchar *keywords[] = {keyword, NULL};
	cblue_kb_entry_add_question(entry, "en", en_q);
	cblue_kb_entry_add_question(entry, "th", th_q);
	cblue_kb_entry_add_question(entry, "zh", zh_q);
	cblue_kb_entry_set_content(entry, "en", content);
	cblue_kb_entry_set_keywords(entry, keywords);
	return entry;
}

static void
fixture_setup(Fixture *f, gconstpointer data)
{
	g_autoptr(CblueKb) kb = cblue_kb_new();
	g_autoptr(GError) error = NULL;
	CblueBm25Params params;
	CblueKbEntry *e;

	e = make_entry("solar-price", "How much does a solar rooftop system cost?", "ติดโซลาร์เซลล์ราคาเท่าไหร่",
		       "安装太阳能板多少钱", "A 5 kW solar rooftop costs 150,000-200,000 THB.", "solar panel price");
	cblue_kb_add(kb, e);
	g_object_unref(e);
	e = make_entry("cctv", "Can you install security cameras at my shop?", "ติดกล้องวงจรปิดที่ร้านได้ไหม",
		       "可以在店里安装监控摄像头吗", "We install CCTV cameras for homes and shops.", "cctv camera");
	cblue_kb_add(kb, e);
	g_object_unref(e);
	e = make_entry("ev-charger", "Do you install EV chargers at home?", "ติดตั้งที่ชาร์จรถยนต์ไฟฟ้าที่บ้าน",
		       "可以在家安装电动车充电桩吗", "We install 7 kW wallbox EV chargers.", "ev charger wallbox");
	cblue_kb_add(kb, e);
	g_object_unref(e);

	cblue_bm25_params_init_default(&params);
	f->tokenizer = cblue_tokenizer_new();
	f->stopwords = cblue_bm25_load_stopwords();
	f->synonyms = cblue_retrieval_synonyms_load(f->tokenizer, NULL, &error);
	g_assert_no_error(error);
	f->index = cblue_bm25_index_new(kb, f->tokenizer, f->stopwords, f->synonyms, &params);
}

static void
fixture_teardown(Fixture *f, gconstpointer data)
{
	cblue_bm25_index_unref(f->index);
	cblue_retrieval_synonyms_unref(f->synonyms);
	g_hash_table_unref(f->stopwords);
	g_object_unref(f->tokenizer);
}

static void
assert_top(Fixture *f, const gchar *query, const gchar *topic_id, gdouble min_confidence)
{
	g_autoptr(GPtrArray) hits = cblue_bm25_index_search(f->index, query, 3);
	CblueHit *top;
	g_assert_cmpuint(hits->len, >, 0);
	top = g_ptr_array_index(hits, 0);
	if (g_strcmp0(cblue_hit_get_topic_id(top), topic_id) != 0)
		g_test_message("query %s: got %s", query, cblue_hit_get_topic_id(top));
	g_assert_cmpstr(cblue_hit_get_topic_id(top), ==, topic_id);
	g_assert_cmpfloat(cblue_hit_get_confidence(top), >=, min_confidence);
}

static void
test_bm25_languages(Fixture *f, gconstpointer data)
{
	assert_top(f, "what is the price of a solar system", "solar-price", 0.5);
	assert_top(f, "โซลาร์เซลล์ราคาเท่าไร", "solar-price", 0.5);
	assert_top(f, "太阳能多少钱", "solar-price", 0.5);
	assert_top(f, "อยากติดกล้องที่ร้าน", "cctv", 0.3);
	assert_top(f, "店里装监控", "cctv", 0.3);
}

static void
test_bm25_code_mixed(Fixture *f, gconstpointer data)
{
	assert_top(f, "ติด solar ราคาเท่าไหร่", "solar-price", 0.4);
	assert_top(f, "装solar要多少钱", "solar-price", 0.3);
	assert_top(f, "EV charger ติดที่บ้านได้ไหม", "ev-charger", 0.4);
}

static void
test_bm25_typos(Fixture *f, gconstpointer data)
{
	/* "solr" misses a letter, "panle" swaps two, "chargerr" has one too many */
	assert_top(f, "solr panle price", "solar-price", 0.4);
	assert_top(f, "ev chargerr at home", "ev-charger", 0.4);
}

static gdouble
top_confidence(Fixture *f, const gchar *query)
{
	g_autoptr(GPtrArray) hits = cblue_bm25_index_search(f->index, query, 1);
	gdouble confidence = hits->len > 0 ? cblue_hit_get_confidence(g_ptr_array_index(hits, 0)) : 0;
	g_test_message("%s → %.3f", query, confidence);
	return confidence;
}

/* a slip in a stop word leaves a word the KB does not know, which must not count against
 * the question: dropped as the stop word is; not a slip in a short stop word ("goold" is
 * more likely gold than good) */
static void
test_bm25_stopword_typos(Fixture *f, gconstpointer data)
{
	gdouble plain = top_confidence(f, "solar panel price before installing");
	g_assert_cmpfloat(plain, >, 0.5);
	g_assert_cmpfloat(top_confidence(f, "solar panel price befure installing"), ==, plain);
	g_assert_cmpfloat(top_confidence(f, "solar panel price beforre installing"), ==, plain);
	g_assert_cmpfloat(top_confidence(f, "solar panel price bfore installing"), ==, plain);
	g_assert_cmpfloat(top_confidence(f, "solar panel price thiss"), <, top_confidence(f, "solar panel price this"));
	/* nor through the synonyms' terms, whose "good value" holds the stop word "good" */
	g_assert_cmpfloat(top_confidence(f, "solar panel price goold"), <, top_confidence(f, "solar panel price good"));
}

/* Thai slips: a tone mark missing, a letter for one that looks or sounds like it; the
 * misspelt word, cut into pieces by the segmenter, is corrected to the KB's word (counting
 * less than it) or to a stop word (dropped); a word of the dictionary stays as written */
static void
test_bm25_thai_typos(Fixture *f, gconstpointer data)
{
	gdouble plain = top_confidence(f, "ติดโซลาร์เซลล์ราคาเท่าไหร่");
	gdouble unknown = top_confidence(f, "ติดโซลาร์เซลล์ราฆาเท่าไหร่");
	gdouble typo = top_confidence(f, "ติดโซลาร์เซลล์ราขาเท่าไหร่");

	assert_top(f, "ติดโซลาร์เซลล์ราขาเท่าไหร่", "solar-price", 0.5);
	g_assert_cmpfloat(typo, <, plain);
	g_assert_cmpfloat(typo, >, unknown + 0.05);
	assert_top(f, "ที่ชาร์จรถยนต์ใฟฟ้า", "ev-charger", 0.5);
	/* แล้ว without its tone mark, a stop word (its n-grams still count: less than typed
	 * right, more than an unknown word) */
	g_assert_cmpfloat(top_confidence(f, "ติดกล้องวงจรปิดแลว"), >, top_confidence(f, "ติดกล้องวงจรปิดแลฆ") + 0.05);
	/* ขับ (drive) is no คับ (a chat spelling of ครับ, a stop word) */
	g_assert_cmpfloat(top_confidence(f, "ติดกล้องวงจรปิดขับ"), <, top_confidence(f, "ติดกล้องวงจรปิดคับ"));
}

static void
test_bm25_full_width(Fixture *f, gconstpointer data)
{
	assert_top(f, "ＳＯＬＡＲ ＰＡＮＥＬ ＰＲＩＣＥ", "solar-price", 0.5);
}

static void
test_bm25_out_of_scope(Fixture *f, gconstpointer data)
{
	const gchar *queries[] = {"what is the weather in Chiang Mai tomorrow", "ราคาทองคำวันนี้เท่าไหร่",
				  "明天曼谷会下雨吗", "tell me a joke", NULL};
	for (guint i = 0; queries[i] != NULL; i++) {
		g_autoptr(GPtrArray) hits = cblue_bm25_index_search(f->index, queries[i], 3);
		gdouble confidence = hits->len > 0 ? cblue_hit_get_confidence(g_ptr_array_index(hits, 0)) : 0;
		g_test_message("%s → %.2f", queries[i], confidence);
		g_assert_cmpfloat(confidence, <, 0.4);
	}
}

static void
test_bm25_stopwords_only(Fixture *f, gconstpointer data)
{
	g_autoptr(GPtrArray) hits = cblue_bm25_index_search(f->index, "is it the ครับ 吗", 3);
	g_assert_cmpuint(hits->len, ==, 0);
}

static void
test_bm25_stem_english(void)
{
	/* from Porter's paper and the usual test vocabulary */
	const gchar *cases[][2] = {
	    {"caresses", "caress"}, {"ponies", "poni"},	     {"cats", "cat"},		{"agreed", "agre"},
	    {"plastered", "plaster"}, {"motoring", "motor"}, {"sing", "sing"},		{"conflated", "conflat"},
	    {"hopping", "hop"},	    {"falling", "fall"},     {"filing", "file"},	{"happy", "happi"},
	    {"relational", "relat"}, {"digitizer", "digit"}, {"hopefulness", "hope"},	{"electrical", "electr"},
	    {"adjustment", "adjust"}, {"adoption", "adopt"}, {"installation", "instal"}, {"installing", "instal"},
	    {"batteries", "batteri"}, {"battery", "batteri"}, {"putting", "put"},	{"branches", "branch"},
	    {"controll", "control"}, {"kw", "kw"},	     {"5kw", "5kw"},
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *stem = cblue_bm25_stem_english(cases[i][0]);
		g_assert_cmpstr(stem, ==, cases[i][1]);
	}
}

/* forms no suffix rule joins meet their lemma (irregular verbs and plurals, Latin plurals,
 * nationality adjectives and places); forms that are as often another word do not */
static void
test_bm25_stem_english_lemmas(void)
{
	const struct {
		const gchar *a;
		const gchar *b;
		gboolean meet;
	} cases[] = {
	    {"took", "taking", TRUE},		{"taken", "takes", TRUE},
	    {"children", "child", TRUE},	{"nuclei", "nucleus", TRUE},
	    {"criteria", "criterion", TRUE},	{"bacterium", "bacteria", TRUE},
	    {"millennium", "millennia", TRUE},	{"analysis", "analyses", TRUE},
	    {"crises", "crisis", TRUE},		{"indian", "india", TRUE},
	    {"indians", "india", TRUE},		{"french", "france", TRUE},
	    {"afghan", "afghanistan", TRUE},	{"wrote", "written", TRUE},
	    {"writes", "wrote", TRUE},		{"found", "find", FALSE},
	    {"left", "leave", FALSE},		{"polish", "poland", FALSE},
	    {"basis", "bases", FALSE},		{"media", "median", FALSE},
	    {"lives", "life", FALSE},
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *a = cblue_bm25_stem_english(cases[i].a);
		g_autofree gchar *b = cblue_bm25_stem_english(cases[i].b);
		g_test_message("%s → %s, %s → %s", cases[i].a, a, cases[i].b, b);
		g_assert_cmpint(g_strcmp0(a, b) == 0, ==, cases[i].meet);
	}
}

static GPtrArray *
analyze(Fixture *f, const gchar *text, gboolean want_ngrams)
{
	GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) ngrams = g_ptr_array_new_with_free_func(g_free);
	cblue_bm25_analyze(f->tokenizer, f->stopwords, f->synonyms, text, words, NULL, ngrams, NULL);
	if (want_ngrams) {
		g_ptr_array_unref(words);
		return g_steal_pointer(&ngrams);
	}
	return words;
}

static gchar *
join(GPtrArray *terms)
{
	GString *str = g_string_new(NULL);
	for (guint i = 0; i < terms->len; i++)
		g_string_append_printf(str, "%s%s", i > 0 ? "|" : "", (const gchar *)g_ptr_array_index(terms, i));
	return g_string_free(str, FALSE);
}

static void
test_bm25_thai_spelling(Fixture *f, gconstpointer data)
{
	g_autoptr(GPtrArray) words = NULL;
	g_autoptr(GPtrArray) a = NULL;
	g_autoptr(GPtrArray) b = NULL;
	g_autofree gchar *ja = NULL;
	g_autofree gchar *jb = NULL;

	/* NFKC decomposes SARA AM; the dictionary only knows "น้ำมัน" with it composed */
	words = analyze(f, "น้ำมัน", FALSE);
	g_assert_cmpuint(words->len, ==, 1);
	g_assert_cmpstr(g_ptr_array_index(words, 0), ==, "น้ำมัน");
	/* SARA AM typed before the tone mark is the same word */
	g_clear_pointer(&words, g_ptr_array_unref);
	words = analyze(f, "นำ้มัน", FALSE);
	g_assert_cmpstr(g_ptr_array_index(words, 0), ==, "น้ำมัน");
	/* loanword spellings with and without tone mark or silent letter share n-grams */
	a = analyze(f, "โซล่า", TRUE);
	b = analyze(f, "โซลาร์", TRUE);
	ja = join(a);
	jb = join(b);
	g_assert_cmpstr(ja, ==, jb);
	assert_top(f, "ติดโซล่าราคาเท่าไหร่", "solar-price", 0.4);
}

static void
test_bm25_chinese_stopwords(Fixture *f, gconstpointer data)
{
	/* function words that ICU keeps in one token or splits into characters */
	const gchar *queries[] = {"是啥", "神马", "肿么", NULL};
	for (guint i = 0; queries[i] != NULL; i++) {
		g_autoptr(GPtrArray) words = analyze(f, queries[i], FALSE);
		g_autofree gchar *j = join(words);
		g_test_message("%s → %s", queries[i], j);
		g_assert_cmpuint(words->len, ==, 0);
	}
}

static void
test_bm25_typo_limits(void)
{
	g_autoptr(CblueKb) kb = cblue_kb_new();
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(GHashTable) stopwords = cblue_bm25_load_stopwords();
	g_autoptr(CblueBm25Index) index = NULL;
	g_autoptr(CblueKbEntry) e = make_entry("battery", "Can you carry a 300 Ah battery?", "แบตเตอรี่", "电池",
					       "We carry lithium batteries.", "battery");
	CblueBm25Params params;
	const struct {
		const gchar *query;
		gboolean match;
	} cases[] = {
	    {"batery", TRUE},	/* a letter missing */
	    {"batteryy", TRUE}, /* one too many */
	    {"abttery", FALSE}, /* not the first letter */
	    {"lithuim", TRUE},	/* two swapped */
	    {"lithiun", TRUE},	/* one wrong in a long word */
	    {"curry", FALSE},	/* one wrong in a short word is another word */
	    {"carrt", TRUE},	/* unless it is a key next to the right one */
	    {"3000", FALSE},	/* numbers are not typos */
	};

	cblue_kb_add(kb, e);
	cblue_bm25_params_init_default(&params);
	index = cblue_bm25_index_new(kb, tokenizer, stopwords, NULL, &params);
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GPtrArray) hits = cblue_bm25_index_search(index, cases[i].query, 1);
		g_test_message("%s → %u hits", cases[i].query, hits->len);
		g_assert_cmpuint(hits->len, ==, (cases[i].match ? 1u : 0u));
	}
}

static const gchar *
top_topic(CblueBm25Index *index, const gchar *query)
{
	g_autoptr(GPtrArray) hits = cblue_bm25_index_search(index, query, 3);
	g_assert_cmpuint(hits->len, >, 0);
	return g_intern_string(cblue_hit_get_topic_id(g_ptr_array_index(hits, 0)));
}

/* and so a question finds the passage that words the same thing another way (each question
 * shares no other word with the KB, and is too far from any for typo tolerance) */
static void
test_bm25_lemmas_search(void)
{
	g_autoptr(CblueKb) kb = cblue_kb_new();
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(GHashTable) stopwords = cblue_bm25_load_stopwords();
	g_autoptr(CblueBm25Index) index = NULL;
	const gchar *contents[][2] = {
	    {"symbiosis", "Over time the cyanobacterium was absorbed by its host cell."},
	    {"schools", "In India, private schools are called independent schools."},
	    {"letter", "The letter was written in the winter of 1620."},
	};
	CblueBm25Params params;

	for (guint i = 0; i < G_N_ELEMENTS(contents); i++) {
		g_autoptr(CblueKbEntry) e = cblue_kb_entry_new(contents[i][0]);
		cblue_kb_entry_set_content(e, "en", contents[i][1]);
		cblue_kb_add(kb, e);
	}
	cblue_bm25_params_init_default(&params);
	index = cblue_bm25_index_new(kb, tokenizer, stopwords, NULL, &params);
	g_assert_cmpstr(top_topic(index, "cyanobacteria"), ==, "symbiosis");
	g_assert_cmpstr(top_topic(index, "Indians"), ==, "schools");
	g_assert_cmpstr(top_topic(index, "who wrote"), ==, "letter");
}

/* neighbouring words as pairs: a topic that has the question's phrase beats one that has
 * its words apart (and shorter), unless pairs are off; they leave confidences alone */
static void
test_bm25_pairs(void)
{
	g_autoptr(CblueKb) kb = cblue_kb_new();
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(GHashTable) stopwords = cblue_bm25_load_stopwords();
	g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(CblueBm25Index) with_pairs = NULL;
	g_autoptr(CblueBm25Index) without = NULL;
	g_autoptr(GPtrArray) a = NULL;
	g_autoptr(GPtrArray) b = NULL;
	const gchar *query = "Who wrote the universal theory of gravitation?";
	CblueKbEntry *e;
	CblueBm25Params params;

	cblue_bm25_analyze(tokenizer, stopwords, NULL, query, words, NULL, NULL, pairs);
	g_assert_cmpuint(words->len, ==, 4); /* "who" and "the", "of" are stop words */
	g_assert_cmpuint(pairs->len, ==, words->len - 1);
	for (guint i = 0; i < pairs->len; i++) {
		g_autofree gchar *expected =
		    g_strconcat(g_ptr_array_index(words, i), " ", g_ptr_array_index(words, i + 1), NULL);
		g_assert_cmpstr(g_ptr_array_index(pairs, i), ==, expected);
	}

	e = make_entry("scattered", "Physics", "ฟิสิกส์", "物理", "Gravitation is universal and a theory explains it.",
		       NULL);
	cblue_kb_add(kb, e);
	g_object_unref(e);
	e = make_entry("phrase", "Physics", "ฟิสิกส์", "物理", "Newton stated a universal theory of gravitation.", NULL);
	cblue_kb_add(kb, e);
	g_object_unref(e);
	cblue_bm25_params_init_default(&params);
	with_pairs = cblue_bm25_index_new(kb, tokenizer, stopwords, NULL, &params);
	params.pair_weight = 0;
	without = cblue_bm25_index_new(kb, tokenizer, stopwords, NULL, &params);

	g_assert_cmpstr(top_topic(with_pairs, query), ==, "phrase");
	g_assert_cmpstr(top_topic(without, query), ==, "scattered");
	/* pair_weight=0 indexes no pairs at all */
	g_assert_cmpuint(cblue_bm25_index_get_n_terms(without), <, cblue_bm25_index_get_n_terms(with_pairs));
	a = cblue_bm25_index_search(with_pairs, query, 2);
	b = cblue_bm25_index_search(without, query, 2);
	g_assert_cmpuint(a->len, ==, 2);
	g_assert_cmpuint(b->len, ==, 2);
	for (guint i = 0; i < a->len; i++) {
		CblueHit *ha = g_ptr_array_index(a, i);
		for (guint j = 0; j < b->len; j++) {
			CblueHit *hb = g_ptr_array_index(b, j);
			if (g_strcmp0(cblue_hit_get_topic_id(ha), cblue_hit_get_topic_id(hb)) == 0)
				g_assert_cmpfloat_with_epsilon(cblue_hit_get_confidence(ha),
							       cblue_hit_get_confidence(hb), 1e-9);
		}
	}
}

/* the index cache: a round trip gives the same hits; corrupt bytes are refused */
static void
test_bm25_serialize(Fixture *f, gconstpointer data)
{
	g_autoptr(GBytes) bytes = cblue_bm25_index_serialize(f->index);
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueBm25Index) copy =
	    cblue_bm25_index_new_from_bytes(bytes, f->tokenizer, f->stopwords, f->synonyms, &error);
	const gchar *queries[] = {"solr panle price", "ติด solar ราคาเท่าไหร่", "装solar要多少钱", "tell me a joke", NULL};

	g_assert_no_error(error);
	g_assert_cmpuint(cblue_bm25_index_get_n_terms(copy), ==, cblue_bm25_index_get_n_terms(f->index));
	for (guint i = 0; queries[i] != NULL; i++) {
		g_autoptr(GPtrArray) a = cblue_bm25_index_search(f->index, queries[i], 3);
		g_autoptr(GPtrArray) b = cblue_bm25_index_search(copy, queries[i], 3);
		g_assert_cmpuint(a->len, ==, b->len);
		for (guint j = 0; j < a->len; j++) {
			CblueHit *ha = g_ptr_array_index(a, j), *hb = g_ptr_array_index(b, j);
			g_assert_cmpstr(cblue_hit_get_topic_id(ha), ==, cblue_hit_get_topic_id(hb));
			g_assert_cmpfloat_with_epsilon(cblue_hit_get_confidence(ha), cblue_hit_get_confidence(hb), 1e-6);
		}
	}
	/* the copy is the same index, byte for byte */
	{
		g_autoptr(GBytes) again = cblue_bm25_index_serialize(copy);
		g_assert_true(g_bytes_equal(bytes, again));
	}
	/* truncated: the format check or the bounds checks refuse it */
	{
		g_autoptr(GBytes) cut = g_bytes_new_from_bytes(bytes, 0, g_bytes_get_size(bytes) / 2);
		g_autoptr(CblueBm25Index) bad =
		    cblue_bm25_index_new_from_bytes(cut, f->tokenizer, f->stopwords, f->synonyms, &error);
		g_assert_null(bad);
		g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	}
}

/* a cache whose checksum was made again after a byte changed (so only the index's own checks
 * stand between it and a search): every change from the term directory on — keys, offsets
 * and inline postings, which terms are inline, the stream of postings, the pool — is either
 * refused or gives an index that searches safely (ASan builds check the memory) */
static void
test_bm25_forged(Fixture *f, gconstpointer data)
{
	g_autoptr(GBytes) bytes = cblue_bm25_index_serialize(f->index);
	gsize size = g_bytes_get_size(bytes);
	guint n_refused = 0, n_loaded = 0;

	for (gsize pos = size / 4; pos + sizeof(guint64) < size; pos += MAX(size / 600, 7)) {
		g_autofree guint8 *forged = g_memdup2(g_bytes_get_data(bytes, NULL), size);
		g_autoptr(GBytes) bad = NULL;
		g_autoptr(CblueBm25Index) loaded = NULL;
		g_autoptr(GError) error = NULL;
		guint64 checksum;

		forged[pos] ^= 0xa5;
		checksum = cblue_retrieval_checksum(forged, size - sizeof(guint64));
		memcpy(forged + size - sizeof(guint64), &checksum, sizeof(checksum));
		bad = g_bytes_new(forged, size);
		loaded = cblue_bm25_index_new_from_bytes(bad, f->tokenizer, f->stopwords, f->synonyms, &error);
		if (loaded == NULL) {
			g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
			n_refused++;
			continue;
		}
		g_assert_no_error(error);
		n_loaded++;
		g_ptr_array_unref(cblue_bm25_index_search(loaded, "solr panle price ติดโซลาร์ราคา 太阳能板多少钱", 5));
	}
	g_assert_cmpuint(n_refused, >, 0);
	g_assert_cmpuint(n_loaded, >, 0);
}

static void
assert_same_hit_list(GPtrArray *ha, GPtrArray *hb)
{
	g_assert_cmpuint(ha->len, ==, hb->len);
	for (guint i = 0; i < ha->len; i++) {
		CblueHit *x = g_ptr_array_index(ha, i), *y = g_ptr_array_index(hb, i);
		g_assert_cmpstr(cblue_hit_get_topic_id(x), ==, cblue_hit_get_topic_id(y));
		g_assert_cmpfloat(cblue_hit_get_score(x), ==, cblue_hit_get_score(y));
		g_assert_cmpfloat(cblue_hit_get_confidence(x), ==, cblue_hit_get_confidence(y));
	}
}

static void
assert_same_hits(CblueBm25Index *a, CblueBm25Index *b, const gchar *query)
{
	g_autoptr(GPtrArray) ha = cblue_bm25_index_search(a, query, 5);
	g_autoptr(GPtrArray) hb = cblue_bm25_index_search(b, query, 5);
	assert_same_hit_list(ha, hb);
}

static void
assert_same_bytes(CblueBm25Index *a, CblueBm25Index *b)
{
	g_autoptr(GBytes) x = cblue_bm25_index_serialize(a);
	g_autoptr(GBytes) y = cblue_bm25_index_serialize(b);
	g_assert_true(g_bytes_equal(x, y));
}

/* A KB change re-analyzes only the changed and new entries, and the index is byte for byte
 * the one a full build gives: IDFs, average field lengths, contributions and the Latin
 * words kept for typo tolerance follow the whole new KB. */
static void
test_bm25_incremental(Fixture *f, gconstpointer data)
{
	g_autoptr(CblueKb) kb = cblue_kb_new();
	g_autoptr(CblueKb) next = cblue_kb_new();
	g_autoptr(CblueKbEntry) solar =
	    make_entry("solar-price", "How much does a solar rooftop system cost?", "ติดโซลาร์เซลล์ราคาเท่าไหร่",
		       "安装太阳能板多少钱", "A 5 kW solar rooftop costs 150,000-200,000 THB.", "solar panel price");
	g_autoptr(CblueKbEntry) cctv =
	    make_entry("cctv", "Can you install security cameras at my shop?", "ติดกล้องวงจรปิดที่ร้านได้ไหม",
		       "可以在店里安装监控摄像头吗", "We install CCTV cameras for homes and shops.", "cctv camera");
	g_autoptr(CblueKbEntry) ev =
	    make_entry("ev-charger", "Do you install EV chargers at home?", "ติดตั้งที่ชาร์จรถยนต์ไฟฟ้าที่บ้าน",
		       "可以在家安装电动车充电桩吗", "We install 7 kW wallbox EV chargers.", "ev charger wallbox");
	g_autoptr(CblueKbEntry) changed =
	    make_entry("cctv", "Can you install security cameras at my factory?", "ติดกล้องวงจรปิดที่โรงงานได้ไหม",
		       "可以在工厂安装监控摄像头吗", "We install CCTV cameras for factories.", "cctv camera");
	g_autoptr(CblueKbEntry) added = make_entry("battery", "Do you sell home batteries?", "ขายแบตเตอรี่บ้านไหม",
						   "你们卖家用电池吗", "We sell 10 kWh home batteries.", "battery storage");
	g_autoptr(CblueBm25Index) first = NULL;
	g_autoptr(CblueBm25Index) incremental = NULL;
	g_autoptr(CblueBm25Index) full = NULL;
	const gchar *queries[] = {"security camera factory", "home batteries", "solar price", "wallbox chargers",
				  "factroy cameras", "ราคาโซลาร์", "充电桩", "装监控摄像头"};
	CblueBm25Params params;
	guint n_analyzed = 99;

	cblue_bm25_params_init_default(&params);
	cblue_kb_add(kb, solar);
	cblue_kb_add(kb, cctv);
	cblue_kb_add(kb, ev);
	first = cblue_bm25_index_new_incremental(kb, f->tokenizer, f->stopwords, f->synonyms, &params, NULL,
						 &n_analyzed);
	g_assert_cmpuint(n_analyzed, ==, 3);
	{
		g_autoptr(GPtrArray) hits = cblue_bm25_index_search(first, "wallbx", 3);
		g_assert_cmpuint(hits->len, ==, 1);
		g_assert_cmpstr(cblue_hit_get_topic_id(g_ptr_array_index(hits, 0)), ==, "ev-charger");
	}
	assert_same_bytes(first, f->index);
	/* the same KB: nothing to analyze */
	{
		g_autoptr(CblueBm25Index) same = cblue_bm25_index_new_incremental(kb, f->tokenizer, f->stopwords,
										   f->synonyms, &params, first, &n_analyzed);
		g_assert_cmpuint(n_analyzed, ==, 0);
		/* the previous index itself, not a copy */
		g_assert_true(same == first);
		assert_same_bytes(first, same);
	}
	/* solar-price kept, cctv changed, ev-charger removed, battery added */
	cblue_kb_add(next, solar);
	cblue_kb_add(next, changed);
	cblue_kb_add(next, added);
	incremental = cblue_bm25_index_new_incremental(next, f->tokenizer, f->stopwords, f->synonyms, &params, first,
						       &n_analyzed);
	g_assert_cmpuint(n_analyzed, ==, 2);
	full = cblue_bm25_index_new(next, f->tokenizer, f->stopwords, f->synonyms, &params);
	assert_same_bytes(incremental, full);
	for (guint i = 0; i < G_N_ELEMENTS(queries); i++)
		assert_same_hits(incremental, full, queries[i]);
	/* the removed entry's words are gone from the typo tolerance too */
	{
		g_autoptr(GPtrArray) hits = cblue_bm25_index_search(incremental, "wallbx", 3);
		g_assert_cmpuint(hits->len, ==, 0);
	}
	/* the same topics in another order, from an index read from the cache: reused, and
	 * still the full build's index */
	{
		g_autoptr(CblueKb) reversed = cblue_kb_new();
		g_autoptr(GBytes) bytes = cblue_bm25_index_serialize(incremental);
		g_autoptr(CblueBm25Index) cached =
		    cblue_bm25_index_new_from_bytes(bytes, f->tokenizer, f->stopwords, f->synonyms, NULL);
		g_autoptr(CblueBm25Index) moved = NULL;
		g_autoptr(CblueBm25Index) moved_full = NULL;
		cblue_kb_add(reversed, added);
		cblue_kb_add(reversed, changed);
		cblue_kb_add(reversed, solar);
		g_assert_nonnull(cached);
		moved = cblue_bm25_index_new_incremental(reversed, f->tokenizer, f->stopwords, f->synonyms, &params,
							 cached, &n_analyzed);
		g_assert_cmpuint(n_analyzed, ==, 0);
		moved_full = cblue_bm25_index_new(reversed, f->tokenizer, f->stopwords, f->synonyms, &params);
		assert_same_bytes(moved, moved_full);
		for (guint i = 0; i < G_N_ELEMENTS(queries); i++)
			assert_same_hits(moved, moved_full, queries[i]);
	}
	/* other parameters: nothing reused */
	{
		g_autoptr(CblueBm25Index) other = NULL;
		params.k1 = 1.2;
		other = cblue_bm25_index_new_incremental(next, f->tokenizer, f->stopwords, f->synonyms, &params,
							 incremental, &n_analyzed);
		g_assert_cmpuint(n_analyzed, ==, 3);
	}
}

/* A build analyzes the entries on several threads (sharing the tokenizer, whose segmenters
 * come from a pool, the stop words and the synonyms) and takes their results in the KB's
 * order: the index is byte for byte the one a single thread builds, full or incremental,
 * on any number of threads (more than the CPUs too: the chunks then finish in any order). */
static void
test_bm25_threads(Fixture *f, gconstpointer data)
{
	g_autoptr(CblueKb) kb = cblue_test_make_mixed_kb(1, FALSE);
	g_autoptr(CblueKb) next = cblue_test_make_mixed_kb(1, TRUE);
	g_autoptr(CblueBm25Index) one = NULL;
	g_autoptr(CblueBm25Index) next_one = NULL;
	const guint threads[] = {3, 8};
	const gchar *queries[] = {"solar panel price", "ติดกล้องวงจรปิด", "安装太阳能板多少钱", "warranty"};
	CblueBm25Params params;
	guint n_analyzed = 0;

	cblue_bm25_params_init_default(&params);
	one = cblue_bm25_index_build(kb, f->tokenizer, f->stopwords, f->synonyms, &params, NULL, 1, &n_analyzed);
	g_assert_cmpuint(n_analyzed, ==, cblue_kb_get_size(kb));
	next_one = cblue_bm25_index_build(next, f->tokenizer, f->stopwords, f->synonyms, &params, NULL, 1, NULL);
	for (guint i = 0; i < G_N_ELEMENTS(threads); i++) {
		g_autoptr(CblueBm25Index) many = cblue_bm25_index_build(kb, f->tokenizer, f->stopwords, f->synonyms,
									 &params, NULL, threads[i], NULL);
		g_autoptr(CblueBm25Index) incremental = NULL;
		g_test_message("%u threads", threads[i]);
		assert_same_bytes(one, many);
		for (guint q = 0; q < G_N_ELEMENTS(queries); q++)
			assert_same_hits(one, many, queries[q]);
		/* a publish that changes every seventh entry */
		incremental = cblue_bm25_index_build(next, f->tokenizer, f->stopwords, f->synonyms, &params, many,
						     threads[i], &n_analyzed);
		g_assert_cmpuint(n_analyzed, ==, (cblue_kb_get_size(next) + 3) / 7);
		assert_same_bytes(next_one, incremental);
	}
	/* the retriever's setting (its own stop words and bundled synonyms: the same) */
	{
		g_autoptr(CblueRetrieverBm25) retriever = cblue_retriever_bm25_new(f->tokenizer, NULL, "test");
		g_autoptr(CblueBm25Index) index = NULL;
		g_autoptr(GError) error = NULL;
		g_assert_true(cblue_retrieval_holder_set_synonyms_dir(cblue_retriever_bm25_get_holder(retriever), NULL, FALSE, &error));
		cblue_retrieval_holder_set_build_threads(cblue_retriever_bm25_get_holder(retriever), 4);
		g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), kb, &error));
		index = cblue_retriever_bm25_get_index(retriever);
		assert_same_bytes(one, index);
	}
}

/* The search's pruning skips most of the long posting lists of common words, and gives
 * the hits, scores and confidences of reading every posting, to the last bit. */
static void
test_bm25_pruning(Fixture *f, gconstpointer data)
{
	g_autoptr(CblueKb) kb = cblue_kb_new();
	g_autoptr(CblueBm25Index) index = NULL;
	static const gchar *const parts[] = {"pump", "valve", "filter", "heater", "boiler", "meter"};
	const gchar *queries[] = {"install pump alpha17 beta3", "repair valve alpha5", "install pump",
				  "pump valve filter heater", "alpha17 beta3 gamma11", "instal pmup alpha9",
				  "service boiler meter alpha250 beta7"};
	CblueBm25Params params;
	guint n_pruned = 0;

	cblue_bm25_params_init_default(&params);
	/* 1,200 topics: the common words in hundreds of them, alphaN in 4, betaN in 12, gammaN in 40 */
	for (guint i = 0; i < 1200; i++) {
		g_autofree gchar *id = g_strdup_printf("t%u", i);
		g_autofree gchar *question = g_strdup_printf("How do I install the %s alpha%u?", parts[i % 6], i % 300);
		g_autofree gchar *content =
		    g_strdup_printf("We install, service and repair every %s and %s: model beta%u, series gamma%u.",
				    parts[i % 6], parts[(i / 6) % 6], i % 100, i % 30);
		g_autoptr(CblueKbEntry) entry = cblue_kb_entry_new(id);
		cblue_kb_entry_add_question(entry, "en", question);
		cblue_kb_entry_set_content(entry, "en", content);
		cblue_kb_add(kb, entry);
	}
	index = cblue_bm25_index_new(kb, f->tokenizer, f->stopwords, f->synonyms, &params);
	for (guint i = 0; i < G_N_ELEMENTS(queries); i++) {
		for (guint max_hits = 1; max_hits <= 10; max_hits += 3) {
			gboolean pruned = FALSE;
			g_autoptr(GPtrArray) a = cblue_bm25_index_search_full(index, queries[i], max_hits, TRUE, &pruned);
			g_autoptr(GPtrArray) b = cblue_bm25_index_search_full(index, queries[i], max_hits, FALSE, NULL);
			n_pruned += pruned;
			g_assert_cmpuint(a->len, ==, b->len);
			g_assert_cmpuint(a->len, >, 0);
			for (guint j = 0; j < a->len; j++) {
				CblueHit *x = g_ptr_array_index(a, j), *y = g_ptr_array_index(b, j);
				g_assert_cmpstr(cblue_hit_get_topic_id(x), ==, cblue_hit_get_topic_id(y));
				g_assert_cmpfloat(cblue_hit_get_score(x), ==, cblue_hit_get_score(y));
				g_assert_cmpfloat(cblue_hit_get_confidence(x), ==, cblue_hit_get_confidence(y));
			}
		}
	}
	g_test_message("%u of %u searches pruned", n_pruned, (guint)G_N_ELEMENTS(queries) * 4);
	/* most of the questions have a rare word that decides */
	g_assert_cmpuint(n_pruned, >=, 12);
}

/* the hit of @topic_id among @all (every hit of an exact search), or NULL */
static CblueHit *
find_hit(GPtrArray *all, const gchar *topic_id)
{
	for (guint h = 0; h < all->len; h++) {
		if (g_strcmp0(cblue_hit_get_topic_id(g_ptr_array_index(all, h)), topic_id) == 0)
			return g_ptr_array_index(all, h);
	}
	return NULL;
}

/* The approximate search (common terms only score the topics that the rarer ones found):
 * each hit has its exact score and confidence, in rank order; every topic of a rare word
 * that the exact search puts in the top hits is found; a question of common words only
 * still gets its hits; no common term (0, or a bound above every list) is the exact search;
 * the retriever searches so once its holder is told to. */
static void
test_bm25_approximate(Fixture *f, gconstpointer data)
{
	g_autoptr(CblueKb) kb = cblue_kb_new();
	g_autoptr(CblueBm25Index) index = NULL;
	static const gchar *const parts[] = {"pump", "valve", "filter", "heater", "boiler", "meter"};
	const gchar *queries[] = {"install pump alpha17 beta3", "repair valve alpha5", "install pump",
				  "pump valve filter heater", "alpha17 beta3 gamma11", "instal pmup alpha9",
				  "service boiler meter alpha250 beta7", "repair every heater gamma7"};
	CblueBm25Params params;
	guint n_rare = 0;

	cblue_bm25_params_init_default(&params);
	/* as in /cblue/bm25/pruning: the common words in hundreds of topics, alphaN in 4, betaN in
	 * 12, gammaN in 40 */
	for (guint i = 0; i < 1200; i++) {
		g_autofree gchar *id = g_strdup_printf("t%u", i);
		g_autofree gchar *question = g_strdup_printf("How do I install the %s alpha%u?", parts[i % 6], i % 300);
		g_autofree gchar *content =
		    g_strdup_printf("We install, service and repair every %s and %s: model beta%u, series gamma%u.",
				    parts[i % 6], parts[(i / 6) % 6], i % 100, i % 30);
		g_autoptr(CblueKbEntry) entry = cblue_kb_entry_new(id);
		cblue_kb_entry_add_question(entry, "en", question);
		cblue_kb_entry_set_content(entry, "en", content);
		cblue_kb_add(kb, entry);
	}
	index = cblue_bm25_index_new(kb, f->tokenizer, f->stopwords, f->synonyms, &params);
	for (guint i = 0; i < G_N_ELEMENTS(queries); i++) {
		g_autoptr(GPtrArray) all = cblue_bm25_index_search_full(index, queries[i], 1200, FALSE, NULL);
		g_auto(GStrv) words = g_strsplit(queries[i], " ", -1);
		for (guint max_hits = 1; max_hits <= 10; max_hits += 3) {
			g_autoptr(GPtrArray) exact = cblue_bm25_index_search_full(index, queries[i], max_hits, FALSE, NULL);
			g_autoptr(GPtrArray) approx = cblue_bm25_index_search_approx(index, queries[i], max_hits, 100);
			g_autoptr(GPtrArray) off = cblue_bm25_index_search_approx(index, queries[i], max_hits, 0);
			g_autoptr(GPtrArray) above = cblue_bm25_index_search_approx(index, queries[i], max_hits, 1201);

			assert_same_hit_list(off, exact);
			assert_same_hit_list(above, exact);
			g_assert_cmpuint(approx->len, ==, exact->len);
			for (guint h = 0; h < approx->len; h++) {
				CblueHit *x = g_ptr_array_index(approx, h), *y = find_hit(all, cblue_hit_get_topic_id(x));
				g_assert_nonnull(y);
				g_assert_cmpfloat(cblue_hit_get_score(x), ==, cblue_hit_get_score(y));
				g_assert_cmpfloat(cblue_hit_get_confidence(x), ==, cblue_hit_get_confidence(y));
				if (h > 0)
					g_assert_cmpfloat(cblue_hit_get_score(g_ptr_array_index(approx, h - 1)), >=,
							  cblue_hit_get_score(x));
			}
			/* an exact hit with a rare word (alphaN: 4 topics) is found */
			for (guint h = 0; h < exact->len; h++) {
				const gchar *topic = cblue_hit_get_topic_id(g_ptr_array_index(exact, h));
				guint n = (guint)g_ascii_strtoull(topic + 1, NULL, 10);
				g_autofree gchar *alpha = g_strdup_printf("alpha%u", n % 300);
				if (g_strv_contains((const gchar *const *)words, alpha)) {
					g_assert_nonnull(find_hit(approx, topic));
					n_rare++;
				}
			}
		}
	}
	g_assert_cmpuint(n_rare, >=, 10);
	{
		g_autoptr(CblueRetrieverBm25) retriever = cblue_retriever_bm25_new(f->tokenizer, NULL, "test");
		g_autoptr(GError) error = NULL;
		CblueRetrievalHolder *holder = cblue_retriever_bm25_get_holder(retriever);
		g_assert_true(cblue_retrieval_holder_set_synonyms_dir(holder, NULL, FALSE, &error));
		g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), kb, &error));
		/* on by default, but a KB of fewer than 2,000 topics has no common term */
		g_assert_cmpuint(cblue_retrieval_holder_get_common_df(holder, 1200), ==, 2000);
		g_assert_cmpuint(cblue_retrieval_holder_get_common_df(holder, 200000), ==, 4000);
		cblue_retrieval_holder_set_common_terms(holder, FALSE, 50, 0.05);
		g_assert_cmpuint(cblue_retrieval_holder_get_common_df(holder, 1200), ==, 0);
		cblue_retrieval_holder_set_common_terms(holder, TRUE, 50, 0.05);
		g_assert_cmpuint(cblue_retrieval_holder_get_common_df(holder, 1200), ==, 60);
		cblue_retrieval_holder_set_common_terms(holder, TRUE, 100, 0.05);
		g_assert_cmpuint(cblue_retrieval_holder_get_common_df(holder, 1200), ==, 100);
		for (guint i = 0; i < G_N_ELEMENTS(queries); i++) {
			g_autoptr(CblueMessage) message = cblue_message_new(queries[i]);
			g_autoptr(GPtrArray) hits = cblue_retriever_search(CBLUE_RETRIEVER(retriever), message, 5, &error);
			g_autoptr(GPtrArray) approx = cblue_bm25_index_search_approx(index, queries[i], 5, 100);
			assert_same_hit_list(hits, approx);
		}
	}
}

/* warnings are captured rather than fatal in the tests that provoke them */
static GPtrArray *captured_warnings;
static GMutex captured_mutex;

static GLogWriterOutput
capture_writer(GLogLevelFlags log_level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
	if (log_level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL)) {
		for (gsize i = 0; i < n_fields; i++) {
			if (g_strcmp0(fields[i].key, "MESSAGE") == 0) {
				g_mutex_lock(&captured_mutex);
				g_ptr_array_add(captured_warnings, g_strdup(fields[i].value));
				g_mutex_unlock(&captured_mutex);
			}
		}
	}
	return g_log_writer_standard_streams(log_level, fields, n_fields, user_data);
}

static guint
count_warnings(const gchar *pattern)
{
	guint count = 0;
	g_mutex_lock(&captured_mutex);
	for (guint i = 0; i < captured_warnings->len; i++) {
		if (g_pattern_match_simple(pattern, g_ptr_array_index(captured_warnings, i)))
			count++;
	}
	g_mutex_unlock(&captured_mutex);
	return count;
}

static CblueRetrievalSynonyms *
synonyms_from_text(CblueTokenizer *tokenizer, const gchar *text, GError **error)
{
	g_autoptr(CblueRetrievalSynonyms) synonyms = cblue_retrieval_synonyms_new(tokenizer);
	if (!cblue_retrieval_synonyms_add_data(synonyms, text, strlen(text), "test.txt", error))
		return NULL;
	cblue_retrieval_synonyms_seal(synonyms);
	return g_steal_pointer(&synonyms);
}

static void
assert_rewrite(CblueRetrievalSynonyms *synonyms, CblueTokenizer *tokenizer, const gchar *text, const gchar *expected)
{
	g_autofree gchar *normalized = cblue_tokenizer_normalize(tokenizer, text);
	g_autofree gchar *rewritten = cblue_retrieval_synonyms_apply(synonyms, normalized);
	g_test_message("%s → %s", text, rewritten != NULL ? rewritten : "(unchanged)");
	g_assert_cmpstr(rewritten != NULL ? rewritten : normalized, ==, expected);
}

/* a slip in a word that the synonyms rewrite is corrected to that word, which the KB's own
 * words no longer hold: "camera" is indexed as "cctv" */
static void
test_bm25_synonym_typos(Fixture *f, gconstpointer data)
{
	assert_top(f, "security camrras for my shop", "cctv", 0.4);
	assert_top(f, "instal a security camra", "cctv", 0.4);
}

static void
test_bm25_synonym_typo_limits(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueRetrievalSynonyms) synonyms =
	    synonyms_from_text(tokenizer, "power outage, blackout, black-out\nmove, carry\n", &error);
	const struct {
		const gchar *word;
		const gchar *corrected;
	} cases[] = {
	    {"blackot", "blackout"},   /* a letter missing */
	    {"blackkout", "blackout"}, /* one too many */
	    {"balckout", "blackout"},  /* two swapped */
	    {"blackaut", "blackout"},  /* one wrong in a long word */
	    {"outtage", "outage"},
	    {"blackouts", NULL},       /* a plural is the synonyms' own business */
	    {"blackots", "blackouts"}, /* a slip in a plural */
	    {"curry", NULL},	       /* one wrong in a short word is another word */
	    {"movr", NULL},	       /* even a key next to the right one, in the terms' everyday words */
	    {"xlackout", NULL},	       /* not the first letter */
	    {"blackout", NULL},	       /* not a slip */
	    {"black", NULL},
	    {"3000", NULL},
	};

	g_assert_no_error(error);
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *corrected = cblue_retrieval_synonyms_correct(synonyms, cases[i].word);
		g_test_message("%s → %s", cases[i].word, corrected != NULL ? corrected : "(none)");
		g_assert_cmpstr(corrected, ==, cases[i].corrected);
	}
}

static void
test_bm25_synonyms_apply(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueRetrievalSynonyms) synonyms =
	    synonyms_from_text(tokenizer,
			       "# a comment\n"
			       "solar, pv, photovoltaic\n"
			       "solar panel, pv module, pv panel\n"
			       "wifi, wi-fi\n"
			       "ev, electric vehicle\n"
			       "\n"
			       "  อินเวอร์เตอร์ ,อินเวอเตอร์\n"
			       "太阳能板、光伏板，太陽能電池板\n",
			       &error);

	g_assert_no_error(error);
	g_assert_cmpuint(cblue_retrieval_synonyms_get_size(synonyms), ==, 15);
	/* whole words only, any case, plurals, the longest variant first */
	assert_rewrite(synonyms, tokenizer, "PV price", "solar price");
	assert_rewrite(synonyms, tokenizer, "pvc pipe", "pvc pipe");
	assert_rewrite(synonyms, tokenizer, "two PV modules, one pv panel", "two solar panel, one solar panel");
	assert_rewrite(synonyms, tokenizer, "every evening", "every evening");
	assert_rewrite(synonyms, tokenizer, "electric vehicles", "ev");
	assert_rewrite(synonyms, tokenizer, "Electric  -  Vehicle charger", "ev charger");
	assert_rewrite(synonyms, tokenizer, "Wi-Fi and WI FI", "wifi and wifi");
	assert_rewrite(synonyms, tokenizer, "5pv", "5solar");
	assert_rewrite(synonyms, tokenizer, "ev2", "ev2");
	/* Thai and Chinese anywhere, Traditional folded, code-mixed */
	assert_rewrite(synonyms, tokenizer, "อินเวอเตอร์เสีย", "อินเวอร์เตอร์เสีย");
	assert_rewrite(synonyms, tokenizer, "ติดpvราคา", "ติดsolarราคา");
	assert_rewrite(synonyms, tokenizer, "光伏板多少钱", "太阳能板多少钱");
	assert_rewrite(synonyms, tokenizer, "太陽能電池板價格", "太阳能板价格");
	/* the canonical form stays as it is */
	assert_rewrite(synonyms, tokenizer, "solar panel", "solar panel");
}

static void
test_bm25_synonyms_errors(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	const struct {
		const gchar *text;
		const gchar *message;
	} cases[] = {
	    {"solar, pv\nsolar\n", "test.txt:2: a synonym group needs two different terms*"},
	    {"solar, solar\n", "test.txt:1: a synonym group needs two different terms*"},
	    {"# ok\nsolar, pv\nphotovoltaic, pv\n", "test.txt:3: “pv” is already in the group of line 2"},
	    {"solar,, pv\n", "test.txt:1: term 2 is empty*"},
	    {"solar, ---\n", "test.txt:1: term 2 is empty*"},
	    {"solar, pv\n!wind\n", "test.txt:2: “wind” is in no synonym group"},
	    {"solar, pv\n\xff\xfe, x\n", "test.txt:2: invalid UTF-8"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(CblueRetrievalSynonyms) synonyms = synonyms_from_text(tokenizer, cases[i].text, &error);
		g_assert_null(synonyms);
		g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
		g_test_message("%s", error->message);
		g_assert_true(g_pattern_match_simple(cases[i].message, error->message));
	}
}

/* synonyms from several files, each {name, contents}, in order */
static CblueRetrievalSynonyms *
synonyms_from_files(CblueTokenizer *tokenizer, const gchar *const files[][2], guint n_files, GError **error)
{
	g_autoptr(CblueRetrievalSynonyms) synonyms = cblue_retrieval_synonyms_new(tokenizer);
	for (guint i = 0; i < n_files; i++) {
		if (!cblue_retrieval_synonyms_add_data(synonyms, files[i][1], strlen(files[i][1]), files[i][0], error))
			return NULL;
	}
	cblue_retrieval_synonyms_seal(synonyms);
	return g_steal_pointer(&synonyms);
}

/* English words in a Thai or Chinese group apply only to a text of that language: the
 * same Latin term in en.txt and th.txt is no conflict, English text keeps en.txt's reading,
 * and an en.txt canonical form is read on in Thai and Chinese text (issue #3) */
static void
test_bm25_synonyms_code_mixed_rules(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(GError) error = NULL;
	const gchar *const en[2] = {"en.txt", "solar, pv, photovoltaic\nsolar panel, pv panel\nwifi, wi-fi\n"};
	const gchar *const th[2] = {"th.txt", "โซลาร์เซลล์, โซล่าเซลล์, solar cell, solar\n"
					      "แผงโซลาร์เซลล์, solar panel\nไวไฟ, wifi\n"};
	const gchar *const zh[2] = {"zh.txt", "太阳能, 光伏, solar\n"};
	const gchar *const bundled[][2] = {{en[0], en[1]}, {th[0], th[1]}, {zh[0], zh[1]}};
	const gchar *const later[][2] = {{en[0], en[1]}, {th[0], th[1]}, {zh[0], zh[1]}, {"shop.txt", "โซล่า, solar\n"}};
	const gchar *const dropped[][2] = {{en[0], en[1]}, {th[0], th[1]}, {zh[0], zh[1]}, {"shop.txt", "!solar\n"}};
	const gchar *const twice[][2] = {{"th.txt", "โซลาร์, solar\nโซลาร์เซลล์, solar cell, solar\n"}};
	g_autoptr(CblueRetrievalSynonyms) synonyms = synonyms_from_files(tokenizer, bundled, G_N_ELEMENTS(bundled), &error);
	g_autoptr(CblueRetrievalSynonyms) en_only = synonyms_from_files(tokenizer, bundled, 1, &error);
	g_autoptr(CblueRetrievalSynonyms) overridden = NULL;
	g_autoptr(CblueRetrievalSynonyms) none = NULL;

	g_assert_no_error(error);
	/* 7 English terms, 4 Thai ones and 4 English ones of Thai text, 2 + 1 Chinese */
	g_assert_cmpuint(cblue_retrieval_synonyms_get_size(synonyms), ==, 18);
	g_assert_cmpstr(cblue_retrieval_synonyms_get_digest(synonyms), !=, cblue_retrieval_synonyms_get_digest(en_only));
	/* English text: en.txt alone decides */
	assert_rewrite(synonyms, tokenizer, "PV price", "solar price");
	assert_rewrite(synonyms, tokenizer, "solar cell and pv panels", "solar cell and solar panel");
	assert_rewrite(synonyms, tokenizer, "Wi-Fi", "wifi");
	/* Thai text: th.txt's English words, whole words only, the longest first */
	assert_rewrite(synonyms, tokenizer, "ติด solar ราคาเท่าไหร่", "ติด โซลาร์เซลล์ ราคาเท่าไหร่");
	assert_rewrite(synonyms, tokenizer, "ติดsolarราคา", "ติดโซลาร์เซลล์ราคา");
	assert_rewrite(synonyms, tokenizer, "Solar Cell ติดหลังคาได้ไหม", "โซลาร์เซลล์ ติดหลังคาได้ไหม");
	assert_rewrite(synonyms, tokenizer, "solar panels ติดหลังคา", "แผงโซลาร์เซลล์ ติดหลังคา");
	assert_rewrite(synonyms, tokenizer, "solarium ที่บ้าน", "solarium ที่บ้าน");
	/* a text of mostly English words stays English, a Thai word or two in it or not */
	assert_rewrite(synonyms, tokenizer, "is a solar cell the same as a solar panel, โซลาร์?",
		       "is a solar cell the same as a solar panel, โซลาร์?");
	/* en.txt's canonical form read on */
	assert_rewrite(synonyms, tokenizer, "ติด PV ราคา", "ติด โซลาร์เซลล์ ราคา");
	assert_rewrite(synonyms, tokenizer, "pv panel ราคา", "แผงโซลาร์เซลล์ ราคา");
	assert_rewrite(synonyms, tokenizer, "WI-FI ไม่แรง", "ไวไฟ ไม่แรง");
	/* Chinese text: zh.txt's, not th.txt's */
	assert_rewrite(synonyms, tokenizer, "装solar多少钱", "装太阳能多少钱");
	assert_rewrite(synonyms, tokenizer, "装pv多少钱", "装太阳能多少钱");
	assert_rewrite(synonyms, tokenizer, "wi-fi连不上", "wifi连不上");

	/* a later file's group replaces the Thai group holding the term, not the English one */
	overridden = synonyms_from_files(tokenizer, later, G_N_ELEMENTS(later), &error);
	g_assert_no_error(error);
	assert_rewrite(overridden, tokenizer, "ติด solar", "ติด โซล่า");
	assert_rewrite(overridden, tokenizer, "ติดโซล่าเซลล์", "ติดโซล่าเซลล์");
	assert_rewrite(overridden, tokenizer, "pv", "solar");
	assert_rewrite(overridden, tokenizer, "装solar", "装太阳能");
	/* "!term" drops its groups in every language */
	none = synonyms_from_files(tokenizer, dropped, G_N_ELEMENTS(dropped), &error);
	g_assert_no_error(error);
	assert_rewrite(none, tokenizer, "pv", "pv");
	assert_rewrite(none, tokenizer, "ติด solar", "ติด solar");
	assert_rewrite(none, tokenizer, "装光伏", "装光伏");
	assert_rewrite(none, tokenizer, "wi-fi ไม่แรง", "ไวไฟ ไม่แรง");
	/* within one file, a term is in one group of its language only */
	g_assert_null(synonyms_from_files(tokenizer, twice, G_N_ELEMENTS(twice), &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_assert_cmpstr(error->message, ==, "th.txt:2: “solar” is already in the group of line 1");
}

/* The bundled files: a code-mixed question reaches the entry of the same question written
 * fully in Thai or Chinese, with its confidence; English is read as before */
static void
test_bm25_synonyms_code_mixed(Fixture *f, gconstpointer data)
{
	/* {code-mixed question, the same in the language, the entry} */
	const gchar *cases[][3] = {
	    {"ติด solar ราคาเท่าไหร่", "ติดโซลาร์เซลล์ราคาเท่าไหร่", "solar-price"},
	    {"ราคา solar cell เท่าไหร่", "ราคาโซลาร์เซลล์เท่าไหร่", "solar-price"},
	    {"EV charger ที่บ้านติดยังไง", "ที่ชาร์จรถยนต์ไฟฟ้าที่บ้านติดยังไง", "ev-charger"},
	    {"ติด CCTV ที่ร้านได้ไหม", "ติดกล้องวงจรปิดที่ร้านได้ไหม", "cctv"},
	    {"装solar多少钱", "装太阳能多少钱", "solar-price"},
	    {"安装PV板多少钱", "安装光伏板多少钱", "solar-price"},
	    {"店里可以装CCTV吗", "店里可以装监控吗", "cctv"},
	    {"家里装EV charger", "家里装充电桩", "ev-charger"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GPtrArray) mixed = cblue_bm25_index_search(f->index, cases[i][0], 3);
		g_autoptr(GPtrArray) native = cblue_bm25_index_search(f->index, cases[i][1], 3);
		CblueHit *m, *n;
		g_assert_cmpuint(mixed->len, >, 0);
		g_assert_cmpuint(native->len, >, 0);
		m = g_ptr_array_index(mixed, 0);
		n = g_ptr_array_index(native, 0);
		g_test_message("%s → %s %.3f; %s → %s %.3f", cases[i][0], cblue_hit_get_topic_id(m),
			       cblue_hit_get_confidence(m), cases[i][1], cblue_hit_get_topic_id(n),
			       cblue_hit_get_confidence(n));
		g_assert_cmpstr(cblue_hit_get_topic_id(m), ==, cases[i][2]);
		g_assert_cmpstr(cblue_hit_get_topic_id(n), ==, cases[i][2]);
		g_assert_cmpfloat_with_epsilon(cblue_hit_get_confidence(m), cblue_hit_get_confidence(n), 0.02);
	}
	/* the homophones pinyin input offers are read as the word meant, and the question
	 * reaches the same entry */
	assert_rewrite(f->synonyms, f->tokenizer, "店里想按装监控", "店里想安装监控");
	assert_rewrite(f->synonyms, f->tokenizer, "冲电桩怎么收费", "充电桩怎么收费");
	assert_rewrite(f->synonyms, f->tokenizer, "我想资询一下", "我想咨询一下");
	/* English text keeps en.txt's reading */
	assert_rewrite(f->synonyms, f->tokenizer, "PV panels", "solar panel");
	assert_rewrite(f->synonyms, f->tokenizer, "PV inverter", "solar inverter");
}

/* the bundled files load, and a folder extends and overrides them */
static void
test_bm25_synonyms_override(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueRetrievalSynonyms) bundled = cblue_retrieval_synonyms_load(tokenizer, NULL, &error);
	g_autoptr(CblueRetrievalSynonyms) custom = NULL;
	g_autofree gchar *dir = g_dir_make_tmp("cblue-synonyms-XXXXXX", &error);
	g_autofree gchar *path = NULL;
	g_autofree gchar *other = NULL;

	g_assert_no_error(error);
	g_assert_cmpuint(cblue_retrieval_synonyms_get_size(bundled), >, 300);
	assert_rewrite(bundled, tokenizer, "photovoltaic", "solar");
	assert_rewrite(bundled, tokenizer, "โซล่าเซลล์", "โซลาร์เซลล์");
	assert_rewrite(bundled, tokenizer, "อินเวอเตอร์", "อินเวอร์เตอร์");
	assert_rewrite(bundled, tokenizer, "光伏板", "太阳能板");
	assert_rewrite(bundled, tokenizer, "CCTV", "cctv");
	assert_rewrite(bundled, tokenizer, "security cameras", "cctv");
	/* chat spellings, loanwords, the fee of installing as its price, Taiwan's words (issue #3) */
	assert_rewrite(bundled, tokenizer, "ราคาเท่าไร่", "ราคาเท่าไร");
	assert_rewrite(bundled, tokenizer, "มีคนอยู่ออฟฟิศไหม", "มีคนอยู่สำนักงานไหม");
	assert_rewrite(bundled, tokenizer, "ค่าแรงติดตั้งเท่าไหร่", "ราคาติดตั้งเท่าไร");
	assert_rewrite(bundled, tokenizer, "เล่นเน็ตไม่ได้ อินเทอร์เน็ตช้า", "เล่นอินเทอร์เน็ตไม่ได้ อินเทอร์เน็ตช้า");
	assert_rewrite(bundled, tokenizer, "軟體和網路", "软件和网络");

	/* a group sharing a term replaces the bundled one; "!" drops a group */
	path = g_build_filename(dir, "custom.txt", NULL);
	other = g_build_filename(dir, "notes.md", NULL);
	g_file_set_contents(path, "pv, photovoltaic\n!cctv\nzorblax, zrx\n", -1, &error);
	g_assert_no_error(error);
	g_file_set_contents(other, "not, read\n,,,\n", -1, &error);
	g_assert_no_error(error);
	custom = cblue_retrieval_synonyms_load(tokenizer, dir, &error);
	g_assert_no_error(error);
	assert_rewrite(custom, tokenizer, "photovoltaic", "pv");
	assert_rewrite(custom, tokenizer, "solar", "solar");
	assert_rewrite(custom, tokenizer, "security cameras", "security cameras");
	assert_rewrite(custom, tokenizer, "zrx", "zorblax");
	assert_rewrite(custom, tokenizer, "โซล่าเซลล์", "โซลาร์เซลล์");
	g_assert_cmpstr(cblue_retrieval_synonyms_get_digest(custom), !=, cblue_retrieval_synonyms_get_digest(bundled));

	/* a broken file names its line */
	g_file_set_contents(path, "pv, photovoltaic\nlonely\n", -1, &error);
	g_assert_no_error(error);
	g_clear_pointer(&custom, cblue_retrieval_synonyms_unref);
	custom = cblue_retrieval_synonyms_load(tokenizer, dir, &error);
	g_assert_null(custom);
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_suffix(error->message, "custom.txt:2: a synonym group needs two different terms, "
						       "separated by commas"));
	g_unlink(path);
	g_unlink(other);
	g_rmdir(dir);
}

/* variants meet in the index: in the KB ("CCTV cameras") and in questions */
static void
test_bm25_synonyms_search(Fixture *f, gconstpointer data)
{
	assert_top(f, "PV panel cost", "solar-price", 0.5);
	assert_top(f, "photovoltaic module price", "solar-price", 0.5);
	assert_top(f, "光伏板多少钱", "solar-price", 0.5);
	assert_top(f, "surveillance camera for my shop", "cctv", 0.4);
	assert_top(f, "ติดซีซีทีวีที่ร้าน", "cctv", 0.3);
	assert_top(f, "electric car charger at home", "ev-charger", 0.4);
}

static CblueKb *
make_kb(void)
{
	CblueKb *kb = cblue_kb_new();
	g_autoptr(CblueKbEntry) a = make_entry("solar-price", "How much does a solar rooftop system cost?",
					       "ติดโซลาร์เซลล์ราคาเท่าไหร่", "安装太阳能板多少钱",
					       "A 5 kW solar rooftop costs 150,000-200,000 THB.", "solar panel price");
	g_autoptr(CblueKbEntry) b = make_entry("cctv", "Can you install security cameras at my shop?",
					       "ติดกล้องวงจรปิดที่ร้านได้ไหม", "可以在店里安装监控摄像头吗",
					       "We install CCTV cameras for homes and shops.", "cctv camera");
	cblue_kb_add(kb, a);
	cblue_kb_add(kb, b);
	return kb;
}

static const gchar *
search_top(CblueRetrieverBm25 *retriever, const gchar *text)
{
	g_autoptr(CblueMessage) message = cblue_message_new(text);
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) hits = cblue_retriever_search(CBLUE_RETRIEVER(retriever), message, 3, &error);
	g_assert_no_error(error);
	return hits->len > 0 ? g_intern_string(cblue_hit_get_topic_id(g_ptr_array_index(hits, 0))) : NULL;
}

/* iterates the main context until @n builds were installed */
static void
wait_for_builds(CblueRetrieverBm25 *retriever, guint n)
{
	gint64 deadline = g_get_monotonic_time() + 20 * G_USEC_PER_SEC;
	while (cblue_retrieval_holder_get_n_builds(cblue_retriever_bm25_get_holder(retriever)) < n) {
		g_assert_cmpint(g_get_monotonic_time(), <, deadline);
		g_main_context_iteration(NULL, FALSE);
		g_usleep(5000);
	}
}

static gint
compare_names(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(*(const gchar *const *)a, *(const gchar *const *)b);
}

/* the names of the cache files, sorted, joined by spaces */
static gchar *
list_cache_files(const gchar *cache_dir)
{
	g_autoptr(GDir) dir = g_dir_open(cache_dir, 0, NULL);
	g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
	const gchar *name;
	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL)
		g_ptr_array_add(names, g_strdup(name));
	g_ptr_array_sort(names, compare_names);
	g_ptr_array_add(names, NULL);
	return g_strjoinv(" ", (gchar **)names->pdata);
}

/* while serving: a change of the synonyms folder rebuilds the index, a broken file is
 * refused with a warning and the synonyms in force stay, and the cache follows */
static void
test_bm25_synonyms_reload(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *root = g_dir_make_tmp("cblue-bm25-XXXXXX", &error);
	g_autofree gchar *dir = g_build_filename(root, "synonyms", NULL);
	g_autofree gchar *cache_dir = g_build_filename(root, "cache", NULL);
	g_autofree gchar *path = g_build_filename(dir, "th.txt", NULL);
	g_autoptr(CblueKb) kb = make_kb();
	g_autoptr(CblueRetrieverBm25) retriever = cblue_retriever_bm25_new(tokenizer, NULL, "test");
	g_autofree gchar *digest = NULL;
	g_autofree gchar *cache_before = NULL;
	g_autofree gchar *cache_after = NULL;
	g_autoptr(CblueRetrievalSynonyms) synonyms = NULL;

	g_assert_no_error(error);
	g_assert_cmpint(g_mkdir(dir, 0700), ==, 0);
	cblue_retrieval_holder_set_cache_dir(cblue_retriever_bm25_get_holder(retriever), cache_dir);
	cblue_retrieval_holder_set_synonyms_dir(cblue_retriever_bm25_get_holder(retriever), dir, TRUE, &error);
	g_assert_no_error(error);
	cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), kb, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(cblue_retrieval_holder_get_n_builds(cblue_retriever_bm25_get_holder(retriever)), ==, 1);
	g_assert_null(search_top(retriever, "zorblax"));
	cache_before = list_cache_files(cache_dir);
	g_assert_true(g_str_has_prefix(cache_before, "retrieval-bm25-"));
	g_assert_null(strchr(cache_before, ' '));

	/* a new word for CCTV */
	g_file_set_contents(path, "# shop slang\ncctv, zorblax\n", -1, &error);
	g_assert_no_error(error);
	wait_for_builds(retriever, 2);
	g_assert_cmpstr(search_top(retriever, "zorblax"), ==, "cctv");
	/* the index was written to the cache under a new key, the old one removed */
	cache_after = list_cache_files(cache_dir);
	g_assert_null(strchr(cache_after, ' '));
	g_assert_cmpstr(cache_after, !=, cache_before);
	synonyms = cblue_retrieval_holder_get_synonyms(cblue_retriever_bm25_get_holder(retriever));
	digest = g_strdup(cblue_retrieval_synonyms_get_digest(synonyms));

	/* broken: refused, the previous synonyms stay */
	g_file_set_contents(path, "cctv, zorblax\nsolar\n", -1, &error);
	g_assert_no_error(error);
	{
		gint64 deadline = g_get_monotonic_time() + 20 * G_USEC_PER_SEC;
		while (count_warnings("*th.txt:2: a synonym group needs two*") == 0) {
			g_assert_cmpint(g_get_monotonic_time(), <, deadline);
			g_main_context_iteration(NULL, FALSE);
			g_usleep(5000);
		}
	}
	g_assert_cmpuint(count_warnings("synonyms not reloaded, the previous ones stay in force: *"), ==, 1);
	g_assert_cmpuint(cblue_retrieval_holder_get_n_builds(cblue_retriever_bm25_get_holder(retriever)), ==, 2);
	g_assert_cmpstr(search_top(retriever, "zorblax"), ==, "cctv");
	g_clear_pointer(&synonyms, cblue_retrieval_synonyms_unref);
	synonyms = cblue_retrieval_holder_get_synonyms(cblue_retriever_bm25_get_holder(retriever));
	g_assert_cmpstr(cblue_retrieval_synonyms_get_digest(synonyms), ==, digest);

	/* removed: back to the bundled synonyms */
	g_unlink(path);
	wait_for_builds(retriever, 3);
	g_assert_null(search_top(retriever, "zorblax"));

	/* a publish uses the synonyms in force */
	g_file_set_contents(path, "solar panel, zorblax\n", -1, &error);
	g_assert_no_error(error);
	wait_for_builds(retriever, 4);
	cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), kb, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(search_top(retriever, "zorblax"), ==, "solar-price");

	g_clear_object(&retriever);
	g_unlink(path);
	g_rmdir(dir);
	{
		g_autoptr(GDir) gdir = g_dir_open(cache_dir, 0, NULL);
		const gchar *name;
		while (gdir != NULL && (name = g_dir_read_name(gdir)) != NULL) {
			g_autofree gchar *file = g_build_filename(cache_dir, name, NULL);
			g_unlink(file);
		}
	}
	g_rmdir(cache_dir);
	g_rmdir(root);
}

/* a broken synonyms folder at start-up: the bundled synonyms are used */
static void
test_bm25_synonyms_broken_at_start(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *dir = g_dir_make_tmp("cblue-synonyms-XXXXXX", &error);
	g_autofree gchar *path = g_build_filename(dir, "en.txt", NULL);
	g_autoptr(CblueRetrieverBm25) retriever = cblue_retriever_bm25_new(tokenizer, NULL, "test");
	g_autoptr(CblueRetrievalSynonyms) synonyms = NULL;
	g_autoptr(CblueKb) kb = make_kb();

	g_file_set_contents(path, "pv, solar\n\nx\n", -1, &error);
	g_assert_no_error(error);
	g_assert_false(cblue_retrieval_holder_set_synonyms_dir(cblue_retriever_bm25_get_holder(retriever), dir, FALSE, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_suffix(error->message, "en.txt:3: a synonym group needs two different terms, "
						       "separated by commas"));
	synonyms = cblue_retrieval_holder_get_synonyms(cblue_retriever_bm25_get_holder(retriever));
	g_assert_nonnull(synonyms);
	g_assert_cmpuint(cblue_retrieval_synonyms_get_size(synonyms), >, 300);
	g_clear_error(&error);
	cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), kb, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(search_top(retriever, "surveillance camera"), ==, "cctv");
	g_unlink(path);
	g_rmdir(dir);
}

/* the bot's search without a CblueHit a hit gives the public search's hits */
static void
test_bm25_search_each(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(CblueRetrieverBm25) retriever = cblue_retriever_bm25_new(tokenizer, NULL, "test");
	cblue_test_check_search_each(CBLUE_RETRIEVER(retriever));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
	captured_warnings = g_ptr_array_new_with_free_func(g_free);
	g_log_set_always_fatal(G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
	g_log_set_writer_func(capture_writer, NULL, NULL);
	g_test_add("/cblue/bm25/languages", Fixture, NULL, fixture_setup, test_bm25_languages, fixture_teardown);
	g_test_add("/cblue/bm25/code-mixed", Fixture, NULL, fixture_setup, test_bm25_code_mixed, fixture_teardown);
	g_test_add("/cblue/bm25/typos", Fixture, NULL, fixture_setup, test_bm25_typos, fixture_teardown);
	g_test_add("/cblue/bm25/full-width", Fixture, NULL, fixture_setup, test_bm25_full_width, fixture_teardown);
	g_test_add("/cblue/bm25/out-of-scope", Fixture, NULL, fixture_setup, test_bm25_out_of_scope, fixture_teardown);
	g_test_add("/cblue/bm25/stopwords-only", Fixture, NULL, fixture_setup, test_bm25_stopwords_only,
		   fixture_teardown);
	g_test_add("/cblue/bm25/thai-spelling", Fixture, NULL, fixture_setup, test_bm25_thai_spelling, fixture_teardown);
	g_test_add("/cblue/bm25/chinese-stopwords", Fixture, NULL, fixture_setup, test_bm25_chinese_stopwords,
		   fixture_teardown);
	g_test_add_func("/cblue/bm25/stem-english", test_bm25_stem_english);
	g_test_add_func("/cblue/bm25/stem-english-lemmas", test_bm25_stem_english_lemmas);
	g_test_add_func("/cblue/bm25/lemmas-search", test_bm25_lemmas_search);
	g_test_add_func("/cblue/bm25/typo-limits", test_bm25_typo_limits);
	g_test_add("/cblue/bm25/stopword-typos", Fixture, NULL, fixture_setup, test_bm25_stopword_typos,
		   fixture_teardown);
	g_test_add("/cblue/bm25/thai-typos", Fixture, NULL, fixture_setup, test_bm25_thai_typos, fixture_teardown);
	g_test_add("/cblue/bm25/synonym-typos", Fixture, NULL, fixture_setup, test_bm25_synonym_typos, fixture_teardown);
	g_test_add_func("/cblue/bm25/synonym-typo-limits", test_bm25_synonym_typo_limits);
	g_test_add_func("/cblue/bm25/pairs", test_bm25_pairs);
	g_test_add_func("/cblue/bm25/search-each", test_bm25_search_each);
	g_test_add("/cblue/bm25/serialize", Fixture, NULL, fixture_setup, test_bm25_serialize, fixture_teardown);
	g_test_add("/cblue/bm25/forged", Fixture, NULL, fixture_setup, test_bm25_forged, fixture_teardown);
	g_test_add("/cblue/bm25/incremental", Fixture, NULL, fixture_setup, test_bm25_incremental, fixture_teardown);
	g_test_add("/cblue/bm25/pruning", Fixture, NULL, fixture_setup, test_bm25_pruning, fixture_teardown);
	g_test_add("/cblue/bm25/approximate", Fixture, NULL, fixture_setup, test_bm25_approximate, fixture_teardown);
	g_test_add("/cblue/bm25/threads", Fixture, NULL, fixture_setup, test_bm25_threads, fixture_teardown);
	g_test_add_func("/cblue/bm25/synonyms/apply", test_bm25_synonyms_apply);
	g_test_add_func("/cblue/bm25/synonyms/errors", test_bm25_synonyms_errors);
	g_test_add_func("/cblue/bm25/synonyms/override", test_bm25_synonyms_override);
	g_test_add_func("/cblue/bm25/synonyms/code-mixed-rules", test_bm25_synonyms_code_mixed_rules);
	g_test_add("/cblue/bm25/synonyms/code-mixed", Fixture, NULL, fixture_setup, test_bm25_synonyms_code_mixed,
		   fixture_teardown);
	g_test_add("/cblue/bm25/synonyms/search", Fixture, NULL, fixture_setup, test_bm25_synonyms_search,
		   fixture_teardown);
	g_test_add_func("/cblue/bm25/synonyms/reload", test_bm25_synonyms_reload);
	g_test_add_func("/cblue/bm25/synonyms/broken-at-start", test_bm25_synonyms_broken_at_start);
	return g_test_run();
}
