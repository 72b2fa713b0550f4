/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cblue.h"

/*
 * CPU per chat message through the bot, stage by stage, on one thread: what one
 * POST /api/v1/chat costs outside the HTTP layer. The plugins come from CBLUE_PLUGIN_PATH
 * (retrievers, redactors, the extractive answer and store-sqlite in a temporary data
 * directory), the KB and the messages from the load harness (or the files given).
 *
 *   CBLUE_PLUGIN_PATH=build/plugins build/bench/chat-pipeline [KB.json MESSAGES [N [ROUNDS]]]
 *
 * Each stage runs over the same N messages (cycling through the file); every figure is
 * the thread's CPU time (CLOCK_THREAD_CPUTIME_ID) per message, the median of ROUNDS
 * rounds, so that it moves little when other jobs share the machine:
 *
 * - `language`, `redact`, `retrieve:<type>`: the stage alone, as the bot calls it;
 * - `ask`: cblue_bot_ask_sync() with recording off (all of the stages, plus the bot's
 *   own work: validation, fusion, the decision, the answer, the reply object);
 * - `bot itself`: `ask` less the stages measured alone;
 * - `ask + record`: with recording on (the exchange handed to the store's queue);
 * - `store writer`: the CPU of the process's other threads (the store's writer thread)
 *   per exchange, from the first record until cblue_store_flush() returns;
 * - `reply JSON`: cblue_chat_reply_to_string(), as the server sends it.
 *
 * For figures that other jobs cannot move at all, run it (say N=1000, ROUNDS=1) under
 * `valgrind --tool=callgrind --separate-threads=yes`: the writer thread's file has the
 * store's instructions, and the main thread's the inclusive count of each stage's
 * function (cblue_bot_ask_sync(), cblue_store_queue_record(), …).
 */

#define DEFAULT_N      5000
#define DEFAULT_ROUNDS 3

static gint64
thread_cpu_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (gint64)ts.tv_sec * G_GINT64_CONSTANT(1000000000) + ts.tv_nsec;
}

static gint64
process_cpu_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (gint64)ts.tv_sec * G_GINT64_CONSTANT(1000000000) + ts.tv_nsec;
}

/* the texts of a JSON Lines file of {"message": …} objects, or of a plain text file */
static GPtrArray *
load_messages(const gchar *path, GError **error)
{
	g_autofree gchar *data = NULL;
	g_auto(GStrv) lines = NULL;
	GPtrArray *texts = g_ptr_array_new_with_free_func(g_free);

	if (!g_file_get_contents(path, &data, NULL, error)) {
		g_ptr_array_unref(texts);
		return NULL;
	}
	lines = g_strsplit(data, "\n", -1);
	for (guint i = 0; lines[i] != NULL; i++) {
		g_autoptr(JsonParser) parser = NULL;
		JsonNode *root;
		const gchar *text;

		if (lines[i][0] == '\0')
			continue;
		if (lines[i][0] != '{') {
			g_ptr_array_add(texts, g_strdup(lines[i]));
			continue;
		}
		parser = json_parser_new();
		if (!json_parser_load_from_data(parser, lines[i], -1, error)) {
			g_ptr_array_unref(texts);
			return NULL;
		}
		root = json_parser_get_root(parser);
		text = JSON_NODE_HOLDS_OBJECT(root)
			   ? json_object_get_string_member_with_default(json_node_get_object(root), "message", NULL)
			   : NULL;
		if (text != NULL)
			g_ptr_array_add(texts, g_strdup(text));
	}
	return texts;
}

typedef struct {
	const gchar *name;
	gdouble us[16]; /* per round: µs of CPU per message */
} Stage;

static gint
compare_double(gconstpointer a, gconstpointer b)
{
	gdouble da = *(const gdouble *)a, db = *(const gdouble *)b;
	return da < db ? -1 : (da > db ? 1 : 0);
}

static gdouble
stage_median(const Stage *stage, guint rounds)
{
	gdouble sorted[16];
	memcpy(sorted, stage->us, sizeof(gdouble) * rounds);
	qsort(sorted, rounds, sizeof(gdouble), compare_double);
	return rounds % 2 == 1 ? sorted[rounds / 2] : (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2;
}

typedef struct {
	CblueContext *context;
	CblueBot *bot;
	GPtrArray *texts; /* of gchar* */
	GPtrArray *prepared; /* of CblueMessage: language set, text redacted, for the retrievers */
	guint n;
} Bench;

static CblueMessage *
new_message(Bench *bench, guint i)
{
	CblueMessage *message = cblue_message_new(g_ptr_array_index(bench->texts, i % bench->texts->len));
	cblue_message_set_channel(message, "api");
	return message;
}

static gdouble
run_language(Bench *bench)
{
	gint64 start = thread_cpu_ns();
	for (guint i = 0; i < bench->n; i++)
		cblue_language_detect(g_ptr_array_index(bench->texts, i % bench->texts->len), NULL);
	return (gdouble)(thread_cpu_ns() - start) / 1000.0 / bench->n;
}

static gdouble
run_redact(Bench *bench)
{
	g_autoptr(GPtrArray) redactors = cblue_context_get_extensions(bench->context, CBLUE_TYPE_REDACTOR);
	g_autoptr(CblueRedactionPolicy) policy = cblue_context_get_redaction_policy(bench->context);
	gint64 start = thread_cpu_ns();
	for (guint i = 0; i < bench->n; i++) {
		g_autoptr(GPtrArray) spans = NULL;
		g_autofree gchar *out = cblue_redact_text_full(
		    redactors, g_ptr_array_index(bench->texts, i % bench->texts->len), policy, "bench", &spans);
	}
	return (gdouble)(thread_cpu_ns() - start) / 1000.0 / bench->n;
}

static gdouble
run_retriever(Bench *bench, CblueRetriever *retriever)
{
	gint64 start = thread_cpu_ns();
	for (guint i = 0; i < bench->n; i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(GPtrArray) hits = cblue_retriever_search(
		    retriever, g_ptr_array_index(bench->prepared, i % bench->prepared->len), 5, &error);
	}
	return (gdouble)(thread_cpu_ns() - start) / 1000.0 / bench->n;
}

/* asks every message; *writer_us gets the CPU of the other threads per message, until the
 * store has written everything */
static gdouble
run_ask(Bench *bench, gboolean record, GPtrArray *replies, gdouble *writer_us)
{
	CblueStore *store = cblue_context_get_extension(bench->context, CBLUE_TYPE_STORE);
	gint64 process_start = process_cpu_ns();
	gint64 start = thread_cpu_ns();
	gint64 thread_ns;

	cblue_bot_set_record(bench->bot, record);
	for (guint i = 0; i < bench->n; i++) {
		g_autoptr(CblueMessage) message = new_message(bench, i);
		g_autoptr(GError) error = NULL;
		g_autoptr(CblueChatReply) reply = cblue_bot_ask_sync(bench->bot, message, NULL, &error);
		if (reply == NULL)
			g_printerr("ask: %s\n", error->message);
		else if (replies != NULL && replies->len < bench->texts->len)
			g_ptr_array_add(replies, g_steal_pointer(&reply));
	}
	thread_ns = thread_cpu_ns() - start;
	if (writer_us != NULL) {
		g_autoptr(GError) error = NULL;
		gint64 flush_start = thread_cpu_ns();
		if (store != NULL && !cblue_store_flush(store, &error))
			g_printerr("flush: %s\n", error->message);
		/* this thread's own share of the flush (waiting) is not the writer's */
		thread_ns += thread_cpu_ns() - flush_start;
		*writer_us = (gdouble)(process_cpu_ns() - process_start - thread_ns) / 1000.0 / bench->n;
	}
	return (gdouble)(thread_cpu_ns() - start) / 1000.0 / bench->n;
}

static gdouble
run_to_string(Bench *bench, GPtrArray *replies)
{
	gint64 start = thread_cpu_ns();
	for (guint i = 0; i < bench->n; i++) {
		g_autofree gchar *json = cblue_chat_reply_to_string(g_ptr_array_index(replies, i % replies->len));
	}
	return (gdouble)(thread_cpu_ns() - start) / 1000.0 / bench->n;
}

/* the temporary data directory and everything the plugins put in it */
static void
remove_tree(const gchar *path)
{
	g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
	const gchar *name;

	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
		g_autofree gchar *child = g_build_filename(path, name, NULL);
		if (g_file_test(child, G_FILE_TEST_IS_DIR) && !g_file_test(child, G_FILE_TEST_IS_SYMLINK))
			remove_tree(child);
		else
			g_unlink(child);
	}
	g_rmdir(path);
}

static gboolean
setup(Bench *bench, const gchar *dir, const gchar *kb_path, CbluePluginLoader **loader, GError **error)
{
	g_autoptr(CblueConfig) config = cblue_config_new();
	g_autoptr(GPtrArray) entries = NULL;
	g_autoptr(GPtrArray) redactors = NULL;
	g_autoptr(CblueRedactionPolicy) policy = NULL;
	CblueStore *store;

	cblue_config_set_string(config, "core", "data_dir", dir);
	bench->context = cblue_context_new(config);
	*loader = cblue_plugin_loader_new(bench->context);
	if (!cblue_plugin_loader_load(*loader, error) || !cblue_plugin_loader_setup_sync(*loader, NULL, error))
		return FALSE;
	store = cblue_context_get_extension(bench->context, CBLUE_TYPE_STORE);
	entries = cblue_kb_parse_file(kb_path, NULL, error);
	if (entries == NULL || (store != NULL && !cblue_store_import_kb(store, entries, TRUE, error)))
		return FALSE;
	bench->bot = cblue_bot_new(bench->context);
	if (!cblue_bot_load_kb(bench->bot, FALSE, error))
		return FALSE;

	/* the retrievers see what the bot gives them: the language set, the text redacted */
	redactors = cblue_context_get_extensions(bench->context, CBLUE_TYPE_REDACTOR);
	policy = cblue_context_get_redaction_policy(bench->context);
	bench->prepared = g_ptr_array_new_with_free_func(g_object_unref);
	for (guint i = 0; i < bench->texts->len; i++) {
		const gchar *text = g_ptr_array_index(bench->texts, i);
		g_autofree gchar *redacted = cblue_redact_text_full(redactors, text, policy, "bench", NULL);
		CblueMessage *message = cblue_message_new(redacted);
		cblue_message_set_language(message, cblue_language_detect(text, NULL));
		g_ptr_array_add(bench->prepared, message);
	}
	return TRUE;
}

int
main(int argc, char **argv)
{
	g_autofree gchar *harness = g_build_filename(g_getenv("LOAD_HARNESS") != NULL ? g_getenv("LOAD_HARNESS")
										    : "../shared/bench/load",
						     NULL);
	g_autofree gchar *default_kb = g_build_filename(harness, "kb.json", NULL);
	g_autofree gchar *default_messages = g_build_filename(harness, "messages.jsonl", NULL);
	const gchar *kb_path = argc > 1 ? argv[1] : default_kb;
	const gchar *messages_path = argc > 2 ? argv[2] : default_messages;
	g_autofree gchar *dir = NULL;
	g_autoptr(CbluePluginLoader) loader = NULL;
	g_autoptr(GPtrArray) retrievers = NULL;
	g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func(g_object_unref);
	g_autoptr(GPtrArray) stages = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GError) error = NULL;
	Bench bench = {0};
	guint rounds;
	Stage *language, *redact, *ask, *itself, *record, *writer, *json;
	Stage **retrieve;

	setlocale(LC_ALL, "");
	bench.n = argc > 3 ? (guint)g_ascii_strtoull(argv[3], NULL, 10) : DEFAULT_N;
	rounds = argc > 4 ? (guint)CLAMP(g_ascii_strtoull(argv[4], NULL, 10), 1, 16) : DEFAULT_ROUNDS;
	if (bench.n == 0) {
		g_printerr("usage: chat-pipeline [KB.json MESSAGES.jsonl [N [ROUNDS]]]\n");
		return 2;
	}
	bench.texts = load_messages(messages_path, &error);
	if (bench.texts == NULL || bench.texts->len == 0) {
		g_printerr("%s: %s (set LOAD_HARNESS or give the files)\n", messages_path,
			   error != NULL ? error->message : "no messages");
		return 2;
	}
	dir = g_dir_make_tmp("cblue-chat-pipeline-XXXXXX", &error);
	if (dir == NULL) {
		g_printerr("%s\n", error->message);
		return 1;
	}
	if (!setup(&bench, dir, kb_path, &loader, &error)) {
		g_printerr("setup: %s\n", error->message);
		remove_tree(dir);
		return 1;
	}
	retrievers = cblue_context_get_extensions(bench.context, CBLUE_TYPE_RETRIEVER);

#define NEW_STAGE(var, label)                                                                                          \
	do {                                                                                                           \
		var = g_new0(Stage, 1);                                                                                \
		var->name = label;                                                                                     \
		g_ptr_array_add(stages, var);                                                                          \
	} while (0)
	NEW_STAGE(language, "language");
	NEW_STAGE(redact, "redact");
	retrieve = g_new0(Stage *, retrievers->len);
	for (guint r = 0; r < retrievers->len; r++) {
		NEW_STAGE(retrieve[r], g_intern_string(G_OBJECT_TYPE_NAME(g_ptr_array_index(retrievers, r))));
	}
	NEW_STAGE(itself, "bot itself (ask less the above)");
	NEW_STAGE(ask, "ask (no record)");
	NEW_STAGE(record, "ask + record");
	NEW_STAGE(writer, "store writer thread");
	NEW_STAGE(json, "reply JSON");

	/* warm-up: KB indexes, caches, the store's first pages */
	run_ask(&bench, TRUE, replies, &writer->us[0]);
	for (guint round = 0; round < rounds; round++) {
		gdouble sum = 0;
		language->us[round] = run_language(&bench);
		redact->us[round] = run_redact(&bench);
		sum = language->us[round] + redact->us[round];
		for (guint r = 0; r < retrievers->len; r++) {
			retrieve[r]->us[round] = run_retriever(&bench, g_ptr_array_index(retrievers, r));
			sum += retrieve[r]->us[round];
		}
		ask->us[round] = run_ask(&bench, FALSE, NULL, NULL);
		itself->us[round] = ask->us[round] - sum;
		record->us[round] = run_ask(&bench, TRUE, NULL, &writer->us[round]);
		json->us[round] = run_to_string(&bench, replies);
	}

	printf("CPU per message, µs (median of %u rounds of %u messages; %u distinct texts)\n", rounds, bench.n,
	       bench.texts->len);
	for (guint i = 0; i < stages->len; i++) {
		const Stage *stage = g_ptr_array_index(stages, i);
		printf("  %-34s %8.2f   [", stage->name, stage_median(stage, rounds));
		for (guint round = 0; round < rounds; round++)
			printf("%s%.2f", round > 0 ? " " : "", stage->us[round]);
		printf("]\n");
	}
	printf("  %-34s %8.2f\n", "total: ask + record + writer + JSON",
	       stage_median(record, rounds) + stage_median(writer, rounds) + stage_median(json, rounds));

	cblue_plugin_loader_shutdown_sync(loader, NULL, NULL);
	g_free(retrieve);
	g_ptr_array_unref(bench.texts);
	g_ptr_array_unref(bench.prepared);
	g_clear_object(&bench.bot);
	g_clear_object(&loader);
	g_clear_object(&bench.context);
	remove_tree(dir);
	return 0;
}
