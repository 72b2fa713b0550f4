/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-server-fast-parse-private.h"

/* the fast path's request parser (core/cblue-server-fast-parse.c): the hot request is
 * recognized whole, every prefix of it waits for more, and anything else goes to libsoup */

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
	g_assert_cmpint(parse("G", &head), ==, CBLUE_FAST_PARSE_HANDOVER);
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
	return g_test_run();
}
