/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-openai-chunk.h"

/* a chunk is four levels deep (root, choices, choice, delta); anything far deeper is not
 * a chunk, and the limit bounds the recursion */
#define CBLUE_CHUNK_MAX_DEPTH 32

typedef struct {
	const gchar *p;
	const gchar *end;
	guint depth;
} CblueChunkScanner;

/* the raw bytes of a string between its quotes, escapes not yet decoded */
typedef struct {
	const gchar *start;
	const gchar *end;
	gboolean escaped;
} CblueChunkSpan;

/* what the relay keeps of the chunk while it is being scanned */
typedef struct {
	CblueOpenaiChunk *chunk;
	CblueChunkSpan content;
	gboolean has_content;
} CblueChunkState;

typedef gboolean (*CblueChunkMemberFunc)(CblueChunkScanner *s, const CblueChunkSpan *key, CblueChunkState *state);

static void
cblue_chunk_skip_space(CblueChunkScanner *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
		s->p++;
}

/* the character at the cursor, or 0 at the end (a NUL byte is never valid JSON either) */
static gchar
cblue_chunk_peek(CblueChunkScanner *s)
{
	return s->p < s->end ? *s->p : '\0';
}

static gint
cblue_chunk_hex4(const gchar *p)
{
	gint value = 0;
	for (guint i = 0; i < 4; i++) {
		gint digit = g_ascii_xdigit_value(p[i]);
		if (digit < 0)
			return -1;
		value = value * 16 + digit;
	}
	return value;
}

/* a \uXXXX escape at @p (pointing at the `u`), with its low surrogate if it is a high
 * one; the code point, or -1 if malformed or a lone surrogate. @next: after the escape */
static gint32
cblue_chunk_unicode_escape(const gchar *p, const gchar *end, const gchar **next)
{
	gint high;
	gint low;

	if (end - p < 5 || (high = cblue_chunk_hex4(p + 1)) < 0)
		return -1;
	*next = p + 5;
	if (high >= 0xDC00 && high <= 0xDFFF)
		return -1;
	if (high < 0xD800 || high > 0xDBFF)
		return high;
	if (end - *next < 6 || (*next)[0] != '\\' || (*next)[1] != 'u' || (low = cblue_chunk_hex4(*next + 2)) < 0 ||
	    low < 0xDC00 || low > 0xDFFF)
		return -1;
	*next += 6;
	return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
}

/* a string at the cursor (on its opening quote): checked, and its span */
static gboolean
cblue_chunk_scan_string(CblueChunkScanner *s, CblueChunkSpan *span)
{
	const gchar *p = s->p + 1;

	span->start = p;
	span->escaped = FALSE;
	while (p < s->end) {
		guchar c = (guchar)*p;
		if (c == '"') {
			span->end = p;
			s->p = p + 1;
			return TRUE;
		}
		if (c < 0x20)
			return FALSE;
		if (c != '\\') {
			p++;
			continue;
		}
		span->escaped = TRUE;
		if (++p >= s->end)
			return FALSE;
		if (*p == 'u') {
			if (cblue_chunk_unicode_escape(p, s->end, &p) < 0)
				return FALSE;
		} else if (strchr("\"\\/bfnrt", *p) != NULL && *p != '\0') {
			p++;
		} else {
			return FALSE;
		}
	}
	return FALSE;
}

/* appends the decoded text of a span that cblue_chunk_scan_string() accepted */
static void
cblue_chunk_decode(const CblueChunkSpan *span, GString *out)
{
	const gchar *p = span->start;

	if (!span->escaped) {
		g_string_append_len(out, p, span->end - p);
		return;
	}
	while (p < span->end) {
		const gchar *run = p;
		gint32 code;
		while (p < span->end && *p != '\\')
			p++;
		g_string_append_len(out, run, p - run);
		if (p >= span->end)
			break;
		p++;
		switch (*p) {
		case 'b': g_string_append_c(out, '\b'); break;
		case 'f': g_string_append_c(out, '\f'); break;
		case 'n': g_string_append_c(out, '\n'); break;
		case 'r': g_string_append_c(out, '\r'); break;
		case 't': g_string_append_c(out, '\t'); break;
		case 'u':
			code = cblue_chunk_unicode_escape(p, span->end, &p);
			if (code > 0)
				g_string_append_unichar(out, (gunichar)code);
			continue;
		default: /* " \ / */
			g_string_append_c(out, *p);
			break;
		}
		p++;
	}
}

static gboolean
cblue_chunk_key_is(const CblueChunkSpan *key, const gchar *name)
{
	gsize length = strlen(name);
	g_autoptr(GString) decoded = NULL;

	if (!key->escaped)
		return (gsize)(key->end - key->start) == length && memcmp(key->start, name, length) == 0;
	/* rare: a key written with escapes */
	decoded = g_string_new(NULL);
	cblue_chunk_decode(key, decoded);
	return decoded->len == length && memcmp(decoded->str, name, length) == 0;
}

static gboolean
cblue_chunk_scan_digits(CblueChunkScanner *s)
{
	const gchar *start = s->p;
	while (s->p < s->end && g_ascii_isdigit(*s->p))
		s->p++;
	return s->p > start;
}

/* a number; @integer (nullable) receives its value if it is an integer that fits */
static gboolean
cblue_chunk_scan_number(CblueChunkScanner *s, gint64 *integer, gboolean *is_integer)
{
	const gchar *start;
	gboolean negative = FALSE;
	gboolean fits = TRUE;
	guint64 value = 0;

	if (cblue_chunk_peek(s) == '-') {
		negative = TRUE;
		s->p++;
	}
	start = s->p;
	if (cblue_chunk_peek(s) == '0')
		s->p++;
	else if (!cblue_chunk_scan_digits(s))
		return FALSE;
	for (const gchar *d = start; d < s->p; d++) {
		if (value > (guint64)G_MAXINT64 / 10)
			fits = FALSE;
		value = value * 10 + (guint64)(*d - '0');
	}
	*is_integer = fits && value <= (guint64)G_MAXINT64;
	if (cblue_chunk_peek(s) == '.') {
		s->p++;
		*is_integer = FALSE;
		if (!cblue_chunk_scan_digits(s))
			return FALSE;
	}
	if (cblue_chunk_peek(s) == 'e' || cblue_chunk_peek(s) == 'E') {
		s->p++;
		*is_integer = FALSE;
		if (cblue_chunk_peek(s) == '+' || cblue_chunk_peek(s) == '-')
			s->p++;
		if (!cblue_chunk_scan_digits(s))
			return FALSE;
	}
	if (*is_integer)
		*integer = negative ? -(gint64)value : (gint64)value;
	return TRUE;
}

static gboolean
cblue_chunk_scan_literal(CblueChunkScanner *s, const gchar *word)
{
	gsize length = strlen(word);
	if ((gsize)(s->end - s->p) < length || memcmp(s->p, word, length) != 0)
		return FALSE;
	s->p += length;
	return TRUE;
}

static gboolean cblue_chunk_skip_value(CblueChunkScanner *s);

/* an object at the cursor (on its `{`); @func consumes each member's value */
static gboolean
cblue_chunk_scan_object(CblueChunkScanner *s, CblueChunkMemberFunc func, CblueChunkState *state)
{
	if (++s->depth > CBLUE_CHUNK_MAX_DEPTH)
		return FALSE;
	s->p++;
	cblue_chunk_skip_space(s);
	if (cblue_chunk_peek(s) == '}') {
		s->p++;
		s->depth--;
		return TRUE;
	}
	for (;;) {
		CblueChunkSpan key;
		gboolean ok;
		cblue_chunk_skip_space(s);
		if (cblue_chunk_peek(s) != '"' || !cblue_chunk_scan_string(s, &key))
			return FALSE;
		cblue_chunk_skip_space(s);
		if (cblue_chunk_peek(s) != ':')
			return FALSE;
		s->p++;
		cblue_chunk_skip_space(s);
		ok = func != NULL ? func(s, &key, state) : cblue_chunk_skip_value(s);
		if (!ok)
			return FALSE;
		cblue_chunk_skip_space(s);
		if (cblue_chunk_peek(s) == ',') {
			s->p++;
			continue;
		}
		if (cblue_chunk_peek(s) != '}')
			return FALSE;
		s->p++;
		s->depth--;
		return TRUE;
	}
}

/* an array at the cursor (on its `[`); @first (nullable) consumes the first element */
static gboolean
cblue_chunk_scan_array(CblueChunkScanner *s, gboolean (*first)(CblueChunkScanner *, CblueChunkState *),
		       CblueChunkState *state)
{
	gboolean is_first = TRUE;

	if (++s->depth > CBLUE_CHUNK_MAX_DEPTH)
		return FALSE;
	s->p++;
	cblue_chunk_skip_space(s);
	if (cblue_chunk_peek(s) == ']') {
		s->p++;
		s->depth--;
		return TRUE;
	}
	for (;;) {
		gboolean ok;
		cblue_chunk_skip_space(s);
		ok = is_first && first != NULL ? first(s, state) : cblue_chunk_skip_value(s);
		if (!ok)
			return FALSE;
		is_first = FALSE;
		cblue_chunk_skip_space(s);
		if (cblue_chunk_peek(s) == ',') {
			s->p++;
			continue;
		}
		if (cblue_chunk_peek(s) != ']')
			return FALSE;
		s->p++;
		s->depth--;
		return TRUE;
	}
}

/* any value at the cursor, checked and passed over */
static gboolean
cblue_chunk_skip_value(CblueChunkScanner *s)
{
	CblueChunkSpan span;
	gint64 integer;
	gboolean is_integer;

	switch (cblue_chunk_peek(s)) {
	case '{': return cblue_chunk_scan_object(s, NULL, NULL);
	case '[': return cblue_chunk_scan_array(s, NULL, NULL);
	case '"': return cblue_chunk_scan_string(s, &span);
	case 't': return cblue_chunk_scan_literal(s, "true");
	case 'f': return cblue_chunk_scan_literal(s, "false");
	case 'n': return cblue_chunk_scan_literal(s, "null");
	default: return cblue_chunk_scan_number(s, &integer, &is_integer);
	}
}

/* delta: {"content": "…", "role": …} */
static gboolean
cblue_chunk_delta_member(CblueChunkScanner *s, const CblueChunkSpan *key, CblueChunkState *state)
{
	if (!cblue_chunk_key_is(key, "content"))
		return cblue_chunk_skip_value(s);
	state->has_content = cblue_chunk_peek(s) == '"';
	return state->has_content ? cblue_chunk_scan_string(s, &state->content) : cblue_chunk_skip_value(s);
}

/* choices[0]: {"delta": {…}, "finish_reason": …} */
static gboolean
cblue_chunk_choice_member(CblueChunkScanner *s, const CblueChunkSpan *key, CblueChunkState *state)
{
	if (cblue_chunk_key_is(key, "delta")) {
		state->has_content = FALSE;
		if (cblue_chunk_peek(s) == '{')
			return cblue_chunk_scan_object(s, cblue_chunk_delta_member, state);
		return cblue_chunk_skip_value(s);
	}
	if (cblue_chunk_key_is(key, "finish_reason")) {
		state->chunk->finished = cblue_chunk_peek(s) == '"';
		return cblue_chunk_skip_value(s);
	}
	return cblue_chunk_skip_value(s);
}

static gboolean
cblue_chunk_first_choice(CblueChunkScanner *s, CblueChunkState *state)
{
	if (cblue_chunk_peek(s) == '{')
		return cblue_chunk_scan_object(s, cblue_chunk_choice_member, state);
	return cblue_chunk_skip_value(s);
}

/* usage: {"prompt_tokens": N, "completion_tokens": N, …} */
static gboolean
cblue_chunk_usage_member(CblueChunkScanner *s, const CblueChunkSpan *key, CblueChunkState *state)
{
	gboolean *has;
	gint64 *value;
	gint64 integer = 0;
	gboolean is_integer = FALSE;

	if (cblue_chunk_key_is(key, "prompt_tokens")) {
		has = &state->chunk->has_prompt_tokens;
		value = &state->chunk->prompt_tokens;
	} else if (cblue_chunk_key_is(key, "completion_tokens")) {
		has = &state->chunk->has_completion_tokens;
		value = &state->chunk->completion_tokens;
	} else {
		return cblue_chunk_skip_value(s);
	}
	*has = FALSE;
	if (cblue_chunk_peek(s) != '-' && !g_ascii_isdigit(cblue_chunk_peek(s)))
		return cblue_chunk_skip_value(s);
	if (!cblue_chunk_scan_number(s, &integer, &is_integer))
		return FALSE;
	*has = is_integer;
	*value = integer;
	return TRUE;
}

static gboolean
cblue_chunk_root_member(CblueChunkScanner *s, const CblueChunkSpan *key, CblueChunkState *state)
{
	if (cblue_chunk_key_is(key, "error")) {
		state->chunk->has_error = TRUE;
		return cblue_chunk_skip_value(s);
	}
	if (cblue_chunk_key_is(key, "choices")) {
		/* the last "choices" counts, as in a json-glib tree */
		state->has_content = FALSE;
		state->chunk->finished = FALSE;
		if (cblue_chunk_peek(s) == '[')
			return cblue_chunk_scan_array(s, cblue_chunk_first_choice, state);
		return cblue_chunk_skip_value(s);
	}
	if (cblue_chunk_key_is(key, "usage")) {
		state->chunk->has_prompt_tokens = FALSE;
		state->chunk->has_completion_tokens = FALSE;
		if (cblue_chunk_peek(s) == '{')
			return cblue_chunk_scan_object(s, cblue_chunk_usage_member, state);
		return cblue_chunk_skip_value(s);
	}
	return cblue_chunk_skip_value(s);
}

gboolean
cblue_openai_chunk_scan(const gchar *json, gsize length, CblueOpenaiChunk *chunk, GString *content)
{
	CblueChunkScanner s = { json, json + length, 0 };
	CblueChunkState state = { chunk, { NULL, NULL, FALSE }, FALSE };

	g_return_val_if_fail(json != NULL || length == 0, FALSE);
	g_return_val_if_fail(chunk != NULL && content != NULL, FALSE);

	memset(chunk, 0, sizeof(*chunk));
	cblue_chunk_skip_space(&s);
	if (cblue_chunk_peek(&s) != '{' || !cblue_chunk_scan_object(&s, cblue_chunk_root_member, &state))
		return FALSE;
	cblue_chunk_skip_space(&s);
	if (s.p != s.end)
		return FALSE;
	if (state.has_content)
		cblue_chunk_decode(&state.content, content);
	return TRUE;
}
