/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-redact-engine.h"

/*
 * redact-builtin: every built-in type of personal data in one redactor, so that a text is
 * scanned once: EMAIL, PHONE (Thai, Chinese, E.164), TH_ID, CN_ID, CARD, IP,
 * BANK_ACCOUNT, PASSPORT, LINE_ID and WECHAT_ID. `[redact] disabled_types` turns types
 * off. The rules live in redact-common; see README.md and docs/redaction.md.
 */

/* below redact-custom: a rule the business wrote wins an exact tie */
#define CBLUE_REDACT_BUILTIN_PRIORITY 50

/* in order of preference: on an exact tie (the same characters), the first type wins */
static const gchar *const cblue_redact_builtin_rules[] = {
    "cn-id",	 /* 18 characters, checksum and date of birth */
    "passport", /* only near a passport word */
    "th-id",	 /* 13 digits, mod 11 */
    "card",	 /* 13-19 digits, Luhn */
    "phone",
    "bank-account", /* mostly near a bank word */
    "iban",	 /* BANK_ACCOUNT: a country's length and MOD 97 */
    "ipv4",
    "ipv6",
    "email",
    "email-spoken", /* name แอท example ดอท com, name 艾特 example 点 com */
    "email-spelled", /* name at example dot com */
    "phone-spoken", /* oh eight one …, ศูนย์แปดหนึ่ง …, 一八九九 … */
    "th-id-spoken", /* the same rule: thirteen digits said, mod 11 */
    "cn-id-spoken", /* eighteen, MOD 11-2 */
    "bank-account-spoken", /* ten to nineteen, near a bank word */
    "wechat-wxid", /* wxid_…, WeChat's own id: before LINE's keyword (`not LINE: wxid_…`) */
    "line-id",
    "line-id-handle", /* `@name` near a LINE word */
    "wechat-id",
    NULL,
};

#define CBLUE_TYPE_REDACT_BUILTIN_PLUGIN (cblue_redact_builtin_plugin_get_type())
G_DECLARE_FINAL_TYPE(CblueRedactBuiltinPlugin, cblue_redact_builtin_plugin, CBLUE, REDACT_BUILTIN_PLUGIN,
		     CbluePlugin)

struct _CblueRedactBuiltinPlugin {
	CbluePlugin parent_instance;
};

G_DEFINE_TYPE(CblueRedactBuiltinPlugin, cblue_redact_builtin_plugin, CBLUE_TYPE_PLUGIN)

static void
cblue_redact_builtin_plugin_setup_async(CbluePlugin *plugin, GCancellable *cancellable, GAsyncReadyCallback callback,
					gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	g_autoptr(GError) error = NULL;

	g_task_set_source_tag(task, cblue_redact_builtin_plugin_setup_async);
	if (!cblue_redact_plugin_setup_builtins(plugin, cblue_redact_builtin_rules, CBLUE_REDACT_BUILTIN_PRIORITY,
						&error)) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	g_task_return_boolean(task, TRUE);
}

static gboolean
cblue_redact_builtin_plugin_setup_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_redact_builtin_plugin_class_init(CblueRedactBuiltinPluginClass *klass)
{
	CbluePluginClass *plugin_class = CBLUE_PLUGIN_CLASS(klass);
	plugin_class->setup_async = cblue_redact_builtin_plugin_setup_async;
	plugin_class->setup_finish = cblue_redact_builtin_plugin_setup_finish;
}

static void
cblue_redact_builtin_plugin_init(CblueRedactBuiltinPlugin *self)
{
	cblue_plugin_set_description(CBLUE_PLUGIN(self),
				     "Personal data in English, Thai and Chinese: e-mail, phone, Thai and Chinese ID, "
				     "card, IP, bank account, passport, LINE and WeChat ids");
	cblue_plugin_set_version(CBLUE_PLUGIN(self), CBLUE_VERSION_STRING);
	/* never run without it once enabled: personal data would be stored and logged */
	cblue_plugin_set_required(CBLUE_PLUGIN(self), TRUE);
}

CBLUE_PLUGIN_DEFINE(cblue_redact_builtin_plugin_get_type)
