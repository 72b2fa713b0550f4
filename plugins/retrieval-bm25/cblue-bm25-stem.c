/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-bm25-stem.h"

/*
 * The Porter (1980) suffix-stripping algorithm for English, written from its published
 * description. The KB and the questions go through the same function, so what matters is
 * that variants of one word meet ("installation", "installed", "installing" → "instal";
 * "batteries", "battery" → "batteri"), not that stems are real words. Before the rules, a
 * table joins the forms no suffix rule can (irregular verbs and plurals, nationality
 * adjectives) to their lemmas, and two Latin plural endings are made to meet.
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

/* Word forms that no suffix rule joins to their lemma, each with the lemma it is stemmed as
 * (from general knowledge of English, not from any KB or evaluation set), sorted by form:
 * - irregular verbs' past tenses and participles ("took", "taken" → "take"), leaving out
 *   forms that are as often another word ("found", "left", "saw", "rose", "led", "bit",
 *   "fed", "wound", "ground", "bound", "lay" as the past of "lie");
 * - irregular plurals, Latin and Greek ones included ("children", "nuclei", "criteria",
 *   "vertices"; "-ium"/"-ia" and "-sis"/"-ses" follow a rule instead, see below);
 * - nationality and region adjectives and their peoples, as the place ("indian",
 *   "indians" → "india"; "french" → "france"): a question about "an Indian private school"
 *   asks about the text that says "in India, private schools…". Left out: "polish" (a
 *   verb), "georgian" (also the U.S. state's), and "arab", "saudi" (no one place). */
typedef struct {
	const gchar *form;
	const gchar *lemma;
} CblueStemLemma;

static const CblueStemLemma cblue_stem_lemmas[] = {
	{"afghan", "afghanistan"}, {"afghans", "afghanistan"}, {"african", "africa"},
	{"africans", "africa"}, {"algae", "alga"}, {"alumni", "alumnus"}, {"american", "america"},
	{"americans", "america"}, {"antennae", "antenna"}, {"appendices", "appendix"},
	{"arabian", "arabia"}, {"arabians", "arabia"}, {"argentine", "argentina"},
	{"argentines", "argentina"}, {"argentinian", "argentina"}, {"argentinians", "argentina"},
	{"arisen", "arise"}, {"armenian", "armenia"}, {"armenians", "armenia"}, {"arose", "arise"},
	{"asian", "asia"}, {"asians", "asia"}, {"ate", "eat"}, {"australian", "australia"},
	{"australians", "australia"}, {"austrian", "austria"}, {"austrians", "austria"},
	{"awoke", "awake"}, {"awoken", "awake"}, {"beaten", "beat"}, {"became", "become"},
	{"began", "begin"}, {"begun", "begin"}, {"belgian", "belgium"}, {"belgians", "belgium"},
	{"bent", "bend"}, {"bitten", "bite"}, {"bled", "bleed"}, {"blew", "blow"},
	{"blown", "blow"}, {"borne", "bear"}, {"bought", "buy"}, {"brazilian", "brazil"},
	{"brazilians", "brazil"}, {"bred", "breed"}, {"british", "britain"}, {"broke", "break"},
	{"broken", "break"}, {"brought", "bring"}, {"built", "build"}, {"bulgarian", "bulgaria"},
	{"bulgarians", "bulgaria"}, {"burnt", "burn"}, {"cacti", "cactus"}, {"calves", "calf"},
	{"came", "come"}, {"canadian", "canada"}, {"canadians", "canada"}, {"caught", "catch"},
	{"children", "child"}, {"chilean", "chile"}, {"chileans", "chile"}, {"chinese", "china"},
	{"chose", "choose"}, {"chosen", "choose"}, {"clung", "cling"}, {"crept", "creep"},
	{"criteria", "criterion"}, {"croatian", "croatia"}, {"croatians", "croatia"},
	{"cuban", "cuba"}, {"cubans", "cuba"}, {"czech", "czechia"}, {"czechs", "czechia"},
	{"danish", "denmark"}, {"datum", "data"}, {"dealt", "deal"}, {"drank", "drink"},
	{"drawn", "draw"}, {"dreamt", "dream"}, {"drew", "draw"}, {"driven", "drive"},
	{"drove", "drive"}, {"drunk", "drink"}, {"dug", "dig"}, {"dutch", "netherlands"},
	{"eaten", "eat"}, {"egyptian", "egypt"}, {"egyptians", "egypt"}, {"english", "england"},
	{"ethiopian", "ethiopia"}, {"ethiopians", "ethiopia"}, {"european", "europe"},
	{"europeans", "europe"}, {"fallen", "fall"}, {"feet", "foot"}, {"fell", "fall"},
	{"felt", "feel"}, {"filipino", "philippines"}, {"filipinos", "philippines"},
	{"finnish", "finland"}, {"fled", "flee"}, {"flew", "fly"}, {"flown", "fly"},
	{"flung", "fling"}, {"foci", "focus"}, {"forbade", "forbid"}, {"forbidden", "forbid"},
	{"foresaw", "foresee"}, {"foreseen", "foresee"}, {"forgave", "forgive"},
	{"forgiven", "forgive"}, {"forgot", "forget"}, {"forgotten", "forget"},
	{"formulae", "formula"}, {"fought", "fight"}, {"french", "france"}, {"froze", "freeze"},
	{"frozen", "freeze"}, {"fungi", "fungus"}, {"gave", "give"}, {"geese", "goose"},
	{"german", "germany"}, {"germans", "germany"}, {"given", "give"}, {"gone", "go"},
	{"gotten", "get"}, {"greek", "greece"}, {"greeks", "greece"}, {"grew", "grow"},
	{"grown", "grow"}, {"halves", "half"}, {"heard", "hear"}, {"held", "hold"}, {"hid", "hide"},
	{"hidden", "hide"}, {"hung", "hang"}, {"hungarian", "hungary"}, {"hungarians", "hungary"},
	{"indian", "india"}, {"indians", "india"}, {"indices", "index"},
	{"indonesian", "indonesia"}, {"indonesians", "indonesia"}, {"iranian", "iran"},
	{"iranians", "iran"}, {"iraqi", "iraq"}, {"iraqis", "iraq"}, {"irish", "ireland"},
	{"israeli", "israel"}, {"israelis", "israel"}, {"italian", "italy"}, {"italians", "italy"},
	{"japanese", "japan"}, {"kenyan", "kenya"}, {"kenyans", "kenya"}, {"kept", "keep"},
	{"knelt", "kneel"}, {"knew", "know"}, {"knives", "knife"}, {"known", "know"},
	{"korean", "korea"}, {"koreans", "korea"}, {"laid", "lay"}, {"lain", "lie"},
	{"larvae", "larva"}, {"lent", "lend"}, {"loaves", "loaf"}, {"loci", "locus"},
	{"lost", "lose"}, {"malaysian", "malaysia"}, {"malaysians", "malaysia"},
	{"matrices", "matrix"}, {"meant", "mean"}, {"men", "man"}, {"met", "meet"},
	{"mexican", "mexico"}, {"mexicans", "mexico"}, {"mice", "mouse"}, {"mistook", "mistake"},
	{"mongol", "mongolia"}, {"mongolian", "mongolia"}, {"mongolians", "mongolia"},
	{"mongols", "mongolia"}, {"nigerian", "nigeria"}, {"nigerians", "nigeria"},
	{"norwegian", "norway"}, {"norwegians", "norway"}, {"nuclei", "nucleus"},
	{"overcame", "overcome"}, {"oversaw", "oversee"}, {"overseen", "oversee"},
	{"overthrew", "overthrow"}, {"overthrown", "overthrow"}, {"paid", "pay"},
	{"pakistani", "pakistan"}, {"pakistanis", "pakistan"}, {"persian", "persia"},
	{"persians", "persia"}, {"peruvian", "peru"}, {"peruvians", "peru"},
	{"phenomena", "phenomenon"}, {"portuguese", "portugal"}, {"radii", "radius"},
	{"ran", "run"}, {"rang", "ring"}, {"rebuilt", "rebuild"}, {"ridden", "ride"},
	{"risen", "rise"}, {"rode", "ride"}, {"roman", "rome"}, {"romanian", "romania"},
	{"romanians", "romania"}, {"romans", "rome"}, {"russian", "russia"}, {"russians", "russia"},
	{"sang", "sing"}, {"sank", "sink"}, {"sat", "sit"}, {"scottish", "scotland"},
	{"seen", "see"}, {"selves", "self"}, {"sent", "send"}, {"serbian", "serbia"},
	{"serbians", "serbia"}, {"shaken", "shake"}, {"shelves", "shelf"}, {"shone", "shine"},
	{"shook", "shake"}, {"shot", "shoot"}, {"shrank", "shrink"}, {"shrunk", "shrink"},
	{"singaporean", "singapore"}, {"singaporeans", "singapore"}, {"slept", "sleep"},
	{"slid", "slide"}, {"slovak", "slovakia"}, {"slovaks", "slovakia"}, {"sold", "sell"},
	{"sought", "seek"}, {"spanish", "spain"}, {"spent", "spend"}, {"spoke", "speak"},
	{"spoken", "speak"}, {"sprang", "spring"}, {"sprung", "spring"}, {"spun", "spin"},
	{"stimuli", "stimulus"}, {"stole", "steal"}, {"stolen", "steal"}, {"stood", "stand"},
	{"stricken", "strike"}, {"striven", "strive"}, {"strode", "stride"}, {"strove", "strive"},
	{"struck", "strike"}, {"stuck", "stick"}, {"stung", "sting"}, {"sung", "sing"},
	{"sunk", "sink"}, {"swam", "swim"}, {"swedish", "sweden"}, {"swept", "sweep"},
	{"swiss", "switzerland"}, {"swore", "swear"}, {"sworn", "swear"}, {"swum", "swim"},
	{"swung", "swing"}, {"syrian", "syria"}, {"syrians", "syria"}, {"taken", "take"},
	{"taught", "teach"}, {"teeth", "tooth"}, {"thai", "thailand"}, {"thais", "thailand"},
	{"thieves", "thief"}, {"thought", "think"}, {"threw", "throw"}, {"thrown", "throw"},
	{"tibetan", "tibet"}, {"tibetans", "tibet"}, {"told", "tell"}, {"took", "take"},
	{"tore", "tear"}, {"torn", "tear"}, {"trod", "tread"}, {"trodden", "tread"},
	{"turkish", "turkey"}, {"ukrainian", "ukraine"}, {"ukrainians", "ukraine"},
	{"understood", "understand"}, {"undertaken", "undertake"}, {"undertook", "undertake"},
	{"upheld", "uphold"}, {"vertebrae", "vertebra"}, {"vertices", "vertex"},
	{"vietnamese", "vietnam"}, {"welsh", "wales"}, {"wept", "weep"}, {"withdrawn", "withdraw"},
	{"withdrew", "withdraw"}, {"withheld", "withhold"}, {"wives", "wife"}, {"woke", "wake"},
	{"woken", "wake"}, {"wolves", "wolf"}, {"women", "woman"}, {"won", "win"}, {"wore", "wear"},
	{"worn", "wear"}, {"wove", "weave"}, {"woven", "weave"}, {"written", "write"},
	{"wrote", "write"},
};

/* the lemma of @word in the table, or NULL: a binary search that compares first letters
 * before calling strcmp(), since every word of every text comes here */
static const gchar *
cblue_stem_lemma_lookup(const gchar *word)
{
	gsize lo = 0;
	gsize hi = G_N_ELEMENTS(cblue_stem_lemmas);

	while (lo < hi) {
		gsize mid = lo + (hi - lo) / 2;
		const gchar *form = cblue_stem_lemmas[mid].form;
		gint c = (gint)(guchar)word[0] - (gint)(guchar)form[0];
		if (c == 0)
			c = strcmp(word + 1, form + 1);
		if (c == 0)
			return cblue_stem_lemmas[mid].lemma;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* Latin and Greek plurals that Porter's rules leave apart, made to meet before them, in
 * words of 6+ letters: "-ium" as "-ia" ("bacterium", "bacteria"; "millennium",
 * "millennia") and "-sis" as "-ses" ("analysis", "analyses"; "crisis", "crises"), which
 * Porter then stems alike. Changes @b (@len bytes) in place and returns its new length. */
static gsize
cblue_stem_latin_plural(gchar *b, gsize len)
{
	if (len < 6)
		return len;
	if (memcmp(b + len - 3, "ium", 3) == 0) {
		b[len - 2] = 'a';
		b[len - 1] = '\0';
		return len - 1;
	}
	if (memcmp(b + len - 3, "sis", 3) == 0)
		b[len - 2] = 'e';
	return len;
}

gchar *
cblue_bm25_stem_english(const gchar *word)
{
	gsize len = strlen(word);
	const gchar *lemma;
	CblueStem z;
	gchar *b;

	/* only lower-case ASCII words longer than two letters ("kw", "ev" stay) */
	if (len <= 2)
		return g_strdup(word);
	for (gsize i = 0; i < len; i++) {
		if (word[i] < 'a' || word[i] > 'z')
			return g_strdup(word);
	}
	lemma = cblue_stem_lemma_lookup(word);
	if (lemma != NULL) {
		word = lemma;
		len = strlen(word);
		if (len <= 2)
			return g_strdup(word);
	}
	/* room for one character more than the word: "-at" → "-ate" after "-ing" is gone */
	b = g_malloc(len + 2);
	memcpy(b, word, len + 1);
	len = cblue_stem_latin_plural(b, len);
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
