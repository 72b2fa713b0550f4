/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-redis-source.h"

/*
 * A GSource that drives one hiredis asynchronous connection from a GLib main context.
 *
 * hiredis tells the event loop, through the `ev` hooks, when it wants to read or write;
 * this source polls the socket for exactly that and calls back into hiredis when the
 * socket is ready. hiredis frees the connection itself (a disconnect, an I/O error) from
 * inside its read or write handler and then calls `cleanup`; from that moment the source
 * must not touch the context again, which is why @ac is cleared there and checked between
 * the two handlers. (hiredis 0.14's own adapters/glib.h calls the read handler on a
 * context its write handler may just have freed, and wakes a NULL context when the
 * source is not attached yet.)
 */

typedef struct {
	GSource source;
	redisAsyncContext *ac; /* unowned; NULL once hiredis has let go of it */
	GPollFD poll_fd;
} CblueRedisSource;

static void
cblue_redis_source_set_events(CblueRedisSource *self, gushort add, gushort remove)
{
	GMainContext *context = g_source_get_context((GSource *)self);

	self->poll_fd.events = (gushort)((self->poll_fd.events | add) & ~remove);
	/* hiredis asks from the context's own thread, except for a command queued before
	 * the source was attached; a wakeup makes the poll see the new events */
	if (context != NULL)
		g_main_context_wakeup(context);
}

static void
cblue_redis_source_add_read(void *data)
{
	cblue_redis_source_set_events(data, G_IO_IN, 0);
}

static void
cblue_redis_source_del_read(void *data)
{
	cblue_redis_source_set_events(data, 0, G_IO_IN);
}

static void
cblue_redis_source_add_write(void *data)
{
	cblue_redis_source_set_events(data, G_IO_OUT, 0);
}

static void
cblue_redis_source_del_write(void *data)
{
	cblue_redis_source_set_events(data, 0, G_IO_OUT);
}

/* hiredis is freeing the context: stop polling its socket and never use it again */
static void
cblue_redis_source_cleanup(void *data)
{
	CblueRedisSource *self = data;

	self->ac = NULL;
	self->poll_fd.events = 0;
	if (g_source_is_destroyed((GSource *)self))
		return;
	if (self->poll_fd.fd >= 0) {
		g_source_remove_poll((GSource *)self, &self->poll_fd);
		self->poll_fd.fd = -1;
	}
	g_source_destroy((GSource *)self);
}

static gboolean
cblue_redis_source_prepare(GSource *source, gint *timeout)
{
	*timeout = -1;
	return FALSE;
}

static gboolean
cblue_redis_source_check(GSource *source)
{
	CblueRedisSource *self = (CblueRedisSource *)source;
	/* errors and hang-ups are reported whatever we asked for: hiredis sees them on read */
	return (self->poll_fd.revents & (self->poll_fd.events | G_IO_ERR | G_IO_HUP | G_IO_NVAL)) != 0;
}

static gboolean
cblue_redis_source_dispatch(GSource *source, GSourceFunc callback, gpointer user_data)
{
	CblueRedisSource *self = (CblueRedisSource *)source;
	gushort revents = self->poll_fd.revents;

	self->poll_fd.revents = 0;
	if (self->ac != NULL && (revents & G_IO_OUT) != 0)
		redisAsyncHandleWrite(self->ac);
	if (self->ac != NULL && (revents & (G_IO_IN | G_IO_ERR | G_IO_HUP | G_IO_NVAL)) != 0)
		redisAsyncHandleRead(self->ac);
	return G_SOURCE_CONTINUE;
}

static void
cblue_redis_source_finalize(GSource *source)
{
	CblueRedisSource *self = (CblueRedisSource *)source;
	/* the connection outlives us only if it was never freed: detach it */
	if (self->ac != NULL) {
		self->ac->ev.addRead = NULL;
		self->ac->ev.delRead = NULL;
		self->ac->ev.addWrite = NULL;
		self->ac->ev.delWrite = NULL;
		self->ac->ev.cleanup = NULL;
		self->ac->ev.data = NULL;
	}
}

static GSourceFuncs cblue_redis_source_funcs = {
    .prepare = cblue_redis_source_prepare,
    .check = cblue_redis_source_check,
    .dispatch = cblue_redis_source_dispatch,
    .finalize = cblue_redis_source_finalize,
};

/*
 * Returns: (transfer full): a source to attach to the context that owns @ac; it removes
 * itself when hiredis frees @ac
 */
GSource *
cblue_redis_source_new(redisAsyncContext *ac)
{
	CblueRedisSource *self;

	g_return_val_if_fail(ac != NULL, NULL);
	g_return_val_if_fail(ac->ev.data == NULL, NULL);

	self = (CblueRedisSource *)g_source_new(&cblue_redis_source_funcs, sizeof(CblueRedisSource));
	g_source_set_name((GSource *)self, "[cblue] redis");
	self->ac = ac;
	self->poll_fd.fd = ac->c.fd;
	g_source_add_poll((GSource *)self, &self->poll_fd);
	ac->ev.addRead = cblue_redis_source_add_read;
	ac->ev.delRead = cblue_redis_source_del_read;
	ac->ev.addWrite = cblue_redis_source_add_write;
	ac->ev.delWrite = cblue_redis_source_del_write;
	ac->ev.cleanup = cblue_redis_source_cleanup;
	ac->ev.data = self;
	return (GSource *)self;
}
