/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cblue-server.h"

/*
 * CblueServer: the HTTP front of `cblue serve`: POST /api/v1/chat, GET /healthz and
 * GET /readyz on libsoup3. Messages go through the queue (in-process by default) to the
 * bot; the SoupServerMessage is paused meanwhile, so the loop never waits for an answer.
 */
struct _CblueServer {
	GObject parent_instance;
	CblueBot *bot; /* owned */
	SoupServer *soup; /* owned */
	guint port;
	gsize max_body;
};

G_DEFINE_TYPE(CblueServer, cblue_server, G_TYPE_OBJECT)

#define CBLUE_SERVER_DEFAULT_MAX_BODY (64 * 1024)

static void
cblue_server_finalize(GObject *object)
{
	CblueServer *self = CBLUE_SERVER(object);
	g_clear_object(&self->soup);
	g_clear_object(&self->bot);
	G_OBJECT_CLASS(cblue_server_parent_class)->finalize(object);
}

static void
cblue_server_class_init(CblueServerClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_server_finalize;
}

static void
cblue_server_init(CblueServer *self)
{
}

static void
cblue_server_set_json(SoupServerMessage *msg, guint status, const gchar *json)
{
	SoupMessageHeaders *headers = soup_server_message_get_response_headers(msg);
	soup_message_headers_replace(headers, "X-Content-Type-Options", "nosniff");
	soup_message_headers_replace(headers, "Cache-Control", "no-store");
	soup_server_message_set_status(msg, status, NULL);
	soup_server_message_set_response(msg, "application/json; charset=utf-8", SOUP_MEMORY_COPY, json,
					 strlen(json));
}

static void
cblue_server_set_error(SoupServerMessage *msg, const GError *error)
{
	g_autofree gchar *json = cblue_error_to_json(error);
	cblue_server_set_json(msg, cblue_error_to_http_status(error), json);
}

static void
cblue_server_set_error_literal(SoupServerMessage *msg, CblueError code, const gchar *message)
{
	g_autoptr(GError) error = g_error_new_literal(CBLUE_ERROR, code, message);
	cblue_server_set_error(msg, error);
}

typedef struct {
	CblueServer *server; /* owned */
	SoupServerMessage *msg; /* owned */
	CblueMessage *message; /* owned */
	GCancellable *cancellable; /* owned */
	gulong disconnect_id;
} CblueChatRequest;

static void
cblue_chat_request_free(CblueChatRequest *req)
{
	g_clear_signal_handler(&req->disconnect_id, req->msg);
	g_object_unref(req->server);
	g_object_unref(req->msg);
	g_object_unref(req->message);
	g_object_unref(req->cancellable);
	g_free(req);
}

static void
cblue_server_chat_done(CblueChatRequest *req, CblueChatReply *reply, const GError *error)
{
	if (g_cancellable_is_cancelled(req->cancellable)) {
		cblue_chat_request_free(req);
		return;
	}
	if (reply == NULL) {
		cblue_server_set_error(req->msg, error);
	} else {
		g_autofree gchar *json = cblue_chat_reply_to_string(reply);
		cblue_server_set_json(req->msg, SOUP_STATUS_OK, json);
	}
	soup_server_message_unpause(req->msg);
	cblue_chat_request_free(req);
}

static void
cblue_server_queue_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	CblueChatRequest *req = user_data;
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueChatReply) reply = cblue_queue_submit_finish(CBLUE_QUEUE(source), res, &error);
	cblue_server_chat_done(req, reply, error);
}

static void
cblue_server_bot_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	CblueChatRequest *req = user_data;
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueChatReply) reply = cblue_bot_ask_finish(CBLUE_BOT(source), res, &error);
	cblue_server_chat_done(req, reply, error);
}

static void
cblue_server_client_gone_cb(SoupServerMessage *msg, gpointer user_data)
{
	CblueChatRequest *req = user_data;
	g_cancellable_cancel(req->cancellable);
}

/* parses {"message", "conversation_id"?, "language"?}; unknown members are an error */
static CblueMessage *
cblue_server_parse_chat(GBytes *body, GError **error)
{
	g_autoptr(JsonParser) parser = json_parser_new_immutable();
	g_autoptr(CblueMessage) message = NULL;
	JsonObject *obj;
	JsonObjectIter iter;
	const gchar *name;
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
	if (!JSON_NODE_HOLDS_OBJECT(json_parser_get_root(parser))) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The request body must be a JSON object."));
		return NULL;
	}
	obj = json_node_get_object(json_parser_get_root(parser));
	value = json_object_get_member(obj, "message");
	if (value == NULL || !JSON_NODE_HOLDS_VALUE(value) || json_node_get_value_type(value) != G_TYPE_STRING) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("“message” must be a string."));
		return NULL;
	}
	message = cblue_message_new(json_node_get_string(value));
	cblue_message_set_channel(message, "api");
	json_object_iter_init(&iter, obj);
	while (json_object_iter_next(&iter, &name, &value)) {
		if (g_strcmp0(name, "message") == 0)
			continue;
		if (g_strcmp0(name, "conversation_id") != 0 && g_strcmp0(name, "language") != 0) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("Unknown field “%s”."), name);
			return NULL;
		}
		if (JSON_NODE_HOLDS_NULL(value))
			continue;
		if (!JSON_NODE_HOLDS_VALUE(value) || json_node_get_value_type(value) != G_TYPE_STRING) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("“%s” must be a string."), name);
			return NULL;
		}
		if (name[0] == 'c') {
			const gchar *id = json_node_get_string(value);
			if (strlen(id) == 0 || strlen(id) > 64) {
				g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
						    _("“conversation_id” must have 1 to 64 characters."));
				return NULL;
			}
			cblue_message_set_conversation_id(message, id);
		} else {
			cblue_message_set_language(message, json_node_get_string(value));
		}
	}
	return g_steal_pointer(&message);
}

static void
cblue_server_handle_chat(SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
			 gpointer user_data)
{
	CblueServer *self = CBLUE_SERVER(user_data);
	SoupMessageBody *body = soup_server_message_get_request_body(msg);
	g_autoptr(GBytes) bytes = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueMessage) message = NULL;
	CblueChatRequest *req;
	CblueQueue *queue;

	if (g_strcmp0(soup_server_message_get_method(msg), "POST") != 0) {
		soup_message_headers_replace(soup_server_message_get_response_headers(msg), "Allow", "POST");
		cblue_server_set_json(msg, SOUP_STATUS_METHOD_NOT_ALLOWED,
				      "{\"error\":{\"code\":\"method_not_allowed\",\"message\":\"Use POST.\"}}");
		return;
	}
	if ((gsize)body->length > self->max_body) {
		cblue_server_set_error_literal(msg, CBLUE_ERROR_TOO_LARGE, _("The request body is too large."));
		return;
	}
	bytes = soup_message_body_flatten(body);
	message = cblue_server_parse_chat(bytes, &error);
	if (message == NULL) {
		cblue_server_set_error(msg, error);
		return;
	}
	req = g_new0(CblueChatRequest, 1);
	req->server = g_object_ref(self);
	req->msg = g_object_ref(msg);
	req->message = g_object_ref(message);
	req->cancellable = g_cancellable_new();
	req->disconnect_id = g_signal_connect(msg, "disconnected", G_CALLBACK(cblue_server_client_gone_cb), req);
	soup_server_message_pause(msg);
	queue = cblue_context_get_extension(cblue_bot_get_context(self->bot), CBLUE_TYPE_QUEUE);
	if (queue != NULL)
		cblue_queue_submit_async(queue, message, req->cancellable, cblue_server_queue_cb, req);
	else
		cblue_bot_ask_async(self->bot, message, req->cancellable, cblue_server_bot_cb, req);
}

static void
cblue_server_handle_health(SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
			   gpointer user_data)
{
	CblueServer *self = CBLUE_SERVER(user_data);
	const gchar *method = soup_server_message_get_method(msg);

	if (g_strcmp0(method, "GET") != 0 && g_strcmp0(method, "HEAD") != 0) {
		soup_message_headers_replace(soup_server_message_get_response_headers(msg), "Allow", "GET, HEAD");
		cblue_server_set_json(msg, SOUP_STATUS_METHOD_NOT_ALLOWED,
				      "{\"error\":{\"code\":\"method_not_allowed\",\"message\":\"Use GET.\"}}");
		return;
	}
	if (g_strcmp0(path, "/readyz") == 0) {
		CblueStore *store = cblue_context_get_extension(cblue_bot_get_context(self->bot), CBLUE_TYPE_STORE);
		g_autoptr(GError) error = NULL;
		g_autoptr(CblueKb) kb = cblue_bot_get_kb(self->bot);
		if (store != NULL && !cblue_store_check(store, &error)) {
			g_autofree gchar *json = cblue_error_to_json(error);
			cblue_server_set_json(msg, SOUP_STATUS_SERVICE_UNAVAILABLE, json);
			return;
		}
		if (cblue_kb_get_size(kb) == 0) {
			cblue_server_set_error_literal(msg, CBLUE_ERROR_NOT_REACHABLE, _("The knowledge base is empty."));
			return;
		}
		cblue_server_set_json(msg, SOUP_STATUS_OK, "{\"status\":\"ready\"}");
		return;
	}
	cblue_server_set_json(msg, SOUP_STATUS_OK, "{\"status\":\"ok\"}");
}

static void
cblue_server_handle_default(SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
			    gpointer user_data)
{
	cblue_server_set_error_literal(msg, CBLUE_ERROR_NOT_FOUND, _("No such resource."));
}

CblueServer *
cblue_server_new(CblueBot *bot)
{
	CblueServer *self = g_object_new(CBLUE_TYPE_SERVER, NULL);
	CblueConfig *config = cblue_context_get_config(cblue_bot_get_context(bot));
	self->bot = g_object_ref(bot);
	self->max_body = (gsize)CLAMP(cblue_config_get_int(config, "server", "max_body_bytes", CBLUE_SERVER_DEFAULT_MAX_BODY),
				      1024, 64 * 1024 * 1024);
	self->soup = soup_server_new("server-header", "cblue", NULL);
	soup_server_add_handler(self->soup, "/api/v1/chat", cblue_server_handle_chat, self, NULL);
	soup_server_add_handler(self->soup, "/healthz", cblue_server_handle_health, self, NULL);
	soup_server_add_handler(self->soup, "/readyz", cblue_server_handle_health, self, NULL);
	soup_server_add_handler(self->soup, NULL, cblue_server_handle_default, self, NULL);
	return self;
}

gboolean
cblue_server_listen(CblueServer *self, const gchar *address, guint port, GError **error)
{
	g_autoptr(GInetAddress) inet = g_inet_address_new_from_string(address);
	g_autoptr(GSocketAddress) sockaddr = NULL;
	GSList *uris;

	if (inet == NULL) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("invalid listen address “%s”"), address);
		return FALSE;
	}
	sockaddr = g_inet_socket_address_new(inet, (guint16)port);
	if (!soup_server_listen(self->soup, sockaddr, 0, error)) {
		cblue_error_convert(error);
		return FALSE;
	}
	uris = soup_server_get_uris(self->soup);
	if (uris != NULL)
		self->port = (guint)g_uri_get_port(uris->data);
	g_slist_free_full(uris, (GDestroyNotify)g_uri_unref);
	return TRUE;
}

guint
cblue_server_get_port(CblueServer *self)
{
	return self->port;
}

void
cblue_server_disconnect(CblueServer *self)
{
	soup_server_disconnect(self->soup);
}
