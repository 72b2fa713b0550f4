/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"

G_BEGIN_DECLS

/* the console's analytics and unanswered inbox, in cblue-store-sqlite-analytics.c
 * (schema additions in data/sql/sqlite/0004-analytics.sql) */
void cblue_store_sqlite_analytics_iface_init(CblueStoreInterface *iface);

G_END_DECLS
