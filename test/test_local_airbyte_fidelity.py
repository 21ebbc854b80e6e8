"""`LocalAirbyte` answers as Airbyte OSS does at our spec's commit (airbyte-platform `5beb5e7ca0d6`): the
table of issue 11, row by row, through the client over a real socket.

Each test names the Java it follows. Paths, below `airbyte-commons-server/src/main/java/io/airbyte/commons/server/`
unless they say otherwise:

- `WebBackendConnectionsHandler` = `handlers/WebBackendConnectionsHandler.java`
- `ConnectionsHandler` = `handlers/ConnectionsHandler.java`
- `CatalogConverter` = `handlers/helpers/CatalogConverter.java`
- `ConnectionScheduleHelper` = `handlers/helpers/ConnectionScheduleHelper.java`
- `ConnectionHelper` = `airbyte-commons-server/src/main/java/io/airbyte/commons/converters/ConnectionHelper.java`
- `SchedulerHandler` = `handlers/SchedulerHandler.java`
- `CatalogDiffHelpers` = `airbyte-commons-protocol/src/main/java/io/airbyte/commons/protocol/CatalogDiffHelpers.java`
- `WebBackendApiController`, `NotFoundController` = `airbyte-server/src/main/java/io/airbyte/server/apis/*.java`
- `ApiHelper` = `airbyte-server/src/main/kotlin/io/airbyte/server/apis/ApiHelper.kt`
- `*ExceptionHandler` = `errors/handlers/*.java`
"""

from __future__ import annotations

import base64
import json
import time
from typing import Any, Dict, Iterator
from uuid import UUID

import pytest
import urllib3
from local_airbyte_helpers import (
    CREATE,
    GET,
    LIST,
    UPDATE,
    as_the_web_app_creates,
    client_for,
    create,
    customers_stream,
    get,
    listed,
    orders_stream,
    post_json,
    shop,
    streams_by_name,
    update,
)

from openapi_client import ApiException, BadRequestException, NotFoundException, ServiceException, WebBackendApi
from openapi_client.models.connection_id_request_body import ConnectionIdRequestBody
from openapi_client.models.connection_schedule_data import ConnectionScheduleData
from openapi_client.models.connection_schedule_data_basic_schedule import ConnectionScheduleDataBasicSchedule
from openapi_client.models.connection_schedule_data_cron import ConnectionScheduleDataCron
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.job_status import JobStatus
from openapi_client.models.operation_create import OperationCreate
from openapi_client.models.operator_configuration import OperatorConfiguration
from openapi_client.models.operator_type import OperatorType
from openapi_client.models.operator_webhook import OperatorWebhook
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
from openapi_client.models.web_backend_connection_read_list import WebBackendConnectionReadList
from openapi_client.models.web_backend_operation_create_or_update import WebBackendOperationCreateOrUpdate
from openapi_client.models.web_backend_workspace_state import WebBackendWorkspaceState
from openapi_client.testing import InstanceAdmin, LocalAirbyte, airbyte_stream

UNKNOWN = UUID("00000000-0000-4000-8000-000000000000")


@pytest.fixture
def airbyte() -> Iterator[LocalAirbyte]:
    with LocalAirbyte(seed=False) as local:
        yield local


@pytest.fixture
def web(airbyte: LocalAirbyte) -> Iterator[WebBackendApi]:
    with client_for(airbyte) as api:
        yield api


def webhook(workspace_id: UUID, name: str = "notify") -> OperationCreate:
    configuration = OperatorConfiguration(
        operator_type=OperatorType.WEBHOOK, webhook=OperatorWebhook(webhook_config_id=UUID(int=7))
    )
    return OperationCreate(workspace_id=workspace_id, name=name, operator_configuration=configuration)


def configured(airbyte: LocalAirbyte, web: WebBackendApi, *unselected: str, **settings: Any) -> Any:
    """A connection made as the web app makes it (every stream but `unselected` selected, `sourceCatalogId`)."""
    ids = shop(airbyte)
    return create(web, **ids, **as_the_web_app_creates(airbyte, ids["source_id"], *unselected), **settings)


def error_body(failure: ApiException) -> Dict[str, Any]:
    body: Dict[str, Any] = json.loads(failure.body or "{}")
    return body


# -- row 1: catalog checks on create and update ------------------------------------------------------------


def test_row01_sync_modes_cursors_and_keys_are_not_checked(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """CatalogConverter.toConfiguredInternal checks field selection only: an unsupported sync mode, an
    incremental stream without a cursor and a deduplicated one without a key are stored as sent."""
    ids = shop(airbyte, customers_stream())
    catalog = airbyte.source_catalog(ids["source_id"])
    config = catalog.streams[0].config
    config.sync_mode, config.destination_sync_mode = "incremental", "append_dedup"
    config.cursor_field, config.primary_key = [], []
    created = create(web, **ids, sync_catalog=catalog)
    stored = created.sync_catalog.streams[0].config
    assert (stored.sync_mode, stored.destination_sync_mode) == ("incremental", "append_dedup")
    assert (stored.cursor_field, stored.primary_key) == ([], [])


def test_row01_duplicate_stream_names_fail_as_an_uncaught_exception(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """ConnectionHelper.validateCatalogDoesntContainDuplicateStreamNames throws IllegalArgumentException, which
    UncaughtExceptionHandler answers with 500."""
    ids = shop(airbyte, orders_stream())
    catalog = airbyte.source_catalog(ids["source_id"])
    catalog.streams.append(catalog.streams[0])
    with pytest.raises(ServiceException) as failed:
        create(web, **ids, sync_catalog=catalog)
    body = error_body(failed.value)
    assert failed.value.status == 500
    assert body["message"] == "Internal Server Error: Catalog contains duplicate stream names: null.orders"
    assert body["exceptionClassName"] == "java.lang.IllegalArgumentException"
    assert airbyte.connections == {}


def test_row01_field_selection_is_checked_and_cuts_the_stored_schema(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """CatalogConverter.toConfiguredProtocol: the cursor of an incremental stream cannot be deselected (a
    JsonValidationException, 422 through ApiHelper.execute); nested paths are unsupported (500); what passes is
    stored with only the selected fields, and reads back listing them (CatalogConverter.toApi)."""
    ids = shop(airbyte, orders_stream())
    catalog = airbyte.source_catalog(ids["source_id"])
    config = catalog.streams[0].config
    config.field_selection_enabled = True
    config.selected_fields = [{"fieldPath": ["id"]}, {"fieldPath": ["total"]}]
    with pytest.raises(ApiException) as failed:
        create(web, **ids, sync_catalog=catalog)
    assert failed.value.status == 422
    assert error_body(failed.value)["message"] == (
        "The provided configuration does not fulfill the specification. "
        "Errors: Cursor field cannot be de-selected in INCREMENTAL syncs"
    )
    config.selected_fields = [{"fieldPath": ["id"]}, {"fieldPath": ["meta", "deep"]}]
    with pytest.raises(ServiceException, match="500"):
        create(web, **ids, sync_catalog=catalog)
    config.selected_fields = [{"fieldPath": ["id"]}, {"fieldPath": ["updated_at"]}]
    stored = create(web, **ids, sync_catalog=catalog).sync_catalog.streams[0]
    assert set(stored.stream.json_schema["properties"]) == {"id", "updated_at"}
    assert stored.config.field_selection_enabled is True
    assert sorted(f.field_path for f in stored.config.selected_fields) == [["id"], ["updated_at"]]


def test_row01_a_stream_without_selected_fails_as_a_null(airbyte: LocalAirbyte) -> None:
    """CatalogConverter.toConfiguredInternal filters on `getConfig().getSelected()`: a missing `selected` is a
    NullPointerException (500)."""
    ids = shop(airbyte, orders_stream())
    entry = json.loads(airbyte.source_catalog(ids["source_id"]).to_json())["streams"][0]
    del entry["config"]["selected"]
    document = {"sourceId": str(ids["source_id"]), "destinationId": str(ids["destination_id"]), "status": "active",
                "syncCatalog": {"streams": [entry]}}  # fmt: skip
    response = post_json(airbyte, CREATE, document)
    assert response.status == 500
    assert json.loads(response.data)["exceptionClassName"] == "java.lang.NullPointerException"


# -- row 2: create defaults --------------------------------------------------------------------------------


def test_row02_create_defaults(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """ConnectionsHandler.createConnection: the name is `<source> <> <destination>`, the namespace definition
    `source`, a missing catalog an empty one, `sourceCatalogId` only as sent; notifications read back off and the
    preferences at their defaults (ConnectionServiceJooqImpl.writeStandardSync, DbConverter.buildStandardSync)."""
    ids = shop(airbyte)
    created = create(web, **ids, status=ConnectionStatus.INACTIVE)
    assert created.name == "Shop DB <> Lake"
    assert created.namespace_definition == "source"
    assert created.sync_catalog.streams == []
    assert created.catalog_id is None
    assert (created.notify_schema_changes, created.notify_schema_changes_by_email) == (False, False)
    assert (created.non_breaking_changes_preference, created.backfill_preference) == ("ignore", "disabled")
    assert (created.geography, created.schedule_type, created.schema_change) == ("auto", "manual", "no_change")
    assert get(web, created.connection_id).sync_catalog.streams == []


# -- row 3: create and operations --------------------------------------------------------------------------


def test_row03_create_ignores_operation_ids_and_creates_operations_first(
    airbyte: LocalAirbyte, web: WebBackendApi
) -> None:
    """WebBackendConnectionsHandler.webBackendCreateConnection: createOperations runs before anything is
    checked, and toConnectionCreate passes only the operations it created, never `operationIds`."""
    ids = shop(airbyte)
    existing = create(web, **ids, operations=[webhook(airbyte.workspace_id, "existing")]).operation_ids[0]
    created = create(web, **ids, operation_ids=[existing], operations=[webhook(airbyte.workspace_id, "new")])
    assert [o.name for o in created.operations] == ["new"] and existing not in created.operation_ids
    before = len(airbyte.operations)
    with pytest.raises(NotFoundException):
        create(web, source_id=UNKNOWN, destination_id=ids["destination_id"], operations=[webhook(airbyte.workspace_id)])
    assert len(airbyte.operations) == before + 1


def test_row03_operations_of_another_workspace_fail_a_precondition(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """ConnectionHelper.validateWorkspace: Preconditions.checkArgument, so 500, after the operation was made."""
    other = airbyte.add_workspace()
    with pytest.raises(ServiceException) as failed:
        create(web, **shop(airbyte), operations=[webhook(other)])
    assert "Operation and connection do not belong to the same workspace" in error_body(failed.value)["message"]
    assert [o.workspace_id for o in airbyte.operations.values()] == [other]


# -- row 4: schedules --------------------------------------------------------------------------------------


def test_row04_create_schedules(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """ConnectionsHandler.createConnection: `schedule` with `scheduleType` is a JsonValidationException (422);
    data without a type is ignored (populateSyncFromLegacySchedule: manual); ConnectionScheduleHelper checks a
    cron with Quartz and its time zone with Joda (400 problems), and no basic units."""
    ids = shop(airbyte)
    every_day = ConnectionScheduleData(basic_schedule=ConnectionScheduleDataBasicSchedule(time_unit="days", units=1))
    with pytest.raises(ApiException) as failed:
        create(web, **ids, schedule_type="basic", schedule={"timeUnit": "days", "units": 1}, schedule_data=every_day)
    assert failed.value.status == 422 and "supply old or new schedule schema but not both" in failed.value.body
    assert create(web, **ids, schedule_data=every_day).schedule_type == "manual"
    weekdays = ConnectionScheduleDataCron(cron_expression="0 0 12 ? * MON-FRI", cron_time_zone="Europe/Paris")
    assert create(web, **ids, schedule_type="cron", schedule_data={"cron": weekdays}).schedule_data.cron == weekdays
    for expression, zone, problem in [
        ("0 0 12 * * MON", "UTC", "invalid-expression"),  # both day fields set
        ("0 61 * * * ?", "UTC", "invalid-expression"),
        ("0 0 12 * * ?", "Etc/UTC", "invalid-timezone"),
        ("0 0 12 * * ?", "Mars/Olympus", "invalid-timezone"),
    ]:
        cron = ConnectionScheduleDataCron(cron_expression=expression, cron_time_zone=zone)
        with pytest.raises(BadRequestException) as failed:
            create(web, **ids, schedule_type="cron", schedule_data={"cron": cron})
        assert error_body(failed.value)["type"] == f"error:cron-validation/{problem}", expression
    never = ConnectionScheduleData(basic_schedule=ConnectionScheduleDataBasicSchedule(time_unit="hours", units=0))
    assert create(web, **ids, schedule_type="basic", schedule_data=never).schedule_data == never


def test_row04_inconsistent_schedule_updates_fail_preconditions(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """ConnectionsHandler.validateConnectionPatch: data without a type, data with `manual`, a type without data
    and the deprecated `schedule` are Preconditions failures (500); nothing changes."""
    connection = create(web, **shop(airbyte))
    hourly = ConnectionScheduleData(basic_schedule=ConnectionScheduleDataBasicSchedule(time_unit="hours", units=1))
    for patch in [
        {"schedule_data": hourly},
        {"schedule_type": "manual", "schedule_data": hourly},
        {"schedule_type": "basic"},
        {"schedule": {"timeUnit": "hours", "units": 1}},
    ]:
        with pytest.raises(ServiceException) as failed:
            update(web, connection.connection_id, **patch)
        assert failed.value.status == 500 and "ConnectionUpdate should" in error_body(failed.value)["message"]
    assert update(web, connection.connection_id, schedule_type="basic", schedule_data=hourly).schedule_type == "basic"


# -- row 5: update with a catalog --------------------------------------------------------------------------


def test_row05_update_stores_the_selected_streams_and_answers_merged(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """ConnectionsHandler.applyPatchToStandardSync stores toConfiguredInternal's catalog (selected streams only);
    WebBackendConnectionsHandler.webBackendUpdateConnection answers it merged with the catalog at
    `sourceCatalogId`, so the unselected stream comes back with its default configuration."""
    connection = configured(airbyte, web)
    catalog = connection.sync_catalog
    streams = streams_by_name(connection)
    streams["customers"].config.selected = False
    streams["orders"].config.alias_name = "my_orders"
    updated = update(web, connection.connection_id, sync_catalog=catalog)
    assert [c.stream["name"] for c in airbyte.connection(connection.connection_id).catalog] == ["orders"]
    shown = streams_by_name(updated)
    assert shown["customers"].config.selected is False
    assert shown["customers"].config.sync_mode == "full_refresh"
    assert shown["orders"].config.alias_name == "orders"  # Airbyte does not store aliases


def test_row05_the_breaking_flag_is_recomputed_against_the_newest_catalog(
    airbyte: LocalAirbyte, web: WebBackendApi
) -> None:
    """webBackendUpdateConnection diffs the patch's catalog with the newest actor catalog of the source and
    stores `containsBreakingChange`: a catalog whose cursor the source no longer has is breaking."""
    connection = configured(airbyte, web)
    airbyte.set_source_catalog(
        connection.source_id, [orders_stream(drop=["updated_at"]), customers_stream()], discover=False
    )
    airbyte.fetch_catalog(connection.source_id)  # discovered, not yet judged
    assert get(web, connection.connection_id).schema_change == "non_breaking"
    updated = update(web, connection.connection_id, sync_catalog=connection.sync_catalog, skip_reset=True)
    assert updated.schema_change == "breaking"
    assert airbyte.connection(connection.connection_id).breaking_change is True


# -- row 6: update and operations --------------------------------------------------------------------------


def test_row06_unknown_operation_ids_are_created_and_left_out_ones_deleted(
    airbyte: LocalAirbyte, web: WebBackendApi
) -> None:
    """WebBackendConnectionsHandler.createOrUpdateOperations: an id the connection does not have is created
    anew; the connection's operations left out are deleted (OperationsHandler.deleteOperationsForConnection)."""
    connection = create(
        web, **shop(airbyte), operations=[webhook(airbyte.workspace_id, "a"), webhook(airbyte.workspace_id, "b")]
    )
    kept, dropped = connection.operation_ids
    foreign = WebBackendOperationCreateOrUpdate(
        operation_id=UNKNOWN, workspace_id=airbyte.workspace_id, name="c",
        operator_configuration=connection.operations[0].operator_configuration,
    )  # fmt: skip
    same = WebBackendOperationCreateOrUpdate(operation_id=kept, **webhook(airbyte.workspace_id, "a renamed").to_dict())
    updated = update(web, connection.connection_id, operations=[same, foreign])
    assert updated.operation_ids[0] == kept and updated.operation_ids[1] not in (UNKNOWN, dropped)
    assert [o.name for o in updated.operations] == ["a renamed", "c"]
    assert dropped not in airbyte.operations


# -- row 7: an update starts refresh or reset jobs ---------------------------------------------------------


def test_row07_a_changed_stream_gets_a_refresh_unless_skip_reset(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """WebBackendConnectionsHandler.resetStreamsIfNeeded: the streams whose configuration changed get a refresh
    (eventRunner.refreshConnectionAsync) unless `skipReset`; a refresh is a sync job for `isSyncing` and
    `latestSyncJob*` (Job.SYNC_REPLICATION_TYPES)."""
    connection = configured(airbyte, web)
    catalog = connection.sync_catalog
    streams_by_name(connection)["orders"].config.sync_mode = "full_refresh"
    quiet = update(web, connection.connection_id, sync_catalog=catalog, skip_reset=True)
    assert quiet.is_syncing is False and airbyte.jobs_of(connection.connection_id) == []
    streams_by_name(connection)["orders"].config.destination_sync_mode = "overwrite"
    refreshing = update(web, connection.connection_id, sync_catalog=catalog)
    assert refreshing.is_syncing is True and refreshing.latest_sync_job_status == JobStatus.RUNNING
    [job] = airbyte.jobs_of(connection.connection_id)
    assert (job.kind.value, job.streams) == ("refresh", [(None, "orders")])
    airbyte.finish_sync(connection.connection_id, JobStatus.SUCCEEDED)
    assert listed(web, airbyte.workspace_id)[0].is_syncing is False


def test_row07_a_destination_that_cannot_refresh_gets_a_reset(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """resetStreamsIfNeeded: without `supportsRefreshes`, eventRunner.resetConnectionAsync; a reset is not a sync
    job, so `isSyncing` stays false while it runs."""
    definition = airbyte.add_destination_definition("Old warehouse", supports_refreshes=False)
    ids = shop(airbyte, destination=airbyte.add_destination("Old", definition_id=definition))
    connection = create(web, **ids, **as_the_web_app_creates(airbyte, ids["source_id"]))
    streams_by_name(connection)["customers"].config.selected = False
    updated = update(web, connection.connection_id, sync_catalog=connection.sync_catalog)
    [job] = airbyte.jobs_of(connection.connection_id)
    assert (job.kind.value, job.streams, job.running) == ("reset_connection", [(None, "customers")], True)
    assert updated.is_syncing is False and updated.latest_sync_job_status is None


# -- row 8: get with a refreshed catalog -------------------------------------------------------------------


def test_row08_a_refresh_stores_the_breaking_flag_and_disables(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """webBackendGetConnection with `withRefreshedCatalog` runs a discovery (SchedulerHandler.
    discoverAndGloballyDisable): every connection of the source stores the breaking flag and is set inactive on
    a breaking change (ConnectionsHandler.disableConnectionIfNeeded); the answer has the new catalog id, the diff
    and the new status."""
    first = configured(airbyte, web)
    second = create(web, source_id=first.source_id, destination_id=first.destination_id,
                    **as_the_web_app_creates(airbyte, first.source_id))  # fmt: skip
    airbyte.set_source_catalog(
        first.source_id, [orders_stream(drop=["updated_at"]), customers_stream()], discover=False
    )
    refreshed = get(web, first.connection_id, refreshed=True)
    assert (refreshed.status, refreshed.schema_change) == ("inactive", "breaking")
    assert refreshed.catalog_id not in (None, first.catalog_id)
    assert refreshed.catalog_diff.transforms[0].update_stream.field_transforms[0].breaking is True
    other = get(web, second.connection_id)
    assert (other.status, other.schema_change, other.catalog_id) == ("inactive", "breaking", second.catalog_id)


def test_row08_preference_disable_disables_on_any_change(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """disableConnectionIfNeeded: a non-breaking change disables a connection whose preference is `disable`."""
    connection = configured(airbyte, web, non_breaking_changes_preference="disable")
    airbyte.set_source_catalog(
        connection.source_id, [orders_stream(fields={"tax": "number"}), customers_stream()], discover=False
    )
    refreshed = get(web, connection.connection_id, refreshed=True)
    assert (refreshed.status, refreshed.schema_change) == ("inactive", "non_breaking")


# -- row 9: the diff ---------------------------------------------------------------------------------------


def test_row09_the_old_side_is_the_catalog_at_source_catalog_id(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """ConnectionsHandler.getDiff(connectionRead, ...) diffs from getConnectionAirbyteCatalog (the catalog at
    `sourceCatalogId`): an unselected stream is not new. Without it, the stored catalog (selected streams) is the
    old side, and the unselected stream reads as added."""
    with_id = configured(airbyte, web, "customers")
    assert get(web, with_id.connection_id, refreshed=True).catalog_diff.transforms == []
    without_id = create(web, source_id=with_id.source_id, destination_id=with_id.destination_id,
                        sync_catalog=with_id.sync_catalog)  # fmt: skip
    transforms = get(web, without_id.connection_id, refreshed=True).catalog_diff.transforms
    assert [(t.transform_type, t.stream_descriptor.name) for t in transforms] == [("add_stream", "customers")]


def test_row09_only_selected_streams_update_and_parents_change_too(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """CatalogDiffHelpers.getCatalogDiff reports `update_stream` only for streams in the configured catalog;
    getFullyQualifiedFieldNamesWithTypes gives every schema node a path, so a nested change updates the parent."""
    address = {"type": "object", "properties": {"city": {"type": "string"}}}
    ids = shop(airbyte, orders_stream(fields={"address": address}), customers_stream())
    connection = create(web, **ids, **as_the_web_app_creates(airbyte, ids["source_id"], "customers"))
    richer = {"type": "object", "properties": {"city": {"type": "string"}, "zip": {"type": "string"}}}
    changed = [orders_stream(fields={"address": richer}), customers_stream(phone="string")]
    airbyte.set_source_catalog(ids["source_id"], changed, discover=False)
    [transform] = get(web, connection.connection_id, refreshed=True).catalog_diff.transforms
    assert transform.stream_descriptor.name == "orders"
    fields = {(tuple(f.field_name), f.transform_type) for f in transform.update_stream.field_transforms}
    assert fields == {(("address",), "update_field_schema"), (("address", "zip"), "add_field")}


# -- row 10: breaking or not -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sync_mode, destination_sync_mode, removed, breaking",
    [
        ("incremental", "append", "updated_at", True),  # the cursor of an incremental stream
        ("full_refresh", "overwrite", "updated_at", False),  # a cursor a full refresh does not use
        ("incremental", "append_dedup", "id", True),  # the key of a deduplicated stream
        ("incremental", "append", "id", False),  # a key an append does not use
    ],
)
def test_row10_a_removed_field_breaks_only_what_syncs_by_it(
    airbyte: LocalAirbyte, web: WebBackendApi, sync_mode: str, destination_sync_mode: str, removed: str, breaking: bool
) -> None:
    """CatalogDiffHelpers.fieldTransformBreaksConnection."""
    ids = shop(airbyte, orders_stream())
    catalog = airbyte.source_catalog(ids["source_id"])
    catalog.streams[0].config.sync_mode, catalog.streams[0].config.destination_sync_mode = (
        sync_mode,
        destination_sync_mode,
    )
    connection = create(web, **ids, sync_catalog=catalog)
    airbyte.set_source_catalog(ids["source_id"], [orders_stream(drop=[removed])], discover=False)
    [transform] = get(web, connection.connection_id, refreshed=True).catalog_diff.transforms
    [field] = transform.update_stream.field_transforms
    assert (field.transform_type, field.breaking) == ("remove_field", breaking)


@pytest.mark.parametrize("destination_sync_mode, breaking", [("append_dedup", True), ("append", False)])
def test_row10_a_new_key_breaks_only_deduplication_by_another(
    airbyte: LocalAirbyte, web: WebBackendApi, destination_sync_mode: str, breaking: bool
) -> None:
    """CatalogDiffHelpers.primaryKeyTransformBreaksConnection."""
    ids = shop(airbyte, orders_stream())
    catalog = airbyte.source_catalog(ids["source_id"])
    catalog.streams[0].config.destination_sync_mode = destination_sync_mode
    connection = create(web, **ids, sync_catalog=catalog)
    airbyte.set_source_catalog(ids["source_id"], [orders_stream(primary_key=["note"])], discover=False)
    [transform] = get(web, connection.connection_id, refreshed=True).catalog_diff.transforms
    [change] = transform.update_stream.stream_attribute_transforms
    assert (change.update_primary_key.new_primary_key, change.breaking) == ([["note"]], breaking)


# -- row 11: the refreshed catalog -------------------------------------------------------------------------


def test_row11_the_refreshed_catalog_keeps_what_still_applies(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """WebBackendConnectionsHandler.updateSchemaWithRefreshedDiscoveredCatalog: the sync mode only while
    supported, the cursor kept, the source-defined key winning, selection kept, field selection recomputed
    (a new field selected), a new stream unselected with its default configuration."""
    ids = shop(airbyte, orders_stream(), customers_stream())
    catalog = airbyte.source_catalog(ids["source_id"])
    orders = catalog.streams[0].config
    orders.cursor_field, orders.primary_key = ["total"], [["note"]]
    orders.field_selection_enabled, orders.selected_fields = True, [{"fieldPath": [f]} for f in ("id", "total", "note")]
    connection = create(web, **ids, sync_catalog=catalog)
    fields = {"id": "integer", "total": "number", "note": "string", "tax": "number"}
    full_refresh_only = airbyte_stream("orders", fields, primary_key=["id"])
    airbyte.set_source_catalog(
        ids["source_id"],
        [full_refresh_only, customers_stream(), orders_stream().model_copy(update={"name": "refunds"})],
        discover=False,
    )
    shown = streams_by_name(get(web, connection.connection_id, refreshed=True))
    orders = shown["orders"].config
    assert (orders.sync_mode, orders.cursor_field, orders.primary_key) == ("full_refresh", ["total"], [["id"]])
    assert sorted(f.field_path[0] for f in orders.selected_fields) == ["id", "note", "tax", "total"]
    assert (orders.selected, shown["customers"].config.selected) == (True, True)
    assert (shown["refunds"].config.selected, shown["refunds"].config.sync_mode) == (False, "incremental")


# -- row 12: get without a refresh -------------------------------------------------------------------------


def test_row12_get_merges_with_the_catalog_at_source_catalog_id(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """webBackendGetConnection: updateSchemaWithOriginalDiscoveredCatalog puts the unselected streams back;
    `catalogId` is `sourceCatalogId` (buildWebBackendConnectionRead)."""
    connection = configured(airbyte, web, "customers")
    assert [s.stream.name for s in connection.sync_catalog.streams] == ["orders"]  # create answers unmerged
    read = get(web, connection.connection_id)
    assert [(s.stream.name, s.config.selected) for s in read.sync_catalog.streams] == [
        ("orders", True),
        ("customers", False),
    ]
    assert read.catalog_id == connection.catalog_id == airbyte.connection(connection.connection_id).source_catalog_id


# -- row 13: list ------------------------------------------------------------------------------------------


def test_row13_list_syncing_latest_job_and_schema_change(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """webBackendListConnectionsForWorkspace: `isSyncing` is a running sync or refresh
    (getRunningSyncJobForConnections), `latestSyncJob*` the newest such job of any status
    (getLatestSyncJobsForConnections); getSchemaChange: `breaking` by the stored flag, `non_breaking` when the
    source's newest discovery differs from `sourceCatalogId`, and `no_change` without one."""
    connection = configured(airbyte, web)
    unidentified = create(web, source_id=connection.source_id, destination_id=connection.destination_id)
    airbyte.record_sync(connection.connection_id, JobStatus.FAILED, at=1_000)
    airbyte.start_sync(connection.connection_id, at=2_000)
    airbyte.set_source_catalog(connection.source_id, [orders_stream(fields={"tax": "number"}), customers_stream()])
    items = {item.connection_id: item for item in listed(web, airbyte.workspace_id)}
    item = items[connection.connection_id]
    assert (item.is_syncing, item.latest_sync_job_status, item.latest_sync_job_created_at) == (True, "running", 2_000)
    assert (item.schema_change, items[unidentified.connection_id].schema_change) == ("non_breaking", "no_change")
    assert [c.connection_id for c in listed(web, airbyte.workspace_id)] == sorted(items, key=str)  # not by name
    airbyte.finish_sync(connection.connection_id, JobStatus.CANCELLED)
    [item] = [
        i
        for i in listed(web, airbyte.workspace_id, source_id=[connection.source_id])
        if i.connection_id == connection.connection_id
    ]
    assert (item.is_syncing, item.latest_sync_job_status) == (False, "cancelled")


# -- row 14: workspace state and state type ----------------------------------------------------------------


def test_row14_unknown_workspaces_and_connections_are_not_errors(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """WebBackendConnectionsHandler.getWorkspaceState counts (nothing for an unknown workspace); getStateType
    reads StatePersistence.getCurrentState, empty for an unknown connection: `not_set`."""
    state = web.web_backend_get_workspace_state(WebBackendWorkspaceState(workspace_id=UNKNOWN))
    assert (state.has_connections, state.has_sources, state.has_destinations) == (False, False, False)
    assert web.get_state_type(ConnectionIdRequestBody(connection_id=UNKNOWN)) == "not_set"
    assert listed(web, UNKNOWN) == []


# -- row 15: check_updates ---------------------------------------------------------------------------------


def test_row15_check_updates_counts_registry_differences(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """WebBackendCheckUpdatesHandler.checkUpdates: definitions whose tag differs from the registry's (a
    connector the registry lacks never counts); 0 when the registry cannot be reached."""
    airbyte.add_source_definition("Postgres", version="3.6.22", latest_version="3.6.28")
    airbyte.add_source_definition("Mine", version="0.1.0", latest_version="0.2.0", custom=True)
    airbyte.add_destination_definition("BigQuery", version="2.9.3")
    assert web.web_backend_check_updates().to_dict() == {"sourceDefinitions": 1, "destinationDefinitions": 0}
    airbyte.registry_reachable = False
    assert web.web_backend_check_updates().to_dict() == {"sourceDefinitions": 0, "destinationDefinitions": 0}


# -- row 16: geographies -----------------------------------------------------------------------------------


def test_row16_geographies_by_edition(web: WebBackendApi) -> None:
    """WebBackendGeographiesHandler.listGeographiesOSS answers `auto` only; listGeographiesCloud every value."""
    assert web.web_backend_list_geographies().geographies == ["auto"]
    with LocalAirbyte(seed=False, edition="cloud") as cloud, client_for(cloud) as api:
        assert api.web_backend_list_geographies().geographies == ["auto", "us", "eu"]


# -- row 17: errors ----------------------------------------------------------------------------------------


def test_row17_unknown_ids_are_404_known_exception_infos(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """ApiHelper.execute turns ConfigNotFoundException into IdNotFoundKnownException, which
    IdNotFoundExceptionHandler answers with 404 and a KnownExceptionInfo (no `id`)."""
    with pytest.raises(NotFoundException) as failed:
        get(web, UNKNOWN)
    body = error_body(failed.value)
    assert body["message"] == f"Internal Server Error: Could not find configuration for STANDARD_SYNC: {UNKNOWN}."
    assert (
        body["exceptionClassName"] == "io.airbyte.commons.server.errors.IdNotFoundKnownException" and "id" not in body
    )
    with pytest.raises(NotFoundException, match="SOURCE_CONNECTION"):
        create(web, source_id=UNKNOWN, destination_id=UNKNOWN)


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"{", "Unexpected character"),
        (b'{"connectionId": "not-a-uuid"}', "UUID has to be represented by standard 36-char representation"),
        (b'{"connectionId": "%s", "withRefreshedCatalog": "yes"}' % str(UNKNOWN).encode(), "java.lang.Boolean"),
        (b"[]", "Cannot deserialize"),
    ],
)
def test_row17_bodies_jackson_cannot_bind_are_micronaut_400s(airbyte: LocalAirbyte, raw: bytes, reason: str) -> None:
    """Micronaut binds the body with Jackson before Airbyte's code runs; a failure is a ConversionErrorException,
    which Micronaut's ConversionErrorHandler answers with 400 and its own error, naming no JSON path."""
    response = post_json(airbyte, GET, raw)
    assert response.status == 400
    body = json.loads(response.data)
    assert body["message"] == "Bad Request" and "validationErrors" not in body
    [error] = body["_embedded"]["errors"]
    assert error["message"].startswith("Failed to convert argument [webBackendConnectionRequestBody] for value [null]")
    assert reason in error["message"]


def test_row17_enum_values_are_exact_and_missing_fields_are_bean_validation(airbyte: LocalAirbyte) -> None:
    """The generated enums' fromValue compares exactly (`INACTIVE` is refused, whatever application.yml says);
    `@NotNull` required properties are checked by bean validation: InvalidInputExceptionHandler's 400."""
    response = post_json(
        airbyte, CREATE, {"sourceId": str(UNKNOWN), "destinationId": str(UNKNOWN), "status": "INACTIVE"}
    )
    assert response.status == 400 and "Unexpected value 'INACTIVE'" in response.data.decode()
    response = post_json(airbyte, CREATE, {"sourceId": str(UNKNOWN)})
    body = json.loads(response.data)
    assert response.status == 400 and body["message"] == "Some properties contained invalid input."
    assert [e["propertyPath"] for e in body["validationErrors"]] == [
        "webBackendCreateConnection.webBackendConnectionCreate.destinationId",
        "webBackendCreateConnection.webBackendConnectionCreate.status",
    ]


def test_row17_no_route_is_the_bare_not_found_controller_text(airbyte: LocalAirbyte) -> None:
    """NotFoundController: every 404 of Micronaut's routing is the bare text `Object not found.`"""
    response = post_json(airbyte, "/v1/web_backend/connections/delete", {})
    assert (response.status, response.data) == (404, b"Object not found.")


# -- row 18: authentication --------------------------------------------------------------------------------


def test_row18_auth_is_off_by_default_and_has_no_token_endpoint(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """application.yml: `micronaut.security.enabled: ${API_AUTHORIZATION_ENABLED:false}`; without it the auth
    mode is NONE and ApplicationsController (which requires an ApplicationService) does not exist."""
    assert listed(web, airbyte.workspace_id) == []
    response = post_json(airbyte, "/v1/applications/token", {"client_id": "x", "client_secret": "y"})
    assert (response.status, response.data) == (404, b"Object not found.")


def test_row18_the_token_endpoint_answers_only_a_24_hour_jwt() -> None:
    """ApplicationServiceMicronautImpl.getToken: the instance admin's credentials, a JWT expiring in 24 hours,
    `{access_token}` only; wrong ones a BadRequestException (400)."""
    admin = InstanceAdmin()
    with LocalAirbyte(seed=False, auth=admin) as secured:
        good = {"client_id": admin.client_id, "client_secret": admin.client_secret}
        response = post_json(secured, "/v1/applications/token", good)
        document = json.loads(response.data)
        assert response.status == 200 and list(document) == ["access_token"]
        payload = document["access_token"].split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        assert 24 * 3600 - 60 < claims["exp"] - time.time() <= 24 * 3600
        wrong = post_json(secured, "/v1/applications/token", {**good, "client_secret": "guess"})
        assert wrong.status == 400 and json.loads(wrong.data)["message"] == "Invalid client id or token"


def test_row18_basic_bearer_and_application_credentials_are_checked() -> None:
    """With security on (CommunityAuthProvider, Micronaut JWT): Basic with the organization's email and the
    instance admin's password, bearer JWTs the instance signed that have not expired, and applications' tokens
    through the client; anything else 401, a token without the roles 403 (WebBackendApiController's @Secured)."""
    admin = InstanceAdmin(email="ops@example.com", password="s3cret")
    with LocalAirbyte(seed=False, auth=admin) as secured:
        workspace = secured.workspace_id
        for settings in [
            {"username": "ops@example.com", "password": "s3cret"},
            {"access_token": secured.applications.issue()},
            {"client_id": admin.client_id, "client_secret": admin.client_secret},
        ]:
            with client_for(secured, **settings) as api:
                assert listed(api, workspace) == []
        for settings, status in [
            ({}, 401),
            ({"username": "ops@example.com", "password": "guess"}, 401),
            ({"access_token": secured.applications.issue(lifetime=-1)}, 401),
            ({"access_token": InstanceAdmin().email}, 401),
            ({"access_token": secured.applications.issue(roles=["AUTHENTICATED_USER"])}, 403),
        ]:
            with client_for(secured, **settings) as api, pytest.raises(ApiException) as failed:
                listed(api, workspace)
            assert failed.value.status == status
        unsigned = secured.applications.issue().rsplit(".", 1)[0] + ".AAAA"
        response = urllib3.request("POST", secured.url + LIST, json={"workspaceId": str(workspace)},
                                   headers={"Authorization": f"Bearer {unsigned}"}, retries=False)  # fmt: skip
        assert response.status == 401
        with client_for(secured, access_token=secured.applications.issue(roles=["AUTHENTICATED_USER"])) as api:
            assert api.web_backend_list_geographies().geographies == ["auto"]


# -- the jobs of a connection ------------------------------------------------------------------------------


def test_sync_jobs_drive_is_syncing_and_the_latest_job(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """buildWebBackendConnectionRead: `isSyncing` from getLatestRunningSyncJob, `latestSyncJob*` from
    getLatestSyncJob (JobPersistence orders by creation, newest first)."""
    connection = configured(airbyte, web)
    assert (
        get(web, connection.connection_id).is_syncing,
        get(web, connection.connection_id).latest_sync_job_status,
    ) == (False, None)
    airbyte.record_sync(connection.connection_id, JobStatus.SUCCEEDED, at=100)
    job = airbyte.start_sync(connection.connection_id, at=200)
    read = get(web, connection.connection_id)
    assert (read.is_syncing, read.latest_sync_job_status, read.latest_sync_job_created_at) == (True, "running", 200)
    assert airbyte.finish_sync(connection.connection_id, JobStatus.FAILED) == job
    read = get(web, connection.connection_id)
    assert (read.is_syncing, read.latest_sync_job_status, read.latest_sync_job_created_at) == (False, "failed", 200)
    with pytest.raises(LookupError):
        airbyte.finish_sync(connection.connection_id)
    with pytest.raises(ValueError, match="not running"):
        airbyte.finish_sync(connection.connection_id, JobStatus.RUNNING)


def test_a_successful_incremental_sync_leaves_stream_state(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    """StatePersistence: a sync of incremental streams writes per-stream state (getStateType: `stream`)."""
    connection = configured(airbyte, web)
    airbyte.record_sync(connection.connection_id, JobStatus.FAILED)
    assert web.get_state_type(ConnectionIdRequestBody(connection_id=connection.connection_id)) == "not_set"
    airbyte.start_sync(connection.connection_id)
    airbyte.finish_sync(connection.connection_id)
    assert web.get_state_type(ConnectionIdRequestBody(connection_id=connection.connection_id)) == "stream"


def test_every_answer_of_the_default_server_is_valid_per_the_spec(airbyte: LocalAirbyte) -> None:
    """The client's models, read strictly (received data refused on unknown enum values and missing fields),
    take every kind of answer, the refreshed get with a diff included."""
    with client_for(airbyte) as web:
        connection = configured(airbyte, web, non_breaking_changes_preference="disable")
        airbyte.set_source_catalog(
            connection.source_id, [orders_stream(drop=["note"]), customers_stream()], discover=False
        )
    for path, document, model in [
        (LIST, {"workspaceId": str(airbyte.workspace_id)}, WebBackendConnectionReadList),
        (GET, {"connectionId": str(connection.connection_id), "withRefreshedCatalog": True}, WebBackendConnectionRead),
        (UPDATE, {"connectionId": str(connection.connection_id), "name": "renamed"}, WebBackendConnectionRead),
    ]:
        response = post_json(airbyte, path, document)
        assert response.status == 200, response.data
        model.model_validate_json(response.data)
