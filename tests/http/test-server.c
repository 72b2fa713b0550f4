/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "cblue-test-utils.h"

/*
 * CblueServer on 127.0.0.1 port 0 with the dummy plugins, driven with SoupSession and
 * WebSocket clients. The server runs on its own listener threads, so the test's thread can
 * use synchronous requests, and iterates its own main context for the asynchronous ones.
 */

#define DUMMY_ONLY "[plugins]\nenabled=dummy\ndisabled=\n"

typedef struct {
	CblueContext *context;
	CbluePluginLoader *loader;
	CblueBot *bot;
	CblueServer *server;
	SoupSession *session;
	gchar *base;
} Fixture;

static void
fixture_start(Fixture *fx, const gchar *extra_config, guint threads)
{
	g_autofree gchar *config = g_strconcat(DUMMY_ONLY, extra_config != NULL ? extra_config : "", NULL);
	g_autoptr(GError) error = NULL;
	CblueQueue *queue;

	fx->context = cblue_test_context_new(config, &fx->loader);
	fx->bot = cblue_bot_new(fx->context);
	cblue_bot_load_kb(fx->bot, TRUE, &error);
	g_assert_no_error(error);
	queue = cblue_context_get_extension(fx->context, CBLUE_TYPE_QUEUE);
	g_assert_nonnull(queue);
	cblue_queue_start_consumer(queue, fx->bot, &error);
	g_assert_no_error(error);
	fx->server = cblue_server_new(fx->bot);
	cblue_server_set_threads(fx->server, threads);
	cblue_server_listen(fx->server, "127.0.0.1", 0, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(cblue_server_get_port(fx->server), >, 0);
	g_assert_cmpuint(cblue_server_get_threads(fx->server), ==, threads);
	fx->base = g_strdup_printf("http://127.0.0.1:%u", cblue_server_get_port(fx->server));
	fx->session = soup_session_new_with_options("timeout", 10, NULL);
	/* WebSocket clients offer permessage-deflate, as browsers do */
	soup_session_add_feature_by_type(fx->session, SOUP_TYPE_WEBSOCKET_EXTENSION_MANAGER);
}

static void
fixture_stop(Fixture *fx)
{
	g_autoptr(GError) error = NULL;

	g_clear_object(&fx->session);
	if (fx->server != NULL)
		cblue_server_disconnect(fx->server);
	g_clear_object(&fx->server);
	cblue_plugin_loader_shutdown_sync(fx->loader, NULL, &error);
	g_assert_no_error(error);
	g_clear_object(&fx->bot);
	g_clear_object(&fx->loader);
	g_clear_object(&fx->context);
	g_clear_pointer(&fx->base, g_free);
}

typedef struct {
	guint status;
	gchar *body;		     /* owned */
	SoupMessageHeaders *headers; /* owned */
} Response;

static void
response_clear(Response *resp)
{
	g_free(resp->body);
	g_clear_pointer(&resp->headers, soup_message_headers_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Response, response_clear)

static void
request(Fixture *fx, const gchar *method, const gchar *path, const gchar *content_type, const gchar *body,
	const gchar *const *extra_headers, Response *resp)
{
	g_autofree gchar *uri = g_strconcat(fx->base, path, NULL);
	g_autoptr(SoupMessage) msg = soup_message_new(method, uri);
	g_autoptr(GBytes) reply = NULL;
	g_autoptr(GError) error = NULL;

	g_assert_nonnull(msg);
	if (body != NULL) {
		g_autoptr(GBytes) bytes = g_bytes_new(body, strlen(body));
		soup_message_set_request_body_from_bytes(msg, content_type, bytes);
	}
	for (guint i = 0; extra_headers != NULL && extra_headers[i] != NULL; i += 2)
		soup_message_headers_replace(soup_message_get_request_headers(msg), extra_headers[i],
					     extra_headers[i + 1]);
	reply = soup_session_send_and_read(fx->session, msg, NULL, &error);
	g_assert_no_error(error);
	resp->status = soup_message_get_status(msg);
	resp->body = g_strndup(g_bytes_get_data(reply, NULL), g_bytes_get_size(reply));
	resp->headers = soup_message_headers_ref(soup_message_get_response_headers(msg));
}

static JsonObject *
parse_object(const gchar *json)
{
	g_autoptr(JsonParser) parser = json_parser_new();
	g_autoptr(GError) error = NULL;
	json_parser_load_from_data(parser, json, -1, &error);
	g_assert_no_error(error);
	g_assert_true(JSON_NODE_HOLDS_OBJECT(json_parser_get_root(parser)));
	return json_object_ref(json_node_get_object(json_parser_get_root(parser)));
}

static void
assert_error(Response *resp, guint status, const gchar *code)
{
	g_autoptr(JsonObject) obj = NULL;
	JsonObject *err;

	g_assert_cmpuint(resp->status, ==, status);
	g_assert_true(g_str_has_prefix(soup_message_headers_get_content_type(resp->headers, NULL), "application/json"));
	obj = parse_object(resp->body);
	err = json_object_get_object_member(obj, "error");
	g_assert_nonnull(err);
	g_assert_cmpstr(json_object_get_string_member(err, "code"), ==, code);
	g_assert_cmpstr(json_object_get_string_member(err, "message"), !=, "");
}

static void
test_server_chat(void)
{
	Fixture fx = {0};
	g_auto(Response) resp = {0};
	g_auto(Response) form = {0};
	g_autoptr(JsonObject) reply = NULL;
	SoupMessageHeaders *h;

	fixture_start(&fx, NULL, 2);
	request(&fx, "POST", "/api/v1/chat", "application/json", "{\"message\":\"about solar-warranty?\"}", NULL, &resp);
	g_assert_cmpuint(resp.status, ==, 200);
	reply = parse_object(resp.body);
	g_assert_cmpstr(json_object_get_string_member(reply, "topic_id"), ==, "solar-warranty");
	g_assert_cmpstr(json_object_get_string_member(reply, "reply"), ==, "dummy answer: solar-warranty");
	h = resp.headers;
	g_assert_cmpstr(soup_message_headers_get_one(h, "X-Content-Type-Options"), ==, "nosniff");
	g_assert_cmpstr(soup_message_headers_get_one(h, "X-Frame-Options"), ==, "DENY");
	g_assert_cmpstr(soup_message_headers_get_one(h, "Referrer-Policy"), ==, "no-referrer");
	g_assert_nonnull(strstr(soup_message_headers_get_one(h, "Content-Security-Policy"), "frame-ancestors 'none'"));
	g_assert_null(strstr(soup_message_headers_get_one(h, "Content-Security-Policy"), "unsafe-inline"));
	g_assert_null(soup_message_headers_get_one(h, "Strict-Transport-Security"));
	g_assert_cmpuint(strlen(soup_message_headers_get_one(h, "X-Request-Id")), >=, 16);

	/* curl -d sends a form content type with the JSON body */
	request(&fx, "POST", "/api/v1/chat", "application/x-www-form-urlencoded", "{\"message\":\"solar-warranty\"}",
		NULL, &form);
	g_assert_cmpuint(form.status, ==, 200);
	fixture_stop(&fx);
}

static void
test_server_request_id(void)
{
	Fixture fx = {0};
	g_auto(Response) kept = {0};
	g_auto(Response) replaced = {0};
	const gchar *good[] = {"X-Request-Id", "trace-42.abc:7", NULL};
	const gchar *bad[] = {"X-Request-Id", "no spaces <script>", NULL};

	fixture_start(&fx, NULL, 1);
	request(&fx, "GET", "/healthz", NULL, NULL, good, &kept);
	g_assert_cmpuint(kept.status, ==, 200);
	g_assert_cmpstr(soup_message_headers_get_one(kept.headers, "X-Request-Id"), ==, "trace-42.abc:7");
	request(&fx, "GET", "/healthz", NULL, NULL, bad, &replaced);
	g_assert_cmpstr(soup_message_headers_get_one(replaced.headers, "X-Request-Id"), !=, "no spaces <script>");
	g_assert_nonnull(soup_message_headers_get_one(replaced.headers, "X-Request-Id"));
	fixture_stop(&fx);
}

static void
test_server_bad_input(void)
{
	Fixture fx = {0};
	g_autofree gchar *big = g_strnfill(4001, 'y');
	g_autofree gchar *long_message = g_strdup_printf("{\"message\":\"%s\"}", big);
	g_autoptr(GString) huge = g_string_new("{\"message\":\"");
	const struct {
		const gchar *method;
		const gchar *path;
		const gchar *content_type;
		const gchar *body;
		guint status;
		const gchar *code;
	} cases[] = {
	    {"POST", "/api/v1/chat", "application/json", "not json", 400, "invalid_data"},
	    {"POST", "/api/v1/chat", "application/json", "[1,2]", 400, "invalid_data"},
	    {"POST", "/api/v1/chat", "application/json", "{}", 400, "invalid_data"},
	    {"POST", "/api/v1/chat", "application/json", "{\"message\":42}", 400, "invalid_data"},
	    {"POST", "/api/v1/chat", "application/json", "{\"message\":\"hi\",\"x\":1}", 400, "invalid_data"},
	    {"POST", "/api/v1/chat", "application/json", "{\"message\":\"\xff\xfe\"}", 400, "invalid_data"},
	    {"POST", "/api/v1/chat", "multipart/form-data; boundary=x", "{\"message\":\"hi\"}", 415,
	     "unsupported_media_type"},
	    {"POST", "/api/v1/chat", "text/html", "{\"message\":\"hi\"}", 415, "unsupported_media_type"},
	    {"GET", "/api/v1/chat", NULL, NULL, 405, "method_not_allowed"},
	    {"PUT", "/healthz", "application/json", "{}", 413, "too_large"},
	    {"DELETE", "/api/v1/feedback", NULL, NULL, 405, "method_not_allowed"},
	    {"GET", "/nope", NULL, NULL, 404, "not_found"},
	    {"GET", "/api/v1/chat/nope", NULL, NULL, 404, "not_found"},
	    {"GET", "/api/v1/conversations/", NULL, NULL, 404, "not_found"},
	};

	for (guint i = 0; i < 70 * 1024; i++)
		g_string_append_c(huge, 'x');
	g_string_append(huge, "\"}");
	fixture_start(&fx, NULL, 1);
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_auto(Response) resp = {0};
		g_test_message("case %u: %s %s", i, cases[i].method, cases[i].path);
		request(&fx, cases[i].method, cases[i].path, cases[i].content_type, cases[i].body, NULL, &resp);
		assert_error(&resp, cases[i].status, cases[i].code);
	}
	{
		g_auto(Response) resp = {0};
		request(&fx, "POST", "/api/v1/chat", "application/json", huge->str, NULL, &resp);
		assert_error(&resp, 413, "too_large");
	}
	{
		g_auto(Response) resp = {0};
		request(&fx, "POST", "/api/v1/chat", "application/json", long_message, NULL, &resp);
		assert_error(&resp, 413, "too_large");
	}
	{
		/* the message says what is wrong: a field missing is not a field of another type */
		g_auto(Response) missing = {0};
		g_auto(Response) mistyped = {0};
		request(&fx, "POST", "/api/v1/chat", "application/json", "{\"msg\":\"hi\"}", NULL, &missing);
		assert_error(&missing, 400, "invalid_data");
		g_assert_nonnull(strstr(missing.body, "missing"));
		g_assert_nonnull(strstr(missing.body, "message"));
		request(&fx, "POST", "/api/v1/chat", "application/json", "{\"message\":42}", NULL, &mistyped);
		assert_error(&mistyped, 400, "invalid_data");
		g_assert_nonnull(strstr(mistyped.body, "must be a string"));
	}
	{
		/* the server still serves everyone after all that */
		g_auto(Response) resp = {0};
		request(&fx, "POST", "/api/v1/chat", "application/json", "{\"message\":\"solar-warranty\"}", NULL, &resp);
		g_assert_cmpuint(resp.status, ==, 200);
	}
	fixture_stop(&fx);
}

static void
test_server_rate_limit(void)
{
	Fixture fx = {0};
	guint n_ok = 0;
	guint n_limited = 0;

	/* a token every 50 s: none comes back during the test, however slow the machine */
	fixture_start(&fx, "[server]\nrate_limit=0.02\nrate_limit_burst=3\n", 2);
	for (guint i = 0; i < 6; i++) {
		g_auto(Response) resp = {0};
		request(&fx, "POST", "/api/v1/chat", "application/json", "{\"message\":\"solar-warranty\"}", NULL, &resp);
		if (resp.status == 200) {
			n_ok++;
			continue;
		}
		assert_error(&resp, 429, "busy");
		g_assert_cmpint(g_ascii_strtoll(soup_message_headers_get_one(resp.headers, "Retry-After"), NULL, 10),
				>=, 40);
		n_limited++;
	}
	g_assert_cmpuint(n_ok, ==, 3);
	g_assert_cmpuint(n_limited, ==, 3);
	{
		/* health checks are not limited */
		g_auto(Response) resp = {0};
		request(&fx, "GET", "/healthz", NULL, NULL, NULL, &resp);
		g_assert_cmpuint(resp.status, ==, 200);
	}
	fixture_stop(&fx);
}

static void
test_server_cors(void)
{
	Fixture fx = {0};
	const gchar *allowed[] = {"Origin", "https://shop.example", NULL};
	const gchar *other[] = {"Origin", "https://evil.example", NULL};
	const gchar *preflight_ok[] = {"Origin", "https://shop.example", "Access-Control-Request-Method", "POST", NULL};
	const gchar *preflight_bad[] = {"Origin", "https://evil.example", "Access-Control-Request-Method", "POST",
					NULL};
	g_auto(Response) a = {0};
	g_auto(Response) b = {0};
	g_auto(Response) c = {0};
	g_auto(Response) d = {0};

	fixture_start(&fx, "[server]\ncors_origins=https://shop.example\n", 1);
	request(&fx, "POST", "/api/v1/chat", "application/json", "{\"message\":\"solar-warranty\"}", allowed, &a);
	g_assert_cmpuint(a.status, ==, 200);
	g_assert_cmpstr(soup_message_headers_get_one(a.headers, "Access-Control-Allow-Origin"), ==,
			"https://shop.example");
	g_assert_null(soup_message_headers_get_one(a.headers, "Access-Control-Allow-Credentials"));
	request(&fx, "POST", "/api/v1/chat", "application/json", "{\"message\":\"solar-warranty\"}", other, &b);
	g_assert_null(soup_message_headers_get_one(b.headers, "Access-Control-Allow-Origin"));
	request(&fx, "OPTIONS", "/api/v1/chat", NULL, NULL, preflight_ok, &c);
	g_assert_cmpuint(c.status, ==, 204);
	g_assert_nonnull(strstr(soup_message_headers_get_one(c.headers, "Access-Control-Allow-Methods"), "POST"));
	request(&fx, "OPTIONS", "/api/v1/chat", NULL, NULL, preflight_bad, &d);
	assert_error(&d, 403, "permission_denied");
	fixture_stop(&fx);
}

/* WebSocket helpers: the test thread's main context runs the client side */

typedef struct {
	SoupWebsocketConnection *conn; /* owned */
	GError *error;		       /* owned */
	GPtrArray *frames;	       /* owned: text frames received */
	gboolean closed;
	gboolean done;
	guint status; /* of a refused handshake */
} WsClient;

static void
ws_client_free(WsClient *ws)
{
	if (ws->conn != NULL) {
		g_signal_handlers_disconnect_by_data(ws->conn, ws);
		if (soup_websocket_connection_get_state(ws->conn) == SOUP_WEBSOCKET_STATE_OPEN)
			soup_websocket_connection_close(ws->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
		g_object_unref(ws->conn);
	}
	g_clear_error(&ws->error);
	g_ptr_array_unref(ws->frames);
	g_free(ws);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(WsClient, ws_client_free)

static void
ws_message_cb(SoupWebsocketConnection *conn, gint type, GBytes *message, gpointer user_data)
{
	WsClient *ws = user_data;
	g_ptr_array_add(ws->frames, g_strndup(g_bytes_get_data(message, NULL), g_bytes_get_size(message)));
}

static void
ws_closed_cb(SoupWebsocketConnection *conn, gpointer user_data)
{
	WsClient *ws = user_data;
	ws->closed = TRUE;
}

static void
ws_connect_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	WsClient *ws = user_data;
	ws->conn = soup_session_websocket_connect_finish(SOUP_SESSION(source), res, &ws->error);
	if (ws->conn != NULL) {
		g_signal_connect(ws->conn, "message", G_CALLBACK(ws_message_cb), ws);
		g_signal_connect(ws->conn, "closed", G_CALLBACK(ws_closed_cb), ws);
	}
	ws->done = TRUE;
}

static gboolean
wait_timeout_cb(gpointer user_data)
{
	gboolean *timed_out = user_data;
	*timed_out = TRUE;
	return G_SOURCE_REMOVE;
}

/* iterates the default context until *@flag or *@count >= @n, at most @seconds */
static void
wait_for(gboolean *flag, guint *count, guint n, guint seconds)
{
	gboolean timed_out = FALSE;
	guint id = g_timeout_add_seconds(seconds, wait_timeout_cb, &timed_out);
	while (!timed_out && !(flag != NULL && *flag) && !(count != NULL && *count >= n))
		g_main_context_iteration(NULL, TRUE);
	if (!timed_out)
		g_source_remove(id);
}

static WsClient *
ws_connect(Fixture *fx, const gchar *origin)
{
	WsClient *ws = g_new0(WsClient, 1);
	g_autofree gchar *uri = g_strconcat(fx->base, "/api/v1/chat/ws", NULL);
	g_autoptr(SoupMessage) msg = soup_message_new("GET", uri);

	ws->frames = g_ptr_array_new_with_free_func(g_free);
	soup_session_websocket_connect_async(fx->session, msg, origin, NULL, G_PRIORITY_DEFAULT, NULL, ws_connect_cb,
					     ws);
	wait_for(&ws->done, NULL, 0, 10);
	g_assert_true(ws->done);
	ws->status = soup_message_get_status(msg);
	return ws;
}

static JsonObject *
ws_frame(WsClient *ws, guint i)
{
	g_assert_cmpuint(ws->frames->len, >, i);
	return parse_object(g_ptr_array_index(ws->frames, i));
}

static void
ws_send_and_wait(WsClient *ws, const gchar *text, guint n_frames)
{
	soup_websocket_connection_send_text(ws->conn, text);
	wait_for(NULL, &ws->frames->len, n_frames, 10);
	g_assert_cmpuint(ws->frames->len, >=, n_frames);
}

static void
test_server_websocket_chat(void)
{
	Fixture fx = {0};
	g_autoptr(WsClient) ws = NULL;
	g_autoptr(JsonObject) typing = NULL;
	g_autoptr(JsonObject) reply = NULL;
	g_autoptr(JsonObject) reply2 = NULL;
	g_autoptr(JsonObject) pong = NULL;
	g_autoptr(JsonObject) err = NULL;
	g_autoptr(JsonObject) reply3 = NULL;

	fixture_start(&fx, NULL, 2);
	ws = ws_connect(&fx, NULL);
	g_assert_no_error(ws->error);

	ws_send_and_wait(ws, "{\"type\":\"message\",\"text\":\"solar-warranty please\"}", 2);
	typing = ws_frame(ws, 0);
	g_assert_cmpstr(json_object_get_string_member(typing, "type"), ==, "typing");
	reply = ws_frame(ws, 1);
	g_assert_cmpstr(json_object_get_string_member(reply, "type"), ==, "reply");
	g_assert_cmpstr(json_object_get_string_member(reply, "topic_id"), ==, "solar-warranty");
	g_assert_cmpstr(json_object_get_string_member(reply, "reply"), ==, "dummy answer: solar-warranty");
	g_assert_true(json_object_has_member(reply, "sources"));
	g_assert_true(json_object_has_member(reply, "pii_redacted"));

	/* the conversation belongs to the connection */
	ws_send_and_wait(ws, "{\"type\":\"message\",\"text\":\"และ solar-warranty\",\"language\":\"th\"}", 4);
	reply2 = ws_frame(ws, 3);
	g_assert_cmpstr(json_object_get_string_member(reply2, "conversation_id"), ==,
			json_object_get_string_member(reply, "conversation_id"));
	g_assert_cmpstr(json_object_get_string_member(reply2, "language"), ==, "th");

	/* application-level ping for clients that cannot send ping frames */
	ws_send_and_wait(ws, "{\"type\":\"ping\"}", 5);
	pong = ws_frame(ws, 4);
	g_assert_cmpstr(json_object_get_string_member(pong, "type"), ==, "pong");

	/* bad messages get an error frame; the connection stays */
	ws_send_and_wait(ws, "{\"type\":\"message\",\"text\":42}", 6);
	err = ws_frame(ws, 5);
	g_assert_cmpstr(json_object_get_string_member(err, "type"), ==, "error");
	g_assert_cmpstr(json_object_get_string_member(json_object_get_object_member(err, "error"), "code"), ==,
			"invalid_data");
	ws_send_and_wait(ws, "not json", 7);
	/* the bot refuses an empty message after the typing frame */
	ws_send_and_wait(ws, "{\"type\":\"message\",\"text\":\"   \"}", 9);
	ws_send_and_wait(ws, "{\"type\":\"message\",\"text\":\"solar-warranty\"}", 11);
	reply3 = ws_frame(ws, 10);
	g_assert_cmpstr(json_object_get_string_member(reply3, "type"), ==, "reply");
	g_assert_false(ws->closed);
	{
		/* the chat endpoint counted the upgrade and the messages */
		g_autofree gchar *metrics = cblue_server_render_metrics(fx.server);
		g_assert_nonnull(strstr(metrics, "websocket_connections 1\n"));
		g_assert_nonnull(strstr(metrics, "http_requests_total{route=\"/api/v1/chat/ws\",status=\"101\"} 1\n"));
	}
	fixture_stop(&fx);
}

static gboolean wait_for_metric(Fixture *fx, const gchar *line, guint seconds);

/* the native connection (the default) negotiates no extension; libsoup's, permessage-deflate */
static void
websocket_close_codes(gboolean native)
{
	Fixture fx = {0};
	g_autoptr(WsClient) binary = NULL;
	g_autoptr(WsClient) big = NULL;
	g_autoptr(WsClient) chat = NULL;
	g_autofree gchar *text = NULL;
	g_autofree gchar *payload = NULL;
	const guint8 data[] = {0, 1, 2, 3};

	fixture_start(&fx,
		      native ? "[server]\nws_max_message_bytes=1024\n"
			     : "[server]\nws_max_message_bytes=1024\nnative_websocket=false\n",
		      1);
	chat = ws_connect(&fx, NULL);
	g_assert_no_error(chat->error);
	g_assert_true((soup_websocket_connection_get_extensions(chat->conn) == NULL) == native);
	ws_send_and_wait(chat, "{\"type\":\"message\",\"text\":\"ราคา solar-warranty\"}", 2);
	g_assert_false(chat->closed);

	binary = ws_connect(&fx, NULL);
	g_assert_no_error(binary->error);
	soup_websocket_connection_send_binary(binary->conn, data, sizeof(data));
	wait_for(&binary->closed, NULL, 0, 10);
	g_assert_true(binary->closed);
	g_assert_cmpuint(soup_websocket_connection_get_close_code(binary->conn), ==,
			 SOUP_WEBSOCKET_CLOSE_UNSUPPORTED_DATA);
	g_assert_cmpstr(soup_websocket_connection_get_close_data(binary->conn), ==, "binary frames are not supported");

	big = ws_connect(&fx, NULL);
	g_assert_no_error(big->error);
	text = g_strnfill(2000, 'z');
	payload = g_strdup_printf("{\"type\":\"message\",\"text\":\"%s\"}", text);
	soup_websocket_connection_send_text(big->conn, payload);
	wait_for(&big->closed, NULL, 0, 10);
	g_assert_true(big->closed);
	g_assert_cmpuint(soup_websocket_connection_get_close_code(big->conn), ==, SOUP_WEBSOCKET_CLOSE_TOO_BIG);
	g_assert_cmpstr(soup_websocket_connection_get_close_data(big->conn), ==, "message too large");

	/* a normal close by the client ends the connection on both sides */
	soup_websocket_connection_close(chat->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
	wait_for(&chat->closed, NULL, 0, 10);
	g_assert_true(chat->closed);
	g_assert_true(wait_for_metric(&fx, "websocket_connections 0\n", 5));
	fixture_stop(&fx);
}

static void
test_server_websocket_close_codes(void)
{
	websocket_close_codes(TRUE);
}

static void
test_server_websocket_close_codes_libsoup(void)
{
	websocket_close_codes(FALSE);
}

static void
test_server_websocket_limits(void)
{
	Fixture fx = {0};
	g_autoptr(WsClient) first = NULL;
	g_autoptr(WsClient) second = NULL;
	g_autoptr(WsClient) third = NULL;
	g_autoptr(WsClient) foreign = NULL;
	g_autoptr(JsonObject) err = NULL;
	JsonObject *error_obj;

	fixture_start(&fx,
		      "[server]\nws_max_per_ip=2\nrate_limit=0.2\nrate_limit_burst=1\nws_idle_timeout=2\n"
		      "cors_origins=https://shop.example\n",
		      2);
	first = ws_connect(&fx, "https://shop.example");
	g_assert_no_error(first->error);
	second = ws_connect(&fx, NULL);
	g_assert_no_error(second->error);
	third = ws_connect(&fx, NULL);
	g_assert_nonnull(third->error);
	g_assert_cmpuint(third->status, ==, 429);
	foreign = ws_connect(&fx, "https://evil.example");
	g_assert_nonnull(foreign->error);
	g_assert_cmpuint(foreign->status, ==, 403);

	/* the token bucket is per address, shared with POST */
	ws_send_and_wait(first, "{\"type\":\"message\",\"text\":\"solar-warranty\"}", 2);
	ws_send_and_wait(first, "{\"type\":\"message\",\"text\":\"solar-warranty\"}", 3);
	err = ws_frame(first, 2);
	g_assert_cmpstr(json_object_get_string_member(err, "type"), ==, "error");
	error_obj = json_object_get_object_member(err, "error");
	g_assert_cmpstr(json_object_get_string_member(error_obj, "code"), ==, "busy");
	g_assert_cmpint(json_object_get_int_member(error_obj, "retry_after"), >=, 1);

	/* idle: closed by the server with 1001 */
	wait_for(&second->closed, NULL, 0, 10);
	g_assert_true(second->closed);
	g_assert_cmpuint(soup_websocket_connection_get_close_code(second->conn), ==, SOUP_WEBSOCKET_CLOSE_GOING_AWAY);
	g_assert_cmpstr(soup_websocket_connection_get_close_data(second->conn), ==, "idle timeout");
	fixture_stop(&fx);
}

/* a client that sends its headers a byte at a time cannot hold a connection forever */
static void
test_server_slow_client(void)
{
	Fixture fx = {0};
	g_autoptr(GSocketClient) client = g_socket_client_new();
	g_autoptr(GSocketConnection) conn = NULL;
	g_autoptr(GError) error = NULL;
	GOutputStream *out;
	GInputStream *in;
	const gchar *partial = "POST /api/v1/chat HTTP/1.1\r\nHost: 127.0.0.1\r\n";
	gchar buf[512];
	gssize n;
	gint64 start;

	fixture_start(&fx, "[server]\nrequest_timeout=1\n", 1);
	conn = g_socket_client_connect_to_host(client, "127.0.0.1", (guint16)cblue_server_get_port(fx.server), NULL,
					       &error);
	g_assert_no_error(error);
	out = g_io_stream_get_output_stream(G_IO_STREAM(conn));
	in = g_io_stream_get_input_stream(G_IO_STREAM(conn));
	g_socket_set_timeout(g_socket_connection_get_socket(conn), 10);
	g_output_stream_write_all(out, partial, strlen(partial), NULL, NULL, &error);
	g_assert_no_error(error);
	start = g_get_monotonic_time();
	/* trickle a header byte by byte; meanwhile others are served */
	for (guint i = 0; i < 4; i++) {
		g_auto(Response) resp = {0};
		g_output_stream_write_all(out, "X", 1, NULL, NULL, NULL);
		request(&fx, "GET", "/healthz", NULL, NULL, NULL, &resp);
		g_assert_cmpuint(resp.status, ==, 200);
		g_usleep(300 * 1000);
	}
	/* the server gives up on the request: end of stream (or a reset) well before our 10 s */
	n = g_input_stream_read(in, buf, sizeof(buf), NULL, NULL);
	g_assert_cmpint(n, <=, 0);
	g_assert_cmpint(g_get_monotonic_time() - start, <, 5 * G_USEC_PER_SEC);
	fixture_stop(&fx);
}

/* a kept-alive connection that stays silent is closed after [server] idle_timeout */
static void
test_server_idle_timeout(void)
{
	Fixture fx = {0};
	g_autoptr(GSocketClient) client = g_socket_client_new();
	g_autoptr(GSocketConnection) conn = NULL;
	g_autoptr(GError) error = NULL;
	const gchar *req = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
	g_autoptr(GString) got = g_string_new(NULL);
	GInputStream *in;
	gchar buf[2048];
	gssize n;
	gint64 start;

	fixture_start(&fx, "[server]\nidle_timeout=1\n", 1);
	conn = g_socket_client_connect_to_host(client, "127.0.0.1", (guint16)cblue_server_get_port(fx.server), NULL,
					       &error);
	g_assert_no_error(error);
	g_socket_set_timeout(g_socket_connection_get_socket(conn), 10);
	in = g_io_stream_get_input_stream(G_IO_STREAM(conn));
	g_output_stream_write_all(g_io_stream_get_output_stream(G_IO_STREAM(conn)), req, strlen(req), NULL, NULL,
				  &error);
	g_assert_no_error(error);
	/* the response (in as many reads as it takes), then the end of the stream */
	start = g_get_monotonic_time();
	while ((n = g_input_stream_read(in, buf, sizeof(buf) - 1, NULL, NULL)) > 0)
		g_string_append_len(got, buf, n);
	g_assert_true(g_str_has_prefix(got->str, "HTTP/1.1 200"));
	g_assert_nonnull(strstr(got->str, "{\"status\":\"ok\"}"));
	g_assert_cmpint(g_get_monotonic_time() - start, <, 5 * G_USEC_PER_SEC);
	fixture_stop(&fx);
}

static void
chat_async_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	Response *resp = user_data;
	SoupMessage *msg = soup_session_get_async_result_message(SOUP_SESSION(source), res);
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) body = soup_session_send_and_read_finish(SOUP_SESSION(source), res, &error);
	g_assert_no_error(error);
	resp->body = g_strndup(g_bytes_get_data(body, NULL), g_bytes_get_size(body));
	resp->status = soup_message_get_status(msg);
}

static void
shutdown_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	gboolean *done = user_data;
	g_autoptr(GError) error = NULL;
	cblue_server_shutdown_finish(CBLUE_SERVER(source), res, &error);
	g_assert_no_error(error);
	*done = TRUE;
}

/* SIGTERM's path: the reply being computed is still delivered, then the port is closed */
static void
test_server_graceful_shutdown(void)
{
	Fixture fx = {0};
	g_auto(Response) slow = {0};
	g_autofree gchar *uri = NULL;
	g_autoptr(SoupMessage) msg = NULL;
	g_autoptr(GBytes) body = g_bytes_new_static("{\"message\":\"solar-warranty\"}", 28);
	g_autoptr(GSocketClient) client = g_socket_client_new();
	g_autoptr(GSocketConnection) conn = NULL;
	g_autoptr(GError) error = NULL;
	gboolean done = FALSE;
	guint port;

	fixture_start(&fx, "[dummy]\nmodel_delay_ms=700\n", 2);
	port = cblue_server_get_port(fx.server);
	uri = g_strconcat(fx.base, "/api/v1/chat", NULL);
	msg = soup_message_new("POST", uri);
	soup_message_set_request_body_from_bytes(msg, "application/json", body);
	soup_session_send_and_read_async(fx.session, msg, G_PRIORITY_DEFAULT, NULL, chat_async_cb, &slow);
	/* let the request reach the pipeline */
	{
		gboolean timed_out = FALSE;
		g_timeout_add(200, wait_timeout_cb, &timed_out);
		wait_for(&timed_out, NULL, 0, 5);
	}
	cblue_server_shutdown_async(fx.server, NULL, shutdown_cb, &done);
	wait_for(&done, NULL, 0, 15);
	g_assert_true(done);
	wait_for(NULL, &slow.status, 1, 5);
	g_assert_cmpuint(slow.status, ==, 200);
	g_assert_nonnull(strstr(slow.body, "dummy answer: solar-warranty"));
	/* nobody listens any more */
	conn = g_socket_client_connect_to_host(client, "127.0.0.1", (guint16)port, NULL, &error);
	g_assert_null(conn);
	g_assert_error(error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
	fixture_stop(&fx);
}

/* waits until the server's metrics contain @line, at most @seconds */
static gboolean
wait_for_metric(Fixture *fx, const gchar *line, guint seconds)
{
	gint64 deadline = g_get_monotonic_time() + (gint64)seconds * G_USEC_PER_SEC;

	for (;;) {
		g_autofree gchar *metrics = cblue_server_render_metrics(fx->server);
		if (strstr(metrics, line) != NULL)
			return TRUE;
		if (g_get_monotonic_time() > deadline)
			return FALSE;
		g_main_context_iteration(NULL, FALSE);
		g_usleep(20000);
	}
}

/* upgraded connections live on WebSocket threads (two per thread here): each is answered,
 * counted, closed by the client or by a graceful shutdown after its pending reply */
static void
test_server_websocket_threads(void)
{
	Fixture fx = {0};
	WsClient *ws[5] = {NULL};
	gboolean done = FALSE;

	fixture_start(&fx,
		      "[server]\nws_connections_per_thread=2\nws_threads_max=3\nws_max_per_ip=0\nrate_limit=0\n"
		      "[dummy]\nmodel_delay_ms=300\n",
		      2);
	for (guint i = 0; i < G_N_ELEMENTS(ws); i++) {
		ws[i] = ws_connect(&fx, NULL);
		g_assert_no_error(ws[i]->error);
	}
	for (guint i = 0; i < G_N_ELEMENTS(ws); i++)
		soup_websocket_connection_send_text(ws[i]->conn, "{\"type\":\"message\",\"text\":\"solar-warranty\"}");
	for (guint i = 0; i < G_N_ELEMENTS(ws); i++) {
		g_autoptr(JsonObject) reply = NULL;
		wait_for(NULL, &ws[i]->frames->len, 2, 10);
		reply = ws_frame(ws[i], 1);
		g_assert_cmpstr(json_object_get_string_member(reply, "type"), ==, "reply");
		g_assert_cmpstr(json_object_get_string_member(reply, "reply"), ==, "dummy answer: solar-warranty");
	}
	g_assert_true(wait_for_metric(&fx, "websocket_connections 5\n", 5));
	g_assert_true(wait_for_metric(&fx, "active_connections 5\n", 5));

	/* closed by the client: no longer counted */
	soup_websocket_connection_close(ws[0]->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
	soup_websocket_connection_close(ws[1]->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
	g_assert_true(wait_for_metric(&fx, "websocket_connections 3\n", 10));
	g_assert_true(wait_for_metric(&fx, "active_connections 3\n", 10));

	/* a reply being computed is sent before the 1001 */
	soup_websocket_connection_send_text(ws[2]->conn, "{\"type\":\"message\",\"text\":\"solar-warranty\"}");
	wait_for(NULL, &ws[2]->frames->len, 3, 10);
	cblue_server_shutdown_async(fx.server, NULL, shutdown_cb, &done);
	wait_for(&done, NULL, 0, 15);
	g_assert_true(done);
	for (guint i = 2; i < G_N_ELEMENTS(ws); i++) {
		wait_for(&ws[i]->closed, NULL, 0, 10);
		g_assert_true(ws[i]->closed);
		g_assert_cmpuint(soup_websocket_connection_get_close_code(ws[i]->conn), ==,
				 SOUP_WEBSOCKET_CLOSE_GOING_AWAY);
		g_assert_cmpstr(soup_websocket_connection_get_close_data(ws[i]->conn), ==, "server shutting down");
	}
	g_assert_cmpuint(ws[2]->frames->len, ==, 4);
	{
		g_autoptr(JsonObject) reply = ws_frame(ws[2], 3);
		g_assert_cmpstr(json_object_get_string_member(reply, "type"), ==, "reply");
	}
	g_assert_true(wait_for_metric(&fx, "websocket_connections 0\n", 5));
	g_assert_true(wait_for_metric(&fx, "active_connections 0\n", 5));
	for (guint i = 0; i < G_N_ELEMENTS(ws); i++)
		ws_client_free(ws[i]);
	fixture_stop(&fx);
}

static void
test_server_feedback_and_history(void)
{
	Fixture fx = {0};
	g_auto(Response) chat = {0};
	g_auto(Response) history = {0};
	g_auto(Response) missing = {0};
	g_auto(Response) feedback = {0};
	g_auto(Response) bad_rating = {0};
	g_autoptr(JsonObject) reply = NULL;
	g_autoptr(JsonObject) conv = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *fb = NULL;
	CblueStore *store;
	JsonArray *messages;

	fixture_start(&fx, NULL, 2);
	request(&fx, "POST", "/api/v1/chat", "application/json", "{\"message\":\"solar-warranty SECRET-1234\"}", NULL,
		&chat);
	g_assert_cmpuint(chat.status, ==, 200);
	reply = parse_object(chat.body);
	path = g_strdup_printf("/api/v1/conversations/%s", json_object_get_string_member(reply, "conversation_id"));
	request(&fx, "GET", path, NULL, NULL, NULL, &history);
	g_assert_cmpuint(history.status, ==, 200);
	conv = parse_object(history.body);
	messages = json_object_get_array_member(conv, "messages");
	g_assert_cmpuint(json_array_get_length(messages), ==, 2);
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(messages, 0), "role"), ==, "user");
	/* stored redacted */
	g_assert_null(strstr(json_object_get_string_member(json_array_get_object_element(messages, 0), "text"),
			     "SECRET-1234"));
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(messages, 1), "text"), ==,
			"dummy answer: solar-warranty");
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(messages, 1), "message_id"), ==,
			json_object_get_string_member(reply, "message_id"));

	request(&fx, "GET", "/api/v1/conversations/0000-unknown", NULL, NULL, NULL, &missing);
	assert_error(&missing, 404, "not_found");

	fb = g_strdup_printf("{\"conversation_id\":\"%s\",\"message_id\":\"%s\",\"rating\":\"up\"}",
			     json_object_get_string_member(reply, "conversation_id"),
			     json_object_get_string_member(reply, "message_id"));
	request(&fx, "POST", "/api/v1/feedback", "application/json", fb, NULL, &feedback);
	g_assert_cmpuint(feedback.status, ==, 200);
	store = cblue_context_get_extension(fx.context, CBLUE_TYPE_STORE);
	g_assert_cmpint(cblue_store_count(store, "feedback", NULL), ==, 1);
	request(&fx, "POST", "/api/v1/feedback", "application/json",
		"{\"conversation_id\":\"a\",\"message_id\":\"b\",\"rating\":\"meh\"}", NULL, &bad_rating);
	assert_error(&bad_rating, 400, "invalid_data");
	fixture_stop(&fx);
}

static void
test_server_metrics(void)
{
	Fixture fx = {0};
	g_auto(Response) chat = {0};
	g_auto(Response) metrics = {0};
	g_auto(Response) denied = {0};
	const gchar *names[] = {"http_requests_total{route=\"/api/v1/chat\",status=\"200\"} 1",
				"http_request_duration_seconds_bucket{route=\"/api/v1/chat\",le=\"+Inf\"} 1",
				"active_connections ",
				"websocket_connections 0",
				"conversations_total{language=\"en\"} 1",
				"messages_total{language=\"en\",outcome=\"answered\"} 1",
				"pipeline_stage_duration_seconds_count{stage=\"pipeline\"} 1",
				"pii_redactions_total{type=\"DUMMY\"} 1",
				"process_resident_memory_bytes ",
				"process_cpu_seconds_total "};

	fixture_start(&fx, NULL, 2);
	request(&fx, "POST", "/api/v1/chat", "application/json", "{\"message\":\"solar-warranty SECRET-99\"}", NULL,
		&chat);
	g_assert_cmpuint(chat.status, ==, 200);
	request(&fx, "GET", "/metrics", NULL, NULL, NULL, &metrics);
	g_assert_cmpuint(metrics.status, ==, 200);
	g_assert_true(g_str_has_prefix(soup_message_headers_get_content_type(metrics.headers, NULL), "text/plain"));
	for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
		if (strstr(metrics.body, names[i]) == NULL)
			g_error("“%s” not in\n%s", names[i], metrics.body);
	}
	fixture_stop(&fx);

	/* only loopback may scrape by default; here nobody may */
	fixture_start(&fx, "[server]\nmetrics_from=192.0.2.1\n", 1);
	request(&fx, "GET", "/metrics", NULL, NULL, NULL, &denied);
	assert_error(&denied, 403, "permission_denied");
	fixture_stop(&fx);
}

int
main(int argc, char **argv)
{
	cblue_test_init(&argc, &argv);
	g_test_add_func("/cblue/server/chat", test_server_chat);
	g_test_add_func("/cblue/server/request-id", test_server_request_id);
	g_test_add_func("/cblue/server/bad-input", test_server_bad_input);
	g_test_add_func("/cblue/server/rate-limit", test_server_rate_limit);
	g_test_add_func("/cblue/server/cors", test_server_cors);
	g_test_add_func("/cblue/server/websocket/chat", test_server_websocket_chat);
	g_test_add_func("/cblue/server/websocket/close-codes", test_server_websocket_close_codes);
	g_test_add_func("/cblue/server/websocket/close-codes-libsoup", test_server_websocket_close_codes_libsoup);
	g_test_add_func("/cblue/server/websocket/limits", test_server_websocket_limits);
	g_test_add_func("/cblue/server/websocket/threads", test_server_websocket_threads);
	g_test_add_func("/cblue/server/slow-client", test_server_slow_client);
	g_test_add_func("/cblue/server/idle-timeout", test_server_idle_timeout);
	g_test_add_func("/cblue/server/graceful-shutdown", test_server_graceful_shutdown);
	g_test_add_func("/cblue/server/feedback-and-history", test_server_feedback_and_history);
	g_test_add_func("/cblue/server/metrics", test_server_metrics);
	return g_test_run();
}
