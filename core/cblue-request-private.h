/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The request of a message of several sentences: "Hi, we run a small milk-tea shop in Chiang
 * Mai and our bill is about 8,000 baht a month. Can you answer our customers on LINE?" asks
 * about the chatbot, and its background's words (bill, shop) are not what it asks. A message
 * is cut into sentences at . ! ? ; 。！？； and line breaks; a sentence is a request when it
 * ends in a question mark or says a question or request word (what, how, can you, need,
 * looking to, ไหม, เท่าไหร่, อยาก, 吗, 多少, 想 …). Returns the request sentences joined with
 * spaces, or NULL when the message is not of that kind: one sentence, no request, every
 * sentence a request, or a request that points back at the background ("would it work up
 * there?": it, them, those, ดังกล่าว, 它 …), which does not say alone what it asks about.
 * @context_chars and @request_chars, when not NULL, are set to the characters (neither
 * spaces nor punctuation) of the sentences left out and of those returned, 0 when NULL is
 * returned. */
gchar *cblue_request_part(const gchar *text, guint *context_chars, guint *request_chars);

/* A clause of a message: clauses end where sentences do (see cblue_request_part()) and at , ，
 * 、 : ： and brackets, and at a space between Thai letters (Thai separates its clauses with
 * spaces). A clause asks when it ends in a question mark or says a request word of
 * cblue_request_part(), unless a negation denies it (不想, ไม่อยาก, don't want). A clause is
 * asked about when the next one asks and says nothing else ("ไหมคะ", "ราคาเท่าไหร่", "你们能做吗"). */
typedef struct {
	gsize start, end; /* bytes of the text */
	gboolean asks;
	gboolean asked; /* by a bare request after it */
	gboolean cut;	/* a second question follows it in the same clause (cblue_request_questions()) */
} CblueRequestClause;

/* the clauses of @text, an array of CblueRequestClause */
GArray *cblue_request_clauses(const gchar *text);

/* Whether the bytes [@start, @end) of a text are in one of its @clauses that asks or is asked
 * about, or the text has no clause that asks. FALSE: the span is only in the background of the clauses
 * that ask ("ลืมกุญแจบ่อยมาก อยากเปลี่ยนเป็นกลอนดิจิตอล ราคาเท่าไหร่" asks for a digital lock,
 * not a locksmith). */
gboolean cblue_request_span_asks(GArray *clauses, gsize start, gsize end);

/* A question of a message that asks several things: the bytes [start, end) of its text, the
 * background told before it included; from ask_start on, its clauses that ask or are asked about */
typedef struct {
	gsize start, end;
	gsize ask_start;
} CblueRequestQuestion;

/* The questions of @text when it asks two things or more ("How much is a 5 kW system? How long
 * does installation take?", "แผงรับประกันกี่ปีคะ ผ่อนได้ไหมคะ", "充电桩多少钱？能分期吗？"): cut at the
 * clauses of cblue_request_clauses(), a question ending at each clause that asks, with the
 * background told before it (a bare request, "ราคาเท่าไหร่", "可以吗", belongs to the question before
 * it); a clause that holds two questions is cut between them, at a joining word or after the word
 * that ends the first, when each part asks ("how much is a 5kw and how long does the install take",
 * "ติดตั้งกี่วันและรับประกันกี่ปี", "充电桩多少钱能分期吗"). Clauses that ask nothing after the last question
 * are left out. Returns an array of CblueRequestQuestion, or NULL when the text asks one thing or
 * none. A text is cut into clauses only when a cheap look at it says it may ask twice: a question
 * mark with more text after it, or two question words (what, how, ไหม, เท่าไหร่, 吗, 多少 …; in English,
 * a question that opens with a verb, "can you …", counts as one); most messages are not. */
GArray *cblue_request_questions(const gchar *text);

/* @text without what the customer says they do not want, when they narrow the message to an
 * alternative ("not solar, just a battery", "I don't need installation, only the panels", "ไม่เอาผ่อน
 * เอาจ่ายสด ลดได้ไหม", "不是太阳能，是充电桩"): each negation (not, no, don't need / want; ไม่เอา, ไม่ต้อง,
 * ไม่ได้, ไม่ใช่; 不要, 不用, 不是, 不需要 …) blanked from its negator to the end of its clause
 * (cblue_request_clauses()) or to where an alternative begins inside it (just, only, but; แค่, แต่;
 * 只, 而是, 不是X是Y), and only when an alternative is said beside it (inside its clause, or opening
 * the clause before or after: just, only; แค่, เอา, อยากได้; 只, 是 …). NULL when nothing is left out,
 * or when what is left asks nothing of its own ("no battery?", "ไม่ต้องติดตั้งเหรอ", "…, how much?"):
 * the negated thing is then what is asked. */
gchar *cblue_request_unnegated(const gchar *text);

G_END_DECLS
