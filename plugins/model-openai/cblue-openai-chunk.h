/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A scanner for the `data:` of one chunk of a streaming chat completion
 * (`{"choices":[{"delta":{"content":"…"},"finish_reason":null}], "usage":…}`).
 *
 * A stream carries one chunk per token, so building a json-glib tree for each (a parser,
 * nodes, objects, a hash table per object) was the largest cost of relaying a token after
 * the system calls. The scanner validates the whole chunk against the JSON grammar
 * (RFC 8259: no comments, single quotes, hexadecimal numbers or raw control characters,
 * which json-glib lets through; an escaped lone surrogate is refused like json-glib
 * does) in one pass without allocating, and keeps only the few values the relay needs;
 * the text of `choices[0].delta.content` is decoded (escapes, `\uXXXX` with surrogate
 * pairs) straight onto the answer, and only once the chunk is known to be valid. As in a
 * json-glib tree, a member given twice counts once, with its last value. */
typedef struct {
	gboolean has_error;	/* the chunk has a top-level "error" member */
	gboolean finished;	/* choices[0].finish_reason is a string */
	gboolean has_prompt_tokens; /* usage.prompt_tokens is an integer */
	gboolean has_completion_tokens;
	gint64 prompt_tokens;
	gint64 completion_tokens;
} CblueOpenaiChunk;

/* Scans @length bytes of @json, which must be valid UTF-8 (the SSE parser checks each
 * event). FALSE if it is not a JSON object (malformed, truncated, nested deeper than a
 * chat-completion chunk would be); then @content is left as it was. Otherwise the chunk's
 * fields are in @chunk and the text of choices[0].delta.content, if it is a string, is
 * appended to @content (an escaped U+0000 is left out: the text goes on as a C string). */
gboolean cblue_openai_chunk_scan(const gchar *json, gsize length, CblueOpenaiChunk *chunk, GString *content);

G_END_DECLS
