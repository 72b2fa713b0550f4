/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-test-utils.h"

static const gchar *const langs[] = {"en", "th", "zh", NULL};

static const gchar *valid_array =
    "[{\"topic_id\":\"a\",\"category\":\"solar\",\"tags\":[\"x\"],\"keywords\":[\"k\"],"
    "\"questions\":{\"en\":[\"q1\"],\"th\":[\"ถาม\"]},\"content\":{\"en\":\"A\",\"zh\":\"甲\"}},"
    "{\"topic_id\":\"b\",\"content\":{\"th\":\"ข\"}}]";

static void
test_kb_parse_array(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) entries = cblue_kb_parse_data(valid_array, strlen(valid_array), "t.json", langs, &error);
	CblueKbEntry *a;
	g_assert_no_error(error);
	g_assert_cmpuint(entries->len, ==, 2);
	a = g_ptr_array_index(entries, 0);
	g_assert_cmpstr(cblue_kb_entry_get_topic_id(a), ==, "a");
	g_assert_cmpstr(cblue_kb_entry_get_category(a), ==, "solar");
	g_assert_cmpstr(cblue_kb_entry_get_questions(a, "th")[0], ==, "ถาม");
	g_assert_cmpstr(cblue_kb_entry_get_content(a, "zh"), ==, "甲");
	/* th falls back to English content */
	g_assert_cmpstr(cblue_kb_entry_get_content_for(a, "th", NULL), ==, "A");
}

static void
test_kb_parse_jsonl_roundtrip(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) entries = cblue_kb_parse_data(valid_array, strlen(valid_array), "t.json", langs, &error);
	g_autofree gchar *jsonl = cblue_kb_entries_to_json(entries, TRUE);
	g_autoptr(GPtrArray) again = cblue_kb_parse_data(jsonl, strlen(jsonl), "t.jsonl", langs, &error);
	g_autofree gchar *jsonl2 = NULL;
	g_assert_no_error(error);
	g_assert_cmpuint(again->len, ==, 2);
	jsonl2 = cblue_kb_entries_to_json(again, TRUE);
	g_assert_cmpstr(jsonl, ==, jsonl2);
	g_assert_nonnull(strstr(jsonl, "\"topic_id\":\"b\""));
}

typedef struct {
	const gchar *name;
	const gchar *data;
	const gchar *expect; /* a part of the error message */
} BadCase;

static const BadCase bad_cases[] = {
    {"bad-json", "[{\"topic_id\": \"a\", ", "bad.json"},
    {"unknown-field", "[{\"topic_id\":\"a\",\"content\":{\"en\":\"x\"},\"colour\":1}]", "unknown field “colour”"},
    {"missing-topic-id", "[{\"content\":{\"en\":\"x\"}}]", "entry 1: missing “topic_id”"},
    {"duplicate", "[{\"topic_id\":\"a\",\"content\":{\"en\":\"x\"}},{\"topic_id\":\"a\",\"content\":{\"en\":\"y\"}}]",
     "entry 2: duplicate topic_id “a”"},
    {"disabled-language", "[{\"topic_id\":\"a\",\"content\":{\"fr\":\"x\"}}]", "language “fr”"},
    {"no-content", "[{\"topic_id\":\"a\",\"questions\":{\"en\":[\"q\"]}}]", "at least one language"},
    {"bad-topic-id", "[{\"topic_id\":\"a b\",\"content\":{\"en\":\"x\"}}]", "invalid “topic_id”"},
    {"jsonl-line", "{\"topic_id\":\"a\",\"content\":{\"en\":\"x\"}}\n\n{\"topic_id\":\"b\"}\n", "line 3"},
    {"not-object", "[1]", "entry 1"},
    {"invalid-utf8", "[{\"topic_id\":\"a\",\"content\":{\"en\":\"\xff\xfe\"}}]", "invalid UTF-8"},
    {"wrong-type", "[{\"topic_id\":\"a\",\"content\":{\"en\":\"x\"},\"tags\":\"solar\"}]", "“tags” must be"},
};

static void
test_kb_parse_bad(gconstpointer data)
{
	const BadCase *c = data;
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) entries = cblue_kb_parse_data(c->data, strlen(c->data), "bad.json", langs, &error);
	g_assert_null(entries);
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_test_message("%s", error->message);
	g_assert_nonnull(strstr(error->message, "bad.json"));
	g_assert_nonnull(strstr(error->message, c->expect));
}

static void
test_kb_merge(void)
{
	g_autoptr(CblueKb) kb = cblue_kb_new();
	g_autoptr(CblueKbEntry) a1 = cblue_kb_entry_new("a");
	g_autoptr(CblueKbEntry) b = cblue_kb_entry_new("b");
	g_autoptr(CblueKbEntry) a2 = cblue_kb_entry_new("a");
	cblue_kb_entry_set_content(a2, "en", "new");
	cblue_kb_add(kb, a1);
	cblue_kb_add(kb, b);
	cblue_kb_add(kb, a2);
	g_assert_cmpuint(cblue_kb_get_size(kb), ==, 2);
	g_assert_true(cblue_kb_lookup(kb, "a") == a2);
	g_assert_true(g_ptr_array_index(cblue_kb_get_entries(kb), 0) == a2);
	g_assert_true(cblue_kb_remove(kb, "b"));
	g_assert_false(cblue_kb_remove(kb, "b"));
	g_assert_cmpuint(cblue_kb_get_size(kb), ==, 1);
}

/* the bundled KB: 40+ topics, each with content and 3+ example questions in every language */
static void
test_kb_bundled(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueKb) kb = cblue_kb_new_bundled(&error);
	GPtrArray *entries;
	g_assert_no_error(error);
	entries = cblue_kb_get_entries(kb);
	g_assert_cmpuint(entries->len, >=, 40);
	for (guint i = 0; i < entries->len; i++) {
		CblueKbEntry *e = g_ptr_array_index(entries, i);
		for (guint l = 0; langs[l] != NULL; l++) {
			g_assert_nonnull(cblue_kb_entry_get_content(e, langs[l]));
			g_assert_cmpuint(g_strv_length((gchar **)cblue_kb_entry_get_questions(e, langs[l])), >=, 3);
		}
	}
}

static void
test_kb_file_not_found(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) entries = cblue_kb_parse_file("/nonexistent/kb.json", langs, &error);
	g_assert_null(entries);
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND);
}

int
main(int argc, char **argv)
{
	cblue_test_init(&argc, &argv);
	g_test_add_func("/cblue/kb/parse/array", test_kb_parse_array);
	g_test_add_func("/cblue/kb/parse/jsonl-roundtrip", test_kb_parse_jsonl_roundtrip);
	for (guint i = 0; i < G_N_ELEMENTS(bad_cases); i++) {
		g_autofree gchar *path = g_strdup_printf("/cblue/kb/parse/bad/%s", bad_cases[i].name);
		g_test_add_data_func(path, &bad_cases[i], test_kb_parse_bad);
	}
	g_test_add_func("/cblue/kb/merge", test_kb_merge);
	g_test_add_func("/cblue/kb/bundled", test_kb_bundled);
	g_test_add_func("/cblue/kb/file-not-found", test_kb_file_not_found);
	return g_test_run();
}
