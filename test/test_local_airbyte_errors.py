"""`LocalAirbyte`'s errors, shaped as Airbyte's handlers shape them: Micronaut's 400s for bodies Jackson cannot
bind, bean validation's 400 naming each missing property, Airbyte's 404/422/500 `KnownExceptionInfo`s, routing's
404/405/415, and a refused request that changes nothing."""

from __future__ import annotations

import json
from typing import Any, Dict, Iterator
from uuid import UUID

import pytest
import urllib3
from local_airbyte_helpers import GET, LIST, UPDATE, client_for, create, post_json, shop, update

from openapi_client import (
    BadRequestException,
    NotFoundException,
    ServiceException,
    UnprocessableEntityException,
    WebBackendApi,
)
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.testing import LocalAirbyte

UNKNOWN = UUID("00000000-0000-4000-8000-000000000000")
STATE = "/v1/web_backend/workspace/state"


@pytest.fixture
def airbyte() -> Iterator[LocalAirbyte]:
    """A fresh server for each test: a refused request that changed something must not change what the next
    test sees."""
    with LocalAirbyte() as local:
        yield local


@pytest.fixture
def web(airbyte: LocalAirbyte) -> Iterator[WebBackendApi]:
    with client_for(airbyte) as api:
        yield api


@pytest.fixture
def connection(airbyte: LocalAirbyte, web: WebBackendApi) -> Dict[str, Any]:
    body = WebBackendConnectionListRequestBody(workspace_id=airbyte.workspace_id)
    first = web.web_backend_list_connections_for_workspace(body).connections[0]
    read = web.web_backend_get_connection(WebBackendConnectionRequestBody(connection_id=first.connection_id))
    document: Dict[str, Any] = json.loads(read.to_json())
    return document


def binding_error(airbyte: LocalAirbyte, path: str, document: Any) -> str:
    """The message of Micronaut's 400 for a body it could not bind, checked to be that error's shape."""
    response = post_json(airbyte, path, document)
    assert response.status == 400, response.data
    body = json.loads(response.data)
    assert body["message"] == "Bad Request" and body["_links"]["self"]["href"] == "/api" + path
    [error] = body["_embedded"]["errors"]
    message: str = error["message"]
    return message


# -- 400: bodies Jackson cannot bind ----------------------------------------------------------------------------


@pytest.mark.parametrize("raw", [b"{", b"{'connectionId': 1}", b'{"connectionId": NaN}', b"[]", b"  "])
def test_a_body_that_is_not_a_json_object_is_a_conversion_error(airbyte: LocalAirbyte, raw: bytes) -> None:
    message = binding_error(airbyte, GET, raw)
    assert message.startswith("Failed to convert argument [webBackendConnectionRequestBody] for value [null] due to: ")


@pytest.mark.parametrize("raw", [b"", b"null"])
def test_no_body_is_a_required_body_not_specified(airbyte: LocalAirbyte, raw: bytes) -> None:
    assert binding_error(airbyte, STATE, raw) == "Required Body [webBackendWorkspaceState] not specified"


@pytest.mark.parametrize(
    "document, problem, name",
    [
        ({"connectionId": 5}, "`java.util.UUID` from Integer", "connectionId"),
        ({"connectionId": "not-a-uuid"}, '`java.util.UUID` from String "not-a-uuid"', "connectionId"),
        ({"connectionId": str(UNKNOWN), "withRefreshedCatalog": "yes"}, "`java.lang.Boolean`", "withRefreshedCatalog"),
    ],
)
def test_wrong_types_name_the_property_chain(airbyte: LocalAirbyte, document: Any, problem: str, name: str) -> None:
    message = binding_error(airbyte, GET, document)
    assert f"Cannot deserialize value of type {problem}" in message
    assert message.endswith(
        f'(through reference chain: io.airbyte.api.model.generated.WebBackendConnectionRequestBody["{name}"])'
    )


def test_unknown_enum_values_are_refused_deep_in_the_body(airbyte: LocalAirbyte, connection: Dict[str, Any]) -> None:
    connection["syncCatalog"]["streams"][0]["config"]["syncMode"] = "INCREMENTAL"
    message = binding_error(airbyte, UPDATE, connection)
    assert "Cannot construct instance of `io.airbyte.api.model.generated.SyncMode`" in message
    assert "Unexpected value 'INCREMENTAL'" in message
    assert 'AirbyteCatalog["streams"]->java.util.ArrayList[0]' in message


def test_a_long_invalid_value_is_quoted_short(airbyte: LocalAirbyte) -> None:
    message = binding_error(airbyte, GET, {"connectionId": "x" * 10_000})
    assert "x" * 200 + "..." in message and "x" * 201 not in message


def test_a_body_nested_deeper_than_jacksons_limit_is_refused(airbyte: LocalAirbyte) -> None:
    deep = b'{"connectionId": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    message = binding_error(airbyte, GET, deep)
    assert "Document nesting depth (1001) exceeds the maximum allowed (1000" in message
    # Nesting within Jackson's limit is bound as usual (and then fails as the wrong type it is).
    shallow = b'{"connectionId": ' + b"[" * 900 + b"]" * 900 + b"}"
    assert "Cannot deserialize" in binding_error(airbyte, GET, shallow)


# -- 400: bean validation ----------------------------------------------------------------------------------------


def test_missing_required_properties_are_each_named(airbyte: LocalAirbyte, connection: Dict[str, Any]) -> None:
    del connection["syncCatalog"]["streams"][0]["config"]["syncMode"]
    response = post_json(airbyte, UPDATE, {"syncCatalog": connection["syncCatalog"]})
    body = json.loads(response.data)
    assert response.status == 400 and body["exceptionClassName"] == "jakarta.validation.ConstraintViolationException"
    assert {(e["propertyPath"], e["message"], e["invalidValue"]) for e in body["validationErrors"]} == {
        ("webBackendUpdateConnection.webBackendConnectionUpdate.connectionId", "must not be null", "null"),
        (
            "webBackendUpdateConnection.webBackendConnectionUpdate.syncCatalog.streams[0].config.syncMode",
            "must not be null",
            "null",
        ),
    }


def test_unknown_properties_are_ignored_and_not_kept(airbyte: LocalAirbyte, connection: Dict[str, Any]) -> None:
    document = {"connectionId": connection["connectionId"], "favouriteColour": "teal", "name": connection["name"]}
    response = post_json(airbyte, UPDATE, document)
    assert response.status == 200 and "favouriteColour" not in json.loads(response.data)


# -- Airbyte's own errors, through the client -------------------------------------------------------------------


def test_unknown_ids_are_404_naming_the_configuration(web: WebBackendApi, connection: Dict[str, Any]) -> None:
    for call, kind in [
        (
            lambda: web.web_backend_get_connection(WebBackendConnectionRequestBody(connection_id=UNKNOWN)),
            "STANDARD_SYNC",
        ),
        (lambda: update(web, UNKNOWN, name="x"), "STANDARD_SYNC"),
        (lambda: create(web, source_id=UNKNOWN, destination_id=UNKNOWN), "SOURCE_CONNECTION"),
        (lambda: create(web, source_id=connection["sourceId"], destination_id=UNKNOWN), "DESTINATION_CONNECTION"),
    ]:
        with pytest.raises(NotFoundException) as failed:
            call()
        body = json.loads(failed.value.body)
        assert body["message"] == f"Internal Server Error: Could not find configuration for {kind}: {UNKNOWN}."
        assert body["rootCauseExceptionClassName"] == "io.airbyte.data.exceptions.ConfigNotFoundException"


def test_a_json_validation_exception_is_422(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    with pytest.raises(UnprocessableEntityException) as failed:
        create(web, **shop(airbyte), schedule_type="basic")
    body = json.loads(failed.value.body)
    assert body["exceptionClassName"] == "io.airbyte.commons.server.errors.BadObjectSchemaKnownException"
    assert body["message"].endswith("Errors: schedule data must be populated if schedule type is populated")


def test_an_unknown_source_catalog_id_is_refused_by_the_database(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    with pytest.raises(ServiceException) as failed:
        create(web, **shop(airbyte), source_catalog_id=UNKNOWN)
    body = json.loads(failed.value.body)
    assert body["exceptionClassName"] == "org.jooq.exception.DataAccessException"
    assert "connection_actor_catalog_id_fk" in body["message"]


def test_a_refused_update_changes_nothing_but_its_operations(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """The operations are created (and dropped ones deleted) before the patch is checked, as Airbyte does."""
    connection_id = airbyte.connection_named("Postgres to BigQuery")
    before = airbyte.connection(connection_id)
    operations_before = dict(airbyte.operations)
    with pytest.raises(ServiceException):
        update(web, connection_id, name="never", schedule_data={"basicSchedule": {"timeUnit": "hours", "units": 1}},
               operations=[])  # fmt: skip
    after = airbyte.connection(connection_id)
    assert (after.name, after.schedule_type, after.schedule_data) == (
        before.name,
        before.schedule_type,
        before.schedule_data,
    )
    assert after.operation_ids == [] and len(airbyte.operations) == len(operations_before) - 1


def test_client_errors_keep_airbytes_status_and_body(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    cron = {"cron": {"cronExpression": "every day", "cronTimeZone": "UTC"}}
    with pytest.raises(BadRequestException) as failed:
        create(web, **shop(airbyte), status=ConnectionStatus.ACTIVE, schedule_type="cron", schedule_data=cron)
    assert json.loads(failed.value.body) == {
        "status": 400,
        "type": "error:cron-validation/invalid-expression",
        "title": "Invalid cron expression",
        "detail": "The cron expression is invalid",
        "data": {"cronExpression": "every day"},
    }


# -- routing: paths, methods, content types ----------------------------------------------------------------------


def test_paths_that_are_not_operations_are_the_bare_not_found(airbyte: LocalAirbyte) -> None:
    for path in ["/v1/web_backend/connections/delete", "/v2/anything", "/v1/applications/token"]:
        response = post_json(airbyte, path, {})
        assert (response.status, response.data) == (404, b"Object not found."), path
        assert response.headers["Content-Type"] == "application/json"
    health = urllib3.request("GET", airbyte.url + "/v1/health", retries=False)
    assert (health.status, json.loads(health.data)) == (200, {"available": True})


def test_a_method_other_than_post_is_405(airbyte: LocalAirbyte) -> None:
    response = urllib3.request("GET", airbyte.url + LIST, retries=False)
    assert response.status == 405 and response.headers["Allow"] == "POST"
    [error] = json.loads(response.data)["_embedded"]["errors"]
    assert error["message"] == f"Method [GET] not allowed for URI [/api{LIST}]. Allowed methods: [POST]"


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"])
def test_a_body_that_is_not_json_is_415_so_no_web_page_can_send_it(airbyte: LocalAirbyte, content_type: str) -> None:
    calls = airbyte.call_count("web_backend_list_connections_for_workspace")
    document = {"workspaceId": str(airbyte.workspace_id)}
    response = post_json(airbyte, LIST, document, headers={"Content-Type": content_type})
    assert response.status == 415
    [error] = json.loads(response.data)["_embedded"]["errors"]
    assert error["message"] == f"Content Type [{content_type}] not allowed. Allowed types: [application/json]"
    assert airbyte.call_count("web_backend_list_connections_for_workspace") == calls


def test_json_with_a_charset_or_no_content_type_is_taken(airbyte: LocalAirbyte) -> None:
    body = json.dumps({"workspaceId": str(airbyte.workspace_id)}).encode()
    charset = post_json(airbyte, LIST, body, headers={"Content-Type": "application/json; charset=UTF-8"})
    untyped = urllib3.request("POST", airbyte.url + LIST, body=body, retries=False)
    assert (charset.status, untyped.status) == (200, 200)
