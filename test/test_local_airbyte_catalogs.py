"""The catalog logic `LocalAirbyte` imitates, case by case: `CatalogDiffHelpers`' JSON schema traversal,
`CatalogConverter`'s field selection and mappers, `updateSchemaWithRefreshedDiscoveredCatalog`, Quartz cron
expressions and the pagination orders of 2025. Pure functions are called directly; what needs the server goes
through it over a socket."""

from __future__ import annotations

import json
from typing import Any, Dict, Iterator, List, Optional
from uuid import UUID

import pytest
from local_airbyte_helpers import (
    CREATE,
    LIST,
    as_the_web_app_creates,
    client_for,
    create,
    orders_stream,
    post_json,
    shop,
)

from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.job_status import JobStatus
from openapi_client.testing import LocalAirbyte
from openapi_client.testing.catalog_converter import ConfiguredStream, configured_catalog, merge, to_configured
from openapi_client.testing.catalog_diff import catalog_diff
from openapi_client.testing.cron import cron_problem, time_zone_exists
from openapi_client.testing.errors import BadObjectSchema, ServerCrash

Json = Dict[str, Any]


def stream(name: str, properties: Json, **parts: Any) -> Json:
    return {"name": name, "jsonSchema": {"type": "object", "properties": properties}, **parts}


def entry(stream_json: Json, **config: Any) -> Json:
    base = {"syncMode": "full_refresh", "destinationSyncMode": "overwrite", "selected": True}
    return {"stream": stream_json, "config": {**base, **config}}


def field_changes(old_properties: Json, new_properties: Json, **config: Any) -> Dict[Any, Any]:
    old = {"streams": [entry(stream("s", old_properties), **config)]}
    new = {"streams": [entry(stream("s", new_properties), **config)]}
    transforms = catalog_diff(old, new, to_configured(old))["transforms"]
    if not transforms:
        return {}
    return {(f["transformType"], tuple(f["fieldName"])): f for f in transforms[0]["updateStream"]["fieldTransforms"]}


# -- CatalogDiffHelpers: what a field is ----------------------------------------------------------------------


def test_array_items_are_fields_named_items() -> None:
    old = {"tags": {"type": "array", "items": {"type": "string"}}}
    new = {"tags": {"type": "array", "items": {"type": "integer"}}}
    assert set(field_changes(old, new)) == {
        ("update_field_schema", ("tags",)),
        ("update_field_schema", ("tags", "items")),
    }


def test_the_children_of_a_one_of_are_not_fields_and_neither_is_a_name_it_prefixes() -> None:
    """`filterChildrenOfFoneOneOf` compares joined names as strings: `username` counts as a child of `user`."""
    one_of = {"oneOf": [{"type": "object", "properties": {"id": {"type": "string"}}}, {"type": "string"}]}
    changes = field_changes(
        {"user": one_of}, {"user": one_of, "username": {"type": "string"}, "email": {"type": "string"}}
    )
    assert set(changes) == {("add_field", ("email",))}


@pytest.mark.parametrize("keyword", ["oneOf", "allOf", "anyOf"])
def test_variants_of_a_typed_composite_share_their_parents_path(keyword: str) -> None:
    """`traverseJsonSchema` walks `oneOf`, `allOf` and `anyOf` variants at the same path: a field both define is
    duplicated."""
    variant = {"type": "object", "properties": {"a": {"type": "string"}}}
    schema_old = {"type": "object", keyword: [variant, variant]}
    old = {"streams": [entry({"name": "s", "jsonSchema": {"type": "object", "properties": {}}})]}
    new = {"streams": [entry({"name": "s", "jsonSchema": schema_old})]}
    [transform] = catalog_diff(old, new, to_configured(old))["transforms"]
    added = {tuple(f["fieldName"]): f["addField"]["schema"] for f in transform["updateStream"]["fieldTransforms"]}
    # The variants themselves sit at the root's path, which only the root's first node is skipped at.
    assert added == {(): "Duplicated Schema", ("a",): "Duplicated Schema"}  # CatalogDiffHelpers.DUPLICATED_SCHEMA


def test_an_enum_is_a_string_and_an_untyped_node_one_of_like() -> None:
    """`getType` makes an enum a string; a node without any key containing `type` is `oneOf`-like, so the
    traversal walks into its properties but its children are filtered out."""
    old = {"kind": {"enum": ["a", "b"]}, "blob": {"properties": {"x": {"type": "string"}}}}
    new = {"kind": {"enum": ["a"]}, "blob": {"properties": {"x": {"type": "integer"}}}}
    assert set(field_changes(old, new)) == {("update_field_schema", ("kind",)), ("update_field_schema", ("blob",))}


def test_an_untyped_enum_is_a_string_even_when_it_has_properties() -> None:
    """`getTypeOrObject`: without `type`, a node with `enum` is a string, so its properties are not walked; a key
    that merely contains "type" (`airbyte_type`) keeps it from being `oneOf`-like, whose children would be
    filtered anyway."""
    kind: Json = {"enum": ["a"], "airbyte_type": "x", "properties": {"code": {"type": "string"}}}
    changed = {**kind, "properties": {"code": {"type": "integer"}}}
    assert set(field_changes({"kind": kind}, {"kind": changed})) == {("update_field_schema", ("kind",))}
    untyped = {k: v for k, v in kind.items() if k != "enum"}  # an object: its properties are fields
    untyped_changed = {k: v for k, v in changed.items() if k != "enum"}
    assert set(field_changes({"kind": untyped}, {"kind": untyped_changed})) == {
        ("update_field_schema", ("kind",)),
        ("update_field_schema", ("kind", "code")),
    }


def test_transforms_are_ordered_by_namespace_then_name_a_stream_without_namespace_first() -> None:
    new = {"streams": [entry(stream("b", {})), entry(stream("a", {}, namespace="z")), entry(stream("c", {}))]}
    transforms = catalog_diff({"streams": []}, new, [])["transforms"]
    assert [t["streamDescriptor"] for t in transforms] == [
        {"name": "b"},
        {"name": "c"},
        {"name": "a", "namespace": "z"},
    ]


def test_a_schema_node_that_is_not_an_object_fails_as_airbyte_does() -> None:
    with pytest.raises(ServerCrash, match="json schema nodes should always be object nodes"):
        field_changes({"a": {"type": "string"}}, {"a": True})


def test_a_removed_primary_key_part_breaks_only_deduplication_and_a_removed_key_nothing() -> None:
    properties = {"id": {"type": "string"}, "at": {"type": "string"}}
    dedup = {
        "destinationSyncMode": "append_dedup",
        "primaryKey": [["id"]],
        "syncMode": "incremental",
        "cursorField": ["at"],
    }
    assert field_changes(properties, {"at": {"type": "string"}}, **dedup)["remove_field", ("id",)]["breaking"] is True
    old = {"streams": [entry(stream("s", properties, sourceDefinedPrimaryKey=[["id"]]), **dedup)]}
    new = {"streams": [entry(stream("s", properties, sourceDefinedPrimaryKey=[]), **dedup)]}
    [transform] = catalog_diff(old, new, to_configured(old))["transforms"]
    assert transform["updateStream"]["streamAttributeTransforms"][0]["breaking"] is False


# -- CatalogConverter: field selection and mappers -----------------------------------------------------------


@pytest.mark.parametrize(
    "config, problem",
    [
        ({"fieldSelectionEnabled": True, "selectedFields": None}, "no selected fields provided"),
        ({"fieldSelectionEnabled": True, "selectedFields": [{"fieldPath": []}]}, "Selected field path cannot be empty"),
        (
            {"fieldSelectionEnabled": True, "selectedFields": [{"fieldPath": ["a"]}],
             "destinationSyncMode": "append_dedup", "primaryKey": [["id"]]},
            "Primary key field cannot be de-selected in DEDUP mode",
        ),
    ],
)  # fmt: skip
def test_field_selection_problems_are_json_validation_exceptions(config: Json, problem: str) -> None:
    with pytest.raises(BadObjectSchema, match=problem):
        to_configured({"streams": [entry(stream("s", {"a": {}, "id": {}}), **config)]})


def test_field_selection_needs_properties_and_a_stream() -> None:
    no_properties = {"name": "s", "jsonSchema": {"type": "object"}}
    with pytest.raises(BadObjectSchema, match="no properties node found"):
        to_configured({"streams": [entry(no_properties, fieldSelectionEnabled=True, selectedFields=[])]})
    with pytest.raises(ServerCrash, match="getStream"):
        to_configured(
            {"streams": [{"config": {"selected": True, "syncMode": "full_refresh", "destinationSyncMode": "append"}}]}
        )
    with pytest.raises(ServerCrash, match="getConfig"):
        to_configured({"streams": [{"stream": stream("s", {})}]})


def test_hashed_fields_become_hashing_mappers_and_read_back() -> None:
    [stored] = to_configured({"streams": [entry(stream("s", {"email": {}}), hashedFields=[{"fieldPath": ["email"]}])]})
    assert stored.mappers == [
        {
            "type": "hashing",
            "mapperConfiguration": {"targetField": "email", "method": "SHA-256", "fieldNameSuffix": "_hashed"},
        }
    ]
    mapper = {"type": "field-renaming", "mapperConfiguration": {"originalFieldName": "a", "newFieldName": "b"}}
    [renamed] = to_configured({"streams": [entry(stream("s", {"a": {}}), mappers=[mapper])]})
    [read] = configured_catalog([stored, renamed], {})["streams"][:1]
    assert read["config"]["hashedFields"] == [{"fieldPath": ["email"]}]
    assert renamed.mappers == [mapper]


def test_a_merge_keeps_hashed_fields_still_in_the_schema() -> None:
    hashing = [{"type": "hashing", "mapperConfiguration": {"targetField": f}} for f in ("email", "phone")]
    kept = ConfiguredStream(stream("s", {"email": {}, "phone": {}}), "full_refresh", "overwrite", mappers=hashing)
    configured = configured_catalog([kept], {})
    discovered = {"streams": [entry(stream("s", {"email": {}}, supportedSyncModes=["full_refresh"]))]}
    [merged] = merge(configured, configured, discovered)["streams"]
    assert merged["config"]["hashedFields"] == [{"fieldPath": ["email"]}]


def test_a_merge_with_field_selection_needs_the_original_stream() -> None:
    """`updateSchemaWithRefreshedDiscoveredCatalog` dereferences the original discovered stream: a null there."""
    kept = ConfiguredStream(stream("s", {"a": {}}), "full_refresh", "overwrite")
    configured = configured_catalog([kept], {"null/s": True})
    discovered = {"streams": [entry(stream("s", {"a": {}, "b": {}}, supportedSyncModes=["full_refresh"]))]}
    with pytest.raises(ServerCrash):
        merge(configured, {"streams": []}, discovered)


# -- Quartz and Joda --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "expression",
    ["0 0 12 * * ?", "0 15 10 ? * MON-FRI", "0 0/5 14,18 * * ?", "0 15 10 L * ?", "0 15 10 ? * 6L",
     "0 15 10 ? * 6#3", "0 0 12 1W * ?", "0 0 0 LW * ?", "0 0 0 L-3 * ?", "0 15 10 ? JAN-MAR SUN 2030",
     "*/10 * * ? * *", "0 0 12 ? * 2/2"],
)  # fmt: skip
def test_quartz_expressions_airbyte_accepts(expression: str) -> None:
    assert cron_problem(expression) is None


@pytest.mark.parametrize(
    "expression",
    ["0 0 12 * *", "0 0 12 * * MON", "0 0 12 ? * ?", "0 60 * * * ?", "0 0 24 * * ?", "0 0 12 32 * ?", "0 0 12 ? * 8",
     "0 0 12 ? FOO *", "0/0 * * * * ?", "0/61 * * * * ?", "0 0 12 ? * MON#6", "0 0 12 ? * * 1969", "? 0 12 * * ?",
     "0 0 12 40W * ?", "0 0 12 1-x * ?", "0 0 12 -1 * ?"],
)  # fmt: skip
def test_quartz_expressions_airbyte_refuses(expression: str) -> None:
    assert cron_problem(expression) is not None


@pytest.mark.parametrize(
    "zone, known",
    [("UTC", True), ("Europe/Paris", True), ("+05:30", True), ("-23:59", True), ("+24:00", False),
     ("Mars/Olympus", False), ("europe/paris", False), ("+0530", True), ("+05", True), ("+05:30:15.250", True),
     ("+5", False), ("+05:60", False), ("+05:3", False)],
)  # fmt: skip
def test_time_zones_joda_knows(zone: str, known: bool) -> None:
    assert time_zone_exists(zone) is known


# -- schedules and workspaces through the server -------------------------------------------------------------


@pytest.fixture
def airbyte() -> Iterator[LocalAirbyte]:
    with LocalAirbyte(seed=False) as local:
        yield local


def create_raw(airbyte: LocalAirbyte, **document: Any) -> Any:
    ids = shop(airbyte)
    body = {"sourceId": str(ids["source_id"]), "destinationId": str(ids["destination_id"]), "status": "inactive"}
    return post_json(airbyte, CREATE, {**body, **document})


def test_schedules_of_create_that_airbyte_refuses_or_converts(airbyte: LocalAirbyte) -> None:
    legacy = json.loads(create_raw(airbyte, schedule={"timeUnit": "weeks", "units": 2}).data)
    assert (legacy["scheduleType"], legacy["scheduleData"], legacy["schedule"]) == (
        "basic",
        {"basicSchedule": {"timeUnit": "weeks", "units": 2}},
        {"timeUnit": "weeks", "units": 2},
    )
    basic_without = create_raw(airbyte, scheduleType="basic", scheduleData={})
    assert basic_without.status == 422 and "scheduleData.basic must be populated" in basic_without.data.decode()
    no_cron = create_raw(airbyte, scheduleType="cron", scheduleData={})
    assert (no_cron.status, json.loads(no_cron.data)["type"]) == (400, "error:cron-validation/missing-cron-data")
    # A cron without its time zone never reaches Airbyte's check: bean validation refuses it first.
    no_zone = create_raw(airbyte, scheduleType="cron", scheduleData={"cron": {"cronExpression": "0 0 12 * * ?"}})
    [violation] = json.loads(no_zone.data)["validationErrors"]
    assert violation["propertyPath"].endswith("scheduleData.cron.cronTimeZone")


def test_operations_of_an_unknown_workspace_are_404(airbyte: LocalAirbyte) -> None:
    operation = {
        "workspaceId": str(UUID(int=9)),
        "name": "x",
        "operatorConfiguration": {"operatorType": "normalization"},
    }
    response = create_raw(airbyte, operations=[operation])
    assert response.status == 404 and "WORKSPACE: 00000000-0000-0000-0000-000000000009" in response.data.decode()


def test_a_deleted_connection_refreshed_says_nothing_of_its_status(airbyte: LocalAirbyte) -> None:
    """The discovery judges only the source's connections that are not deleted (`listConnectionsForSource`), so
    the refresh leaves the deleted one's status null: the answer has none."""
    with client_for(airbyte) as web:
        ids = shop(airbyte)
        connection = create(web, **ids, **as_the_web_app_creates(airbyte, ids["source_id"]))
    airbyte.delete_connection(connection.connection_id)
    response = post_json(airbyte, "/v1/web_backend/connections/get",
                         {"connectionId": str(connection.connection_id), "withRefreshedCatalog": True})  # fmt: skip
    read = json.loads(response.data)
    assert response.status == 200 and "status" not in read and "catalogDiff" not in read


# -- 2025-07 pagination orders ------------------------------------------------------------------------------------


@pytest.fixture
def paginating() -> Iterator[LocalAirbyte]:
    with LocalAirbyte(seed=False, server_version="2025-07") as local:
        yield local


def ids_in(local: LocalAirbyte, **request: Any) -> List[str]:
    response = post_json(local, LIST, {"workspaceId": str(local.workspace_id), **request})
    assert response.status == 200, response.data
    return [item["connectionId"] for item in json.loads(response.data)["connections"]]


def make(
    local: LocalAirbyte,
    source: str,
    destination: str,
    synced_at: Optional[int],
    status: JobStatus = JobStatus.SUCCEEDED,
) -> str:
    with client_for(local) as web:
        ids = {
            "source_id": local.add_source(source, [orders_stream()]),
            "destination_id": local.add_destination(destination),
        }
        connection = create(web, ConnectionStatus.ACTIVE, **ids)
    if synced_at is not None:
        local.record_sync(connection.connection_id, status, at=synced_at)
    return str(connection.connection_id)


def test_2025_sorts_by_source_destination_and_last_sync_with_cursors(paginating: LocalAirbyte) -> None:
    a = make(paginating, "alpha", "Zulu", 300)
    b = make(paginating, "Bravo", "yankee", None)
    c = make(paginating, "charlie", "X-ray", 100, JobStatus.FAILED)
    d = make(paginating, "delta", "whiskey", 200)
    assert ids_in(paginating, sortKey="sourceName_asc") == [a, b, c, d]
    assert ids_in(paginating, sortKey="destinationName_asc") == [d, c, b, a]
    assert ids_in(paginating, sortKey="sourceName_desc", cursor=c) == [b, a]
    assert ids_in(paginating, sortKey="lastSync_asc") == [b, c, d, a]
    assert ids_in(paginating, sortKey="lastSync_asc", cursor=c) == [d, a]
    assert ids_in(paginating, sortKey="lastSync_desc") == [a, d, c, b]
    # Older syncs, then (Airbyte's condition) connections that never synced and have a smaller id.
    assert ids_in(paginating, sortKey="lastSync_desc", cursor=d) == [c] + ([b] if b < d else [])
    assert ids_in(paginating, sortKey="lastSync_desc", cursor=b) == []
    after_never = ids_in(paginating, sortKey="lastSync_asc", cursor=b)
    assert sorted(after_never) == sorted(i for i in (a, c, d) if i > b)
    assert ids_in(paginating, filters={"statuses": ["failed"]}) == [c]
    assert set(ids_in(paginating, filters={"statuses": ["healthy"]})) == {a, b, d}
    alpha = paginating.source(paginating.connection(UUID(a)).source_id).definition.definition_id
    assert ids_in(paginating, filters={"sourceDefinitionIds": [str(alpha)]}) == [a]
    zulu = paginating.destination(paginating.connection(UUID(a)).destination_id).definition.definition_id
    assert ids_in(paginating, filters={"destinationDefinitionIds": [str(zulu)]}) == [a]
