/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/epoll.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cblue-ws-connection-private.h"

/*
 * The native WebSocket connection (core/cblue-ws-connection.c, compiled in) on one end of
 * a socketpair, on its own CblueEpoll; the test writes raw client frames to the other end
 * and reads the server's frames from it.
 */

typedef struct {
	GMainContext *context;
	CblueEpoll *epoll;
	CblueWsConnection *conn;
	gint peer; /* the client's end, non-blocking */
	gint server_fd;
	GPtrArray *messages; /* of GBytes */
	GArray *types;	     /* of gint */
	guint pongs;
	gboolean closed;
} Fixture;

static void
message_cb(CblueWsConnection *conn, gint type, GBytes *bytes, gpointer user_data)
{
	Fixture *fx = user_data;
	g_ptr_array_add(fx->messages, g_bytes_ref(bytes));
	g_array_append_val(fx->types, type);
}

static void
pong_cb(CblueWsConnection *conn, gpointer user_data)
{
	Fixture *fx = user_data;
	fx->pongs++;
}

static void
closed_cb(CblueWsConnection *conn, gpointer user_data)
{
	Fixture *fx = user_data;
	g_assert_false(fx->closed);
	fx->closed = TRUE;
}

static const CblueWsCallbacks callbacks = {message_cb, pong_cb, closed_cb};

static void
fixture_start_fds(Fixture *fx, gint fds[2], guint64 max_payload, guint ping_interval)
{
	g_autoptr(GSocket) socket = NULL;
	g_autoptr(GError) error = NULL;

	socket = g_socket_new_from_fd(fds[0], &error);
	g_assert_no_error(error);
	fx->peer = fds[1];
	fx->server_fd = fds[0];
	g_assert_cmpint(fcntl(fx->peer, F_SETFL, O_NONBLOCK), ==, 0);
	fx->context = g_main_context_new();
	g_main_context_push_thread_default(fx->context);
	fx->epoll = cblue_epoll_new(fx->context);
	fx->messages = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
	fx->types = g_array_new(FALSE, FALSE, sizeof(gint));
	fx->conn = cblue_ws_connection_new(fx->epoll, socket, NULL, max_payload, ping_interval, &callbacks, fx);
}

static void
fixture_start(Fixture *fx, guint64 max_payload, guint ping_interval)
{
	gint fds[2];

	g_assert_cmpint(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), ==, 0);
	fixture_start_fds(fx, fds, max_payload, ping_interval);
}

/* over TCP on 127.0.0.1, whose sends stop anywhere in a frame; the peer receives into
 * @peer_rcvbuf bytes */
static void
fixture_start_tcp(Fixture *fx, gint peer_rcvbuf)
{
	struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t addr_len = sizeof(addr);
	gint listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	gint fds[2];

	g_assert_cmpint(listener, >=, 0);
	g_assert_cmpint(bind(listener, (struct sockaddr *)&addr, sizeof(addr)), ==, 0);
	g_assert_cmpint(listen(listener, 1), ==, 0);
	g_assert_cmpint(getsockname(listener, (struct sockaddr *)&addr, &addr_len), ==, 0);
	fds[1] = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	/* before connect(): the window is set at the handshake */
	setsockopt(fds[1], SOL_SOCKET, SO_RCVBUF, &peer_rcvbuf, sizeof(peer_rcvbuf));
	g_assert_cmpint(connect(fds[1], (struct sockaddr *)&addr, sizeof(addr)), ==, 0);
	fds[0] = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
	g_assert_cmpint(fds[0], >=, 0);
	close(listener);
	fixture_start_fds(fx, fds, 16, 0);
}

/* runs what is ready, a few times: data written on one end is on the other at once */
static void
fixture_run(Fixture *fx)
{
	for (guint i = 0; i < 4; i++)
		while (g_main_context_iteration(fx->context, FALSE))
			;
}

static void
fixture_stop(Fixture *fx)
{
	cblue_ws_connection_unref(fx->conn);
	fixture_run(fx);
	cblue_epoll_free(fx->epoll);
	g_main_context_pop_thread_default(fx->context);
	g_main_context_unref(fx->context);
	g_ptr_array_unref(fx->messages);
	g_array_unref(fx->types);
	close(fx->peer);
	memset(fx, 0, sizeof(*fx));
}

/* a client frame */
static void
append_frame(GByteArray *out, gboolean fin, guint8 rsv, guint8 opcode, const void *payload, gsize len,
	     gboolean masked)
{
	static const guint8 mask[4] = {0x37, 0xfa, 0x21, 0x3d};
	guint8 header[14];
	gsize n = 2;

	header[0] = (fin ? 0x80 : 0) | (rsv << 4) | opcode;
	if (len < 126) {
		header[1] = len;
	} else if (len <= 0xffff) {
		header[1] = 126;
		header[2] = len >> 8;
		header[3] = len & 0xff;
		n = 4;
	} else {
		header[1] = 127;
		for (guint i = 0; i < 8; i++)
			header[2 + i] = (guint8)((guint64)len >> (56 - 8 * i));
		n = 10;
	}
	if (masked) {
		header[1] |= 0x80;
		memcpy(header + n, mask, 4);
		n += 4;
	}
	g_byte_array_append(out, header, n);
	for (gsize i = 0; i < len; i++) {
		guint8 b = ((const guint8 *)payload)[i] ^ (masked ? mask[i & 3] : 0);
		g_byte_array_append(out, &b, 1);
	}
}

static void
peer_write(Fixture *fx, const guint8 *data, gsize len)
{
	while (len > 0) {
		gssize n = write(fx->peer, data, len);
		if (n < 0 && errno == EAGAIN) {
			fixture_run(fx);
			continue;
		}
		g_assert_cmpint(n, >, 0);
		data += n;
		len -= n;
		fixture_run(fx);
	}
}

/* reads up to @len bytes, running the server while there are none (5 s at most); 0 at the end */
static gssize
peer_read(Fixture *fx, guint8 *buf, gsize len)
{
	gint64 deadline = g_get_monotonic_time() + 5 * G_USEC_PER_SEC;

	for (;;) {
		struct pollfd pfd = {fx->peer, POLLIN, 0};
		gssize n;
		fixture_run(fx);
		n = read(fx->peer, buf, len);
		if (n >= 0)
			return n;
		g_assert_cmpint(errno, ==, EAGAIN);
		g_assert_cmpint(g_get_monotonic_time(), <, deadline);
		poll(&pfd, 1, 10);
	}
}

/* reads one server frame (unmasked) from the peer's end; FALSE at the end of the stream */
static gboolean
peer_read_frame(Fixture *fx, guint8 *opcode, GByteArray *payload)
{
	guint8 buf[14];
	gsize have = 0;
	CblueWsFrameHeader header;

	while (!cblue_ws_frame_header_parse(buf, have, &header)) {
		gssize n = peer_read(fx, buf + have, 1);
		if (n == 0)
			return FALSE;
		have++;
	}
	g_assert_false(header.masked);
	g_assert_true(header.fin);
	*opcode = header.opcode;
	g_byte_array_set_size(payload, header.payload_len);
	for (gsize got = 0; got < header.payload_len;) {
		gssize n = peer_read(fx, payload->data + got, header.payload_len - got);
		g_assert_cmpint(n, >, 0);
		got += n;
	}
	return TRUE;
}

static void
assert_end_of_stream(Fixture *fx)
{
	guint8 end;
	g_assert_cmpint(peer_read(fx, &end, 1), ==, 0);
}

/* the peer reads a close frame with @code, then the end of the stream */
static void
assert_closed_with(Fixture *fx, gushort code)
{
	g_autoptr(GByteArray) payload = g_byte_array_new();
	guint8 opcode;

	g_assert_true(peer_read_frame(fx, &opcode, payload));
	g_assert_cmpuint(opcode, ==, 0x8);
	g_assert_cmpuint(payload->len, >=, 2);
	g_assert_cmpuint((payload->data[0] << 8) | payload->data[1], ==, code);
	/* a failed connection shuts its side down at once; the peer then closes */
	shutdown(fx->peer, SHUT_WR);
	assert_end_of_stream(fx);
	g_assert_true(fx->closed);
}

static void
assert_message(Fixture *fx, guint i, gint type, const void *data, gsize len)
{
	GBytes *bytes;

	g_assert_cmpuint(fx->messages->len, >, i);
	bytes = g_ptr_array_index(fx->messages, i);
	g_assert_cmpint(g_array_index(fx->types, gint, i), ==, type);
	g_assert_cmpmem(g_bytes_get_data(bytes, NULL), g_bytes_get_size(bytes), data, len);
}

/* a text frame, a 16-bit length one, a binary one and a ping, in every two pieces */
static void
test_split_at_every_byte(void)
{
	g_autoptr(GByteArray) stream = g_byte_array_new();
	g_autofree gchar *medium = g_strnfill(300, 'm');
	const gchar *thai = "สวัสดีครับ";
	const guint8 binary[] = {0, 1, 2, 255};

	append_frame(stream, TRUE, 0, 0x1, thai, strlen(thai), TRUE);
	append_frame(stream, TRUE, 0, 0x1, medium, 300, TRUE);
	append_frame(stream, TRUE, 0, 0x2, binary, sizeof(binary), TRUE);
	append_frame(stream, TRUE, 0, 0x9, "hi", 2, TRUE);
	for (gsize split = 0; split <= stream->len; split++) {
		Fixture fx = {0};
		g_autoptr(GByteArray) pong = g_byte_array_new();
		guint8 opcode;

		fixture_start(&fx, 1024, 0);
		peer_write(&fx, stream->data, split);
		peer_write(&fx, stream->data + split, stream->len - split);
		g_assert_cmpuint(fx.messages->len, ==, 3);
		assert_message(&fx, 0, CBLUE_WS_DATA_TEXT, thai, strlen(thai));
		assert_message(&fx, 1, CBLUE_WS_DATA_TEXT, medium, 300);
		assert_message(&fx, 2, CBLUE_WS_DATA_BINARY, binary, sizeof(binary));
		g_assert_true(peer_read_frame(&fx, &opcode, pong));
		g_assert_cmpuint(opcode, ==, 0xa);
		g_assert_cmpmem(pong->data, pong->len, "hi", 2);
		g_assert_false(fx.closed);
		fixture_stop(&fx);
	}
}

/* a 64-bit length (more than the socket takes at once), also a byte at a time at its start */
static void
test_long_frame(void)
{
	gsize len = 70000;
	g_autofree gchar *big = g_malloc(len);
	g_autoptr(GByteArray) stream = g_byte_array_new();
	Fixture fx = {0};

	for (gsize i = 0; i < len; i++)
		big[i] = 'a' + i % 26;
	append_frame(stream, TRUE, 0, 0x1, big, len, TRUE);
	fixture_start(&fx, len, 0);
	for (guint i = 0; i < 20; i++)
		peer_write(&fx, stream->data + i, 1);
	peer_write(&fx, stream->data + 20, stream->len - 20);
	assert_message(&fx, 0, CBLUE_WS_DATA_TEXT, big, len);
	fixture_stop(&fx);

	/* one byte more than allowed: 1009 before the payload is read */
	fixture_start(&fx, len - 1, 0);
	peer_write(&fx, stream->data, 14);
	g_assert_cmpuint(fx.messages->len, ==, 0);
	assert_closed_with(&fx, CBLUE_WS_CLOSE_TOO_BIG);
	fixture_stop(&fx);
}

/* a Thai character cut between two fragments, a ping between them */
static void
test_fragments(void)
{
	const gchar *text = "ราคาเท่าไหร่";
	gsize cut = 4; /* inside the second character (three bytes each) */
	g_autoptr(GByteArray) stream = g_byte_array_new();
	g_autoptr(GByteArray) pong = g_byte_array_new();
	Fixture fx = {0};
	guint8 opcode;

	append_frame(stream, FALSE, 0, 0x1, text, cut, TRUE);
	append_frame(stream, TRUE, 0, 0x9, "p", 1, TRUE);
	append_frame(stream, FALSE, 0, 0x0, text + cut, 5, TRUE);
	append_frame(stream, TRUE, 0, 0xa, "", 0, TRUE);
	append_frame(stream, TRUE, 0, 0x0, text + cut + 5, strlen(text) - cut - 5, TRUE);
	for (gsize split = 0; split <= stream->len; split++) {
		fixture_start(&fx, 1024, 0);
		peer_write(&fx, stream->data, split);
		peer_write(&fx, stream->data + split, stream->len - split);
		g_assert_cmpuint(fx.messages->len, ==, 1);
		assert_message(&fx, 0, CBLUE_WS_DATA_TEXT, text, strlen(text));
		g_assert_cmpuint(fx.pongs, ==, 1);
		g_assert_true(peer_read_frame(&fx, &opcode, pong));
		g_assert_cmpuint(opcode, ==, 0xa);
		g_assert_cmpmem(pong->data, pong->len, "p", 1);
		fixture_stop(&fx);
	}

	/* the fragments together are over the limit */
	g_byte_array_set_size(stream, 0);
	append_frame(stream, FALSE, 0, 0x1, text, 20, TRUE);
	append_frame(stream, TRUE, 0, 0x0, text + 20, 16, TRUE);
	fixture_start(&fx, 30, 0);
	peer_write(&fx, stream->data, stream->len);
	g_assert_cmpuint(fx.messages->len, ==, 0);
	assert_closed_with(&fx, CBLUE_WS_CLOSE_TOO_BIG);
	fixture_stop(&fx);
}

typedef struct {
	const gchar *name;
	gboolean fin;
	guint8 rsv;
	guint8 opcode;
	const gchar *payload;
	gsize len;
	gboolean masked;
	gushort code;
} BadFrame;

static void
test_bad_frames(void)
{
	g_autofree gchar *long_ping = g_strnfill(126, 'p');
	const BadFrame cases[] = {
	    {"unmasked", TRUE, 0, 0x1, "{}", 2, FALSE, CBLUE_WS_CLOSE_PROTOCOL_ERROR},
	    {"rsv1", TRUE, 4, 0x1, "{}", 2, TRUE, CBLUE_WS_CLOSE_PROTOCOL_ERROR},
	    {"rsv3", TRUE, 1, 0x1, "{}", 2, TRUE, CBLUE_WS_CLOSE_PROTOCOL_ERROR},
	    {"opcode 3", TRUE, 0, 0x3, "{}", 2, TRUE, CBLUE_WS_CLOSE_PROTOCOL_ERROR},
	    {"opcode 0xb", TRUE, 0, 0xb, "", 0, TRUE, CBLUE_WS_CLOSE_PROTOCOL_ERROR},
	    {"lone continuation", TRUE, 0, 0x0, "{}", 2, TRUE, CBLUE_WS_CLOSE_PROTOCOL_ERROR},
	    {"fragmented ping", FALSE, 0, 0x9, "", 0, TRUE, CBLUE_WS_CLOSE_PROTOCOL_ERROR},
	    {"long ping", TRUE, 0, 0x9, long_ping, 126, TRUE, CBLUE_WS_CLOSE_PROTOCOL_ERROR},
	    {"invalid UTF-8", TRUE, 0, 0x1, "a\xe0\xb8", 3, TRUE, CBLUE_WS_CLOSE_BAD_DATA},
	    {"overlong UTF-8", TRUE, 0, 0x1, "\xc0\xaf", 2, TRUE, CBLUE_WS_CLOSE_BAD_DATA},
	    {"one-byte close", TRUE, 0, 0x8, "\x03", 1, TRUE, CBLUE_WS_CLOSE_PROTOCOL_ERROR},
	    {"close code 1005", TRUE, 0, 0x8, "\x03\xed", 2, TRUE, CBLUE_WS_CLOSE_PROTOCOL_ERROR},
	    {"too big", TRUE, 0, 0x1, "0123456789abcdefg", 17, TRUE, CBLUE_WS_CLOSE_TOO_BIG},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(GByteArray) stream = g_byte_array_new();
		Fixture fx = {0};

		g_test_message("case %s", cases[i].name);
		append_frame(stream, cases[i].fin, cases[i].rsv, cases[i].opcode, cases[i].payload, cases[i].len,
			     cases[i].masked);
		/* a good frame after a bad one is never delivered */
		append_frame(stream, TRUE, 0, 0x1, "{}", 2, TRUE);
		fixture_start(&fx, 16, 0);
		peer_write(&fx, stream->data, stream->len);
		g_assert_cmpuint(fx.messages->len, ==, 0);
		assert_closed_with(&fx, cases[i].code);
		fixture_stop(&fx);
	}
}

/* text with a NUL is valid UTF-8 */
static void
test_nul_in_text(void)
{
	g_autoptr(GByteArray) stream = g_byte_array_new();
	Fixture fx = {0};

	append_frame(stream, TRUE, 0, 0x1, "a\0b", 3, TRUE);
	fixture_start(&fx, 16, 0);
	peer_write(&fx, stream->data, stream->len);
	assert_message(&fx, 0, CBLUE_WS_DATA_TEXT, "a\0b", 3);
	fixture_stop(&fx);
}

/* the peer closes: its code is echoed, the socket closed; and the server closing */
static void
test_close_handshake(void)
{
	g_autoptr(GByteArray) stream = g_byte_array_new();
	g_autoptr(GByteArray) payload = g_byte_array_new();
	Fixture fx = {0};
	guint8 opcode;

	append_frame(stream, TRUE, 0, 0x8, "\x0f\xa0" "bye", 5, TRUE); /* 4000 */
	fixture_start(&fx, 16, 0);
	peer_write(&fx, stream->data, stream->len);
	g_assert_true(fx.closed);
	g_assert_cmpuint(cblue_ws_connection_get_close_code(fx.conn), ==, 4000);
	g_assert_true(peer_read_frame(&fx, &opcode, payload));
	g_assert_cmpuint(opcode, ==, 0x8);
	g_assert_cmpmem(payload->data, payload->len, "\x0f\xa0", 2);
	assert_end_of_stream(&fx);
	fixture_stop(&fx);

	/* the server closes: nothing is sent after its close frame, the peer's answer ends it */
	fixture_start(&fx, 16, 0);
	fixture_run(&fx);
	cblue_ws_connection_close(fx.conn, 1001, "server shutting down");
	cblue_ws_connection_send_text(fx.conn, "late", 4);
	g_assert_cmpint(cblue_ws_connection_get_state(fx.conn), ==, CBLUE_WS_STATE_CLOSING);
	g_assert_true(peer_read_frame(&fx, &opcode, payload));
	g_assert_cmpuint(opcode, ==, 0x8);
	g_assert_cmpmem(payload->data, payload->len, "\x03\xe9server shutting down", 22);
	g_byte_array_set_size(stream, 0);
	/* data before the peer's close frame is not delivered any more */
	append_frame(stream, TRUE, 0, 0x1, "{}", 2, TRUE);
	append_frame(stream, TRUE, 0, 0x8, "\x03\xe9", 2, TRUE);
	peer_write(&fx, stream->data, stream->len);
	g_assert_true(fx.closed);
	g_assert_cmpuint(fx.messages->len, ==, 0);
	g_assert_cmpint(cblue_ws_connection_get_state(fx.conn), ==, CBLUE_WS_STATE_CLOSED);
	assert_end_of_stream(&fx);
	fixture_stop(&fx);

	/* the peer goes away without a close frame: 1006 */
	fixture_start(&fx, 16, 0);
	shutdown(fx.peer, SHUT_WR);
	fixture_run(&fx);
	g_assert_true(fx.closed);
	g_assert_cmpuint(cblue_ws_connection_get_close_code(fx.conn), ==, CBLUE_WS_CLOSE_ABNORMAL);
	fixture_stop(&fx);
}

/* frames the socket cannot take at once wait in order; none is lost */
static void
test_output_queue(void)
{
	Fixture fx = {0};
	g_autoptr(GByteArray) payload = g_byte_array_new();
	gint small = 4096;
	guint n = 5000;

	fixture_start(&fx, 16, 0);
	setsockopt(fx.peer, SOL_SOCKET, SO_RCVBUF, &small, sizeof(small));
	setsockopt(fx.server_fd, SOL_SOCKET, SO_SNDBUF, &small, sizeof(small));
	for (guint i = 0; i < n; i++) {
		g_autofree gchar *text = g_strdup_printf("{\"type\":\"token\",\"text\":\"%u\"}", i);
		cblue_ws_connection_send_text(fx.conn, text, strlen(text));
	}
	for (guint i = 0; i < n; i++) {
		g_autofree gchar *text = g_strdup_printf("{\"type\":\"token\",\"text\":\"%u\"}", i);
		guint8 opcode;
		g_assert_true(peer_read_frame(&fx, &opcode, payload));
		g_assert_cmpuint(opcode, ==, 0x1);
		g_assert_cmpmem(payload->data, payload->len, text, strlen(text));
	}
	fixture_stop(&fx);
}

/* a peer that does not read: once a frame would queue more than max_queued bytes, what
 * waits is dropped and the connection is closed with 1008; the peer still reads whole
 * frames, in order, then the close frame and the end */
static void
test_slow_peer(void)
{
	Fixture fx = {0};
	g_autoptr(GByteArray) received = g_byte_array_new();
	g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func(g_free);
	g_autofree gchar *filler = g_strnfill(3000, 'x');
	gint small = 4096;
	gsize max_queued = 16384, pos = 0;
	guint8 buf[1001];
	CblueWsFrameHeader header;
	guint i, got = 0;

	fixture_start_tcp(&fx, small);
	setsockopt(fx.server_fd, SOL_SOCKET, SO_SNDBUF, &small, sizeof(small));
	fixture_run(&fx);
	cblue_ws_connection_set_max_queued(fx.conn, max_queued);
	/* short frames and long ones; once some wait, the peer reads a few odd-sized pieces, so
	 * that the socket takes part of a queued frame */
	for (i = 0; i < 100000 && cblue_ws_connection_get_state(fx.conn) == CBLUE_WS_STATE_OPEN; i++) {
		gchar *text = g_strdup_printf("{\"type\":\"token\",\"text\":\"%u%s\"}", i, i % 7 == 3 ? filler : "");
		g_ptr_array_add(sent, text);
		cblue_ws_connection_send_text(fx.conn, text, strlen(text));
		g_assert_cmpuint(cblue_ws_connection_get_queued(fx.conn), <=, max_queued + 3200);
		if (received->len == 0 && cblue_ws_connection_get_queued(fx.conn) > max_queued * 3 / 4) {
			while (received->len < 3000) {
				gssize n = peer_read(&fx, buf, sizeof(buf));
				g_assert_cmpint(n, >, 0);
				g_byte_array_append(received, buf, n);
			}
			fixture_run(&fx);
		}
	}
	g_assert_cmpint(cblue_ws_connection_get_state(fx.conn), ==, CBLUE_WS_STATE_CLOSING);
	g_assert_true(cblue_ws_connection_get_too_slow(fx.conn));
	g_assert_false(fx.closed);
	/* nothing is queued once closing: the rest of a frame partly sent, and the close frame */
	cblue_ws_connection_send_text(fx.conn, filler, strlen(filler));
	g_assert_cmpuint(cblue_ws_connection_get_queued(fx.conn), <=, 3200 + 2 + 17);

	/* the server shuts its side down after its close frame */
	for (;;) {
		gssize n = peer_read(&fx, buf, sizeof(buf));
		if (n == 0)
			break;
		g_byte_array_append(received, buf, n);
	}
	/* whole frames, the first ones sent, in order; then 1008 */
	for (;; got++) {
		g_assert_true(cblue_ws_frame_header_parse(received->data + pos, received->len - pos, &header));
		g_assert_cmpuint(received->len - pos, >=, header.header_len + header.payload_len);
		pos += header.header_len;
		if (header.opcode == 0x8)
			break;
		g_assert_cmpuint(header.opcode, ==, 0x1);
		g_assert_cmpuint(got, <, sent->len - 1);
		g_assert_cmpmem(received->data + pos, header.payload_len, sent->pdata[got], strlen(sent->pdata[got]));
		pos += header.payload_len;
	}
	g_assert_cmpmem(received->data + pos, header.payload_len, "\x03\xf0" "client too slow", 17);
	g_assert_cmpuint(pos + header.payload_len, ==, received->len);
	shutdown(fx.peer, SHUT_WR);
	fixture_run(&fx);
	g_assert_true(fx.closed);
	fixture_stop(&fx);
}

/* the server pings every ping_interval; a pong from the client is reported */
static void
test_pings(void)
{
	Fixture fx = {0};
	g_autoptr(GByteArray) payload = g_byte_array_new();
	g_autoptr(GByteArray) stream = g_byte_array_new();
	guint8 opcode;
	gint64 start = g_get_monotonic_time();

	fixture_start(&fx, 16, 1);
	while (g_get_monotonic_time() - start < 5 * G_USEC_PER_SEC) {
		struct pollfd pfd = {fx.peer, POLLIN, 0};
		g_main_context_iteration(fx.context, TRUE);
		if (poll(&pfd, 1, 0) == 1)
			break;
	}
	g_assert_true(peer_read_frame(&fx, &opcode, payload));
	g_assert_cmpuint(opcode, ==, 0x9);
	g_assert_cmpint(g_get_monotonic_time() - start, >=, G_USEC_PER_SEC - 10000);
	append_frame(stream, TRUE, 0, 0xa, payload->data, payload->len, TRUE);
	peer_write(&fx, stream->data, stream->len);
	g_assert_cmpuint(fx.pongs, ==, 1);
	fixture_stop(&fx);
}

static void
test_header_write(void)
{
	guint8 out[10];
	CblueWsFrameHeader header;
	const guint64 lengths[] = {0, 125, 126, 65535, 65536, G_GUINT64_CONSTANT(1) << 40};

	for (guint i = 0; i < G_N_ELEMENTS(lengths); i++) {
		gsize n = cblue_ws_frame_header_write(out, 0x1, lengths[i]);
		g_assert_cmpint(cblue_ws_frame_header_parse(out, n - 1, &header), ==, 0);
		g_assert_cmpint(cblue_ws_frame_header_parse(out, n, &header), ==, 1);
		g_assert_cmpuint(header.header_len, ==, n);
		g_assert_cmpuint(header.payload_len, ==, lengths[i]);
		g_assert_true(header.fin);
		g_assert_cmpuint(header.opcode, ==, 0x1);
	}
}

/* the epoll dispatcher's fairness --------------------------------------------------- */

#define FAIR_PIPES 10
#define FAIR_URGENT FAIR_PIPES /* the index of the urgent pipe */

typedef struct {
	CblueEpoll *epoll;
	CblueEpollWatch watches[FAIR_PIPES + 1];
	gint fds[FAIR_PIPES + 1][2];
	GArray *order;	     /* of gint: the pipes in the order their callbacks ran */
	gint remove_on_urgent; /* a ready pipe that the urgent callback removes */
} FairFixture;

typedef struct {
	FairFixture *fx;
	gint index;
} FairWatch;

static void
fair_watch_cb(guint32 events, gpointer user_data)
{
	FairWatch *w = user_data;
	gchar byte;

	g_assert_cmpint(read(w->fx->fds[w->index][0], &byte, 1), ==, 1);
	g_array_append_val(w->fx->order, w->index);
	if (w->index == FAIR_URGENT && w->fx->remove_on_urgent >= 0)
		cblue_epoll_watch_remove(w->fx->epoll, &w->fx->watches[w->fx->remove_on_urgent]);
}

static void
fair_timer_cb(gpointer user_data)
{
	GArray *fired = user_data;
	gint n = (gint)fired->len;
	g_array_append_val(fired, n);
}

/* a burst of ready descriptors: the urgent watch's event (a provider stream's tokens)
 * goes before the others of the same wake-up, at most four others and four due timers
 * run per dispatch (each may be a whole pipeline), the rest in the next ones, each once;
 * a watch removed by a callback is not called even though it was in the batch */
static void
test_epoll_fairness(void)
{
	GMainContext *context = g_main_context_new();
	FairFixture fx = {.epoll = cblue_epoll_new(context), .remove_on_urgent = 3};
	FairWatch w[FAIR_PIPES + 1];
	CblueEpollTimer timers[10] = {{{0}}};
	g_autoptr(GArray) fired = g_array_new(FALSE, FALSE, sizeof(gint));
	guint iterations = 0;

	fx.order = g_array_new(FALSE, FALSE, sizeof(gint));
	for (gint i = 0; i <= FAIR_PIPES; i++) {
		memset(&fx.watches[i], 0, sizeof(fx.watches[i]));
		g_assert_cmpint(pipe2(fx.fds[i], O_NONBLOCK | O_CLOEXEC), ==, 0);
		w[i] = (FairWatch){&fx, i};
		fx.watches[i].urgent = i == FAIR_URGENT;
		g_assert_true(cblue_epoll_watch_add(fx.epoll, &fx.watches[i], fx.fds[i][0], EPOLLIN, fair_watch_cb,
						    &w[i]));
	}
	/* the urgent one becomes ready last */
	for (gint i = 0; i <= FAIR_PIPES; i++)
		g_assert_cmpint(write(fx.fds[i][1], "x", 1), ==, 1);
	for (guint i = 0; i < G_N_ELEMENTS(timers); i++)
		cblue_epoll_timer_start(fx.epoll, &timers[i], 0, fair_timer_cb, fired);

	g_main_context_iteration(context, TRUE);
	g_assert_cmpuint(fx.order->len, ==, 1 + 4);
	g_assert_cmpint(g_array_index(fx.order, gint, 0), ==, FAIR_URGENT);
	g_assert_cmpuint(fired->len, ==, 4);
	while ((fx.order->len < FAIR_PIPES || fired->len < G_N_ELEMENTS(timers)) && iterations++ < 100)
		g_main_context_iteration(context, TRUE);
	/* every ready pipe once, but the removed one */
	g_assert_cmpuint(fx.order->len, ==, FAIR_PIPES);
	for (gint i = 0; i <= FAIR_PIPES; i++) {
		guint seen = 0;
		for (guint j = 0; j < fx.order->len; j++)
			seen += g_array_index(fx.order, gint, j) == i;
		g_assert_cmpuint(seen, ==, i == fx.remove_on_urgent ? 0 : 1);
	}
	/* the timers all fired, in the order they were started */
	g_assert_cmpuint(fired->len, ==, G_N_ELEMENTS(timers));
	for (guint i = 0; i < fired->len; i++)
		g_assert_cmpint(g_array_index(fired, gint, i), ==, (gint)i);

	for (gint i = 0; i <= FAIR_PIPES; i++) {
		cblue_epoll_watch_remove(fx.epoll, &fx.watches[i]);
		close(fx.fds[i][0]);
		close(fx.fds[i][1]);
	}
	g_array_unref(fx.order);
	cblue_epoll_free(fx.epoll);
	g_main_context_unref(context);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/cblue/ws-connection/header-write", test_header_write);
	g_test_add_func("/cblue/ws-connection/split-at-every-byte", test_split_at_every_byte);
	g_test_add_func("/cblue/ws-connection/long-frame", test_long_frame);
	g_test_add_func("/cblue/ws-connection/fragments", test_fragments);
	g_test_add_func("/cblue/ws-connection/bad-frames", test_bad_frames);
	g_test_add_func("/cblue/ws-connection/nul-in-text", test_nul_in_text);
	g_test_add_func("/cblue/ws-connection/close-handshake", test_close_handshake);
	g_test_add_func("/cblue/ws-connection/output-queue", test_output_queue);
	g_test_add_func("/cblue/ws-connection/slow-peer", test_slow_peer);
	g_test_add_func("/cblue/ws-connection/pings", test_pings);
	g_test_add_func("/cblue/epoll/fairness", test_epoll_fairness);
	return g_test_run();
}
