/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cblue.h"

/* model-extractive: see README.md */

#define CBLUE_TYPE_MODEL_EXTRACTIVE (cblue_model_extractive_get_type())
G_DECLARE_FINAL_TYPE(CblueModelExtractive, cblue_model_extractive, CBLUE, MODEL_EXTRACTIVE, GObject)

struct _CblueModelExtractive {
	GObject parent_instance;
	JsonObject *fallback_notes; /* owned, nullable: language → note */
};

static void cblue_model_extractive_iface_init(CblueModelProviderInterface *iface);

G_DEFINE_TYPE_WITH_CODE(CblueModelExtractive, cblue_model_extractive, G_TYPE_OBJECT,
			G_IMPLEMENT_INTERFACE(CBLUE_TYPE_MODEL_PROVIDER, cblue_model_extractive_iface_init))

static void
cblue_model_extractive_finalize(GObject *object)
{
	CblueModelExtractive *self = CBLUE_MODEL_EXTRACTIVE(object);
	g_clear_pointer(&self->fallback_notes, json_object_unref);
	G_OBJECT_CLASS(cblue_model_extractive_parent_class)->finalize(object);
}

static void
cblue_model_extractive_class_init(CblueModelExtractiveClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_model_extractive_finalize;
}

static void
cblue_model_extractive_init(CblueModelExtractive *self)
{
	g_autoptr(GBytes) bytes = g_resources_lookup_data("/ai/cblue/replies.json", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
	g_autoptr(JsonParser) parser = json_parser_new();
	JsonNode *root;

	if (bytes == NULL || !json_parser_load_from_data(parser, g_bytes_get_data(bytes, NULL),
							 (gssize)g_bytes_get_size(bytes), NULL))
		return;
	root = json_parser_get_root(parser);
	if (JSON_NODE_HOLDS_OBJECT(root) && json_object_has_member(json_node_get_object(root), "language_fallback"))
		self->fallback_notes =
		    json_object_ref(json_object_get_object_member(json_node_get_object(root), "language_fallback"));
}

static gboolean
cblue_model_extractive_generate(CblueModelProvider *provider, CblueMessage *message, CblueKb *kb, GPtrArray *hits,
				CblueChatReply *reply, GError **error)
{
	CblueModelExtractive *self = CBLUE_MODEL_EXTRACTIVE(provider);
	const gchar *language = cblue_message_get_language(message);
	const gchar *content_language = NULL;
	const gchar *content;
	CblueKbEntry *entry;

	if (hits == NULL || hits->len == 0) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "no topic to answer from");
		return FALSE;
	}
	entry = cblue_kb_lookup(kb, cblue_hit_get_topic_id(g_ptr_array_index(hits, 0)));
	if (entry == NULL) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND, "topic %s is not in the KB",
			    cblue_hit_get_topic_id(g_ptr_array_index(hits, 0)));
		return FALSE;
	}
	content = cblue_kb_entry_get_content_for(entry, language, &content_language);
	if (g_strcmp0(content_language, language) != 0 && self->fallback_notes != NULL) {
		const gchar *note = json_object_get_string_member_with_default(self->fallback_notes, language, "");
		g_autofree gchar *text = g_strconcat(note, content, NULL);
		cblue_chat_reply_set_text(reply, text);
		return TRUE;
	}
	cblue_chat_reply_set_text(reply, content);
	return TRUE;
}

static void
cblue_model_extractive_iface_init(CblueModelProviderInterface *iface)
{
	iface->generate = cblue_model_extractive_generate;
}

#define CBLUE_TYPE_MODEL_EXTRACTIVE_PLUGIN (cblue_model_extractive_plugin_get_type())
G_DECLARE_FINAL_TYPE(CblueModelExtractivePlugin, cblue_model_extractive_plugin, CBLUE, MODEL_EXTRACTIVE_PLUGIN,
		     CbluePlugin)

struct _CblueModelExtractivePlugin {
	CbluePlugin parent_instance;
};

G_DEFINE_TYPE(CblueModelExtractivePlugin, cblue_model_extractive_plugin, CBLUE_TYPE_PLUGIN)

static void
cblue_model_extractive_plugin_setup_async(CbluePlugin *plugin, GCancellable *cancellable,
					  GAsyncReadyCallback callback, gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	g_autoptr(CblueModelExtractive) provider = g_object_new(CBLUE_TYPE_MODEL_EXTRACTIVE, NULL);
	g_task_set_source_tag(task, cblue_model_extractive_plugin_setup_async);
	/* the lowest priority of the real providers: an LLM provider, when configured, is preferred */
	cblue_plugin_add_extension(plugin, CBLUE_TYPE_MODEL_PROVIDER, provider, -10);
	g_task_return_boolean(task, TRUE);
}

static gboolean
cblue_model_extractive_plugin_setup_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_model_extractive_plugin_class_init(CblueModelExtractivePluginClass *klass)
{
	CbluePluginClass *plugin_class = CBLUE_PLUGIN_CLASS(klass);
	plugin_class->setup_async = cblue_model_extractive_plugin_setup_async;
	plugin_class->setup_finish = cblue_model_extractive_plugin_setup_finish;
}

static void
cblue_model_extractive_plugin_init(CblueModelExtractivePlugin *self)
{
	cblue_plugin_set_description(CBLUE_PLUGIN(self), "Answers with the KB entry's content (embedded default)");
	cblue_plugin_set_version(CBLUE_PLUGIN(self), CBLUE_VERSION_STRING);
}

CBLUE_PLUGIN_DEFINE(cblue_model_extractive_plugin_get_type)
