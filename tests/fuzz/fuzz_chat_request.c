/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-error.h"
#include "cblue-server-parse-private.h"

/*
 * fuzz_chat_request: the parser of `POST /api/v1/chat` bodies (cblue_server_parse_chat())
 * over arbitrary bytes. Never a crash; either a message or a CBLUE_ERROR_INVALID_DATA
 * error (the HTTP 400 of the contract), never both and never neither; a conversation id
 * of 1 to 64 bytes. The parser is two: a strict one for the hot path, and json-glib for
 * everything it declines. Whatever the strict one accepts, json-glib must accept with the
 * same message, and the two together must give json-glib's answer (the same message, or
 * the same error); the input is also tried inside a chat body (as a message's text, a
 * conversation id, a member's value), so that most inputs reach the strict parser. Built
 * with libFuzzer under clang; tests/fuzz/fuzz-main.c replays a corpus, and random inputs,
 * as a normal test.
 */

int LLVMFuzzerTestOneInput(const guint8 *data, gsize size);

static void
assert_same_message(CblueMessage *a, CblueMessage *b)
{
	g_assert_cmpstr(cblue_message_get_text(a), ==, cblue_message_get_text(b));
	g_assert_cmpstr(cblue_message_get_channel(a), ==, cblue_message_get_channel(b));
	g_assert_cmpstr(cblue_message_get_conversation_id(a), ==, cblue_message_get_conversation_id(b));
	g_assert_cmpstr(cblue_message_get_language(a), ==, cblue_message_get_language(b));
}

static void
check_body(const guint8 *data, gsize size)
{
	g_autoptr(GBytes) bytes = g_bytes_new(data, size);
	g_autoptr(GError) error = NULL;
	g_autoptr(GError) json_error = NULL;
	g_autoptr(CblueMessage) message = cblue_server_parse_chat(bytes, &error);
	g_autoptr(CblueMessage) strict = cblue_server_parse_chat_strict(bytes);
	g_autoptr(CblueMessage) json = cblue_server_parse_chat_json(bytes, &json_error);
	const gchar *id;

	if (strict != NULL) {
		g_assert_no_error(json_error);
		g_assert_nonnull(json);
		assert_same_message(strict, json);
	}
	if (message == NULL) {
		g_assert_nonnull(error);
		g_assert_true(error->domain == CBLUE_ERROR);
		g_assert_cmpint(error->code, ==, CBLUE_ERROR_INVALID_DATA);
		g_assert_nonnull(error->message);
		g_assert_null(json);
		g_assert_nonnull(json_error);
		g_assert_cmpstr(error->message, ==, json_error->message);
		return;
	}
	g_assert_no_error(error);
	g_assert_nonnull(json);
	assert_same_message(message, json);
	g_assert_nonnull(cblue_message_get_text(message));
	g_assert_cmpstr(cblue_message_get_channel(message), ==, "api");
	id = cblue_message_get_conversation_id(message);
	if (id != NULL)
		g_assert_true(strlen(id) >= 1 && strlen(id) <= 64);
}

/* @data between @prefix and @suffix */
static void
check_wrapped(const gchar *prefix, const guint8 *data, gsize size, const gchar *suffix)
{
	g_autoptr(GByteArray) body = g_byte_array_new();
	g_byte_array_append(body, (const guint8 *)prefix, (guint)strlen(prefix));
	g_byte_array_append(body, data, (guint)size);
	g_byte_array_append(body, (const guint8 *)suffix, (guint)strlen(suffix));
	check_body(body->data, body->len);
}

int
LLVMFuzzerTestOneInput(const guint8 *data, gsize size)
{
	static gsize once = 0;

	/* a critical is a bug of the parser (json-glib reports misuse that way) */
	if (g_once_init_enter(&once)) {
		g_log_set_always_fatal(G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
		g_once_init_leave(&once, 1);
	}
	check_body(data, size);
	check_wrapped(" {\"language\" : null,\"message\":\"", data, size, "\" ,\"conversation_id\":\"c1\"}\n");
	check_wrapped("{\"message\":\"x\",\"conversation_id\":\"", data, size, "\"}");
	check_wrapped("{\"message\":\"x\",\"language\":", data, size, "}");
	return 0;
}
