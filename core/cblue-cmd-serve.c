/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "cblue-cmd.h"

typedef struct {
	GMainLoop *loop;     /* unowned */
	CblueServer *server; /* unowned */
	gboolean stopping;
} CblueServeState;

static void
cblue_serve_shutdown_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	CblueServeState *state = user_data;
	g_autoptr(GError) error = NULL;
	if (!cblue_server_shutdown_finish(CBLUE_SERVER(source), res, &error))
		g_warning("shutdown: %s", error->message);
	g_main_loop_quit(state->loop);
}

/* the first SIGTERM or SIGINT drains (stop accepting, finish the replies being written);
 * a second one stops at once */
static gboolean
cblue_serve_signal_cb(gpointer user_data)
{
	CblueServeState *state = user_data;
	if (state->stopping) {
		g_message("stopping now");
		g_main_loop_quit(state->loop);
		return G_SOURCE_CONTINUE;
	}
	state->stopping = TRUE;
	g_message("shutting down: no new connections, finishing the replies in progress");
	cblue_server_shutdown_async(state->server, NULL, cblue_serve_shutdown_cb, state);
	return G_SOURCE_CONTINUE;
}

int
cblue_cmd_serve(CblueApp *app, int argc, char **argv)
{
	gint port = -1;
	gint threads = -1;
	gchar *address = NULL;
	gchar *tls_cert = NULL;
	gchar *tls_key = NULL;
	const GOptionEntry entries[] = {
	    {"port", 'p', 0, G_OPTION_ARG_INT, &port, N_("TCP port (default 8080; 0 picks a free port)"), N_("PORT")},
	    {"address", 'a', 0, G_OPTION_ARG_STRING, &address, N_("Address to listen on (default 127.0.0.1)"),
	     N_("ADDR")},
	    {"threads", 't', 0, G_OPTION_ARG_INT, &threads,
	     N_("Listener threads (default: one per core)"), N_("N")},
	    {"tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &tls_cert, N_("Serve HTTPS with this PEM certificate"),
	     N_("FILE")},
	    {"tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key, N_("The PEM private key of --tls-cert"), N_("FILE")},
	    {NULL},
	};
	g_autoptr(GOptionContext) ctx = cblue_app_option_context_new(
	    app, NULL, _("Serve the chat API (HTTP and WebSocket), health checks and metrics."), entries);
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueServer) server = NULL;
	g_autoptr(GMainLoop) loop = NULL;
	g_autofree gchar *address_owned = NULL;
	g_autofree gchar *tls_cert_owned = NULL;
	g_autofree gchar *tls_key_owned = NULL;
	CblueServeState state = {NULL, NULL, FALSE};
	guint sigterm_id, sigint_id;
	CblueQueue *queue;

	if (!cblue_app_parse(app, ctx, &argc, &argv))
		return 2;
	address_owned = address;
	tls_cert_owned = tls_cert;
	tls_key_owned = tls_key;
	if (argc > 1) {
		fprintf(stderr, "cblue serve: %s\n", _("unexpected argument"));
		return 2;
	}
	if (port > 65535) {
		fprintf(stderr, "cblue serve: %s\n", _("the port must be 0–65535"));
		return 2;
	}
	if (threads > 1024) {
		fprintf(stderr, "cblue serve: %s\n", _("--threads must be 1–1024"));
		return 2;
	}
	if (!cblue_app_open_bot(app, TRUE, &error))
		return cblue_app_fail("serve", error);
	if (port < 0)
		port = (gint)cblue_config_get_int(app->config, "server", "port", 8080);
	if (threads < 0)
		threads = (gint)CLAMP(cblue_config_get_int(app->config, "server", "threads", 0), 0, 1024);
	if (address_owned == NULL)
		address_owned = cblue_config_get_string(app->config, "server", "address");
	if (address_owned == NULL)
		address_owned = g_strdup("127.0.0.1");
	if (tls_cert_owned == NULL)
		tls_cert_owned = cblue_config_get_string(app->config, "server", "tls_cert");
	if (tls_key_owned == NULL)
		tls_key_owned = cblue_config_get_string(app->config, "server", "tls_key");
	if ((tls_cert_owned == NULL) != (tls_key_owned == NULL)) {
		fprintf(stderr, "cblue serve: %s\n", _("--tls-cert and --tls-key go together"));
		return 2;
	}

	queue = cblue_context_get_extension(app->context, CBLUE_TYPE_QUEUE);
	if (queue != NULL && !cblue_queue_start_consumer(queue, app->bot, &error))
		return cblue_app_fail("serve", error);

	/* before the first request can be served: a SIGTERM that comes right after it must
	 * be ours to handle, not the default action's */
	loop = g_main_loop_new(NULL, FALSE);
	sigterm_id = g_unix_signal_add(SIGTERM, cblue_serve_signal_cb, &state);
	sigint_id = g_unix_signal_add(SIGINT, cblue_serve_signal_cb, &state);
	state.loop = loop;

	server = cblue_server_new(app->bot);
	cblue_server_set_threads(server, (guint)threads);
	if (tls_cert_owned != NULL && !cblue_server_set_tls_files(server, tls_cert_owned, tls_key_owned, &error))
		return cblue_app_fail("serve", error);
	if (!cblue_server_listen(server, address_owned, (guint)port, &error))
		return cblue_app_fail("serve", error);
	{
		g_autoptr(CblueKb) kb = cblue_bot_get_kb(app->bot);
		const gchar *scheme = cblue_server_is_https(server) ? "https" : "http";
		gboolean v6 = strchr(address_owned, ':') != NULL;
		/* the first line on stdout is machine-readable: tests start us with --port 0 */
		printf("Listening on %s://%s%s%s:%u/\n", scheme, v6 ? "[" : "", address_owned, v6 ? "]" : "",
		       cblue_server_get_port(server));
		fflush(stdout);
		g_message("serving %u KB topics on %s://%s:%u/ with %u threads", cblue_kb_get_size(kb), scheme,
			  address_owned, cblue_server_get_port(server), cblue_server_get_threads(server));
	}
	state.server = server;
	g_main_loop_run(loop);
	cblue_server_disconnect(server);
	g_message("stopped; writing what is queued");
	cblue_app_shutdown(app);
	/* only now: without our handlers a late SIGTERM would kill the process mid-flush */
	g_source_remove(sigterm_id);
	g_source_remove(sigint_id);
	return 0;
}
