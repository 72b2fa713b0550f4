/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-redact-engine.h"

/*
 * redact-th-id: TH_ID: the 13-digit Thai national ID, plain or x-xxxx-xxxxx-xx-x, confirmed by its mod-11
 * check digit; an order, invoice or tracking word right before it makes it a reference instead.
 * The rules live in redact-common (cblue-redact-engine.c); see docs/redaction.md.
 */

/* on an exact tie between two types, the higher priority wins (see docs/redaction.md) */
#define CBLUE_REDACT_TH_ID_PRIORITY 55

#define CBLUE_TYPE_REDACT_TH_ID_PLUGIN (cblue_redact_th_id_plugin_get_type())
G_DECLARE_FINAL_TYPE(CblueRedactThIdPlugin, cblue_redact_th_id_plugin, CBLUE, REDACT_TH_ID_PLUGIN, CbluePlugin)

struct _CblueRedactThIdPlugin {
	CbluePlugin parent_instance;
};

G_DEFINE_TYPE(CblueRedactThIdPlugin, cblue_redact_th_id_plugin, CBLUE_TYPE_PLUGIN)

static void
cblue_redact_th_id_plugin_setup_async(CbluePlugin *plugin, GCancellable *cancellable, GAsyncReadyCallback callback,
				      gpointer user_data)
{
	const gchar *const builtins[] = {"th-id", NULL};
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	g_autoptr(GError) error = NULL;

	g_task_set_source_tag(task, cblue_redact_th_id_plugin_setup_async);
	if (!cblue_redact_plugin_setup_builtins(plugin, builtins, CBLUE_REDACT_TH_ID_PRIORITY, &error)) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	g_task_return_boolean(task, TRUE);
}

static gboolean
cblue_redact_th_id_plugin_setup_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_redact_th_id_plugin_class_init(CblueRedactThIdPluginClass *klass)
{
	CbluePluginClass *plugin_class = CBLUE_PLUGIN_CLASS(klass);
	plugin_class->setup_async = cblue_redact_th_id_plugin_setup_async;
	plugin_class->setup_finish = cblue_redact_th_id_plugin_setup_finish;
}

static void
cblue_redact_th_id_plugin_init(CblueRedactThIdPlugin *self)
{
	cblue_plugin_set_description(CBLUE_PLUGIN(self), "Thai national ID numbers, mod-11 checked (TH_ID)");
	cblue_plugin_set_version(CBLUE_PLUGIN(self), CBLUE_VERSION_STRING);
	/* never run without it once enabled: personal data would be stored and logged */
	cblue_plugin_set_required(CBLUE_PLUGIN(self), TRUE);
}

CBLUE_PLUGIN_DEFINE(cblue_redact_th_id_plugin_get_type)
