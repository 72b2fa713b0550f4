/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/*
 * A minimal HTTP/1.1 client for plain `http://` endpoints reached without a proxy (a
 * local Ollama, vLLM or llama.cpp server), used by CblueOpenaiClient instead of libsoup
 * for them: the response body (chunked, Content-Length or until close) is decoded
 * straight from the socket into the reader's buffer, one receive for everything that has
 * arrived, instead of through libsoup's layers of streams that hand out one HTTP chunk
 * per read. libsoup stays for https:// and proxies.
 *
 * - CblueHttpPool: the idle keep-alive connections to one host and port, shared by every
 *   thread (a connection is used by one request at a time, on the sending thread).
 * - cblue_http_direct_send_async(): writes one complete request (built by the caller)
 *   on an idle connection or a new one, and returns once the response head has arrived:
 *   its status, its headers and the body as a GPollableInputStream. A connection reused
 *   from the pool that turns out closed before any byte of the answer is replaced by a
 *   new one, once. The body stream gives its connection back to the pool when the body
 *   has been read to its end and the server allows keep-alive; closed or dropped before,
 *   it closes the connection.
 */

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _CblueHttpPool CblueHttpPool;

CblueHttpPool *cblue_http_pool_new(const gchar *host, guint16 port, guint idle_timeout_s);
CblueHttpPool *cblue_http_pool_ref(CblueHttpPool *self);
void cblue_http_pool_unref(CblueHttpPool *self);
/* how many idle connections wait in the pool (for tests) */
guint cblue_http_pool_get_n_idle(CblueHttpPool *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueHttpPool, cblue_http_pool_unref)

/* called once the whole request is written, on the sending thread */
typedef void (*CblueHttpWroteFunc)(gpointer user_data);

/* @request is a whole HTTP/1.1 request (head and body); the callbacks run on the
 * thread-default main context of the caller */
void cblue_http_direct_send_async(CblueHttpPool *pool, GBytes *request, CblueHttpWroteFunc wrote,
				  gpointer wrote_data, GCancellable *cancellable, GAsyncReadyCallback callback,
				  gpointer user_data);
/* Returns: (transfer full): the body, or NULL with a G_IO_ERROR. @out_status: the status;
 * @out_headers: (transfer full) (optional): the response headers */
GInputStream *cblue_http_direct_send_finish(GAsyncResult *result, guint *out_status,
					    SoupMessageHeaders **out_headers, GError **error);

/* whether @stream is a body of cblue_http_direct_send_finish(), whose
 * g_pollable_input_stream_is_readable() costs no system call after a read that took
 * everything that had arrived */
gboolean cblue_http_direct_is_body(GInputStream *stream);

/* Calls @func(@body, @user_data) when @body is readable (or @cancellable fires), on
 * @context, until @func returns G_SOURCE_REMOVE. Returns: (transfer full): the watch, a
 * source: the caller ends it with g_source_destroy() and g_source_unref(), on @context.
 *
 * For any stream (libsoup's) the source is g_pollable_input_stream_create_source()'s,
 * attached to @context. For a body of cblue_http_direct_send_finish() on a thread whose
 * CblueEpoll (a WebSocket thread of the server) runs @context, the source is NOT attached:
 * @func is called straight from the epoll's callback when the socket becomes readable
 * (one main-loop iteration per token instead of two, and no source for GLib to prepare
 * and check on every iteration), and a cancel comes through an idle source. */
GSource *cblue_http_direct_watch_readable(GInputStream *body, GCancellable *cancellable, GMainContext *context,
					  GPollableSourceFunc func, gpointer user_data);

/* the decoder of a chunked body, on its own for tests: feeds @in (advancing *@in_used
 * over what it consumed) and writes decoded body bytes to @out (*@out_used of
 * @out_size). Returns FALSE with G_IO_ERROR_INVALID_DATA on a malformed body; *@done is
 * set once the last chunk and the trailers have been consumed. */
typedef struct {
	guint state;
	guint64 remaining; /* bytes of the current chunk's data still to come */
	guint line_length; /* of the size or trailer line read so far */
	gboolean line_has_content;
} CblueHttpChunkDecoder;

gboolean cblue_http_chunk_decoder_feed(CblueHttpChunkDecoder *self, const guint8 *in, gsize in_size,
				       gsize *in_used, guint8 *out, gsize out_size, gsize *out_used, gboolean *done,
				       GError **error);

G_END_DECLS
