/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "cblue-cmd.h"
#include "cblue-server.h"

static gboolean
cblue_serve_quit_cb(gpointer user_data)
{
	g_main_loop_quit(user_data);
	return G_SOURCE_REMOVE;
}

int
cblue_cmd_serve(CblueApp *app, int argc, char **argv)
{
	gint port = -1;
	gchar *address = NULL;
	const GOptionEntry entries[] = {
	    {"port", 'p', 0, G_OPTION_ARG_INT, &port, N_("TCP port (default 8080; 0 picks a free port)"), N_("PORT")},
	    {"address", 'a', 0, G_OPTION_ARG_STRING, &address, N_("Address to listen on (default 127.0.0.1)"),
	     N_("ADDR")},
	    {NULL},
	};
	g_autoptr(GOptionContext) ctx = cblue_app_option_context_new(
	    app, NULL, _("Serve the chat API (POST /api/v1/chat, /healthz, /readyz) over HTTP."), entries);
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueServer) server = NULL;
	g_autoptr(GMainLoop) loop = NULL;
	g_autofree gchar *address_owned = NULL;
	CblueQueue *queue;

	if (!cblue_app_parse(app, ctx, &argc, &argv))
		return 2;
	address_owned = address;
	if (argc > 1) {
		fprintf(stderr, "cblue serve: %s\n", _("unexpected argument"));
		return 2;
	}
	if (port > 65535) {
		fprintf(stderr, "cblue serve: %s\n", _("the port must be 0–65535"));
		return 2;
	}
	if (!cblue_app_open_bot(app, TRUE, &error))
		return cblue_app_fail("serve", error);
	if (port < 0)
		port = (gint)cblue_config_get_int(app->config, "server", "port", 8080);
	if (address_owned == NULL)
		address_owned = cblue_config_get_string(app->config, "server", "address");
	if (address_owned == NULL)
		address_owned = g_strdup("127.0.0.1");

	queue = cblue_context_get_extension(app->context, CBLUE_TYPE_QUEUE);
	if (queue != NULL && !cblue_queue_start_consumer(queue, app->bot, &error))
		return cblue_app_fail("serve", error);

	server = cblue_server_new(app->bot);
	if (!cblue_server_listen(server, address_owned, (guint)port, &error))
		return cblue_app_fail("serve", error);
	{
		g_autoptr(CblueKb) kb = cblue_bot_get_kb(app->bot);
		/* the first line on stdout is machine-readable: tests start us with --port 0 */
		printf("Listening on http://%s:%u/\n", address_owned, cblue_server_get_port(server));
		fflush(stdout);
		g_message("serving %u KB topics on http://%s:%u/", cblue_kb_get_size(kb), address_owned,
			  cblue_server_get_port(server));
	}
	loop = g_main_loop_new(NULL, FALSE);
	g_unix_signal_add(SIGTERM, cblue_serve_quit_cb, loop);
	g_unix_signal_add(SIGINT, cblue_serve_quit_cb, loop);
	g_main_loop_run(loop);
	g_message("shutting down");
	cblue_server_disconnect(server);
	cblue_app_shutdown(app);
	return 0;
}
