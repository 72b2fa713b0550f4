/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The admin API's request framework; private to libcblue (not installed, not in the
 * GIR): CblueServer owns one and attaches it to every listener thread. */

#include <libsoup/soup.h>

#include "cblue-admin-private.h"

G_BEGIN_DECLS

#define CBLUE_ADMIN_API_PREFIX "/admin/api/v1"

#define CBLUE_TYPE_ADMIN (cblue_admin_get_type())
G_DECLARE_FINAL_TYPE(CblueAdmin, cblue_admin, CBLUE, ADMIN, GObject)

CblueAdmin *cblue_admin_new(CblueBot *bot, gboolean tls) G_GNUC_WARN_UNUSED_RESULT;
gboolean cblue_admin_is_api_path(const gchar *path);
/* on the listener thread, after the headers: body limit; refuses by setting a status */
void cblue_admin_early_check(CblueAdmin *self, SoupServerMessage *msg, const gchar *client_ip);
/* registers the API handler on a listener's SoupServer */
void cblue_admin_attach(CblueAdmin *self, SoupServer *soup);

/* for the route files */
CblueAdmin *cblue_admin_request_get_admin(CblueAdminRequest *req);
const gchar *cblue_admin_request_get_client_ip(CblueAdminRequest *req);
const gchar *cblue_admin_request_get_session_cookie(CblueAdminRequest *req); /* nullable */
const gchar *cblue_admin_request_get_csrf_token(CblueAdminRequest *req);     /* nullable: of the session */
void cblue_admin_request_add_header(CblueAdminRequest *req, const gchar *name, const gchar *value);
/* replies 400 `invalid_data` with @message */
void cblue_admin_request_reply_invalid(CblueAdminRequest *req, const gchar *message);
/* replies @obj (transfer full) */
void cblue_admin_request_reply_object(CblueAdminRequest *req, guint status, JsonObject *obj);
/* replies 200 `{"@member": @list}` with a list read from the store (transfer full), or
 * @error when @list is NULL */
void cblue_admin_request_reply_list(CblueAdminRequest *req, const gchar *member, JsonNode *list,
				    const GError *error);
/* an unsigned query parameter, @default_value if absent, clamped to @max; FALSE (and 400
 * replied) if it is not a number */
gboolean cblue_admin_request_query_uint(CblueAdminRequest *req, const gchar *name, guint default_value, guint max,
					guint *value);
/* the body as a JSON object, or NULL (and 400 replied) */
JsonObject *cblue_admin_request_body_object(CblueAdminRequest *req);
/* an optional string member of @obj: FALSE (and 400 replied) if it is present and not a string */
gboolean cblue_admin_request_string_member(CblueAdminRequest *req, JsonObject *obj, const gchar *name,
					   const gchar **value);

gboolean cblue_admin_is_tls(CblueAdmin *self);
gint64 cblue_admin_get_session_idle(CblueAdmin *self);	   /* s */
gint64 cblue_admin_get_session_lifetime(CblueAdmin *self); /* s */

/* login throttling, per account and per client address, in memory */
gboolean cblue_admin_login_allowed(CblueAdmin *self, const gchar *user, const gchar *ip, guint *retry_after);
void cblue_admin_login_failed(CblueAdmin *self, const gchar *user, const gchar *ip);
void cblue_admin_login_succeeded(CblueAdmin *self, const gchar *user, const gchar *ip);

/* publishes (drafts, or @entries for a rollback) and switches the bot to the new KB;
 * serialized; returns the store's `{"version","published_at","entries"}` */
JsonNode *cblue_admin_publish(CblueAdmin *self, const gchar *user, const gchar *comment, JsonNode *entries,
			      GError **error);
/* a counter bumped on every change of the working copy, for the caches of cblue-admin-kb.c */
guint64 cblue_admin_get_kb_generation(CblueAdmin *self);
void cblue_admin_kb_changed(CblueAdmin *self);

/* the KB routes' state (working-copy cache, the draft bot), defined in cblue-admin-kb.c */
typedef struct _CblueAdminKbState CblueAdminKbState;
CblueAdminKbState *cblue_admin_kb_state_new(void);
void cblue_admin_kb_state_free(CblueAdminKbState *state);
CblueAdminKbState *cblue_admin_get_kb_state(CblueAdmin *self);

G_END_DECLS
