/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cblue-chat-reply-private.h"
#include "cblue-chat-reply.h"
#include "cblue-json-private.h"

/**
 * CblueChatReply:
 *
 * The bot's reply to one message, serialized as the reply object of the HTTP contract:
 * `{"conversation_id", "message_id", "reply", "language", "topic_id", "sources":
 * [{"topic_id", "score"}], "pii_redacted", "outcome", "confidence"}`.
 *
 * Since: 1.0
 */
struct _CblueChatReply {
	GObject parent_instance;
	gchar *conversation_id; /* owned, nullable */
	gchar *message_id; /* owned, nullable */
	gchar *text; /* owned */
	gchar *language; /* owned */
	gchar *topic_id; /* owned, nullable */
	gchar *second_topic_id; /* owned, nullable: the topic of a second question answered after it */
	GArray *source_values; /* owned: of CblueReplySource, every source */
	GPtrArray *sources; /* owned, nullable: of CblueHit, made by the first cblue_chat_reply_get_sources() */
	CblueOutcome outcome;
	gdouble confidence;
	GArray *decision_features; /* owned, nullable: of gdouble */
	gdouble decision_probability; /* < 0: no decision model decided */
	gboolean pii_redacted;
	gboolean small_talk;
	gchar *declined; /* owned, nullable: the service asked for that the business does not offer */
	GStrv product_choices; /* owned, nullable: the topics of distinct products a question naming none may mean */
	GStrv pii_types; /* owned, never NULL */
	gchar *context; /* owned, nullable: the conversation's state after this reply */
	gint64 duration_usec;
	GArray *stages; /* owned, nullable: of CblueReplyStage, in the order they ran */
};

typedef struct {
	const gchar *stage; /* interned */
	gint64 usec;
} CblueReplyStage;

/* a source as the bot gives it: most replies are sent and freed without anyone asking for
 * their sources as CblueHit objects, which cost about 3k instructions each */
typedef struct {
	gchar *topic_id; /* owned */
	gdouble score;
	gdouble confidence;
} CblueReplySource;

static void
cblue_reply_source_clear(gpointer data)
{
	g_free(((CblueReplySource *)data)->topic_id);
}

G_DEFINE_TYPE(CblueChatReply, cblue_chat_reply, G_TYPE_OBJECT)

/**
 * cblue_outcome_to_string:
 * @outcome: a #CblueOutcome
 *
 * Returns: the stable name, `answered`, `clarify` or `unanswered`
 *
 * Since: 1.0
 */
const gchar *
cblue_outcome_to_string(CblueOutcome outcome)
{
	switch (outcome) {
	case CBLUE_OUTCOME_ANSWERED:
		return "answered";
	case CBLUE_OUTCOME_CLARIFY:
		return "clarify";
	case CBLUE_OUTCOME_UNANSWERED:
	default:
		return "unanswered";
	}
}

/* "%.3f" of @value clamped to [0, 1], as g_ascii_formatd() prints it, without its cost
 * (a locale-independent printf, about 1,600 instructions, four times per reply) */
static void
cblue_json_append_score(GString *out, gdouble value)
{
	gdouble clamped = CLAMP(value, 0.0, 1.0);
	gdouble scaled = clamped * 1000.0;
	gdouble whole = floor(scaled);
	guint thousandths;
	gchar buf[G_ASCII_DTOSTR_BUF_SIZE];

	/* NaN, -0 and near-ties (x.5 thousandths) are left to printf, whose correct rounding
	 * of the exact binary value decides a tie; elsewhere the product's rounding error
	 * (< 1e-13) cannot change the result */
	if (!(clamped >= 0.0 && clamped <= 1.0) || signbit(clamped) || fabs(scaled - whole - 0.5) < 1e-6) {
		cblue_string_put_str(out, g_ascii_formatd(buf, sizeof(buf), "%.3f", clamped));
		return;
	}
	thousandths = (guint)whole + (scaled - whole > 0.5 ? 1 : 0);
	buf[0] = (gchar)('0' + thousandths / 1000);
	buf[1] = '.';
	buf[2] = (gchar)('0' + thousandths / 100 % 10);
	buf[3] = (gchar)('0' + thousandths / 10 % 10);
	buf[4] = (gchar)('0' + thousandths % 10);
	cblue_string_put(out, buf, 5);
}

static void
cblue_chat_reply_finalize(GObject *object)
{
	CblueChatReply *self = CBLUE_CHAT_REPLY(object);
	g_free(self->conversation_id);
	g_free(self->message_id);
	g_free(self->text);
	g_free(self->language);
	g_free(self->topic_id);
	g_free(self->second_topic_id);
	g_free(self->declined);
	g_strfreev(self->product_choices);
	g_free(self->context);
	g_array_unref(self->source_values);
	g_clear_pointer(&self->sources, g_ptr_array_unref);
	g_strfreev(self->pii_types);
	g_clear_pointer(&self->stages, g_array_unref);
	g_clear_pointer(&self->decision_features, g_array_unref);
	G_OBJECT_CLASS(cblue_chat_reply_parent_class)->finalize(object);
}

static void
cblue_chat_reply_class_init(CblueChatReplyClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_chat_reply_finalize;
}

static void
cblue_chat_reply_init(CblueChatReply *self)
{
	self->decision_probability = -1;
	self->text = g_strdup("");
	self->language = g_strdup("en");
	/* the bot gives a reply its best three hits */
	self->source_values = g_array_sized_new(FALSE, FALSE, sizeof(CblueReplySource), 3);
	g_array_set_clear_func(self->source_values, cblue_reply_source_clear);
	self->pii_types = g_new0(gchar *, 1);
	self->outcome = CBLUE_OUTCOME_UNANSWERED;
}

/**
 * cblue_chat_reply_new:
 *
 * Returns: (transfer full): a new, empty #CblueChatReply
 *
 * Since: 1.0
 */
CblueChatReply *
cblue_chat_reply_new(void)
{
	return g_object_new(CBLUE_TYPE_CHAT_REPLY, NULL);
}

#define CBLUE_REPLY_STRING_ACCESSORS(field)                                                                  \
	const gchar *cblue_chat_reply_get_##field(CblueChatReply *self)                                    \
	{                                                                                                  \
		g_return_val_if_fail(CBLUE_IS_CHAT_REPLY(self), NULL);                                     \
		return self->field;                                                                        \
	}                                                                                                  \
	void cblue_chat_reply_set_##field(CblueChatReply *self, const gchar *field)                        \
	{                                                                                                  \
		g_return_if_fail(CBLUE_IS_CHAT_REPLY(self));                                               \
		g_free(self->field);                                                                       \
		self->field = g_strdup(field);                                                             \
	}

/**
 * cblue_chat_reply_get_conversation_id:
 * @self: a #CblueChatReply
 *
 * Returns: (nullable): the conversation id
 *
 * Since: 1.0
 */
/**
 * cblue_chat_reply_set_conversation_id:
 * @self: a #CblueChatReply
 * @conversation_id: (nullable): the conversation id
 *
 * Sets the conversation id.
 *
 * Since: 1.0
 */
CBLUE_REPLY_STRING_ACCESSORS(conversation_id)

/**
 * cblue_chat_reply_get_message_id:
 * @self: a #CblueChatReply
 *
 * Returns: (nullable): the id of the message answered
 *
 * Since: 1.0
 */
/**
 * cblue_chat_reply_set_message_id:
 * @self: a #CblueChatReply
 * @message_id: (nullable): the message id
 *
 * Sets the id of the message answered, used for feedback.
 *
 * Since: 1.0
 */
CBLUE_REPLY_STRING_ACCESSORS(message_id)

/**
 * cblue_chat_reply_get_language:
 * @self: a #CblueChatReply
 *
 * Returns: the language of the reply
 *
 * Since: 1.0
 */
/**
 * cblue_chat_reply_set_language:
 * @self: a #CblueChatReply
 * @language: a language code
 *
 * Sets the language of the reply.
 *
 * Since: 1.0
 */
CBLUE_REPLY_STRING_ACCESSORS(language)

/**
 * cblue_chat_reply_get_topic_id:
 * @self: a #CblueChatReply
 *
 * Returns: (nullable): the topic answered from, or %NULL
 *
 * Since: 1.0
 */
/**
 * cblue_chat_reply_set_topic_id:
 * @self: a #CblueChatReply
 * @topic_id: (nullable): the topic id
 *
 * Sets the topic answered from.
 *
 * Since: 1.0
 */
CBLUE_REPLY_STRING_ACCESSORS(topic_id)

/**
 * cblue_chat_reply_get_second_topic_id:
 * @self: a #CblueChatReply
 *
 * The topic of a second question the message asked, answered after the reply's topic
 * ([method@ChatReply.get_topic_id], which stays the main one): "How much is a 5 kW system? How
 * long does installation take?" answers the price and then the installation steps. The
 * second topic is one of the reply's sources.
 *
 * Returns: (nullable): the second topic answered, or %NULL if the reply answers one
 *
 * Since: 1.0
 */
/**
 * cblue_chat_reply_set_second_topic_id:
 * @self: a #CblueChatReply
 * @second_topic_id: (nullable): the topic id
 *
 * Sets the topic of a second question answered; see [method@ChatReply.get_second_topic_id].
 *
 * Since: 1.0
 */
CBLUE_REPLY_STRING_ACCESSORS(second_topic_id)

/**
 * cblue_chat_reply_get_text:
 * @self: a #CblueChatReply
 *
 * Returns: the reply text
 *
 * Since: 1.0
 */
const gchar *
cblue_chat_reply_get_text(CblueChatReply *self)
{
	g_return_val_if_fail(CBLUE_IS_CHAT_REPLY(self), NULL);
	return self->text;
}

/**
 * cblue_chat_reply_set_text:
 * @self: a #CblueChatReply
 * @text: the reply text
 *
 * Sets the reply text.
 *
 * Since: 1.0
 */
void
cblue_chat_reply_set_text(CblueChatReply *self, const gchar *text)
{
	g_return_if_fail(CBLUE_IS_CHAT_REPLY(self));
	g_free(self->text);
	self->text = g_strdup(text != NULL ? text : "");
}

/**
 * cblue_chat_reply_get_sources:
 * @self: a #CblueChatReply
 *
 * Returns: (transfer none) (element-type CblueHit): the KB topics the reply is based on
 *
 * Since: 1.0
 */
GPtrArray *
cblue_chat_reply_get_sources(CblueChatReply *self)
{
	g_return_val_if_fail(CBLUE_IS_CHAT_REPLY(self), NULL);
	/* made on first use from what the bot gave (cblue_chat_reply_add_source_values()) */
	if (self->sources == NULL) {
		self->sources = g_ptr_array_new_full(self->source_values->len, g_object_unref);
		for (guint i = 0; i < self->source_values->len; i++) {
			const CblueReplySource *source = &g_array_index(self->source_values, CblueReplySource, i);
			g_ptr_array_add(self->sources,
					cblue_hit_new(source->topic_id, source->score, source->confidence));
		}
	}
	return self->sources;
}

/* a source without a CblueHit (cblue-chat-reply-private.h) */
void
cblue_chat_reply_add_source_values(CblueChatReply *self, const gchar *topic_id, gdouble score, gdouble confidence)
{
	CblueReplySource source = {g_strdup(topic_id), score, CLAMP(confidence, 0.0, 1.0)};

	g_return_if_fail(CBLUE_IS_CHAT_REPLY(self));
	g_return_if_fail(topic_id != NULL);
	g_array_append_val(self->source_values, source);
	if (self->sources != NULL)
		g_ptr_array_add(self->sources, cblue_hit_new(topic_id, score, confidence));
}

/* @topic_id among the sources, in place of the last when there are @max already
 * (cblue-chat-reply-private.h) */
void
cblue_chat_reply_put_source_values(CblueChatReply *self, const gchar *topic_id, gdouble score, gdouble confidence,
				   guint max)
{
	g_return_if_fail(CBLUE_IS_CHAT_REPLY(self));
	g_return_if_fail(topic_id != NULL && max > 0);
	if (self->source_values->len >= max) {
		g_array_set_size(self->source_values, max - 1);
		if (self->sources != NULL && self->sources->len >= max)
			g_ptr_array_set_size(self->sources, max - 1);
	}
	cblue_chat_reply_add_source_values(self, topic_id, score, confidence);
}

/**
 * cblue_chat_reply_add_source:
 * @self: a #CblueChatReply
 * @hit: a hit
 *
 * Adds a source topic.
 *
 * Since: 1.0
 */
void
cblue_chat_reply_add_source(CblueChatReply *self, CblueHit *hit)
{
	CblueReplySource source;

	g_return_if_fail(CBLUE_IS_CHAT_REPLY(self));
	g_return_if_fail(CBLUE_IS_HIT(hit));
	/* the hit itself is the source that cblue_chat_reply_get_sources() returns */
	cblue_chat_reply_get_sources(self);
	source.topic_id = g_strdup(cblue_hit_get_topic_id(hit));
	source.score = cblue_hit_get_score(hit);
	source.confidence = cblue_hit_get_confidence(hit);
	g_array_append_val(self->source_values, source);
	g_ptr_array_add(self->sources, g_object_ref(hit));
}

/**
 * cblue_chat_reply_get_outcome:
 * @self: a #CblueChatReply
 *
 * Returns: what the bot did
 *
 * Since: 1.0
 */
CblueOutcome
cblue_chat_reply_get_outcome(CblueChatReply *self)
{
	g_return_val_if_fail(CBLUE_IS_CHAT_REPLY(self), CBLUE_OUTCOME_UNANSWERED);
	return self->outcome;
}

/**
 * cblue_chat_reply_set_outcome:
 * @self: a #CblueChatReply
 * @outcome: the outcome
 *
 * Sets the outcome.
 *
 * Since: 1.0
 */
void
cblue_chat_reply_set_outcome(CblueChatReply *self, CblueOutcome outcome)
{
	g_return_if_fail(CBLUE_IS_CHAT_REPLY(self));
	self->outcome = outcome;
}

/**
 * cblue_chat_reply_get_confidence:
 * @self: a #CblueChatReply
 *
 * Returns: the confidence of the decision, 0 to 1
 *
 * Since: 1.0
 */
gdouble
cblue_chat_reply_get_confidence(CblueChatReply *self)
{
	g_return_val_if_fail(CBLUE_IS_CHAT_REPLY(self), 0);
	return self->confidence;
}

/**
 * cblue_chat_reply_set_confidence:
 * @self: a #CblueChatReply
 * @confidence: 0 to 1
 *
 * Sets the confidence.
 *
 * Since: 1.0
 */
void
cblue_chat_reply_set_confidence(CblueChatReply *self, gdouble confidence)
{
	g_return_if_fail(CBLUE_IS_CHAT_REPLY(self));
	self->confidence = CLAMP(confidence, 0.0, 1.0);
}

/**
 * cblue_chat_reply_get_decision_features:
 * @self: a #CblueChatReply
 * @n_features: (out): return location for the number of features
 *
 * The features of the best topic that the bot's decision model read (for each
 * retriever, ordered by plugin name: the topic's confidence and the natural logarithm of
 * its score plus 0.001; then the natural logarithm of the question's length in
 * characters and its square), so that `cblue eval --calibrate` can learn the model's weights
 * (`[bot] decision_weights_<language>`) from labelled questions.
 *
 * Returns: (array length=n_features) (transfer none) (nullable): the features, or %NULL
 *   if the bot found no topic or a retriever failed
 *
 * Since: 1.0
 */
const gdouble *
cblue_chat_reply_get_decision_features(CblueChatReply *self, gsize *n_features)
{
	g_return_val_if_fail(CBLUE_IS_CHAT_REPLY(self), NULL);
	g_return_val_if_fail(n_features != NULL, NULL);
	if (self->decision_features == NULL) {
		*n_features = 0;
		return NULL;
	}
	*n_features = self->decision_features->len;
	return (const gdouble *)self->decision_features->data;
}

/**
 * cblue_chat_reply_get_decision_probability:
 * @self: a #CblueChatReply
 *
 * Returns: the probability that the question is in scope according to the bot's decision
 *   model (`[bot] decision_weights_<language>`), which the decision compared with
 *   `[bot] decision_threshold`; -1 if no model decided (the fused confidence did)
 *
 * Since: 1.0
 */
gdouble
cblue_chat_reply_get_decision_probability(CblueChatReply *self)
{
	g_return_val_if_fail(CBLUE_IS_CHAT_REPLY(self), -1);
	return self->decision_probability;
}

/**
 * cblue_chat_reply_set_decision_probability:
 * @self: a #CblueChatReply
 * @probability: 0 to 1, or -1 if no decision model decided
 *
 * Sets the decision model's probability; see [method@ChatReply.get_decision_probability].
 *
 * Since: 1.0
 */
void
cblue_chat_reply_set_decision_probability(CblueChatReply *self, gdouble probability)
{
	g_return_if_fail(CBLUE_IS_CHAT_REPLY(self));
	self->decision_probability = probability < 0 ? -1 : MIN(probability, 1.0);
}

/**
 * cblue_chat_reply_set_decision_features:
 * @self: a #CblueChatReply
 * @features: (array length=n_features) (nullable): the features, copied
 * @n_features: the number of features
 *
 * Sets the features of the decision; see [method@ChatReply.get_decision_features].
 *
 * Since: 1.0
 */
void
cblue_chat_reply_set_decision_features(CblueChatReply *self, const gdouble *features, gsize n_features)
{
	g_return_if_fail(CBLUE_IS_CHAT_REPLY(self));
	g_return_if_fail(features != NULL || n_features == 0);
	g_clear_pointer(&self->decision_features, g_array_unref);
	if (features == NULL)
		return;
	self->decision_features = g_array_sized_new(FALSE, FALSE, sizeof(gdouble), (guint)n_features);
	g_array_append_vals(self->decision_features, features, (guint)n_features);
}

/**
 * cblue_chat_reply_get_pii_redacted:
 * @self: a #CblueChatReply
 *
 * Returns: %TRUE if personal data was found in the message and redacted
 *
 * Since: 1.0
 */
gboolean
cblue_chat_reply_get_pii_redacted(CblueChatReply *self)
{
	g_return_val_if_fail(CBLUE_IS_CHAT_REPLY(self), FALSE);
	return self->pii_redacted;
}

/**
 * cblue_chat_reply_set_pii_redacted:
 * @self: a #CblueChatReply
 * @pii_redacted: whether personal data was redacted
 *
 * Sets whether personal data was redacted.
 *
 * Since: 1.0
 */
void
cblue_chat_reply_set_pii_redacted(CblueChatReply *self, gboolean pii_redacted)
{
	g_return_if_fail(CBLUE_IS_CHAT_REPLY(self));
	self->pii_redacted = pii_redacted;
}

/**
 * cblue_chat_reply_get_small_talk:
 * @self: a #CblueChatReply
 *
 * Whether the message was only small talk (a greeting, thanks or goodbye), answered with
 * the canned reply of its kind. Its outcome is %CBLUE_OUTCOME_UNANSWERED (no topic was
 * answered), but it is no question for the unanswered inbox.
 *
 * Returns: %TRUE if the message was small talk
 *
 * Since: 1.0
 */
gboolean
cblue_chat_reply_get_small_talk(CblueChatReply *self)
{
	g_return_val_if_fail(CBLUE_IS_CHAT_REPLY(self), FALSE);
	return self->small_talk;
}

/**
 * cblue_chat_reply_set_small_talk:
 * @self: a #CblueChatReply
 * @small_talk: whether the message was only small talk
 *
 * Sets whether the message was only small talk; see [method@ChatReply.get_small_talk].
 *
 * Since: 1.0
 */
void
cblue_chat_reply_set_small_talk(CblueChatReply *self, gboolean small_talk)
{
	g_return_if_fail(CBLUE_IS_CHAT_REPLY(self));
	self->small_talk = small_talk;
}

/**
 * cblue_chat_reply_get_declined:
 * @self: a #CblueChatReply
 *
 * The service the message asked for that the business does not offer (a line of the
 * declined services' lists, `data/declined/` and `<data_dir>/declined/`), by the name the
 * list gives it. Such a message gets the `declined` canned reply; its outcome is
 * %CBLUE_OUTCOME_UNANSWERED and it is recorded as unanswered.
 *
 * Returns: (nullable): the declined service's name, or %NULL if the message asked for none
 *
 * Since: 1.0
 */
const gchar *
cblue_chat_reply_get_declined(CblueChatReply *self)
{
	g_return_val_if_fail(CBLUE_IS_CHAT_REPLY(self), NULL);
	return self->declined;
}

/**
 * cblue_chat_reply_set_declined:
 * @self: a #CblueChatReply
 * @service: (nullable): the declined service's name, or %NULL
 *
 * Sets the service the message asked for that the business does not offer; see
 * [method@ChatReply.get_declined].
 *
 * Since: 1.0
 */
void
cblue_chat_reply_set_declined(CblueChatReply *self, const gchar *service)
{
	g_return_if_fail(CBLUE_IS_CHAT_REPLY(self));
	g_free(self->declined);
	self->declined = g_strdup(service);
}

/**
 * cblue_chat_reply_get_product_choices:
 * @self: a #CblueChatReply
 *
 * The topics, of distinct products, that a question naming no product may mean: the
 * question's words are all in each of them, none of its words is in one and not the others,
 * and they score alike (`[bot] product_margin`). Set for a first message, not a follow-up in
 * a conversation (the previous topic names the product). When the question is in scope, its
 * outcome is %CBLUE_OUTCOME_CLARIFY and the reply asks which of these topics was meant; set
 * even when it is not, so that an evaluation can replay the decision at other thresholds.
 *
 * Returns: (nullable) (array zero-terminated=1) (transfer none): two or three topic ids,
 *   best first, or %NULL if the question names its product or has one answer
 *
 * Since: 1.0
 */
const gchar *const *
cblue_chat_reply_get_product_choices(CblueChatReply *self)
{
	g_return_val_if_fail(CBLUE_IS_CHAT_REPLY(self), NULL);
	return (const gchar *const *)self->product_choices;
}

/**
 * cblue_chat_reply_set_product_choices:
 * @self: a #CblueChatReply
 * @topic_ids: (nullable) (array zero-terminated=1): the topic ids, or %NULL
 *
 * Sets the topics of distinct products that a question naming none may mean; see
 * [method@ChatReply.get_product_choices].
 *
 * Since: 1.0
 */
void
cblue_chat_reply_set_product_choices(CblueChatReply *self, const gchar *const *topic_ids)
{
	g_return_if_fail(CBLUE_IS_CHAT_REPLY(self));
	g_strfreev(self->product_choices);
	self->product_choices = topic_ids != NULL ? g_strdupv((gchar **)topic_ids) : NULL;
}

/**
 * cblue_chat_reply_get_context:
 * @self: a #CblueChatReply
 *
 * The conversation's state after this reply (the topics last answered, the options of a
 * clarification still open), as an opaque string for [method@Message.set_context] of the
 * conversation's next message: what a queue carries when another process may answer it.
 *
 * Returns: (nullable): the state, "" for none, or %NULL if the bot did not say
 *
 * Since: 1.0
 */
const gchar *
cblue_chat_reply_get_context(CblueChatReply *self)
{
	g_return_val_if_fail(CBLUE_IS_CHAT_REPLY(self), NULL);
	return self->context;
}

/**
 * cblue_chat_reply_set_context:
 * @self: a #CblueChatReply
 * @context: (nullable): the conversation's state, or %NULL
 *
 * Sets the conversation's state after this reply; see [method@ChatReply.get_context].
 *
 * Since: 1.0
 */
void
cblue_chat_reply_set_context(CblueChatReply *self, const gchar *context)
{
	g_return_if_fail(CBLUE_IS_CHAT_REPLY(self));
	g_free(self->context);
	self->context = g_strdup(context);
}

static gint
cblue_str_ptr_compare(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(*(const gchar *const *)a, *(const gchar *const *)b);
}

/**
 * cblue_chat_reply_get_pii_types:
 * @self: a #CblueChatReply
 *
 * Gets the types of personal data found in the message, e.g. `PHONE` and `TH_ID`; never
 * the values. They are recorded with the conversation but are not part of the HTTP
 * reply, which only says `pii_redacted`.
 *
 * Returns: (transfer none) (array zero-terminated=1): the types, sorted, possibly none
 *
 * Since: 1.0
 */
const gchar *const *
cblue_chat_reply_get_pii_types(CblueChatReply *self)
{
	g_return_val_if_fail(CBLUE_IS_CHAT_REPLY(self), NULL);
	return (const gchar *const *)self->pii_types;
}

/**
 * cblue_chat_reply_set_pii_types:
 * @self: a #CblueChatReply
 * @pii_types: (nullable) (array zero-terminated=1): the types found
 *
 * Sets the types of personal data found in the message; they are stored sorted and
 * once each. A non-empty list also sets [method@ChatReply.set_pii_redacted].
 *
 * Since: 1.0
 */
void
cblue_chat_reply_set_pii_types(CblueChatReply *self, const gchar *const *pii_types)
{
	g_autoptr(GPtrArray) types = g_ptr_array_new();
	g_return_if_fail(CBLUE_IS_CHAT_REPLY(self));
	for (guint i = 0; pii_types != NULL && pii_types[i] != NULL; i++) {
		if (!g_ptr_array_find_with_equal_func(types, pii_types[i], g_str_equal, NULL))
			g_ptr_array_add(types, g_strdup(pii_types[i]));
	}
	g_ptr_array_sort(types, cblue_str_ptr_compare);
	g_ptr_array_add(types, NULL);
	g_strfreev(self->pii_types);
	self->pii_types = (GStrv)g_ptr_array_free(g_steal_pointer(&types), FALSE);
	if (self->pii_types[0] != NULL)
		self->pii_redacted = TRUE;
}

/**
 * cblue_chat_reply_get_duration_usec:
 * @self: a #CblueChatReply
 *
 * Returns: the time the pipeline took, in microseconds
 *
 * Since: 1.0
 */
gint64
cblue_chat_reply_get_duration_usec(CblueChatReply *self)
{
	g_return_val_if_fail(CBLUE_IS_CHAT_REPLY(self), 0);
	return self->duration_usec;
}

/**
 * cblue_chat_reply_set_duration_usec:
 * @self: a #CblueChatReply
 * @duration_usec: microseconds
 *
 * Sets the time the pipeline took.
 *
 * Since: 1.0
 */
void
cblue_chat_reply_set_duration_usec(CblueChatReply *self, gint64 duration_usec)
{
	g_return_if_fail(CBLUE_IS_CHAT_REPLY(self));
	self->duration_usec = duration_usec;
}

/**
 * cblue_chat_reply_to_json:
 * @self: a #CblueChatReply
 *
 * Serializes the reply as in the HTTP contract.
 *
 * Returns: (transfer full): a JSON object node
 *
 * Since: 1.0
 */
JsonNode *
cblue_chat_reply_to_json(CblueChatReply *self)
{
	g_autoptr(JsonBuilder) builder = json_builder_new_immutable();

	g_return_val_if_fail(CBLUE_IS_CHAT_REPLY(self), NULL);

	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "conversation_id");
	if (self->conversation_id != NULL)
		json_builder_add_string_value(builder, self->conversation_id);
	else
		json_builder_add_null_value(builder);
	json_builder_set_member_name(builder, "message_id");
	if (self->message_id != NULL)
		json_builder_add_string_value(builder, self->message_id);
	else
		json_builder_add_null_value(builder);
	json_builder_set_member_name(builder, "reply");
	json_builder_add_string_value(builder, self->text);
	json_builder_set_member_name(builder, "language");
	json_builder_add_string_value(builder, self->language);
	json_builder_set_member_name(builder, "topic_id");
	if (self->topic_id != NULL)
		json_builder_add_string_value(builder, self->topic_id);
	else
		json_builder_add_null_value(builder);
	if (self->second_topic_id != NULL) {
		json_builder_set_member_name(builder, "second_topic_id");
		json_builder_add_string_value(builder, self->second_topic_id);
	}
	json_builder_set_member_name(builder, "sources");
	json_builder_begin_array(builder);
	for (guint i = 0; i < self->source_values->len; i++) {
		const CblueReplySource *source = &g_array_index(self->source_values, CblueReplySource, i);
		json_builder_begin_object(builder);
		json_builder_set_member_name(builder, "topic_id");
		json_builder_add_string_value(builder, source->topic_id);
		json_builder_set_member_name(builder, "score");
		json_builder_add_double_value(builder, source->confidence);
		json_builder_end_object(builder);
	}
	json_builder_end_array(builder);
	json_builder_set_member_name(builder, "pii_redacted");
	json_builder_add_boolean_value(builder, self->pii_redacted);
	json_builder_set_member_name(builder, "outcome");
	json_builder_add_string_value(builder, cblue_outcome_to_string(self->outcome));
	json_builder_set_member_name(builder, "confidence");
	json_builder_add_double_value(builder, self->confidence);
	json_builder_end_object(builder);
	return json_builder_get_root(builder);
}

/**
 * cblue_chat_reply_to_string:
 * @self: a #CblueChatReply
 *
 * Serializes the reply as compact JSON on one line.
 *
 * Returns: (transfer full): JSON text
 *
 * Since: 1.0
 */
gchar *
cblue_chat_reply_to_string(CblueChatReply *self)
{
	/* written by hand rather than through JsonGenerator: it is on the hot path of every
	 * reply, and scores are printed with 3 decimals instead of 17 digits */
	GString *out;

	g_return_val_if_fail(CBLUE_IS_CHAT_REPLY(self), NULL);
	/* the fixed members, the text, and a source's topic id and score: grown once at most */
	out = g_string_sized_new(256 + strlen(self->text) + 64 * self->source_values->len);
	CBLUE_STRING_PUT_LITERAL(out, "{\"conversation_id\":");
	cblue_json_append_string(out, self->conversation_id);
	CBLUE_STRING_PUT_LITERAL(out, ",\"message_id\":");
	cblue_json_append_string(out, self->message_id);
	CBLUE_STRING_PUT_LITERAL(out, ",\"reply\":");
	cblue_json_append_string(out, self->text);
	CBLUE_STRING_PUT_LITERAL(out, ",\"language\":");
	cblue_json_append_string(out, self->language);
	CBLUE_STRING_PUT_LITERAL(out, ",\"topic_id\":");
	cblue_json_append_string(out, self->topic_id);
	/* only a reply that answers two questions has it */
	if (self->second_topic_id != NULL) {
		CBLUE_STRING_PUT_LITERAL(out, ",\"second_topic_id\":");
		cblue_json_append_string(out, self->second_topic_id);
	}
	CBLUE_STRING_PUT_LITERAL(out, ",\"sources\":[");
	for (guint i = 0; i < self->source_values->len; i++) {
		const CblueReplySource *source = &g_array_index(self->source_values, CblueReplySource, i);
		if (i > 0)
			CBLUE_STRING_PUT_LITERAL(out, ",");
		CBLUE_STRING_PUT_LITERAL(out, "{\"topic_id\":");
		cblue_json_append_string(out, source->topic_id);
		CBLUE_STRING_PUT_LITERAL(out, ",\"score\":");
		cblue_json_append_score(out, source->confidence);
		g_string_append_c(out, '}');
	}
	CBLUE_STRING_PUT_LITERAL(out, "],\"pii_redacted\":");
	if (self->pii_redacted)
		CBLUE_STRING_PUT_LITERAL(out, "true");
	else
		CBLUE_STRING_PUT_LITERAL(out, "false");
	CBLUE_STRING_PUT_LITERAL(out, ",\"outcome\":");
	cblue_json_append_string(out, cblue_outcome_to_string(self->outcome));
	CBLUE_STRING_PUT_LITERAL(out, ",\"confidence\":");
	cblue_json_append_score(out, self->confidence);
	g_string_append_c(out, '}');
	return g_string_free(out, FALSE);
}

/* the timings of the pipeline's stages (cblue-chat-reply-private.h) */

void
cblue_chat_reply_add_stage_usec(CblueChatReply *self, const gchar *stage, gint64 usec)
{
	CblueReplyStage entry = {stage, MAX(usec, 0)};

	g_return_if_fail(CBLUE_IS_CHAT_REPLY(self));
	if (self->stages == NULL)
		self->stages = g_array_sized_new(FALSE, FALSE, sizeof(CblueReplyStage), 8);
	g_array_append_val(self->stages, entry);
}

guint
cblue_chat_reply_get_n_stages(CblueChatReply *self)
{
	g_return_val_if_fail(CBLUE_IS_CHAT_REPLY(self), 0);
	return self->stages != NULL ? self->stages->len : 0;
}

const gchar *
cblue_chat_reply_get_stage(CblueChatReply *self, guint index, gint64 *usec)
{
	const CblueReplyStage *entry;

	g_return_val_if_fail(CBLUE_IS_CHAT_REPLY(self), NULL);
	g_return_val_if_fail(index < cblue_chat_reply_get_n_stages(self), NULL);
	entry = &g_array_index(self->stages, CblueReplyStage, index);
	if (usec != NULL)
		*usec = entry->usec;
	return entry->stage;
}
