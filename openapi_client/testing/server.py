"""The HTTP layer of the local web backend: a threaded HTTP/1.1 server with keep-alive that hands each
request to an application and writes its reply, or drops the connection when the application says so."""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import struct
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional, Set, Tuple

logger = logging.getLogger("openapi_client.testing")

# Requests larger than this are refused: no web_backend body comes near it.
MAX_BODY_BYTES = 32 * 1024 * 1024
# An idle keep-alive connection is closed after this long, so that abandoned ones do not hold a thread.
IDLE_TIMEOUT_SECONDS = 120.0


@dataclass
class Request:
    method: str
    path: str
    headers: Dict[str, str]
    body: bytes


@dataclass
class Reply:
    status: int
    body: bytes
    headers: Dict[str, str] = field(default_factory=dict)


# An application answers a request with a reply, or with None to drop the connection unanswered.
Application = Callable[[Request], Optional[Reply]]


class HttpServer(ThreadingHTTPServer):
    """Serves `application` on `(host, port)` (port 0: a free one) from a thread of its own."""

    daemon_threads = True

    def __init__(self, address: Tuple[str, int], application: Application) -> None:
        super().__init__(address, _Handler)
        self.application = application
        self._open: Set[socket.socket] = set()
        self._open_lock = threading.Lock()
        self._thread: Optional[threading.Thread] = None

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def start(self) -> None:
        # A short poll interval makes stop() quick: shutdown() waits for the loop's next poll.
        self._thread = threading.Thread(target=self.serve_forever, args=(0.05,), name="local-airbyte", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop accepting, close every open connection (idle keep-alive ones too), release the port."""
        if self._thread is not None:
            self.shutdown()
            self._thread.join()
        with self._open_lock:
            open_connections = list(self._open)
        for connection in open_connections:
            _close_quietly(connection)
        self.server_close()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A caller that hangs up (a client timeout, a test that is done) is no error of the server's.
        logger.debug("connection from %s ended abruptly", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: HttpServer
    timeout = IDLE_TIMEOUT_SECONDS
    # Headers and body go out in two writes; with Nagle's algorithm the second waits for the caller's
    # delayed ACK, which costs every keep-alive call some 40 ms.
    disable_nagle_algorithm = True

    def do_POST(self) -> None:
        self._serve()

    def do_GET(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def do_PATCH(self) -> None:
        self._serve()

    def _serve(self) -> None:
        body = self._read_body()
        if body is None:
            return
        headers = {name: value for name, value in self.headers.items()}
        try:
            reply = self.server.application(Request(self.command, self.path, headers, body))
        except Exception as error:
            # A bug of the server's own must reach the caller as an answer, not as a hang or a dropped line.
            logger.exception("LocalAirbyte failed to answer %s %s", self.command, self.path)
            message = f"LocalAirbyte failed: {type(error).__name__}: {error}"
            reply = Reply(500, json.dumps({"message": message}).encode("utf-8"))
        if reply is None:
            self._reset()
            return
        self._write(reply)

    def _read_body(self) -> Optional[bytes]:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked()
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY_BYTES:
            self._refuse(413 if length > MAX_BODY_BYTES else 400, "Content-Length is missing or invalid")
            return None
        return self.rfile.read(length) if length else b""

    def _read_chunked(self) -> Optional[bytes]:
        chunks: List[bytes] = []
        total = 0
        while True:
            size_line = self.rfile.readline(1024).split(b";", 1)[0].strip()
            try:
                size = int(size_line, 16)
            except ValueError:
                self._refuse(400, "Invalid chunked body")
                return None
            total += size
            if total > MAX_BODY_BYTES:
                self._refuse(413, "The body is too large")
                return None
            if size == 0:
                while self.rfile.readline(1024).strip():
                    pass
                return b"".join(chunks)
            chunks.append(self.rfile.read(size))
            self.rfile.readline(1024)

    def _refuse(self, status: int, message: str) -> None:
        self.close_connection = True
        self._write(Reply(status, json.dumps({"message": message}).encode("utf-8"), {"Connection": "close"}))

    def _write(self, reply: Reply) -> None:
        self.send_response(reply.status)
        for name, value in {"Content-Type": "application/json", **reply.headers}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    def _reset(self) -> None:
        # SO_LINGER 0 makes close() send a TCP reset: the caller sees its connection dropped, not an answer.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def log_message(self, format: str, *args: Any) -> None:
        logger.info("%s %s", self.address_string(), format % args)


def _close_quietly(connection: socket.socket) -> None:
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_RDWR)
