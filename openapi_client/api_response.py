"""What the `_with_http_info` variant of an operation returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Mapping, Optional, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class ApiResponse(Generic[T]):
    """The parsed body of a response, with its status, headers and raw bytes."""

    status_code: int
    headers: Optional[Mapping[str, str]]
    data: T
    raw_data: bytes
