/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <pcre2.h>
#include <string.h>

#include "cblue-redact-engine.h"
#include "cblue-redact-validators.h"

/* what must occur in a text for a rule to run at all, and where its search starts */
typedef enum {
	CBLUE_REDACT_TRIGGER_ALWAYS,
	CBLUE_REDACT_TRIGGER_DIGIT,
	CBLUE_REDACT_TRIGGER_AT, /* `@`, or an obfuscated `[at]` / `(at)` / `name#qq.com` */
	CBLUE_REDACT_TRIGGER_COLON, /* two colons close together, as in an IPv6 address */
	CBLUE_REDACT_TRIGGER_CHAT, /* LINE / WeChat names */
	CBLUE_REDACT_TRIGGER_SPOKEN_AT, /* แอท or 艾特, the `@` of voice typing */
	CBLUE_REDACT_TRIGGER_SPELLED_AT, /* ` at `, the `@` of an address spelled out */
	CBLUE_REDACT_TRIGGER_SPOKEN_DIGITS, /* nine digits said, a word each (cblue_redact_find_spoken_run()) */
	CBLUE_REDACT_N_TRIGGERS,
} CblueRedactTrigger;

typedef struct _CblueRedactRule CblueRedactRule;
typedef struct _CblueRedactScan CblueRedactScan;
typedef struct _CblueRedactWords CblueRedactWords;

/* confirms a candidate (ovector @ov), emits zero or more spans, returns where to go on */
typedef gsize (*CblueRedactCheckFunc)(CblueRedactScan *scan, const CblueRedactRule *rule, const PCRE2_SIZE *ov);

/* accepts a window of groups (first..last) of a number as a value of its kind */
typedef gboolean (*CblueRedactWindowFunc)(const CblueRedactGroups *groups, const gchar *text, guint first,
					  guint last, gboolean *need_context);

/* a type of value a rule emits, with the words that decide the ambiguous ones */
typedef struct {
	gchar *label; /* owned */
	CblueRedactWords *context; /* owned, nullable: words that make a value likely */
	gboolean context_required;
	CblueRedactWords *negative; /* owned, nullable: words that make it unlikely (order no., version) */
	guint window; /* characters searched for context, before and after */
	gboolean negative_adjacent; /* a negative word counts only right before the value */
	CblueRedactWindowFunc window_ok; /* numbers in groups only */
} CblueRedactKind;

struct _CblueRedactRule {
	gchar *name; /* owned */
	GPtrArray *kinds; /* owned, of CblueRedactKind: one, or several sharing the pattern */
	pcre2_code *code; /* owned */
	guint32 value_group; /* the group named `value`, or 0 */
	guint32 strong_group; /* chat rules: named groups, or 0 */
	guint32 weak_group;
	guint32 sep_group;
	guint32 gap_group;
	guint32 clause_group;
	guint32 filler_group;
	CblueRedactTrigger trigger;
	gsize lookback; /* bytes searched before the trigger */
	guint min_digits; /* digit rules: the fewest digits a value has */
	guint min_digits_alone; /* a run with fewer is looked at only after two letters, or 0 */
	CblueRedactCheckFunc check;
	CblueRedactValidator validator;
	gint warned; /* atomic: the match limit was reported */
};

struct _CblueRedactEngine {
	gint ref_count; /* atomic */
	GPtrArray *rules; /* owned, of CblueRedactRule */
	GHashTable *disabled; /* owned set of labels */
	guint32 match_limit;
	guint context_window;
	guint min_digits; /* the fewest of its digit rules' min_digits */
	/* every word of every list, each with its list's bit, so that one pass tells which
	 * lists occur in a text */
	CblueRedactWords *all_words; /* owned */
	guint n_lists;
};

/* per thread: pcre2 match data, with the limits, and a JIT stack */
typedef struct {
	pcre2_match_data *match_data;
	pcre2_match_context *match_context;
	pcre2_jit_stack *jit_stack;
} CblueRedactThread;

#define CBLUE_REDACT_OVECTOR_PAIRS 16

/* the rules that several built-in kinds share: the numbers in groups, and the numbers said */
#define CBLUE_REDACT_NUMBERS "numbers"
#define CBLUE_REDACT_SPOKEN "numbers-spoken"

struct _CblueRedactScan {
	CblueRedactEngine *engine;
	CblueRedactThread *thread;
	const gchar *text;
	gsize len;
	GPtrArray *spans; /* owned until returned, nullable */
	/* the spans by bounds, once there are many: the same-bounds test stays O(1) on a long
	 * text full of values (a log line) */
	GHashTable *span_bounds; /* owned, nullable; keys: the spans of @spans */
	const CblueRedactRule *rule;
	const CblueRedactKind *kind; /* the kind being emitted */
	/* which word lists occur in the text at all (bits), found in one pass the first time
	 * it is asked: most texts hold none, and then no window needs searching */
	guint32 words_present;
	gboolean words_looked_for;
};

static void
cblue_redact_thread_free(gpointer data)
{
	CblueRedactThread *thread = data;
	pcre2_match_data_free(thread->match_data);
	pcre2_match_context_free(thread->match_context);
	pcre2_jit_stack_free(thread->jit_stack);
	g_free(thread);
}

static GPrivate cblue_redact_thread_key = G_PRIVATE_INIT(cblue_redact_thread_free);

static CblueRedactThread *
cblue_redact_thread_get(void)
{
	CblueRedactThread *thread = g_private_get(&cblue_redact_thread_key);
	if (thread == NULL) {
		thread = g_new0(CblueRedactThread, 1);
		thread->match_data = pcre2_match_data_create(CBLUE_REDACT_OVECTOR_PAIRS, NULL);
		thread->match_context = pcre2_match_context_create(NULL);
		thread->jit_stack = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
		pcre2_jit_stack_assign(thread->match_context, NULL, thread->jit_stack);
		/* the interpreter's limits, for a pattern the JIT could not compile */
		pcre2_set_depth_limit(thread->match_context, 10000);
		pcre2_set_heap_limit(thread->match_context, 16 * 1024);
		g_private_set(&cblue_redact_thread_key, thread);
	}
	return thread;
}

static void cblue_redact_words_free(CblueRedactWords *words);
static CblueRedactWords *cblue_redact_words_alloc(void);

static void
cblue_redact_kind_free(CblueRedactKind *kind)
{
	g_free(kind->label);
	cblue_redact_words_free(kind->context);
	cblue_redact_words_free(kind->negative);
	g_free(kind);
}

static void
cblue_redact_rule_free(CblueRedactRule *rule)
{
	g_free(rule->name);
	g_ptr_array_unref(rule->kinds);
	pcre2_code_free(rule->code);
	g_free(rule);
}

static CblueRedactRule *
cblue_redact_rule_new(const gchar *name)
{
	CblueRedactRule *rule = g_new0(CblueRedactRule, 1);
	rule->name = g_strdup(name);
	rule->kinds = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_redact_kind_free);
	return rule;
}

CblueRedactEngine *
cblue_redact_engine_new(void)
{
	CblueRedactEngine *self = g_new0(CblueRedactEngine, 1);
	self->ref_count = 1;
	self->rules = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_redact_rule_free);
	self->disabled = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	self->match_limit = CBLUE_REDACT_DEFAULT_MATCH_LIMIT;
	self->context_window = CBLUE_REDACT_DEFAULT_CONTEXT_WINDOW;
	self->all_words = cblue_redact_words_alloc();
	return self;
}

CblueRedactEngine *
cblue_redact_engine_ref(CblueRedactEngine *self)
{
	g_atomic_int_inc(&self->ref_count);
	return self;
}

void
cblue_redact_engine_unref(CblueRedactEngine *self)
{
	if (self == NULL || !g_atomic_int_dec_and_test(&self->ref_count))
		return;
	g_ptr_array_unref(self->rules);
	g_hash_table_unref(self->disabled);
	cblue_redact_words_free(self->all_words);
	g_free(self);
}

void
cblue_redact_engine_set_match_limit(CblueRedactEngine *self, guint32 match_limit)
{
	self->match_limit = MAX(match_limit, 1000u);
}

/* [redact] disabled_types, match_limit, context_window: read before rules are added */
gboolean
cblue_redact_engine_configure(CblueRedactEngine *self, CblueConfig *config, GError **error)
{
	g_auto(GStrv) disabled = cblue_config_get_strv(config, "redact", "disabled_types");
	gint64 limit = cblue_config_get_int(config, "redact", "match_limit", CBLUE_REDACT_DEFAULT_MATCH_LIMIT);
	gint64 window =
	    cblue_config_get_int(config, "redact", "context_window", CBLUE_REDACT_DEFAULT_CONTEXT_WINDOW);

	for (guint i = 0; disabled != NULL && disabled[i] != NULL; i++) {
		if (!cblue_redaction_label_is_valid(disabled[i])) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("[redact] disabled_types: “%s” is not a type name"), disabled[i]);
			return FALSE;
		}
		g_hash_table_add(self->disabled, g_strdup(disabled[i]));
	}
	if (limit < 1000 || limit > G_MAXUINT32) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("[redact] match_limit must be between 1000 and %u"), G_MAXUINT32);
		return FALSE;
	}
	if (window < 1 || window > 1000) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("[redact] context_window must be between 1 and 1000 characters"));
		return FALSE;
	}
	self->match_limit = (guint32)limit;
	self->context_window = (guint)window;
	return TRUE;
}

guint
cblue_redact_engine_get_n_rules(CblueRedactEngine *self)
{
	return self->rules->len;
}

/* compiling */

static pcre2_code *
cblue_redact_compile(const gchar *pattern, guint32 extra_flags, const gchar *rule_name, GError **error)
{
	gint errcode = 0;
	PCRE2_SIZE erroffset = 0;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
					 PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | extra_flags, &errcode,
					 &erroffset, NULL);
	if (code == NULL) {
		PCRE2_UCHAR message[256];
		pcre2_get_error_message(errcode, message, sizeof(message));
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("redact rule “%s”: invalid pattern at offset %zu: %s"), rule_name,
			    (size_t)erroffset, (const gchar *)message);
		return NULL;
	}
	/* without the JIT (an unusual platform), the interpreter runs under the same limits */
	pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	return code;
}

static guint32
cblue_redact_group_number(pcre2_code *code, const gchar *name)
{
	gint n = pcre2_substring_number_from_name(code, (PCRE2_SPTR)name);
	return n > 0 ? (guint32)n : 0;
}

/* scanning */

static gsize
cblue_redact_back_chars(const gchar *text, gsize offset, guint n_chars)
{
	while (offset > 0 && n_chars > 0) {
		offset--;
		while (offset > 0 && ((guchar)text[offset] & 0xC0) == 0x80)
			offset--;
		n_chars--;
	}
	return offset;
}

static gsize
cblue_redact_forward_chars(const gchar *text, gsize len, gsize offset, guint n_chars)
{
	while (offset < len && n_chars > 0) {
		offset++;
		while (offset < len && ((guchar)text[offset] & 0xC0) == 0x80)
			offset++;
		n_chars--;
	}
	return offset;
}

static gsize
cblue_redact_snap_back(const gchar *text, gsize offset)
{
	while (offset > 0 && ((guchar)text[offset] & 0xC0) == 0x80)
		offset--;
	return offset;
}

static gint
cblue_redact_match(CblueRedactScan *scan, pcre2_code *code, gsize length, gsize offset)
{
	pcre2_set_match_limit(scan->thread->match_context, scan->engine->match_limit);
	return pcre2_match(code, (PCRE2_SPTR)scan->text, length, offset, PCRE2_NO_UTF_CHECK,
			   scan->thread->match_data, scan->thread->match_context);
}

/* context words: literals, found without pcre2 (an alternation of forty words costs pcre2
 * ~30 ns a byte on Thai text; this costs a table look-up a byte) */

typedef struct {
	gchar *word; /* owned: ASCII letters lower-cased */
	gsize len;
	guint32 prefix; /* the first four bytes (fewer for a short word), lower-cased */
	guint32 mask; /* the bytes of @prefix that count */
	gboolean latin; /* starts with an ASCII letter or digit: must start a word */
	gboolean end_boundary; /* must also end one (`ttb$` in the built-in lists) */
	guint32 bit; /* in the engine's table of every word: the bit of its list */
} CblueRedactWord;

/* the words by a hash of their first two characters (ASCII case folded), so that almost
 * every position of a Thai or Chinese text, whose first character starts some word but
 * whose first two start none, is passed over at once; one-character words have a table of
 * their own */
#define CBLUE_REDACT_WORD_BUCKETS 1024

struct _CblueRedactWords {
	GPtrArray *buckets[CBLUE_REDACT_WORD_BUCKETS]; /* owned, nullable: by two characters */
	GPtrArray *singles[CBLUE_REDACT_WORD_BUCKETS]; /* owned, nullable: one-character words */
	guint n_singles;
	guint32 bit; /* its bit in the engine's presence mask, or 0 */
};

static inline guint
cblue_redact_utf8_len(guchar c)
{
	return c < 0x80 ? 1 : (c < 0xE0 ? 2 : (c < 0xF0 ? 3 : 4));
}

/* the bucket of the first @n_chars characters at @p, within @avail bytes, or G_MAXUINT if
 * there are not that many */
static inline guint
cblue_redact_word_key(const guchar *p, gsize avail, guint n_chars)
{
	guint h = 0;
	gsize pos = 0;
	for (guint c = 0; c < n_chars; c++) {
		guint len;
		if (pos >= avail)
			return G_MAXUINT;
		len = cblue_redact_utf8_len(p[pos]);
		if (pos + len > avail)
			return G_MAXUINT;
		for (guint k = 0; k < len; k++) {
			guchar b = p[pos + k];
			h = h * 131u + (b >= 'A' && b <= 'Z' ? b + 32u : b);
		}
		pos += len;
	}
	return h % CBLUE_REDACT_WORD_BUCKETS;
}

static void
cblue_redact_word_free(CblueRedactWord *word)
{
	g_free(word->word);
	g_free(word);
}

static void
cblue_redact_words_free(CblueRedactWords *words)
{
	if (words == NULL)
		return;
	for (guint i = 0; i < G_N_ELEMENTS(words->buckets); i++) {
		g_clear_pointer(&words->buckets[i], g_ptr_array_unref);
		g_clear_pointer(&words->singles[i], g_ptr_array_unref);
	}
	g_free(words);
}

static CblueRedactWords *
cblue_redact_words_alloc(void)
{
	return g_new0(CblueRedactWords, 1);
}

static void
cblue_redact_words_add(CblueRedactWords *words, CblueRedactWord *word)
{
	guint key = cblue_redact_word_key((const guchar *)word->word, word->len, 2);
	GPtrArray **table = words->buckets;
	guint at = 0;
	if (key == G_MAXUINT) {
		key = cblue_redact_word_key((const guchar *)word->word, word->len, 1);
		table = words->singles;
		words->n_singles++;
	}
	if (table[key] == NULL)
		table[key] = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_redact_word_free);
	/* longest first, so that the first word matched at a place is the longest there: a
	 * distance is measured from the end of the whole label (`ผู้ใช้ไฟฟ้า`, not `ผู้ใช้ไฟ`) */
	while (at < table[key]->len &&
	       ((const CblueRedactWord *)g_ptr_array_index(table[key], at))->len >= word->len)
		at++;
	g_ptr_array_insert(table[key], (gint)at, word);
}

/* @boundary_marks: a trailing `$` asks for a word end (the built-in lists) */
static CblueRedactWords *
cblue_redact_words_new(const gchar *const *list, gboolean boundary_marks)
{
	CblueRedactWords *words = g_new0(CblueRedactWords, 1);
	guint n = 0;

	for (guint i = 0; list != NULL && list[i] != NULL; i++) {
		g_autofree gchar *stripped = g_strstrip(g_strdup(list[i]));
		CblueRedactWord *word;
		if (stripped[0] == '\0')
			continue;
		word = g_new0(CblueRedactWord, 1);
		word->len = strlen(stripped);
		if (boundary_marks && word->len > 1 && stripped[word->len - 1] == '$') {
			stripped[--word->len] = '\0';
			word->end_boundary = TRUE;
		}
		word->word = g_ascii_strdown(stripped, (gssize)word->len);
		word->latin = g_ascii_isalnum(word->word[0]);
		memcpy(&word->prefix, word->word, MIN(word->len, 4));
		word->mask = word->len >= 4 ? G_MAXUINT32 : (guint32)((1u << (8 * word->len)) - 1);
		if (word->latin) /* compared case-insensitively: bit 5 of each byte is ignored */
			word->mask &= 0xDFDFDFDFu;
		cblue_redact_words_add(words, word);
		n++;
	}
	if (n == 0) {
		cblue_redact_words_free(words);
		return NULL;
	}
	return words;
}

static gboolean
cblue_redact_is_latin(gchar c)
{
	return g_ascii_isalnum(c);
}

/* whether the Latin word [@i, @end) is part of an e-mail address: in its local part
 * (`account+tax@kampang.co.th`) or right after its `@` (`info@kbank.co.th`), where it says
 * nothing about a number near it. Looked at only once a word has matched: kept out of
 * line so that cblue_redact_word_matches() stays small enough to be inlined in the scans */
G_GNUC_NO_INLINE static gboolean
cblue_redact_word_in_address(const gchar *text, gsize i, gsize end, gsize limit)
{
	if (i > 0 && text[i - 1] == '@')
		return TRUE;
	for (gsize j = end; j < limit && j < end + 64; j++) {
		if (text[j] == '@')
			return TRUE;
		if (!g_ascii_isalnum(text[j]) && strchr("._%+-", text[j]) == NULL)
			return FALSE;
	}
	return FALSE;
}

static inline gboolean
cblue_redact_word_matches(const CblueRedactWord *word, const gchar *text, gsize i, gsize limit, guint32 head)
{
	if (i + word->len > limit || ((head ^ word->prefix) & word->mask) != 0)
		return FALSE;
	if (word->latin) {
		if (i > 0 && cblue_redact_is_latin(text[i - 1]))
			return FALSE;
		if (g_ascii_strncasecmp(text + i, word->word, word->len) != 0)
			return FALSE;
		if (cblue_redact_word_in_address(text, i, i + word->len, limit))
			return FALSE;
	} else if (word->len > 4 && memcmp(text + i + 4, word->word + 4, word->len - 4) != 0) {
		return FALSE;
	}
	return !(word->end_boundary && i + word->len < limit && cblue_redact_is_latin(text[i + word->len]));
}

/* the words of @words that may start at @i: at most two buckets */
static inline guint
cblue_redact_words_candidates(const CblueRedactWords *words, const gchar *text, gsize i, gsize limit,
			      GPtrArray **out)
{
	guint n = 0;
	guint key = cblue_redact_word_key((const guchar *)text + i, limit - i, 2);
	if (key != G_MAXUINT && words->buckets[key] != NULL)
		out[n++] = words->buckets[key];
	if (words->n_singles > 0) {
		key = cblue_redact_word_key((const guchar *)text + i, limit - i, 1);
		if (key != G_MAXUINT && words->singles[key] != NULL)
			out[n++] = words->singles[key];
	}
	return n;
}

/* the length of the word of @words found at @i, within [0, @limit), or 0 */
static inline gsize
cblue_redact_words_at(const CblueRedactWords *words, const gchar *text, gsize i, gsize limit)
{
	GPtrArray *buckets[2];
	guint n;
	guint32 head = 0;
	if (((guchar)text[i] & 0xC0) == 0x80) /* inside a character */
		return 0;
	n = cblue_redact_words_candidates(words, text, i, limit, buckets);
	if (n == 0)
		return 0;
	/* four bytes at once, never past the end of the text (the nul is readable) */
	memcpy(&head, text + i, MIN(limit - i + 1, 4));
	for (guint b = 0; b < n; b++) {
		for (guint j = 0; j < buckets[b]->len; j++) {
			const CblueRedactWord *word = g_ptr_array_index(buckets[b], j);
			if (cblue_redact_word_matches(word, text, i, limit, head))
				return word->len;
		}
	}
	return 0;
}

/* whether any word of @words occurs in the text: every list of the engine is looked for
 * in one pass, once per text */
static gboolean
cblue_redact_words_in_text(CblueRedactScan *scan, const CblueRedactWords *words)
{
	const CblueRedactWords *all = scan->engine->all_words;

	if (words->bit == 0) { /* more lists than bits: on its own */
		for (gsize i = 0; i < scan->len; i++) {
			if (cblue_redact_words_at(words, scan->text, i, scan->len) > 0)
				return TRUE;
		}
		return FALSE;
	}
	if (!scan->words_looked_for) {
		scan->words_looked_for = TRUE;
		for (gsize i = 0; i < scan->len; i++) {
			GPtrArray *buckets[2];
			guint n;
			guint32 head = 0;
			if (((guchar)scan->text[i] & 0xC0) == 0x80)
				continue;
			n = cblue_redact_words_candidates(all, scan->text, i, scan->len, buckets);
			if (n == 0)
				continue;
			memcpy(&head, scan->text + i, MIN(scan->len - i + 1, 4));
			for (guint b = 0; b < n; b++) {
				for (guint j = 0; j < buckets[b]->len; j++) {
					const CblueRedactWord *word = g_ptr_array_index(buckets[b], j);
					if ((scan->words_present & word->bit) == 0 &&
					    cblue_redact_word_matches(word, scan->text, i, scan->len, head))
						scan->words_present |= word->bit;
				}
			}
		}
	}
	return (scan->words_present & words->bit) != 0;
}

/* what may stand between a label and its number: `order #`, `order no. `, `订单号：`,
 * `เลขที่ `; nothing else. With @verb, the verb of a sentence that gives the number may stand
 * there too (`my customer no. is 0891234567`, `เลขที่สัญญาคือ …`, `订单号是 …`): only for phone
 * numbers, which no other negative word turns away, and not after `for` (the word before the
 * verb is then no label but the object of the sentence's subject: `the number for the order is
 * 0812345678`, `my ID for the tax invoice is 1-1037-02071-62-5`). */
static gboolean
cblue_redact_gap_is_label(const gchar *text, gsize from, gsize to, gboolean verb)
{
	static const gchar *const words[] = {"number", "no", "nr", "เลขที่", "号码", "号", "码", "號", NULL};
	static const gchar *const verbs[] = {"is", "คือ", "是", NULL};
	gsize i = from;
	while (i < to) {
		gboolean skipped = FALSE;
		if (strchr(" #:.-_/()", text[i]) != NULL) {
			i++;
			continue;
		}
		for (guint j = 0; verb && verbs[j] != NULL && !skipped; j++) {
			gsize len = strlen(verbs[j]);
			if (i + len <= to && memcmp(text + i, verbs[j], len) == 0 &&
			    (i + len == to || !g_ascii_isalpha(text[i + len]))) {
				i += len;
				skipped = TRUE;
			}
		}
		for (guint j = 0; words[j] != NULL && !skipped; j++) {
			gsize len = strlen(words[j]);
			if (i + len <= to && g_ascii_strncasecmp(text + i, words[j], len) == 0) {
				i += len;
				skipped = TRUE;
			}
		}
		if (!skipped)
			return FALSE;
	}
	return TRUE;
}

/* how far before @start the closest word ends, within the window; G_MAXSIZE if none */
static gsize
cblue_redact_context_before(CblueRedactScan *scan, const CblueRedactWords *words, gsize start, guint window)
{
	gsize from = cblue_redact_back_chars(scan->text, start, window);
	gsize best = G_MAXSIZE;
	for (gsize i = from; i < start; i++) {
		gsize len = cblue_redact_words_at(words, scan->text, i, start);
		if (len > 0)
			best = MIN(best, start - (i + len));
	}
	return best;
}

/* how far after @end the closest word starts, within the window */
static gsize
cblue_redact_context_after(CblueRedactScan *scan, const CblueRedactWords *words, gsize end)
{
	gsize limit = cblue_redact_forward_chars(scan->text, scan->len, end, scan->kind->window);
	for (gsize i = end; i < limit; i++) {
		if (cblue_redact_words_at(words, scan->text, i, scan->len) > 0)
			return i - end;
	}
	return G_MAXSIZE;
}

/* the length of a separator of a form's fields at @i of @text (before @len): `/` with a space on
 * both sides, or `|` with or without; 0 if there is none (`45/6`, an address, is one value) */
static gsize
cblue_redact_field_sep_at(const gchar *text, gsize len, gsize i)
{
	if (text[i] == '|')
		return 1;
	return text[i] == '/' && i > 0 && text[i - 1] == ' ' && i + 1 < len && text[i + 1] == ' ' ? 1 : 0;
}

#define CBLUE_REDACT_HEADER_FIELDS 8

/* How far before @start its label in a form's header ends, when the value is one of a row of
 * values after a header of several fields (`Name / Passport No. / Nationality: JAMES WILSON /
 * 544332214 / AMERICAN`, a table pasted as text): the value is the k-th after the header's colon,
 * so its label is the header's k-th, however far from it, and the other fields' labels say
 * nothing of it (`… / Order No.: … / G1234567 / …`). G_MAXSIZE unless that label holds a word of
 * the kind's context and none of its negative words. */
static gsize
cblue_redact_header_label(CblueRedactScan *scan, gsize start)
{
	const CblueRedactWords *words = scan->kind->context;
	const CblueRedactWords *negative = scan->kind->negative;
	const gchar *text = scan->text;
	gsize seps[CBLUE_REDACT_HEADER_FIELDS];
	gsize colon = G_MAXSIZE;
	gsize header = 0;
	gsize label_start, label_end;
	guint k = 0, n = 0;

	for (gsize i = start; i > 0 && start - i < 128 && colon == G_MAXSIZE; i--) {
		if (text[i - 1] == ':')
			colon = i - 1;
		else if (cblue_redact_field_sep_at(text, scan->len, i - 1) > 0)
			k++;
	}
	if (colon == G_MAXSIZE || k >= CBLUE_REDACT_HEADER_FIELDS)
		return G_MAXSIZE;
	/* the header's separators, from its colon back to the text's start, another colon or a
	 * line's end */
	for (gsize i = colon; i > 0 && colon - i < 128; i--) {
		if (text[i - 1] == ':' || text[i - 1] == '\n') {
			header = i;
			break;
		}
		if (cblue_redact_field_sep_at(text, scan->len, i - 1) > 0) {
			if (n == CBLUE_REDACT_HEADER_FIELDS)
				return G_MAXSIZE;
			seps[n++] = i - 1;
		}
		header = i - 1;
	}
	/* seps[] runs backwards: the header's k-th label is between separators n - k and n - k - 1 */
	if (n == 0 || k > n)
		return G_MAXSIZE;
	label_start = k == 0 ? header : seps[n - k] + 1;
	label_end = k == n ? colon : seps[n - k - 1];
	for (gsize i = label_start; negative != NULL && i < label_end; i++) {
		if (cblue_redact_words_at(negative, text, i, label_end) > 0)
			return G_MAXSIZE;
	}
	for (gsize i = label_start; i < label_end; i++) {
		if (cblue_redact_words_at(words, text, i, label_end) > 0)
			return start - label_end;
	}
	return G_MAXSIZE;
}

/* Whether the word of @words that ends at @word_end says what a value is for, not what it is:
 * the object of `for` after a positive word of the kind, which is the label's head (`Buyer's tax
 * id for the invoice: 1103702071625`, `เบอร์โทรสำหรับใบเสร็จ …`, `手机号用于发票：…`); without
 * @need_head, after any word: a sentence's verb after it says the subject is another word (`the
 * number for the order is 0812345678`). */
static gboolean
cblue_redact_negative_is_purpose(CblueRedactScan *scan, const CblueRedactWords *words, gsize word_end,
				 gboolean need_head)
{
	static const gchar *const purposes[] = {"for the ", "for this ", "for my ", "for our ", "for your ", "for ",
						"สำหรับออก", "สำหรับ", "用于开", "用于", NULL};
	const gchar *text = scan->text;
	gsize word_start = G_MAXSIZE;

	for (gsize i = cblue_redact_back_chars(text, word_end, 24); i < word_end && word_start == G_MAXSIZE; i++) {
		if (cblue_redact_words_at(words, text, i, word_end) == word_end - i)
			word_start = i;
	}
	if (word_start == G_MAXSIZE || scan->kind->context == NULL)
		return FALSE;
	for (guint j = 0; purposes[j] != NULL; j++) {
		gsize len = strlen(purposes[j]);
		if (word_start >= len && g_ascii_strncasecmp(text + word_start - len, purposes[j], len) == 0)
			return (word_start == len || !cblue_redact_is_latin(text[word_start - len - 1])) &&
			       (!need_head || cblue_redact_context_before(scan, scan->kind->context, word_start - len,
									  scan->kind->window) != G_MAXSIZE);
	}
	return FALSE;
}

#define CBLUE_REDACT_SPANS_SCANNED 16

static guint
cblue_redact_span_hash(gconstpointer key)
{
	const CblueSpan *span = key;
	return (guint)(span->start * 2654435761u) ^ (guint)span->end;
}

static gboolean
cblue_redact_span_equal(gconstpointer a, gconstpointer b)
{
	const CblueSpan *x = a, *y = b;
	return x->start == y->start && x->end == y->end;
}

/* whether a span with these bounds was emitted already: a scan of the few spans of a
 * message, a hash set past CBLUE_REDACT_SPANS_SCANNED */
static gboolean
cblue_redact_has_span(CblueRedactScan *scan, gsize start, gsize end)
{
	CblueSpan probe = {start, end, NULL};

	if (scan->spans == NULL)
		return FALSE;
	if (scan->span_bounds != NULL)
		return g_hash_table_contains(scan->span_bounds, &probe);
	for (guint i = 0; i < scan->spans->len; i++) {
		if (cblue_redact_span_equal(g_ptr_array_index(scan->spans, i), &probe))
			return TRUE;
	}
	return FALSE;
}

static void
cblue_redact_add_span(CblueRedactScan *scan, CblueSpan *span)
{
	if (scan->spans == NULL)
		scan->spans = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_span_free);
	g_ptr_array_add(scan->spans, span);
	if (scan->span_bounds == NULL && scan->spans->len > CBLUE_REDACT_SPANS_SCANNED) {
		scan->span_bounds = g_hash_table_new(cblue_redact_span_hash, cblue_redact_span_equal);
		for (guint i = 0; i + 1 < scan->spans->len; i++)
			g_hash_table_add(scan->span_bounds, g_ptr_array_index(scan->spans, i));
	}
	if (scan->span_bounds != NULL)
		g_hash_table_add(scan->span_bounds, span);
}

static gboolean cblue_redact_window_phone(const CblueRedactGroups *groups, const gchar *text, guint first, guint last,
					  gboolean *need_context);

/* whether the number at @start comes right after 打 or 拨, to call, to dial (a space between at
 * most): `马上打1863-5368-924`. Only there: 打 is also to print, to open, to discount (打印,
 * 打开, 打9折), so it is no phone word to look for around a value. */
static gboolean
cblue_redact_after_dial(const gchar *text, gsize start)
{
	if (start > 0 && text[start - 1] == ' ')
		start--;
	return start >= 3 && (memcmp(text + start - 3, "\xe6\x89\x93", 3) == 0 || /* 打 */
			      memcmp(text + start - 3, "\xe6\x8b\xa8", 3) == 0 || /* 拨 */
			      memcmp(text + start - 3, "\xe6\x92\xa5", 3) == 0);  /* 撥 */
}

/* adds a span of the current kind once its context agrees: a context word is required
 * when @need_context, and a negative word (order number, version…) closer to the value
 * than any context word rejects it. Rules and kinds run in order of preference, so a span
 * already emitted with the very same bounds wins the tie: no need to look at the context.
 *
 * A negative word that labels the value, right before it (cblue_redact_gap_is_label()),
 * is weighed against the context words before the value only: in a form or a document a
 * word after a value is the next field's label (`order #0622359806 call me back`, `Invoice
 * No. … , ID card …`, `电费户号 … 电话 …`). A context word before the value as close as the
 * negative one ends where it ends, i.e. is the last word of the negative phrase
 * (`customer id`, `PEA account`): the phrase wins.
 *
 * A value written in its type's own grouping (@own_shape: a Thai ID's 1-2345-67890-12-3) is
 * turned away only by a negative word that labels it: no document numbers its orders or
 * invoices that way, and an ID is asked for on them (`my ID for the tax invoice is …`). */
static void
cblue_redact_emit_value(CblueRedactScan *scan, gsize start, gsize end, gboolean need_context, gboolean own_shape)
{
	const CblueRedactKind *kind = scan->kind;
	gsize before = G_MAXSIZE;
	gsize after = G_MAXSIZE;
	gboolean header = FALSE;

	if (start >= end || cblue_redact_has_span(scan, start, end))
		return;
	if (need_context && kind->window_ok == cblue_redact_window_phone && cblue_redact_after_dial(scan->text, start))
		need_context = FALSE;
	if (need_context) {
		if (kind->context == NULL || !cblue_redact_words_in_text(scan, kind->context))
			return;
		before = cblue_redact_context_before(scan, kind->context, start, kind->window);
		after = cblue_redact_context_after(scan, kind->context, end);
		if (before == G_MAXSIZE && after == G_MAXSIZE) {
			if (cblue_redact_header_label(scan, start) == G_MAXSIZE)
				return;
			/* its own label was weighed, negative words and all */
			header = TRUE;
		}
	}
	/* a label right before the value needs a short look only: its word and `no.`, `#`… */
	if (!header && kind->negative != NULL &&
	    (kind->negative_adjacent || cblue_redact_words_in_text(scan, kind->negative))) {
		gsize negative = cblue_redact_context_before(scan, kind->negative, start,
							     kind->negative_adjacent ? 24 : kind->window);
		gboolean label = negative != G_MAXSIZE &&
				 cblue_redact_gap_is_label(scan->text, start - negative, start, FALSE);
		/* for a phone number, whose negative word counts only as a label, the sentence that gives
		 * an order's or a bill's number labels it too (`our customer no. is 0891234567, please call
		 * back`) */
		gboolean sentence = negative != G_MAXSIZE && !label && kind->negative_adjacent &&
				    cblue_redact_gap_is_label(scan->text, start - negative, start, TRUE);
		if (kind->negative_adjacent && !label && !sentence)
			negative = G_MAXSIZE;
		if (negative != G_MAXSIZE &&
		    cblue_redact_negative_is_purpose(scan, kind->negative, start - negative, !sentence))
			negative = G_MAXSIZE;
		label = label || sentence;
		if (negative != G_MAXSIZE && !need_context && kind->context != NULL &&
		    cblue_redact_words_in_text(scan, kind->context)) {
			before = cblue_redact_context_before(scan, kind->context, start, kind->window);
			if (!label)
				after = cblue_redact_context_after(scan, kind->context, end);
		}
		if (negative != G_MAXSIZE && negative <= before && (label || (negative < after && !own_shape)))
			return;
	}
	cblue_redact_add_span(scan, cblue_span_new(start, end, kind->label));
}

static void
cblue_redact_emit(CblueRedactScan *scan, gsize start, gsize end, gboolean need_context)
{
	cblue_redact_emit_value(scan, start, end, need_context, FALSE);
}

static void
cblue_redact_value_bounds(const CblueRedactRule *rule, const PCRE2_SIZE *ov, gsize *start, gsize *end)
{
	guint32 g = rule->value_group;
	if (g > 0 && g < CBLUE_REDACT_OVECTOR_PAIRS && ov[2 * g] != PCRE2_UNSET) {
		*start = ov[2 * g];
		*end = ov[2 * g + 1];
	} else {
		*start = ov[0];
		*end = ov[1];
	}
}

/* the letters and digits of a value, for the checksums */
static gsize
cblue_redact_alnum(const gchar *text, gsize start, gsize end, gchar *out, gsize out_size)
{
	gsize n = 0;
	for (gsize i = start; i < end && n + 1 < out_size; i++) {
		if (g_ascii_isalnum(text[i]))
			out[n++] = text[i];
	}
	out[n] = '\0';
	return n;
}

static gboolean
cblue_redact_validate(CblueRedactValidator validator, const gchar *text, gsize start, gsize end)
{
	gchar buf[64];
	gsize n;

	if (validator == CBLUE_REDACT_VALIDATOR_NONE)
		return TRUE;
	if (end - start >= sizeof(buf) * 2)
		return FALSE;
	n = cblue_redact_alnum(text, start, end, buf, sizeof(buf));
	switch (validator) {
	case CBLUE_REDACT_VALIDATOR_LUHN:
		return n >= 12 && n <= 19 && cblue_redact_luhn_valid(buf, n);
	case CBLUE_REDACT_VALIDATOR_TH_ID:
		return cblue_redact_th_id_valid(buf, n);
	case CBLUE_REDACT_VALIDATOR_CN_ID:
		return cblue_redact_cn_id_valid(buf, n);
	case CBLUE_REDACT_VALIDATOR_IBAN:
		return cblue_redact_iban_valid(buf, n);
	case CBLUE_REDACT_VALIDATOR_NONE:
	default:
		return TRUE;
	}
}

/* a value confirmed by the rule's validator, if any (custom rules, CN_ID, PASSPORT) */
static gsize
cblue_redact_check_plain(CblueRedactScan *scan, const CblueRedactRule *rule, const PCRE2_SIZE *ov)
{
	gsize start, end;
	cblue_redact_value_bounds(rule, ov, &start, &end);
	if (cblue_redact_validate(rule->validator, scan->text, start, end))
		cblue_redact_emit(scan, start, end, scan->kind->context_required);
	return ov[1];
}

/* whether a LINE id that a keyword labels (the rule `line-id`, run before) starts within the
 * window after @from; looked for among the few values of a message only, so that a long text
 * full of them stays linear (there an `@name` is kept as before: hidden, not leaked) */
static gboolean
cblue_redact_line_id_follows(CblueRedactScan *scan, gsize from)
{
	gsize limit = cblue_redact_forward_chars(scan->text, scan->len, from, scan->kind->window);

	if (scan->spans == NULL || scan->spans->len > CBLUE_REDACT_SPANS_SCANNED)
		return FALSE;
	for (guint i = 0; i < scan->spans->len; i++) {
		const CblueSpan *span = g_ptr_array_index(scan->spans, i);
		if (span->start >= from && span->start < limit && g_strcmp0(span->label, scan->kind->label) == 0)
			return TRUE;
	}
	return FALSE;
}

/* an `@name` with a LINE word near it (cblue_redact_check_plain()); but a chat's mention before a
 * LINE keyword that labels an id of its own (`@Support my LINE id is lisa_88`, `@Admin ไลน์ผม
 * tee.t70`) is none: that word is the other id's, and only a LINE word before the `@name` counts */
static gsize
cblue_redact_check_line_handle(CblueRedactScan *scan, const CblueRedactRule *rule, const PCRE2_SIZE *ov)
{
	const CblueRedactKind *kind = scan->kind;

	if (kind->context != NULL && cblue_redact_words_in_text(scan, kind->context) &&
	    cblue_redact_context_before(scan, kind->context, ov[0], kind->window) == G_MAXSIZE) {
		gsize after = cblue_redact_context_after(scan, kind->context, ov[1]);
		if (after != G_MAXSIZE && cblue_redact_line_id_follows(scan, ov[1] + after))
			return ov[1];
	}
	return cblue_redact_check_plain(scan, rule, ov);
}

/* the digits a phone's voice typing writes as words, one a word, by script */
typedef struct {
	const gchar *word;
	gchar digit;
} CblueRedactSpokenDigit;

static const CblueRedactSpokenDigit cblue_redact_spoken_latin[] = {
    {"zero", '0'}, {"oh", '0'},	  {"o", '0'},	  {"one", '1'},	  {"two", '2'},	 {"three", '3'},
    {"four", '4'}, {"five", '5'}, {"six", '6'},	  {"seven", '7'}, {"eight", '8'}, {"nine", '9'},
};
static const CblueRedactSpokenDigit cblue_redact_spoken_thai[] = {
    {"ศูนย์", '0'}, {"หนึ่ง", '1'}, {"สอง", '2'}, {"สาม", '3'}, {"สี่", '4'},
    {"ห้า", '5'},   {"หก", '6'},   {"เจ็ด", '7'}, {"แปด", '8'}, {"เก้า", '9'}, {"โท", '2'},
};
static const CblueRedactSpokenDigit cblue_redact_spoken_han[] = {
    {"零", '0'}, {"〇", '0'}, {"幺", '1'}, {"一", '1'}, {"二", '2'}, {"两", '2'}, {"三", '3'},
    {"四", '4'}, {"五", '5'}, {"六", '6'}, {"七", '7'}, {"八", '8'}, {"九", '9'},
};

/* the digit of the word of @words at @p (Latin words in any case, not followed by a letter) */
static gint
cblue_redact_spoken_in(const CblueRedactSpokenDigit *words, guint n_words, const gchar *p, gsize rest, gsize *len)
{
	gboolean latin = g_ascii_isalpha(p[0]);
	/* the byte that tells the words of a script apart first: the letter, or the third byte
	 * of a Thai or Chinese character */
	guchar key = latin ? (guchar)g_ascii_tolower(p[0]) : (guchar)p[2];

	for (guint i = 0; i < n_words; i++) {
		const gchar *word = words[i].word;
		gsize n;
		if ((guchar)word[latin ? 0 : 2] != key)
			continue;
		n = strlen(word);
		if (n > rest || (latin ? g_ascii_strncasecmp(p, word, n) != 0 : memcmp(p, word, n) != 0))
			continue;
		if (latin && n < rest && g_ascii_isalpha(p[n]))
			continue;
		*len = n;
		return words[i].digit;
	}
	return -1;
}

/* the bytes a digit said or written may begin with: a digit, the first letter of an English
 * digit word, the lead byte of Thai (E0) and of the Chinese digits (E3–E9) */
static const gboolean cblue_redact_spoken_start[256] = {
    ['0'] = TRUE, ['1'] = TRUE, ['2'] = TRUE, ['3'] = TRUE, ['4'] = TRUE, ['5'] = TRUE, ['6'] = TRUE,
    ['7'] = TRUE, ['8'] = TRUE, ['9'] = TRUE, ['z'] = TRUE, ['o'] = TRUE, ['t'] = TRUE, ['f'] = TRUE,
    ['s'] = TRUE, ['e'] = TRUE, ['n'] = TRUE, ['d'] = TRUE, ['Z'] = TRUE, ['O'] = TRUE, ['T'] = TRUE,
    ['F'] = TRUE, ['S'] = TRUE, ['E'] = TRUE, ['N'] = TRUE, ['D'] = TRUE, [0xE0] = TRUE, [0xE3] = TRUE,
    [0xE4] = TRUE, [0xE5] = TRUE, [0xE9] = TRUE,
};

/* whether @p is the Thai `โท` (two, as a phone number is read out) of โทร or โทษ (to call, sorry) */
static inline gboolean
cblue_redact_spoken_tho_of_word(const guchar *p, gsize rest)
{
	return rest >= 9 && p[2] == 0x82 && p[6] == 0xE0 && p[7] == 0xB8 && (p[8] == 0xA3 || p[8] == 0xA9);
}

/* whether a digit said or written may begin at @i of NUL-terminated @text: told by its first
 * two or three bytes, as nearly every byte of a text is looked at */
static inline gboolean
cblue_redact_spoken_may_start(const gchar *text, gsize i)
{
	const guchar *p = (const guchar *)text + i;

	if (!cblue_redact_spoken_start[*p])
		return FALSE;
	if (*p < 0x80) /* a digit, or a letter that begins a word */
		return g_ascii_isdigit(*p) || i == 0 || !g_ascii_isalpha(p[-1]);
	switch (*p) {
	case 0xE0: /* ศ ส ห (E0 B8 A8, AA, AB), เ แ โ (E0 B9 80, 81, 82) */
		return (p[1] == 0xB8 && (p[2] == 0xA8 || p[2] == 0xAA || p[2] == 0xAB)) ||
		       (p[1] == 0xB9 && p[2] >= 0x80 && p[2] <= 0x82);
	case 0xE3: /* 〇 */
		return p[1] == 0x80;
	case 0xE4: /* 一 二 两 三 五 七 九 */
		return p[1] >= 0xB8 && p[1] <= 0xBA;
	case 0xE5: /* 幺 四 六 八 */
		return p[1] == 0x85 || p[1] == 0x9B || p[1] == 0xB9;
	default: /* 零 (E9 9B) */
		return p[1] == 0x9B;
	}
}

/* the digit said or written at @i (a word not inside a Latin word), its length in @len and
 * whether it is a word in @word; -1 if there is none. Most bytes are rejected by their
 * first byte (Thai words begin with ศ ส ห เ แ โ, which share E0 B8 or E0 B9). An English
 * digit said twice or three times is one word (`double two`, `triple five`): how many times
 * in @count. */
static gint
cblue_redact_spoken_digit_at(const gchar *text, gsize i, gsize text_len, gsize *len, gboolean *word, guint *count)
{
	const guchar *p = (const guchar *)text + i;
	gsize rest = text_len - i;

	*word = TRUE;
	*count = 1;
	if (g_ascii_isdigit(*p)) {
		*word = FALSE;
		*len = 1;
		return *p;
	}
	if (g_ascii_isalpha(*p)) {
		gsize times = 0;
		gint digit;
		if (!cblue_redact_spoken_start[*p] || (i > 0 && g_ascii_isalpha(text[i - 1])))
			return -1;
		/* `do` or `tr` first: most words that begin so are none of them */
		if (rest > 7 && text[i + 6] == ' ' &&
		    (((*p | 0x20) == 'd' && (p[1] | 0x20) == 'o' &&
		      g_ascii_strncasecmp(text + i, "double", 6) == 0) ||
		     ((*p | 0x20) == 't' && (p[1] | 0x20) == 'r' &&
		      g_ascii_strncasecmp(text + i, "triple", 6) == 0))) {
			times = 7;
			*count = (*p | 0x20) == 'd' ? 2 : 3;
		} else if ((*p | 0x20) == 'd') {
			return -1; /* no digit's word begins with `d` */
		}
		digit = cblue_redact_spoken_in(cblue_redact_spoken_latin, G_N_ELEMENTS(cblue_redact_spoken_latin),
					       text + i + times, rest - times, len);
		*len += times;
		return digit;
	}
	/* ศ ส ห (E0 B8 A8, AA, AB), เ แ โ (E0 B9 80, 81, 82); not the โท of โทร */
	if (*p == 0xE0 && rest >= 6 &&
	    ((p[1] == 0xB8 && (p[2] == 0xA8 || p[2] == 0xAA || p[2] == 0xAB)) || (p[1] == 0xB9 && p[2] <= 0x82)) &&
	    !cblue_redact_spoken_tho_of_word(p, rest))
		return cblue_redact_spoken_in(cblue_redact_spoken_thai, G_N_ELEMENTS(cblue_redact_spoken_thai), text + i,
					      rest, len);
	if (*p >= 0xE3 && *p <= 0xE9 && rest >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
		gunichar ch = ((gunichar)(*p & 0x0F) << 12) | ((gunichar)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
		switch (ch) {
		case 0x96F6: /* 零 */
		case 0x3007: /* 〇 */
		case 0x5E7A: /* 幺 */
		case 0x4E00: /* 一 */
		case 0x4E8C: /* 二 */
		case 0x4E24: /* 两 */
		case 0x4E09: /* 三 */
		case 0x56DB: /* 四 */
		case 0x4E94: /* 五 */
		case 0x516D: /* 六 */
		case 0x4E03: /* 七 */
		case 0x516B: /* 八 */
		case 0x4E5D: /* 九 */
			return cblue_redact_spoken_in(cblue_redact_spoken_han, G_N_ELEMENTS(cblue_redact_spoken_han),
						      text + i, rest, len);
		default:
			return -1;
		}
	}
	return -1;
}

/* where the first run of nine digits said or written, one of them at least a word, begins
 * (at most three spaces, commas or dashes between them: `oh six two - four …`); -1 if there
 * is none: the trigger of the spoken numbers' rules, far cheaper than their pattern tried at
 * every letter of a text */
static gssize
cblue_redact_find_spoken_run(const gchar *text, gsize len)
{
	gsize i = 0, run_start = 0;
	guint n_digits = 0, n_words = 0, n_seps = 0;

	while (i < len) {
		gsize n = 0;
		gboolean word = FALSE;
		guint count = 1;
		/* most bytes begin no digit, and outside a run nothing else matters */
		if (n_digits == 0) {
			while (i < len && !cblue_redact_spoken_may_start(text, i))
				i++;
			if (i >= len)
				break;
		}
		if (cblue_redact_spoken_digit_at(text, i, len, &n, &word, &count) >= 0) {
			/* `plus 66 81 …`: the country code's `+` said is a word */
			if (n_digits == 0) {
				run_start = i;
				word = word || (i >= 5 && text[i - 1] == ' ' && (text[i - 2] | 0x20) == 's' &&
						g_ascii_strncasecmp(text + i - 5, "plus", 4) == 0);
			}
			n_digits += count;
			n_words += word;
			n_seps = 0;
			if (n_digits >= 9 && n_words >= 1)
				return (gssize)run_start;
			i += n;
			continue;
		}
		if (n_digits > 0 && n_seps < 3 && (text[i] == ' ' || text[i] == ',' || text[i] == '-')) {
			n_seps++;
			i++;
			continue;
		}
		n_digits = n_words = n_seps = 0;
		i++;
	}
	return -1;
}

/* the digits said or written in [@start, @end) of @text, at most @size (`double two` is two),
 * and an ID's check character `X`; how many, and how many of them words in @n_words; 0 if
 * there are more */
static guint
cblue_redact_spoken_digits(const gchar *text, gsize start, gsize end, gchar *digits, guint size, guint *n_words)
{
	guint n = 0;

	*n_words = 0;
	for (gsize i = start; i < end;) {
		gsize len = 0;
		gboolean word = FALSE;
		guint count = 1;
		gint digit = cblue_redact_spoken_digit_at(text, i, end, &len, &word, &count);
		if (digit < 0 && (text[i] == 'X' || text[i] == 'x')) {
			digit = 'X';
			len = 1;
		}
		if (digit < 0) {
			i++; /* a separator */
			continue;
		}
		if (n + count > size)
			return 0;
		for (guint k = 0; k < count; k++)
			digits[n++] = (gchar)digit;
		*n_words += word;
		i += len;
	}
	return n;
}

/* where the country code said before a number said begins (`plus six six …`, `plus sixty six,
 * eight nine …`, `บวกหกหก …`, `加六六 …`), or @start if none; @digits and @n take the `6` or `8` of
 * `sixty six` or `eighty six`, whose `six` begins the run (a word of its own) */
static gsize
cblue_redact_spoken_plus(const gchar *text, gsize start, gchar *digits, guint *n, guint size)
{
	gsize i = start;
	gchar tens = 0;

	if (*n > 0 && *n < size && digits[0] == '6' && i >= 6 && (text[i - 1] == ' ' || text[i - 1] == '-')) {
		if (g_ascii_strncasecmp(text + i - 6, "sixty", 5) == 0) {
			tens = '6';
			i -= 6;
		} else if (i >= 7 && g_ascii_strncasecmp(text + i - 7, "eighty", 6) == 0) {
			tens = '8';
			i -= 7;
		}
	}
	for (guint k = 0; k < 2 && i > 0 && (text[i - 1] == ' ' || text[i - 1] == ','); k++)
		i--;
	if (i >= 4 && g_ascii_strncasecmp(text + i - 4, "plus", 4) == 0 && (i == 4 || !g_ascii_isalpha(text[i - 5])))
		i -= 4;
	else if (i >= 9 && memcmp(text + i - 9, "บวก", 9) == 0)
		i -= 9;
	else if (i >= 3 && memcmp(text + i - 3, "加", 3) == 0)
		i -= 3;
	else if (i >= 1 && text[i - 1] == '+')
		i -= 1;
	else
		return start;
	if (tens != 0) {
		memmove(digits + 1, digits, *n);
		digits[0] = tens;
		(*n)++;
	}
	return i;
}

/* the kind of the numbers in groups of @label, if any: a Thai ID or a bank account said is weighed
 * with the context and negative words of the same number written, which are not registered twice
 * (each list is one more pass over a text's words) */
static const CblueRedactKind *
cblue_redact_numbers_kind(const CblueRedactEngine *engine, const CblueRedactKind *spoken)
{
	for (guint i = 0; i < engine->rules->len; i++) {
		const CblueRedactRule *rule = g_ptr_array_index(engine->rules, i);
		if (g_strcmp0(rule->name, CBLUE_REDACT_NUMBERS) != 0)
			continue;
		for (guint j = 0; j < rule->kinds->len; j++) {
			const CblueRedactKind *kind = g_ptr_array_index(rule->kinds, j);
			if (g_str_equal(kind->label, spoken->label))
				return kind;
		}
	}
	return spoken;
}

/* a number said one digit a word (`oh eight one two …`, `ศูนย์แปดหนึ่ง สองสามสี่ …`,
 * `一八九九一五九二零七四`, `oh eight one, double two …`), at least one of them a word, offered to
 * each kind of the rule:
 * - a phone number: a Thai number (ten digits of a mobile, nine of a landline, from 0) or a
 *   Chinese mobile (eleven from 13–19), or after its country code said (`plus six six …`, a
 *   Thai or a Chinese number in international form, or any other country's);
 * - a Thai ID: thirteen digits with its check digit;
 * - a Chinese ID: eighteen characters with its check character and a date of birth;
 * - a bank account: ten to nineteen digits near a bank word. */
static gsize
cblue_redact_check_spoken(CblueRedactScan *scan, const CblueRedactRule *rule, const PCRE2_SIZE *ov)
{
	gchar digits[24];
	guint n_words = 0;
	guint n = cblue_redact_spoken_digits(scan->text, ov[0], ov[1], digits, sizeof(digits) - 1, &n_words);

	if (n == 0)
		return ov[1];
	for (guint i = 0; i < rule->kinds->len; i++) {
		const gchar *label;
		scan->kind = g_ptr_array_index(rule->kinds, i);
		label = scan->kind->label;
		/* digits alone are the numbers in groups' (but after `plus` said, below) */
		if (n_words == 0 && !g_str_equal(label, "PHONE"))
			continue;
		if (g_str_equal(label, "TH_ID")) {
			scan->kind = cblue_redact_numbers_kind(scan->engine, scan->kind);
			if (n == 13 && cblue_redact_th_id_valid(digits, n))
				cblue_redact_emit(scan, ov[0], ov[1], FALSE);
		} else if (g_str_equal(label, "CN_ID")) {
			if (n == 18 && cblue_redact_cn_id_valid(digits, n))
				cblue_redact_emit(scan, ov[0], ov[1], FALSE);
		} else if (g_str_equal(label, "BANK_ACCOUNT")) {
			scan->kind = cblue_redact_numbers_kind(scan->engine, scan->kind);
			if (n >= 10 && memchr(digits, 'X', n) == NULL)
				cblue_redact_emit(scan, ov[0], ov[1], TRUE);
		} else {
			gchar plus_digits[24];
			guint plus_n = n;
			gsize start;
			CblueRedactPhoneKind kind;
			memcpy(plus_digits, digits, n);
			start = cblue_redact_spoken_plus(scan->text, ov[0], plus_digits, &plus_n, sizeof(plus_digits));
			/* after `plus` said, a Thai or a Chinese number (not a sum's `plus 12 500 000`), and
			 * any country's after a `+` with a digit said; digits alone after a `+` are the
			 * numbers in groups' */
			kind = start < ov[0] ? cblue_redact_phone_classify(plus_digits, plus_n, TRUE)
					     : CBLUE_REDACT_PHONE_NONE;
			if (kind != CBLUE_REDACT_PHONE_NONE &&
			    (scan->text[start] == '+' ? n_words > 0 : kind != CBLUE_REDACT_PHONE_INTERNATIONAL)) {
				cblue_redact_emit(scan, start, ov[1], FALSE);
				continue;
			}
			if (n_words == 0)
				continue;
			kind = cblue_redact_phone_classify(digits, n, FALSE);
			if (kind == CBLUE_REDACT_PHONE_TH_MOBILE || kind == CBLUE_REDACT_PHONE_TH_LANDLINE ||
			    kind == CBLUE_REDACT_PHONE_CN_MOBILE)
				cblue_redact_emit(scan, ov[0], ov[1], FALSE);
		}
	}
	return ov[1];
}

static gsize
cblue_redact_check_ipv4(CblueRedactScan *scan, const CblueRedactRule *rule, const PCRE2_SIZE *ov)
{
	if (cblue_redact_ipv4_valid(scan->text + ov[0], ov[1] - ov[0]))
		cblue_redact_emit(scan, ov[0], ov[1], FALSE);
	return ov[1];
}

static gsize
cblue_redact_check_ipv6(CblueRedactScan *scan, const CblueRedactRule *rule, const PCRE2_SIZE *ov)
{
	gsize start = ov[0], end = ov[1];
	if (end > start && scan->text[end - 1] == '.') /* the end of a sentence */
		end--;
	/* `IP:2001:db8::1`, `地址：2001:db8::1` (a folded full-width colon) */
	if (end - start > 2 && scan->text[start] == ':' && scan->text[start + 1] != ':')
		start++;
	if (cblue_redact_ipv6_valid(scan->text + start, end - start))
		cblue_redact_emit(scan, start, end, FALSE);
	return ov[1];
}

/* a local part neither starts nor ends with a dot, nor has two in a row */
static gboolean
cblue_redact_email_local_ok(const gchar *local, gsize local_len)
{
	return local_len > 0 && local[0] != '.' && local[local_len - 1] != '.' &&
	       g_strstr_len(local, (gssize)local_len, "..") == NULL;
}

/* the big webmail providers, whose names people say alone: `at gmail` */
#define CBLUE_REDACT_WEBMAIL "gmail|hotmail|yahoo|outlook|icloud|qq|163|126"

static gboolean
cblue_redact_is_webmail(const gchar *domain)
{
	g_auto(GStrv) names = g_strsplit(CBLUE_REDACT_WEBMAIL, "|", -1);
	for (guint i = 0; names[i] != NULL; i++) {
		gsize n = strlen(names[i]);
		if (g_ascii_strncasecmp(domain, names[i], n) == 0 && !g_ascii_isalnum(domain[n]) && domain[n] != '-')
			return TRUE;
	}
	return FALSE;
}

/* `name@ gmail.com`, `korn_2530 @gmail.com`, `sales @siamsolar.co.th`: a space on one side
 * of the `@` only, as a phone's keyboard leaves it after a word; then only what looks like
 * an address: a webmail provider's domain, a local part with a dot, `_` or a digit, or a
 * domain in .com, .net, .org or a country's (not a handle after a word: `line
 * @baanrak.solar`, `follow us @siamsolar.official`) */
static gboolean
cblue_redact_email_one_space_ok(const gchar *value, const gchar *at, const gchar *end)
{
	gboolean before = at > value && at[-1] == ' ';
	gboolean after = at[1] == ' ';
	const gchar *domain = at + (after ? 2 : 1);
	const gchar *tld = end;

	if (before == after || cblue_redact_is_webmail(domain))
		return TRUE;
	for (const gchar *p = value; p < at; p++) {
		if (*p == '.' || *p == '_' || g_ascii_isdigit(*p))
			return TRUE;
	}
	while (tld > domain && tld[-1] != '.' && tld[-1] != ',' && tld[-1] != ' ')
		tld--;
	return end - tld == 2 || (end - tld == 3 && (g_ascii_strncasecmp(tld, "com", 3) == 0 ||
						     g_ascii_strncasecmp(tld, "net", 3) == 0 ||
						     g_ascii_strncasecmp(tld, "org", 3) == 0));
}

/* whether the address of @len bytes at @value ends with the extension of a file that no
 * top-level domain is: `logo@2x.png`, `icon@3x.jpg` (an image at two or three times its
 * size, as app and web developers name them) is a file's name, not an address */
static gboolean
cblue_redact_email_is_file_name(const gchar *value, gsize len)
{
	static const gchar *const extensions[] = {"png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "tif", "tiff",
						  "heic", "ico", "pdf", "txt", "csv", "json", "html", "htm", "css",
						  "xml", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wav", "avi",
						  "mkv", "exe", "apk", "dmg", "log", NULL};
	gsize n = 0;
	gchar ext[5];

	while (n < len && n <= 4 && g_ascii_isalpha(value[len - n - 1]))
		n++;
	if (n < 3 || n > 4 || n == len || value[len - n - 1] != '.')
		return FALSE;
	for (gsize i = 0; i < n; i++)
		ext[i] = g_ascii_tolower(value[len - n + i]);
	ext[n] = '\0';
	/* most addresses end in one of these */
	if (strcmp(ext, "com") == 0 || strcmp(ext, "net") == 0 || strcmp(ext, "org") == 0)
		return FALSE;
	return g_strv_contains(extensions, ext);
}

/* the length of the address @value of @len bytes without a word glued to it by a sentence's
 * full stop, as a chat's message is typed without a space after it (`a@gmail.com.thanks`):
 * `com`, `net` and `org` are followed by a country's code of two letters (`gmail.com.au`), if
 * anything, never by a label of three letters or more */
static gsize
cblue_redact_email_without_next_word(const gchar *value, gsize len, const gchar *at)
{
	for (const gchar *p = at + 1; p + 4 < value + len; p++) {
		const gchar *next = p + 4;
		gsize label = 0;
		if (p[-1] != '.' || p[3] != '.' ||
		    (g_ascii_strncasecmp(p, "com", 3) != 0 && g_ascii_strncasecmp(p, "net", 3) != 0 &&
		     g_ascii_strncasecmp(p, "org", 3) != 0))
			continue;
		while (next + label < value + len && g_ascii_isalpha(next[label]))
			label++;
		if (label >= 3 && next + label == value + len)
			return (gsize)(p + 3 - value);
	}
	return len;
}

/* The length of what starts the match @value (before @at) but is no part of the address: the
 * hyphen that joins it to the word before (`อีเมล-maliw83@yahoo.com`, `email -nina@yahoo.com-`),
 * as no one's address starts with one, and an e-mail word so joined (`email-mali.s@yahoo.com`),
 * a label typed before the value */
static gsize
cblue_redact_email_label_length(const gchar *value, const gchar *at)
{
	static const gchar *const labels[] = {"e-mail-", "email-", "mail-", NULL};
	gsize skip = 0;

	while (value + skip < at && value[skip] == '-')
		skip++;
	for (guint i = 0; skip == 0 && labels[i] != NULL; i++) {
		gsize n = strlen(labels[i]);
		if ((gsize)(at - value) > n && g_ascii_strncasecmp(value, labels[i], n) == 0)
			skip = n;
	}
	return value + skip < at && g_ascii_isalnum(value[skip]) ? skip : 0;
}

/* An address written with a space around its dots (`pim . s @ gmail . com`, as someone hides it
 * from a filter): only when its last label is a top-level domain's (two letters, com, net, org)
 * and it looks like an address, a webmail provider's domain or a local part with a dot, `_` or a
 * digit (not `see me @ home . Thanks`); a local part spaced so (`pim . s`) only with a domain
 * spaced too: a sentence's last word is not joined to an address written as usual (`ok . nok@…`).
 * Returns the length of the local part's words to leave out before the address, or -1 for none. */
static gssize
cblue_redact_email_spaced_start(const gchar *value, const gchar *at, const gchar *end)
{
	const gchar *domain = at + 1;
	const gchar *tld = end;
	const gchar *last = NULL;

	while (domain < end && *domain == ' ')
		domain++;
	for (const gchar *p = value; p + 3 <= at; p++) {
		if (memcmp(p, " . ", 3) == 0)
			last = p + 3;
	}
	if (g_strstr_len(domain, end - domain, " . ") == NULL)
		return last != NULL ? last - value : 0;
	while (tld > domain && tld[-1] != '.' && tld[-1] != ' ')
		tld--;
	if (!(end - tld == 2 || (end - tld == 3 && (g_ascii_strncasecmp(tld, "com", 3) == 0 ||
						     g_ascii_strncasecmp(tld, "net", 3) == 0 ||
						     g_ascii_strncasecmp(tld, "org", 3) == 0))))
		return -1;
	if (last != NULL || cblue_redact_is_webmail(domain))
		return 0;
	for (const gchar *p = value; p < at; p++) {
		if (*p == '.' || *p == '_' || g_ascii_isdigit(*p))
			return 0;
	}
	return -1;
}

static gsize
cblue_redact_check_email(CblueRedactScan *scan, const CblueRedactRule *rule, const PCRE2_SIZE *ov)
{
	const gchar *value = scan->text + ov[0];
	gsize len = ov[1] - ov[0];
	const gchar *at = memchr(value, '@', len);
	gsize start = ov[0];
	gssize spaced;

	if (at != NULL) {
		gsize skip = cblue_redact_email_label_length(value, at);
		if ((spaced = cblue_redact_email_spaced_start(value + skip, at, value + len)) < 0)
			return ov[1];
		skip += (gsize)spaced;
		start += skip;
		value += skip;
		len -= skip;
	}

	/* a link's `%40` is the `@`, and nothing more to check around it */
	if (at == NULL && (at = g_strstr_len(value, (gssize)len, "%40")) != NULL) {
		if (!cblue_redact_email_is_file_name(value, len) && cblue_redact_email_local_ok(value, (gsize)(at - value)))
			cblue_redact_emit(scan, ov[0], ov[1], FALSE);
		return ov[1];
	}
	if (cblue_redact_email_is_file_name(value, len))
		return ov[1];
	/* `git@github.com:owner/repo.git`: a repository's address, whose `git` is the account
	 * every git host uses, not a person's; the host's name and a `:` before the path */
	if (at != NULL && at - value == 3 && strncmp(value, "git", 3) == 0 && ov[1] + 1 < scan->len &&
	    value[len] == ':' && !g_ascii_isspace(value[len + 1]))
		return ov[1];
	if (at != NULL)
		len = cblue_redact_email_without_next_word(value, len, at);
	if (cblue_redact_email_local_ok(value, at != NULL ? (gsize)(at - value) : len) &&
	    (at == NULL || cblue_redact_email_one_space_ok(value, at, value + len)))
		cblue_redact_emit(scan, start, start + len, FALSE);
	return ov[1];
}

static gboolean
cblue_redact_is_local_char(gchar c)
{
	return g_ascii_isalnum(c) || strchr("._%+-", c) != NULL;
}

/* whether the word @local at @start, letters only, follows an article or a demonstrative: a
 * noun, not an address's local part (`I bought the charger at shopee dot co dot th`) */
static gboolean
cblue_redact_after_article(const gchar *text, gsize start, const gchar *local)
{
	static const gchar *const articles[] = {"the", "a", "an", "this", "that", "these", "those", NULL};
	gsize end = start;
	gsize word;
	g_autofree gchar *before = NULL;

	for (const gchar *c = local; *c != '\0'; c++) {
		if (!g_ascii_isalpha(*c))
			return FALSE;
	}
	if (end == 0 || text[end - 1] != ' ')
		return FALSE;
	end--;
	word = end;
	while (word > 0 && end - word < 6 && g_ascii_isalpha(text[word - 1]))
		word--;
	if (word == end || (word > 0 && g_ascii_isalnum(text[word - 1])))
		return FALSE;
	before = g_ascii_strdown(text + word, (gssize)(end - word));
	return g_strv_contains(articles, before);
}

/* an address spelled out: the match is ` at domain`, the local part is the word before it
 * (`linda.chan at gmail dot com`, `sales AT greenroof DOT asia`, `pornpimol.s at gmail`).
 * Without a spelled `dot`, only near an e-mail word and when it looks like an address: a
 * webmail provider's domain, or a local part with a dot, `_` or a digit (not `look at
 * index.html`, `office at Central.World`); never a pronoun or a word that says where an
 * account is (`email me at gmail`, `my email is at gmail`, `our account at outlook`), nor a
 * noun after an article, spelled dots or not (`the charger at shopee dot co dot th`). */
static gsize
cblue_redact_check_email_spelled(CblueRedactScan *scan, const CblueRedactRule *rule, const PCRE2_SIZE *ov)
{
	static const gchar *const pronouns[] = {"i",	"me",	 "you",	    "us",   "we",   "him",  "her",
						"them", "it",	 "is",	    "was",  "are",  "am",   "be",
						"been", "still", "also",    "not",  "now",  "one",  "mine",
						"ours", "yours", "account", "accounts", "address", NULL};
	const gchar *text = scan->text;
	gsize start = ov[0];
	/* after ` at `, or ` at sign `, as voice typing may write the `@` */
	gsize domain = ov[0] + (g_ascii_strncasecmp(text + ov[0] + 4, "sign ", 5) == 0 ? 9 : 4);
	gboolean dot = FALSE;
	gboolean local_dot = FALSE;
	gboolean sure = FALSE;
	g_autofree gchar *local = NULL;

	while (start > 0 && ov[0] - start <= 64 && cblue_redact_is_local_char(text[start - 1]))
		start--;
	if (ov[0] - start > 64 || !cblue_redact_email_local_ok(text + start, ov[0] - start))
		return ov[1];
	local = g_ascii_strdown(text + start, (gssize)(ov[0] - start));
	if (g_strv_contains(pronouns, local) || cblue_redact_after_article(text, start, local))
		return ov[1];
	/* the local part's dots spelled too: `sarah dot lee at outlook dot com`; each word
	 * before a ` dot ` joins it, and so does one before a spelled ` underscore ` or ` dash `,
	 * as an address is read out for voice typing (`peter underscore lee at gmail dot com`,
	 * `somsak dash t01 at hotmail dot com`) */
	for (;;) {
		gsize sep = 0;
		if (start >= 6 && g_ascii_strncasecmp(text + start - 5, " dot ", 5) == 0)
			sep = 5;
		else if (start >= 7 && g_ascii_strncasecmp(text + start - 6, " dash ", 6) == 0)
			sep = 6;
		else if (start >= 13 && g_ascii_strncasecmp(text + start - 12, " underscore ", 12) == 0)
			sep = 12;
		if (sep == 0 || ov[0] - start > 64 || !g_ascii_isalnum(text[start - sep - 1]))
			break;
		gsize word = start - sep;
		while (word > 0 && start - word <= 64 && cblue_redact_is_local_char(text[word - 1]))
			word--;
		if (!cblue_redact_email_local_ok(text + word, start - sep - word))
			break;
		start = word;
		local_dot = TRUE;
	}
	/* the local part spelled a letter at a time before it (`j o h n 80 at gmail dot com`):
	 * three letters or digits or more, each alone */
	{
		gsize spelled = start;
		guint n_spelled = 0;
		while (spelled >= 2 && ov[0] - spelled < 64 && text[spelled - 1] == ' ' &&
		       g_ascii_isalnum(text[spelled - 2]) && (spelled == 2 || !g_ascii_isalnum(text[spelled - 3]))) {
			spelled -= 2;
			n_spelled++;
		}
		if (n_spelled >= 3)
			start = spelled;
	}
	/* a dot said in English, or as Chinese or Thai voice typing writes it (`at qq 点 com`) */
	for (gsize i = domain; i + 5 <= ov[1] && !dot; i++)
		dot = (text[i] == ' ' && g_ascii_strncasecmp(text + i + 1, "dot ", 4) == 0) ||
		      memcmp(text + i, "点", 3) == 0 || (i + 9 <= ov[1] && memcmp(text + i, "ดอท", 9) == 0);
	if (!dot && !local_dot && strpbrk(local, "._0123456789") == NULL && !cblue_redact_is_webmail(text + domain))
		return ov[1];
	/* `tonystark99 at gmail.com`: a webmail provider's real domain (with its dot) after a
	 * local part of letters with a dot, `_` or a digit is an address without an e-mail word
	 * near it; `since 10 at outlook.com` (no letter) and `me at gmail` are not */
	for (const gchar *c = local; !dot && !sure && *c != '\0'; c++)
		sure = g_ascii_isalpha(*c);
	sure = sure && strpbrk(local, "._0123456789") != NULL && cblue_redact_is_webmail(text + domain) &&
	       memchr(text + domain, '.', ov[1] - domain) != NULL;
	cblue_redact_emit(scan, start, ov[1], !dot && !sure);
	return ov[1];
}

static gboolean
cblue_redact_group_set(const PCRE2_SIZE *ov, guint32 g)
{
	return g > 0 && g < CBLUE_REDACT_OVECTOR_PAIRS && ov[2 * g] != PCRE2_UNSET && ov[2 * g + 1] > ov[2 * g];
}

/* whether the word [@start, @end) begins a link: a scheme (`https://`), or a host, a dotted
 * name whose last label is two letters or more, then a path that starts with a letter or
 * `~` (`line.me/R/…`); `pim.ch/0812345678`, an id then a phone number, is not one */
static gboolean
cblue_redact_is_link_start(const gchar *text, gsize start, gsize end)
{
	gsize label = end;

	if (strncmp(text + end, "://", 3) == 0)
		return TRUE;
	if (text[end] != '/' || !(g_ascii_isalpha(text[end + 1]) || text[end + 1] == '~'))
		return FALSE;
	while (label > start && g_ascii_isalpha(text[label - 1]))
		label--;
	return end - label >= 2 && label > start + 1 && text[label - 1] == '.';
}

/*
 * LINE / WeChat ids follow a keyword. An unambiguous keyword (ไลน์, 微信号, `line id`) is
 * enough; a common word (`line`, `wechat`, `wx`, `vx`) needs a `:` — or, for WeChat, an id
 * that has a digit, `_` or `-` (and for `wx`/`vx` starts with a letter), for LINE one that
 * looks like an id (`line Benz_1205`). Words between the keyword and the id: only an id
 * that looks like one: a letter, then a digit or `_` somewhere, six characters or more.
 */
static gsize
cblue_redact_check_chat(CblueRedactScan *scan, const CblueRedactRule *rule, const PCRE2_SIZE *ov)
{
	static const gchar *const stop_words[] = {"is",	  "please", "pls",    "below", "above", "here",  "there",
						  "later", "soon",   "only",   "same",  "the",   "and",   "for",
						  "thanks", "thank", "you",    "me",    "none",  "nil",   "null",
						  "ditto", "yes",    NULL};
	const gchar *text = scan->text;
	gsize start, end;
	gboolean weak = cblue_redact_group_set(ov, rule->weak_group);
	gboolean has_sep = cblue_redact_group_set(ov, rule->sep_group);
	gboolean colon = FALSE;
	gsize kw_start = weak ? ov[2 * rule->weak_group] : ov[2 * rule->strong_group];
	gsize kw_end = weak ? ov[2 * rule->weak_group + 1] : ov[2 * rule->strong_group + 1];
	gboolean kw_ascii = (guchar)text[kw_start] < 0x80;
	gboolean non_alpha = FALSE;
	gboolean id_like = FALSE;

	/* `:`, `=`, also between quotes: `"line":"mint_2536"` */
	for (gsize i = has_sep ? ov[2 * rule->sep_group] : 0; has_sep && i < ov[2 * rule->sep_group + 1]; i++)
		colon = colon || text[i] == ':' || text[i] == '=';
	cblue_redact_value_bounds(rule, ov, &start, &end);
	/* a link is not the id: `LINE: https://line.me/ti/p/~id`, `แอดไลน์ line.me/R/ti/p/~id`
	 * (the link's own keyword takes the id after the keyword is passed) */
	if (cblue_redact_is_link_start(text, start, end))
		return kw_end;
	/* a sentence goes on after the id: `line id: somchai.` */
	while (end > start + 1 && strchr("._-", text[end - 1]) != NULL)
		end--;
	for (gsize i = start; i < end; i++) {
		non_alpha = non_alpha || !g_ascii_isalpha(text[i]);
		id_like = id_like || g_ascii_isdigit(text[i]) || text[i] == '_';
	}
	id_like = id_like && end - start >= 6 && g_ascii_isalpha(text[start]);
	/* not past another keyword in the words: `ทักไลน์มาที่ไลน์ nattapong` */
	if ((cblue_redact_group_set(ov, rule->gap_group) || cblue_redact_group_set(ov, rule->clause_group) ||
	     cblue_redact_group_set(ov, rule->filler_group)) &&
	    !id_like)
		return kw_end;
	/* an English word after the keyword, also after a Thai one and its particle (`ไลน์ค่ะ
	 * thanks`), or after a form's label, whose field it fills (`Line ID: same`, `LINE: none`,
	 * `line id is same as my phone`) */
	if (!non_alpha) {
		g_autofree gchar *word = g_ascii_strdown(text + start, (gssize)(end - start));
		if (g_strv_contains(stop_words, word))
			return ov[1];
	}
	/* `line Benz_1205`, `wechat tang_yu45`: a common word, then what looks like an id, also
	 * after a word that says what it is (`我的LINE是 linda_zh`, `my line is jane_t88`) */
	if (weak && !(id_like && start > kw_end)) {
		/* wx, vx, 加v (加 is three bytes) */
		gboolean short_kw = kw_end - kw_start == 2 || (kw_end - kw_start == 4 && !kw_ascii);
		/* `加我vx wang_l88`, `加V wang_l88`: without the `:`, only an id that starts with a
		 * letter, as WeChat ids do, and has a digit, `_` or `-` */
		if (short_kw && !colon && !(g_ascii_isalpha(text[start]) && non_alpha))
			return ov[1];
		gboolean wechat = g_strcmp0(scan->kind->label, "WECHAT_ID") == 0;
		if (!colon && !(wechat && (has_sep || non_alpha)))
			return ov[1];
	}
	/* an id spelled out after a bare `line` (`line a b c 2`, a production line's name) needs a
	 * colon or `is`, as a customer who dictates it says it */
	if (weak && !has_sep && memchr(text + start, ' ', end - start) != NULL)
		return ov[1];
	/* `lineid` glued: not a keyword; but `line.me/ti/p/~id` is a link */
	if (!has_sep && kw_ascii && start == kw_end && g_ascii_isalnum(text[kw_end - 1]))
		return ov[1];
	cblue_redact_emit(scan, start, end, FALSE);
	return ov[1];
}

/* numbers in groups: phones, cards, Thai IDs, bank accounts */

/* the group sizes of @first..@last, e.g. "3.3.4" */
static gboolean
cblue_redact_groups_shape_in(const CblueRedactGroups *groups, guint first, guint last, const gchar *const *shapes)
{
	gchar shape[64] = "";
	gsize len = 0;
	for (guint j = first; j <= last && len + 5 < sizeof(shape); j++)
		len += (gsize)g_snprintf(shape + len, sizeof(shape) - len, "%s%u", j > first ? "." : "",
					 groups->groups[j].n_digits);
	return g_strv_contains(shapes, shape);
}

/* how people write national numbers; with a country code, any grouping is fine */
/* a Thai mobile number also two digits at a time, `08 12 34 56 78` (five groups: nothing else is
 * written so) */
static const gchar *const cblue_redact_th_mobile_shapes[] = {"10",    "3.3.4", "3.7", "2.4.4", "3.4.3",
							     "4.3.3", "2.8",   "4.6", "2.2.2.2.2", NULL};
static const gchar *const cblue_redact_th_landline_shapes[] = {"9", "2.3.4", "3.3.3", "1.4.4", "2.7", "3.6", NULL};
static const gchar *const cblue_redact_cn_mobile_shapes[] = {"11", "3.4.4", "3.8", NULL};
/* another country's ten digits (Malaysia's 019-592 2733, Taiwan's (02) 3039-9746), or nine
 * (Cambodia's 012 345 678, Myanmar's 09 123 4567) */
static const gchar *const cblue_redact_other_national_shapes[] = {"2.4.4", "3.3.4", "3.7", "3.3.3", "2.3.4", NULL};
static const gchar *const cblue_redact_cn_landline_shapes[] = {"11",	"12",	 "3.8",	  "4.7",   "4.8",
							       "3.4.4", "4.3.4", "4.4.4", "3.3.4", NULL};
/* twelve digits from 0 in three fours are as often a Thai bank's twelve-digit account (the
 * Government Savings Bank's, the BAAC's: `เลขบัญชี 0306-2284-6827`): a phone word must be near */
static const gchar *const cblue_redact_cn_landline_shapes_ambiguous[] = {"4.4.4", NULL};

/* a mobile number grouped as people write it (@shapes), or in any other grouping with one
 * kind of separator (`067 29 12 921`, `06-32-02-41-58`) when a phone word is near. Not
 * landlines: a Thai mobile number and a quantity after it (`081 234 5678 12`) are twelve
 * digits, as long as a Chinese landline. */
static gboolean
cblue_redact_phone_grouping_ok(const CblueRedactGroups *groups, guint first, guint last, const gchar *const *shapes,
			       gboolean *need_context)
{
	if (cblue_redact_groups_shape_in(groups, first, last, shapes))
		return TRUE;
	/* not dots: `170.114.44.217` is an IP address */
	if (first == last || !cblue_redact_groups_same_sep(groups, first, last, " -"))
		return FALSE;
	*need_context = TRUE;
	return TRUE;
}

/* whether a slash separates two groups of first..last (`062/0222181`): dates, house numbers
 * and codes have them too, so such a value is one only near its word */
static gboolean
cblue_redact_groups_have_slash(const CblueRedactGroups *groups, guint first, guint last)
{
	for (guint j = first + 1; j <= last; j++) {
		if (groups->groups[j].sep == '/')
			return TRUE;
	}
	return FALSE;
}

/* whether @code (two or three digits) is a country calling code: the codes of two digits
 * (ITU-T E.164), and of three those that do not start with one of them, nor with 1 or 7
 * (the codes are a prefix code) */
static gboolean
cblue_redact_is_country_code(const gchar *code, gsize n)
{
	static const gchar two[] = "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 "
				   "60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98 ";
	gboolean two_digit = FALSE;

	if (n < 2 || n > 3 || code[0] == '0')
		return FALSE;
	for (const gchar *p = two; *p != '\0'; p += 3)
		two_digit = two_digit || (p[0] == code[0] && p[1] == code[1]);
	return n == 2 ? two_digit : !two_digit && code[0] != '1' && code[0] != '7';
}

/* a country calling code in brackets without its `+`, as people write it before their
 * national number: `(852) 9178 2328`, `(65) 9123-4567` (not an area code: `(02) 123 4567`) */
static gboolean
cblue_redact_groups_bracketed_code(const CblueRedactGroups *groups, const gchar *text)
{
	const CblueRedactGroup *code = &groups->groups[0];

	if (groups->plus || groups->n_groups < 2 || text[groups->prefix_start] != '(' ||
	    !cblue_redact_is_country_code(text + code->start, code->n_digits))
		return FALSE;
	return memchr(text + groups->groups[1].sep_start, ')', groups->groups[1].start - groups->groups[1].sep_start) !=
	       NULL;
}

static gboolean
cblue_redact_window_phone(const CblueRedactGroups *groups, const gchar *text, guint first, guint last,
			  gboolean *need_context)
{
	gchar digits[64];
	guint n = cblue_redact_groups_digits(groups, text, first, last, digits, sizeof(digits));
	gboolean plus = first == 0 && (groups->plus || cblue_redact_groups_bracketed_code(groups, text));
	guint n_small = 0;
	gboolean international;
	CblueRedactPhoneKind kind;

	if (n < 8 || n > 15 || last - first > 5)
		return FALSE;
	/* at most one group of a single digit (`+66 8 1234 5678`, `0 2123 4567`), never the
	 * last: `0812345678 2 ชิ้น` is a phone and a quantity; the trunk 0 after a country code
	 * (`+66(0)2-951-0216`) is not counted */
	for (guint j = first; j <= last; j++) {
		const CblueRedactGroup *g = &groups->groups[j];
		if (plus && j == first + 1 && g->n_digits == 1 && text[g->start] == '0')
			continue;
		n_small += g->n_digits == 1 ? 1 : 0;
	}
	if (n_small > 1 || (last > first && groups->groups[last].n_digits == 1))
		return FALSE;
	international = plus || (digits[0] == '0' && digits[1] == '0') ||
			(n == 11 && g_str_has_prefix(digits, "66")) || (n == 13 && g_str_has_prefix(digits, "86"));
	*need_context = cblue_redact_groups_have_slash(groups, first, last);
	kind = cblue_redact_phone_classify(digits, n, plus);
	/* with a slash, only a national number in its usual groups */
	if (*need_context && kind != CBLUE_REDACT_PHONE_TH_MOBILE && kind != CBLUE_REDACT_PHONE_TH_LANDLINE &&
	    kind != CBLUE_REDACT_PHONE_CN_MOBILE)
		return FALSE;
	switch (kind) {
	case CBLUE_REDACT_PHONE_NONE:
		return FALSE;
	case CBLUE_REDACT_PHONE_TH_MOBILE:
		return international ||
		       cblue_redact_phone_grouping_ok(groups, first, last, cblue_redact_th_mobile_shapes, need_context);
	case CBLUE_REDACT_PHONE_TH_LANDLINE:
		return international ||
		       cblue_redact_groups_shape_in(groups, first, last, cblue_redact_th_landline_shapes);
	case CBLUE_REDACT_PHONE_CN_MOBILE:
		return international ||
		       cblue_redact_phone_grouping_ok(groups, first, last, cblue_redact_cn_mobile_shapes, need_context);
	case CBLUE_REDACT_PHONE_CN_LANDLINE:
		/* eleven digits from 09 are also a Myanmar mobile number (09 7xx xxx xxx), written in
		 * threes, or a Philippine one: in any grouping with one kind of separator, near a
		 * phone word, as a mobile number grouped otherwise */
		if (!international && n == 11 && digits[1] == '9' &&
		    !cblue_redact_groups_shape_in(groups, first, last, cblue_redact_cn_landline_shapes)) {
			static const gchar *const none[] = {NULL};
			return cblue_redact_phone_grouping_ok(groups, first, last, none, need_context);
		}
		/* eleven or twelve digits in one piece are as often an account number: a phone
		 * word must be near */
		*need_context = !international &&
				(first == last || cblue_redact_groups_shape_in(groups, first, last,
									      cblue_redact_cn_landline_shapes_ambiguous));
		return international ||
		       cblue_redact_groups_shape_in(groups, first, last, cblue_redact_cn_landline_shapes);
	case CBLUE_REDACT_PHONE_OTHER_NATIONAL:
		/* never a Thai number, and ten digits are as often a reference: only in a phone's
		 * groups and near a phone word */
		*need_context = TRUE;
		return cblue_redact_groups_shape_in(groups, first, last, cblue_redact_other_national_shapes);
	case CBLUE_REDACT_PHONE_INTERNATIONAL:
	default:
		/* `005565335210` in one piece, after `00`, is as often an account number */
		*need_context = !plus && first == last;
		return TRUE;
	}
}

static gboolean
cblue_redact_window_card(const CblueRedactGroups *groups, const gchar *text, guint first, guint last,
			 gboolean *need_context)
{
	static const guint8 amex[] = {4, 6, 5};
	static const guint8 diners[] = {4, 6, 4};
	gchar digits[64];
	guint n = cblue_redact_groups_digits(groups, text, first, last, digits, sizeof(digits));
	guint k = last - first + 1;

	if (n < 13 || n > 19 || (first == 0 && groups->plus))
		return FALSE;
	/* the lengths each network issues: Visa (4) 13, 16-19; Mastercard (2, 5) and
	 * Maestro, Discover, UnionPay (6), JCB (35) 16-19; Amex (34, 37) 15; Diners (30, 36,
	 * 38) 14-16. A 13-digit Visa number is rare enough to need a card word near it. */
	switch (digits[0]) {
	case '4':
		if (n < 16 && n != 13)
			return FALSE;
		*need_context = n == 13;
		break;
	case '2':
	case '5':
	case '6':
		if (n < 16)
			return FALSE;
		break;
	case '3':
		if (digits[1] == '4' || digits[1] == '7') {
			if (n != 15)
				return FALSE;
		} else if (digits[1] == '5') {
			if (n < 16)
				return FALSE;
		} else if (digits[1] == '0' || digits[1] == '6' || digits[1] == '8') {
			if (n < 14 || n > 16)
				return FALSE;
		} else {
			return FALSE;
		}
		break;
	default:
		return FALSE;
	}
	if (k > 1) {
		gboolean fours = k >= 4;
		for (guint j = first; j < last && fours; j++)
			fours = groups->groups[j].n_digits == 4;
		fours = fours && groups->groups[last].n_digits <= 4;
		if (!cblue_redact_groups_same_sep(groups, first, last, " -")) {
			/* groups of four with dots, or with spaces and dashes mixed
			 * (`4333.5272.9580.1544`, `5420 7416-2088 5350`): only near a card word */
			if (!fours || !cblue_redact_groups_seps_in(groups, first, last, " -."))
				return FALSE;
			*need_context = TRUE;
		}
		/* grouped otherwise (`4086 94040 9277 684`): only near a card word */
		if (!fours && !cblue_redact_groups_sizes_are(groups, first, last, amex, 3) &&
		    !cblue_redact_groups_sizes_are(groups, first, last, diners, 3))
			*need_context = TRUE;
	}
	return cblue_redact_luhn_valid(digits, n);
}

/* three groups or more, each of which ends where a group of the usual 1-2345-67890-12-3 ends:
 * the usual groups with a separator or two left out, as people type it (`16645-13486-81-6`,
 * `1103702071-62-5`) */
static gboolean
cblue_redact_th_id_groups_usual(const CblueRedactGroups *groups, guint first, guint last)
{
	guint at = 0;
	if (last - first < 2)
		return FALSE;
	for (guint j = first; j < last; j++) {
		at += groups->groups[j].n_digits;
		if (at != 1 && at != 5 && at != 10 && at != 12)
			return FALSE;
	}
	return TRUE;
}

static gboolean
cblue_redact_window_th_id(const CblueRedactGroups *groups, const gchar *text, guint first, guint last,
			  gboolean *need_context)
{
	static const guint8 sizes[] = {1, 4, 5, 2, 1};
	/* 1-2345-67890-123: the last two groups run together, as many people type it */
	static const guint8 sizes_short[] = {1, 4, 5, 3};
	gchar digits[64];
	guint n = cblue_redact_groups_digits(groups, text, first, last, digits, sizeof(digits));

	if (n != 13 || (first == 0 && groups->plus))
		return FALSE;
	if (first != last) {
		gboolean usual = cblue_redact_groups_sizes_are(groups, first, last, sizes, 5) ||
				 cblue_redact_groups_sizes_are(groups, first, last, sizes_short, 4);
		gboolean usual_ends = usual || cblue_redact_th_id_groups_usual(groups, first, last);
		/* grouped otherwise (`5 396 668 603 236`, not with dots: a version), or the usual
		 * groups with slashes: only near an ID word */
		if (!cblue_redact_groups_same_sep(groups, first, last, usual ? " -./" : " -")) {
			/* the usual groups with spaces and dashes mixed, as a card's printed groups
			 * are copied and then dashed (`1 3064-04992 50-2`): only near an ID word */
			if (!usual_ends || !cblue_redact_groups_seps_in(groups, first, last, " -"))
				return FALSE;
			*need_context = TRUE;
			return cblue_redact_th_id_valid(digits, n);
		}
		*need_context = !usual_ends || cblue_redact_groups_have_slash(groups, first, last);
	}
	return cblue_redact_th_id_valid(digits, n);
}

static gboolean
cblue_redact_window_bank(const CblueRedactGroups *groups, const gchar *text, guint first, guint last,
			 gboolean *need_context)
{
	static const guint8 thai[] = {3, 1, 5, 1};
	gchar digits[64];
	guint n = cblue_redact_groups_digits(groups, text, first, last, digits, sizeof(digits));

	if (n < 10 || n > 19 || last - first > 4 || (first == 0 && groups->plus) ||
	    cblue_redact_groups_have_slash(groups, first, last))
		return FALSE;
	/* an IPv4 address, four octets and dots, is the IP rule's, also near `账号` or
	 * `account`: `公网IP是171.43.44.161，远程账号…` (`999.999.999.999` is not one) */
	if (last - first == 3 && cblue_redact_groups_same_sep(groups, first, last, ".")) {
		gboolean octets = TRUE;
		for (guint j = first; j <= last && octets; j++) {
			const CblueRedactGroup *g = &groups->groups[j];
			octets = g->n_digits <= 3 && (g->n_digits == 1 || text[g->start] != '0') &&
				 g_ascii_strtoull(text + g->start, NULL, 10) <= 255;
		}
		if (octets)
			return FALSE;
	}
	/* xxx-x-xxxxx-x is a Thai account number wherever it is; anything else only near
	 * a bank or account word */
	*need_context = !(cblue_redact_groups_sizes_are(groups, first, last, thai, 4) &&
			  cblue_redact_groups_same_sep(groups, first, last, "-"));
	return TRUE;
}

G_ALWAYS_INLINE static inline void
cblue_redact_window_span(const CblueRedactGroups *groups, const gchar *text, gsize len, guint first, guint last,
			 gsize *start, gsize *end)
{
	const CblueRedactGroup *g = &groups->groups[first];
	gint open = 0;

	*start = first == 0 ? groups->prefix_start : g->start;
	if (first > 0) {
		/* ` (02) 123 4567`: the parenthesis belongs to the number */
		for (gsize i = g->sep_start; i < g->start; i++) {
			if (text[i] == '(') {
				*start = i;
				break;
			}
		}
	}
	*end = groups->groups[last].end;
	for (gsize i = *start; i < *end; i++)
		open += text[i] == '(' ? 1 : (text[i] == ')' ? -1 : 0);
	if (open > 0 && *end < len && text[*end] == ')')
		(*end)++;
	/* `(0812345678)`, `เลขบัตร (…)`: parentheses around the whole value are the text's */
	if (text[*start] == '(' && text[*end - 1] == ')') {
		open = 0;
		for (gsize i = *start; i < *end; i++) {
			open += text[i] == '(' ? 1 : (text[i] == ')' ? -1 : 0);
			if (open == 0 && i + 1 < *end)
				return;
		}
		(*start)++;
		(*end)--;
	}
}

/* `4018 0565 2498 8702 …`: a number that starts with three groups or more of four digits
 * (one separator) is a card, or a mistyped one; its block of fours is never split, so no
 * phone number is found inside it. Returns the group after the block, or 0. */
static guint
cblue_redact_groups_block_of_fours(const CblueRedactGroups *groups)
{
	guint n = 0;
	while (n < groups->n_groups && groups->groups[n].n_digits == 4 &&
	       (n == 0 || cblue_redact_groups_same_sep(groups, 0, n, " -")))
		n++;
	return n >= 3 ? n : 0;
}

/* `010-8765 4321-8021`: a phone number written out in groups may end before the dash of an
 * extension of one to four digits, the last group */
static gboolean
cblue_redact_is_extension(CblueRedactScan *scan, const CblueRedactGroups *groups, guint first, guint last)
{
	const CblueRedactGroup *ext = &groups->groups[last + 1];
	return last + 2 == groups->n_groups && ext->n_digits <= 4 && groups->groups[last].n_digits >= 4 &&
	       last > first && ext->sep == '-' && ext->start - ext->sep_start == 1 &&
	       scan->kind->window_ok == cblue_redact_window_phone;
}

/* whether a bracket opens, after a space, between a group inside first..last and the one before
 * it (`ต่อ 14 (065-915-1715)`, an extension and then a mobile number): what the brackets hold is a
 * value of its own or starts one (`(02) 123 4567`), never the tail of the number before them; but
 * for the trunk or the area code after a country code (`+66 (0)2 …`, `0086 (10) …`) */
static gboolean
cblue_redact_window_crosses_bracket(const CblueRedactGroups *groups, const gchar *text, guint first, guint last)
{
	for (guint j = first + 1; j <= last; j++) {
		const CblueRedactGroup *g = &groups->groups[j];
		const gchar *code = text + groups->groups[0].start;
		if (g->sep_space && g->sep == '(' && text[g->sep_start] == ' ' &&
		    !(j == 1 && (groups->plus || (code[0] == '0' && code[1] == '0'))))
			return TRUE;
	}
	return FALSE;
}

/* no value has more groups than `+66 (0) 81 234 5678` */
#define CBLUE_REDACT_MAX_VALUE_GROUPS 6

/* the longest window of whole groups that the rule accepts, then the same on each side;
 * a value may only start or end where a space separates two groups. Returns the end of
 * the last value emitted, or 0. */
static gsize
cblue_redact_windows(CblueRedactScan *scan, const CblueRedactGroups *groups, guint lo, guint hi)
{
	guint block = cblue_redact_groups_block_of_fours(groups);
	for (guint width = MIN(hi - lo, CBLUE_REDACT_MAX_VALUE_GROUPS); width >= 1; width--) {
		for (guint first = lo; first + width <= hi; first++) {
			guint last = first + width - 1;
			gboolean need_context = FALSE, own_shape;
			gsize start, end, right;
			if (first > 0 && !groups->groups[first].sep_space)
				continue;
			if (last + 1 < groups->n_groups && !groups->groups[last + 1].sep_space &&
			    !cblue_redact_is_extension(scan, groups, first, last))
				continue;
			/* a window holds the leading block of fours whole, or none of it */
			if (first < block && (first > 0 || last + 1 < block))
				continue;
			if (!scan->kind->window_ok(groups, scan->text, first, last, &need_context) ||
			    cblue_redact_window_crosses_bracket(groups, scan->text, first, last))
				continue;
			cblue_redact_window_span(groups, scan->text, scan->len, first, last, &start, &end);
			/* a Thai ID in its own groups, with dashes or spaces */
			own_shape = !need_context && first != last &&
				    scan->kind->window_ok == cblue_redact_window_th_id &&
				    cblue_redact_groups_same_sep(groups, first, last, " -");
			cblue_redact_emit_value(scan, start, end, need_context, own_shape);
			if (first > lo)
				cblue_redact_windows(scan, groups, lo, first);
			right = last + 1 < hi ? cblue_redact_windows(scan, groups, last + 1, hi) : 0;
			return MAX(end, right);
		}
	}
	return 0;
}

/* whether the letters before @end end an e-mail address (an `@` before them, a bounded distance
 * back, with only an address's characters between) */
static gboolean
cblue_redact_ends_email(const gchar *text, gsize end)
{
	for (gsize i = end; i > 0 && end - i < 256; i--) {
		gchar c = text[i - 1];
		if (c == '@')
			return TRUE;
		if (!g_ascii_isalnum(c) && strchr("._%+-", c) == NULL)
			break;
	}
	return FALSE;
}

/* `INV/0812345678`, `SO/…`, `www.shop.com/0898765432`: the tail of a code or a path; but
 * after an e-mail address the slash separates two values, `somsak@gmail.com/0812345678`,
 * and WhatsApp's click-to-chat link is a phone number's, `wa.me/66812345678`; a number with
 * its `+` is an international phone number, which no code writes (Telegram's link
 * `t.me/+66812345678`). Looks back a bounded distance. */
static gboolean
cblue_redact_is_code_tail(const gchar *text, gsize start)
{
	if (start < 2 || text[start] == '+' || text[start - 1] != '/' || !g_ascii_isalpha(text[start - 2]))
		return FALSE;
	if (start >= 6 && g_ascii_strncasecmp(text + start - 6, "wa.me", 5) == 0 &&
	    (start == 6 || !g_ascii_isalnum(text[start - 7])))
		return FALSE;
	return !cblue_redact_ends_email(text, start - 1);
}

/* whether the letters glued to a number at @start are a phone word, typed in a hurry
 * without a space: `tel0812345678`, `Mobile0812345678` (not `SN0891234567`, a serial) */
static gboolean
cblue_redact_after_phone_word(const gchar *text, gsize start)
{
	static const gchar *const words[] = {"tel", "phone", "mobile", "mob", "cell", "call", NULL};
	gsize i = start;

	while (i > 0 && start - i <= 6 && g_ascii_isalpha(text[i - 1]))
		i--;
	if (i > 0 && g_ascii_isalpha(text[i - 1]))
		return FALSE;
	for (guint j = 0; words[j] != NULL; j++) {
		if (strlen(words[j]) == start - i && g_ascii_strncasecmp(text + i, words[j], start - i) == 0)
			return TRUE;
	}
	return FALSE;
}

/* whether the letters glued to a number at @start are a label's last word, `number` or `no`,
 * whose space OCR or a hurried typist dropped: `Identification Number1 1037 02071 62 5`; the
 * number is then weighed as if the space were there (not `SN0891234567`, a serial) */
static gboolean
cblue_redact_after_label_word(const gchar *text, gsize start)
{
	static const gchar *const words[] = {"number", "no", NULL};

	for (guint j = 0; words[j] != NULL; j++) {
		gsize n = strlen(words[j]);
		if (start >= n && g_ascii_strncasecmp(text + start - n, words[j], n) == 0 &&
		    (start == n || !g_ascii_isalpha(text[start - n - 1])))
			return TRUE;
	}
	return FALSE;
}

/* the country code before a number written one digit at a time, `(+66) 9 2 6 5 …`: 1, else 0 */
static guint
cblue_redact_groups_code_lead(const CblueRedactGroups *groups)
{
	return groups->plus && groups->n_groups > 1 && groups->groups[0].n_digits <= 3 ? 1 : 0;
}

/* the separators between digits written one at a time: spaces, or one mark with or without
 * spaces around it, as people hide a number from robots or read it out (`0.8.1.2…`,
 * `0/8/1/2…`, `0-8-1-2…`, `0 . 8 . 1 …`, also the usual groups' dashes between spaces: `0 8 1 -
 * 2 3 4 - …`); never two kinds of marks */
static gboolean
cblue_redact_digit_seps_ok(const CblueRedactGroups *groups, guint first, guint last)
{
	gchar mark = 0;

	if (!cblue_redact_groups_seps_in(groups, first, last, " .-/"))
		return FALSE;
	for (guint j = first + 1; j <= last; j++) {
		gchar sep = groups->groups[j].sep;
		if (sep == ' ')
			continue;
		if (mark != 0 && sep != mark)
			return FALSE;
		mark = sep;
	}
	return TRUE;
}

/* one digit at a time, as voice typing writes a number out (`0 8 1 2 3 4 5 6 7 8`) or as people
 * hide it (`0.8.1.2…`): a phone number (also after its country code), a Thai ID or a bank
 * account, only near its word */
static void
cblue_redact_check_digit_by_digit(CblueRedactScan *scan, const CblueRedactRule *rule, const CblueRedactGroups *groups)
{
	gchar digits[64];
	guint lead = cblue_redact_groups_code_lead(groups);
	guint last = groups->n_groups - 1;
	guint n = cblue_redact_groups_digits(groups, scan->text, 0, last, digits, sizeof(digits));
	gsize start, end;

	for (guint j = lead; j <= last; j++) {
		if (groups->groups[j].n_digits != 1)
			return;
	}
	if (!cblue_redact_digit_seps_ok(groups, lead, last))
		return;
	cblue_redact_window_span(groups, scan->text, scan->len, 0, last, &start, &end);
	for (guint i = 0; i < rule->kinds->len; i++) {
		gboolean ok = FALSE;
		scan->kind = g_ptr_array_index(rule->kinds, i);
		if (scan->kind->window_ok == cblue_redact_window_phone) {
			CblueRedactPhoneKind kind = cblue_redact_phone_classify(digits, n, groups->plus);
			ok = kind == CBLUE_REDACT_PHONE_TH_MOBILE || kind == CBLUE_REDACT_PHONE_TH_LANDLINE ||
			     kind == CBLUE_REDACT_PHONE_CN_MOBILE || (groups->plus && kind != CBLUE_REDACT_PHONE_NONE);
		} else if (groups->plus) {
			continue;
		} else if (scan->kind->window_ok == cblue_redact_window_th_id) {
			ok = n == 13 && cblue_redact_th_id_valid(digits, n);
		} else if (scan->kind->window_ok == cblue_redact_window_bank) {
			/* `my Krungsri account is 6 6 3 8 …`: ten digits or more */
			ok = n >= 10;
		}
		if (ok)
			cblue_redact_emit(scan, start, end, TRUE);
	}
}

/* whether the number at @start has its `+` percent-encoded, as a link's query writes it
 * (`?phone=%2B66812345678`, `tel:%2B86…`) */
static gboolean
cblue_redact_after_encoded_plus(const gchar *text, gsize start)
{
	return start >= 3 && text[start - 3] == '%' && text[start - 2] == '2' && (text[start - 1] | 0x20) == 'b';
}

/* whether the number at @start is WhatsApp's, whose links write it in international form
 * without its `+`: `wa.me/66812345678`, `api.whatsapp.com/send?phone=66812345678`, also with
 * the trunk 0 kept after the country code (`wa.me/660812345678`) */
static gboolean
cblue_redact_in_whatsapp_link(const gchar *text, gsize start)
{
	if (start < 6 || (text[start - 1] != '/' && text[start - 1] != '='))
		return FALSE;
	if (g_ascii_strncasecmp(text + start - 6, "wa.me/", 6) == 0)
		return start == 6 || !g_ascii_isalnum(text[start - 7]);
	return start >= 7 && g_ascii_strncasecmp(text + start - 6, "phone=", 6) == 0 &&
	       (text[start - 7] == '?' || text[start - 7] == '&');
}

/* a number in groups, parsed once and offered to every kind (Thai ID, card, phone, bank
 * account), in order of preference */
static gsize
cblue_redact_check_numbers(CblueRedactScan *scan, const CblueRedactRule *rule, const PCRE2_SIZE *ov)
{
	CblueRedactGroups groups;
	gsize last_end = 0;
	guint lead;
	gboolean encoded_plus = cblue_redact_after_encoded_plus(scan->text, ov[0]);
	/* glued to letters: the tail of a code, or after a phone word only a phone number; but
	 * glued to an e-mail address, as a form pasted without its line breaks has it
	 * (`somchai@gmail.com0812345678`), the next field's value */
	gboolean glued = ov[0] > 0 && g_ascii_isalpha(scan->text[ov[0] - 1]) && !encoded_plus &&
			 !cblue_redact_after_label_word(scan->text, ov[0]) &&
			 !cblue_redact_ends_email(scan->text, ov[0]);

	if (glued && !cblue_redact_after_phone_word(scan->text, ov[0])) {
		/* the rest may hold a value: `x2 0812345678` */
		gsize next = ov[0];
		while (next < ov[1] && g_ascii_isdigit(scan->text[next]))
			next++;
		return next;
	}
	if (cblue_redact_is_code_tail(scan->text, ov[0]) ||
	    !cblue_redact_groups_parse(&groups, scan->text, ov[0], ov[1]))
		return ov[1];
	/* `%2B` is the number's `+`, and part of the value */
	if (encoded_plus && !groups.plus) {
		groups.plus = TRUE;
		groups.prefix_start = ov[0] - 3;
	}
	if (!groups.plus && scan->text[ov[0]] != '0' && cblue_redact_in_whatsapp_link(scan->text, ov[0]))
		groups.plus = TRUE;
	lead = cblue_redact_groups_code_lead(&groups);
	if (groups.n_groups >= 9 && groups.n_groups <= 13 + lead && groups.groups[lead].n_digits == 1 &&
	    groups.groups[lead + 1].n_digits == 1) {
		if (!glued)
			cblue_redact_check_digit_by_digit(scan, rule, &groups);
		return ov[1];
	}
	for (guint i = 0; i < rule->kinds->len; i++) {
		scan->kind = g_ptr_array_index(rule->kinds, i);
		if (glued && scan->kind->window_ok != cblue_redact_window_phone)
			continue;
		last_end = MAX(last_end, cblue_redact_windows(scan, &groups, 0, groups.n_groups));
	}
	/* the pattern takes at most 48 pieces: a value may go on past the candidate, so its
	 * last groups are looked at again with what follows; every group is looked at a
	 * bounded number of times, whatever the text */
	if (groups.n_groups >= CBLUE_REDACT_MAX_VALUE_GROUPS)
		return MAX(last_end, groups.groups[groups.n_groups - CBLUE_REDACT_MAX_VALUE_GROUPS + 1].sep_start);
	return ov[1];
}

/* the built-in rules */

/* the label of a contact's next field, glued to the number before it when a pasted form or
 * signature lost its line breaks (`Tel 0812345678Email nok@…`, `Tel:0812345678Fax:021234567`):
 * the number ends there */
#define CBLUE_REDACT_NEXT_LABEL "(?i:fax|e-?mail|tel(?:ephone)?|phone|mobile|line|wechat|website|www)(?![A-Za-z])"

/* digits in groups, e.g. `081-234-5678`, `(02) 123 4567`, `+66 81 234 5678`, `4111 1111
 * 1111 1111`, `062/0222181`; not glued to a longer number, nor the tail of a code such as
 * `SO-0812345678` (nor `INV/0812345678`: cblue_redact_is_code_tail()); glued to letters,
 * `SN0891234567`, only after a phone word typed without its space, `tel0812345678`
 * (cblue_redact_check_numbers(): cheaper than a look-behind at every digit); but
 * `Tel.0812345678` is a phone, and so are both numbers of `081-234-5678/089-876-5432` (a
 * slash separates values as a space does); a group right before `:` and a digit is a time's
 * hour, or a ratio's, and no part of the number (`2025-11-28 14:32` near a bank word); a
 * contact's next label may follow with no space (CBLUE_REDACT_NEXT_LABEL); markdown's italic
 * underscores may stand around it (`_my number is 0812345678_`), not an identifier's
 * (`SN_0812345678`, `0812345678_v2`) */
#define CBLUE_REDACT_NUMBER_PATTERN                                                                           \
	"(?<![0-9])(?<![0-9A-Za-z]_)(?<![0-9A-Za-z]__)(?<![0-9A-Za-z]-)(?<![0-9]\\.)"                           \
	"(?:\\+ ?|\\(\\+?(?=[0-9]))?[0-9]"                                                                      \
	"(?:[0-9]|[ ./\\-()]{1,3}(?=[0-9])){5,48}"                                                              \
	"(?:(?![0-9A-Za-z_])|(?=_{1,2}(?![0-9A-Za-z_]))|(?=" CBLUE_REDACT_NEXT_LABEL "))(?!:[0-9])"

/* Context words. Latin words must start a word and may go on (`bank` is also `banking`);
 * a trailing `$` asks them to end one too (`ttb$` is not `ttbx`). ASCII case is ignored. */

/* words that make a number an order, invoice, tracking, model, meter, customer or
 * contract number */
static const gchar *const cblue_redact_reference_words[] = {
    "order",	  "invoice",	 "inv$",	"tracking",    "ref$",	       "reference",   "sku$",
    "serial",	  "s/n",	 "barcode",	"ean$",	       "isbn",	       "po$",	      "model",
    "meter",	  "customer no", "customer id", "contract",    "เลขพัสดุ",    "พัสดุ",	      "คำสั่งซื้อ",
    "ใบสั่งซื้อ",  "เลขที่ใบ",	 "ใบแจ้งหนี้",	"ใบเสร็จ",      "รหัสสินค้า",   "ออเดอร์",      "มิเตอร์",
    "ผู้ใช้ไฟ",	  "รหัสลูกค้า",	 "ลูกค้าเลขที่", "เลขที่สัญญา", "สัญญาเลขที่", "订单",	      "运单",
    "单号",	  "快递",	 "条码",	"发票",	       "型号",	       "编号",	      "客户号",
    "合同号",	  "账单号",	 "户号",	"电表",
    /* a product's serial and part numbers */
    "sn$", "p/n", "part no", "imei",
    /* the whole of the usual labels that a stem above starts, so that a label right before a
     * phone-shaped number is seen as one (`หมายเลขผู้ใช้ไฟฟ้า 020012345678`, not `ผู้ใช้ไฟ` and
     * then other words) */
    "ผู้ใช้ไฟฟ้า", "มิเตอร์ไฟฟ้า", "ใบเสร็จรับเงิน",
    /* an account that is the electricity authority's, not a bank's: as close to the value as the
     * bank word it ends with (cblue_redact_emit()) */
    "electricity account", "pea account", "mea account", "contract account", "บัญชีแสดงสัญญา", "电费账户",
    "电费账号", "電費帳戶",
    /* and its short label on the PEA's bill, `CA No. 020012345678`, `หมายเลขผู้ใช้ไฟฟ้า (CA) …` (the
     * bill's phone number is often beside it), and after the authority's name, as a customer
     * writes it (`my PEA CA 020012345678`); not `ca` alone, which starts too many words to be
     * looked for cheaply (call, can, card…) */
    "ca no", "ca:", "ca)", "pea ca$", "mea ca$",
    /* a transfer slip's own numbers, next to the banks' names: `เลขที่รายการ 2025…`, `รหัสอ้างอิง …`,
     * `Transaction ID …`, `流水号 …` (a slip's reference, not an account) */
    "transaction", "transaction id", "transaction no", "txn$", "เลขที่รายการ", "อ้างอิง", "流水号", "交易流水",
    "交易号", "参考号", "凭证号",
    /* and its date and time, which a bank's app may print in one piece (`交易时间：20251128143205`) */
    "交易时间", "交易日期", "转账时间", "转账日期", "交易時間", "轉帳時間", "วันที่ทำรายการ", "เวลาทำรายการ",
    /* the numbers of the other papers of a sale and of a bill, which a customer pastes with them
     * (`receipt no. 0891234567`, `PEA bill no. 0812345678`, `ใบกำกับภาษีเลขที่ …`, `เลขที่ใบเสนอราคา …`,
     * `收据号 …`): their whole labels only, as a person's ID is asked for on a tax invoice or a
     * receipt (`ใช้เลขบัตรนี้ออกใบกำกับภาษีนะคะ …`) */
    "receipt no", "receipt number", "receipt #", "quotation no", "quotation number", "quotation #",
    "delivery note no", "bill no", "bill number", "bill #", "เลขที่บิล", "บิลเลขที่", "เลขที่ใบกำกับภาษี",
    "ใบกำกับภาษีเลขที่", "เลขที่ใบเสนอราคา", "ใบเสนอราคาเลขที่",
    "เลขที่ใบส่งของ", "ใบส่งของเลขที่", "เลขที่ใบส่งสินค้า", "ใบส่งสินค้าเลขที่", "收据号", "收据编号", "收據號",
    "收據編號",
    /* an installer's or a help desk's own numbers, which a job sheet or a site-visit note typed into
     * the chat carries beside the customer's (`Job No. 0812345678`, `ticket 0861234567`, `ใบงานเลขที่
     * 0812345678`, `工单 13812345678`); `job` only with its label's `no`, `number`, `#` or `id`. Not
     * `case no` nor `meter reading`: each word starting with `ca` or `me`, common bytes, is one more
     * comparison wherever they are (0.3% of the corpus's time for the two) */
    "job no", "job number", "job #", "job id", "ticket",
    "ใบงาน", "เลขที่งาน", "หมายเลขงาน", "ใบแจ้งซ่อม", "工单", "报修单", "维修单",
    /* misspelt: `oder no` (not German's oder alone) */
    "oder no", NULL,
};

/* words that say a number is a phone number (a company's switchboard, 总机, an extension's 分机
 * and to dial, 拨打, too); and how they are often misspelt: เบอ (เบอร์ without its last letters), โทสับ
 * (โทรศัพท์), mobil, phnoe, 电化 (电话, a homophone the pinyin input method offers first) */
static const gchar *const cblue_redact_phone_words[] = {
    "โทร", "เบอ", "มือถือ", "ติดต่อ", "tel", "phone", "call", "mobil", "mob$", "cell", "contact", "whatsapp",
    "电话", "電話", "手机", "手機", "座机", "座機", "总机", "總機", "分机", "分機", "拨打", "撥打", "联系", "致电", "热线",
    "fax", "แฟกซ์", "传真", "傳真", "h/p", "handphone",
    "โทสับ", "phnoe", "电化",
    /* how people name their own number: `my number: 0 8 1 …`, `my no. is 08647-72273`, `我的号码`
     * (not 号码 alone: an invoice's, an order's or an ID card's number is one too) */
    "my number", "my no$", "我的号码", "我的號碼",
    /* and someone's own, private one: `his personal number`, `私人号码`; `reach me at`, to call
     * back (回电) */
    "personal number", "private number", "私人号码", "私人號碼", "个人号码", "個人號碼", "reach me", "回电",
    "回電", NULL,
};

/* banks by their Thai, English and short names (Chinese ones say 银行); `acc`, account shortened
 * as a chat types it (`refund to my acc 1234567890`, `acc no.`), a word of its own only: not
 * accessories, accept, according */
static const gchar *const cblue_redact_bank_words[] = {
    "บัญชี", "บันชี", "บช", "บ/ช", "ธนาคาร", "ธ.", "พร้อมเพย์", "promptpay", "account", "acct$", "acc$", "a/c", "bank",
    "iban$", "transfer", "โอน", "账号", "帐号", "账户", "帐户", "银行", "开户", "收款", "转账", "汇款", "户名",
    "帳號", "帳戶", "銀行", "開戶", "匯款", "轉帳", "戶名",
    "กสิกร", "kasikorn", "kbank", "ไทยพาณิชย์", "scb$", "กรุงไทย", "krungthai", "ktb$", "กรุงศรี", "krungsri",
    "ออมสิน", "gsb$", "ทหารไทย", "ธนชาต", "ttb$", "ธ.ก.ส", "ธกส", "baac$", "bbl$", "ยูโอบี", "uob$", "ซีไอเอ็มบี",
    "cimb$", "ทิสโก้", "tisco$", "เกียรตินาคิน", "kkp$", "แลนด์ แอนด์ เฮ้าส์", "ไอซีบีซี", "icbc$",
    /* the Thai banks' Chinese names, often without 银行: Kasikorn (and its older name), SCB,
     * Krungthai, Bangkok Bank; not Krungsri's 大城, which is also a big city */
    "开泰", "開泰", "泰华农民", "泰華農民", "汇商", "匯商", "泰京", "盘谷", "盤谷",
    /* the neighbours' big banks whose names do not start with `bank`, as foreign customers and
     * workers name them: Malaysia's Maybank and RHB, Vietnam's, Laos's BCEL, Myanmar's KBZ */
    "maybank", "rhb$", "vietcombank", "techcombank", "vietinbank", "agribank", "bidv$", "bcel$", "kbz$", NULL,
};

/* `identification`: the English side of the Thai ID card labels its number `Identification Number` */
static const gchar *const cblue_redact_th_id_words[] = {
    "ประชาชน", "บัตรประจำตัว", "เลขประจำตัว", "ปชช", "เลขบัตร", "citizen", "national id", "id card", "id$",
    "identification", "身份证", "身份證", NULL,
};

/* not บัตร alone: เลขบัตร (card number) is what Thai people say of their ID card */
static const gchar *const cblue_redact_card_words[] = {
    "card",    "credit", "debit", "visa", "master", "amex", "unionpay", "บัตรเครดิต", "บัตรเดบิต", "วีซ่า", "ตัดบัตร",
    "รูดบัตร",
    "信用卡", "银行卡", "借记卡", "卡号", "银联", NULL,
};

static const gchar *const cblue_redact_ip_words[] = {"ip$", "address", "addr", "host", "server", "ไอพี", "地址", NULL};

static const gchar *const cblue_redact_version_words[] = {
    "version", "ver$", "firmware", "fw$", "build", "release", "rev$", "protocol", "เวอร์ชัน", "เวอร์ชั่น", "รุ่น", "版本",
    "เฟิร์มแวร์", "เฟิมแวร์",
    "固件", NULL,
};

/* ไลน์, also without its last mark (ไลน), as it is often typed */
static const gchar *const cblue_redact_line_words[] = {"line", "ไลน", NULL};

static const gchar *const cblue_redact_email_words[] = {
    "email", "e-mail", "emial", "e-mial", "mail", "อีเมล", "เมล", "邮箱", "郵箱", "邮件", "電郵", "メール", "이메일", NULL,
};

static const gchar *const cblue_redact_passport_words[] = {
    "passport", "pasport", "passpost", "pass no", "หนังสือเดินทาง", "พาสปอร์ต", "พาสปอต", "เลขพาส", "护照", "護照",
    "旅行证件", "パスポート", "旅券", "여권", NULL,
};

typedef struct {
	const gchar *name;
	const gchar *label;
	const gchar *pattern; /* NULL: a kind of number in groups (CBLUE_REDACT_NUMBER_PATTERN) */
	CblueRedactCheckFunc check;
	CblueRedactWindowFunc window_ok;
	CblueRedactTrigger trigger;
	gsize lookback;
	guint min_digits;
	CblueRedactValidator validator;
	const gchar *const *context;
	gboolean context_required;
	const gchar *const *negative;
	gboolean negative_adjacent;
	/* a run with fewer digits than this (but min_digits) is looked at only with two letters
	 * right before it, as France's passport 12AB34567 has; 0: every run of min_digits */
	guint min_digits_alone;
} CblueRedactBuiltin;

/* a digit said as a word (cblue_redact_spoken_digits), or written */
#define CBLUE_REDACT_SPOKEN_DIGIT \
	"(?<![A-Za-z])(?i:(?:double |triple )?(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine))(?![A-Za-z])|" \
	"ศูนย์|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|โท(?![รษ])|[零〇幺一二两三四五六七八九]|[0-9]"

/* a number said a digit a word, written digits between, at most three spaces, commas or dashes
 * apart (`oh six two - four one oh …`), and an ID's check character `X` at its end; one rule for
 * every type that is read out so (cblue_redact_check_spoken()) */
#define CBLUE_REDACT_SPOKEN_NUMBER \
	"(?:" CBLUE_REDACT_SPOKEN_DIGIT ")(?:[ ,\\-]{0,3}+(?:" CBLUE_REDACT_SPOKEN_DIGIT ")){6,18}" \
	"(?: ?[Xx](?![A-Za-z]))?"

/* whose id it is, between a chat keyword and the id: `ไลน์ไอดีผม boy.solar88`, `ไลน์ของเรา …`,
 * and the polite particle that ends a Thai reply before the value: `ไลน์ผมครับ tee.tanakorn`,
 * `ไลน์ค่ะ mint.k` */
#define CBLUE_REDACT_THAI_PRONOUN \
	"(?:(?:ของ)?(?:ผม|ดิฉัน|ฉัน|หนู|เรา|พี่|น้อง)\\s*+)?(?:(?:นะ)?(?:ครับ|คับ|ค่ะ|คะ|ค่า|จ้า|จ้ะ)\\s*+)?"

/* an English clause between a chat keyword and the id that names the id after the app, as a long
 * message says whose it is (`my partner only uses WeChat, his id is chen_0844`, `I'm on LINE, my
 * username: nok_2536`), or a form's or a note's label that names the field, maybe after a word that
 * says which (`LINE name: nok_2536`, `WeChat account: chen_0844`, `our LINE group admin: baan_72`),
 * or whose it is after `of` or `for` (`WeChat of my wife: lin_8989`, `LINE for my son: tee_2536`);
 * always before `is`, `:` or `=`. Then only an id that looks like one (cblue_redact_check_chat()).
 * It is tried before the Thai pronoun, which may be empty: a bare `line` would otherwise take the
 * label's word for its id (`LINE name`) and turn it away; and before the Thai or Chinese gap, whose
 * comma alone would take `his` for the id */
#define CBLUE_REDACT_CHAT_CLAUSE \
	"(?<clause>,?\\s*+(?i:(?:my|his|her|our|their|your|the)\\s++)?(?:[A-Za-z]{2,12}+\\s++)?" \
	"(?i:id|username|user\\s?name|name|account|acc|contact|admin|handle|profile)\\s*+(?=is\\b|[:=])|" \
	"\\s*+(?i:of|for)\\s++(?i:my|his|her|our|their|your|the)\\s++[A-Za-z]{2,12}+\\s*+(?=is\\b|[:=]))"

/* a few Thai or Chinese words between a chat keyword and the id (`line id ที่ถูกคือ mint_2536`,
 * `微信号发错了，应该是 zhou_lei_1990`, `ขอ wechat ไว้ได้ไหม tang_yu45`): then only an id that
 * looks like one (cblue_redact_check_chat()) */
#define CBLUE_REDACT_CHAT_GAP "(?<gap>[\\p{Thai}\\p{Han},、]{1,16}?\\s?)"

/* a word of a reply between a chat keyword and the id: `line id ok tonsolar88`, `wechat id
 * pls lily_88`, or the keyword used as a verb: `line me at jane_t88`, `wechat me on
 * lily_88`; then, too, only an id that looks like one */
#define CBLUE_REDACT_CHAT_FILLER "(?<filler>(?i:ok|okay|here|pls|please|me(?:\\s++(?:at|on))?)[:,]?\\s++)?+"

/* a dash after a chat keyword, as a label's (`Line id - mike_th88`, `微信 – lily_88`), is read
 * as the space after it: a bare `line` still needs an id that looks like one (`line - 120`) */
#define CBLUE_REDACT_CHAT_DASH "(?:-\\s++)?+"

/* the marks a chat app's formatting or a form's label puts around a chat keyword, its colon or
 * the id: markdown's bold and code (`**LINE:** ploy_bkk88`, `LINE: *mint_2536*`), a label in
 * brackets (`[LINE] nok_2536`, `【微信】lily_88`), also after an emoji (`LINE👉 *nok_2536*`); read
 * as a space. Only closing brackets: an opening one starts a remark (`ไลน์ (ถ้ามี) : id`), and `_`
 * and `~` may be an id's own */
#define CBLUE_REDACT_CHAT_MARK "(?:[*`\\])\\x{3011}\\x{300D}\\x{300F}]{1,3}+\\s*+)?+"

/* markdown's italic underscore that closes a keyword right before its colon (`_LINE_: earth_7137`,
 * `_WeChat_: lily_88`); only there, as `_` may be an id's own */
#define CBLUE_REDACT_CHAT_ITALIC "(?:_(?=[:=]))?+"

/* an id in brackets or quotes of its own, as a value in a form or a chat is given: `LINE ID:
 * (somchai_88)`, `微信（wxid_abc123）`, `WeChat ID "zhang_88"`; the closing mark must follow the
 * id, so a remark in brackets between keyword and id (`line id (pls add) nok_2536`) is none */
#define CBLUE_REDACT_CHAT_OPEN "(?:(?<open>[(\\[\\x{300C}\\x{300E}\\x{FF08}\"\\x{201C}'])\\s*+)?"
#define CBLUE_REDACT_CHAT_CLOSE "(?(open)\\s*+[)\\]\\x{300D}\\x{300F}\\x{FF09}\"\\x{201D}'])"

/* `:` or `=` between a chat keyword and the id, also between JSON's quotes:
 * `"line":"mint_2536"` (not `"line": 42`, a number) */
#define CBLUE_REDACT_CHAT_COLON "(?:[:=]|[\"']\\s*+[:=]\\s*+[\"'])"

/* a vCard's instant-messaging line, as a phone exports a contact that is then pasted: the
 * parameters after the service's name, then the scheme of the value's URI, read as the colon
 * (`IMPP;X-SERVICE-TYPE=Line;type=pref:x-apple:somchai.k88`, `X-SERVICE-TYPE=WeChat:x-apple:zhang_88`);
 * a link's `scheme://` is no such scheme */
#define CBLUE_REDACT_CHAT_URI \
	"(?:;[A-Za-z\\-]{1,20}+=[A-Za-z0-9,\\-\"]{1,24}+){0,4}+:[A-Za-z][A-Za-z0-9+.\\-]{1,15}+:(?!/)"

/* an arrow typed in ASCII between a chat keyword and the id (`Line ID -> nok_2536`, `WeChat => lily_88`),
 * or a dash after a form's colon (`Line id:- nok_2536`, as forms in South and Southeast Asia write
 * it), read as a space, as the emoji's arrows are */
#define CBLUE_REDACT_CHAT_ARROW "(?:(?:[\\-=]{1,2}>|>|-(?=\\s))\\s*+)?+"

/* a remark in brackets between a chat keyword and a form's colon (`WeChat ID (personal): lily_88`,
 * `ไลน์ (ถ้ามี) : nok_2536`, `微信（私人）：zhang_88`): words without a digit, passed over, so the
 * remark is not taken for an id in brackets of its own and the id after the colon is found */
#define CBLUE_REDACT_CHAT_REMARK \
	"(?:\\s*+[(\\x{FF08}][^()\\x{FF08}\\x{FF09}:0-9]{1,24}+[)\\x{FF09}]\\s*+(?=[:=\\x{FF1A}]))?+"

/* what follows an id: not another of its characters, nor a `:` and what looks like an id, which
 * makes it a URI's scheme (`x-apple:zhang_88`); an emoticon may follow (`nok_2536:D`) */
#define CBLUE_REDACT_CHAT_SCHEME_AHEAD ":[A-Za-z0-9][A-Za-z0-9._\\-]{2}"
#define CBLUE_REDACT_CHAT_ID_END "(?![A-Za-z0-9._\\-]|" CBLUE_REDACT_CHAT_SCHEME_AHEAD ")"

/* an id spelled a character at a time, as it is read out or dictated (`n o k 6 4 5 3`, `l i n d a
 * 3 7`, `t e e 9141`, `p o n d _ 5 1`): a letter, then at least three more characters each after
 * a space or a dash, a digit or `_` among them, the digits of its end maybe in one piece; after a
 * bare `line` only with a colon or `is` (cblue_redact_check_chat()) */
#define CBLUE_REDACT_CHAT_SPELLED \
	"[A-Za-z](?=(?:[ \\-][A-Za-z.])*+[ \\-][0-9_])(?:[ \\-](?:[A-Za-z_.]|[0-9]{1,6}+)(?![A-Za-z0-9])){3,23}+"

/* an emoji or an arrow between a chat keyword and the id, as customers point at it (`ไลน์👉nok.2536`,
 * `加我微信👉zhou_lei_1990`, `my line is ➡️ pim.ch2020`): pictographs, dingbats, arrows, their
 * variation selector, zero-width joiner and skin tones, read as a space */
#define CBLUE_REDACT_CHAT_EMOJI \
	"(?:[\\x{1F000}-\\x{1FAFF}\\x{2190}-\\x{21FF}\\x{2600}-\\x{27BF}\\x{2B00}-\\x{2BFF}\\x{FE0F}\\x{200D}]{1,8}+\\s*+)?+"

/* digits glued to an address's last label that are not the next field's number (six digits or
 * more, as a form pasted without its line breaks has it: `somchai@gmail.com0812345678`): a label
 * of letters and digits, which no top-level domain is */
#define CBLUE_REDACT_NOT_NEXT_NUMBER "[0-9](?![0-9]{5,}+(?![A-Za-z0-9._@\\-]))"

static const CblueRedactBuiltin cblue_redact_builtins[] = {
    {"email", "EMAIL",
     /* local@domain.tld, also `name @ example.com` (or a space on one side only:
      * cblue_redact_email_one_space_ok()), a comma for the dot before `com`, `net`, `org`,
      * `co` or `th` (`name@gmail,com`), and obfuscated: name [at] example [dot] com,
      * `(at)`, `{at}`, `[@]`, `[.]`, or only the dots spelled (`name@gmail dot com`, also as voice
      * typing writes them in Thai and Chinese: `name@gmail ดอท com`, `name@qq点com`); Thai
      * domain labels (`ร้าน.ไทย`), punycode (`xn--o3cw4h`); a hyphen not followed by a letter
      * or digit ends the address (`email-a@b.com-ขอบคุณ`), and one before it, or an e-mail word
      * and a hyphen, is left out (cblue_redact_email_label_length()); a space around the dots
      * (`pim . s @ gmail . com`: cblue_redact_email_spaced_start()); `#` for the `@` before a webmail
      * provider's domain, as Chinese sites hide addresses from robots (`wangfang#126.com`); `%40`
      * for the `@`, as a link's query encodes it (`?email=somchai%40gmail.com`) */
     "(?<![A-Za-z0-9._%+\\-])[A-Za-z0-9_%+\\-][A-Za-z0-9._%+\\-]{0,63}(?: \\. [A-Za-z0-9_%+\\-]{1,63}){0,3}"
     "(?: ?@ ?|%40(?=[A-Za-z0-9])|#(?=(?i:" CBLUE_REDACT_WEBMAIL ")\\.)|\\s?[\\[({]\\s?(?:(?i:at)|@)\\s?[\\])}]\\s?)"
     "(?:(?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?|\\p{Thai}{1,63})"
     "(?:\\.| \\. |\\s?[\\[({]\\s?(?:(?i:dot)|\\.)\\s?[\\])}]\\s?| (?i:dot) | ?(?:ดอท|点) ?|"
     ",(?=(?i:com|net|org|co|th)(?![A-Za-z0-9@]))))"
     "{1,8}"
     "(?:xn--[A-Za-z0-9]{2,59}|[A-Za-z]{2,24}|ไทย|中国|中國|公司|网络|香港|台湾|台灣)"
     "(?![A-Za-z]|-[A-Za-z0-9]|" CBLUE_REDACT_NOT_NEXT_NUMBER ")",
     cblue_redact_check_email, NULL, CBLUE_REDACT_TRIGGER_AT, 256, 0, CBLUE_REDACT_VALIDATOR_NONE, NULL, FALSE,
     NULL},
    /* an address spoken to a phone's voice typing: name แอท example ดอท com (or ดอท คอม), and
     * in Chinese name 艾特 example 点 com (艾特 is how `@` is said); a rule of its own, so that
     * the usual addresses do not pay for it; the words in brackets too, as `(at)` is
     * (`name(แอท)yahoo.co.th`), and the domain's labels in Thai script, as Thai voice typing
     * writes a provider's name (`name แอท จีเมล ดอท คอม`); the local part's dots said too
     * (`kanya ดอท p84 แอท …`, `wang 点 fang09 艾特 163 点 com`), and a local part that voice typing
     * wrote in Thai or Chinese script, after a space or a colon, or after 邮箱, 是, 到 (`อีเมล จอห์น
     * แอท จีเมล ดอท คอม`, `邮箱李明 艾特 126 点 com`): the name said, which the address holds */
    {"email-spoken", "EMAIL",
     "(?:(?<![A-Za-z0-9._%+\\-])[A-Za-z0-9_%+\\-][A-Za-z0-9._%+\\-]{0,63}"
     "(?: ?(?:ดอท|点) ?[A-Za-z0-9_%+\\-]{1,63}){0,3}|"
     "(?<=[\\s:])\\p{Thai}{1,24}+(?= แอท)|(?<=[\\s:：]|邮箱|是|到)\\p{Han}{1,3}+(?= ?艾特))"
     " ?(?:แอท|艾特|[\\[({] ?(?:แอท|艾特) ?[\\])}]) ?"
     "(?:(?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?|\\p{Thai}{1,63})"
     "(?:\\.| ?(?:ดอท|点) ?|[\\[({] ?(?:ดอท|点) ?[\\])}])){1,8}"
     "(?:[A-Za-z]{2,24}|คอม)(?![A-Za-z0-9]|-[A-Za-z0-9])",
     cblue_redact_check_email, NULL, CBLUE_REDACT_TRIGGER_SPOKEN_AT, 256, 0, CBLUE_REDACT_VALIDATOR_NONE, NULL,
     FALSE, NULL},
    /* an address spelled out: name at example dot com, name AT example.com, name at gmail
     * (the big webmail providers' names alone); the pattern starts at ` at `, and the check
     * takes the local part before it */
    {"email-spelled", "EMAIL",
     "(?<=[A-Za-z0-9_%+\\-]) (?i:at(?: sign)?) "
     "(?:(?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?(?:\\.| (?i:dot) | ?(?:点|ดอท) ?)){1,8}"
     "[A-Za-z]{2,24}|"
     "(?i:" CBLUE_REDACT_WEBMAIL "))(?![A-Za-z0-9]|-[A-Za-z0-9])",
     cblue_redact_check_email_spelled, NULL, CBLUE_REDACT_TRIGGER_SPELLED_AT, 0, 0, CBLUE_REDACT_VALIDATOR_NONE,
     cblue_redact_email_words, FALSE, NULL},
    /* a number said to a phone's voice typing or read out, a digit a word, digits between: a
     * phone number, a Thai or a Chinese ID, a bank account near its word; the four share one
     * rule (CBLUE_REDACT_SPOKEN), so the text is matched once */
    {"phone-spoken", "PHONE", CBLUE_REDACT_SPOKEN_NUMBER, cblue_redact_check_spoken, NULL,
     CBLUE_REDACT_TRIGGER_SPOKEN_DIGITS, 0, 0, CBLUE_REDACT_VALIDATOR_NONE, NULL, FALSE, NULL},
    {"th-id-spoken", "TH_ID", CBLUE_REDACT_SPOKEN_NUMBER, cblue_redact_check_spoken, NULL,
     CBLUE_REDACT_TRIGGER_SPOKEN_DIGITS, 0, 0, CBLUE_REDACT_VALIDATOR_NONE, NULL, FALSE, NULL},
    {"cn-id-spoken", "CN_ID", CBLUE_REDACT_SPOKEN_NUMBER, cblue_redact_check_spoken, NULL,
     CBLUE_REDACT_TRIGGER_SPOKEN_DIGITS, 0, 0, CBLUE_REDACT_VALIDATOR_NONE, NULL, FALSE, NULL},
    {"bank-account-spoken", "BANK_ACCOUNT", CBLUE_REDACT_SPOKEN_NUMBER, cblue_redact_check_spoken, NULL,
     CBLUE_REDACT_TRIGGER_SPOKEN_DIGITS, 0, 0, CBLUE_REDACT_VALIDATOR_NONE, NULL, FALSE, NULL},
    /* an order or tracking number that happens to look like a phone number is labelled so
     * right before it: `order #0622359806`, `订单号 055759689320` */
    {"phone", "PHONE", NULL, cblue_redact_check_numbers, cblue_redact_window_phone, CBLUE_REDACT_TRIGGER_DIGIT, 4,
     8, CBLUE_REDACT_VALIDATOR_NONE, cblue_redact_phone_words, FALSE, cblue_redact_reference_words, TRUE},
    {"th-id", "TH_ID", NULL, cblue_redact_check_numbers, cblue_redact_window_th_id, CBLUE_REDACT_TRIGGER_DIGIT, 4,
     13, CBLUE_REDACT_VALIDATOR_NONE, cblue_redact_th_id_words, FALSE, cblue_redact_reference_words},
    {"cn-id", "CN_ID",
     /* region date sequence, also with the date split: 310115 1992 0727 6164 */
     "(?<![0-9A-Za-z])[1-8][0-9]{5}([ \\-]?)(?:18|19|20)[0-9]{2}\\1?[0-9]{4}\\1[0-9]{3}[0-9Xx](?![0-9A-Za-z])",
     cblue_redact_check_plain, NULL, CBLUE_REDACT_TRIGGER_DIGIT, 0, 17, CBLUE_REDACT_VALIDATOR_CN_ID, NULL, FALSE,
     NULL},
    {"card", "CARD", NULL, cblue_redact_check_numbers, cblue_redact_window_card, CBLUE_REDACT_TRIGGER_DIGIT, 4, 13,
     CBLUE_REDACT_VALIDATOR_NONE, cblue_redact_card_words, FALSE, cblue_redact_reference_words},
    {"ipv4", "IP", "(?<![0-9A-Za-z_.])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?![0-9A-Za-z_]|\\.[0-9])",
     cblue_redact_check_ipv4, NULL, CBLUE_REDACT_TRIGGER_DIGIT, 0, 4, CBLUE_REDACT_VALIDATOR_NONE,
     cblue_redact_ip_words, FALSE, cblue_redact_version_words},
    {"ipv6", "IP",
     "(?<![0-9A-Za-z_:.])(?:[0-9A-Fa-f]{1,4})?(?::[0-9A-Fa-f]{0,4}){2,7}"
     "(?:(?<=:)[0-9]{1,3}(?:\\.[0-9]{1,3}){3})?(?![0-9A-Za-z_:]|\\.[0-9A-Za-z])",
     cblue_redact_check_ipv6, NULL, CBLUE_REDACT_TRIGGER_COLON, 8, 0, CBLUE_REDACT_VALIDATOR_NONE, NULL, FALSE,
     NULL},
    {"bank-account", "BANK_ACCOUNT", NULL, cblue_redact_check_numbers, cblue_redact_window_bank,
     CBLUE_REDACT_TRIGGER_DIGIT, 4, 10, CBLUE_REDACT_VALIDATOR_NONE, cblue_redact_bank_words, FALSE,
     cblue_redact_reference_words},
    /* an IBAN, wherever it is: country, check digits, then the account in groups of four
     * or in one piece (`DE89 3704 0044 0532 0130 00`, `GB29NWBK60161331926819`), confirmed
     * by its country's length and MOD 97 */
    {"iban", "BANK_ACCOUNT",
     "(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])",
     cblue_redact_check_plain, NULL, CBLUE_REDACT_TRIGGER_DIGIT, 12, 8, CBLUE_REDACT_VALIDATOR_IBAN, NULL, FALSE,
     NULL},
    /* the shapes countries issue: letters and 6-8 digits, maybe a check letter (Japan
     * TZ1234567, Spain PAA123456, the Philippines P1234567A, Singapore K1234567J), 8-9
     * digits (also Russia's `75 1234567`) and France's 12AB34567; one or two capitals and seven
     * digits are typed with a space or a dash between too (`AA 1234567`, `EA-1234567`; not a
     * label's `NO 1234567`, and not eight digits, a passport's shape alone: `SN 12345678`). A
     * digit rule: it runs where six digits are in a row, or five after two letters (France's),
     * so a shape with fewer (Germany's C01X00T47) is found only near another number */
    {"passport", "PASSPORT",
     "(?<![0-9A-Za-z])(?:[A-Za-z]{1,3}[0-9]{6,8}[A-Za-z]?|[A-Z]{1,2}[ \\-](?<!(?i:no|nr|id|sn|po)[ \\-])[0-9]{7}|"
     "[0-9]{8,9}|[0-9]{2} [0-9]{7}|[0-9]{2}[A-Za-z]{2}[0-9]{5})"
     "(?![0-9A-Za-z])",
     cblue_redact_check_plain, NULL, CBLUE_REDACT_TRIGGER_DIGIT, 8, 5, CBLUE_REDACT_VALIDATOR_NONE,
     cblue_redact_passport_words, TRUE, cblue_redact_reference_words, FALSE, 6},
    {"line-id", "LINE_ID",
     "(?i)(?<![A-Za-z])(?:(?<strong>line(?:\\.me/(?:R/)?|://)ti/p/~?|line(?:\\s{0,3}|[\\-_])id|id\\s{0,3}line|line\\s{0,3}ไอดี|"
     "ไอดี\\s{0,3}ไลน์?|ไลน์?\\s{0,3}ไอดี|แอด\\s{0,3}ไลน์?|add\\s{0,3}line|ไลน์?)|(?<weak>line))"
     CBLUE_REDACT_CHAT_ITALIC "\\s*+" CBLUE_REDACT_CHAT_MARK CBLUE_REDACT_CHAT_DASH CBLUE_REDACT_CHAT_FILLER
     "(?:" CBLUE_REDACT_CHAT_CLAUSE "|" CBLUE_REDACT_THAI_PRONOUN "|" CBLUE_REDACT_CHAT_GAP ")"
     CBLUE_REDACT_CHAT_REMARK
     "(?<sep>" CBLUE_REDACT_CHAT_COLON "|" CBLUE_REDACT_CHAT_URI "|คือ|ได้ที่|มาที่|ที่|is\\b|是)?"
     "\\s*+" CBLUE_REDACT_CHAT_ARROW CBLUE_REDACT_CHAT_MARK CBLUE_REDACT_CHAT_EMOJI
     CBLUE_REDACT_CHAT_MARK CBLUE_REDACT_CHAT_OPEN
     "(?<value>@?[A-Za-z0-9][A-Za-z0-9._\\-]{2,19}|" CBLUE_REDACT_CHAT_SPELLED ")" CBLUE_REDACT_CHAT_ID_END
     CBLUE_REDACT_CHAT_CLOSE,
     cblue_redact_check_chat, NULL, CBLUE_REDACT_TRIGGER_CHAT, 24, 0, CBLUE_REDACT_VALIDATOR_NONE, NULL, FALSE,
     NULL},
    /* an `@name` id (LINE official accounts) with a LINE word near it, before or after:
     * `@banrak.solar คือไลน์ร้าน`, `ไลน์ร้าน @shop_99`; not an e-mail address, not `@4500`
     * (a unit price), and a sentence's full stop is not part of it; not a mention before a LINE
     * keyword that labels another id (`@Admin ไลน์ผม tee.t70`) */
    {"line-id-handle", "LINE_ID",
     "(?<![A-Za-z0-9._%+\\-@])@(?=[0-9._\\-]{0,19}[A-Za-z])[A-Za-z0-9][A-Za-z0-9._\\-]{1,18}[A-Za-z0-9_]"
     "(?![A-Za-z0-9_@\\-]|\\.[A-Za-z0-9])",
     cblue_redact_check_line_handle, NULL, CBLUE_REDACT_TRIGGER_AT, 0, 0, CBLUE_REDACT_VALIDATOR_NONE,
     cblue_redact_line_words, TRUE, NULL},
    /* a WeChat id after WeChat's names; `加V` (add me on V), Chinese chat's slang for it, as
     * weak as `vx` */
    {"wechat-id", "WECHAT_ID",
     "(?i)(?<![A-Za-z])(?:(?<strong>微信号码|微信号|微信\\s{0,3}id|微信|威信|薇信|v信|wechat(?:\\s{0,3}|[\\-_])id|"
     "weixin(?:\\s{0,3}|[\\-_])id|วีแชท|วีแชต)|(?<weak>wechat|weixin|wx|vx|加v))"
     CBLUE_REDACT_CHAT_ITALIC "\\s*+" CBLUE_REDACT_CHAT_MARK CBLUE_REDACT_CHAT_DASH CBLUE_REDACT_CHAT_FILLER
     "(?:" CBLUE_REDACT_CHAT_CLAUSE "|" CBLUE_REDACT_THAI_PRONOUN "|" CBLUE_REDACT_CHAT_GAP ")"
     CBLUE_REDACT_CHAT_REMARK
     "(?<sep>" CBLUE_REDACT_CHAT_COLON "|" CBLUE_REDACT_CHAT_URI "|号码|号|是|คือ|ได้ที่|มาที่|ที่|ไอดี|is\\b|id\\b)?"
     "\\s*+" CBLUE_REDACT_CHAT_ARROW CBLUE_REDACT_CHAT_MARK CBLUE_REDACT_CHAT_EMOJI
     CBLUE_REDACT_CHAT_MARK CBLUE_REDACT_CHAT_OPEN
     "(?<value>[A-Za-z0-9][A-Za-z0-9_\\-]{5,19}|" CBLUE_REDACT_CHAT_SPELLED ")"
     "(?![A-Za-z0-9_\\-]|" CBLUE_REDACT_CHAT_SCHEME_AHEAD ")" CBLUE_REDACT_CHAT_CLOSE,
     cblue_redact_check_chat, NULL, CBLUE_REDACT_TRIGGER_CHAT, 24, 0, CBLUE_REDACT_VALIDATOR_NONE, NULL, FALSE,
     NULL},
    /* the id WeChat itself gives an account, `wxid_` and letters and digits: a WeChat id wherever
     * it is, also after another app's keyword (`I use WeChat, not LINE: wxid_kq939926`) */
    {"wechat-wxid", "WECHAT_ID", "(?<![A-Za-z0-9_\\-])(?i:wxid_)[A-Za-z0-9_\\-]{4,30}(?![A-Za-z0-9_\\-])",
     cblue_redact_check_plain, NULL, CBLUE_REDACT_TRIGGER_CHAT, 0, 0, CBLUE_REDACT_VALIDATOR_NONE, NULL, FALSE,
     NULL},
};

const gchar *const *
cblue_redact_builtin_names(void)
{
	static const gchar *names[G_N_ELEMENTS(cblue_redact_builtins) + 1];
	static gsize once = 0;
	if (g_once_init_enter(&once)) {
		for (guint i = 0; i < G_N_ELEMENTS(cblue_redact_builtins); i++)
			names[i] = cblue_redact_builtins[i].name;
		g_once_init_leave(&once, 1);
	}
	return names;
}

static void
cblue_redact_engine_note_min_digits(CblueRedactEngine *self, guint min_digits)
{
	if (min_digits > 0)
		self->min_digits = self->min_digits == 0 ? min_digits : MIN(self->min_digits, min_digits);
}

/* gives @words a bit of the presence mask and copies its words into the engine's table */
static CblueRedactWords *
cblue_redact_engine_register_words(CblueRedactEngine *self, CblueRedactWords *words)
{
	if (words == NULL || self->n_lists >= 32)
		return words;
	words->bit = 1u << self->n_lists++;
	for (guint b = 0; b < CBLUE_REDACT_WORD_BUCKETS; b++) {
		GPtrArray *tables[] = {words->buckets[b], words->singles[b]};
		for (guint t = 0; t < G_N_ELEMENTS(tables); t++) {
			for (guint j = 0; tables[t] != NULL && j < tables[t]->len; j++) {
				const CblueRedactWord *word = g_ptr_array_index(tables[t], j);
				CblueRedactWord *copy = g_memdup2(word, sizeof(*word));
				copy->word = g_strdup(word->word);
				copy->bit = words->bit;
				cblue_redact_words_add(self->all_words, copy);
			}
		}
	}
	return words;
}

/*
 * Adds a built-in rule. Add them in order of preference: on an exact tie the first wins.
 * The kinds of numbers in groups (phone, th-id, card, bank-account) share one rule, so
 * that a number is found and parsed once for all of them.
 */
gboolean
cblue_redact_engine_add_builtin(CblueRedactEngine *self, const gchar *name, GError **error)
{
	const CblueRedactBuiltin *builtin = NULL;
	g_autoptr(GError) error_local = NULL;
	CblueRedactRule *rule = NULL;
	CblueRedactKind *kind;
	const gchar *rule_name;

	for (guint i = 0; i < G_N_ELEMENTS(cblue_redact_builtins) && builtin == NULL; i++) {
		if (g_strcmp0(cblue_redact_builtins[i].name, name) == 0)
			builtin = &cblue_redact_builtins[i];
	}
	if (builtin == NULL) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND, "no built-in redaction rule %s", name);
		return FALSE;
	}
	if (g_hash_table_contains(self->disabled, builtin->label))
		return TRUE;

	kind = g_new0(CblueRedactKind, 1);
	kind->label = g_strdup(builtin->label);
	kind->context_required = builtin->context_required;
	kind->window = self->context_window;
	kind->window_ok = builtin->window_ok;
	kind->context = cblue_redact_engine_register_words(self, cblue_redact_words_new(builtin->context, TRUE));
	kind->negative = cblue_redact_engine_register_words(self, cblue_redact_words_new(builtin->negative, TRUE));
	kind->negative_adjacent = builtin->negative_adjacent;

	/* the numbers in groups are one rule, and so are the numbers said */
	rule_name = builtin->pattern == NULL		     ? CBLUE_REDACT_NUMBERS
		    : builtin->check == cblue_redact_check_spoken ? CBLUE_REDACT_SPOKEN
								 : builtin->name;
	if (rule_name != builtin->name) {
		for (guint i = 0; i < self->rules->len && rule == NULL; i++) {
			CblueRedactRule *r = g_ptr_array_index(self->rules, i);
			if (g_strcmp0(r->name, rule_name) == 0)
				rule = r;
		}
	}
	if (rule == NULL) {
		rule = cblue_redact_rule_new(rule_name);
		rule->check = builtin->check;
		rule->trigger = builtin->trigger;
		rule->lookback = builtin->lookback;
		rule->validator = builtin->validator;
		rule->min_digits_alone = builtin->min_digits_alone;
		rule->code = cblue_redact_compile(builtin->pattern != NULL ? builtin->pattern : CBLUE_REDACT_NUMBER_PATTERN,
						  0, builtin->name, &error_local);
		if (rule->code == NULL) {
			cblue_redact_kind_free(kind);
			cblue_redact_rule_free(rule);
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, "%s", error_local->message);
			return FALSE;
		}
		rule->value_group = cblue_redact_group_number(rule->code, "value");
		rule->strong_group = cblue_redact_group_number(rule->code, "strong");
		rule->weak_group = cblue_redact_group_number(rule->code, "weak");
		rule->sep_group = cblue_redact_group_number(rule->code, "sep");
		rule->gap_group = cblue_redact_group_number(rule->code, "gap");
		rule->clause_group = cblue_redact_group_number(rule->code, "clause");
		rule->filler_group = cblue_redact_group_number(rule->code, "filler");
		g_ptr_array_add(self->rules, rule);
	}
	/* a rule runs on numbers with as many digits as its shortest kind needs */
	rule->min_digits = rule->min_digits == 0 ? builtin->min_digits : MIN(rule->min_digits, builtin->min_digits);
	cblue_redact_engine_note_min_digits(self, builtin->min_digits);
	g_ptr_array_add(rule->kinds, kind);
	return TRUE;
}

gboolean
cblue_redact_validator_from_string(const gchar *text, CblueRedactValidator *validator)
{
	if (text == NULL || g_strcmp0(text, "none") == 0)
		*validator = CBLUE_REDACT_VALIDATOR_NONE;
	else if (g_strcmp0(text, "luhn") == 0)
		*validator = CBLUE_REDACT_VALIDATOR_LUHN;
	else if (g_strcmp0(text, "th-id") == 0)
		*validator = CBLUE_REDACT_VALIDATOR_TH_ID;
	else if (g_strcmp0(text, "cn-id") == 0)
		*validator = CBLUE_REDACT_VALIDATOR_CN_ID;
	else if (g_strcmp0(text, "iban") == 0)
		*validator = CBLUE_REDACT_VALIDATOR_IBAN;
	else
		return FALSE;
	return TRUE;
}

gboolean
cblue_redact_engine_add_rule(CblueRedactEngine *self, const CblueRedactRuleSpec *spec, GError **error)
{
	g_autoptr(GError) error_local = NULL;
	CblueRedactRule *rule;
	CblueRedactKind *kind;
	size_t min_length = 0;

	if (spec->pattern == NULL || spec->pattern[0] == '\0') {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("redact rule “%s”: no pattern"), spec->name);
		return FALSE;
	}
	if (!cblue_redaction_label_is_valid(spec->label)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("redact rule “%s”: the placeholder “%s” is not a type name (upper-case letters, "
			      "digits and _)"),
			    spec->name, spec->label != NULL ? spec->label : "");
		return FALSE;
	}
	if (spec->context_window > 1000) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("redact rule “%s”: context_window must be between 1 and 1000 characters"), spec->name);
		return FALSE;
	}
	rule = cblue_redact_rule_new(spec->name);
	rule->check = cblue_redact_check_plain;
	rule->trigger = CBLUE_REDACT_TRIGGER_ALWAYS;
	rule->validator = spec->validator;
	kind = g_new0(CblueRedactKind, 1);
	kind->label = g_strdup(spec->label);
	kind->window = spec->context_window > 0 ? spec->context_window : self->context_window;
	g_ptr_array_add(rule->kinds, kind);
	rule->code =
	    cblue_redact_compile(spec->pattern, spec->case_insensitive ? PCRE2_CASELESS : 0, spec->name, &error_local);
	/* the words as written: no `$` marks */
	kind->context = cblue_redact_engine_register_words(self, cblue_redact_words_new(spec->context, FALSE));
	kind->context_required = kind->context != NULL;
	if (error_local == NULL && rule->code != NULL &&
	    (pcre2_pattern_info(rule->code, PCRE2_INFO_MINLENGTH, &min_length) != 0 || min_length == 0))
		g_set_error(&error_local, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("redact rule “%s”: the pattern can match an empty text"), spec->name);
	if (error_local != NULL) {
		g_propagate_error(error, g_steal_pointer(&error_local));
		cblue_redact_rule_free(rule);
		return FALSE;
	}
	rule->value_group = cblue_redact_group_number(rule->code, "value");
	if (g_hash_table_contains(self->disabled, kind->label)) {
		cblue_redact_rule_free(rule);
		return TRUE;
	}
	g_ptr_array_add(self->rules, rule);
	return TRUE;
}

/* custom rules from the configuration */

static gchar *
cblue_redact_label_from_placeholder(const gchar *placeholder, const gchar *name)
{
	g_autofree gchar *label = NULL;
	if (placeholder != NULL) {
		label = g_strstrip(g_strdup(placeholder));
		if (label[0] == '[' && g_str_has_suffix(label, "]")) {
			gchar *inner = g_strndup(label + 1, strlen(label) - 2);
			g_free(label);
			label = inner;
		}
		return g_steal_pointer(&label);
	}
	/* the rule's name, as a type: order-id → ORDER_ID */
	label = g_ascii_strup(name, -1);
	for (gchar *p = label; *p != '\0'; p++) {
		if (*p == '-' || *p == ' ' || *p == '.')
			*p = '_';
	}
	return g_steal_pointer(&label);
}

static gboolean
cblue_redact_spec_finish(CblueRedactEngine *self, const gchar *name, const gchar *pattern, const gchar *placeholder,
			 const gchar *validator_name, gchar **context, gint64 window, gboolean case_insensitive,
			 GError **error)
{
	g_autofree gchar *label = cblue_redact_label_from_placeholder(placeholder, name);
	CblueRedactRuleSpec spec = {0};

	spec.name = name;
	spec.label = label;
	spec.pattern = pattern;
	spec.context = (const gchar *const *)context;
	spec.case_insensitive = case_insensitive;
	if (!cblue_redact_validator_from_string(validator_name, &spec.validator)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("redact rule “%s”: unknown validator “%s”: use luhn, th-id, cn-id or none"), name,
			    validator_name);
		return FALSE;
	}
	if (window < 0 || window > 1000) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("redact rule “%s”: context_window must be between 1 and 1000 characters"), name);
		return FALSE;
	}
	spec.context_window = (guint)window;
	return cblue_redact_engine_add_rule(self, &spec, error);
}

/* `[redact.rule NAME]` groups of a key file (the configuration or a rules file) */
static gboolean
cblue_redact_add_rules_from_keyfile(CblueRedactEngine *self, GKeyFile *kf, const gchar *origin, GError **error)
{
	static const gchar *const known[] = {"pattern", "placeholder", "validator", "context",
					     "context_window", "case_insensitive", NULL};
	g_auto(GStrv) groups = g_key_file_get_groups(kf, NULL);

	for (guint i = 0; groups[i] != NULL; i++) {
		const gchar *name;
		g_autofree gchar *pattern = NULL;
		g_autofree gchar *placeholder = NULL;
		g_autofree gchar *validator = NULL;
		g_autofree gchar *context_raw = NULL;
		g_auto(GStrv) context = NULL;
		g_auto(GStrv) keys = NULL;
		g_autoptr(GError) error_local = NULL;
		gint64 window = 0;
		gboolean case_insensitive = FALSE;

		if (g_str_has_prefix(groups[i], "redact.rule "))
			name = groups[i] + strlen("redact.rule ");
		else
			continue;
		keys = g_key_file_get_keys(kf, groups[i], NULL, NULL);
		for (guint j = 0; keys != NULL && keys[j] != NULL; j++) {
			if (!g_strv_contains(known, keys[j])) {
				g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
					    _("%s: redact rule “%s”: unknown key “%s”"), origin, name, keys[j]);
				return FALSE;
			}
		}
		/* the raw value: a pattern's backslashes are not key-file escapes */
		pattern = g_key_file_get_value(kf, groups[i], "pattern", NULL);
		placeholder = g_key_file_get_string(kf, groups[i], "placeholder", NULL);
		validator = g_key_file_get_string(kf, groups[i], "validator", NULL);
		context_raw = g_key_file_get_string(kf, groups[i], "context", NULL);
		if (context_raw != NULL)
			context = g_strsplit_set(context_raw, ";,", -1);
		if (g_key_file_has_key(kf, groups[i], "context_window", NULL)) {
			window = g_key_file_get_int64(kf, groups[i], "context_window", &error_local);
			if (error_local != NULL || window < 1) {
				g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
					    _("redact rule “%s”: context_window must be between 1 and 1000 "
					      "characters"),
					    name);
				return FALSE;
			}
		}
		if (g_key_file_has_key(kf, groups[i], "case_insensitive", NULL)) {
			case_insensitive = g_key_file_get_boolean(kf, groups[i], "case_insensitive", &error_local);
			if (error_local != NULL) {
				g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
					    _("redact rule “%s”: case_insensitive must be true or false"), name);
				return FALSE;
			}
		}
		if (!cblue_redact_spec_finish(self, name, pattern, placeholder, validator, context, window,
					      case_insensitive, error))
			return FALSE;
	}
	return TRUE;
}

/* a JSON rules file: an array of {"name", "pattern", "placeholder", "validator",
 * "context": [words], "context_window", "case_insensitive"} */
static gboolean
cblue_redact_add_rules_from_json(CblueRedactEngine *self, const gchar *filename, GError **error)
{
	static const gchar *const known[] = {"name",	       "pattern",	   "placeholder", "validator",
					     "context", "context_window", "case_insensitive", NULL};
	g_autoptr(JsonParser) parser = json_parser_new();
	g_autoptr(GError) error_local = NULL;
	JsonNode *root;
	JsonArray *array;

	if (!json_parser_load_from_file(parser, filename, &error_local)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "%s: %s", filename, error_local->message);
		return FALSE;
	}
	root = json_parser_get_root(parser);
	if (root == NULL || !JSON_NODE_HOLDS_ARRAY(root)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("%s: the rules must be a JSON array"),
			    filename);
		return FALSE;
	}
	array = json_node_get_array(root);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		JsonNode *node = json_array_get_element(array, i);
		JsonObject *obj;
		g_autoptr(GList) members = NULL;
		g_autoptr(GPtrArray) context = g_ptr_array_new_with_free_func(g_free);
		g_autofree gchar *fallback_name = g_strdup_printf("#%u", i + 1);
		const gchar *name;
		JsonNode *context_node;

		if (!JSON_NODE_HOLDS_OBJECT(node)) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("%s: rule %u is not a JSON object"), filename, i + 1);
			return FALSE;
		}
		obj = json_node_get_object(node);
		name = json_object_get_string_member_with_default(obj, "name", fallback_name);
		members = json_object_get_members(obj);
		for (GList *l = members; l != NULL; l = l->next) {
			if (!g_strv_contains(known, l->data)) {
				g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
					    _("%s: redact rule “%s”: unknown key “%s”"), filename, name,
					    (const gchar *)l->data);
				return FALSE;
			}
		}
		context_node = json_object_get_member(obj, "context");
		if (context_node != NULL && JSON_NODE_HOLDS_ARRAY(context_node)) {
			JsonArray *words = json_node_get_array(context_node);
			for (guint j = 0; j < json_array_get_length(words); j++) {
				const gchar *word = json_node_get_string(json_array_get_element(words, j));
				if (word != NULL)
					g_ptr_array_add(context, g_strdup(word));
			}
		} else if (context_node != NULL && JSON_NODE_HOLDS_VALUE(context_node)) {
			g_auto(GStrv) words = g_strsplit_set(json_node_get_string(context_node), ";,", -1);
			for (guint j = 0; words[j] != NULL; j++)
				g_ptr_array_add(context, g_strdup(words[j]));
		}
		g_ptr_array_add(context, NULL);
		if (!cblue_redact_spec_finish(
			self, name, json_object_get_string_member_with_default(obj, "pattern", NULL),
			json_object_get_string_member_with_default(obj, "placeholder", NULL),
			json_object_get_string_member_with_default(obj, "validator", NULL),
			context->len > 1 ? (gchar **)context->pdata : NULL,
			json_object_get_int_member_with_default(obj, "context_window", 0),
			json_object_get_boolean_member_with_default(obj, "case_insensitive", FALSE), error))
			return FALSE;
	}
	return TRUE;
}

gboolean
cblue_redact_engine_add_rules_from_file(CblueRedactEngine *self, const gchar *filename, GError **error)
{
	g_autoptr(GKeyFile) kf = NULL;
	g_autoptr(GError) error_local = NULL;

	if (g_str_has_suffix(filename, ".json"))
		return cblue_redact_add_rules_from_json(self, filename, error);
	kf = g_key_file_new();
	if (!g_key_file_load_from_file(kf, filename, G_KEY_FILE_NONE, &error_local)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "%s: %s", filename, error_local->message);
		return FALSE;
	}
	return cblue_redact_add_rules_from_keyfile(self, kf, filename, error);
}

/* every [redact.rule NAME] group of the configuration, then [redact] rules_file */
gboolean
cblue_redact_engine_add_rules_from_config(CblueRedactEngine *self, CblueConfig *config, GError **error)
{
	g_autoptr(GKeyFile) kf = g_key_file_new();
	g_auto(GStrv) groups = cblue_config_get_groups(config);
	g_autofree gchar *rules_file = cblue_config_get_string(config, "redact", "rules_file");

	/* a copy of the rule groups, read the same way as a rules file */
	for (guint i = 0; groups[i] != NULL; i++) {
		g_auto(GStrv) keys = NULL;
		if (!g_str_has_prefix(groups[i], "redact.rule "))
			continue;
		keys = cblue_config_get_keys(config, groups[i]);
		for (guint j = 0; keys[j] != NULL; j++) {
			g_autofree gchar *value = cblue_config_get_value(config, groups[i], keys[j]);
			if (value != NULL)
				g_key_file_set_value(kf, groups[i], keys[j], value);
		}
	}
	if (!cblue_redact_add_rules_from_keyfile(self, kf, _("configuration"), error))
		return FALSE;
	if (rules_file != NULL && !cblue_redact_engine_add_rules_from_file(self, rules_file, error))
		return FALSE;
	return TRUE;
}

/* finding */

/* a run of digits and the separators of numbers (` .-()+/`): the only places a digit rule
 * can match */
typedef struct {
	gsize start; /* the first digit, `+` or `(` */
	gsize end; /* after the last digit */
	/* less one if a slash is inside, between digits: a value across it has nine digits or
	 * more (a phone number or a Thai ID), one beside it leaves a digit on its other side; so
	 * the digit rules do not look at `10/12/2026` */
	guint n_digits;
} CblueRedactRun;

#define CBLUE_REDACT_MAX_RUNS 64

/* one pass over a text: where each trigger first occurs, and the digit runs long enough
 * for the engine's digit rules */
typedef struct {
	gssize first[CBLUE_REDACT_N_TRIGGERS]; /* -1: absent */
	CblueRedactRun runs[CBLUE_REDACT_MAX_RUNS];
	guint n_runs;
	gboolean too_many_runs; /* then the digit rules search the whole text */
} CblueRedactPrescan;

enum {
	CBLUE_REDACT_BYTE_PLAIN,
	CBLUE_REDACT_BYTE_DIGIT,
	CBLUE_REDACT_BYTE_AT,
	CBLUE_REDACT_BYTE_HASH, /* `#` between two letters or digits: `name#qq.com` */
	CBLUE_REDACT_BYTE_PERCENT, /* `%40`, a link's `@`: `?email=name%40gmail.com` */
	CBLUE_REDACT_BYTE_OPEN, /* [, ( or { : `[at]` */
	CBLUE_REDACT_BYTE_COLON,
	CBLUE_REDACT_BYTE_LATIN_CHAT, /* l, w, v: line, wechat, weixin, wx, vx */
	CBLUE_REDACT_BYTE_THAI, /* 0xE0: ไลน์ */
	CBLUE_REDACT_BYTE_CJK_E4, /* 0xE4: 信 */
	CBLUE_REDACT_BYTE_CJK_E8, /* 0xE8: 艾特, the `@` said in Chinese */
	CBLUE_REDACT_BYTE_LATIN_A, /* a, A: ` at ` */
};

static const guint8 cblue_redact_byte_class[256] = {
    ['0' ... '9'] = CBLUE_REDACT_BYTE_DIGIT,
    ['@'] = CBLUE_REDACT_BYTE_AT,
    ['#'] = CBLUE_REDACT_BYTE_HASH,
    ['%'] = CBLUE_REDACT_BYTE_PERCENT,
    ['['] = CBLUE_REDACT_BYTE_OPEN,
    ['('] = CBLUE_REDACT_BYTE_OPEN,
    ['{'] = CBLUE_REDACT_BYTE_OPEN,
    [':'] = CBLUE_REDACT_BYTE_COLON,
    ['l'] = CBLUE_REDACT_BYTE_LATIN_CHAT,
    ['L'] = CBLUE_REDACT_BYTE_LATIN_CHAT,
    ['w'] = CBLUE_REDACT_BYTE_LATIN_CHAT,
    ['W'] = CBLUE_REDACT_BYTE_LATIN_CHAT,
    ['v'] = CBLUE_REDACT_BYTE_LATIN_CHAT,
    ['V'] = CBLUE_REDACT_BYTE_LATIN_CHAT,
    [0xE0] = CBLUE_REDACT_BYTE_THAI,
    [0xE4] = CBLUE_REDACT_BYTE_CJK_E4,
    [0xE8] = CBLUE_REDACT_BYTE_CJK_E8,
    ['a'] = CBLUE_REDACT_BYTE_LATIN_A,
    ['A'] = CBLUE_REDACT_BYTE_LATIN_A,
};

static gboolean
cblue_redact_is_number_sep(gchar c)
{
	return c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '+' || c == '/';
}

/* `[at]`, `(at)`, `{at}`, `[ at ]` */
static gboolean
cblue_redact_is_obfuscated_at(const gchar *p)
{
	const gchar *q = p + 1;
	if (*q == ' ')
		q++;
	return g_ascii_strncasecmp(q, "at", 2) == 0 && (q[2] == ']' || q[2] == ')' || q[2] == '}' || q[2] == ' ');
}

static gboolean
cblue_redact_is_chat_name(const gchar *p, gsize rest)
{
	if ((p[0] | 0x20) == 'l')
		return rest >= 4 && g_ascii_strncasecmp(p, "line", 4) == 0;
	if (rest >= 2 && (p[1] | 0x20) == 'x') /* wx, vx */
		return TRUE;
	return (p[0] | 0x20) == 'w' && rest >= 6 &&
	       (g_ascii_strncasecmp(p, "wechat", 6) == 0 || g_ascii_strncasecmp(p, "weixin", 6) == 0);
}

/* ไลน์ or ไลน (ไ is E0 B9 84), วีแชท / วีแชต (ว is E0 B8 A7): a chat app's name; แอท (แ is E0 B9
 * 81), the `@` of voice typing: an e-mail address; else -1 */
static gint
cblue_redact_thai_trigger(const gchar *p, gsize rest)
{
	if (rest < 9)
		return -1;
	if ((guchar)p[1] == 0xB9) {
		if ((guchar)p[2] == 0x84)
			return memcmp(p, "ไลน", 9) == 0 ? CBLUE_REDACT_TRIGGER_CHAT : -1;
		if ((guchar)p[2] == 0x81)
			return memcmp(p, "แอท", 9) == 0 ? CBLUE_REDACT_TRIGGER_SPOKEN_AT : -1;
		return -1;
	}
	if ((guchar)p[1] == 0xB8 && (guchar)p[2] == 0xA7 && rest >= 15 &&
	    (memcmp(p, "วีแชท", 15) == 0 || memcmp(p, "วีแชต", 15) == 0))
		return CBLUE_REDACT_TRIGGER_CHAT;
	return -1;
}

static void
cblue_redact_prescan(const gchar *text, gsize len, guint min_digits, CblueRedactPrescan *pre)
{
	gssize *first = pre->first;
	gsize i = 0;

	for (guint t = 0; t < CBLUE_REDACT_N_TRIGGERS; t++)
		first[t] = -1;
	first[CBLUE_REDACT_TRIGGER_ALWAYS] = 0;
	pre->n_runs = 0;
	pre->too_many_runs = FALSE;

	while (i < len) {
		/* most bytes matter to no rule */
		while (i < len && cblue_redact_byte_class[(guchar)text[i]] == CBLUE_REDACT_BYTE_PLAIN)
			i++;
		if (i >= len)
			break;
		switch (cblue_redact_byte_class[(guchar)text[i]]) {
		case CBLUE_REDACT_BYTE_DIGIT: {
			CblueRedactRun run = {0};
			guint slash = 0; /* 1: after the first slash, 2: a digit after it */
			if (first[CBLUE_REDACT_TRIGGER_DIGIT] < 0)
				first[CBLUE_REDACT_TRIGGER_DIGIT] = (gssize)i;
			/* a `+` or `(` right before the first digit belongs to the run */
			run.start = i;
			while (run.start > 0 && (text[run.start - 1] == '+' || text[run.start - 1] == '('))
				run.start--;
			for (; i < len; i++) {
				if (g_ascii_isdigit(text[i])) {
					/* the first digit after the first slash is not counted */
					if (slash == 1)
						slash = 2;
					else
						run.n_digits++;
					run.end = i + 1;
				} else if (!cblue_redact_is_number_sep(text[i])) {
					break;
				} else if (text[i] == '/' && slash == 0) {
					slash = 1;
				}
			}
			if (run.n_digits >= min_digits && min_digits > 0) {
				if (pre->n_runs < CBLUE_REDACT_MAX_RUNS)
					pre->runs[pre->n_runs++] = run;
				else
					pre->too_many_runs = TRUE;
			}
			/* the separators after the last digit, and what stopped the run, are
			 * looked at again: `nok123 (at) mail.com` */
			i = run.end;
			continue;
		}
		case CBLUE_REDACT_BYTE_AT:
			if (first[CBLUE_REDACT_TRIGGER_AT] < 0)
				first[CBLUE_REDACT_TRIGGER_AT] = (gssize)i;
			break;
		case CBLUE_REDACT_BYTE_HASH:
			/* not `order #123` nor a hashtag: a letter or digit on both sides */
			if (first[CBLUE_REDACT_TRIGGER_AT] < 0 && i > 0 && i + 1 < len && g_ascii_isalnum(text[i - 1]) &&
			    g_ascii_isalnum(text[i + 1]))
				first[CBLUE_REDACT_TRIGGER_AT] = (gssize)i;
			break;
		case CBLUE_REDACT_BYTE_PERCENT:
			if (first[CBLUE_REDACT_TRIGGER_AT] < 0 && i > 0 && i + 3 < len && g_ascii_isalnum(text[i - 1]) &&
			    text[i + 1] == '4' && text[i + 2] == '0')
				first[CBLUE_REDACT_TRIGGER_AT] = (gssize)i;
			break;
		case CBLUE_REDACT_BYTE_OPEN:
			if (first[CBLUE_REDACT_TRIGGER_AT] < 0 && cblue_redact_is_obfuscated_at(text + i))
				first[CBLUE_REDACT_TRIGGER_AT] = (gssize)i;
			break;
		case CBLUE_REDACT_BYTE_COLON:
			/* another colon within five bytes: `::`, `db8:85a3:`, not a time (10:30) */
			if (first[CBLUE_REDACT_TRIGGER_COLON] < 0 && memchr(text + i + 1, ':', MIN(len - i - 1, 5)) != NULL)
				first[CBLUE_REDACT_TRIGGER_COLON] = (gssize)i;
			break;
		case CBLUE_REDACT_BYTE_LATIN_CHAT:
			if (first[CBLUE_REDACT_TRIGGER_CHAT] < 0 && cblue_redact_is_chat_name(text + i, len - i))
				first[CBLUE_REDACT_TRIGGER_CHAT] = (gssize)i;
			/* 加V, WeChat's name in Chinese chat slang: the rule starts at 加 */
			else if (first[CBLUE_REDACT_TRIGGER_CHAT] < 0 && (text[i] | 0x20) == 'v' && i >= 3 &&
				 memcmp(text + i - 3, "加", 3) == 0)
				first[CBLUE_REDACT_TRIGGER_CHAT] = (gssize)(i - 3);
			break;
		case CBLUE_REDACT_BYTE_THAI: {
			gint trigger = cblue_redact_thai_trigger(text + i, len - i);
			if (trigger >= 0 && first[trigger] < 0)
				first[trigger] = (gssize)i;
			i += i + 3 <= len ? 3 : 1;
			continue;
		}
		case CBLUE_REDACT_BYTE_LATIN_A:
			if (first[CBLUE_REDACT_TRIGGER_SPELLED_AT] < 0 && i > 0 && text[i - 1] == ' ' && i + 2 < len &&
			    (text[i + 1] | 0x20) == 't' && text[i + 2] == ' ')
				first[CBLUE_REDACT_TRIGGER_SPELLED_AT] = (gssize)(i - 1);
			break;
		case CBLUE_REDACT_BYTE_CJK_E4:
			if (first[CBLUE_REDACT_TRIGGER_CHAT] < 0 && i + 3 <= len && memcmp(text + i, "信", 3) == 0)
				first[CBLUE_REDACT_TRIGGER_CHAT] = (gssize)i;
			break;
		case CBLUE_REDACT_BYTE_CJK_E8:
			if (first[CBLUE_REDACT_TRIGGER_SPOKEN_AT] < 0 && i + 6 <= len && memcmp(text + i, "艾特", 6) == 0)
				first[CBLUE_REDACT_TRIGGER_SPOKEN_AT] = (gssize)i;
			break;
		case CBLUE_REDACT_BYTE_PLAIN:
		default:
			break;
		}
		i++;
	}
}

/* runs @rule from @start; pcre2 sees the text up to @limit (lookbehinds see it all) */
static void
cblue_redact_run_rule(CblueRedactScan *scan, CblueRedactRule *rule, gsize start, gsize limit)
{
	gsize offset = start;

	scan->rule = rule;
	scan->kind = g_ptr_array_index(rule->kinds, 0);
	while (offset <= limit) {
		PCRE2_SIZE ov[2 * CBLUE_REDACT_OVECTOR_PAIRS];
		gint rc = cblue_redact_match(scan, rule->code, limit, offset);
		gsize next;

		if (rc == PCRE2_ERROR_NOMATCH)
			break;
		if (rc < 0) {
			/* never the text: it holds the very data being protected */
			if (g_atomic_int_compare_and_exchange(&rule->warned, 0, 1)) {
				PCRE2_UCHAR message[128];
				pcre2_get_error_message(rc, message, sizeof(message));
				g_warning("redact rule %s stopped on a text: %s (see [redact] match_limit)",
					  rule->name, (const gchar *)message);
			}
			break;
		}
		/* the check may run other patterns, which reuse the match data */
		memcpy(ov, pcre2_get_ovector_pointer(scan->thread->match_data), sizeof(ov));
		if (rc < CBLUE_REDACT_OVECTOR_PAIRS) {
			for (gint i = rc; i < CBLUE_REDACT_OVECTOR_PAIRS; i++)
				ov[2 * i] = ov[2 * i + 1] = PCRE2_UNSET;
		}
		next = rule->check(scan, rule, ov);
		if (next <= offset)
			next = cblue_redact_forward_chars(scan->text, scan->len, offset, 1);
		if (next <= offset)
			break;
		offset = next;
	}
}

/* whether an IBAN's country and check digits (`DE89`) start in [@start, @end) */
static gboolean
cblue_redact_has_iban_head(const gchar *text, gsize start, gsize end)
{
	for (gsize i = start; i < end; i++) {
		if (g_ascii_isupper(text[i]) && g_ascii_isupper(text[i + 1]) && g_ascii_isdigit(text[i + 2]) &&
		    g_ascii_isdigit(text[i + 3]) && cblue_redact_iban_length(text + i) > 0)
			return TRUE;
	}
	return FALSE;
}

/* a digit rule, run on each run with enough digits only */
static void
cblue_redact_run_digit_rule(CblueRedactScan *scan, CblueRedactRule *rule, const CblueRedactPrescan *pre)
{
	gsize done = 0;
	for (guint i = 0; i < pre->n_runs; i++) {
		const CblueRedactRun *run = &pre->runs[i];
		gsize start, limit;
		if (run->n_digits < rule->min_digits || run->end <= done)
			continue;
		if (run->n_digits < rule->min_digits_alone &&
		    (run->start < 2 || !g_ascii_isalpha(scan->text[run->start - 1]) ||
		     !g_ascii_isalpha(scan->text[run->start - 2])))
			continue;
		start = run->start > rule->lookback ? cblue_redact_snap_back(scan->text, run->start - rule->lookback) : 0;
		start = MAX(start, done);
		/* an IBAN starts with its country and check digits: most numbers have none before them */
		if (rule->validator == CBLUE_REDACT_VALIDATOR_IBAN &&
		    !cblue_redact_has_iban_head(scan->text, start, run->start))
			continue;
		/* two characters past the run, for the patterns' look-aheads and a trailing X; a
		 * contact's next label glued to it (CBLUE_REDACT_NEXT_LABEL) is read whole */
		limit = cblue_redact_forward_chars(scan->text, scan->len, run->end,
						   g_ascii_isalpha(scan->text[run->end]) ? 10 : 2);
		cblue_redact_run_rule(scan, rule, start, limit);
		done = run->end;
	}
}

/* runs every rule over @text (valid UTF-8, folded); returns the spans, or NULL for none */
GPtrArray *
cblue_redact_engine_find(CblueRedactEngine *self, const gchar *text)
{
	CblueRedactScan scan = {0};
	CblueRedactPrescan pre;

	scan.engine = self;
	scan.text = text;
	scan.len = strlen(text);
	if (scan.len == 0 || self->rules->len == 0)
		return NULL;
	cblue_redact_prescan(text, scan.len, self->min_digits, &pre);
	for (guint i = 0; i < self->rules->len; i++) {
		CblueRedactRule *rule = g_ptr_array_index(self->rules, i);
		gssize at;
		/* its own pass, once, only for the rules that need it (-2: looked for, absent) */
		if (rule->trigger == CBLUE_REDACT_TRIGGER_SPOKEN_DIGITS && pre.first[rule->trigger] == -1) {
			gssize run = cblue_redact_find_spoken_run(text, scan.len);
			pre.first[rule->trigger] = run >= 0 ? run : -2;
		}
		at = pre.first[rule->trigger];
		if (at < 0)
			continue;
		if (scan.thread == NULL)
			scan.thread = cblue_redact_thread_get();
		/* a digit rule only where a run has enough digits */
		if (rule->trigger == CBLUE_REDACT_TRIGGER_DIGIT && rule->min_digits > 0 && !pre.too_many_runs) {
			cblue_redact_run_digit_rule(&scan, rule, &pre);
			continue;
		}
		cblue_redact_run_rule(&scan, rule, (gsize)at > rule->lookback ? cblue_redact_snap_back(text, (gsize)at - rule->lookback) : 0,
				      scan.len);
	}
	g_clear_pointer(&scan.span_bounds, g_hash_table_unref);
	return scan.spans;
}
