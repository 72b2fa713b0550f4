/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue-kb-entry.h"
#include "cblue-tokenizer.h"

G_BEGIN_DECLS

/* The services the business does not offer and the phrases customers ask for them with
 * (data/declined/, <data_dir>/declined/): a question that asks for one gets the "declined"
 * reply instead of a wrong topic's answer. See cblue-declined.c for the file format and the
 * matching, and cblue_bot_find_declined() for when a match declines a question. */

/* immutable once sealed, reference-counted: a bot matches with its own reference, outside its
 * lock, while the lists may be reloaded */
typedef struct _CblueDeclined CblueDeclined;

/* a phrase found in a normalized text */
typedef struct {
	guint phrase; /* the phrase's index (cblue_declined_get_phrase()) */
	const gchar *service; /* the service's name; borrowed from the CblueDeclined */
	guint service_id; /* the service's index, for cblue_declined_entry_mentions() */
	gsize start, end; /* bytes of the normalized text */
} CblueDeclinedMatch;

CblueDeclined *cblue_declined_new(CblueTokenizer *tokenizer);
gboolean cblue_declined_add_data(CblueDeclined *self, const gchar *data, gsize len, const gchar *where,
				 GError **error);
void cblue_declined_seal(CblueDeclined *self);
CblueDeclined *cblue_declined_load(CblueTokenizer *tokenizer, const gchar *dir, GError **error);
CblueDeclined *cblue_declined_ref(CblueDeclined *self);
void cblue_declined_unref(CblueDeclined *self);
guint cblue_declined_get_n_services(CblueDeclined *self);
guint cblue_declined_get_n_phrases(CblueDeclined *self);
const gchar *cblue_declined_get_phrase(CblueDeclined *self, guint phrase);
GArray *cblue_declined_find(CblueDeclined *self, const gchar *normalized);
gboolean cblue_declined_entry_mentions(CblueDeclined *self, const CblueDeclinedMatch *match, CblueKbEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueDeclined, cblue_declined_unref)

G_END_DECLS
