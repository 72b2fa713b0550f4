/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cblue-cmd.h"

/*
 * `cblue migrate`: brings the schema of the configured store up to date and exits. The
 * store plugins migrate when they are set up (store-postgres under an advisory lock, so
 * that this may run next to starting servers), so this loads the store plugins only, sets
 * them up and checks that the store answers: a deployment can migrate once, before it
 * starts or upgrades its API processes.
 */
int
cblue_cmd_migrate(CblueApp *app, int argc, char **argv)
{
	g_autoptr(GOptionContext) ctx = cblue_app_option_context_new(
	    app, NULL,
	    _("Create or upgrade the database schema of the configured store: PostgreSQL when [store] url "
	      "(CBLUE_DATABASE_URL) is set, else SQLite in the data directory."),
	    NULL);
	g_autoptr(GError) error = NULL;
	CblueStore *store;
	const gchar *plugin;

	if (!cblue_app_parse(app, ctx, &argc, &argv))
		return 2;
	if (argc > 1) {
		fprintf(stderr, "cblue migrate: %s\n", _("unexpected argument"));
		return 2;
	}
	if (!cblue_app_load_config(app, &error) || !cblue_context_ensure_data_dir(app->context, &error))
		return cblue_app_fail("migrate", error);
	/* the store plugins only: their setup is the migration */
	app->loader = cblue_plugin_loader_new(app->context);
	cblue_plugin_loader_add_name_filter(app->loader, "store-*");
	if (!cblue_plugin_loader_load(app->loader, &error) ||
	    !cblue_plugin_loader_setup_sync(app->loader, NULL, &error))
		return cblue_app_fail("migrate", error);
	store = cblue_context_get_extension(app->context, CBLUE_TYPE_STORE);
	if (store == NULL) {
		GPtrArray *failures = cblue_plugin_loader_get_failures(app->loader);
		g_set_error(&error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND, _("no store plugin could be set up%s%s"),
			    failures->len > 0 ? ": " : "",
			    failures->len > 0 ? (const gchar *)g_ptr_array_index(failures, 0) : "");
		cblue_app_shutdown(app);
		return cblue_app_fail("migrate", error);
	}
	if (!cblue_store_check(store, &error)) {
		cblue_app_shutdown(app);
		return cblue_app_fail("migrate", error);
	}
	plugin = cblue_context_get_extension_plugin(app->context, G_OBJECT(store));
	/* TRANSLATORS: %s is a plugin name, e.g. store-postgres */
	printf(_("The schema of %s is up to date.\n"), plugin != NULL ? plugin : "store");
	cblue_app_shutdown(app);
	return 0;
}
