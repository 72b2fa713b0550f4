/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* the right API version, but the type is not a CbluePlugin: the loader must skip it */
#include <gmodule.h>

#include "cblue.h"

G_MODULE_EXPORT const guint cblue_plugin_api_version = CBLUE_PLUGIN_API_VERSION;
G_MODULE_EXPORT GType cblue_plugin_query_type(void);

GType
cblue_plugin_query_type(void)
{
	return G_TYPE_OBJECT;
}
