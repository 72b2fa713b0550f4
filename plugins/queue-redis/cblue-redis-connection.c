/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <hiredis/hiredis.h>
#include <stdarg.h>
#include <string.h>

#include "cblue.h"
#include "cblue-redis-connection.h"
#include "cblue-redis-source.h"

/*
 * One asynchronous connection to Redis, on the thread-default main context of the thread
 * that starts it, that keeps itself connected: it authenticates and selects the database
 * after each connect, reconnects with a growing delay (100 ms to 2 s) after a loss, and
 * drops a connection on which Redis has not answered for `timeout_ms` while a command was
 * waiting (a server that is stopped or cut off by the network keeps its TCP connections
 * open; only silence tells). "ready" is emitted once a connection can take commands,
 * "lost" when a ready connection went away; every command waiting then gets a NULL reply.
 */

#define CBLUE_REDIS_RECONNECT_MIN_MS 100
#define CBLUE_REDIS_RECONNECT_MAX_MS 2000
#define CBLUE_REDIS_WATCHDOG_MS	     250

/* the address */

static gboolean
cblue_redis_address_parse_uint(const gchar *text, guint max, guint *out)
{
	guint64 value = 0;
	if (text == NULL || *text == '\0' || !g_ascii_string_to_unsigned(text, 10, 0, max, &value, NULL))
		return FALSE;
	*out = (guint)value;
	return TRUE;
}

/*
 * Parses redis://[[user]:password@]host[:port][/db]. The password may be percent-encoded
 * (a password with `@` or `/` in it must be).
 */
CblueRedisAddress *
cblue_redis_address_parse(const gchar *url, GError **error)
{
	g_autoptr(CblueRedisAddress) address = g_new0(CblueRedisAddress, 1);
	g_autofree gchar *rest = NULL;
	gchar *at, *slash, *colon, *hostport;

	if (url == NULL || !g_str_has_prefix(url, "redis://")) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("The Redis URL must look like redis://[:password@]host[:port][/db]."));
		return NULL;
	}
	rest = g_strdup(url + strlen("redis://"));
	address->port = 6379;
	slash = strchr(rest, '/');
	if (slash != NULL) {
		*slash = '\0';
		if (slash[1] != '\0' && !cblue_redis_address_parse_uint(slash + 1, 15, &address->db)) {
			g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
					    _("The database of a Redis URL must be a number from 0 to 15."));
			return NULL;
		}
	}
	at = strrchr(rest, '@');
	hostport = rest;
	if (at != NULL) {
		gchar *userinfo = rest;
		*at = '\0';
		hostport = at + 1;
		colon = strchr(userinfo, ':');
		if (colon != NULL) {
			*colon = '\0';
			address->password = g_uri_unescape_string(colon + 1, NULL);
		} else {
			address->password = g_uri_unescape_string(userinfo, NULL);
			userinfo = NULL;
		}
		if (userinfo != NULL && *userinfo != '\0')
			address->user = g_uri_unescape_string(userinfo, NULL);
		if (address->password == NULL) {
			g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
					    _("The password of the Redis URL is not valid percent-encoding."));
			return NULL;
		}
	}
	if (hostport[0] == '[') {
		gchar *end = strchr(hostport, ']');
		if (end == NULL) {
			g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
					    _("The Redis URL has an unclosed “[”."));
			return NULL;
		}
		*end = '\0';
		address->host = g_strdup(hostport + 1);
		colon = end[1] == ':' ? end + 1 : NULL;
	} else {
		colon = strrchr(hostport, ':');
		if (colon != NULL)
			*colon = '\0';
		address->host = g_strdup(hostport);
	}
	if (colon != NULL && !cblue_redis_address_parse_uint(colon + 1, 65535, &address->port)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("The port of a Redis URL must be a number from 1 to 65535."));
		return NULL;
	}
	if (address->host[0] == '\0' || address->port == 0) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("The Redis URL has no host or no port."));
		return NULL;
	}
	return g_steal_pointer(&address);
}

void
cblue_redis_address_free(CblueRedisAddress *address)
{
	if (address == NULL)
		return;
	g_free(address->host);
	g_free(address->user);
	if (address->password != NULL)
		memset(address->password, 0, strlen(address->password));
	g_free(address->password);
	g_free(address);
}

CblueRedisAddress *
cblue_redis_address_copy(const CblueRedisAddress *address)
{
	CblueRedisAddress *copy = g_new0(CblueRedisAddress, 1);
	copy->host = g_strdup(address->host);
	copy->port = address->port;
	copy->user = g_strdup(address->user);
	copy->password = g_strdup(address->password);
	copy->db = address->db;
	return copy;
}

/* for logs: never the password */
gchar *
cblue_redis_address_to_display(const CblueRedisAddress *address)
{
	gboolean v6 = strchr(address->host, ':') != NULL;
	return g_strdup_printf("redis://%s%s%s%s:%u/%u", address->password != NULL ? "***@" : "", v6 ? "[" : "",
			       address->host, v6 ? "]" : "", address->port, address->db);
}

/* the connection */

typedef struct {
	CblueRedisConnection *self; /* unowned: the connection frees its context before it goes */
	CblueRedisReplyFunc func;
	gpointer user_data;
	gboolean counted; /* still counted in outstanding */
} CblueRedisCall;

struct _CblueRedisConnection {
	GObject parent_instance;
	CblueRedisAddress *address; /* owned */
	gchar *name;		    /* owned: for logs */
	guint timeout_ms;
	GMainContext *context;	    /* owned, nullable until started */
	redisAsyncContext *ac;	    /* owned by hiredis; NULL while disconnected */
	GSource *source;	    /* owned, nullable */
	GSource *reconnect;	    /* owned, nullable */
	GSource *watchdog;	    /* owned, nullable */
	guint reconnect_ms;
	guint outstanding;	    /* commands sent, not answered */
	gint64 last_progress_usec;  /* the last reply or (re)connect */
	gboolean ready;
	gboolean stopped;
	gboolean warned;
	gchar *drop_reason;	    /* owned, nullable: why we are dropping the connection */
	gint ready_atomic;	    /* ready, readable from any thread */
	CblueRedisReplyFunc message_func; /* nullable: the one SUBSCRIBE of this connection */
	gpointer message_data;
};

enum {
	SIGNAL_READY,
	SIGNAL_LOST,
	N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_TYPE(CblueRedisConnection, cblue_redis_connection, G_TYPE_OBJECT)

static void cblue_redis_connection_connect(CblueRedisConnection *self);

static void
cblue_redis_connection_reply_cb(redisAsyncContext *ac, void *r, void *privdata)
{
	CblueRedisCall *call = privdata;
	CblueRedisConnection *self = call->self;

	if (call->counted) {
		self->outstanding--;
		call->counted = FALSE;
	}
	if (r != NULL)
		self->last_progress_usec = g_get_monotonic_time();
	call->func(r, call->user_data);
	g_free(call);
}

static gboolean
cblue_redis_connection_send(CblueRedisConnection *self, CblueRedisReplyFunc func, gpointer user_data, guint argc,
			    const gchar *const *argv, const gsize *argvlen)
{
	CblueRedisCall *call;

	if (self->ac == NULL || self->ac->err != 0)
		return FALSE;
	call = g_new0(CblueRedisCall, 1);
	call->self = self;
	call->func = func;
	call->user_data = user_data;
	call->counted = TRUE;
	if (self->outstanding == 0)
		self->last_progress_usec = g_get_monotonic_time();
	self->outstanding++;
	if (redisAsyncCommandArgv(self->ac, cblue_redis_connection_reply_cb, call, (int)argc, (const char **)argv,
				  argvlen) != REDIS_OK) {
		self->outstanding--;
		g_free(call);
		return FALSE;
	}
	return TRUE;
}

static gboolean
cblue_redis_connection_reconnect_cb(gpointer user_data)
{
	CblueRedisConnection *self = user_data;
	g_clear_pointer(&self->reconnect, g_source_unref);
	cblue_redis_connection_connect(self);
	return G_SOURCE_REMOVE;
}

/* a connection that went away (closed, failed to connect, dropped by the watchdog): any
 * number of calls for one loss schedule one reconnect */
static void
cblue_redis_connection_lost(CblueRedisConnection *self, const gchar *reason)
{
	gboolean was_ready = self->ready;

	self->ac = NULL;
	self->ready = FALSE;
	g_atomic_int_set(&self->ready_atomic, 0);
	/* hiredis destroys it (cleanup hook) as it frees the context */
	g_clear_pointer(&self->source, g_source_unref);
	if (self->drop_reason != NULL)
		reason = self->drop_reason;
	if (!self->stopped && (was_ready || !self->warned)) {
		g_autofree gchar *where = cblue_redis_address_to_display(self->address);
		g_warning("redis %s: no connection to %s: %s", self->name, where, reason);
		self->warned = TRUE;
	}
	if (was_ready)
		g_signal_emit(self, signals[SIGNAL_LOST], 0);
	g_clear_pointer(&self->drop_reason, g_free);
	if (self->stopped || self->reconnect != NULL)
		return;
	self->reconnect = g_timeout_source_new(self->reconnect_ms);
	self->reconnect_ms = MIN(self->reconnect_ms * 2, CBLUE_REDIS_RECONNECT_MAX_MS);
	g_source_set_callback(self->reconnect, cblue_redis_connection_reconnect_cb, self, NULL);
	g_source_attach(self->reconnect, self->context);
}

/* drops the connection ourselves: hiredis answers every waiting command with NULL */
static void
cblue_redis_connection_drop(CblueRedisConnection *self, const gchar *reason)
{
	redisAsyncContext *ac = self->ac;
	if (ac == NULL)
		return;
	/* the disconnect callback says why: our reason, not "closed" */
	g_free(self->drop_reason);
	self->drop_reason = g_strdup(reason);
	redisAsyncFree(ac);
	/* hiredis calls our disconnect callback only for a connection that had connected */
	if (self->ac == ac)
		cblue_redis_connection_lost(self, reason);
}

static void
cblue_redis_connection_handshake_cb(redisReply *reply, gpointer user_data)
{
	CblueRedisConnection *self = user_data;

	if (reply == NULL)
		return; /* lost meanwhile: already handled */
	if (reply->type == REDIS_REPLY_ERROR) {
		/* a wrong password or database: say why (Redis's message has no secret in it)
		 * and try again later, the server may be reconfigured */
		g_autofree gchar *reason = g_strndup(reply->str, reply->len);
		cblue_redis_connection_drop(self, reason);
		return;
	}
	if (reply->type != REDIS_REPLY_STATUS || g_strcmp0(reply->str, "PONG") != 0)
		return; /* AUTH or SELECT: the PING sent last decides */
	self->ready = TRUE;
	self->warned = FALSE;
	self->reconnect_ms = CBLUE_REDIS_RECONNECT_MIN_MS;
	g_atomic_int_set(&self->ready_atomic, 1);
	g_debug("redis %s: ready", self->name);
	g_signal_emit(self, signals[SIGNAL_READY], 0);
}

static void
cblue_redis_connection_connect_cb(const redisAsyncContext *ac, int status)
{
	CblueRedisConnection *self = ac->data;
	g_autofree gchar *db = NULL;

	if (status != REDIS_OK) {
		/* hiredis frees the context right after this */
		cblue_redis_connection_lost(self, ac->errstr);
		return;
	}
	if (self->address->password != NULL) {
		if (self->address->user != NULL)
			cblue_redis_connection_commandv(self, cblue_redis_connection_handshake_cb, self, "AUTH",
							self->address->user, self->address->password, NULL);
		else
			cblue_redis_connection_commandv(self, cblue_redis_connection_handshake_cb, self, "AUTH",
							self->address->password, NULL);
	}
	if (self->address->db != 0) {
		db = g_strdup_printf("%u", self->address->db);
		cblue_redis_connection_commandv(self, cblue_redis_connection_handshake_cb, self, "SELECT", db, NULL);
	}
	cblue_redis_connection_commandv(self, cblue_redis_connection_handshake_cb, self, "PING", NULL);
}

static void
cblue_redis_connection_disconnect_cb(const redisAsyncContext *ac, int status)
{
	CblueRedisConnection *self = ac->data;
	cblue_redis_connection_lost(self, status == REDIS_OK ? "closed" : ac->errstr);
}

static void
cblue_redis_connection_connect(CblueRedisConnection *self)
{
	redisAsyncContext *ac;

	if (self->stopped || self->ac != NULL)
		return;
	ac = redisAsyncConnect(self->address->host, (int)self->address->port);
	if (ac == NULL || ac->err != 0) {
		g_autofree gchar *reason = g_strdup(ac != NULL ? ac->errstr : "out of memory");
		if (ac != NULL)
			redisAsyncFree(ac);
		cblue_redis_connection_lost(self, reason);
		return;
	}
	ac->data = self;
	self->ac = ac;
	self->outstanding = 0;
	self->last_progress_usec = g_get_monotonic_time();
	self->source = cblue_redis_source_new(ac);
	g_source_attach(self->source, self->context);
	redisAsyncSetDisconnectCallback(ac, cblue_redis_connection_disconnect_cb);
	/* last: hiredis waits for the socket to be writable, which needs the source */
	redisAsyncSetConnectCallback(ac, cblue_redis_connection_connect_cb);
}

/* a connection that is connecting, or that has a command waiting, must make progress */
static gboolean
cblue_redis_connection_watchdog_cb(gpointer user_data)
{
	CblueRedisConnection *self = user_data;
	gint64 silent_ms;

	if (self->ac == NULL || (self->ready && self->outstanding == 0))
		return G_SOURCE_CONTINUE;
	silent_ms = (g_get_monotonic_time() - self->last_progress_usec) / 1000;
	if (silent_ms > self->timeout_ms) {
		g_autofree gchar *reason = g_strdup_printf("no answer for %" G_GINT64_FORMAT " ms", silent_ms);
		cblue_redis_connection_drop(self, reason);
	}
	return G_SOURCE_CONTINUE;
}

static void
cblue_redis_connection_dispose(GObject *object)
{
	CblueRedisConnection *self = CBLUE_REDIS_CONNECTION(object);
	cblue_redis_connection_stop(self);
	G_OBJECT_CLASS(cblue_redis_connection_parent_class)->dispose(object);
}

static void
cblue_redis_connection_finalize(GObject *object)
{
	CblueRedisConnection *self = CBLUE_REDIS_CONNECTION(object);
	cblue_redis_address_free(self->address);
	g_free(self->name);
	g_free(self->drop_reason);
	g_clear_pointer(&self->context, g_main_context_unref);
	G_OBJECT_CLASS(cblue_redis_connection_parent_class)->finalize(object);
}

static void
cblue_redis_connection_class_init(CblueRedisConnectionClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->dispose = cblue_redis_connection_dispose;
	object_class->finalize = cblue_redis_connection_finalize;

	/* the connection can take commands (again) */
	signals[SIGNAL_READY] = g_signal_new("ready", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
					     NULL, G_TYPE_NONE, 0);
	/* a ready connection went away; it reconnects by itself */
	signals[SIGNAL_LOST] = g_signal_new("lost", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
					    G_TYPE_NONE, 0);
}

static void
cblue_redis_connection_init(CblueRedisConnection *self)
{
	self->reconnect_ms = CBLUE_REDIS_RECONNECT_MIN_MS;
}

CblueRedisConnection *
cblue_redis_connection_new(const CblueRedisAddress *address, const gchar *name, guint timeout_ms)
{
	CblueRedisConnection *self = g_object_new(CBLUE_TYPE_REDIS_CONNECTION, NULL);
	self->address = cblue_redis_address_copy(address);
	self->name = g_strdup(name);
	self->timeout_ms = MAX(timeout_ms, 100);
	return self;
}

/* connects (and stays connected) on the thread-default main context of the caller */
void
cblue_redis_connection_start(CblueRedisConnection *self)
{
	g_return_if_fail(CBLUE_IS_REDIS_CONNECTION(self));
	g_return_if_fail(self->context == NULL);

	self->context = g_main_context_ref_thread_default();
	self->watchdog = g_timeout_source_new(CBLUE_REDIS_WATCHDOG_MS);
	g_source_set_callback(self->watchdog, cblue_redis_connection_watchdog_cb, self, NULL);
	g_source_attach(self->watchdog, self->context);
	cblue_redis_connection_connect(self);
}

/* disconnects for good; every waiting command gets a NULL reply before this returns */
void
cblue_redis_connection_stop(CblueRedisConnection *self)
{
	g_return_if_fail(CBLUE_IS_REDIS_CONNECTION(self));

	self->stopped = TRUE;
	if (self->reconnect != NULL) {
		g_source_destroy(self->reconnect);
		g_clear_pointer(&self->reconnect, g_source_unref);
	}
	if (self->watchdog != NULL) {
		g_source_destroy(self->watchdog);
		g_clear_pointer(&self->watchdog, g_source_unref);
	}
	self->warned = TRUE; /* a stop is not worth a warning */
	cblue_redis_connection_drop(self, "stopped");
}

/* whether commands can be sent; safe to call from any thread */
gboolean
cblue_redis_connection_is_ready(CblueRedisConnection *self)
{
	return g_atomic_int_get(&self->ready_atomic) != 0;
}

/*
 * Sends one command. Returns %FALSE (and never calls @func) when there is no connection;
 * otherwise @func is called exactly once, with NULL if the connection is lost first.
 */
gboolean
cblue_redis_connection_command(CblueRedisConnection *self, CblueRedisReplyFunc func, gpointer user_data,
			       guint argc, const gchar *const *argv, const gsize *argvlen)
{
	g_return_val_if_fail(CBLUE_IS_REDIS_CONNECTION(self), FALSE);
	return cblue_redis_connection_send(self, func, user_data, argc, argv, argvlen);
}

gboolean
cblue_redis_connection_commandv(CblueRedisConnection *self, CblueRedisReplyFunc func, gpointer user_data,
				const gchar *first, ...)
{
	g_autoptr(GPtrArray) argv = g_ptr_array_new();
	g_autoptr(GArray) lens = g_array_new(FALSE, FALSE, sizeof(gsize));
	va_list ap;

	va_start(ap, first);
	for (const gchar *arg = first; arg != NULL; arg = va_arg(ap, const gchar *)) {
		gsize len = strlen(arg);
		g_ptr_array_add(argv, (gpointer)arg);
		g_array_append_val(lens, len);
	}
	va_end(ap);
	return cblue_redis_connection_command(self, func, user_data, argv->len, (const gchar *const *)argv->pdata,
					      (const gsize *)(gpointer)lens->data);
}

static void
cblue_redis_connection_message_cb(redisAsyncContext *ac, void *r, void *privdata)
{
	CblueRedisConnection *self = privdata;
	if (r == NULL || self->message_func == NULL)
		return;
	self->last_progress_usec = g_get_monotonic_time();
	self->message_func(r, self->message_data);
}

/*
 * Subscribes to @channel: @func gets every reply of the subscription (the confirmation,
 * then each `message`). Call it again after each "ready": a new connection has no
 * subscriptions.
 */
gboolean
cblue_redis_connection_subscribe(CblueRedisConnection *self, const gchar *channel, CblueRedisReplyFunc func,
				 gpointer user_data)
{
	const gchar *argv[] = {"SUBSCRIBE", channel};
	const size_t lens[] = {strlen("SUBSCRIBE"), strlen(channel)};

	g_return_val_if_fail(CBLUE_IS_REDIS_CONNECTION(self), FALSE);
	if (self->ac == NULL || !self->ready)
		return FALSE;
	self->message_func = func;
	self->message_data = user_data;
	/* hiredis keeps this callback for every message of the channel and drops it (without
	 * a call) with the connection: so its data is the connection itself */
	return redisAsyncCommandArgv(self->ac, cblue_redis_connection_message_cb, self, 2, argv, lens) == REDIS_OK;
}
