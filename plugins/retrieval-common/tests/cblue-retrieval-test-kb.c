/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* KBs the retrieval plugins' tests share */

#include "config.h"

#include "cblue-retrieval-test-kb.h"

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
