/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue-message.h"

G_BEGIN_DECLS

/* The JSON bodies clients send to CblueServer, parsed into messages. Kept apart from the
 * server so that tests/fuzz/ can feed them arbitrary bytes without a socket. */

CblueMessage *cblue_server_parse_chat(GBytes *body, GError **error);
/* its two parsers, for the fuzz target: the strict one of the hot path (%NULL when it
 * declines a body) and json-glib's, which decides everything the other declines */
CblueMessage *cblue_server_parse_chat_strict(GBytes *body);
CblueMessage *cblue_server_parse_chat_json(GBytes *body, GError **error);
gboolean cblue_server_parse_ws_frame(GBytes *bytes, gchar **type_out, CblueMessage **message_out, GError **error);

G_END_DECLS
