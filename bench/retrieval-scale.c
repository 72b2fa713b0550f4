/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* Retrieval at scale (issue #3's speed target): a KB of N generated trilingual entries
 * (100,000 by default), indexed by retrieval-bm25 and retrieval-ngram and searched through
 * the bot, fused, on one core. A benchmark, not a test: it prints figures and asserts none.
 *
 *   build/bench/retrieval-scale [N [QUERIES [BUILD_THREADS [CACHE_DIR]]]]
 *
 * The index builds use every CPU the process may use (taskset chooses them; BUILD_THREADS
 * forces a number of analysis threads, 1 for a build on one thread); the searches are
 * pinned to the first of those CPUs. With CACHE_DIR (a new folder), every build also writes
 * its index cache there, so that two versions' indexes can be compared byte for byte.
 *
 * With 100,000 entries it runs for about two and a half minutes of CPU and peaks at about
 * 6 GB of memory (mostly the BM25 index being rebuilt next to the one in use); 20,000 is a
 * quick run.
 *
 * The entries are generated deterministically (fixed seeds) from the words of the bundled
 * KB (data/kb/ *.json) in en, th and zh: a few example questions per language (a bundled
 * question with some words swapped and the entry's product named), keywords, and a content
 * paragraph per language; each entry has a made-up product name and model number so that
 * entries differ. Queries are other bundled questions about one entry's product, in the
 * three languages.
 *
 * Printed: the build time of each index (wall time, and CPU time of all the process's
 * threads: the analysis runs on as many threads as there are CPUs),
 * the indexes' bytes per entry from their own accounting and, as a cross-check, the heap
 * growth (mallinfo2) while each was built; the KB text's bytes per entry; the latency of
 * each retriever's search and of the bot's whole answer (both retrievers, fusion,
 * decision), p50/p95/p99 of per-query CPU time; where the bot's time goes (its language
 * detection and each search timed apart, then its answer to the same question: the rest is
 * fusion, decision and reply); the bot's pass over the questions again, last (the same
 * work with the caches of every other pass: what changes is the caches); a publish that
 * changes 1% of the entries.
 *
 * CBLUE_BENCH_BOT_PASSES=N prints instead the bot's answers alone, by language, over N
 * passes (CBLUE_BENCH_BOT_LANG=th: the Thai questions only); with a CACHE_DIR written by
 * an earlier run the indexes are loaded, not built, so a run takes about a minute. */

#include "config.h"

#include <malloc.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cblue-bm25-retriever.h"
#include "cblue-bot-private.h"
#include "cblue-ngram-retriever.h"
#include "cblue-retrieval-chunks.h"

#define N_QUESTIONS_PER_LANG 3

static const gchar *const langs[] = {"en", "th", "zh"};

typedef struct {
	GPtrArray *words[3]; /* of utf8: the bundled KB's words per language */
	GPtrArray *questions[3]; /* of utf8: the bundled KB's questions per language */
} Vocab;

static gint64
thread_cpu_usec(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gint64
process_cpu_usec(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gsize
heap_in_use(void)
{
	struct mallinfo2 mi = mallinfo2();
	return mi.uordblks + mi.hblkhd;
}

static gsize
rss_bytes(void)
{
	g_autofree gchar *statm = NULL;
	gulong size = 0, resident = 0;
	if (g_file_get_contents("/proc/self/statm", &statm, NULL, NULL))
		sscanf(statm, "%lu %lu", &size, &resident);
	return resident * 4096;
}

static gint
compare_gint64(gconstpointer a, gconstpointer b)
{
	gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;
	return x < y ? -1 : x > y;
}

static void
vocab_add_text(CblueTokenizer *tokenizer, GHashTable *seen, GPtrArray *words, const gchar *text)
{
	g_autoptr(GPtrArray) tokens = cblue_tokenizer_segment(tokenizer, text);
	for (guint i = 0; i < tokens->len; i++) {
		const gchar *token = g_ptr_array_index(tokens, i);
		if (g_utf8_strlen(token, -1) < 2 && cblue_script_for_char(g_utf8_get_char(token)) != CBLUE_SCRIPT_HAN)
			continue;
		if (g_hash_table_add(seen, g_strdup(token)))
			g_ptr_array_add(words, g_strdup(token));
	}
}

/* the words and questions of the bundled KB, per language, in a stable order */
static void
vocab_init(Vocab *vocab, CblueTokenizer *tokenizer)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueKb) kb = cblue_kb_new_bundled(&error);
	GPtrArray *entries;

	g_assert_no_error(error);
	entries = cblue_kb_get_entries(kb);
	for (guint l = 0; l < G_N_ELEMENTS(langs); l++) {
		g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
		vocab->words[l] = g_ptr_array_new_with_free_func(g_free);
		vocab->questions[l] = g_ptr_array_new_with_free_func(g_free);
		for (guint i = 0; i < entries->len; i++) {
			CblueKbEntry *entry = g_ptr_array_index(entries, i);
			const gchar *const *questions = cblue_kb_entry_get_questions(entry, langs[l]);
			const gchar *content = cblue_kb_entry_get_content(entry, langs[l]);
			for (guint q = 0; questions[q] != NULL; q++) {
				g_ptr_array_add(vocab->questions[l], g_strdup(questions[q]));
				vocab_add_text(tokenizer, seen, vocab->words[l], questions[q]);
			}
			if (content != NULL)
				vocab_add_text(tokenizer, seen, vocab->words[l], content);
		}
	}
}

static void
vocab_clear(Vocab *vocab)
{
	for (guint l = 0; l < G_N_ELEMENTS(langs); l++) {
		g_ptr_array_unref(vocab->words[l]);
		g_ptr_array_unref(vocab->questions[l]);
	}
}

static const gchar *
pick(GRand *rand, GPtrArray *array)
{
	return g_ptr_array_index(array, g_rand_int_range(rand, 0, (gint32)array->len));
}

/* a made-up product name per entry, in Latin letters, in Thai letters and in Han characters */
static void
product_names(guint n, gchar **latin, gchar **thai, gchar **han)
{
	static const gchar *const latin_syl[] = {"ka", "lo", "mi", "ra", "tek", "von", "zu", "shi", "bel", "dor", "qua",
						 "nex", "pi", "sol", "tra", "vin", "ex", "gal", "hu", "jin"};
	static const gchar *const thai_syl[] = {"กา", "โล", "มิ", "รา", "เทค", "วอน", "ซู", "ชิ", "เบล", "ดอ", "ควา",
						"เนก", "พิ", "ซอล", "ทรา", "วิน", "เอก", "กัล", "ฮู", "จิน"};
	static const gchar *const han_syl[] = {"卡", "洛", "米", "拉", "泰", "冯", "祖", "诗", "贝", "多", "夸",
					       "奈", "皮", "索", "特", "文", "艾", "加", "胡", "金"};
	GString *l = g_string_new(NULL), *t = g_string_new(NULL), *h = g_string_new(NULL);
	guint x = n;

	/* four syllables from the entry's number (160,000 names), then a model number */
	for (guint i = 0; i < 4; i++) {
		g_string_append(l, latin_syl[x % 20]);
		g_string_append(t, thai_syl[x % 20]);
		g_string_append(h, han_syl[x % 20]);
		x /= 20;
	}
	l->str[0] = g_ascii_toupper(l->str[0]);
	g_string_append_printf(l, " %c%u", 'A' + (gchar)(n % 26), 100 + n % 99000);
	g_string_append_printf(t, " %c%u", 'A' + (gchar)(n % 26), 100 + n % 99000);
	g_string_append_printf(h, " %c%u", 'A' + (gchar)(n % 26), 100 + n % 99000);
	*latin = g_string_free(l, FALSE);
	*thai = g_string_free(t, FALSE);
	*han = g_string_free(h, FALSE);
}

static const gchar *
product_for_lang(guint l, const gchar *latin, const gchar *thai, const gchar *han)
{
	return l == 0 ? latin : l == 1 ? thai : han;
}

/* a bundled question of @l with a word or two replaced by other words, about @product */
static gchar *
make_question(Vocab *vocab, CblueTokenizer *tokenizer, GRand *rand, guint l, const gchar *product)
{
	g_autoptr(GPtrArray) tokens = cblue_tokenizer_segment(tokenizer, pick(rand, vocab->questions[l]));
	GString *out = g_string_new(NULL);
	guint n_swaps = (guint)g_rand_int_range(rand, 1, 3);

	for (guint s = 0; s < n_swaps && tokens->len > 0; s++) {
		guint i = (guint)g_rand_int_range(rand, 0, (gint32)tokens->len);
		g_free(tokens->pdata[i]);
		tokens->pdata[i] = g_strdup(pick(rand, vocab->words[l]));
	}
	for (guint i = 0; i < tokens->len; i++) {
		if (i > 0 && l == 0)
			g_string_append_c(out, ' ');
		g_string_append(out, g_ptr_array_index(tokens, i));
	}
	g_string_append(out, l == 0 ? " for " : l == 1 ? " รุ่น " : "，");
	g_string_append(out, product);
	return g_string_free(out, FALSE);
}

/* a paragraph of @n_words words of @l (Thai and Chinese without spaces, mostly) */
static gchar *
make_paragraph(Vocab *vocab, GRand *rand, guint l, guint n_words, const gchar *product)
{
	GString *out = g_string_new(product);
	for (guint i = 0; i < n_words; i++) {
		if (l == 0 || (l == 1 && g_rand_int_range(rand, 0, 8) == 0))
			g_string_append_c(out, ' ');
		g_string_append(out, pick(rand, vocab->words[l]));
		if (l == 2 && g_rand_int_range(rand, 0, 10) == 0)
			g_string_append(out, "，");
	}
	g_string_append(out, l == 0 ? "." : l == 1 ? "" : "。");
	return g_string_free(out, FALSE);
}

static CblueKbEntry *
make_entry(Vocab *vocab, CblueTokenizer *tokenizer, guint n, guint32 seed)
{
	g_autofree gchar *topic_id = g_strdup_printf("gen-%06u", n);
	CblueKbEntry *entry = cblue_kb_entry_new(topic_id);
	GRand *rand = g_rand_new_with_seed(seed);
	g_autofree gchar *latin = NULL, *thai = NULL, *han = NULL;
	g_autoptr(GPtrArray) keywords = g_ptr_array_new_with_free_func(g_free);
	static const guint paragraph_words[] = {45, 40, 35};

	product_names(n, &latin, &thai, &han);
	for (guint l = 0; l < G_N_ELEMENTS(langs); l++) {
		const gchar *product = product_for_lang(l, latin, thai, han);
		g_autofree gchar *content = make_paragraph(vocab, rand, l, paragraph_words[l], product);
		for (guint q = 0; q < N_QUESTIONS_PER_LANG; q++) {
			g_autofree gchar *question = make_question(vocab, tokenizer, rand, l, product);
			cblue_kb_entry_add_question(entry, langs[l], question);
		}
		cblue_kb_entry_set_content(entry, langs[l], content);
		g_ptr_array_add(keywords, g_strdup(product));
		g_ptr_array_add(keywords, g_strdup(pick(rand, vocab->words[l])));
	}
	g_ptr_array_add(keywords, NULL);
	cblue_kb_entry_set_keywords(entry, (const gchar *const *)keywords->pdata);
	g_rand_free(rand);
	return entry;
}

static gsize
entry_text_bytes(CblueKbEntry *entry)
{
	gsize bytes = strlen(cblue_kb_entry_get_topic_id(entry));
	const gchar *const *keywords = cblue_kb_entry_get_keywords(entry);
	for (guint i = 0; keywords[i] != NULL; i++)
		bytes += strlen(keywords[i]);
	for (guint l = 0; l < G_N_ELEMENTS(langs); l++) {
		const gchar *const *questions = cblue_kb_entry_get_questions(entry, langs[l]);
		const gchar *content = cblue_kb_entry_get_content(entry, langs[l]);
		for (guint q = 0; questions[q] != NULL; q++)
			bytes += strlen(questions[q]);
		bytes += content != NULL ? strlen(content) : 0;
	}
	return bytes;
}

typedef struct {
	gchar *text;
	guint target;
} Query;

static void
print_latency(const gchar *what, GArray *times)
{
	guint n = times->len;
	g_array_sort(times, compare_gint64);
	printf("  %-34s p50 %7.3f ms  p95 %7.3f ms  p99 %7.3f ms  max %7.3f ms\n", what,
	       g_array_index(times, gint64, n / 2) / 1000.0, g_array_index(times, gint64, n * 95 / 100) / 1000.0,
	       g_array_index(times, gint64, n * 99 / 100) / 1000.0, g_array_index(times, gint64, n - 1) / 1000.0);
}

/* the CPUs the process may use when it starts, for the builds, and the first of them, for
 * the searches */
typedef struct {
	cpu_set_t all;
	cpu_set_t first;
	gint n_all;
	gint first_cpu; /* -1: unknown, nothing is pinned */
} Cpus;

static void
cpus_init(Cpus *cpus)
{
	cpus->first_cpu = -1;
	cpus->n_all = 0;
	if (sched_getaffinity(0, sizeof(cpus->all), &cpus->all) != 0)
		return;
	cpus->n_all = CPU_COUNT(&cpus->all);
	for (gint c = 0; c < CPU_SETSIZE && cpus->first_cpu < 0; c++) {
		if (CPU_ISSET(c, &cpus->all))
			cpus->first_cpu = c;
	}
	CPU_ZERO(&cpus->first);
	CPU_SET(cpus->first_cpu, &cpus->first);
}

/* the calling thread (and the threads it starts) on every CPU, for a build, or on the first */
static void
cpus_use(Cpus *cpus, gboolean all)
{
	if (cpus->first_cpu >= 0 && sched_setaffinity(0, sizeof(cpu_set_t), all ? &cpus->all : &cpus->first) != 0)
		g_warning("sched_setaffinity failed");
}

/* builds @retriever's index of @kb (the analysis on several threads, see
 * cblue_retrieval_holder_set_build_threads()) and prints the wall time, the CPU time of the
 * whole process, that of the building thread (which analyzes its share, merges the
 * analyses and sorts and writes the postings alone: on an idle machine the wall time is
 * about the larger of it and the whole CPU time over the threads) and the heap growth */
static void
time_build(const gchar *what, CblueRetriever *retriever, CblueKb *kb, gsize *heap_growth)
{
	g_autoptr(GError) error = NULL;
	gsize heap0 = heap_in_use();
	gint64 cpu0 = process_cpu_usec(), own0 = thread_cpu_usec(), wall0 = g_get_monotonic_time();

	if (!cblue_retriever_rebuild(retriever, kb, &error))
		g_error("%s: %s", what, error->message);
	printf("  %-34s %8.2f s wall  %8.2f s CPU (%.2f s of it on the building thread)\n", what,
	       (g_get_monotonic_time() - wall0) / 1e6, (process_cpu_usec() - cpu0) / 1e6,
	       (thread_cpu_usec() - own0) / 1e6);
	*heap_growth = heap_in_use() - heap0;
}

static guint
topic_number(const gchar *topic_id)
{
	return (guint)g_ascii_strtoull(topic_id + strlen("gen-"), NULL, 10);
}

/* the approximate search's settings for both retrievers (on: common terms, see
 * cblue_retrieval_holder_set_common_terms()) */
static void
set_common_terms(CblueRetrieverBm25 *bm25, CblueRetrieverNgram *ngram, gboolean on, guint min_df, gdouble fraction)
{
	cblue_retrieval_holder_set_common_terms(cblue_retriever_bm25_get_holder(bm25), on, min_df, fraction);
	cblue_retrieval_holder_set_common_terms(cblue_retriever_ngram_get_holder(ngram), on, min_df, fraction);
}

/* how many of @a's topics are among @b's (the first @n of each) */
static guint
hits_overlap(GPtrArray *a, GPtrArray *b, guint n)
{
	guint same = 0;
	for (guint i = 0; i < MIN(a->len, n); i++) {
		for (guint j = 0; j < MIN(b->len, n); j++) {
			if (g_strcmp0(cblue_hit_get_topic_id(g_ptr_array_index(a, i)),
				      cblue_hit_get_topic_id(g_ptr_array_index(b, j))) == 0) {
				same++;
				break;
			}
		}
	}
	return same;
}

/* whether the top hits of @a and @b are the same topic (or both have none) */
static gboolean
hits_same_top1(GPtrArray *a, GPtrArray *b)
{
	if (a->len == 0 || b->len == 0)
		return a->len == b->len;
	return g_strcmp0(cblue_hit_get_topic_id(g_ptr_array_index(a, 0)),
			 cblue_hit_get_topic_id(g_ptr_array_index(b, 0))) == 0;
}

/* Agreement of the approximate search with the exact one on the questions: for each
 * retriever, how often the top hit is the same and the mean overlap of the top 5; for the
 * bot's answer, how often the topic, the outcome and both are the same; then the
 * approximate searches' CPU times, as the exact ones above. */
static void
compare_approx(CblueRetrieverBm25 *bm25, CblueRetrieverNgram *ngram, CblueBot *bot, GArray *queries, guint min_df,
	       gdouble fraction)
{
	g_autoptr(CblueBm25Index) index = cblue_retriever_bm25_get_index(bm25);
	g_autoptr(CblueNgramIndex) nindex = cblue_retriever_ngram_get_index(ngram);
	g_autoptr(GArray) t_bm25 = g_array_new(FALSE, FALSE, sizeof(gint64));
	g_autoptr(GArray) t_ngram = g_array_new(FALSE, FALSE, sizeof(gint64));
	g_autoptr(GArray) t_bot = g_array_new(FALSE, FALSE, sizeof(gint64));
	g_autoptr(GArray) t_bot_again = g_array_new(FALSE, FALSE, sizeof(gint64));
	g_autoptr(GError) error = NULL;
	guint same_top1[2] = {0}, overlap[2] = {0}, same_topic = 0, same_outcome = 0, same_both = 0, n = queries->len;
	CblueOutcome *outcomes = g_new(CblueOutcome, n);
	gchar **topics = g_new0(gchar *, n + 1);

	set_common_terms(bm25, ngram, TRUE, min_df, fraction);
	printf("approximate search, common terms: found in >= %u topics and >= %.3g of them (BM25 from %u topics, "
	       "n-grams from %u)\n",
	       min_df, fraction,
	       cblue_retrieval_holder_get_common_df(cblue_retriever_bm25_get_holder(bm25), cblue_bm25_index_get_n_docs(index)),
	       MAX(cblue_retrieval_holder_get_common_df(cblue_retriever_ngram_get_holder(ngram),
							 cblue_ngram_index_get_n_docs(nindex)),
		   512u));
	/* the timed passes, as the exact ones: the bot first, each retriever alone, the bot again */
	for (guint pass = 0; pass < 4; pass++) {
		GArray *times = pass == 0 ? t_bot : pass == 1 ? t_bm25 : pass == 2 ? t_ngram : t_bot_again;
		for (guint i = 0; i < n; i++) {
			Query *q = &g_array_index(queries, Query, i);
			g_autoptr(CblueMessage) message = cblue_message_new(q->text);
			g_autoptr(GPtrArray) hits = NULL;
			g_autoptr(CblueChatReply) reply = NULL;
			gint64 t0 = thread_cpu_usec();
			if (pass == 1)
				hits = cblue_retriever_search(CBLUE_RETRIEVER(bm25), message, 5, NULL);
			else if (pass == 2)
				hits = cblue_retriever_search(CBLUE_RETRIEVER(ngram), message, 5, NULL);
			else if ((reply = cblue_bot_ask_sync(bot, message, NULL, &error)) == NULL)
				g_error("ask: %s", error->message);
			t0 = thread_cpu_usec() - t0;
			g_array_append_val(times, t0);
			if (pass == 0) {
				outcomes[i] = cblue_chat_reply_get_outcome(reply);
				topics[i] = g_strdup(cblue_chat_reply_get_topic_id(reply));
			}
		}
	}
	/* the exact searches and answers, to compare */
	for (guint i = 0; i < n; i++) {
		Query *q = &g_array_index(queries, Query, i);
		g_autoptr(CblueMessage) message = cblue_message_new(q->text);
		g_autoptr(CblueChatReply) reply = NULL;
		for (guint r = 0; r < 2; r++) {
			g_autoptr(GPtrArray) exact = NULL, approx = NULL;
			CblueRetriever *retriever = r == 0 ? CBLUE_RETRIEVER(bm25) : CBLUE_RETRIEVER(ngram);
			set_common_terms(bm25, ngram, TRUE, min_df, fraction);
			approx = cblue_retriever_search(retriever, message, 5, NULL);
			set_common_terms(bm25, ngram, FALSE, min_df, fraction);
			exact = cblue_retriever_search(retriever, message, 5, NULL);
			same_top1[r] += hits_same_top1(exact, approx);
			overlap[r] += hits_overlap(exact, approx, 5);
		}
		if ((reply = cblue_bot_ask_sync(bot, message, NULL, &error)) == NULL)
			g_error("ask: %s", error->message);
		same_topic += g_strcmp0(cblue_chat_reply_get_topic_id(reply), topics[i]) == 0;
		same_outcome += cblue_chat_reply_get_outcome(reply) == outcomes[i];
		same_both += g_strcmp0(cblue_chat_reply_get_topic_id(reply), topics[i]) == 0 &&
			     cblue_chat_reply_get_outcome(reply) == outcomes[i];
	}
	set_common_terms(bm25, ngram, FALSE, min_df, fraction);
	printf("  agreement with the exact search over %u questions:\n", n);
	printf("  retrieval-bm25   top-1 the same %.4f, top-5 overlap %.4f\n", (gdouble)same_top1[0] / n,
	       overlap[0] / (5.0 * n));
	printf("  retrieval-ngram  top-1 the same %.4f, top-5 overlap %.4f\n", (gdouble)same_top1[1] / n,
	       overlap[1] / (5.0 * n));
	printf("  bot answer       topic the same %.4f, outcome the same %.4f, both %.4f\n", (gdouble)same_topic / n,
	       (gdouble)same_outcome / n, (gdouble)same_both / n);
	printf("  query latency, approximate, CPU time per query:\n");
	print_latency("retrieval-bm25 search", t_bm25);
	print_latency("retrieval-ngram search", t_ngram);
	print_latency("bot answer, fused (CPU)", t_bot);
	print_latency("  the same, a second pass (CPU)", t_bot_again);
	g_strfreev(topics);
	g_free(outcomes);
}

/* @passes passes of the bot's answers to @queries, with the default thresholds of the
 * approximate search; the CPU time of each answer, by the question's language and in all */
static void
bot_passes(CblueBot *bot, CblueRetrieverBm25 *bm25, CblueRetrieverNgram *ngram, GArray *queries, guint passes)
{
	g_autoptr(GArray) all = g_array_new(FALSE, FALSE, sizeof(gint64));
	GArray *by_lang[3];
	const gchar *only = g_getenv("CBLUE_BENCH_BOT_LANG");
	g_autoptr(GError) error = NULL;

	for (guint l = 0; l < G_N_ELEMENTS(langs); l++)
		by_lang[l] = g_array_new(FALSE, FALSE, sizeof(gint64));
	set_common_terms(bm25, ngram, TRUE, CBLUE_RETRIEVAL_COMMON_MIN_DF, CBLUE_RETRIEVAL_COMMON_FRACTION);
	for (guint pass = 0; pass < passes; pass++) {
		for (guint i = 0; i < queries->len; i++) {
			Query *q = &g_array_index(queries, Query, i);
			g_autoptr(CblueMessage) message = cblue_message_new(q->text);
			g_autoptr(CblueChatReply) reply = NULL;
			gint64 t0;
			if (only != NULL && g_strcmp0(only, langs[i % G_N_ELEMENTS(langs)]) != 0)
				continue;
			t0 = thread_cpu_usec();
			if ((reply = cblue_bot_ask_sync(bot, message, NULL, &error)) == NULL)
				g_error("ask: %s", error->message);
			t0 = thread_cpu_usec() - t0;
			g_array_append_val(all, t0);
			g_array_append_val(by_lang[i % G_N_ELEMENTS(langs)], t0);
		}
	}
	printf("bot answers, approximate search, %u passes, CPU time per question:\n", passes);
	for (guint l = 0; l < G_N_ELEMENTS(langs); l++) {
		g_autofree gchar *what = g_strdup_printf("%s questions", langs[l]);
		if (by_lang[l]->len > 0)
			print_latency(what, by_lang[l]);
		g_array_unref(by_lang[l]);
	}
	if (all->len > 0)
		print_latency("all", all);
}

/* CBLUE_BENCH_FOLLOW_UPS=1 with CBLUE_BENCH_BOT_PASSES: each question opens a conversation of
 * its own and a follow-up in its language is asked after it ("how much is it?", "and the
 * warranty?"...: the previous topic's product searched again, the conversation rules that read
 * the topics' words); the follow-ups' CPU time, and the word sets the bot keeps after them */
static void
follow_up_passes(CblueBot *bot, GArray *queries, guint passes)
{
	static const gchar *const follow_ups[3][3] = {
	    {"how much is it?", "and the warranty?", "how long does it take to install?"},
	    {"แล้วราคาล่ะ", "รับประกันกี่ปี", "ติดตั้งนานไหม"},
	    {"多少钱？", "保修多久？", "安装要多久？"},
	};
	g_autoptr(GArray) all = g_array_new(FALSE, FALSE, sizeof(gint64));
	g_autoptr(GError) error = NULL;

	for (guint pass = 0; pass < passes; pass++) {
		for (guint i = 0; i < queries->len; i++) {
			Query *q = &g_array_index(queries, Query, i);
			g_autofree gchar *conversation = g_strdup_printf("bench-%u-%u", pass, i);
			g_autoptr(CblueMessage) first = cblue_message_new(q->text);
			g_autoptr(CblueMessage) next = cblue_message_new(follow_ups[i % 3][(i / 3) % 3]);
			g_autoptr(CblueChatReply) reply = NULL;
			g_autoptr(CblueChatReply) next_reply = NULL;
			gint64 t0;
			cblue_message_set_conversation_id(first, conversation);
			cblue_message_set_conversation_id(next, conversation);
			if ((reply = cblue_bot_ask_sync(bot, first, NULL, &error)) == NULL)
				g_error("ask: %s", error->message);
			t0 = thread_cpu_usec();
			if ((next_reply = cblue_bot_ask_sync(bot, next, NULL, &error)) == NULL)
				g_error("ask: %s", error->message);
			t0 = thread_cpu_usec() - t0;
			g_array_append_val(all, t0);
		}
	}
	printf("follow-ups, %u passes, CPU time per follow-up:\n", passes);
	print_latency("follow-ups", all);
	printf("  topics' word sets the bot keeps: %u\n", cblue_bot_get_n_topic_words(bot));
}

int
main(int argc, char **argv)
{
	guint n_entries = argc > 1 ? (guint)g_ascii_strtoull(argv[1], NULL, 10) : 100000;
	guint n_queries = argc > 2 ? (guint)g_ascii_strtoull(argv[2], NULL, 10) : 3000;
	guint build_threads = argc > 3 ? (guint)g_ascii_strtoull(argv[3], NULL, 10) : 0;
	const gchar *cache_dir = argc > 4 ? argv[4] : NULL;
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();
	g_autoptr(CblueConfig) config = cblue_config_new();
	g_autoptr(CblueContext) context = NULL;
	g_autoptr(CblueRetrieverBm25) bm25 = NULL;
	g_autoptr(CblueRetrieverNgram) ngram = NULL;
	g_autoptr(CblueBot) bot = NULL;
	g_autoptr(CblueKb) kb = cblue_kb_new();
	g_autoptr(CblueKb) next = NULL;
	g_autoptr(GArray) queries = g_array_new(FALSE, FALSE, sizeof(Query));
	g_autoptr(GError) error = NULL;
	gsize text_bytes = 0, heap_bm25 = 0, heap_ngram = 0, rss0;
	guint top1[3] = {0}, asked[3] = {0};
	Vocab vocab;
	Cpus cpus;
	GRand *rand;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (n_entries == 0 || n_queries == 0) {
		fprintf(stderr, "usage: %s [N_ENTRIES [N_QUERIES [BUILD_THREADS [CACHE_DIR]]]]\n", argv[0]);
		return 2;
	}
	/* the builds on every CPU the process may use (taskset -c chooses them), the searches
	 * on the first of them */
	cpus_init(&cpus);
	{
		gdouble load[3] = {0};
		if (getloadavg(load, 3) < 0)
			load[0] = -1;
		printf("retrieval at scale: %u entries, %u queries, load average %.2f\n", n_entries, n_queries, load[0]);
		printf("builds on %d CPUs, %u analysis threads an index; searches pinned to CPU %d\n", cpus.n_all,
		       cblue_retrieval_build_threads(build_threads, n_entries), cpus.first_cpu);
	}
	cpus_use(&cpus, FALSE);

	vocab_init(&vocab, tokenizer);
	printf("vocabulary of the bundled KB: %u en, %u th, %u zh words\n", vocab.words[0]->len, vocab.words[1]->len,
	       vocab.words[2]->len);
	for (guint n = 0; n < n_entries; n++) {
		g_autoptr(CblueKbEntry) entry = make_entry(&vocab, tokenizer, n, 0x5eed0000u + n);
		text_bytes += entry_text_bytes(entry);
		cblue_kb_add(kb, entry);
	}
	printf("KB text: %.1f MB, %.0f bytes an entry (questions, keywords, content in 3 languages)\n",
	       text_bytes / 1e6, (gdouble)text_bytes / n_entries);

	/* the two default retrievers, as the plugins set them up (bundled synonyms, no cache) */
	bm25 = cblue_retriever_bm25_new(tokenizer, NULL, "bench");
	if (!cblue_retrieval_holder_set_synonyms_dir(cblue_retriever_bm25_get_holder(bm25), NULL, FALSE, &error))
		g_error("synonyms: %s", error->message);
	ngram = cblue_retriever_ngram_new(tokenizer, NULL, "bench");
	if (!cblue_retrieval_holder_set_synonyms_dir(cblue_retriever_ngram_get_holder(ngram), NULL, FALSE, &error))
		g_error("synonyms: %s", error->message);
	/* exact searches, but in the approximate search's part (CBLUE_BENCH_COMMON=1: approximate
	 * everywhere, with the default thresholds, for profiles of the approximate searches) */
	set_common_terms(bm25, ngram, g_strcmp0(g_getenv("CBLUE_BENCH_COMMON"), "1") == 0,
			 CBLUE_RETRIEVAL_COMMON_MIN_DF, CBLUE_RETRIEVAL_COMMON_FRACTION);
	cblue_retrieval_holder_set_build_threads(cblue_retriever_bm25_get_holder(bm25), build_threads);
	cblue_retrieval_holder_set_build_threads(cblue_retriever_ngram_get_holder(ngram), build_threads);
	/* the builds also write their index caches there (to compare two builds' bytes) */
	if (cache_dir != NULL) {
		cblue_retrieval_holder_set_cache_dir(cblue_retriever_bm25_get_holder(bm25), cache_dir);
		cblue_retrieval_holder_set_cache_dir(cblue_retriever_ngram_get_holder(ngram), cache_dir);
	}

	printf("index build (one after the other; CPU: all threads):\n");
	cpus_use(&cpus, TRUE);
	rss0 = rss_bytes();
	time_build("retrieval-bm25", CBLUE_RETRIEVER(bm25), kb, &heap_bm25);
	time_build("retrieval-ngram", CBLUE_RETRIEVER(ngram), kb, &heap_ngram);
	printf("index memory (bytes an entry):\n");
	{
		g_autoptr(CblueBm25Index) index = cblue_retriever_bm25_get_index(bm25);
		g_autoptr(CblueNgramIndex) nindex = cblue_retriever_ngram_get_index(ngram);
		gsize own_bm25 = cblue_bm25_index_get_memory_size(index);
		gsize own_ngram = cblue_ngram_index_get_memory_size(nindex);
		printf("  retrieval-bm25   own accounting %7.0f, heap growth %7.0f (%u terms)\n",
		       (gdouble)own_bm25 / n_entries, (gdouble)heap_bm25 / n_entries, cblue_bm25_index_get_n_terms(index));
		printf("  retrieval-ngram  own accounting %7.0f, heap growth %7.0f (%u n-grams, %" G_GSIZE_FORMAT
		       " postings)\n",
		       (gdouble)own_ngram / n_entries, (gdouble)heap_ngram / n_entries,
		       cblue_ngram_index_get_n_terms(nindex), cblue_ngram_index_get_n_postings(nindex));
		printf("  both             own accounting %7.0f, heap growth %7.0f, RSS growth %7.0f; text %.0f\n",
		       (gdouble)(own_bm25 + own_ngram) / n_entries, (gdouble)(heap_bm25 + heap_ngram) / n_entries,
		       (gdouble)(rss_bytes() - rss0) / n_entries, (gdouble)text_bytes / n_entries);
	}

	/* the bot fuses the two as `cblue serve` does (default weights and thresholds); it is
	 * given the KB with the n-gram retriever alone (an incremental rebuild that reuses every
	 * entry), and the BM25 retriever, whose index of that KB is built, joins afterwards:
	 * a second full BM25 build would only repeat the figure above */
	context = cblue_context_new(config);
	cblue_context_add_extension(context, CBLUE_TYPE_RETRIEVER, G_OBJECT(ngram), 0, "retrieval-ngram");
	bot = cblue_bot_new(context);
	cblue_bot_set_record(bot, FALSE);
	{
		gint64 cpu0 = process_cpu_usec(), wall0 = g_get_monotonic_time();
		if (!cblue_bot_set_kb(bot, kb, &error))
			g_error("set_kb: %s", error->message);
		printf("publish of the same KB (n-grams, every entry reused): %.2f s CPU, %.2f s wall\n",
		       (process_cpu_usec() - cpu0) / 1e6, (g_get_monotonic_time() - wall0) / 1e6);
	}
	cblue_context_add_extension(context, CBLUE_TYPE_RETRIEVER, G_OBJECT(bm25), 0, "retrieval-bm25");
	cpus_use(&cpus, FALSE);

	rand = g_rand_new_with_seed(20261126);
	for (guint i = 0; i < n_queries; i++) {
		guint l = i % G_N_ELEMENTS(langs);
		Query q;
		g_autofree gchar *latin = NULL, *thai = NULL, *han = NULL;
		q.target = (guint)g_rand_int_range(rand, 0, (gint32)n_entries);
		product_names(q.target, &latin, &thai, &han);
		q.text = make_question(&vocab, tokenizer, rand, l, product_for_lang(l, latin, thai, han));
		g_array_append_val(queries, q);
	}

	/* CBLUE_BENCH_BOT_PASSES=N: the bot's answers alone, N passes over the questions with the
	 * default (approximate) search, by language, then exit: for profiles of the answer and
	 * quick comparisons of two trees (CBLUE_BENCH_BOT_LANG=th: the Thai questions only) */
	if (g_getenv("CBLUE_BENCH_BOT_PASSES") != NULL) {
		guint passes = (guint)g_ascii_strtoull(g_getenv("CBLUE_BENCH_BOT_PASSES"), NULL, 10);
		if (g_strcmp0(g_getenv("CBLUE_BENCH_FOLLOW_UPS"), "1") == 0)
			follow_up_passes(bot, queries, passes);
		else
			bot_passes(bot, bm25, ngram, queries, passes);
		goto done;
	}
	printf("query latency, CPU time per query over %u queries (en, th, zh in turn):\n", n_queries);
	{
		g_autoptr(GArray) t_bm25 = g_array_new(FALSE, FALSE, sizeof(gint64));
		g_autoptr(GArray) t_ngram = g_array_new(FALSE, FALSE, sizeof(gint64));
		g_autoptr(GArray) t_bot = g_array_new(FALSE, FALSE, sizeof(gint64));
		g_autoptr(GArray) t_wall = g_array_new(FALSE, FALSE, sizeof(gint64));
		g_autoptr(GArray) t_full = g_array_new(FALSE, FALSE, sizeof(gint64));
		g_autoptr(CblueNgramIndex) nindex = cblue_retriever_ngram_get_index(ngram);
		g_autoptr(GArray) t_lang = g_array_new(FALSE, FALSE, sizeof(gint64));
		g_autoptr(GArray) t_bm25_lang = g_array_new(FALSE, FALSE, sizeof(gint64));
		g_autoptr(GArray) t_ngram_lang = g_array_new(FALSE, FALSE, sizeof(gint64));
		g_autoptr(GArray) t_rest = g_array_new(FALSE, FALSE, sizeof(gint64));
		g_autoptr(GArray) t_bot_warm = g_array_new(FALSE, FALSE, sizeof(gint64));
		g_autoptr(GArray) t_bot_again = g_array_new(FALSE, FALSE, sizeof(gint64));

		/* one pass over the questions per way of searching, so that none runs with the
		 * caches warmed by the same question */
		for (guint i = 0; i < queries->len; i++) {
			Query *q = &g_array_index(queries, Query, i);
			g_autoptr(CblueMessage) message = cblue_message_new(q->text);
			g_autoptr(CblueChatReply) reply = NULL;
			gint64 t0 = thread_cpu_usec(), w0 = g_get_monotonic_time();

			reply = cblue_bot_ask_sync(bot, message, NULL, &error);
			t0 = thread_cpu_usec() - t0;
			w0 = g_get_monotonic_time() - w0;
			if (reply == NULL)
				g_error("ask: %s", error->message);
			g_array_append_val(t_bot, t0);
			g_array_append_val(t_wall, w0);
			asked[i % 3]++;
			if (cblue_chat_reply_get_topic_id(reply) != NULL &&
			    topic_number(cblue_chat_reply_get_topic_id(reply)) == q->target)
				top1[i % 3]++;
		}
		for (guint pass = 0; pass < 3; pass++) {
			GArray *times = pass == 0 ? t_bm25 : pass == 1 ? t_ngram : t_full;
			for (guint i = 0; i < queries->len; i++) {
				Query *q = &g_array_index(queries, Query, i);
				g_autoptr(CblueMessage) message = cblue_message_new(q->text);
				g_autoptr(GPtrArray) hits = NULL;
				gint64 t0 = thread_cpu_usec();
				if (pass == 0)
					hits = cblue_retriever_search(CBLUE_RETRIEVER(bm25), message, 5, NULL);
				else if (pass == 1)
					hits = cblue_retriever_search(CBLUE_RETRIEVER(ngram), message, 5, NULL);
				else
					hits = cblue_ngram_index_search_full(nindex, q->text, 5, FALSE);
				t0 = thread_cpu_usec() - t0;
				g_array_append_val(times, t0);
			}
		}
		/* the bot's stages, one question at a time: its language (which the searches above
		 * do not have), each search with it, then the bot's whole answer to the same
		 * question (the caches as warm as for the searches): the rest of its time (fusion,
		 * decision, reply) is that answer's time less the stages */
		for (guint i = 0; i < queries->len; i++) {
			Query *q = &g_array_index(queries, Query, i);
			g_autoptr(CblueMessage) message = cblue_message_new(q->text);
			g_autoptr(CblueMessage) asked_again = cblue_message_new(q->text);
			g_autoptr(GPtrArray) hits_bm25 = NULL, hits_ngram = NULL;
			g_autoptr(CblueChatReply) reply = NULL;
			gint64 t0 = thread_cpu_usec(), t1, t2, t3, t4;
			cblue_message_set_language(message, cblue_language_detect(q->text, NULL));
			t1 = thread_cpu_usec();
			hits_bm25 = cblue_retriever_search(CBLUE_RETRIEVER(bm25), message, 5, NULL);
			t2 = thread_cpu_usec();
			hits_ngram = cblue_retriever_search(CBLUE_RETRIEVER(ngram), message, 5, NULL);
			t3 = thread_cpu_usec();
			reply = cblue_bot_ask_sync(bot, asked_again, NULL, &error);
			t4 = thread_cpu_usec();
			if (reply == NULL)
				g_error("ask: %s", error->message);
			g_array_append_val(t_lang, (gint64){t1 - t0});
			g_array_append_val(t_bm25_lang, (gint64){t2 - t1});
			g_array_append_val(t_ngram_lang, (gint64){t3 - t2});
			g_array_append_val(t_bot_warm, (gint64){t4 - t3});
			g_array_append_val(t_rest, (gint64){(t4 - t3) - (t3 - t0)});
		}
		/* the bot's pass again, after every other: the first pass reads each question's
		 * lists for the first time, as a server does; this one shows how much of its time
		 * was the caches (the same instructions) */
		for (guint i = 0; i < queries->len; i++) {
			Query *q = &g_array_index(queries, Query, i);
			g_autoptr(CblueMessage) message = cblue_message_new(q->text);
			g_autoptr(CblueChatReply) reply = NULL;
			gint64 t0 = thread_cpu_usec();
			reply = cblue_bot_ask_sync(bot, message, NULL, &error);
			if (reply == NULL)
				g_error("ask: %s", error->message);
			g_array_append_val(t_bot_again, (gint64){thread_cpu_usec() - t0});
		}
		print_latency("retrieval-bm25 search", t_bm25);
		print_latency("retrieval-ngram search", t_ngram);
		print_latency("  the same reading every posting", t_full);
		print_latency("bot answer, fused (CPU)", t_bot);
		print_latency("bot answer, fused (wall)", t_wall);
		print_latency("  the same, a second pass (CPU)", t_bot_again);
		printf("  the bot's stages, timed apart (CPU), then its answer to the same question:\n");
		print_latency("  language detection", t_lang);
		print_latency("  retrieval-bm25, with the language", t_bm25_lang);
		print_latency("  retrieval-ngram, with the language", t_ngram_lang);
		print_latency("  bot answer, right after these", t_bot_warm);
		print_latency("  the rest: that answer less these", t_rest);
	}
	printf("answered with the entry asked about (a sanity check, not a quality figure): en %.3f, th %.3f, zh "
	       "%.3f\n",
	       (gdouble)top1[0] / MAX(asked[0], 1), (gdouble)top1[1] / MAX(asked[1], 1),
	       (gdouble)top1[2] / MAX(asked[2], 1));
	/* the approximate search with the default thresholds, or with those of
	 * CBLUE_BENCH_COMMON_MIN_DF and CBLUE_BENCH_COMMON_FRACTION (each a comma-separated
	 * list: one comparison a pair, the last value repeated) */
	if (g_strcmp0(g_getenv("CBLUE_BENCH_COMMON"), "1") != 0) {
		const gchar *min_dfs = g_getenv("CBLUE_BENCH_COMMON_MIN_DF");
		const gchar *fractions = g_getenv("CBLUE_BENCH_COMMON_FRACTION");
		g_auto(GStrv) d = g_strsplit(min_dfs != NULL ? min_dfs : "", ",", -1);
		g_auto(GStrv) f = g_strsplit(fractions != NULL ? fractions : "", ",", -1);
		guint nd = g_strv_length(d), nf = g_strv_length(f);
		for (guint i = 0; i < MAX(MAX(nd, nf), 1); i++) {
			const gchar *di = nd > 0 ? d[MIN(i, nd - 1)] : NULL;
			const gchar *fi = nf > 0 ? f[MIN(i, nf - 1)] : NULL;
			compare_approx(bm25, ngram, bot, queries,
				       di != NULL ? (guint)g_ascii_strtoull(di, NULL, 10) : CBLUE_RETRIEVAL_COMMON_MIN_DF,
				       fi != NULL ? g_ascii_strtod(fi, NULL) : CBLUE_RETRIEVAL_COMMON_FRACTION);
		}
	}
	if (g_getenv("CBLUE_BENCH_NO_PUBLISH") != NULL)
		goto done;

	/* a publish that changes 1% of the entries (every 100th, regenerated with another seed) */
	next = cblue_kb_new();
	for (guint n = 0; n < n_entries; n++) {
		if (n % 100 == 50) {
			g_autoptr(CblueKbEntry) changed = make_entry(&vocab, tokenizer, n, 0xc4a96e00u + n);
			cblue_kb_add(next, changed);
		} else {
			cblue_kb_add(next, g_ptr_array_index(cblue_kb_get_entries(kb), n));
		}
	}
	printf("publish with 1%% of the entries changed (each retriever's rebuild, as the bot runs them):\n");
	cpus_use(&cpus, TRUE);
	{
		gsize heap = 0;
		guint analyzed = cblue_retrieval_holder_get_n_analyzed(cblue_retriever_ngram_get_holder(ngram));
		guint bm25_analyzed = cblue_retrieval_holder_get_n_analyzed(cblue_retriever_bm25_get_holder(bm25));
		time_build("retrieval-bm25 (incremental)", CBLUE_RETRIEVER(bm25), next, &heap);
		time_build("retrieval-ngram (incremental)", CBLUE_RETRIEVER(ngram), next, &heap);
		printf("  (the BM25 index analyzed %u entries again, the n-gram index %u)\n",
		       cblue_retrieval_holder_get_n_analyzed(cblue_retriever_bm25_get_holder(bm25)) - bm25_analyzed,
		       cblue_retrieval_holder_get_n_analyzed(cblue_retriever_ngram_get_holder(ngram)) - analyzed);
	}

done:
	for (guint i = 0; i < queries->len; i++)
		g_free(g_array_index(queries, Query, i).text);
	g_rand_free(rand);
	vocab_clear(&vocab);
	return 0;
}
