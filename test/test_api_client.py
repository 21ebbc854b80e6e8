"""The generator-compatible building blocks of `ApiClient` and `Configuration`."""

from __future__ import annotations

import copy
import json
from datetime import date, datetime, timezone
from uuid import UUID

import pytest
from samples import CONNECTION_ID, connection_read
from scripted_server import Reply, ScriptedServer

import openapi_client
from openapi_client import ApiClient, Configuration
from openapi_client.models.connection_id_request_body import ConnectionIdRequestBody
from openapi_client.models.sync_mode import SyncMode
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate


def test_param_serialize_builds_the_request(server: ScriptedServer) -> None:
    with ApiClient(Configuration(host=server.url, access_token="t0k")) as client:
        client.set_default_header("X-Team", "data")
        method, url, headers, body, post = client.param_serialize(
            "POST",
            "/v1/web_backend/state/get_type",
            header_params={"Content-Type": "application/json"},
            body=ConnectionIdRequestBody(connection_id=CONNECTION_ID),
            auth_settings=["bearerAuth"],
        )
    assert (method, url, post) == ("POST", server.url + "/v1/web_backend/state/get_type", [])
    assert headers["X-Team"] == "data"
    assert headers["Authorization"] == "Bearer t0k"
    assert json.loads(body) == {"connectionId": CONNECTION_ID}


def test_call_api_and_response_deserialize_compose_like_the_generator(server: ScriptedServer) -> None:
    server.always("/v1/web_backend/connections/get", Reply(body=connection_read()))
    with ApiClient(Configuration(host=server.url)) as client:
        method, url, headers, body, _ = client.param_serialize(
            "POST", "/v1/web_backend/connections/get", body={"connectionId": CONNECTION_ID}
        )
        response = client.call_api(method, url, headers, body)
        response.read()
        result = client.response_deserialize(response, {"200": "WebBackendConnectionRead"})
    assert isinstance(result.data, WebBackendConnectionRead)
    assert response.getheader("Content-Type") == "application/json"
    assert server.received[0].json() == {"connectionId": CONNECTION_ID}


def test_sanitize_for_serialization() -> None:
    client = ApiClient(Configuration())
    update = WebBackendConnectionUpdate(connection_id=CONNECTION_ID, name="x")
    value = {
        "update": update,
        "items": [SyncMode.INCREMENTAL, date(2024, 1, 2), datetime(2024, 1, 2, 3, tzinfo=timezone.utc)],
        "id": UUID(CONNECTION_ID),
        "plain": (1, "a", None, 2.5),
    }
    assert client.sanitize_for_serialization(value) == {
        "update": {"connectionId": CONNECTION_ID, "name": "x"},
        "items": ["incremental", "2024-01-02", "2024-01-02T03:00:00+00:00"],
        "id": CONNECTION_ID,
        "plain": (1, "a", None, 2.5),
    }


def test_deserialize_by_type_or_name() -> None:
    client = ApiClient(Configuration())
    read = client.deserialize(json.dumps(connection_read()), "WebBackendConnectionRead", "application/json")
    assert isinstance(read, WebBackendConnectionRead)
    assert (
        client.deserialize('"global"', openapi_client.ConnectionStateType) is openapi_client.ConnectionStateType.GLOBAL
    )
    assert client.deserialize("plain", "str", "text/plain") == "plain"
    with pytest.raises(openapi_client.ApiValueError, match="Unknown response type"):
        client.deserialize("{}", "NoSuchModel")


def test_user_agent_and_default_headers(server: ScriptedServer) -> None:
    server.always("/v1/web_backend/geographies/list", Reply(body={"geographies": []}))
    with ApiClient(Configuration(host=server.url), header_name="X-A", header_value="1", cookie="s=1") as client:
        client.user_agent = "my-tool/2.0"
        openapi_client.WebBackendApi(client).web_backend_list_geographies()
    headers = server.received[0].headers
    assert headers["User-Agent"] == "my-tool/2.0"
    assert headers["X-A"] == "1"
    assert headers["Cookie"] == "s=1"


def test_default_configuration_and_client() -> None:
    try:
        configuration = Configuration(host="http://example.invalid/api")
        Configuration.set_default(configuration)
        assert Configuration.get_default() is configuration
        copied = Configuration.get_default_copy()
        assert copied is not configuration and copied.host == "http://example.invalid/api"
        assert ApiClient().configuration is configuration
        assert openapi_client.WebBackendApi().api_client is ApiClient.get_default()
    finally:
        Configuration.set_default(None)
        ApiClient.set_default(None)
    assert Configuration.get_default().host == "http://airbyte.local"


def test_configuration_host_and_servers() -> None:
    configuration = Configuration()
    assert configuration.host == "http://airbyte.local"
    configuration.server_index = 1
    assert configuration.host == "http://localhost:8000/api"
    configuration.host = "https://airbyte.example.com/api"
    assert configuration.host == "https://airbyte.example.com/api"
    assert configuration.get_host_from_settings(None) == "https://airbyte.example.com/api"


def test_basic_auth_and_api_key_helpers() -> None:
    configuration = Configuration(
        username="airbyte", password="password", api_key={"k": "v"}, api_key_prefix={"k": "P"}
    )
    assert configuration.get_basic_auth_token() == "Basic YWlyYnl0ZTpwYXNzd29yZA=="
    assert configuration.get_api_key_with_prefix("k") == "P v"
    assert configuration.get_api_key_with_prefix("missing") is None
    assert "password" not in repr(configuration).replace("password=", "")
    assert "Python SDK Debug Report" in configuration.to_debug_report()
    assert copy.deepcopy(configuration).username == "airbyte"
