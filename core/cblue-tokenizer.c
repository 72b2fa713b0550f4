/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <datrie/trie.h>
#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>
#include <thai/thbrk.h>
#include <thai/thwchar.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include "cblue-enums.h"
#include "cblue-hant-hans-table.h"
#include "cblue-language.h"
#include "cblue-tokenizer-private.h"
#include "cblue-tokenizer.h"
#include "cblue-utf8-private.h"

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
 * runs with the bundled Chinese word list first and ICU's dictionary-based word break for
 * the rest.
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

/* segmenters, used by one thread at a time: ICU break iterators and ThBrk are not
 * thread-safe */
typedef struct {
	UBreakIterator *han; /* owned, nullable */
	UBreakIterator *thai; /* owned, nullable */
	ThBrk *thbrk; /* owned, nullable */
	GArray *utf16; /* of UChar, scratch */
	GByteArray *tis; /* TIS-620 text for libthai, scratch */
	GArray *positions; /* of int, scratch */
	/* the words of the Thai and Chinese runs segmented lately (see
	 * cblue_tokenizer_split_run()): key (owned) → CblueSegmentMemo (owned) */
	GHashTable *memo;
	gsize memo_bytes; /* of the memo's keys and values */
	GString *memo_key; /* scratch */
} CblueSegmenters;

/* A run's segmentation: the lengths of its words in bytes, in order (they cover the run). */
typedef struct {
	guint16 n_words;
	guint16 lens[];
} CblueSegmentMemo;

/* Runs longer than this (32 Thai or Chinese characters) are not remembered: they rarely
 * come again, and hashing and copying them costs more than it saves. Once a set of
 * segmenters remembers this many bytes of runs, it starts again empty: 4 MB holds the
 * runs of a few thousand KB entries (about 1.2 KB an entry), so a word written alone in
 * one entry is still remembered when the next entries have it again (with 256 KB, about
 * 200 entries, a build segmented a sixth more runs). */
#define CBLUE_SEGMENT_MEMO_MAX_RUN   96
#define CBLUE_SEGMENT_MEMO_MAX_BYTES (4 * 1024 * 1024)

/* A pool rather than one set per thread: libthai's dictionary takes about 1 MB per ThBrk,
 * and the server runs many threads (a WebSocket thread per few hundred connections) of
 * which only as many as there are cores tokenize at once. The pool holds as many sets as
 * were ever in use at the same time; they live until the process exits. */
static GMutex cblue_segmenters_lock;
static GSList *cblue_segmenters_pool; /* under the lock: of CblueSegmenters (owned) */

static CblueSegmenters *
cblue_segmenters_acquire(void)
{
	CblueSegmenters *segs = NULL;

	g_mutex_lock(&cblue_segmenters_lock);
	if (cblue_segmenters_pool != NULL) {
		segs = cblue_segmenters_pool->data;
		cblue_segmenters_pool = g_slist_delete_link(cblue_segmenters_pool, cblue_segmenters_pool);
	}
	g_mutex_unlock(&cblue_segmenters_lock);
	if (segs == NULL) {
		segs = g_new0(CblueSegmenters, 1);
		segs->utf16 = g_array_new(FALSE, FALSE, sizeof(UChar));
		segs->tis = g_byte_array_new();
		segs->positions = g_array_new(FALSE, FALSE, sizeof(int));
		segs->memo = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
		segs->memo_key = g_string_new(NULL);
	}
	return segs;
}

static void
cblue_segmenters_release(CblueSegmenters *segs)
{
	g_mutex_lock(&cblue_segmenters_lock);
	cblue_segmenters_pool = g_slist_prepend(cblue_segmenters_pool, segs);
	g_mutex_unlock(&cblue_segmenters_lock);
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

/* ASCII text lower-cased (g_ascii_strdown() of text whose length is known), or %NULL if
 * @text is not all ASCII */
static gchar *
cblue_ascii_fold(const gchar *text, gsize len)
{
	gchar *out = g_malloc(len + 1);

	for (gsize i = 0; i < len; i++) {
		guchar c = (guchar)text[i];
		if (c >= 0x80) {
			g_free(out);
			return NULL;
		}
		out[i] = (gchar)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
	}
	out[len] = '\0';
	return out;
}

/* the Thai character (U+0E00..U+0E7F, 3 bytes of UTF-8) at @p, or 0 */
static inline gunichar
cblue_thai_char_at(const gchar *p)
{
	const guchar *s = (const guchar *)p;
	if (s[0] != 0xE0 || (s[1] != 0xB8 && s[1] != 0xB9) || (s[2] & 0xC0) != 0x80)
		return 0;
	return 0x0E00 | ((gunichar)(s[1] & 0x01) << 6) | (s[2] & 0x3F);
}

/* tone marks MAI EK..MAI CHATTAWA */
static inline gboolean
cblue_thai_is_tone(gunichar ch)
{
	return ch >= 0x0E48 && ch <= 0x0E4B;
}

/* the marks written above a consonant before a tone mark: MAI HAN-AKAT, SARA I, II, UE, UEE
 * (canonical combining class 0, so NFKC does not put them before a tone mark typed first) */
static inline gboolean
cblue_thai_is_upper_vowel(gunichar ch)
{
	return ch == 0x0E31 || (ch >= 0x0E34 && ch <= 0x0E37);
}

/* the vowels and the marks that combine with a consonant (vowels above and below, PHINTHU,
 * MAITAIKHU, tone marks, THANTHAKHAT, NIKHAHIT, YAMAKKAN): no word has one twice in a row,
 * as words have consonants (ธรรม) */
static inline gboolean
cblue_thai_is_vowel_or_mark(gunichar ch)
{
	return (ch >= 0x0E30 && ch <= 0x0E3A) || (ch >= 0x0E40 && ch <= 0x0E45) || (ch >= 0x0E47 && ch <= 0x0E4E);
}

/* whether cblue_tokenizer_fix_thai() may change the spelling at Thai character @ch that
 * follows Thai character @prev (0 if none), @ch being the @repeats-th of a run of the same
 * character: a vowel or mark twice, a consonant three times, a tone mark before an upper
 * vowel (doubled consonants, common and left as they are, cost no pass) */
static inline gboolean
cblue_thai_may_need_fix(gunichar prev, gunichar ch, guint repeats)
{
	if (ch == prev)
		return repeats >= 3 || cblue_thai_is_vowel_or_mark(ch);
	return cblue_thai_is_tone(prev) && cblue_thai_is_upper_vowel(ch);
}

/* In place (the string only shrinks, so it is rewritten front to back):
 * - Thai digits ๐-๙ (U+0E50..U+0E59) become ASCII digits;
 * - NFKC splits SARA AM (U+0E33) into NIKHAHIT + SARA AA (U+0E4D U+0E32), which the Thai
 *   dictionaries do not know ("น้ำมัน" would no longer be one word): it is put back, after
 *   any tone mark typed after it, the order the dictionaries and most keyboards use;
 * - the ways chat spells a word that look the same or say the same: a tone mark typed
 *   before an upper vowel (ก่ี, drawn as กี่, which NFKC leaves: the vowels have combining
 *   class 0) goes after it; two SARA E typed for SARA AE (เเ, drawn as แ) become SARA AE;
 *   a vowel or mark typed twice (ดีี, นะคะะ) is kept once (no word begins with one, so no
 *   two words make a pair); a consonant held down for emphasis is kept once: four times
 *   or more, or three at the end of the Thai text (มากกก). Twice is a spelling (ธรรม,
 *   สัมมนา) and three can be two words or a loanword (แบบ|บ้าน, แดด|ดี, ไอออน). */
static void
cblue_tokenizer_fix_thai(gchar *text)
{
	gchar *w = text;
	for (const gchar *r = text; *r != '\0';) {
		gunichar ch, next;
		gsize n;
		/* both cases are in U+0E00..U+0E7F, E0 B8 xx or E0 B9 xx */
		if ((guchar)r[0] != 0xE0) {
			*w++ = *r++;
			continue;
		}
		if ((guchar)r[1] == 0xB9 && (guchar)r[2] >= 0x90 && (guchar)r[2] <= 0x99) {
			*w++ = (gchar)('0' + ((guchar)r[2] - 0x90));
			r += 3;
			continue;
		}
		if ((guchar)r[1] == 0xB9 && (guchar)r[2] == 0x8D && (guchar)r[3] == 0xE0 && (guchar)r[4] == 0xB8 &&
		    (guchar)r[5] == 0xB2) {
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
		/* a character of U+0800..U+0FFF: most are neither the next one again nor a tone mark,
		 * and are copied as they are (w[i] = r[i]: @w may be @r) */
		ch = 0;
		if (((guchar)r[3] == 0xE0 && r[4] == r[1] && r[5] == r[2]) ||
		    ((guchar)r[1] == 0xB9 && (guchar)r[2] >= 0x88 && (guchar)r[2] <= 0x8B))
			ch = cblue_thai_char_at(r);
		next = ch != 0 ? cblue_thai_char_at(r + 3) : 0;
		if (ch == 0 || (next != ch && !(cblue_thai_is_tone(ch) && cblue_thai_is_upper_vowel(next)))) {
			w[0] = r[0];
			w[1] = r[1];
			w[2] = r[2];
			w += 3;
			r += 3;
			continue;
		}
		if (next != ch) {
			/* the tone mark after the vowel (@w may be @r: through a copy) */
			gchar tone[3];
			memcpy(tone, r, 3);
			memmove(w, r + 3, 3);
			memcpy(w + 3, tone, 3);
			w += 6;
			r += 6;
			continue;
		}
		for (n = 2; cblue_thai_char_at(r + 3 * n) == ch; n++)
			;
		if (n == 2 && ch == 0x0E40) {
			memcpy(w, "\xe0\xb9\x81", 3); /* SARA AE */
			w += 3;
		} else if (cblue_thai_is_vowel_or_mark(ch) || n >= 4 || (n == 3 && cblue_thai_char_at(r + 9) == 0)) {
			memmove(w, r, 3);
			w += 3;
		} else {
			memmove(w, r, 3 * n);
			w += 3 * n;
		}
		r += 3 * n;
	}
	*w = '\0';
}

static gboolean
cblue_text_has_han(const gchar *text)
{
	for (const gchar *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		if ((guchar)*p >= 0xE3 && cblue_script_for_char(cblue_utf8_get_valid_char(p)) == CBLUE_SCRIPT_HAN)
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

/* the BMP characters that the table folds, one bit each: most characters of a Chinese
 * text are not, and cost no search */
static const guint8 *
cblue_hant_bitmap_get(void)
{
	static guint8 *bitmap; /* owned, lives until the process exits */

	if (g_once_init_enter(&bitmap)) {
		guint8 *bits = g_new0(guint8, 0x10000 / 8);
		for (gsize i = 0; i < G_N_ELEMENTS(cblue_hant_hans); i++) {
			unsigned int ch = cblue_hant_hans[i][0];
			if (ch < 0x10000)
				bits[ch >> 3] |= (guint8)(1u << (ch & 7));
		}
		g_once_init_leave(&bitmap, bits);
	}
	return bitmap;
}

/* Traditional Chinese characters folded to Simplified, in place, so that 屋頂太陽能多少錢
 * matches a KB written in Simplified Chinese. The table is ICU's Traditional-Simplified
 * transliteration of every CJK character, extracted at build time; both forms of a pair
 * are 3-byte UTF-8 characters, so the length never changes. */
static void
cblue_tokenizer_fold_traditional(gchar *text)
{
	const guint8 *traditional = cblue_hant_bitmap_get();

	for (gchar *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar ch;
		const unsigned int *pair;
		if ((guchar)*p < 0xE3)
			continue;
		ch = cblue_utf8_get_valid_char(p);
		if (ch < 0x10000 && (traditional[ch >> 3] & (1u << (ch & 7))) == 0)
			continue;
		pair = bsearch(&ch, cblue_hant_hans, G_N_ELEMENTS(cblue_hant_hans), sizeof(cblue_hant_hans[0]),
			       cblue_hant_hans_compare);
		if (pair != NULL && g_unichar_to_utf8(pair[1], NULL) == 3 && g_unichar_to_utf8(ch, NULL) == 3)
			g_unichar_to_utf8(pair[1], p);
	}
}

/* the canonical combining class of the Thai marks that have one (below vowels 103, PHINTHU
 * 9, tone marks 107); every other character the fast path takes has class 0 */
static guint
cblue_thai_combining_class(gunichar ch)
{
	switch (ch) {
	case 0x0E38:
	case 0x0E39:
		return 103;
	case 0x0E3A:
		return 9;
	case 0x0E48:
	case 0x0E49:
	case 0x0E4A:
	case 0x0E4B:
		return 107;
	default:
		return 0;
	}
}

/* characters that NFKC and case folding leave as they are, as GLib's tables have them,
 * and that never combine with a character before them (none is the second half of a
 * canonical composition): Latin-1 symbols and small letters, general punctuation, CJK
 * punctuation, Thai (but SARA AM) and CJK ideographs */
static gboolean
cblue_char_folds_to_itself(gunichar ch)
{
	if (ch < 0x0100)
		return (ch >= 0x00A1 && ch <= 0x00A7) || ch == 0x00A9 || (ch >= 0x00AB && ch <= 0x00AE) ||
		       (ch >= 0x00B0 && ch <= 0x00B1) || (ch >= 0x00B6 && ch <= 0x00B7) || ch == 0x00BB ||
		       ch == 0x00BF || ch == 0x00D7 || ch >= 0x00E0;
	if (ch >= 0x0E00 && ch <= 0x0E7F)
		return ch != 0x0E33;
	if (ch >= 0x2000 && ch <= 0x2032)
		return (ch >= 0x200B && ch <= 0x2010) || (ch >= 0x2012 && ch <= 0x2016) ||
		       (ch >= 0x2018 && ch <= 0x2023) || (ch >= 0x2027 && ch <= 0x202E) || ch >= 0x2030;
	return (ch >= 0x3001 && ch <= 0x3029) || (ch >= 0x3400 && ch <= 0x4DBF) || (ch >= 0x4E00 && ch <= 0x9FFF);
}

/* what remains to do after cblue_tokenizer_fold_simple(): the passes that would change the
 * folded text (the others are skipped) */
enum {
	/* it has a Thai digit, NIKHAHIT or a chat spelling (cblue_thai_may_need_fix()):
	 * cblue_tokenizer_fix_thai() */
	CBLUE_FOLD_FIX_THAI = 1 << 0,
	CBLUE_FOLD_HAN = 1 << 1, /* it has a Han character: cblue_tokenizer_fold_traditional() */
};

/* NFKC and case folding (g_utf8_normalize() then g_utf8_casefold()) of valid UTF-8 made only
 * of characters whose normal form does not depend on their neighbours: ASCII, full-width
 * ASCII and the ideographic space (to ASCII), SARA AM (to NIKHAHIT + SARA AA) and the
 * characters of cblue_char_folds_to_itself(). Thai marks with a combining class must
 * already be in canonical order. Text like that (nearly every question and KB text) is
 * folded in one pass, several times faster than GLib's two; for any other text, %NULL.
 * @passes gets the CBLUE_FOLD_* flags of the folded text. */
static gchar *
cblue_tokenizer_fold_simple(const gchar *text, gsize len, guint *passes)
{
	/* SARA AM, 3 bytes, becomes 6; nothing else grows */
	g_autofree gchar *out = g_malloc(2 * len + 1);
	gchar *w = out;
	guint prev_class = 0;
	gunichar prev_thai = 0; /* the character before, if Thai */
	guint repeats = 0; /* how many times in a row it came */

	*passes = 0;
	for (const gchar *p = text; *p != '\0';) {
		guchar c = (guchar)*p;
		gunichar ch;
		guint klass;

		if (c < 0x80) {
			*w++ = (gchar)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
			p++;
			prev_class = 0;
			prev_thai = 0;
			continue;
		}
		ch = cblue_utf8_get_valid_char(p);
		klass = cblue_thai_combining_class(ch);
		/* canonical reordering would swap these */
		if (klass != 0 && prev_class > klass)
			return NULL;
		prev_class = klass;
		/* Thai but SARA AM, and CJK ideographs: most of the text, 3 bytes that stay */
		if ((ch >= 0x0E00 && ch <= 0x0E7F && ch != 0x0E33) || (ch >= 0x4E00 && ch <= 0x9FFF)) {
			if (ch >= 0x4E00) {
				*passes |= CBLUE_FOLD_HAN;
			} else {
				repeats = ch == prev_thai ? repeats + 1 : 1;
				if (ch == 0x0E4D || (ch >= 0x0E50 && ch <= 0x0E59) ||
				    cblue_thai_may_need_fix(prev_thai, ch, repeats))
					*passes |= CBLUE_FOLD_FIX_THAI;
			}
			prev_thai = ch < 0x4E00 ? ch : 0;
			w[0] = p[0];
			w[1] = p[1];
			w[2] = p[2];
			w += 3;
			p += 3;
			continue;
		}
		if (ch >= 0xFF01 && ch <= 0xFF5E) {
			guchar ascii = (guchar)(ch - 0xFF01 + 0x21);
			*w++ = (gchar)(ascii >= 'A' && ascii <= 'Z' ? ascii + ('a' - 'A') : ascii);
		} else if (ch == 0x3000) {
			*w++ = ' ';
		} else if (ch == 0x0E33) {
			memcpy(w, "\xe0\xb9\x8d\xe0\xb8\xb2", 6);
			w += 6;
			*passes |= CBLUE_FOLD_FIX_THAI;
		} else if (cblue_char_folds_to_itself(ch)) {
			gsize n = g_utf8_next_char(p) - p;
			/* as cblue_text_has_han() finds them */
			if (c >= 0xE3 && cblue_script_for_char(ch) == CBLUE_SCRIPT_HAN)
				*passes |= CBLUE_FOLD_HAN;
			memcpy(w, p, n);
			w += n;
		} else {
			return NULL;
		}
		prev_thai = 0;
		p = g_utf8_next_char(p);
	}
	*w = '\0';
	return g_steal_pointer(&out);
}

/**
 * cblue_tokenizer_normalize:
 * @self: a #CblueTokenizer
 * @text: UTF-8 text
 *
 * Normalizes text for matching: NFKC (full-width to half-width, compatibility forms),
 * case folding, Thai digits to ASCII digits, Thai SARA AM recomposed after NFKC
 * decomposed it, the Thai spellings of chat made one (a tone mark typed before an upper
 * vowel, SARA E typed twice for SARA AE, a vowel or mark typed twice, a consonant held down
 * for emphasis), and Traditional Chinese folded to Simplified. Invalid UTF-8 gives an empty
 * string.
 *
 * Returns: (transfer full): the normalized text
 *
 * Since: 1.0
 */
/* The last non-ASCII text normalized on this thread and its normal form: every retriever
 * normalizes the same question, one after the other, and NFKC is the dear part. The
 * normal form does not depend on the tokenizer's settings, so any tokenizer may reuse it.
 * The same memo keeps the last text derived on the thread (cblue-tokenizer-private.h). */
typedef struct {
	GString *text; /* owned; its buffer is reused, as is the next one's */
	GString *normalized; /* owned */
	GString *tag; /* owned: of the derived text */
	GString *derive_text; /* owned */
	GString *derived; /* owned */
	gboolean has_derive; /* whether a derived text was stored */
	gboolean has_derived; /* FALSE: nothing was derived */
} CblueNormalizeMemo;

static void
cblue_normalize_memo_free(gpointer data)
{
	CblueNormalizeMemo *memo = data;
	g_string_free(memo->text, TRUE);
	g_string_free(memo->normalized, TRUE);
	g_string_free(memo->tag, TRUE);
	g_string_free(memo->derive_text, TRUE);
	g_string_free(memo->derived, TRUE);
	g_free(memo);
}

static GPrivate cblue_normalize_memo = G_PRIVATE_INIT(cblue_normalize_memo_free);

/* this thread's memo, made on first use */
static CblueNormalizeMemo *
cblue_normalize_memo_get(void)
{
	CblueNormalizeMemo *memo = g_private_get(&cblue_normalize_memo);

	if (memo == NULL) {
		memo = g_new0(CblueNormalizeMemo, 1);
		memo->text = g_string_new(NULL);
		memo->normalized = g_string_new(NULL);
		memo->tag = g_string_new(NULL);
		memo->derive_text = g_string_new(NULL);
		memo->derived = g_string_new(NULL);
		g_private_set(&cblue_normalize_memo, memo);
	}
	return memo;
}

gchar *
cblue_tokenizer_normalize(CblueTokenizer *self, const gchar *text)
{
	g_autofree gchar *nfkc = NULL;
	CblueNormalizeMemo *memo;
	gchar *folded;
	guint passes;
	gsize len;

	g_return_val_if_fail(text != NULL, NULL);

	len = strlen(text);
	folded = cblue_ascii_fold(text, len);
	if (folded != NULL)
		return folded;
	memo = g_private_get(&cblue_normalize_memo);
	if (memo != NULL && memo->text->len == len && memcmp(memo->text->str, text, len) == 0)
		return g_strndup(memo->normalized->str, memo->normalized->len);
	if (!cblue_utf8_validate_fast(text, len, NULL, NULL))
		return g_strdup("");
	folded = cblue_tokenizer_fold_simple(text, len, &passes);
	if (folded == NULL) {
		nfkc = g_utf8_normalize(text, len, G_NORMALIZE_NFKC);
		folded = g_utf8_casefold(nfkc, -1);
		passes = CBLUE_FOLD_FIX_THAI | CBLUE_FOLD_HAN;
	}
	if (passes & CBLUE_FOLD_FIX_THAI)
		cblue_tokenizer_fix_thai(folded);
	if ((passes & CBLUE_FOLD_HAN) && cblue_text_has_han(folded))
		cblue_tokenizer_fold_traditional(folded);
	if (memo == NULL)
		memo = cblue_normalize_memo_get();
	g_string_truncate(memo->text, 0);
	g_string_append_len(memo->text, text, len);
	g_string_assign(memo->normalized, folded);
	return folded;
}

gboolean
cblue_tokenizer_memo_lookup(const gchar *tag, const gchar *text, gchar **derived)
{
	CblueNormalizeMemo *memo = g_private_get(&cblue_normalize_memo);

	g_return_val_if_fail(tag != NULL && text != NULL && derived != NULL, FALSE);

	if (memo == NULL || !memo->has_derive || strcmp(memo->derive_text->str, text) != 0 ||
	    strcmp(memo->tag->str, tag) != 0)
		return FALSE;
	*derived = memo->has_derived ? g_strndup(memo->derived->str, memo->derived->len) : NULL;
	return TRUE;
}

void
cblue_tokenizer_memo_store(const gchar *tag, const gchar *text, const gchar *derived)
{
	CblueNormalizeMemo *memo;

	g_return_if_fail(tag != NULL && text != NULL);

	memo = cblue_normalize_memo_get();
	g_string_assign(memo->tag, tag);
	g_string_assign(memo->derive_text, text);
	g_string_assign(memo->derived, derived != NULL ? derived : "");
	memo->has_derived = derived != NULL;
	memo->has_derive = TRUE;
}

/* (a word never holds a NUL: g_strndup() without its search for one) */
static void
cblue_tokenizer_add_word(GPtrArray *words, const gchar *start, gsize len)
{
	gchar *word;

	if (len == 0)
		return;
	word = g_malloc(len + 1);
	memcpy(word, start, len);
	word[len] = '\0';
	g_ptr_array_add(words, word);
}

/* Latin runs: split between letters and digits so that "5kw" matches "5 kw" */
static void
cblue_tokenizer_split_latin(const gchar *start, const gchar *end, GPtrArray *words)
{
	const gchar *word = start;
	gboolean prev_digit = FALSE;
	for (const gchar *p = start; p < end; p = g_utf8_next_char(p)) {
		guchar c = (guchar)*p;
		gboolean digit = c < 0x80 ? g_ascii_isdigit(c) : g_unichar_isdigit(g_utf8_get_char(p));
		if (p != word && digit != prev_digit) {
			cblue_tokenizer_add_word(words, word, p - word);
			word = p;
		}
		prev_digit = digit;
	}
	cblue_tokenizer_add_word(words, word, end - word);
}

/* ICU's word boundaries in a run, as UTF-8 byte offsets from @start, into segs->positions
 * (the last one is the run's end); converted from UTF-16 positions (ICU reading the UTF-8
 * in place through a UText is slower: its dictionary engines copy it to UTF-16 and map the
 * indexes back). %FALSE if ICU failed. */
static gboolean
cblue_tokenizer_icu_boundaries(UBreakIterator **biter, const gchar *locale, CblueSegmenters *segs,
			       const gchar *start, const gchar *end)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t len16 = 0;
	gint32 prev16 = 0;
	const gchar *prev8 = start;

	g_array_set_size(segs->positions, 0);
	/* a UTF-8 byte never makes more than one UTF-16 unit: one conversion, no preflight */
	g_array_set_size(segs->utf16, (guint)(end - start) + 1);
	u_strFromUTF8((UChar *)segs->utf16->data, (int32_t)(end - start) + 1, &len16, start, (int32_t)(end - start),
		      &status);
	if (U_FAILURE(status))
		return FALSE;
	if (*biter == NULL) {
		*biter = ubrk_open(UBRK_WORD, locale, NULL, 0, &status);
		if (U_FAILURE(status)) {
			*biter = NULL;
			return FALSE;
		}
	}
	ubrk_setText(*biter, (const UChar *)segs->utf16->data, len16, &status);
	if (U_FAILURE(status))
		return FALSE;
	for (gint32 b = ubrk_next(*biter); b != UBRK_DONE; b = ubrk_next(*biter)) {
		/* walk UTF-8 forward by the number of UTF-16 units consumed */
		const gchar *p = prev8;
		gint32 units = prev16;
		int offset;
		while (units < b && p < end) {
			/* a 4-byte sequence is a surrogate pair */
			units += (guchar)*p >= 0xF0 ? 2 : 1;
			p = g_utf8_next_char(p);
		}
		offset = (int)(p - start);
		g_array_append_val(segs->positions, offset);
		prev8 = p;
		prev16 = b;
	}
	return TRUE;
}

/* split a run at ICU word boundaries */
static void
cblue_tokenizer_split_icu(UBreakIterator **biter, const gchar *locale, CblueSegmenters *segs,
			  const gchar *start, const gchar *end, GPtrArray *words)
{
	const gchar *prev = start;

	if (!cblue_tokenizer_icu_boundaries(biter, locale, segs, start, end)) {
		cblue_tokenizer_add_word(words, start, end - start);
		return;
	}
	for (guint i = 0; i < segs->positions->len; i++) {
		const gchar *p = start + g_array_index(segs->positions, int, i);
		cblue_tokenizer_add_word(words, prev, p - prev);
		prev = p;
	}
}

/* Chinese words that ICU's dictionary splits (监控 → 监 控, 门店 → 门 店, 太阳能 → 太阳 能有 in
 * 太阳能有吗): the bundled word list and every Chinese term of the bundled synonyms, loaded
 * once from the resources */
#define CBLUE_ZH_MAX_WORD_CHARS 8
#define CBLUE_ZH_MAX_WORD_BYTES (CBLUE_ZH_MAX_WORD_CHARS * 4)

/* what a lexicon key is: a word, the beginning of a longer word, or both; matching stops
 * at the first key that is neither, so a position costs about one lookup */
enum { CBLUE_ZH_WORD = 1 << 0, CBLUE_ZH_PREFIX = 1 << 1 };

static void
cblue_zh_lexicon_add_word(GHashTable *lexicon, const gchar *word)
{
	const gchar *first = g_utf8_next_char(word);
	for (const gchar *p = g_utf8_next_char(first); *p != '\0'; p = g_utf8_next_char(p)) {
		gchar *prefix = g_strndup(word, p - word);
		guint kind = GPOINTER_TO_UINT(g_hash_table_lookup(lexicon, prefix));
		g_hash_table_insert(lexicon, prefix, GUINT_TO_POINTER(kind | CBLUE_ZH_PREFIX));
	}
	{
		guint kind = GPOINTER_TO_UINT(g_hash_table_lookup(lexicon, word));
		g_hash_table_insert(lexicon, g_strdup(word), GUINT_TO_POINTER(kind | CBLUE_ZH_WORD));
	}
}

static gboolean
cblue_text_is_han(const gchar *text)
{
	for (const gchar *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		if (cblue_script_for_char(g_utf8_get_char(p)) != CBLUE_SCRIPT_HAN)
			return FALSE;
	}
	return TRUE;
}

static void
cblue_zh_lexicon_add_term(GHashTable *lexicon, const gchar *start, const gchar *end)
{
	g_autofree gchar *term = g_strndup(start, end - start);
	g_autofree gchar *word = g_utf8_normalize(g_strstrip(term), -1, G_NORMALIZE_NFKC);
	glong n_chars = word != NULL ? g_utf8_strlen(word, -1) : 0;

	if (n_chars >= 2 && n_chars <= CBLUE_ZH_MAX_WORD_CHARS && cblue_text_is_han(word))
		cblue_zh_lexicon_add_word(lexicon, word);
}

/* adds the Chinese words of a resource: one per line, or several separated by commas (, ，
 * or 、, the synonyms' format); comments start with #; other words are ignored */
static void
cblue_zh_lexicon_add_resource(GHashTable *lexicon, const gchar *path)
{
	g_autoptr(GBytes) bytes = g_resources_lookup_data(path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
	g_autofree gchar *text = NULL;
	g_auto(GStrv) lines = NULL;

	if (bytes == NULL) {
		g_warning("Missing resource %s", path);
		return;
	}
	text = g_strndup(g_bytes_get_data(bytes, NULL), g_bytes_get_size(bytes));
	if (!g_utf8_validate(text, -1, NULL)) {
		g_warning("Invalid UTF-8 in resource %s", path);
		return;
	}
	lines = g_strsplit(text, "\n", -1);
	for (guint i = 0; lines[i] != NULL; i++) {
		gchar *comment = strchr(lines[i], '#');
		const gchar *term = lines[i];
		if (comment != NULL)
			*comment = '\0';
		for (const gchar *p = lines[i];; p = g_utf8_next_char(p)) {
			gunichar ch = g_utf8_get_char(p);
			if (ch == 0 || ch == ',' || ch == 0xFF0C /* ， */ || ch == 0x3001 /* 、 */) {
				cblue_zh_lexicon_add_term(lexicon, term, p);
				if (ch == 0)
					break;
				term = g_utf8_next_char(p);
			}
		}
	}
}

static GHashTable *
cblue_zh_lexicon_get(void)
{
	static GHashTable *lexicon; /* owned, lives until the process exits */

	if (g_once_init_enter(&lexicon)) {
		GHashTable *words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
		cblue_zh_lexicon_add_resource(words, "/ai/cblue/tokenizer/zh-words.txt");
		cblue_zh_lexicon_add_resource(words, "/ai/cblue/synonyms/zh.txt");
		g_once_init_leave(&lexicon, words);
	}
	return lexicon;
}

/* the end of the shortest lexicon word at @p (before @end), or %NULL */
static const gchar *
cblue_zh_lexicon_match(GHashTable *lexicon, const gchar *p, const gchar *end)
{
	gchar key[CBLUE_ZH_MAX_WORD_BYTES + 1];
	const gchar *q = g_utf8_next_char(p);

	for (guint n = 2; n <= CBLUE_ZH_MAX_WORD_CHARS && q < end; n++) {
		guint kind;
		q = g_utf8_next_char(q);
		if (q > end || (gsize)(q - p) > CBLUE_ZH_MAX_WORD_BYTES)
			break;
		memcpy(key, p, q - p);
		key[q - p] = '\0';
		kind = GPOINTER_TO_UINT(g_hash_table_lookup(lexicon, key));
		if (kind & CBLUE_ZH_WORD)
			return q;
		if (!(kind & CBLUE_ZH_PREFIX))
			break;
	}
	return NULL;
}

/* Chinese particles that ICU keeps on the word before them (提了, 赚得, 好吗), and chat's 啥
 * (what, 是啥). Sentence-final ones end no word but those listed below, and are split after
 * any word; aspect and structural ones only after one character (做了, 剩的, 赚得), since
 * after two or more they often end a word of ICU's dictionary (意味着, 受不了). 地 is not
 * split: after a character it mostly ends a noun (本地, 盆地, 殖民地), and ICU already splits
 * adverbial 地 (认真地). */
static const gchar *const cblue_zh_final_particles[] = { "吗", "呢", "吧", "啊", "呀", "嘛", "哦", "啥" };
static const gchar *const cblue_zh_aspect_particles[] = { "了", "的", "得", "过", "着" };

/* words that end in one of those characters and are words, not a word and a particle */
static const gchar *const cblue_zh_particle_words[] = {
	"为了", "除了", "罢了", "算了", "极了", "得了", "目的", "有的", "别的", "似的", "获得", "取得",
	"值得", "觉得", "记得", "懂得", "使得", "免得", "显得", "变得", "赢得", "晓得", "难得", "舍得",
	"省得", "博得", "心得", "所得", "非得", "只得", "总得", "不得", "懒得", "求得", "习得", "应得",
	"通过", "经过", "超过", "不过", "难过", "度过", "错过", "路过", "越过", "透过", "穿过", "放过",
	"胜过", "闪过", "跳过", "掠过", "悔过", "改过", "记过", "功过", "罪过", "接着", "随着", "沿着",
	"顺着", "朝着", "为着", "照着", "本着", "向着", "睡着", "穿着", "衣着", "执着", "沉着", "附着",
	"酒吧", "网吧", "贴吧", "喇嘛", "干嘛", "干吗", "哎呀", "为啥",
};

static gboolean
cblue_str_in(const gchar *const *list, gsize n, const gchar *start, gsize len)
{
	for (gsize i = 0; i < n; i++) {
		if (strlen(list[i]) == len && memcmp(list[i], start, len) == 0)
			return TRUE;
	}
	return FALSE;
}

/* the length of the particle to split off the end of ICU's word [@start, @end), or 0 */
static gsize
cblue_zh_particle_suffix(const gchar *start, const gchar *end)
{
	const gchar *last = g_utf8_prev_char(end);
	gboolean one_before = last > start && g_utf8_prev_char(last) == start;

	if (last == start)
		return 0;
	if (!cblue_str_in(cblue_zh_final_particles, G_N_ELEMENTS(cblue_zh_final_particles), last, end - last) &&
	    !(one_before &&
	      cblue_str_in(cblue_zh_aspect_particles, G_N_ELEMENTS(cblue_zh_aspect_particles), last, end - last)))
		return 0;
	if (cblue_str_in(cblue_zh_particle_words, G_N_ELEMENTS(cblue_zh_particle_words), start, end - start))
		return 0;
	return end - last;
}

/* Chinese runs: lexicon words first, ICU's words for the rest. From each position the
 * shortest lexicon word starting there is taken; where none starts, ICU's word, up to
 * ICU's next boundary. The shortest, not the longest: a compound of the synonyms such as
 * 太阳能板 (solar panel) then still gives 太阳能, the word a question says alone, and the
 * phrase is kept by retrieval's word pairs. The lexicon holds the words ICU gets wrong, so
 * elsewhere ICU's segmentation stands. */
static void
cblue_tokenizer_split_han(CblueSegmenters *segs, const gchar *start, const gchar *end, GPtrArray *words)
{
	GHashTable *lexicon = cblue_zh_lexicon_get();
	/* ICU runs on the whole run, but only once a position needs it: a run that is all
	 * lexicon words (太阳能, 多少钱) costs no dictionary break */
	gint icu = -1; /* unknown yet, then whether ICU gave boundaries */
	const gchar *boundary = start; /* ICU's first boundary after p */
	guint next_boundary = 0;

	for (const gchar *p = start; p < end;) {
		const gchar *word_end = cblue_zh_lexicon_match(lexicon, p, end);
		gsize particle = 0;
		if (word_end == NULL) {
			if (icu < 0)
				icu = cblue_tokenizer_icu_boundaries(&segs->han, "zh", segs, start, end);
			while (icu && boundary <= p && next_boundary < segs->positions->len)
				boundary = start + g_array_index(segs->positions, int, next_boundary++);
			word_end = boundary > p ? boundary : end;
			particle = cblue_zh_particle_suffix(p, word_end);
		}
		cblue_tokenizer_add_word(words, p, word_end - p - particle);
		cblue_tokenizer_add_word(words, word_end - particle, particle);
		p = word_end;
	}
}

/* the TIS-620 byte of a Thai character (every character of a Thai run, U+0E01..U+0E5B):
 * th_uni2tis() without a call; the unassigned U+0E3B..U+0E3E are THCHAR_ERR there too */
static inline thchar_t
cblue_thai_to_tis(gunichar ch)
{
	if (ch >= 0x0E01 && ch <= 0x0E5B && (ch < 0x0E3B || ch > 0x0E3E))
		return (thchar_t)(ch - 0x0E00 + 0xA0);
	return th_uni2tis((thwchar_t)ch);
}

/* Thai final, politeness and question particles, colloquial spellings too. libthai keeps
 * some of them on the word before (รึเปล่าคะ, ป่ะครับ: a chain it does not know), so they are
 * split off the end of a word that is not in libthai's own word list (ชนะ, เยอะ, บังคับ, หน้า
 * end in the same letters and are words). All of them are stop words. */
#define P(s) { s, sizeof(s) - 1 }
static const struct {
	const gchar *text;
	gsize len;
} cblue_th_particles[] = {
	P("ครับ"), P("ครับผม"), P("คับ"), P("คร้าบ"), P("ค้าบ"), P("งับ"),
	P("ฮะ"), P("ฮับ"), P("ค่ะ"), P("คะ"), P("ค่า"), P("ค๊ะ"), P("จ้ะ"),
	P("จ้า"), P("จ๊ะ"), P("จ๋า"), P("นะ"), P("น่ะ"), P("น้า"), P("ไหม"),
	P("มั้ย"), P("มั๊ย"), P("ไม๊"), P("ป่ะ"), P("ป่าว"), P("เปล่า"),
	P("หรือเปล่า"), P("รึเปล่า"), P("เหรอ"), P("หรอ"), P("รึ"), P("ล่ะ"),
	P("สิ"), P("ซิ"), P("เถอะ"), P("เหอะ"), P("เนอะ"), P("อะ"), P("อ่ะ"),
	P("แหละ"), P("หน่อย"), P("บ้าง"), P("ด้วย"),
};
#undef P

/* libthai's word list (a double-array trie of Unicode keys); %NULL if it cannot be read */
static Trie *
cblue_thai_dict_get(void)
{
	static gsize loaded;
	static Trie *dict; /* owned, lives until the process exits */

	if (g_once_init_enter(&loaded)) {
		const gchar *dir = g_getenv("LIBTHAI_DICTDIR"); /* as libthai reads it */
		g_autofree gchar *path = g_build_filename(dir != NULL ? dir : CBLUE_LIBTHAI_DICTDIR, "thbrk.tri", NULL);
		dict = trie_new_from_file(path);
		g_once_init_leave(&loaded, 1);
	}
	return dict;
}

/* whether the Thai text [@start, @start + @len) (3 bytes a character) is a word of @dict */
static gboolean
cblue_thai_dict_has(Trie *dict, const gchar *start, gsize len)
{
	AlphaChar key[64];
	gsize n = len / 3;

	if (n >= G_N_ELEMENTS(key))
		return FALSE;
	for (gsize i = 0; i < n; i++)
		key[i] = cblue_utf8_get_valid_char(start + 3 * i);
	key[n] = 0;
	return trie_retrieve(dict, key, NULL);
}

/**
 * cblue_tokenizer_is_thai_word:
 * @self: a #CblueTokenizer
 * @word: normalized text
 *
 * Whether @word is a word of the Thai dictionary that the libthai segmenter cuts text with,
 * as written (retrieval leaves such a word as it is rather than read it as a misspelling of
 * another).
 *
 * Returns: %TRUE if it is; %FALSE for text that is not all Thai, or when the word list
 *   cannot be read
 *
 * Since: 1.0
 */
gboolean
cblue_tokenizer_is_thai_word(CblueTokenizer *self, const gchar *word)
{
	gsize len = strlen(word);
	Trie *dict;

	g_return_val_if_fail(CBLUE_IS_TOKENIZER(self), FALSE);
	g_return_val_if_fail(word != NULL, FALSE);

	if (len == 0 || len % 3 != 0)
		return FALSE;
	/* every character Thai, so 3 bytes (E0 B8 80 – E0 B9 BF) */
	for (gsize i = 0; i < len; i += 3) {
		if ((guchar)word[i] != 0xE0 || ((guchar)word[i + 1] != 0xB8 && (guchar)word[i + 1] != 0xB9))
			return FALSE;
	}
	dict = cblue_thai_dict_get();
	return dict != NULL && cblue_thai_dict_has(dict, word, len);
}

/* the length of the longest particle that ends the Thai word [@start, @start + @len) and
 * leaves something before it, or 0 */
static gsize
cblue_thai_particle_suffix(const gchar *start, gsize len)
{
	gsize best = 0;
	for (gsize i = 0; i < G_N_ELEMENTS(cblue_th_particles); i++) {
		gsize plen = cblue_th_particles[i].len;
		const gchar *text = cblue_th_particles[i].text;
		/* (the last bytes first: most words end in no particle, and a call costs more) */
		if (plen < len && plen > best && start[len - 1] == text[plen - 1] &&
		    memcmp(start + len - plen, text, plen) == 0)
			best = plen;
	}
	return best;
}

/* adds a word of libthai, the particles at its end split off (see cblue_th_particles) */
static void
cblue_tokenizer_add_thai_word(GPtrArray *words, const gchar *start, gsize len)
{
	gsize particles[8]; /* their lengths, the last first */
	guint n_particles = 0;
	gsize word_len = len;

	while (n_particles < G_N_ELEMENTS(particles)) {
		/* (the particles first: most words end in none, and cost no lookup; the word list
		 * is read on the first word that does) */
		gsize particle = cblue_thai_particle_suffix(start, word_len);
		Trie *dict = particle > 0 ? cblue_thai_dict_get() : NULL;
		if (dict == NULL || cblue_thai_dict_has(dict, start, word_len))
			break;
		particles[n_particles++] = particle;
		word_len -= particle;
	}
	cblue_tokenizer_add_word(words, start, word_len);
	while (n_particles > 0) {
		gsize particle = particles[--n_particles];
		cblue_tokenizer_add_word(words, start + word_len, particle);
		word_len += particle;
	}
}

/* adds a word of libthai as cblue_tokenizer_add_thai_word() does, MAI YAMOK (ๆ, "say the
 * word before again") a word of its own: libthai glues it to the word it repeats (ง่ายๆ,
 * งวดๆ), which then matches nothing, where text written with the customary space before
 * it (ง่าย ๆ) gives the word and ๆ */
static void
cblue_tokenizer_add_thai_words(GPtrArray *words, const gchar *start, gsize len)
{
	const gchar *end = start + len;
	const gchar *p = start;

	/* (every character of the word is 3 bytes; ๆ is E0 B9 86) */
	for (const gchar *q = start; q < end; q += 3) {
		if ((guchar)q[2] != 0x86 || (guchar)q[1] != 0xB9)
			continue;
		if (q > p)
			cblue_tokenizer_add_thai_word(words, p, q - p);
		cblue_tokenizer_add_word(words, q, 3);
		p = q + 3;
	}
	if (p < end)
		cblue_tokenizer_add_thai_word(words, p, end - p);
}

/* Thai runs through libthai. th_brk_wc_find_breaks() would only convert the text to
 * TIS-620 (one byte a character) in a buffer of its own and call th_brk_find_breaks(), so
 * the run is converted here, into a buffer kept with the segmenters. Every character of a
 * Thai run (cblue_script_for_char()) is a 3-byte UTF-8 sequence: character i starts at
 * byte 3 × i, and the break positions (in characters) map to bytes without a walk. */
static void
cblue_tokenizer_split_libthai(CblueSegmenters *segs, const gchar *start, const gchar *end, GPtrArray *words)
{
	gsize n_chars = (gsize)(end - start) / 3;
	const gchar *prev = start;
	thchar_t *tis;
	int *positions;
	int n_breaks;

	/* (only text that is not UTF-8, against the contract, makes anything else) */
	if ((end - start) % 3 != 0) {
		cblue_tokenizer_add_word(words, start, end - start);
		return;
	}
	if (segs->thbrk == NULL) {
		segs->thbrk = th_brk_new(NULL);
		if (segs->thbrk == NULL) {
			cblue_tokenizer_add_word(words, start, end - start);
			return;
		}
	}
	g_byte_array_set_size(segs->tis, (guint)n_chars + 1);
	g_array_set_size(segs->positions, (guint)n_chars + 1);
	tis = segs->tis->data;
	for (gsize i = 0; i < n_chars; i++)
		tis[i] = cblue_thai_to_tis(cblue_utf8_get_valid_char(start + 3 * i));
	tis[n_chars] = 0;
	positions = (int *)segs->positions->data;
	n_breaks = th_brk_find_breaks(segs->thbrk, tis, positions, n_chars + 1);
	for (int i = 0; i < n_breaks; i++) {
		const gchar *p = start + 3 * (gsize)positions[i];
		if (p <= prev || p >= end)
			continue;
		cblue_tokenizer_add_thai_words(words, prev, p - prev);
		prev = p;
	}
	cblue_tokenizer_add_thai_words(words, prev, end - prev);
}

/* the memo's key of a run: which segmenter, then the run's text */
static const gchar *
cblue_segment_memo_key(CblueSegmenters *segs, gchar segmenter, const gchar *start, const gchar *end)
{
	g_string_truncate(segs->memo_key, 0);
	g_string_append_c(segs->memo_key, segmenter);
	g_string_append_len(segs->memo_key, start, end - start);
	return segs->memo_key->str;
}

/* the words of the run from @start, remembered by cblue_segment_memo_store() */
static void
cblue_segment_memo_replay(const CblueSegmentMemo *memo, const gchar *start, GPtrArray *words)
{
	for (guint i = 0; i < memo->n_words; i++) {
		cblue_tokenizer_add_word(words, start, memo->lens[i]);
		start += memo->lens[i];
	}
}

/* remembers the segmentation of the run of segs->memo_key, the words from @first on */
static void
cblue_segment_memo_store(CblueSegmenters *segs, GPtrArray *words, guint first)
{
	guint n = words->len - first;
	gsize size = sizeof(CblueSegmentMemo) + n * sizeof(guint16);
	CblueSegmentMemo *memo = g_malloc(size);

	memo->n_words = (guint16)n;
	for (guint i = 0; i < n; i++)
		memo->lens[i] = (guint16)strlen(g_ptr_array_index(words, first + i));
	if (segs->memo_bytes >= CBLUE_SEGMENT_MEMO_MAX_BYTES) {
		g_hash_table_remove_all(segs->memo);
		segs->memo_bytes = 0;
	}
	segs->memo_bytes += size + segs->memo_key->len + 1;
	g_hash_table_insert(segs->memo, g_strndup(segs->memo_key->str, segs->memo_key->len), memo);
}

/* @segs is taken from the pool for the first Thai or Chinese run of a text and kept for
 * the others (the caller gives it back). A run's words depend on its text alone, and KBs
 * repeat phrases, names and short questions: the words of each short run are remembered
 * with the segmenters and given again without segmenting it (the dictionary segmenters are
 * most of the cost of analysis). */
static void
cblue_tokenizer_split_run(CblueTokenizer *self, CblueScript script, const gchar *start, const gchar *end,
			  CblueSegmenters **segs, GPtrArray *words)
{
	gchar segmenter;
	const CblueSegmentMemo *memo;
	guint first = words->len;
	gboolean remember = end - start <= CBLUE_SEGMENT_MEMO_MAX_RUN;

	if (script == CBLUE_SCRIPT_LATIN) {
		cblue_tokenizer_split_latin(start, end, words);
		return;
	}
	if (*segs == NULL)
		*segs = cblue_segmenters_acquire();
	segmenter = script == CBLUE_SCRIPT_HAN				     ? 'h'
		    : self->thai_segmenter == CBLUE_THAI_SEGMENTER_ICU ? 'i'
								       : 't';
	if (remember) {
		memo = g_hash_table_lookup((*segs)->memo, cblue_segment_memo_key(*segs, segmenter, start, end));
		if (memo != NULL) {
			cblue_segment_memo_replay(memo, start, words);
			return;
		}
	}
	if (script == CBLUE_SCRIPT_HAN)
		cblue_tokenizer_split_han(*segs, start, end, words);
	else if (self->thai_segmenter == CBLUE_THAI_SEGMENTER_ICU)
		cblue_tokenizer_split_icu(&(*segs)->thai, "th", *segs, start, end, words);
	else
		cblue_tokenizer_split_libthai(*segs, start, end, words);
	if (remember)
		cblue_segment_memo_store(*segs, words, first);
}

/* the script of the character at @p: g_utf8_get_char() inlined for the 3-byte sequences
 * of Thai and Chinese (with its result for a malformed one: the call) */
static CblueScript
cblue_tokenizer_script_at(const gchar *p)
{
	const guchar *s = (const guchar *)p;

	if (s[0] < 0x80)
		return g_ascii_isalnum(s[0]) ? CBLUE_SCRIPT_LATIN : CBLUE_SCRIPT_OTHER;
	if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
		gunichar ch = ((gunichar)(s[0] & 0x0F) << 12) | ((gunichar)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		/* the bulk of Thai and Chinese text, as cblue_script_for_char() has them */
		if (ch >= 0x0E01 && ch <= 0x0E5B && ch != 0x0E3F)
			return CBLUE_SCRIPT_THAI;
		if (ch >= 0x4E00 && ch <= 0x9FFF)
			return CBLUE_SCRIPT_HAN;
		return cblue_script_for_char(ch);
	}
	return cblue_script_for_char(g_utf8_get_char(p));
}

/* whether the bytes at @s are a Thai character (U+0E01..U+0E5B but ฿ U+0E3F, 3 bytes) */
static inline gboolean
cblue_utf8_is_thai(const guchar *s)
{
	return s[0] == 0xE0 &&
	       ((s[1] == 0xB8 && s[2] >= 0x81 && s[2] <= 0xBE) || (s[1] == 0xB9 && s[2] >= 0x80 && s[2] <= 0x9B));
}

/* whether the bytes at @s are a CJK ideograph of U+4E00..U+9FFF (3 bytes) */
static inline gboolean
cblue_utf8_is_cjk(const guchar *s)
{
	return s[0] >= 0xE4 && s[0] <= 0xE9 && (s[0] != 0xE4 || s[1] >= 0xB8) && (s[1] & 0xC0) == 0x80 &&
	       (s[2] & 0xC0) == 0x80;
}

/* the last character of the run of @script that the character at @p begins, as far as it
 * goes on with characters that are surely of the same script (ASCII letters and digits,
 * Thai, common CJK ideographs): cblue_tokenizer_script_at() need not classify them one by
 * one */
static const gchar *
cblue_tokenizer_skip_same(CblueScript script, const gchar *p)
{
	const guchar *s = (const guchar *)p;

	switch (script) {
	case CBLUE_SCRIPT_LATIN:
		if (s[0] < 0x80)
			while (g_ascii_isalnum(s[1]))
				s++;
		break;
	case CBLUE_SCRIPT_THAI:
		if (cblue_utf8_is_thai(s))
			while (cblue_utf8_is_thai(s + 3))
				s += 3;
		break;
	case CBLUE_SCRIPT_HAN:
		if (cblue_utf8_is_cjk(s))
			while (cblue_utf8_is_cjk(s + 3))
				s += 3;
		break;
	default:
		break;
	}
	return (const gchar *)s;
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
	GPtrArray *words;
	const gchar *run = NULL;
	CblueScript run_script = CBLUE_SCRIPT_OTHER;
	CblueSegmenters *segs = NULL;

	g_return_val_if_fail(CBLUE_IS_TOKENIZER(self), g_ptr_array_new_with_free_func(g_free));
	g_return_val_if_fail(text != NULL, g_ptr_array_new_with_free_func(g_free));

	/* room for a word every 6 bytes from the start: fewer reallocations of long texts */
	words = g_ptr_array_new_full((guint)MIN(strlen(text) / 6, 1024), g_free);
	for (const gchar *p = text;; p = g_utf8_next_char(p)) {
		CblueScript script = cblue_tokenizer_script_at(p);
		/* Thai digits were normalized away; ASCII digits inside Thai text end the run */
		if (script != run_script) {
			if (run != NULL && run_script != CBLUE_SCRIPT_OTHER)
				cblue_tokenizer_split_run(self, run_script, run, p, &segs, words);
			run = p;
			run_script = script;
		}
		if (*p == '\0')
			break;
		p = cblue_tokenizer_skip_same(script, p);
	}
	if (segs != NULL)
		cblue_segmenters_release(segs);
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
