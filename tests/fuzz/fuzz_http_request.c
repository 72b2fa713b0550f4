/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-server-fast-parse-private.h"

/*
 * fuzz_http_request: the fast path's request parser (cblue_fast_parse_head()) over
 * arbitrary bytes (chat requests and WebSocket handshakes). Never a crash or a read past the input; a head it accepts lies within
 * the input and its limits, with every header inside the head; no shorter prefix of an
 * accepted head is accepted, and every prefix of it is a prefix (incomplete), never
 * handed over: a request split anywhere is read the same way.
 */

int LLVMFuzzerTestOneInput(const guint8 *data, gsize size);

#define FUZZ_MAX_BODY 1024

int
LLVMFuzzerTestOneInput(const guint8 *data, gsize size)
{
	/* a copy of exactly @size bytes, so that ASan sees a read past the end */
	g_autofree gchar *copy = g_memdup2(data, size);
	CblueFastHead head;
	CblueFastHead prefix;
	CblueFastParseResult result = cblue_fast_parse_head(copy, size, FUZZ_MAX_BODY, &head);

	if (result != CBLUE_FAST_PARSE_OK)
		return 0;
	g_assert_cmpuint(head.head_len, <=, size);
	g_assert_cmpuint(head.head_len, <=, CBLUE_FAST_MAX_HEAD);
	g_assert_cmpuint(head.content_length, <=, FUZZ_MAX_BODY);
	g_assert_cmpuint(head.n_headers, <=, CBLUE_FAST_MAX_HEADERS);
	/* a WebSocket handshake has no body, and names its own request line */
	if (head.kind == CBLUE_FAST_KIND_WEBSOCKET) {
		g_assert_cmpuint(head.content_length, ==, 0);
		g_assert_cmpint(memcmp(copy, "GET /api/v1/chat/ws HTTP/1.1\r\n", 30), ==, 0);
	} else {
		g_assert_cmpint(head.kind, ==, CBLUE_FAST_KIND_CHAT);
	}
	g_assert_cmpint(memcmp(copy + head.head_len - 4, "\r\n\r\n", 4), ==, 0);
	for (guint i = 0; i < head.n_headers; i++) {
		const CblueFastHeader *h = &head.headers[i];
		g_assert_cmpuint(h->name_len, >, 0);
		g_assert_cmpuint(h->offset + h->name_len, <, h->value_offset + 1);
		g_assert_cmpuint(h->value_offset + h->value_len, <=, head.head_len);
	}
	for (gsize n = 0; n < head.head_len; n++)
		g_assert_cmpint(cblue_fast_parse_head(copy, n, FUZZ_MAX_BODY, &prefix), ==, CBLUE_FAST_PARSE_INCOMPLETE);
	return 0;
}
