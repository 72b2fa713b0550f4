/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cblue-circuit-breaker.h"
#include "cblue-epoll-private.h"
#include "cblue-http-direct.h"
#include "cblue-json-private.h"
#include "cblue-model-openai.h"
#include "cblue-openai-chunk.h"
#include "cblue-openai-prompt.h"
#include "cblue-sse-parser.h"

/* model-openai: see README.md */

#define CBLUE_OPENAI_CHAT_PATH "/v1/chat/completions"
#define CBLUE_OPENAI_READ_SIZE 8192
/* reads of what has already arrived before the tokens are relayed (bounded, so that one
 * fast stream does not hold the thread) */
#define CBLUE_OPENAI_MAX_READS_AT_ONCE 64

/* the buckets of the two latency histograms, in seconds */
static const gdouble cblue_openai_buckets[] = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
#define CBLUE_OPENAI_N_BUCKETS G_N_ELEMENTS(cblue_openai_buckets)

typedef struct {
	guint64 counts[CBLUE_OPENAI_N_BUCKETS + 1]; /* the last one is +Inf */
	gdouble sum;
	guint64 count;
} CblueOpenaiHistogram;

typedef struct {
	CblueOpenaiHistogram inference;	  /* whole request, answered or not */
	CblueOpenaiHistogram first_token; /* streaming only */
	guint64 tokens_in;
	guint64 tokens_out;
	guint64 answered;
	guint64 no_answer;
	guint64 cancelled; /* the customer left before the answer */
	guint64 fallbacks[CBLUE_OPENAI_FALLBACK_LAST];
} CblueOpenaiMetrics;

struct _CblueModelOpenai {
	GObject parent_instance;
	CblueContext *context;	     /* unowned: it owns us */
	CblueOpenaiClient *client;   /* owned */
	CblueOpenaiPrompts *prompts; /* owned */
	CblueCircuitBreaker *breaker; /* owned */
	guint history_messages;
	guint history_tokens;
	gboolean stream;
	gboolean stream_usage;
	guint max_concurrent;
	guint max_waiting;
	guint wait_ms;
	/* the request's "temperature", formatted once (g_ascii_dtostr() is a printf and a
	 * strtod) */
	gchar temperature[G_ASCII_DTOSTR_BUF_SIZE];
	GMutex mutex;	   /* protects active, waiters and metrics */
	guint active;	   /* requests holding a slot */
	GQueue waiters;	   /* of CblueOpenaiWaiter, waiting for a slot */
	CblueOpenaiMetrics metrics;
};

static void cblue_model_openai_iface_init(CblueModelProviderInterface *iface);

G_DEFINE_TYPE_WITH_CODE(CblueModelOpenai, cblue_model_openai, G_TYPE_OBJECT,
			G_IMPLEMENT_INTERFACE(CBLUE_TYPE_MODEL_PROVIDER, cblue_model_openai_iface_init))

const gchar *
cblue_openai_fallback_to_string(CblueOpenaiFallback cause)
{
	static const gchar *const names[] = {"timeout",	  "rate_limited", "unreachable", "circuit_open",
					     "busy",	  "bad_reply",	  "stream_cut",	 "auth",
					     "not_found", "other"};
	G_STATIC_ASSERT(G_N_ELEMENTS(names) == CBLUE_OPENAI_FALLBACK_LAST);
	return cause < CBLUE_OPENAI_FALLBACK_LAST ? names[cause] : "other";
}

static void
cblue_model_openai_finalize(GObject *object)
{
	CblueModelOpenai *self = CBLUE_MODEL_OPENAI(object);
	g_clear_object(&self->client);
	g_clear_pointer(&self->prompts, cblue_openai_prompts_free);
	g_clear_pointer(&self->breaker, cblue_circuit_breaker_free);
	g_mutex_clear(&self->mutex);
	G_OBJECT_CLASS(cblue_model_openai_parent_class)->finalize(object);
}

static void
cblue_model_openai_class_init(CblueModelOpenaiClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_model_openai_finalize;
}

static void
cblue_model_openai_init(CblueModelOpenai *self)
{
	g_mutex_init(&self->mutex);
	g_queue_init(&self->waiters);
}

static guint
cblue_model_openai_config_uint(CblueConfig *config, const gchar *key, guint default_value, guint min, guint max)
{
	return (guint)CLAMP(cblue_config_get_int(config, "model", key, default_value), (gint64)min, (gint64)max);
}

CblueModelOpenai *
cblue_model_openai_new(CblueContext *context, GError **error)
{
	CblueConfig *config = cblue_context_get_config(context);
	g_autoptr(CblueModelOpenai) self = g_object_new(CBLUE_TYPE_MODEL_OPENAI, NULL);
	g_autoptr(CblueOpenaiConfig) endpoint = cblue_openai_config_load(config, "model", error);
	g_autofree gchar *prompts_dir = NULL;

	if (endpoint == NULL)
		return NULL;
	self->context = context;
	prompts_dir = cblue_config_get_string(config, "model", "prompts_dir");
	self->prompts = cblue_openai_prompts_load(prompts_dir, error);
	if (self->prompts == NULL)
		return NULL;
	self->client = cblue_openai_client_new(endpoint);
	g_ascii_dtostr(self->temperature, sizeof(self->temperature), endpoint->temperature);
	self->history_messages = cblue_model_openai_config_uint(config, "history_messages", 6, 0, 50);
	self->history_tokens = cblue_model_openai_config_uint(config, "history_tokens", 600, 0, 32768);
	self->stream = cblue_config_get_boolean(config, "model", "stream", TRUE);
	self->stream_usage = cblue_config_get_boolean(config, "model", "stream_usage", TRUE);
	self->max_concurrent = cblue_model_openai_config_uint(config, "max_concurrent", 256, 1, 100000);
	self->max_waiting = cblue_model_openai_config_uint(config, "max_waiting", 1024, 0, 1000000);
	self->wait_ms = cblue_model_openai_config_uint(config, "max_wait_ms", 2000, 0, 600000);
	self->breaker = cblue_circuit_breaker_new(
	    cblue_model_openai_config_uint(config, "circuit_failures", 5, 1, 1000),
	    (gint64)cblue_model_openai_config_uint(config, "circuit_open_seconds", 30, 1, 86400) * G_USEC_PER_SEC);
	return g_steal_pointer(&self);
}

const CblueOpenaiConfig *
cblue_model_openai_get_config(CblueModelOpenai *self)
{
	return cblue_openai_client_get_config(self->client);
}

/* metrics */

static void
cblue_openai_histogram_observe(CblueOpenaiHistogram *histogram, gdouble seconds)
{
	guint i = 0;
	while (i < CBLUE_OPENAI_N_BUCKETS && seconds > cblue_openai_buckets[i])
		i++;
	histogram->counts[i]++;
	histogram->sum += seconds;
	histogram->count++;
}

static void
cblue_openai_histogram_render(GString *out, const gchar *name, const gchar *help,
			      const CblueOpenaiHistogram *histogram)
{
	guint64 cumulative = 0;
	g_string_append_printf(out, "# HELP %s %s\n# TYPE %s histogram\n", name, help, name);
	for (guint i = 0; i <= CBLUE_OPENAI_N_BUCKETS; i++) {
		cumulative += histogram->counts[i];
		if (i < CBLUE_OPENAI_N_BUCKETS)
			g_string_append_printf(out, "%s_bucket{le=\"%g\"} %" G_GUINT64_FORMAT "\n", name,
					       cblue_openai_buckets[i], cumulative);
		else
			g_string_append_printf(out, "%s_bucket{le=\"+Inf\"} %" G_GUINT64_FORMAT "\n", name,
					       cumulative);
	}
	g_string_append_printf(out, "%s_sum %.6f\n%s_count %" G_GUINT64_FORMAT "\n", name, histogram->sum, name,
			       histogram->count);
}

static void
cblue_model_openai_append_metrics(CblueModelProvider *provider, GString *out)
{
	CblueModelOpenai *self = CBLUE_MODEL_OPENAI(provider);
	CblueOpenaiMetrics m;
	CblueCircuitState state = cblue_circuit_breaker_get_state(self->breaker, g_get_monotonic_time());
	guint active;
	guint waiting;

	g_mutex_lock(&self->mutex);
	m = self->metrics;
	active = self->active;
	waiting = self->waiters.length;
	g_mutex_unlock(&self->mutex);

	cblue_openai_histogram_render(out, "ai_model_inference_time",
				      "Seconds from sending a request to the model to its whole answer", &m.inference);
	cblue_openai_histogram_render(out, "ai_model_time_to_first_token_seconds",
				      "Seconds from sending a streaming request to the first token", &m.first_token);
	g_string_append(out, "# HELP ai_model_tokens_total Tokens sent to (in) and received from (out) the model\n"
			     "# TYPE ai_model_tokens_total counter\n");
	g_string_append_printf(out, "ai_model_tokens_total{direction=\"in\"} %" G_GUINT64_FORMAT "\n", m.tokens_in);
	g_string_append_printf(out, "ai_model_tokens_total{direction=\"out\"} %" G_GUINT64_FORMAT "\n", m.tokens_out);
	g_string_append(out, "# HELP ai_model_requests_total Model requests by how they ended: answered, no answer, or "
			     "cancelled because the customer left\n"
			     "# TYPE ai_model_requests_total counter\n");
	g_string_append_printf(out, "ai_model_requests_total{result=\"answered\"} %" G_GUINT64_FORMAT "\n",
			       m.answered);
	g_string_append_printf(out, "ai_model_requests_total{result=\"no_answer\"} %" G_GUINT64_FORMAT "\n",
			       m.no_answer);
	g_string_append_printf(out, "ai_model_requests_total{result=\"cancelled\"} %" G_GUINT64_FORMAT "\n",
			       m.cancelled);
	g_string_append(out, "# HELP ai_model_fallbacks_total Answers given extractively because the model failed\n"
			     "# TYPE ai_model_fallbacks_total counter\n");
	for (guint i = 0; i < CBLUE_OPENAI_FALLBACK_LAST; i++)
		g_string_append_printf(out, "ai_model_fallbacks_total{cause=\"%s\"} %" G_GUINT64_FORMAT "\n",
				       cblue_openai_fallback_to_string(i), m.fallbacks[i]);
	g_string_append(out, "# HELP ai_model_circuit_state Circuit breaker: 0 closed, 1 open, 2 half-open\n"
			     "# TYPE ai_model_circuit_state gauge\n");
	g_string_append_printf(out, "ai_model_circuit_state %d\n", (gint)state);
	g_string_append(out, "# HELP ai_model_requests_in_flight Model requests holding a slot\n"
			     "# TYPE ai_model_requests_in_flight gauge\n");
	g_string_append_printf(out, "ai_model_requests_in_flight %u\n", active);
	g_string_append(out, "# HELP ai_model_requests_waiting Model requests waiting for a slot\n"
			     "# TYPE ai_model_requests_waiting gauge\n");
	g_string_append_printf(out, "ai_model_requests_waiting %u\n", waiting);
}

/* one answer */

/* A timeout of an op. On a WebSocket thread, one of the thread's epoll timers: GLib
 * prepares and checks every source of a context on each iteration, so a source per stream
 * would be walked for every token of every stream of the thread; elsewhere a GLib
 * timeout source. */
typedef struct {
	GSource *source;   /* owned, nullable */
	CblueEpoll *epoll; /* unowned, nullable: while the timer is on it */
	CblueEpollTimer timer;
} CblueOpenaiTimer;

typedef struct {
	CblueMessage *message;	   /* owned */
	CblueChatReply *reply;	   /* owned */
	CblueKb *kb;		   /* owned */
	GPtrArray *hits;	   /* owned: of CblueHit */
	GBytes *body;		   /* owned: the request, JSON text */
	GCancellable *cancellable; /* owned: the caller's, or a timeout, cancels it */
	GCancellable *parent;	   /* owned, nullable: the caller's */
	gulong parent_handler;
	CblueOpenaiTimer first_token_timer;
	CblueOpenaiTimer total_timer;
	GInputStream *stream;	    /* owned, nullable */
	CblueSseParser *parser;	    /* owned, nullable */
	guint8 *buffer;		    /* owned, nullable: CBLUE_OPENAI_READ_SIZE bytes, each read of the stream */
	GSource *read_source;	    /* owned, nullable: waits for the stream to be readable */
	GString *text;		    /* owned: the answer so far */
	GError *stream_error;	    /* owned, nullable: set by the parser callback */
	GMainContext *context;	    /* owned: where the caller runs */
	gsize relayed;		    /* bytes of text already emitted as tokens */
	gint64 start;
	guint tokens_in;
	guint tokens_out;
	gboolean streaming;
	gboolean pollable; /* the stream is read without blocking, when its source says so */
	gboolean direct;   /* the stream is cblue-http-direct's */
	gboolean read_source_drained; /* read_source was made with nothing left in libsoup's buffers */
	gboolean has_slot;
	gboolean allowed; /* passed the circuit breaker: owes it a verdict */
	gboolean got_token;
	gboolean finished; /* [DONE] or a finish_reason */
	gboolean timed_out;
} CblueOpenaiOp;

static void
cblue_openai_timer_stop(CblueOpenaiTimer *timer)
{
	if (timer->source != NULL) {
		g_source_destroy(timer->source);
		g_clear_pointer(&timer->source, g_source_unref);
	}
	if (timer->epoll != NULL) {
		/* the op is freed in its context, on the thread of that epoll */
		g_warn_if_fail(cblue_epoll_get_thread_default() == timer->epoll);
		cblue_epoll_timer_stop(timer->epoll, &timer->timer);
		timer->epoll = NULL;
	}
}

static void
cblue_openai_op_stop_timers(CblueOpenaiOp *op)
{
	cblue_openai_timer_stop(&op->first_token_timer);
	cblue_openai_timer_stop(&op->total_timer);
}

static void
cblue_openai_op_free(CblueOpenaiOp *op)
{
	cblue_openai_op_stop_timers(op);
	if (op->parent != NULL) {
		g_cancellable_disconnect(op->parent, op->parent_handler);
		g_object_unref(op->parent);
	}
	g_clear_object(&op->message);
	g_clear_object(&op->reply);
	g_clear_object(&op->kb);
	g_clear_pointer(&op->hits, g_ptr_array_unref);
	g_clear_pointer(&op->body, g_bytes_unref);
	if (op->read_source != NULL) {
		g_source_destroy(op->read_source);
		g_clear_pointer(&op->read_source, g_source_unref);
	}
	g_clear_object(&op->cancellable);
	g_clear_object(&op->stream);
	g_clear_pointer(&op->parser, cblue_sse_parser_free);
	g_clear_pointer(&op->buffer, g_free);
	g_string_free(op->text, TRUE);
	g_clear_error(&op->stream_error);
	g_main_context_unref(op->context);
	g_free(op);
}

/* a slot of the concurrency limit */

typedef struct {
	GTask *task;	       /* owned */
	GSource *timer;	       /* owned */
	gboolean granted;      /* under the provider's mutex */
} CblueOpenaiWaiter;

static void cblue_openai_start(GTask *task);
static void cblue_openai_fail(GTask *task, CblueOpenaiFallback cause, GError *error);

static gboolean
cblue_openai_waiter_granted_cb(gpointer user_data)
{
	CblueOpenaiWaiter *waiter = user_data;
	CblueOpenaiOp *op = g_task_get_task_data(waiter->task);
	g_autoptr(GTask) task = g_steal_pointer(&waiter->task);

	g_source_destroy(waiter->timer);
	g_source_unref(waiter->timer);
	g_free(waiter);
	op->has_slot = TRUE;
	cblue_openai_start(g_steal_pointer(&task));
	return G_SOURCE_REMOVE;
}

static void
cblue_model_openai_release_slot(CblueModelOpenai *self)
{
	CblueOpenaiWaiter *waiter;
	CblueOpenaiOp *op;

	g_mutex_lock(&self->mutex);
	waiter = g_queue_pop_head(&self->waiters);
	if (waiter == NULL) {
		self->active--;
		g_mutex_unlock(&self->mutex);
		return;
	}
	/* the slot passes on to the first waiter, on its own thread */
	waiter->granted = TRUE;
	g_mutex_unlock(&self->mutex);
	op = g_task_get_task_data(waiter->task);
	g_main_context_invoke(op->context, cblue_openai_waiter_granted_cb, waiter);
}

static gboolean
cblue_openai_waiter_timeout_cb(gpointer user_data)
{
	CblueOpenaiWaiter *waiter = user_data;
	CblueModelOpenai *self = g_task_get_source_object(waiter->task);
	GTask *task;

	g_mutex_lock(&self->mutex);
	if (waiter->granted) {
		/* the grant is on its way to this context */
		g_mutex_unlock(&self->mutex);
		return G_SOURCE_REMOVE;
	}
	g_queue_remove(&self->waiters, waiter);
	g_mutex_unlock(&self->mutex);
	task = g_steal_pointer(&waiter->task);
	g_source_unref(waiter->timer);
	g_free(waiter);
	cblue_openai_fail(task, CBLUE_OPENAI_FALLBACK_BUSY,
			  g_error_new_literal(CBLUE_ERROR, CBLUE_ERROR_BUSY, _("Too many model requests at once.")));
	return G_SOURCE_REMOVE;
}

/* TRUE if the task got a slot (start it), FALSE if it waits or was refused (handled) */
static gboolean
cblue_model_openai_acquire_slot(CblueModelOpenai *self, GTask *task)
{
	CblueOpenaiOp *op = g_task_get_task_data(task);
	CblueOpenaiWaiter *waiter;

	g_mutex_lock(&self->mutex);
	if (self->active < self->max_concurrent) {
		self->active++;
		g_mutex_unlock(&self->mutex);
		op->has_slot = TRUE;
		return TRUE;
	}
	if (self->waiters.length >= self->max_waiting || self->wait_ms == 0) {
		g_mutex_unlock(&self->mutex);
		cblue_openai_fail(task, CBLUE_OPENAI_FALLBACK_BUSY,
				  g_error_new_literal(CBLUE_ERROR, CBLUE_ERROR_BUSY, _("Too many model requests at once.")));
		return FALSE;
	}
	waiter = g_new0(CblueOpenaiWaiter, 1);
	waiter->task = task;
	waiter->timer = g_timeout_source_new(self->wait_ms);
	g_source_set_callback(waiter->timer, cblue_openai_waiter_timeout_cb, waiter, NULL);
	g_source_attach(waiter->timer, op->context);
	g_queue_push_tail(&self->waiters, waiter);
	g_mutex_unlock(&self->mutex);
	return FALSE;
}

/* the end of one answer */

static CblueOpenaiFallback
cblue_openai_classify(const GError *error)
{
	if (error->domain != CBLUE_ERROR)
		return CBLUE_OPENAI_FALLBACK_OTHER;
	switch (error->code) {
	case CBLUE_ERROR_TIMED_OUT:
		return CBLUE_OPENAI_FALLBACK_TIMEOUT;
	case CBLUE_ERROR_BUSY:
		return CBLUE_OPENAI_FALLBACK_RATE_LIMITED;
	case CBLUE_ERROR_NOT_REACHABLE:
		return CBLUE_OPENAI_FALLBACK_UNREACHABLE;
	case CBLUE_ERROR_INVALID_DATA:
	case CBLUE_ERROR_TOO_LARGE:
		return CBLUE_OPENAI_FALLBACK_BAD_REPLY;
	case CBLUE_ERROR_AUTH_FAILED:
		return CBLUE_OPENAI_FALLBACK_AUTH;
	case CBLUE_ERROR_NOT_FOUND:
		return CBLUE_OPENAI_FALLBACK_NOT_FOUND;
	default:
		return CBLUE_OPENAI_FALLBACK_OTHER;
	}
}

static void
cblue_openai_end(GTask *task)
{
	CblueModelOpenai *self = g_task_get_source_object(task);
	CblueOpenaiOp *op = g_task_get_task_data(task);

	cblue_openai_op_stop_timers(op);
	if (op->has_slot) {
		op->has_slot = FALSE;
		cblue_model_openai_release_slot(self);
	}
}

/* hands the failure to the bot, which answers extractively; takes @task and @error */
static void
cblue_openai_fail(GTask *task, CblueOpenaiFallback cause, GError *error)
{
	CblueModelOpenai *self = g_task_get_source_object(task);
	CblueOpenaiOp *op = g_task_get_task_data(task);
	gboolean client_gone = op->parent != NULL && g_cancellable_is_cancelled(op->parent);

	cblue_openai_end(task);
	if (client_gone) {
		/* no verdict on the provider: the customer left */
		if (op->allowed)
			cblue_circuit_breaker_abandon(self->breaker);
		g_mutex_lock(&self->mutex);
		self->metrics.cancelled++;
		g_mutex_unlock(&self->mutex);
		g_clear_error(&error);
		g_task_return_new_error(task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
		g_object_unref(task);
		return;
	}
	if (op->allowed)
		cblue_circuit_breaker_failure(self->breaker, g_get_monotonic_time());
	g_mutex_lock(&self->mutex);
	self->metrics.fallbacks[cause]++;
	if (op->start > 0)
		cblue_openai_histogram_observe(&self->metrics.inference,
					       (gdouble)(g_get_monotonic_time() - op->start) / G_USEC_PER_SEC);
	g_mutex_unlock(&self->mutex);
	/* the bot logs the failure as a warning when it answers from the KB */
	g_debug("model provider fallback, cause %s: %s", cblue_openai_fallback_to_string(cause), error->message);
	g_task_return_error(task, error);
	g_object_unref(task);
}

/* an error seen after the op's own cancellable fired: a timeout, or the client */
static void
cblue_openai_fail_with(GTask *task, GError *error)
{
	CblueOpenaiOp *op = g_task_get_task_data(task);
	if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && op->timed_out) {
		g_clear_error(&error);
		cblue_openai_fail(task, CBLUE_OPENAI_FALLBACK_TIMEOUT,
				  g_error_new_literal(CBLUE_ERROR, CBLUE_ERROR_TIMED_OUT,
						      _("The model did not answer in time.")));
		return;
	}
	cblue_openai_fail(task, cblue_openai_classify(error), error);
}

static void
cblue_openai_succeed(GTask *task)
{
	CblueModelOpenai *self = g_task_get_source_object(task);
	CblueOpenaiOp *op = g_task_get_task_data(task);
	g_autofree gchar *answer = g_strstrip(g_strdup(op->text->str));
	gboolean no_answer;

	if (answer[0] == '\0') {
		cblue_openai_fail(task, CBLUE_OPENAI_FALLBACK_BAD_REPLY,
				  g_error_new_literal(CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
						      _("The model's answer is empty.")));
		return;
	}
	cblue_openai_end(task);
	if (op->allowed)
		cblue_circuit_breaker_success(self->breaker);
	no_answer = cblue_openai_is_no_answer(answer);
	if (op->tokens_out == 0)
		op->tokens_out = cblue_openai_estimate_tokens(answer);
	g_mutex_lock(&self->mutex);
	cblue_openai_histogram_observe(&self->metrics.inference,
				       (gdouble)(g_get_monotonic_time() - op->start) / G_USEC_PER_SEC);
	self->metrics.tokens_in += op->tokens_in;
	self->metrics.tokens_out += op->tokens_out;
	if (no_answer)
		self->metrics.no_answer++;
	else
		self->metrics.answered++;
	g_mutex_unlock(&self->mutex);

	if (no_answer) {
		/* the bot replaces it with its canned "I don't know" and records the question */
		cblue_chat_reply_set_outcome(op->reply, CBLUE_OUTCOME_UNANSWERED);
	} else {
		cblue_chat_reply_set_text(op->reply, answer);
		cblue_chat_reply_set_language(op->reply, cblue_message_get_language(op->message));
	}
	g_task_return_boolean(task, TRUE);
	g_object_unref(task);
}

/* the reply's usage, when the provider gives it */
static void
cblue_openai_read_usage(CblueOpenaiOp *op, JsonObject *chunk)
{
	JsonObject *usage;
	if (!json_object_has_member(chunk, "usage") ||
	    !JSON_NODE_HOLDS_OBJECT(json_object_get_member(chunk, "usage")))
		return;
	usage = json_object_get_object_member(chunk, "usage");
	op->tokens_in = (guint)MAX(json_object_get_int_member_with_default(usage, "prompt_tokens", op->tokens_in), 0);
	op->tokens_out =
	    (guint)MAX(json_object_get_int_member_with_default(usage, "completion_tokens", op->tokens_out), 0);
}

/* choices[0] of a reply or a chunk, or NULL */
static JsonObject *
cblue_openai_first_choice(JsonObject *object)
{
	JsonNode *choices = json_object_get_member(object, "choices");
	JsonArray *array;
	if (choices == NULL || !JSON_NODE_HOLDS_ARRAY(choices))
		return NULL;
	array = json_node_get_array(choices);
	if (json_array_get_length(array) == 0 || !JSON_NODE_HOLDS_OBJECT(json_array_get_element(array, 0)))
		return NULL;
	return json_array_get_object_element(array, 0);
}

/* a string member, or NULL (absent, null or not a string) */
static const gchar *
cblue_openai_get_string(JsonObject *object, const gchar *name)
{
	JsonNode *node = object != NULL ? json_object_get_member(object, name) : NULL;
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_STRING)
		return NULL;
	return json_node_get_string(node);
}

/* non-streaming */

static void
cblue_openai_json_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	GTask *task = G_TASK(user_data);
	CblueOpenaiOp *op = g_task_get_task_data(task);
	GError *error = NULL;
	g_autoptr(JsonNode) root =
	    cblue_openai_client_post_json_finish(CBLUE_OPENAI_CLIENT(source), res, NULL, NULL, &error);
	JsonObject *message;
	const gchar *content;

	if (root == NULL) {
		cblue_openai_fail_with(task, error);
		return;
	}
	message = cblue_openai_first_choice(json_node_get_object(root));
	if (message != NULL && json_object_has_member(message, "message") &&
	    JSON_NODE_HOLDS_OBJECT(json_object_get_member(message, "message")))
		message = json_object_get_object_member(message, "message");
	else
		message = NULL;
	content = cblue_openai_get_string(message, "content");
	if (content == NULL || !g_utf8_validate(content, -1, NULL)) {
		cblue_openai_fail(task, CBLUE_OPENAI_FALLBACK_BAD_REPLY,
				  g_error_new_literal(CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
						      _("The model's reply has no choices[0].message.content.")));
		return;
	}
	g_string_assign(op->text, content);
	cblue_openai_read_usage(op, json_node_get_object(root));
	cblue_openai_succeed(task);
}

/* streaming */

/* emits what can be shown: everything, once the start cannot be the no-answer marker.
 * Called once everything that has arrived is read (cblue_openai_read_available()), so
 * the tokens that arrived together go out as one piece (one signal emission, one frame
 * to the customer) */
static void
cblue_openai_relay(CblueOpenaiOp *op)
{
	gsize from = op->relayed;
	if (from == 0 && cblue_openai_may_be_no_answer(op->text->str))
		return;
	if (from >= op->text->len)
		return;
	op->relayed = op->text->len;
	/* the tail of the answer is a string of its own: no copy */
	cblue_message_emit_token(op->message, op->text->str + from);
}

/* the first token stops the first-token timer and is timed */
static void
cblue_openai_first_token(GTask *task)
{
	CblueModelOpenai *self = g_task_get_source_object(task);
	CblueOpenaiOp *op = g_task_get_task_data(task);

	op->got_token = TRUE;
	cblue_openai_timer_stop(&op->first_token_timer);
	g_mutex_lock(&self->mutex);
	cblue_openai_histogram_observe(&self->metrics.first_token,
				       (gdouble)(g_get_monotonic_time() - op->start) / G_USEC_PER_SEC);
	g_mutex_unlock(&self->mutex);
}

/* one event of the stream: a chunk, scanned without building a JSON tree (one arrives
 * per token); its text is added to the answer and relayed once the whole read is parsed */
static gboolean
cblue_openai_sse_data_cb(const gchar *data, gpointer user_data)
{
	GTask *task = G_TASK(user_data);
	CblueOpenaiOp *op = g_task_get_task_data(task);
	CblueOpenaiChunk chunk;
	gsize length = strlen(data);
	gsize before = op->text->len;

	if (length == 6 && memcmp(data, "[DONE]", 6) == 0) {
		op->finished = TRUE;
		return FALSE;
	}
	if (!cblue_openai_chunk_scan(data, length, &chunk, op->text)) {
		op->stream_error = g_error_new_literal(CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
						       _("The model's stream has a chunk that is not JSON."));
		return FALSE;
	}
	if (chunk.has_error) {
		g_string_truncate(op->text, before);
		op->stream_error = g_error_new_literal(CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE,
						       _("The model reported an error in the middle of its answer."));
		return FALSE;
	}
	if (chunk.has_prompt_tokens)
		op->tokens_in = (guint)CLAMP(chunk.prompt_tokens, 0, G_MAXUINT);
	if (chunk.has_completion_tokens)
		op->tokens_out = (guint)CLAMP(chunk.completion_tokens, 0, G_MAXUINT);
	if (op->text->len > before && !op->got_token)
		cblue_openai_first_token(task);
	if (chunk.finished)
		op->finished = TRUE;
	return TRUE;
}

static void cblue_openai_read_next(GTask *task, gboolean drained);

static void
cblue_openai_stream_ended(GTask *task)
{
	CblueOpenaiOp *op = g_task_get_task_data(task);
	if (op->stream_error != NULL) {
		cblue_openai_relay(op);
		cblue_openai_fail_with(task, g_steal_pointer(&op->stream_error));
		return;
	}
	if (!op->finished) {
		cblue_openai_fail(task, CBLUE_OPENAI_FALLBACK_STREAM_CUT,
				  g_error_new_literal(CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE,
						      _("The model's stream ended before the answer did.")));
		return;
	}
	/* a marker held back to the end was not the marker after all: show it */
	if (!cblue_openai_is_no_answer(op->text->str) && op->relayed < op->text->len) {
		gsize from = op->relayed;
		op->relayed = op->text->len;
		cblue_message_emit_token(op->message, op->text->str + from);
	}
	cblue_openai_succeed(task);
}

/* one read of the stream (@size bytes in op->buffer, or @error): FALSE once the op is
 * over, failed or ended (the task has then returned) */
static gboolean
cblue_openai_take_read(GTask *task, gssize size, GError *error)
{
	CblueOpenaiOp *op = g_task_get_task_data(task);

	/* what came before a break, the end or a bad chunk is still shown first, as it was
	 * when each token went out on its own (the final reply then replaces it if need be) */
	if (size <= 0)
		cblue_openai_relay(op);
	if (size < 0) {
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
			g_autofree gchar *message = g_strdup(error->message);
			g_clear_error(&error);
			cblue_openai_fail(task, CBLUE_OPENAI_FALLBACK_STREAM_CUT,
					  g_error_new(CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE,
						      _("The model's stream broke: %s"), message));
			return FALSE;
		}
		cblue_openai_fail_with(task, error);
		return FALSE;
	}
	if (size == 0) {
		if (!cblue_sse_parser_finish(op->parser, &error) && error != NULL) {
			cblue_openai_fail_with(task, error);
			return FALSE;
		}
		cblue_openai_stream_ended(task);
		return FALSE;
	}
	if (!cblue_sse_parser_feed(op->parser, op->buffer, (gsize)size, &error)) {
		if (error != NULL) {
			cblue_openai_relay(op);
			cblue_openai_fail_with(task, error);
			return FALSE;
		}
		/* the callback stopped: [DONE] or a bad chunk */
		cblue_openai_stream_ended(task);
		return FALSE;
	}
	return TRUE;
}

/* Reads what has arrived, until the stream would block, and relays it as one piece:
 * libsoup hands a chunked body out one HTTP chunk per read and providers send one chunk
 * per token, so the tokens of a busy moment go out together (one signal, one frame to the
 * customer) instead of one main-loop iteration each. FALSE once the op is over; then
 * @drained (nullable) tells whether the stream would block (nothing left in libsoup's
 * buffers) rather than the bound on reads being reached. */
static gboolean
cblue_openai_read_available(GTask *task, gboolean *drained)
{
	CblueOpenaiOp *op = g_task_get_task_data(task);
	gboolean would_block = FALSE;

	for (guint i = 0; i < CBLUE_OPENAI_MAX_READS_AT_ONCE && !would_block; i++) {
		GError *error = NULL;
		gssize size = -1;
		/* a direct stream tells without a system call that it has nothing more: no
		 * G_IO_ERROR_WOULD_BLOCK error to make and free for every token */
		if (i > 0 && op->direct &&
		    !g_pollable_input_stream_is_readable(G_POLLABLE_INPUT_STREAM(op->stream))) {
			would_block = TRUE;
			continue;
		}
		/* the cancellable is checked here rather than given to the read, which would push
		 * it as the thread's current one (an allocation) for every read of every token */
		if (!g_cancellable_set_error_if_cancelled(op->cancellable, &error))
			size = g_pollable_input_stream_read_nonblocking(G_POLLABLE_INPUT_STREAM(op->stream),
									op->buffer, CBLUE_OPENAI_READ_SIZE, NULL, &error);
		if (size < 0 && g_error_matches(error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK)) {
			g_clear_error(&error);
			would_block = TRUE;
			continue;
		}
		if (!cblue_openai_take_read(task, size, error))
			return FALSE;
	}
	cblue_openai_relay(op);
	if (drained != NULL)
		*drained = would_block;
	return TRUE;
}

/* The stream's source is made once the stream would block: it then watches the socket
 * and stays for the next waits, as long as each wake-up reads until the stream would
 * block again (libsoup's source for a stream with data in its buffers is ready at once,
 * and for good: after a wake-up that left data there, a new source is made) */
static gboolean
cblue_openai_readable_cb(GObject *stream, gpointer user_data)
{
	GTask *task = G_TASK(user_data);
	CblueOpenaiOp *op = g_task_get_task_data(task);
	gboolean drained = FALSE;

	if (!cblue_openai_read_available(task, &drained))
		return G_SOURCE_REMOVE; /* the op is over, its source destroyed */
	if (drained && op->read_source_drained)
		return G_SOURCE_CONTINUE;
	g_clear_pointer(&op->read_source, g_source_unref);
	cblue_openai_read_next(task, drained);
	return G_SOURCE_REMOVE;
}

/* the fallback for a stream that cannot be polled */
static void
cblue_openai_read_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	GTask *task = G_TASK(user_data);
	CblueOpenaiOp *op = g_task_get_task_data(task);
	GError *error = NULL;
	gssize size = g_input_stream_read_finish(G_INPUT_STREAM(source), res, &error);

	if (!cblue_openai_take_read(task, size, error))
		return;
	cblue_openai_relay(op);
	cblue_openai_read_next(task, FALSE);
}

/* waits for the next data: a pollable source rather than g_input_stream_read_async(),
 * which would allocate a GTask, a source and try a read that cannot succeed for every
 * token */
static void
cblue_openai_read_next(GTask *task, gboolean drained)
{
	CblueOpenaiOp *op = g_task_get_task_data(task);

	if (op->pollable) {
		op->read_source_drained = drained;
		/* on a WebSocket thread, a direct stream's reads run from the thread's epoll:
		 * one main-loop iteration per token */
		op->read_source = cblue_http_direct_watch_readable(op->stream, op->cancellable, op->context,
								   cblue_openai_readable_cb, task);
		return;
	}
	/* into the op's own buffer: no allocation per read */
	g_input_stream_read_async(op->stream, op->buffer, CBLUE_OPENAI_READ_SIZE, G_PRIORITY_DEFAULT, op->cancellable,
				  cblue_openai_read_cb, task);
}

static void
cblue_openai_send_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	GTask *task = G_TASK(user_data);
	CblueOpenaiOp *op = g_task_get_task_data(task);
	GError *error = NULL;
	gboolean drained = FALSE;

	op->stream = cblue_openai_client_send_finish(CBLUE_OPENAI_CLIENT(source), res, NULL, NULL, &error);
	if (op->stream == NULL) {
		cblue_openai_fail_with(task, error);
		return;
	}
	op->parser = cblue_sse_parser_new(cblue_openai_sse_data_cb, task);
	op->buffer = g_malloc(CBLUE_OPENAI_READ_SIZE);
	op->pollable = G_IS_POLLABLE_INPUT_STREAM(op->stream) &&
		       g_pollable_input_stream_can_poll(G_POLLABLE_INPUT_STREAM(op->stream));
	op->direct = cblue_http_direct_is_body(op->stream);
	if (op->pollable && !cblue_openai_read_available(task, &drained))
		return;
	cblue_openai_read_next(task, drained);
}

static gboolean
cblue_openai_timeout_cb(gpointer user_data)
{
	GTask *task = G_TASK(user_data);
	CblueOpenaiOp *op = g_task_get_task_data(task);
	op->timed_out = TRUE;
	g_cancellable_cancel(op->cancellable);
	return G_SOURCE_REMOVE;
}

/* stopping a timer that has fired is harmless: its epoll no longer holds it */
static void
cblue_openai_epoll_timeout_cb(gpointer user_data)
{
	cblue_openai_timeout_cb(user_data);
}

static void
cblue_openai_timer_start(CblueOpenaiOp *op, CblueOpenaiTimer *timer, guint ms, GTask *task)
{
	CblueEpoll *epoll = cblue_epoll_get_thread_default();

	if (epoll != NULL && cblue_epoll_get_context(epoll) == op->context) {
		timer->epoll = epoll;
		cblue_epoll_timer_start(epoll, &timer->timer, ms, cblue_openai_epoll_timeout_cb, task);
		return;
	}
	timer->source = g_timeout_source_new(ms);
	g_source_set_callback(timer->source, cblue_openai_timeout_cb, task, NULL);
	g_source_attach(timer->source, op->context);
}

static void
cblue_openai_start(GTask *task)
{
	CblueModelOpenai *self = g_task_get_source_object(task);
	CblueOpenaiOp *op = g_task_get_task_data(task);
	const CblueOpenaiConfig *config = cblue_openai_client_get_config(self->client);

	if (op->parent != NULL && g_cancellable_is_cancelled(op->parent)) {
		cblue_openai_fail(task, CBLUE_OPENAI_FALLBACK_OTHER,
				  g_error_new_literal(G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled"));
		return;
	}
	if (!cblue_circuit_breaker_allow(self->breaker, g_get_monotonic_time())) {
		cblue_openai_fail(task, CBLUE_OPENAI_FALLBACK_CIRCUIT_OPEN,
				  g_error_new_literal(CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE,
						      _("The model is failing; its circuit breaker is open.")));
		return;
	}
	op->allowed = TRUE;
	op->start = g_get_monotonic_time();
	cblue_openai_timer_start(op, &op->total_timer, config->timeout_ms, task);
	if (op->streaming) {
		cblue_openai_timer_start(op, &op->first_token_timer, config->first_token_timeout_ms, task);
		cblue_openai_client_send_bytes_async(self->client, CBLUE_OPENAI_CHAT_PATH, op->body, op->cancellable,
						     cblue_openai_send_cb, task);
	} else {
		cblue_openai_client_post_json_bytes_async(self->client, CBLUE_OPENAI_CHAT_PATH, op->body,
							  op->cancellable, cblue_openai_json_cb, task);
	}
}

/* the request */

/* the entries to answer from: the bot's choice, then the other sources of the reply (the
 * bot lists its choice first and at most three): the reply's sources are exactly the
 * entries given */
static GPtrArray *
cblue_model_openai_pick_entries(CblueModelOpenai *self, CblueKb *kb, GPtrArray *hits, CblueChatReply *reply)
{
	GPtrArray *entries = g_ptr_array_new();
	GPtrArray *sources = cblue_chat_reply_get_sources(reply);
	GPtrArray *lists[] = {hits, sources};

	for (guint l = 0; l < G_N_ELEMENTS(lists); l++) {
		for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++) {
			CblueKbEntry *entry = cblue_kb_lookup(kb, cblue_hit_get_topic_id(g_ptr_array_index(lists[l], i)));
			if (entry != NULL && !g_ptr_array_find(entries, entry, NULL))
				g_ptr_array_add(entries, entry);
		}
	}
	return entries;
}

/* the last messages of the conversation, redacted (again: the store holds them redacted,
 * but a store written by an older version, or another process, may not have been) */
static GPtrArray *
cblue_model_openai_load_history(CblueModelOpenai *self, CblueMessage *message)
{
	GPtrArray *texts = g_ptr_array_new_with_free_func(g_free); /* role, text, role, text, … */
	const gchar *conversation_id = cblue_message_get_conversation_id(message);
	CblueStore *store;
	g_autoptr(JsonNode) node = NULL;
	g_autoptr(GPtrArray) redactors = NULL;
	g_autoptr(CblueRedactionPolicy) policy = NULL;
	g_autoptr(GError) error = NULL;
	JsonArray *array;

	if (self->history_messages == 0 || self->history_tokens == 0 || conversation_id == NULL ||
	    self->context == NULL)
		return texts;
	store = cblue_context_get_extension(self->context, CBLUE_TYPE_STORE);
	if (store == NULL)
		return texts;
	node = cblue_store_get_conversation(store, conversation_id, self->history_messages, &error);
	if (node == NULL || !JSON_NODE_HOLDS_ARRAY(node))
		return texts;
	redactors = cblue_context_get_extensions(self->context, CBLUE_TYPE_REDACTOR);
	policy = cblue_context_get_redaction_policy(self->context);
	array = json_node_get_array(node);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		JsonNode *item = json_array_get_element(array, i);
		JsonObject *object;
		const gchar *text;
		const gchar *role;
		if (!JSON_NODE_HOLDS_OBJECT(item))
			continue;
		object = json_node_get_object(item);
		text = cblue_openai_get_string(object, "text");
		role = cblue_openai_get_string(object, "role");
		if (text == NULL || role == NULL ||
		    g_strcmp0(cblue_openai_get_string(object, "message_id"), cblue_message_get_message_id(message)) == 0)
			continue;
		g_ptr_array_add(texts, g_strdup(role));
		g_ptr_array_add(texts, redactors->len > 0
					   ? cblue_redact_text_full(redactors, text, policy, conversation_id, NULL)
					   : g_strdup(text));
	}
	return texts;
}

/* a pool thread: the store may wait for a lock or a network round trip, the listener
 * thread must not (as for the server's own history reads) */
static void
cblue_model_openai_history_thread(GTask *task, gpointer source_object, gpointer task_data,
				  GCancellable *cancellable)
{
	GPtrArray *history = cblue_model_openai_load_history(CBLUE_MODEL_OPENAI(source_object), task_data);
	g_task_return_pointer(task, history, (GDestroyNotify)g_ptr_array_unref);
}

/* The request's JSON, written as text: the prompt is several kilobytes, and a JsonNode
 * tree of it (copied into the tree, walked to serialize, freed) cost more than writing it
 * once (callgrind, bench/llm-stream.py). The members in the order they always had. */
static GBytes *
cblue_model_openai_build_request(CblueModelOpenai *self, CblueOpenaiOp *op, GPtrArray *history)
{
	const CblueOpenaiConfig *config = cblue_openai_client_get_config(self->client);
	g_autoptr(GPtrArray) entries = cblue_model_openai_pick_entries(self, op->kb, op->hits, op->reply);
	g_autofree CblueOpenaiTurn *turns = g_new0(CblueOpenaiTurn, history->len / 2 + 1);
	const gchar *language = cblue_message_get_language(op->message);
	g_autoptr(GString) system = g_string_sized_new(2048);
	g_autoptr(GString) user = g_string_sized_new(8192);
	GString *body;

	for (guint i = 0; i + 1 < history->len; i += 2) {
		turns[i / 2].role = g_ptr_array_index(history, i);
		turns[i / 2].text = g_ptr_array_index(history, i + 1);
	}
	cblue_openai_prompts_assemble(self->prompts, language != NULL ? language : "en", NULL, entries, turns,
				      history->len / 2, self->history_tokens, cblue_message_get_text(op->message),
				      system, user);
	op->tokens_in = cblue_openai_estimate_tokens(system->str) + cblue_openai_estimate_tokens(user->str);

	/* the escaped prompt is a little longer than the prompt */
	body = g_string_sized_new(system->len + user->len + user->len / 16 + 512);
	g_string_append(body, "{\"model\":");
	cblue_json_append_string(body, config->model);
	g_string_append(body, ",\"messages\":[{\"role\":\"system\",\"content\":");
	cblue_json_append_string(body, system->str);
	g_string_append(body, "},{\"role\":\"user\",\"content\":");
	cblue_json_append_string(body, user->str);
	g_string_append(body, "}],\"temperature\":");
	g_string_append(body, self->temperature);
	g_string_append_printf(body, ",\"max_tokens\":%u,\"stream\":%s", config->max_tokens,
			       op->streaming ? "true" : "false");
	if (op->streaming && self->stream_usage)
		g_string_append(body, ",\"stream_options\":{\"include_usage\":true}");
	g_string_append_c(body, '}');
	return g_string_free_to_bytes(body);
}

/* the request is built: wait for a slot, then send; the task's own reference is dropped
 * when it returns */
static void
cblue_openai_prepared(GTask *task, GPtrArray *history)
{
	CblueModelOpenai *self = g_task_get_source_object(task);
	CblueOpenaiOp *op = g_task_get_task_data(task);
	g_autoptr(GPtrArray) none = NULL;

	if (history == NULL)
		history = none = g_ptr_array_new();
	op->body = cblue_model_openai_build_request(self, op, history);
	if (cblue_model_openai_acquire_slot(self, task))
		cblue_openai_start(task);
}

static void
cblue_openai_history_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	g_autoptr(GPtrArray) history = g_task_propagate_pointer(G_TASK(res), NULL);
	cblue_openai_prepared(G_TASK(user_data), history);
}

static void
cblue_openai_parent_cancelled_cb(GCancellable *parent, gpointer user_data)
{
	g_cancellable_cancel(G_CANCELLABLE(user_data));
}

static void
cblue_model_openai_generate_async(CblueModelProvider *provider, CblueMessage *message, CblueKb *kb, GPtrArray *hits,
				  CblueChatReply *reply, GCancellable *cancellable, GAsyncReadyCallback callback,
				  gpointer user_data)
{
	CblueModelOpenai *self = CBLUE_MODEL_OPENAI(provider);
	GTask *task = g_task_new(self, cancellable, callback, user_data);
	CblueOpenaiOp *op = g_new0(CblueOpenaiOp, 1);

	g_task_set_source_tag(task, cblue_model_openai_generate_async);
	op->message = g_object_ref(message);
	op->reply = g_object_ref(reply);
	op->text = g_string_new(NULL);
	op->context = g_main_context_ref_thread_default();
	op->cancellable = g_cancellable_new();
	op->streaming = self->stream;
	if (cancellable != NULL) {
		op->parent = g_object_ref(cancellable);
		op->parent_handler = g_cancellable_connect(cancellable, G_CALLBACK(cblue_openai_parent_cancelled_cb),
							   g_object_ref(op->cancellable), g_object_unref);
	}
	g_task_set_task_data(task, op, (GDestroyNotify)cblue_openai_op_free);
	/* unknown never comes here (the bot decides); an answer with nothing to answer from
	 * is a bug of the caller, answered extractively */
	if (hits == NULL || hits->len == 0) {
		cblue_openai_fail(task, CBLUE_OPENAI_FALLBACK_OTHER,
				  g_error_new_literal(CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "no topic to answer from"));
		return;
	}
	op->kb = g_object_ref(kb);
	op->hits = g_ptr_array_ref(hits);
	if (self->history_messages > 0 && self->history_tokens > 0 && self->context != NULL &&
	    cblue_context_get_extension(self->context, CBLUE_TYPE_STORE) != NULL) {
		g_autoptr(GTask) history_task = g_task_new(self, NULL, cblue_openai_history_cb, task);
		g_task_set_task_data(history_task, g_object_ref(message), g_object_unref);
		g_task_run_in_thread(history_task, cblue_model_openai_history_thread);
		return;
	}
	cblue_openai_prepared(task, NULL);
}

static gboolean
cblue_model_openai_generate_finish(CblueModelProvider *provider, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, provider), FALSE);
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_model_openai_iface_init(CblueModelProviderInterface *iface)
{
	iface->generate_async = cblue_model_openai_generate_async;
	iface->generate_finish = cblue_model_openai_generate_finish;
	iface->append_metrics = cblue_model_openai_append_metrics;
}
