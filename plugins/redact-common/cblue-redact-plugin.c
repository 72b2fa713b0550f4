/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-redact-engine.h"

/*
 * The CblueRedactor that runs an engine, and what every redaction plugin does in setup.
 *
 * redact-common is a static library linked into each redaction module, so every module
 * holds its own copy of this code. A type registered with G_DEFINE_TYPE would therefore be
 * registered once per module under one name, which GLib refuses for the second module.
 * The type is registered at run time instead, once per module, under a name made from
 * the plugin's name: `CblueRedactRedactor_redact_phone`.
 */

typedef struct {
	GObject parent_instance;
	CblueRedactEngine *engine; /* owned */
} CblueRedactRedactor;

typedef struct {
	GObjectClass parent_class;
} CblueRedactRedactorClass;

static gpointer cblue_redact_redactor_parent_class;

static void
cblue_redact_redactor_finalize(GObject *object)
{
	CblueRedactRedactor *self = (CblueRedactRedactor *)object;
	cblue_redact_engine_unref(self->engine);
	G_OBJECT_CLASS(cblue_redact_redactor_parent_class)->finalize(object);
}

static void
cblue_redact_redactor_class_init(gpointer klass, gpointer class_data)
{
	cblue_redact_redactor_parent_class = g_type_class_peek_parent(klass);
	G_OBJECT_CLASS(klass)->finalize = cblue_redact_redactor_finalize;
}

static GPtrArray *
cblue_redact_redactor_find(CblueRedactor *redactor, const gchar *text)
{
	return cblue_redact_engine_find(((CblueRedactRedactor *)redactor)->engine, text);
}

static void
cblue_redact_redactor_iface_init(gpointer g_iface, gpointer iface_data)
{
	CblueRedactorInterface *iface = g_iface;
	iface->find = cblue_redact_redactor_find;
}

static GType
cblue_redact_redactor_get_type_for(const gchar *plugin_name)
{
	static gsize type_id = 0;

	if (g_once_init_enter(&type_id)) {
		const GInterfaceInfo iface_info = {cblue_redact_redactor_iface_init, NULL, NULL};
		g_autofree gchar *suffix = g_strcanon(g_strdup(plugin_name),
						      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", '_');
		g_autofree gchar *name = g_strdup_printf("CblueRedactRedactor_%s", suffix);
		GType type;

		/* a name taken by another copy of this code (tests link several) */
		for (guint i = 2; g_type_from_name(name) != 0; i++) {
			g_free(name);
			name = g_strdup_printf("CblueRedactRedactor_%s_%u", suffix, i);
		}
		type = g_type_register_static_simple(G_TYPE_OBJECT, g_intern_string(name),
						     sizeof(CblueRedactRedactorClass), cblue_redact_redactor_class_init,
						     sizeof(CblueRedactRedactor), NULL, G_TYPE_FLAG_FINAL);
		g_type_add_interface_static(type, CBLUE_TYPE_REDACTOR, &iface_info);
		g_once_init_leave(&type_id, type);
	}
	return (GType)type_id;
}

/* a CblueRedactor running @engine (a reference is taken) */
GObject *
cblue_redact_redactor_new(const gchar *plugin_name, CblueRedactEngine *engine)
{
	CblueRedactRedactor *self = g_object_new(cblue_redact_redactor_get_type_for(plugin_name), NULL);
	self->engine = cblue_redact_engine_ref(engine);
	return G_OBJECT(self);
}

/* registers @engine as the plugin's redactor; loads the [redact] policy first, so that a
 * bad policy fails the setup (redaction plugins are required) */
gboolean
cblue_redact_plugin_register(CbluePlugin *plugin, CblueRedactEngine *engine, gint priority, GError **error)
{
	CblueContext *context = cblue_plugin_get_context(plugin);
	g_autoptr(GObject) redactor = NULL;

	if (!cblue_context_load_redaction_policy(context, error))
		return FALSE;
	/* every type of the plugin is in [redact] disabled_types */
	if (cblue_redact_engine_get_n_rules(engine) == 0)
		return TRUE;
	redactor = cblue_redact_redactor_new(cblue_plugin_get_name(plugin), engine);
	cblue_plugin_add_extension(plugin, CBLUE_TYPE_REDACTOR, redactor, priority);
	return TRUE;
}

/* the setup of a plugin made of built-in rules */
gboolean
cblue_redact_plugin_setup_builtins(CbluePlugin *plugin, const gchar *const *builtins, gint priority,
				   GError **error)
{
	CblueConfig *config = cblue_context_get_config(cblue_plugin_get_context(plugin));
	g_autoptr(CblueRedactEngine) engine = cblue_redact_engine_new();

	if (!cblue_redact_engine_configure(engine, config, error))
		return FALSE;
	for (guint i = 0; builtins[i] != NULL; i++) {
		if (!cblue_redact_engine_add_builtin(engine, builtins[i], error))
			return FALSE;
	}
	return cblue_redact_plugin_register(plugin, engine, priority, error);
}
