/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <gio/gio.h>

#include "cblue-chat-reply.h"
#include "cblue-message.h"
#include "cblue-version-macros.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_CHANNEL (cblue_channel_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_INTERFACE(CblueChannel, cblue_channel, CBLUE, CHANNEL, GObject)

/**
 * CblueChannelInterface:
 * @g_iface: the parent interface
 * @start: start receiving messages
 * @stop: stop receiving messages
 * @deliver: send a reply back to the customer on this channel
 *
 * A messaging channel (LINE, Telegram, WhatsApp, a webhook). A channel emits
 * #CblueChannel::message-received for every customer message.
 *
 * Since: 1.0
 */
struct _CblueChannelInterface {
	GTypeInterface g_iface;

	gboolean (*start)(CblueChannel *self, GError **error);
	void (*stop)(CblueChannel *self);
	gboolean (*deliver)(CblueChannel *self, CblueMessage *message, CblueChatReply *reply, GError **error);
};

CBLUE_AVAILABLE_IN_1_0
gboolean cblue_channel_start(CblueChannel *self, GError **error);
CBLUE_AVAILABLE_IN_1_0
void cblue_channel_stop(CblueChannel *self);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_channel_deliver(CblueChannel *self, CblueMessage *message, CblueChatReply *reply, GError **error);
CBLUE_AVAILABLE_IN_1_0
void cblue_channel_emit_message_received(CblueChannel *self, CblueMessage *message);

G_END_DECLS
