/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* a shared object without CBLUE_PLUGIN_DEFINE(): the loader must skip it */
#include <gmodule.h>

G_MODULE_EXPORT int not_a_plugin_symbol(void);

int
not_a_plugin_symbol(void)
{
	return 42;
}
