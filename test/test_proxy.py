"""`proxy`, `proxy_headers` and `no_proxy`, through a small forward proxy that records what it relays."""

from __future__ import annotations

import base64
import http.client
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, Iterator, List, Optional, Tuple
from urllib.parse import urlsplit

import pytest
from hostile_server import HostileServer, json_answer
from leaks import RecordedSleeps, assert_no_secrets, debug_logging
from samples import DESTINATION_ID, SOURCE_ID
from scripted_server import Reply, ScriptedServer
from socks_proxy import SocksProxy

import openapi_client
from openapi_client import ApiClient, Configuration, WebBackendApi
from openapi_client.retries import RetryPolicy

GEOGRAPHIES = "/v1/web_backend/geographies/list"
CREATE = "/v1/web_backend/connections/create"
HOP_BY_HOP = {"connection", "keep-alive", "proxy-authorization", "proxy-connection", "transfer-encoding"}


class ForwardProxy:
    """Relays plain-HTTP requests sent in absolute form (`POST http://host:port/path`), remembering each. It
    resolves the names of `hosts` to their addresses, as a company proxy resolves names the client cannot."""

    def __init__(self, hosts: Optional[Dict[str, str]] = None) -> None:
        self.relayed: List[Tuple[str, str, Dict[str, str]]] = []
        self.hosts = hosts or {}
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True).start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _handler(self) -> type:
        relayed, hosts = self.relayed, self.hosts

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                relayed.append((self.command, self.path, dict(self.headers.items())))
                target = urlsplit(self.path)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                address = hosts.get(target.hostname or "", target.hostname or "")
                upstream = http.client.HTTPConnection(address, target.port, timeout=5)
                try:
                    upstream.request(self.command, target.path, body, headers)
                    answer = upstream.getresponse()
                    payload = answer.read()
                finally:
                    upstream.close()
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in HOP_BY_HOP and name.lower() != "content-length":
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


@pytest.fixture
def proxy() -> Iterator[ForwardProxy]:
    forward = ForwardProxy()
    yield forward
    forward.stop()


def call(configuration: Configuration) -> Any:
    with ApiClient(configuration) as client:
        return WebBackendApi(client).web_backend_list_geographies()


def test_requests_go_through_the_proxy(server: ScriptedServer, proxy: ForwardProxy) -> None:
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["via proxy"]}))
    configuration = Configuration(host=server.url, access_token="tok")
    configuration.proxy = proxy.url
    assert call(configuration).geographies == ["via proxy"]
    method, target, _ = proxy.relayed[0]
    assert (method, target) == ("POST", server.url + GEOGRAPHIES)
    assert server.received[0].headers["Authorization"] == "Bearer tok"


@pytest.mark.parametrize(
    ("no_proxy", "direct"),
    [("127.0.0.1", True), ("*", True), ("example.com, .internal", False), ("", False)],
)
def test_no_proxy_names_the_hosts_reached_directly(
    server: ScriptedServer, proxy: ForwardProxy, no_proxy: str, direct: bool
) -> None:
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    configuration = Configuration(host=server.url)
    configuration.proxy = proxy.url
    configuration.no_proxy = no_proxy
    call(configuration)
    assert len(server.received) == 1
    assert len(proxy.relayed) == (0 if direct else 1)


# -- the environment's proxies, taken as the stock client takes them -----------------------------------------


def named(server: ScriptedServer) -> str:
    """The scripted server's URL under a name that only `named_proxy` resolves."""
    return f"http://airbyte.example:{urlsplit(server.url).port}"


@pytest.fixture
def named_proxy() -> Iterator[ForwardProxy]:
    forward = ForwardProxy({"airbyte.example": "127.0.0.1"})
    yield forward
    forward.stop()


def test_a_proxy_not_given_is_the_environments_for_the_hosts_scheme(
    server: ScriptedServer, named_proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", named_proxy.url)
    monkeypatch.setenv("HTTPS_PROXY", "http://tls-proxy.example:3128")
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["via the environment's proxy"]}))
    configuration = Configuration(host=named(server))
    assert configuration.proxy == named_proxy.url and configuration.proxy_from_environment
    assert call(configuration).geographies == ["via the environment's proxy"]
    assert [target for _, target, _ in named_proxy.relayed] == [named(server) + GEOGRAPHIES]
    assert Configuration(host="https://airbyte.example").proxy == "http://tls-proxy.example:3128"
    monkeypatch.delenv("HTTPS_PROXY")
    monkeypatch.setenv("ALL_PROXY", "http://any-proxy.example:3128")
    assert Configuration(host="https://airbyte.example").proxy == "http://any-proxy.example:3128"


def test_a_host_set_later_takes_the_environments_proxy_for_its_scheme_at_the_next_call(
    server: ScriptedServer, named_proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", named_proxy.url)
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    configuration = Configuration(host="https://airbyte.example")
    assert configuration.proxy is None
    with ApiClient(configuration) as client:
        configuration.host = named(server)
        WebBackendApi(client).web_backend_list_geographies()
    assert configuration.proxy == named_proxy.url
    assert len(named_proxy.relayed) == 1 and len(server.received) == 1


def test_a_proxy_given_is_kept_whatever_the_environment_and_the_host(
    server: ScriptedServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://elsewhere.example:3128")
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    configuration = Configuration(host=server.url, proxy=proxy.url)
    assert not configuration.proxy_from_environment
    call(configuration)
    assert len(proxy.relayed) == 1, "a proxy given is used for this machine's addresses too"
    turned_off = Configuration()
    turned_off.proxy = None
    turned_off.host = server.url
    assert turned_off.proxy is None
    call(turned_off)
    assert len(proxy.relayed) == 1 and len(server.received) == 2


def test_no_proxy_not_given_is_the_environments(
    server: ScriptedServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    configuration = Configuration(host=server.url, proxy=proxy.url)
    assert configuration.no_proxy == "localhost,127.0.0.1"
    call(configuration)
    assert proxy.relayed == [] and len(server.received) == 1
    assert Configuration(no_proxy="").no_proxy == ""


def test_the_environments_proxy_is_not_used_for_this_machine(
    server: ScriptedServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `LocalAirbyte` (or a port forwarded to a cluster) keeps working on a machine whose HTTP_PROXY names a
    company proxy, which could not reach this machine's own addresses for us."""
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    for host in (server.url, server.url.replace("127.0.0.1", "localhost")):
        configuration = Configuration(host=host)
        assert configuration.proxy == proxy.url
        call(configuration)
    assert proxy.relayed == [] and len(server.received) == 2


# -- SOCKS proxies (with PySocks installed, as urllib3 needs) -----------------------------------------------


@pytest.fixture
def socks() -> Iterator[SocksProxy]:
    proxy = SocksProxy(credentials=("tunnel", "SECRET-socks-password"), hosts={"airbyte.example": "127.0.0.1"})
    yield proxy
    proxy.stop()


LOGIN = "tunnel:SECRET-socks-password"


@pytest.mark.parametrize("scheme", ["socks5", "socks5h"])
def test_requests_go_through_a_socks_proxy(server: ScriptedServer, socks: SocksProxy, scheme: str) -> None:
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["via socks"]}))
    configuration = Configuration(host=server.url, proxy=socks.url(scheme, LOGIN))
    assert call(configuration).geographies == ["via socks"]
    assert socks.targets == [("127.0.0.1", urlsplit(server.url).port)]
    assert socks.logins == [("tunnel", "SECRET-socks-password")]


def test_a_socks5h_proxy_resolves_the_host_and_its_password_is_never_shown(
    server: ScriptedServer, socks: SocksProxy, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    debug_logging(caplog)
    monkeypatch.setenv("ALL_PROXY", socks.url("socks5h", LOGIN))  # as `ssh -D` users often set it
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    configuration = Configuration(host=named(server), debug=True)
    call(configuration)
    assert socks.targets == [("airbyte.example", urlsplit(server.url).port)]
    configuration.debug = False
    assert_no_secrets(caplog, ["SECRET-socks-password"], repr(configuration))


def test_a_socks_proxy_refusing_the_login_is_a_connection_error_naming_the_operation(
    server: ScriptedServer, socks: SocksProxy
) -> None:
    configuration = Configuration(host=server.url, proxy=socks.url("socks5", "tunnel:SECRET-wrong"), retries=0)
    with pytest.raises(openapi_client.ApiConnectionError) as caught:
        call(configuration)
    assert "web_backend_list_geographies" in str(caught.value) and "SECRET-wrong" not in str(caught.value)
    assert server.received == []


def test_a_call_through_a_socks_proxy_ends_within_its_timeout() -> None:
    """The connections opened through the proxy are bounded by the call's deadline, as the direct ones are."""
    dripping = HostileServer(lambda exchange: exchange.trickle(json_answer(b'{"geographies": []}'), 0.2))
    socks = SocksProxy()
    try:
        configuration = Configuration(host=dripping.url, proxy=socks.url("socks5"), retries=0)
        started = time.monotonic()
        with ApiClient(configuration) as client, pytest.raises(openapi_client.ApiTimeoutError):
            WebBackendApi(client).web_backend_list_geographies(_request_timeout=0.5)
        assert time.monotonic() - started < 3
        assert socks.targets == [("127.0.0.1", dripping.port)]
    finally:
        socks.stop()
        dripping.stop()


def test_a_socks_proxy_without_pysocks_is_refused_saying_what_to_install() -> None:
    program = (
        "import sys, warnings\n"
        "sys.modules['socks'] = None  # PySocks not installed\n"
        "warnings.simplefilter('error')\n"
        "import openapi_client\n"
        "try:\n"
        "    openapi_client.ApiClient(openapi_client.Configuration(proxy='socks5://u:SECRET@127.0.0.1:1080'))\n"
        "except openapi_client.ApiValueError as error:\n"
        "    print(error)\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == (
        "The SOCKS proxy socks5://u:<redacted>@127.0.0.1:1080 needs PySocks, which is not installed:"
        " pip install PySocks"
    )


def test_proxy_credentials_reach_the_proxy_only_and_are_never_shown(
    server: ScriptedServer, proxy: ForwardProxy, caplog: pytest.LogCaptureFixture
) -> None:
    debug_logging(caplog)
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    address = urlsplit(proxy.url).netloc
    configuration = Configuration(host=server.url, debug=True)
    configuration.proxy = f"http://squid:SECRET-proxy-password@{address}"
    call(configuration)
    expected = "Basic " + base64.b64encode(b"squid:SECRET-proxy-password").decode()
    assert proxy.relayed[0][2]["Proxy-Authorization"] == expected
    assert "Proxy-Authorization" not in server.received[0].headers

    explicit = Configuration(host=server.url)
    explicit.proxy = proxy.url
    explicit.proxy_headers = {"Proxy-Authorization": "Bearer SECRET-proxy-token"}
    call(explicit)
    assert proxy.relayed[1][2]["Proxy-Authorization"] == "Bearer SECRET-proxy-token"
    configuration.debug = False
    assert_no_secrets(
        caplog,
        ["SECRET-proxy-password", "SECRET-proxy-token", expected.split()[1]],
        repr(configuration),
        repr(explicit),
    )


def test_an_unreachable_proxy_is_a_connection_error_retried_for_every_operation(server: ScriptedServer) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        sleeps = RecordedSleeps()
        configuration = Configuration(host=server.url, retries=RetryPolicy(total=2, sleep=sleeps))
        configuration.proxy = f"http://127.0.0.1:{unused.getsockname()[1]}"
        with ApiClient(configuration) as client, pytest.raises(openapi_client.ApiConnectionError) as caught:
            WebBackendApi(client).web_backend_create_connection(
                {"sourceId": SOURCE_ID, "destinationId": DESTINATION_ID, "status": "active"}
            )
    assert caught.value.request_sent is False
    assert caught.value.attempts == 3 and len(sleeps.waits) == 2
    assert "web_backend_create_connection" in str(caught.value)
    assert server.received == []


def test_an_invalid_proxy_is_refused_when_the_client_is_made() -> None:
    configuration = Configuration()
    configuration.proxy = "ftp://user:SECRET@proxy:21"
    with pytest.raises(openapi_client.ApiValueError, match="proxy") as caught:
        ApiClient(configuration)
    assert "SECRET" not in str(caught.value)


def test_an_invalid_proxy_set_later_is_refused_at_every_call(server: ScriptedServer) -> None:
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    with ApiClient(Configuration(host=server.url)) as client:
        api = WebBackendApi(client)
        api.web_backend_list_geographies()
        client.configuration.proxy = "ftp://user:SECRET@proxy:21"
        for _ in range(2):  # not once, then silently without the proxy
            with pytest.raises(openapi_client.ApiValueError, match="proxy") as caught:
                api.web_backend_list_geographies()
            assert "SECRET" not in str(caught.value)
    assert len(server.received) == 1
