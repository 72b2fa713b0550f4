/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <gio/gio.h>

#include "cblue-bot.h"
#include "cblue-version-macros.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_SERVER (cblue_server_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE(CblueServer, cblue_server, CBLUE, SERVER, GObject)

CBLUE_AVAILABLE_IN_1_0
CblueServer *cblue_server_new(CblueBot *bot) G_GNUC_WARN_UNUSED_RESULT;
CBLUE_AVAILABLE_IN_1_0
CblueBot *cblue_server_get_bot(CblueServer *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_server_set_threads(CblueServer *self, guint threads);
CBLUE_AVAILABLE_IN_1_0
guint cblue_server_get_threads(CblueServer *self);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_server_set_tls_files(CblueServer *self, const gchar *cert_file, const gchar *key_file,
				    GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_server_listen(CblueServer *self, const gchar *address, guint port, GError **error);
CBLUE_AVAILABLE_IN_1_0
guint cblue_server_get_port(CblueServer *self);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_server_is_https(CblueServer *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_server_shutdown_async(CblueServer *self, GCancellable *cancellable, GAsyncReadyCallback callback,
				 gpointer user_data);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_server_shutdown_finish(CblueServer *self, GAsyncResult *result, GError **error);
CBLUE_AVAILABLE_IN_1_0
void cblue_server_disconnect(CblueServer *self);
CBLUE_AVAILABLE_IN_1_0
gchar *cblue_server_render_metrics(CblueServer *self);

G_END_DECLS
