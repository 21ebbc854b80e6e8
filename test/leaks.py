"""Checks that tests of credentials and faults share: nothing secret in the captured logs, a sleep that only
records how long the client asked to wait, and a clock the test moves."""

from __future__ import annotations

import logging
import time
from typing import Iterable, List, Optional

import pytest

import openapi_client


class RecordedSleeps:
    """A `RetryPolicy.sleep` that returns at once and remembers each wait."""

    def __init__(self) -> None:
        self.waits: List[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


class FakeClock:
    """A clock (seconds since the epoch) that stands still until the test moves `now`."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def captured_text(caplog: pytest.LogCaptureFixture) -> str:
    """Every captured record as it would be printed, with tracebacks and the exceptions' messages."""
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    return "\n".join(formatter.format(record) for record in caplog.records)


def assert_no_secrets(caplog: pytest.LogCaptureFixture, secrets: Iterable[Optional[str]], *texts: str) -> None:
    """None of `secrets` in the captured logs nor in `texts` (exception messages, reprs)."""
    haystack = "\n".join((captured_text(caplog), *texts))
    for secret in secrets:
        if secret:
            assert secret not in haystack, f"a secret leaked: {secret[:4]}..."


def debug_logging(caplog: pytest.LogCaptureFixture) -> None:
    """Capture everything the client and urllib3 log at DEBUG."""
    caplog.set_level(logging.DEBUG, logger="openapi_client")
    caplog.set_level(logging.DEBUG, logger="urllib3")


def attempts_of(error: BaseException) -> int:
    return error.attempts if isinstance(error, openapi_client.ApiConnectionError) else 1
