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
} CblueRequestClause;

/* the clauses of @text, an array of CblueRequestClause */
GArray *cblue_request_clauses(const gchar *text);

/* Whether the bytes [@start, @end) of a text are in one of its @clauses that asks or is asked
 * about, or the text has no clause that asks. FALSE: the span is only in the background of the clauses
 * that ask ("ลืมกุญแจบ่อยมาก อยากเปลี่ยนเป็นกลอนดิจิตอล ราคาเท่าไหร่" asks for a digital lock,
 * not a locksmith). */
gboolean cblue_request_span_asks(GArray *clauses, gsize start, gsize end);

G_END_DECLS
