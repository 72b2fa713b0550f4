/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cblue-error.h"
#include "cblue-server-parse-private.h"

static gboolean
cblue_parse_is_string(JsonNode *value)
{
	return value != NULL && JSON_NODE_HOLDS_VALUE(value) && json_node_get_value_type(value) == G_TYPE_STRING;
}

/* the string member @name of @obj; NULL with an error naming what is wrong: the member
 * missing, or of another type */
static const gchar *
cblue_parse_required_string(JsonObject *obj, const gchar *name, GError **error)
{
	JsonNode *value = json_object_get_member(obj, name);

	if (value == NULL) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The field “%s” is missing."), name);
		return NULL;
	}
	if (!cblue_parse_is_string(value)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("“%s” must be a string."), name);
		return NULL;
	}
	return json_node_get_string(value);
}

/* the root object; NULL for any other root, and for none at all: json-glib parses a text of
 * only whitespace without error and without a root */
static JsonObject *
cblue_parse_root_object(JsonParser *parser)
{
	JsonNode *root = json_parser_get_root(parser);
	return root != NULL && JSON_NODE_HOLDS_OBJECT(root) ? json_node_get_object(root) : NULL;
}

/* the members both bodies may carry besides the text: "language" and "conversation_id",
 * strings or null; any other member is an error, so that a typo is not ignored */
static gboolean
cblue_parse_optional_members(JsonObject *obj, const gchar *text_member, const gchar *type_member,
			     CblueMessage *message, GError **error)
{
	JsonObjectIter iter;
	const gchar *name;
	JsonNode *value;

	json_object_iter_init(&iter, obj);
	while (json_object_iter_next(&iter, &name, &value)) {
		if (g_strcmp0(name, text_member) == 0 || g_strcmp0(name, type_member) == 0)
			continue;
		if (g_strcmp0(name, "conversation_id") != 0 && g_strcmp0(name, "language") != 0) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("Unknown field “%s”."), name);
			return FALSE;
		}
		if (JSON_NODE_HOLDS_NULL(value))
			continue;
		if (!cblue_parse_is_string(value)) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("“%s” must be a string."), name);
			return FALSE;
		}
		if (name[0] == 'c') {
			const gchar *id = json_node_get_string(value);
			if (strlen(id) == 0 || strlen(id) > 64) {
				g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
						    _("“conversation_id” must have 1 to 64 characters."));
				return FALSE;
			}
			cblue_message_set_conversation_id(message, id);
		} else {
			cblue_message_set_language(message, json_node_get_string(value));
		}
	}
	return TRUE;
}

/*
 * The strict parser of the hot path. json-glib costs about 24k instructions per chat body
 * (a JsonParser object, its scanner, a node per value, a hash table per object), a tenth
 * of a whole chat request; this one costs a few hundred. It accepts only what json-glib
 * accepts with the same result, and declines (returns %NULL, no error) everything else:
 * then json-glib parses the body, so that every refusal keeps its exact error and
 * anything unusual its exact meaning (tests/fuzz/fuzz_chat_request.c checks both parsers
 * against each other). It takes: JSON whitespace, one object whose members are the three
 * known ones at most once each, with keys written without escapes, and values that are
 * strings (or null for the optional two). Strings are valid UTF-8 without control bytes,
 * with the escapes of RFC 8259 except \u0000 and unpaired surrogates.
 */

typedef struct {
	const guchar *p;   /* unowned: the next byte */
	const guchar *end; /* unowned */
} CblueParseCursor;

static void
cblue_parse_skip_space(CblueParseCursor *cur)
{
	while (cur->p < cur->end && (*cur->p == ' ' || *cur->p == '\n' || *cur->p == '\r' || *cur->p == '\t'))
		cur->p++;
}

static gint
cblue_parse_hex4(const guchar *p)
{
	gint value = 0;
	for (guint i = 0; i < 4; i++) {
		gint digit = g_ascii_xdigit_value((gchar)p[i]);
		if (digit < 0)
			return -1;
		value = value * 16 + digit;
	}
	return value;
}

/* \uXXXX (and its low surrogate) at @cur->p, just after the backslash and the u; appends
 * the character to @out; FALSE for U+0000, a bad digit or a surrogate that is not a pair */
static gboolean
cblue_parse_unicode_escape(CblueParseCursor *cur, gchar **out)
{
	gint high, low;
	gunichar c;

	if (cur->end - cur->p < 4 || (high = cblue_parse_hex4(cur->p)) <= 0)
		return FALSE;
	cur->p += 4;
	c = (gunichar)high;
	if (high >= 0xDC00 && high <= 0xDFFF)
		return FALSE;
	if (high >= 0xD800 && high <= 0xDBFF) {
		if (cur->end - cur->p < 6 || cur->p[0] != '\\' || cur->p[1] != 'u' ||
		    (low = cblue_parse_hex4(cur->p + 2)) < 0xDC00 || low > 0xDFFF)
			return FALSE;
		cur->p += 6;
		c = 0x10000 + (((gunichar)high - 0xD800) << 10) + ((gunichar)low - 0xDC00);
	}
	*out += g_unichar_to_utf8(c, *out);
	return TRUE;
}

/* a string at @cur->p (its opening quote); the decoded text (valid UTF-8, no NUL) goes to
 * a new buffer in @text_out; FALSE to decline */
static gboolean
cblue_parse_string(CblueParseCursor *cur, gchar **text_out)
{
	const guchar *start = ++cur->p;
	const guchar *q = start;
	g_autofree gchar *text = NULL;
	gchar *out;

	/* the common case: no escape, the text is a slice of the body */
	while (q < cur->end && *q != '"' && *q != '\\' && *q >= 0x20)
		q++;
	if (q == cur->end || *q < 0x20)
		return FALSE;
	/* decoding never makes a string longer */
	text = g_malloc((gsize)(cur->end - start) + 1);
	memcpy(text, start, (gsize)(q - start));
	out = text + (q - start);
	cur->p = q;
	while (cur->p < cur->end && *cur->p != '"') {
		guchar c = *cur->p++;
		if (c < 0x20)
			return FALSE;
		if (c != '\\') {
			*out++ = (gchar)c;
			continue;
		}
		if (cur->p == cur->end)
			return FALSE;
		c = *cur->p++;
		switch (c) {
		case '"':
		case '\\':
		case '/':
			*out++ = (gchar)c;
			break;
		case 'b':
			*out++ = '\b';
			break;
		case 'f':
			*out++ = '\f';
			break;
		case 'n':
			*out++ = '\n';
			break;
		case 'r':
			*out++ = '\r';
			break;
		case 't':
			*out++ = '\t';
			break;
		case 'u':
			if (!cblue_parse_unicode_escape(cur, &out))
				return FALSE;
			break;
		default:
			return FALSE;
		}
	}
	if (cur->p == cur->end)
		return FALSE;
	cur->p++;
	*out = '\0';
	if (!g_utf8_validate_len(text, (gsize)(out - text), NULL))
		return FALSE;
	*text_out = g_steal_pointer(&text);
	return TRUE;
}

typedef enum {
	CBLUE_PARSE_MEMBER_MESSAGE,
	CBLUE_PARSE_MEMBER_CONVERSATION_ID,
	CBLUE_PARSE_MEMBER_LANGUAGE,
	CBLUE_PARSE_N_MEMBERS,
} CblueParseMember;

/* a key written without escapes, one of the three; -1 for anything else */
static gint
cblue_parse_key(CblueParseCursor *cur)
{
	static const gchar *const names[CBLUE_PARSE_N_MEMBERS] = {"message", "conversation_id", "language"};
	const guchar *start = cur->p + 1;
	const guchar *q = start;

	if (cur->p == cur->end || *cur->p != '"')
		return -1;
	while (q < cur->end && ((*q >= 'a' && *q <= 'z') || *q == '_'))
		q++;
	if (q == cur->end || *q != '"')
		return -1;
	for (gint i = 0; i < CBLUE_PARSE_N_MEMBERS; i++) {
		if ((gsize)(q - start) == strlen(names[i]) && memcmp(start, names[i], (gsize)(q - start)) == 0) {
			cur->p = q + 1;
			return i;
		}
	}
	return -1;
}

/* the members' values, in the order of CblueParseMember; owned, nullable */
typedef struct {
	gchar *values[CBLUE_PARSE_N_MEMBERS];
} CblueParseValues;

static void
cblue_parse_values_clear(CblueParseValues *values)
{
	for (guint i = 0; i < CBLUE_PARSE_N_MEMBERS; i++)
		g_free(values->values[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(CblueParseValues, cblue_parse_values_clear)

/* the object's members into @result; FALSE to decline */
static gboolean
cblue_parse_object(CblueParseCursor *cur, CblueParseValues *result)
{
	gchar **values = result->values;
	guint seen = 0;

	cblue_parse_skip_space(cur);
	if (cur->p == cur->end || *cur->p++ != '{')
		return FALSE;
	for (;;) {
		gint member;

		cblue_parse_skip_space(cur);
		member = cblue_parse_key(cur);
		if (member < 0 || (seen & (1u << member)) != 0)
			return FALSE;
		seen |= 1u << member;
		cblue_parse_skip_space(cur);
		if (cur->p == cur->end || *cur->p++ != ':')
			return FALSE;
		cblue_parse_skip_space(cur);
		if (cur->p == cur->end)
			return FALSE;
		if (*cur->p == '"') {
			if (!cblue_parse_string(cur, &values[member]))
				return FALSE;
		} else if (member != CBLUE_PARSE_MEMBER_MESSAGE && cur->end - cur->p >= 4 &&
			   memcmp(cur->p, "null", 4) == 0) {
			cur->p += 4;
		} else {
			return FALSE;
		}
		cblue_parse_skip_space(cur);
		if (cur->p == cur->end)
			return FALSE;
		if (*cur->p == '}')
			break;
		if (*cur->p++ != ',')
			return FALSE;
	}
	cur->p++;
	cblue_parse_skip_space(cur);
	return cur->p == cur->end;
}

/* the strict parser alone: %NULL when it declines the body (see above) */
CblueMessage *
cblue_server_parse_chat_strict(GBytes *body)
{
	gsize size = 0;
	const guchar *data = g_bytes_get_data(body, &size);
	CblueParseCursor cur = {data, data + size};
	g_auto(CblueParseValues) result = {{NULL}};
	gchar **values = result.values;
	CblueMessage *message;

	if (size == 0 || !cblue_parse_object(&cur, &result) || values[CBLUE_PARSE_MEMBER_MESSAGE] == NULL)
		return NULL;
	if (values[CBLUE_PARSE_MEMBER_CONVERSATION_ID] != NULL) {
		gsize len = strlen(values[CBLUE_PARSE_MEMBER_CONVERSATION_ID]);
		if (len == 0 || len > 64)
			return NULL;
	}
	message = cblue_message_new(values[CBLUE_PARSE_MEMBER_MESSAGE]);
	cblue_message_set_channel(message, "api");
	if (values[CBLUE_PARSE_MEMBER_CONVERSATION_ID] != NULL)
		cblue_message_set_conversation_id(message, values[CBLUE_PARSE_MEMBER_CONVERSATION_ID]);
	if (values[CBLUE_PARSE_MEMBER_LANGUAGE] != NULL)
		cblue_message_set_language(message, values[CBLUE_PARSE_MEMBER_LANGUAGE]);
	return message;
}

/* parses {"message", "conversation_id"?, "language"?}: the strict parser, else json-glib */
CblueMessage *
cblue_server_parse_chat(GBytes *body, GError **error)
{
	CblueMessage *message = cblue_server_parse_chat_strict(body);
	return message != NULL ? message : cblue_server_parse_chat_json(body, error);
}

/* the same with json-glib alone; unknown members are an error */
CblueMessage *
cblue_server_parse_chat_json(GBytes *body, GError **error)
{
	g_autoptr(JsonParser) parser = json_parser_new_immutable();
	g_autoptr(CblueMessage) message = NULL;
	JsonObject *obj;
	const gchar *text;
	gsize size = 0;
	const gchar *data = g_bytes_get_data(body, &size);

	if (size == 0) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The request body is empty."));
		return NULL;
	}
	if (!json_parser_load_from_data(parser, data, (gssize)size, error)) {
		cblue_error_convert(error);
		g_prefix_error(error, "%s ", _("The request body is not valid JSON:"));
		return NULL;
	}
	obj = cblue_parse_root_object(parser);
	if (obj == NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The request body must be a JSON object."));
		return NULL;
	}
	text = cblue_parse_required_string(obj, "message", error);
	if (text == NULL)
		return NULL;
	message = cblue_message_new(text);
	cblue_message_set_channel(message, "api");
	if (!cblue_parse_optional_members(obj, "message", NULL, message, error))
		return NULL;
	return g_steal_pointer(&message);
}

/* a WebSocket text frame: {"type":"message","text", "language"?, "conversation_id"?} or
 * {"type":"ping"}; sets @type_out, and @message_out for a message */
gboolean
cblue_server_parse_ws_frame(GBytes *bytes, gchar **type_out, CblueMessage **message_out, GError **error)
{
	g_autoptr(JsonParser) parser = json_parser_new_immutable();
	g_autoptr(CblueMessage) message = NULL;
	const gchar *type;
	JsonObject *obj;
	const gchar *text;
	gsize size = 0;
	const gchar *data = g_bytes_get_data(bytes, &size);

	/* an empty frame has no data at all, which json-glib takes for a programming error */
	if (size > 0 && !json_parser_load_from_data(parser, data, (gssize)size, error)) {
		cblue_error_convert(error);
		g_prefix_error(error, "%s ", _("The message is not valid JSON:"));
		return FALSE;
	}
	obj = size > 0 ? cblue_parse_root_object(parser) : NULL;
	if (obj == NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The message must be a JSON object."));
		return FALSE;
	}
	type = cblue_parse_required_string(obj, "type", error);
	if (type == NULL)
		return FALSE;
	if (g_strcmp0(type, "ping") == 0) {
		*type_out = g_strdup(type);
		return TRUE;
	}
	if (g_strcmp0(type, "message") != 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("Unknown message type “%s”."), type);
		return FALSE;
	}
	text = cblue_parse_required_string(obj, "text", error);
	if (text == NULL)
		return FALSE;
	message = cblue_message_new(text);
	cblue_message_set_channel(message, "web");
	if (!cblue_parse_optional_members(obj, "text", "type", message, error))
		return FALSE;
	*type_out = g_strdup(type);
	*message_out = g_steal_pointer(&message);
	return TRUE;
}
