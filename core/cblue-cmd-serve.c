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
	if (state->server == NULL) {
		/* a worker without HTTP: the queue finishes its jobs in cblue_app_shutdown() */
		g_main_loop_quit(state->loop);
		return G_SOURCE_CONTINUE;
	}
	g_message("shutting down: no new connections, finishing the replies in progress");
	cblue_server_shutdown_async(state->server, NULL, cblue_serve_shutdown_cb, state);
	return G_SOURCE_CONTINUE;
}

/* --role: which half of the scaled topology this process is */
static gboolean
cblue_serve_role_is_valid(const gchar *role)
{
	return g_strcmp0(role, "all") == 0 || g_strcmp0(role, "api") == 0 || g_strcmp0(role, "worker") == 0;
}

/* api and worker processes talk through a queue that other processes can reach */
static gboolean
cblue_serve_check_queue(CblueQueue *queue, const gchar *role, GError **error)
{
	if (g_strcmp0(role, "all") == 0)
		return TRUE;
	if (queue == NULL || g_strcmp0(G_OBJECT_TYPE_NAME(queue), "CblueQueueLocal") == 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("--role=%s needs a job queue shared by several processes: set [queue] url or "
			      "CBLUE_REDIS_URL (and have the queue-redis plugin)."),
			    role);
		return FALSE;
	}
	return TRUE;
}

/* a worker without --port serves no HTTP: it only answers jobs until SIGTERM */
static int
cblue_serve_run_worker_only(CblueApp *app, GMainLoop *loop)
{
	g_message("worker: answering jobs from the queue");
	g_main_loop_run(loop);
	g_message("stopped; finishing the jobs being answered");
	cblue_app_shutdown(app);
	return 0;
}

static int
cblue_serve_run(CblueApp *app, int argc, char **argv, gboolean worker_command)
{
	gint port = -1;
	gchar *role = NULL;
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
	    {"role", 0, worker_command ? G_OPTION_FLAG_HIDDEN : 0, G_OPTION_ARG_STRING, &role,
	     N_("api (take requests, queue the jobs), worker (answer queued jobs) or all (default: both, one "
		"process)"),
	     N_("ROLE")},
	    {NULL},
	};
	g_autoptr(GOptionContext) ctx = cblue_app_option_context_new(
	    app, NULL,
	    worker_command ? _("Answer chat jobs from the Redis job queue (the scaled topology); with --port, also "
			       "serve health checks and metrics.")
			   : _("Serve the chat API (HTTP and WebSocket), health checks and metrics."),
	    entries);
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueServer) server = NULL;
	g_autoptr(GMainLoop) loop = NULL;
	g_autofree gchar *address_owned = NULL;
	g_autofree gchar *tls_cert_owned = NULL;
	g_autofree gchar *tls_key_owned = NULL;
	g_autofree gchar *role_owned = NULL;
	gboolean serve_http = TRUE;
	CblueServeState state = {NULL, NULL, FALSE};
	guint sigterm_id, sigint_id;
	CblueQueue *queue;

	if (!cblue_app_parse(app, ctx, &argc, &argv))
		return 2;
	address_owned = address;
	tls_cert_owned = tls_cert;
	tls_key_owned = tls_key;
	role_owned = role;
	if (argc > 1) {
		fprintf(stderr, "cblue serve: %s\n", _("unexpected argument"));
		return 2;
	}
	if (worker_command && role_owned != NULL && g_strcmp0(role_owned, "worker") != 0) {
		fprintf(stderr, "cblue worker: %s\n", _("--role of a worker can only be worker"));
		return 2;
	}
	if (worker_command) {
		g_free(role_owned);
		role_owned = g_strdup("worker");
		/* a worker serves HTTP (health, metrics) only when given a port */
		serve_http = port >= 0;
	}
	if (port > 65535) {
		fprintf(stderr, "cblue serve: %s\n", _("the port must be 0–65535"));
		return 2;
	}
	if (threads > 1024) {
		fprintf(stderr, "cblue serve: %s\n", _("--threads must be 1–1024"));
		return 2;
	}
	/* before the plugins start: the queue plugin reads its role from [queue] role */
	if (!cblue_app_load_config(app, &error))
		return cblue_app_fail("serve", error);
	if (role_owned == NULL)
		role_owned = cblue_config_get_string(app->config, "server", "role");
	if (role_owned == NULL)
		role_owned = g_strdup("all");
	if (!cblue_serve_role_is_valid(role_owned)) {
		fprintf(stderr, "cblue serve: %s\n", _("--role must be api, worker or all"));
		return 2;
	}
	cblue_config_set_string(app->config, "queue", "role", role_owned);
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
	if (!cblue_serve_check_queue(queue, role_owned, &error))
		return cblue_app_fail(worker_command ? "worker" : "serve", error);
	/* every role hands the bot over: a worker answers with it, an API process only
	 * when the queue is down and [queue] fallback=local */
	if (queue != NULL && !cblue_queue_start_consumer(queue, app->bot, &error))
		return cblue_app_fail("serve", error);

	/* before the first request can be served: a SIGTERM that comes right after it must
	 * be ours to handle, not the default action's */
	loop = g_main_loop_new(NULL, FALSE);
	sigterm_id = g_unix_signal_add(SIGTERM, cblue_serve_signal_cb, &state);
	sigint_id = g_unix_signal_add(SIGINT, cblue_serve_signal_cb, &state);
	state.loop = loop;
	if (!serve_http) {
		int rc = cblue_serve_run_worker_only(app, loop);
		g_source_remove(sigterm_id);
		g_source_remove(sigint_id);
		return rc;
	}

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
		g_message("serving %u KB topics on %s://%s:%u/ with %u threads, role %s", cblue_kb_get_size(kb), scheme,
			  address_owned, cblue_server_get_port(server), cblue_server_get_threads(server), role_owned);
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

int
cblue_cmd_serve(CblueApp *app, int argc, char **argv)
{
	return cblue_serve_run(app, argc, argv, FALSE);
}

int
cblue_cmd_worker(CblueApp *app, int argc, char **argv)
{
	return cblue_serve_run(app, argc, argv, TRUE);
}
