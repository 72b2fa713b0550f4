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
	CBLUE_REDACT_TRIGGER_AT, /* `@`, or an obfuscated `[at]` / `(at)` */
	CBLUE_REDACT_TRIGGER_COLON,
	CBLUE_REDACT_TRIGGER_CHAT, /* LINE / WeChat names */
	CBLUE_REDACT_N_TRIGGERS,
} CblueRedactTrigger;

typedef struct _CblueRedactRule CblueRedactRule;
typedef struct _CblueRedactScan CblueRedactScan;

/* confirms a candidate (ovector @ov), emits zero or more spans, returns where to go on */
typedef gsize (*CblueRedactCheckFunc)(CblueRedactScan *scan, const CblueRedactRule *rule, const PCRE2_SIZE *ov);

struct _CblueRedactRule {
	gchar *name; /* owned */
	gchar *label; /* owned */
	pcre2_code *code; /* owned */
	guint32 value_group; /* the group named `value`, or 0 */
	guint32 strong_group; /* chat rules: named groups, or 0 */
	guint32 weak_group;
	guint32 sep_group;
	CblueRedactTrigger trigger;
	gsize lookback; /* bytes searched before the trigger */
	guint min_digits; /* digit rules: the fewest digits a value has */
	CblueRedactCheckFunc check;
	CblueRedactValidator validator;
	pcre2_code *context; /* owned, nullable: words that make a value likely */
	gboolean context_required;
	pcre2_code *negative; /* owned, nullable: words that make it unlikely (order no., version) */
	guint window; /* characters searched for context, before and after */
	gint warned; /* atomic: the match limit was reported */
};

struct _CblueRedactEngine {
	gint ref_count; /* atomic */
	GPtrArray *rules; /* owned, of CblueRedactRule */
	GHashTable *disabled; /* owned set of labels */
	guint32 match_limit;
	guint context_window;
	guint min_digits; /* the fewest of its digit rules' min_digits */
};

/* per thread: pcre2 match data, with the limits, and a JIT stack */
typedef struct {
	pcre2_match_data *match_data;
	pcre2_match_context *match_context;
	pcre2_jit_stack *jit_stack;
} CblueRedactThread;

#define CBLUE_REDACT_OVECTOR_PAIRS 16

struct _CblueRedactScan {
	CblueRedactEngine *engine;
	CblueRedactThread *thread;
	const gchar *text;
	gsize len;
	GPtrArray *spans; /* owned until returned, nullable */
	const CblueRedactRule *rule;
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

static void
cblue_redact_rule_free(CblueRedactRule *rule)
{
	g_free(rule->name);
	g_free(rule->label);
	pcre2_code_free(rule->code);
	pcre2_code_free(rule->context);
	pcre2_code_free(rule->negative);
	g_free(rule);
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
			    _("redact rule “%s”: invalid pattern at offset %" G_GSIZE_FORMAT ": %s"), rule_name,
			    (gsize)erroffset, (const gchar *)message);
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

/* an alternation of literal words, case-insensitive */
static pcre2_code *
cblue_redact_compile_words(const gchar *const *words, const gchar *rule_name, GError **error)
{
	g_autoptr(GString) pattern = g_string_new("(?:");
	guint n = 0;

	for (guint i = 0; words != NULL && words[i] != NULL; i++) {
		g_autofree gchar *stripped = g_strstrip(g_strdup(words[i]));
		if (stripped[0] == '\0')
			continue;
		if (strstr(stripped, "\\E") != NULL) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("redact rule “%s”: a context word cannot contain \\E"), rule_name);
			return NULL;
		}
		g_string_append_printf(pattern, "%s\\Q%s\\E", n++ > 0 ? "|" : "", stripped);
	}
	if (n == 0)
		return NULL;
	g_string_append_c(pattern, ')');
	return cblue_redact_compile(pattern->str, PCRE2_CASELESS, rule_name, error);
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

/* how far before @start the closest match of @code ends, within the window; G_MAXSIZE if none */
static gsize
cblue_redact_context_before(CblueRedactScan *scan, pcre2_code *code, gsize start)
{
	gsize offset = cblue_redact_back_chars(scan->text, start, scan->rule->window);
	gsize best = G_MAXSIZE;

	while (offset < start) {
		const PCRE2_SIZE *ov;
		if (cblue_redact_match(scan, code, start, offset) < 0)
			break;
		ov = pcre2_get_ovector_pointer(scan->thread->match_data);
		best = start - ov[1];
		offset = ov[1] > ov[0] ? ov[1] : cblue_redact_forward_chars(scan->text, start, ov[0], 1);
	}
	return best;
}

/* how far after @end the closest match of @code starts, within the window */
static gsize
cblue_redact_context_after(CblueRedactScan *scan, pcre2_code *code, gsize end)
{
	gsize limit = cblue_redact_forward_chars(scan->text, scan->len, end, scan->rule->window);
	const PCRE2_SIZE *ov;

	if (end >= limit || cblue_redact_match(scan, code, limit, end) < 0)
		return G_MAXSIZE;
	ov = pcre2_get_ovector_pointer(scan->thread->match_data);
	return ov[0] - end;
}

/* adds a span once its context agrees: a context word is required when @need_context, and
 * a negative word (order number, version…) closer to the value than any context word
 * rejects it */
static void
cblue_redact_emit(CblueRedactScan *scan, gsize start, gsize end, gboolean need_context)
{
	const CblueRedactRule *rule = scan->rule;
	gsize positive = G_MAXSIZE;

	if (start >= end)
		return;
	if (rule->context != NULL && (need_context || rule->negative != NULL)) {
		positive = cblue_redact_context_before(scan, rule->context, start);
		positive = MIN(positive, cblue_redact_context_after(scan, rule->context, end));
	}
	if (need_context && positive == G_MAXSIZE)
		return;
	if (rule->negative != NULL) {
		gsize negative = cblue_redact_context_before(scan, rule->negative, start);
		if (negative != G_MAXSIZE && negative < positive)
			return;
	}
	if (scan->spans == NULL)
		scan->spans = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_span_free);
	g_ptr_array_add(scan->spans, cblue_span_new(start, end, rule->label));
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
		cblue_redact_emit(scan, start, end, rule->context_required);
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
	gsize end = ov[1];
	if (end > ov[0] && scan->text[end - 1] == '.') /* the end of a sentence */
		end--;
	if (cblue_redact_ipv6_valid(scan->text + ov[0], end - ov[0]))
		cblue_redact_emit(scan, ov[0], end, FALSE);
	return ov[1];
}

static gsize
cblue_redact_check_email(CblueRedactScan *scan, const CblueRedactRule *rule, const PCRE2_SIZE *ov)
{
	const gchar *value = scan->text + ov[0];
	gsize len = ov[1] - ov[0];
	const gchar *at = memchr(value, '@', len);
	gsize local_len = at != NULL ? (gsize)(at - value) : len;

	/* a local part neither starts nor ends with a dot, nor has two in a row */
	if (value[0] == '.' || (local_len > 0 && value[local_len - 1] == '.') ||
	    g_strstr_len(value, (gssize)local_len, "..") != NULL)
		return ov[1];
	cblue_redact_emit(scan, ov[0], ov[1], FALSE);
	return ov[1];
}

static gboolean
cblue_redact_group_set(const PCRE2_SIZE *ov, guint32 g)
{
	return g > 0 && g < CBLUE_REDACT_OVECTOR_PAIRS && ov[2 * g] != PCRE2_UNSET && ov[2 * g + 1] > ov[2 * g];
}

/*
 * LINE / WeChat ids follow a keyword. An unambiguous keyword (ไลน์, 微信号, `line id`) is
 * enough; a common word (`line`, `wechat`) needs a `:` — or, for WeChat, an id that has a
 * digit, `_` or `-` — and `wx`/`vx` always need the `:`.
 */
static gsize
cblue_redact_check_chat(CblueRedactScan *scan, const CblueRedactRule *rule, const PCRE2_SIZE *ov)
{
	static const gchar *const stop_words[] = {"is",	  "please", "pls",  "below", "above", "here",
						  "there", "later",  "soon", "only",  "same",  "the",
						  "and",   "for",    "thanks", "thank", "you",   "me", NULL};
	const gchar *text = scan->text;
	gsize start, end;
	gboolean weak = cblue_redact_group_set(ov, rule->weak_group);
	gboolean has_sep = cblue_redact_group_set(ov, rule->sep_group);
	gboolean colon = has_sep && strchr(":=", text[ov[2 * rule->sep_group]]) != NULL;
	gsize kw_start = weak ? ov[2 * rule->weak_group] : ov[2 * rule->strong_group];
	gsize kw_end = weak ? ov[2 * rule->weak_group + 1] : ov[2 * rule->strong_group + 1];
	gboolean kw_ascii = (guchar)text[kw_start] < 0x80;
	gboolean non_alpha = FALSE;

	cblue_redact_value_bounds(rule, ov, &start, &end);
	/* a sentence goes on after the id: `line id: somchai.` */
	while (end > start + 1 && strchr("._-", text[end - 1]) != NULL)
		end--;
	for (gsize i = start; i < end; i++)
		non_alpha = non_alpha || !g_ascii_isalpha(text[i]);
	if (weak) {
		gboolean short_kw = kw_end - kw_start == 2; /* wx, vx */
		if (short_kw && !colon)
			return ov[1];
		if (!colon && !(g_strcmp0(rule->label, "WECHAT_ID") == 0 && has_sep) &&
		    !(g_strcmp0(rule->label, "WECHAT_ID") == 0 && non_alpha))
			return ov[1];
	} else if (kw_ascii && !has_sep && !non_alpha) {
		g_autofree gchar *word = g_ascii_strdown(text + start, (gssize)(end - start));
		if (g_strv_contains(stop_words, word))
			return ov[1];
	}
	if (!has_sep && kw_ascii && start == kw_end) /* `lineid` glued: not a keyword */
		return ov[1];
	cblue_redact_emit(scan, start, end, FALSE);
	return ov[1];
}

/* numbers in groups: phones, cards, Thai IDs, bank accounts */

typedef gboolean (*CblueRedactWindowFunc)(const CblueRedactGroups *groups, const gchar *text, guint first,
					  guint last, gboolean *need_context);

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
static const gchar *const cblue_redact_th_mobile_shapes[] = {"10",    "3.3.4", "3.7", "2.4.4",
							     "3.4.3", "4.3.3", "2.8", "4.6", NULL};
static const gchar *const cblue_redact_th_landline_shapes[] = {"9", "2.3.4", "3.3.3", "1.4.4", "2.7", "3.6", NULL};
static const gchar *const cblue_redact_cn_mobile_shapes[] = {"11", "3.4.4", "3.8", NULL};
static const gchar *const cblue_redact_cn_landline_shapes[] = {"11",	"12",	 "3.8",	  "4.7",   "4.8",
							       "3.4.4", "4.3.4", "4.4.4", "3.3.4", NULL};

static gboolean
cblue_redact_window_phone(const CblueRedactGroups *groups, const gchar *text, guint first, guint last,
			  gboolean *need_context)
{
	gchar digits[64];
	guint n = cblue_redact_groups_digits(groups, text, first, last, digits, sizeof(digits));
	gboolean plus = first == 0 && groups->plus;
	guint n_small = 0;
	gboolean international;

	if (n < 8 || n > 15 || last - first > 5)
		return FALSE;
	/* at most one group of a single digit (`+66 8 1234 5678`, `0 2123 4567`), never the
	 * last: `0812345678 2 ชิ้น` is a phone and a quantity */
	for (guint j = first; j <= last; j++)
		n_small += groups->groups[j].n_digits == 1 ? 1 : 0;
	if (n_small > 1 || (last > first && groups->groups[last].n_digits == 1))
		return FALSE;
	international = plus || (digits[0] == '0' && digits[1] == '0') ||
			(n == 11 && g_str_has_prefix(digits, "66")) || (n == 13 && g_str_has_prefix(digits, "86"));
	switch (cblue_redact_phone_classify(digits, n, plus)) {
	case CBLUE_REDACT_PHONE_NONE:
		return FALSE;
	case CBLUE_REDACT_PHONE_TH_MOBILE:
		return international ||
		       cblue_redact_groups_shape_in(groups, first, last, cblue_redact_th_mobile_shapes);
	case CBLUE_REDACT_PHONE_TH_LANDLINE:
		return international ||
		       cblue_redact_groups_shape_in(groups, first, last, cblue_redact_th_landline_shapes);
	case CBLUE_REDACT_PHONE_CN_MOBILE:
		return international ||
		       cblue_redact_groups_shape_in(groups, first, last, cblue_redact_cn_mobile_shapes);
	case CBLUE_REDACT_PHONE_CN_LANDLINE:
		return international ||
		       cblue_redact_groups_shape_in(groups, first, last, cblue_redact_cn_landline_shapes);
	case CBLUE_REDACT_PHONE_INTERNATIONAL:
	default:
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

	if (n < 13 || n > 19 || digits[0] < '2' || digits[0] > '6' || (first == 0 && groups->plus))
		return FALSE;
	if (k > 1) {
		gboolean fours = k >= 4;
		if (!cblue_redact_groups_same_sep(groups, first, last, " -"))
			return FALSE;
		for (guint j = first; j < last && fours; j++)
			fours = groups->groups[j].n_digits == 4;
		fours = fours && groups->groups[last].n_digits <= 4;
		if (!fours && !cblue_redact_groups_sizes_are(groups, first, last, amex, 3) &&
		    !cblue_redact_groups_sizes_are(groups, first, last, diners, 3))
			return FALSE;
	}
	return cblue_redact_luhn_valid(digits, n);
}

static gboolean
cblue_redact_window_th_id(const CblueRedactGroups *groups, const gchar *text, guint first, guint last,
			  gboolean *need_context)
{
	static const guint8 sizes[] = {1, 4, 5, 2, 1};
	gchar digits[64];
	guint n = cblue_redact_groups_digits(groups, text, first, last, digits, sizeof(digits));

	if (n != 13 || (first == 0 && groups->plus))
		return FALSE;
	if (first != last && !(cblue_redact_groups_sizes_are(groups, first, last, sizes, 5) &&
			       cblue_redact_groups_same_sep(groups, first, last, " -")))
		return FALSE;
	return cblue_redact_th_id_valid(digits, n);
}

static gboolean
cblue_redact_window_bank(const CblueRedactGroups *groups, const gchar *text, guint first, guint last,
			 gboolean *need_context)
{
	static const guint8 thai[] = {3, 1, 5, 1};
	gchar digits[64];
	guint n = cblue_redact_groups_digits(groups, text, first, last, digits, sizeof(digits));

	if (n < 10 || n > 19 || last - first > 4 || (first == 0 && groups->plus))
		return FALSE;
	/* xxx-x-xxxxx-x is a Thai account number wherever it is; anything else only near
	 * a bank or account word */
	*need_context = !(cblue_redact_groups_sizes_are(groups, first, last, thai, 4) &&
			  cblue_redact_groups_same_sep(groups, first, last, "-"));
	return TRUE;
}

static void
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
}

/* no value has more groups than `+66 (0) 81 234 5678` */
#define CBLUE_REDACT_MAX_VALUE_GROUPS 6

/* the longest window of whole groups that the rule accepts, then the same on each side;
 * a value may only start or end where a space separates two groups. Returns the end of
 * the last value emitted, or 0. */
static gsize
cblue_redact_windows(CblueRedactScan *scan, const CblueRedactGroups *groups, guint lo, guint hi,
		     CblueRedactWindowFunc window_ok)
{
	for (guint width = MIN(hi - lo, CBLUE_REDACT_MAX_VALUE_GROUPS); width >= 1; width--) {
		for (guint first = lo; first + width <= hi; first++) {
			guint last = first + width - 1;
			gboolean need_context = FALSE;
			gsize start, end, right;
			if (first > 0 && !groups->groups[first].sep_space)
				continue;
			if (last + 1 < groups->n_groups && !groups->groups[last + 1].sep_space)
				continue;
			if (!window_ok(groups, scan->text, first, last, &need_context))
				continue;
			cblue_redact_window_span(groups, scan->text, scan->len, first, last, &start, &end);
			cblue_redact_emit(scan, start, end, need_context);
			if (first > lo)
				cblue_redact_windows(scan, groups, lo, first, window_ok);
			right = last + 1 < hi ? cblue_redact_windows(scan, groups, last + 1, hi, window_ok) : 0;
			return MAX(end, right);
		}
	}
	return 0;
}

static gsize
cblue_redact_check_groups(CblueRedactScan *scan, const PCRE2_SIZE *ov, CblueRedactWindowFunc window_ok)
{
	CblueRedactGroups groups;
	gsize last_end;

	if (!cblue_redact_groups_parse(&groups, scan->text, ov[0], ov[1]))
		return ov[1];
	last_end = cblue_redact_windows(scan, &groups, 0, groups.n_groups, window_ok);
	/* the pattern takes at most 48 pieces: a value may go on past the candidate, so its
	 * last groups are looked at again with what follows; every group is looked at a
	 * bounded number of times, whatever the text */
	if (groups.n_groups >= CBLUE_REDACT_MAX_VALUE_GROUPS)
		return MAX(last_end, groups.groups[groups.n_groups - CBLUE_REDACT_MAX_VALUE_GROUPS + 1].sep_start);
	return ov[1];
}

static gsize
cblue_redact_check_phone(CblueRedactScan *scan, const CblueRedactRule *rule, const PCRE2_SIZE *ov)
{
	return cblue_redact_check_groups(scan, ov, cblue_redact_window_phone);
}

static gsize
cblue_redact_check_card(CblueRedactScan *scan, const CblueRedactRule *rule, const PCRE2_SIZE *ov)
{
	return cblue_redact_check_groups(scan, ov, cblue_redact_window_card);
}

static gsize
cblue_redact_check_th_id(CblueRedactScan *scan, const CblueRedactRule *rule, const PCRE2_SIZE *ov)
{
	return cblue_redact_check_groups(scan, ov, cblue_redact_window_th_id);
}

static gsize
cblue_redact_check_bank(CblueRedactScan *scan, const CblueRedactRule *rule, const PCRE2_SIZE *ov)
{
	return cblue_redact_check_groups(scan, ov, cblue_redact_window_bank);
}

/* the built-in rules */

/* digits in groups, e.g. `081-234-5678`, `(02) 123 4567`, `+66 81 234 5678`, `4111 1111
 * 1111 1111`; not glued to letters or to a longer number, nor the tail of a code such as
 * `SO-0812345678` (but `Tel.0812345678` is a phone) */
#define CBLUE_REDACT_NUMBER_PATTERN                                                                           \
	"(?<![0-9A-Za-z_])(?<![0-9A-Za-z][\\-/])(?<![0-9]\\.)(?:\\+ ?|\\(\\+?(?=[0-9]))?[0-9]"          \
	"(?:[0-9]|[ .\\-()]{1,3}(?=[0-9])){5,48}"                                                               \
	"(?![0-9A-Za-z_])"

/* words that make a number an order, invoice, tracking or model number */
#define CBLUE_REDACT_NEGATIVE_REFERENCE                                                                       \
	"(?i:order|invoice|\\binv\\b|tracking|\\bref\\b|reference|\\bsku\\b|serial|\\bs/n\\b|barcode|\\bean\\b|"   \
	"isbn|\\bpo\\b|model|เลขพัสดุ|พัสดุ|คำสั่งซื้อ|ใบสั่งซื้อ|เลขที่ใบ|ใบแจ้งหนี้|ใบเสร็จ|รหัสสินค้า|ออเดอร์|订单|运单|单号|" \
	"快递|条码|发票|型号)"

#define CBLUE_REDACT_BANK_WORDS                                                                                \
	"(?i:บัญชี|บช\\.?|บ/ช|ธนาคาร|ธ\\.|พร้อมเพย์|promptpay|กสิกร|ไทยพาณิชย์|กรุงไทย|กรุงศรี|ออมสิน|ทหารไทย|" \
	"ธนชาต|ธ\\.ก\\.ส|\\bttb\\b|kbank|\\bscb\\b|\\bbbl\\b|\\bktb\\b|krungsri|\\bgsb\\b|\\bbaac\\b|account|" \
	"\\bacct\\b|a/c|\\bbank\\b|banking|\\biban\\b|transfer|โอน|账号|帐号|账户|帐户|银行|开户|收款|转账|汇款)"

typedef struct {
	const gchar *name;
	const gchar *label;
	const gchar *pattern;
	CblueRedactCheckFunc check;
	CblueRedactTrigger trigger;
	gsize lookback;
	guint min_digits;
	CblueRedactValidator validator;
	const gchar *context;
	gboolean context_required;
	const gchar *negative;
} CblueRedactBuiltin;

static const CblueRedactBuiltin cblue_redact_builtins[] = {
    {"email", "EMAIL",
     /* local@domain.tld, also obfuscated: name [at] example [dot] com */
     "(?<![A-Za-z0-9._%+\\-])[A-Za-z0-9_%+\\-][A-Za-z0-9._%+\\-]{0,63}"
     "(?:@|\\s?[\\[(]\\s?(?i:at)\\s?[\\])]\\s?)"
     "(?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?(?:\\.|\\s?[\\[(]\\s?(?i:dot)\\s?[\\])]\\s?)){1,8}"
     "(?:[A-Za-z]{2,24}|ไทย|中国|中國|公司|网络|香港|台湾|台灣)(?![A-Za-z0-9\\-])",
     cblue_redact_check_email, CBLUE_REDACT_TRIGGER_AT, 256, 0, CBLUE_REDACT_VALIDATOR_NONE, NULL, FALSE, NULL},
    {"phone", "PHONE", CBLUE_REDACT_NUMBER_PATTERN, cblue_redact_check_phone, CBLUE_REDACT_TRIGGER_DIGIT, 4, 8,
     CBLUE_REDACT_VALIDATOR_NONE, NULL, FALSE, NULL},
    {"th-id", "TH_ID", CBLUE_REDACT_NUMBER_PATTERN, cblue_redact_check_th_id, CBLUE_REDACT_TRIGGER_DIGIT, 4, 13,
     CBLUE_REDACT_VALIDATOR_NONE,
     "(?i:บัตรประชาชน|บัตรประจำตัว|เลขประจำตัว|ปชช|citizen|national\\s*id|id\\s*card|\\bid\\b|身份证|身份證)", FALSE,
     CBLUE_REDACT_NEGATIVE_REFERENCE},
    {"cn-id", "CN_ID",
     "(?<![0-9A-Za-z])[1-8][0-9]{5}([ \\-]?)(?:18|19|20)[0-9]{6}\\1[0-9]{3}[0-9Xx](?![0-9A-Za-z])",
     cblue_redact_check_plain, CBLUE_REDACT_TRIGGER_DIGIT, 0, 17, CBLUE_REDACT_VALIDATOR_CN_ID, NULL, FALSE, NULL},
    {"card", "CARD", CBLUE_REDACT_NUMBER_PATTERN, cblue_redact_check_card, CBLUE_REDACT_TRIGGER_DIGIT, 4, 13,
     CBLUE_REDACT_VALIDATOR_NONE,
     "(?i:card|credit|debit|visa|master|amex|unionpay|บัตร|信用卡|银行卡|借记卡|卡号|银联)", FALSE,
     CBLUE_REDACT_NEGATIVE_REFERENCE},
    {"ipv4", "IP", "(?<![0-9A-Za-z_.])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?![0-9A-Za-z_]|\\.[0-9])",
     cblue_redact_check_ipv4, CBLUE_REDACT_TRIGGER_DIGIT, 0, 4, CBLUE_REDACT_VALIDATOR_NONE,
     "(?i:\\bip\\b|address|addr|host|server|ไอพี|地址)", FALSE,
     "(?i:version|\\bver\\b|firmware|\\bfw\\b|build|release|\\brev\\b|เวอร์ชัน|เวอร์ชั่น|รุ่น|版本|固件)"},
    {"ipv6", "IP",
     "(?<![0-9A-Za-z_:.])(?:[0-9A-Fa-f]{1,4})?(?::[0-9A-Fa-f]{0,4}){2,7}"
     "(?:(?<=:)[0-9]{1,3}(?:\\.[0-9]{1,3}){3})?(?![0-9A-Za-z_:]|\\.[0-9A-Za-z])",
     cblue_redact_check_ipv6, CBLUE_REDACT_TRIGGER_COLON, 8, 0, CBLUE_REDACT_VALIDATOR_NONE, NULL, FALSE, NULL},
    {"bank-account", "BANK_ACCOUNT", CBLUE_REDACT_NUMBER_PATTERN, cblue_redact_check_bank,
     CBLUE_REDACT_TRIGGER_DIGIT, 4, 10, CBLUE_REDACT_VALIDATOR_NONE, CBLUE_REDACT_BANK_WORDS, FALSE,
     CBLUE_REDACT_NEGATIVE_REFERENCE},
    {"passport", "PASSPORT",
     "(?<![0-9A-Za-z])(?:[A-Za-z]{1,2}[0-9]{6,8}|[0-9]{8,9})(?![0-9A-Za-z])", cblue_redact_check_plain,
     CBLUE_REDACT_TRIGGER_DIGIT, 8, 6, CBLUE_REDACT_VALIDATOR_NONE,
     "(?i:passport|pass\\s*no|หนังสือเดินทาง|พาสปอร์ต|พาสปอต|护照|護照|旅行证件)", TRUE, NULL},
    {"line-id", "LINE_ID",
     "(?i)(?<![A-Za-z])(?:(?<strong>line\\s{0,3}id|id\\s{0,3}line|line\\s{0,3}ไอดี|ไอดี\\s{0,3}ไลน์|"
     "ไลน์\\s{0,3}ไอดี|แอด\\s{0,3}ไลน์|add\\s{0,3}line|ไลน์)|(?<weak>line))"
     "\\s*+(?<sep>[:=]|คือ|is\\b|是)?\\s*+(?<value>@?[A-Za-z0-9][A-Za-z0-9._\\-]{2,19})(?![A-Za-z0-9._\\-])",
     cblue_redact_check_chat, CBLUE_REDACT_TRIGGER_CHAT, 24, 0, CBLUE_REDACT_VALIDATOR_NONE, NULL, FALSE, NULL},
    {"wechat-id", "WECHAT_ID",
     "(?i)(?<![A-Za-z])(?:(?<strong>微信号码|微信号|微信\\s{0,3}id|微信|威信|薇信|v信|wechat\\s{0,3}id|"
     "weixin\\s{0,3}id)|(?<weak>wechat|weixin|wx|vx))"
     "\\s*+(?<sep>[:=]|号码|号|是|is\\b|id\\b)?\\s*+(?<value>[A-Za-z0-9][A-Za-z0-9_\\-]{5,19})(?![A-Za-z0-9_\\-])",
     cblue_redact_check_chat, CBLUE_REDACT_TRIGGER_CHAT, 24, 0, CBLUE_REDACT_VALIDATOR_NONE, NULL, FALSE, NULL},
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

gboolean
cblue_redact_engine_add_builtin(CblueRedactEngine *self, const gchar *name, GError **error)
{
	const CblueRedactBuiltin *builtin = NULL;
	g_autoptr(GError) error_local = NULL;
	CblueRedactRule *rule;

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
	rule = g_new0(CblueRedactRule, 1);
	rule->name = g_strdup(builtin->name);
	rule->label = g_strdup(builtin->label);
	rule->check = builtin->check;
	rule->trigger = builtin->trigger;
	rule->lookback = builtin->lookback;
	rule->min_digits = builtin->min_digits;
	rule->validator = builtin->validator;
	rule->context_required = builtin->context_required;
	rule->window = self->context_window;
	rule->code = cblue_redact_compile(builtin->pattern, 0, builtin->name, &error_local);
	if (rule->code != NULL && builtin->context != NULL)
		rule->context = cblue_redact_compile(builtin->context, 0, builtin->name, &error_local);
	if (rule->code != NULL && builtin->negative != NULL)
		rule->negative = cblue_redact_compile(builtin->negative, 0, builtin->name, &error_local);
	if (error_local != NULL) {
		/* a bug, not a configuration error */
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, "%s", error_local->message);
		cblue_redact_rule_free(rule);
		return FALSE;
	}
	if (rule->min_digits > 0)
		self->min_digits = self->min_digits == 0 ? rule->min_digits : MIN(self->min_digits, rule->min_digits);
	rule->value_group = cblue_redact_group_number(rule->code, "value");
	rule->strong_group = cblue_redact_group_number(rule->code, "strong");
	rule->weak_group = cblue_redact_group_number(rule->code, "weak");
	rule->sep_group = cblue_redact_group_number(rule->code, "sep");
	g_ptr_array_add(self->rules, rule);
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
	else
		return FALSE;
	return TRUE;
}

gboolean
cblue_redact_engine_add_rule(CblueRedactEngine *self, const CblueRedactRuleSpec *spec, GError **error)
{
	g_autoptr(GError) error_local = NULL;
	CblueRedactRule *rule;
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
	rule = g_new0(CblueRedactRule, 1);
	rule->name = g_strdup(spec->name);
	rule->label = g_strdup(spec->label);
	rule->check = cblue_redact_check_plain;
	rule->trigger = CBLUE_REDACT_TRIGGER_ALWAYS;
	rule->validator = spec->validator;
	rule->window = spec->context_window > 0 ? spec->context_window : self->context_window;
	rule->code =
	    cblue_redact_compile(spec->pattern, spec->case_insensitive ? PCRE2_CASELESS : 0, spec->name, &error_local);
	if (rule->code != NULL && spec->context != NULL) {
		rule->context = cblue_redact_compile_words(spec->context, spec->name, &error_local);
		rule->context_required = rule->context != NULL;
	}
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
	if (g_hash_table_contains(self->disabled, rule->label)) {
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

static gssize
cblue_redact_find_obfuscated_at(const gchar *text, gsize len)
{
	for (const gchar *p = strpbrk(text, "[("); p != NULL; p = strpbrk(p + 1, "[(")) {
		const gchar *q = p + 1;
		if (*q == ' ')
			q++;
		if (g_ascii_strncasecmp(q, "at", 2) == 0 && (q[2] == ']' || q[2] == ')' || q[2] == ' '))
			return p - text;
	}
	return -1;
}

static gssize
cblue_redact_find_chat(const gchar *text, gsize len)
{
	static const gchar *const needles[] = {"ไลน์", "信", NULL};
	gssize best = -1;

	for (gsize i = 0; i + 1 < len; i++) {
		gchar c = (gchar)(text[i] | 0x20);
		if ((c == 'l' && g_ascii_strncasecmp(text + i, "line", 4) == 0) ||
		    ((c == 'w' || c == 'v') && (text[i + 1] | 0x20) == 'x') ||
		    (c == 'w' && (g_ascii_strncasecmp(text + i, "wechat", 6) == 0 ||
				  g_ascii_strncasecmp(text + i, "weixin", 6) == 0))) {
			best = (gssize)i;
			break;
		}
	}
	for (guint i = 0; needles[i] != NULL; i++) {
		const gchar *p = memmem(text, best >= 0 ? (gsize)best : len, needles[i], strlen(needles[i]));
		if (p != NULL)
			best = p - text;
	}
	return best;
}

static gssize
cblue_redact_find_trigger(const gchar *text, gsize len, CblueRedactTrigger trigger)
{
	const gchar *p;
	switch (trigger) {
	case CBLUE_REDACT_TRIGGER_DIGIT:
		p = strpbrk(text, "0123456789");
		return p != NULL ? p - text : -1;
	case CBLUE_REDACT_TRIGGER_AT: {
		gssize at, obfuscated;
		p = memchr(text, '@', len);
		at = p != NULL ? p - text : -1;
		obfuscated = cblue_redact_find_obfuscated_at(text, len);
		if (at < 0 || (obfuscated >= 0 && obfuscated < at))
			return obfuscated;
		return at;
	}
	case CBLUE_REDACT_TRIGGER_COLON:
		p = memchr(text, ':', len);
		return p != NULL ? p - text : -1;
	case CBLUE_REDACT_TRIGGER_CHAT:
		return cblue_redact_find_chat(text, len);
	case CBLUE_REDACT_TRIGGER_ALWAYS:
	case CBLUE_REDACT_N_TRIGGERS:
	default:
		return 0;
	}
}

/* a run of digits and the separators of numbers (` .-()+`): the only places a digit rule
 * can match. Found once per text, so that a rule runs only where enough digits are */
typedef struct {
	gsize start; /* the first digit, `+` or `(` */
	gsize end; /* after the last digit */
	guint n_digits;
} CblueRedactRun;

#define CBLUE_REDACT_MAX_RUNS 64

static gboolean
cblue_redact_is_number_sep(gchar c)
{
	return c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '+';
}

/* the runs of @text with at least @min_digits digits; FALSE if there are too many to
 * list, in which case the rules search the whole text */
static gboolean
cblue_redact_find_runs(const gchar *text, gsize len, guint min_digits, CblueRedactRun *runs, guint *n_runs)
{
	const gchar *p = strpbrk(text, "0123456789");

	*n_runs = 0;
	while (p != NULL) {
		CblueRedactRun run = {0};
		const gchar *q = p;
		/* a `+` or `(` right before the first digit belongs to the run */
		run.start = (gsize)(p - text);
		while (run.start > 0 && (text[run.start - 1] == '+' || text[run.start - 1] == '('))
			run.start--;
		for (; *q != '\0'; q++) {
			if (g_ascii_isdigit(*q)) {
				run.n_digits++;
				run.end = (gsize)(q - text) + 1;
			} else if (!cblue_redact_is_number_sep(*q)) {
				break;
			}
		}
		if (run.n_digits >= min_digits) {
			if (*n_runs == CBLUE_REDACT_MAX_RUNS)
				return FALSE;
			runs[(*n_runs)++] = run;
		}
		p = *q != '\0' ? strpbrk(q, "0123456789") : NULL;
	}
	return TRUE;
}

/* runs @rule from @start; pcre2 sees the text up to @limit (lookbehinds see it all) */
static void
cblue_redact_run_rule(CblueRedactScan *scan, CblueRedactRule *rule, gsize start, gsize limit)
{
	gsize offset = start;

	scan->rule = rule;
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

/* a digit rule, run on each run with enough digits only */
static void
cblue_redact_run_digit_rule(CblueRedactScan *scan, CblueRedactRule *rule, const CblueRedactRun *runs,
			    guint n_runs)
{
	gsize done = 0;
	for (guint i = 0; i < n_runs; i++) {
		gsize start, limit;
		if (runs[i].n_digits < rule->min_digits || runs[i].end <= done)
			continue;
		start = runs[i].start > rule->lookback ? cblue_redact_snap_back(scan->text, runs[i].start - rule->lookback)
						       : 0;
		start = MAX(start, done);
		/* two characters past the run, for the patterns' look-aheads and a trailing X */
		limit = cblue_redact_forward_chars(scan->text, scan->len, runs[i].end, 2);
		cblue_redact_run_rule(scan, rule, start, limit);
		done = runs[i].end;
	}
}

/* runs every rule over @text (valid UTF-8, folded); returns the spans, or NULL for none */
GPtrArray *
cblue_redact_engine_find(CblueRedactEngine *self, const gchar *text)
{
	CblueRedactScan scan = {0};
	gssize triggers[CBLUE_REDACT_N_TRIGGERS];
	CblueRedactRun runs[CBLUE_REDACT_MAX_RUNS];
	guint n_runs = 0;
	gint runs_state = 0; /* 0: not looked for, 1: listed, -1: too many */

	scan.engine = self;
	scan.text = text;
	scan.len = strlen(text);
	if (scan.len == 0 || self->rules->len == 0)
		return NULL;
	for (guint i = 0; i < CBLUE_REDACT_N_TRIGGERS; i++)
		triggers[i] = -2; /* not looked for yet */
	for (guint i = 0; i < self->rules->len; i++) {
		CblueRedactRule *rule = g_ptr_array_index(self->rules, i);
		gssize at = triggers[rule->trigger];
		gsize start;
		if (at == -2)
			at = triggers[rule->trigger] = cblue_redact_find_trigger(text, scan.len, rule->trigger);
		if (at < 0)
			continue;
		if (rule->trigger == CBLUE_REDACT_TRIGGER_DIGIT && rule->min_digits > 0 && runs_state == 0)
			runs_state = cblue_redact_find_runs(text, scan.len, self->min_digits, runs, &n_runs) ? 1 : -1;
		if (rule->trigger == CBLUE_REDACT_TRIGGER_DIGIT && rule->min_digits > 0 && runs_state == 1) {
			if (n_runs == 0)
				continue;
			if (scan.thread == NULL)
				scan.thread = cblue_redact_thread_get();
			cblue_redact_run_digit_rule(&scan, rule, runs, n_runs);
			continue;
		}
		if (scan.thread == NULL)
			scan.thread = cblue_redact_thread_get();
		start = (gsize)at > rule->lookback ? cblue_redact_snap_back(text, (gsize)at - rule->lookback) : 0;
		cblue_redact_run_rule(&scan, rule, start, scan.len);
	}
	return scan.spans;
}
