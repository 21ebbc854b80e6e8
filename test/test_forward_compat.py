"""Newer and older servers. Fields and enum values this client does not know are kept, readable and sent back
unchanged; fields an older server leaves out stay unset; what the caller writes stays strict; and a response
that really breaks the spec raises an error that says where."""

from __future__ import annotations

import copy
import json
import typing
from typing import Any, Dict, Iterator, List, Set, Tuple, Type

import pydantic
import pytest
from pydantic import ValidationError
from samples import CONNECTION_ID, WORKSPACE_ID, connection_list_item, connection_read
from scripted_server import Reply, ScriptedServer
from spec_strategies import first_difference, same_json

from openapi_client import WebBackendApi, models
from openapi_client.exceptions import ApiValueError, InvalidResponseError
from openapi_client.models.base import ApiEnum, ApiModel, received_data
from openapi_client.models.connection_state_type import ConnectionStateType
from openapi_client.models.geography import Geography
from openapi_client.models.sync_mode import SyncMode
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
from openapi_client.models.web_backend_connection_read_list import WebBackendConnectionReadList
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate
from openapi_client.models.web_backend_geographies_list_result import WebBackendGeographiesListResult

GET = "/v1/web_backend/connections/get"
UPDATE = "/v1/web_backend/connections/update"
LIST = "/v1/web_backend/connections/list"
ADDITIONS = {"newerField": {"nested": [1, {"deep": None}], "since": "2025-01-01"}, "newerFlag": True}


def breaking_changes() -> Dict[str, Any]:
    return {
        "upcomingBreakingChanges": [
            {
                "version": "4.0.0",
                "message": "Cursor columns change",
                "upgradeDeadline": "2025-03-31",
                "migrationDocumentationUrl": "https://docs.airbyte.com/integrations/sources/postgres-migrations",
                "deadlineAction": "auto_upgrade",
            }
        ],
        "minUpgradeDeadline": "2025-03-31",
        "deadlineAction": "disable",
    }


def full_connection_read() -> Dict[str, Any]:
    """A connection in which every optional object of the spec is present, so that every nesting level is."""
    read = connection_read()
    stream = read["syncCatalog"]["streams"][0]
    stream["stream"]["isResumable"] = True
    stream["config"].update(
        suggested=True,
        selectedFields=[{"fieldPath": ["id"]}],
        hashedFields=[{"fieldPath": ["email"]}],
        mappers=[{"type": "hashing", "mapperConfiguration": {"fieldName": "email", "method": "SHA-256"}}],
        minimumGenerationId=0,
        generationId=2**62,
        syncId=2**63 - 1,
    )
    read["namespaceFormat"] = "${SOURCE_NAMESPACE}"
    read["schedule"] = {"units": 24, "timeUnit": "hours"}
    read["scheduleData"] = {
        "basicSchedule": {"timeUnit": "hours", "units": 24},
        "cron": {"cronExpression": "0 0 * * * ?", "cronTimeZone": "UTC"},
    }
    read["resourceRequirements"] = {"cpu_request": "0.5", "cpu_limit": "1", "memory_limit": "2Gi"}
    read["catalogId"] = "7f3c2a1b-0e9d-4c8b-a7f6-e5d4c3b2a190"
    read["catalogDiff"] = {"transforms": [stream_transform()]}
    for actor in (read["source"], read["destination"]):
        actor.update(
            icon="<svg/>",
            isVersionOverrideApplied=False,
            breakingChanges=breaking_changes(),
            supportState="supported",
            status="active",
        )
    read["operations"][0]["operatorConfiguration"]["webhook"].update(
        webhookConfigId="0c9b8a7f-6e5d-4c3b-9a1f-0e9d8c7b6a5f",
        dbtCloud={"accountId": 2**63 - 1, "jobId": -(2**63)},
        executionUrl="https://cloud.getdbt.com/api/v2/accounts/1/jobs/2/run/",
        executionBody="{}",
    )
    for version in (read["sourceActorDefinitionVersion"], read["destinationActorDefinitionVersion"]):
        version.update(
            breakingChanges=breaking_changes(), lastPublished="2024-05-01T10:00:00.000Z", cdkVersion="python:0.1.0"
        )
    return read


def stream_transform() -> Dict[str, Any]:
    return {
        "transformType": "update_stream",
        "streamDescriptor": {"name": "users", "namespace": "public"},
        "updateStream": {
            "fieldTransforms": [
                {
                    "transformType": "update_field_schema",
                    "fieldName": ["address", "zip"],
                    "breaking": False,
                    "addField": {"schema": {"type": "string"}},
                    "removeField": {"schema": {"type": "integer"}},
                    "updateFieldSchema": {"oldSchema": {"type": "integer"}, "newSchema": {"type": "string"}},
                }
            ],
            "streamAttributeTransforms": [
                {
                    "transformType": "update_primary_key",
                    "breaking": True,
                    "updatePrimaryKey": {"oldPrimaryKey": [["id"]], "newPrimaryKey": [["id"], ["tenant"]]},
                }
            ],
        },
    }


# -- walking models by their declared types --------------------------------------------------------------------


def declared_classes(annotation: Any) -> Iterator[type]:
    """The model and enum classes inside an annotation such as `Optional[List[SyncMode]]`."""
    if isinstance(annotation, type) and issubclass(annotation, (ApiModel, ApiEnum)):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from declared_classes(argument)


def models_of(document: Any, model: Type[ApiModel]) -> Iterator[Tuple[Type[ApiModel], Dict[str, Any]]]:
    """Each object of `document` (a document of `model`) with the model class that reads it."""
    if not isinstance(document, dict):
        return
    yield model, document
    for field in model.model_fields.values():
        value = document.get(field.alias or "")
        for cls in declared_classes(field.annotation):
            if issubclass(cls, ApiModel):
                for item in value if isinstance(value, list) else [value]:
                    yield from models_of(item, cls)


def enum_fields(document: Dict[str, Any], model: Type[ApiModel]) -> Iterator[Tuple[Dict[str, Any], str, type]]:
    """(object, property, enum class) of every enum-typed property present anywhere in `document`."""
    for cls, item in models_of(document, model):
        for field in cls.model_fields.values():
            alias = field.alias or ""
            enums = [c for c in declared_classes(field.annotation) if issubclass(c, ApiEnum)]
            if enums and item.get(alias) is not None:
                yield item, alias, enums[0]


def with_unknown_enum_values(document: Dict[str, Any], model: Type[ApiModel]) -> Set[type]:
    """Give every enum-typed property of `document` a value its enum does not list; the enums it changed."""
    changed = set()
    for item, alias, enum in list(enum_fields(document, model)):
        value = item[alias]
        item[alias] = [f"newer_{v}" for v in value] if isinstance(value, list) else f"newer_{value}"
        changed.add(enum)
    return changed


def with_additions(document: Dict[str, Any], model: Type[ApiModel]) -> Set[type]:
    """Add properties the spec does not have to every object of `document`; the model classes it reached."""
    reached = set()
    for cls, item in list(models_of(document, model)):
        item.update(copy.deepcopy(ADDITIONS))
        reached.add(cls)
    return reached


def reachable(model: Type[ApiModel]) -> Set[type]:
    found: Set[type] = set()
    pending: List[type] = [model]
    while pending:
        cls = pending.pop()
        if cls in found:
            continue
        found.add(cls)
        if issubclass(cls, ApiModel):
            pending.extend(c for f in cls.model_fields.values() for c in declared_classes(f.annotation))
    return found


def newer_connection_read() -> Tuple[Dict[str, Any], Set[type], Set[type]]:
    """A full connection with additions at every level and unknown values in every enum-typed property."""
    document = full_connection_read()
    enums = with_unknown_enum_values(document, WebBackendConnectionRead)
    reached = with_additions(document, WebBackendConnectionRead)
    return document, reached, enums


def all_enum_classes() -> Set[type]:
    for name in models.model_names():
        getattr(models, name)  # imports each module, and with it the inline enums defined beside a model
    return set(ApiEnum.__subclasses__())


def walk(value: Any) -> Iterator[Any]:
    yield value
    if isinstance(value, ApiModel):
        for name in value.model_fields_set:
            yield from walk(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


def assert_exact(written: str, document: Any) -> None:
    back = json.loads(written)
    assert same_json(back, document), first_difference(back, document)


# -- newer servers: unknown fields -----------------------------------------------------------------------------


def test_the_full_sample_reaches_every_model_and_enum_of_a_connection() -> None:
    document = full_connection_read()
    reached = {cls for cls, _ in models_of(document, WebBackendConnectionRead)}
    enums = {enum for _, _, enum in enum_fields(document, WebBackendConnectionRead)}
    assert reached | enums == reachable(WebBackendConnectionRead)
    assert enums | {ConnectionStateType} == all_enum_classes()
    assert len(all_enum_classes()) == 23  # 17 named in the spec, 6 inline


def test_unknown_fields_at_every_level_are_kept_readable_and_written_back() -> None:
    document = full_connection_read()
    reached = with_additions(document, WebBackendConnectionRead)

    read = WebBackendConnectionRead.from_json(json.dumps(document))

    assert_exact(read.to_json(), document)
    seen = {type(item) for item in walk(read) if isinstance(item, ApiModel)}
    assert seen == reached
    for item in walk(read):
        if isinstance(item, ApiModel):
            assert item.model_extra == ADDITIONS, type(item).__name__
            assert getattr(item, "newerFlag") is True  # noqa: B009 - the name is not a declared attribute
            assert item.to_dict()["newerField"] == ADDITIONS["newerField"]
    assert WebBackendConnectionRead.from_dict(read.to_dict()) == read


def test_unknown_fields_can_be_changed_but_new_names_are_refused() -> None:
    document = connection_read()
    document["newerField"] = 1
    read = WebBackendConnectionRead.from_json(json.dumps(document))
    read.newerField = 2
    assert json.loads(read.to_json())["newerField"] == 2
    with pytest.raises(ValidationError, match="newrField"):
        read.newrField = 3


# -- newer servers: unknown enum values ------------------------------------------------------------------------


def test_unknown_values_in_every_enum_typed_field_are_kept_and_flagged() -> None:
    document = full_connection_read()
    changed = with_unknown_enum_values(document, WebBackendConnectionRead)
    assert changed | {ConnectionStateType} == all_enum_classes()

    read = WebBackendConnectionRead.from_json(json.dumps(document))

    assert_exact(read.to_json(), document)
    values = [item for item in walk(read) if isinstance(item, ApiEnum)]
    assert {type(item) for item in values} == changed
    for item in values:
        assert item.is_unknown, (type(item).__name__, item)
        assert item.value.startswith("newer_") and str(item) == item.value == item
        assert item not in list(type(item))
    assert WebBackendConnectionRead.from_dict(read.to_dict()) == read


def test_known_values_are_the_members() -> None:
    read = WebBackendConnectionRead.from_json(json.dumps(full_connection_read()))
    values = [item for item in walk(read) if isinstance(item, ApiEnum)]
    assert values
    for item in values:
        assert not item.is_unknown
        assert type(item)(item.value) is item


@pytest.mark.parametrize("enum", sorted(all_enum_classes(), key=lambda cls: cls.__name__), ids=lambda c: c.__name__)
def test_every_enum_keeps_unknown_values_only_from_a_server(enum: Type[ApiEnum]) -> None:
    with received_data():
        newer = enum("value_from_a_newer_server")
        known = enum(next(iter(enum)).value)
    assert newer.is_unknown and newer == "value_from_a_newer_server" and isinstance(newer, enum)
    assert not known.is_unknown
    with pytest.raises(ValueError):
        enum("value_from_a_newer_server")


def test_unknown_values_in_lists_and_as_the_whole_response(api: WebBackendApi, server: ScriptedServer) -> None:
    server.always("/v1/web_backend/geographies/list", Reply(body={"geographies": ["auto", "ap-south-1", "eu"]}))
    server.always("/v1/web_backend/state/get_type", Reply(body='"per_partition"'))

    geographies = api.web_backend_list_geographies()
    state_type = api.get_state_type({"connectionId": CONNECTION_ID})

    assert isinstance(geographies, WebBackendGeographiesListResult)
    assert [g.is_unknown for g in geographies.geographies] == [False, True, False]
    assert geographies.geographies[1] == "ap-south-1" and isinstance(geographies.geographies[1], Geography)
    assert json.loads(geographies.to_json()) == {"geographies": ["auto", "ap-south-1", "eu"]}
    assert isinstance(state_type, ConnectionStateType) and state_type.is_unknown and state_type == "per_partition"


def test_a_server_inventing_values_without_end_does_not_grow_memory_without_end() -> None:
    values = [f"mode_{i}" for i in range(1000)]
    document = {"name": "s", "supportedSyncModes": values}
    with received_data():  # AirbyteStream is also part of requests, where from_json is strict
        stream = models.AirbyteStream.from_json(json.dumps(document))
    assert stream.supported_sync_modes == values
    assert all(mode.is_unknown and isinstance(mode, SyncMode) for mode in stream.supported_sync_modes or [])
    assert len(SyncMode.__dict__.get("_unknown_members_", {})) <= 256


# -- get -> modify -> update loses nothing ---------------------------------------------------------------------


def test_get_modify_update_sends_back_unknown_fields_and_values(api: WebBackendApi, server: ScriptedServer) -> None:
    served, _, _ = newer_connection_read()
    server.always(GET, Reply(body=json.dumps(served)))
    server.always(UPDATE, Reply(body=json.dumps(served)))

    read = api.web_backend_get_connection(WebBackendConnectionRequestBody(connection_id=CONNECTION_ID))
    read.name = "renamed"
    config = read.sync_catalog.streams[0].config
    assert config is not None
    config.selected = False
    update_names = {field.alias for field in WebBackendConnectionUpdate.model_fields.values()}
    carried = {name: value for name, value in read.to_dict().items() if name in update_names}
    # What the server sent and this client does not know is carried over too: it may be a newer update field.
    # Names this client does not know are refused in what the caller writes, unless it says they were received.
    with pytest.raises(ValidationError, match="Unknown field of WebBackendConnectionUpdate"):
        WebBackendConnectionUpdate.from_dict({**carried, **(read.model_extra or {})})
    with received_data():
        update = WebBackendConnectionUpdate.from_dict({**carried, **(read.model_extra or {})})
    api.web_backend_update_connection(update)

    expected = {name: value for name, value in copy.deepcopy(served).items() if name in update_names | set(ADDITIONS)}
    expected["name"] = "renamed"
    expected["syncCatalog"]["streams"][0]["config"]["selected"] = False
    sent = server.received[-1].json()
    assert same_json(sent, expected), first_difference(sent, expected)
    assert sent["geography"] == served["geography"] and sent["status"] == served["status"]


def test_models_and_values_read_from_a_server_can_be_passed_to_a_request(
    api: WebBackendApi, server: ScriptedServer
) -> None:
    served, _, _ = newer_connection_read()
    server.always(GET, Reply(body=json.dumps(served)))
    server.always(UPDATE, Reply(body=json.dumps(served)))
    read = api.web_backend_get_connection(WebBackendConnectionRequestBody(connection_id=CONNECTION_ID))

    update = WebBackendConnectionUpdate(
        connection_id=read.connection_id,
        sync_catalog=read.sync_catalog,
        schedule_data=read.schedule_data,
        geography=read.geography,
        status=read.status,
    )
    api.web_backend_update_connection(update)

    sent = server.received[-1].json()
    expected = {name: served[name] for name in ("connectionId", "syncCatalog", "scheduleData", "geography", "status")}
    assert same_json(sent, expected), first_difference(sent, expected)


# -- requests stay strict --------------------------------------------------------------------------------------


def test_the_caller_cannot_write_an_unknown_enum_value(api: WebBackendApi, server: ScriptedServer) -> None:
    with pytest.raises(ValidationError, match="geography"):
        WebBackendConnectionUpdate(connection_id=CONNECTION_ID, geography="mars")
    update = WebBackendConnectionUpdate(connection_id=CONNECTION_ID)
    with pytest.raises(ValidationError, match="geography"):
        update.geography = "mars"
    with pytest.raises(ValueError):
        SyncMode("sometimes")

    nested = {
        "connectionId": CONNECTION_ID,
        "syncCatalog": {"streams": [{"config": {"syncMode": "sometimes", "destinationSyncMode": "append"}}]},
    }
    with pytest.raises(ApiValueError, match=r"syncCatalog\.streams\.0\.config\.syncMode"):
        api.web_backend_update_connection(nested)
    with pytest.raises(ApiValueError, match="geography"):
        api.web_backend_update_connection({"connectionId": CONNECTION_ID, "geography": "mars"})
    assert server.count(UPDATE) == 0


@pytest.mark.skipif(
    tuple(int(part) for part in pydantic.VERSION.split(".")[:2]) < (2, 12),
    reason="pydantic before 2.12 cannot refuse unknown fields below the top level in one call",
)
def test_a_misspelt_name_is_refused_at_every_level_of_what_the_caller_constructs() -> None:
    stream = {"config": {"syncMode": "full_refresh", "destinationSyncMode": "append", "selectd": True}}
    with pytest.raises(ValidationError) as raised:
        WebBackendConnectionUpdate(connection_id=CONNECTION_ID, sync_catalog={"streams": [stream]})
    assert raised.value.errors()[0]["loc"] == ("sync_catalog", "streams", 0, "config", "selectd")
    with pytest.raises(ValidationError, match="nmae"):
        WebBackendConnectionUpdate(connection_id=CONNECTION_ID, nmae="typo")


# -- older servers ---------------------------------------------------------------------------------------------


def required_only(document: Dict[str, Any], model: Type[ApiModel]) -> Dict[str, Any]:
    """`document` without any property its model does not require, at every level."""
    kept: Dict[str, Any] = {}
    for field in model.model_fields.values():
        alias = field.alias or ""
        if not field.is_required() or alias not in document:
            continue
        nested = [c for c in declared_classes(field.annotation) if issubclass(c, ApiModel)]
        value = document[alias]
        if nested and isinstance(value, list):
            value = [required_only(item, nested[0]) for item in value]
        elif nested:
            value = required_only(value, nested[0])
        kept[alias] = value
    return kept


def test_an_older_server_leaving_out_optional_fields(api: WebBackendApi, server: ScriptedServer) -> None:
    read = required_only(full_connection_read(), WebBackendConnectionRead)
    listed = required_only(connection_list_item(), models.WebBackendConnectionListItem)
    # What only older servers leave out is optional too (docs/stock_differences.yaml, `older_servers`).
    assert "sourceActorDefinitionVersion" not in read and "streams" in read["syncCatalog"]
    server.always(GET, Reply(body=json.dumps(read)))
    server.always(LIST, Reply(body=json.dumps({"connections": [listed, listed]})))

    connection = api.web_backend_get_connection({"connectionId": CONNECTION_ID})
    connections = api.web_backend_list_connections_for_workspace({"workspaceId": WORKSPACE_ID})

    assert_exact(connection.to_json(), read)
    assert_exact(connections.to_json(), {"connections": [listed, listed]})
    assert connection.schedule is None and connection.operations is None and connection.catalog_diff is None
    assert connection.source_actor_definition_version is None and connection.notify_schema_changes_by_email is None
    assert connection.model_fields_set == {
        name for name, field in WebBackendConnectionRead.model_fields.items() if field.is_required()
    }


# -- what is not a newer server: responses that break the spec -------------------------------------------------


def test_a_missing_required_field_deep_in_a_list_names_the_operation_status_and_path(
    api: WebBackendApi, server: ScriptedServer
) -> None:
    items = [connection_list_item(), connection_list_item(), connection_list_item()]
    del items[2]["sourceActorDefinitionVersion"]["dockerImageTag"]
    body = json.dumps({"connections": items})
    server.always(LIST, Reply(body=body))

    with pytest.raises(InvalidResponseError) as raised:
        api.web_backend_list_connections_for_workspace({"workspaceId": WORKSPACE_ID})

    error = raised.value
    assert "connections.2.sourceActorDefinitionVersion.dockerImageTag: Field required" in error.problem
    assert (error.operation, error.status, error.body) == ("web_backend_list_connections_for_workspace", 200, body)
    message = str(error)
    assert "web_backend_list_connections_for_workspace" in message and "HTTP status: 200" in message
    assert "connections.2.sourceActorDefinitionVersion.dockerImageTag" in message


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        (("isSyncing",), "yes", "isSyncing: Input should be a valid boolean"),
        (("name",), None, "name: Input should be a valid string"),
        (("syncCatalog", "streams", 1, "config", "selected"), "true", "syncCatalog.streams.1.config.selected"),
        (("sourceActorDefinitionVersion", "lastPublished"), "last tuesday", "sourceActorDefinitionVersion.lastPub"),
        (("scheduleData", "basicSchedule", "units"), 1.5, "scheduleData.basicSchedule.units"),
        (("status",), 7, "status: Input should be"),
    ],
)
def test_a_value_of_the_wrong_type_names_its_path(
    api: WebBackendApi, server: ScriptedServer, path: Tuple[Any, ...], value: Any, problem: str
) -> None:
    document = connection_read()
    parent: Any = document
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    server.always(GET, Reply(body=json.dumps(document)))

    with pytest.raises(InvalidResponseError) as raised:
        api.web_backend_get_connection({"connectionId": CONNECTION_ID})

    assert problem in raised.value.problem
    assert raised.value.status == 200 and raised.value.operation == "web_backend_get_connection"
    assert json.loads(raised.value.body or "") == document


def test_a_list_response_of_a_newer_server_is_not_an_error(api: WebBackendApi, server: ScriptedServer) -> None:
    item = connection_list_item()
    with_additions(item, models.WebBackendConnectionListItem)
    with_unknown_enum_values(item, models.WebBackendConnectionListItem)
    server.always(LIST, Reply(body=json.dumps({"connections": [item], "total": 1})))

    listed = api.web_backend_list_connections_for_workspace({"workspaceId": WORKSPACE_ID})

    assert isinstance(listed, WebBackendConnectionReadList)
    assert listed.model_extra == {"total": 1}
    assert_exact(listed.to_json(), {"connections": [item], "total": 1})
