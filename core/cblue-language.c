/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-language-private.h"
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

/* Thai written in Latin letters (karaoke: "raka tao rai krab") and Chinese in pinyin
 * ("duoshao qian"), by their commonest words: a customer whose keyboard has no Thai or
 * Chinese still means the reply in Thai or Chinese. A strong word is one no English chat
 * message writes; a weak one is a Thai or pinyin word that an English one may (a name, "na"
 * of Bang Na): it only adds to a strong one. */
static const gchar *const thai_romanised_strong[] = {
    "ao", "arai", "chai", "dai", "duay", "khob", "khop", "khorb", "khun", "laew", "leaw", "mai",
    "ngai", "noi", "phom", "raka", "rakha", "rakhaa", "sabai", "sawaddee", "sawadee", "sawasdee",
    "sawatdee", "taorai", "thaorai", "tid", "yangngai", "yoo",
};
/* the polite particles close English greetings too ("good morning na krub"): weak, however
 * Thai they are */
static const gchar *const thai_romanised_particles[] = {
    "ka", "kha", "khaa", "khrab", "khrap", "khrub", "krab", "krap", "krub", "kub", "kab", "kap",
    "na", "ja", "jaa",
};
static const gchar *const thai_romanised_weak[] = {
    "baan", "ban", "ber", "chan", "dee", "gap", "gee", "hai", "kee", "kor", "khor", "kuen", "kun",
    "ma", "mee", "pai", "pee", "pen", "pi", "rai", "sia", "tao", "thao", "tee", "toh", "tong",
    "tum", "tun", "yang", "yu",
};
static const gchar *const pinyin_strong[] = {
    "anzhuang", "baoxiu", "chongdian", "dianchi", "duo", "duojiu", "duoshao", "hao", "jiage",
    "jintian", "keyi", "meiyou", "nali", "ni", "nihao", "qian", "qing", "qingwen", "shao",
    "shenme", "taiyang", "tianqi", "wo", "xiang", "xie", "xiexie", "zenme", "zenmeyang", "zhuang",
};
static const gchar *const pinyin_weak[] = {
    "an", "bu", "de", "dian", "ge", "jia", "le", "lian", "ma", "mai", "ne", "neng", "shi", "tai",
    "yang", "yao", "yi", "zai", "zhe", "zhu",
};

static gboolean
word_in(const gchar *const *words, guint n_words, const gchar *word)
{
	for (guint i = 0; i < n_words; i++) {
		if (strcmp(words[i], word) == 0)
			return TRUE;
	}
	return FALSE;
}

/* a pinyin word written as one (taiyangneng, chongdianzhuang): known syllables all through,
 * three of them or one strong; English words that split so (shine: shi ne) have two weak ones */
static gboolean
is_pinyin_compound(const gchar *word, guint n_syllables, gboolean strong)
{
	gsize len = strlen(word);

	if (len == 0)
		return n_syllables >= 3 || (n_syllables >= 2 && strong);
	for (gsize n = MIN(len, 9); n >= 2; n--) {
		gchar head[10];
		gboolean is_strong;
		memcpy(head, word, n);
		head[n] = '\0';
		is_strong = word_in(pinyin_strong, G_N_ELEMENTS(pinyin_strong), head);
		if ((is_strong || word_in(pinyin_weak, G_N_ELEMENTS(pinyin_weak), head)) &&
		    is_pinyin_compound(word + n, n_syllables + 1, strong || is_strong))
			return TRUE;
	}
	return FALSE;
}

typedef struct {
	guint strong, weak;
} RomanisedHits;

static void
romanised_count_word(const gchar *word, RomanisedHits *thai, RomanisedHits *pinyin)
{
	if (word_in(thai_romanised_particles, G_N_ELEMENTS(thai_romanised_particles), word))
		thai->weak++;
	else if (word_in(thai_romanised_strong, G_N_ELEMENTS(thai_romanised_strong), word))
		thai->strong++;
	else if (word_in(thai_romanised_weak, G_N_ELEMENTS(thai_romanised_weak), word))
		thai->weak++;
	if (word_in(pinyin_strong, G_N_ELEMENTS(pinyin_strong), word))
		pinyin->strong++;
	else if (word_in(pinyin_weak, G_N_ELEMENTS(pinyin_weak), word))
		pinyin->weak++;
	else if (strlen(word) >= 5 && is_pinyin_compound(word, 0, FALSE))
		pinyin->strong++;
}

/* a language whose words are at least half the message's, one of them strong */
static gboolean
romanised_wins(const RomanisedHits *hits, const RomanisedHits *other, guint n_words)
{
	guint n = hits->strong + hits->weak;
	return hits->strong >= 1 && n >= 2 && n * 2 >= n_words &&
	       2 * hits->strong + hits->weak > 2 * other->strong + other->weak;
}

/* Thai or Chinese written in Latin letters, or %NULL: none where an English function word
 * stands ("thank you ka"). Pinyin's tone marks (nǐ hǎo) are dropped with the other combining
 * marks; words with digits (5kW) are not counted. */
static const gchar *
romanised_language(const gchar *text)
{
	g_autofree gchar *nfd = g_utf8_normalize(text, -1, G_NORMALIZE_NFD);
	RomanisedHits thai = {0, 0}, pinyin = {0, 0};
	guint n_words = 0, len = 0;
	gboolean has_digit = FALSE;
	gchar word[24];

	if (nfd == NULL)
		return NULL;
	for (const gchar *p = nfd;; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);
		if (ch < 0x80 && g_ascii_isalnum((gchar)ch)) {
			has_digit |= g_ascii_isdigit((gchar)ch);
			if (len < sizeof word - 1)
				word[len] = g_ascii_tolower((gchar)ch);
			len++;
			continue;
		}
		if (ch >= 0x0300 && ch <= 0x036F)
			continue;
		if (len > 0 && !has_digit) {
			n_words++;
			if (len < sizeof word) {
				word[len] = '\0';
				if (is_english_function_word(word, len))
					return NULL;
				romanised_count_word(word, &thai, &pinyin);
			}
		}
		len = 0;
		has_digit = FALSE;
		if (ch == 0)
			break;
	}
	if (romanised_wins(&thai, &pinyin, n_words))
		return "th";
	if (romanised_wins(&pinyin, &thai, n_words))
		return "zh";
	return NULL;
}

/* Thai words of courtesy: a Chinese speaker's greeting or thanks in Thai says nothing of
 * the language of the request */
static const gchar *const thai_courtesy_words[] = {
    "สวัสดี", "ขอบคุณ", "ครับ", "ค่ะ", "คะ", "คับ", "นะ",
};

/* how many of @text's Thai characters its courtesy words make */
static guint
thai_courtesy_letters(const gchar *text)
{
	guint n = 0;

	for (guint i = 0; i < G_N_ELEMENTS(thai_courtesy_words); i++) {
		const gchar *word = thai_courtesy_words[i];
		gsize len = strlen(word);
		for (const gchar *p = strstr(text, word); p != NULL; p = strstr(p + len, word))
			n += (guint)g_utf8_strlen(word, (gssize)len);
	}
	return n;
}

static const gchar *language_detect(const gchar *text, gdouble *confidence, gboolean *evident);

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
 * others at their plain weight; with two, when the other script is one word in four English
 * ones ("Can you install in ลาดพร้าว?"). Thai beside Chinese is a name or a courtesy
 * ("ลาดพร้าว 可以吗"): the Chinese decides unless the Thai, less its courtesies, outweighs
 * it twice. Latin letters alone that are mostly romanised Thai or pinyin words
 * ("raka tao rai krab", "duoshao qian") are Thai or Chinese: the language meant, not the
 * keyboard's. Text with neither (or in an unsupported script) is English, the fallback
 * reply language.
 *
 * Returns: a static language code
 *
 * Since: 1.0
 */
const gchar *
cblue_language_detect(const gchar *text, gdouble *confidence)
{
	return language_detect(text, confidence, NULL);
}

const gchar *
cblue_language_detect_evident(const gchar *text, gboolean *evident)
{
	return language_detect(text, NULL, evident);
}

static const gchar *
language_detect(const gchar *text, gdouble *confidence, gboolean *evident)
{
	guint n_thai = 0, n_han = 0, n_latin = 0, n_other_letters = 0, n_function_words = 0;
	guint n_latin_words = 0, n_script_runs = 0;
	gboolean in_script_run = FALSE;
	const gchar *word_start = NULL;
	gboolean english_sentence, chinese_over_thai;
	CblueScript script;
	gdouble thai_weight, han_weight, latin_weight, total;
	const gchar *best = "en";
	gdouble best_weight;

	if (evident != NULL)
		*evident = FALSE;
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
				in_script_run = FALSE;
				if (word_start == NULL) {
					word_start = p;
					n_latin_words++;
				}
				continue;
			}
		}
		if (word_start != NULL) {
			n_function_words += is_english_function_word(word_start, (gsize)(p - word_start)) ? 1 : 0;
			word_start = NULL;
		}
		if (s[0] < 0x80) {
			in_script_run = FALSE;
			continue;
		}
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
		script = cblue_script_for_char(ch);
		if (script == CBLUE_SCRIPT_THAI || script == CBLUE_SCRIPT_HAN) {
			n_script_runs += in_script_run ? 0 : 1;
			in_script_run = TRUE;
		} else {
			in_script_run = FALSE;
		}
		switch (script) {
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

	/* one Thai or Chinese word in four English ones is a name or a courtesy ("Can you
	 * install in ลาดพร้าว?", "Hello ครับ, how much for solar?"): two function words do */
	english_sentence = (n_function_words >= CBLUE_LANGUAGE_MIN_FUNCTION_WORDS ||
	                    (n_function_words >= 2 && n_script_runs == 1 && n_latin_words >= 4)) &&
	                   latin_weight > thai_weight / 2.0 && latin_weight > han_weight / 2.0;
	/* Thai in a Chinese message is a place's name or a courtesy ("ลาดพร้าว 可以吗",
	 * "ขอบคุณครับ 谢谢"), long in letters; Chinese in a Thai one is a word quoted or a
	 * product's name ("你好 แปลว่าอะไรคะ"), a Thai text around it */
	chinese_over_thai = FALSE;
	if (n_han >= 2 && n_thai > 0) {
		gdouble thai_content = MAX(0.0, (gdouble)n_thai - thai_courtesy_letters(text));
		chinese_over_thai = han_weight * 2.0 >= thai_content / 4.0 * 2.0;
	}

	best_weight = latin_weight;
	if (english_sentence) {
		/* English around a borrowed Thai or Chinese word: best stays "en" */
	} else if (thai_weight > 0 && !chinese_over_thai && thai_weight >= han_weight &&
	           (thai_weight >= latin_weight || n_thai >= 2)) {
		best = "th";
		best_weight = thai_weight;
	} else if (han_weight > 0 && (han_weight >= latin_weight || n_han >= 2)) {
		best = "zh";
		best_weight = han_weight;
	} else if (n_thai == 0 && n_han == 0 && n_latin > 0 &&
	           n_function_words < CBLUE_LANGUAGE_MIN_FUNCTION_WORDS) {
		const gchar *romanised = romanised_language(text);
		if (romanised != NULL) {
			best = romanised;
			best_weight = total;
		}
	}
	if (evident != NULL)
		*evident = strcmp(best, "en") != 0 || n_thai > 0 || n_han > 0 || n_function_words > 0 ||
		           n_latin_words > 2;
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

const gchar *
cblue_language_static(const gchar *language)
{
	static const gchar *const languages[] = {"en", "th", "zh"};

	for (guint i = 0; i < G_N_ELEMENTS(languages); i++) {
		if (g_strcmp0(language, languages[i]) == 0)
			return languages[i];
	}
	return NULL;
}
