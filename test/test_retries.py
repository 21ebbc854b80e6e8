"""The retry policy on its own: what `Configuration.retries` accepts, which failures are retried for which kind of
operation, the backoff and its jitter, and `Retry-After`. (The same rules over real sockets: test_faults.py.)"""

from __future__ import annotations

from email.utils import formatdate
from typing import Optional

import pytest
import urllib3

import openapi_client
from openapi_client.exceptions import ApiConnectionError, ApiTimeoutError, ApiTLSError
from openapi_client.retries import RetryPolicy

NOW = 1_700_000_000.0


def policy(**settings: object) -> RetryPolicy:
    return RetryPolicy(**{"clock": lambda: NOW, "random": lambda: 0.0, **settings})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("setting", "total"),
    [(None, 3), (True, 3), (False, 0), (0, 0), (5, 5)],
)
def test_numbers_and_flags_set_the_number_of_retries(setting: object, total: int) -> None:
    assert RetryPolicy.from_setting(setting).total == total


def test_a_policy_is_used_as_it_is() -> None:
    mine = RetryPolicy(total=7, backoff_factor=0.0)
    assert RetryPolicy.from_setting(mine) is mine


def test_a_urllib3_retry_gives_its_counters_backoff_and_statuses() -> None:
    retry = urllib3.Retry(total=4, connect=2, read=False, backoff_factor=0.25, backoff_max=3, status_forcelist=[500])
    converted = RetryPolicy.from_setting(retry)
    assert (converted.total, converted.connect, converted.read, converted.status) == (4, 2, 0, None)
    assert (converted.backoff_factor, converted.backoff_max) == (0.25, 3)
    assert converted.statuses == frozenset({500})
    unbounded = RetryPolicy.from_setting(urllib3.Retry(total=None, connect=1, read=2))
    assert unbounded.total == 3
    assert RetryPolicy.from_setting(urllib3.Retry(0)).total == 0
    assert RetryPolicy.from_setting(urllib3.Retry(2)).statuses == {429, 502, 503, 504}


@pytest.mark.parametrize("setting", [-1, "3", 2.5, [3]])
def test_other_settings_are_refused(setting: object) -> None:
    with pytest.raises(openapi_client.ApiValueError, match="retries"):
        RetryPolicy.from_setting(setting)


def test_backoff_doubles_up_to_its_cap_and_jitter_takes_up_to_half() -> None:
    steady = policy(backoff_factor=0.5, backoff_max=3.0)
    assert [steady.backoff(n) for n in range(1, 6)] == [0.5, 1.0, 2.0, 3.0, 3.0]
    jittered = policy(backoff_factor=0.5, backoff_max=3.0, random=lambda: 0.999999)
    assert jittered.backoff(2) == pytest.approx(0.5, abs=1e-5)


@pytest.mark.parametrize(
    ("header", "wait"),
    [
        ("3", 3.0),
        ("0", 0.0),
        ("1.5", 1.5),
        ("-4", None),  # a negative count is no count: the usual backoff applies
        (formatdate(NOW + 20, usegmt=True), 20.0),
        (formatdate(NOW - 20, usegmt=True), 0.0),
        ("100000", 120.0),
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_in_seconds_or_as_a_date_is_capped(header: Optional[str], wait: Optional[float]) -> None:
    assert policy().retry_after(header) == wait


def test_retry_after_can_be_ignored() -> None:
    assert policy(respect_retry_after=False).retry_after("3") is None


def refused() -> ApiConnectionError:
    return ApiConnectionError("refused", request_sent=False)


def dropped() -> ApiConnectionError:
    return ApiConnectionError("reset", request_sent=True)


@pytest.mark.parametrize(
    ("failure", "read_only", "retried"),
    [
        (refused, True, True),
        (refused, False, True),
        (dropped, True, True),
        (dropped, False, False),
        (lambda: ApiTimeoutError("read timed out"), True, True),
        (lambda: ApiTimeoutError("read timed out"), False, False),
        (lambda: ApiTimeoutError("connect timed out", request_sent=False), False, True),
        (lambda: ApiTLSError("certificate verify failed", request_sent=False), True, False),
    ],
)
def test_which_connection_failures_are_retried(failure: object, read_only: bool, retried: bool) -> None:
    budget = policy(backoff_factor=0.5).start(read_only)
    wait = budget.after_error(failure())  # type: ignore[operator]
    assert (wait is not None) == retried
    if retried:
        assert wait == 0.5 and budget.attempts == 2


@pytest.mark.parametrize("status", [429, 503])
@pytest.mark.parametrize("read_only", [True, False])
def test_statuses_that_turn_a_request_away_are_retried_for_every_operation(status: int, read_only: bool) -> None:
    assert policy().start(read_only).after_status(status, "7") == 7.0


@pytest.mark.parametrize("status", [502, 504])
def test_gateway_errors_are_retried_only_for_reads(status: int) -> None:
    assert policy(backoff_factor=1.0).start(True).after_status(status, None) == 1.0
    assert policy().start(False).after_status(status, None) is None


@pytest.mark.parametrize("status", [200, 400, 401, 404, 409, 422, 500])
def test_other_statuses_are_not_retried(status: int) -> None:
    assert policy().start(True).after_status(status, "1") is None


def test_the_total_and_each_kind_bound_the_retries() -> None:
    budget = policy(total=3, connect=1, backoff_factor=1.0).start(True)
    assert budget.after_error(refused()) == 1.0
    assert budget.after_error(refused()) is None  # the connect budget is spent
    assert budget.after_error(dropped()) == 2.0
    assert budget.after_status(503, None) == 4.0
    assert budget.after_status(503, None) is None  # the total is spent
    assert budget.attempts == 4


def test_no_retries_means_one_attempt() -> None:
    budget = RetryPolicy.from_setting(0).start(True)
    assert budget.after_error(refused()) is None
    assert budget.after_status(503, "1") is None
    assert budget.attempts == 1
