/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-request-private.h"

/* Words that make a sentence a question or a request anywhere in it (lowercase). English
 * ones must stand as words; Thai and Chinese ones are matched as they are written. Thai ไหน
 * ("which": อันไหน, แบบไหน, ยี่ห้อไหน) asks as "which" does: in "จ้างแอดมินเพิ่มกับทำแชทบอท
 * อันไหนคุ้มกว่า" the choice is what is asked, and the options before it are not requested. */
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
    "หรือยัง", "ป่าว", "ไหน", NULL};
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
 * "ต้องทำยังไงดี", "怎么办"), a technician sent or a cleaning without its object ("ส่งคนมาล้างได้มั้ย",
 * "派人来清洗吗"), and the request for a recommendation among what the clause before
 * names ("โปรแกรมเงินเดือนสำหรับโรงงาน แนะนำตัวไหนดีคะ", "推荐哪个", "which one do you recommend?").
 * Such a clause asks about the one before it: "รับทำบัญชีและยื่นภาษีให้บริษัทเล็กๆ ไหมคะ" asks for the
 * accounts. Thai and Chinese ones are removed as they are written (longest first),
 * English ones as words. */
static const gchar *const cblue_request_bare_thzh[] = {
    "แนะนำ", "ยี่ห้อไหน", "เจ้าไหน", "ตัวไหน", "อันไหน", "แบบไหน", "หรือเปล่า", "รึเปล่า", "หรือไม่", "เท่าไหร่", "เท่าไร", "ครับผม", "กี่บาท", "หน่อย", "ไหม", "มั้ย", "มั๊ย", "ไม๊",
    "ป่าว", "ครับ", "คับ", "ค่ะ", "คะ", "ค้า", "จ้า", "จ้ะ", "ด้วย", "บ้าง", "ราคา", "ติดตั้ง", "ซ่อม", "ขาย", "ได้", "ทำ", "รับ",
    "ติด", "มี", "นะ", "ให้", "ซื้อคืน", "ซื้อ", "คืน", "บริษัท", "ทางร้าน", "ทำยังไง", "ยังไง", "อย่างไร", "ต้อง", "ดี", "แก้",
    "เอา", "ส่งช่างมา", "ส่งคนมา", "ล้าง", "วันนี้", "พรุ่งนี้",
    "可不可以", "能不能", "行不行", "多少钱", "可以", "多少", "价格", "你们", "吗", "嗎", "呢", "啊", "吧", "也", "做", "能",
    "有", "行", "好", "您", "安装", "代办", "装", "修", "卖", "办", "回收", "收", "买", "怎么办", "怎么", "办法", "我", "该",
    "推荐", "哪个", "哪家", "哪款", "派人来", "清洗", "今天", "明天", "一下", "麻烦", NULL};
static const gchar *const cblue_request_bare_en[] = {
    "how", "much", "price", "cost", "can", "could", "do", "does", "you", "u", "guys", "ya", "that", "this", "it",
    "is", "possible", "please", "pls", "right", "ok", "yes", "also", "too", "and", "or", "so", "doable", "install",
    "fix", "repair", "sell", "handle", "offer", "provide", "something", "would", "will", "what", "i", "we", "me", "us",
    "about", "buy", "them", "they", "those", "these", "off", "back", "take", "should", "any", "advice", "tips", "which", "one", "recommend",
    "send", "someone", "somebody", "a", "technician", "to", "come", "over", "and", "check", "look", "at", "clean",
    "today", "tomorrow", NULL};

/* The verbs of a bare request for a repair or a technician's visit: what it points back at is
 * the thing the message tells of, however many clauses before ("The water heater … since
 * yesterday, and its light is off. Could you send someone to repair it today?"). Not a
 * cleaning: "we live by a road construction site and the panels are dusty. Do you clean them?"
 * asks about the panels only. */
static const gchar *const cblue_request_service_thzh[] = {"ซ่อม", "ส่งช่างมา", "ส่งคนมา", "修", "派人来", NULL};
static const gchar *const cblue_request_service_en[] = {"repair", "fix", "send", "technician", NULL};

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
				CblueRequestClause c = {clause - text, p - text, FALSE, FALSE, FALSE};
				for (guint i = 0; cblue_request_negated[i] != NULL; i++) {
					for (gchar *n = strstr(lower, cblue_request_negated[i]); n != NULL;
					     n = strstr(n, cblue_request_negated[i]))
						memset(n, ' ', strlen(cblue_request_negated[i]));
				}
				g_strstrip(lower);
				c.asks = cblue_request_sentence_asks(lower, question);
				/* a bare request asks about the clause before it; one for a repair or a
				 * visit about every clause back to the last that asks */
				if (c.asks && clauses->len > 0 && cblue_request_is_bare(lower)) {
					gboolean service = cblue_request_has_word(lower, cblue_request_service_en) ||
							   cblue_request_has_substring(lower, cblue_request_service_thzh);
					for (guint k = clauses->len; k > 0; k--) {
						CblueRequestClause *before = &g_array_index(clauses, CblueRequestClause, k - 1);
						if (k < clauses->len && (before->asks || !service))
							break;
						before->asked = TRUE;
					}
				}
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

/* Question words, as written, that most Thai and Chinese questions hold; and the English ones
 * that begin a question (as words, in any case) */
static const gchar *const cblue_request_question_words_thzh[] = {
    "ไหม", "มั้ย", "มั๊ย", "ไม๊", "เปล่า", "หรือไม่", "เท่าไหร่", "เท่าไร", "ยังไง", "อย่างไร", "กี่", "อะไร", "ที่ไหน",
    "แค่ไหน", "เมื่อไหร่", "吗", "嗎", "呢", "多少", "几", "幾", "什么", "什麼", "怎么", "怎麼", "哪", "能不能",
    "可不可以", "是否", "有没有", "有沒有", "多久", "多长", "多長", NULL};
static const gchar *const cblue_request_question_words_en[] = {"what", "how", "which", "where", "when", "why",
								"who", NULL};

/* whether the English word @word (lowercase) is at @p, the start of a word, in any case */
static inline gboolean
cblue_request_word_ci(const gchar *p, const gchar *word)
{
	gsize len = strlen(word);
	return g_ascii_strncasecmp(p, word, len) == 0 && !g_ascii_isalnum(p[len]);
}

/* whether @p starts an English question word (cblue_request_question_words_en) */
static gboolean
cblue_request_question_word_at(const gchar *text, const gchar *p)
{
	/* most bytes fail here: every question word begins with w or h (| 0x20: in either case) */
	guchar first = (guchar)*p | 0x20;

	if ((first != 'w' && first != 'h') || (p > text && g_ascii_isalnum(p[-1])))
		return FALSE;
	for (guint i = 0; cblue_request_question_words_en[i] != NULL; i++) {
		if (cblue_request_word_ci(p, cblue_request_question_words_en[i]))
			return TRUE;
	}
	return FALSE;
}

/* cblue_request_question_words_thzh by their first character, through the last 12 bits of its
 * UTF-8 bytes (every one is of three): the first word (its index + 1, 0 for none) with those
 * bits, and the next word with the same bits. A look at a character that begins none of them
 * costs a table look, not a comparison with each word. */
static guint8 cblue_request_thzh_first[4096];
static guint8 cblue_request_thzh_next[G_N_ELEMENTS(cblue_request_question_words_thzh)];

static inline guint
cblue_request_thzh_key(const guchar *u)
{
	return (u[1] & 0x3F) << 6 | (u[2] & 0x3F);
}

static void
cblue_request_init_thzh_words(void)
{
	static gsize done = 0;

	if (!g_once_init_enter(&done))
		return;
	/* last to first, so that each chain keeps the words' order */
	for (guint i = G_N_ELEMENTS(cblue_request_question_words_thzh) - 1; i-- > 0;) {
		guint key = cblue_request_thzh_key((const guchar *)cblue_request_question_words_thzh[i]);
		cblue_request_thzh_next[i] = cblue_request_thzh_first[key];
		cblue_request_thzh_first[key] = i + 1;
	}
	g_once_init_leave(&done, 1);
}

/* the length of the Thai or Chinese question word (cblue_request_question_words_thzh) at the
 * character @p, or 0 */
static gsize
cblue_request_thzh_question_word_at(const gchar *p)
{
	const guchar *u = (const guchar *)p;

	if (u[0] < 0xE0 || u[0] >= 0xF0 || u[1] == '\0' || u[2] == '\0')
		return 0;
	for (guint i = cblue_request_thzh_first[cblue_request_thzh_key(u)]; i != 0;
	     i = cblue_request_thzh_next[i - 1]) {
		const gchar *word = cblue_request_question_words_thzh[i - 1];
		if (word[0] == p[0] && g_str_has_prefix(p, word))
			return strlen(word);
	}
	return 0;
}

/* How many question words the bytes [@p, @end) of @text hold, counting up to @max: Thai and
 * Chinese ones (cblue_request_question_words_thzh) and English ones as words
 * (cblue_request_question_word_at()). One pass, a character at a time. */
static guint
cblue_request_count_question_words(const gchar *text, const gchar *p, const gchar *end, guint max)
{
	guint n = 0;

	cblue_request_init_thzh_words();
	while (p < end && *p != '\0' && n < max) {
		gsize len;

		if ((guchar)*p < 0x80) {
			n += cblue_request_question_word_at(text, p);
			p++;
			continue;
		}
		len = cblue_request_thzh_question_word_at(p);
		n += len > 0;
		p = len > 0 ? p + len : g_utf8_next_char(p);
	}
	return n;
}

/* whether the English words from @p on begin a question: a question word, or a verb that opens
 * one ("do you", "are you", "can you"; cblue_request_openers_en), an "also" or "so" skipped */
static gboolean
cblue_request_opens_question_en(const gchar *p)
{
	while (*p == ' ')
		p++;
	if (!g_ascii_isalpha(*p))
		return FALSE;
	if ((cblue_request_word_ci(p, "also") || cblue_request_word_ci(p, "so")) && strchr(p, ' ') != NULL)
		p = strchr(p, ' ') + 1;
	if (cblue_request_question_word_at(p, p))
		return TRUE;
	for (guint i = 0; cblue_request_openers_en[i] != NULL; i++) {
		if (cblue_request_word_ci(p, cblue_request_openers_en[i]))
			return TRUE;
	}
	return FALSE;
}

/* The cheap signal of a message that may ask two things, before its clauses are looked at
 * (cblue_request_clauses() costs several thousand instructions a clause): a question mark with
 * more text after it, or two question words (cblue_request_count_question_words()), in two
 * clauses or in one ("how much is a 5kw and how long does the install take"); in a text of no
 * Thai or Chinese, a question that opens with a verb counts as one too ("Can you install a smart
 * lock and how much is mesh Wi-Fi?", "Where is your office and are you hiring?"). One look at
 * the bytes. */
static gboolean
cblue_request_may_ask_twice(const gchar *text)
{
	gboolean thzh = FALSE;
	guint n_words;
	gsize len = 0;

	for (const gchar *p = text; *p != '\0'; p++, len++) {
		guchar byte = (guchar)*p;
		gboolean question;
		/* the lead bytes of Thai (U+0E00..) and of CJK (U+3000..U+9FFF) */
		thzh = thzh || byte == 0xE0 || (byte >= 0xE3 && byte <= 0xE9);
		/* ? and the lead byte of ？ */
		if ((byte != '?' && byte != 0xEF) || !cblue_request_is_boundary(text, p, &question) || !question)
			continue;
		for (const gchar *q = g_utf8_next_char(p); *q != '\0'; q = g_utf8_next_char(q)) {
			if (g_unichar_isalnum(g_utf8_get_char(q)))
				return TRUE;
		}
	}
	n_words = cblue_request_count_question_words(text, text, text + len, 2);
	if (n_words >= 2 || thzh)
		return n_words >= 2;
	if (cblue_request_opens_question_en(text) && !cblue_request_question_word_at(text, text))
		n_words++;
	for (const gchar *p = text; *p != '\0' && n_words < 2; p++) {
		if (*p == 'a' && cblue_request_word_at(text, p, "and")) {
			const gchar *next = p + strlen("and");
			while (*next == ' ')
				next++;
			/* a question word after it is counted on its own */
			n_words +=
			    !cblue_request_question_word_at(next, next) && cblue_request_opens_question_en(next);
		}
	}
	return n_words >= 2;
}

/* The words that join two questions in one clause ("ติดตั้งกี่วันและรับประกันกี่ปี",
 * "面板质保多久还有多久清洗一次"; in English, "and"), as written */
static const gchar *const cblue_request_joins_thzh[] = {"แล้วก็", "และ", "กับ", "还有", "還有", "并且", "並且", "和", NULL};
/* The words that end a Thai or Chinese question, where a second one may follow with nothing
 * between ("工厂能装监控吗录像能保存几天", "บริษัทอยู่ที่ไหนรับสมัครฝึกงานไหม"), and the polite endings
 * and particles that stay with the question they end */
static const gchar *const cblue_request_enders_thzh[] = {
    "หรือเปล่า", "รึเปล่า", "หรือไม่", "หรือยัง", "เท่าไหร่", "เท่าไร", "ที่ไหน", "ยังไง", "อย่างไร", "บ้าง", "ไหม",
    "มั้ย", "มั๊ย", "ไม๊", "多少钱", "多少錢", "哪里", "哪裡", "哪儿", "吗", "嗎", NULL};
static const gchar *const cblue_request_endings_thzh[] = {"ครับผม", "ครับ", "คับ", "ค่ะ", "คะ", "ค้า", "จ้า", "นะ",
							   "呢", "啊", "呀", "吧", NULL};

/* whether the bytes [@start, @end) of @text hold a question word of
 * cblue_request_question_words_thzh, or an English one as a word */
static gboolean
cblue_request_span_has_question_word(const gchar *text, gsize start, gsize end)
{
	return cblue_request_count_question_words(text, text + start, text + end, 1) > 0;
}

/* whether the English bytes [@start, @end) of @text ask (cblue_request_sentence_asks()) */
static gboolean
cblue_request_span_asks_en(const gchar *text, gsize start, gsize end)
{
	g_autofree gchar *lower = g_ascii_strdown(text + start, end - start);
	return cblue_request_sentence_asks(g_strstrip(lower), FALSE);
}

/* The words after an English question word that make it ask directly ("how much will it save",
 * "what is the price"), where other words make it a clause of the question before it ("… cost
 * when installed", "… which we bought last year") */
static const gchar *const cblue_request_direct_en[] = {
    "is", "are", "was", "do", "does", "did", "can", "could", "will", "would", "should", "much", "many", "long",
    "often", "far", "big", "soon", "kind", "type", "size", "time", "about", "'s", "’s", NULL};

/* whether a question word that asks directly (cblue_request_direct_en) is at @p of @text */
static gboolean
cblue_request_direct_question_en(const gchar *text, const gchar *p)
{
	const gchar *next;

	if (!cblue_request_question_word_at(text, p))
		return FALSE;
	for (next = p; g_ascii_isalpha(*next); next++)
		;
	if (*next == ' ')
		next++;
	for (guint i = 0; cblue_request_direct_en[i] != NULL; i++) {
		if (cblue_request_word_ci(next, cblue_request_direct_en[i]))
			return TRUE;
	}
	return FALSE;
}

/* Where an English clause may hold a second question at @p: an "and" between words with a
 * question after it ("and how long …", "and do you …"; not "panels and inverters"), or a
 * question word that asks directly (cblue_request_direct_question_en()) after a first question
 * that asked with a question word from the start of the clause ("how much is a 10 kWh battery
 * how much will it save"; not "can you tell me how much it is", "how much is it when installed").
 * Sets the end of the first part in
 * @left_end and the start of the second in @right_start. */
static gboolean
cblue_request_may_cut_en(const gchar *text, gsize start, const gchar *p, gsize *left_end, gsize *right_start)
{
	if (p == text + start || p[-1] != ' ')
		return FALSE;
	*left_end = p - text;
	if (cblue_request_word_at(text, p, "and")) {
		*right_start = *left_end + strlen("and");
		return cblue_request_opens_question_en(text + *right_start);
	}
	*right_start = *left_end;
	return cblue_request_direct_question_en(text, p) && cblue_request_opens_question_en(text + start) &&
	       cblue_request_span_has_question_word(text, start, *left_end);
}

/* the end of the polite endings and particles (cblue_request_endings_thzh) from @p on */
static const gchar *
cblue_request_skip_endings(const gchar *p)
{
	gboolean more = TRUE;

	while (more) {
		more = FALSE;
		for (guint i = 0; cblue_request_endings_thzh[i] != NULL && !more; i++) {
			if (g_str_has_prefix(p, cblue_request_endings_thzh[i])) {
				p += strlen(cblue_request_endings_thzh[i]);
				more = TRUE;
			}
		}
	}
	return p;
}

/* Where a Thai or Chinese clause may hold a second question at @p: at a joining word
 * (cblue_request_joins_thzh), or after a word that ends a question (cblue_request_enders_thzh)
 * and its polite endings */
static gboolean
cblue_request_may_cut_thzh(const gchar *text, const gchar *p, gsize *left_end, gsize *right_start)
{
	for (guint i = 0; cblue_request_joins_thzh[i] != NULL; i++) {
		if (g_str_has_prefix(p, cblue_request_joins_thzh[i])) {
			*left_end = p - text;
			*right_start = *left_end + strlen(cblue_request_joins_thzh[i]);
			return TRUE;
		}
	}
	for (guint i = 0; cblue_request_enders_thzh[i] != NULL; i++) {
		if (g_str_has_prefix(p, cblue_request_enders_thzh[i])) {
			const gchar *after = cblue_request_skip_endings(p + strlen(cblue_request_enders_thzh[i]));
			*left_end = *right_start = after - text;
			/* "能装指纹锁吗还有全屋WiFi多少钱": the joining word goes with neither question */
			for (guint j = 0; cblue_request_joins_thzh[j] != NULL; j++) {
				if (g_str_has_prefix(after, cblue_request_joins_thzh[j]))
					*right_start += strlen(cblue_request_joins_thzh[j]);
			}
			return TRUE;
		}
	}
	return FALSE;
}

/* Where the clause [@start, @end) of @text holds a second question of its own, in one clause
 * ("how much is a 5kw and how long does the install take", "ติดตั้งกี่วันและรับประกันกี่ปี",
 * "充电桩多少钱能分期吗"): at a place of cblue_request_may_cut_en() or _thzh() where the part
 * before asks (a question word; in English, a request of cblue_request_sentence_asks()) and so
 * does the part after. "How much is a 5 kW system and what does the price include?" is cut
 * too: whether its second part asks of a topic of its own is the bot's to say. Sets the end of
 * the first part in @left_end and the start of the second in @right_start; FALSE when the
 * clause asks one thing. */
static gboolean
cblue_request_clause_cut(const gchar *text, gsize start, gsize end, gsize *left_end, gsize *right_start)
{
	for (const gchar *p = text + start; p < text + end; p = g_utf8_next_char(p)) {
		gboolean english = (guchar)*p < 0x80;

		if (english ? !cblue_request_may_cut_en(text, start, p, left_end, right_start)
			    : !cblue_request_may_cut_thzh(text, p, left_end, right_start))
			continue;
		if (*right_start >= end || *left_end <= start)
			continue;
		/* an English second part opens a question (cblue_request_may_cut_en()) */
		if (english ? cblue_request_span_asks_en(text, start, *left_end)
			    : cblue_request_span_has_question_word(text, start, *left_end) &&
				  cblue_request_span_has_question_word(text, *right_start, end))
			return TRUE;
	}
	return FALSE;
}

/* Up to this many parts are cut from one clause that asks */
#define CBLUE_REQUEST_MAX_CUTS 3

/* @clauses with each clause cut where it holds a second question of its own
 * (cblue_request_clause_cut(); "面板质保多久还有多久清洗一次" asks with no request word): the parts
 * ask, and the last keeps whether a bare request after it asks about it */
static GArray *
cblue_request_cut_clauses(const gchar *text, GArray *clauses)
{
	GArray *parts = g_array_sized_new(FALSE, FALSE, sizeof(CblueRequestClause), clauses->len + 1);

	for (guint i = 0; i < clauses->len; i++) {
		CblueRequestClause c = g_array_index(clauses, CblueRequestClause, i);
		gsize left_end, right_start;

		for (guint n = 0; n < CBLUE_REQUEST_MAX_CUTS &&
				  cblue_request_clause_cut(text, c.start, c.end, &left_end, &right_start);
		     n++) {
			CblueRequestClause left = {c.start, left_end, TRUE, FALSE, TRUE};
			g_array_append_val(parts, left);
			c.start = right_start;
			c.asks = TRUE;
		}
		g_array_append_val(parts, c);
	}
	return parts;
}

/* What a customer says they do not want, when they narrow a message to an alternative ("not solar,
 * just a battery", "ไม่เอาผ่อน เอาจ่ายสด", "不是太阳能，是充电桩"): the negated words still name their
 * own topic, and the alternative is what is asked. A negation is left out only when an alternative
 * is said beside it (cblue_request_alternatives_*): without one the negated thing is often what
 * is asked ("ไม่อยากควักเงินเอง", "不用钥匙就能开的门"). English negations count near the start of a
 * clause (at most CBLUE_REQUEST_NEGATION_MAX_LEAD words before them: "I don't need", "we're not
 * after"), so that "the app shows the battery is not charging" is not one. Thai and Chinese ones
 * anywhere. "without" and "instead of" are not read: their object is as often what is asked ("a
 * way to get panels without paying upfront", "pay monthly instead of all at once"). */
#define CBLUE_REQUEST_NEGATION_MAX_LEAD 3
static const gchar *const cblue_request_negators_en[] = {
    "don't need", "don’t need", "do not need", "don't want", "don’t want", "do not want", "no need for",
    "no need", "not", "no", NULL};
/* English phrases of "no" and "not" that negate nothing the customer could want instead; "no"
 * before a pronoun answers or corrects ("no I mean the charger's installation", "no thanks") */
static const gchar *const cblue_request_not_negations_en[] = {
    "not sure", "no idea", "not working", "not work", "no longer", "not only", "no problem", "no matter",
    "not too", "not enough", "no i", "no we", "no it", "no that", "no this", "no my", "no our", "no you",
    "no sorry", "no thanks", "no thank", NULL};
/* Thai and Chinese ones; a Chinese one not when its verb is asked whether or not ("要不要", "是不是":
 * the characters before 不 are the ones after it) */
static const gchar *const cblue_request_negators_th[] = {"ไม่ต้องการ", "ไม่เอา", "ไม่ต้อง", "ไม่ได้", "ไม่ใช่",
							  "ไม่อยาก", "ไม่สนใจ", NULL};
static const gchar *const cblue_request_negators_zh[] = {"不需要", "不要", "不用", "不是", "不想", "不装", "不裝",
							  "不买", "不買", NULL};
/* Where the alternative begins inside the negated clause ("no installation just the panels",
 * "ไม่เอาแผงแต่เอาแบต", "不要安装只买设备"): the negation ends there */
static const gchar *const cblue_request_alternatives_inside[] = {" just ", " only ", " but ", " - ", " – ",
								  " — ", "แค่", "แต่", "只", "而是", "但", NULL};
/* What opens a clause beside the negated one that says the alternative ("…, just a battery",
 * "I only need the panels", "แค่แบต", "เอาแบบจ่ายสด", "อยากได้แบต", "只要设备", "是充电桩"), a pronoun
 * before it skipped; English ones in its first words */
static const gchar *const cblue_request_alternatives_en[] = {"just", "only", "instead", NULL};
static const gchar *const cblue_request_alternatives_thzh[] = {"แค่", "เอา", "เป็น", "อยากได้", "只", "就", "而是",
								"是", "要", "想要", NULL};
/* … but not these, which ask: 是否, 是不是, 要不要 */
static const gchar *const cblue_request_not_alternatives[] = {"是否", "是不是", "要不要", NULL};
static const gchar *const cblue_request_pronouns_thzh[] = {"ผม", "ฉัน", "ดิฉัน", "เรา", "หนู", "พี่", "我们", "我們",
							    "我", NULL};

/* the end (in @lower) of the negation at @n (@len bytes) of the clause that ends at @end: where an
 * alternative begins after it (*inside is then set), or the clause's end */
static gsize
cblue_request_negation_end(const gchar *lower, gsize n, gsize len, gsize end, gboolean *inside)
{
	gsize stop = end;
	/* a Chinese negator's own verb begins the alternative too: 不是X是Y, 不要X要Y */
	const gchar *verb = g_str_has_prefix(lower + n, "不") ? lower + n + strlen("不") : NULL;
	gsize from = n + len;

	if (from < end)
		from = g_utf8_next_char(lower + from) - lower;
	for (guint i = 0; cblue_request_alternatives_inside[i] != NULL && from < end; i++) {
		const gchar *a = g_strstr_len(lower + from, end - from, cblue_request_alternatives_inside[i]);
		if (a != NULL && (gsize)(a - lower) < stop)
			stop = a - lower;
	}
	if (verb != NULL && from < end) {
		g_autofree gchar *v = g_strndup(verb, lower + n + len - verb);
		const gchar *a = g_strstr_len(lower + from, end - from, v);
		if (a != NULL && (gsize)(a - lower) < stop)
			stop = a - lower;
	}
	*inside = stop < end;
	return stop;
}

/* how many words of @lower are in [@start, @p) */
static guint
cblue_request_words_before(const gchar *lower, gsize start, gsize p)
{
	guint n = 0;
	gboolean in_word = FALSE;

	for (gsize i = start; i < p; i++) {
		gboolean letter = g_ascii_isalnum(lower[i]) || lower[i] == '\'' || (guchar)lower[i] >= 0x80;
		n += letter && !in_word;
		in_word = letter;
	}
	return n;
}

/* the length of the word of @words that begins at @p, or 0 */
static gsize
cblue_request_prefix_of(const gchar *p, const gchar *const *words)
{
	for (guint i = 0; words[i] != NULL; i++) {
		if (g_str_has_prefix(p, words[i]))
			return strlen(words[i]);
	}
	return 0;
}

/* The start of the first negation in the clause [@start, @end) of @lower, or G_MAXSIZE; its
 * negator's length in @len */
static gsize
cblue_request_find_negation(const gchar *lower, gsize start, gsize end, gsize *len)
{
	for (gsize i = start; i < end; i = g_utf8_next_char(lower + i) - lower) {
		const gchar *p = lower + i;

		if ((*len = cblue_request_prefix_of(p, cblue_request_negators_th)) > 0)
			return i;
		if ((*len = cblue_request_prefix_of(p, cblue_request_negators_zh)) > 0) {
			gsize verb = *len - strlen("不");
			/* 要不要, 是不是: asks whether */
			if (i >= start + verb && strncmp(p - verb, p + strlen("不"), verb) == 0)
				continue;
			return i;
		}
		if (cblue_request_words_before(lower, start, i) > CBLUE_REQUEST_NEGATION_MAX_LEAD)
			continue;
		for (guint k = 0; cblue_request_negators_en[k] != NULL; k++) {
			if (!cblue_request_word_at(lower, p, cblue_request_negators_en[k]))
				continue;
			for (guint x = 0; cblue_request_not_negations_en[x] != NULL; x++) {
				if (cblue_request_word_at(lower, p, cblue_request_not_negations_en[x]))
					return G_MAXSIZE;
			}
			return *len = strlen(cblue_request_negators_en[k]), i;
		}
	}
	return G_MAXSIZE;
}

/* whether the English words at @p, after "just", say when ("just moved in", "just bought a
 * house"): a verb in the past, not an alternative */
static gboolean
cblue_request_just_happened(const gchar *p)
{
	const gchar *word = p;
	const gchar *end;

	while (*word == ' ')
		word++;
	for (end = word; g_ascii_isalpha(*end); end++)
		;
	return (end - word > 2 && end[-2] == 'e' && end[-1] == 'd') || g_str_has_prefix(word, "got ") ||
	       g_str_has_prefix(word, "bought ");
}

/* whether the clause @c of @lower opens with an alternative (cblue_request_alternatives_*), or
 * with the words the negated object @object opens with ("ไม่ได้ถามเรื่องโซล่า ถามเรื่องกล้อง",
 * "not asking about solar, asking about cameras") */
static gboolean
cblue_request_opens_alternative(const gchar *lower, const CblueRequestClause *c, const gchar *object)
{
	const gchar *p = lower + c->start;
	const gchar *end = lower + c->end;
	gsize same = 0;

	while (p < end && !g_unichar_isalnum(g_utf8_get_char(p)))
		p = g_utf8_next_char(p);
	p += cblue_request_prefix_of(p, cblue_request_pronouns_thzh);
	if (p < end && cblue_request_prefix_of(p, cblue_request_not_alternatives) == 0 &&
	    cblue_request_prefix_of(p, cblue_request_alternatives_thzh) > 0)
		return TRUE;
	for (const gchar *w = p; w < end && cblue_request_words_before(lower, p - lower, w - lower) < 3; w++) {
		for (guint i = 0; cblue_request_alternatives_en[i] != NULL; i++) {
			if (cblue_request_word_at(lower, w, cblue_request_alternatives_en[i]) &&
			    !cblue_request_just_happened(w + strlen(cblue_request_alternatives_en[i])))
				return TRUE;
		}
	}
	while (object[same] != '\0' && p + same < end && p[same] == object[same])
		same++;
	/* three Thai or Chinese characters (two are often one word's start: เปิด, เปลี่ยน), or an
	 * English word and a half */
	return same >= 9;
}

/* whether @lower holds a negator at all: most messages do not, and are not cut into clauses */
static gboolean
cblue_request_may_negate(const gchar *lower)
{
	return strstr(lower, "no") != NULL || strstr(lower, "n't") != NULL || strstr(lower, "n’t") != NULL ||
	       strstr(lower, "ไม่") != NULL || strstr(lower, "不") != NULL;
}

/* @text with each run of bytes blanked with \001 made one space, in place */
static void
cblue_request_collapse_blanked(gchar *text)
{
	gchar *out = text;

	for (const gchar *p = text; *p != '\0'; p++) {
		if (*p != '\001')
			*out++ = *p;
		else if (out == text || out[-1] != ' ')
			*out++ = ' ';
	}
	*out = '\0';
}

/* whether the negated words @object of clause @i have an alternative opening the clause before
 * or after */
static gboolean
cblue_request_has_alternative(const gchar *lower, GArray *clauses, guint i, gchar *object)
{
	g_strchug(object);
	return (i + 1 < clauses->len &&
		cblue_request_opens_alternative(lower, &g_array_index(clauses, CblueRequestClause, i + 1), object)) ||
	       (i > 0 && cblue_request_opens_alternative(lower, &g_array_index(clauses, CblueRequestClause, i - 1),
							 object));
}

gchar *
cblue_request_unnegated(const gchar *text)
{
	g_autofree gchar *lower = NULL;
	g_autofree gchar *rest = NULL;
	g_autofree gchar *rest_lower = NULL;
	g_autoptr(GArray) clauses = NULL;
	gboolean negated = FALSE;

	g_return_val_if_fail(text != NULL, NULL);
	lower = g_utf8_strdown(text, -1);
	/* the clauses' bytes are the text's: a text whose lower case is of another length is left */
	if (strlen(lower) != strlen(text) || !cblue_request_may_negate(lower))
		return NULL;
	rest = g_strdup(text);
	clauses = cblue_request_clauses(text);
	for (guint i = 0; i < clauses->len; i++) {
		const CblueRequestClause *c = &g_array_index(clauses, CblueRequestClause, i);
		gsize len = 0, n, stop;
		gboolean inside;
		g_autofree gchar *object = NULL;

		n = cblue_request_find_negation(lower, c->start, c->end, &len);
		if (n == G_MAXSIZE)
			continue;
		stop = cblue_request_negation_end(lower, n, len, c->end, &inside);
		/* the negated words, not the negator alone ("no, …") */
		object = stop > n + len ? g_strndup(lower + n + len, stop - n - len) : NULL;
		if (object == NULL || cblue_request_count_chars(object) == 0 ||
		    (!inside && !cblue_request_has_alternative(lower, clauses, i, object)))
			continue;
		memset(rest + n, '\001', stop - n);
		negated = TRUE;
	}
	if (!negated)
		return NULL;
	cblue_request_collapse_blanked(rest);
	/* only when something positive is left: "no battery?" and "ไม่ต้องติดตั้งเหรอ" ask about the
	 * negated thing, and "…, how much?" says nothing of its own */
	rest_lower = g_utf8_strdown(rest, -1);
	if (cblue_request_count_chars(rest_lower) == 0 || cblue_request_is_bare(rest_lower))
		return NULL;
	return g_strstrip(g_steal_pointer(&rest));
}

GArray *
cblue_request_questions(const gchar *text)
{
	g_autoptr(GArray) whole = NULL;
	g_autoptr(GArray) clauses = NULL;
	g_autoptr(GArray) questions = NULL;
	gsize start = 0, ask_start = G_MAXSIZE;

	g_return_val_if_fail(text != NULL, NULL);
	if (!cblue_request_may_ask_twice(text))
		return NULL;
	whole = cblue_request_clauses(text);
	clauses = cblue_request_cut_clauses(text, whole);
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
		/* the next question begins after the mark that ends this one, or where the part cut
		 * after this one begins */
		if (c->cut)
			start = g_array_index(clauses, CblueRequestClause, i + 1).start;
		else
			start = text[c->end] != '\0' ? (gsize)(g_utf8_next_char(text + c->end) - text) : c->end;
		ask_start = G_MAXSIZE;
	}
	if (questions->len < 2)
		return NULL;
	return g_steal_pointer(&questions);
}
