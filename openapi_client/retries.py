"""When a failed call is sent again, and how long the client waits before it does.

Every operation is a POST, so the decision follows what the operation does, not its method: a call that only reads
may be sent again whenever it failed; a call that changes something only when the server surely did not act on it
(the connection could not be opened, or the server answered 429/503, which turn a request away before any work).
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass, field
from datetime import timezone
from email.utils import parsedate_to_datetime
from typing import Any, Callable, FrozenSet, Optional

import urllib3

from openapi_client.exceptions import ApiConnectionError, ApiTLSError, ApiValueError

DEFAULT_RETRIES = 3
RETRY_STATUSES = frozenset({429, 502, 503, 504})
# A server (or the proxy in front of it) answers these before doing any of the work the request asks for.
TURNED_AWAY_STATUSES = frozenset({429, 503})


@dataclass(frozen=True)
class RetryPolicy:
    """How many times a call is sent again and how long the client waits in between.

    The wait before retry `n` is `backoff_factor * 2 ** (n - 1)` seconds, capped at `backoff_max`, of which a random
    part (up to half) is dropped so that clients that failed together do not retry together. A `Retry-After` header
    (seconds or an HTTP date; a negative one counts as absent) replaces that wait, capped at `retry_after_max`.
    `connect`, `read` and `status` cap each kind of retry on its own within `total`. `sleep`, `clock` and `random`
    are there for tests. No wait outlasts the call's timeout: a retry that could not start in time is not made.
    """

    total: int = DEFAULT_RETRIES
    connect: Optional[int] = None
    read: Optional[int] = None
    status: Optional[int] = None
    backoff_factor: float = 0.5
    backoff_max: float = 30.0
    retry_after_max: float = 120.0
    statuses: FrozenSet[int] = RETRY_STATUSES
    respect_retry_after: bool = True
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False, compare=False)
    clock: Callable[[], float] = field(default=time.time, repr=False, compare=False)
    random: Callable[[], float] = field(default=random.random, repr=False, compare=False)

    @classmethod
    def from_setting(cls, setting: Any) -> RetryPolicy:
        """The policy of a `Configuration.retries` value: None (the default policy), a number of retries,
        True/False (default policy / no retries), a urllib3 `Retry`, or a `RetryPolicy`."""
        if isinstance(setting, RetryPolicy):
            return setting
        if setting is None or setting is True:
            return cls()
        if setting is False:
            return cls(total=0)
        if isinstance(setting, int):
            if setting < 0:
                raise ApiValueError(f"`retries` cannot be negative, got {setting}")
            return cls(total=setting)
        if isinstance(setting, urllib3.Retry):
            return cls._from_urllib3(setting)
        raise ApiValueError(
            f"`retries` is a number, True/False, a urllib3 Retry or a RetryPolicy, not {type(setting).__name__}"
        )

    @classmethod
    def _from_urllib3(cls, retry: urllib3.Retry) -> RetryPolicy:
        # The counters, backoff and status list are taken; `allowed_methods` is not, every call being a POST.
        connect, read, status = (_count(getattr(retry, kind)) for kind in ("connect", "read", "status"))
        total = _count(retry.total)
        if total is None:
            limits = [limit for limit in (connect, read, status) if limit is not None]
            total = sum(limits) if limits else DEFAULT_RETRIES
        return cls(
            total=total,
            connect=connect,
            read=read,
            status=status,
            backoff_factor=retry.backoff_factor,
            backoff_max=retry.backoff_max,
            statuses=frozenset(retry.status_forcelist or RETRY_STATUSES),
            respect_retry_after=retry.respect_retry_after_header,
        )

    def start(self, read_only: bool) -> RetryBudget:
        """The retries of one call; `read_only` says whether it may be sent again after it reached the server."""
        return RetryBudget(self, read_only)

    def backoff(self, retry_number: int) -> float:
        """The wait before retry number `retry_number` (from 1), jitter included."""
        ceiling = min(self.backoff_max, self.backoff_factor * 2.0 ** (retry_number - 1))
        return ceiling * (1.0 - self.random() / 2)

    def retry_after(self, value: Optional[str]) -> Optional[float]:
        """The wait a `Retry-After` header asks for, capped; None when there is none, or it is negative or cannot be
        read."""
        if not value or not self.respect_retry_after:
            return None
        seconds = _parse_retry_after(value.strip(), self.clock)
        return None if seconds is None else min(seconds, self.retry_after_max)


class RetryBudget:
    """The retries of one call: what is used up, and the wait before the next attempt (None: do not retry)."""

    __slots__ = ("attempts", "policy", "read_only", "used")

    def __init__(self, policy: RetryPolicy, read_only: bool) -> None:
        self.policy = policy
        self.read_only = read_only
        self.attempts = 1
        self.used = {"connect": 0, "read": 0, "status": 0}

    def after_error(self, error: ApiConnectionError) -> Optional[float]:
        """The wait before sending again after `error`, or None when the call must fail with it."""
        if isinstance(error, ApiTLSError):
            return None  # certificates do not fix themselves between attempts
        if error.request_sent and not self.read_only:
            return None
        return self._take("read" if error.request_sent else "connect", None)

    def after_status(self, status: int, retry_after: Optional[str]) -> Optional[float]:
        """The wait before sending again after an answer with `status`, or None when the answer stands."""
        if status not in self.policy.statuses:
            return None
        if status not in TURNED_AWAY_STATUSES and not self.read_only:
            return None
        return self._take("status", self.policy.retry_after(retry_after))

    def _take(self, kind: str, wait: Optional[float]) -> Optional[float]:
        limit = getattr(self.policy, kind)
        retries = self.attempts - 1
        if retries >= self.policy.total or (limit is not None and self.used[kind] >= limit):
            return None
        self.used[kind] += 1
        self.attempts += 1
        return self.policy.backoff(retries + 1) if wait is None else wait


def _count(value: Any) -> Optional[int]:
    """A urllib3 counter: False means none, None means unbounded."""
    if value is False:
        return 0
    return None if value is None else max(0, int(value))


def _parse_retry_after(value: str, clock: Callable[[], float]) -> Optional[float]:
    """The seconds to wait; None for a value that means nothing: not a number or a date, infinite, or negative (a
    count of seconds cannot be, and "retry at once" would make every retry at once). A date past means now."""
    try:
        seconds = float(value)
        if seconds < 0:
            return None
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if moment.tzinfo is None:  # "-0000": a time in UTC whose source zone is unknown
            moment = moment.replace(tzinfo=timezone.utc)
        seconds = moment.timestamp() - clock()
    return max(0.0, seconds) if math.isfinite(seconds) else None


__all__ = ["DEFAULT_RETRIES", "RETRY_STATUSES", "TURNED_AWAY_STATUSES", "RetryBudget", "RetryPolicy"]
