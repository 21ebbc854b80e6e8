"""Exact round trips: what a server sends is written back as the same JSON document, to the last date-time
digit, large integer and unicode character; and bodies hold exactly the fields that were set, null included."""

from __future__ import annotations

import copy
import json
import pickle
from datetime import date, datetime, timedelta, timezone
from typing import Any, Dict
from uuid import UUID

import pytest
from samples import CONNECTION_ID, connection_read, definition_version
from scripted_server import Reply, ScriptedServer
from spec_strategies import INT64_EDGES, first_difference, same_json

from openapi_client import WebBackendApi
from openapi_client.models.actor_definition_breaking_change import ActorDefinitionBreakingChange
from openapi_client.models.actor_definition_version_read import ActorDefinitionVersionRead
from openapi_client.models.base import ReceivedDateTime
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate
from openapi_client.models.web_backend_operation_create_or_update import WebBackendOperationCreateOrUpdate

GET = "/v1/web_backend/connections/get"
UPDATE = "/v1/web_backend/connections/update"


def assert_round_trips(model: Any, document: Dict[str, Any]) -> Any:
    parsed = model.from_json(json.dumps(document))
    back = json.loads(parsed.to_json())
    assert same_json(back, document), first_difference(back, document)
    assert model.from_dict(parsed.to_dict()) == parsed
    return parsed


def published(text: str) -> Dict[str, Any]:
    return {**definition_version(), "lastPublished": text}


# -- date-times and dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2024-05-01T10:00:00Z", datetime(2024, 5, 1, 10, tzinfo=timezone.utc)),
        ("2024-05-01T10:00:00.000Z", datetime(2024, 5, 1, 10, tzinfo=timezone.utc)),
        ("2024-05-01T10:00:00.120Z", datetime(2024, 5, 1, 10, 0, 0, 120000, tzinfo=timezone.utc)),
        ("2024-05-01T10:00:00.123456789Z", datetime(2024, 5, 1, 10, 0, 0, 123456, tzinfo=timezone.utc)),
        ("2024-05-01t10:00:00z", datetime(2024, 5, 1, 10, tzinfo=timezone.utc)),
        ("2024-05-01T10:00:00-00:00", datetime(2024, 5, 1, 10, tzinfo=timezone.utc)),
        ("2024-05-01T10:00:00.000+0000", datetime(2024, 5, 1, 10, tzinfo=timezone.utc)),
        ("2024-05-01T15:30:00+05:30", datetime(2024, 5, 1, 10, tzinfo=timezone.utc)),
        ("2024-05-01T00:00:00.5-09:00", datetime(2024, 5, 1, 9, 0, 0, 500000, tzinfo=timezone.utc)),
        ("0001-01-01T00:00:00Z", datetime(1, 1, 1, tzinfo=timezone.utc)),
        ("9999-12-31T23:59:59.999999Z", datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=timezone.utc)),
    ],
)
def test_date_times_are_written_back_as_the_server_wrote_them(text: str, moment: datetime) -> None:
    parsed = assert_round_trips(ActorDefinitionVersionRead, published(text))
    assert parsed.last_published == moment
    assert isinstance(parsed.last_published, datetime)


def test_a_date_time_without_offset_round_trips_and_stays_naive() -> None:
    parsed = assert_round_trips(ActorDefinitionVersionRead, published("2024-05-01T10:00:00.000"))
    assert parsed.last_published == datetime(2024, 5, 1, 10)


def test_a_changed_date_time_is_written_in_the_usual_form() -> None:
    parsed = ActorDefinitionVersionRead.from_json(json.dumps(published("2024-05-01T10:00:00.000Z")))
    assert parsed.last_published is not None

    parsed.last_published = parsed.last_published + timedelta(hours=1)
    assert json.loads(parsed.to_json())["lastPublished"] == "2024-05-01T11:00:00Z"
    parsed.last_published = datetime(2024, 6, 1, tzinfo=timezone(timedelta(hours=2)))
    assert json.loads(parsed.to_json())["lastPublished"] == "2024-06-01T00:00:00+02:00"
    # What the caller writes is not kept as text: it is checked and written the usual way.
    parsed.last_published = "2024-05-01T10:00:00.000Z"  # type: ignore[assignment]
    assert json.loads(parsed.to_json())["lastPublished"] == "2024-05-01T10:00:00Z"


def test_received_date_times_survive_copies_and_pickling() -> None:
    parsed = ActorDefinitionVersionRead.from_json(json.dumps(published("2024-05-01T10:00:00.000+0000")))
    for copied in (
        copy.deepcopy(parsed),
        parsed.model_copy(deep=True),
        pickle.loads(pickle.dumps(parsed)),
        ActorDefinitionVersionRead.from_dict(parsed.to_dict()),
    ):
        assert copied == parsed
        assert json.loads(copied.to_json())["lastPublished"] == "2024-05-01T10:00:00.000+0000"
    moment = parsed.last_published
    assert isinstance(moment, ReceivedDateTime)
    assert pickle.loads(pickle.dumps(moment.replace(hour=1))) == moment.replace(hour=1)


def test_the_request_serializer_writes_received_date_times_unchanged(
    api: WebBackendApi, server: ScriptedServer
) -> None:
    """What `ApiClient` does to a request body, done to a model read from a server: no request has a date-time."""
    document = {**connection_read(), "sourceActorDefinitionVersion": published("2024-05-01T10:00:00.000Z")}
    server.always(GET, Reply(body=json.dumps(document)))
    read = api.web_backend_get_connection({"connectionId": CONNECTION_ID})
    version = read.source_actor_definition_version
    assert (
        json.loads(version.__pydantic_serializer__.to_json(version, by_alias=True, exclude_unset=True))
        == (document["sourceActorDefinitionVersion"])
    )


def test_a_large_response_round_trips_exactly(api: WebBackendApi, server: ScriptedServer) -> None:
    """Large bodies may be read another way than small ones (first into Python values): just as exactly."""
    document = connection_read()
    streams = [copy.deepcopy(document["syncCatalog"]["streams"][0]) for _ in range(400)]
    for index, stream in enumerate(streams):
        stream["stream"]["name"] = f"table_{index}_é"
        stream["stream"]["jsonSchema"]["properties"]["amount"] = {"type": "number", "maximum": 1.0, "n": 2**64}
        stream["config"].update(syncMode=f"newer_mode_{index % 3}", generationId=2**63 - index, newerField=[index])
    document["syncCatalog"]["streams"] = streams
    document["sourceActorDefinitionVersion"] = published("2024-05-01T10:00:00.000+0000")
    document["destinationActorDefinitionVersion"] = published("2024-05-01t10:00:00.1z")
    body = json.dumps(document)
    assert len(body) > 128 * 1024
    server.always(GET, Reply(body=body))

    read = api.web_backend_get_connection({"connectionId": CONNECTION_ID})

    back = json.loads(read.to_json())
    assert same_json(back, document), first_difference(back, document)
    config = read.sync_catalog.streams[5].config
    assert config is not None and config.sync_mode.is_unknown and config.model_extra == {"newerField": [5]}


@pytest.mark.parametrize("text", ["0001-01-01", "2024-02-29", "9999-12-31"])
def test_dates_round_trip(text: str) -> None:
    document = {"version": "2", "message": "m", "upgradeDeadline": text, "migrationDocumentationUrl": "u"}
    parsed = assert_round_trips(ActorDefinitionBreakingChange, document)
    assert parsed.upgrade_deadline == date.fromisoformat(text)


# -- numbers, text and free-form JSON --------------------------------------------------------------------------


@pytest.mark.parametrize("value", INT64_EDGES)
def test_int64_values_round_trip_exactly(value: int) -> None:
    document = connection_read()
    document.update(createdAt=value, latestSyncJobCreatedAt=value, schedule={"units": value, "timeUnit": "days"})
    document["syncCatalog"]["streams"][0]["config"].update(generationId=value, minimumGenerationId=value, syncId=value)
    parsed = assert_round_trips(WebBackendConnectionRead, document)
    assert parsed.created_at == value and type(parsed.created_at) is int
    assert parsed.sync_catalog.streams[0].config is not None
    assert parsed.sync_catalog.streams[0].config.sync_id == value


def test_unicode_round_trips_whether_escaped_or_not() -> None:
    name = 'Données → 倉庫 🚀 \u05e9\u05dc\u05d5\u05dd e\u0301 \u0000 \t "quoted" \\ \U0010ffff'
    document = {**connection_read(), "name": name, "prefix": "préfixe_"}
    for text in (json.dumps(document), json.dumps(document, ensure_ascii=False)):
        parsed = WebBackendConnectionRead.from_json(text.encode("utf-8"))
        assert parsed.name == name
        assert same_json(json.loads(parsed.to_json()), document)


def test_free_form_json_round_trips_exactly() -> None:
    configuration = {
        "host": "db.internal",
        "port": 5432,
        "ratio": 1.0,
        "tiny": 5e-324,
        "huge": 1.7976931348623157e308,
        "negative_zero": -0.0,
        "tenth": 0.1,
        "big": 2**70,
        "nothing": None,
        "flags": [True, False, None],
        "nested": {"list": [[], {}, [{"deep": {"deeper": ["x", 1, 2.5]}}]], "": "empty key"},
        "unicode key ключ": "значение",
    }
    document = connection_read()
    document["source"]["connectionConfiguration"] = configuration
    document["syncCatalog"]["streams"][0]["stream"]["jsonSchema"] = {"type": "object", "properties": {}}
    parsed = assert_round_trips(WebBackendConnectionRead, document)
    assert parsed.source.connection_configuration == configuration
    assert type(parsed.source.connection_configuration["ratio"]) is float


def test_empty_lists_and_objects_are_kept() -> None:
    document = connection_read()
    document.update(syncCatalog={"streams": []}, operationIds=[], operations=[])
    document["source"]["connectionConfiguration"] = {}
    parsed = assert_round_trips(WebBackendConnectionRead, document)
    assert parsed.sync_catalog.streams == [] and parsed.operations == []


def test_uuids_are_read_in_any_case_and_written_in_canonical_lowercase() -> None:
    """RFC 4122 writes UUIDs in lowercase and reads them in any case; the value is what round-trips."""
    document = {**connection_read(), "connectionId": CONNECTION_ID.upper()}
    parsed = WebBackendConnectionRead.from_json(json.dumps(document))
    assert parsed.connection_id == UUID(CONNECTION_ID)
    assert json.loads(parsed.to_json())["connectionId"] == CONNECTION_ID


# -- unset and null --------------------------------------------------------------------------------------------


def test_a_request_body_holds_exactly_the_fields_that_were_set(api: WebBackendApi, server: ScriptedServer) -> None:
    server.always(UPDATE, Reply(body=json.dumps(connection_read())))

    api.web_backend_update_connection(WebBackendConnectionUpdate(connection_id=CONNECTION_ID))
    update = WebBackendConnectionUpdate(connection_id=CONNECTION_ID, operations=None, namespace_format=None)
    api.web_backend_update_connection(update)
    update.name = None
    update.prefix = ""
    api.web_backend_update_connection(update)
    api.web_backend_update_connection({"connectionId": CONNECTION_ID, "operations": None, "skipReset": False})

    bodies = [request.json() for request in server.received]
    assert bodies == [
        {"connectionId": CONNECTION_ID},
        {"connectionId": CONNECTION_ID, "operations": None, "namespaceFormat": None},
        {"connectionId": CONNECTION_ID, "operations": None, "namespaceFormat": None, "name": None, "prefix": ""},
        {"connectionId": CONNECTION_ID, "operations": None, "skipReset": False},
    ]


def test_absent_and_null_stay_apart_in_parsed_models() -> None:
    absent = WebBackendConnectionRead.from_dict(connection_read())
    null = WebBackendConnectionRead.from_dict({**connection_read(), "namespaceFormat": None, "schedule": None})
    assert absent is not None and null is not None
    assert absent.namespace_format is None and null.namespace_format is None
    assert "namespaceFormat" not in absent.to_dict() and "namespaceFormat" not in json.loads(absent.to_json())
    assert null.to_dict()["namespaceFormat"] is None and null.to_dict()["schedule"] is None
    assert {"namespace_format", "schedule"} <= null.model_fields_set
    assert not {"namespace_format", "schedule"} & absent.model_fields_set


def test_a_null_namespace_format_from_a_server_goes_back_as_null(api: WebBackendApi, server: ScriptedServer) -> None:
    """The spec gives namespaceFormat `default: null` but no `nullable`; servers do send null there."""
    document = {**connection_read(), "namespaceFormat": None}
    server.always(GET, Reply(body=json.dumps(document)))
    server.always(UPDATE, Reply(body=json.dumps(document)))

    read = api.web_backend_get_connection({"connectionId": CONNECTION_ID})
    assert_round_trips(WebBackendConnectionRead, document)
    operations = [WebBackendOperationCreateOrUpdate.from_dict(op.to_dict()) for op in read.operations or []]
    update = WebBackendConnectionUpdate(
        connection_id=read.connection_id, namespace_format=read.namespace_format, operations=operations
    )
    api.web_backend_update_connection(update)

    sent = server.received[-1].json()
    assert sent == {
        "connectionId": CONNECTION_ID,
        "namespaceFormat": None,
        "operations": document["operations"],
    }
