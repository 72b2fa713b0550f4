# SPDX-License-Identifier: LGPL-2.1-or-later
"""The fast path of `cblue serve` (docs/server.md, "The fast path"), black-box over raw
sockets: pipelined requests answered in order (the hot ones by the fast path, the others
handed to libsoup on the same connection), a request split byte by byte, a client that
stops mid-body, malformed and over-long requests answered exactly as libsoup answers them
(compared with a server run with `[server] fast_path=false`), the same responses on both
paths, connections counted, and 499 for a client that went away."""

import json
import re
import signal
import socket
import subprocess
import time

import pytest

from conftest import CBLUE
from topology_mode import TOPOLOGY
from cblue_process import stop_gracefully

pytestmark = pytest.mark.skipif(TOPOLOGY, reason="about one `cblue serve` process")


class Server:
    def __init__(self, tmp_path, name, config=""):
        base = tmp_path / name
        base.mkdir()
        conf = base / "cblue.conf"
        conf.write_text(config, encoding="utf-8")
        self.proc = subprocess.Popen(
            [CBLUE, "serve", "--port", "0", "--data-dir", str(base / "data"), "--config", str(conf)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        assert line.startswith("Listening on http://127.0.0.1:"), (line, self.proc.stderr.read())
        self.port = int(re.search(r":(\d+)/", line).group(1))

    def connect(self):
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=10)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def stop(self):
        stop_gracefully(self.proc)
        self.proc.stdout.close()
        self.proc.stderr.close()


@pytest.fixture
def servers(tmp_path):
    started = []

    def start(name, config=""):
        srv = Server(tmp_path, name, config)
        started.append(srv)
        return srv

    yield start
    for srv in started:
        srv.stop()


class Reader:
    """Responses read off a socket, one at a time (Content-Length bodies)."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = b""

    def _fill(self):
        data = self.sock.recv(65536)
        if not data:
            raise EOFError
        self.buf += data

    def response(self):
        while b"\r\n\r\n" not in self.buf:
            self._fill()
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        while len(self.buf) < length:
            self._fill()
        body, self.buf = self.buf[:length], self.buf[length:]
        return status, headers, body

    def closed(self, timeout):
        """True if the server closes the connection within @timeout seconds."""
        self.sock.settimeout(timeout)
        try:
            while True:
                if not self.sock.recv(65536):
                    return True
        except (socket.timeout, TimeoutError):
            return False
        except ConnectionResetError:
            return True


def chat_request(message, request_id=None, content_type="application/json", extra=""):
    body = json.dumps({"message": message}).encode()
    head = "POST /api/v1/chat HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    if content_type:
        head += f"Content-Type: {content_type}\r\n"
    if request_id:
        head += f"X-Request-Id: {request_id}\r\n"
    head += extra + f"Content-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


def exchange(srv, data, n=1, close_wait=0.15):
    """@n responses to @data sent at once, then whether the server closed the connection
    within @close_wait seconds"""
    with srv.connect() as sock:
        sock.sendall(data)
        reader = Reader(sock)
        responses = []
        try:
            for _ in range(n):
                responses.append(reader.response())
        except EOFError:
            return responses, True
        return responses, reader.closed(close_wait)


def test_pipelined_requests_in_order(servers):
    srv = servers("fast")
    data = (chat_request("solar price?", "p-1") + chat_request("opening hours?", "p-2") +
            b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + chat_request("cctv?", "p-3") +
            b"POST /api/v1/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 17\r\n\r\n{\"message\": nope}")
    responses, _ = exchange(srv, data, 5)
    assert [r[0] for r in responses] == [200, 200, 200, 200, 400]
    assert [r[1].get("x-request-id") for r in responses[:2]] == ["p-1", "p-2"]
    assert json.loads(responses[2][2]) == {"status": "ok"}
    # libsoup has the connection after the handover: the later chats are its too
    assert responses[3][1]["x-request-id"] == "p-3"
    assert json.loads(responses[3][2])["reply"]
    assert json.loads(responses[4][2])["error"]["code"] == "invalid_data"


def test_keepalive_many_requests(servers):
    srv = servers("fast")
    with srv.connect() as sock:
        reader = Reader(sock)
        for i in range(20):
            sock.sendall(chat_request(f"question {i}", f"k-{i}"))
            status, headers, body = reader.response()
            assert status == 200 and headers["x-request-id"] == f"k-{i}"
            assert json.loads(body)["conversation_id"]


def test_request_split_byte_by_byte(servers):
    srv = servers("fast")
    data = chat_request("ติดโซลาร์เซลล์ราคาเท่าไหร่", "split-1")
    with srv.connect() as sock:
        for i in range(len(data)):
            sock.send(data[i:i + 1])
            time.sleep(0.001)
        status, headers, body = Reader(sock).response()
    assert status == 200 and headers["x-request-id"] == "split-1"
    assert json.loads(body)["language"] == "th"


def test_client_stops_mid_body(servers):
    srv = servers("fast", "[server]\nrequest_timeout=1\n")
    data = chat_request("a message that never arrives whole")
    with srv.connect() as sock:
        sock.sendall(data[:-5])
        start = time.monotonic()
        # the sweep runs once a second: closed after 1 to 3 s, without a response
        assert Reader(sock).closed(5)
        assert 0.9 <= time.monotonic() - start <= 4.5
    # a head that never ends, too
    with srv.connect() as sock:
        sock.sendall(data[:40])
        assert Reader(sock).closed(5)
    responses, _ = exchange(srv, chat_request("still there?"))
    assert responses[0][0] == 200


# malformed or unusual requests: the fast path hands them to libsoup, so the answer is
# libsoup's own, byte for byte apart from the date and the request id
ODD_REQUESTS = {
    "malformed request line": b"POST  /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
    "garbage": b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",
    "bare LF": b"POST /api/v1/chat HTTP/1.1\nHost: x\nContent-Type: application/json\nContent-Length: 2\n\n{}",
    "over-long header": (b"POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nX-Long: " + b"a" * 20000 +
                         b"\r\nContent-Length: 2\r\n\r\n{}"),
    "too many headers": (b"POST /api/v1/chat HTTP/1.1\r\nHost: x\r\n" +
                         b"".join(b"X-H%d: v\r\n" % i for i in range(100)) +
                         b"Content-Type: application/json\r\nContent-Length: 16\r\n\r\n{\"message\":\"hi\"}"),
    "bad Content-Length": b"POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n{}",
    "two Content-Lengths": (b"POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                            b"Content-Length: 3\r\n\r\n{}x"),
    "body over the limit": (b"POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            b"Content-Length: 70000\r\n\r\n" + b" " * 70000),
    "chunked": (b"POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"),
    "HTTP/1.0": b"POST /api/v1/chat HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
    "no Host": b"POST /api/v1/chat HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
    "line folding": (b"POST /api/v1/chat HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 2\r\n\r\n{}"),
}


def normalized(responses):
    out = []
    for status, headers, body in responses:
        headers = {k: v for k, v in headers.items() if k not in ("date", "x-request-id")}
        try:
            body = json.loads(body)
            body.pop("conversation_id", None)
            body.pop("message_id", None)
        except ValueError:
            pass
        out.append((status, headers, body))
    return out


def test_odd_requests_answered_as_libsoup_does(servers):
    fast = servers("fast")
    soup = servers("soup", "[server]\nfast_path=false\n")
    for name, data in ODD_REQUESTS.items():
        # a second to close: libsoup closes after a 400 promptly, but not always within
        # 0.15 s under ASan on two busy cores
        got = exchange(fast, data, close_wait=1.0)
        expected = exchange(soup, data, close_wait=1.0)
        assert normalized(got[0]) == normalized(expected[0]), name
        assert got[1] == expected[1], name
    # neither crashed
    assert exchange(fast, chat_request("hello"))[0][0][0] == 200


def test_same_responses_as_libsoup(servers):
    config = "[server]\ncors_origins=https://shop.example\n"
    fast = servers("fast", config)
    soup = servers("soup", config + "fast_path=false\n")
    cases = [
        chat_request("How much is a rooftop solar system?", "same-1", extra="Origin: https://shop.example\r\n"),
        chat_request("hello", "same-2", content_type="text/html"),
        chat_request("", "same-3"),
        chat_request("x", "same-4", extra="Origin: https://elsewhere.example\r\n"),
        chat_request("x", "bad id \x01", extra="X-Forwarded-For: 10.1.2.3\r\n"),
        chat_request("plain", "same-5", content_type=None),
    ]
    for data in cases:
        got, got_closed = exchange(fast, data)
        expected, expected_closed = exchange(soup, data)
        assert normalized(got) == normalized(expected), data
        assert got_closed == expected_closed, data
    assert got[0][1]["x-request-id"] == "same-5"


def test_rate_limit_as_libsoup(servers):
    config = "[server]\nrate_limit=0.01\nrate_limit_burst=1\n"
    fast = servers("fast", config)
    soup = servers("soup", config + "fast_path=false\n")
    for srv in (fast, soup):
        assert exchange(srv, chat_request("first"))[0][0][0] == 200
    got, got_closed = exchange(fast, chat_request("second"))
    expected, expected_closed = exchange(soup, chat_request("second"))
    assert got[0][0] == 429 and int(got[0][1]["retry-after"]) >= 1
    assert normalized(got) == normalized(expected) and got_closed == expected_closed


def metric(srv, name, **labels):
    with srv.connect() as sock:
        sock.sendall(b"GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        _, _, body = Reader(sock).response()
    want = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in body.decode().splitlines():
        m = re.match(r"^(\w+)(?:\{(.*)\})? (\S+)$", line)
        if m and m.group(1) == name:
            got = ",".join(sorted((m.group(2) or "").split(","))) if m.group(2) else ""
            if got == want:
                return float(m.group(3))
    return 0.0


def test_client_gone_is_499(servers):
    srv = servers("slow", "[plugins]\nenabled=dummy\ndisabled=\n[dummy]\nmodel_delay_ms=600\n")
    with srv.connect() as sock:
        sock.sendall(chat_request("solar-warranty?"))
        time.sleep(0.2)
    deadline = time.monotonic() + 5
    while metric(srv, "http_requests_total", route="/api/v1/chat", status="499") != 1:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    # the reply computed afterwards is not counted again
    time.sleep(0.8)
    assert metric(srv, "http_requests_total", route="/api/v1/chat", status="499") == 1
    assert metric(srv, "http_requests_total", route="/api/v1/chat", status="200") == 0


def test_connections_counted(servers):
    srv = servers("fast")
    before = metric(srv, "active_connections")
    socks = [srv.connect() for _ in range(3)]
    for sock in socks:
        sock.sendall(chat_request("hello"))
        Reader(sock).response()
    # the scrape's own connection, and the three
    assert metric(srv, "active_connections") >= before + 3
    for sock in socks:
        sock.close()
    time.sleep(0.3)
    # (the scrapes' own connections may not be seen closed yet)
    assert metric(srv, "active_connections") <= before + 2


def test_connections_balanced_over_threads(servers):
    """Listener threads pass connections on to the one that serves the fewest: with four
    threads and two dozen clients some are passed on; each is answered, counted once,
    and no longer counted once its client closes it."""
    srv = servers("threads", "[server]\nthreads=4\n")
    baseline = metric(srv, "active_connections")
    socks = [srv.connect() for _ in range(24)]
    for i, sock in enumerate(socks):
        sock.sendall(chat_request(f"solar price {i}?", f"b-{i}"))
    for i, sock in enumerate(socks):
        status, headers, body = Reader(sock).response()
        assert status == 200 and headers["x-request-id"] == f"b-{i}"
        assert json.loads(body)["reply"]
    assert metric(srv, "active_connections") >= baseline + 24
    for sock in socks:
        sock.close()
    deadline = time.monotonic() + 2.0
    while metric(srv, "active_connections") > baseline + 1:
        assert time.monotonic() < deadline, metric(srv, "active_connections")
        time.sleep(0.05)


def healthz(sock):
    sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    status, _, _ = Reader(sock).response()
    assert status == 200


@pytest.mark.parametrize("config", ["", "[server]\nfast_path=false\n"], ids=["fast", "libsoup"])
def test_closed_keepalive_connections_through_libsoup(servers, config):
    """Kept-alive connections whose requests libsoup answered are no longer counted once
    the client closes them (libsoup 3.2 leaves them open, see docs/server.md)."""
    srv = servers("soup", config)
    baseline = metric(srv, "active_connections")
    socks = [srv.connect() for _ in range(3)]
    for sock in socks:
        healthz(sock)
    assert metric(srv, "active_connections") >= baseline + 3
    for sock in socks:
        sock.close()
    deadline = time.monotonic() + 1.0
    while metric(srv, "active_connections") != baseline:
        assert time.monotonic() < deadline, metric(srv, "active_connections")
        time.sleep(0.05)


@pytest.mark.parametrize("config", ["", "[server]\nfast_path=false\n"], ids=["fast", "libsoup"])
def test_sigterm_closes_idle_keepalive_connection(servers, config):
    """SIGTERM with a kept-alive connection that has no request: it is closed at once and
    the server exits well before shutdown_timeout (also after a client that left in the
    middle of its request line, which libsoup drops without a word)."""
    srv = servers("idle", config + "[server]\nshutdown_timeout=20\n")
    with srv.connect() as gone:
        healthz(gone)
        gone.sendall(b"GET /hea")
        time.sleep(0.2)
    with srv.connect() as sock:
        healthz(sock)
        started = time.monotonic()
        srv.proc.send_signal(signal.SIGTERM)
        assert Reader(sock).closed(10)
        assert srv.proc.wait(timeout=30) == 0
        assert time.monotonic() - started < 5


# the WebSocket handshake (docs/server.md, "The handshake on the fast path"): with the
# native connection the fast path answers a well-formed upgrade itself, exactly as
# libsoup's handler does; anything unusual is still libsoup's
WS_KEY = "dGhlIHNhbXBsZSBub25jZQ=="


def ws_request(extra="", key=WS_KEY, upgrade="websocket", connection="Upgrade", version="13"):
    return (f"GET /api/v1/chat/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: {upgrade}\r\n"
            f"Connection: {connection}\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: {version}\r\n"
            f"{extra}\r\n").encode()


def ws_frame(text):
    """a masked client text frame (payload under 126 bytes)"""
    payload = text.encode()
    mask = b"\x37\xfa\x21\x3d"
    return bytes([0x81, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def ws_read_frame(reader):
    """the server's next frame: (opcode, payload), from a Reader's buffer and socket"""
    while len(reader.buf) < 2:
        reader._fill()
    opcode, length = reader.buf[0] & 0x0f, reader.buf[1] & 0x7f
    offset = 2
    if length == 126:
        while len(reader.buf) < 4:
            reader._fill()
        length, offset = int.from_bytes(reader.buf[2:4], "big"), 4
    while len(reader.buf) < offset + length:
        reader._fill()
    payload, reader.buf = reader.buf[offset:offset + length], reader.buf[offset + length:]
    return opcode, payload


def ws_exchange(srv, data, frames=0, close_wait=0.3):
    """the response to @data, the first @frames frames that follow it, and whether the
    server then closed the connection"""
    with srv.connect() as sock:
        sock.sendall(data)
        reader = Reader(sock)
        try:
            response = reader.response()
        except EOFError:
            return None, [], True
        got = [ws_read_frame(reader) for _ in range(frames)]
        return response, got, reader.closed(close_wait)


# (name, request, frames the server sends behind the response)
WS_CASES = [
    # a first frame right behind the handshake, in the same segment: answered
    ("upgrade and a first frame", ws_request("Origin: https://shop.example\r\n") + ws_frame('{"type":"ping"}'), 1),
    ("subprotocol and extension offered", ws_request("Sec-WebSocket-Protocol: chat, superchat\r\n"
                                                     "Sec-WebSocket-Extensions: permessage-deflate\r\n"), 0),
    ("Connection list, any case", ws_request(connection="keep-alive, UPGRADE", upgrade="WebSocket"), 0),
    ("key not 16 bytes", ws_request(key="dGhlIHNhbXBsZSBub25jZQ=!"), 0),
    ("key too short", ws_request(key="dGhlIHNhbXBsZQ=="), 0),
    ("version 8", ws_request(version="8"), 0),
    ("Upgrade with another protocol", ws_request(upgrade="websocket, h2c"), 0),
    ("no upgrade in Connection", ws_request(connection="keep-alive"), 0),
    ("origin not allowed", ws_request("Origin: https://elsewhere.example\r\n"), 0),
    ("same origin", ws_request("Origin: http://127.0.0.1\r\nX-Request-Id: ws-same\r\n"), 0),
    # unusual: libsoup's on both
    ("two Upgrade headers", ws_request("Upgrade: websocket\r\n"), 0),
    ("a body", ws_request("Content-Length: 2\r\n") + b"{}", 0),
    ("chunked", ws_request("Transfer-Encoding: chunked\r\n") + b"0\r\n\r\n", 0),
    ("POST", b"POST /api/v1/chat/ws HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", 0),
    ("no handshake", b"GET /api/v1/chat/ws HTTP/1.1\r\nHost: x\r\n\r\n", 0),
    ("query", ws_request().replace(b"/ws ", b"/ws?x=1 "), 0),
]


def test_websocket_handshake_as_libsoup(servers):
    config = "[server]\ncors_origins=https://shop.example\n"
    fast = servers("fast", config)
    soup = servers("soup", config + "fast_path=false\n")
    upgrades = 5
    for name, data, frames in WS_CASES:
        got = ws_exchange(fast, data, frames)
        expected = ws_exchange(soup, data, frames)
        if got[2] != expected[2]:
            # whether the server closes the connection, not how soon: a loaded machine under
            # ASan can take longer than the short wait to close it
            got = ws_exchange(fast, data, frames, close_wait=5)
            expected = ws_exchange(soup, data, frames, close_wait=5)
            upgrades += got[0] is not None and got[0][0] == 101
        assert normalized([got[0]]) == normalized([expected[0]]), name
        assert got[1:] == expected[1:], name
    # the handshakes the fast path took are counted as libsoup's are (4 + the query's)
    for srv in (fast, soup):
        assert metric(srv, "http_requests_total", route="/api/v1/chat/ws", status="101") == upgrades
    (status, headers, _), frames, _ = ws_exchange(fast, WS_CASES[0][1], 1)
    assert status == 101 and headers["sec-websocket-accept"] == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="
    assert "sec-websocket-extensions" not in headers and "sec-websocket-protocol" not in headers
    assert frames == [(1, b'{"type":"pong"}')]
    assert exchange(fast, chat_request("hello"))[0][0][0] == 200


def test_websocket_pipelined_behind_a_chat_request(servers):
    """an upgrade sent right behind a chat request on the same connection: the 101 follows
    the 200, and the frame behind the upgrade reaches the WebSocket"""
    srv = servers("fast")
    with srv.connect() as sock:
        sock.sendall(chat_request("solar price?", "pipe-1") + ws_request() + ws_frame('{"type":"ping"}'))
        reader = Reader(sock)
        first = reader.response()
        second = reader.response()
        assert (first[0], first[1]["x-request-id"]) == (200, "pipe-1")
        assert second[0] == 101
        assert ws_read_frame(reader) == (1, b'{"type":"pong"}')
        sock.sendall(ws_frame('{"type":"ping"}'))
        assert ws_read_frame(reader) == (1, b'{"type":"pong"}')


@pytest.mark.parametrize("config", ["", "[server]\nfast_path=false\n"], ids=["fast", "libsoup"])
def test_websocket_limits_and_counts(servers, config):
    """ws_max_per_ip refuses the second handshake (429, Retry-After) while the first is
    open, and accepts again once it closed; active and WebSocket connections counted"""
    srv = servers("limit", config + "[server]\nws_max_per_ip=1\n")
    baseline = metric(srv, "active_connections")
    with srv.connect() as first:
        first.sendall(ws_request())
        assert Reader(first).response()[0] == 101
        deadline = time.monotonic() + 2.0
        while metric(srv, "websocket_connections") != 1:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert metric(srv, "active_connections") >= baseline + 1
        (status, headers, body), _, _ = ws_exchange(srv, ws_request())
        assert status == 429 and headers["retry-after"] == "10"
        assert json.loads(body)["error"]["code"] == "busy"
    deadline = time.monotonic() + 2.0
    while metric(srv, "websocket_connections") != 0:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert ws_exchange(srv, ws_request())[0][0] == 101


def test_websocket_handshake_left_to_libsoup(servers):
    """with native_websocket=false the fast path hands the handshake to libsoup, which
    negotiates permessage-deflate for its own connection"""
    srv = servers("soupws", "[server]\nnative_websocket=false\n")
    (status, headers, _), _, _ = ws_exchange(srv, ws_request("Sec-WebSocket-Extensions: permessage-deflate\r\n"))
    assert status == 101 and headers["sec-websocket-extensions"].startswith("permessage-deflate")
