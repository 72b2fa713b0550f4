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

/* parses {"message", "conversation_id"?, "language"?}; unknown members are an error */
CblueMessage *
cblue_server_parse_chat(GBytes *body, GError **error)
{
	g_autoptr(JsonParser) parser = json_parser_new_immutable();
	g_autoptr(CblueMessage) message = NULL;
	JsonObject *obj;
	JsonNode *value;
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
	value = json_object_get_member(obj, "message");
	if (!cblue_parse_is_string(value)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("“message” must be a string."));
		return NULL;
	}
	message = cblue_message_new(json_node_get_string(value));
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
	JsonNode *value;
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
	value = json_object_get_member(obj, "type");
	if (!cblue_parse_is_string(value)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("“type” must be a string."));
		return FALSE;
	}
	type = json_node_get_string(value);
	if (g_strcmp0(type, "ping") == 0) {
		*type_out = g_strdup(type);
		return TRUE;
	}
	if (g_strcmp0(type, "message") != 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("Unknown message type “%s”."), type);
		return FALSE;
	}
	value = json_object_get_member(obj, "text");
	if (!cblue_parse_is_string(value)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("“text” must be a string."));
		return FALSE;
	}
	message = cblue_message_new(json_node_get_string(value));
	cblue_message_set_channel(message, "web");
	if (!cblue_parse_optional_members(obj, "text", "type", message, error))
		return FALSE;
	*type_out = g_strdup(type);
	*message_out = g_steal_pointer(&message);
	return TRUE;
}
