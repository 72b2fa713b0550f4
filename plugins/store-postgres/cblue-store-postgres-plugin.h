/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"

G_BEGIN_DECLS

/* declared here (not only in the .c) so that the tests and the benchmark, which link the
 * -internal library directly, can construct the plugin the way the loader does */
#define CBLUE_TYPE_STORE_POSTGRES_PLUGIN (cblue_store_postgres_plugin_get_type())
G_DECLARE_FINAL_TYPE(CblueStorePostgresPlugin, cblue_store_postgres_plugin, CBLUE, STORE_POSTGRES_PLUGIN,
		     CbluePlugin)

G_END_DECLS
