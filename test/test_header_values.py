"""Header values are checked before anything is sent: a token's surrounding whitespace is dropped, bytes are decoded,
and what HTTP cannot carry (CR, LF, NUL, other controls, characters beyond Latin-1) is refused with an `ApiValueError`
that names the header and never shows the value. A request carries one `Authorization` at most, the per-call one
winning; one header per name however spelt."""

from __future__ import annotations

from typing import Any, Dict, Iterator, Tuple

import pytest
from hostile_server import Exchange, HostileServer, json_answer
from leaks import assert_no_secrets, debug_logging

import openapi_client
from openapi_client import ApiClient, Configuration, WebBackendApi

SECRET = "SECRET-token-value"
OK = b'{"geographies": ["us"]}'


@pytest.fixture
def server() -> Iterator[HostileServer]:
    answering = HostileServer(lambda exchange: _ok(exchange))
    yield answering
    answering.stop()


def _ok(exchange: Exchange) -> None:
    exchange.send(json_answer(OK))


def call(server: HostileServer, *, cookie: Any = None, header: Tuple[str, str] = ("", ""), **settings: Any) -> Any:
    options = settings.pop("options", {})
    configuration = Configuration(host=server.url, retries=0, timeout=5, **settings)
    with ApiClient(configuration, header_name=header[0] or None, header_value=header[1] or None, cookie=cookie) as c:
        return WebBackendApi(c).web_backend_list_geographies(**options)


@pytest.mark.parametrize(
    ("token", "sent"),
    [
        (f"{SECRET}\n", SECRET),
        (f"  {SECRET}\r\n", SECRET),
        (SECRET.encode(), SECRET),
        (lambda: f"{SECRET}\n".encode(), SECRET),
    ],
    ids=["newline of a token file", "spaces and CRLF", "bytes", "callable returning bytes"],
)
def test_a_token_is_sent_without_surrounding_whitespace_and_as_text(
    server: HostileServer, token: Any, sent: str
) -> None:
    call(server, access_token=token)
    assert server.requests[0].all("Authorization") == [f"Bearer {sent}"]


def test_a_bytes_token_that_is_not_text_is_refused(server: HostileServer) -> None:
    with pytest.raises(openapi_client.ApiValueError, match="access_token") as caught:
        call(server, access_token=b"\xff\xfe" + SECRET.encode())
    assert SECRET not in str(caught.value)
    assert server.requests == []


BAD_VALUES: Dict[str, str] = {
    "line break inside": f"{SECRET}\nX-Injected: 1",
    "folded line": f"{SECRET}\r\n X-Injected: 1",
    "carriage return": f"{SECRET}\rX",
    "NUL": f"{SECRET}\0",
    "another control character": f"{SECRET}\x1b[0m",
    "beyond Latin-1": f"{SECRET}€",
}


@pytest.mark.parametrize("value", BAD_VALUES.values(), ids=BAD_VALUES.keys())
@pytest.mark.parametrize("where", ["access_token", "_headers", "_request_auth", "client header", "cookie"])
def test_a_value_http_cannot_carry_is_refused_naming_the_header_not_the_value(
    server: HostileServer, caplog: pytest.LogCaptureFixture, value: str, where: str
) -> None:
    debug_logging(caplog)
    settings: Dict[str, Any] = {
        "access_token": {"access_token": value},
        "_headers": {"options": {"_headers": {"X-Trace": value}}},
        "_request_auth": {"options": {"_request_auth": {"in": "header", "key": "X-Key", "value": value}}},
        "client header": {"header": ("X-Client", value)},
        "cookie": {"cookie": value},
    }[where]
    with pytest.raises(openapi_client.ApiValueError) as caught:
        call(server, **settings)
    named = {"access_token": "Authorization", "_headers": "X-Trace", "_request_auth": "X-Key"}
    assert f"`{named.get(where, 'X-Client' if where == 'client header' else 'Cookie')}`" in str(caught.value)
    assert "not shown" in str(caught.value)
    assert server.requests == []  # nothing was sent
    assert_no_secrets(caplog, [SECRET], str(caught.value), repr(caught.value))


def test_a_latin_1_value_and_a_tab_are_carried(server: HostileServer) -> None:
    call(server, options={"_headers": {"X-Team": "données\tbrutes"}})
    assert server.requests[0].all("X-Team") == ["donn\xe9es\tbrutes"]


def test_an_invalid_header_name_is_refused(server: HostileServer) -> None:
    with pytest.raises(openapi_client.ApiValueError, match="header name"):
        call(server, options={"_headers": {"X-Bad\r\nX-Injected": "1"}})
    with pytest.raises(openapi_client.ApiValueError, match="header name"):
        call(server, options={"_headers": {"": "1"}})
    assert server.requests == []


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"access_token": "configured", "options": {"_headers": {"authorization": "Bearer per-call"}}}, "per-call"),
        (
            {
                "access_token": "configured",
                "options": {
                    "_headers": {"AUTHORIZATION": "Bearer from-headers"},
                    "_request_auth": {"in": "header", "key": "Authorization", "value": "Bearer from-auth"},
                },
            },
            "from-auth",
        ),
        ({"username": "u", "password": "p", "options": {"_headers": {"Authorization": "Bearer per-call"}}}, "per-call"),
        ({"access_token": "configured", "header": ("authorization", "Bearer client-default")}, "client-default"),
    ],
    ids=["_headers over configured", "_request_auth over _headers", "over basic", "client default header"],
)
def test_one_authorization_header_at_most_the_per_call_one_winning(
    server: HostileServer, settings: Dict[str, Any], expected: str
) -> None:
    call(server, **settings)
    assert server.requests[0].all("Authorization") == [f"Bearer {expected}"]


def test_one_header_per_name_however_spelt_the_per_call_one_winning(server: HostileServer) -> None:
    call(server, cookie="session=client", options={"_headers": {"cookie": "session=call", "accept": "text/json"}})
    request = server.requests[0]
    assert request.all("Cookie") == ["session=call"]
    assert request.all("Accept") == ["text/json"]


def test_numbers_and_bytes_are_written_out_and_other_values_refused(server: HostileServer) -> None:
    call(server, options={"_headers": {"X-Count": 5, "X-Raw": b"caf\xe9"}})
    assert server.requests[0].all("X-Count") == ["5"] and server.requests[0].all("X-Raw") == ["caf\xe9"]
    with pytest.raises(openapi_client.ApiValueError, match="`X-List` header must be a string"):
        call(server, options={"_headers": {"X-List": ["a"]}})
    assert len(server.requests) == 1


@pytest.mark.parametrize("token", [lambda: None, None], ids=["callable returning None", "None"])
def test_no_token_means_no_authorization(server: HostileServer, token: Any) -> None:
    call(server, access_token=token)
    assert server.requests[0].all("Authorization") == []


def test_a_token_that_is_not_text_is_refused(server: HostileServer) -> None:
    with pytest.raises(openapi_client.ApiValueError, match="`access_token` is a string"):
        call(server, access_token=lambda: 12345)
    assert server.requests == []
