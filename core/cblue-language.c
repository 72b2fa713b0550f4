/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-language.h"

/**
 * cblue_script_for_char:
 * @ch: a Unicode character
 *
 * Classifies a character by writing system. Thai digits and combining marks are Thai;
 * ASCII and Latin-1/Latin Extended letters and all decimal digits outside Thai are Latin.
 *
 * Returns: the #CblueScript of @ch
 *
 * Since: 1.0
 */
CblueScript
cblue_script_for_char(gunichar ch)
{
	if (ch < 0x80) {
		if (g_ascii_isalnum((gchar)ch))
			return CBLUE_SCRIPT_LATIN;
		return CBLUE_SCRIPT_OTHER;
	}
	if (ch >= 0x0E01 && ch <= 0x0E5B && ch != 0x0E3F /* ฿ */)
		return CBLUE_SCRIPT_THAI;
	if ((ch >= 0x4E00 && ch <= 0x9FFF) || (ch >= 0x3400 && ch <= 0x4DBF) ||
	    (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0x20000 && ch <= 0x2FA1F) || ch == 0x3007)
		return CBLUE_SCRIPT_HAN;
	if ((ch >= 0x00C0 && ch <= 0x024F && ch != 0x00D7 && ch != 0x00F7) ||
	    (ch >= 0x1E00 && ch <= 0x1EFF) || (ch >= 0x0300 && ch <= 0x036F))
		return CBLUE_SCRIPT_LATIN;
	if (g_unichar_isdigit(ch))
		return CBLUE_SCRIPT_LATIN;
	return CBLUE_SCRIPT_OTHER;
}

/* English function words: a message that has several of them is English around a borrowed
 * Thai or Chinese word ("do you do ต่อเติม?"), not Thai or Chinese around English product
 * names, which have none ("ติด solar ราคาเท่าไหร่"). Words a Thai or Chinese message borrows
 * with a product name ("on" of on-grid, "in" of plug-in, "a" of Type A) are left out. */
static const gchar *const english_function_words[] = {
    "about", "and", "any", "are", "be", "can", "could", "do", "does", "from", "have", "how",
    "i", "if", "is", "it", "me", "much", "my", "of", "our", "should", "that", "the", "there",
    "this", "to", "we", "what", "when", "where", "which", "will", "with", "would", "you", "your",
};

/* an English message needs this many function words to outweigh a Thai or Chinese word */
#define CBLUE_LANGUAGE_MIN_FUNCTION_WORDS 3

static gboolean
is_english_function_word(const gchar *word, gsize len)
{
	for (guint i = 0; i < G_N_ELEMENTS(english_function_words); i++) {
		if (strlen(english_function_words[i]) == len &&
		    g_ascii_strncasecmp(english_function_words[i], word, len) == 0)
			return TRUE;
	}
	return FALSE;
}

/**
 * cblue_language_detect:
 * @text: UTF-8 text
 * @confidence: (out) (optional): how sure the guess is, from 0 to 1
 *
 * Detects the language of a customer message: `en`, `th` or `zh`.
 *
 * The decision is by script statistics with code-mixing rules, because chat messages are
 * short and mix scripts: Thai words around English product names are Thai
 * ("ติด solar ราคาเท่าไหร่"), Chinese characters around English words are Chinese
 * ("装solar要多少钱"). One Thai syllable or one Chinese word carries as much as a whole
 * English word, so Thai and Han characters weigh more than Latin letters. An English
 * sentence with a borrowed Thai or Chinese word ("how much is the 光伏 package") stays
 * English: with three English function words, the Latin letters need only outweigh the
 * others at their plain weight. Text with neither (or in an unsupported script) is English,
 * the fallback reply language.
 *
 * Returns: a static language code
 *
 * Since: 1.0
 */
const gchar *
cblue_language_detect(const gchar *text, gdouble *confidence)
{
	guint n_thai = 0, n_han = 0, n_latin = 0, n_other_letters = 0, n_function_words = 0;
	const gchar *word_start = NULL;
	gboolean english_sentence;
	gdouble thai_weight, han_weight, latin_weight, total;
	const gchar *best = "en";
	gdouble best_weight;

	g_return_val_if_fail(text != NULL, "en");

	for (const gchar *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		const guchar *s = (const guchar *)p;
		gunichar ch;
		/* ASCII (a Latin letter, a digit or neither) and well-formed 3-byte sequences
		 * (Thai, most Han) decoded here, the same characters g_utf8_get_char_validated()
		 * gives: about a thousand instructions a message */
		if (s[0] < 0x80) {
			if (g_ascii_isalpha(s[0])) {
				n_latin++;
				if (word_start == NULL)
					word_start = p;
				continue;
			}
		}
		if (word_start != NULL) {
			n_function_words += is_english_function_word(word_start, (gsize)(p - word_start)) ? 1 : 0;
			word_start = NULL;
		}
		if (s[0] < 0x80)
			continue;
		if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
			ch = ((gunichar)(s[0] & 0x0F) << 12) | ((gunichar)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
			/* overlong forms and surrogates: as GLib reads them */
			if (ch < 0x800 || (ch >= 0xD800 && ch <= 0xDFFF))
				ch = g_utf8_get_char_validated(p, -1);
		} else {
			ch = g_utf8_get_char_validated(p, -1);
		}
		if (ch == (gunichar)-1 || ch == (gunichar)-2)
			break;
		switch (cblue_script_for_char(ch)) {
		case CBLUE_SCRIPT_THAI:
			n_thai++;
			break;
		case CBLUE_SCRIPT_HAN:
			n_han++;
			break;
		case CBLUE_SCRIPT_LATIN:
			if (!g_unichar_isdigit(ch))
				n_latin++;
			break;
		case CBLUE_SCRIPT_OTHER:
		default:
			if (g_unichar_isalpha(ch))
				n_other_letters++;
			break;
		}
	}

	if (word_start != NULL)
		n_function_words += is_english_function_word(word_start, strlen(word_start)) ? 1 : 0;

	/* average letters per word: English ~5, Thai ~4 (incl. vowels/tones), Chinese ~1.7 */
	latin_weight = n_latin / 5.0;
	thai_weight = n_thai / 4.0 * 2.0;
	han_weight = n_han / 1.7 * 2.0;
	total = latin_weight + thai_weight + han_weight + n_other_letters / 5.0;

	english_sentence = n_function_words >= CBLUE_LANGUAGE_MIN_FUNCTION_WORDS &&
	                   latin_weight > thai_weight / 2.0 && latin_weight > han_weight / 2.0;

	best_weight = latin_weight;
	if (english_sentence) {
		/* English around a borrowed Thai or Chinese word: best stays "en" */
	} else if (thai_weight > 0 && thai_weight >= han_weight && (thai_weight >= latin_weight || n_thai >= 2)) {
		best = "th";
		best_weight = thai_weight;
	} else if (han_weight > 0 && (han_weight >= latin_weight || n_han >= 2)) {
		best = "zh";
		best_weight = han_weight;
	}
	if (confidence != NULL)
		*confidence = total > 0 ? MIN(1.0, best_weight / total) : 0.0;
	return best;
}

/**
 * cblue_language_is_supported:
 * @language: (nullable): a language code
 *
 * Tells whether Cblue knows a language: `en`, `th` or `zh`.
 *
 * Returns: %TRUE if supported
 *
 * Since: 1.0
 */
gboolean
cblue_language_is_supported(const gchar *language)
{
	return g_strcmp0(language, "en") == 0 || g_strcmp0(language, "th") == 0 ||
	       g_strcmp0(language, "zh") == 0;
}
