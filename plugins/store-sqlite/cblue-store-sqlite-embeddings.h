/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"

G_BEGIN_DECLS

/* retrieval-embedding's vector cache (data/sql/sqlite/0003-embeddings.sql), in
 * cblue-store-sqlite-embeddings.c */
void cblue_store_sqlite_embeddings_iface_init(CblueStoreInterface *iface);

G_END_DECLS
