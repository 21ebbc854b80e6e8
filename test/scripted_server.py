"""A real HTTP server on 127.0.0.1 that records what it receives and answers from a script the test writes."""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Deque, Dict, List, Optional, Union


@dataclass
class Reply:
    """One scripted answer. `fault` breaks the exchange: "reset" (close before answering), "truncate"
    (announce more body than is sent), "reset_after_headers"."""

    status: int = 200
    body: Union[bytes, str, Any] = b"{}"
    headers: Dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    fault: Optional[str] = None

    def encoded_body(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return json.dumps(self.body).encode("utf-8")


@dataclass
class Received:
    """A request as the server saw it."""

    method: str
    path: str
    headers: Dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


class ScriptedServer:
    """Answers each path from its queue of replies, then from its default reply (200 `{}`)."""

    def __init__(self) -> None:
        self.received: List[Received] = []
        self._queues: Dict[str, Deque[Reply]] = defaultdict(deque)
        self._defaults: Dict[str, Reply] = {}
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

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

    def script(self, path: str, *replies: Reply) -> None:
        """Answer the next requests to `path` with `replies`, in order."""
        with self._lock:
            self._queues[path].extend(replies)

    def always(self, path: str, reply: Reply) -> None:
        """Answer every request to `path` that no scripted reply is left for with `reply`."""
        with self._lock:
            self._defaults[path] = reply

    def count(self, path: str) -> int:
        with self._lock:
            return sum(1 for request in self.received if request.path == path)

    def _next_reply(self, request: Received) -> Reply:
        with self._lock:
            self.received.append(request)
            queue = self._queues.get(request.path)
            if queue:
                return queue.popleft()
            return self._defaults.get(request.path, Reply())


def _handler_for(server: ScriptedServer) -> type:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            request = Received(self.command, self.path, dict(self.headers.items()), body)
            self._answer(server._next_reply(request))

        do_GET = do_POST

        def _answer(self, reply: Reply) -> None:
            if reply.delay:
                time.sleep(reply.delay)
            if reply.fault == "reset":
                self._reset()
                return
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
            self.wfile.write(payload)
            if reply.fault == "truncate":
                self.wfile.flush()
                self.close_connection = True

        def _reset(self) -> None:
            # SO_LINGER 0 makes close() send a TCP reset instead of an orderly shutdown.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler
