/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An incremental parser of server-sent events (the `text/event-stream` of OpenAI's
 * streaming chat completions). Bytes are fed as they arrive, split anywhere (inside a
 * line, inside a multi-byte character); only complete lines are interpreted, so a
 * character is never cut. Each event's `data:` lines, joined with `\n`, are handed to
 * the callback once the blank line that ends the event arrives. Comments (`:`) and the
 * other fields (event, id, retry) are ignored. */
typedef struct _CblueSseParser CblueSseParser;

/* return FALSE to stop (the error is the callback's to report) */
typedef gboolean (*CblueSseDataFunc)(const gchar *data, gpointer user_data);

CblueSseParser *cblue_sse_parser_new(CblueSseDataFunc func, gpointer user_data);
void cblue_sse_parser_free(CblueSseParser *self);
/* FALSE if the callback stopped, or a line is longer than the limit, or an event's data
 * is not valid UTF-8 (with @error set in those last two cases) */
gboolean cblue_sse_parser_feed(CblueSseParser *self, const guint8 *data, gsize length, GError **error);
/* end of stream: an event without its final blank line is dispatched too */
gboolean cblue_sse_parser_finish(CblueSseParser *self, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueSseParser, cblue_sse_parser_free)

G_END_DECLS
