/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "cblue-context-private.h"
#include "cblue-context.h"
#include "cblue-error.h"

/**
 * CblueContext:
 *
 * What the plugins of one Cblue process share: the configuration, the data directory, the
 * tokenizer and the registry of extensions.
 *
 * The registry follows the GIO extension-point model: in its `setup`, a plugin adds an
 * object implementing one of the plugin-kind interfaces ([iface@Retriever],
 * [iface@Redactor], [iface@ModelProvider], [iface@Store], [iface@Queue],
 * [iface@Channel]) with a priority; the bot asks for every extension of a kind (e.g. all
 * retrievers, fused) or for the best one (e.g. the store). Extensions may be added from
 * Python too.
 *
 * Since: 1.0
 */
struct _CblueContext {
	GObject parent_instance;
	CblueConfig *config; /* owned */
	CblueTokenizer *tokenizer; /* owned */
	gchar *data_dir; /* owned */
	GPtrArray *extensions; /* owned, of CblueExtension */
	/* owned, nullable: the extensions of one interface, made by the first
	 * cblue_context_ref_extensions() after the last registration */
	GPtrArray *extension_lists; /* of CblueExtensionList */
	CblueRedactionPolicy *redaction_policy; /* owned */
	gboolean redaction_policy_loaded; /* from the configuration */
	GMutex mutex;
};

typedef struct {
	GType iface;
	GObject *object; /* owned */
	gint priority;
	gchar *plugin_name; /* owned */
	guint serial; /* registration order, to keep the sort stable */
} CblueExtension;

typedef struct {
	GType iface;
	GPtrArray *objects; /* owned, of owned GObjects; shared, never changed once made */
} CblueExtensionList;

G_DEFINE_TYPE(CblueContext, cblue_context, G_TYPE_OBJECT)

static void
cblue_extension_list_free(gpointer data)
{
	CblueExtensionList *list = data;
	g_ptr_array_unref(list->objects);
	g_free(list);
}

static void
cblue_extension_free(gpointer data)
{
	CblueExtension *ext = data;
	g_object_unref(ext->object);
	g_free(ext->plugin_name);
	g_free(ext);
}

static void
cblue_context_finalize(GObject *object)
{
	CblueContext *self = CBLUE_CONTEXT(object);
	g_ptr_array_unref(self->extensions);
	g_clear_pointer(&self->extension_lists, g_ptr_array_unref);
	g_object_unref(self->redaction_policy);
	g_object_unref(self->tokenizer);
	g_object_unref(self->config);
	g_free(self->data_dir);
	g_mutex_clear(&self->mutex);
	G_OBJECT_CLASS(cblue_context_parent_class)->finalize(object);
}

static void
cblue_context_class_init(CblueContextClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_context_finalize;
}

static void
cblue_context_init(CblueContext *self)
{
	self->extensions = g_ptr_array_new_with_free_func(cblue_extension_free);
	self->redaction_policy = cblue_redaction_policy_new();
	g_mutex_init(&self->mutex);
}

static CblueThaiSegmenter
cblue_context_thai_segmenter_from_config(CblueConfig *config)
{
	g_autofree gchar *name = cblue_config_get_string(config, "tokenizer", "thai_segmenter");
	if (g_strcmp0(name, "icu") == 0)
		return CBLUE_THAI_SEGMENTER_ICU;
	return CBLUE_THAI_SEGMENTER_LIBTHAI;
}

/**
 * cblue_context_new:
 * @config: (nullable): the configuration, or %NULL for the defaults
 *
 * Returns: (transfer full): a new #CblueContext
 *
 * Since: 1.0
 */
CblueContext *
cblue_context_new(CblueConfig *config)
{
	CblueContext *self = g_object_new(CBLUE_TYPE_CONTEXT, NULL);
	self->config = config != NULL ? g_object_ref(config) : cblue_config_new();
	self->data_dir = cblue_config_get_data_dir(self->config);
	self->tokenizer = cblue_tokenizer_new_with_segmenter(cblue_context_thai_segmenter_from_config(self->config));
	return self;
}

/**
 * cblue_context_get_config:
 * @self: a #CblueContext
 *
 * Returns: (transfer none): the configuration
 *
 * Since: 1.0
 */
CblueConfig *
cblue_context_get_config(CblueContext *self)
{
	g_return_val_if_fail(CBLUE_IS_CONTEXT(self), NULL);
	return self->config;
}

/**
 * cblue_context_get_tokenizer:
 * @self: a #CblueContext
 *
 * Returns: (transfer none): the shared tokenizer
 *
 * Since: 1.0
 */
CblueTokenizer *
cblue_context_get_tokenizer(CblueContext *self)
{
	g_return_val_if_fail(CBLUE_IS_CONTEXT(self), NULL);
	return self->tokenizer;
}

/**
 * cblue_context_get_data_dir:
 * @self: a #CblueContext
 *
 * Returns: (type filename): the data directory
 *
 * Since: 1.0
 */
const gchar *
cblue_context_get_data_dir(CblueContext *self)
{
	g_return_val_if_fail(CBLUE_IS_CONTEXT(self), NULL);
	return self->data_dir;
}

/**
 * cblue_context_ensure_data_dir:
 * @self: a #CblueContext
 * @error: return location for a #GError
 *
 * Creates the data directory (mode 0700) if it does not exist.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_context_ensure_data_dir(CblueContext *self, GError **error)
{
	g_return_val_if_fail(CBLUE_IS_CONTEXT(self), FALSE);
	if (g_mkdir_with_parents(self->data_dir, 0700) != 0) {
		gint errsv = errno;
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_PERMISSION_DENIED, "%s: %s", self->data_dir,
			    g_strerror(errsv));
		return FALSE;
	}
	return TRUE;
}

static gint
cblue_extension_compare(gconstpointer a, gconstpointer b)
{
	const CblueExtension *ea = *(const CblueExtension *const *)a;
	const CblueExtension *eb = *(const CblueExtension *const *)b;
	if (ea->priority != eb->priority)
		return ea->priority > eb->priority ? -1 : 1;
	return ea->serial < eb->serial ? -1 : 1;
}

/**
 * cblue_context_add_extension:
 * @self: a #CblueContext
 * @iface: the plugin-kind interface, e.g. `CBLUE_TYPE_RETRIEVER`
 * @extension: an object implementing @iface
 * @priority: higher is preferred
 * @plugin_name: (nullable): the plugin that provides it, for messages
 *
 * Registers an extension.
 *
 * Since: 1.0
 */
void
cblue_context_add_extension(CblueContext *self, GType iface, GObject *extension, gint priority,
			    const gchar *plugin_name)
{
	CblueExtension *ext;
	g_autoptr(GMutexLocker) locker = NULL;

	g_return_if_fail(CBLUE_IS_CONTEXT(self));
	g_return_if_fail(G_TYPE_IS_INTERFACE(iface));
	g_return_if_fail(G_TYPE_CHECK_INSTANCE_TYPE(extension, iface));

	locker = g_mutex_locker_new(&self->mutex);
	ext = g_new0(CblueExtension, 1);
	ext->iface = iface;
	ext->object = g_object_ref(extension);
	ext->priority = priority;
	ext->plugin_name = g_strdup(plugin_name != NULL ? plugin_name : "unknown");
	ext->serial = self->extensions->len;
	g_ptr_array_add(self->extensions, ext);
	g_ptr_array_sort(self->extensions, cblue_extension_compare);
	/* the lists handed out so far stay as they were for whoever holds them */
	g_clear_pointer(&self->extension_lists, g_ptr_array_unref);
}

/**
 * cblue_context_get_extensions:
 * @self: a #CblueContext
 * @iface: the plugin-kind interface
 *
 * Gets every extension of a kind, best first.
 *
 * Returns: (transfer container) (element-type GObject): the extensions
 *
 * Since: 1.0
 */
GPtrArray *
cblue_context_get_extensions(CblueContext *self, GType iface)
{
	GPtrArray *result = g_ptr_array_new_with_free_func(g_object_unref);
	g_autoptr(GMutexLocker) locker = NULL;

	g_return_val_if_fail(CBLUE_IS_CONTEXT(self), result);
	locker = g_mutex_locker_new(&self->mutex);
	for (guint i = 0; i < self->extensions->len; i++) {
		CblueExtension *ext = g_ptr_array_index(self->extensions, i);
		if (ext->iface == iface)
			g_ptr_array_add(result, g_object_ref(ext->object));
	}
	return result;
}

/* cblue-context-private.h */
GPtrArray *
cblue_context_ref_extensions(CblueContext *self, GType iface)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->mutex);
	CblueExtensionList *list;

	if (self->extension_lists == NULL)
		self->extension_lists = g_ptr_array_new_with_free_func(cblue_extension_list_free);
	for (guint i = 0; i < self->extension_lists->len; i++) {
		list = g_ptr_array_index(self->extension_lists, i);
		if (list->iface == iface)
			return g_ptr_array_ref(list->objects);
	}
	list = g_new0(CblueExtensionList, 1);
	list->iface = iface;
	list->objects = g_ptr_array_new_with_free_func(g_object_unref);
	for (guint i = 0; i < self->extensions->len; i++) {
		CblueExtension *ext = g_ptr_array_index(self->extensions, i);
		if (ext->iface == iface)
			g_ptr_array_add(list->objects, g_object_ref(ext->object));
	}
	g_ptr_array_add(self->extension_lists, list);
	return g_ptr_array_ref(list->objects);
}

/**
 * cblue_context_get_extension:
 * @self: a #CblueContext
 * @iface: the plugin-kind interface
 *
 * Gets the preferred extension of a kind.
 *
 * Returns: (transfer none) (nullable) (type GObject): the extension, or %NULL
 *
 * Since: 1.0
 */
gpointer
cblue_context_get_extension(CblueContext *self, GType iface)
{
	g_autoptr(GMutexLocker) locker = NULL;
	g_return_val_if_fail(CBLUE_IS_CONTEXT(self), NULL);
	locker = g_mutex_locker_new(&self->mutex);
	for (guint i = 0; i < self->extensions->len; i++) {
		CblueExtension *ext = g_ptr_array_index(self->extensions, i);
		if (ext->iface == iface)
			return ext->object;
	}
	return NULL;
}

/**
 * cblue_context_get_extension_plugin:
 * @self: a #CblueContext
 * @extension: a registered extension
 *
 * Returns: (nullable): the name of the plugin that registered @extension
 *
 * Since: 1.0
 */
const gchar *
cblue_context_get_extension_plugin(CblueContext *self, GObject *extension)
{
	g_autoptr(GMutexLocker) locker = NULL;
	g_return_val_if_fail(CBLUE_IS_CONTEXT(self), NULL);
	locker = g_mutex_locker_new(&self->mutex);
	for (guint i = 0; i < self->extensions->len; i++) {
		CblueExtension *ext = g_ptr_array_index(self->extensions, i);
		if (ext->object == extension)
			return ext->plugin_name;
	}
	return NULL;
}

/**
 * cblue_context_get_redaction_policy:
 * @self: a #CblueContext
 *
 * Gets what replaces each type of personal data, for the bot and the log writer:
 * placeholders until [method@Context.load_redaction_policy] or
 * [method@Context.set_redaction_policy].
 *
 * Returns: (transfer full): the policy
 *
 * Since: 1.0
 */
CblueRedactionPolicy *
cblue_context_get_redaction_policy(CblueContext *self)
{
	g_autoptr(GMutexLocker) locker = NULL;
	g_return_val_if_fail(CBLUE_IS_CONTEXT(self), NULL);
	locker = g_mutex_locker_new(&self->mutex);
	return g_object_ref(self->redaction_policy);
}

/**
 * cblue_context_set_redaction_policy:
 * @self: a #CblueContext
 * @policy: the policy
 *
 * Replaces the redaction policy, e.g. from a test or a Python program.
 *
 * Since: 1.0
 */
void
cblue_context_set_redaction_policy(CblueContext *self, CblueRedactionPolicy *policy)
{
	g_autoptr(GMutexLocker) locker = NULL;
	g_return_if_fail(CBLUE_IS_CONTEXT(self));
	g_return_if_fail(CBLUE_IS_REDACTION_POLICY(policy));
	locker = g_mutex_locker_new(&self->mutex);
	g_set_object(&self->redaction_policy, policy);
	self->redaction_policy_loaded = TRUE;
}

/**
 * cblue_context_load_redaction_policy:
 * @self: a #CblueContext
 * @error: return location for a #GError
 *
 * Loads the redaction policy from the `[redact]` group of the configuration (see
 * [ctor@RedactionPolicy.new_from_config]), once: later calls, or calls after
 * [method@Context.set_redaction_policy], do nothing. The redaction plugins call it in
 * their setup, so that an invalid `[redact]` group stops the start.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_context_load_redaction_policy(CblueContext *self, GError **error)
{
	g_autoptr(CblueRedactionPolicy) policy = NULL;
	gboolean loaded;

	g_return_val_if_fail(CBLUE_IS_CONTEXT(self), FALSE);
	g_mutex_lock(&self->mutex);
	loaded = self->redaction_policy_loaded;
	g_mutex_unlock(&self->mutex);
	if (loaded)
		return TRUE;
	/* not under the lock: loading may log, and the log writer reads the context */
	policy = cblue_redaction_policy_new_from_config(self->config, error);
	if (policy == NULL)
		return FALSE;
	g_mutex_lock(&self->mutex);
	if (!self->redaction_policy_loaded) {
		g_set_object(&self->redaction_policy, policy);
		self->redaction_policy_loaded = TRUE;
	}
	g_mutex_unlock(&self->mutex);
	return TRUE;
}
