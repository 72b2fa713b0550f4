/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cblue-error.h"
#include "cblue-kb-entry.h"
#include "cblue-language.h"

/**
 * CblueKbEntry:
 *
 * One topic of the knowledge base, in the entry format of the design:
 *
 * ```json
 * {"topic_id": "solar-rooftop-price", "category": "solar", "tags": ["pricing"],
 *  "keywords": ["solar", "โซลาร์เซลล์", "太阳能"],
 *  "questions": {"en": ["How much is a rooftop solar system?"], "th": […], "zh": […]},
 *  "content": {"en": "…", "th": "…", "zh": "…"}}
 * ```
 *
 * `status` (`published`, the default, or `draft`) is optional; `questions` and the
 * languages inside `content` are optional, but an entry needs content in at least one
 * language. Unknown members are an error, never silently ignored.
 *
 * Since: 1.0
 */
struct _CblueKbEntry {
	GObject parent_instance;
	gchar *topic_id; /* owned */
	gchar *category; /* owned, nullable */
	gchar *status; /* owned */
	GStrv tags; /* owned */
	GStrv keywords; /* owned */
	GHashTable *questions; /* owned: language → GPtrArray of utf8, NULL-terminated */
	GHashTable *content; /* owned: language → utf8 */
};

G_DEFINE_TYPE(CblueKbEntry, cblue_kb_entry, G_TYPE_OBJECT)

#define CBLUE_KB_TOPIC_ID_MAX 128

static void
cblue_kb_entry_finalize(GObject *object)
{
	CblueKbEntry *self = CBLUE_KB_ENTRY(object);
	g_free(self->topic_id);
	g_free(self->category);
	g_free(self->status);
	g_strfreev(self->tags);
	g_strfreev(self->keywords);
	g_hash_table_unref(self->questions);
	g_hash_table_unref(self->content);
	G_OBJECT_CLASS(cblue_kb_entry_parent_class)->finalize(object);
}

static void
cblue_kb_entry_class_init(CblueKbEntryClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->finalize = cblue_kb_entry_finalize;
}

static void
cblue_kb_entry_init(CblueKbEntry *self)
{
	self->status = g_strdup("published");
	self->tags = g_new0(gchar *, 1);
	self->keywords = g_new0(gchar *, 1);
	self->questions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
	self->content = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * cblue_kb_entry_new:
 * @topic_id: the stable identifier of the topic
 *
 * Creates an empty entry.
 *
 * Returns: (transfer full): a new #CblueKbEntry
 *
 * Since: 1.0
 */
CblueKbEntry *
cblue_kb_entry_new(const gchar *topic_id)
{
	CblueKbEntry *self;
	g_return_val_if_fail(topic_id != NULL, NULL);
	self = g_object_new(CBLUE_TYPE_KB_ENTRY, NULL);
	self->topic_id = g_strdup(topic_id);
	return self;
}

static gboolean
cblue_kb_topic_id_is_valid(const gchar *topic_id)
{
	gsize len = strlen(topic_id);
	if (len == 0 || len > CBLUE_KB_TOPIC_ID_MAX)
		return FALSE;
	if (!g_ascii_isalnum(topic_id[0]))
		return FALSE;
	for (const gchar *p = topic_id; *p != '\0'; p++) {
		if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_' && *p != '.')
			return FALSE;
	}
	return TRUE;
}

static gboolean
cblue_kb_language_is_enabled(const gchar *language, const gchar *const *languages)
{
	if (languages == NULL)
		return cblue_language_is_supported(language);
	return g_strv_contains(languages, language);
}

static gboolean
cblue_kb_json_get_string(JsonNode *node, const gchar *what, const gchar **out, GError **error)
{
	if (!JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_STRING) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("“%s” must be a string"), what);
		return FALSE;
	}
	*out = json_node_get_string(node);
	return TRUE;
}

static GStrv
cblue_kb_json_get_strv(JsonNode *node, const gchar *what, GError **error)
{
	JsonArray *array;
	g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func(g_free);

	if (!JSON_NODE_HOLDS_ARRAY(node)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("“%s” must be an array of strings"), what);
		return NULL;
	}
	array = json_node_get_array(node);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		const gchar *str = NULL;
		if (!cblue_kb_json_get_string(json_array_get_element(array, i), what, &str, error))
			return NULL;
		if (str[0] == '\0') {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("“%s” has an empty string"), what);
			return NULL;
		}
		g_ptr_array_add(items, g_strdup(str));
	}
	g_ptr_array_add(items, NULL);
	return (GStrv)g_ptr_array_free(g_steal_pointer(&items), FALSE);
}

static gboolean
cblue_kb_entry_parse_questions(CblueKbEntry *self, JsonNode *node, const gchar *const *languages, GError **error)
{
	JsonObject *obj;
	JsonObjectIter iter;
	const gchar *lang;
	JsonNode *value;

	if (!JSON_NODE_HOLDS_OBJECT(node)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("“questions” must be an object of language → array of strings"));
		return FALSE;
	}
	obj = json_node_get_object(node);
	json_object_iter_init(&iter, obj);
	while (json_object_iter_next(&iter, &lang, &value)) {
		g_auto(GStrv) questions = NULL;
		if (!cblue_kb_language_is_enabled(lang, languages)) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("language “%s” in “questions” is not enabled"), lang);
			return FALSE;
		}
		questions = cblue_kb_json_get_strv(value, "questions", error);
		if (questions == NULL)
			return FALSE;
		for (guint i = 0; questions[i] != NULL; i++)
			cblue_kb_entry_add_question(self, lang, questions[i]);
	}
	return TRUE;
}

static gboolean
cblue_kb_entry_parse_content(CblueKbEntry *self, JsonNode *node, const gchar *const *languages, GError **error)
{
	JsonObject *obj;
	JsonObjectIter iter;
	const gchar *lang;
	JsonNode *value;

	if (!JSON_NODE_HOLDS_OBJECT(node)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("“content” must be an object of language → string"));
		return FALSE;
	}
	obj = json_node_get_object(node);
	json_object_iter_init(&iter, obj);
	while (json_object_iter_next(&iter, &lang, &value)) {
		const gchar *text = NULL;
		if (!cblue_kb_language_is_enabled(lang, languages)) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("language “%s” in “content” is not enabled"), lang);
			return FALSE;
		}
		if (!cblue_kb_json_get_string(value, "content", &text, error))
			return FALSE;
		if (text[0] == '\0') {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("“content” for “%s” is empty"), lang);
			return FALSE;
		}
		cblue_kb_entry_set_content(self, lang, text);
	}
	return TRUE;
}

static gboolean
cblue_kb_entry_parse_member(CblueKbEntry *self, const gchar *name, JsonNode *value,
			    const gchar *const *languages, GError **error)
{
	const gchar *str = NULL;

	if (g_strcmp0(name, "topic_id") == 0)
		return TRUE; /* handled first */
	if (g_strcmp0(name, "category") == 0) {
		if (JSON_NODE_HOLDS_NULL(value))
			return TRUE;
		if (!cblue_kb_json_get_string(value, name, &str, error))
			return FALSE;
		cblue_kb_entry_set_category(self, str);
		return TRUE;
	}
	if (g_strcmp0(name, "status") == 0) {
		if (!cblue_kb_json_get_string(value, name, &str, error))
			return FALSE;
		if (g_strcmp0(str, "published") != 0 && g_strcmp0(str, "draft") != 0) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("“status” must be “published” or “draft”, not “%s”"), str);
			return FALSE;
		}
		g_free(self->status);
		self->status = g_strdup(str);
		return TRUE;
	}
	if (g_strcmp0(name, "tags") == 0 || g_strcmp0(name, "keywords") == 0) {
		GStrv strv = cblue_kb_json_get_strv(value, name, error);
		if (strv == NULL)
			return FALSE;
		if (name[0] == 't') {
			g_strfreev(self->tags);
			self->tags = strv;
		} else {
			g_strfreev(self->keywords);
			self->keywords = strv;
		}
		return TRUE;
	}
	if (g_strcmp0(name, "questions") == 0)
		return cblue_kb_entry_parse_questions(self, value, languages, error);
	if (g_strcmp0(name, "content") == 0)
		return cblue_kb_entry_parse_content(self, value, languages, error);
	g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("unknown field “%s”"), name);
	return FALSE;
}

/**
 * cblue_kb_entry_new_from_json:
 * @node: a JSON object in the KB entry format
 * @languages: (nullable) (array zero-terminated=1): the enabled languages, or %NULL for
 *   every supported language
 * @error: return location for a #GError
 *
 * Parses and validates one KB entry. Unknown members, a missing or malformed `topic_id`,
 * a language that is not enabled and an entry without any content are errors.
 *
 * Returns: (transfer full): a new #CblueKbEntry, or %NULL with @error set
 *
 * Since: 1.0
 */
CblueKbEntry *
cblue_kb_entry_new_from_json(JsonNode *node, const gchar *const *languages, GError **error)
{
	JsonObject *obj;
	JsonNode *topic_node;
	const gchar *topic_id = NULL;
	g_autoptr(CblueKbEntry) self = NULL;
	JsonObjectIter iter;
	const gchar *name;
	JsonNode *value;

	g_return_val_if_fail(node != NULL, NULL);

	if (!JSON_NODE_HOLDS_OBJECT(node)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("an entry must be a JSON object"));
		return NULL;
	}
	obj = json_node_get_object(node);
	topic_node = json_object_get_member(obj, "topic_id");
	if (topic_node == NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("missing “topic_id”"));
		return NULL;
	}
	if (!cblue_kb_json_get_string(topic_node, "topic_id", &topic_id, error))
		return NULL;
	if (!cblue_kb_topic_id_is_valid(topic_id)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("invalid “topic_id” “%s”: use 1–128 ASCII letters, digits, “-”, “_” or “.”"), topic_id);
		return NULL;
	}
	self = cblue_kb_entry_new(topic_id);
	json_object_iter_init(&iter, obj);
	while (json_object_iter_next(&iter, &name, &value)) {
		if (!cblue_kb_entry_parse_member(self, name, value, languages, error)) {
			g_prefix_error(error, "topic “%s”: ", topic_id);
			return NULL;
		}
	}
	if (g_hash_table_size(self->content) == 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("topic “%s”: “content” needs text in at least one language"), topic_id);
		return NULL;
	}
	return g_steal_pointer(&self);
}

static void
cblue_kb_builder_add_strv(JsonBuilder *builder, const gchar *name, const gchar *const *strv)
{
	json_builder_set_member_name(builder, name);
	json_builder_begin_array(builder);
	for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
		json_builder_add_string_value(builder, strv[i]);
	json_builder_end_array(builder);
}

/**
 * cblue_kb_entry_to_json:
 * @self: a #CblueKbEntry
 *
 * Serializes the entry in the KB entry format, languages in a stable order.
 *
 * Returns: (transfer full): a JSON object node
 *
 * Since: 1.0
 */
JsonNode *
cblue_kb_entry_to_json(CblueKbEntry *self)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(GPtrArray) langs = NULL;

	g_return_val_if_fail(CBLUE_IS_KB_ENTRY(self), NULL);

	langs = cblue_kb_entry_get_languages(self);
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "topic_id");
	json_builder_add_string_value(builder, self->topic_id);
	if (self->category != NULL) {
		json_builder_set_member_name(builder, "category");
		json_builder_add_string_value(builder, self->category);
	}
	if (g_strcmp0(self->status, "published") != 0) {
		json_builder_set_member_name(builder, "status");
		json_builder_add_string_value(builder, self->status);
	}
	cblue_kb_builder_add_strv(builder, "tags", (const gchar *const *)self->tags);
	cblue_kb_builder_add_strv(builder, "keywords", (const gchar *const *)self->keywords);
	json_builder_set_member_name(builder, "questions");
	json_builder_begin_object(builder);
	for (guint i = 0; i < langs->len; i++) {
		const gchar *lang = g_ptr_array_index(langs, i);
		const gchar *const *questions = cblue_kb_entry_get_questions(self, lang);
		if (questions[0] != NULL)
			cblue_kb_builder_add_strv(builder, lang, questions);
	}
	json_builder_end_object(builder);
	json_builder_set_member_name(builder, "content");
	json_builder_begin_object(builder);
	for (guint i = 0; i < langs->len; i++) {
		const gchar *lang = g_ptr_array_index(langs, i);
		const gchar *content = cblue_kb_entry_get_content(self, lang);
		if (content == NULL)
			continue;
		json_builder_set_member_name(builder, lang);
		json_builder_add_string_value(builder, content);
	}
	json_builder_end_object(builder);
	json_builder_end_object(builder);
	return json_builder_get_root(builder);
}

/**
 * cblue_kb_entry_get_topic_id:
 * @self: a #CblueKbEntry
 *
 * Returns: the topic identifier
 *
 * Since: 1.0
 */
const gchar *
cblue_kb_entry_get_topic_id(CblueKbEntry *self)
{
	g_return_val_if_fail(CBLUE_IS_KB_ENTRY(self), NULL);
	return self->topic_id;
}

/**
 * cblue_kb_entry_get_category:
 * @self: a #CblueKbEntry
 *
 * Returns: (nullable): the category
 *
 * Since: 1.0
 */
const gchar *
cblue_kb_entry_get_category(CblueKbEntry *self)
{
	g_return_val_if_fail(CBLUE_IS_KB_ENTRY(self), NULL);
	return self->category;
}

/**
 * cblue_kb_entry_set_category:
 * @self: a #CblueKbEntry
 * @category: (nullable): the category
 *
 * Sets the category.
 *
 * Since: 1.0
 */
void
cblue_kb_entry_set_category(CblueKbEntry *self, const gchar *category)
{
	g_return_if_fail(CBLUE_IS_KB_ENTRY(self));
	g_free(self->category);
	self->category = g_strdup(category);
}

/**
 * cblue_kb_entry_get_tags:
 * @self: a #CblueKbEntry
 *
 * Returns: (transfer none) (array zero-terminated=1): the tags
 *
 * Since: 1.0
 */
const gchar *const *
cblue_kb_entry_get_tags(CblueKbEntry *self)
{
	g_return_val_if_fail(CBLUE_IS_KB_ENTRY(self), NULL);
	return (const gchar *const *)self->tags;
}

/**
 * cblue_kb_entry_get_keywords:
 * @self: a #CblueKbEntry
 *
 * Returns: (transfer none) (array zero-terminated=1): the keywords, in any language
 *
 * Since: 1.0
 */
const gchar *const *
cblue_kb_entry_get_keywords(CblueKbEntry *self)
{
	g_return_val_if_fail(CBLUE_IS_KB_ENTRY(self), NULL);
	return (const gchar *const *)self->keywords;
}

/**
 * cblue_kb_entry_set_keywords:
 * @self: a #CblueKbEntry
 * @keywords: (array zero-terminated=1): the keywords
 *
 * Replaces the keywords.
 *
 * Since: 1.0
 */
void
cblue_kb_entry_set_keywords(CblueKbEntry *self, const gchar *const *keywords)
{
	g_return_if_fail(CBLUE_IS_KB_ENTRY(self));
	g_strfreev(self->keywords);
	self->keywords = g_strdupv((gchar **)keywords);
	if (self->keywords == NULL)
		self->keywords = g_new0(gchar *, 1);
}

/**
 * cblue_kb_entry_get_questions:
 * @self: a #CblueKbEntry
 * @language: a language code
 *
 * Returns: (transfer none) (array zero-terminated=1): the example questions in @language,
 *   possibly none
 *
 * Since: 1.0
 */
const gchar *const *
cblue_kb_entry_get_questions(CblueKbEntry *self, const gchar *language)
{
	static const gchar *const none[] = {NULL};
	GPtrArray *questions;
	g_return_val_if_fail(CBLUE_IS_KB_ENTRY(self), none);
	questions = g_hash_table_lookup(self->questions, language);
	if (questions == NULL)
		return none;
	return (const gchar *const *)questions->pdata;
}

/**
 * cblue_kb_entry_add_question:
 * @self: a #CblueKbEntry
 * @language: a language code
 * @question: an example question
 *
 * Adds an example question.
 *
 * Since: 1.0
 */
void
cblue_kb_entry_add_question(CblueKbEntry *self, const gchar *language, const gchar *question)
{
	GPtrArray *questions;
	g_return_if_fail(CBLUE_IS_KB_ENTRY(self));
	g_return_if_fail(language != NULL && question != NULL);
	questions = g_hash_table_lookup(self->questions, language);
	if (questions == NULL) {
		questions = g_ptr_array_new_with_free_func(g_free);
		g_ptr_array_add(questions, NULL);
		g_hash_table_insert(self->questions, g_strdup(language), questions);
	}
	/* keep the array NULL-terminated */
	g_ptr_array_index(questions, questions->len - 1) = g_strdup(question);
	g_ptr_array_add(questions, NULL);
}

/**
 * cblue_kb_entry_get_content:
 * @self: a #CblueKbEntry
 * @language: a language code
 *
 * Returns: (nullable): the content in exactly @language
 *
 * Since: 1.0
 */
const gchar *
cblue_kb_entry_get_content(CblueKbEntry *self, const gchar *language)
{
	g_return_val_if_fail(CBLUE_IS_KB_ENTRY(self), NULL);
	return g_hash_table_lookup(self->content, language);
}

/**
 * cblue_kb_entry_get_content_for:
 * @self: a #CblueKbEntry
 * @language: the wanted language
 * @out_language: (out) (optional) (transfer none): the language of the returned text
 *
 * Gets the content for a customer of @language: in that language when the entry has it,
 * else in English, else in any language the entry has.
 *
 * Returns: the content
 *
 * Since: 1.0
 */
const gchar *
cblue_kb_entry_get_content_for(CblueKbEntry *self, const gchar *language, const gchar **out_language)
{
	static const gchar *const order[] = {"en", "th", "zh"};
	const gchar *text;
	g_autoptr(GPtrArray) langs = NULL;

	g_return_val_if_fail(CBLUE_IS_KB_ENTRY(self), NULL);

	text = language != NULL ? g_hash_table_lookup(self->content, language) : NULL;
	if (text != NULL) {
		if (out_language != NULL)
			*out_language = language;
		return text;
	}
	for (guint i = 0; i < G_N_ELEMENTS(order); i++) {
		text = g_hash_table_lookup(self->content, order[i]);
		if (text != NULL) {
			if (out_language != NULL)
				*out_language = order[i];
			return text;
		}
	}
	langs = cblue_kb_entry_get_languages(self);
	for (guint i = 0; i < langs->len; i++) {
		gpointer key = NULL;
		if (g_hash_table_lookup_extended(self->content, g_ptr_array_index(langs, i), &key, (gpointer *)&text)) {
			if (out_language != NULL)
				*out_language = key;
			return text;
		}
	}
	return NULL;
}

/**
 * cblue_kb_entry_set_content:
 * @self: a #CblueKbEntry
 * @language: a language code
 * @content: (nullable): the answer text, or %NULL to remove it
 *
 * Sets the content in one language.
 *
 * Since: 1.0
 */
void
cblue_kb_entry_set_content(CblueKbEntry *self, const gchar *language, const gchar *content)
{
	g_return_if_fail(CBLUE_IS_KB_ENTRY(self));
	g_return_if_fail(language != NULL);
	if (content == NULL)
		g_hash_table_remove(self->content, language);
	else
		g_hash_table_insert(self->content, g_strdup(language), g_strdup(content));
}

static gint
cblue_kb_language_compare(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(*(const gchar *const *)a, *(const gchar *const *)b);
}

/**
 * cblue_kb_entry_get_languages:
 * @self: a #CblueKbEntry
 *
 * Gets every language the entry has content or questions in, sorted.
 *
 * Returns: (transfer container) (element-type utf8): language codes
 *
 * Since: 1.0
 */
GPtrArray *
cblue_kb_entry_get_languages(CblueKbEntry *self)
{
	GPtrArray *langs = g_ptr_array_new();
	GHashTableIter iter;
	gpointer key;

	g_return_val_if_fail(CBLUE_IS_KB_ENTRY(self), langs);
	g_hash_table_iter_init(&iter, self->content);
	while (g_hash_table_iter_next(&iter, &key, NULL))
		g_ptr_array_add(langs, key);
	g_hash_table_iter_init(&iter, self->questions);
	while (g_hash_table_iter_next(&iter, &key, NULL)) {
		if (!g_hash_table_contains(self->content, key))
			g_ptr_array_add(langs, key);
	}
	g_ptr_array_sort(langs, cblue_kb_language_compare);
	return langs;
}

/**
 * cblue_kb_entry_get_status:
 * @self: a #CblueKbEntry
 *
 * Returns: `published` or `draft`
 *
 * Since: 1.0
 */
const gchar *
cblue_kb_entry_get_status(CblueKbEntry *self)
{
	g_return_val_if_fail(CBLUE_IS_KB_ENTRY(self), NULL);
	return self->status;
}
