"""Credentials on every operation: Basic, Bearer (a string or a callable), and Airbyte application tokens obtained,
cached, renewed ahead of expiry and after a 401, against a real local server playing the token endpoint."""

from __future__ import annotations

import logging
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Optional

import pytest
from leaks import RecordedSleeps, assert_no_secrets, debug_logging
from samples import CONNECTION_ID, DESTINATION_ID, SOURCE_ID, WORKSPACE_ID, connection_read
from scripted_server import TOKEN_PATH, Reply, ScriptedServer, TokenIssuer

import openapi_client
from openapi_client import ApiClient, Configuration, WebBackendApi
from openapi_client.auth import token_expiry
from openapi_client.retries import RetryPolicy

CLIENT_ID = "app-client"
CLIENT_SECRET = "app-SECRET-client-secret"
GEOGRAPHIES = "/v1/web_backend/geographies/list"
CREATE = "/v1/web_backend/connections/create"

# Every operation, with a body it accepts and an answer it parses.
OPERATIONS: List[tuple] = [
    ("get_state_type", "/v1/web_backend/state/get_type", {"connectionId": CONNECTION_ID}, b'"global"'),
    (
        "web_backend_check_updates",
        "/v1/web_backend/check_updates",
        None,
        {"sourceDefinitions": 0, "destinationDefinitions": 0},
    ),
    (
        "web_backend_create_connection",
        CREATE,
        {"sourceId": SOURCE_ID, "destinationId": DESTINATION_ID, "status": "active"},
        connection_read(),
    ),
    (
        "web_backend_get_connection",
        "/v1/web_backend/connections/get",
        {"connectionId": CONNECTION_ID},
        connection_read(),
    ),
    (
        "web_backend_get_workspace_state",
        "/v1/web_backend/workspace/state",
        None,
        {"hasConnections": True, "hasSources": True, "hasDestinations": True},
    ),
    (
        "web_backend_list_connections_for_workspace",
        "/v1/web_backend/connections/list",
        {"workspaceId": WORKSPACE_ID},
        {"connections": []},
    ),
    ("web_backend_list_geographies", GEOGRAPHIES, None, {"geographies": ["auto"]}),
    (
        "web_backend_update_connection",
        "/v1/web_backend/connections/update",
        {"connectionId": CONNECTION_ID},
        connection_read(),
    ),
]


def call_every_operation(api: WebBackendApi, server: ScriptedServer) -> None:
    for name, path, body, answer in OPERATIONS:
        server.always(path, Reply(body=answer))
        method = getattr(api, name)
        method(body) if body is not None else method()


@dataclass
class App:
    api: WebBackendApi
    issuer: TokenIssuer
    sleeps: RecordedSleeps

    @property
    def client(self) -> ApiClient:
        return self.api.api_client


def make_configuration(host: str, **settings: Any) -> Configuration:
    """Debug logging on; 2 retries that do not really wait."""
    defaults = {"retries": RetryPolicy(total=2, backoff_factor=0.01, sleep=RecordedSleeps()), "timeout": (2.0, 2.0)}
    return Configuration(host=host, debug=True, **{**defaults, **settings})


@pytest.fixture
def app(server: ScriptedServer, caplog: pytest.LogCaptureFixture) -> Iterator[App]:
    """A client with an Airbyte application's credentials, against a server that requires its tokens. At the end:
    neither the client secret nor any token appears in the logs."""
    debug_logging(caplog)
    issuer = server.issue_tokens(TokenIssuer(CLIENT_ID, CLIENT_SECRET, lifetime=60.0))
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
    configuration = make_configuration(server.url, client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    assert isinstance(configuration.retries, RetryPolicy)
    with ApiClient(configuration) as client:
        yield App(WebBackendApi(client), issuer, configuration.retries.sleep)  # type: ignore[arg-type]
    configuration.debug = False
    assert_no_secrets(caplog, [CLIENT_SECRET, *issuer.issued], repr(configuration), repr(client.authenticator))


def authorizations(server: ScriptedServer, path: Optional[str] = None) -> List[Optional[str]]:
    return [r.headers.get("Authorization") for r in server.received if path is None or r.path == path]


# -- static credentials --------------------------------------------------------------------------------------


def test_basic_auth_is_sent_with_every_operation(server: ScriptedServer) -> None:
    with ApiClient(make_configuration(server.url, username="airbyte", password="password")) as client:
        call_every_operation(WebBackendApi(client), server)
    assert len(server.received) == len(OPERATIONS)
    assert set(authorizations(server)) == {"Basic YWlyYnl0ZTpwYXNzd29yZA=="}


def test_a_bearer_token_string_is_sent_with_every_operation(server: ScriptedServer) -> None:
    with ApiClient(make_configuration(server.url, access_token="static-token")) as client:
        call_every_operation(WebBackendApi(client), server)
    assert set(authorizations(server)) == {"Bearer static-token"}


def test_a_bearer_token_callable_is_asked_at_every_request(server: ScriptedServer) -> None:
    tokens = iter(f"rotating-{n}" for n in range(100))
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    with ApiClient(make_configuration(server.url, access_token=lambda: next(tokens))) as client:
        api = WebBackendApi(client)
        api.web_backend_list_geographies()
        api.web_backend_list_geographies()
    assert authorizations(server) == ["Bearer rotating-0", "Bearer rotating-1"]


def test_an_access_token_wins_over_an_application_and_an_application_over_basic(server: ScriptedServer) -> None:
    issuer = server.issue_tokens(TokenIssuer(CLIENT_ID, CLIENT_SECRET))
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    both = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "username": "u", "password": "p"}
    with ApiClient(make_configuration(server.url, **both)) as client:
        WebBackendApi(client).web_backend_list_geographies()
    assert authorizations(server, GEOGRAPHIES) == [f"Bearer {issuer.issued[0]}"]
    server.reset()
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    with ApiClient(make_configuration(server.url, access_token="explicit", **both)) as client:
        WebBackendApi(client).web_backend_list_geographies()
    assert authorizations(server) == ["Bearer explicit"]


def test_request_auth_overrides_the_configured_credentials_for_one_call(app: App, server: ScriptedServer) -> None:
    app.api.web_backend_list_geographies()  # with the application's token
    own = {"in": "header", "type": "bearer", "key": "Authorization", "value": "Bearer per-call"}
    with pytest.raises(openapi_client.UnauthorizedException):  # the server does not know this token...
        app.api.web_backend_list_geographies(_request_auth=own)
    # ...and the client does not replace a credential it was given for one call with its own
    assert authorizations(server, GEOGRAPHIES) == [f"Bearer {app.issuer.issued[0]}", "Bearer per-call"]
    assert server.count(TOKEN_PATH) == 1


# -- Airbyte application tokens ------------------------------------------------------------------------------


def test_an_application_token_is_fetched_once_and_sent_with_every_operation(app: App, server: ScriptedServer) -> None:
    call_every_operation(app.api, server)
    call_every_operation(app.api, server)
    assert server.count(TOKEN_PATH) == 1
    token_request = server.received[0]
    assert token_request.path == TOKEN_PATH
    assert token_request.json() == {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}
    assert token_request.headers["Content-Type"] == "application/json"
    assert "Authorization" not in token_request.headers
    assert set(authorizations(server)[1:]) == {f"Bearer {app.issuer.issued[0]}"}
    assert len(server.received) == 1 + 2 * len(OPERATIONS)


class FakeClock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def test_a_token_is_renewed_before_the_call_while_it_is_still_valid(app: App, server: ScriptedServer) -> None:
    clock = FakeClock()
    app.client.authenticator.clock = clock
    app.issuer.lifetime = 200
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
    app.api.web_backend_list_geographies()
    clock.now += 170  # in the last fifth of its lifetime, which the server still accepts
    assert app.api.web_backend_list_geographies().geographies == ["us"]
    first, renewed = app.issuer.issued
    assert app.issuer.accepts(f"Bearer {first}"), "the first token has not expired: it was renewed ahead"
    assert server.statuses(GEOGRAPHIES) == [200, 200]
    assert authorizations(server, GEOGRAPHIES) == [f"Bearer {first}", f"Bearer {renewed}"]


@pytest.mark.parametrize(
    ("jwt", "renewed_after"),
    [
        (True, 48.0),  # a 60 s token is renewed when a fifth of its life (12 s) is left
        (False, 96.0),  # no readable `exp`: every 96 s, as docs/authentication.md says
    ],
    ids=["JWT exp", "opaque token"],
)
def test_a_token_is_renewed_ahead_of_its_expiry(
    app: App, server: ScriptedServer, jwt: bool, renewed_after: float
) -> None:
    clock = FakeClock()
    app.client.authenticator.clock = clock
    app.issuer.jwt = jwt
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    app.api.web_backend_list_geographies()
    clock.now += renewed_after - 1
    app.api.web_backend_list_geographies()
    assert server.count(TOKEN_PATH) == 1
    clock.now += 2
    app.api.web_backend_list_geographies()
    assert server.count(TOKEN_PATH) == 2
    assert authorizations(server, GEOGRAPHIES)[-1] == f"Bearer {app.issuer.issued[1]}"


@pytest.mark.parametrize("path", [GEOGRAPHIES, CREATE])
def test_a_401_renews_the_token_once_and_sends_the_call_again(app: App, server: ScriptedServer, path: str) -> None:
    name, _, body, answer = next(op for op in OPERATIONS if op[1] == path)
    server.always(path, Reply(body=answer))
    call = getattr(app.api, name)
    call(body) if body else call()
    app.issuer.revoke_all()  # e.g. the server restarted with a new signing key
    call(body) if body else call()
    assert server.statuses(path) == [200, 401, 200]
    assert server.count(TOKEN_PATH) == 2
    assert authorizations(server, path) == [f"Bearer {t}" for t in (app.issuer.issued[0], *app.issuer.issued)]
    assert app.sleeps.waits == []


def test_a_401_that_persists_is_raised_after_one_renewal(app: App, server: ScriptedServer) -> None:
    server.always(GEOGRAPHIES, Reply(401, {"message": "this workspace is not yours"}))
    with pytest.raises(openapi_client.UnauthorizedException) as caught:
        app.api.web_backend_list_geographies()
    assert caught.value.operation == "web_backend_list_geographies"
    assert server.statuses(GEOGRAPHIES) == [401, 401]
    assert server.count(TOKEN_PATH) == 2
    assert authorizations(server, GEOGRAPHIES) == [f"Bearer {token}" for token in app.issuer.issued]


def test_a_token_endpoint_failure_while_renewing_after_a_401_is_raised(app: App, server: ScriptedServer) -> None:
    app.api.web_backend_list_geographies()
    app.issuer.revoke_all()
    server.always(TOKEN_PATH, Reply(500, {"message": "database unavailable"}))
    with pytest.raises(openapi_client.UnauthorizedException, match="500") as caught:
        app.api.web_backend_list_geographies()
    assert caught.value.url == server.url + TOKEN_PATH
    assert server.statuses(GEOGRAPHIES) == [200, 401]
    assert server.count(TOKEN_PATH) == 2


@pytest.mark.parametrize(
    ("reply", "token_requests", "problem"),
    [
        (Reply(401, {"message": "Invalid client credentials"}), 1, "401"),
        (Reply(500, {"message": "boom"}), 1, "500"),
        (Reply(503, {"message": "starting"}), 3, "503"),
        (Reply(200, {"token": "no access_token key"}), 1, "access_token"),
        (Reply(200, "<html>login</html>", {"Content-Type": "text/html"}), 1, "access_token"),
    ],
    ids=["wrong credentials", "server error", "unavailable, retried", "no access_token", "not JSON"],
)
def test_token_endpoint_failures_raise_unauthorized_naming_the_token_url(
    app: App, server: ScriptedServer, reply: Reply, token_requests: int, problem: str
) -> None:
    server.always(TOKEN_PATH, reply)
    for _ in range(2):  # a second call tries again, once: no loop, no cached failure
        with pytest.raises(openapi_client.UnauthorizedException) as caught:
            app.api.web_backend_list_geographies()
    message = str(caught.value)
    assert f"{server.url}{TOKEN_PATH}" in message and problem in message
    assert caught.value.url == server.url + TOKEN_PATH
    assert server.count(TOKEN_PATH) == 2 * token_requests
    assert server.count(GEOGRAPHIES) == 0
    assert CLIENT_SECRET not in message


def test_an_unreachable_token_endpoint_raises_unauthorized_with_the_cause_chained(
    caplog: pytest.LogCaptureFixture,
) -> None:
    debug_logging(caplog)
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        host = f"http://127.0.0.1:{unused.getsockname()[1]}"
        configuration = make_configuration(host, client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
        with ApiClient(configuration) as client, pytest.raises(openapi_client.UnauthorizedException) as caught:
            WebBackendApi(client).web_backend_list_geographies()
    assert host + TOKEN_PATH in str(caught.value)
    assert isinstance(caught.value.__cause__, openapi_client.ApiConnectionError)
    assert caught.value.__cause__.attempts == 3
    assert_no_secrets(caplog, [CLIENT_SECRET], str(caught.value))


def test_a_token_endpoint_that_echoes_the_secret_does_not_leak_it(app: App, server: ScriptedServer) -> None:
    server.always(TOKEN_PATH, Reply(400, {"message": f"bad secret {CLIENT_SECRET}"}))
    with pytest.raises(openapi_client.UnauthorizedException) as caught:
        app.api.web_backend_list_geographies()
    assert CLIENT_SECRET not in str(caught.value) and "bad secret" in str(caught.value)


def test_half_an_application_is_refused(server: ScriptedServer) -> None:
    configuration = make_configuration(server.url, client_id=CLIENT_ID)
    with ApiClient(configuration) as client, pytest.raises(openapi_client.ApiValueError, match="client_secret"):
        WebBackendApi(client).web_backend_list_geographies()
    assert server.received == []


def test_changed_credentials_get_a_token_of_their_own(app: App, server: ScriptedServer) -> None:
    app.api.web_backend_list_geographies()
    server.issue_tokens(TokenIssuer("second-app", "second-secret"))
    app.client.configuration.client_id = "second-app"
    app.client.configuration.client_secret = "second-secret"
    app.api.web_backend_list_geographies()
    token_bodies = [r.json()["client_id"] for r in server.received if r.path == TOKEN_PATH]
    assert token_bodies == [CLIENT_ID, "second-app"]


def test_the_expiry_of_a_jwt_is_read_without_verifying_it() -> None:
    issuer = TokenIssuer(lifetime=100)
    token = issuer._mint()
    assert token_expiry(token) == pytest.approx(time.time() + 100, abs=2)
    assert token_expiry("not-a-jwt") is None
    assert token_expiry("a.b.c") is None
    assert token_expiry("a." + "eyJleHAiOiJzb29uIn0" + ".c") is None  # {"exp":"soon"}


# -- many threads, one client, a token that expires during the run -------------------------------------------


def test_sixteen_threads_share_one_client_while_its_token_expires(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="openapi_client")
    issuer = server.issue_tokens(TokenIssuer(CLIENT_ID, CLIENT_SECRET, lifetime=0.4, delay=0.02))
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
    configuration = Configuration(host=server.url, client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    configuration.connection_pool_maxsize = 16
    threads, per_thread = 16, 200
    results: Dict[str, int] = {"ok": 0}
    failures: List[BaseException] = []
    lock = threading.Lock()

    def work(api: WebBackendApi) -> None:
        for _ in range(per_thread):
            try:
                ok = api.web_backend_list_geographies().geographies == ["us"]
            except Exception as error:  # collected, to fail the test with it
                failures.append(error)
                return
            with lock:
                results["ok"] += ok

    started = time.perf_counter()
    with ApiClient(configuration) as client:
        api = WebBackendApi(client)
        workers = [threading.Thread(target=work, args=(api,)) for _ in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=60)
    elapsed = time.perf_counter() - started

    assert failures == []
    assert results["ok"] == threads * per_thread
    lifetimes = elapsed / issuer.lifetime
    assert len(issuer.issued) >= 2, "the token should have expired during the run"
    assert issuer.max_in_flight == 1, "one token request at a time"
    assert len(issuer.issued) <= 2 * lifetimes + 4, (len(issuer.issued), elapsed)
    rejected = server.statuses(GEOGRAPHIES).count(401)
    assert server.count(GEOGRAPHIES) == threads * per_thread + rejected
    assert_no_secrets(caplog, [CLIENT_SECRET, *issuer.issued])
    print(f"{threads * per_thread} calls in {elapsed:.2f} s, {len(issuer.issued)} tokens, {rejected} 401s replayed")


def test_token_requests_carry_the_user_agent(app: App, server: ScriptedServer) -> None:
    app.api.web_backend_list_geographies()
    assert server.received[0].headers["User-Agent"] == app.client.user_agent

