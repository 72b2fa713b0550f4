/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-bm25-stem.h"

/*
 * The Porter (1980) suffix-stripping algorithm for English, written from its published
 * description. The KB and the questions go through the same function, so what matters is
 * that variants of one word meet ("installation", "installed", "installing" → "instal";
 * "batteries", "battery" → "batteri"), not that stems are real words.
 */

typedef struct {
	gchar *b; /* borrowed: the word, changed in place */
	gint k; /* index of the last character */
	gint j; /* end of the stem before the suffix being tested */
} CblueStem;

static gboolean
cblue_stem_cons(const CblueStem *z, gint i)
{
	switch (z->b[i]) {
	case 'a':
	case 'e':
	case 'i':
	case 'o':
	case 'u':
		return FALSE;
	case 'y':
		return i == 0 ? TRUE : !cblue_stem_cons(z, i - 1);
	default:
		return TRUE;
	}
}

/* m, the number of vowel-consonant sequences in b[0..j] */
static gint
cblue_stem_m(const CblueStem *z)
{
	gint n = 0;
	gint i = 0;
	while (TRUE) {
		if (i > z->j)
			return n;
		if (!cblue_stem_cons(z, i))
			break;
		i++;
	}
	i++;
	while (TRUE) {
		while (TRUE) {
			if (i > z->j)
				return n;
			if (cblue_stem_cons(z, i))
				break;
			i++;
		}
		i++;
		n++;
		while (TRUE) {
			if (i > z->j)
				return n;
			if (!cblue_stem_cons(z, i))
				break;
			i++;
		}
		i++;
	}
}

static gboolean
cblue_stem_vowel_in_stem(const CblueStem *z)
{
	for (gint i = 0; i <= z->j; i++) {
		if (!cblue_stem_cons(z, i))
			return TRUE;
	}
	return FALSE;
}

static gboolean
cblue_stem_double_cons(const CblueStem *z, gint j)
{
	return j >= 1 && z->b[j] == z->b[j - 1] && cblue_stem_cons(z, j);
}

/* consonant-vowel-consonant ending at i, the last consonant not w, x or y ("hop" but not
 * "snow"): the stem probably lost a final e */
static gboolean
cblue_stem_cvc(const CblueStem *z, gint i)
{
	if (i < 2 || !cblue_stem_cons(z, i) || cblue_stem_cons(z, i - 1) || !cblue_stem_cons(z, i - 2))
		return FALSE;
	return z->b[i] != 'w' && z->b[i] != 'x' && z->b[i] != 'y';
}

static gboolean
cblue_stem_ends(CblueStem *z, const gchar *s)
{
	gint len = (gint)strlen(s);
	if (len > z->k + 1 || memcmp(z->b + z->k - len + 1, s, len) != 0)
		return FALSE;
	z->j = z->k - len;
	return TRUE;
}

/* replaces b[j+1..k] with s; s is never longer than the suffix it replaces plus one
 * character, and the buffer has room for that */
static void
cblue_stem_set_to(CblueStem *z, const gchar *s)
{
	gint len = (gint)strlen(s);
	memcpy(z->b + z->j + 1, s, len);
	z->k = z->j + len;
}

static void
cblue_stem_replace_if_m(CblueStem *z, const gchar *s)
{
	if (cblue_stem_m(z) > 0)
		cblue_stem_set_to(z, s);
}

/* plurals, -ed and -ing */
static void
cblue_stem_step1ab(CblueStem *z)
{
	if (z->b[z->k] == 's') {
		if (cblue_stem_ends(z, "sses"))
			z->k -= 2;
		else if (cblue_stem_ends(z, "ies"))
			cblue_stem_set_to(z, "i");
		else if (z->b[z->k - 1] != 's')
			z->k--;
	}
	if (cblue_stem_ends(z, "eed")) {
		if (cblue_stem_m(z) > 0)
			z->k--;
	} else if ((cblue_stem_ends(z, "ed") || cblue_stem_ends(z, "ing")) && cblue_stem_vowel_in_stem(z)) {
		z->k = z->j;
		if (cblue_stem_ends(z, "at"))
			cblue_stem_set_to(z, "ate");
		else if (cblue_stem_ends(z, "bl"))
			cblue_stem_set_to(z, "ble");
		else if (cblue_stem_ends(z, "iz"))
			cblue_stem_set_to(z, "ize");
		else if (cblue_stem_double_cons(z, z->k)) {
			gchar ch = z->b[z->k];
			if (ch != 'l' && ch != 's' && ch != 'z')
				z->k--;
		} else {
			z->j = z->k;
			if (cblue_stem_m(z) == 1 && cblue_stem_cvc(z, z->k))
				cblue_stem_set_to(z, "e");
		}
	}
}

/* terminal y to i when there is another vowel in the stem */
static void
cblue_stem_step1c(CblueStem *z)
{
	if (cblue_stem_ends(z, "y") && cblue_stem_vowel_in_stem(z))
		z->b[z->k] = 'i';
}

typedef struct {
	const gchar *suffix;
	const gchar *replacement;
} CblueStemRule;

/* the longest suffix of the table that ends the word decides; the rule applies if m > 0 */
static void
cblue_stem_apply_table(CblueStem *z, const CblueStemRule *rules, gsize n_rules)
{
	for (gsize i = 0; i < n_rules; i++) {
		if (cblue_stem_ends(z, rules[i].suffix)) {
			cblue_stem_replace_if_m(z, rules[i].replacement);
			return;
		}
	}
}

/* double suffixes to single ones: -ization → -ize, -fulness → -ful */
static void
cblue_stem_step2(CblueStem *z)
{
	static const CblueStemRule rules[] = {
	    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"},	{"anci", "ance"},  {"izer", "ize"},
	    {"bli", "ble"},	{"alli", "al"},	    {"entli", "ent"},	{"eli", "e"},	   {"ousli", "ous"},
	    {"ization", "ize"}, {"ation", "ate"},   {"ator", "ate"},	{"alism", "al"},   {"iveness", "ive"},
	    {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"},	{"iviti", "ive"},  {"biliti", "ble"},
	    {"logi", "log"},
	};
	/* longest first within each ending letter is enough: no suffix of the table is a
	 * suffix of a later one that would match first */
	cblue_stem_apply_table(z, rules, G_N_ELEMENTS(rules));
}

/* -ic-, -full, -ness */
static void
cblue_stem_step3(CblueStem *z)
{
	static const CblueStemRule rules[] = {
	    {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""}, {"ness", ""},
	};
	cblue_stem_apply_table(z, rules, G_N_ELEMENTS(rules));
}

/* -ant, -ence and the like, when m > 1 */
static void
cblue_stem_step4(CblueStem *z)
{
	static const gchar *const suffixes[] = {
	    "al",  "ance", "ence", "er",  "ic",  "able", "ible", "ant", "ement", "ment",
	    "ent", "ion",  "ou",   "ism", "ate", "iti",	 "ous",	 "ive", "ize",
	};
	const gchar *found = NULL;
	gint found_j = 0;

	/* the longest matching suffix ("ement" before "ment" before "ent") */
	for (gsize i = 0; i < G_N_ELEMENTS(suffixes); i++) {
		if (cblue_stem_ends(z, suffixes[i]) && (found == NULL || strlen(suffixes[i]) > strlen(found))) {
			found = suffixes[i];
			found_j = z->j;
		}
	}
	if (found == NULL)
		return;
	z->j = found_j;
	if (g_strcmp0(found, "ion") == 0 && (z->j < 0 || (z->b[z->j] != 's' && z->b[z->j] != 't')))
		return;
	if (cblue_stem_m(z) > 1)
		z->k = z->j;
}

/* a final -e, and -ll to -l, when m > 1 */
static void
cblue_stem_step5(CblueStem *z)
{
	z->j = z->k;
	if (z->b[z->k] == 'e') {
		gint m;
		z->j = z->k - 1;
		m = cblue_stem_m(z);
		if (m > 1 || (m == 1 && !cblue_stem_cvc(z, z->k - 1)))
			z->k--;
	}
	z->j = z->k;
	if (z->b[z->k] == 'l' && cblue_stem_double_cons(z, z->k) && cblue_stem_m(z) > 1)
		z->k--;
}

gchar *
cblue_bm25_stem_english(const gchar *word)
{
	gsize len = strlen(word);
	CblueStem z;
	gchar *b;

	/* only lower-case ASCII words longer than two letters ("kw", "ev" stay) */
	if (len <= 2)
		return g_strdup(word);
	for (gsize i = 0; i < len; i++) {
		if (word[i] < 'a' || word[i] > 'z')
			return g_strdup(word);
	}
	/* room for one character more than the word: "-at" → "-ate" after "-ing" is gone */
	b = g_malloc(len + 2);
	memcpy(b, word, len + 1);
	z.b = b;
	z.k = (gint)len - 1;
	z.j = 0;
	cblue_stem_step1ab(&z);
	if (z.k > 0) {
		cblue_stem_step1c(&z);
		cblue_stem_step2(&z);
		cblue_stem_step3(&z);
		cblue_stem_step4(&z);
		cblue_stem_step5(&z);
	}
	b[z.k + 1] = '\0';
	return b;
}
