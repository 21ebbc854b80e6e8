"""A real HTTP server on 127.0.0.1 that records what it receives and answers from a script the test writes.

It can also break exchanges on purpose (see `Reply.fault`, `drop_connections`), speak TLS, and play Airbyte's
application token endpoint (`TokenIssuer`), refusing other requests that do not carry a valid token.
"""

from __future__ import annotations

import base64
import itertools
import json
import socket
import ssl
import struct
import sys
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Deque, Dict, List, Optional, Union

TOKEN_PATH = "/v1/applications/token"


@dataclass
class Reply:
    """One scripted answer. `fault` breaks the exchange: "reset" (read the request, then reset the connection),
    "close" (read the request, then close the connection without answering), "truncate" (announce more body than
    is sent), "reset_after_headers". `delay` waits before answering, `body_delay` between headers and body."""

    status: int = 200
    body: Union[bytes, str, Any] = b"{}"
    headers: Dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    fault: Optional[str] = None
    body_delay: float = 0.0

    def encoded_body(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return json.dumps(self.body).encode("utf-8")


@dataclass
class Received:
    """A request as the server saw it, and the status it was answered with (None: no answer)."""

    method: str
    path: str
    headers: Dict[str, str]
    body: bytes
    client_certificate: Optional[Dict[str, Any]] = None
    status: Optional[int] = None

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


class TokenIssuer:
    """Airbyte's application token endpoint for one client: JWTs (or opaque tokens) that expire after `lifetime`."""

    def __init__(
        self,
        client_id: str = "app-client",
        client_secret: str = "app-secret-value",
        lifetime: float = 60.0,
        jwt: bool = True,
        delay: float = 0.0,
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.lifetime = lifetime
        self.jwt = jwt
        self.delay = delay
        self.issued: List[str] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._expiry: Dict[str, float] = {}
        self._serial = itertools.count(1)
        self._lock = threading.Lock()

    def answer(self, request: Received) -> Reply:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            time.sleep(self.delay)
            wanted = {"client_id": self.client_id, "client_secret": self.client_secret}
            if _json_or_none(request.body) != wanted:
                return Reply(status=401, body={"message": "Invalid client credentials"})
            return Reply(body={"access_token": self._mint(), "token_type": "Bearer"})
        finally:
            with self._lock:
                self.in_flight -= 1

    def accepts(self, authorization: Optional[str]) -> bool:
        """Whether `authorization` carries a token this issuer minted and that has not expired."""
        if not authorization or not authorization.startswith("Bearer "):
            return False
        with self._lock:
            expiry = self._expiry.get(authorization[len("Bearer ") :])
        return expiry is not None and time.time() < expiry

    def revoke_all(self) -> None:
        """Refuse every token minted so far (as a server does after a restart or a key rotation)."""
        with self._lock:
            self._expiry.clear()

    def _mint(self) -> str:
        serial = next(self._serial)
        expiry = time.time() + self.lifetime
        if self.jwt:
            header = _b64url({"alg": "HS256", "typ": "JWT"})
            token = f"{header}.{_b64url({'sub': self.client_id, 'exp': expiry, 'jti': serial})}.c2lnbmF0dXJl{serial}"
        else:
            token = f"opaque-token-{serial}-{int(expiry * 1000)}"
        with self._lock:
            self._expiry[token] = expiry
            self.issued.append(token)
        return token


def _b64url(claims: Dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")


def _json_or_none(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return None


class ScriptedServer:
    """Answers each path from its queue of replies, then from its default reply (200 `{}`)."""

    def __init__(self, ssl_context: Optional[ssl.SSLContext] = None) -> None:
        self.received: List[Received] = []
        self.tls_failures = 0
        self.connections_dropped = 0
        self._queues: Dict[str, Deque[Reply]] = defaultdict(deque)
        self._defaults: Dict[str, Reply] = {}
        self._issuer: Optional[TokenIssuer] = None
        self._connections_to_drop = 0
        self._lock = threading.Lock()
        self._httpd = _QuietServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        if ssl_context is not None:
            self._httpd.socket = ssl_context.wrap_socket(
                self._httpd.socket, server_side=True, do_handshake_on_connect=False
            )
        self.port = self._httpd.server_address[1]
        self.url = f"{'https' if ssl_context else 'http'}://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    def start(self) -> ScriptedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def reset(self) -> None:
        with self._lock:
            self.received.clear()
            self._queues.clear()
            self._defaults.clear()
            self._issuer = None
            self._connections_to_drop = 0
            self.connections_dropped = 0
            self.tls_failures = 0

    def script(self, path: str, *replies: Reply) -> None:
        """Answer the next requests to `path` with `replies`, in order."""
        with self._lock:
            self._queues[path].extend(replies)

    def always(self, path: str, reply: Reply) -> None:
        """Answer every request to `path` that no scripted reply is left for with `reply`."""
        with self._lock:
            self._defaults[path] = reply

    def issue_tokens(self, issuer: TokenIssuer) -> TokenIssuer:
        """Serve `issuer` at `TOKEN_PATH` and answer 401 to other requests without a valid token of it."""
        with self._lock:
            self._issuer = issuer
        return issuer

    def drop_connections(self, count: int) -> None:
        """Reset the next `count` connections as soon as they are accepted, before reading any request."""
        with self._lock:
            self._connections_to_drop = count

    def count(self, path: str) -> int:
        with self._lock:
            return sum(1 for request in self.received if request.path == path)

    def statuses(self, path: str) -> List[Optional[int]]:
        """The statuses that requests to `path` were answered with, in order (None: no answer)."""
        with self._lock:
            return [request.status for request in self.received if request.path == path]

    def _take_dropped_connection(self) -> bool:
        with self._lock:
            if self._connections_to_drop <= 0:
                return False
            self._connections_to_drop -= 1
            self.connections_dropped += 1
            return True

    def _next_reply(self, request: Received) -> Reply:
        with self._lock:
            self.received.append(request)
            issuer = self._issuer
            is_token_request = issuer is not None and request.path == TOKEN_PATH
            if issuer is not None and not is_token_request and not issuer.accepts(request.headers.get("Authorization")):
                return Reply(status=401, body={"message": "Unauthorized"})
            queue = self._queues.get(request.path)
            if queue:
                return queue.popleft()
            scripted = self._defaults.get(request.path)
            if scripted is not None or not is_token_request:
                return scripted or Reply()
        assert issuer is not None
        return issuer.answer(request)


class _QuietServer(ThreadingHTTPServer):
    """Does not print the tracebacks of the broken connections that tests cause on purpose."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        # OSError: resets and TLS failures; ValueError: writing to a socket the handler closed on purpose.
        if not isinstance(sys.exc_info()[1], (OSError, ValueError)):
            super().handle_error(request, client_address)


def _handler_for(server: ScriptedServer) -> type:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in separate writes: without this, Nagle's algorithm and the client's delayed
        # acknowledgements hold every answer on a reused connection for 40 ms.
        disable_nagle_algorithm = True

        def handle(self) -> None:
            if server._take_dropped_connection():
                self._reset()
                return
            if isinstance(self.connection, ssl.SSLSocket) and not self._handshake():
                return
            super().handle()

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            certificate = self.connection.getpeercert() if isinstance(self.connection, ssl.SSLSocket) else None
            request = Received(self.command, self.path, dict(self.headers.items()), body, certificate or None)
            self._answer(request, server._next_reply(request))

        do_GET = do_POST

        def _handshake(self) -> bool:
            try:
                self.connection.do_handshake()
            except (ssl.SSLError, OSError):
                with server._lock:
                    server.tls_failures += 1
                self.close_connection = True
                return False
            return True

        def _answer(self, request: Received, reply: Reply) -> None:
            if reply.delay:
                time.sleep(reply.delay)
            if reply.fault in ("reset", "close"):
                self._reset() if reply.fault == "reset" else self._close()
                return
            request.status = reply.status
            payload = reply.encoded_body()
            self.send_response(reply.status)
            headers = {"Content-Type": "application/json", **reply.headers}
            for name, value in headers.items():
                self.send_header(name, value)
            announced = len(payload) * 2 + 10 if reply.fault == "truncate" else len(payload)
            self.send_header("Content-Length", str(announced))
            self.end_headers()
            if reply.fault == "reset_after_headers":
                self.wfile.flush()
                self._reset()
                return
            if reply.body_delay:
                self.wfile.flush()
                time.sleep(reply.body_delay)
            self.wfile.write(payload)
            if reply.fault == "truncate":
                self.wfile.flush()
                self.close_connection = True

        def _reset(self) -> None:
            # SO_LINGER 0 makes close() send a TCP reset instead of an orderly shutdown.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()

        def _close(self) -> None:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            self.connection.close()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler
