/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <libsoup/soup.h>

#include "cblue.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_SERVER (cblue_server_get_type())
G_DECLARE_FINAL_TYPE(CblueServer, cblue_server, CBLUE, SERVER, GObject)

CblueServer *cblue_server_new(CblueBot *bot);
gboolean cblue_server_listen(CblueServer *self, const gchar *address, guint port, GError **error);
guint cblue_server_get_port(CblueServer *self);
void cblue_server_disconnect(CblueServer *self);

G_END_DECLS
