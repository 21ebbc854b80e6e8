"""A raw TCP server on 127.0.0.1 that answers each HTTP request with whatever bytes a test writes, as slowly or as
endlessly as it likes, within bounds: every connection is closed when the server stops, and a test's `Answer`
writes at most `max_bytes`.

Each accepted connection reads one request (headers and `Content-Length` body), hands it with the socket to the
test's answer function, in a thread of its own, and is closed (answers say `Connection: close`, so the client does
not pool them). `HostileServer.stopping` is set when the server stops, so that an answer that hangs on purpose ends
with the test.
"""

from __future__ import annotations

import contextlib
import functools
import socket
import threading
import time
import zlib
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterator, List, Optional

Answer = Callable[["Exchange"], None]


@dataclass
class Request:
    method: str
    path: str
    headers: Dict[str, str]  # by lower-case name; the last of a repeated one
    body: bytes
    head_lines: List[str] = field(default_factory=list)  # every header line, as sent

    def all(self, name: str) -> List[str]:
        """Every value of the header `name`, however it was spelt."""
        return [
            line.partition(":")[2].strip() for line in self.head_lines if line.lower().startswith(name.lower() + ":")
        ]


@dataclass
class Exchange:
    """One request and the means to answer it."""

    request: Request
    sock: socket.socket
    server: HostileServer
    sent: int = 0

    def send(self, data: bytes) -> bool:
        """Write `data` unless the server is stopping, the client left or the byte budget is spent; True if sent."""
        if self.server.stopping.is_set() or self.sent + len(data) > self.server.max_bytes:
            return False
        try:
            self.sock.sendall(data)
        except OSError:
            return False
        self.sent += len(data)
        return True

    def trickle(self, data: bytes, interval: float) -> None:
        """Send `data` a byte at a time, `interval` seconds apart, until done or cut off."""
        for byte in data:
            if not self.send(bytes([byte])) or self.server.stopping.wait(interval):
                return

    def hang(self, seconds: float = 30.0) -> None:
        """Say nothing until the server stops (or `seconds` pass)."""
        self.server.stopping.wait(seconds)


@dataclass
class HostileServer:
    answer: Answer
    max_bytes: int = 64 * 1024 * 1024
    requests: List[Request] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._connections: List[socket.socket] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self._thread.join(timeout=5)
        self._listener.close()
        with self._lock:
            for connection in self._connections:
                _close(connection)

    def count(self, path: Optional[str] = None) -> int:
        with self._lock:
            return sum(1 for request in self.requests if path is None or request.path == path)

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                connection, _ = self._listener.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            with self._lock:
                self._connections.append(connection)
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        connection.settimeout(10)
        try:
            request = _read_request(connection)
            if request is None:
                return
            with self._lock:
                self.requests.append(request)
            self.answer(Exchange(request, connection, self))
        except OSError:
            return
        finally:
            _close(connection)


def _read_request(connection: socket.socket) -> Optional[Request]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return Request(method, path, headers, body, lines[1:])


def _close(connection: socket.socket) -> None:
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_RDWR)
    connection.close()


def head(status: str = "200 OK", **headers: str) -> bytes:
    """A status line and headers (keyword names with `_` for `-`, and `Connection: close`), ending the head."""
    headers = {"Connection": "close", **headers}
    lines = [f"HTTP/1.1 {status}"] + [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def json_answer(body: bytes, status: str = "200 OK", **headers: str) -> bytes:
    return head(status, Content_Type="application/json", Content_Length=str(len(body)), **headers) + body


@functools.cache
def gzip_bomb(unpacked: int) -> bytes:
    """A gzip stream of `unpacked` zero bytes (about a thousandth of it), made without holding them."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * 65536
    packed = [packer.compress(zeros) for _ in range(unpacked // len(zeros))]
    return b"".join(packed) + packer.flush()


def chunks(piece: bytes, count: Optional[int] = None) -> Iterator[bytes]:
    """Chunked transfer encoding of `piece`, `count` times (None: without end), then the last chunk."""
    sent = 0
    while count is None or sent < count:
        yield b"%x\r\n%s\r\n" % (len(piece), piece)
        sent += 1
    yield b"0\r\n\r\n"


def wait_until(condition: Callable[[], bool], seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True
