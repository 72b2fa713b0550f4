/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-server-fast-parse-private.h"

/* the request lines the fast path serves */
#define CBLUE_FAST_REQUEST_LINE	  "POST /api/v1/chat HTTP/1.1\r\n"
#define CBLUE_FAST_WEBSOCKET_LINE "GET /api/v1/chat/ws HTTP/1.1\r\n"

/* RFC 9110 §5.6.2 token characters */
static gboolean
cblue_fast_is_tchar(guchar c)
{
	return g_ascii_isalnum(c) || strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* field-value bytes (RFC 9110 §5.5): visible ASCII, space, tab and obs-text; never a
 * control character */
static gboolean
cblue_fast_is_value_char(guchar c)
{
	return c == '\t' || (c >= 0x20 && c != 0x7f);
}

static gboolean
cblue_fast_name_is(const gchar *name, gsize len, const gchar *expected)
{
	return len == strlen(expected) && g_ascii_strncasecmp(name, expected, len) == 0;
}

/* a Content-Length of digits only, at most @max_body */
static gboolean
cblue_fast_parse_length(const gchar *value, gsize len, gsize max_body, gsize *out)
{
	guint64 n = 0;

	if (len == 0 || len > 19)
		return FALSE;
	for (gsize i = 0; i < len; i++) {
		if (!g_ascii_isdigit(value[i]))
			return FALSE;
		n = n * 10 + (guint64)(value[i] - '0');
	}
	if (n > max_body)
		return FALSE;
	*out = (gsize)n;
	return TRUE;
}

static gboolean
cblue_fast_contains(const gchar *value, gsize len, const gchar *needle)
{
	gsize n = strlen(needle);
	for (gsize i = 0; i + n <= len; i++) {
		if (memcmp(value + i, needle, n) == 0)
			return TRUE;
	}
	return FALSE;
}

typedef struct {
	gboolean has_length;
	guint n_hosts;
	/* a handshake's headers, each of which it must have once */
	guint n_upgrades;
	guint n_connections;
	guint n_keys;
	guint n_versions;
	/* and may have once */
	guint n_origins;
	guint n_protocols;
	guint n_extensions;
} CblueFastSeen;

/* a WebSocket handshake's header: no body, and each header that decides the handshake
 * at most once (libsoup would join duplicates into one list and judge that) */
static gboolean
cblue_fast_websocket_header_is_ok(const gchar *name, gsize name_len, CblueFastSeen *seen)
{
	static const struct {
		const gchar *name;
		gsize offset;
	} counted[] = {
	    {"Upgrade", G_STRUCT_OFFSET(CblueFastSeen, n_upgrades)},
	    {"Connection", G_STRUCT_OFFSET(CblueFastSeen, n_connections)},
	    {"Sec-WebSocket-Key", G_STRUCT_OFFSET(CblueFastSeen, n_keys)},
	    {"Sec-WebSocket-Version", G_STRUCT_OFFSET(CblueFastSeen, n_versions)},
	    {"Origin", G_STRUCT_OFFSET(CblueFastSeen, n_origins)},
	    {"Sec-WebSocket-Protocol", G_STRUCT_OFFSET(CblueFastSeen, n_protocols)},
	    {"Sec-WebSocket-Extensions", G_STRUCT_OFFSET(CblueFastSeen, n_extensions)},
	};

	if (cblue_fast_name_is(name, name_len, "Host"))
		return ++seen->n_hosts == 1;
	for (guint i = 0; i < G_N_ELEMENTS(counted); i++) {
		if (cblue_fast_name_is(name, name_len, counted[i].name))
			return ++G_STRUCT_MEMBER(guint, seen, counted[i].offset) == 1;
	}
	return !cblue_fast_name_is(name, name_len, "Content-Length") &&
	       !cblue_fast_name_is(name, name_len, "Transfer-Encoding") && !cblue_fast_name_is(name, name_len, "Expect") &&
	       !cblue_fast_name_is(name, name_len, "TE");
}

/* a header the fast path must not take: the connection goes to libsoup */
static gboolean
cblue_fast_header_is_ok(const gchar *name, gsize name_len, const gchar *value, gsize value_len, gsize max_body,
			CblueFastSeen *seen, CblueFastHead *head)
{
	if (head->kind == CBLUE_FAST_KIND_WEBSOCKET)
		return cblue_fast_websocket_header_is_ok(name, name_len, seen);
	if (cblue_fast_name_is(name, name_len, "Content-Length")) {
		if (seen->has_length)
			return FALSE;
		seen->has_length = TRUE;
		return cblue_fast_parse_length(value, value_len, max_body, &head->content_length);
	}
	if (cblue_fast_name_is(name, name_len, "Host"))
		return ++seen->n_hosts == 1;
	/* keep-alive is the default of HTTP/1.1: any other word (close, upgrade) is libsoup's */
	if (cblue_fast_name_is(name, name_len, "Connection"))
		return value_len == strlen("keep-alive") && g_ascii_strncasecmp(value, "keep-alive", value_len) == 0;
	if (cblue_fast_name_is(name, name_len, "Accept"))
		return !cblue_fast_contains(value, value_len, "text/event-stream");
	return !cblue_fast_name_is(name, name_len, "Transfer-Encoding") && !cblue_fast_name_is(name, name_len, "Expect") &&
	       !cblue_fast_name_is(name, name_len, "Upgrade") && !cblue_fast_name_is(name, name_len, "TE");
}

/* one header line of @len bytes (without its CRLF) at @offset */
static gboolean
cblue_fast_parse_header(const gchar *data, gsize offset, gsize len, gsize max_body, CblueFastSeen *seen,
			CblueFastHead *head)
{
	const gchar *line = data + offset;
	CblueFastHeader *header;
	gsize name_len = 0;
	gsize start, end;

	while (name_len < len && cblue_fast_is_tchar((guchar)line[name_len]))
		name_len++;
	/* no name, a space before the colon, or an obsolete line folding */
	if (name_len == 0 || name_len == len || line[name_len] != ':')
		return FALSE;
	start = name_len + 1;
	end = len;
	for (gsize i = start; i < len; i++) {
		if (!cblue_fast_is_value_char((guchar)line[i]))
			return FALSE;
	}
	while (start < end && (line[start] == ' ' || line[start] == '\t'))
		start++;
	while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t'))
		end--;
	if (head->n_headers >= CBLUE_FAST_MAX_HEADERS)
		return FALSE;
	if (!cblue_fast_header_is_ok(line, name_len, line + start, end - start, max_body, seen, head))
		return FALSE;
	header = &head->headers[head->n_headers++];
	header->offset = offset;
	header->name_len = name_len;
	header->value_offset = offset + start;
	header->value_len = end - start;
	return TRUE;
}

/*
 * cblue_fast_parse_head:
 * @data: the bytes received on a connection, from the start of a request
 * @len: their number
 * @max_body: the largest body the fast path reads (a larger one is libsoup's 413)
 * @head: (out caller-allocates): the head, when %CBLUE_FAST_PARSE_OK
 *
 * Parses a request head as far as @data goes: a chat request, or a WebSocket handshake
 * (without a body; with one Host, Upgrade, Connection, Sec-WebSocket-Key and
 * Sec-WebSocket-Version, and at most one Origin, Sec-WebSocket-Protocol and
 * Sec-WebSocket-Extensions; whether the handshake is valid is the server's to say). A
 * bare LF, a CR alone, a line folding, a control character, a name that is not a token, a duplicate Content-Length or Host, a
 * head over %CBLUE_FAST_MAX_HEAD bytes or with over %CBLUE_FAST_MAX_HEADERS headers: all
 * are handed over, never half-parsed.
 *
 * Returns: what to do with the connection
 */
CblueFastParseResult
cblue_fast_parse_head(const gchar *data, gsize len, gsize max_body, CblueFastHead *head)
{
	const gchar *request_line = CBLUE_FAST_REQUEST_LINE;
	gsize line_len;
	CblueFastSeen seen = {0};
	gsize pos;

	head->kind = CBLUE_FAST_KIND_CHAT;
	head->n_headers = 0;
	head->content_length = 0;
	head->head_len = 0;
	/* (memcmp() takes no NULL, even for no bytes) */
	if (len == 0)
		return CBLUE_FAST_PARSE_INCOMPLETE;
	/* the two request lines differ in their first byte */
	if (data[0] == 'G') {
		head->kind = CBLUE_FAST_KIND_WEBSOCKET;
		request_line = CBLUE_FAST_WEBSOCKET_LINE;
	}
	line_len = strlen(request_line);
	if (memcmp(data, request_line, MIN(len, line_len)) != 0)
		return CBLUE_FAST_PARSE_HANDOVER;
	if (len < line_len)
		return CBLUE_FAST_PARSE_INCOMPLETE;
	pos = line_len;
	for (;;) {
		const gchar *eol;
		gsize end;

		if (pos >= CBLUE_FAST_MAX_HEAD)
			return CBLUE_FAST_PARSE_HANDOVER;
		eol = memchr(data + pos, '\n', MIN(len, CBLUE_FAST_MAX_HEAD) - pos);
		if (eol == NULL) {
			/* a CR anywhere but before LF is not ours */
			const gchar *cr = memchr(data + pos, '\r', len - pos);
			if (cr != NULL && cr + 1 < data + len)
				return CBLUE_FAST_PARSE_HANDOVER;
			return len >= CBLUE_FAST_MAX_HEAD ? CBLUE_FAST_PARSE_HANDOVER : CBLUE_FAST_PARSE_INCOMPLETE;
		}
		end = (gsize)(eol - data);
		if (end == pos || data[end - 1] != '\r')
			return CBLUE_FAST_PARSE_HANDOVER;
		if (memchr(data + pos, '\r', end - 1 - pos) != NULL)
			return CBLUE_FAST_PARSE_HANDOVER;
		/* the empty line */
		if (end - 1 == pos) {
			if (head->kind == CBLUE_FAST_KIND_WEBSOCKET
				? seen.n_hosts != 1 || seen.n_upgrades != 1 || seen.n_connections != 1 ||
				      seen.n_keys != 1 || seen.n_versions != 1
				: !seen.has_length || seen.n_hosts != 1)
				return CBLUE_FAST_PARSE_HANDOVER;
			head->head_len = end + 1;
			return CBLUE_FAST_PARSE_OK;
		}
		if (!cblue_fast_parse_header(data, pos, end - 1 - pos, max_body, &seen, head))
			return CBLUE_FAST_PARSE_HANDOVER;
		pos = end + 1;
	}
}
