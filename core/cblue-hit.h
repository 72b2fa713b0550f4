/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <glib-object.h>

#include "cblue-version-macros.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_HIT (cblue_hit_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE(CblueHit, cblue_hit, CBLUE, HIT, GObject)

CBLUE_AVAILABLE_IN_1_0
CblueHit *cblue_hit_new(const gchar *topic_id, gdouble score, gdouble confidence) G_GNUC_WARN_UNUSED_RESULT;
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_hit_get_topic_id(CblueHit *self);
CBLUE_AVAILABLE_IN_1_0
gdouble cblue_hit_get_score(CblueHit *self);
CBLUE_AVAILABLE_IN_1_0
gdouble cblue_hit_get_confidence(CblueHit *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_hit_set_score(CblueHit *self, gdouble score);
CBLUE_AVAILABLE_IN_1_0
void cblue_hit_set_confidence(CblueHit *self, gdouble confidence);
CBLUE_AVAILABLE_IN_1_0
gint cblue_hit_compare(CblueHit *a, CblueHit *b);

G_END_DECLS
