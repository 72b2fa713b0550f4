/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-server-fast-parse-private.h"

/* the fast path's request parser (core/cblue-server-fast-parse.c): the hot request (and
 * the WebSocket handshake) is recognized whole, every prefix of it waits for more, and anything else goes to libsoup */

#define MAX_BODY 65536

static const gchar good[] = "POST /api/v1/chat HTTP/1.1\r\n"
			    "Host: 127.0.0.1:8080\r\n"
			    "Content-Type: application/json\r\n"
			    "X-Request-Id:  abc-1 \t\r\n"
			    "Content-Length: 16\r\n"
			    "\r\n"
			    "{\"message\":\"hi\"}";

static CblueFastParseResult
parse(const gchar *text, CblueFastHead *head)
{
	return cblue_fast_parse_head(text, strlen(text), MAX_BODY, head);
}

static void
test_parse_good(void)
{
	CblueFastHead head;
	const CblueFastHeader *id;

	g_assert_cmpint(parse(good, &head), ==, CBLUE_FAST_PARSE_OK);
	g_assert_cmpuint(head.content_length, ==, 16);
	g_assert_cmpuint(head.head_len, ==, strlen(good) - 16);
	g_assert_cmpuint(head.n_headers, ==, 4);
	/* values without the spaces around them */
	id = &head.headers[2];
	g_assert_cmpint(strncmp(good + id->offset, "X-Request-Id", id->name_len), ==, 0);
	g_assert_cmpuint(id->name_len, ==, strlen("X-Request-Id"));
	g_assert_cmpint(strncmp(good + id->value_offset, "abc-1", id->value_len), ==, 0);
	g_assert_cmpuint(id->value_len, ==, 5);
}

/* a request split byte by byte: every prefix of the head waits for more */
static void
test_parse_byte_by_byte(void)
{
	gsize head_len = strlen(good) - 16;
	CblueFastHead head;

	for (gsize n = 0; n < head_len; n++)
		g_assert_cmpint(cblue_fast_parse_head(good, n, MAX_BODY, &head), ==, CBLUE_FAST_PARSE_INCOMPLETE);
	g_assert_cmpint(cblue_fast_parse_head(good, head_len, MAX_BODY, &head), ==, CBLUE_FAST_PARSE_OK);
}

/* pipelined: the parser sees the first head only, whatever follows it */
static void
test_parse_pipelined(void)
{
	g_autofree gchar *two = g_strconcat(good, good, NULL);
	CblueFastHead head;

	g_assert_cmpint(parse(two, &head), ==, CBLUE_FAST_PARSE_OK);
	g_assert_cmpuint(head.head_len + head.content_length, ==, strlen(good));
}

static void
test_parse_other_requests(void)
{
	const gchar *other[] = {
	    "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
	    "POST /api/v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
	    "POST /api/v1/chat?x=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.0\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
	    "POST /api/v1/chat/ws HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
	    "post /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
	    "OPTIONS /api/v1/chat HTTP/1.1\r\nHost: x\r\n\r\n",
	    /* features the fast path leaves to libsoup */
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nUpgrade: h2c\r\nContent-Length: 2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\nContent-Length: 2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}",
	    NULL,
	};
	CblueFastHead head;

	for (guint i = 0; other[i] != NULL; i++) {
		g_test_message("%s", other[i]);
		g_assert_cmpint(parse(other[i], &head), ==, CBLUE_FAST_PARSE_HANDOVER);
	}
}

/* an early mismatch is handed over without waiting for the rest */
static void
test_parse_early_handover(void)
{
	CblueFastHead head;
	g_assert_cmpint(parse("P", &head), ==, CBLUE_FAST_PARSE_INCOMPLETE);
	g_assert_cmpint(parse("G", &head), ==, CBLUE_FAST_PARSE_INCOMPLETE);
	g_assert_cmpint(parse("GET /h", &head), ==, CBLUE_FAST_PARSE_HANDOVER);
	g_assert_cmpint(parse("H", &head), ==, CBLUE_FAST_PARSE_HANDOVER);
	g_assert_cmpint(parse("POST /api/v1/x", &head), ==, CBLUE_FAST_PARSE_HANDOVER);
	g_assert_cmpint(parse("POST /api/v1/chat", &head), ==, CBLUE_FAST_PARSE_INCOMPLETE);
}

static void
test_parse_malformed(void)
{
	const gchar *bad[] = {
	    /* request line */
	    "POST  /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
	    /* bare LF, CR alone, line folding, space before the colon, no name, control bytes */
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\nContent-Length: 2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\rY: z\r\nContent-Length: 2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\n folded\r\nContent-Length: 2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost : x\r\nContent-Length: 2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\n: x\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nX-A: a\x01z\r\nContent-Length: 2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nX-A: a\x7fz\r\nContent-Length: 2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nX(A): a\r\nContent-Length: 2\r\n\r\n{}",
	    /* Content-Length: missing, not digits, signed, doubled, too large, empty */
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Length: 2x\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Length: -2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Length: +2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Length: 2, 2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Length: 65537\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Length:\r\n\r\n{}",
	    /* Host: missing or doubled */
	    "POST /api/v1/chat HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nHost: y\r\nContent-Length: 2\r\n\r\n{}",
	    NULL,
	};
	CblueFastHead head;

	for (guint i = 0; bad[i] != NULL; i++) {
		g_test_message("case %u", i);
		g_assert_cmpint(parse(bad[i], &head), ==, CBLUE_FAST_PARSE_HANDOVER);
	}
	/* a NUL byte in a value */
	{
		static const gchar nul[] = "POST /api/v1/chat HTTP/1.1\r\nHost: x\0y\r\nContent-Length: 2\r\n\r\n{}";
		g_assert_cmpint(cblue_fast_parse_head(nul, sizeof(nul) - 1, MAX_BODY, &head), ==,
				CBLUE_FAST_PARSE_HANDOVER);
	}
}

/* over-long heads: a header that never ends, or too many headers, are libsoup's */
static void
test_parse_limits(void)
{
	g_autoptr(GString) text = g_string_new("POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nX-Long: ");
	g_autoptr(GString) many = g_string_new("POST /api/v1/chat HTTP/1.1\r\nHost: x\r\n");
	g_autoptr(GString) just = g_string_new("POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n");
	CblueFastHead head;

	while (text->len < CBLUE_FAST_MAX_HEAD - 1)
		g_string_append_c(text, 'a');
	g_assert_cmpint(cblue_fast_parse_head(text->str, text->len, MAX_BODY, &head), ==, CBLUE_FAST_PARSE_INCOMPLETE);
	g_string_append(text, "aa");
	g_assert_cmpint(cblue_fast_parse_head(text->str, text->len, MAX_BODY, &head), ==, CBLUE_FAST_PARSE_HANDOVER);

	for (guint i = 0; i < CBLUE_FAST_MAX_HEADERS; i++)
		g_string_append_printf(many, "X-H%u: v\r\n", i);
	g_string_append(many, "Content-Length: 0\r\n\r\n");
	g_assert_cmpint(cblue_fast_parse_head(many->str, many->len, MAX_BODY, &head), ==, CBLUE_FAST_PARSE_HANDOVER);

	/* the most headers it takes */
	for (guint i = 0; i < CBLUE_FAST_MAX_HEADERS - 2; i++)
		g_string_append_printf(just, "X-H%u: v\r\n", i);
	g_string_append(just, "\r\n");
	g_assert_cmpint(cblue_fast_parse_head(just->str, just->len, MAX_BODY, &head), ==, CBLUE_FAST_PARSE_OK);
	g_assert_cmpuint(head.n_headers, ==, CBLUE_FAST_MAX_HEADERS);
}

/* the spellings the fast path takes */
static void
test_parse_accepted_variants(void)
{
	const gchar *ok[] = {
	    "POST /api/v1/chat HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\n\r\n",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nAccept: application/json, */*\r\nContent-Length: 2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nX-Thai: \xe0\xb8\x81\r\nContent-Length:2\r\n\r\n{}",
	    "POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nX-Empty:\r\nContent-Length: 000002\r\n\r\n{}",
	    NULL,
	};
	CblueFastHead head;

	for (guint i = 0; ok[i] != NULL; i++) {
		g_test_message("case %u", i);
		g_assert_cmpint(parse(ok[i], &head), ==, CBLUE_FAST_PARSE_OK);
	}
}

/* the WebSocket handshake: recognized whole, without a body, its headers once each (their
 * values are the server's to judge) */
static const gchar websocket[] = "GET /api/v1/chat/ws HTTP/1.1\r\n"
				 "Host: 127.0.0.1:8080\r\n"
				 "Upgrade: websocket\r\n"
				 "Connection: keep-alive, Upgrade\r\n"
				 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
				 "Sec-WebSocket-Version: 13\r\n"
				 "Origin: https://shop.example\r\n"
				 "\r\n"
				 "\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58";

static void
test_parse_websocket(void)
{
	gsize head_len = strstr(websocket, "\r\n\r\n") + 4 - websocket;
	CblueFastHead head;

	g_assert_cmpint(parse(websocket, &head), ==, CBLUE_FAST_PARSE_OK);
	g_assert_cmpint(head.kind, ==, CBLUE_FAST_KIND_WEBSOCKET);
	g_assert_cmpuint(head.head_len, ==, head_len);
	g_assert_cmpuint(head.content_length, ==, 0);
	g_assert_cmpuint(head.n_headers, ==, 6);
	for (gsize n = 0; n < head_len; n++)
		g_assert_cmpint(cblue_fast_parse_head(websocket, n, MAX_BODY, &head), ==, CBLUE_FAST_PARSE_INCOMPLETE);
	/* a refusal is still the server's to send: a wrong version or key, no upgrade token */
	g_assert_cmpint(parse("GET /api/v1/chat/ws HTTP/1.1\r\nHost: x\r\nUpgrade: h2c\r\nConnection: close\r\n"
			      "Sec-WebSocket-Key: x\r\nSec-WebSocket-Version: 8\r\n\r\n",
			      &head),
			==, CBLUE_FAST_PARSE_OK);
	g_assert_cmpint(parse(good, &head), ==, CBLUE_FAST_PARSE_OK);
	g_assert_cmpint(head.kind, ==, CBLUE_FAST_KIND_CHAT);
}

static void
test_parse_websocket_unusual(void)
{
#define WS_HEAD "GET /api/v1/chat/ws HTTP/1.1\r\nHost: x\r\n"
#define WS_REST "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
	const gchar *unusual[] = {
	    /* a body, chunked, Expect, TE */
	    WS_HEAD "Upgrade: websocket\r\nConnection: Upgrade\r\n" WS_REST "Content-Length: 2\r\n\r\n{}",
	    WS_HEAD "Upgrade: websocket\r\nConnection: Upgrade\r\n" WS_REST "Transfer-Encoding: chunked\r\n\r\n",
	    WS_HEAD "Upgrade: websocket\r\nConnection: Upgrade\r\n" WS_REST "Expect: 100-continue\r\n\r\n",
	    WS_HEAD "Upgrade: websocket\r\nConnection: Upgrade\r\n" WS_REST "TE: trailers\r\n\r\n",
	    /* a handshake header twice, or missing */
	    WS_HEAD "Upgrade: websocket\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" WS_REST "\r\n",
	    WS_HEAD "Upgrade: websocket\r\nConnection: Upgrade\r\nConnection: Upgrade\r\n" WS_REST "\r\n",
	    WS_HEAD "Upgrade: websocket\r\nConnection: Upgrade\r\n" WS_REST "Sec-WebSocket-Version: 13\r\n\r\n",
	    WS_HEAD "Upgrade: websocket\r\nConnection: Upgrade\r\n" WS_REST "Origin: a\r\nOrigin: b\r\n\r\n",
	    WS_HEAD "Upgrade: websocket\r\nConnection: Upgrade\r\n" WS_REST
		    "Sec-WebSocket-Protocol: a\r\nSec-WebSocket-Protocol: b\r\n\r\n",
	    WS_HEAD "Upgrade: websocket\r\nConnection: Upgrade\r\n" WS_REST
		    "Sec-WebSocket-Extensions: a\r\nSec-WebSocket-Extensions: b\r\n\r\n",
	    WS_HEAD "Connection: Upgrade\r\n" WS_REST "\r\n",
	    WS_HEAD "Upgrade: websocket\r\n" WS_REST "\r\n",
	    WS_HEAD "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n",
	    WS_HEAD "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: x\r\n\r\n",
	    "GET /api/v1/chat/ws HTTP/1.1\r\nHost: x\r\nHost: y\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" WS_REST
	    "\r\n",
	    "GET /api/v1/chat/ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" WS_REST "\r\n",
	    /* another request line */
	    "GET /api/v1/chat/ws?x=1 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" WS_REST "\r\n",
	    "GET /api/v1/chat/ws HTTP/1.0\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" WS_REST "\r\n",
	    "GET /api/v1/chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" WS_REST "\r\n",
	    NULL,
	};
#undef WS_HEAD
#undef WS_REST
	CblueFastHead head;

	for (guint i = 0; unusual[i] != NULL; i++) {
		g_test_message("case %u", i);
		g_assert_cmpint(parse(unusual[i], &head), ==, CBLUE_FAST_PARSE_HANDOVER);
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/cblue/server-fast/parse/good", test_parse_good);
	g_test_add_func("/cblue/server-fast/parse/byte-by-byte", test_parse_byte_by_byte);
	g_test_add_func("/cblue/server-fast/parse/pipelined", test_parse_pipelined);
	g_test_add_func("/cblue/server-fast/parse/other-requests", test_parse_other_requests);
	g_test_add_func("/cblue/server-fast/parse/early-handover", test_parse_early_handover);
	g_test_add_func("/cblue/server-fast/parse/malformed", test_parse_malformed);
	g_test_add_func("/cblue/server-fast/parse/limits", test_parse_limits);
	g_test_add_func("/cblue/server-fast/parse/accepted-variants", test_parse_accepted_variants);
	g_test_add_func("/cblue/server-fast/parse/websocket", test_parse_websocket);
	g_test_add_func("/cblue/server-fast/parse/websocket-unusual", test_parse_websocket_unusual);
	return g_test_run();
}
