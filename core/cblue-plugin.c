/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-channel.h"
#include "cblue-error.h"
#include "cblue-model-provider.h"
#include "cblue-plugin-private.h"
#include "cblue-queue.h"
#include "cblue-redactor.h"
#include "cblue-retriever.h"
#include "cblue-store.h"

/**
 * CbluePlugin:
 *
 * The base class of every plugin.
 *
 * A plugin is a final subclass in a shared module that exports its type with
 * `CBLUE_PLUGIN_DEFINE()`. The loader constructs it with its `name` (the module file name
 * without the `libcblue_plugin_` prefix) and the process's [class@Context], then calls
 * `setup`, in which the plugin registers what it provides for each plugin kind with
 * [method@Plugin.add_extension]. A plugin whose setup fails is disabled, reported and
 * skipped; the process carries on.
 *
 * Since: 1.0
 */
typedef struct {
	gchar *name; /* owned */
	CblueContext *context; /* owned */
	gchar *description; /* owned, nullable */
	gchar *version; /* owned, nullable */
	gchar *filename; /* owned, nullable */
	gchar *disabled_reason; /* owned, nullable: set when disabled */
	GPtrArray *kinds; /* owned, of static strings */
	gboolean required; /* a failed setup stops the start */
} CbluePluginPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE(CbluePlugin, cblue_plugin, G_TYPE_OBJECT)

#define GET_PRIVATE(o) ((CbluePluginPrivate *)cblue_plugin_get_instance_private(o))

enum { PROP_0, PROP_NAME, PROP_CONTEXT, N_PROPS };
static GParamSpec *props[N_PROPS];

static void
cblue_plugin_finalize(GObject *object)
{
	CbluePluginPrivate *priv = GET_PRIVATE(CBLUE_PLUGIN(object));
	g_free(priv->name);
	g_clear_object(&priv->context);
	g_free(priv->description);
	g_free(priv->version);
	g_free(priv->filename);
	g_free(priv->disabled_reason);
	g_ptr_array_unref(priv->kinds);
	G_OBJECT_CLASS(cblue_plugin_parent_class)->finalize(object);
}

static void
cblue_plugin_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
	CbluePluginPrivate *priv = GET_PRIVATE(CBLUE_PLUGIN(object));
	switch (prop_id) {
	case PROP_NAME:
		g_value_set_string(value, priv->name);
		break;
	case PROP_CONTEXT:
		g_value_set_object(value, priv->context);
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
	}
}

static void
cblue_plugin_set_property(GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
	CbluePluginPrivate *priv = GET_PRIVATE(CBLUE_PLUGIN(object));
	switch (prop_id) {
	case PROP_NAME:
		priv->name = g_value_dup_string(value);
		break;
	case PROP_CONTEXT:
		priv->context = g_value_dup_object(value);
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
	}
}

static void
cblue_plugin_class_init(CbluePluginClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->finalize = cblue_plugin_finalize;
	object_class->get_property = cblue_plugin_get_property;
	object_class->set_property = cblue_plugin_set_property;

	/**
	 * CbluePlugin:name:
	 *
	 * The plugin name, e.g. `store-sqlite`.
	 *
	 * Since: 1.0
	 */
	props[PROP_NAME] = g_param_spec_string("name", NULL, NULL, NULL,
					       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
	/**
	 * CbluePlugin:context:
	 *
	 * The context the plugin registers its extensions with.
	 *
	 * Since: 1.0
	 */
	props[PROP_CONTEXT] =
	    g_param_spec_object("context", NULL, NULL, CBLUE_TYPE_CONTEXT,
				G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
	g_object_class_install_properties(object_class, N_PROPS, props);
}

static void
cblue_plugin_init(CbluePlugin *self)
{
	CbluePluginPrivate *priv = GET_PRIVATE(self);
	priv->kinds = g_ptr_array_new();
}

/**
 * cblue_plugin_get_name:
 * @self: a #CbluePlugin
 *
 * Returns: the plugin name
 *
 * Since: 1.0
 */
const gchar *
cblue_plugin_get_name(CbluePlugin *self)
{
	g_return_val_if_fail(CBLUE_IS_PLUGIN(self), NULL);
	return GET_PRIVATE(self)->name;
}

/**
 * cblue_plugin_get_context:
 * @self: a #CbluePlugin
 *
 * Returns: (transfer none): the context
 *
 * Since: 1.0
 */
CblueContext *
cblue_plugin_get_context(CbluePlugin *self)
{
	g_return_val_if_fail(CBLUE_IS_PLUGIN(self), NULL);
	return GET_PRIVATE(self)->context;
}

/**
 * cblue_plugin_get_description:
 * @self: a #CbluePlugin
 *
 * Returns: (nullable): a one-line description
 *
 * Since: 1.0
 */
const gchar *
cblue_plugin_get_description(CbluePlugin *self)
{
	g_return_val_if_fail(CBLUE_IS_PLUGIN(self), NULL);
	return GET_PRIVATE(self)->description;
}

/**
 * cblue_plugin_set_description:
 * @self: a #CbluePlugin
 * @description: a one-line description
 *
 * Sets the description shown by `cblue plugins`; call it from the instance init.
 *
 * Since: 1.0
 */
void
cblue_plugin_set_description(CbluePlugin *self, const gchar *description)
{
	CbluePluginPrivate *priv;
	g_return_if_fail(CBLUE_IS_PLUGIN(self));
	priv = GET_PRIVATE(self);
	g_free(priv->description);
	priv->description = g_strdup(description);
}

/**
 * cblue_plugin_get_version:
 * @self: a #CbluePlugin
 *
 * Returns: (nullable): the plugin's version
 *
 * Since: 1.0
 */
const gchar *
cblue_plugin_get_version(CbluePlugin *self)
{
	g_return_val_if_fail(CBLUE_IS_PLUGIN(self), NULL);
	return GET_PRIVATE(self)->version;
}

/**
 * cblue_plugin_set_version:
 * @self: a #CbluePlugin
 * @version: a version string
 *
 * Sets the plugin's version; call it from the instance init.
 *
 * Since: 1.0
 */
void
cblue_plugin_set_version(CbluePlugin *self, const gchar *version)
{
	CbluePluginPrivate *priv;
	g_return_if_fail(CBLUE_IS_PLUGIN(self));
	priv = GET_PRIVATE(self);
	g_free(priv->version);
	priv->version = g_strdup(version);
}

/**
 * cblue_plugin_get_enabled:
 * @self: a #CbluePlugin
 *
 * Returns: %FALSE if the plugin was disabled (its setup failed)
 *
 * Since: 1.0
 */
gboolean
cblue_plugin_get_enabled(CbluePlugin *self)
{
	g_return_val_if_fail(CBLUE_IS_PLUGIN(self), FALSE);
	return GET_PRIVATE(self)->disabled_reason == NULL;
}

/**
 * cblue_plugin_get_required:
 * @self: a #CbluePlugin
 *
 * Returns: %TRUE if the process must not run when this plugin's setup fails
 *
 * Since: 1.0
 */
gboolean
cblue_plugin_get_required(CbluePlugin *self)
{
	g_return_val_if_fail(CBLUE_IS_PLUGIN(self), FALSE);
	return GET_PRIVATE(self)->required;
}

/**
 * cblue_plugin_set_required:
 * @self: a #CbluePlugin
 * @required: whether a failed setup stops the start
 *
 * Marks a plugin the process must not run without once it is enabled, such as a
 * redaction plugin: running without it would store and log personal data. When a
 * required plugin's setup fails, [method@PluginLoader.setup_finish] fails instead of
 * skipping it. Call it from the instance init.
 *
 * Since: 1.0
 */
void
cblue_plugin_set_required(CbluePlugin *self, gboolean required)
{
	g_return_if_fail(CBLUE_IS_PLUGIN(self));
	GET_PRIVATE(self)->required = required;
}

void
cblue_plugin_set_disabled(CbluePlugin *self, const gchar *reason)
{
	CbluePluginPrivate *priv = GET_PRIVATE(self);
	g_free(priv->disabled_reason);
	priv->disabled_reason = g_strdup(reason);
}

const gchar *
cblue_plugin_get_disabled_reason(CbluePlugin *self)
{
	return GET_PRIVATE(self)->disabled_reason;
}

void
cblue_plugin_set_filename(CbluePlugin *self, const gchar *filename)
{
	CbluePluginPrivate *priv = GET_PRIVATE(self);
	g_free(priv->filename);
	priv->filename = g_strdup(filename);
}

/**
 * cblue_plugin_get_filename:
 * @self: a #CbluePlugin
 *
 * Returns: (nullable) (type filename): the module the plugin was loaded from, or %NULL
 *   for a plugin added at run time
 *
 * Since: 1.0
 */
const gchar *
cblue_plugin_get_filename(CbluePlugin *self)
{
	g_return_val_if_fail(CBLUE_IS_PLUGIN(self), NULL);
	return GET_PRIVATE(self)->filename;
}

static const gchar *
cblue_plugin_kind_name(GType iface)
{
	if (iface == CBLUE_TYPE_CHANNEL)
		return "channel";
	if (iface == CBLUE_TYPE_RETRIEVER)
		return "retrieval";
	if (iface == CBLUE_TYPE_REDACTOR)
		return "redact";
	if (iface == CBLUE_TYPE_MODEL_PROVIDER)
		return "model";
	if (iface == CBLUE_TYPE_STORE)
		return "store";
	if (iface == CBLUE_TYPE_QUEUE)
		return "queue";
	return g_type_name(iface);
}

/**
 * cblue_plugin_add_extension:
 * @self: a #CbluePlugin
 * @iface: a plugin-kind interface, e.g. `CBLUE_TYPE_STORE`
 * @extension: (type GObject): an object implementing @iface
 * @priority: higher is preferred when one extension of the kind is used
 *
 * Registers what the plugin provides; call it from `setup`.
 *
 * Since: 1.0
 */
void
cblue_plugin_add_extension(CbluePlugin *self, GType iface, gpointer extension, gint priority)
{
	CbluePluginPrivate *priv;
	const gchar *kind;

	g_return_if_fail(CBLUE_IS_PLUGIN(self));
	priv = GET_PRIVATE(self);
	g_return_if_fail(priv->context != NULL);
	cblue_context_add_extension(priv->context, iface, G_OBJECT(extension), priority, priv->name);
	kind = cblue_plugin_kind_name(iface);
	for (guint i = 0; i < priv->kinds->len; i++) {
		if (g_strcmp0(g_ptr_array_index(priv->kinds, i), kind) == 0)
			return;
	}
	g_ptr_array_add(priv->kinds, (gpointer)kind);
}

/**
 * cblue_plugin_get_kinds:
 * @self: a #CbluePlugin
 *
 * Returns: (transfer none) (element-type utf8): the kinds the plugin registered, e.g.
 *   `store`, `retrieval`
 *
 * Since: 1.0
 */
GPtrArray *
cblue_plugin_get_kinds(CbluePlugin *self)
{
	g_return_val_if_fail(CBLUE_IS_PLUGIN(self), NULL);
	return GET_PRIVATE(self)->kinds;
}

/* runners: the only way the core calls plugin vfuncs; they name the plugin in errors and
 * turn "FALSE without an error" into an internal error */

static void
cblue_plugin_runner_setup_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	CbluePlugin *self = CBLUE_PLUGIN(source);
	g_autoptr(GTask) task = G_TASK(user_data);
	g_autoptr(GError) error = NULL;

	if (!CBLUE_PLUGIN_GET_CLASS(self)->setup_finish(self, res, &error)) {
		if (error == NULL) {
			g_critical("plugin %s returned FALSE from setup without an error", cblue_plugin_get_name(self));
			g_set_error_literal(&error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, "setup failed without an error");
		}
		cblue_error_convert(&error);
		g_prefix_error(&error, "%s: ", cblue_plugin_get_name(self));
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	g_task_return_boolean(task, TRUE);
}

void
cblue_plugin_runner_setup_async(CbluePlugin *self, GCancellable *cancellable, GAsyncReadyCallback callback,
				gpointer user_data)
{
	CbluePluginClass *klass = CBLUE_PLUGIN_GET_CLASS(self);
	g_autoptr(GTask) task = g_task_new(self, cancellable, callback, user_data);
	g_task_set_source_tag(task, cblue_plugin_runner_setup_async);

	if (klass->setup_async == NULL || klass->setup_finish == NULL) {
		g_task_return_boolean(task, TRUE);
		return;
	}
	klass->setup_async(self, cancellable, cblue_plugin_runner_setup_cb, g_steal_pointer(&task));
}

gboolean
cblue_plugin_runner_setup_finish(CbluePlugin *self, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, self), FALSE);
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_plugin_runner_shutdown_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	CbluePlugin *self = CBLUE_PLUGIN(source);
	g_autoptr(GTask) task = G_TASK(user_data);
	g_autoptr(GError) error = NULL;

	if (!CBLUE_PLUGIN_GET_CLASS(self)->shutdown_finish(self, res, &error)) {
		if (error == NULL)
			g_set_error_literal(&error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, "shutdown failed without an error");
		cblue_error_convert(&error);
		g_prefix_error(&error, "%s: ", cblue_plugin_get_name(self));
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	g_task_return_boolean(task, TRUE);
}

void
cblue_plugin_runner_shutdown_async(CbluePlugin *self, GCancellable *cancellable, GAsyncReadyCallback callback,
				   gpointer user_data)
{
	CbluePluginClass *klass = CBLUE_PLUGIN_GET_CLASS(self);
	g_autoptr(GTask) task = g_task_new(self, cancellable, callback, user_data);
	g_task_set_source_tag(task, cblue_plugin_runner_shutdown_async);

	if (!cblue_plugin_get_enabled(self) || klass->shutdown_async == NULL || klass->shutdown_finish == NULL) {
		g_task_return_boolean(task, TRUE);
		return;
	}
	klass->shutdown_async(self, cancellable, cblue_plugin_runner_shutdown_cb, g_steal_pointer(&task));
}

gboolean
cblue_plugin_runner_shutdown_finish(CbluePlugin *self, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, self), FALSE);
	return g_task_propagate_boolean(G_TASK(result), error);
}
