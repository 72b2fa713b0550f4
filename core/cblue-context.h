/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <gio/gio.h>

#include "cblue-config.h"
#include "cblue-redaction-policy.h"
#include "cblue-tokenizer.h"
#include "cblue-version-macros.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_CONTEXT (cblue_context_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE(CblueContext, cblue_context, CBLUE, CONTEXT, GObject)

CBLUE_AVAILABLE_IN_1_0
CblueContext *cblue_context_new(CblueConfig *config) G_GNUC_WARN_UNUSED_RESULT;
CBLUE_AVAILABLE_IN_1_0
CblueConfig *cblue_context_get_config(CblueContext *self);
CBLUE_AVAILABLE_IN_1_0
CblueTokenizer *cblue_context_get_tokenizer(CblueContext *self);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_context_get_data_dir(CblueContext *self);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_context_ensure_data_dir(CblueContext *self, GError **error);
CBLUE_AVAILABLE_IN_1_0
void cblue_context_add_extension(CblueContext *self, GType iface, GObject *extension, gint priority,
				 const gchar *plugin_name);
CBLUE_AVAILABLE_IN_1_0
GPtrArray *cblue_context_get_extensions(CblueContext *self, GType iface);
CBLUE_AVAILABLE_IN_1_0
gpointer cblue_context_get_extension(CblueContext *self, GType iface);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_context_get_extension_plugin(CblueContext *self, GObject *extension);
CBLUE_AVAILABLE_IN_1_0
CblueRedactionPolicy *cblue_context_get_redaction_policy(CblueContext *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_context_set_redaction_policy(CblueContext *self, CblueRedactionPolicy *policy);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_context_load_redaction_policy(CblueContext *self, GError **error);

G_END_DECLS
