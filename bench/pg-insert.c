/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * PostgreSQL insert throughput of conversations through store-postgres, the way the
 * server records them: record_exchange() from the caller's thread (never blocking), the
 * plugin's writer thread batching them into PostgreSQL, then flush() until every one is
 * committed. Each exchange is a new conversation: a conversation row, two message rows
 * and an analytics event (a quarter also an `unanswered` row).
 *
 *   pg-insert URL [EXCHANGES]     (run by bench/pg-insert.py, which starts a server)
 *
 * Prints the figures; asserts nothing about speed.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "cblue.h"

static CblueChatReply *
bench_reply(CblueMessage *message, guint i)
{
	CblueChatReply *reply = cblue_chat_reply_new();
	cblue_chat_reply_set_conversation_id(reply, cblue_message_get_conversation_id(message));
	cblue_chat_reply_set_message_id(reply, cblue_message_get_message_id(message));
	cblue_chat_reply_set_language(reply, "th");
	cblue_chat_reply_set_outcome(reply, i % 4 == 0 ? CBLUE_OUTCOME_UNANSWERED : CBLUE_OUTCOME_ANSWERED);
	cblue_chat_reply_set_topic_id(reply, i % 4 == 0 ? NULL : "solar-rooftop-price");
	cblue_chat_reply_set_text(reply, "ระบบ 5 kW ราคาประมาณ 150,000–200,000 บาท รวมติดตั้งและอินเวอร์เตอร์");
	cblue_chat_reply_set_confidence(reply, 0.8);
	cblue_chat_reply_set_duration_usec(reply, 900);
	return reply;
}

static gint64
bench_count(CblueStore *store, const gchar *table)
{
	g_autoptr(GError) error = NULL;
	gint64 n = cblue_store_count(store, table, &error);
	if (n < 0)
		g_printerr("count %s: %s\n", table, error->message);
	return n;
}

int
main(int argc, char **argv)
{
	g_autoptr(CblueConfig) config = cblue_config_new();
	g_autoptr(CblueContext) ctx = NULL;
	g_autoptr(CbluePluginLoader) loader = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func(g_object_unref);
	g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func(g_object_unref);
	g_autofree gchar *dir = NULL;
	g_autofree gchar *outbox = NULL;
	CblueStore *store;
	guint n = argc > 2 ? (guint)strtoul(argv[2], NULL, 10) : 100000;
	gint64 start, queued, done;
	gdouble secs;

	if (argc < 2) {
		g_printerr("usage: %s URL [EXCHANGES]\n", argv[0]);
		return 2;
	}
	dir = g_dir_make_tmp("cblue-pg-bench-XXXXXX", &error);
	g_assert_no_error(error);
	cblue_config_set_string(config, "core", "data_dir", dir);
	cblue_config_set_string(config, "store", "url", argv[1]);
	cblue_config_set_string(config, "store", "flush_timeout_s", "600");
	ctx = cblue_context_new(config);
	loader = cblue_plugin_loader_new(ctx);
	cblue_plugin_loader_add_name_filter(loader, "store-postgres");
	if (!cblue_plugin_loader_load(loader, &error) || !cblue_plugin_loader_setup_sync(loader, NULL, &error)) {
		g_printerr("cannot set up store-postgres: %s\n", error->message);
		return 1;
	}
	store = cblue_context_get_extension(ctx, CBLUE_TYPE_STORE);
	if (store == NULL) {
		g_printerr("store-postgres did not register a store; is CBLUE_PLUGIN_PATH set?\n");
		return 1;
	}

	/* the messages exist before the clock starts, as they do in the server */
	for (guint i = 0; i < n; i++) {
		g_autofree gchar *text = g_strdup_printf("ติดโซลาร์เซลล์ 5 kW ราคาเท่าไหร่ #%u [PHONE]", i);
		CblueMessage *message = cblue_message_new(text);
		g_autofree gchar *conversation_id = g_uuid_string_random();
		cblue_message_set_conversation_id(message, conversation_id);
		cblue_message_set_language(message, "th");
		g_ptr_array_add(messages, message);
		g_ptr_array_add(replies, bench_reply(message, i));
	}

	start = g_get_monotonic_time();
	for (guint i = 0; i < n; i++)
		cblue_store_record_exchange(store, g_ptr_array_index(messages, i), g_ptr_array_index(replies, i));
	queued = g_get_monotonic_time();
	if (!cblue_store_flush(store, &error)) {
		g_printerr("flush: %s\n", error->message);
		return 1;
	}
	done = g_get_monotonic_time();
	secs = (gdouble)(done - start) / G_USEC_PER_SEC;

	printf("exchanges:                 %u (each a new conversation)\n", n);
	printf("record_exchange (caller):  %.2f us per call\n", (gdouble)(queued - start) / n);
	printf("all committed after:       %.3f s\n", secs);
	printf("conversations per second:  %.0f\n", n / secs);
	printf("rows per second:           %.0f (conversation, 2 messages, event, 1/4 unanswered)\n",
	       (n * 4.25) / secs);
	printf("rows: conversations=%" G_GINT64_FORMAT " messages=%" G_GINT64_FORMAT
	       " analytics_events=%" G_GINT64_FORMAT " unanswered=%" G_GINT64_FORMAT "\n",
	       bench_count(store, "conversations"), bench_count(store, "messages"),
	       bench_count(store, "analytics_events"), bench_count(store, "unanswered"));
	if (!cblue_plugin_loader_shutdown_sync(loader, NULL, &error)) {
		g_printerr("shutdown: %s\n", error->message);
		return 1;
	}
	outbox = g_build_filename(dir, "postgres-outbox.jsonl", NULL);
	g_remove(outbox);
	g_rmdir(dir);
	return 0;
}
