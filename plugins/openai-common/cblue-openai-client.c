/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cblue-json-private.h"
#include "cblue-http-direct.h"
#include "cblue-openai-common.h"

/* the HTTP client of openai-common; see cblue-openai-common.h */

#define CBLUE_OPENAI_MAX_JSON_REPLY (8 * 1024 * 1024)
#define CBLUE_OPENAI_READ_CHUNK	    (64 * 1024)
/* enough connections for every streaming conversation of one listener thread */
#define CBLUE_OPENAI_MAX_CONNS 4096
#define CBLUE_OPENAI_IDLE_S    60
/* libsoup 3.2 looks a message up in its session's queue, a list, on each step of its
 * I/O: with a thousand streams in one session that search dominates the CPU time
 * (measured with bench/llm-stream.py), so the messages are spread over a few sessions */
#define CBLUE_OPENAI_N_SESSIONS 32
/* libsoup 3.2 has no name for it */
#define CBLUE_OPENAI_STATUS_TOO_MANY_REQUESTS 429

struct _CblueOpenaiClient {
	GObject parent_instance;
	CblueOpenaiConfig *config; /* owned */
	GPtrArray *sessions;	   /* owned: of SoupSession */
	guint next_session;	   /* atomic: round robin */
	CblueHttpPool *direct;	   /* owned, nullable: plain http:// without a proxy, see cblue-http-direct.h */
	gchar *direct_prefix;	   /* owned, nullable: the base URL's path, before each request's */
	gchar *direct_host;	   /* owned, nullable: the Host header */
};

G_DEFINE_TYPE(CblueOpenaiClient, cblue_openai_client, G_TYPE_OBJECT)

static void
cblue_openai_client_finalize(GObject *object)
{
	CblueOpenaiClient *self = CBLUE_OPENAI_CLIENT(object);
	g_clear_pointer(&self->sessions, g_ptr_array_unref);
	g_clear_pointer(&self->direct, cblue_http_pool_unref);
	g_free(self->direct_prefix);
	g_free(self->direct_host);
	cblue_openai_config_free(self->config);
	G_OBJECT_CLASS(cblue_openai_client_parent_class)->finalize(object);
}

static void
cblue_openai_client_class_init(CblueOpenaiClientClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_openai_client_finalize;
}

static void
cblue_openai_client_init(CblueOpenaiClient *self)
{
}

static SoupSession *
cblue_openai_client_create_session(CblueOpenaiClient *self)
{
	g_autofree gchar *user_agent = g_strdup_printf("cblue/%s", CBLUE_VERSION_STRING);
	/* the I/O timeout is a last resort; the phases are timed per request */
	guint io_timeout_s = MAX(self->config->timeout_ms / 1000, 1);

	/* libsoup verifies TLS against the system database by default and nothing here
	 * handles accept-certificate, so a bad certificate fails the request */
	return soup_session_new_with_options("user-agent", user_agent, "timeout", io_timeout_s, "idle-timeout",
					     CBLUE_OPENAI_IDLE_S, "max-conns", CBLUE_OPENAI_MAX_CONNS,
					     "max-conns-per-host", CBLUE_OPENAI_MAX_CONNS, "proxy-resolver",
					     g_proxy_resolver_get_default(), NULL);
}

/* A plain http:// endpoint that no proxy applies to (a local model server) is talked to
 * through cblue-http-direct.c: a streamed answer is then decoded straight from the
 * socket, one receive for everything that has arrived, instead of going through
 * libsoup's layers of streams one HTTP chunk per read (bench/llm-stream.py). */
static void
cblue_openai_client_setup_direct(CblueOpenaiClient *self)
{
	g_autoptr(GUri) uri = NULL;
	g_auto(GStrv) proxies = NULL;
	const gchar *host;
	gint port;

	if (!self->config->direct_http)
		return;
	/* the path as written (percent-encoded): it goes into the request line */
	uri = g_uri_parse(self->config->base_url, G_URI_FLAGS_ENCODED_PATH, NULL);
	if (uri == NULL || g_ascii_strcasecmp(g_uri_get_scheme(uri), "http") != 0 || g_uri_get_host(uri) == NULL)
		return;
	/* the environment's proxy settings, as libsoup would apply them */
	proxies = g_proxy_resolver_lookup(g_proxy_resolver_get_default(), self->config->base_url, NULL, NULL);
	if (proxies == NULL || g_strv_length(proxies) != 1 || g_strcmp0(proxies[0], "direct://") != 0)
		return;
	host = g_uri_get_host(uri);
	port = g_uri_get_port(uri) > 0 ? g_uri_get_port(uri) : 80;
	self->direct = cblue_http_pool_new(host, (guint16)port, CBLUE_OPENAI_IDLE_S);
	self->direct_prefix = g_strdup(g_uri_get_path(uri));
	self->direct_host = strchr(host, ':') != NULL ? g_strdup_printf("[%s]:%d", host, port)
						      : g_strdup_printf("%s:%d", host, port);
}

CblueOpenaiClient *
cblue_openai_client_new(const CblueOpenaiConfig *config)
{
	CblueOpenaiClient *self;
	g_return_val_if_fail(config != NULL, NULL);
	self = g_object_new(CBLUE_TYPE_OPENAI_CLIENT, NULL);
	self->config = cblue_openai_config_copy(config);
	self->sessions = g_ptr_array_new_with_free_func(g_object_unref);
	for (guint i = 0; i < CBLUE_OPENAI_N_SESSIONS; i++)
		g_ptr_array_add(self->sessions, cblue_openai_client_create_session(self));
	cblue_openai_client_setup_direct(self);
	return self;
}

gboolean
cblue_openai_client_is_direct(CblueOpenaiClient *self)
{
	g_return_val_if_fail(CBLUE_IS_OPENAI_CLIENT(self), FALSE);
	return self->direct != NULL;
}

const CblueOpenaiConfig *
cblue_openai_client_get_config(CblueOpenaiClient *self)
{
	g_return_val_if_fail(CBLUE_IS_OPENAI_CLIENT(self), NULL);
	return self->config;
}

SoupSession *
cblue_openai_client_get_session(CblueOpenaiClient *self)
{
	guint i;
	g_return_val_if_fail(CBLUE_IS_OPENAI_CLIENT(self), NULL);
	i = (guint)g_atomic_int_add((gint *)&self->next_session, 1);
	return g_ptr_array_index(self->sessions, i % self->sessions->len);
}

static void cblue_openai_write_json(GString *out, JsonNode *node);

static void
cblue_openai_write_json_value(GString *out, JsonNode *node)
{
	gchar buffer[G_ASCII_DTOSTR_BUF_SIZE];

	switch (json_node_get_value_type(node)) {
	case G_TYPE_STRING:
		cblue_json_append_string(out, json_node_get_string(node));
		break;
	case G_TYPE_INT64:
		g_string_append_printf(out, "%" G_GINT64_FORMAT, json_node_get_int(node));
		break;
	case G_TYPE_DOUBLE:
		g_string_append(out, g_ascii_dtostr(buffer, sizeof(buffer), json_node_get_double(node)));
		break;
	case G_TYPE_BOOLEAN:
		g_string_append(out, json_node_get_boolean(node) ? "true" : "false");
		break;
	default:
		g_string_append(out, "null");
		break;
	}
}

static void
cblue_openai_write_json(GString *out, JsonNode *node)
{
	switch (JSON_NODE_TYPE(node)) {
	case JSON_NODE_OBJECT: {
		JsonObjectIter iter;
		const gchar *name;
		JsonNode *member;
		gboolean first = TRUE;
		g_string_append_c(out, '{');
		json_object_iter_init_ordered(&iter, json_node_get_object(node));
		while (json_object_iter_next_ordered(&iter, &name, &member)) {
			if (!first)
				g_string_append_c(out, ',');
			first = FALSE;
			cblue_json_append_string(out, name);
			g_string_append_c(out, ':');
			cblue_openai_write_json(out, member);
		}
		g_string_append_c(out, '}');
		break;
	}
	case JSON_NODE_ARRAY: {
		JsonArray *array = json_node_get_array(node);
		g_string_append_c(out, '[');
		for (guint i = 0; i < json_array_get_length(array); i++) {
			if (i > 0)
				g_string_append_c(out, ',');
			cblue_openai_write_json(out, json_array_get_element(array, i));
		}
		g_string_append_c(out, ']');
		break;
	}
	case JSON_NODE_VALUE:
		cblue_openai_write_json_value(out, node);
		break;
	case JSON_NODE_NULL:
	default:
		g_string_append(out, "null");
		break;
	}
}

gchar *
cblue_openai_json_serialize(JsonNode *node)
{
	/* a request body holds a prompt of several kilobytes: one buffer, written in one
	 * pass (json_to_string() escapes it a character at a time, about five times the
	 * instructions, measured with callgrind) */
	GString *out = g_string_sized_new(4096);
	cblue_openai_write_json(out, node);
	return g_string_free(out, FALSE);
}

static GBytes *
cblue_openai_json_to_bytes(JsonNode *body)
{
	gchar *data = cblue_openai_json_serialize(body);
	return g_bytes_new_take(data, strlen(data));
}

static SoupMessage *
cblue_openai_client_new_message_bytes(CblueOpenaiClient *self, const gchar *path, GBytes *body)
{
	g_autofree gchar *url = cblue_openai_config_build_url(self->config, path);
	SoupMessage *msg = soup_message_new(SOUP_METHOD_POST, url);
	SoupMessageHeaders *headers = soup_message_get_request_headers(msg);

	soup_message_set_request_body_from_bytes(msg, "application/json", body);
	soup_message_headers_replace(headers, "Accept", "application/json, text/event-stream");
	if (self->config->api_key != NULL && self->config->api_key[0] != '\0') {
		g_autofree gchar *auth = g_strconcat("Bearer ", self->config->api_key, NULL);
		soup_message_headers_replace(headers, "Authorization", auth);
		memset(auth, 0, strlen(auth));
	}
	return msg;
}

static void
cblue_openai_wipe_string(GString *string)
{
	/* it holds the key */
	memset(string->str, 0, string->len);
	g_string_free(string, TRUE);
}

/* the whole HTTP/1.1 request for the direct path, with the same headers as libsoup's */
static GBytes *
cblue_openai_client_build_direct_request(CblueOpenaiClient *self, const gchar *path, GBytes *body)
{
	gsize length = 0;
	const gchar *data = g_bytes_get_data(body, &length);
	GString *request = g_string_sized_new(length + 512);

	g_string_append_printf(request,
			       "POST %s%s HTTP/1.1\r\nHost: %s\r\nUser-Agent: cblue/%s\r\n"
			       "Accept: application/json, text/event-stream\r\nContent-Type: application/json\r\n"
			       "Content-Length: %" G_GSIZE_FORMAT "\r\n",
			       self->direct_prefix, path, self->direct_host, CBLUE_VERSION_STRING, length);
	if (self->config->api_key != NULL && self->config->api_key[0] != '\0') {
		/* appended, not formatted: no temporary copy of the key */
		g_string_append(request, "Authorization: Bearer ");
		g_string_append(request, self->config->api_key);
		g_string_append(request, "\r\n");
	}
	g_string_append(request, "\r\n");
	g_string_append_len(request, data, (gssize)length);
	return g_bytes_new_with_free_func(request->str, request->len, (GDestroyNotify)cblue_openai_wipe_string,
					  request);
}

/* Retry-After is either seconds or an HTTP date */
static gint64
cblue_openai_parse_retry_after_ms(const gchar *value)
{
	g_autoptr(GDateTime) date = NULL;
	g_autoptr(GDateTime) now = NULL;
	gchar *end = NULL;
	gdouble seconds;

	if (value == NULL || value[0] == '\0')
		return -1;
	seconds = g_ascii_strtod(value, &end);
	if (end != value && *end == '\0')
		return seconds >= 0 ? (gint64)(seconds * 1000.0) : -1;
	date = soup_date_time_new_from_http_string(value);
	if (date == NULL)
		return -1;
	now = g_date_time_new_now_utc();
	return MAX(g_date_time_difference(date, now) / 1000, 0);
}

guint
cblue_openai_retry_delay_ms(guint retry_base_ms, guint attempt, const gchar *retry_after)
{
	gint64 hinted = cblue_openai_parse_retry_after_ms(retry_after);
	guint64 ceiling;

	if (hinted >= 0)
		return (guint)MIN(hinted, (gint64)G_MAXUINT);
	/* exponential back-off with full jitter: many clients failing together do not
	 * come back together */
	ceiling = (guint64)retry_base_ms << MIN(attempt - 1, 10u);
	ceiling = MIN(ceiling, (guint64)60000);
	return (guint)g_random_int_range((gint32)(ceiling / 2), (gint32)ceiling + 1);
}

/* one send, possibly several attempts */
typedef struct {
	GBytes *body;		    /* owned */
	gchar *path;		    /* owned */
	SoupMessage *msg;	    /* owned, nullable: the current attempt */
	GCancellable *attempt;	    /* owned, nullable: cancels the current attempt */
	gulong parent_handler;	    /* on the task's cancellable */
	GSource *timer;		    /* owned, nullable: the phase timer or the back-off */
	GSource *cancel_watch;	    /* owned, nullable: the task's cancellable during a back-off */
	GError *last_error;	    /* owned, nullable: the last retryable failure */
	gint64 deadline;	    /* monotonic µs */
	gint64 attempt_start;	    /* monotonic µs */
	guint attempts;
	guint status;
	gboolean timed_out;
} CblueOpenaiSendOp;

static void
cblue_openai_send_op_clear_timers(CblueOpenaiSendOp *op)
{
	if (op->timer != NULL) {
		g_source_destroy(op->timer);
		g_clear_pointer(&op->timer, g_source_unref);
	}
	if (op->cancel_watch != NULL) {
		g_source_destroy(op->cancel_watch);
		g_clear_pointer(&op->cancel_watch, g_source_unref);
	}
}

static void
cblue_openai_send_op_free(CblueOpenaiSendOp *op)
{
	cblue_openai_send_op_clear_timers(op);
	g_clear_object(&op->msg);
	g_clear_object(&op->attempt);
	g_clear_error(&op->last_error);
	g_bytes_unref(op->body);
	g_free(op->path);
	g_free(op);
}

static void
cblue_openai_attempt_cancel_cb(GCancellable *parent, gpointer user_data)
{
	g_cancellable_cancel(G_CANCELLABLE(user_data));
}

static void cblue_openai_send_attempt(GTask *task);

static gint64
cblue_openai_remaining_ms(CblueOpenaiSendOp *op)
{
	return MAX((op->deadline - g_get_monotonic_time()) / 1000, 0);
}

static GSource *
cblue_openai_attach_timer(guint ms, GSourceFunc func, gpointer data)
{
	GSource *source = g_timeout_source_new(ms);
	g_source_set_callback(source, func, data, NULL);
	g_source_attach(source, g_main_context_get_thread_default());
	return source;
}

static gboolean
cblue_openai_phase_timeout_cb(gpointer user_data)
{
	GTask *task = G_TASK(user_data);
	CblueOpenaiSendOp *op = g_task_get_task_data(task);
	op->timed_out = TRUE;
	g_clear_pointer(&op->timer, g_source_unref);
	g_cancellable_cancel(op->attempt);
	return G_SOURCE_REMOVE;
}

/* the request is on the wire, so connected: from now on the wait for the headers counts */
static void
cblue_openai_request_sent(gpointer user_data)
{
	GTask *task = G_TASK(user_data);
	CblueOpenaiSendOp *op = g_task_get_task_data(task);
	CblueOpenaiClient *self = g_task_get_source_object(task);
	gint64 elapsed_ms = (g_get_monotonic_time() - op->attempt_start) / 1000;
	gint64 left = MIN((gint64)self->config->first_token_timeout_ms - elapsed_ms, cblue_openai_remaining_ms(op));

	if (op->timer == NULL)
		return;
	g_source_destroy(op->timer);
	g_source_unref(op->timer);
	op->timer = cblue_openai_attach_timer((guint)MAX(left, 1), cblue_openai_phase_timeout_cb, task);
}

static void
cblue_openai_wrote_headers_cb(SoupMessage *msg, gpointer user_data)
{
	cblue_openai_request_sent(user_data);
}

static void
cblue_openai_send_fail(GTask *task, GError *error)
{
	CblueOpenaiSendOp *op = g_task_get_task_data(task);
	cblue_openai_send_op_clear_timers(op);
	g_task_return_error(task, error);
	g_object_unref(task);
}

static gboolean
cblue_openai_backoff_done_cb(gpointer user_data)
{
	GTask *task = G_TASK(user_data);
	CblueOpenaiSendOp *op = g_task_get_task_data(task);
	g_clear_pointer(&op->timer, g_source_unref);
	cblue_openai_send_op_clear_timers(op);
	cblue_openai_send_attempt(task);
	return G_SOURCE_REMOVE;
}

static gboolean
cblue_openai_backoff_cancelled_cb(GCancellable *cancellable, gpointer user_data)
{
	GTask *task = G_TASK(user_data);
	CblueOpenaiSendOp *op = g_task_get_task_data(task);
	GError *error = NULL;
	g_clear_pointer(&op->cancel_watch, g_source_unref);
	g_cancellable_set_error_if_cancelled(cancellable, &error);
	cblue_openai_send_fail(task, error);
	return G_SOURCE_REMOVE;
}

/* a retryable failure: wait and try again if attempts and time are left, else fail with it */
static void
cblue_openai_send_retry(GTask *task, GError *error, const gchar *retry_after)
{
	CblueOpenaiClient *self = g_task_get_source_object(task);
	CblueOpenaiSendOp *op = g_task_get_task_data(task);
	GCancellable *cancellable = g_task_get_cancellable(task);
	guint delay;

	g_clear_error(&op->last_error);
	op->last_error = error;
	if (op->attempts > self->config->max_retries) {
		cblue_openai_send_fail(task, g_steal_pointer(&op->last_error));
		return;
	}
	delay = cblue_openai_retry_delay_ms(self->config->retry_base_ms, op->attempts, retry_after);
	/* a Retry-After beyond the deadline: give up now rather than wait in vain */
	if ((gint64)delay >= cblue_openai_remaining_ms(op)) {
		cblue_openai_send_fail(task, g_steal_pointer(&op->last_error));
		return;
	}
	g_debug("provider: attempt %u failed (%s); retrying in %u ms", op->attempts, op->last_error->message, delay);
	op->timer = cblue_openai_attach_timer(MAX(delay, 1), cblue_openai_backoff_done_cb, task);
	if (cancellable != NULL) {
		op->cancel_watch = g_cancellable_source_new(cancellable);
		g_source_set_callback(op->cancel_watch, G_SOURCE_FUNC(cblue_openai_backoff_cancelled_cb), task, NULL);
		g_source_attach(op->cancel_watch, g_main_context_get_thread_default());
	}
}

static gboolean
cblue_openai_status_is_retryable(guint status)
{
	return status == CBLUE_OPENAI_STATUS_TOO_MANY_REQUESTS || (status >= 500 && status <= 599);
}

static GError *
cblue_openai_status_error(CblueOpenaiClient *self, guint status)
{
	/* the provider's body is not quoted: some echo a part of a wrong key */
	switch (status) {
	case SOUP_STATUS_UNAUTHORIZED:
	case SOUP_STATUS_FORBIDDEN:
		return g_error_new(CBLUE_ERROR, CBLUE_ERROR_AUTH_FAILED,
				   _("The provider refused the API key (HTTP %u)."), status);
	case SOUP_STATUS_NOT_FOUND:
		return g_error_new(CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND,
				   _("The provider answered HTTP 404: unknown model “%s” or wrong URL."),
				   self->config->model);
	case CBLUE_OPENAI_STATUS_TOO_MANY_REQUESTS:
		return g_error_new(CBLUE_ERROR, CBLUE_ERROR_BUSY, _("The provider is rate limiting (HTTP 429)."));
	default:
		if (status >= 500)
			return g_error_new(CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE, _("The provider failed (HTTP %u)."),
					   status);
		return g_error_new(CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				   _("The provider rejected the request (HTTP %u)."), status);
	}
}

/* the end of an attempt on either path: @stream with @status and @headers, or @error */
static void
cblue_openai_send_done(GTask *task, GInputStream *stream, guint status, SoupMessageHeaders *headers,
		       const GError *error)
{
	CblueOpenaiClient *self = g_task_get_source_object(task);
	CblueOpenaiSendOp *op = g_task_get_task_data(task);
	GCancellable *cancellable = g_task_get_cancellable(task);

	cblue_openai_send_op_clear_timers(op);
	if (cancellable != NULL)
		g_cancellable_disconnect(cancellable, op->parent_handler);
	op->parent_handler = 0;
	g_clear_object(&op->attempt);

	if (stream == NULL) {
		if (cancellable != NULL && g_cancellable_is_cancelled(cancellable)) {
			g_autoptr(GError) cancelled = NULL;
			g_cancellable_set_error_if_cancelled(cancellable, &cancelled);
			cblue_openai_send_fail(task, g_steal_pointer(&cancelled));
			return;
		}
		if (op->timed_out) {
			/* a model too slow to start: another attempt would be as slow */
			cblue_openai_send_fail(task, g_error_new(CBLUE_ERROR, CBLUE_ERROR_TIMED_OUT,
								 _("The provider did not answer in time.")));
			return;
		}
		cblue_openai_send_retry(task,
					g_error_new(CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE,
						    _("Cannot reach the provider: %s"), error->message),
					NULL);
		return;
	}
	op->status = status;
	if (SOUP_STATUS_IS_SUCCESSFUL(op->status)) {
		g_task_return_pointer(task, g_object_ref(stream), g_object_unref);
		g_object_unref(task);
		return;
	}
	/* the connection is reused only if the body is read; small error bodies are dropped */
	g_input_stream_close_async(stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
	if (cblue_openai_status_is_retryable(op->status)) {
		const gchar *retry_after = soup_message_headers_get_one(headers, "Retry-After");
		cblue_openai_send_retry(task, cblue_openai_status_error(self, op->status), retry_after);
		return;
	}
	cblue_openai_send_fail(task, cblue_openai_status_error(self, op->status));
}

static void
cblue_openai_send_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	GTask *task = G_TASK(user_data);
	CblueOpenaiSendOp *op = g_task_get_task_data(task);
	g_autoptr(GError) error = NULL;
	g_autoptr(GInputStream) stream = soup_session_send_finish(SOUP_SESSION(source), res, &error);
	g_autoptr(SoupMessage) msg = g_steal_pointer(&op->msg);

	g_signal_handlers_disconnect_by_data(msg, task);
	cblue_openai_send_done(task, stream, soup_message_get_status(msg), soup_message_get_response_headers(msg),
			       error);
}

static void
cblue_openai_direct_send_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	GTask *task = G_TASK(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(SoupMessageHeaders) headers = NULL;
	guint status = 0;
	g_autoptr(GInputStream) stream = cblue_http_direct_send_finish(res, &status, &headers, &error);

	cblue_openai_send_done(task, stream, status, headers, error);
}

static void
cblue_openai_send_attempt(GTask *task)
{
	CblueOpenaiClient *self = g_task_get_source_object(task);
	CblueOpenaiSendOp *op = g_task_get_task_data(task);
	GCancellable *cancellable = g_task_get_cancellable(task);
	gint64 remaining = cblue_openai_remaining_ms(op);

	if (remaining <= 0) {
		cblue_openai_send_fail(task, op->last_error != NULL
						 ? g_steal_pointer(&op->last_error)
						 : g_error_new(CBLUE_ERROR, CBLUE_ERROR_TIMED_OUT,
							       _("The provider did not answer in time.")));
		return;
	}
	op->attempts++;
	op->timed_out = FALSE;
	op->attempt_start = g_get_monotonic_time();
	op->attempt = g_cancellable_new();
	if (cancellable != NULL)
		op->parent_handler = g_cancellable_connect(cancellable, G_CALLBACK(cblue_openai_attempt_cancel_cb),
							   g_object_ref(op->attempt), g_object_unref);
	op->timer = cblue_openai_attach_timer((guint)MIN((gint64)self->config->connect_timeout_ms, remaining),
					      cblue_openai_phase_timeout_cb, task);
	if (self->direct != NULL) {
		g_autoptr(GBytes) request = cblue_openai_client_build_direct_request(self, op->path, op->body);
		cblue_http_direct_send_async(self->direct, request, cblue_openai_request_sent, task, op->attempt,
					     cblue_openai_direct_send_cb, task);
		return;
	}
	op->msg = cblue_openai_client_new_message_bytes(self, op->path, op->body);
	g_signal_connect(op->msg, "wrote-headers", G_CALLBACK(cblue_openai_wrote_headers_cb), task);
	soup_session_send_async(cblue_openai_client_get_session(self), op->msg, G_PRIORITY_DEFAULT, op->attempt,
				cblue_openai_send_cb, task);
}

void
cblue_openai_client_send_bytes_async(CblueOpenaiClient *self, const gchar *path, GBytes *body,
				     GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
	GTask *task;
	CblueOpenaiSendOp *op;

	g_return_if_fail(CBLUE_IS_OPENAI_CLIENT(self));
	g_return_if_fail(path != NULL && body != NULL);

	task = g_task_new(self, cancellable, callback, user_data);
	g_task_set_source_tag(task, cblue_openai_client_send_bytes_async);
	op = g_new0(CblueOpenaiSendOp, 1);
	op->body = g_bytes_ref(body);
	op->path = g_strdup(path);
	op->deadline = g_get_monotonic_time() + (gint64)self->config->timeout_ms * 1000;
	g_task_set_task_data(task, op, (GDestroyNotify)cblue_openai_send_op_free);
	if (g_task_return_error_if_cancelled(task)) {
		g_object_unref(task);
		return;
	}
	/* the task's own reference is dropped when it returns */
	cblue_openai_send_attempt(task);
}

GInputStream *
cblue_openai_client_send_finish(CblueOpenaiClient *self, GAsyncResult *result, guint *out_status,
				guint *out_attempts, GError **error)
{
	CblueOpenaiSendOp *op;
	g_return_val_if_fail(g_task_is_valid(result, self), NULL);
	op = g_task_get_task_data(G_TASK(result));
	if (out_status != NULL)
		*out_status = op != NULL ? op->status : 0;
	if (out_attempts != NULL)
		*out_attempts = op != NULL ? op->attempts : 0;
	return g_task_propagate_pointer(G_TASK(result), error);
}

/* post_json: send, then read the body */
typedef struct {
	GInputStream *stream; /* owned */
	GByteArray *data;     /* owned */
	guint status;
	guint attempts;
} CblueOpenaiJsonOp;

static void
cblue_openai_json_op_free(CblueOpenaiJsonOp *op)
{
	g_clear_object(&op->stream);
	g_byte_array_unref(op->data);
	g_free(op);
}

static void
cblue_openai_json_parse(GTask *task)
{
	CblueOpenaiJsonOp *op = g_task_get_task_data(task);
	g_autoptr(JsonParser) parser = json_parser_new();
	g_autoptr(GError) error = NULL;
	JsonNode *root;

	if (!json_parser_load_from_data(parser, (const gchar *)op->data->data, (gssize)op->data->len, &error) ||
	    (root = json_parser_get_root(parser)) == NULL || !JSON_NODE_HOLDS_OBJECT(root)) {
		g_task_return_new_error(task, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
					_("The provider's reply is not a JSON object."));
		return;
	}
	g_task_return_pointer(task, json_node_copy(root), (GDestroyNotify)json_node_unref);
}

static void
cblue_openai_json_read_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	CblueOpenaiJsonOp *op = g_task_get_task_data(task);
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish(G_INPUT_STREAM(source), res, &error);
	GCancellable *cancellable;

	if (bytes == NULL) {
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
			g_autofree gchar *message = g_strdup(error->message);
			g_clear_error(&error);
			error = g_error_new(CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE,
					    _("The provider's reply was cut off: %s"), message);
		}
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	if (g_bytes_get_size(bytes) == 0) {
		cblue_openai_json_parse(task);
		return;
	}
	if (op->data->len + g_bytes_get_size(bytes) > CBLUE_OPENAI_MAX_JSON_REPLY) {
		g_task_return_new_error(task, CBLUE_ERROR, CBLUE_ERROR_TOO_LARGE, _("The provider's reply is too large."));
		return;
	}
	g_byte_array_append(op->data, g_bytes_get_data(bytes, NULL), (guint)g_bytes_get_size(bytes));
	/* the cancellable first: argument evaluation order is unspecified */
	cancellable = g_task_get_cancellable(task);
	g_input_stream_read_bytes_async(op->stream, CBLUE_OPENAI_READ_CHUNK, G_PRIORITY_DEFAULT, cancellable,
					cblue_openai_json_read_cb, g_steal_pointer(&task));
}

static void
cblue_openai_json_send_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	CblueOpenaiJsonOp *op = g_task_get_task_data(task);
	GCancellable *cancellable;
	GError *error = NULL;

	op->stream = cblue_openai_client_send_finish(CBLUE_OPENAI_CLIENT(source), res, &op->status, &op->attempts,
						     &error);
	if (op->stream == NULL) {
		g_task_return_error(task, error);
		return;
	}
	/* the cancellable first: argument evaluation order is unspecified */
	cancellable = g_task_get_cancellable(task);
	g_input_stream_read_bytes_async(op->stream, CBLUE_OPENAI_READ_CHUNK, G_PRIORITY_DEFAULT, cancellable,
					cblue_openai_json_read_cb, g_steal_pointer(&task));
}

void
cblue_openai_client_post_json_async(CblueOpenaiClient *self, const gchar *path, JsonNode *body,
				    GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
	g_autoptr(GBytes) bytes = NULL;

	g_return_if_fail(CBLUE_IS_OPENAI_CLIENT(self));
	g_return_if_fail(path != NULL && body != NULL);
	bytes = cblue_openai_json_to_bytes(body);
	cblue_openai_client_post_json_bytes_async(self, path, bytes, cancellable, callback, user_data);
}

void
cblue_openai_client_post_json_bytes_async(CblueOpenaiClient *self, const gchar *path, GBytes *body,
					  GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
	g_autoptr(GTask) task = NULL;
	CblueOpenaiJsonOp *op;

	g_return_if_fail(CBLUE_IS_OPENAI_CLIENT(self));
	task = g_task_new(self, cancellable, callback, user_data);
	g_task_set_source_tag(task, cblue_openai_client_post_json_async);
	op = g_new0(CblueOpenaiJsonOp, 1);
	op->data = g_byte_array_new();
	g_task_set_task_data(task, op, (GDestroyNotify)cblue_openai_json_op_free);
	cblue_openai_client_send_bytes_async(self, path, body, cancellable, cblue_openai_json_send_cb,
					     g_steal_pointer(&task));
}

JsonNode *
cblue_openai_client_post_json_finish(CblueOpenaiClient *self, GAsyncResult *result, guint *out_status,
				     guint *out_attempts, GError **error)
{
	CblueOpenaiJsonOp *op;
	g_return_val_if_fail(g_task_is_valid(result, self), NULL);
	op = g_task_get_task_data(G_TASK(result));
	if (out_status != NULL)
		*out_status = op->status;
	if (out_attempts != NULL)
		*out_attempts = op->attempts;
	return g_task_propagate_pointer(G_TASK(result), error);
}
