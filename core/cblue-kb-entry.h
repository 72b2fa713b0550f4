/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "cblue-version-macros.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_KB_ENTRY (cblue_kb_entry_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE(CblueKbEntry, cblue_kb_entry, CBLUE, KB_ENTRY, GObject)

CBLUE_AVAILABLE_IN_1_0
CblueKbEntry *cblue_kb_entry_new(const gchar *topic_id) G_GNUC_WARN_UNUSED_RESULT;
CBLUE_AVAILABLE_IN_1_0
CblueKbEntry *cblue_kb_entry_new_from_json(JsonNode *node, const gchar *const *languages, GError **error)
    G_GNUC_WARN_UNUSED_RESULT;
CBLUE_AVAILABLE_IN_1_0
JsonNode *cblue_kb_entry_to_json(CblueKbEntry *self);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_kb_entry_get_topic_id(CblueKbEntry *self);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_kb_entry_get_category(CblueKbEntry *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_kb_entry_set_category(CblueKbEntry *self, const gchar *category);
CBLUE_AVAILABLE_IN_1_0
const gchar *const *cblue_kb_entry_get_tags(CblueKbEntry *self);
CBLUE_AVAILABLE_IN_1_0
const gchar *const *cblue_kb_entry_get_keywords(CblueKbEntry *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_kb_entry_set_keywords(CblueKbEntry *self, const gchar *const *keywords);
CBLUE_AVAILABLE_IN_1_0
const gchar *const *cblue_kb_entry_get_questions(CblueKbEntry *self, const gchar *language);
CBLUE_AVAILABLE_IN_1_0
void cblue_kb_entry_add_question(CblueKbEntry *self, const gchar *language, const gchar *question);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_kb_entry_get_content(CblueKbEntry *self, const gchar *language);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_kb_entry_get_content_for(CblueKbEntry *self, const gchar *language, const gchar **out_language);
CBLUE_AVAILABLE_IN_1_0
void cblue_kb_entry_set_content(CblueKbEntry *self, const gchar *language, const gchar *content);
CBLUE_AVAILABLE_IN_1_0
GPtrArray *cblue_kb_entry_get_languages(CblueKbEntry *self);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_kb_entry_get_status(CblueKbEntry *self);

G_END_DECLS
