"""`openapi_client.testing.LocalAirbyte`: the semantics of each operation, over real sockets, through the client.

What is checked row by row against Airbyte's source is in test_local_airbyte_fidelity.py; this module walks the
operations as a user's tests would.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path
from typing import Any, Dict, Iterator
from uuid import UUID

import pytest
from local_airbyte_helpers import (
    as_the_web_app_creates,
    client_for,
    create,
    get,
    listed,
    orders_stream,
    post_json,
    shop,
    streams_by_name,
)

from openapi_client import WebBackendApi
from openapi_client.models.airbyte_catalog import AirbyteCatalog
from openapi_client.models.connection_id_request_body import ConnectionIdRequestBody
from openapi_client.models.connection_state_type import ConnectionStateType
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.destination_sync_mode import DestinationSyncMode
from openapi_client.models.job_status import JobStatus
from openapi_client.models.operation_create import OperationCreate
from openapi_client.models.operator_configuration import OperatorConfiguration
from openapi_client.models.operator_type import OperatorType
from openapi_client.models.schema_change import SchemaChange
from openapi_client.models.sync_mode import SyncMode
from openapi_client.models.web_backend_check_updates_read import WebBackendCheckUpdatesRead
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
from openapi_client.models.web_backend_connection_read_list import WebBackendConnectionReadList
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate
from openapi_client.models.web_backend_operation_create_or_update import WebBackendOperationCreateOrUpdate
from openapi_client.models.web_backend_workspace_state import WebBackendWorkspaceState
from openapi_client.models.web_backend_workspace_state_result import WebBackendWorkspaceStateResult
from openapi_client.testing import LocalAirbyte, airbyte_stream
from openapi_client.testing.errors import IdNotFound

# -- fixtures ----------------------------------------------------------------------------------------------


@pytest.fixture
def airbyte() -> Iterator[LocalAirbyte]:
    with LocalAirbyte() as local:
        yield local


@pytest.fixture
def empty() -> Iterator[LocalAirbyte]:
    with LocalAirbyte(seed=False) as local:
        yield local


@pytest.fixture
def web(airbyte: LocalAirbyte) -> Iterator[WebBackendApi]:
    with client_for(airbyte) as api:
        yield api


@pytest.fixture
def web_empty(empty: LocalAirbyte) -> Iterator[WebBackendApi]:
    with client_for(empty) as api:
        yield api


def state_type(web: WebBackendApi, connection_id: UUID) -> ConnectionStateType:
    return web.get_state_type(ConnectionIdRequestBody(connection_id=connection_id))


def workspace_state(web: WebBackendApi, workspace_id: UUID) -> WebBackendWorkspaceStateResult:
    return web.web_backend_get_workspace_state(WebBackendWorkspaceState(workspace_id=workspace_id))


def by_name(web: WebBackendApi, workspace_id: UUID) -> Dict[str, Any]:
    return {item.name: item for item in listed(web, workspace_id)}


# -- the seeded workspace ----------------------------------------------------------------------------------


def test_the_seeded_workspace_has_believable_connections(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    connections = by_name(web, airbyte.workspace_id)
    assert sorted(connections) == ["Postgres to BigQuery", "Stripe to Snowflake"]
    postgres, stripe = connections["Postgres to BigQuery"], connections["Stripe to Snowflake"]
    assert (postgres.source.source_name, postgres.destination.destination_name) == ("Postgres", "BigQuery")
    assert postgres.source_actor_definition_version.docker_repository == "airbyte/source-postgres"
    assert postgres.status == ConnectionStatus.ACTIVE and postgres.latest_sync_job_status == JobStatus.SUCCEEDED
    assert postgres.schema_change == SchemaChange.NO_CHANGE
    # Stripe's schema grew a field after its connection's catalog was saved, and Airbyte discovered it.
    assert stripe.schema_change == SchemaChange.NON_BREAKING
    assert stripe.schedule_data.cron.cron_expression == "0 0 6 * * ?"
    assert stripe.latest_sync_job_status == JobStatus.FAILED

    read = get(web, postgres.connection_id)
    assert len(read.sync_catalog.streams) == 3 and read.operations[0].name == "dbt Cloud: build marts"
    assert read.source.connection_configuration["password"] == "**********"
    streams = streams_by_name(read)
    assert streams["users"].config.cursor_field == ["updated_at"]
    assert streams["users"].config.destination_sync_mode == DestinationSyncMode.APPEND_DEDUP
    assert streams["order_items"].config.sync_mode == SyncMode.FULL_REFRESH
    assert streams["order_items"].stream.source_defined_primary_key == [["order_id"], ["line_number"]]
    assert read.catalog_id is not None and read.namespace_definition.value == "source"
    assert state_type(web, postgres.connection_id) == ConnectionStateType.STREAM


def test_answers_are_valid_per_the_spec_read_strictly(airbyte: LocalAirbyte) -> None:
    """Every answer parses with the package's models without the leniency the client allows servers."""
    first = post_json(airbyte, "/v1/web_backend/connections/list", {"workspaceId": str(airbyte.workspace_id)})
    connection_id = json.loads(first.data)["connections"][1]["connectionId"]
    answers = [
        (first, WebBackendConnectionReadList),
        (post_json(airbyte, "/v1/web_backend/connections/get", {"connectionId": connection_id}), None),
        (
            post_json(
                airbyte,
                "/v1/web_backend/connections/get",
                {"connectionId": connection_id, "withRefreshedCatalog": True},
            ),
            None,
        ),
        (post_json(airbyte, "/v1/web_backend/check_updates", b""), WebBackendCheckUpdatesRead),
    ]
    for response, model in answers:
        assert response.status == 200
        (model or WebBackendConnectionRead).model_validate_json(response.data)
    state = post_json(airbyte, "/v1/web_backend/state/get_type", {"connectionId": connection_id})
    assert ConnectionStateType(json.loads(state.data)) in set(ConnectionStateType)


# -- list ----------------------------------------------------------------------------------------------------


def test_list_honours_the_source_and_destination_filters(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    postgres = airbyte.source_named("Production Postgres")
    snowflake = airbyte.destination_named("Snowflake")
    workspace = airbyte.workspace_id
    assert [c.name for c in listed(web, workspace, source_id=[postgres])] == ["Postgres to BigQuery"]
    assert [c.name for c in listed(web, workspace, destination_id=[snowflake])] == ["Stripe to Snowflake"]
    assert listed(web, workspace, source_id=[postgres], destination_id=[snowflake]) == []
    assert len(listed(web, workspace, source_id=[postgres, airbyte.source_named("Stripe")])) == 2
    assert len(listed(web, workspace, source_id=[])) == 2  # an empty filter is no filter


def test_list_leaves_out_deleted_connections_and_other_workspaces(
    empty: LocalAirbyte, web_empty: WebBackendApi
) -> None:
    kept = create(web_empty, name="kept", **shop(empty))
    deleted = create(web_empty, name="deleted", **shop(empty))
    other_workspace = empty.add_workspace()
    source = empty.add_source("Elsewhere", [orders_stream()], workspace_id=other_workspace)
    destination = empty.add_destination("Elsewhere", workspace_id=other_workspace)
    elsewhere = create(web_empty, name="elsewhere", source_id=source, destination_id=destination)

    web_empty.web_backend_update_connection(
        WebBackendConnectionUpdate(connection_id=deleted.connection_id, status=ConnectionStatus.DEPRECATED)
    )
    assert [c.connection_id for c in listed(web_empty, empty.workspace_id)] == [kept.connection_id]
    assert [c.connection_id for c in listed(web_empty, other_workspace)] == [elsewhere.connection_id]
    # Deleted is not gone: it can still be read.
    assert get(web_empty, deleted.connection_id).status == ConnectionStatus.DEPRECATED
    empty.delete_connection(kept.connection_id)
    assert listed(web_empty, empty.workspace_id) == []


# -- create --------------------------------------------------------------------------------------------------


def test_create_returns_the_full_connection_which_get_and_list_then_return(
    empty: LocalAirbyte, web_empty: WebBackendApi
) -> None:
    ids = shop(empty)
    created = create(web_empty, ConnectionStatus.INACTIVE, **ids, **as_the_web_app_creates(empty, ids["source_id"]))

    assert created.name == "Shop DB <> Lake"
    assert (created.source_id, created.destination_id) == (ids["source_id"], ids["destination_id"])
    assert created.source.name == "Shop DB" and created.destination.name == "Lake"
    assert created.source.workspace_id == empty.workspace_id
    config = streams_by_name(created)["orders"].config
    assert (config.sync_mode, config.destination_sync_mode) == (SyncMode.INCREMENTAL, DestinationSyncMode.APPEND_DEDUP)
    assert (config.selected, config.suggested, config.alias_name) == (True, False, "orders")
    assert created.schema_change == SchemaChange.NO_CHANGE and created.catalog_diff is None
    assert created.schedule_type.value == "manual" and created.geography.value == "auto"
    assert created.created_at is not None and created.is_syncing is False
    assert created.source_actor_definition_version.docker_image_tag == "1.0.0"

    assert get(web_empty, created.connection_id).to_dict() == created.to_dict()
    [item] = listed(web_empty, empty.workspace_id)
    assert (item.connection_id, item.source.name, item.destination.name) == (created.connection_id, "Shop DB", "Lake")


def test_create_keeps_the_settings_it_is_given(empty: LocalAirbyte, web_empty: WebBackendApi) -> None:
    ids = shop(empty, orders_stream(), airbyte_stream("refunds", {"id": "integer"}, primary_key=["id"]))
    created = create(
        web_empty,
        name="Shop to lake",
        namespace_definition="customformat",
        namespace_format="${SOURCE_NAMESPACE}_raw",
        prefix="shop_",
        geography="eu",
        schedule_type="cron",
        schedule_data={"cron": {"cronExpression": "0 0 * * * ?", "cronTimeZone": "Europe/Berlin"}},
        non_breaking_changes_preference="propagate_columns",
        notify_schema_changes=True,
        **ids,
        **as_the_web_app_creates(empty, ids["source_id"], "refunds"),
    )
    again = get(web_empty, created.connection_id)
    assert again.name == "Shop to lake" and again.prefix == "shop_" and again.geography.value == "eu"
    assert again.namespace_definition.value == "customformat" and again.namespace_format == "${SOURCE_NAMESPACE}_raw"
    assert again.schedule_type.value == "cron" and again.schedule_data.cron.cron_time_zone == "Europe/Berlin"
    assert again.non_breaking_changes_preference.value == "propagate_columns"
    assert again.notify_schema_changes is True
    assert [entry.config.selected for entry in again.sync_catalog.streams] == [True, False]


def test_create_makes_the_operations_it_is_given(empty: LocalAirbyte, web_empty: WebBackendApi) -> None:
    operation = OperationCreate(
        workspace_id=empty.workspace_id,
        name="normalize",
        operator_configuration=OperatorConfiguration(operator_type=OperatorType.NORMALIZATION),
    )
    created = create(web_empty, operations=[operation], **shop(empty))
    [made] = created.operations
    assert created.operation_ids == [made.operation_id] and made.name == "normalize"
    assert made.operator_configuration == operation.operator_configuration


def test_sources_and_destinations_are_active_while_an_active_connection_uses_them(
    empty: LocalAirbyte, web_empty: WebBackendApi
) -> None:
    created = create(web_empty, ConnectionStatus.INACTIVE, **shop(empty))
    assert created.source.status.value == "inactive" and created.destination.status.value == "inactive"
    update = WebBackendConnectionUpdate(connection_id=created.connection_id, status=ConnectionStatus.ACTIVE)
    updated = web_empty.web_backend_update_connection(update)
    assert updated.source.status.value == "active" and updated.destination.status.value == "active"


# -- update --------------------------------------------------------------------------------------------------


def test_update_changes_only_the_fields_it_carries(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    before = get(web, listed(web, airbyte.workspace_id)[0].connection_id)
    after = web.web_backend_update_connection(
        WebBackendConnectionUpdate(connection_id=before.connection_id, name="renamed", geography="eu")
    )
    assert (after.name, after.geography.value) == ("renamed", "eu")
    unchanged = {k: v for k, v in before.to_dict().items() if k not in {"name", "geography"}}
    assert {k: v for k, v in after.to_dict().items() if k not in {"name", "geography"}} == unchanged
    assert get(web, before.connection_id).to_dict() == after.to_dict()


def test_update_treats_an_explicit_null_as_absent(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    before = get(web, listed(web, airbyte.workspace_id)[0].connection_id)
    document = {"connectionId": str(before.connection_id), "name": None, "prefix": None, "syncCatalog": None}
    response = post_json(airbyte, "/v1/web_backend/connections/update", document)
    assert response.status == 200
    assert get(web, before.connection_id).to_dict() == before.to_dict()


def test_update_with_a_catalog_replaces_the_whole_catalog(empty: LocalAirbyte, web_empty: WebBackendApi) -> None:
    ids = shop(empty, orders_stream(), airbyte_stream("refunds", {"id": "integer"}, primary_key=["id"]))
    created = create(web_empty, **ids, sync_catalog=empty.source_catalog(ids["source_id"]))
    only_orders = AirbyteCatalog(streams=[created.sync_catalog.streams[0]])
    only_orders.streams[0].config.sync_mode = SyncMode.FULL_REFRESH
    only_orders.streams[0].config.destination_sync_mode = DestinationSyncMode.OVERWRITE

    updated = web_empty.web_backend_update_connection(
        WebBackendConnectionUpdate(connection_id=created.connection_id, sync_catalog=only_orders, skip_reset=True)
    )
    assert [entry.stream.name for entry in updated.sync_catalog.streams] == ["orders"]
    assert updated.sync_catalog.streams[0].config.sync_mode == SyncMode.FULL_REFRESH
    assert get(web_empty, created.connection_id).sync_catalog == only_orders


def test_update_creates_operations_without_an_id_and_updates_the_others(
    airbyte: LocalAirbyte, web: WebBackendApi
) -> None:
    before = get(web, airbyte.connection_named("Postgres to BigQuery"))
    [existing] = before.operations
    renamed = WebBackendOperationCreateOrUpdate(
        operation_id=existing.operation_id,
        workspace_id=airbyte.workspace_id,
        name="dbt Cloud: build everything",
        operator_configuration=existing.operator_configuration,
    )
    new = WebBackendOperationCreateOrUpdate(
        workspace_id=airbyte.workspace_id,
        name="normalize",
        operator_configuration=OperatorConfiguration(operator_type=OperatorType.NORMALIZATION),
    )
    updated = web.web_backend_update_connection(
        WebBackendConnectionUpdate(connection_id=before.connection_id, operations=[renamed, new])
    )
    assert updated.operation_ids[0] == existing.operation_id
    assert len(updated.operation_ids) == 2 and updated.operation_ids[1] not in before.operation_ids
    assert [o.name for o in updated.operations] == ["dbt Cloud: build everything", "normalize"]
    assert updated.operations[1].operation_id == updated.operation_ids[1]

    cleared = web.web_backend_update_connection(
        WebBackendConnectionUpdate(connection_id=before.connection_id, operations=[])
    )
    assert cleared.operation_ids == [] and cleared.operations == []
    assert existing.operation_id not in airbyte.operations


def test_update_changes_the_schedule_by_type_and_data(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    connection_id = airbyte.connection_named("Postgres to BigQuery")
    update = WebBackendConnectionUpdate
    manual = web.web_backend_update_connection(update(connection_id=connection_id, schedule_type="manual"))
    assert manual.schedule_type.value == "manual" and manual.schedule_data is None and manual.schedule is None

    hourly = {"basicSchedule": {"units": 2, "timeUnit": "hours"}}
    basic = web.web_backend_update_connection(
        update(connection_id=connection_id, schedule_type="basic", schedule_data=hourly)
    )
    assert basic.schedule_type.value == "basic" and basic.schedule_data.basic_schedule.units == 2
    assert basic.schedule.units == 2  # the deprecated field mirrors a basic schedule

    nightly = {"cron": {"cronExpression": "0 30 2 * * ?", "cronTimeZone": "UTC"}}
    cron = web.web_backend_update_connection(
        update(connection_id=connection_id, schedule_type="cron", schedule_data=nightly)
    )
    assert cron.schedule_type.value == "cron" and cron.schedule_data.basic_schedule is None and cron.schedule is None


# -- get with a refreshed catalog ------------------------------------------------------------------------------


def test_refreshed_get_reports_each_kind_of_change(empty: LocalAirbyte, web_empty: WebBackendApi) -> None:
    stable = airbyte_stream("customers", {"id": "integer", "name": "string"}, primary_key=["id"])
    gone = airbyte_stream("legacy_events", {"id": "integer"})
    ids = shop(empty, orders_stream(), stable, gone)
    created = create(web_empty, **ids, **as_the_web_app_creates(empty, ids["source_id"]))

    discovered = [
        orders_stream(fields={"coupon": "string", "total": "string"}, drop=["note"]),
        stable,
        airbyte_stream("refunds", {"id": "integer"}, primary_key=["id"]),
    ]
    catalog_id = empty.set_source_catalog(ids["source_id"], discovered, discover=False)
    refreshed = get(web_empty, created.connection_id, refreshed=True)

    transforms = {(t.stream_descriptor.name, t.transform_type.value): t for t in refreshed.catalog_diff.transforms}
    assert set(transforms) == {
        ("legacy_events", "remove_stream"),
        ("refunds", "add_stream"),
        ("orders", "update_stream"),
    }
    fields = {
        (f.transform_type.value, tuple(f.field_name)): f
        for f in transforms["orders", "update_stream"].update_stream.field_transforms
    }
    assert set(fields) == {("add_field", ("coupon",)), ("remove_field", ("note",)), ("update_field_schema", ("total",))}
    assert fields["add_field", ("coupon",)].add_field.var_schema == {"type": ["null", "string"]}
    assert fields["remove_field", ("note",)].remove_field.var_schema == {"type": ["null", "string"]}
    total = fields["update_field_schema", ("total",)].update_field_schema
    assert (total.old_schema, total.new_schema) == ({"type": ["null", "number"]}, {"type": ["null", "string"]})
    assert not any(f.breaking for f in fields.values())
    assert refreshed.schema_change == SchemaChange.NON_BREAKING

    # The refreshed catalog is the source's, keeping the connection's settings; new streams come unselected.
    assert [e.stream.name for e in refreshed.sync_catalog.streams] == ["orders", "customers", "refunds"]
    assert [e.config.selected for e in refreshed.sync_catalog.streams] == [True, True, False]
    assert refreshed.catalog_id == catalog_id
    # A refresh stores no catalog: a plain get still has the connection's own, and no diff.
    plain = get(web_empty, created.connection_id)
    assert [e.stream.name for e in plain.sync_catalog.streams] == ["orders", "customers", "legacy_events"]
    assert plain.catalog_diff is None and plain.catalog_id == created.catalog_id
    assert plain.schema_change == SchemaChange.NON_BREAKING


def test_removing_a_selected_streams_cursor_is_breaking_and_disables(
    empty: LocalAirbyte, web_empty: WebBackendApi
) -> None:
    ids = shop(empty, orders_stream())
    created = create(web_empty, **ids, **as_the_web_app_creates(empty, ids["source_id"]))
    empty.set_source_catalog(ids["source_id"], [orders_stream(drop=["updated_at"])], discover=False)
    refreshed = get(web_empty, created.connection_id, refreshed=True)
    [transform] = refreshed.catalog_diff.transforms
    [removed] = transform.update_stream.field_transforms
    assert removed.field_name == ["updated_at"] and removed.breaking is True
    assert refreshed.schema_change == SchemaChange.BREAKING
    [item] = listed(web_empty, empty.workspace_id)
    assert (item.schema_change, item.status) == (SchemaChange.BREAKING, ConnectionStatus.INACTIVE)


def test_a_new_primary_key_breaks_only_a_deduplicated_selected_stream(
    empty: LocalAirbyte, web_empty: WebBackendApi
) -> None:
    ids = shop(empty, orders_stream(), airbyte_stream("refunds", {"id": "integer"}))
    deduplicated = create(web_empty, **ids, **as_the_web_app_creates(empty, ids["source_id"]))
    ignored = create(web_empty, **ids, **as_the_web_app_creates(empty, ids["source_id"], "orders"))
    empty.set_source_catalog(
        ids["source_id"], [orders_stream(primary_key=["id", "note"]), airbyte_stream("refunds", {"id": "integer"})]
    )

    [change] = get(web_empty, deduplicated.connection_id, refreshed=True).catalog_diff.transforms
    [attribute] = change.update_stream.stream_attribute_transforms
    assert attribute.transform_type.value == "update_primary_key" and attribute.breaking is True
    assert attribute.update_primary_key.new_primary_key == [["id"], ["note"]]
    # A stream the connection does not sync is not compared at all.
    assert get(web_empty, ignored.connection_id, refreshed=True).catalog_diff.transforms == []
    assert get(web_empty, ignored.connection_id).schema_change == SchemaChange.NON_BREAKING


def test_nested_fields_are_compared_node_by_node(empty: LocalAirbyte, web_empty: WebBackendApi) -> None:
    address = {"type": "object", "properties": {"city": {"type": "string"}, "zip": {"type": "string"}}}
    ids = shop(empty, airbyte_stream("people", {"id": "integer", "address": address}, primary_key=["id"]))
    created = create(web_empty, **ids, **as_the_web_app_creates(empty, ids["source_id"]))
    moved = {"type": "object", "properties": {"city": {"type": "string"}, "country": {"type": "string"}}}
    empty.set_source_catalog(
        ids["source_id"], [airbyte_stream("people", {"id": "integer", "address": moved}, primary_key=["id"])]
    )
    [transform] = get(web_empty, created.connection_id, refreshed=True).catalog_diff.transforms
    changes = {(f.transform_type.value, tuple(f.field_name)) for f in transform.update_stream.field_transforms}
    assert changes == {
        ("update_field_schema", ("address",)),
        ("add_field", ("address", "country")),
        ("remove_field", ("address", "zip")),
    }


def test_taking_the_refreshed_catalog_clears_the_schema_change(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    stripe = by_name(web, airbyte.workspace_id)["Stripe to Snowflake"]
    assert stripe.schema_change == SchemaChange.NON_BREAKING
    refreshed = get(web, stripe.connection_id, refreshed=True)
    updated = web.web_backend_update_connection(
        WebBackendConnectionUpdate(
            connection_id=stripe.connection_id,
            sync_catalog=refreshed.sync_catalog,
            source_catalog_id=refreshed.catalog_id,
            skip_reset=True,
        )
    )
    assert updated.schema_change == SchemaChange.NO_CHANGE and updated.catalog_id == refreshed.catalog_id
    assert get(web, stripe.connection_id, refreshed=True).catalog_diff.transforms == []


# -- state type, workspace state, check updates ----------------------------------------------------------------


def test_state_type_follows_the_syncs(empty: LocalAirbyte, web_empty: WebBackendApi) -> None:
    ids = shop(empty, orders_stream(), airbyte_stream("snapshots", {"id": "integer"}))
    incremental = create(web_empty, **ids, **as_the_web_app_creates(empty, ids["source_id"]))
    snapshot = create(web_empty, **ids, **as_the_web_app_creates(empty, ids["source_id"], "orders"))
    assert state_type(web_empty, incremental.connection_id) == ConnectionStateType.NOT_SET

    empty.record_sync(incremental.connection_id, JobStatus.FAILED)
    assert state_type(web_empty, incremental.connection_id) == ConnectionStateType.NOT_SET
    empty.record_sync(incremental.connection_id)
    empty.record_sync(snapshot.connection_id)
    assert state_type(web_empty, incremental.connection_id) == ConnectionStateType.STREAM
    assert state_type(web_empty, snapshot.connection_id) == ConnectionStateType.NOT_SET
    read = get(web_empty, incremental.connection_id)
    assert read.latest_sync_job_status == JobStatus.SUCCEEDED and read.latest_sync_job_created_at is not None

    empty.set_state_type(snapshot.connection_id, ConnectionStateType.LEGACY)
    assert state_type(web_empty, snapshot.connection_id) == ConnectionStateType.LEGACY


def test_workspace_state_reflects_what_exists(empty: LocalAirbyte, web_empty: WebBackendApi) -> None:
    workspace = empty.workspace_id
    assert workspace_state(web_empty, workspace).to_dict() == {
        "hasConnections": False,
        "hasSources": False,
        "hasDestinations": False,
    }
    source = empty.add_source("Shop DB", [orders_stream()])
    assert workspace_state(web_empty, workspace).has_sources is True
    assert workspace_state(web_empty, workspace).has_destinations is False
    destination = empty.add_destination("Lake")
    connection = create(web_empty, source_id=source, destination_id=destination)
    assert workspace_state(web_empty, workspace).to_dict() == {
        "hasConnections": True,
        "hasSources": True,
        "hasDestinations": True,
    }
    empty.delete_connection(connection.connection_id)
    assert workspace_state(web_empty, workspace).has_connections is False
    assert workspace_state(web_empty, empty.add_workspace()).has_sources is False


def test_check_updates_counts_the_definitions_with_a_newer_version(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    assert web.web_backend_check_updates().to_dict() == {"sourceDefinitions": 1, "destinationDefinitions": 1}
    stripe = airbyte.add_source_definition("Stripe (beta)", version="0.1.0")
    assert web.web_backend_check_updates().source_definitions == 1
    airbyte.publish_version(stripe, "0.2.0")
    assert web.web_backend_check_updates().source_definitions == 2
    airbyte.upgrade(stripe)
    airbyte.upgrade(UUID("424892c4-daac-4491-b35d-c6688ba547ba"))  # the seeded Snowflake destination
    assert web.web_backend_check_updates().to_dict() == {"sourceDefinitions": 1, "destinationDefinitions": 0}
    snowflake = by_name(web, airbyte.workspace_id)["Stripe to Snowflake"]
    assert snowflake.destination_actor_definition_version.docker_image_tag == "3.16.0"


def test_the_python_api_refuses_what_does_not_exist(empty: LocalAirbyte) -> None:
    with pytest.raises(IdNotFound, match="STANDARD_WORKSPACE"):
        empty.add_source("x", [orders_stream()], workspace_id=UUID(int=1))
    with pytest.raises(IdNotFound, match="STANDARD_SOURCE_DEFINITION"):
        empty.add_source("x", [orders_stream()], definition_id=UUID(int=2))
    with pytest.raises(IdNotFound, match="SOURCE_CONNECTION"):
        empty.set_source_catalog(UUID(int=3), [orders_stream()])
    with pytest.raises(LookupError, match="0 sources"):
        empty.source_named("nothing")
    with pytest.raises(LookupError, match="0 connections"):
        empty.connection_named("nothing")
    with pytest.raises(ValueError, match="Unknown field type"):
        airbyte_stream("x", {"id": "int64"})
    with pytest.raises(ValueError, match="Unknown server version"):
        LocalAirbyte(server_version="2019-01")


def test_the_examples_of_the_testing_docs_run() -> None:
    text = (Path(__file__).resolve().parents[1] / "docs" / "testing.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```$", text, re.MULTILINE | re.DOTALL)
    assert len(blocks) >= 4
    for block in blocks:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(block, "docs/testing.md", "exec"), {"__name__": "__docs__"})
