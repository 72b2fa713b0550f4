/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cblue-bot-private.h"
#include "cblue-context-private.h"
#include "cblue-bot.h"
#include "cblue-chat-reply-private.h"
#include "cblue-declined-private.h"
#include "cblue-small-talk-private.h"
#include "cblue-error.h"
#include "cblue-hit.h"
#include "cblue-language-private.h"
#include "cblue-language.h"
#include "cblue-line-files-private.h"
#include "cblue-model-provider.h"
#include "cblue-redactor.h"
#include "cblue-request-private.h"
#include "cblue-retriever-private.h"
#include "cblue-retriever.h"
#include "cblue-store.h"

/**
 * CblueBot:
 *
 * The pipeline that answers one message:
 *
 * validate → language (requested or detected) → PII redaction → retrieval (every
 * retriever, fused) → decision (answer, clarify or unknown) → answer (model provider)
 * → record (store, already redacted) → reply.
 *
 * Several retrievers are fused: each one's scores scaled to its best hit and summed with
 * `[<plugin>] fusion_weight`, their confidences averaged with the same weights. The
 * decision (answer or "I don't know") reads the probability that the question is in scope,
 * given by a logistic model over what each retriever said of the best topic
 * (`[bot] decision_weights_<language>`, learned by `cblue eval --calibrate`), against
 * `[bot] decision_threshold`; where no model fits the language and the retrievers running,
 * or when the conversation chose the topic, the fused confidence against
 * `[bot] answer_threshold`. Two topics whose scores are within `[bot] clarify_margin`
 * of each other make the bot ask which one was meant; so does a first message that names no
 * product ("how much?") when topics of the same aspect of several products score within
 * `[bot] product_margin` of each other (see [method@ChatReply.get_product_choices]). In a
 * conversation, a follow-up
 * goes to the family (the topic itself, its product's topics or else its category's) of
 * the topic answered last when one of them scores close to the best
 * (`[bot] context_margin`; the topic itself before a sibling it nearly ties with), or is found
 * with the product's name added, else, after a side question, to that of a topic of another product
 * answered before it (the conversation's last three are kept). Replies that are not answers (unknown, clarify) are canned
 * texts in the customer's language, from `replies.json` (bundled; `[bot] replies_file`
 * overrides it), never from the process locale. A question
 * that asks for a service the business does not offer (`data/declined/`, extended by
 * `<data_dir>/declined/`, read again when a file there changes) is not answered with the topic
 * that shares its other words: it gets the `declined` canned reply and is recorded as
 * unanswered (see cblue_bot_find_declined()). A message that asks two things on two topics
 * gets both answers, the second after the replies' `other_question` lead-in and named by
 * [method@ChatReply.get_second_topic_id] (`[bot] multi_question=false`: one answer).
 *
 * The pipeline is asynchronous; when every retriever and the model provider are
 * synchronous (the embedded default) [method@Bot.ask_sync] runs it in place without a
 * main loop. A bot is safe to use from several threads.
 *
 * Since: 1.0
 */
struct _CblueBot {
	GObject parent_instance;
	CblueContext *context; /* owned */
	GMutex mutex; /* protects kb, replies, last_topics, weights */
	CblueKb *kb; /* owned */
	JsonObject *replies; /* owned */
	CblueSmallTalk *small_talk; /* owned, nullable: replies' small_talk phrases */
	CblueDeclined *declined; /* owned, nullable (off): the services the business does not offer */
	gchar *declined_dir; /* owned, nullable (off): the business's folder of declined services */
	CblueLineFilesWatch *declined_watch; /* owned, nullable: @declined_dir is not watched */
	/* owned: whether a topic speaks of a declined service (cblue_declined_entry_mentions()),
	 * "<topic id> <service index>" → 1 + the answer; emptied with the KB or the lists */
	GHashTable *declined_topics;
	/* owned: conversation id → (GStrv) the topics it was answered with last, the latest first, one
	 * per product and at most CBLUE_BOT_MAX_TOPICS (cblue_bot_remember_topic()) */
	GHashTable *last_topics;
	/* owned: conversation id → (static) the language its last message was in */
	GHashTable *last_languages;
	/* owned: conversation id → (GStrv) the topics its last reply offered to choose from, while
	 * that reply, a clarification, is the conversation's last (cblue_bot_pick_offered()) */
	GHashTable *offered;
	/* owned: "<language> <topic id>" → the set of the topic's words in that language
	 * (cblue_bot_topic_words()); emptied with the KB */
	GHashTable *topic_words;
	/* owned, nullable: cblue_bot_product() → (GPtrArray of CblueKbEntry borrowed from @kb) the
	 * product's topics in the KB's order, made on first use (cblue_bot_product_topics()) so that a
	 * message does not scan a KB of 100,000 topics; emptied with the KB */
	GHashTable *products;
	/* owned, nullable: (CblueBotKeyword) every keyword of @kb casefolded, made on first use
	 * (cblue_bot_folded_keywords()); emptied with the KB */
	GArray *folded_keywords;
	/* owned, nullable: a tag (borrowed from @kb) → the number of @kb's topics that have it, made
	 * on first use (cblue_bot_tag_is_unique()); emptied with the KB */
	GHashTable *tag_counts;
	GHashTable *stopwords; /* owned: the bundled stop words of every language, normalized */
	GHashTable *weights; /* owned: retriever → boxed gdouble fusion weight, filled on first use */
	guint max_message_length;
	guint max_hits;
	gdouble answer_threshold;
	gdouble decision_threshold;
	gdouble clarify_margin;
	gdouble clarify_min_confidence;
	gdouble context_margin;
	gdouble product_margin; /* [bot] product_margin: see cblue_bot_product_choices(); 0: off */
	gdouble request_weight; /* [bot] request_weight: see cblue_bot_merge_request_run() */
	guint request_min_context; /* [bot] request_min_context: characters of background */
	gdouble request_min_context_ratio; /* [bot] request_min_context_ratio: of the request's characters */
	gboolean multi_question; /* [bot] multi_question: a message that asks two things gets two answers */
	gboolean record; /* store exchanges; off for evaluation runs */
	gint decision_mismatch_told; /* atomic: said once that the model does not fit the retrievers */
	GStrv decision_retrievers; /* owned, nullable: the plugins the decision model reads, in order */
	GArray *decision_weights[3]; /* owned, nullable, per language of cblue_bot_languages: of gdouble */
};

G_DEFINE_TYPE(CblueBot, cblue_bot, G_TYPE_OBJECT)

#define CBLUE_BOT_DEFAULT_MAX_MESSAGE_LENGTH 4000
#define CBLUE_BOT_MAX_CONVERSATIONS	     100000

/* decision defaults, calibrated with `cblue eval --calibrate` on our three labelled sets
 * together (tests/data/eval-bundled.tsv, eval-dev.tsv and eval-fresh.tsv, see docs/quality.md) with the
 * default retrievers (retrieval-bm25 and retrieval-ngram, fused); a business calibrates
 * its own with its KB and retrievers and sets [bot] answer_threshold / clarify_margin.
 * answer_threshold applies to fused confidences (where no decision model applies, and to
 * the follow-up and clarification rules); decision_threshold to the decision model's
 * probability (below): one half, in scope more likely than not. Clarification stays off
 * (margin 0 fits best). With a model in every language, the labelled sets (single
 * questions) no longer exercise answer_threshold: --calibrate's 0.38 is the best threshold
 * for the fused confidence alone, and 0.50 stays for the cases it still decides. */
#define CBLUE_BOT_DEFAULT_ANSWER_THRESHOLD   0.50
#define CBLUE_BOT_DEFAULT_DECISION_THRESHOLD 0.50
#define CBLUE_BOT_DEFAULT_CLARIFY_MARGIN     0.0

/* The decision model: P(in scope) = 1 / (1 + exp(-(b + Σ w·x))) where x holds, for each
 * retriever in plugin-name order, the best topic's confidence and ln(score + 0.001) in that
 * retriever's own run (0 and ln 0.001 if it did not return the topic), then ln of the
 * question's length in characters and its square. Confidence says how much of the question
 * the topic explains; the raw score (the n-gram cosine above all) how much of the topic the
 * question matches, which tells "电动车哪个品牌最好" (every word is in the KB, spread over
 * topics) from an in-scope question with one word the KB lacks; the length how much a share
 * of the question is worth (two words of three match a topic by chance far more often than
 * half of twelve). The square lets that worth bend: a two-word question that a topic explains
 * whole ("office hours", "wallbox price") is as sure as a long one, and a long chatty one that
 * meets a topic on most of its words is not; with the length alone, a model learned on long
 * near misses refused short questions. The weights, per language, are what `cblue eval
 * --calibrate` learned (L2-regularized logistic regression, λ = 0.1) on every labelled set
 * but the newest held-out one: tests/data/eval-bundled.tsv, eval-dev.tsv, eval-keywords.tsv
 * (short questions), eval-fresh.tsv to eval-fresh11.tsv (eval-fresh6.tsv's long formal
 * requests among them: without such out-of-scope questions as long as the others, the models
 * learned that a long question is in scope) and eval-typos.tsv (customers' slips, so that a
 * misspelt question is not taken for an unknown one), together with the default retrievers,
 * both of which read the synonyms files (so a business's own word scores alike in both); each
 * beat the fused confidence in 5-fold cross-validation. Learned on more held-out sets once the
 * twelfth showed that the models learned on seven answered most of its near misses. See
 * docs/quality.md for the figures. */
#define CBLUE_BOT_DECISION_SCORE_FLOOR 0.001
static const gchar *const cblue_bot_languages[] = {"en", "th", "zh"};
static const gchar *const cblue_bot_default_decision_retrievers[] = {"retrieval-bm25", "retrieval-ngram", NULL};
/* bias, BM25 confidence, BM25 ln score, n-gram confidence, n-gram ln score, ln length,
 * (ln length)² (see cblue_eval_calibrate_with_models()) */
static const gchar *const cblue_bot_default_decision_weights[] = {
    "14.7587;6.1783;-0.1903;-0.5028;3.4055;-6.4092;1.0233",
    "7.5071;6.5820;0.2155;0.9319;2.8956;-4.1506;0.8277",
    "4.6175;3.8404;0.7745;4.6827;4.1575;0.2250;0.2676",
};

/* a follow-up goes to a topic of the previous topic's family if that scores at least
 * (1 - margin) of the best hit; the search looks deeper for it. 0.3, not the first 0.5: with the
 * product searched by its name and the last topic taken in a near tie, the wider margin mostly
 * pulled side questions ("whats your LINE id" after solar) to the product (docs/quality.md) */
#define CBLUE_BOT_DEFAULT_CONTEXT_MARGIN 0.3
/* a message's request part (cblue_request_part()) weighs this much against the whole message, when its
 * background is at least CBLUE_BOT_DEFAULT_REQUEST_MIN_CONTEXT characters: see docs/quality.md */
#define CBLUE_BOT_DEFAULT_REQUEST_WEIGHT 0.5
/* a message without what the customer said they do not want (cblue_request_unnegated()) weighs
 * this much against the whole message: the negated words still count a little, as a topic
 * the customer knows of */
#define CBLUE_BOT_UNNEGATED_WEIGHT 0.7
#define CBLUE_BOT_DEFAULT_REQUEST_MIN_CONTEXT 15
/* … and as long as the request itself: the background outweighs the question */
#define CBLUE_BOT_DEFAULT_REQUEST_MIN_CONTEXT_RATIO 1.0
/* a follow-up searched with the last topic's name keeps the best hit of that search if its
 * confidence is at least this share of the one the name alone gives it
 * (cblue_bot_search_with_product()) */
#define CBLUE_BOT_PRODUCT_SEARCH_KEEP 0.7
/* the last topic itself is taken before a sibling of its product whose score it is within this
 * share of (cblue_bot_last_topic_first()) */
#define CBLUE_BOT_CONTEXT_TIE 0.1
#define CBLUE_BOT_CONTEXT_MAX_HITS	 20
/* the topics of a conversation remembered: the last one and, of other products, the two before
 * it, so that a follow-up after a side question ("are you open on Sunday?") finds the product
 * again (cblue_bot_decide()); a conversation rarely holds more than three subjects at once */
#define CBLUE_BOT_MAX_TOPICS 3
/* A first message that names no product is asked back when the best topics of two or three
 * products score within this share of the best one (cblue_bot_product_choices()); see
 * docs/quality.md, "Questions that name no product: asking back" */
#define CBLUE_BOT_DEFAULT_PRODUCT_MARGIN 0.30
#define CBLUE_BOT_MAX_PRODUCT_CHOICES	 3
/* the most content words a reply to a clarification has to name the option it picks */
#define CBLUE_BOT_MAX_PICK_WORDS 3
/* the most spaces and punctuation marks a greeting before a question is looked for up to
 * (cblue_bot_after_small_talk()): "hi there admin, ..." */
#define CBLUE_BOT_MAX_SMALL_TALK_CUTS 4
/* the most content words of a question after small talk searched again for the products it
 * may not name (cblue_bot_product_choices()) */
#define CBLUE_BOT_MAX_ASPECT_WORDS 4
/* A word that the topics of at least this many products speak of is an aspect that products have
 * ("price", "warranty"), not a thing of one product ("battery", "inverter") */
#define CBLUE_BOT_ASPECT_PRODUCTS 3
/* ... and one that this share of a product's topics speak of (1/4) is spoken of in passing */
#define CBLUE_BOT_ASPECT_IN_PASSING 4
/* the most topics whose words are read to count the products that speak of a word: the words of
 * every topic of a KB of 100,000 would be made (and kept) in one customer's turn */
#define CBLUE_BOT_ASPECT_MAX_TOPICS 512

/* At most this many topics' word sets are kept (cblue_bot_topic_words()), all dropped when
 * one more is needed: a few KB each, they grew with the traffic towards the whole KB (at
 * 100,000 topics, gigabytes in a long-running server); a question reads at most
 * CBLUE_BOT_ASPECT_MAX_TOPICS and its hits' */
#define CBLUE_BOT_TOPIC_WORDS_MAX 8192
/* the tag of the topic that tells what its product is (cblue_bot_product_overview_first()) */
#define CBLUE_BOT_OVERVIEW_TAG "overview"

static void
cblue_bot_finalize(GObject *object)
{
	CblueBot *self = CBLUE_BOT(object);
	g_clear_pointer(&self->declined_watch, cblue_line_files_watch_free);
	g_free(self->declined_dir);
	g_clear_object(&self->kb);
	g_clear_pointer(&self->replies, json_object_unref);
	g_clear_pointer(&self->small_talk, cblue_small_talk_unref);
	g_clear_pointer(&self->declined, cblue_declined_unref);
	g_hash_table_unref(self->declined_topics);
	g_hash_table_unref(self->topic_words);
	g_clear_pointer(&self->products, g_hash_table_unref);
	g_clear_pointer(&self->folded_keywords, g_array_unref);
	g_clear_pointer(&self->tag_counts, g_hash_table_unref);
	g_clear_pointer(&self->stopwords, g_hash_table_unref);
	g_hash_table_unref(self->last_topics);
	g_hash_table_unref(self->last_languages);
	g_hash_table_unref(self->offered);
	g_hash_table_unref(self->weights);
	g_strfreev(self->decision_retrievers);
	for (guint l = 0; l < G_N_ELEMENTS(self->decision_weights); l++)
		g_clear_pointer(&self->decision_weights[l], g_array_unref);
	g_object_unref(self->context);
	g_mutex_clear(&self->mutex);
	G_OBJECT_CLASS(cblue_bot_parent_class)->finalize(object);
}

static void
cblue_bot_class_init(CblueBotClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_bot_finalize;
}

static void
cblue_bot_init(CblueBot *self)
{
	g_mutex_init(&self->mutex);
	self->kb = cblue_kb_new();
	self->last_topics = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
	self->last_languages = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	self->offered = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
	self->declined_topics = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	self->topic_words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_hash_table_unref);
	self->weights = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	self->record = TRUE;
}

/**
 * cblue_bot_set_record:
 * @self: a #CblueBot
 * @record: whether to store messages, replies and analytics events
 *
 * Turns recording off for evaluation and benchmark runs, which must not pollute the
 * conversations, analytics or unanswered inbox. On by default.
 *
 * Since: 1.0
 */
void
cblue_bot_set_record(CblueBot *self, gboolean record)
{
	g_return_if_fail(CBLUE_IS_BOT(self));
	self->record = record;
}

/**
 * cblue_bot_get_answer_threshold:
 * @self: a #CblueBot
 *
 * Returns: the confidence below which the bot says it does not know
 *
 * Since: 1.0
 */
gdouble
cblue_bot_get_answer_threshold(CblueBot *self)
{
	g_return_val_if_fail(CBLUE_IS_BOT(self), 0);
	return self->answer_threshold;
}

/**
 * cblue_bot_get_decision_threshold:
 * @self: a #CblueBot
 *
 * Returns: the in-scope probability of the decision model below which the bot says it
 *   does not know (`[bot] decision_threshold`)
 *
 * Since: 1.0
 */
gdouble
cblue_bot_get_decision_threshold(CblueBot *self)
{
	g_return_val_if_fail(CBLUE_IS_BOT(self), 0);
	return self->decision_threshold;
}

/**
 * cblue_bot_get_clarify_margin:
 * @self: a #CblueBot
 *
 * Returns: the relative score margin within which the two best topics make the bot ask
 *   which one was meant (`[bot] clarify_margin`); 0 if it never asks
 *
 * Since: 1.0
 */
gdouble
cblue_bot_get_clarify_margin(CblueBot *self)
{
	g_return_val_if_fail(CBLUE_IS_BOT(self), 0);
	return self->clarify_margin;
}

/* `[bot] decision_weights_<language>`: the bias and one weight per feature, or the
 * compiled-in defaults if neither they nor `decision_retrievers` are configured;
 * `decision_model=false` turns the model off (the fused confidence decides) */
static void
cblue_bot_load_decision_model(CblueBot *self, CblueConfig *config)
{
	g_auto(GStrv) retrievers = cblue_config_get_strv(config, "bot", "decision_retrievers");
	gboolean configured = retrievers != NULL;

	if (!cblue_config_get_boolean(config, "bot", "decision_model", TRUE))
		return;
	for (guint l = 0; l < G_N_ELEMENTS(cblue_bot_languages); l++) {
		g_autofree gchar *key = g_strconcat("decision_weights_", cblue_bot_languages[l], NULL);
		g_auto(GStrv) values = cblue_config_get_strv(config, "bot", key);
		g_autoptr(GArray) weights = g_array_new(FALSE, FALSE, sizeof(gdouble));

		if (values == NULL && !configured && cblue_bot_default_decision_weights[l] != NULL)
			values = g_strsplit(cblue_bot_default_decision_weights[l], ";", -1);
		for (guint i = 0; values != NULL && values[i] != NULL; i++) {
			gchar *end = NULL;
			gdouble w = g_ascii_strtod(values[i], &end);
			if (end == values[i] || *end != '\0' || !isfinite(w)) {
				g_warning("[bot] %s: “%s” is not a number; the fused confidence decides", key, values[i]);
				g_array_set_size(weights, 0);
				break;
			}
			g_array_append_val(weights, w);
		}
		if (weights->len > 0)
			self->decision_weights[l] = g_steal_pointer(&weights);
	}
	self->decision_retrievers =
	    configured ? g_steal_pointer(&retrievers) : g_strdupv((gchar **)cblue_bot_default_decision_retrievers);
}

/* a file of the declined services' folder changed (on the global default main context): the
 * lists are read again; a bad file is reported with its name and line, and the lists in force
 * stay */
static void
cblue_bot_declined_changed_cb(gpointer user_data)
{
	CblueBot *self = user_data;
	g_autoptr(GError) error = NULL;

	if (!cblue_bot_load_declined(self, self->declined_dir, &error)) {
		g_warning("declined services not reloaded, the previous ones stay in force: %s", error->message);
		return;
	}
	g_info("declined services reloaded from %s", self->declined_dir);
}

/* the bundled stop words of every language (the retrievers' own, from the core's resources),
 * normalized as @tokenizer normalizes words: one set, as the scripts do not overlap */
static GHashTable *
cblue_bot_load_stopwords(CblueTokenizer *tokenizer)
{
	GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

	for (guint l = 0; l < G_N_ELEMENTS(cblue_bot_languages); l++) {
		g_autofree gchar *path = g_strdup_printf("/ai/cblue/stopwords/%s.txt", cblue_bot_languages[l]);
		g_autoptr(GBytes) bytes = g_resources_lookup_data(path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
		g_auto(GStrv) lines = NULL;
		if (bytes == NULL)
			continue;
		lines = g_strsplit(g_bytes_get_data(bytes, NULL), "\n", -1);
		for (guint i = 0; lines[i] != NULL; i++) {
			g_strstrip(lines[i]);
			if (lines[i][0] != '\0' && lines[i][0] != '#')
				g_hash_table_add(set, cblue_tokenizer_normalize(tokenizer, lines[i]));
		}
	}
	return set;
}

/**
 * cblue_bot_new:
 * @context: the context with the plugins' extensions
 *
 * Creates a bot with an empty KB; see [method@Bot.load_kb]. The declined services are loaded
 * from `[bot] declined_dir` (by default `<data_dir>/declined`) and, unless `[bot]
 * watch_declined` is false, read again shortly after a file there changes, on the global
 * default main context (see [method@Bot.load_declined]).
 *
 * Returns: (transfer full): a new #CblueBot
 *
 * Since: 1.0
 */
CblueBot *
cblue_bot_new(CblueContext *context)
{
	CblueBot *self;
	CblueConfig *config;
	g_autoptr(GError) error = NULL;

	g_return_val_if_fail(CBLUE_IS_CONTEXT(context), NULL);
	self = g_object_new(CBLUE_TYPE_BOT, NULL);
	self->context = g_object_ref(context);
	config = cblue_context_get_config(context);
	self->max_message_length = (guint)CLAMP(
	    cblue_config_get_int(config, "bot", "max_message_length", CBLUE_BOT_DEFAULT_MAX_MESSAGE_LENGTH), 1, G_MAXINT);
	self->max_hits = (guint)CLAMP(cblue_config_get_int(config, "bot", "max_hits", 5), 2, 50);
	self->answer_threshold =
	    cblue_config_get_double(config, "bot", "answer_threshold", CBLUE_BOT_DEFAULT_ANSWER_THRESHOLD);
	self->decision_threshold =
	    cblue_config_get_double(config, "bot", "decision_threshold", CBLUE_BOT_DEFAULT_DECISION_THRESHOLD);
	self->clarify_margin = cblue_config_get_double(config, "bot", "clarify_margin", CBLUE_BOT_DEFAULT_CLARIFY_MARGIN);
	self->clarify_min_confidence =
	    cblue_config_get_double(config, "bot", "clarify_min_confidence", self->answer_threshold);
	self->context_margin =
	    CLAMP(cblue_config_get_double(config, "bot", "context_margin", CBLUE_BOT_DEFAULT_CONTEXT_MARGIN), 0.0, 1.0);
	self->product_margin =
	    CLAMP(cblue_config_get_double(config, "bot", "product_margin", CBLUE_BOT_DEFAULT_PRODUCT_MARGIN), 0.0, 1.0);
	if (self->product_margin > 0)
		self->stopwords = cblue_bot_load_stopwords(cblue_context_get_tokenizer(context));
	self->request_weight = CLAMP(
	    cblue_config_get_double(config, "bot", "request_weight", CBLUE_BOT_DEFAULT_REQUEST_WEIGHT), 0.0, 1.0);
	self->request_min_context = (guint)CLAMP(
	    cblue_config_get_int(config, "bot", "request_min_context", CBLUE_BOT_DEFAULT_REQUEST_MIN_CONTEXT), 0,
	    G_MAXINT);
	self->request_min_context_ratio =
	    MAX(cblue_config_get_double(config, "bot", "request_min_context_ratio",
					CBLUE_BOT_DEFAULT_REQUEST_MIN_CONTEXT_RATIO),
		0.0);
	self->multi_question = cblue_config_get_boolean(config, "bot", "multi_question", TRUE);
	cblue_bot_load_decision_model(self, config);
	{
		g_autofree gchar *replies_file = cblue_config_get_string(config, "bot", "replies_file");
		if (!cblue_bot_load_replies(self, replies_file, &error))
			g_warning("replies: %s", error->message);
		g_clear_error(&error);
	}
	if (cblue_config_get_boolean(config, "bot", "declined", TRUE)) {
		g_autofree gchar *dir = cblue_config_get_string(config, "bot", "declined_dir");
		if (dir == NULL)
			dir = g_build_filename(cblue_context_get_data_dir(context), "declined", NULL);
		if (!cblue_bot_load_declined(self, dir, &error)) {
			g_warning("%s; using the bundled declined services only", error->message);
			g_clear_error(&error);
			if (!cblue_bot_load_declined(self, NULL, &error))
				g_warning("declined services: %s", error->message);
		}
		if (cblue_config_get_boolean(config, "bot", "watch_declined", TRUE))
			self->declined_watch =
			    cblue_line_files_watch_new(dir, "declined services", cblue_bot_declined_changed_cb, self);
		self->declined_dir = g_steal_pointer(&dir);
	}
	return self;
}

/**
 * cblue_bot_get_context:
 * @self: a #CblueBot
 *
 * Returns: (transfer none): the context
 *
 * Since: 1.0
 */
CblueContext *
cblue_bot_get_context(CblueBot *self)
{
	g_return_val_if_fail(CBLUE_IS_BOT(self), NULL);
	return self->context;
}

/**
 * cblue_bot_load_replies:
 * @self: a #CblueBot
 * @filename: (nullable) (type filename): a replies JSON file, or %NULL for the bundled one
 * @error: return location for a #GError
 *
 * Loads the canned replies (`unknown`, `clarify`, `language_fallback`, `greeting`, `thanks`,
 * `goodbye`, `human`, each an object of language → text) and the phrases of small talk
 * (`small_talk`: lists `greeting`, `thanks`, `goodbye`, `human` — whether a person answers,
 * or a request for one — and `filler`; without it, no message is taken for small talk; a
 * kind without its canned reply is not small talk).
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_bot_load_replies(CblueBot *self, const gchar *filename, GError **error)
{
	g_autoptr(JsonParser) parser = json_parser_new();
	g_autoptr(GBytes) bytes = NULL;
	g_autoptr(CblueSmallTalk) small_talk = NULL;
	JsonNode *root, *phrases;

	g_return_val_if_fail(CBLUE_IS_BOT(self), FALSE);

	if (filename != NULL) {
		if (!json_parser_load_from_file(parser, filename, error)) {
			cblue_error_convert(error);
			g_prefix_error(error, "%s: ", filename);
			return FALSE;
		}
	} else {
		gsize size = 0;
		const gchar *data;
		bytes = g_resources_lookup_data("/ai/cblue/replies.json", G_RESOURCE_LOOKUP_FLAGS_NONE, error);
		if (bytes == NULL) {
			cblue_error_convert(error);
			return FALSE;
		}
		data = g_bytes_get_data(bytes, &size);
		if (!json_parser_load_from_data(parser, data, (gssize)size, error)) {
			cblue_error_convert(error);
			return FALSE;
		}
	}
	root = json_parser_get_root(parser);
	if (!JSON_NODE_HOLDS_OBJECT(root)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("replies must be a JSON object"));
		return FALSE;
	}
	phrases = json_object_get_member(json_node_get_object(root), "small_talk");
	if (phrases != NULL) {
		if (!JSON_NODE_HOLDS_OBJECT(phrases)) {
			g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
					    _("small_talk must be a JSON object of phrase lists"));
			return FALSE;
		}
		small_talk = cblue_small_talk_new(json_node_get_object(phrases), error);
		if (small_talk == NULL)
			return FALSE;
	}
	g_mutex_lock(&self->mutex);
	g_clear_pointer(&self->replies, json_object_unref);
	self->replies = json_object_ref(json_node_get_object(root));
	g_clear_pointer(&self->small_talk, cblue_small_talk_unref);
	self->small_talk = g_steal_pointer(&small_talk);
	g_mutex_unlock(&self->mutex);
	return TRUE;
}

/**
 * cblue_bot_load_declined:
 * @self: a #CblueBot
 * @dir: (nullable) (type filename): a folder of `*.txt` files that extend and override the
 *   bundled lists, or %NULL for the bundled ones alone
 * @error: return location for a #GError
 *
 * Loads the services the business does not offer and the phrases customers ask for them
 * with: the bundled lists (`data/declined/`), then every `*.txt` file of @dir in name order.
 * One service a line: its name, a colon and its phrases separated by commas; a line that
 * shares a phrase with a line of an earlier file replaces it, and `!phrase` drops the line
 * holding phrase. A question that asks for such a service gets the `declined` canned reply.
 *
 * Returns: %TRUE for success; on failure @error names the file and line, and the lists in
 *   force stay
 *
 * Since: 1.0
 */
gboolean
cblue_bot_load_declined(CblueBot *self, const gchar *dir, GError **error)
{
	g_autoptr(CblueDeclined) declined = NULL;

	g_return_val_if_fail(CBLUE_IS_BOT(self), FALSE);

	declined = cblue_declined_load(cblue_context_get_tokenizer(self->context), dir, error);
	if (declined == NULL)
		return FALSE;
	g_debug("declined services: %u, %u phrases", cblue_declined_get_n_services(declined),
		cblue_declined_get_n_phrases(declined));
	g_mutex_lock(&self->mutex);
	g_clear_pointer(&self->declined, cblue_declined_unref);
	self->declined = g_steal_pointer(&declined);
	g_hash_table_remove_all(self->declined_topics);
	g_mutex_unlock(&self->mutex);
	return TRUE;
}

/* a canned reply in @language, falling back to English; the caller holds the mutex */
static const gchar *
cblue_bot_canned_locked(CblueBot *self, const gchar *name, const gchar *language)
{
	JsonObject *group;
	const gchar *text;

	if (self->replies == NULL || !json_object_has_member(self->replies, name))
		return "";
	group = json_object_get_object_member(self->replies, name);
	if (group == NULL)
		return "";
	text = json_object_get_string_member_with_default(group, language, NULL);
	if (text == NULL)
		text = json_object_get_string_member_with_default(group, "en", "");
	return text;
}

/**
 * cblue_bot_set_kb:
 * @self: a #CblueBot
 * @kb: the KB to serve
 * @error: return location for a #GError
 *
 * Indexes a KB with every retriever and then switches to it; messages being answered
 * meanwhile finish with the previous KB.
 *
 * Returns: %TRUE for success; on failure the previous KB stays
 *
 * Since: 1.0
 */
typedef struct {
	CblueRetriever *retriever; /* unowned */
	CblueKb *kb;		   /* unowned */
	GError *error;
	GThread *thread; /* nullable: run on the caller's thread */
} CblueBotRebuild;

static GHashTable *cblue_bot_products_of(CblueKb *kb);
static GArray *cblue_bot_folded_keywords_of(CblueKb *kb);
static GHashTable *cblue_bot_tag_counts_of(CblueKb *kb);

static gpointer
cblue_bot_rebuild_thread(gpointer data)
{
	CblueBotRebuild *job = data;
	cblue_retriever_rebuild(job->retriever, job->kb, &job->error);
	return NULL;
}

gboolean
cblue_bot_set_kb(CblueBot *self, CblueKb *kb, GError **error)
{
	g_autoptr(GPtrArray) retrievers = NULL;
	g_autofree CblueBotRebuild *jobs = NULL;
	GHashTable *products, *tag_counts;
	GArray *folded_keywords;
	gboolean ok = TRUE;

	g_return_val_if_fail(CBLUE_IS_BOT(self), FALSE);
	g_return_val_if_fail(CBLUE_IS_KB(kb), FALSE);

	/* each retriever indexes in a thread of its own (they share nothing while they
	 * index): a publish waits for the slowest index, not for the sum of them */
	retrievers = cblue_context_get_extensions(self->context, CBLUE_TYPE_RETRIEVER);
	jobs = g_new0(CblueBotRebuild, MAX(retrievers->len, 1));
	for (guint i = 0; i < retrievers->len; i++) {
		jobs[i].retriever = g_ptr_array_index(retrievers, i);
		jobs[i].kb = kb;
		if (i > 0)
			jobs[i].thread = g_thread_try_new("cblue-index", cblue_bot_rebuild_thread, &jobs[i], NULL);
	}
	for (guint i = 0; i < retrievers->len; i++) {
		if (i == 0 || jobs[i].thread == NULL)
			cblue_bot_rebuild_thread(&jobs[i]);
	}
	for (guint i = 0; i < retrievers->len; i++) {
		if (jobs[i].thread != NULL)
			g_thread_join(jobs[i].thread);
		if (jobs[i].error != NULL && ok) {
			g_propagate_error(error, g_steal_pointer(&jobs[i].error));
			ok = FALSE;
		}
		g_clear_error(&jobs[i].error);
	}
	if (!ok)
		return FALSE;
	/* the KB's own indexes of the conversation rules, made here rather than by the first
	 * question that needs them: at 100,000 topics that question waited tens of
	 * milliseconds, and every other one with it on the mutex */
	products = cblue_bot_products_of(kb);
	folded_keywords = cblue_bot_folded_keywords_of(kb);
	tag_counts = cblue_bot_tag_counts_of(kb);
	g_mutex_lock(&self->mutex);
	/* (the old ones' keys and entries are the old KB's) */
	g_clear_pointer(&self->products, g_hash_table_unref);
	g_clear_pointer(&self->folded_keywords, g_array_unref);
	g_clear_pointer(&self->tag_counts, g_hash_table_unref);
	self->products = products;
	self->folded_keywords = folded_keywords;
	self->tag_counts = tag_counts;
	g_set_object(&self->kb, kb);
	g_hash_table_remove_all(self->declined_topics);
	g_hash_table_remove_all(self->topic_words);
	g_mutex_unlock(&self->mutex);
	return TRUE;
}

/**
 * cblue_bot_get_kb:
 * @self: a #CblueBot
 *
 * Returns: (transfer full): the KB being served
 *
 * Since: 1.0
 */
CblueKb *
cblue_bot_get_kb(CblueBot *self)
{
	CblueKb *kb;
	g_return_val_if_fail(CBLUE_IS_BOT(self), NULL);
	g_mutex_lock(&self->mutex);
	kb = g_object_ref(self->kb);
	g_mutex_unlock(&self->mutex);
	return kb;
}

/**
 * cblue_bot_load_kb:
 * @self: a #CblueBot
 * @seed_if_empty: import the bundled KB into an empty store first
 * @error: return location for a #GError
 *
 * Loads the KB from the store and serves it. Without a store, the bundled KB is served
 * from memory.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_bot_load_kb(CblueBot *self, gboolean seed_if_empty, GError **error)
{
	CblueStore *store;
	g_autoptr(CblueKb) kb = NULL;

	g_return_val_if_fail(CBLUE_IS_BOT(self), FALSE);

	store = cblue_context_get_extension(self->context, CBLUE_TYPE_STORE);
	if (store == NULL) {
		kb = cblue_kb_new_bundled(error);
		return kb != NULL && cblue_bot_set_kb(self, kb, error);
	}
	kb = cblue_store_load_kb(store, error);
	if (kb == NULL)
		return FALSE;
	if (cblue_kb_get_size(kb) == 0 && seed_if_empty) {
		g_autoptr(CblueKb) bundled = cblue_kb_new_bundled(error);
		if (bundled == NULL)
			return FALSE;
		if (!cblue_store_import_kb(store, cblue_kb_get_entries(bundled), FALSE, error))
			return FALSE;
		g_info("seeded the store with the bundled KB (%u topics)", cblue_kb_get_size(bundled));
		/* serve what the store holds, in its order, as every later start will */
		g_clear_object(&kb);
		kb = cblue_store_load_kb(store, error);
		if (kb == NULL)
			return FALSE;
	}
	return cblue_bot_set_kb(self, kb, error);
}

/* a reply lists at most this many sources (docs/openapi.yaml) */
#define CBLUE_BOT_MAX_SOURCES 3u

/* Topic ids of up to this many bytes (the NUL included) are copied into a run's hit; longer
 * ones to the heap (as a CblueHit keeps them) */
#define CBLUE_BOT_INLINE_TOPIC_SIZE 48

/* a hit as its retriever returned it, before fusion; its topic id is a copy (the retriever's
 * index may be replaced while the message is answered) */
typedef struct {
	guint run;
	gdouble score;
	gdouble confidence; /* clamped to 0..1, as a CblueHit keeps it */
	gchar *heap_id; /* owned, nullable: the topic id when it does not fit in inline_id */
	gchar inline_id[CBLUE_BOT_INLINE_TOPIC_SIZE];
} CblueBotRunHit;

static inline const gchar *
cblue_bot_run_hit_topic_id(const CblueBotRunHit *hit)
{
	return hit->heap_id != NULL ? hit->heap_id : hit->inline_id;
}

static void
cblue_bot_run_hit_clear(gpointer data)
{
	g_free(((CblueBotRunHit *)data)->heap_id);
}

/* a hit of the fusion: a topic and what the runs said of it together; no CblueHit is made
 * for it unless it is one of the reply's sources */
typedef struct {
	const gchar *topic_id; /* unowned: a run hit's */
	gdouble score;
	gdouble confidence;
} CblueBotHit;

/* the state of one message through the pipeline */
typedef struct _CblueAskOp {
	CblueMessage *message; /* owned */
	CblueMessage *request; /* owned, nullable: the request part of a longer message (cblue_request_part()) */
	gdouble request_weight; /* the request's against the whole message's (cblue_bot_merge_request_run()) */
	CblueChatReply *reply; /* owned */
	CblueKb *kb; /* owned */
	GPtrArray *retrievers; /* owned */
	guint n_runs; /* the retrievers that answered, in the order they did */
	GArray *run_weights; /* owned: of gdouble, the fusion weight of each run's retriever */
	GPtrArray *run_plugins; /* owned: of (unowned) utf8, the plugin name of each run's retriever */
	GArray *run_hits; /* owned: of CblueBotRunHit, every run's hits as retrieved, run after run */
	GArray *whole_hits; /* owned, nullable: with a request part, the whole message's hits (run_hits'
			     * are both weighed), which the decision model reads */
	GPtrArray *chosen; /* owned: hits passed to the provider */
	GStrv was_offered; /* owned, nullable: the topics the conversation's last reply offered */
	const gchar *conversation_language; /* static, nullable: the language of its last message */
	/* owned, nullable: the conversation's topics before its previous topic, the latest first, of other
	 * products (at most CBLUE_BOT_MAX_TOPICS - 1) */
	GStrv earlier_topics;
	GStrv offers; /* owned, nullable: the topics this reply offers to choose from */
	CblueModelProvider *provider; /* owned, nullable */
	/* owned, nullable: of CblueAskOp, the follow-up searched with a topic's name
	 * (cblue_bot_search_with_product()), once per topic tried, and without its reaction
	 * (cblue_bot_follow_up_hits()); the hits' topic ids are theirs */
	GPtrArray *product_ops;
	/* owned, nullable: a follow-up's words after the reaction it begins with ("too pricey. any
	 * installment plan?"), which the follow-up's rules search (cblue_bot_follow_up_hits()) */
	gchar *follow_up_text;
	/* unowned, nullable: one of product_ops, the search of follow_up_text, whose runs the decision
	 * model reads */
	struct _CblueAskOp *follow_up_op;
	guint pending;
	gint64 stage_start; /* monotonic µs: when the stage running now began */
} CblueAskOp;

static void
cblue_ask_op_free(CblueAskOp *op)
{
	g_clear_object(&op->message);
	g_clear_object(&op->request);
	g_clear_object(&op->reply);
	g_clear_object(&op->kb);
	g_clear_pointer(&op->retrievers, g_ptr_array_unref);
	g_clear_pointer(&op->run_weights, g_array_unref);
	g_clear_pointer(&op->run_plugins, g_ptr_array_unref);
	g_clear_pointer(&op->run_hits, g_array_unref);
	g_clear_pointer(&op->whole_hits, g_array_unref);
	g_clear_pointer(&op->chosen, g_ptr_array_unref);
	g_clear_pointer(&op->was_offered, g_strfreev);
	g_clear_pointer(&op->offers, g_strfreev);
	g_clear_object(&op->provider);
	g_clear_pointer(&op->earlier_topics, g_strfreev);
	g_clear_pointer(&op->product_ops, g_ptr_array_unref);
	g_free(op->follow_up_text);
	g_free(op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueAskOp, cblue_ask_op_free)

static gboolean
cblue_text_is_blank(const gchar *text)
{
	for (const gchar *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);
		if (!g_unichar_isspace(ch) && ch != 0x200B && ch != 0xFEFF)
			return FALSE;
	}
	return TRUE;
}

static gboolean
cblue_bot_validate(CblueBot *self, CblueMessage *message, GError **error)
{
	const gchar *text = cblue_message_get_text(message);
	const gchar *lang = cblue_message_get_language(message);
	glong n_chars;

	if (!g_utf8_validate(text, -1, NULL)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The message is not valid UTF-8."));
		return FALSE;
	}
	n_chars = g_utf8_strlen(text, -1);
	if (n_chars > (glong)self->max_message_length) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_TOO_LARGE,
			    _("The message is too long: %ld characters, the limit is %u."), n_chars,
			    self->max_message_length);
		return FALSE;
	}
	if (cblue_text_is_blank(text)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The message is empty."));
		return FALSE;
	}
	if (lang != NULL && !cblue_language_is_supported(lang)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("Unsupported language “%s”: use en, th or zh."), lang);
		return FALSE;
	}
	return TRUE;
}

/* ends the stage that began at op->stage_start (pipeline_stage_duration_seconds{stage})
 * and begins the next one; @stage is a static or interned string */
static void
cblue_bot_stage_done(CblueAskOp *op, const gchar *stage)
{
	gint64 now = g_get_monotonic_time();
	cblue_chat_reply_add_stage_usec(op->reply, stage, now - op->stage_start);
	op->stage_start = now;
}

static GQuark
cblue_bot_retriever_stage_quark(void)
{
	static gsize quark = 0;
	if (g_once_init_enter(&quark))
		g_once_init_leave(&quark, g_quark_from_static_string("cblue-bot-retriever-stage"));
	return (GQuark)quark;
}

/* "retrieve:<plugin>", made and interned once per retriever */
static const gchar *
cblue_bot_retriever_stage_name(CblueBot *self, CblueRetriever *retriever)
{
	const gchar *name = g_object_get_qdata(G_OBJECT(retriever), cblue_bot_retriever_stage_quark());
	if (name == NULL) {
		const gchar *plugin = cblue_context_get_extension_plugin(self->context, G_OBJECT(retriever));
		g_autofree gchar *full =
		    g_strconcat("retrieve:", plugin != NULL ? plugin : G_OBJECT_TYPE_NAME(retriever), NULL);
		name = g_intern_string(full);
		g_object_set_qdata(G_OBJECT(retriever), cblue_bot_retriever_stage_quark(), (gpointer)name);
	}
	return name;
}

/* The request part of a message of several sentences whose background (the sentences that
 * do not ask) is at least [bot] request_min_context characters and [bot]
 * request_min_context_ratio times the request's: searched as well, and weighed with the whole
 * message (cblue_bot_merge_request_run()). [bot] request_weight 0 turns it off. */
static void
cblue_bot_find_request(CblueBot *self, CblueAskOp *op)
{
	g_autofree gchar *request = NULL;
	guint context_chars = 0, request_chars = 0;

	if (self->request_weight <= 0)
		return;
	/* what is left when the customer narrows the message to an alternative ("not solar, just a
	 * battery") is the request, whatever the background's length: the negated words are left out */
	request = cblue_request_unnegated(cblue_message_get_text(op->message));
	op->request_weight = MAX(self->request_weight, CBLUE_BOT_UNNEGATED_WEIGHT);
	if (request == NULL) {
		op->request_weight = self->request_weight;
		request = cblue_request_part(cblue_message_get_text(op->message), &context_chars, &request_chars);
		if (request == NULL || context_chars < self->request_min_context ||
		    context_chars < self->request_min_context_ratio * request_chars)
			return;
	}
	op->request = cblue_message_new(request);
	cblue_message_set_language(op->request, cblue_message_get_language(op->message));
	cblue_message_set_conversation_id(op->request, cblue_message_get_conversation_id(op->message));
	cblue_message_set_previous_topic_id(op->request, cblue_message_get_previous_topic_id(op->message));
}

/* The conversation's state for another process (cblue_message_set_context()): "c1", then
 * ";t=" and the topic last answered, ";e=" the topics of other products answered before it (the
 * latest first), ";o=" the open options, comma-separated, and ";l=" the language of its last
 * message. Topic ids
 * have neither separator (cblue_kb_entry_new_from_json()); fields a version does not know
 * are skipped, so that a newer process can add some. */
#define CBLUE_BOT_CONTEXT_VERSION "c1"
#define CBLUE_BOT_CONTEXT_MAX_OFFERED 8

static void
cblue_bot_append_context_list(GString *out, const gchar *field, const gchar *const *topics)
{
	if (topics == NULL || topics[0] == NULL)
		return;
	g_string_append_printf(out, ";%s=", field);
	for (guint i = 0; topics[i] != NULL; i++)
		g_string_append_printf(out, "%s%s", i > 0 ? "," : "", topics[i]);
}

/* @topics: (nullable): the topic last answered, then the earlier ones */
static gchar *
cblue_bot_write_context(const gchar *const *topics, const gchar *const *offered, const gchar *language)
{
	GString *out = g_string_new(CBLUE_BOT_CONTEXT_VERSION);
	if (topics != NULL && topics[0] != NULL) {
		g_string_append_printf(out, ";t=%s", topics[0]);
		cblue_bot_append_context_list(out, "e", topics + 1);
	}
	cblue_bot_append_context_list(out, "o", offered);
	if (language != NULL)
		g_string_append_printf(out, ";l=%s", language);
	return g_string_free(out, FALSE);
}

/* the message's carried state into @op: its previous topic (unless the message has one), the
 * earlier ones and the options still open; a state of another version is no state */
static void
cblue_bot_read_context(CblueAskOp *op)
{
	g_auto(GStrv) fields = g_strsplit(cblue_message_get_context(op->message), ";", 16);

	if (fields[0] == NULL || g_strcmp0(fields[0], CBLUE_BOT_CONTEXT_VERSION) != 0)
		return;
	for (guint i = 1; fields[i] != NULL; i++) {
		if (g_str_has_prefix(fields[i], "t=") && fields[i][2] != '\0' &&
		    cblue_message_get_previous_topic_id(op->message) == NULL)
			cblue_message_set_previous_topic_id(op->message, fields[i] + 2);
		else if (g_str_has_prefix(fields[i], "o=") && fields[i][2] != '\0' && op->was_offered == NULL)
			op->was_offered = g_strsplit(fields[i] + 2, ",", CBLUE_BOT_CONTEXT_MAX_OFFERED);
		else if (g_str_has_prefix(fields[i], "e=") && fields[i][2] != '\0' && op->earlier_topics == NULL)
			op->earlier_topics = g_strsplit(fields[i] + 2, ",", CBLUE_BOT_MAX_TOPICS);
		else if (g_str_has_prefix(fields[i], "l=") && cblue_language_is_supported(fields[i] + 2))
			op->conversation_language = cblue_language_static(fields[i] + 2);
	}
}

/* @retrievers: (transfer full) (nullable): the context's, if the caller has them already */
static CblueAskOp *
cblue_bot_prepare(CblueBot *self, CblueMessage *message, GPtrArray *retrievers, GError **error)
{
	g_autoptr(CblueAskOp) op = g_new0(CblueAskOp, 1);
	g_autoptr(GPtrArray) redactors = NULL;
	const gchar *conversation_id;
	gboolean language_detected = FALSE, evident = TRUE;

	op->retrievers =
	    retrievers != NULL ? retrievers : cblue_context_ref_extensions(self->context, CBLUE_TYPE_RETRIEVER);
	if (!cblue_bot_validate(self, message, error))
		return NULL;
	op->message = g_object_ref(message);
	op->reply = cblue_chat_reply_new();
	op->kb = cblue_bot_get_kb(self);
	op->run_weights = g_array_sized_new(FALSE, FALSE, sizeof(gdouble), op->retrievers->len);
	op->run_plugins = g_ptr_array_sized_new(op->retrievers->len);
	/* room for every retriever's max_hits: a follow-up's deeper search grows it */
	op->run_hits = g_array_sized_new(FALSE, FALSE, sizeof(CblueBotRunHit), op->retrievers->len * self->max_hits);
	g_array_set_clear_func(op->run_hits, cblue_bot_run_hit_clear);
	op->provider = cblue_context_get_extension(self->context, CBLUE_TYPE_MODEL_PROVIDER);
	if (op->provider != NULL)
		g_object_ref(op->provider);

	/* language: as requested, else detected */
	op->stage_start = g_get_monotonic_time();
	if (cblue_message_get_language(message) == NULL) {
		cblue_message_set_language(message,
					   cblue_language_detect_evident(cblue_message_get_text(message), &evident));
		language_detected = TRUE;
	}
	cblue_bot_stage_done(op, "language");

	/* the conversation first: hashed values are stable per conversation */
	conversation_id = cblue_message_get_conversation_id(message);
	if (conversation_id == NULL) {
		/* time-ordered (UUIDv7): appended to the stores' indexes, not on a random page */
		g_autofree gchar *id = cblue_message_new_id();
		cblue_message_set_conversation_id(message, id);
		conversation_id = cblue_message_get_conversation_id(message);
	} else if (cblue_message_get_context(message) != NULL) {
		/* carried from the process that answered the conversation last */
		cblue_bot_read_context(op);
	} else {
		const gchar *const *topics;
		g_mutex_lock(&self->mutex);
		topics = g_hash_table_lookup(self->last_topics, conversation_id);
		if (topics != NULL) {
			if (cblue_message_get_previous_topic_id(message) == NULL)
				cblue_message_set_previous_topic_id(message, topics[0]);
			if (topics[1] != NULL)
				op->earlier_topics = g_strdupv((GStrv)topics + 1);
		}
		op->was_offered = g_strdupv(g_hash_table_lookup(self->offered, conversation_id));
		op->conversation_language = g_hash_table_lookup(self->last_languages, conversation_id);
		g_mutex_unlock(&self->mutex);
	}
	/* a message that does not say its language ("ok", "5kw") is in the conversation's */
	if (language_detected && !evident && op->conversation_language != NULL)
		cblue_message_set_language(message, op->conversation_language);

	/* redaction comes before anything is stored, logged or sent */
	op->stage_start = g_get_monotonic_time();
	redactors = cblue_context_ref_extensions(self->context, CBLUE_TYPE_REDACTOR);
	if (redactors->len > 0) {
		g_autoptr(CblueRedactionPolicy) policy = cblue_context_get_redaction_policy(self->context);
		g_autoptr(GPtrArray) spans = NULL;
		g_autofree gchar *redacted = cblue_redact_text_full(redactors, cblue_message_get_text(message), policy,
								    conversation_id, &spans);
		if (spans->len > 0) {
			g_autoptr(GPtrArray) types = g_ptr_array_new();
			for (guint i = 0; i < spans->len; i++)
				g_ptr_array_add(types, ((CblueSpan *)g_ptr_array_index(spans, i))->label);
			g_ptr_array_add(types, NULL);
			cblue_message_set_text(message, redacted);
			cblue_chat_reply_set_pii_redacted(op->reply, TRUE);
			cblue_chat_reply_set_pii_types(op->reply, (const gchar *const *)types->pdata);
		}
	}
	cblue_bot_stage_done(op, "redact");

	/* user text only at debug level, and only once redacted */
	if (!g_log_writer_default_would_drop(G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
		g_log_structured(G_LOG_DOMAIN, G_LOG_LEVEL_DEBUG, "CBLUE_CONVERSATION_ID", conversation_id, "MESSAGE",
				 "message %s (%s): %s", cblue_message_get_message_id(message),
				 cblue_message_get_language(message), cblue_message_get_text(message));
	cblue_chat_reply_set_conversation_id(op->reply, conversation_id);
	cblue_chat_reply_set_message_id(op->reply, cblue_message_get_message_id(message));
	cblue_chat_reply_set_language(op->reply, cblue_message_get_language(message));
	return g_steal_pointer(&op);
}

/* best first: by score, then by topic (as cblue_hit_compare()) */
static gint
cblue_bot_compare_scores(gdouble score_a, const gchar *topic_a, gdouble score_b, const gchar *topic_b)
{
	if (score_a > score_b)
		return -1;
	if (score_a < score_b)
		return 1;
	return g_strcmp0(topic_a, topic_b);
}

static gint
cblue_bot_hit_compare(gconstpointer a, gconstpointer b)
{
	const CblueBotHit *hit_a = a, *hit_b = b;
	return cblue_bot_compare_scores(hit_a->score, hit_a->topic_id, hit_b->score, hit_b->topic_id);
}

/* the fusion weight of a retriever: `[<plugin>] fusion_weight`, 1 by default; read once
 * (the retrievers live as long as the context) */
static gdouble
cblue_bot_retriever_weight(CblueBot *self, CblueRetriever *retriever)
{
	const gchar *plugin;
	gdouble *weight;

	g_mutex_lock(&self->mutex);
	weight = g_hash_table_lookup(self->weights, retriever);
	if (weight == NULL) {
		plugin = cblue_context_get_extension_plugin(self->context, G_OBJECT(retriever));
		weight = g_new(gdouble, 1);
		*weight = plugin == NULL ? 1.0
					 : MAX(cblue_config_get_double(cblue_context_get_config(self->context), plugin,
								       "fusion_weight", 1.0),
					       0.0);
		g_hash_table_insert(self->weights, retriever, weight);
	}
	g_mutex_unlock(&self->mutex);
	return *weight;
}

/* A retriever that fails is left out of the fusion (its weight does not dilute the others'
 * confidences): the message is answered by the retrievers that work. A retriever whose
 * backend is unreachable (CBLUE_ERROR_NOT_REACHABLE, e.g. an embeddings endpoint that is
 * down) reports that itself, once; anything else is a warning. */
static void
cblue_bot_retriever_failed(CblueBot *self, CblueRetriever *retriever, const GError *error)
{
	const gchar *plugin = cblue_context_get_extension_plugin(self->context, G_OBJECT(retriever));
	if (g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE) ||
	    g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
		g_debug("retriever %s: %s", plugin != NULL ? plugin : "?", error->message);
	else
		g_warning("retriever %s: %s", plugin != NULL ? plugin : "?", error->message);
}

/* how many hits to ask each retriever for: more for a follow-up, whose topic may rank
 * lower than other topics on its words alone */
static guint
cblue_bot_search_depth(CblueBot *self, CblueAskOp *op)
{
	if (cblue_message_get_previous_topic_id(op->message) != NULL && self->context_margin > 0)
		return MAX(self->max_hits, CBLUE_BOT_CONTEXT_MAX_HITS);
	return self->max_hits;
}

/* a CblueRetrieverHitFunc: the hit to the run being added (@user_data is the op) */
static void
cblue_bot_collect_hit(const gchar *topic_id, gdouble score, gdouble confidence, gpointer user_data)
{
	CblueAskOp *op = user_data;
	gsize size = strlen(topic_id) + 1;
	CblueBotRunHit *hit;

	g_array_set_size(op->run_hits, op->run_hits->len + 1);
	hit = &g_array_index(op->run_hits, CblueBotRunHit, op->run_hits->len - 1);
	hit->run = op->n_runs;
	hit->score = score;
	hit->confidence = CLAMP(confidence, 0.0, 1.0);
	hit->heap_id = size <= sizeof(hit->inline_id) ? NULL : g_memdup2(topic_id, size);
	if (hit->heap_id == NULL)
		memcpy(hit->inline_id, topic_id, size);
}

/* the hits of a retriever that returned them as objects, to the run being added */
static void
cblue_bot_collect_hits(CblueAskOp *op, GPtrArray *hits)
{
	for (guint i = 0; i < hits->len; i++) {
		CblueHit *hit = g_ptr_array_index(hits, i);
		cblue_bot_collect_hit(cblue_hit_get_topic_id(hit), cblue_hit_get_score(hit),
				      cblue_hit_get_confidence(hit), op);
	}
}

/* ends the run whose hits were collected last */
static void
cblue_bot_add_run(CblueBot *self, CblueAskOp *op, CblueRetriever *retriever)
{
	gdouble weight = cblue_bot_retriever_weight(self, retriever);
	const gchar *plugin = cblue_context_get_extension_plugin(self->context, G_OBJECT(retriever));

	g_ptr_array_add(op->run_plugins, (gpointer)(plugin != NULL ? plugin : G_OBJECT_TYPE_NAME(retriever)));
	g_array_append_val(op->run_weights, weight);
	op->n_runs++;
}

static gint
cblue_bot_run_hit_compare(gconstpointer a, gconstpointer b)
{
	const CblueBotRunHit *hit_a = a, *hit_b = b;
	return cblue_bot_compare_scores(hit_a->score, cblue_bot_run_hit_topic_id(hit_a), hit_b->score,
					cblue_bot_run_hit_topic_id(hit_b));
}

/* One retriever's run of a message with a request part: its hits of the whole message are
 * op->run_hits [@base, @split), those of the request [@split, end). Made one run whose scores
 * are the two weighed, the request's by op->request_weight ([bot] request_weight, or
 * CBLUE_BOT_UNNEGATED_WEIGHT for a message without its negated words) and the whole message's by the
 * rest (a topic one of them did not return counting 0 there), best first and at most @depth
 * hits: the request decides more than the background which topic is meant, and the
 * background still counts. What the decision model reads of a topic (its confidence, the
 * share of the message it covers, and its score) stays the whole message's, kept in
 * op->whole_hits: the models were learned on whole messages. A topic only the request found
 * has the request's confidence, weighed. */
static void
cblue_bot_merge_request_run(CblueBot *self, CblueAskOp *op, guint base, guint split, guint depth)
{
	gdouble weight = op->request_weight;
	guint end = op->run_hits->len;
	g_autoptr(GArray) merged = g_array_sized_new(FALSE, FALSE, sizeof(CblueBotRunHit), end - base);

	g_array_set_clear_func(merged, cblue_bot_run_hit_clear);
	for (guint i = base; i < split; i++) {
		CblueBotRunHit *hit = &g_array_index(op->run_hits, CblueBotRunHit, i);
		CblueBotRunHit copy = *hit;
		copy.score *= 1.0 - weight;
		hit->heap_id = NULL; /* now the copy's */
		g_array_append_val(merged, copy);
	}
	for (guint i = split; i < end; i++) {
		CblueBotRunHit *hit = &g_array_index(op->run_hits, CblueBotRunHit, i);
		const gchar *topic_id = cblue_bot_run_hit_topic_id(hit);
		CblueBotRunHit *acc = NULL;
		for (guint j = 0; j < split - base && acc == NULL; j++) {
			CblueBotRunHit *candidate = &g_array_index(merged, CblueBotRunHit, j);
			if (strcmp(cblue_bot_run_hit_topic_id(candidate), topic_id) == 0)
				acc = candidate;
		}
		if (acc != NULL) {
			acc->score += weight * hit->score;
		} else {
			CblueBotRunHit copy = *hit;
			copy.score *= weight;
			copy.confidence *= weight;
			hit->heap_id = NULL;
			g_array_append_val(merged, copy);
		}
	}
	g_array_set_size(op->run_hits, base);
	g_array_sort(merged, cblue_bot_run_hit_compare);
	if (merged->len > depth)
		g_array_set_size(merged, depth);
	for (guint i = 0; i < merged->len; i++) {
		CblueBotRunHit *hit = &g_array_index(merged, CblueBotRunHit, i);
		g_array_append_val(op->run_hits, *hit);
		hit->heap_id = NULL; /* now op->run_hits' */
	}
}

/* one search of @message with @retriever, its hits to op->run_hits */
static gboolean
cblue_bot_search_message_sync(CblueBot *self, CblueAskOp *op, CblueRetriever *retriever, CblueMessage *message,
			      GError **error)
{
	CblueRetrieverSearchEachFunc search_each = cblue_retriever_get_search_each(retriever);
	g_autoptr(GPtrArray) hits = NULL;

	if (search_each != NULL)
		return search_each(retriever, message, cblue_bot_search_depth(self, op), cblue_bot_collect_hit, op,
				   error);
	hits = cblue_retriever_search(retriever, message, cblue_bot_search_depth(self, op), error);
	if (hits == NULL)
		return FALSE;
	cblue_bot_collect_hits(op, hits);
	return TRUE;
}

/* Searches with one retriever in place: without a CblueHit a hit when the retriever can
 * (cblue-retriever-private.h); the request part too, if the message has one. A retriever
 * that fails adds no run. */
static void
cblue_bot_search_sync(CblueBot *self, CblueAskOp *op, CblueRetriever *retriever)
{
	g_autoptr(GError) error = NULL;
	guint base = op->run_hits->len;
	gboolean ok;

	op->stage_start = g_get_monotonic_time();
	ok = cblue_bot_search_message_sync(self, op, retriever, op->message, &error);
	if (ok && op->request != NULL) {
		guint split = op->run_hits->len;
		g_autoptr(GError) request_error = NULL;
		if (op->whole_hits == NULL) {
			op->whole_hits = g_array_new(FALSE, FALSE, sizeof(CblueBotRunHit));
			g_array_set_clear_func(op->whole_hits, cblue_bot_run_hit_clear);
		}
		for (guint i = base; i < split; i++) {
			CblueBotRunHit copy = g_array_index(op->run_hits, CblueBotRunHit, i);
			copy.heap_id = g_strdup(copy.heap_id);
			g_array_append_val(op->whole_hits, copy);
		}
		/* a retriever that cannot search the request keeps the whole message's run */
		if (cblue_bot_search_message_sync(self, op, retriever, op->request, &request_error))
			cblue_bot_merge_request_run(self, op, base, split, cblue_bot_search_depth(self, op));
		else
			g_array_set_size(op->run_hits, split);
	}
	cblue_bot_stage_done(op, cblue_bot_retriever_stage_name(self, retriever));
	if (!ok) {
		g_array_set_size(op->run_hits, base);
		cblue_bot_retriever_failed(self, retriever, error);
		return;
	}
	cblue_bot_add_run(self, op, retriever);
}

/* Up to this many hits in all runs (the default max_hits gives 10, a follow-up 40), fusion
 * finds a topic's fused hit by comparing topic ids in turn: cheaper than building a hash
 * table for a few hits. The order of the fused hits does not depend on it (sorted after). */
#define CBLUE_BOT_FUSE_LINEAR_MAX_HITS 48

/* the fused hit of @topic_id so far, or NULL; @index is NULL for a few hits (see above) */
static CblueBotHit *
cblue_bot_fused_lookup(GArray *fused, GHashTable *index, const gchar *topic_id)
{
	if (index != NULL) {
		guint pos = GPOINTER_TO_UINT(g_hash_table_lookup(index, topic_id));
		return pos > 0 ? &g_array_index(fused, CblueBotHit, pos - 1) : NULL;
	}
	for (guint i = 0; i < fused->len; i++) {
		CblueBotHit *hit = &g_array_index(fused, CblueBotHit, i);
		if (strcmp(hit->topic_id, topic_id) == 0)
			return hit;
	}
	return NULL;
}

/* Score fusion: each retriever's scores are divided by its best score (so that BM25 sums
 * and cosines share one scale, the best hit of each retriever at 1) and summed with the
 * retrievers' weights; confidences, calibrated per retriever, are averaged with the same
 * weights (kept within 0..1 at each step, as a CblueHit keeps its confidence), a retriever
 * that did not return the topic counting 0 (a retriever that failed is not in the fusion at
 * all). With one retriever, its hits as they are. Returns an array of CblueBotHit. */
static GArray *
cblue_bot_fuse(CblueAskOp *op)
{
	g_autoptr(GHashTable) fused = NULL; /* topic id → position + 1 in result */
	const CblueBotRunHit *run_hits = (const CblueBotRunHit *)op->run_hits->data;
	guint n_run_hits = op->run_hits->len;
	/* at most every run's hits: allocated once */
	GArray *result = g_array_sized_new(FALSE, FALSE, sizeof(CblueBotHit), MAX(n_run_hits, 1));
	gdouble total_weight = 0;

	if (op->n_runs == 1) {
		for (guint i = 0; i < n_run_hits; i++) {
			CblueBotHit hit = {cblue_bot_run_hit_topic_id(&run_hits[i]), run_hits[i].score,
					   run_hits[i].confidence};
			g_array_append_val(result, hit);
		}
		return result;
	}
	if (n_run_hits > CBLUE_BOT_FUSE_LINEAR_MAX_HITS)
		fused = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint r = 0; r < op->n_runs; r++)
		total_weight += g_array_index(op->run_weights, gdouble, r);
	/* the runs' hits are one run after the other, each best first */
	for (guint start = 0, end; start < n_run_hits && total_weight > 0; start = end) {
		guint r = run_hits[start].run;
		gdouble weight = g_array_index(op->run_weights, gdouble, r);
		gdouble best = run_hits[start].score;
		for (end = start; end < n_run_hits && run_hits[end].run == r; end++)
			;
		for (guint i = start; i < end && best > 0 && weight > 0; i++) {
			const gchar *topic_id = cblue_bot_run_hit_topic_id(&run_hits[i]);
			CblueBotHit *acc = cblue_bot_fused_lookup(result, fused, topic_id);
			gdouble score = weight * run_hits[i].score / best;
			gdouble confidence = weight * run_hits[i].confidence / total_weight;
			if (acc == NULL) {
				CblueBotHit hit = {topic_id, score, CLAMP(confidence, 0.0, 1.0)};
				g_array_append_val(result, hit);
				if (fused != NULL)
					g_hash_table_insert(fused, (gpointer)topic_id, GUINT_TO_POINTER(result->len));
				continue;
			}
			acc->score += score;
			acc->confidence = CLAMP(acc->confidence + confidence, 0.0, 1.0);
		}
	}
	g_array_sort(result, cblue_bot_hit_compare);
	return result;
}

static gchar *
cblue_bot_topic_label(CblueKb *kb, const gchar *topic_id, const gchar *language)
{
	CblueKbEntry *entry = cblue_kb_lookup(kb, topic_id);
	const gchar *const *questions;
	if (entry == NULL)
		return g_strdup(topic_id);
	questions = cblue_kb_entry_get_questions(entry, language);
	if (questions[0] == NULL)
		questions = cblue_kb_entry_get_questions(entry, "en");
	return g_strdup(questions[0] != NULL ? questions[0] : topic_id);
}

/* The `clarify` canned reply offering the topics @topic_ids (NULL-terminated, at most ten): each
 * placeholder {k} becomes the k-th topic's label; a line holding the placeholder of a topic
 * beyond the last ("3. {2}" when two are offered) is left out. */
static gchar *
cblue_bot_format_clarify(CblueBot *self, CblueKb *kb, const gchar *language, const gchar *const *topic_ids)
{
	g_autofree gchar *template = NULL;
	g_auto(GStrv) lines = NULL;
	GString *text = g_string_new(NULL);
	guint n = g_strv_length((gchar **)topic_ids);

	g_mutex_lock(&self->mutex);
	template = g_strdup(cblue_bot_canned_locked(self, "clarify", language));
	g_mutex_unlock(&self->mutex);
	lines = g_strsplit(template, "\n", -1);
	for (guint i = 0; lines[i] != NULL; i++) {
		g_autofree gchar *line = g_strdup(lines[i]);
		gboolean beyond = FALSE;
		for (guint k = 0; k < 10 && !beyond; k++) {
			gchar placeholder[4] = {'{', (gchar)('0' + k), '}', '\0'};
			g_autofree gchar *label = NULL;
			g_auto(GStrv) parts = NULL;
			if (strstr(line, placeholder) == NULL)
				continue;
			if (k >= n) {
				beyond = TRUE;
				continue;
			}
			label = cblue_bot_topic_label(kb, topic_ids[k], language);
			parts = g_strsplit(line, placeholder, -1);
			g_free(line);
			line = g_strjoinv(label, parts);
		}
		if (beyond)
			continue;
		if (text->len > 0)
			g_string_append_c(text, '\n');
		g_string_append(text, line);
	}
	return g_string_free(text, FALSE);
}

/* How close the topic @topic_id is to the conversation's last topic @previous: 2 for
 * @previous itself or a topic of its product (the same first tag: "solar", "cctv", "ev"),
 * 1 for another topic of its category ("smart-tech" holds door locks and cameras), else 0 */
static guint
cblue_bot_kinship(CblueKb *kb, const gchar *topic_id, CblueKbEntry *previous)
{
	CblueKbEntry *entry;
	const gchar *category;
	const gchar *const *tags;
	const gchar *const *previous_tags;

	if (g_strcmp0(topic_id, cblue_kb_entry_get_topic_id(previous)) == 0)
		return 2;
	entry = cblue_kb_lookup(kb, topic_id);
	if (entry == NULL)
		return 0;
	tags = cblue_kb_entry_get_tags(entry);
	previous_tags = cblue_kb_entry_get_tags(previous);
	if (tags != NULL && previous_tags != NULL && tags[0] != NULL && previous_tags[0] != NULL &&
	    previous_tags[0][0] != '\0' && strcmp(tags[0], previous_tags[0]) == 0)
		return 2;
	category = cblue_kb_entry_get_category(previous);
	return category != NULL && category[0] != '\0' &&
	       g_strcmp0(cblue_kb_entry_get_category(entry), category) == 0;
}

/* The follow-up's best hit is of the last topic P's product. P itself is taken first when it is
 * confident and that best hit is P, or a sibling that P scores within CBLUE_BOT_CONTEXT_TIE of: the
 * follow-up's words do not tell the two apart, the conversation does. "and 10 kW?" after a solar
 * price finds the sizing topic (which names kW) a hair above the price; "อินเวอร์เตอร์ล่ะ" (and the
 * inverter?) after the warranties finds the brands at the warranties' own score. A sibling the
 * follow-up names ("do I need a permit?" after the price: permits at 2.0, the price at 1.2) is
 * far ahead. And P first and confident is the conversation's choice, not a guess for the decision
 * model to doubt ("一度多少钱" after the buy-back, "how often should i do it" after the cleaning:
 * on their words alone too vague to answer).
 * Returns: %TRUE if P is now first in @hits */
static gboolean
cblue_bot_last_topic_first(CblueBot *self, GArray *hits, const gchar *previous_id)
{
	const CblueBotHit *top = &g_array_index(hits, CblueBotHit, 0);
	gdouble floor = top->score * (1.0 - CBLUE_BOT_CONTEXT_TIE);

	for (guint i = 0; i < hits->len; i++) {
		const CblueBotHit *hit = &g_array_index(hits, CblueBotHit, i);
		if (hit->score < floor)
			break;
		if (strcmp(hit->topic_id, previous_id) == 0) {
			CblueBotHit chosen = *hit;
			if (chosen.confidence < self->answer_threshold)
				return FALSE;
			if (i > 0) {
				g_debug("follow-up of %s: itself rather than %s, as near", previous_id, top->topic_id);
				g_array_remove_index(hits, i);
				g_array_prepend_val(hits, chosen);
			}
			return TRUE;
		}
	}
	return FALSE;
}

/* The index in @hits of the last topic P (@previous_id) in place of @best, a sibling of it that the
 * context chose, when P is confident and within CBLUE_BOT_CONTEXT_TIE of @best's score (if under the
 * context margin's floor, which @best is above),
 * as cblue_bot_last_topic_first() takes it over a sibling that is the best hit: the follow-up's words
 * do not tell them apart, the conversation does. "is it free?" after the solar monitoring app finds the
 * site survey first (free), then the payback and the app itself nearly tied. Else @best. */
static guint
cblue_bot_last_topic_near(CblueBot *self, GArray *hits, guint best, const gchar *previous_id)
{
	gdouble near = g_array_index(hits, CblueBotHit, best).score * (1.0 - CBLUE_BOT_CONTEXT_TIE);

	for (guint i = best + 1; i < hits->len; i++) {
		const CblueBotHit *hit = &g_array_index(hits, CblueBotHit, i);
		if (hit->score < near)
			break;
		if (strcmp(hit->topic_id, previous_id) == 0)
			return hit->confidence >= self->answer_threshold ? i : best;
	}
	return best;
}

/* Conversation context. A follow-up ("how much is it?", "แล้วราคาล่ะ", "多少钱？") names an
 * aspect but not the thing: on its words alone, the price topics of every product line
 * score alike. In a conversation whose last answer was topic P, the best hit is replaced
 * by the best hit of P's family when that one is confident (at least the answer threshold)
 * and scores at least (1 - [bot] context_margin) of the best hit: of P's product (P itself
 * or a topic of P's first tag) if there is one, else of P's category. After a door lock,
 * "how much is it?" is the door lock's price, not that of the cameras of the same category
 * that score higher. A question that clearly points elsewhere ("do you install CCTV?"
 * after solar) keeps its own answer: nothing of the solar family scores near it.
 *
 * Returns: %TRUE if the context chose the topic (moved it first, or found it first with
 *   the runner-up of a more distant kin): no need to ask which topic was meant */
static gboolean
cblue_bot_apply_context(CblueBot *self, CblueAskOp *op, GArray *hits, const gchar *previous_id)
{
	CblueKbEntry *previous;
	const CblueBotHit *top;
	gdouble floor;
	guint top_kin, best = 0, best_kin = 0;

	if (previous_id == NULL || self->context_margin <= 0 || hits->len < 2)
		return FALSE;
	previous = cblue_kb_lookup(op->kb, previous_id);
	if (previous == NULL)
		return FALSE;
	top = &g_array_index(hits, CblueBotHit, 0);
	top_kin = cblue_bot_kinship(op->kb, top->topic_id, previous);
	if (top_kin == 2) {
		if (cblue_bot_last_topic_first(self, hits, previous_id))
			return TRUE;
		return cblue_bot_kinship(op->kb, g_array_index(hits, CblueBotHit, 1).topic_id, previous) < 2;
	}
	floor = top->score * (1.0 - self->context_margin);
	for (guint i = 1; i < hits->len && best_kin < 2; i++) {
		const CblueBotHit *hit = &g_array_index(hits, CblueBotHit, i);
		guint kin;
		if (hit->score < floor)
			break;
		if (hit->confidence < self->answer_threshold)
			continue;
		kin = cblue_bot_kinship(op->kb, hit->topic_id, previous);
		/* a topic of P's category only is weaker evidence than P's product: it displaces a
		 * confident best hit of no kin only when nearly tied with it */
		if (kin == 1 && top->confidence >= self->answer_threshold &&
		    hit->score < top->score * (1.0 - CBLUE_BOT_CONTEXT_TIE))
			continue;
		if (kin > best_kin) {
			best = i;
			best_kin = kin;
		}
	}
	if (best_kin == 2)
		best = cblue_bot_last_topic_near(self, hits, best, previous_id);
	if (best_kin <= top_kin) {
		/* the best hit is of P's category and nothing of P's product is near it */
		return top_kin == 1 &&
		       cblue_bot_kinship(op->kb, g_array_index(hits, CblueBotHit, 1).topic_id, previous) == 0;
	}
	{
		CblueBotHit hit = g_array_index(hits, CblueBotHit, best);
		g_debug("follow-up of %s: %s rather than %s", previous_id, hit.topic_id, top->topic_id);
		g_array_remove_index(hits, best);
		g_array_prepend_val(hits, hit);
	}
	return TRUE;
}

/* the product a topic belongs to: its first tag ("solar", "ev", "cctv"), else its id */
static const gchar *
cblue_bot_product(CblueKbEntry *entry)
{
	const gchar *const *tags = cblue_kb_entry_get_tags(entry);
	return tags != NULL && tags[0] != NULL && tags[0][0] != '\0' ? tags[0] : cblue_kb_entry_get_topic_id(entry);
}

static void
cblue_bot_add_words(CblueTokenizer *tokenizer, GHashTable *set, const gchar *text)
{
	g_autoptr(GPtrArray) words = NULL;

	if (text == NULL || text[0] == '\0')
		return;
	words = cblue_tokenizer_tokenize(tokenizer, text);
	for (guint i = 0; i < words->len; i++)
		g_hash_table_add(set, g_steal_pointer(&g_ptr_array_index(words, i)));
}

/* The words of the topic @entry in @language: those of its questions and content in that
 * language, its keywords (of every language) and tags, as the tokenizer splits them;
 * remembered while the KB stays. Returns: (transfer full): a set */
static GHashTable *
cblue_bot_topic_words(CblueBot *self, CblueAskOp *op, CblueKbEntry *entry, const gchar *language)
{
	CblueTokenizer *tokenizer = cblue_context_get_tokenizer(self->context);
	g_autofree gchar *key = g_strdup_printf("%s %s", language, cblue_kb_entry_get_topic_id(entry));
	const gchar *const *questions = cblue_kb_entry_get_questions(entry, language);
	const gchar *const *keywords = cblue_kb_entry_get_keywords(entry);
	const gchar *const *tags = cblue_kb_entry_get_tags(entry);
	GHashTable *words;

	g_mutex_lock(&self->mutex);
	words = g_hash_table_lookup(self->topic_words, key);
	if (words != NULL)
		g_hash_table_ref(words);
	g_mutex_unlock(&self->mutex);
	if (words != NULL)
		return words;
	words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; questions != NULL && questions[i] != NULL; i++)
		cblue_bot_add_words(tokenizer, words, questions[i]);
	cblue_bot_add_words(tokenizer, words, cblue_kb_entry_get_content_for(entry, language, NULL));
	for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++)
		cblue_bot_add_words(tokenizer, words, keywords[i]);
	for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
		cblue_bot_add_words(tokenizer, words, tags[i]);
	g_mutex_lock(&self->mutex);
	/* only for the KB in force (@op's may have been replaced meanwhile) */
	if (self->kb == op->kb) {
		if (g_hash_table_size(self->topic_words) >= CBLUE_BOT_TOPIC_WORDS_MAX)
			g_hash_table_remove_all(self->topic_words);
		g_hash_table_insert(self->topic_words, g_steal_pointer(&key), g_hash_table_ref(words));
	}
	g_mutex_unlock(&self->mutex);
	return words;
}

guint
cblue_bot_get_n_topic_words(CblueBot *self)
{
	guint n;

	g_return_val_if_fail(CBLUE_IS_BOT(self), 0);
	g_mutex_lock(&self->mutex);
	n = g_hash_table_size(self->topic_words);
	g_mutex_unlock(&self->mutex);
	return n;
}

/* whether the topics @a and @b share a tag after their first: the same aspect ("price",
 * "installation") of their products */
static gboolean
cblue_bot_same_aspect(CblueKbEntry *a, CblueKbEntry *b)
{
	const gchar *const *tags_a = cblue_kb_entry_get_tags(a);
	const gchar *const *tags_b = cblue_kb_entry_get_tags(b);

	if (tags_a == NULL || tags_b == NULL || tags_a[0] == NULL || tags_b[0] == NULL)
		return FALSE;
	for (guint i = 1; tags_a[i] != NULL; i++) {
		if (tags_a[i][0] != '\0' && g_strv_contains(tags_b + 1, tags_a[i]))
			return TRUE;
	}
	return FALSE;
}

typedef gpointer (*CblueBotKbIndexFunc)(CblueKb *kb);
typedef gpointer (*CblueBotKbIndexRef)(gpointer index);

/* An index that @make makes of @op's KB (its topics by product, its tags' counts, its keywords
 * casefolded): that of the KB in force, kept in @slot and made on first use, once a KB version
 * (dropped in cblue_bot_set_kb()), so that a message does not scan a KB of 100,000 topics; or,
 * when @op's KB was replaced meanwhile, one of its own.
 * Returns: (transfer full): the index, a reference taken with @ref */
static gpointer
cblue_bot_kb_index(CblueBot *self, CblueAskOp *op, gpointer *slot, CblueBotKbIndexFunc make, CblueBotKbIndexRef ref)
{
	gpointer index = NULL;

	g_mutex_lock(&self->mutex);
	if (self->kb == op->kb) {
		if (*slot == NULL)
			*slot = make(op->kb);
		index = ref(*slot);
	}
	g_mutex_unlock(&self->mutex);
	return index != NULL ? index : make(op->kb);
}

/* the number of @kb's topics that have each tag. Returns: (transfer full): tag (borrowed) → count */
static GHashTable *
cblue_bot_tag_counts_of(CblueKb *kb)
{
	GPtrArray *entries = cblue_kb_get_entries(kb);
	GHashTable *counts = g_hash_table_new(g_str_hash, g_str_equal);

	for (guint i = 0; i < entries->len; i++) {
		const gchar *const *tags = cblue_kb_entry_get_tags(g_ptr_array_index(entries, i));
		for (guint t = 0; tags != NULL && tags[t] != NULL; t++) {
			gboolean again = FALSE;
			for (guint u = 0; u < t && !again; u++)
				again = strcmp(tags[u], tags[t]) == 0;
			if (!again)
				g_hash_table_insert(counts, (gpointer)tags[t],
						    GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(counts, tags[t])) + 1));
		}
	}
	return counts;
}

/* whether at most one topic of @op's KB has the tag @tag (its tag counts, cblue_bot_kb_index()) */
static gboolean
cblue_bot_tag_is_unique(CblueBot *self, CblueAskOp *op, const gchar *tag)
{
	g_autoptr(GHashTable) counts = cblue_bot_kb_index(self, op, (gpointer *)&self->tag_counts,
							  (CblueBotKbIndexFunc)cblue_bot_tag_counts_of,
							  (CblueBotKbIndexRef)g_hash_table_ref);

	return GPOINTER_TO_UINT(g_hash_table_lookup(counts, tag)) <= 1;
}

/* the topics of @kb by product (cblue_bot_product()), each product's in the KB's order.
 * Returns: (transfer full): of (GPtrArray of borrowed CblueKbEntry) */
static GHashTable *
cblue_bot_products_of(CblueKb *kb)
{
	GPtrArray *entries = cblue_kb_get_entries(kb);
	GHashTable *products = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_ptr_array_unref);

	for (guint i = 0; i < entries->len; i++) {
		CblueKbEntry *entry = g_ptr_array_index(entries, i);
		const gchar *product = cblue_bot_product(entry);
		GPtrArray *topics = g_hash_table_lookup(products, product);
		if (topics == NULL) {
			topics = g_ptr_array_new();
			g_hash_table_insert(products, (gpointer)product, topics);
		}
		g_ptr_array_add(topics, entry);
	}
	return products;
}

/* How many products (cblue_bot_product()) of @op's KB have a topic whose English words
 * (cblue_bot_topic_words()) hold @word, counting up to @enough: through the KB's topics by
 * product (cblue_bot_kb_index()), reading at most CBLUE_BOT_ASPECT_MAX_TOPICS topics (in a bigger
 * KB, a word that the topics read leave short of @enough is taken as no aspect) */
static guint
cblue_bot_products_speaking_of(CblueBot *self, CblueAskOp *op, const gchar *word, guint enough)
{
	g_autoptr(GHashTable) products = cblue_bot_kb_index(self, op, (gpointer *)&self->products,
							    (CblueBotKbIndexFunc)cblue_bot_products_of,
							    (CblueBotKbIndexRef)g_hash_table_ref);
	GHashTableIter iter;
	gpointer topics;
	guint n = 0, n_read = 0;

	g_hash_table_iter_init(&iter, products);
	while (n < enough && n_read < CBLUE_BOT_ASPECT_MAX_TOPICS && g_hash_table_iter_next(&iter, NULL, &topics)) {
		for (guint i = 0; i < ((GPtrArray *)topics)->len && n_read < CBLUE_BOT_ASPECT_MAX_TOPICS; i++, n_read++) {
			g_autoptr(GHashTable) words =
			    cblue_bot_topic_words(self, op, g_ptr_array_index((GPtrArray *)topics, i), "en");
			if (g_hash_table_contains(words, word)) {
				n++;
				break;
			}
		}
	}
	return n;
}

/* The topics of @product in @op's KB, in the KB's order (its index by product,
 * cblue_bot_kb_index()). Returns: (transfer full): of CblueKbEntry borrowed from @op's KB (empty if none) */
static GPtrArray *
cblue_bot_product_topics(CblueBot *self, CblueAskOp *op, const gchar *product)
{
	g_autoptr(GHashTable) products = cblue_bot_kb_index(self, op, (gpointer *)&self->products,
							    (CblueBotKbIndexFunc)cblue_bot_products_of,
							    (CblueBotKbIndexRef)g_hash_table_ref);
	GPtrArray *topics = g_hash_table_lookup(products, product);

	return topics != NULL ? g_ptr_array_ref(topics) : g_ptr_array_new();
}

/* The words of each topic of @entry's product (cblue_bot_product()) in @language
 * (cblue_bot_topic_words()). Returns: (transfer full): sets, one a topic */
static GPtrArray *
cblue_bot_product_family_words(CblueBot *self, CblueAskOp *op, CblueKbEntry *entry, const gchar *language)
{
	g_autoptr(GPtrArray) topics = cblue_bot_product_topics(self, op, cblue_bot_product(entry));
	GPtrArray *family = g_ptr_array_new_with_free_func((GDestroyNotify)g_hash_table_unref);

	for (guint i = 0; i < topics->len; i++)
		g_ptr_array_add(family, cblue_bot_topic_words(self, op, g_ptr_array_index(topics, i), language));
	return family;
}

/* Whether the topics of @entry's product speak of @word in passing: at least a
 * CBLUE_BOT_ASPECT_IN_PASSING-th of them hold it in their English words ("installation" is in the
 * solar price's, the battery's, the roof's...; "warranty" in 3 of the 19 solar topics) */
static gboolean
cblue_bot_in_passing(CblueBot *self, CblueAskOp *op, CblueKbEntry *entry, const gchar *word)
{
	g_autoptr(GPtrArray) family = cblue_bot_product_family_words(self, op, entry, "en");
	guint n = 0;

	for (guint i = 0; i < family->len; i++)
		n += g_hash_table_contains(g_ptr_array_index(family, i), word);
	return n * CBLUE_BOT_ASPECT_IN_PASSING >= family->len;
}

/* Whether a tag of @a (nullable) after its first, one word and no stop word, is in @b's words
 * in English (cblue_bot_topic_words(): its text, keywords and tags): @b speaks of @a's aspect
 * ("price", "warranty"). With @unique, only a tag that no other topic has; with @products, only
 * @a's first aspect (the tag after its product's: the solar price's "price", not its
 * "quotation", which the installation steps name) and only if the topics of at least that many
 * products speak of it (cblue_bot_products_speaking_of()) and fewer than a
 * CBLUE_BOT_ASPECT_IN_PASSING-th of the topics of @b's product do */
static gboolean
cblue_bot_speaks_of_tag(CblueBot *self, CblueAskOp *op, CblueKbEntry *a, CblueKbEntry *b, gboolean unique,
			guint products)
{
	CblueTokenizer *tokenizer = cblue_context_get_tokenizer(self->context);
	const gchar *const *tags = a != NULL ? cblue_kb_entry_get_tags(a) : NULL;
	g_autoptr(GHashTable) words = NULL;

	if (tags == NULL || tags[0] == NULL)
		return FALSE;
	for (guint i = 1; tags[i] != NULL && (products == 0 || i == 1); i++) {
		g_autoptr(GPtrArray) tag_words = NULL;
		if (tags[i][0] == '\0' || (unique && !cblue_bot_tag_is_unique(self, op, tags[i])))
			continue;
		tag_words = cblue_tokenizer_tokenize(tokenizer, tags[i]);
		if (tag_words->len != 1 || g_hash_table_contains(self->stopwords, g_ptr_array_index(tag_words, 0)))
			continue;
		if (words == NULL)
			words = cblue_bot_topic_words(self, op, b, "en");
		if (g_hash_table_contains(words, g_ptr_array_index(tag_words, 0)) &&
		    (products == 0 ||
		     (cblue_bot_products_speaking_of(self, op, g_ptr_array_index(tag_words, 0), products) >= products &&
		      !cblue_bot_in_passing(self, op, b, g_ptr_array_index(tag_words, 0)))))
			return TRUE;
	}
	return FALSE;
}

/* Whether @a is the KB's one topic on an aspect that @b speaks of in passing: a tag of @a
 * after its first that no other topic has and that is one word, no stop word ("warranty",
 * "brands", "maintenance": solar has a topic of each), is in @b's words in English
 * (cblue_bot_topic_words(): its text, keywords and tags), as the CCTV and renovation topics
 * quote their warranty. Tags that several topics share are cblue_bot_same_aspect()'s. */
static gboolean
cblue_bot_speaks_of_aspect(CblueBot *self, CblueAskOp *op, CblueKbEntry *a, CblueKbEntry *b)
{
	return cblue_bot_speaks_of_tag(self, op, a, b, TRUE, 0);
}

/* Whether @word names the product whose topics' words are @family
 * (cblue_bot_product_family_words()): it is in at least half of them. A name is in most of
 * them ("solar", "ev", "监控"; a product of one topic names itself: กลอนดิจิตอล, "wi-fi"), an
 * aspect in few ("warranty" in 3 of the 19 solar topics). */
static gboolean
cblue_bot_word_names_product(GPtrArray *family, const gchar *word)
{
	guint n = 0;

	for (guint i = 0; i < family->len; i++)
		n += g_hash_table_contains(g_ptr_array_index(family, i), word);
	return 2 * n >= family->len;
}

/* Whether @words (a question's content words) name none of @entry's product
 * (cblue_bot_word_names_product()) in @language. */
static gboolean
cblue_bot_names_no_product(CblueBot *self, CblueAskOp *op, CblueKbEntry *entry, GPtrArray *words,
			   const gchar *language)
{
	g_autoptr(GPtrArray) family = cblue_bot_product_family_words(self, op, entry, language);

	for (guint w = 0; w < words->len; w++) {
		if (cblue_bot_word_names_product(family, g_ptr_array_index(words, w)))
			return FALSE;
	}
	return TRUE;
}

/* whether @text is, word for word, one of @entry's keywords: the KB says what it means
 * (保修 alone is the solar warranty's keyword) */
static gboolean
cblue_bot_is_keyword_of(CblueBot *self, CblueKbEntry *entry, const gchar *text)
{
	CblueTokenizer *tokenizer = cblue_context_get_tokenizer(self->context);
	const gchar *const *keywords = cblue_kb_entry_get_keywords(entry);
	g_autoptr(GPtrArray) words = cblue_tokenizer_tokenize(tokenizer, text);

	for (guint k = 0; keywords != NULL && keywords[k] != NULL; k++) {
		g_autoptr(GPtrArray) keyword = cblue_tokenizer_tokenize(tokenizer, keywords[k]);
		gboolean same = keyword->len == words->len;
		for (guint i = 0; i < words->len && same; i++)
			same = strcmp(g_ptr_array_index(words, i), g_ptr_array_index(keyword, i)) == 0;
		if (same)
			return TRUE;
	}
	return FALSE;
}

/* How the topics @a and @b are of the same aspect of their products: 1, they share a tag
 * after their first ("price", "installation"); 2, one is the KB's one topic on an aspect the
 * other speaks of (cblue_bot_speaks_of_aspect()), weaker evidence; 0, neither */
static guint
cblue_bot_aspect_kin(CblueBot *self, CblueAskOp *op, CblueKbEntry *a, CblueKbEntry *b)
{
	if (cblue_bot_same_aspect(a, b))
		return 1;
	return cblue_bot_speaks_of_aspect(self, op, a, b) || cblue_bot_speaks_of_aspect(self, op, b, a) ? 2 : 0;
}

/* whether every word of @words is in @set */
static gboolean
cblue_bot_has_all_words(GHashTable *set, GPtrArray *words)
{
	for (guint i = 0; i < words->len; i++) {
		if (!g_hash_table_contains(set, g_ptr_array_index(words, i)))
			return FALSE;
	}
	return TRUE;
}

/* the words of @text but its stop words (the bundled lists), as the tokenizer splits them */
static GPtrArray *
cblue_bot_content_words(CblueBot *self, const gchar *text)
{
	GPtrArray *words = cblue_tokenizer_tokenize(cblue_context_get_tokenizer(self->context), text);

	for (guint i = words->len; i-- > 0;) {
		if (g_hash_table_contains(self->stopwords, g_ptr_array_index(words, i)))
			g_ptr_array_remove_index(words, i);
	}
	return words;
}

/* Questions that name no product. A first message such as "how much?", "ราคาเท่าไหร่",
 * "多少钱？" or "is there a warranty?" asks for an aspect that the KB has for several products;
 * on its words alone one product's topic wins by a little, with high confidence, and the
 * customer gets the price of something they may not have meant. The bot asks back instead
 * when, with no previous topic in the conversation (a follow-up takes the conversation's
 * product, cblue_bot_apply_context()):
 *  - the question's content words (its words less the stop words) are all in the best
 *    topic's text (cblue_bot_topic_words()): a word no topic has (a product the KB lacks)
 *    names something, and the question is decided as usual;
 *  - the best topic of at least one other product (cblue_bot_product(): another first tag)
 *    of the same aspect (cblue_bot_same_aspect(): a tag after the first in common, "price",
 *    "installation"; or cblue_bot_aspect_kin()'s weaker kinship, one the KB's only topic on
 *    an aspect the other speaks of, "warranty") scores within `[bot] product_margin` of the
 *    best, with at least the confidence asked of a clarification's second topic, and holds
 *    every content word too: none of the question's words is in one of them and not in the
 *    other, so none tells them apart. Without the aspect, topics that merely share words were
 *    offered ("หลังคารั่ว", a roof leak, got the solar warranty, which covers leaks, beside the
 *    roof repair). With the weaker kinship, the best topic must be sure enough to answer with,
 *    and the question neither one of its keywords (cblue_bot_is_keyword_of()) nor a name of
 *    its product (cblue_bot_names_no_product()): "ev charger" is no aspect of after-sales.
 * The words are those of @text: the message, or what follows its greeting
 * (cblue_bot_product_choices()).
 * Returns: (transfer full) (nullable): the best topic and those of up to two other products,
 *   best first, or %NULL */
static GStrv
cblue_bot_product_choices_of(CblueBot *self, CblueAskOp *op, GArray *hits, const gchar *text)
{
	const gchar *language = cblue_message_get_language(op->message);
	g_autoptr(GPtrArray) words = NULL;
	g_autoptr(GPtrArray) choices = NULL;
	g_autoptr(GPtrArray) products = NULL;
	CblueKbEntry *top_entry;
	const CblueBotHit *top;
	gdouble floor;

	if (hits->len < 2)
		return NULL;
	top = &g_array_index(hits, CblueBotHit, 0);
	floor = top->score * (1.0 - self->product_margin);
	/* at least one other product near the best topic, before any word is looked at */
	{
		CblueKbEntry *entry = cblue_kb_lookup(op->kb, top->topic_id);
		gboolean near = FALSE;
		if (entry == NULL || top->score <= 0)
			return NULL;
		top_entry = entry;
		for (guint i = 1; i < hits->len && !near; i++) {
			const CblueBotHit *hit = &g_array_index(hits, CblueBotHit, i);
			CblueKbEntry *other;
			if (hit->score < floor)
				break;
			other = cblue_kb_lookup(op->kb, hit->topic_id);
			near = other != NULL && hit->confidence >= self->clarify_min_confidence &&
			       strcmp(cblue_bot_product(other), cblue_bot_product(entry)) != 0 &&
			       cblue_bot_aspect_kin(self, op, entry, other) > 0;
		}
		if (!near)
			return NULL;
	}
	words = cblue_bot_content_words(self, text);
	choices = g_ptr_array_new_with_free_func(g_free);
	products = g_ptr_array_new();
	for (guint i = 0; i < hits->len && choices->len < CBLUE_BOT_MAX_PRODUCT_CHOICES; i++) {
		const CblueBotHit *hit = &g_array_index(hits, CblueBotHit, i);
		CblueKbEntry *entry;
		g_autoptr(GHashTable) topic_words = NULL;
		const gchar *product;
		gboolean seen = FALSE;

		if (hit->score < floor)
			break;
		entry = cblue_kb_lookup(op->kb, hit->topic_id);
		if (entry == NULL || (i > 0 && hit->confidence < self->clarify_min_confidence))
			continue;
		product = cblue_bot_product(entry);
		for (guint j = 0; j < products->len && !seen; j++)
			seen = strcmp(g_ptr_array_index(products, j), product) == 0;
		if (seen)
			continue;
		topic_words = cblue_bot_topic_words(self, op, entry, language);
		if (!cblue_bot_has_all_words(topic_words, words)) {
			/* the best topic lacks one of the question's words: the question names something */
			if (i == 0)
				return NULL;
			continue;
		}
		if (i > 0) {
			guint kin = cblue_bot_aspect_kin(self, op, top_entry, entry);
			/* the weaker kinship asks more: a best topic sure enough to answer with, a
			 * question that is not one of its keywords and names none of its product */
			if (kin == 0 ||
			    (kin == 2 && (top->confidence < self->answer_threshold ||
					  cblue_bot_is_keyword_of(self, top_entry, text) ||
					  !cblue_bot_names_no_product(self, op, top_entry, words, language))))
				continue;
		}
		g_ptr_array_add(products, (gpointer)product);
		g_ptr_array_add(choices, g_strdup(hit->topic_id));
	}
	if (choices->len < 2)
		return NULL;
	g_ptr_array_add(choices, NULL);
	return (GStrv)g_ptr_array_free(g_steal_pointer(&choices), FALSE);
}

static gboolean
cblue_bot_plugins_are_sync(GPtrArray *retrievers, CblueModelProvider *provider)
{
	for (guint i = 0; i < retrievers->len; i++) {
		if (!cblue_retriever_has_sync_search(g_ptr_array_index(retrievers, i)))
			return FALSE;
	}
	return provider == NULL || cblue_model_provider_has_sync_generate(provider);
}

/* the name of a topic in the script of @language: its first keyword written in Thai for "th",
 * in Han characters for "zh", else in neither; NULL if it has none */
static const gchar *
cblue_bot_topic_name(CblueKbEntry *entry, const gchar *language)
{
	const gchar *const *keywords = cblue_kb_entry_get_keywords(entry);
	gint want = g_strcmp0(language, "th") == 0 ? 1 : g_strcmp0(language, "zh") == 0 ? 2 : 0;

	for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++) {
		gint script = 0;
		for (const gchar *p = keywords[i]; *p != '\0' && script == 0; p = g_utf8_next_char(p)) {
			gunichar ch = g_utf8_get_char(p);
			if (ch >= 0x0E00 && ch <= 0x0E7F)
				script = 1;
			else if (g_unichar_get_script(ch) == G_UNICODE_SCRIPT_HAN)
				script = 2;
		}
		if (script == want)
			return keywords[i];
	}
	return NULL;
}

/* @text searched in place, in @op's language, by those of @op's retrievers that search
 * synchronously (every one of the embedded default): the runs of a new op. Outside the
 * conversation, unless @previous_id (nullable) is given: then as deep as a follow-up of it. */
static CblueAskOp *
cblue_bot_search_text_after(CblueBot *self, CblueAskOp *op, const gchar *text, const gchar *previous_id)
{
	CblueAskOp *sub = g_new0(CblueAskOp, 1);

	sub->message = cblue_message_new(text);
	cblue_message_set_language(sub->message, cblue_message_get_language(op->message));
	cblue_message_set_previous_topic_id(sub->message, previous_id);
	sub->reply = cblue_chat_reply_new();
	sub->kb = g_object_ref(op->kb);
	sub->retrievers = g_ptr_array_ref(op->retrievers);
	sub->run_weights = g_array_new(FALSE, FALSE, sizeof(gdouble));
	sub->run_plugins = g_ptr_array_new();
	sub->run_hits = g_array_new(FALSE, FALSE, sizeof(CblueBotRunHit));
	g_array_set_clear_func(sub->run_hits, cblue_bot_run_hit_clear);
	for (guint i = 0; i < sub->retrievers->len; i++) {
		CblueRetriever *retriever = g_ptr_array_index(sub->retrievers, i);
		if (cblue_retriever_has_sync_search(retriever))
			cblue_bot_search_sync(self, sub, retriever);
	}
	return sub;
}

/* @text searched in place, outside the conversation (cblue_bot_search_text_after()) */
static CblueAskOp *
cblue_bot_search_text(CblueBot *self, CblueAskOp *op, const gchar *text)
{
	return cblue_bot_search_text_after(self, op, text, NULL);
}

/* the replies' small talk phrases, taken under the lock that their reload takes; nullable */
static CblueSmallTalk *
cblue_bot_ref_small_talk(CblueBot *self)
{
	CblueSmallTalk *small_talk = NULL;

	g_mutex_lock(&self->mutex);
	if (self->small_talk != NULL)
		small_talk = cblue_small_talk_ref(self->small_talk);
	g_mutex_unlock(&self->mutex);
	return small_talk;
}

/* The message without the small talk before it ("hi, how much?", "สวัสดีค่ะ ราคาเท่าไหร่คะ",
 * "你好，请问多少钱"): what follows the longest run of its first words, up to a space or
 * punctuation, that is small talk (cblue_small_talk_classify()), else %NULL. With @reaction,
 * the run must hold a reaction to the bot's answer ("hmm ok, warranty?", "แพงจัง มีผ่อนไหม");
 * without, it must not (a greeting or thanks).
 * Returns: (transfer full) (nullable) */
static gchar *
cblue_bot_after_small_talk(CblueBot *self, const gchar *text, gboolean reaction)
{
	g_autoptr(CblueSmallTalk) small_talk = cblue_bot_ref_small_talk(self);
	const gchar *rest = NULL;
	guint cuts = 0;

	if (small_talk == NULL)
		return NULL;
	for (const gchar *p = text; *p != '\0' && cuts < CBLUE_BOT_MAX_SMALL_TALK_CUTS; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		g_autofree gchar *before = NULL;
		CblueSmallTalkKind kind;
		if (!g_unichar_isspace(c) && !g_unichar_ispunct(c))
			continue;
		cuts++;
		before = g_strndup(text, p - text);
		kind = cblue_small_talk_classify(small_talk, before);
		if (kind != CBLUE_SMALL_TALK_NONE && (kind == CBLUE_SMALL_TALK_REACTION) == reaction)
			rest = p;
	}
	if (rest == NULL)
		return NULL;
	/* the question after it, without the spaces and commas that ended the small talk */
	for (gunichar c = g_utf8_get_char(rest); c != 0 && (g_unichar_isspace(c) || g_unichar_ispunct(c));
	     c = g_utf8_get_char(rest))
		rest = g_utf8_next_char(rest);
	return *rest != '\0' ? g_strdup(rest) : NULL;
}

/* cblue_bot_product_choices_of() on the message's hits, with no previous topic in the
 * conversation. A greeting before the question ("hi, how much?", "你好，请问多少钱") is no
 * part of it but sways the ranking (the n-gram retriever matches its characters elsewhere:
 * one price topic ahead of the others by more than the margin), so when the message's hits
 * offer nothing and it begins with small talk, what follows is searched on its own and its
 * hits are looked at instead. A rare second search: only for a first message that begins
 * with small talk, is not asked back on its own hits and has a few content words after it.
 * Returns: (transfer full) (nullable): the topics to offer, best first, or %NULL */
static GStrv
cblue_bot_product_choices(CblueBot *self, CblueAskOp *op, GArray *hits)
{
	g_autofree gchar *rest = NULL;
	g_autoptr(CblueAskOp) rest_op = NULL;
	g_autoptr(GArray) rest_hits = NULL;
	g_autoptr(GPtrArray) rest_words = NULL;
	GStrv choices;

	if (self->product_margin <= 0 || self->stopwords == NULL ||
	    cblue_message_get_previous_topic_id(op->message) != NULL)
		return NULL;
	choices = cblue_bot_product_choices_of(self, op, hits, cblue_message_get_text(op->message));
	if (choices != NULL || !cblue_bot_plugins_are_sync(op->retrievers, NULL))
		return choices;
	rest = cblue_bot_after_small_talk(self, cblue_message_get_text(op->message), FALSE);
	if (rest == NULL)
		return NULL;
	/* a question that names no product is short ("how much would it cost roughly"), and the
	 * second search is kept for those */
	rest_words = cblue_bot_content_words(self, rest);
	if (rest_words->len > CBLUE_BOT_MAX_ASPECT_WORDS)
		return NULL;
	g_debug("first message after small talk, searched again: “%s”", rest);
	rest_op = cblue_bot_search_text(self, op, rest);
	rest_hits = cblue_bot_fuse(rest_op);
	return cblue_bot_product_choices_of(self, op, rest_hits, rest);
}

/* The name of the product whose topics' words are @family (cblue_bot_word_names_product())
 * that @word is: itself, or what follows a stop word it begins with, as in a Chinese word the
 * tokenizer kept whole with the want before the verb, 想装 (want to install); %NULL if none.
 * Returns: (transfer none) (nullable): @word or a part of it */
static const gchar *
cblue_bot_product_name_in(CblueBot *self, GPtrArray *family, const gchar *word)
{
	if (cblue_bot_word_names_product(family, word))
		return word;
	for (const gchar *p = g_utf8_next_char(word); *p != '\0'; p = g_utf8_next_char(p)) {
		g_autofree gchar *head = g_strndup(word, p - word);
		if (g_hash_table_contains(self->stopwords, head) && cblue_bot_word_names_product(family, p))
			return p;
	}
	return NULL;
}

/* whether one of @words is a word of a tag of @entry after its first: the aspect of its
 * product that it is about ("on-grid" of the system types) */
static gboolean
cblue_bot_names_aspect_of(CblueBot *self, CblueKbEntry *entry, GPtrArray *words)
{
	CblueTokenizer *tokenizer = cblue_context_get_tokenizer(self->context);
	const gchar *const *tags = cblue_kb_entry_get_tags(entry);

	for (guint i = 1; tags != NULL && tags[0] != NULL && tags[i] != NULL; i++) {
		g_autoptr(GPtrArray) tag_words = cblue_tokenizer_tokenize(tokenizer, tags[i]);
		for (guint j = 0; j < tag_words->len; j++) {
			if (g_ptr_array_find_with_equal_func(words, g_ptr_array_index(tag_words, j), g_str_equal, NULL))
				return TRUE;
		}
	}
	return FALSE;
}

/* the topic of @entry's product (cblue_bot_product()) tagged "overview", if any */
static CblueKbEntry *
cblue_bot_product_overview(CblueBot *self, CblueAskOp *op, CblueKbEntry *entry)
{
	g_autoptr(GPtrArray) topics = cblue_bot_product_topics(self, op, cblue_bot_product(entry));

	for (guint i = 0; i < topics->len; i++) {
		CblueKbEntry *other = g_ptr_array_index(topics, i);
		const gchar *const *tags = cblue_kb_entry_get_tags(other);
		if (tags != NULL && tags[0] != NULL && g_strv_contains(tags + 1, CBLUE_BOT_OVERVIEW_TAG))
			return other;
	}
	return NULL;
}

/* A product named and nothing else. A chat's first message is often the product and a need
 * or a greeting: "hi I need solar", "อยากติดโซล่าเซลล์", "想装太阳能". Every solar topic has those
 * words, so whichever says "install" or "want" most wins (the financing: "想装太阳能有什么办法";
 * the water pump), with high confidence, and the customer who asked what we offer gets the
 * installment plans. A person would tell them about the product. So with no previous topic in
 * the conversation, when the message's content words (its words less the stop words) are a
 * few, each names the best topic's product (cblue_bot_product_name_in(): in at least half of
 * its topics) and each name is in the text of the product's topic tagged "overview"
 * (cblue_bot_topic_words()), that topic is put first if it is among @hits. Whether the message
 * is in scope is still the decision model's, judged on the best topic the retrievers found
 * (the overview's own text may share fewer of its words: "hi I need solar" meets the water
 * pump's "need"); which topic answers it is this rule's. A message that is word for word a
 * keyword of the best topic keeps it (the KB says what it means), as does one with a word of
 * the best topic's tags after the first, its aspect (cblue_bot_names_aspect_of(): "what is an
 * on-grid solar system" has only words of most solar topics, but "grid" is the system types'
 * tag), and one word that is no name ("battery", "warranty", "price") keeps the ranking.
 * Returns: (transfer none) (nullable): the topic that was first, if the overview now is */
static const gchar *
cblue_bot_product_overview_first(CblueBot *self, CblueAskOp *op, GArray *hits)
{
	const gchar *language = cblue_message_get_language(op->message);
	const gchar *text = cblue_message_get_text(op->message);
	g_autoptr(GPtrArray) words = NULL;
	g_autoptr(GPtrArray) family = NULL;
	g_autoptr(GHashTable) overview_words = NULL;
	CblueKbEntry *top_entry;
	CblueKbEntry *overview;

	if (hits->len < 2 || self->stopwords == NULL || cblue_message_get_previous_topic_id(op->message) != NULL)
		return NULL;
	top_entry = cblue_kb_lookup(op->kb, g_array_index(hits, CblueBotHit, 0).topic_id);
	if (top_entry == NULL)
		return NULL;
	/* the message's own words first: the overview is looked for over the whole KB */
	words = cblue_bot_content_words(self, text);
	if (words->len == 0 || words->len > CBLUE_BOT_MAX_ASPECT_WORDS || cblue_bot_is_keyword_of(self, top_entry, text) ||
	    cblue_bot_names_aspect_of(self, top_entry, words))
		return NULL;
	overview = cblue_bot_product_overview(self, op, top_entry);
	if (overview == NULL || overview == top_entry)
		return NULL;
	family = cblue_bot_product_family_words(self, op, top_entry, language);
	overview_words = cblue_bot_topic_words(self, op, overview, language);
	for (guint w = 0; w < words->len; w++) {
		const gchar *name = cblue_bot_product_name_in(self, family, g_ptr_array_index(words, w));
		if (name == NULL || !g_hash_table_contains(overview_words, name))
			return NULL;
	}
	for (guint i = 1; i < hits->len; i++) {
		CblueBotHit hit = g_array_index(hits, CblueBotHit, i);
		if (strcmp(hit.topic_id, cblue_kb_entry_get_topic_id(overview)) == 0) {
			g_debug("the product named alone: %s rather than %s", hit.topic_id,
				g_array_index(hits, CblueBotHit, 0).topic_id);
			g_array_remove_index(hits, i);
			g_array_prepend_val(hits, hit);
			return g_array_index(hits, CblueBotHit, 1).topic_id;
		}
	}
	return NULL;
}

/* the words of @op's message that a follow-up's rules search: without the reaction it begins with */
static const gchar *
cblue_bot_follow_up_text(CblueAskOp *op)
{
	return op->follow_up_text != NULL ? op->follow_up_text : cblue_message_get_text(op->message);
}

/* The fused hits of @op's message; for a follow-up that begins with a reaction to the bot's answer
 * ("too pricey. anything cheaper for a condo?", "hmm ok, warranty?", แพงจัง มีผ่อนไหม, 有点贵，能刷信用卡吗),
 * those of its words after the reaction, searched again in place. The reaction says how the customer
 * took the answer, not what they ask next, and its words pull the search to other topics ("expensive"
 * to a price, 贵 to whatever its characters meet) or weaken the best hit under the answer threshold.
 * Only in a conversation: a first message's reaction has nothing to react to. Thanks and "ok" stay
 * ("ok, where is your office?"): only a reaction is cut (cblue_bot_after_small_talk()).
 * Returns: (transfer full): an array of CblueBotHit */
static GArray *
cblue_bot_follow_up_hits(CblueBot *self, CblueAskOp *op)
{
	g_autofree gchar *rest = NULL;
	CblueAskOp *rest_op;

	if (cblue_message_get_previous_topic_id(op->message) == NULL || self->context_margin <= 0 ||
	    !cblue_bot_plugins_are_sync(op->retrievers, NULL))
		return cblue_bot_fuse(op);
	rest = cblue_bot_after_small_talk(self, cblue_message_get_text(op->message), TRUE);
	if (rest == NULL)
		return cblue_bot_fuse(op);
	g_debug("follow-up after a reaction, searched again: “%s”", rest);
	/* as deep as the follow-up: the last topic's family may rank low on its words */
	rest_op = cblue_bot_search_text_after(self, op, rest, cblue_message_get_previous_topic_id(op->message));
	if (op->product_ops == NULL)
		op->product_ops = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_ask_op_free);
	g_ptr_array_add(op->product_ops, rest_op);
	op->follow_up_op = rest_op;
	op->follow_up_text = g_steal_pointer(&rest);
	return cblue_bot_fuse(rest_op);
}

/* a keyword of a topic, casefolded (cblue_bot_folded_keywords()) */
typedef struct {
	CblueKbEntry *entry; /* borrowed from the KB */
	gchar *folded; /* owned */
	gsize len; /* of @folded, in bytes */
	guint32 prefix; /* @folded's first CBLUE_BOT_KEYWORD_PREFIX bytes, if it has as many */
} CblueBotKeyword;

/* A message is looked for the KB's keywords by their first bytes: at each place of the message,
 * the keywords that begin with its next four bytes (a binary search of the keywords sorted by
 * them), instead of a search of the message for each keyword of the KB (400,000 of them at
 * 100,000 topics: milliseconds a follow-up) */
#define CBLUE_BOT_KEYWORD_PREFIX 4

static inline guint32
cblue_bot_keyword_prefix(const gchar *text)
{
	guint32 prefix;
	memcpy(&prefix, text, sizeof(prefix));
	return prefix;
}

/* what the keywords are sorted by: those shorter than the prefix first (0), then the others
 * by their prefix */
static inline guint64
cblue_bot_keyword_order(const CblueBotKeyword *kw)
{
	return kw->len < CBLUE_BOT_KEYWORD_PREFIX ? 0 : G_GUINT64_CONSTANT(1) << 32 | kw->prefix;
}

static gint
cblue_bot_keyword_compare(gconstpointer a, gconstpointer b)
{
	guint64 x = cblue_bot_keyword_order(a), y = cblue_bot_keyword_order(b);
	/* (then by their text: the topics of one keyword side by side) */
	return x != y ? (x < y ? -1 : 1) : strcmp(((const CblueBotKeyword *)a)->folded, ((const CblueBotKeyword *)b)->folded);
}

/* the end of the run of @keywords from @k on that have the same text */
static guint
cblue_bot_keyword_run_end(GArray *keywords, guint k)
{
	const CblueBotKeyword *first = &g_array_index(keywords, CblueBotKeyword, k);

	for (k++; k < keywords->len; k++) {
		const CblueBotKeyword *kw = &g_array_index(keywords, CblueBotKeyword, k);
		if (kw->len != first->len || memcmp(kw->folded, first->folded, kw->len) != 0)
			break;
	}
	return k;
}

/* the first of @keywords (sorted, cblue_bot_keyword_compare()) from @lo on whose
 * cblue_bot_keyword_order() is not below @order */
static guint
cblue_bot_keyword_lower_bound(GArray *keywords, guint lo, guint64 order)
{
	guint hi = keywords->len;

	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;
		if (cblue_bot_keyword_order(&g_array_index(keywords, CblueBotKeyword, mid)) < order)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void
cblue_bot_keyword_clear(gpointer data)
{
	g_free(((CblueBotKeyword *)data)->folded);
}

/* every keyword of @kb, casefolded, the shorter ones than CBLUE_BOT_KEYWORD_PREFIX first, the
 * others by their first bytes (cblue_bot_keyword_compare()).
 * Returns: (transfer full): of CblueBotKeyword */
static GArray *
cblue_bot_folded_keywords_of(CblueKb *kb)
{
	GPtrArray *entries = cblue_kb_get_entries(kb);
	GArray *keywords = g_array_new(FALSE, FALSE, sizeof(CblueBotKeyword));

	g_array_set_clear_func(keywords, cblue_bot_keyword_clear);
	for (guint e = 0; e < entries->len; e++) {
		CblueKbEntry *entry = g_ptr_array_index(entries, e);
		const gchar *const *words = cblue_kb_entry_get_keywords(entry);
		for (guint k = 0; words != NULL && words[k] != NULL; k++) {
			CblueBotKeyword keyword = {entry, g_utf8_casefold(words[k], -1), 0, 0};
			keyword.len = strlen(keyword.folded);
			if (keyword.len >= CBLUE_BOT_KEYWORD_PREFIX)
				keyword.prefix = cblue_bot_keyword_prefix(keyword.folded);
			g_array_append_val(keywords, keyword);
		}
	}
	g_array_sort(keywords, cblue_bot_keyword_compare);
	return keywords;
}

/* The keywords of @op's KB casefolded (cblue_bot_folded_keywords_of(), cblue_bot_kb_index()).
 * Returns: (transfer full): of CblueBotKeyword, entries borrowed from @op's KB */
static GArray *
cblue_bot_folded_keywords(CblueBot *self, CblueAskOp *op)
{
	return cblue_bot_kb_index(self, op, (gpointer *)&self->folded_keywords,
				  (CblueBotKbIndexFunc)cblue_bot_folded_keywords_of, (CblueBotKbIndexRef)g_array_ref);
}

/* whether every content word of @text (at least one) is in @entry's words in @language
 * (cblue_bot_topic_words()) */
static gboolean
cblue_bot_words_all_of(CblueBot *self, CblueAskOp *op, const gchar *text, CblueKbEntry *entry, const gchar *language)
{
	g_autoptr(GPtrArray) words = cblue_bot_content_words(self, text);
	g_autoptr(GHashTable) own = NULL;

	if (words->len == 0)
		return FALSE;
	own = cblue_bot_topic_words(self, op, entry, language);
	return cblue_bot_has_all_words(own, words);
}

/* whether the keyword @kw, found at @at in @folded, is a word there: a Latin one not inside a
 * longer word */
static inline gboolean
cblue_bot_keyword_is_word_at(const CblueBotKeyword *kw, const gchar *folded, const gchar *at)
{
	const gchar *keyword = kw->folded;

	return !(g_ascii_isalnum(keyword[0]) && at > folded && g_ascii_isalnum(at[-1])) &&
	       !(g_ascii_isalnum(keyword[kw->len - 1]) && g_ascii_isalnum(at[kw->len]));
}

/* Whether a topic of @run (@n keywords of one text, which the message holds as a word) is another
 * thing than @previous (see cblue_bot_names_another_product(); @own_folded: @previous's own text,
 * casefolded). What depends on the text alone is looked at once for all its topics. */
static gboolean
cblue_bot_keyword_run_names_another(CblueBot *self, CblueAskOp *op, const CblueBotKeyword *run, guint n,
				    const gchar *own_folded, CblueKbEntry *previous, const gchar *language,
				    gboolean siblings)
{
	if (strstr(own_folded, run->folded) != NULL)
		return FALSE;
	for (guint i = 0; i < n; i++) {
		if (run[i].entry == previous)
			continue;
		if (siblings)
			return TRUE;
		/* (the kinship last: the keywords of the message are few, the KB's many) */
		if (cblue_bot_kinship(op->kb, cblue_kb_entry_get_topic_id(run[i].entry), previous) != 2)
			return !cblue_bot_words_all_of(self, op, run->folded, previous, language);
	}
	return FALSE;
}

/* Whether @folded (a casefolded message) holds a keyword of a topic outside @previous's product
 * (with @siblings, of any topic but @previous), a Latin one as whole words: "do you install CCTV
 * cameras?" names the cameras after solar. A keyword that @previous's own text in @language uses
 * (casefolded: its questions and content) is an aspect of it as well, not another thing: 保修
 * (warranty) after a door lock whose answer speaks of its 保修. Outside the product, so is a
 * keyword whose every content word is in @previous's words, if not side by side: ติดตั้งกี่วัน (install,
 * how many days), the solar timeline's keyword, after a smart home installed in 1–5 วัน */
static gboolean
cblue_bot_names_another_product(CblueBot *self, CblueAskOp *op, const gchar *folded, CblueKbEntry *previous,
				const gchar *language, gboolean siblings)
{
	g_autoptr(GArray) keywords = cblue_bot_folded_keywords(self, op);
	const gchar *const *questions = cblue_kb_entry_get_questions(previous, language);
	g_autoptr(GString) own = g_string_new(cblue_kb_entry_get_content_for(previous, language, NULL));
	g_autofree gchar *own_folded = NULL;
	gsize n = strlen(folded);
	/* (the keywords shorter than a prefix come first in @keywords) */
	guint n_short = cblue_bot_keyword_lower_bound(keywords, 0, G_GUINT64_CONSTANT(1) << 32);

	for (guint i = 0; questions != NULL && questions[i] != NULL; i++)
		g_string_append_printf(own, "\n%s", questions[i]);
	own_folded = g_utf8_casefold(own->str, -1);

	/* the keywords shorter than a prefix by a search of the message, each text once */
	for (guint k = 0, end; k < n_short; k = end) {
		const CblueBotKeyword *kw = &g_array_index(keywords, CblueBotKeyword, k);
		end = cblue_bot_keyword_run_end(keywords, k);
		for (const gchar *at = strstr(folded, kw->folded); at != NULL && kw->len > 0; at = strstr(at + 1, kw->folded)) {
			if (!cblue_bot_keyword_is_word_at(kw, folded, at))
				continue;
			if (cblue_bot_keyword_run_names_another(self, op, kw, end - k, own_folded, previous, language,
								siblings))
				return TRUE;
			break;
		}
	}
	/* the others by their prefix at each place of the message */
	for (gsize at = 0; at + CBLUE_BOT_KEYWORD_PREFIX <= n; at++) {
		guint32 prefix = cblue_bot_keyword_prefix(folded + at);
		guint64 order = G_GUINT64_CONSTANT(1) << 32 | prefix;
		for (guint k = cblue_bot_keyword_lower_bound(keywords, n_short, order), end; k < keywords->len; k = end) {
			const CblueBotKeyword *kw = &g_array_index(keywords, CblueBotKeyword, k);
			if (kw->prefix != prefix)
				break;
			end = cblue_bot_keyword_run_end(keywords, k);
			if (at + kw->len <= n && memcmp(folded + at, kw->folded, kw->len) == 0 &&
			    cblue_bot_keyword_is_word_at(kw, folded, folded + at) &&
			    cblue_bot_keyword_run_names_another(self, op, kw, end - k, own_folded, previous, language,
								siblings))
				return TRUE;
		}
	}
	return FALSE;
}

/* Whether the follow-up's own best hit Q is of another product than @previous's and was found by
 * an aspect only: every content word of the follow-up is in Q's words (a word no topic has names
 * something the KB lacks: ชลบุรีไปไหม, a fortune teller) and none names Q's product
 * (cblue_bot_names_no_product(), through the KB's topics by product), but for the words of
 * @previous's own text: those are an aspect of @previous as well (装, to install, is in most solar
 * topics and in the door lock's and the cameras'). "how many days to finish?", กี่วันเสร็จ, 多久 and
 * 装完要几天 find the solar installation's timeline after cameras, a chat bot or insulation;
 * "whats your phone number" names the contact, a product of one topic. */
static gboolean
cblue_bot_follow_up_names_no_product(CblueBot *self, CblueAskOp *op, GArray *hits, CblueKbEntry *previous)
{
	const gchar *language = cblue_message_get_language(op->message);
	CblueKbEntry *top;
	g_autoptr(GPtrArray) words = NULL;
	g_autoptr(GHashTable) top_words = NULL;
	g_autoptr(GHashTable) previous_words = NULL;

	if (hits->len == 0)
		return FALSE;
	top = cblue_kb_lookup(op->kb, g_array_index(hits, CblueBotHit, 0).topic_id);
	if (top == NULL || cblue_bot_kinship(op->kb, cblue_kb_entry_get_topic_id(top), previous) == 2)
		return FALSE;
	words = cblue_bot_content_words(self, cblue_bot_follow_up_text(op));
	top_words = cblue_bot_topic_words(self, op, top, language);
	if (!cblue_bot_has_all_words(top_words, words))
		return FALSE;
	previous_words = cblue_bot_topic_words(self, op, previous, language);
	for (guint i = words->len; i-- > 0;) {
		if (g_hash_table_contains(previous_words, g_ptr_array_index(words, i)))
			g_ptr_array_remove_index(words, i);
	}
	return cblue_bot_names_no_product(self, op, top, words, language);
}

/* @hit first in @hits, in place of the hit of its topic there (if any) */
static void
cblue_bot_hits_put_first(GArray *hits, const CblueBotHit *hit)
{
	for (guint i = 0; i < hits->len; i++) {
		if (strcmp(g_array_index(hits, CblueBotHit, i).topic_id, hit->topic_id) == 0) {
			g_array_remove_index(hits, i);
			break;
		}
	}
	g_array_prepend_val(hits, *hit);
}

/* The fused hits of @op's follow-up searched again with @name (a topic's name,
 * cblue_bot_topic_name()) added; the search is kept in @op's product_ops, as long as @op.
 * Returns: (transfer full): an array of CblueBotHit */
static GArray *
cblue_bot_search_with_name(CblueBot *self, CblueAskOp *op, const gchar *name)
{
	g_autofree gchar *text = g_strconcat(cblue_bot_follow_up_text(op), " ", name, NULL);
	CblueAskOp *product_op = cblue_bot_search_text(self, op, text);

	if (op->product_ops == NULL)
		op->product_ops = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_ask_op_free);
	g_ptr_array_add(op->product_ops, product_op);
	return cblue_bot_fuse(product_op);
}

/* Conversation context, when the last topic P's product is not among the follow-up's hits:
 * "how much roughly?" after cameras finds the solar price, and no camera topic at all, on
 * its words alone. The follow-up is searched again with P's name in its language (P's first
 * keyword in its script: "CCTV", "กล้องวงจรปิด", "监控安装") added, and that search's best
 * hit is taken if it is of P's product, confident, and at least CBLUE_BOT_PRODUCT_SEARCH_KEEP of
 * the confidence P's name alone gives that topic: the follow-up's own words must not pull away
 * from it ("whats your phone number" after a roof repair keeps too little). A follow-up that
 * holds a keyword of a topic outside P's product ("do you install CCTV cameras?" after solar)
 * names a thing of its own and is not searched again. Only with retrievers that all search in
 * place.
 *
 * With @aspect_only, the last resort of cblue_bot_follow_topics(): only a follow-up whose own best
 * hit is another product's, found by an aspect only (cblue_bot_follow_up_names_no_product()), is
 * searched, and the best hit of P's product within the context margin of that search's best is
 * taken without the ratio gate. A short aspect adds little to the name ("装要多久" keeps .64 of 智能门锁's
 * confidence, ทำกี่วันเสร็จ .56 of แชทบอท's, "how many days to finish?" leaves the solar timeline
 * ahead of the cameras), and it names nothing that could pull the search away.
 *
 * Returns: %TRUE if the search chose the topic (now first in @hits) */
static gboolean
cblue_bot_search_with_product(CblueBot *self, CblueAskOp *op, GArray *hits, const gchar *previous_id,
			      gboolean aspect_only)
{
	CblueKbEntry *previous;
	const gchar *name;
	g_autofree gchar *folded = NULL;
	g_autoptr(GArray) product_hits = NULL;
	g_autoptr(CblueAskOp) name_op = NULL;
	g_autoptr(GArray) name_hits = NULL;
	gdouble name_confidence = 0;
	gboolean own_best;
	CblueBotHit best;

	if (previous_id == NULL || self->context_margin <= 0)
		return FALSE;
	previous = cblue_kb_lookup(op->kb, previous_id);
	if (previous == NULL)
		return FALSE;
	/* The follow-up's own best hit is of P's product already, too weak to answer: the name lifts
	 * it, and the follow-up's words, which found P's product first, need not keep much of the name's
	 * confidence ("一扇门多少钱" after a door lock, .63 of it). Not below half the threshold, where
	 * the words barely touch the product ("and a BYD Dolphin, how much?" after a charger, .23). */
	own_best = hits->len > 0 &&
		   cblue_bot_kinship(op->kb, g_array_index(hits, CblueBotHit, 0).topic_id, previous) == 2;
	if (own_best && g_array_index(hits, CblueBotHit, 0).confidence >= self->answer_threshold)
		return FALSE;
	own_best = own_best && g_array_index(hits, CblueBotHit, 0).confidence >= self->answer_threshold / 2;
	if (aspect_only && (own_best || !cblue_bot_follow_up_names_no_product(self, op, hits, previous)))
		return FALSE;
	name = cblue_bot_topic_name(previous, cblue_message_get_language(op->message));
	if (name == NULL || !cblue_bot_plugins_are_sync(op->retrievers, NULL))
		return FALSE;
	folded = g_utf8_casefold(cblue_bot_follow_up_text(op), -1);
	if (cblue_bot_names_another_product(self, op, folded, previous, cblue_message_get_language(op->message), FALSE))
		return FALSE;
	product_hits = cblue_bot_search_with_name(self, op, name);
	if (product_hits->len == 0)
		return FALSE;
	best = g_array_index(product_hits, CblueBotHit, 0);
	if (aspect_only && cblue_bot_kinship(op->kb, best.topic_id, previous) < 2) {
		gdouble floor = best.score * (1.0 - self->context_margin);
		for (guint i = 1; i < product_hits->len; i++) {
			const CblueBotHit *hit = &g_array_index(product_hits, CblueBotHit, i);
			if (hit->score < floor)
				break;
			if (cblue_bot_kinship(op->kb, hit->topic_id, previous) == 2) {
				best = *hit;
				break;
			}
		}
	}
	if (best.confidence < self->answer_threshold || cblue_bot_kinship(op->kb, best.topic_id, previous) < 2)
		return FALSE;
	if (!own_best && !aspect_only) {
		name_op = cblue_bot_search_text(self, op, name);
		name_hits = cblue_bot_fuse(name_op);
		for (guint i = 0; i < name_hits->len; i++) {
			if (strcmp(g_array_index(name_hits, CblueBotHit, i).topic_id, best.topic_id) == 0)
				name_confidence = g_array_index(name_hits, CblueBotHit, i).confidence;
		}
		if (best.confidence < CBLUE_BOT_PRODUCT_SEARCH_KEEP * name_confidence)
			return FALSE;
	}
	g_debug("follow-up of %s, searched with “%s”: %s", previous_id, name, best.topic_id);
	cblue_bot_hits_put_first(hits, &best);
	return TRUE;
}

/* The decision model's features of @topic_id (see CBLUE_BOT_DECISION_SCORE_FLOOR) and
 * the question's length, the runs in plugin-name order written to @order; NULL if no
 * retriever ran. A retriever that failed has no run: if it is one of the model's, the runs
 * no longer fit the model (cblue_bot_decision_model_fits()), as its features would be
 * missing, not zero; if it is another (an embedding endpoint that is down), the model's
 * retrievers decide as they do without it. */
static GArray *
cblue_bot_decision_features(CblueAskOp *op, const gchar *topic_id, guint *order)
{
	GArray *features;
	gdouble length, length_squared;

	if (op->n_runs == 0)
		return NULL;
	for (guint r = 0; r < op->n_runs; r++) {
		guint pos = r;
		for (; pos > 0 && g_strcmp0(g_ptr_array_index(op->run_plugins, order[pos - 1]),
					    g_ptr_array_index(op->run_plugins, r)) > 0;
		     pos--)
			order[pos] = order[pos - 1];
		order[pos] = r;
	}
	features = g_array_sized_new(FALSE, FALSE, sizeof(gdouble), 2 * op->n_runs + 2);
	for (guint k = 0; k < op->n_runs; k++) {
		GArray *hits = op->whole_hits != NULL ? op->whole_hits : op->run_hits;
		gdouble confidence = 0, score = 0;
		for (guint i = 0; i < hits->len; i++) {
			const CblueBotRunHit *hit = &g_array_index(hits, CblueBotRunHit, i);
			if (hit->run == order[k] && strcmp(cblue_bot_run_hit_topic_id(hit), topic_id) == 0) {
				confidence = hit->confidence;
				score = MAX(hit->score, 0.0);
				break;
			}
		}
		g_array_append_val(features, confidence);
		score = log(score + CBLUE_BOT_DECISION_SCORE_FLOOR);
		g_array_append_val(features, score);
	}
	length = log(MAX(g_utf8_strlen(cblue_message_get_text(op->message), -1), 1));
	g_array_append_val(features, length);
	length_squared = length * length;
	g_array_append_val(features, length_squared);
	return features;
}

/* whether the retrievers that ran are the model's: the same plugins (in @order, by name) */
static gboolean
cblue_bot_decision_model_fits(CblueBot *self, CblueAskOp *op, const guint *order)
{
	if (self->decision_retrievers == NULL || g_strv_length(self->decision_retrievers) != op->n_runs)
		return FALSE;
	for (guint k = 0; k < op->n_runs; k++) {
		if (g_strcmp0(self->decision_retrievers[k], g_ptr_array_index(op->run_plugins, order[k])) != 0)
			return FALSE;
	}
	return TRUE;
}

/* the probability that the question is in scope, if a decision model fits @language and
 * the retrievers that ran */
static gboolean
cblue_bot_decision_model(CblueBot *self, CblueAskOp *op, const gchar *language, GArray *features,
			 const guint *order, gdouble *probability)
{
	GArray *weights = NULL;
	gdouble z;

	for (guint l = 0; l < G_N_ELEMENTS(cblue_bot_languages); l++) {
		if (g_strcmp0(language, cblue_bot_languages[l]) == 0)
			weights = self->decision_weights[l];
	}
	if (weights == NULL)
		return FALSE;
	/* weights learned before the length features (one or two fewer) read them as 0 */
	if (!cblue_bot_decision_model_fits(self, op, order) || weights->len > features->len + 1 ||
	    weights->len + 1 < features->len) {
		if (g_atomic_int_compare_and_exchange(&self->decision_mismatch_told, 0, 1))
			g_info("the decision model was learned with other retrievers ([bot] decision_retrievers); "
			       "the fused confidence decides: run “cblue eval --calibrate”");
		return FALSE;
	}
	z = g_array_index(weights, gdouble, 0);
	for (guint i = 0; i + 1 < weights->len; i++)
		z += g_array_index(weights, gdouble, i + 1) * g_array_index(features, gdouble, i);
	*probability = 1.0 / (1.0 + exp(-CLAMP(z, -30.0, 30.0)));
	return TRUE;
}

/* the decision model's probability that the question is in scope (recorded in the reply
 * with the features, for calibration), or -1 where no model applies: a conversation that
 * chose the topic decides on the fused confidence, as the model learned from questions
 * asked on their own, and "how much is it?" is not one */
static gdouble
cblue_bot_apply_decision_model(CblueBot *self, CblueAskOp *op, const gchar *top_id, gboolean from_context)
{
	/* the words searched: a follow-up's without its reaction (cblue_bot_follow_up_hits()) */
	CblueAskOp *searched = op->follow_up_op != NULL ? op->follow_up_op : op;
	g_autofree guint *order = g_new0(guint, MAX(searched->n_runs, 1));
	g_autoptr(GArray) features = cblue_bot_decision_features(searched, top_id, order);
	gdouble probability;

	if (features == NULL)
		return -1;
	cblue_chat_reply_set_decision_features(op->reply, (const gdouble *)features->data, features->len);
	if (from_context || !cblue_bot_decision_model(self, searched, cblue_message_get_language(op->message),
						       features, order, &probability))
		return -1;
	cblue_chat_reply_set_decision_probability(op->reply, probability);
	return probability;
}

/* whether the topic @entry speaks of @match's service: cblue_declined_entry_mentions(),
 * remembered (it reads the topic's whole text) while the KB and the lists stay */
static gboolean
cblue_bot_topic_mentions(CblueBot *self, CblueAskOp *op, CblueDeclined *declined, CblueKbEntry *entry,
			 const CblueDeclinedMatch *match)
{
	g_autofree gchar *key = g_strdup_printf("%s %u", cblue_kb_entry_get_topic_id(entry), match->service_id);
	gpointer known;
	gboolean mentions;

	g_mutex_lock(&self->mutex);
	known = g_hash_table_lookup(self->declined_topics, key);
	g_mutex_unlock(&self->mutex);
	if (known != NULL)
		return GPOINTER_TO_INT(known) - 1;
	mentions = cblue_declined_entry_mentions(declined, match, entry);
	g_mutex_lock(&self->mutex);
	/* only for the KB and lists in force (@op's may have been replaced meanwhile) */
	if (self->kb == op->kb && self->declined == declined)
		g_hash_table_insert(self->declined_topics, g_steal_pointer(&key), GINT_TO_POINTER(mentions + 1));
	g_mutex_unlock(&self->mutex);
	return mentions;
}

/* Words that ask the business to do or sell what follows them: Thai รับ (รับเดินสายไฟใหม่ไหม),
 * Chinese 代 and 帮 (代办, 帮忙), English "do you", "can you" (as the normalized text writes them) */
static const gchar *const cblue_bot_offer_words[] = {
    "รับ", "รับจ้าง", "รับทำ", "มีบริการ", "บริการ", "代", "代办", "帮忙", "帮我", "帮我们", "你们做", "你们能做",
    "do you", "do you also", "do you guys", "can you", "can you also", "could you", "will you", NULL};

/* whether an offer word (cblue_bot_offer_words) ends right before byte @start of @normalized,
 * spaces aside: the message asks the business itself for the service, which no topic that
 * only names it offers ("ไม่ต้องรื้อเดินสายไฟใหม่", "without rewiring") */
static gboolean
cblue_bot_offer_before(const gchar *normalized, gsize start)
{
	gsize end = start;

	while (end > 0 && normalized[end - 1] == ' ')
		end--;
	for (guint i = 0; cblue_bot_offer_words[i] != NULL; i++) {
		const gchar *word = cblue_bot_offer_words[i];
		gsize len = strlen(word);
		if (len > end || strncmp(normalized + end - len, word, len) != 0)
			continue;
		/* an English word begins there */
		if (g_ascii_isalpha(word[0]) && end > len && g_ascii_isalnum(normalized[end - len - 1]))
			continue;
		/* not the polite ending ครับ */
		if (strcmp(word, "รับ") == 0 && end >= len + strlen("ค") &&
		    strncmp(normalized + end - len - strlen("ค"), "ค", strlen("ค")) == 0)
			continue;
		return TRUE;
	}
	return FALSE;
}

/* whether the best of @hits (not empty), the fused hits of @sub, a search outside the
 * conversation (cblue_bot_search_text()), is confident enough to answer: the decision model's
 * probability, else its confidence, against their thresholds */
static gboolean
cblue_bot_top_is_confident(CblueBot *self, CblueAskOp *sub, GArray *hits)
{
	const CblueBotHit *top = &g_array_index(hits, CblueBotHit, 0);
	gdouble probability = cblue_bot_apply_decision_model(self, sub, top->topic_id, FALSE);

	return probability >= 0 ? probability >= self->decision_threshold : top->confidence >= self->answer_threshold;
}

/* Whether @text alone (a clause of @op's message) is answered with the topic @topic_id: the
 * decision for a message of that text outside the conversation (cblue_bot_search_text()) */
static gboolean
cblue_bot_text_answered_with(CblueBot *self, CblueAskOp *op, const gchar *text, const gchar *topic_id)
{
	g_autoptr(CblueAskOp) sub = cblue_bot_search_text(self, op, text);
	g_autoptr(GArray) hits = cblue_bot_fuse(sub);

	if (hits->len == 0 || g_strcmp0(g_array_index(hits, CblueBotHit, 0).topic_id, topic_id) != 0)
		return FALSE;
	return cblue_bot_top_is_confident(self, sub, hits);
}

/* Whether another clause of the message asks, holds none of the declined @matches and is
 * answered alone with the message's topic @top_id: the message then asks for something the KB
 * answers too ("fingerprint lock for a sliding glass door doable? and can i send the maid a
 * temporary code"), and that is what it gets. */
static gboolean
cblue_bot_asks_elsewhere(CblueBot *self, CblueAskOp *op, const gchar *normalized, GArray *clauses, GArray *matches,
			 const gchar *top_id)
{
	for (guint c = 0; c < clauses->len; c++) {
		const CblueRequestClause *clause = &g_array_index(clauses, CblueRequestClause, c);
		g_autofree gchar *text = NULL;
		gboolean holds = FALSE;

		for (guint i = 0; i < matches->len && !holds; i++) {
			const CblueDeclinedMatch *match = &g_array_index(matches, CblueDeclinedMatch, i);
			holds = match->start < clause->end && match->end > clause->start;
		}
		/* (a bare request asks about the clause before it, not for a thing of its own:
		 * "แอร์ไม่เย็นน้ำหยด ส่งคนมาล้างได้มั้ย") */
		if (!clause->asks || holds || (c > 0 && g_array_index(clauses, CblueRequestClause, c - 1).asked))
			continue;
		text = g_strndup(normalized + clause->start, clause->end - clause->start);
		if (cblue_bot_text_answered_with(self, op, text, top_id))
			return TRUE;
	}
	return FALSE;
}

/* The declined service that @op's message asks for, or NULL. A phrase of the declined
 * services' lists (cblue-declined.c) must be in the message, in a clause that asks
 * (cblue_request_span_asks(): "My server room's aircon died over the weekend. Any gadget that
 * pings us when it gets hot?" asks for a sensor, not an aircon repair); the text of the best
 * topic @top_id (nullable) must not speak of that service, which it then answers itself: "Does
 * a hybrid inverter switch over fast, like a UPS?" is the power outage topic's question, not a
 * request for a UPS; unless the message asks the business itself for it (cblue_bot_offer_before():
 * "รับเดินสายไฟใหม่ไหม", where the smart home topic says no rewiring is needed); and no other
 * clause may ask for that topic (cblue_bot_asks_elsewhere()). */
static gchar *
cblue_bot_find_declined(CblueBot *self, CblueAskOp *op, const gchar *top_id)
{
	g_autoptr(CblueDeclined) declined = NULL;
	g_autofree gchar *normalized = NULL;
	g_autoptr(GArray) matches = NULL;
	g_autoptr(GArray) clauses = NULL;
	CblueKbEntry *entry;

	/* every message is looked at: outside the lock, which the other threads' messages take */
	g_mutex_lock(&self->mutex);
	if (self->declined != NULL)
		declined = cblue_declined_ref(self->declined);
	g_mutex_unlock(&self->mutex);
	if (declined == NULL)
		return NULL;
	normalized = cblue_tokenizer_normalize(cblue_context_get_tokenizer(self->context),
					       cblue_message_get_text(op->message));
	matches = cblue_declined_find(declined, normalized);
	if (matches == NULL)
		return NULL;
	clauses = cblue_request_clauses(normalized);
	entry = top_id != NULL ? cblue_kb_lookup(op->kb, top_id) : NULL;
	for (guint i = 0; i < matches->len; i++) {
		const CblueDeclinedMatch *match = &g_array_index(matches, CblueDeclinedMatch, i);
		if (!cblue_request_span_asks(clauses, match->start, match->end))
			continue;
		if (entry != NULL && !cblue_bot_offer_before(normalized, match->start) &&
		    cblue_bot_topic_mentions(self, op, declined, entry, match))
			continue;
		if (top_id != NULL && cblue_bot_asks_elsewhere(self, op, normalized, clauses, matches, top_id)) {
			g_debug("not declined: %s (“%s”), the message asks for %s too", match->service,
				cblue_declined_get_phrase(declined, match->phrase), top_id);
			return NULL;
		}
		g_debug("declined: %s (“%s”)", match->service, cblue_declined_get_phrase(declined, match->phrase));
		return g_strdup(match->service);
	}
	return NULL;
}

/* the decision: answer, clarify or unknown; returns TRUE if a provider must write the answer */
/* Words around the number of an option picked from a clarification ("option 2", "ข้อ 2
 * ค่ะ", "第二个"), lowercase, longest first where one begins another */
static const gchar *const cblue_bot_pick_prefixes[] = {"the", "option", "number", "no.", "no", "#", "choice",
						       "ข้อที่", "ข้อ", "อันที่", "อัน", "แบบที่", "แบบ", "ตัวที่", "ตัว", "เอา",
						       "第", "选", "選", NULL};
static const gchar *const cblue_bot_pick_suffixes[] = {"please", "pls", "one", "option", "ครับ", "ค่ะ", "คะ", "นะ",
						       "จ้า", "个", "個", "项", "項", "号", "號", "吧", NULL};
/* An option's number in words, as customers write it ("the first one", "two", "อันแรก",
 * "ข้อสอง"): indexed by the number less one, each row's words longest first */
static const gchar *const cblue_bot_pick_number_words[][6] = {
	{"first", "1st", "one", "แรก", "หนึ่ง", NULL},
	{"second", "2nd", "two", "สอง", NULL},
	{"third", "3rd", "three", "สาม", NULL},
};

/* whether @text at @pos begins with one of @words (ASCII letters compared without case); moves @pos past it */
static gboolean
cblue_bot_skip_word(const gchar *text, gsize *pos, const gchar *const *words)
{
	for (guint i = 0; words[i] != NULL; i++) {
		gsize len = strlen(words[i]);
		if (g_ascii_strncasecmp(text + *pos, words[i], len) == 0) {
			*pos += len;
			return TRUE;
		}
	}
	return FALSE;
}

/* The option a reply to a clarification picks by its number: "2", "๒", "option 2", "ข้อ 2
 * ครับ", "第二个", "二", or in words: "the first one", "two", "อันแรกค่ะ", "ข้อสอง". Spaces and
 * punctuation aside, the message must be that number and the words around it, no more: "10
 * kW" or "2 storeys" are questions. Returns: 1 to 9, or 0 */
static guint
cblue_bot_offer_number(const gchar *message)
{
	static const gchar *const chinese[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", NULL};
	GString *text = g_string_new(NULL);
	g_autofree gchar *folded = NULL;
	gsize pos = 0;
	guint number = 0;

	/* the message without spaces and punctuation */
	for (const gchar *p = message; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char_validated(p, -1);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			g_string_free(text, TRUE);
			return 0;
		}
		if (!g_unichar_isspace(c) && (!g_unichar_ispunct(c) || c == '#' || c == '.'))
			g_string_append_unichar(text, c);
	}
	folded = g_string_free(text, FALSE);
	while (cblue_bot_skip_word(folded, &pos, cblue_bot_pick_prefixes))
		;
	if (g_ascii_isdigit(folded[pos]) || g_unichar_digit_value(g_utf8_get_char(folded + pos)) > 0) {
		gint value = g_unichar_digit_value(g_utf8_get_char(folded + pos));
		number = value > 0 ? (guint)value : 0;
		pos = g_utf8_next_char(folded + pos) - folded;
	} else {
		for (guint i = 0; chinese[i] != NULL && number == 0; i++) {
			if (g_str_has_prefix(folded + pos, chinese[i])) {
				number = i + 1;
				pos += strlen(chinese[i]);
			}
		}
		for (guint i = 0; i < G_N_ELEMENTS(cblue_bot_pick_number_words) && number == 0; i++) {
			if (cblue_bot_skip_word(folded, &pos, cblue_bot_pick_number_words[i]))
				number = i + 1;
		}
	}
	if (folded[pos] == '.')
		pos++;
	while (cblue_bot_skip_word(folded, &pos, cblue_bot_pick_suffixes))
		;
	return folded[pos] == '\0' ? number : 0;
}

/* Replies to a clarification. When the conversation's last reply asked which topic was
 * meant (cblue_bot_product_choices(), or two topics too close), the customer answers with
 * the option's number ("2", "ข้อ 1", "第二个") or a few words that only one of the options
 * has ("the EV one", "โซลาร์", "充电桩的"): that option is the answer, whatever the words
 * alone would retrieve. Anything else is a question of its own and is decided as usual.
 * Returns: (nullable): the option picked, one of @op's was_offered */
static const gchar *
cblue_bot_pick_offered(CblueBot *self, CblueAskOp *op)
{
	const gchar *language = cblue_message_get_language(op->message);
	g_autoptr(GPtrArray) words = NULL;
	guint n_offered, number;
	const gchar *picked = NULL;

	if (op->was_offered == NULL)
		return NULL;
	n_offered = g_strv_length(op->was_offered);
	number = cblue_bot_offer_number(cblue_message_get_text(op->message));
	if (number > 0)
		return number <= n_offered ? op->was_offered[number - 1] : NULL;
	if (self->stopwords == NULL)
		return NULL;
	words = cblue_bot_content_words(self, cblue_message_get_text(op->message));
	/* a few words, to name an option; a longer message is a question of its own */
	if (words->len == 0 || words->len > CBLUE_BOT_MAX_PICK_WORDS)
		return NULL;
	for (guint i = 0; i < n_offered; i++) {
		CblueKbEntry *entry = cblue_kb_lookup(op->kb, op->was_offered[i]);
		g_autoptr(GHashTable) topic_words = NULL;
		if (entry == NULL)
			continue;
		topic_words = cblue_bot_topic_words(self, op, entry, language);
		if (!cblue_bot_has_all_words(topic_words, words))
			continue;
		if (picked != NULL)
			return NULL; /* the words are in two options: they tell none apart */
		picked = op->was_offered[i];
	}
	return picked;
}


/* @previous_id's family first in @hits, where the follow-up is one of that topic
 * (cblue_bot_apply_context(), else cblue_bot_search_with_product()). @category_only is set when
 * only the best hit of the topic's category chose, nothing of its product: the caller then looks
 * for the product by its name after the conversation's earlier topics had their turn */
static gboolean
cblue_bot_follow_topic(CblueBot *self, CblueAskOp *op, GArray *hits, const gchar *previous_id,
		       gboolean *category_only)
{
	gboolean chosen = cblue_bot_apply_context(self, op, hits, previous_id);
	CblueKbEntry *previous = cblue_kb_lookup(op->kb, previous_id);

	/* a topic of the product found too weakly to answer is searched for with its name */
	if (chosen && g_array_index(hits, CblueBotHit, 0).confidence >= self->answer_threshold) {
		if (category_only != NULL && previous != NULL &&
		    cblue_bot_kinship(op->kb, g_array_index(hits, CblueBotHit, 0).topic_id, previous) < 2)
			*category_only = TRUE;
		return TRUE;
	}
	return cblue_bot_search_with_product(self, op, hits, previous_id, FALSE) || chosen;
}

/* whether the best of @hits is of the product of one of the conversation's earlier topics */
static gboolean
cblue_bot_of_earlier_product(CblueAskOp *op, GArray *hits)
{
	for (guint i = 0; hits->len > 0 && op->earlier_topics != NULL && op->earlier_topics[i] != NULL; i++) {
		CblueKbEntry *earlier = cblue_kb_lookup(op->kb, op->earlier_topics[i]);
		if (earlier != NULL && cblue_bot_kinship(op->kb, g_array_index(hits, CblueBotHit, 0).topic_id, earlier) == 2)
			return TRUE;
	}
	return FALSE;
}

/* Whether a content word of @op's follow-up is in the words of @top (cblue_bot_topic_words(), in the
 * follow-up's language) and not in those of @previous: the follow-up tells @top apart (แผง, the
 * panels, in the solar price's words and not the battery's; 3千瓦, 3 kW, the price's and not the
 * installation steps') */
static gboolean
cblue_bot_tells_apart(CblueBot *self, CblueAskOp *op, CblueKbEntry *top, CblueKbEntry *previous)
{
	const gchar *language = cblue_message_get_language(op->message);
	g_autoptr(GPtrArray) words = cblue_bot_content_words(self, cblue_bot_follow_up_text(op));
	g_autoptr(GHashTable) top_words = cblue_bot_topic_words(self, op, top, language);
	g_autoptr(GHashTable) previous_words = cblue_bot_topic_words(self, op, previous, language);

	for (guint i = 0; i < words->len; i++) {
		if (g_hash_table_contains(top_words, g_ptr_array_index(words, i)) &&
		    !g_hash_table_contains(previous_words, g_ptr_array_index(words, i)))
			return TRUE;
	}
	return FALSE;
}

/* Conversation context within the last topic P's product, when the follow-up's best hit Q is
 * another topic of it, the one on an aspect (a tag of Q's, "price", "warranty") that P's text
 * speaks of too and that is an aspect products have, not a thing of one: the topics of at least
 * CBLUE_BOT_ASPECT_PRODUCTS products speak of it, and fewer than a CBLUE_BOT_ASPECT_IN_PASSING-th
 * of P's product's do (cblue_bot_speaks_of_tag(); "installation" is in most solar topics' text,
 * as what a price includes). The follow-up may then ask for P's own: after the battery, "what's
 * the price?", รับประกันกี่ปีคะ and 价格呢？ find the solar price and the panels' warranty,
 * siblings of the battery in the solar product, though the battery's answer gives its own price
 * and 10-year warranty. It is searched again with P's name (cblue_bot_topic_name()), and P is
 * taken only if that search finds P first and confident; not if the follow-up holds a keyword of
 * another topic that P's text does not use (แผงโซลาร์รับประกันกี่ปี, how long are the panels
 * guaranteed, after the battery), nor a word of Q's that P lacks (cblue_bot_tells_apart()).
 * "and the battery?" after the solar price, whose text speaks of a battery, finds the battery: a
 * thing of the solar product alone. Before the earlier topics' turn: the best hit is of P's product.
 * Returns: %TRUE if P is now first in @hits */
static gboolean
cblue_bot_own_aspect_first(CblueBot *self, CblueAskOp *op, GArray *hits, CblueKbEntry *previous)
{
	const gchar *language = cblue_message_get_language(op->message);
	const gchar *previous_id = cblue_kb_entry_get_topic_id(previous);
	const gchar *name = cblue_bot_topic_name(previous, language);
	g_autofree gchar *folded = NULL;
	g_autoptr(GArray) name_hits = NULL;
	CblueKbEntry *top;
	CblueBotHit best;

	if (hits->len == 0 || name == NULL || self->context_margin <= 0 ||
	    strcmp(g_array_index(hits, CblueBotHit, 0).topic_id, previous_id) == 0 ||
	    cblue_bot_kinship(op->kb, g_array_index(hits, CblueBotHit, 0).topic_id, previous) < 2 ||
	    !cblue_bot_plugins_are_sync(op->retrievers, NULL))
		return FALSE;
	top = cblue_kb_lookup(op->kb, g_array_index(hits, CblueBotHit, 0).topic_id);
	if (!cblue_bot_speaks_of_tag(self, op, top, previous, FALSE, CBLUE_BOT_ASPECT_PRODUCTS))
		return FALSE;
	folded = g_utf8_casefold(cblue_bot_follow_up_text(op), -1);
	if (cblue_bot_names_another_product(self, op, folded, previous, language, TRUE) ||
	    cblue_bot_tells_apart(self, op, top, previous))
		return FALSE;
	name_hits = cblue_bot_search_with_name(self, op, name);
	if (name_hits->len == 0)
		return FALSE;
	best = g_array_index(name_hits, CblueBotHit, 0);
	if (strcmp(best.topic_id, previous_id) != 0 || best.confidence < self->answer_threshold)
		return FALSE;
	g_debug("follow-up of %s: its own aspect, rather than %s", previous_id,
		g_array_index(hits, CblueBotHit, 0).topic_id);
	cblue_bot_hits_put_first(hits, &best);
	return TRUE;
}

/* Conversation context over the last topics: the follow-up is one of the previous topic's
 * product, else of an earlier topic's, the latest first. After "are you open on Sunday?"
 * (answered, the last topic now the office hours), "ok, how much would it be then?" is the price
 * of the product asked about before it, not the payment methods that share the office hours'
 * category; the same gates as for the last topic keep a question on a subject of its own from
 * being pulled back. When only the previous topic's category chose and no earlier topic's
 * product does, the previous topic's product is searched for with its name: after a door lock,
 * "how long does installing take?" finds the cameras' installation (of the same category) and no
 * door lock topic on its words alone. Last, when the follow-up's best hit is of no product of the
 * conversation, a follow-up that names only an aspect of it ("how long?", กี่วันเสร็จ, 多久) is the
 * product's, the last topic's first, then the earlier ones' (cblue_bot_search_with_product() with
 * @aspect_only): after every gated rule, so that none of their choices changes. A sibling of the
 * previous topic found on an aspect the previous topic has too ("what's the price?" after the
 * battery) gives way to the previous topic first (cblue_bot_own_aspect_first()).
 * Returns: %TRUE if a topic of the conversation chose the answer (now first in @hits) */
static gboolean
cblue_bot_follow_topics(CblueBot *self, CblueAskOp *op, GArray *hits)
{
	const gchar *previous_id = cblue_message_get_previous_topic_id(op->message);
	CblueKbEntry *previous;
	gboolean chosen;
	gboolean category_only = FALSE;

	if (previous_id == NULL)
		return FALSE;
	chosen = cblue_bot_follow_topic(self, op, hits, previous_id, &category_only);
	previous = cblue_kb_lookup(op->kb, previous_id);
	if (previous != NULL && cblue_bot_own_aspect_first(self, op, hits, previous))
		return TRUE;
	/* chosen by the previous topic's product */
	if (previous == NULL || hits->len == 0 ||
	    cblue_bot_kinship(op->kb, g_array_index(hits, CblueBotHit, 0).topic_id, previous) == 2)
		return chosen;
	for (guint i = 0; op->earlier_topics != NULL && op->earlier_topics[i] != NULL; i++) {
		CblueKbEntry *earlier = cblue_kb_lookup(op->kb, op->earlier_topics[i]);
		if (earlier == NULL)
			continue;
		if (cblue_bot_follow_topic(self, op, hits, op->earlier_topics[i], NULL) &&
		    cblue_bot_kinship(op->kb, g_array_index(hits, CblueBotHit, 0).topic_id, earlier) == 2) {
			g_debug("follow-up of the earlier topic %s", op->earlier_topics[i]);
			return TRUE;
		}
	}
	if (category_only && cblue_bot_search_with_product(self, op, hits, previous_id, FALSE))
		return TRUE;
	if (!cblue_bot_of_earlier_product(op, hits)) {
		if (cblue_bot_search_with_product(self, op, hits, previous_id, TRUE))
			return TRUE;
		for (guint i = 0; op->earlier_topics != NULL && op->earlier_topics[i] != NULL; i++) {
			if (cblue_kb_lookup(op->kb, op->earlier_topics[i]) != NULL &&
			    cblue_bot_search_with_product(self, op, hits, op->earlier_topics[i], TRUE))
				return TRUE;
		}
	}
	return chosen;
}

static gboolean
cblue_bot_decide(CblueBot *self, CblueAskOp *op)
{
	g_autoptr(GArray) hits = cblue_bot_follow_up_hits(self, op);
	const gchar *language = cblue_message_get_language(op->message);
	gboolean from_context = cblue_bot_follow_topics(self, op, hits);
	/* a product named alone is answered with its overview, and in scope as its best topic was */
	const gchar *judged = from_context ? NULL : cblue_bot_product_overview_first(self, op, hits);
	const CblueBotHit *top = hits->len > 0 ? &g_array_index(hits, CblueBotHit, 0) : NULL;
	const CblueBotHit *second = hits->len > 1 ? &g_array_index(hits, CblueBotHit, 1) : NULL;
	gdouble probability =
	    top != NULL ? cblue_bot_apply_decision_model(self, op, judged != NULL ? judged : top->topic_id, from_context)
			: -1;
	gdouble confidence = probability >= 0 ? probability : top != NULL ? top->confidence : 0.0;
	gdouble threshold = probability >= 0 ? self->decision_threshold : self->answer_threshold;
	g_autofree gchar *declined = cblue_bot_find_declined(self, op, top != NULL ? top->topic_id : NULL);
	/* recorded whatever the decision, for `cblue eval` to replay it at other thresholds */
	g_auto(GStrv) choices = from_context ? NULL : cblue_bot_product_choices(self, op, hits);
	const gchar *picked = cblue_bot_pick_offered(self, op);

	for (guint i = 0; i < MIN(hits->len, CBLUE_BOT_MAX_SOURCES); i++) {
		const CblueBotHit *hit = &g_array_index(hits, CblueBotHit, i);
		cblue_chat_reply_add_source_values(op->reply, hit->topic_id, hit->score, hit->confidence);
	}
	cblue_chat_reply_set_product_choices(op->reply, (const gchar *const *)choices);

	/* the answer to the bot's own question: the option the customer picked */
	if (picked != NULL && cblue_kb_lookup(op->kb, picked) != NULL) {
		g_debug("option %s picked from the clarification", picked);
		cblue_chat_reply_set_outcome(op->reply, CBLUE_OUTCOME_ANSWERED);
		cblue_chat_reply_set_confidence(op->reply, 1.0);
		cblue_chat_reply_set_topic_id(op->reply, picked);
		op->chosen = g_ptr_array_new_full(1, g_object_unref);
		g_ptr_array_add(op->chosen, cblue_hit_new(picked, top != NULL ? top->score : 1.0, 1.0));
		return TRUE;
	}

	/* a service the business does not offer: whatever topic shares the question's other
	 * words, say so (the "declined" reply, or "unknown" where the replies have none) */
	if (declined != NULL) {
		const gchar *text;
		cblue_chat_reply_set_outcome(op->reply, CBLUE_OUTCOME_UNANSWERED);
		cblue_chat_reply_set_confidence(op->reply, 1.0);
		cblue_chat_reply_set_declined(op->reply, declined);
		g_mutex_lock(&self->mutex);
		text = cblue_bot_canned_locked(self, "declined", language);
		if (text[0] == '\0')
			text = cblue_bot_canned_locked(self, "unknown", language);
		cblue_chat_reply_set_text(op->reply, text);
		g_mutex_unlock(&self->mutex);
		return FALSE;
	}

	/* a question asked back is not refused for its best topic's confidence: its words are
	 * in each offered topic, which are that close because it names none of them */
	if (top == NULL || (choices == NULL && confidence < threshold) ||
	    cblue_kb_lookup(op->kb, top->topic_id) == NULL) {
		cblue_chat_reply_set_outcome(op->reply, CBLUE_OUTCOME_UNANSWERED);
		cblue_chat_reply_set_confidence(op->reply, 1.0 - confidence);
		g_mutex_lock(&self->mutex);
		cblue_chat_reply_set_text(op->reply, cblue_bot_canned_locked(self, "unknown", language));
		g_mutex_unlock(&self->mutex);
		return FALSE;
	}
	cblue_chat_reply_set_confidence(op->reply, confidence);
	/* a question that names no product, asked of several: ask which one */
	if (choices != NULL) {
		g_autofree gchar *text = cblue_bot_format_clarify(self, op->kb, language, (const gchar *const *)choices);
		cblue_chat_reply_set_outcome(op->reply, CBLUE_OUTCOME_CLARIFY);
		cblue_chat_reply_set_text(op->reply, text);
		op->offers = g_steal_pointer(&choices);
		return FALSE;
	}
	/* two topics too close to choose: ask, unless the conversation chose */
	if (second != NULL && !from_context && self->clarify_margin > 0 &&
	    second->confidence >= self->clarify_min_confidence && top->score > 0 &&
	    (top->score - second->score) / top->score < self->clarify_margin &&
	    cblue_kb_lookup(op->kb, second->topic_id) != NULL) {
		const gchar *const offered[] = {top->topic_id, second->topic_id, NULL};
		g_autofree gchar *text = cblue_bot_format_clarify(self, op->kb, language, offered);
		cblue_chat_reply_set_outcome(op->reply, CBLUE_OUTCOME_CLARIFY);
		cblue_chat_reply_set_text(op->reply, text);
		op->offers = g_strdupv((GStrv)offered);
		return FALSE;
	}
	cblue_chat_reply_set_outcome(op->reply, CBLUE_OUTCOME_ANSWERED);
	cblue_chat_reply_set_topic_id(op->reply, top->topic_id);
	/* the only hit made an object: the provider's */
	op->chosen = g_ptr_array_new_full(1, g_object_unref);
	g_ptr_array_add(op->chosen, cblue_hit_new(top->topic_id, top->score, top->confidence));
	return TRUE;
}

/* Up to this many questions of a message are searched on their own for a second answer */
#define CBLUE_BOT_MAX_QUESTIONS 3

/* The topic that the question @text (a part of @op's message) alone is answered with, as a
 * message of its own would be: confident, not too close to its runner-up to choose (which would
 * ask which one), and not a service the business declines. NULL if none; else a topic of the KB,
 * whose confidence is set in @confidence. */
static gchar *
cblue_bot_question_topic(CblueBot *self, CblueAskOp *op, const gchar *text, gdouble *confidence)
{
	g_autoptr(CblueAskOp) sub = cblue_bot_search_text(self, op, text);
	g_autoptr(GArray) hits = cblue_bot_fuse(sub);
	g_autofree gchar *declined = NULL;
	const CblueBotHit *top, *second;

	if (hits->len == 0 || !cblue_bot_top_is_confident(self, sub, hits))
		return NULL;
	top = &g_array_index(hits, CblueBotHit, 0);
	second = hits->len > 1 ? &g_array_index(hits, CblueBotHit, 1) : NULL;
	if (second != NULL && self->clarify_margin > 0 && second->confidence >= self->clarify_min_confidence &&
	    top->score > 0 && (top->score - second->score) / top->score < self->clarify_margin)
		return NULL;
	declined = cblue_bot_find_declined(self, sub, top->topic_id);
	if (declined != NULL || cblue_kb_lookup(op->kb, top->topic_id) == NULL)
		return NULL;
	*confidence = top->confidence;
	return g_strdup(top->topic_id);
}

/* @text casefolded and without hyphens: customers write "wifi", "WiFi" and "Wi-Fi" alike */
static gchar *
cblue_bot_fold_keyword(const gchar *text)
{
	gchar *folded = g_utf8_casefold(text, -1);
	gchar *to = folded;

	for (const gchar *from = folded; *from != '\0'; from++) {
		if (*from != '-')
			*to++ = *from;
	}
	*to = '\0';
	return folded;
}

/* Whether @text names the topic @entry: it holds one of the topic's keywords (of any language,
 * casefolded, without hyphens; a Latin one beginning a word, so that "websites" names "website"). A second
 * question must name what it asks about: "เสียเงินไหม" (does it cost anything?) after a request for
 * a site survey finds the warranty topic confidently on two words, and names nothing. */
static gboolean
cblue_bot_names_topic(const gchar *text, CblueKbEntry *entry)
{
	const gchar *const *keywords = cblue_kb_entry_get_keywords(entry);
	g_autofree gchar *folded = cblue_bot_fold_keyword(text);

	for (guint k = 0; keywords != NULL && keywords[k] != NULL; k++) {
		g_autofree gchar *keyword = cblue_bot_fold_keyword(keywords[k]);
		for (const gchar *at = strstr(folded, keyword); at != NULL && keyword[0] != '\0';
		     at = strstr(at + 1, keyword)) {
			if (!g_ascii_isalnum(keyword[0]) || at == folded || !g_ascii_isalnum(at[-1]))
				return TRUE;
		}
	}
	return FALSE;
}

/* In the search of a second question with the main topic's name added, the question's own
 * topic must score at least this share of the best hit's */
#define CBLUE_BOT_SECOND_QUESTION_KEEP 0.7

/* Whether the question @text (a part of @op's message), answered alone with @topic_id, asks
 * about the subject of the message's main topic @main instead: searched with @main's name
 * added (cblue_bot_topic_name(), as a follow-up is in cblue_bot_search_with_product()), it finds
 * @main first and @topic_id well below it (CBLUE_BOT_SECOND_QUESTION_KEEP). "Do they need
 * batteries?" after "Do your solar pumps work without grid power?" finds the battery topic alone
 * but asks of the pump, and "กี่อาทิตย์เสร็จ" (done in how many weeks?) after a website's price
 * finds the solar installation steps alone; "Can I watch the cameras on my phone?" after "Do you
 * install CCTV for shops?" finds the remote viewing topic either way, and "Do you also build
 * websites?" after a chatbot's price keeps the websites close to the chatbot. */
static gboolean
cblue_bot_question_of(CblueBot *self, CblueAskOp *op, const gchar *text, const gchar *topic_id, CblueKbEntry *main)
{
	const gchar *name = cblue_bot_topic_name(main, cblue_message_get_language(op->message));
	g_autofree gchar *named = NULL;
	g_autoptr(CblueAskOp) sub = NULL;
	g_autoptr(GArray) hits = NULL;
	const CblueBotHit *top;

	if (name == NULL)
		return FALSE;
	named = g_strconcat(text, " ", name, NULL);
	sub = cblue_bot_search_text(self, op, named);
	hits = cblue_bot_fuse(sub);
	if (hits->len == 0)
		return FALSE;
	top = &g_array_index(hits, CblueBotHit, 0);
	if (strcmp(top->topic_id, topic_id) == 0)
		return FALSE;
	if (strcmp(top->topic_id, cblue_kb_entry_get_topic_id(main)) != 0)
		return TRUE;
	for (guint i = 1; i < hits->len; i++) {
		const CblueBotHit *hit = &g_array_index(hits, CblueBotHit, i);
		if (strcmp(hit->topic_id, topic_id) == 0)
			return hit->score < CBLUE_BOT_SECOND_QUESTION_KEEP * top->score;
	}
	return TRUE;
}

/* Whether the question @q of @op's message (its text @question), answered alone with @topic_id,
 * asks a second thing beside the main topic @main_id: the part of it that asks (not the background
 * told before it) names the topic (cblue_bot_names_topic()), and it does not ask about the main
 * topic's subject (cblue_bot_question_of()) */
static gboolean
cblue_bot_second_question_stands(CblueBot *self, CblueAskOp *op, const CblueRequestQuestion *q,
				 const gchar *question, const gchar *topic_id, const gchar *main_id)
{
	g_autofree gchar *asking = g_strndup(cblue_message_get_text(op->message) + MIN(q->ask_start, q->end),
					     q->end - MIN(q->ask_start, q->end));

	return cblue_bot_names_topic(asking, cblue_kb_lookup(op->kb, topic_id)) &&
	       !cblue_bot_question_of(self, op, question, topic_id, cblue_kb_lookup(op->kb, main_id));
}

/* Whether @sources (of CblueHit) hold @topic_id */
static gboolean
cblue_bot_sources_hold(GPtrArray *sources, const gchar *topic_id)
{
	for (guint i = 0; i < sources->len; i++) {
		if (g_strcmp0(cblue_hit_get_topic_id(g_ptr_array_index(sources, i)), topic_id) == 0)
			return TRUE;
	}
	return FALSE;
}

/* A message that asks two things ("How much is a 5 kW system? How long does installation
 * take?", "ราคาเท่าไหร่ครับ แล้วรับประกันกี่ปี"), answered with one topic. Its questions
 * (cblue_request_questions(): only a message of several clauses that ask is cut, the cheap
 * signal; the others cost a look at their bytes) are searched each on their own, and the first
 * that is answered as a message of its own would be with another topic than the reply's
 * (cblue_bot_question_topic(): confident, not to be clarified, not declined) is answered too if
 * it stands as a question of its own (cblue_bot_second_question_stands(): it names that topic,
 * and is not about the main topic's subject). Most messages that ask twice ask twice about one
 * thing ("is the survey free? when can you come?", "能用多少年？保固多久？"), and their fragments
 * find some topic confidently on two words: a second answer to them is worse than none. One of
 * the questions must be answered with the reply's own topic, so that the two answers are to two
 * of the questions. The second topic is the reply's second_topic_id and one of its sources; its
 * content follows the answer (cblue_bot_answer_second_question()), in the customer's language
 * only, after the replies' lead-in other_question (none: no second answer). */
static void
cblue_bot_find_second_question(CblueBot *self, CblueAskOp *op)
{
	const gchar *text = cblue_message_get_text(op->message);
	const gchar *main_id = cblue_chat_reply_get_topic_id(op->reply);
	const gchar *language = cblue_message_get_language(op->message);
	g_autoptr(GArray) questions = NULL;
	g_autofree gchar *second_id = NULL;
	gboolean main_asked = FALSE;
	gdouble second_confidence = 0, confidence = 0;
	const gchar *content_language = NULL;
	GPtrArray *sources;
	CblueKbEntry *entry;
	gboolean has_lead;

	if (main_id == NULL || cblue_chat_reply_get_outcome(op->reply) != CBLUE_OUTCOME_ANSWERED)
		return;
	questions = cblue_request_questions(text);
	if (questions == NULL)
		return;
	for (guint i = 0; i < MIN(questions->len, CBLUE_BOT_MAX_QUESTIONS) && !(main_asked && second_id != NULL);
	     i++) {
		const CblueRequestQuestion *q = &g_array_index(questions, CblueRequestQuestion, i);
		g_autofree gchar *question = g_strndup(text + q->start, q->end - q->start);
		g_autofree gchar *topic_id = cblue_bot_question_topic(self, op, question, &confidence);
		if (topic_id == NULL)
			continue;
		if (strcmp(topic_id, main_id) == 0)
			main_asked = TRUE;
		else if (second_id == NULL && cblue_bot_second_question_stands(self, op, q, question, topic_id, main_id)) {
			second_id = g_steal_pointer(&topic_id);
			second_confidence = confidence;
		}
	}
	if (!main_asked || second_id == NULL)
		return;
	entry = cblue_kb_lookup(op->kb, second_id);
	cblue_kb_entry_get_content_for(entry, language, &content_language);
	g_mutex_lock(&self->mutex);
	has_lead = *cblue_bot_canned_locked(self, "other_question", language) != '\0';
	g_mutex_unlock(&self->mutex);
	if (g_strcmp0(content_language, language) != 0 || !has_lead)
		return;
	g_debug("a second question, answered with %s after %s", second_id, main_id);
	cblue_chat_reply_set_second_topic_id(op->reply, second_id);
	sources = cblue_chat_reply_get_sources(op->reply);
	if (!cblue_bot_sources_hold(sources, second_id))
		cblue_chat_reply_put_source_values(op->reply, second_id, 0.0, second_confidence,
						   CBLUE_BOT_MAX_SOURCES);
}

/* The reply's answer followed by its second topic's (cblue_bot_find_second_question()),
 * introduced by the lead-in of the replies' other_question in the customer's language */
static void
cblue_bot_answer_second_question(CblueBot *self, CblueAskOp *op)
{
	const gchar *second_id = cblue_chat_reply_get_second_topic_id(op->reply);
	const gchar *language = cblue_message_get_language(op->message);
	g_autofree gchar *text = NULL;
	CblueKbEntry *entry;

	if (second_id == NULL)
		return;
	entry = cblue_kb_lookup(op->kb, second_id);
	if (entry == NULL || cblue_chat_reply_get_outcome(op->reply) != CBLUE_OUTCOME_ANSWERED) {
		cblue_chat_reply_set_second_topic_id(op->reply, NULL);
		return;
	}
	g_mutex_lock(&self->mutex);
	text = g_strconcat(cblue_chat_reply_get_text(op->reply), "\n\n",
			   cblue_bot_canned_locked(self, "other_question", language),
			   cblue_kb_entry_get_content_for(entry, language, NULL), NULL);
	g_mutex_unlock(&self->mutex);
	cblue_chat_reply_set_text(op->reply, text);
}

/* the answer when there is no provider or it failed: the entry's own content */
static void
cblue_bot_answer_extractive(CblueAskOp *op)
{
	CblueKbEntry *entry = cblue_kb_lookup(op->kb, cblue_chat_reply_get_topic_id(op->reply));
	const gchar *lang = NULL;
	const gchar *text = cblue_kb_entry_get_content_for(entry, cblue_message_get_language(op->message), &lang);
	cblue_chat_reply_set_text(op->reply, text);
}

/* a provider that found no answer in the knowledge it was given: the bot's own "I don't
 * know", recorded as unanswered like any other */
static void
cblue_bot_apply_provider_outcome(CblueBot *self, CblueAskOp *op)
{
	if (cblue_chat_reply_get_outcome(op->reply) != CBLUE_OUTCOME_UNANSWERED)
		return;
	cblue_chat_reply_set_topic_id(op->reply, NULL);
	g_mutex_lock(&self->mutex);
	cblue_chat_reply_set_text(op->reply,
				  cblue_bot_canned_locked(self, "unknown", cblue_message_get_language(op->message)));
	g_mutex_unlock(&self->mutex);
}

/* The conversation's topics after a reply answered with @topic_id (nullable: not answered, they
 * stay): @topic_id first, then the previous topic and the earlier ones, but one topic per product
 * (the latest) and at most CBLUE_BOT_MAX_TOPICS. Returns: (transfer full) (nullable) */
static GStrv
cblue_bot_remember_topic(CblueAskOp *op, const gchar *topic_id)
{
	g_autoptr(GStrvBuilder) builder = g_strv_builder_new();
	g_autoptr(GPtrArray) kept = g_ptr_array_new();
	const gchar *previous = cblue_message_get_previous_topic_id(op->message);
	guint n_earlier = op->earlier_topics != NULL ? g_strv_length(op->earlier_topics) : 0;

	if (topic_id != NULL)
		g_ptr_array_add(kept, (gpointer)topic_id);
	if (previous != NULL)
		g_ptr_array_add(kept, (gpointer)previous);
	for (guint i = 0; i < n_earlier; i++)
		g_ptr_array_add(kept, op->earlier_topics[i]);
	for (guint i = 0, n = 0; i < kept->len && n < CBLUE_BOT_MAX_TOPICS; i++) {
		const gchar *id = g_ptr_array_index(kept, i);
		CblueKbEntry *entry = cblue_kb_lookup(op->kb, id);
		gboolean known = FALSE;
		/* a topic the KB no longer has is forgotten */
		if (entry == NULL)
			continue;
		for (guint j = 0; j < i && !known; j++) {
			CblueKbEntry *later = cblue_kb_lookup(op->kb, g_ptr_array_index(kept, j));
			known = later != NULL && g_strcmp0(cblue_bot_product(later), cblue_bot_product(entry)) == 0;
		}
		if (known)
			continue;
		g_strv_builder_add(builder, id);
		n++;
	}
	return kept->len > 0 ? g_strv_builder_end(builder) : NULL;
}

static void
cblue_bot_finish_reply(CblueBot *self, CblueAskOp *op)
{
	CblueStore *store = cblue_context_get_extension(self->context, CBLUE_TYPE_STORE);
	const gchar *topic_id = cblue_chat_reply_get_topic_id(op->reply);
	const gchar *language = cblue_language_static(cblue_message_get_language(op->message));

	cblue_chat_reply_set_duration_usec(op->reply,
					   g_get_monotonic_time() - cblue_message_get_received_usec(op->message));
	g_auto(GStrv) topics = cblue_bot_remember_topic(op, topic_id);

	if (topic_id != NULL) {
		g_mutex_lock(&self->mutex);
		if (g_hash_table_size(self->last_topics) >= CBLUE_BOT_MAX_CONVERSATIONS)
			g_hash_table_remove_all(self->last_topics);
		g_hash_table_insert(self->last_topics, g_strdup(cblue_message_get_conversation_id(op->message)),
				    g_strdupv(topics));
		g_mutex_unlock(&self->mutex);
	}
	if (language != NULL) {
		g_mutex_lock(&self->mutex);
		if (g_hash_table_size(self->last_languages) >= CBLUE_BOT_MAX_CONVERSATIONS)
			g_hash_table_remove_all(self->last_languages);
		g_hash_table_insert(self->last_languages, g_strdup(cblue_message_get_conversation_id(op->message)),
				    (gpointer)language);
		g_mutex_unlock(&self->mutex);
	}
	/* the state after this reply, for a queue to carry to the next message: the topics
	 * last answered (kept by a reply without one, as last_topics keeps them) and the options
	 * this reply offers */
	{
		g_autofree gchar *context =
		    cblue_bot_write_context((const gchar *const *)topics, (const gchar *const *)op->offers, language);
		cblue_chat_reply_set_context(op->reply, context);
	}
	/* a clarification's options stay open for the next message only */
	if (op->offers != NULL || op->was_offered != NULL) {
		const gchar *conversation_id = cblue_message_get_conversation_id(op->message);
		g_mutex_lock(&self->mutex);
		if (op->offers == NULL)
			g_hash_table_remove(self->offered, conversation_id);
		else {
			if (g_hash_table_size(self->offered) >= CBLUE_BOT_MAX_CONVERSATIONS)
				g_hash_table_remove_all(self->offered);
			g_hash_table_insert(self->offered, g_strdup(conversation_id), g_steal_pointer(&op->offers));
		}
		g_mutex_unlock(&self->mutex);
	}
	if (store != NULL && self->record) {
		op->stage_start = g_get_monotonic_time();
		cblue_store_record_exchange(store, op->message, op->reply);
		cblue_bot_stage_done(op, "record");
	}
}

static gboolean
cblue_bot_is_all_sync(CblueAskOp *op)
{
	return cblue_bot_plugins_are_sync(op->retrievers, op->provider);
}

/* A message that is only a greeting, thanks or goodbye, or asks whether a person answers or
 * for one, gets the canned reply of its kind without a search: no topic would be the answer
 * (the chatbot product's is not about this bot), and "I don't know" would be wrong. It is
 * unanswered (no topic) but marked, so that it is not in the unanswered inbox. Returns
 * whether @op was such a message, its reply finished. */
static gboolean
cblue_bot_answer_small_talk(CblueBot *self, CblueAskOp *op)
{
	/* every message is looked at: outside the lock, which the other threads' messages take */
	g_autoptr(CblueSmallTalk) small_talk = cblue_bot_ref_small_talk(self);
	CblueSmallTalkKind kind;
	const gchar *text;

	kind = cblue_small_talk_classify(small_talk, cblue_message_get_text(op->message));
	/* a reaction alone ("too expensive", แพงจัง) has no reply of its own: a question as any other */
	if (kind == CBLUE_SMALL_TALK_NONE || kind == CBLUE_SMALL_TALK_REACTION)
		return FALSE;
	g_mutex_lock(&self->mutex);
	text = cblue_bot_canned_locked(self, cblue_small_talk_kind_to_string(kind), cblue_message_get_language(op->message));
	/* a replies file with the phrases of a kind but not its reply: a question as any other */
	if (*text == '\0') {
		g_mutex_unlock(&self->mutex);
		return FALSE;
	}
	cblue_chat_reply_set_text(op->reply, text);
	g_mutex_unlock(&self->mutex);
	cblue_chat_reply_set_outcome(op->reply, CBLUE_OUTCOME_UNANSWERED);
	cblue_chat_reply_set_confidence(op->reply, 1.0);
	cblue_chat_reply_set_small_talk(op->reply, TRUE);
	cblue_bot_stage_done(op, "decide");
	cblue_bot_finish_reply(self, op);
	return TRUE;
}

/* the whole pipeline in place, for synchronous plugins, once @op is known not to be small
 * talk (cblue_bot_answer_small_talk()) */
static CblueChatReply *
cblue_bot_run_sync(CblueBot *self, CblueAskOp *op, GError **error)
{
	gboolean needs_answer;

	/* only here: small talk needs no request part, and retrievers that search
	 * asynchronously (an embeddings endpoint) are asked the whole message only */
	cblue_bot_find_request(self, op);
	for (guint i = 0; i < op->retrievers->len; i++)
		cblue_bot_search_sync(self, op, g_ptr_array_index(op->retrievers, i));
	op->stage_start = g_get_monotonic_time();
	needs_answer = cblue_bot_decide(self, op);
	/* only here: a model that writes the answer (the LLM's, asynchronous) is given the reply's
	 * topic and sources as before, and answers one topic */
	if (needs_answer && self->multi_question)
		cblue_bot_find_second_question(self, op);
	cblue_bot_stage_done(op, "decide");
	if (needs_answer) {
		g_autoptr(GError) error_local = NULL;
		if (op->provider == NULL ||
		    !cblue_model_provider_generate(op->provider, op->message, op->kb, op->chosen, op->reply,
						   &error_local)) {
			if (error_local != NULL)
				g_warning("model provider: %s", error_local->message);
			cblue_bot_answer_extractive(op);
		} else {
			cblue_bot_apply_provider_outcome(self, op);
		}
		cblue_bot_answer_second_question(self, op);
		cblue_bot_stage_done(op, "answer");
	}
	cblue_bot_finish_reply(self, op);
	return g_object_ref(op->reply);
}

static void
cblue_bot_generate_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	CblueBot *self = g_task_get_source_object(task);
	CblueAskOp *op = g_task_get_task_data(task);
	g_autoptr(GError) error = NULL;

	if (!cblue_model_provider_generate_finish(CBLUE_MODEL_PROVIDER(source), res, &error)) {
		if (g_task_return_error_if_cancelled(task))
			return;
		g_warning("model provider: %s; answering from the KB", error->message);
		cblue_bot_answer_extractive(op);
	} else {
		cblue_bot_apply_provider_outcome(self, op);
	}
	cblue_bot_stage_done(op, "answer");
	cblue_bot_finish_reply(self, op);
	g_task_return_pointer(task, g_object_ref(op->reply), g_object_unref);
}

static void
cblue_bot_after_retrieval(GTask *task)
{
	CblueBot *self = g_task_get_source_object(task);
	CblueAskOp *op = g_task_get_task_data(task);
	gboolean needs_answer;

	if (g_task_return_error_if_cancelled(task))
		return;
	op->stage_start = g_get_monotonic_time();
	needs_answer = cblue_bot_decide(self, op);
	cblue_bot_stage_done(op, "decide");
	if (needs_answer) {
		if (op->provider != NULL) {
			cblue_model_provider_generate_async(op->provider, op->message, op->kb, op->chosen, op->reply,
							    g_task_get_cancellable(task), cblue_bot_generate_cb,
							    g_object_ref(task));
			return;
		}
		cblue_bot_answer_extractive(op);
		cblue_bot_stage_done(op, "answer");
	}
	cblue_bot_finish_reply(self, op);
	g_task_return_pointer(task, g_object_ref(op->reply), g_object_unref);
}

static void
cblue_bot_search_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	CblueBot *self = g_task_get_source_object(task);
	CblueAskOp *op = g_task_get_task_data(task);
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) hits = cblue_retriever_search_finish(CBLUE_RETRIEVER(source), res, &error);

	if (hits == NULL)
		cblue_bot_retriever_failed(self, CBLUE_RETRIEVER(source), error);
	/* the retrievers run at the same time, each timed from their common start */
	cblue_chat_reply_add_stage_usec(op->reply, cblue_bot_retriever_stage_name(self, CBLUE_RETRIEVER(source)),
					g_get_monotonic_time() - op->stage_start);
	if (hits != NULL) {
		cblue_bot_collect_hits(op, hits);
		cblue_bot_add_run(self, op, CBLUE_RETRIEVER(source));
	}
	if (--op->pending == 0)
		cblue_bot_after_retrieval(task);
}

/* runs a prepared message; the task takes @op */
static void
cblue_bot_run_async(CblueBot *self, GTask *task, CblueAskOp *op)
{
	g_autoptr(GError) error = NULL;

	g_task_set_task_data(task, op, (GDestroyNotify)cblue_ask_op_free);
	op->stage_start = g_get_monotonic_time();
	if (cblue_bot_answer_small_talk(self, op)) {
		g_task_return_pointer(task, g_object_ref(op->reply), g_object_unref);
		return;
	}
	if (cblue_bot_is_all_sync(op)) {
		g_autoptr(CblueChatReply) reply = cblue_bot_run_sync(self, op, &error);
		g_task_return_pointer(task, g_steal_pointer(&reply), g_object_unref);
		return;
	}
	op->stage_start = g_get_monotonic_time();
	op->pending = 1;
	for (guint i = 0; i < op->retrievers->len; i++) {
		op->pending++;
		cblue_retriever_search_async(g_ptr_array_index(op->retrievers, i), op->message,
					     cblue_bot_search_depth(self, op), g_task_get_cancellable(task),
					     cblue_bot_search_cb, g_object_ref(task));
	}
	if (--op->pending == 0)
		cblue_bot_after_retrieval(task);
}

/**
 * cblue_bot_ask_async:
 * @self: a #CblueBot
 * @message: the customer's message
 * @cancellable: (nullable): a #GCancellable, fired when the customer goes away
 * @callback: the callback
 * @user_data: data for @callback
 *
 * Answers a message. The message's text is replaced by its redacted form, and its
 * language and conversation id are set if they were not.
 *
 * Since: 1.0
 */
void
cblue_bot_ask_async(CblueBot *self, CblueMessage *message, GCancellable *cancellable, GAsyncReadyCallback callback,
		    gpointer user_data)
{
	g_autoptr(GTask) task = NULL;
	g_autoptr(GError) error = NULL;
	CblueAskOp *op;

	g_return_if_fail(CBLUE_IS_BOT(self));
	g_return_if_fail(CBLUE_IS_MESSAGE(message));

	task = g_task_new(self, cancellable, callback, user_data);
	g_task_set_source_tag(task, cblue_bot_ask_async);
	op = cblue_bot_prepare(self, message, NULL, &error);
	if (op == NULL) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	cblue_bot_run_async(self, task, op);
}

/**
 * cblue_bot_ask_finish:
 * @self: a #CblueBot
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes [method@Bot.ask_async]. Invalid messages (empty, too long, invalid UTF-8, an
 * unsupported language) fail with %CBLUE_ERROR_INVALID_DATA or %CBLUE_ERROR_TOO_LARGE.
 *
 * Returns: (transfer full): the reply, or %NULL
 *
 * Since: 1.0
 */
CblueChatReply *
cblue_bot_ask_finish(CblueBot *self, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, self), NULL);
	return g_task_propagate_pointer(G_TASK(result), error);
}

typedef struct {
	GMainContext *context;
	GAsyncResult *result;
} CblueBotSyncData;

static void
cblue_bot_sync_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	CblueBotSyncData *data = user_data;
	data->result = g_object_ref(res);
	g_main_context_wakeup(data->context);
}

/**
 * cblue_bot_ask_sync:
 * @self: a #CblueBot
 * @message: the customer's message
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Answers a message, blocking. With synchronous plugins the pipeline runs in place;
 * otherwise a private main context is iterated until the reply is ready.
 *
 * Returns: (transfer full): the reply, or %NULL
 *
 * Since: 1.0
 */
CblueChatReply *
cblue_bot_ask_sync(CblueBot *self, CblueMessage *message, GCancellable *cancellable, GError **error)
{
	g_autoptr(CblueAskOp) op = NULL;
	g_autoptr(GMainContext) context = NULL;
	g_autoptr(GTask) task = NULL;
	CblueBotSyncData data = {NULL, NULL};
	CblueChatReply *reply;

	g_return_val_if_fail(CBLUE_IS_BOT(self), NULL);
	g_return_val_if_fail(CBLUE_IS_MESSAGE(message), NULL);

	/* fast path: no GTask, no main context */
	op = cblue_bot_prepare(self, message, NULL, error);
	if (op == NULL)
		return NULL;
	if (cblue_bot_is_all_sync(op)) {
		if (cblue_bot_answer_small_talk(self, op))
			return g_object_ref(op->reply);
		return cblue_bot_run_sync(self, op, error);
	}

	context = g_main_context_new();
	data.context = context;
	g_main_context_push_thread_default(context);
	task = g_task_new(self, cancellable, cblue_bot_sync_cb, &data);
	g_task_set_source_tag(task, cblue_bot_ask_async);
	cblue_bot_run_async(self, task, g_steal_pointer(&op));
	g_clear_object(&task);
	while (data.result == NULL)
		g_main_context_iteration(context, TRUE);
	g_main_context_pop_thread_default(context);
	reply = cblue_bot_ask_finish(self, data.result, error);
	g_object_unref(data.result);
	return reply;
}

/* cblue-bot-private.h */
gboolean
cblue_bot_ask_in_place(CblueBot *self, CblueMessage *message, CblueChatReply **reply, GError **error)
{
	g_autoptr(GPtrArray) retrievers = NULL;
	g_autoptr(CblueAskOp) op = NULL;

	g_return_val_if_fail(CBLUE_IS_BOT(self), FALSE);
	g_return_val_if_fail(CBLUE_IS_MESSAGE(message), FALSE);
	g_return_val_if_fail(reply != NULL && *reply == NULL, FALSE);

	retrievers = cblue_context_ref_extensions(self->context, CBLUE_TYPE_RETRIEVER);
	if (!cblue_bot_plugins_are_sync(retrievers,
					cblue_context_get_extension(self->context, CBLUE_TYPE_MODEL_PROVIDER)))
		return FALSE;
	op = cblue_bot_prepare(self, message, g_steal_pointer(&retrievers), error);
	if (op == NULL)
		return TRUE;
	if (cblue_bot_answer_small_talk(self, op))
		*reply = g_object_ref(op->reply);
	else
		*reply = cblue_bot_run_sync(self, op, error);
	return TRUE;
}

/**
 * cblue_bot_ask:
 * @self: a #CblueBot
 * @text: the customer's text
 * @language: (nullable): the language, or %NULL to detect it
 * @error: return location for a #GError
 *
 * Answers a text, blocking; a convenience for scripts and bindings.
 *
 * Returns: (transfer full): the reply, or %NULL
 *
 * Since: 1.0
 */
CblueChatReply *
cblue_bot_ask(CblueBot *self, const gchar *text, const gchar *language, GError **error)
{
	g_autoptr(CblueMessage) message = NULL;
	g_return_val_if_fail(CBLUE_IS_BOT(self), NULL);
	g_return_val_if_fail(text != NULL, NULL);
	message = cblue_message_new(text);
	cblue_message_set_language(message, language);
	cblue_message_set_channel(message, "api");
	return cblue_bot_ask_sync(self, message, NULL, error);
}
