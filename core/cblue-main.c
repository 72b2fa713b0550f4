/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "cblue-cmd.h"

typedef struct {
	const gchar *name;
	CblueCmdFunc func;
	const gchar *summary;
} CblueCommand;

static const CblueCommand commands[] = {
    {"serve", cblue_cmd_serve, N_("Serve the chat API over HTTP")},
    {"worker", cblue_cmd_worker, N_("Answer chat jobs from the Redis job queue")},
    {"ask", cblue_cmd_ask, N_("Ask the bot a question")},
    {"kb", cblue_cmd_kb, N_("Import or export the knowledge base")},
    {"eval", cblue_cmd_eval, N_("Measure answer accuracy on labelled questions")},
    {"plugins", cblue_cmd_plugins, N_("List the plugins found and loaded")},
    {"migrate", cblue_cmd_migrate, N_("Create or upgrade the database schema")},
    {"redact", cblue_cmd_redact, N_("Replace personal data in standard input by placeholders")},
    {"user", cblue_cmd_user, N_("Manage the admin console users and their API tokens")},
};

static void
cblue_main_usage(FILE *out)
{
	fprintf(out, "%s\n\n%s\n", _("Usage: cblue COMMAND [OPTION…]"), _("Commands:"));
	for (guint i = 0; i < G_N_ELEMENTS(commands); i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
	fprintf(out, "\n%s\n", _("Run “cblue COMMAND --help” for the options of a command."));
}

int
main(int argc, char **argv)
{
	g_autoptr(CblueApp) app = NULL;

	setlocale(LC_ALL, "");
	bindtextdomain(GETTEXT_PACKAGE, LOCALEDIR);
	bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
	textdomain(GETTEXT_PACKAGE);

	if (argc < 2) {
		cblue_main_usage(stderr);
		return 2;
	}
	if (g_strcmp0(argv[1], "--help") == 0 || g_strcmp0(argv[1], "-h") == 0 || g_strcmp0(argv[1], "help") == 0) {
		cblue_main_usage(stdout);
		return 0;
	}
	if (g_strcmp0(argv[1], "--version") == 0) {
		printf("cblue %s\n", CBLUE_VERSION);
		return 0;
	}
	app = cblue_app_new();
	for (guint i = 0; i < G_N_ELEMENTS(commands); i++) {
		if (g_strcmp0(argv[1], commands[i].name) == 0)
			return commands[i].func(app, argc - 1, argv + 1);
	}
	/* TRANSLATORS: %s is what the user typed */
	fprintf(stderr, _("cblue: unknown command “%s”\n\n"), argv[1]);
	cblue_main_usage(stderr);
	return 2;
}
