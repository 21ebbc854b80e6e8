"""The models: how they are imported, constructed, read and written."""

from __future__ import annotations

import importlib
import inspect
import json
from datetime import date, datetime, timezone
from typing import Any, Callable
from uuid import UUID

import pytest
from pydantic import ValidationError
from samples import CONNECTION_ID, DESTINATION_ID, SOURCE_ID, WORKSPACE_ID, connection_read
from scripted_server import Reply, ScriptedServer

import openapi_client
from openapi_client import models
from openapi_client.models.airbyte_stream_configuration import AirbyteStreamConfiguration
from openapi_client.models.base import ApiEnum, ApiModel, is_request_model, received_data
from openapi_client.models.connection_schedule import ConnectionSchedule, ConnectionScheduleTimeUnit
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.selected_field_info import SelectedFieldInfo
from openapi_client.models.sync_mode import SyncMode
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate


def test_every_model_is_importable_by_name_and_by_module() -> None:
    names = models.model_names()
    assert len(names) == 66
    enums = [n for n in names if issubclass(getattr(openapi_client, n), ApiEnum)]
    assert len(enums) == 17
    for name in names:
        module = importlib.import_module(f"openapi_client.models.{models.module_name(name)}")
        assert getattr(module, name) is getattr(openapi_client, name) is getattr(models, name)
    assert set(names) <= set(dir(openapi_client))


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError):
        openapi_client.NoSuchModel  # noqa: B018
    with pytest.raises(AttributeError):
        models.NoSuchModel  # noqa: B018
    with pytest.raises(AttributeError):
        openapi_client.no_such_thing  # noqa: B018


def test_construct_by_python_name_or_json_alias() -> None:
    by_name = WebBackendConnectionCreate(source_id=SOURCE_ID, destination_id=DESTINATION_ID, status="active")
    by_alias = WebBackendConnectionCreate(sourceId=SOURCE_ID, destinationId=DESTINATION_ID, status="active")
    assert by_name == by_alias
    assert by_name.source_id == UUID(SOURCE_ID)
    assert by_name.status is openapi_client.ConnectionStatus.ACTIVE


def test_types_follow_the_spec_formats() -> None:
    read = WebBackendConnectionRead.from_dict(connection_read())
    assert read is not None
    assert isinstance(read.connection_id, UUID)
    assert isinstance(read.created_at, int)
    assert isinstance(read.source.connection_configuration, dict)
    assert read.source.connection_configuration["ssl"] == {"mode": "require"}
    assert read.sync_catalog.streams[0].config is not None
    assert read.sync_catalog.streams[0].config.sync_mode is SyncMode.INCREMENTAL
    version = openapi_client.ActorDefinitionBreakingChange(
        version="2.0.0",
        message="m",
        upgrade_deadline="2025-01-31",
        migration_documentation_url="https://docs",
    )
    assert version.upgrade_deadline == date(2025, 1, 31)
    published = openapi_client.ActorDefinitionVersionRead.from_dict(
        {
            "dockerRepository": "r",
            "dockerImageTag": "1",
            "supportsRefreshes": True,
            "supportState": "supported",
            "isVersionOverrideApplied": False,
            "supportsFileTransfer": False,
            "lastPublished": "2024-05-01T10:00:00Z",
        }
    )
    assert published is not None
    assert published.last_published == datetime(2024, 5, 1, 10, tzinfo=timezone.utc)


def test_missing_required_and_wrong_types_name_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        WebBackendConnectionCreate(source_id=SOURCE_ID, status="active")
    assert caught.value.errors()[0]["loc"] == ("destinationId",)
    with pytest.raises(ValidationError, match="units"):
        ConnectionSchedule(units="12", time_unit="hours")
    with pytest.raises(ValidationError, match="selected"):
        AirbyteStreamConfiguration(sync_mode="full_refresh", destination_sync_mode="append", selected="yes")


def test_unknown_field_names_are_refused_on_construction_and_assignment() -> None:
    with pytest.raises(ValidationError, match="sourceid"):
        WebBackendConnectionCreate(sourceid=SOURCE_ID, destination_id=DESTINATION_ID, status="active")
    with pytest.raises(ValidationError, match=r"streams\.0\.stremm"):
        WebBackendConnectionCreate(
            source_id=SOURCE_ID,
            destination_id=DESTINATION_ID,
            status="active",
            sync_catalog={"streams": [{"stremm": {}}]},
        )
    create = WebBackendConnectionCreate(source_id=SOURCE_ID, destination_id=DESTINATION_ID, status="active")
    with pytest.raises(ValidationError, match="nmae"):
        create.nmae = "typo"
    with pytest.raises(ValidationError, match="status"):
        create.status = "paused"


def test_to_dict_to_json_contain_only_what_was_set() -> None:
    create = WebBackendConnectionCreate(source_id=SOURCE_ID, destination_id=DESTINATION_ID, status="active")
    assert create.to_dict() == {
        "sourceId": UUID(SOURCE_ID),
        "destinationId": UUID(DESTINATION_ID),
        "status": openapi_client.ConnectionStatus.ACTIVE,
    }
    assert json.loads(create.to_json()) == {"sourceId": SOURCE_ID, "destinationId": DESTINATION_ID, "status": "active"}
    create.name = "n"
    assert json.loads(create.to_json())["name"] == "n"


def test_from_json_and_from_dict_round_trip() -> None:
    body = json.dumps(connection_read())
    read = WebBackendConnectionRead.from_json(body)
    assert json.loads(read.to_json()) == json.loads(body)
    again = WebBackendConnectionRead.from_dict(read.to_dict())
    assert again == read
    assert WebBackendConnectionRead.from_dict(None) is None
    assert json.loads(read.to_str()) == json.loads(body)


def test_from_json_reads_bytes_and_refuses_a_document_that_is_not_an_object() -> None:
    body = json.dumps(connection_read())
    assert WebBackendConnectionRead.from_json(body.encode()) == WebBackendConnectionRead.from_json(body)
    for document in ("null", "[]", '"text"'):
        with pytest.raises(ValidationError, match="WebBackendConnectionRead"):
            WebBackendConnectionRead.from_json(document)


def test_enums_are_str_enums() -> None:
    assert issubclass(SyncMode, str)
    assert SyncMode("incremental") is SyncMode.INCREMENTAL
    assert SyncMode.INCREMENTAL == "incremental"
    assert str(SyncMode.FULL_REFRESH) == "full_refresh"
    assert ConnectionScheduleTimeUnit.HOURS == "hours"
    with pytest.raises(ValueError):
        SyncMode("sometimes")


def test_models_share_one_base_class() -> None:
    for name in models.model_names():
        cls = getattr(models, name)
        assert issubclass(cls, (ApiModel, ApiEnum))
        assert "to_dict" not in vars(cls) and "from_dict" not in vars(cls)


# -- request models refuse unknown names; received data keeps them -------------------------------------------

UPDATE = {"connectionId": CONNECTION_ID, "stauts": "inactive"}
SUGGESTION = r"stauts\n  Unknown field of WebBackendConnectionUpdate; did you mean 'status'\?"


def test_request_models_are_the_bodies_and_every_model_nested_in_one() -> None:
    for name in ("WebBackendConnectionUpdate", "WebBackendConnectionCreate", "AirbyteCatalog", "SelectedFieldInfo"):
        assert is_request_model(getattr(models, name)), name
    for name in (
        "WebBackendConnectionRead",
        "SourceRead",
        "NotFoundKnownExceptionInfo",
        "WebBackendConnectionReadList",
    ):
        assert not is_request_model(getattr(models, name)), name


@pytest.mark.parametrize(
    "build",
    [
        lambda: WebBackendConnectionUpdate(connection_id=CONNECTION_ID, stauts="inactive"),
        lambda: WebBackendConnectionUpdate.model_validate(UPDATE),
        lambda: WebBackendConnectionUpdate.model_validate_json(json.dumps(UPDATE)),
        lambda: WebBackendConnectionUpdate.from_dict(UPDATE),
        lambda: WebBackendConnectionUpdate.from_json(json.dumps(UPDATE)),
    ],
    ids=["constructor", "model_validate", "model_validate_json", "from_dict", "from_json"],
)
def test_a_misspelt_name_in_a_request_is_refused_with_the_name_it_meant(build: Callable[[], Any]) -> None:
    with pytest.raises(ValidationError, match=SUGGESTION):
        build()


def test_the_suggestion_names_the_nested_model_and_a_misspelt_alias() -> None:
    document = {
        "connectionId": CONNECTION_ID,
        "syncCatalog": {
            "streams": [{"config": {"syncMode": "full_refresh", "destinationSyncMode": "append", "sellected": True}}]
        },
        "scheduleData": {"basicSchedule": {"timeunit": "hours", "units": 1}},
        "nonsense": 1,
    }
    with pytest.raises(ValidationError) as raised:
        WebBackendConnectionUpdate.model_validate(document)
    unknown = [e for e in raised.value.errors() if e["type"] == "extra_forbidden"]
    assert {".".join(map(str, e["loc"])): e["msg"] for e in unknown} == {
        "syncCatalog.streams.0.config.sellected": (
            "Unknown field of AirbyteStreamConfiguration; did you mean 'selected'?"
        ),
        "scheduleData.basicSchedule.timeunit": (
            "Unknown field of ConnectionScheduleDataBasicSchedule; did you mean 'timeUnit'?"
        ),
        "nonsense": "Unknown field of WebBackendConnectionUpdate",
    }
    assert {e["type"] for e in raised.value.errors()} == {"extra_forbidden", "missing"}


def test_other_errors_keep_their_messages_beside_an_unknown_name() -> None:
    with pytest.raises(ValidationError) as raised:
        WebBackendConnectionUpdate.model_validate({"connectionId": "not-a-uuid", "nmae": "x", "status": "paused"})
    types = {e["loc"][0]: e["type"] for e in raised.value.errors()}
    assert types == {"connectionId": "uuid_parsing", "nmae": "extra_forbidden", "status": "enum"}


def test_assigning_a_misspelt_name_suggests_the_field() -> None:
    update = WebBackendConnectionUpdate(connection_id=CONNECTION_ID)
    with pytest.raises(ValidationError, match=SUGGESTION):
        update.stauts = "inactive"


# -- fields our spec does not define, sent on purpose --------------------------------------------------------------


def test_a_newer_servers_fields_are_sent_only_through_with_extra_fields(api: Any, server: ScriptedServer) -> None:
    tag = UUID("6f1e2d3c-4b5a-4978-8675-a4b3c2d1e0f9")
    body = WebBackendConnectionListRequestBody(workspace_id=WORKSPACE_ID)
    # A misspelt or unknown name never becomes a field to send: not by keyword, not in a dict.
    with pytest.raises(ValidationError, match="Unknown field of WebBackendConnectionListRequestBody"):
        WebBackendConnectionListRequestBody(workspace_id=WORKSPACE_ID, sortKey="lastSync_desc")
    with pytest.raises(openapi_client.ApiValueError, match="sortKey"):
        api.web_backend_list_connections_for_workspace({"workspaceId": WORKSPACE_ID, "sortKey": "lastSync_desc"})
    assert server.received == []
    newest_first = body.with_extra_fields(sortKey="lastSync_desc", filters={"searchTerm": "pg", "tagIds": [tag]})
    server.always("/v1/web_backend/connections/list", Reply(body={"connections": []}))
    api.web_backend_list_connections_for_workspace(newest_first)
    [request] = server.received
    assert request.json() == {
        "workspaceId": WORKSPACE_ID,
        "sortKey": "lastSync_desc",
        "filters": {"searchTerm": "pg", "tagIds": [str(tag)]},
    }
    # A copy: the body it was made from is unchanged, and the copy shows what it adds.
    assert body.model_extra is None and body.to_json() == f'{{"workspaceId":"{WORKSPACE_ID}"}}'
    assert newest_first.model_extra == {
        "sortKey": "lastSync_desc",
        "filters": {"searchTerm": "pg", "tagIds": [str(tag)]},
    }
    assert newest_first.with_extra_fields(sortKey="lastSync_asc").model_extra["sortKey"] == "lastSync_asc"  # type: ignore[index]
    # A model among the values goes as the JSON it is sent as: by its API names.
    selected = body.with_extra_fields(selected=SelectedFieldInfo(field_path=["address", "city"]))
    assert selected.model_extra == {"selected": {"fieldPath": ["address", "city"]}}


def test_with_extra_fields_refuses_the_models_own_names_and_values_that_are_not_json() -> None:
    body = WebBackendConnectionListRequestBody(workspace_id=WORKSPACE_ID)
    for name, field in (("workspaceId", "workspace_id"), ("workspace_id", "workspace_id"), ("sourceId", "source_id")):
        with pytest.raises(ValueError, match=f"{name} is the field {field} of WebBackendConnectionListRequestBody"):
            body.with_extra_fields(**{name: []})
    # A name that differs from a field's only in case or underscores is a typo of it, which a server would ignore.
    with pytest.raises(ValueError) as near:
        body.with_extra_fields(sortKey="lastSync_desc", sourceID=[], destination_Id=[])
    assert str(near.value) == (
        "WebBackendConnectionListRequestBody.with_extra_fields: destination_Id looks like the field destination_id; "
        "sourceID looks like the field source_id of WebBackendConnectionListRequestBody, not an extra field: "
        "set it as usual"
    )
    with pytest.raises(TypeError, match="cursor is not a JSON value"):
        body.with_extra_fields(cursor=object())
    assert body.with_extra_fields(pageSize=5, when=date(2025, 7, 1), status=ConnectionStatus.ACTIVE).model_extra == {
        "pageSize": 5,
        "when": "2025-07-01",
        "status": "active",
    }


def test_a_request_model_built_from_a_dict_refuses_enum_values_it_does_not_know() -> None:
    with pytest.raises(ValidationError, match="status"):
        WebBackendConnectionUpdate.from_dict({"connectionId": CONNECTION_ID, "status": "paused"})


def test_received_data_keeps_unknown_names_also_in_a_request_model() -> None:
    newer = {**connection_read(), "newerField": {"x": 1}}
    read = WebBackendConnectionRead.from_dict(newer)
    assert read.model_extra == {"newerField": {"x": 1}}
    assert WebBackendConnectionRead.model_validate(newer).model_extra == {"newerField": {"x": 1}}
    catalog = {"streams": [], "newerCatalogField": True}
    with received_data():
        assert models.AirbyteCatalog.from_dict(catalog).model_extra == {"newerCatalogField": True}
    # A received model nested in a request keeps what it carries, however the request is built.
    received = WebBackendConnectionRead.from_dict({**newer, "syncCatalog": catalog}).sync_catalog
    for update in (
        WebBackendConnectionUpdate(connection_id=CONNECTION_ID, sync_catalog=received),
        WebBackendConnectionUpdate.model_validate({"connectionId": CONNECTION_ID, "syncCatalog": received}),
    ):
        assert json.loads(update.to_json())["syncCatalog"] == catalog


def test_the_signature_names_the_fields_as_python_does() -> None:
    signature = inspect.signature(WebBackendConnectionUpdate)
    assert list(signature.parameters)[:3] == ["name", "connection_id", "namespace_definition"]
    connection_id, status = signature.parameters["connection_id"], signature.parameters["status"]
    assert connection_id.default is inspect.Parameter.empty and connection_id.kind is inspect.Parameter.KEYWORD_ONLY
    assert status.default is None
    # Still so once pydantic has built the model (it sets a signature of its own then).
    WebBackendConnectionUpdate(connection_id=CONNECTION_ID)
    assert "connection_id" in inspect.signature(WebBackendConnectionUpdate).parameters
    assert list(inspect.signature(models.SourceRead).parameters)[3] == "connection_configuration"


def test_snake_case_names_build_the_model_and_json_names_go_on_the_wire() -> None:
    update = WebBackendConnectionUpdate(connection_id=CONNECTION_ID, status="inactive", skip_reset=True)
    assert json.loads(update.to_json()) == {"connectionId": CONNECTION_ID, "status": "inactive", "skipReset": True}
    assert WebBackendConnectionUpdate(connectionId=CONNECTION_ID, skipReset=True).skip_reset is True


@pytest.mark.parametrize("value", [{"host": "db"}, "a string", 5, [1, {"a": None}], None, True])
def test_a_free_form_configuration_takes_any_json_value(value: Any) -> None:
    source = {
        "sourceDefinitionId": SOURCE_ID,
        "sourceId": SOURCE_ID,
        "workspaceId": SOURCE_ID,
        "connectionConfiguration": value,
        "name": "n",
        "sourceName": "s",
    }
    parsed = models.SourceRead.from_json(json.dumps(source))
    assert parsed.connection_configuration == value
    assert json.loads(parsed.to_json())["connectionConfiguration"] == value
    destination = {
        **{k: v for k, v in source.items() if not k.startswith("source")},
        "destinationDefinitionId": SOURCE_ID,
    }
    destination.update({"destinationId": SOURCE_ID, "destinationName": "d"})
    assert models.DestinationRead.from_dict(destination).connection_configuration == value


def test_enums_read_json_and_answer_to_the_generators_names() -> None:
    assert SyncMode.from_json('"incremental"') is SyncMode.INCREMENTAL
    assert SyncMode.from_json(b'"full_refresh"') is SyncMode.FULL_REFRESH
    with pytest.raises(ValueError):
        SyncMode.from_json('"sometimes"')
    mapper = models.StreamMapperType
    assert mapper.FIELD_MINUS_RENAMING is mapper.FIELD_RENAMING is mapper("field-renaming")
    assert mapper.ROW_MINUS_FILTERING is mapper.ROW_FILTERING
    assert mapper["FIELD_MINUS_RENAMING"] is mapper.FIELD_RENAMING
    # A member keeps one name: ours, the generator's is an alias of it.
    assert mapper("field-renaming").name == "FIELD_RENAMING"
    assert [member.value for member in mapper] == ["hashing", "field-renaming", "row-filtering"]


def test_an_unknown_name_where_no_model_can_be_found_is_still_explained() -> None:
    from openapi_client.models.base import _unknown_name

    assert _unknown_name(WebBackendConnectionUpdate, ("nosuchfield", "x"), 1)["type"].message() == "Unknown field name"
    assert _unknown_name(WebBackendConnectionUpdate, ("status", "x"), 1)["type"].message() == "Unknown field name"
    nested = _unknown_name(WebBackendConnectionUpdate, ("operations", 0, "operatorConfiguration", "webhok"), 1)
    assert nested["type"].message() == "Unknown field of OperatorConfiguration; did you mean 'webhook'?"
