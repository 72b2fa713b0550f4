/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "cblue-bot-private.h"
#include "cblue-config.h"
#include "cblue-context.h"
#include "cblue-error.h"
#include "cblue-json-private.h"
#include "cblue-kb.h"
#include "cblue-log.h"
#include "cblue-model-provider.h"
#include "cblue-queue-private.h"
#include "cblue-queue.h"
#include "cblue-rate-limiter-private.h"
#include "cblue-server-fast-private.h"
#include "cblue-server-metrics-private.h"
#include "cblue-server-parse-private.h"
#include "cblue-server.h"
#include "cblue-store.h"
#include "cblue-ws-connection-private.h"
#include "cblue-admin.h"

/**
 * CblueServer:
 *
 * The HTTP and WebSocket front of the bot, on libsoup 3:
 *
 * - `POST /api/v1/chat`, `GET /api/v1/chat/ws` (WebSocket), `POST /api/v1/feedback`,
 *   `GET /api/v1/conversations/{id}`;
 * - `GET /healthz`, `GET /readyz`, `GET /metrics` (Prometheus text exposition);
 * - `GET /widget.js` and the widget's assets, from the admin GResource.
 * - `GET /admin/` and its assets: the admin console, from the same GResource.
 *
 * The server uses every core: [method@Server.listen] opens one listening socket per
 * thread on the same port (`SO_REUSEPORT`, so the kernel spreads connections over them),
 * and each thread runs its own `GMainContext` with its own `SoupServer`. A message is
 * answered on the thread that read it (the embedded pipeline takes tens of microseconds);
 * asynchronous plugins (a network model provider, a Redis queue) answer later on the same
 * thread's context. docs/server.md has the measurements behind that choice.
 *
 * Edge protections, all configured in `[server]`: a request body limit (413), JSON
 * content types (415), a per-address token bucket on chat messages, feedback and
 * WebSocket messages (429 with `Retry-After`), a limit of WebSocket connections per
 * address, a deadline for reading a request (slow clients), an idle timeout, a CORS
 * allow-list, security headers, request ids (`X-Request-Id` in and out, and the
 * `CBLUE_REQUEST_ID` field of log records) and a graceful shutdown
 * ([method@Server.shutdown_async]).
 *
 * Since: 1.0
 */

#define CBLUE_SERVER_DEFAULT_MAX_BODY	      (64 * 1024)
#define CBLUE_SERVER_DEFAULT_REQUEST_TIMEOUT  10  /* s, to read a request's headers and body */
#define CBLUE_SERVER_DEFAULT_IDLE_TIMEOUT     60  /* s, of socket inactivity */
#define CBLUE_SERVER_DEFAULT_RATE	      10  /* messages per second per address */
#define CBLUE_SERVER_DEFAULT_BURST	      30  /* messages */
#define CBLUE_SERVER_DEFAULT_WS_PER_IP	      32
#define CBLUE_SERVER_DEFAULT_WS_MAX_MESSAGE   (16 * 1024)
#define CBLUE_SERVER_DEFAULT_WS_IDLE_TIMEOUT  300 /* s without a message from the client */
#define CBLUE_SERVER_DEFAULT_WS_PING_INTERVAL 30  /* s */
#define CBLUE_SERVER_DEFAULT_WS_MAX_PENDING   4	  /* messages being answered per connection */
#define CBLUE_SERVER_DEFAULT_WS_MAX_QUEUED    (1024 * 1024) /* bytes waiting for a client that does not read */
#define CBLUE_SERVER_DEFAULT_SHUTDOWN_TIMEOUT 10  /* s */
#define CBLUE_SERVER_DEFAULT_WS_PER_THREAD    200 /* WebSockets per WebSocket thread */
#define CBLUE_SERVER_DEFAULT_WS_THREADS_MAX   64
/* libsoup's own cap on a WebSocket frame, a multiple of ours: a larger frame is cut off
 * with 1009 before it is even buffered, a smaller one gets our close reason */
#define CBLUE_SERVER_WS_HARD_LIMIT_FACTOR 4

typedef struct _CblueServerWorker CblueServerWorker;

struct _CblueServer {
	GObject parent_instance;
	CblueBot *bot;			  /* owned */
	guint threads;			  /* 0: one per core */
	GTlsCertificate *tls_certificate; /* owned, nullable */
	/* limits, from [server] */
	gsize max_body;
	guint request_timeout;
	guint idle_timeout;
	guint ws_max_per_ip;
	gsize ws_max_message;
	guint ws_idle_timeout;
	guint ws_ping_interval;
	guint ws_max_pending;
	gsize ws_max_queued; /* [server] websocket_max_queued; 0: no bound */
	guint shutdown_timeout;
	gchar **cors_origins;	 /* owned, nullable: no cross-origin access */
	gchar **trusted_proxies; /* owned, nullable */
	gchar **metrics_from;	 /* owned, nullable: anyone */
	CblueRateLimiter *limiter; /* owned, nullable: no rate limit */
	GMutex ws_mutex;
	GHashTable *ws_per_ip;	     /* owned, under ws_mutex: address (owned) → count */
	GPtrArray *ws_threads;	     /* owned, under ws_mutex, nullable: CblueServerWorker of the
				      * WebSocket threads, started as connections come */
	GPtrArray *ws_extension_types; /* owned: GTypeClass (ref) of the WebSocket extensions offered */
	guint ws_per_thread;	     /* WebSockets a WebSocket thread takes before another starts */
	guint ws_threads_max;
	CblueServerMetrics *metrics; /* owned */
	GPtrArray *workers;	     /* owned, of CblueServerWorker */
	GThreadPool *pipeline_pool;  /* owned, nullable: [server] pipeline_threads */
	CblueAdmin *admin;	     /* owned, nullable: no store, no admin API */
	guint pipeline_threads;
	gboolean fast_path; /* [server] fast_path: hot chat requests without libsoup */
	gboolean native_websocket; /* [server] native_websocket: our own RFC 6455 connection on
				    * each WebSocket thread's epoll, instead of libsoup's */
	guint port;
	gint draining; /* atomic */
	gint requests_open; /* atomic: HTTP requests whose reading started and that are not
			     * finished; shutdown waits for them, not only for chat replies */
};

enum {
	PROP_0,
	PROP_BOT,
	PROP_THREADS,
	N_PROPS,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE(CblueServer, cblue_server, G_TYPE_OBJECT)

/* one listener thread: its own context, SoupServer and listening socket */
struct _CblueServerWorker {
	CblueServer *server; /* unowned: the server joins its workers before it goes */
	guint index;
	GMainContext *context;	/* owned */
	GMainLoop *loop;	/* owned */
	SoupServer *soup;	/* owned; only touched by the worker thread once it runs */
	GSocket *listen_socket; /* owned */
	GThread *thread;	/* owned, nullable until started */
	GSource *sweep;		/* owned */
	GHashTable *reading;	/* owned: SoupServerMessage (weak, see cblue_server_reading_add)
				 * → deadline (s, monotonic) */
	GHashTable *ws_clients; /* owned: set of CblueWsClient (ref) */
	GHashTable *connections; /* owned: GSocket (weak) → CblueConnState (owned), until the
				  * socket is freed or the sweep finds it closed */
	guint64 request_counter;
	guint32 id_prefix;
	gint n_websockets; /* atomic: WebSockets handed to this thread (WebSocket threads) */
	gboolean quitting; /* the thread's loop is being left: take no more WebSockets */
	CblueFastListener *fast; /* owned, nullable: the fast path accepts this thread's connections */
	CblueEpoll *epoll; /* owned, nullable: a WebSocket thread's, with native_websocket */
};

/* what the server knows about one request, kept on the SoupServerMessage */
typedef struct {
	gint64 start_usec;
	CblueRoute route;
	gchar *request_id; /* owned, nullable until the headers are read */
	gchar *client_ip;  /* owned, nullable until the headers are read */
	gboolean responded; /* a response was set */
	gboolean open;	    /* counted in requests_open */
	GWeakRef socket;    /* of the connection, taken when the request started (libsoup cannot
			     * tell it once the connection is gone); weak: libsoup 3.2 closes a
			     * connection's socket only by dropping its last reference */
} CblueRequestInfo;

/* what the server knows about one connection */
typedef struct {
	gint64 last_active; /* monotonic s: a request started or ended */
	guint active;	    /* requests started and not finished */
	GSource *idle_watch; /* owned, nullable: while no request is active, sees the client
			      * close (see cblue_server_idle_readable_cb()); on the fd, not the
			      * GSocket, whose last reference libsoup must be able to drop */
	CblueServerWorker *worker; /* unowned */
	GSocket *socket;	   /* unowned: the key */
} CblueConnState;

static void
cblue_conn_state_free(gpointer data)
{
	CblueConnState *conn = data;
	if (conn->idle_watch != NULL) {
		g_source_destroy(conn->idle_watch);
		g_source_unref(conn->idle_watch);
	}
	g_free(conn);
}

static void
cblue_request_info_free(gpointer data)
{
	CblueRequestInfo *info = data;
	g_free(info->request_id);
	g_free(info->client_ip);
	g_weak_ref_clear(&info->socket);
	g_free(info);
}

static GQuark
cblue_request_info_quark(void)
{
	return g_quark_from_static_string("cblue-server-request-info");
}

static GQuark
cblue_server_ws_socket_quark(void)
{
	return g_quark_from_static_string("cblue-server-ws-socket");
}

static GQuark
cblue_server_ws_handoff_quark(void)
{
	return g_quark_from_static_string("cblue-server-ws-handoff");
}

static CblueRequestInfo *
cblue_request_info_get(SoupServerMessage *msg)
{
	return g_object_get_qdata(G_OBJECT(msg), cblue_request_info_quark());
}

static const gchar *
cblue_request_id(SoupServerMessage *msg)
{
	CblueRequestInfo *info = cblue_request_info_get(msg);
	return info != NULL && info->request_id != NULL ? info->request_id : "-";
}

/* responses: the early checks and the chat handler fill a transport-neutral exchange,
 * which each transport writes (libsoup's message, or the fast path's connection) */

typedef struct {
	SoupServerMessage *msg; /* unowned, nullable: the fast path has none */
	CblueFastRequest *fast; /* unowned, nullable: the fast path's request */
	const gchar *method;
	const gchar *path;
	const gchar *peer;		      /* the remote host, nullable: set for the early checks */
	SoupMessageHeaders *request_headers;  /* unowned */
	SoupMessageHeaders *response_headers; /* unowned, nullable: libsoup's (the fast path keeps its own) */
	CblueRequestInfo *info;		      /* unowned, nullable */
	guint status;			      /* 0 until a response is decided */
	gchar *body;			      /* owned, nullable: JSON */
} CblueExchange;

#define CBLUE_SERVER_JSON_TYPE "application/json; charset=utf-8"

static CblueRequestInfo *cblue_request_info_get(SoupServerMessage *msg);

static void
cblue_exchange_init_from_message(CblueExchange *ex, SoupServerMessage *msg, const gchar *path)
{
	memset(ex, 0, sizeof(*ex));
	ex->msg = msg;
	ex->method = soup_server_message_get_method(msg);
	ex->path = path;
	/* not the peer: libsoup cannot tell it once the connection is gone (the early
	 * checks, which need it, set it) */
	ex->request_headers = soup_server_message_get_request_headers(msg);
	ex->response_headers = soup_server_message_get_response_headers(msg);
	ex->info = cblue_request_info_get(msg);
}

static void
cblue_exchange_init_from_fast(CblueExchange *ex, CblueFastRequest *req)
{
	memset(ex, 0, sizeof(*ex));
	ex->method = cblue_fast_request_get_method(req);
	ex->path = cblue_fast_request_get_path(req);
	ex->peer = cblue_fast_request_get_peer(req);
	ex->fast = req;
	ex->request_headers = cblue_fast_request_get_request_headers(req);
	ex->info = cblue_fast_request_get_data(req);
}

/* a response header (@name: a static string), in place of one of the same name */
static void
cblue_exchange_set_header(CblueExchange *ex, const gchar *name, const gchar *value)
{
	if (ex->fast != NULL)
		cblue_fast_request_set_header(ex->fast, name, value, FALSE);
	else
		soup_message_headers_replace(ex->response_headers, name, value);
}

/* the same, besides any of the same name */
static void
cblue_exchange_append_header(CblueExchange *ex, const gchar *name, const gchar *value)
{
	if (ex->fast != NULL)
		cblue_fast_request_set_header(ex->fast, name, value, TRUE);
	else
		soup_message_headers_append(ex->response_headers, name, value);
}

/* the decided response goes to libsoup's message */
static void
cblue_exchange_commit(CblueExchange *ex)
{
	if (ex->msg != NULL && ex->status != 0) {
		gsize len = ex->body != NULL ? strlen(ex->body) : 0;
		soup_server_message_set_status(ex->msg, ex->status, NULL);
		if (ex->body != NULL)
			soup_server_message_set_response(ex->msg, CBLUE_SERVER_JSON_TYPE, SOUP_MEMORY_TAKE,
							 g_steal_pointer(&ex->body), len);
	}
	g_clear_pointer(&ex->body, g_free);
}

static void
cblue_exchange_set_json(CblueExchange *ex, guint status, const gchar *json)
{
	if (ex->info != NULL)
		ex->info->responded = TRUE;
	cblue_exchange_set_header(ex, "Cache-Control", "no-store");
	ex->status = status;
	g_free(ex->body);
	ex->body = g_strdup(json);
}

static void
cblue_exchange_set_error(CblueExchange *ex, const GError *error)
{
	g_autofree gchar *json = cblue_error_to_json(error);
	cblue_exchange_set_json(ex, cblue_error_to_http_status(error), json);
}

static void
cblue_exchange_set_error_literal(CblueExchange *ex, CblueError code, const gchar *message)
{
	g_autoptr(GError) error = g_error_new_literal(CBLUE_ERROR, code, message);
	cblue_exchange_set_error(ex, error);
}

/* an error whose HTTP status has no CblueError of its own (405, 411) */
static void
cblue_exchange_set_http_error(CblueExchange *ex, guint status, const gchar *code, const gchar *message)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) root = NULL;
	g_autofree gchar *json = NULL;

	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "error");
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "code");
	json_builder_add_string_value(builder, code);
	json_builder_set_member_name(builder, "message");
	json_builder_add_string_value(builder, message);
	json_builder_end_object(builder);
	json_builder_end_object(builder);
	root = json_builder_get_root(builder);
	json = json_to_string(root, FALSE);
	cblue_exchange_set_json(ex, status, json);
}

static void
cblue_exchange_set_method_not_allowed(CblueExchange *ex, const gchar *allow)
{
	g_autofree gchar *text = g_strdup_printf(_("Use %s."), allow);
	cblue_exchange_set_header(ex, "Allow", allow);
	cblue_exchange_set_http_error(ex, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed", text);
}

static void
cblue_exchange_set_rate_limited(CblueExchange *ex, guint retry_after)
{
	g_autofree gchar *value = g_strdup_printf("%u", retry_after);
	cblue_exchange_set_header(ex, "Retry-After", value);
	cblue_exchange_set_error_literal(ex, CBLUE_ERROR_BUSY, _("Too many messages; please wait a moment."));
}

/* the same, straight on a libsoup message (the handlers the fast path never serves) */

static void
cblue_server_set_json(SoupServerMessage *msg, guint status, const gchar *json)
{
	CblueExchange ex;
	cblue_exchange_init_from_message(&ex, msg, NULL);
	cblue_exchange_set_json(&ex, status, json);
	cblue_exchange_commit(&ex);
}

static void
cblue_server_set_error(SoupServerMessage *msg, const GError *error)
{
	g_autofree gchar *json = cblue_error_to_json(error);
	cblue_server_set_json(msg, cblue_error_to_http_status(error), json);
}

static void
cblue_server_set_error_literal(SoupServerMessage *msg, CblueError code, const gchar *message)
{
	g_autoptr(GError) error = g_error_new_literal(CBLUE_ERROR, code, message);
	cblue_server_set_error(msg, error);
}

static void
cblue_server_set_method_not_allowed(SoupServerMessage *msg, const gchar *allow)
{
	CblueExchange ex;
	cblue_exchange_init_from_message(&ex, msg, NULL);
	cblue_exchange_set_method_not_allowed(&ex, allow);
	cblue_exchange_commit(&ex);
}

/* logging: every record about a request carries its id */

static void
cblue_server_log(GLogLevelFlags level, const gchar *request_id, const gchar *format, ...) G_GNUC_PRINTF(3, 4);

static void
cblue_server_log(GLogLevelFlags level, const gchar *request_id, const gchar *format, ...)
{
	g_autofree gchar *message = NULL;
	va_list args;

	/* the access log is at debug level: do not format what nobody reads */
	if (level == G_LOG_LEVEL_DEBUG && g_log_writer_default_would_drop(level, G_LOG_DOMAIN))
		return;
	va_start(args, format);
	message = g_strdup_vprintf(format, args);
	va_end(args);
	g_log_structured(G_LOG_DOMAIN, level, "CBLUE_REQUEST_ID", request_id != NULL ? request_id : "-", "MESSAGE",
			 "%s", message);
}

/* log records of this thread carry the request's id while in scope (see
 * cblue_log_set_request_id()); scopes do not nest */
typedef struct _CblueLogScope CblueLogScope;
static gchar cblue_log_scope_token;

static CblueLogScope *
cblue_log_scope_new(const gchar *request_id)
{
	cblue_log_set_request_id(request_id);
	return (CblueLogScope *)&cblue_log_scope_token;
}

static void
cblue_log_scope_end(CblueLogScope *scope)
{
	cblue_log_set_request_id(NULL);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueLogScope, cblue_log_scope_end)

/* configuration */

static gboolean
cblue_server_strv_contains_ci(gchar **strv, const gchar *value)
{
	for (guint i = 0; strv != NULL && strv[i] != NULL; i++) {
		if (g_ascii_strcasecmp(strv[i], value) == 0)
			return TRUE;
	}
	return FALSE;
}

static guint
cblue_server_config_uint(CblueConfig *config, const gchar *key, gint64 default_value, gint64 min, gint64 max)
{
	return (guint)CLAMP(cblue_config_get_int(config, "server", key, default_value), min, max);
}

static void
cblue_server_load_config(CblueServer *self)
{
	CblueConfig *config = cblue_context_get_config(cblue_bot_get_context(self->bot));
	gdouble rate = cblue_config_get_double(config, "server", "rate_limit", CBLUE_SERVER_DEFAULT_RATE);
	gdouble burst = cblue_config_get_double(config, "server", "rate_limit_burst", CBLUE_SERVER_DEFAULT_BURST);
	self->max_body = cblue_server_config_uint(config, "max_body_bytes", CBLUE_SERVER_DEFAULT_MAX_BODY, 1024,
						  64 * 1024 * 1024);
	self->request_timeout =
	    cblue_server_config_uint(config, "request_timeout", CBLUE_SERVER_DEFAULT_REQUEST_TIMEOUT, 1, 3600);
	self->idle_timeout = cblue_server_config_uint(config, "idle_timeout", CBLUE_SERVER_DEFAULT_IDLE_TIMEOUT, 1, 3600);
	self->ws_max_per_ip =
	    cblue_server_config_uint(config, "ws_max_per_ip", CBLUE_SERVER_DEFAULT_WS_PER_IP, 0, G_MAXINT32);
	self->ws_max_message = cblue_server_config_uint(config, "ws_max_message_bytes",
							CBLUE_SERVER_DEFAULT_WS_MAX_MESSAGE, 256, 16 * 1024 * 1024);
	self->ws_idle_timeout =
	    cblue_server_config_uint(config, "ws_idle_timeout", CBLUE_SERVER_DEFAULT_WS_IDLE_TIMEOUT, 1, 86400);
	self->ws_ping_interval =
	    cblue_server_config_uint(config, "ws_ping_interval", CBLUE_SERVER_DEFAULT_WS_PING_INTERVAL, 0, 3600);
	self->ws_max_pending =
	    cblue_server_config_uint(config, "ws_max_pending", CBLUE_SERVER_DEFAULT_WS_MAX_PENDING, 1, 1024);
	self->ws_max_queued = cblue_server_config_uint(config, "websocket_max_queued",
						       CBLUE_SERVER_DEFAULT_WS_MAX_QUEUED, 0, G_MAXINT32);
	self->shutdown_timeout =
	    cblue_server_config_uint(config, "shutdown_timeout", CBLUE_SERVER_DEFAULT_SHUTDOWN_TIMEOUT, 0, 3600);
	self->cors_origins = cblue_config_get_strv(config, "server", "cors_origins");
	self->trusted_proxies = cblue_config_get_strv(config, "server", "trusted_proxies");
	self->metrics_from = cblue_config_get_strv(config, "server", "metrics_from");
	if (self->metrics_from == NULL)
		self->metrics_from = g_strsplit("127.0.0.1,::1", ",", -1);
	else if (cblue_server_strv_contains_ci(self->metrics_from, "*"))
		g_clear_pointer(&self->metrics_from, g_strfreev);
	/* rate_limit=0 turns the limit off */
	if (rate > 0)
		self->limiter = cblue_rate_limiter_new(rate, burst);
	self->pipeline_threads = cblue_server_config_uint(config, "pipeline_threads", 0, 0, 256);
	self->fast_path = cblue_config_get_boolean(config, "server", "fast_path", TRUE);
	self->native_websocket = cblue_config_get_boolean(config, "server", "native_websocket", TRUE);
	self->ws_per_thread = cblue_server_config_uint(config, "ws_connections_per_thread",
						       CBLUE_SERVER_DEFAULT_WS_PER_THREAD, 1, G_MAXINT32);
	self->ws_threads_max =
	    cblue_server_config_uint(config, "ws_threads_max", CBLUE_SERVER_DEFAULT_WS_THREADS_MAX, 1, 1024);
}

/* the client's address: the peer, or, behind a trusted proxy, the last X-Forwarded-For hop */
static gchar *
cblue_server_client_ip(CblueServer *self, const gchar *peer, SoupMessageHeaders *headers)
{
	const gchar *forwarded;

	if (peer == NULL)
		return g_strdup("unknown");
	if (self->trusted_proxies == NULL || !cblue_server_strv_contains_ci(self->trusted_proxies, peer))
		return g_strdup(peer);
	forwarded = soup_message_headers_get_list(headers, "X-Forwarded-For");
	if (forwarded != NULL) {
		const gchar *last = strrchr(forwarded, ',');
		g_autofree gchar *hop = g_strdup(last != NULL ? last + 1 : forwarded);
		g_strstrip(hop);
		if (hop[0] != '\0' && strlen(hop) <= 64)
			return g_steal_pointer(&hop);
	}
	return g_strdup(peer);
}

/* an X-Request-Id from the client is kept if it is short and plain; else we make one */
static gboolean
cblue_server_request_id_is_valid(const gchar *id)
{
	gsize len = 0;
	for (const gchar *p = id; *p != '\0'; p++, len++) {
		if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_' && *p != '.' && *p != ':')
			return FALSE;
	}
	return len > 0 && len <= 128;
}

/* 20 hex digits: the process's random prefix, the worker, a counter (no printf: this
 * runs for every request) */
static gchar *
cblue_server_worker_new_request_id(CblueServerWorker *worker)
{
	static const gchar hex[] = "0123456789abcdef";
	guint64 counter = ++worker->request_counter & G_GUINT64_CONSTANT(0xffffffffff);
	gchar *id = g_malloc(21);

	for (guint i = 0; i < 8; i++)
		id[i] = hex[(worker->id_prefix >> (28 - 4 * i)) & 0xf];
	id[8] = hex[(worker->index >> 4) & 0xf];
	id[9] = hex[worker->index & 0xf];
	for (guint i = 0; i < 10; i++)
		id[10 + i] = hex[(counter >> (36 - 4 * i)) & 0xf];
	id[20] = '\0';
	return id;
}

/* CORS: the origin to allow, or NULL */
static const gchar *
cblue_server_allowed_origin(CblueServer *self, const gchar *origin)
{
	if (origin == NULL || self->cors_origins == NULL)
		return NULL;
	if (cblue_server_strv_contains_ci(self->cors_origins, "*"))
		return "*";
	if (cblue_server_strv_contains_ci(self->cors_origins, origin))
		return origin;
	return NULL;
}

/* a page of our own origin: the Origin names the host the request was sent to */
static gboolean
cblue_server_is_same_origin(SoupMessageHeaders *headers, const gchar *origin)
{
	const gchar *host = soup_message_headers_get_one(headers, "Host");
	const gchar *rest;

	if (host == NULL || origin == NULL)
		return FALSE;
	if (g_str_has_prefix(origin, "http://"))
		rest = origin + strlen("http://");
	else if (g_str_has_prefix(origin, "https://"))
		rest = origin + strlen("https://");
	else
		return FALSE;
	return g_ascii_strcasecmp(rest, host) == 0;
}

/* libsoup answers a request that is not a WebSocket handshake with an HTML page; we refuse
 * it first, with the JSON error of every other route (RFC 6455 §4.2.1: a 16-byte key in
 * base64, version 13) */
static gboolean
cblue_server_is_websocket_handshake(SoupMessageHeaders *headers)
{
	const gchar *key = soup_message_headers_get_one(headers, "Sec-WebSocket-Key");
	return soup_message_headers_header_contains(headers, "Upgrade", "websocket") &&
	       soup_message_headers_header_contains(headers, "Connection", "upgrade") && key != NULL &&
	       strlen(key) == 24 && g_strcmp0(soup_message_headers_get_one(headers, "Sec-WebSocket-Version"), "13") == 0;
}

static gboolean
cblue_server_content_type_is_ok(SoupMessageHeaders *headers)
{
	const gchar *ct = soup_message_headers_get_content_type(headers, NULL);

	/* curl -d sends application/x-www-form-urlencoded, and a page that wants no CORS
	 * preflight sends text/plain: a JSON body is accepted with either */
	if (ct == NULL)
		return soup_message_headers_get_one(headers, "Content-Type") == NULL;
	return g_ascii_strcasecmp(ct, "application/json") == 0 ||
	       g_ascii_strcasecmp(ct, "application/x-www-form-urlencoded") == 0 ||
	       g_ascii_strcasecmp(ct, "text/plain") == 0 ||
	       (g_str_has_prefix(ct, "application/") && g_str_has_suffix(ct, "+json"));
}

static void
cblue_server_add_security_headers(CblueServer *self, CblueExchange *ex, CblueRoute route)
{

	cblue_exchange_set_header(ex, "X-Content-Type-Options", "nosniff");
	cblue_exchange_set_header(ex, "Referrer-Policy", "no-referrer");
	if (route == CBLUE_ROUTE_WIDGET) {
		/* any page may load the widget script */
		cblue_exchange_set_header(ex, "Cross-Origin-Resource-Policy", "cross-origin");
	} else {
		cblue_exchange_set_header(ex, "X-Frame-Options", "DENY");
		cblue_exchange_set_header(ex, "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
	}
	if (self->tls_certificate != NULL)
		cblue_exchange_set_header(ex, "Strict-Transport-Security", "max-age=31536000");
}

/* slow clients and connection accounting */

/* the request no longer holds up a graceful shutdown: finished, aborted, or its
 * connection taken over by a WebSocket (libsoup finishes no stolen message) */
static void
cblue_server_request_close(CblueServer *self, CblueRequestInfo *info)
{
	if (info != NULL && info->open) {
		info->open = FALSE;
		g_atomic_int_add(&self->requests_open, -1);
	}
}

/*
 * requests being read, with their deadline. The messages are weak: when the client goes
 * away before the request line is read, or sends one libsoup cannot parse, libsoup 3.2
 * drops the message without a signal; holding it would hold the connection open.
 */
static void
cblue_server_reading_gone_cb(gpointer user_data, GObject *where_the_message_was)
{
	CblueServerWorker *worker = user_data;
	SoupServerMessage *msg = SOUP_SERVER_MESSAGE(where_the_message_was);

	/* (weak references are notified before the message's data is freed) a request that
	 * libsoup dropped unread no longer holds up a graceful shutdown */
	cblue_server_request_close(worker->server, cblue_request_info_get(msg));
	g_hash_table_remove(worker->reading, where_the_message_was);
}

static void
cblue_server_reading_add(CblueServerWorker *worker, SoupServerMessage *msg, gint deadline)
{
	if (!g_hash_table_contains(worker->reading, msg))
		g_object_weak_ref(G_OBJECT(msg), cblue_server_reading_gone_cb, worker);
	g_hash_table_insert(worker->reading, msg, GINT_TO_POINTER(deadline));
}

static void
cblue_server_reading_remove(CblueServerWorker *worker, SoupServerMessage *msg)
{
	if (g_hash_table_remove(worker->reading, msg))
		g_object_weak_unref(G_OBJECT(msg), cblue_server_reading_gone_cb, worker);
}

static void
cblue_server_reading_clear(CblueServerWorker *worker)
{
	GHashTableIter iter;
	gpointer msg;

	g_hash_table_iter_init(&iter, worker->reading);
	while (g_hash_table_iter_next(&iter, &msg, NULL)) {
		g_object_weak_unref(msg, cblue_server_reading_gone_cb, worker);
		g_hash_table_iter_remove(&iter);
	}
}

/* a connection's socket is freed: libsoup has closed it */
static void
cblue_server_connection_gone_cb(gpointer user_data, GObject *where_the_socket_was)
{
	CblueServerWorker *worker = user_data;

	if (g_hash_table_remove(worker->connections, where_the_socket_was))
		cblue_server_metrics_add_active_connections(worker->server->metrics, -1);
}

/* the connection leaves the table (and active_connections, unless @keep_counted) */
static void
cblue_server_forget_connection(CblueServerWorker *worker, GSocket *socket, gboolean keep_counted)
{
	if (!g_hash_table_remove(worker->connections, socket))
		return;
	g_object_weak_unref(G_OBJECT(socket), cblue_server_connection_gone_cb, worker);
	if (!keep_counted)
		cblue_server_metrics_add_active_connections(worker->server->metrics, -1);
}

/*
 * A kept-alive connection with no request is readable: its next request (libsoup reads
 * it, and the request starts), or the client closed it. libsoup 3.2 reads that end of
 * stream and then neither closes the connection nor tells: closing it is ours.
 */
static gboolean
cblue_server_idle_readable_cb(gint fd, GIOCondition condition, gpointer user_data)
{
	CblueConnState *conn = user_data;
	GSocket *socket = conn->socket;
	gchar byte;
	gssize n = recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);

	g_clear_pointer(&conn->idle_watch, g_source_unref);
	if (n > 0 || (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)))
		return G_SOURCE_REMOVE;
	g_socket_close(socket, NULL);
	cblue_server_forget_connection(conn->worker, socket, FALSE);
	return G_SOURCE_REMOVE;
}

static void
cblue_server_watch_idle_connection(CblueServerWorker *worker, GSocket *socket, CblueConnState *conn)
{
	if (conn->idle_watch != NULL || g_socket_is_closed(socket))
		return;
	conn->idle_watch = g_unix_fd_source_new(g_socket_get_fd(socket), G_IO_IN | G_IO_HUP | G_IO_ERR);
	g_source_set_callback(conn->idle_watch, G_SOURCE_FUNC(cblue_server_idle_readable_cb), conn, NULL);
	g_source_set_static_name(conn->idle_watch, "[cblue-server] idle connection");
	g_source_attach(conn->idle_watch, worker->context);
}

static void
cblue_server_request_started_cb(SoupServer *soup, SoupServerMessage *msg, gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	CblueServer *self = worker->server;
	CblueRequestInfo *info = g_new0(CblueRequestInfo, 1);
	gint64 now = g_get_monotonic_time();
	GSocket *socket = cblue_fast_message_get_socket(msg);

	info->start_usec = now;
	info->route = CBLUE_ROUTE_OTHER;
	g_object_set_qdata_full(G_OBJECT(msg), cblue_request_info_quark(), info, cblue_request_info_free);
	g_weak_ref_init(&info->socket, socket);
	info->open = TRUE;
	g_atomic_int_inc(&self->requests_open);
	/* the whole request must be read within request_timeout, however slowly it trickles */
	cblue_server_reading_add(worker, msg, (gint)(now / G_USEC_PER_SEC + self->request_timeout));

	/* count the connection until its socket is freed (libsoup 3.2 closes it only then:
	 * nothing of ours may hold a reference) and watch it for inactivity. (No
	 * g_socket_set_timeout(): a socket with a timeout halves the requests per second
	 * libsoup serves; the sweep does the same for less.) */
	if (socket != NULL) {
		CblueConnState *conn = g_hash_table_lookup(worker->connections, socket);
		if (conn == NULL) {
			conn = g_new0(CblueConnState, 1);
			conn->worker = worker;
			conn->socket = socket;
			g_hash_table_insert(worker->connections, socket, conn);
			g_object_weak_ref(G_OBJECT(socket), cblue_server_connection_gone_cb, worker);
			cblue_server_metrics_add_active_connections(self->metrics, 1);
		}
		conn->active++;
		conn->last_active = now / G_USEC_PER_SEC;
		if (conn->idle_watch != NULL) {
			g_source_destroy(conn->idle_watch);
			g_clear_pointer(&conn->idle_watch, g_source_unref);
		}
	}
}

static void
cblue_server_request_read_cb(SoupServer *soup, SoupServerMessage *msg, gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	cblue_server_reading_remove(worker, msg);
}

/* a request is finished, on either transport: metrics and the access log */
static void
cblue_server_observe_request(CblueServerWorker *worker, CblueRequestInfo *info, const gchar *method,
			     CblueRoute route, guint status)
{
	gdouble seconds = (gdouble)(g_get_monotonic_time() - info->start_usec) / G_USEC_PER_SEC;

	cblue_server_metrics_observe_request(worker->server->metrics, worker->index, route, status, seconds);
	cblue_server_log(status >= 500 ? G_LOG_LEVEL_WARNING : G_LOG_LEVEL_DEBUG, info->request_id,
			 "%s %s %u %.2f ms", method != NULL ? method : "-", cblue_route_to_string(route), status,
			 seconds * 1000.0);
}

static void
cblue_server_request_done_cb(SoupServer *soup, SoupServerMessage *msg, gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	CblueServer *self = worker->server;
	CblueRequestInfo *info = cblue_request_info_get(msg);
	guint status = soup_server_message_get_status(msg);
	CblueRoute route;
	g_autoptr(GSocket) socket = info != NULL ? g_weak_ref_get(&info->socket) : NULL;

	cblue_server_reading_remove(worker, msg);
	cblue_server_request_close(self, info);
	if (socket != NULL) {
		CblueConnState *conn = g_hash_table_lookup(worker->connections, socket);
		if (conn != NULL) {
			conn->active = conn->active > 0 ? conn->active - 1 : 0;
			conn->last_active = g_get_monotonic_time() / G_USEC_PER_SEC;
			if (conn->active == 0)
				cblue_server_watch_idle_connection(worker, socket, conn);
		}
	}
	if (info == NULL)
		return;
	/* libsoup reports a connection that went away before its response as a 500 */
	if (status == SOUP_STATUS_INTERNAL_SERVER_ERROR && !info->responded)
		status = 499;
	route = info->route;
	if (route == CBLUE_ROUTE_OTHER && soup_server_message_get_uri(msg) != NULL)
		route = cblue_route_from_path(g_uri_get_path(soup_server_message_get_uri(msg)));
	cblue_server_observe_request(worker, info, soup_server_message_get_method(msg), route, status);
}

/* WebSocket clients */

typedef struct {
	gint ref_count;
	CblueServerWorker *worker;	/* unowned */
	SoupWebsocketConnection *conn;	/* owned, nullable: libsoup's (native_websocket=false, TLS) */
	CblueWsConnection *native;	/* owned, nullable: ours, when conn is NULL */
	GCancellable *cancellable;	/* owned: fires when the connection closes */
	gchar *ip;			/* owned */
	gchar *request_id;		/* owned: of the upgrade request */
	gchar *conversation_id;		/* owned, nullable until the first message */
	guint pending;			/* messages being answered */
	guint n_messages;
	gint64 last_message_usec;
	gint64 last_seen_usec;
	gboolean counted; /* in ws_per_ip and the gauge */
	gboolean closed;
	gboolean close_when_idle; /* the server is shutting down */
	gboolean owns_connection; /* counted in active_connections until closed */
	gboolean too_slow;	  /* closed for not reading (websocket_max_queued) */
} CblueWsClient;

static CblueWsClient *
cblue_ws_client_ref(CblueWsClient *client)
{
	g_atomic_int_inc(&client->ref_count);
	return client;
}

static void
cblue_ws_client_unref(CblueWsClient *client)
{
	if (!g_atomic_int_dec_and_test(&client->ref_count))
		return;
	if (client->conn != NULL) {
		g_signal_handlers_disconnect_by_data(client->conn, client);
		g_object_unref(client->conn);
	}
	if (client->native != NULL) {
		cblue_ws_connection_forget_callbacks(client->native);
		cblue_ws_connection_unref(client->native);
	}
	g_object_unref(client->cancellable);
	g_free(client->ip);
	g_free(client->request_id);
	g_free(client->conversation_id);
	g_free(client);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueWsClient, cblue_ws_client_unref)

/* counts one more connection from @ip; FALSE when it has too many */
static gboolean
cblue_server_ws_acquire(CblueServer *self, const gchar *ip, gboolean take)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->ws_mutex);
	guint count = GPOINTER_TO_UINT(g_hash_table_lookup(self->ws_per_ip, ip));

	if (self->ws_max_per_ip > 0 && count >= self->ws_max_per_ip)
		return FALSE;
	if (take)
		g_hash_table_insert(self->ws_per_ip, g_strdup(ip), GUINT_TO_POINTER(count + 1));
	return TRUE;
}

static void
cblue_server_ws_release(CblueServer *self, const gchar *ip)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->ws_mutex);
	guint count = GPOINTER_TO_UINT(g_hash_table_lookup(self->ws_per_ip, ip));

	if (count <= 1)
		g_hash_table_remove(self->ws_per_ip, ip);
	else
		g_hash_table_insert(self->ws_per_ip, g_strdup(ip), GUINT_TO_POINTER(count - 1));
}

static gboolean
cblue_ws_client_is_open(CblueWsClient *client)
{
	if (client->native != NULL)
		return cblue_ws_connection_get_state(client->native) == CBLUE_WS_STATE_OPEN;
	return soup_websocket_connection_get_state(client->conn) == SOUP_WEBSOCKET_STATE_OPEN;
}

static gboolean
cblue_ws_client_cancel_cb(gpointer user_data)
{
	CblueWsClient *client = user_data;
	g_cancellable_cancel(client->cancellable);
	return G_SOURCE_REMOVE;
}

/* after a send: the connection closed itself when the client stopped reading (more than
 * websocket_max_queued bytes would have waited); its answers are cancelled as when a client
 * leaves, from the loop (the send may come from inside a provider's token callback),
 * without waiting for the close handshake's timeout */
static void
cblue_ws_client_check_too_slow(CblueWsClient *client)
{
	CblueServer *self = client->worker->server;
	g_autoptr(GSource) source = NULL;

	if (client->too_slow || client->native == NULL || !cblue_ws_connection_get_too_slow(client->native))
		return;
	client->too_slow = TRUE;
	cblue_server_metrics_count_websocket_slow_client_close(self->metrics);
	cblue_server_log(G_LOG_LEVEL_INFO, client->request_id,
			 "closing a WebSocket: 1008 client too slow (more than %" G_GSIZE_FORMAT
			 " bytes waiting, %u messages, %u in progress)",
			 self->ws_max_queued, client->n_messages, client->pending);
	/* before any further I/O of the loop: at the idle priority, a busy loop would relay the
	 * rest of every answer (to be dropped) before cancelling them */
	source = g_idle_source_new();
	g_source_set_priority(source, G_PRIORITY_HIGH);
	g_source_set_callback(source, cblue_ws_client_cancel_cb, cblue_ws_client_ref(client),
			      (GDestroyNotify)cblue_ws_client_unref);
	g_source_attach(source, client->worker->context);
}

static void
cblue_ws_client_send_json(CblueWsClient *client, const gchar *json)
{
	if (client->native != NULL) {
		cblue_ws_connection_send_text(client->native, json, strlen(json));
		cblue_ws_client_check_too_slow(client);
	} else if (soup_websocket_connection_get_state(client->conn) == SOUP_WEBSOCKET_STATE_OPEN)
		soup_websocket_connection_send_text(client->conn, json);
}

static void
cblue_ws_client_send_error(CblueWsClient *client, const GError *error, guint retry_after)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) root = NULL;
	g_autofree gchar *json = NULL;

	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "type");
	json_builder_add_string_value(builder, "error");
	json_builder_set_member_name(builder, "error");
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "code");
	json_builder_add_string_value(builder, cblue_error_to_string(error));
	json_builder_set_member_name(builder, "message");
	json_builder_add_string_value(builder, error->message);
	if (retry_after > 0) {
		json_builder_set_member_name(builder, "retry_after");
		json_builder_add_int_value(builder, retry_after);
	}
	json_builder_end_object(builder);
	json_builder_end_object(builder);
	root = json_builder_get_root(builder);
	json = json_to_string(root, FALSE);
	cblue_ws_client_send_json(client, json);
}

static void
cblue_ws_client_close(CblueWsClient *client, gushort code, const gchar *reason)
{
	if (!cblue_ws_client_is_open(client))
		return;
	cblue_server_log(G_LOG_LEVEL_DEBUG, client->request_id, "closing a WebSocket: %u %s", code, reason);
	if (client->native != NULL)
		cblue_ws_connection_close(client->native, code, reason);
	else
		soup_websocket_connection_close(client->conn, code, reason);
}

typedef struct {
	CblueWsClient *client; /* owned */
	CblueMessage *message; /* owned */
	gboolean new_conversation;
} CblueWsJob;

static void
cblue_ws_job_free(CblueWsJob *job)
{
	cblue_ws_client_unref(job->client);
	g_object_unref(job->message);
	g_free(job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueWsJob, cblue_ws_job_free)

static void
cblue_ws_job_done(CblueWsJob *job, CblueChatReply *reply, const GError *error)
{
	CblueWsClient *client = job->client;
	CblueServer *self = client->worker->server;
	g_autoptr(CblueLogScope) scope = cblue_log_scope_new(client->request_id);

	client->pending--;
	cblue_server_metrics_add_in_flight(self->metrics, -1);
	if (client->closed)
		return;
	if (reply == NULL) {
		gboolean retry = g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE) ||
				 g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_BUSY);
		cblue_ws_client_send_error(client, error, retry ? 2 : 0);
	} else {
		g_autofree gchar *body = cblue_chat_reply_to_string(reply);
		g_autofree gchar *json = g_strconcat("{\"type\":\"reply\",", body + 1, NULL);
		cblue_server_metrics_observe_reply(self->metrics, client->worker->index, reply, job->new_conversation);
		cblue_ws_client_send_json(client, json);
	}
	if (client->close_when_idle && client->pending == 0)
		cblue_ws_client_close(client, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, "server shutting down");
}

static void
cblue_ws_token_buffer_free(gpointer data)
{
	g_string_free(data, TRUE);
}

/* streaming: each piece of the answer as a {"type":"token","text"} frame, before the reply;
 * written into a buffer of the thread's, kept from one token to the next (a frame is sent
 * or copied before the handler returns): no allocation per token */
static void
cblue_ws_token_cb(CblueMessage *message, const gchar *text, gpointer user_data)
{
	static GPrivate buffer_key = G_PRIVATE_INIT(cblue_ws_token_buffer_free);
	CblueWsClient *client = user_data;
	GString *json;

	/* too slow: closing, and what it would be sent is dropped anyway */
	if (client->closed || client->too_slow)
		return;
	json = g_private_get(&buffer_key);
	if (json == NULL) {
		json = g_string_sized_new(256);
		g_private_set(&buffer_key, json);
	}
	g_string_truncate(json, 0);
	g_string_append(json, "{\"type\":\"token\",\"text\":");
	cblue_json_append_string(json, text);
	g_string_append_c(json, '}');
	if (client->native != NULL) {
		cblue_ws_connection_send_text(client->native, json->str, json->len);
		cblue_ws_client_check_too_slow(client);
	} else {
		cblue_ws_client_send_json(client, json->str);
	}
}

static void
cblue_ws_queue_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	g_autoptr(CblueWsJob) job = user_data;
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueChatReply) reply = cblue_queue_submit_finish(CBLUE_QUEUE(source), res, &error);
	g_signal_handlers_disconnect_by_func(job->message, cblue_ws_token_cb, job->client);
	cblue_ws_job_done(job, reply, error);
}

static void
cblue_ws_bot_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	g_autoptr(CblueWsJob) job = user_data;
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueChatReply) reply = cblue_bot_ask_finish(CBLUE_BOT(source), res, &error);
	g_signal_handlers_disconnect_by_func(job->message, cblue_ws_token_cb, job->client);
	cblue_ws_job_done(job, reply, error);
}

static void
cblue_ws_message_cb(SoupWebsocketConnection *conn, gint type, GBytes *bytes, gpointer user_data)
{
	CblueWsClient *client = user_data;
	CblueServerWorker *worker = client->worker;
	CblueServer *self = worker->server;
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueMessage) message = NULL;
	g_autofree gchar *msg_type = NULL;
	CblueWsJob *job;
	CblueQueue *queue;
	guint retry_after = 0;
	gint64 now = g_get_monotonic_time();
	g_autoptr(CblueLogScope) scope = cblue_log_scope_new(client->request_id);

	client->last_seen_usec = now;
	if (client->closed || client->close_when_idle)
		return;
	if (type != SOUP_WEBSOCKET_DATA_TEXT) {
		cblue_ws_client_close(client, SOUP_WEBSOCKET_CLOSE_UNSUPPORTED_DATA, "binary frames are not supported");
		return;
	}
	if (g_bytes_get_size(bytes) > self->ws_max_message) {
		cblue_ws_client_close(client, SOUP_WEBSOCKET_CLOSE_TOO_BIG, "message too large");
		return;
	}
	client->last_message_usec = now;
	if (!cblue_server_parse_ws_frame(bytes, &msg_type, &message, &error)) {
		cblue_ws_client_send_error(client, error, 0);
		return;
	}
	if (g_strcmp0(msg_type, "ping") == 0) {
		cblue_ws_client_send_json(client, "{\"type\":\"pong\"}");
		return;
	}
	if (self->limiter != NULL && !cblue_rate_limiter_take(self->limiter, client->ip, now, &retry_after)) {
		g_set_error_literal(&error, CBLUE_ERROR, CBLUE_ERROR_BUSY, _("Too many messages; please wait a moment."));
		cblue_ws_client_send_error(client, error, retry_after);
		return;
	}
	if (client->pending >= self->ws_max_pending) {
		g_set_error_literal(&error, CBLUE_ERROR, CBLUE_ERROR_BUSY,
				    _("Please wait for the answer before sending more messages."));
		cblue_ws_client_send_error(client, error, 1);
		return;
	}

	job = g_new0(CblueWsJob, 1);
	job->client = cblue_ws_client_ref(client);
	job->message = g_object_ref(message);
	/* the conversation belongs to the connection: the first message's id (given by the
	 * client to resume one, or new) is used for every later message */
	if (client->conversation_id == NULL) {
		const gchar *given = cblue_message_get_conversation_id(message);
		job->new_conversation = given == NULL;
		client->conversation_id = given != NULL ? g_strdup(given) : cblue_message_new_id();
	}
	cblue_message_set_conversation_id(message, client->conversation_id);
	cblue_message_set_client_address(message, client->ip);
	client->pending++;
	client->n_messages++;
	cblue_server_metrics_add_in_flight(self->metrics, 1);
	cblue_ws_client_send_json(client, "{\"type\":\"typing\"}");
	queue = cblue_context_get_extension(cblue_bot_get_context(self->bot), CBLUE_TYPE_QUEUE);
	/* tokens are emitted on this thread, where the connection lives (the in-process
	 * queue answers here too; the Redis queue relays a worker's tokens here) */
	g_signal_connect(message, "token", G_CALLBACK(cblue_ws_token_cb), client);
	if (queue != NULL)
		cblue_queue_submit_async(queue, message, client->cancellable, cblue_ws_queue_cb, job);
	else
		cblue_bot_ask_async(self->bot, message, client->cancellable, cblue_ws_bot_cb, job);
}

static void
cblue_ws_pong_cb(SoupWebsocketConnection *conn, GBytes *message, gpointer user_data)
{
	CblueWsClient *client = user_data;
	client->last_seen_usec = g_get_monotonic_time();
}

static void
cblue_ws_closed_cb(SoupWebsocketConnection *conn, gpointer user_data)
{
	CblueWsClient *client = user_data;
	CblueServerWorker *worker = client->worker;

	if (client->closed)
		return;
	/* the bound may have been reached by the connection's own pings */
	cblue_ws_client_check_too_slow(client);
	client->closed = TRUE;
	g_cancellable_cancel(client->cancellable);
	if (client->counted) {
		cblue_server_ws_release(worker->server, client->ip);
		cblue_server_metrics_add_websocket_connections(worker->server->metrics, -1);
		client->counted = FALSE;
	}
	if (client->owns_connection) {
		cblue_server_metrics_add_active_connections(worker->server->metrics, -1);
		client->owns_connection = FALSE;
	}
	g_atomic_int_add(&worker->n_websockets, -1);
	cblue_server_log(G_LOG_LEVEL_DEBUG, client->request_id, "WebSocket closed (%u, %u messages)",
			 client->native != NULL ? cblue_ws_connection_get_close_code(client->native)
						: soup_websocket_connection_get_close_code(conn),
			 client->n_messages);
	/* drops the worker's reference; pending jobs hold their own */
	g_hash_table_remove(worker->ws_clients, client);
}

/* the native connection calls the same handlers as libsoup's */
static void
cblue_ws_native_message_cb(CblueWsConnection *conn, gint type, GBytes *bytes, gpointer user_data)
{
	cblue_ws_message_cb(NULL, type, bytes, user_data);
}

static void
cblue_ws_native_pong_cb(CblueWsConnection *conn, gpointer user_data)
{
	cblue_ws_pong_cb(NULL, NULL, user_data);
}

static void
cblue_ws_native_closed_cb(CblueWsConnection *conn, gpointer user_data)
{
	cblue_ws_closed_cb(NULL, user_data);
}

/* WebSocket threads: a connection leaves its listener thread once upgraded.
 *
 * GLib's main loop polls every source of a context in every iteration, so a context with
 * thousands of idle WebSockets pays for all of them on every message. The listener threads
 * therefore do the handshake only and hand the connection to a WebSocket thread, each its
 * own context with at most [server] ws_connections_per_thread connections (more threads
 * start as connections come, up to ws_threads_max, then the least busy one takes it). A
 * connection stays on its thread until it closes: its messages are answered there. */

typedef struct {
	CblueServer *server;	   /* unowned */
	CblueServerWorker *thread; /* unowned, nullable: counts the connection in n_websockets until
				    * adopted (WebSocket threads stop after the listeners) */
	GIOStream *stream;	   /* owned, nullable once adopted */
	GSocket *socket;	   /* owned, nullable: the stream's, for a native connection */
	GUri *uri;		   /* owned */
	gchar *origin;		   /* owned, nullable */
	gchar *protocol;	   /* owned, nullable */
	GList *extensions;	   /* owned: of SoupWebsocketExtension */
	gchar *ip;		   /* owned */
	gchar *request_id;	   /* owned */
	gboolean owns_connection;  /* counted in active_connections */
	gboolean counted;	   /* counted in ws_per_ip */
} CblueWsHandoff;

static void
cblue_ws_handoff_free(gpointer data)
{
	CblueWsHandoff *handoff = data;
	CblueServer *self = handoff->server;

	/* not adopted (the WebSocket thread stopped first, or the stream was gone) */
	if (handoff->stream != NULL) {
		g_io_stream_close(handoff->stream, NULL, NULL);
		g_object_unref(handoff->stream);
	}
	if (handoff->thread != NULL)
		g_atomic_int_add(&handoff->thread->n_websockets, -1);
	if (handoff->owns_connection)
		cblue_server_metrics_add_active_connections(self->metrics, -1);
	if (handoff->counted)
		cblue_server_ws_release(self, handoff->ip);
	g_clear_object(&handoff->socket);
	g_clear_pointer(&handoff->uri, g_uri_unref);
	g_free(handoff->origin);
	g_free(handoff->protocol);
	g_list_free_full(handoff->extensions, g_object_unref);
	g_free(handoff->ip);
	g_free(handoff->request_id);
	g_free(handoff);
}

/* in the WebSocket thread: the connection is ours from now on */
static gboolean
cblue_server_ws_adopt_cb(gpointer user_data)
{
	CblueWsHandoff *handoff = user_data;
	CblueServerWorker *worker = handoff->thread;
	CblueServer *self = worker->server;
	CblueWsClient *client;
	gint64 now = g_get_monotonic_time();

	if (worker->quitting)
		return G_SOURCE_REMOVE;
	client = g_new0(CblueWsClient, 1);
	client->ref_count = 1;
	client->worker = worker;
	if (worker->epoll != NULL && handoff->socket != NULL && handoff->extensions == NULL) {
		static const CblueWsCallbacks callbacks = {
		    .message = cblue_ws_native_message_cb,
		    .pong = cblue_ws_native_pong_cb,
		    .closed = cblue_ws_native_closed_cb,
		};
		client->native = cblue_ws_connection_new(
		    worker->epoll, handoff->socket, handoff->stream,
		    (guint64)self->ws_max_message * CBLUE_SERVER_WS_HARD_LIMIT_FACTOR, self->ws_ping_interval, &callbacks,
		    client);
		cblue_ws_connection_set_max_queued(client->native, self->ws_max_queued);
	} else {
		/* created here, so that its sources are attached to this thread's context */
		client->conn = soup_websocket_connection_new(handoff->stream, handoff->uri,
							     SOUP_WEBSOCKET_CONNECTION_SERVER, handoff->origin,
							     handoff->protocol, g_steal_pointer(&handoff->extensions));
	}
	g_clear_object(&handoff->stream);
	/* the client counts the connection from now on, until closed */
	client->owns_connection = handoff->owns_connection;
	handoff->owns_connection = FALSE;
	handoff->thread = NULL;
	client->cancellable = g_cancellable_new();
	client->ip = g_steal_pointer(&handoff->ip);
	client->request_id = g_steal_pointer(&handoff->request_id);
	client->last_message_usec = now;
	client->last_seen_usec = now;
	g_hash_table_add(worker->ws_clients, client);
	if (client->conn != NULL) {
		g_signal_connect(client->conn, "message", G_CALLBACK(cblue_ws_message_cb), client);
		g_signal_connect(client->conn, "pong", G_CALLBACK(cblue_ws_pong_cb), client);
		g_signal_connect(client->conn, "closed", G_CALLBACK(cblue_ws_closed_cb), client);
		/* our own idle and liveness checks (the sweep) replace the connection's */
		soup_websocket_connection_set_max_incoming_payload_size(
		    client->conn, (guint64)self->ws_max_message * CBLUE_SERVER_WS_HARD_LIMIT_FACTOR);
		if (self->ws_ping_interval > 0)
			soup_websocket_connection_set_keepalive_interval(client->conn, self->ws_ping_interval);
	}

	/* counted in ws_per_ip by the handshake; the WebSocket releases it when it closes */
	client->counted = TRUE;
	handoff->counted = FALSE;
	cblue_server_metrics_add_websocket_connections(self->metrics, 1);
	if (g_atomic_int_get(&self->draining))
		cblue_ws_client_close(client, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, "server shutting down");
	return G_SOURCE_REMOVE;
}

static gpointer cblue_server_worker_thread(gpointer user_data);
static CblueServerWorker *cblue_server_worker_new_common(CblueServer *self, guint index);
static void cblue_server_worker_free(CblueServerWorker *worker);

/* the WebSocket thread that takes the next connection: the least busy one, or a new one
 * when all have ws_per_thread connections; counts the connection on it */
static CblueServerWorker *
cblue_server_ws_thread_take(CblueServer *self)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->ws_mutex);
	CblueServerWorker *best = NULL;
	gint best_count = G_MAXINT;

	for (guint i = 0; self->ws_threads != NULL && i < self->ws_threads->len; i++) {
		CblueServerWorker *worker = g_ptr_array_index(self->ws_threads, i);
		gint count = g_atomic_int_get(&worker->n_websockets);
		if (count < best_count) {
			best = worker;
			best_count = count;
		}
	}
	if (best == NULL || (best_count >= (gint)self->ws_per_thread && self->ws_threads->len < self->ws_threads_max)) {
		guint n = self->ws_threads != NULL ? self->ws_threads->len : 0;
		g_autofree gchar *name = g_strdup_printf("cblue-ws-%u", n);

		if (self->ws_threads == NULL)
			self->ws_threads = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_server_worker_free);
		/* metrics shards are per listener; index modulo their number */
		best = cblue_server_worker_new_common(self, n);
		if (self->native_websocket && self->tls_certificate == NULL)
			best->epoll = cblue_epoll_new(best->context);
		best->thread = g_thread_new(name, cblue_server_worker_thread, best);
		g_ptr_array_add(self->ws_threads, best);
	}
	g_atomic_int_inc(&best->n_websockets);
	return best;
}

/* to the WebSocket thread that takes it (@handoff is its from now on) */
static void
cblue_server_ws_hand_over(CblueServer *self, CblueWsHandoff *handoff)
{
	handoff->thread = cblue_server_ws_thread_take(self);
	g_main_context_invoke_full(handoff->thread->context, G_PRIORITY_DEFAULT, cblue_server_ws_adopt_cb, handoff,
				   cblue_ws_handoff_free);
}

/* in the listener thread, once the 101 response is written: hand the connection over */
static void
cblue_server_ws_upgraded_cb(SoupServerMessage *msg, gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	CblueServer *self = worker->server;
	CblueRequestInfo *info = cblue_request_info_get(msg);
	GSocket *socket = g_object_get_qdata(G_OBJECT(msg), cblue_server_ws_socket_quark());
	CblueWsHandoff *handoff = g_object_steal_qdata(G_OBJECT(msg), cblue_server_ws_handoff_quark());
	SoupMessageHeaders *req_headers = soup_server_message_get_request_headers(msg);
	SoupMessageHeaders *resp_headers = soup_server_message_get_response_headers(msg);
	gint64 now = g_get_monotonic_time();

	if (handoff == NULL)
		return;
	handoff->uri = g_uri_ref(soup_server_message_get_uri(msg));
	handoff->origin = g_strdup(soup_message_headers_get_one(req_headers, "Origin"));
	handoff->protocol = g_strdup(soup_message_headers_get_one(resp_headers, "Sec-WebSocket-Protocol"));
	handoff->request_id = g_strdup(cblue_request_id(msg));
	cblue_server_metrics_observe_request(self->metrics, worker->index, CBLUE_ROUTE_CHAT_WS,
					     SOUP_STATUS_SWITCHING_PROTOCOLS,
					     info != NULL ? (gdouble)(now - info->start_usec) / G_USEC_PER_SEC : 0);
	cblue_server_reading_remove(worker, msg);
	cblue_server_request_close(self, info);
	/* the connection (and its place in active_connections) goes with the WebSocket */
	if (socket != NULL && g_hash_table_contains(worker->connections, socket)) {
		cblue_server_forget_connection(worker, socket, TRUE);
		handoff->owns_connection = TRUE;
	}
	if (socket != NULL && self->tls_certificate == NULL)
		handoff->socket = g_object_ref(socket);
	handoff->stream = soup_server_message_steal_connection(msg);
	if (handoff->stream == NULL) {
		cblue_ws_handoff_free(handoff);
		return;
	}
	cblue_server_ws_hand_over(self, handoff);
}

/* the Sec-WebSocket-Accept of a valid handshake, or NULL for one that libsoup's
 * soup_websocket_server_check_handshake() refuses with no origin, subprotocol or extension
 * required (the early checks saw the rest); the fast path's handshake (the 101 that
 * libsoup's path writes comes from soup_websocket_server_process_handshake()) */
static gchar *
cblue_server_websocket_accept(SoupMessageHeaders *headers)
{
	static const gchar guid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
	const gchar *key = soup_message_headers_get_one(headers, "Sec-WebSocket-Key");
	guchar decoded[18];
	guint8 digest[20];
	gsize digest_len = sizeof(digest);
	gint state = 0;
	guint save = 0;
	g_autoptr(GChecksum) checksum = NULL;

	if (!soup_message_headers_header_equals(headers, "Upgrade", "websocket") ||
	    !soup_message_headers_header_contains(headers, "Connection", "upgrade") ||
	    !soup_message_headers_header_equals(headers, "Sec-WebSocket-Version", "13"))
		return NULL;
	/* RFC 6455 §4.2.1: a 16-byte value in base64 (decoded as libsoup does) */
	if (key == NULL || strlen(key) != 24 || g_base64_decode_step(key, 24, decoded, &state, &save) != 16)
		return NULL;
	checksum = g_checksum_new(G_CHECKSUM_SHA1);
	g_checksum_update(checksum, (const guchar *)key, -1);
	g_checksum_update(checksum, (const guchar *)guid, sizeof(guid) - 1);
	g_checksum_get_digest(checksum, digest, &digest_len);
	return g_base64_encode(digest, digest_len);
}

/* GET /api/v1/chat/ws, after the early checks: the handshake here, the connection in a
 * WebSocket thread once the 101 response is written */
static void
cblue_server_handle_ws(SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
		       gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	CblueServer *self = worker->server;
	CblueRequestInfo *info = cblue_request_info_get(msg);
	const gchar *ip = info != NULL && info->client_ip != NULL ? info->client_ip : "unknown";
	CblueWsHandoff *handoff;

	/* counted now, before the 101 is sent: a burst of handshakes cannot pass the
	 * limit while earlier ones are on their way to a WebSocket thread */
	if (!cblue_server_ws_acquire(self, ip, TRUE)) {
		soup_message_headers_replace(soup_server_message_get_response_headers(msg), "Retry-After", "10");
		cblue_server_set_error_literal(msg, CBLUE_ERROR_BUSY, _("Too many chat connections from your address."));
		return;
	}
	handoff = g_new0(CblueWsHandoff, 1);
	handoff->server = self;
	handoff->ip = g_strdup(ip);
	handoff->counted = TRUE;
	/* the native connection negotiates no extension (no permessage-deflate) */
	if (!soup_websocket_server_process_handshake(
		msg, NULL, NULL,
		self->native_websocket && self->tls_certificate == NULL ? NULL : self->ws_extension_types,
		&handoff->extensions)) {
		cblue_ws_handoff_free(handoff);
		/* libsoup set an HTML body (and Connection: close): the JSON error replaces it */
		soup_message_body_truncate(soup_server_message_get_response_body(msg));
		cblue_server_set_error_literal(msg, CBLUE_ERROR_INVALID_DATA,
					       _("This address takes a WebSocket handshake only."));
		return;
	}
	/* freed (and uncounted) with the message if the 101 is never written */
	g_object_set_qdata_full(G_OBJECT(msg), cblue_server_ws_handoff_quark(), handoff, cblue_ws_handoff_free);
	g_signal_connect(msg, "wrote-informational", G_CALLBACK(cblue_server_ws_upgraded_cb), worker);
}

/* the periodic check of each worker: slow requests, idle and dead WebSockets */
static gboolean
cblue_server_worker_sweep_cb(gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	CblueServer *self = worker->server;
	gint64 now = g_get_monotonic_time();
	gint now_sec = (gint)(now / G_USEC_PER_SEC);
	g_autoptr(GPtrArray) slow = g_ptr_array_new_with_free_func(g_object_unref);
	g_autoptr(GPtrArray) clients = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_ws_client_unref);
	GHashTableIter iter;
	gpointer key, value;

	g_hash_table_iter_init(&iter, worker->reading);
	while (g_hash_table_iter_next(&iter, &key, &value)) {
		if (GPOINTER_TO_INT(value) <= now_sec)
			g_ptr_array_add(slow, g_object_ref(key));
	}
	for (guint i = 0; i < slow->len; i++) {
		SoupServerMessage *msg = g_ptr_array_index(slow, i);
		CblueRequestInfo *info = cblue_request_info_get(msg);
		g_autoptr(GSocket) socket = info != NULL ? g_weak_ref_get(&info->socket) : NULL;
		cblue_server_log(G_LOG_LEVEL_INFO, cblue_request_id(msg),
				 "closing a connection that took more than %u s to send its request",
				 self->request_timeout);
		/* the reader sees the end of the stream and libsoup drops the connection */
		if (socket != NULL)
			g_socket_shutdown(socket, TRUE, TRUE, NULL);
		cblue_server_reading_remove(worker, msg);
	}

	g_hash_table_iter_init(&iter, worker->connections);
	while (g_hash_table_iter_next(&iter, &key, &value)) {
		CblueConnState *conn = value;
		if (g_socket_is_closed(key)) {
			g_object_weak_unref(key, cblue_server_connection_gone_cb, worker);
			g_hash_table_iter_remove(&iter);
			cblue_server_metrics_add_active_connections(self->metrics, -1);
			continue;
		}
		/* a kept-alive connection that sends nothing is closed (an upgraded WebSocket has
		 * left this table for its WebSocket thread, whose own checks apply) */
		if (conn->active == 0 && now_sec - conn->last_active >= (gint64)self->idle_timeout)
			g_socket_shutdown(key, TRUE, TRUE, NULL);
	}

	g_hash_table_iter_init(&iter, worker->ws_clients);
	while (g_hash_table_iter_next(&iter, &key, NULL))
		g_ptr_array_add(clients, cblue_ws_client_ref(key));
	for (guint i = 0; i < clients->len; i++) {
		CblueWsClient *client = g_ptr_array_index(clients, i);
		if (client->closed)
			continue;
		if (now - client->last_message_usec > (gint64)self->ws_idle_timeout * G_USEC_PER_SEC &&
		    client->pending == 0)
			cblue_ws_client_close(client, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, "idle timeout");
		else if (self->ws_ping_interval > 0 &&
			 now - client->last_seen_usec > 3 * (gint64)self->ws_ping_interval * G_USEC_PER_SEC)
			cblue_ws_client_close(client, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, "no answer to ping");
	}
	return G_SOURCE_CONTINUE;
}

/* the early checks: after the headers, before the body is read */

static void cblue_server_early_check(CblueServerWorker *worker, CblueExchange *ex);

/* a refused request's body is never read: the connection cannot be reused */
static void
cblue_server_early_refusal_closes(CblueExchange *ex, SoupServerMessage *msg)
{
	SoupMessageHeaders *req_headers = ex->request_headers;
	guint status = msg != NULL ? soup_server_message_get_status(msg) : ex->status;

	if (status != 0 && (soup_message_headers_get_encoding(req_headers) == SOUP_ENCODING_CHUNKED ||
			    soup_message_headers_get_content_length(req_headers) > 0))
		cblue_exchange_set_header(ex, "Connection", "close");
}

static void
cblue_server_early_cb(SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
		      gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	CblueExchange ex;

	cblue_exchange_init_from_message(&ex, msg, path);
	ex.peer = soup_server_message_get_remote_host(msg);
	cblue_server_early_check(worker, &ex);
	cblue_exchange_commit(&ex);
	cblue_server_early_refusal_closes(&ex, msg);
}

static void
cblue_server_early_check(CblueServerWorker *worker, CblueExchange *ex)
{
	CblueServer *self = worker->server;
	CblueRequestInfo *info = ex->info;
	SoupMessageHeaders *req_headers = ex->request_headers;
	const gchar *method = ex->method;
	const gchar *path = ex->path;
	const gchar *given_id = soup_message_headers_get_one(req_headers, "X-Request-Id");
	const gchar *origin = soup_message_headers_get_one(req_headers, "Origin");
	const gchar *allowed_origin = cblue_server_allowed_origin(self, origin);
	gboolean is_post = g_strcmp0(method, "POST") == 0;
	guint retry_after = 0;
	CblueRoute route = cblue_route_from_path(path);

	if (info == NULL) {
		/* no request-started: cannot happen with libsoup 3, but do not crash on it */
		info = g_new0(CblueRequestInfo, 1);
		info->start_usec = g_get_monotonic_time();
		g_object_set_qdata_full(G_OBJECT(ex->msg), cblue_request_info_quark(), info, cblue_request_info_free);
		ex->info = info;
	}
	info->route = route;
	info->request_id = given_id != NULL && cblue_server_request_id_is_valid(given_id)
			       ? g_strdup(given_id)
			       : cblue_server_worker_new_request_id(worker);
	info->client_ip = cblue_server_client_ip(self, ex->peer, req_headers);
	cblue_exchange_set_header(ex, "X-Request-Id", info->request_id);
	cblue_server_add_security_headers(self, ex, route);
	if (allowed_origin != NULL) {
		cblue_exchange_set_header(ex, "Access-Control-Allow-Origin", allowed_origin);
		cblue_exchange_set_header(ex, "Access-Control-Expose-Headers", "X-Request-Id, Retry-After");
	}
	if (self->cors_origins != NULL && !cblue_server_strv_contains_ci(self->cors_origins, "*"))
		cblue_exchange_append_header(ex, "Vary", "Origin");
	/* while shutting down, a kept-alive connection is closed after its response */
	if (g_atomic_int_get(&self->draining))
		cblue_exchange_set_header(ex, "Connection", "close");

	/* the admin API has its own body limit, authentication and worker pool */
	if (self->admin != NULL && cblue_admin_is_api_path(path)) {
		cblue_admin_early_check(self->admin, ex->msg, info->client_ip);
		return;
	}

	/* CORS preflight */
	if (g_strcmp0(method, "OPTIONS") == 0 && origin != NULL &&
	    soup_message_headers_get_one(req_headers, "Access-Control-Request-Method") != NULL) {
		if (allowed_origin == NULL) {
			cblue_exchange_set_error_literal(ex, CBLUE_ERROR_PERMISSION_DENIED,
						       _("This origin may not use the chat API."));
			return;
		}
		cblue_exchange_set_header(ex, "Access-Control-Allow-Methods", "GET, POST, OPTIONS");
		cblue_exchange_set_header(ex, "Access-Control-Allow-Headers", "Content-Type, X-Request-Id");
		cblue_exchange_set_header(ex, "Access-Control-Max-Age", "600");
		ex->status = SOUP_STATUS_NO_CONTENT;
		return;
	}

	/* a body is read only where one is expected */
	if (route != CBLUE_ROUTE_CHAT && route != CBLUE_ROUTE_FEEDBACK &&
	    (soup_message_headers_get_encoding(req_headers) == SOUP_ENCODING_CHUNKED ||
	     soup_message_headers_get_content_length(req_headers) > (is_post ? (goffset)self->max_body : 0))) {
		cblue_exchange_set_error_literal(ex, CBLUE_ERROR_TOO_LARGE, _("The request body is too large."));
		return;
	}

	switch (route) {
	case CBLUE_ROUTE_CHAT:
	case CBLUE_ROUTE_FEEDBACK: {
		goffset length;
		if (!is_post) {
			cblue_exchange_set_method_not_allowed(ex, "POST");
			return;
		}
		if (!cblue_server_content_type_is_ok(req_headers)) {
			cblue_exchange_set_error_literal(ex, CBLUE_ERROR_UNSUPPORTED_MEDIA_TYPE,
						       _("The request body must be JSON (Content-Type: application/json)."));
			return;
		}
		if (soup_message_headers_get_encoding(req_headers) != SOUP_ENCODING_CONTENT_LENGTH) {
			cblue_exchange_set_http_error(ex, SOUP_STATUS_LENGTH_REQUIRED, "length_required",
						    _("The request must have a Content-Length."));
			return;
		}
		length = soup_message_headers_get_content_length(req_headers);
		if (length < 0 || (guint64)length > self->max_body) {
			cblue_exchange_set_error_literal(ex, CBLUE_ERROR_TOO_LARGE, _("The request body is too large."));
			return;
		}
		if (self->limiter != NULL &&
		    !cblue_rate_limiter_take(self->limiter, info->client_ip, g_get_monotonic_time(), &retry_after)) {
			cblue_exchange_set_rate_limited(ex, retry_after);
			return;
		}
		break;
	}
	case CBLUE_ROUTE_CHAT_WS:
		if (g_strcmp0(method, "GET") != 0) {
			cblue_exchange_set_method_not_allowed(ex, "GET");
			return;
		}
		if (!cblue_server_is_websocket_handshake(req_headers)) {
			cblue_exchange_set_error_literal(ex, CBLUE_ERROR_INVALID_DATA,
						       _("This address takes a WebSocket handshake only."));
			return;
		}
		/* browsers always send Origin with a WebSocket: a page of another site may
		 * talk to us only if it is allowed; clients that are not browsers send none */
		if (origin != NULL && allowed_origin == NULL && !cblue_server_is_same_origin(req_headers, origin)) {
			cblue_exchange_set_error_literal(ex, CBLUE_ERROR_PERMISSION_DENIED,
						       _("This origin may not use the chat API."));
			return;
		}
		if (g_atomic_int_get(&self->draining)) {
			cblue_exchange_set_error_literal(ex, CBLUE_ERROR_NOT_REACHABLE, _("The server is shutting down."));
			return;
		}
		if (!cblue_server_ws_acquire(self, info->client_ip, FALSE)) {
			cblue_exchange_set_header(ex, "Retry-After", "10");
			cblue_exchange_set_error_literal(ex, CBLUE_ERROR_BUSY,
						       _("Too many chat connections from your address."));
			return;
		}
		if (ex->msg != NULL) {
			GSocket *socket = g_weak_ref_get(&info->socket);
			if (socket != NULL)
				g_object_set_qdata_full(G_OBJECT(ex->msg), cblue_server_ws_socket_quark(),
							socket, g_object_unref);
		}
		break;
	case CBLUE_ROUTE_CONVERSATIONS:
		if (g_strcmp0(method, "GET") != 0 && g_strcmp0(method, "HEAD") != 0) {
			cblue_exchange_set_method_not_allowed(ex, "GET");
			return;
		}
		if (self->limiter != NULL &&
		    !cblue_rate_limiter_take(self->limiter, info->client_ip, g_get_monotonic_time(), &retry_after)) {
			cblue_exchange_set_rate_limited(ex, retry_after);
			return;
		}
		break;
	case CBLUE_ROUTE_METRICS:
		/* the client behind a trusted proxy, so that a proxied /metrics is not public */
		if (self->metrics_from != NULL && !cblue_server_strv_contains_ci(self->metrics_from, info->client_ip)) {
			cblue_exchange_set_error_literal(ex, CBLUE_ERROR_PERMISSION_DENIED,
						       _("Metrics are not served to this address."));
			return;
		}
		break;
	case CBLUE_ROUTE_HEALTHZ:
	case CBLUE_ROUTE_READYZ:
	case CBLUE_ROUTE_WIDGET:
	case CBLUE_ROUTE_OTHER:
	case CBLUE_ROUTE_LAST:
	default:
		break;
	}
}

/* POST /api/v1/chat */

typedef struct {
	CblueServerWorker *worker;  /* unowned */
	SoupServerMessage *msg;	    /* owned, nullable: a request of the fast path has none */
	CblueFastRequest *fast;	    /* owned, nullable: the fast path's request */
	CblueMessage *message;	    /* owned */
	GCancellable *cancellable;  /* owned, nullable: a fast request answered in place has none */
	CblueChatReply *reply;	    /* owned, nullable: from the pipeline pool */
	GError *error;		    /* owned, nullable: from the pipeline pool */
	gulong disconnect_id;
	gulong token_id;
	gboolean new_conversation;
	gboolean event_stream; /* Accept: text/event-stream: the answer as server-sent events */
	gboolean event_stream_started; /* the 200 and its headers are decided */
} CblueChatRequest;

/* a fast request's cancellable, for a pipeline that runs beyond this dispatch */
static void
cblue_chat_request_take_cancellable(CblueChatRequest *req)
{
	if (req->cancellable == NULL)
		req->cancellable = g_object_ref(cblue_fast_request_get_cancellable(req->fast));
}

static void
cblue_chat_request_free(CblueChatRequest *req)
{
	if (req->msg != NULL)
		g_clear_signal_handler(&req->disconnect_id, req->msg);
	g_clear_signal_handler(&req->token_id, req->message);
	g_clear_object(&req->msg);
	g_clear_pointer(&req->fast, cblue_fast_request_unref);
	g_object_unref(req->message);
	g_clear_object(&req->cancellable);
	g_clear_object(&req->reply);
	g_clear_error(&req->error);
	g_free(req);
}

/* the response headers go out with the first event, the others follow as they come; until
 * then a refused message (too long, say) still gets its 4xx */
static void
cblue_server_sse_begin(CblueChatRequest *req)
{
	SoupMessageHeaders *headers = soup_server_message_get_response_headers(req->msg);
	CblueRequestInfo *info = cblue_request_info_get(req->msg);

	req->event_stream_started = TRUE;
	if (info != NULL)
		info->responded = TRUE;
	soup_server_message_set_status(req->msg, SOUP_STATUS_OK, NULL);
	soup_message_headers_set_encoding(headers, SOUP_ENCODING_CHUNKED);
	soup_message_headers_replace(headers, "Content-Type", "text/event-stream; charset=utf-8");
	soup_message_headers_replace(headers, "Cache-Control", "no-store");
	/* nginx must not buffer the stream */
	soup_message_headers_replace(headers, "X-Accel-Buffering", "no");
}

/* server-sent events: `event: NAME` and one `data:` line of JSON (which has no newline) */
static void
cblue_server_sse_send(CblueChatRequest *req, const gchar *event, const gchar *json)
{
	SoupMessageBody *body = soup_server_message_get_response_body(req->msg);
	gchar *text = g_strdup_printf("event: %s\ndata: %s\n\n", event, json);

	if (!req->event_stream_started)
		cblue_server_sse_begin(req);
	soup_message_body_append(body, SOUP_MEMORY_TAKE, text, strlen(text));
	soup_server_message_unpause(req->msg);
}

static void
cblue_server_sse_token_cb(CblueMessage *message, const gchar *text, gpointer user_data)
{
	CblueChatRequest *req = user_data;
	g_autoptr(GString) json = NULL;

	if (g_cancellable_is_cancelled(req->cancellable))
		return;
	json = g_string_sized_new(strlen(text) + 32);
	g_string_append(json, "{\"type\":\"token\",\"text\":");
	cblue_json_append_string(json, text);
	g_string_append_c(json, '}');
	cblue_server_sse_send(req, "token", json->str);
}

static void
cblue_server_sse_end(CblueChatRequest *req, CblueChatReply *reply, const GError *error)
{
	if (reply == NULL) {
		g_autofree gchar *json = cblue_error_to_json(error);
		cblue_server_sse_send(req, "error", json);
	} else {
		g_autofree gchar *body = cblue_chat_reply_to_string(reply);
		g_autofree gchar *json = g_strconcat("{\"type\":\"reply\",", body + 1, NULL);
		cblue_server_sse_send(req, "reply", json);
	}
	soup_message_body_complete(soup_server_message_get_response_body(req->msg));
}

static const gchar *
cblue_chat_request_id(CblueChatRequest *req)
{
	CblueRequestInfo *info = req->msg != NULL ? cblue_request_info_get(req->msg)
						  : cblue_fast_request_get_data(req->fast);
	return info != NULL && info->request_id != NULL ? info->request_id : "-";
}

static void
cblue_server_chat_done(CblueChatRequest *req, CblueChatReply *reply, const GError *error)
{
	CblueServer *self = req->worker->server;
	g_autoptr(CblueLogScope) scope = cblue_log_scope_new(cblue_chat_request_id(req));
	CblueExchange ex;

	cblue_server_metrics_add_in_flight(self->metrics, -1);
	if (g_cancellable_is_cancelled(req->cancellable)) {
		cblue_chat_request_free(req);
		return;
	}
	if (req->event_stream && (reply != NULL || req->event_stream_started)) {
		if (reply != NULL)
			cblue_server_metrics_observe_reply(self->metrics, req->worker->index, reply,
							   req->new_conversation);
		cblue_server_sse_end(req, reply, error);
		soup_server_message_unpause(req->msg);
		cblue_chat_request_free(req);
		return;
	}
	if (req->msg != NULL)
		cblue_exchange_init_from_message(&ex, req->msg, NULL);
	else
		cblue_exchange_init_from_fast(&ex, req->fast);
	if (reply == NULL) {
		/* a queue that cannot take the job now (Redis down, no reply in time, full):
		 * the client may try again shortly */
		if (g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE) ||
		    g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_BUSY))
			cblue_exchange_set_header(&ex, "Retry-After", "2");
		cblue_exchange_set_error(&ex, error);
	} else {
		g_autofree gchar *json = cblue_chat_reply_to_string(reply);
		cblue_server_metrics_observe_reply(self->metrics, req->worker->index, reply, req->new_conversation);
		cblue_exchange_set_json(&ex, SOUP_STATUS_OK, json);
	}
	if (req->msg != NULL) {
		cblue_exchange_commit(&ex);
		soup_server_message_unpause(req->msg);
	} else {
		cblue_fast_request_respond(req->fast, ex.status, ex.body);
		g_clear_pointer(&ex.body, g_free);
	}
	cblue_chat_request_free(req);
}

static void
cblue_server_queue_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	CblueChatRequest *req = user_data;
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueChatReply) reply = cblue_queue_submit_finish(CBLUE_QUEUE(source), res, &error);
	cblue_server_chat_done(req, reply, error);
}

static void
cblue_server_bot_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	CblueChatRequest *req = user_data;
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueChatReply) reply = cblue_bot_ask_finish(CBLUE_BOT(source), res, &error);
	cblue_server_chat_done(req, reply, error);
}

/* the pipeline-pool variant ([server] pipeline_threads > 0): the listener thread only does
 * I/O and a pool thread answers; measured against the default in docs/server.md */
static gboolean
cblue_server_pool_done_cb(gpointer user_data)
{
	CblueChatRequest *req = user_data;
	g_autoptr(CblueChatReply) reply = g_steal_pointer(&req->reply);
	g_autoptr(GError) error = g_steal_pointer(&req->error);
	cblue_server_chat_done(req, reply, error);
	return G_SOURCE_REMOVE;
}

static void
cblue_server_pool_func(gpointer data, gpointer user_data)
{
	CblueChatRequest *req = data;
	CblueServer *self = user_data;
	g_autoptr(GSource) source = g_idle_source_new();

	req->reply = cblue_bot_ask_sync(self->bot, req->message, req->cancellable, &req->error);
	g_source_set_callback(source, cblue_server_pool_done_cb, req, NULL);
	g_source_attach(source, req->worker->context);
}

static void
cblue_server_client_gone_cb(SoupServerMessage *msg, gpointer user_data)
{
	CblueChatRequest *req = user_data;
	g_cancellable_cancel(req->cancellable);
}

/* Accept: text/event-stream (alone or among others) */
static gboolean
cblue_server_accepts_event_stream(SoupServerMessage *msg)
{
	const gchar *accept =
	    soup_message_headers_get_list(soup_server_message_get_request_headers(msg), "Accept");
	return accept != NULL && strstr(accept, "text/event-stream") != NULL;
}

static gboolean
cblue_server_check_path(SoupServerMessage *msg, const char *path, const gchar *expected)
{
	if (g_strcmp0(path, expected) == 0)
		return TRUE;
	cblue_server_set_error_literal(msg, CBLUE_ERROR_NOT_FOUND, _("No such resource."));
	return FALSE;
}

/* the chat pipeline for a parsed request body, on either transport: @msg (libsoup) or
 * @fast (the fast path); the response is written when the answer comes */
static void
cblue_server_chat_start(CblueServerWorker *worker, SoupServerMessage *msg, CblueFastRequest *fast,
			CblueExchange *ex, GBytes *bytes)
{
	CblueServer *self = worker->server;
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueMessage) message = NULL;
	CblueChatRequest *req;
	CblueQueue *queue;

	message = cblue_server_parse_chat(bytes, &error);
	if (message == NULL) {
		cblue_exchange_set_error(ex, error);
		return;
	}
	/* for the limit a networked queue shares between API processes */
	if (ex->info != NULL)
		cblue_message_set_client_address(message, ex->info->client_ip);
	req = g_new0(CblueChatRequest, 1);
	req->worker = worker;
	req->msg = msg != NULL ? g_object_ref(msg) : NULL;
	req->fast = fast != NULL ? cblue_fast_request_ref(fast) : NULL;
	req->message = g_object_ref(message);
	/* the fast path cancels its request when the client goes away (its cancellable is
	 * taken below unless the answer comes in place) */
	if (fast == NULL)
		req->cancellable = g_cancellable_new();
	req->new_conversation = cblue_message_get_conversation_id(message) == NULL;
	if (msg != NULL) {
		req->disconnect_id =
		    g_signal_connect(msg, "disconnected", G_CALLBACK(cblue_server_client_gone_cb), req);
		req->event_stream = cblue_server_accepts_event_stream(msg);
		soup_server_message_pause(msg);
	}
	cblue_server_metrics_add_in_flight(self->metrics, 1);
	if (self->pipeline_pool != NULL) {
		cblue_chat_request_take_cancellable(req);
		g_thread_pool_push(self->pipeline_pool, req, NULL);
		return;
	}
	queue = cblue_context_get_extension(cblue_bot_get_context(self->bot), CBLUE_TYPE_QUEUE);
	/* tokens are emitted on this thread (the in-process queue answers here too, and the
	 * Redis queue relays a worker's tokens here; the pipeline pool answers whole) */
	if (req->event_stream)
		req->token_id = g_signal_connect(message, "token", G_CALLBACK(cblue_server_sse_token_cb), req);
	/* the fast path's answer is written as soon as it is known, without the GTasks' idle
	 * callback: the in-process queue and synchronous plugins answer in place */
	if (fast != NULL && !req->event_stream) {
		g_autoptr(CblueChatReply) reply = NULL;
		if (queue != NULL ? cblue_queue_submit_in_place(queue, message, &reply, &error)
				  : cblue_bot_ask_in_place(self->bot, message, &reply, &error)) {
			cblue_server_chat_done(req, reply, error);
			return;
		}
	}
	cblue_chat_request_take_cancellable(req);
	if (queue != NULL)
		cblue_queue_submit_async(queue, message, req->cancellable, cblue_server_queue_cb, req);
	else
		cblue_bot_ask_async(self->bot, message, req->cancellable, cblue_server_bot_cb, req);
}

static void
cblue_server_handle_chat(SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
			 gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	CblueServer *self = worker->server;
	SoupMessageBody *body = soup_server_message_get_request_body(msg);
	g_autoptr(GBytes) bytes = NULL;
	CblueExchange ex;

	g_autoptr(CblueLogScope) scope = cblue_log_scope_new(cblue_request_id(msg));

	if (!cblue_server_check_path(msg, path, "/api/v1/chat"))
		return;
	cblue_exchange_init_from_message(&ex, msg, path);
	if ((gsize)body->length > self->max_body) {
		cblue_exchange_set_error_literal(&ex, CBLUE_ERROR_TOO_LARGE, _("The request body is too large."));
	} else {
		bytes = soup_message_body_flatten(body);
		cblue_server_chat_start(worker, msg, NULL, &ex, bytes);
	}
	cblue_exchange_commit(&ex);
}

/* the fast path (core/cblue-server-fast.c): the same early checks, chat handler and
 * metrics as libsoup's requests */

static void
cblue_server_fast_early_cb(CblueFastRequest *fast, gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	CblueRequestInfo *info = g_new0(CblueRequestInfo, 1);
	CblueExchange ex;

	info->start_usec = cblue_fast_request_get_start_time(fast);
	info->route = CBLUE_ROUTE_OTHER;
	cblue_fast_request_set_data(fast, info, cblue_request_info_free);
	cblue_exchange_init_from_fast(&ex, fast);
	cblue_server_early_check(worker, &ex);
	if (ex.status != 0) {
		cblue_server_early_refusal_closes(&ex, NULL);
		cblue_fast_request_respond(fast, ex.status, ex.body);
	}
	g_clear_pointer(&ex.body, g_free);
}

static void
cblue_server_fast_handle_cb(CblueFastRequest *fast, gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	CblueRequestInfo *info = cblue_fast_request_get_data(fast);
	g_autoptr(CblueLogScope) scope = cblue_log_scope_new(info->request_id);
	CblueExchange ex;

	cblue_exchange_init_from_fast(&ex, fast);
	cblue_server_chat_start(worker, NULL, fast, &ex, cblue_fast_request_get_body(fast));
	if (ex.status != 0)
		cblue_fast_request_respond(fast, ex.status, ex.body);
	g_clear_pointer(&ex.body, g_free);
}

static void
cblue_server_fast_finished_cb(CblueFastRequest *fast, guint status, gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	CblueRequestInfo *info = cblue_fast_request_get_data(fast);

	if (info != NULL)
		cblue_server_observe_request(worker, info, cblue_fast_request_get_method(fast), info->route, status);
}

/* GET /api/v1/chat/ws after the early checks, with the native WebSocket connection: the
 * handshake as cblue_server_handle_ws() does it through libsoup (the same refusals, the
 * same 101), then the connection goes to a WebSocket thread */
static void
cblue_server_fast_upgrade_cb(CblueFastRequest *fast, gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	CblueServer *self = worker->server;
	CblueRequestInfo *info = cblue_fast_request_get_data(fast);
	SoupMessageHeaders *headers = cblue_fast_request_get_request_headers(fast);
	g_autofree gchar *accept = NULL;
	CblueWsHandoff *handoff;
	CblueExchange ex;

	cblue_exchange_init_from_fast(&ex, fast);
	/* counted now, before the 101 is sent (see cblue_server_handle_ws()) */
	if (!cblue_server_ws_acquire(self, info->client_ip, TRUE)) {
		cblue_exchange_set_header(&ex, "Retry-After", "10");
		cblue_exchange_set_error_literal(&ex, CBLUE_ERROR_BUSY, _("Too many chat connections from your address."));
	} else if ((accept = cblue_server_websocket_accept(headers)) == NULL) {
		cblue_server_ws_release(self, info->client_ip);
		/* libsoup closes after a refused handshake */
		cblue_exchange_set_header(&ex, "Connection", "close");
		cblue_exchange_set_error_literal(&ex, CBLUE_ERROR_INVALID_DATA,
					       _("This address takes a WebSocket handshake only."));
	}
	if (ex.status != 0) {
		cblue_fast_request_respond(fast, ex.status, ex.body);
		g_clear_pointer(&ex.body, g_free);
		return;
	}
	/* libsoup's 101: no subprotocol, no extension (the native connection has none) */
	cblue_exchange_set_header(&ex, "Upgrade", "websocket");
	cblue_exchange_append_header(&ex, "Connection", "Upgrade");
	cblue_exchange_append_header(&ex, "Sec-WebSocket-Accept", accept);
	handoff = g_new0(CblueWsHandoff, 1);
	handoff->server = self;
	handoff->ip = g_strdup(info->client_ip);
	handoff->counted = TRUE;
	handoff->origin = g_strdup(soup_message_headers_get_one(headers, "Origin"));
	handoff->request_id = g_strdup(info->request_id);
	cblue_fast_request_switch_protocols(fast, handoff, cblue_ws_handoff_free);
}

/* the 101 is written: as cblue_server_ws_upgraded_cb() */
static void
cblue_server_fast_upgraded_cb(CblueFastRequest *fast, GIOStream *stream, GSocket *socket, gpointer data,
			      gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	CblueServer *self = worker->server;
	CblueRequestInfo *info = cblue_fast_request_get_data(fast);
	CblueWsHandoff *handoff = data;

	cblue_server_metrics_observe_request(self->metrics, worker->index, CBLUE_ROUTE_CHAT_WS,
					     SOUP_STATUS_SWITCHING_PROTOCOLS,
					     (gdouble)(g_get_monotonic_time() - info->start_usec) / G_USEC_PER_SEC);
	/* the connection (and its place in active_connections) goes with the WebSocket */
	handoff->owns_connection = TRUE;
	handoff->socket = g_object_ref(socket);
	handoff->stream = g_object_ref(stream);
	cblue_server_ws_hand_over(self, handoff);
}

static const CblueFastHooks cblue_server_fast_hooks = {
    cblue_server_fast_early_cb,
    cblue_server_fast_handle_cb,
    cblue_server_fast_finished_cb,
    cblue_server_fast_upgrade_cb,
    cblue_server_fast_upgraded_cb,
};

/* store requests (feedback, conversation history) run on the shared pool: they are short,
 * but SQLite may wait for its lock and the listener thread must not */

typedef struct {
	SoupServerMessage *msg; /* owned */
	gchar *conversation_id; /* owned */
	gchar *message_id;	/* owned, nullable */
	gchar *rating;		/* owned, nullable: feedback, else a history read */
} CblueStoreRequest;

static void
cblue_store_request_free(CblueStoreRequest *req)
{
	g_object_unref(req->msg);
	g_free(req->conversation_id);
	g_free(req->message_id);
	g_free(req->rating);
	g_free(req);
}

static void
cblue_server_store_thread(GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
	CblueStoreRequest *req = task_data;
	CblueBot *bot = g_object_get_data(G_OBJECT(task), "cblue-bot");
	CblueStore *store = cblue_context_get_extension(cblue_bot_get_context(bot), CBLUE_TYPE_STORE);
	GError *error = NULL;

	if (store == NULL) {
		g_task_return_new_error(task, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED, "%s",
					_("No store is configured."));
		return;
	}
	if (req->rating != NULL) {
		if (!cblue_store_record_feedback(store, req->conversation_id, req->message_id, req->rating, &error)) {
			g_task_return_error(task, error);
			return;
		}
		g_task_return_pointer(task, g_strdup("{\"status\":\"recorded\"}"), g_free);
	} else {
		g_autoptr(JsonNode) messages = cblue_store_get_conversation(store, req->conversation_id, 500, &error);
		g_autoptr(JsonBuilder) builder = NULL;
		g_autoptr(JsonNode) root = NULL;
		if (messages == NULL) {
			g_task_return_error(task, error);
			return;
		}
		builder = json_builder_new();
		json_builder_begin_object(builder);
		json_builder_set_member_name(builder, "conversation_id");
		json_builder_add_string_value(builder, req->conversation_id);
		json_builder_set_member_name(builder, "messages");
		json_builder_add_value(builder, g_steal_pointer(&messages));
		json_builder_end_object(builder);
		root = json_builder_get_root(builder);
		g_task_return_pointer(task, json_to_string(root, FALSE), g_free);
	}
}

static void
cblue_server_store_done_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	CblueStoreRequest *req = g_task_get_task_data(G_TASK(res));
	g_autoptr(GError) error = NULL;
	g_autofree gchar *json = g_task_propagate_pointer(G_TASK(res), &error);

	if (json == NULL)
		cblue_server_set_error(req->msg, error);
	else
		cblue_server_set_json(req->msg, SOUP_STATUS_OK, json);
	soup_server_message_unpause(req->msg);
}

static void
cblue_server_run_store_request(CblueServer *self, CblueStoreRequest *req)
{
	g_autoptr(GTask) task = g_task_new(NULL, NULL, cblue_server_store_done_cb, NULL);
	g_task_set_source_tag(task, cblue_server_run_store_request);
	g_task_set_task_data(task, req, (GDestroyNotify)cblue_store_request_free);
	g_object_set_data_full(G_OBJECT(task), "cblue-bot", g_object_ref(self->bot), g_object_unref);
	soup_server_message_pause(req->msg);
	g_task_run_in_thread(task, cblue_server_store_thread);
}

static gboolean
cblue_server_id_is_valid(const gchar *id)
{
	gsize len = strlen(id);
	if (len == 0 || len > 64 || !g_utf8_validate(id, -1, NULL))
		return FALSE;
	for (const gchar *p = id; *p != '\0'; p++) {
		if (g_ascii_iscntrl(*p) || *p == '/')
			return FALSE;
	}
	return TRUE;
}

/* POST /api/v1/feedback {"conversation_id","message_id","rating":"up"|"down"} */
static void
cblue_server_handle_feedback(SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
			     gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	SoupMessageBody *body = soup_server_message_get_request_body(msg);
	g_autoptr(GBytes) bytes = NULL;
	g_autoptr(JsonParser) parser = json_parser_new_immutable();
	g_autoptr(GError) error = NULL;
	const gchar *names[] = {"conversation_id", "message_id", "rating"};
	const gchar *values[G_N_ELEMENTS(names)] = {NULL};
	CblueStoreRequest *req;
	JsonObjectIter iter;
	const gchar *name;
	JsonNode *value;
	JsonObject *obj;
	gsize size = 0;
	const gchar *data;

	if (!cblue_server_check_path(msg, path, "/api/v1/feedback"))
		return;
	bytes = soup_message_body_flatten(body);
	data = g_bytes_get_data(bytes, &size);
	/* a body of only whitespace parses without error and without a root */
	if (size == 0 || !json_parser_load_from_data(parser, data, (gssize)size, &error) ||
	    json_parser_get_root(parser) == NULL || !JSON_NODE_HOLDS_OBJECT(json_parser_get_root(parser))) {
		cblue_server_set_error_literal(msg, CBLUE_ERROR_INVALID_DATA,
					       _("The request body must be a JSON object."));
		return;
	}
	obj = json_node_get_object(json_parser_get_root(parser));
	json_object_iter_init(&iter, obj);
	while (json_object_iter_next(&iter, &name, &value)) {
		gboolean known = FALSE;
		for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
			if (g_strcmp0(name, names[i]) != 0)
				continue;
			known = TRUE;
			if (!JSON_NODE_HOLDS_VALUE(value) || json_node_get_value_type(value) != G_TYPE_STRING) {
				g_autofree gchar *text = g_strdup_printf(_("“%s” must be a string."), name);
				cblue_server_set_error_literal(msg, CBLUE_ERROR_INVALID_DATA, text);
				return;
			}
			values[i] = json_node_get_string(value);
		}
		if (!known) {
			g_autofree gchar *text = g_strdup_printf(_("Unknown field “%s”."), name);
			cblue_server_set_error_literal(msg, CBLUE_ERROR_INVALID_DATA, text);
			return;
		}
	}
	if (values[0] == NULL || values[1] == NULL || !cblue_server_id_is_valid(values[0]) ||
	    !cblue_server_id_is_valid(values[1])) {
		cblue_server_set_error_literal(msg, CBLUE_ERROR_INVALID_DATA,
					       _("“conversation_id” and “message_id” must have 1 to 64 characters."));
		return;
	}
	if (g_strcmp0(values[2], "up") != 0 && g_strcmp0(values[2], "down") != 0) {
		cblue_server_set_error_literal(msg, CBLUE_ERROR_INVALID_DATA, _("“rating” must be “up” or “down”."));
		return;
	}
	req = g_new0(CblueStoreRequest, 1);
	req->msg = g_object_ref(msg);
	req->conversation_id = g_strdup(values[0]);
	req->message_id = g_strdup(values[1]);
	req->rating = g_strdup(values[2]);
	cblue_server_run_store_request(worker->server, req);
}

/* GET /api/v1/conversations/{id}: the history of a conversation, for whoever holds its
 * (unguessable) id */
static void
cblue_server_handle_conversation(SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
				 gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	g_autofree gchar *unescaped = NULL;
	CblueStoreRequest *req;

	if (!g_str_has_prefix(path, "/api/v1/conversations/")) {
		cblue_server_set_error_literal(msg, CBLUE_ERROR_NOT_FOUND, _("No such resource."));
		return;
	}
	unescaped = g_uri_unescape_string(path + strlen("/api/v1/conversations/"), NULL);
	if (unescaped == NULL || !cblue_server_id_is_valid(unescaped)) {
		cblue_server_set_error_literal(msg, CBLUE_ERROR_NOT_FOUND, _("No such conversation."));
		return;
	}
	req = g_new0(CblueStoreRequest, 1);
	req->msg = g_object_ref(msg);
	req->conversation_id = g_steal_pointer(&unescaped);
	cblue_server_run_store_request(worker->server, req);
}

static void
cblue_server_handle_health(SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
			   gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	CblueServer *self = worker->server;
	const gchar *method = soup_server_message_get_method(msg);

	if (g_strcmp0(method, "GET") != 0 && g_strcmp0(method, "HEAD") != 0) {
		cblue_server_set_method_not_allowed(msg, "GET");
		return;
	}
	if (g_strcmp0(path, "/readyz") == 0) {
		CblueStore *store = cblue_context_get_extension(cblue_bot_get_context(self->bot), CBLUE_TYPE_STORE);
		CblueQueue *queue = cblue_context_get_extension(cblue_bot_get_context(self->bot), CBLUE_TYPE_QUEUE);
		g_autoptr(GError) error = NULL;
		g_autoptr(CblueKb) kb = cblue_bot_get_kb(self->bot);
		if (g_atomic_int_get(&self->draining)) {
			cblue_server_set_error_literal(msg, CBLUE_ERROR_NOT_REACHABLE, _("The server is shutting down."));
			return;
		}
		if (store != NULL && !cblue_store_check(store, &error)) {
			g_autofree gchar *json = cblue_error_to_json(error);
			cblue_server_set_json(msg, SOUP_STATUS_SERVICE_UNAVAILABLE, json);
			return;
		}
		if (queue != NULL && !cblue_queue_check(queue, &error)) {
			g_autofree gchar *json = cblue_error_to_json(error);
			soup_message_headers_replace(soup_server_message_get_response_headers(msg), "Retry-After", "2");
			cblue_server_set_json(msg, SOUP_STATUS_SERVICE_UNAVAILABLE, json);
			return;
		}
		if (cblue_kb_get_size(kb) == 0) {
			cblue_server_set_error_literal(msg, CBLUE_ERROR_NOT_REACHABLE, _("The knowledge base is empty."));
			return;
		}
		cblue_server_set_json(msg, SOUP_STATUS_OK, "{\"status\":\"ready\"}");
		return;
	}
	if (!cblue_server_check_path(msg, path, "/healthz"))
		return;
	cblue_server_set_json(msg, SOUP_STATUS_OK, "{\"status\":\"ok\"}");
}

/* the model providers' own metrics (ai_model_inference_time, …) after @text (taken) */
static gchar *
cblue_server_add_provider_metrics(CblueServer *self, gchar *text)
{
	g_autoptr(GPtrArray) providers =
	    cblue_context_get_extensions(cblue_bot_get_context(self->bot), CBLUE_TYPE_MODEL_PROVIDER);
	GString *out = g_string_new(text);

	g_free(text);
	for (guint i = 0; i < providers->len; i++)
		cblue_model_provider_append_metrics(g_ptr_array_index(providers, i), out);
	return g_string_free(out, FALSE);
}

static void
cblue_server_handle_metrics(SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
			    gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	const gchar *method = soup_server_message_get_method(msg);
	CblueQueue *queue;
	gchar *text;

	if (g_strcmp0(method, "GET") != 0 && g_strcmp0(method, "HEAD") != 0) {
		cblue_server_set_method_not_allowed(msg, "GET");
		return;
	}
	if (!cblue_server_check_path(msg, path, "/metrics"))
		return;
	text = cblue_server_metrics_render(worker->server->metrics);
	queue = cblue_context_get_extension(cblue_bot_get_context(worker->server->bot), CBLUE_TYPE_QUEUE);
	if (queue != NULL) {
		GString *out = g_string_new(text);
		g_free(text);
		cblue_queue_append_metrics(queue, out);
		text = g_string_free(out, FALSE);
	}
	text = cblue_server_add_provider_metrics(worker->server, text);
	soup_message_headers_replace(soup_server_message_get_response_headers(msg), "Cache-Control", "no-store");
	soup_server_message_set_status(msg, SOUP_STATUS_OK, NULL);
	soup_server_message_set_response(msg, "text/plain; version=0.0.4; charset=utf-8", SOUP_MEMORY_TAKE, text,
					 strlen(text));
}

/* static assets of the admin GResource; an explicit extension → MIME map */
static const struct {
	const gchar *suffix;
	const gchar *mime;
} cblue_server_mime_types[] = {
    {".js", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".html", "text/html; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".json", "application/json; charset=utf-8"},
    {".ico", "image/x-icon"},
    {".png", "image/png"},
};

static void
cblue_server_handle_default(SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
			    gpointer user_data)
{
	const gchar *method = soup_server_message_get_method(msg);

	if (g_strcmp0(path, "/widget.js") == 0 && (g_strcmp0(method, "GET") == 0 || g_strcmp0(method, "HEAD") == 0)) {
		g_autoptr(GBytes) bytes =
		    g_resources_lookup_data("/ai/cblue/admin/widget/widget.js", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
		if (bytes != NULL) {
			gsize size = 0;
			gconstpointer data = g_bytes_get_data(bytes, &size);
			SoupMessageHeaders *headers = soup_server_message_get_response_headers(msg);
			soup_message_headers_replace(headers, "Cache-Control", "public, max-age=300");
			soup_message_headers_replace(headers, "Access-Control-Allow-Origin", "*");
			soup_server_message_set_status(msg, SOUP_STATUS_OK, NULL);
			soup_server_message_set_response(msg, cblue_server_mime_types[0].mime, SOUP_MEMORY_COPY, data,
							 size);
			return;
		}
	}
	cblue_server_set_error_literal(msg, CBLUE_ERROR_NOT_FOUND, _("No such resource."));
}

/* the console runs only its own files: no inline script or style, no other origin */
#define CBLUE_SERVER_CONSOLE_CSP                                                                             \
	"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " \
	"connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"

/* an asset name of the console: plain relative file names only, nothing that could climb out of
 * the resource folder */
static gboolean
cblue_server_console_name_is_valid(const gchar *name)
{
	if (name[0] == '\0' || name[0] == '.' || strstr(name, "..") != NULL || strstr(name, "//") != NULL)
		return FALSE;
	for (const gchar *p = name; *p != '\0'; p++) {
		if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_' && *p != '.' && *p != '/')
			return FALSE;
	}
	return TRUE;
}

static const gchar *
cblue_server_mime_type_for(const gchar *name)
{
	for (guint i = 0; i < G_N_ELEMENTS(cblue_server_mime_types); i++) {
		if (g_str_has_suffix(name, cblue_server_mime_types[i].suffix))
			return cblue_server_mime_types[i].mime;
	}
	return NULL;
}

/*
 * `GET /admin/` (the console page) and `GET /admin/<asset>`, from the admin GResource. The
 * file names carry no content hash (no build step), so every response is revalidated
 * (`no-cache`) against a strong ETag: a reload costs a round of 304s, and an upgraded
 * binary is never served stale.
 */
static void
cblue_server_handle_console(SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
			    gpointer user_data)
{
	const gchar *method = soup_server_message_get_method(msg);
	SoupMessageHeaders *headers = soup_server_message_get_response_headers(msg);
	g_autofree gchar *resource = NULL;
	g_autofree gchar *checksum = NULL;
	g_autofree gchar *etag = NULL;
	g_autoptr(GBytes) bytes = NULL;
	const gchar *if_none_match;
	const gchar *name;
	const gchar *mime;
	gconstpointer data;
	gsize size = 0;

	if (g_strcmp0(method, "GET") != 0 && g_strcmp0(method, "HEAD") != 0) {
		cblue_server_set_method_not_allowed(msg, "GET, HEAD");
		return;
	}
	if (g_strcmp0(path, "/admin") == 0) {
		soup_server_message_set_redirect(msg, SOUP_STATUS_PERMANENT_REDIRECT, "/admin/");
		return;
	}
	/* libsoup matches "/admin" as a plain prefix: "/adminx" comes here too */
	if (!g_str_has_prefix(path, "/admin/")) {
		cblue_server_set_error_literal(msg, CBLUE_ERROR_NOT_FOUND, _("No such resource."));
		return;
	}
	name = path + strlen("/admin/");
	if (name[0] == '\0')
		name = "index.html";
	mime = cblue_server_mime_type_for(name);
	if (!cblue_server_console_name_is_valid(name) || mime == NULL) {
		cblue_server_set_error_literal(msg, CBLUE_ERROR_NOT_FOUND, _("No such resource."));
		return;
	}
	resource = g_strconcat("/ai/cblue/admin/console/", name, NULL);
	bytes = g_resources_lookup_data(resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
	if (bytes == NULL) {
		cblue_server_set_error_literal(msg, CBLUE_ERROR_NOT_FOUND, _("No such resource."));
		return;
	}
	checksum = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, bytes);
	etag = g_strdup_printf("\"%.32s\"", checksum);
	soup_message_headers_replace(headers, "Content-Security-Policy", CBLUE_SERVER_CONSOLE_CSP);
	soup_message_headers_replace(headers, "Cache-Control", "no-cache");
	soup_message_headers_replace(headers, "ETag", etag);
	if_none_match = soup_message_headers_get_one(soup_server_message_get_request_headers(msg), "If-None-Match");
	if (g_strcmp0(if_none_match, etag) == 0) {
		soup_server_message_set_status(msg, SOUP_STATUS_NOT_MODIFIED, NULL);
		return;
	}
	data = g_bytes_get_data(bytes, &size);
	soup_server_message_set_status(msg, SOUP_STATUS_OK, NULL);
	soup_server_message_set_response(msg, mime, SOUP_MEMORY_COPY, data, size);
}

/* the server object */

static void
cblue_server_worker_free(CblueServerWorker *worker)
{
	/* the thread has ended (or never started): every source of the context is ours */
	g_clear_pointer(&worker->fast, cblue_fast_listener_free);
	if (worker->reading != NULL) {
		cblue_server_reading_clear(worker);
		g_clear_pointer(&worker->reading, g_hash_table_unref);
	}
	g_clear_pointer(&worker->ws_clients, g_hash_table_unref);
	if (worker->connections != NULL) {
		GHashTableIter iter;
		gpointer socket;

		g_hash_table_iter_init(&iter, worker->connections);
		while (g_hash_table_iter_next(&iter, &socket, NULL))
			g_object_weak_unref(socket, cblue_server_connection_gone_cb, worker);
		cblue_server_metrics_add_active_connections(worker->server->metrics,
							    -(gint)g_hash_table_size(worker->connections));
		g_clear_pointer(&worker->connections, g_hash_table_unref);
	}
	if (worker->sweep != NULL) {
		g_source_destroy(worker->sweep);
		g_source_unref(worker->sweep);
	}
	g_clear_object(&worker->soup);
	g_clear_object(&worker->listen_socket);
	g_clear_pointer(&worker->epoll, cblue_epoll_free);
	g_clear_pointer(&worker->loop, g_main_loop_unref);
	g_clear_pointer(&worker->context, g_main_context_unref);
	g_free(worker);
}

/* in the worker: drop everything the server holds, then leave the loop */
static gboolean
cblue_server_worker_quit_cb(gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	g_autoptr(GPtrArray) clients = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_ws_client_unref);
	GHashTableIter iter;
	gpointer key;

	g_hash_table_iter_init(&iter, worker->ws_clients);
	while (g_hash_table_iter_next(&iter, &key, NULL))
		g_ptr_array_add(clients, cblue_ws_client_ref(key));
	for (guint i = 0; i < clients->len; i++) {
		CblueWsClient *client = g_ptr_array_index(clients, i);
		GIOStream *stream;
		if (client->native != NULL) {
			cblue_ws_connection_abort(client->native);
			continue;
		}
		stream = soup_websocket_connection_get_io_stream(client->conn);
		cblue_ws_closed_cb(client->conn, client);
		g_io_stream_close(stream, NULL, NULL);
	}
	cblue_server_reading_clear(worker);
	g_clear_pointer(&worker->fast, cblue_fast_listener_free);
	if (worker->soup != NULL)
		soup_server_disconnect(worker->soup);
	worker->quitting = TRUE;
	g_main_loop_quit(worker->loop);
	return G_SOURCE_REMOVE;
}

static gpointer
cblue_server_worker_thread(gpointer user_data)
{
	CblueServerWorker *worker = user_data;

	g_main_context_push_thread_default(worker->context);
	/* for the model provider's streams started on this thread */
	cblue_epoll_set_thread_default(worker->epoll);
	g_main_loop_run(worker->loop);
	/* what is left (closed connections, idle callbacks) is released in this context */
	g_hash_table_remove_all(worker->ws_clients);
	g_clear_object(&worker->soup);
	for (guint i = 0; i < 100 && g_main_context_iteration(worker->context, FALSE); i++)
		;
	g_main_context_pop_thread_default(worker->context);
	return NULL;
}

static void
cblue_server_stop_threads(GPtrArray *workers)
{
	for (guint i = 0; i < workers->len; i++) {
		CblueServerWorker *worker = g_ptr_array_index(workers, i);
		if (worker->thread != NULL)
			g_main_context_invoke(worker->context, cblue_server_worker_quit_cb, worker);
	}
	for (guint i = 0; i < workers->len; i++) {
		CblueServerWorker *worker = g_ptr_array_index(workers, i);
		g_clear_pointer(&worker->thread, g_thread_join);
	}
}

/* stops every worker at once, without draining: the listeners first, then the WebSocket
 * threads (no listener hands them connections any more) */
static void
cblue_server_stop_workers(CblueServer *self)
{
	g_autoptr(GPtrArray) ws_threads = NULL;

	if (self->workers == NULL)
		return;
	cblue_server_stop_threads(self->workers);
	g_clear_pointer(&self->workers, g_ptr_array_unref);
	g_mutex_lock(&self->ws_mutex);
	ws_threads = g_steal_pointer(&self->ws_threads);
	g_mutex_unlock(&self->ws_mutex);
	if (ws_threads != NULL)
		cblue_server_stop_threads(ws_threads);
}

static void
cblue_server_finalize(GObject *object)
{
	CblueServer *self = CBLUE_SERVER(object);

	cblue_server_stop_workers(self);
	if (self->pipeline_pool != NULL)
		g_thread_pool_free(self->pipeline_pool, FALSE, TRUE);
	g_clear_object(&self->admin);
	g_clear_pointer(&self->metrics, cblue_server_metrics_free);
	g_clear_pointer(&self->limiter, cblue_rate_limiter_free);
	g_hash_table_unref(self->ws_per_ip);
	g_ptr_array_unref(self->ws_extension_types);
	g_mutex_clear(&self->ws_mutex);
	g_strfreev(self->cors_origins);
	g_strfreev(self->trusted_proxies);
	g_strfreev(self->metrics_from);
	g_clear_object(&self->tls_certificate);
	g_clear_object(&self->bot);
	G_OBJECT_CLASS(cblue_server_parent_class)->finalize(object);
}

static void
cblue_server_constructed(GObject *object)
{
	CblueServer *self = CBLUE_SERVER(object);
	G_OBJECT_CLASS(cblue_server_parent_class)->constructed(object);
	if (self->bot != NULL)
		cblue_server_load_config(self);
}

static void
cblue_server_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
	CblueServer *self = CBLUE_SERVER(object);
	switch (prop_id) {
	case PROP_BOT:
		g_value_set_object(value, self->bot);
		break;
	case PROP_THREADS:
		g_value_set_uint(value, self->threads);
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
		break;
	}
}

static void
cblue_server_set_property(GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
	CblueServer *self = CBLUE_SERVER(object);
	switch (prop_id) {
	case PROP_BOT:
		self->bot = g_value_dup_object(value);
		break;
	case PROP_THREADS:
		cblue_server_set_threads(self, g_value_get_uint(value));
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
		break;
	}
}

static void
cblue_server_class_init(CblueServerClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);

	object_class->finalize = cblue_server_finalize;
	object_class->constructed = cblue_server_constructed;
	object_class->get_property = cblue_server_get_property;
	object_class->set_property = cblue_server_set_property;

	/**
	 * CblueServer:bot:
	 *
	 * The bot that answers.
	 *
	 * Since: 1.0
	 */
	properties[PROP_BOT] = g_param_spec_object("bot", NULL, NULL, CBLUE_TYPE_BOT,
						   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
	/**
	 * CblueServer:threads:
	 *
	 * The number of listener threads, 0 for one per core. Set it before
	 * [method@Server.listen].
	 *
	 * Since: 1.0
	 */
	properties[PROP_THREADS] = g_param_spec_uint("threads", NULL, NULL, 0, 1024, 0,
						     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
	g_object_class_install_properties(object_class, N_PROPS, properties);
}

static void
cblue_server_init(CblueServer *self)
{
	g_mutex_init(&self->ws_mutex);
	self->ws_per_ip = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	/* what SoupServer's own WebSocket handler offers */
	self->ws_extension_types = g_ptr_array_new_with_free_func(g_type_class_unref);
	g_ptr_array_add(self->ws_extension_types, g_type_class_ref(SOUP_TYPE_WEBSOCKET_EXTENSION_DEFLATE));
}

/**
 * cblue_server_new:
 * @bot: the bot that answers
 *
 * Creates a server. Its limits are read from the `[server]` group of the bot's
 * configuration (see `data/cblue.conf`).
 *
 * Returns: (transfer full): a new #CblueServer
 *
 * Since: 1.0
 */
CblueServer *
cblue_server_new(CblueBot *bot)
{
	g_return_val_if_fail(CBLUE_IS_BOT(bot), NULL);
	return g_object_new(CBLUE_TYPE_SERVER, "bot", bot, NULL);
}

/**
 * cblue_server_get_bot:
 * @self: a #CblueServer
 *
 * Returns: (transfer none): the bot
 *
 * Since: 1.0
 */
CblueBot *
cblue_server_get_bot(CblueServer *self)
{
	g_return_val_if_fail(CBLUE_IS_SERVER(self), NULL);
	return self->bot;
}

/**
 * cblue_server_set_threads:
 * @self: a #CblueServer
 * @threads: the number of listener threads, or 0 for one per core
 *
 * Sets the number of listener threads used by the next [method@Server.listen].
 *
 * Since: 1.0
 */
void
cblue_server_set_threads(CblueServer *self, guint threads)
{
	g_return_if_fail(CBLUE_IS_SERVER(self));
	if (self->threads == threads)
		return;
	self->threads = threads;
	g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_THREADS]);
}

/**
 * cblue_server_get_threads:
 * @self: a #CblueServer
 *
 * Returns: the number of listener threads; once listening, the number running
 *
 * Since: 1.0
 */
guint
cblue_server_get_threads(CblueServer *self)
{
	g_return_val_if_fail(CBLUE_IS_SERVER(self), 0);
	if (self->workers != NULL)
		return self->workers->len;
	return self->threads;
}

/**
 * cblue_server_set_tls_files:
 * @self: a #CblueServer
 * @cert_file: (type filename): a PEM certificate (chain)
 * @key_file: (type filename): its PEM private key
 * @error: return location for a #GError
 *
 * Makes the next [method@Server.listen] serve HTTPS (and send HSTS headers).
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_server_set_tls_files(CblueServer *self, const gchar *cert_file, const gchar *key_file, GError **error)
{
	g_autoptr(GTlsCertificate) cert = NULL;

	g_return_val_if_fail(CBLUE_IS_SERVER(self), FALSE);
	g_return_val_if_fail(cert_file != NULL && key_file != NULL, FALSE);
	cert = g_tls_certificate_new_from_files(cert_file, key_file, error);
	if (cert == NULL) {
		cblue_error_convert(error);
		g_prefix_error(error, "%s: ", cert_file);
		return FALSE;
	}
	g_set_object(&self->tls_certificate, cert);
	return TRUE;
}

/**
 * cblue_server_is_https:
 * @self: a #CblueServer
 *
 * Returns: %TRUE if the server serves HTTPS
 *
 * Since: 1.0
 */
gboolean
cblue_server_is_https(CblueServer *self)
{
	g_return_val_if_fail(CBLUE_IS_SERVER(self), FALSE);
	return self->tls_certificate != NULL;
}

static GSocket *
cblue_server_open_socket(GSocketAddress *address, GError **error)
{
	g_autoptr(GSocket) socket = g_socket_new(g_socket_address_get_family(address), G_SOCKET_TYPE_STREAM,
						 G_SOCKET_PROTOCOL_DEFAULT, error);
	if (socket == NULL)
		return NULL;
	/* every listener thread has a socket of its own on the same port; the kernel spreads
	 * new connections over them */
	if (!g_socket_set_option(socket, SOL_SOCKET, SO_REUSEPORT, 1, error))
		return NULL;
	if (g_socket_address_get_family(address) == G_SOCKET_FAMILY_IPV6 &&
	    !g_socket_set_option(socket, IPPROTO_IPV6, IPV6_V6ONLY, 1, error))
		return NULL;
	/* bind(2) itself: g_socket_bind() turns SO_REUSEPORT off again for stream sockets */
	{
		struct sockaddr_storage native;
		gssize len = g_socket_address_get_native_size(address);
		gint one = 1;
		if (len < 0 || !g_socket_address_to_native(address, &native, sizeof(native), error))
			return NULL;
		setsockopt(g_socket_get_fd(socket), SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (bind(g_socket_get_fd(socket), (struct sockaddr *)&native, (socklen_t)len) != 0) {
			gint errsv = errno;
			g_autofree gchar *where = g_socket_connectable_to_string(G_SOCKET_CONNECTABLE(address));
			g_set_error(error, CBLUE_ERROR,
				    errsv == EACCES ? CBLUE_ERROR_PERMISSION_DENIED : CBLUE_ERROR_NOT_REACHABLE,
				    _("Cannot listen on %s: %s"), where, g_strerror(errsv));
			return NULL;
		}
	}
	g_socket_set_listen_backlog(socket, 1024);
	if (!g_socket_listen(socket, error))
		return NULL;
	return g_steal_pointer(&socket);
}

/* a thread's context, loop, tables and sweep: a WebSocket thread is just that */
static CblueServerWorker *
cblue_server_worker_new_common(CblueServer *self, guint index)
{
	CblueServerWorker *worker = g_new0(CblueServerWorker, 1);

	worker->server = self;
	worker->index = index;
	worker->id_prefix = g_random_int();
	worker->context = g_main_context_new();
	worker->loop = g_main_loop_new(worker->context, FALSE);
	worker->reading = g_hash_table_new(g_direct_hash, g_direct_equal);
	worker->ws_clients =
	    g_hash_table_new_full(g_direct_hash, g_direct_equal, (GDestroyNotify)cblue_ws_client_unref, NULL);
	/* GSocket (weak, see cblue_server_connection_gone_cb()) → CblueConnState (owned) */
	worker->connections =
	    g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, cblue_conn_state_free);
	worker->sweep = g_timeout_source_new_seconds(1);
	g_source_set_callback(worker->sweep, cblue_server_worker_sweep_cb, worker, NULL);
	g_source_set_static_name(worker->sweep, "[cblue-server] sweep");
	g_source_attach(worker->sweep, worker->context);
	return worker;
}

static CblueServerWorker *
cblue_server_worker_new(CblueServer *self, guint index, GSocket *socket, CblueFastGroup *fast_group,
			GError **error)
{
	CblueServerWorker *worker = cblue_server_worker_new_common(self, index);
	SoupServerListenOptions options = self->tls_certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0;
	const gchar *exact[] = {"/api/v1/chat", "/api/v1/chat/ws", "/api/v1/feedback", "/api/v1/conversations",
				"/healthz",	"/readyz",	   "/metrics",	       NULL};
	gboolean ok;

	worker->listen_socket = g_object_ref(socket);
	worker->soup = soup_server_new("server-header", "cblue", "tls-certificate", self->tls_certificate, NULL);
	g_signal_connect(worker->soup, "request-started", G_CALLBACK(cblue_server_request_started_cb), worker);
	g_signal_connect(worker->soup, "request-read", G_CALLBACK(cblue_server_request_read_cb), worker);
	g_signal_connect(worker->soup, "request-finished", G_CALLBACK(cblue_server_request_done_cb), worker);
	g_signal_connect(worker->soup, "request-aborted", G_CALLBACK(cblue_server_request_done_cb), worker);
	for (guint i = 0; exact[i] != NULL; i++)
		soup_server_add_early_handler(worker->soup, exact[i], cblue_server_early_cb, worker, NULL);
	soup_server_add_early_handler(worker->soup, NULL, cblue_server_early_cb, worker, NULL);
	soup_server_add_handler(worker->soup, "/api/v1/chat", cblue_server_handle_chat, worker, NULL);
	soup_server_add_handler(worker->soup, "/api/v1/chat/ws", cblue_server_handle_ws, worker, NULL);
	soup_server_add_handler(worker->soup, "/api/v1/feedback", cblue_server_handle_feedback, worker, NULL);
	soup_server_add_handler(worker->soup, "/api/v1/conversations", cblue_server_handle_conversation, worker, NULL);
	soup_server_add_handler(worker->soup, "/healthz", cblue_server_handle_health, worker, NULL);
	soup_server_add_handler(worker->soup, "/readyz", cblue_server_handle_health, worker, NULL);
	soup_server_add_handler(worker->soup, "/metrics", cblue_server_handle_metrics, worker, NULL);
	/* the console's path needs the early checks too: libsoup picks the best-matching path */
	soup_server_add_early_handler(worker->soup, "/admin", cblue_server_early_cb, worker, NULL);
	soup_server_add_handler(worker->soup, "/admin", cblue_server_handle_console, worker, NULL);
	soup_server_add_handler(worker->soup, NULL, cblue_server_handle_default, worker, NULL);
	if (self->admin != NULL) {
		/* libsoup takes the early handler of the best-matching path: ours too */
		soup_server_add_early_handler(worker->soup, CBLUE_ADMIN_API_PREFIX, cblue_server_early_cb, worker, NULL);
		cblue_admin_attach(self->admin, worker->soup);
	}

	/* the fast path accepts the connections and hands libsoup those it does not serve;
	 * TLS is libsoup's alone */
	if (self->fast_path && self->tls_certificate == NULL) {
		/* the handshake too, when the native connection serves the WebSocket */
		CblueFastLimits limits = {self->max_body, self->request_timeout, self->idle_timeout, self->metrics,
					  &self->requests_open, fast_group, self->native_websocket};
		worker->fast = cblue_fast_listener_new(worker->context, socket, worker->soup, &limits,
						       &cblue_server_fast_hooks, worker, error);
		if (worker->fast == NULL) {
			cblue_error_convert(error);
			cblue_server_worker_free(worker);
			return NULL;
		}
		return worker;
	}
	/* libsoup attaches the listening source to the thread-default context */
	g_main_context_push_thread_default(worker->context);
	ok = soup_server_listen_socket(worker->soup, socket, options, error);
	g_main_context_pop_thread_default(worker->context);
	if (!ok) {
		cblue_error_convert(error);
		cblue_server_worker_free(worker);
		return NULL;
	}
	return worker;
}

/**
 * cblue_server_listen:
 * @self: a #CblueServer
 * @address: the address to listen on, e.g. `127.0.0.1` or `::`
 * @port: the TCP port, or 0 for a free one (see [method@Server.get_port])
 * @error: return location for a #GError
 *
 * Starts [property@Server:threads] listener threads on @address and @port and serves
 * until [method@Server.shutdown_async] or [method@Server.disconnect]. The calling
 * thread's main context is not used: a synchronous HTTP client may talk to the server
 * from it.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_server_listen(CblueServer *self, const gchar *address, guint port, GError **error)
{
	g_autoptr(GInetAddress) inet = NULL;
	g_autoptr(GPtrArray) workers = NULL;
	/* the listeners balance their connections (see cblue_fast_listener_pass_on()) */
	g_autoptr(CblueFastGroup) fast_group = cblue_fast_group_new();
	guint threads;

	g_return_val_if_fail(CBLUE_IS_SERVER(self), FALSE);
	g_return_val_if_fail(address != NULL, FALSE);

	if (self->workers != NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED, _("The server is already listening."));
		return FALSE;
	}
	inet = g_inet_address_new_from_string(address);
	if (inet == NULL) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("invalid listen address “%s”"), address);
		return FALSE;
	}
	threads = self->threads > 0 ? self->threads : MAX(g_get_num_processors(), 1);
	/* the admin API needs the store (users, sessions, drafts) */
	if (self->admin == NULL &&
	    cblue_context_get_extension(cblue_bot_get_context(self->bot), CBLUE_TYPE_STORE) != NULL)
		self->admin = cblue_admin_new(self->bot, self->tls_certificate != NULL);
	self->metrics = cblue_server_metrics_new(threads);
	workers = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_server_worker_free);
	for (guint i = 0; i < threads; i++) {
		g_autoptr(GSocketAddress) sockaddr = g_inet_socket_address_new(inet, (guint16)port);
		g_autoptr(GSocket) socket = cblue_server_open_socket(sockaddr, error);
		CblueServerWorker *worker;

		if (socket == NULL) {
			cblue_error_convert(error);
			return FALSE;
		}
		/* port 0: the first socket picks the port, the others join it */
		if (port == 0) {
			g_autoptr(GSocketAddress) local = g_socket_get_local_address(socket, error);
			if (local == NULL) {
				cblue_error_convert(error);
				return FALSE;
			}
			port = g_inet_socket_address_get_port(G_INET_SOCKET_ADDRESS(local));
		}
		worker = cblue_server_worker_new(self, i, socket, fast_group, error);
		if (worker == NULL)
			return FALSE;
		g_ptr_array_add(workers, worker);
	}
	if (self->pipeline_threads > 0) {
		g_warning("[server] pipeline_threads is for measurements: messages bypass the queue plugin");
		self->pipeline_pool =
		    g_thread_pool_new(cblue_server_pool_func, self, (gint)self->pipeline_threads, TRUE, error);
		if (self->pipeline_pool == NULL) {
			cblue_error_convert(error);
			return FALSE;
		}
	}
	self->port = port;
	for (guint i = 0; i < workers->len; i++) {
		CblueServerWorker *worker = g_ptr_array_index(workers, i);
		g_autofree gchar *name = g_strdup_printf("cblue-http-%u", i);
		worker->thread = g_thread_new(name, cblue_server_worker_thread, worker);
	}
	self->workers = g_steal_pointer(&workers);
	return TRUE;
}

/**
 * cblue_server_get_port:
 * @self: a #CblueServer
 *
 * Returns: the port listened on, or 0 before [method@Server.listen]
 *
 * Since: 1.0
 */
guint
cblue_server_get_port(CblueServer *self)
{
	g_return_val_if_fail(CBLUE_IS_SERVER(self), 0);
	return self->port;
}

/**
 * cblue_server_render_metrics:
 * @self: a #CblueServer
 *
 * Renders the metrics as `GET /metrics` serves them.
 *
 * Returns: (transfer full): Prometheus text exposition, or %NULL before
 *   [method@Server.listen]
 *
 * Since: 1.0
 */
gchar *
cblue_server_render_metrics(CblueServer *self)
{
	g_return_val_if_fail(CBLUE_IS_SERVER(self), NULL);
	if (self->metrics == NULL)
		return NULL;
	return cblue_server_metrics_render(self->metrics);
}

/* graceful shutdown */

typedef struct {
	gint64 deadline; /* monotonic µs */
	GSource *poll;	 /* owned */
} CblueShutdownData;

static void
cblue_shutdown_data_free(CblueShutdownData *data)
{
	if (data->poll != NULL) {
		g_source_destroy(data->poll);
		g_source_unref(data->poll);
	}
	g_free(data);
}

/* in each worker: close the WebSockets that wait for nothing, mark the others */
static gboolean
cblue_server_worker_drain_cb(gpointer user_data)
{
	CblueServerWorker *worker = user_data;
	g_autoptr(GPtrArray) clients = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_ws_client_unref);
	GHashTableIter iter;
	gpointer key;

	g_hash_table_iter_init(&iter, worker->ws_clients);
	while (g_hash_table_iter_next(&iter, &key, NULL))
		g_ptr_array_add(clients, cblue_ws_client_ref(key));
	for (guint i = 0; i < clients->len; i++) {
		CblueWsClient *client = g_ptr_array_index(clients, i);
		client->close_when_idle = TRUE;
		if (client->pending == 0)
			cblue_ws_client_close(client, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, "server shutting down");
	}
	return G_SOURCE_REMOVE;
}

static gboolean
cblue_server_shutdown_poll_cb(gpointer user_data)
{
	GTask *task = G_TASK(user_data);
	CblueServer *self = g_task_get_source_object(task);
	CblueShutdownData *data = g_task_get_task_data(task);
	gint in_flight = cblue_server_metrics_get_in_flight(self->metrics);
	gint websockets = cblue_server_metrics_get_websocket_connections(self->metrics);
	/* a request read before SIGTERM whose handler has not run yet is not in flight */
	gint requests = g_atomic_int_get(&self->requests_open);

	if ((in_flight > 0 || websockets > 0 || requests > 0) && g_get_monotonic_time() < data->deadline)
		return G_SOURCE_CONTINUE;
	if (in_flight > 0 || websockets > 0)
		g_warning("shutdown: %d messages still being answered and %d WebSockets open after %u s; closing",
			  in_flight, websockets, self->shutdown_timeout);
	cblue_server_stop_workers(self);
	g_clear_pointer(&data->poll, g_source_unref);
	g_task_return_boolean(task, TRUE);
	return G_SOURCE_REMOVE;
}

/**
 * cblue_server_shutdown_async:
 * @self: a #CblueServer
 * @cancellable: (nullable): a #GCancellable
 * @callback: the callback
 * @user_data: data for @callback
 *
 * Shuts down gracefully: stops accepting connections (the listening sockets leave the
 * port, so that another process on the same port takes new clients), answers `503` on
 * `/readyz`, finishes the messages being answered (WebSocket connections are closed with
 * 1001 once their replies are sent; kept-alive HTTP connections after their response),
 * then stops the listener threads. After `[server] shutdown_timeout` seconds the rest is
 * dropped.
 *
 * Since: 1.0
 */
void
cblue_server_shutdown_async(CblueServer *self, GCancellable *cancellable, GAsyncReadyCallback callback,
			    gpointer user_data)
{
	g_autoptr(GTask) task = NULL;
	CblueShutdownData *data;

	g_return_if_fail(CBLUE_IS_SERVER(self));
	task = g_task_new(self, cancellable, callback, user_data);
	g_task_set_source_tag(task, cblue_server_shutdown_async);
	if (self->workers == NULL) {
		g_task_return_boolean(task, TRUE);
		return;
	}
	g_atomic_int_set(&self->draining, 1);
	for (guint i = 0; i < self->workers->len; i++) {
		CblueServerWorker *worker = g_ptr_array_index(self->workers, i);
		/* a shut-down listening socket wakes its poll and fails accept(), so libsoup
		 * drops its source; the connections already accepted go on */
		g_socket_shutdown(worker->listen_socket, TRUE, FALSE, NULL);
		g_main_context_invoke(worker->context, cblue_server_worker_drain_cb, worker);
	}
	/* a WebSocket handed over after this is closed by its thread (draining is set) */
	g_mutex_lock(&self->ws_mutex);
	for (guint i = 0; self->ws_threads != NULL && i < self->ws_threads->len; i++) {
		CblueServerWorker *worker = g_ptr_array_index(self->ws_threads, i);
		g_main_context_invoke(worker->context, cblue_server_worker_drain_cb, worker);
	}
	g_mutex_unlock(&self->ws_mutex);
	data = g_new0(CblueShutdownData, 1);
	data->deadline = g_get_monotonic_time() + (gint64)self->shutdown_timeout * G_USEC_PER_SEC;
	data->poll = g_timeout_source_new(10);
	g_source_set_callback(data->poll, cblue_server_shutdown_poll_cb, g_object_ref(task), g_object_unref);
	g_source_set_static_name(data->poll, "[cblue-server] shutdown");
	g_source_attach(data->poll, g_task_get_context(task));
	g_task_set_task_data(task, data, (GDestroyNotify)cblue_shutdown_data_free);
}

/**
 * cblue_server_shutdown_finish:
 * @self: a #CblueServer
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes [method@Server.shutdown_async].
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_server_shutdown_finish(CblueServer *self, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, self), FALSE);
	return g_task_propagate_boolean(G_TASK(result), error);
}

/**
 * cblue_server_disconnect:
 * @self: a #CblueServer
 *
 * Stops at once: closes every connection and stops the listener threads.
 *
 * Since: 1.0
 */
void
cblue_server_disconnect(CblueServer *self)
{
	g_return_if_fail(CBLUE_IS_SERVER(self));
	cblue_server_stop_workers(self);
}
