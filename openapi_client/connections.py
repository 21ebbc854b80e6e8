"""The connections the client's pools open: urllib3's, bounded by the deadline of the call they serve, and deaf to
interim (1xx) answers.

urllib3's timeouts bound each socket operation, so a server that sends a byte a second, or `100 Continue` lines
without end, holds a call for as long as it likes. Here every send and every read first checks the deadline of the
call in progress (`openapi_client.deadlines.CURRENT`) and gives the socket only the time that is left: of the call
when sending, of the time allowed for the answer when receiving. Interim answers (`103 Early Hints`,
`102 Processing`) are skipped, as `http.client` skips `100 Continue`, up to `MAX_INTERIM_ANSWERS`; the final answer
that follows them is the response.
"""

from __future__ import annotations

import functools
import http.client
import io
import math
import socket
import ssl
import time
from typing import Any, Callable, Dict, Optional, Tuple

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection

from openapi_client.deadlines import CURRENT, Deadline

MAX_INTERIM_ANSWERS = 32
# A socket's own timeout may exceed the time left by this much before it is shortened: a system call saved on most
# reads and sends, for at most this much lateness.
SLACK = 0.05
# Sending this much cannot wait for the server: it fits in the socket's send buffer (16 KiB at least, and the client
# waited for the answer to its previous request on the connection before sending another).
SMALL_SEND = 8192


def _shorten_wait(sock: Any, end: float) -> None:
    """Give `sock` at most the time left until `end` for its next operation; raise `socket.timeout` when none is."""
    remaining = end - time.monotonic()
    if remaining <= 0:
        raise socket.timeout("the call's timeout ran out")
    timeout = sock.gettimeout()
    if timeout is None or timeout - remaining > SLACK:
        sock.settimeout(remaining)


class _DeadlineReader(io.RawIOBase):
    """The socket of one response, read within the time its call's deadline gives the answer. It stands in for the
    socket where the response is made: `http.client.HTTPResponse` only asks that for a file (`makefile`)."""

    def __init__(self, sock: socket.socket, deadline: Deadline) -> None:
        self._sock = sock
        self._deadline = deadline
        self._end = deadline.answer_end()
        self._let_go = _hold_open(sock)

    def makefile(self, mode: str, *args: Any, **kwargs: Any) -> io.BufferedReader:
        return io.BufferedReader(self)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> Optional[int]:
        if not self._deadline.lifted:
            _shorten_wait(self._sock, self._end)
        elif self._end != math.inf:
            self._end = math.inf  # once: from now on, each read waits up to the read timeout, as urllib3's do
            self._sock.settimeout(self._deadline.read)
        return self._sock.recv_into(buffer)

    def close(self) -> None:
        if not self.closed:
            self._let_go()
        super().close()


def _hold_open(sock: Any) -> Callable[[], None]:
    """Keep `sock` open until the function returned is called, as a file that `sock.makefile` made would: a
    connection that closes its socket while its response is still being read (`Connection: close`) then only marks
    it closed. For the plain and TLS sockets of a connection this is the count `socket.makefile` keeps itself (the
    whole of `makefile` would cost a tenth of a small call); any other socket gets a file of its own."""
    if type(sock) in _COUNTED_SOCKETS:
        sock._io_refs += 1
        let_go: Callable[[], None] = sock._decref_socketios
        return let_go
    return sock.makefile("rb", buffering=0).close  # type: ignore[no-any-return]


_COUNTED_SOCKETS = (socket.socket, ssl.SSLSocket)


class _Response(http.client.HTTPResponse):
    """An `http.client` response read within the call's deadline, that skips interim answers."""

    def __init__(self, sock: Any, debuglevel: int = 0, method: Optional[str] = None, url: Optional[str] = None):
        deadline = CURRENT.deadline
        if deadline is not None:
            sock = _DeadlineReader(sock, deadline)
        http.client.HTTPResponse.__init__(self, sock, debuglevel, method, url)
        self._interim_answers = 0

    def _read_status(self) -> Tuple[str, int, str]:
        version, status, reason = http.client.HTTPResponse._read_status(self)  # type: ignore[attr-defined]
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
        if type(data) is not bytes or len(data) > SMALL_SEND:
            deadline = CURRENT.deadline
            if deadline is not None and deadline.at is not None and self.sock is not None:
                _shorten_wait(self.sock, deadline.at)
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


@functools.cache
def socks_pool_classes() -> Dict[str, Any]:
    """The pools of a `SOCKSProxyManager`, opening bounded connections (PySocks must be installed)."""
    from urllib3.contrib import socks

    class BoundedSOCKSConnection(_Bounded, socks.SOCKSConnection):
        pass

    class BoundedSOCKSHTTPSConnection(_Bounded, socks.SOCKSHTTPSConnection):
        pass

    class BoundedSOCKSHTTPConnectionPool(socks.SOCKSHTTPConnectionPool):
        ConnectionCls = BoundedSOCKSConnection

    class BoundedSOCKSHTTPSConnectionPool(socks.SOCKSHTTPSConnectionPool):
        ConnectionCls = BoundedSOCKSHTTPSConnection

    return {"http": BoundedSOCKSHTTPConnectionPool, "https": BoundedSOCKSHTTPSConnectionPool}


def bounded(manager: urllib3.PoolManager) -> urllib3.PoolManager:
    """`manager`, opening bounded connections (through its SOCKS proxy, for a `SOCKSProxyManager`)."""
    socks = type(manager).__module__ == "urllib3.contrib.socks"
    manager.pool_classes_by_scheme = socks_pool_classes() if socks else POOL_CLASSES
    return manager


__all__ = ["MAX_INTERIM_ANSWERS", "POOL_CLASSES", "BoundedHTTPConnection", "BoundedHTTPSConnection", "bounded"]
