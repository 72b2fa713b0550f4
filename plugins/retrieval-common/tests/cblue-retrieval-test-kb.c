/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* KBs the retrieval plugins' tests share */

#include "config.h"

#include "cblue-retrieval-test-kb.h"
#include "cblue-retriever-private.h"

/* @copies of the bundled KB's entries, each copy mixing every entry's first questions and
 * content with other entries' (en, th and zh: the segmenters of all three scripts at work); with
 * @changed, every seventh entry has another content */
CblueKb *
cblue_test_make_mixed_kb(guint copies, gboolean changed)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueKb) bundled = cblue_kb_new_bundled(&error);
	CblueKb *kb = cblue_kb_new();
	GPtrArray *entries;

	g_assert_no_error(error);
	entries = cblue_kb_get_entries(bundled);
	for (guint k = 0; k < copies; k++) {
		for (guint i = 0; i < entries->len; i++) {
			CblueKbEntry *base = g_ptr_array_index(entries, i);
			CblueKbEntry *other = g_ptr_array_index(entries, (i + k + 1) % entries->len);
			guint from = changed && (k * entries->len + i) % 7 == 3 ? i + k + 2 : i + k;
			CblueKbEntry *content = g_ptr_array_index(entries, from % entries->len);
			g_autofree gchar *topic_id = g_strdup_printf("%s-%u", cblue_kb_entry_get_topic_id(base), k);
			g_autoptr(CblueKbEntry) entry = cblue_kb_entry_new(topic_id);
			g_autoptr(GPtrArray) langs = cblue_kb_entry_get_languages(base);
			for (guint l = 0; l < langs->len; l++) {
				const gchar *lang = g_ptr_array_index(langs, l);
				const gchar *const *questions = cblue_kb_entry_get_questions(base, lang);
				const gchar *const *more = cblue_kb_entry_get_questions(other, lang);
				for (guint q = 0; questions[q] != NULL && q < 3; q++)
					cblue_kb_entry_add_question(entry, lang, questions[q]);
				if (more[0] != NULL)
					cblue_kb_entry_add_question(entry, lang, more[0]);
				if (cblue_kb_entry_get_content(content, lang) != NULL)
					cblue_kb_entry_set_content(entry, lang, cblue_kb_entry_get_content(content, lang));
			}
			cblue_kb_entry_set_keywords(entry, cblue_kb_entry_get_keywords(base));
			cblue_kb_add(kb, entry);
		}
	}
	return kb;
}

static void
cblue_test_collect_hit(const gchar *topic_id, gdouble score, gdouble confidence, gpointer user_data)
{
	g_ptr_array_add(user_data, cblue_hit_new(topic_id, score, confidence));
}

/* the hits of @texts, how many in all */
static guint
cblue_test_assert_search_each(CblueRetriever *retriever, const gchar *const *texts, guint max_hits)
{
	CblueRetrieverSearchEachFunc search_each = cblue_retriever_get_search_each(retriever);
	guint n_hits = 0;

	g_assert_nonnull(search_each);
	for (guint t = 0; texts[t] != NULL; t++) {
		g_autoptr(CblueMessage) message = cblue_message_new(texts[t]);
		g_autoptr(GPtrArray) hits = NULL;
		g_autoptr(GPtrArray) handed = g_ptr_array_new_with_free_func(g_object_unref);
		g_autoptr(GError) error = NULL;

		hits = cblue_retriever_search(retriever, message, max_hits, &error);
		g_assert_no_error(error);
		g_assert_true(search_each(retriever, message, max_hits, cblue_test_collect_hit, handed, &error));
		g_assert_no_error(error);
		g_assert_cmpuint(handed->len, ==, hits->len);
		for (guint i = 0; i < hits->len; i++) {
			CblueHit *a = g_ptr_array_index(hits, i);
			CblueHit *b = g_ptr_array_index(handed, i);
			g_assert_cmpstr(cblue_hit_get_topic_id(a), ==, cblue_hit_get_topic_id(b));
			g_assert_true(cblue_hit_get_score(a) == cblue_hit_get_score(b));
			g_assert_true(cblue_hit_get_confidence(a) == cblue_hit_get_confidence(b));
		}
		n_hits += hits->len;
	}
	return n_hits;
}

void
cblue_test_check_search_each(CblueRetriever *retriever)
{
	static const gchar *const texts[] = {
	    "How much does a solar rooftop system cost?",
	    "ติดกล้องวงจรปิดที่ร้านได้ไหม",
	    "安装太阳能板多少钱",
	    "zorblax",
	    /* long enough for more than a few dozen n-grams of every script */
	    "Hello, I would like to know how much a solar rooftop with a battery costs for my house, and "
	    "whether you can also install security cameras and an EV charger at the same time. "
	    "ติดโซลาร์เซลล์พร้อมแบตเตอรี่ราคาเท่าไหร่ และติดกล้องวงจรปิดกับที่ชาร์จรถไฟฟ้าได้ไหม "
	    "安装太阳能板和电池多少钱，可以同时安装监控摄像头和电动车充电桩吗",
	    NULL,
	};
	g_autoptr(CblueKb) kb = cblue_test_make_mixed_kb(1, FALSE);
	g_autoptr(GError) error = NULL;

	g_assert_cmpuint(cblue_test_assert_search_each(retriever, texts, 5), ==, 0);
	g_assert_true(cblue_retriever_rebuild(retriever, kb, &error));
	g_assert_no_error(error);
	g_assert_cmpuint(cblue_test_assert_search_each(retriever, texts, 5), >, 10);
	g_assert_cmpuint(cblue_test_assert_search_each(retriever, texts, 40), >, 40);
}
