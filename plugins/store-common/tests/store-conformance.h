/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"

G_BEGIN_DECLS

/*
 * The black-box checks of the store contract, written once and compiled into the test of
 * each backend (store-sqlite's test-store-sqlite, store-postgres's test-store-conformance).
 * A backend's test fixture starts with a StoreConformance, which says how to open and close
 * its store on the same data, and how to read the database from outside the store.
 */
typedef struct _StoreConformance StoreConformance;

struct _StoreConformance {
	CblueStore *store; /* borrowed, NULL while closed */
	/* opens the store on the test's data, again after a close */
	void (*open)(StoreConformance *c);
	/* shuts the store down (which must flush) */
	void (*close)(StoreConformance *c);
	/* nullable: the first value of @sql, run on a connection of the test's own, as text
	 * (NULL for SQL NULL); without it the checks that look past the store are skipped */
	gchar *(*scalar)(StoreConformance *c, const gchar *sql);
	/* the SQL function that counts the elements of a JSON array */
	const gchar *json_array_length;
};

/* adds the checks below @prefix, each with a fixture of @fixture_size bytes that starts
 * with a StoreConformance; @setup must leave the store open */
void store_conformance_add_tests(const gchar *prefix, gsize fixture_size, GTestFixtureFunc setup,
				 GTestFixtureFunc teardown);

/* helpers the backends' own tests use too */
/* removes @path and, for a directory, everything below it (links are not followed) */
void test_rm_rf(const gchar *path);
gint64 test_count(CblueStore *store, const gchar *table);
/* an entry of category solar, in three languages, with @content in English */
CblueKbEntry *test_entry(const gchar *topic_id, const gchar *content);
/* @first: the first of pairs of topic id and content, NULL-terminated */
GPtrArray *test_entries(const gchar *first, ...) G_GNUC_NULL_TERMINATED;
/* the KB in the store, as JSON lines in topic order */
gchar *test_load_json(CblueStore *store);
/* the same for entries we expect, sorted as the store returns them */
gchar *test_entries_json(GPtrArray *entries);
/* the store's KB is @expected, entry for entry */
void test_assert_kb(CblueStore *store, GPtrArray *expected);
void test_import(CblueStore *store, GPtrArray *entries, gboolean replace_all);
void test_record_text(CblueStore *store, CblueMessage *message, CblueOutcome outcome, gboolean pii,
		      const gchar *reply_text);
void test_record(CblueStore *store, CblueMessage *message, CblueOutcome outcome, gboolean pii);
CblueMessage *test_message(const gchar *conversation_id, guint i);
void test_flush(CblueStore *store);

G_END_DECLS
