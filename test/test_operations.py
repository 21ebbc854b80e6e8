"""Every operation in each of its three variants, over real sockets against a local server."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional

import pytest
import urllib3
from samples import (
    CONNECTION_ID,
    DESTINATION_ID,
    SOURCE_ID,
    WORKSPACE_ID,
    connection_list_item,
    connection_read,
    invalid_input,
    not_found,
)
from scripted_server import Reply, ScriptedServer

import openapi_client
from openapi_client import ApiResponse, WebBackendApi
from openapi_client.models.connection_id_request_body import ConnectionIdRequestBody
from openapi_client.models.connection_state_type import ConnectionStateType
from openapi_client.models.web_backend_check_updates_read import WebBackendCheckUpdatesRead
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
from openapi_client.models.web_backend_connection_read_list import WebBackendConnectionReadList
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate
from openapi_client.models.web_backend_geographies_list_result import WebBackendGeographiesListResult
from openapi_client.models.web_backend_workspace_state import WebBackendWorkspaceState
from openapi_client.models.web_backend_workspace_state_result import WebBackendWorkspaceStateResult


@dataclass
class Case:
    method: str
    path: str
    body: Optional[Callable[[], Any]]
    sent: Optional[Dict[str, Any]]
    answer: Any
    returns: type


CASES = [
    Case(
        "get_state_type",
        "/v1/web_backend/state/get_type",
        lambda: ConnectionIdRequestBody(connection_id=CONNECTION_ID),
        {"connectionId": CONNECTION_ID},
        "stream",
        ConnectionStateType,
    ),
    Case(
        "web_backend_check_updates",
        "/v1/web_backend/check_updates",
        None,
        None,
        {"destinationDefinitions": 1, "sourceDefinitions": 3},
        WebBackendCheckUpdatesRead,
    ),
    Case(
        "web_backend_create_connection",
        "/v1/web_backend/connections/create",
        lambda: WebBackendConnectionCreate(source_id=SOURCE_ID, destination_id=DESTINATION_ID, status="active"),
        {"sourceId": SOURCE_ID, "destinationId": DESTINATION_ID, "status": "active"},
        connection_read(),
        WebBackendConnectionRead,
    ),
    Case(
        "web_backend_get_connection",
        "/v1/web_backend/connections/get",
        lambda: WebBackendConnectionRequestBody(connection_id=CONNECTION_ID, with_refreshed_catalog=False),
        {"connectionId": CONNECTION_ID, "withRefreshedCatalog": False},
        connection_read(),
        WebBackendConnectionRead,
    ),
    Case(
        "web_backend_get_workspace_state",
        "/v1/web_backend/workspace/state",
        lambda: WebBackendWorkspaceState(workspace_id=WORKSPACE_ID),
        {"workspaceId": WORKSPACE_ID},
        {"hasConnections": True, "hasSources": True, "hasDestinations": False},
        WebBackendWorkspaceStateResult,
    ),
    Case(
        "web_backend_list_connections_for_workspace",
        "/v1/web_backend/connections/list",
        lambda: WebBackendConnectionListRequestBody(workspace_id=WORKSPACE_ID, source_id=[SOURCE_ID]),
        {"workspaceId": WORKSPACE_ID, "sourceId": [SOURCE_ID]},
        {"connections": [connection_list_item(), connection_list_item()]},
        WebBackendConnectionReadList,
    ),
    Case(
        "web_backend_list_geographies",
        "/v1/web_backend/geographies/list",
        None,
        None,
        {"geographies": ["auto", "us", "eu"]},
        WebBackendGeographiesListResult,
    ),
    Case(
        "web_backend_update_connection",
        "/v1/web_backend/connections/update",
        lambda: WebBackendConnectionUpdate(connection_id=CONNECTION_ID, name="renamed"),
        {"connectionId": CONNECTION_ID, "name": "renamed"},
        connection_read(),
        WebBackendConnectionRead,
    ),
]
IDS = [case.method for case in CASES]


def call(api: WebBackendApi, case: Case, suffix: str = "", **options: Any) -> Any:
    method = getattr(api, case.method + suffix)
    return method(case.body(), **options) if case.body else method(**options)


def assert_request(server: ScriptedServer, case: Case) -> None:
    assert len(server.received) == 1
    request = server.received[0]
    assert (request.method, request.path) == ("POST", case.path)
    assert request.headers["Accept"] == "application/json"
    assert request.headers["User-Agent"].startswith(f"openapi_client/{openapi_client.__version__}")
    if case.sent is None:
        assert request.body == b""
        assert "Content-Type" not in request.headers
    else:
        assert request.headers["Content-Type"] == "application/json"
        assert request.json() == case.sent


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_returns_the_parsed_model(api: WebBackendApi, server: ScriptedServer, case: Case) -> None:
    server.always(case.path, Reply(body=json.dumps(case.answer)))
    result = call(api, case)
    assert isinstance(result, case.returns)
    expected = case.answer if isinstance(case.answer, str) else json.loads(json.dumps(case.answer))
    assert (result.value if isinstance(result, ConnectionStateType) else json.loads(result.to_json())) == expected
    assert_request(server, case)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_with_http_info_returns_status_headers_data_and_raw_bytes(
    api: WebBackendApi, server: ScriptedServer, case: Case
) -> None:
    server.always(case.path, Reply(body=json.dumps(case.answer), headers={"X-Request-Id": "abc"}))
    response = call(api, case, "_with_http_info")
    assert isinstance(response, ApiResponse)
    assert response.status_code == 200
    assert response.headers is not None and response.headers["X-Request-Id"] == "abc"
    assert isinstance(response.data, case.returns)
    assert json.loads(response.raw_data) == case.answer
    assert_request(server, case)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_without_preload_content_returns_the_unread_urllib3_response(
    api: WebBackendApi, server: ScriptedServer, case: Case
) -> None:
    server.always(case.path, Reply(body=json.dumps(case.answer)))
    response = call(api, case, "_without_preload_content")
    assert isinstance(response, urllib3.BaseHTTPResponse)
    assert response.status == 200
    assert json.loads(response.read()) == case.answer
    assert_request(server, case)


ERROR_CASES = [
    case for case in CASES if case.method not in {"web_backend_check_updates", "web_backend_list_geographies"}
]


@pytest.mark.parametrize("case", [c for c in ERROR_CASES if "create" not in c.method and "update" not in c.method])
def test_404_raises_not_found_with_the_parsed_body(api: WebBackendApi, server: ScriptedServer, case: Case) -> None:
    server.always(case.path, Reply(status=404, body=not_found()))
    with pytest.raises(openapi_client.NotFoundException) as caught:
        call(api, case)
    error = caught.value
    assert error.status == 404
    assert isinstance(error.data, openapi_client.NotFoundKnownExceptionInfo)
    assert error.data.id == CONNECTION_ID
    assert json.loads(error.body or "") == not_found()
    assert error.operation == case.method
    assert case.method in str(error)


@pytest.mark.parametrize("case", ERROR_CASES, ids=[c.method for c in ERROR_CASES])
def test_422_raises_unprocessable_with_the_parsed_body(api: WebBackendApi, server: ScriptedServer, case: Case) -> None:
    server.always(case.path, Reply(status=422, body=invalid_input()))
    with pytest.raises(openapi_client.UnprocessableEntityException) as caught:
        call(api, case)
    data = caught.value.data
    assert isinstance(data, openapi_client.InvalidInputExceptionInfo)
    assert data.validation_errors[0].property_path == "connectionId"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        (
            "web_backend_update_connection",
            "/v1/web_backend/connections/update",
            WebBackendConnectionUpdate(connection_id=CONNECTION_ID, status="inactive"),
        ),
        (
            "web_backend_create_connection",
            "/v1/web_backend/connections/create",
            WebBackendConnectionCreate(source_id=SOURCE_ID, destination_id=DESTINATION_ID, status="active"),
        ),
    ],
)
def test_a_404_the_spec_does_not_declare_still_gives_its_error_data(
    api: WebBackendApi, server: ScriptedServer, method: str, path: str, body: Any
) -> None:
    server.always(path, Reply(status=404, body=not_found()))
    with pytest.raises(openapi_client.NotFoundException) as caught:
        getattr(api, method)(body)
    error = caught.value
    assert isinstance(error.data, openapi_client.NotFoundKnownExceptionInfo)
    # What the README shows.
    assert error.data.message == f"Could not find connection {CONNECTION_ID}"
    first, *details = str(error).splitlines()
    assert first == f"{method}: 404 Not Found: Could not find connection {CONNECTION_ID}"
    assert any(line.startswith("URL: ") and line.endswith(path) for line in details)
    assert any("NotFoundKnownExceptionInfo" in line for line in details)


@pytest.mark.parametrize(
    ("status", "body", "data_type", "first_line"),
    [
        (
            500,
            {"message": "Internal Server Error: connection pool exhausted", "exceptionClassName": "java.sql.X"},
            openapi_client.NotFoundKnownExceptionInfo,
            "web_backend_check_updates: 500 Internal Server Error: Internal Server Error: connection pool exhausted",
        ),
        (409, invalid_input(), openapi_client.InvalidInputExceptionInfo, "web_backend_check_updates: 409 Conflict: "),
        (502, "<html>Bad gateway</html>", type(None), "web_backend_check_updates: 502 Bad Gateway"),
        (503, {"error": "maintenance"}, type(None), "web_backend_check_updates: 503 Service Unavailable"),
        (400, {"message": 42}, type(None), "web_backend_check_updates: 400 Bad Request"),
        (500, b"", type(None), "web_backend_check_updates: 500 Internal Server Error"),
    ],
)
def test_any_error_status_gives_the_error_data_its_body_fits(
    api: WebBackendApi, server: ScriptedServer, status: int, body: Any, data_type: type, first_line: str
) -> None:
    server.always("/v1/web_backend/check_updates", Reply(status=status, body=body))
    with pytest.raises(openapi_client.ApiException) as caught:
        api.web_backend_check_updates(_request_timeout=5)
    assert type(caught.value.data) is data_type
    first = str(caught.value).splitlines()[0]
    assert first.startswith(first_line)
    if data_type is type(None):
        assert first == first_line


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_raises_service_exception(api: WebBackendApi, server: ScriptedServer, status: int) -> None:
    server.always("/v1/web_backend/geographies/list", Reply(status=status, body="<html>Bad gateway</html>"))
    with pytest.raises(openapi_client.ServiceException) as caught:
        api.web_backend_list_geographies(_request_timeout=2)
    assert caught.value.status == status
    assert caught.value.data is None
    assert "Bad gateway" in (caught.value.body or "")


@pytest.mark.parametrize(
    ("status", "exception"),
    [
        (400, openapi_client.BadRequestException),
        (401, openapi_client.UnauthorizedException),
        (403, openapi_client.ForbiddenException),
        (409, openapi_client.ConflictException),
        (418, openapi_client.ApiException),
    ],
)
def test_other_statuses_raise_their_exception(
    api: WebBackendApi, server: ScriptedServer, status: int, exception: type
) -> None:
    server.always("/v1/web_backend/check_updates", Reply(status=status, body={"message": "no"}))
    with pytest.raises(exception) as caught:
        api.web_backend_check_updates()
    assert type(caught.value) is exception
    assert caught.value.status == status


def test_error_statuses_are_returned_not_raised_without_preload_content(
    api: WebBackendApi, server: ScriptedServer
) -> None:
    server.always("/v1/web_backend/connections/get", Reply(status=404, body=not_found()))
    response = api.web_backend_get_connection_without_preload_content(
        WebBackendConnectionRequestBody(connection_id=CONNECTION_ID)
    )
    assert response.status == 404
    assert json.loads(response.read()) == not_found()


def test_update_sends_only_the_fields_the_caller_set(api: WebBackendApi, server: ScriptedServer) -> None:
    server.always("/v1/web_backend/connections/update", Reply(body=connection_read()))
    patch = WebBackendConnectionUpdate(connection_id=CONNECTION_ID)
    patch.status = openapi_client.ConnectionStatus.INACTIVE
    patch.schedule_type = "manual"
    api.web_backend_update_connection(patch)
    assert server.received[0].json() == {"connectionId": CONNECTION_ID, "status": "inactive", "scheduleType": "manual"}


def test_workspace_state_body_is_optional(api: WebBackendApi, server: ScriptedServer) -> None:
    server.always(
        "/v1/web_backend/workspace/state",
        Reply(body={"hasConnections": False, "hasSources": False, "hasDestinations": False}),
    )
    result = api.web_backend_get_workspace_state()
    assert result.has_connections is False
    assert server.received[0].body == b""


def test_dict_bodies_are_validated_into_the_request_model(api: WebBackendApi, server: ScriptedServer) -> None:
    server.always("/v1/web_backend/state/get_type", Reply(body=b'"global"'))
    assert api.get_state_type({"connectionId": CONNECTION_ID}) is ConnectionStateType.GLOBAL
    assert api.get_state_type(connection_id_request_body={"connection_id": CONNECTION_ID}) is ConnectionStateType.GLOBAL
    assert [r.json() for r in server.received] == [{"connectionId": CONNECTION_ID}] * 2


@pytest.mark.parametrize(
    ("arguments", "error", "names"),
    [
        ((None,), openapi_client.ApiValueError, "connection_id_request_body"),
        (({"connectionId": "not-a-uuid"},), openapi_client.ApiValueError, "connectionId"),
        (({},), openapi_client.ApiValueError, "connectionId"),
        (({"connectionId": CONNECTION_ID, "conectionId": CONNECTION_ID},), openapi_client.ApiValueError, "conectionId"),
        ((42,), openapi_client.ApiTypeError, "ConnectionIdRequestBody"),
        (
            (WebBackendWorkspaceState(workspace_id=WORKSPACE_ID),),
            openapi_client.ApiTypeError,
            "ConnectionIdRequestBody",
        ),
    ],
)
def test_invalid_input_is_refused_before_any_io(
    api: WebBackendApi, server: ScriptedServer, arguments: Any, error: type, names: str
) -> None:
    with pytest.raises(error) as caught:
        api.get_state_type(*arguments)
    assert names in str(caught.value)
    assert "get_state_type" in str(caught.value)
    assert server.received == []


def test_unknown_enum_value_in_a_request_is_refused(api: WebBackendApi, server: ScriptedServer) -> None:
    with pytest.raises(openapi_client.ApiValueError, match="status"):
        api.web_backend_create_connection({"sourceId": SOURCE_ID, "destinationId": DESTINATION_ID, "status": "paused"})
    with pytest.raises(ValueError, match="status"):
        WebBackendConnectionCreate(source_id=SOURCE_ID, destination_id=DESTINATION_ID, status="paused")
    assert server.received == []


def test_arguments_are_checked_as_python_checks_any_call(api: WebBackendApi, server: ScriptedServer) -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument '_request_timeoutt'"):
        api.web_backend_list_geographies(_request_timeoutt=3)
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'connection_id_request_body'"):
        api.get_state_type()
    with pytest.raises(TypeError, match="multiple values"):
        api.get_state_type({"connectionId": CONNECTION_ID}, connection_id_request_body={"connectionId": CONNECTION_ID})
    assert server.received == []


def test_per_call_headers_content_type_and_auth(api: WebBackendApi, server: ScriptedServer) -> None:
    server.always("/v1/web_backend/state/get_type", Reply(body=b'"legacy"'))
    api.get_state_type(
        {"connectionId": CONNECTION_ID},
        _headers={"X-Trace": "t-1"},
        _content_type="application/json; charset=utf-8",
        _request_auth={"in": "header", "type": "bearer", "key": "Authorization", "value": "Bearer per-call"},
    )
    headers = server.received[0].headers
    assert headers["X-Trace"] == "t-1"
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert headers["Authorization"] == "Bearer per-call"
    with pytest.raises(openapi_client.ApiValueError, match="content type"):
        api.get_state_type({"connectionId": CONNECTION_ID}, _content_type="text/plain")


def test_host_index_zero_is_the_configured_host_and_the_only_one(api: WebBackendApi, server: ScriptedServer) -> None:
    server.always("/v1/web_backend/geographies/list", Reply(body={"geographies": []}))
    assert api.web_backend_list_geographies(_host_index=0).geographies == []
    with pytest.raises(openapi_client.ApiValueError, match="`_host_index` must be 0"):
        api.web_backend_list_geographies(_host_index=1)
    assert server.count("/v1/web_backend/geographies/list") == 1


def test_request_timeout_is_honoured(api: WebBackendApi, server: ScriptedServer) -> None:
    server.always("/v1/web_backend/geographies/list", Reply(body={"geographies": []}, delay=0.5))
    with pytest.raises(openapi_client.ApiTimeoutError) as caught:
        api.web_backend_list_geographies(_request_timeout=(1, 0.1))
    assert "web_backend_list_geographies" in str(caught.value)
    assert isinstance(caught.value.__cause__, urllib3.exceptions.ReadTimeoutError)
    result = api.web_backend_list_geographies(_request_timeout=5)
    assert result.geographies == []


def test_one_pool_reused_across_calls_and_threads(api: WebBackendApi, server: ScriptedServer) -> None:
    server.always("/v1/web_backend/geographies/list", Reply(body={"geographies": ["us"]}))
    results: list = []

    def work() -> None:
        for _ in range(25):
            results.append(api.web_backend_list_geographies().geographies)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(results) == 100 and all(r == ["us"] for r in results)
    pool = api.api_client.rest_client.pool_manager.connection_from_url(server.url)
    assert pool.num_connections <= 4
    assert server.count("/v1/web_backend/geographies/list") == 100
