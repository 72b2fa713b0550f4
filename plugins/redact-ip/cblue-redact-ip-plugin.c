/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-redact-engine.h"

/*
 * redact-ip: IP: IPv4 dotted quads (octets checked, not after a version word) and IPv6 addresses in any
 * of their forms, checked by inet_pton().
 * The rules live in redact-common (cblue-redact-engine.c); see docs/redaction.md.
 */

/* on an exact tie between two types, the higher priority wins (see docs/redaction.md) */
#define CBLUE_REDACT_IP_PRIORITY 30

#define CBLUE_TYPE_REDACT_IP_PLUGIN (cblue_redact_ip_plugin_get_type())
G_DECLARE_FINAL_TYPE(CblueRedactIpPlugin, cblue_redact_ip_plugin, CBLUE, REDACT_IP_PLUGIN, CbluePlugin)

struct _CblueRedactIpPlugin {
	CbluePlugin parent_instance;
};

G_DEFINE_TYPE(CblueRedactIpPlugin, cblue_redact_ip_plugin, CBLUE_TYPE_PLUGIN)

static void
cblue_redact_ip_plugin_setup_async(CbluePlugin *plugin, GCancellable *cancellable, GAsyncReadyCallback callback,
				   gpointer user_data)
{
	const gchar *const builtins[] = {"ipv4", "ipv6", NULL};
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	g_autoptr(GError) error = NULL;

	g_task_set_source_tag(task, cblue_redact_ip_plugin_setup_async);
	if (!cblue_redact_plugin_setup_builtins(plugin, builtins, CBLUE_REDACT_IP_PRIORITY, &error)) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	g_task_return_boolean(task, TRUE);
}

static gboolean
cblue_redact_ip_plugin_setup_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_redact_ip_plugin_class_init(CblueRedactIpPluginClass *klass)
{
	CbluePluginClass *plugin_class = CBLUE_PLUGIN_CLASS(klass);
	plugin_class->setup_async = cblue_redact_ip_plugin_setup_async;
	plugin_class->setup_finish = cblue_redact_ip_plugin_setup_finish;
}

static void
cblue_redact_ip_plugin_init(CblueRedactIpPlugin *self)
{
	cblue_plugin_set_description(CBLUE_PLUGIN(self), "IPv4 and IPv6 addresses (IP)");
	cblue_plugin_set_version(CBLUE_PLUGIN(self), CBLUE_VERSION_STRING);
	/* never run without it once enabled: personal data would be stored and logged */
	cblue_plugin_set_required(CBLUE_PLUGIN(self), TRUE);
}

CBLUE_PLUGIN_DEFINE(cblue_redact_ip_plugin_get_type)
