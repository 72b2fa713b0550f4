/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* The floor of the streaming relay (issue #8): the least a relay must do on this machine to
 * take a model's tokens from an OpenAI-compatible SSE stream and send each one to a
 * WebSocket client as a frame of its own. Plain C, epoll, no GLib, no allocation per token,
 * nothing but what the bytes need; bench/llm-stream.py --floor runs it in place of
 * `cblue serve`, against the same fake provider and clients (bench/llm-stream-client), so
 * that its CPU per message and added latency are measured exactly as Cblue's are.
 *
 *   relay-floor PROVIDER_PORT [THREADS]   prints http://127.0.0.1:PORT/ and serves
 *
 * Per conversation, the same bytes as `cblue serve`: the WebSocket upgrade (with the real
 * Sec-WebSocket-Accept), the customer's masked text frame, {"type":"typing"}, a keep-alive
 * HTTP/1.1 POST to the provider (a pooled connection of the thread's, else a new
 * non-blocking connect), its chunked text/event-stream answer decoded from the socket,
 * one {"type":"token","text":"…"} text frame per `data:` event with content, then
 * {"type":"reply",…}. Every frame that one receive of the provider's socket yields goes
 * out in one send (frames are not merged: one per token, as the issue asks). Nothing else:
 * no retrieval, redaction, prompt, store, timeouts, metrics or logging — that is Cblue's
 * fixed part, and not what this measures. THREADS (default: one per core) event loops,
 * each with its own listening socket on the port (SO_REUSEPORT), its connections and its
 * own provider pool. Not a test and not part of any suite. */

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUF_SIZE 16384
#define REPLY_MAX 8192

typedef enum { C_HANDSHAKE, C_WAIT_MESSAGE, C_STREAMING, C_DONE } ClientState;
typedef enum { U_CONNECTING, U_HEAD, U_CHUNK_SIZE, U_CHUNK_DATA, U_CHUNK_CRLF, U_IDLE } UpState;

typedef struct Up Up;

/* the customer's WebSocket connection */
typedef struct {
	int kind; /* 0: client, 1: upstream (first member of both) */
	int fd;
	ClientState state;
	Up *up;
	char in[4096];
	size_t in_len;
	char reply[REPLY_MAX]; /* the answer so far, JSON-escaped as it came */
	size_t reply_len;
} Client;

/* a keep-alive connection to the provider */
struct Up {
	int kind;
	int fd;
	UpState state;
	Client *client; /* NULL when idle in the pool */
	Up *next_idle;
	size_t chunk_left;
	char line[BUF_SIZE]; /* the SSE text of an incomplete event */
	size_t line_len;
	char head[1024];
	size_t head_len;
};

typedef struct {
	int epfd;
	int listener;
	Up *idle;
	char out[BUF_SIZE * 2]; /* the frames of one receive */
	size_t out_len;
} Loop;

static struct sockaddr_in provider_addr;

/* SHA-1 (FIPS 180-4), for Sec-WebSocket-Accept only -------------------------------------- */

static uint32_t
rol(uint32_t x, int n)
{
	return (x << n) | (x >> (32 - n));
}

static void
sha1(const unsigned char *data, size_t len, unsigned char out[20])
{
	uint32_t h[5] = { 0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0 };
	unsigned char block[64];
	size_t total = ((len + 8) / 64 + 1) * 64;

	for (size_t off = 0; off < total; off += 64) {
		uint32_t w[80], a, b, c, d, e;
		for (size_t i = 0; i < 64; i++) {
			size_t k = off + i;
			if (k < len)
				block[i] = data[k];
			else if (k == len)
				block[i] = 0x80;
			else if (k >= total - 8)
				block[i] = (unsigned char)(((uint64_t)len * 8) >> (8 * (total - 1 - k)));
			else
				block[i] = 0;
		}
		for (int i = 0; i < 16; i++)
			w[i] = (uint32_t)block[4 * i] << 24 | (uint32_t)block[4 * i + 1] << 16 |
			       (uint32_t)block[4 * i + 2] << 8 | block[4 * i + 3];
		for (int i = 16; i < 80; i++)
			w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
		a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
		for (int i = 0; i < 80; i++) {
			uint32_t f, k, t;
			if (i < 20)
				f = (b & c) | (~b & d), k = 0x5A827999;
			else if (i < 40)
				f = b ^ c ^ d, k = 0x6ED9EBA1;
			else if (i < 60)
				f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
			else
				f = b ^ c ^ d, k = 0xCA62C1D6;
			t = rol(a, 5) + f + e + k + w[i];
			e = d, d = c, c = rol(b, 30), b = a, a = t;
		}
		h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
	}
	for (int i = 0; i < 5; i++)
		for (int j = 0; j < 4; j++)
			out[4 * i + j] = (unsigned char)(h[i] >> (24 - 8 * j));
}

static size_t
base64(const unsigned char *in, size_t len, char *out)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t o = 0;
	for (size_t i = 0; i < len; i += 3) {
		uint32_t v = (uint32_t)in[i] << 16 | (i + 1 < len ? (uint32_t)in[i + 1] << 8 : 0) |
			     (i + 2 < len ? in[i + 2] : 0);
		out[o++] = alphabet[(v >> 18) & 63];
		out[o++] = alphabet[(v >> 12) & 63];
		out[o++] = i + 1 < len ? alphabet[(v >> 6) & 63] : '=';
		out[o++] = i + 2 < len ? alphabet[v & 63] : '=';
	}
	return o;
}

/* I/O ------------------------------------------------------------------------------------ */

static void
send_all(int fd, const char *data, size_t len)
{
	/* small frames on a socket whose peer reads: they fit in its buffer (a floor, not a
	 * server: a peer that stops reading loses the rest) */
	while (len > 0) {
		ssize_t n = send(fd, data, len, MSG_NOSIGNAL);
		if (n <= 0)
			return;
		data += n;
		len -= (size_t)n;
	}
}

/* appends a text frame (server to client: unmasked) to the loop's output */
static void
frame_begin(Loop *loop, size_t payload_len)
{
	unsigned char *p = (unsigned char *)loop->out + loop->out_len;
	p[0] = 0x81;
	if (payload_len < 126) {
		p[1] = (unsigned char)payload_len;
		loop->out_len += 2;
	} else {
		p[1] = 126;
		p[2] = (unsigned char)(payload_len >> 8);
		p[3] = (unsigned char)payload_len;
		loop->out_len += 4;
	}
}

static void
out_append(Loop *loop, const char *data, size_t len)
{
	memcpy(loop->out + loop->out_len, data, len);
	loop->out_len += len;
}

static void
flush_out(Loop *loop, Client *c)
{
	if (loop->out_len > 0 && c != NULL)
		send_all(c->fd, loop->out, loop->out_len);
	loop->out_len = 0;
}

static void
watch(Loop *loop, int fd, void *tag, uint32_t events, int op)
{
	struct epoll_event ev = { .events = events, .data.ptr = tag };
	epoll_ctl(loop->epfd, op, fd, &ev);
}

static void
up_close(Loop *loop, Up *up)
{
	epoll_ctl(loop->epfd, EPOLL_CTL_DEL, up->fd, NULL);
	close(up->fd);
	free(up);
}

static void
client_close(Loop *loop, Client *c)
{
	epoll_ctl(loop->epfd, EPOLL_CTL_DEL, c->fd, NULL);
	close(c->fd);
	if (c->up != NULL) {
		/* gone mid-stream: that provider connection is not reusable */
		up_close(loop, c->up);
	}
	free(c);
}

static void
up_send_request(Up *up, Client *c, const char *question, size_t question_len)
{
	char request[2048];
	char body[1536];
	int body_len = snprintf(body, sizeof(body),
				"{\"model\":\"bench\",\"stream\":true,\"temperature\":0.2,\"max_tokens\":512,"
				"\"messages\":[{\"role\":\"system\",\"content\":\"Answer only from the knowledge "
				"given.\"},{\"role\":\"user\",\"content\":\"%.*s\"}]}",
				(int)question_len, question);
	int len = snprintf(request, sizeof(request),
			   "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
			   "application/json\r\nAccept: text/event-stream\r\nContent-Length: %d\r\n\r\n%s",
			   body_len, body);
	(void)c;
	send_all(up->fd, request, (size_t)len);
}

static void
start_answer(Loop *loop, Client *c, const char *question, size_t question_len)
{
	static const char typing[] = "{\"type\":\"typing\"}";
	Up *up = loop->idle;

	frame_begin(loop, sizeof(typing) - 1);
	out_append(loop, typing, sizeof(typing) - 1);
	flush_out(loop, c);
	if (up != NULL) {
		loop->idle = up->next_idle;
	} else {
		int one = 1;
		up = calloc(1, sizeof(Up));
		up->kind = 1;
		up->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
		setsockopt(up->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		if (connect(up->fd, (struct sockaddr *)&provider_addr, sizeof(provider_addr)) != 0 &&
		    errno != EINPROGRESS) {
			perror("connect");
			exit(2);
		}
		up->state = U_CONNECTING;
		watch(loop, up->fd, up, EPOLLIN | EPOLLOUT, EPOLL_CTL_ADD);
	}
	up->client = c;
	c->up = up;
	c->state = C_STREAMING;
	c->reply_len = 0;
	if (up->state != U_CONNECTING) {
		up->state = U_HEAD;
		up->head_len = 0;
		up_send_request(up, c, question, question_len);
	} else {
		/* sent once connected: the question is kept in the client's buffer */
		memmove(c->in, question, question_len);
		c->in_len = question_len;
	}
}

/* the customer's side -------------------------------------------------------------------- */

static void client_message(Loop *loop, Client *c);

static void
client_handshake(Loop *loop, Client *c)
{
	static const char guid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
	char *end = memmem(c->in, c->in_len, "\r\n\r\n", 4);
	char *key = NULL;
	size_t key_len = 0;
	char concat[128];
	unsigned char digest[20];
	char accept[32];
	char response[256];
	int len;

	if (end == NULL)
		return;
	for (char *line = c->in; line < end; line = memmem(line, (size_t)(end - line) + 2, "\r\n", 2) + 2) {
		if (strncasecmp(line, "Sec-WebSocket-Key:", 18) == 0) {
			key = line + 18;
			while (*key == ' ')
				key++;
			key_len = (size_t)((char *)memmem(key, (size_t)(end - key) + 2, "\r\n", 2) - key);
		}
	}
	if (key == NULL || key_len > 64) {
		client_close(loop, c);
		return;
	}
	memcpy(concat, key, key_len);
	memcpy(concat + key_len, guid, sizeof(guid) - 1);
	sha1((unsigned char *)concat, key_len + sizeof(guid) - 1, digest);
	accept[base64(digest, 20, accept)] = '\0';
	len = snprintf(response, sizeof(response),
		       "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
		       "Sec-WebSocket-Accept: %s\r\n\r\n",
		       accept);
	send_all(c->fd, response, (size_t)len);
	c->in_len -= (size_t)(end + 4 - c->in);
	memmove(c->in, end + 4, c->in_len);
	c->state = C_WAIT_MESSAGE;
	if (c->in_len > 0)
		client_message(loop, c);
}

/* the customer's masked text frame: its "text" is the question */
static void
client_message(Loop *loop, Client *c)
{
	unsigned char *p = (unsigned char *)c->in;
	size_t header = 2, len;
	unsigned char *mask;
	char *text, *quote;

	if (c->in_len < 2)
		return;
	len = p[1] & 0x7F;
	if (len == 126) {
		header = 4;
		if (c->in_len < 4)
			return;
		len = (size_t)p[2] << 8 | p[3];
	} else if (len == 127) {
		client_close(loop, c);
		return;
	}
	if (c->in_len < header + 4 + len)
		return;
	mask = p + header;
	for (size_t i = 0; i < len; i++)
		p[header + 4 + i] ^= mask[i % 4];
	if ((p[0] & 0x0F) == 0x8) {
		client_close(loop, c);
		return;
	}
	text = memmem(p + header + 4, len, "\"text\":\"", 8);
	if (text == NULL) {
		client_close(loop, c);
		return;
	}
	text += 8;
	quote = memchr(text, '"', len - (size_t)(text - (char *)(p + header + 4)));
	if (quote == NULL) {
		client_close(loop, c);
		return;
	}
	c->in_len = 0;
	start_answer(loop, c, text, (size_t)(quote - text));
}

static void
client_readable(Loop *loop, Client *c)
{
	ssize_t n = recv(c->fd, c->in + c->in_len, sizeof(c->in) - c->in_len, 0);
	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
		return;
	if (n <= 0) {
		client_close(loop, c);
		return;
	}
	if (c->state == C_STREAMING || c->state == C_DONE)
		return; /* a close frame or a second message: not in this benchmark */
	c->in_len += (size_t)n;
	if (c->state == C_HANDSHAKE)
		client_handshake(loop, c);
	else if (c->state == C_WAIT_MESSAGE)
		client_message(loop, c);
}

/* the provider's side -------------------------------------------------------------------- */

/* one SSE event's data: a token frame for its content (the finish_reason event and
 * [DONE] have none; the answer ends with the HTTP response, at the last chunk) */
static void
sse_event(Loop *loop, Up *up, const char *data, size_t len)
{
	Client *c = up->client;
	const char *content, *end;

	content = memmem(data, len, "\"content\":\"", 11);
	if (content == NULL)
		return;
	content += 11;
	/* the JSON string as it came, escapes included: it goes out as a JSON string again */
	for (end = content; end < data + len && *end != '"'; end++)
		if (*end == '\\')
			end++;
	if (end >= data + len || end == content)
		return;
	{
		static const char prefix[] = "{\"type\":\"token\",\"text\":\"";
		size_t text_len = (size_t)(end - content);
		frame_begin(loop, sizeof(prefix) - 1 + text_len + 2);
		out_append(loop, prefix, sizeof(prefix) - 1);
		out_append(loop, content, text_len);
		out_append(loop, "\"}", 2);
		if (c->reply_len + text_len < REPLY_MAX) {
			memcpy(c->reply + c->reply_len, content, text_len);
			c->reply_len += text_len;
		}
	}
	if (loop->out_len > sizeof(loop->out) - 1024)
		flush_out(loop, c);
}

/* the decoded body: whole `data: …\n\n` events */
static void
sse_feed(Loop *loop, Up *up, const char *data, size_t len)
{
	if (up->line_len + len > sizeof(up->line))
		up->line_len = 0; /* a single event larger than the buffer: not from this provider */
	memcpy(up->line + up->line_len, data, len);
	up->line_len += len;
	{
		size_t pos = 0;
		char *end;
		while ((end = memmem(up->line + pos, up->line_len - pos, "\n\n", 2)) != NULL) {
			const char *event = up->line + pos;
			if (end - event > 6 && memcmp(event, "data: ", 6) == 0)
				sse_event(loop, up, event + 6, (size_t)(end - event - 6));
			pos = (size_t)(end - up->line) + 2;
		}
		up->line_len -= pos;
		memmove(up->line, up->line + pos, up->line_len);
	}
}

static void
finish_answer(Loop *loop, Up *up)
{
	Client *c = up->client;
	char reply[REPLY_MAX + 256];
	const char *text = c->reply;
	size_t text_len = c->reply_len;
	int len;

	/* the pieces start with a space; the reply is the trimmed answer */
	while (text_len > 0 && *text == ' ')
		text++, text_len--;
	len = snprintf(reply, sizeof(reply),
		       "{\"type\":\"reply\",\"reply\":\"%.*s\",\"outcome\":\"answered\",\"language\":\"en\","
		       "\"sources\":[]}",
		       (int)text_len, text);
	frame_begin(loop, (size_t)len);
	out_append(loop, reply, (size_t)len);
	flush_out(loop, c);
	c->up = NULL;
	c->state = C_DONE;
	up->client = NULL;
	up->state = U_IDLE;
	up->line_len = 0;
	up->next_idle = loop->idle;
	loop->idle = up;
}

static void
up_readable(Loop *loop, Up *up)
{
	char buf[BUF_SIZE];
	ssize_t n;
	size_t pos = 0;
	int done = 0;

	if (up->state == U_CONNECTING) {
		Client *c = up->client;
		watch(loop, up->fd, up, EPOLLIN, EPOLL_CTL_MOD);
		up->state = U_HEAD;
		up->head_len = 0;
		up_send_request(up, c, c->in, c->in_len);
		c->in_len = 0;
		return;
	}
	n = recv(up->fd, buf, sizeof(buf), 0);
	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
		return;
	if (n <= 0 || up->client == NULL) {
		/* closed, or data on an idle connection: drop it */
		Up **p;
		for (p = &loop->idle; *p != NULL; p = &(*p)->next_idle)
			if (*p == up) {
				*p = up->next_idle;
				break;
			}
		if (up->client != NULL) {
			up->client->up = NULL;
			client_close(loop, up->client);
		}
		up_close(loop, up);
		return;
	}
	while (pos < (size_t)n && !done) {
		switch (up->state) {
		case U_HEAD: {
			char *end;
			size_t take = (size_t)n - pos;
			if (take > sizeof(up->head) - up->head_len)
				take = sizeof(up->head) - up->head_len;
			memcpy(up->head + up->head_len, buf + pos, take);
			end = memmem(up->head, up->head_len + take, "\r\n\r\n", 4);
			if (end == NULL) {
				up->head_len += take;
				pos += take;
				break;
			}
			pos += (size_t)(end + 4 - up->head) - up->head_len;
			up->state = U_CHUNK_SIZE;
			up->head_len = 0;
			break;
		}
		case U_CHUNK_SIZE: {
			/* hex digits, then CRLF (kept in head until complete) */
			char *lf = memchr(buf + pos, '\n', (size_t)n - pos);
			size_t take = lf != NULL ? (size_t)(lf - (buf + pos)) + 1 : (size_t)n - pos;
			memcpy(up->head + up->head_len, buf + pos, take);
			up->head_len += take;
			pos += take;
			if (lf == NULL)
				break;
			up->head[up->head_len] = '\0';
			up->chunk_left = strtoul(up->head, NULL, 16);
			up->head_len = 0;
			if (up->chunk_left == 0) {
				/* the end of the response; its final CRLF comes in the same write */
				done = 1;
				break;
			}
			up->state = U_CHUNK_DATA;
			break;
		}
		case U_CHUNK_DATA: {
			size_t take = (size_t)n - pos < up->chunk_left ? (size_t)n - pos : up->chunk_left;
			sse_feed(loop, up, buf + pos, take);
			pos += take;
			up->chunk_left -= take;
			if (up->chunk_left == 0)
				up->state = U_CHUNK_CRLF;
			break;
		}
		case U_CHUNK_CRLF:
			pos++;
			if (buf[pos - 1] == '\n')
				up->state = U_CHUNK_SIZE;
			break;
		default:
			pos = (size_t)n;
			break;
		}
	}
	if (done)
		finish_answer(loop, up);
	else
		flush_out(loop, up->client);
}

/* the loops ------------------------------------------------------------------------------ */

static int
listen_on(int port)
{
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	int one = 1;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) != 0 || listen(fd, 4096) != 0) {
		perror("listen");
		exit(2);
	}
	return fd;
}

static void *
loop_run(void *data)
{
	Loop *loop = data;
	static int listener_tag;
	struct epoll_event events[256];

	watch(loop, loop->listener, &listener_tag, EPOLLIN, EPOLL_CTL_ADD);
	for (;;) {
		int ready = epoll_wait(loop->epfd, events, 256, -1);
		for (int i = 0; i < ready; i++) {
			void *tag = events[i].data.ptr;
			if (tag == &listener_tag) {
				int fd;
				while ((fd = accept4(loop->listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
					Client *c = calloc(1, sizeof(Client));
					int one = 1;
					setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
					c->fd = fd;
					watch(loop, fd, c, EPOLLIN, EPOLL_CTL_ADD);
				}
			} else if (*(int *)tag == 0) {
				client_readable(loop, tag);
			} else {
				up_readable(loop, tag);
			}
		}
	}
	return NULL;
}

int
main(int argc, char **argv)
{
	struct sockaddr_in addr;
	socklen_t addr_len = sizeof(addr);
	struct rlimit limit;
	long threads = argc > 2 ? atol(argv[2]) : sysconf(_SC_NPROCESSORS_ONLN);
	Loop *loops;

	if (argc < 2 || argc > 3 || threads < 1) {
		fprintf(stderr, "usage: %s PROVIDER_PORT [THREADS]\n", argv[0]);
		return 2;
	}
	if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
		limit.rlim_cur = limit.rlim_max;
		setrlimit(RLIMIT_NOFILE, &limit);
	}
	provider_addr.sin_family = AF_INET;
	provider_addr.sin_port = htons((uint16_t)atoi(argv[1]));
	provider_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	loops = calloc((size_t)threads, sizeof(Loop));
	for (long i = 0; i < threads; i++) {
		loops[i].epfd = epoll_create1(0);
		loops[i].listener = listen_on(i == 0 ? 0 : ntohs(addr.sin_port));
		if (i == 0)
			getsockname(loops[0].listener, (struct sockaddr *)&addr, &addr_len);
	}
	printf("http://127.0.0.1:%u/\n", ntohs(addr.sin_port));
	fflush(stdout);
	for (long i = 1; i < threads; i++) {
		pthread_t thread;
		pthread_create(&thread, NULL, loop_run, &loops[i]);
	}
	loop_run(&loops[0]);
	return 0;
}
