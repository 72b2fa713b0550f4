/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The request parser of the fast path (core/cblue-server-fast.c): small, strict and
 * bounded. It recognizes only the hot cases: `POST /api/v1/chat HTTP/1.1` with a
 * Content-Length body and nothing that asks for more than a JSON answer, and the WebSocket
 * handshake `GET /api/v1/chat/ws HTTP/1.1` without a body, each of its headers once (their
 * values are the server's to check, as libsoup's handshake does); everything else,
 * including anything it does not fully understand, is left to libsoup, which then sees
 * the bytes untouched. Kept apart from the sockets so that tests/fuzz/ can feed it
 * arbitrary bytes.
 */

#define CBLUE_FAST_MAX_HEAD    8192 /* bytes of request line and headers */
#define CBLUE_FAST_MAX_HEADERS 64

typedef enum {
	CBLUE_FAST_PARSE_INCOMPLETE, /* a prefix of a request the fast path may serve */
	CBLUE_FAST_PARSE_OK,	     /* a whole head the fast path serves */
	CBLUE_FAST_PARSE_HANDOVER,   /* libsoup's: another route, a feature or a malformed request */
} CblueFastParseResult;

typedef enum {
	CBLUE_FAST_KIND_CHAT,	   /* POST /api/v1/chat */
	CBLUE_FAST_KIND_WEBSOCKET, /* GET /api/v1/chat/ws, a WebSocket handshake */
} CblueFastKind;

typedef struct {
	gsize offset; /* of the name, in the head */
	gsize name_len;
	gsize value_offset;
	gsize value_len; /* without surrounding spaces */
} CblueFastHeader;

typedef struct {
	CblueFastKind kind;
	gsize head_len;	      /* request line, headers and the empty line */
	gsize content_length; /* of the body that follows */
	guint n_headers;
	CblueFastHeader headers[CBLUE_FAST_MAX_HEADERS];
} CblueFastHead;

CblueFastParseResult cblue_fast_parse_head(const gchar *data, gsize len, gsize max_body, CblueFastHead *head);

G_END_DECLS
