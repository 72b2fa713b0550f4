/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue-retriever.h"

G_BEGIN_DECLS

/*
 * A synchronous search that hands each hit over as it is found, PRIVATE and UNSTABLE:
 * exported for the retrievers of this source tree only, it may change in any release.
 *
 * The bot reads most of a message's hits only to fuse them (a number each), and a
 * CblueHit costs about 3k instructions to create and destroy (GLib's g_object_unref()
 * above all), a third of the bot's own work per message. A retriever that implements
 * this search gives the bot its hits without an object each; it must give exactly the
 * hits of its [method@Retriever.search], in the same order.
 */

/* exported for the plugins of this tree; not a public API */
#define CBLUE_RETRIEVER_PRIVATE_EXTERN _CBLUE_EXTERN

/* one hit, best first; @topic_id is valid during the call only */
typedef void (*CblueRetrieverHitFunc)(const gchar *topic_id, gdouble score, gdouble confidence,
				      gpointer user_data);

typedef gboolean (*CblueRetrieverSearchEachFunc)(CblueRetriever *self, CblueMessage *message, guint max_hits,
						 CblueRetrieverHitFunc func, gpointer user_data, GError **error);

/* called from the implementation's interface init (@iface is the one being initialized) */
CBLUE_RETRIEVER_PRIVATE_EXTERN
void cblue_retriever_implement_search_each(CblueRetrieverInterface *iface, CblueRetrieverSearchEachFunc search_each);

/* the implementation's, or NULL: then only [method@Retriever.search] */
CBLUE_RETRIEVER_PRIVATE_EXTERN
CblueRetrieverSearchEachFunc cblue_retriever_get_search_each(CblueRetriever *self);

G_END_DECLS
