"""What a test can see of a client's connection pools from outside: the connections it opened, those back in the
pool, and the sockets they keep (with the timeout the last read was given)."""

from __future__ import annotations

import socket
from typing import List, Optional

from openapi_client import ApiClient


def _pool(client: ApiClient, url: str) -> object:
    return client.rest_client.pool_manager.connection_from_url(url)


def pooled_sockets(client: ApiClient, url: str) -> List[socket.socket]:
    """The sockets of the connections to `url` that are back in the pool."""
    pool = _pool(client, url)
    return [connection.sock for connection in list(pool.pool.queue) if connection and connection.sock]  # type: ignore[attr-defined]


def read_timeouts(client: ApiClient, url: str) -> List[Optional[float]]:
    """The timeout of each pooled socket: the read timeout its last answer was awaited with."""
    return [sock.gettimeout() for sock in pooled_sockets(client, url)]


def connections_opened(client: ApiClient, url: str) -> int:
    return int(_pool(client, url).num_connections)  # type: ignore[attr-defined]


def connections_idle(client: ApiClient, url: str) -> int:
    """The connections back in the pool: with none leaked, all those opened once the calls are done."""
    pool = _pool(client, url)
    return sum(1 for connection in list(pool.pool.queue) if connection is not None)  # type: ignore[attr-defined]
