/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "../cblue-bm25-index.h"
#include "../cblue-bm25-stem.h"

typedef struct {
	CblueTokenizer *tokenizer;
	GHashTable *stopwords;
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
	f->index = cblue_bm25_index_new(kb, f->tokenizer, f->stopwords, &params);
}

static void
fixture_teardown(Fixture *f, gconstpointer data)
{
	cblue_bm25_index_unref(f->index);
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

static GPtrArray *
analyze(Fixture *f, const gchar *text, gboolean want_ngrams)
{
	GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) ngrams = g_ptr_array_new_with_free_func(g_free);
	cblue_bm25_analyze(f->tokenizer, f->stopwords, text, words, NULL, ngrams);
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
	    {"3000", FALSE},	/* numbers are not typos */
	};

	cblue_kb_add(kb, e);
	cblue_bm25_params_init_default(&params);
	index = cblue_bm25_index_new(kb, tokenizer, stopwords, &params);
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GPtrArray) hits = cblue_bm25_index_search(index, cases[i].query, 1);
		g_test_message("%s → %u hits", cases[i].query, hits->len);
		g_assert_cmpuint(hits->len, ==, (cases[i].match ? 1u : 0u));
	}
}

/* the index cache: a round trip gives the same hits; corrupt bytes are refused */
static void
test_bm25_serialize(Fixture *f, gconstpointer data)
{
	g_autoptr(GBytes) bytes = cblue_bm25_index_serialize(f->index);
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueBm25Index) copy = cblue_bm25_index_new_from_bytes(bytes, f->tokenizer, f->stopwords, &error);
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
	/* truncated: the format check or the bounds checks refuse it */
	{
		g_autoptr(GBytes) cut = g_bytes_new_from_bytes(bytes, 0, g_bytes_get_size(bytes) / 2);
		g_autoptr(CblueBm25Index) bad = cblue_bm25_index_new_from_bytes(cut, f->tokenizer, f->stopwords, &error);
		g_assert_null(bad);
		g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
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
	g_test_add_func("/cblue/bm25/typo-limits", test_bm25_typo_limits);
	g_test_add("/cblue/bm25/serialize", Fixture, NULL, fixture_setup, test_bm25_serialize, fixture_teardown);
	return g_test_run();
}
