/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-redact-engine.h"

/*
 * redact-bank-account: BANK_ACCOUNT: a Thai account number xxx-x-xxxxx-x anywhere, and any 10-19 digit number near a
 * bank or account word in English, Thai or Chinese (บัญชี, ธนาคาร, 账号, 银行…).
 * The rules live in redact-common (cblue-redact-engine.c); see docs/redaction.md.
 */

/* on an exact tie between two types, the higher priority wins (see docs/redaction.md) */
#define CBLUE_REDACT_BANK_ACCOUNT_PRIORITY 35

#define CBLUE_TYPE_REDACT_BANK_ACCOUNT_PLUGIN (cblue_redact_bank_account_plugin_get_type())
G_DECLARE_FINAL_TYPE(CblueRedactBankAccountPlugin, cblue_redact_bank_account_plugin, CBLUE, REDACT_BANK_ACCOUNT_PLUGIN, CbluePlugin)

struct _CblueRedactBankAccountPlugin {
	CbluePlugin parent_instance;
};

G_DEFINE_TYPE(CblueRedactBankAccountPlugin, cblue_redact_bank_account_plugin, CBLUE_TYPE_PLUGIN)

static void
cblue_redact_bank_account_plugin_setup_async(CbluePlugin *plugin, GCancellable *cancellable, GAsyncReadyCallback callback,
					     gpointer user_data)
{
	const gchar *const builtins[] = {"bank-account", NULL};
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	g_autoptr(GError) error = NULL;

	g_task_set_source_tag(task, cblue_redact_bank_account_plugin_setup_async);
	if (!cblue_redact_plugin_setup_builtins(plugin, builtins, CBLUE_REDACT_BANK_ACCOUNT_PRIORITY, &error)) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	g_task_return_boolean(task, TRUE);
}

static gboolean
cblue_redact_bank_account_plugin_setup_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_redact_bank_account_plugin_class_init(CblueRedactBankAccountPluginClass *klass)
{
	CbluePluginClass *plugin_class = CBLUE_PLUGIN_CLASS(klass);
	plugin_class->setup_async = cblue_redact_bank_account_plugin_setup_async;
	plugin_class->setup_finish = cblue_redact_bank_account_plugin_setup_finish;
}

static void
cblue_redact_bank_account_plugin_init(CblueRedactBankAccountPlugin *self)
{
	cblue_plugin_set_description(CBLUE_PLUGIN(self), "Bank account numbers near a bank word (BANK_ACCOUNT)");
	cblue_plugin_set_version(CBLUE_PLUGIN(self), CBLUE_VERSION_STRING);
	/* never run without it once enabled: personal data would be stored and logged */
	cblue_plugin_set_required(CBLUE_PLUGIN(self), TRUE);
}

CBLUE_PLUGIN_DEFINE(cblue_redact_bank_account_plugin_get_type)
