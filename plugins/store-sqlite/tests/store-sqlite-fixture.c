/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "store-sqlite-fixture.h"

static void
store_sqlite_fixture_async_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	*(GAsyncResult **)user_data = g_object_ref(res);
}

static void
store_sqlite_fixture_wait(GAsyncResult **res)
{
	while (*res == NULL)
		g_main_context_iteration(NULL, TRUE);
}

void
store_sqlite_fixture_setup(StoreSqliteFixture *f, gconstpointer data)
{
	g_autoptr(CblueConfig) config = cblue_config_new();
	g_autoptr(GAsyncResult) res = NULL;
	g_autoptr(GError) error = NULL;

	f->dir = g_dir_make_tmp(NULL, &error);
	g_assert_no_error(error);
	f->path = g_build_filename(f->dir, "cblue.db", NULL);
	cblue_config_set_string(config, "core", "data_dir", f->dir);
	f->ctx = cblue_context_new(config);
	f->plugin = g_object_new(CBLUE_TYPE_STORE_SQLITE_PLUGIN, "name", "store-sqlite", "context", f->ctx, NULL);
	CBLUE_PLUGIN_GET_CLASS(f->plugin)->setup_async(f->plugin, NULL, store_sqlite_fixture_async_cb, &res);
	store_sqlite_fixture_wait(&res);
	g_assert_true(CBLUE_PLUGIN_GET_CLASS(f->plugin)->setup_finish(f->plugin, res, &error));
	g_assert_no_error(error);
	f->store = cblue_context_get_extension(f->ctx, CBLUE_TYPE_STORE);
	g_assert_nonnull(f->store);
}

void
store_sqlite_fixture_teardown(StoreSqliteFixture *f, gconstpointer data)
{
	g_autoptr(GAsyncResult) res = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(GDir) dir = NULL;
	const gchar *name;

	CBLUE_PLUGIN_GET_CLASS(f->plugin)->shutdown_async(f->plugin, NULL, store_sqlite_fixture_async_cb, &res);
	store_sqlite_fixture_wait(&res);
	g_assert_true(CBLUE_PLUGIN_GET_CLASS(f->plugin)->shutdown_finish(f->plugin, res, &error));
	g_clear_object(&f->plugin);
	g_clear_object(&f->ctx);
	dir = g_dir_open(f->dir, 0, NULL);
	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
		g_autofree gchar *path = g_build_filename(f->dir, name, NULL);
		g_remove(path);
	}
	g_rmdir(f->dir);
	g_free(f->path);
	g_free(f->dir);
}

void
store_sqlite_test_exec(sqlite3 *db, const gchar *sql)
{
	gchar *errmsg = NULL;
	gint rc = sqlite3_exec(db, sql, NULL, NULL, &errmsg);

	if (rc != SQLITE_OK)
		g_test_message("%s: %s", sql, errmsg);
	sqlite3_free(errmsg);
	g_assert_cmpint(rc, ==, SQLITE_OK);
}
