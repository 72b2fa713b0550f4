/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* a module built for another plugin-API version: the loader must refuse it */
#include <glib-object.h>
#include <gmodule.h>

G_MODULE_EXPORT const guint cblue_plugin_api_version = 999;
G_MODULE_EXPORT GType cblue_plugin_query_type(void);

GType
cblue_plugin_query_type(void)
{
	return G_TYPE_OBJECT;
}
