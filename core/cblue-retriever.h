/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <gio/gio.h>

#include "cblue-kb.h"
#include "cblue-message.h"
#include "cblue-version-macros.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_RETRIEVER (cblue_retriever_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_INTERFACE(CblueRetriever, cblue_retriever, CBLUE, RETRIEVER, GObject)

/**
 * CblueRetrieverInterface:
 * @g_iface: the parent interface
 * @rebuild: index a (new) KB; called on load and on every publish, may be slow
 * @search: (nullable): search synchronously; thread-safe, for CPU-bound retrievers
 * @search_async: (nullable): search asynchronously, for retrievers doing I/O
 * @search_finish: (nullable): finish @search_async
 *
 * A retrieval backend: given a message, returns scored KB topics. Implement either
 * @search or the @search_async pair.
 *
 * Since: 1.0
 */
struct _CblueRetrieverInterface {
	GTypeInterface g_iface;

	gboolean (*rebuild)(CblueRetriever *self, CblueKb *kb, GError **error);
	GPtrArray *(*search)(CblueRetriever *self, CblueMessage *message, guint max_hits, GError **error);
	void (*search_async)(CblueRetriever *self, CblueMessage *message, guint max_hits,
			     GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
	GPtrArray *(*search_finish)(CblueRetriever *self, GAsyncResult *result, GError **error);
};

CBLUE_AVAILABLE_IN_1_0
gboolean cblue_retriever_rebuild(CblueRetriever *self, CblueKb *kb, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_retriever_has_sync_search(CblueRetriever *self);
CBLUE_AVAILABLE_IN_1_0
GPtrArray *cblue_retriever_search(CblueRetriever *self, CblueMessage *message, guint max_hits, GError **error);
CBLUE_AVAILABLE_IN_1_0
void cblue_retriever_search_async(CblueRetriever *self, CblueMessage *message, guint max_hits,
				  GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
CBLUE_AVAILABLE_IN_1_0
GPtrArray *cblue_retriever_search_finish(CblueRetriever *self, GAsyncResult *result, GError **error);

G_END_DECLS
