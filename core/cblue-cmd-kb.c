/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cblue-cmd.h"

static gboolean
cblue_cmd_kb_open_store(CblueApp *app, CblueStore **store, GError **error)
{
	if (!cblue_app_load_config(app, error) || !cblue_app_load_plugins(app, error))
		return FALSE;
	*store = cblue_context_get_extension(app->context, CBLUE_TYPE_STORE);
	if (*store == NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND,
				    _("no store plugin is loaded; see “cblue plugins”"));
		return FALSE;
	}
	return TRUE;
}

static int
cblue_cmd_kb_import(CblueApp *app, int argc, char **argv)
{
	gboolean replace = FALSE;
	const GOptionEntry entries[] = {
	    {"replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Replace the whole KB instead of merging by topic_id"),
	     NULL},
	    {NULL},
	};
	g_autoptr(GOptionContext) ctx = cblue_app_option_context_new(
	    app, _("FILE…"),
	    _("Import KB entries from JSON (an array) or JSON Lines files, merging by topic_id. Every file is "
	      "validated first; the import is one transaction, so an invalid file changes nothing."),
	    entries);
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func(g_object_unref);
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	g_auto(GStrv) languages = NULL;
	CblueStore *store = NULL;

	if (!cblue_app_parse(app, ctx, &argc, &argv))
		return 2;
	if (argc < 2) {
		fprintf(stderr, "cblue kb import: %s\n", _("no file given; see “cblue kb import --help”"));
		return 2;
	}
	if (!cblue_cmd_kb_open_store(app, &store, &error))
		return cblue_app_fail("kb import", error);
	languages = cblue_config_get_languages(app->config);
	for (int i = 1; i < argc; i++) {
		g_autoptr(GPtrArray) entries_file = cblue_kb_parse_file(argv[i], (const gchar *const *)languages, &error);
		if (entries_file == NULL)
			return cblue_app_fail("kb import", error);
		for (guint j = 0; j < entries_file->len; j++) {
			CblueKbEntry *entry = g_ptr_array_index(entries_file, j);
			const gchar *topic_id = cblue_kb_entry_get_topic_id(entry);
			const gchar *other = g_hash_table_lookup(seen, topic_id);
			if (other != NULL) {
				g_set_error(&error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
					    _("%s: duplicate topic_id “%s”, already in %s"), argv[i], topic_id, other);
				return cblue_app_fail("kb import", error);
			}
			g_hash_table_insert(seen, g_strdup(topic_id), g_strdup(argv[i]));
			g_ptr_array_add(all, g_object_ref(entry));
		}
	}
	if (!cblue_store_import_kb(store, all, replace, &error))
		return cblue_app_fail("kb import", error);
	/* TRANSLATORS: %u is a number of KB entries */
	printf(g_dngettext(GETTEXT_PACKAGE, "Imported %u entry.\n", "Imported %u entries.\n", all->len), all->len);
	cblue_app_shutdown(app);
	return 0;
}

static int
cblue_cmd_kb_export(CblueApp *app, int argc, char **argv)
{
	gboolean jsonl = FALSE;
	gchar *output = NULL;
	const GOptionEntry entries[] = {
	    {"jsonl", 0, 0, G_OPTION_ARG_NONE, &jsonl, N_("Write JSON Lines instead of a JSON array"), NULL},
	    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"),
	     N_("FILE")},
	    {NULL},
	};
	g_autoptr(GOptionContext) ctx =
	    cblue_app_option_context_new(app, NULL, _("Export the KB in the KB entry format."), entries);
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueKb) kb = NULL;
	g_autofree gchar *text = NULL;
	g_autofree gchar *output_owned = NULL;
	CblueStore *store = NULL;

	if (!cblue_app_parse(app, ctx, &argc, &argv))
		return 2;
	output_owned = output;
	if (argc > 1) {
		fprintf(stderr, "cblue kb export: %s\n", _("unexpected argument"));
		return 2;
	}
	if (!cblue_cmd_kb_open_store(app, &store, &error))
		return cblue_app_fail("kb export", error);
	kb = cblue_store_load_kb(store, &error);
	if (kb == NULL)
		return cblue_app_fail("kb export", error);
	text = cblue_kb_to_json(kb, jsonl);
	if (output_owned != NULL) {
		/* written atomically: a reader never sees half a file */
		if (!g_file_set_contents(output_owned, text, -1, &error))
			return cblue_app_fail("kb export", error);
	} else {
		fputs(text, stdout);
	}
	cblue_app_shutdown(app);
	return 0;
}

int
cblue_cmd_kb(CblueApp *app, int argc, char **argv)
{
	if (argc >= 2 && g_strcmp0(argv[1], "import") == 0)
		return cblue_cmd_kb_import(app, argc - 1, argv + 1);
	if (argc >= 2 && g_strcmp0(argv[1], "export") == 0)
		return cblue_cmd_kb_export(app, argc - 1, argv + 1);
	if (argc >= 2 && (g_strcmp0(argv[1], "--help") == 0 || g_strcmp0(argv[1], "-h") == 0)) {
		printf("%s\n\n  import FILE…  %s\n  export        %s\n", _("Usage: cblue kb import|export [OPTION…]"),
		       _("Import KB entries (JSON or JSON Lines)"), _("Export the KB"));
		return 0;
	}
	fprintf(stderr, "%s\n", _("Usage: cblue kb import|export [OPTION…]"));
	return 2;
}
