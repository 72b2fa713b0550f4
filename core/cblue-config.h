/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <glib-object.h>

#include "cblue-version-macros.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_CONFIG (cblue_config_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE(CblueConfig, cblue_config, CBLUE, CONFIG, GObject)

CBLUE_AVAILABLE_IN_1_0
CblueConfig *cblue_config_new(void) G_GNUC_WARN_UNUSED_RESULT;
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_config_load_file(CblueConfig *self, const gchar *filename, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_config_load_data(CblueConfig *self, const gchar *data, GError **error);
CBLUE_AVAILABLE_IN_1_0
gchar *cblue_config_get_string(CblueConfig *self, const gchar *group, const gchar *key);
CBLUE_AVAILABLE_IN_1_0
gint64 cblue_config_get_int(CblueConfig *self, const gchar *group, const gchar *key, gint64 default_value);
CBLUE_AVAILABLE_IN_1_0
gdouble cblue_config_get_double(CblueConfig *self, const gchar *group, const gchar *key, gdouble default_value);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_config_get_boolean(CblueConfig *self, const gchar *group, const gchar *key, gboolean default_value);
CBLUE_AVAILABLE_IN_1_0
gchar **cblue_config_get_strv(CblueConfig *self, const gchar *group, const gchar *key);
CBLUE_AVAILABLE_IN_1_0
gchar *cblue_config_get_value(CblueConfig *self, const gchar *group, const gchar *key);
CBLUE_AVAILABLE_IN_1_0
gchar **cblue_config_get_groups(CblueConfig *self);
CBLUE_AVAILABLE_IN_1_0
gchar **cblue_config_get_keys(CblueConfig *self, const gchar *group);
CBLUE_AVAILABLE_IN_1_0
void cblue_config_set_string(CblueConfig *self, const gchar *group, const gchar *key, const gchar *value);
CBLUE_AVAILABLE_IN_1_0
gchar *cblue_config_get_data_dir(CblueConfig *self);
CBLUE_AVAILABLE_IN_1_0
gchar **cblue_config_get_languages(CblueConfig *self);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_config_is_secret_key(const gchar *key);

G_END_DECLS
