"""Reading the body of a response, at most `Configuration.max_response_bytes` of it, and letting go of one that will not
be used."""

from __future__ import annotations

from typing import Optional

import urllib3

# A body this small is read to the end to keep its connection; a larger one closes it.
DRAIN_LIMIT = 64 * 1024


class BodyTooLarge(Exception):
    """A body over the limit: `announced` is the size its `Content-Length` gave, if it was that which told."""

    def __init__(self, limit: int, announced: Optional[int] = None) -> None:
        self.limit = limit
        self.announced = announced
        super().__init__(limit, announced)


def read_body(response: urllib3.BaseHTTPResponse, limit: Optional[int]) -> bytes:
    """The whole body, decoded; raises `BodyTooLarge` (having closed the connection) as soon as it is known to have
    more than `limit` bytes: before reading, when its `Content-Length` says so, else once `limit + 1` are decoded."""
    if limit is None:
        return response.data
    length = getattr(response, "length_remaining", None)
    encoded = "content-encoding" in response.headers
    if length is not None and not encoded:
        if length > limit:
            _close(response)
            raise BodyTooLarge(limit, length)
        return response.data
    # No length, or a compressed body whose length says nothing of what it unpacks to: read one byte past the limit
    # (urllib3 decodes no more than it is asked for).
    data = response.read(limit + 1)
    if len(data) > limit:
        _close(response)
        raise BodyTooLarge(limit)
    response.release_conn()
    return data


def discard(response: urllib3.BaseHTTPResponse) -> None:
    """Let go of a response whose body will not be used: its connection goes back to the pool when the rest of the
    body is small (read as it is, not decoded), and is closed otherwise (a large or endless body is not worth
    reading)."""
    length = getattr(response, "length_remaining", None)
    if length is not None and length <= DRAIN_LIMIT:
        response.drain_conn()
        response.release_conn()
    else:
        _close(response)


def _close(response: urllib3.BaseHTTPResponse) -> None:
    response.close()
    response.release_conn()


__all__ = ["DRAIN_LIMIT", "BodyTooLarge", "discard", "read_body"]
