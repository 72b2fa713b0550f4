/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <glib-object.h>

#include "cblue-version-macros.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_EMBEDDING (cblue_embedding_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE(CblueEmbedding, cblue_embedding, CBLUE, EMBEDDING, GObject)

CBLUE_AVAILABLE_IN_1_0
CblueEmbedding *cblue_embedding_new(const gchar *topic_id, const gchar *content_hash, guint dimensions,
				    GBytes *vectors) G_GNUC_WARN_UNUSED_RESULT;
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_embedding_get_topic_id(CblueEmbedding *self);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_embedding_get_content_hash(CblueEmbedding *self);
CBLUE_AVAILABLE_IN_1_0
guint cblue_embedding_get_dimensions(CblueEmbedding *self);
CBLUE_AVAILABLE_IN_1_0
guint cblue_embedding_get_n_vectors(CblueEmbedding *self);
CBLUE_AVAILABLE_IN_1_0
GBytes *cblue_embedding_get_vectors(CblueEmbedding *self);

G_END_DECLS
