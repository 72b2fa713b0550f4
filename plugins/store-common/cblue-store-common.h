/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"

G_BEGIN_DECLS

/*
 * What the store plugins (store-sqlite, store-postgres) share, whatever the database: a
 * static library linked into each, like retrieval-common. Only logic that is the same for
 * both lives here; SQL and connection handling stay in each plugin.
 */

/* ISO-8601 UTC with microseconds, fixed width, so that timestamps sort as text and read
 * the same in SQLite and PostgreSQL */
gchar *cblue_store_timestamp(gint64 real_usec);

/* the arguments of CblueStore.unanswered_resolve(): a known @action and well-formed @ids
 * ('u' for unanswered or 'd' for down-rated, then the row id); CBLUE_ERROR_INVALID_DATA
 * otherwise, before anything is written */
gboolean cblue_store_unanswered_resolve_check(const gchar *const *ids, const gchar *action, GError **error);

/* KB drafts (CblueStore.kb_save_drafts()): the checks and the JSON of one change, the same
 * whatever the database; each store reads and writes the working copy itself */

/* what the working copy holds for a topic */
typedef struct {
	gboolean exists;
	gboolean published;
	gboolean deleted;
	gint64 revision;
	gchar *data; /* owned by the caller, nullable */
} CblueStoreWorking;

/* the topic id of a change's @entry_node, or NULL (CBLUE_ERROR_INVALID_DATA) */
const gchar *cblue_store_draft_topic_id(JsonNode *entry_node, GError **error);
/* what a change @op ("create", "update", "upsert" or "delete", with the @expected revision
 * or -1) does to the working copy @cur: "create", "update" or "delete" (a static string)
 * and the draft's new @revision, or NULL with a conflict, not-found or invalid-data error */
const gchar *cblue_store_draft_plan(const gchar *op, const gchar *topic_id, gint64 expected,
				    const CblueStoreWorking *cur, gint64 *revision, GError **error);
/* the entry alone, without the working copy's members, as JSON text */
gchar *cblue_store_draft_clean_entry(JsonObject *entry);
/* an ENTRY for a never-published draft that was just removed */
JsonNode *cblue_store_draft_removed_entry(const gchar *data, gint64 revision, const gchar *now, const gchar *user,
					  GError **error);

/* what a store does to its working copy on its connection @db, inside its transaction */
typedef struct {
	/* @cur->data is the caller's to free */
	gboolean (*read_working)(gpointer db, const gchar *topic_id, CblueStoreWorking *cur, GError **error);
	gboolean (*write_draft)(gpointer db, const gchar *topic_id, const gchar *category, const gchar *data,
				gboolean deleted, gint64 revision, const gchar *now, const gchar *user, GError **error);
	gboolean (*drop_draft)(gpointer db, const gchar *topic_id, GError **error);
	/* the working entry, as kb_get_working() returns it */
	JsonNode *(*get_working)(gpointer db, const gchar *topic_id, GError **error);
} CblueStoreDraftOps;

/* one @change of kb_save_drafts() by @user at @now: the checks, then the writes through
 * @ops; the working entry it leaves, or NULL */
JsonNode *cblue_store_draft_save(const CblueStoreDraftOps *ops, gpointer db, JsonObject *change, const gchar *user,
				 const gchar *now, GError **error);

/* the GResource a plugin compiled in, waiting for GLib's lazy registration (see the .c) */
GResource *cblue_store_compiled_resource(GResource *(*get_resource)(void), const gchar *path);

G_END_DECLS
