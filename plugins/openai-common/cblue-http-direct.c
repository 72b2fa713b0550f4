/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "cblue-epoll-private.h"
#include "cblue-http-direct.h"

/* see cblue-http-direct.h */

/* what one receive may bring: a busy stream's tokens of several milliseconds */
#define CBLUE_HTTP_BUFFER_SIZE (16 * 1024)
/* a response head larger than this is not from an OpenAI-compatible endpoint */
#define CBLUE_HTTP_MAX_HEAD (64 * 1024)
/* a chunk-size line with its extensions, or one trailer line */
#define CBLUE_HTTP_MAX_LINE 8192
/* idle connections kept per endpoint (each holds a descriptor) */
#define CBLUE_HTTP_MAX_IDLE 4096

/* the pool */

typedef struct {
	GSocketConnection *connection; /* owned */
	gint64 since;		       /* monotonic µs: when it became idle */
} CblueHttpIdle;

struct _CblueHttpPool {
	gchar *host;	/* owned */
	GSocketAddress *address; /* owned, nullable: when the host is an IP address */
	guint16 port;
	gint64 idle_timeout_us;
	GMutex mutex;	/* protects idle */
	GQueue idle;	/* of CblueHttpIdle, the most recently used last */
};

static void
cblue_http_idle_free(CblueHttpIdle *idle)
{
	g_io_stream_close(G_IO_STREAM(idle->connection), NULL, NULL);
	g_object_unref(idle->connection);
	g_free(idle);
}

CblueHttpPool *
cblue_http_pool_new(const gchar *host, guint16 port, guint idle_timeout_s)
{
	CblueHttpPool *self = g_atomic_rc_box_new0(CblueHttpPool);
	self->host = g_strdup(host);
	self->port = port;
	self->idle_timeout_us = (gint64)idle_timeout_s * G_USEC_PER_SEC;
	if (g_hostname_is_ip_address(host))
		self->address = g_inet_socket_address_new_from_string(host, port);
	g_mutex_init(&self->mutex);
	g_queue_init(&self->idle);
	return self;
}

CblueHttpPool *
cblue_http_pool_ref(CblueHttpPool *self)
{
	return g_atomic_rc_box_acquire(self);
}

static void
cblue_http_pool_clear(CblueHttpPool *self)
{
	g_queue_clear_full(&self->idle, (GDestroyNotify)cblue_http_idle_free);
	g_mutex_clear(&self->mutex);
	g_clear_object(&self->address);
	g_free(self->host);
}

void
cblue_http_pool_unref(CblueHttpPool *self)
{
	g_atomic_rc_box_release_full(self, (GDestroyNotify)cblue_http_pool_clear);
}

guint
cblue_http_pool_get_n_idle(CblueHttpPool *self)
{
	guint n;
	g_mutex_lock(&self->mutex);
	n = self->idle.length;
	g_mutex_unlock(&self->mutex);
	return n;
}

/* an idle connection still open (the server may have closed it meanwhile: then it is
 * readable, at end of file), or NULL */
static GSocketConnection *
cblue_http_pool_take(CblueHttpPool *self)
{
	gint64 now = g_get_monotonic_time();
	GSocketConnection *found = NULL;

	g_mutex_lock(&self->mutex);
	while (found == NULL && self->idle.length > 0) {
		CblueHttpIdle *idle = g_queue_pop_tail(&self->idle);
		GSocket *socket = g_socket_connection_get_socket(idle->connection);
		if (now - idle->since < self->idle_timeout_us &&
		    g_socket_condition_check(socket, G_IO_IN | G_IO_HUP | G_IO_ERR) == 0)
			found = g_steal_pointer(&idle->connection);
		if (idle->connection != NULL)
			cblue_http_idle_free(idle);
		else
			g_free(idle);
	}
	g_mutex_unlock(&self->mutex);
	return found;
}

static void
cblue_http_pool_put(CblueHttpPool *self, GSocketConnection *connection)
{
	CblueHttpIdle *idle = g_new0(CblueHttpIdle, 1);
	gint64 now = g_get_monotonic_time();
	g_autoptr(GQueue) expired = g_queue_new();

	idle->connection = g_object_ref(connection);
	idle->since = now;
	g_mutex_lock(&self->mutex);
	/* the oldest first: those past the idle timeout, then beyond the bound */
	while (self->idle.length > 0) {
		CblueHttpIdle *oldest = g_queue_peek_head(&self->idle);
		if (now - oldest->since < self->idle_timeout_us && self->idle.length < CBLUE_HTTP_MAX_IDLE)
			break;
		g_queue_push_tail(expired, g_queue_pop_head(&self->idle));
	}
	g_queue_push_tail(&self->idle, idle);
	g_mutex_unlock(&self->mutex);
	g_queue_free_full(g_steal_pointer(&expired), (GDestroyNotify)cblue_http_idle_free);
}

/* the chunked decoder */

enum {
	CBLUE_HTTP_CHUNK_SIZE,	    /* hex digits of a chunk-size */
	CBLUE_HTTP_CHUNK_EXTENSION, /* ";name=value" after the size, ignored */
	CBLUE_HTTP_CHUNK_DATA,
	CBLUE_HTTP_CHUNK_DATA_END, /* the CRLF after a chunk's data */
	CBLUE_HTTP_CHUNK_TRAILER,  /* header lines after the last chunk, ignored */
	CBLUE_HTTP_CHUNK_DONE,
};

static gboolean
cblue_http_chunk_error(GError **error)
{
	g_set_error_literal(error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The chunked response body is malformed."));
	return FALSE;
}

static gint
cblue_http_hex_value(guint8 c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* the end of a chunk-size line */
static gboolean
cblue_http_chunk_size_done(CblueHttpChunkDecoder *self, GError **error)
{
	if (!self->line_has_content)
		return cblue_http_chunk_error(error);
	self->line_length = 0;
	self->line_has_content = FALSE;
	self->state = self->remaining == 0 ? CBLUE_HTTP_CHUNK_TRAILER : CBLUE_HTTP_CHUNK_DATA;
	return TRUE;
}

/* one byte of a line (size, extension or trailer); a CR before the LF is accepted and a
 * bare LF too, as libsoup does */
static gboolean
cblue_http_chunk_line_byte(CblueHttpChunkDecoder *self, guint8 c, GError **error)
{
	gint digit;

	if (c == '\r')
		return TRUE;
	if (++self->line_length > CBLUE_HTTP_MAX_LINE)
		return cblue_http_chunk_error(error);
	switch (self->state) {
	case CBLUE_HTTP_CHUNK_SIZE:
		if (c == '\n')
			return cblue_http_chunk_size_done(self, error);
		if (c == ';' || c == ' ' || c == '\t') {
			if (!self->line_has_content)
				return cblue_http_chunk_error(error);
			self->state = CBLUE_HTTP_CHUNK_EXTENSION;
			return TRUE;
		}
		digit = cblue_http_hex_value(c);
		if (digit < 0 || self->remaining > (G_MAXUINT64 >> 4))
			return cblue_http_chunk_error(error);
		self->remaining = (self->remaining << 4) | (guint64)digit;
		self->line_has_content = TRUE;
		return TRUE;
	case CBLUE_HTTP_CHUNK_EXTENSION:
		if (c == '\n') {
			self->state = CBLUE_HTTP_CHUNK_SIZE;
			return cblue_http_chunk_size_done(self, error);
		}
		return TRUE;
	case CBLUE_HTTP_CHUNK_DATA_END:
		if (c != '\n')
			return cblue_http_chunk_error(error);
		self->line_length = 0;
		self->state = CBLUE_HTTP_CHUNK_SIZE;
		return TRUE;
	case CBLUE_HTTP_CHUNK_TRAILER:
		if (c != '\n')
			return TRUE;
		/* an empty line ends the trailers, and the body */
		self->state = self->line_length == 1 ? CBLUE_HTTP_CHUNK_DONE : CBLUE_HTTP_CHUNK_TRAILER;
		self->line_length = 0;
		return TRUE;
	default:
		return cblue_http_chunk_error(error);
	}
}

gboolean
cblue_http_chunk_decoder_feed(CblueHttpChunkDecoder *self, const guint8 *in, gsize in_size, gsize *in_used,
			      guint8 *out, gsize out_size, gsize *out_used, gboolean *done, GError **error)
{
	gsize i = 0;
	gsize o = 0;

	while (i < in_size && self->state != CBLUE_HTTP_CHUNK_DONE) {
		if (self->state == CBLUE_HTTP_CHUNK_DATA) {
			gsize n = (gsize)MIN(self->remaining, (guint64)MIN(in_size - i, out_size - o));
			if (n == 0)
				break; /* the output is full */
			memcpy(out + o, in + i, n);
			i += n;
			o += n;
			self->remaining -= n;
			if (self->remaining == 0)
				self->state = CBLUE_HTTP_CHUNK_DATA_END;
			continue;
		}
		if (!cblue_http_chunk_line_byte(self, in[i++], error)) {
			*in_used = i;
			*out_used = o;
			return FALSE;
		}
	}
	*in_used = i;
	*out_used = o;
	*done = self->state == CBLUE_HTTP_CHUNK_DONE;
	return TRUE;
}

/* the body stream */

typedef enum {
	CBLUE_HTTP_FRAMING_CHUNKED,
	CBLUE_HTTP_FRAMING_LENGTH,
	CBLUE_HTTP_FRAMING_CLOSE, /* until the server closes the connection */
} CblueHttpFraming;

#define CBLUE_TYPE_HTTP_BODY_STREAM (cblue_http_body_stream_get_type())
G_DECLARE_FINAL_TYPE(CblueHttpBodyStream, cblue_http_body_stream, CBLUE, HTTP_BODY_STREAM, GInputStream)

struct _CblueHttpBodyStream {
	GInputStream parent_instance;
	CblueHttpPool *pool;		/* owned */
	GSocketConnection *connection;	/* owned, nullable: until the body ends or the stream closes */
	guint8 *buffer;			/* owned: CBLUE_HTTP_BUFFER_SIZE bytes */
	gsize start;			/* received, not decoded: buffer[start, end) */
	gsize end;
	CblueHttpFraming framing;
	CblueHttpChunkDecoder decoder;
	guint64 remaining; /* CBLUE_HTTP_FRAMING_LENGTH */
	gboolean keep_alive;
	gboolean done;
	gboolean need_input;	/* nothing can be decoded before the next receive */
	gboolean maybe_drained; /* the last receive did not fill the buffer */
};

static void cblue_http_body_stream_pollable_init(GPollableInputStreamInterface *iface);

G_DEFINE_TYPE_WITH_CODE(CblueHttpBodyStream, cblue_http_body_stream, G_TYPE_INPUT_STREAM,
			G_IMPLEMENT_INTERFACE(G_TYPE_POLLABLE_INPUT_STREAM, cblue_http_body_stream_pollable_init))

static void
cblue_http_body_stream_drop_connection(CblueHttpBodyStream *self)
{
	if (self->connection == NULL)
		return;
	g_io_stream_close(G_IO_STREAM(self->connection), NULL, NULL);
	g_clear_object(&self->connection);
}

/* the body is complete: the connection goes back to the pool if it may */
static void
cblue_http_body_stream_finish(CblueHttpBodyStream *self)
{
	self->done = TRUE;
	if (self->connection == NULL)
		return;
	/* bytes after the body would be a response nobody asked for */
	if (self->keep_alive && self->start == self->end) {
		cblue_http_pool_put(self->pool, self->connection);
		g_clear_object(&self->connection);
		return;
	}
	cblue_http_body_stream_drop_connection(self);
}

/* decodes what was received into @out; FALSE on a malformed body */
static gboolean
cblue_http_body_stream_decode(CblueHttpBodyStream *self, guint8 *out, gsize count, gsize *produced, GError **error)
{
	gsize available = self->end - self->start;
	gsize used = 0;
	gboolean done = FALSE;

	*produced = 0;
	switch (self->framing) {
	case CBLUE_HTTP_FRAMING_CHUNKED:
		if (!cblue_http_chunk_decoder_feed(&self->decoder, self->buffer + self->start, available, &used, out,
						   count, produced, &done, error))
			return FALSE;
		break;
	case CBLUE_HTTP_FRAMING_LENGTH:
		used = *produced = (gsize)MIN(self->remaining, (guint64)MIN(available, count));
		memcpy(out, self->buffer + self->start, used);
		self->remaining -= used;
		done = self->remaining == 0;
		break;
	case CBLUE_HTTP_FRAMING_CLOSE:
	default:
		used = *produced = MIN(available, count);
		memcpy(out, self->buffer + self->start, used);
		break;
	}
	self->start += used;
	if (self->start == self->end)
		self->start = self->end = 0;
	if (done)
		cblue_http_body_stream_finish(self);
	/* input left over means the output was full */
	self->need_input = !self->done && self->start == self->end;
	return TRUE;
}

/* receives what has arrived; FALSE with an error (G_IO_ERROR_WOULD_BLOCK included) */
static gboolean
cblue_http_body_stream_receive(CblueHttpBodyStream *self, GCancellable *cancellable, GError **error)
{
	GSocket *socket = g_socket_connection_get_socket(self->connection);
	gsize space = CBLUE_HTTP_BUFFER_SIZE - self->end;
	gssize size;

	/* a receive that did not fill the buffer took everything there was: another would
	 * most likely fail with EAGAIN, so the caller is told to wait now, without the
	 * system call (the socket's source is level-triggered: no data is missed) */
	if (self->maybe_drained && cancellable == NULL) {
		self->maybe_drained = FALSE;
		g_set_error_literal(error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK, "would block");
		return FALSE;
	}
	size = g_socket_receive_with_blocking(socket, (gchar *)self->buffer + self->end, space, FALSE, cancellable,
					      error);
	if (size < 0)
		return FALSE;
	if (size == 0) {
		if (self->framing == CBLUE_HTTP_FRAMING_CLOSE) {
			self->keep_alive = FALSE;
			cblue_http_body_stream_finish(self);
			return TRUE;
		}
		cblue_http_body_stream_drop_connection(self);
		g_set_error_literal(error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
				    _("The connection closed in the middle of the response body."));
		return FALSE;
	}
	self->maybe_drained = (gsize)size < space;
	self->end += (gsize)size;
	return TRUE;
}

static gssize
cblue_http_body_stream_read_full(CblueHttpBodyStream *self, guint8 *out, gsize count, GCancellable *cancellable,
				 GError **error)
{
	if (count == 0)
		return 0;
	for (;;) {
		gsize produced = 0;
		if (self->done)
			return 0;
		if (self->connection == NULL) {
			g_set_error_literal(error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The connection is closed."));
			return -1;
		}
		if (!self->need_input || self->start < self->end) {
			if (!cblue_http_body_stream_decode(self, out, count, &produced, error)) {
				cblue_http_body_stream_drop_connection(self);
				return -1;
			}
			if (produced > 0)
				return (gssize)produced;
			continue;
		}
		if (!cblue_http_body_stream_receive(self, cancellable, error))
			return -1;
		self->need_input = FALSE;
	}
}

static gssize
cblue_http_body_stream_read_nonblocking(GPollableInputStream *stream, void *buffer, gsize count, GError **error)
{
	return cblue_http_body_stream_read_full(CBLUE_HTTP_BODY_STREAM(stream), buffer, count, NULL, error);
}

static gssize
cblue_http_body_stream_read(GInputStream *stream, void *buffer, gsize count, GCancellable *cancellable,
			    GError **error)
{
	CblueHttpBodyStream *self = CBLUE_HTTP_BODY_STREAM(stream);
	for (;;) {
		GError *local = NULL;
		gssize size = cblue_http_body_stream_read_full(self, buffer, count, NULL, &local);
		if (size >= 0 || !g_error_matches(local, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK)) {
			if (local != NULL)
				g_propagate_error(error, local);
			return size;
		}
		g_clear_error(&local);
		if (!g_socket_condition_wait(g_socket_connection_get_socket(self->connection), G_IO_IN, cancellable,
					     error))
			return -1;
	}
}

static gboolean
cblue_http_body_stream_close(GInputStream *stream, GCancellable *cancellable, GError **error)
{
	cblue_http_body_stream_drop_connection(CBLUE_HTTP_BODY_STREAM(stream));
	return TRUE;
}

static gboolean
cblue_http_body_stream_can_poll(GPollableInputStream *stream)
{
	return TRUE;
}

static gboolean
cblue_http_body_stream_is_readable(GPollableInputStream *stream)
{
	CblueHttpBodyStream *self = CBLUE_HTTP_BODY_STREAM(stream);
	if (self->done || !self->need_input || self->connection == NULL)
		return TRUE;
	/* the last receive took everything there was (see cblue_http_body_stream_receive()):
	 * a reader that asks before each read stops there, without a system call or the
	 * G_IO_ERROR_WOULD_BLOCK error the read would make */
	if (self->maybe_drained)
		return FALSE;
	return g_socket_condition_check(g_socket_connection_get_socket(self->connection), G_IO_IN) != 0;
}

gboolean
cblue_http_direct_is_body(GInputStream *stream)
{
	return CBLUE_IS_HTTP_BODY_STREAM(stream);
}

/* The stream's source is one GSource watching the socket's descriptor and the
 * cancellable, rather than g_pollable_source_new_full()'s three (itself, a socket source
 * and a cancellable source): a stream waits on it for its whole answer, and GLib
 * prepares and checks every source of a context on each iteration, a thousand streams'
 * worth of them at a time.
 *
 * On a thread with a CblueEpoll (a WebSocket thread of the server), the descriptor is not
 * GLib's to poll: it is watched on the thread's epoll, which makes the source ready, so
 * that GLib polls one descriptor for all the streams and connections of the thread. The
 * watch is on a duplicate of the descriptor, so that it belongs to this source alone
 * (the connection may go back to the pool, or be closed, before the source is freed). Such a
 * source must be freed on that thread, as model-openai does (its op, with the source, is
 * freed in the op's context).
 *
 * A source of cblue_http_direct_watch_readable() on such a thread goes further: it is not
 * attached at all, and the epoll's callback calls the reader itself (direct_func). Making
 * the source ready would cost a second main-loop iteration per token, and an attached
 * source is prepared and checked on every iteration of its thread. A cancel then reaches
 * the reader through a one-shot idle source (wake), attached when it happens. */
typedef struct {
	GSource source;
	GObject *stream;	   /* owned */
	GCancellable *cancellable; /* owned, nullable */
	gulong cancelled_id;
	CblueEpoll *epoll; /* unowned, nullable: the thread's, watching fd */
	CblueEpollWatch watch;
	gint fd; /* owned when epoll is set: a duplicate of the socket's */
	GPollableSourceFunc direct_func; /* nullable: the reader, when the source is not attached */
	gpointer direct_data;
	GSource *wake; /* owned, nullable: brings a cancel to direct_func, set by the handler */
} CblueHttpBodySource;

static gboolean
cblue_http_body_source_dispatch(GSource *source, GSourceFunc callback, gpointer user_data)
{
	CblueHttpBodySource *self = (CblueHttpBodySource *)source;
	/* the socket is readable (or the wait is over): the next read receives */
	CBLUE_HTTP_BODY_STREAM(self->stream)->maybe_drained = FALSE;
	g_source_set_ready_time(source, -1);
	return ((GPollableSourceFunc)(void (*)(void))callback)(self->stream, user_data);
}

static void
cblue_http_body_source_finalize(GSource *source)
{
	CblueHttpBodySource *self = (CblueHttpBodySource *)source;
	if (self->cancellable != NULL) {
		/* waits for a handler running on another thread: wake is set or not for good */
		g_cancellable_disconnect(self->cancellable, self->cancelled_id);
		g_object_unref(self->cancellable);
	}
	if (self->wake != NULL) {
		g_source_destroy(self->wake);
		g_source_unref(self->wake);
	}
	if (self->epoll != NULL) {
		g_warn_if_fail(cblue_epoll_get_thread_default() == self->epoll);
		cblue_epoll_watch_remove(self->epoll, &self->watch);
		close(self->fd);
	}
	g_object_unref(self->stream);
}

static GSourceFuncs cblue_http_body_source_funcs = {
    .dispatch = cblue_http_body_source_dispatch,
    .finalize = cblue_http_body_source_finalize,
};

/* the reader of an unattached source, called as the source's dispatch would call it; the
 * reader may free its owner, which destroys and drops the source: it is kept until the
 * call returns */
static void
cblue_http_body_source_call_direct(CblueHttpBodySource *self)
{
	GSource *source = (GSource *)self;

	if (g_source_is_destroyed(source))
		return;
	CBLUE_HTTP_BODY_STREAM(self->stream)->maybe_drained = FALSE;
	g_source_ref(source);
	if (!self->direct_func(self->stream, self->direct_data))
		g_source_destroy(source);
	g_source_unref(source);
}

static gboolean
cblue_http_body_source_wake_cb(gpointer user_data)
{
	cblue_http_body_source_call_direct(user_data);
	return G_SOURCE_REMOVE;
}

/* may run on another thread: g_source_set_ready_time() and g_source_attach() wake the
 * source's context */
static void
cblue_http_body_source_cancelled_cb(GCancellable *cancellable, gpointer user_data)
{
	CblueHttpBodySource *self = user_data;

	if (self->direct_func == NULL) {
		g_source_set_ready_time(user_data, 0);
		return;
	}
	if (self->wake != NULL)
		return;
	/* the source does not outlive its wake: finalize destroys it */
	self->wake = g_idle_source_new();
	g_source_set_static_name(self->wake, "CblueHttpBodySource wake");
	g_source_set_callback(self->wake, cblue_http_body_source_wake_cb, self, NULL);
	g_source_attach(self->wake, cblue_epoll_get_context(self->epoll));
}

static void
cblue_http_body_source_readable_cb(guint32 events, gpointer user_data)
{
	CblueHttpBodySource *self = user_data;

	if (self->direct_func != NULL)
		cblue_http_body_source_call_direct(self);
	else if (!g_source_is_destroyed(user_data))
		g_source_set_ready_time(user_data, 0);
}

/* the socket watched on the calling thread's epoll, if it has one and it runs @context */
static gboolean
cblue_http_body_source_watch_on_epoll(CblueHttpBodySource *body_source, gint fd, GMainContext *context)
{
	CblueEpoll *epoll = cblue_epoll_get_thread_default();

	if (epoll == NULL || cblue_epoll_get_context(epoll) != context)
		return FALSE;
	body_source->fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	if (body_source->fd < 0)
		return FALSE;
	/* tokens first: read before new conversations' pipelines of the same wake-up */
	body_source->watch.urgent = TRUE;
	if (!cblue_epoll_watch_add(epoll, &body_source->watch, body_source->fd, EPOLLIN,
				   cblue_http_body_source_readable_cb, body_source)) {
		close(body_source->fd);
		return FALSE;
	}
	body_source->epoll = epoll;
	return TRUE;
}

/* ready at once while something can be decoded without a receive; else when the socket
 * is readable (the descriptor is polled by the main loop itself, or by the thread's epoll
 * when @context is its: then, with @direct_func, the source is to stay unattached) */
static GSource *
cblue_http_body_source_new(CblueHttpBodyStream *self, GCancellable *cancellable, GMainContext *context,
			   GPollableSourceFunc direct_func, gpointer direct_data)
{
	GSource *source = g_source_new(&cblue_http_body_source_funcs, sizeof(CblueHttpBodySource));
	CblueHttpBodySource *body_source = (CblueHttpBodySource *)source;

	g_source_set_static_name(source, "CblueHttpBodySource");
	body_source->stream = g_object_ref(G_OBJECT(self));
	if (self->done || !self->need_input || self->connection == NULL) {
		g_source_set_ready_time(source, 0);
	} else {
		gint fd = g_socket_get_fd(g_socket_connection_get_socket(self->connection));
		if (!cblue_http_body_source_watch_on_epoll(body_source, fd, context)) {
			g_source_add_unix_fd(source, fd, G_IO_IN | G_IO_HUP | G_IO_ERR);
		} else if (direct_func != NULL) {
			/* before the handler is connected: it may run at once, or on another thread */
			body_source->direct_func = direct_func;
			body_source->direct_data = direct_data;
		}
	}
	if (cancellable != NULL) {
		body_source->cancellable = g_object_ref(cancellable);
		/* the source is not referenced by the handler: finalize disconnects it first */
		body_source->cancelled_id = g_cancellable_connect(
		    cancellable, G_CALLBACK(cblue_http_body_source_cancelled_cb), source, NULL);
	}
	return source;
}

static GSource *
cblue_http_body_stream_create_source(GPollableInputStream *stream, GCancellable *cancellable)
{
	return cblue_http_body_source_new(CBLUE_HTTP_BODY_STREAM(stream), cancellable,
					  g_main_context_get_thread_default(), NULL, NULL);
}

GSource *
cblue_http_direct_watch_readable(GInputStream *body, GCancellable *cancellable, GMainContext *context,
				 GPollableSourceFunc func, gpointer user_data)
{
	GSource *source;

	if (CBLUE_IS_HTTP_BODY_STREAM(body)) {
		source = cblue_http_body_source_new(CBLUE_HTTP_BODY_STREAM(body), cancellable, context, func,
						    user_data);
		if (((CblueHttpBodySource *)source)->direct_func != NULL)
			return source;
	} else {
		source = g_pollable_input_stream_create_source(G_POLLABLE_INPUT_STREAM(body), cancellable);
	}
	g_source_set_callback(source, G_SOURCE_FUNC(func), user_data, NULL);
	g_source_attach(source, context);
	return source;
}

static void
cblue_http_body_stream_finalize(GObject *object)
{
	CblueHttpBodyStream *self = CBLUE_HTTP_BODY_STREAM(object);
	cblue_http_body_stream_drop_connection(self);
	g_free(self->buffer);
	cblue_http_pool_unref(self->pool);
	G_OBJECT_CLASS(cblue_http_body_stream_parent_class)->finalize(object);
}

static void
cblue_http_body_stream_class_init(CblueHttpBodyStreamClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_http_body_stream_finalize;
	G_INPUT_STREAM_CLASS(klass)->read_fn = cblue_http_body_stream_read;
	G_INPUT_STREAM_CLASS(klass)->close_fn = cblue_http_body_stream_close;
}

static void
cblue_http_body_stream_pollable_init(GPollableInputStreamInterface *iface)
{
	iface->can_poll = cblue_http_body_stream_can_poll;
	iface->is_readable = cblue_http_body_stream_is_readable;
	iface->create_source = cblue_http_body_stream_create_source;
	iface->read_nonblocking = cblue_http_body_stream_read_nonblocking;
}

static void
cblue_http_body_stream_init(CblueHttpBodyStream *self)
{
}

/* @head_rest: the bytes received after the response head (the body's start) */
static GInputStream *
cblue_http_body_stream_new(CblueHttpPool *pool, GSocketConnection *connection, CblueHttpFraming framing,
			   guint64 length, gboolean keep_alive, const guint8 *head_rest, gsize head_rest_size)
{
	CblueHttpBodyStream *self = g_object_new(CBLUE_TYPE_HTTP_BODY_STREAM, NULL);
	self->pool = cblue_http_pool_ref(pool);
	self->connection = g_object_ref(connection);
	self->framing = framing;
	self->remaining = length;
	self->keep_alive = keep_alive;
	self->buffer = g_malloc(CBLUE_HTTP_BUFFER_SIZE);
	memcpy(self->buffer, head_rest, head_rest_size);
	self->end = head_rest_size;
	self->need_input = head_rest_size == 0;
	if (framing == CBLUE_HTTP_FRAMING_LENGTH && length == 0)
		cblue_http_body_stream_finish(self);
	return G_INPUT_STREAM(self);
}

/* sending */

typedef struct {
	CblueHttpPool *pool;		/* owned */
	GBytes *request;		/* owned */
	GSocketConnection *connection;	/* owned, nullable */
	GSource *source;		/* owned, nullable: waiting for the socket */
	GByteArray *head;		/* owned: the response so far */
	CblueHttpWroteFunc wrote;
	gpointer wrote_data;
	gsize written;
	gboolean connecting; /* waiting for a non-blocking connect */
	gboolean reused;
	/* the result */
	GInputStream *body;		/* owned, nullable */
	SoupMessageHeaders *headers;	/* owned, nullable */
	guint status;
} CblueHttpSendOp;

static void
cblue_http_send_op_free(CblueHttpSendOp *op)
{
	if (op->source != NULL) {
		g_source_destroy(op->source);
		g_source_unref(op->source);
	}
	if (op->connection != NULL) {
		g_io_stream_close(G_IO_STREAM(op->connection), NULL, NULL);
		g_object_unref(op->connection);
	}
	g_clear_object(&op->body);
	g_clear_pointer(&op->headers, soup_message_headers_unref);
	g_byte_array_unref(op->head);
	g_bytes_unref(op->request);
	cblue_http_pool_unref(op->pool);
	g_free(op);
}

static void cblue_http_send_connect(GTask *task);
static void cblue_http_send_connected(GTask *task);
static void cblue_http_send_write(GTask *task);
static void cblue_http_send_read_head(GTask *task);

static void
cblue_http_send_fail(GTask *task, GError *error)
{
	g_task_return_error(task, error);
	g_object_unref(task);
}

/* a connection from the pool that the server closed before it could see the request
 * (a keep-alive race): the request goes again on a new one, as libsoup does */
static gboolean
cblue_http_send_retry_fresh(GTask *task)
{
	CblueHttpSendOp *op = g_task_get_task_data(task);
	if (!op->reused || op->head->len > 0 || g_cancellable_is_cancelled(g_task_get_cancellable(task)))
		return FALSE;
	g_io_stream_close(G_IO_STREAM(op->connection), NULL, NULL);
	g_clear_object(&op->connection);
	op->reused = FALSE;
	op->written = 0;
	cblue_http_send_connect(task);
	return TRUE;
}

static void
cblue_http_send_io_error(GTask *task, GError *error)
{
	if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && cblue_http_send_retry_fresh(task)) {
		g_error_free(error);
		return;
	}
	cblue_http_send_fail(task, error);
}

static gboolean
cblue_http_send_socket_ready_cb(GSocket *socket, GIOCondition condition, gpointer user_data)
{
	GTask *task = G_TASK(user_data);
	CblueHttpSendOp *op = g_task_get_task_data(task);
	gboolean writing = op->written < g_bytes_get_size(op->request);

	g_clear_pointer(&op->source, g_source_unref);
	if (op->connecting)
		cblue_http_send_connected(task);
	else if (writing)
		cblue_http_send_write(task);
	else
		cblue_http_send_read_head(task);
	return G_SOURCE_REMOVE;
}

static void
cblue_http_send_wait(GTask *task, GIOCondition condition)
{
	CblueHttpSendOp *op = g_task_get_task_data(task);
	GSocket *socket = g_socket_connection_get_socket(op->connection);
	op->source = g_socket_create_source(socket, condition, g_task_get_cancellable(task));
	g_source_set_callback(op->source, G_SOURCE_FUNC(cblue_http_send_socket_ready_cb), task, NULL);
	g_source_attach(op->source, g_task_get_context(task));
}

static void
cblue_http_send_write(GTask *task)
{
	CblueHttpSendOp *op = g_task_get_task_data(task);
	GSocket *socket = g_socket_connection_get_socket(op->connection);
	gsize size = 0;
	const guint8 *data = g_bytes_get_data(op->request, &size);

	while (op->written < size) {
		GError *error = NULL;
		gssize sent = g_socket_send_with_blocking(socket, (const gchar *)data + op->written, size - op->written,
							  FALSE, g_task_get_cancellable(task), &error);
		if (sent < 0 && g_error_matches(error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK)) {
			g_error_free(error);
			cblue_http_send_wait(task, G_IO_OUT);
			return;
		}
		if (sent < 0) {
			cblue_http_send_io_error(task, error);
			return;
		}
		op->written += (gsize)sent;
	}
	if (op->wrote != NULL)
		op->wrote(op->wrote_data);
	cblue_http_send_read_head(task);
}

static gboolean
cblue_http_head_error(GTask *task, const gchar *message)
{
	cblue_http_send_fail(task, g_error_new_literal(G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message));
	return FALSE;
}

/* a complete head of @head_size bytes (the blank line included) is in op->head: parses
 * it and returns the result, or goes on reading after an interim (1xx) response. FALSE
 * once the task has returned. */
static gboolean
cblue_http_send_take_head(GTask *task, gsize head_size)
{
	CblueHttpSendOp *op = g_task_get_task_data(task);
	g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new(SOUP_MESSAGE_HEADERS_RESPONSE);
	SoupHTTPVersion version = SOUP_HTTP_1_1;
	CblueHttpFraming framing = CBLUE_HTTP_FRAMING_CLOSE;
	guint64 length = 0;
	guint status = 0;
	gboolean keep_alive;

	/* libsoup's parser takes the head without its blank line */
	if (!soup_headers_parse_response((const char *)op->head->data, (int)(head_size - 2), headers, &version,
					 &status, NULL))
		return cblue_http_head_error(task, _("The response head is malformed."));
	if (status >= 100 && status < 200) {
		g_byte_array_remove_range(op->head, 0, (guint)head_size);
		return TRUE;
	}
	keep_alive = version == SOUP_HTTP_1_1
			 ? !soup_message_headers_header_contains(headers, "Connection", "close")
			 : soup_message_headers_header_contains(headers, "Connection", "keep-alive");
	if (status == SOUP_STATUS_NO_CONTENT || status == SOUP_STATUS_NOT_MODIFIED) {
		framing = CBLUE_HTTP_FRAMING_LENGTH;
	} else {
		switch (soup_message_headers_get_encoding(headers)) {
		case SOUP_ENCODING_CHUNKED:
			framing = CBLUE_HTTP_FRAMING_CHUNKED;
			break;
		case SOUP_ENCODING_CONTENT_LENGTH:
			framing = CBLUE_HTTP_FRAMING_LENGTH;
			length = (guint64)soup_message_headers_get_content_length(headers);
			break;
		case SOUP_ENCODING_UNRECOGNIZED:
			return cblue_http_head_error(task, _("The response uses an unknown transfer encoding."));
		default:
			keep_alive = FALSE;
			break;
		}
	}
	op->status = status;
	op->headers = g_steal_pointer(&headers);
	op->body = cblue_http_body_stream_new(op->pool, op->connection, framing, length, keep_alive,
					      op->head->data + head_size, op->head->len - head_size);
	g_clear_object(&op->connection); /* the body's now */
	g_task_return_boolean(task, TRUE);
	g_object_unref(task);
	return FALSE;
}

/* the end of the head in op->head (after the blank line), or 0 */
static gsize
cblue_http_find_head_end(GByteArray *head)
{
	for (gsize i = 3; i < head->len; i++) {
		if (head->data[i] == '\n' && head->data[i - 1] == '\r' && head->data[i - 2] == '\n' &&
		    head->data[i - 3] == '\r')
			return i + 1;
	}
	return 0;
}

static void
cblue_http_send_read_head(GTask *task)
{
	CblueHttpSendOp *op = g_task_get_task_data(task);
	GSocket *socket = g_socket_connection_get_socket(op->connection);
	guint8 buffer[CBLUE_HTTP_BUFFER_SIZE];

	for (;;) {
		GError *error = NULL;
		gsize head_end;
		gssize size = g_socket_receive_with_blocking(socket, (gchar *)buffer, sizeof(buffer), FALSE,
							     g_task_get_cancellable(task), &error);
		if (size < 0 && g_error_matches(error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK)) {
			g_error_free(error);
			cblue_http_send_wait(task, G_IO_IN);
			return;
		}
		if (size < 0) {
			cblue_http_send_io_error(task, error);
			return;
		}
		if (size == 0) {
			cblue_http_send_io_error(task, g_error_new_literal(G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED,
									   _("The server closed the connection "
									     "without an answer.")));
			return;
		}
		g_byte_array_append(op->head, buffer, (guint)size);
		while ((head_end = cblue_http_find_head_end(op->head)) > 0) {
			if (!cblue_http_send_take_head(task, head_end))
				return;
		}
		if (op->head->len > CBLUE_HTTP_MAX_HEAD) {
			cblue_http_head_error(task, _("The response head is too large."));
			return;
		}
	}
}

static void
cblue_http_send_connected_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	GTask *task = G_TASK(user_data);
	CblueHttpSendOp *op = g_task_get_task_data(task);
	GError *error = NULL;

	op->connection = g_socket_client_connect_finish(G_SOCKET_CLIENT(source), res, &error);
	if (op->connection == NULL) {
		cblue_http_send_fail(task, error);
		return;
	}
	/* the request goes in one send: Nagle's algorithm would only delay it */
	g_socket_set_option(g_socket_connection_get_socket(op->connection), IPPROTO_TCP, TCP_NODELAY, 1, NULL);
	cblue_http_send_write(task);
}

/* the non-blocking connect of cblue_http_send_connect_address() is done */
static void
cblue_http_send_connected(GTask *task)
{
	CblueHttpSendOp *op = g_task_get_task_data(task);
	GError *error = NULL;

	op->connecting = FALSE;
	if (g_cancellable_set_error_if_cancelled(g_task_get_cancellable(task), &error) ||
	    !g_socket_check_connect_result(g_socket_connection_get_socket(op->connection), &error)) {
		cblue_http_send_fail(task, error);
		return;
	}
	cblue_http_send_write(task);
}

/* an IP address: a non-blocking connect on the caller's context, without the resolver,
 * tasks and signals of GSocketClient (a new connection is part of every answer's fixed
 * cost while the pool is cold) */
static void
cblue_http_send_connect_address(GTask *task)
{
	CblueHttpSendOp *op = g_task_get_task_data(task);
	GSocketAddress *address = op->pool->address;
	GError *error = NULL;
	g_autoptr(GSocket) socket = g_socket_new(g_socket_address_get_family(address), G_SOCKET_TYPE_STREAM,
						 G_SOCKET_PROTOCOL_TCP, &error);

	if (socket == NULL) {
		cblue_http_send_fail(task, error);
		return;
	}
	g_socket_set_blocking(socket, FALSE);
	g_socket_set_option(socket, IPPROTO_TCP, TCP_NODELAY, 1, NULL);
	op->connection = g_socket_connection_factory_create_connection(socket);
	if (g_socket_connect(socket, address, g_task_get_cancellable(task), &error)) {
		cblue_http_send_write(task);
		return;
	}
	if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_PENDING)) {
		cblue_http_send_fail(task, error);
		return;
	}
	g_error_free(error);
	op->connecting = TRUE;
	cblue_http_send_wait(task, G_IO_OUT);
}

static void
cblue_http_send_connect(GTask *task)
{
	CblueHttpSendOp *op = g_task_get_task_data(task);
	g_autoptr(GSocketClient) client = NULL;
	g_autoptr(GSocketConnectable) address = NULL;

	if (op->pool->address != NULL) {
		cblue_http_send_connect_address(task);
		return;
	}
	client = g_socket_client_new();
	address = g_network_address_new(op->pool->host, op->pool->port);
	/* the caller chose this path because no proxy applies */
	g_socket_client_set_enable_proxy(client, FALSE);
	g_socket_client_connect_async(client, address, g_task_get_cancellable(task), cblue_http_send_connected_cb,
				      task);
}

void
cblue_http_direct_send_async(CblueHttpPool *pool, GBytes *request, CblueHttpWroteFunc wrote, gpointer wrote_data,
			     GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
	GTask *task = g_task_new(NULL, cancellable, callback, user_data);
	CblueHttpSendOp *op = g_new0(CblueHttpSendOp, 1);

	g_task_set_source_tag(task, cblue_http_direct_send_async);
	op->pool = cblue_http_pool_ref(pool);
	op->request = g_bytes_ref(request);
	op->head = g_byte_array_new();
	op->wrote = wrote;
	op->wrote_data = wrote_data;
	g_task_set_task_data(task, op, (GDestroyNotify)cblue_http_send_op_free);
	if (g_task_return_error_if_cancelled(task)) {
		g_object_unref(task);
		return;
	}
	/* the task's own reference is dropped when it returns */
	op->connection = cblue_http_pool_take(pool);
	if (op->connection == NULL) {
		cblue_http_send_connect(task);
		return;
	}
	op->reused = TRUE;
	cblue_http_send_write(task);
}

GInputStream *
cblue_http_direct_send_finish(GAsyncResult *result, guint *out_status, SoupMessageHeaders **out_headers,
			      GError **error)
{
	CblueHttpSendOp *op;
	g_return_val_if_fail(g_task_is_valid(result, NULL), NULL);
	if (!g_task_propagate_boolean(G_TASK(result), error))
		return NULL;
	op = g_task_get_task_data(G_TASK(result));
	if (out_status != NULL)
		*out_status = op->status;
	if (out_headers != NULL)
		*out_headers = g_steal_pointer(&op->headers);
	return g_steal_pointer(&op->body);
}
