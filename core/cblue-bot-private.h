/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue-bot.h"

G_BEGIN_DECLS

/* exported for the plugins of this tree (queue-local); not a public API */
#define CBLUE_BOT_PRIVATE_EXTERN _CBLUE_EXTERN

/*
 * Answers @message in place, PRIVATE and UNSTABLE (exported for the plugins of this source
 * tree only): when every retriever and the model provider are synchronous (the embedded
 * default), the pipeline of cblue_bot_ask_async() runs now, without a GTask, and this
 * returns %TRUE with @reply set, or @error for a message the bot refuses. Otherwise it
 * returns %FALSE and does nothing: use cblue_bot_ask_async().
 *
 * The caller's reply comes back in the same dispatch instead of an idle callback later:
 * the two GTasks of the queue and the bot, their idle source and their finalization were
 * about 8k instructions a message.
 */
CBLUE_BOT_PRIVATE_EXTERN
gboolean cblue_bot_ask_in_place(CblueBot *self, CblueMessage *message, CblueChatReply **reply, GError **error);

/*
 * The number of (language, topic) word sets the bot keeps for its conversation rules,
 * PRIVATE (for tests and benchmarks): bounded, whatever the KB's size and the traffic.
 */
CBLUE_BOT_PRIVATE_EXTERN
guint cblue_bot_get_n_topic_words(CblueBot *self);

G_END_DECLS
