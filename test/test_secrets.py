"""Credentials never appear in `repr(Configuration)`, in what `debug=True` logs, or in exception messages; and debug
output goes through `logging`, never through the process-wide `http.client` debug flag."""

from __future__ import annotations

import http.client
import logging
import pickle
import socket

import pytest
from leaks import assert_no_secrets, captured_text, debug_logging
from scripted_server import TOKEN_PATH, Reply, ScriptedServer, TokenIssuer

import openapi_client
from openapi_client import ApiClient, Configuration, WebBackendApi
from openapi_client.redaction import REDACTED

GEOGRAPHIES = "/v1/web_backend/geographies/list"
PASSWORD = "SECRET-password-1"
ACCESS_TOKEN = "SECRET-access-token-2"
CLIENT_SECRET = "SECRET-client-secret-3"
API_KEY = "SECRET-api-key-4"
PROXY_PASSWORD = "SECRET-proxy-password-5"
COOKIE = "session=SECRET-cookie-6"
BASIC = Configuration(username="airbyte", password=PASSWORD).get_basic_auth_token() or ""


def test_repr_of_a_configuration_shows_no_secret() -> None:
    configuration = Configuration(
        host="http://airbyte.example:8000/api",
        username="airbyte",
        password=PASSWORD,
        access_token=ACCESS_TOKEN,
        api_key={"key": API_KEY},
        client_id="my-app",
        client_secret=CLIENT_SECRET,
    )
    configuration.proxy = f"http://squid:{PROXY_PASSWORD}@proxy:3128"
    configuration.proxy_headers = {"Proxy-Authorization": "Basic " + PROXY_PASSWORD}
    shown = repr(configuration)
    for secret in (PASSWORD, ACCESS_TOKEN, CLIENT_SECRET, API_KEY, PROXY_PASSWORD):
        assert secret not in shown
    assert "username='airbyte'" in shown and "client_id='my-app'" in shown
    assert "password='<redacted>'" in shown
    assert "proxy='http://squid:<redacted>@proxy:3128'" in shown
    assert "airbyte.example:8000" in shown


def test_a_callable_token_is_not_shown_either() -> None:
    configuration = Configuration(access_token=lambda: ACCESS_TOKEN)
    assert ACCESS_TOKEN not in repr(configuration) and "lambda" not in repr(configuration)


@pytest.mark.parametrize(
    "credentials",
    [
        {"username": "airbyte", "password": PASSWORD},
        {"access_token": ACCESS_TOKEN},
        {"access_token": lambda: ACCESS_TOKEN},
        {"client_id": "my-app", "client_secret": CLIENT_SECRET},
    ],
    ids=["basic", "bearer", "bearer callable", "application"],
)
def test_debug_logs_every_exchange_without_credentials(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str], credentials: dict
) -> None:
    debug_logging(caplog)
    issuer = server.issue_tokens(TokenIssuer("my-app", CLIENT_SECRET))
    if "client_id" not in credentials:
        server.reset()
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}, headers={"Set-Cookie": COOKIE}))
    level_before = logging.getLogger("openapi_client").level
    configuration = Configuration(host=server.url, debug=True, **credentials)
    with ApiClient(configuration, cookie=COOKIE) as client:
        WebBackendApi(client).web_backend_list_geographies()
    configuration.debug = False

    assert server.received[-1].headers["Authorization"]  # credentials were sent...
    text = captured_text(caplog)
    assert "'Authorization': '<redacted>'" in text  # ...and the request was logged, with them redacted
    assert "'Set-Cookie': '<redacted>'" in text
    if "client_id" in credentials:
        assert TOKEN_PATH in text
    assert_no_secrets(caplog, [PASSWORD, BASIC.split()[1], ACCESS_TOKEN, CLIENT_SECRET, COOKIE, *issuer.issued])
    assert http.client.HTTPConnection.debuglevel == 0
    assert capsys.readouterr().out == ""  # http.client's debug output goes to stdout: there is none
    assert logging.getLogger("openapi_client").level == level_before


def test_error_messages_show_no_credentials(server: ScriptedServer, caplog: pytest.LogCaptureFixture) -> None:
    debug_logging(caplog)
    server.always(GEOGRAPHIES, Reply(401, {"message": "expired"}, {"Set-Cookie": COOKIE, "WWW-Authenticate": "Bearer"}))
    configuration = Configuration(host=server.url, access_token=ACCESS_TOKEN, retries=0, debug=True)
    with ApiClient(configuration) as client, pytest.raises(openapi_client.UnauthorizedException) as caught:
        WebBackendApi(client).web_backend_list_geographies()
    configuration.debug = False
    message = str(caught.value)
    assert "expired" in message and "<redacted>" in message
    assert_no_secrets(caplog, [ACCESS_TOKEN, COOKIE], message, repr(caught.value))


def test_a_credential_in_the_query_reaches_the_server_and_nothing_else(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    """`_request_auth` in the query (as the stock client allows) is kept out of errors and logs, urllib3's too."""
    debug_logging(caplog)
    in_query = {"in": "query", "type": "api_key", "key": "token", "value": ACCESS_TOKEN}
    server.always(f"{GEOGRAPHIES}?token={ACCESS_TOKEN}", Reply(404, {"message": "no such thing"}))
    server.always(f"/v1/web_backend/check_updates?token={ACCESS_TOKEN}", Reply(body={"unexpected": True}))
    configuration = Configuration(host=server.url, retries=0, debug=True)
    errors = []
    with ApiClient(configuration) as client:
        api = WebBackendApi(client)
        for call in (api.web_backend_list_geographies, api.web_backend_check_updates):
            with pytest.raises(openapi_client.ApiException) as caught:
                call(_request_auth=in_query)
            errors.append(caught.value)
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        nobody = Configuration(host=f"http://127.0.0.1:{unused.getsockname()[1]}", retries=0)
        with ApiClient(nobody) as client, pytest.raises(openapi_client.ApiConnectionError) as refused:
            WebBackendApi(client).web_backend_list_geographies(_request_auth=in_query)
        errors.append(refused.value)
    configuration.debug = False
    assert [request.status for request in server.received] == [404, 200]
    assert f"{GEOGRAPHIES}?token={REDACTED}" in str(errors[0]) and "no such thing" in str(errors[0])
    texts = [text for error in errors for text in (str(error), repr(error), str(error.url))]  # type: ignore[attr-defined]
    assert_no_secrets(caplog, [ACCESS_TOKEN], *texts)
    assert any("?token=" in record.getMessage() for record in caplog.records if record.name.startswith("urllib3"))


@pytest.mark.parametrize("userinfo", [f"airbyte:{PASSWORD}@", "airbyte@", f":{PASSWORD}@"])
def test_credentials_in_the_host_url_are_refused_without_being_shown(userinfo: str) -> None:
    """They would be shown with the URL in every error message: `username`/`password` are never shown."""
    with pytest.raises(openapi_client.ApiValueError, match="username") as caught:
        Configuration(host=f"http://{userinfo}airbyte.example/api")
    configuration = Configuration(host="http://airbyte.example/api", password=PASSWORD)
    with pytest.raises(openapi_client.ApiValueError, match="username") as again:
        configuration.host = f"https://{userinfo}airbyte.example/api"
    assert PASSWORD not in str(caught.value) + repr(caught.value) + str(again.value)
    assert PASSWORD not in repr(configuration) and configuration.host == "http://airbyte.example/api"
    assert PASSWORD.encode() not in pickle.dumps(caught.value)


def test_a_password_in_a_url_given_to_call_api_is_not_in_transport_errors(caplog: pytest.LogCaptureFixture) -> None:
    debug_logging(caplog)
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        url = f"http://airbyte:{PASSWORD}@127.0.0.1:{unused.getsockname()[1]}{GEOGRAPHIES}"
        configuration = Configuration(retries=0, debug=True)
        with ApiClient(configuration) as client, pytest.raises(openapi_client.ApiConnectionError) as caught:
            client.call_api("POST", url, {"Accept": "application/json"}, b"{}")
    configuration.debug = False
    assert "airbyte:<redacted>@127.0.0.1" in str(caught.value)
    assert caught.value.url is not None and PASSWORD not in caught.value.url
    assert_no_secrets(caplog, [PASSWORD], str(caught.value), repr(configuration))
    assert PASSWORD.encode() not in pickle.dumps(caught.value)
