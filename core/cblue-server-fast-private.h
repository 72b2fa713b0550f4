/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "cblue-server-metrics-private.h"

G_BEGIN_DECLS

/*
 * The fast path of CblueServer (docs/server.md, "The fast path"): a listener thread
 * accepts its connections itself, on one epoll descriptor, and serves the hot request,
 * `POST /api/v1/chat` with a Content-Length body, without libsoup, and, for the native
 * WebSocket connection, the handshake of `GET /api/v1/chat/ws`. Any other request (and
 * anything the parser does not fully understand) hands its connection, with the bytes
 * already read replayed first, to the thread's SoupServer for good.
 *
 * The server's own logic (early checks, the chat pipeline, metrics) is not here: it is
 * called through CblueFastHooks, with the same code as the libsoup path.
 */

typedef struct _CblueFastListener CblueFastListener;
typedef struct _CblueFastRequest CblueFastRequest;
/* the listeners of one server: a connection accepted by a thread that serves more than
 * the others goes to the one that serves the fewest */
typedef struct _CblueFastGroup CblueFastGroup;

typedef struct {
	/* the head is read: may answer (cblue_fast_request_respond()) before the body is read */
	void (*early)(CblueFastRequest *req, gpointer user_data);
	/* the body is read too, and the request not answered yet */
	void (*handle)(CblueFastRequest *req, gpointer user_data);
	/* the response was written with @status, or 499: the client went away first */
	void (*finished)(CblueFastRequest *req, guint status, gpointer user_data);
	/* a WebSocket handshake passed the early checks (with CblueFastLimits.websocket): it
	 * is answered, or its 101 is written (cblue_fast_request_switch_protocols()) */
	void (*upgrade)(CblueFastRequest *req, gpointer user_data);
	/* the 101 is written: @stream (its input first replays the bytes read past the
	 * handshake) and its @socket are the server's from now on, and so is @data; the
	 * connection still counts in active_connections */
	void (*upgraded)(CblueFastRequest *req, GIOStream *stream, GSocket *socket, gpointer data,
			 gpointer user_data);
} CblueFastHooks;

typedef struct {
	gsize max_body;
	guint request_timeout;	     /* s to send a whole request */
	guint idle_timeout;	     /* s a kept-alive connection may stay silent */
	CblueServerMetrics *metrics; /* unowned: active_connections */
	gint *requests_open;	     /* unowned, atomic: requests being read or answered */
	CblueFastGroup *group;	     /* nullable: the listener joins it (and takes a reference) */
	gboolean websocket;	     /* WebSocket handshakes are the server's (hooks.upgrade) */
} CblueFastLimits;

CblueFastGroup *cblue_fast_group_new(void);
CblueFastGroup *cblue_fast_group_ref(CblueFastGroup *group);
void cblue_fast_group_unref(CblueFastGroup *group);

CblueFastListener *cblue_fast_listener_new(GMainContext *context, GSocket *listen_socket, SoupServer *soup,
					   const CblueFastLimits *limits, const CblueFastHooks *hooks,
					   gpointer user_data, GError **error);
void cblue_fast_listener_free(CblueFastListener *self);

const gchar *cblue_fast_request_get_method(CblueFastRequest *req);
const gchar *cblue_fast_request_get_path(CblueFastRequest *req);
const gchar *cblue_fast_request_get_peer(CblueFastRequest *req);
SoupMessageHeaders *cblue_fast_request_get_request_headers(CblueFastRequest *req);
void cblue_fast_request_set_header(CblueFastRequest *req, const gchar *name, const gchar *value, gboolean append);
GBytes *cblue_fast_request_get_body(CblueFastRequest *req);
gint64 cblue_fast_request_get_start_time(CblueFastRequest *req);
GCancellable *cblue_fast_request_get_cancellable(CblueFastRequest *req);
void cblue_fast_request_set_data(CblueFastRequest *req, gpointer data, GDestroyNotify destroy);
gpointer cblue_fast_request_get_data(CblueFastRequest *req);
void cblue_fast_request_respond(CblueFastRequest *req, guint status, const gchar *json);
void cblue_fast_request_switch_protocols(CblueFastRequest *req, gpointer data, GDestroyNotify destroy);
CblueFastRequest *cblue_fast_request_ref(CblueFastRequest *req);
void cblue_fast_request_unref(CblueFastRequest *req);

GSocket *cblue_fast_message_get_socket(SoupServerMessage *msg);

/* the stream handed to libsoup: the bytes already read, then the socket's */
GInputStream *cblue_server_fast_replay_new(GIOStream *connection, GBytes *replay);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueFastRequest, cblue_fast_request_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueFastGroup, cblue_fast_group_unref)

G_END_DECLS
