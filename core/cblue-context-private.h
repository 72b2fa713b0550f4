/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue-context.h"

G_BEGIN_DECLS

/*
 * The extensions of @iface, as cblue_context_get_extensions() gives them, but one array
 * shared by every caller until the next registration: a reference to it instead of a new
 * array and a reference to every extension, for the chat path (twice a message). The
 * caller must not change it.
 */
GPtrArray *cblue_context_ref_extensions(CblueContext *self, GType iface);

G_END_DECLS
