/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-request-private.h"

/* Words that make a sentence a question or a request anywhere in it (lowercase). English
 * ones must stand as words; Thai and Chinese ones are matched as they are written. */
static const gchar *const cblue_request_words_en[] = {
    "what", "what's", "whats", "how", "which", "where", "when", "why", "who", "whether",
    "want", "wants", "need", "needs", "looking for", "looking to", "planning to", "plan to", "thinking of",
    "thinking about", "hoping to", "interested in", "would like", "like to", "wondering",
    "please", "recommend", "quote", "can you", "could you", "do you", "does it", "is it", "is there",
    "are there", "are you", "any chance", "let me know", "tell me", NULL};
/* English words that ask only at the start of a sentence ("can we …", "is the …"), where
 * elsewhere they are statements ("our bill is …") */
static const gchar *const cblue_request_openers_en[] = {"can", "could", "would", "will", "do", "does", "did",
							 "is", "are", "should", "shall", "may", "have", "has",
							 NULL};
static const gchar *const cblue_request_words_th[] = {
    "ไหม", "มั้ย", "มั๊ย", "ไม๊", "หรือเปล่า", "รึเปล่า", "หรือไม่", "เท่าไหร่", "เท่าไร", "อย่างไร", "ยังไง", "อะไร",
    "กี่", "ที่ไหน", "เมื่อไหร่", "ทำไม", "อยาก", "ต้องการ", "สนใจ", "สอบถาม", "รบกวน", "ช่วย", "แนะนำ", "ได้บ้าง",
    "หรือยัง", "ป่าว", NULL};
static const gchar *const cblue_request_words_zh[] = {
    "吗", "嗎", "呢", "多少", "怎么", "怎麼", "怎样", "怎樣", "能不能", "可以", "可不可以", "什么", "什麼", "哪",
    "是否", "有没有", "有沒有", "几", "幾", "如何", "为什么", "為什麼", "想", "需要", "请问", "請問", "请", "請",
    "求", "帮", "幫", "推荐", "推薦", "打算", "计划", "計劃", NULL};

/* Words of a request that point back at the background ("Would panels even work up there?",
 * "how long would it take?"): the request alone does not say what it asks about, and such a
 * message is searched whole. Only background told before the request counts: in "solar rooftop
 * how does it work? …" the pronoun is the request's own subject. */
static const gchar *const cblue_request_anaphora_en[] = {"it", "they", "them", "these", "those", "such",
							  "up there", "over there", "in there", "out there", NULL};
static const gchar *const cblue_request_anaphora_thzh[] = {"ดังกล่าว", "อันนั้น", "พวกนั้น", "ที่ว่า", "它", "这些", "那些",
							    "這些", "上述", "这种", "這種", NULL};

/* whether the word @word (which may hold spaces) is at @p of the lowercase sentence @sentence,
 * not inside a longer word */
static gboolean
cblue_request_word_at(const gchar *sentence, const gchar *p, const gchar *word)
{
	gsize len;

	/* most positions fail at the first byte: not worth a strlen() and a strncmp() */
	if (*p != *word)
		return FALSE;
	len = strlen(word);
	if (strncmp(p, word, len) != 0)
		return FALSE;
	if (p > sentence && g_unichar_isalnum(g_utf8_get_char(g_utf8_prev_char(p))))
		return FALSE;
	return p[len] == '\0' || !g_unichar_isalnum(g_utf8_get_char(p + len));
}

static gboolean
cblue_request_has_word(const gchar *sentence, const gchar *const *words)
{
	for (const gchar *p = sentence; *p != '\0'; p = g_utf8_next_char(p)) {
		for (guint i = 0; words[i] != NULL; i++) {
			if (cblue_request_word_at(sentence, p, words[i]))
				return TRUE;
		}
	}
	return FALSE;
}

static gboolean
cblue_request_has_substring(const gchar *sentence, const gchar *const *words)
{
	for (guint i = 0; words[i] != NULL; i++) {
		if (strstr(sentence, words[i]) != NULL)
			return TRUE;
	}
	return FALSE;
}

/* whether @sentence (lowercase, trimmed) asks something; @question: it ended in "?" */
static gboolean
cblue_request_sentence_asks(const gchar *sentence, gboolean question)
{
	const gchar *p = sentence;

	if (question)
		return TRUE;
	if (cblue_request_has_substring(sentence, cblue_request_words_th) ||
	    cblue_request_has_substring(sentence, cblue_request_words_zh) ||
	    cblue_request_has_word(sentence, cblue_request_words_en))
		return TRUE;
	/* the first word, or the one after an "and" / "so" / "also" / "but" that opens it */
	for (guint skip = 0; skip < 2; skip++) {
		for (guint i = 0; cblue_request_openers_en[i] != NULL; i++) {
			if (cblue_request_word_at(sentence, p, cblue_request_openers_en[i]))
				return TRUE;
		}
		if (!cblue_request_word_at(sentence, p, "and") && !cblue_request_word_at(sentence, p, "so") &&
		    !cblue_request_word_at(sentence, p, "also") && !cblue_request_word_at(sentence, p, "but"))
			break;
		p = strchr(p, ' ');
		if (p == NULL)
			break;
		p++;
	}
	return FALSE;
}

static inline gboolean
cblue_request_is_thai(gunichar ch)
{
	return ch >= 0x0E01 && ch <= 0x0E5B;
}

/* characters that are neither spaces nor punctuation */
static guint
cblue_request_count_chars(const gchar *text)
{
	guint n = 0;
	for (const gchar *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);
		if (!g_unichar_isspace(ch) && !g_unichar_ispunct(ch))
			n++;
	}
	return n;
}

/* whether a sentence of @text ends at @p (which is not the end of the text); *question is
 * set when the mark is a question mark */
static gboolean
cblue_request_is_boundary(const gchar *text, const gchar *p, gboolean *question)
{
	gunichar ch = g_utf8_get_char(p);
	const gchar *next = g_utf8_next_char(p);
	gunichar after = *next != '\0' ? g_utf8_get_char(next) : 0;

	*question = FALSE;
	switch (ch) {
	case '?':
	case 0xFF1F: /* ？ */
		*question = TRUE;
		return TRUE;
	case '!':
	case ';':
	case '\n':
	case 0x3002: /* 。 */
	case 0xFF01: /* ！ */
	case 0xFF1B: /* ； */
		return TRUE;
	case '.':
		/* not in "2.5" or "e.g." */
		return (after == 0 || g_unichar_isspace(after)) && !(p - text >= 2 && p[-2] == '.');
	default:
		return FALSE;
	}
}

/* whether a sentence ends before the text does (most messages are one sentence: they are
 * not read further) */
static gboolean
cblue_request_has_inner_boundary(const gchar *text)
{
	gboolean question;
	for (const gchar *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		if (cblue_request_is_boundary(text, p, &question)) {
			for (const gchar *q = g_utf8_next_char(p); *q != '\0'; q = g_utf8_next_char(q)) {
				gunichar ch = g_utf8_get_char(q);
				if (!g_unichar_isspace(ch) && !g_unichar_ispunct(ch))
					return TRUE;
			}
			return FALSE;
		}
	}
	return FALSE;
}

/* Request words that a negation denies ("不想再多装空调", "ไม่อยากเดินสายไฟใหม่", "we don't want a
 * generator"): blanked out before a clause is looked at by cblue_request_span_asks() */
static const gchar *const cblue_request_negated[] = {
    "don't want", "don’t want", "do not want", "doesn't want", "don't need", "don’t need", "do not need",
    "doesn't need", "no need", "not looking for", "not interested in", "not planning to", "ไม่อยาก", "ไม่ได้อยาก",
    "ไม่ต้องการ", "ไม่สนใจ", "不想", "不需要", "没想", "沒想", "不打算", NULL};

/* whether a clause of @text ends at @p: a sentence does (cblue_request_is_boundary()), and so
 * do , ， 、 : ： and brackets, and a space between Thai letters (Thai separates its clauses
 * with spaces, not commas) */
static gboolean
cblue_request_is_clause_boundary(const gchar *text, const gchar *p, gboolean *question)
{
	gunichar ch;
	const gchar *before, *after;

	if (cblue_request_is_boundary(text, p, question))
		return TRUE;
	ch = g_utf8_get_char(p);
	switch (ch) {
	case ',':
	case ':':
	case '(':
	case ')':
	case 0x3001: /* 、 */
	case 0xFF08: /* （ */
	case 0xFF09: /* ） */
	case 0xFF0C: /* ， */
	case 0xFF1A: /* ： */
		return TRUE;
	case ' ':
		for (before = p; before > text && *before == ' ';)
			before = g_utf8_prev_char(before);
		for (after = p; *after == ' ';)
			after++;
		return before != p && *after != '\0' && cblue_request_is_thai(g_utf8_get_char(before)) &&
		       cblue_request_is_thai(g_utf8_get_char(after));
	default:
		return FALSE;
	}
}

/* What a clause that asks and says nothing else is made of: question particles, polite
 * endings, pro-verbs and verbs without their object, and the price ("ทำด้วยไหม", "รับซ่อมไหม",
 * "ราคาเท่าไหร่", "可以吗", "how much?", "is that something you install?"), pronouns and the
 * verbs of buying back or of asking what to do ("would you buy them off me?", "บริษัทรับซื้อคืนไหม",
 * "ต้องทำยังไงดี", "怎么办"). Such a clause asks about the one before it: "รับทำบัญชีและยื่นภาษีให้บริษัทเล็กๆ ไหมคะ"
 * asks for the accounts. Thai and Chinese ones are removed as they are written (longest first),
 * English ones as words. */
static const gchar *const cblue_request_bare_thzh[] = {
    "หรือเปล่า", "รึเปล่า", "หรือไม่", "เท่าไหร่", "เท่าไร", "ครับผม", "กี่บาท", "หน่อย", "ไหม", "มั้ย", "มั๊ย", "ไม๊",
    "ป่าว", "ครับ", "คับ", "ค่ะ", "คะ", "ค้า", "จ้า", "จ้ะ", "ด้วย", "บ้าง", "ราคา", "ติดตั้ง", "ซ่อม", "ขาย", "ได้", "ทำ", "รับ",
    "ติด", "มี", "นะ", "ให้", "ซื้อคืน", "ซื้อ", "คืน", "บริษัท", "ทางร้าน", "ทำยังไง", "ยังไง", "อย่างไร", "ต้อง", "ดี", "แก้",
    "เอา",
    "可不可以", "能不能", "行不行", "多少钱", "可以", "多少", "价格", "你们", "吗", "嗎", "呢", "啊", "吧", "也", "做", "能",
    "有", "行", "好", "您", "安装", "代办", "装", "修", "卖", "办", "回收", "收", "买", "怎么办", "怎么", "办法", "我", "该",
    NULL};
static const gchar *const cblue_request_bare_en[] = {
    "how", "much", "price", "cost", "can", "could", "do", "does", "you", "u", "guys", "ya", "that", "this", "it",
    "is", "possible", "please", "pls", "right", "ok", "yes", "also", "too", "and", "or", "so", "doable", "install",
    "fix", "repair", "sell", "handle", "offer", "provide", "something", "would", "will", "what", "i", "we", "me", "us",
    "about", "buy", "them", "they", "those", "these", "off", "back", "take", "should", "any", "advice", "tips", NULL};

/* whether the lowercase clause @lower asks nothing of its own (cblue_request_bare_thzh) */
static gboolean
cblue_request_is_bare(const gchar *lower)
{
	g_autofree gchar *rest = g_strdup(lower);
	g_auto(GStrv) words = NULL;

	for (guint i = 0; cblue_request_bare_thzh[i] != NULL; i++) {
		for (gchar *n = strstr(rest, cblue_request_bare_thzh[i]); n != NULL; n = strstr(n, cblue_request_bare_thzh[i]))
			memset(n, ' ', strlen(cblue_request_bare_thzh[i]));
	}
	for (gchar *p = rest; *p != '\0'; p = g_utf8_next_char(p)) {
		if (!g_unichar_isalnum(g_utf8_get_char(p)))
			memset(p, ' ', g_utf8_next_char(p) - p);
	}
	words = g_strsplit(rest, " ", -1);
	for (guint i = 0; words[i] != NULL; i++) {
		if (words[i][0] != '\0' && !g_strv_contains(cblue_request_bare_en, words[i]))
			return FALSE;
	}
	return TRUE;
}

GArray *
cblue_request_clauses(const gchar *text)
{
	GArray *clauses = g_array_new(FALSE, FALSE, sizeof(CblueRequestClause));
	const gchar *clause = text;

	g_return_val_if_fail(text != NULL, clauses);
	for (const gchar *p = text;; p = g_utf8_next_char(p)) {
		gboolean question = FALSE;

		if (*p != '\0' && !cblue_request_is_clause_boundary(text, p, &question))
			continue;
		if (p > clause) {
			g_autofree gchar *lower = g_utf8_strdown(clause, p - clause);
			g_strstrip(lower);
			if (cblue_request_count_chars(lower) > 0) {
				CblueRequestClause c = {clause - text, p - text, FALSE, FALSE};
				for (guint i = 0; cblue_request_negated[i] != NULL; i++) {
					for (gchar *n = strstr(lower, cblue_request_negated[i]); n != NULL;
					     n = strstr(n, cblue_request_negated[i]))
						memset(n, ' ', strlen(cblue_request_negated[i]));
				}
				g_strstrip(lower);
				c.asks = cblue_request_sentence_asks(lower, question);
				/* a bare request asks about the clause before it */
				if (c.asks && clauses->len > 0 && cblue_request_is_bare(lower))
					g_array_index(clauses, CblueRequestClause, clauses->len - 1).asked = TRUE;
				g_array_append_val(clauses, c);
			}
		}
		if (*p == '\0')
			break;
		clause = g_utf8_next_char(p);
	}
	return clauses;
}

gboolean
cblue_request_span_asks(GArray *clauses, gsize start, gsize end)
{
	gboolean some_clause_asks = FALSE;

	for (guint i = 0; i < clauses->len; i++) {
		const CblueRequestClause *c = &g_array_index(clauses, CblueRequestClause, i);
		/* the clause holds the span (or part of it) and asks, or a bare request asks about it */
		if ((c->asks || c->asked) && c->start < end && c->end > start)
			return TRUE;
		some_clause_asks |= c->asks;
	}
	return !some_clause_asks;
}

gchar *
cblue_request_part(const gchar *text, guint *context_chars, guint *request_chars)
{
	g_autoptr(GString) request = g_string_new(NULL);
	guint n_sentences = 0, n_requests = 0, context = 0, asked = 0;
	const gchar *start = text;

	if (context_chars != NULL)
		*context_chars = 0;
	if (request_chars != NULL)
		*request_chars = 0;
	g_return_val_if_fail(text != NULL, NULL);
	if (!cblue_request_has_inner_boundary(text))
		return NULL;
	for (const gchar *p = text;; p = g_utf8_next_char(p)) {
		gboolean question = FALSE;
		g_autofree gchar *sentence = NULL;
		g_autofree gchar *lower = NULL;

		if (*p != '\0' && !cblue_request_is_boundary(text, p, &question))
			continue;
		sentence = g_strstrip(g_strndup(start, p - start));
		if (*sentence != '\0' && cblue_request_count_chars(sentence) > 0) {
			n_sentences++;
			lower = g_utf8_strdown(sentence, -1);
			if (cblue_request_sentence_asks(lower, question)) {
				/* a pronoun points back only at background told before it */
				if (context > 0 && (cblue_request_has_word(lower, cblue_request_anaphora_en) ||
						    cblue_request_has_substring(lower, cblue_request_anaphora_thzh)))
					return NULL;
				n_requests++;
				if (request->len > 0)
					g_string_append_c(request, ' ');
				g_string_append(request, sentence);
				asked += cblue_request_count_chars(sentence);
			} else {
				context += cblue_request_count_chars(sentence);
			}
		}
		if (*p == '\0')
			break;
		start = g_utf8_next_char(p);
	}
	if (n_sentences < 2 || n_requests == 0 || n_requests == n_sentences)
		return NULL;
	if (context_chars != NULL)
		*context_chars = context;
	if (request_chars != NULL)
		*request_chars = asked;
	return g_string_free(g_steal_pointer(&request), FALSE);
}

/* whether a clause of @text may end before the text does: a byte that can begin a clause
 * boundary (cblue_request_is_clause_boundary()) with a letter or digit after it, looked at only
 * at the ASCII marks and spaces and the lead bytes of 、。 (0xE3) and of ，？！；：（） (0xEF) */
static gboolean
cblue_request_may_have_clauses(const gchar *text)
{
	for (const gchar *p = text; *p != '\0'; p++) {
		guchar byte = (guchar)*p;
		gboolean question;

		if (byte < 0x80 ? strchr("?!;,.:()\n ", byte) == NULL : byte != 0xE3 && byte != 0xEF)
			continue;
		if (!cblue_request_is_clause_boundary(text, p, &question))
			continue;
		for (const gchar *q = g_utf8_next_char(p); *q != '\0'; q = g_utf8_next_char(q)) {
			if (g_unichar_isalnum(g_utf8_get_char(q)))
				return TRUE;
		}
		return FALSE;
	}
	return FALSE;
}

/* Question words, as written, that most Thai and Chinese questions hold; and the English ones
 * that begin a question (as words, in any case) */
static const gchar *const cblue_request_question_words_thzh[] = {
    "ไหม", "มั้ย", "มั๊ย", "ไม๊", "เปล่า", "หรือไม่", "เท่าไหร่", "เท่าไร", "ยังไง", "อย่างไร", "กี่", "อะไร", "ที่ไหน",
    "吗", "嗎", "呢", "多少", "几", "幾", "什么", "什麼", "怎么", "怎麼", "哪", "能不能", "可不可以", "是否",
    "有没有", "有沒有", NULL};
static const gchar *const cblue_request_question_words_en[] = {"what", "how", "which", "where", "when", "why",
								"who", NULL};

/* whether the byte @p of @text may end a clause: an ASCII mark, the lead byte of 、。 (0xE3) or of
 * ，？！；：（） (0xEF), or a space after a Thai letter (U+0E00..U+0E7F: 0xE0 0xB8/0xB9 and a byte) */
static inline gboolean
cblue_request_may_be_boundary(const gchar *text, const gchar *p)
{
	switch ((guchar)*p) {
	case ' ':
		return p - text >= 3 && (guchar)p[-3] == 0xE0 && ((guchar)p[-2] == 0xB8 || (guchar)p[-2] == 0xB9);
	case '?':
	case '!':
	case ';':
	case ',':
	case '.':
	case ':':
	case '(':
	case ')':
	case '\n':
	case 0xE3:
	case 0xEF:
		return TRUE;
	default:
		return FALSE;
	}
}

/* whether @p starts an English question word (cblue_request_question_words_en) */
static gboolean
cblue_request_question_word_at(const gchar *text, const gchar *p)
{
	if ((p > text && g_ascii_isalnum(p[-1])) || (g_ascii_tolower(*p) != 'w' && g_ascii_tolower(*p) != 'h'))
		return FALSE;
	for (guint i = 0; cblue_request_question_words_en[i] != NULL; i++) {
		gsize len = strlen(cblue_request_question_words_en[i]);
		if (g_ascii_strncasecmp(p, cblue_request_question_words_en[i], len) == 0 && !g_ascii_isalnum(p[len]))
			return TRUE;
	}
	return FALSE;
}

/* The cheap signal of a message that may ask two things, before its clauses are looked at
 * (cblue_request_clauses() costs several thousand instructions a clause): a question mark with
 * more text after it, or a clause boundary before the end and two question words
 * (cblue_request_question_words_thzh, _en). One look at the bytes; the question words are
 * looked for only in a text that may have clauses, which most messages do not. */
static gboolean
cblue_request_may_ask_twice(const gchar *text)
{
	gboolean candidate = FALSE, ascii = TRUE;
	guint n_words = 0;

	for (const gchar *p = text; *p != '\0'; p++) {
		gboolean question;
		ascii = ascii && (guchar)*p < 0x80;
		if (!cblue_request_may_be_boundary(text, p))
			continue;
		candidate = TRUE;
		if ((*p != '?' && (guchar)*p != 0xEF) || !cblue_request_is_boundary(text, p, &question) || !question)
			continue;
		for (const gchar *q = g_utf8_next_char(p); *q != '\0'; q = g_utf8_next_char(q)) {
			if (g_unichar_isalnum(g_utf8_get_char(q)))
				return TRUE;
		}
	}
	if (!candidate)
		return FALSE;
	for (guint i = 0; !ascii && cblue_request_question_words_thzh[i] != NULL && n_words < 2; i++) {
		for (const gchar *at = strstr(text, cblue_request_question_words_thzh[i]); at != NULL && n_words < 2;
		     at = strstr(at + 1, cblue_request_question_words_thzh[i]))
			n_words++;
	}
	for (const gchar *p = text; *p != '\0' && n_words < 2; p++)
		n_words += cblue_request_question_word_at(text, p);
	return n_words >= 2 && cblue_request_may_have_clauses(text);
}

GArray *
cblue_request_questions(const gchar *text)
{
	g_autoptr(GArray) clauses = NULL;
	g_autoptr(GArray) questions = NULL;
	gsize start = 0, ask_start = G_MAXSIZE;

	g_return_val_if_fail(text != NULL, NULL);
	if (!cblue_request_may_ask_twice(text))
		return NULL;
	clauses = cblue_request_clauses(text);
	questions = g_array_new(FALSE, FALSE, sizeof(CblueRequestQuestion));
	for (guint i = 0; i < clauses->len; i++) {
		const CblueRequestClause *c = &g_array_index(clauses, CblueRequestClause, i);
		CblueRequestQuestion q = {start, c->end, ask_start};
		if ((c->asks || c->asked) && ask_start == G_MAXSIZE)
			q.ask_start = ask_start = c->start;
		/* a question ends at a clause that asks, unless a bare request after it asks about it
		 * ("รับซ่อมหลังคาไหม ราคาเท่าไหร่" is one question) */
		if (!c->asks || c->asked)
			continue;
		g_array_append_val(questions, q);
		/* the next question begins after the mark that ends this one */
		start = text[c->end] != '\0' ? (gsize)(g_utf8_next_char(text + c->end) - text) : c->end;
		ask_start = G_MAXSIZE;
	}
	if (questions->len < 2)
		return NULL;
	return g_steal_pointer(&questions);
}
