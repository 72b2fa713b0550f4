/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "../cblue-ngram-index.h"
#include "../cblue-ngram-retriever.h"
#include "cblue-retrieval-common.h"
#include "cblue-retrieval-test-kb.h"

typedef struct {
	CblueTokenizer *tokenizer;
	CblueNgramIndex *index;
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
	g_autoptr(CblueKbEntry) c = make_entry("ev-charger", "Do you install EV chargers at home?",
					       "ติดตั้งที่ชาร์จรถยนต์ไฟฟ้าที่บ้าน", "可以在家安装电动车充电桩吗",
					       "We install 7 kW wallbox EV chargers.", "ev charger wallbox");
	cblue_kb_add(kb, a);
	cblue_kb_add(kb, b);
	cblue_kb_add(kb, c);
	return kb;
}

static void
fixture_setup(Fixture *f, gconstpointer data)
{
	g_autoptr(CblueKb) kb = make_kb();
	CblueNgramParams params;
	cblue_ngram_params_init_default(&params);
	f->tokenizer = cblue_tokenizer_new();
	f->index = cblue_ngram_index_new(kb, f->tokenizer, &params);
}

static void
fixture_teardown(Fixture *f, gconstpointer data)
{
	cblue_ngram_index_unref(f->index);
	g_object_unref(f->tokenizer);
}

static void
assert_top(Fixture *f, const gchar *query, const gchar *topic_id)
{
	g_autoptr(GPtrArray) hits = cblue_ngram_index_search(f->index, query, 3);
	CblueHit *top;
	g_assert_cmpuint(hits->len, >, 0);
	top = g_ptr_array_index(hits, 0);
	g_test_message("%s → %s %.3f (confidence %.3f)", query, cblue_hit_get_topic_id(top), cblue_hit_get_score(top),
		       cblue_hit_get_confidence(top));
	g_assert_cmpstr(cblue_hit_get_topic_id(top), ==, topic_id);
	g_assert_cmpfloat(cblue_hit_get_score(top), >, 0);
	g_assert_cmpfloat(cblue_hit_get_score(top), <=, 1.0 + 1e-6);
	g_assert_cmpfloat(cblue_hit_get_confidence(top), <=, 1.0 + 1e-6);
}

static void
test_ngram_languages(Fixture *f, gconstpointer data)
{
	assert_top(f, "what is the price of a solar system", "solar-price");
	assert_top(f, "โซลาร์เซลล์ราคาเท่าไร", "solar-price");
	assert_top(f, "太阳能多少钱", "solar-price");
	assert_top(f, "อยากติดกล้องที่ร้าน", "cctv");
	assert_top(f, "店里装监控", "cctv");
	assert_top(f, "ติด solar ราคาเท่าไหร่", "solar-price");
	assert_top(f, "EV charger ติดที่บ้านได้ไหม", "ev-charger");
}

/* where words fail: typos, spelling variants, no spaces */
static void
test_ngram_robust(Fixture *f, gconstpointer data)
{
	assert_top(f, "solr panells pricce", "solar-price");
	assert_top(f, "securitycameras", "cctv");
	assert_top(f, "ติดโซล่าเซลราคา", "solar-price");
	assert_top(f, "ที่ชาจรถไฟฟ้า", "ev-charger");
	assert_top(f, "ＥＶ ＣＨＡＲＧＥＲ", "ev-charger");
}

static void
test_ngram_nothing(Fixture *f, gconstpointer data)
{
	const gchar *queries[] = {"", "   ", "🙂🙂", "!!!", "\xff\xfe", NULL};
	for (guint i = 0; queries[i] != NULL; i++) {
		g_autoptr(GPtrArray) hits = cblue_ngram_index_search(f->index, queries[i], 3);
		g_assert_cmpuint(hits->len, ==, 0);
	}
}

static void
test_ngram_extract(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(GArray) a = g_array_new(FALSE, FALSE, sizeof(guint64));
	g_autoptr(GArray) b = g_array_new(FALSE, FALSE, sizeof(guint64));

	/* "ev" padded: ^ev, ev$, ^ev$ */
	cblue_ngram_extract(tokenizer, NULL, "EV", a);
	g_assert_cmpuint(a->len, ==, 3);
	/* Chinese: 3 characters and 2 pairs */
	g_array_set_size(a, 0);
	cblue_ngram_extract(tokenizer, NULL, "太阳能", a);
	g_assert_cmpuint(a->len, ==, 5);
	/* Thai tone marks and thanthakhat do not matter */
	g_array_set_size(a, 0);
	cblue_ngram_extract(tokenizer, NULL, "โซล่า", a);
	cblue_ngram_extract(tokenizer, NULL, "โซลา", b);
	g_assert_cmpuint(a->len, ==, b->len);
	g_assert_cmpmem(a->data, a->len * sizeof(guint64), b->data, b->len * sizeof(guint64));
	/* Traditional is folded to Simplified before */
	g_array_set_size(a, 0);
	g_array_set_size(b, 0);
	cblue_ngram_extract(tokenizer, NULL, "太陽能", a);
	cblue_ngram_extract(tokenizer, NULL, "太阳能", b);
	g_assert_cmpmem(a->data, a->len * sizeof(guint64), b->data, b->len * sizeof(guint64));
}

static void
test_ngram_retriever(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(CblueRetrieverNgram) retriever = cblue_retriever_ngram_new(tokenizer, NULL, "test");
	g_autoptr(CblueMessage) message = cblue_message_new("wallbox charger");
	g_autoptr(CblueKb) kb = make_kb();
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) before = cblue_retriever_search(CBLUE_RETRIEVER(retriever), message, 3, &error);
	g_autoptr(GPtrArray) after = NULL;

	g_assert_no_error(error);
	g_assert_cmpuint(before->len, ==, 0);
	g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), kb, &error));
	g_assert_no_error(error);
	after = cblue_retriever_search(CBLUE_RETRIEVER(retriever), message, 3, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(after->len, >, 0);
	g_assert_cmpstr(cblue_hit_get_topic_id(g_ptr_array_index(after, 0)), ==, "ev-charger");
}

/* the index cache: a round trip gives the same hits; damaged bytes are refused */
static void
test_ngram_serialize(Fixture *f, gconstpointer data)
{
	g_autoptr(GBytes) bytes = cblue_ngram_index_serialize(f->index);
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueNgramIndex) copy = cblue_ngram_index_new_from_bytes(bytes, f->tokenizer, NULL, &error);
	const gchar *queries[] = {"solr panells pricce", "ติด solar ราคาเท่าไหร่", "装solar要多少钱", "tell me a joke", NULL};
	gsize size = g_bytes_get_size(bytes);

	g_assert_no_error(error);
	g_assert_cmpuint(cblue_ngram_index_get_n_terms(copy), ==, cblue_ngram_index_get_n_terms(f->index));
	for (guint i = 0; queries[i] != NULL; i++) {
		g_autoptr(GPtrArray) a = cblue_ngram_index_search(f->index, queries[i], 3);
		g_autoptr(GPtrArray) b = cblue_ngram_index_search(copy, queries[i], 3);
		g_assert_cmpuint(a->len, ==, b->len);
		for (guint j = 0; j < a->len; j++) {
			CblueHit *ha = g_ptr_array_index(a, j), *hb = g_ptr_array_index(b, j);
			g_assert_cmpstr(cblue_hit_get_topic_id(ha), ==, cblue_hit_get_topic_id(hb));
			g_assert_cmpfloat_with_epsilon(cblue_hit_get_score(ha), cblue_hit_get_score(hb), 1e-6);
		}
	}
	/* cut short, or one byte changed */
	for (guint i = 0; i < 2; i++) {
		g_autoptr(GBytes) bad = NULL;
		g_autoptr(CblueNgramIndex) none = NULL;
		if (i == 0) {
			bad = g_bytes_new_from_bytes(bytes, 0, size / 2);
		} else {
			guint8 *copy_data = g_memdup2(g_bytes_get_data(bytes, NULL), size);
			copy_data[size / 3] ^= 0x40;
			bad = g_bytes_new_take(copy_data, size);
		}
		none = cblue_ngram_index_new_from_bytes(bad, f->tokenizer, NULL, &error);
		g_assert_null(none);
		g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
		g_clear_error(&error);
	}
}

/* a cache whose checksum was made again after a byte changed (so only the index's own checks
 * stand between it and a search): every change in the postings' part of the file is either
 * refused or gives an index that searches safely (ASan builds check the memory) */
static void
test_ngram_forged(Fixture *f, gconstpointer data)
{
	g_autoptr(GBytes) bytes = cblue_ngram_index_serialize(f->index);
	gsize size = g_bytes_get_size(bytes);
	guint n_refused = 0;

	/* the blocks, their metadata and the packed postings are the last part of the file */
	for (gsize pos = size / 2; pos + sizeof(guint64) < size; pos += 7) {
		g_autofree guint8 *forged = g_memdup2(g_bytes_get_data(bytes, NULL), size);
		g_autoptr(GBytes) bad = NULL;
		g_autoptr(CblueNgramIndex) loaded = NULL;
		g_autoptr(GError) error = NULL;
		guint64 checksum;

		forged[pos] ^= 0xa5;
		checksum = cblue_retrieval_checksum(forged, size - sizeof(guint64));
		memcpy(forged + size - sizeof(guint64), &checksum, sizeof(checksum));
		bad = g_bytes_new(forged, size);
		loaded = cblue_ngram_index_new_from_bytes(bad, f->tokenizer, NULL, &error);
		if (loaded == NULL) {
			g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
			n_refused++;
			continue;
		}
		g_assert_no_error(error);
		g_ptr_array_unref(cblue_ngram_index_search(loaded, "solar panel price ติดโซลาร์ 太阳能", 5));
	}
	g_assert_cmpuint(n_refused, >, 0);
}

static gchar *
cache_file(const gchar *dir)
{
	g_autoptr(GDir) gdir = g_dir_open(dir, 0, NULL);
	const gchar *name = gdir != NULL ? g_dir_read_name(gdir) : NULL;
	g_assert_nonnull(name);
	g_assert_null(g_dir_read_name(gdir));
	return g_build_filename(dir, name, NULL);
}

/* the on-disk cache: one file per KB version, read back on the next start, replaced when
 * the KB changes, rebuilt when damaged */
static void
test_ngram_cache(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *dir = g_dir_make_tmp("cblue-ngram-XXXXXX", &error);
	g_autoptr(CblueKb) kb = make_kb();
	g_autoptr(CblueKb) other = make_kb();
	g_autoptr(CblueKbEntry) extra = make_entry("wifi", "Can you fix my Wi-Fi?", "ไวไฟไม่แรง", "无线网络信号弱",
						   "We install mesh Wi-Fi.", "wifi");
	g_autofree gchar *first = NULL;
	g_autofree gchar *second = NULL;
	g_autofree gchar *again = NULL;

	g_assert_no_error(error);
	cblue_kb_add(other, extra);
	for (guint round = 0; round < 2; round++) {
		g_autoptr(CblueRetrieverNgram) retriever = cblue_retriever_ngram_new(tokenizer, NULL, "test");
		g_autoptr(CblueMessage) message = cblue_message_new("mesh wifi");
		g_autoptr(GPtrArray) hits = NULL;
		cblue_retrieval_holder_set_cache_dir(cblue_retriever_ngram_get_holder(retriever), dir);
		g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), round == 0 ? kb : other, &error));
		g_assert_no_error(error);
		hits = cblue_retriever_search(CBLUE_RETRIEVER(retriever), message, 3, &error);
		g_assert_no_error(error);
		if (round == 1)
			g_assert_cmpstr(cblue_hit_get_topic_id(g_ptr_array_index(hits, 0)), ==, "wifi");
		if (round == 0)
			first = cache_file(dir);
		else
			second = cache_file(dir);
	}
	g_assert_cmpstr(first, !=, second);

	/* damaged: refused by its checksum, rebuilt and written again */
	{
		g_autoptr(CblueRetrieverNgram) retriever = cblue_retriever_ngram_new(tokenizer, NULL, "test");
		g_autoptr(CblueMessage) message = cblue_message_new("mesh wifi");
		g_autoptr(GPtrArray) hits = NULL;
		g_autofree gchar *data = NULL;
		gsize len = 0;
		g_file_get_contents(second, &data, &len, &error);
		g_assert_no_error(error);
		data[len / 2] ^= 0x5a;
		g_file_set_contents(second, data, (gssize)len, &error);
		g_assert_no_error(error);
		cblue_retrieval_holder_set_cache_dir(cblue_retriever_ngram_get_holder(retriever), dir);
		g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), other, &error));
		hits = cblue_retriever_search(CBLUE_RETRIEVER(retriever), message, 3, &error);
		g_assert_cmpstr(cblue_hit_get_topic_id(g_ptr_array_index(hits, 0)), ==, "wifi");
		again = cache_file(dir);
		g_assert_cmpstr(again, ==, second);
		g_clear_pointer(&data, g_free);
		g_file_get_contents(again, &data, &len, &error);
		g_assert_no_error(error);
		{
			g_autoptr(GBytes) bytes = g_bytes_new_take(g_steal_pointer(&data), len);
			g_autoptr(CblueNgramIndex) index = cblue_ngram_index_new_from_bytes(bytes, tokenizer, NULL, &error);
			g_assert_no_error(error);
			g_assert_nonnull(index);
		}
	}
	g_unlink(again);
	g_rmdir(dir);
}

static void
assert_same_hits(CblueNgramIndex *a, CblueNgramIndex *b, const gchar *query)
{
	g_autoptr(GPtrArray) ha = cblue_ngram_index_search(a, query, 5);
	g_autoptr(GPtrArray) hb = cblue_ngram_index_search(b, query, 5);
	g_assert_cmpuint(ha->len, ==, hb->len);
	for (guint i = 0; i < ha->len; i++) {
		CblueHit *x = g_ptr_array_index(ha, i);
		CblueHit *y = g_ptr_array_index(hb, i);
		g_assert_cmpstr(cblue_hit_get_topic_id(x), ==, cblue_hit_get_topic_id(y));
		g_assert_cmpfloat_with_epsilon(cblue_hit_get_score(x), cblue_hit_get_score(y), 1e-6);
		g_assert_cmpfloat_with_epsilon(cblue_hit_get_confidence(x), cblue_hit_get_confidence(y), 1e-6);
	}
}

/* A KB change re-analyzes only the changed and new entries, and the index is the one a
 * full build gives: IDFs and vector lengths follow the whole new KB (no IDF drift). */
static void
test_ngram_incremental(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(CblueKb) kb = make_kb();
	g_autoptr(CblueKb) next = cblue_kb_new();
	g_autoptr(CblueKbEntry) changed =
	    make_entry("cctv", "Can you install security cameras at my factory?", "ติดกล้องวงจรปิดที่โรงงานได้ไหม",
		       "可以在工厂安装监控摄像头吗", "We install CCTV cameras for factories.", "cctv camera");
	g_autoptr(CblueKbEntry) added = make_entry("battery", "Do you sell home batteries?", "ขายแบตเตอรี่บ้านไหม",
						   "你们卖家用电池吗", "We sell 10 kWh home batteries.", "battery storage");
	g_autoptr(CblueNgramIndex) first = NULL;
	g_autoptr(CblueNgramIndex) incremental = NULL;
	g_autoptr(CblueNgramIndex) full = NULL;
	g_autoptr(GBytes) a = NULL;
	g_autoptr(GBytes) b = NULL;
	const gchar *queries[] = {"security camera factory", "home battery", "solar price", "ราคาโซลาร์", "充电桩"};
	CblueNgramParams params;
	guint n_analyzed = 99;

	cblue_ngram_params_init_default(&params);
	first = cblue_ngram_index_new_incremental(kb, tokenizer, &params, NULL, &n_analyzed);
	g_assert_cmpuint(n_analyzed, ==, 3);
	/* the same KB: nothing to analyze */
	{
		g_autoptr(CblueNgramIndex) same = cblue_ngram_index_new_incremental(kb, tokenizer, &params, first, &n_analyzed);
		g_assert_cmpuint(n_analyzed, ==, 0);
		/* the previous index itself, not a copy */
		g_assert_true(same == first);
		a = cblue_ngram_index_serialize(first);
		b = cblue_ngram_index_serialize(same);
		g_assert_true(g_bytes_equal(a, b));
		g_clear_pointer(&a, g_bytes_unref);
		g_clear_pointer(&b, g_bytes_unref);
	}
	/* solar-price kept, cctv changed, ev-charger removed, battery added */
	cblue_kb_add(next, g_ptr_array_index(cblue_kb_get_entries(kb), 0));
	cblue_kb_add(next, changed);
	cblue_kb_add(next, added);
	incremental = cblue_ngram_index_new_incremental(next, tokenizer, &params, first, &n_analyzed);
	g_assert_cmpuint(n_analyzed, ==, 2);
	full = cblue_ngram_index_new(next, tokenizer, &params);
	a = cblue_ngram_index_serialize(incremental);
	b = cblue_ngram_index_serialize(full);
	g_assert_true(g_bytes_equal(a, b));
	for (guint i = 0; i < G_N_ELEMENTS(queries); i++)
		assert_same_hits(incremental, full, queries[i]);
	/* the same topics in another order: reused, and still the full build's index */
	{
		g_autoptr(CblueKb) reversed = cblue_kb_new();
		g_autoptr(CblueNgramIndex) moved = NULL;
		g_autoptr(CblueNgramIndex) moved_full = NULL;
		g_autoptr(GBytes) x = NULL;
		g_autoptr(GBytes) y = NULL;
		for (guint i = cblue_kb_get_size(kb); i > 0; i--)
			cblue_kb_add(reversed, g_ptr_array_index(cblue_kb_get_entries(kb), i - 1));
		moved = cblue_ngram_index_new_incremental(reversed, tokenizer, &params, first, &n_analyzed);
		g_assert_cmpuint(n_analyzed, ==, 0);
		moved_full = cblue_ngram_index_new(reversed, tokenizer, &params);
		x = cblue_ngram_index_serialize(moved);
		y = cblue_ngram_index_serialize(moved_full);
		g_assert_true(g_bytes_equal(x, y));
	}
	/* other parameters: nothing is reused */
	params.weight_content = 2.0;
	{
		g_autoptr(CblueNgramIndex) other =
		    cblue_ngram_index_new_incremental(next, tokenizer, &params, incremental, &n_analyzed);
		g_assert_cmpuint(n_analyzed, ==, 3);
	}
}

/* @pruned and @full (the same search, skipping long lists and reading every posting) hold
 * the same hits, scores and confidences, to the last bit; returns how many */
static guint
assert_identical_hits(GPtrArray *pruned, GPtrArray *full)
{
	g_assert_cmpuint(pruned->len, ==, full->len);
	for (guint h = 0; h < full->len; h++) {
		CblueHit *x = g_ptr_array_index(pruned, h);
		CblueHit *y = g_ptr_array_index(full, h);
		g_assert_cmpstr(cblue_hit_get_topic_id(x), ==, cblue_hit_get_topic_id(y));
		g_assert_true(cblue_hit_get_score(x) == cblue_hit_get_score(y));
		g_assert_true(cblue_hit_get_confidence(x) == cblue_hit_get_confidence(y));
	}
	return full->len;
}

/* a search that skips long posting lists finds the same hits, scores and confidences as one
 * that reads every posting (a KB where common n-grams are in thousands of topics) */
static void
test_ngram_pruning(void)
{
	static const gchar *const words[] = {"solar", "panel", "price", "install", "battery", "charger", "camera",
					     "network", "warranty", "service", "roof", "inverter", "home", "office",
					     "quote", "repair", "monthly", "fee", "delivery", "support"};
	static const gchar *const thai[] = {"ราคา", "ติดตั้ง", "แผง", "โซลาร์", "บ้าน", "รับประกัน", "บริการ", "ซ่อม"};
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(CblueKb) kb = cblue_kb_new();
	g_autoptr(CblueNgramIndex) index = NULL;
	CblueNgramParams params;
	GRand *rand = g_rand_new_with_seed(7);
	guint n_hits = 0;

	for (guint n = 0; n < 3000; n++) {
		g_autofree gchar *topic_id = g_strdup_printf("t%04u", n);
		g_autofree gchar *code = g_strdup_printf("zx%u", n * 7919 % 100000);
		GString *en = g_string_new(code), *th = g_string_new(NULL);
		g_autoptr(CblueKbEntry) entry = NULL;
		for (guint w = 0; w < 8; w++) {
			g_string_append_printf(en, " %s", words[g_rand_int_range(rand, 0, G_N_ELEMENTS(words))]);
			g_string_append(th, thai[g_rand_int_range(rand, 0, G_N_ELEMENTS(thai))]);
		}
		entry = make_entry(topic_id, en->str, th->str, "太阳能板价格", en->str, code);
		cblue_kb_add(kb, entry);
		g_string_free(en, TRUE);
		g_string_free(th, TRUE);
	}
	cblue_ngram_params_init_default(&params);
	index = cblue_ngram_index_new(kb, tokenizer, &params);
	for (guint i = 0; i < 60; i++) {
		g_autofree gchar *query =
		    g_strdup_printf("%s %s zx%u %s", words[i % G_N_ELEMENTS(words)], words[(i * 7) % G_N_ELEMENTS(words)],
				    (i * 50 + 3) * 7919 % 100000, i % 3 == 0 ? thai[i % G_N_ELEMENTS(thai)] : "");
		g_autoptr(GPtrArray) pruned = cblue_ngram_index_search_full(index, query, 5, TRUE);
		g_autoptr(GPtrArray) full = cblue_ngram_index_search_full(index, query, 5, FALSE);
		n_hits += assert_identical_hits(pruned, full);
	}
	g_assert_cmpuint(n_hits, >, 200);
	g_rand_free(rand);
}

/* the exact score and confidence of @topic_id among @all (every hit of an exact search) */
static CblueHit *
find_hit(GPtrArray *all, const gchar *topic_id)
{
	for (guint h = 0; h < all->len; h++) {
		if (g_strcmp0(cblue_hit_get_topic_id(g_ptr_array_index(all, h)), topic_id) == 0)
			return g_ptr_array_index(all, h);
	}
	return NULL;
}

/* The approximate search (common n-grams only score the topics that the rarer ones found):
 * each hit has its exact score and confidence, in rank order; the topic of a rare code that
 * the exact search puts in the top hits is found too; a question of common n-grams only
 * still gets its hits; no common n-gram (0, or a bound above every list) is the exact
 * search, to the last bit. */
static void
test_ngram_approximate(void)
{
	static const gchar *const words[] = {"solar", "panel", "price", "install", "battery", "charger", "camera",
					     "network", "warranty", "service", "roof", "inverter", "home", "office",
					     "quote", "repair", "monthly", "fee", "delivery", "support"};
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(CblueKb) kb = cblue_kb_new();
	g_autoptr(CblueNgramIndex) index = NULL;
	CblueNgramParams params;
	GRand *rand = g_rand_new_with_seed(11);
	guint n_found = 0, n_differ = 0;

	for (guint n = 0; n < 3000; n++) {
		g_autofree gchar *topic_id = g_strdup_printf("t%04u", n);
		g_autofree gchar *code = g_strdup_printf("zx%u", n * 7919 % 100000);
		g_autoptr(GString) en = g_string_new(code);
		g_autoptr(CblueKbEntry) entry = NULL;
		for (guint w = 0; w < 8; w++)
			g_string_append_printf(en, " %s", words[g_rand_int_range(rand, 0, G_N_ELEMENTS(words))]);
		entry = make_entry(topic_id, en->str, "ราคาแผงโซลาร์", "太阳能板价格", en->str, code);
		cblue_kb_add(kb, entry);
	}
	cblue_ngram_params_init_default(&params);
	index = cblue_ngram_index_new(kb, tokenizer, &params);
	for (guint i = 0; i < 40; i++) {
		guint target = (i * 73 + 5) % 3000;
		g_autofree gchar *target_id = g_strdup_printf("t%04u", target);
		g_autofree gchar *query = g_strdup_printf(
		    "%s %s %s zx%u", words[i % G_N_ELEMENTS(words)], words[(i * 7) % G_N_ELEMENTS(words)],
		    words[(i * 3 + 1) % G_N_ELEMENTS(words)], target * 7919 % 100000);
		g_autofree gchar *common =
		    g_strdup_printf("%s %s", words[i % G_N_ELEMENTS(words)], words[(i * 3 + 1) % G_N_ELEMENTS(words)]);
		/* only common n-grams every fourth time */
		const gchar *text = i % 4 == 3 ? common : query;
		g_autoptr(GPtrArray) all = NULL;
		g_autoptr(GPtrArray) exact = cblue_ngram_index_search_full(index, text, 5, FALSE);
		g_autoptr(GPtrArray) approx = cblue_ngram_index_search_approx(index, text, 5, 600);
		g_autoptr(GPtrArray) off = cblue_ngram_index_search_approx(index, text, 5, 0);
		g_autoptr(GPtrArray) above = cblue_ngram_index_search_approx(index, text, 5, 3001);

		assert_identical_hits(off, exact);
		assert_identical_hits(above, exact);
		g_assert_cmpuint(approx->len, ==, exact->len);
		g_assert_cmpuint(approx->len, ==, 5);
		if (text == query) {
			/* the rare code's topic, when the exact search ranks it */
			gboolean ranked = find_hit(exact, target_id) != NULL;
			g_assert_true(!ranked || find_hit(approx, target_id) != NULL);
			n_found += ranked;
		}
		all = cblue_ngram_index_search_full(index, text, 3000, FALSE);
		for (guint h = 0; h < approx->len; h++) {
			CblueHit *x = g_ptr_array_index(approx, h), *y = find_hit(all, cblue_hit_get_topic_id(x));
			g_assert_nonnull(y);
			g_assert_true(cblue_hit_get_score(x) == cblue_hit_get_score(y));
			g_assert_true(cblue_hit_get_confidence(x) == cblue_hit_get_confidence(y));
		}
		for (guint h = 1; h < approx->len; h++)
			g_assert_cmpfloat(cblue_hit_get_score(g_ptr_array_index(approx, h - 1)), >=,
					  cblue_hit_get_score(g_ptr_array_index(approx, h)));
		n_differ += !g_str_equal(cblue_hit_get_topic_id(g_ptr_array_index(approx, approx->len - 1)),
					 cblue_hit_get_topic_id(g_ptr_array_index(exact, exact->len - 1)));
	}
	g_test_message("rare code's topic ranked and found %u times; last hit different %u times", n_found, n_differ);
	g_assert_cmpuint(n_found, >=, 25);
	g_rand_free(rand);
}

/* the build's grouping of the n-grams (a sort of every document's n-grams by key): as many
 * terms and postings as the distinct n-grams of the KB and of each entry, counted apart here,
 * and keys and each term's documents in order (the checks of an index read from bytes) */
static void
test_ngram_postings(void)
{
	static const gchar *const words[] = {"solar", "panel", "price", "install", "battery", "charger", "camera",
					     "network", "warranty", "service", "roof", "inverter", "home", "office"};
	static const gchar *const thai[] = {"ราคา", "ติดตั้ง", "แผง", "โซลาร์", "บ้าน", "รับประกัน", "บริการ", "ซ่อม"};
	static const gchar *const han[] = {"太阳能", "价格", "安装", "电池", "充电桩", "监控", "维修", "保修"};
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(CblueKb) kb = cblue_kb_new();
	g_autoptr(CblueNgramIndex) index = NULL;
	g_autoptr(CblueNgramIndex) loaded = NULL;
	g_autoptr(GBytes) bytes = NULL;
	g_autoptr(GBytes) again = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(GHashTable) all = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	g_autoptr(GArray) keys = g_array_new(FALSE, FALSE, sizeof(guint64));
	CblueNgramParams params;
	GRand *rand = g_rand_new_with_seed(11);
	gsize n_postings = 0;

	for (guint n = 0; n < 4000; n++) {
		g_autofree gchar *topic_id = g_strdup_printf("t%04u", n);
		g_autofree gchar *code = g_strdup_printf("m%u", g_rand_int_range(rand, 0, 50000));
		g_autoptr(GString) en = g_string_new(code);
		g_autoptr(GString) th = g_string_new(NULL);
		g_autoptr(GString) zh = g_string_new(NULL);
		g_autoptr(GString) content = g_string_new(NULL);
		g_autoptr(GHashTable) distinct = g_hash_table_new(g_int64_hash, g_int64_equal);
		g_autoptr(CblueKbEntry) entry = NULL;
		const gchar *texts[5];
		for (guint w = 0; w < 6; w++) {
			g_string_append_printf(en, " %s", words[g_rand_int_range(rand, 0, G_N_ELEMENTS(words))]);
			g_string_append(th, thai[g_rand_int_range(rand, 0, G_N_ELEMENTS(thai))]);
			g_string_append(zh, han[g_rand_int_range(rand, 0, G_N_ELEMENTS(han))]);
		}
		for (guint w = 0; w < 30; w++)
			g_string_append_printf(content, "%s%s", w > 0 ? " " : "",
					       words[g_rand_int_range(rand, 0, G_N_ELEMENTS(words))]);
		texts[0] = en->str;
		texts[1] = th->str;
		texts[2] = zh->str;
		texts[3] = content->str;
		texts[4] = code;
		entry = make_entry(topic_id, en->str, th->str, zh->str, content->str, code);
		cblue_kb_add(kb, entry);
		g_array_set_size(keys, 0);
		for (guint t = 0; t < G_N_ELEMENTS(texts); t++)
			cblue_ngram_extract(tokenizer, NULL, texts[t], keys);
		for (guint i = 0; i < keys->len; i++) {
			guint64 *key = &g_array_index(keys, guint64, i);
			if (g_hash_table_add(distinct, key))
				n_postings++;
			if (!g_hash_table_contains(all, key))
				g_hash_table_add(all, g_memdup2(key, sizeof(guint64)));
		}
	}
	cblue_ngram_params_init_default(&params);
	index = cblue_ngram_index_new(kb, tokenizer, &params);
	g_assert_cmpuint(cblue_ngram_index_get_n_terms(index), ==, g_hash_table_size(all));
	g_assert_cmpuint(cblue_ngram_index_get_n_postings(index), ==, n_postings);
	bytes = cblue_ngram_index_serialize(index);
	loaded = cblue_ngram_index_new_from_bytes(bytes, tokenizer, NULL, &error);
	g_assert_no_error(error);
	again = cblue_ngram_index_serialize(loaded);
	g_assert_true(g_bytes_equal(bytes, again));
	g_rand_free(rand);
}

/* the same with few candidates left when the long lists come (a rare product code in each
 * question): the long lists are then searched for the candidates only, block by block in
 * document order */
static void
test_ngram_pruning_lookups(void)
{
	static const gchar *const words[] = {"solar", "panel", "price", "install", "battery", "charger", "camera",
					     "network", "warranty", "service", "roof", "inverter", "home", "office"};
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(CblueKb) kb = cblue_kb_new();
	g_autoptr(CblueNgramIndex) index = NULL;
	g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func(g_free);
	CblueNgramParams params;
	GRand *rand = g_rand_new_with_seed(5);
	guint n_hits = 0;

	for (guint n = 0; n < 8000; n++) {
		g_autofree gchar *topic_id = g_strdup_printf("t%04u", n);
		g_autoptr(GString) code = g_string_new(NULL);
		g_autoptr(GString) question = g_string_new("how much is the");
		g_autoptr(GString) content = g_string_new(NULL);
		g_autoptr(CblueKbEntry) entry = cblue_kb_entry_new(topic_id);
		for (guint c = 0; c < 7; c++)
			g_string_append_c(code, (gchar)('a' + g_rand_int_range(rand, 0, 26)));
		for (guint w = 0; w < 3; w++)
			g_string_append_printf(question, " %s", words[g_rand_int_range(rand, 0, G_N_ELEMENTS(words))]);
		g_string_append_printf(question, " for model %s", code->str);
		for (guint w = 0; w < 25; w++)
			g_string_append_printf(content, "%s ", words[g_rand_int_range(rand, 0, G_N_ELEMENTS(words))]);
		cblue_kb_entry_add_question(entry, "en", question->str);
		cblue_kb_entry_set_content(entry, "en", content->str);
		cblue_kb_add(kb, entry);
		g_ptr_array_add(codes, g_string_free(g_steal_pointer(&code), FALSE));
	}
	cblue_ngram_params_init_default(&params);
	index = cblue_ngram_index_new(kb, tokenizer, &params);
	for (guint i = 0; i < 40; i++) {
		const gchar *code = g_ptr_array_index(codes, i * 199);
		g_autofree gchar *query = g_strdup_printf("price of the %s %s for model %s", words[i % G_N_ELEMENTS(words)],
							  words[(i * 5) % G_N_ELEMENTS(words)], code);
		g_autoptr(GPtrArray) pruned = cblue_ngram_index_search_full(index, query, 5, TRUE);
		g_autoptr(GPtrArray) full = cblue_ngram_index_search_full(index, query, 5, FALSE);
		n_hits += assert_identical_hits(pruned, full);
	}
	g_assert_cmpuint(n_hits, ==, 200);
	g_rand_free(rand);
}

/* an entry with more distinct n-grams than the per-document table first holds (it grows
 * while the entry is analyzed): every distinct n-gram of its text has its one posting, and a
 * search finds the entry by words from anywhere in it */
static void
test_ngram_long_entry(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(CblueKb) kb = cblue_kb_new();
	g_autoptr(CblueNgramIndex) index = NULL;
	g_autoptr(GHashTable) distinct = g_hash_table_new(g_int64_hash, g_int64_equal);
	g_autoptr(GArray) keys = g_array_new(FALSE, FALSE, sizeof(guint64));
	g_autoptr(CblueKbEntry) entry = cblue_kb_entry_new("long");
	g_autoptr(CblueKbEntry) other = cblue_kb_entry_new("other");
	g_autoptr(GString) content = g_string_new(NULL);
	CblueNgramParams params;
	gsize n_postings = 0;

	for (guint i = 0; i < 3000; i++)
		g_string_append_printf(content, "%sw%ux%u", i > 0 ? " " : "", i, i * 7919 % 10007);
	cblue_kb_entry_set_content(entry, "en", content->str);
	cblue_kb_entry_add_question(other, "en", "how much is a battery");
	cblue_kb_add(kb, entry);
	cblue_kb_add(kb, other);
	cblue_ngram_extract(tokenizer, NULL, content->str, keys);
	for (guint i = 0; i < keys->len; i++)
		g_hash_table_add(distinct, &g_array_index(keys, guint64, i));
	g_array_set_size(keys, 0);
	cblue_ngram_extract(tokenizer, NULL, "how much is a battery", keys);
	cblue_ngram_params_init_default(&params);
	index = cblue_ngram_index_new(kb, tokenizer, &params);
	n_postings = g_hash_table_size(distinct) + keys->len;
	g_assert_cmpuint(g_hash_table_size(distinct), >, 4096);
	/* (the question's n-grams are all distinct and share none with the content) */
	g_assert_cmpuint(cblue_ngram_index_get_n_postings(index), ==, n_postings);
	g_assert_cmpuint(cblue_ngram_index_get_n_terms(index), ==, n_postings);
	for (guint i = 0; i < 3000; i += 997) {
		g_autofree gchar *query = g_strdup_printf("w%ux%u", i, i * 7919 % 10007);
		g_autoptr(GPtrArray) hits = cblue_ngram_index_search(index, query, 3);
		g_assert_cmpuint(hits->len, ==, 1);
		g_assert_cmpstr(cblue_hit_get_topic_id(g_ptr_array_index(hits, 0)), ==, "long");
	}
}

/* more than 65,536 topics (documents past 16 bits, lists of hundreds of blocks): a topic of
 * each part is found, pruning or not, and the index survives its serialization */
static void
test_ngram_segments(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(CblueKb) kb = cblue_kb_new();
	g_autoptr(CblueNgramIndex) index = NULL;
	g_autoptr(CblueNgramIndex) loaded = NULL;
	g_autoptr(GBytes) bytes = NULL;
	g_autoptr(GBytes) again = NULL;
	g_autoptr(GError) error = NULL;
	static const guint probes[] = {0, 65535, 65536, 65537, 66199};
	CblueNgramParams params;

	for (guint n = 0; n < 66200; n++) {
		g_autofree gchar *topic_id = g_strdup_printf("t%05u", n);
		g_autofree gchar *question = g_strdup_printf("price of model q%u%s", n, n % 2 ? " battery" : "");
		g_autoptr(CblueKbEntry) entry = cblue_kb_entry_new(topic_id);
		cblue_kb_entry_add_question(entry, "en", question);
		cblue_kb_add(kb, entry);
	}
	cblue_ngram_params_init_default(&params);
	index = cblue_ngram_index_new(kb, tokenizer, &params);
	bytes = cblue_ngram_index_serialize(index);
	loaded = cblue_ngram_index_new_from_bytes(bytes, tokenizer, NULL, &error);
	g_assert_no_error(error);
	again = cblue_ngram_index_serialize(loaded);
	g_assert_true(g_bytes_equal(bytes, again));
	for (guint i = 0; i < G_N_ELEMENTS(probes); i++) {
		g_autofree gchar *query = g_strdup_printf("model q%u price", probes[i]);
		g_autofree gchar *expected = g_strdup_printf("t%05u", probes[i]);
		g_autoptr(GPtrArray) pruned = cblue_ngram_index_search_full(loaded, query, 5, TRUE);
		g_autoptr(GPtrArray) full = cblue_ngram_index_search_full(index, query, 5, FALSE);
		g_assert_cmpuint(assert_identical_hits(pruned, full), >, 0);
		g_assert_cmpstr(cblue_hit_get_topic_id(g_ptr_array_index(pruned, 0)), ==, expected);
	}
}

/* the retriever rebuilds incrementally on a publish */
static void
test_ngram_retriever_incremental(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(CblueRetrieverNgram) retriever = cblue_retriever_ngram_new(tokenizer, NULL, "test");
	g_autoptr(CblueKb) kb = make_kb();
	g_autoptr(CblueKb) next = cblue_kb_new();
	g_autoptr(CblueKbEntry) added = make_entry("battery", "Do you sell home batteries?", "ขายแบตเตอรี่บ้านไหม",
						   "你们卖家用电池吗", "We sell 10 kWh home batteries.", "battery storage");
	g_autoptr(GError) error = NULL;

	g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), kb, &error));
	g_assert_cmpuint(cblue_retrieval_holder_get_n_analyzed(cblue_retriever_ngram_get_holder(retriever)), ==, 3);
	for (guint i = 0; i < cblue_kb_get_size(kb); i++)
		cblue_kb_add(next, g_ptr_array_index(cblue_kb_get_entries(kb), i));
	cblue_kb_add(next, added);
	g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), next, &error));
	g_assert_cmpuint(cblue_retrieval_holder_get_n_analyzed(cblue_retriever_ngram_get_holder(retriever)), ==, 4);
}

/* A build analyzes the entries on several threads (sharing the tokenizer) and takes their
 * n-grams in the KB's order: the index is byte for byte the one a single thread builds,
 * full or incremental, on any number of threads (more than the CPUs too: the chunks then
 * finish in any order). */
static void
test_ngram_threads(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(CblueKb) kb = cblue_test_make_mixed_kb(2, FALSE);
	g_autoptr(CblueKb) next = cblue_test_make_mixed_kb(2, TRUE);
	g_autoptr(CblueNgramIndex) one = NULL;
	g_autoptr(CblueNgramIndex) next_one = NULL;
	g_autoptr(GBytes) one_bytes = NULL;
	g_autoptr(GBytes) next_bytes = NULL;
	const guint threads[] = {3, 8};
	const gchar *queries[] = {"solar panel price", "ติดกล้องวงจรปิด", "安装太阳能板多少钱", "warranty"};
	CblueNgramParams params;
	guint n_analyzed = 0;

	cblue_ngram_params_init_default(&params);
	one = cblue_ngram_index_build(kb, tokenizer, NULL, &params, NULL, 1, &n_analyzed);
	g_assert_cmpuint(n_analyzed, ==, cblue_kb_get_size(kb));
	one_bytes = cblue_ngram_index_serialize(one);
	next_one = cblue_ngram_index_build(next, tokenizer, NULL, &params, NULL, 1, NULL);
	next_bytes = cblue_ngram_index_serialize(next_one);
	for (guint i = 0; i < G_N_ELEMENTS(threads); i++) {
		g_autoptr(CblueNgramIndex) many = cblue_ngram_index_build(kb, tokenizer, NULL, &params, NULL, threads[i], NULL);
		g_autoptr(CblueNgramIndex) incremental = NULL;
		g_autoptr(GBytes) many_bytes = cblue_ngram_index_serialize(many);
		g_autoptr(GBytes) incremental_bytes = NULL;
		g_test_message("%u threads", threads[i]);
		g_assert_true(g_bytes_equal(one_bytes, many_bytes));
		for (guint q = 0; q < G_N_ELEMENTS(queries); q++)
			assert_same_hits(one, many, queries[q]);
		/* a publish that changes every seventh entry */
		incremental = cblue_ngram_index_build(next, tokenizer, NULL, &params, many, threads[i], &n_analyzed);
		g_assert_cmpuint(n_analyzed, ==, (cblue_kb_get_size(next) + 3) / 7);
		incremental_bytes = cblue_ngram_index_serialize(incremental);
		g_assert_true(g_bytes_equal(next_bytes, incremental_bytes));
	}
	/* the retriever's setting */
	{
		g_autoptr(CblueRetrieverNgram) single = cblue_retriever_ngram_new(tokenizer, NULL, "test");
		g_autoptr(CblueRetrieverNgram) parallel = cblue_retriever_ngram_new(tokenizer, NULL, "test");
		g_autoptr(CblueNgramIndex) a = NULL;
		g_autoptr(CblueNgramIndex) b = NULL;
		g_autoptr(GBytes) x = NULL;
		g_autoptr(GBytes) y = NULL;
		g_autoptr(GError) error = NULL;
		cblue_retrieval_holder_set_build_threads(cblue_retriever_ngram_get_holder(single), 1);
		cblue_retrieval_holder_set_build_threads(cblue_retriever_ngram_get_holder(parallel), 4);
		g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(single), kb, &error));
		g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(parallel), kb, &error));
		a = cblue_retriever_ngram_get_index(single);
		b = cblue_retriever_ngram_get_index(parallel);
		x = cblue_ngram_index_serialize(a);
		y = cblue_ngram_index_serialize(b);
		g_assert_true(g_bytes_equal(x, y));
	}
}

/* a passage with a sample question: the sample question's words do not outweigh the content */
static CblueKbEntry *
make_passage(const gchar *topic_id, const gchar *question, const gchar *content)
{
	CblueKbEntry *entry = cblue_kb_entry_new(topic_id);
	cblue_kb_entry_add_question(entry, "en", question);
	cblue_kb_entry_set_content(entry, "en", content);
	return entry;
}

static const gchar *
top_topic(CblueNgramIndex *index, const gchar *query)
{
	g_autoptr(GPtrArray) hits = cblue_ngram_index_search(index, query, 3);
	g_assert_cmpuint(hits->len, >, 0);
	return g_intern_string(cblue_hit_get_topic_id(g_ptr_array_index(hits, 0)));
}

/* An entry whose example questions are short beside its content (a passage) has them
 * weighed as content: the passage that holds the answer beats the one whose sample
 * question shares the asker's words, which the FAQ weights (questions ×3) would rank
 * first. FAQ-shaped entries are indexed as before. */
static void
test_ngram_passages(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(CblueKb) passages = cblue_kb_new();
	g_autoptr(CblueKb) faq = make_kb();
	g_autoptr(CblueKbEntry) history = make_passage(
	    "museum-history", "In what year did Anna Berg retire?",
	    "The city museum opened in 1901 after ten years of building work. Its first director was Anna "
	    "Berg, a painter who bought most of the early collection herself and lived in two rooms above "
	    "the main hall until she retired in 1932, when the council took the collection over.");
	g_autoptr(CblueKbEntry) garden = make_passage(
	    "museum-garden", "Which director of the city museum planted its garden?",
	    "Behind the building lies a walled garden with old pear trees, a fish pond and a glass house "
	    "for tropical plants. It was laid out in 1935 by Karl Ode, who also rebuilt the east wing. "
	    "The garden is open from April to October; guided walks start at the fountain on Sundays.");
	g_autoptr(CblueNgramIndex) adapted = NULL;
	g_autoptr(CblueNgramIndex) fixed = NULL;
	const gchar *query = "Who was the first director of the city museum?";
	CblueNgramParams params;

	cblue_kb_add(passages, history);
	cblue_kb_add(passages, garden);
	cblue_ngram_params_init_default(&params);
	adapted = cblue_ngram_index_new(passages, tokenizer, &params);
	g_assert_cmpstr(top_topic(adapted, query), ==, "museum-history");
	params.passage_ratio = 0;
	fixed = cblue_ngram_index_new(passages, tokenizer, &params);
	g_assert_cmpstr(top_topic(fixed, query), ==, "museum-garden");

	/* FAQ entries (questions longer than their content) keep the field weights */
	g_clear_pointer(&adapted, cblue_ngram_index_unref);
	g_clear_pointer(&fixed, cblue_ngram_index_unref);
	cblue_ngram_params_init_default(&params);
	adapted = cblue_ngram_index_new(faq, tokenizer, &params);
	params.passage_ratio = 0;
	fixed = cblue_ngram_index_new(faq, tokenizer, &params);
	assert_same_hits(adapted, fixed, "solar panel price");
	assert_same_hits(adapted, fixed, "ติดกล้องวงจรปิด");
	assert_same_hits(adapted, fixed, "充电桩 wallbox");
}

/* the best hit of @query in @index (asserted to exist) */
static CblueHit *
search_best(CblueNgramIndex *index, const gchar *query)
{
	g_autoptr(GPtrArray) hits = cblue_ngram_index_search(index, query, 3);
	g_assert_cmpuint(hits->len, >, 0);
	g_test_message("%s → %s %.3f (confidence %.3f)", query, cblue_hit_get_topic_id(g_ptr_array_index(hits, 0)),
		       cblue_hit_get_score(g_ptr_array_index(hits, 0)),
		       cblue_hit_get_confidence(g_ptr_array_index(hits, 0)));
	return g_object_ref(g_ptr_array_index(hits, 0));
}

/* the confidence of @topic_id for @query in @index, 0 if it is not a hit */
static gdouble
confidence_of(CblueNgramIndex *index, const gchar *query, const gchar *topic_id)
{
	g_autoptr(GPtrArray) hits = cblue_ngram_index_search(index, query, 5);
	for (guint i = 0; i < hits->len; i++) {
		if (g_strcmp0(cblue_hit_get_topic_id(g_ptr_array_index(hits, i)), topic_id) == 0)
			return cblue_hit_get_confidence(g_ptr_array_index(hits, i));
	}
	return 0;
}

/* A question that uses a synonym (the bundled families of each language, or a business's
 * own) reaches the entry written with the other word, with the confidence of the same
 * question written with the entry's word; without the synonyms it does not. */
static void
test_ngram_synonyms(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueRetrievalSynonyms) synonyms = cblue_retrieval_synonyms_new(tokenizer);
	const gchar *shop = "# the business's own word\ncctv, zorblax\n";
	g_autoptr(CblueKb) kb = make_kb();
	g_autoptr(CblueNgramIndex) with = NULL;
	g_autoptr(CblueNgramIndex) without = NULL;
	CblueNgramParams params;
	/* {question with a synonym, the same with the entry's word, the entry} */
	const gchar *cases[][3] = {
	    {"photovoltaic rooftop price", "solar rooftop price", "solar-price"},
	    {"zorblax for my shop", "cctv for my shop", "cctv"},
	    {"ติดโซล่าเซลล์ราคาเท่าไหร่คะ", "ติดโซลาร์เซลล์ราคาเท่าไหร่คะ", "solar-price"},
	    {"安装光伏板要多少钱", "安装太阳能板要多少钱", "solar-price"},
	    {"家里能装充电器吗", "家里能装充电桩吗", "ev-charger"},
	};
	/* code-mixed: the English word as th.txt and zh.txt read it in their language, the same
	 * n-grams as the question written in it (the spaces around the word stay: they cut the
	 * Thai n-grams as they would around the Thai word); the entries' own English words give
	 * the code-mixed question a confidence without the synonyms too, but not the same one */
	const gchar *mixed[][3] = {
	    {"ติด solar ราคาเท่าไหร่คะ", "ติด โซลาร์เซลล์ ราคาเท่าไหร่คะ", "solar-price"},
	    {"EV charger ที่บ้านติดยังไง", "ที่ชาร์จรถยนต์ไฟฟ้า ที่บ้านติดยังไง", "ev-charger"},
	    {"装solar要多少钱", "装太阳能要多少钱", "solar-price"},
	    {"家里能装EV charger吗", "家里能装充电桩吗", "ev-charger"},
	};

	for (const gchar *const *lang = (const gchar *const[]){"en", "th", "zh", NULL}; *lang != NULL; lang++) {
		g_autofree gchar *path = g_strdup_printf("/ai/cblue/synonyms/%s.txt", *lang);
		g_autoptr(GBytes) bytes = g_resources_lookup_data(path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
		gsize len = 0;
		const gchar *data;
		g_assert_no_error(error);
		data = g_bytes_get_data(bytes, &len);
		g_assert_true(cblue_retrieval_synonyms_add_data(synonyms, data, len, path, &error));
		g_assert_no_error(error);
	}
	g_assert_true(cblue_retrieval_synonyms_add_data(synonyms, shop, strlen(shop), "shop.txt", &error));
	g_assert_no_error(error);
	cblue_retrieval_synonyms_seal(synonyms);
	cblue_ngram_params_init_default(&params);
	with = cblue_ngram_index_build(kb, tokenizer, synonyms, &params, NULL, 1, NULL);
	without = cblue_ngram_index_build(kb, tokenizer, NULL, &params, NULL, 1, NULL);

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(CblueHit) variant = search_best(with, cases[i][0]);
		g_autoptr(CblueHit) entry_word = search_best(with, cases[i][1]);
		gdouble before = confidence_of(without, cases[i][0], cases[i][2]);

		g_assert_cmpstr(cblue_hit_get_topic_id(variant), ==, cases[i][2]);
		g_assert_cmpstr(cblue_hit_get_topic_id(entry_word), ==, cases[i][2]);
		g_assert_cmpfloat_with_epsilon(cblue_hit_get_confidence(variant), cblue_hit_get_confidence(entry_word),
					       0.02);
		/* the synonyms are what made the difference */
		g_test_message("%s without synonyms: confidence %.3f", cases[i][0], before);
		g_assert_cmpfloat(before, <, cblue_hit_get_confidence(variant) - 0.05);
	}
	for (guint i = 0; i < G_N_ELEMENTS(mixed); i++) {
		g_autoptr(CblueHit) variant = search_best(with, mixed[i][0]);
		g_autoptr(CblueHit) native = search_best(with, mixed[i][1]);
		g_autoptr(CblueHit) before = search_best(without, mixed[i][0]);

		g_assert_cmpstr(cblue_hit_get_topic_id(variant), ==, mixed[i][2]);
		g_assert_cmpstr(cblue_hit_get_topic_id(native), ==, mixed[i][2]);
		g_assert_cmpfloat_with_epsilon(cblue_hit_get_score(variant), cblue_hit_get_score(native), 1e-9);
		g_assert_cmpfloat_with_epsilon(cblue_hit_get_confidence(variant), cblue_hit_get_confidence(native), 1e-9);
		g_assert_cmpfloat(ABS(cblue_hit_get_score(before) - cblue_hit_get_score(native)), >, 1e-3);
	}
}

/* An incremental build reuses an entry's n-grams only from an index of the same synonyms:
 * other synonyms analyze every entry again, and give a full build's index */
static void
test_ngram_synonyms_incremental(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueRetrievalSynonyms) synonyms = cblue_retrieval_synonyms_new(tokenizer);
	const gchar *shop = "cctv, zorblax\n";
	g_autoptr(CblueKb) kb = make_kb();
	g_autoptr(CblueNgramIndex) plain = NULL;
	g_autoptr(CblueNgramIndex) incremental = NULL;
	g_autoptr(CblueNgramIndex) full = NULL;
	g_autoptr(CblueNgramIndex) same = NULL;
	g_autoptr(GBytes) a = NULL;
	g_autoptr(GBytes) b = NULL;
	CblueNgramParams params;
	guint n_analyzed = 0;

	g_assert_true(cblue_retrieval_synonyms_add_data(synonyms, shop, strlen(shop), "shop.txt", &error));
	cblue_retrieval_synonyms_seal(synonyms);
	cblue_ngram_params_init_default(&params);
	plain = cblue_ngram_index_build(kb, tokenizer, NULL, &params, NULL, 1, NULL);
	incremental = cblue_ngram_index_build(kb, tokenizer, synonyms, &params, plain, 1, &n_analyzed);
	g_assert_cmpuint(n_analyzed, ==, cblue_kb_get_size(kb));
	full = cblue_ngram_index_build(kb, tokenizer, synonyms, &params, NULL, 1, NULL);
	a = cblue_ngram_index_serialize(incremental);
	b = cblue_ngram_index_serialize(full);
	g_assert_true(g_bytes_equal(a, b));
	same = cblue_ngram_index_build(kb, tokenizer, synonyms, &params, full, 1, &n_analyzed);
	g_assert_cmpuint(n_analyzed, ==, 0);
}

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

static const gchar *
retriever_top(CblueRetrieverNgram *retriever, const gchar *text)
{
	g_autoptr(CblueMessage) message = cblue_message_new(text);
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) hits = cblue_retriever_search(CBLUE_RETRIEVER(retriever), message, 3, &error);
	g_assert_no_error(error);
	return hits->len > 0 ? g_intern_string(cblue_hit_get_topic_id(g_ptr_array_index(hits, 0))) : NULL;
}

/* iterates the main context until @n builds were installed */
static void
wait_for_builds(CblueRetrieverNgram *retriever, guint n)
{
	gint64 deadline = g_get_monotonic_time() + 20 * G_USEC_PER_SEC;
	while (cblue_retrieval_holder_get_n_builds(cblue_retriever_ngram_get_holder(retriever)) < n) {
		g_assert_cmpint(g_get_monotonic_time(), <, deadline);
		g_main_context_iteration(NULL, FALSE);
		g_usleep(5000);
	}
}

static void
remove_dir(const gchar *path)
{
	g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
	const gchar *name;
	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
		g_autofree gchar *file = g_build_filename(path, name, NULL);
		g_unlink(file);
	}
	g_rmdir(path);
}

/* While serving: a change of the synonyms folder rebuilds the index with them (every entry
 * analyzed again, not taken from the index of the previous synonyms), a broken file is refused with its file and line and the synonyms
 * in force stay, a removed one goes back to the bundled synonyms */
static void
test_ngram_synonyms_reload(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *root = g_dir_make_tmp("cblue-ngram-XXXXXX", &error);
	g_autofree gchar *dir = g_build_filename(root, "synonyms", NULL);
	g_autofree gchar *cache_dir = g_build_filename(root, "cache", NULL);
	g_autofree gchar *path = g_build_filename(dir, "shop.txt", NULL);
	g_autoptr(CblueKb) kb = make_kb();
	g_autoptr(CblueRetrieverNgram) retriever = cblue_retriever_ngram_new(tokenizer, NULL, "test");

	g_assert_no_error(error);
	cblue_retrieval_holder_set_cache_dir(cblue_retriever_ngram_get_holder(retriever), cache_dir);
	g_assert_true(cblue_retrieval_holder_set_synonyms_dir(cblue_retriever_ngram_get_holder(retriever), dir, TRUE, &error));
	g_assert_no_error(error);
	g_assert_true(g_file_test(dir, G_FILE_TEST_IS_DIR));
	g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), kb, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(cblue_retrieval_holder_get_n_builds(cblue_retriever_ngram_get_holder(retriever)), ==, 1);
	g_assert_null(retriever_top(retriever, "zorblax"));
	/* the bundled synonyms are in force */
	g_assert_cmpstr(retriever_top(retriever, "光伏"), ==, "solar-price");

	/* a new word for CCTV */
	g_file_set_contents(path, "# shop slang\ncctv, zorblax\n", -1, &error);
	g_assert_no_error(error);
	wait_for_builds(retriever, 2);
	g_assert_cmpstr(retriever_top(retriever, "zorblax"), ==, "cctv");
	g_assert_cmpuint(cblue_retrieval_holder_get_n_analyzed(cblue_retriever_ngram_get_holder(retriever)), ==, 2 * cblue_kb_get_size(kb));

	/* broken: refused with the file and line, the synonyms in force stay */
	g_file_set_contents(path, "cctv, zorblax\nsolar\n", -1, &error);
	g_assert_no_error(error);
	{
		gint64 deadline = g_get_monotonic_time() + 20 * G_USEC_PER_SEC;
		while (count_warnings("*shop.txt:2: a synonym group needs two*") == 0) {
			g_assert_cmpint(g_get_monotonic_time(), <, deadline);
			g_main_context_iteration(NULL, FALSE);
			g_usleep(5000);
		}
	}
	g_assert_cmpuint(count_warnings("synonyms not reloaded, the previous ones stay in force: *"), ==, 1);
	g_assert_false(cblue_retrieval_holder_reload_synonyms(cblue_retriever_ngram_get_holder(retriever), &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_clear_error(&error);
	g_assert_cmpuint(cblue_retrieval_holder_get_n_builds(cblue_retriever_ngram_get_holder(retriever)), ==, 2);
	g_assert_cmpstr(retriever_top(retriever, "zorblax"), ==, "cctv");

	/* removed: back to the bundled synonyms */
	g_unlink(path);
	wait_for_builds(retriever, 3);
	g_assert_null(retriever_top(retriever, "zorblax"));

	/* a publish uses the synonyms in force */
	g_file_set_contents(path, "solar panel, zorblax\n", -1, &error);
	g_assert_no_error(error);
	wait_for_builds(retriever, 4);
	g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), kb, &error));
	g_assert_no_error(error);
	g_assert_cmpstr(retriever_top(retriever, "zorblax"), ==, "solar-price");

	g_clear_object(&retriever);
	remove_dir(dir);
	remove_dir(cache_dir);
	g_rmdir(root);
}

/* a broken synonyms folder at start-up: reported with file and line, the bundled synonyms
 * are used */
static void
test_ngram_synonyms_broken_at_start(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *dir = g_dir_make_tmp("cblue-synonyms-XXXXXX", &error);
	g_autofree gchar *path = g_build_filename(dir, "en.txt", NULL);
	g_autoptr(CblueRetrieverNgram) retriever = cblue_retriever_ngram_new(tokenizer, NULL, "test");
	g_autoptr(CblueKb) kb = make_kb();

	g_file_set_contents(path, "pv, solar\n\nx\n", -1, &error);
	g_assert_no_error(error);
	g_assert_false(cblue_retrieval_holder_set_synonyms_dir(cblue_retriever_ngram_get_holder(retriever), dir, FALSE, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_suffix(error->message, "en.txt:3: a synonym group needs two different terms, "
						       "separated by commas"));
	g_clear_error(&error);
	g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), kb, &error));
	g_assert_no_error(error);
	g_assert_cmpstr(retriever_top(retriever, "光伏"), ==, "solar-price");
	g_unlink(path);
	g_rmdir(dir);
}

/* the bot's search without a CblueHit a hit gives the public search's hits */
static void
test_ngram_search_each(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(CblueRetrieverNgram) retriever = cblue_retriever_ngram_new(tokenizer, NULL, "test");
	cblue_test_check_search_each(CBLUE_RETRIEVER(retriever));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
	captured_warnings = g_ptr_array_new_with_free_func(g_free);
	g_log_set_writer_func(capture_writer, NULL, NULL);
	g_test_add_func("/cblue/ngram/pruning", test_ngram_pruning);
	g_test_add_func("/cblue/ngram/pruning-lookups", test_ngram_pruning_lookups);
	g_test_add_func("/cblue/ngram/approximate", test_ngram_approximate);
	g_test_add_func("/cblue/ngram/segments", test_ngram_segments);
	g_test_add_func("/cblue/ngram/postings", test_ngram_postings);
	g_test_add_func("/cblue/ngram/long-entry", test_ngram_long_entry);
	g_test_add("/cblue/ngram/languages", Fixture, NULL, fixture_setup, test_ngram_languages, fixture_teardown);
	g_test_add("/cblue/ngram/robust", Fixture, NULL, fixture_setup, test_ngram_robust, fixture_teardown);
	g_test_add("/cblue/ngram/nothing", Fixture, NULL, fixture_setup, test_ngram_nothing, fixture_teardown);
	g_test_add_func("/cblue/ngram/extract", test_ngram_extract);
	g_test_add("/cblue/ngram/serialize", Fixture, NULL, fixture_setup, test_ngram_serialize, fixture_teardown);
	g_test_add("/cblue/ngram/forged", Fixture, NULL, fixture_setup, test_ngram_forged, fixture_teardown);
	g_test_add_func("/cblue/ngram/retriever", test_ngram_retriever);
	g_test_add_func("/cblue/ngram/search-each", test_ngram_search_each);
	g_test_add_func("/cblue/ngram/cache", test_ngram_cache);
	g_test_add_func("/cblue/ngram/incremental", test_ngram_incremental);
	g_test_add_func("/cblue/ngram/retriever-incremental", test_ngram_retriever_incremental);
	g_test_add_func("/cblue/ngram/threads", test_ngram_threads);
	g_test_add_func("/cblue/ngram/passages", test_ngram_passages);
	g_test_add_func("/cblue/ngram/synonyms", test_ngram_synonyms);
	g_test_add_func("/cblue/ngram/synonyms/incremental", test_ngram_synonyms_incremental);
	g_test_add_func("/cblue/ngram/synonyms/reload", test_ngram_synonyms_reload);
	g_test_add_func("/cblue/ngram/synonyms/broken-at-start", test_ngram_synonyms_broken_at_start);
	return g_test_run();
}
