/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-channel.h"
#include "cblue-error.h"

/**
 * CblueChannel:
 *
 * The `channel` plugin kind.
 *
 * Since: 1.0
 */
G_DEFINE_INTERFACE(CblueChannel, cblue_channel, G_TYPE_OBJECT)

enum { SIGNAL_MESSAGE_RECEIVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
cblue_channel_default_init(CblueChannelInterface *iface)
{
	/**
	 * CblueChannel::message-received:
	 * @self: the channel
	 * @message: the customer's message
	 *
	 * Emitted for every customer message the channel receives.
	 *
	 * Since: 1.0
	 */
	signals[SIGNAL_MESSAGE_RECEIVED] =
	    g_signal_new("message-received", G_TYPE_FROM_INTERFACE(iface), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
			 G_TYPE_NONE, 1, CBLUE_TYPE_MESSAGE);
}

/**
 * cblue_channel_start:
 * @self: a #CblueChannel
 * @error: return location for a #GError
 *
 * Starts receiving messages.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_channel_start(CblueChannel *self, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_CHANNEL(self), FALSE);
	if (CBLUE_CHANNEL_GET_IFACE(self)->start == NULL)
		return TRUE;
	return CBLUE_CHANNEL_GET_IFACE(self)->start(self, error);
}

/**
 * cblue_channel_stop:
 * @self: a #CblueChannel
 *
 * Stops receiving messages.
 *
 * Since: 1.0
 */
void
cblue_channel_stop(CblueChannel *self)
{
	g_return_if_fail(CBLUE_IS_CHANNEL(self));
	if (CBLUE_CHANNEL_GET_IFACE(self)->stop != NULL)
		CBLUE_CHANNEL_GET_IFACE(self)->stop(self);
}

/**
 * cblue_channel_deliver:
 * @self: a #CblueChannel
 * @message: the message answered
 * @reply: the reply
 * @error: return location for a #GError
 *
 * Sends a reply to the customer.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_channel_deliver(CblueChannel *self, CblueMessage *message, CblueChatReply *reply, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_CHANNEL(self), FALSE);
	if (CBLUE_CHANNEL_GET_IFACE(self)->deliver == NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED, "channel cannot deliver");
		return FALSE;
	}
	return CBLUE_CHANNEL_GET_IFACE(self)->deliver(self, message, reply, error);
}

/**
 * cblue_channel_emit_message_received:
 * @self: a #CblueChannel
 * @message: the message
 *
 * Emits #CblueChannel::message-received; for channel implementations.
 *
 * Since: 1.0
 */
void
cblue_channel_emit_message_received(CblueChannel *self, CblueMessage *message)
{
	g_return_if_fail(CBLUE_IS_CHANNEL(self));
	g_signal_emit(self, signals[SIGNAL_MESSAGE_RECEIVED], 0, message);
}
