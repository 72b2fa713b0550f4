/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cblue-store-common.h"

/* @value in exactly @n decimal digits, zero-padded, at @out */
static void
cblue_store_put_digits(gchar *out, guint value, guint n)
{
	while (n-- > 0) {
		out[n] = (gchar)('0' + value % 10);
		value /= 10;
	}
}

/* the civil date of @days since 1970-01-01 (>= 0) in the proleptic Gregorian calendar:
 * Howard Hinnant's civil_from_days(), by 400-year eras of 146097 days counted from
 * 0000-03-01, so that a leap day ends its year */
static void
cblue_store_civil_from_days(gint64 days, gint64 *year, guint *month, guint *day)
{
	gint64 z = days + 719468;
	gint64 era = z / 146097;
	gint64 day_of_era = z - era * 146097;
	gint64 year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
	gint64 day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
	gint64 month_from_march = (5 * day_of_year + 2) / 153;

	*day = (guint)(day_of_year - (153 * month_from_march + 2) / 5 + 1);
	*month = (guint)(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
	*year = year_of_era + era * 400 + (*month <= 2 ? 1 : 0);
}

gchar *
cblue_store_timestamp(gint64 real_usec)
{
	gint64 secs = real_usec / G_USEC_PER_SEC;
	guint day_secs = (guint)(secs % 86400);
	guint usec = (guint)(real_usec % G_USEC_PER_SEC);
	gint64 year;
	guint month, day;
	gchar *out;

	if (real_usec < 0)
		return g_strdup("1970-01-01T00:00:00.000000Z");
	cblue_store_civil_from_days(secs / 86400, &year, &month, &day);
	if (year > 9999)
		return g_strdup_printf("%" G_GINT64_FORMAT "-%02u-%02uT%02u:%02u:%02u.%06uZ", year, month, day,
				       day_secs / 3600, day_secs / 60 % 60, day_secs % 60, usec);
	/* neither GDateTime nor printf: this runs twice for every stored record */
	out = g_malloc(sizeof("2025-01-31T08:15:00.123456Z"));
	cblue_store_put_digits(out, (guint)year, 4);
	out[4] = '-';
	cblue_store_put_digits(out + 5, month, 2);
	out[7] = '-';
	cblue_store_put_digits(out + 8, day, 2);
	out[10] = 'T';
	cblue_store_put_digits(out + 11, day_secs / 3600, 2);
	out[13] = ':';
	cblue_store_put_digits(out + 14, day_secs / 60 % 60, 2);
	out[16] = ':';
	cblue_store_put_digits(out + 17, day_secs % 60, 2);
	out[19] = '.';
	cblue_store_put_digits(out + 20, usec, 6);
	out[26] = 'Z';
	out[27] = '\0';
	return out;
}

static gboolean
cblue_store_unanswered_id_is_valid(const gchar *id)
{
	/* at most 20 characters: the prefix and a 64-bit row id */
	if ((id[0] != 'u' && id[0] != 'd') || id[1] == '\0' || strlen(id) > 20)
		return FALSE;
	for (const gchar *p = id + 1; *p != '\0'; p++) {
		if (!g_ascii_isdigit(*p))
			return FALSE;
	}
	return TRUE;
}

gboolean
cblue_store_unanswered_resolve_check(const gchar *const *ids, const gchar *action, GError **error)
{
	if (g_strcmp0(action, "add_example") != 0 && g_strcmp0(action, "new_entry") != 0 &&
	    g_strcmp0(action, "dismiss") != 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("Unknown action “%s”."), action);
		return FALSE;
	}
	for (guint i = 0; ids[i] != NULL; i++) {
		if (!cblue_store_unanswered_id_is_valid(ids[i])) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("Invalid question id “%s”."),
				    ids[i]);
			return FALSE;
		}
	}
	return TRUE;
}

const gchar *
cblue_store_draft_topic_id(JsonNode *entry_node, GError **error)
{
	const gchar *topic_id = NULL;

	if (entry_node != NULL && JSON_NODE_HOLDS_OBJECT(entry_node))
		topic_id = json_object_get_string_member_with_default(json_node_get_object(entry_node), "topic_id",
								      NULL);
	if (topic_id == NULL)
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("A change has no entry."));
	return topic_id;
}

const gchar *
cblue_store_draft_plan(const gchar *op, const gchar *topic_id, gint64 expected, const CblueStoreWorking *cur,
		       gint64 *revision, GError **error)
{
	gboolean live = cur->exists && !cur->deleted;

	if (g_strcmp0(op, "upsert") == 0)
		op = live ? "update" : "create";
	else if (g_strcmp0(op, "update") == 0 && !live && expected < 0)
		op = "create";

	if (g_strcmp0(op, "create") == 0) {
		if (live) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_CONFLICT, _("The KB entry “%s” exists already."),
				    topic_id);
			return NULL;
		}
		*revision = cur->exists ? cur->revision + 1 : 1;
		return "create";
	}
	if (g_strcmp0(op, "update") != 0 && g_strcmp0(op, "delete") != 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("Unknown change “%s”."), op);
		return NULL;
	}
	if (!cur->exists) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND, _("No KB entry “%s”."), topic_id);
		return NULL;
	}
	if ((g_strcmp0(op, "update") == 0 || expected >= 0) && expected != cur->revision) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_CONFLICT,
			    _("The KB entry “%s” was changed by someone else (revision %lld, "
			      "not %lld)."),
			    topic_id, (long long)cur->revision, (long long)expected);
		return NULL;
	}
	/* a deleted entry cannot be deleted again */
	if (g_strcmp0(op, "delete") == 0 && cur->deleted) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND, _("No KB entry “%s”."), topic_id);
		return NULL;
	}
	*revision = cur->revision + 1;
	return g_strcmp0(op, "update") == 0 ? "update" : "delete";
}

/* built anew: json_node_copy() is shallow and the caller's entry must not change */
gchar *
cblue_store_draft_clean_entry(JsonObject *entry)
{
	g_autoptr(JsonNode) clean = json_node_new(JSON_NODE_OBJECT);
	JsonObject *obj = json_object_new();
	const gchar *const extra[] = {"status", "revision", "updated_at", "updated_by", NULL};
	g_autoptr(GList) members = json_object_get_members(entry);

	for (GList *l = members; l != NULL; l = l->next) {
		if (!g_strv_contains(extra, l->data))
			json_object_set_member(obj, l->data, json_node_copy(json_object_get_member(entry, l->data)));
	}
	json_node_take_object(clean, obj);
	return json_to_string(clean, FALSE);
}

JsonNode *
cblue_store_draft_removed_entry(const gchar *data, gint64 revision, const gchar *now, const gchar *user,
				GError **error)
{
	g_autoptr(JsonNode) node = json_from_string(data, error);
	JsonObject *obj;

	if (node == NULL)
		return NULL;
	obj = json_node_get_object(node);
	json_object_set_string_member(obj, "status", "deleted");
	json_object_set_int_member(obj, "revision", revision + 1);
	json_object_set_string_member(obj, "updated_at", now);
	json_object_set_string_member(obj, "updated_by", user);
	return g_steal_pointer(&node);
}

JsonNode *
cblue_store_draft_save(const CblueStoreDraftOps *ops, gpointer db, JsonObject *change, const gchar *user,
		       const gchar *now, GError **error)
{
	const gchar *op = json_object_get_string_member_with_default(change, "op", "");
	JsonNode *entry_node = json_object_get_member(change, "entry");
	gint64 expected = json_object_get_int_member_with_default(change, "revision", -1);
	JsonObject *entry;
	const gchar *topic_id;
	g_autofree gchar *data = NULL;
	g_autofree gchar *cur_data = NULL;
	CblueStoreWorking cur;
	gint64 revision;

	topic_id = cblue_store_draft_topic_id(entry_node, error);
	if (topic_id == NULL)
		return NULL;
	entry = json_node_get_object(entry_node);
	if (!ops->read_working(db, topic_id, &cur, error))
		return NULL;
	cur_data = cur.data;
	op = cblue_store_draft_plan(op, topic_id, expected, &cur, &revision, error);
	if (op == NULL)
		return NULL;

	if (g_strcmp0(op, "delete") == 0) {
		/* a never-published draft goes; a published entry gets a deleting draft */
		if (!cur.published) {
			if (!ops->drop_draft(db, topic_id, error))
				return NULL;
			return cblue_store_draft_removed_entry(cur_data, cur.revision, now, user, error);
		}
		if (!ops->write_draft(db, topic_id, NULL, cur_data, TRUE, revision, now, user, error))
			return NULL;
	} else {
		/* the stored document is the KB entry alone */
		data = cblue_store_draft_clean_entry(entry);
		if (!ops->write_draft(db, topic_id, json_object_get_string_member_with_default(entry, "category", NULL),
				      data, FALSE, revision, now, user, error))
			return NULL;
	}
	return ops->get_working(db, topic_id, error);
}

/*
 * GLib 2.74 registers static resources lazily: while another thread registers them, a
 * plugin's generated getter (@get_resource) returns NULL instead of waiting (a store's
 * thread crashed in g_resource_enumerate_children() at start-up); a global lookup of
 * @path takes GLib's resources lock, which waits for that registration to finish.
 */
GResource *
cblue_store_compiled_resource(GResource *(*get_resource)(void), const gchar *path)
{
	GResource *resource = get_resource();

	if (resource == NULL) {
		g_autoptr(GBytes) none = g_resources_lookup_data(path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
		resource = get_resource();
	}
	return resource;
}
