/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-epoll-private.h"
#include "cblue-http-direct.h"

/* cblue-http-direct.c against a real HTTP server on 127.0.0.1 (a thread of this test that
 * answers each request with the next scripted response) */

/* a chunked body with extensions, a Thai character cut between two chunks and trailers */
#define CHUNKED_BODY                                                                                                   \
	"5;name=value\r\nhello\r\n"                                                                                    \
	"1\r\n \r\n"                                                                                                   \
	"4;a=\"x;y\"\r\n\xe0\xb8\xaa\xe0\r\n"                                                                          \
	"8\r\n\xb8\xa7\xe0\xb8\xb1 \r\n\r\n"                                                                           \
	"A\r\n0123456789\r\n"                                                                                          \
	"0\r\nX-Trailer: one\r\nX-Other: two\r\n\r\n"
#define CHUNKED_TEXT "hello สวั \r\n0123456789"

typedef struct {
	const gchar *data;
	gboolean close_after; /* the server closes the connection once it is written */
	gsize piece;	      /* written in pieces of this many bytes, 0: at once */
} TestResponse;

typedef struct {
	GSocket *listener;	   /* owned */
	GCancellable *cancellable; /* owned: stops the thread */
	GThread *thread;	   /* owned */
	const TestResponse *responses;
	guint n_responses;
	guint next;    /* atomic */
	gint accepted; /* atomic */
	guint16 port;
} TestServer;

/* reads one request (head and Content-Length body); FALSE at end of file */
static gboolean
test_server_read_request(TestServer *server, GSocket *socket)
{
	g_autoptr(GString) request = g_string_new(NULL);
	gchar buffer[4096];
	const gchar *head_end = NULL;
	const gchar *length_header;
	gsize length = 0;

	while ((head_end = strstr(request->str, "\r\n\r\n")) == NULL ||
	       request->len < (gsize)(head_end - request->str) + 4 + length) {
		gssize size = g_socket_receive(socket, buffer, sizeof(buffer), server->cancellable, NULL);
		if (size <= 0)
			return FALSE;
		g_string_append_len(request, buffer, size);
		head_end = strstr(request->str, "\r\n\r\n");
		length_header = strstr(request->str, "Content-Length: ");
		if (head_end != NULL && length_header != NULL && length_header < head_end)
			length = (gsize)g_ascii_strtoull(length_header + 16, NULL, 10);
	}
	g_assert_true(g_str_has_prefix(request->str, "POST /v1/test HTTP/1.1\r\nHost: 127.0.0.1:"));
	return TRUE;
}

static gboolean
test_server_send_all(TestServer *server, GSocket *socket, const gchar *data, gsize length)
{
	while (length > 0) {
		gssize sent = g_socket_send(socket, data, length, server->cancellable, NULL);
		if (sent <= 0)
			return FALSE;
		data += sent;
		length -= (gsize)sent;
	}
	return TRUE;
}

static gboolean
test_server_write(TestServer *server, GSocket *socket, const TestResponse *response)
{
	gsize length = strlen(response->data);
	gsize piece = response->piece > 0 ? response->piece : length;

	for (gsize i = 0; i < length; i += piece) {
		if (!test_server_send_all(server, socket, response->data + i, MIN(piece, length - i)))
			return FALSE;
		if (response->piece > 0)
			g_usleep(2000); /* so that the client sees the pieces in separate receives */
	}
	return TRUE;
}

static gpointer
test_server_thread(gpointer user_data)
{
	TestServer *server = user_data;

	for (;;) {
		g_autoptr(GSocket) socket = g_socket_accept(server->listener, server->cancellable, NULL);
		if (socket == NULL)
			return NULL;
		g_atomic_int_inc(&server->accepted);
		while (test_server_read_request(server, socket)) {
			guint i = (guint)g_atomic_int_add((gint *)&server->next, 1);
			const TestResponse *response;
			if (i >= server->n_responses)
				break;
			response = &server->responses[i];
			if (!test_server_write(server, socket, response) || response->close_after)
				break;
		}
		g_socket_close(socket, NULL);
	}
}

static TestServer *
test_server_new(const TestResponse *responses, guint n_responses)
{
	TestServer *server = g_new0(TestServer, 1);
	g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback(G_SOCKET_FAMILY_IPV4);
	g_autoptr(GSocketAddress) address = g_inet_socket_address_new(loopback, 0);
	g_autoptr(GSocketAddress) bound = NULL;

	server->listener =
	    g_socket_new(G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
	g_assert_nonnull(server->listener);
	g_assert_true(g_socket_bind(server->listener, address, TRUE, NULL));
	g_assert_true(g_socket_listen(server->listener, NULL));
	bound = g_socket_get_local_address(server->listener, NULL);
	server->port = g_inet_socket_address_get_port(G_INET_SOCKET_ADDRESS(bound));
	server->cancellable = g_cancellable_new();
	server->responses = responses;
	server->n_responses = n_responses;
	server->thread = g_thread_new("test-http-server", test_server_thread, server);
	return server;
}

static void
test_server_free(TestServer *server)
{
	g_cancellable_cancel(server->cancellable);
	g_thread_join(server->thread);
	g_socket_close(server->listener, NULL);
	g_object_unref(server->listener);
	g_object_unref(server->cancellable);
	g_free(server);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(TestServer, test_server_free)

static void
test_result_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	*(GAsyncResult **)user_data = g_object_ref(res);
}

static GInputStream *
test_send(CblueHttpPool *pool, guint *status, SoupMessageHeaders **headers, GError **error)
{
	static const gchar request[] = "POST /v1/test HTTP/1.1\r\nHost: 127.0.0.1:1\r\nContent-Length: 2\r\n\r\n{}";
	g_autoptr(GBytes) bytes = g_bytes_new_static(request, strlen(request));
	g_autoptr(GAsyncResult) result = NULL;

	cblue_http_direct_send_async(pool, bytes, NULL, NULL, NULL, test_result_cb, &result);
	while (result == NULL)
		g_main_context_iteration(g_main_context_get_thread_default(), TRUE);
	return cblue_http_direct_send_finish(result, status, headers, error);
}

static gboolean
test_ready_cb(GObject *stream, gpointer user_data)
{
	*(gboolean *)user_data = TRUE;
	return G_SOURCE_REMOVE;
}

/* the body read as model-openai reads it: without blocking, waiting on the stream's
 * source, in reads of @read_size bytes */
static gchar *
test_read_pollable(GInputStream *stream, gsize read_size, GError **error)
{
	g_autoptr(GString) body = g_string_new(NULL);
	guint8 buffer[64];

	g_assert_cmpuint(read_size, <=, sizeof(buffer));
	for (;;) {
		GError *local = NULL;
		gssize size = g_pollable_input_stream_read_nonblocking(G_POLLABLE_INPUT_STREAM(stream), buffer,
								       read_size, NULL, &local);
		if (size > 0) {
			g_string_append_len(body, (const gchar *)buffer, size);
		} else if (size == 0) {
			return g_string_free(g_steal_pointer(&body), FALSE);
		} else if (g_error_matches(local, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK)) {
			g_autoptr(GSource) source =
			    g_pollable_input_stream_create_source(G_POLLABLE_INPUT_STREAM(stream), NULL);
			gboolean ready = FALSE;
			g_clear_error(&local);
			g_source_set_callback(source, G_SOURCE_FUNC(test_ready_cb), &ready, NULL);
			g_source_attach(source, g_main_context_get_thread_default());
			while (!ready)
				g_main_context_iteration(g_main_context_get_thread_default(), TRUE);
			g_source_destroy(source);
		} else {
			g_propagate_error(error, local);
			return NULL;
		}
	}
}

/* the decoder alone: every split of the input and sizes of the output give the body,
 * and nothing after the body's end is consumed */
static void
test_chunk_decoder_split_anywhere(void)
{
	const gchar *input = CHUNKED_BODY "HTTP/1.1 200 OK";
	gsize length = strlen(input);
	const gsize out_sizes[] = {1, 3, 7, 4096};

	for (guint o = 0; o < G_N_ELEMENTS(out_sizes); o++) {
		for (gsize step = 1; step <= length; step++) {
			CblueHttpChunkDecoder decoder = {0};
			g_autoptr(GString) text = g_string_new(NULL);
			gsize consumed = 0;
			gboolean done = FALSE;
			while (!done && consumed < length) {
				guint8 out[4096];
				gsize in_size = MIN(step, length - consumed);
				gsize in_used = 0;
				gsize out_used = 0;
				g_autoptr(GError) error = NULL;
				g_assert_true(cblue_http_chunk_decoder_feed(&decoder, (const guint8 *)input + consumed,
									    in_size, &in_used, out, out_sizes[o],
									    &out_used, &done, &error));
				g_assert_no_error(error);
				g_assert_true(in_used > 0 || out_used > 0 || done);
				consumed += in_used;
				g_string_append_len(text, (const gchar *)out, out_used);
			}
			g_assert_true(done);
			g_assert_cmpstr(text->str, ==, CHUNKED_TEXT);
			g_assert_cmpstr(input + consumed, ==, "HTTP/1.1 200 OK");
		}
	}
}

static void
test_chunk_decoder_malformed(void)
{
	g_autofree gchar *extension = g_strnfill(9000, 'e');
	g_autofree gchar *long_extension = g_strdup_printf("1;%s\r\nx\r\n0\r\n\r\n", extension);
	const gchar *bad[] = {
	    "x\r\n",			  /* not hex */
	    "\r\n",			  /* no size */
	    ";ext\r\n",			  /* an extension without a size */
	    "4\r\nWikiXX",		  /* no CRLF after the data */
	    "11111111111111111\r\n",	  /* more than 64 bits */
	    "4 x\r\nWiki\r\n0\r\n\r\n\xff", /* fine up to the end: checked below */
	    long_extension,
	};

	for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
		CblueHttpChunkDecoder decoder = {0};
		guint8 out[64];
		gsize in_used = 0;
		gsize out_used = 0;
		gboolean done = FALSE;
		g_autoptr(GError) error = NULL;
		gboolean ok = cblue_http_chunk_decoder_feed(&decoder, (const guint8 *)bad[i], strlen(bad[i]), &in_used,
							    out, sizeof(out), &out_used, &done, &error);
		if (i == 5) {
			/* a space before an extension is allowed; the byte after the end stays */
			g_assert_no_error(error);
			g_assert_true(ok && done);
			g_assert_cmpuint(in_used, ==, strlen(bad[i]) - 1);
			continue;
		}
		g_assert_false(ok);
		g_assert_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
	}
}

/* SSE over chunks arriving in pieces, twice on one keep-alive connection, read without
 * blocking and blocking; an interim 100 response is skipped */
static void
test_keep_alive_reuse(void)
{
	static const TestResponse responses[] = {
	    {"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n" CHUNKED_BODY,
	     FALSE, 7},
	    {"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" CHUNKED_BODY, FALSE,
	     0},
	    {"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", FALSE, 0},
	};
	g_autoptr(TestServer) server = test_server_new(responses, G_N_ELEMENTS(responses));
	g_autoptr(CblueHttpPool) pool = cblue_http_pool_new("127.0.0.1", server->port, 60);

	for (guint i = 0; i < G_N_ELEMENTS(responses); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(SoupMessageHeaders) headers = NULL;
		g_autofree gchar *body = NULL;
		guint status = 0;
		g_autoptr(GInputStream) stream = test_send(pool, &status, &headers, &error);

		g_assert_no_error(error);
		g_assert_cmpuint(status, ==, 200);
		g_assert_cmpuint(cblue_http_pool_get_n_idle(pool), ==, 0);
		if (i == 1) {
			/* the blocking read */
			gchar buffer[4096];
			gsize size = 0;
			g_assert_true(
			    g_input_stream_read_all(stream, buffer, sizeof(buffer) - 1, &size, NULL, &error));
			g_assert_no_error(error);
			buffer[size] = '\0';
			body = g_strdup(buffer);
		} else {
			body = test_read_pollable(stream, i == 0 ? 5 : 64, &error);
			g_assert_no_error(error);
		}
		g_assert_cmpstr(body, ==, i == 2 ? "hello" : CHUNKED_TEXT);
		/* back in the pool once read to its end */
		g_assert_cmpuint(cblue_http_pool_get_n_idle(pool), ==, 1);
	}
	g_assert_cmpint(g_atomic_int_get(&server->accepted), ==, 1);
}

/* a connection closed in the middle of a chunk is an error, never a short body, and the
 * connection is not reused */
static void
test_closed_mid_chunk(void)
{
	static const TestResponse responses[] = {
	    {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\na\r\n01234", TRUE, 0},
	    {"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n01234", TRUE, 0},
	};
	g_autoptr(TestServer) server = test_server_new(responses, G_N_ELEMENTS(responses));
	g_autoptr(CblueHttpPool) pool = cblue_http_pool_new("127.0.0.1", server->port, 60);

	for (guint i = 0; i < G_N_ELEMENTS(responses); i++) {
		g_autoptr(GError) error = NULL;
		g_autofree gchar *body = NULL;
		g_autoptr(GInputStream) stream = test_send(pool, NULL, NULL, &error);
		g_assert_no_error(error);
		body = test_read_pollable(stream, 64, &error);
		g_assert_null(body);
		g_assert_error(error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT);
		g_assert_cmpuint(cblue_http_pool_get_n_idle(pool), ==, 0);
	}
}

/* a body delimited by the connection's close; then the server closes an idle keep-alive
 * connection unannounced: the next request goes on a new connection; an error status
 * comes with its headers */
static void
test_close_delimited_and_stale(void)
{
	static const TestResponse responses[] = {
	    {"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end", TRUE, 0},
	    {"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", TRUE, 0},
	    {"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\nContent-Length: 4\r\n\r\nbusy", FALSE, 0},
	};
	g_autoptr(TestServer) server = test_server_new(responses, G_N_ELEMENTS(responses));
	g_autoptr(CblueHttpPool) pool = cblue_http_pool_new("127.0.0.1", server->port, 60);
	const gchar *expected[] = {"until the end", "ok", "busy"};

	for (guint i = 0; i < G_N_ELEMENTS(responses); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(SoupMessageHeaders) headers = NULL;
		g_autofree gchar *body = NULL;
		guint status = 0;
		g_autoptr(GInputStream) stream = test_send(pool, &status, &headers, &error);
		g_assert_no_error(error);
		body = test_read_pollable(stream, 64, &error);
		g_assert_no_error(error);
		g_assert_cmpstr(body, ==, expected[i]);
		if (i == 0)
			g_assert_cmpuint(cblue_http_pool_get_n_idle(pool), ==, 0);
		if (i == 2) {
			g_assert_cmpuint(status, ==, 429);
			g_assert_cmpstr(soup_message_headers_get_one(headers, "Retry-After"), ==, "3");
		}
	}
	g_assert_cmpint(g_atomic_int_get(&server->accepted), ==, 3);
}

/* a malformed head fails the request (and a host name is resolved: the other tests
 * connect to an IP address) */
static void
test_bad_head(void)
{
	static const TestResponse responses[] = {
	    {"SMTP ready\r\n\r\n", TRUE, 0},
	};
	g_autoptr(TestServer) server = test_server_new(responses, G_N_ELEMENTS(responses));
	g_autoptr(CblueHttpPool) pool = cblue_http_pool_new("localhost", server->port, 60);
	g_autoptr(GError) error = NULL;
	g_autoptr(GInputStream) stream = test_send(pool, NULL, NULL, &error);

	g_assert_null(stream);
	g_assert_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

/* nothing listens: the connect fails, with an error */
static void
test_connection_refused(void)
{
	guint16 port;
	g_autoptr(CblueHttpPool) pool = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(GInputStream) stream = NULL;
	{
		/* a port that was free a moment ago */
		g_autoptr(TestServer) server = test_server_new(NULL, 0);
		port = server->port;
	}
	pool = cblue_http_pool_new("127.0.0.1", port, 60);
	stream = test_send(pool, NULL, NULL, &error);
	g_assert_null(stream);
	g_assert_error(error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
}

/* the same reads on a thread whose sockets are watched by its CblueEpoll (a WebSocket
 * thread of the server): the stream's source is made ready by the epoll */
static void
test_on_epoll(void)
{
	g_autoptr(GMainContext) context = g_main_context_new();
	CblueEpoll *epoll = cblue_epoll_new(context);

	g_main_context_push_thread_default(context);
	cblue_epoll_set_thread_default(epoll);
	test_keep_alive_reuse();
	test_closed_mid_chunk();
	cblue_epoll_set_thread_default(NULL);
	g_main_context_pop_thread_default(context);
	cblue_epoll_free(epoll);
}

typedef struct {
	GString *body;
	GError *error;
	GSource *source; /* unowned */
	guint from_epoll;  /* calls made from the epoll's dispatch */
	guint from_source; /* calls made by GLib dispatching the watch's source itself */
	guint from_wake;   /* calls made by the idle source that brings a cancel */
	gboolean on_epoll;
	gboolean over;
} TestReader;

/* reads everything that has arrived, as model-openai's reader does */
static gboolean
test_reader_cb(GObject *stream, gpointer user_data)
{
	TestReader *reader = user_data;
	GCancellable *cancellable = g_object_get_data(stream, "test-cancellable");

	GSource *current = g_main_current_source();

	if (current == NULL)
		; /* the first call, the caller's own */
	else if (current == reader->source)
		reader->from_source++;
	else if (g_strcmp0(g_source_get_name(current), "cblue-epoll") == 0)
		reader->from_epoll++;
	else if (g_strcmp0(g_source_get_name(current), "CblueHttpBodySource wake") == 0)
		reader->from_wake++;
	else
		g_assert_not_reached();
	for (;;) {
		guint8 buffer[64];
		GError *local = NULL;
		gssize size = g_pollable_input_stream_read_nonblocking(G_POLLABLE_INPUT_STREAM(stream), buffer,
								       sizeof(buffer), cancellable, &local);
		if (size > 0) {
			g_string_append_len(reader->body, (const gchar *)buffer, size);
			continue;
		}
		if (size < 0 && g_error_matches(local, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK)) {
			g_error_free(local);
			return G_SOURCE_CONTINUE;
		}
		reader->error = local;
		reader->over = TRUE;
		return G_SOURCE_REMOVE;
	}
}

static gboolean
test_cancel_cb(gpointer user_data)
{
	g_cancellable_cancel(user_data);
	return G_SOURCE_REMOVE;
}

/* one body read through cblue_http_direct_create_read_source(); @cancel_after_ms > 0
 * cancels the read then */
static void
test_read_source(const TestResponse *response, guint cancel_after_ms, TestReader *reader)
{
	g_autoptr(TestServer) server = test_server_new(response, 1);
	g_autoptr(CblueHttpPool) pool = cblue_http_pool_new("127.0.0.1", server->port, 60);
	g_autoptr(GCancellable) cancellable = g_cancellable_new();
	g_autoptr(GError) error = NULL;
	g_autoptr(GSource) source = NULL;
	guint status = 0;
	g_autoptr(GInputStream) stream = test_send(pool, &status, NULL, &error);

	g_assert_no_error(error);
	g_assert_cmpuint(status, ==, 200);
	g_object_set_data(G_OBJECT(stream), "test-cancellable", cancellable);
	reader->body = g_string_new(NULL);
	/* the reader's first call is model-openai's own, when the head has arrived */
	test_reader_cb(G_OBJECT(stream), reader);
	if (cancel_after_ms > 0) {
		g_autoptr(GSource) timer = g_timeout_source_new(cancel_after_ms);
		g_source_set_callback(timer, test_cancel_cb, cancellable, NULL);
		g_source_attach(timer, g_main_context_get_thread_default());
	}
	source = cblue_http_direct_watch_readable(stream, cancellable, g_main_context_get_thread_default(),
						  test_reader_cb, reader);
	reader->source = source;
	/* on the epoll, nothing for GLib to prepare and check */
	g_assert_true(g_source_get_context(source) ==
		      (reader->on_epoll ? NULL : g_main_context_get_thread_default()));
	while (!reader->over)
		g_main_context_iteration(g_main_context_get_thread_default(), TRUE);
	/* G_SOURCE_REMOVE destroyed it, whoever called the reader */
	g_assert_true(g_source_is_destroyed(source));
}

static void
test_reader_clear(TestReader *reader)
{
	g_string_free(reader->body, TRUE);
	g_clear_error(&reader->error);
}

/* on a thread with a CblueEpoll, the reader runs from the epoll's callback (one main-loop
 * iteration per wake-up) and its source is not even attached; a cancel reaches it through
 * an idle source. Elsewhere, the reader runs from its source, for a cancel too */
static void
test_read_source_on_epoll(void)
{
	/* byte by byte, 2 ms apart: most of the body comes after the reader's first call,
	 * even on a busy machine */
	static const TestResponse streamed = {
	    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" CHUNKED_BODY, FALSE, 1};
	/* the body stops half-way and the connection stays open */
	static const TestResponse stalled = {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n",
					     FALSE, 0};

	for (guint with_epoll = 0; with_epoll < 2; with_epoll++) {
		g_autoptr(GMainContext) context = g_main_context_new();
		CblueEpoll *epoll = with_epoll ? cblue_epoll_new(context) : NULL;
		TestReader reader = {.on_epoll = with_epoll};

		g_main_context_push_thread_default(context);
		cblue_epoll_set_thread_default(epoll);

		test_read_source(&streamed, 0, &reader);
		g_assert_no_error(reader.error);
		g_assert_cmpstr(reader.body->str, ==, CHUNKED_TEXT);
		g_assert_cmpuint(with_epoll ? reader.from_epoll : reader.from_source, >, 0);
		g_assert_cmpuint(with_epoll ? reader.from_source : reader.from_epoll, ==, 0);
		g_assert_cmpuint(reader.from_wake, ==, 0);
		test_reader_clear(&reader);

		memset(&reader, 0, sizeof(reader));
		reader.on_epoll = with_epoll;
		test_read_source(&stalled, 50, &reader);
		g_assert_error(reader.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
		g_assert_cmpstr(reader.body->str, ==, "hello");
		g_assert_cmpuint(with_epoll ? reader.from_wake : reader.from_source, ==, 1);
		g_assert_cmpuint(with_epoll ? reader.from_source : reader.from_wake, ==, 0);
		g_assert_cmpuint(reader.from_epoll, ==, 0);
		test_reader_clear(&reader);

		cblue_epoll_set_thread_default(NULL);
		g_main_context_pop_thread_default(context);
		cblue_epoll_free(epoll);
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
	g_test_add_func("/openai-common/http-direct/chunk-decoder/split-anywhere", test_chunk_decoder_split_anywhere);
	g_test_add_func("/openai-common/http-direct/chunk-decoder/malformed", test_chunk_decoder_malformed);
	g_test_add_func("/openai-common/http-direct/keep-alive-reuse", test_keep_alive_reuse);
	g_test_add_func("/openai-common/http-direct/closed-mid-chunk", test_closed_mid_chunk);
	g_test_add_func("/openai-common/http-direct/close-delimited-and-stale", test_close_delimited_and_stale);
	g_test_add_func("/openai-common/http-direct/bad-head", test_bad_head);
	g_test_add_func("/openai-common/http-direct/connection-refused", test_connection_refused);
	g_test_add_func("/openai-common/http-direct/on-epoll", test_on_epoll);
	g_test_add_func("/openai-common/http-direct/read-source-on-epoll", test_read_source_on_epoll);
	return g_test_run();
}
