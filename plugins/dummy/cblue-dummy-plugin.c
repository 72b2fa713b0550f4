/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cblue.h"

/* dummy: fakes of every plugin kind, see README.md */

#define CBLUE_DUMMY_PRIORITY (-100)

/* retriever + redactor + model in one object: fakes need no separation */
#define CBLUE_TYPE_DUMMY_PIPELINE (cblue_dummy_pipeline_get_type())
G_DECLARE_FINAL_TYPE(CblueDummyPipeline, cblue_dummy_pipeline, CBLUE, DUMMY_PIPELINE, GObject)

struct _CblueDummyPipeline {
	GObject parent_instance;
	GMutex mutex;
	GPtrArray *topic_ids; /* owned, of utf8 */
	gboolean model_fail;
	guint model_delay_ms;
	gchar *capture_file; /* owned, nullable: where the model writes what it was sent */
};

static void cblue_dummy_retriever_iface_init(CblueRetrieverInterface *iface);
static void cblue_dummy_redactor_iface_init(CblueRedactorInterface *iface);
static void cblue_dummy_model_iface_init(CblueModelProviderInterface *iface);

G_DEFINE_TYPE_WITH_CODE(CblueDummyPipeline, cblue_dummy_pipeline, G_TYPE_OBJECT,
			G_IMPLEMENT_INTERFACE(CBLUE_TYPE_RETRIEVER, cblue_dummy_retriever_iface_init)
			    G_IMPLEMENT_INTERFACE(CBLUE_TYPE_REDACTOR, cblue_dummy_redactor_iface_init)
				G_IMPLEMENT_INTERFACE(CBLUE_TYPE_MODEL_PROVIDER, cblue_dummy_model_iface_init))

static void
cblue_dummy_pipeline_finalize(GObject *object)
{
	CblueDummyPipeline *self = CBLUE_DUMMY_PIPELINE(object);
	g_ptr_array_unref(self->topic_ids);
	g_free(self->capture_file);
	g_mutex_clear(&self->mutex);
	G_OBJECT_CLASS(cblue_dummy_pipeline_parent_class)->finalize(object);
}

static void
cblue_dummy_pipeline_class_init(CblueDummyPipelineClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_dummy_pipeline_finalize;
}

static void
cblue_dummy_pipeline_init(CblueDummyPipeline *self)
{
	g_mutex_init(&self->mutex);
	self->topic_ids = g_ptr_array_new_with_free_func(g_free);
}

static gboolean
cblue_dummy_retriever_rebuild(CblueRetriever *retriever, CblueKb *kb, GError **error)
{
	CblueDummyPipeline *self = CBLUE_DUMMY_PIPELINE(retriever);
	GPtrArray *entries = cblue_kb_get_entries(kb);
	g_mutex_lock(&self->mutex);
	g_ptr_array_set_size(self->topic_ids, 0);
	for (guint i = 0; i < entries->len; i++)
		g_ptr_array_add(self->topic_ids,
				g_strdup(cblue_kb_entry_get_topic_id(g_ptr_array_index(entries, i))));
	g_mutex_unlock(&self->mutex);
	return TRUE;
}

static GPtrArray *
cblue_dummy_retriever_search(CblueRetriever *retriever, CblueMessage *message, guint max_hits, GError **error)
{
	CblueDummyPipeline *self = CBLUE_DUMMY_PIPELINE(retriever);
	GPtrArray *hits = g_ptr_array_new_with_free_func(g_object_unref);
	const gchar *text = cblue_message_get_text(message);
	g_mutex_lock(&self->mutex);
	for (guint i = 0; i < self->topic_ids->len && hits->len < max_hits; i++) {
		const gchar *topic_id = g_ptr_array_index(self->topic_ids, i);
		if (strstr(text, topic_id) != NULL)
			g_ptr_array_add(hits, cblue_hit_new(topic_id, 10.0 - hits->len, 1.0));
	}
	g_mutex_unlock(&self->mutex);
	return hits;
}

static void
cblue_dummy_retriever_iface_init(CblueRetrieverInterface *iface)
{
	iface->rebuild = cblue_dummy_retriever_rebuild;
	iface->search = cblue_dummy_retriever_search;
}

static GPtrArray *
cblue_dummy_redactor_find(CblueRedactor *redactor, const gchar *text)
{
	GPtrArray *spans = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_span_free);
	for (const gchar *p = strstr(text, "SECRET-"); p != NULL; p = strstr(p, "SECRET-")) {
		const gchar *end = p + strlen("SECRET-");
		while (g_ascii_isdigit(*end))
			end++;
		if (end > p + strlen("SECRET-"))
			g_ptr_array_add(spans, cblue_span_new(p - text, end - text, "DUMMY"));
		p = end;
	}
	return spans;
}

static void
cblue_dummy_redactor_iface_init(CblueRedactorInterface *iface)
{
	iface->find = cblue_dummy_redactor_find;
}

static gboolean
cblue_dummy_model_idle_cb(gpointer user_data)
{
	GTask *task = G_TASK(user_data);
	CblueDummyPipeline *self = g_task_get_source_object(task);
	CblueChatReply *reply = g_task_get_task_data(task);
	g_autofree gchar *text = NULL;

	if (self->model_fail) {
		g_task_return_new_error(task, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE, "dummy model is down");
		return G_SOURCE_REMOVE;
	}
	text = g_strdup_printf("dummy answer: %s", cblue_chat_reply_get_topic_id(reply));
	cblue_chat_reply_set_text(reply, text);
	g_task_return_boolean(task, TRUE);
	return G_SOURCE_REMOVE;
}

/* appends one JSON line with what a network model provider would be sent: the
 * customer's text and the KB content of the topics chosen */
static void
cblue_dummy_model_capture(CblueDummyPipeline *self, CblueMessage *message, CblueKb *kb, GPtrArray *hits)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) root = NULL;
	g_autofree gchar *line = NULL;
	FILE *file;

	if (self->capture_file == NULL)
		return;
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "conversation_id");
	json_builder_add_string_value(builder, cblue_message_get_conversation_id(message));
	json_builder_set_member_name(builder, "language");
	json_builder_add_string_value(builder, cblue_message_get_language(message));
	json_builder_set_member_name(builder, "message");
	json_builder_add_string_value(builder, cblue_message_get_text(message));
	json_builder_set_member_name(builder, "context");
	json_builder_begin_array(builder);
	for (guint i = 0; hits != NULL && i < hits->len; i++) {
		CblueKbEntry *entry = cblue_kb_lookup(kb, cblue_hit_get_topic_id(g_ptr_array_index(hits, i)));
		const gchar *lang = NULL;
		if (entry != NULL)
			json_builder_add_string_value(
			    builder, cblue_kb_entry_get_content_for(entry, cblue_message_get_language(message), &lang));
	}
	json_builder_end_array(builder);
	json_builder_end_object(builder);
	root = json_builder_get_root(builder);
	line = json_to_string(root, FALSE);
	g_mutex_lock(&self->mutex);
	file = fopen(self->capture_file, "a");
	if (file != NULL) {
		fprintf(file, "%s\n", line);
		fclose(file);
	}
	g_mutex_unlock(&self->mutex);
}

static void
cblue_dummy_model_generate_async(CblueModelProvider *provider, CblueMessage *message, CblueKb *kb, GPtrArray *hits,
				 CblueChatReply *reply, GCancellable *cancellable, GAsyncReadyCallback callback,
				 gpointer user_data)
{
	GTask *task = g_task_new(provider, cancellable, callback, user_data);
	g_task_set_source_tag(task, cblue_dummy_model_generate_async);
	cblue_dummy_model_capture(CBLUE_DUMMY_PIPELINE(provider), message, kb, hits);
	g_task_set_task_data(task, g_object_ref(reply), g_object_unref);
	/* answer later from the caller's main context, as a network provider would */
	{
		CblueDummyPipeline *self = CBLUE_DUMMY_PIPELINE(provider);
		g_autoptr(GSource) source =
		    self->model_delay_ms > 0 ? g_timeout_source_new(self->model_delay_ms) : g_idle_source_new();
		g_source_set_callback(source, cblue_dummy_model_idle_cb, task, g_object_unref);
		g_source_attach(source, g_main_context_get_thread_default());
	}
}

static gboolean
cblue_dummy_model_generate_finish(CblueModelProvider *provider, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_dummy_model_iface_init(CblueModelProviderInterface *iface)
{
	iface->generate_async = cblue_dummy_model_generate_async;
	iface->generate_finish = cblue_dummy_model_generate_finish;
}

/* store: in memory */
#define CBLUE_TYPE_DUMMY_STORE (cblue_dummy_store_get_type())
G_DECLARE_FINAL_TYPE(CblueDummyStore, cblue_dummy_store, CBLUE, DUMMY_STORE, GObject)

struct _CblueDummyStore {
	GObject parent_instance;
	GMutex mutex;
	CblueKb *kb; /* owned */
	GPtrArray *texts; /* owned: every stored message text, user then bot */
	gint64 n_unanswered;
	GHashTable *conversations; /* owned: id → GPtrArray of JsonObject, oldest first */
	GHashTable *feedback;	   /* owned: "conversation\nmessage" → rating */
};

static void cblue_dummy_store_iface_init(CblueStoreInterface *iface);

G_DEFINE_TYPE_WITH_CODE(CblueDummyStore, cblue_dummy_store, G_TYPE_OBJECT,
			G_IMPLEMENT_INTERFACE(CBLUE_TYPE_STORE, cblue_dummy_store_iface_init))

static void
cblue_dummy_store_finalize(GObject *object)
{
	CblueDummyStore *self = CBLUE_DUMMY_STORE(object);
	g_object_unref(self->kb);
	g_ptr_array_unref(self->texts);
	g_hash_table_unref(self->conversations);
	g_hash_table_unref(self->feedback);
	g_mutex_clear(&self->mutex);
	G_OBJECT_CLASS(cblue_dummy_store_parent_class)->finalize(object);
}

static void
cblue_dummy_store_class_init(CblueDummyStoreClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_dummy_store_finalize;
}

static void
cblue_dummy_store_init(CblueDummyStore *self)
{
	g_mutex_init(&self->mutex);
	self->kb = cblue_kb_new();
	self->texts = g_ptr_array_new_with_free_func(g_free);
	self->conversations =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
	self->feedback = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
}

static JsonObject *
cblue_dummy_store_message_new(const gchar *message_id, const gchar *role, const gchar *text,
			      const gchar *language, const gchar *topic_id, const gchar *outcome)
{
	JsonObject *obj = json_object_new();
	g_autoptr(GDateTime) now = g_date_time_new_now_utc();
	g_autofree gchar *created = g_date_time_format_iso8601(now);
	json_object_set_string_member(obj, "message_id", message_id);
	json_object_set_string_member(obj, "role", role);
	json_object_set_string_member(obj, "text", text != NULL ? text : "");
	json_object_set_string_member(obj, "language", language);
	json_object_set_string_member(obj, "topic_id", topic_id);
	json_object_set_string_member(obj, "outcome", outcome);
	json_object_set_string_member(obj, "created_at", created);
	return obj;
}

static CblueKb *
cblue_dummy_store_load_kb(CblueStore *store, GError **error)
{
	CblueDummyStore *self = CBLUE_DUMMY_STORE(store);
	CblueKb *kb;
	g_mutex_lock(&self->mutex);
	kb = cblue_kb_copy(self->kb);
	g_mutex_unlock(&self->mutex);
	return kb;
}

static gboolean
cblue_dummy_store_import_kb(CblueStore *store, GPtrArray *entries, gboolean replace_all, GError **error)
{
	CblueDummyStore *self = CBLUE_DUMMY_STORE(store);
	g_mutex_lock(&self->mutex);
	if (replace_all) {
		g_object_unref(self->kb);
		self->kb = cblue_kb_new();
	}
	cblue_kb_merge(self->kb, entries);
	g_mutex_unlock(&self->mutex);
	return TRUE;
}

static void
cblue_dummy_store_record_exchange(CblueStore *store, CblueMessage *message, CblueChatReply *reply)
{
	CblueDummyStore *self = CBLUE_DUMMY_STORE(store);
	g_mutex_lock(&self->mutex);
	g_ptr_array_add(self->texts, g_strdup(cblue_message_get_text(message)));
	g_ptr_array_add(self->texts, g_strdup(cblue_chat_reply_get_text(reply)));
	{
		const gchar *id = cblue_message_get_conversation_id(message);
		GPtrArray *messages = g_hash_table_lookup(self->conversations, id);
		if (messages == NULL) {
			messages = g_ptr_array_new_with_free_func((GDestroyNotify)json_object_unref);
			g_hash_table_insert(self->conversations, g_strdup(id), messages);
		}
		g_ptr_array_add(messages, cblue_dummy_store_message_new(
					      cblue_message_get_message_id(message), "user",
					      cblue_message_get_text(message), cblue_message_get_language(message),
					      NULL, NULL));
		g_ptr_array_add(messages, cblue_dummy_store_message_new(
					      cblue_message_get_message_id(message), "bot",
					      cblue_chat_reply_get_text(reply), cblue_chat_reply_get_language(reply),
					      cblue_chat_reply_get_topic_id(reply),
					      cblue_outcome_to_string(cblue_chat_reply_get_outcome(reply))));
	}
	if (cblue_chat_reply_get_outcome(reply) == CBLUE_OUTCOME_UNANSWERED && !cblue_chat_reply_get_small_talk(reply))
		self->n_unanswered++;
	g_mutex_unlock(&self->mutex);
}

static gint64
cblue_dummy_store_count(CblueStore *store, const gchar *table, GError **error)
{
	CblueDummyStore *self = CBLUE_DUMMY_STORE(store);
	gint64 count = -1;
	g_mutex_lock(&self->mutex);
	if (g_strcmp0(table, "messages") == 0)
		count = self->texts->len;
	else if (g_strcmp0(table, "conversations") == 0)
		count = g_hash_table_size(self->conversations);
	else if (g_strcmp0(table, "unanswered") == 0)
		count = self->n_unanswered;
	else if (g_strcmp0(table, "kb_entries") == 0)
		count = cblue_kb_get_size(self->kb);
	else if (g_strcmp0(table, "feedback") == 0)
		count = g_hash_table_size(self->feedback);
	g_mutex_unlock(&self->mutex);
	if (count < 0)
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "unknown table %s", table);
	return count;
}

static JsonNode *
cblue_dummy_store_get_conversation(CblueStore *store, const gchar *conversation_id, guint max_messages,
				   GError **error)
{
	CblueDummyStore *self = CBLUE_DUMMY_STORE(store);
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->mutex);
	GPtrArray *messages = g_hash_table_lookup(self->conversations, conversation_id);
	g_autoptr(JsonArray) array = json_array_new();
	JsonNode *node;
	guint start;

	if (messages == NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND, "no such conversation");
		return NULL;
	}
	start = max_messages > 0 && messages->len > max_messages ? messages->len - max_messages : 0;
	for (guint i = start; i < messages->len; i++)
		json_array_add_object_element(array, json_object_ref(g_ptr_array_index(messages, i)));
	node = json_node_new(JSON_NODE_ARRAY);
	json_node_set_array(node, array);
	return node;
}

static gboolean
cblue_dummy_store_record_feedback(CblueStore *store, const gchar *conversation_id, const gchar *message_id,
				  const gchar *rating, GError **error)
{
	CblueDummyStore *self = CBLUE_DUMMY_STORE(store);
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->mutex);
	g_hash_table_insert(self->feedback, g_strdup_printf("%s\n%s", conversation_id, message_id),
			    g_strdup(rating));
	return TRUE;
}

static void
cblue_dummy_store_iface_init(CblueStoreInterface *iface)
{
	iface->get_conversation = cblue_dummy_store_get_conversation;
	iface->record_feedback = cblue_dummy_store_record_feedback;
	iface->load_kb = cblue_dummy_store_load_kb;
	iface->import_kb = cblue_dummy_store_import_kb;
	iface->record_exchange = cblue_dummy_store_record_exchange;
	iface->count = cblue_dummy_store_count;
}

/* queue + channel: pass-through */
#define CBLUE_TYPE_DUMMY_QUEUE (cblue_dummy_queue_get_type())
G_DECLARE_FINAL_TYPE(CblueDummyQueue, cblue_dummy_queue, CBLUE, DUMMY_QUEUE, GObject)

struct _CblueDummyQueue {
	GObject parent_instance;
	CblueBot *bot; /* owned, nullable */
};

static void cblue_dummy_queue_iface_init(CblueQueueInterface *iface);
static void cblue_dummy_channel_iface_init(CblueChannelInterface *iface);

G_DEFINE_TYPE_WITH_CODE(CblueDummyQueue, cblue_dummy_queue, G_TYPE_OBJECT,
			G_IMPLEMENT_INTERFACE(CBLUE_TYPE_QUEUE, cblue_dummy_queue_iface_init)
			    G_IMPLEMENT_INTERFACE(CBLUE_TYPE_CHANNEL, cblue_dummy_channel_iface_init))

static void
cblue_dummy_queue_finalize(GObject *object)
{
	g_clear_object(&CBLUE_DUMMY_QUEUE(object)->bot);
	G_OBJECT_CLASS(cblue_dummy_queue_parent_class)->finalize(object);
}

static void
cblue_dummy_queue_class_init(CblueDummyQueueClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_dummy_queue_finalize;
}

static void
cblue_dummy_queue_init(CblueDummyQueue *self)
{
}

static gboolean
cblue_dummy_queue_start_consumer(CblueQueue *queue, CblueBot *bot, GError **error)
{
	g_set_object(&CBLUE_DUMMY_QUEUE(queue)->bot, bot);
	return TRUE;
}

static void
cblue_dummy_queue_ask_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	GError *error = NULL;
	CblueChatReply *reply = cblue_bot_ask_finish(CBLUE_BOT(source), res, &error);
	if (reply == NULL)
		g_task_return_error(task, error);
	else
		g_task_return_pointer(task, reply, g_object_unref);
}

static void
cblue_dummy_queue_submit_async(CblueQueue *queue, CblueMessage *message, GCancellable *cancellable,
			       GAsyncReadyCallback callback, gpointer user_data)
{
	CblueDummyQueue *self = CBLUE_DUMMY_QUEUE(queue);
	GTask *task = g_task_new(self, cancellable, callback, user_data);
	if (self->bot == NULL) {
		g_task_return_new_error(task, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE, "no consumer");
		g_object_unref(task);
		return;
	}
	cblue_bot_ask_async(self->bot, message, cancellable, cblue_dummy_queue_ask_cb, task);
}

static CblueChatReply *
cblue_dummy_queue_submit_finish(CblueQueue *queue, GAsyncResult *result, GError **error)
{
	return g_task_propagate_pointer(G_TASK(result), error);
}

static void
cblue_dummy_queue_iface_init(CblueQueueInterface *iface)
{
	iface->start_consumer = cblue_dummy_queue_start_consumer;
	iface->submit_async = cblue_dummy_queue_submit_async;
	iface->submit_finish = cblue_dummy_queue_submit_finish;
}

static gboolean
cblue_dummy_channel_start(CblueChannel *channel, GError **error)
{
	return TRUE;
}

static void
cblue_dummy_channel_iface_init(CblueChannelInterface *iface)
{
	iface->start = cblue_dummy_channel_start;
}

/* the plugin */
#define CBLUE_TYPE_DUMMY_PLUGIN (cblue_dummy_plugin_get_type())
G_DECLARE_FINAL_TYPE(CblueDummyPlugin, cblue_dummy_plugin, CBLUE, DUMMY_PLUGIN, CbluePlugin)

struct _CblueDummyPlugin {
	CbluePlugin parent_instance;
};

G_DEFINE_TYPE(CblueDummyPlugin, cblue_dummy_plugin, CBLUE_TYPE_PLUGIN)

static void
cblue_dummy_plugin_setup_async(CbluePlugin *plugin, GCancellable *cancellable, GAsyncReadyCallback callback,
			       gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	CblueConfig *config = cblue_context_get_config(cblue_plugin_get_context(plugin));
	g_autoptr(CblueDummyPipeline) pipeline = NULL;
	g_autoptr(CblueDummyStore) store = NULL;
	g_autoptr(CblueDummyQueue) queue = NULL;

	g_task_set_source_tag(task, cblue_dummy_plugin_setup_async);
	if (cblue_config_get_boolean(config, "dummy", "fail_setup", FALSE)) {
		g_task_return_new_error(task, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED, "dummy setup failed as configured");
		return;
	}
	pipeline = g_object_new(CBLUE_TYPE_DUMMY_PIPELINE, NULL);
	pipeline->model_fail = cblue_config_get_boolean(config, "dummy", "model_fail", FALSE);
	pipeline->capture_file = cblue_config_get_string(config, "dummy", "capture_file");
	pipeline->model_delay_ms = (guint)CLAMP(cblue_config_get_int(config, "dummy", "model_delay_ms", 0), 0, 60000);
	store = g_object_new(CBLUE_TYPE_DUMMY_STORE, NULL);
	queue = g_object_new(CBLUE_TYPE_DUMMY_QUEUE, NULL);
	cblue_plugin_add_extension(plugin, CBLUE_TYPE_RETRIEVER, pipeline, CBLUE_DUMMY_PRIORITY);
	cblue_plugin_add_extension(plugin, CBLUE_TYPE_REDACTOR, pipeline, CBLUE_DUMMY_PRIORITY);
	cblue_plugin_add_extension(plugin, CBLUE_TYPE_MODEL_PROVIDER, pipeline, CBLUE_DUMMY_PRIORITY);
	cblue_plugin_add_extension(plugin, CBLUE_TYPE_STORE, store, CBLUE_DUMMY_PRIORITY);
	cblue_plugin_add_extension(plugin, CBLUE_TYPE_QUEUE, queue, CBLUE_DUMMY_PRIORITY);
	cblue_plugin_add_extension(plugin, CBLUE_TYPE_CHANNEL, queue, CBLUE_DUMMY_PRIORITY);
	g_task_return_boolean(task, TRUE);
}

static gboolean
cblue_dummy_plugin_setup_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_dummy_plugin_class_init(CblueDummyPluginClass *klass)
{
	CbluePluginClass *plugin_class = CBLUE_PLUGIN_CLASS(klass);
	plugin_class->setup_async = cblue_dummy_plugin_setup_async;
	plugin_class->setup_finish = cblue_dummy_plugin_setup_finish;
}

static void
cblue_dummy_plugin_init(CblueDummyPlugin *self)
{
	cblue_plugin_set_description(CBLUE_PLUGIN(self), "Fakes of every plugin kind, for tests");
	cblue_plugin_set_version(CBLUE_PLUGIN(self), CBLUE_VERSION_STRING);
}

CBLUE_PLUGIN_DEFINE(cblue_dummy_plugin_get_type)
