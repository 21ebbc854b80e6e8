"""Fixtures shared by the test modules."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest
from scripted_server import ScriptedServer

import openapi_client
from openapi_client.testing import LocalAirbyte

SPEC_DIR = Path(__file__).resolve().parents[1] / "spec"


@pytest.fixture(scope="session", autouse=True)
def no_proxy_from_the_machine() -> Iterator[None]:
    """The suite gives its proxies explicitly: the proxy settings of the machine it runs on (`HTTPS_PROXY`,
    `NO_PROXY`, ...), which a `Configuration` would take, must not change where its requests go."""
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name.lower().endswith("_proxy"):
                patch.delenv(name)
        yield


@pytest.fixture(scope="session")
def scripted_server_session() -> Iterator[ScriptedServer]:
    server = ScriptedServer().start()
    yield server
    server.stop()


@pytest.fixture
def server(scripted_server_session: ScriptedServer) -> Iterator[ScriptedServer]:
    """A real local HTTP server, with an empty script and no requests recorded."""
    scripted_server_session.reset()
    yield scripted_server_session
    scripted_server_session.reset()


@pytest.fixture
def api_client(server: ScriptedServer) -> Iterator[openapi_client.ApiClient]:
    configuration = openapi_client.Configuration(host=server.url, retries=0)
    with openapi_client.ApiClient(configuration) as client:
        yield client


@pytest.fixture
def api(api_client: openapi_client.ApiClient) -> openapi_client.WebBackendApi:
    return openapi_client.WebBackendApi(api_client)


@pytest.fixture
def spec_dir() -> Path:
    """The repository's copy of the spec (`spec/`)."""
    return SPEC_DIR


@pytest.fixture
def empty_airbyte() -> Iterator[LocalAirbyte]:
    """A `LocalAirbyte` with an empty workspace."""
    with LocalAirbyte(seed=False) as local:
        yield local


@pytest.fixture
def empty_web(empty_airbyte: LocalAirbyte) -> Iterator[openapi_client.WebBackendApi]:
    """The API of a client of `empty_airbyte`, without retries."""
    with openapi_client.ApiClient(openapi_client.Configuration(host=empty_airbyte.url, retries=0)) as client:
        yield openapi_client.WebBackendApi(client)
