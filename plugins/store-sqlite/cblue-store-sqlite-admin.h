/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue-store-sqlite-db.h"

G_BEGIN_DECLS

/* the admin console's part of the store (users, sessions, API tokens, audit log, KB
 * drafts and versions), in cblue-store-sqlite-admin.c */
void cblue_store_sqlite_admin_iface_init(CblueStoreInterface *iface);

/* from cblue-store-sqlite-plugin.c: the read connection under its mutex */
CblueSqliteDb *cblue_store_sqlite_lock_db(CblueStore *store, GError **error);
void cblue_store_sqlite_unlock_db(CblueStore *store);

G_END_DECLS
