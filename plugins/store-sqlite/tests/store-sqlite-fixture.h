/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <sqlite3.h>

#include "cblue-store-sqlite-plugin.h"

G_BEGIN_DECLS

/* what the store-sqlite tests share: the plugin set up on a fresh data directory, the way
 * the loader does it, and SQL run from a connection of the test's own */

typedef struct {
	gchar *dir;  /* the data directory, removed by the teardown */
	gchar *path; /* the database file in it */
	CblueContext *ctx;
	CbluePlugin *plugin;
	CblueStore *store;
} StoreSqliteFixture;

void store_sqlite_fixture_setup(StoreSqliteFixture *f, gconstpointer data);
void store_sqlite_fixture_teardown(StoreSqliteFixture *f, gconstpointer data);
void store_sqlite_test_exec(sqlite3 *db, const gchar *sql);

G_END_DECLS
