/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <gio/gio.h>

#include "cblue-epoll-private.h"

G_BEGIN_DECLS

/*
 * The server side of an RFC 6455 connection, once the handshake is done (docs/server.md,
 * "WebSocket threads"): frames are read from and written to the socket directly, on the
 * thread's CblueEpoll. No extension is negotiated (no permessage-deflate): the handshake of
 * the native connection offers none.
 */

typedef struct _CblueWsConnection CblueWsConnection;

typedef enum {
	CBLUE_WS_STATE_OPEN,
	CBLUE_WS_STATE_CLOSING, /* our close frame is sent: waiting for the peer's */
	CBLUE_WS_STATE_CLOSED,
} CblueWsState;

/* the data types, as SoupWebsocketDataType */
#define CBLUE_WS_DATA_TEXT   1
#define CBLUE_WS_DATA_BINARY 2

/* close codes used here, as SoupWebsocketCloseCode */
#define CBLUE_WS_CLOSE_NORMAL	      1000
#define CBLUE_WS_CLOSE_PROTOCOL_ERROR 1002
#define CBLUE_WS_CLOSE_NO_STATUS      1005
#define CBLUE_WS_CLOSE_ABNORMAL	      1006
#define CBLUE_WS_CLOSE_BAD_DATA	      1007
#define CBLUE_WS_CLOSE_POLICY_VIOLATION 1008
#define CBLUE_WS_CLOSE_TOO_BIG	      1009

typedef struct {
	/* a whole message (fragments joined; text is valid UTF-8) */
	void (*message)(CblueWsConnection *conn, gint type, GBytes *bytes, gpointer user_data);
	void (*pong)(CblueWsConnection *conn, gpointer user_data);
	/* once, when the socket is closed; nothing is called after it */
	void (*closed)(CblueWsConnection *conn, gpointer user_data);
} CblueWsCallbacks;

/* the header of one frame, as parsed */
typedef struct {
	gboolean fin;
	guint8 rsv;    /* the three RSV bits, in the low bits */
	guint8 opcode;
	gboolean masked;
	guint8 mask[4];
	guint64 payload_len;
	gsize header_len;
} CblueWsFrameHeader;

/* 1: @header is parsed from @data; 0: more bytes are needed */
gint cblue_ws_frame_header_parse(const guint8 *data, gsize len, CblueWsFrameHeader *header);
/* writes the header of a final, unmasked frame; returns its length (2, 4 or 10) */
gsize cblue_ws_frame_header_write(guint8 out[10], guint8 opcode, guint64 payload_len);

/*
 * Takes over @socket (non-blocking) on @epoll. @stream (nullable, ref taken) is the stream
 * the socket came with: it is closed with the connection, and the bytes it has already
 * buffered are read first. Pings are sent every @ping_interval s (0: never); a message
 * larger than @max_payload is refused with 1009.
 */
CblueWsConnection *cblue_ws_connection_new(CblueEpoll *epoll, GSocket *socket, GIOStream *stream, guint64 max_payload,
					   guint ping_interval, const CblueWsCallbacks *callbacks,
					   gpointer user_data);
CblueWsConnection *cblue_ws_connection_ref(CblueWsConnection *conn);
void cblue_ws_connection_unref(CblueWsConnection *conn);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueWsConnection, cblue_ws_connection_unref)

CblueWsState cblue_ws_connection_get_state(CblueWsConnection *conn);
/* the code of the peer's close frame, 1005 if it had none, 1006 if none came; 0 while open */
gushort cblue_ws_connection_get_close_code(CblueWsConnection *conn);
/*
 * At most @max_queued bytes (0: no bound) wait for a peer that does not read: a frame that
 * would queue more closes the connection with 1008 "client too slow", and what was queued
 * (past the frame partly on the wire) is dropped. The close frame itself may pass the bound.
 */
void cblue_ws_connection_set_max_queued(CblueWsConnection *conn, gsize max_queued);
/* TRUE once the bound above closed the connection */
gboolean cblue_ws_connection_get_too_slow(CblueWsConnection *conn);
/* bytes waiting for the socket */
gsize cblue_ws_connection_get_queued(CblueWsConnection *conn);
/* one frame, in order after those sent before; nothing once closing */
void cblue_ws_connection_send_text(CblueWsConnection *conn, const gchar *text, gsize len);
/* sends a close frame; the socket is closed when the peer answers, or after a timeout */
void cblue_ws_connection_close(CblueWsConnection *conn, gushort code, const gchar *reason);
/* closes the socket now (calls closed); then no callback is called any more */
void cblue_ws_connection_abort(CblueWsConnection *conn);
void cblue_ws_connection_forget_callbacks(CblueWsConnection *conn);

G_END_DECLS
