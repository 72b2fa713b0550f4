/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* Small talk: whether a whole message is greetings, thanks and goodbyes, or a question of
 * whether a person answers and a request for one, with filler words ("hi there admin",
 * "สวัสดีครับ", "你好呀", "thx!! bye", "are you a real person or a bot?"), and nothing else.
 *
 * The phrases are data (`small_talk` in replies.json: a list for each kind and one of
 * fillers, in any language). A message and every phrase are compared in a compact form:
 * lower case, letters and combining marks only (no spaces, punctuation, digits or emoji),
 * a run of one character as one, so "Hellooo!!", "hello" and "HELLO :)" are the same and
 * Thai or Chinese need no word breaks. The message must be cut entirely into phrases, at
 * least one of them not a filler; of the cuts, the one of fewest phrases counts ("你好" is
 * one greeting, not 你 and 好), and the message's kind is the greatest of its phrases'. Two
 * phrases that meet on one character share it once compact (โอเค and ค่ะ: "โอเคค่ะ" is โอเค่ะ),
 * so a phrase may also begin on the last character of the one before it where that character
 * was a run. A message is only looked at when it is short: small talk is. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cblue-error.h"
#include "cblue-small-talk-private.h"

/* compact characters: a longer message is not small talk; a phrase no longer than this */
#define CBLUE_SMALL_TALK_MAX_CHARS 48
#define CBLUE_SMALL_TALK_FILLER	   0

/* the value of a key that begins a longer phrase (it may be a phrase too) */
#define CBLUE_SMALL_TALK_PREFIX 0x100u
#define CBLUE_SMALL_TALK_KIND	0xffu

struct _CblueSmallTalk {
	/* owned: compact UTF-8 → kind + 1 (a filler: 1) of a phrase, or'ed with
	 * CBLUE_SMALL_TALK_PREFIX for the beginnings of phrases, so that a cut stops at the
	 * first character no phrase goes on with (most questions: after one or two) */
	GHashTable *phrases;
};

static const gchar *const cblue_small_talk_names[] = {"filler", "greeting", "thanks", "goodbye", "human", "reaction"};

/* @text in compact form into @out (at most @max characters), and into @runs (nullable)
 * whether each character stands for a run of two or more; returns the number of characters,
 * or -1 if there are more */
static gint
cblue_small_talk_compact(const gchar *text, gunichar *out, gboolean *runs, guint max)
{
	guint n = 0;

	for (const gchar *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar ch;
		/* ASCII, most of most messages, without GLib's Unicode tables */
		if ((guchar)*p < 0x80) {
			if (!g_ascii_isalpha(*p))
				continue;
			ch = (gunichar)g_ascii_tolower(*p);
		} else {
			ch = g_utf8_get_char(p);
			if (!g_unichar_isalpha(ch) && !g_unichar_ismark(ch))
				continue;
			ch = g_unichar_tolower(ch);
		}
		if (n > 0 && out[n - 1] == ch) {
			if (runs != NULL)
				runs[n - 1] = TRUE;
			continue;
		}
		if (n == max)
			return -1;
		if (runs != NULL)
			runs[n] = FALSE;
		out[n++] = ch;
	}
	return (gint)n;
}

/* the UTF-8 of @n characters into @buf (room for 6 bytes a character and a NUL) */
static void
cblue_small_talk_utf8(const gunichar *chars, guint n, gchar *buf)
{
	gchar *p = buf;
	for (guint i = 0; i < n; i++)
		p += g_unichar_to_utf8(chars[i], p);
	*p = '\0';
}

const gchar *
cblue_small_talk_kind_to_string(CblueSmallTalkKind kind)
{
	if (kind <= CBLUE_SMALL_TALK_NONE || kind > CBLUE_SMALL_TALK_REACTION)
		return NULL;
	return cblue_small_talk_names[kind];
}

static void
cblue_small_talk_clear(gpointer data)
{
	CblueSmallTalk *self = data;
	g_clear_pointer(&self->phrases, g_hash_table_unref);
}

CblueSmallTalk *
cblue_small_talk_ref(CblueSmallTalk *self)
{
	return g_atomic_rc_box_acquire(self);
}

void
cblue_small_talk_unref(CblueSmallTalk *self)
{
	if (self != NULL)
		g_atomic_rc_box_release_full(self, cblue_small_talk_clear);
}

static gboolean
cblue_small_talk_add_list(CblueSmallTalk *self, JsonObject *phrases, guint kind, GError **error)
{
	const gchar *name = cblue_small_talk_names[kind];
	JsonNode *node = json_object_get_member(phrases, name);
	JsonArray *list;

	if (node == NULL)
		return TRUE;
	if (!JSON_NODE_HOLDS_ARRAY(node)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("small_talk.%s must be a list of phrases"),
			    name);
		return FALSE;
	}
	list = json_node_get_array(node);
	for (guint i = 0; i < json_array_get_length(list); i++) {
		JsonNode *element = json_array_get_element(list, i);
		gunichar chars[CBLUE_SMALL_TALK_MAX_CHARS];
		gchar key[CBLUE_SMALL_TALK_MAX_CHARS * 6 + 1];
		const gchar *phrase;
		gint n;

		if (!JSON_NODE_HOLDS_VALUE(element) || json_node_get_value_type(element) != G_TYPE_STRING ||
		    !g_utf8_validate(phrase = json_node_get_string(element), -1, NULL)) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("small_talk.%s[%u] must be a string"), name, i);
			return FALSE;
		}
		n = cblue_small_talk_compact(phrase, chars, NULL, G_N_ELEMENTS(chars));
		if (n <= 0) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("small_talk.%s[%u]: “%s” has no letters or is too long"), name, i, phrase);
			return FALSE;
		}
		for (gint len = 1; len <= n; len++) {
			guint value;
			cblue_small_talk_utf8(chars, (guint)len, key);
			value = GPOINTER_TO_UINT(g_hash_table_lookup(self->phrases, key));
			if (len < n)
				value |= CBLUE_SMALL_TALK_PREFIX;
			/* a phrase in two lists keeps the greater kind */
			else if ((value & CBLUE_SMALL_TALK_KIND) < kind + 1)
				value = (value & ~CBLUE_SMALL_TALK_KIND) | (kind + 1);
			g_hash_table_insert(self->phrases, g_strdup(key), GUINT_TO_POINTER(value));
		}
	}
	return TRUE;
}

/* @phrases: replies.json's `small_talk` object (lists `greeting`, `thanks`, `goodbye`,
 * `human`, `reaction`, `filler`) */
CblueSmallTalk *
cblue_small_talk_new(JsonObject *phrases, GError **error)
{
	g_autoptr(CblueSmallTalk) self = g_atomic_rc_box_new0(CblueSmallTalk);

	g_return_val_if_fail(phrases != NULL, NULL);

	self->phrases = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (guint kind = 0; kind < G_N_ELEMENTS(cblue_small_talk_names); kind++) {
		if (!cblue_small_talk_add_list(self, phrases, kind, error))
			return NULL;
	}
	return g_steal_pointer(&self);
}

/* The phrases that begin at @chars[@start] and follow the cut of the message's first @from
 * characters (@start is @from, or the run before it that the two phrases share): the cuts they
 * end, in @pieces and @kinds (see cblue_small_talk_classify()) */
static void
cblue_small_talk_cut_from(CblueSmallTalk *self, const gunichar *chars, gint n, gint from, gint start, guint *pieces,
			  gint *kinds)
{
	gchar key[CBLUE_SMALL_TALK_MAX_CHARS * 6 + 1];
	gchar *end = key;

	for (gint len = 1; start + len <= n; len++) {
		guint value;
		gint kind, to = start + len;
		/* the key grows by a character: encoded once */
		end += g_unichar_to_utf8(chars[to - 1], end);
		*end = '\0';
		value = GPOINTER_TO_UINT(g_hash_table_lookup(self->phrases, key));
		if (value == 0)
			break;
		if ((value & CBLUE_SMALL_TALK_KIND) == 0 || to <= from)
			continue;
		kind = MAX(kinds[from], (gint)(value & CBLUE_SMALL_TALK_KIND) - 1);
		if (kinds[to] < 0 || pieces[from] + 1 < pieces[to] ||
		    (pieces[from] + 1 == pieces[to] && kind > kinds[to])) {
			pieces[to] = pieces[from] + 1;
			kinds[to] = kind;
		}
	}
}

CblueSmallTalkKind
cblue_small_talk_classify(CblueSmallTalk *self, const gchar *text)
{
	gunichar chars[CBLUE_SMALL_TALK_MAX_CHARS];
	gboolean runs[CBLUE_SMALL_TALK_MAX_CHARS];
	/* for each prefix of the message: the fewest phrases that cut it, and the greatest
	 * kind of such a cut (-1: no cut) */
	guint pieces[CBLUE_SMALL_TALK_MAX_CHARS + 1];
	gint kinds[CBLUE_SMALL_TALK_MAX_CHARS + 1];
	gint n;

	if (self == NULL || g_hash_table_size(self->phrases) == 0 || strlen(text) > CBLUE_SMALL_TALK_MAX_CHARS * 8)
		return CBLUE_SMALL_TALK_NONE;
	n = cblue_small_talk_compact(text, chars, runs, G_N_ELEMENTS(chars));
	if (n <= 0)
		return CBLUE_SMALL_TALK_NONE;
	kinds[0] = CBLUE_SMALL_TALK_FILLER;
	pieces[0] = 0;
	for (gint i = 1; i <= n; i++)
		kinds[i] = -1;
	for (gint i = 0; i < n; i++) {
		if (kinds[i] < 0)
			continue;
		cblue_small_talk_cut_from(self, chars, n, i, i, pieces, kinds);
		if (i > 0 && runs[i - 1])
			cblue_small_talk_cut_from(self, chars, n, i, i - 1, pieces, kinds);
	}
	return kinds[n] > CBLUE_SMALL_TALK_FILLER ? (CblueSmallTalkKind)kinds[n] : CBLUE_SMALL_TALK_NONE;
}
