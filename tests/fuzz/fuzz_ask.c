/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue.h"
#include "cblue-test-utils.h"

/*
 * fuzz_ask: the whole in-place pipeline of a default install (PII redaction, language
 * detection, the request part and the questions of a message, both retrievers fused, the
 * decision, asking back, a second answer, the extractive answer) over arbitrary bytes, with
 * the bundled KB. The input is up to three messages of one conversation, cut at the byte
 * 0x01; each next message carries the context of the reply before it, as a conversation
 * does (follow-ups, returns to an earlier topic, the answer to a question asked back). A
 * fourth message, the last one again, is given the input's first message as its context:
 * the context is opaque to clients but comes back from the queue's store, and a corrupt
 * one must be ignored, not trusted. A message that is not UTF-8 is also asked made valid.
 *
 * Never a crash. A message that is not valid UTF-8, blank or too long is refused with a
 * CBLUE_ERROR error (the HTTP 400/413 of the contract) and no reply; any other gets a
 * reply: a known outcome, a non-empty text in valid UTF-8, a confidence in [0, 1], at most
 * three sources, a topic of the KB when answered and none otherwise, a second topic of the
 * KB other than the first, options of the KB when asking back. Built with libFuzzer under
 * clang; tests/fuzz/fuzz-main.c replays a corpus, and random inputs, as a normal test.
 */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const guint8 *data, gsize size);

#define IN_PLACE_PLUGINS "[plugins]\nenabled=retrieval-bm25,retrieval-ngram,model-extractive,redact-builtin\ndisabled=\n"
#define MAX_MESSAGES 3
/* [bot] max_message_length's default, in characters */
#define MAX_MESSAGE_LENGTH 4000

static CblueBot *
fuzz_bot(void)
{
	static CblueBot *bot; /* for the process's life: a fuzzer runs the target millions of times */

	if (bot == NULL) {
		g_autoptr(CblueContext) context = cblue_test_context_new(IN_PLACE_PLUGINS, NULL);
		g_autoptr(GError) error = NULL;
		bot = cblue_bot_new(context);
		cblue_bot_set_record(bot, FALSE);
		cblue_bot_load_kb(bot, FALSE, &error);
		g_assert_no_error(error);
	}
	return bot;
}

/* the bot made before the first input: loading the plugins and indexing the KB (seconds under
 * ASan) is not an input's time */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_bot();
	return 0;
}

static void
assert_topic_of_kb(CblueKb *kb, const gchar *topic_id)
{
	g_assert_nonnull(topic_id);
	g_assert_nonnull(cblue_kb_lookup(kb, topic_id));
}

static void
check_reply(CblueKb *kb, CblueChatReply *reply)
{
	const gchar *text = cblue_chat_reply_get_text(reply);
	const gchar *topic_id = cblue_chat_reply_get_topic_id(reply);
	const gchar *second = cblue_chat_reply_get_second_topic_id(reply);
	const gchar *const *choices = cblue_chat_reply_get_product_choices(reply);
	gdouble confidence = cblue_chat_reply_get_confidence(reply);
	GPtrArray *sources = cblue_chat_reply_get_sources(reply);

	g_assert_nonnull(text);
	g_assert_true(text[0] != '\0');
	g_assert_true(g_utf8_validate(text, -1, NULL));
	g_assert_cmpfloat(confidence, >=, 0.0);
	g_assert_cmpfloat(confidence, <=, 1.0);
	g_assert_cmpuint(sources->len, <=, 3);
	for (guint i = 0; i < sources->len; i++)
		assert_topic_of_kb(kb, cblue_hit_get_topic_id(g_ptr_array_index(sources, i)));
	switch (cblue_chat_reply_get_outcome(reply)) {
	case CBLUE_OUTCOME_ANSWERED:
		assert_topic_of_kb(kb, topic_id);
		if (second != NULL) {
			assert_topic_of_kb(kb, second);
			g_assert_cmpstr(second, !=, topic_id);
		}
		break;
	case CBLUE_OUTCOME_UNANSWERED:
	case CBLUE_OUTCOME_CLARIFY:
		g_assert_null(topic_id);
		g_assert_null(second);
		break;
	default:
		g_assert_not_reached();
	}
	for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
		assert_topic_of_kb(kb, choices[i]);
}

/* whether @text (valid UTF-8) holds something other than space: it is not blank */
static gboolean
has_letter_or_digit(const gchar *text)
{
	for (const gchar *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		if (g_unichar_isalnum(g_utf8_get_char(p)))
			return TRUE;
	}
	return FALSE;
}

/* the reply to @text in a conversation whose last reply left @context (nullable), checked;
 * NULL if the message was refused (then with the contract's error) */
static CblueChatReply *
ask_checked(CblueBot *bot, CblueKb *kb, const gchar *text, gsize len, const gchar *context)
{
	g_autofree gchar *copy = g_malloc(len + 1); /* (not g_strndup(): NULL for an empty input's NULL) */
	g_autoptr(CblueMessage) message = NULL;
	g_autoptr(GError) error = NULL;
	CblueChatReply *reply;

	if (len > 0)
		memcpy(copy, text, len);
	copy[len] = '\0';
	/* a NUL byte ends the text, as it does a C string from any channel */
	message = cblue_message_new(copy);
	cblue_message_set_conversation_id(message, "fuzz");
	if (context != NULL)
		cblue_message_set_context(message, context);
	reply = cblue_bot_ask_sync(bot, message, NULL, &error);
	if (reply == NULL) {
		g_assert_nonnull(error);
		g_assert_true(error->domain == CBLUE_ERROR);
		if (!g_utf8_validate(copy, -1, NULL))
			g_assert_cmpint(error->code, ==, CBLUE_ERROR_INVALID_DATA);
		else if (g_utf8_strlen(copy, -1) > MAX_MESSAGE_LENGTH)
			g_assert_cmpint(error->code, ==, CBLUE_ERROR_TOO_LARGE);
		else
			g_assert_true(error->code == CBLUE_ERROR_INVALID_DATA && !has_letter_or_digit(copy));
		return NULL;
	}
	g_assert_no_error(error);
	check_reply(kb, reply);
	return reply;
}

int
LLVMFuzzerTestOneInput(const guint8 *data, gsize size)
{
	CblueBot *bot = fuzz_bot();
	g_autoptr(CblueKb) kb = cblue_bot_get_kb(bot);
	const gchar *text = size > 0 ? (const gchar *)data : ""; /* (an empty input may be NULL) */
	const gchar *end = text + size;
	g_autofree gchar *context = NULL;
	const gchar *first = text;
	gsize first_len = 0;
	const gchar *last = NULL;
	gsize last_len = 0;

	for (guint m = 0; m < MAX_MESSAGES && text <= end; m++) {
		const gchar *cut = memchr(text, 0x01, (gsize)(end - text));
		gsize len = cut != NULL && m + 1 < MAX_MESSAGES ? (gsize)(cut - text) : (gsize)(end - text);
		g_autoptr(CblueChatReply) reply = ask_checked(bot, kb, text, len, context);

		/* random bytes are seldom UTF-8: the same message made valid (U+FFFD for each bad
		 * sequence) takes the pipeline, as a channel that repairs its input would send it */
		if (reply == NULL && !g_utf8_validate(text, (gssize)len, NULL)) {
			g_autofree gchar *valid = g_utf8_make_valid(text, (gssize)len);
			reply = ask_checked(bot, kb, valid, strlen(valid), context);
		}

		if (m == 0)
			first_len = len;
		last = text;
		last_len = len;
		g_clear_pointer(&context, g_free);
		if (reply != NULL)
			context = g_strdup(cblue_chat_reply_get_context(reply));
		if (cut == NULL || m + 1 == MAX_MESSAGES)
			break;
		text = cut + 1;
	}
	/* the last message with a context of arbitrary bytes (the first message's) */
	if (last != NULL) {
		g_autofree gchar *garbage = g_malloc0(first_len + 1);
		if (first_len > 0)
			memcpy(garbage, first, first_len);
		g_autoptr(CblueChatReply) reply = ask_checked(bot, kb, last, last_len, garbage);
	}
	return 0;
}
