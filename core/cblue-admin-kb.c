/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cblue-admin.h"
#include "cblue-chat-reply.h"
#include "cblue-context.h"
#include "cblue-error.h"
#include "cblue-hit.h"
#include "cblue-kb-entry.h"
#include "cblue-kb.h"
#include "cblue-message.h"
#include "cblue-plugin-loader.h"

/*
 * The admin API's KB routes: the working copy (published entries and drafts), publish,
 * versions, diff, rollback, import, export and "try it" against the drafts. See
 * docs/admin-api.md.
 *
 * The list is served from a cache of the working copy, parsed once and searched in
 * memory (a case-folded text of every entry, all languages); any change made through
 * this process invalidates it at once, a change made by another process (another API
 * process, `cblue kb import`) within CBLUE_ADMIN_KB_CACHE_TTL seconds.
 */

#define CBLUE_ADMIN_KB_CACHE_TTL (10 * G_USEC_PER_SEC)
#define CBLUE_ADMIN_CSV_LIST_SEP '|'

/* the members the console adds to a KB entry */
static const gchar *const cblue_admin_entry_extras[] = {"status", "revision", "updated_at", "updated_by"};
/* route names that cannot be topic ids */
static const gchar *const cblue_admin_reserved_ids[] = {"publish", "versions", "import", "export", "try", NULL};
/* the CSV columns, see docs/admin-api.md */
static const gchar *const cblue_admin_csv_columns[] = {"topic_id",     "category",	"tags",
						       "keywords",     "questions_en", "questions_th",
						       "questions_zh", "content_en",	"content_th",
						       "content_zh",   NULL};

typedef struct {
	JsonNode *entry;   /* owned: the ENTRY object */
	gchar *haystack;   /* owned: case-folded text of every field */
	const gchar *topic_id;
	const gchar *category;
	const gchar *status;
	const gchar *updated_at;
} CblueAdminKbItem;

static void
cblue_admin_kb_item_free(CblueAdminKbItem *item)
{
	json_node_unref(item->entry);
	g_free(item->haystack);
	g_free(item);
}

struct _CblueAdminKbState {
	GMutex mutex;
	GPtrArray *items; /* owned, nullable: the cached working copy, of CblueAdminKbItem */
	guint64 items_generation;
	gint64 items_built; /* monotonic */
	GMutex try_mutex;
	CblueContext *try_context;	/* owned, nullable */
	CbluePluginLoader *try_loader; /* owned, nullable */
	CblueBot *try_bot;		/* owned, nullable */
	guint64 try_generation;
	gboolean try_loaded;
};

CblueAdminKbState *
cblue_admin_kb_state_new(void)
{
	CblueAdminKbState *state = g_new0(CblueAdminKbState, 1);
	g_mutex_init(&state->mutex);
	g_mutex_init(&state->try_mutex);
	return state;
}

void
cblue_admin_kb_state_free(CblueAdminKbState *state)
{
	if (state->try_loader != NULL) {
		g_autoptr(GError) error = NULL;
		if (!cblue_plugin_loader_shutdown_sync(state->try_loader, NULL, &error))
			g_warning("draft bot shutdown: %s", error->message);
	}
	g_clear_object(&state->try_bot);
	g_clear_object(&state->try_loader);
	g_clear_object(&state->try_context);
	g_clear_pointer(&state->items, g_ptr_array_unref);
	g_mutex_clear(&state->mutex);
	g_mutex_clear(&state->try_mutex);
	g_free(state);
}

/* small helpers */

static JsonObject *
cblue_admin_object_member(JsonObject *obj, const gchar *name)
{
	JsonNode *node = json_object_get_member(obj, name);
	return node != NULL && JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node) : NULL;
}

static gchar **
cblue_admin_kb_languages(CblueAdminRequest *req)
{
	return cblue_config_get_languages(cblue_admin_request_get_config(req));
}

/* [admin] required_languages: the languages whose content an entry must have; by
 * default every language of [core] languages */
static gchar **
cblue_admin_kb_required_languages(CblueAdminRequest *req)
{
	CblueConfig *config = cblue_admin_request_get_config(req);
	g_autofree gchar *raw = cblue_config_get_string(config, "admin", "required_languages");
	if (raw != NULL)
		return cblue_config_get_strv(config, "admin", "required_languages");
	return cblue_config_get_languages(config);
}

static const gchar *
cblue_admin_language_name(const gchar *lang)
{
	if (g_strcmp0(lang, "en") == 0)
		return _("English");
	if (g_strcmp0(lang, "th") == 0)
		return _("Thai");
	if (g_strcmp0(lang, "zh") == 0)
		return _("Chinese");
	return lang;
}

/* a new object with the members of @obj but @drop (json_node_copy() is shallow: the
 * original, which may be shared with the cache, is never changed) */
static JsonNode *
cblue_admin_object_without(JsonObject *obj, const gchar *const *drop, guint n_drop)
{
	JsonObject *copy = json_object_new();
	JsonNode *node = json_node_new(JSON_NODE_OBJECT);
	g_autoptr(GList) members = json_object_get_members(obj);

	for (GList *l = members; l != NULL; l = l->next) {
		gboolean dropped = FALSE;
		for (guint i = 0; i < n_drop && !dropped; i++)
			dropped = g_strcmp0(l->data, drop[i]) == 0;
		if (!dropped)
			json_object_set_member(copy, l->data, json_node_copy(json_object_get_member(obj, l->data)));
	}
	json_node_take_object(node, copy);
	return node;
}

/* an ENTRY without the console's members: a plain KB entry */
static JsonNode *
cblue_admin_kb_strip(JsonNode *entry)
{
	if (!JSON_NODE_HOLDS_OBJECT(entry))
		return json_node_copy(entry);
	return cblue_admin_object_without(json_node_get_object(entry), cblue_admin_entry_extras,
					  G_N_ELEMENTS(cblue_admin_entry_extras));
}

/* the canonical JSON of a KB entry (validated, members in a fixed order), for
 * comparisons and storage */
static JsonNode *
cblue_admin_kb_canonical(JsonNode *entry, const gchar *const *languages, GError **error)
{
	g_autoptr(JsonNode) plain = cblue_admin_kb_strip(entry);
	g_autoptr(CblueKbEntry) parsed = cblue_kb_entry_new_from_json(plain, languages, error);
	if (parsed == NULL)
		return NULL;
	return cblue_kb_entry_to_json(parsed);
}

/* the working copy cache */

static void
cblue_admin_kb_append_strv(GString *text, JsonObject *obj, const gchar *member)
{
	JsonNode *node = json_object_get_member(obj, member);
	if (node == NULL || !JSON_NODE_HOLDS_ARRAY(node))
		return;
	for (guint i = 0; i < json_array_get_length(json_node_get_array(node)); i++) {
		g_string_append(text, json_array_get_string_element(json_node_get_array(node), i));
		g_string_append_c(text, '\n');
	}
}

static void
cblue_admin_kb_append_langs(GString *text, JsonObject *obj, const gchar *member)
{
	JsonNode *node = json_object_get_member(obj, member);
	g_autoptr(GList) langs = NULL;

	if (node == NULL || !JSON_NODE_HOLDS_OBJECT(node))
		return;
	langs = json_object_get_members(json_node_get_object(node));
	for (GList *l = langs; l != NULL; l = l->next) {
		JsonNode *value = json_object_get_member(json_node_get_object(node), l->data);
		if (JSON_NODE_HOLDS_ARRAY(value))
			cblue_admin_kb_append_strv(text, json_node_get_object(node), l->data);
		else if (JSON_NODE_HOLDS_VALUE(value) && json_node_get_value_type(value) == G_TYPE_STRING)
			g_string_append_printf(text, "%s\n", json_node_get_string(value));
	}
}

static CblueAdminKbItem *
cblue_admin_kb_item_new(JsonNode *entry)
{
	CblueAdminKbItem *item = g_new0(CblueAdminKbItem, 1);
	JsonObject *obj = json_node_get_object(entry);
	g_autoptr(GString) text = g_string_new(NULL);

	item->entry = json_node_ref(entry);
	item->topic_id = json_object_get_string_member_with_default(obj, "topic_id", "");
	item->category = json_object_get_string_member_with_default(obj, "category", "");
	item->status = json_object_get_string_member_with_default(obj, "status", "published");
	item->updated_at = json_object_get_string_member_with_default(obj, "updated_at", "");
	g_string_append_printf(text, "%s\n%s\n", item->topic_id, item->category);
	cblue_admin_kb_append_strv(text, obj, "tags");
	cblue_admin_kb_append_strv(text, obj, "keywords");
	cblue_admin_kb_append_langs(text, obj, "questions");
	cblue_admin_kb_append_langs(text, obj, "content");
	item->haystack = g_utf8_casefold(text->str, (gssize)text->len);
	return item;
}

/* the cached working copy (a reference), refreshed when stale */
static GPtrArray *
cblue_admin_kb_items(CblueAdminRequest *req, GError **error)
{
	CblueAdmin *admin = cblue_admin_request_get_admin(req);
	CblueAdminKbState *state = cblue_admin_get_kb_state(admin);
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&state->mutex);
	guint64 generation = cblue_admin_get_kb_generation(admin);
	gint64 now = g_get_monotonic_time();
	g_autoptr(JsonNode) list = NULL;
	JsonArray *array;
	GPtrArray *items;

	if (state->items != NULL && state->items_generation == generation &&
	    now - state->items_built < CBLUE_ADMIN_KB_CACHE_TTL)
		return g_ptr_array_ref(state->items);
	list = cblue_store_kb_list_working(cblue_admin_request_get_store(req), error);
	if (list == NULL)
		return NULL;
	array = json_node_get_array(list);
	items = g_ptr_array_new_full(json_array_get_length(array), (GDestroyNotify)cblue_admin_kb_item_free);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		JsonNode *entry = json_array_get_element(array, i);
		if (JSON_NODE_HOLDS_OBJECT(entry))
			g_ptr_array_add(items, cblue_admin_kb_item_new(entry));
	}
	g_clear_pointer(&state->items, g_ptr_array_unref);
	state->items = items;
	state->items_generation = generation;
	state->items_built = now;
	return g_ptr_array_ref(items);
}

/*
 * Records a change made through this process: bumps the generation (the draft bot
 * re-indexes) and patches the cached working copy with the saved ENTRY objects, so that
 * the next list does not re-read 5,000 entries. If anything else changed the KB
 * meanwhile, the cache is left stale and is re-read. A delete is not patched: the store
 * may have removed a never-published draft altogether.
 */
static void
cblue_admin_kb_record_change(CblueAdminRequest *req, JsonNode *saved, gboolean patch)
{
	CblueAdmin *admin = cblue_admin_request_get_admin(req);
	CblueAdminKbState *state = cblue_admin_get_kb_state(admin);
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&state->mutex);
	guint64 previous = cblue_admin_get_kb_generation(admin);
	JsonArray *array;

	cblue_admin_kb_changed(admin);
	if (!patch || saved == NULL || state->items == NULL || state->items_generation != previous ||
	    cblue_admin_get_kb_generation(admin) != previous + 1)
		return;
	array = json_node_get_array(saved);
	/* a big import: re-reading is cheaper than inserting one by one */
	if (json_array_get_length(array) > 64)
		return;
	for (guint i = 0; i < json_array_get_length(array); i++) {
		JsonNode *entry = json_array_get_element(array, i);
		CblueAdminKbItem *item;
		guint index = 0;

		if (!JSON_NODE_HOLDS_OBJECT(entry))
			return;
		item = cblue_admin_kb_item_new(entry);
		/* the cache is sorted by topic_id, as the store returns it */
		while (index < state->items->len &&
		       g_strcmp0(((CblueAdminKbItem *)g_ptr_array_index(state->items, index))->topic_id, item->topic_id) < 0)
			index++;
		if (index < state->items->len &&
		    g_strcmp0(((CblueAdminKbItem *)g_ptr_array_index(state->items, index))->topic_id, item->topic_id) == 0)
			cblue_admin_kb_item_free(g_ptr_array_steal_index(state->items, index));
		g_ptr_array_insert(state->items, (gint)index, item);
	}
	state->items_generation = previous + 1;
}

static gboolean
cblue_admin_kb_item_has_tag(CblueAdminKbItem *item, const gchar *tag)
{
	JsonNode *tags = json_object_get_member(json_node_get_object(item->entry), "tags");
	if (tags == NULL || !JSON_NODE_HOLDS_ARRAY(tags))
		return FALSE;
	for (guint i = 0; i < json_array_get_length(json_node_get_array(tags)); i++) {
		if (g_strcmp0(json_array_get_string_element(json_node_get_array(tags), i), tag) == 0)
			return TRUE;
	}
	return FALSE;
}

/* a language missing in the content or in the example questions */
static gboolean
cblue_admin_kb_item_misses(CblueAdminKbItem *item, const gchar *lang)
{
	JsonObject *obj = json_node_get_object(item->entry);
	JsonNode *content = json_object_get_member(obj, "content");
	JsonNode *questions = json_object_get_member(obj, "questions");
	JsonNode *text;
	JsonNode *list;

	if (content == NULL || !JSON_NODE_HOLDS_OBJECT(content) || questions == NULL ||
	    !JSON_NODE_HOLDS_OBJECT(questions))
		return TRUE;
	text = json_object_get_member(json_node_get_object(content), lang);
	list = json_object_get_member(json_node_get_object(questions), lang);
	return text == NULL || json_node_get_string(text) == NULL || json_node_get_string(text)[0] == '\0' ||
	       list == NULL || !JSON_NODE_HOLDS_ARRAY(list) || json_array_get_length(json_node_get_array(list)) == 0;
}

typedef struct {
	const gchar *sort;
	gboolean descending;
} CblueAdminKbSort;

static gint
cblue_admin_kb_compare(gconstpointer a, gconstpointer b, gpointer user_data)
{
	const CblueAdminKbSort *sort = user_data;
	CblueAdminKbItem *x = *(CblueAdminKbItem *const *)a;
	CblueAdminKbItem *y = *(CblueAdminKbItem *const *)b;
	gint cmp = 0;

	if (g_strcmp0(sort->sort, "category") == 0)
		cmp = g_strcmp0(x->category, y->category);
	else if (g_strcmp0(sort->sort, "updated_at") == 0)
		cmp = g_strcmp0(x->updated_at, y->updated_at);
	if (cmp == 0)
		cmp = g_strcmp0(x->topic_id, y->topic_id);
	return sort->descending ? -cmp : cmp;
}

/* GET /kb */
static void
cblue_admin_handle_kb_list(CblueAdminRequest *req)
{
	const gchar *q = cblue_admin_request_get_query(req, "q");
	const gchar *category = cblue_admin_request_get_query(req, "category");
	const gchar *tag = cblue_admin_request_get_query(req, "tag");
	const gchar *missing = cblue_admin_request_get_query(req, "missing");
	const gchar *status = cblue_admin_request_get_query(req, "status");
	const gchar *order = cblue_admin_request_get_query(req, "order");
	CblueAdminKbSort sort = {cblue_admin_request_get_query(req, "sort"), g_strcmp0(order, "desc") == 0};
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) items = NULL;
	g_autoptr(GPtrArray) matches = NULL;
	g_autofree gchar *needle = NULL;
	g_autoptr(GString) json = NULL;
	guint offset = 0;
	guint limit = 0;

	if (!cblue_admin_request_query_uint(req, "offset", 0, G_MAXINT32, &offset) ||
	    !cblue_admin_request_query_uint(req, "limit", 50, 500, &limit))
		return;
	if (sort.sort != NULL && g_strcmp0(sort.sort, "topic_id") != 0 && g_strcmp0(sort.sort, "category") != 0 &&
	    g_strcmp0(sort.sort, "updated_at") != 0) {
		cblue_admin_request_reply_invalid(req, _("“sort” must be topic_id, category or updated_at."));
		return;
	}
	if (order != NULL && g_strcmp0(order, "asc") != 0 && g_strcmp0(order, "desc") != 0) {
		cblue_admin_request_reply_invalid(req, _("“order” must be asc or desc."));
		return;
	}
	if (status != NULL && status[0] != '\0' && g_strcmp0(status, "draft") != 0 &&
	    g_strcmp0(status, "published") != 0 && g_strcmp0(status, "deleted") != 0) {
		cblue_admin_request_reply_invalid(req, _("“status” must be draft, published or deleted."));
		return;
	}
	items = cblue_admin_kb_items(req, &error);
	if (items == NULL) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	if (q != NULL && q[0] != '\0')
		needle = g_utf8_casefold(q, -1);
	matches = g_ptr_array_new();
	for (guint i = 0; i < items->len; i++) {
		CblueAdminKbItem *item = g_ptr_array_index(items, i);
		if (needle != NULL && strstr(item->haystack, needle) == NULL)
			continue;
		if (category != NULL && category[0] != '\0' && g_strcmp0(item->category, category) != 0)
			continue;
		if (tag != NULL && tag[0] != '\0' && !cblue_admin_kb_item_has_tag(item, tag))
			continue;
		if (status != NULL && status[0] != '\0' && g_strcmp0(item->status, status) != 0)
			continue;
		if (missing != NULL && missing[0] != '\0' && !cblue_admin_kb_item_misses(item, missing))
			continue;
		g_ptr_array_add(matches, item);
	}
	if ((sort.sort != NULL && g_strcmp0(sort.sort, "topic_id") != 0) || sort.descending)
		g_ptr_array_sort_with_data(matches, cblue_admin_kb_compare, &sort);

	json = g_string_new(NULL);
	g_string_append_printf(json, "{\"total\":%u,\"offset\":%u,\"limit\":%u,\"entries\":[", matches->len, offset,
			       limit);
	for (guint i = offset; i < matches->len && i < (guint64)offset + limit; i++) {
		CblueAdminKbItem *item = g_ptr_array_index(matches, i);
		g_autofree gchar *entry = json_to_string(item->entry, FALSE);
		if (i > offset)
			g_string_append_c(json, ',');
		g_string_append(json, entry);
	}
	g_string_append(json, "]}");
	cblue_admin_request_reply_json(req, SOUP_STATUS_OK, json->str);
}

/* GET /kb/{topic_id} */
static void
cblue_admin_handle_kb_get(CblueAdminRequest *req)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) entry = cblue_store_kb_get_working(cblue_admin_request_get_store(req),
								cblue_admin_request_get_param(req, "topic_id"), &error);
	if (entry == NULL) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	cblue_admin_request_reply_node(req, SOUP_STATUS_OK, entry);
}

/* validation of an edited entry: the KB format, the required languages, the topic id;
 * NULL (and 400 replied, naming the fields) if it is not valid */
static JsonNode *
cblue_admin_kb_validate(CblueAdminRequest *req, JsonObject *body, const gchar *path_topic_id)
{
	g_auto(GStrv) languages = cblue_admin_kb_languages(req);
	g_auto(GStrv) required = cblue_admin_kb_required_languages(req);
	const gchar *drop[] = {"revision"};
	g_autoptr(JsonNode) node = cblue_admin_object_without(body, drop, G_N_ELEMENTS(drop));
	g_autoptr(JsonNode) canonical = NULL;
	g_autoptr(JsonArray) fields = json_array_new();
	g_autoptr(GError) error = NULL;
	const gchar *topic_id;
	JsonObject *extra;

	if (path_topic_id != NULL) {
		JsonObject *obj = json_node_get_object(node);
		const gchar *given = json_object_get_string_member_with_default(obj, "topic_id", NULL);
		if (given != NULL && g_strcmp0(given, path_topic_id) != 0) {
			cblue_admin_request_reply_invalid(req, _("The topic_id of the entry differs from the one in the URL."));
			return NULL;
		}
		if (given == NULL)
			json_object_set_string_member(obj, "topic_id", path_topic_id);
	}
	canonical = cblue_admin_kb_canonical(node, (const gchar *const *)languages, &error);
	if (canonical == NULL) {
		cblue_admin_request_reply_error(req, error);
		return NULL;
	}
	topic_id = json_object_get_string_member(json_node_get_object(canonical), "topic_id");
	if (g_strv_contains(cblue_admin_reserved_ids, topic_id)) {
		cblue_admin_request_reply_invalid(req, _("This topic_id is reserved; choose another."));
		return NULL;
	}
	for (guint i = 0; required != NULL && required[i] != NULL; i++) {
		JsonNode *content = json_object_get_member(json_node_get_object(canonical), "content");
		JsonObject *field;
		g_autofree gchar *name = NULL;
		g_autofree gchar *message = NULL;
		if (content != NULL && JSON_NODE_HOLDS_OBJECT(content) &&
		    json_object_has_member(json_node_get_object(content), required[i]))
			continue;
		name = g_strdup_printf("content.%s", required[i]);
		/* TRANSLATORS: %s is a language name, e.g. Thai */
		message = g_strdup_printf(_("The %s content is required."), cblue_admin_language_name(required[i]));
		field = json_object_new();
		json_object_set_string_member(field, "field", name);
		json_object_set_string_member(field, "message", message);
		json_array_add_object_element(fields, field);
	}
	if (json_array_get_length(fields) > 0) {
		JsonObject *first = json_array_get_object_element(fields, 0);
		extra = json_object_new();
		json_object_set_array_member(extra, "fields", g_steal_pointer(&fields));
		cblue_admin_request_reply_error_code(req, SOUP_STATUS_BAD_REQUEST, "invalid_data",
						     json_object_get_string_member(first, "message"), extra);
		json_object_unref(extra);
		return NULL;
	}
	return g_steal_pointer(&canonical);
}

/* saves one change; replies with the saved ENTRY, or the error */
static void
cblue_admin_kb_save_one(CblueAdminRequest *req, const gchar *op, JsonNode *entry, gint64 revision, guint status)
{
	CblueStore *store = cblue_admin_request_get_store(req);
	g_autoptr(JsonArray) changes = json_array_new();
	g_autoptr(JsonNode) changes_node = json_node_new(JSON_NODE_ARRAY);
	g_autoptr(JsonNode) saved = NULL;
	g_autoptr(GError) error = NULL;
	JsonObject *change = json_object_new();
	const gchar *topic_id = json_object_get_string_member(json_node_get_object(entry), "topic_id");

	json_object_set_string_member(change, "op", op);
	json_object_set_member(change, "entry", json_node_copy(entry));
	json_object_set_int_member(change, "revision", revision);
	json_array_add_object_element(changes, change);
	json_node_set_array(changes_node, changes);
	saved = cblue_store_kb_save_drafts(store, changes_node, cblue_admin_request_get_user(req), &error);
	cblue_admin_kb_record_change(req, saved, g_strcmp0(op, "delete") != 0);
	if (saved == NULL) {
		if (g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_CONFLICT) && g_strcmp0(op, "create") == 0) {
			cblue_admin_request_reply_error_code(req, SOUP_STATUS_CONFLICT, "exists", error->message, NULL);
		} else if (g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_CONFLICT)) {
			/* the other editor's version, so that nothing is overwritten blindly */
			g_autoptr(JsonNode) current = cblue_store_kb_get_working(store, topic_id, NULL);
			g_autoptr(JsonObject) extra = json_object_new();
			if (current != NULL)
				json_object_set_member(extra, "current", g_steal_pointer(&current));
			cblue_admin_request_reply_error_code(req, SOUP_STATUS_CONFLICT, "conflict", error->message,
							     extra);
		} else {
			cblue_admin_request_reply_error(req, error);
		}
		return;
	}
	cblue_admin_request_audit(req, g_strcmp0(op, "delete") == 0 ? "kb.delete" : "kb.save", topic_id, op);
	if (status == SOUP_STATUS_NO_CONTENT)
		cblue_admin_request_reply_no_content(req);
	else
		cblue_admin_request_reply_node(req, status, json_array_get_element(json_node_get_array(saved), 0));
}

/* POST /kb */
static void
cblue_admin_handle_kb_create(CblueAdminRequest *req)
{
	JsonObject *body = cblue_admin_request_body_object(req);
	g_autoptr(JsonNode) entry = NULL;

	if (body == NULL)
		return;
	entry = cblue_admin_kb_validate(req, body, NULL);
	if (entry == NULL)
		return;
	cblue_admin_kb_save_one(req, "create", entry, -1, SOUP_STATUS_CREATED);
}

/* PUT /kb/{topic_id} */
static void
cblue_admin_handle_kb_update(CblueAdminRequest *req)
{
	JsonObject *body = cblue_admin_request_body_object(req);
	g_autoptr(JsonNode) entry = NULL;
	JsonNode *revision_node;
	gint64 revision;

	if (body == NULL)
		return;
	revision_node = json_object_get_member(body, "revision");
	if (revision_node == NULL || !JSON_NODE_HOLDS_VALUE(revision_node) ||
	    json_node_get_value_type(revision_node) != G_TYPE_INT64 || json_node_get_int(revision_node) < 1) {
		cblue_admin_request_reply_invalid(req, _("Give the “revision” the edit started from."));
		return;
	}
	revision = json_node_get_int(revision_node);
	entry = cblue_admin_kb_validate(req, body, cblue_admin_request_get_param(req, "topic_id"));
	if (entry == NULL)
		return;
	cblue_admin_kb_save_one(req, "update", entry, revision, SOUP_STATUS_OK);
}

/* DELETE /kb/{topic_id}; `?revision=N` checks the revision like PUT */
static void
cblue_admin_handle_kb_delete(CblueAdminRequest *req)
{
	g_autoptr(JsonNode) entry = json_node_new(JSON_NODE_OBJECT);
	JsonObject *obj = json_object_new();
	const gchar *revision_text = cblue_admin_request_get_query(req, "revision");
	guint64 revision = 0;

	if (revision_text != NULL && !g_ascii_string_to_unsigned(revision_text, 10, 1, G_MAXINT64, &revision, NULL)) {
		cblue_admin_request_reply_invalid(req, _("“revision” must be a number."));
		return;
	}
	json_object_set_string_member(obj, "topic_id", cblue_admin_request_get_param(req, "topic_id"));
	json_node_take_object(entry, obj);
	cblue_admin_kb_save_one(req, "delete", entry, revision_text != NULL ? (gint64)revision : -1,
				SOUP_STATUS_NO_CONTENT);
}

/* POST /kb/publish {"comment"?} */
static void
cblue_admin_handle_kb_publish(CblueAdminRequest *req)
{
	const gchar *comment = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) result = NULL;
	gsize size = 0;

	g_bytes_get_data(cblue_admin_request_get_body(req), &size);
	if (size > 0) {
		JsonObject *body = cblue_admin_request_body_object(req);
		if (body == NULL || !cblue_admin_request_string_member(req, body, "comment", &comment))
			return;
	}
	result = cblue_admin_publish(cblue_admin_request_get_admin(req), cblue_admin_request_get_user(req), comment,
				     NULL, &error);
	if (result == NULL) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	{
		g_autofree gchar *version = g_strdup_printf(
		    "%" G_GINT64_FORMAT, json_object_get_int_member(json_node_get_object(result), "version"));
		cblue_admin_request_audit(req, "kb.publish", version, comment);
	}
	cblue_admin_request_reply_node(req, SOUP_STATUS_OK, result);
}

/* GET /kb/versions */
static void
cblue_admin_handle_kb_versions(CblueAdminRequest *req)
{
	g_autoptr(GError) error = NULL;
	JsonNode *versions = cblue_store_kb_list_versions(cblue_admin_request_get_store(req), &error);

	cblue_admin_request_reply_list(req, "versions", versions, error);
}

static gboolean
cblue_admin_kb_parse_version(CblueAdminRequest *req, const gchar *text, gint64 *version)
{
	guint64 value = 0;
	if (text == NULL || !g_ascii_string_to_unsigned(text, 10, 1, G_MAXINT64, &value, NULL)) {
		cblue_admin_request_reply_error_code(req, SOUP_STATUS_NOT_FOUND, "not_found", _("No such KB version."),
						     NULL);
		return FALSE;
	}
	*version = (gint64)value;
	return TRUE;
}

/* topic_id → entry object of a version's snapshot */
static GHashTable *
cblue_admin_kb_index(JsonNode *entries)
{
	GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);
	JsonArray *array = json_node_get_array(entries);

	for (guint i = 0; i < json_array_get_length(array); i++) {
		JsonObject *obj = json_array_get_object_element(array, i);
		const gchar *topic_id = obj != NULL ? json_object_get_string_member_with_default(obj, "topic_id", NULL) : NULL;
		if (topic_id != NULL)
			g_hash_table_insert(index, (gpointer)topic_id, obj);
	}
	return index;
}

/* the names of the fields that differ, "content.th" for one language */
static JsonArray *
cblue_admin_kb_changed_fields(JsonObject *a, JsonObject *b)
{
	const gchar *fields[] = {"category", "tags", "keywords", "questions", "content", "status"};
	JsonArray *changed = json_array_new();

	for (guint i = 0; i < G_N_ELEMENTS(fields); i++) {
		JsonNode *x = json_object_get_member(a, fields[i]);
		JsonNode *y = json_object_get_member(b, fields[i]);
		if (x == NULL && y == NULL)
			continue;
		if (x != NULL && y != NULL && json_node_equal(x, y))
			continue;
		if ((g_strcmp0(fields[i], "questions") == 0 || g_strcmp0(fields[i], "content") == 0) &&
		    (x == NULL || JSON_NODE_HOLDS_OBJECT(x)) && (y == NULL || JSON_NODE_HOLDS_OBJECT(y))) {
			const gchar *langs[] = {"en", "th", "zh"};
			g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
			for (guint pass = 0; pass < 2; pass++) {
				JsonNode *side = pass == 0 ? x : y;
				g_autoptr(GList) members = side != NULL ? json_object_get_members(json_node_get_object(side)) : NULL;
				for (GList *l = members; l != NULL; l = l->next)
					g_hash_table_add(seen, g_strdup(l->data));
			}
			for (guint l = 0; l < G_N_ELEMENTS(langs); l++)
				g_hash_table_add(seen, g_strdup(langs[l]));
			{
				g_autoptr(GList) keys = g_hash_table_get_keys(seen);
				keys = g_list_sort(keys, (GCompareFunc)g_strcmp0);
				for (GList *l = keys; l != NULL; l = l->next) {
					JsonNode *xv = x != NULL ? json_object_get_member(json_node_get_object(x), l->data) : NULL;
					JsonNode *yv = y != NULL ? json_object_get_member(json_node_get_object(y), l->data) : NULL;
					if ((xv == NULL && yv == NULL) || (xv != NULL && yv != NULL && json_node_equal(xv, yv)))
						continue;
					g_autofree gchar *name = g_strdup_printf("%s.%s", fields[i], (gchar *)l->data);
					json_array_add_string_element(changed, name);
				}
			}
			continue;
		}
		json_array_add_string_element(changed, fields[i]);
	}
	return changed;
}

/* GET /kb/versions/{v}/diff?against=N */
static void
cblue_admin_handle_kb_diff(CblueAdminRequest *req)
{
	CblueStore *store = cblue_admin_request_get_store(req);
	const gchar *against_text = cblue_admin_request_get_query(req, "against");
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) new_entries = NULL;
	g_autoptr(JsonNode) old_entries = NULL;
	g_autoptr(GHashTable) new_index = NULL;
	g_autoptr(GHashTable) old_index = NULL;
	g_autoptr(GList) new_ids = NULL;
	g_autoptr(GList) old_ids = NULL;
	JsonArray *added = json_array_new();
	JsonArray *removed = json_array_new();
	JsonArray *changed = json_array_new();
	JsonObject *obj = json_object_new();
	gint64 version = 0;
	gint64 against = 0;

	json_object_set_array_member(obj, "added", added);
	json_object_set_array_member(obj, "removed", removed);
	json_object_set_array_member(obj, "changed", changed);
	if (!cblue_admin_kb_parse_version(req, cblue_admin_request_get_param(req, "v"), &version)) {
		json_object_unref(obj);
		return;
	}
	against = version - 1;
	if (against_text != NULL && !cblue_admin_kb_parse_version(req, against_text, &against)) {
		json_object_unref(obj);
		return;
	}
	new_entries = cblue_store_kb_get_version(store, version, &error);
	if (new_entries != NULL && against > 0)
		old_entries = cblue_store_kb_get_version(store, against, &error);
	else if (new_entries != NULL)
		old_entries = json_node_init_array(json_node_alloc(), json_array_new());
	if (new_entries == NULL || old_entries == NULL) {
		json_object_unref(obj);
		cblue_admin_request_reply_error(req, error);
		return;
	}
	new_index = cblue_admin_kb_index(new_entries);
	old_index = cblue_admin_kb_index(old_entries);
	new_ids = g_list_sort(g_hash_table_get_keys(new_index), (GCompareFunc)g_strcmp0);
	old_ids = g_list_sort(g_hash_table_get_keys(old_index), (GCompareFunc)g_strcmp0);
	for (GList *l = new_ids; l != NULL; l = l->next) {
		JsonObject *old = g_hash_table_lookup(old_index, l->data);
		JsonArray *fields;
		JsonObject *item;
		if (old == NULL) {
			json_array_add_string_element(added, l->data);
			continue;
		}
		fields = cblue_admin_kb_changed_fields(old, g_hash_table_lookup(new_index, l->data));
		if (json_array_get_length(fields) == 0) {
			json_array_unref(fields);
			continue;
		}
		item = json_object_new();
		json_object_set_string_member(item, "topic_id", l->data);
		json_object_set_array_member(item, "fields", fields);
		json_array_add_object_element(changed, item);
	}
	for (GList *l = old_ids; l != NULL; l = l->next) {
		if (!g_hash_table_contains(new_index, l->data))
			json_array_add_string_element(removed, l->data);
	}
	cblue_admin_request_reply_object(req, SOUP_STATUS_OK, obj);
}

/* POST /kb/versions/{v}/rollback {"comment"?} */
static void
cblue_admin_handle_kb_rollback(CblueAdminRequest *req)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) entries = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autofree gchar *comment = NULL;
	gint64 version = 0;

	if (!cblue_admin_kb_parse_version(req, cblue_admin_request_get_param(req, "v"), &version))
		return;
	entries = cblue_store_kb_get_version(cblue_admin_request_get_store(req), version, &error);
	if (entries == NULL) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	comment = g_strdup_printf(_("Rollback to version %lld"), (long long)version);
	result = cblue_admin_publish(cblue_admin_request_get_admin(req), cblue_admin_request_get_user(req), comment,
				     entries, &error);
	if (result == NULL) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	cblue_admin_request_audit(req, "kb.rollback", cblue_admin_request_get_param(req, "v"), comment);
	cblue_admin_request_reply_node(req, SOUP_STATUS_OK, result);
}

/* CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF) */

/* the records of a CSV text; NULL if a quote is not closed */
static GPtrArray *
cblue_admin_csv_parse(const gchar *text, gsize len, GError **error)
{
	g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
	g_autoptr(GPtrArray) record = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GString) field = g_string_new(NULL);
	gboolean quoted = FALSE;
	gboolean any = FALSE;
	gsize i = 0;

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) /* a spreadsheet's byte order mark */
		i = 3;
	for (; i < len; i++) {
		gchar c = text[i];
		if (quoted) {
			if (c == '"' && i + 1 < len && text[i + 1] == '"') {
				g_string_append_c(field, '"');
				i++;
			} else if (c == '"') {
				quoted = FALSE;
			} else {
				g_string_append_c(field, c);
			}
			continue;
		}
		if (c == '"' && field->len == 0) {
			quoted = TRUE;
			any = TRUE;
		} else if (c == ',') {
			g_ptr_array_add(record, g_strdup(field->str));
			g_string_truncate(field, 0);
			any = TRUE;
		} else if (c == '\n' || c == '\r') {
			if (c == '\r' && i + 1 < len && text[i + 1] == '\n')
				i++;
			if (any || field->len > 0) {
				g_ptr_array_add(record, g_strdup(field->str));
				g_ptr_array_add(records, g_steal_pointer(&record));
				record = g_ptr_array_new_with_free_func(g_free);
			}
			g_string_truncate(field, 0);
			any = FALSE;
		} else {
			g_string_append_c(field, c);
			any = TRUE;
		}
	}
	if (quoted) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The CSV file has an unclosed quote."));
		return NULL;
	}
	if (any || field->len > 0) {
		g_ptr_array_add(record, g_strdup(field->str));
		g_ptr_array_add(records, g_steal_pointer(&record));
	}
	return g_steal_pointer(&records);
}

static void
cblue_admin_csv_append_field(GString *out, const gchar *value)
{
	if (value == NULL)
		value = "";
	if (strpbrk(value, ",\"\r\n") == NULL) {
		g_string_append(out, value);
		return;
	}
	g_string_append_c(out, '"');
	for (const gchar *p = value; *p != '\0'; p++) {
		if (*p == '"')
			g_string_append_c(out, '"');
		g_string_append_c(out, *p);
	}
	g_string_append_c(out, '"');
}

/* a "|"-separated cell as a JSON array of trimmed, non-empty strings */
static JsonArray *
cblue_admin_csv_list(const gchar *cell)
{
	g_autofree gchar *sep = g_strdup_printf("%c", CBLUE_ADMIN_CSV_LIST_SEP);
	g_auto(GStrv) parts = g_strsplit(cell, sep, -1);
	JsonArray *array = json_array_new();

	for (guint i = 0; parts[i] != NULL; i++) {
		const gchar *item = g_strstrip(parts[i]);
		if (item[0] != '\0')
			json_array_add_string_element(array, item);
	}
	return array;
}

static gchar *
cblue_admin_csv_join(JsonNode *node)
{
	g_autoptr(GString) out = g_string_new(NULL);
	if (node == NULL || !JSON_NODE_HOLDS_ARRAY(node))
		return g_strdup("");
	for (guint i = 0; i < json_array_get_length(json_node_get_array(node)); i++) {
		if (i > 0)
			g_string_append(out, " | ");
		g_string_append(out, json_array_get_string_element(json_node_get_array(node), i));
	}
	return g_string_free(g_steal_pointer(&out), FALSE);
}

/* one CSV row as a KB entry object; columns named by @header */
static JsonNode *
cblue_admin_csv_row_to_entry(GPtrArray *header, GPtrArray *row)
{
	JsonObject *obj = json_object_new();
	JsonObject *questions = json_object_new();
	JsonObject *content = json_object_new();
	JsonNode *node = json_node_new(JSON_NODE_OBJECT);

	for (guint c = 0; c < header->len && c < row->len; c++) {
		const gchar *column = g_ptr_array_index(header, c);
		const gchar *cell = g_ptr_array_index(row, c);
		g_autofree gchar *trimmed = g_strstrip(g_strdup(cell));
		if (trimmed[0] == '\0')
			continue;
		if (g_strcmp0(column, "topic_id") == 0 || g_strcmp0(column, "category") == 0)
			json_object_set_string_member(obj, column, trimmed);
		else if (g_strcmp0(column, "tags") == 0 || g_strcmp0(column, "keywords") == 0)
			json_object_set_array_member(obj, column, cblue_admin_csv_list(trimmed));
		else if (g_str_has_prefix(column, "questions_"))
			json_object_set_array_member(questions, column + strlen("questions_"), cblue_admin_csv_list(trimmed));
		else if (g_str_has_prefix(column, "content_"))
			json_object_set_string_member(content, column + strlen("content_"), cell);
	}
	if (json_object_get_size(questions) > 0)
		json_object_set_object_member(obj, "questions", questions);
	else
		json_object_unref(questions);
	json_object_set_object_member(obj, "content", content);
	json_node_take_object(node, obj);
	return node;
}

static void
cblue_admin_kb_import_error(JsonArray *errors, const gchar *label, const gchar *message)
{
	JsonObject *item = json_object_new();
	json_object_set_string_member(item, "entry", label);
	json_object_set_string_member(item, "message", message);
	json_array_add_object_element(errors, item);
}

/* the entries of an import body: an array of nodes; @errors gets the file-level errors */
static GPtrArray *
cblue_admin_kb_import_parse(CblueAdminRequest *req, const gchar *format, JsonArray *errors, GPtrArray **labels)
{
	GBytes *body = cblue_admin_request_get_body(req);
	gsize size = 0;
	const gchar *data = g_bytes_get_data(body, &size);
	g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func((GDestroyNotify)json_node_unref);
	g_autoptr(GError) error = NULL;

	*labels = g_ptr_array_new_with_free_func(g_free);
	if (!g_utf8_validate_len(data, size, NULL)) {
		g_set_error_literal(&error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The file is not UTF-8."));
	} else if (g_strcmp0(format, "csv") == 0) {
		g_autoptr(GPtrArray) records = cblue_admin_csv_parse(data, size, &error);
		GPtrArray *header = records != NULL && records->len > 0 ? g_ptr_array_index(records, 0) : NULL;
		if (records != NULL && header == NULL)
			g_set_error_literal(&error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The CSV file is empty."));
		for (guint c = 0; header != NULL && c < header->len && error == NULL; c++) {
			gchar *column = g_strstrip((gchar *)g_ptr_array_index(header, c));
			if (!g_strv_contains(cblue_admin_csv_columns, column))
				g_set_error(&error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("Unknown CSV column “%s”."),
					    column);
		}
		if (error == NULL && header != NULL &&
		    !g_ptr_array_find_with_equal_func(header, "topic_id", g_str_equal, NULL))
			g_set_error_literal(&error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
					    _("The CSV file has no topic_id column."));
		for (guint r = 1; error == NULL && r < records->len; r++) {
			GPtrArray *row = g_ptr_array_index(records, r);
			if (row->len != header->len) {
				g_autofree gchar *label = g_strdup_printf(_("row %u"), r + 1);
				g_autofree gchar *message =
				    g_strdup_printf(_("The row has %u fields, the header %u."), row->len, header->len);
				cblue_admin_kb_import_error(errors, label, message);
				continue;
			}
			g_ptr_array_add(nodes, cblue_admin_csv_row_to_entry(header, row));
			g_ptr_array_add(*labels, g_strdup_printf(_("row %u"), r + 1));
		}
	} else {
		/* a JSON array, or JSON Lines (one entry per line) */
		g_autoptr(JsonNode) root = json_from_string(data, NULL);
		if (root != NULL && JSON_NODE_HOLDS_ARRAY(root)) {
			JsonArray *array = json_node_get_array(root);
			for (guint i = 0; i < json_array_get_length(array); i++) {
				g_ptr_array_add(nodes, json_node_copy(json_array_get_element(array, i)));
				g_ptr_array_add(*labels, g_strdup_printf(_("entry %u"), i + 1));
			}
		} else {
			g_auto(GStrv) lines = g_strsplit(data, "\n", -1);
			for (guint i = 0; lines[i] != NULL && error == NULL; i++) {
				g_autoptr(GError) line_error = NULL;
				JsonNode *node;
				if (g_strstrip(lines[i])[0] == '\0')
					continue;
				node = json_from_string(lines[i], &line_error);
				if (node == NULL) {
					g_autofree gchar *label = g_strdup_printf(_("line %u"), i + 1);
					cblue_admin_kb_import_error(errors, label, line_error->message);
					continue;
				}
				g_ptr_array_add(nodes, node);
				g_ptr_array_add(*labels, g_strdup_printf(_("line %u"), i + 1));
			}
		}
	}
	if (error != NULL)
		cblue_admin_kb_import_error(errors, _("file"), error->message);
	return g_steal_pointer(&nodes);
}

/* POST /kb/import?format=json|csv&dry_run=1 */
static void
cblue_admin_handle_kb_import(CblueAdminRequest *req)
{
	const gchar *format = cblue_admin_request_get_query(req, "format");
	const gchar *dry_run_text = cblue_admin_request_get_query(req, "dry_run");
	gboolean dry_run = dry_run_text != NULL && g_strcmp0(dry_run_text, "0") != 0 && g_strcmp0(dry_run_text, "false") != 0;
	g_auto(GStrv) languages = cblue_admin_kb_languages(req);
	g_auto(GStrv) required = cblue_admin_kb_required_languages(req);
	g_autoptr(JsonArray) errors = json_array_new();
	g_autoptr(JsonArray) added = json_array_new();
	g_autoptr(JsonArray) changed = json_array_new();
	g_autoptr(JsonArray) changes = json_array_new();
	g_autoptr(GPtrArray) labels = NULL;
	g_autoptr(GPtrArray) nodes = NULL;
	g_autoptr(GPtrArray) items = NULL;
	g_autoptr(GHashTable) working = g_hash_table_new(g_str_hash, g_str_equal);
	g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_autoptr(GError) error = NULL;
	JsonObject *result;
	guint unchanged = 0;
	gboolean applied = FALSE;

	if (format == NULL)
		format = "json";
	if (g_strcmp0(format, "json") != 0 && g_strcmp0(format, "csv") != 0) {
		cblue_admin_request_reply_invalid(req, _("“format” must be json or csv."));
		return;
	}
	items = cblue_admin_kb_items(req, &error);
	if (items == NULL) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	for (guint i = 0; i < items->len; i++) {
		CblueAdminKbItem *item = g_ptr_array_index(items, i);
		if (g_strcmp0(item->status, "deleted") != 0)
			g_hash_table_insert(working, (gpointer)item->topic_id, item);
	}
	nodes = cblue_admin_kb_import_parse(req, format, errors, &labels);
	for (guint i = 0; i < nodes->len; i++) {
		const gchar *label = g_ptr_array_index(labels, i);
		g_autoptr(GError) entry_error = NULL;
		g_autoptr(JsonNode) canonical = cblue_admin_kb_canonical(g_ptr_array_index(nodes, i),
									 (const gchar *const *)languages, &entry_error);
		CblueAdminKbItem *current;
		g_autoptr(JsonNode) current_canonical = NULL;
		const gchar *topic_id;
		JsonNode *content;
		JsonObject *change;
		gboolean bad = FALSE;

		if (canonical == NULL) {
			cblue_admin_kb_import_error(errors, label, entry_error->message);
			continue;
		}
		topic_id = json_object_get_string_member(json_node_get_object(canonical), "topic_id");
		if (g_strv_contains(cblue_admin_reserved_ids, topic_id)) {
			cblue_admin_kb_import_error(errors, topic_id, _("This topic_id is reserved; choose another."));
			continue;
		}
		if (!g_hash_table_add(seen, g_strdup(topic_id))) {
			cblue_admin_kb_import_error(errors, topic_id, _("The topic_id appears twice in the file."));
			continue;
		}
		content = json_object_get_member(json_node_get_object(canonical), "content");
		for (guint l = 0; required != NULL && required[l] != NULL; l++) {
			if (content == NULL || !JSON_NODE_HOLDS_OBJECT(content) ||
			    !json_object_has_member(json_node_get_object(content), required[l])) {
				g_autofree gchar *message = g_strdup_printf(_("The %s content is required."),
									    cblue_admin_language_name(required[l]));
				cblue_admin_kb_import_error(errors, topic_id, message);
				bad = TRUE;
			}
		}
		if (bad)
			continue;
		current = g_hash_table_lookup(working, topic_id);
		if (current != NULL)
			current_canonical = cblue_admin_kb_canonical(current->entry, NULL, NULL);
		if (current_canonical != NULL && json_node_equal(current_canonical, canonical)) {
			unchanged++;
			continue;
		}
		json_array_add_string_element(current != NULL ? changed : added, topic_id);
		change = json_object_new();
		json_object_set_string_member(change, "op", "upsert");
		json_object_set_member(change, "entry", json_node_copy(canonical));
		json_array_add_object_element(changes, change);
	}
	if (json_array_get_length(errors) == 0 && !dry_run && json_array_get_length(changes) > 0) {
		g_autoptr(JsonNode) changes_node = json_node_new(JSON_NODE_ARRAY);
		g_autoptr(JsonNode) saved = NULL;
		json_node_set_array(changes_node, changes);
		saved = cblue_store_kb_save_drafts(cblue_admin_request_get_store(req), changes_node,
						   cblue_admin_request_get_user(req), &error);
		cblue_admin_kb_record_change(req, saved, TRUE);
		if (saved == NULL) {
			cblue_admin_request_reply_error(req, error);
			return;
		}
		applied = TRUE;
		{
			g_autofree gchar *detail = g_strdup_printf("%s: %u added, %u changed", format,
								   json_array_get_length(added), json_array_get_length(changed));
			cblue_admin_request_audit(req, "kb.import", NULL, detail);
		}
	} else if (json_array_get_length(errors) == 0 && !dry_run) {
		applied = TRUE; /* nothing to change */
	}
	result = json_object_new();
	json_object_set_array_member(result, "added", json_array_ref(added));
	json_object_set_array_member(result, "changed", json_array_ref(changed));
	json_object_set_int_member(result, "unchanged", unchanged);
	json_object_set_array_member(result, "errors", json_array_ref(errors));
	json_object_set_boolean_member(result, "applied", applied);
	cblue_admin_request_reply_object(req, json_array_get_length(errors) > 0 ? SOUP_STATUS_BAD_REQUEST : SOUP_STATUS_OK,
				 result);
}

/* GET /kb/export?format=json|csv&version=N|published|working */
static void
cblue_admin_handle_kb_export(CblueAdminRequest *req)
{
	const gchar *format = cblue_admin_request_get_query(req, "format");
	const gchar *version_text = cblue_admin_request_get_query(req, "version");
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) entries = NULL;
	g_autoptr(GBytes) bytes = NULL;
	g_autofree gchar *filename = NULL;
	gint64 version = 0;

	if (format == NULL)
		format = "json";
	if (g_strcmp0(format, "json") != 0 && g_strcmp0(format, "csv") != 0) {
		cblue_admin_request_reply_invalid(req, _("“format” must be json or csv."));
		return;
	}
	if (g_strcmp0(version_text, "working") == 0) {
		g_autoptr(GPtrArray) items = cblue_admin_kb_items(req, &error);
		JsonArray *array = json_array_new();
		for (guint i = 0; items != NULL && i < items->len; i++) {
			CblueAdminKbItem *item = g_ptr_array_index(items, i);
			if (g_strcmp0(item->status, "deleted") != 0)
				json_array_add_element(array, cblue_admin_kb_strip(item->entry));
		}
		entries = json_node_init_array(json_node_alloc(), array);
		json_array_unref(array);
		if (items == NULL)
			g_clear_pointer(&entries, json_node_unref);
		filename = g_strdup_printf("kb-working.%s", format);
	} else {
		if (version_text != NULL && g_strcmp0(version_text, "published") != 0 &&
		    !cblue_admin_kb_parse_version(req, version_text, &version))
			return;
		entries = cblue_store_kb_get_version(cblue_admin_request_get_store(req), version, &error);
		filename = version > 0 ? g_strdup_printf("kb-v%" G_GINT64_FORMAT ".%s", version, format)
				       : g_strdup_printf("kb-published.%s", format);
	}
	if (entries == NULL) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	if (g_strcmp0(format, "json") == 0) {
		gchar *json = json_to_string(entries, TRUE);
		bytes = g_bytes_new_take(json, strlen(json));
		cblue_admin_request_reply_bytes(req, SOUP_STATUS_OK, "application/json", filename, bytes);
		return;
	} else {
		GString *out = g_string_new(NULL);
		JsonArray *array = json_node_get_array(entries);
		const gchar *langs[] = {"en", "th", "zh"};
		for (guint c = 0; cblue_admin_csv_columns[c] != NULL; c++)
			g_string_append_printf(out, "%s%s", c > 0 ? "," : "", cblue_admin_csv_columns[c]);
		g_string_append(out, "\r\n");
		for (guint i = 0; i < json_array_get_length(array); i++) {
			JsonObject *obj = json_array_get_object_element(array, i);
			JsonObject *questions = cblue_admin_object_member(obj, "questions");
			JsonObject *content = cblue_admin_object_member(obj, "content");
			g_autofree gchar *tags = cblue_admin_csv_join(json_object_get_member(obj, "tags"));
			g_autofree gchar *keywords = cblue_admin_csv_join(json_object_get_member(obj, "keywords"));
			cblue_admin_csv_append_field(out, json_object_get_string_member_with_default(obj, "topic_id", ""));
			g_string_append_c(out, ',');
			cblue_admin_csv_append_field(out, json_object_get_string_member_with_default(obj, "category", ""));
			g_string_append_c(out, ',');
			cblue_admin_csv_append_field(out, tags);
			g_string_append_c(out, ',');
			cblue_admin_csv_append_field(out, keywords);
			for (guint l = 0; l < G_N_ELEMENTS(langs); l++) {
				g_autofree gchar *list = cblue_admin_csv_join(
				    questions != NULL ? json_object_get_member(questions, langs[l]) : NULL);
				g_string_append_c(out, ',');
				cblue_admin_csv_append_field(out, list);
			}
			for (guint l = 0; l < G_N_ELEMENTS(langs); l++) {
				g_string_append_c(out, ',');
				cblue_admin_csv_append_field(
				    out, content != NULL ? json_object_get_string_member_with_default(content, langs[l], "") : "");
			}
			g_string_append(out, "\r\n");
		}
		bytes = g_string_free_to_bytes(out);
		cblue_admin_request_reply_bytes(req, SOUP_STATUS_OK, "text/csv; charset=utf-8", filename, bytes);
	}
}

/* "try it": a second bot, in memory, on the drafts */

static CblueKb *
cblue_admin_kb_draft_kb(CblueAdminRequest *req, GError **error)
{
	g_autoptr(GPtrArray) items = cblue_admin_kb_items(req, error);
	g_autoptr(CblueKb) kb = NULL;

	if (items == NULL)
		return NULL;
	kb = cblue_kb_new();
	for (guint i = 0; i < items->len; i++) {
		CblueAdminKbItem *item = g_ptr_array_index(items, i);
		g_autoptr(JsonNode) plain = NULL;
		g_autoptr(CblueKbEntry) entry = NULL;
		if (g_strcmp0(item->status, "deleted") == 0)
			continue;
		plain = cblue_admin_kb_strip(item->entry);
		entry = cblue_kb_entry_new_from_json(plain, NULL, error);
		if (entry == NULL)
			return NULL;
		cblue_kb_add(kb, entry);
	}
	return g_steal_pointer(&kb);
}

/* the draft bot, built once (the retrieval, extractive-answer and redaction plugins in a
 * context of its own, so that indexing the drafts never touches the live retrievers) and
 * re-indexed when the working copy changed */
static CblueBot *
cblue_admin_kb_try_bot(CblueAdminRequest *req, GError **error)
{
	CblueAdmin *admin = cblue_admin_request_get_admin(req);
	CblueAdminKbState *state = cblue_admin_get_kb_state(admin);
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&state->try_mutex);
	guint64 generation = cblue_admin_get_kb_generation(admin);

	if (state->try_bot == NULL) {
		const gchar *filters[] = {"retrieval-*", "model-extractive", "redact-*"};
		g_autoptr(CblueContext) context = cblue_context_new(cblue_admin_request_get_config(req));
		g_autoptr(CbluePluginLoader) loader = cblue_plugin_loader_new(context);
		for (guint i = 0; i < G_N_ELEMENTS(filters); i++)
			cblue_plugin_loader_add_name_filter(loader, filters[i]);
		if (!cblue_plugin_loader_load(loader, error) || !cblue_plugin_loader_setup_sync(loader, NULL, error))
			return NULL;
		state->try_bot = cblue_bot_new(context);
		cblue_bot_set_record(state->try_bot, FALSE);
		state->try_context = g_steal_pointer(&context);
		state->try_loader = g_steal_pointer(&loader);
	}
	if (!state->try_loaded || state->try_generation != generation) {
		g_autoptr(CblueKb) kb = cblue_admin_kb_draft_kb(req, error);
		if (kb == NULL || !cblue_bot_set_kb(state->try_bot, kb, error))
			return NULL;
		state->try_generation = generation;
		state->try_loaded = TRUE;
	}
	return g_object_ref(state->try_bot);
}

/* POST /kb/try {"message","language"?} */
static void
cblue_admin_handle_kb_try(CblueAdminRequest *req)
{
	JsonObject *body = cblue_admin_request_body_object(req);
	const gchar *text = NULL;
	const gchar *language = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueBot) bot = NULL;
	g_autoptr(CblueMessage) message = NULL;
	g_autoptr(CblueChatReply) reply = NULL;
	GPtrArray *sources;
	JsonArray *hits;
	JsonObject *obj;

	if (body == NULL || !cblue_admin_request_string_member(req, body, "message", &text) ||
	    !cblue_admin_request_string_member(req, body, "language", &language))
		return;
	if (text == NULL || g_utf8_strlen(text, -1) == 0 || strspn(text, " \t\r\n") == strlen(text)) {
		cblue_admin_request_reply_invalid(req, _("Type a question."));
		return;
	}
	bot = cblue_admin_kb_try_bot(req, &error);
	if (bot == NULL) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	message = cblue_message_new(text);
	if (language != NULL && language[0] != '\0')
		cblue_message_set_language(message, language);
	reply = cblue_bot_ask_sync(bot, message, NULL, &error);
	if (reply == NULL) {
		cblue_admin_request_reply_error(req, error);
		return;
	}
	obj = json_object_new();
	json_object_set_string_member(obj, "language", cblue_chat_reply_get_language(reply));
	json_object_set_string_member(obj, "outcome", cblue_outcome_to_string(cblue_chat_reply_get_outcome(reply)));
	json_object_set_string_member(obj, "reply", cblue_chat_reply_get_text(reply));
	if (cblue_chat_reply_get_topic_id(reply) != NULL)
		json_object_set_string_member(obj, "topic_id", cblue_chat_reply_get_topic_id(reply));
	else
		json_object_set_null_member(obj, "topic_id");
	hits = json_array_new();
	sources = cblue_chat_reply_get_sources(reply);
	for (guint i = 0; sources != NULL && i < sources->len; i++) {
		CblueHit *hit = g_ptr_array_index(sources, i);
		JsonObject *h = json_object_new();
		json_object_set_string_member(h, "topic_id", cblue_hit_get_topic_id(hit));
		json_object_set_double_member(h, "score", cblue_hit_get_score(hit));
		json_array_add_object_element(hits, h);
	}
	json_object_set_array_member(obj, "hits", hits);
	cblue_admin_request_reply_object(req, SOUP_STATUS_OK, obj);
}

/* literal paths before "/kb/{topic_id}" */
const CblueAdminRoute cblue_admin_kb_routes[] = {
    {"GET", "/kb", CBLUE_ROLE_VIEWER, cblue_admin_handle_kb_list},
    {"POST", "/kb", CBLUE_ROLE_EDITOR, cblue_admin_handle_kb_create},
    {"POST", "/kb/publish", CBLUE_ROLE_EDITOR, cblue_admin_handle_kb_publish},
    {"GET", "/kb/versions", CBLUE_ROLE_VIEWER, cblue_admin_handle_kb_versions},
    {"GET", "/kb/versions/{v}/diff", CBLUE_ROLE_VIEWER, cblue_admin_handle_kb_diff},
    {"POST", "/kb/versions/{v}/rollback", CBLUE_ROLE_EDITOR, cblue_admin_handle_kb_rollback},
    {"POST", "/kb/import", CBLUE_ROLE_EDITOR, cblue_admin_handle_kb_import},
    {"GET", "/kb/export", CBLUE_ROLE_VIEWER, cblue_admin_handle_kb_export},
    {"POST", "/kb/try", CBLUE_ROLE_EDITOR, cblue_admin_handle_kb_try},
    {"GET", "/kb/{topic_id}", CBLUE_ROLE_VIEWER, cblue_admin_handle_kb_get},
    {"PUT", "/kb/{topic_id}", CBLUE_ROLE_EDITOR, cblue_admin_handle_kb_update},
    {"DELETE", "/kb/{topic_id}", CBLUE_ROLE_EDITOR, cblue_admin_handle_kb_delete},
    {NULL, NULL, CBLUE_ROLE_NONE, NULL},
};
