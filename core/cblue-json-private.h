/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/*
 * Hand-written JSON output for the hot paths (a chat reply, a `cblue redact --json` line),
 * where building a JsonNode and running JsonGenerator cost more than the answer. Inline, so
 * that the library and the `cblue` program share it without exporting it.
 */

/* appends @len bytes of @bytes to @out: GLib 2.74's g_string_append_len() is a call to
 * g_string_insert_len() with its checks, about 60 instructions whatever the length, and a
 * reply and its response make some 60 appends, nearly all of them into room already there */
static inline void
cblue_string_put(GString *out, const gchar *bytes, gsize len)
{
	if (G_LIKELY(out->len + len < out->allocated_len)) {
		memcpy(out->str + out->len, bytes, len);
		out->len += len;
		out->str[out->len] = '\0';
	} else {
		g_string_append_len(out, bytes, (gssize)len);
	}
}

/* a string literal, without its length counted at run time */
#define CBLUE_STRING_PUT_LITERAL(out, literal) cblue_string_put((out), "" literal, sizeof(literal) - 1)

static inline void
cblue_string_put_str(GString *out, const gchar *text)
{
	cblue_string_put(out, text, strlen(text));
}

/* whether any of the eight bytes of @word needs escaping in a JSON string: below 0x20, '"',
 * '\\' or 0x7f. The classic tests for "a byte below n" ((x - n·0x01…) & ~x & 0x80…, exact
 * for n <= 0x80) and "a zero byte" (of x XOR c·0x01…), on all eight bytes at once. */
static inline gboolean
cblue_json_word_needs_escape(guint64 word)
{
	const guint64 ones = G_GUINT64_CONSTANT(0x0101010101010101);
	const guint64 highs = ones * 0x80;
	guint64 quote = word ^ (ones * '"');
	guint64 backslash = word ^ (ones * '\\');
	guint64 del = word ^ (ones * 0x7f);

	guint64 flags = ((word - ones * 0x20) & ~word) | ((quote - ones) & ~quote) |
			((backslash - ones) & ~backslash) | ((del - ones) & ~del);

	return (flags & highs) != 0;
}

/* a JSON string literal, or null; the text is valid UTF-8 (the bot validates messages).
 * Runs of bytes that need no escaping are copied at once, and found eight bytes at a time
 * (a reply's text is most of the reply's JSON, and most texts need no escaping). */
static inline void
cblue_json_append_string(GString *out, const gchar *text)
{
	const guchar *run, *p, *end;

	if (text == NULL) {
		CBLUE_STRING_PUT_LITERAL(out, "null");
		return;
	}
	g_string_append_c(out, '"');
	run = p = (const guchar *)text;
	end = p + strlen(text);
	while (p < end) {
		guint64 word;

		if (end - p >= (gssize)sizeof(word)) {
			memcpy(&word, p, sizeof(word));
			if (!cblue_json_word_needs_escape(word)) {
				p += sizeof(word);
				continue;
			}
		}
		if (*p >= 0x20 && *p != '"' && *p != '\\' && *p != 0x7f) {
			p++;
			continue;
		}
		cblue_string_put(out, (const gchar *)run, (gsize)(p - run));
		switch (*p) {
		case '"':
			CBLUE_STRING_PUT_LITERAL(out, "\\\"");
			break;
		case '\\':
			CBLUE_STRING_PUT_LITERAL(out, "\\\\");
			break;
		case '\n':
			CBLUE_STRING_PUT_LITERAL(out, "\\n");
			break;
		case '\r':
			CBLUE_STRING_PUT_LITERAL(out, "\\r");
			break;
		case '\t':
			CBLUE_STRING_PUT_LITERAL(out, "\\t");
			break;
		default:
			g_string_append_printf(out, "\\u%04x", *p);
		}
		run = ++p;
	}
	cblue_string_put(out, (const gchar *)run, (gsize)(end - run));
	g_string_append_c(out, '"');
}

G_END_DECLS
