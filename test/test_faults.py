"""The fault-injection suite: a real local server breaks exchanges on purpose; each test checks what the caller gets
(an exception of the library, or the result), how many attempts the server saw, and that no credential was logged."""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass
from email.utils import formatdate
from typing import Any, Callable, Iterator, Type

import pytest
import urllib3
from leaks import RecordedSleeps, assert_no_secrets, debug_logging
from samples import CONNECTION_ID, DESTINATION_ID, SOURCE_ID, connection_read
from scripted_server import Reply, ScriptedServer

import openapi_client
from openapi_client import ApiClient, Configuration, WebBackendApi
from openapi_client.retries import RetryPolicy

PASSWORD = "fault-SECRET-password"
BASIC = Configuration(username="airbyte", password=PASSWORD).get_basic_auth_token()
GEOGRAPHIES = "/v1/web_backend/geographies/list"
CREATE = "/v1/web_backend/connections/create"
GET = "/v1/web_backend/connections/get"
NEW_CONNECTION = {"sourceId": SOURCE_ID, "destinationId": DESTINATION_ID, "status": "active"}
READ_TIMEOUT = 0.2
RETRIES = 2


@dataclass
class Client:
    api: WebBackendApi
    sleeps: RecordedSleeps


@pytest.fixture
def client(server: ScriptedServer, caplog: pytest.LogCaptureFixture) -> Iterator[Client]:
    """A client with basic credentials, debug logging, 2 retries that do not really wait, and a short read timeout.
    Every test ends by checking that the credentials appear nowhere in what was logged."""
    debug_logging(caplog)
    yield from _client(server.url, caplog)


def _client(host: str, caplog: pytest.LogCaptureFixture) -> Iterator[Client]:
    sleeps = RecordedSleeps()
    configuration = Configuration(
        host=host,
        username="airbyte",
        password=PASSWORD,
        retries=RetryPolicy(total=RETRIES, backoff_factor=0.05, sleep=sleeps),
        timeout=(2.0, READ_TIMEOUT),
        debug=True,
    )
    with ApiClient(configuration) as api_client:
        yield Client(WebBackendApi(api_client), sleeps)
    configuration.debug = False
    assert_no_secrets(caplog, [PASSWORD, BASIC, BASIC and BASIC.split()[1]])


def list_geographies(api: WebBackendApi) -> Any:
    return api.web_backend_list_geographies()


def create_connection(api: WebBackendApi) -> Any:
    return api.web_backend_create_connection(NEW_CONNECTION)


@dataclass
class Fault:
    name: str
    reply: Reply
    error: Type[Exception]


FAULTS = [
    Fault("reset after the request was read", Reply(fault="reset"), openapi_client.ApiConnectionError),
    Fault("closed without an answer", Reply(fault="close"), openapi_client.ApiConnectionError),
    Fault("reset after the headers", Reply(fault="reset_after_headers"), openapi_client.ApiConnectionError),
    Fault(
        "truncated body", Reply(body={"geographies": ["us", "eu"]}, fault="truncate"), openapi_client.ApiConnectionError
    ),
    Fault("answer slower than the read timeout", Reply(delay=READ_TIMEOUT * 2), openapi_client.ApiTimeoutError),
    Fault("body slower than the read timeout", Reply(body_delay=READ_TIMEOUT * 2), openapi_client.ApiTimeoutError),
    Fault(
        "HTML 502 from a proxy",
        Reply(502, "<html><h1>502 Bad Gateway</h1></html>", {"Content-Type": "text/html"}),
        openapi_client.ServiceException,
    ),
    Fault(
        "504 from a proxy",
        Reply(504, "upstream timed out", {"Content-Type": "text/plain"}),
        openapi_client.ServiceException,
    ),
]


def _ok(path: str) -> Reply:
    return Reply(body={"geographies": ["us"]}) if path == GEOGRAPHIES else Reply(body=connection_read())


@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_a_read_only_call_is_sent_again_after_a_fault(client: Client, server: ScriptedServer, fault: Fault) -> None:
    server.script(GEOGRAPHIES, fault.reply)
    server.always(GEOGRAPHIES, _ok(GEOGRAPHIES))
    assert list_geographies(client.api).geographies == ["us"]
    assert server.count(GEOGRAPHIES) == 2
    assert len(client.sleeps.waits) == 1


@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_a_read_only_call_fails_after_its_retries_with_an_exception_of_the_library(
    client: Client, server: ScriptedServer, fault: Fault
) -> None:
    server.always(GEOGRAPHIES, fault.reply)
    with pytest.raises(fault.error) as caught:
        list_geographies(client.api)
    assert server.count(GEOGRAPHIES) == RETRIES + 1
    _assert_names_the_call(caught.value, "web_backend_list_geographies", server.url + GEOGRAPHIES)
    if isinstance(caught.value, openapi_client.ApiConnectionError):
        assert caught.value.attempts == RETRIES + 1
        assert f"after {RETRIES + 1} attempts" in str(caught.value)


@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_a_call_that_changes_something_is_not_sent_again_once_it_may_have_arrived(
    client: Client, server: ScriptedServer, fault: Fault
) -> None:
    server.script(CREATE, fault.reply)
    server.always(CREATE, _ok(CREATE))
    with pytest.raises(fault.error) as caught:
        create_connection(client.api)
    assert server.count(CREATE) == 1
    assert client.sleeps.waits == []
    _assert_names_the_call(caught.value, "web_backend_create_connection", server.url + CREATE)


def _assert_names_the_call(error: Exception, operation: str, url: str) -> None:
    assert isinstance(error, openapi_client.OpenApiException)
    assert operation in str(error)
    assert url in str(error)
    if isinstance(error, openapi_client.ApiConnectionError):
        assert isinstance(error.__cause__, urllib3.exceptions.HTTPError)
        assert error.request_sent is True
        assert (error.operation, error.url) == (operation, url)


@pytest.mark.parametrize("call", [list_geographies, create_connection])
def test_connection_refused_is_retried_for_every_operation(
    caplog: pytest.LogCaptureFixture, call: Callable[[WebBackendApi], Any]
) -> None:
    debug_logging(caplog)
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        host = f"http://127.0.0.1:{unused.getsockname()[1]}"  # bound, never listening: connections are refused
        for client in _client(host, caplog):
            with pytest.raises(openapi_client.ApiConnectionError) as caught:
                call(client.api)
            assert len(client.sleeps.waits) == RETRIES
    error = caught.value
    assert type(error) is openapi_client.ApiConnectionError
    assert error.request_sent is False
    assert error.attempts == RETRIES + 1
    operation = "web_backend_list_geographies" if call is list_geographies else "web_backend_create_connection"
    assert host in str(error) and operation in str(error)
    assert isinstance(error.__cause__, urllib3.exceptions.HTTPError)
    assert "Retrying" in caplog.text


@pytest.mark.parametrize(("call", "path"), [(list_geographies, GEOGRAPHIES), (create_connection, CREATE)])
def test_a_connection_reset_before_the_request_is_read(
    client: Client,
    server: ScriptedServer,
    caplog: pytest.LogCaptureFixture,
    call: Callable[[WebBackendApi], Any],
    path: str,
) -> None:
    """A read is sent again. A create is sent again only if the reset came while connecting (the request then surely
    never left); once the connection was open the client cannot tell whether its request was read, so it is not.
    Which of the two happens depends on timing; either way the server never sees the create twice."""
    server.drop_connections(1)
    server.always(path, _ok(path))
    if path == GEOGRAPHIES:
        assert call(client.api).geographies == ["us"]
        assert (server.connections_dropped, server.count(path)) == (1, 1)
        return
    try:
        call(client.api)
    except openapi_client.ApiConnectionError as error:
        assert error.request_sent is True
        assert (server.connections_dropped, server.count(path), len(client.sleeps.waits)) == (1, 0, 0)
    else:
        assert "NewConnectionError" in caplog.text
        assert (server.connections_dropped, server.count(path), len(client.sleeps.waits)) == (1, 1, 1)


@pytest.mark.parametrize("status", [503, 429])
@pytest.mark.parametrize("call", [list_geographies, create_connection])
def test_503_and_429_are_retried_after_retry_after_seconds(
    client: Client, server: ScriptedServer, status: int, call: Callable[[WebBackendApi], Any]
) -> None:
    _leave_time_for_long_waits(client)
    path = GEOGRAPHIES if call is list_geographies else CREATE
    server.script(path, Reply(status, {"message": "busy"}, {"Retry-After": "3"}))
    server.always(path, _ok(path))
    call(client.api)
    assert server.statuses(path) == [status, 200]
    assert client.sleeps.waits == [3.0]


def _leave_time_for_long_waits(client: Client) -> None:
    """A timeout longer than the waits a test asks for (its sleeps only record them): a call ends by its deadline."""
    client.api.api_client.configuration.timeout = 600


def test_retry_after_as_an_http_date_is_honoured_and_capped(client: Client, server: ScriptedServer) -> None:
    _leave_time_for_long_waits(client)
    in_ten = formatdate(timeval=time.time() + 10, usegmt=True)
    server.script(
        CREATE,
        Reply(503, {"message": "busy"}, {"Retry-After": in_ten}),
        Reply(429, {"message": "slow down"}, {"Retry-After": "86400"}),
    )
    server.always(CREATE, _ok(CREATE))
    create_connection(client.api)
    assert server.statuses(CREATE) == [503, 429, 200]
    first, second = client.sleeps.waits
    assert 8.0 <= first <= 10.0
    assert second == RetryPolicy().retry_after_max


def test_503_that_persists_ends_with_a_service_exception(client: Client, server: ScriptedServer) -> None:
    server.always(CREATE, Reply(503, {"message": "down for maintenance"}))
    with pytest.raises(openapi_client.ServiceException) as caught:
        create_connection(client.api)
    assert caught.value.status == 503
    assert server.count(CREATE) == RETRIES + 1
    assert len(client.sleeps.waits) == RETRIES
    assert all(0 < wait <= 0.05 * 2**RETRIES for wait in client.sleeps.waits)


def test_html_502_names_status_content_type_and_the_start_of_the_body(client: Client, server: ScriptedServer) -> None:
    page = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
    server.always(GEOGRAPHIES, Reply(502, page, {"Content-Type": "text/html"}))
    with pytest.raises(openapi_client.ServiceException) as caught:
        list_geographies(client.api)
    message = str(caught.value)
    assert "502" in message and "text/html" in message and "<html><head><title>502 Bad Gateway" in message


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b'{"geographies": ["us", ', "application/json"),
        (b"<html><body>Welcome to the login page</body></html>", "text/html"),
        (b"", "application/json"),
    ],
    ids=["invalid JSON", "HTML with 200", "empty body"],
)
def test_a_body_that_is_not_json_raises_invalid_response_and_is_not_retried(
    client: Client, server: ScriptedServer, body: bytes, content_type: str
) -> None:
    server.always(GEOGRAPHIES, Reply(200, body, {"Content-Type": content_type}))
    with pytest.raises(openapi_client.InvalidResponseError) as caught:
        list_geographies(client.api)
    message = str(caught.value)
    assert "web_backend_list_geographies" in message and "200" in message and content_type in message
    assert repr(body.decode()[:20])[1:-1] in message
    assert server.count(GEOGRAPHIES) == 1


@pytest.mark.parametrize(("refresh", "attempts"), [(False, 2), (True, 1)])
def test_getting_a_connection_is_sent_again_only_without_a_catalog_refresh(
    client: Client, server: ScriptedServer, refresh: bool, attempts: int
) -> None:
    server.script(GET, Reply(fault="reset"))
    server.always(GET, Reply(body=connection_read()))
    body = {"connectionId": CONNECTION_ID, "withRefreshedCatalog": refresh}
    if refresh:
        with pytest.raises(openapi_client.ApiConnectionError):
            client.api.web_backend_get_connection(body)
    else:
        assert str(client.api.web_backend_get_connection(body).connection_id) == CONNECTION_ID
    assert server.count(GET) == attempts


def test_the_raw_variant_is_retried_on_status_and_leaves_the_final_body_unread(
    client: Client, server: ScriptedServer
) -> None:
    server.script(GEOGRAPHIES, Reply(503, "busy", {"Retry-After": "0"}))
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["eu"]}))
    response = client.api.web_backend_list_geographies_without_preload_content()
    assert response.status == 200
    assert response.read() == b'{"geographies": ["eu"]}'
    assert server.statuses(GEOGRAPHIES) == [503, 200]


def test_a_truncated_body_read_later_is_still_a_library_error(client: Client, server: ScriptedServer) -> None:
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}, fault="truncate"))
    response = client.api.web_backend_list_geographies_without_preload_content()
    assert response.status == 200
    with pytest.raises(urllib3.exceptions.HTTPError):
        response.read()  # the raw urllib3 response is the caller's own, with urllib3's errors
    rest = client.api.api_client.call_api("POST", server.url + GEOGRAPHIES, {"Accept": "application/json"}, b"")
    with pytest.raises(openapi_client.ApiConnectionError) as caught:
        rest.read()
    assert server.url + GEOGRAPHIES in str(caught.value)


def test_retries_off_means_one_attempt(server: ScriptedServer, caplog: pytest.LogCaptureFixture) -> None:
    server.always(GEOGRAPHIES, Reply(503, "busy"))
    for setting in (0, False):
        server.reset()
        server.always(GEOGRAPHIES, Reply(503, "busy"))
        configuration = Configuration(host=server.url, retries=setting)
        with ApiClient(configuration) as api_client, pytest.raises(openapi_client.ServiceException):
            WebBackendApi(api_client).web_backend_list_geographies()
        assert server.count(GEOGRAPHIES) == 1


def test_a_urllib3_retry_sets_the_counts_and_statuses(server: ScriptedServer) -> None:
    server.always(GEOGRAPHIES, Reply(500, "oops"))
    retry = urllib3.Retry(total=1, backoff_factor=0, status_forcelist=[500])
    configuration = Configuration(host=server.url, retries=retry)
    with ApiClient(configuration) as api_client, pytest.raises(openapi_client.ServiceException):
        WebBackendApi(api_client).web_backend_list_geographies()
    assert server.count(GEOGRAPHIES) == 2


def test_retries_are_logged_at_info(client: Client, server: ScriptedServer, caplog: pytest.LogCaptureFixture) -> None:
    server.script(GEOGRAPHIES, Reply(fault="reset"), Reply(503, "busy"))
    server.always(GEOGRAPHIES, _ok(GEOGRAPHIES))
    list_geographies(client.api)
    retries = [r for r in caplog.records if r.name == "openapi_client" and r.getMessage().startswith("Retrying")]
    assert [r.levelname for r in retries] == ["INFO", "INFO"]
    assert "web_backend_list_geographies" in retries[0].getMessage()
    assert "503" in retries[1].getMessage()


@pytest.mark.parametrize(
    "retry_after", ["-5", "-1.5", "nonsense", "inf"], ids=["negative", "negative fraction", "not a number", "infinite"]
)
def test_a_retry_after_that_means_nothing_is_treated_as_absent(
    client: Client, server: ScriptedServer, retry_after: str
) -> None:
    """The usual backoff applies: a negative `Retry-After` does not mean "three retries at once"."""
    server.script(GEOGRAPHIES, Reply(503, {"message": "busy"}, {"Retry-After": retry_after}))
    server.always(GEOGRAPHIES, _ok(GEOGRAPHIES))
    list_geographies(client.api)
    assert server.statuses(GEOGRAPHIES) == [503, 200]
    assert len(client.sleeps.waits) == 1 and 0.05 / 2 <= client.sleeps.waits[0] <= 0.05


def test_a_retry_after_beyond_the_calls_deadline_ends_the_call_at_once(client: Client, server: ScriptedServer) -> None:
    """Waiting would only end in a timeout: the answer the server gave stands."""
    server.always(GEOGRAPHIES, Reply(503, {"message": "back in an hour"}, {"Retry-After": "3600"}))
    started = time.monotonic()
    with pytest.raises(openapi_client.ServiceException):
        list_geographies(client.api)
    assert time.monotonic() - started < 2.0
    assert server.count(GEOGRAPHIES) == 1 and client.sleeps.waits == []


@pytest.mark.parametrize("host", ["http://", "http://[not-an-address/api", "http://host:port/api"])
def test_an_invalid_host_is_refused_when_it_is_configured(host: str) -> None:
    with pytest.raises(openapi_client.ApiValueError, match="Invalid host URL"):
        Configuration(host=host)
    configuration = Configuration()
    with pytest.raises(openapi_client.ApiValueError, match="Invalid host URL"):
        configuration.host = host
    assert configuration.host == "http://airbyte.local"
