"""What README.md and docs/ promise, asserted as the literal the docs state, over real sockets: a constant changed in
the code must fail here rather than move the test along with it. Each test names the sentence it holds to."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from typing import Any, Callable, Dict, Iterator, List
from uuid import UUID

import pytest
from hostile_server import Exchange, HostileServer, head, json_answer
from leaks import FakeClock, RecordedSleeps, captured_text, debug_logging
from pools import connections_idle, connections_opened, read_timeouts
from scripted_server import TOKEN_PATH, Reply, ScriptedServer, TokenIssuer

import openapi_client
from openapi_client import ApiClient, Configuration, WebBackendApi
from openapi_client.exceptions import ResponseTooLargeError
from openapi_client.models.schema_change import SchemaChange
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.retries import RetryPolicy
from openapi_client.testing import LocalAirbyte, airbyte_stream

GEOGRAPHIES = "/v1/web_backend/geographies/list"
CLIENT_ID, CLIENT_SECRET = "app-client", "app-SECRET-value"


def geographies(configuration: Configuration, **options: Any) -> Any:
    with ApiClient(configuration) as client:
        return WebBackendApi(client).web_backend_list_geographies(**options)


# -- README "Every call has a timeout: 10 s to connect and 60 s to read by default" -------------------------------


def test_the_default_timeout_is_10_s_to_connect_and_60_s_to_read(server: ScriptedServer) -> None:
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
    configuration = Configuration(host=server.url)
    assert configuration.timeout == (10, 60)
    with ApiClient(configuration) as client:
        WebBackendApi(client).web_backend_list_geographies()
        assert read_timeouts(client, server.url) == [60]
        WebBackendApi(client).web_backend_list_geographies(_request_timeout=(10, 600))
        assert read_timeouts(client, server.url) == [600]


def test_the_first_number_of_the_pair_bounds_connecting() -> None:
    # A listener whose queue of handshakes is full answers no more of them: connecting waits for the timeout.
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        with socket.create_connection(listener.getsockname(), timeout=1):
            configuration = Configuration(host=f"http://127.0.0.1:{listener.getsockname()[1]}", retries=0)
            started = time.monotonic()
            with pytest.raises(openapi_client.ApiTimeoutError) as raised:
                geographies(configuration, _request_timeout=(0.5, 60))
            assert 0.4 < time.monotonic() - started < 3
            assert raised.value.request_sent is False  # it never connected


def test_by_default_connecting_may_take_10_s() -> None:
    """The default's first number, on a real socket: a host that never completes the handshake is given up on after
    10 s (not retried here, so that one wait is measured)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        with socket.create_connection(listener.getsockname(), timeout=1):  # fills the queue of handshakes
            configuration = Configuration(host=f"http://127.0.0.1:{listener.getsockname()[1]}", retries=0)
            started = time.monotonic()
            with pytest.raises(openapi_client.ApiTimeoutError) as raised:
                geographies(configuration)
            assert 9.9 < time.monotonic() - started < 25
            assert raised.value.request_sent is False


# README: "timeout=(10, 60),  # the default: connect within 10 s, the whole call within 70 s"; docs/authentication.md:
# "A retry whose wait would end after the deadline is not made".
@pytest.mark.parametrize(("timeout", "within", "beyond"), [(None, 69, 71), ((10, 600), 609, 611), (5, 4, 6)])
def test_the_whole_call_may_take_connect_plus_read_seconds_or_the_number_given(
    server: ScriptedServer, timeout: Any, within: int, beyond: int
) -> None:
    options = {} if timeout is None else {"_request_timeout": timeout}
    for retry_after, retried in ((within, True), (beyond, False)):
        server.reset()
        server.script(GEOGRAPHIES, Reply(503, {"message": "busy"}, {"Retry-After": str(retry_after)}))
        server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
        sleeps = RecordedSleeps()
        configuration = Configuration(host=server.url, retries=RetryPolicy(sleep=sleeps, retry_after_max=1000))
        if retried:
            assert [g.value for g in geographies(configuration, **options).geographies] == ["us"]
            assert sleeps.waits == [retry_after]
        else:
            with pytest.raises(openapi_client.ServiceException):
                geographies(configuration, **options)
            assert sleeps.waits == [] and server.count(GEOGRAPHIES) == 1


# -- README, Configuration --------------------------------------------------------------------------------------


def test_the_defaults_the_configuration_example_names_are_the_defaults() -> None:
    """README's Configuration block sets three values it calls "the default"; a fresh configuration has them."""
    configuration = Configuration()
    assert configuration.host == "http://airbyte.local"
    assert configuration.timeout == (10, 60)
    assert configuration.max_response_bytes == 128 * 1024 * 1024
    assert configuration.connection_pool_maxsize == 32


def pool_full_warnings(api: WebBackendApi, threads: int, caplog: pytest.LogCaptureFixture) -> int:
    """How many connections urllib3 discarded ("Connection pool is full") after `threads` calls at once."""
    caplog.clear()
    start = threading.Barrier(threads)
    failures: List[BaseException] = []

    def call() -> None:
        try:
            start.wait(10)
            api.web_backend_list_geographies()
        except BaseException as error:  # reported by the test's thread
            failures.append(error)

    workers = [threading.Thread(target=call) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert failures == []
    return sum("Connection pool is full" in record.getMessage() for record in caplog.records)


def test_the_default_pool_keeps_32_connections_per_host(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    """ "connection_pool_maxsize = 32  # the default: connections kept per host": 33 calls at once open 33
    connections, of which 32 go back to the pool and one is discarded, with urllib3's warning."""
    caplog.set_level(logging.WARNING, logger="urllib3")
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}, delay=1.5))  # long enough for all to be in flight
    with ApiClient(Configuration(host=server.url, retries=0)) as client:
        api = WebBackendApi(client)
        assert pool_full_warnings(api, 32, caplog) == 0
        assert (connections_opened(client, server.url), connections_idle(client, server.url)) == (32, 32)
        assert pool_full_warnings(api, 33, caplog) == 1
        assert (connections_opened(client, server.url), connections_idle(client, server.url)) == (33, 32)


def announcing(length: int) -> Callable[[Exchange], None]:
    """An answer that announces a body of `length` bytes, sends 64 KiB of it and closes the connection."""

    def answer(exchange: Exchange) -> None:
        exchange.send(head(Content_Type="application/json", Content_Length=str(length)) + b" " * 65536)

    return answer


def test_by_default_a_body_may_hold_128_mib() -> None:
    """docs/authentication.md: "128 MiB by default"; "A body that announces more is refused before it is read"."""
    at_limit, over_limit = (
        HostileServer(announcing(128 * 1024 * 1024)),
        HostileServer(announcing(128 * 1024 * 1024 + 1)),
    )
    try:
        with pytest.raises(openapi_client.ApiConnectionError):  # read, and found cut short
            geographies(Configuration(host=at_limit.url, retries=0))
        with pytest.raises(ResponseTooLargeError, match="134,217,728"):
            geographies(Configuration(host=over_limit.url, retries=0))
    finally:
        at_limit.stop()
        over_limit.stop()


def interim_answers(count: int) -> Callable[[Exchange], None]:
    return lambda exchange: exchange.send(
        b"HTTP/1.1 103 Early Hints\r\n\r\n" * count + json_answer(b'{"geographies": ["us"]}')
    )


def test_up_to_32_interim_answers_are_skipped() -> None:
    """docs/authentication.md, Errors: `ApiConnectionError` for "more than 32 interim answers"."""
    skipped, too_many = HostileServer(interim_answers(32)), HostileServer(interim_answers(33))
    try:
        assert [g.value for g in geographies(Configuration(host=skipped.url, retries=0)).geographies] == ["us"]
        with pytest.raises(openapi_client.ApiConnectionError, match="more than 32 interim"):
            geographies(Configuration(host=too_many.url, retries=0))
    finally:
        skipped.stop()
        too_many.stop()


# -- docs/authentication.md, Retries ----------------------------------------------------------------------------


def test_a_failed_call_is_retried_up_to_3_times_by_default(server: ScriptedServer) -> None:
    server.always(GEOGRAPHIES, Reply(503, {"message": "busy"}, {"Retry-After": "0"}))
    with pytest.raises(openapi_client.ServiceException):
        geographies(Configuration(host=server.url))
    assert server.count(GEOGRAPHIES) == 1 + 3


@pytest.mark.parametrize("setting", [0, False])
def test_retries_0_or_false_turn_retries_off(server: ScriptedServer, setting: Any) -> None:
    server.always(GEOGRAPHIES, Reply(503, {"message": "busy"}, {"Retry-After": "0"}))
    with pytest.raises(openapi_client.ServiceException):
        geographies(Configuration(host=server.url, retries=setting))
    assert server.count(GEOGRAPHIES) == 1


def waits_before_retries(server: ScriptedServer, **policy: Any) -> List[float]:
    """The waits the default policy (but for `policy`) asks for while a read keeps getting 503s."""
    sleeps = RecordedSleeps()
    with pytest.raises(openapi_client.ServiceException):
        geographies(Configuration(host=server.url, retries=RetryPolicy(sleep=sleeps, **policy)))
    return sleeps.waits


def test_the_wait_before_retry_n_is_half_a_second_times_2_to_the_n_minus_1_capped_at_30_s(
    server: ScriptedServer,
) -> None:
    server.always(GEOGRAPHIES, Reply(503, {"message": "busy"}))
    assert waits_before_retries(server, random=lambda: 0.0) == [0.5, 1.0, 2.0]
    assert waits_before_retries(server, total=8, random=lambda: 0.0) == [0.5, 1, 2, 4, 8, 16, 30, 30]


def test_jitter_drops_a_random_part_of_up_to_half_of_the_wait(server: ScriptedServer) -> None:
    server.always(GEOGRAPHIES, Reply(503, {"message": "busy"}))
    assert waits_before_retries(server, random=lambda: 0.5) == [0.375, 0.75, 1.5]
    nearly_all = waits_before_retries(server, random=lambda: 0.999999)
    assert nearly_all == pytest.approx([0.25, 0.5, 1.0], abs=1e-5)


def test_retry_after_replaces_the_wait_and_is_capped_at_120_s(server: ScriptedServer) -> None:
    server.script(
        GEOGRAPHIES,
        Reply(503, {"message": "busy"}, {"Retry-After": "7"}),
        Reply(429, {"message": "slow down"}, {"Retry-After": "100000"}),
        Reply(503, {"message": "busy"}, {"Retry-After": "119"}),
    )
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
    sleeps = RecordedSleeps()
    # A call's deadline bounds its waits too: this one's, (10, 600), leaves room for all three.
    configuration = Configuration(host=server.url, retries=RetryPolicy(sleep=sleeps), timeout=(10, 600))
    assert geographies(configuration).geographies == ["us"]
    assert sleeps.waits == [7, 120, 119]


def test_each_retry_is_logged_at_info_naming_the_operation_url_wait_and_failure(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="openapi_client")
    server.script(GEOGRAPHIES, Reply(503, {"message": "busy"}, {"Retry-After": "2"}))
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    geographies(Configuration(host=server.url, retries=RetryPolicy(sleep=RecordedSleeps())))
    retries = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO and "Retrying" in r.getMessage()]
    assert len(retries) == 1
    message = retries[0]
    for part in ("web_backend_list_geographies", server.url + GEOGRAPHIES, "2.00 s", "503"):
        assert part in message, (part, message)


# -- docs/authentication.md, Airbyte applications ----------------------------------------------------------------


@pytest.fixture
def application(server: ScriptedServer) -> Iterator[Dict[str, Any]]:
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    configuration = Configuration(host=server.url, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, retries=0)
    with ApiClient(configuration) as client:
        clock = FakeClock()
        client.authenticator.clock = clock
        yield {"api": WebBackendApi(client), "clock": clock, "client": client}


def token_requests_after(server: ScriptedServer, application: Dict[str, Any], seconds: float) -> int:
    """How many tokens the client has asked for after a first call and then another `seconds` later."""
    application["api"].web_backend_list_geographies()
    application["clock"].now += seconds
    application["api"].web_backend_list_geographies()
    return server.count(TOKEN_PATH)


# "It is replaced when a fifth of its lifetime is left (at most 60 s before expiry)", for tokens of 3 to 15 minutes.
@pytest.mark.parametrize(
    ("lifetime", "replaced_after"),
    [(180, 144), (240, 192), (300, 240), (600, 540), (900, 840)],
    ids=["3-min", "4-min", "5-min", "10-min", "15-min"],
)
@pytest.mark.parametrize("replaced", [False, True], ids=["kept", "replaced"])
def test_an_application_token_is_replaced_when_a_fifth_of_its_lifetime_is_left_at_most_60_s_before_expiry(
    server: ScriptedServer, application: Dict[str, Any], lifetime: int, replaced_after: int, replaced: bool
) -> None:
    issuer = server.issue_tokens(TokenIssuer(CLIENT_ID, CLIENT_SECRET, lifetime=lifetime))
    assert token_requests_after(server, application, replaced_after + (0.5 if replaced else -0.5)) == 1 + replaced
    # Renewed ahead: the server never saw a token it had to refuse.
    assert server.statuses(GEOGRAPHIES) == [200, 200]
    assert server.received[-1].headers["Authorization"] == f"Bearer {issuer.issued[-1]}"


@pytest.mark.parametrize(("seconds", "requests"), [(95.5, 1), (96.5, 2)])
def test_a_token_without_a_readable_exp_is_replaced_every_96_s(
    server: ScriptedServer, application: Dict[str, Any], seconds: float, requests: int
) -> None:
    server.issue_tokens(TokenIssuer(CLIENT_ID, CLIENT_SECRET, lifetime=3600, jwt=False))
    assert token_requests_after(server, application, seconds) == requests


def test_a_changed_host_gets_a_new_token_from_the_new_host(server: ScriptedServer) -> None:
    first = server.issue_tokens(TokenIssuer(CLIENT_ID, CLIENT_SECRET))
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["first"]}))
    other = ScriptedServer().start()
    try:
        second = other.issue_tokens(TokenIssuer(CLIENT_ID, CLIENT_SECRET))
        other.always(GEOGRAPHIES, Reply(body={"geographies": ["second"]}))
        configuration = Configuration(host=server.url, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, retries=0)
        with ApiClient(configuration) as client:
            api = WebBackendApi(client)
            assert api.web_backend_list_geographies().geographies == ["first"]
            configuration.host = other.url
            assert api.web_backend_list_geographies().geographies == ["second"]
        assert other.count(TOKEN_PATH) == 1 and server.count(TOKEN_PATH) == 1
        assert [r.headers["Authorization"] for r in other.received if r.path == GEOGRAPHIES] == [
            f"Bearer {second.issued[0]}"
        ]
        assert first.issued[0] not in json.dumps([r.headers for r in other.received])
    finally:
        other.stop()


# -- docs/authentication.md, Logging and secrets ------------------------------------------------------------------

SECRET_HEADERS = ("Authorization", "Proxy-Authorization", "Cookie", "X-Api-Key")


def test_credential_headers_are_logged_as_redacted(server: ScriptedServer, caplog: pytest.LogCaptureFixture) -> None:
    debug_logging(caplog)
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}, headers={"Set-Cookie": "session=SECRET-set-cookie"}))
    configuration = Configuration(host=server.url, access_token="SECRET-token", debug=True, retries=0)
    sent = {
        "Proxy-Authorization": "Basic SECRET-proxy",
        "Cookie": "session=SECRET-cookie",
        "X-Api-Key": "SECRET-api-key",
        "X-Trace": "visible-trace",
    }
    try:
        geographies(configuration, _headers=sent)
    finally:
        configuration.debug = False
    received = server.received[0].headers
    assert all(received[name] == value for name, value in sent.items())  # sent as they are...
    text = captured_text(caplog)
    assert "SECRET" not in text  # ...and logged without them
    for name in (*SECRET_HEADERS, "Set-Cookie"):
        assert f"'{name}': '<redacted>'" in text, name
    assert "'X-Trace': 'visible-trace'" in text


# -- docs/testing.md, "A difference is breaking when it takes away what a selected stream syncs by" ---------------


def schema_changes(airbyte: LocalAirbyte, web: WebBackendApi, connection_id: UUID) -> List[SchemaChange]:
    """The connection's `schemaChange` as a refreshed get, then list and get report it (Airbyte stores what a
    refresh finds: `WebBackendConnectionsHandler.getSchemaChange` reads the stored breaking flag)."""
    refreshed = web.web_backend_get_connection(
        WebBackendConnectionRequestBody(connection_id=connection_id, with_refreshed_catalog=True)
    )
    body = WebBackendConnectionListRequestBody(workspace_id=airbyte.workspace_id)
    [listed] = [c for c in web.web_backend_list_connections_for_workspace(body).connections]
    read = web.web_backend_get_connection(WebBackendConnectionRequestBody(connection_id=connection_id))
    return [refreshed.schema_change, listed.schema_change, read.schema_change]


def connect(airbyte: LocalAirbyte, web: WebBackendApi, stream: Any, **config: Any) -> UUID:
    """A connection that syncs `stream` with its default configuration, changed by `config`, created from the
    source's discovered catalog (`sourceCatalogId`), as the web app creates one."""
    source_id = airbyte.add_source("Shop DB", [stream])
    catalog = airbyte.source_catalog(source_id)
    for name, value in config.items():
        setattr(catalog.streams[0].config, name, value)
    created = web.web_backend_create_connection(
        WebBackendConnectionCreate(
            source_id=source_id,
            destination_id=airbyte.add_destination("Lake"),
            status="active",
            sync_catalog=catalog,
            source_catalog_id=airbyte.discover(source_id),  # the web app's discover_schema before a create
        )
    )
    assert schema_changes(airbyte, web, created.connection_id) == [SchemaChange.NO_CHANGE] * 3
    return created.connection_id


ADDRESS = {"type": "object", "properties": {"city": {"type": "string"}, "changed_at": {"type": "string"}}}
CURSOR = ["address", "changed_at"]


@pytest.mark.parametrize("selected", [True, False], ids=["selected", "not selected"])
def test_removing_the_parent_of_a_nested_cursor_is_breaking(
    empty_airbyte: LocalAirbyte, empty_web: WebBackendApi, selected: bool
) -> None:
    people = airbyte_stream("people", {"id": "integer", "address": ADDRESS}, primary_key=["id"], cursor=CURSOR)
    connection_id = connect(empty_airbyte, empty_web, people, selected=selected)
    read = empty_web.web_backend_get_connection(WebBackendConnectionRequestBody(connection_id=connection_id))
    assert read.sync_catalog.streams[0].config.cursor_field == CURSOR
    without_address = airbyte_stream("people", {"id": "integer"}, primary_key=["id"], cursor="id")
    empty_airbyte.set_source_catalog(empty_airbyte.source_named("Shop DB"), [without_address])
    expected = SchemaChange.BREAKING if selected else SchemaChange.NON_BREAKING
    assert schema_changes(empty_airbyte, empty_web, connection_id) == [expected] * 3


@pytest.mark.parametrize(
    ("sync_mode", "expected"),
    [("append_dedup", SchemaChange.BREAKING), ("append", SchemaChange.NON_BREAKING)],
)
def test_a_changed_source_defined_primary_key_breaks_a_deduplicated_stream(
    empty_airbyte: LocalAirbyte, empty_web: WebBackendApi, sync_mode: str, expected: SchemaChange
) -> None:
    fields = {"id": "integer", "shop": "string", "updated_at": "timestamp"}
    orders = airbyte_stream("orders", fields, primary_key=["id"], cursor="updated_at")
    connection_id = connect(empty_airbyte, empty_web, orders, destination_sync_mode=sync_mode)
    rekeyed = airbyte_stream("orders", fields, primary_key=["shop", "id"], cursor="updated_at")
    empty_airbyte.set_source_catalog(empty_airbyte.source_named("Shop DB"), [rekeyed])
    assert schema_changes(empty_airbyte, empty_web, connection_id) == [expected] * 3
