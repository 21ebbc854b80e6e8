"""`Configuration` after the `ApiClient` exists: every setting changed takes effect at the next call, checked over a
real socket; the host is normalised or refused when it is set; the default pool serves 16 threads; credentials over
plain http to another machine are warned about, once per client."""

from __future__ import annotations

import logging
import socket
import ssl
import threading
import warnings
from pathlib import Path
from typing import Any, Iterator, List

import pytest
import trustme
import urllib3
from hostile_server import Exchange, HostileServer, json_answer
from scripted_server import TOKEN_PATH, Reply, ScriptedServer, TokenIssuer
from test_proxy import ForwardProxy

import openapi_client
from openapi_client import ApiClient, Configuration, WebBackendApi
from openapi_client.configuration import TRANSPORT_SETTINGS
from openapi_client.exceptions import InsecureCredentialsWarning, ResponseTooLargeError

GEOGRAPHIES = "/v1/web_backend/geographies/list"
ANSWER = Reply(body={"geographies": ["us"]})


@pytest.fixture
def api(server: ScriptedServer) -> Iterator[WebBackendApi]:
    """A client whose configuration each test changes after the first call."""
    server.always(GEOGRAPHIES, ANSWER)
    with ApiClient(Configuration(host=server.url, retries=0)) as client:
        api = WebBackendApi(client)
        api.web_backend_list_geographies()
        yield api


def settings(api: WebBackendApi) -> Configuration:
    return api.api_client.configuration


def authorization(server: ScriptedServer) -> Any:
    return server.received[-1].headers.get("Authorization")


# -- where and as whom ---------------------------------------------------------------------------------------


def test_host(api: WebBackendApi, server: ScriptedServer) -> None:
    other = ScriptedServer().start()
    try:
        other.always(GEOGRAPHIES, Reply(body={"geographies": ["eu"]}))
        settings(api).host = other.url + "/"
        assert api.web_backend_list_geographies().geographies == ["eu"]
        assert other.received[0].path == GEOGRAPHIES  # the trailing slash was dropped
    finally:
        other.stop()


def test_credentials(api: WebBackendApi, server: ScriptedServer) -> None:
    settings(api).username, settings(api).password = "airbyte", "password"
    api.web_backend_list_geographies()
    assert authorization(server) == "Basic YWlyYnl0ZTpwYXNzd29yZA=="
    settings(api).access_token = "fresh-token"
    api.web_backend_list_geographies()
    assert authorization(server) == "Bearer fresh-token"
    settings(api).access_token = None
    issuer = server.issue_tokens(TokenIssuer("app", "app-secret"))
    settings(api).client_id, settings(api).client_secret = "app", "app-secret"
    api.web_backend_list_geographies()
    assert authorization(server) == f"Bearer {issuer.issued[0]}" and server.count(TOKEN_PATH) == 1


# -- how long, how often, how much ---------------------------------------------------------------------------


def test_timeout(api: WebBackendApi, server: ScriptedServer) -> None:
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}, delay=0.3))
    api.web_backend_list_geographies()
    settings(api).timeout = 0.1
    with pytest.raises(openapi_client.ApiTimeoutError):
        api.web_backend_list_geographies()


def test_retries(api: WebBackendApi, server: ScriptedServer) -> None:
    server.script(GEOGRAPHIES, Reply(503, "busy", {"Retry-After": "0"}), Reply(503, "busy", {"Retry-After": "0"}))
    with pytest.raises(openapi_client.ServiceException):
        api.web_backend_list_geographies()
    settings(api).retries = 1
    assert api.web_backend_list_geographies().geographies == ["us"]
    assert server.statuses(GEOGRAPHIES)[-3:] == [503, 503, 200]


def test_max_response_bytes(api: WebBackendApi) -> None:
    settings(api).max_response_bytes = 10
    with pytest.raises(ResponseTooLargeError):
        api.web_backend_list_geographies()
    settings(api).max_response_bytes = None
    assert api.web_backend_list_geographies().geographies == ["us"]


# -- logging -------------------------------------------------------------------------------------------------


def test_debug(api: WebBackendApi, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="openapi_client")
    caplog.handler.setLevel(logging.DEBUG)  # only the logger's level stands between the records and the capture
    settings(api).debug = True
    try:
        api.web_backend_list_geographies()
    finally:
        settings(api).debug = False
    assert any(record.levelno == logging.DEBUG and GEOGRAPHIES in record.getMessage() for record in caplog.records)


def test_logger_file_and_logger_format(api: WebBackendApi, tmp_path: Path) -> None:
    log = tmp_path / "client.log"
    settings(api).logger_file = str(log)
    settings(api).debug = True
    try:
        api.web_backend_list_geographies()
        settings(api).logger_format = "CLIENT %(name)s %(message)s"
        api.web_backend_list_geographies()
    finally:
        settings(api).debug = False
        settings(api).logger_file = None
    lines = log.read_text().splitlines()
    assert any(GEOGRAPHIES in line and not line.startswith("CLIENT") for line in lines)
    assert any(line.startswith("CLIENT openapi_client POST") for line in lines)


# -- TLS -----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def tls_server(ca: trustme.CA, name: str, client_ca: bool = False) -> ScriptedServer:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(name).configure_cert(context)
    if client_ca:
        ca.configure_trust(context)
        context.verify_mode = ssl.CERT_REQUIRED
    server = ScriptedServer(ssl_context=context).start()
    server.always(GEOGRAPHIES, ANSWER)
    return server


@pytest.fixture
def tls_api(ca: trustme.CA) -> Iterator[WebBackendApi]:
    """A client of an HTTPS server whose certificate it does not trust yet."""
    server = tls_server(ca, "127.0.0.1")
    with ApiClient(Configuration(host=server.url, retries=0)) as client:
        api = WebBackendApi(client)
        with pytest.raises(openapi_client.ApiTLSError):
            api.web_backend_list_geographies()
        yield api
    server.stop()


def test_verify_ssl(tls_api: WebBackendApi) -> None:
    settings(tls_api).verify_ssl = False
    with pytest.warns(urllib3.exceptions.InsecureRequestWarning):
        assert tls_api.web_backend_list_geographies().geographies == ["us"]


def test_ssl_ca_cert(tls_api: WebBackendApi, ca: trustme.CA, tmp_path: Path) -> None:
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    settings(tls_api).ssl_ca_cert = str(tmp_path / "ca.pem")
    assert tls_api.web_backend_list_geographies().geographies == ["us"]


def test_ca_cert_data(tls_api: WebBackendApi, ca: trustme.CA) -> None:
    settings(tls_api).ca_cert_data = ca.cert_pem.bytes().decode()
    assert tls_api.web_backend_list_geographies().geographies == ["us"]


@pytest.mark.parametrize("setting", ["tls_server_name", "assert_hostname"])
def test_the_name_the_certificate_must_have(ca: trustme.CA, setting: str) -> None:
    server = tls_server(ca, "airbyte.internal")
    try:
        configuration = Configuration(host=server.url, retries=0, ca_cert_data=ca.cert_pem.bytes().decode())
        with ApiClient(configuration) as client:
            api = WebBackendApi(client)
            with pytest.raises(openapi_client.ApiTLSError):
                api.web_backend_list_geographies()
            setattr(configuration, setting, "airbyte.internal")
            assert api.web_backend_list_geographies().geographies == ["us"]
    finally:
        server.stop()


def test_cert_file_and_key_file(ca: trustme.CA, tmp_path: Path) -> None:
    server = tls_server(ca, "127.0.0.1", client_ca=True)
    certificate = ca.issue_cert("client.airbyte.test")
    certificate.cert_chain_pems[0].write_to_path(str(tmp_path / "client.pem"))
    certificate.private_key_pem.write_to_path(str(tmp_path / "client.key"))
    try:
        configuration = Configuration(host=server.url, retries=0, ca_cert_data=ca.cert_pem.bytes().decode())
        with ApiClient(configuration) as client:
            api = WebBackendApi(client)
            with pytest.raises(openapi_client.ApiConnectionError):
                api.web_backend_list_geographies()
            configuration.cert_file, configuration.key_file = str(tmp_path / "client.pem"), str(tmp_path / "client.key")
            assert api.web_backend_list_geographies().geographies == ["us"]
        assert ("DNS", "client.airbyte.test") in server.received[-1].client_certificate["subjectAltName"]
    finally:
        server.stop()


# -- proxy, pool, sockets ------------------------------------------------------------------------------------


def test_proxy_proxy_headers_and_no_proxy(api: WebBackendApi, server: ScriptedServer) -> None:
    proxy = ForwardProxy()
    try:
        settings(api).proxy = proxy.url
        api.web_backend_list_geographies()
        assert len(proxy.relayed) == 1
        settings(api).proxy_headers = {"Proxy-Authorization": "Bearer proxy-token"}
        api.web_backend_list_geographies()
        assert proxy.relayed[-1][2]["Proxy-Authorization"] == "Bearer proxy-token"
        settings(api).no_proxy = "127.0.0.1"
        api.web_backend_list_geographies()
        assert len(proxy.relayed) == 2
    finally:
        proxy.stop()


def test_socket_options(api: WebBackendApi) -> None:
    settings(api).socket_options = [(socket.SOL_SOCKET, 0x7FFF, 1)]  # no such option: connecting fails
    with pytest.raises(openapi_client.ApiConnectionError):
        api.web_backend_list_geographies()
    settings(api).socket_options = [(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)]
    assert api.web_backend_list_geographies().geographies == ["us"]


def pool_full_warnings(api: WebBackendApi, threads: int, caplog: pytest.LogCaptureFixture) -> List[str]:
    """What urllib3 logs when `threads` threads call at once, each holding a connection for a while."""
    caplog.clear()
    start = threading.Barrier(threads)

    def work() -> None:
        start.wait()
        for _ in range(3):
            api.web_backend_list_geographies()

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)
    return [r.getMessage() for r in caplog.records if "pool is full" in r.getMessage()]


def test_connection_pool_maxsize(api: WebBackendApi, server: ScriptedServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="urllib3")
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}, delay=0.05))
    settings(api).connection_pool_maxsize = 2
    assert pool_full_warnings(api, 8, caplog)
    settings(api).connection_pool_maxsize = 8
    assert pool_full_warnings(api, 8, caplog) == []


def test_the_default_pool_serves_16_threads_sharing_one_client(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="urllib3")
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}, delay=0.05))
    with ApiClient(Configuration(host=server.url)) as client:
        assert client.configuration.connection_pool_maxsize == 32
        assert pool_full_warnings(WebBackendApi(client), 16, caplog) == []


def test_every_transport_setting_is_one_the_client_rebuilds_its_pools_for() -> None:
    """The settings the pools are built from are exactly those whose change makes the client build new ones."""
    source = (Path(openapi_client.__file__).parent / "rest.py").read_text()
    read = {name for name in dir(Configuration()) if f"configuration.{name}" in source}
    per_call = {"no_proxy", "proxy_from_environment", "timeout", "max_response_bytes", "transport_generation"}
    assert read - per_call == TRANSPORT_SETTINGS


# -- the host ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("http://airbyte.example/api/", "http://airbyte.example/api"),
        ("HTTPS://Airbyte.Example:8443/api//", "https://airbyte.example:8443/api"),
        ("http://airbyte.example/", "http://airbyte.example"),
        (" http://airbyte.example/api\n", "http://airbyte.example/api"),
    ],
)
def test_a_host_is_normalised_when_it_is_set(given: str, kept: str) -> None:
    assert Configuration(host=given).host == kept
    configuration = Configuration()
    configuration.host = given
    assert configuration.host == kept


@pytest.mark.parametrize(
    "host",
    [
        "http://airbyte.example/api?workspace=1",
        "http://airbyte.example/api#top",
        "http://airbyte.example/api?",
        "ftp://airbyte.example/api",
        "airbyte.example/api",
        "http://airbyte example/api",
        "http://airbyte.example/a\npi",
    ],
)
def test_a_host_the_paths_would_not_land_in_is_refused(host: str) -> None:
    with pytest.raises(openapi_client.ApiValueError, match="Invalid host URL"):
        Configuration(host=host)


def test_a_host_is_a_string() -> None:
    with pytest.raises(openapi_client.ApiValueError, match="URL string"):
        Configuration(host=b"http://airbyte.example/api")  # type: ignore[arg-type]


def test_a_trailing_slash_does_not_double_the_paths_slash(server: ScriptedServer) -> None:
    server.always("/api" + GEOGRAPHIES, ANSWER)
    with ApiClient(Configuration(host=server.url + "/api/")) as client:
        WebBackendApi(client).web_backend_list_geographies()
    assert server.received[0].path == "/api" + GEOGRAPHIES


# -- credentials over plain http -----------------------------------------------------------------------------


@pytest.fixture
def answering_proxy() -> Iterator[HostileServer]:
    """A proxy that answers itself: requests for hosts elsewhere never leave the machine."""

    def answer(exchange: Exchange) -> None:
        if exchange.request.path.endswith(TOKEN_PATH):
            exchange.send(json_answer(b'{"access_token": "proxy-made-token"}'))
        else:
            exchange.send(json_answer(b'{"geographies": ["us"]}'))

    proxy = HostileServer(answer)
    yield proxy
    proxy.stop()


def in_clear(proxy: HostileServer, host: str = "http://airbyte.example/api", **credentials: Any) -> List[Any]:
    """The warnings of two calls by one client, through `proxy`."""
    configuration = Configuration(host=host, retries=0, **credentials)
    configuration.proxy = proxy.url
    with warnings.catch_warnings(record=True) as caught, ApiClient(configuration) as client:
        warnings.simplefilter("always")
        WebBackendApi(client).web_backend_list_geographies()
        WebBackendApi(client).web_backend_list_geographies()
    return [w for w in caught if issubclass(w.category, InsecureCredentialsWarning)]


@pytest.mark.parametrize(
    "credentials",
    [{"access_token": "t"}, {"username": "u", "password": "p"}, {"client_id": "app", "client_secret": "s"}],
    ids=["bearer", "basic", "application"],
)
def test_credentials_over_plain_http_to_another_machine_are_warned_about_once(
    answering_proxy: HostileServer, credentials: Any
) -> None:
    warned = in_clear(answering_proxy, **credentials)
    assert len(warned) == 1
    assert "http://airbyte.example" in str(warned[0].message) and "https" in str(warned[0].message)
    # It points at the caller's line: the first call in `in_clear`.
    assert (warned[0].filename, warned[0].lineno) == (__file__, in_clear.__code__.co_firstlineno + 6)
    assert len(in_clear(answering_proxy, **credentials)) == 1  # once per client


def test_no_warning_without_credentials_or_on_this_machine(answering_proxy: HostileServer) -> None:
    assert in_clear(answering_proxy) == []
    assert in_clear(answering_proxy, host="http://localhost:9/api", access_token="t") == []
    assert in_clear(answering_proxy, host="http://127.0.0.5:9/api", access_token="t") == []
    assert in_clear(answering_proxy, host="http://[::1]:9/api", access_token="t") == []
