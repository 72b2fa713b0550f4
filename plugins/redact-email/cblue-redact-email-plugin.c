/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-redact-engine.h"

/*
 * redact-email: EMAIL: local@domain.tld, full-width ＠ included, and the obfuscated name [at] example [dot] com.
 * The rules live in redact-common (cblue-redact-engine.c); see docs/redaction.md.
 */

/* on an exact tie between two types, the higher priority wins (see docs/redaction.md) */
#define CBLUE_REDACT_EMAIL_PRIORITY 25

#define CBLUE_TYPE_REDACT_EMAIL_PLUGIN (cblue_redact_email_plugin_get_type())
G_DECLARE_FINAL_TYPE(CblueRedactEmailPlugin, cblue_redact_email_plugin, CBLUE, REDACT_EMAIL_PLUGIN, CbluePlugin)

struct _CblueRedactEmailPlugin {
	CbluePlugin parent_instance;
};

G_DEFINE_TYPE(CblueRedactEmailPlugin, cblue_redact_email_plugin, CBLUE_TYPE_PLUGIN)

static void
cblue_redact_email_plugin_setup_async(CbluePlugin *plugin, GCancellable *cancellable, GAsyncReadyCallback callback,
				      gpointer user_data)
{
	const gchar *const builtins[] = {"email", NULL};
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	g_autoptr(GError) error = NULL;

	g_task_set_source_tag(task, cblue_redact_email_plugin_setup_async);
	if (!cblue_redact_plugin_setup_builtins(plugin, builtins, CBLUE_REDACT_EMAIL_PRIORITY, &error)) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	g_task_return_boolean(task, TRUE);
}

static gboolean
cblue_redact_email_plugin_setup_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_redact_email_plugin_class_init(CblueRedactEmailPluginClass *klass)
{
	CbluePluginClass *plugin_class = CBLUE_PLUGIN_CLASS(klass);
	plugin_class->setup_async = cblue_redact_email_plugin_setup_async;
	plugin_class->setup_finish = cblue_redact_email_plugin_setup_finish;
}

static void
cblue_redact_email_plugin_init(CblueRedactEmailPlugin *self)
{
	cblue_plugin_set_description(CBLUE_PLUGIN(self), "E-mail addresses, also obfuscated (EMAIL)");
	cblue_plugin_set_version(CBLUE_PLUGIN(self), CBLUE_VERSION_STRING);
	/* never run without it once enabled: personal data would be stored and logged */
	cblue_plugin_set_required(CBLUE_PLUGIN(self), TRUE);
}

CBLUE_PLUGIN_DEFINE(cblue_redact_email_plugin_get_type)
