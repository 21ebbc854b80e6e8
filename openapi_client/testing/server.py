"""The HTTP layer of the local web backend: an HTTP/1.1 server with keep-alive that reads each request whole,
hands it to an application on a bounded pool of worker threads, and writes its reply, or resets the connection
when the application says so.

Reading happens on one event loop (as Netty does for Micronaut), so clients that send half a request and stall
cost a little memory each, never a thread: the workers only ever see complete requests. Bodies are bounded in
size, request heads in size and time, and the listen backlog is deep enough for bursts of connections.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import http
import json
import logging
import re
import socket
import struct
import threading
from dataclasses import dataclass, field
from typing import Callable, Dict, Optional, Set, Tuple

logger = logging.getLogger("openapi_client.testing")

# Requests larger than this are refused: no web_backend body comes near it (Airbyte takes 50 MB at most).
MAX_BODY_BYTES = 32 * 1024 * 1024
# A request line and headers larger than this are refused.
MAX_HEAD_BYTES = 64 * 1024
# An idle keep-alive connection is closed after this long.
IDLE_TIMEOUT_SECONDS = 120.0
# Once a request has begun, its head and body must have arrived within this long.
REQUEST_TIMEOUT_SECONDS = 30.0
WORKERS = 32
LISTEN_BACKLOG = 1024
MAX_CONNECTIONS = 2048
_CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]{1,16}")
_CONTENT_LENGTH = re.compile(r"[0-9]{1,20}")


@dataclass
class Request:
    method: str
    path: str
    headers: Dict[str, str]
    body: bytes

    def header(self, name: str) -> Optional[str]:
        """The value of a header, whatever the case of its name."""
        wanted = name.lower()
        return next((value for key, value in self.headers.items() if key.lower() == wanted), None)


@dataclass
class Reply:
    status: int
    body: bytes
    headers: Dict[str, str] = field(default_factory=dict)


# An application answers a request with a reply, or with None to drop the connection unanswered.
Application = Callable[[Request], Optional[Reply]]


class BadRequest(Exception):
    """A request the server refuses before the application sees it."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class HttpServer:
    """Serves `application` on `(host, port)` (port 0: a free one) from a thread of its own."""

    def __init__(self, address: Tuple[str, int], application: Application, workers: int = WORKERS) -> None:
        self.application = application
        self._address = address
        self._workers = concurrent.futures.ThreadPoolExecutor(workers, thread_name_prefix="local-airbyte-worker")
        self._loop = asyncio.new_event_loop()
        self._thread: Optional[threading.Thread] = None
        self._server: Optional[asyncio.base_events.Server] = None
        self._port = 0
        self._closing = False
        self._writers: Set[asyncio.StreamWriter] = set()
        # The loop holds its tasks weakly: these references keep the connections' tasks alive.
        self._tasks: Set[asyncio.Task[None]] = set()

    @property
    def port(self) -> int:
        return self._port

    def start(self) -> None:
        """Listen (raising `OSError` here when the address is taken), then serve from a background thread."""
        host, port = self._address
        starting = asyncio.start_server(
            self._accept, host, port, backlog=LISTEN_BACKLOG, reuse_address=True, limit=MAX_HEAD_BYTES
        )
        # The loop runs in its own thread from the start: the calling thread may have a loop of its own running
        # (a Jupyter kernel, an async test), where `run_until_complete` would refuse to run a second one.
        self._thread = threading.Thread(target=self._loop.run_forever, name="local-airbyte", daemon=True)
        self._thread.start()
        try:
            self._server = asyncio.run_coroutine_threadsafe(starting, self._loop).result()
        except BaseException:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
            self._thread = None
            self._loop.close()
            self._workers.shutdown(wait=False)
            raise
        self._port = int(self._server.sockets[0].getsockname()[1])

    def stop(self) -> None:
        """Stop accepting, close every open connection (idle keep-alive ones too), release the port."""
        if self._thread is None:
            return
        asyncio.run_coroutine_threadsafe(self._close_all(), self._loop).result()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()
        self._workers.shutdown(wait=False, cancel_futures=True)
        self._thread = None

    async def _close_all(self) -> None:
        assert self._server is not None
        self._closing = True
        self._server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        # Every other task: connections being served, and ones accepted just now and still being set up (whose
        # sockets close when they are cancelled).
        others = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)
        await self._server.wait_closed()
        # Closed transports let go of their sockets on the next turns of the loop.
        for _ in range(3):
            await asyncio.sleep(0)

    def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._closing or len(self._writers) >= MAX_CONNECTIONS:
            writer.transport.abort()
            return
        self._writers.add(writer)
        task = self._loop.create_task(self._serve(reader, writer))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        task.add_done_callback(lambda _: self._writers.discard(writer))

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """One connection: requests one after another until either side closes it or it idles too long."""
        peer = writer.get_extra_info("peername")
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError, asyncio.TimeoutError, OSError):
            try:
                keep_alive = True
                while keep_alive:
                    keep_alive = await self._serve_one(reader, writer, peer)
            finally:
                writer.close()

    async def _serve_one(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, peer: object) -> bool:
        """Read, answer and write one request; whether the connection stays open for another."""
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), IDLE_TIMEOUT_SECONDS)
        except asyncio.LimitOverrunError:
            await _write(writer, _refusal(431, "The request head is too large"), close=True)
            return False
        try:
            method, target, version, sent = _parse_head(head)
            headers = {name.lower(): value for name, value in sent.items()}
            if headers.get("expect", "").lower() == "100-continue":
                writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            body = await asyncio.wait_for(_read_body(reader, headers), REQUEST_TIMEOUT_SECONDS)
        except BadRequest as refused:
            await _write(writer, _refusal(refused.status, str(refused)), close=True)
            return False
        request = Request(method, target, sent, body)
        reply = await self._loop.run_in_executor(self._workers, self._answer, request)
        if reply is None:
            _reset(writer)
            return False
        close = _closes(version, headers)
        logger.info('%s "%s %s %s" %d %d', _peer(peer), method, target, version, reply.status, len(reply.body))
        await _write(writer, reply, close=close)
        return not close

    def _answer(self, request: Request) -> Optional[Reply]:
        try:
            return self.application(request)
        except Exception as error:
            # A bug of the server's own must reach the caller as an answer, not as a hang or a dropped line.
            logger.exception("LocalAirbyte failed to answer %s %s", request.method, request.path)
            message = f"LocalAirbyte failed: {type(error).__name__}: {error}"
            return Reply(500, json.dumps({"message": message}).encode("utf-8"))


# Header names are case-insensitive: requests keep them as sent, the server looks them up in lower case.
_Headers = Dict[str, str]


def _parse_head(head: bytes) -> Tuple[str, str, str, _Headers]:
    """The method, target, version and headers (as sent; a repeated header's values joined with commas)."""
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
        raise BadRequest(400, "Not an HTTP/1.x request line")
    headers: _Headers = {}
    for line in lines[1:]:
        if not line:
            continue
        name, colon, value = line.partition(":")
        if not colon or not name or name != name.strip():
            raise BadRequest(400, "Malformed header line")
        value = value.strip()
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return parts[0], parts[1], parts[2], headers


async def _read_body(reader: asyncio.StreamReader, headers: _Headers) -> bytes:
    if "chunked" in headers.get("transfer-encoding", "").lower():
        return await _read_chunked(reader)
    length_text = headers.get("content-length")
    if length_text is None:
        return b""
    if not _CONTENT_LENGTH.fullmatch(length_text):
        raise BadRequest(400, "Content-Length is not a number of bytes")
    length = int(length_text)
    if length > MAX_BODY_BYTES:
        raise BadRequest(413, "The body is too large")
    return await reader.readexactly(length)


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    chunks = bytearray()
    while True:
        size_line = (await reader.readuntil(b"\r\n")).split(b";", 1)[0].strip()
        if not _CHUNK_SIZE.fullmatch(size_line):
            raise BadRequest(400, "Invalid chunk size")
        size = int(size_line, 16)
        if len(chunks) + size > MAX_BODY_BYTES:
            raise BadRequest(413, "The body is too large")
        if size == 0:
            while (await reader.readuntil(b"\r\n")).strip():
                pass
            return bytes(chunks)
        chunks += await reader.readexactly(size)
        if await reader.readexactly(2) != b"\r\n":
            raise BadRequest(400, "A chunk does not end where its size says")


def _closes(version: str, headers: _Headers) -> bool:
    connection = headers.get("connection", "").lower()
    return "close" in connection or (version == "HTTP/1.0" and "keep-alive" not in connection)


def _refusal(status: int, message: str) -> Reply:
    return Reply(status, json.dumps({"message": message}).encode("utf-8"))


async def _write(writer: asyncio.StreamWriter, reply: Reply, close: bool) -> None:
    reason = http.HTTPStatus(reply.status).phrase if reply.status in http.HTTPStatus._value2member_map_ else ""
    headers = {"Content-Type": "application/json", **reply.headers, "Content-Length": str(len(reply.body))}
    if close:
        headers["Connection"] = "close"
    lines = [f"HTTP/1.1 {reply.status} {reason}"] + [f"{name}: {value}" for name, value in headers.items()]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + reply.body)
    await writer.drain()


def _reset(writer: asyncio.StreamWriter) -> None:
    # SO_LINGER 0 makes the close send a TCP reset: the caller sees its connection dropped, not an answer.
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


def _peer(peer: object) -> str:
    return str(peer[0]) if isinstance(peer, tuple) and peer else str(peer)
