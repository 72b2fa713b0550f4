/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <hiredis/hiredis.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "cblue-queue-redis.h"
#include "cblue-redis-connection.h"

/*
 * The Redis queue of the scaled topology.
 *
 * API side: a chat message becomes a job (JSON) appended to the stream `<prefix>:jobs`;
 * the job names this process's reply stream `<prefix>:replies:<process id>`, which the
 * process reads with a blocking XREAD. A job not answered within `[queue] reply_timeout_ms`
 * fails with `not_reachable` (HTTP 503 + Retry-After): the client never hangs.
 *
 * Worker side: workers read `<prefix>:jobs` in the consumer group `<prefix>-workers`; a job
 * is answered by the local bot, then one Lua script stores the reply under the job id,
 * appends it to the reply stream and only then acknowledges (and deletes) the job. A job
 * left pending by a dead worker is claimed with XAUTOCLAIM once idle for
 * `[queue] claim_idle_ms`. A job that failed `[queue] max_failures` times goes to the
 * stream `<prefix>:jobs:dead` with the error, and the client gets the error at once.
 *
 * Idempotency: the job id is the message id. A worker takes a short lock per job and
 * looks for a stored reply first, so a job delivered twice is answered once (the second
 * delivery republishes the stored reply); the API process answers a job id once and drops
 * any later reply; and the store records a message id once.
 *
 * Threads: every Redis connection lives on one thread of our own with its own main
 * context; submit_async may be called from any thread (the server's listener threads) and
 * its GTask completes on the caller's context. Workers answer on that thread too (the
 * embedded pipeline takes tens of microseconds; a slow model provider is asynchronous).
 *
 * Streaming: when the client wants the answer piece by piece (a WebSocket, or
 * `Accept: text/event-stream`), the job says so; the worker then connects to the message's
 * `token` signal and appends the pieces to the reply stream in batches (every
 * CBLUE_REDIS_TOKEN_FLUSH_MS, or sooner past CBLUE_REDIS_TOKEN_FLUSH_BYTES), before the reply
 * itself. The API process emits each batch as one `token` on the caller's message, on the
 * caller's main context, in stream order, so every batch comes before the reply.
 *
 * KB notifications: cblue_queue_notify_kb_published() publishes on `<prefix>:kb` and sets
 * `<prefix>:kb:version`; every process subscribes and reloads its KB from the store, also
 * after a reconnect if the version changed meanwhile (pub/sub drops messages while a
 * subscriber is away).
 */

#define CBLUE_REDIS_HISTOGRAM_BUCKETS 12
static const gdouble cblue_redis_buckets[CBLUE_REDIS_HISTOGRAM_BUCKETS] = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};

#define CBLUE_REDIS_REPLY_STREAM_TTL "300"  /* s: a dead API process's replies expire */
#define CBLUE_REDIS_BLOCK_MS	     "500"  /* blocking reads come back this often */
/* streamed tokens go to Redis in batches: at most one XADD per job this often, or sooner
 * once this many bytes wait; a client sees no difference, Redis far fewer commands */
#define CBLUE_REDIS_TOKEN_FLUSH_MS    15
#define CBLUE_REDIS_TOKEN_FLUSH_BYTES 1024

/* submit: the per-address token bucket shared by every API process (Redis's clock, so
 * hosts need not agree on the time), then the job with its conversation's state; one round
 * trip either way */
static const gchar cblue_redis_lua_submit[] =
    "if ARGV[2] ~= '0' then\n"
    "  local rate = tonumber(ARGV[2])\n"
    "  local burst = tonumber(ARGV[3])\n"
    "  local t = redis.call('TIME')\n"
    "  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n"
    "  local b = redis.call('HMGET', KEYS[2], 'tokens', 'ts')\n"
    "  local tokens = tonumber(b[1]) or burst\n"
    "  local ts = tonumber(b[2]) or now\n"
    "  tokens = math.min(burst, tokens + math.max(0, now - ts) * rate / 1000)\n"
    "  if tokens < 1 then\n"
    "    redis.call('HSET', KEYS[2], 'tokens', tostring(tokens), 'ts', tostring(now))\n"
    "    return math.max(1, math.ceil((1 - tokens) / rate))\n"
    "  end\n"
    "  redis.call('HSET', KEYS[2], 'tokens', tostring(tokens - 1), 'ts', tostring(now))\n"
    "  redis.call('PEXPIRE', KEYS[2], math.ceil(burst * 1000 / rate) + 1000)\n"
    "end\n"
    "redis.call('XADD', KEYS[1], '*', 'job', ARGV[1], 'ctx', redis.call('GET', KEYS[3]) or '')\n"
    "return 0\n";

/* begin: look for a stored reply, else take the job's lock and count the attempt */
static const gchar cblue_redis_lua_begin[] =
    "local done = redis.call('GET', KEYS[1])\n"
    "if done then return {'done', done} end\n"
    "if not redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {'busy', ''} end\n"
    "local tries = redis.call('INCR', KEYS[3])\n"
    "redis.call('EXPIRE', KEYS[3], ARGV[3])\n"
    "return {'run', tostring(tries)}\n";

/* finish: keep the reply and the conversation's state after it, publish the reply, then
 * acknowledge: in one step, so that a worker that dies in between leaves either nothing or
 * everything done, and the conversation's next message, sent once the reply is seen, finds
 * the state */
static const gchar cblue_redis_lua_finish[] =
    "redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])\n"
    "if ARGV[8] ~= '' then redis.call('SET', KEYS[5], ARGV[8], 'EX', ARGV[9]) end\n"
    "if ARGV[7] ~= '' then\n"
    "  redis.call('XADD', KEYS[3], 'MAXLEN', '~', '10000', '*', 'job', ARGV[3], 'reply', ARGV[1])\n"
    "  redis.call('EXPIRE', KEYS[3], ARGV[6])\n"
    "end\n"
    "redis.call('XACK', KEYS[4], ARGV[4], ARGV[5])\n"
    "redis.call('XDEL', KEYS[4], ARGV[5])\n"
    "redis.call('DEL', KEYS[2])\n"
    "return 1\n";

/* a batch of streamed tokens, to the reply stream of the API process (which may be gone:
 * the stream then expires as after a reply) */
static const gchar cblue_redis_lua_tokens[] =
    "redis.call('XADD', KEYS[1], 'MAXLEN', '~', '10000', '*', 'job', ARGV[1], 'tokens', ARGV[2])\n"
    "redis.call('EXPIRE', KEYS[1], ARGV[3])\n"
    "return 1\n";

/* give up: the client gets the error; a job that kept failing is kept for an operator */
static const gchar cblue_redis_lua_fail[] =
    "if ARGV[9] == '1' then\n"
    "  redis.call('XADD', KEYS[4], 'MAXLEN', '~', '100000', '*', 'job', ARGV[1], 'payload', ARGV[6],\n"
    "             'error', ARGV[3], 'failures', ARGV[7])\n"
    "end\n"
    "if ARGV[10] ~= '' then\n"
    "  redis.call('XADD', KEYS[2], 'MAXLEN', '~', '10000', '*', 'job', ARGV[1], 'error', ARGV[2],\n"
    "             'message', ARGV[3])\n"
    "  redis.call('EXPIRE', KEYS[2], ARGV[8])\n"
    "end\n"
    "redis.call('XACK', KEYS[3], ARGV[4], ARGV[5])\n"
    "redis.call('XDEL', KEYS[3], ARGV[5])\n"
    "redis.call('DEL', KEYS[1])\n"
    "return 1\n";

typedef enum {
	CBLUE_REDIS_ROLE_ALL,
	CBLUE_REDIS_ROLE_API,
	CBLUE_REDIS_ROLE_WORKER,
} CblueRedisRole;

typedef struct {
	GMutex mutex;
	guint64 buckets[CBLUE_REDIS_HISTOGRAM_BUCKETS + 1]; /* the last one: +Inf */
	gdouble sum;
	guint64 count;
} CblueRedisHistogram;

struct _CblueQueueRedis {
	GObject parent_instance;
	CblueContext *context_obj;  /* unowned: the context owns its extensions */
	CblueRedisAddress *address; /* owned */
	CblueRedisRole role;
	gchar *process_id;   /* owned */
	gchar *jobs_key;     /* owned */
	gchar *dead_key;     /* owned */
	gchar *group;	     /* owned */
	gchar *replies_key;  /* owned: ours */
	gchar *kb_channel;   /* owned */
	gchar *kb_version_key; /* owned */
	gchar *key_prefix;   /* owned: <prefix>:job: */
	gchar *replies_prefix; /* owned: <prefix>:replies: */
	guint reply_timeout_ms;
	guint claim_idle_ms;
	guint claim_interval_ms;
	guint max_failures;
	guint concurrency;
	guint max_pending;
	guint redis_timeout_ms;
	gchar *done_ttl; /* owned: s that replies (and attempt counts) are kept for duplicates */
	gdouble rate_limit; /* messages per second per client address, over all API processes; 0: off */
	gchar *rate_limit_str; /* owned */
	gchar *rate_burst_str; /* owned */
	gchar *rate_prefix;    /* owned: <prefix>:rate: */
	gchar *conversation_prefix; /* owned: <prefix>:conversation: */
	gchar *context_ttl;	    /* owned: s that a conversation's state is kept after its last reply */
	gboolean fallback_local;
	CblueBot *bot; /* owned, nullable until start_consumer */

	/* the Redis thread */
	GThread *thread;       /* owned */
	GMainContext *context; /* owned */
	GMainLoop *loop;       /* owned */

	/* only touched on the Redis thread */
	CblueRedisConnection *cmd;	/* owned: commands, scripts, polls */
	CblueRedisConnection *jobs_in;	/* owned, nullable: XREADGROUP (workers) */
	CblueRedisConnection *replies_in; /* owned: XREAD of our replies */
	CblueRedisConnection *kb_sub;	/* owned: SUBSCRIBE */
	GHashTable *pending;	/* owned: job id → CblueRedisJob (owned) */
	gchar *replies_last_id; /* owned */
	gchar *kb_version;	/* owned, nullable: the last one seen */
	gboolean consuming;
	gboolean reading_jobs;
	gboolean reading_replies;
	gboolean stopping;
	gboolean was_ready;
	guint in_progress;
	GSource *tick; /* owned */
	gint64 last_claim_usec;
	gint64 last_poll_usec;
	gint64 last_heartbeat_usec;
	GHashTable *working; /* owned: the jobs being answered, entry id → CblueRedisWork (both unowned) */

	/* read from any thread */
	gint ready;	      /* atomic */
	gint in_progress_atomic; /* atomic */
	gint queue_length;    /* atomic */
	gint pending_count;   /* atomic */
	CblueRedisHistogram processing; /* job_processing_duration_seconds */
	CblueRedisHistogram round_trip; /* job_round_trip_seconds */
	/* counters for /metrics, atomic */
	gint n_submitted;
	gint n_timeouts;
	gint n_unreachable;
	gint n_fallback;
	gint n_processed;
	gint n_duplicates;
	gint n_dead;
	gint n_expired;
	gint n_claimed;
	gint n_rate_limited;
	gint n_token_batches;
};

static void cblue_queue_redis_iface_init(CblueQueueInterface *iface);

G_DEFINE_TYPE_WITH_CODE(CblueQueueRedis, cblue_queue_redis, G_TYPE_OBJECT,
			G_IMPLEMENT_INTERFACE(CBLUE_TYPE_QUEUE, cblue_queue_redis_iface_init))

static void
cblue_redis_histogram_observe(CblueRedisHistogram *histogram, gdouble seconds)
{
	guint i = 0;
	while (i < CBLUE_REDIS_HISTOGRAM_BUCKETS && seconds > cblue_redis_buckets[i])
		i++;
	g_mutex_lock(&histogram->mutex);
	histogram->buckets[i]++;
	histogram->sum += seconds;
	histogram->count++;
	g_mutex_unlock(&histogram->mutex);
}

static void
cblue_redis_histogram_render(CblueRedisHistogram *histogram, GString *out, const gchar *name, const gchar *help)
{
	gchar buf[G_ASCII_DTOSTR_BUF_SIZE];
	guint64 cumulative = 0;

	g_string_append_printf(out, "# HELP %s %s\n# TYPE %s histogram\n", name, help, name);
	g_mutex_lock(&histogram->mutex);
	for (guint i = 0; i < CBLUE_REDIS_HISTOGRAM_BUCKETS; i++) {
		cumulative += histogram->buckets[i];
		g_string_append_printf(out, "%s_bucket{le=\"%s\"} %" G_GUINT64_FORMAT "\n", name,
				       g_ascii_formatd(buf, sizeof(buf), "%g", cblue_redis_buckets[i]), cumulative);
	}
	cumulative += histogram->buckets[CBLUE_REDIS_HISTOGRAM_BUCKETS];
	g_string_append_printf(out, "%s_bucket{le=\"+Inf\"} %" G_GUINT64_FORMAT "\n", name, cumulative);
	g_string_append_printf(out, "%s_sum %s\n", name, g_ascii_dtostr(buf, sizeof(buf), histogram->sum));
	g_string_append_printf(out, "%s_count %" G_GUINT64_FORMAT "\n", name, histogram->count);
	g_mutex_unlock(&histogram->mutex);
}

static void
cblue_json_add_nullable_string(JsonBuilder *builder, const gchar *name, const gchar *value)
{
	json_builder_set_member_name(builder, name);
	if (value != NULL)
		json_builder_add_string_value(builder, value);
	else
		json_builder_add_null_value(builder);
}

/* a string member, or NULL if it is missing, null or not a string */
static const gchar *
cblue_json_get_string(JsonObject *obj, const gchar *name)
{
	JsonNode *node = json_object_get_member(obj, name);
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_STRING)
		return NULL;
	return json_node_get_string(node);
}

/* an array member, or NULL */
static JsonArray *
cblue_json_get_array(JsonObject *obj, const gchar *name)
{
	JsonNode *node = json_object_get_member(obj, name);
	return node != NULL && JSON_NODE_HOLDS_ARRAY(node) ? json_node_get_array(node) : NULL;
}

/* replies: our own encoding, fuller than the HTTP one (outcome, PII types, timing) */

static gchar *
cblue_redis_reply_encode(CblueChatReply *reply)
{
	g_autoptr(JsonBuilder) builder = json_builder_new_immutable();
	g_autoptr(JsonNode) root = NULL;
	GPtrArray *sources = cblue_chat_reply_get_sources(reply);
	const gchar *const *pii_types = cblue_chat_reply_get_pii_types(reply);

	json_builder_begin_object(builder);
	cblue_json_add_nullable_string(builder, "conversation_id", cblue_chat_reply_get_conversation_id(reply));
	cblue_json_add_nullable_string(builder, "message_id", cblue_chat_reply_get_message_id(reply));
	cblue_json_add_nullable_string(builder, "reply", cblue_chat_reply_get_text(reply));
	cblue_json_add_nullable_string(builder, "language", cblue_chat_reply_get_language(reply));
	cblue_json_add_nullable_string(builder, "topic_id", cblue_chat_reply_get_topic_id(reply));
	cblue_json_add_nullable_string(builder, "second_topic_id", cblue_chat_reply_get_second_topic_id(reply));
	json_builder_set_member_name(builder, "sources");
	json_builder_begin_array(builder);
	for (guint i = 0; sources != NULL && i < sources->len; i++) {
		CblueHit *hit = g_ptr_array_index(sources, i);
		json_builder_begin_array(builder);
		json_builder_add_string_value(builder, cblue_hit_get_topic_id(hit));
		json_builder_add_double_value(builder, cblue_hit_get_score(hit));
		json_builder_add_double_value(builder, cblue_hit_get_confidence(hit));
		json_builder_end_array(builder);
	}
	json_builder_end_array(builder);
	json_builder_set_member_name(builder, "pii_types");
	json_builder_begin_array(builder);
	for (guint i = 0; pii_types != NULL && pii_types[i] != NULL; i++)
		json_builder_add_string_value(builder, pii_types[i]);
	json_builder_end_array(builder);
	json_builder_set_member_name(builder, "pii_redacted");
	json_builder_add_boolean_value(builder, cblue_chat_reply_get_pii_redacted(reply));
	json_builder_set_member_name(builder, "outcome");
	json_builder_add_int_value(builder, cblue_chat_reply_get_outcome(reply));
	json_builder_set_member_name(builder, "confidence");
	json_builder_add_double_value(builder, cblue_chat_reply_get_confidence(reply));
	json_builder_set_member_name(builder, "duration_usec");
	json_builder_add_int_value(builder, cblue_chat_reply_get_duration_usec(reply));
	json_builder_end_object(builder);
	root = json_builder_get_root(builder);
	return json_to_string(root, FALSE);
}

static CblueChatReply *
cblue_redis_reply_decode(const gchar *json, gsize len, GError **error)
{
	g_autoptr(JsonParser) parser = json_parser_new_immutable();
	g_autoptr(CblueChatReply) reply = cblue_chat_reply_new();
	g_autoptr(GPtrArray) pii_types = g_ptr_array_new();
	const gchar *text, *language;
	JsonObject *obj;
	JsonArray *array;

	if (!json_parser_load_from_data(parser, json, (gssize)len, error)) {
		cblue_error_convert(error);
		return NULL;
	}
	if (!JSON_NODE_HOLDS_OBJECT(json_parser_get_root(parser))) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "a reply must be a JSON object");
		return NULL;
	}
	obj = json_node_get_object(json_parser_get_root(parser));
	cblue_chat_reply_set_conversation_id(reply, cblue_json_get_string(obj, "conversation_id"));
	cblue_chat_reply_set_message_id(reply, cblue_json_get_string(obj, "message_id"));
	text = cblue_json_get_string(obj, "reply");
	language = cblue_json_get_string(obj, "language");
	cblue_chat_reply_set_text(reply, text != NULL ? text : "");
	cblue_chat_reply_set_language(reply, language != NULL ? language : "en");
	cblue_chat_reply_set_topic_id(reply, cblue_json_get_string(obj, "topic_id"));
	/* (none from a worker older than the field: a reply of one topic) */
	cblue_chat_reply_set_second_topic_id(reply, cblue_json_get_string(obj, "second_topic_id"));
	array = cblue_json_get_array(obj, "sources");
	for (guint i = 0; array != NULL && i < json_array_get_length(array); i++) {
		JsonNode *node = json_array_get_element(array, i);
		JsonArray *source = JSON_NODE_HOLDS_ARRAY(node) ? json_node_get_array(node) : NULL;
		g_autoptr(CblueHit) hit = NULL;
		if (source == NULL || json_array_get_length(source) != 3)
			continue;
		hit = cblue_hit_new(json_array_get_string_element(source, 0), json_array_get_double_element(source, 1),
				    json_array_get_double_element(source, 2));
		cblue_chat_reply_add_source(reply, hit);
	}
	array = cblue_json_get_array(obj, "pii_types");
	for (guint i = 0; array != NULL && i < json_array_get_length(array); i++)
		g_ptr_array_add(pii_types, (gpointer)json_array_get_string_element(array, i));
	g_ptr_array_add(pii_types, NULL);
	cblue_chat_reply_set_pii_types(reply, (const gchar *const *)pii_types->pdata);
	cblue_chat_reply_set_pii_redacted(reply, json_object_get_boolean_member_with_default(obj, "pii_redacted", FALSE));
	cblue_chat_reply_set_outcome(
	    reply, (CblueOutcome)CLAMP(json_object_get_int_member_with_default(obj, "outcome", 0), CBLUE_OUTCOME_ANSWERED,
				       CBLUE_OUTCOME_UNANSWERED));
	cblue_chat_reply_set_confidence(reply, json_object_get_double_member_with_default(obj, "confidence", 0.0));
	cblue_chat_reply_set_duration_usec(reply, json_object_get_int_member_with_default(obj, "duration_usec", 0));
	return g_steal_pointer(&reply);
}

/* small helpers for replies of Redis */

static gboolean
cblue_redis_reply_is_error(redisReply *reply, const gchar *prefix)
{
	return reply != NULL && reply->type == REDIS_REPLY_ERROR &&
	       (prefix == NULL || g_str_has_prefix(reply->str, prefix));
}

static gchar *
cblue_redis_key(CblueQueueRedis *self, const gchar *job_id, const gchar *suffix)
{
	return g_strconcat(self->key_prefix, job_id, ":", suffix, NULL);
}

/* the API side */

typedef struct {
	CblueQueueRedis *self; /* unowned: jobs go before the queue */
	GTask *task;	       /* owned */
	gchar *job_id;	       /* owned: the message id */
	gchar *payload;	       /* owned: the job as JSON, without the conversation's state */
	gchar *conversation_id; /* owned */
	gchar *rate_key;       /* owned, nullable: the client's bucket, unlimited if NULL */
	CblueMessage *message; /* owned, nullable: the caller's, when it wants tokens */
	gint64 deadline_usec;  /* monotonic */
	gint64 submitted_usec; /* monotonic */
} CblueRedisJob;

static void
cblue_redis_job_free(CblueRedisJob *job)
{
	g_clear_object(&job->task);
	g_free(job->job_id);
	g_free(job->payload);
	g_free(job->conversation_id);
	g_free(job->rate_key);
	g_clear_object(&job->message);
	g_free(job);
}

/* completes a job once: later replies for its id find nothing and are dropped */
static void
cblue_redis_job_complete(CblueQueueRedis *self, const gchar *job_id, CblueChatReply *reply, GError *error)
{
	CblueRedisJob *job = g_hash_table_lookup(self->pending, job_id);
	g_autoptr(GError) owned_error = error;

	if (job == NULL) {
		if (reply != NULL)
			g_atomic_int_inc(&self->n_duplicates);
		return;
	}
	cblue_redis_histogram_observe(&self->round_trip,
				      (gdouble)(g_get_monotonic_time() - job->submitted_usec) / G_USEC_PER_SEC);
	if (reply != NULL) {
		g_task_return_pointer(job->task, g_object_ref(reply), g_object_unref);
	} else {
		g_task_return_error(job->task, g_steal_pointer(&owned_error));
	}
	g_hash_table_remove(self->pending, job_id);
	g_atomic_int_add(&self->pending_count, -1);
}

static void
cblue_redis_job_fail(CblueQueueRedis *self, const gchar *job_id, CblueError code, const gchar *message)
{
	cblue_redis_job_complete(self, job_id, NULL, g_error_new_literal(CBLUE_ERROR, code, message));
}

/* what an XADD callback needs: not the job, which may be completed first */
typedef struct {
	CblueQueueRedis *self; /* unowned */
	gchar *job_id;	       /* owned */
} CblueRedisSent;

static void
cblue_redis_xadd_cb(redisReply *reply, gpointer user_data)
{
	CblueRedisSent *sent = user_data;

	/* NULL: lost with the connection, it is sent again on reconnect; a Redis error (out
	 * of memory, say) is final */
	if (reply != NULL && reply->type == REDIS_REPLY_ERROR) {
		g_warning("redis: cannot queue a job: %s", reply->str);
		cblue_redis_job_fail(sent->self, sent->job_id, CBLUE_ERROR_NOT_REACHABLE,
				     _("The job queue refused the message; please try again shortly."));
	} else if (reply != NULL && reply->type == REDIS_REPLY_INTEGER && reply->integer > 0) {
		/* the client's shared bucket is empty */
		g_atomic_int_inc(&sent->self->n_rate_limited);
		cblue_redis_job_fail(sent->self, sent->job_id, CBLUE_ERROR_BUSY,
				     _("Too many messages; please wait a moment."));
	}
	g_free(sent->job_id);
	g_free(sent);
}

/* @limit: take a token from the client's bucket (not when a job is sent again) */
static void
cblue_redis_job_send(CblueQueueRedis *self, CblueRedisJob *job, gboolean limit)
{
	gboolean limited = limit && job->rate_key != NULL && self->rate_limit > 0;
	g_autofree gchar *conversation_key = g_strconcat(self->conversation_prefix, job->conversation_id, NULL);
	/* the job takes the conversation's state (cblue_message_set_context()) that the worker
	 * of its previous message left, whichever API process and worker that was */
	const gchar *argv[] = {"EVAL",
			       cblue_redis_lua_submit,
			       "3",
			       self->jobs_key,
			       limited ? job->rate_key : self->jobs_key,
			       conversation_key,
			       job->payload,
			       limited ? self->rate_limit_str : "0",
			       self->rate_burst_str};
	gsize lens[G_N_ELEMENTS(argv)];
	CblueRedisSent *sent = g_new0(CblueRedisSent, 1);

	for (guint i = 0; i < G_N_ELEMENTS(argv); i++)
		lens[i] = strlen(argv[i]);
	sent->self = self;
	sent->job_id = g_strdup(job->job_id);
	/* without a connection the job waits: it is sent again when the connection comes
	 * back before its deadline */
	if (!cblue_redis_connection_command(self->cmd, cblue_redis_xadd_cb, sent, G_N_ELEMENTS(argv), argv, lens)) {
		g_free(sent->job_id);
		g_free(sent);
	}
}

/* on the Redis thread: a new job from submit_async */
static gboolean
cblue_redis_job_submit_cb(gpointer user_data)
{
	CblueRedisJob *job = user_data;
	CblueQueueRedis *self = job->self;

	if (self->stopping || !cblue_redis_connection_is_ready(self->cmd)) {
		g_task_return_new_error(job->task, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE, "%s",
					_("The job queue cannot be reached; please try again shortly."));
		g_atomic_int_add(&self->pending_count, -1);
		cblue_redis_job_free(job);
		return G_SOURCE_REMOVE;
	}
	if (g_hash_table_contains(self->pending, job->job_id)) {
		/* the same message twice from one process: the first one answers */
		g_task_return_new_error(job->task, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "%s",
					_("This message is already being answered."));
		g_atomic_int_add(&self->pending_count, -1);
		cblue_redis_job_free(job);
		return G_SOURCE_REMOVE;
	}
	g_hash_table_insert(self->pending, job->job_id, job);
	cblue_redis_job_send(self, job, TRUE);
	return G_SOURCE_REMOVE;
}

static gchar *
cblue_redis_job_encode(CblueQueueRedis *self, CblueMessage *message, const gchar *const *pii_types,
		       gint64 deadline_wall_usec, gboolean stream)
{
	g_autoptr(JsonBuilder) builder = json_builder_new_immutable();
	g_autoptr(JsonNode) root = NULL;

	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "v");
	json_builder_add_int_value(builder, 1);
	json_builder_set_member_name(builder, "id");
	json_builder_add_string_value(builder, cblue_message_get_message_id(message));
	cblue_json_add_nullable_string(builder, "conversation_id", cblue_message_get_conversation_id(message));
	cblue_json_add_nullable_string(builder, "text", cblue_message_get_text(message));
	cblue_json_add_nullable_string(builder, "language", cblue_message_get_language(message));
	cblue_json_add_nullable_string(builder, "channel", cblue_message_get_channel(message));
	json_builder_set_member_name(builder, "pii_types");
	json_builder_begin_array(builder);
	for (guint i = 0; pii_types != NULL && pii_types[i] != NULL; i++)
		json_builder_add_string_value(builder, pii_types[i]);
	json_builder_end_array(builder);
	json_builder_set_member_name(builder, "reply_to");
	json_builder_add_string_value(builder, self->replies_key);
	json_builder_set_member_name(builder, "deadline");
	json_builder_add_int_value(builder, deadline_wall_usec);
	if (stream) {
		json_builder_set_member_name(builder, "stream");
		json_builder_add_boolean_value(builder, TRUE);
	}
	json_builder_end_object(builder);
	root = json_builder_get_root(builder);
	return json_to_string(root, FALSE);
}

/*
 * Redacts on the API side, before the text leaves the process: Redis then holds no
 * personal data (a dead-lettered job is kept for days). The worker's bot redacts again,
 * which finds nothing new; the types found here go into the reply.
 */
static gchar **
cblue_redis_redact(CblueQueueRedis *self, CblueMessage *message)
{
	g_autoptr(GPtrArray) redactors = cblue_context_get_extensions(self->context_obj, CBLUE_TYPE_REDACTOR);
	g_autoptr(CblueRedactionPolicy) policy = NULL;
	g_autoptr(GPtrArray) spans = NULL;
	g_autofree gchar *redacted = NULL;
	GStrvBuilder *types;
	gchar **result;

	if (redactors->len == 0)
		return NULL;
	policy = cblue_context_get_redaction_policy(self->context_obj);
	redacted = cblue_redact_text_full(redactors, cblue_message_get_text(message), policy,
					  cblue_message_get_conversation_id(message), &spans);
	if (spans == NULL || spans->len == 0)
		return NULL;
	cblue_message_set_text(message, redacted);
	types = g_strv_builder_new();
	for (guint i = 0; i < spans->len; i++)
		g_strv_builder_add(types, ((CblueSpan *)g_ptr_array_index(spans, i))->label);
	result = g_strv_builder_end(types);
	g_strv_builder_unref(types);
	return result;
}

static void
cblue_queue_redis_fallback_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	g_autoptr(GError) error = NULL;
	CblueChatReply *reply = cblue_bot_ask_finish(CBLUE_BOT(source), res, &error);
	if (reply == NULL)
		g_task_return_error(task, g_steal_pointer(&error));
	else
		g_task_return_pointer(task, reply, g_object_unref);
}

static void
cblue_queue_redis_submit_async(CblueQueue *queue, CblueMessage *message, GCancellable *cancellable,
			       GAsyncReadyCallback callback, gpointer user_data)
{
	CblueQueueRedis *self = CBLUE_QUEUE_REDIS(queue);
	g_autoptr(GTask) task = g_task_new(self, cancellable, callback, user_data);
	g_autoptr(CblueMessage) copy = NULL;
	g_auto(GStrv) pii_types = NULL;
	CblueRedisJob *job;

	g_task_set_source_tag(task, cblue_queue_redis_submit_async);
	if (!g_atomic_int_get(&self->ready)) {
		if (self->fallback_local && self->bot != NULL) {
			/* [queue] fallback=local: answer here rather than not at all */
			g_atomic_int_inc(&self->n_fallback);
			cblue_bot_ask_async(self->bot, message, cancellable, cblue_queue_redis_fallback_cb,
					    g_steal_pointer(&task));
			return;
		}
		g_atomic_int_inc(&self->n_unreachable);
		g_task_return_new_error(task, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE, "%s",
					_("The job queue cannot be reached; please try again shortly."));
		return;
	}
	if ((guint)g_atomic_int_add(&self->pending_count, 1) >= self->max_pending) {
		g_atomic_int_add(&self->pending_count, -1);
		g_task_return_new_error(task, CBLUE_ERROR, CBLUE_ERROR_BUSY, "%s",
					_("Too many messages at once; please try again in a moment."));
		return;
	}

	/* a copy: the caller's message stays as it was. The conversation id is decided here
	 * so that a job answered twice still belongs to one conversation. */
	copy = cblue_message_new(cblue_message_get_text(message));
	cblue_message_set_message_id(copy, cblue_message_get_message_id(message));
	cblue_message_set_channel(copy, cblue_message_get_channel(message));
	cblue_message_set_language(copy, cblue_message_get_language(message));
	if (cblue_message_get_conversation_id(message) != NULL) {
		cblue_message_set_conversation_id(copy, cblue_message_get_conversation_id(message));
	} else {
		g_autofree gchar *id = g_uuid_string_random();
		cblue_message_set_conversation_id(copy, id);
	}
	pii_types = cblue_redis_redact(self, copy);

	job = g_new0(CblueRedisJob, 1);
	job->self = self;
	job->task = g_steal_pointer(&task);
	job->job_id = g_strdup(cblue_message_get_message_id(copy));
	job->conversation_id = g_strdup(cblue_message_get_conversation_id(copy));
	if (cblue_message_get_client_address(message) != NULL) {
		/* a digest: Redis holds no client addresses */
		g_autofree gchar *digest =
		    g_compute_checksum_for_string(G_CHECKSUM_SHA256, cblue_message_get_client_address(message), -1);
		digest[32] = '\0';
		job->rate_key = g_strconcat(self->rate_prefix, digest, NULL);
	}
	/* someone listens to the caller's tokens (the server connects before submitting) */
	if (cblue_message_wants_tokens(message))
		job->message = g_object_ref(message);
	job->submitted_usec = g_get_monotonic_time();
	job->deadline_usec = job->submitted_usec + (gint64)self->reply_timeout_ms * 1000;
	job->payload = cblue_redis_job_encode(self, copy, (const gchar *const *)pii_types,
					      g_get_real_time() + (gint64)self->reply_timeout_ms * 1000,
					      job->message != NULL);
	g_atomic_int_inc(&self->n_submitted);
	g_main_context_invoke(self->context, cblue_redis_job_submit_cb, job);
}

static CblueChatReply *
cblue_queue_redis_submit_finish(CblueQueue *queue, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, queue), NULL);
	return g_task_propagate_pointer(G_TASK(result), error);
}

/* one field of a stream entry: [id, [field, value, …]] */
static redisReply *
cblue_redis_entry_field(redisReply *entry, const gchar *name)
{
	redisReply *fields;
	if (entry == NULL || entry->type != REDIS_REPLY_ARRAY || entry->elements != 2)
		return NULL;
	fields = entry->element[1];
	if (fields == NULL || fields->type != REDIS_REPLY_ARRAY)
		return NULL;
	for (gsize i = 0; i + 1 < fields->elements; i += 2) {
		if (fields->element[i]->type == REDIS_REPLY_STRING && g_strcmp0(fields->element[i]->str, name) == 0)
			return fields->element[i + 1]->type == REDIS_REPLY_STRING ? fields->element[i + 1] : NULL;
	}
	return NULL;
}

static void cblue_redis_read_replies(CblueQueueRedis *self);

typedef struct {
	CblueMessage *message; /* owned */
	gchar *text;	       /* owned */
} CblueRedisTokens;

static void
cblue_redis_tokens_free(gpointer data)
{
	CblueRedisTokens *tokens = data;
	g_object_unref(tokens->message);
	g_free(tokens->text);
	g_free(tokens);
}

/* on the caller's context, where its token handlers live */
static gboolean
cblue_redis_tokens_emit_cb(gpointer data)
{
	CblueRedisTokens *tokens = data;
	cblue_message_emit_token(tokens->message, tokens->text);
	return G_SOURCE_REMOVE;
}

/* a batch of tokens from the worker: one `token` on the caller's message. The reply's
 * GTask completes on that context later, at the same priority, so after every batch. */
static void
cblue_redis_job_relay_tokens(CblueQueueRedis *self, const gchar *job_id, redisReply *text)
{
	CblueRedisJob *job = g_hash_table_lookup(self->pending, job_id);
	CblueRedisTokens *tokens;

	if (job == NULL || job->message == NULL || text->len == 0 ||
	    !g_utf8_validate(text->str, (gssize)text->len, NULL))
		return;
	tokens = g_new0(CblueRedisTokens, 1);
	tokens->message = g_object_ref(job->message);
	tokens->text = g_strndup(text->str, text->len);
	g_atomic_int_inc(&self->n_token_batches);
	g_main_context_invoke_full(g_task_get_context(job->task), G_PRIORITY_DEFAULT, cblue_redis_tokens_emit_cb,
				   tokens, cblue_redis_tokens_free);
}

static void
cblue_redis_reply_entry(CblueQueueRedis *self, redisReply *entry)
{
	redisReply *job_id = cblue_redis_entry_field(entry, "job");
	redisReply *body = cblue_redis_entry_field(entry, "reply");
	redisReply *error_code = cblue_redis_entry_field(entry, "error");
	redisReply *error_message = cblue_redis_entry_field(entry, "message");
	redisReply *tokens = cblue_redis_entry_field(entry, "tokens");
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueChatReply) reply = NULL;

	if (job_id == NULL)
		return;
	if (tokens != NULL) {
		cblue_redis_job_relay_tokens(self, job_id->str, tokens);
		return;
	}
	if (body != NULL) {
		reply = cblue_redis_reply_decode(body->str, body->len, &error);
		if (reply == NULL) {
			cblue_redis_job_fail(self, job_id->str, CBLUE_ERROR_INTERNAL, error->message);
			return;
		}
		cblue_redis_job_complete(self, job_id->str, reply, NULL);
		return;
	}
	if (error_code != NULL) {
		guint64 code = CBLUE_ERROR_INTERNAL;
		/* any code of the domain (too_large, say, is after not_reachable) */
		if (!g_ascii_string_to_unsigned(error_code->str, 10, 0, CBLUE_ERROR_LAST - 1, &code, NULL))
			code = CBLUE_ERROR_INTERNAL;
		cblue_redis_job_fail(self, job_id->str, (CblueError)code,
				     error_message != NULL ? error_message->str : _("The job failed."));
	}
}

static void
cblue_redis_replies_cb(redisReply *reply, gpointer user_data)
{
	CblueQueueRedis *self = user_data;

	self->reading_replies = FALSE;
	if (reply == NULL)
		return; /* lost: "ready" starts reading again */
	if (reply->type == REDIS_REPLY_ARRAY && reply->elements > 0) {
		/* [[key, [entry, …]]] */
		redisReply *stream = reply->element[0];
		if (stream->type == REDIS_REPLY_ARRAY && stream->elements == 2 &&
		    stream->element[1]->type == REDIS_REPLY_ARRAY) {
			redisReply *entries = stream->element[1];
			for (gsize i = 0; i < entries->elements; i++) {
				redisReply *entry = entries->element[i];
				if (entry->type != REDIS_REPLY_ARRAY || entry->elements != 2 ||
				    entry->element[0]->type != REDIS_REPLY_STRING)
					continue;
				g_free(self->replies_last_id);
				self->replies_last_id = g_strdup(entry->element[0]->str);
				cblue_redis_reply_entry(self, entry);
			}
		}
	} else if (reply->type == REDIS_REPLY_ERROR) {
		g_warning("redis: reading replies: %s", reply->str);
	}
	cblue_redis_read_replies(self);
}

static void
cblue_redis_read_replies(CblueQueueRedis *self)
{
	if (self->stopping || self->reading_replies || !cblue_redis_connection_is_ready(self->replies_in))
		return;
	self->reading_replies = cblue_redis_connection_commandv(
	    self->replies_in, cblue_redis_replies_cb, self, "XREAD", "COUNT", "256", "BLOCK", CBLUE_REDIS_BLOCK_MS,
	    "STREAMS", self->replies_key, self->replies_last_id, NULL);
}

/* the deadline: no client waits longer than [queue] reply_timeout_ms */
static void
cblue_redis_expire_jobs(CblueQueueRedis *self)
{
	gint64 now = g_get_monotonic_time();
	g_autoptr(GPtrArray) expired = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) cancelled = g_ptr_array_new_with_free_func(g_free);
	GHashTableIter iter;
	gpointer value;

	g_hash_table_iter_init(&iter, self->pending);
	while (g_hash_table_iter_next(&iter, NULL, &value)) {
		CblueRedisJob *job = value;
		if (g_cancellable_is_cancelled(g_task_get_cancellable(job->task)))
			g_ptr_array_add(cancelled, g_strdup(job->job_id));
		else if (now >= job->deadline_usec)
			g_ptr_array_add(expired, g_strdup(job->job_id));
	}
	for (guint i = 0; i < expired->len; i++) {
		g_atomic_int_inc(&self->n_timeouts);
		cblue_redis_job_fail(self, g_ptr_array_index(expired, i), CBLUE_ERROR_NOT_REACHABLE,
				     _("No answer came in time; please try again."));
	}
	/* the client went away: its task returns “cancelled”, nobody reads it */
	for (guint i = 0; i < cancelled->len; i++)
		cblue_redis_job_fail(self, g_ptr_array_index(cancelled, i), CBLUE_ERROR_NOT_REACHABLE,
				     _("The client went away."));
}

/* the worker side */

typedef struct {
	CblueQueueRedis *self; /* unowned */
	gchar *entry_id;       /* owned: the stream entry */
	gchar *job_id;	       /* owned */
	gchar *payload;	       /* owned */
	gchar *reply_to;       /* owned, nullable */
	CblueMessage *message; /* owned, nullable until parsed */
	gchar **pii_types;     /* owned, nullable */
	guint tries;
	gint64 start_usec;
	gboolean stream;       /* the client wants the tokens */
	gulong token_handler;
	GString *tokens;       /* owned, nullable: waiting for the next batch */
	GSource *flush_source; /* owned, nullable */
} CblueRedisWork;

static void cblue_redis_work_stop_tokens(CblueRedisWork *work, gboolean flush);

static void
cblue_redis_work_free(CblueRedisWork *work)
{
	cblue_redis_work_stop_tokens(work, FALSE);
	g_free(work->entry_id);
	g_free(work->job_id);
	g_free(work->payload);
	g_free(work->reply_to);
	g_clear_object(&work->message);
	g_strfreev(work->pii_types);
	g_free(work);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueRedisWork, cblue_redis_work_free)

static void cblue_redis_read_jobs(CblueQueueRedis *self);

static void
cblue_redis_work_done(CblueRedisWork *work)
{
	CblueQueueRedis *self = work->self;
	self->in_progress--;
	g_atomic_int_add(&self->in_progress_atomic, -1);
	g_hash_table_remove(self->working, work->entry_id);
	cblue_redis_work_free(work);
	cblue_redis_read_jobs(self);
}

static void
cblue_redis_script_cb(redisReply *reply, gpointer user_data)
{
	CblueRedisWork *work = user_data;
	if (reply == NULL || reply->type == REDIS_REPLY_ERROR) {
		/* not acknowledged: the job stays pending and another attempt claims it */
		g_warning("redis: cannot finish job %s: %s", work->job_id,
			  reply != NULL ? reply->str : "connection lost");
	}
	cblue_redis_work_done(work);
}

static gboolean
cblue_redis_eval(CblueQueueRedis *self, CblueRedisWork *work, const gchar *script, guint n_keys,
		 const gchar *const *keys, guint n_args, const gchar *const *args)
{
	g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GArray) lens = g_array_new(FALSE, FALSE, sizeof(gsize));
	gboolean sent;

	g_ptr_array_add(argv, g_strdup("EVAL"));
	g_ptr_array_add(argv, g_strdup(script));
	g_ptr_array_add(argv, g_strdup_printf("%u", n_keys));
	for (guint i = 0; i < n_keys; i++)
		g_ptr_array_add(argv, g_strdup(keys[i]));
	for (guint i = 0; i < n_args; i++)
		g_ptr_array_add(argv, g_strdup(args[i]));
	for (guint i = 0; i < argv->len; i++) {
		gsize len = strlen(g_ptr_array_index(argv, i));
		g_array_append_val(lens, len);
	}
	sent = cblue_redis_connection_command(self->cmd, cblue_redis_script_cb, work, argv->len,
					      (const gchar *const *)argv->pdata, (const gsize *)(gpointer)lens->data);
	if (!sent)
		cblue_redis_work_done(work);
	return sent;
}

/* @context: (nullable): the conversation's state after the reply, %NULL to leave it (a reply
 * stored by an earlier attempt, which left it) */
static void
cblue_redis_work_finish(CblueRedisWork *work, const gchar *reply_json, const gchar *context)
{
	CblueQueueRedis *self = work->self;
	g_autofree gchar *done_key = cblue_redis_key(self, work->job_id, "done");
	g_autofree gchar *lock_key = cblue_redis_key(self, work->job_id, "lock");
	const gchar *conversation_id = cblue_message_get_conversation_id(work->message);
	g_autofree gchar *conversation_key =
	    g_strconcat(self->conversation_prefix, conversation_id != NULL ? conversation_id : "-", NULL);
	const gchar *reply_to = work->reply_to != NULL ? work->reply_to : "";
	const gchar *keys[] = {done_key, lock_key, work->reply_to != NULL ? work->reply_to : done_key, self->jobs_key,
			       conversation_key};
	const gchar *args[] = {reply_json,
			       self->done_ttl,
			       work->job_id,
			       self->group,
			       work->entry_id,
			       CBLUE_REDIS_REPLY_STREAM_TTL,
			       reply_to,
			       context != NULL && conversation_id != NULL ? context : "",
			       self->context_ttl};
	cblue_redis_eval(self, work, cblue_redis_lua_finish, G_N_ELEMENTS(keys), keys, G_N_ELEMENTS(args), args);
}

static void
cblue_redis_work_give_up(CblueRedisWork *work, CblueError code, const gchar *message, gboolean dead_letter)
{
	CblueQueueRedis *self = work->self;
	g_autofree gchar *lock_key = cblue_redis_key(self, work->job_id != NULL ? work->job_id : "-", "lock");
	g_autofree gchar *code_str = g_strdup_printf("%d", code);
	g_autofree gchar *tries = g_strdup_printf("%u", work->tries);
	const gchar *keys[] = {lock_key, work->reply_to != NULL ? work->reply_to : lock_key, self->jobs_key,
			       self->dead_key};
	const gchar *args[] = {work->job_id != NULL ? work->job_id : "",
			       code_str,
			       message,
			       self->group,
			       work->entry_id,
			       work->payload != NULL ? work->payload : "",
			       tries,
			       CBLUE_REDIS_REPLY_STREAM_TTL,
			       dead_letter ? "1" : "0",
			       work->reply_to != NULL ? work->reply_to : ""};
	if (dead_letter) {
		g_atomic_int_inc(&self->n_dead);
		g_warning("redis: job %s failed %u times, moved to %s: %s", work->job_id, work->tries, self->dead_key,
			  message);
	}
	cblue_redis_eval(self, work, cblue_redis_lua_fail, G_N_ELEMENTS(keys), keys, G_N_ELEMENTS(args), args);
}

/* a failure worth another attempt: release the lock, leave the job pending */
static void
cblue_redis_work_retry_later(CblueRedisWork *work)
{
	g_autofree gchar *lock_key = cblue_redis_key(work->self, work->job_id, "lock");
	const gchar *argv[] = {"DEL", lock_key};
	const gsize lens[] = {3, strlen(lock_key)};
	if (!cblue_redis_connection_command(work->self->cmd, cblue_redis_script_cb, work, 2, argv, lens))
		cblue_redis_work_done(work);
}

static gboolean
cblue_redis_error_is_permanent(const GError *error)
{
	return g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA) ||
	       g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_TOO_LARGE) ||
	       g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND) ||
	       g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_PERMISSION_DENIED) ||
	       g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED);
}

static void
cblue_redis_tokens_sent_cb(redisReply *reply, gpointer user_data)
{
	/* lost with the connection: a preview only, the reply carries the whole text */
	if (reply != NULL && reply->type == REDIS_REPLY_ERROR)
		g_debug("redis: cannot stream tokens: %s", reply->str);
}

/* one XADD for the tokens waiting: on the command connection, so before the reply */
static void
cblue_redis_work_flush_tokens(CblueRedisWork *work)
{
	CblueQueueRedis *self = work->self;
	const gchar *argv[] = {"EVAL", cblue_redis_lua_tokens, "1", work->reply_to, work->job_id, NULL,
			       CBLUE_REDIS_REPLY_STREAM_TTL};
	gsize lens[G_N_ELEMENTS(argv)];

	if (work->flush_source != NULL) {
		g_source_destroy(work->flush_source);
		g_clear_pointer(&work->flush_source, g_source_unref);
	}
	if (work->tokens == NULL || work->tokens->len == 0)
		return;
	argv[5] = work->tokens->str;
	for (guint i = 0; i < G_N_ELEMENTS(argv); i++)
		lens[i] = i == 5 ? work->tokens->len : strlen(argv[i]);
	if (cblue_redis_connection_command(self->cmd, cblue_redis_tokens_sent_cb, NULL, G_N_ELEMENTS(argv), argv,
					   lens))
		g_atomic_int_inc(&self->n_token_batches);
	g_string_truncate(work->tokens, 0);
}

static gboolean
cblue_redis_work_flush_cb(gpointer user_data)
{
	CblueRedisWork *work = user_data;
	g_clear_pointer(&work->flush_source, g_source_unref);
	cblue_redis_work_flush_tokens(work);
	return G_SOURCE_REMOVE;
}

/* emitted on the Redis thread, which called cblue_bot_ask_async() */
static void
cblue_redis_work_token_cb(CblueMessage *message, const gchar *text, gpointer user_data)
{
	CblueRedisWork *work = user_data;

	if (work->tokens == NULL)
		work->tokens = g_string_new(NULL);
	g_string_append(work->tokens, text);
	if (work->tokens->len >= CBLUE_REDIS_TOKEN_FLUSH_BYTES) {
		cblue_redis_work_flush_tokens(work);
		return;
	}
	if (work->flush_source == NULL) {
		work->flush_source = g_timeout_source_new(CBLUE_REDIS_TOKEN_FLUSH_MS);
		g_source_set_callback(work->flush_source, cblue_redis_work_flush_cb, work, NULL);
		g_source_attach(work->flush_source, work->self->context);
	}
}

/* @flush: send the tokens still waiting (the answer is complete), else drop them */
static void
cblue_redis_work_stop_tokens(CblueRedisWork *work, gboolean flush)
{
	if (work->token_handler != 0)
		g_clear_signal_handler(&work->token_handler, work->message);
	if (flush)
		cblue_redis_work_flush_tokens(work);
	if (work->flush_source != NULL) {
		g_source_destroy(work->flush_source);
		g_clear_pointer(&work->flush_source, g_source_unref);
	}
	if (work->tokens != NULL) {
		g_string_free(work->tokens, TRUE);
		work->tokens = NULL;
	}
}

static void
cblue_redis_work_answered_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	CblueRedisWork *work = user_data;
	CblueQueueRedis *self = work->self;
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueChatReply) reply = cblue_bot_ask_finish(CBLUE_BOT(source), res, &error);
	g_autofree gchar *json = NULL;

	/* the last tokens go out before the reply; after a failure they are dropped */
	cblue_redis_work_stop_tokens(work, reply != NULL);
	cblue_redis_histogram_observe(&self->processing,
				      (gdouble)(g_get_monotonic_time() - work->start_usec) / G_USEC_PER_SEC);
	if (reply == NULL) {
		if (cblue_redis_error_is_permanent(error))
			cblue_redis_work_give_up(work, error->code, error->message, FALSE);
		else if (work->tries >= self->max_failures)
			cblue_redis_work_give_up(work, error->code, error->message, TRUE);
		else
			cblue_redis_work_retry_later(work);
		return;
	}
	g_atomic_int_inc(&self->n_processed);
	/* redacted by the API process already: tell the client what was found there */
	if (work->pii_types != NULL && work->pii_types[0] != NULL) {
		g_autoptr(GPtrArray) types = g_ptr_array_new();
		const gchar *const *found = cblue_chat_reply_get_pii_types(reply);
		for (guint i = 0; work->pii_types[i] != NULL; i++)
			g_ptr_array_add(types, work->pii_types[i]);
		for (guint i = 0; found != NULL && found[i] != NULL; i++)
			g_ptr_array_add(types, (gpointer)found[i]);
		g_ptr_array_add(types, NULL);
		cblue_chat_reply_set_pii_types(reply, (const gchar *const *)types->pdata);
		cblue_chat_reply_set_pii_redacted(reply, TRUE);
	}
	json = cblue_redis_reply_encode(reply);
	cblue_redis_work_finish(work, json, cblue_chat_reply_get_context(reply));
}

static CblueMessage *
cblue_redis_job_decode(CblueRedisWork *work, gint64 *deadline, GError **error)
{
	g_autoptr(JsonParser) parser = json_parser_new_immutable();
	g_autoptr(CblueMessage) message = NULL;
	JsonObject *obj;
	JsonArray *pii;
	const gchar *id, *text, *conversation_id, *reply_to;

	if (!json_parser_load_from_data(parser, work->payload, -1, error)) {
		cblue_error_convert(error);
		return NULL;
	}
	if (!JSON_NODE_HOLDS_OBJECT(json_parser_get_root(parser))) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "a job must be a JSON object");
		return NULL;
	}
	obj = json_node_get_object(json_parser_get_root(parser));
	id = cblue_json_get_string(obj, "id");
	text = cblue_json_get_string(obj, "text");
	conversation_id = cblue_json_get_string(obj, "conversation_id");
	reply_to = cblue_json_get_string(obj, "reply_to");
	if (id == NULL || text == NULL || conversation_id == NULL || reply_to == NULL || strlen(id) > 128) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "a job lacks id, text, "
										  "conversation_id or reply_to");
		return NULL;
	}
	/* a reply goes only to a reply stream of ours */
	if (!g_str_has_prefix(reply_to, work->self->replies_prefix)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "a job's reply_to is not a reply "
										  "stream");
		return NULL;
	}
	work->job_id = g_strdup(id);
	work->reply_to = g_strdup(reply_to);
	*deadline = json_object_get_int_member_with_default(obj, "deadline", 0);
	{
		JsonNode *stream = json_object_get_member(obj, "stream");
		work->stream = stream != NULL && JSON_NODE_HOLDS_VALUE(stream) &&
			       json_node_get_value_type(stream) == G_TYPE_BOOLEAN && json_node_get_boolean(stream);
	}
	message = cblue_message_new(text);
	cblue_message_set_message_id(message, id);
	cblue_message_set_conversation_id(message, conversation_id);
	cblue_message_set_language(message, cblue_json_get_string(obj, "language"));
	cblue_message_set_channel(message, cblue_json_get_string(obj, "channel") != NULL
					       ? cblue_json_get_string(obj, "channel")
					       : "api");
	pii = cblue_json_get_array(obj, "pii_types");
	if (pii != NULL && json_array_get_length(pii) > 0) {
		GStrvBuilder *builder = g_strv_builder_new();
		for (guint i = 0; i < json_array_get_length(pii); i++) {
			const gchar *type = json_array_get_string_element(pii, i);
			if (type != NULL)
				g_strv_builder_add(builder, type);
		}
		work->pii_types = g_strv_builder_end(builder);
		g_strv_builder_unref(builder);
	}
	return g_steal_pointer(&message);
}

static void
cblue_redis_work_begin_cb(redisReply *reply, gpointer user_data)
{
	CblueRedisWork *work = user_data;
	CblueQueueRedis *self = work->self;
	const gchar *state;

	if (reply == NULL || reply->type != REDIS_REPLY_ARRAY || reply->elements != 2 ||
	    reply->element[0]->type != REDIS_REPLY_STRING) {
		/* Redis went away: the job stays pending and is claimed again */
		cblue_redis_work_done(work);
		return;
	}
	state = reply->element[0]->str;
	if (g_strcmp0(state, "done") == 0) {
		/* answered before (its worker died before acknowledging, or a duplicate
		 * delivery): publish the stored reply again, the API process answers once */
		g_autofree gchar *stored = g_strndup(reply->element[1]->str, reply->element[1]->len);
		g_atomic_int_inc(&self->n_duplicates);
		cblue_redis_work_finish(work, stored, NULL);
		return;
	}
	if (g_strcmp0(state, "busy") == 0) {
		/* another worker is answering it right now */
		cblue_redis_work_done(work);
		return;
	}
	work->tries = (guint)g_ascii_strtoull(reply->element[1]->str, NULL, 10);
	if (work->tries > self->max_failures) {
		g_autofree gchar *message =
		    g_strdup_printf(_("The job was taken %u times without an answer (workers died or stalled)."),
				    work->tries - 1);
		work->tries--;
		cblue_redis_work_give_up(work, CBLUE_ERROR_INTERNAL, message, TRUE);
		return;
	}
	work->start_usec = g_get_monotonic_time();
	if (work->stream)
		work->token_handler =
		    g_signal_connect(work->message, "token", G_CALLBACK(cblue_redis_work_token_cb), work);
	cblue_bot_ask_async(self->bot, work->message, NULL, cblue_redis_work_answered_cb, work);
}

/* one job entry of the stream, new or claimed: [entry id, [field, value, …]] */
static void
cblue_redis_work_start(CblueQueueRedis *self, redisReply *entry)
{
	g_autoptr(CblueRedisWork) work = NULL;
	g_autoptr(GError) error = NULL;
	redisReply *payload;
	redisReply *topic, *context;
	gint64 deadline = 0;

	if (entry == NULL || entry->type != REDIS_REPLY_ARRAY || entry->elements != 2 ||
	    entry->element[0]->type != REDIS_REPLY_STRING)
		return; /* deleted meanwhile */
	work = g_new0(CblueRedisWork, 1);
	work->self = self;
	work->entry_id = g_strdup(entry->element[0]->str);
	self->in_progress++;
	g_atomic_int_add(&self->in_progress_atomic, 1);
	g_hash_table_replace(self->working, work->entry_id, work);
	payload = cblue_redis_entry_field(entry, "job");
	if (payload != NULL)
		work->payload = g_strndup(payload->str, payload->len);
	work->message = work->payload != NULL ? cblue_redis_job_decode(work, &deadline, &error) : NULL;
	if (work->message == NULL) {
		g_warning("redis: dropping a malformed job %s: %s", work->entry_id,
			  error != NULL ? error->message : "no payload");
		cblue_redis_work_give_up(g_steal_pointer(&work), CBLUE_ERROR_INVALID_DATA,
					 error != NULL ? error->message : "no payload", TRUE);
		return;
	}
	/* the conversation's state ("" for none); a job queued by an older API process has
	 * the last topic alone */
	context = cblue_redis_entry_field(entry, "ctx");
	topic = cblue_redis_entry_field(entry, "topic");
	if (context != NULL)
		cblue_message_set_context(work->message, context->str);
	else if (topic != NULL && topic->len > 0)
		cblue_message_set_previous_topic_id(work->message, topic->str);
	if (deadline > 0 && g_get_real_time() > deadline) {
		/* the API process has told its client to try again already: answering now
		 * would record a conversation nobody saw */
		g_atomic_int_inc(&self->n_expired);
		cblue_redis_work_give_up(g_steal_pointer(&work), CBLUE_ERROR_TIMED_OUT, "expired before a worker took it",
					 FALSE);
		return;
	}
	{
		g_autofree gchar *done_key = cblue_redis_key(self, work->job_id, "done");
		g_autofree gchar *lock_key = cblue_redis_key(self, work->job_id, "lock");
		g_autofree gchar *tries_key = cblue_redis_key(self, work->job_id, "tries");
		g_autofree gchar *lock_ms = g_strdup_printf("%u", self->claim_idle_ms);
		const gchar *keys[] = {done_key, lock_key, tries_key};
		const gchar *args[] = {self->process_id, lock_ms, self->done_ttl};
		CblueRedisWork *w = g_steal_pointer(&work);
		g_autoptr(GPtrArray) argv = g_ptr_array_new();
		gsize lens[3 + G_N_ELEMENTS(keys) + G_N_ELEMENTS(args)];

		g_ptr_array_add(argv, (gpointer) "EVAL");
		g_ptr_array_add(argv, (gpointer)cblue_redis_lua_begin);
		g_ptr_array_add(argv, (gpointer) "3");
		for (guint i = 0; i < G_N_ELEMENTS(keys); i++)
			g_ptr_array_add(argv, (gpointer)keys[i]);
		for (guint i = 0; i < G_N_ELEMENTS(args); i++)
			g_ptr_array_add(argv, (gpointer)args[i]);
		for (guint i = 0; i < argv->len; i++)
			lens[i] = strlen(g_ptr_array_index(argv, i));
		if (!cblue_redis_connection_command(self->cmd, cblue_redis_work_begin_cb, w, argv->len,
						    (const gchar *const *)argv->pdata, lens))
			cblue_redis_work_done(w);
	}
}

static void
cblue_redis_work_entries(CblueQueueRedis *self, redisReply *entries)
{
	if (entries == NULL || entries->type != REDIS_REPLY_ARRAY)
		return;
	for (gsize i = 0; i < entries->elements; i++)
		cblue_redis_work_start(self, entries->element[i]);
}

static void
cblue_redis_create_group_cb(redisReply *reply, gpointer user_data)
{
	CblueQueueRedis *self = user_data;
	if (reply != NULL && reply->type == REDIS_REPLY_ERROR && !g_str_has_prefix(reply->str, "BUSYGROUP"))
		g_warning("redis: cannot create the consumer group: %s", reply->str);
	self->reading_jobs = FALSE;
	cblue_redis_read_jobs(self);
}

static void
cblue_redis_create_group(CblueQueueRedis *self)
{
	/* from the start of the stream: jobs queued before the first worker are answered */
	self->reading_jobs = cblue_redis_connection_commandv(self->jobs_in, cblue_redis_create_group_cb, self,
							     "XGROUP", "CREATE", self->jobs_key, self->group, "0",
							     "MKSTREAM", NULL);
}

static void
cblue_redis_jobs_cb(redisReply *reply, gpointer user_data)
{
	CblueQueueRedis *self = user_data;

	self->reading_jobs = FALSE;
	if (reply == NULL)
		return;
	if (cblue_redis_reply_is_error(reply, "NOGROUP")) {
		/* Redis restarted empty: the group is gone with the stream */
		cblue_redis_create_group(self);
		return;
	}
	if (reply->type == REDIS_REPLY_ERROR)
		g_warning("redis: reading jobs: %s", reply->str);
	else if (reply->type == REDIS_REPLY_ARRAY && reply->elements > 0 && reply->element[0]->elements == 2)
		cblue_redis_work_entries(self, reply->element[0]->element[1]);
	cblue_redis_read_jobs(self);
}

static void
cblue_redis_read_jobs(CblueQueueRedis *self)
{
	g_autofree gchar *count = NULL;

	if (!self->consuming || self->stopping || self->reading_jobs || self->jobs_in == NULL ||
	    !cblue_redis_connection_is_ready(self->jobs_in) || self->in_progress >= self->concurrency)
		return;
	count = g_strdup_printf("%u", self->concurrency - self->in_progress);
	self->reading_jobs = cblue_redis_connection_commandv(
	    self->jobs_in, cblue_redis_jobs_cb, self, "XREADGROUP", "GROUP", self->group, self->process_id, "COUNT",
	    count, "BLOCK", CBLUE_REDIS_BLOCK_MS, "STREAMS", self->jobs_key, ">", NULL);
}

static void
cblue_redis_claim_cb(redisReply *reply, gpointer user_data)
{
	CblueQueueRedis *self = user_data;
	/* [next cursor, [entries], [deleted ids]] */
	if (reply == NULL || reply->type != REDIS_REPLY_ARRAY || reply->elements < 2)
		return;
	if (reply->element[1]->type == REDIS_REPLY_ARRAY && reply->element[1]->elements > 0) {
		g_atomic_int_add(&self->n_claimed, (gint)reply->element[1]->elements);
		g_message("redis: claimed %zu job(s) left pending by a stopped worker", reply->element[1]->elements);
	}
	cblue_redis_work_entries(self, reply->element[1]);
}

/* jobs of a dead worker: pending in the group, idle for longer than claim_idle_ms */
static void
cblue_redis_claim(CblueQueueRedis *self)
{
	g_autofree gchar *idle = g_strdup_printf("%u", self->claim_idle_ms);
	g_autofree gchar *count = NULL;

	if (!self->consuming || self->stopping || self->in_progress >= self->concurrency)
		return;
	count = g_strdup_printf("%u", self->concurrency - self->in_progress);
	cblue_redis_connection_commandv(self->cmd, cblue_redis_claim_cb, self, "XAUTOCLAIM", self->jobs_key,
					self->group, self->process_id, idle, "0-0", "COUNT", count, NULL);
}

/* both sides: the queue length (and a heartbeat on the command connection) */

static void
cblue_redis_poll_cb(redisReply *reply, gpointer user_data)
{
	CblueQueueRedis *self = user_data;
	if (reply != NULL && reply->type == REDIS_REPLY_INTEGER)
		g_atomic_int_set(&self->queue_length, (gint)MIN(reply->integer, G_MAXINT));
}

static void cblue_redis_kb_reload(CblueQueueRedis *self, const gchar *version);

static void
cblue_redis_kb_version_cb(redisReply *reply, gpointer user_data)
{
	CblueQueueRedis *self = user_data;
	if (reply != NULL && reply->type == REDIS_REPLY_STRING && g_strcmp0(reply->str, self->kb_version) != 0) {
		gboolean first = self->kb_version == NULL;
		g_free(self->kb_version);
		self->kb_version = g_strdup(reply->str);
		/* a version published while we were not listening */
		if (!first)
			cblue_redis_kb_reload(self, reply->str);
	}
}

static void
cblue_redis_heartbeat_cb(redisReply *reply, gpointer user_data)
{
	if (reply != NULL && reply->type == REDIS_REPLY_ERROR)
		g_debug("redis: heartbeat: %s", reply->str);
}

/*
 * The jobs this worker is still answering (a slow model provider) stay ours: their idle
 * time is reset (XCLAIM … JUSTID, which counts no delivery) and their locks extended, so
 * that another worker claims a job only when its worker has really stopped.
 */
static void
cblue_redis_heartbeat(CblueQueueRedis *self)
{
	g_autoptr(GPtrArray) argv = NULL;
	g_autoptr(GArray) lens = NULL;
	g_autofree gchar *lock_ms = NULL;
	GHashTableIter iter;
	gpointer key, value;

	if (g_hash_table_size(self->working) == 0)
		return;
	argv = g_ptr_array_new();
	lens = g_array_new(FALSE, FALSE, sizeof(gsize));
	lock_ms = g_strdup_printf("%u", self->claim_idle_ms);
	g_ptr_array_add(argv, (gpointer) "XCLAIM");
	g_ptr_array_add(argv, self->jobs_key);
	g_ptr_array_add(argv, self->group);
	g_ptr_array_add(argv, self->process_id);
	g_ptr_array_add(argv, (gpointer) "0");
	g_hash_table_iter_init(&iter, self->working);
	while (g_hash_table_iter_next(&iter, &key, &value)) {
		CblueRedisWork *work = value;
		g_ptr_array_add(argv, key);
		if (work->job_id != NULL) {
			g_autofree gchar *lock_key = cblue_redis_key(self, work->job_id, "lock");
			cblue_redis_connection_commandv(self->cmd, cblue_redis_heartbeat_cb, NULL, "PEXPIRE", lock_key,
							lock_ms, NULL);
		}
	}
	g_ptr_array_add(argv, (gpointer) "JUSTID");
	for (guint i = 0; i < argv->len; i++) {
		gsize len = strlen(g_ptr_array_index(argv, i));
		g_array_append_val(lens, len);
	}
	cblue_redis_connection_command(self->cmd, cblue_redis_heartbeat_cb, NULL, argv->len,
				       (const gchar *const *)argv->pdata, (const gsize *)(gpointer)lens->data);
}

static gboolean
cblue_redis_tick_cb(gpointer user_data)
{
	CblueQueueRedis *self = user_data;
	gint64 now = g_get_monotonic_time();

	cblue_redis_expire_jobs(self);
	if (!cblue_redis_connection_is_ready(self->cmd))
		return G_SOURCE_CONTINUE;
	if (now - self->last_poll_usec >= G_USEC_PER_SEC) {
		self->last_poll_usec = now;
		cblue_redis_connection_commandv(self->cmd, cblue_redis_poll_cb, self, "XLEN", self->jobs_key, NULL);
	}
	/* three heartbeats per idle period: one may be late */
	if (now - self->last_heartbeat_usec >= (gint64)self->claim_idle_ms * 1000 / 3) {
		self->last_heartbeat_usec = now;
		cblue_redis_heartbeat(self);
	}
	if (now - self->last_claim_usec >= (gint64)self->claim_interval_ms * 1000) {
		self->last_claim_usec = now;
		cblue_redis_claim(self);
	}
	return G_SOURCE_CONTINUE;
}

/* KB notifications */

typedef struct {
	CblueBot *bot; /* owned */
	gchar *version; /* owned, nullable */
} CblueRedisReload;

static void
cblue_redis_reload_free(CblueRedisReload *reload)
{
	g_object_unref(reload->bot);
	g_free(reload->version);
	g_free(reload);
}

static void
cblue_redis_reload_thread(GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
	CblueRedisReload *reload = task_data;
	g_autoptr(GError) error = NULL;
	if (!cblue_bot_load_kb(reload->bot, FALSE, &error))
		g_warning("redis: cannot reload KB version %s: %s", reload->version, error->message);
	else
		g_message("reloaded the KB after version %s was published", reload->version);
	g_task_return_boolean(task, TRUE);
}

static void
cblue_redis_kb_reload(CblueQueueRedis *self, const gchar *version)
{
	g_autoptr(GTask) task = NULL;
	CblueRedisReload *reload;

	if (self->bot == NULL)
		return;
	reload = g_new0(CblueRedisReload, 1);
	reload->bot = g_object_ref(self->bot);
	reload->version = g_strdup(version);
	/* the store read may block: never on the Redis thread */
	task = g_task_new(NULL, NULL, NULL, NULL);
	g_task_set_task_data(task, reload, (GDestroyNotify)cblue_redis_reload_free);
	g_task_run_in_thread(task, cblue_redis_reload_thread);
}

static void
cblue_redis_kb_message_cb(redisReply *reply, gpointer user_data)
{
	CblueQueueRedis *self = user_data;
	/* ["message", channel, version] */
	if (reply->type != REDIS_REPLY_ARRAY || reply->elements != 3 || reply->element[0]->type != REDIS_REPLY_STRING ||
	    g_strcmp0(reply->element[0]->str, "message") != 0 || reply->element[2]->type != REDIS_REPLY_STRING)
		return;
	g_free(self->kb_version);
	self->kb_version = g_strdup(reply->element[2]->str);
	cblue_redis_kb_reload(self, reply->element[2]->str);
}

static void
cblue_redis_notify_cb(redisReply *reply, gpointer user_data)
{
	if (reply != NULL && reply->type == REDIS_REPLY_ERROR)
		g_warning("redis: cannot announce a KB version: %s", reply->str);
}

typedef struct {
	CblueQueueRedis *self; /* owned */
	gchar *version;	       /* owned */
} CblueRedisNotify;

static gboolean
cblue_redis_notify_in_thread(gpointer user_data)
{
	CblueRedisNotify *notify = user_data;
	CblueQueueRedis *self = notify->self;

	if (!cblue_redis_connection_commandv(self->cmd, cblue_redis_notify_cb, NULL, "SET", self->kb_version_key,
					     notify->version, NULL) ||
	    !cblue_redis_connection_commandv(self->cmd, cblue_redis_notify_cb, NULL, "PUBLISH", self->kb_channel,
					     notify->version, NULL))
		g_warning("redis: cannot announce KB version %s: no connection; processes reload when it is back",
			  notify->version);
	g_object_unref(notify->self);
	g_free(notify->version);
	g_free(notify);
	return G_SOURCE_REMOVE;
}

static void
cblue_queue_redis_notify_kb_published(CblueQueue *queue, const gchar *version)
{
	CblueQueueRedis *self = CBLUE_QUEUE_REDIS(queue);
	CblueRedisNotify *notify = g_new0(CblueRedisNotify, 1);
	notify->self = g_object_ref(self);
	/* no version given: a unique token still makes every process reload */
	notify->version = version != NULL ? g_strdup(version) : g_uuid_string_random();
	g_main_context_invoke(self->context, cblue_redis_notify_in_thread, notify);
}

/* connection events, on the Redis thread */

static void
cblue_redis_update_ready(CblueQueueRedis *self)
{
	gboolean ready = cblue_redis_connection_is_ready(self->cmd) && cblue_redis_connection_is_ready(self->replies_in);
	g_atomic_int_set(&self->ready, ready);
}

static void
cblue_redis_cmd_ready_cb(CblueRedisConnection *conn, gpointer user_data)
{
	CblueQueueRedis *self = user_data;
	GHashTableIter iter;
	gpointer value;

	cblue_redis_update_ready(self);
	/* jobs that were waiting when the connection was lost: send them again (a job that
	 * did reach Redis is recognised by its id and answered once) */
	if (self->was_ready) {
		g_hash_table_iter_init(&iter, self->pending);
		while (g_hash_table_iter_next(&iter, NULL, &value))
			cblue_redis_job_send(self, value, FALSE);
	}
	self->was_ready = TRUE;
	cblue_redis_connection_commandv(self->cmd, cblue_redis_kb_version_cb, self, "GET", self->kb_version_key, NULL);
}

static void
cblue_redis_lost_cb(CblueRedisConnection *conn, gpointer user_data)
{
	CblueQueueRedis *self = user_data;
	cblue_redis_update_ready(self);
}

static void
cblue_redis_replies_ready_cb(CblueRedisConnection *conn, gpointer user_data)
{
	CblueQueueRedis *self = user_data;
	cblue_redis_update_ready(self);
	cblue_redis_read_replies(self);
}

static void
cblue_redis_jobs_ready_cb(CblueRedisConnection *conn, gpointer user_data)
{
	CblueQueueRedis *self = user_data;
	self->reading_jobs = FALSE;
	cblue_redis_create_group(self);
}

static void
cblue_redis_kb_ready_cb(CblueRedisConnection *conn, gpointer user_data)
{
	CblueQueueRedis *self = user_data;
	cblue_redis_connection_subscribe(conn, self->kb_channel, cblue_redis_kb_message_cb, self);
}

static gpointer
cblue_redis_thread_func(gpointer user_data)
{
	CblueQueueRedis *self = user_data;

	g_main_context_push_thread_default(self->context);
	g_main_loop_run(self->loop);
	g_main_context_pop_thread_default(self->context);
	return NULL;
}

static gboolean
cblue_redis_start_in_thread(gpointer user_data)
{
	CblueQueueRedis *self = user_data;

	g_signal_connect(self->cmd, "ready", G_CALLBACK(cblue_redis_cmd_ready_cb), self);
	g_signal_connect(self->cmd, "lost", G_CALLBACK(cblue_redis_lost_cb), self);
	g_signal_connect(self->replies_in, "ready", G_CALLBACK(cblue_redis_replies_ready_cb), self);
	g_signal_connect(self->replies_in, "lost", G_CALLBACK(cblue_redis_lost_cb), self);
	g_signal_connect(self->kb_sub, "ready", G_CALLBACK(cblue_redis_kb_ready_cb), self);
	cblue_redis_connection_start(self->cmd);
	cblue_redis_connection_start(self->replies_in);
	cblue_redis_connection_start(self->kb_sub);
	self->tick = g_timeout_source_new(100);
	g_source_set_callback(self->tick, cblue_redis_tick_cb, self, NULL);
	g_source_attach(self->tick, self->context);
	return G_SOURCE_REMOVE;
}

static gboolean
cblue_redis_consume_in_thread(gpointer user_data)
{
	CblueQueueRedis *self = user_data;

	if (self->consuming || self->stopping)
		return G_SOURCE_REMOVE;
	self->consuming = TRUE;
	self->jobs_in = cblue_redis_connection_new(self->address, "jobs", self->redis_timeout_ms + 500);
	g_signal_connect(self->jobs_in, "ready", G_CALLBACK(cblue_redis_jobs_ready_cb), self);
	cblue_redis_connection_start(self->jobs_in);
	return G_SOURCE_REMOVE;
}

/* stops reading new jobs; the ones being answered finish */
static gboolean
cblue_redis_drain_in_thread(gpointer user_data)
{
	CblueQueueRedis *self = user_data;
	self->consuming = FALSE;
	if (self->jobs_in != NULL)
		cblue_redis_connection_stop(self->jobs_in);
	return G_SOURCE_REMOVE;
}

static gboolean
cblue_redis_stop_in_thread(gpointer user_data)
{
	CblueQueueRedis *self = user_data;
	GHashTableIter iter;
	gpointer key;
	g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func(g_free);

	self->stopping = TRUE;
	if (self->tick != NULL) {
		g_source_destroy(self->tick);
		g_clear_pointer(&self->tick, g_source_unref);
	}
	g_hash_table_iter_init(&iter, self->pending);
	while (g_hash_table_iter_next(&iter, &key, NULL))
		g_ptr_array_add(ids, g_strdup(key));
	for (guint i = 0; i < ids->len; i++)
		cblue_redis_job_fail(self, g_ptr_array_index(ids, i), CBLUE_ERROR_NOT_REACHABLE,
				     _("The server is shutting down."));
	/* every command waiting is answered with NULL now, while its data is alive */
	if (self->jobs_in != NULL)
		cblue_redis_connection_stop(self->jobs_in);
	cblue_redis_connection_stop(self->replies_in);
	cblue_redis_connection_stop(self->kb_sub);
	cblue_redis_connection_stop(self->cmd);
	g_main_loop_quit(self->loop);
	return G_SOURCE_REMOVE;
}

/*
 * Stops the queue: a worker stops taking jobs and gives those being answered up to 5 s
 * (any left are claimed by another worker), then every connection closes.
 */
void
cblue_queue_redis_stop(CblueQueueRedis *self)
{
	g_return_if_fail(CBLUE_IS_QUEUE_REDIS(self));

	if (self->thread == NULL)
		return;
	g_main_context_invoke(self->context, cblue_redis_drain_in_thread, self);
	for (guint i = 0; i < 500 && g_atomic_int_get(&self->in_progress_atomic) > 0; i++)
		g_usleep(10 * 1000);
	g_main_context_invoke(self->context, cblue_redis_stop_in_thread, self);
	g_thread_join(g_steal_pointer(&self->thread));
}

static gboolean
cblue_queue_redis_start_consumer(CblueQueue *queue, CblueBot *bot, GError **error)
{
	CblueQueueRedis *self = CBLUE_QUEUE_REDIS(queue);

	g_set_object(&self->bot, bot);
	/* an API process keeps the bot only to answer itself under [queue] fallback=local */
	if (self->role != CBLUE_REDIS_ROLE_API)
		g_main_context_invoke(self->context, cblue_redis_consume_in_thread, self);
	return TRUE;
}

static gboolean
cblue_queue_redis_check(CblueQueue *queue, GError **error)
{
	CblueQueueRedis *self = CBLUE_QUEUE_REDIS(queue);
	if (g_atomic_int_get(&self->ready))
		return TRUE;
	/* with a local fallback, this process still answers */
	if (self->fallback_local && self->bot != NULL)
		return TRUE;
	g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE, _("The job queue (Redis) cannot be reached."));
	return FALSE;
}

static void
cblue_queue_redis_append_metrics(CblueQueue *queue, GString *out)
{
	CblueQueueRedis *self = CBLUE_QUEUE_REDIS(queue);

	g_string_append(out, "# HELP job_queue_length Jobs in the Redis stream: waiting or being answered.\n"
			     "# TYPE job_queue_length gauge\n");
	g_string_append_printf(out, "job_queue_length %d\n", g_atomic_int_get(&self->queue_length));
	g_string_append(out, "# HELP job_queue_up Whether this process is connected to the job queue.\n"
			     "# TYPE job_queue_up gauge\n");
	g_string_append_printf(out, "job_queue_up %d\n", g_atomic_int_get(&self->ready) ? 1 : 0);
	g_string_append(out, "# HELP job_waiting Jobs this process submitted that wait for a reply.\n"
			     "# TYPE job_waiting gauge\n");
	g_string_append_printf(out, "job_waiting %d\n", g_atomic_int_get(&self->pending_count));
	g_string_append(out, "# HELP job_in_progress Jobs this worker is answering.\n"
			     "# TYPE job_in_progress gauge\n");
	g_string_append_printf(out, "job_in_progress %d\n", g_atomic_int_get(&self->in_progress_atomic));
	g_string_append(out, "# HELP jobs_total Jobs by what became of them in this process.\n"
			     "# TYPE jobs_total counter\n");
	{
		const struct {
			const gchar *result;
			gint *counter;
		} counters[] = {
		    {"submitted", &self->n_submitted}, {"reply_timeout", &self->n_timeouts},
		    {"queue_unreachable", &self->n_unreachable}, {"answered_locally", &self->n_fallback},
		    {"processed", &self->n_processed}, {"claimed", &self->n_claimed},
		    {"duplicate", &self->n_duplicates}, {"expired", &self->n_expired}, {"dead_letter", &self->n_dead},
		    {"rate_limited", &self->n_rate_limited},
		};
		for (guint i = 0; i < G_N_ELEMENTS(counters); i++)
			g_string_append_printf(out, "jobs_total{result=\"%s\"} %u\n", counters[i].result,
					       (guint)g_atomic_int_get(counters[i].counter));
	}
	g_string_append(out, "# HELP job_token_batches_total Batches of streamed tokens this process published "
			     "(worker) or relayed to clients (API).\n"
			     "# TYPE job_token_batches_total counter\n");
	g_string_append_printf(out, "job_token_batches_total %u\n", (guint)g_atomic_int_get(&self->n_token_batches));
	cblue_redis_histogram_render(&self->processing, out, "job_processing_duration_seconds",
				     "Time a worker took to answer a job.");
	cblue_redis_histogram_render(&self->round_trip, out, "job_round_trip_seconds",
				     "Time from submitting a job to its reply, in the API process.");
}

static void
cblue_queue_redis_iface_init(CblueQueueInterface *iface)
{
	iface->start_consumer = cblue_queue_redis_start_consumer;
	iface->submit_async = cblue_queue_redis_submit_async;
	iface->submit_finish = cblue_queue_redis_submit_finish;
	iface->check = cblue_queue_redis_check;
	iface->append_metrics = cblue_queue_redis_append_metrics;
	iface->notify_kb_published = cblue_queue_redis_notify_kb_published;
}

static void
cblue_queue_redis_finalize(GObject *object)
{
	CblueQueueRedis *self = CBLUE_QUEUE_REDIS(object);

	cblue_queue_redis_stop(self);
	g_clear_object(&self->cmd);
	g_clear_object(&self->jobs_in);
	g_clear_object(&self->replies_in);
	g_clear_object(&self->kb_sub);
	g_clear_pointer(&self->pending, g_hash_table_unref);
	g_clear_pointer(&self->working, g_hash_table_unref);
	g_clear_pointer(&self->loop, g_main_loop_unref);
	g_clear_pointer(&self->context, g_main_context_unref);
	g_clear_object(&self->bot);
	cblue_redis_address_free(self->address);
	g_free(self->process_id);
	g_free(self->jobs_key);
	g_free(self->dead_key);
	g_free(self->group);
	g_free(self->replies_key);
	g_free(self->kb_channel);
	g_free(self->kb_version_key);
	g_free(self->key_prefix);
	g_free(self->replies_prefix);
	g_free(self->done_ttl);
	g_free(self->rate_limit_str);
	g_free(self->rate_burst_str);
	g_free(self->rate_prefix);
	g_free(self->conversation_prefix);
	g_free(self->context_ttl);
	g_free(self->replies_last_id);
	g_free(self->kb_version);
	g_mutex_clear(&self->processing.mutex);
	g_mutex_clear(&self->round_trip.mutex);
	G_OBJECT_CLASS(cblue_queue_redis_parent_class)->finalize(object);
}

static void
cblue_queue_redis_class_init(CblueQueueRedisClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_queue_redis_finalize;
}

static void
cblue_queue_redis_init(CblueQueueRedis *self)
{
	g_mutex_init(&self->processing.mutex);
	g_mutex_init(&self->round_trip.mutex);
	self->pending = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)cblue_redis_job_free);
	self->working = g_hash_table_new(g_str_hash, g_str_equal);
	self->replies_last_id = g_strdup("0-0");
}

static guint
cblue_queue_redis_config_uint(CblueConfig *config, const gchar *key, gint64 default_value, gint64 min, gint64 max)
{
	return (guint)CLAMP(cblue_config_get_int(config, "queue", key, default_value), min, max);
}

/*
 * Reads [queue] and starts the Redis thread; the connections come up by themselves (and
 * again after every loss), so a Redis that is down at start is not an error.
 */
CblueQueueRedis *
cblue_queue_redis_new(CblueContext *context, GError **error)
{
	CblueConfig *config = cblue_context_get_config(context);
	g_autoptr(CblueQueueRedis) self = g_object_new(CBLUE_TYPE_QUEUE_REDIS, NULL);
	g_autofree gchar *url = cblue_config_get_string(config, "queue", "url");
	g_autofree gchar *role = cblue_config_get_string(config, "queue", "role");
	g_autofree gchar *prefix = cblue_config_get_string(config, "queue", "prefix");
	g_autofree gchar *fallback = cblue_config_get_string(config, "queue", "fallback");
	g_autofree gchar *display = NULL;
	gchar hostname[256] = "";

	self->context_obj = context;
	self->address = cblue_redis_address_parse(url, error);
	if (self->address == NULL)
		return NULL;
	if (role == NULL || g_strcmp0(role, "all") == 0) {
		self->role = CBLUE_REDIS_ROLE_ALL;
	} else if (g_strcmp0(role, "api") == 0) {
		self->role = CBLUE_REDIS_ROLE_API;
	} else if (g_strcmp0(role, "worker") == 0) {
		self->role = CBLUE_REDIS_ROLE_WORKER;
	} else {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("[queue] role must be api, worker or all, not “%s”."), role);
		return NULL;
	}
	if (fallback != NULL && g_strcmp0(fallback, "local") != 0 && g_strcmp0(fallback, "none") != 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("[queue] fallback must be local or none, not “%s”."), fallback);
		return NULL;
	}
	if (prefix == NULL)
		prefix = g_strdup("cblue");
	if (*prefix == '\0' || strpbrk(prefix, " \t\r\n") != NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("[queue] prefix must be a word without spaces."));
		return NULL;
	}
	self->fallback_local = g_strcmp0(fallback, "local") == 0;
	self->reply_timeout_ms = cblue_queue_redis_config_uint(config, "reply_timeout_ms", 10000, 100, 600000);
	self->claim_idle_ms = cblue_queue_redis_config_uint(config, "claim_idle_ms", 3000, 100, 3600000);
	self->claim_interval_ms = cblue_queue_redis_config_uint(config, "claim_interval_ms", 1000, 50, 60000);
	self->max_failures = cblue_queue_redis_config_uint(config, "max_failures", 3, 1, 100);
	self->concurrency = cblue_queue_redis_config_uint(config, "worker_concurrency", 16, 1, 4096);
	self->max_pending = cblue_queue_redis_config_uint(config, "max_in_flight", 10000, 1, 1 << 20);
	self->redis_timeout_ms = cblue_queue_redis_config_uint(config, "redis_timeout_ms", 2000, 200, 60000);
	/* a duplicate can only matter before the job's deadline (workers drop expired jobs):
	 * keep replies twice that long, at least a minute; ~1 KB each */
	self->done_ttl = g_strdup_printf("%u", MAX(60u, self->reply_timeout_ms / 500));
	/* a follow-up after a longer pause starts afresh, as after a restart of one process */
	self->context_ttl = g_strdup_printf("%u", cblue_queue_redis_config_uint(config, "context_ttl", 86400, 60, 30 * 86400));
	/* the per-address limit of [server], shared: without it each API process would allow
	 * the full rate, and N processes N times as much */
	{
		gdouble server_rate = cblue_config_get_double(config, "server", "rate_limit", 10.0);
		gdouble server_burst = cblue_config_get_double(config, "server", "rate_limit_burst", 30.0);
		gchar buf[G_ASCII_DTOSTR_BUF_SIZE];
		self->rate_limit = CLAMP(cblue_config_get_double(config, "queue", "rate_limit", server_rate), 0.0, 1e6);
		self->rate_limit_str = g_strdup(g_ascii_dtostr(buf, sizeof(buf), self->rate_limit));
		self->rate_burst_str = g_strdup(g_ascii_dtostr(
		    buf, sizeof(buf),
		    CLAMP(cblue_config_get_double(config, "queue", "rate_limit_burst", server_burst), 1.0, 1e6)));
	}

	/* unique per process, also across hosts and restarts */
	gethostname(hostname, sizeof(hostname) - 1);
	{
		g_autofree gchar *random = g_uuid_string_random();
		random[8] = '\0';
		self->process_id = g_strdup_printf("%s-%d-%s", hostname[0] != '\0' ? hostname : "host", (gint)getpid(),
						   random);
	}
	self->jobs_key = g_strdup_printf("%s:jobs", prefix);
	self->dead_key = g_strdup_printf("%s:jobs:dead", prefix);
	self->group = g_strdup_printf("%s-workers", prefix);
	self->replies_key = g_strdup_printf("%s:replies:%s", prefix, self->process_id);
	self->kb_channel = g_strdup_printf("%s:kb", prefix);
	self->kb_version_key = g_strdup_printf("%s:kb:version", prefix);
	self->key_prefix = g_strdup_printf("%s:job:", prefix);
	self->replies_prefix = g_strdup_printf("%s:replies:", prefix);
	self->rate_prefix = g_strdup_printf("%s:rate:", prefix);
	self->conversation_prefix = g_strdup_printf("%s:conversation:", prefix);

	self->cmd = cblue_redis_connection_new(self->address, "commands", self->redis_timeout_ms);
	/* a blocking read comes back every BLOCK ms: allow that on top */
	self->replies_in = cblue_redis_connection_new(self->address, "replies", self->redis_timeout_ms + 500);
	self->kb_sub = cblue_redis_connection_new(self->address, "kb", self->redis_timeout_ms);
	self->context = g_main_context_new();
	self->loop = g_main_loop_new(self->context, FALSE);
	g_main_context_invoke(self->context, cblue_redis_start_in_thread, self);
	self->thread = g_thread_new("cblue-redis", cblue_redis_thread_func, self);
	display = cblue_redis_address_to_display(self->address);
	g_message("job queue: %s, role %s, process %s", display, role != NULL ? role : "all", self->process_id);
	return g_steal_pointer(&self);
}
