/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cblue-ws-connection-private.h"

/*
 * fuzz_ws_frames: the native WebSocket connection (core/cblue-ws-connection.c, compiled in)
 * reading arbitrary bytes from its client, on a socketpair. Never a crash; every message
 * delivered is at most the limit, and a text one is valid UTF-8; whatever the input, once
 * the client's side is shut down the connection ends, and its callbacks stop. Built with
 * libFuzzer under clang; tests/fuzz/fuzz-main.c replays a corpus, and random inputs, as a
 * normal test.
 */

#define MAX_PAYLOAD 4096

int LLVMFuzzerTestOneInput(const guint8 *data, gsize size);

typedef struct {
	gboolean closed;
	guint messages;
} State;

static void
message_cb(CblueWsConnection *conn, gint type, GBytes *bytes, gpointer user_data)
{
	State *state = user_data;
	gsize len;
	const gchar *text = g_bytes_get_data(bytes, &len);

	g_assert_false(state->closed);
	g_assert_cmpuint(len, <=, MAX_PAYLOAD);
	g_assert_true(type == CBLUE_WS_DATA_TEXT || type == CBLUE_WS_DATA_BINARY);
	if (type == CBLUE_WS_DATA_TEXT) {
		/* valid UTF-8, NUL included */
		for (gsize i = 0; i < len;) {
			const gchar *nul = memchr(text + i, 0, len - i);
			gsize run = nul != NULL ? (gsize)(nul - text) - i : len - i;
			g_assert_true(g_utf8_validate_len(text + i, run, NULL));
			i += run + 1;
		}
	}
	state->messages++;
	/* the server answers some: output interleaved with input */
	if (state->messages % 2 == 0)
		cblue_ws_connection_send_text(conn, "{\"type\":\"pong\"}", 15);
	if (state->messages == 5)
		cblue_ws_connection_close(conn, 1001, "enough");
}

static void
pong_cb(CblueWsConnection *conn, gpointer user_data)
{
	State *state = user_data;
	g_assert_false(state->closed);
}

static void
closed_cb(CblueWsConnection *conn, gpointer user_data)
{
	State *state = user_data;
	g_assert_false(state->closed);
	state->closed = TRUE;
}

static void
run_pending(GMainContext *context)
{
	for (guint i = 0; i < 4; i++)
		while (g_main_context_iteration(context, FALSE))
			;
}

int
LLVMFuzzerTestOneInput(const guint8 *data, gsize size)
{
	static GMainContext *context;
	static CblueEpoll *epoll;
	static const CblueWsCallbacks callbacks = {message_cb, pong_cb, closed_cb};
	State state = {0};
	g_autoptr(GSocket) socket = NULL;
	CblueWsConnection *conn;
	gint fds[2];
	guint8 sink[4096];

	if (context == NULL) {
		context = g_main_context_new();
		epoll = cblue_epoll_new(context);
	}
	g_assert_cmpint(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), ==, 0);
	g_assert_cmpint(fcntl(fds[1], F_SETFL, O_NONBLOCK), ==, 0);
	socket = g_socket_new_from_fd(fds[0], NULL);
	g_assert_nonnull(socket);
	g_main_context_push_thread_default(context);
	conn = cblue_ws_connection_new(epoll, socket, NULL, MAX_PAYLOAD, 0, &callbacks, &state);
	/* in two pieces: a frame cut anywhere */
	for (gsize done = 0, piece = size / 2; done < size; piece = size - done) {
		gssize n = write(fds[1], data + done, piece);
		if (n <= 0)
			break; /* the connection closed, or its buffer is full */
		done += n;
		run_pending(context);
		while (read(fds[1], sink, sizeof(sink)) > 0)
			;
	}
	shutdown(fds[1], SHUT_WR);
	for (guint i = 0; i < 16 && !state.closed; i++) {
		run_pending(context);
		while (read(fds[1], sink, sizeof(sink)) > 0)
			;
	}
	g_assert_true(state.closed);
	g_assert_cmpint(cblue_ws_connection_get_state(conn), ==, CBLUE_WS_STATE_CLOSED);
	cblue_ws_connection_unref(conn);
	run_pending(context);
	g_main_context_pop_thread_default(context);
	close(fds[1]);
	return 0;
}
