/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cblue-chat-reply-private.h"
#include "cblue-server-metrics-private.h"

/*
 * The Prometheus metrics of CblueServer, in the text exposition format 0.0.4. Names follow
 * the seed: http_requests_total{route,status}, http_request_duration_seconds{route},
 * active_connections, websocket_connections, websocket_slow_client_closes_total,
 * conversations_total{language},
 * messages_total{language,outcome}, pipeline_stage_duration_seconds{stage},
 * pii_redactions_total{type}, and the process_* metrics of the Prometheus client
 * libraries (RSS, CPU, file descriptors, start time).
 */

static const gchar *const cblue_route_names[CBLUE_ROUTE_LAST] = {
    "/api/v1/chat", "/api/v1/chat/ws", "/api/v1/feedback", "/api/v1/conversations",
    "/healthz",	    "/readyz",	       "/metrics",	   "/widget.js",
    "other",
};

const gchar *
cblue_route_to_string(CblueRoute route)
{
	return route < CBLUE_ROUTE_LAST ? cblue_route_names[route] : "other";
}

CblueRoute
cblue_route_from_path(const gchar *path)
{
	if (path == NULL)
		return CBLUE_ROUTE_OTHER;
	if (g_str_has_prefix(path, "/api/v1/conversations/"))
		return CBLUE_ROUTE_CONVERSATIONS;
	for (guint i = 0; i < CBLUE_ROUTE_OTHER; i++) {
		if (strcmp(path, cblue_route_names[i]) == 0)
			return (CblueRoute)i;
	}
	return CBLUE_ROUTE_OTHER;
}

static const gdouble cblue_http_buckets[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
					     0.1,    0.25,  0.5,	1.0,   2.5,  5.0,   10.0};
#define N_HTTP_BUCKETS G_N_ELEMENTS(cblue_http_buckets)

static const gchar *const cblue_metric_languages[] = {"en", "th", "zh", "other"};
#define N_LANGUAGES G_N_ELEMENTS(cblue_metric_languages)
#define N_OUTCOMES  3 /* CblueOutcome */

/* pipeline_stage_duration_seconds{stage}: the bot's own stages, timed in the reply
 * (cblue-chat-reply-private.h), and the whole pipeline */
#define CBLUE_STAGE_PIPELINE "pipeline"

typedef struct {
	guint64 buckets[N_HTTP_BUCKETS]; /* not cumulative here; summed when rendered */
	guint64 count;
	gdouble sum;
} CblueHistogram;

typedef struct {
	GMutex mutex;
	GHashTable *requests; /* owned: (route << 16 | status) → guint64 count, in the pointer */
	CblueHistogram durations[CBLUE_ROUTE_LAST];
	guint64 conversations[N_LANGUAGES];
	guint64 messages[N_LANGUAGES][N_OUTCOMES];
	/* owned: stage (static or interned) → CblueHistogram (owned), by the name's address:
	 * a message looks up eight, and hashing their text cost more than the rest of the
	 * message's metrics; should one name come with two addresses, the rendering adds up
	 * their histograms by name */
	GHashTable *stages;
	GHashTable *pii_redactions; /* owned: type (owned) → guint64 count, in the pointer */
} CblueMetricsShard;

struct _CblueServerMetrics {
	guint n_shards;
	CblueMetricsShard *shards; /* owned */
	gint active_connections;    /* atomic */
	gint websocket_connections; /* atomic */
	gint websocket_slow_client_closes; /* atomic */
	gint in_flight;		    /* atomic */
	gint64 start_time;	    /* seconds since the epoch */
};

CblueServerMetrics *
cblue_server_metrics_new(guint n_shards)
{
	CblueServerMetrics *self = g_new0(CblueServerMetrics, 1);
	self->n_shards = MAX(n_shards, 1);
	self->shards = g_new0(CblueMetricsShard, self->n_shards);
	for (guint i = 0; i < self->n_shards; i++) {
		g_mutex_init(&self->shards[i].mutex);
		self->shards[i].requests = g_hash_table_new(g_direct_hash, g_direct_equal);
		self->shards[i].pii_redactions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
		self->shards[i].stages = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	}
	self->start_time = g_get_real_time() / G_USEC_PER_SEC;
	return self;
}

void
cblue_server_metrics_free(CblueServerMetrics *self)
{
	for (guint i = 0; i < self->n_shards; i++) {
		g_hash_table_unref(self->shards[i].requests);
		g_hash_table_unref(self->shards[i].pii_redactions);
		g_hash_table_unref(self->shards[i].stages);
		g_mutex_clear(&self->shards[i].mutex);
	}
	g_free(self->shards);
	g_free(self);
}

static void
cblue_histogram_observe(CblueHistogram *histogram, gdouble value)
{
	for (guint i = 0; i < N_HTTP_BUCKETS; i++) {
		if (value <= cblue_http_buckets[i]) {
			histogram->buckets[i]++;
			break;
		}
	}
	histogram->count++;
	histogram->sum += value;
}

static void
cblue_histogram_add(CblueHistogram *dst, const CblueHistogram *src)
{
	for (guint i = 0; i < N_HTTP_BUCKETS; i++)
		dst->buckets[i] += src->buckets[i];
	dst->count += src->count;
	dst->sum += src->sum;
}

void
cblue_server_metrics_observe_request(CblueServerMetrics *self, guint shard, CblueRoute route, guint status,
				     gdouble seconds)
{
	CblueMetricsShard *s = &self->shards[shard % self->n_shards];
	gpointer key = GUINT_TO_POINTER(((guint)route << 16) | (status & 0xffff));
	gpointer value;

	g_mutex_lock(&s->mutex);
	value = g_hash_table_lookup(s->requests, key);
	g_hash_table_insert(s->requests, key, GSIZE_TO_POINTER(GPOINTER_TO_SIZE(value) + 1));
	cblue_histogram_observe(&s->durations[MIN(route, CBLUE_ROUTE_OTHER)], seconds);
	g_mutex_unlock(&s->mutex);
}

/* the histogram of a stage in @stages, made on first use; @stage is kept, not copied */
static CblueHistogram *
cblue_metrics_stage(GHashTable *stages, const gchar *stage)
{
	CblueHistogram *histogram = g_hash_table_lookup(stages, stage);
	if (histogram == NULL) {
		histogram = g_new0(CblueHistogram, 1);
		g_hash_table_insert(stages, (gpointer)stage, histogram);
	}
	return histogram;
}

static guint
cblue_metric_language_index(const gchar *language)
{
	for (guint i = 0; i + 1 < N_LANGUAGES; i++) {
		if (g_strcmp0(language, cblue_metric_languages[i]) == 0)
			return i;
	}
	return N_LANGUAGES - 1;
}

void
cblue_server_metrics_observe_reply(CblueServerMetrics *self, guint shard, CblueChatReply *reply,
				   gboolean new_conversation)
{
	CblueMetricsShard *s = &self->shards[shard % self->n_shards];
	guint lang = cblue_metric_language_index(cblue_chat_reply_get_language(reply));
	guint outcome = MIN((guint)cblue_chat_reply_get_outcome(reply), N_OUTCOMES - 1);
	gdouble seconds = (gdouble)MAX(cblue_chat_reply_get_duration_usec(reply), 0) / G_USEC_PER_SEC;

	g_mutex_lock(&s->mutex);
	if (new_conversation)
		s->conversations[lang]++;
	s->messages[lang][outcome]++;
	cblue_histogram_observe(cblue_metrics_stage(s->stages, CBLUE_STAGE_PIPELINE), seconds);
	for (guint i = 0; i < cblue_chat_reply_get_n_stages(reply); i++) {
		gint64 usec = 0;
		const gchar *stage = cblue_chat_reply_get_stage(reply, i, &usec);
		cblue_histogram_observe(cblue_metrics_stage(s->stages, stage), (gdouble)usec / G_USEC_PER_SEC);
	}
	if (cblue_chat_reply_get_pii_redacted(reply)) {
		const gchar *const *types = cblue_chat_reply_get_pii_types(reply);
		const gchar *const unknown[] = {"unknown", NULL};
		if (types == NULL || types[0] == NULL)
			types = unknown;
		for (guint i = 0; types[i] != NULL; i++) {
			gpointer orig_key = NULL, value = NULL;
			if (g_hash_table_lookup_extended(s->pii_redactions, types[i], &orig_key, &value))
				g_hash_table_insert(s->pii_redactions, g_strdup(types[i]),
						    GSIZE_TO_POINTER(GPOINTER_TO_SIZE(value) + 1));
			else
				g_hash_table_insert(s->pii_redactions, g_strdup(types[i]), GSIZE_TO_POINTER(1));
		}
	}
	g_mutex_unlock(&s->mutex);
}

void
cblue_server_metrics_add_active_connections(CblueServerMetrics *self, gint delta)
{
	g_atomic_int_add(&self->active_connections, delta);
}

gint
cblue_server_metrics_get_active_connections(CblueServerMetrics *self)
{
	return g_atomic_int_get(&self->active_connections);
}

void
cblue_server_metrics_add_websocket_connections(CblueServerMetrics *self, gint delta)
{
	g_atomic_int_add(&self->websocket_connections, delta);
}

gint
cblue_server_metrics_get_websocket_connections(CblueServerMetrics *self)
{
	return g_atomic_int_get(&self->websocket_connections);
}

void
cblue_server_metrics_count_websocket_slow_client_close(CblueServerMetrics *self)
{
	g_atomic_int_inc(&self->websocket_slow_client_closes);
}

void
cblue_server_metrics_add_in_flight(CblueServerMetrics *self, gint delta)
{
	g_atomic_int_add(&self->in_flight, delta);
}

gint
cblue_server_metrics_get_in_flight(CblueServerMetrics *self)
{
	return g_atomic_int_get(&self->in_flight);
}

static void
cblue_metrics_header(GString *out, const gchar *name, const gchar *type, const gchar *help)
{
	g_string_append_printf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

static void
cblue_metrics_histogram(GString *out, const gchar *name, const gchar *label, const gchar *value,
			const CblueHistogram *histogram)
{
	guint64 cumulative = 0;
	gchar buf[G_ASCII_DTOSTR_BUF_SIZE];

	for (guint i = 0; i < N_HTTP_BUCKETS; i++) {
		cumulative += histogram->buckets[i];
		g_string_append_printf(out, "%s_bucket{%s=\"%s\",le=\"%s\"} %" G_GUINT64_FORMAT "\n", name, label,
				       value, g_ascii_formatd(buf, sizeof(buf), "%g", cblue_http_buckets[i]), cumulative);
	}
	g_string_append_printf(out, "%s_bucket{%s=\"%s\",le=\"+Inf\"} %" G_GUINT64_FORMAT "\n", name, label, value,
			       histogram->count);
	g_string_append_printf(out, "%s_sum{%s=\"%s\"} %s\n", name, label, value,
			       g_ascii_formatd(buf, sizeof(buf), "%.9g", histogram->sum));
	g_string_append_printf(out, "%s_count{%s=\"%s\"} %" G_GUINT64_FORMAT "\n", name, label, value,
			       histogram->count);
}

/* g_hash_table_get_keys_as_ptr_array() is GLib 2.76 */
static GPtrArray *
cblue_metrics_keys(GHashTable *table)
{
	GPtrArray *keys = g_ptr_array_sized_new(g_hash_table_size(table));
	GHashTableIter iter;
	gpointer key;
	g_hash_table_iter_init(&iter, table);
	while (g_hash_table_iter_next(&iter, &key, NULL))
		g_ptr_array_add(keys, key);
	return keys;
}

static gint
cblue_metrics_key_compare(gconstpointer a, gconstpointer b)
{
	guint ka = GPOINTER_TO_UINT(*(gconstpointer const *)a);
	guint kb = GPOINTER_TO_UINT(*(gconstpointer const *)b);
	return ka < kb ? -1 : (ka > kb ? 1 : 0);
}

static gint
cblue_metrics_str_compare(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(*(const gchar *const *)a, *(const gchar *const *)b);
}

/* label values may hold `\`, `"` and newlines only escaped */
static gchar *
cblue_metrics_escape_label(const gchar *value)
{
	GString *out = g_string_new(NULL);
	for (const gchar *p = value; *p != '\0'; p++) {
		if (*p == '\\' || *p == '"')
			g_string_append_c(out, '\\');
		if (*p == '\n') {
			g_string_append(out, "\\n");
			continue;
		}
		g_string_append_c(out, *p);
	}
	return g_string_free(out, FALSE);
}

/* RSS, CPU, file descriptors of this process, from /proc and getrusage() */
static void
cblue_metrics_process(GString *out, gint64 start_time)
{
	struct rusage usage;
	g_autofree gchar *statm = NULL;
	gchar buf[G_ASCII_DTOSTR_BUF_SIZE];
	guint64 pages_vm = 0, pages_rss = 0;
	guint n_fds = 0;
	g_autoptr(GDir) dir = NULL;
	glong page_size = sysconf(_SC_PAGESIZE);

	if (getrusage(RUSAGE_SELF, &usage) == 0) {
		gdouble cpu = (gdouble)usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
			      (gdouble)usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
		cblue_metrics_header(out, "process_cpu_seconds_total", "counter",
				     "Total user and system CPU time spent in seconds.");
		g_string_append_printf(out, "process_cpu_seconds_total %s\n", g_ascii_dtostr(buf, sizeof(buf), cpu));
	}
	if (g_file_get_contents("/proc/self/statm", &statm, NULL, NULL) &&
	    sscanf(statm, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &pages_vm, &pages_rss) == 2) {
		cblue_metrics_header(out, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.");
		g_string_append_printf(out, "process_resident_memory_bytes %" G_GUINT64_FORMAT "\n",
				       pages_rss * (guint64)page_size);
		cblue_metrics_header(out, "process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.");
		g_string_append_printf(out, "process_virtual_memory_bytes %" G_GUINT64_FORMAT "\n",
				       pages_vm * (guint64)page_size);
	}
	dir = g_dir_open("/proc/self/fd", 0, NULL);
	if (dir != NULL) {
		while (g_dir_read_name(dir) != NULL)
			n_fds++;
		cblue_metrics_header(out, "process_open_fds", "gauge", "Number of open file descriptors.");
		g_string_append_printf(out, "process_open_fds %u\n", n_fds);
	}
	cblue_metrics_header(out, "process_start_time_seconds", "gauge",
			     "Start time of the process since unix epoch in seconds.");
	g_string_append_printf(out, "process_start_time_seconds %" G_GINT64_FORMAT "\n", start_time);
}

gchar *
cblue_server_metrics_render(CblueServerMetrics *self)
{
	GString *out = g_string_sized_new(8192);
	g_autoptr(GHashTable) requests = g_hash_table_new(g_direct_hash, g_direct_equal);
	g_autoptr(GPtrArray) keys = NULL;
	CblueHistogram durations[CBLUE_ROUTE_LAST] = {0};
	g_autoptr(GHashTable) stages = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
	g_autoptr(GPtrArray) stage_names = NULL;
	guint64 conversations[N_LANGUAGES] = {0};
	guint64 messages[N_LANGUAGES][N_OUTCOMES] = {{0}};
	g_autoptr(GHashTable) pii = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_autoptr(GPtrArray) pii_types = NULL;
	GHashTableIter iter;
	gpointer key, value;

	for (guint i = 0; i < self->n_shards; i++) {
		CblueMetricsShard *s = &self->shards[i];
		g_mutex_lock(&s->mutex);
		g_hash_table_iter_init(&iter, s->requests);
		while (g_hash_table_iter_next(&iter, &key, &value)) {
			gpointer old = g_hash_table_lookup(requests, key);
			g_hash_table_insert(requests, key,
					    GSIZE_TO_POINTER(GPOINTER_TO_SIZE(old) + GPOINTER_TO_SIZE(value)));
		}
		for (guint r = 0; r < CBLUE_ROUTE_LAST; r++)
			cblue_histogram_add(&durations[r], &s->durations[r]);
		g_hash_table_iter_init(&iter, s->stages);
		while (g_hash_table_iter_next(&iter, &key, &value))
			cblue_histogram_add(cblue_metrics_stage(stages, key), value);
		g_hash_table_iter_init(&iter, s->pii_redactions);
		while (g_hash_table_iter_next(&iter, &key, &value)) {
			gpointer old = g_hash_table_lookup(pii, key);
			g_hash_table_replace(pii, g_strdup(key),
					     GSIZE_TO_POINTER(GPOINTER_TO_SIZE(old) + GPOINTER_TO_SIZE(value)));
		}
		for (guint l = 0; l < N_LANGUAGES; l++) {
			conversations[l] += s->conversations[l];
			for (guint o = 0; o < N_OUTCOMES; o++)
				messages[l][o] += s->messages[l][o];
		}
		g_mutex_unlock(&s->mutex);
	}

	cblue_metrics_header(out, "http_requests_total", "counter", "HTTP requests by route and status.");
	keys = cblue_metrics_keys(requests);
	g_ptr_array_sort(keys, cblue_metrics_key_compare);
	for (guint i = 0; i < keys->len; i++) {
		guint k = GPOINTER_TO_UINT(g_ptr_array_index(keys, i));
		g_string_append_printf(out, "http_requests_total{route=\"%s\",status=\"%u\"} %" G_GSIZE_FORMAT "\n",
				       cblue_route_to_string((CblueRoute)(k >> 16)), k & 0xffff,
				       GPOINTER_TO_SIZE(g_hash_table_lookup(requests, g_ptr_array_index(keys, i))));
	}
	cblue_metrics_header(out, "http_request_duration_seconds", "histogram",
			     "Time from the start of a request to its response, by route.");
	for (guint r = 0; r < CBLUE_ROUTE_LAST; r++) {
		if (durations[r].count > 0)
			cblue_metrics_histogram(out, "http_request_duration_seconds", "route",
						cblue_route_to_string((CblueRoute)r), &durations[r]);
	}
	cblue_metrics_header(out, "active_connections", "gauge", "Open client connections (HTTP and WebSocket).");
	g_string_append_printf(out, "active_connections %d\n", cblue_server_metrics_get_active_connections(self));
	cblue_metrics_header(out, "websocket_connections", "gauge", "Open WebSocket chat connections.");
	g_string_append_printf(out, "websocket_connections %d\n", cblue_server_metrics_get_websocket_connections(self));
	cblue_metrics_header(out, "websocket_slow_client_closes_total", "counter",
			     "WebSockets closed because the client did not read its frames (websocket_max_queued).");
	g_string_append_printf(out, "websocket_slow_client_closes_total %u\n",
			       (guint)g_atomic_int_get(&self->websocket_slow_client_closes));
	cblue_metrics_header(out, "inflight_messages", "gauge", "Messages being answered.");
	g_string_append_printf(out, "inflight_messages %d\n", cblue_server_metrics_get_in_flight(self));
	cblue_metrics_header(out, "conversations_total", "counter", "Conversations started, by language.");
	for (guint l = 0; l < N_LANGUAGES; l++)
		g_string_append_printf(out, "conversations_total{language=\"%s\"} %" G_GUINT64_FORMAT "\n",
				       cblue_metric_languages[l], conversations[l]);
	cblue_metrics_header(out, "messages_total", "counter", "Messages answered, by language and outcome.");
	for (guint l = 0; l < N_LANGUAGES; l++) {
		for (guint o = 0; o < N_OUTCOMES; o++)
			g_string_append_printf(out,
					       "messages_total{language=\"%s\",outcome=\"%s\"} %" G_GUINT64_FORMAT
					       "\n",
					       cblue_metric_languages[l], cblue_outcome_to_string((CblueOutcome)o),
					       messages[l][o]);
	}
	cblue_metrics_header(out, "pipeline_stage_duration_seconds", "histogram",
			     "Time spent in each stage of the answer pipeline.");
	/* the whole pipeline is there before the first message, the stages once they ran */
	cblue_metrics_stage(stages, CBLUE_STAGE_PIPELINE);
	stage_names = cblue_metrics_keys(stages);
	g_ptr_array_sort(stage_names, cblue_metrics_str_compare);
	for (guint i = 0; i < stage_names->len; i++) {
		const gchar *stage = g_ptr_array_index(stage_names, i);
		g_autofree gchar *escaped = cblue_metrics_escape_label(stage);
		cblue_metrics_histogram(out, "pipeline_stage_duration_seconds", "stage", escaped,
					g_hash_table_lookup(stages, stage));
	}
	cblue_metrics_header(out, "pii_redactions_total", "counter",
			     "Messages in which personal data was redacted, by type.");
	pii_types = cblue_metrics_keys(pii);
	g_ptr_array_sort(pii_types, cblue_metrics_str_compare);
	for (guint i = 0; i < pii_types->len; i++) {
		const gchar *type = g_ptr_array_index(pii_types, i);
		g_autofree gchar *escaped = cblue_metrics_escape_label(type);
		g_string_append_printf(out, "pii_redactions_total{type=\"%s\"} %" G_GSIZE_FORMAT "\n", escaped,
				       GPOINTER_TO_SIZE(g_hash_table_lookup(pii, type)));
	}
	cblue_metrics_process(out, self->start_time);
	return g_string_free(out, FALSE);
}
