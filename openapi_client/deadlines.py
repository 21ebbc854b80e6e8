"""How long a call may take: a timeout setting as a deadline for the whole call and a limit for each answer.

A number is the time the whole call may take, in seconds: every attempt, the waits between attempts and the request
for an access token included. A `(connect, read)` pair gives each attempt `connect` seconds to connect and `read`
seconds to receive the whole answer once the request is sent (every byte of it, not each byte), and the whole call
`connect + read`; a `None` in the pair lifts that limit (and so the call's). A urllib3 `Timeout` is read the same
way: its `total` as a number, else its `connect` and `read` as a pair.

The deadline of the call a thread is making is kept per thread (`CURRENT.deadline`): the connections of
`openapi_client.connections` read it to bound every byte they send and receive, and a call made on behalf of another
(the token request of an operation) ends by the deadline of the one it serves.
"""

from __future__ import annotations

import math
import threading
import time
from typing import Dict, Optional, Tuple, Union

import urllib3

from openapi_client.exceptions import ApiValueError

TimeoutValue = Union[None, float, Tuple[Optional[float], Optional[float]], urllib3.Timeout]


class Deadline:
    """The limits of a call in progress: when the whole call must be over (`at`, a `time.monotonic()` value, or None)
    and how long an answer may take to arrive in full (`read` seconds, or None). `lift()` ends both, for a response
    whose body the caller reads in its own time: the socket then waits up to `read` seconds for each read."""

    __slots__ = ("at", "lifted", "read")

    def __init__(self, at: Optional[float], read: Optional[float]) -> None:
        self.at = at
        self.read = read
        self.lifted = False

    def remaining(self) -> float:
        """Seconds left for the whole call (0 or less: it is over; `inf`: no limit)."""
        return math.inf if self.at is None or self.lifted else self.at - time.monotonic()

    def answer_end(self) -> float:
        """When an answer whose request was just sent must have arrived in full."""
        end = math.inf if self.at is None else self.at
        if self.read is not None:
            by_read = time.monotonic() + self.read
            if by_read < end:
                return by_read
        return end

    def lift(self) -> None:
        self.lifted = True


class _Current(threading.local):
    """The deadline of the call this thread is making (None: none), as `CURRENT.deadline`."""

    deadline: Optional[Deadline] = None


CURRENT = _Current()


class TimeLimits:
    """A timeout setting, read once: the budget of a whole call, the cap of each connection, and the urllib3 timeout
    an attempt gets when the deadline is not near."""

    __slots__ = ("connect", "read", "timeout", "total")

    def __init__(self, total: Optional[float], connect: Optional[float], read: Optional[float]) -> None:
        self.total = total
        self.connect = connect
        self.read = read
        try:
            self.timeout = urllib3.Timeout(connect=connect, read=read)
        except ValueError as error:
            raise ApiValueError(f"Invalid timeout: {error}") from None

    @classmethod
    def of(cls, setting: TimeoutValue) -> TimeLimits:
        """The limits of a timeout setting (converted once per distinct setting)."""
        global _LAST
        last = _LAST
        if last[0] is setting:  # most calls use the setting the last one used (the very object)
            return last[1]
        if setting is True or setting is False:  # equal to 1 and 0 as dictionary keys
            raise ApiValueError(f"A timeout is a number of seconds or a (connect, read) pair, not {setting!r}")
        try:
            limits = _LIMITS[setting]
        except (KeyError, TypeError):
            limits = cls._convert(setting)  # refuses an unhashable setting: a pair is a tuple
            if len(_LIMITS) >= 64:
                _LIMITS.clear()
            _LIMITS[setting] = limits
        _LAST = (setting, limits)
        return limits

    @classmethod
    def _convert(cls, setting: TimeoutValue) -> TimeLimits:
        if setting is None:
            return cls(None, None, None)
        if isinstance(setting, urllib3.Timeout):
            return cls._of_urllib3(setting)
        if isinstance(setting, (int, float)):
            return cls(setting, setting, setting)
        if isinstance(setting, tuple) and len(setting) == 2 and all(_is_seconds_or_none(p) for p in setting):
            connect, read = setting
            return cls(None if connect is None or read is None else connect + read, connect, read)
        raise ApiValueError(f"A timeout is a number of seconds or a (connect, read) pair, not {setting!r}")

    @classmethod
    def _of_urllib3(cls, timeout: urllib3.Timeout) -> TimeLimits:
        connect, total = _seconds(timeout.connect_timeout), _seconds(timeout.total)
        if total is not None:
            return cls(total, connect, total)
        read = _seconds(timeout.read_timeout)
        return cls(None if connect is None or read is None else connect + read, connect, read)

    def start(self) -> Optional[Deadline]:
        """The deadline of a call that starts now: its own budget, within that of the call it is made for."""
        outer = CURRENT.deadline
        at = None if self.total is None else time.monotonic() + self.total
        if outer is not None and outer.at is not None and not outer.lifted and (at is None or outer.at < at):
            at = outer.at
        return None if at is None and self.read is None else Deadline(at, self.read)

    def for_attempt(self, deadline: Optional[Deadline]) -> Optional[urllib3.Timeout]:
        """The urllib3 timeout of an attempt starting now, or None when the deadline has passed.

        Connecting may take the connect limit, but no longer than the time left; sending and receiving are bounded
        by the deadline itself (see `openapi_client.connections`)."""
        if deadline is None or deadline.at is None:
            return self.timeout
        remaining = deadline.at - time.monotonic()
        if remaining <= 0:
            return None
        if self.connect is not None and remaining >= self.connect:
            return self.timeout
        return urllib3.Timeout(connect=remaining, read=remaining)


_LIMITS: Dict[TimeoutValue, TimeLimits] = {}
_LAST: Tuple[TimeoutValue, TimeLimits] = (None, TimeLimits(None, None, None))


def _is_seconds_or_none(value: object) -> bool:
    return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))


def _seconds(value: object) -> Optional[float]:
    """A urllib3 timeout value in seconds; None for none, and for its "socket default" marker."""
    return float(value) if isinstance(value, (int, float)) else None


__all__ = ["CURRENT", "Deadline", "TimeLimits", "TimeoutValue"]
