/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <gio/gio.h>
#include <hiredis/hiredis.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>

#include "cblue.h"
#include "../cblue-redis-connection.h"

static void
test_address_parse(void)
{
	const struct {
		const gchar *url;
		const gchar *host;
		guint port;
		const gchar *user;
		const gchar *password;
		guint db;
	} good[] = {
	    {"redis://127.0.0.1", "127.0.0.1", 6379, NULL, NULL, 0},
	    {"redis://localhost:6380/2", "localhost", 6380, NULL, NULL, 2},
	    {"redis://:s3cret@127.0.0.1:7000/0", "127.0.0.1", 7000, NULL, "s3cret", 0},
	    {"redis://app:p%40ss@redis:6379", "redis", 6379, "app", "p@ss", 0},
	    {"redis://[::1]:6390/1", "::1", 6390, NULL, NULL, 1},
	    {"redis://h/", "h", 6379, NULL, NULL, 0},
	};
	const gchar *bad[] = {NULL,	 "",		"http://x",	     "redis://",	"redis://:6379",
			      "redis://h:0", "redis://h:99999", "redis://h:1/16", "redis://h:1/x", "redis://[::1:5"};

	for (guint i = 0; i < G_N_ELEMENTS(good); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(CblueRedisAddress) address = cblue_redis_address_parse(good[i].url, &error);
		g_autofree gchar *display = NULL;
		g_assert_no_error(error);
		g_assert_cmpstr(address->host, ==, good[i].host);
		g_assert_cmpuint(address->port, ==, good[i].port);
		g_assert_cmpstr(address->user, ==, good[i].user);
		g_assert_cmpstr(address->password, ==, good[i].password);
		g_assert_cmpuint(address->db, ==, good[i].db);
		/* the password never shows */
		display = cblue_redis_address_to_display(address);
		if (good[i].password != NULL)
			g_assert_null(strstr(display, good[i].password));
	}
	for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(CblueRedisAddress) address = cblue_redis_address_parse(bad[i], &error);
		g_assert_null(address);
		g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	}
}

/* a real redis-server on a free port, in a temp dir */
typedef struct {
	gchar *dir;
	guint port;
	GPid pid;
} Redis;

static guint
free_port(void)
{
	g_autoptr(GSocket) socket = g_socket_new(G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, NULL);
	g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback(G_SOCKET_FAMILY_IPV4);
	g_autoptr(GSocketAddress) address = g_inet_socket_address_new(loopback, 0);
	g_autoptr(GSocketAddress) bound = NULL;
	g_assert_true(g_socket_bind(socket, address, TRUE, NULL));
	bound = g_socket_get_local_address(socket, NULL);
	return g_inet_socket_address_get_port(G_INET_SOCKET_ADDRESS(bound));
}

static gboolean
redis_start(Redis *redis, const gchar *password)
{
	g_autofree gchar *server = g_find_program_in_path("redis-server");
	g_autofree gchar *port = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);

	if (server == NULL)
		return FALSE;
	if (redis->dir == NULL)
		redis->dir = g_dir_make_tmp("cblue-redis-XXXXXX", NULL);
	if (redis->port == 0)
		redis->port = free_port();
	port = g_strdup_printf("%u", redis->port);
	g_ptr_array_add(argv, g_strdup(server));
	g_ptr_array_add(argv, g_strdup("--bind"));
	g_ptr_array_add(argv, g_strdup("127.0.0.1"));
	g_ptr_array_add(argv, g_strdup("--port"));
	g_ptr_array_add(argv, g_strdup(port));
	g_ptr_array_add(argv, g_strdup("--save"));
	g_ptr_array_add(argv, g_strdup(""));
	g_ptr_array_add(argv, g_strdup("--appendonly"));
	g_ptr_array_add(argv, g_strdup("no"));
	g_ptr_array_add(argv, g_strdup("--dir"));
	g_ptr_array_add(argv, g_strdup(redis->dir));
	if (password != NULL) {
		g_ptr_array_add(argv, g_strdup("--requirepass"));
		g_ptr_array_add(argv, g_strdup(password));
	}
	g_ptr_array_add(argv, NULL);
	if (!g_spawn_async(NULL, (gchar **)argv->pdata, NULL,
			   G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
			   NULL, &redis->pid, &error)) {
		g_test_message("cannot start redis-server: %s", error->message);
		return FALSE;
	}
	/* until it accepts connections */
	for (guint i = 0; i < 500; i++) {
		g_autoptr(GSocketClient) client = g_socket_client_new();
		g_autoptr(GSocketConnection) conn =
		    g_socket_client_connect_to_host(client, "127.0.0.1", (guint16)redis->port, NULL, NULL);
		if (conn != NULL)
			break;
		g_usleep(10 * 1000);
	}
	return TRUE;
}

static void
redis_stop(Redis *redis)
{
	if (redis->pid == 0)
		return;
	kill(redis->pid, SIGKILL);
	waitpid(redis->pid, NULL, 0);
	g_spawn_close_pid(redis->pid);
	redis->pid = 0;
}

typedef struct {
	guint ready;
	guint lost;
	gchar *pong;
} Events;

static void
on_ready(CblueRedisConnection *conn, Events *events)
{
	events->ready++;
}

static void
on_lost(CblueRedisConnection *conn, Events *events)
{
	events->lost++;
}

static void
on_reply(redisReply *reply, gpointer user_data)
{
	Events *events = user_data;
	g_free(events->pong);
	events->pong = g_strdup(reply != NULL ? reply->str : "(lost)");
}

static gboolean
wait_for(guint *counter, guint value, guint timeout_ms)
{
	gint64 end = g_get_monotonic_time() + (gint64)timeout_ms * 1000;
	while (*counter < value && g_get_monotonic_time() < end)
		g_main_context_iteration(NULL, FALSE) || (g_usleep(1000), TRUE);
	return *counter >= value;
}

/* the GSource adapter drives a connection; it authenticates, survives a restart of the
 * server and comes back by itself */
static void
test_connection_reconnects(void)
{
	Redis redis = {NULL, 0, 0};
	Events events = {0, 0, NULL};
	g_autoptr(CblueRedisAddress) address = NULL;
	g_autoptr(CblueRedisConnection) conn = NULL;
	g_autofree gchar *url = NULL;

	if (!redis_start(&redis, "t0ps3cret")) {
		g_test_skip("redis-server is not installed");
		return;
	}
	url = g_strdup_printf("redis://:t0ps3cret@127.0.0.1:%u/3", redis.port);
	address = cblue_redis_address_parse(url, NULL);
	conn = cblue_redis_connection_new(address, "test", 1000);
	g_signal_connect(conn, "ready", G_CALLBACK(on_ready), &events);
	g_signal_connect(conn, "lost", G_CALLBACK(on_lost), &events);
	cblue_redis_connection_start(conn);
	g_assert_true(wait_for(&events.ready, 1, 10000));
	g_assert_true(cblue_redis_connection_is_ready(conn));

	g_assert_true(cblue_redis_connection_commandv(conn, on_reply, &events, "ECHO", "สวัสดี", NULL));
	while (events.pong == NULL)
		g_main_context_iteration(NULL, TRUE);
	g_assert_cmpstr(events.pong, ==, "สวัสดี");

	/* the server goes: "lost", and commands are refused rather than queued forever */
	redis_stop(&redis);
	g_assert_true(wait_for(&events.lost, 1, 10000));
	g_assert_false(cblue_redis_connection_is_ready(conn));
	g_assert_false(cblue_redis_connection_commandv(conn, on_reply, &events, "PING", NULL));

	/* it comes back on the same port: so does the connection */
	g_assert_true(redis_start(&redis, "t0ps3cret"));
	g_assert_true(wait_for(&events.ready, 2, 15000));
	g_clear_pointer(&events.pong, g_free);
	g_assert_true(cblue_redis_connection_commandv(conn, on_reply, &events, "PING", NULL));
	while (events.pong == NULL)
		g_main_context_iteration(NULL, TRUE);
	g_assert_cmpstr(events.pong, ==, "PONG");

	/* a stopped (not dead) server: the watchdog notices the silence */
	kill(redis.pid, SIGSTOP);
	g_assert_true(cblue_redis_connection_commandv(conn, on_reply, &events, "PING", NULL));
	g_assert_true(wait_for(&events.lost, 2, 10000));
	kill(redis.pid, SIGCONT);
	g_assert_true(wait_for(&events.ready, 3, 15000));

	cblue_redis_connection_stop(conn);
	redis_stop(&redis);
	g_free(events.pong);
	g_rmdir(redis.dir);
	g_free(redis.dir);
}

/* a wrong password: never ready, and the reason is logged without the password */
static void
test_connection_bad_password(void)
{
	Redis redis = {NULL, 0, 0};
	Events events = {0, 0, NULL};
	g_autoptr(CblueRedisAddress) address = NULL;
	g_autoptr(CblueRedisConnection) conn = NULL;
	g_autofree gchar *url = NULL;

	if (!redis_start(&redis, "right")) {
		g_test_skip("redis-server is not installed");
		return;
	}
	url = g_strdup_printf("redis://:wrong@127.0.0.1:%u", redis.port);
	address = cblue_redis_address_parse(url, NULL);
	conn = cblue_redis_connection_new(address, "test", 1000);
	g_signal_connect(conn, "ready", G_CALLBACK(on_ready), &events);
	cblue_redis_connection_start(conn);
	g_assert_false(wait_for(&events.ready, 1, 1500));
	g_assert_false(cblue_redis_connection_is_ready(conn));
	cblue_redis_connection_stop(conn);
	redis_stop(&redis);
	g_rmdir(redis.dir);
	g_free(redis.dir);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	/* these tests take Redis away on purpose: its warnings ("no connection …") are
	 * expected, only criticals are bugs */
	g_log_set_always_fatal(G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL);
	g_test_add_func("/queue-redis/address/parse", test_address_parse);
	g_test_add_func("/queue-redis/connection/reconnects", test_connection_reconnects);
	g_test_add_func("/queue-redis/connection/bad-password", test_connection_bad_password);
	return g_test_run();
}
