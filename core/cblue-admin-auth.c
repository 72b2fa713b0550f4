/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cblue-admin-crypto-private.h"
#include "cblue-admin.h"
#include "cblue-error.h"

/*
 * The admin API's routes for logging in and out, users, API tokens and the audit log.
 * See docs/admin-api.md for the contract and the security section.
 */

#define CBLUE_ADMIN_SESSION_COOKIE "cblue_session"
#define CBLUE_ADMIN_TOKEN_PREFIX   "cbt_"

/* the Set-Cookie of a session; an empty @value with max-age 0 clears it */
static void
cblue_admin_set_session_cookie(CblueAdminRequest *req, const gchar *value, gint64 max_age)
{
	gboolean tls = cblue_admin_is_tls(cblue_admin_request_get_admin(req));
	g_autofree gchar *cookie =
	    g_strdup_printf("%s=%s; Path=/admin; Max-Age=%" G_GINT64_FORMAT "; HttpOnly; SameSite=Strict%s",
			    CBLUE_ADMIN_SESSION_COOKIE, value, max_age, tls ? "; Secure" : "");
	cblue_admin_request_add_header(req, "Set-Cookie", cookie);
}

/* POST /session {"username","password"} */
static void
cblue_admin_handle_login(CblueAdminRequest *req)
{
	CblueAdmin *admin = cblue_admin_request_get_admin(req);
	CblueStore *store = cblue_admin_request_get_store(req);
	const gchar *ip = cblue_admin_request_get_client_ip(req);
	JsonObject *body = cblue_admin_request_body_object(req);
	const gchar *username = NULL;
	const gchar *password = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) user = NULL;
	g_autofree gchar *session_id = NULL;
	g_autofree gchar *session_hash = NULL;
	g_autofree gchar *csrf = NULL;
	JsonObject *reply;
	JsonObject *who;
	gboolean ok = FALSE;
	guint retry_after = 0;
	gint64 lifetime = cblue_admin_get_session_lifetime(admin);

	if (body == NULL || !cblue_admin_request_string_member(req, body, "username", &username) ||
	    !cblue_admin_request_string_member(req, body, "password", &password))
		return;
	if (username == NULL || password == NULL || username[0] == '\0') {
		cblue_admin_request_reply_invalid(req, _("Give a user name and a password."));
		return;
	}
	if (!cblue_admin_login_allowed(admin, username, ip, &retry_after)) {
		g_autofree gchar *seconds = g_strdup_printf("%u", MAX(retry_after, 1u));
		g_autofree gchar *message = g_strdup_printf(
		    g_dngettext(GETTEXT_PACKAGE, "Too many failed logins; try again in %u second.",
				"Too many failed logins; try again in %u seconds.", MAX(retry_after, 1u)),
		    MAX(retry_after, 1u));
		cblue_admin_request_add_header(req, "Retry-After", seconds);
		cblue_admin_request_reply_error_code(req, 429, "locked", message, NULL);
		return;
	}
	user = cblue_store_user_get(store, username, &error);
	if (user == NULL && !g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND)) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	if (user == NULL) {
		/* as slow as a wrong password, so that timing does not tell which names exist */
		cblue_admin_verify_dummy(password);
	} else {
		JsonObject *obj = json_node_get_object(user);
		ok = cblue_admin_verify_password(json_object_get_string_member(obj, "password_hash"), password) &&
		     !json_object_get_boolean_member(obj, "disabled");
	}
	if (!ok) {
		cblue_admin_login_failed(admin, username, ip);
		/* no client address: it is personal data, and the audit log is kept */
		if (user != NULL)
			cblue_admin_request_audit(req, "login.failed", username, NULL);
		/* one message for an unknown name and a wrong password */
		cblue_admin_request_reply_error_code(req, SOUP_STATUS_UNAUTHORIZED, "invalid_credentials",
						     _("Wrong user name or password."), NULL);
		return;
	}
	cblue_admin_login_succeeded(admin, username, ip);

	/* a new session id on every login (no fixation): the old session, if any, ends */
	if (cblue_admin_request_get_session_cookie(req) != NULL) {
		g_autofree gchar *old_hash = cblue_admin_sha256_hex(cblue_admin_request_get_session_cookie(req));
		g_autoptr(GError) error_old = NULL;
		if (!cblue_store_session_delete(store, old_hash, &error_old))
			g_warning("cannot end the previous session: %s", error_old->message);
	}
	session_id = cblue_admin_random_token(NULL);
	session_hash = cblue_admin_sha256_hex(session_id);
	csrf = cblue_admin_random_token(NULL);
	if (!cblue_store_session_create(store, session_hash, username, csrf, g_get_real_time() / G_USEC_PER_SEC + lifetime,
					&error)) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	cblue_admin_set_session_cookie(req, session_id, lifetime);
	cblue_admin_request_audit(req, "login", username, NULL);

	reply = json_object_new();
	who = json_object_new();
	json_object_set_string_member(reply, "csrf_token", csrf);
	json_object_set_string_member(who, "name", username);
	json_object_set_string_member(who, "role", json_object_get_string_member(json_node_get_object(user), "role"));
	json_object_set_object_member(reply, "user", who);
	cblue_admin_request_reply_object(req, SOUP_STATUS_OK, reply);
}

/* DELETE /session */
static void
cblue_admin_handle_logout(CblueAdminRequest *req)
{
	const gchar *cookie = cblue_admin_request_get_session_cookie(req);

	if (cookie != NULL) {
		g_autofree gchar *hash = cblue_admin_sha256_hex(cookie);
		g_autoptr(GError) error = NULL;
		if (!cblue_store_session_delete(cblue_admin_request_get_store(req), hash, &error)) {
			cblue_admin_request_reply_error(req, error);
			return;
		}
		cblue_admin_set_session_cookie(req, "", 0);
	}
	cblue_admin_request_audit(req, "logout", cblue_admin_request_get_user(req), NULL);
	cblue_admin_request_reply_no_content(req);
}

/* GET /me */
static void
cblue_admin_handle_me(CblueAdminRequest *req)
{
	JsonObject *obj = json_object_new();

	json_object_set_string_member(obj, "name", cblue_admin_request_get_user(req));
	json_object_set_string_member(obj, "role", cblue_role_to_string(cblue_admin_request_get_role(req)));
	if (cblue_admin_request_get_csrf_token(req) != NULL)
		json_object_set_string_member(obj, "csrf_token", cblue_admin_request_get_csrf_token(req));
	else
		json_object_set_null_member(obj, "csrf_token");
	cblue_admin_request_reply_object(req, SOUP_STATUS_OK, obj);
}

/* users */

static void
cblue_admin_handle_users_list(CblueAdminRequest *req)
{
	g_autoptr(GError) error = NULL;
	JsonNode *users = cblue_store_user_list(cblue_admin_request_get_store(req), &error);

	cblue_admin_request_reply_list(req, "users", users, error);
}

static gboolean
cblue_admin_check_role_name(CblueAdminRequest *req, const gchar *role)
{
	if (cblue_role_from_string(role) == CBLUE_ROLE_NONE) {
		cblue_admin_request_reply_invalid(req, _("The role must be admin, editor or viewer."));
		return FALSE;
	}
	return TRUE;
}

static void
cblue_admin_handle_users_add(CblueAdminRequest *req)
{
	JsonObject *body = cblue_admin_request_body_object(req);
	const gchar *name = NULL;
	const gchar *role = NULL;
	const gchar *password = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *hash = NULL;
	JsonObject *obj;

	if (body == NULL || !cblue_admin_request_string_member(req, body, "name", &name) ||
	    !cblue_admin_request_string_member(req, body, "role", &role) ||
	    !cblue_admin_request_string_member(req, body, "password", &password))
		return;
	if (!cblue_admin_check_user_name(name, &error) || !cblue_admin_check_password(password, &error)) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	if (!cblue_admin_check_role_name(req, role))
		return;
	hash = cblue_admin_hash_password(password, &error);
	if (hash == NULL || !cblue_store_user_add(cblue_admin_request_get_store(req), name, role, hash, &error)) {
		if (g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_CONFLICT))
			cblue_admin_request_reply_error_code(req, SOUP_STATUS_CONFLICT, "exists", error->message, NULL);
		else
			cblue_admin_request_reply_error(req, error);
		return;
	}
	cblue_admin_request_audit(req, "user.add", name, role);
	obj = json_object_new();
	json_object_set_string_member(obj, "name", name);
	json_object_set_string_member(obj, "role", role);
	cblue_admin_request_reply_object(req, SOUP_STATUS_CREATED, obj);
}

static void
cblue_admin_handle_users_update(CblueAdminRequest *req)
{
	const gchar *name = cblue_admin_request_get_param(req, "name");
	JsonObject *body = cblue_admin_request_body_object(req);
	const gchar *role = NULL;
	const gchar *password = NULL;
	JsonNode *disabled_node;
	gint disabled = -1;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *hash = NULL;
	g_autoptr(GString) detail = g_string_new(NULL);
	JsonObject *obj;

	if (body == NULL || !cblue_admin_request_string_member(req, body, "role", &role) ||
	    !cblue_admin_request_string_member(req, body, "password", &password))
		return;
	disabled_node = json_object_get_member(body, "disabled");
	if (disabled_node != NULL && !JSON_NODE_HOLDS_NULL(disabled_node)) {
		if (!JSON_NODE_HOLDS_VALUE(disabled_node) || json_node_get_value_type(disabled_node) != G_TYPE_BOOLEAN) {
			cblue_admin_request_reply_invalid(req, _("“disabled” must be true or false."));
			return;
		}
		disabled = json_node_get_boolean(disabled_node) ? 1 : 0;
	}
	if (role != NULL && !cblue_admin_check_role_name(req, role))
		return;
	/* an admin cannot lock themself out */
	if (g_strcmp0(name, cblue_admin_request_get_user(req)) == 0 &&
	    ((role != NULL && cblue_role_from_string(role) != CBLUE_ROLE_ADMIN) || disabled == 1)) {
		cblue_admin_request_reply_invalid(req, _("You cannot lower your own role or disable yourself."));
		return;
	}
	if (password != NULL) {
		if (!cblue_admin_check_password(password, &error)) {
			cblue_admin_request_reply_error(req, error);
			return;
		}
		hash = cblue_admin_hash_password(password, &error);
		if (hash == NULL) {
			cblue_admin_request_reply_error(req, error);
			return;
		}
	}
	if (!cblue_store_user_update(cblue_admin_request_get_store(req), name, role, hash, disabled, &error)) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	if (role != NULL)
		g_string_append_printf(detail, "role=%s ", role);
	if (hash != NULL)
		g_string_append(detail, "password ");
	if (disabled >= 0)
		g_string_append_printf(detail, "disabled=%s", disabled ? "true" : "false");
	cblue_admin_request_audit(req, "user.update", name, detail->str);
	obj = json_object_new();
	json_object_set_string_member(obj, "name", name);
	cblue_admin_request_reply_object(req, SOUP_STATUS_OK, obj);
}

static void
cblue_admin_handle_users_delete(CblueAdminRequest *req)
{
	const gchar *name = cblue_admin_request_get_param(req, "name");
	g_autoptr(GError) error = NULL;

	if (g_strcmp0(name, cblue_admin_request_get_user(req)) == 0) {
		cblue_admin_request_reply_invalid(req, _("You cannot delete yourself."));
		return;
	}
	if (!cblue_store_user_delete(cblue_admin_request_get_store(req), name, &error)) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	cblue_admin_request_audit(req, "user.delete", name, NULL);
	cblue_admin_request_reply_no_content(req);
}

/* API tokens */

static void
cblue_admin_handle_tokens_list(CblueAdminRequest *req)
{
	g_autoptr(GError) error = NULL;
	JsonNode *tokens =
	    cblue_store_token_list(cblue_admin_request_get_store(req), cblue_admin_request_get_user(req), &error);

	cblue_admin_request_reply_list(req, "tokens", tokens, error);
}

static void
cblue_admin_handle_tokens_create(CblueAdminRequest *req)
{
	JsonObject *body = cblue_admin_request_body_object(req);
	const gchar *name = NULL;
	g_autofree gchar *token = NULL;
	g_autofree gchar *hash = NULL;
	g_autoptr(GError) error = NULL;
	JsonObject *obj;
	gint64 id;

	if (body == NULL || !cblue_admin_request_string_member(req, body, "name", &name))
		return;
	if (name == NULL || name[0] == '\0' || g_utf8_strlen(name, -1) > 100) {
		cblue_admin_request_reply_invalid(req, _("Give the token a name of 1 to 100 characters."));
		return;
	}
	token = cblue_admin_random_token(CBLUE_ADMIN_TOKEN_PREFIX);
	hash = cblue_admin_sha256_hex(token);
	id = cblue_store_token_create(cblue_admin_request_get_store(req), cblue_admin_request_get_user(req), name, hash,
				      &error);
	if (id < 0) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	cblue_admin_request_audit(req, "token.create", name, NULL);
	obj = json_object_new();
	json_object_set_int_member(obj, "id", id);
	json_object_set_string_member(obj, "token", token);
	cblue_admin_request_reply_object(req, SOUP_STATUS_CREATED, obj);
}

static void
cblue_admin_handle_tokens_delete(CblueAdminRequest *req)
{
	const gchar *id_text = cblue_admin_request_get_param(req, "id");
	gboolean any = cblue_admin_request_get_role(req) >= CBLUE_ROLE_ADMIN;
	g_autoptr(GError) error = NULL;
	guint64 id = 0;

	if (!g_ascii_string_to_unsigned(id_text, 10, 1, G_MAXINT64, &id, NULL)) {
		cblue_admin_request_reply_error_code(req, SOUP_STATUS_NOT_FOUND, "not_found", _("No such token."), NULL);
		return;
	}
	if (!cblue_store_token_delete(cblue_admin_request_get_store(req), (gint64)id,
				      any ? NULL : cblue_admin_request_get_user(req), &error)) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	cblue_admin_request_audit(req, "token.revoke", id_text, NULL);
	cblue_admin_request_reply_no_content(req);
}

/* GET /audit */
static void
cblue_admin_handle_audit(CblueAdminRequest *req)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) page = NULL;
	guint offset = 0;
	guint limit = 0;

	if (!cblue_admin_request_query_uint(req, "offset", 0, G_MAXINT32, &offset) ||
	    !cblue_admin_request_query_uint(req, "limit", 50, 500, &limit))
		return;
	page = cblue_store_audit_list(cblue_admin_request_get_store(req), offset, limit, &error);
	if (page == NULL) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	cblue_admin_request_reply_node(req, SOUP_STATUS_OK, page);
}

const CblueAdminRoute cblue_admin_auth_routes[] = {
    {"POST", "/session", CBLUE_ROLE_NONE, cblue_admin_handle_login},
    {"DELETE", "/session", CBLUE_ROLE_VIEWER, cblue_admin_handle_logout},
    {"GET", "/me", CBLUE_ROLE_VIEWER, cblue_admin_handle_me},
    {"GET", "/users", CBLUE_ROLE_ADMIN, cblue_admin_handle_users_list},
    {"POST", "/users", CBLUE_ROLE_ADMIN, cblue_admin_handle_users_add},
    {"PATCH", "/users/{name}", CBLUE_ROLE_ADMIN, cblue_admin_handle_users_update},
    {"DELETE", "/users/{name}", CBLUE_ROLE_ADMIN, cblue_admin_handle_users_delete},
    {"GET", "/tokens", CBLUE_ROLE_VIEWER, cblue_admin_handle_tokens_list},
    {"POST", "/tokens", CBLUE_ROLE_VIEWER, cblue_admin_handle_tokens_create},
    {"DELETE", "/tokens/{id}", CBLUE_ROLE_VIEWER, cblue_admin_handle_tokens_delete},
    {"GET", "/audit", CBLUE_ROLE_ADMIN, cblue_admin_handle_audit},
    {NULL, NULL, CBLUE_ROLE_NONE, NULL},
};
