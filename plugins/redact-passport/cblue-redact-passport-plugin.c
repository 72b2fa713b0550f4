/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-redact-engine.h"

/*
 * redact-passport: PASSPORT: one or two letters and 6-8 digits, or 8-9 digits, near a passport word
 * (passport, หนังสือเดินทาง, พาสปอร์ต, 护照).
 * The rules live in redact-common (cblue-redact-engine.c); see docs/redaction.md.
 */

/* on an exact tie between two types, the higher priority wins (see docs/redaction.md) */
#define CBLUE_REDACT_PASSPORT_PRIORITY 45

#define CBLUE_TYPE_REDACT_PASSPORT_PLUGIN (cblue_redact_passport_plugin_get_type())
G_DECLARE_FINAL_TYPE(CblueRedactPassportPlugin, cblue_redact_passport_plugin, CBLUE, REDACT_PASSPORT_PLUGIN, CbluePlugin)

struct _CblueRedactPassportPlugin {
	CbluePlugin parent_instance;
};

G_DEFINE_TYPE(CblueRedactPassportPlugin, cblue_redact_passport_plugin, CBLUE_TYPE_PLUGIN)

static void
cblue_redact_passport_plugin_setup_async(CbluePlugin *plugin, GCancellable *cancellable, GAsyncReadyCallback callback,
					 gpointer user_data)
{
	const gchar *const builtins[] = {"passport", NULL};
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	g_autoptr(GError) error = NULL;

	g_task_set_source_tag(task, cblue_redact_passport_plugin_setup_async);
	if (!cblue_redact_plugin_setup_builtins(plugin, builtins, CBLUE_REDACT_PASSPORT_PRIORITY, &error)) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	g_task_return_boolean(task, TRUE);
}

static gboolean
cblue_redact_passport_plugin_setup_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_redact_passport_plugin_class_init(CblueRedactPassportPluginClass *klass)
{
	CbluePluginClass *plugin_class = CBLUE_PLUGIN_CLASS(klass);
	plugin_class->setup_async = cblue_redact_passport_plugin_setup_async;
	plugin_class->setup_finish = cblue_redact_passport_plugin_setup_finish;
}

static void
cblue_redact_passport_plugin_init(CblueRedactPassportPlugin *self)
{
	cblue_plugin_set_description(CBLUE_PLUGIN(self), "Passport numbers near a passport word (PASSPORT)");
	cblue_plugin_set_version(CBLUE_PLUGIN(self), CBLUE_VERSION_STRING);
	/* never run without it once enabled: personal data would be stored and logged */
	cblue_plugin_set_required(CBLUE_PLUGIN(self), TRUE);
}

CBLUE_PLUGIN_DEFINE(cblue_redact_passport_plugin_get_type)
