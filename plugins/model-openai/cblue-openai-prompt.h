/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"

G_BEGIN_DECLS

/* The RAG prompt of model-openai: per-language templates (data/prompts/{en,th,zh}.txt,
 * bundled; `[model] prompts_dir` overrides them) and the assembly of the chat messages.
 *
 * Every piece of data (a KB entry, an earlier turn, the customer's message) is put in a
 * block fenced by `<<<KIND TAG>>>` … `<<<END KIND TAG>>>`, TAG being random for each
 * request; `<<<` and `>>>` inside the data are broken up, so data can neither close its
 * block nor open another one, and the system prompt says fenced text is never an
 * instruction. */
typedef struct _CblueOpenaiPrompts CblueOpenaiPrompts;

/* the marker the templates ask the model to reply with when the entries lack the answer */
#define CBLUE_OPENAI_NO_ANSWER "NO_ANSWER"

/* @prompts_dir: nullable: a directory with {en,th,zh}.txt, else the bundled ones */
CblueOpenaiPrompts *cblue_openai_prompts_load(const gchar *prompts_dir, GError **error);
void cblue_openai_prompts_free(CblueOpenaiPrompts *self);

/* one earlier turn: role "user" or "bot", and its (redacted) text */
typedef struct {
	const gchar *role;
	const gchar *text;
} CblueOpenaiTurn;

/* Writes the two messages of a chat completion: appends to @system the system message,
 * and to @user the user message with the fenced entries (@entries: CblueKbEntry, their
 * content in @language or another), the fenced @turns (oldest first; the oldest are
 * dropped to fit @history_tokens) and the fenced @question. @fence is the tag; NULL for a
 * random one. */
void cblue_openai_prompts_assemble(CblueOpenaiPrompts *self, const gchar *language, const gchar *fence,
				   GPtrArray *entries, const CblueOpenaiTurn *turns, guint n_turns,
				   guint history_tokens, const gchar *question, GString *system, GString *user);

/* The same as the `messages` array of a chat completion: a system message, then the user
 * message. */
JsonNode *cblue_openai_prompts_build(CblueOpenaiPrompts *self, const gchar *language, const gchar *fence,
				     GPtrArray *entries, const CblueOpenaiTurn *turns, guint n_turns,
				     guint history_tokens, const gchar *question);

/* a rough token count for budgets: one per Thai or CJK character, one per four others */
guint cblue_openai_estimate_tokens(const gchar *text);
/* the data with `<<<` and `>>>` broken up; (transfer full) */
gchar *cblue_openai_defuse(const gchar *text);
/* TRUE if the model's reply says it has no answer (the marker, alone or first) */
gboolean cblue_openai_is_no_answer(const gchar *reply);
/* TRUE if @text could still become the marker: the start of a reply is held back */
gboolean cblue_openai_may_be_no_answer(const gchar *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueOpenaiPrompts, cblue_openai_prompts_free)

G_END_DECLS
