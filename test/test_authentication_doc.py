"""docs/authentication.md's examples, run one after another as a reader would run them, against local servers that
stand in for the hosts and files they name; what each one did on the wire is asserted."""

from __future__ import annotations

import base64
import json
import re
import ssl
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest
import trustme
import urllib3
from pools import read_timeouts
from samples import CONNECTION_ID, WORKSPACE_ID, connection_read
from scripted_server import TOKEN_PATH, Reply, ScriptedServer, TokenIssuer
from tunnel_proxy import TunnelProxy

import openapi_client
from openapi_client import ApiClient, Configuration, WebBackendApi

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "authentication.md"
GEOGRAPHIES = "/v1/web_backend/geographies/list"
LIST = "/v1/web_backend/connections/list"
GET = "/v1/web_backend/connections/get"
HOSTS = ("http://localhost:8000/api", "https://airbyte.example.com/api")


def blocks() -> List[str]:
    return re.findall(r"^```python\n(.*?)^```$", DOC.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)


class Reader:
    """Runs the doc's blocks in one namespace, with the names and files they expect replaced by local ones."""

    def __init__(self, replacements: Dict[str, str], namespace: Dict[str, Any]) -> None:
        self.replacements = replacements
        # The later blocks use what the first ones imported.
        self.namespace = {"__name__": "__doc__", "openapi_client": openapi_client, **namespace}

    def run(self, code: str) -> Dict[str, Any]:
        for name, local in self.replacements.items():
            code = code.replace(name, local)
        exec(compile(code, DOC.name, "exec"), self.namespace)
        return self.namespace

    def call(self, **options: Any) -> List[str]:
        """`web_backend_list_geographies` with the namespace's `configuration`, through a new client."""
        with ApiClient(self.namespace["configuration"]) as client:
            return [g.value for g in WebBackendApi(client).web_backend_list_geographies(**options).geographies]


@pytest.fixture
def reader(server: ScriptedServer, tmp_path: Path) -> Iterator[Reader]:
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
    token_file = tmp_path / "airbyte-token"
    replacements = {host: server.url for host in HOSTS}
    replacements["/run/secrets/airbyte-token"] = str(token_file)
    with ApiClient(Configuration(host=server.url, retries=0)) as client:
        yield Reader(replacements, {"api": WebBackendApi(client), "token_file": token_file})


def authorizations(server: ScriptedServer, path: str = GEOGRAPHIES) -> List[Optional[str]]:
    return [r.headers.get("Authorization") for r in server.received if r.path == path]


def test_the_doc_has_the_examples_these_tests_run() -> None:
    assert len(blocks()) == 11


def test_basic_credentials_are_sent(reader: Reader, server: ScriptedServer) -> None:
    reader.run(blocks()[0])
    assert reader.call() == ["us"]
    assert authorizations(server) == ["Basic " + base64.b64encode(b"airbyte:password").decode()]


def test_a_token_function_is_asked_before_every_request(reader: Reader, server: ScriptedServer) -> None:
    token_file: Path = reader.namespace["token_file"]
    reader.run(blocks()[1])
    for token in ("first-token", "renewed-token"):
        token_file.write_text(token + "\n")
        reader.call()
    assert authorizations(server) == ["Bearer first-token", "Bearer renewed-token"]


def test_an_application_trades_its_credentials_for_a_token(reader: Reader, server: ScriptedServer) -> None:
    issuer = server.issue_tokens(TokenIssuer("<application client id>", "<client secret>"))
    reader.run(blocks()[2])
    assert reader.call() == ["us"]
    token_request = server.received[0]
    assert token_request.path == TOKEN_PATH
    assert token_request.json() == {"client_id": "<application client id>", "client_secret": "<client secret>"}
    assert authorizations(server) == [f"Bearer {issuer.issued[0]}"]


def test_request_auth_replaces_the_credentials_for_one_call(reader: Reader, server: ScriptedServer) -> None:
    reader.run(blocks()[0])  # Basic credentials configured...
    with ApiClient(reader.namespace["configuration"]) as client:
        reader.namespace["api"] = WebBackendApi(client)
        reader.run(blocks()[3])  # ...and another token for this call
    assert authorizations(server) == ["Bearer <other token>"]


def test_timeouts_for_every_call_and_for_one(reader: Reader, server: ScriptedServer) -> None:
    server.always(LIST, Reply(body={"connections": []}))
    server.always(GET, Reply(body=connection_read()))
    reader.namespace.update(workspace_id=WORKSPACE_ID, connection_id=CONNECTION_ID)
    with ApiClient(Configuration(host=server.url, retries=0)) as client:
        reader.namespace["api"] = WebBackendApi(client)
        reader.run(blocks()[4])
        assert reader.namespace["configuration"].timeout == (5, 30)
        assert read_timeouts(client, server.url) == [120]
        namespace = reader.run(blocks()[5])
        assert read_timeouts(client, server.url) == [600]
    assert isinstance(namespace["connection"], openapi_client.WebBackendConnectionRead)
    assert [r.json() for r in server.received] == [
        {"workspaceId": WORKSPACE_ID},
        {"connectionId": CONNECTION_ID, "withRefreshedCatalog": True},
    ]
    with ApiClient(reader.namespace["configuration"]) as client:
        WebBackendApi(client).web_backend_list_geographies()
        assert read_timeouts(client, server.url) == [30]


def test_the_retry_settings(reader: Reader, server: ScriptedServer) -> None:
    server.always(GEOGRAPHIES, Reply(503, {"message": "busy"}, {"Retry-After": "0"}))
    reader.run(blocks()[6])
    with pytest.raises(openapi_client.ServiceException):
        reader.call()
    assert server.count(GEOGRAPHIES) == 1  # `retries = 0`, the block's last word: no retries


def test_a_larger_response_limit(reader: Reader, server: ScriptedServer) -> None:
    big = {"geographies": ["us"] * (9 * 1024 * 1024 // 6)}  # a body of some 9 MiB
    server.always(GEOGRAPHIES, Reply(body=big))
    reader.run(blocks()[7])
    configuration = reader.namespace["configuration"]
    assert configuration.max_response_bytes == 512 * 1024 * 1024
    assert len(reader.call()) == len(big["geographies"])
    configuration.max_response_bytes = 8 * 1024 * 1024  # a limit the body exceeds: refused, not retried
    with pytest.raises(openapi_client.ResponseTooLargeError):
        reader.call()
    assert server.count(GEOGRAPHIES) == 2


def test_tls_settings_and_a_proxy_tunnel(tmp_path: Path) -> None:
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("airbyte.internal").configure_cert(context)
    ca.configure_trust(context)
    context.verify_mode = ssl.CERT_REQUIRED  # the server wants a client certificate
    secure = ScriptedServer(ssl_context=context).start()
    tunnel = TunnelProxy()
    try:
        secure.always(GEOGRAPHIES, Reply(body={"geographies": ["eu"]}))
        client_certificate = ca.issue_cert("client.airbyte.test")
        files = {"/etc/ssl/our-ca.pem": ca.cert_pem, "/etc/airbyte/client.pem": client_certificate.cert_chain_pems[0]}
        files["/etc/airbyte/client.key"] = client_certificate.private_key_pem
        replacements = {"https://airbyte.internal/api": secure.url, "proxy.internal:3128": tunnel.address}
        for name, blob in files.items():
            replacements[name] = str(tmp_path / Path(name).name)
            blob.write_to_path(replacements[name])
        reader = Reader(replacements, {})

        tls = blocks()[8].splitlines()
        reader.run("\n".join(line for line in tls if "verify_ssl" not in line))
        assert reader.call() == ["eu"]  # trusted through ca_cert_data, named by tls_server_name, our certificate
        reader.run("\n".join(line for line in tls if "verify_ssl" in line))
        with pytest.warns(urllib3.exceptions.InsecureRequestWarning):
            assert reader.call() == ["eu"]
        assert all(("DNS", "client.airbyte.test") in r.client_certificate["subjectAltName"] for r in secure.received)

        proxies = blocks()[9].splitlines()
        reader.run("\n".join(line for line in proxies if "no_proxy" not in line))
        with pytest.warns(urllib3.exceptions.InsecureRequestWarning):
            reader.call()
        [(connect, headers)] = tunnel.requests
        assert connect == f"CONNECT 127.0.0.1:{secure.port}" and headers["Proxy-Authorization"] == "Basic ..."
        shown = repr(reader.namespace["configuration"])
        assert "user:password@" not in shown and f"user:<redacted>@{tunnel.address}" in shown
        reader.run("\n".join(line for line in proxies if "no_proxy" in line))
        with pytest.warns(urllib3.exceptions.InsecureRequestWarning):
            reader.call()
        assert len(tunnel.requests) == 1 and len(secure.received) == 4  # 127.0.0.1 is reached directly
    finally:
        tunnel.stop()
        secure.stop()


def test_retries_are_logged_at_info_once_logging_is_configured(server: ScriptedServer) -> None:
    """Run in a process of its own: `logging.basicConfig` configures the process's root logger."""
    server.script(GEOGRAPHIES, Reply(503, {"message": "busy"}, {"Retry-After": "0"}))
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
    program = "\n".join(
        [
            blocks()[10],
            "import openapi_client",
            f"configuration = openapi_client.Configuration(host={server.url!r})",
            "with openapi_client.ApiClient(configuration) as client:",
            "    print(openapi_client.WebBackendApi(client).web_backend_list_geographies().to_json())",
        ]
    )
    ran = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout) == {"geographies": ["us"]}
    assert re.search(r"^INFO:openapi_client:Retrying web_backend_list_geographies .* after 503", ran.stderr, re.M)
    assert "DEBUG" not in ran.stderr  # without debug=True, no request is logged
