/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cblue-admin.h"
#include "cblue-config.h"
#include "cblue-error.h"
#include "cblue-json-private.h"
#include "cblue-kb-entry.h"
#include "cblue-tokenizer.h"

/*
 * The admin API's analytics and unanswered inbox (docs/admin-api.md):
 *
 * - `GET /analytics`, `GET /analytics.csv`: the figures of a range of local days, computed
 *   by the store ([method@Store.analytics_query]) and kept a few seconds, so that a
 *   console that reloads, or several people looking at once, cost one set of queries;
 * - `GET /unanswered`: the open questions of the range, grouped by similarity here;
 * - `POST /unanswered/{id}/resolve`: a group becomes a new draft entry, examples of an
 *   existing entry's draft, or is dismissed.
 *
 * Grouping: each question is normalized and tokenized (CblueTokenizer: NFKC, case folding,
 * Thai and Chinese word breaks); its features are its words plus the character bigrams of
 * the normalized text without spaces, which catch the same question segmented or spelt a
 * little differently. Identical normalized texts are merged first; the distinct texts are
 * then taken most frequent first and each joins the most similar group whose seed is at
 * least CBLUE_ADMIN_GROUP_THRESHOLD similar (Jaccard index of the feature sets), else it
 * seeds a new group. The order is total, so the same questions always give the same groups
 * and group ids (the id of the seed's oldest question), which is what resolve relies on.
 */

#define CBLUE_ADMIN_ANALYTICS_CACHE_USEC    (5 * G_USEC_PER_SEC)
#define CBLUE_ADMIN_ANALYTICS_CACHE_MAX	    64
#define CBLUE_ADMIN_ANALYTICS_DEFAULT_DAYS  30
#define CBLUE_ADMIN_ANALYTICS_MAX_DAYS	    400
#define CBLUE_ADMIN_ANALYTICS_DEFAULT_TZ    "Asia/Bangkok"
/* the most recent open questions that are grouped */
#define CBLUE_ADMIN_UNANSWERED_LIMIT	    2000
#define CBLUE_ADMIN_GROUP_THRESHOLD	    0.45
/* the wordings listed per group, and added as examples by add_example */
#define CBLUE_ADMIN_GROUP_EXAMPLES	    10

/* the range of a query */

typedef struct {
	gchar *from; /* YYYY-MM-DD, local */
	gchar *to;   /* YYYY-MM-DD, local, inclusive */
	gchar *tz;   /* IANA identifier */
	GDate from_date;
	GDate to_date;
	gint64 from_usec; /* local midnight of from, UTC µs */
	gint64 to_usec;	  /* local midnight after to */
} CblueAdminRange;

static void
cblue_admin_range_clear(CblueAdminRange *range)
{
	g_free(range->from);
	g_free(range->to);
	g_free(range->tz);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(CblueAdminRange, cblue_admin_range_clear)

static gboolean
cblue_admin_parse_date(const gchar *text, GDate *date)
{
	guint y, m, d;

	/* exactly YYYY-MM-DD */
	if (text == NULL || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return FALSE;
	for (guint i = 0; i < 10; i++) {
		if (i != 4 && i != 7 && !g_ascii_isdigit(text[i]))
			return FALSE;
	}
	y = (guint)g_ascii_strtoull(text, NULL, 10);
	m = (guint)g_ascii_strtoull(text + 5, NULL, 10);
	d = (guint)g_ascii_strtoull(text + 8, NULL, 10);
	if (!g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
		return FALSE;
	g_date_clear(date, 1);
	g_date_set_dmy(date, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
	return TRUE;
}

static gchar *
cblue_admin_format_date(const GDate *date)
{
	return g_strdup_printf("%04u-%02u-%02u", g_date_get_year(date), g_date_get_month(date),
			       g_date_get_day(date));
}

static gint64
cblue_admin_local_midnight(GTimeZone *tz, const GDate *date)
{
	g_autoptr(GDateTime) dt =
	    g_date_time_new(tz, g_date_get_year(date), g_date_get_month(date), g_date_get_day(date), 0, 0, 0);
	return dt != NULL ? g_date_time_to_unix(dt) * G_USEC_PER_SEC : 0;
}

/* `from`, `to` (default: the last `days`, else 30, days up to today) and `tz` (default
 * `[admin] timezone`, else Asia/Bangkok); replies 400 and returns FALSE on bad input */
static gboolean
cblue_admin_range_parse(CblueAdminRequest *req, CblueAdminRange *range)
{
	const gchar *from = cblue_admin_request_get_query(req, "from");
	const gchar *to = cblue_admin_request_get_query(req, "to");
	const gchar *tz_name = cblue_admin_request_get_query(req, "tz");
	g_autofree gchar *configured = NULL;
	g_autoptr(GTimeZone) tz = NULL;
	g_autoptr(GDateTime) now = NULL;

	if (tz_name == NULL || tz_name[0] == '\0') {
		configured = cblue_config_get_string(cblue_admin_request_get_config(req), "admin", "timezone");
		tz_name = configured != NULL && configured[0] != '\0' ? configured : CBLUE_ADMIN_ANALYTICS_DEFAULT_TZ;
	}
	/* GLib falls back to UTC for a name it does not know; refuse instead */
	tz = g_time_zone_new_identifier(tz_name);
	if (tz == NULL || strlen(tz_name) > 64) {
		cblue_admin_request_reply_invalid(req, _("Unknown time zone."));
		return FALSE;
	}
	now = g_date_time_new_now(tz);
	if (to != NULL && to[0] != '\0') {
		if (!cblue_admin_parse_date(to, &range->to_date)) {
			cblue_admin_request_reply_invalid(req, _("“to” must be a date, YYYY-MM-DD."));
			return FALSE;
		}
	} else {
		g_date_clear(&range->to_date, 1);
		g_date_set_dmy(&range->to_date, (GDateDay)g_date_time_get_day_of_month(now),
			       (GDateMonth)g_date_time_get_month(now), (GDateYear)g_date_time_get_year(now));
	}
	if (from != NULL && from[0] != '\0') {
		if (!cblue_admin_parse_date(from, &range->from_date)) {
			cblue_admin_request_reply_invalid(req, _("“from” must be a date, YYYY-MM-DD."));
			return FALSE;
		}
	} else {
		/* `days` counts back from `to` in the business's time zone: a browser elsewhere
		 * cannot know which day it is there */
		guint days = CBLUE_ADMIN_ANALYTICS_DEFAULT_DAYS;
		const gchar *days_text = cblue_admin_request_get_query(req, "days");
		if (days_text != NULL && days_text[0] != '\0') {
			guint64 parsed = 0;
			if (!g_ascii_string_to_unsigned(days_text, 10, 1, CBLUE_ADMIN_ANALYTICS_MAX_DAYS, &parsed,
							NULL)) {
				cblue_admin_request_reply_invalid(req, _("“days” must be a whole number from 1 to 400."));
				return FALSE;
			}
			days = (guint)parsed;
		}
		range->from_date = range->to_date;
		g_date_subtract_days(&range->from_date, days - 1);
	}
	if (g_date_compare(&range->from_date, &range->to_date) > 0) {
		cblue_admin_request_reply_invalid(req, _("“from” is after “to”."));
		return FALSE;
	}
	if (g_date_days_between(&range->from_date, &range->to_date) >= CBLUE_ADMIN_ANALYTICS_MAX_DAYS) {
		cblue_admin_request_reply_invalid(req, _("The range is too long; choose at most 400 days."));
		return FALSE;
	}
	range->from = cblue_admin_format_date(&range->from_date);
	range->to = cblue_admin_format_date(&range->to_date);
	range->tz = g_strdup(tz_name);
	range->from_usec = cblue_admin_local_midnight(tz, &range->from_date);
	{
		GDate after = range->to_date;
		g_date_add_days(&after, 1);
		range->to_usec = cblue_admin_local_midnight(tz, &after);
	}
	return TRUE;
}

/* the figures, cached briefly */

typedef struct {
	JsonNode *node; /* owned */
	gint64 expires; /* monotonic µs */
} CblueAdminCacheEntry;

static void
cblue_admin_cache_entry_free(gpointer data)
{
	CblueAdminCacheEntry *entry = data;
	json_node_unref(entry->node);
	g_free(entry);
}

static GMutex cblue_admin_analytics_cache_mutex;
static GHashTable *cblue_admin_analytics_cache; /* under the mutex: key → CblueAdminCacheEntry */

static JsonNode *
cblue_admin_analytics_cache_lookup(const gchar *key)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&cblue_admin_analytics_cache_mutex);
	CblueAdminCacheEntry *entry;

	if (cblue_admin_analytics_cache == NULL)
		return NULL;
	entry = g_hash_table_lookup(cblue_admin_analytics_cache, key);
	if (entry == NULL || entry->expires < g_get_monotonic_time())
		return NULL;
	return json_node_ref(entry->node);
}

static gboolean
cblue_admin_cache_entry_expired(gpointer key, gpointer value, gpointer user_data)
{
	return ((CblueAdminCacheEntry *)value)->expires < *(gint64 *)user_data;
}

static void
cblue_admin_analytics_cache_insert(const gchar *key, JsonNode *node)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&cblue_admin_analytics_cache_mutex);
	CblueAdminCacheEntry *entry = g_new0(CblueAdminCacheEntry, 1);
	gint64 now = g_get_monotonic_time();

	if (cblue_admin_analytics_cache == NULL)
		cblue_admin_analytics_cache =
		    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, cblue_admin_cache_entry_free);
	g_hash_table_foreach_remove(cblue_admin_analytics_cache, cblue_admin_cache_entry_expired, &now);
	/* many distinct ranges within a few seconds: a script, not people; stay small */
	if (g_hash_table_size(cblue_admin_analytics_cache) >= CBLUE_ADMIN_ANALYTICS_CACHE_MAX)
		g_hash_table_remove_all(cblue_admin_analytics_cache);
	entry->node = json_node_ref(node);
	entry->expires = now + CBLUE_ADMIN_ANALYTICS_CACHE_USEC;
	g_hash_table_insert(cblue_admin_analytics_cache, g_strdup(key), entry);
}

/* the store's per_day has the days with messages; the console wants every day of the
 * range, so that a chart has no gaps */
static void
cblue_admin_analytics_fill_days(JsonObject *result, const CblueAdminRange *range)
{
	JsonArray *stored = json_object_get_array_member(result, "per_day");
	g_autoptr(GHashTable) by_date = g_hash_table_new(g_str_hash, g_str_equal);
	g_autoptr(JsonArray) days = json_array_new();

	for (guint i = 0; stored != NULL && i < json_array_get_length(stored); i++) {
		JsonObject *day = json_array_get_object_element(stored, i);
		g_hash_table_insert(by_date, (gpointer)json_object_get_string_member(day, "date"), day);
	}
	for (GDate d = range->from_date; g_date_compare(&d, &range->to_date) <= 0; g_date_add_days(&d, 1)) {
		g_autofree gchar *date = cblue_admin_format_date(&d);
		JsonObject *found = g_hash_table_lookup(by_date, date);
		JsonObject *day = json_object_new();
		json_object_set_string_member(day, "date", date);
		json_object_set_int_member(day, "conversations",
					   found != NULL ? json_object_get_int_member(found, "conversations") : 0);
		json_object_set_int_member(day, "messages",
					   found != NULL ? json_object_get_int_member(found, "messages") : 0);
		json_array_add_object_element(days, day);
	}
	json_object_set_array_member(result, "per_day", g_steal_pointer(&days));
}

static JsonNode *
cblue_admin_analytics_get(CblueAdminRequest *req, const CblueAdminRange *range, GError **error)
{
	/* the store is part of the key: tests run several servers in one process */
	g_autofree gchar *key = g_strdup_printf("%p|%s|%s|%s", (gpointer)cblue_admin_request_get_store(req),
					       range->from, range->to, range->tz);
	g_autoptr(JsonNode) node = cblue_admin_analytics_cache_lookup(key);
	JsonObject *result;

	if (node != NULL)
		return g_steal_pointer(&node);
	node = cblue_store_analytics_query(cblue_admin_request_get_store(req), range->from_usec, range->to_usec,
					   range->tz, error);
	if (node == NULL)
		return NULL;
	if (!JSON_NODE_HOLDS_OBJECT(node)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, "the store's analytics are not an object");
		return NULL;
	}
	result = json_node_get_object(node);
	cblue_admin_analytics_fill_days(result, range);
	json_object_set_string_member(result, "from", range->from);
	json_object_set_string_member(result, "to", range->to);
	json_object_set_string_member(result, "timezone", range->tz);
	cblue_admin_analytics_cache_insert(key, node);
	return g_steal_pointer(&node);
}

/* the analytics of the request's range (filled in @range); NULL with a reply sent */
static JsonNode *
cblue_admin_analytics_for_request(CblueAdminRequest *req, CblueAdminRange *range)
{
	g_autoptr(GError) error = NULL;
	JsonNode *node;

	if (!cblue_admin_range_parse(req, range))
		return NULL;
	node = cblue_admin_analytics_get(req, range, &error);
	if (node == NULL)
		cblue_admin_request_reply_error(req, error);
	return node;
}

static void
cblue_admin_handle_analytics(CblueAdminRequest *req)
{
	g_auto(CblueAdminRange) range = {0};
	g_autoptr(JsonNode) node = cblue_admin_analytics_for_request(req, &range);

	if (node != NULL)
		cblue_admin_request_reply_node(req, 200, node);
}

/* CSV */

/* one RFC 4180 field; a text that a spreadsheet would run as a formula is prefixed with a
 * quote (CSV injection) */
static void
cblue_admin_csv_field(GString *out, const gchar *text)
{
	gboolean formula = text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
			   text[0] == '\t' || text[0] == '\r';

	if (!formula && strpbrk(text, ",\"\r\n") == NULL) {
		g_string_append(out, text);
		return;
	}
	g_string_append_c(out, '"');
	if (formula)
		g_string_append_c(out, '\'');
	for (const gchar *p = text; *p != '\0'; p++) {
		if (*p == '"')
			g_string_append_c(out, '"');
		g_string_append_c(out, *p);
	}
	g_string_append_c(out, '"');
}

static void
cblue_admin_csv_row(GString *out, const gchar *metric, const gchar *key, const gchar *value)
{
	cblue_admin_csv_field(out, metric);
	g_string_append_c(out, ',');
	cblue_admin_csv_field(out, key);
	g_string_append_c(out, ',');
	cblue_admin_csv_field(out, value);
	g_string_append(out, "\r\n");
}

static void
cblue_admin_csv_row_int(GString *out, const gchar *metric, const gchar *key, gint64 value)
{
	g_autofree gchar *text = g_strdup_printf("%" G_GINT64_FORMAT, value);
	cblue_admin_csv_row(out, metric, key, text);
}

static void
cblue_admin_csv_counts(GString *out, JsonObject *result, const gchar *member, const gchar *metric)
{
	JsonObject *counts = json_object_get_object_member(result, member);
	g_autoptr(GList) names = counts != NULL ? json_object_get_members(counts) : NULL;

	names = g_list_sort(names, (GCompareFunc)g_strcmp0);
	for (GList *l = names; l != NULL; l = l->next)
		cblue_admin_csv_row_int(out, metric, l->data, json_object_get_int_member(counts, l->data));
}

/* a tidy table, one figure per row (`metric,key,value`), which a spreadsheet pivots */
static gchar *
cblue_admin_analytics_to_csv(JsonObject *result)
{
	GString *out = g_string_new("metric,key,value\r\n");
	JsonArray *days = json_object_get_array_member(result, "per_day");
	JsonArray *topics = json_object_get_array_member(result, "top_topics");
	JsonArray *hours = json_object_get_array_member(result, "busiest_hours");
	JsonObject *response = json_object_get_object_member(result, "response_ms");
	const gchar *percentiles[] = {"p50", "p95"};

	cblue_admin_csv_row(out, "range", "from", json_object_get_string_member(result, "from"));
	cblue_admin_csv_row(out, "range", "to", json_object_get_string_member(result, "to"));
	cblue_admin_csv_row(out, "range", "timezone", json_object_get_string_member(result, "timezone"));
	for (guint i = 0; days != NULL && i < json_array_get_length(days); i++) {
		JsonObject *day = json_array_get_object_element(days, i);
		const gchar *date = json_object_get_string_member(day, "date");
		cblue_admin_csv_row_int(out, "conversations", date, json_object_get_int_member(day, "conversations"));
		cblue_admin_csv_row_int(out, "messages", date, json_object_get_int_member(day, "messages"));
	}
	cblue_admin_csv_counts(out, result, "languages", "language");
	for (guint i = 0; topics != NULL && i < json_array_get_length(topics); i++) {
		JsonObject *topic = json_array_get_object_element(topics, i);
		cblue_admin_csv_row_int(out, "topic", json_object_get_string_member(topic, "topic_id"),
					json_object_get_int_member(topic, "count"));
	}
	cblue_admin_csv_counts(out, result, "outcomes", "outcome");
	cblue_admin_csv_counts(out, result, "feedback", "feedback");
	for (guint i = 0; response != NULL && i < G_N_ELEMENTS(percentiles); i++) {
		gchar buf[G_ASCII_DTOSTR_BUF_SIZE];
		JsonNode *value = json_object_get_member(response, percentiles[i]);
		if (value == NULL || JSON_NODE_HOLDS_NULL(value)) {
			cblue_admin_csv_row(out, "response_ms", percentiles[i], "");
			continue;
		}
		g_ascii_formatd(buf, sizeof(buf), "%.3f", json_node_get_double(value));
		cblue_admin_csv_row(out, "response_ms", percentiles[i], buf);
	}
	for (guint i = 0; hours != NULL && i < json_array_get_length(hours); i++) {
		g_autofree gchar *hour = g_strdup_printf("%02u", i);
		cblue_admin_csv_row_int(out, "hour", hour, json_array_get_int_element(hours, i));
	}
	cblue_admin_csv_counts(out, result, "pii", "pii");
	return g_string_free(out, FALSE);
}

static void
cblue_admin_handle_analytics_csv(CblueAdminRequest *req)
{
	g_auto(CblueAdminRange) range = {0};
	g_autoptr(JsonNode) node = cblue_admin_analytics_for_request(req, &range);
	g_autoptr(GBytes) bytes = NULL;
	g_autofree gchar *filename = NULL;
	gchar *csv;

	if (node == NULL)
		return;
	csv = cblue_admin_analytics_to_csv(json_node_get_object(node));
	bytes = g_bytes_new_take(csv, strlen(csv));
	filename = g_strdup_printf("cblue-analytics-%s-%s.csv", range.from, range.to);
	cblue_admin_request_reply_bytes(req, 200, "text/csv; charset=utf-8", filename, bytes);
}

/* grouping unanswered questions */

typedef struct {
	gchar *normalized;   /* owned: the key of identical questions (cblue_admin_question_key) */
	const gchar *text;   /* borrowed from the list: the newest wording */
	const gchar *language; /* borrowed, nullable */
	GPtrArray *items;    /* owned, of borrowed JsonObject, newest first */
	GArray *features;    /* owned: sorted distinct guint32 hashes */
	guint count;
	guint order;	     /* its first position in the list, for a total order */
} CblueAdminVariant;

static void
cblue_admin_variant_free(CblueAdminVariant *variant)
{
	g_free(variant->normalized);
	g_ptr_array_unref(variant->items);
	g_array_unref(variant->features);
	g_free(variant);
}

typedef struct {
	CblueAdminVariant *seed; /* borrowed */
	GPtrArray *variants;	 /* owned container, borrowed elements */
	guint count;
} CblueAdminGroup;

static void
cblue_admin_group_free(CblueAdminGroup *group)
{
	g_ptr_array_unref(group->variants);
	g_free(group);
}

static gint
cblue_admin_uint32_cmp(gconstpointer a, gconstpointer b)
{
	guint32 x = *(const guint32 *)a;
	guint32 y = *(const guint32 *)b;
	return x < y ? -1 : x > y;
}

static guint32
cblue_admin_feature_hash(const gchar *prefix, const gchar *text, gsize len)
{
	guint32 h = 2166136261u; /* FNV-1a */
	for (const gchar *p = prefix; *p != '\0'; p++)
		h = (h ^ (guchar)*p) * 16777619u;
	for (gsize i = 0; i < len; i++)
		h = (h ^ (guchar)text[i]) * 16777619u;
	return h;
}

/* words, and character bigrams of the text without spaces, as sorted distinct hashes */
static GArray *
cblue_admin_features(CblueTokenizer *tokenizer, const gchar *normalized)
{
	g_autoptr(GPtrArray) words = cblue_tokenizer_tokenize(tokenizer, normalized);
	g_autoptr(GString) compact = g_string_new(NULL);
	GArray *features = g_array_new(FALSE, FALSE, sizeof(guint32));
	guint kept = 0;

	for (guint i = 0; i < words->len; i++) {
		const gchar *word = g_ptr_array_index(words, i);
		guint32 h = cblue_admin_feature_hash("w:", word, strlen(word));
		g_array_append_val(features, h);
	}
	for (const gchar *p = normalized; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (!g_unichar_isspace(c) && !g_unichar_ispunct(c))
			g_string_append_unichar(compact, c);
	}
	for (const gchar *p = compact->str; *p != '\0'; p = g_utf8_next_char(p)) {
		const gchar *next = g_utf8_next_char(p);
		const gchar *end = *next != '\0' ? g_utf8_next_char(next) : next;
		guint32 h = cblue_admin_feature_hash("c:", p, (gsize)(end - p));
		g_array_append_val(features, h);
		if (*next == '\0')
			break;
	}
	g_array_sort(features, cblue_admin_uint32_cmp);
	for (guint i = 0; i < features->len; i++) {
		if (kept == 0 || g_array_index(features, guint32, i) != g_array_index(features, guint32, kept - 1))
			g_array_index(features, guint32, kept++) = g_array_index(features, guint32, i);
	}
	g_array_set_size(features, kept);
	return features;
}

static gdouble
cblue_admin_jaccard(GArray *a, GArray *b)
{
	guint i = 0, j = 0, common = 0;

	if (a->len == 0 && b->len == 0)
		return 1.0;
	while (i < a->len && j < b->len) {
		guint32 x = g_array_index(a, guint32, i);
		guint32 y = g_array_index(b, guint32, j);
		if (x == y) {
			common++;
			i++;
			j++;
		} else if (x < y) {
			i++;
		} else {
			j++;
		}
	}
	return (gdouble)common / (gdouble)(a->len + b->len - common);
}

/* the normalized text without punctuation and with single spaces: "Do you sell pizza?" and
 * "do you sell  pizza" are the same question */
static gchar *
cblue_admin_question_key(CblueTokenizer *tokenizer, const gchar *text)
{
	g_autofree gchar *normalized = cblue_tokenizer_normalize(tokenizer, text);
	GString *key = g_string_new(NULL);
	gboolean space = FALSE;

	for (const gchar *p = normalized; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (g_unichar_isspace(c) || g_unichar_ispunct(c)) {
			space = key->len > 0;
			continue;
		}
		if (space)
			g_string_append_c(key, ' ');
		space = FALSE;
		g_string_append_unichar(key, c);
	}
	return g_string_free(key, FALSE);
}

/* most frequent first; then the one seen first (the list is newest first); then the text */
static gint
cblue_admin_variant_cmp(gconstpointer a, gconstpointer b)
{
	const CblueAdminVariant *x = *(CblueAdminVariant *const *)a;
	const CblueAdminVariant *y = *(CblueAdminVariant *const *)b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return g_strcmp0(x->normalized, y->normalized);
}

static gint
cblue_admin_group_cmp(gconstpointer a, gconstpointer b)
{
	const CblueAdminGroup *x = *(CblueAdminGroup *const *)a;
	const CblueAdminGroup *y = *(CblueAdminGroup *const *)b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return cblue_admin_variant_cmp(&x->seed, &y->seed);
}

/* the oldest question of a variant: the group id, stable while the question is open */
static const gchar *
cblue_admin_variant_oldest_id(CblueAdminVariant *variant)
{
	JsonObject *oldest = g_ptr_array_index(variant->items, variant->items->len - 1);
	return json_object_get_string_member(oldest, "id");
}

/* groups the store's list (newest first); the variants and groups borrow from @items */
static GPtrArray *
cblue_admin_group_questions(JsonArray *items, GPtrArray **variants_out)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(GHashTable) by_text = g_hash_table_new(g_str_hash, g_str_equal);
	GPtrArray *variants = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_admin_variant_free);
	GPtrArray *groups = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_admin_group_free);

	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		const gchar *text = json_object_get_string_member_with_default(item, "text", "");
		g_autofree gchar *normalized = cblue_admin_question_key(tokenizer, text);
		CblueAdminVariant *variant;

		variant = g_hash_table_lookup(by_text, normalized);
		if (variant == NULL) {
			variant = g_new0(CblueAdminVariant, 1);
			variant->normalized = g_steal_pointer(&normalized);
			variant->text = text;
			variant->language = json_object_get_string_member_with_default(item, "language", NULL);
			variant->items = g_ptr_array_new();
			variant->features = cblue_admin_features(tokenizer, variant->normalized);
			variant->order = i;
			g_hash_table_insert(by_text, variant->normalized, variant);
			g_ptr_array_add(variants, variant);
		}
		g_ptr_array_add(variant->items, item);
		variant->count++;
	}
	g_ptr_array_sort(variants, cblue_admin_variant_cmp);
	for (guint i = 0; i < variants->len; i++) {
		CblueAdminVariant *variant = g_ptr_array_index(variants, i);
		CblueAdminGroup *best = NULL;
		gdouble best_score = CBLUE_ADMIN_GROUP_THRESHOLD;

		for (guint j = 0; j < groups->len; j++) {
			CblueAdminGroup *group = g_ptr_array_index(groups, j);
			gdouble score = cblue_admin_jaccard(variant->features, group->seed->features);
			if (score >= best_score) {
				/* ties go to the earlier (larger) group */
				if (best != NULL && score == best_score)
					continue;
				best = group;
				best_score = score;
			}
		}
		if (best == NULL) {
			best = g_new0(CblueAdminGroup, 1);
			best->seed = variant;
			best->variants = g_ptr_array_new();
			g_ptr_array_add(groups, best);
		}
		g_ptr_array_add(best->variants, variant);
		best->count += variant->count;
	}
	g_ptr_array_sort(groups, cblue_admin_group_cmp);
	*variants_out = variants;
	return groups;
}

static JsonNode *
cblue_admin_group_to_json(CblueAdminGroup *group)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(GHashTable) wordings = g_hash_table_new(g_str_hash, g_str_equal);
	const gchar *last_seen = NULL;

	for (guint i = 0; i < group->variants->len; i++) {
		CblueAdminVariant *variant = g_ptr_array_index(group->variants, i);
		JsonObject *newest = g_ptr_array_index(variant->items, 0);
		const gchar *seen = json_object_get_string_member_with_default(newest, "created_at", NULL);
		if (seen != NULL && g_strcmp0(seen, last_seen) > 0)
			last_seen = seen;
	}
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "id");
	json_builder_add_string_value(builder, cblue_admin_variant_oldest_id(group->seed));
	json_builder_set_member_name(builder, "representative");
	json_builder_add_string_value(builder, group->seed->text);
	json_builder_set_member_name(builder, "language");
	if (group->seed->language != NULL)
		json_builder_add_string_value(builder, group->seed->language);
	else
		json_builder_add_null_value(builder);
	json_builder_set_member_name(builder, "count");
	json_builder_add_int_value(builder, group->count);
	/* the distinct wordings, most frequent question first */
	json_builder_set_member_name(builder, "examples");
	json_builder_begin_array(builder);
	for (guint i = 0; i < group->variants->len && g_hash_table_size(wordings) < CBLUE_ADMIN_GROUP_EXAMPLES; i++) {
		CblueAdminVariant *variant = g_ptr_array_index(group->variants, i);
		for (guint j = 0; j < variant->items->len && g_hash_table_size(wordings) < CBLUE_ADMIN_GROUP_EXAMPLES;
		     j++) {
			const gchar *text = json_object_get_string_member_with_default(
			    g_ptr_array_index(variant->items, j), "text", "");
			if (g_hash_table_add(wordings, (gpointer)text))
				json_builder_add_string_value(builder, text);
		}
	}
	json_builder_end_array(builder);
	json_builder_set_member_name(builder, "last_seen");
	if (last_seen != NULL)
		json_builder_add_string_value(builder, last_seen);
	else
		json_builder_add_null_value(builder);
	json_builder_end_object(builder);
	return json_builder_get_root(builder);
}

/* the open questions of the request's range (filled in @range) and `include_down`; NULL
 * with a reply sent */
static JsonNode *
cblue_admin_unanswered_items(CblueAdminRequest *req, CblueAdminRange *range)
{
	g_autoptr(GError) error = NULL;
	const gchar *include_down = cblue_admin_request_get_query(req, "include_down");
	JsonNode *items;

	if (!cblue_admin_range_parse(req, range))
		return NULL;
	items = cblue_store_unanswered_list(cblue_admin_request_get_store(req), range->from_usec, range->to_usec,
					    g_strcmp0(include_down, "1") == 0 || g_strcmp0(include_down, "true") == 0,
					    CBLUE_ADMIN_UNANSWERED_LIMIT, &error);
	if (items == NULL) {
		cblue_admin_request_reply_error(req, error);
		return NULL;
	}
	if (!JSON_NODE_HOLDS_ARRAY(items)) {
		json_node_unref(items);
		g_set_error_literal(&error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, "the store's list is not an array");
		cblue_admin_request_reply_error(req, error);
		return NULL;
	}
	return items;
}

static void
cblue_admin_handle_unanswered(CblueAdminRequest *req)
{
	g_auto(CblueAdminRange) range = {0};
	g_autoptr(JsonNode) items = cblue_admin_unanswered_items(req, &range);
	g_autoptr(GPtrArray) variants = NULL;
	g_autoptr(GPtrArray) groups = NULL;
	g_autoptr(JsonArray) array = json_array_new();
	g_autoptr(JsonObject) result = json_object_new();
	g_autoptr(JsonNode) node = json_node_new(JSON_NODE_OBJECT);

	if (items == NULL)
		return;
	groups = cblue_admin_group_questions(json_node_get_array(items), &variants);
	for (guint i = 0; i < groups->len; i++)
		json_array_add_element(array, cblue_admin_group_to_json(g_ptr_array_index(groups, i)));
	json_object_set_array_member(result, "groups", g_steal_pointer(&array));
	/* the range as the server resolved it: the console shows it */
	json_object_set_string_member(result, "from", range.from);
	json_object_set_string_member(result, "to", range.to);
	json_object_set_string_member(result, "timezone", range.tz);
	json_node_set_object(node, result);
	cblue_admin_request_reply_node(req, 200, node);
}

/* resolving a group */

/* @questions of one language gets @text unless it has it already */
static void
cblue_admin_add_question(JsonObject *questions, const gchar *language, const gchar *text)
{
	JsonArray *list;

	if (!json_object_has_member(questions, language))
		json_object_set_array_member(questions, language, json_array_new());
	list = json_object_get_array_member(questions, language);
	if (list == NULL)
		return;
	for (guint i = 0; i < json_array_get_length(list); i++) {
		if (g_strcmp0(json_array_get_string_element(list, i), text) == 0)
			return;
	}
	json_array_add_string_element(list, text);
}

/* a deep copy (json_node_copy() shares objects and arrays) */
static JsonNode *
cblue_admin_json_deep_copy(JsonNode *node)
{
	g_autofree gchar *text = json_to_string(node, FALSE);
	return json_from_string(text, NULL);
}

/* the entry of @current without the ENTRY members (status, revision, updated_*), as a
 * copy that may be changed */
static JsonObject *
cblue_admin_entry_fields(JsonObject *current)
{
	const gchar *names[] = {"topic_id", "category", "tags", "keywords", "questions", "content"};
	JsonObject *entry = json_object_new();

	for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
		JsonNode *member = json_object_get_member(current, names[i]);
		JsonNode *copy;
		if (member == NULL || JSON_NODE_HOLDS_NULL(member))
			continue;
		copy = JSON_NODE_HOLDS_VALUE(member) ? json_node_copy(member) : cblue_admin_json_deep_copy(member);
		if (copy != NULL)
			json_object_set_member(entry, names[i], copy);
	}
	if (!json_object_has_member(entry, "questions"))
		json_object_set_object_member(entry, "questions", json_object_new());
	return entry;
}

static gboolean
cblue_admin_is_kb_language(const gchar *language)
{
	return g_strcmp0(language, "en") == 0 || g_strcmp0(language, "th") == 0 || g_strcmp0(language, "zh") == 0;
}

/* a single-change array for kb_save_drafts */
static JsonNode *
cblue_admin_draft_change(const gchar *op, JsonObject *entry, gint64 revision)
{
	g_autoptr(JsonObject) change = json_object_new();
	g_autoptr(JsonArray) changes = json_array_new();
	JsonNode *node = json_node_new(JSON_NODE_ARRAY);

	json_object_set_string_member(change, "op", op);
	json_object_set_object_member(change, "entry", json_object_ref(entry));
	json_object_set_int_member(change, "revision", revision);
	json_array_add_object_element(changes, g_steal_pointer(&change));
	json_node_set_array(node, changes);
	return node;
}

/* the group's questions become examples of @topic_id's draft, each in its own language
 * (the group's language, else English, when it has none the KB knows) */
static JsonNode *
cblue_admin_add_examples(CblueAdminRequest *req, CblueAdminGroup *group, const gchar *topic_id, GError **error)
{
	CblueStore *store = cblue_admin_request_get_store(req);
	g_autoptr(JsonNode) current = cblue_store_kb_get_working(store, topic_id, error);
	g_autoptr(JsonObject) entry = NULL;
	g_autoptr(JsonNode) changes = NULL;
	JsonObject *questions;
	const gchar *fallback;

	if (current == NULL)
		return NULL;
	if (!JSON_NODE_HOLDS_OBJECT(current) ||
	    g_strcmp0(json_object_get_string_member_with_default(json_node_get_object(current), "status", ""),
		      "deleted") == 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND, _("No topic “%s” in the KB."), topic_id);
		return NULL;
	}
	entry = cblue_admin_entry_fields(json_node_get_object(current));
	questions = json_object_get_object_member(entry, "questions");
	if (questions == NULL) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, "topic %s has malformed questions", topic_id);
		return NULL;
	}
	fallback = cblue_admin_is_kb_language(group->seed->language) ? group->seed->language : "en";
	for (guint i = 0; i < MIN(group->variants->len, CBLUE_ADMIN_GROUP_EXAMPLES); i++) {
		CblueAdminVariant *variant = g_ptr_array_index(group->variants, i);
		cblue_admin_add_question(questions,
					 cblue_admin_is_kb_language(variant->language) ? variant->language : fallback,
					 variant->text);
	}
	changes = cblue_admin_draft_change(
	    "update", entry, json_object_get_int_member_with_default(json_node_get_object(current), "revision", 0));
	return cblue_store_kb_save_drafts(store, changes, cblue_admin_request_get_user(req), error);
}

/* the rule of POST /kb (cblue-admin-kb.c): `[admin] required_languages`, else every
 * language of `[core] languages`, must have content */
static gboolean
cblue_admin_check_required_content(CblueConfig *config, CblueKbEntry *entry, JsonArray *fields, GError **error)
{
	g_autofree gchar *raw = cblue_config_get_string(config, "admin", "required_languages");
	g_auto(GStrv) required = raw != NULL ? cblue_config_get_strv(config, "admin", "required_languages")
					     : cblue_config_get_languages(config);

	for (guint i = 0; required != NULL && required[i] != NULL; i++) {
		const gchar *content = cblue_kb_entry_get_content(entry, required[i]);
		g_autofree gchar *name = NULL;
		g_autofree gchar *message = NULL;
		JsonObject *field;

		if (content != NULL && content[0] != '\0')
			continue;
		name = g_strdup_printf("content.%s", required[i]);
		message = g_strdup_printf(_("The entry needs content in the language “%s”."), required[i]);
		field = json_object_new();
		json_object_set_string_member(field, "field", name);
		json_object_set_string_member(field, "message", message);
		json_array_add_object_element(fields, field);
		if (error != NULL && *error == NULL)
			g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, message);
	}
	return json_array_get_length(fields) == 0;
}

/* a new draft from the console's entry, validated like any KB entry */
static JsonNode *
cblue_admin_new_entry(CblueAdminRequest *req, JsonNode *entry_node, JsonArray *fields, GError **error)
{
	CblueConfig *config = cblue_admin_request_get_config(req);
	g_auto(GStrv) languages = cblue_config_get_languages(config);
	g_autoptr(CblueKbEntry) entry = NULL;
	g_autoptr(JsonNode) canonical = NULL;
	g_autoptr(JsonNode) changes = NULL;

	if (entry_node == NULL || !JSON_NODE_HOLDS_OBJECT(entry_node)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("“entry” must be an object."));
		return NULL;
	}
	entry = cblue_kb_entry_new_from_json(entry_node, (const gchar *const *)languages, error);
	if (entry == NULL || !cblue_admin_check_required_content(config, entry, fields, error))
		return NULL;
	canonical = cblue_kb_entry_to_json(entry);
	changes = cblue_admin_draft_change("create", json_node_get_object(canonical), -1);
	return cblue_store_kb_save_drafts(cblue_admin_request_get_store(req), changes,
					  cblue_admin_request_get_user(req), error);
}

static void
cblue_admin_handle_resolve(CblueAdminRequest *req)
{
	const gchar *group_id = cblue_admin_request_get_param(req, "id");
	JsonObject *body = cblue_admin_request_body_object(req);
	g_auto(CblueAdminRange) range = {0};
	g_autoptr(JsonNode) items = NULL;
	g_autoptr(GPtrArray) variants = NULL;
	g_autoptr(GPtrArray) groups = NULL;
	g_autoptr(GPtrArray) ids = g_ptr_array_new();
	g_autoptr(JsonArray) fields = json_array_new();
	g_autoptr(JsonNode) saved = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonObject) result = json_object_new();
	g_autoptr(JsonNode) node = json_node_new(JSON_NODE_OBJECT);
	g_autofree gchar *detail = NULL;
	CblueAdminGroup *group = NULL;
	const gchar *action = NULL;
	const gchar *topic_id = NULL;

	if (body == NULL)
		return;
	if (!cblue_admin_request_string_member(req, body, "action", &action) ||
	    !cblue_admin_request_string_member(req, body, "topic_id", &topic_id))
		return;
	if (g_strcmp0(action, "add_example") != 0 && g_strcmp0(action, "new_entry") != 0 &&
	    g_strcmp0(action, "dismiss") != 0) {
		cblue_admin_request_reply_invalid(req, _("“action” must be add_example, new_entry or dismiss."));
		return;
	}
	if (g_strcmp0(action, "add_example") == 0 && (topic_id == NULL || topic_id[0] == '\0')) {
		cblue_admin_request_reply_invalid(req, _("“topic_id” is missing."));
		return;
	}
	items = cblue_admin_unanswered_items(req, &range);
	if (items == NULL)
		return;
	groups = cblue_admin_group_questions(json_node_get_array(items), &variants);
	for (guint i = 0; i < groups->len && group == NULL; i++) {
		CblueAdminGroup *candidate = g_ptr_array_index(groups, i);
		if (g_strcmp0(cblue_admin_variant_oldest_id(candidate->seed), group_id) == 0)
			group = candidate;
	}
	if (group == NULL) {
		g_set_error_literal(&error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND,
				    _("No such open group; reload the inbox."));
		cblue_admin_request_reply_error(req, error);
		return;
	}

	/* the KB first: if that fails the questions stay in the inbox */
	if (g_strcmp0(action, "add_example") == 0) {
		saved = cblue_admin_add_examples(req, group, topic_id, &error);
	} else if (g_strcmp0(action, "new_entry") == 0) {
		saved = cblue_admin_new_entry(req, json_object_get_member(body, "entry"), fields, &error);
		if (saved != NULL) {
			JsonArray *entries = json_node_get_array(saved);
			topic_id = json_object_get_string_member(json_array_get_object_element(entries, 0), "topic_id");
		}
	}
	if (g_strcmp0(action, "dismiss") != 0) {
		if (saved == NULL) {
			if (g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_CONFLICT) &&
			    g_strcmp0(action, "new_entry") == 0) {
				cblue_admin_request_reply_error_code(req, 409, "exists", error->message, NULL);
			} else if (json_array_get_length(fields) > 0) {
				/* per field, like POST /kb, so that the editor shows each one */
				g_autoptr(JsonObject) extra = json_object_new();
				json_object_set_array_member(extra, "fields", json_array_ref(fields));
				cblue_admin_request_reply_error_code(req, 400, "invalid_data", error->message, extra);
			} else
				cblue_admin_request_reply_error(req, error);
			return;
		}
		cblue_admin_kb_changed(cblue_admin_request_get_admin(req));
	}
	for (guint i = 0; i < group->variants->len; i++) {
		CblueAdminVariant *variant = g_ptr_array_index(group->variants, i);
		for (guint j = 0; j < variant->items->len; j++)
			g_ptr_array_add(ids, (gpointer)json_object_get_string_member(
						 g_ptr_array_index(variant->items, j), "id"));
	}
	g_ptr_array_add(ids, NULL);
	if (!cblue_store_unanswered_resolve(cblue_admin_request_get_store(req), (const gchar *const *)ids->pdata,
					    action, topic_id, cblue_admin_request_get_user(req), &error)) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	detail = g_strdup_printf("%s %u question(s)%s%s", action, group->count, topic_id != NULL ? " → " : "",
				 topic_id != NULL ? topic_id : "");
	cblue_admin_request_audit(req, "unanswered.resolve", group_id, detail);

	json_object_set_string_member(result, "id", group_id);
	json_object_set_string_member(result, "action", action);
	json_object_set_int_member(result, "resolved", group->count);
	if (topic_id != NULL)
		json_object_set_string_member(result, "topic_id", topic_id);
	if (saved != NULL)
		json_object_set_member(result, "entry",
				       json_node_copy(json_array_get_element(json_node_get_array(saved), 0)));
	json_node_set_object(node, result);
	cblue_admin_request_reply_node(req, 200, node);
}

const CblueAdminRoute cblue_admin_analytics_routes[] = {
    {"GET", "/analytics", CBLUE_ROLE_VIEWER, cblue_admin_handle_analytics},
    {"GET", "/analytics.csv", CBLUE_ROLE_VIEWER, cblue_admin_handle_analytics_csv},
    {"GET", "/unanswered", CBLUE_ROLE_VIEWER, cblue_admin_handle_unanswered},
    {"POST", "/unanswered/{id}/resolve", CBLUE_ROLE_EDITOR, cblue_admin_handle_resolve},
    {NULL, NULL, CBLUE_ROLE_NONE, NULL},
};
