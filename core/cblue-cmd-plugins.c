/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cblue-cmd.h"
#include "cblue-plugin-private.h"

int
cblue_cmd_plugins(CblueApp *app, int argc, char **argv)
{
	gboolean json = FALSE;
	const GOptionEntry entries[] = {
	    {"json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print as JSON"), NULL},
	    {NULL},
	};
	g_autoptr(GOptionContext) ctx = cblue_app_option_context_new(
	    app, NULL, _("List the plugins found in the search path, what they provide and their state."), entries);
	g_autoptr(GError) error = NULL;
	GPtrArray *plugins;
	GPtrArray *failures;
	g_autoptr(JsonBuilder) builder = json_builder_new();

	if (!cblue_app_parse(app, ctx, &argc, &argv))
		return 2;
	if (argc > 1) {
		fprintf(stderr, "cblue plugins: %s\n", _("unexpected argument"));
		return 2;
	}
	if (!cblue_app_load_config(app, &error) || !cblue_app_load_plugins(app, &error))
		return cblue_app_fail("plugins", error);

	plugins = cblue_plugin_loader_get_plugins(app->loader);
	failures = cblue_plugin_loader_get_failures(app->loader);
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "plugin_api_version");
	json_builder_add_int_value(builder, CBLUE_PLUGIN_API_VERSION);
	json_builder_set_member_name(builder, "plugins");
	json_builder_begin_array(builder);
	if (!json)
		printf("%-20s %-8s %-22s %s\n", _("NAME"), _("VERSION"), _("KINDS"), _("STATE"));
	for (guint i = 0; i < plugins->len; i++) {
		CbluePlugin *plugin = g_ptr_array_index(plugins, i);
		GPtrArray *kinds = cblue_plugin_get_kinds(plugin);
		g_autoptr(GString) kinds_str = g_string_new(NULL);
		for (guint j = 0; j < kinds->len; j++)
			g_string_append_printf(kinds_str, "%s%s", j > 0 ? "," : "", (gchar *)g_ptr_array_index(kinds, j));
		if (!json) {
			printf("%-20s %-8s %-22s %s\n", cblue_plugin_get_name(plugin),
			       cblue_plugin_get_version(plugin) != NULL ? cblue_plugin_get_version(plugin) : "-",
			       kinds_str->len > 0 ? kinds_str->str : "-",
			       cblue_plugin_loader_get_plugin_status(app->loader, plugin));
			if (cblue_plugin_get_description(plugin) != NULL)
				printf("  %s\n", cblue_plugin_get_description(plugin));
			continue;
		}
		json_builder_begin_object(builder);
		json_builder_set_member_name(builder, "name");
		json_builder_add_string_value(builder, cblue_plugin_get_name(plugin));
		json_builder_set_member_name(builder, "version");
		json_builder_add_string_value(builder, cblue_plugin_get_version(plugin));
		json_builder_set_member_name(builder, "description");
		json_builder_add_string_value(builder, cblue_plugin_get_description(plugin));
		json_builder_set_member_name(builder, "filename");
		json_builder_add_string_value(builder, cblue_plugin_get_filename(plugin));
		json_builder_set_member_name(builder, "kinds");
		json_builder_begin_array(builder);
		for (guint j = 0; j < kinds->len; j++)
			json_builder_add_string_value(builder, g_ptr_array_index(kinds, j));
		json_builder_end_array(builder);
		json_builder_set_member_name(builder, "enabled");
		json_builder_add_boolean_value(builder, cblue_plugin_get_enabled(plugin));
		json_builder_end_object(builder);
	}
	json_builder_end_array(builder);
	json_builder_set_member_name(builder, "failures");
	json_builder_begin_array(builder);
	for (guint i = 0; i < failures->len; i++) {
		if (json)
			json_builder_add_string_value(builder, g_ptr_array_index(failures, i));
		else
			printf(_("failed: %s\n"), (gchar *)g_ptr_array_index(failures, i));
	}
	json_builder_end_array(builder);
	json_builder_end_object(builder);
	if (json) {
		g_autoptr(JsonNode) root = json_builder_get_root(builder);
		g_autofree gchar *text = json_to_string(root, TRUE);
		printf("%s\n", text);
	}
	cblue_app_shutdown(app);
	return 0;
}
