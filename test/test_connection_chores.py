"""The everyday chores on a connection: `to_update()`, finding a stream, choosing streams and fields."""

from __future__ import annotations

import json
import typing
from typing import Iterator, List, Optional
from uuid import UUID

import pytest
from pydantic import ValidationError
from samples import CONNECTION_ID, OPERATION_ID, WORKSPACE_ID, connection_read, stream

import openapi_client
from openapi_client import model_methods
from openapi_client.catalog_editing import FieldNotFoundError, StreamNotFoundError
from openapi_client.models.airbyte_catalog import AirbyteCatalog
from openapi_client.models.airbyte_stream_and_configuration import AirbyteStreamAndConfiguration
from openapi_client.models.connection_schedule_type import ConnectionScheduleType
from openapi_client.models.sync_mode import SyncMode
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate
from openapi_client.schedules import describe_schedule, schedule
from openapi_client.testing import LocalAirbyte

CATALOG_ID = "7f1b5c2e-9a3d-4e8f-b6c1-2d3e4f5a6b7c"


def read() -> WebBackendConnectionRead:
    document = connection_read()
    document["catalogId"] = CATALOG_ID
    document["schedule"] = {"units": 24, "timeUnit": "hours"}
    return WebBackendConnectionRead.from_dict(document)  # type: ignore[return-value]


# -- to_update ----------------------------------------------------------------------------------------------


def test_to_update_holds_the_editable_fields_and_the_catalog_id() -> None:
    connection = read()
    update = connection.to_update()

    assert isinstance(update, WebBackendConnectionUpdate) and update.connection_id == UUID(CONNECTION_ID)
    sent = json.loads(update.to_json())
    document = connection_read()
    editable = [
        "connectionId", "name", "namespaceDefinition", "prefix", "syncCatalog", "scheduleType", "scheduleData",
        "status", "geography", "notifySchemaChanges", "notifySchemaChangesByEmail", "nonBreakingChangesPreference",
        "backfillPreference",
    ]  # fmt: skip
    assert {name: sent[name] for name in editable} == {name: document[name] for name in editable}
    assert sent["sourceCatalogId"] == CATALOG_ID
    # Operations go back as the update's own type, so that Airbyte keeps them (it deletes those left out).
    assert sent["operations"] == [
        {
            "operationId": OPERATION_ID,
            "workspaceId": WORKSPACE_ID,
            "name": "notify",
            "operatorConfiguration": {"operatorType": "webhook", "webhook": {"webhookType": "dbtCloud"}},
        }
    ]
    # Airbyte refuses the deprecated `schedule` in an update; absent fields are not sent as nulls.
    assert set(sent) == {*editable, "sourceCatalogId", "operations"}


def test_to_update_applies_changes_by_field_or_json_name_and_leaves_the_read_alone() -> None:
    connection = read()
    update = connection.to_update(name="renamed", status="inactive", skipReset=True, **schedule("0 0 6 * * ?"))

    assert update.name == "renamed" and update.status == "inactive" and update.skip_reset is True
    assert update.schedule_type == ConnectionScheduleType.CRON
    assert update.schedule_data is not None and update.schedule_data.cron is not None
    assert connection.name == "Postgres → Warehouse" and connection.schedule_type == ConnectionScheduleType.BASIC


def test_to_update_to_manual_clears_the_schedule_data() -> None:
    sent = json.loads(read().to_update(**schedule("manual")).to_json())
    assert sent["scheduleType"] == "manual" and sent["scheduleData"] is None


@pytest.mark.parametrize(
    "changes",
    [
        {"schedule_type": "cron"},
        {"schedule_type": "manual"},
        {"schedule_data": schedule("0 0 6 * * ?")["schedule_data"]},
    ],
)
def test_to_update_refuses_a_schedule_type_that_does_not_agree_with_its_data(changes: typing.Dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"does not agree with schedule_data.*schedule\('every 6 hours'\)"):
        read().to_update(**changes)


def test_to_update_sends_only_what_the_read_has() -> None:
    document = connection_read()
    for optional in ("operations", "scheduleType", "scheduleData", "geography", "prefix"):
        del document[optional]
    connection = WebBackendConnectionRead.from_dict(document)
    assert connection is not None
    sent = json.loads(connection.to_update().to_json())
    assert not {"operations", "scheduleType", "scheduleData", "geography", "prefix", "sourceCatalogId"} & set(sent)
    # A schedule type this client does not know (from a newer server) is sent back as it came.
    newer = connection_read()
    newer["scheduleType"] = "event_driven"
    update = WebBackendConnectionRead.from_dict(newer).to_update()  # type: ignore[union-attr]
    assert json.loads(update.to_json())["scheduleType"] == "event_driven"


def test_to_update_refuses_unknown_fields_and_bad_values() -> None:
    with pytest.raises(ValidationError, match="stauts"):
        read().to_update(stauts="inactive")
    with pytest.raises(ValidationError, match="status"):
        read().to_update(status="paused")


def test_the_chores_are_typed() -> None:
    # The annotations name the models (imported for type checkers only, so resolved here by hand).
    names = {name: getattr(openapi_client, name) for name in openapi_client.models.model_names()}

    def returned(method: typing.Any) -> typing.Any:
        return typing.get_type_hints(method, vars(model_methods), names)["return"]

    assert returned(WebBackendConnectionRead.to_update) is WebBackendConnectionUpdate
    assert returned(WebBackendConnectionRead.stream) is AirbyteStreamAndConfiguration
    for method in (
        AirbyteCatalog.select,
        AirbyteCatalog.deselect,
        AirbyteCatalog.configure,
        AirbyteCatalog.select_fields,
    ):
        assert returned(method) is AirbyteCatalog


# -- finding a stream ---------------------------------------------------------------------------------------


def catalog() -> AirbyteCatalog:
    elsewhere = stream("users")
    elsewhere["stream"]["namespace"] = "archive"
    return AirbyteCatalog.from_dict(  # type: ignore[return-value]
        {"streams": [stream("users"), stream("orders"), stream("order_items"), elsewhere]}
    )


def test_a_stream_is_found_by_name_and_namespace() -> None:
    connection = read()
    assert connection.stream("orders") is connection.sync_catalog.streams[1]
    assert connection.stream("orders", namespace="public") is connection.sync_catalog.streams[1]
    assert catalog().stream("users", namespace="archive").stream.namespace == "archive"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "namespace", "message"),
    [
        ("ordres", None, "no stream 'ordres' in the catalog; did you mean 'orders'?"),
        ("order_item", None, "no stream 'order_item' in the catalog; did you mean 'order_items' or 'orders'?"),
        ("zzz", None, "no stream 'zzz' in the catalog (it has 'order_items', 'orders', 'users')"),
        ("orders", "archive", "no stream 'archive.orders' in the catalog; 'orders' is in namespace 'public'"),
        ("users", None, "2 streams are named 'users' (namespaces 'public', 'archive'): pass namespace="),
    ],
)
def test_a_missing_or_ambiguous_stream_is_a_key_error_that_says_why(
    name: str, namespace: Optional[str], message: str
) -> None:
    with pytest.raises(KeyError) as caught:
        catalog().stream(name, namespace)
    assert isinstance(caught.value, StreamNotFoundError)
    assert str(caught.value) == message


# -- choosing streams and fields ----------------------------------------------------------------------------


def selected(catalog: AirbyteCatalog) -> List[str]:
    return [f"{s.stream.namespace}.{s.stream.name}" for s in catalog.streams if s.config and s.config.selected]  # type: ignore[union-attr]


def test_select_and_deselect_make_a_new_catalog() -> None:
    original = catalog()
    before = original.to_json()

    fewer = original.deselect("orders", "order_items")
    assert selected(fewer) == ["public.users", "archive.users"]
    assert selected(fewer.select("orders")) == ["public.users", "public.orders", "archive.users"]
    assert selected(original.select("orders", only=True)) == ["public.orders"]
    assert selected(original.deselect("users", namespace="archive")) == [
        "public.users",
        "public.orders",
        "public.order_items",
    ]
    assert original.to_json() == before
    # The streams left alone are shared, the changed ones copied.
    assert fewer.streams[0] is original.streams[0] and fewer.streams[1] is not original.streams[1]
    with pytest.raises(StreamNotFoundError, match="did you mean 'orders'"):
        original.deselect("users", "ordrs", namespace="public")


def test_a_big_catalog_without_a_close_name_says_how_many_streams_it_has() -> None:
    big = AirbyteCatalog.from_dict({"streams": [stream(f"table_{index}") for index in range(12)]})
    assert big is not None
    with pytest.raises(StreamNotFoundError, match=r"^no stream 'users' in the catalog \(it has 12 streams\)$"):
        big.stream("users")


def test_a_stream_without_configuration_cannot_be_selected() -> None:
    bare = stream("users")
    del bare["config"]
    with pytest.raises(ValueError, match="stream 'users' has no configuration to change"):
        AirbyteCatalog.from_dict({"streams": [bare]}).select("users")  # type: ignore[union-attr]


def test_select_fields_and_deselect_fields() -> None:
    wide = stream("orders")
    wide["stream"]["jsonSchema"]["properties"].update(total={"type": "number"}, note={"type": "string"})
    original = AirbyteCatalog.from_dict({"streams": [wide]})
    assert original is not None

    narrow = original.select_fields("orders", ["id", "updated_at", "total"])
    config = narrow.stream("orders").config
    assert config is not None and config.field_selection_enabled is True
    assert [f.field_path for f in config.selected_fields or []] == [["id"], ["updated_at"], ["total"]]
    assert narrow.to_records()[0]["selected_fields"] == "id, updated_at, total"

    less = original.deselect_fields("orders", ["note"])
    assert less.to_records()[0]["selected_fields"] == "id, updated_at, total"
    assert less.deselect_fields("orders", ["total"]).to_records()[0]["selected_fields"] == "id, updated_at"

    everything = narrow.select_fields("orders")
    assert everything.stream("orders").config.field_selection_enabled is False  # type: ignore[union-attr]
    assert original.stream("orders").config.field_selection_enabled is False  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("fields", "error", "message"),
    [
        (["id", "updated"], FieldNotFoundError, "stream 'orders' has no field 'updated'; did you mean 'updated_at'?"),
        (["id"], ValueError, "field 'updated_at' is its cursor (incremental, append_dedup) and must stay selected"),
        (
            ["updated_at"],
            ValueError,
            "field 'id' is its primary key (incremental, append_dedup) and must stay selected",
        ),
    ],
)
def test_a_field_selection_airbyte_would_refuse_is_refused_here(fields: List[str], error: type, message: str) -> None:
    with pytest.raises(error) as caught:
        catalog().select_fields("orders", fields)
    assert message in str(caught.value)


def test_without_incremental_or_dedup_the_cursor_and_key_may_go() -> None:
    plain = catalog().configure("orders", sync_mode="full_refresh", destination_sync_mode="overwrite")
    assert plain.stream("orders").config.sync_mode is SyncMode.FULL_REFRESH  # type: ignore[union-attr]
    assert plain.select_fields("orders", []).to_records()[1]["selected_fields"] == ""


def test_configure_checks_what_it_sets() -> None:
    with pytest.raises(ValidationError, match="sync_mode"):
        catalog().configure("orders", sync_mode="sometimes")
    with pytest.raises(ValidationError, match="cursor_feild"):
        catalog().configure("orders", cursor_feild=["id"])


# -- against LocalAirbyte -----------------------------------------------------------------------------------


@pytest.fixture
def airbyte() -> Iterator[LocalAirbyte]:
    with LocalAirbyte() as local:
        yield local


@pytest.fixture
def local_api(airbyte: LocalAirbyte) -> Iterator[openapi_client.WebBackendApi]:
    with openapi_client.ApiClient(openapi_client.Configuration(host=airbyte.url, retries=0)) as client:
        yield openapi_client.WebBackendApi(client)


def connection_named(api: openapi_client.WebBackendApi, workspace_id: UUID, name: str) -> UUID:
    page = api.web_backend_list_connections_for_workspace(
        WebBackendConnectionListRequestBody(workspace_id=workspace_id)
    )
    return next(c.connection_id for c in page.connections if c.name == name)


def test_a_read_sent_back_with_to_update_changes_only_what_was_changed(
    airbyte: LocalAirbyte, local_api: openapi_client.WebBackendApi
) -> None:
    connection_id = connection_named(local_api, airbyte.workspace_id, "Postgres to BigQuery")
    before = local_api.web_backend_get_connection(WebBackendConnectionRequestBody(connection_id=connection_id))

    jobs = len(airbyte.jobs_of(connection_id))

    after = local_api.web_backend_update_connection(before.to_update(name="renamed"))

    assert after.name == "renamed"
    unchanged = {k: v for k, v in json.loads(before.to_json()).items() if k != "name"}
    assert {k: v for k, v in json.loads(after.to_json()).items() if k != "name"} == unchanged
    # The catalog went back as it was read: no stream changed, so Airbyte starts no refresh or reset.
    assert len(airbyte.jobs_of(connection_id)) == jobs


def test_the_to_update_of_a_refreshed_connection_accepts_its_catalog(
    airbyte: LocalAirbyte, local_api: openapi_client.WebBackendApi
) -> None:
    connection_id = connection_named(local_api, airbyte.workspace_id, "Stripe to Snowflake")
    refreshed = local_api.web_backend_get_connection(
        WebBackendConnectionRequestBody(connection_id=connection_id, with_refreshed_catalog=True)
    )
    assert refreshed.catalog_diff is not None and refreshed.catalog_diff.to_records()
    assert refreshed.to_update().source_catalog_id == refreshed.catalog_id

    local_api.web_backend_update_connection(refreshed.to_update())

    listed = local_api.web_backend_list_connections_for_workspace(
        WebBackendConnectionListRequestBody(workspace_id=airbyte.workspace_id)
    ).to_records()
    assert {r["name"]: r["schema_change"] for r in listed}["Stripe to Snowflake"] == "no_change"
    again = local_api.web_backend_get_connection(
        WebBackendConnectionRequestBody(connection_id=connection_id, with_refreshed_catalog=True)
    )
    assert again.catalog_diff is None or not again.catalog_diff.transforms


def test_a_stream_deselected_and_sent_is_no_longer_synced(
    airbyte: LocalAirbyte, local_api: openapi_client.WebBackendApi
) -> None:
    connection_id = connection_named(local_api, airbyte.workspace_id, "Postgres to BigQuery")
    connection = local_api.web_backend_get_connection(WebBackendConnectionRequestBody(connection_id=connection_id))

    catalog = connection.sync_catalog.deselect("order_items").select_fields("users", ["id", "email", "updated_at"])
    local_api.web_backend_update_connection(connection.to_update(sync_catalog=catalog))

    stored = local_api.web_backend_get_connection(WebBackendConnectionRequestBody(connection_id=connection_id))
    assert selected(stored.sync_catalog) == ["public.users", "public.orders"]
    # In the order the server gives them (Airbyte's merge goes through a set).
    assert set(stored.sync_catalog.to_records()[0]["selected_fields"].split(", ")) == {"id", "email", "updated_at"}


@pytest.mark.parametrize("text", ["every 6 hours", "0 0 6 * * ?", "manual"])
def test_each_form_of_schedule_creates_and_updates_a_connection(
    airbyte: LocalAirbyte, local_api: openapi_client.WebBackendApi, text: str
) -> None:
    created = local_api.web_backend_create_connection(
        WebBackendConnectionCreate(
            source_id=airbyte.source_named("GitHub"),
            destination_id=airbyte.destination_named("Analytics warehouse"),
            status="inactive",
            **schedule(text),
        )
    )
    assert describe_schedule(created.schedule_type, created.schedule_data) in (text, f"cron {text} UTC")

    other = "manual" if text != "manual" else "every 2 days"
    updated = local_api.web_backend_update_connection(
        WebBackendConnectionUpdate(connection_id=created.connection_id, **schedule(other))
    )
    assert describe_schedule(updated.schedule_type, updated.schedule_data) == other
