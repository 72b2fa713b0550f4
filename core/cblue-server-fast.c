/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "cblue-json-private.h"
#include "cblue-server-fast-parse-private.h"
#include "cblue-server-fast-private.h"

/*
 * The fast path's connections (docs/server.md, "The fast path").
 *
 * One epoll descriptor per listener thread holds the listening socket and every
 * connection the thread serves itself; a single GSource of the thread's context watches
 * it. A connection is registered once, edge-triggered for input and output, so that no
 * request changes the poll set: GLib wakes its own context (an eventfd write) whenever a
 * source's descriptors change, and libsoup's nested sources did that eight times per
 * request. Requests on a connection are answered one at a time, in order; the bytes of
 * pipelined ones wait in the connection's buffer.
 *
 * A connection whose next request is not the hot one goes to libsoup with the bytes of
 * that request replayed first (CblueServerFastReplay), once what was answered before is
 * written; it is libsoup's from then on.
 *
 * The listeners of a server form a CblueFastGroup: a listener passes a connection it
 * accepts on to one that serves fewer (cblue_fast_listener_pass_on()).
 */

#define CBLUE_FAST_READ_CHUNK 16384
#define CBLUE_FAST_EVENTS     64

typedef struct _CblueFastConn CblueFastConn;

/* a connection accepted by one listener for another */
typedef struct {
	gint fd;
	socklen_t addr_len;
	struct sockaddr_storage addr;
} CblueFastHandoff;

struct _CblueFastGroup {
	gint ref_count;
	GMutex mutex;
	GPtrArray *listeners; /* unowned, under mutex: the listeners that take connections */
};

struct _CblueFastListener {
	GMainContext *context;	/* owned */
	GSocket *listen_socket; /* owned */
	SoupServer *soup;	/* owned */
	CblueFastLimits limits;
	CblueFastHooks hooks;
	gpointer user_data;
	gint epfd;
	gboolean listening;	 /* the listening socket is in the epoll set */
	gboolean listen_closed;	 /* shut down (graceful shutdown): never listen again */
	GSource *source;	 /* owned: watches epfd */
	GSource *sweep;		 /* owned: slow and idle connections, once a second */
	GHashTable *connections; /* owned: set of CblueFastConn (ref) */
	gchar date[40];		 /* the Date header, formatted once a second */
	gint64 date_second;
	CblueFastGroup *group; /* owned, nullable */
	gint n_connections;    /* atomic: connections served here, or on their way here */
	gint handoff_fd;       /* eventfd in the epoll set: handoffs wait; -1 without a group */
	GArray *handoffs;      /* owned, under the group's mutex: of CblueFastHandoff */
};

struct _CblueFastConn {
	gint ref_count;
	CblueFastListener *listener; /* unowned; NULL once closed */
	gint fd;		     /* -1 once closed or handed over */
	gchar *peer;		     /* owned: the client's address */
	GByteArray *in;		     /* owned: bytes read and not yet consumed */
	GString *out;		     /* owned: bytes to write */
	gsize out_sent;
	CblueFastRequest *current; /* owned, nullable: the request being read or answered */
	gint64 reading_since;	   /* monotonic µs: a request started and is not read yet; 0: none */
	gint64 last_active;	   /* monotonic µs */
	gboolean counted_open;	   /* counted in requests_open */
	gboolean processing;	   /* in cblue_fast_conn_process() */
	gboolean may_have_input;   /* readable since the last read that drained the socket */
	gboolean close_after_write;
	gboolean handover_when_written;
};

/*
 * The most response headers a request gets: the early checks set at most thirteen (the
 * security headers, CORS, a preflight's, Vary, Connection) and the handler two more.
 */
#define CBLUE_FAST_MAX_RESPONSE_HEADERS 20

/* a response header: a name the server's code spells as a literal, and its line as it is
 * written, without its CRLF */
typedef struct {
	const gchar *name; /* unowned: static */
	gchar *line;	   /* owned: "Name: value" */
	gsize line_len;
	gsize value_offset; /* the value within the line */
} CblueFastResponseHeader;

struct _CblueFastRequest {
	gint ref_count;
	CblueFastConn *conn; /* owned */
	CblueFastKind kind;
	gchar *head;	     /* owned: a copy of the head, cut into NUL-terminated strings */
	gsize content_length;
	SoupMessageHeaders *request_headers; /* owned */
	/* the response headers in the order they were first set: a SoupMessageHeaders costs
	 * about 900 instructions per header set (name lookup, validation, removal of an
	 * earlier one) and as much again to free, some 8,000 per chat request */
	CblueFastResponseHeader response_headers[CBLUE_FAST_MAX_RESPONSE_HEADERS];
	guint n_response_headers;
	GBytes *body;			      /* owned, nullable until read */
	/* owned, nullable: cancelled when the client goes away; made by the first
	 * cblue_fast_request_get_cancellable() (a chat answered in place never asks for it,
	 * and a GCancellable costs some 2,500 instructions to make and free) */
	GCancellable *cancellable;
	gboolean gone; /* the client went away before the response */
	gint64 start_usec;
	gpointer data;
	GDestroyNotify data_destroy;
	gboolean responded;
	/* a WebSocket handshake whose 101 is being written: the connection is the server's
	 * once it is, with @upgrade_data; freed with the request if the client goes first */
	gboolean upgrading;
	gpointer upgrade_data;
	GDestroyNotify upgrade_destroy;
};

static void cblue_fast_conn_process(CblueFastConn *conn);
static void cblue_fast_conn_close(CblueFastConn *conn);

/* requests */

CblueFastRequest *
cblue_fast_request_ref(CblueFastRequest *req)
{
	g_atomic_int_inc(&req->ref_count);
	return req;
}

static void cblue_fast_conn_unref(CblueFastConn *conn);

void
cblue_fast_request_unref(CblueFastRequest *req)
{
	if (!g_atomic_int_dec_and_test(&req->ref_count))
		return;
	if (req->upgrade_destroy != NULL)
		req->upgrade_destroy(req->upgrade_data);
	if (req->data_destroy != NULL)
		req->data_destroy(req->data);
	g_free(req->head);
	soup_message_headers_unref(req->request_headers);
	for (guint i = 0; i < req->n_response_headers; i++)
		g_free(req->response_headers[i].line);
	g_clear_pointer(&req->body, g_bytes_unref);
	g_clear_object(&req->cancellable);
	cblue_fast_conn_unref(req->conn);
	g_free(req);
}

const gchar *
cblue_fast_request_get_method(CblueFastRequest *req)
{
	return req->kind == CBLUE_FAST_KIND_WEBSOCKET ? "GET" : "POST";
}

const gchar *
cblue_fast_request_get_path(CblueFastRequest *req)
{
	return req->kind == CBLUE_FAST_KIND_WEBSOCKET ? "/api/v1/chat/ws" : "/api/v1/chat";
}

const gchar *
cblue_fast_request_get_peer(CblueFastRequest *req)
{
	return req->conn->peer;
}

SoupMessageHeaders *
cblue_fast_request_get_request_headers(CblueFastRequest *req)
{
	return req->request_headers;
}

/* "@name: @value" */
static void
cblue_fast_response_header_set(CblueFastResponseHeader *header, const gchar *name, const gchar *value)
{
	gsize name_len = strlen(name);
	gsize value_len = strlen(value);

	g_free(header->line);
	header->name = name;
	header->line_len = name_len + 2 + value_len;
	header->value_offset = name_len + 2;
	header->line = g_malloc(header->line_len + 1);
	memcpy(header->line, name, name_len);
	memcpy(header->line + name_len, ": ", 2);
	memcpy(header->line + header->value_offset, value, value_len + 1);
}

/* the response header @name (a static string) is @value, in place of an earlier one of
 * the same name (as soup_message_headers_replace()) or, with @append, besides it (as
 * soup_message_headers_append()) */
void
cblue_fast_request_set_header(CblueFastRequest *req, const gchar *name, const gchar *value, gboolean append)
{
	CblueFastResponseHeader *header;

	/* as libsoup: a value that would end the header is not sent (none can come from a
	 * request: the parser refuses control bytes) */
	if (strpbrk(value, "\r\n") != NULL) {
		g_warning("response header %s: ignoring a value with a line break", name);
		return;
	}
	for (guint i = 0; i < req->n_response_headers && !append; i++) {
		header = &req->response_headers[i];
		if (g_ascii_strcasecmp(header->name, name) == 0) {
			cblue_fast_response_header_set(header, name, value);
			return;
		}
	}
	/* a programming error of the server's: more headers than any response gets */
	g_return_if_fail(req->n_response_headers < CBLUE_FAST_MAX_RESPONSE_HEADERS);
	cblue_fast_response_header_set(&req->response_headers[req->n_response_headers++], name, value);
}

/* whether the response header @name has the token @token, as
 * soup_message_headers_header_contains() */
static gboolean
cblue_fast_request_header_contains(CblueFastRequest *req, const gchar *name, const gchar *token)
{
	for (guint i = 0; i < req->n_response_headers; i++) {
		const CblueFastResponseHeader *header = &req->response_headers[i];
		if (g_ascii_strcasecmp(header->name, name) == 0 &&
		    soup_header_contains(header->line + header->value_offset, token))
			return TRUE;
	}
	return FALSE;
}

GBytes *
cblue_fast_request_get_body(CblueFastRequest *req)
{
	return req->body;
}

gint64
cblue_fast_request_get_start_time(CblueFastRequest *req)
{
	return req->start_usec;
}

GCancellable *
cblue_fast_request_get_cancellable(CblueFastRequest *req)
{
	if (req->cancellable == NULL) {
		req->cancellable = g_cancellable_new();
		if (req->gone)
			g_cancellable_cancel(req->cancellable);
	}
	return req->cancellable;
}

void
cblue_fast_request_set_data(CblueFastRequest *req, gpointer data, GDestroyNotify destroy)
{
	req->data = data;
	req->data_destroy = destroy;
}

gpointer
cblue_fast_request_get_data(CblueFastRequest *req)
{
	return req->data;
}

/* the head's headers, as libsoup would have them */
static CblueFastRequest *
cblue_fast_request_new(CblueFastConn *conn, const CblueFastHead *head, gint64 start_usec)
{
	CblueFastRequest *req = g_new0(CblueFastRequest, 1);

	req->ref_count = 1;
	req->conn = conn;
	req->kind = head->kind;
	g_atomic_int_inc(&conn->ref_count);
	req->head = g_malloc(head->head_len);
	memcpy(req->head, conn->in->data, head->head_len);
	req->content_length = head->content_length;
	req->request_headers = soup_message_headers_new(SOUP_MESSAGE_HEADERS_REQUEST);
	req->start_usec = start_usec;
	for (guint i = 0; i < head->n_headers; i++) {
		const CblueFastHeader *header = &head->headers[i];
		/* the name ends at its colon and the value before its spaces or CR */
		req->head[header->offset + header->name_len] = '\0';
		req->head[header->value_offset + header->value_len] = '\0';
		soup_message_headers_append(req->request_headers, req->head + header->offset,
					    req->head + header->value_offset);
	}
	return req;
}

/* the Date header, as RFC 9110 §5.6.7 writes it */
static const gchar *
cblue_fast_listener_date(CblueFastListener *self)
{
	gint64 now = g_get_real_time() / G_USEC_PER_SEC;

	if (now != self->date_second) {
		g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc(now);
		/* libsoup's own formatting: English names, whatever the locale */
		g_autofree gchar *text = soup_date_time_to_string(dt, SOUP_DATE_HTTP);
		g_strlcpy(self->date, text != NULL ? text : "", sizeof(self->date));
		self->date_second = now;
	}
	return self->date;
}

static void cblue_fast_conn_flush(CblueFastConn *conn);

/* a string literal, without its length counted at run time */
#define CBLUE_FAST_APPEND_LITERAL(out, literal) CBLUE_STRING_PUT_LITERAL((out), literal)

/* @value in decimal, for the status line and Content-Length of every response: printf
 * costs about 1,500 instructions a call */
static void
cblue_fast_append_uint(GString *out, guint64 value)
{
	gchar digits[20];
	guint n = 0;

	do {
		digits[sizeof(digits) - ++n] = (gchar)('0' + value % 10);
		value /= 10;
	} while (value > 0);
	cblue_string_put(out, digits + sizeof(digits) - n, n);
}

static void
cblue_fast_request_finish(CblueFastRequest *req, guint status)
{
	CblueFastConn *conn = req->conn;

	if (conn->counted_open) {
		conn->counted_open = FALSE;
		g_atomic_int_add(conn->listener->limits.requests_open, -1);
	}
	conn->listener->hooks.finished(req, status, conn->listener->user_data);
}

/*
 * Writes the response: the status line, libsoup's own headers (Server, Date), the
 * response headers the server set, then the JSON body. A response with
 * `Connection: close` (a refused body, a server shutting down) ends the connection.
 */
void
cblue_fast_request_respond(CblueFastRequest *req, guint status, const gchar *json)
{
	CblueFastConn *conn = req->conn;
	gsize body_len = json != NULL ? strlen(json) : 0;
	GString *out;

	if (req->responded)
		return;
	req->responded = TRUE;
	/* the client went away: counted as 499 already */
	if (conn->listener == NULL || conn->current != req)
		return;
	out = conn->out;
	CBLUE_FAST_APPEND_LITERAL(out, "HTTP/1.1 ");
	cblue_fast_append_uint(out, status);
	g_string_append_c(out, ' ');
	cblue_string_put_str(out, soup_status_get_phrase(status));
	CBLUE_FAST_APPEND_LITERAL(out, "\r\nServer: cblue\r\nDate: ");
	cblue_string_put_str(out, cblue_fast_listener_date(conn->listener));
	CBLUE_FAST_APPEND_LITERAL(out, "\r\n");
	for (guint i = 0; i < req->n_response_headers; i++) {
		cblue_string_put(out, req->response_headers[i].line, req->response_headers[i].line_len);
		CBLUE_FAST_APPEND_LITERAL(out, "\r\n");
	}
	if (json != NULL)
		CBLUE_FAST_APPEND_LITERAL(out, "Content-Type: application/json; charset=utf-8\r\n");
	CBLUE_FAST_APPEND_LITERAL(out, "Content-Length: ");
	cblue_fast_append_uint(out, body_len);
	CBLUE_FAST_APPEND_LITERAL(out, "\r\n\r\n");
	cblue_string_put(out, json != NULL ? json : "", body_len);
	if (cblue_fast_request_header_contains(req, "Connection", "close"))
		conn->close_after_write = TRUE;

	g_atomic_int_inc(&conn->ref_count);
	conn->current = NULL;
	cblue_fast_request_finish(req, status);
	cblue_fast_conn_flush(conn);
	/* the next pipelined request, unless we are in the loop that reads them */
	if (!conn->processing)
		cblue_fast_conn_process(conn);
	cblue_fast_request_unref(req);
	cblue_fast_conn_unref(conn);
}

/*
 * Writes the 101 of a WebSocket handshake: the status line, libsoup's own headers, the
 * response headers the server set (the handshake's among them), and no body. Once it is
 * written, hooks.upgraded takes the connection and @data; @destroy frees @data if the
 * client goes away first.
 */
void
cblue_fast_request_switch_protocols(CblueFastRequest *req, gpointer data, GDestroyNotify destroy)
{
	CblueFastConn *conn = req->conn;
	GString *out;

	g_return_if_fail(!req->responded);
	req->responded = TRUE;
	req->upgrade_data = data;
	req->upgrade_destroy = destroy;
	if (conn->listener == NULL || conn->current != req)
		return;
	out = conn->out;
	CBLUE_FAST_APPEND_LITERAL(out, "HTTP/1.1 101 Switching Protocols\r\nServer: cblue\r\nDate: ");
	cblue_string_put_str(out, cblue_fast_listener_date(conn->listener));
	CBLUE_FAST_APPEND_LITERAL(out, "\r\n");
	for (guint i = 0; i < req->n_response_headers; i++) {
		cblue_string_put(out, req->response_headers[i].line, req->response_headers[i].line_len);
		CBLUE_FAST_APPEND_LITERAL(out, "\r\n");
	}
	CBLUE_FAST_APPEND_LITERAL(out, "\r\n");
	/* no longer an open request (a graceful shutdown does not wait for a WebSocket);
	 * still the connection's current one, so that nothing after it is read as HTTP */
	if (conn->counted_open) {
		conn->counted_open = FALSE;
		g_atomic_int_add(conn->listener->limits.requests_open, -1);
	}
	req->upgrading = TRUE;
	cblue_fast_conn_flush(conn);
}

/* connections */

static void
cblue_fast_conn_unref(CblueFastConn *conn)
{
	if (!g_atomic_int_dec_and_test(&conn->ref_count))
		return;
	g_free(conn->peer);
	g_byte_array_unref(conn->in);
	g_string_free(conn->out, TRUE);
	g_free(conn);
}

/* the listener serves @conn no more (it stays in active_connections with @keep_counted) */
static void
cblue_fast_conn_unregister(CblueFastConn *conn, gboolean keep_counted)
{
	CblueFastListener *self = conn->listener;

	if (conn->counted_open) {
		conn->counted_open = FALSE;
		g_atomic_int_add(self->limits.requests_open, -1);
	}
	if (!keep_counted)
		cblue_server_metrics_add_active_connections(self->limits.metrics, -1);
	g_atomic_int_add(&self->n_connections, -1);
	conn->listener = NULL;
	g_hash_table_remove(self->connections, conn);
}

/* the client went away or was sent away: a request being answered is a 499 */
static void
cblue_fast_conn_close(CblueFastConn *conn)
{
	CblueFastListener *self = conn->listener;
	g_autoptr(CblueFastRequest) current = g_steal_pointer(&conn->current);

	if (self == NULL)
		return;
	if (conn->fd >= 0) {
		epoll_ctl(self->epfd, EPOLL_CTL_DEL, conn->fd, NULL);
		close(conn->fd);
		conn->fd = -1;
	}
	g_atomic_int_inc(&conn->ref_count);
	if (current != NULL && !current->responded) {
		current->gone = TRUE;
		if (current->cancellable != NULL)
			g_cancellable_cancel(current->cancellable);
		/* a request whose head was read: the server counts it */
		if (current->data != NULL)
			cblue_fast_request_finish(current, 499);
	}
	cblue_fast_conn_unregister(conn, FALSE);
	cblue_fast_conn_unref(conn);
}

/* takes the connection's descriptor off the epoll as a GSocket; NULL (the connection
 * closed) if that fails */
static GSocket *
cblue_fast_conn_take_socket(CblueFastConn *conn, const gchar *purpose)
{
	g_autoptr(GError) error = NULL;
	GSocket *socket;
	gint fd = conn->fd;

	epoll_ctl(conn->listener->epfd, EPOLL_CTL_DEL, fd, NULL);
	conn->fd = -1;
	socket = g_socket_new_from_fd(fd, &error);
	if (socket == NULL) {
		g_debug("cannot hand %s over: %s", purpose, error->message);
		close(fd);
		cblue_fast_conn_close(conn);
	}
	return socket;
}

/* a stream over @socket that first gives the bytes the connection has read and not used */
static GIOStream *
cblue_fast_conn_replay_stream(CblueFastConn *conn, GSocket *socket)
{
	g_autoptr(GSocketConnection) connection = g_socket_connection_factory_create_connection(socket);
	g_autoptr(GBytes) bytes = g_bytes_new(conn->in->data, conn->in->len);
	g_autoptr(GInputStream) replay = NULL;

	g_byte_array_set_size(conn->in, 0);
	replay = cblue_server_fast_replay_new(G_IO_STREAM(connection), bytes);
	return g_simple_io_stream_new(replay, g_io_stream_get_output_stream(G_IO_STREAM(connection)));
}

/* libsoup takes the connection, and the bytes of the request it has to read */
static void
cblue_fast_conn_handover(CblueFastConn *conn)
{
	CblueFastListener *self = conn->listener;
	g_autoptr(GError) error = NULL;
	g_autoptr(GSocket) socket = cblue_fast_conn_take_socket(conn, "a connection to libsoup");
	g_autoptr(GSocketAddress) local = NULL;
	g_autoptr(GSocketAddress) remote = NULL;
	g_autoptr(GIOStream) stream = NULL;

	if (socket == NULL)
		return;
	local = g_socket_get_local_address(socket, NULL);
	remote = g_socket_get_remote_address(socket, NULL);
	if (local == NULL || remote == NULL) {
		/* the client is already gone */
		g_socket_close(socket, NULL);
		cblue_fast_conn_close(conn);
		return;
	}
	/* for the server's slow-client and idle checks, which work on the GSocket */
	g_object_set_data_full(G_OBJECT(remote), "cblue-fast-socket", g_object_ref(socket), g_object_unref);
	stream = cblue_fast_conn_replay_stream(conn, socket);
	/* libsoup counts the connection and its request from now on */
	g_atomic_int_inc(&conn->ref_count);
	cblue_fast_conn_unregister(conn, FALSE);
	cblue_fast_conn_unref(conn);
	if (!soup_server_accept_iostream(self->soup, stream, local, remote, &error)) {
		g_debug("cannot hand a connection to libsoup: %s", error->message);
		g_io_stream_close(stream, NULL, NULL);
	}
}

/* the 101 is written: the server takes the connection, and the bytes read past the
 * handshake (a client may send its first frame right behind it) */
static void
cblue_fast_conn_upgrade(CblueFastConn *conn)
{
	CblueFastListener *self = conn->listener;
	g_autoptr(CblueFastRequest) req = g_steal_pointer(&conn->current);
	g_autoptr(GSocket) socket = cblue_fast_conn_take_socket(conn, "a WebSocket");
	g_autoptr(GIOStream) stream = NULL;
	gpointer data;

	/* (on failure the server's data goes with the request) */
	if (socket == NULL)
		return;
	data = g_steal_pointer(&req->upgrade_data);
	req->upgrade_destroy = NULL;
	stream = cblue_fast_conn_replay_stream(conn, socket);
	g_atomic_int_inc(&conn->ref_count);
	cblue_fast_conn_unregister(conn, TRUE);
	self->hooks.upgraded(req, stream, socket, data, self->user_data);
	cblue_fast_conn_unref(conn);
}

/* writes what it can; the rest when the socket is writable again (EPOLLOUT) */
static void
cblue_fast_conn_flush(CblueFastConn *conn)
{
	while (conn->fd >= 0 && conn->out_sent < conn->out->len) {
		gssize n = send(conn->fd, conn->out->str + conn->out_sent, conn->out->len - conn->out_sent,
				MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		if (n <= 0) {
			cblue_fast_conn_close(conn);
			return;
		}
		conn->out_sent += (gsize)n;
	}
	if (conn->fd < 0)
		return;
	g_string_truncate(conn->out, 0);
	conn->out_sent = 0;
	conn->last_active = g_get_monotonic_time();
	if (conn->close_after_write) {
		shutdown(conn->fd, SHUT_WR);
		cblue_fast_conn_close(conn);
	} else if (conn->handover_when_written) {
		cblue_fast_conn_handover(conn);
	} else if (conn->current != NULL && conn->current->upgrading) {
		cblue_fast_conn_upgrade(conn);
	}
}

/* reads what the socket has; FALSE when the connection is gone */
static gboolean
cblue_fast_conn_read(CblueFastConn *conn)
{
	gsize limit = CBLUE_FAST_MAX_HEAD + conn->listener->limits.max_body;

	/* a client that pipelines without reading waits for its answers */
	while (conn->fd >= 0 && conn->in->len < 2 * limit) {
		guint old = conn->in->len;
		gssize n;

		g_byte_array_set_size(conn->in, old + CBLUE_FAST_READ_CHUNK);
		n = recv(conn->fd, conn->in->data + old, CBLUE_FAST_READ_CHUNK, 0);
		g_byte_array_set_size(conn->in, old + (n > 0 ? (guint)n : 0));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			conn->may_have_input = FALSE;
			return TRUE;
		}
		if (n <= 0) {
			cblue_fast_conn_close(conn);
			return FALSE;
		}
		conn->last_active = g_get_monotonic_time();
		/* a short read drained the socket: the next bytes raise a new edge */
		if ((gsize)n < CBLUE_FAST_READ_CHUNK) {
			conn->may_have_input = FALSE;
			return TRUE;
		}
	}
	return conn->fd >= 0;
}

/* the requests in the buffer, one at a time */
static void
cblue_fast_conn_process(CblueFastConn *conn)
{
	CblueFastListener *self = conn->listener;

	g_atomic_int_inc(&conn->ref_count);
	conn->processing = TRUE;
	while (conn->listener != NULL && conn->fd >= 0 && conn->current == NULL && !conn->close_after_write &&
	       !conn->handover_when_written) {
		g_autoptr(CblueFastRequest) req = NULL;
		CblueFastHead head;
		CblueFastParseResult result;

		if (conn->may_have_input && !cblue_fast_conn_read(conn))
			break;
		if (conn->in->len == 0)
			break;
		if (conn->reading_since == 0) {
			conn->reading_since = g_get_monotonic_time();
			conn->counted_open = TRUE;
			g_atomic_int_inc(self->limits.requests_open);
		}
		result = cblue_fast_parse_head((const gchar *)conn->in->data, conn->in->len, self->limits.max_body,
					       &head);
		if (result == CBLUE_FAST_PARSE_INCOMPLETE)
			break;
		if (result == CBLUE_FAST_PARSE_HANDOVER) {
			if (conn->out->len > 0)
				conn->handover_when_written = TRUE;
			else
				cblue_fast_conn_handover(conn);
			break;
		}
		/* a WebSocket handshake is libsoup's unless the server serves it natively */
		if (head.kind == CBLUE_FAST_KIND_WEBSOCKET && !self->limits.websocket) {
			if (conn->out->len > 0)
				conn->handover_when_written = TRUE;
			else
				cblue_fast_conn_handover(conn);
			break;
		}
		/* the body is small (max_body): it is read before the early checks run */
		if (conn->in->len < head.head_len + head.content_length)
			break;
		req = cblue_fast_request_new(conn, &head, conn->reading_since);
		req->body = g_bytes_new(conn->in->data + head.head_len, head.content_length);
		g_byte_array_remove_range(conn->in, 0, (guint)(head.head_len + head.content_length));
		conn->current = cblue_fast_request_ref(req);
		conn->reading_since = 0;
		self->hooks.early(req, self->user_data);
		if (!req->responded && req->kind == CBLUE_FAST_KIND_WEBSOCKET)
			self->hooks.upgrade(req, self->user_data);
		else if (!req->responded)
			self->hooks.handle(req, self->user_data);
	}
	conn->processing = FALSE;
	cblue_fast_conn_unref(conn);
}

/* the listener serves @fd from now on (counted in n_connections already) */
static void
cblue_fast_listener_adopt(CblueFastListener *self, gint fd, const struct sockaddr_storage *addr,
			  socklen_t addr_len)
{
	g_autoptr(GSocketAddress) sa = g_socket_address_new_from_native((gpointer)addr, addr_len);
	struct epoll_event ev = {0};
	CblueFastConn *conn;
	gint one = 1;

	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	conn = g_new0(CblueFastConn, 1);
	conn->ref_count = 1;
	conn->listener = self;
	conn->fd = fd;
	conn->in = g_byte_array_sized_new(CBLUE_FAST_READ_CHUNK);
	conn->out = g_string_sized_new(1024);
	conn->last_active = g_get_monotonic_time();
	conn->peer = G_IS_INET_SOCKET_ADDRESS(sa)
			 ? g_inet_address_to_string(g_inet_socket_address_get_address(G_INET_SOCKET_ADDRESS(sa)))
			 : g_strdup("unknown");
	g_hash_table_add(self->connections, conn);
	cblue_server_metrics_add_active_connections(self->limits.metrics, 1);
	ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
	ev.data.ptr = conn;
	if (epoll_ctl(self->epfd, EPOLL_CTL_ADD, fd, &ev) != 0)
		cblue_fast_conn_close(conn);
}

/*
 * SO_REUSEPORT spreads new connections over the listeners by a hash of their addresses,
 * unevenly for a few dozen clients (64 connections split 44/27 in a measured run), and
 * every connection of a listener that serves more waits longer for its turn
 * (docs/server.md, "The fast path"). So a listener passes a new connection on to the
 * one that serves the fewest, when that is fewer than itself. Returns FALSE when @self
 * keeps @fd.
 */
static gboolean
cblue_fast_listener_pass_on(CblueFastListener *self, gint fd, const struct sockaddr_storage *addr,
			    socklen_t addr_len)
{
	CblueFastGroup *group = self->group;
	CblueFastListener *target = self;
	guint64 one = 1;

	if (group != NULL) {
		g_mutex_lock(&group->mutex);
		for (guint i = 0; i < group->listeners->len; i++) {
			CblueFastListener *other = g_ptr_array_index(group->listeners, i);
			if (g_atomic_int_get(&other->n_connections) < g_atomic_int_get(&target->n_connections))
				target = other;
		}
	}
	g_atomic_int_inc(&target->n_connections);
	if (target == self) {
		if (group != NULL)
			g_mutex_unlock(&group->mutex);
		return FALSE;
	}
	{
		CblueFastHandoff handoff = {fd, addr_len, *addr};
		g_array_append_val(target->handoffs, handoff);
	}
	/* under the mutex: the target cannot close its eventfd meanwhile */
	if (write(target->handoff_fd, &one, sizeof(one)) < 0 && errno != EAGAIN)
		g_warning("cannot wake a listener thread: %s", g_strerror(errno));
	g_mutex_unlock(&group->mutex);
	return TRUE;
}

/* the connections other listeners passed on to this one */
static void
cblue_fast_listener_take_handoffs(CblueFastListener *self)
{
	g_autoptr(GArray) handoffs = g_array_new(FALSE, FALSE, sizeof(CblueFastHandoff));
	guint64 count;

	/* resets the eventfd (non-blocking: nothing to read is fine) */
	if (read(self->handoff_fd, &count, sizeof(count)) < 0 && errno != EAGAIN)
		g_debug("eventfd: %s", g_strerror(errno));
	g_mutex_lock(&self->group->mutex);
	{
		GArray *waiting = self->handoffs;
		self->handoffs = handoffs;
		handoffs = waiting;
	}
	g_mutex_unlock(&self->group->mutex);
	for (guint i = 0; i < handoffs->len; i++) {
		CblueFastHandoff *handoff = &g_array_index(handoffs, CblueFastHandoff, i);
		cblue_fast_listener_adopt(self, handoff->fd, &handoff->addr, handoff->addr_len);
	}
}

static void
cblue_fast_listener_accept(CblueFastListener *self)
{
	for (guint i = 0; i < CBLUE_FAST_EVENTS; i++) {
		struct sockaddr_storage addr;
		socklen_t addr_len = sizeof(addr);
		gint fd = accept4(g_socket_get_fd(self->listen_socket), (struct sockaddr *)&addr, &addr_len,
				  SOCK_NONBLOCK | SOCK_CLOEXEC);

		if (fd < 0) {
			if (errno == EINTR || errno == ECONNABORTED)
				continue;
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				return;
			/* shut down (graceful shutdown): for good; out of descriptors or memory:
			 * the pending connection would wake us at once again, so the sweep
			 * listens again a second later */
			if (errno == EINVAL || errno == EBADF)
				self->listen_closed = TRUE;
			else
				g_warning("cannot accept a connection: %s", g_strerror(errno));
			epoll_ctl(self->epfd, EPOLL_CTL_DEL, g_socket_get_fd(self->listen_socket), NULL);
			self->listening = FALSE;
			return;
		}
		if (!cblue_fast_listener_pass_on(self, fd, &addr, addr_len))
			cblue_fast_listener_adopt(self, fd, &addr, addr_len);
	}
}

static void
cblue_fast_conn_event(CblueFastConn *conn, guint32 events)
{
	if (conn->listener == NULL)
		return;
	if (events & EPOLLOUT && conn->out->len > 0)
		cblue_fast_conn_flush(conn);
	if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
		conn->may_have_input = TRUE;
		cblue_fast_conn_process(conn);
	}
	/* the client closed while its request is answered (we read no more while one is in
	 * flight, so no read tells): it went away, a 499, and the answer is cancelled */
	if (conn->listener != NULL &&
	    ((events & (EPOLLHUP | EPOLLERR)) || ((events & EPOLLRDHUP) && conn->current != NULL)))
		cblue_fast_conn_close(conn);
}

static gboolean
cblue_fast_listener_dispatch(GSource *source, GSourceFunc callback, gpointer user_data)
{
	CblueFastListener *self = user_data;
	struct epoll_event events[CBLUE_FAST_EVENTS];
	gint n = epoll_wait(self->epfd, events, CBLUE_FAST_EVENTS, 0);
	g_autoptr(GPtrArray) conns = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_fast_conn_unref);

	/* a connection closed by another's event stays valid until the end of the batch */
	for (gint i = 0; i < n; i++) {
		CblueFastConn *conn = events[i].data.ptr;
		if (conn != NULL && events[i].data.ptr != &self->handoff_fd) {
			g_atomic_int_inc(&conn->ref_count);
			g_ptr_array_add(conns, conn);
		}
	}
	for (gint i = 0; i < n; i++) {
		CblueFastConn *conn = events[i].data.ptr;
		if (conn == NULL)
			cblue_fast_listener_accept(self);
		else if (events[i].data.ptr == &self->handoff_fd)
			cblue_fast_listener_take_handoffs(self);
		else
			cblue_fast_conn_event(conn, events[i].events);
	}
	return G_SOURCE_CONTINUE;
}

static GSourceFuncs cblue_fast_listener_source_funcs = {
    NULL,
    NULL,
    cblue_fast_listener_dispatch,
    NULL,
    NULL,
    NULL,
};

/* groups */

CblueFastGroup *
cblue_fast_group_new(void)
{
	CblueFastGroup *group = g_new0(CblueFastGroup, 1);

	group->ref_count = 1;
	g_mutex_init(&group->mutex);
	group->listeners = g_ptr_array_new();
	return group;
}

CblueFastGroup *
cblue_fast_group_ref(CblueFastGroup *group)
{
	g_atomic_int_inc(&group->ref_count);
	return group;
}

void
cblue_fast_group_unref(CblueFastGroup *group)
{
	if (!g_atomic_int_dec_and_test(&group->ref_count))
		return;
	g_ptr_array_unref(group->listeners);
	g_mutex_clear(&group->mutex);
	g_free(group);
}

/* takes connections from the other listeners of @group: an eventfd in the epoll set
 * (data: the address of handoff_fd) says when some wait */
static gboolean
cblue_fast_listener_join(CblueFastListener *self, CblueFastGroup *group, GError **error)
{
	struct epoll_event ev = {0};

	self->handoff_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	ev.events = EPOLLIN;
	ev.data.ptr = &self->handoff_fd;
	if (self->handoff_fd < 0 || epoll_ctl(self->epfd, EPOLL_CTL_ADD, self->handoff_fd, &ev) != 0) {
		gint errsv = errno;
		g_set_error(error, G_IO_ERROR, g_io_error_from_errno(errsv), "eventfd: %s", g_strerror(errsv));
		return FALSE;
	}
	self->handoffs = g_array_new(FALSE, FALSE, sizeof(CblueFastHandoff));
	self->group = cblue_fast_group_ref(group);
	g_mutex_lock(&group->mutex);
	g_ptr_array_add(group->listeners, self);
	g_mutex_unlock(&group->mutex);
	return TRUE;
}

/* no connection is passed on to @self any more; those on their way are closed */
static void
cblue_fast_listener_leave(CblueFastListener *self)
{
	if (self->group != NULL) {
		g_mutex_lock(&self->group->mutex);
		g_ptr_array_remove_fast(self->group->listeners, self);
		for (guint i = 0; i < self->handoffs->len; i++)
			close(g_array_index(self->handoffs, CblueFastHandoff, i).fd);
		g_array_set_size(self->handoffs, 0);
		g_mutex_unlock(&self->group->mutex);
		g_clear_pointer(&self->group, cblue_fast_group_unref);
	}
	g_clear_pointer(&self->handoffs, g_array_unref);
	if (self->handoff_fd >= 0)
		close(self->handoff_fd);
	self->handoff_fd = -1;
}

/* the listening socket in the epoll set (data NULL: not a connection) */
static void
cblue_fast_listener_listen(CblueFastListener *self)
{
	struct epoll_event ev = {0};

	ev.events = EPOLLIN;
	ev.data.ptr = NULL;
	self->listening = epoll_ctl(self->epfd, EPOLL_CTL_ADD, g_socket_get_fd(self->listen_socket), &ev) == 0;
}

/* once a second: a request that takes over request_timeout to arrive (slowloris), a
 * kept-alive connection silent for idle_timeout */
static gboolean
cblue_fast_listener_sweep_cb(gpointer user_data)
{
	CblueFastListener *self = user_data;
	gint64 now = g_get_monotonic_time();
	g_autoptr(GPtrArray) expired = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_fast_conn_unref);
	GHashTableIter iter;
	gpointer key;

	g_hash_table_iter_init(&iter, self->connections);
	while (g_hash_table_iter_next(&iter, &key, NULL)) {
		CblueFastConn *conn = key;
		gboolean slow = conn->reading_since != 0 &&
				now - conn->reading_since >= (gint64)self->limits.request_timeout * G_USEC_PER_SEC;
		gboolean idle = conn->reading_since == 0 && conn->current == NULL && conn->out->len == 0 &&
				now - conn->last_active >= (gint64)self->limits.idle_timeout * G_USEC_PER_SEC;
		if (slow)
			g_info("closing a connection that took more than %u s to send its request",
			       self->limits.request_timeout);
		if (slow || idle) {
			g_atomic_int_inc(&conn->ref_count);
			g_ptr_array_add(expired, conn);
		}
	}
	for (guint i = 0; i < expired->len; i++)
		cblue_fast_conn_close(g_ptr_array_index(expired, i));
	if (!self->listening && !self->listen_closed)
		cblue_fast_listener_listen(self);
	return G_SOURCE_CONTINUE;
}

/*
 * libsoup keeps a connection alive after a response only while its server has a listener,
 * and it has none of its own here: it gets one that nobody connects to, a Unix socket
 * with an abstract name the kernel picks (autobind)
 */
static gboolean
cblue_fast_listener_give_soup_a_listener(CblueFastListener *self, GError **error)
{
	struct sockaddr_un addr = {0};
	g_autoptr(GSocket) unix_socket = NULL;
	gboolean ok;
	gint fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);

	addr.sun_family = AF_UNIX;
	if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof(sa_family_t)) != 0 || listen(fd, 1) != 0) {
		gint errsv = errno;
		if (fd >= 0)
			close(fd);
		g_set_error(error, G_IO_ERROR, g_io_error_from_errno(errsv), "%s", g_strerror(errsv));
		return FALSE;
	}
	unix_socket = g_socket_new_from_fd(fd, error);
	if (unix_socket == NULL) {
		close(fd);
		return FALSE;
	}
	g_main_context_push_thread_default(self->context);
	ok = soup_server_listen_socket(self->soup, unix_socket, 0, error);
	g_main_context_pop_thread_default(self->context);
	return ok;
}

/*
 * cblue_fast_listener_new:
 * @context: the listener thread's context
 * @listen_socket: its listening socket
 * @soup: its SoupServer, which takes every connection the fast path does not serve
 *
 * Returns: (transfer full): a listener; free it in the thread of @context
 */
CblueFastListener *
cblue_fast_listener_new(GMainContext *context, GSocket *listen_socket, SoupServer *soup,
			const CblueFastLimits *limits, const CblueFastHooks *hooks, gpointer user_data,
			GError **error)
{
	CblueFastListener *self = g_new0(CblueFastListener, 1);

	self->context = g_main_context_ref(context);
	self->listen_socket = g_object_ref(listen_socket);
	self->soup = g_object_ref(soup);
	self->limits = *limits;
	self->hooks = *hooks;
	self->user_data = user_data;
	self->connections =
	    g_hash_table_new_full(g_direct_hash, g_direct_equal, (GDestroyNotify)cblue_fast_conn_unref, NULL);
	self->handoff_fd = -1;
	self->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (self->epfd < 0 || !cblue_fast_listener_give_soup_a_listener(self, error) ||
	    (limits->group != NULL && !cblue_fast_listener_join(self, limits->group, error))) {
		if (self->epfd < 0)
			g_set_error(error, G_IO_ERROR, g_io_error_from_errno(errno), "epoll: %s", g_strerror(errno));
		cblue_fast_listener_free(self);
		return NULL;
	}
	g_socket_set_blocking(listen_socket, FALSE);
	cblue_fast_listener_listen(self);
	self->source = g_source_new(&cblue_fast_listener_source_funcs, sizeof(GSource));
	g_source_add_unix_fd(self->source, self->epfd, G_IO_IN);
	/* no block/unblock around each dispatch: GLib would wake its own context each time */
	g_source_set_can_recurse(self->source, TRUE);
	g_source_set_callback(self->source, NULL, self, NULL);
	g_source_set_static_name(self->source, "[cblue-server] fast path");
	g_source_attach(self->source, context);
	self->sweep = g_timeout_source_new_seconds(1);
	g_source_set_callback(self->sweep, cblue_fast_listener_sweep_cb, self, NULL);
	g_source_set_static_name(self->sweep, "[cblue-server] fast path sweep");
	g_source_attach(self->sweep, context);
	return self;
}

/* in the listener thread: closes every connection still served here */
void
cblue_fast_listener_free(CblueFastListener *self)
{
	g_autoptr(GPtrArray) conns = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_fast_conn_unref);
	GHashTableIter iter;
	gpointer key;

	cblue_fast_listener_leave(self);
	g_hash_table_iter_init(&iter, self->connections);
	while (g_hash_table_iter_next(&iter, &key, NULL)) {
		g_atomic_int_inc(&((CblueFastConn *)key)->ref_count);
		g_ptr_array_add(conns, key);
	}
	for (guint i = 0; i < conns->len; i++)
		cblue_fast_conn_close(g_ptr_array_index(conns, i));
	if (self->source != NULL) {
		g_source_destroy(self->source);
		g_source_unref(self->source);
	}
	if (self->sweep != NULL) {
		g_source_destroy(self->sweep);
		g_source_unref(self->sweep);
	}
	if (self->epfd >= 0)
		close(self->epfd);
	g_hash_table_unref(self->connections);
	g_object_unref(self->soup);
	g_object_unref(self->listen_socket);
	g_main_context_unref(self->context);
	g_free(self);
}

/* the GSocket under a request's connection: libsoup's own, or the one the fast path
 * handed over (libsoup knows only its stream) */
GSocket *
cblue_fast_message_get_socket(SoupServerMessage *msg)
{
	GSocket *socket = soup_server_message_get_socket(msg);
	GSocketAddress *remote;

	if (socket != NULL)
		return socket;
	remote = soup_server_message_get_remote_address(msg);
	return remote != NULL ? g_object_get_data(G_OBJECT(remote), "cblue-fast-socket") : NULL;
}
