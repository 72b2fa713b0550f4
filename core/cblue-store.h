/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <gio/gio.h>

#include "cblue-chat-reply.h"
#include "cblue-embedding.h"
#include "cblue-kb.h"
#include "cblue-message.h"
#include "cblue-version-macros.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_STORE (cblue_store_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_INTERFACE(CblueStore, cblue_store, CBLUE, STORE, GObject)

/**
 * CblueStoreInterface:
 * @g_iface: the parent interface
 * @load_kb: read the published KB
 * @import_kb: write entries in one transaction, merging by `topic_id` (or replacing the
 *   whole KB); on error nothing is changed
 * @record_exchange: queue one message and its reply (already redacted) for writing, with
 *   the analytics event and, for unanswered messages, an `unanswered` record; never blocks
 * @flush: wait until every queued record is written
 * @check: tell whether the store is reachable, for `/readyz`
 * @count: count the rows of a logical table (`kb_entries`, `conversations`, `messages`,
 *   `unanswered`, `analytics_events`), for tests and the console
 * @get_conversation: read the messages of one conversation, oldest first, as a JSON
 *   array (see [method@Store.get_conversation]); %CBLUE_ERROR_NOT_FOUND if there are none
 * @record_feedback: record a visitor's rating of a reply, replacing an earlier rating of
 *   the same message
 * @kb_list_working: the admin console's working copy of the KB, see
 *   [method@Store.kb_list_working]
 * @kb_get_working: one entry of the working copy, see [method@Store.kb_get_working]
 * @kb_save_drafts: create, update or delete drafts in one transaction, see
 *   [method@Store.kb_save_drafts]
 * @kb_publish: publish the drafts (or replace the KB) as a new version, see
 *   [method@Store.kb_publish]
 * @kb_list_versions: the published versions, see [method@Store.kb_list_versions]
 * @kb_get_version: the entries of one published version, see [method@Store.kb_get_version]
 * @user_add: add a console user, see [method@Store.user_add]
 * @user_update: change a console user, see [method@Store.user_update]
 * @user_delete: delete a console user, see [method@Store.user_delete]
 * @user_get: read a console user, see [method@Store.user_get]
 * @user_list: list the console users, see [method@Store.user_list]
 * @session_create: store a new console session, see [method@Store.session_create]
 * @session_get: validate and touch a console session, see [method@Store.session_get]
 * @session_delete: end a console session, see [method@Store.session_delete]
 * @token_create: store a new API token, see [method@Store.token_create]
 * @token_list: list API tokens, see [method@Store.token_list]
 * @token_delete: revoke an API token, see [method@Store.token_delete]
 * @token_get: validate and touch an API token, see [method@Store.token_get]
 * @audit_append: append to the audit log, see [method@Store.audit_append]
 * @audit_list: read the audit log, see [method@Store.audit_list]
 * @load_embeddings: the cached vectors of one embedding model, see
 *   [method@Store.load_embeddings]
 * @save_embeddings: cache vectors, see [method@Store.save_embeddings]
 * @analytics_query: the console's figures for a time range, see
 *   [method@Store.analytics_query]
 * @unanswered_list: the open unanswered questions of a time range, see
 *   [method@Store.unanswered_list]
 * @unanswered_resolve: close unanswered questions, see [method@Store.unanswered_resolve]
 *
 * A persistent store: KB, conversations, analytics events, unanswered questions.
 *
 * Since: 1.0
 */
struct _CblueStoreInterface {
	GTypeInterface g_iface;

	CblueKb *(*load_kb)(CblueStore *self, GError **error);
	gboolean (*import_kb)(CblueStore *self, GPtrArray *entries, gboolean replace_all, GError **error);
	void (*record_exchange)(CblueStore *self, CblueMessage *message, CblueChatReply *reply);
	gboolean (*flush)(CblueStore *self, GError **error);
	gboolean (*check)(CblueStore *self, GError **error);
	gint64 (*count)(CblueStore *self, const gchar *table, GError **error);
	JsonNode *(*get_conversation)(CblueStore *self, const gchar *conversation_id, guint max_messages,
				      GError **error);
	gboolean (*record_feedback)(CblueStore *self, const gchar *conversation_id, const gchar *message_id,
				    const gchar *rating, GError **error);

	/* the admin console (added at the end; every one is optional: a store without it
	 * answers CBLUE_ERROR_NOT_SUPPORTED) */
	JsonNode *(*kb_list_working)(CblueStore *self, GError **error);
	JsonNode *(*kb_get_working)(CblueStore *self, const gchar *topic_id, GError **error);
	JsonNode *(*kb_save_drafts)(CblueStore *self, JsonNode *changes, const gchar *user, GError **error);
	JsonNode *(*kb_publish)(CblueStore *self, const gchar *user, const gchar *comment, JsonNode *entries,
				GError **error);
	JsonNode *(*kb_list_versions)(CblueStore *self, GError **error);
	JsonNode *(*kb_get_version)(CblueStore *self, gint64 version, GError **error);
	gboolean (*user_add)(CblueStore *self, const gchar *name, const gchar *role, const gchar *password_hash,
			     GError **error);
	gboolean (*user_update)(CblueStore *self, const gchar *name, const gchar *role, const gchar *password_hash,
				gint disabled, GError **error);
	gboolean (*user_delete)(CblueStore *self, const gchar *name, GError **error);
	JsonNode *(*user_get)(CblueStore *self, const gchar *name, GError **error);
	JsonNode *(*user_list)(CblueStore *self, GError **error);
	gboolean (*session_create)(CblueStore *self, const gchar *session_hash, const gchar *user,
				   const gchar *csrf_token, gint64 expires_at, GError **error);
	JsonNode *(*session_get)(CblueStore *self, const gchar *session_hash, gint64 idle_timeout, GError **error);
	gboolean (*session_delete)(CblueStore *self, const gchar *session_hash, GError **error);
	gint64 (*token_create)(CblueStore *self, const gchar *user, const gchar *name, const gchar *token_hash,
			       GError **error);
	JsonNode *(*token_list)(CblueStore *self, const gchar *user, GError **error);
	gboolean (*token_delete)(CblueStore *self, gint64 id, const gchar *user, GError **error);
	JsonNode *(*token_get)(CblueStore *self, const gchar *token_hash, GError **error);
	gboolean (*audit_append)(CblueStore *self, const gchar *actor, const gchar *action, const gchar *target,
				 const gchar *detail, GError **error);
	JsonNode *(*audit_list)(CblueStore *self, guint offset, guint limit, GError **error);

	/* the embedding cache of retrieval-embedding (optional, like the above) */
	GPtrArray *(*load_embeddings)(CblueStore *self, const gchar *model, GError **error);
	gboolean (*save_embeddings)(CblueStore *self, const gchar *model, GPtrArray *embeddings, GError **error);

	/* the console's analytics and unanswered inbox (optional, like the above) */
	JsonNode *(*analytics_query)(CblueStore *self, gint64 from_usec, gint64 to_usec, const gchar *timezone,
				     GError **error);
	JsonNode *(*unanswered_list)(CblueStore *self, gint64 from_usec, gint64 to_usec, gboolean include_down,
				     guint limit, GError **error);
	gboolean (*unanswered_resolve)(CblueStore *self, const gchar *const *ids, const gchar *action,
				       const gchar *topic_id, const gchar *user, GError **error);
};

CBLUE_AVAILABLE_IN_1_0
CblueKb *cblue_store_load_kb(CblueStore *self, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_store_import_kb(CblueStore *self, GPtrArray *entries, gboolean replace_all, GError **error);
CBLUE_AVAILABLE_IN_1_0
void cblue_store_record_exchange(CblueStore *self, CblueMessage *message, CblueChatReply *reply);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_store_flush(CblueStore *self, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_store_check(CblueStore *self, GError **error);
CBLUE_AVAILABLE_IN_1_0
gint64 cblue_store_count(CblueStore *self, const gchar *table, GError **error);
CBLUE_AVAILABLE_IN_1_0
JsonNode *cblue_store_get_conversation(CblueStore *self, const gchar *conversation_id, guint max_messages,
				       GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_store_record_feedback(CblueStore *self, const gchar *conversation_id, const gchar *message_id,
				     const gchar *rating, GError **error);
CBLUE_AVAILABLE_IN_1_0
JsonNode *cblue_store_kb_list_working(CblueStore *self, GError **error);
CBLUE_AVAILABLE_IN_1_0
JsonNode *cblue_store_kb_get_working(CblueStore *self, const gchar *topic_id, GError **error);
CBLUE_AVAILABLE_IN_1_0
JsonNode *cblue_store_kb_save_drafts(CblueStore *self, JsonNode *changes, const gchar *user, GError **error);
CBLUE_AVAILABLE_IN_1_0
JsonNode *cblue_store_kb_publish(CblueStore *self, const gchar *user, const gchar *comment, JsonNode *entries,
				 GError **error);
CBLUE_AVAILABLE_IN_1_0
JsonNode *cblue_store_kb_list_versions(CblueStore *self, GError **error);
CBLUE_AVAILABLE_IN_1_0
JsonNode *cblue_store_kb_get_version(CblueStore *self, gint64 version, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_store_user_add(CblueStore *self, const gchar *name, const gchar *role, const gchar *password_hash,
			      GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_store_user_update(CblueStore *self, const gchar *name, const gchar *role,
				 const gchar *password_hash, gint disabled, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_store_user_delete(CblueStore *self, const gchar *name, GError **error);
CBLUE_AVAILABLE_IN_1_0
JsonNode *cblue_store_user_get(CblueStore *self, const gchar *name, GError **error);
CBLUE_AVAILABLE_IN_1_0
JsonNode *cblue_store_user_list(CblueStore *self, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_store_session_create(CblueStore *self, const gchar *session_hash, const gchar *user,
				    const gchar *csrf_token, gint64 expires_at, GError **error);
CBLUE_AVAILABLE_IN_1_0
JsonNode *cblue_store_session_get(CblueStore *self, const gchar *session_hash, gint64 idle_timeout,
				  GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_store_session_delete(CblueStore *self, const gchar *session_hash, GError **error);
CBLUE_AVAILABLE_IN_1_0
gint64 cblue_store_token_create(CblueStore *self, const gchar *user, const gchar *name, const gchar *token_hash,
				GError **error);
CBLUE_AVAILABLE_IN_1_0
JsonNode *cblue_store_token_list(CblueStore *self, const gchar *user, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_store_token_delete(CblueStore *self, gint64 id, const gchar *user, GError **error);
CBLUE_AVAILABLE_IN_1_0
JsonNode *cblue_store_token_get(CblueStore *self, const gchar *token_hash, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_store_audit_append(CblueStore *self, const gchar *actor, const gchar *action, const gchar *target,
				  const gchar *detail, GError **error);
CBLUE_AVAILABLE_IN_1_0
JsonNode *cblue_store_audit_list(CblueStore *self, guint offset, guint limit, GError **error);
CBLUE_AVAILABLE_IN_1_0
GPtrArray *cblue_store_load_embeddings(CblueStore *self, const gchar *model, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_store_save_embeddings(CblueStore *self, const gchar *model, GPtrArray *embeddings,
				     GError **error);
CBLUE_AVAILABLE_IN_1_0
JsonNode *cblue_store_analytics_query(CblueStore *self, gint64 from_usec, gint64 to_usec, const gchar *timezone,
				      GError **error);
CBLUE_AVAILABLE_IN_1_0
JsonNode *cblue_store_unanswered_list(CblueStore *self, gint64 from_usec, gint64 to_usec, gboolean include_down,
				      guint limit, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_store_unanswered_resolve(CblueStore *self, const gchar *const *ids, const gchar *action,
					const gchar *topic_id, const gchar *user, GError **error);

G_END_DECLS
