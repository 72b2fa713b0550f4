/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "cblue-error.h"
#include "cblue-kb.h"

/**
 * CblueKb:
 *
 * A knowledge base: an ordered set of [class@KbEntry], unique by `topic_id`.
 *
 * A KB is filled from JSON (an array of entries) or JSON Lines (one entry per line), both
 * validated strictly: parsing a file either returns every entry or fails with the file
 * name, the entry's index (or line) and what is wrong, so an import changes nothing unless
 * it is entirely valid.
 *
 * A KB that the bot serves is treated as immutable: publishing a new version builds a new
 * #CblueKb (see [method@Kb.copy]) and swaps it in.
 *
 * Since: 1.0
 */
struct _CblueKb {
	GObject parent_instance;
	GPtrArray *entries; /* owned, of CblueKbEntry, in insertion order */
	GHashTable *by_topic; /* owned keys → borrowed entries */
};

G_DEFINE_TYPE(CblueKb, cblue_kb, G_TYPE_OBJECT)

#define CBLUE_KB_BUNDLED_PATH "/ai/cblue/kb"

static void
cblue_kb_finalize(GObject *object)
{
	CblueKb *self = CBLUE_KB(object);
	g_hash_table_unref(self->by_topic);
	g_ptr_array_unref(self->entries);
	G_OBJECT_CLASS(cblue_kb_parent_class)->finalize(object);
}

static void
cblue_kb_class_init(CblueKbClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->finalize = cblue_kb_finalize;
}

static void
cblue_kb_init(CblueKb *self)
{
	self->entries = g_ptr_array_new_with_free_func(g_object_unref);
	self->by_topic = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * cblue_kb_new:
 *
 * Creates an empty knowledge base.
 *
 * Returns: (transfer full): a new #CblueKb
 *
 * Since: 1.0
 */
CblueKb *
cblue_kb_new(void)
{
	return g_object_new(CBLUE_TYPE_KB, NULL);
}

/**
 * cblue_kb_get_size:
 * @self: a #CblueKb
 *
 * Returns: the number of entries
 *
 * Since: 1.0
 */
guint
cblue_kb_get_size(CblueKb *self)
{
	g_return_val_if_fail(CBLUE_IS_KB(self), 0);
	return self->entries->len;
}

/**
 * cblue_kb_get_entries:
 * @self: a #CblueKb
 *
 * Returns: (transfer none) (element-type CblueKbEntry): the entries, in insertion order
 *
 * Since: 1.0
 */
GPtrArray *
cblue_kb_get_entries(CblueKb *self)
{
	g_return_val_if_fail(CBLUE_IS_KB(self), NULL);
	return self->entries;
}

/**
 * cblue_kb_lookup:
 * @self: a #CblueKb
 * @topic_id: a topic identifier
 *
 * Returns: (transfer none) (nullable): the entry, or %NULL
 *
 * Since: 1.0
 */
CblueKbEntry *
cblue_kb_lookup(CblueKb *self, const gchar *topic_id)
{
	g_return_val_if_fail(CBLUE_IS_KB(self), NULL);
	g_return_val_if_fail(topic_id != NULL, NULL);
	return g_hash_table_lookup(self->by_topic, topic_id);
}

/**
 * cblue_kb_add:
 * @self: a #CblueKb
 * @entry: an entry
 *
 * Adds an entry, replacing the entry with the same `topic_id` in place.
 *
 * Since: 1.0
 */
void
cblue_kb_add(CblueKb *self, CblueKbEntry *entry)
{
	const gchar *topic_id;
	CblueKbEntry *old;

	g_return_if_fail(CBLUE_IS_KB(self));
	g_return_if_fail(CBLUE_IS_KB_ENTRY(entry));

	topic_id = cblue_kb_entry_get_topic_id(entry);
	old = g_hash_table_lookup(self->by_topic, topic_id);
	if (old != NULL) {
		guint idx = 0;
		if (g_ptr_array_find(self->entries, old, &idx)) {
			g_hash_table_insert(self->by_topic, g_strdup(topic_id), entry);
			g_object_unref(g_ptr_array_index(self->entries, idx));
			g_ptr_array_index(self->entries, idx) = g_object_ref(entry);
		}
		return;
	}
	g_ptr_array_add(self->entries, g_object_ref(entry));
	g_hash_table_insert(self->by_topic, g_strdup(topic_id), entry);
}

/**
 * cblue_kb_merge:
 * @self: a #CblueKb
 * @entries: (element-type CblueKbEntry): entries
 *
 * Adds entries, merging by `topic_id`.
 *
 * Since: 1.0
 */
void
cblue_kb_merge(CblueKb *self, GPtrArray *entries)
{
	g_return_if_fail(CBLUE_IS_KB(self));
	for (guint i = 0; i < entries->len; i++)
		cblue_kb_add(self, g_ptr_array_index(entries, i));
}

/**
 * cblue_kb_remove:
 * @self: a #CblueKb
 * @topic_id: a topic identifier
 *
 * Removes an entry.
 *
 * Returns: %TRUE if an entry was removed
 *
 * Since: 1.0
 */
gboolean
cblue_kb_remove(CblueKb *self, const gchar *topic_id)
{
	CblueKbEntry *entry;
	g_return_val_if_fail(CBLUE_IS_KB(self), FALSE);
	entry = g_hash_table_lookup(self->by_topic, topic_id);
	if (entry == NULL)
		return FALSE;
	g_hash_table_remove(self->by_topic, topic_id);
	return g_ptr_array_remove(self->entries, entry);
}

/**
 * cblue_kb_copy:
 * @self: a #CblueKb
 *
 * Makes a new KB holding the same (immutable, shared) entries.
 *
 * Returns: (transfer full): a new #CblueKb
 *
 * Since: 1.0
 */
CblueKb *
cblue_kb_copy(CblueKb *self)
{
	CblueKb *copy;
	g_return_val_if_fail(CBLUE_IS_KB(self), NULL);
	copy = cblue_kb_new();
	cblue_kb_merge(copy, self->entries);
	return copy;
}

/* the 1-based line of a byte offset, for error messages */
static guint
cblue_kb_line_of_offset(const gchar *data, gsize offset)
{
	guint line = 1;
	for (gsize i = 0; i < offset; i++) {
		if (data[i] == '\n')
			line++;
	}
	return line;
}

static gboolean
cblue_kb_data_is_json_lines(const gchar *data, gsize length)
{
	for (gsize i = 0; i < length; i++) {
		if (g_ascii_isspace(data[i]))
			continue;
		return data[i] != '[';
	}
	return FALSE;
}

static gboolean
cblue_kb_add_parsed(GPtrArray *entries, GHashTable *seen, JsonNode *node, const gchar *const *languages,
		    const gchar *source_name, const gchar *where, GError **error)
{
	g_autoptr(CblueKbEntry) entry = NULL;
	g_autoptr(GError) error_local = NULL;

	entry = cblue_kb_entry_new_from_json(node, languages, &error_local);
	if (entry == NULL) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "%s: %s: %s", source_name, where,
			    error_local->message);
		return FALSE;
	}
	if (g_hash_table_contains(seen, cblue_kb_entry_get_topic_id(entry))) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("%s: %s: duplicate topic_id “%s”"),
			    source_name, where, cblue_kb_entry_get_topic_id(entry));
		return FALSE;
	}
	g_hash_table_add(seen, g_strdup(cblue_kb_entry_get_topic_id(entry)));
	g_ptr_array_add(entries, g_steal_pointer(&entry));
	return TRUE;
}

static GPtrArray *
cblue_kb_parse_json_lines(const gchar *data, gsize length, const gchar *source_name,
			  const gchar *const *languages, GError **error)
{
	g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func(g_object_unref);
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_autoptr(JsonParser) parser = json_parser_new_immutable();
	gsize start = 0;
	guint line_no = 0;

	while (start < length) {
		gsize end = start;
		g_autofree gchar *line = NULL;
		g_autofree gchar *where = NULL;
		g_autoptr(GError) error_local = NULL;

		while (end < length && data[end] != '\n')
			end++;
		line_no++;
		line = g_strndup(data + start, end - start);
		start = end + 1;
		g_strstrip(line);
		if (line[0] == '\0')
			continue;
		/* TRANSLATORS: where an entry is in a JSON Lines file */
		where = g_strdup_printf(_("line %u"), line_no);
		if (!json_parser_load_from_data(parser, line, -1, &error_local)) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "%s: %s: %s", source_name, where,
				    error_local->message);
			return NULL;
		}
		if (!cblue_kb_add_parsed(entries, seen, json_parser_get_root(parser), languages, source_name, where,
					 error))
			return NULL;
	}
	return g_steal_pointer(&entries);
}

static GPtrArray *
cblue_kb_parse_json_array(const gchar *data, gsize length, const gchar *source_name,
			  const gchar *const *languages, GError **error)
{
	g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func(g_object_unref);
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_autoptr(JsonParser) parser = json_parser_new_immutable();
	g_autoptr(GError) error_local = NULL;
	JsonArray *array;

	if (!json_parser_load_from_data(parser, data, (gssize)length, &error_local)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, "%s: %s", source_name, error_local->message);
		return NULL;
	}
	array = json_node_get_array(json_parser_get_root(parser));
	for (guint i = 0; i < json_array_get_length(array); i++) {
		/* TRANSLATORS: where an entry is in a JSON array, counting from 1 */
		g_autofree gchar *where = g_strdup_printf(_("entry %u"), i + 1);
		if (!cblue_kb_add_parsed(entries, seen, json_array_get_element(array, i), languages, source_name,
					 where, error))
			return NULL;
	}
	return g_steal_pointer(&entries);
}

/**
 * cblue_kb_parse_data:
 * @data: (array length=length) (element-type guint8): a JSON array of entries or JSON Lines
 * @length: the length of @data in bytes
 * @source_name: the name used in error messages, e.g. the file name
 * @languages: (nullable) (array zero-terminated=1): the enabled languages
 * @error: return location for a #GError
 *
 * Parses and validates KB entries. The format is JSON when the first non-space character is
 * `[` and JSON Lines otherwise. Invalid UTF-8, bad JSON, an invalid entry or a duplicate
 * `topic_id` fail the whole parse, with the source name and the entry index or line.
 *
 * Returns: (transfer container) (element-type CblueKbEntry): the entries, or %NULL
 *
 * Since: 1.0
 */
GPtrArray *
cblue_kb_parse_data(const gchar *data, gsize length, const gchar *source_name, const gchar *const *languages,
		    GError **error)
{
	const gchar *invalid = NULL;

	g_return_val_if_fail(data != NULL || length == 0, NULL);
	g_return_val_if_fail(source_name != NULL, NULL);

	if (!g_utf8_validate_len(data, length, &invalid)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("%s: line %u: invalid UTF-8 at byte %lu"), source_name,
			    cblue_kb_line_of_offset(data, invalid - data), (gulong)(invalid - data));
		return NULL;
	}
	if (cblue_kb_data_is_json_lines(data, length))
		return cblue_kb_parse_json_lines(data, length, source_name, languages, error);
	return cblue_kb_parse_json_array(data, length, source_name, languages, error);
}

/**
 * cblue_kb_parse_file:
 * @filename: (type filename): a JSON or JSON Lines file
 * @languages: (nullable) (array zero-terminated=1): the enabled languages
 * @error: return location for a #GError
 *
 * Reads and parses a KB file, see [func@Kb.parse_data].
 *
 * Returns: (transfer container) (element-type CblueKbEntry): the entries, or %NULL
 *
 * Since: 1.0
 */
GPtrArray *
cblue_kb_parse_file(const gchar *filename, const gchar *const *languages, GError **error)
{
	g_autofree gchar *data = NULL;
	gsize length = 0;

	g_return_val_if_fail(filename != NULL, NULL);
	if (!g_file_get_contents(filename, &data, &length, error)) {
		cblue_error_convert(error);
		return NULL;
	}
	return cblue_kb_parse_data(data, length, filename, languages, error);
}

/**
 * cblue_kb_load_file:
 * @self: a #CblueKb
 * @filename: (type filename): a JSON or JSON Lines file
 * @languages: (nullable) (array zero-terminated=1): the enabled languages
 * @error: return location for a #GError
 *
 * Parses a KB file and merges its entries by `topic_id`; on error nothing is changed.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_kb_load_file(CblueKb *self, const gchar *filename, const gchar *const *languages, GError **error)
{
	g_autoptr(GPtrArray) entries = NULL;
	g_return_val_if_fail(CBLUE_IS_KB(self), FALSE);
	entries = cblue_kb_parse_file(filename, languages, error);
	if (entries == NULL)
		return FALSE;
	cblue_kb_merge(self, entries);
	return TRUE;
}

/**
 * cblue_kb_entries_to_json:
 * @entries: (element-type CblueKbEntry): entries
 * @json_lines: %TRUE for JSON Lines, %FALSE for a pretty-printed JSON array
 *
 * Serializes entries in the KB entry format.
 *
 * Returns: (transfer full): the text, ending with a newline
 *
 * Since: 1.0
 */
gchar *
cblue_kb_entries_to_json(GPtrArray *entries, gboolean json_lines)
{
	GString *out = g_string_new(NULL);

	if (json_lines) {
		for (guint i = 0; i < entries->len; i++) {
			g_autoptr(JsonNode) node = cblue_kb_entry_to_json(g_ptr_array_index(entries, i));
			g_autofree gchar *line = json_to_string(node, FALSE);
			g_string_append(out, line);
			g_string_append_c(out, '\n');
		}
	} else {
		g_autoptr(JsonNode) root = json_node_new(JSON_NODE_ARRAY);
		g_autoptr(JsonArray) array = json_array_sized_new(entries->len);
		g_autofree gchar *text = NULL;
		for (guint i = 0; i < entries->len; i++)
			json_array_add_element(array, cblue_kb_entry_to_json(g_ptr_array_index(entries, i)));
		json_node_set_array(root, array);
		text = json_to_string(root, TRUE);
		g_string_append(out, text);
		g_string_append_c(out, '\n');
	}
	return g_string_free(out, FALSE);
}

/**
 * cblue_kb_to_json:
 * @self: a #CblueKb
 * @json_lines: %TRUE for JSON Lines, %FALSE for a pretty-printed JSON array
 *
 * Serializes every entry, see [func@Kb.entries_to_json].
 *
 * Returns: (transfer full): the text
 *
 * Since: 1.0
 */
gchar *
cblue_kb_to_json(CblueKb *self, gboolean json_lines)
{
	g_return_val_if_fail(CBLUE_IS_KB(self), NULL);
	return cblue_kb_entries_to_json(self->entries, json_lines);
}

static int
cblue_kb_name_compare(const void *a, const void *b)
{
	return g_strcmp0(*(const gchar *const *)a, *(const gchar *const *)b);
}

/**
 * cblue_kb_new_bundled:
 * @error: return location for a #GError
 *
 * Loads the knowledge base bundled with Cblue (the Cblue company's own trilingual
 * topics), compiled into the library.
 *
 * Returns: (transfer full): a new #CblueKb, or %NULL
 *
 * Since: 1.0
 */
CblueKb *
cblue_kb_new_bundled(GError **error)
{
	g_autoptr(CblueKb) kb = cblue_kb_new();
	g_auto(GStrv) names = NULL;

	names = g_resources_enumerate_children(CBLUE_KB_BUNDLED_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
	if (names == NULL) {
		cblue_error_convert(error);
		return NULL;
	}
	/* stable order whatever the resource compiler did */
	qsort(names, g_strv_length(names), sizeof(gchar *), cblue_kb_name_compare);
	for (guint i = 0; names[i] != NULL; i++) {
		g_autofree gchar *path = g_strdup_printf("%s/%s", CBLUE_KB_BUNDLED_PATH, names[i]);
		g_autoptr(GBytes) bytes = NULL;
		g_autoptr(GPtrArray) entries = NULL;
		gsize size = 0;
		const gchar *data;

		if (!g_str_has_suffix(names[i], ".json") && !g_str_has_suffix(names[i], ".jsonl"))
			continue;
		bytes = g_resources_lookup_data(path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
		if (bytes == NULL) {
			cblue_error_convert(error);
			return NULL;
		}
		data = g_bytes_get_data(bytes, &size);
		entries = cblue_kb_parse_data(data, size, path, NULL, error);
		if (entries == NULL)
			return NULL;
		cblue_kb_merge(kb, entries);
	}
	return g_steal_pointer(&kb);
}
