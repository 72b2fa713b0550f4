/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue-chat-reply.h"

G_BEGIN_DECLS

/* the routes of http_requests_total{route}: a fixed set, so that a scan of random URLs
 * cannot create series without bound */
typedef enum {
	CBLUE_ROUTE_CHAT,
	CBLUE_ROUTE_CHAT_WS,
	CBLUE_ROUTE_FEEDBACK,
	CBLUE_ROUTE_CONVERSATIONS,
	CBLUE_ROUTE_HEALTHZ,
	CBLUE_ROUTE_READYZ,
	CBLUE_ROUTE_METRICS,
	CBLUE_ROUTE_WIDGET,
	CBLUE_ROUTE_OTHER,
	CBLUE_ROUTE_LAST
} CblueRoute;

const gchar *cblue_route_to_string(CblueRoute route);
CblueRoute cblue_route_from_path(const gchar *path);

/* counters kept per listener thread (a shard each, so that threads do not contend) and
 * added up when /metrics is scraped; gauges are process-wide atomics */
typedef struct _CblueServerMetrics CblueServerMetrics;

CblueServerMetrics *cblue_server_metrics_new(guint n_shards);
void cblue_server_metrics_free(CblueServerMetrics *self);
void cblue_server_metrics_observe_request(CblueServerMetrics *self, guint shard, CblueRoute route, guint status,
					  gdouble seconds);
void cblue_server_metrics_observe_reply(CblueServerMetrics *self, guint shard, CblueChatReply *reply,
					gboolean new_conversation);
void cblue_server_metrics_add_active_connections(CblueServerMetrics *self, gint delta);
void cblue_server_metrics_add_websocket_connections(CblueServerMetrics *self, gint delta);
gint cblue_server_metrics_get_websocket_connections(CblueServerMetrics *self);
void cblue_server_metrics_count_websocket_slow_client_close(CblueServerMetrics *self);
gint cblue_server_metrics_get_active_connections(CblueServerMetrics *self);
void cblue_server_metrics_add_in_flight(CblueServerMetrics *self, gint delta);
gint cblue_server_metrics_get_in_flight(CblueServerMetrics *self);
gchar *cblue_server_metrics_render(CblueServerMetrics *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueServerMetrics, cblue_server_metrics_free)

G_END_DECLS
