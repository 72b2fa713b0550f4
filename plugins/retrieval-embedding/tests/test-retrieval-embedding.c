/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <libsoup/soup.h>
#include <math.h>

#include "cblue-embedding-retriever.h"

/* The embedding retriever against tests/fakes/fake_embeddings.py: a real HTTP server on
 * 127.0.0.1 speaking the /v1/embeddings protocol with deterministic vectors. */

/* warnings are counted, not fatal: a provider failure must be logged exactly once */
static guint n_unavailable_warnings;

static GLogWriterOutput
count_writer(GLogLevelFlags log_level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
	if (log_level & G_LOG_LEVEL_WARNING) {
		for (gsize i = 0; i < n_fields; i++) {
			if (g_strcmp0(fields[i].key, "MESSAGE") == 0 &&
			    g_pattern_match_simple("*unavailable*", fields[i].value))
				g_atomic_int_inc(&n_unavailable_warnings);
		}
	}
	return g_log_writer_standard_streams(log_level, fields, n_fields, user_data);
}

typedef struct {
	GSubprocess *fake; /* owned */
	gchar *base_url; /* owned */
	SoupSession *session; /* owned: to read the fake's request log */
	CblueKb *kb; /* owned */
} Fixture;

static void
fixture_set_up(Fixture *f, gconstpointer data)
{
	const gchar *api_key = data;
	g_autoptr(GError) error = NULL;
	g_autoptr(GDataInputStream) out = NULL;
	g_autofree gchar *line = NULL;
	g_autofree gchar *python = g_find_program_in_path("python3");
	g_autoptr(GPtrArray) argv = g_ptr_array_new();

	if (python == NULL) {
		g_test_skip("python3 is not installed");
		return;
	}
	g_ptr_array_add(argv, python);
	g_ptr_array_add(argv, (gpointer)CBLUE_FAKE_EMBEDDINGS);
	g_ptr_array_add(argv, (gpointer) "--exit-on-eof");
	if (api_key != NULL) {
		g_ptr_array_add(argv, (gpointer) "--api-key");
		g_ptr_array_add(argv, (gpointer)api_key);
	}
	g_ptr_array_add(argv, NULL);
	f->fake = g_subprocess_newv((const gchar *const *)argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDIN_PIPE, &error);
	g_assert_no_error(error);
	out = g_data_input_stream_new(g_subprocess_get_stdout_pipe(f->fake));
	line = g_data_input_stream_read_line_utf8(out, NULL, NULL, &error);
	g_assert_no_error(error);
	g_assert_nonnull(line);
	g_assert_true(g_str_has_prefix(line, "PORT "));
	f->base_url = g_strdup_printf("http://127.0.0.1:%s", line + 5);
	f->session = soup_session_new();
	f->kb = cblue_kb_new_bundled(&error);
	g_assert_no_error(error);
}

static void
fixture_tear_down(Fixture *f, gconstpointer data)
{
	if (f->fake != NULL) {
		g_subprocess_force_exit(f->fake);
		g_subprocess_wait(f->fake, NULL, NULL);
	}
	g_clear_object(&f->fake);
	g_clear_object(&f->session);
	g_clear_object(&f->kb);
	g_free(f->base_url);
}

static JsonNode *
fake_call(Fixture *f, const gchar *method, const gchar *path, const gchar *body)
{
	g_autofree gchar *uri = g_strconcat(f->base_url, path, NULL);
	g_autoptr(SoupMessage) msg = soup_message_new(method, uri);
	g_autoptr(GBytes) reply = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *text = NULL;
	JsonNode *node;

	if (body != NULL) {
		g_autoptr(GBytes) bytes = g_bytes_new(body, strlen(body));
		soup_message_set_request_body_from_bytes(msg, "application/json", bytes);
	}
	reply = soup_session_send_and_read(f->session, msg, NULL, &error);
	g_assert_no_error(error);
	g_test_message("fake: %s %s -> %u", method, path, soup_message_get_status(msg));
	g_assert_cmpuint(soup_message_get_status(msg), ==, 200);
	text = g_strndup(g_bytes_get_data(reply, NULL), g_bytes_get_size(reply));
	node = json_from_string(text, &error);
	g_assert_no_error(error);
	return node;
}

/* the fake's request log: a JSON array of {model, inputs, authorization, status} */
static JsonArray *
fake_log(Fixture *f)
{
	g_autoptr(JsonNode) node = fake_call(f, "GET", "/log", NULL);
	return json_array_ref(json_node_get_array(node));
}

static guint
fake_log_n_inputs(JsonArray *log)
{
	guint n = 0;
	for (guint i = 0; i < json_array_get_length(log); i++)
		n += json_array_get_length(
		    json_object_get_array_member(json_array_get_object_element(log, i), "inputs"));
	return n;
}

static void
fake_set_mode(Fixture *f, const gchar *mode, gdouble delay)
{
	g_autofree gchar *body = g_strdup_printf("{\"mode\": \"%s\", \"delay\": %g}", mode, delay);
	g_autoptr(JsonNode) node = fake_call(f, "POST", "/control", body);
}

static void
fake_clear_log(Fixture *f)
{
	g_autoptr(JsonNode) node = fake_call(f, "POST", "/log/clear", "{}");
}

static CblueRetrieverEmbedding *
make_retriever(Fixture *f, const gchar *api_key, guint batch_size, guint query_timeout_ms)
{
	g_autoptr(CblueConfig) config = cblue_config_new();
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueOpenaiConfig) endpoint = NULL;
	g_autoptr(CblueOpenaiClient) client = NULL;
	CblueEmbeddingParams params;
	CblueRetrieverEmbedding *retriever;

	cblue_config_set_string(config, "embedding", "url", f->base_url);
	cblue_config_set_string(config, "embedding", "model", "fake-embed-1");
	cblue_config_set_string(config, "embedding", "max_retries", "0");
	cblue_config_set_string(config, "embedding", "timeout", "10");
	if (api_key != NULL)
		cblue_config_set_string(config, "embedding", "api_key", api_key);
	endpoint = cblue_openai_config_load(config, "embedding", &error);
	g_assert_no_error(error);
	client = cblue_openai_client_new(endpoint);
	cblue_embedding_params_init_default(&params);
	params.batch_size = batch_size;
	params.query_timeout_ms = query_timeout_ms;
	retriever = cblue_retriever_embedding_new(client, &params, NULL);
	cblue_embedding_params_clear(&params);
	return retriever;
}

typedef struct {
	GAsyncResult *result;
	guint ticks;
} SearchWait;

static void
search_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	SearchWait *wait = user_data;
	wait->result = g_object_ref(res);
}

static gboolean
tick_cb(gpointer user_data)
{
	SearchWait *wait = user_data;
	wait->ticks++;
	return G_SOURCE_CONTINUE;
}

/* a search on this thread's main context, which keeps running (and ticking every 20 ms)
 * while the question is embedded */
static GPtrArray *
search(CblueRetrieverEmbedding *retriever, const gchar *text, GCancellable *cancellable, guint *ticks,
       GError **error)
{
	g_autoptr(CblueMessage) message = cblue_message_new(text);
	SearchWait wait = {NULL, 0};
	guint tick = g_timeout_add(20, tick_cb, &wait);
	GPtrArray *hits;

	cblue_retriever_search_async(CBLUE_RETRIEVER(retriever), message, 5, cancellable, search_cb, &wait);
	while (wait.result == NULL)
		g_main_context_iteration(NULL, TRUE);
	g_source_remove(tick);
	if (ticks != NULL)
		*ticks = wait.ticks;
	hits = cblue_retriever_search_finish(CBLUE_RETRIEVER(retriever), wait.result, error);
	g_object_unref(wait.result);
	return hits;
}

static guint
count_kb_texts(CblueRetrieverEmbedding *retriever, CblueKb *kb)
{
	GPtrArray *entries = cblue_kb_get_entries(kb);
	guint n = 0;
	for (guint i = 0; i < entries->len; i++) {
		g_autoptr(GPtrArray) texts = cblue_retriever_embedding_entry_texts(retriever, g_ptr_array_index(entries, i));
		n += texts->len;
	}
	return n;
}

static void
test_protocol_and_batching(Fixture *f, gconstpointer data)
{
	g_autoptr(CblueRetrieverEmbedding) retriever = NULL;
	g_autoptr(JsonArray) log = NULL;
	g_autoptr(GPtrArray) hits = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueEmbeddingMatrix) matrix = NULL;
	guint n_texts;

	if (f->fake == NULL)
		return;
	retriever = make_retriever(f, "sk-test-secret", 16, 5000);
	n_texts = count_kb_texts(retriever, f->kb);
	g_assert_cmpuint(n_texts, >, 100);
	g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), f->kb, &error));
	g_assert_no_error(error);
	log = fake_log(f);
	/* batches of at most 16 texts, as many as needed, every text once */
	g_assert_cmpuint(json_array_get_length(log), ==, (n_texts + 15) / 16);
	g_assert_cmpuint(fake_log_n_inputs(log), ==, n_texts);
	for (guint i = 0; i < json_array_get_length(log); i++) {
		JsonObject *request = json_array_get_object_element(log, i);
		g_assert_cmpstr(json_object_get_string_member(request, "model"), ==, "fake-embed-1");
		g_assert_cmpstr(json_object_get_string_member(request, "authorization"), ==, "Bearer sk-test-secret");
		g_assert_cmpuint(json_array_get_length(json_object_get_array_member(request, "inputs")), <=, 16);
		g_assert_cmpint(json_object_get_int_member(request, "status"), ==, 200);
	}
	matrix = cblue_retriever_embedding_get_matrix(retriever);
	g_assert_nonnull(matrix);
	g_assert_cmpuint(cblue_embedding_matrix_get_dimensions(matrix), ==, 256);
	g_assert_cmpuint(cblue_embedding_matrix_get_n_topics(matrix), ==, cblue_kb_get_size(f->kb));
	g_assert_cmpuint(cblue_embedding_matrix_get_n_rows(matrix), ==, n_texts);

	/* a question: one request with the text as a string, and the nearest topic first */
	fake_clear_log(f);
	hits = search(retriever, "what is the price of a 5 kW solar rooftop system", NULL, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(hits->len, >, 0);
	g_assert_cmpstr(cblue_hit_get_topic_id(g_ptr_array_index(hits, 0)), ==, "solar-rooftop-price");
	g_assert_cmpfloat(cblue_hit_get_confidence(g_ptr_array_index(hits, 0)), >, 0.5);
	g_clear_pointer(&log, json_array_unref);
	log = fake_log(f);
	g_assert_cmpuint(json_array_get_length(log), ==, 1);
	g_assert_cmpstr(json_array_get_string_element(
			    json_object_get_array_member(json_array_get_object_element(log, 0), "inputs"), 0),
			==, "what is the price of a 5 kW solar rooftop system");
}

static void
test_incremental(Fixture *f, gconstpointer data)
{
	g_autoptr(CblueRetrieverEmbedding) retriever = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueKb) changed = cblue_kb_new();
	g_autoptr(JsonArray) log = NULL;
	GPtrArray *entries = cblue_kb_get_entries(f->kb);
	g_autoptr(GPtrArray) texts = NULL;
	guint first;

	if (f->fake == NULL)
		return;
	retriever = make_retriever(f, NULL, 64, 5000);
	g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), f->kb, &error));
	first = cblue_retriever_embedding_get_n_embedded(retriever);
	g_assert_cmpuint(first, ==, count_kb_texts(retriever, f->kb));
	/* the same KB again: nothing is sent */
	fake_clear_log(f);
	g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), f->kb, &error));
	g_assert_cmpuint(cblue_retriever_embedding_get_n_embedded(retriever), ==, first);
	log = fake_log(f);
	g_assert_cmpuint(json_array_get_length(log), ==, 0);
	/* one entry changed: only its texts are sent */
	for (guint i = 0; i < entries->len; i++) {
		CblueKbEntry *entry = g_ptr_array_index(entries, i);
		if (i == 3) {
			g_autoptr(JsonNode) node = cblue_kb_entry_to_json(entry);
			g_autoptr(CblueKbEntry) copy = NULL;
			JsonObject *content = json_object_get_object_member(json_node_get_object(node), "content");
			json_object_set_string_member(content, "en", "A new answer about something else entirely.");
			copy = cblue_kb_entry_new_from_json(node, NULL, &error);
			g_assert_no_error(error);
			texts = cblue_retriever_embedding_entry_texts(retriever, copy);
			cblue_kb_add(changed, copy);
		} else {
			cblue_kb_add(changed, entry);
		}
	}
	g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), changed, &error));
	g_assert_cmpuint(cblue_retriever_embedding_get_n_embedded(retriever), ==, first + texts->len);
	g_clear_pointer(&log, json_array_unref);
	log = fake_log(f);
	g_assert_cmpuint(fake_log_n_inputs(log), ==, texts->len);
}

static void
test_provider_errors(Fixture *f, gconstpointer data)
{
	const gchar *modes[] = {"error500", "error401", "malformed", "wrong-count"};

	if (f->fake == NULL)
		return;
	for (guint i = 0; i < G_N_ELEMENTS(modes); i++) {
		g_autoptr(CblueRetrieverEmbedding) retriever = make_retriever(f, NULL, 64, 5000);
		g_autoptr(GError) error = NULL;
		g_autoptr(GPtrArray) hits = NULL;
		g_autoptr(JsonArray) log = NULL;
		g_autoptr(CblueEmbeddingMatrix) matrix = NULL;

		fake_set_mode(f, modes[i], 0);
		n_unavailable_warnings = 0;
		/* a KB is never refused because the endpoint is down */
		g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), f->kb, &error));
		g_assert_no_error(error);
		g_assert_cmpuint(n_unavailable_warnings, ==, 1);
		matrix = cblue_retriever_embedding_get_matrix(retriever);
		g_assert_null(matrix);
		/* without vectors a question fails at once, without a request */
		fake_clear_log(f);
		hits = search(retriever, "solar price", NULL, NULL, &error);
		g_assert_null(hits);
		g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE);
		log = fake_log(f);
		g_assert_cmpuint(json_array_get_length(log), ==, 0);
	}

	/* the endpoint goes down after indexing: the failure is logged once, and questions
	 * within retry_after skip the endpoint */
	{
		g_autoptr(CblueRetrieverEmbedding) retriever = make_retriever(f, NULL, 64, 5000);
		g_autoptr(GError) error = NULL;
		g_autoptr(GPtrArray) hits = NULL;
		g_autoptr(JsonArray) log = NULL;

		fake_set_mode(f, "ok", 0);
		g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), f->kb, &error));
		fake_set_mode(f, "error500", 0);
		fake_clear_log(f);
		n_unavailable_warnings = 0;
		hits = search(retriever, "solar price", NULL, NULL, &error);
		g_assert_null(hits);
		g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE);
		g_clear_error(&error);
		hits = search(retriever, "solar price again", NULL, NULL, &error);
		g_assert_null(hits);
		g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE);
		log = fake_log(f);
		g_assert_cmpuint(json_array_get_length(log), ==, 1);
		g_assert_cmpuint(n_unavailable_warnings, ==, 1);
		fake_set_mode(f, "ok", 0);
	}
}

static void
test_query_never_blocks(Fixture *f, gconstpointer data)
{
	g_autoptr(CblueRetrieverEmbedding) retriever = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) hits = NULL;
	gint64 t0;
	guint ticks = 0;

	if (f->fake == NULL)
		return;
	retriever = make_retriever(f, NULL, 64, 400);
	g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), f->kb, &error));
	fake_set_mode(f, "slow", 5);
	/* the question's embedding times out; the main context ran all along */
	t0 = g_get_monotonic_time();
	n_unavailable_warnings = 0;
	hits = search(retriever, "solar price", NULL, &ticks, &error);
	g_assert_cmpuint(n_unavailable_warnings, ==, 1);
	g_assert_null(hits);
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE);
	g_assert_cmpint(g_get_monotonic_time() - t0, <, 4 * G_USEC_PER_SEC);
	g_assert_cmpuint(ticks, >=, 5);
}

static gboolean
cancel_cb(gpointer user_data)
{
	g_cancellable_cancel(G_CANCELLABLE(user_data));
	return G_SOURCE_REMOVE;
}

static void
test_cancel(Fixture *f, gconstpointer data)
{
	g_autoptr(CblueRetrieverEmbedding) retriever = NULL;
	g_autoptr(GCancellable) cancellable = g_cancellable_new();
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) hits = NULL;
	gint64 t0;

	if (f->fake == NULL)
		return;
	retriever = make_retriever(f, NULL, 64, 0);
	g_assert_true(cblue_retriever_rebuild(CBLUE_RETRIEVER(retriever), f->kb, &error));
	fake_set_mode(f, "slow", 5);
	t0 = g_get_monotonic_time();
	g_timeout_add(100, cancel_cb, cancellable);
	hits = search(retriever, "solar price", cancellable, NULL, &error);
	g_assert_null(hits);
	g_assert_error(error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
	g_assert_cmpint(g_get_monotonic_time() - t0, <, 4 * G_USEC_PER_SEC);
}

static void
test_matrix(void)
{
	g_autoptr(CblueEmbeddingMatrix) matrix = cblue_embedding_matrix_new(19);
	gfloat a[19], b[19], rows[3 * 19] = {0};
	gdouble want = 0;
	g_autoptr(GPtrArray) hits = NULL;
	const gfloat *got;
	guint n_rows = 0;

	for (guint i = 0; i < 19; i++) {
		a[i] = (gfloat)sin(i + 1.0);
		b[i] = (gfloat)cos(i * 0.5);
		want += (gdouble)a[i] * b[i];
	}
	g_assert_cmpfloat_with_epsilon(cblue_embedding_dot(a, b, 19), want, 1e-5);
	/* topic x: a zero row (dropped) and a; topic y: b */
	memcpy(rows + 19, a, sizeof(a));
	cblue_embedding_matrix_add(matrix, "x", "hx", rows, 2);
	cblue_embedding_matrix_add(matrix, "y", "hy", b, 1);
	g_assert_cmpuint(cblue_embedding_matrix_get_n_rows(matrix), ==, 2);
	got = cblue_embedding_matrix_lookup(matrix, "x", "hx", &n_rows);
	g_assert_nonnull(got);
	g_assert_cmpuint(n_rows, ==, 1);
	g_assert_cmpfloat_with_epsilon(cblue_embedding_dot(got, got, 19), 1.0, 1e-5);
	g_assert_null(cblue_embedding_matrix_lookup(matrix, "x", "changed", &n_rows));
	hits = cblue_embedding_matrix_search(matrix, a, 5, 0.2, 0.7);
	g_assert_cmpuint(hits->len, >=, 1);
	g_assert_cmpstr(cblue_hit_get_topic_id(g_ptr_array_index(hits, 0)), ==, "x");
	g_assert_cmpfloat_with_epsilon(cblue_hit_get_score(g_ptr_array_index(hits, 0)), 1.0, 1e-5);
	g_assert_cmpfloat(cblue_hit_get_confidence(g_ptr_array_index(hits, 0)), ==, 1.0);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_log_set_always_fatal(G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
	g_log_set_writer_func(count_writer, NULL, NULL);
	g_test_add_func("/retrieval-embedding/matrix", test_matrix);
	g_test_add("/retrieval-embedding/protocol", Fixture, "sk-test-secret", fixture_set_up,
		   test_protocol_and_batching, fixture_tear_down);
	g_test_add("/retrieval-embedding/incremental", Fixture, NULL, fixture_set_up, test_incremental,
		   fixture_tear_down);
	g_test_add("/retrieval-embedding/errors", Fixture, NULL, fixture_set_up, test_provider_errors,
		   fixture_tear_down);
	g_test_add("/retrieval-embedding/never-blocks", Fixture, NULL, fixture_set_up, test_query_never_blocks,
		   fixture_tear_down);
	g_test_add("/retrieval-embedding/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
	return g_test_run();
}
