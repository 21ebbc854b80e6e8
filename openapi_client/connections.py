"""The connections the client's pools open: urllib3's, bounded by the deadline of the call they serve, and deaf to
interim (1xx) answers.

urllib3's timeouts bound each socket operation, so a server that sends a byte a second, or `100 Continue` lines
without end, holds a call for as long as it likes. Here every send and every read first checks the deadline of the
call in progress (`openapi_client.deadlines.current()`) and gives the socket only the time that is left: of the call
when sending, of the time allowed for the answer when receiving. Interim
answers (`103 Early Hints`, `102 Processing`) are skipped, as `http.client` skips `100 Continue`, up to
`MAX_INTERIM_ANSWERS`; the final answer that follows them is the response.
"""

from __future__ import annotations

import http.client
import io
import math
import socket
import time
from typing import Any, Dict, Optional, Tuple

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection

from openapi_client.deadlines import Deadline, current

MAX_INTERIM_ANSWERS = 32


def _time_left(end: float) -> float:
    remaining = end - time.monotonic()
    if remaining <= 0:
        raise socket.timeout("the call's timeout ran out")
    return remaining


class _DeadlineReader(io.RawIOBase):
    """The socket of one response, read within the time its call's deadline gives the answer."""

    def __init__(self, sock: socket.socket, deadline: Deadline) -> None:
        super().__init__()
        # A file of the socket, as `http.client` would make: it keeps the socket open until the response is read,
        # even when the connection closes it first (`Connection: close`).
        self._file = sock.makefile("rb", buffering=0)
        self._sock = sock
        self._deadline = deadline
        self._end = deadline.answer_end()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> Optional[int]:
        if not self._deadline.lifted:
            self._sock.settimeout(_time_left(self._end))
        elif self._end != -math.inf:
            self._end = -math.inf  # once: from now on, each read waits up to the read timeout, as urllib3's do
            self._sock.settimeout(self._deadline.read)
        return self._file.readinto(buffer)

    def close(self) -> None:
        self._file.close()
        super().close()


class _BoundedSocket:
    """What a response is given in place of its socket: `http.client.HTTPResponse` only asks it for a file."""

    __slots__ = ("deadline", "sock")

    def __init__(self, sock: socket.socket, deadline: Deadline) -> None:
        self.sock = sock
        self.deadline = deadline

    def makefile(self, mode: str, *args: Any, **kwargs: Any) -> io.BufferedReader:
        return io.BufferedReader(_DeadlineReader(self.sock, self.deadline))


class _Response(http.client.HTTPResponse):
    """An `http.client` response read within the call's deadline, that skips interim answers."""

    def __init__(self, sock: Any, debuglevel: int = 0, method: Optional[str] = None, url: Optional[str] = None):
        deadline = current()
        if deadline is not None and not deadline.lifted:
            sock = _BoundedSocket(sock, deadline)
        super().__init__(sock, debuglevel, method, url)
        self._interim_answers = 0

    def _read_status(self) -> Tuple[str, int, str]:
        version, status, reason = super()._read_status()  # type: ignore[misc]
        if 100 <= status < 200 and status != http.client.SWITCHING_PROTOCOLS:
            self._interim_answers += 1
            if self._interim_answers > MAX_INTERIM_ANSWERS:
                raise http.client.HTTPException(f"more than {MAX_INTERIM_ANSWERS} interim (1xx) answers")
            # `begin` skips the headers of a `100 Continue` and reads the next answer: the same for every 1xx.
            status = http.client.CONTINUE
        return version, status, reason


class _Bounded(HTTPConnection):
    """Sends within the call's deadline; its responses are `_Response`s."""

    response_class = _Response

    def send(self, data: Any) -> None:
        deadline = current()
        if deadline is not None and deadline.at is not None and not deadline.lifted and self.sock is not None:
            self.sock.settimeout(_time_left(deadline.at))
        super().send(data)


class BoundedHTTPConnection(_Bounded):
    pass


class BoundedHTTPSConnection(_Bounded, HTTPSConnection):
    pass


class BoundedHTTPConnectionPool(urllib3.HTTPConnectionPool):
    ConnectionCls = BoundedHTTPConnection


class BoundedHTTPSConnectionPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = BoundedHTTPSConnection


POOL_CLASSES: Dict[str, Any] = {"http": BoundedHTTPConnectionPool, "https": BoundedHTTPSConnectionPool}


def bounded(manager: urllib3.PoolManager) -> urllib3.PoolManager:
    """`manager`, opening bounded connections."""
    manager.pool_classes_by_scheme = POOL_CLASSES
    return manager


__all__ = ["MAX_INTERIM_ANSWERS", "POOL_CLASSES", "BoundedHTTPConnection", "BoundedHTTPSConnection", "bounded"]
