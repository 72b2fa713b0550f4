/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib-object.h>
#include <hiredis/async.h>

G_BEGIN_DECLS

/* where a Redis server is: redis://[[user]:password@]host[:port][/db] */
typedef struct {
	gchar *host;	 /* owned */
	guint port;
	gchar *user;	 /* owned, nullable */
	gchar *password; /* owned, nullable; never logged */
	guint db;
} CblueRedisAddress;

CblueRedisAddress *cblue_redis_address_parse(const gchar *url, GError **error);
void cblue_redis_address_free(CblueRedisAddress *address);
CblueRedisAddress *cblue_redis_address_copy(const CblueRedisAddress *address);
gchar *cblue_redis_address_to_display(const CblueRedisAddress *address);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueRedisAddress, cblue_redis_address_free)

/* called with the reply (NULL if the connection was lost first) on the connection's context */
typedef void (*CblueRedisReplyFunc)(redisReply *reply, gpointer user_data);

#define CBLUE_TYPE_REDIS_CONNECTION (cblue_redis_connection_get_type())
G_DECLARE_FINAL_TYPE(CblueRedisConnection, cblue_redis_connection, CBLUE, REDIS_CONNECTION, GObject)

CblueRedisConnection *cblue_redis_connection_new(const CblueRedisAddress *address, const gchar *name,
						 guint timeout_ms) G_GNUC_WARN_UNUSED_RESULT;
void cblue_redis_connection_start(CblueRedisConnection *self);
void cblue_redis_connection_stop(CblueRedisConnection *self);
gboolean cblue_redis_connection_is_ready(CblueRedisConnection *self);
gboolean cblue_redis_connection_command(CblueRedisConnection *self, CblueRedisReplyFunc func, gpointer user_data,
					guint argc, const gchar *const *argv, const gsize *argvlen);
gboolean cblue_redis_connection_commandv(CblueRedisConnection *self, CblueRedisReplyFunc func, gpointer user_data,
					 const gchar *first, ...) G_GNUC_NULL_TERMINATED;

gboolean cblue_redis_connection_subscribe(CblueRedisConnection *self, const gchar *channel, CblueRedisReplyFunc func,
					  gpointer user_data);

G_END_DECLS
