/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cblue.h"
#include "cblue-sse-parser.h"

/* a line longer than this is not a chat-completion chunk */
#define CBLUE_SSE_MAX_LINE (1024 * 1024)

struct _CblueSseParser {
	GByteArray *line;  /* owned: bytes of the line being received */
	GString *data;	   /* owned: the data lines of the current event */
	gboolean has_data; /* the current event had a data line */
	gboolean stopped;
	CblueSseDataFunc func;
	gpointer user_data;
};

CblueSseParser *
cblue_sse_parser_new(CblueSseDataFunc func, gpointer user_data)
{
	CblueSseParser *self = g_new0(CblueSseParser, 1);
	self->line = g_byte_array_new();
	self->data = g_string_new(NULL);
	self->func = func;
	self->user_data = user_data;
	return self;
}

void
cblue_sse_parser_free(CblueSseParser *self)
{
	if (self == NULL)
		return;
	g_byte_array_unref(self->line);
	g_string_free(self->data, TRUE);
	g_free(self);
}

/* g_utf8_validate() with a fast path for ASCII: it goes a byte at a time (about 800
 * instructions for each chunk of a chat completion, measured with callgrind), while a
 * chunk is nearly all ASCII. Runs of eight bytes with no high bit and no NUL are skipped,
 * and the rest, from a character boundary, goes to GLib. */
static gboolean
cblue_sse_utf8_validate(const gchar *text, gsize length)
{
	const guint64 high = G_GUINT64_CONSTANT(0x8080808080808080);
	const guint64 low = G_GUINT64_CONSTANT(0x0101010101010101);
	gsize i = 0;

	for (; i + sizeof(guint64) <= length; i += sizeof(guint64)) {
		guint64 word;
		memcpy(&word, text + i, sizeof(word));
		/* a high bit, or a zero byte (which GLib refuses within the length) */
		if ((word & high) != 0 || ((word - low) & ~word & high) != 0)
			break;
	}
	return g_utf8_validate(text + i, (gssize)(length - i), NULL);
}

static gboolean
cblue_sse_parser_dispatch(CblueSseParser *self, GError **error)
{
	gboolean keep_going;

	if (!self->has_data)
		return TRUE;
	self->has_data = FALSE;
	if (!cblue_sse_utf8_validate(self->data->str, self->data->len)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("The provider's stream is not valid UTF-8."));
		return FALSE;
	}
	keep_going = self->func(self->data->str, self->user_data);
	g_string_truncate(self->data, 0);
	if (!keep_going)
		self->stopped = TRUE;
	return keep_going;
}

/* one complete line, without its end of line */
static gboolean
cblue_sse_parser_line(CblueSseParser *self, const gchar *line, gsize length, GError **error)
{
	if (length > 0 && line[length - 1] == '\r')
		length--;
	if (length == 0)
		return cblue_sse_parser_dispatch(self, error);
	if (length >= 5 && memcmp(line, "data:", 5) == 0) {
		const gchar *value = line + 5;
		gsize value_length = length - 5;
		if (value_length > 0 && value[0] == ' ') {
			value++;
			value_length--;
		}
		if (self->has_data)
			g_string_append_c(self->data, '\n');
		g_string_append_len(self->data, value, (gssize)value_length);
		self->has_data = TRUE;
	}
	/* comments and event/id/retry fields: nothing to do for chat completions */
	return TRUE;
}

gboolean
cblue_sse_parser_feed(CblueSseParser *self, const guint8 *data, gsize length, GError **error)
{
	gsize start = 0;

	if (self->stopped)
		return FALSE;
	/* memchr: a chunk is a few hundred bytes and two line ends */
	for (const guint8 *end; start < length && (end = memchr(data + start, '\n', length - start)) != NULL;) {
		gsize i = (gsize)(end - data);
		if (self->line->len > 0) {
			g_byte_array_append(self->line, data + start, (guint)(i - start));
			if (!cblue_sse_parser_line(self, (const gchar *)self->line->data, self->line->len, error))
				return FALSE;
			g_byte_array_set_size(self->line, 0);
		} else if (!cblue_sse_parser_line(self, (const gchar *)data + start, i - start, error)) {
			return FALSE;
		}
		start = i + 1;
	}
	if (self->line->len + (length - start) > CBLUE_SSE_MAX_LINE) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_TOO_LARGE, _("The provider's stream has a line too long."));
		return FALSE;
	}
	g_byte_array_append(self->line, data + start, (guint)(length - start));
	return TRUE;
}

gboolean
cblue_sse_parser_finish(CblueSseParser *self, GError **error)
{
	if (self->stopped)
		return FALSE;
	if (self->line->len > 0) {
		if (!cblue_sse_parser_line(self, (const gchar *)self->line->data, self->line->len, error))
			return FALSE;
		g_byte_array_set_size(self->line, 0);
	}
	return cblue_sse_parser_dispatch(self, error);
}
