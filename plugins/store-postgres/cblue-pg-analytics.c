/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cblue-pg.h"
#include "cblue-store-common.h"
#include "cblue-store-postgres-private.h"

/*
 * The console's analytics and unanswered inbox in store-postgres (schema additions in
 * data/sql/postgres/0004-analytics.sql), with the documents of store-sqlite's
 * cblue-store-sqlite-analytics.c. PostgreSQL knows time zones, so local days and hours
 * are `created_at AT TIME ZONE $3`, right across daylight-saving changes; the whole report
 * is one statement, so every figure sees the same snapshot.
 */

#define CBLUE_PG_ANALYTICS_SQL                                                                                      \
	"WITH ev AS (SELECT conversation_id, language, topic_id, outcome, duration_us, created_at "              \
	"  FROM analytics_events WHERE type = 'message' AND created_at >= $1::timestamptz "                     \
	"  AND created_at < $2::timestamptz), "                                                                   \
	"loc AS (SELECT conversation_id, created_at AT TIME ZONE $3 AS local FROM ev), "                        \
	"dur AS (SELECT duration_us, row_number() OVER (ORDER BY duration_us) AS rank, count(*) OVER () AS n "   \
	"  FROM ev WHERE duration_us IS NOT NULL) "                                                               \
	"SELECT json_build_object("                                                                                \
	"'per_day', COALESCE((SELECT json_agg(json_build_object('date', day, 'conversations', c, 'messages', m) " \
	"  ORDER BY day) FROM (SELECT to_char(local, 'YYYY-MM-DD') AS day, count(DISTINCT conversation_id) AS c, " \
	"  count(*) AS m FROM loc GROUP BY 1) d), '[]'::json), "                                                  \
	"'languages', COALESCE((SELECT json_object_agg(l, n ORDER BY l) FROM (SELECT COALESCE(language, 'und') "  \
	"  AS l, count(*) AS n FROM ev GROUP BY 1) l), '{}'::json), "                                             \
	"'top_topics', COALESCE((SELECT json_agg(json_build_object('topic_id', topic_id, 'count', n) "           \
	"  ORDER BY n DESC, topic_id) FROM (SELECT topic_id, count(*) AS n FROM ev WHERE outcome = 'answered' "  \
	"  AND topic_id IS NOT NULL GROUP BY topic_id ORDER BY n DESC, topic_id LIMIT 10) t), '[]'::json), "     \
	"'outcomes', (SELECT json_build_object('answered', count(*) FILTER (WHERE outcome = 'answered'), "       \
	"  'clarify', count(*) FILTER (WHERE outcome = 'clarify'), "                                              \
	"  'unanswered', count(*) FILTER (WHERE outcome = 'unanswered')) FROM ev), "                              \
	"'feedback', (SELECT json_build_object('down', count(*) FILTER (WHERE rating = 'down'), "                \
	"  'up', count(*) FILTER (WHERE rating = 'up')) FROM feedback "                                          \
	"  WHERE created_at >= $1::timestamptz AND created_at < $2::timestamptz), "                              \
	"'response_ms', json_build_object("                                                                        \
	"  'p50', (SELECT duration_us / 1000.0 FROM dur WHERE rank = GREATEST(1, (50 * n + 99) / 100)), "        \
	"  'p95', (SELECT duration_us / 1000.0 FROM dur WHERE rank = GREATEST(1, (95 * n + 99) / 100))), "       \
	"'busiest_hours', (SELECT json_agg(COALESCE(c, 0) ORDER BY h) FROM generate_series(0, 23) AS h "         \
	"  LEFT JOIN (SELECT extract(hour FROM local)::int AS hour, count(*) AS c FROM loc GROUP BY 1) x "       \
	"  ON x.hour = h), "                                                                                      \
	"'pii', COALESCE((SELECT json_object_agg(t, n ORDER BY t) FROM (SELECT btrim(t) AS t, count(*) AS n "    \
	"  FROM messages, unnest(string_to_array(pii_types, ',')) AS t WHERE pii_types IS NOT NULL "             \
	"  AND created_at >= $1::timestamptz AND created_at < $2::timestamptz AND role = 'user' "                \
	"  AND btrim(t) <> '' GROUP BY 1) p), '{}'::json))::text"

static JsonNode *
cblue_store_postgres_analytics_query(CblueStore *store, gint64 from_usec, gint64 to_usec, const gchar *timezone,
				     GError **error)
{
	g_autoptr(GTimeZone) tz = g_time_zone_new_identifier(timezone);
	g_autofree gchar *from = cblue_store_timestamp(from_usec);
	g_autofree gchar *to = cblue_store_timestamp(to_usec);
	const gchar *values[] = {from, to, timezone};

	/* the same checks, and messages, as store-sqlite */
	if (tz == NULL) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("Unknown time zone “%s”."), timezone);
		return NULL;
	}
	if (to_usec <= from_usec) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The range ends before it starts."));
		return NULL;
	}
	return cblue_pg_query_json(cblue_store_postgres_get_pool(store), CBLUE_PG_ANALYTICS_SQL, G_N_ELEMENTS(values),
				   values, error);
}

static JsonNode *
cblue_store_postgres_unanswered_list(CblueStore *store, gint64 from_usec, gint64 to_usec, gboolean include_down,
				     guint limit, GError **error)
{
	g_autofree gchar *from = cblue_store_timestamp(from_usec);
	g_autofree gchar *to = cblue_store_timestamp(to_usec);
	g_autofree gchar *limit_text = g_strdup_printf("%u", limit);
	const gchar *values[] = {from, to, limit_text, include_down ? "t" : "f"};

	/* the open questions: unanswered ones, and (with @include_down) customer messages whose
	 * reply was rated down, unless listed already as unanswered; newest first */
	return cblue_pg_query_json(
	    cblue_store_postgres_get_pool(store),
	    "SELECT COALESCE(json_agg(json_build_object('id', id, 'text', text, 'language', language, "
	    "'created_at', cblue_iso8601(created_at)) ORDER BY created_at DESC, id), '[]'::json)::text FROM ("
	    "SELECT * FROM ("
	    "SELECT 'u' || u.id AS id, u.text, u.language, u.created_at FROM unanswered u "
	    "WHERE u.created_at >= $1::timestamptz AND u.created_at < $2::timestamptz "
	    "AND NOT EXISTS (SELECT 1 FROM unanswered_resolutions r WHERE r.item = 'u' || u.id) "
	    "UNION ALL "
	    "SELECT 'd' || f.id, m.text, m.language, f.created_at FROM feedback f "
	    "JOIN messages m ON m.id = f.message_id AND m.role = 'user' "
	    "WHERE $4::boolean AND f.rating = 'down' AND f.created_at >= $1::timestamptz "
	    "AND f.created_at < $2::timestamptz "
	    "AND NOT EXISTS (SELECT 1 FROM unanswered u2 WHERE u2.message_id = f.message_id) "
	    "AND NOT EXISTS (SELECT 1 FROM unanswered_resolutions r WHERE r.item = 'd' || f.id)) open "
	    "ORDER BY created_at DESC, id LIMIT $3::bigint) page",
	    G_N_ELEMENTS(values), values, error);
}

static gboolean
cblue_store_postgres_unanswered_resolve(CblueStore *store, const gchar *const *ids, const gchar *action,
					const gchar *topic_id, const gchar *user, GError **error)
{
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());
	g_autofree gchar *items = NULL;
	g_autoptr(JsonNode) ignored = NULL;
	GString *array = cblue_pg_array_new();
	const gchar *values[5];

	if (!cblue_store_unanswered_resolve_check(ids, action, error)) {
		g_string_free(array, TRUE);
		return FALSE;
	}
	for (guint i = 0; ids[i] != NULL; i++)
		cblue_pg_array_add(array, ids[i]);
	items = cblue_pg_array_free(array);
	values[0] = items;
	values[1] = action;
	values[2] = topic_id;
	values[3] = user;
	values[4] = now;
	/* one statement: all of them or none */
	ignored = cblue_pg_query_json(cblue_store_postgres_get_pool(store),
				      "WITH added AS (INSERT INTO unanswered_resolutions (item, action, topic_id, "
				      "resolved_by, resolved_at) SELECT DISTINCT unnest($1::text[]), $2, $3, $4, "
				      "$5::timestamptz ON CONFLICT (item) DO NOTHING RETURNING 1) "
				      "SELECT json_build_object('resolved', count(*))::text FROM added",
				      G_N_ELEMENTS(values), values, error);
	return ignored != NULL;
}

void
cblue_store_postgres_analytics_iface_init(CblueStoreInterface *iface)
{
	iface->analytics_query = cblue_store_postgres_analytics_query;
	iface->unanswered_list = cblue_store_postgres_unanswered_list;
	iface->unanswered_resolve = cblue_store_postgres_unanswered_resolve;
}
