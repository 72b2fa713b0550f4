/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Hand-written JSON output for the hot paths (a chat reply, a `cblue redact --json` line),
 * where building a JsonNode and running JsonGenerator cost more than the answer. Inline, so
 * that the library and the `cblue` program share it without exporting it.
 */

/* a JSON string literal, or null; the text is valid UTF-8 (the bot validates messages).
 * Runs of bytes that need no escaping are copied at once. */
static inline void
cblue_json_append_string(GString *out, const gchar *text)
{
	const guchar *run;

	if (text == NULL) {
		g_string_append(out, "null");
		return;
	}
	g_string_append_c(out, '"');
	run = (const guchar *)text;
	for (const guchar *p = run; *p != '\0'; p++) {
		if (*p >= 0x20 && *p != '"' && *p != '\\' && *p != 0x7f)
			continue;
		g_string_append_len(out, (const gchar *)run, p - run);
		run = p + 1;
		switch (*p) {
		case '"':
			g_string_append(out, "\\\"");
			break;
		case '\\':
			g_string_append(out, "\\\\");
			break;
		case '\n':
			g_string_append(out, "\\n");
			break;
		case '\r':
			g_string_append(out, "\\r");
			break;
		case '\t':
			g_string_append(out, "\\t");
			break;
		default:
			g_string_append_printf(out, "\\u%04x", *p);
		}
	}
	g_string_append(out, (const gchar *)run);
	g_string_append_c(out, '"');
}

G_END_DECLS
