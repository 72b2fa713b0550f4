/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <gio/gio.h>

#include "cblue-kb-entry.h"
#include "cblue-version-macros.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_KB (cblue_kb_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE(CblueKb, cblue_kb, CBLUE, KB, GObject)

CBLUE_AVAILABLE_IN_1_0
CblueKb *cblue_kb_new(void) G_GNUC_WARN_UNUSED_RESULT;
CBLUE_AVAILABLE_IN_1_0
guint cblue_kb_get_size(CblueKb *self);
CBLUE_AVAILABLE_IN_1_0
GPtrArray *cblue_kb_get_entries(CblueKb *self);
CBLUE_AVAILABLE_IN_1_0
CblueKbEntry *cblue_kb_lookup(CblueKb *self, const gchar *topic_id);
CBLUE_AVAILABLE_IN_1_0
void cblue_kb_add(CblueKb *self, CblueKbEntry *entry);
CBLUE_AVAILABLE_IN_1_0
void cblue_kb_merge(CblueKb *self, GPtrArray *entries);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_kb_remove(CblueKb *self, const gchar *topic_id);
CBLUE_AVAILABLE_IN_1_0
CblueKb *cblue_kb_copy(CblueKb *self) G_GNUC_WARN_UNUSED_RESULT;
CBLUE_AVAILABLE_IN_1_0
GPtrArray *cblue_kb_parse_data(const gchar *data, gsize length, const gchar *source_name,
			       const gchar *const *languages, GError **error);
CBLUE_AVAILABLE_IN_1_0
GPtrArray *cblue_kb_parse_file(const gchar *filename, const gchar *const *languages, GError **error);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_kb_load_file(CblueKb *self, const gchar *filename, const gchar *const *languages, GError **error);
CBLUE_AVAILABLE_IN_1_0
gchar *cblue_kb_to_json(CblueKb *self, gboolean json_lines);
CBLUE_AVAILABLE_IN_1_0
gchar *cblue_kb_entries_to_json(GPtrArray *entries, gboolean json_lines);
CBLUE_AVAILABLE_IN_1_0
CblueKb *cblue_kb_new_bundled(GError **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
