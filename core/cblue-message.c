/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>
#include <sys/random.h>

#include "cblue-message.h"

/**
 * CblueMessage:
 *
 * One customer message on its way through the pipeline: the text (redacted once the
 * pipeline's redaction step has run), the language (requested by the client or detected),
 * the conversation and a fresh message id.
 *
 * Since: 1.0
 */
struct _CblueMessage {
	GObject parent_instance;
	gchar *text; /* owned */
	gchar *language; /* owned, nullable */
	gchar *conversation_id; /* owned, nullable */
	gchar *message_id; /* owned */
	gchar *channel; /* owned */
	gchar *previous_topic_id; /* owned, nullable */
	gint64 received_usec;
};

G_DEFINE_TYPE(CblueMessage, cblue_message, G_TYPE_OBJECT)

static void
cblue_message_finalize(GObject *object)
{
	CblueMessage *self = CBLUE_MESSAGE(object);
	g_free(self->text);
	g_free(self->language);
	g_free(self->conversation_id);
	g_free(self->message_id);
	g_free(self->channel);
	g_free(self->previous_topic_id);
	G_OBJECT_CLASS(cblue_message_parent_class)->finalize(object);
}

static void
cblue_message_class_init(CblueMessageClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_message_finalize;
}

/**
 * cblue_message_new_id:
 *
 * Generates a message or conversation identifier: a UUID version 7, whose first 48 bits
 * are the Unix time in milliseconds and 74 bits come from the kernel's CSPRNG
 * (getrandom(2)), so an identifier cannot be guessed (a conversation's history is served
 * to whoever knows its id). Time-ordered identifiers are appended at the end of the
 * stores' indexes instead of landing on a random page for every message.
 *
 * Returns: (transfer full): a new identifier such as `0193f1c2-7a4b-7c3d-9e8f-0123456789ab`
 *
 * Since: 1.0
 */
gchar *
cblue_message_new_id(void)
{
	guint64 ms = (guint64)(g_get_real_time() / 1000);
	guint8 b[16];

	if (getrandom(b, sizeof(b), 0) != (gssize)sizeof(b)) {
		/* getrandom(2) only fails before the kernel's pool is initialized at boot */
		for (guint i = 0; i < 16; i += 4) {
			guint32 r = g_random_int();
			memcpy(b + i, &r, 4);
		}
	}
	for (guint i = 0; i < 6; i++)
		b[i] = (guint8)(ms >> (40 - 8 * i));
	b[6] = (guint8)(0x70 | (b[6] & 0x0F)); /* version 7 */
	b[8] = (guint8)(0x80 | (b[8] & 0x3F)); /* RFC 9562 variant */
	return g_strdup_printf("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
			       b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

static void
cblue_message_init(CblueMessage *self)
{
	self->message_id = cblue_message_new_id();
	self->channel = g_strdup("api");
	self->received_usec = g_get_monotonic_time();
}

/**
 * cblue_message_new:
 * @text: the customer's text, UTF-8
 *
 * Returns: (transfer full): a new #CblueMessage with a fresh message id
 *
 * Since: 1.0
 */
CblueMessage *
cblue_message_new(const gchar *text)
{
	CblueMessage *self = g_object_new(CBLUE_TYPE_MESSAGE, NULL);
	self->text = g_strdup(text != NULL ? text : "");
	return self;
}

/**
 * cblue_message_get_text:
 * @self: a #CblueMessage
 *
 * Returns: the text
 *
 * Since: 1.0
 */
const gchar *
cblue_message_get_text(CblueMessage *self)
{
	g_return_val_if_fail(CBLUE_IS_MESSAGE(self), NULL);
	return self->text;
}

/**
 * cblue_message_set_text:
 * @self: a #CblueMessage
 * @text: the text
 *
 * Replaces the text, e.g. with its redacted form.
 *
 * Since: 1.0
 */
void
cblue_message_set_text(CblueMessage *self, const gchar *text)
{
	g_return_if_fail(CBLUE_IS_MESSAGE(self));
	g_return_if_fail(text != NULL);
	g_free(self->text);
	self->text = g_strdup(text);
}

/**
 * cblue_message_get_language:
 * @self: a #CblueMessage
 *
 * Returns: (nullable): the language, or %NULL before detection if none was requested
 *
 * Since: 1.0
 */
const gchar *
cblue_message_get_language(CblueMessage *self)
{
	g_return_val_if_fail(CBLUE_IS_MESSAGE(self), NULL);
	return self->language;
}

/**
 * cblue_message_set_language:
 * @self: a #CblueMessage
 * @language: (nullable): a language code
 *
 * Sets the language of the message (and of the reply).
 *
 * Since: 1.0
 */
void
cblue_message_set_language(CblueMessage *self, const gchar *language)
{
	g_return_if_fail(CBLUE_IS_MESSAGE(self));
	g_free(self->language);
	self->language = g_strdup(language);
}

/**
 * cblue_message_get_conversation_id:
 * @self: a #CblueMessage
 *
 * Returns: (nullable): the conversation id
 *
 * Since: 1.0
 */
const gchar *
cblue_message_get_conversation_id(CblueMessage *self)
{
	g_return_val_if_fail(CBLUE_IS_MESSAGE(self), NULL);
	return self->conversation_id;
}

/**
 * cblue_message_set_conversation_id:
 * @self: a #CblueMessage
 * @conversation_id: (nullable): the conversation id
 *
 * Sets the conversation the message belongs to.
 *
 * Since: 1.0
 */
void
cblue_message_set_conversation_id(CblueMessage *self, const gchar *conversation_id)
{
	g_return_if_fail(CBLUE_IS_MESSAGE(self));
	g_free(self->conversation_id);
	self->conversation_id = g_strdup(conversation_id);
}

/**
 * cblue_message_get_message_id:
 * @self: a #CblueMessage
 *
 * Returns: the message id, a random UUID
 *
 * Since: 1.0
 */
const gchar *
cblue_message_get_message_id(CblueMessage *self)
{
	g_return_val_if_fail(CBLUE_IS_MESSAGE(self), NULL);
	return self->message_id;
}

/**
 * cblue_message_get_channel:
 * @self: a #CblueMessage
 *
 * Returns: the channel the message came from, e.g. `api`, `cli`, `web`
 *
 * Since: 1.0
 */
const gchar *
cblue_message_get_channel(CblueMessage *self)
{
	g_return_val_if_fail(CBLUE_IS_MESSAGE(self), NULL);
	return self->channel;
}

/**
 * cblue_message_set_channel:
 * @self: a #CblueMessage
 * @channel: a channel name
 *
 * Sets the channel.
 *
 * Since: 1.0
 */
void
cblue_message_set_channel(CblueMessage *self, const gchar *channel)
{
	g_return_if_fail(CBLUE_IS_MESSAGE(self));
	g_return_if_fail(channel != NULL);
	g_free(self->channel);
	self->channel = g_strdup(channel);
}

/**
 * cblue_message_get_previous_topic_id:
 * @self: a #CblueMessage
 *
 * Returns: (nullable): the topic the conversation was last answered from
 *
 * Since: 1.0
 */
const gchar *
cblue_message_get_previous_topic_id(CblueMessage *self)
{
	g_return_val_if_fail(CBLUE_IS_MESSAGE(self), NULL);
	return self->previous_topic_id;
}

/**
 * cblue_message_set_previous_topic_id:
 * @self: a #CblueMessage
 * @topic_id: (nullable): a topic id
 *
 * Sets the conversation context: the topic of the previous answer, for follow-up
 * questions.
 *
 * Since: 1.0
 */
void
cblue_message_set_previous_topic_id(CblueMessage *self, const gchar *topic_id)
{
	g_return_if_fail(CBLUE_IS_MESSAGE(self));
	g_free(self->previous_topic_id);
	self->previous_topic_id = g_strdup(topic_id);
}

/**
 * cblue_message_get_received_usec:
 * @self: a #CblueMessage
 *
 * Returns: the monotonic time the message was created, in microseconds
 *
 * Since: 1.0
 */
gint64
cblue_message_get_received_usec(CblueMessage *self)
{
	g_return_val_if_fail(CBLUE_IS_MESSAGE(self), 0);
	return self->received_usec;
}
