/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"

G_BEGIN_DECLS

/*
 * The rule engine of the redaction plugins: pcre2 (JIT, UTF + UCP, bounded by match
 * limits) finds candidates, a validator confirms them, context words decide the
 * ambiguous ones. One engine holds the rules of one redactor and runs them over the
 * folded text that CblueRedactor.find() receives, starting each rule where its trigger
 * (a digit, an `@`, a `:` or a chat-app name) first occurs, without copying the text.
 * An engine is immutable once built and may be used from any number of threads.
 */
typedef struct _CblueRedactEngine CblueRedactEngine;

typedef enum {
	CBLUE_REDACT_VALIDATOR_NONE,
	CBLUE_REDACT_VALIDATOR_LUHN,
	CBLUE_REDACT_VALIDATOR_TH_ID,
	CBLUE_REDACT_VALIDATOR_CN_ID,
	CBLUE_REDACT_VALIDATOR_IBAN,
} CblueRedactValidator;

/* a rule from the configuration ([redact.rule NAME] or a rules file) */
typedef struct {
	const gchar *name;
	const gchar *label; /* the placeholder's type, e.g. ORDER_ID */
	const gchar *pattern; /* pcre2; a group named `value` narrows the span */
	CblueRedactValidator validator;
	const gchar *const *context; /* nullable: words required near the value */
	guint context_window; /* characters before and after; 0 for the default */
	gboolean case_insensitive;
} CblueRedactRuleSpec;

#define CBLUE_REDACT_DEFAULT_MATCH_LIMIT    1000000
#define CBLUE_REDACT_DEFAULT_CONTEXT_WINDOW 40

CblueRedactEngine *cblue_redact_engine_new(void);
CblueRedactEngine *cblue_redact_engine_ref(CblueRedactEngine *self);
void cblue_redact_engine_unref(CblueRedactEngine *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueRedactEngine, cblue_redact_engine_unref)

gboolean cblue_redact_engine_configure(CblueRedactEngine *self, CblueConfig *config, GError **error);
void cblue_redact_engine_set_match_limit(CblueRedactEngine *self, guint32 match_limit);
gboolean cblue_redact_engine_add_builtin(CblueRedactEngine *self, const gchar *name, GError **error);
gboolean cblue_redact_engine_add_rule(CblueRedactEngine *self, const CblueRedactRuleSpec *spec, GError **error);
gboolean cblue_redact_engine_add_rules_from_config(CblueRedactEngine *self, CblueConfig *config, GError **error);
gboolean cblue_redact_engine_add_rules_from_file(CblueRedactEngine *self, const gchar *filename, GError **error);
guint cblue_redact_engine_get_n_rules(CblueRedactEngine *self);
GPtrArray *cblue_redact_engine_find(CblueRedactEngine *self, const gchar *text);
gboolean cblue_redact_validator_from_string(const gchar *text, CblueRedactValidator *validator);
const gchar *const *cblue_redact_builtin_names(void);

/* the CblueRedactor that runs an engine; see cblue-redact-engine.c for why its type is
 * named after the plugin */
GObject *cblue_redact_redactor_new(const gchar *plugin_name, CblueRedactEngine *engine);
gboolean cblue_redact_plugin_register(CbluePlugin *plugin, CblueRedactEngine *engine, gint priority,
				      GError **error);
gboolean cblue_redact_plugin_setup_builtins(CbluePlugin *plugin, const gchar *const *builtins, gint priority,
					    GError **error);

G_END_DECLS
