"""What a timeout setting means for a call, against a server on 127.0.0.1 that never answers: every form the
generator's client takes (a number, a pair with or without `None`, a urllib3 `Timeout`) bounds the call as
documented; a setting that means nothing is refused before anything is sent."""

from __future__ import annotations

import time
from typing import Any, Iterator

import pytest
import urllib3
from hostile_server import Exchange, HostileServer, json_answer
from scripted_server import Reply, ScriptedServer

import openapi_client
from openapi_client import ApiClient, Configuration, WebBackendApi
from openapi_client.deadlines import TimeLimits
from openapi_client.retries import RetryPolicy

GEOGRAPHIES = "/v1/web_backend/geographies/list"


@pytest.fixture
def silent() -> Iterator[HostileServer]:
    """Reads the request, then says nothing (until the test ends)."""
    server = HostileServer(lambda exchange: exchange.hang())
    yield server
    server.stop()


def elapsed_until_timeout(url: str, setting: Any, **options: Any) -> float:
    api = WebBackendApi(ApiClient(Configuration(host=url, retries=RetryPolicy(total=3, backoff_factor=0.05))))
    started = time.monotonic()
    with pytest.raises(openapi_client.ApiTimeoutError):
        api.web_backend_list_geographies(_request_timeout=setting, **options)
    return time.monotonic() - started


@pytest.mark.parametrize(
    ("setting", "bound"),
    [
        (0.4, 0.4),
        ((1.0, 0.3), 1.3),
        ((None, 0.3), 0.3 * 4 + 0.5),  # no deadline for the call: each answer within 0.3 s, four attempts
        (urllib3.Timeout(total=0.4), 0.4),
        (urllib3.Timeout(connect=1.0, read=0.3), 1.3),
    ],
    ids=["number", "pair", "pair without connect", "urllib3 total", "urllib3 pair"],
)
def test_each_form_of_timeout_bounds_a_call_to_a_silent_server(
    silent: HostileServer, setting: Any, bound: float
) -> None:
    assert elapsed_until_timeout(silent.url, setting) < bound + 0.7


@pytest.mark.parametrize(
    "setting",
    [True, -1, 0, "5", [1, 2], (1, 2, 3), ("1", 2), (1, -2), (True, 5)],
    ids=repr,
)
def test_a_timeout_that_means_nothing_is_refused_before_anything_is_sent(server: ScriptedServer, setting: Any) -> None:
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    api = WebBackendApi(ApiClient(Configuration(host=server.url)))
    with pytest.raises(openapi_client.ApiValueError, match="imeout"):
        api.web_backend_list_geographies(_request_timeout=setting)
    assert server.received == []


def test_true_is_refused_also_after_a_timeout_of_1_was_used(server: ScriptedServer) -> None:
    """`True == 1` as a dictionary key: the settings already converted must not answer for it."""
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    api = WebBackendApi(ApiClient(Configuration(host=server.url)))
    api.web_backend_list_geographies(_request_timeout=1)
    api.web_backend_list_geographies(_request_timeout=5.0)
    with pytest.raises(openapi_client.ApiValueError, match="not True"):
        api.web_backend_list_geographies(_request_timeout=True)
    assert server.count(GEOGRAPHIES) == 2


def test_a_call_without_any_timeout_is_retried_as_any_other(server: ScriptedServer) -> None:
    server.script(GEOGRAPHIES, Reply(503, {"message": "busy"}))
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
    retries = RetryPolicy(total=2, backoff_factor=0.01)
    api = WebBackendApi(ApiClient(Configuration(host=server.url, timeout=None, retries=retries)))
    assert api.web_backend_list_geographies().geographies == ["us"]
    assert server.statuses(GEOGRAPHIES) == [503, 200]


def test_a_wait_that_overruns_the_deadline_ends_the_call_without_another_attempt(server: ScriptedServer) -> None:
    """The retry policy's sleep took longer than asked: the next attempt would start after the deadline."""
    server.always(GEOGRAPHIES, Reply(503, {"message": "busy"}, {"Retry-After": "0.1"}))
    retries = RetryPolicy(total=3, sleep=lambda seconds: time.sleep(seconds + 0.5))
    api = WebBackendApi(ApiClient(Configuration(host=server.url, retries=retries)))
    with pytest.raises(openapi_client.ApiTimeoutError, match="ran out before attempt 2") as caught:
        api.web_backend_list_geographies(_request_timeout=0.4)
    assert caught.value.request_sent is True and server.count(GEOGRAPHIES) == 1


def test_many_distinct_settings_are_read_the_same_way(server: ScriptedServer) -> None:
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    api = WebBackendApi(ApiClient(Configuration(host=server.url)))
    for tenths in range(1, 80):  # more than are kept converted
        api.web_backend_list_geographies(_request_timeout=(5.0, 5.0 + tenths / 10))
    limits = TimeLimits.of((5.0, 6.0))
    assert (limits.total, limits.connect, limits.read) == (11.0, 5.0, 6.0)
    assert TimeLimits.of(None).total is None and TimeLimits.of((5.0, None)).total is None


def slow_answer(exchange: Exchange) -> None:
    exchange.server.stopping.wait(0.3)
    exchange.send(json_answer(b'{"geographies": ["us"]}'))


def test_a_pair_with_no_read_limit_waits_for_the_answer() -> None:
    server = HostileServer(slow_answer)
    try:
        api = WebBackendApi(ApiClient(Configuration(host=server.url, timeout=(1.0, None))))
        assert api.web_backend_list_geographies().geographies == ["us"]
    finally:
        server.stop()
