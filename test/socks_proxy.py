"""A SOCKS5 proxy (RFC 1928) on 127.0.0.1, as `ssh -D` opens one: CONNECT only, with or without a username and
password (RFC 1929). It resolves the names of `hosts` itself, as a proxy resolves names the client cannot, and
remembers each target it was asked for and the credentials it was given."""

from __future__ import annotations

import contextlib
import select
import socket
import socketserver
import struct
import threading
from typing import Dict, List, Optional, Tuple


class SocksProxy:
    def __init__(self, credentials: Optional[Tuple[str, str]] = None, hosts: Optional[Dict[str, str]] = None) -> None:
        self.credentials = credentials
        self.hosts = hosts or {}
        self.targets: List[Tuple[str, int]] = []
        self.logins: List[Tuple[str, str]] = []
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                self.request.settimeout(5)
                with contextlib.suppress(OSError):  # a client that leaves mid-handshake
                    proxy._handle(self.request)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()

    def url(self, scheme: str = "socks5h", login: str = "") -> str:
        return f"{scheme}://{login + '@' if login else ''}127.0.0.1:{self.port}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handle(self, client: socket.socket) -> None:
        version, count = _exactly(client, 2)
        methods = _exactly(client, count)
        wanted = 0x02 if self.credentials else 0x00
        if version != 5 or wanted not in methods:
            client.sendall(b"\x05\xff")
            return
        client.sendall(bytes([5, wanted]))
        if self.credentials and not self._logged_in(client):
            return
        _, command, _, kind = _exactly(client, 4)
        if command != 1:  # only CONNECT
            client.sendall(b"\x05\x07\x00\x01" + bytes(6))
            return
        if kind == 1:
            host = socket.inet_ntoa(_exactly(client, 4))
        elif kind == 3:
            host = _exactly(client, _exactly(client, 1)[0]).decode()
        else:
            host = socket.inet_ntop(socket.AF_INET6, _exactly(client, 16))
        (port,) = struct.unpack("!H", _exactly(client, 2))
        self.targets.append((host, port))
        try:
            upstream = socket.create_connection((self.hosts.get(host, host), port), timeout=5)
        except OSError:
            client.sendall(b"\x05\x05\x00\x01" + bytes(6))  # connection refused
            return
        client.sendall(b"\x05\x00\x00\x01" + bytes(6))
        with upstream:
            _relay(client, upstream)

    def _logged_in(self, client: socket.socket) -> bool:
        _exactly(client, 1)
        user = _exactly(client, _exactly(client, 1)[0]).decode()
        password = _exactly(client, _exactly(client, 1)[0]).decode()
        self.logins.append((user, password))
        accepted = (user, password) == self.credentials
        client.sendall(b"\x01\x00" if accepted else b"\x01\x01")
        return accepted


def _exactly(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise ConnectionError("the client went away")
        data += chunk
    return data


def _relay(a: socket.socket, b: socket.socket) -> None:
    while True:
        ready, _, _ = select.select([a, b], [], [], 5)
        if not ready:
            return
        for source in ready:
            data = source.recv(65536)
            if not data:
                return
            (b if source is a else a).sendall(data)
