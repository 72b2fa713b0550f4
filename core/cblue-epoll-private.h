/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

#include "cblue-version-macros.h"

G_BEGIN_DECLS

/* exported for the plugins of this tree (openai-common); not a public API */
#define CBLUE_EPOLL_EXTERN _CBLUE_EXTERN

/*
 * A per-thread epoll dispatcher (docs/server.md, "WebSocket threads"), PRIVATE and
 * UNSTABLE: exported for the plugins of this source tree only, it may change in any release.
 *
 * One GSource of a GMainContext wraps one epoll descriptor: GLib polls that single
 * descriptor however many sockets are registered, and each iteration costs what is ready,
 * not what is open. Descriptors are level-triggered. Timers are cheap: every distinct delay
 * has its own first-in first-out lane (a timer started later with the same delay fires
 * later), so starting and stopping one is O(1) and the source's ready time is the earliest
 * head of a few lanes.
 *
 * Fairness: in one dispatch the urgent watches' events go first, then at most a few
 * others and a few timers; the rest stay ready (level-triggered descriptors, due timers)
 * for the next dispatch, after GLib's next poll. A thousand conversations that start at
 * once each run their pipeline from such a callback; the tokens of the streams already
 * running do not wait for all of them.
 *
 * Everything here is used from the thread that runs the context only.
 */

typedef struct _CblueEpoll CblueEpoll;

/* @events: the EPOLL* bits that are ready */
typedef void (*CblueEpollFunc)(guint32 events, gpointer user_data);
typedef void (*CblueEpollTimerFunc)(gpointer user_data);

/* embedded in its owner; zero-initialized before first use */
typedef struct {
	CblueEpollFunc func;
	gpointer user_data;
	gint fd; /* while registered */
	guint32 events;
	gboolean registered;
	/* set before cblue_epoll_watch_add(): its events are dispatched before the others of
	 * the same wake-up, and never held back (a provider stream's tokens, which should not
	 * wait behind new conversations' pipelines) */
	gboolean urgent;
} CblueEpollWatch;

/* embedded in its owner; zero-initialized before first use */
typedef struct {
	GList link; /* in its lane */
	gpointer lane;
	gint64 deadline; /* monotonic µs */
	CblueEpollTimerFunc func;
	gpointer user_data;
} CblueEpollTimer;

CBLUE_EPOLL_EXTERN
CblueEpoll *cblue_epoll_new(GMainContext *context);
CBLUE_EPOLL_EXTERN
void cblue_epoll_free(CblueEpoll *epoll);
CBLUE_EPOLL_EXTERN
GMainContext *cblue_epoll_get_context(CblueEpoll *epoll);

/* the dispatcher of the calling thread's loop, set by the thread that runs it */
CBLUE_EPOLL_EXTERN
CblueEpoll *cblue_epoll_get_thread_default(void);
CBLUE_EPOLL_EXTERN
void cblue_epoll_set_thread_default(CblueEpoll *epoll);

CBLUE_EPOLL_EXTERN
gboolean cblue_epoll_watch_add(CblueEpoll *epoll, CblueEpollWatch *watch, gint fd, guint32 events,
			       CblueEpollFunc func, gpointer user_data);
CBLUE_EPOLL_EXTERN
void cblue_epoll_watch_modify(CblueEpoll *epoll, CblueEpollWatch *watch, guint32 events);
CBLUE_EPOLL_EXTERN
void cblue_epoll_watch_remove(CblueEpoll *epoll, CblueEpollWatch *watch);

/* (re)starts @timer: @func runs once, @delay_ms from now */
CBLUE_EPOLL_EXTERN
void cblue_epoll_timer_start(CblueEpoll *epoll, CblueEpollTimer *timer, guint delay_ms, CblueEpollTimerFunc func,
			     gpointer user_data);
CBLUE_EPOLL_EXTERN
void cblue_epoll_timer_stop(CblueEpoll *epoll, CblueEpollTimer *timer);

/* a buffer of the thread for reading into, valid until the callback returns */
CBLUE_EPOLL_EXTERN
guint8 *cblue_epoll_scratch(CblueEpoll *epoll, gsize *size);

G_END_DECLS
