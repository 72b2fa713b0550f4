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

/* whether the word ends with @s (@len bytes); the last letters are compared first, the
 * cheap test that rejects nearly every suffix tried */
static gboolean
cblue_stem_ends_len(CblueStem *z, const gchar *s, gint len)
{
	if (len > z->k + 1 || z->b[z->k] != s[len - 1] || memcmp(z->b + z->k - len + 1, s, len) != 0)
		return FALSE;
	z->j = z->k - len;
	return TRUE;
}

/* the length of a literal suffix is known at compile time ("" s "" only compiles for one) */
#define cblue_stem_ends(z, s) cblue_stem_ends_len((z), "" s "", (gint)(sizeof("" s "") - 1))

/* replaces b[j+1..k] with s (@len bytes); s is never longer than the suffix it replaces
 * plus one character, and the buffer has room for that */
static void
cblue_stem_set_to_len(CblueStem *z, const gchar *s, gint len)
{
	memcpy(z->b + z->j + 1, s, len);
	z->k = z->j + len;
}

#define cblue_stem_set_to(z, s) cblue_stem_set_to_len((z), "" s "", (gint)(sizeof("" s "") - 1))

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
	gint suffix_len;
	const gchar *replacement;
	gint replacement_len;
} CblueStemRule;

#define CBLUE_STEM_RULE(suffix, replacement)                                                             \
	{ "" suffix "", (gint)(sizeof("" suffix "") - 1), "" replacement "", (gint)(sizeof("" replacement "") - 1) }

/* the longest suffix of the table that ends the word decides; the rule applies if m > 0 */
static void
cblue_stem_apply_table(CblueStem *z, const CblueStemRule *rules, gsize n_rules)
{
	for (gsize i = 0; i < n_rules; i++) {
		if (cblue_stem_ends_len(z, rules[i].suffix, rules[i].suffix_len)) {
			if (cblue_stem_m(z) > 0)
				cblue_stem_set_to_len(z, rules[i].replacement, rules[i].replacement_len);
			return;
		}
	}
}

/* double suffixes to single ones: -ization → -ize, -fulness → -ful */
static void
cblue_stem_step2(CblueStem *z)
{
	static const CblueStemRule rules[] = {
	    CBLUE_STEM_RULE("ational", "ate"), CBLUE_STEM_RULE("tional", "tion"), CBLUE_STEM_RULE("enci", "ence"),
	    CBLUE_STEM_RULE("anci", "ance"),   CBLUE_STEM_RULE("izer", "ize"),    CBLUE_STEM_RULE("bli", "ble"),
	    CBLUE_STEM_RULE("alli", "al"),     CBLUE_STEM_RULE("entli", "ent"),   CBLUE_STEM_RULE("eli", "e"),
	    CBLUE_STEM_RULE("ousli", "ous"),   CBLUE_STEM_RULE("ization", "ize"), CBLUE_STEM_RULE("ation", "ate"),
	    CBLUE_STEM_RULE("ator", "ate"),    CBLUE_STEM_RULE("alism", "al"),    CBLUE_STEM_RULE("iveness", "ive"),
	    CBLUE_STEM_RULE("fulness", "ful"), CBLUE_STEM_RULE("ousness", "ous"), CBLUE_STEM_RULE("aliti", "al"),
	    CBLUE_STEM_RULE("iviti", "ive"),   CBLUE_STEM_RULE("biliti", "ble"),  CBLUE_STEM_RULE("logi", "log"),
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
	    CBLUE_STEM_RULE("icate", "ic"), CBLUE_STEM_RULE("ative", ""), CBLUE_STEM_RULE("alize", "al"),
	    CBLUE_STEM_RULE("iciti", "ic"), CBLUE_STEM_RULE("ical", "ic"), CBLUE_STEM_RULE("ful", ""),
	    CBLUE_STEM_RULE("ness", ""),
	};
	cblue_stem_apply_table(z, rules, G_N_ELEMENTS(rules));
}

/* -ant, -ence and the like, when m > 1 */
static void
cblue_stem_step4(CblueStem *z)
{
	static const CblueStemRule suffixes[] = {
	    CBLUE_STEM_RULE("al", ""),	 CBLUE_STEM_RULE("ance", ""), CBLUE_STEM_RULE("ence", ""),
	    CBLUE_STEM_RULE("er", ""),	 CBLUE_STEM_RULE("ic", ""),   CBLUE_STEM_RULE("able", ""),
	    CBLUE_STEM_RULE("ible", ""), CBLUE_STEM_RULE("ant", ""),  CBLUE_STEM_RULE("ement", ""),
	    CBLUE_STEM_RULE("ment", ""), CBLUE_STEM_RULE("ent", ""),  CBLUE_STEM_RULE("ion", ""),
	    CBLUE_STEM_RULE("ou", ""),	 CBLUE_STEM_RULE("ism", ""),  CBLUE_STEM_RULE("ate", ""),
	    CBLUE_STEM_RULE("iti", ""),	 CBLUE_STEM_RULE("ous", ""),  CBLUE_STEM_RULE("ive", ""),
	    CBLUE_STEM_RULE("ize", ""),
	};
	const CblueStemRule *found = NULL;
	gint found_j = 0;

	/* the longest matching suffix ("ement" before "ment" before "ent") */
	for (gsize i = 0; i < G_N_ELEMENTS(suffixes); i++) {
		if (cblue_stem_ends_len(z, suffixes[i].suffix, suffixes[i].suffix_len) &&
		    (found == NULL || suffixes[i].suffix_len > found->suffix_len)) {
			found = &suffixes[i];
			found_j = z->j;
		}
	}
	if (found == NULL)
		return;
	z->j = found_j;
	if (strcmp(found->suffix, "ion") == 0 && (z->j < 0 || (z->b[z->j] != 's' && z->b[z->j] != 't')))
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
