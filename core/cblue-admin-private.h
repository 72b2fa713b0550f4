/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/*
 * The admin API (`/admin/api/v1/…`): the contract between the request framework
 * (cblue-admin.c) and the files that provide route tables (cblue-admin-auth.c,
 * cblue-admin-kb.c, cblue-admin-analytics.c). Private: never installed, never in the GIR.
 * See docs/admin-api.md.
 */

#include <json-glib/json-glib.h>

#include "cblue-bot.h"
#include "cblue-config.h"
#include "cblue-store.h"

G_BEGIN_DECLS

/* ordered: a higher role can do everything a lower one can */
typedef enum {
	CBLUE_ROLE_NONE,
	CBLUE_ROLE_VIEWER,
	CBLUE_ROLE_EDITOR,
	CBLUE_ROLE_ADMIN,
} CblueRole;

typedef struct _CblueAdminRequest CblueAdminRequest; /* opaque */

/* runs on a worker-pool thread: may block on the store; must reply exactly once
 * (cblue_admin_request_reply_*); a handler that returns without replying gets a 500 */
typedef void (*CblueAdminHandler)(CblueAdminRequest *req);

typedef struct {
	const gchar *method;  /* "GET", "POST", "PUT", "PATCH", "DELETE" */
	const gchar *pattern; /* relative to /admin/api/v1, "{name}" segments are parameters, e.g. "/kb/{topic_id}" */
	CblueRole min_role;   /* CBLUE_ROLE_NONE = public */
	CblueAdminHandler handler;
} CblueAdminRoute;

/* NULL-terminated (a zeroed last row) route tables */
extern const CblueAdminRoute cblue_admin_auth_routes[];
extern const CblueAdminRoute cblue_admin_kb_routes[];
extern const CblueAdminRoute cblue_admin_analytics_routes[];

/* accessors; every returned pointer is owned by the request and valid until it is replied to */
CblueBot *cblue_admin_request_get_bot(CblueAdminRequest *req);
CblueStore *cblue_admin_request_get_store(CblueAdminRequest *req);
CblueConfig *cblue_admin_request_get_config(CblueAdminRequest *req);
const gchar *cblue_admin_request_get_param(CblueAdminRequest *req, const gchar *name); /* path parameter */
const gchar *cblue_admin_request_get_query(CblueAdminRequest *req, const gchar *name); /* nullable */
/* the body parsed as JSON, owned by the request; NULL + CBLUE_ERROR_INVALID_DATA (400) on bad JSON */
JsonNode *cblue_admin_request_get_body_json(CblueAdminRequest *req, GError **error);
GBytes *cblue_admin_request_get_body(CblueAdminRequest *req);
const gchar *cblue_admin_request_get_user(CblueAdminRequest *req); /* NULL on public routes without a session */
CblueRole cblue_admin_request_get_role(CblueAdminRequest *req);

/* replies; thread-safe, the response is sent from the listener's own main context */
void cblue_admin_request_reply_json(CblueAdminRequest *req, guint status, const gchar *json);
void cblue_admin_request_reply_bytes(CblueAdminRequest *req, guint status, const gchar *content_type,
				     const gchar *filename /* nullable: attachment */, GBytes *bytes);
/* the status and `{"error":{"code","message"}}` from cblue_error_to_http_status()/_to_string() */
void cblue_admin_request_reply_error(CblueAdminRequest *req, const GError *error);
/* appends to the audit log as the request's user; detail is nullable free text (never a secret) */
void cblue_admin_request_audit(CblueAdminRequest *req, const gchar *action, const gchar *target,
			       const gchar *detail);

/* extras beyond the contract's minimum */
const gchar *cblue_admin_request_get_method(CblueAdminRequest *req);
/* reply with a JsonNode (serialised compactly) */
void cblue_admin_request_reply_node(CblueAdminRequest *req, guint status, JsonNode *node);
/* reply 204 No Content */
void cblue_admin_request_reply_no_content(CblueAdminRequest *req);
/* reply with an explicit error code string, e.g. ("conflict", 409); extra is a nullable JSON object
 * whose members are added next to "error" (e.g. "current") */
void cblue_admin_request_reply_error_code(CblueAdminRequest *req, guint status, const gchar *code,
					  const gchar *message, JsonObject *extra);

/* role names "admin", "editor", "viewer" <-> CblueRole; unknown names are CBLUE_ROLE_NONE */
CblueRole cblue_role_from_string(const gchar *name);
const gchar *cblue_role_to_string(CblueRole role);

G_END_DECLS
