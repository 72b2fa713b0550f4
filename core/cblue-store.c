/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-error.h"
#include "cblue-store.h"

/**
 * CblueStore:
 *
 * The `store` plugin kind. One store is used per process, the one registered with the
 * highest priority. Reads and KB imports are synchronous (start-up, CLI and admin
 * paths); conversation records are queued and written by the store's own writer thread,
 * so that the chat path never waits for the disk or the network.
 *
 * Since: 1.0
 */
G_DEFINE_INTERFACE(CblueStore, cblue_store, G_TYPE_OBJECT)

static void
cblue_store_default_init(CblueStoreInterface *iface)
{
}

/**
 * cblue_store_load_kb:
 * @self: a #CblueStore
 * @error: return location for a #GError
 *
 * Reads the KB.
 *
 * Returns: (transfer full): the KB, empty for a new store, or %NULL on error
 *
 * Since: 1.0
 */
CblueKb *
cblue_store_load_kb(CblueStore *self, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	return CBLUE_STORE_GET_IFACE(self)->load_kb(self, error);
}

/**
 * cblue_store_import_kb:
 * @self: a #CblueStore
 * @entries: (element-type CblueKbEntry): validated entries
 * @replace_all: %TRUE to delete the entries not in @entries
 * @error: return location for a #GError
 *
 * Writes entries in one transaction.
 *
 * Returns: %TRUE for success; on failure nothing was changed
 *
 * Since: 1.0
 */
gboolean
cblue_store_import_kb(CblueStore *self, GPtrArray *entries, gboolean replace_all, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), FALSE);
	g_return_val_if_fail(entries != NULL, FALSE);
	return CBLUE_STORE_GET_IFACE(self)->import_kb(self, entries, replace_all, error);
}

/**
 * cblue_store_record_exchange:
 * @self: a #CblueStore
 * @message: the redacted message
 * @reply: the reply
 *
 * Queues a message and its reply for writing.
 *
 * Since: 1.0
 */
void
cblue_store_record_exchange(CblueStore *self, CblueMessage *message, CblueChatReply *reply)
{
	g_return_if_fail(CBLUE_IS_STORE(self));
	g_return_if_fail(CBLUE_IS_MESSAGE(message));
	g_return_if_fail(CBLUE_IS_CHAT_REPLY(reply));
	CBLUE_STORE_GET_IFACE(self)->record_exchange(self, message, reply);
}

/**
 * cblue_store_flush:
 * @self: a #CblueStore
 * @error: return location for a #GError
 *
 * Waits until every queued record is written.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_store_flush(CblueStore *self, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), FALSE);
	if (CBLUE_STORE_GET_IFACE(self)->flush == NULL)
		return TRUE;
	return CBLUE_STORE_GET_IFACE(self)->flush(self, error);
}

/**
 * cblue_store_check:
 * @self: a #CblueStore
 * @error: return location for a #GError
 *
 * Checks that the store is reachable.
 *
 * Returns: %TRUE if ready
 *
 * Since: 1.0
 */
gboolean
cblue_store_check(CblueStore *self, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), FALSE);
	if (CBLUE_STORE_GET_IFACE(self)->check == NULL)
		return TRUE;
	return CBLUE_STORE_GET_IFACE(self)->check(self, error);
}

/**
 * cblue_store_count:
 * @self: a #CblueStore
 * @table: a logical table name
 * @error: return location for a #GError
 *
 * Counts rows.
 *
 * Returns: the count, or -1 on error
 *
 * Since: 1.0
 */
gint64
cblue_store_count(CblueStore *self, const gchar *table, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), -1);
	if (CBLUE_STORE_GET_IFACE(self)->count == NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED, "store cannot count");
		return -1;
	}
	return CBLUE_STORE_GET_IFACE(self)->count(self, table, error);
}

/**
 * cblue_store_get_conversation:
 * @self: a #CblueStore
 * @conversation_id: the conversation
 * @max_messages: the most recent messages to return, 0 for all
 * @error: return location for a #GError
 *
 * Reads a conversation's messages (already redacted), oldest first, as a JSON array of
 * objects with the members `message_id`, `role` (`user` or `bot`), `text`, `language`,
 * `topic_id` (bot messages, or null), `outcome` (bot messages, or null) and `created_at`
 * (ISO 8601, UTC). A bot message's `message_id` is the id of the user message it answers,
 * the one that `POST /api/v1/feedback` takes. Records queued a moment ago may not be
 * there yet (see [method@Store.flush]).
 *
 * Returns: (transfer full): a JSON array node, or %NULL with %CBLUE_ERROR_NOT_FOUND for an
 *   unknown conversation
 *
 * Since: 1.0
 */
JsonNode *
cblue_store_get_conversation(CblueStore *self, const gchar *conversation_id, guint max_messages, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	g_return_val_if_fail(conversation_id != NULL, NULL);
	if (CBLUE_STORE_GET_IFACE(self)->get_conversation == NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED,
				    "this store cannot read conversations");
		return NULL;
	}
	return CBLUE_STORE_GET_IFACE(self)->get_conversation(self, conversation_id, max_messages, error);
}

/**
 * cblue_store_record_feedback:
 * @self: a #CblueStore
 * @conversation_id: the conversation
 * @message_id: the message whose reply is rated, as in the reply's `message_id`
 * @rating: `up` or `down`
 * @error: return location for a #GError
 *
 * Records a visitor's rating of a reply; a later rating of the same message replaces it.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_store_record_feedback(CblueStore *self, const gchar *conversation_id, const gchar *message_id,
			    const gchar *rating, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), FALSE);
	g_return_val_if_fail(conversation_id != NULL && message_id != NULL && rating != NULL, FALSE);
	if (g_strcmp0(rating, "up") != 0 && g_strcmp0(rating, "down") != 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "unknown rating %s", rating);
		return FALSE;
	}
	if (CBLUE_STORE_GET_IFACE(self)->record_feedback == NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED, "this store cannot record feedback");
		return FALSE;
	}
	return CBLUE_STORE_GET_IFACE(self)->record_feedback(self, conversation_id, message_id, rating, error);
}

/* the admin console's vfuncs: every one is optional */

#define CBLUE_STORE_REQUIRE(self, vfunc, retval)                                                                    \
	G_STMT_START                                                                                                \
	{                                                                                                           \
		if (CBLUE_STORE_GET_IFACE(self)->vfunc == NULL) {                                                   \
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED, "this store does not support %s", \
				    #vfunc);                                                                        \
			return retval;                                                                              \
		}                                                                                                   \
	}                                                                                                           \
	G_STMT_END

/**
 * cblue_store_kb_list_working:
 * @self: a #CblueStore
 * @error: return location for a #GError
 *
 * Reads the working copy of the KB that the admin console edits: every published entry,
 * with its draft in its place where one exists, and the drafts of new entries. Each
 * element is an ENTRY object: the KB entry format (`topic_id`, `category`, `tags`,
 * `keywords`, `questions`, `content`) plus `status` (`published`, `draft` or `deleted`: a
 * draft that deletes the entry on publish), `revision` (an integer, 1 for a new entry, +1
 * per saved draft), `updated_at` (ISO 8601 UTC) and `updated_by` (a user name, or null for
 * an entry written by `cblue kb import`). Sorted by `topic_id`.
 *
 * Returns: (transfer full): a JSON array of ENTRY objects, or %NULL on error
 *
 * Since: 1.0
 */
JsonNode *
cblue_store_kb_list_working(CblueStore *self, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	CBLUE_STORE_REQUIRE(self, kb_list_working, NULL);
	return CBLUE_STORE_GET_IFACE(self)->kb_list_working(self, error);
}

/**
 * cblue_store_kb_get_working:
 * @self: a #CblueStore
 * @topic_id: the topic
 * @error: return location for a #GError
 *
 * Reads one entry of the working copy (see [method@Store.kb_list_working]): its draft if
 * one exists (`status` `draft` or `deleted`), else the published entry.
 *
 * Returns: (transfer full): an ENTRY object, or %NULL with %CBLUE_ERROR_NOT_FOUND
 *
 * Since: 1.0
 */
JsonNode *
cblue_store_kb_get_working(CblueStore *self, const gchar *topic_id, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	g_return_val_if_fail(topic_id != NULL, NULL);
	CBLUE_STORE_REQUIRE(self, kb_get_working, NULL);
	return CBLUE_STORE_GET_IFACE(self)->kb_get_working(self, topic_id, error);
}

/**
 * cblue_store_kb_save_drafts:
 * @self: a #CblueStore
 * @changes: a JSON array of changes, see below
 * @user: the user who saves
 * @error: return location for a #GError
 *
 * Saves drafts, all in one transaction: on any error nothing is written. Each change is
 * an object `{"op", "entry", "revision"}`:
 *
 * - `op` `create`: `entry` (a validated KB entry object) becomes a draft with revision 1
 *   (or the revision of a `deleted` draft of the same topic plus 1); fails with
 *   %CBLUE_ERROR_CONFLICT if the topic exists in the working copy and is not deleted;
 * - `op` `update`: `entry` becomes the topic's draft with revision `revision` + 1; fails
 *   with %CBLUE_ERROR_NOT_FOUND if the topic is not in the working copy and with
 *   %CBLUE_ERROR_CONFLICT if its working revision is not `revision` (someone saved since);
 * - `op` `upsert`: `update` without the revision check if the topic exists, else `create`
 *   (imports);
 * - `op` `delete`: only `entry.topic_id` is read; a draft marks the published entry as
 *   deleted (`status` `deleted`, revision + 1); a draft of an entry that was never
 *   published is removed; checks `revision` like `update` if it is present and not -1.
 *
 * The error message names the topic. Never touches the published KB.
 *
 * Returns: (transfer full): a JSON array of the ENTRY objects after the changes (a removed
 *   draft is returned with `status` `deleted`), in the order of @changes; %NULL on error
 *
 * Since: 1.0
 */
JsonNode *
cblue_store_kb_save_drafts(CblueStore *self, JsonNode *changes, const gchar *user, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	g_return_val_if_fail(changes != NULL && JSON_NODE_HOLDS_ARRAY(changes), NULL);
	CBLUE_STORE_REQUIRE(self, kb_save_drafts, NULL);
	return CBLUE_STORE_GET_IFACE(self)->kb_save_drafts(self, changes, user, error);
}

/**
 * cblue_store_kb_publish:
 * @self: a #CblueStore
 * @user: the user who publishes
 * @comment: (nullable): a note kept with the version
 * @entries: (nullable): a JSON array of KB entries that replaces the whole published KB
 *   (a rollback); %NULL to apply the drafts
 * @error: return location for a #GError
 *
 * Publishes a new KB version in one transaction. With @entries %NULL every draft is
 * applied to the published KB (a `deleted` draft removes its entry; an entry keeps the
 * revision of its draft) and the drafts are removed. With @entries, the published KB
 * becomes exactly @entries (entries whose content changed get revision + 1) and the drafts
 * are kept. Either way a version row is written with a snapshot of every published entry,
 * @user, @comment and the entry count. The caller then reloads the bot with
 * [method@Store.load_kb].
 *
 * Returns: (transfer full): `{"version", "published_at", "entries"}`, or %NULL on error
 *   (nothing changed)
 *
 * Since: 1.0
 */
JsonNode *
cblue_store_kb_publish(CblueStore *self, const gchar *user, const gchar *comment, JsonNode *entries,
		       GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	g_return_val_if_fail(entries == NULL || JSON_NODE_HOLDS_ARRAY(entries), NULL);
	CBLUE_STORE_REQUIRE(self, kb_publish, NULL);
	return CBLUE_STORE_GET_IFACE(self)->kb_publish(self, user, comment, entries, error);
}

/**
 * cblue_store_kb_list_versions:
 * @self: a #CblueStore
 * @error: return location for a #GError
 *
 * Lists the published KB versions (every publish, rollback and `cblue kb import`), newest
 * first.
 *
 * Returns: (transfer full): a JSON array of `{"version", "published_at", "published_by",
 *   "comment", "entries"}` objects (`published_by` and `comment` may be null), or %NULL on
 *   error
 *
 * Since: 1.0
 */
JsonNode *
cblue_store_kb_list_versions(CblueStore *self, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	CBLUE_STORE_REQUIRE(self, kb_list_versions, NULL);
	return CBLUE_STORE_GET_IFACE(self)->kb_list_versions(self, error);
}

/**
 * cblue_store_kb_get_version:
 * @self: a #CblueStore
 * @version: a version number, or 0 for the newest
 * @error: return location for a #GError
 *
 * Reads the snapshot of a published version.
 *
 * Returns: (transfer full): a JSON array of KB entry objects sorted by `topic_id`, or %NULL
 *   (%CBLUE_ERROR_NOT_FOUND if there is no such version)
 *
 * Since: 1.0
 */
JsonNode *
cblue_store_kb_get_version(CblueStore *self, gint64 version, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	CBLUE_STORE_REQUIRE(self, kb_get_version, NULL);
	return CBLUE_STORE_GET_IFACE(self)->kb_get_version(self, version, error);
}

/**
 * cblue_store_user_add:
 * @self: a #CblueStore
 * @name: the user name
 * @role: `admin`, `editor` or `viewer`
 * @password_hash: a self-describing password hash (an Argon2id PHC string)
 * @error: return location for a #GError
 *
 * Adds a console user.
 *
 * Returns: %TRUE for success; %CBLUE_ERROR_CONFLICT if the name is taken
 *
 * Since: 1.0
 */
gboolean
cblue_store_user_add(CblueStore *self, const gchar *name, const gchar *role, const gchar *password_hash,
		     GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), FALSE);
	g_return_val_if_fail(name != NULL && role != NULL && password_hash != NULL, FALSE);
	CBLUE_STORE_REQUIRE(self, user_add, FALSE);
	return CBLUE_STORE_GET_IFACE(self)->user_add(self, name, role, password_hash, error);
}

/**
 * cblue_store_user_update:
 * @self: a #CblueStore
 * @name: the user name
 * @role: (nullable): the new role, or %NULL to keep it
 * @password_hash: (nullable): the new password hash, or %NULL to keep it
 * @disabled: 1 to disable the user, 0 to enable it, -1 to keep it
 * @error: return location for a #GError
 *
 * Changes a console user. A new password or disabling the user ends the user's sessions.
 *
 * Returns: %TRUE for success; %CBLUE_ERROR_NOT_FOUND if there is no such user
 *
 * Since: 1.0
 */
gboolean
cblue_store_user_update(CblueStore *self, const gchar *name, const gchar *role, const gchar *password_hash,
			gint disabled, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), FALSE);
	g_return_val_if_fail(name != NULL, FALSE);
	CBLUE_STORE_REQUIRE(self, user_update, FALSE);
	return CBLUE_STORE_GET_IFACE(self)->user_update(self, name, role, password_hash, disabled, error);
}

/**
 * cblue_store_user_delete:
 * @self: a #CblueStore
 * @name: the user name
 * @error: return location for a #GError
 *
 * Deletes a console user with its sessions and API tokens.
 *
 * Returns: %TRUE for success; %CBLUE_ERROR_NOT_FOUND if there is no such user
 *
 * Since: 1.0
 */
gboolean
cblue_store_user_delete(CblueStore *self, const gchar *name, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), FALSE);
	g_return_val_if_fail(name != NULL, FALSE);
	CBLUE_STORE_REQUIRE(self, user_delete, FALSE);
	return CBLUE_STORE_GET_IFACE(self)->user_delete(self, name, error);
}

/**
 * cblue_store_user_get:
 * @self: a #CblueStore
 * @name: the user name
 * @error: return location for a #GError
 *
 * Reads a console user, for logging in.
 *
 * Returns: (transfer full): `{"name", "role", "password_hash", "disabled" (boolean),
 *   "created_at", "last_login" (nullable)}`, or %NULL (%CBLUE_ERROR_NOT_FOUND if there is
 *   no such user)
 *
 * Since: 1.0
 */
JsonNode *
cblue_store_user_get(CblueStore *self, const gchar *name, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	g_return_val_if_fail(name != NULL, NULL);
	CBLUE_STORE_REQUIRE(self, user_get, NULL);
	return CBLUE_STORE_GET_IFACE(self)->user_get(self, name, error);
}

/**
 * cblue_store_user_list:
 * @self: a #CblueStore
 * @error: return location for a #GError
 *
 * Lists the console users by name, without their password hashes.
 *
 * Returns: (transfer full): a JSON array of `{"name", "role", "disabled", "created_at",
 *   "last_login"}`, or %NULL on error
 *
 * Since: 1.0
 */
JsonNode *
cblue_store_user_list(CblueStore *self, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	CBLUE_STORE_REQUIRE(self, user_list, NULL);
	return CBLUE_STORE_GET_IFACE(self)->user_list(self, error);
}

/**
 * cblue_store_session_create:
 * @self: a #CblueStore
 * @session_hash: the hex SHA-256 of the session id (the id itself is never stored)
 * @user: the user name
 * @csrf_token: the session's CSRF token
 * @expires_at: the absolute expiry, in seconds since the Unix epoch
 * @error: return location for a #GError
 *
 * Stores a new console session, sets the user's `last_login` and deletes expired
 * sessions.
 *
 * Returns: %TRUE for success; %CBLUE_ERROR_NOT_FOUND if there is no such user
 *
 * Since: 1.0
 */
gboolean
cblue_store_session_create(CblueStore *self, const gchar *session_hash, const gchar *user,
			   const gchar *csrf_token, gint64 expires_at, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), FALSE);
	g_return_val_if_fail(session_hash != NULL && user != NULL && csrf_token != NULL, FALSE);
	CBLUE_STORE_REQUIRE(self, session_create, FALSE);
	return CBLUE_STORE_GET_IFACE(self)->session_create(self, session_hash, user, csrf_token, expires_at, error);
}

/**
 * cblue_store_session_get:
 * @self: a #CblueStore
 * @session_hash: the hex SHA-256 of the session id
 * @idle_timeout: seconds of inactivity after which a session ends
 * @error: return location for a #GError
 *
 * Looks a session up and records its use. A session past its absolute expiry, idle for
 * longer than @idle_timeout, or of a disabled or deleted user is deleted and reported as
 * missing.
 *
 * Returns: (transfer full): `{"user", "role", "csrf_token"}`, or %NULL
 *   (%CBLUE_ERROR_AUTH_FAILED if there is no valid session)
 *
 * Since: 1.0
 */
JsonNode *
cblue_store_session_get(CblueStore *self, const gchar *session_hash, gint64 idle_timeout, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	g_return_val_if_fail(session_hash != NULL, NULL);
	CBLUE_STORE_REQUIRE(self, session_get, NULL);
	return CBLUE_STORE_GET_IFACE(self)->session_get(self, session_hash, idle_timeout, error);
}

/**
 * cblue_store_session_delete:
 * @self: a #CblueStore
 * @session_hash: the hex SHA-256 of the session id
 * @error: return location for a #GError
 *
 * Ends a session; ending a session that does not exist succeeds.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_store_session_delete(CblueStore *self, const gchar *session_hash, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), FALSE);
	g_return_val_if_fail(session_hash != NULL, FALSE);
	CBLUE_STORE_REQUIRE(self, session_delete, FALSE);
	return CBLUE_STORE_GET_IFACE(self)->session_delete(self, session_hash, error);
}

/**
 * cblue_store_token_create:
 * @self: a #CblueStore
 * @user: the owner's user name
 * @name: a label for the token
 * @token_hash: the hex SHA-256 of the token (the token itself is never stored)
 * @error: return location for a #GError
 *
 * Stores a new personal API token.
 *
 * Returns: the token's id (> 0), or -1 on error (%CBLUE_ERROR_NOT_FOUND if there is no
 *   such user)
 *
 * Since: 1.0
 */
gint64
cblue_store_token_create(CblueStore *self, const gchar *user, const gchar *name, const gchar *token_hash,
			 GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), -1);
	g_return_val_if_fail(user != NULL && name != NULL && token_hash != NULL, -1);
	CBLUE_STORE_REQUIRE(self, token_create, -1);
	return CBLUE_STORE_GET_IFACE(self)->token_create(self, user, name, token_hash, error);
}

/**
 * cblue_store_token_list:
 * @self: a #CblueStore
 * @user: (nullable): the owner, or %NULL for every user's tokens
 * @error: return location for a #GError
 *
 * Lists the API tokens that are not revoked, newest first.
 *
 * Returns: (transfer full): a JSON array of `{"id", "name", "user", "created_at",
 *   "last_used"}`, or %NULL on error
 *
 * Since: 1.0
 */
JsonNode *
cblue_store_token_list(CblueStore *self, const gchar *user, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	CBLUE_STORE_REQUIRE(self, token_list, NULL);
	return CBLUE_STORE_GET_IFACE(self)->token_list(self, user, error);
}

/**
 * cblue_store_token_delete:
 * @self: a #CblueStore
 * @id: the token's id
 * @user: (nullable): the owner the token must belong to, or %NULL for any owner
 * @error: return location for a #GError
 *
 * Revokes an API token; it is kept (revoked) for the audit trail.
 *
 * Returns: %TRUE for success; %CBLUE_ERROR_NOT_FOUND if there is no such token (of @user)
 *
 * Since: 1.0
 */
gboolean
cblue_store_token_delete(CblueStore *self, gint64 id, const gchar *user, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), FALSE);
	CBLUE_STORE_REQUIRE(self, token_delete, FALSE);
	return CBLUE_STORE_GET_IFACE(self)->token_delete(self, id, user, error);
}

/**
 * cblue_store_token_get:
 * @self: a #CblueStore
 * @token_hash: the hex SHA-256 of the token
 * @error: return location for a #GError
 *
 * Looks an API token up and records its use.
 *
 * Returns: (transfer full): `{"id", "user", "role"}`, or %NULL (%CBLUE_ERROR_AUTH_FAILED if
 *   the token is unknown, revoked, or its user disabled)
 *
 * Since: 1.0
 */
JsonNode *
cblue_store_token_get(CblueStore *self, const gchar *token_hash, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	g_return_val_if_fail(token_hash != NULL, NULL);
	CBLUE_STORE_REQUIRE(self, token_get, NULL);
	return CBLUE_STORE_GET_IFACE(self)->token_get(self, token_hash, error);
}

/**
 * cblue_store_audit_append:
 * @self: a #CblueStore
 * @actor: (nullable): the user name, %NULL for the system
 * @action: what happened, e.g. `login`, `kb.publish`
 * @target: (nullable): what it happened to, e.g. a topic id
 * @detail: (nullable): free text; never a secret
 * @error: return location for a #GError
 *
 * Appends a line to the audit log.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_store_audit_append(CblueStore *self, const gchar *actor, const gchar *action, const gchar *target,
			 const gchar *detail, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), FALSE);
	g_return_val_if_fail(action != NULL, FALSE);
	CBLUE_STORE_REQUIRE(self, audit_append, FALSE);
	return CBLUE_STORE_GET_IFACE(self)->audit_append(self, actor, action, target, detail, error);
}

/**
 * cblue_store_audit_list:
 * @self: a #CblueStore
 * @offset: lines to skip
 * @limit: the most lines to return
 * @error: return location for a #GError
 *
 * Reads the audit log, newest first.
 *
 * Returns: (transfer full): `{"total", "entries": [{"at", "user", "action", "target",
 *   "detail"}]}`, or %NULL on error
 *
 * Since: 1.0
 */
JsonNode *
cblue_store_audit_list(CblueStore *self, guint offset, guint limit, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	CBLUE_STORE_REQUIRE(self, audit_list, NULL);
	return CBLUE_STORE_GET_IFACE(self)->audit_list(self, offset, limit, error);
}

/**
 * cblue_store_load_embeddings:
 * @self: a #CblueStore
 * @model: the embedding model (as configured, e.g. `text-embedding-3-small`)
 * @error: return location for a #GError
 *
 * Reads the vectors that retrieval-embedding cached for @model: one
 * [class@Embedding] per KB entry, with the hash of the texts that were embedded, so
 * that only entries whose texts changed (or that are new) are sent to the model again.
 * Vectors of another model are never returned. %CBLUE_ERROR_NOT_SUPPORTED from a store
 * without an embedding cache.
 *
 * Returns: (transfer container) (element-type CblueEmbedding): the cached vectors, in no
 *   particular order, or %NULL on error
 *
 * Since: 1.0
 */
GPtrArray *
cblue_store_load_embeddings(CblueStore *self, const gchar *model, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	g_return_val_if_fail(model != NULL, NULL);
	CBLUE_STORE_REQUIRE(self, load_embeddings, NULL);
	return CBLUE_STORE_GET_IFACE(self)->load_embeddings(self, model, error);
}

/**
 * cblue_store_save_embeddings:
 * @self: a #CblueStore
 * @model: the embedding model
 * @embeddings: (element-type CblueEmbedding): the vectors of some KB entries
 * @error: return location for a #GError
 *
 * Caches vectors of @model in one transaction, replacing what was cached for the same
 * entries and model.
 *
 * Returns: %TRUE for success; on failure nothing was changed
 *
 * Since: 1.0
 */
gboolean
cblue_store_save_embeddings(CblueStore *self, const gchar *model, GPtrArray *embeddings, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), FALSE);
	g_return_val_if_fail(model != NULL, FALSE);
	g_return_val_if_fail(embeddings != NULL, FALSE);
	CBLUE_STORE_REQUIRE(self, save_embeddings, FALSE);
	return CBLUE_STORE_GET_IFACE(self)->save_embeddings(self, model, embeddings, error);
}

/**
 * cblue_store_analytics_query:
 * @self: a #CblueStore
 * @from_usec: the start of the range, inclusive, in microseconds since the Unix epoch
 * @to_usec: the end of the range, exclusive
 * @timezone: an IANA time zone identifier such as `Asia/Bangkok`, for days and hours
 * @error: return location for a #GError
 *
 * Computes the admin console's figures over the customer messages of a time range. The
 * result is a JSON object with the members:
 *
 * - `per_day`: an array of `{"date", "conversations", "messages"}` for the local days
 *   (in @timezone) that have messages, oldest first; a conversation counts on every day
 *   it has a message;
 * - `languages`: an object, the number of messages per reply language;
 * - `top_topics`: an array of `{"topic_id", "count"}`, the ten topics answered most often;
 * - `outcomes`: `{"answered", "clarify", "unanswered"}`, messages per outcome;
 * - `feedback`: `{"up", "down"}`, the ratings given in the range;
 * - `response_ms`: `{"p50", "p95"}`, the pipeline time in milliseconds (nearest rank), or
 *   null members when there are no messages;
 * - `busiest_hours`: an array of 24 message counts, by local hour of the day;
 * - `pii`: an object, the number of customer messages from which each type of personal
 *   data (e.g. `EMAIL`) was redacted.
 *
 * Returns: (transfer full): a JSON object node, or %NULL on error
 *
 * Since: 1.0
 */
JsonNode *
cblue_store_analytics_query(CblueStore *self, gint64 from_usec, gint64 to_usec, const gchar *timezone,
			    GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	g_return_val_if_fail(timezone != NULL, NULL);
	CBLUE_STORE_REQUIRE(self, analytics_query, NULL);
	return CBLUE_STORE_GET_IFACE(self)->analytics_query(self, from_usec, to_usec, timezone, error);
}

/**
 * cblue_store_unanswered_list:
 * @self: a #CblueStore
 * @from_usec: the start of the range, inclusive, in microseconds since the Unix epoch
 * @to_usec: the end of the range, exclusive
 * @include_down: %TRUE to list the questions whose answer was rated thumbs-down too
 * @limit: the most recent items to return at most
 * @error: return location for a #GError
 *
 * Lists the questions of a time range that are still open (not resolved with
 * [method@Store.unanswered_resolve]), newest first, as a JSON array of objects
 * `{"id", "text", "language", "created_at"}`. An `id` is `u` and the number of an
 * unanswered question, or `d` and the number of a thumbs-down rating; texts are redacted.
 *
 * Returns: (transfer full): a JSON array node, or %NULL on error
 *
 * Since: 1.0
 */
JsonNode *
cblue_store_unanswered_list(CblueStore *self, gint64 from_usec, gint64 to_usec, gboolean include_down,
			    guint limit, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), NULL);
	CBLUE_STORE_REQUIRE(self, unanswered_list, NULL);
	return CBLUE_STORE_GET_IFACE(self)->unanswered_list(self, from_usec, to_usec, include_down, limit, error);
}

/**
 * cblue_store_unanswered_resolve:
 * @self: a #CblueStore
 * @ids: (array zero-terminated=1): the ids of [method@Store.unanswered_list]
 * @action: `add_example`, `new_entry` or `dismiss`
 * @topic_id: (nullable): the KB topic the questions went to
 * @user: (nullable): who resolved them
 * @error: return location for a #GError
 *
 * Marks questions as resolved, in one transaction, so that they leave the inbox. An id
 * resolved already keeps its first resolution.
 *
 * Returns: %TRUE for success; on failure nothing was changed
 *
 * Since: 1.0
 */
gboolean
cblue_store_unanswered_resolve(CblueStore *self, const gchar *const *ids, const gchar *action,
			       const gchar *topic_id, const gchar *user, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_STORE(self), FALSE);
	g_return_val_if_fail(ids != NULL && action != NULL, FALSE);
	CBLUE_STORE_REQUIRE(self, unanswered_resolve, FALSE);
	return CBLUE_STORE_GET_IFACE(self)->unanswered_resolve(self, ids, action, topic_id, user, error);
}
