/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cblue-line-files-private.h"
#include "cblue-retrieval-common.h"
#include "cblue-retrieval-synonyms.h"
#include "cblue-tokenizer-private.h"

/*
 * Synonyms and spelling variants. A file has one group per line, terms separated by
 * commas, the first term being the canonical form ("solar, pv, photovoltaic"); `#` starts
 * a comment line and `!term` removes the group (of an earlier file) holding that term.
 * Every term is normalized like the text it is matched against (NFKC, case folding,
 * Traditional → Simplified Chinese), spaces and hyphens inside a term match any run of
 * spaces and hyphens.
 *
 * Before segmentation, every variant in a normalized text is rewritten to its canonical
 * form, longest match first, left to right: as whole words for variants that begin or
 * end with a Latin letter or digit (an "s" after a final letter is taken as a plural),
 * anywhere for Thai and Chinese, which have no spaces between words. Applied to the KB
 * and to every question alike, all the spellings of a thing become one.
 *
 * A later file overrides an earlier one: a group that shares a term with a group of an
 * earlier file replaces that group. Within one file a term may be in one group only.
 *
 * Code-mixed text ("ติด solar ราคาเท่าไหร่", "装solar多少钱"): a group whose canonical form is
 * Thai (or Chinese) is of that language, and its terms without a Thai (or Chinese)
 * character, "solar" in "โซลาร์เซลล์, solar cell, solar", apply only to a text of mostly
 * that language's words (cblue_retrieval_syn_text_scope()). So th.txt and zh.txt can each
 * read an English word their own way, and English text is analyzed as before. Such a term
 * lives in its language's table: it conflicts with, and replaces, only the terms of that
 * language's groups, never an English group's "solar". In a text of that language, such a
 * term wins over another group's term of the same length (the longest match first, as
 * ever), and an English group's canonical form that is such a term is read on ("pv" →
 * "solar" → "โซลาร์เซลล์").
 */

/* where a term applies: in every text, or only in a text of one language */
typedef enum {
	CBLUE_RETRIEVAL_SYN_SCOPE_ANY,
	CBLUE_RETRIEVAL_SYN_SCOPE_TH,
	CBLUE_RETRIEVAL_SYN_SCOPE_ZH,
	CBLUE_RETRIEVAL_SYN_N_SCOPES,
} CblueRetrievalSynScope;

/* the language codes of the scopes, for the digest (none for ANY: a set without such terms
 * keeps the digest it had) */
static const gchar *const cblue_retrieval_syn_scope_codes[CBLUE_RETRIEVAL_SYN_N_SCOPES] = {NULL, "th", "zh"};

typedef struct {
	GPtrArray *terms; /* owned, of utf8 (normalized); the first is the canonical form */
	gchar *where; /* owned: the file that defined the group */
	guint line;
	/* the language of the canonical form: its terms without a character of that language
	 * apply only to a text of that language (ANY for a group of Latin canonical form) */
	CblueRetrievalSynScope language;
} CblueRetrievalSynGroup;

typedef struct {
	const gchar *variant; /* borrowed from a group */
	gsize len;
	const gchar *canonical; /* borrowed from a group; NULL if the variant is the canonical form */
	gunichar last; /* the last character: must end a word if it is a Latin letter or digit */
	gunichar second; /* the second character, 0 if none: most entries are told apart by it */
	/* the bytes of the variant that the matcher finds equal before comparing any: those
	 * of the first character, and of the second unless it is a space or none (an entry
	 * is tried only where the text has its first character, and its second if any) */
	guint known;
	gboolean plural; /* ends with a Latin letter: a plural "s" may follow */
	CblueRetrievalSynScope scope;
	/* borrowed: what the variant is rewritten to in a text of each language, NULL if it
	 * stays: @canonical, or for an English group's term whose canonical form is a term
	 * of that language, that term's canonical form (see the top of this file) */
	const gchar *canonical_in[CBLUE_RETRIEVAL_SYN_N_SCOPES];
} CblueRetrievalSynEntry;

/* first characters below this index the matcher directly (ASCII, Latin and Thai), the
 * others through a hash table */
#define CBLUE_RETRIEVAL_SYN_DIRECT 0x0E80

/* the common CJK ideographs, whose first characters the matcher tells by a bitmap before
 * its hash table: Chinese text is tried at every character, and few begin an entry */
#define CBLUE_RETRIEVAL_SYN_CJK_FIRST 0x4E00
#define CBLUE_RETRIEVAL_SYN_CJK_LAST  0x9FFF
#define CBLUE_RETRIEVAL_SYN_CJK_WORDS ((CBLUE_RETRIEVAL_SYN_CJK_LAST - CBLUE_RETRIEVAL_SYN_CJK_FIRST + 1 + 63) / 64)

/* The entries that begin with one character, longest first, as the matcher tries them; and
 * the same told apart by their second character, so that a position of the text tries only
 * those that can match there (Thai text is tried at every character, and a common first
 * letter such as เ or อ begins dozens of variants). */
typedef struct {
	GPtrArray *entries; /* owned, of borrowed CblueRetrievalSynEntry */
	/* owned: second gunichar → GPtrArray (owned) of the entries whose second character is
	 * that one, a space or none, in the order of @entries (no key for a space or none) */
	GHashTable *by_second;
	GPtrArray *any_second; /* owned: the entries whose second character is a space or none */
	/* the keys of @by_second that are ASCII (bits 0–127) or Thai (U+0E00..U+0E7F, bits
	 * 128–255): most positions of a text are told apart without a lookup */
	guint64 seconds[4];
	/* owned array of GPtrArrays borrowed from @by_second: those of the bits of @seconds, in
	 * the bits' order (a bit's is at the number of bits set before it) */
	GPtrArray **seconds_lists;
	guint8 seconds_before[4]; /* the bits set in the words of @seconds before each */
} CblueRetrievalSynList;

/* the entries of one scope, by their first character */
typedef struct {
	GHashTable *lists; /* owned: first gunichar → CblueRetrievalSynList (owned) */
	CblueRetrievalSynList **direct; /* owned array of CBLUE_RETRIEVAL_SYN_DIRECT lists borrowed from @lists (or NULL) */
	gboolean beyond_direct; /* some entry begins with a character past the direct ones */
	/* the common CJK ideographs that begin an entry, a bit each (from
	 * CBLUE_RETRIEVAL_SYN_CJK_FIRST) */
	guint64 cjk_first[CBLUE_RETRIEVAL_SYN_CJK_WORDS];
} CblueRetrievalSynMatcher;

struct _CblueRetrievalSynonyms {
	CblueTokenizer *tokenizer; /* owned */
	GPtrArray *groups; /* owned, of CblueRetrievalSynGroup (NULL once removed) */
	/* owned, one a scope: utf8 term (borrowed from groups) → borrowed group */
	GHashTable *by_term[CBLUE_RETRIEVAL_SYN_N_SCOPES];
	GArray *entries; /* owned, of CblueRetrievalSynEntry; NULL until sealed */
	/* owned, one a scope; NULL until sealed, and for a language without terms of its own */
	CblueRetrievalSynMatcher *matchers[CBLUE_RETRIEVAL_SYN_N_SCOPES];
	gchar *digest; /* owned; NULL until sealed */
	/* typo tolerance (cblue_retrieval_synonyms_correct()), NULL until sealed: owned, the
	 * words of ASCII letters of the terms (borrowed, as keys and values); and owned, each
	 * of them minus one letter (owned) → the first such word in the files' order */
	GHashTable *typo_words;
	GHashTable *typo_deletes;
};

static void
cblue_retrieval_syn_list_free(CblueRetrievalSynList *list)
{
	g_ptr_array_unref(list->entries);
	g_hash_table_unref(list->by_second);
	g_ptr_array_unref(list->any_second);
	g_free(list->seconds_lists);
	g_free(list);
}

static void
cblue_retrieval_syn_matcher_free(CblueRetrievalSynMatcher *matcher)
{
	if (matcher == NULL)
		return;
	g_free(matcher->direct);
	g_hash_table_unref(matcher->lists);
	g_free(matcher);
}

static void
cblue_retrieval_syn_group_free(CblueRetrievalSynGroup *group)
{
	if (group == NULL)
		return;
	g_ptr_array_unref(group->terms);
	g_free(group->where);
	g_free(group);
}

CblueRetrievalSynonyms *
cblue_retrieval_synonyms_new(CblueTokenizer *tokenizer)
{
	CblueRetrievalSynonyms *self = g_atomic_rc_box_new0(CblueRetrievalSynonyms);
	self->tokenizer = g_object_ref(tokenizer);
	self->groups = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_retrieval_syn_group_free);
	for (guint i = 0; i < CBLUE_RETRIEVAL_SYN_N_SCOPES; i++)
		self->by_term[i] = g_hash_table_new(g_str_hash, g_str_equal);
	return self;
}

static void
cblue_retrieval_synonyms_clear(gpointer data)
{
	CblueRetrievalSynonyms *self = data;
	for (guint i = 0; i < CBLUE_RETRIEVAL_SYN_N_SCOPES; i++) {
		g_clear_pointer(&self->matchers[i], cblue_retrieval_syn_matcher_free);
		g_hash_table_unref(self->by_term[i]);
	}
	g_clear_pointer(&self->entries, g_array_unref);
	g_clear_pointer(&self->typo_words, g_hash_table_unref);
	g_clear_pointer(&self->typo_deletes, g_hash_table_unref);
	g_ptr_array_unref(self->groups);
	g_object_unref(self->tokenizer);
	g_free(self->digest);
}

CblueRetrievalSynonyms *
cblue_retrieval_synonyms_ref(CblueRetrievalSynonyms *self)
{
	return g_atomic_rc_box_acquire(self);
}

void
cblue_retrieval_synonyms_unref(CblueRetrievalSynonyms *self)
{
	g_atomic_rc_box_release_full(self, cblue_retrieval_synonyms_clear);
}

/* Latin (and other alphabetic, non-Thai) letters and digits make words; a variant that
 * begins or ends with one must not begin or end inside a word. Letters and digits are
 * words of their own ("5kw" is "5 kw", as the tokenizer has it). */
typedef enum {
	CBLUE_RETRIEVAL_SYN_CLASS_NONE,
	CBLUE_RETRIEVAL_SYN_CLASS_LETTER,
	CBLUE_RETRIEVAL_SYN_CLASS_DIGIT,
} CblueRetrievalSynClass;

/* (inline: the rewrite asks it of nearly every character of a text) */
static inline CblueRetrievalSynClass
cblue_retrieval_syn_class(gunichar ch)
{
	if (ch < 0x80) {
		if (g_ascii_isdigit(ch))
			return CBLUE_RETRIEVAL_SYN_CLASS_DIGIT;
		return g_ascii_isalpha(ch) ? CBLUE_RETRIEVAL_SYN_CLASS_LETTER : CBLUE_RETRIEVAL_SYN_CLASS_NONE;
	}
	if (ch >= 0x0E00 || !g_unichar_isalnum(ch))
		return CBLUE_RETRIEVAL_SYN_CLASS_NONE;
	return g_unichar_isdigit(ch) ? CBLUE_RETRIEVAL_SYN_CLASS_DIGIT : CBLUE_RETRIEVAL_SYN_CLASS_LETTER;
}

/* whether @a and @b would run together into one word (@b's class first: it is the
 * character at hand, most often Thai or Chinese, which joins nothing) */
static inline gboolean
cblue_retrieval_syn_joins(gunichar a, gunichar b)
{
	CblueRetrievalSynClass cb = cblue_retrieval_syn_class(b);
	return cb != CBLUE_RETRIEVAL_SYN_CLASS_NONE && cb == cblue_retrieval_syn_class(a);
}

static gboolean
cblue_retrieval_syn_is_separator(gchar ch)
{
	return g_ascii_isspace(ch) || ch == '-';
}

/* a normalized term with every run of spaces and hyphens made one space */
static gchar *
cblue_retrieval_syn_clean_term(const gchar *term)
{
	GString *out = g_string_new(NULL);
	gboolean pending_space = FALSE;

	for (const gchar *p = term; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);
		if (g_unichar_isspace(ch) || ch == '-') {
			pending_space = out->len > 0;
			continue;
		}
		if (pending_space)
			g_string_append_c(out, ' ');
		pending_space = FALSE;
		g_string_append_unichar(out, ch);
	}
	return g_string_free(out, FALSE);
}

static gboolean
cblue_retrieval_syn_has_alnum(const gchar *term)
{
	for (const gchar *p = term; *p != '\0'; p = g_utf8_next_char(p)) {
		if (g_unichar_isalnum(g_utf8_get_char(p)))
			return TRUE;
	}
	return FALSE;
}

/* the language of a term's script: Thai or Chinese if it has a character of either (the
 * first found), ANY otherwise */
static CblueRetrievalSynScope
cblue_retrieval_syn_script_scope(const gchar *term)
{
	for (const gchar *p = term; *p != '\0'; p = g_utf8_next_char(p)) {
		switch (cblue_script_for_char(g_utf8_get_char(p))) {
		case CBLUE_SCRIPT_THAI:
			return CBLUE_RETRIEVAL_SYN_SCOPE_TH;
		case CBLUE_SCRIPT_HAN:
			return CBLUE_RETRIEVAL_SYN_SCOPE_ZH;
		case CBLUE_SCRIPT_LATIN:
		case CBLUE_SCRIPT_OTHER:
		default:
			break;
		}
	}
	return CBLUE_RETRIEVAL_SYN_SCOPE_ANY;
}

/* where a term of a group applies: the terms of a Thai or Chinese group that have neither
 * script (an English word) only in a text of the group's language */
static CblueRetrievalSynScope
cblue_retrieval_syn_term_scope(CblueRetrievalSynScope language, const gchar *term)
{
	if (language == CBLUE_RETRIEVAL_SYN_SCOPE_ANY ||
	    cblue_retrieval_syn_script_scope(term) != CBLUE_RETRIEVAL_SYN_SCOPE_ANY)
		return CBLUE_RETRIEVAL_SYN_SCOPE_ANY;
	return language;
}

static void
cblue_retrieval_synonyms_remove_group(CblueRetrievalSynonyms *self, CblueRetrievalSynGroup *group)
{
	for (guint i = 0; i < group->terms->len; i++) {
		const gchar *term = g_ptr_array_index(group->terms, i);
		GHashTable *by_term = self->by_term[cblue_retrieval_syn_term_scope(group->language, term)];
		if (g_hash_table_lookup(by_term, term) == group)
			g_hash_table_remove(by_term, term);
	}
	for (guint i = 0; i < self->groups->len; i++) {
		if (g_ptr_array_index(self->groups, i) == group) {
			/* keep the indexes of the other groups */
			cblue_retrieval_syn_group_free(group);
			self->groups->pdata[i] = NULL;
			break;
		}
	}
}

/* one line of a synonyms file (CblueLineFilesFunc); @where names the file */
static gboolean
cblue_retrieval_synonyms_add_line(gchar *line, const gchar *where, guint line_no, gpointer user_data, GError **error)
{
	CblueRetrievalSynonyms *self = user_data;
	g_autofree gchar *normalized = NULL;
	g_auto(GStrv) parts = NULL;
	g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func(g_free);
	CblueRetrievalSynGroup *group;
	CblueRetrievalSynScope language;

	/* "!term": forget the groups that hold term, in every language */
	if (line[0] == '!') {
		g_autofree gchar *norm = cblue_tokenizer_normalize(self->tokenizer, line + 1);
		g_autofree gchar *term = cblue_retrieval_syn_clean_term(norm);
		gboolean found = FALSE;
		for (guint i = 0; i < CBLUE_RETRIEVAL_SYN_N_SCOPES; i++) {
			CblueRetrievalSynGroup *old = g_hash_table_lookup(self->by_term[i], term);
			if (old != NULL)
				cblue_retrieval_synonyms_remove_group(self, old);
			found |= old != NULL;
		}
		if (!found) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("%s:%u: “%s” is in no synonym group"), where, line_no, line + 1);
			return FALSE;
		}
		return TRUE;
	}

	/* NFKC makes a full-width comma a comma; the ideographic comma separates too */
	normalized = cblue_tokenizer_normalize(self->tokenizer, line);
	{
		g_auto(GStrv) ideographic = g_strsplit(normalized, "、", -1);
		g_free(normalized);
		normalized = g_strjoinv(",", ideographic);
	}
	parts = g_strsplit(normalized, ",", -1);
	for (guint i = 0; parts[i] != NULL; i++) {
		g_autofree gchar *term = cblue_retrieval_syn_clean_term(parts[i]);
		if (term[0] == '\0' || !cblue_retrieval_syn_has_alnum(term)) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("%s:%u: term %u is empty or has no letter or digit"), where, line_no, i + 1);
			return FALSE;
		}
		if (!g_ptr_array_find_with_equal_func(terms, term, g_str_equal, NULL))
			g_ptr_array_add(terms, g_steal_pointer(&term));
	}
	if (terms->len < 2) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("%s:%u: a synonym group needs two different terms, separated by commas"), where, line_no);
		return FALSE;
	}
	language = cblue_retrieval_syn_script_scope(g_ptr_array_index(terms, 0));
	for (guint i = 0; i < terms->len; i++) {
		const gchar *term = g_ptr_array_index(terms, i);
		CblueRetrievalSynGroup *old =
		    g_hash_table_lookup(self->by_term[cblue_retrieval_syn_term_scope(language, term)], term);
		if (old != NULL && g_strcmp0(old->where, where) == 0) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("%s:%u: “%s” is already in the group of line %u"), where, line_no,
				    (const gchar *)g_ptr_array_index(terms, i), old->line);
			return FALSE;
		}
	}
	/* a group of a later file replaces the groups it shares a term with (in the term's
	 * language: a Thai group's "solar" does not replace the English group's) */
	for (guint i = 0; i < terms->len; i++) {
		const gchar *term = g_ptr_array_index(terms, i);
		CblueRetrievalSynGroup *old =
		    g_hash_table_lookup(self->by_term[cblue_retrieval_syn_term_scope(language, term)], term);
		if (old != NULL)
			cblue_retrieval_synonyms_remove_group(self, old);
	}
	group = g_new0(CblueRetrievalSynGroup, 1);
	group->terms = g_steal_pointer(&terms);
	group->where = g_strdup(where);
	group->line = line_no;
	group->language = language;
	g_ptr_array_add(self->groups, group);
	for (guint i = 0; i < group->terms->len; i++) {
		gchar *term = g_ptr_array_index(group->terms, i);
		g_hash_table_insert(self->by_term[cblue_retrieval_syn_term_scope(language, term)], term, group);
	}
	return TRUE;
}

/* adds the groups of one file's contents; on error, @self must be discarded */
gboolean
cblue_retrieval_synonyms_add_data(CblueRetrievalSynonyms *self, const gchar *data, gsize len, const gchar *where,
			     GError **error)
{
	g_return_val_if_fail(self->entries == NULL, FALSE);
	return cblue_line_files_read_data(data, len, where, cblue_retrieval_synonyms_add_line, self, error);
}

static gint
cblue_retrieval_syn_strcmp_ptr(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const gchar *const *)a, *(const gchar *const *)b);
}

static gint
cblue_retrieval_syn_entry_compare(gconstpointer a, gconstpointer b)
{
	const CblueRetrievalSynEntry *ea = *(const CblueRetrievalSynEntry *const *)a;
	const CblueRetrievalSynEntry *eb = *(const CblueRetrievalSynEntry *const *)b;
	if (ea->len != eb->len)
		return ea->len > eb->len ? -1 : 1;
	return strcmp(ea->variant, eb->variant);
}

/* whether an entry with the second character @second may match where the text's second
 * character is @text_second: a space of a variant matches spaces and hyphens, and a
 * one-character variant has no second character */
static gboolean
cblue_retrieval_syn_second_fits(gunichar second, gunichar text_second)
{
	return second == text_second || second == ' ' || second == 0;
}

/* the bit of @seconds of @ch, or -1 if it has none (see CblueRetrievalSynList) */
static gint
cblue_retrieval_syn_second_bit(gunichar ch)
{
	if (ch < 0x80)
		return (gint)ch;
	if (ch >= 0x0E00 && ch <= 0x0E7F)
		return (gint)(ch - 0x0E00 + 0x80);
	return -1;
}

/* the bits set in @x, inline (without -mpopcnt, __builtin_popcountll() is a call) */
static inline guint
cblue_retrieval_syn_popcount(guint64 x)
{
	x = x - ((x >> 1) & G_GUINT64_CONSTANT(0x5555555555555555));
	x = (x & G_GUINT64_CONSTANT(0x3333333333333333)) + ((x >> 2) & G_GUINT64_CONSTANT(0x3333333333333333));
	x = (x + (x >> 4)) & G_GUINT64_CONSTANT(0x0f0f0f0f0f0f0f0f);
	return (guint)((x * G_GUINT64_CONSTANT(0x0101010101010101)) >> 56);
}

/* the entries of @list (sorted) told apart by their second character */
static void
cblue_retrieval_syn_list_index(CblueRetrievalSynList *list)
{
	for (guint i = 0; i < list->entries->len; i++) {
		const CblueRetrievalSynEntry *entry = g_ptr_array_index(list->entries, i);
		gpointer key = GUINT_TO_POINTER(entry->second);
		gint bit = cblue_retrieval_syn_second_bit(entry->second);
		if (cblue_retrieval_syn_second_fits(entry->second, 0) ||
		    g_hash_table_contains(list->by_second, key))
			continue;
		g_hash_table_insert(list->by_second, key, g_ptr_array_new());
		if (bit >= 0)
			list->seconds[bit / 64] |= G_GUINT64_CONSTANT(1) << (bit % 64);
	}
	for (guint i = 0; i < list->entries->len; i++) {
		CblueRetrievalSynEntry *entry = g_ptr_array_index(list->entries, i);
		GHashTableIter iter;
		gpointer key, value;
		if (cblue_retrieval_syn_second_fits(entry->second, 0))
			g_ptr_array_add(list->any_second, entry);
		g_hash_table_iter_init(&iter, list->by_second);
		while (g_hash_table_iter_next(&iter, &key, &value)) {
			if (cblue_retrieval_syn_second_fits(entry->second, GPOINTER_TO_UINT(key)))
				g_ptr_array_add(value, entry);
		}
	}
	list->seconds_lists = g_new0(GPtrArray *, 1 + cblue_retrieval_syn_popcount(list->seconds[0]) +
							  cblue_retrieval_syn_popcount(list->seconds[1]) +
							  cblue_retrieval_syn_popcount(list->seconds[2]) +
							  cblue_retrieval_syn_popcount(list->seconds[3]));
	for (guint bit = 0, n = 0; bit < 4 * 64; bit++) {
		gunichar ch = bit < 0x80 ? bit : bit - 0x80 + 0x0E00;
		if (bit % 64 == 0)
			list->seconds_before[bit / 64] = (guint8)n;
		if (list->seconds[bit / 64] & (G_GUINT64_CONSTANT(1) << (bit % 64)))
			list->seconds_lists[n++] = g_hash_table_lookup(list->by_second, GUINT_TO_POINTER(ch));
	}
}

/* the matcher of @entries (borrowed, of CblueRetrievalSynEntry), each list sorted */
static CblueRetrievalSynMatcher *
cblue_retrieval_syn_matcher_new(GPtrArray *entries)
{
	CblueRetrievalSynMatcher *matcher = g_new0(CblueRetrievalSynMatcher, 1);
	GHashTableIter iter;
	gpointer key, value;

	matcher->lists = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
					       (GDestroyNotify)cblue_retrieval_syn_list_free);
	for (guint i = 0; i < entries->len; i++) {
		CblueRetrievalSynEntry *entry = g_ptr_array_index(entries, i);
		gpointer first = GUINT_TO_POINTER(g_utf8_get_char(entry->variant));
		CblueRetrievalSynList *list = g_hash_table_lookup(matcher->lists, first);
		if (list == NULL) {
			list = g_new0(CblueRetrievalSynList, 1);
			list->entries = g_ptr_array_new();
			list->by_second =
			    g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
			list->any_second = g_ptr_array_new();
			g_hash_table_insert(matcher->lists, first, list);
		}
		g_ptr_array_add(list->entries, entry);
	}
	matcher->direct = g_new0(CblueRetrievalSynList *, CBLUE_RETRIEVAL_SYN_DIRECT);
	g_hash_table_iter_init(&iter, matcher->lists);
	while (g_hash_table_iter_next(&iter, &key, &value)) {
		CblueRetrievalSynList *list = value;
		guint ch = GPOINTER_TO_UINT(key);
		g_ptr_array_sort(list->entries, cblue_retrieval_syn_entry_compare);
		cblue_retrieval_syn_list_index(list);
		if (ch < CBLUE_RETRIEVAL_SYN_DIRECT) {
			matcher->direct[ch] = value;
			continue;
		}
		matcher->beyond_direct = TRUE;
		if (ch >= CBLUE_RETRIEVAL_SYN_CJK_FIRST && ch <= CBLUE_RETRIEVAL_SYN_CJK_LAST)
			matcher->cjk_first[(ch - CBLUE_RETRIEVAL_SYN_CJK_FIRST) / 64] |=
			    G_GUINT64_CONSTANT(1) << ((ch - CBLUE_RETRIEVAL_SYN_CJK_FIRST) % 64);
	}
	return matcher;
}

/* the words of the terms that a typo may be corrected to (see cblue_retrieval_synonyms_correct()) */
static void
cblue_retrieval_syn_index_typos(CblueRetrievalSynonyms *self)
{
	self->typo_words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	self->typo_deletes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (guint g = 0; g < self->groups->len; g++) {
		CblueRetrievalSynGroup *group = g_ptr_array_index(self->groups, g);
		for (guint t = 0; group != NULL && t < group->terms->len; t++) {
			g_auto(GStrv) words = g_strsplit_set(g_ptr_array_index(group->terms, t), " -", -1);
			for (guint w = 0; words[w] != NULL; w++) {
				gsize len = strlen(words[w]);
				gchar *word;
				if (!cblue_retrieval_typo_candidate(words[w], len) ||
				    g_hash_table_contains(self->typo_words, words[w]))
					continue;
				word = g_strdup(words[w]);
				g_hash_table_add(self->typo_words, word);
				for (gsize i = 0; i < len; i++) {
					gchar *del = g_malloc(len);
					memcpy(del, word, i);
					memcpy(del + i, word + i + 1, len - i);
					if (g_hash_table_contains(self->typo_deletes, del))
						g_free(del);
					else
						g_hash_table_insert(self->typo_deletes, del, word);
				}
			}
		}
	}
}

/* a word of the terms one typo away from @word (@len bytes, a candidate), or NULL */
static const gchar *
cblue_retrieval_syn_correct_word(CblueRetrievalSynonyms *self, const gchar *word, gsize len)
{
	g_autofree gchar *del = g_malloc(len);
	const gchar *found = g_hash_table_lookup(self->typo_deletes, word);

	/* a letter missing */
	if (found != NULL && found[0] == word[0])
		return found;
	for (gsize i = 0; i < len; i++) {
		memcpy(del, word, i);
		memcpy(del + i, word + i + 1, len - i);
		/* one too many, in words of five letters or more */
		if (len > CBLUE_RETRIEVAL_TYPO_MIN_LEN && del[0] == word[0] &&
		    g_hash_table_lookup_extended(self->typo_words, del, (gpointer *)&found, NULL))
			return found;
		found = g_hash_table_lookup(self->typo_deletes, del);
		if (found != NULL && cblue_retrieval_typo_same_length(word, found, FALSE))
			return found;
	}
	return NULL;
}

/**
 * cblue_retrieval_synonyms_correct:
 * @self: sealed synonyms
 * @word: a word of a question as written (normalized), unknown to the KB
 *
 * A word of the terms one typo away from @word (see CBLUE_RETRIEVAL_TYPO_MIN_LEN), or its
 * plural: the KB's own words do not hold a variant that the synonyms rewrite ("blackout" is
 * "power outage" in the index), so a slip in such a word ("blackot", "camrras") is
 * corrected here, to the variant, before the synonyms apply.
 *
 * Returns: (nullable) (transfer full): the word, or %NULL if there is none, or if @word is
 * one of the terms' words itself
 */
gchar *
cblue_retrieval_synonyms_correct(CblueRetrievalSynonyms *self, const gchar *word)
{
	gsize len = strlen(word);
	g_autofree gchar *singular = NULL;
	const gchar *found;

	if (!cblue_retrieval_typo_candidate(word, len) || g_hash_table_contains(self->typo_words, word))
		return NULL;
	if (word[len - 1] == 's') {
		singular = g_strndup(word, len - 1);
		/* a plural: the synonyms' own business */
		if (g_hash_table_contains(self->typo_words, singular))
			return NULL;
	}
	found = cblue_retrieval_syn_correct_word(self, word, len);
	if (found != NULL)
		return g_strdup(found);
	if (singular == NULL || !cblue_retrieval_typo_candidate(singular, len - 1))
		return NULL;
	found = cblue_retrieval_syn_correct_word(self, singular, len - 1);
	return found != NULL ? g_strconcat(found, "s", NULL) : NULL;
}

/* builds the matchers and the digest; no group can be added afterwards */
void
cblue_retrieval_synonyms_seal(CblueRetrievalSynonyms *self)
{
	g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GChecksum) checksum = g_checksum_new(G_CHECKSUM_SHA256);
	GHashTableIter iter;
	gpointer key, value;

	if (self->entries != NULL)
		return;
	self->entries = g_array_sized_new(FALSE, TRUE, sizeof(CblueRetrievalSynEntry),
					  cblue_retrieval_synonyms_get_size(self));
	for (guint scope = 0; scope < CBLUE_RETRIEVAL_SYN_N_SCOPES; scope++) {
		g_hash_table_iter_init(&iter, self->by_term[scope]);
		while (g_hash_table_iter_next(&iter, &key, &value)) {
			const gchar *term = key;
			CblueRetrievalSynGroup *group = value;
			const gchar *canonical = g_ptr_array_index(group->terms, 0);
			CblueRetrievalSynEntry entry = {0};
			gunichar last = g_utf8_get_char(g_utf8_prev_char(term + strlen(term)));

			entry.variant = term;
			entry.len = strlen(term);
			entry.canonical = g_strcmp0(term, canonical) == 0 ? NULL : canonical;
			entry.last = last;
			entry.second = g_utf8_get_char(g_utf8_next_char(term));
			entry.known = g_utf8_next_char(term) - term;
			if (!cblue_retrieval_syn_second_fits(entry.second, 0))
				entry.known = g_utf8_next_char(g_utf8_next_char(term)) - term;
			entry.plural = last < 0x80 && g_ascii_isalpha((gchar)last);
			entry.scope = scope;
			for (guint in = 0; in < CBLUE_RETRIEVAL_SYN_N_SCOPES; in++) {
				CblueRetrievalSynGroup *own = NULL;
				if (scope == CBLUE_RETRIEVAL_SYN_SCOPE_ANY && in != CBLUE_RETRIEVAL_SYN_SCOPE_ANY)
					own = g_hash_table_lookup(self->by_term[in],
								  entry.canonical != NULL ? entry.canonical : term);
				entry.canonical_in[in] = own != NULL ? g_ptr_array_index(own->terms, 0) : entry.canonical;
			}
			g_array_append_val(self->entries, entry);
			if (cblue_retrieval_syn_scope_codes[scope] == NULL)
				g_ptr_array_add(lines, g_strdup_printf("%s\t%s\n", term, canonical));
			else
				g_ptr_array_add(lines, g_strdup_printf("%s\t%s\t%s\n", cblue_retrieval_syn_scope_codes[scope],
								       term, canonical));
		}
	}
	/* pointers into the array only once it is complete */
	for (guint scope = 0; scope < CBLUE_RETRIEVAL_SYN_N_SCOPES; scope++) {
		g_autoptr(GPtrArray) entries = g_ptr_array_new();
		for (guint i = 0; i < self->entries->len; i++) {
			CblueRetrievalSynEntry *entry = &g_array_index(self->entries, CblueRetrievalSynEntry, i);
			if (entry->scope == scope)
				g_ptr_array_add(entries, entry);
		}
		/* every text goes through the matcher of any language, even an empty one */
		if (entries->len > 0 || scope == CBLUE_RETRIEVAL_SYN_SCOPE_ANY)
			self->matchers[scope] = cblue_retrieval_syn_matcher_new(entries);
	}

	g_ptr_array_sort(lines, cblue_retrieval_syn_strcmp_ptr);
	for (guint i = 0; i < lines->len; i++)
		g_checksum_update(checksum, g_ptr_array_index(lines, i), -1);
	self->digest = g_strdup(g_checksum_get_string(checksum));
	cblue_retrieval_syn_index_typos(self);
}

/**
 * cblue_retrieval_synonyms_load:
 * @tokenizer: the tokenizer whose normalization the texts go through
 * @dir: (nullable): a folder of `*.txt` files that extend and override the bundled ones
 * @error: return location for a #GError
 *
 * Loads the bundled synonyms (`en.txt`, `th.txt`, `zh.txt`) and then every `*.txt`
 * file of @dir in name order.
 *
 * Returns: sealed synonyms, or %NULL with @error set naming the file and line
 */
CblueRetrievalSynonyms *
cblue_retrieval_synonyms_load(CblueTokenizer *tokenizer, const gchar *dir, GError **error)
{
	g_autoptr(CblueRetrievalSynonyms) self = cblue_retrieval_synonyms_new(tokenizer);

	if (!cblue_line_files_read("/ai/cblue/synonyms", "synonyms", dir, cblue_retrieval_synonyms_add_line, self, error))
		return NULL;
	cblue_retrieval_synonyms_seal(self);
	return g_steal_pointer(&self);
}

/**
 * cblue_retrieval_synonyms_load_or_bundled:
 * @tokenizer: the tokenizer whose normalization the texts go through
 * @dir: (nullable): a folder of `*.txt` files that extend and override the bundled ones
 * @error: return location for a #GError, set if a file of @dir is invalid
 *
 * Loads the synonyms as cblue_retrieval_synonyms_load() does; if a file of @dir is
 * invalid, sets @error and returns the bundled synonyms alone (the bundled files are
 * tested: they load).
 *
 * Returns: (transfer full): sealed synonyms, never %NULL
 */
CblueRetrievalSynonyms *
cblue_retrieval_synonyms_load_or_bundled(CblueTokenizer *tokenizer, const gchar *dir, GError **error)
{
	CblueRetrievalSynonyms *synonyms = cblue_retrieval_synonyms_load(tokenizer, dir, error);

	if (synonyms == NULL)
		synonyms = cblue_retrieval_synonyms_load(tokenizer, NULL, NULL);
	if (synonyms == NULL) {
		/* not reached with the bundled files; an empty set rather than a crash */
		synonyms = cblue_retrieval_synonyms_new(tokenizer);
		cblue_retrieval_synonyms_seal(synonyms);
	}
	return synonyms;
}

const gchar *
cblue_retrieval_synonyms_get_digest(CblueRetrievalSynonyms *self)
{
	return self->digest != NULL ? self->digest : "";
}

/* the number of terms, canonical forms included (a term of two languages counted twice) */
guint
cblue_retrieval_synonyms_get_size(CblueRetrievalSynonyms *self)
{
	guint size = 0;
	for (guint i = 0; i < CBLUE_RETRIEVAL_SYN_N_SCOPES; i++)
		size += g_hash_table_size(self->by_term[i]);
	return size;
}

/* the character at @p: g_utf8_get_char() without a call for ASCII and well-formed 3-byte
 * sequences (Thai, Chinese), which are nearly all of the text */
static inline gunichar
cblue_retrieval_syn_char_at(const gchar *p)
{
	const guchar *s = (const guchar *)p;

	if (s[0] < 0x80)
		return s[0];
	if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80)
		return ((gunichar)(s[0] & 0x0F) << 12) | ((gunichar)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	return g_utf8_get_char(p);
}

/* where @entry matches @p, or NULL; a space of the variant matches a run of spaces and
 * hyphens, and the match must not end inside a word */
static const gchar *
cblue_retrieval_syn_match(const CblueRetrievalSynEntry *entry, const gchar *p)
{
	const gchar *v = entry->variant + entry->known;
	const gchar *end = entry->variant + entry->len;
	gunichar next;

	p += entry->known;

	while (v < end) {
		if (*v == ' ') {
			if (!cblue_retrieval_syn_is_separator(*p))
				return NULL;
			while (cblue_retrieval_syn_is_separator(*p))
				p++;
			v++;
			continue;
		}
		if (*p != *v)
			return NULL;
		p++;
		v++;
	}
	next = g_utf8_get_char(p);
	if (entry->plural && next == 's' && !cblue_retrieval_syn_joins('s', g_utf8_get_char(p + 1)))
		return p + 1;
	return cblue_retrieval_syn_joins(entry->last, next) ? NULL : p;
}

/* whether some entry of @matcher may begin with @ch (%FALSE: surely none), without a
 * lookup for ASCII, Latin, Thai and the common CJK ideographs */
static inline gboolean
cblue_retrieval_syn_may_begin(const CblueRetrievalSynMatcher *matcher, gunichar ch)
{
	if (ch < CBLUE_RETRIEVAL_SYN_DIRECT)
		return matcher->direct[ch] != NULL;
	if (ch >= CBLUE_RETRIEVAL_SYN_CJK_FIRST && ch <= CBLUE_RETRIEVAL_SYN_CJK_LAST)
		return (matcher->cjk_first[(ch - CBLUE_RETRIEVAL_SYN_CJK_FIRST) / 64] &
			(G_GUINT64_CONSTANT(1) << ((ch - CBLUE_RETRIEVAL_SYN_CJK_FIRST) % 64))) != 0;
	return matcher->beyond_direct;
}

/* the entry of @matcher that matches at @p (whose character is @ch, followed by @next),
 * the longest first, and where the match ends; NULL if none */
static inline const CblueRetrievalSynEntry *
cblue_retrieval_syn_find(const CblueRetrievalSynMatcher *matcher, const gchar *p, gunichar ch, const gchar *next,
			 const gchar **end)
{
	const CblueRetrievalSynList *list;
	gunichar second;
	gint bit;
	GPtrArray *candidates = NULL;

	if (ch < CBLUE_RETRIEVAL_SYN_DIRECT)
		list = matcher->direct[ch];
	else if (cblue_retrieval_syn_may_begin(matcher, ch))
		list = g_hash_table_lookup(matcher->lists, GUINT_TO_POINTER(ch));
	else
		return NULL;
	if (list == NULL)
		return NULL;
	/* told apart by the second character without comparing bytes; a space in a variant
	 * matches any run of spaces and hyphens, so it is compared */
	second = cblue_retrieval_syn_char_at(next);
	bit = cblue_retrieval_syn_second_bit(second);
	if (bit < 0) {
		candidates = g_hash_table_lookup(list->by_second, GUINT_TO_POINTER(second));
	} else {
		guint64 word = list->seconds[bit / 64];
		guint64 mask = G_GUINT64_CONSTANT(1) << (bit % 64);
		if (word & mask)
			candidates = list->seconds_lists[list->seconds_before[bit / 64] +
							 cblue_retrieval_syn_popcount(word & (mask - 1))];
	}
	if (candidates == NULL)
		candidates = list->any_second;
	for (guint i = 0; i < candidates->len; i++) {
		const CblueRetrievalSynEntry *entry = g_ptr_array_index(candidates, i);
		*end = cblue_retrieval_syn_match(entry, p);
		if (*end != NULL)
			return entry;
	}
	return NULL;
}

/* the language whose own terms apply to @normalized (see the top of this file): the script
 * of most of its words, its characters weighed as cblue_language_detect() weighs them (a
 * word: about 5 Latin letters, 2 Thai characters, 0.85 Chinese ones). Unlike the reply
 * language, which a few Thai or Chinese characters decide, a text of mostly English words
 * ("bank transfer / โอนเงิน") stays English: the English words of Thai or Chinese text are
 * the ones read that language's way. ASCII text is English without a look at its words. */
static CblueRetrievalSynScope
cblue_retrieval_syn_text_scope(const gchar *normalized)
{
	guint n_latin = 0, n_thai = 0, n_han = 0;
	gdouble latin, thai, han;
	const gchar *p = normalized;

	while (*p != '\0' && (guchar)*p < 0x80)
		p++;
	if (*p == '\0')
		return CBLUE_RETRIEVAL_SYN_SCOPE_ANY;
	for (p = normalized; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar ch = cblue_retrieval_syn_char_at(p);
		/* ASCII, Thai and the common Han block without a call: nearly every character */
		if (ch < 0x80) {
			n_latin += g_ascii_isalpha(ch);
			continue;
		}
		if (ch >= 0x0E01 && ch <= 0x0E5B && ch != 0x0E3F) {
			n_thai++;
			continue;
		}
		if (ch >= 0x4E00 && ch <= 0x9FFF) {
			n_han++;
			continue;
		}
		switch (cblue_script_for_char(ch)) {
		case CBLUE_SCRIPT_LATIN:
			n_latin += !g_unichar_isdigit(ch);
			break;
		case CBLUE_SCRIPT_THAI:
			n_thai++;
			break;
		case CBLUE_SCRIPT_HAN:
			n_han++;
			break;
		case CBLUE_SCRIPT_OTHER:
		default:
			break;
		}
	}
	latin = n_latin / 5.0;
	thai = n_thai / 2.0;
	han = n_han / 0.85;
	if (thai > 0 && thai >= han && thai >= latin)
		return CBLUE_RETRIEVAL_SYN_SCOPE_TH;
	if (han > 0 && han >= latin)
		return CBLUE_RETRIEVAL_SYN_SCOPE_ZH;
	return CBLUE_RETRIEVAL_SYN_SCOPE_ANY;
}

/* see cblue_retrieval_synonyms_apply() */
static gchar *
cblue_retrieval_synonyms_rewrite(CblueRetrievalSynonyms *self, const gchar *normalized)
{
	GString *out = NULL;
	const gchar *copied = normalized;
	const gchar *p = normalized;
	gunichar prev = 0;
	const CblueRetrievalSynMatcher *any = self->matchers[CBLUE_RETRIEVAL_SYN_SCOPE_ANY];
	const CblueRetrievalSynMatcher *own = NULL;
	CblueRetrievalSynScope scope = CBLUE_RETRIEVAL_SYN_SCOPE_ANY;

	if (any == NULL)
		return NULL;
	if (self->matchers[CBLUE_RETRIEVAL_SYN_SCOPE_TH] != NULL || self->matchers[CBLUE_RETRIEVAL_SYN_SCOPE_ZH] != NULL) {
		scope = cblue_retrieval_syn_text_scope(normalized);
		own = self->matchers[scope];
		if (own == any)
			own = NULL;
	}
	if (g_hash_table_size(any->lists) == 0 && own == NULL)
		return NULL;
	while (*p != '\0') {
		gunichar ch = cblue_retrieval_syn_char_at(p);
		const gchar *next = g_utf8_next_char(p);
		const gchar *end = NULL;
		const CblueRetrievalSynEntry *hit = NULL;
		const gchar *canonical;

		/* a variant never begins inside a word; the longest match of either matcher, the
		 * text's language's own on a tie */
		if (!cblue_retrieval_syn_joins(prev, ch)) {
			const gchar *own_end = NULL;
			/* the own terms have no Thai or Chinese character (nearly all begin with
			 * an ASCII letter): most characters of the text begin none, told at once */
			const CblueRetrievalSynEntry *own_hit = own != NULL && cblue_retrieval_syn_may_begin(own, ch)
								       ? cblue_retrieval_syn_find(own, p, ch, next, &own_end)
								       : NULL;
			hit = cblue_retrieval_syn_may_begin(any, ch) ? cblue_retrieval_syn_find(any, p, ch, next, &end)
								    : NULL;
			if (own_hit != NULL && (hit == NULL || own_end >= end)) {
				hit = own_hit;
				end = own_end;
			}
		}
		if (hit == NULL) {
			prev = ch;
			p = next;
			continue;
		}
		canonical = hit->canonical_in[scope];
		if (canonical != NULL) {
			if (out == NULL)
				out = g_string_sized_new(strlen(normalized) + 32);
			g_string_append_len(out, copied, p - copied);
			/* a canonical form must not run into the words around it */
			if (out->len > 0 && cblue_retrieval_syn_joins(g_utf8_get_char(g_utf8_prev_char(out->str + out->len)),
								 g_utf8_get_char(canonical)))
				g_string_append_c(out, ' ');
			g_string_append(out, canonical);
			if (cblue_retrieval_syn_joins(g_utf8_get_char(g_utf8_prev_char(canonical + strlen(canonical))),
						 g_utf8_get_char(end)))
				g_string_append_c(out, ' ');
			copied = end;
		}
		prev = g_utf8_get_char(g_utf8_prev_char(end));
		p = end;
	}
	if (out == NULL)
		return NULL;
	g_string_append(out, copied);
	return g_string_free(out, FALSE);
}

/**
 * cblue_retrieval_synonyms_apply:
 * @self: sealed synonyms
 * @normalized: a normalized text
 *
 * Rewrites every variant in @normalized to its canonical form; in a Thai or Chinese text,
 * that language's own reading of English words first. The last rewrite of the thread is
 * remembered under the synonyms' digest (cblue-tokenizer-private.h): the other retriever,
 * with synonyms of the same digest (the same files), takes it instead of making it again.
 *
 * Returns: (nullable): the rewritten text, or %NULL if there was nothing to rewrite
 */
gchar *
cblue_retrieval_synonyms_apply(CblueRetrievalSynonyms *self, const gchar *normalized)
{
	gchar *rewritten;

	if (self->digest == NULL)
		return cblue_retrieval_synonyms_rewrite(self, normalized);
	if (cblue_tokenizer_memo_lookup(self->digest, normalized, &rewritten))
		return rewritten;
	rewritten = cblue_retrieval_synonyms_rewrite(self, normalized);
	cblue_tokenizer_memo_store(self->digest, normalized, rewritten);
	return rewritten;
}
