"""Redirects: followed only within the origin (scheme, host, port), never from https to http, never for the token
request. A redirect elsewhere is an error naming its `Location`, and nothing more is sent: no credential of any kind,
no body, reaches another origin."""

from __future__ import annotations

import ssl
from typing import Any, Dict, Iterator

import pytest
import trustme
from leaks import assert_no_secrets, debug_logging
from samples import DESTINATION_ID, SOURCE_ID, connection_read
from scripted_server import TOKEN_PATH, Reply, ScriptedServer, TokenIssuer

import openapi_client
from openapi_client import ApiClient, Configuration, WebBackendApi

GEOGRAPHIES = "/v1/web_backend/geographies/list"
CREATE = "/v1/web_backend/connections/create"
NEW_CONNECTION = {"sourceId": SOURCE_ID, "destinationId": DESTINATION_ID, "status": "active"}
TOKEN = "SECRET-bearer-token"
COOKIE = "session=SECRET-cookie"
API_KEY = "SECRET-api-key"
CLIENT_SECRET = "SECRET-client-secret"


@pytest.fixture
def elsewhere() -> Iterator[ScriptedServer]:
    """Another origin: the same host, another port."""
    other = ScriptedServer().start()
    other.always(GEOGRAPHIES, Reply(body={"geographies": ["elsewhere"]}))
    other.always(CREATE, Reply(body=connection_read()))
    yield other
    other.stop()


def client(host: str, **settings: Any) -> ApiClient:
    configuration = Configuration(host=host, retries=0, timeout=5, **settings)
    return ApiClient(configuration, header_name="X-Api-Key", header_value=API_KEY, cookie=COOKIE)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("path", [GEOGRAPHIES, CREATE])
def test_a_redirect_to_another_origin_is_refused_naming_its_location(
    server: ScriptedServer, elsewhere: ScriptedServer, caplog: pytest.LogCaptureFixture, status: int, path: str
) -> None:
    debug_logging(caplog)
    location = elsewhere.url + path
    server.always(path, Reply(status, b"", {"Location": location}))
    with client(server.url, access_token=TOKEN) as api_client, pytest.raises(openapi_client.ApiException) as caught:
        api = WebBackendApi(api_client)
        if path == CREATE:
            api.web_backend_create_connection(NEW_CONNECTION)
        else:
            api.web_backend_list_geographies(_request_auth={"in": "header", "key": "X-Other-Key", "value": "k"})
    assert type(caught.value) is openapi_client.ApiException and caught.value.status == status
    assert location in str(caught.value) and "another origin" in str(caught.value)
    assert elsewhere.received == []
    assert server.count(path) == 1
    assert_no_secrets(caplog, [TOKEN, COOKIE, API_KEY], str(caught.value))


def test_a_redirect_within_the_origin_is_followed_with_the_credentials(server: ScriptedServer) -> None:
    server.always(GEOGRAPHIES, Reply(308, b"", {"Location": "/api/v1/moved"}))
    server.always("/api/v1/moved", Reply(body={"geographies": ["moved"]}))
    with client(server.url, access_token=TOKEN) as api_client:
        assert WebBackendApi(api_client).web_backend_list_geographies().geographies == ["moved"]
    moved = server.received[1]
    assert (moved.method, moved.path, moved.headers["Authorization"]) == ("POST", "/api/v1/moved", f"Bearer {TOKEN}")
    assert moved.headers["X-Api-Key"] == API_KEY and moved.headers["Cookie"] == COOKIE


def test_see_other_is_fetched_without_sending_the_body_again(server: ScriptedServer) -> None:
    server.always(CREATE, Reply(303, b"", {"Location": "/v1/created"}))
    server.always("/v1/created", Reply(body=connection_read()))
    with client(server.url) as api_client:
        WebBackendApi(api_client).web_backend_create_connection(NEW_CONNECTION)
    created = server.received[1]
    assert (created.method, created.path, created.body) == ("GET", "/v1/created", b"")


def test_another_name_for_the_same_host_is_another_origin(server: ScriptedServer) -> None:
    server.always(GEOGRAPHIES, Reply(307, b"", {"Location": server.url.replace("127.0.0.1", "localhost") + "/x"}))
    with client(server.url) as api_client, pytest.raises(openapi_client.ApiException, match="another origin"):
        WebBackendApi(api_client).web_backend_list_geographies()
    assert server.count("/x") == 0


@pytest.fixture(scope="module")
def secure_server() -> Iterator[Dict[str, Any]]:
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    server = ScriptedServer(ssl_context=context).start()
    yield {"server": server, "ca": ca.cert_pem.bytes()}
    server.stop()


def test_https_is_never_redirected_to_http(secure_server: Dict[str, Any], elsewhere: ScriptedServer) -> None:
    secure: ScriptedServer = secure_server["server"]
    secure.reset()
    secure.always(GEOGRAPHIES, Reply(301, b"", {"Location": elsewhere.url + GEOGRAPHIES}))
    api_client = client(secure.url, access_token=TOKEN, ca_cert_data=secure_server["ca"])
    with api_client, pytest.raises(openapi_client.ApiException, match="another origin"):
        WebBackendApi(api_client).web_backend_list_geographies()
    assert len(secure.received) == 1 and elsewhere.received == []


def test_a_redirect_loop_ends_after_five_redirects(server: ScriptedServer) -> None:
    server.always(GEOGRAPHIES, Reply(307, b"", {"Location": GEOGRAPHIES}))
    with client(server.url) as api_client, pytest.raises(openapi_client.ApiException, match="more than 5 redirects"):
        WebBackendApi(api_client).web_backend_list_geographies()
    assert server.count(GEOGRAPHIES) == 6


@pytest.mark.parametrize("same_origin", [True, False])
def test_the_token_request_never_follows_a_redirect(
    server: ScriptedServer, elsewhere: ScriptedServer, caplog: pytest.LogCaptureFixture, same_origin: bool
) -> None:
    debug_logging(caplog)
    target = (server.url if same_origin else elsewhere.url) + "/v1/other/token"
    server.always(TOKEN_PATH, Reply(307, b"", {"Location": target}))
    server.always("/v1/other/token", Reply(body={"access_token": "should-not-be-asked"}))
    elsewhere.issue_tokens(TokenIssuer("app", CLIENT_SECRET))
    api_client = client(server.url, client_id="app", client_secret=CLIENT_SECRET)
    with api_client, pytest.raises(openapi_client.UnauthorizedException) as caught:
        WebBackendApi(api_client).web_backend_list_geographies()
    assert target in str(caught.value) and "follows no redirect" in str(caught.value)
    assert [r.path for r in server.received] == [TOKEN_PATH]
    assert elsewhere.received == []
    assert_no_secrets(caplog, [CLIENT_SECRET], str(caught.value))
