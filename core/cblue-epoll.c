/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <errno.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "cblue-epoll-private.h"

/*
 * The per-thread epoll dispatcher: see cblue-epoll-private.h.
 *
 * The events of one epoll_wait() are dispatched one by one, the urgent watches' first; a
 * watch removed by a callback is cleared from the batch, so that its owner may be freed at
 * once.
 *
 * The source may recurse (g_source_set_can_recurse()): GLib blocks a source that may not
 * while it dispatches it, which removes the source's descriptor from the context's poll
 * set and adds it back afterwards, and each of the two signals the context's wake-up
 * eventfd (GLib 2.74, g_main_context_add/remove_poll_unlocked()). That was two write()s
 * per dispatch, and a third main-loop iteration (a poll() and a read() that only
 * acknowledge the wake-up) for every wake-up of a streaming thread: per token, when each
 * token wakes the thread on its own. A nested iteration of the thread's context (none is
 * run today) would dispatch the source again; each dispatch has its batch on its stack,
 * and a removed watch is cleared from every batch in progress.
 */

#define CBLUE_EPOLL_BATCH   64
#define CBLUE_EPOLL_SCRATCH (64 * 1024)
/* per dispatch, besides the urgent events: a new conversation's message runs its whole
 * pipeline from its callback (about 0.3 ms), so a few of them at most before the provider
 * streams are read again (bench/llm-stream.py, the start of 1,000 conversations) */
#define CBLUE_EPOLL_MAX_OTHERS 4
#define CBLUE_EPOLL_MAX_TIMERS 4

typedef struct {
	guint delay_ms;
	GQueue timers; /* of CblueEpollTimer, by deadline (same delay: by start) */
} CblueEpollLane;

typedef struct {
	GSource source;
	CblueEpoll *epoll; /* unowned: owns the source */
} CblueEpollSource;

/* the events of one dispatch, on its stack */
typedef struct _CblueEpollBatch CblueEpollBatch;
struct _CblueEpollBatch {
	struct epoll_event events[CBLUE_EPOLL_BATCH];
	gint len;
	CblueEpollBatch *outer; /* unowned, nullable: the dispatch this one is nested in */
};

struct _CblueEpoll {
	gint fd;
	GSource *source; /* owned, attached */
	GPtrArray *lanes; /* owned, of CblueEpollLane (owned) */
	CblueEpollBatch *batch; /* unowned, nullable: the innermost dispatch in progress */
	guint8 *scratch; /* owned, CBLUE_EPOLL_SCRATCH */
};

static GPrivate cblue_epoll_thread_default;

static void
cblue_epoll_update_ready_time(CblueEpoll *epoll)
{
	gint64 ready = -1;

	for (guint i = 0; i < epoll->lanes->len; i++) {
		CblueEpollLane *lane = g_ptr_array_index(epoll->lanes, i);
		CblueEpollTimer *head = g_queue_peek_head(&lane->timers);
		if (head != NULL && (ready < 0 || head->deadline < ready))
			ready = head->deadline;
	}
	if (g_source_get_ready_time(epoll->source) != ready)
		g_source_set_ready_time(epoll->source, ready);
}

/* at most @max due timers; the others stay due, and the source ready */
static void
cblue_epoll_run_timers(CblueEpoll *epoll, guint max)
{
	gint64 now = g_get_monotonic_time();
	guint run = 0;

	for (guint i = 0; i < epoll->lanes->len && run < max; i++) {
		CblueEpollLane *lane = g_ptr_array_index(epoll->lanes, i);
		CblueEpollTimer *head;
		/* a timer started by a callback is at the tail with a later deadline */
		while (run < max && (head = g_queue_peek_head(&lane->timers)) != NULL && head->deadline <= now) {
			g_queue_unlink(&lane->timers, &head->link);
			head->lane = NULL;
			run++;
			head->func(head->user_data);
		}
	}
}

/* the batch's events of urgent (or other) watches, at most @max; an event dispatched is
 * cleared from the batch. Those left are reported again by the next epoll_wait(): the
 * descriptors are level-triggered. */
static void
cblue_epoll_dispatch_batch(CblueEpollBatch *batch, gboolean urgent, guint max)
{
	guint done = 0;

	for (gint i = 0; i < batch->len && done < max; i++) {
		struct epoll_event *event = &batch->events[i];
		CblueEpollWatch *watch = event->data.ptr;
		if (watch == NULL || watch->urgent != urgent)
			continue;
		event->data.ptr = NULL;
		done++;
		watch->func(event->events, watch->user_data);
	}
}

static gboolean
cblue_epoll_source_dispatch(GSource *source, GSourceFunc callback, gpointer user_data)
{
	CblueEpoll *epoll = ((CblueEpollSource *)source)->epoll;
	CblueEpollBatch batch;
	gint n = epoll_wait(epoll->fd, batch.events, CBLUE_EPOLL_BATCH, 0);

	batch.len = n > 0 ? n : 0;
	batch.outer = epoll->batch;
	epoll->batch = &batch;
	cblue_epoll_dispatch_batch(&batch, TRUE, G_MAXUINT);
	cblue_epoll_dispatch_batch(&batch, FALSE, CBLUE_EPOLL_MAX_OTHERS);
	epoll->batch = batch.outer;
	cblue_epoll_run_timers(epoll, CBLUE_EPOLL_MAX_TIMERS);
	cblue_epoll_update_ready_time(epoll);
	return G_SOURCE_CONTINUE;
}

static GSourceFuncs cblue_epoll_source_funcs = {
	.dispatch = cblue_epoll_source_dispatch,
};

CblueEpoll *
cblue_epoll_new(GMainContext *context)
{
	CblueEpoll *epoll = g_new0(CblueEpoll, 1);

	epoll->fd = epoll_create1(EPOLL_CLOEXEC);
	if (epoll->fd < 0)
		g_error("epoll_create1: %s", g_strerror(errno));
	epoll->lanes = g_ptr_array_new_with_free_func(g_free);
	epoll->scratch = g_malloc(CBLUE_EPOLL_SCRATCH);
	epoll->source = g_source_new(&cblue_epoll_source_funcs, sizeof(CblueEpollSource));
	((CblueEpollSource *)epoll->source)->epoll = epoll;
	g_source_set_static_name(epoll->source, "cblue-epoll");
	/* no block and unblock (two wake-up writes) around each dispatch: see the top */
	g_source_set_can_recurse(epoll->source, TRUE);
	g_source_add_unix_fd(epoll->source, epoll->fd, G_IO_IN);
	g_source_attach(epoll->source, context);
	return epoll;
}

void
cblue_epoll_free(CblueEpoll *epoll)
{
	if (epoll == NULL)
		return;
	g_source_destroy(epoll->source);
	g_source_unref(epoll->source);
	/* timers still queued belong to owners that are gone with their thread */
	for (guint i = 0; i < epoll->lanes->len; i++) {
		CblueEpollLane *lane = g_ptr_array_index(epoll->lanes, i);
		for (GList *l = lane->timers.head; l != NULL; l = l->next)
			((CblueEpollTimer *)l->data)->lane = NULL;
	}
	g_ptr_array_unref(epoll->lanes);
	close(epoll->fd);
	g_free(epoll->scratch);
	g_free(epoll);
}

GMainContext *
cblue_epoll_get_context(CblueEpoll *epoll)
{
	return g_source_get_context(epoll->source);
}

CblueEpoll *
cblue_epoll_get_thread_default(void)
{
	return g_private_get(&cblue_epoll_thread_default);
}

void
cblue_epoll_set_thread_default(CblueEpoll *epoll)
{
	g_private_set(&cblue_epoll_thread_default, epoll);
}

gboolean
cblue_epoll_watch_add(CblueEpoll *epoll, CblueEpollWatch *watch, gint fd, guint32 events, CblueEpollFunc func,
		      gpointer user_data)
{
	struct epoll_event event = {.events = events, .data.ptr = watch};

	g_return_val_if_fail(!watch->registered, FALSE);
	if (epoll_ctl(epoll->fd, EPOLL_CTL_ADD, fd, &event) < 0)
		return FALSE;
	watch->func = func;
	watch->user_data = user_data;
	watch->fd = fd;
	watch->events = events;
	watch->registered = TRUE;
	return TRUE;
}

void
cblue_epoll_watch_modify(CblueEpoll *epoll, CblueEpollWatch *watch, guint32 events)
{
	struct epoll_event event = {.events = events, .data.ptr = watch};

	if (!watch->registered || watch->events == events)
		return;
	if (epoll_ctl(epoll->fd, EPOLL_CTL_MOD, watch->fd, &event) == 0)
		watch->events = events;
}

void
cblue_epoll_watch_remove(CblueEpoll *epoll, CblueEpollWatch *watch)
{
	if (!watch->registered)
		return;
	/* fails harmlessly when the descriptor is closed already */
	epoll_ctl(epoll->fd, EPOLL_CTL_DEL, watch->fd, NULL);
	watch->registered = FALSE;
	for (CblueEpollBatch *batch = epoll->batch; batch != NULL; batch = batch->outer) {
		for (gint i = 0; i < batch->len; i++) {
			if (batch->events[i].data.ptr == watch)
				batch->events[i].data.ptr = NULL;
		}
	}
}

static CblueEpollLane *
cblue_epoll_lane(CblueEpoll *epoll, guint delay_ms)
{
	CblueEpollLane *lane;

	for (guint i = 0; i < epoll->lanes->len; i++) {
		lane = g_ptr_array_index(epoll->lanes, i);
		if (lane->delay_ms == delay_ms)
			return lane;
	}
	lane = g_new0(CblueEpollLane, 1);
	lane->delay_ms = delay_ms;
	g_queue_init(&lane->timers);
	g_ptr_array_add(epoll->lanes, lane);
	return lane;
}

void
cblue_epoll_timer_start(CblueEpoll *epoll, CblueEpollTimer *timer, guint delay_ms, CblueEpollTimerFunc func,
			gpointer user_data)
{
	CblueEpollLane *lane = cblue_epoll_lane(epoll, delay_ms);
	gboolean first;

	cblue_epoll_timer_stop(epoll, timer);
	timer->deadline = g_get_monotonic_time() + (gint64)delay_ms * 1000;
	timer->func = func;
	timer->user_data = user_data;
	timer->link.data = timer;
	timer->lane = lane;
	first = g_queue_is_empty(&lane->timers);
	g_queue_push_tail_link(&lane->timers, &timer->link);
	if (first)
		cblue_epoll_update_ready_time(epoll);
}

void
cblue_epoll_timer_stop(CblueEpoll *epoll, CblueEpollTimer *timer)
{
	CblueEpollLane *lane = timer->lane;
	gboolean was_head;

	if (lane == NULL)
		return;
	was_head = lane->timers.head == &timer->link;
	g_queue_unlink(&lane->timers, &timer->link);
	timer->lane = NULL;
	if (was_head)
		cblue_epoll_update_ready_time(epoll);
}

guint8 *
cblue_epoll_scratch(CblueEpoll *epoll, gsize *size)
{
	*size = CBLUE_EPOLL_SCRATCH;
	return epoll->scratch;
}
