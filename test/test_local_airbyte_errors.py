"""`LocalAirbyte`'s errors: 404 with `NotFoundKnownExceptionInfo` for unknown ids, 422 with
`InvalidInputExceptionInfo` naming each bad property, and a refused request changes nothing."""

from __future__ import annotations

import json
from typing import Any, Dict, Iterator, List
from uuid import UUID

import pytest
import urllib3

import openapi_client
from openapi_client import NotFoundException, UnprocessableEntityException, WebBackendApi
from openapi_client.models.connection_id_request_body import ConnectionIdRequestBody
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.invalid_input_exception_info import InvalidInputExceptionInfo
from openapi_client.models.not_found_known_exception_info import NotFoundKnownExceptionInfo
from openapi_client.models.sync_mode import SyncMode
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate
from openapi_client.models.web_backend_operation_create_or_update import WebBackendOperationCreateOrUpdate
from openapi_client.models.web_backend_workspace_state import WebBackendWorkspaceState
from openapi_client.testing import LocalAirbyte, airbyte_stream

UNKNOWN = UUID("00000000-0000-4000-8000-000000000000")
GET = "/v1/web_backend/connections/get"
UPDATE = "/v1/web_backend/connections/update"
CREATE = "/v1/web_backend/connections/create"


@pytest.fixture
def airbyte() -> Iterator[LocalAirbyte]:
    """A fresh server for each test: a refused request that changed something must not change what the next
    test sees."""
    with LocalAirbyte() as local:
        yield local


@pytest.fixture
def web(airbyte: LocalAirbyte) -> Iterator[WebBackendApi]:
    with openapi_client.ApiClient(openapi_client.Configuration(host=airbyte.url, retries=0)) as client:
        yield WebBackendApi(client)


@pytest.fixture
def connection(airbyte: LocalAirbyte, web: WebBackendApi) -> Dict[str, Any]:
    body = WebBackendConnectionListRequestBody(workspace_id=airbyte.workspace_id)
    first = web.web_backend_list_connections_for_workspace(body).connections[0]
    read = web.web_backend_get_connection(WebBackendConnectionRequestBody(connection_id=first.connection_id))
    document: Dict[str, Any] = json.loads(read.to_json())
    return document


def post(airbyte: LocalAirbyte, path: str, body: bytes) -> urllib3.BaseHTTPResponse:
    headers = {"Content-Type": "application/json"}
    return urllib3.request("POST", airbyte.url + path, body=body, headers=headers, retries=False)


def invalid(airbyte: LocalAirbyte, path: str, document: Any) -> List[Dict[str, Any]]:
    """The validation errors of a 422 answer to `document`, checked to be an `InvalidInputExceptionInfo`."""
    raw = document if isinstance(document, bytes) else json.dumps(document).encode()
    response = post(airbyte, path, raw)
    assert response.status == 422, response.data
    info = InvalidInputExceptionInfo.model_validate_json(response.data)
    assert info.message
    return [error.to_dict() for error in info.validation_errors]


def paths(errors: List[Dict[str, Any]]) -> List[str]:
    return [error["propertyPath"] for error in errors]


# -- 422: bodies the spec does not allow ---------------------------------------------------------------------


@pytest.mark.parametrize("raw", [b"{", b"{'connectionId': 1}", b"", b'{"connectionId": NaN}'])
def test_a_body_that_is_not_json_is_422_on_the_whole_body(airbyte: LocalAirbyte, raw: bytes) -> None:
    [error] = invalid(airbyte, GET, raw)
    assert error["propertyPath"] == "$"


def test_a_body_that_is_not_an_object_is_422(airbyte: LocalAirbyte) -> None:
    [error] = invalid(airbyte, GET, [1, 2])
    assert error["propertyPath"] == "$" and error["invalidValue"] == "[1, 2]"


def test_missing_required_fields_are_each_named(airbyte: LocalAirbyte) -> None:
    errors = invalid(airbyte, CREATE, {"name": "x"})
    assert sorted(paths(errors)) == ["destinationId", "sourceId", "status"]
    assert all(error["message"] == "Field required" for error in errors)


@pytest.mark.parametrize(
    ("document", "path", "value"),
    [
        ({"connectionId": 5}, "connectionId", "5"),
        ({"connectionId": "not-a-uuid"}, "connectionId", "not-a-uuid"),
        ({"connectionId": str(UNKNOWN), "withRefreshedCatalog": "yes"}, "withRefreshedCatalog", "yes"),
    ],
)
def test_wrong_types_are_named_with_the_value(airbyte: LocalAirbyte, document: Any, path: str, value: str) -> None:
    [error] = invalid(airbyte, GET, document)
    assert (error["propertyPath"], error["invalidValue"]) == (path, value)


def test_unknown_enum_values_are_refused_by_their_json_path(airbyte: LocalAirbyte, connection: Dict[str, Any]) -> None:
    catalog = connection["syncCatalog"]
    catalog["streams"][1]["config"]["syncMode"] = "sideways"
    catalog["streams"][2]["config"]["destinationSyncMode"] = "append_forever"
    document = {"connectionId": connection["connectionId"], "syncCatalog": catalog, "status": "paused"}
    errors = invalid(airbyte, UPDATE, document)
    assert sorted(paths(errors)) == [
        "status",
        "syncCatalog.streams[1].config.syncMode",
        "syncCatalog.streams[2].config.destinationSyncMode",
    ]
    assert {error["invalidValue"] for error in errors} == {"sideways", "append_forever", "paused"}


def test_unknown_properties_are_ignored_and_not_kept(airbyte: LocalAirbyte, connection: Dict[str, Any]) -> None:
    catalog = connection["syncCatalog"]
    catalog["streams"][0]["config"]["futureSetting"] = True
    catalog["streams"][0]["stream"]["futureHint"] = "x"
    document = {"connectionId": connection["connectionId"], "syncCatalog": catalog, "futureField": {"a": 1}}
    response = post(airbyte, UPDATE, json.dumps(document).encode())
    assert response.status == 200
    assert "future" not in response.data.decode()


def test_semantic_422s_come_through_the_client_with_the_property_named(
    airbyte: LocalAirbyte, web: WebBackendApi
) -> None:
    other_workspace = airbyte.add_workspace()
    elsewhere = airbyte.add_destination("Elsewhere", workspace_id=other_workspace)
    source = airbyte.source_named("GitHub")
    with pytest.raises(UnprocessableEntityException) as refused:
        web.web_backend_create_connection(
            WebBackendConnectionCreate(source_id=source, destination_id=elsewhere, status=ConnectionStatus.ACTIVE)
        )
    [error] = refused.value.data.validation_errors
    assert error.property_path == "destinationId" and error.invalid_value == str(elsewhere)
    assert refused.value.operation == "web_backend_create_connection"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"syncMode": "incremental"}, ["config.cursorField"]),
        ({"destinationSyncMode": "append_dedup"}, ["config.primaryKey"]),
        ({"syncMode": "incremental", "cursorField": ["id"], "destinationSyncMode": "append"}, ["config.syncMode"]),
        (
            {"syncMode": "incremental", "destinationSyncMode": "overwrite_dedup"},
            ["config.cursorField", "config.primaryKey"],
        ),
    ],
)
def test_a_catalog_a_sync_could_not_run_with_is_422(
    airbyte: LocalAirbyte, web: WebBackendApi, change: Dict[str, Any], expected: List[str]
) -> None:
    """`events` has no cursor and no primary key; `logs` has neither and offers full refresh only."""
    events = airbyte_stream("events", {"id": "integer"})
    events.supported_sync_modes = [SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL]
    logs = airbyte_stream("logs", {"id": "integer"})
    source = airbyte.add_source("Event log", [events, logs])
    document = {
        "sourceId": str(source),
        "destinationId": str(airbyte.destination_named("Snowflake")),
        "status": "active",
        "syncCatalog": json.loads(airbyte.source_catalog(source).to_json()),
    }
    index = 1 if change.get("cursorField") else 0  # a cursor of its own: only `logs`' sync mode is wrong
    document["syncCatalog"]["streams"][index]["config"].update(change)
    with pytest.raises(UnprocessableEntityException) as refused:
        web.web_backend_create_connection(WebBackendConnectionCreate.model_validate(document))
    named = [e.property_path for e in refused.value.data.validation_errors]
    assert named == [f"syncCatalog.streams[{index}].{path}" for path in expected]


@pytest.mark.parametrize(
    ("schedule", "path"),
    [
        (
            {
                "scheduleType": "basic",
                "scheduleData": {"cron": {"cronExpression": "0 0 * * * ?", "cronTimeZone": "UTC"}},
            },
            "scheduleData.basicSchedule",
        ),
        ({"scheduleType": "cron"}, "scheduleData.cron"),
        (
            {"scheduleData": {"cron": {"cronExpression": "every day", "cronTimeZone": "UTC"}}},
            "scheduleData.cron.cronExpression",
        ),
        ({"scheduleData": {"basicSchedule": {"timeUnit": "hours", "units": 0}}}, "scheduleData.basicSchedule.units"),
    ],
)
def test_a_schedule_without_what_its_type_needs_is_422(
    airbyte: LocalAirbyte, connection: Dict[str, Any], schedule: Dict[str, Any], path: str
) -> None:
    # The connection has a basic schedule; a new type without the data for it cannot keep that one.
    assert connection["scheduleType"] == "basic"
    document = {"connectionId": connection["connectionId"], **schedule}
    assert paths(invalid(airbyte, UPDATE, document)) == [path]


def test_operations_of_another_workspace_are_422(
    airbyte: LocalAirbyte, web: WebBackendApi, connection: Dict[str, Any]
) -> None:
    foreign = WebBackendOperationCreateOrUpdate(
        workspace_id=airbyte.add_workspace(), name="x", operator_configuration={"operatorType": "normalization"}
    )
    update = WebBackendConnectionUpdate(connection_id=connection["connectionId"], operations=[foreign])
    with pytest.raises(UnprocessableEntityException) as refused:
        web.web_backend_update_connection(update)
    assert refused.value.data.validation_errors[0].property_path == "operations[0].workspaceId"


def test_a_catalog_entry_without_its_parts_or_twice_over_is_422(
    airbyte: LocalAirbyte, connection: Dict[str, Any]
) -> None:
    streams = connection["syncCatalog"]["streams"]
    document = {
        "connectionId": connection["connectionId"],
        "syncCatalog": {
            "streams": [{"stream": streams[0]["stream"]}, {"config": streams[1]["config"]}, streams[2], streams[2]]
        },
    }
    assert paths(invalid(airbyte, UPDATE, document)) == [
        "syncCatalog.streams[0].config",
        "syncCatalog.streams[1].stream",
        "syncCatalog.streams[3].stream.name",
    ]


def test_operation_ids_of_another_workspace_are_422(airbyte: LocalAirbyte, connection: Dict[str, Any]) -> None:
    workspace = airbyte.add_workspace()
    source = airbyte.add_source("Elsewhere", [airbyte_stream("events", {"id": "integer"})], workspace_id=workspace)
    destination = airbyte.add_destination("Elsewhere", workspace_id=workspace)
    document = {
        "sourceId": str(source),
        "destinationId": str(destination),
        "status": "active",
        "operationIds": connection["operationIds"],
    }
    [error] = invalid(airbyte, CREATE, document)
    assert (error["propertyPath"], error["invalidValue"]) == ("operationIds[0]", connection["operationIds"][0])


def test_a_refused_update_changes_nothing(
    airbyte: LocalAirbyte, web: WebBackendApi, connection: Dict[str, Any]
) -> None:
    document = {"connectionId": connection["connectionId"], "name": "new name", "scheduleType": "cron"}
    assert paths(invalid(airbyte, UPDATE, document)) == ["scheduleData.cron"]
    body = WebBackendConnectionRequestBody(connection_id=connection["connectionId"])
    assert json.loads(web.web_backend_get_connection(body).to_json()) == connection


def test_workspace_state_without_a_body_is_422_on_workspace_id(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    with pytest.raises(UnprocessableEntityException) as refused:
        web.web_backend_get_workspace_state()
    assert refused.value.data.validation_errors[0].property_path == "workspaceId"


def test_a_long_invalid_value_is_quoted_short(airbyte: LocalAirbyte) -> None:
    [error] = invalid(airbyte, GET, {"connectionId": "x" * 10_000})
    assert len(error["invalidValue"]) < 300 and error["invalidValue"].endswith("...")


# -- 404: ids of nothing ----------------------------------------------------------------------------------


def not_found(call: Any) -> NotFoundException:
    with pytest.raises(NotFoundException) as raised:
        call()
    info = NotFoundKnownExceptionInfo.model_validate_json(raised.value.body)
    assert info.message
    return raised.value


def test_unknown_ids_are_404_with_the_id(web: WebBackendApi, connection: Dict[str, Any]) -> None:
    calls = {
        "connection": lambda: web.web_backend_get_connection(WebBackendConnectionRequestBody(connection_id=UNKNOWN)),
        "connection ": lambda: web.get_state_type(ConnectionIdRequestBody(connection_id=UNKNOWN)),
        "workspace": lambda: web.web_backend_list_connections_for_workspace(
            WebBackendConnectionListRequestBody(workspace_id=UNKNOWN)
        ),
        "workspace ": lambda: web.web_backend_get_workspace_state(WebBackendWorkspaceState(workspace_id=UNKNOWN)),
    }
    for kind, call in calls.items():
        error = not_found(call)
        assert error.data.id == str(UNKNOWN) and kind.strip() in error.data.message


def test_create_and_update_with_unknown_ids_are_404_as_airbyte_answers(
    airbyte: LocalAirbyte, web: WebBackendApi, connection: Dict[str, Any]
) -> None:
    """The spec lists only 422 for these two, but Airbyte answers unknown ids with 404 everywhere."""
    source, destination = connection["sourceId"], connection["destinationId"]
    cases = [
        (lambda: web.web_backend_create_connection(
            WebBackendConnectionCreate(source_id=UNKNOWN, destination_id=destination, status="active")), "source"),
        (lambda: web.web_backend_create_connection(
            WebBackendConnectionCreate(source_id=source, destination_id=UNKNOWN, status="active")), "destination"),
        (lambda: web.web_backend_create_connection(WebBackendConnectionCreate(
            source_id=source, destination_id=destination, status="active", operation_ids=[UNKNOWN])), "operation"),
        (lambda: web.web_backend_update_connection(WebBackendConnectionUpdate(connection_id=UNKNOWN)), "connection"),
    ]  # fmt: skip
    before = len(airbyte.connections)
    for call, kind in cases:
        error = not_found(call)
        assert json.loads(error.body)["id"] == str(UNKNOWN) and kind in json.loads(error.body)["message"]
    assert len(airbyte.connections) == before


def test_paths_and_methods_that_are_not_operations(airbyte: LocalAirbyte) -> None:
    missing = post(airbyte, "/v1/web_backend/connections/delete", b"{}")
    assert missing.status == 404 and "No web_backend operation" in json.loads(missing.data)["message"]
    wrong_method = urllib3.request("GET", airbyte.url + GET, retries=False)
    assert wrong_method.status == 405 and wrong_method.headers["Allow"] == "POST"
    # Without the /api prefix of real deployments, the operations answer too.
    bare = urllib3.request("POST", airbyte.url.removesuffix("/api") + "/v1/web_backend/geographies/list", retries=False)
    assert bare.status == 200 and json.loads(bare.data) == {"geographies": ["auto", "us", "eu"]}
    assert urllib3.request("GET", airbyte.url + "/v1/health", retries=False).status == 200
