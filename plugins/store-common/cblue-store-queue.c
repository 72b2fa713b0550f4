/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cblue-store-queue.h"

struct _CblueStoreQueue {
	CblueStoreQueueConfig config;
	GAsyncQueue *queue; /* owned, of CblueStoreItem */
	gboolean closed;    /* protected by the queue lock: nothing more is accepted */
	guint64 refused;    /* protected by the queue lock: records refused since the last flush */
	gint64 last_usec;   /* protected by the queue lock: the latest time given to a record */
	gint stopping;	    /* atomic: a stop was requested */
	/* the writer thread's, or anyone's once it was joined */
	GError *lost_error; /* owned, nullable: why records were lost since the last flush */
	guint64 lost;	    /* records lost since the last flush */
};

/* what the writer answers a flush with */
typedef struct {
	GError *error; /* owned, nullable */
} CblueStoreFlushResult;

static void
cblue_store_flush_result_free(CblueStoreFlushResult *result)
{
	g_clear_error(&result->error);
	g_free(result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueStoreFlushResult, cblue_store_flush_result_free)

CblueStoreItem *
cblue_store_item_new(CblueStoreItemKind kind)
{
	CblueStoreItem *item = g_new0(CblueStoreItem, 1);
	item->kind = kind;
	return item;
}

void
cblue_store_item_free(CblueStoreItem *item)
{
	if (item->strings_inline)
		goto strings_freed;
	g_free(item->conversation_id);
	g_free(item->channel);
	g_free(item->message_id);
	g_free(item->reply_id);
	g_free(item->text);
	g_free(item->language);
	g_free(item->reply_text);
	g_free(item->reply_language);
	g_free(item->topic_id);
	g_free(item->pii_types);
strings_freed:
	if (item->flush_reply != NULL)
		g_async_queue_unref(item->flush_reply);
	g_clear_object(&item->task);
	g_free(item);
}

gboolean
cblue_store_outcome_from_string(const gchar *name, CblueOutcome *outcome)
{
	static const CblueOutcome outcomes[] = {CBLUE_OUTCOME_ANSWERED, CBLUE_OUTCOME_CLARIFY,
						CBLUE_OUTCOME_UNANSWERED};

	for (guint i = 0; name != NULL && i < G_N_ELEMENTS(outcomes); i++) {
		if (g_str_equal(name, cblue_outcome_to_string(outcomes[i]))) {
			*outcome = outcomes[i];
			return TRUE;
		}
	}
	return FALSE;
}

CblueStoreQueue *
cblue_store_queue_new(const CblueStoreQueueConfig *config)
{
	CblueStoreQueue *self = g_new0(CblueStoreQueue, 1);

	self->config = *config;
	self->queue = g_async_queue_new_full((GDestroyNotify)cblue_store_item_free);
	return self;
}

/* the writer thread must have been joined (or never started) */
void
cblue_store_queue_free(CblueStoreQueue *self)
{
	g_async_queue_unref(self->queue);
	g_clear_error(&self->lost_error);
	g_free(self);
}

/* the strings of a record, copied into the item's own allocation */
enum {
	CBLUE_STORE_STR_CONVERSATION_ID,
	CBLUE_STORE_STR_CHANNEL,
	CBLUE_STORE_STR_MESSAGE_ID,
	CBLUE_STORE_STR_REPLY_ID,
	CBLUE_STORE_STR_TEXT,
	CBLUE_STORE_STR_LANGUAGE,
	CBLUE_STORE_STR_REPLY_TEXT,
	CBLUE_STORE_STR_REPLY_LANGUAGE,
	CBLUE_STORE_STR_TOPIC_ID,
	CBLUE_STORE_STR_PII_TYPES,
	CBLUE_STORE_N_STR,
};

/*
 * The record of an exchange, with copies of everything it needs. The item and its ten
 * strings are one allocation: the writer thread frees every record, and each block it
 * frees belongs to the arena of the thread that queued it (a lock and cold cache lines
 * per block), so one block per record instead of eleven.
 */
static CblueStoreItem *
cblue_store_item_new_record(CblueMessage *message, CblueChatReply *reply)
{
	const gchar *conversation_id = cblue_message_get_conversation_id(message);
	const gchar *const *pii_types = cblue_chat_reply_get_pii_types(reply);
	gint64 now = g_get_real_time();
	gint64 received = cblue_message_get_received_usec(message);
	g_autofree gchar *random_conversation_id = NULL;
	g_autofree gchar *reply_id = cblue_message_new_id();
	g_autofree gchar *joined_pii_types = NULL;
	const gchar *strings[CBLUE_STORE_N_STR];
	gsize lengths[CBLUE_STORE_N_STR];
	gchar **fields[CBLUE_STORE_N_STR];
	CblueStoreItem *item;
	gsize size = sizeof(CblueStoreItem);
	gchar *p;

	if (conversation_id == NULL)
		conversation_id = cblue_chat_reply_get_conversation_id(reply);
	if (conversation_id == NULL)
		conversation_id = random_conversation_id = g_uuid_string_random();
	/* a reply that says something was redacted without saying what (a redactor of an
	 * older kind) is still marked */
	if (pii_types != NULL && pii_types[0] != NULL)
		joined_pii_types = g_strjoinv(",", (gchar **)pii_types);
	strings[CBLUE_STORE_STR_CONVERSATION_ID] = conversation_id;
	strings[CBLUE_STORE_STR_CHANNEL] = cblue_message_get_channel(message);
	strings[CBLUE_STORE_STR_MESSAGE_ID] = cblue_message_get_message_id(message);
	strings[CBLUE_STORE_STR_REPLY_ID] = reply_id;
	strings[CBLUE_STORE_STR_TEXT] = cblue_message_get_text(message);
	strings[CBLUE_STORE_STR_LANGUAGE] = cblue_message_get_language(message);
	strings[CBLUE_STORE_STR_REPLY_TEXT] = cblue_chat_reply_get_text(reply);
	strings[CBLUE_STORE_STR_REPLY_LANGUAGE] = cblue_chat_reply_get_language(reply);
	strings[CBLUE_STORE_STR_TOPIC_ID] = cblue_chat_reply_get_topic_id(reply);
	strings[CBLUE_STORE_STR_PII_TYPES] =
	    joined_pii_types != NULL ? joined_pii_types : cblue_chat_reply_get_pii_redacted(reply) ? "redacted" : NULL;
	for (guint i = 0; i < CBLUE_STORE_N_STR; i++) {
		lengths[i] = strings[i] != NULL ? strlen(strings[i]) + 1 : 0;
		size += lengths[i];
	}

	item = g_malloc(size);
	memset(item, 0, sizeof(CblueStoreItem));
	item->kind = CBLUE_STORE_ITEM_RECORD;
	item->strings_inline = TRUE;
	fields[CBLUE_STORE_STR_CONVERSATION_ID] = &item->conversation_id;
	fields[CBLUE_STORE_STR_CHANNEL] = &item->channel;
	fields[CBLUE_STORE_STR_MESSAGE_ID] = &item->message_id;
	fields[CBLUE_STORE_STR_REPLY_ID] = &item->reply_id;
	fields[CBLUE_STORE_STR_TEXT] = &item->text;
	fields[CBLUE_STORE_STR_LANGUAGE] = &item->language;
	fields[CBLUE_STORE_STR_REPLY_TEXT] = &item->reply_text;
	fields[CBLUE_STORE_STR_REPLY_LANGUAGE] = &item->reply_language;
	fields[CBLUE_STORE_STR_TOPIC_ID] = &item->topic_id;
	fields[CBLUE_STORE_STR_PII_TYPES] = &item->pii_types;
	p = (gchar *)(item + 1);
	for (guint i = 0; i < CBLUE_STORE_N_STR; i++) {
		if (strings[i] == NULL)
			continue;
		memcpy(p, strings[i], lengths[i]);
		*fields[i] = p;
		p += lengths[i];
	}
	item->outcome = cblue_chat_reply_get_outcome(reply);
	item->small_talk = cblue_chat_reply_get_small_talk(reply);
	item->confidence = cblue_chat_reply_get_confidence(reply);
	item->duration_usec = MAX(cblue_chat_reply_get_duration_usec(reply), 0);
	item->replied_usec = now;
	/* the message holds a monotonic time; turn it into a wall-clock one */
	item->received_usec = received > 0 ? now - MAX(g_get_monotonic_time() - received, 0) : now;
	return item;
}

void
cblue_store_queue_record(CblueStoreQueue *self, CblueMessage *message, CblueChatReply *reply)
{
	g_autoptr(CblueStoreItem) item = cblue_store_item_new_record(message, reply);
	gboolean closed;
	gboolean full = FALSE;

	g_async_queue_lock(self->queue);
	if (self->config.increasing_times) {
		/* for a database without an insertion order to fall back on: conversations are
		 * read in time order, so the times never tie nor go back, by a microsecond if
		 * need be (the wall clock and the monotonic one are read apart) */
		item->received_usec = MAX(item->received_usec, self->last_usec + 1);
		item->replied_usec = MAX(item->replied_usec, item->received_usec + 1);
		self->last_usec = item->replied_usec;
	}
	closed = self->closed;
	if (!closed) {
		full = g_async_queue_length_unlocked(self->queue) >= (gint)self->config.max_pending;
		if (full)
			self->refused++;
		else
			g_async_queue_push_unlocked(self->queue, g_steal_pointer(&item));
	}
	g_async_queue_unlock(self->queue);
	if (closed)
		g_warning("the store is closed; an exchange was not recorded");
	else if (full)
		g_warning("the store cannot keep up; an exchange was not recorded");
}

/* records refused because the queue was full, as an error */
static gboolean
cblue_store_queue_check_refused(guint64 refused, GError **error)
{
	if (refused > 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_BUSY,
			    _("%u exchanges were not recorded: the write queue was full"), (guint)MIN(refused, G_MAXUINT));
		return FALSE;
	}
	return TRUE;
}

gboolean
cblue_store_queue_flush(CblueStoreQueue *self, gint64 timeout_usec, GFunc join, gpointer join_data, GError **error)
{
	g_autoptr(GAsyncQueue) reply = g_async_queue_new_full((GDestroyNotify)cblue_store_flush_result_free);
	g_autoptr(CblueStoreFlushResult) result = NULL;
	CblueStoreItem *item;
	guint64 refused;

	g_async_queue_lock(self->queue);
	refused = self->refused;
	self->refused = 0;
	if (self->closed) {
		g_async_queue_unlock(self->queue);
		/* the thread writes everything queued before it ends; once it is joined, its
		 * counters are ours to read (@join keeps concurrent flushes apart) */
		join(join_data, NULL);
		return cblue_store_queue_take_losses(self, refused, error);
	}
	item = cblue_store_item_new(CBLUE_STORE_ITEM_FLUSH);
	item->flush_reply = g_async_queue_ref(reply);
	item->flush_deadline = g_get_monotonic_time() + timeout_usec;
	g_async_queue_push_unlocked(self->queue, item);
	g_async_queue_unlock(self->queue);

	/* the writer answers once everything queued before the marker is written */
	result = g_async_queue_pop(reply);
	if (result->error != NULL) {
		g_propagate_error(error, g_steal_pointer(&result->error));
		return FALSE;
	}
	return cblue_store_queue_check_refused(refused, error);
}

gboolean
cblue_store_queue_stop(CblueStoreQueue *self, GTask *task)
{
	CblueStoreItem *item;

	/* under the queue lock, so that no record can be pushed after the STOP item and sit
	 * there unwritten */
	g_async_queue_lock(self->queue);
	if (self->closed) {
		g_async_queue_unlock(self->queue);
		return FALSE;
	}
	self->closed = TRUE;
	g_atomic_int_set(&self->stopping, TRUE);
	item = cblue_store_item_new(CBLUE_STORE_ITEM_STOP);
	item->task = task != NULL ? g_object_ref(task) : NULL;
	g_async_queue_push_unlocked(self->queue, item);
	g_async_queue_unlock(self->queue);
	return TRUE;
}

gboolean
cblue_store_queue_is_stopping(CblueStoreQueue *self)
{
	return g_atomic_int_get(&self->stopping);
}

GPtrArray *
cblue_store_queue_next_batch(CblueStoreQueue *self, gint64 wait_usec, CblueStoreItem **marker)
{
	GPtrArray *batch = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_store_item_free);
	const CblueStoreQueueConfig *config = &self->config;
	CblueStoreItem *item = wait_usec < 0 ? g_async_queue_pop(self->queue)
					     : g_async_queue_timeout_pop(self->queue, (guint64)MAX(wait_usec, 1000));
	gint64 deadline = g_get_monotonic_time() + config->group_commit_usec;
	gint64 last_arrival = g_get_monotonic_time();
	/* a short nap when a pause in arrivals ends the wait, so as to see the pause */
	gint64 nap = config->group_idle_usec > 0 ? config->group_idle_usec / 4 : 5 * G_TIME_SPAN_MILLISECOND;

	/* group commit, while records keep coming: a busy server writes a few large batches
	 * instead of many small ones; an idle one (with group_idle_usec) writes each record
	 * within a couple of milliseconds, so that a conversation read right after its reply
	 * usually finds it (a read is still not guaranteed to see a record queued a moment
	 * ago: see cblue_store_flush()) */
	while (item != NULL) {
		gint64 now;
		if (item->kind != CBLUE_STORE_ITEM_RECORD) {
			*marker = item;
			break;
		}
		g_ptr_array_add(batch, item);
		if (batch->len >= config->batch_max)
			break;
		/* sleep rather than wait on the queue: a thread waiting on it is woken by every
		 * push (a futex call and a context switch per message on a busy server) */
		item = g_async_queue_try_pop(self->queue);
		while (item == NULL && (now = g_get_monotonic_time()) < deadline &&
		       (config->group_idle_usec == 0 || now - last_arrival < config->group_idle_usec)) {
			g_usleep((gulong)MIN(deadline - now, nap));
			item = g_async_queue_try_pop(self->queue);
		}
		last_arrival = g_get_monotonic_time();
	}
	return batch;
}

void
cblue_store_queue_lose(CblueStoreQueue *self, guint n, const GError *error)
{
	g_warning("%u exchange(s) could not be recorded: %s", n, error->message);
	self->lost += n;
	if (self->lost_error == NULL)
		self->lost_error = g_error_copy(error);
}

gboolean
cblue_store_queue_take_losses(CblueStoreQueue *self, guint64 refused, GError **error)
{
	g_autoptr(GError) lost_error = g_steal_pointer(&self->lost_error);
	guint64 lost = self->lost;

	self->lost = 0;
	if (lost > 0) {
		g_set_error(error, CBLUE_ERROR, lost_error->code, _("%u exchanges could not be recorded: %s"),
			    (guint)MIN(lost, G_MAXUINT), lost_error->message);
		return FALSE;
	}
	return cblue_store_queue_check_refused(refused, error);
}

void
cblue_store_queue_answer_flush(CblueStoreQueue *self, CblueStoreItem *flush, const GError *error)
{
	CblueStoreFlushResult *result = g_new0(CblueStoreFlushResult, 1);

	if (error != NULL)
		result->error = g_error_copy(error);
	else
		cblue_store_queue_take_losses(self, 0, &result->error);
	g_async_queue_push(flush->flush_reply, result);
}

void
cblue_store_queue_drain(CblueStoreQueue *self, const GError *error, GFunc answer_stop, gpointer data)
{
	CblueStoreItem *item;

	g_async_queue_lock(self->queue);
	self->closed = TRUE;
	while ((item = g_async_queue_try_pop_unlocked(self->queue)) != NULL) {
		g_autoptr(CblueStoreItem) owned = item;
		if (owned->kind == CBLUE_STORE_ITEM_RECORD) {
			self->lost++;
			if (self->lost_error == NULL)
				self->lost_error = g_error_copy(error);
		} else if (owned->kind == CBLUE_STORE_ITEM_FLUSH) {
			cblue_store_queue_answer_flush(self, owned, NULL);
		} else {
			answer_stop(owned, data);
		}
	}
	g_async_queue_unlock(self->queue);
}

/* completions: an idle source releases its data where it is dispatched (whereas
 * g_main_context_invoke() runs the function at once in the calling thread when that
 * thread can acquire the context) */

typedef struct {
	GTask *task;		   /* owned */
	gpointer value;		   /* owned, nullable */
	GDestroyNotify value_free; /* nullable */
	GError *error;		   /* owned, nullable */
} CblueStoreCompletion;

static void
cblue_store_completion_free(gpointer data)
{
	CblueStoreCompletion *completion = data;
	g_clear_object(&completion->task);
	if (completion->value != NULL && completion->value_free != NULL)
		completion->value_free(completion->value);
	g_clear_error(&completion->error);
	g_free(completion);
}

static gboolean
cblue_store_completion_dispatch(gpointer data)
{
	CblueStoreCompletion *completion = data;
	if (completion->error != NULL)
		g_task_return_error(completion->task, g_steal_pointer(&completion->error));
	else if (completion->value != NULL)
		g_task_return_pointer(completion->task, g_steal_pointer(&completion->value), completion->value_free);
	else
		g_task_return_boolean(completion->task, TRUE);
	return G_SOURCE_REMOVE;
}

void
cblue_store_complete(GTask *task, gpointer value, GDestroyNotify value_free, GError *error,
		     const gchar *source_name)
{
	CblueStoreCompletion *completion = g_new0(CblueStoreCompletion, 1);
	g_autoptr(GSource) source = g_idle_source_new();

	completion->task = task;
	completion->value = value;
	completion->value_free = value_free;
	completion->error = error;
	g_source_set_priority(source, G_PRIORITY_DEFAULT);
	g_source_set_callback(source, cblue_store_completion_dispatch, completion, cblue_store_completion_free);
	g_source_set_name(source, source_name);
	g_source_attach(source, g_task_get_context(task));
}
