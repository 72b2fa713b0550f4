/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <pthread.h>
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
	gchar *context; /* owned, nullable: the conversation's state, carried by a queue */
	gchar *client_address; /* owned, nullable */
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
	g_free(self->client_address);
	g_free(self->channel);
	g_free(self->previous_topic_id);
	g_free(self->context);
	G_OBJECT_CLASS(cblue_message_parent_class)->finalize(object);
}

enum {
	SIGNAL_TOKEN,
	N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cblue_message_class_init(CblueMessageClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_message_finalize;

	/**
	 * CblueMessage::token:
	 * @self: the message
	 * @text: the next piece of the answer, valid UTF-8 (never a partial character)
	 *
	 * Streaming: a model provider that writes the answer piece by piece emits the pieces
	 * here as they arrive, so that a channel can show them at once (the WebSocket
	 * `token` frames, server-sent events). It is emitted on the thread, and from the
	 * thread-default main context, that called [method@Bot.ask_async]. The pieces are a
	 * preview: the text of the final [class@ChatReply] is authoritative (a provider that
	 * fails mid-stream is replaced by the extractive answer, and the reply says so).
	 * A provider may ask [method@Message.wants_tokens] whether anyone listens.
	 *
	 * Since: 1.0
	 */
	/* static scope: the text is not copied for the emission (it is emitted for every
	 * token of every stream); a handler that keeps it copies it */
	signals[SIGNAL_TOKEN] = g_signal_new("token", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
					     NULL, G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

/**
 * cblue_message_wants_tokens:
 * @self: a #CblueMessage
 *
 * Tells a model provider whether to stream: %TRUE if a handler is connected to
 * [signal@Message::token].
 *
 * Returns: %TRUE if the answer should be streamed
 *
 * Since: 1.0
 */
gboolean
cblue_message_wants_tokens(CblueMessage *self)
{
	g_return_val_if_fail(CBLUE_IS_MESSAGE(self), FALSE);
	return g_signal_has_handler_pending(self, signals[SIGNAL_TOKEN], 0, TRUE);
}

/**
 * cblue_message_emit_token:
 * @self: a #CblueMessage
 * @text: the next piece of the answer, valid UTF-8
 *
 * Emits [signal@Message::token]; for model providers.
 *
 * Since: 1.0
 */
void
cblue_message_emit_token(CblueMessage *self, const gchar *text)
{
	g_return_if_fail(CBLUE_IS_MESSAGE(self));
	g_return_if_fail(text != NULL);
	g_signal_emit(self, signals[SIGNAL_TOKEN], 0, text);
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
/* random bytes from the kernel's CSPRNG, fetched a few hundred at a time per thread: one
 * getrandom(2) call for many identifiers instead of one per identifier (a server makes
 * two or three per message) */
#define CBLUE_RANDOM_POOL_SIZE 512

typedef struct {
	guint8 bytes[CBLUE_RANDOM_POOL_SIZE];
	gsize used;
	gint generation; /* of cblue_random_generation when filled */
} CblueRandomPool;

/* a forked child must not hand out its parent's bytes again: fork() bumps the generation,
 * and a pool of an older generation is refilled */
static gint cblue_random_generation; /* atomic */

static void
cblue_random_after_fork(void)
{
	g_atomic_int_inc(&cblue_random_generation);
}

static void
cblue_random_pool_free(gpointer data)
{
	/* no unused random bytes stay behind in freed memory */
	memset(data, 0, sizeof(CblueRandomPool));
	g_free(data);
}

static GPrivate cblue_random_pool = G_PRIVATE_INIT(cblue_random_pool_free);

static void
cblue_random_bytes(guint8 *out, gsize n)
{
	static gsize atfork_once = 0;
	CblueRandomPool *pool = g_private_get(&cblue_random_pool);
	gint generation;

	g_assert(n <= CBLUE_RANDOM_POOL_SIZE);
	if (g_once_init_enter(&atfork_once)) {
		pthread_atfork(NULL, NULL, cblue_random_after_fork);
		g_once_init_leave(&atfork_once, 1);
	}
	if (pool == NULL) {
		pool = g_new0(CblueRandomPool, 1);
		pool->used = CBLUE_RANDOM_POOL_SIZE;
		g_private_set(&cblue_random_pool, pool);
	}
	generation = g_atomic_int_get(&cblue_random_generation);
	if (pool->used + n > CBLUE_RANDOM_POOL_SIZE || pool->generation != generation) {
		if (getrandom(pool->bytes, sizeof(pool->bytes), 0) != (gssize)sizeof(pool->bytes)) {
			/* getrandom(2) only fails before the kernel's pool is initialized at boot */
			for (gsize i = 0; i < sizeof(pool->bytes); i += 4) {
				guint32 r = g_random_int();
				memcpy(pool->bytes + i, &r, 4);
			}
		}
		pool->used = 0;
		pool->generation = generation;
	}
	memcpy(out, pool->bytes + pool->used, n);
	/* each byte is handed out once */
	memset(pool->bytes + pool->used, 0, n);
	pool->used += n;
}

gchar *
cblue_message_new_id(void)
{
	static const gchar hex[] = "0123456789abcdef";
	guint64 ms = (guint64)(g_get_real_time() / 1000);
	guint8 b[16];
	gchar *id = g_malloc(37);
	gchar *p = id;

	cblue_random_bytes(b, sizeof(b));
	for (guint i = 0; i < 6; i++)
		b[i] = (guint8)(ms >> (40 - 8 * i));
	b[6] = (guint8)(0x70 | (b[6] & 0x0F)); /* version 7 */
	b[8] = (guint8)(0x80 | (b[8] & 0x3F)); /* RFC 9562 variant */
	/* 8-4-4-4-12 lowercase hex digits */
	for (guint i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		*p++ = hex[b[i] >> 4];
		*p++ = hex[b[i] & 0x0F];
	}
	*p = '\0';
	return id;
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
 * cblue_message_set_message_id:
 * @self: a #CblueMessage
 * @message_id: the message id
 *
 * Replaces the message id, so that a job answered in another process (the Redis queue's
 * workers) keeps the id the API process gave it: a store records a message id once, which
 * makes a job delivered twice harmless.
 *
 * Since: 1.0
 */
void
cblue_message_set_message_id(CblueMessage *self, const gchar *message_id)
{
	g_return_if_fail(CBLUE_IS_MESSAGE(self));
	g_return_if_fail(message_id != NULL);
	g_free(self->message_id);
	self->message_id = g_strdup(message_id);
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
 * cblue_message_get_context:
 * @self: a #CblueMessage
 *
 * Returns: (nullable): the conversation's state as [method@ChatReply.get_context] gave it
 *   after the conversation's previous reply, or %NULL if the message does not carry it
 *
 * Since: 1.0
 */
const gchar *
cblue_message_get_context(CblueMessage *self)
{
	g_return_val_if_fail(CBLUE_IS_MESSAGE(self), NULL);
	return self->context;
}

/**
 * cblue_message_set_context:
 * @self: a #CblueMessage
 * @context: (nullable): the conversation's state, "" for a conversation without any, or
 *   %NULL
 *
 * Sets the conversation's state that the bot needs for this message (the topic last
 * answered, the options of a clarification still open), as [method@ChatReply.get_context]
 * gave it after the conversation's previous reply. A queue that sends a conversation's
 * messages to different processes carries it from reply to message, so that any process
 * answers a follow-up or a clarification's answer as the one that asked would. When it is
 * set, even to "", the bot takes the conversation's state from it alone, not from what its
 * own process remembers; with %NULL, from its own process. The string is opaque: what one
 * version of libcblue cannot read counts as no state.
 *
 * Since: 1.0
 */
void
cblue_message_set_context(CblueMessage *self, const gchar *context)
{
	g_return_if_fail(CBLUE_IS_MESSAGE(self));
	g_free(self->context);
	self->context = g_strdup(context);
}

/**
 * cblue_message_get_client_address:
 * @self: a #CblueMessage
 *
 * Returns: (nullable): the address of the client that sent the message, if known
 *
 * Since: 1.0
 */
const gchar *
cblue_message_get_client_address(CblueMessage *self)
{
	g_return_val_if_fail(CBLUE_IS_MESSAGE(self), NULL);
	return self->client_address;
}

/**
 * cblue_message_set_client_address:
 * @self: a #CblueMessage
 * @address: (nullable): the client's address, after trusted proxies
 *
 * Sets the address of the client, for limits that several processes share (the Redis
 * queue's per-address rate limit). It is never stored or logged with the message.
 *
 * Since: 1.0
 */
void
cblue_message_set_client_address(CblueMessage *self, const gchar *address)
{
	g_return_if_fail(CBLUE_IS_MESSAGE(self));
	g_free(self->client_address);
	self->client_address = g_strdup(address);
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
