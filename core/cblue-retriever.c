/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-error.h"
#include "cblue-hit.h"
#include "cblue-retriever-private.h"
#include "cblue-retriever.h"

/**
 * CblueRetriever:
 *
 * The `retrieval` plugin kind: finds the KB topics that match a message. Every enabled
 * retriever is asked, and the bot fuses their hits.
 *
 * Since: 1.0
 */
G_DEFINE_INTERFACE(CblueRetriever, cblue_retriever, G_TYPE_OBJECT)

static void
cblue_retriever_default_init(CblueRetrieverInterface *iface)
{
}

static GQuark
cblue_retriever_search_each_quark(void)
{
	static gsize quark = 0;
	if (g_once_init_enter(&quark))
		g_once_init_leave(&quark, g_quark_from_static_string("cblue-retriever-search-each"));
	return (GQuark)quark;
}

/* kept with the implementing type: the interface's structure is public and has no room */
void
cblue_retriever_implement_search_each(CblueRetrieverInterface *iface, CblueRetrieverSearchEachFunc search_each)
{
	g_type_set_qdata(iface->g_iface.g_instance_type, cblue_retriever_search_each_quark(), search_each);
}

CblueRetrieverSearchEachFunc
cblue_retriever_get_search_each(CblueRetriever *self)
{
	return (CblueRetrieverSearchEachFunc)g_type_get_qdata(G_OBJECT_TYPE(self), cblue_retriever_search_each_quark());
}

/**
 * cblue_retriever_rebuild:
 * @self: a #CblueRetriever
 * @kb: the KB to index
 * @error: return location for a #GError
 *
 * Indexes a KB. Searches running meanwhile keep using the previous index.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_retriever_rebuild(CblueRetriever *self, CblueKb *kb, GError **error)
{
	CblueRetrieverInterface *iface;
	g_return_val_if_fail(CBLUE_IS_RETRIEVER(self), FALSE);
	g_return_val_if_fail(CBLUE_IS_KB(kb), FALSE);
	iface = CBLUE_RETRIEVER_GET_IFACE(self);
	if (iface->rebuild == NULL)
		return TRUE;
	return iface->rebuild(self, kb, error);
}

/**
 * cblue_retriever_has_sync_search:
 * @self: a #CblueRetriever
 *
 * Returns: %TRUE if [method@Retriever.search] can be called directly
 *
 * Since: 1.0
 */
gboolean
cblue_retriever_has_sync_search(CblueRetriever *self)
{
	g_return_val_if_fail(CBLUE_IS_RETRIEVER(self), FALSE);
	return CBLUE_RETRIEVER_GET_IFACE(self)->search != NULL;
}

/**
 * cblue_retriever_search:
 * @self: a #CblueRetriever
 * @message: the message, with its language set
 * @max_hits: the most hits wanted
 * @error: return location for a #GError
 *
 * Searches synchronously; only for retrievers with [method@Retriever.has_sync_search].
 *
 * Returns: (transfer container) (element-type CblueHit): hits, best first
 *
 * Since: 1.0
 */
GPtrArray *
cblue_retriever_search(CblueRetriever *self, CblueMessage *message, guint max_hits, GError **error)
{
	CblueRetrieverInterface *iface;
	g_return_val_if_fail(CBLUE_IS_RETRIEVER(self), NULL);
	g_return_val_if_fail(CBLUE_IS_MESSAGE(message), NULL);
	iface = CBLUE_RETRIEVER_GET_IFACE(self);
	if (iface->search == NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED, "retriever has no synchronous search");
		return NULL;
	}
	return iface->search(self, message, max_hits, error);
}

/**
 * cblue_retriever_search_async:
 * @self: a #CblueRetriever
 * @message: the message, with its language set
 * @max_hits: the most hits wanted
 * @cancellable: (nullable): a #GCancellable
 * @callback: the callback
 * @user_data: data for @callback
 *
 * Searches asynchronously. For a retriever with only a synchronous search, the search runs
 * in place (it is CPU-bound and short).
 *
 * Since: 1.0
 */
void
cblue_retriever_search_async(CblueRetriever *self, CblueMessage *message, guint max_hits,
			     GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
	CblueRetrieverInterface *iface;
	g_autoptr(GTask) task = NULL;
	g_autoptr(GError) error = NULL;
	GPtrArray *hits;

	g_return_if_fail(CBLUE_IS_RETRIEVER(self));
	g_return_if_fail(CBLUE_IS_MESSAGE(message));

	iface = CBLUE_RETRIEVER_GET_IFACE(self);
	if (iface->search_async != NULL) {
		iface->search_async(self, message, max_hits, cancellable, callback, user_data);
		return;
	}
	task = g_task_new(self, cancellable, callback, user_data);
	g_task_set_source_tag(task, cblue_retriever_search_async);
	hits = cblue_retriever_search(self, message, max_hits, &error);
	if (hits == NULL) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	g_task_return_pointer(task, hits, (GDestroyNotify)g_ptr_array_unref);
}

/**
 * cblue_retriever_search_finish:
 * @self: a #CblueRetriever
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes [method@Retriever.search_async].
 *
 * Returns: (transfer container) (element-type CblueHit): hits, best first
 *
 * Since: 1.0
 */
GPtrArray *
cblue_retriever_search_finish(CblueRetriever *self, GAsyncResult *result, GError **error)
{
	CblueRetrieverInterface *iface;
	g_return_val_if_fail(CBLUE_IS_RETRIEVER(self), NULL);
	iface = CBLUE_RETRIEVER_GET_IFACE(self);
	if (g_async_result_is_tagged(result, cblue_retriever_search_async))
		return g_task_propagate_pointer(G_TASK(result), error);
	return iface->search_finish(self, result, error);
}
