/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <gio/gio.h>

#include "cblue-context.h"
#include "cblue-plugin.h"
#include "cblue-version-macros.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_PLUGIN_LOADER (cblue_plugin_loader_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE(CbluePluginLoader, cblue_plugin_loader, CBLUE, PLUGIN_LOADER, GObject)

CBLUE_AVAILABLE_IN_1_0
CbluePluginLoader *cblue_plugin_loader_new(CblueContext *context) G_GNUC_WARN_UNUSED_RESULT;
CBLUE_AVAILABLE_IN_1_0
void cblue_plugin_loader_add_search_path(CbluePluginLoader *self, const gchar *path);
CBLUE_AVAILABLE_IN_1_0
GPtrArray *cblue_plugin_loader_get_search_paths(CbluePluginLoader *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_plugin_loader_add_name_filter(CbluePluginLoader *self, const gchar *pattern);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_plugin_loader_load(CbluePluginLoader *self, GError **error);
CBLUE_AVAILABLE_IN_1_0
void cblue_plugin_loader_add_plugin(CbluePluginLoader *self, CbluePlugin *plugin);
CBLUE_AVAILABLE_IN_1_0
GPtrArray *cblue_plugin_loader_get_plugins(CbluePluginLoader *self);
CBLUE_AVAILABLE_IN_1_0
GPtrArray *cblue_plugin_loader_get_failures(CbluePluginLoader *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_plugin_loader_setup_async(CbluePluginLoader *self, GCancellable *cancellable,
				     GAsyncReadyCallback callback, gpointer user_data);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_plugin_loader_setup_finish(CbluePluginLoader *self, GAsyncResult *result, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_plugin_loader_setup_sync(CbluePluginLoader *self, GCancellable *cancellable, GError **error);
CBLUE_AVAILABLE_IN_1_0
void cblue_plugin_loader_shutdown_async(CbluePluginLoader *self, GCancellable *cancellable,
					GAsyncReadyCallback callback, gpointer user_data);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_plugin_loader_shutdown_finish(CbluePluginLoader *self, GAsyncResult *result, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_plugin_loader_shutdown_sync(CbluePluginLoader *self, GCancellable *cancellable, GError **error);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_plugin_loader_get_plugin_status(CbluePluginLoader *self, CbluePlugin *plugin);

G_END_DECLS
