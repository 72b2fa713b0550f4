/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What a message that is only a greeting, thanks or goodbye is ("hi", "สวัสดีค่ะ", "在吗？",
 * "ok thanks, bye!"), or only asks whether a person is answering or for one ("are you a
 * bot?", "ขอคุยกับเจ้าหน้าที่", "转人工"): the bot answers it with the canned reply of the
 * same name, not with "I don't know" or a product's answer, and does not put it in the
 * unanswered inbox. Ordered: in a message of several, the last kind of this order wins
 * ("thanks, bye" is a goodbye, "hi, are you a bot?" asks for a person). A reaction to the bot's
 * answer ("too expensive", "hmm", "wow", แพงจัง, 太贵了) has no reply of its own: a message of one is
 * a question as any other, and it is last so that one in a message makes it so ("ok, too pricey");
 * before a follow-up's question it is left out of the search (cblue_bot_follow_up_hits()). */
typedef enum {
	CBLUE_SMALL_TALK_NONE,
	CBLUE_SMALL_TALK_GREETING,
	CBLUE_SMALL_TALK_THANKS,
	CBLUE_SMALL_TALK_GOODBYE,
	CBLUE_SMALL_TALK_HUMAN,
	CBLUE_SMALL_TALK_REACTION,
} CblueSmallTalkKind;

/* immutable once made, reference-counted: a bot classifies with its own reference,
 * outside its lock, while replies may be reloaded */
typedef struct _CblueSmallTalk CblueSmallTalk;

CblueSmallTalk *cblue_small_talk_new(JsonObject *phrases, GError **error);
CblueSmallTalk *cblue_small_talk_ref(CblueSmallTalk *self);
void cblue_small_talk_unref(CblueSmallTalk *self);
CblueSmallTalkKind cblue_small_talk_classify(CblueSmallTalk *self, const gchar *text);
const gchar *cblue_small_talk_kind_to_string(CblueSmallTalkKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueSmallTalk, cblue_small_talk_unref)

G_END_DECLS
