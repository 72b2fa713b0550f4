/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cblue-store-sqlite-admin.h"
#include "cblue-store-sqlite-analytics.h"
#include "cblue-store-common.h"

/*
 * The console's analytics and unanswered inbox in store-sqlite. Every figure is one
 * aggregate query over `analytics_events` (which keeps no text, so that conversations can
 * be purged without losing statistics), `feedback` and, for PII types, the customer rows of
 * `messages`; all run on the read connection under its mutex, from the admin worker pool.
 *
 * SQLite knows no time zones, so local days and hours come from a small table of UTC
 * offsets, computed here with GTimeZone for the queried range and bound as JSON: each event
 * takes the offset of the last change before it, which stays right across a daylight-saving
 * change inside the range (Asia/Bangkok, the default, has none).
 */

/* the granularity at which offset changes are looked for; a change is then pinned to the
 * second by bisection */
#define CBLUE_SQLITE_ANALYTICS_TZ_STEP_SEC (15 * 60)

/* the topics listed in `top_topics` */
#define CBLUE_SQLITE_ANALYTICS_TOP_TOPICS 10

/* the local time of an analytics event; ?1 and ?2 are the range (ISO text, UTC), ?3 the
 * offsets as [[start, seconds], …] */
#define CBLUE_SQLITE_ANALYTICS_LOCAL_EVENTS                                                                  \
	"WITH tz(start, off) AS (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') "          \
	"FROM json_each(?3)), "                                                                               \
	"ev AS (SELECT e.conversation_id AS conversation_id, datetime(substr(e.created_at, 1, 19), "           \
	"(SELECT off FROM tz WHERE tz.start <= e.created_at ORDER BY tz.start DESC LIMIT 1) || ' seconds') " \
	"AS local FROM analytics_events e "                                                                   \
	"WHERE e.type = 'message' AND e.created_at >= ?1 AND e.created_at < ?2) "
/* (the whole seconds only: SQLite's date functions round to milliseconds, which would
 * move 23:59:59.9999 to the next day) */

/* the range as bound parameters ?1 (inclusive) and ?2 (exclusive), plus ?3 when given */
static CblueSqliteStmt *
cblue_sqlite_analytics_prepare(CblueSqliteDb *db, const gchar *sql, const gchar *from, const gchar *to,
			       const gchar *third, GError **error)
{
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_db_prepare(db, sql, error);

	if (stmt == NULL || !cblue_sqlite_db_bind(db, stmt, error, "tt", from, to) ||
	    (third != NULL && !cblue_sqlite_bind_text(db, stmt, 3, third, error)))
		return NULL;
	return g_steal_pointer(&stmt);
}

static gint32
cblue_sqlite_analytics_offset_at(GTimeZone *tz, gint64 secs)
{
	gint interval = g_time_zone_find_interval(tz, G_TIME_TYPE_UNIVERSAL, secs);
	return interval >= 0 ? g_time_zone_get_offset(tz, interval) : 0;
}

/* the UTC offsets of @tz over [from, to) as JSON [[start, seconds], …], the first at @from */
static gchar *
cblue_sqlite_analytics_offsets_json(GTimeZone *tz, gint64 from_usec, gint64 to_usec)
{
	g_autoptr(GString) json = g_string_new("[");
	gint64 from = from_usec / G_USEC_PER_SEC;
	gint64 to = to_usec / G_USEC_PER_SEC;
	gint32 last = cblue_sqlite_analytics_offset_at(tz, from);
	g_autofree gchar *start = cblue_store_timestamp(from_usec);

	g_string_append_printf(json, "[\"%s\",%d]", start, last);
	for (gint64 t = from + CBLUE_SQLITE_ANALYTICS_TZ_STEP_SEC; t < to; t += CBLUE_SQLITE_ANALYTICS_TZ_STEP_SEC) {
		gint32 offset = cblue_sqlite_analytics_offset_at(tz, t);
		gint64 lo = t - CBLUE_SQLITE_ANALYTICS_TZ_STEP_SEC;
		gint64 hi = t;
		g_autofree gchar *change = NULL;

		if (offset == last)
			continue;
		/* the first second with the new offset is in (lo, hi] */
		while (hi - lo > 1) {
			gint64 mid = lo + (hi - lo) / 2;
			if (cblue_sqlite_analytics_offset_at(tz, mid) == last)
				lo = mid;
			else
				hi = mid;
		}
		change = cblue_store_timestamp(hi * G_USEC_PER_SEC);
		g_string_append_printf(json, ",[\"%s\",%d]", change, offset);
		last = offset;
	}
	g_string_append_c(json, ']');
	return g_string_free(g_steal_pointer(&json), FALSE);
}

static gboolean
cblue_sqlite_analytics_per_day(CblueSqliteDb *db, const gchar *from, const gchar *to, const gchar *offsets,
			       JsonBuilder *builder, GError **error)
{
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_analytics_prepare(
	    db,
	    CBLUE_SQLITE_ANALYTICS_LOCAL_EVENTS "SELECT substr(local, 1, 10) AS day, "
						"count(DISTINCT conversation_id), count(*) FROM ev "
						"GROUP BY day ORDER BY day",
	    from, to, offsets, error);
	gint rc;

	if (stmt == NULL)
		return FALSE;
	json_builder_set_member_name(builder, "per_day");
	json_builder_begin_array(builder);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		json_builder_begin_object(builder);
		json_builder_set_member_name(builder, "date");
		json_builder_add_string_value(builder, cblue_sqlite_column_text(stmt, 0));
		json_builder_set_member_name(builder, "conversations");
		json_builder_add_int_value(builder, sqlite3_column_int64(stmt, 1));
		json_builder_set_member_name(builder, "messages");
		json_builder_add_int_value(builder, sqlite3_column_int64(stmt, 2));
		json_builder_end_object(builder);
	}
	json_builder_end_array(builder);
	return cblue_sqlite_db_check_done(db, rc, "cannot count messages per day", error);
}

static gboolean
cblue_sqlite_analytics_hours(CblueSqliteDb *db, const gchar *from, const gchar *to, const gchar *offsets,
			     JsonBuilder *builder, GError **error)
{
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_analytics_prepare(
	    db,
	    CBLUE_SQLITE_ANALYTICS_LOCAL_EVENTS "SELECT CAST(substr(local, 12, 2) AS INTEGER) AS hour, count(*) "
						"FROM ev GROUP BY hour",
	    from, to, offsets, error);
	gint64 hours[24] = {0};
	gint rc;

	if (stmt == NULL)
		return FALSE;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		gint hour = sqlite3_column_int(stmt, 0);
		if (hour >= 0 && hour < 24)
			hours[hour] = sqlite3_column_int64(stmt, 1);
	}
	if (!cblue_sqlite_db_check_done(db, rc, "cannot count messages per hour", error))
		return FALSE;
	json_builder_set_member_name(builder, "busiest_hours");
	json_builder_begin_array(builder);
	for (guint i = 0; i < G_N_ELEMENTS(hours); i++)
		json_builder_add_int_value(builder, hours[i]);
	json_builder_end_array(builder);
	return TRUE;
}

/* a `SELECT key, count` query as an object member {key: count, …}; NULL keys are skipped */
static gboolean
cblue_sqlite_analytics_counts(CblueSqliteDb *db, const gchar *sql, const gchar *from, const gchar *to,
			      const gchar *member, const gchar *const *always, JsonBuilder *builder,
			      GError **error)
{
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_analytics_prepare(db, sql, from, to, NULL, error);
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	gint rc;

	if (stmt == NULL)
		return FALSE;
	json_builder_set_member_name(builder, member);
	json_builder_begin_object(builder);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const gchar *key = cblue_sqlite_column_text(stmt, 0);
		if (key == NULL)
			continue;
		json_builder_set_member_name(builder, key);
		json_builder_add_int_value(builder, sqlite3_column_int64(stmt, 1));
		g_hash_table_add(seen, g_strdup(key));
	}
	/* the members the console always reads, as 0 when nothing was counted */
	for (guint i = 0; always != NULL && always[i] != NULL; i++) {
		if (g_hash_table_contains(seen, always[i]))
			continue;
		json_builder_set_member_name(builder, always[i]);
		json_builder_add_int_value(builder, 0);
	}
	json_builder_end_object(builder);
	return cblue_sqlite_db_check_done(db, rc, "cannot count", error);
}

static gboolean
cblue_sqlite_analytics_top_topics(CblueSqliteDb *db, const gchar *from, const gchar *to, JsonBuilder *builder,
				  GError **error)
{
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_analytics_prepare(
	    db,
	    "SELECT topic_id, count(*) AS n FROM analytics_events "
	    "WHERE type = 'message' AND created_at >= ?1 AND created_at < ?2 "
	    "AND outcome = 'answered' AND topic_id IS NOT NULL "
	    "GROUP BY topic_id ORDER BY n DESC, topic_id LIMIT " G_STRINGIFY(CBLUE_SQLITE_ANALYTICS_TOP_TOPICS),
	    from, to, NULL, error);
	gint rc;

	if (stmt == NULL)
		return FALSE;
	json_builder_set_member_name(builder, "top_topics");
	json_builder_begin_array(builder);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		json_builder_begin_object(builder);
		json_builder_set_member_name(builder, "topic_id");
		json_builder_add_string_value(builder, cblue_sqlite_column_text(stmt, 0));
		json_builder_set_member_name(builder, "count");
		json_builder_add_int_value(builder, sqlite3_column_int64(stmt, 1));
		json_builder_end_object(builder);
	}
	json_builder_end_array(builder);
	return cblue_sqlite_db_check_done(db, rc, "cannot rank topics", error);
}

/* the @rank-th smallest duration (1-based), in ms */
static gboolean
cblue_sqlite_analytics_duration_at(CblueSqliteDb *db, const gchar *from, const gchar *to, gint64 rank,
				   gdouble *ms, GError **error)
{
	g_autofree gchar *offset = g_strdup_printf("%" G_GINT64_FORMAT, rank - 1);
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_analytics_prepare(
	    db,
	    "SELECT duration_us FROM analytics_events "
	    "WHERE type = 'message' AND created_at >= ?1 AND created_at < ?2 AND duration_us IS NOT NULL "
	    "ORDER BY duration_us LIMIT 1 OFFSET CAST(?3 AS INTEGER)",
	    from, to, offset, error);

	if (stmt == NULL || !cblue_sqlite_db_step_row(db, stmt, "cannot read a response time", error))
		return FALSE;
	*ms = (gdouble)sqlite3_column_int64(stmt, 0) / 1000.0;
	return TRUE;
}

/* p50 and p95 by nearest rank */
static gboolean
cblue_sqlite_analytics_response_ms(CblueSqliteDb *db, const gchar *from, const gchar *to, JsonBuilder *builder,
				   GError **error)
{
	const struct {
		const gchar *name;
		gint64 percent;
	} percentiles[] = {{"p50", 50}, {"p95", 95}};
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_analytics_prepare(
	    db,
	    "SELECT count(*) FROM analytics_events "
	    "WHERE type = 'message' AND created_at >= ?1 AND created_at < ?2 AND duration_us IS NOT NULL",
	    from, to, NULL, error);
	gint64 n;

	if (stmt == NULL || !cblue_sqlite_db_step_row(db, stmt, "cannot count response times", error))
		return FALSE;
	n = sqlite3_column_int64(stmt, 0);
	json_builder_set_member_name(builder, "response_ms");
	json_builder_begin_object(builder);
	for (guint i = 0; i < G_N_ELEMENTS(percentiles); i++) {
		gdouble ms = 0;
		json_builder_set_member_name(builder, percentiles[i].name);
		if (n == 0) {
			json_builder_add_null_value(builder);
			continue;
		}
		/* nearest rank: ceil(p × n / 100), in integers */
		if (!cblue_sqlite_analytics_duration_at(db, from, to, MAX(1, (percentiles[i].percent * n + 99) / 100),
							&ms, error))
			return FALSE;
		json_builder_add_double_value(builder, ms);
	}
	json_builder_end_object(builder);
	return TRUE;
}

/* messages store the types found as a comma-separated list (`EMAIL,PHONE`): SQL groups the
 * distinct lists, here they are split and summed per type */
static gboolean
cblue_sqlite_analytics_pii(CblueSqliteDb *db, const gchar *from, const gchar *to, JsonBuilder *builder,
			   GError **error)
{
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_analytics_prepare(
	    db,
	    "SELECT pii_types, count(*) FROM messages "
	    "WHERE pii_types IS NOT NULL AND created_at >= ?1 AND created_at < ?2 AND role = 'user' "
	    "GROUP BY pii_types",
	    from, to, NULL, error);
	g_autoptr(GHashTable) counts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	g_autoptr(GList) keys = NULL;
	gint rc;

	if (stmt == NULL)
		return FALSE;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		g_auto(GStrv) types = g_strsplit(cblue_sqlite_column_text(stmt, 0), ",", -1);
		gint64 n = sqlite3_column_int64(stmt, 1);
		for (guint i = 0; types[i] != NULL; i++) {
			gint64 *total;
			g_strstrip(types[i]);
			if (types[i][0] == '\0')
				continue;
			total = g_hash_table_lookup(counts, types[i]);
			if (total == NULL) {
				total = g_new0(gint64, 1);
				g_hash_table_insert(counts, g_strdup(types[i]), total);
			}
			*total += n;
		}
	}
	if (!cblue_sqlite_db_check_done(db, rc, "cannot count redactions", error))
		return FALSE;
	/* sorted, so that the same data always gives the same document */
	keys = g_list_sort(g_hash_table_get_keys(counts), (GCompareFunc)g_strcmp0);
	json_builder_set_member_name(builder, "pii");
	json_builder_begin_object(builder);
	for (GList *l = keys; l != NULL; l = l->next) {
		json_builder_set_member_name(builder, l->data);
		json_builder_add_int_value(builder, *(gint64 *)g_hash_table_lookup(counts, l->data));
	}
	json_builder_end_object(builder);
	return TRUE;
}

static gboolean
cblue_sqlite_analytics_query_locked(CblueSqliteDb *db, gint64 from_usec, gint64 to_usec, GTimeZone *tz,
				    JsonBuilder *builder, GError **error)
{
	const gchar *outcomes[] = {"answered", "clarify", "unanswered", NULL};
	const gchar *ratings[] = {"up", "down", NULL};
	g_autofree gchar *from = cblue_store_timestamp(from_usec);
	g_autofree gchar *to = cblue_store_timestamp(to_usec);
	g_autofree gchar *offsets = cblue_sqlite_analytics_offsets_json(tz, from_usec, to_usec);

	json_builder_begin_object(builder);
	if (!cblue_sqlite_analytics_per_day(db, from, to, offsets, builder, error) ||
	    !cblue_sqlite_analytics_counts(db,
					   "SELECT COALESCE(language, 'und'), count(*) FROM analytics_events "
					   "WHERE type = 'message' AND created_at >= ?1 AND created_at < ?2 "
					   "GROUP BY 1 ORDER BY 1",
					   from, to, "languages", NULL, builder, error) ||
	    !cblue_sqlite_analytics_top_topics(db, from, to, builder, error) ||
	    !cblue_sqlite_analytics_counts(db,
					   "SELECT outcome, count(*) FROM analytics_events "
					   "WHERE type = 'message' AND created_at >= ?1 AND created_at < ?2 "
					   "GROUP BY outcome ORDER BY outcome",
					   from, to, "outcomes", outcomes, builder, error) ||
	    !cblue_sqlite_analytics_counts(db,
					   "SELECT rating, count(*) FROM feedback "
					   "WHERE created_at >= ?1 AND created_at < ?2 GROUP BY rating ORDER BY rating",
					   from, to, "feedback", ratings, builder, error) ||
	    !cblue_sqlite_analytics_response_ms(db, from, to, builder, error) ||
	    !cblue_sqlite_analytics_hours(db, from, to, offsets, builder, error) ||
	    !cblue_sqlite_analytics_pii(db, from, to, builder, error))
		return FALSE;
	json_builder_end_object(builder);
	return TRUE;
}

static JsonNode *
cblue_store_sqlite_analytics_query(CblueStore *store, gint64 from_usec, gint64 to_usec, const gchar *timezone,
				   GError **error)
{
	g_autoptr(GTimeZone) tz = g_time_zone_new_identifier(timezone);
	g_autoptr(JsonBuilder) builder = json_builder_new();
	CblueSqliteDb *db;
	gboolean ok;

	if (tz == NULL) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("Unknown time zone “%s”."), timezone);
		return NULL;
	}
	if (to_usec <= from_usec) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The range ends before it starts."));
		return NULL;
	}
	db = cblue_store_sqlite_lock_db(store, error);
	if (db == NULL)
		return NULL;
	/* one read transaction: every figure sees the same snapshot; ended on every path, or
	 * the connection would keep that snapshot and never see later writes */
	ok = cblue_sqlite_db_run(db, "BEGIN", "cannot start a read transaction", error) &&
	     cblue_sqlite_db_end(db, cblue_sqlite_analytics_query_locked(db, from_usec, to_usec, tz, builder, error),
				 error);
	cblue_store_sqlite_unlock_db(store);
	if (!ok)
		return NULL;
	return json_builder_get_root(builder);
}

static JsonNode *
cblue_sqlite_analytics_unanswered_list_locked(CblueSqliteDb *db, const gchar *from, const gchar *to,
					      gboolean include_down, guint limit, GError **error)
{
	const gchar *names[] = {"id", "text", "language", "created_at", NULL};
	g_autofree gchar *limit_text = g_strdup_printf("%u", limit);
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_analytics_prepare(
	    db,
	    "SELECT 'u' || u.id, u.text, u.language, u.created_at FROM unanswered u "
	    "WHERE u.created_at >= ?1 AND u.created_at < ?2 "
	    "AND NOT EXISTS (SELECT 1 FROM unanswered_resolutions r WHERE r.item = 'u' || u.id) "
	    "UNION ALL "
	    "SELECT 'd' || f.id, m.text, m.language, f.created_at FROM feedback f "
	    "JOIN messages m ON m.id = f.message_id AND m.role = 'user' "
	    "WHERE ?4 AND f.rating = 'down' AND f.created_at >= ?1 AND f.created_at < ?2 "
	    "AND NOT EXISTS (SELECT 1 FROM unanswered u2 WHERE u2.message_id = f.message_id) "
	    "AND NOT EXISTS (SELECT 1 FROM unanswered_resolutions r WHERE r.item = 'd' || f.id) "
	    "ORDER BY 4 DESC, 1 LIMIT CAST(?3 AS INTEGER)",
	    from, to, limit_text, error);

	/* every column is text */
	if (stmt == NULL || !cblue_sqlite_bind_int64(db, stmt, 4, include_down ? 1 : 0, error))
		return NULL;
	return cblue_sqlite_db_rows(db, stmt, names, error);
}

static JsonNode *
cblue_store_sqlite_unanswered_list(CblueStore *store, gint64 from_usec, gint64 to_usec, gboolean include_down,
				   guint limit, GError **error)
{
	g_autofree gchar *from = cblue_store_timestamp(from_usec);
	g_autofree gchar *to = cblue_store_timestamp(to_usec);
	CblueSqliteDb *db = cblue_store_sqlite_lock_db(store, error);
	JsonNode *result;

	if (db == NULL)
		return NULL;
	result = cblue_sqlite_analytics_unanswered_list_locked(db, from, to, include_down, limit, error);
	cblue_store_sqlite_unlock_db(store);
	return result;
}

static gboolean
cblue_sqlite_analytics_resolve_locked(CblueSqliteDb *db, const gchar *const *ids, const gchar *action,
				      const gchar *topic_id, const gchar *user, GError **error)
{
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());

	for (guint i = 0; ids[i] != NULL; i++) {
		if (!cblue_sqlite_db_exec(db,
					  "INSERT INTO unanswered_resolutions (item, action, topic_id, resolved_by, "
					  "resolved_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (item) DO NOTHING",
					  "cannot resolve a question", error, "ttttt", ids[i], action, topic_id, user,
					  now))
			return FALSE;
	}
	return TRUE;
}

static gboolean
cblue_store_sqlite_unanswered_resolve(CblueStore *store, const gchar *const *ids, const gchar *action,
				      const gchar *topic_id, const gchar *user, GError **error)
{
	CblueSqliteDb *db;
	gboolean ok;

	if (!cblue_store_unanswered_resolve_check(ids, action, error))
		return FALSE;
	db = cblue_store_sqlite_lock_db(store, error);
	if (db == NULL)
		return FALSE;
	ok = cblue_sqlite_db_begin(db, error) &&
	     cblue_sqlite_db_end(db, cblue_sqlite_analytics_resolve_locked(db, ids, action, topic_id, user, error),
				 error);
	cblue_store_sqlite_unlock_db(store);
	return ok;
}

void
cblue_store_sqlite_analytics_iface_init(CblueStoreInterface *iface)
{
	iface->analytics_query = cblue_store_sqlite_analytics_query;
	iface->unanswered_list = cblue_store_sqlite_unanswered_list;
	iface->unanswered_resolve = cblue_store_sqlite_unanswered_resolve;
}
