"""What code written for the stock client reaches beyond the operations: star imports, `Configuration`'s keywords
and TypedDicts, `ApiClient`'s helpers, `rest`'s helpers, `ApiResponse` and `RESTResponse` — and behaves alike."""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
import typing
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List

import pydantic
import pytest
import urllib3
from samples import CONNECTION_ID, not_found
from scripted_server import Reply, ScriptedServer

import openapi_client
from openapi_client import ApiClient, ApiResponse, Configuration, WebBackendApi, models
from openapi_client.configuration import AuthSettings, HostSetting
from openapi_client.models.base import ApiEnum, ApiModel
from openapi_client.rest import (
    RESTResponse,
    RESTResponseType,
    contenttype_matches,
    is_socks_proxy_url,
    should_bypass_proxies,
)

ROOT = Path(__file__).resolve().parents[1]


# -- star imports ----------------------------------------------------------------------------------------


def star(module: str) -> Dict[str, Any]:
    namespace: Dict[str, Any] = {}
    exec(f"from {module} import *", namespace)
    namespace.pop("__builtins__")
    return namespace


def model_and_enum_classes() -> Dict[str, type]:
    classes = {}
    for name in models.model_names():
        module = vars(getattr(models, name).__module__ and sys.modules[getattr(models, name).__module__])
        for value in module.values():
            if isinstance(value, type) and issubclass(value, (ApiModel, ApiEnum)) and value not in (ApiModel, ApiEnum):
                classes[value.__name__] = value
    return classes


def test_star_imports_give_every_model_and_enum_class_inline_enums_included() -> None:
    classes = model_and_enum_classes()
    assert "ConnectionScheduleDataBasicScheduleTimeUnit" in classes and len(classes) == 72
    for module in ("openapi_client", "openapi_client.models"):
        exported = star(module)
        for name, cls in classes.items():
            assert exported.get(name) is cls, f"{module}: {name}"
    top = star("openapi_client")
    for name in ("WebBackendApi", "ApiClient", "Configuration", "ApiResponse", "ApiException", "RetryPolicy"):
        assert top[name] is getattr(openapi_client, name)
    assert (
        star("openapi_client.models")["web_backend_connection_read"]
        is sys.modules["openapi_client.models.web_backend_connection_read"]
    )


def test_importing_the_package_stays_lazy_and_cheap() -> None:
    code = (
        "import sys, openapi_client, openapi_client.models; "
        "print(sorted(m for m in ('pydantic', 'urllib3', 'openapi_client.api_client') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"


# -- Configuration ---------------------------------------------------------------------------------------


def test_configuration_takes_the_generators_keywords() -> None:
    context = __import__("ssl").create_default_context()
    configuration = Configuration(
        host="https://airbyte.example",
        verify_ssl=False,
        cert_file="client.pem",
        key_file="client.key",
        assert_hostname=False,
        tls_server_name="airbyte.internal",
        connection_pool_maxsize=32,
        proxy="http://proxy:3128",
        no_proxy="localhost",
        proxy_headers={"X-Proxy": "1"},
        proxy_ssl_context=context,
        safe_chars_for_path_param="/",
        client_side_validation=False,
        socket_options=[(6, 1, 1)],
        datetime_format="%Y",
        date_format="%d",
    )
    assert (configuration.verify_ssl, configuration.cert_file, configuration.key_file) == (
        False,
        "client.pem",
        "client.key",
    )
    assert (configuration.assert_hostname, configuration.tls_server_name) == (False, "airbyte.internal")
    assert configuration.connection_pool_maxsize == 32
    assert (configuration.proxy, configuration.no_proxy, configuration.proxy_headers) == (
        "http://proxy:3128",
        "localhost",
        {"X-Proxy": "1"},
    )
    assert configuration.proxy_ssl_context is context
    assert configuration.safe_chars_for_path_param == "/" and configuration.client_side_validation is False
    assert configuration.socket_options == [(6, 1, 1)]
    assert (configuration.datetime_format, configuration.date_format) == ("%Y", "%d")
    client = ApiClient(configuration)
    assert client.rest_client.proxy_manager is not None
    assert client.rest_client.proxy_manager.proxy_ssl_context is context
    assert client.client_side_validation is False
    # Copies share what cannot be copied.
    assert Configuration.__deepcopy__(configuration, {}).proxy_ssl_context is context


def test_logger_keys_and_format_are_the_generators() -> None:
    configuration = Configuration()
    assert configuration.logger == {
        "package_logger": logging.getLogger("openapi_client"),
        "urllib3_logger": logging.getLogger("urllib3"),
    }
    configuration.logger_format = "%(message)s!"
    assert configuration.logger_formatter.format(logging.makeLogRecord({"msg": "hi"})) == "hi!"


def test_the_typed_dicts_describe_what_the_configuration_returns() -> None:
    settings: AuthSettings = Configuration(access_token="t", username="u", password="p").auth_settings()
    assert set(settings["bearerAuth"]) == set(typing.get_type_hints(AuthSettings)["bearerAuth"].__annotations__)
    assert settings["bearerAuth"]["format"] == "JWT" and settings["bearerAuth"]["value"] == "Bearer t"
    assert set(settings["basicAuth"]) == {"type", "in", "key", "value"}
    servers: List[HostSetting] = Configuration().get_host_settings()
    assert [set(server) for server in servers] == [HostSetting.__required_keys__] * 2


def test_server_variables_are_filled_in_and_checked() -> None:
    servers: List[HostSetting] = [
        {
            "url": "https://{region}.airbyte.example/{version}",
            "description": "regional",
            "variables": {
                "region": {"description": "", "default_value": "eu", "enum_values": ["eu", "us"]},
                "version": {"description": "", "default_value": "v1", "enum_values": []},
            },
        }
    ]
    configuration = Configuration()
    assert configuration.get_host_from_settings(0, servers=servers) == "https://eu.airbyte.example/v1"
    assert configuration.get_host_from_settings(0, {"region": "us"}, servers) == "https://us.airbyte.example/v1"
    with pytest.raises(openapi_client.ApiValueError, match="region"):
        configuration.get_host_from_settings(0, {"region": "mars"}, servers)


# -- rest ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "no_proxy", "bypassed"),
    [
        ("http://airbyte.internal/api", "internal", True),
        ("http://airbyte.internal/api", ".internal", True),
        ("http://airbyte.internal/api", "airbyte.internal", True),
        ("http://notinternal/api", "internal", False),
        ("http://10.1.2.3:8000/api", "10.0.0.0/8", True),
        ("http://10.1.2.3:8000/api", "192.168.0.0/16", False),
        ("http://airbyte.internal:8000/api", "airbyte.internal:8000", True),
        ("http://airbyte.internal:8001/api", "airbyte.internal:8000", False),
        ("http://anything/api", "*", True),
        ("http://anything/api", "", False),
        ("relative/path", "", True),
    ],
)
def test_should_bypass_proxies(url: str, no_proxy: str, bypassed: bool) -> None:
    assert should_bypass_proxies(url, no_proxy) is bypassed


def test_rest_helpers() -> None:
    assert is_socks_proxy_url("socks5h://proxy:1080") and is_socks_proxy_url("SOCKS4://proxy")
    assert not is_socks_proxy_url("http://proxy:3128") and not is_socks_proxy_url(None)
    assert not is_socks_proxy_url("socks5")
    assert contenttype_matches("application/json; charset=utf-8", "application", "json")
    assert contenttype_matches("application/problem+json", "application", "json")
    assert not contenttype_matches("application/jsonp", "application", "json")
    assert not contenttype_matches("text/json", "application", "json")


def test_responses_are_io_objects_and_the_raw_variant_returns_the_rest_response_type(
    api: WebBackendApi, server: ScriptedServer
) -> None:
    server.always("/v1/web_backend/geographies/list", Reply(body={"geographies": ["eu"]}))
    raw = api.web_backend_list_geographies_without_preload_content()
    assert isinstance(raw, RESTResponseType) and RESTResponseType is urllib3.HTTPResponse
    response = RESTResponse(raw)
    assert isinstance(response, io.IOBase)
    assert json.loads(response.read()) == {"geographies": ["eu"]} and response.data == response.read()
    assert response.getheader("content-type") == "application/json"


# -- ApiResponse and ApiException ------------------------------------------------------------------------


def test_api_response_is_a_pydantic_model_with_the_response_headers(api: WebBackendApi, server: ScriptedServer) -> None:
    server.always("/v1/web_backend/geographies/list", Reply(body={"geographies": ["eu"]}, headers={"X-Trace": "7"}))
    response = api.web_backend_list_geographies_with_http_info()
    assert isinstance(response, pydantic.BaseModel)
    assert set(ApiResponse.model_fields) == {"status_code", "headers", "data", "raw_data"}
    assert response.status_code == 200 and response.data.geographies == ["eu"]
    assert response.headers is not None
    assert response.headers["x-trace"] == response.headers["X-Trace"] == "7"
    built = ApiResponse[int](status_code=201, headers={"A": "b"}, data=5, raw_data=b"5")
    assert built.data == 5
    with pytest.raises(pydantic.ValidationError):
        ApiResponse(status_code="201", data=None, raw_data=b"")


def test_from_response_raises_the_exception_of_the_status(server: ScriptedServer) -> None:
    server.always("/x", Reply(status=404, body=not_found()))
    with ApiClient(Configuration(host=server.url, retries=0)) as client:
        response = client.call_api("POST", server.url + "/x", {}, b"{}")
        response.read()
    with pytest.raises(openapi_client.NotFoundException) as caught:
        openapi_client.ApiException.from_response(http_resp=response, body=response.data.decode(), data=None)
    assert caught.value.status == 404 and caught.value.body == json.dumps(not_found())


# -- ApiClient's helpers ---------------------------------------------------------------------------------


def test_parameters_to_tuples_and_to_url_query() -> None:
    client = ApiClient(Configuration())
    params = {"ids": [1, 2], "flag": True, "name": "a b", "tags": ["x", "y"], "pipes": ["p", "q"], "o": {"k": 1}}
    formats = {"ids": "multi", "tags": "ssv", "pipes": "pipes"}
    assert client.parameters_to_tuples(params, formats) == [
        ("ids", 1),
        ("ids", 2),
        ("flag", "true"),
        ("name", "a b"),
        ("tags", "x y"),
        ("pipes", "p|q"),
        ("o", {"k": 1}),
    ]
    assert client.parameters_to_tuples([("t", ["a", True])], {"t": "tsv"}) == [("t", "a\ttrue")]
    query = client.parameters_to_url_query(params, formats)
    # As the generator does, a delimiter joins the quoted items as it is.
    assert query == "ids=1&ids=2&flag=true&name=a%20b&tags=x y&pipes=p|q&o=%7B%22k%22%3A%201%7D"
    assert client.parameters_to_url_query([("c", [1, 2])], {"c": "csv"}) == "c=1,2"


def test_explode_query_object() -> None:
    client = ApiClient(Configuration())
    body = models.ConnectionIdRequestBody(connection_id=CONNECTION_ID)
    assert client.explode_query_object("body", body) == [("connectionId", CONNECTION_ID)]
    assert client.explode_query_object("f", {"a": [1, None, 2], "b": None, "c": "x"}) == [
        ("a", 1),
        ("a", 2),
        ("c", "x"),
    ]
    assert client.explode_query_object("single", 5) == [("single", 5)]


def test_files_parameters(tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    path.write_bytes(b"{}")
    client = ApiClient(Configuration())
    fields = client.files_parameters({"a": str(path), "b": b"raw", "c": ("n.txt", b"t"), "d": [b"1", ("m.csv", b"2")]})
    assert fields == [
        ("a", ("catalog.json", b"{}", "application/json")),
        ("b", ("b", b"raw", "application/octet-stream")),
        ("c", ("n.txt", b"t", "text/plain")),
        ("d", ("d", b"1", "application/octet-stream")),
        ("d", ("m.csv", b"2", "text/csv")),
    ]
    with pytest.raises(ValueError, match="Unsupported file value"):
        client.files_parameters({"x": 3})  # type: ignore[dict-item]


def test_update_params_for_auth_takes_the_generators_parameters() -> None:
    client = ApiClient(Configuration(access_token="tok"))
    headers: Dict[str, str] = {}
    queries: List[Any] = []
    client.update_params_for_auth(headers, queries, ["bearerAuth"], "/v1/x", "POST", None)
    assert headers == {"Authorization": "Bearer tok"} and queries == []
    client.update_params_for_auth(
        headers, queries, [], "/v1/x", "POST", None, request_auth={"in": "query", "key": "k", "value": "v"}
    )
    client.update_params_for_auth(
        headers, queries, [], "/v1/x", "POST", None, request_auth={"in": "cookie", "key": "session", "value": "a b"}
    )
    assert queries == [("k", "v")] and headers["Cookie"] == "session=a%20b"
    with pytest.raises(openapi_client.ApiValueError):
        client.update_params_for_auth(headers, queries, [], "/", "POST", None, request_auth={"in": "body"})


def test_param_serialize_fills_path_query_and_form_parameters(tmp_path: Path) -> None:
    client = ApiClient(Configuration(host="http://h", safe_chars_for_path_param=""))
    method, url, headers, body, form = client.param_serialize(
        "POST",
        "/v1/{kind}/{id}",
        path_params={"kind": "a/b", "id": uuid.UUID(CONNECTION_ID)},
        query_params=[("ids", [1, 2]), ("on", True)],
        header_params={"X-Ids": [3, 4]},
        post_params=[("field", "value")],
        files={"upload": b"data"},
        collection_formats={"ids": "multi", "X-Ids": "csv"},
        _host="http://operation-host",
    )
    assert (method, url) == ("POST", f"http://operation-host/v1/a%2Fb/{CONNECTION_ID}?ids=1&ids=2&on=true")
    assert headers["X-Ids"] == "3,4" and body is None
    assert form == [("field", "value"), ("upload", ("upload", b"data", "application/octet-stream"))]
    ignoring = ApiClient(Configuration(host="http://h", ignore_operation_servers=True))
    assert ignoring.param_serialize("GET", "/p", _host="http://operation-host")[1] == "http://h/p"


def test_native_types_and_primitives() -> None:
    client = ApiClient(Configuration())
    assert (float, bool, bytes, str, int) == ApiClient.PRIMITIVE_TYPES
    assert set(ApiClient.NATIVE_TYPES_MAPPING) == {
        "int",
        "long",
        "float",
        "str",
        "bool",
        "date",
        "datetime",
        "decimal",
        "UUID",
        "object",
    }
    assert client.deserialize('"2024-05-01"', "date", "application/json").isoformat() == "2024-05-01"
    assert client.deserialize(json.dumps(CONNECTION_ID), "UUID", None) == uuid.UUID(CONNECTION_ID)
    assert client.deserialize('"1.50"', "decimal", None) == Decimal("1.50")
    assert client.deserialize('{"a": [1]}', "object", None) == {"a": [1]}
    assert client.sanitize_for_serialization(
        {"d": Decimal("1.5"), "s": pydantic.SecretStr("x"), "t": (1, True), "u": uuid.UUID(CONNECTION_ID)}
    ) == {"d": "1.5", "s": "x", "t": (1, True), "u": CONNECTION_ID}
    assert client.select_header_accept(["text/plain", "application/json"]) == "application/json"
    assert client.select_header_content_type([]) is None


def test_leaving_the_client_closes_its_connections(server: ScriptedServer) -> None:
    server.always("/v1/web_backend/geographies/list", Reply(body={"geographies": []}))
    with ApiClient(Configuration(host=server.url)) as client:
        WebBackendApi(client).web_backend_list_geographies()
        assert len(client.rest_client.pool_manager.pools) == 1
    assert len(client.rest_client.pool_manager.pools) == 0


def test_an_exception_built_from_a_response_reads_what_it_needs_from_it(server: ScriptedServer) -> None:
    server.always("/x", Reply(status=409, body={"message": "taken"}, headers={"X-Id": "1"}))
    with ApiClient(Configuration(host=server.url, retries=0)) as client:
        response = client.call_api("POST", server.url + "/x", {}, b"{}")
        response.read()
    error = openapi_client.ApiException(http_resp=response)
    assert (error.status, error.reason, error.body) == (409, "Conflict", '{"message": "taken"}')
    assert error.headers is not None and error.headers["X-Id"] == "1"
    assert str(error).splitlines()[0] == "409 Conflict"


def test_deserialize_by_content_type() -> None:
    client = ApiClient(Configuration())
    assert client.deserialize("plain words", "str", "text/plain") == "plain words"
    with pytest.raises(openapi_client.ApiException, match="Unsupported content type: text/html"):
        client.deserialize("<html/>", "object", "text/html")
    assert client.sanitize_for_serialization({"s": frozenset({1})}) == {"s": [1]}


def test_request_auth_in_the_query_reaches_the_server(api: WebBackendApi, server: ScriptedServer) -> None:
    server.always("/v1/web_backend/geographies/list?key=a%20b", Reply(body={"geographies": []}))
    api.web_backend_list_geographies(_request_auth={"in": "query", "type": "api_key", "key": "key", "value": "a b"})
    assert [request.path for request in server.received] == ["/v1/web_backend/geographies/list?key=a%20b"]
