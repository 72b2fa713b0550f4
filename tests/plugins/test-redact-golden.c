/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-test-utils.h"

/*
 * tests/data/redact.tests (or the file named by the first argument, e.g.
 * redact-fresh.tests), one GTest case per line (as json-glib does with its test data):
 * every redact-* plugin of the build tree is loaded as the daemon would load it, with two
 * custom rules, and each input must come out exactly as expected. The cases of a
 * `known-miss` category (held-out values no general rule catches yet) are reported as TODO
 * while they leak, and pass once they come out right; bench/redact-quality.py counts them.
 */

#define GOLDEN_CONFIG                                                                                         \
	"[plugins]\n"                                                                                         \
	"enabled=redact-builtin,redact-custom\n"                                                               \
	"[redact.rule employee-id]\n"                                                                         \
	"pattern=\\bEMP-[0-9]{6}\\b\n"                                                                         \
	"[redact.rule member]\n"                                                                              \
	"pattern=(?<![0-9])[0-9]{8}(?![0-9])\n"                                                              \
	"placeholder=MEMBER_NO\n"                                                                             \
	"context=member;สมาชิก;会员\n"

typedef struct {
	const gchar *file; /* not owned: argv or a literal */
	gchar *input; /* owned */
	gchar *expected; /* owned */
	guint line;
	gboolean known_miss;
} GoldenCase;

static GPtrArray *redactors;

static void
golden_case_free(gpointer data)
{
	GoldenCase *c = data;
	g_free(c->input);
	g_free(c->expected);
	g_free(c);
}

static void
test_golden_case(gconstpointer data)
{
	const GoldenCase *c = data;
	g_autofree gchar *output = cblue_redact_text_full(redactors, c->input, NULL, NULL, NULL);
	g_test_message("%s:%u: %s", c->file, c->line, c->input);
	if (c->known_miss && g_strcmp0(output, c->expected) != 0) {
		g_test_incomplete("a known miss");
		return;
	}
	g_assert_cmpstr(output, ==, c->expected);
}

static void
test_golden_plugins(void)
{
	/* the custom rules first (they win exact ties), each module with its own
	 * dynamically named redactor type */
	g_assert_cmpuint(redactors->len, ==, 2);
	g_assert_cmpstr(G_OBJECT_TYPE_NAME(g_ptr_array_index(redactors, 0)), ==, "CblueRedactRedactor_redact_custom");
	g_assert_cmpstr(G_OBJECT_TYPE_NAME(g_ptr_array_index(redactors, 1)), ==, "CblueRedactRedactor_redact_builtin");
}

int
main(int argc, char **argv)
{
	g_autofree gchar *path = NULL;
	g_autofree gchar *contents = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueContext) context = NULL;
	g_autoptr(CbluePluginLoader) loader = NULL;
	g_auto(GStrv) lines = NULL;
	g_autofree gchar *category = g_strdup("uncategorized");
	const gchar *file = "redact.tests";
	guint n_in_category = 0;
	gint status;

	cblue_test_init(&argc, &argv);
	if (argc > 1)
		file = argv[1];
	path = cblue_test_data_path(file);
	g_file_get_contents(path, &contents, NULL, &error);
	g_assert_no_error(error);

	context = cblue_test_context_new(GOLDEN_CONFIG, &loader);
	redactors = cblue_context_get_extensions(context, CBLUE_TYPE_REDACTOR);
	g_test_add_func("/cblue/redact/golden/plugins", test_golden_plugins);

	lines = g_strsplit(contents, "\n", -1);
	for (guint i = 0; lines[i] != NULL; i++) {
		const gchar *line = lines[i];
		const gchar *sep;
		GoldenCase *c;
		g_autofree gchar *test_path = NULL;

		if (g_str_has_prefix(line, "# [")) {
			const gchar *end = strchr(line, ']');
			g_assert_nonnull(end);
			g_free(category);
			category = g_strndup(line + 3, end - (line + 3));
			n_in_category = 0;
			continue;
		}
		if (line[0] == '\0' || line[0] == '#')
			continue;
		sep = strstr(line, " ⇒ ");
		if (sep == NULL)
			g_error("%s:%u: no “ ⇒ ” separator", file, i + 1);
		c = g_new0(GoldenCase, 1);
		c->file = file;
		c->line = i + 1;
		c->known_miss = g_str_has_prefix(category, "known-miss");
		c->input = g_strndup(line, sep - line);
		c->expected = g_strdup(sep + strlen(" ⇒ "));
		if (g_strcmp0(c->expected, "=") == 0) {
			g_free(c->expected);
			c->expected = g_strdup(c->input);
		}
		test_path = g_strdup_printf("/cblue/redact/golden/%s/%u", category, ++n_in_category);
		g_test_add_data_func_full(test_path, c, test_golden_case, golden_case_free);
	}
	status = g_test_run();
	g_ptr_array_unref(redactors);
	return status;
}
