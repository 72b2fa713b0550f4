/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cblue-cmd.h"

CblueApp *
cblue_app_new(void)
{
	return g_new0(CblueApp, 1);
}

void
cblue_app_free(CblueApp *app)
{
	g_free(app->config_file);
	g_free(app->data_dir);
	g_free(app->log_format);
	g_clear_object(&app->bot);
	g_clear_object(&app->loader);
	g_clear_object(&app->context);
	g_clear_object(&app->config);
	g_free(app);
}

GOptionContext *
cblue_app_option_context_new(CblueApp *app, const gchar *parameter_string, const gchar *summary,
			     const GOptionEntry *entries)
{
	const GOptionEntry common[] = {
	    {"config", 'c', 0, G_OPTION_ARG_FILENAME, &app->config_file, N_("Configuration file"), N_("FILE")},
	    {"data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &app->data_dir, N_("Data directory (SQLite database)"),
	     N_("DIR")},
	    {"log-format", 0, 0, G_OPTION_ARG_STRING, &app->log_format, N_("Log format: console or json"),
	     N_("FORMAT")},
	    {"verbose", 'v', 0, G_OPTION_ARG_NONE, &app->verbose, N_("Show debug messages"), NULL},
	    {NULL},
	};
	GOptionContext *ctx = g_option_context_new(parameter_string);
	g_option_context_set_translation_domain(ctx, GETTEXT_PACKAGE);
	g_option_context_set_summary(ctx, summary);
	if (entries != NULL)
		g_option_context_add_main_entries(ctx, entries, GETTEXT_PACKAGE);
	g_option_context_add_main_entries(ctx, common, GETTEXT_PACKAGE);
	return ctx;
}

int
cblue_app_fail(const gchar *prefix, const GError *error)
{
	if (prefix != NULL)
		fprintf(stderr, "cblue %s: %s\n", prefix, error->message);
	else
		fprintf(stderr, "cblue: %s\n", error->message);
	return 1;
}

gboolean
cblue_app_parse(CblueApp *app, GOptionContext *ctx, int *argc, char ***argv)
{
	g_autoptr(GError) error = NULL;
	if (!g_option_context_parse(ctx, argc, argv, &error)) {
		fprintf(stderr, "cblue: %s\n", error->message);
		return FALSE;
	}
	if (app->verbose)
		g_setenv("G_MESSAGES_DEBUG", "all", TRUE);
	return TRUE;
}

gboolean
cblue_app_load_config(CblueApp *app, GError **error)
{
	/* loaded once: a command may read the config before it opens the bot */
	if (app->config != NULL)
		return TRUE;
	app->config = cblue_config_new();
	if (app->config_file != NULL) {
		if (!cblue_config_load_file(app->config, app->config_file, error))
			return FALSE;
	} else {
		g_autofree gchar *system_conf = g_build_filename(CBLUE_SYSCONFDIR, "cblue.conf", NULL);
		if (g_file_test(system_conf, G_FILE_TEST_EXISTS) &&
		    !cblue_config_load_file(app->config, system_conf, error))
			return FALSE;
	}
	if (app->data_dir != NULL)
		cblue_config_set_string(app->config, "core", "data_dir", app->data_dir);
	app->context = cblue_context_new(app->config);
	if (app->log_format != NULL && g_strcmp0(app->log_format, "console") != 0 &&
	    g_strcmp0(app->log_format, "json") != 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("unknown log format “%s”: use console or json"), app->log_format);
		return FALSE;
	}
	cblue_log_install_writer(g_strcmp0(app->log_format, "json") == 0 ? CBLUE_LOG_FORMAT_JSON
									 : CBLUE_LOG_FORMAT_CONSOLE,
				 app->context);
	return TRUE;
}

gboolean
cblue_app_load_plugins(CblueApp *app, GError **error)
{
	if (!cblue_context_ensure_data_dir(app->context, error))
		return FALSE;
	app->loader = cblue_plugin_loader_new(app->context);
	if (!cblue_plugin_loader_load(app->loader, error))
		return FALSE;
	return cblue_plugin_loader_setup_sync(app->loader, NULL, error);
}

gboolean
cblue_app_open_bot(CblueApp *app, gboolean seed_if_empty, GError **error)
{
	if (!cblue_app_load_config(app, error))
		return FALSE;
	if (!cblue_app_load_plugins(app, error))
		return FALSE;
	app->bot = cblue_bot_new(app->context);
	return cblue_bot_load_kb(app->bot, seed_if_empty, error);
}

void
cblue_app_shutdown(CblueApp *app)
{
	g_autoptr(GError) error = NULL;
	if (app->loader != NULL && !cblue_plugin_loader_shutdown_sync(app->loader, NULL, &error))
		g_warning("shutdown: %s", error->message);
}
