/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cblue-admin-crypto-private.h"
#include "cblue-admin.h"
#include "cblue-context.h"
#include "cblue-error.h"
#include "cblue-json-private.h"
#include "cblue-queue.h"

/*
 * CblueAdmin: the request framework of the admin API (`/admin/api/v1/…`, see
 * docs/admin-api.md).
 *
 * A listener thread only copies what a request carries (method, path, query, the
 * headers that matter, the body), pauses the message and pushes the request to a small
 * pool of worker threads of our own: authentication, the store and the route handlers
 * (which may take a second to publish a KB, or a tenth to hash a password) never run on
 * a listener. When the handler has replied, the response is handed back to the
 * listener's main context, which sets it and unpauses the message.
 *
 * Authentication: a session cookie (plus the session's CSRF token in `X-CSRF-Token` on
 * every state-changing request) or `Authorization: Bearer <token>`. Sessions and tokens
 * live in the store, hashed (SHA-256 of 256 random bits); passwords are Argon2id.
 * Logins are throttled per account and per client address with a lockout that doubles
 * with each further failure.
 */

#define CBLUE_ADMIN_DEFAULT_MAX_BODY	     (16 * 1024 * 1024)
#define CBLUE_ADMIN_DEFAULT_THREADS	     4
#define CBLUE_ADMIN_DEFAULT_SESSION_IDLE     (30 * 60)	    /* s */
#define CBLUE_ADMIN_DEFAULT_SESSION_LIFETIME (12 * 60 * 60) /* s */
#define CBLUE_ADMIN_DEFAULT_MAX_FAILURES     5		    /* per account, before a lockout */
#define CBLUE_ADMIN_DEFAULT_IP_MAX_FAILURES  20		    /* per client address */
#define CBLUE_ADMIN_DEFAULT_LOCKOUT	     30		    /* s, the first lockout; doubles after */
#define CBLUE_ADMIN_MAX_LOCKOUT		     (60 * 60)	    /* s */
#define CBLUE_ADMIN_FAILURE_WINDOW	     (15 * 60)	    /* s without a failure: forgotten */
#define CBLUE_ADMIN_MAX_TRACKED		     10000	    /* login failure records kept */

typedef struct {
	guint failures;
	gint64 last_failure; /* monotonic s */
	gint64 locked_until; /* monotonic s */
} CblueLoginRecord;

struct _CblueAdmin {
	GObject parent_instance;
	CblueBot *bot;	 /* owned */
	CblueStore *store; /* owned */
	gboolean tls;
	gsize max_body;
	gint64 session_idle;
	gint64 session_lifetime;
	guint max_failures;
	guint ip_max_failures;
	gint64 lockout;
	GThreadPool *pool; /* owned */
	GMutex login_mutex;
	GHashTable *login_records; /* owned, under login_mutex: "u:NAME" or "ip:ADDR" → CblueLoginRecord */
	GMutex publish_mutex;
	gint kb_generation; /* atomic */
	CblueAdminKbState *kb_state; /* owned */
};

G_DEFINE_TYPE(CblueAdmin, cblue_admin, G_TYPE_OBJECT)

struct _CblueAdminRequest {
	CblueAdmin *admin;	/* owned */
	SoupServerMessage *msg; /* owned */
	GMainContext *context;	/* owned: the listener's */
	gchar *method;
	gchar *path; /* relative to the prefix */
	gchar *client_ip;
	GHashTable *query;  /* owned: name → value */
	GHashTable *params; /* owned: name → value */
	GBytes *body;	    /* owned */
	JsonNode *body_json; /* owned, nullable until parsed */
	gchar *session_cookie;
	gchar *csrf_header;
	gchar *authorization;
	/* who */
	gchar *user;
	CblueRole role;
	gchar *csrf_token; /* of the session */
	/* the response */
	gboolean replied;
	guint status;
	gchar *content_type;
	GBytes *response;
	GPtrArray *headers; /* owned: name, value, name, value… */
};

static void
cblue_admin_request_free(CblueAdminRequest *req)
{
	g_clear_object(&req->admin);
	g_clear_object(&req->msg);
	g_clear_pointer(&req->context, g_main_context_unref);
	g_free(req->method);
	g_free(req->path);
	g_free(req->client_ip);
	g_clear_pointer(&req->query, g_hash_table_unref);
	g_clear_pointer(&req->params, g_hash_table_unref);
	g_clear_pointer(&req->body, g_bytes_unref);
	g_clear_pointer(&req->body_json, json_node_unref);
	g_free(req->session_cookie);
	g_free(req->csrf_header);
	if (req->authorization != NULL) {
		memset(req->authorization, 0, strlen(req->authorization));
		g_free(req->authorization);
	}
	g_free(req->user);
	g_free(req->csrf_token);
	g_free(req->content_type);
	g_clear_pointer(&req->response, g_bytes_unref);
	g_clear_pointer(&req->headers, g_ptr_array_unref);
	g_free(req);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueAdminRequest, cblue_admin_request_free)

/* roles */

CblueRole
cblue_role_from_string(const gchar *name)
{
	if (g_strcmp0(name, "admin") == 0)
		return CBLUE_ROLE_ADMIN;
	if (g_strcmp0(name, "editor") == 0)
		return CBLUE_ROLE_EDITOR;
	if (g_strcmp0(name, "viewer") == 0)
		return CBLUE_ROLE_VIEWER;
	return CBLUE_ROLE_NONE;
}

const gchar *
cblue_role_to_string(CblueRole role)
{
	switch (role) {
	case CBLUE_ROLE_ADMIN:
		return "admin";
	case CBLUE_ROLE_EDITOR:
		return "editor";
	case CBLUE_ROLE_VIEWER:
		return "viewer";
	case CBLUE_ROLE_NONE:
	default:
		return NULL;
	}
}

/* accessors */

CblueBot *
cblue_admin_request_get_bot(CblueAdminRequest *req)
{
	return req->admin->bot;
}

CblueStore *
cblue_admin_request_get_store(CblueAdminRequest *req)
{
	return req->admin->store;
}

CblueConfig *
cblue_admin_request_get_config(CblueAdminRequest *req)
{
	return cblue_context_get_config(cblue_bot_get_context(req->admin->bot));
}

CblueAdmin *
cblue_admin_request_get_admin(CblueAdminRequest *req)
{
	return req->admin;
}

const gchar *
cblue_admin_request_get_method(CblueAdminRequest *req)
{
	return req->method;
}

const gchar *
cblue_admin_request_get_param(CblueAdminRequest *req, const gchar *name)
{
	return req->params != NULL ? g_hash_table_lookup(req->params, name) : NULL;
}

const gchar *
cblue_admin_request_get_query(CblueAdminRequest *req, const gchar *name)
{
	return g_hash_table_lookup(req->query, name);
}

GBytes *
cblue_admin_request_get_body(CblueAdminRequest *req)
{
	return req->body;
}

JsonNode *
cblue_admin_request_get_body_json(CblueAdminRequest *req, GError **error)
{
	g_autoptr(JsonParser) parser = NULL;
	g_autoptr(GError) error_local = NULL;
	gsize size = 0;
	const gchar *data = g_bytes_get_data(req->body, &size);

	if (req->body_json != NULL)
		return req->body_json;
	if (size == 0) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The request body is empty."));
		return NULL;
	}
	if (!g_utf8_validate(data, (gssize)size, NULL)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The request body is not UTF-8."));
		return NULL;
	}
	parser = json_parser_new_immutable();
	if (!json_parser_load_from_data(parser, data, (gssize)size, &error_local)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The request body is not valid JSON: %s"),
			    error_local->message);
		return NULL;
	}
	req->body_json = json_parser_steal_root(parser);
	if (req->body_json == NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The request body is empty."));
		return NULL;
	}
	return req->body_json;
}

const gchar *
cblue_admin_request_get_user(CblueAdminRequest *req)
{
	return req->user;
}

CblueRole
cblue_admin_request_get_role(CblueAdminRequest *req)
{
	return req->role;
}

const gchar *
cblue_admin_request_get_client_ip(CblueAdminRequest *req)
{
	return req->client_ip;
}

const gchar *
cblue_admin_request_get_session_cookie(CblueAdminRequest *req)
{
	return req->session_cookie;
}

const gchar *
cblue_admin_request_get_csrf_token(CblueAdminRequest *req)
{
	return req->csrf_token;
}

void
cblue_admin_request_add_header(CblueAdminRequest *req, const gchar *name, const gchar *value)
{
	g_ptr_array_add(req->headers, g_strdup(name));
	g_ptr_array_add(req->headers, g_strdup(value));
}

/* replies: recorded here, sent from the listener's context once the handler returns */

static void
cblue_admin_request_set_response(CblueAdminRequest *req, guint status, const gchar *content_type, GBytes *bytes)
{
	if (req->replied) {
		g_warning("admin %s %s: replied twice", req->method, req->path);
		return;
	}
	req->replied = TRUE;
	req->status = status;
	req->content_type = g_strdup(content_type);
	req->response = bytes != NULL ? g_bytes_ref(bytes) : NULL;
}

void
cblue_admin_request_reply_json(CblueAdminRequest *req, guint status, const gchar *json)
{
	g_autoptr(GBytes) bytes = g_bytes_new(json, strlen(json));
	cblue_admin_request_set_response(req, status, "application/json", bytes);
}

void
cblue_admin_request_reply_node(CblueAdminRequest *req, guint status, JsonNode *node)
{
	g_autofree gchar *json = json_to_string(node, FALSE);
	cblue_admin_request_reply_json(req, status, json);
}

void
cblue_admin_request_reply_no_content(CblueAdminRequest *req)
{
	cblue_admin_request_set_response(req, SOUP_STATUS_NO_CONTENT, NULL, NULL);
}

void
cblue_admin_request_reply_bytes(CblueAdminRequest *req, guint status, const gchar *content_type,
				const gchar *filename, GBytes *bytes)
{
	if (filename != NULL) {
		/* the name is ours (e.g. kb-v3.csv), never user input; quoted all the same */
		g_autofree gchar *disposition = g_strdup_printf("attachment; filename=\"%s\"", filename);
		cblue_admin_request_add_header(req, "Content-Disposition", disposition);
	}
	cblue_admin_request_set_response(req, status, content_type, bytes);
}

void
cblue_admin_request_reply_error_code(CblueAdminRequest *req, guint status, const gchar *code,
				     const gchar *message, JsonObject *extra)
{
	g_autoptr(JsonObject) root = json_object_new();
	JsonObject *error = json_object_new();
	g_autoptr(JsonNode) node = json_node_new(JSON_NODE_OBJECT);

	json_object_set_string_member(error, "code", code);
	json_object_set_string_member(error, "message", message);
	json_object_set_object_member(root, "error", error);
	if (extra != NULL) {
		g_autoptr(GList) members = json_object_get_members(extra);
		for (GList *l = members; l != NULL; l = l->next)
			json_object_set_member(root, l->data, json_node_copy(json_object_get_member(extra, l->data)));
	}
	json_node_set_object(node, root);
	cblue_admin_request_reply_node(req, status, node);
}

void
cblue_admin_request_reply_invalid(CblueAdminRequest *req, const gchar *message)
{
	cblue_admin_request_reply_error_code(req, SOUP_STATUS_BAD_REQUEST, "invalid_data", message, NULL);
}

void
cblue_admin_request_reply_object(CblueAdminRequest *req, guint status, JsonObject *obj)
{
	g_autoptr(JsonNode) node = json_node_new(JSON_NODE_OBJECT);
	json_node_take_object(node, obj);
	cblue_admin_request_reply_node(req, status, node);
}

void
cblue_admin_request_reply_list(CblueAdminRequest *req, const gchar *member, JsonNode *list, const GError *error)
{
	JsonObject *obj;

	if (list == NULL) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	obj = json_object_new();
	json_object_set_member(obj, member, list);
	cblue_admin_request_reply_object(req, SOUP_STATUS_OK, obj);
}

void
cblue_admin_request_reply_error(CblueAdminRequest *req, const GError *error)
{
	guint status = cblue_error_to_http_status(error);
	g_autofree gchar *json = NULL;

	if (status >= 500)
		g_warning("admin %s %s: %s", req->method, req->path, error->message);
	if (status == 429)
		cblue_admin_request_add_header(req, "Retry-After", "1");
	json = cblue_error_to_json(error);
	cblue_admin_request_reply_json(req, status, json);
}

void
cblue_admin_request_audit(CblueAdminRequest *req, const gchar *action, const gchar *target, const gchar *detail)
{
	g_autoptr(GError) error = NULL;
	if (!cblue_store_audit_append(req->admin->store, req->user, action, target, detail, &error))
		g_warning("cannot write the audit log (%s): %s", action, error->message);
}

/* routing */

static const CblueAdminRoute *const cblue_admin_tables[] = {
    cblue_admin_auth_routes,
    cblue_admin_kb_routes,
    cblue_admin_analytics_routes,
};

/* matches a path against a pattern; fills @params with the "{name}" segments */
static gboolean
cblue_admin_match(const gchar *pattern, gchar **segments, GHashTable *params)
{
	g_auto(GStrv) parts = g_strsplit(pattern, "/", -1);
	guint n = g_strv_length(parts);

	if (n != g_strv_length(segments))
		return FALSE;
	for (guint i = 0; i < n; i++) {
		gsize len = strlen(parts[i]);
		if (len > 2 && parts[i][0] == '{' && parts[i][len - 1] == '}') {
			if (segments[i][0] == '\0')
				return FALSE;
			continue;
		}
		if (g_strcmp0(parts[i], segments[i]) != 0)
			return FALSE;
	}
	for (guint i = 0; i < n; i++) {
		gsize len = strlen(parts[i]);
		if (len > 2 && parts[i][0] == '{' && parts[i][len - 1] == '}')
			g_hash_table_insert(params, g_strndup(parts[i] + 1, len - 2), g_strdup(segments[i]));
	}
	return TRUE;
}

/* the route for the request, or NULL with *status 404 or 405 */
static const CblueAdminRoute *
cblue_admin_find_route(CblueAdminRequest *req, guint *status)
{
	g_auto(GStrv) raw = g_strsplit(req->path, "/", -1);
	g_autoptr(GStrvBuilder) builder = g_strv_builder_new();
	g_auto(GStrv) segments = NULL;
	gboolean path_matched = FALSE;

	/* segments are compared decoded */
	for (guint i = 0; raw[i] != NULL; i++) {
		g_autofree gchar *decoded = g_uri_unescape_string(raw[i], NULL);
		if (decoded == NULL || !g_utf8_validate(decoded, -1, NULL)) {
			*status = SOUP_STATUS_NOT_FOUND;
			return NULL;
		}
		g_strv_builder_add(builder, decoded);
	}
	segments = g_strv_builder_end(builder);
	for (guint t = 0; t < G_N_ELEMENTS(cblue_admin_tables); t++) {
		for (const CblueAdminRoute *route = cblue_admin_tables[t]; route->method != NULL; route++) {
			g_autoptr(GHashTable) params = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
			if (!cblue_admin_match(route->pattern, segments, params))
				continue;
			path_matched = TRUE;
			if (g_strcmp0(route->method, req->method) != 0 &&
			    !(g_strcmp0(req->method, "HEAD") == 0 && g_strcmp0(route->method, "GET") == 0))
				continue;
			req->params = g_steal_pointer(&params);
			return route;
		}
	}
	*status = path_matched ? SOUP_STATUS_METHOD_NOT_ALLOWED : SOUP_STATUS_NOT_FOUND;
	return NULL;
}

static gboolean
cblue_admin_method_changes_state(const gchar *method)
{
	return g_strcmp0(method, "GET") != 0 && g_strcmp0(method, "HEAD") != 0 && g_strcmp0(method, "OPTIONS") != 0;
}

/* who is asking: a bearer token, else a session cookie; FALSE (and replied) if the
 * credentials are missing or wrong */
static gboolean
cblue_admin_authenticate(CblueAdminRequest *req)
{
	CblueStore *store = req->admin->store;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) who = NULL;
	JsonObject *obj;

	if (req->authorization != NULL) {
		g_autofree gchar *hash = NULL;
		if (g_ascii_strncasecmp(req->authorization, "Bearer ", 7) != 0) {
			cblue_admin_request_reply_error_code(req, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
							     _("Use “Authorization: Bearer TOKEN”."), NULL);
			return FALSE;
		}
		hash = cblue_admin_sha256_hex(g_strstrip(req->authorization + 7));
		who = cblue_store_token_get(store, hash, &error);
	} else if (req->session_cookie != NULL) {
		g_autofree gchar *hash = cblue_admin_sha256_hex(req->session_cookie);
		who = cblue_store_session_get(store, hash, req->admin->session_idle, &error);
	} else {
		cblue_admin_request_reply_error_code(req, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
						     _("Please log in."), NULL);
		return FALSE;
	}
	if (who == NULL) {
		if (g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_AUTH_FAILED))
			cblue_admin_request_reply_error_code(req, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
							     error->message, NULL);
		else
			cblue_admin_request_reply_error(req, error);
		return FALSE;
	}
	obj = json_node_get_object(who);
	req->user = g_strdup(json_object_get_string_member(obj, "user"));
	req->role = cblue_role_from_string(json_object_get_string_member(obj, "role"));
	if (json_object_has_member(obj, "csrf_token"))
		req->csrf_token = g_strdup(json_object_get_string_member(obj, "csrf_token"));
	return TRUE;
}

static void
cblue_admin_dispatch(CblueAdminRequest *req)
{
	const CblueAdminRoute *route;
	guint status = 0;

	route = cblue_admin_find_route(req, &status);
	if (route == NULL) {
		if (status == SOUP_STATUS_METHOD_NOT_ALLOWED)
			cblue_admin_request_reply_error_code(req, status, "method_not_allowed",
							     _("This method is not allowed here."), NULL);
		else
			cblue_admin_request_reply_error_code(req, status, "not_found", _("No such resource."), NULL);
		return;
	}
	if (route->min_role != CBLUE_ROLE_NONE) {
		if (!cblue_admin_authenticate(req))
			return;
		/* a session's state-changing request must prove it comes from our page */
		if (req->csrf_token != NULL && cblue_admin_method_changes_state(req->method) &&
		    !cblue_admin_secret_equal(req->csrf_header, req->csrf_token)) {
			cblue_admin_request_reply_error_code(req, SOUP_STATUS_FORBIDDEN, "csrf",
							     _("The CSRF token is missing or wrong; reload the page."),
							     NULL);
			return;
		}
		if (req->role < route->min_role) {
			cblue_admin_request_reply_error_code(req, SOUP_STATUS_FORBIDDEN, "forbidden",
							     _("Your role does not allow this."), NULL);
			return;
		}
	}
	route->handler(req);
}

/* the listener side */

static gboolean
cblue_admin_send_cb(gpointer data)
{
	g_autoptr(CblueAdminRequest) req = data;
	SoupMessageHeaders *headers = soup_server_message_get_response_headers(req->msg);

	soup_message_headers_replace(headers, "Cache-Control", "no-store");
	for (guint i = 0; i + 1 < req->headers->len; i += 2)
		soup_message_headers_append(headers, g_ptr_array_index(req->headers, i),
					    g_ptr_array_index(req->headers, i + 1));
	soup_server_message_set_status(req->msg, req->status, NULL);
	if (req->response != NULL) {
		gsize size = 0;
		gconstpointer body = g_bytes_get_data(req->response, &size);
		g_autofree gchar *content_type = g_str_has_prefix(req->content_type, "application/json")
						     ? g_strdup("application/json; charset=utf-8")
						     : g_strdup(req->content_type);
		soup_server_message_set_response(req->msg, content_type, SOUP_MEMORY_COPY, body, size);
	}
	soup_server_message_unpause(req->msg);
	return G_SOURCE_REMOVE;
}

static void
cblue_admin_pool_func(gpointer data, gpointer user_data)
{
	CblueAdminRequest *req = data;

	cblue_admin_dispatch(req);
	if (!req->replied) {
		g_warning("admin %s %s: the handler did not reply", req->method, req->path);
		cblue_admin_request_reply_error_code(req, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
						     _("Internal error."), NULL);
	}
	g_main_context_invoke_full(req->context, G_PRIORITY_DEFAULT, cblue_admin_send_cb, req, NULL);
}

static gchar *
cblue_admin_cookie_value(const gchar *cookie_header, const gchar *name)
{
	g_auto(GStrv) parts = NULL;
	gsize name_len = strlen(name);

	if (cookie_header == NULL)
		return NULL;
	parts = g_strsplit(cookie_header, ";", -1);
	for (guint i = 0; parts[i] != NULL; i++) {
		const gchar *part = g_strstrip(parts[i]);
		if (strncmp(part, name, name_len) == 0 && part[name_len] == '=' && part[name_len + 1] != '\0')
			return g_strdup(part + name_len + 1);
	}
	return NULL;
}

static GQuark
cblue_admin_client_ip_quark(void)
{
	return g_quark_from_static_string("cblue-admin-client-ip");
}

static void
cblue_admin_handle(SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
		   gpointer user_data)
{
	CblueAdmin *self = user_data;
	SoupMessageHeaders *headers = soup_server_message_get_request_headers(msg);
	CblueAdminRequest *req = g_new0(CblueAdminRequest, 1);
	const gchar *client_ip = g_object_get_qdata(G_OBJECT(msg), cblue_admin_client_ip_quark());
	GHashTableIter iter;
	gpointer key, value;

	req->admin = g_object_ref(self);
	req->msg = g_object_ref(msg);
	req->context = g_main_context_ref_thread_default();
	req->method = g_strdup(soup_server_message_get_method(msg));
	req->path = g_strdup(path + strlen(CBLUE_ADMIN_API_PREFIX));
	if (req->path[0] == '\0') {
		g_free(req->path);
		req->path = g_strdup("/");
	}
	req->client_ip = g_strdup(client_ip != NULL ? client_ip : "unknown");
	req->query = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	if (query != NULL) {
		g_hash_table_iter_init(&iter, query);
		while (g_hash_table_iter_next(&iter, &key, &value))
			g_hash_table_insert(req->query, g_strdup(key), g_strdup(value));
	}
	req->body = soup_message_body_flatten(soup_server_message_get_request_body(msg));
	req->session_cookie = cblue_admin_cookie_value(soup_message_headers_get_one(headers, "Cookie"), "cblue_session");
	req->csrf_header = g_strdup(soup_message_headers_get_one(headers, "X-CSRF-Token"));
	req->authorization = g_strdup(soup_message_headers_get_one(headers, "Authorization"));
	req->headers = g_ptr_array_new_with_free_func(g_free);
	soup_server_message_pause(msg);
	g_thread_pool_push(self->pool, req, NULL);
}

gboolean
cblue_admin_is_api_path(const gchar *path)
{
	return path != NULL && g_str_has_prefix(path, CBLUE_ADMIN_API_PREFIX) &&
	       (path[strlen(CBLUE_ADMIN_API_PREFIX)] == '\0' || path[strlen(CBLUE_ADMIN_API_PREFIX)] == '/');
}

static void
cblue_admin_set_early_error(SoupServerMessage *msg, guint status, const gchar *code, const gchar *message)
{
	g_autoptr(GString) json = g_string_new("{\"error\":{\"code\":");

	cblue_json_append_string(json, code);
	g_string_append(json, ",\"message\":");
	cblue_json_append_string(json, message);
	g_string_append(json, "}}");
	soup_server_message_set_status(msg, status, NULL);
	soup_server_message_set_response(msg, "application/json; charset=utf-8", SOUP_MEMORY_COPY, json->str,
					 json->len);
}

void
cblue_admin_early_check(CblueAdmin *self, SoupServerMessage *msg, const gchar *client_ip)
{
	SoupMessageHeaders *headers = soup_server_message_get_request_headers(msg);
	goffset length = soup_message_headers_get_content_length(headers);

	if (client_ip != NULL)
		g_object_set_qdata_full(G_OBJECT(msg), cblue_admin_client_ip_quark(), g_strdup(client_ip), g_free);
	/* the whole body is buffered: its size must be known and bounded before it is read */
	if (soup_message_headers_get_encoding(headers) == SOUP_ENCODING_CHUNKED) {
		cblue_admin_set_early_error(msg, SOUP_STATUS_LENGTH_REQUIRED, "length_required",
					    _("The request must have a Content-Length."));
		return;
	}
	if (length < 0 || (guint64)length > self->max_body)
		cblue_admin_set_early_error(msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large",
					    _("The request body is too large."));
}

void
cblue_admin_attach(CblueAdmin *self, SoupServer *soup)
{
	soup_server_add_handler(soup, CBLUE_ADMIN_API_PREFIX, cblue_admin_handle, self, NULL);
}

/* settings */

gboolean
cblue_admin_is_tls(CblueAdmin *self)
{
	return self->tls;
}

gint64
cblue_admin_get_session_idle(CblueAdmin *self)
{
	return self->session_idle;
}

gint64
cblue_admin_get_session_lifetime(CblueAdmin *self)
{
	return self->session_lifetime;
}

/* login throttling */

static CblueLoginRecord *
cblue_admin_login_record(CblueAdmin *self, const gchar *key, gboolean create, gint64 now)
{
	CblueLoginRecord *record = g_hash_table_lookup(self->login_records, key);

	if (record != NULL && record->locked_until <= now && now - record->last_failure > CBLUE_ADMIN_FAILURE_WINDOW) {
		g_hash_table_remove(self->login_records, key);
		record = NULL;
	}
	if (record == NULL && create) {
		/* bounded: names are attacker-chosen; forget the stale records first */
		if (g_hash_table_size(self->login_records) >= CBLUE_ADMIN_MAX_TRACKED) {
			GHashTableIter iter;
			gpointer value;
			g_hash_table_iter_init(&iter, self->login_records);
			while (g_hash_table_iter_next(&iter, NULL, &value)) {
				CblueLoginRecord *r = value;
				if (r->locked_until <= now && now - r->last_failure > 60)
					g_hash_table_iter_remove(&iter);
			}
		}
		record = g_new0(CblueLoginRecord, 1);
		g_hash_table_insert(self->login_records, g_strdup(key), record);
	}
	return record;
}

static gint64
cblue_admin_lock_remaining(CblueAdmin *self, const gchar *key, gint64 now)
{
	CblueLoginRecord *record = cblue_admin_login_record(self, key, FALSE, now);
	return record != NULL && record->locked_until > now ? record->locked_until - now : 0;
}

gboolean
cblue_admin_login_allowed(CblueAdmin *self, const gchar *user, const gchar *ip, guint *retry_after)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->login_mutex);
	g_autofree gchar *user_key = g_strconcat("u:", user, NULL);
	g_autofree gchar *ip_key = g_strconcat("ip:", ip, NULL);
	gint64 now = g_get_monotonic_time() / G_USEC_PER_SEC;
	gint64 wait = MAX(cblue_admin_lock_remaining(self, user_key, now), cblue_admin_lock_remaining(self, ip_key, now));

	*retry_after = (guint)wait;
	return wait == 0;
}

static void
cblue_admin_login_count_failure(CblueAdmin *self, const gchar *key, guint max_failures, gint64 now)
{
	CblueLoginRecord *record = cblue_admin_login_record(self, key, TRUE, now);

	record->failures++;
	record->last_failure = now;
	if (record->failures >= max_failures) {
		/* backoff: the lockout doubles with every failure past the limit */
		guint shift = MIN(record->failures - max_failures, 16u);
		gint64 lock = MIN(self->lockout << shift, (gint64)CBLUE_ADMIN_MAX_LOCKOUT);
		record->locked_until = now + lock;
	}
}

void
cblue_admin_login_failed(CblueAdmin *self, const gchar *user, const gchar *ip)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->login_mutex);
	g_autofree gchar *user_key = g_strconcat("u:", user, NULL);
	g_autofree gchar *ip_key = g_strconcat("ip:", ip, NULL);
	gint64 now = g_get_monotonic_time() / G_USEC_PER_SEC;

	cblue_admin_login_count_failure(self, user_key, self->max_failures, now);
	cblue_admin_login_count_failure(self, ip_key, self->ip_max_failures, now);
}

void
cblue_admin_login_succeeded(CblueAdmin *self, const gchar *user, const gchar *ip)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->login_mutex);
	g_autofree gchar *user_key = g_strconcat("u:", user, NULL);

	/* the address keeps its count: one good password must not clear a spraying run */
	g_hash_table_remove(self->login_records, user_key);
}

/* publishing */

guint64
cblue_admin_get_kb_generation(CblueAdmin *self)
{
	return (guint64)(guint)g_atomic_int_get(&self->kb_generation);
}

void
cblue_admin_kb_changed(CblueAdmin *self)
{
	g_atomic_int_inc(&self->kb_generation);
}

JsonNode *
cblue_admin_publish(CblueAdmin *self, const gchar *user, const gchar *comment, JsonNode *entries, GError **error)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->publish_mutex);
	g_autoptr(JsonNode) result = NULL;
	g_autoptr(CblueKb) kb = NULL;

	gint64 start = g_get_monotonic_time();
	gint64 stored, loaded;

	result = cblue_store_kb_publish(self->store, user, comment, entries, error);
	cblue_admin_kb_changed(self);
	if (result == NULL)
		return NULL;
	stored = g_get_monotonic_time();
	/* the retrievers index the new KB while the bot still answers from the old one;
	 * then the bot swaps its reference: no request waits, none fails */
	kb = cblue_store_load_kb(self->store, error);
	loaded = g_get_monotonic_time();
	if (kb == NULL || !cblue_bot_set_kb(self->bot, kb, error)) {
		g_prefix_error(error, _("The KB was published but could not be loaded: "));
		return NULL;
	}
	g_debug("published KB version %" G_GINT64_FORMAT ": store %.0f ms, load %.0f ms, index %.0f ms",
		json_object_get_int_member(json_node_get_object(result), "version"), (stored - start) / 1000.0,
		(loaded - stored) / 1000.0, (g_get_monotonic_time() - loaded) / 1000.0);
	{
		/* the other API processes and the workers reload it too (the Redis queue
		 * announces it; the in-process queue has no one to tell) */
		CblueQueue *queue = cblue_context_get_extension(cblue_bot_get_context(self->bot), CBLUE_TYPE_QUEUE);
		g_autofree gchar *version = g_strdup_printf(
		    "%" G_GINT64_FORMAT, json_object_get_int_member(json_node_get_object(result), "version"));
		if (queue != NULL)
			cblue_queue_notify_kb_published(queue, version);
	}
	return g_steal_pointer(&result);
}

CblueAdminKbState *
cblue_admin_get_kb_state(CblueAdmin *self)
{
	return self->kb_state;
}

/* the object */

static void
cblue_admin_finalize(GObject *object)
{
	CblueAdmin *self = CBLUE_ADMIN(object);

	/* requests still queued are dropped; the one running is waited for */
	g_thread_pool_free(self->pool, TRUE, TRUE);
	g_clear_pointer(&self->kb_state, cblue_admin_kb_state_free);
	g_hash_table_unref(self->login_records);
	g_mutex_clear(&self->login_mutex);
	g_mutex_clear(&self->publish_mutex);
	g_clear_object(&self->store);
	g_clear_object(&self->bot);
	G_OBJECT_CLASS(cblue_admin_parent_class)->finalize(object);
}

static void
cblue_admin_class_init(CblueAdminClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_admin_finalize;
}

static void
cblue_admin_init(CblueAdmin *self)
{
	g_mutex_init(&self->login_mutex);
	g_mutex_init(&self->publish_mutex);
	self->login_records = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	self->kb_state = cblue_admin_kb_state_new();
}

static gint64
cblue_admin_config_int(CblueConfig *config, const gchar *key, gint64 default_value, gint64 min, gint64 max)
{
	return CLAMP(cblue_config_get_int(config, "admin", key, default_value), min, max);
}

CblueAdmin *
cblue_admin_new(CblueBot *bot, gboolean tls)
{
	CblueAdmin *self = g_object_new(CBLUE_TYPE_ADMIN, NULL);
	CblueContext *context = cblue_bot_get_context(bot);
	CblueConfig *config = cblue_context_get_config(context);
	CblueStore *store = cblue_context_get_extension(context, CBLUE_TYPE_STORE);

	g_return_val_if_fail(store != NULL, NULL);
	self->bot = g_object_ref(bot);
	self->store = g_object_ref(store);
	self->tls = tls;
	self->max_body = (gsize)cblue_admin_config_int(config, "max_body_bytes", CBLUE_ADMIN_DEFAULT_MAX_BODY, 1024,
						       G_MAXINT32);
	self->session_idle =
	    cblue_admin_config_int(config, "session_idle_timeout", CBLUE_ADMIN_DEFAULT_SESSION_IDLE, 1, G_MAXINT32);
	self->session_lifetime =
	    cblue_admin_config_int(config, "session_lifetime", CBLUE_ADMIN_DEFAULT_SESSION_LIFETIME, 1, G_MAXINT32);
	self->max_failures =
	    (guint)cblue_admin_config_int(config, "login_max_failures", CBLUE_ADMIN_DEFAULT_MAX_FAILURES, 1, 1000);
	self->ip_max_failures = (guint)cblue_admin_config_int(config, "login_ip_max_failures",
							      CBLUE_ADMIN_DEFAULT_IP_MAX_FAILURES, 1, 100000);
	self->lockout =
	    cblue_admin_config_int(config, "login_lockout_seconds", CBLUE_ADMIN_DEFAULT_LOCKOUT, 1, CBLUE_ADMIN_MAX_LOCKOUT);
	self->pool = g_thread_pool_new(cblue_admin_pool_func, self,
				       (gint)cblue_admin_config_int(config, "threads", CBLUE_ADMIN_DEFAULT_THREADS, 1, 64),
				       FALSE, NULL);
	return self;
}

/* request helpers for the route files */

gboolean
cblue_admin_request_query_uint(CblueAdminRequest *req, const gchar *name, guint default_value, guint max,
			       guint *value)
{
	const gchar *text = cblue_admin_request_get_query(req, name);
	guint64 parsed = 0;

	if (text == NULL || text[0] == '\0') {
		*value = MIN(default_value, max);
		return TRUE;
	}
	if (!g_ascii_string_to_unsigned(text, 10, 0, G_MAXUINT, &parsed, NULL)) {
		g_autofree gchar *message = g_strdup_printf(_("The query parameter “%s” must be a number."), name);
		cblue_admin_request_reply_invalid(req, message);
		return FALSE;
	}
	*value = (guint)MIN(parsed, (guint64)max);
	return TRUE;
}

JsonObject *
cblue_admin_request_body_object(CblueAdminRequest *req)
{
	g_autoptr(GError) error = NULL;
	JsonNode *node = cblue_admin_request_get_body_json(req, &error);

	if (node == NULL) {
		cblue_admin_request_reply_error(req, error);
		return NULL;
	}
	if (!JSON_NODE_HOLDS_OBJECT(node)) {
		cblue_admin_request_reply_invalid(req, _("The request body must be a JSON object."));
		return NULL;
	}
	return json_node_get_object(node);
}

gboolean
cblue_admin_request_string_member(CblueAdminRequest *req, JsonObject *obj, const gchar *name, const gchar **value)
{
	JsonNode *node = json_object_get_member(obj, name);

	*value = NULL;
	if (node == NULL || JSON_NODE_HOLDS_NULL(node))
		return TRUE;
	if (!JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_STRING) {
		g_autofree gchar *message = g_strdup_printf(_("“%s” must be a string."), name);
		cblue_admin_request_reply_invalid(req, message);
		return FALSE;
	}
	*value = json_node_get_string(node);
	return TRUE;
}
