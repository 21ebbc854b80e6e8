"""Promises of README.md and docs/authentication.md that no test held, each over a real socket: HTTPS through a
proxy (CONNECT), `ca_cert_data` as DER bytes, `socket_options`, `assert_hostname`, `logger_file`,
`client_side_validation`, a valid `_host_index`, and `benchmarks/run.py` exiting 1 when a target is missed."""

from __future__ import annotations

import base64
import logging
import os
import re
import socket
import ssl
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator, List

import pytest
import trustme
from pools import pooled_sockets
from pydantic import ValidationError
from samples import CONNECTION_ID
from scripted_server import Reply, ScriptedServer
from tunnel_proxy import TunnelProxy

import openapi_client
from openapi_client import ApiClient, Configuration, WebBackendApi
from openapi_client.models.connection_id_request_body import ConnectionIdRequestBody

ROOT = Path(__file__).resolve().parents[1]
GEOGRAPHIES = "/v1/web_backend/geographies/list"
STATE_TYPE = "/v1/web_backend/state/get_type"


def geographies(configuration: Configuration, **options: Any) -> List[str]:
    with ApiClient(configuration) as client:
        return [g.value for g in WebBackendApi(client).web_backend_list_geographies(**options).geographies]


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def ca_file(ca: trustme.CA, tmp_path: Path) -> str:
    path = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


def https_server(ca: trustme.CA, *names: str) -> ScriptedServer:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*names).configure_cert(context)
    server = ScriptedServer(ssl_context=context).start()
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["eu"]}))
    return server


@pytest.fixture
def secure(ca: trustme.CA) -> Iterator[ScriptedServer]:
    server = https_server(ca, "127.0.0.1")
    yield server
    server.stop()


@pytest.fixture
def elsewhere(ca: trustme.CA) -> Iterator[ScriptedServer]:
    """An HTTPS server on 127.0.0.1 whose certificate names another host."""
    server = https_server(ca, "airbyte.internal")
    yield server
    server.stop()


# -- HTTPS through a proxy ----------------------------------------------------------------------------------------


@pytest.fixture
def tunnel() -> Iterator[TunnelProxy]:
    proxy = TunnelProxy()
    yield proxy
    proxy.stop()


def test_https_goes_through_a_proxy_in_a_tunnel_the_proxy_cannot_read(
    secure: ScriptedServer, tunnel: TunnelProxy, ca_file: str
) -> None:
    configuration = Configuration(host=secure.url, ssl_ca_cert=ca_file, access_token="SECRET-tunnelled", retries=0)
    configuration.proxy = f"http://squid:SECRET-proxy-password@{tunnel.address}"
    assert geographies(configuration) == ["eu"]
    [(request, headers)] = tunnel.requests
    assert request == f"CONNECT 127.0.0.1:{secure.port}"
    assert headers["Proxy-Authorization"] == "Basic " + base64.b64encode(b"squid:SECRET-proxy-password").decode()
    [received] = secure.received
    assert (received.path, received.headers["Authorization"]) == (GEOGRAPHIES, "Bearer SECRET-tunnelled")
    assert "Proxy-Authorization" not in received.headers
    # The proxy relayed the call, but only as TLS records: neither the token nor the path were readable to it.
    assert len(tunnel.relayed) > 200
    assert b"SECRET-tunnelled" not in tunnel.relayed and GEOGRAPHIES.encode() not in tunnel.relayed


def test_no_proxy_bypasses_the_tunnel_too(secure: ScriptedServer, tunnel: TunnelProxy, ca_file: str) -> None:
    configuration = Configuration(host=secure.url, ssl_ca_cert=ca_file, retries=0)
    configuration.proxy = f"http://{tunnel.address}"
    configuration.no_proxy = "127.0.0.1"
    assert geographies(configuration) == ["eu"]
    assert tunnel.requests == [] and len(secure.received) == 1


# -- TLS settings -------------------------------------------------------------------------------------------------


def test_ca_cert_data_as_der_bytes_is_trusted(secure: ScriptedServer, ca: trustme.CA) -> None:
    der = ssl.PEM_cert_to_DER_cert(ca.cert_pem.bytes().decode("ascii"))
    assert der[:1] == b"\x30"  # an ASN.1 sequence, not text
    assert geographies(Configuration(host=secure.url, ca_cert_data=der, retries=0)) == ["eu"]
    other = ssl.PEM_cert_to_DER_cert(trustme.CA().cert_pem.bytes().decode("ascii"))
    with pytest.raises(openapi_client.ApiTLSError, match="CERTIFICATE_VERIFY_FAILED"):
        geographies(Configuration(host=secure.url, ca_cert_data=other, retries=0))


def test_assert_hostname_names_the_host_the_certificate_must_name(elsewhere: ScriptedServer, ca_file: str) -> None:
    def configured(assert_hostname: Any) -> Configuration:
        configuration = Configuration(host=elsewhere.url, ssl_ca_cert=ca_file, retries=0)
        configuration.assert_hostname = assert_hostname
        return configuration

    with pytest.raises(openapi_client.ApiTLSError, match=r"127\.0\.0\.1"):
        geographies(configured(None))  # by default, the certificate must name the host of the URL
    assert geographies(configured("airbyte.internal")) == ["eu"]
    with pytest.raises(openapi_client.ApiTLSError, match=r"other\.internal"):
        geographies(configured("other.internal"))
    assert geographies(configured(False)) == ["eu"]  # no name checked; the certificate must still be trusted
    untrusted = configured(False)
    untrusted.ssl_ca_cert = None
    with pytest.raises(openapi_client.ApiTLSError, match="CERTIFICATE_VERIFY_FAILED"):
        geographies(untrusted)
    assert len(elsewhere.received) == 2


# -- socket options, logging, validation ----------------------------------------------------------------------------


@pytest.mark.parametrize("options", [None, [(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)]], ids=["default", "set"])
def test_socket_options_are_set_on_every_connection(server: ScriptedServer, options: Any) -> None:
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
    configuration = Configuration(host=server.url, retries=0)
    configuration.socket_options = options
    with ApiClient(configuration) as client:
        WebBackendApi(client).web_backend_list_geographies()
        [connected] = pooled_sockets(client, server.url)
        keepalive = connected.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE)
        nodelay = connected.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    # The options replace urllib3's own (TCP_NODELAY), as they do in the stock client.
    assert (bool(keepalive), bool(nodelay)) == ((True, False) if options else (False, True))


def test_logger_file_gets_the_clients_log_records_without_credentials(server: ScriptedServer, tmp_path: Path) -> None:
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
    path = tmp_path / "client.log"
    configuration = Configuration(host=server.url, password="SECRET-password", username="u", debug=True, retries=0)
    configuration.logger_file = str(path)
    try:
        assert geographies(configuration) == ["us"]
    finally:
        configuration.logger_file = None
        configuration.debug = False
    text = path.read_text(encoding="utf-8")
    assert f"POST {server.url}{GEOGRAPHIES} (attempt 1)" in text and "-> 200 OK" in text
    assert "'Authorization': '<redacted>'" in text and "SECRET" not in text
    assert re.match(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} DEBUG ", text)  # the documented logger_format
    # Set back to None, the file is closed and gets nothing more.
    for name in ("openapi_client", "urllib3"):
        assert not any(isinstance(h, logging.FileHandler) for h in logging.getLogger(name).handlers), name
    written = path.stat().st_size
    logging_again = Configuration(host=server.url, debug=True, retries=0)
    try:
        geographies(logging_again)
    finally:
        logging_again.debug = False
    assert path.stat().st_size == written


def test_client_side_validation_turned_off_changes_nothing_as_in_the_stock_client(server: ScriptedServer) -> None:
    server.always(STATE_TYPE, Reply(body=b'"stream"'))
    configuration = Configuration(host=server.url, retries=0)
    assert configuration.client_side_validation is True
    configuration.client_side_validation = False
    with ApiClient(configuration) as client:
        assert client.client_side_validation is False  # read into the client, like the stock client's
        api = WebBackendApi(client)
        with pytest.raises(openapi_client.ApiValueError, match="connectionId"):
            api.get_state_type({"connectionId": "not-a-uuid"})
        with pytest.raises(openapi_client.ApiValueError, match="connectionID: Unknown field"):
            api.get_state_type({"connectionId": CONNECTION_ID, "connectionID": CONNECTION_ID})
        with pytest.raises(ValidationError):
            ConnectionIdRequestBody(connection_id="not-a-uuid")
        assert server.received == []  # refused before any I/O, as with validation on
        assert api.get_state_type({"connectionId": CONNECTION_ID}).value == "stream"


# -- _host_index ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("server_index", "url"),
    [(0, "http://airbyte.local/v1/web_backend/geographies/list"), (1, "http://localhost:8000/api" + GEOGRAPHIES)],
)
def test_server_index_picks_a_server_of_the_spec_and_host_index_0_keeps_it(
    server: ScriptedServer, server_index: int, url: str
) -> None:
    # The scripted server plays a forward proxy, so that the spec's servers are reached without being there.
    server.always(url, Reply(body={"geographies": [["auto", "us"][server_index]]}))
    configuration = Configuration(server_index=server_index, retries=0)
    configuration.proxy = server.url
    assert configuration.host == url.removesuffix(GEOGRAPHIES)
    assert geographies(configuration) == geographies(configuration, _host_index=0) == [["auto", "us"][server_index]]
    assert [r.path for r in server.received] == [url, url]
    assert server.received[0].headers["Host"] == url.split("/")[2]


def test_a_host_index_other_than_0_is_refused_before_any_io(server: ScriptedServer) -> None:
    # README: `_host_index` is 0, "the only server these operations have" (the stock client refuses others too).
    configuration = Configuration(host=server.url, retries=0)
    with pytest.raises(openapi_client.ApiValueError, match="_host_index"):
        geographies(configuration, _host_index=1)
    assert server.received == []


# -- benchmarks/run.py's exit status --------------------------------------------------------------------------------


def readme_benchmark_rows() -> List[Any]:
    """The benchmark table recorded in the README, as the benchmark's rows."""
    sys.path.insert(0, str(ROOT))
    try:
        from benchmarks.measure import Samples
        from benchmarks.scenarios import Row
    finally:
        sys.path.remove(str(ROOT))
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("```\nscenario", 1)[1].split("```", 1)[0].splitlines()[2:]
    rows = []
    for line in filter(None, table):
        found = re.match(r"^(.+?)\s{2,}([\d.,]+) (\w+)\s+([\d.,]+) \w+\s+([\d.]+)\s+.+?<= ([\d.]+)\s+(\w+)$", line)
        assert found, line
        title, ours, unit, raw, ratio, target, result = found.groups()
        row = Row(title, Samples([float(ours)]), Samples([float(raw)]), float(target), unit, 1.0)
        assert (f"{row.ratio:.2f}", "pass" if row.passed else "FAIL") == (ratio, result), line
        rows.append(row)
    return rows


def test_the_benchmark_exits_0_when_every_target_is_met_and_1_when_one_is_missed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    sys.path.insert(0, str(ROOT))
    try:
        from benchmarks import run
        from benchmarks.measure import Samples
    finally:
        sys.path.remove(str(ROOT))
    rows = readme_benchmark_rows()
    assert len(rows) == 7
    assert run.report(rows, 150.0) == 0
    assert "FAIL" not in capsys.readouterr().out
    tiny = rows[0]
    slower = type(tiny)(tiny.scenario, Samples([tiny.raw.median * 1.11]), tiny.raw, tiny.target, tiny.unit, 1.0)
    assert run.report([slower, *rows[1:]], 150.0) == 1
    printed = capsys.readouterr()
    assert re.search(r"^tiny call \(get_state_type\), per call .* 1\.11 .* <= 1\.10 +FAIL$", printed.out, re.M)
    assert printed.err == "missed: tiny call (get_state_type), per call\n"


SLOW_IMPORT = """\
import sys, time
if "import openapi_client" in " ".join(getattr(sys, "orig_argv", sys.argv)):
    time.sleep(0.4)
"""


def test_the_benchmark_command_exits_1_when_a_target_is_missed(tmp_path: Path) -> None:
    """`python benchmarks/run.py` itself, with its import scenario made to miss its target: every new interpreter that
    imports the client first sleeps 0.4 s (a `sitecustomize` on `PYTHONPATH`, which the benchmark's processes keep)."""
    (tmp_path / "sitecustomize.py").write_text(SLOW_IMPORT, encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(tmp_path)}
    command = [sys.executable, "benchmarks/run.py", "--quick", "--only", "import"]
    ran = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300)
    assert ran.returncode == 1, ran.stdout + ran.stderr
    assert re.search(r'^python -c "import openapi_client" .* <= 1\.30 +FAIL$', ran.stdout, re.M), ran.stdout
    assert ran.stderr.splitlines()[-1] == 'missed: python -c "import openapi_client"'
