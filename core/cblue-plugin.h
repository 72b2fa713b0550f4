/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <gio/gio.h>
#include <gmodule.h>

#include "cblue-context.h"
#include "cblue-version-macros.h"
#include "cblue-version.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_PLUGIN (cblue_plugin_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_DERIVABLE_TYPE(CbluePlugin, cblue_plugin, CBLUE, PLUGIN, GObject)

/**
 * CbluePluginClass:
 * @parent_class: the parent class
 * @setup_async: (nullable): prepare the plugin and register its extensions with
 *   [method@Plugin.add_extension]; %NULL means nothing to do
 * @setup_finish: (nullable): finish @setup_async
 * @shutdown_async: (nullable): release resources before the process exits (flush writes)
 * @shutdown_finish: (nullable): finish @shutdown_async
 * @reload_config: (nullable): apply a changed configuration
 *
 * The virtual functions of a plugin. A plugin is a final subclass of #CbluePlugin in a
 * shared module that uses `CBLUE_PLUGIN_DEFINE()`.
 *
 * Since: 1.0
 */
struct _CbluePluginClass {
	GObjectClass parent_class;

	void (*setup_async)(CbluePlugin *self, GCancellable *cancellable, GAsyncReadyCallback callback,
			    gpointer user_data);
	gboolean (*setup_finish)(CbluePlugin *self, GAsyncResult *result, GError **error);
	void (*shutdown_async)(CbluePlugin *self, GCancellable *cancellable, GAsyncReadyCallback callback,
			       gpointer user_data);
	gboolean (*shutdown_finish)(CbluePlugin *self, GAsyncResult *result, GError **error);
	gboolean (*reload_config)(CbluePlugin *self, GError **error);

	/*< private >*/
	gpointer padding[24];
};

/**
 * CBLUE_PLUGIN_DEFINE:
 * @type_func: the `_get_type` function of the plugin's #CbluePlugin subclass
 *
 * Exports the two symbols the plugin loader looks for: the plugin-API version the module
 * was built against and `cblue_plugin_query_type()`. Use it once per module.
 *
 * Since: 1.0
 */
#define CBLUE_PLUGIN_DEFINE(type_func)                                                                        \
	G_MODULE_EXPORT const guint cblue_plugin_api_version = CBLUE_PLUGIN_API_VERSION;                     \
	G_MODULE_EXPORT GType cblue_plugin_query_type(void);                                                \
	GType cblue_plugin_query_type(void)                                                                 \
	{                                                                                                   \
		return type_func();                                                                         \
	}

CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_plugin_get_name(CbluePlugin *self);
CBLUE_AVAILABLE_IN_1_0
CblueContext *cblue_plugin_get_context(CbluePlugin *self);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_plugin_get_description(CbluePlugin *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_plugin_set_description(CbluePlugin *self, const gchar *description);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_plugin_get_version(CbluePlugin *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_plugin_set_version(CbluePlugin *self, const gchar *version);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_plugin_get_filename(CbluePlugin *self);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_plugin_get_enabled(CbluePlugin *self);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_plugin_get_required(CbluePlugin *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_plugin_set_required(CbluePlugin *self, gboolean required);
CBLUE_AVAILABLE_IN_1_0
void cblue_plugin_add_extension(CbluePlugin *self, GType iface, gpointer extension, gint priority);
CBLUE_AVAILABLE_IN_1_0
GPtrArray *cblue_plugin_get_kinds(CbluePlugin *self);

G_END_DECLS
