/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "cblue-ws-connection-private.h"

/*
 * The server side of RFC 6455 on a raw socket: see cblue-ws-connection-private.h.
 *
 * Input: one recv() per readiness into the thread's scratch buffer; whole frames are
 * handled in place, and only the bytes of an incomplete frame are kept, in the
 * connection's own buffer (idle connections hold no buffer). Output: a frame is one
 * sendmsg() (header and payload); what the socket does not take waits, in order, in the
 * connection's queue, and EPOLLOUT is watched until it is written. The queue is bounded
 * (max_queued): a peer that does not read is closed with 1008 instead of growing it.
 *
 * Nothing here calls the owner back from a send or a close: the callbacks come from the
 * dispatcher only (a failed write shuts the socket down, and the reader sees it).
 */

#define CBLUE_WS_CLOSE_TIMEOUT_MS 5000

enum {
	CBLUE_WS_OP_CONTINUATION = 0x0,
	CBLUE_WS_OP_TEXT = 0x1,
	CBLUE_WS_OP_BINARY = 0x2,
	CBLUE_WS_OP_CLOSE = 0x8,
	CBLUE_WS_OP_PING = 0x9,
	CBLUE_WS_OP_PONG = 0xa,
};

typedef enum {
	CBLUE_WS_AFTER_FLUSH_NOTHING,
	CBLUE_WS_AFTER_FLUSH_CLOSE,    /* the close handshake is done */
	CBLUE_WS_AFTER_FLUSH_SHUTDOWN, /* failed: our close frame, then the end of our stream */
} CblueWsAfterFlush;

struct _CblueWsConnection {
	gint ref_count;
	CblueEpoll *epoll; /* unowned: the thread's, outlives its connections */
	GSocket *socket;   /* owned */
	GIOStream *stream; /* owned, nullable */
	gint fd;
	CblueEpollWatch watch;
	CblueEpollTimer timer; /* pings while open, the close timeout while closing */
	CblueWsCallbacks callbacks;
	gpointer user_data;
	guint64 max_payload;
	guint ping_interval; /* s */
	CblueWsState state;
	gushort close_code;   /* the peer's */
	gboolean failed;      /* a protocol error: input is discarded */
	gboolean write_broken;
	CblueWsAfterFlush after_flush;
	GByteArray *in;	     /* owned, nullable: the start of an incomplete frame */
	GByteArray *message; /* owned, nullable: the fragments of a message so far */
	guint8 message_type;
	GByteArray *out; /* owned, nullable: bytes the socket did not take yet */
	gsize out_offset;
	gsize out_partial; /* the first bytes of out: the rest of a frame partly sent; whole
			    * frames follow */
	gsize max_queued;  /* 0: no bound */
	gboolean too_slow; /* closed for going past max_queued */
};

/* frames */

gint
cblue_ws_frame_header_parse(const guint8 *data, gsize len, CblueWsFrameHeader *header)
{
	guint64 payload_len;
	gsize pos = 2;

	if (len < 2)
		return 0;
	header->fin = (data[0] & 0x80) != 0;
	header->rsv = (data[0] >> 4) & 0x7;
	header->opcode = data[0] & 0xf;
	header->masked = (data[1] & 0x80) != 0;
	payload_len = data[1] & 0x7f;
	if (payload_len == 126) {
		if (len < 4)
			return 0;
		payload_len = ((guint64)data[2] << 8) | data[3];
		pos = 4;
	} else if (payload_len == 127) {
		if (len < 10)
			return 0;
		payload_len = 0;
		for (guint i = 0; i < 8; i++)
			payload_len = (payload_len << 8) | data[2 + i];
		pos = 10;
	}
	if (header->masked) {
		if (len < pos + 4)
			return 0;
		memcpy(header->mask, data + pos, 4);
		pos += 4;
	}
	header->payload_len = payload_len;
	header->header_len = pos;
	return 1;
}

gsize
cblue_ws_frame_header_write(guint8 out[10], guint8 opcode, guint64 payload_len)
{
	out[0] = 0x80 | opcode;
	if (payload_len < 126) {
		out[1] = (guint8)payload_len;
		return 2;
	}
	if (payload_len <= G_MAXUINT16) {
		out[1] = 126;
		out[2] = (guint8)(payload_len >> 8);
		out[3] = (guint8)payload_len;
		return 4;
	}
	out[1] = 127;
	for (guint i = 0; i < 8; i++)
		out[2 + i] = (guint8)(payload_len >> (56 - 8 * i));
	return 10;
}

static void
cblue_ws_unmask(guint8 *data, gsize len, const guint8 mask[4])
{
	gsize i = 0;
	guint32 mask32;

	memcpy(&mask32, mask, 4);
	for (; i + 4 <= len; i += 4) {
		guint32 word;
		memcpy(&word, data + i, 4);
		word ^= mask32;
		memcpy(data + i, &word, 4);
	}
	for (; i < len; i++)
		data[i] ^= mask[i & 3];
}

/* UTF-8 as RFC 3629 has it: NUL is a character (g_utf8_validate_len() refuses it) */
static gboolean
cblue_ws_utf8_valid(const guint8 *data, gsize len)
{
	while (len > 0) {
		const guint8 *nul = memchr(data, 0, len);
		gsize run = nul != NULL ? (gsize)(nul - data) : len;
		if (run > 0 && !g_utf8_validate_len((const gchar *)data, run, NULL))
			return FALSE;
		if (nul == NULL)
			break;
		data += run + 1;
		len -= run + 1;
	}
	return TRUE;
}

static gboolean
cblue_ws_close_code_valid(guint code)
{
	if (code >= 3000 && code <= 4999)
		return TRUE;
	return code >= 1000 && code <= 1014 && code != 1004 && code != 1005 && code != 1006;
}

/* output */

static void cblue_ws_connection_finish(CblueWsConnection *conn);

static void
cblue_ws_connection_write_failed(CblueWsConnection *conn)
{
	conn->write_broken = TRUE;
	if (conn->out != NULL) {
		g_byte_array_set_size(conn->out, 0);
		conn->out_offset = 0;
		conn->out_partial = 0;
	}
	/* the reader sees the end of the stream, from the dispatcher */
	shutdown(conn->fd, SHUT_RDWR);
	cblue_epoll_watch_modify(conn->epoll, &conn->watch, EPOLLIN);
}

static gboolean
cblue_ws_connection_out_pending(CblueWsConnection *conn)
{
	return conn->out != NULL && conn->out->len > conn->out_offset;
}

static void
cblue_ws_connection_flushed(CblueWsConnection *conn)
{
	CblueWsAfterFlush after = conn->after_flush;

	conn->after_flush = CBLUE_WS_AFTER_FLUSH_NOTHING;
	if (after == CBLUE_WS_AFTER_FLUSH_CLOSE)
		cblue_ws_connection_finish(conn);
	else if (after == CBLUE_WS_AFTER_FLUSH_SHUTDOWN)
		/* the peer reads our close frame, then the end; we read its answer until it closes */
		shutdown(conn->fd, SHUT_WR);
}

static void
cblue_ws_connection_flush(CblueWsConnection *conn)
{
	while (cblue_ws_connection_out_pending(conn)) {
		gssize n = send(conn->fd, conn->out->data + conn->out_offset, conn->out->len - conn->out_offset,
				MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno != EAGAIN && errno != EWOULDBLOCK)
				cblue_ws_connection_write_failed(conn);
			return;
		}
		conn->out_offset += n;
	}
	/* freed, not kept: a queue is rare, and may have grown to max_queued */
	g_clear_pointer(&conn->out, g_byte_array_unref);
	conn->out_offset = 0;
	conn->out_partial = 0;
	cblue_epoll_watch_modify(conn->epoll, &conn->watch, EPOLLIN);
	cblue_ws_connection_flushed(conn);
}

static void
cblue_ws_connection_queue(CblueWsConnection *conn, const guint8 *data, gsize len)
{
	if (conn->out == NULL)
		conn->out = g_byte_array_new();
	g_byte_array_append(conn->out, data, len);
}

static gsize
cblue_ws_connection_queued(CblueWsConnection *conn)
{
	return conn->out != NULL ? conn->out->len - conn->out_offset : 0;
}

/* the end, in out, of the frame the socket has taken part of (out_offset if none): the
 * bytes that must still go for the peer to read whole frames */
static gsize
cblue_ws_connection_frame_in_progress_end(CblueWsConnection *conn)
{
	gsize pos = conn->out_partial;

	if (conn->out_offset < pos)
		return pos;
	while (pos < conn->out->len) {
		CblueWsFrameHeader header;
		gsize end;

		/* our own frames, queued whole: the header is there */
		if (!cblue_ws_frame_header_parse(conn->out->data + pos, conn->out->len - pos, &header))
			break;
		end = pos + header.header_len + header.payload_len;
		if (conn->out_offset <= pos)
			return pos;
		if (conn->out_offset < end)
			return end;
		pos = end;
	}
	return conn->out_offset;
}

static void cblue_ws_connection_start_closing(CblueWsConnection *conn, gushort code, const gchar *reason,
					      gboolean failed);

/* the peer does not read: what waits is dropped (but the end of a frame partly sent,
 * so that the close frame follows whole frames), and the connection fails with 1008 */
static void
cblue_ws_connection_overflow(CblueWsConnection *conn)
{
	gsize keep = cblue_ws_connection_frame_in_progress_end(conn);

	conn->too_slow = TRUE;
	if (keep > conn->out_offset) {
		g_byte_array_set_size(conn->out, keep);
	} else {
		/* on a frame boundary: the close frame is sent as if nothing waited */
		g_clear_pointer(&conn->out, g_byte_array_unref);
		conn->out_offset = 0;
		conn->out_partial = 0;
	}
	cblue_ws_connection_start_closing(conn, CBLUE_WS_CLOSE_POLICY_VIOLATION, "client too slow", TRUE);
}

static void
cblue_ws_connection_send_frame(CblueWsConnection *conn, guint8 opcode, const guint8 *payload, gsize len)
{
	guint8 header[10];
	gsize header_len = cblue_ws_frame_header_write(header, opcode, len);
	struct iovec iov[2] = {{header, header_len}, {(gpointer)payload, len}};
	struct msghdr mh = {.msg_iov = iov, .msg_iovlen = len > 0 ? 2 : 1};
	gssize n;

	if (conn->state == CBLUE_WS_STATE_CLOSED || conn->write_broken)
		return;
	/* behind what is queued already: in order, and within the bound (but our close frame) */
	if (cblue_ws_connection_out_pending(conn)) {
		if (conn->max_queued > 0 && opcode != CBLUE_WS_OP_CLOSE &&
		    cblue_ws_connection_queued(conn) + header_len + len > conn->max_queued) {
			cblue_ws_connection_overflow(conn);
			return;
		}
		cblue_ws_connection_queue(conn, header, header_len);
		cblue_ws_connection_queue(conn, payload, len);
		return;
	}
	do
		n = sendmsg(conn->fd, &mh, MSG_NOSIGNAL | MSG_DONTWAIT);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		if (errno != EAGAIN && errno != EWOULDBLOCK) {
			cblue_ws_connection_write_failed(conn);
			return;
		}
		n = 0;
	}
	if ((gsize)n == header_len + len)
		return;
	/* the queue was empty: one frame always waits, whatever its size */
	conn->out_partial = n > 0 ? header_len + len - n : 0;
	if ((gsize)n < header_len) {
		cblue_ws_connection_queue(conn, header + n, header_len - n);
		cblue_ws_connection_queue(conn, payload, len);
	} else {
		cblue_ws_connection_queue(conn, payload + (n - header_len), len - (n - header_len));
	}
	cblue_epoll_watch_modify(conn->epoll, &conn->watch, EPOLLIN | EPOLLOUT);
}

static void
cblue_ws_connection_after_flush(CblueWsConnection *conn, CblueWsAfterFlush after)
{
	conn->after_flush = after;
	if (!cblue_ws_connection_out_pending(conn))
		cblue_ws_connection_flushed(conn);
}

static void
cblue_ws_connection_send_close(CblueWsConnection *conn, gushort code, const gchar *reason)
{
	guint8 payload[125];
	gsize len = 0;

	if (code != 0 && code != CBLUE_WS_CLOSE_NO_STATUS) {
		gsize reason_len = reason != NULL ? strlen(reason) : 0;
		payload[0] = code >> 8;
		payload[1] = code & 0xff;
		/* a control frame carries 125 bytes at most: the reason is cut on a character */
		if (reason_len > sizeof(payload) - 2) {
			const gchar *end = g_utf8_find_prev_char(reason, reason + sizeof(payload) - 1);
			reason_len = end != NULL ? (gsize)(end - reason) : 0;
		}
		if (reason_len > 0)
			memcpy(payload + 2, reason, reason_len);
		len = 2 + reason_len;
	}
	cblue_ws_connection_send_frame(conn, CBLUE_WS_OP_CLOSE, payload, len);
}

/* the end */

static void
cblue_ws_connection_close_timeout_cb(gpointer user_data)
{
	cblue_ws_connection_finish(user_data);
}

/* starts our side of the close handshake */
static void
cblue_ws_connection_start_closing(CblueWsConnection *conn, gushort code, const gchar *reason, gboolean failed)
{
	if (conn->state != CBLUE_WS_STATE_OPEN)
		return;
	conn->state = CBLUE_WS_STATE_CLOSING;
	conn->failed = failed;
	g_clear_pointer(&conn->message, g_byte_array_unref);
	cblue_ws_connection_send_close(conn, code, reason);
	cblue_epoll_timer_start(conn->epoll, &conn->timer, CBLUE_WS_CLOSE_TIMEOUT_MS,
				cblue_ws_connection_close_timeout_cb, conn);
	if (failed)
		cblue_ws_connection_after_flush(conn, CBLUE_WS_AFTER_FLUSH_SHUTDOWN);
}

static void
cblue_ws_connection_fail(CblueWsConnection *conn, gushort code, const gchar *reason)
{
	if (conn->state == CBLUE_WS_STATE_OPEN)
		cblue_ws_connection_start_closing(conn, code, reason, TRUE);
	else
		conn->failed = TRUE;
}

static void
cblue_ws_connection_finish(CblueWsConnection *conn)
{
	void (*closed)(CblueWsConnection *, gpointer) = conn->callbacks.closed;

	if (conn->state == CBLUE_WS_STATE_CLOSED)
		return;
	conn->state = CBLUE_WS_STATE_CLOSED;
	if (conn->close_code == 0)
		conn->close_code = CBLUE_WS_CLOSE_ABNORMAL;
	cblue_epoll_watch_remove(conn->epoll, &conn->watch);
	cblue_epoll_timer_stop(conn->epoll, &conn->timer);
	if (conn->stream != NULL)
		g_io_stream_close(conn->stream, NULL, NULL);
	g_socket_close(conn->socket, NULL);
	g_clear_pointer(&conn->in, g_byte_array_unref);
	g_clear_pointer(&conn->message, g_byte_array_unref);
	g_clear_pointer(&conn->out, g_byte_array_unref);
	memset(&conn->callbacks, 0, sizeof(conn->callbacks));
	if (closed != NULL)
		closed(conn, conn->user_data);
}

/* input */

static void
cblue_ws_connection_deliver(CblueWsConnection *conn, guint8 type, const guint8 *data, gsize len)
{
	g_autoptr(GBytes) bytes = NULL;

	if (type == CBLUE_WS_OP_TEXT && !cblue_ws_utf8_valid(data, len)) {
		cblue_ws_connection_fail(conn, CBLUE_WS_CLOSE_BAD_DATA, "invalid UTF-8");
		return;
	}
	if (conn->callbacks.message == NULL)
		return;
	bytes = g_bytes_new(data, len);
	conn->callbacks.message(conn, type, bytes, conn->user_data);
}

static void
cblue_ws_connection_handle_close(CblueWsConnection *conn, const guint8 *payload, gsize len)
{
	guint code = CBLUE_WS_CLOSE_NO_STATUS;

	if (len == 1) {
		cblue_ws_connection_fail(conn, CBLUE_WS_CLOSE_PROTOCOL_ERROR, "bad close frame");
		return;
	}
	if (len >= 2) {
		code = ((guint)payload[0] << 8) | payload[1];
		if (!cblue_ws_close_code_valid(code)) {
			cblue_ws_connection_fail(conn, CBLUE_WS_CLOSE_PROTOCOL_ERROR, "bad close code");
			return;
		}
		if (!cblue_ws_utf8_valid(payload + 2, len - 2)) {
			cblue_ws_connection_fail(conn, CBLUE_WS_CLOSE_BAD_DATA, "invalid UTF-8");
			return;
		}
	}
	conn->close_code = code;
	if (conn->state == CBLUE_WS_STATE_OPEN) {
		/* the peer's close: echoed with its code, then the socket is closed */
		conn->state = CBLUE_WS_STATE_CLOSING;
		g_clear_pointer(&conn->message, g_byte_array_unref);
		cblue_ws_connection_send_close(conn, code, NULL);
		cblue_epoll_timer_start(conn->epoll, &conn->timer, CBLUE_WS_CLOSE_TIMEOUT_MS,
					cblue_ws_connection_close_timeout_cb, conn);
	}
	cblue_ws_connection_after_flush(conn, CBLUE_WS_AFTER_FLUSH_CLOSE);
}

static void
cblue_ws_connection_handle_control(CblueWsConnection *conn, guint8 opcode, const guint8 *payload, gsize len)
{
	switch (opcode) {
	case CBLUE_WS_OP_CLOSE:
		cblue_ws_connection_handle_close(conn, payload, len);
		break;
	case CBLUE_WS_OP_PING:
		if (conn->state == CBLUE_WS_STATE_OPEN)
			cblue_ws_connection_send_frame(conn, CBLUE_WS_OP_PONG, payload, len);
		break;
	case CBLUE_WS_OP_PONG:
		if (conn->callbacks.pong != NULL)
			conn->callbacks.pong(conn, conn->user_data);
		break;
	default:
		g_assert_not_reached();
	}
}

static void
cblue_ws_connection_handle_data(CblueWsConnection *conn, const CblueWsFrameHeader *header, const guint8 *payload)
{
	gsize len = header->payload_len;

	/* after our close frame, the peer's data is not read any more */
	if (conn->state != CBLUE_WS_STATE_OPEN)
		return;
	if (header->opcode == CBLUE_WS_OP_CONTINUATION) {
		if (conn->message == NULL) {
			cblue_ws_connection_fail(conn, CBLUE_WS_CLOSE_PROTOCOL_ERROR, "unexpected continuation frame");
			return;
		}
		g_byte_array_append(conn->message, payload, len);
		if (header->fin) {
			g_autoptr(GByteArray) message = g_steal_pointer(&conn->message);
			cblue_ws_connection_deliver(conn, conn->message_type, message->data, message->len);
		}
		return;
	}
	if (conn->message != NULL) {
		cblue_ws_connection_fail(conn, CBLUE_WS_CLOSE_PROTOCOL_ERROR, "a new message inside a fragmented one");
		return;
	}
	if (header->fin) {
		cblue_ws_connection_deliver(conn, header->opcode, payload, len);
		return;
	}
	conn->message = g_byte_array_sized_new(len * 2);
	conn->message_type = header->opcode;
	g_byte_array_append(conn->message, payload, len);
}

/* the reason to refuse a frame whose header is parsed, or NULL */
static const gchar *
cblue_ws_connection_check_header(CblueWsConnection *conn, const CblueWsFrameHeader *header, gushort *code)
{
	gboolean control = (header->opcode & 0x8) != 0;
	guint64 so_far = conn->message != NULL ? conn->message->len : 0;

	*code = CBLUE_WS_CLOSE_PROTOCOL_ERROR;
	if (header->rsv != 0)
		return "reserved bits set";
	if (!header->masked)
		return "unmasked frame";
	if (header->opcode > CBLUE_WS_OP_BINARY && !(control && header->opcode <= CBLUE_WS_OP_PONG))
		return "unknown opcode";
	if (control && (!header->fin || header->payload_len > 125))
		return "bad control frame";
	if (header->payload_len > G_MAXINT64)
		return "bad frame length";
	if (!control && header->payload_len + so_far > conn->max_payload) {
		*code = CBLUE_WS_CLOSE_TOO_BIG;
		return "message too large";
	}
	return NULL;
}

/* handles the whole frames at @data; returns the bytes used */
static gsize
cblue_ws_connection_process(CblueWsConnection *conn, guint8 *data, gsize len)
{
	gsize used = 0;

	while (conn->state != CBLUE_WS_STATE_CLOSED && !conn->failed) {
		CblueWsFrameHeader header;
		const gchar *reason;
		gushort code;
		guint8 *payload;

		if (!cblue_ws_frame_header_parse(data + used, len - used, &header))
			break;
		reason = cblue_ws_connection_check_header(conn, &header, &code);
		if (reason != NULL) {
			cblue_ws_connection_fail(conn, code, reason);
			break;
		}
		if (len - used - header.header_len < header.payload_len)
			break;
		payload = data + used + header.header_len;
		used += header.header_len + header.payload_len;
		cblue_ws_unmask(payload, header.payload_len, header.mask);
		if (header.opcode & 0x8)
			cblue_ws_connection_handle_control(conn, header.opcode, payload, header.payload_len);
		else
			cblue_ws_connection_handle_data(conn, &header, payload);
	}
	/* once failed, nothing more is parsed: the rest is dropped */
	return conn->failed || conn->state == CBLUE_WS_STATE_CLOSED ? len : used;
}

static void
cblue_ws_connection_feed(CblueWsConnection *conn, guint8 *data, gsize len)
{
	gsize used;

	if (conn->in != NULL && conn->in->len > 0) {
		g_autoptr(GByteArray) in = g_byte_array_ref(conn->in);
		g_byte_array_append(in, data, len);
		used = cblue_ws_connection_process(conn, in->data, in->len);
		if (conn->in == in)
			g_byte_array_remove_range(in, 0, used);
		return;
	}
	used = cblue_ws_connection_process(conn, data, len);
	if (used < len && conn->state != CBLUE_WS_STATE_CLOSED) {
		if (conn->in == NULL)
			conn->in = g_byte_array_new();
		g_byte_array_append(conn->in, data + used, len - used);
	}
}

static void
cblue_ws_connection_read(CblueWsConnection *conn)
{
	gsize size;
	guint8 *buf = cblue_epoll_scratch(conn->epoll, &size);

	while (conn->state != CBLUE_WS_STATE_CLOSED) {
		gssize n = recv(conn->fd, buf, size, MSG_DONTWAIT);
		if (n > 0) {
			cblue_ws_connection_feed(conn, buf, n);
			/* level-triggered: what is left is reported again */
			if ((gsize)n < size)
				return;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		/* the end of the stream, or an error */
		cblue_ws_connection_finish(conn);
		return;
	}
}

static void
cblue_ws_connection_io_cb(guint32 events, gpointer user_data)
{
	g_autoptr(CblueWsConnection) conn = cblue_ws_connection_ref(user_data);

	if (events & EPOLLOUT)
		cblue_ws_connection_flush(conn);
	if (events & (EPOLLIN | EPOLLERR | EPOLLHUP))
		cblue_ws_connection_read(conn);
}

static void
cblue_ws_connection_ping_cb(gpointer user_data)
{
	CblueWsConnection *conn = user_data;

	if (conn->state != CBLUE_WS_STATE_OPEN)
		return;
	cblue_ws_connection_send_frame(conn, CBLUE_WS_OP_PING, NULL, 0);
	cblue_epoll_timer_start(conn->epoll, &conn->timer, conn->ping_interval * 1000, cblue_ws_connection_ping_cb,
				conn);
}

/* the bytes the handshake's reader took from the socket beyond the request, if any */
static void
cblue_ws_connection_take_buffered(CblueWsConnection *conn, GIOStream *stream)
{
	GInputStream *input = g_io_stream_get_input_stream(stream);
	guint8 buf[4096];

	if (!G_IS_POLLABLE_INPUT_STREAM(input) || !g_pollable_input_stream_can_poll(G_POLLABLE_INPUT_STREAM(input)))
		return;
	for (;;) {
		gssize n = g_pollable_input_stream_read_nonblocking(G_POLLABLE_INPUT_STREAM(input), buf, sizeof(buf),
								    NULL, NULL);
		if (n <= 0)
			break;
		if (conn->in == NULL)
			conn->in = g_byte_array_new();
		g_byte_array_append(conn->in, buf, n);
	}
}

static void
cblue_ws_connection_start_cb(gpointer user_data)
{
	g_autoptr(CblueWsConnection) conn = cblue_ws_connection_ref(user_data);

	if (!conn->watch.registered) {
		cblue_ws_connection_finish(conn);
		return;
	}
	if (conn->ping_interval > 0)
		cblue_epoll_timer_start(conn->epoll, &conn->timer, conn->ping_interval * 1000,
					cblue_ws_connection_ping_cb, conn);
	if (conn->in != NULL && conn->in->len > 0)
		cblue_ws_connection_feed(conn, (guint8 *)"", 0);
}

CblueWsConnection *
cblue_ws_connection_new(CblueEpoll *epoll, GSocket *socket, GIOStream *stream, guint64 max_payload,
			guint ping_interval, const CblueWsCallbacks *callbacks, gpointer user_data)
{
	CblueWsConnection *conn = g_new0(CblueWsConnection, 1);

	conn->ref_count = 1;
	conn->epoll = epoll;
	conn->socket = g_object_ref(socket);
	conn->stream = stream != NULL ? g_object_ref(stream) : NULL;
	conn->fd = g_socket_get_fd(socket);
	conn->callbacks = *callbacks;
	conn->user_data = user_data;
	conn->max_payload = max_payload;
	conn->ping_interval = ping_interval;
	conn->state = CBLUE_WS_STATE_OPEN;
	if (stream != NULL)
		cblue_ws_connection_take_buffered(conn, stream);
	/* when it cannot be watched, the first callback closes it */
	cblue_epoll_watch_add(epoll, &conn->watch, conn->fd, EPOLLIN, cblue_ws_connection_io_cb, conn);
	/* the first bytes and the first ping from the dispatcher, not from the caller */
	cblue_epoll_timer_start(epoll, &conn->timer, 0, cblue_ws_connection_start_cb, conn);
	return conn;
}

CblueWsConnection *
cblue_ws_connection_ref(CblueWsConnection *conn)
{
	conn->ref_count++;
	return conn;
}

void
cblue_ws_connection_unref(CblueWsConnection *conn)
{
	if (--conn->ref_count > 0)
		return;
	memset(&conn->callbacks, 0, sizeof(conn->callbacks));
	cblue_ws_connection_finish(conn);
	g_clear_object(&conn->stream);
	g_object_unref(conn->socket);
	g_free(conn);
}

CblueWsState
cblue_ws_connection_get_state(CblueWsConnection *conn)
{
	return conn->state;
}

gushort
cblue_ws_connection_get_close_code(CblueWsConnection *conn)
{
	return conn->close_code;
}

void
cblue_ws_connection_set_max_queued(CblueWsConnection *conn, gsize max_queued)
{
	conn->max_queued = max_queued;
}

gboolean
cblue_ws_connection_get_too_slow(CblueWsConnection *conn)
{
	return conn->too_slow;
}

gsize
cblue_ws_connection_get_queued(CblueWsConnection *conn)
{
	return cblue_ws_connection_queued(conn);
}

void
cblue_ws_connection_send_text(CblueWsConnection *conn, const gchar *text, gsize len)
{
	if (conn->state != CBLUE_WS_STATE_OPEN)
		return;
	cblue_ws_connection_send_frame(conn, CBLUE_WS_OP_TEXT, (const guint8 *)text, len);
}

void
cblue_ws_connection_close(CblueWsConnection *conn, gushort code, const gchar *reason)
{
	cblue_ws_connection_start_closing(conn, code, reason, FALSE);
}

void
cblue_ws_connection_abort(CblueWsConnection *conn)
{
	g_autoptr(CblueWsConnection) hold = cblue_ws_connection_ref(conn);
	cblue_ws_connection_finish(conn);
}

void
cblue_ws_connection_forget_callbacks(CblueWsConnection *conn)
{
	memset(&conn->callbacks, 0, sizeof(conn->callbacks));
}
