/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-error.h"
#include "cblue-server-parse-private.h"

/*
 * fuzz_ws_message: the parser of the WebSocket chat's client frames
 * (cblue_server_parse_ws_frame()) over arbitrary bytes. Never a crash; either a frame type
 * ("message" with a message, or "ping") or a CBLUE_ERROR_INVALID_DATA error with a message,
 * never both and never neither; a message's optional fields obey the contract (a
 * conversation id of 1 to 64 bytes). Built with libFuzzer under clang; tests/fuzz/fuzz-main.c
 * replays a corpus, and random inputs, as a normal test.
 */

int LLVMFuzzerTestOneInput(const guint8 *data, gsize size);

int
LLVMFuzzerTestOneInput(const guint8 *data, gsize size)
{
	static gsize once = 0;
	g_autoptr(GBytes) bytes = g_bytes_new(data, size);
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueMessage) message = NULL;
	g_autofree gchar *type = NULL;
	const gchar *id;

	/* a critical is a bug of the parser (json-glib reports misuse that way) */
	if (g_once_init_enter(&once)) {
		g_log_set_always_fatal(G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
		g_once_init_leave(&once, 1);
	}
	if (!cblue_server_parse_ws_frame(bytes, &type, &message, &error)) {
		g_assert_nonnull(error);
		g_assert_true(error->domain == CBLUE_ERROR);
		g_assert_cmpint(error->code, ==, CBLUE_ERROR_INVALID_DATA);
		g_assert_nonnull(error->message);
		g_assert_null(type);
		g_assert_null(message);
		return 0;
	}
	g_assert_no_error(error);
	g_assert_nonnull(type);
	if (g_strcmp0(type, "ping") == 0) {
		g_assert_null(message);
		return 0;
	}
	g_assert_cmpstr(type, ==, "message");
	g_assert_nonnull(message);
	g_assert_nonnull(cblue_message_get_text(message));
	g_assert_cmpstr(cblue_message_get_channel(message), ==, "web");
	id = cblue_message_get_conversation_id(message);
	if (id != NULL)
		g_assert_true(strlen(id) >= 1 && strlen(id) <= 64);
	return 0;
}
