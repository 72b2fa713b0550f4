/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <thai/thbrk.h>
#include <thai/thwbrk.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include "cblue-enums.h"
#include "cblue-hant-hans-table.h"
#include "cblue-language.h"
#include "cblue-tokenizer.h"

/**
 * CblueTokenizer:
 *
 * Turns text into the normalized words that retrieval indexes and matches.
 *
 * Normalization is NFKC (which also maps full-width forms to half-width), Unicode case
 * folding and Thai digits to ASCII digits. Words are then found per script run: Latin words
 * split at anything that is not a letter or a digit (and between digits and letters, so
 * "5kw" and "5 kW" match); Thai runs are segmented with libthai (the default, chosen by
 * accuracy on `tests/data/th-segmentation.txt`, see `docs/tokenizer.md`) or ICU; Chinese
 * runs with ICU's dictionary-based word break.
 *
 * A tokenizer is immutable and may be used from several threads at once: the break
 * iterators, which are not thread-safe, are kept per thread.
 *
 * Since: 1.0
 */
struct _CblueTokenizer {
	GObject parent_instance;
	CblueThaiSegmenter thai_segmenter;
};

G_DEFINE_TYPE(CblueTokenizer, cblue_tokenizer, G_TYPE_OBJECT)

enum { PROP_0, PROP_THAI_SEGMENTER, N_PROPS };
static GParamSpec *props[N_PROPS];

/* per-thread segmenters: ICU break iterators and ThBrk are not thread-safe */
typedef struct {
	UBreakIterator *han; /* owned, nullable */
	UBreakIterator *thai; /* owned, nullable */
	ThBrk *thbrk; /* owned, nullable */
	GArray *utf16; /* of UChar, scratch */
	GArray *ucs4; /* of thwchar_t, scratch */
	GArray *positions; /* of int, scratch */
} CblueSegmenters;

static void
cblue_segmenters_free(gpointer data)
{
	CblueSegmenters *segs = data;
	if (segs->han != NULL)
		ubrk_close(segs->han);
	if (segs->thai != NULL)
		ubrk_close(segs->thai);
	if (segs->thbrk != NULL)
		th_brk_delete(segs->thbrk);

	g_array_unref(segs->utf16);
	g_array_unref(segs->ucs4);
	g_array_unref(segs->positions);
	g_free(segs);
}

static GPrivate cblue_tokenizer_thread_segmenters = G_PRIVATE_INIT(cblue_segmenters_free);

static CblueSegmenters *
cblue_segmenters_get(void)
{
	CblueSegmenters *segs = g_private_get(&cblue_tokenizer_thread_segmenters);
	if (segs == NULL) {
		segs = g_new0(CblueSegmenters, 1);
		segs->utf16 = g_array_new(FALSE, FALSE, sizeof(UChar));
		segs->ucs4 = g_array_new(FALSE, FALSE, sizeof(thwchar_t));
		segs->positions = g_array_new(FALSE, FALSE, sizeof(int));
		g_private_set(&cblue_tokenizer_thread_segmenters, segs);
	}
	return segs;
}

static void
cblue_tokenizer_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
	CblueTokenizer *self = CBLUE_TOKENIZER(object);
	switch (prop_id) {
	case PROP_THAI_SEGMENTER:
		g_value_set_enum(value, self->thai_segmenter);
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
	}
}

static void
cblue_tokenizer_set_property(GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
	CblueTokenizer *self = CBLUE_TOKENIZER(object);
	switch (prop_id) {
	case PROP_THAI_SEGMENTER:
		self->thai_segmenter = g_value_get_enum(value);
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
	}
}

static void
cblue_tokenizer_class_init(CblueTokenizerClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->get_property = cblue_tokenizer_get_property;
	object_class->set_property = cblue_tokenizer_set_property;

	/**
	 * CblueTokenizer:thai-segmenter:
	 *
	 * The word segmentation engine for Thai runs.
	 *
	 * Since: 1.0
	 */
	props[PROP_THAI_SEGMENTER] =
	    g_param_spec_enum("thai-segmenter", NULL, NULL, CBLUE_TYPE_THAI_SEGMENTER,
			      CBLUE_THAI_SEGMENTER_LIBTHAI,
			      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
	g_object_class_install_properties(object_class, N_PROPS, props);
}

static void
cblue_tokenizer_init(CblueTokenizer *self)
{
}

/**
 * cblue_tokenizer_new:
 *
 * Creates a tokenizer with the default Thai segmenter.
 *
 * Returns: (transfer full): a new #CblueTokenizer
 *
 * Since: 1.0
 */
CblueTokenizer *
cblue_tokenizer_new(void)
{
	return g_object_new(CBLUE_TYPE_TOKENIZER, NULL);
}

/**
 * cblue_tokenizer_new_with_segmenter:
 * @thai_segmenter: the Thai segmentation engine
 *
 * Creates a tokenizer with a given Thai segmenter, to compare engines.
 *
 * Returns: (transfer full): a new #CblueTokenizer
 *
 * Since: 1.0
 */
CblueTokenizer *
cblue_tokenizer_new_with_segmenter(CblueThaiSegmenter thai_segmenter)
{
	return g_object_new(CBLUE_TYPE_TOKENIZER, "thai-segmenter", thai_segmenter, NULL);
}

/**
 * cblue_tokenizer_get_thai_segmenter:
 * @self: a #CblueTokenizer
 *
 * Gets the Thai segmentation engine.
 *
 * Returns: the engine
 *
 * Since: 1.0
 */
CblueThaiSegmenter
cblue_tokenizer_get_thai_segmenter(CblueTokenizer *self)
{
	g_return_val_if_fail(CBLUE_IS_TOKENIZER(self), CBLUE_THAI_SEGMENTER_LIBTHAI);
	return self->thai_segmenter;
}

static gboolean
cblue_text_is_ascii(const gchar *text)
{
	for (const guchar *p = (const guchar *)text; *p != '\0'; p++) {
		if (*p >= 0x80)
			return FALSE;
	}
	return TRUE;
}

/* In place (the string only shrinks, so it is rewritten front to back):
 * - Thai digits ๐-๙ (U+0E50..U+0E59) become ASCII digits;
 * - NFKC splits SARA AM (U+0E33) into NIKHAHIT + SARA AA (U+0E4D U+0E32), which the Thai
 *   dictionaries do not know ("น้ำมัน" would no longer be one word): it is put back, after
 *   any tone mark typed after it, the order the dictionaries and most keyboards use. */
static void
cblue_tokenizer_fix_thai(gchar *text)
{
	gchar *w = text;
	for (const gchar *r = text; *r != '\0';) {
		if ((guchar)r[0] == 0xE0 && (guchar)r[1] == 0xB9 && (guchar)r[2] >= 0x90 && (guchar)r[2] <= 0x99) {
			*w++ = (gchar)('0' + ((guchar)r[2] - 0x90));
			r += 3;
			continue;
		}
		if (strncmp(r, "\xe0\xb9\x8d\xe0\xb8\xb2", 6) == 0) {
			r += 6;
			if ((guchar)r[0] == 0xE0 && (guchar)r[1] == 0xB9 && (guchar)r[2] >= 0x88 && (guchar)r[2] <= 0x8B) {
				/* SARA AM typed before the tone mark */
				memmove(w, r, 3);
				w += 3;
				r += 3;
			}
			memcpy(w, "\xe0\xb8\xb3", 3);
			w += 3;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

static gboolean
cblue_text_has_han(const gchar *text)
{
	for (const gchar *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		if ((guchar)*p >= 0xE3 && cblue_script_for_char(g_utf8_get_char(p)) == CBLUE_SCRIPT_HAN)
			return TRUE;
	}
	return FALSE;
}

static int
cblue_hant_hans_compare(const void *key, const void *pair)
{
	unsigned int ch = *(const unsigned int *)key;
	unsigned int trad = ((const unsigned int *)pair)[0];
	return ch < trad ? -1 : (ch > trad ? 1 : 0);
}

/* Traditional Chinese characters folded to Simplified, in place, so that 屋頂太陽能多少錢
 * matches a KB written in Simplified Chinese. The table is ICU's Traditional-Simplified
 * transliteration of every CJK character, extracted at build time; both forms of a pair
 * are 3-byte UTF-8 characters, so the length never changes. */
static void
cblue_tokenizer_fold_traditional(gchar *text)
{
	for (gchar *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar ch;
		const unsigned int *pair;
		if ((guchar)*p < 0xE3)
			continue;
		ch = g_utf8_get_char(p);
		pair = bsearch(&ch, cblue_hant_hans, G_N_ELEMENTS(cblue_hant_hans), sizeof(cblue_hant_hans[0]),
			       cblue_hant_hans_compare);
		if (pair != NULL && g_unichar_to_utf8(pair[1], NULL) == 3 && g_unichar_to_utf8(ch, NULL) == 3)
			g_unichar_to_utf8(pair[1], p);
	}
}

/**
 * cblue_tokenizer_normalize:
 * @self: a #CblueTokenizer
 * @text: UTF-8 text
 *
 * Normalizes text for matching: NFKC (full-width to half-width, compatibility forms),
 * case folding, Thai digits to ASCII digits, Thai SARA AM recomposed after NFKC
 * decomposed it, and Traditional Chinese folded to Simplified. Invalid UTF-8 gives an empty
 * string.
 *
 * Returns: (transfer full): the normalized text
 *
 * Since: 1.0
 */
/* The last non-ASCII text normalized on this thread and its normal form: every retriever
 * normalizes the same question, one after the other, and NFKC is the dear part. The
 * normal form does not depend on the tokenizer's settings, so any tokenizer may reuse it. */
typedef struct {
	gchar *text; /* owned */
	gchar *normalized; /* owned */
} CblueNormalizeMemo;

static void
cblue_normalize_memo_free(gpointer data)
{
	CblueNormalizeMemo *memo = data;
	g_free(memo->text);
	g_free(memo->normalized);
	g_free(memo);
}

static GPrivate cblue_normalize_memo = G_PRIVATE_INIT(cblue_normalize_memo_free);

gchar *
cblue_tokenizer_normalize(CblueTokenizer *self, const gchar *text)
{
	g_autofree gchar *nfkc = NULL;
	CblueNormalizeMemo *memo;
	gchar *folded;

	g_return_val_if_fail(text != NULL, NULL);

	if (cblue_text_is_ascii(text))
		return g_ascii_strdown(text, -1);
	memo = g_private_get(&cblue_normalize_memo);
	if (memo != NULL && strcmp(memo->text, text) == 0)
		return g_strdup(memo->normalized);
	if (!g_utf8_validate(text, -1, NULL))
		return g_strdup("");
	nfkc = g_utf8_normalize(text, -1, G_NORMALIZE_NFKC);
	folded = g_utf8_casefold(nfkc, -1);
	cblue_tokenizer_fix_thai(folded);
	if (cblue_text_has_han(folded))
		cblue_tokenizer_fold_traditional(folded);
	if (memo == NULL) {
		memo = g_new0(CblueNormalizeMemo, 1);
		g_private_set(&cblue_normalize_memo, memo);
	}
	g_free(memo->text);
	g_free(memo->normalized);
	memo->text = g_strdup(text);
	memo->normalized = g_strdup(folded);
	return folded;
}

static void
cblue_tokenizer_add_word(GPtrArray *words, const gchar *start, gsize len)
{
	if (len > 0)
		g_ptr_array_add(words, g_strndup(start, len));
}

/* Latin runs: split between letters and digits so that "5kw" matches "5 kw" */
static void
cblue_tokenizer_split_latin(const gchar *start, const gchar *end, GPtrArray *words)
{
	const gchar *word = start;
	gboolean prev_digit = FALSE;
	for (const gchar *p = start; p < end; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);
		gboolean digit = g_unichar_isdigit(ch);
		if (p != word && digit != prev_digit) {
			cblue_tokenizer_add_word(words, word, p - word);
			word = p;
		}
		prev_digit = digit;
	}
	cblue_tokenizer_add_word(words, word, end - word);
}

/* split a run at ICU word boundaries; positions are converted from UTF-16 back to UTF-8 */
static void
cblue_tokenizer_split_icu(UBreakIterator **biter, const gchar *locale, CblueSegmenters *segs,
			  const gchar *start, const gchar *end, GPtrArray *words)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t len16 = 0;
	gint32 prev16 = 0;
	const gchar *prev8 = start;

	u_strFromUTF8(NULL, 0, &len16, start, (int32_t)(end - start), &status);
	status = U_ZERO_ERROR;
	g_array_set_size(segs->utf16, len16 + 1);
	u_strFromUTF8((UChar *)segs->utf16->data, len16 + 1, NULL, start, (int32_t)(end - start), &status);
	if (U_FAILURE(status)) {
		cblue_tokenizer_add_word(words, start, end - start);
		return;
	}
	if (*biter == NULL) {
		status = U_ZERO_ERROR;
		*biter = ubrk_open(UBRK_WORD, locale, NULL, 0, &status);
		if (U_FAILURE(status)) {
			*biter = NULL;
			cblue_tokenizer_add_word(words, start, end - start);
			return;
		}
	}
	status = U_ZERO_ERROR;
	ubrk_setText(*biter, (const UChar *)segs->utf16->data, len16, &status);
	if (U_FAILURE(status)) {
		cblue_tokenizer_add_word(words, start, end - start);
		return;
	}
	for (gint32 b = ubrk_next(*biter); b != UBRK_DONE; b = ubrk_next(*biter)) {
		/* walk UTF-8 forward by the number of UTF-16 units consumed */
		const gchar *p = prev8;
		gint32 units = prev16;
		while (units < b && p < end) {
			gunichar ch = g_utf8_get_char(p);
			units += ch >= 0x10000 ? 2 : 1;
			p = g_utf8_next_char(p);
		}
		cblue_tokenizer_add_word(words, prev8, p - prev8);
		prev8 = p;
		prev16 = b;
	}
}

static void
cblue_tokenizer_split_libthai(CblueSegmenters *segs, const gchar *start, const gchar *end, GPtrArray *words)
{
	glong n_chars = g_utf8_strlen(start, end - start);
	int n_breaks;
	const gchar *prev = start;
	glong prev_index = 0;
	const gchar *p = start;

	if (segs->thbrk == NULL) {
		segs->thbrk = th_brk_new(NULL);
		if (segs->thbrk == NULL) {
			cblue_tokenizer_add_word(words, start, end - start);
			return;
		}
	}
	g_array_set_size(segs->ucs4, n_chars + 1);
	g_array_set_size(segs->positions, n_chars + 1);
	{
		thwchar_t *out = (thwchar_t *)segs->ucs4->data;
		glong i = 0;
		for (const gchar *q = start; q < end; q = g_utf8_next_char(q))
			out[i++] = (thwchar_t)g_utf8_get_char(q);
		out[i] = 0;
	}
	n_breaks = th_brk_wc_find_breaks(segs->thbrk, (const thwchar_t *)segs->ucs4->data,
					 (int *)segs->positions->data, (size_t)n_chars + 1);
	for (int i = 0; i < n_breaks; i++) {
		int pos = ((int *)segs->positions->data)[i];
		if (pos <= prev_index || pos >= n_chars)
			continue;
		while (prev_index < pos) {
			p = g_utf8_next_char(p);
			prev_index++;
		}
		cblue_tokenizer_add_word(words, prev, p - prev);
		prev = p;
	}
	cblue_tokenizer_add_word(words, prev, end - prev);
}

static void
cblue_tokenizer_split_run(CblueTokenizer *self, CblueScript script, const gchar *start,
			  const gchar *end, GPtrArray *words)
{
	CblueSegmenters *segs;

	if (script == CBLUE_SCRIPT_LATIN) {
		cblue_tokenizer_split_latin(start, end, words);
		return;
	}
	segs = cblue_segmenters_get();
	if (script == CBLUE_SCRIPT_HAN) {
		cblue_tokenizer_split_icu(&segs->han, "zh", segs, start, end, words);
		return;
	}
	if (self->thai_segmenter == CBLUE_THAI_SEGMENTER_ICU)
		cblue_tokenizer_split_icu(&segs->thai, "th", segs, start, end, words);
	else
		cblue_tokenizer_split_libthai(segs, start, end, words);
}

/**
 * cblue_tokenizer_segment:
 * @self: a #CblueTokenizer
 * @text: UTF-8 text, already normalized
 *
 * Splits normalized text into words, without normalizing it again. Punctuation, spaces and
 * symbols are dropped.
 *
 * Returns: (transfer container) (element-type utf8): the words
 *
 * Since: 1.0
 */
GPtrArray *
cblue_tokenizer_segment(CblueTokenizer *self, const gchar *text)
{
	GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
	const gchar *run = NULL;
	CblueScript run_script = CBLUE_SCRIPT_OTHER;

	g_return_val_if_fail(CBLUE_IS_TOKENIZER(self), words);
	g_return_val_if_fail(text != NULL, words);

	for (const gchar *p = text;; p = g_utf8_next_char(p)) {
		gunichar ch = *p != '\0' ? g_utf8_get_char(p) : 0;
		CblueScript script = ch != 0 ? cblue_script_for_char(ch) : CBLUE_SCRIPT_OTHER;
		/* Thai digits were normalized away; ASCII digits inside Thai text end the run */
		if (script != run_script) {
			if (run != NULL && run_script != CBLUE_SCRIPT_OTHER)
				cblue_tokenizer_split_run(self, run_script, run, p, words);
			run = p;
			run_script = script;
		}
		if (ch == 0)
			break;
	}
	return words;
}

/**
 * cblue_tokenizer_tokenize:
 * @self: a #CblueTokenizer
 * @text: UTF-8 text
 *
 * Normalizes text and splits it into words.
 *
 * Returns: (transfer container) (element-type utf8): the normalized words
 *
 * Since: 1.0
 */
GPtrArray *
cblue_tokenizer_tokenize(CblueTokenizer *self, const gchar *text)
{
	g_autofree gchar *normalized = NULL;
	g_return_val_if_fail(CBLUE_IS_TOKENIZER(self), NULL);
	g_return_val_if_fail(text != NULL, NULL);
	normalized = cblue_tokenizer_normalize(self, text);
	return cblue_tokenizer_segment(self, normalized);
}
