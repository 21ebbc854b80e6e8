"""TLS against a local HTTPS server whose certificates come from a test CA made here with trustme: verification on by
default, a CA file or in-memory PEM to trust, client certificates, `verify_ssl=False` and the server name."""

from __future__ import annotations

import ssl
import time
from pathlib import Path
from typing import Any, Iterator

import pytest
import trustme
import urllib3
from scripted_server import Reply, ScriptedServer

import openapi_client
from openapi_client import ApiClient, Configuration, WebBackendApi

GEOGRAPHIES = "/v1/web_backend/geographies/list"


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def https_server(ca: trustme.CA, *names: str, client_ca: bool = False) -> ScriptedServer:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*names).configure_cert(context)
    if client_ca:
        ca.configure_trust(context)
        context.verify_mode = ssl.CERT_REQUIRED
    server = ScriptedServer(ssl_context=context).start()
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["tls"]}))
    return server


@pytest.fixture(scope="module")
def secure(ca: trustme.CA) -> Iterator[ScriptedServer]:
    server = https_server(ca, "127.0.0.1", "localhost")
    yield server
    server.stop()


@pytest.fixture
def server_of(secure: ScriptedServer) -> ScriptedServer:
    secure.received.clear()
    secure.tls_failures = 0
    return secure


def call(configuration: Configuration) -> Any:
    with ApiClient(configuration) as client:
        return WebBackendApi(client).web_backend_list_geographies()


def test_an_untrusted_certificate_is_refused_by_default(server_of: ScriptedServer) -> None:
    configuration = Configuration(host=server_of.url)
    assert configuration.verify_ssl is True
    with pytest.raises(openapi_client.ApiTLSError, match="CERTIFICATE_VERIFY_FAILED") as caught:
        call(configuration)
    assert "web_backend_list_geographies" in str(caught.value) and server_of.url in str(caught.value)
    assert isinstance(caught.value.__cause__, urllib3.exceptions.HTTPError)
    assert server_of.received == []
    deadline = time.monotonic() + 2  # the server's side of the failed handshake ends in its own thread
    while server_of.tls_failures < 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.05)
    assert server_of.tls_failures == 1  # not retried: a certificate does not change between attempts


def test_a_ca_file_is_trusted(server_of: ScriptedServer, ca: trustme.CA, tmp_path: Path) -> None:
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    assert call(Configuration(host=server_of.url, ssl_ca_cert=str(ca_file))).geographies == ["tls"]
    assert len(server_of.received) == 1


@pytest.mark.parametrize("as_text", [True, False], ids=["str", "bytes"])
def test_ca_data_in_memory_is_trusted(server_of: ScriptedServer, ca: trustme.CA, as_text: bool) -> None:
    data = ca.cert_pem.bytes()
    configuration = Configuration(host=server_of.url, ca_cert_data=data.decode() if as_text else data)
    assert call(configuration).geographies == ["tls"]


def test_verification_can_be_turned_off(server_of: ScriptedServer) -> None:
    configuration = Configuration(host=server_of.url)
    configuration.verify_ssl = False
    with pytest.warns(urllib3.exceptions.InsecureRequestWarning):
        assert call(configuration).geographies == ["tls"]
    # The generator's keyword does the same.
    with pytest.warns(urllib3.exceptions.InsecureRequestWarning):
        assert call(Configuration(host=server_of.url, verify_ssl=False)).geographies == ["tls"]


def test_the_certificate_must_name_the_host(ca: trustme.CA, tmp_path: Path) -> None:
    server = https_server(ca, "airbyte.internal")
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    try:
        with pytest.raises(openapi_client.ApiTLSError, match=r"(?i)hostname|match|IP address"):
            call(Configuration(host=server.url, ssl_ca_cert=str(ca_file)))
        configuration = Configuration(host=server.url, ssl_ca_cert=str(ca_file))
        configuration.tls_server_name = "airbyte.internal"  # the name to expect, as behind a tunnel
        assert call(configuration).geographies == ["tls"]
        by_keyword = Configuration(host=server.url, ssl_ca_cert=str(ca_file), tls_server_name="airbyte.internal")
        assert call(by_keyword).geographies == ["tls"]
    finally:
        server.stop()


def test_client_certificates_are_presented(ca: trustme.CA, tmp_path: Path) -> None:
    server = https_server(ca, "127.0.0.1", client_ca=True)
    ca_file, cert_file, key_file = tmp_path / "ca.pem", tmp_path / "client.pem", tmp_path / "client.key"
    ca.cert_pem.write_to_path(str(ca_file))
    client_certificate = ca.issue_cert("client.airbyte.test")
    client_certificate.cert_chain_pems[0].write_to_path(str(cert_file))
    client_certificate.private_key_pem.write_to_path(str(key_file))
    try:
        without = Configuration(host=server.url, ssl_ca_cert=str(ca_file), retries=0)
        with pytest.raises(openapi_client.ApiTLSError):  # as docs/authentication.md promises
            call(without)
        assert server.received == []

        configuration = Configuration(host=server.url, ssl_ca_cert=str(ca_file))
        configuration.cert_file = str(cert_file)
        configuration.key_file = str(key_file)
        assert call(configuration).geographies == ["tls"]
        # The generator's keywords do the same.
        by_keywords = Configuration(
            host=server.url, ssl_ca_cert=str(ca_file), cert_file=str(cert_file), key_file=str(key_file)
        )
        assert call(by_keywords).geographies == ["tls"]
        for received in server.received:
            presented = received.client_certificate
            assert presented is not None
            assert ("DNS", "client.airbyte.test") in presented["subjectAltName"]
    finally:
        server.stop()
