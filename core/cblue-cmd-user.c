/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cblue-admin-crypto-private.h"
#include "cblue-cmd.h"

/*
 * `cblue user add|token|list|delete`: console users from the command line. A password is
 * read from the terminal without echo, or as the first line of standard input; never from
 * the command line, where other users could read it in the process list.
 */

#define CBLUE_CMD_USER_USAGE N_("Usage: cblue user add|token|list|delete [OPTION…]")

/* the store alone: no retrieval indexes to build for a user change */
static CblueStore *
cblue_cmd_user_open_store(CblueApp *app, GError **error)
{
	CblueStore *store;

	if (!cblue_app_load_config(app, error) || !cblue_context_ensure_data_dir(app->context, error))
		return NULL;
	app->loader = cblue_plugin_loader_new(app->context);
	cblue_plugin_loader_add_name_filter(app->loader, "store-*");
	if (!cblue_plugin_loader_load(app->loader, error) || !cblue_plugin_loader_setup_sync(app->loader, NULL, error))
		return NULL;
	store = cblue_context_get_extension(app->context, CBLUE_TYPE_STORE);
	if (store == NULL)
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND,
				    _("no store plugin is loaded; see “cblue plugins”"));
	return store;
}

/* one line of standard input without its line end; NULL at the end of input */
static gchar *
cblue_cmd_user_read_line(void)
{
	g_autoptr(GString) line = g_string_new(NULL);
	gint c;

	while ((c = fgetc(stdin)) != EOF && c != '\n')
		g_string_append_c(line, (gchar)c);
	if (c == EOF && line->len == 0)
		return NULL;
	if (line->len > 0 && line->str[line->len - 1] == '\r')
		g_string_truncate(line, line->len - 1);
	return g_string_free(g_steal_pointer(&line), FALSE);
}

static gchar *
cblue_cmd_user_prompt(const gchar *prompt)
{
	struct termios saved;
	struct termios quiet;
	gchar *line;

	fputs(prompt, stderr);
	fflush(stderr);
	if (tcgetattr(STDIN_FILENO, &saved) != 0)
		return cblue_cmd_user_read_line();
	quiet = saved;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	line = cblue_cmd_user_read_line();
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
	fputc('\n', stderr);
	return line;
}

static void
cblue_cmd_user_wipe(gchar *secret)
{
	if (secret != NULL) {
		memset(secret, 0, strlen(secret));
		g_free(secret);
	}
}

/* the new password: asked twice on a terminal, else the first line of stdin */
static gchar *
cblue_cmd_user_read_password(GError **error)
{
	gchar *password;
	gchar *again;

	if (!isatty(STDIN_FILENO)) {
		password = cblue_cmd_user_read_line();
		if (password == NULL)
			g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
					    _("no password on standard input"));
		return password;
	}
	password = cblue_cmd_user_prompt(_("Password: "));
	again = cblue_cmd_user_prompt(_("Password again: "));
	if (password == NULL || again == NULL || strcmp(password, again) != 0) {
		cblue_cmd_user_wipe(password);
		cblue_cmd_user_wipe(again);
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("the passwords differ"));
		return NULL;
	}
	cblue_cmd_user_wipe(again);
	return password;
}

/* parses the options of `cblue user @command` and its one argument, a user name; FALSE
 * with the usage error printed */
static gboolean
cblue_cmd_user_parse_name(CblueApp *app, GOptionContext *ctx, const gchar *command, int *argc, char ***argv)
{
	if (!cblue_app_parse(app, ctx, argc, argv))
		return FALSE;
	if (*argc != 2) {
		/* TRANSLATORS: %s is a subcommand of “cblue user”, e.g. add */
		g_autofree gchar *message = g_strdup_printf(_("give one user name; see “cblue user %s --help”"), command);
		fprintf(stderr, "cblue user %s: %s\n", command, message);
		return FALSE;
	}
	return TRUE;
}

/* as cblue_role_from_string(), which libcblue does not export to the executable */
static gboolean
cblue_cmd_user_role_is_valid(const gchar *role)
{
	return g_strcmp0(role, "admin") == 0 || g_strcmp0(role, "editor") == 0 || g_strcmp0(role, "viewer") == 0;
}

static int
cblue_cmd_user_add(CblueApp *app, int argc, char **argv)
{
	gchar *role = NULL;
	const GOptionEntry entries[] = {
	    {"role", 'r', 0, G_OPTION_ARG_STRING, &role, N_("admin, editor or viewer"), N_("ROLE")},
	    {NULL},
	};
	g_autoptr(GOptionContext) ctx = cblue_app_option_context_new(
	    app, _("NAME"),
	    _("Add an admin console user. The password is asked on the terminal (without echo) or read as the "
	      "first line of standard input."),
	    entries);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *role_owned = NULL;
	g_autofree gchar *hash = NULL;
	gchar *password = NULL;
	CblueStore *store;
	gboolean parsed;

	parsed = cblue_cmd_user_parse_name(app, ctx, "add", &argc, &argv);
	role_owned = role;
	if (!parsed)
		return 2;
	if (role_owned == NULL || !cblue_cmd_user_role_is_valid(role_owned)) {
		fprintf(stderr, "cblue user add: %s\n", _("--role must be admin, editor or viewer"));
		return 2;
	}
	if (!cblue_admin_check_user_name(argv[1], &error))
		return cblue_app_fail("user add", error);
	password = cblue_cmd_user_read_password(&error);
	if (password == NULL)
		return cblue_app_fail("user add", error);
	if (!cblue_admin_check_password(password, &error)) {
		cblue_cmd_user_wipe(password);
		return cblue_app_fail("user add", error);
	}
	hash = cblue_admin_hash_password(password, &error);
	cblue_cmd_user_wipe(password);
	if (hash == NULL)
		return cblue_app_fail("user add", error);
	store = cblue_cmd_user_open_store(app, &error);
	if (store == NULL || !cblue_store_user_add(store, argv[1], role_owned, hash, &error) ||
	    !cblue_store_audit_append(store, NULL, "user.add", argv[1], "cli", &error))
		return cblue_app_fail("user add", error);
	/* TRANSLATORS: first %s is a user name, second a role */
	printf(_("Added %s (%s).\n"), argv[1], role_owned);
	cblue_app_shutdown(app);
	return 0;
}

static int
cblue_cmd_user_token(CblueApp *app, int argc, char **argv)
{
	gchar *name = NULL;
	const GOptionEntry entries[] = {
	    {"name", 'n', 0, G_OPTION_ARG_STRING, &name, N_("A label for the token (default: cli)"), N_("LABEL")},
	    {NULL},
	};
	g_autoptr(GOptionContext) ctx = cblue_app_option_context_new(
	    app, _("USER"),
	    _("Create a personal API token for USER and print it. It is shown this once; only a hash is kept. "
	      "Scripts send it as “Authorization: Bearer TOKEN”."),
	    entries);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *name_owned = NULL;
	g_autofree gchar *token = NULL;
	g_autofree gchar *hash = NULL;
	CblueStore *store;
	gboolean parsed;

	parsed = cblue_cmd_user_parse_name(app, ctx, "token", &argc, &argv);
	name_owned = name;
	if (!parsed)
		return 2;
	store = cblue_cmd_user_open_store(app, &error);
	if (store == NULL)
		return cblue_app_fail("user token", error);
	token = cblue_admin_random_token("cbt_");
	hash = cblue_admin_sha256_hex(token);
	if (cblue_store_token_create(store, argv[1], name_owned != NULL ? name_owned : "cli", hash, &error) < 0 ||
	    !cblue_store_audit_append(store, NULL, "token.create", argv[1], "cli", &error))
		return cblue_app_fail("user token", error);
	printf("%s\n", token);
	cblue_app_shutdown(app);
	return 0;
}

static int
cblue_cmd_user_list(CblueApp *app, int argc, char **argv)
{
	g_autoptr(GOptionContext) ctx = cblue_app_option_context_new(app, NULL, _("List the admin console users."), NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) users = NULL;
	CblueStore *store;
	JsonArray *array;

	if (!cblue_app_parse(app, ctx, &argc, &argv))
		return 2;
	if (argc > 1) {
		fprintf(stderr, "cblue user list: %s\n", _("unexpected argument"));
		return 2;
	}
	store = cblue_cmd_user_open_store(app, &error);
	if (store == NULL)
		return cblue_app_fail("user list", error);
	users = cblue_store_user_list(store, &error);
	if (users == NULL)
		return cblue_app_fail("user list", error);
	array = json_node_get_array(users);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		JsonObject *obj = json_array_get_object_element(array, i);
		const gchar *last_login = json_object_get_string_member_with_default(obj, "last_login", NULL);
		printf("%-24s %-7s %s%s\n", json_object_get_string_member(obj, "name"),
		       json_object_get_string_member(obj, "role"), last_login != NULL ? last_login : "-",
		       json_object_get_boolean_member(obj, "disabled") ? _(" (disabled)") : "");
	}
	cblue_app_shutdown(app);
	return 0;
}

static int
cblue_cmd_user_delete(CblueApp *app, int argc, char **argv)
{
	g_autoptr(GOptionContext) ctx = cblue_app_option_context_new(
	    app, _("NAME"), _("Delete an admin console user with their sessions and API tokens."), NULL);
	g_autoptr(GError) error = NULL;
	CblueStore *store;

	if (!cblue_app_parse(app, ctx, &argc, &argv))
		return 2;
	if (argc != 2) {
		fprintf(stderr, "cblue user delete: %s\n", _("give one user name"));
		return 2;
	}
	store = cblue_cmd_user_open_store(app, &error);
	if (store == NULL || !cblue_store_user_delete(store, argv[1], &error) ||
	    !cblue_store_audit_append(store, NULL, "user.delete", argv[1], "cli", &error))
		return cblue_app_fail("user delete", error);
	/* TRANSLATORS: %s is a user name */
	printf(_("Deleted %s.\n"), argv[1]);
	cblue_app_shutdown(app);
	return 0;
}

int
cblue_cmd_user(CblueApp *app, int argc, char **argv)
{
	const struct {
		const gchar *name;
		CblueCmdFunc func;
		const gchar *summary;
	} commands[] = {
	    {"add", cblue_cmd_user_add, N_("Add a user: --role ROLE NAME (password from the terminal or stdin)")},
	    {"token", cblue_cmd_user_token, N_("Print a new API token for a user")},
	    {"list", cblue_cmd_user_list, N_("List the users")},
	    {"delete", cblue_cmd_user_delete, N_("Delete a user")},
	};

	for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS(commands); i++) {
		if (g_strcmp0(argv[1], commands[i].name) == 0)
			return commands[i].func(app, argc - 1, argv + 1);
	}
	if (argc >= 2 && (g_strcmp0(argv[1], "--help") == 0 || g_strcmp0(argv[1], "-h") == 0)) {
		printf("%s\n\n", _(CBLUE_CMD_USER_USAGE));
		for (guint i = 0; i < G_N_ELEMENTS(commands); i++)
			printf("  %-8s %s\n", commands[i].name, _(commands[i].summary));
		return 0;
	}
	fprintf(stderr, "%s\n", _(CBLUE_CMD_USER_USAGE));
	return 2;
}
