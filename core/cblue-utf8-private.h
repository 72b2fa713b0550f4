/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/*
 * UTF-8 validation on the redaction hot path, where g_utf8_validate_len() was a third of
 * the time of `cblue redact`: ASCII is skipped eight bytes at a time, and a multi-byte
 * sequence is checked in place (no overlong forms, no surrogates, nothing above
 * U+10FFFF, no NUL, the rules of g_utf8_validate()). Inline, so that the library and the
 * `cblue` program share it without exporting it.
 */
/* @check, when not %NULL, is asked about each multi-byte character (@n bytes at @p, @before the
 * byte before it or 0 at the start) until it answers %TRUE once, which is stored in @flag: the
 * redaction engine learns in the same pass whether a text needs folding */
typedef gboolean (*CblueUtf8Check)(const guchar *p, gsize n, guchar before);

static inline gboolean
cblue_utf8_validate_fast(const gchar *text, gsize len, CblueUtf8Check check, gboolean *flag)
{
	const guchar *start = (const guchar *)text;
	const guchar *p = start;
	const guchar *end = p + len;

	while (p < end) {
		if (*p < 0x80) {
			guint64 word;
			if (*p == 0)
				return FALSE;
			if (end - p >= 8) {
				memcpy(&word, p, 8);
				/* eight ASCII bytes, none of them NUL */
				if ((word & 0x8080808080808080ULL) == 0 &&
				    ((word - 0x0101010101010101ULL) & ~word & 0x8080808080808080ULL) == 0) {
					p += 8;
					continue;
				}
			}
			p++;
			continue;
		}
		if (*p >= 0xC2 && *p <= 0xDF) {
			if (end - p < 2 || (p[1] & 0xC0) != 0x80)
				return FALSE;
			if (check != NULL && !*flag)
				*flag = check(p, 2, p > start ? p[-1] : 0);
			p += 2;
			continue;
		}
		if (*p >= 0xE0 && *p <= 0xEF) {
			if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
				return FALSE;
			if ((*p == 0xE0 && p[1] < 0xA0) || (*p == 0xED && p[1] >= 0xA0))
				return FALSE;
			if (check != NULL && !*flag)
				*flag = check(p, 3, p > start ? p[-1] : 0);
			p += 3;
			continue;
		}
		if (*p >= 0xF0 && *p <= 0xF4) {
			if (end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
				return FALSE;
			if ((*p == 0xF0 && p[1] < 0x90) || (*p == 0xF4 && p[1] >= 0x90))
				return FALSE;
			if (check != NULL && !*flag)
				*flag = check(p, 4, p > start ? p[-1] : 0);
			p += 4;
			continue;
		}
		return FALSE;
	}
	return TRUE;
}

/* the character at @p of UTF-8 known to be valid: g_utf8_get_char() without a call, for the
 * tokenizer's loops over text it has validated or produced */
static inline gunichar
cblue_utf8_get_valid_char(const gchar *p)
{
	const guchar *s = (const guchar *)p;

	if (s[0] < 0x80)
		return s[0];
	if (s[0] < 0xE0)
		return ((gunichar)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
	if (s[0] < 0xF0)
		return ((gunichar)(s[0] & 0x0F) << 12) | ((gunichar)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	return ((gunichar)(s[0] & 0x07) << 18) | ((gunichar)(s[1] & 0x3F) << 12) | ((gunichar)(s[2] & 0x3F) << 6) |
	       (s[3] & 0x3F);
}

G_END_DECLS
