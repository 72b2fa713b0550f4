/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* Declined services: the services and products that customers of the business ask for and
 * that it does not offer ("do you clean air-cons?", "รับติดตั้งเครื่องทำน้ำอุ่นไหม",
 * "你们卖发电机吗"), with the phrases customers write for them.
 *
 * A file has one service a line: its name, a colon (or ：) and its phrases separated by
 * commas (， and 、 too); `#` starts a comment line and "!phrase" removes the service (of an
 * earlier file) that holds phrase. A later file overrides an earlier one: a line that shares
 * a phrase with a line of an earlier file replaces that line's service; within one file a
 * phrase may be on one line only. The bundled files (data/declined/) come first, then the
 * `*.txt` files of the business's folder in name order.
 *
 * Texts and phrases are compared in a compact form of the normalized text (NFKC, case
 * folding, Traditional → Simplified Chinese: cblue_tokenizer_normalize()): words of ASCII
 * letters and digits separated by one space, fillers (a, the, my…) left out, other letters
 * (Thai, Chinese) kept with no space between them, and a "|" where other punctuation was, so
 * that a phrase never spans a comma or a full stop. A phrase matches whole words where it
 * begins or ends with a Latin one (a plural "s", or "es" after s, x, z, ch or sh, may follow
 * its last word; a "*" right after a word lets it go on with any letters, if it is the first
 * word, after at least three; digits and letters that meet end a word, as the tokenizer reads
 * "5000mah" as "5000 mah"), and anywhere in Thai and Chinese text, where the tokenizer's segmentation must
 * then put a word boundary at its start and end (ล่าม "interpreter" is not in โซล่ามันดี, nor
 * 话费 "phone credit" in 安装的话费用).
 *
 * Most questions match nothing: they are looked up at word starts (Latin) and at each
 * character (Thai, Chinese) by a key of their first three letters or first two characters,
 * after bitmaps of the keys' first characters (and of Thai character pairs) have ruled out
 * most positions; the offsets back into the text, and the segmentation, are worked out only
 * for a text that matched.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cblue-declined-private.h"
#include "cblue-error.h"
#include "cblue-language.h"
#include "cblue-line-files-private.h"

/* the first word of a phrase needs this many Latin letters or digits before a "*" (its key) */
#define CBLUE_DECLINED_STAR_MIN 3
/* the end of a Latin word shorter than a key's three letters, in its key */
#define CBLUE_DECLINED_SHORT_WORD '\x01'
#define CBLUE_DECLINED_BMP_WORDS  (0x10000 / 64)
#define CBLUE_DECLINED_THAI_FIRST 0x0E00

typedef struct {
	gchar *name; /* owned, as written */
	gchar *where; /* owned: the file that defined it */
	guint line;
	GPtrArray *written; /* owned, of utf8: the phrases as written */
	GPtrArray *compact; /* owned, of utf8: their compact forms, in the same order */
} CblueDeclinedService;

typedef struct {
	gint64 key; /* 0: an empty slot */
	guint first; /* its phrases: by_key_phrases[first .. first + n) */
	guint n;
} CblueDeclinedSlot;

typedef struct {
	const gchar *text; /* borrowed from its service: the compact form */
	gsize len;
	const gchar *written; /* borrowed from its service */
	const gchar *service; /* borrowed: its service's name */
	guint service_id; /* its service's index in the services */
	guint fixed; /* the bytes before its first "*" (all of them if none) */
	gboolean ends_word; /* ends with a letter or digit: a plural may follow, then a word boundary */
} CblueDeclinedPhrase;

struct _CblueDeclined {
	CblueTokenizer *tokenizer; /* owned */
	GPtrArray *services; /* owned, of CblueDeclinedService (NULL once removed) */
	GHashTable *by_phrase; /* owned: compact phrase (borrowed) → its service (borrowed) */
	/* sealed (NULL before): */
	GArray *phrases; /* owned, of CblueDeclinedPhrase */
	/* owned: the keys (cblue_declined_key()), open addressing (linear probing) in a power of
	 * two of slots, each with its phrases' indexes (a run of @by_key_phrases) */
	CblueDeclinedSlot *by_key;
	guint by_key_mask;
	guint *by_key_phrases; /* owned */
	guint by_key_bits; /* log2 of the slots */
	/* the first two letters of Latin keys (cblue_declined_latin_pair()) */
	guint64 latin_pairs[(37 * 37 + 63) / 64];
	guint64 *first; /* owned, CBLUE_DECLINED_BMP_WORDS: the first characters (BMP) of the other keys */
	guint64 *thai_pairs; /* owned, 128 × 128 bits: the Thai character pairs that begin a key */
	gboolean beyond_bmp; /* a key begins with a character beyond the BMP */
};

static void
cblue_declined_service_free(CblueDeclinedService *service)
{
	if (service == NULL)
		return;
	g_free(service->name);
	g_free(service->where);
	g_ptr_array_unref(service->written);
	g_ptr_array_unref(service->compact);
	g_free(service);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueDeclinedService, cblue_declined_service_free)

CblueDeclined *
cblue_declined_new(CblueTokenizer *tokenizer)
{
	CblueDeclined *self = g_atomic_rc_box_new0(CblueDeclined);

	self->tokenizer = g_object_ref(tokenizer);
	self->services = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_declined_service_free);
	self->by_phrase = g_hash_table_new(g_str_hash, g_str_equal);
	return self;
}

static void
cblue_declined_clear(gpointer data)
{
	CblueDeclined *self = data;

	g_free(self->by_key);
	g_free(self->by_key_phrases);
	g_clear_pointer(&self->phrases, g_array_unref);
	g_free(self->first);
	g_free(self->thai_pairs);
	g_hash_table_unref(self->by_phrase);
	g_ptr_array_unref(self->services);
	g_object_unref(self->tokenizer);
}

CblueDeclined *
cblue_declined_ref(CblueDeclined *self)
{
	return g_atomic_rc_box_acquire(self);
}

void
cblue_declined_unref(CblueDeclined *self)
{
	if (self != NULL)
		g_atomic_rc_box_release_full(self, cblue_declined_clear);
}

static inline gboolean
cblue_declined_is_word_byte(gchar c)
{
	return (guchar)c < 0x80 && g_ascii_isalnum(c);
}

/* whether a word goes on from the word byte @a to @b: not where digits and letters meet,
 * which the tokenizer splits ("5kw", "5000mah"), so that a unit is a word of its own */
static inline gboolean
cblue_declined_word_goes_on(gchar a, gchar b)
{
	return cblue_declined_is_word_byte(b) && !g_ascii_isdigit(a) == !g_ascii_isdigit(b);
}

/* the words left out of the compact form ("install a new air-con": "install new air con") */
static gboolean
cblue_declined_is_filler(const gchar *word, gsize len)
{
#define F(s) {s, sizeof(s) - 1}
	static const struct {
		const gchar *text;
		gsize len;
	} fillers[] = {F("a"),	 F("an"),   F("the"),  F("my"),	F("our"),   F("your"),	F("his"),
		       F("her"), F("their"), F("this"), F("that"), F("these"), F("those"), F("some")};
#undef F

	/* (most words are longer, or begin with another letter) */
	if (len > 5 || !strchr("atmoyhs", word[0]))
		return FALSE;
	for (guint i = 0; i < G_N_ELEMENTS(fillers); i++) {
		if (fillers[i].len == len && memcmp(fillers[i].text, word, len) == 0)
			return TRUE;
	}
	return FALSE;
}

/* ASCII that joins words within a phrase: it does not end one */
static inline gboolean
cblue_declined_is_soft(gchar c)
{
	return c == ' ' || c == '\t' || c == '-' || c == '\'' || c == '/' || c == '_';
}

/* what went wrong while a phrase was made compact */
enum {
	CBLUE_DECLINED_BAD_STAR = 1 << 0,
	CBLUE_DECLINED_BAD_PUNCTUATION = 1 << 1,
};

typedef enum {
	CBLUE_DECLINED_CHAR_WORD, /* an ASCII letter or digit */
	CBLUE_DECLINED_CHAR_LETTER, /* another letter, mark or digit (Thai, Chinese…) */
	CBLUE_DECLINED_CHAR_SOFT, /* joins words: a space, hyphen, apostrophe or slash */
	CBLUE_DECLINED_CHAR_HARD, /* other punctuation and symbols */
} CblueDeclinedChar;

static CblueDeclinedChar
cblue_declined_classify_unichar(gunichar ch)
{
	if (g_unichar_isalnum(ch) || g_unichar_ismark(ch))
		return CBLUE_DECLINED_CHAR_LETTER;
	if (g_unichar_isspace(ch) || ch == 0x2019 /* ’ */ || ch == 0x200B /* zero width space */)
		return CBLUE_DECLINED_CHAR_SOFT;
	return CBLUE_DECLINED_CHAR_HARD;
}

/* the character at @p of valid UTF-8 and its length: Thai and common CJK ideographs, most of
 * the non-ASCII text, without GLib's Unicode tables */
static inline gunichar
cblue_declined_get_char(const gchar *p, gsize *len)
{
	const guchar *s = (const guchar *)p;
	if ((s[0] & 0xF0) == 0xE0) {
		*len = 3;
		return ((gunichar)(s[0] & 0x0F) << 12) | ((gunichar)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	}
	*len = g_utf8_next_char(p) - p;
	return g_utf8_get_char(p);
}

static inline CblueDeclinedChar
cblue_declined_classify(const gchar *p, gsize *len)
{
	guchar c = (guchar)*p;
	gunichar ch;

	if (c < 0x80) {
		*len = 1;
		if (g_ascii_isalnum(c))
			return CBLUE_DECLINED_CHAR_WORD;
		return cblue_declined_is_soft(*p) ? CBLUE_DECLINED_CHAR_SOFT : CBLUE_DECLINED_CHAR_HARD;
	}
	ch = cblue_declined_get_char(p, len);
	if ((ch >= 0x0E01 && ch <= 0x0E5B && ch != 0x0E3F) || (ch >= 0x4E00 && ch <= 0x9FFF))
		return CBLUE_DECLINED_CHAR_LETTER;
	return cblue_declined_classify_unichar(ch);
}

/* The compact form of the normalized @text (see the top of this file) into @out, which has
 * room for strlen(@text) + 1 bytes (a text's compact form is never longer: a separator it adds
 * stands for one of the text; a phrase's may be, see cblue_declined_compact_phrase()); returns
 * its length.
 * If @offsets is not NULL, it gets for each byte of @out the byte of @text it comes from (a
 * separator: the byte of what follows it). With @phrase, a "*" right after a word is kept,
 * and @problems gets what would make the phrase invalid. */
static gsize
cblue_declined_compact(const gchar *text, gboolean phrase, gchar *out, guint32 *offsets, guint *problems)
{
	enum { NOTHING, WORD, LETTER } previous = NOTHING;
	enum { NONE, SOFT, HARD } separator = NONE;
	const gchar *p = text;
	gsize n = 0;

#define CBLUE_DECLINED_PUT(byte, from)                                                                                 \
	G_STMT_START                                                                                                   \
	{                                                                                                              \
		if (offsets != NULL)                                                                                   \
			offsets[n] = (guint32)(from);                                                                  \
		out[n++] = (byte);                                                                                     \
	}                                                                                                              \
	G_STMT_END

	while (*p != '\0') {
		gsize len;
		CblueDeclinedChar kind = cblue_declined_classify(p, &len);

		if (kind == CBLUE_DECLINED_CHAR_WORD) {
			const gchar *q = p;
			gboolean starred;
			while (cblue_declined_is_word_byte(*q))
				q++;
			starred = phrase && *q == '*';
			if (!starred && cblue_declined_is_filler(p, q - p)) {
				p = q;
				continue;
			}
			if (previous == WORD)
				CBLUE_DECLINED_PUT(separator == HARD ? '|' : ' ', p - text);
			else if (separator == HARD && previous != NOTHING)
				CBLUE_DECLINED_PUT('|', p - text);
			for (const gchar *w = p; w < q; w++)
				CBLUE_DECLINED_PUT(*w, w - text);
			if (starred) {
				if ((previous == NOTHING && q - p < CBLUE_DECLINED_STAR_MIN) || g_ascii_isalnum(q[1]))
					*problems |= CBLUE_DECLINED_BAD_STAR;
				CBLUE_DECLINED_PUT('*', q - text);
				q++;
			}
			previous = WORD;
			separator = NONE;
			p = q;
			continue;
		}
		if (kind == CBLUE_DECLINED_CHAR_LETTER) {
			if (separator == HARD && previous != NOTHING)
				CBLUE_DECLINED_PUT('|', p - text);
			if (offsets == NULL) {
				memcpy(out + n, p, len);
				n += len;
			} else {
				for (gsize i = 0; i < len; i++)
					CBLUE_DECLINED_PUT(p[i], p - text + i);
			}
			previous = LETTER;
			separator = NONE;
		} else if (phrase && *p == '*') {
			*problems |= CBLUE_DECLINED_BAD_STAR;
		} else if (kind == CBLUE_DECLINED_CHAR_SOFT) {
			separator = MAX(separator, SOFT);
		} else {
			separator = HARD;
		}
		p += len;
	}
#undef CBLUE_DECLINED_PUT
	out[n] = '\0';
	if (phrase && (separator == HARD || memchr(out, '|', n) != NULL))
		*problems |= CBLUE_DECLINED_BAD_PUNCTUATION;
	return n;
}

/* Keys: where a phrase may begin in a compact text, for a Latin word its first three letters
 * (a shorter word whole, and a mark), for other letters their first two characters */
static inline gint64
cblue_declined_latin_key(const gchar *p)
{
	guint64 k = G_GUINT64_CONSTANT(1) << 62;
	guint n = 0;

	for (; n < 3 && (n == 0 ? cblue_declined_is_word_byte(p[n]) : cblue_declined_word_goes_on(p[n - 1], p[n])); n++)
		k |= (guint64)(guchar)p[n] << (8 * (2 - n));
	if (n < 3)
		k |= (guint64)CBLUE_DECLINED_SHORT_WORD << (8 * (2 - n));
	return (gint64)k;
}

static inline gint64
cblue_declined_pair_key(gunichar first, gunichar second)
{
	return ((gint64)first << 21) | second;
}

/* the key of a phrase's compact form; FALSE if it has none (one Thai or Chinese character) */
static gboolean
cblue_declined_key(const gchar *p, gint64 *key)
{
	gsize len1, len2;
	gunichar first;

	if (cblue_declined_is_word_byte(*p)) {
		*key = cblue_declined_latin_key(p);
		return TRUE;
	}
	first = cblue_declined_get_char(p, &len1);
	if ((guchar)p[len1] < 0x80)
		return FALSE;
	*key = cblue_declined_pair_key(first, cblue_declined_get_char(p + len1, &len2));
	return TRUE;
}

/* the bit of the first two bytes of a Latin word (the second may end it) */
static inline guint
cblue_declined_latin_pair(const gchar *p)
{
	guint a = g_ascii_isdigit(p[0]) ? (guint)(p[0] - '0') : (guint)(p[0] - 'a') + 10;
	guint b = g_ascii_isdigit(p[1])	  ? (guint)(p[1] - '0')
		  : g_ascii_islower(p[1]) ? (guint)(p[1] - 'a') + 10
					  : 36;
	return a * 37 + b;
}

static inline gboolean
cblue_declined_is_thai_pair(gunichar first, gunichar second)
{
	return first - CBLUE_DECLINED_THAI_FIRST < 128 && second - CBLUE_DECLINED_THAI_FIRST < 128;
}

/* the bit of two Thai characters (cblue_declined_is_thai_pair()) */
static inline guint
cblue_declined_thai_pair(gunichar first, gunichar second)
{
	return (first - CBLUE_DECLINED_THAI_FIRST) * 128 + (second - CBLUE_DECLINED_THAI_FIRST);
}

static inline guint
cblue_declined_slot(CblueDeclined *self, gint64 key)
{
	return (guint)(((guint64)key * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15)) >> (64 - self->by_key_bits));
}

/* the phrases whose key is @key: their indexes and how many in *@n, or NULL */
static inline const guint *
cblue_declined_lookup(CblueDeclined *self, gint64 key, guint *n)
{
	for (guint i = cblue_declined_slot(self, key);; i = (i + 1) & self->by_key_mask) {
		const CblueDeclinedSlot *slot = &self->by_key[i];
		if (slot->key == key) {
			*n = slot->n;
			return self->by_key_phrases + slot->first;
		}
		if (slot->key == 0)
			return NULL;
	}
}

static gint
cblue_declined_compare_keyed(gconstpointer a, gconstpointer b)
{
	const gint64 *ka = a, *kb = b;
	if (ka[0] != kb[0])
		return ka[0] < kb[0] ? -1 : 1;
	return ka[1] < kb[1] ? -1 : ka[1] > kb[1];
}

/* the services' phrases, and the index of their keys */
void
cblue_declined_seal(CblueDeclined *self)
{
	/* of gint64 pairs: a key, a phrase index */
	g_autoptr(GArray) keyed = g_array_new(FALSE, FALSE, 2 * sizeof(gint64));
	guint n_keys = 0;

	g_return_if_fail(self->phrases == NULL);

	self->phrases = g_array_new(FALSE, FALSE, sizeof(CblueDeclinedPhrase));
	self->first = g_new0(guint64, CBLUE_DECLINED_BMP_WORDS);
	self->thai_pairs = g_new0(guint64, 128 * 128 / 64);
	for (guint s = 0; s < self->services->len; s++) {
		CblueDeclinedService *service = g_ptr_array_index(self->services, s);
		for (guint i = 0; service != NULL && i < service->compact->len; i++) {
			const gchar *text = g_ptr_array_index(service->compact, i);
			const gchar *star = strchr(text, '*');
			CblueDeclinedPhrase phrase = {text, strlen(text), g_ptr_array_index(service->written, i),
						      service->name, s, 0, FALSE};
			gint64 entry[2];

			if (!cblue_declined_key(text, &entry[0]))
				continue; /* refused when the file was read */
			entry[1] = self->phrases->len;
			g_array_append_val(keyed, entry);
			phrase.ends_word = cblue_declined_is_word_byte(text[phrase.len - 1]);
			phrase.fixed = star != NULL ? (guint)(star - text) : (guint)phrase.len;
			g_array_append_val(self->phrases, phrase);
			if (cblue_declined_is_word_byte(text[0])) {
				guint bit = cblue_declined_latin_pair(text);
				self->latin_pairs[bit / 64] |= G_GUINT64_CONSTANT(1) << (bit % 64);
			} else {
				gsize len1, len2;
				gunichar first = cblue_declined_get_char(text, &len1);
				gunichar second = cblue_declined_get_char(text + len1, &len2);
				if (first >= 0x10000)
					self->beyond_bmp = TRUE;
				else
					self->first[first / 64] |= G_GUINT64_CONSTANT(1) << (first % 64);
				if (cblue_declined_is_thai_pair(first, second)) {
					guint bit = cblue_declined_thai_pair(first, second);
					self->thai_pairs[bit / 64] |= G_GUINT64_CONSTANT(1) << (bit % 64);
				}
			}
		}
	}

	/* the phrases grouped by key, in their order; a slot for each key, the table at most
	 * half full */
	g_array_sort(keyed, cblue_declined_compare_keyed);
	for (guint i = 0; i < keyed->len; i++)
		n_keys += i == 0 || ((gint64 *)keyed->data)[2 * i] != ((gint64 *)keyed->data)[2 * (i - 1)];
	for (self->by_key_bits = 4; (1u << self->by_key_bits) < 2 * n_keys; self->by_key_bits++)
		;
	self->by_key_mask = (1u << self->by_key_bits) - 1;
	self->by_key = g_new0(CblueDeclinedSlot, self->by_key_mask + 1);
	self->by_key_phrases = g_new(guint, MAX(keyed->len, 1));
	for (guint i = 0; i < keyed->len;) {
		gint64 key = ((gint64 *)keyed->data)[2 * i];
		guint slot = cblue_declined_slot(self, key);
		guint first = i;
		for (; i < keyed->len && ((gint64 *)keyed->data)[2 * i] == key; i++)
			self->by_key_phrases[i] = (guint)((gint64 *)keyed->data)[2 * i + 1];
		while (self->by_key[slot].key != 0)
			slot = (slot + 1) & self->by_key_mask;
		self->by_key[slot].key = key;
		self->by_key[slot].first = first;
		self->by_key[slot].n = i - first;
	}
}

static void
cblue_declined_remove_service(CblueDeclined *self, CblueDeclinedService *service)
{
	for (guint i = 0; i < service->compact->len; i++) {
		const gchar *text = g_ptr_array_index(service->compact, i);
		if (g_hash_table_lookup(self->by_phrase, text) == service)
			g_hash_table_remove(self->by_phrase, text);
	}
	for (guint i = 0; i < self->services->len; i++) {
		if (g_ptr_array_index(self->services, i) == service) {
			cblue_declined_service_free(service);
			self->services->pdata[i] = NULL;
			break;
		}
	}
}

/* the compact form of one phrase as written, or NULL with @error set */
static gchar *
cblue_declined_compact_phrase(CblueDeclined *self, const gchar *written, const gchar *where, guint line_no,
			      guint number, GError **error)
{
	g_autofree gchar *normalized = cblue_tokenizer_normalize(self->tokenizer, written);
	/* (a "*" before a letter, refused below, adds a space: twice as long at most) */
	g_autofree gchar *compact = g_malloc(2 * strlen(normalized) + 1);
	guint problems = 0;
	gint64 key;

	if (cblue_declined_compact(normalized, TRUE, compact, NULL, &problems) == 0 || compact[0] == '*') {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("%s:%u: phrase %u is empty or has no letter or digit"), where, line_no, number);
		return NULL;
	}
	if (problems & CBLUE_DECLINED_BAD_STAR) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("%s:%u: phrase %u (“%s”): a * must end a word of Latin letters or digits, the "
			      "first word of at least three"),
			    where, line_no, number, written);
		return NULL;
	}
	if (problems & CBLUE_DECLINED_BAD_PUNCTUATION) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("%s:%u: phrase %u (“%s”): only spaces, hyphens, apostrophes and slashes may join its "
			      "words"),
			    where, line_no, number, written);
		return NULL;
	}
	if (!cblue_declined_key(compact, &key)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("%s:%u: phrase %u (“%s”): Thai or Chinese needs at least two characters"), where,
			    line_no, number, written);
		return NULL;
	}
	return g_steal_pointer(&compact);
}

/* the comma of a list of phrases: , ， or 、 */
static gchar **
cblue_declined_split_phrases(const gchar *text)
{
	g_autofree gchar *commas = NULL;
	g_auto(GStrv) ideographic = g_strsplit(text, "、", -1);
	g_auto(GStrv) fullwidth = NULL;

	commas = g_strjoinv(",", ideographic);
	fullwidth = g_strsplit(commas, "，", -1);
	g_free(commas);
	commas = g_strjoinv(",", fullwidth);
	return g_strsplit(commas, ",", -1);
}

/* one line of a file (CblueLineFilesFunc); @where names the file */
static gboolean
cblue_declined_add_line(gchar *line, const gchar *where, guint line_no, gpointer user_data, GError **error)
{
	CblueDeclined *self = user_data;
	g_autoptr(CblueDeclinedService) service = NULL;
	g_auto(GStrv) phrases = NULL;
	const gchar *colon, *fullwidth_colon;
	gsize colon_len = 1;

	/* "!phrase": forget the service that holds phrase */
	if (line[0] == '!') {
		g_autofree gchar *compact = cblue_declined_compact_phrase(self, line + 1, where, line_no, 1, error);
		CblueDeclinedService *old;
		if (compact == NULL)
			return FALSE;
		old = g_hash_table_lookup(self->by_phrase, compact);
		if (old == NULL) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("%s:%u: “%s” is a phrase of no declined service"), where, line_no, line + 1);
			return FALSE;
		}
		cblue_declined_remove_service(self, old);
		return TRUE;
	}

	colon = strchr(line, ':');
	fullwidth_colon = strstr(line, "：");
	if (fullwidth_colon != NULL && (colon == NULL || fullwidth_colon < colon)) {
		colon = fullwidth_colon;
		colon_len = strlen("：");
	}
	if (colon == NULL) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("%s:%u: a line is a service’s name, a colon and its phrases separated by commas"),
			    where, line_no);
		return FALSE;
	}
	service = g_new0(CblueDeclinedService, 1);
	service->name = g_strstrip(g_strndup(line, colon - line));
	service->where = g_strdup(where);
	service->line = line_no;
	service->written = g_ptr_array_new_with_free_func(g_free);
	service->compact = g_ptr_array_new_with_free_func(g_free);
	if (service->name[0] == '\0') {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("%s:%u: the service has no name"), where,
			    line_no);
		return FALSE;
	}
	phrases = cblue_declined_split_phrases(colon + colon_len);
	for (guint i = 0; phrases[i] != NULL; i++) {
		g_autofree gchar *compact = NULL;
		CblueDeclinedService *old;
		g_strstrip(phrases[i]);
		compact = cblue_declined_compact_phrase(self, phrases[i], where, line_no, i + 1, error);
		if (compact == NULL)
			return FALSE;
		if (g_ptr_array_find_with_equal_func(service->compact, compact, g_str_equal, NULL))
			continue;
		old = g_hash_table_lookup(self->by_phrase, compact);
		if (old != NULL && g_strcmp0(old->where, where) == 0) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("%s:%u: “%s” is already a phrase of line %u"), where, line_no, phrases[i],
				    old->line);
			return FALSE;
		}
		g_ptr_array_add(service->written, g_strdup(phrases[i]));
		g_ptr_array_add(service->compact, g_steal_pointer(&compact));
	}
	/* a line of a later file replaces the services it shares a phrase with */
	for (guint i = 0; i < service->compact->len; i++) {
		const gchar *compact = g_ptr_array_index(service->compact, i);
		CblueDeclinedService *old = g_hash_table_lookup(self->by_phrase, compact);
		if (old != NULL)
			cblue_declined_remove_service(self, old);
	}
	for (guint i = 0; i < service->compact->len; i++)
		g_hash_table_insert(self->by_phrase, g_ptr_array_index(service->compact, i), service);
	g_ptr_array_add(self->services, g_steal_pointer(&service));
	return TRUE;
}

/* adds the services of one file's contents; on error, @self must be discarded */
gboolean
cblue_declined_add_data(CblueDeclined *self, const gchar *data, gsize len, const gchar *where, GError **error)
{
	g_return_val_if_fail(self->phrases == NULL, FALSE);
	return cblue_line_files_read_data(data, len, where, cblue_declined_add_line, self, error);
}

/* The bundled lists (en.txt, th.txt, zh.txt), then every `*.txt` file of @dir (nullable) in
 * name order. Returns sealed lists, or NULL with @error naming the file and line. */
CblueDeclined *
cblue_declined_load(CblueTokenizer *tokenizer, const gchar *dir, GError **error)
{
	g_autoptr(CblueDeclined) self = cblue_declined_new(tokenizer);

	if (!cblue_line_files_read("/ai/cblue/declined", "declined services", dir, cblue_declined_add_line, self,
				   error))
		return NULL;
	cblue_declined_seal(self);
	return g_steal_pointer(&self);
}

guint
cblue_declined_get_n_services(CblueDeclined *self)
{
	guint n = 0;
	for (guint i = 0; i < self->services->len; i++)
		n += g_ptr_array_index(self->services, i) != NULL;
	return n;
}

guint
cblue_declined_get_n_phrases(CblueDeclined *self)
{
	return self->phrases != NULL ? self->phrases->len : 0;
}

/* the phrase as written */
const gchar *
cblue_declined_get_phrase(CblueDeclined *self, guint phrase)
{
	g_return_val_if_fail(self->phrases != NULL && phrase < self->phrases->len, NULL);
	return g_array_index(self->phrases, CblueDeclinedPhrase, phrase).written;
}

/* whether a plural ending of the word ending before @t[@j] is at @j: its length (0: none) */
static gsize
cblue_declined_plural(const gchar *t, gsize tlen, gsize j)
{
	if (j < tlen && t[j] == 's' && (j + 1 >= tlen || !cblue_declined_is_word_byte(t[j + 1])))
		return 1;
	/* "es" after s, x, z, ch, sh: boxes, switches, not rat-es */
	if (j + 1 < tlen && t[j] == 'e' && t[j + 1] == 's' &&
	    (j + 2 >= tlen || !cblue_declined_is_word_byte(t[j + 2])) && j > 0 &&
	    (t[j - 1] == 's' || t[j - 1] == 'x' || t[j - 1] == 'z' ||
	     (j > 1 && t[j - 1] == 'h' && (t[j - 2] == 'c' || t[j - 2] == 's'))))
		return 2;
	return 0;
}

/* the end in @t of @phrase matched at @i, or 0 if it does not match there; the last byte
 * before any "*" first, where most candidates (a phrase of the same key) differ */
static inline gsize
cblue_declined_match_at(const CblueDeclinedPhrase *phrase, const gchar *t, gsize tlen, gsize i)
{
	gsize j = i + phrase->fixed;

	if (j > tlen || t[j - 1] != phrase->text[phrase->fixed - 1] || memcmp(t + i, phrase->text, phrase->fixed) != 0)
		return 0;
	for (gsize k = phrase->fixed; k < phrase->len; k++) {
		if (phrase->text[k] == '*') {
			while (j < tlen && cblue_declined_is_word_byte(t[j]))
				j++;
			continue;
		}
		if (j >= tlen || t[j] != phrase->text[k])
			return 0;
		j++;
	}
	if (phrase->ends_word) {
		j += cblue_declined_plural(t, tlen, j);
		if (j < tlen && cblue_declined_word_goes_on(t[j - 1], t[j]))
			return 0;
	}
	return j;
}

static CblueScript
cblue_declined_script_before(const gchar *text, gsize pos)
{
	return cblue_script_for_char(g_utf8_get_char(g_utf8_prev_char(text + pos)));
}

/* the word boundaries of the last Thai or Chinese run segmented in a scan */
typedef struct {
	gsize start, end; /* bytes of the text; end 0: none yet */
	GArray *boundaries; /* owned: of gsize, offsets in the run */
} CblueDeclinedRun;

static void
cblue_declined_run_clear(CblueDeclinedRun *run)
{
	g_clear_pointer(&run->boundaries, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(CblueDeclinedRun, cblue_declined_run_clear)

/* Whether the tokenizer puts a word boundary at byte @pos of the normalized @text: always
 * but inside a run of Thai or of Chinese characters, which is then segmented (once: @run) */
static gboolean
cblue_declined_at_boundary(CblueDeclined *self, const gchar *text, gsize len, gsize pos, CblueDeclinedRun *run)
{
	CblueScript script;
	gsize start = pos, end = pos, offset = 0;

	if (pos == 0 || pos >= len)
		return TRUE;
	if (run->end == 0 || pos <= run->start || pos >= run->end) {
		g_autofree gchar *copy = NULL;
		g_autoptr(GPtrArray) words = NULL;
		script = cblue_script_for_char(g_utf8_get_char(text + pos));
		if ((script != CBLUE_SCRIPT_THAI && script != CBLUE_SCRIPT_HAN) ||
		    cblue_declined_script_before(text, pos) != script)
			return TRUE;
		while (start > 0 && cblue_declined_script_before(text, start) == script)
			start = g_utf8_prev_char(text + start) - text;
		while (end < len && cblue_script_for_char(g_utf8_get_char(text + end)) == script)
			end = g_utf8_next_char(text + end) - text;
		copy = g_strndup(text + start, end - start);
		words = cblue_tokenizer_segment(self->tokenizer, copy);
		run->start = start;
		run->end = end;
		if (run->boundaries == NULL)
			run->boundaries = g_array_new(FALSE, FALSE, sizeof(gsize));
		g_array_set_size(run->boundaries, 0);
		for (guint i = 0; i < words->len; i++) {
			const gchar *word = g_ptr_array_index(words, i);
			const gchar *at = strstr(copy + offset, word);
			gsize boundary;
			if (at == NULL)
				break;
			boundary = at - copy;
			g_array_append_val(run->boundaries, boundary);
			offset = boundary + strlen(word);
			g_array_append_val(run->boundaries, offset);
		}
	}
	for (guint i = 0; i < run->boundaries->len; i++) {
		if (g_array_index(run->boundaries, gsize, i) == pos - run->start)
			return TRUE;
	}
	return FALSE;
}

/* what a scan of a compact text looks for */
typedef struct {
	const gchar *text; /* the normalized text the compact one was made of */
	const guint32 *offsets; /* nullable: into @text, for each byte of the compact text */
	gint only; /* the service whose phrases to look for, or -1 for every one */
	GArray *matches; /* nullable: of CblueDeclinedMatch; NULL: whether any phrase is there at all */
	gboolean first_only; /* stop at the first match */
} CblueDeclinedScan;

/* Looks for the phrases in the compact @t: with @scan->matches NULL, whether one is there (no
 * offsets, no segmentation: the cheap look at every question); else adds the matches at word
 * boundaries to @scan->matches. Latin phrases are tried where words begin, the others at each
 * character, after the bitmaps of their keys' first characters (and of Thai pairs). */
static gboolean
cblue_declined_scan(CblueDeclined *self, const gchar *t, gsize tlen, const CblueDeclinedScan *scan)
{
	gsize text_len = scan->matches != NULL ? strlen(scan->text) : 0;
	g_auto(CblueDeclinedRun) run = {0, 0, NULL};

	for (gsize i = 0; i < tlen;) {
		guchar c = (guchar)t[i];
		const guint *candidates;
		guint n_candidates = 0;
		gsize next;
		gint64 key;

		if (c < 0x80) {
			guint bit;
			next = i + 1;
			if (!cblue_declined_is_word_byte(t[i]))
				goto next;
			while (next < tlen && cblue_declined_word_goes_on(t[next - 1], t[next]))
				next++;
			bit = cblue_declined_latin_pair(t + i);
			if (!(self->latin_pairs[bit / 64] & (G_GUINT64_CONSTANT(1) << (bit % 64))))
				goto next;
			key = cblue_declined_latin_key(t + i);
		} else {
			gsize len, len2;
			gunichar first = cblue_declined_get_char(t + i, &len);
			gunichar second;
			next = i + len;
			if (first < 0x10000 ? !(self->first[first / 64] & (G_GUINT64_CONSTANT(1) << (first % 64)))
					    : !self->beyond_bmp)
				goto next;
			if (next >= tlen || (guchar)t[next] < 0x80)
				goto next;
			second = cblue_declined_get_char(t + next, &len2);
			if (cblue_declined_is_thai_pair(first, second)) {
				guint bit = cblue_declined_thai_pair(first, second);
				if (!(self->thai_pairs[bit / 64] & (G_GUINT64_CONSTANT(1) << (bit % 64))))
					goto next;
			}
			key = cblue_declined_pair_key(first, second);
		}
		candidates = cblue_declined_lookup(self, key, &n_candidates);
		for (guint k = 0; k < n_candidates; k++) {
			guint index = candidates[k];
			const CblueDeclinedPhrase *phrase = &g_array_index(self->phrases, CblueDeclinedPhrase, index);
			CblueDeclinedMatch match;
			gsize end;

			if (scan->only >= 0 && phrase->service_id != (guint)scan->only)
				continue;
			end = cblue_declined_match_at(phrase, t, tlen, i);
			if (end == 0)
				continue;
			if (scan->matches == NULL)
				return TRUE;
			match.phrase = index;
			match.service = phrase->service;
			match.service_id = phrase->service_id;
			match.start = scan->offsets[i];
			match.end = scan->offsets[end - 1] + 1;
			/* the end of a character of several bytes */
			while (match.end < text_len && ((guchar)scan->text[match.end] & 0xC0) == 0x80)
				match.end++;
			if (!cblue_declined_at_boundary(self, scan->text, text_len, match.start, &run) ||
			    !cblue_declined_at_boundary(self, scan->text, text_len, match.end, &run))
				continue;
			g_array_append_val(scan->matches, match);
			if (scan->first_only)
				return TRUE;
		}
	next:
		i = next;
	}
	return scan->matches != NULL && scan->matches->len > 0;
}

/* the matches of the phrases of the service @only (every service if -1) in the normalized
 * @text, into @matches (at most one with @first_only) */
static void
cblue_declined_collect(CblueDeclined *self, const gchar *text, gint only, gboolean first_only, GArray *matches)
{
	gsize len = strlen(text);
	g_autofree gchar *compact = g_malloc(len + 1);
	g_autofree guint32 *offsets = g_new(guint32, len + 1);
	guint problems = 0;
	CblueDeclinedScan scan = {text, offsets, only, matches, first_only};
	gsize n = cblue_declined_compact(text, FALSE, compact, offsets, &problems);

	cblue_declined_scan(self, compact, n, &scan);
}

/* the size of a buffer on the stack for the compact form of a question (longer ones take
 * the heap) */
#define CBLUE_DECLINED_STACK 512

/* Every phrase in the normalized text @normalized (cblue_tokenizer_normalize()), in the order
 * they begin: an array of CblueDeclinedMatch, or NULL if there is none */
GArray *
cblue_declined_find(CblueDeclined *self, const gchar *normalized)
{
	gchar stack[CBLUE_DECLINED_STACK];
	g_autofree gchar *heap = NULL;
	g_autoptr(GArray) matches = NULL;
	CblueDeclinedScan look = {normalized, NULL, -1, NULL, FALSE};
	gsize len, n;
	gchar *compact = stack;
	guint problems = 0;

	g_return_val_if_fail(self->phrases != NULL, NULL);
	g_return_val_if_fail(normalized != NULL, NULL);

	if (self->phrases->len == 0)
		return NULL;
	len = strlen(normalized);
	if (len >= sizeof(stack))
		compact = heap = g_malloc(len + 1);
	n = cblue_declined_compact(normalized, FALSE, compact, NULL, &problems);
	if (!cblue_declined_scan(self, compact, n, &look))
		return NULL;
	/* rare: the offsets, and the word boundaries */
	matches = g_array_new(FALSE, FALSE, sizeof(CblueDeclinedMatch));
	cblue_declined_collect(self, normalized, -1, FALSE, matches);
	return matches->len > 0 ? g_steal_pointer(&matches) : NULL;
}

static gboolean
cblue_declined_text_has(CblueDeclined *self, guint service_id, const gchar *text)
{
	g_autofree gchar *normalized = cblue_tokenizer_normalize(self->tokenizer, text);
	g_autoptr(GArray) matches = g_array_new(FALSE, FALSE, sizeof(CblueDeclinedMatch));

	cblue_declined_collect(self, normalized, (gint)service_id, TRUE, matches);
	return matches->len > 0;
}

/* Whether the KB entry @entry's own text (keywords, and example questions and content in
 * every language) holds a phrase of @match's service, in any language: the KB then speaks of
 * the thing in that topic ("Does a hybrid inverter switch over fast, like a UPS?"; a passage
 * that says 捐赠 answers 捐款有多少), and a question that the topic answers while it names the
 * thing is about the topic, not a request for something the KB lacks. */
gboolean
cblue_declined_entry_mentions(CblueDeclined *self, const CblueDeclinedMatch *match, CblueKbEntry *entry)
{
	guint service_id = match->service_id;

	g_autoptr(GPtrArray) languages = cblue_kb_entry_get_languages(entry);
	const gchar *const *keywords = cblue_kb_entry_get_keywords(entry);

	g_return_val_if_fail(self->phrases != NULL, FALSE);

	for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++) {
		if (cblue_declined_text_has(self, service_id, keywords[i]))
			return TRUE;
	}
	for (guint l = 0; l < languages->len; l++) {
		const gchar *language = g_ptr_array_index(languages, l);
		const gchar *const *questions = cblue_kb_entry_get_questions(entry, language);
		const gchar *content = cblue_kb_entry_get_content(entry, language);
		for (guint i = 0; questions != NULL && questions[i] != NULL; i++) {
			if (cblue_declined_text_has(self, service_id, questions[i]))
				return TRUE;
		}
		if (content != NULL && cblue_declined_text_has(self, service_id, content))
			return TRUE;
	}
	return FALSE;
}
