/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* Text analysis speed (issues #3 and #5): what the retrievers' index builds and every
 * question spend in the tokenizer, the synonyms and the stemmer. A benchmark, not a test:
 * it prints figures and asserts none.
 *
 *   build/bench/analysis [SOURCE_DIR [ROUNDS]]     (SOURCE_DIR defaults to ".", ROUNDS to 5)
 *
 * The texts are the bundled KB and the XQuAD KB (tests/data/xquad/kb.json): every question
 * and content of a language, analysed ROUNDS times one after the other, as an index build
 * does. Printed per language, in MB of UTF-8 input per second of this thread's CPU time
 * (CLOCK_THREAD_CPUTIME_ID: robust to other processes, though not to a busy machine's shared
 * caches and cores; `valgrind --tool=callgrind build/bench/analysis . 1` counts instructions):
 *   - tokenize:    cblue_tokenizer_tokenize() (normalization and segmentation);
 *   - bm25:        cblue_bm25_analyze() with the bundled stop words and synonyms, as
 *                  retrieval-bm25 analyses an entry (words, character n-grams, pairs);
 *   - ngram:       cblue_ngram_extract(), as retrieval-ngram analyses an entry.
 * Then the labelled questions (tests/data/eval-bundled.tsv, eval-dev.tsv and the XQuAD
 * queries), each analysed by both retrievers in turn as the bot does for a question, in
 * ns of CPU time a question.
 *
 * Each line ends with a digest of everything the analysis produced, so that two builds
 * can be compared for identical output (the figures differ, the digests must not). */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cblue-bm25-index.h"
#include "cblue-retrieval-synonyms.h"
#include "cblue-ngram-index.h"

static const gchar *const langs[] = {"en", "th", "zh"};

static gint64
thread_cpu_nsec(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (gint64)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

typedef struct {
	CblueTokenizer *tokenizer; /* owned */
	GHashTable *stopwords; /* owned */
	CblueRetrievalSynonyms *synonyms; /* owned */
	GPtrArray *texts[3]; /* owned, of utf8: the KB texts per language */
	GPtrArray *queries[3]; /* owned, of utf8: the labelled questions per language */
} Bench;

/* FNV-1a, continued over several strings (each with its terminating NUL) */
static guint64
digest_add(guint64 h, const gchar *text)
{
	const guchar *p = (const guchar *)(text != NULL ? text : "(null)");
	do {
		h ^= *p;
		h *= 0x100000001b3ULL;
	} while (*p++ != '\0');
	return h;
}

static guint64
digest_add_words(guint64 h, GPtrArray *words)
{
	for (guint i = 0; i < words->len; i++)
		h = digest_add(h, g_ptr_array_index(words, i));
	return digest_add(h, "|");
}

static guint64
digest_add_keys(guint64 h, GArray *keys)
{
	for (guint i = 0; i < keys->len; i++) {
		guint64 k = g_array_index(keys, guint64, i);
		h ^= k;
		h *= 0x100000001b3ULL;
	}
	return digest_add(h, "|");
}

static void
bench_add_kb(Bench *bench, CblueKb *kb)
{
	GPtrArray *entries = cblue_kb_get_entries(kb);
	for (guint i = 0; i < entries->len; i++) {
		CblueKbEntry *entry = g_ptr_array_index(entries, i);
		for (guint l = 0; l < G_N_ELEMENTS(langs); l++) {
			const gchar *const *questions = cblue_kb_entry_get_questions(entry, langs[l]);
			const gchar *content = cblue_kb_entry_get_content(entry, langs[l]);
			for (guint q = 0; questions[q] != NULL; q++)
				g_ptr_array_add(bench->texts[l], g_strdup(questions[q]));
			if (content != NULL)
				g_ptr_array_add(bench->texts[l], g_strdup(content));
		}
	}
}

/* the queries of a TSV file whose first column is the language and second the text */
static void
bench_add_queries(Bench *bench, const gchar *path)
{
	g_autofree gchar *data = NULL;
	g_auto(GStrv) lines = NULL;
	g_autoptr(GError) error = NULL;

	if (!g_file_get_contents(path, &data, NULL, &error))
		g_error("%s", error->message);
	lines = g_strsplit(data, "\n", -1);
	for (guint i = 1; lines[i] != NULL; i++) {
		g_auto(GStrv) fields = g_strsplit(lines[i], "\t", 3);
		for (guint l = 0; fields[0] != NULL && fields[1] != NULL && l < G_N_ELEMENTS(langs); l++) {
			if (g_strcmp0(fields[0], langs[l]) == 0)
				g_ptr_array_add(bench->queries[l], g_strdup(fields[1]));
		}
	}
}

typedef enum {
	WHAT_TOKENIZE,
	WHAT_BM25,
	WHAT_NGRAM,
	WHAT_QUERY,
} What;

/* one analysis of @text; returns the digest continued */
static guint64
analyse(Bench *bench, What what, const gchar *text, guint64 h)
{
	if (what == WHAT_TOKENIZE) {
		g_autoptr(GPtrArray) words = cblue_tokenizer_tokenize(bench->tokenizer, text);
		return digest_add_words(h, words);
	}
	if (what == WHAT_BM25 || what == WHAT_QUERY) {
		g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func(g_free);
		g_autoptr(GPtrArray) surfaces = g_ptr_array_new_with_free_func(g_free);
		g_autoptr(GPtrArray) ngrams = g_ptr_array_new_with_free_func(g_free);
		g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func(g_free);
		cblue_bm25_analyze(bench->tokenizer, bench->stopwords, bench->synonyms, text, words, surfaces, ngrams,
				   pairs);
		h = digest_add_words(h, words);
		h = digest_add_words(h, surfaces);
		h = digest_add_words(h, ngrams);
		h = digest_add_words(h, pairs);
	}
	if (what == WHAT_NGRAM || what == WHAT_QUERY) {
		g_autoptr(GArray) keys = g_array_new(FALSE, FALSE, sizeof(guint64));
		cblue_ngram_extract(bench->tokenizer, bench->synonyms, text, keys);
		h = digest_add_keys(h, keys);
	}
	return h;
}

static void
run(Bench *bench, What what, const gchar *name, guint rounds)
{
	for (guint l = 0; l < G_N_ELEMENTS(langs); l++) {
		GPtrArray *texts = what == WHAT_QUERY ? bench->queries[l] : bench->texts[l];
		guint64 h = 0xcbf29ce484222325ULL;
		gsize bytes = 0;
		gint64 t0;
		gdouble seconds;

		for (guint i = 0; i < texts->len; i++)
			bytes += strlen(g_ptr_array_index(texts, i));
		/* one round untimed: the dictionaries, break iterators and resources are loaded */
		for (guint i = 0; i < texts->len; i++)
			analyse(bench, what, g_ptr_array_index(texts, i), 0);
		t0 = thread_cpu_nsec();
		for (guint r = 0; r < rounds; r++) {
			for (guint i = 0; i < texts->len; i++) {
				guint64 next = analyse(bench, what, g_ptr_array_index(texts, i), h);
				if (r == 0)
					h = next;
			}
		}
		seconds = (thread_cpu_nsec() - t0) / 1e9;
		if (what == WHAT_QUERY)
			printf("  %-9s %s %5u questions %8.0f ns a question  %7.2f MB/s  digest %016" G_GINT64_MODIFIER
			       "x\n",
			       name, langs[l], texts->len, seconds * 1e9 / (texts->len * (gdouble)rounds),
			       bytes * (gdouble)rounds / seconds / 1e6, h);
		else
			printf("  %-9s %s %5u texts %7.2f MB  %7.2f MB/s  digest %016" G_GINT64_MODIFIER "x\n", name,
			       langs[l], texts->len, bytes / 1e6, bytes * (gdouble)rounds / seconds / 1e6, h);
	}
}

int
main(int argc, char **argv)
{
	const gchar *source_dir = argc > 1 ? argv[1] : ".";
	guint rounds = argc > 2 ? (guint)g_ascii_strtoull(argv[2], NULL, 10) : 5;
	g_autofree gchar *xquad_kb = g_build_filename(source_dir, "tests", "data", "xquad", "kb.json", NULL);
	static const gchar *const query_files[] = {"eval-bundled.tsv", "eval-dev.tsv", "xquad/queries.tsv"};
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueKb) bundled = NULL;
	g_autoptr(CblueKb) xquad = cblue_kb_new();
	Bench bench = {0};
	gdouble load[3] = {0};

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (rounds == 0) {
		fprintf(stderr, "usage: %s [SOURCE_DIR [ROUNDS]]\n", argv[0]);
		return 2;
	}
	bench.tokenizer = cblue_tokenizer_new();
	bench.stopwords = cblue_bm25_load_stopwords();
	bench.synonyms = cblue_retrieval_synonyms_load(bench.tokenizer, NULL, &error);
	if (bench.synonyms == NULL)
		g_error("synonyms: %s", error->message);
	for (guint l = 0; l < G_N_ELEMENTS(langs); l++) {
		bench.texts[l] = g_ptr_array_new_with_free_func(g_free);
		bench.queries[l] = g_ptr_array_new_with_free_func(g_free);
	}
	bundled = cblue_kb_new_bundled(&error);
	if (bundled == NULL || !cblue_kb_load_file(xquad, xquad_kb, NULL, &error))
		g_error("KB: %s", error->message);
	bench_add_kb(&bench, bundled);
	bench_add_kb(&bench, xquad);
	for (guint i = 0; i < G_N_ELEMENTS(query_files); i++) {
		g_autofree gchar *path = g_build_filename(source_dir, "tests", "data", query_files[i], NULL);
		bench_add_queries(&bench, path);
	}

	if (getloadavg(load, 3) < 0)
		load[0] = -1;
	printf("text analysis, %u rounds, CPU time of one thread (load average %.2f)\n", rounds, load[0]);
	printf("KB texts (bundled + XQuAD), as an index build analyses them:\n");
	run(&bench, WHAT_TOKENIZE, "tokenize", rounds);
	run(&bench, WHAT_BM25, "bm25", rounds);
	run(&bench, WHAT_NGRAM, "ngram", rounds);
	printf("labelled questions, analysed by both retrievers as the bot does:\n");
	run(&bench, WHAT_QUERY, "question", rounds * 4);

	for (guint l = 0; l < G_N_ELEMENTS(langs); l++) {
		g_ptr_array_unref(bench.texts[l]);
		g_ptr_array_unref(bench.queries[l]);
	}
	cblue_retrieval_synonyms_unref(bench.synonyms);
	g_hash_table_unref(bench.stopwords);
	g_object_unref(bench.tokenizer);
	return 0;
}
