"""Responses as tables: flat, JSON-safe records, and DataFrames where pandas is installed (and a clear error where
it is not)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from importlib.metadata import requires
from typing import Any, Dict

import pandas
import pytest
from samples import CONNECTION_ID, DESTINATION_ID, SOURCE_ID, connection_list_item, connection_read, stream

from openapi_client import tables
from openapi_client.models.airbyte_catalog import AirbyteCatalog
from openapi_client.models.catalog_diff import CatalogDiff
from openapi_client.models.web_backend_connection_read_list import WebBackendConnectionReadList

SCALARS = (str, int, bool, type(None))


def page() -> WebBackendConnectionReadList:
    basic = connection_list_item()
    basic.update(
        name="every six hours",
        scheduleType="basic",
        scheduleData={"basicSchedule": {"timeUnit": "hours", "units": 6}},
        latestSyncJobStatus="succeeded",
        latestSyncJobCreatedAt=1720772153,
    )
    manual = connection_list_item()
    manual.update(name="by hand", scheduleType="manual", scheduleData=None, isSyncing=False, status="inactive")
    hourly = connection_list_item()
    hourly.update(
        name="hourly", scheduleData={"basicSchedule": {"timeUnit": "hours", "units": 1}}, scheduleType="basic"
    )
    document = {"connections": [basic, manual, hourly, connection_list_item()]}
    return WebBackendConnectionReadList.from_dict(document)  # type: ignore[return-value]


def test_a_connection_list_gives_one_flat_json_safe_record_per_connection() -> None:
    records = page().to_records()

    assert list(records[0]) == list(tables.CONNECTIONS.columns)
    assert records[0] == {
        "name": "every six hours",
        "status": "active",
        "source": "Production Postgres",
        "destination": "Warehouse",
        "schedule": "every 6 hours",
        "latest_sync_job_status": "succeeded",
        "latest_sync_job_created_at": "2024-07-12T08:15:53Z",
        "schema_change": "non_breaking",
        "is_syncing": True,
        "connection_id": CONNECTION_ID,
        "source_id": SOURCE_ID,
        "source_connector": "Postgres",
        "destination_id": DESTINATION_ID,
        "destination_connector": "BigQuery",
        "schedule_type": "basic",
    }
    assert [r["schedule"] for r in records] == ["every 6 hours", "manual", "every 1 hour", "cron 0 0 * * * ? UTC"]
    for record in records:
        assert all(type(value) in SCALARS for value in record.values()), record
    assert json.loads(json.dumps(records)) == records


def test_a_time_no_calendar_has_is_kept_as_its_digits() -> None:
    assert tables.epoch_text(-(2**63)) == str(-(2**63))
    assert tables.epoch_text(0) == "1970-01-01T00:00:00Z"
    assert tables.epoch_text(None) is None


def catalog() -> AirbyteCatalog:
    orders = stream("orders")
    orders["config"].update(fieldSelectionEnabled=True, selectedFields=[{"fieldPath": ["id"]}], selected=False)
    full = stream("events")
    full["stream"]["namespace"] = None
    full["config"] = {"syncMode": "full_refresh", "destinationSyncMode": "overwrite", "primaryKey": [["a", "b"], ["c"]]}
    return AirbyteCatalog.from_dict({"streams": [stream("users"), orders, full]})  # type: ignore[return-value]


def test_a_catalog_gives_one_record_per_stream() -> None:
    records = catalog().to_records()

    assert records == [
        {
            "namespace": "public",
            "name": "users",
            "selected": True,
            "sync_mode": "incremental",
            "destination_sync_mode": "append_dedup",
            "cursor_field": "updated_at",
            "primary_key": "id",
            "field_count": 2,
            "selected_fields": None,
            "supported_sync_modes": "full_refresh, incremental",
        },
        {
            "namespace": "public",
            "name": "orders",
            "selected": False,
            "sync_mode": "incremental",
            "destination_sync_mode": "append_dedup",
            "cursor_field": "updated_at",
            "primary_key": "id",
            "field_count": 2,
            "selected_fields": "id",
            "supported_sync_modes": "full_refresh, incremental",
        },
        {
            "namespace": None,
            "name": "events",
            "selected": None,
            "sync_mode": "full_refresh",
            "destination_sync_mode": "overwrite",
            "cursor_field": None,
            "primary_key": "a.b, c",
            "field_count": 2,
            "selected_fields": None,
            "supported_sync_modes": "full_refresh, incremental",
        },
    ]
    assert json.loads(json.dumps(records)) == records


def diff() -> CatalogDiff:
    def field(kind: str, name: Any, breaking: bool, **change: Any) -> Dict[str, Any]:
        return {"transformType": kind, "fieldName": name, "breaking": breaking, **change}

    update = {
        "fieldTransforms": [
            field("add_field", ["meta", "tags"], False, addField={"schema": {"type": ["null", "array"]}}),
            field("remove_field", ["updated_at"], True, removeField={"schema": {"type": "string"}}),
            field(
                "update_field_schema",
                ["age"],
                False,
                updateFieldSchema={"oldSchema": {"type": ["null", "string"]}, "newSchema": {"type": "integer"}},
            ),
        ],
        "streamAttributeTransforms": [
            {
                "transformType": "update_primary_key",
                "breaking": True,
                "updatePrimaryKey": {"oldPrimaryKey": [["id"]], "newPrimaryKey": [["id"], ["region"]]},
            }
        ],
    }
    return CatalogDiff.from_dict(  # type: ignore[return-value]
        {
            "transforms": [
                {"transformType": "remove_stream", "streamDescriptor": {"name": "legacy", "namespace": "public"}},
                {"transformType": "update_stream", "streamDescriptor": {"name": "users"}, "updateStream": update},
                {
                    "transformType": "update_stream",
                    "streamDescriptor": {"name": "quiet"},
                    "updateStream": {"fieldTransforms": [], "streamAttributeTransforms": []},
                },
            ]
        }
    )


def test_a_catalog_diff_gives_one_record_per_change() -> None:
    rows = [list(record.values()) for record in diff().to_records()]
    assert rows == [
        ["public", "legacy", "remove_stream", None, False, None],
        [None, "users", "add_field", "meta.tags", False, "array"],
        [None, "users", "remove_field", "updated_at", True, "string"],
        [None, "users", "update_field_schema", "age", False, "string -> integer"],
        [None, "users", "update_primary_key", None, True, "id -> id, region"],
        [None, "quiet", "update_stream", None, False, None],
    ]


def test_to_dataframe_gives_the_records_columns_in_order() -> None:
    frame = page().to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(tables.CONNECTIONS.columns)
    assert frame["schedule"].tolist() == ["every 6 hours", "manual", "every 1 hour", "cron 0 0 * * * ? UTC"]
    assert frame.loc[frame.schema_change == "non_breaking", "name"].tolist()[0] == "every six hours"

    assert list(catalog().to_dataframe().columns) == list(tables.STREAMS.columns)
    assert diff().to_dataframe()["breaking"].tolist() == [False, False, True, False, True, False]


def test_an_empty_list_gives_an_empty_frame_with_the_columns() -> None:
    empty = WebBackendConnectionReadList(connections=[]).to_dataframe()
    assert empty.empty and list(empty.columns) == list(tables.CONNECTIONS.columns)


def test_without_pandas_to_dataframe_says_which_extra_to_install_and_the_rest_works(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # What the import system reads as "no such module": `import pandas` fails as where it is not installed.
    monkeypatch.setitem(sys.modules, "pandas", None)
    listed = page()
    assert listed.to_records()[0]["name"] == "every six hours"
    assert "<table>" in listed._repr_html_()
    for tabled in (listed, catalog(), diff()):
        with pytest.raises(ImportError) as caught:
            tabled.to_dataframe()
        assert "to_dataframe() needs pandas" in str(caught.value)
        assert "pip install 'openapi_client[pandas]'" in str(caught.value)


def test_pandas_is_imported_only_by_to_dataframe() -> None:
    code = """
        import sys
        from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
        read = WebBackendConnectionRead.from_json(sys.stdin.read())
        read.sync_catalog.to_records(), read._repr_html_(), repr(read), read.to_str()
        assert "pandas" not in sys.modules, "pandas was imported"
        read.sync_catalog.to_dataframe()
        assert "pandas" in sys.modules
    """
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        input=json.dumps(connection_read()),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_pandas_is_an_extra_never_a_runtime_dependency() -> None:
    # The installed distribution's metadata: what `pip install openapi_client` installs.
    requirements = requires("openapi_client") or []
    runtime = sorted(re.split(r"[<>=!~;\s\[]", r, maxsplit=1)[0].lower() for r in requirements if "extra ==" not in r)
    assert runtime == ["pydantic", "python-dateutil", "typing-extensions", "urllib3"]
    assert [r for r in requirements if r.startswith("pandas") and 'extra == "pandas"' in r]
