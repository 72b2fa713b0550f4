/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"

G_BEGIN_DECLS

/*
 * The write queue of a store: record_exchange() copies the message and its reply into a
 * record and pushes it; the store's writer thread takes the records in batches (group
 * commit) up to a flush or stop marker, and writes each batch its own way. What is the
 * same in every store lives here: the record, the queue and its limits, the batching, the
 * flush and stop requests, and the losses a flush reports.
 */

typedef enum {
	CBLUE_STORE_ITEM_RECORD,
	CBLUE_STORE_ITEM_FLUSH,
	CBLUE_STORE_ITEM_STOP,
} CblueStoreItemKind;

typedef struct {
	CblueStoreItemKind kind;
	/* RECORD: copies of the message and its reply */
	gchar *conversation_id; /* owned */
	gchar *channel;		/* owned */
	gchar *message_id;	/* owned: the user message */
	gchar *reply_id;	/* owned: made when queued, so that a retry or replay writes the same row */
	gchar *text;		/* owned: the user text, already redacted */
	gchar *language;	/* owned, nullable */
	gchar *reply_text;	/* owned */
	gchar *reply_language;	/* owned, nullable */
	gchar *topic_id;	/* owned, nullable */
	CblueOutcome outcome;
	gboolean small_talk; /* unanswered, but not a question for the unanswered inbox */
	gdouble confidence;
	gchar *pii_types; /* owned, nullable: the types found, comma-separated, never values */
	gint64 duration_usec;
	gint64 received_usec; /* wall clock */
	gint64 replied_usec;  /* wall clock */
	/* the strings above live in the item's own allocation, after it (a record queued by
	 * cblue_store_queue_record()), not in allocations of their own */
	gboolean strings_inline;
	/* FLUSH */
	GAsyncQueue *flush_reply; /* owned, nullable: gets one answer, see cblue_store_queue_answer_flush() */
	gint64 flush_deadline;	  /* monotonic */
	/* STOP */
	GTask *task; /* owned, nullable */
} CblueStoreItem;

CblueStoreItem *cblue_store_item_new(CblueStoreItemKind kind);
void cblue_store_item_free(CblueStoreItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueStoreItem, cblue_store_item_free)

/* the outcome named @name (cblue_outcome_to_string()), FALSE if none is */
gboolean cblue_store_outcome_from_string(const gchar *name, CblueOutcome *outcome);

typedef struct {
	guint batch_max;	   /* records per batch at the most */
	gint64 group_commit_usec;  /* the longest a record waits for others to share its batch */
	gint64 group_idle_usec;	   /* a pause in arrivals that ends the wait early; 0: none */
	guint max_pending;	   /* records waiting before new ones are refused */
	gboolean increasing_times; /* the times of this process never tie nor go back */
} CblueStoreQueueConfig;

typedef struct _CblueStoreQueue CblueStoreQueue;

CblueStoreQueue *cblue_store_queue_new(const CblueStoreQueueConfig *config);
void cblue_store_queue_free(CblueStoreQueue *self);

/* from any thread */
void cblue_store_queue_record(CblueStoreQueue *self, CblueMessage *message, CblueChatReply *reply);
/* waits until the writer answered a flush marker (or @timeout_usec passed, if the writer
 * watches flush_deadline); once the queue is closed, calls @join (the writer thread ends
 * after writing what was queued) and reports the losses instead */
gboolean cblue_store_queue_flush(CblueStoreQueue *self, gint64 timeout_usec, GFunc join, gpointer join_data,
				 GError **error);
/* closes the queue and queues a STOP marker carrying @task; %FALSE if closed already */
gboolean cblue_store_queue_stop(CblueStoreQueue *self, GTask *task);
gboolean cblue_store_queue_is_stopping(CblueStoreQueue *self);

/* from the writer thread (or once it was joined) */

/* the next batch of records, of CblueStoreItem, up to a flush or stop marker returned in
 * @marker; waits up to @wait_usec (-1: forever) for the first item */
GPtrArray *cblue_store_queue_next_batch(CblueStoreQueue *self, gint64 wait_usec, CblueStoreItem **marker);
/* remembers that @n records were not written; the next flush reports it */
void cblue_store_queue_lose(CblueStoreQueue *self, guint n, const GError *error);
/* the losses since the last flush, then the @refused records, as an error */
gboolean cblue_store_queue_take_losses(CblueStoreQueue *self, guint64 refused, GError **error);
/* answers a flush marker with @error, or else with the losses */
void cblue_store_queue_answer_flush(CblueStoreQueue *self, CblueStoreItem *flush, const GError *error);
/* after a failed start: closes the queue, counts the queued records lost for @error,
 * answers the flushes and hands each STOP marker to @answer_stop */
void cblue_store_queue_drain(CblueStoreQueue *self, const GError *error, GFunc answer_stop, gpointer data);

/* returns @task in its own context, never in the calling (writer) thread: its last reference
 * may finalize the store, which joins the writer thread; @value (freed with @value_free) or
 * %TRUE, or @error */
void cblue_store_complete(GTask *task, gpointer value, GDestroyNotify value_free, GError *error,
			  const gchar *source_name);

G_END_DECLS
