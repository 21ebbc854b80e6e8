"""Fault injection: the next calls to an operation fail with a status, come slowly, or lose their connection.

For testing a client's retries and timeouts against the local web backend. Faults are queued per operation
(named as `WebBackendApi` names it, or `"*"` for any) and each one is used up by one request.
"""

from __future__ import annotations

import threading
from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Deque, Dict, Iterable, Optional, Union

from openapi_client.testing.web_backend import OPERATIONS

ANY_OPERATION = "*"
OPERATION_NAMES = frozenset(spec.name for spec in OPERATIONS.values())


@dataclass(frozen=True)
class Fault:
    """What happens to one request instead of its usual answer.

    `delay` seconds pass first. Then `status` answers it (with a `Retry-After` header when `retry_after` is
    set), or `drop` closes the connection without an answer: before the request takes effect, or after it
    when `after_processing` (the change is made, the caller never hears of it).
    """

    status: Optional[int] = None
    retry_after: Optional[str] = None
    delay: float = 0.0
    drop: bool = False
    after_processing: bool = False

    def __post_init__(self) -> None:
        if self.status is not None and not 100 <= self.status <= 599:
            raise ValueError(f"{self.status} is not an HTTP status")
        if self.status is not None and self.drop:
            raise ValueError("A fault either answers with a status or drops the connection, not both")
        if self.delay < 0:
            raise ValueError("A delay is a number of seconds, not negative")


class Faults:
    """The faults waiting for requests, per operation. Safe to use from any thread while the server runs."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queues: Dict[str, Deque[Fault]] = defaultdict(deque)

    def fail(
        self,
        operation: str,
        status: int = 503,
        *,
        times: int = 1,
        retry_after: Union[int, str, None] = None,
        delay: float = 0.0,
    ) -> None:
        """Answer the next `times` calls to `operation` with `status` (and `Retry-After: retry_after`)."""
        after = None if retry_after is None else str(retry_after)
        self.add(operation, Fault(status=status, retry_after=after, delay=delay), times=times)

    def slow_down(self, operation: str, seconds: float, *, times: int = 1) -> None:
        """Answer the next `times` calls to `operation` as usual, but only after `seconds`."""
        self.add(operation, Fault(delay=seconds), times=times)

    def drop_connection(self, operation: str, *, times: int = 1, after_processing: bool = False) -> None:
        """Close the connection of the next `times` calls without answering (a TCP reset); with
        `after_processing` the call takes effect first, as when a response is lost on its way back."""
        self.add(operation, Fault(drop=True, after_processing=after_processing), times=times)

    def add(self, operation: str, fault: Fault, *, times: int = 1) -> None:
        """Queue `fault` for the next `times` calls to `operation`, after the faults already queued."""
        if operation != ANY_OPERATION and operation not in OPERATION_NAMES:
            known = ", ".join(sorted(OPERATION_NAMES))
            raise ValueError(f"Unknown operation {operation!r}: use one of {known}, or {ANY_OPERATION!r}")
        if times < 1:
            raise ValueError("times must be at least 1")
        with self._lock:
            self._queues[operation].extend([fault] * times)

    def take(self, operation: str) -> Optional[Fault]:
        """The fault for a call to `operation` now, if one is queued (its own first, then any operation's)."""
        with self._lock:
            for name in (operation, ANY_OPERATION):
                queue = self._queues.get(name)
                if queue:
                    return queue.popleft()
        return None

    def pending(self, operations: Iterable[str] = ()) -> int:
        """How many faults are still queued (for `operations`, or for all)."""
        names = set(operations)
        with self._lock:
            return sum(len(queue) for name, queue in self._queues.items() if not names or name in names)

    def clear(self) -> None:
        """Forget every queued fault."""
        with self._lock:
            self._queues.clear()
