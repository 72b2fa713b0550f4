/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-server-fast-private.h"

/*
 * CblueServerFastReplay: the input side of a connection the fast path hands to libsoup.
 * It returns the bytes the fast path already read, then the socket's, so that libsoup
 * sees the byte stream untouched. It is pollable (libsoup reads without blocking), and
 * closing it closes the connection (libsoup closes the GIOStream it was given).
 */

#define CBLUE_TYPE_SERVER_FAST_REPLAY (cblue_server_fast_replay_get_type())
G_DECLARE_FINAL_TYPE(CblueServerFastReplay, cblue_server_fast_replay, CBLUE, SERVER_FAST_REPLAY, GInputStream)

struct _CblueServerFastReplay {
	GInputStream parent_instance;
	GIOStream *connection; /* owned: the socket connection */
	GInputStream *base;    /* unowned: the connection's input */
	GBytes *replay;	       /* owned, nullable once replayed */
	gsize replayed;	       /* bytes of replay already returned */
};

static void cblue_server_fast_replay_pollable_init(GPollableInputStreamInterface *iface);

G_DEFINE_TYPE_WITH_CODE(CblueServerFastReplay, cblue_server_fast_replay, G_TYPE_INPUT_STREAM,
			G_IMPLEMENT_INTERFACE(G_TYPE_POLLABLE_INPUT_STREAM, cblue_server_fast_replay_pollable_init))

/* copies what is left of the replay; 0 once it is all returned */
static gsize
cblue_server_fast_replay_take(CblueServerFastReplay *self, void *buffer, gsize count)
{
	gsize size = 0;
	const guint8 *data;
	gsize n;

	if (self->replay == NULL)
		return 0;
	data = g_bytes_get_data(self->replay, &size);
	n = MIN(count, size - self->replayed);
	memcpy(buffer, data + self->replayed, n);
	self->replayed += n;
	if (self->replayed >= size)
		g_clear_pointer(&self->replay, g_bytes_unref);
	return n;
}

static gssize
cblue_server_fast_replay_read(GInputStream *stream, void *buffer, gsize count, GCancellable *cancellable,
			      GError **error)
{
	CblueServerFastReplay *self = CBLUE_SERVER_FAST_REPLAY(stream);
	gsize n = cblue_server_fast_replay_take(self, buffer, count);

	if (n > 0 || count == 0)
		return (gssize)n;
	return g_input_stream_read(self->base, buffer, count, cancellable, error);
}

static gboolean
cblue_server_fast_replay_close(GInputStream *stream, GCancellable *cancellable, GError **error)
{
	CblueServerFastReplay *self = CBLUE_SERVER_FAST_REPLAY(stream);
	return g_io_stream_close(self->connection, cancellable, error);
}

static gboolean
cblue_server_fast_replay_can_poll(GPollableInputStream *stream)
{
	return TRUE;
}

static gboolean
cblue_server_fast_replay_is_readable(GPollableInputStream *stream)
{
	CblueServerFastReplay *self = CBLUE_SERVER_FAST_REPLAY(stream);
	return self->replay != NULL || g_pollable_input_stream_is_readable(G_POLLABLE_INPUT_STREAM(self->base));
}

static GSource *
cblue_server_fast_replay_create_source(GPollableInputStream *stream, GCancellable *cancellable)
{
	CblueServerFastReplay *self = CBLUE_SERVER_FAST_REPLAY(stream);
	g_autoptr(GSource) base = NULL;

	/* ready at once while replayed bytes are left */
	if (self->replay != NULL) {
		GSource *source = g_pollable_source_new_full(stream, NULL, cancellable);
		g_source_set_ready_time(source, 0);
		return source;
	}
	base = g_pollable_input_stream_create_source(G_POLLABLE_INPUT_STREAM(self->base), NULL);
	return g_pollable_source_new_full(stream, base, cancellable);
}

static gssize
cblue_server_fast_replay_read_nonblocking(GPollableInputStream *stream, void *buffer, gsize count, GError **error)
{
	CblueServerFastReplay *self = CBLUE_SERVER_FAST_REPLAY(stream);
	gsize n = cblue_server_fast_replay_take(self, buffer, count);

	if (n > 0 || count == 0)
		return (gssize)n;
	return g_pollable_input_stream_read_nonblocking(G_POLLABLE_INPUT_STREAM(self->base), buffer, count, NULL,
							error);
}

static void
cblue_server_fast_replay_pollable_init(GPollableInputStreamInterface *iface)
{
	iface->can_poll = cblue_server_fast_replay_can_poll;
	iface->is_readable = cblue_server_fast_replay_is_readable;
	iface->create_source = cblue_server_fast_replay_create_source;
	iface->read_nonblocking = cblue_server_fast_replay_read_nonblocking;
}

static void
cblue_server_fast_replay_finalize(GObject *object)
{
	CblueServerFastReplay *self = CBLUE_SERVER_FAST_REPLAY(object);

	g_clear_pointer(&self->replay, g_bytes_unref);
	g_clear_object(&self->connection);
	G_OBJECT_CLASS(cblue_server_fast_replay_parent_class)->finalize(object);
}

static void
cblue_server_fast_replay_class_init(CblueServerFastReplayClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS(klass);

	object_class->finalize = cblue_server_fast_replay_finalize;
	stream_class->read_fn = cblue_server_fast_replay_read;
	stream_class->close_fn = cblue_server_fast_replay_close;
}

static void
cblue_server_fast_replay_init(CblueServerFastReplay *self)
{
}

/* @connection: a socket connection; @replay: (nullable): the bytes to return first */
GInputStream *
cblue_server_fast_replay_new(GIOStream *connection, GBytes *replay)
{
	CblueServerFastReplay *self = g_object_new(CBLUE_TYPE_SERVER_FAST_REPLAY, NULL);

	self->connection = g_object_ref(connection);
	self->base = g_io_stream_get_input_stream(connection);
	if (replay != NULL && g_bytes_get_size(replay) > 0)
		self->replay = g_bytes_ref(replay);
	return G_INPUT_STREAM(self);
}
