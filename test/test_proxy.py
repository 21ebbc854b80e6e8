"""`proxy`, `proxy_headers` and `no_proxy`, through a small forward proxy that records what it relays."""

from __future__ import annotations

import base64
import http.client
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, Iterator, List, Tuple
from urllib.parse import urlsplit

import pytest
from leaks import RecordedSleeps, assert_no_secrets, debug_logging
from samples import DESTINATION_ID, SOURCE_ID
from scripted_server import Reply, ScriptedServer

import openapi_client
from openapi_client import ApiClient, Configuration, WebBackendApi
from openapi_client.retries import RetryPolicy

GEOGRAPHIES = "/v1/web_backend/geographies/list"
CREATE = "/v1/web_backend/connections/create"
HOP_BY_HOP = {"connection", "keep-alive", "proxy-authorization", "proxy-connection", "transfer-encoding"}


class ForwardProxy:
    """Relays plain-HTTP requests sent in absolute form (`POST http://host:port/path`), remembering each."""

    def __init__(self) -> None:
        self.relayed: List[Tuple[str, str, Dict[str, str]]] = []
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True).start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _handler(self) -> type:
        relayed = self.relayed

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                relayed.append((self.command, self.path, dict(self.headers.items())))
                target = urlsplit(self.path)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                upstream = http.client.HTTPConnection(target.hostname or "", target.port, timeout=5)
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
