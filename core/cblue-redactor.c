/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-redactor.h"
#include "cblue-utf8-private.h"

/**
 * CblueRedactor:
 *
 * The `redact` plugin kind: finds personal data so that it is replaced by a typed
 * placeholder (`[EMAIL]`, `[PHONE]`, …) before a message is stored, logged or sent to a
 * model provider.
 *
 * Since: 1.0
 */
G_DEFINE_INTERFACE(CblueRedactor, cblue_redactor, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE(CblueSpan, cblue_span, cblue_span_copy, cblue_span_free)

static void
cblue_redactor_default_init(CblueRedactorInterface *iface)
{
}

/**
 * cblue_span_new:
 * @start: the byte offset of the start
 * @end: the byte offset after the end
 * @label: the type of the value
 *
 * Returns: (transfer full): a new #CblueSpan
 *
 * Since: 1.0
 */
CblueSpan *
cblue_span_new(gsize start, gsize end, const gchar *label)
{
	CblueSpan *span = g_new0(CblueSpan, 1);
	span->start = start;
	span->end = end;
	span->label = g_strdup(label);
	return span;
}

/**
 * cblue_span_copy:
 * @span: a #CblueSpan
 *
 * Returns: (transfer full): a copy
 *
 * Since: 1.0
 */
CblueSpan *
cblue_span_copy(const CblueSpan *span)
{
	return cblue_span_new(span->start, span->end, span->label);
}

/**
 * cblue_span_free:
 * @span: a #CblueSpan
 *
 * Frees a span.
 *
 * Since: 1.0
 */
void
cblue_span_free(CblueSpan *span)
{
	if (span == NULL)
		return;
	g_free(span->label);
	g_free(span);
}

/**
 * cblue_redactor_find:
 * @self: a #CblueRedactor
 * @text: UTF-8 text
 *
 * Finds personal data.
 *
 * Returns: (transfer container) (element-type CblueSpan): the spans found, possibly none
 *
 * Since: 1.0
 */
GPtrArray *
cblue_redactor_find(CblueRedactor *self, const gchar *text)
{
	CblueRedactorInterface *iface;
	GPtrArray *spans;
	g_return_val_if_fail(CBLUE_IS_REDACTOR(self), NULL);
	g_return_val_if_fail(text != NULL, NULL);
	iface = CBLUE_REDACTOR_GET_IFACE(self);
	spans = iface->find != NULL ? iface->find(self, text) : NULL;
	return spans != NULL ? spans : g_ptr_array_new_with_free_func((GDestroyNotify)cblue_span_free);
}

/* Folding: what the redactors see. Every character below becomes one ASCII byte, so a
 * pattern written for `081-234-5678` also finds `０８１－２３４－５６７８` and
 * `๐๘๑-๒๓๔-๕๖๗๘`; an offset map takes the spans back to the original text. */
G_ALWAYS_INLINE static inline gchar
cblue_redact_fold_char(gunichar ch)
{
	if (ch >= 0xFF01 && ch <= 0xFF5E) /* full-width ASCII */
		return (gchar)(ch - 0xFEE0);
	if (ch >= 0x0E50 && ch <= 0x0E59) /* Thai digits */
		return (gchar)('0' + (ch - 0x0E50));
	switch (ch) {
	case 0x00A0: /* no-break space */
	case 0x2007: /* figure space */
	case 0x2009: /* thin space */
	case 0x202F: /* narrow no-break space */
	case 0x3000: /* ideographic space */
		return ' ';
	case 0x2010: /* hyphen */
	case 0x2011: /* no-break hyphen */
	case 0x2012: /* figure dash */
	case 0x2013: /* en dash */
	case 0x2014: /* em dash */
	case 0x2015: /* horizontal bar */
	case 0x2212: /* minus sign */
	case 0xFE58: /* small em dash */
	case 0xFE63: /* small hyphen-minus */
		return '-';
	case 0x3002: /* ideographic full stop */
	case 0xFF61: /* half-width ideographic full stop */
	case 0x00B7: /* middle dot, between the groups of a number: `081·234·5678` */
	case 0x30FB: /* katakana middle dot */
		return '.';
	default:
		return 0;
	}
}

/* Whether @ch is a character with no width that copy and paste, chat apps and people hiding a
 * value leave inside it (`081\u200B234\u200B5678`, a soft hyphen, a direction mark): folding
 * drops it, so that the value is one run again for the redactors (the span found still covers
 * it in the original text). */
static gboolean
cblue_redact_is_invisible(gunichar ch)
{
	return ch == 0x00AD ||			 /* soft hyphen */
	       (ch >= 0x200B && ch <= 0x200F) || /* zero-width space, (non-)joiner, direction marks */
	       (ch >= 0x202A && ch <= 0x202E) || /* direction embeddings and overrides */
	       (ch >= 0x2060 && ch <= 0x2064) || /* word joiner, invisible operators */
	       (ch >= 0x2066 && ch <= 0x2069) || /* direction isolates */
	       ch == 0xFEFF;			 /* zero-width no-break space (a byte order mark) */
}

/* Characters with no width that attach to the one before: the variation selectors and the
 * keycap's enclosing mark, which make `0️⃣8️⃣1️⃣…` of `081…`. Folding drops them too; unlike
 * the invisible characters above, those after a value's last character stay in its span, as
 * they belong to that character. */
static gboolean
cblue_redact_is_attached_mark(gunichar ch)
{
	return ch == 0xFE0E || ch == 0xFE0F || ch == 0x20E3;
}

/* an emoji or a pictographic symbol, which people put between a number's groups as they would
 * a space (`061📱897📱2077`, `099✨727✨4192`): between two digits folding reads it as one */
static gboolean
cblue_redact_is_pictograph(gunichar ch)
{
	return (ch >= 0x2600 && ch <= 0x27BF) || (ch >= 0x2B00 && ch <= 0x2BFF) || (ch >= 0x1F000 && ch <= 0x1FAFF);
}


/* What an escaped @ch folds to: %TRUE and the ASCII character in @folded (0: the character is
 * dropped, as folding drops it) when folding reads it; a printable one as it is, others as
 * folding would fold the character itself (`&#160;`, `\uFF10`, `&#8203;`) */
static gboolean
cblue_redact_escape_fold(gunichar ch, gchar *folded)
{
	if (ch >= 0x20 && ch < 0x7F)
		*folded = (gchar)ch;
	else if (cblue_redact_is_invisible(ch) || cblue_redact_is_attached_mark(ch))
		*folded = 0;
	else if ((*folded = cblue_redact_fold_char(ch)) == 0)
		return FALSE;
	return TRUE;
}

/* HTML's named references of the characters that folding reads, as a page or an e-mail that
 * hides an address from robots writes them (`name&commat;gmail&period;com`); case matters, as in
 * HTML, and `&amp;` is not one of them: it is text */
static const struct {
	const gchar *name;
	gchar folded; /* 0: dropped, as a character with no width is */
} cblue_redact_named_references[] = {
    {"nbsp", ' '},     {"ensp", ' '},	   {"emsp", ' '},    {"thinsp", ' '}, {"NonBreakingSpace", ' '},
    {"commat", '@'},   {"period", '.'},	   {"num", '#'},     {"plus", '+'},   {"lpar", '('},
    {"rpar", ')'},     {"lowbar", '_'},	   {"UnderBar", '_'}, {"hyphen", '-'}, {"dash", '-'},
    {"ndash", '-'},    {"mdash", '-'},	   {"minus", '-'},   {"colon", ':'},  {"sol", '/'},
    {"lsqb", '['},     {"rsqb", ']'},	   {"lbrack", '['},  {"rbrack", ']'}, {"middot", '.'},
    {"shy", 0},	       {"zwj", 0},	   {"zwnj", 0},	     {"lrm", 0},      {"rlm", 0},
    {"ZeroWidthSpace", 0},
};

/* The length of the character reference whose name or number starts at @p (right after its
 * `&`, before @end), or 0 if there is none or it stands for nothing that folding reads;
 * @folded as for cblue_redact_escape_at() */
static gsize
cblue_redact_reference_at(const gchar *p, const gchar *end, gchar *folded)
{
	gunichar ch = 0;
	const gchar *q;
	gboolean hex;
	guint digits = 0;

	if (p >= end)
		return 0;
	if (*p != '#') {
		for (q = p; q < end && q - p <= 16 && g_ascii_isalpha(*q); q++)
			;
		if (q == p || q >= end || *q != ';')
			return 0;
		for (guint i = 0; i < G_N_ELEMENTS(cblue_redact_named_references); i++) {
			const gchar *name = cblue_redact_named_references[i].name;
			if (strlen(name) == (gsize)(q - p) && memcmp(name, p, (gsize)(q - p)) == 0) {
				*folded = cblue_redact_named_references[i].folded;
				return (gsize)(q + 1 - p);
			}
		}
		return 0;
	}
	hex = p + 1 < end && (p[1] == 'x' || p[1] == 'X');
	for (q = p + (hex ? 2 : 1); q < end && digits < 7 && (hex ? g_ascii_isxdigit(*q) : g_ascii_isdigit(*q));
	     q++, digits++)
		ch = ch * (hex ? 16 : 10) + (gunichar)(hex ? g_ascii_xdigit_value(*q) : g_ascii_digit_value(*q));
	if (digits == 0 || q >= end || *q != ';')
		return 0;
	return cblue_redact_escape_fold(ch, folded) ? (gsize)(q + 1 - p) : 0;
}

/* An HTML character reference or a JSON escape, as a value copied out of a web page, an e-mail
 * or an export holds them (`081&nbsp;234&nbsp;5678`, `&#48;81…`, `name&#64;gmail.com`,
 * `name&commat;gmail&period;com`, `name\u0040gmail.com`): the length of the one at @p (before
 * @end), or 0 if there is none or it stands for nothing that folding reads; @folded gets the
 * ASCII character it folds to, or 0 for a character that folding drops (`081&#8203;234…`, a
 * zero-width space). A reference escaped once more (`&amp;#64;`, a page's source pasted as
 * text) is read as the reference; JSON's line break, carriage return and tab (`\n`, `\r`, `\t`:
 * a chat export's message sent in two lines, `081 234\n5678`) are a space. */
static gsize
cblue_redact_escape_at(const gchar *p, const gchar *end, gchar *folded)
{
	gunichar ch = 0;
	gsize n;

	if (*p == '\\') {
		if (end - p >= 2 && (p[1] == 'n' || p[1] == 'r' || p[1] == 't')) {
			*folded = ' ';
			return 2;
		}
		if (end - p < 6 || p[1] != 'u')
			return 0;
		for (const gchar *q = p + 2; q < p + 6; q++) {
			if (!g_ascii_isxdigit(*q))
				return 0;
			ch = ch * 16 + (gunichar)g_ascii_xdigit_value(*q);
		}
		return cblue_redact_escape_fold(ch, folded) ? 6 : 0;
	}
	if (*p != '&' || end - p < 4)
		return 0;
	if (end - p > 6 && memcmp(p, "&amp;", 5) == 0 && (n = cblue_redact_reference_at(p + 5, end, folded)) != 0)
		return 5 + n;
	n = cblue_redact_reference_at(p + 1, end, folded);
	return n != 0 ? 1 + n : 0;
}

/* whether the line break that ends at @q (its `\n`, in @text before @end) is between two digits */
static gboolean
cblue_redact_break_between_digits(const gchar *text, const gchar *q, const gchar *end)
{
	const gchar *b = q > text && q[-1] == '\r' ? q - 1 : q;
	return b > text && g_ascii_isdigit(b[-1]) && q + 1 < end && g_ascii_isdigit(q[1]);
}

/* The length of a line break at @p (of @text, before @end) inside a number, `\n` or `\r\n` with a
 * digit after it (the caller knows the one before): a number sent in two lines (`081 234⏎5678`),
 * which folding reads as one space. 0 for any other, for a blank line between two paragraphs, and
 * for a break next to another between digits: a list of numbers one a line (`1000⏎2000⏎3000`, the
 * amounts of a transfer) is not one number. */
static gsize
cblue_redact_line_break_at(const gchar *text, const gchar *p, const gchar *end)
{
	const gchar *line;
	const gchar *next;
	gsize n = 0;

	if (*p == '\r' && end - p > 1 && p[1] == '\n')
		n = 2;
	else if (*p == '\n')
		n = 1;
	if (n == 0 || end - p <= (gssize)n || !g_ascii_isdigit(p[n]))
		return 0;
	for (line = p; line > text && line[-1] != '\n'; line--)
		;
	if (line > text && cblue_redact_break_between_digits(text, line - 1, end))
		return 0;
	next = memchr(p + n, '\n', (gsize)(end - p) - n);
	if (next != NULL && cblue_redact_break_between_digits(text, next, end))
		return 0;
	return n;
}

/* whether @text has a number split by a line break (cblue_redact_line_break_at()) */
static gboolean
cblue_redact_has_split_number(const gchar *text, gsize len)
{
	const gchar *end = text + len;

	for (const gchar *p = memchr(text, '\n', len); p != NULL; p = memchr(p + 1, '\n', (gsize)(end - p - 1))) {
		const gchar *q = p > text && p[-1] == '\r' ? p - 1 : p;
		if (q > text && g_ascii_isdigit(q[-1]) && cblue_redact_line_break_at(text, q, end) != 0)
			return TRUE;
	}
	return FALSE;
}

/* whether @text holds an escape that folding reads; two memchr() passes, as most texts have
 * no `&` nor `\\` at all */
static gboolean
cblue_redact_has_escape(const gchar *text, gsize len)
{
	const gchar *end = text + len;
	gchar folded;

	for (const gchar *c = "&\\"; *c != '\0'; c++) {
		for (const gchar *p = memchr(text, *c, len); p != NULL; p = memchr(p + 1, *c, (gsize)(end - p - 1)))
			if (cblue_redact_escape_at(p, end, &folded) != 0)
				return TRUE;
	}
	return FALSE;
}

/* cblue_redact_char_needs_folding() for the symbols' and the emoji's lead bytes, which need the
 * character decoded; apart, so that the test of Thai text's every character stays short */
static G_GNUC_NO_INLINE gboolean
cblue_redact_symbol_needs_folding(const guchar *p, guchar before)
{
	gunichar ch = cblue_utf8_get_valid_char((const gchar *)p);
	return cblue_redact_fold_char(ch) != 0 || cblue_redact_is_invisible(ch) || cblue_redact_is_attached_mark(ch) ||
	       ((g_ascii_isdigit(before) || before == ' ') && cblue_redact_is_pictograph(ch));
}

/* whether a multi-byte character is one that folding changes or drops (@before: the byte before
 * it); Thai text is full of 0xE0, so look at the bytes before decoding */
static gboolean
cblue_redact_char_needs_folding(const guchar *p, gsize n, guchar before)
{
	if (p[0] == 0xE0)
		return p[1] == 0xB9 && p[2] >= 0x90 && p[2] <= 0x99;
	if (n == 2)
		return p[0] == 0xC2 && (p[1] == 0xA0 || p[1] == 0xB7 || p[1] == 0xAD);
	if (p[0] == 0xE2 || p[0] == 0xE3 || p[0] == 0xEF || (n == 4 && (g_ascii_isdigit(before) || before == ' ')))
		return cblue_redact_symbol_needs_folding(p, before);
	return FALSE;
}

/* validates @text and tells whether anything in it needs folding, in one pass (and a search for
 * escapes); most texts need nothing, and are then given to the redactors as they are, without a
 * copy */
static gboolean
cblue_redact_scan_text(const gchar *text, gsize len, gboolean *needs_folding)
{
	*needs_folding = FALSE;
	if (!cblue_utf8_validate_fast(text, len, cblue_redact_char_needs_folding, needs_folding))
		return FALSE;
	if (!*needs_folding)
		*needs_folding = cblue_redact_has_escape(text, len) || cblue_redact_has_split_number(text, len);
	return TRUE;
}

/* @p (before @end) past the variation selectors and keycap marks that start it */
static const gchar *
cblue_redact_skip_attached_marks(const gchar *p, const gchar *end)
{
	while (p < end && (guchar)*p >= 0x80 && cblue_redact_is_attached_mark(g_utf8_get_char(p)))
		p = g_utf8_next_char(p);
	return p;
}

/* whether a digit, maybe after a variation selector, starts @p (before @end) */
static gboolean
cblue_redact_digit_follows(const gchar *p, const gchar *end)
{
	p = cblue_redact_skip_attached_marks(p, end);
	if (p >= end)
		return FALSE;
	if ((guchar)*p < 0x80)
		return g_ascii_isdigit(*p);
	return g_ascii_isdigit(cblue_redact_fold_char(g_utf8_get_char(p)));
}

/* folds @text (valid UTF-8, @len bytes); @map gets, for every byte of the result and one
 * past its end, the offset of the original character it comes from */
static gchar *
cblue_redact_fold(const gchar *text, gsize len, GArray *map)
{
	gchar *out = g_malloc(len + 1); /* folding never makes a text longer */
	gsize *offsets;
	gsize n = 0;

	g_array_set_size(map, len + 1);
	offsets = (gsize *)(gpointer)map->data;
	for (const gchar *p = text, *end = text + len; p < end;) {
		const gchar *next;
		gunichar ch;
		gchar folded;
		if ((guchar)*p < 0x80) {
			gsize escape = 0;
			if (G_UNLIKELY(*p == '&' || *p == '\\')) {
				escape = cblue_redact_escape_at(p, end, &folded);
			} else if (G_UNLIKELY(*p == '\n' || *p == '\r') && n > 0 && g_ascii_isdigit(out[n - 1]) &&
				   (escape = cblue_redact_line_break_at(text, p, end)) != 0) {
				folded = ' ';
			}
			offsets[n] = (gsize)(p - text);
			if (G_LIKELY(escape == 0)) {
				out[n++] = *p++;
				continue;
			}
			p += escape;
			if (folded != 0)
				out[n++] = folded;
			continue;
		}
		next = g_utf8_next_char(p);
		ch = g_utf8_get_char(p);
		if (cblue_redact_is_invisible(ch) || cblue_redact_is_attached_mark(ch)) {
			p = next;
			continue;
		}
		folded = cblue_redact_fold_char(ch);
		if (folded == 0 && n > 0 && g_ascii_isdigit(out[n - 1]) && cblue_redact_is_pictograph(ch) &&
		    cblue_redact_digit_follows(next, end))
			folded = ' ';
		/* with a space on both sides (`081 📱 234 5678`) it is dropped with the space after
		 * it, so that the groups are as far apart as the others */
		if (folded == 0 && n > 1 && out[n - 1] == ' ' && g_ascii_isdigit(out[n - 2]) &&
		    cblue_redact_is_pictograph(ch)) {
			const gchar *space = cblue_redact_skip_attached_marks(next, end);
			if (space < end && *space == ' ' && cblue_redact_digit_follows(space + 1, end)) {
				p = space + 1;
				continue;
			}
		}
		/* an ideographic full stop before a digit ends a sentence (`电话13812345678。2号楼`,
		 * `账号…。12月5号`): as a dot it would join the number to the next sentence's */
		if ((ch == 0x3002 || ch == 0xFF61) && next < end && g_unichar_isdigit(g_utf8_get_char(next)))
			folded = 0;
		if (folded != 0) {
			offsets[n] = (gsize)(p - text);
			out[n++] = folded;
		} else {
			for (const gchar *q = p; q < next; q++) {
				offsets[n] = (gsize)(q - text);
				out[n++] = *q;
			}
		}
		p = next;
	}
	out[n] = '\0';
	offsets[n] = len;
	g_array_set_size(map, n + 1);
	return out;
}

/**
 * cblue_redact_fold_text:
 * @text: UTF-8 text
 * @offsets: (out) (optional) (transfer full) (element-type gsize): for every byte of the
 *   result and one past its end, the byte offset in @text of the character it comes from
 *
 * Folds a text as the redactors see it (see [iface@Redactor]): full-width forms, Thai and
 * other listed digits, dashes, spaces and full stops become ASCII, and so do HTML's named
 * (`&nbsp;`, `&commat;`, `&period;`…) and numeric character references and JSON's `\u` escapes
 * of such characters, also escaped once more (`&amp;#64;`); JSON's `\n`, `\r` and `\t` become
 * a space, and so does a line break between two digits (`081 234⏎5678`) with no other such
 * break next to it (not a list of numbers one a line); an emoji between two digits becomes a
 * space, and one with a space on both sides between two digits is dropped with the space after
 * it; characters with no width (zero-width spaces and joiners, soft hyphens, direction marks,
 * variation selectors, the keycap mark) are dropped.
 *
 * Returns: (transfer full): the folded text
 *
 * Since: 1.0
 */
gchar *
cblue_redact_fold_text(const gchar *text, GArray **offsets)
{
	g_autoptr(GArray) map = g_array_new(FALSE, FALSE, sizeof(gsize));
	gchar *folded;

	g_return_val_if_fail(text != NULL, NULL);
	g_return_val_if_fail(g_utf8_validate(text, -1, NULL), NULL);
	folded = cblue_redact_fold(text, strlen(text), map);
	if (offsets != NULL)
		*offsets = g_steal_pointer(&map);
	return folded;
}

/* one span found by one redactor, while overlaps are resolved */
typedef struct {
	gsize start; /* in the folded text */
	gsize end;
	const gchar *label; /* borrowed from the redactor's span */
	guint redactor; /* the redactor's rank: lower is preferred */
	guint index; /* the span's rank in its redactor's answer */
} CblueRedactCandidate;

/* longest first; then the preferred redactor, its preferred span, the earliest */
static gint
cblue_redact_candidate_compare(gconstpointer a, gconstpointer b)
{
	const CblueRedactCandidate *ca = a;
	const CblueRedactCandidate *cb = b;
	gsize la = ca->end - ca->start, lb = cb->end - cb->start;
	if (la != lb)
		return la > lb ? -1 : 1;
	if (ca->redactor != cb->redactor)
		return ca->redactor < cb->redactor ? -1 : 1;
	if (ca->index != cb->index)
		return ca->index < cb->index ? -1 : 1;
	return ca->start < cb->start ? -1 : (ca->start > cb->start ? 1 : 0);
}

static gboolean
cblue_redact_is_boundary(const gchar *text, gsize len, gsize offset)
{
	return offset == 0 || offset >= len || ((guchar)text[offset] & 0xC0) != 0x80;
}

/* The end in @text of a span that ends at @folded_end of the folded text: the invisible
 * characters folding dropped after its last character are not part of the value
 * (`โทร\u200B0811309905\u200Bนะครับ`), the marks attached to that character are. */
static gsize
cblue_redact_original_end(const gchar *text, GArray *map, gsize folded_end)
{
	gsize last = g_array_index(map, gsize, folded_end - 1);
	gsize end = g_array_index(map, gsize, folded_end);

	while (end > last) {
		const gchar *prev = g_utf8_find_prev_char(text + last, text + end);
		if (prev == NULL || !cblue_redact_is_invisible(g_utf8_get_char(prev)))
			break;
		end = (gsize)(prev - text);
	}
	return end;
}

/* Runs every redactor over @text (valid UTF-8) and resolves overlaps. Returns the spans
 * kept, in text order, in byte offsets of @text. */
static GPtrArray *
cblue_redact_find_valid(GPtrArray *redactors, const gchar *text, gsize len, gboolean needs_folding)
{
	g_autoptr(GArray) map = NULL;
	g_autofree gchar *folded = NULL;
	g_autoptr(GPtrArray) answers = NULL;
	g_autoptr(GArray) candidates = NULL;
	g_autoptr(GArray) kept = NULL;
	const gchar *seen = text;
	gsize seen_len = len;
	GPtrArray *result;

	if (redactors == NULL || redactors->len == 0 || len == 0)
		return g_ptr_array_new_with_free_func((GDestroyNotify)cblue_span_free);
	if (needs_folding) {
		map = g_array_sized_new(FALSE, FALSE, sizeof(gsize), len + 1);
		folded = cblue_redact_fold(text, len, map);
		seen = folded;
		seen_len = map->len - 1;
	}

	for (guint i = 0; i < redactors->len; i++) {
		CblueRedactor *redactor = g_ptr_array_index(redactors, i);
		CblueRedactorInterface *iface;
		GPtrArray *spans;

		if (!CBLUE_IS_REDACTOR(redactor))
			continue;
		iface = CBLUE_REDACTOR_GET_IFACE(redactor);
		spans = iface->find != NULL ? iface->find(redactor, seen) : NULL;
		if (spans == NULL)
			continue;
		if (answers == NULL)
			answers = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
		g_ptr_array_add(answers, spans);
		for (guint j = 0; j < spans->len; j++) {
			CblueSpan *span = g_ptr_array_index(spans, j);
			CblueRedactCandidate cand = {0};
			if (span == NULL || span->start >= span->end || span->end > seen_len)
				continue;
			cand.start = span->start;
			cand.end = span->end;
			/* a span must cover whole characters, so that the output stays UTF-8 */
			while (!cblue_redact_is_boundary(seen, seen_len, cand.start))
				cand.start--;
			while (!cblue_redact_is_boundary(seen, seen_len, cand.end))
				cand.end++;
			cand.label = span->label != NULL && span->label[0] != '\0' ? span->label : "PII";
			cand.redactor = i;
			cand.index = j;
			if (candidates == NULL)
				candidates = g_array_new(FALSE, FALSE, sizeof(CblueRedactCandidate));
			g_array_append_val(candidates, cand);
		}
	}
	result = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_span_free);
	if (candidates == NULL)
		return result;

	/* greedy: the most specific first; kept stays sorted by start and never overlaps,
	 * so each candidate is checked against its neighbours by binary search */
	g_array_sort(candidates, cblue_redact_candidate_compare);
	kept = g_array_sized_new(FALSE, FALSE, sizeof(CblueRedactCandidate), candidates->len);
	for (guint i = 0; i < candidates->len; i++) {
		CblueRedactCandidate *cand = &g_array_index(candidates, CblueRedactCandidate, i);
		guint lo = 0, hi = kept->len;
		while (lo < hi) {
			guint mid = (lo + hi) / 2;
			if (g_array_index(kept, CblueRedactCandidate, mid).end <= cand->start)
				lo = mid + 1;
			else
				hi = mid;
		}
		/* lo: the first kept span ending after cand starts */
		if (lo < kept->len && g_array_index(kept, CblueRedactCandidate, lo).start < cand->end)
			continue;
		g_array_insert_val(kept, lo, *cand);
	}
	for (guint i = 0; i < kept->len; i++) {
		CblueRedactCandidate *cand = &g_array_index(kept, CblueRedactCandidate, i);
		gsize start = map != NULL ? g_array_index(map, gsize, cand->start) : cand->start;
		gsize end = map != NULL ? cblue_redact_original_end(text, map, cand->end) : cand->end;
		g_ptr_array_add(result, cblue_span_new(start, end, cand->label));
	}
	return result;
}

/**
 * cblue_redact_find:
 * @redactors: (element-type CblueRedactor) (nullable): the redactors to run, preferred first
 * @text: UTF-8 text
 *
 * Runs every redactor over the folded text (see [iface@Redactor]) and resolves overlapping
 * spans: the longest wins, then the span of the redactor that comes first in @redactors.
 * If @text is not valid UTF-8, the offsets are those of its U+FFFD-sanitized form (see
 * g_utf8_make_valid()).
 *
 * Returns: (transfer full) (element-type CblueSpan): the spans kept, in text order, as
 *   byte offsets into @text
 *
 * Since: 1.0
 */
GPtrArray *
cblue_redact_find(GPtrArray *redactors, const gchar *text)
{
	gsize len;
	gboolean needs_folding;

	g_return_val_if_fail(text != NULL, NULL);
	len = strlen(text);
	if (!cblue_redact_scan_text(text, len, &needs_folding)) {
		g_autofree gchar *valid = g_utf8_make_valid(text, (gssize)len);
		len = strlen(valid);
		cblue_redact_scan_text(valid, len, &needs_folding);
		return cblue_redact_find_valid(redactors, valid, len, needs_folding);
	}
	return cblue_redact_find_valid(redactors, text, len, needs_folding);
}

/**
 * cblue_redact_text_full:
 * @redactors: (element-type CblueRedactor) (nullable): the redactors to run, preferred first
 * @text: UTF-8 text
 * @policy: (nullable): what replaces each type, or %NULL for placeholders (`[EMAIL]`)
 * @scope: (nullable): what the hash mode is stable within, usually the conversation id
 * @spans: (out) (optional) (transfer full) (element-type CblueSpan): the values replaced,
 *   in text order, as byte offsets into the (sanitized) input
 *
 * Finds the personal data in a text as [func@redact_find] does and replaces every value
 * as @policy says. Invalid UTF-8 in @text is replaced by U+FFFD first, so the result is
 * always valid UTF-8.
 *
 * Returns: (transfer full): the redacted text
 *
 * Since: 1.0
 */
gchar *
cblue_redact_text_full(GPtrArray *redactors, const gchar *text, CblueRedactionPolicy *policy, const gchar *scope,
		       GPtrArray **spans)
{
	g_autofree gchar *valid = NULL;
	g_autoptr(GPtrArray) found = NULL;
	GString *out;
	gsize len, pos = 0;
	gboolean needs_folding;

	g_return_val_if_fail(text != NULL, NULL);
	g_return_val_if_fail(policy == NULL || CBLUE_IS_REDACTION_POLICY(policy), NULL);

	len = strlen(text);
	if (!cblue_redact_scan_text(text, len, &needs_folding)) {
		valid = g_utf8_make_valid(text, (gssize)len);
		text = valid;
		len = strlen(text);
		cblue_redact_scan_text(text, len, &needs_folding);
	}
	found = cblue_redact_find_valid(redactors, text, len, needs_folding);
	if (found->len == 0) {
		if (spans != NULL)
			*spans = g_steal_pointer(&found);
		return valid != NULL ? g_steal_pointer(&valid) : g_strndup(text, len);
	}
	out = g_string_sized_new(len + 16 * found->len);
	for (guint i = 0; i < found->len; i++) {
		CblueSpan *span = g_ptr_array_index(found, i);
		g_string_append_len(out, text + pos, (gssize)(span->start - pos));
		if (policy != NULL) {
			g_autofree gchar *replacement = cblue_redaction_policy_format(
			    policy, span->label, text + span->start, (gssize)(span->end - span->start), scope);
			g_string_append(out, replacement);
		} else {
			g_string_append_c(out, '[');
			g_string_append(out, span->label);
			g_string_append_c(out, ']');
		}
		pos = span->end;
	}
	g_string_append_len(out, text + pos, (gssize)(len - pos));
	if (spans != NULL)
		*spans = g_steal_pointer(&found);
	return g_string_free(out, FALSE);
}

/**
 * cblue_redact_text:
 * @redactors: (element-type CblueRedactor): the redactors to run
 * @text: UTF-8 text
 * @labels: (element-type utf8) (nullable): an array that receives the label of every type
 *   found, once each
 *
 * Runs every redactor, resolves overlapping spans (the longest wins) and replaces each
 * value by its placeholder, e.g. `[EMAIL]`. See [func@redact_text_full] for the other
 * modes.
 *
 * Returns: (transfer full): the redacted text
 *
 * Since: 1.0
 */
gchar *
cblue_redact_text(GPtrArray *redactors, const gchar *text, GPtrArray *labels)
{
	g_autoptr(GPtrArray) spans = NULL;
	gchar *redacted;

	g_return_val_if_fail(text != NULL, NULL);
	redacted = cblue_redact_text_full(redactors, text, NULL, NULL, &spans);
	for (guint i = 0; labels != NULL && i < spans->len; i++) {
		CblueSpan *span = g_ptr_array_index(spans, i);
		gboolean seen = FALSE;
		for (guint j = 0; j < labels->len && !seen; j++)
			seen = g_strcmp0(g_ptr_array_index(labels, j), span->label) == 0;
		if (!seen)
			g_ptr_array_add(labels, g_strdup(span->label));
	}
	return redacted;
}
