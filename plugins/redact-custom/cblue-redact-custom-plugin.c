/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-redact-engine.h"

/*
 * redact-custom: the rules of the configuration, `[redact.rule NAME]` groups and the
 * `[redact] rules_file` (a key file of such groups, or a JSON array). A rule that does not
 * compile fails the setup with the rule's name and pcre2's error offset, and since the
 * plugin is required, the start stops there. See README.md and docs/redaction.md.
 */

/* a rule the business wrote for itself wins an exact tie with a built-in type */
#define CBLUE_REDACT_CUSTOM_PRIORITY 70

#define CBLUE_TYPE_REDACT_CUSTOM_PLUGIN (cblue_redact_custom_plugin_get_type())
G_DECLARE_FINAL_TYPE(CblueRedactCustomPlugin, cblue_redact_custom_plugin, CBLUE, REDACT_CUSTOM_PLUGIN, CbluePlugin)

struct _CblueRedactCustomPlugin {
	CbluePlugin parent_instance;
};

G_DEFINE_TYPE(CblueRedactCustomPlugin, cblue_redact_custom_plugin, CBLUE_TYPE_PLUGIN)

static void
cblue_redact_custom_plugin_setup_async(CbluePlugin *plugin, GCancellable *cancellable, GAsyncReadyCallback callback,
				       gpointer user_data)
{
	CblueConfig *config = cblue_context_get_config(cblue_plugin_get_context(plugin));
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	g_autoptr(CblueRedactEngine) engine = cblue_redact_engine_new();
	g_autoptr(GError) error = NULL;

	g_task_set_source_tag(task, cblue_redact_custom_plugin_setup_async);
	if (!cblue_redact_engine_configure(engine, config, &error) ||
	    !cblue_redact_engine_add_rules_from_config(engine, config, &error) ||
	    !cblue_redact_plugin_register(plugin, engine, CBLUE_REDACT_CUSTOM_PRIORITY, &error)) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	if (cblue_redact_engine_get_n_rules(engine) > 0)
		g_debug("%u custom redaction rules", cblue_redact_engine_get_n_rules(engine));
	g_task_return_boolean(task, TRUE);
}

static gboolean
cblue_redact_custom_plugin_setup_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_redact_custom_plugin_class_init(CblueRedactCustomPluginClass *klass)
{
	CbluePluginClass *plugin_class = CBLUE_PLUGIN_CLASS(klass);
	plugin_class->setup_async = cblue_redact_custom_plugin_setup_async;
	plugin_class->setup_finish = cblue_redact_custom_plugin_setup_finish;
}

static void
cblue_redact_custom_plugin_init(CblueRedactCustomPlugin *self)
{
	cblue_plugin_set_description(CBLUE_PLUGIN(self), "Redaction rules from the configuration ([redact.rule NAME])");
	cblue_plugin_set_version(CBLUE_PLUGIN(self), CBLUE_VERSION_STRING);
	/* a rule that does not compile must stop the start, not be skipped */
	cblue_plugin_set_required(CBLUE_PLUGIN(self), TRUE);
}

CBLUE_PLUGIN_DEFINE(cblue_redact_custom_plugin_get_type)
