/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* The client side of bench/llm-stream.py, in C so that the benchmark measures the server
 * and not the Python client: at a thousand streams of 50 tokens a second, an asyncio
 * client parsing every frame needs more than a core by itself and its own queueing
 * dominated the latency it reported.
 *
 *   llm-stream-client ws PORT N    N WebSocket conversations with `cblue serve`
 *   llm-stream-client sse PORT N   N streams read straight from the fake provider
 *   llm-stream-client provider TOKENS INTERVAL_MS [synchronized]
 *                                  the fake provider (prints its port)
 *
 * Every connection is opened at once and driven by one epoll loop. Each token of the fake
 * provider is ` t<CLOCK_MONOTONIC ns at send>`; its latency is the receive time minus that.
 * Printed on stdout: one `latency_ms VALUE ORDINAL` line per token (ORDINAL: 0 for the
 * first token of its stream), then
 * `result completed=… fallback=… errors=… dropped=… refused=… tokens=… elapsed=…`. */

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#define QUESTION "How much is a rooftop solar system?"

typedef enum { MODE_WS, MODE_SSE } Mode;
typedef enum { STATE_CONNECTING, STATE_HEADERS, STATE_BODY, STATE_DONE } State;

typedef struct {
	int fd;
	State state;
	char *buf;
	size_t len;
	size_t cap;
	unsigned tokens;
	unsigned frames;
} Conn;

typedef struct {
	unsigned completed, fallback, errors, dropped, refused, frames;
} Results;

static Mode mode;
static Results results;
static unsigned open_conns;
static double *latencies;
static unsigned *ordinals; /* of each latency: the token's place in its stream */
static size_t n_latencies, cap_latencies;

static long long
now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void
add_latency(double ms, unsigned ordinal)
{
	if (n_latencies == cap_latencies) {
		cap_latencies = cap_latencies ? cap_latencies * 2 : 65536;
		latencies = realloc(latencies, cap_latencies * sizeof(double));
		ordinals = realloc(ordinals, cap_latencies * sizeof(unsigned));
		if (latencies == NULL || ordinals == NULL)
			abort();
	}
	ordinals[n_latencies] = ordinal;
	latencies[n_latencies++] = ms;
}

/* every ` t<digits>` word of a token's text */
static unsigned
scan_tokens(const char *text, size_t length, long long received, unsigned first_ordinal)
{
	unsigned found = 0;
	for (size_t i = 0; i + 1 < length; i++) {
		long long sent = 0;
		size_t j;
		if (text[i] != 't' || (i > 0 && text[i - 1] != ' '))
			continue;
		for (j = i + 1; j < length && text[j] >= '0' && text[j] <= '9'; j++)
			sent = sent * 10 + (text[j] - '0');
		if (j == i + 1)
			continue;
		add_latency((double)(received - sent) / 1e6, first_ordinal + found);
		found++;
		i = j;
	}
	return found;
}

static int
fcntl_nonblock(int fd)
{
	int flags = fcntl(fd, F_GETFL);
	return flags < 0 ? -1 : fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

static void
send_all(int fd, const void *data, size_t length)
{
	/* small writes on a fresh socket: they fit in its buffer */
	if (write(fd, data, length) != (ssize_t)length) {
		perror("write");
		exit(2);
	}
}

static void
finish(Conn *c, int epfd)
{
	if (c->state == STATE_DONE)
		return;
	c->state = STATE_DONE;
	epoll_ctl(epfd, EPOLL_CTL_DEL, c->fd, NULL);
	close(c->fd);
	free(c->buf);
	c->buf = NULL;
	open_conns--;
}

static void
send_request(Conn *c)
{
	char request[512];
	int n;
	if (mode == MODE_WS) {
		n = snprintf(request, sizeof(request),
			     "GET /api/v1/chat/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
			     "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
			     "Sec-WebSocket-Version: 13\r\n\r\n");
	} else {
		const char *body = "{\"model\":\"bench\",\"stream\":true}";
		n = snprintf(request, sizeof(request),
			     "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: %zu\r\n\r\n%s",
			     strlen(body), body);
	}
	send_all(c->fd, request, (size_t)n);
}

static void
send_question(Conn *c)
{
	const char *payload = "{\"type\":\"message\",\"text\":\"" QUESTION "\"}";
	size_t length = strlen(payload);
	unsigned char frame[256];
	const unsigned char mask[4] = { 0x12, 0x34, 0x56, 0x78 };

	frame[0] = 0x81;
	frame[1] = 0x80 | (unsigned char)length;
	memcpy(frame + 2, mask, 4);
	for (size_t i = 0; i < length; i++)
		frame[6 + i] = (unsigned char)payload[i] ^ mask[i % 4];
	send_all(c->fd, frame, 6 + length);
}

/* WebSocket frames from the server (unmasked); FALSE once the conversation is over */
static int
ws_frames(Conn *c, long long received)
{
	size_t pos = 0;
	int more = 1;

	while (more) {
		const unsigned char *p = (const unsigned char *)c->buf + pos;
		size_t avail = c->len - pos;
		size_t header = 2;
		unsigned long long length;
		const char *data;

		if (avail < 2)
			break;
		length = p[1] & 0x7F;
		if (length == 126) {
			header = 4;
			if (avail < header)
				break;
			length = ((unsigned long long)p[2] << 8) | p[3];
		} else if (length == 127) {
			header = 10;
			if (avail < header)
				break;
			length = 0;
			for (int i = 0; i < 8; i++)
				length = (length << 8) | p[2 + i];
		}
		if (avail < header + length)
			break;
		data = (const char *)p + header;
		pos += header + length;
		if ((p[0] & 0x0F) != 1)
			continue;
		if (length > 16 && memcmp(data, "{\"type\":\"token\"", 15) == 0) {
			c->frames++;
			c->tokens += scan_tokens(data, (size_t)length, received, c->tokens);
		} else if (length > 16 && memcmp(data, "{\"type\":\"reply\"", 15) == 0) {
			/* from the model: answered, and the text is the tokens' */
			if (memmem(data, length, "\"outcome\":\"answered\"", 20) != NULL &&
			    memmem(data, length, "\"reply\":\"t", 10) != NULL)
				results.completed++;
			else
				results.fallback++;
			results.frames += c->frames;
			more = 0;
		} else if (length > 16 && memcmp(data, "{\"type\":\"error\"", 15) == 0) {
			results.errors++;
			more = 0;
		}
	}
	memmove(c->buf, c->buf + pos, c->len - pos);
	c->len -= pos;
	return more;
}

/* the provider's chunked SSE body: complete events only */
static int
sse_events(Conn *c, long long received)
{
	size_t pos = 0;
	int more = 1;
	char *end;

	while ((end = memmem(c->buf + pos, c->len - pos, "\n\n", 2)) != NULL) {
		const char *event = c->buf + pos;
		size_t length = (size_t)(end - event);
		const char *content = memmem(event, length, "\"content\":\"", 11);
		pos = (size_t)(end - c->buf) + 2;
		if (content != NULL) {
			const char *text = content + 11;
			const char *quote = memchr(text, '"', length - (size_t)(text - event));
			if (quote != NULL)
				c->tokens += scan_tokens(text, (size_t)(quote - text), received, c->tokens);
		}
		if (memmem(event, length, "data: [DONE]", 12) != NULL) {
			results.completed++;
			results.frames += c->tokens;
			more = 0;
			break;
		}
	}
	memmove(c->buf, c->buf + pos, c->len - pos);
	c->len -= pos;
	return more;
}

static void
on_readable(Conn *c, int epfd)
{
	for (;;) {
		ssize_t n;
		long long received;
		if (c->cap - c->len < 4096) {
			c->cap = c->cap ? c->cap * 2 : 8192;
			c->buf = realloc(c->buf, c->cap);
			if (c->buf == NULL)
				abort();
		}
		n = read(c->fd, c->buf + c->len, c->cap - c->len);
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		if (n <= 0) {
			if (c->state == STATE_HEADERS)
				results.refused++;
			else
				results.dropped++;
			finish(c, epfd);
			return;
		}
		received = now_ns();
		c->len += (size_t)n;
		if (c->state == STATE_HEADERS) {
			char *end = memmem(c->buf, c->len, "\r\n\r\n", 4);
			size_t head;
			if (end == NULL)
				continue;
			head = (size_t)(end - c->buf) + 4;
			if (mode == MODE_WS && strncmp(c->buf, "HTTP/1.1 101", 12) != 0) {
				results.refused++;
				finish(c, epfd);
				return;
			}
			memmove(c->buf, c->buf + head, c->len - head);
			c->len -= head;
			c->state = STATE_BODY;
			if (mode == MODE_WS)
				send_question(c);
		}
		if (c->state == STATE_BODY && !(mode == MODE_WS ? ws_frames(c, received) : sse_events(c, received))) {
			finish(c, epfd);
			return;
		}
	}
}

/* the fake provider ------------------------------------------------------------------ */

/* An OpenAI-compatible streaming endpoint in one epoll loop: any POST gets a chunked
 * text/event-stream answer of TOKENS chunks, one every INTERVAL ms, each
 * `{"choices":[{"index":0,"delta":{"content":" t<ns>"},"finish_reason":null}]}` stamped just
 * before its write, then a finish_reason chunk and `data: [DONE]`; connections are kept
 * alive for the next request. Each stream keeps its own clock from its request's arrival,
 * as a real provider's streams do (checked every millisecond); with `synchronized` every
 * stream gets its token on one shared tick instead, the worst case of bursts. */

typedef struct {
	int fd;
	int streaming;
	unsigned sent;
	long long next_ns; /* when the next chunk is due */
	char *buf;
	size_t len;
	size_t cap;
} Stream;

static long long provider_interval_ns;
static int provider_synchronized;

static int
provider_write(Stream *st, const char *data, size_t length)
{
	/* a few hundred bytes a tick: the socket buffer has room unless the reader is gone */
	return write(st->fd, data, length) == (ssize_t)length ? 0 : -1;
}

static int
provider_chunk(Stream *st, const char *event)
{
	char frame[512];
	size_t length = strlen(event);
	int n = snprintf(frame, sizeof(frame), "%zx\r\n%s\r\n", length, event);
	return provider_write(st, frame, (size_t)n);
}

/* the Stream itself is freed after the batch of events, which may still name it */
static void
provider_close(Stream *st, int epfd)
{
	if (st->fd < 0)
		return;
	epoll_ctl(epfd, EPOLL_CTL_DEL, st->fd, NULL);
	close(st->fd);
	st->fd = -1;
	st->streaming = 0;
}

/* a complete request in the buffer starts a stream; FALSE if the connection is gone */
static int
provider_readable(Stream *st, int epfd)
{
	for (;;) {
		ssize_t n;
		char *end;
		if (st->cap - st->len < 4096) {
			st->cap = st->cap ? st->cap * 2 : 8192;
			st->buf = realloc(st->buf, st->cap + 1);
			if (st->buf == NULL)
				abort();
		}
		n = read(st->fd, st->buf + st->len, st->cap - st->len);
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			break;
		if (n <= 0) {
			provider_close(st, epfd);
			return 0;
		}
		st->len += (size_t)n;
		st->buf[st->len] = '\0';
		if (st->streaming || (end = strstr(st->buf, "\r\n\r\n")) == NULL)
			continue;
		{
			size_t head = (size_t)(end - st->buf) + 4;
			size_t body = 0;
			for (char *line = st->buf; line < end; line = strstr(line, "\r\n") + 2) {
				if (strncasecmp(line, "content-length:", 15) == 0)
					body = (size_t)strtoul(line + 15, NULL, 10);
			}
			if (st->len < head + body)
				continue;
			memmove(st->buf, st->buf + head + body, st->len - head - body);
			st->len -= head + body;
		}
		{
			const char *headers = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
					      "Transfer-Encoding: chunked\r\n\r\n";
			if (provider_write(st, headers, strlen(headers)) != 0) {
				provider_close(st, epfd);
				return 0;
			}
			st->streaming = 1;
			st->sent = 0;
			st->next_ns = now_ns() + provider_interval_ns;
		}
	}
	return 1;
}

static int
provider_main(unsigned tokens, unsigned interval_ms, int synchronized)
{
	struct sockaddr_in addr = { 0 };
	socklen_t addr_length = sizeof(addr);
	struct epoll_event events[256];
	struct epoll_event ev = { .events = EPOLLIN };
	struct itimerspec tick = { { 0, 0 }, { 0, 0 } };
	Stream **streams = NULL;
	size_t n_streams = 0, cap_streams = 0;
	int listener = socket(AF_INET, SOCK_STREAM, 0);
	int timer = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
	int epfd = epoll_create1(0);
	static int listener_tag, timer_tag;

	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (listener < 0 || timer < 0 || epfd < 0 || bind(listener, (struct sockaddr *)&addr, sizeof(addr)) != 0 ||
	    listen(listener, 4096) != 0 || getsockname(listener, (struct sockaddr *)&addr, &addr_length) != 0) {
		perror("provider");
		return 2;
	}
	fcntl_nonblock(listener);
	provider_interval_ns = (long long)interval_ms * 1000000LL;
	provider_synchronized = synchronized;
	if (!synchronized)
		interval_ms = 1;
	tick.it_interval.tv_sec = interval_ms / 1000;
	tick.it_interval.tv_nsec = (long)(interval_ms % 1000) * 1000000L;
	tick.it_value = tick.it_interval;
	timerfd_settime(timer, 0, &tick, NULL);
	ev.data.ptr = &listener_tag;
	epoll_ctl(epfd, EPOLL_CTL_ADD, listener, &ev);
	ev.data.ptr = &timer_tag;
	epoll_ctl(epfd, EPOLL_CTL_ADD, timer, &ev);
	printf("%u\n", ntohs(addr.sin_port));
	fflush(stdout);

	for (;;) {
		int ready = epoll_wait(epfd, events, 256, -1);
		for (int i = 0; i < ready; i++) {
			if (events[i].data.ptr == &listener_tag) {
				int fd;
				while ((fd = accept(listener, NULL, NULL)) >= 0) {
					Stream *st = calloc(1, sizeof(Stream));
					int one = 1;
					setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
					fcntl_nonblock(fd);
					st->fd = fd;
					ev.data.ptr = st;
					epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev);
					if (n_streams == cap_streams) {
						cap_streams = cap_streams ? cap_streams * 2 : 1024;
						streams = realloc(streams, cap_streams * sizeof(Stream *));
						if (streams == NULL)
							abort();
					}
					streams[n_streams++] = st;
				}
			} else if (events[i].data.ptr == &timer_tag) {
				unsigned long long expirations;
				long long tick_ns = now_ns();
				if (read(timer, &expirations, sizeof(expirations)) < 0 && errno != EAGAIN)
					return 2;
				for (size_t k = 0; k < n_streams; k++) {
					Stream *st = streams[k];
					char event[256];
					int failed;
					if (!st->streaming || (!provider_synchronized && tick_ns < st->next_ns))
						continue;
					st->next_ns += provider_interval_ns;
					if (st->sent < tokens) {
						snprintf(event, sizeof(event),
							 "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\" t%lld\"},"
							 "\"finish_reason\":null}]}\n\n",
							 now_ns());
						failed = provider_chunk(st, event);
						st->sent++;
					} else {
						failed = provider_chunk(st, "data: {\"choices\":[{\"index\":0,\"delta\":{},"
									    "\"finish_reason\":\"stop\"}]}\n\n") ||
							 provider_chunk(st, "data: [DONE]\n\n") ||
							 provider_write(st, "0\r\n\r\n", 5);
						st->streaming = 0;
					}
					if (failed)
						provider_close(st, epfd);
				}
			} else {
				Stream *st = events[i].data.ptr;
				if (st->fd >= 0)
					provider_readable(st, epfd);
			}
		}
		/* forget closed connections */
		{
			size_t kept = 0;
			for (size_t k = 0; k < n_streams; k++) {
				if (streams[k]->fd >= 0) {
					streams[kept++] = streams[k];
				} else {
					free(streams[k]->buf);
					free(streams[k]);
				}
			}
			n_streams = kept;
		}
	}
}

int
main(int argc, char **argv)
{
	struct sockaddr_in addr = { 0 };
	struct rlimit limit;
	struct epoll_event events[256];
	Conn *conns;
	unsigned n;
	int epfd;
	long long start;

	if ((argc == 4 || argc == 5) && strcmp(argv[1], "provider") == 0)
		return provider_main((unsigned)atoi(argv[2]), (unsigned)atoi(argv[3]),
				     argc == 5 && strcmp(argv[4], "synchronized") == 0);
	if (argc != 4 || (strcmp(argv[1], "ws") != 0 && strcmp(argv[1], "sse") != 0)) {
		fprintf(stderr, "usage: %s ws|sse PORT N, or %s provider TOKENS INTERVAL_MS [synchronized]\n", argv[0], argv[0]);
		return 2;
	}
	mode = strcmp(argv[1], "ws") == 0 ? MODE_WS : MODE_SSE;
	addr.sin_family = AF_INET;
	addr.sin_port = htons((unsigned short)atoi(argv[2]));
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	n = (unsigned)atoi(argv[3]);
	if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < n + 64) {
		limit.rlim_cur = limit.rlim_max < n + 64 ? limit.rlim_max : n + 64;
		setrlimit(RLIMIT_NOFILE, &limit);
	}
	conns = calloc(n, sizeof(Conn));
	epfd = epoll_create1(0);
	if (conns == NULL || epfd < 0) {
		perror("setup");
		return 2;
	}
	start = now_ns();
	for (unsigned i = 0; i < n; i++) {
		struct epoll_event ev = { .events = EPOLLIN, .data.ptr = &conns[i] };
		int one = 1;
		conns[i].fd = socket(AF_INET, SOCK_STREAM, 0);
		if (conns[i].fd < 0 || connect(conns[i].fd, (struct sockaddr *)&addr, sizeof(addr)) != 0) {
			perror("connect");
			return 2;
		}
		setsockopt(conns[i].fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		conns[i].state = STATE_HEADERS;
		open_conns++;
		send_request(&conns[i]);
		/* reads are non-blocking from here on */
		if (fcntl_nonblock(conns[i].fd) != 0 || epoll_ctl(epfd, EPOLL_CTL_ADD, conns[i].fd, &ev) != 0) {
			perror("epoll");
			return 2;
		}
	}
	while (open_conns > 0) {
		int ready = epoll_wait(epfd, events, 256, 120000);
		if (ready <= 0)
			break;
		for (int i = 0; i < ready; i++)
			on_readable(events[i].data.ptr, epfd);
	}
	for (unsigned i = 0; i < n; i++)
		if (conns[i].state != STATE_DONE) {
			results.dropped++;
			finish(&conns[i], epfd);
		}
	for (size_t i = 0; i < n_latencies; i++)
		printf("latency_ms %.3f %u\n", latencies[i], ordinals[i]);
	printf("result completed=%u fallback=%u errors=%u dropped=%u refused=%u tokens=%u elapsed=%.3f\n",
	       results.completed, results.fallback, results.errors, results.dropped, results.refused, results.frames,
	       (double)(now_ns() - start) / 1e9);
	free(conns);
	free(latencies);
	free(ordinals);
	close(epfd);
	return 0;
}
