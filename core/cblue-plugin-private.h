/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue-plugin.h"

G_BEGIN_DECLS

void cblue_plugin_runner_setup_async(CbluePlugin *self, GCancellable *cancellable, GAsyncReadyCallback callback,
				     gpointer user_data);
gboolean cblue_plugin_runner_setup_finish(CbluePlugin *self, GAsyncResult *result, GError **error);
void cblue_plugin_runner_shutdown_async(CbluePlugin *self, GCancellable *cancellable,
					GAsyncReadyCallback callback, gpointer user_data);
gboolean cblue_plugin_runner_shutdown_finish(CbluePlugin *self, GAsyncResult *result, GError **error);
void cblue_plugin_set_disabled(CbluePlugin *self, const gchar *reason);
const gchar *cblue_plugin_get_disabled_reason(CbluePlugin *self);
void cblue_plugin_set_filename(CbluePlugin *self, const gchar *filename);

G_END_DECLS
