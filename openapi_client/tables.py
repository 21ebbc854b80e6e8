"""Responses as tables: flat records (one per connection, stream or change) and pandas DataFrames.

A record is a dict with snake_case keys whose values are `str`, `int`, `bool` or `None` (ids as text, times
as ISO 8601 text), so `json.dumps(records)` and `pandas.DataFrame(records)` both take it as it is. pandas is
optional: `to_dataframe()` imports it when called (`pip install 'openapi_client[pandas]'`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Mapping, Optional, Sequence

from openapi_client import display
from openapi_client.catalog_editing import selected_field_names, top_level_fields
from openapi_client.display import scalar_text
from openapi_client.schedules import describe_schedule

if TYPE_CHECKING:
    from openapi_client.models.airbyte_catalog import AirbyteCatalog
    from openapi_client.models.catalog_diff import CatalogDiff
    from openapi_client.models.field_transform import FieldTransform
    from openapi_client.models.stream_transform import StreamTransform
    from openapi_client.models.web_backend_connection_list_item import WebBackendConnectionListItem

Record = Dict[str, Any]


@dataclass(frozen=True)
class Table:
    """A kind of table: what its rows are (for its caption) and its columns in order, each with the heading
    its HTML rendering gives it (None: not in the HTML)."""

    noun: str
    columns: Mapping[str, Optional[str]]


CONNECTIONS = Table(
    "connections",
    {
        "name": "name",
        "status": "status",
        "source": "source",
        "destination": "destination",
        "schedule": "schedule",
        "latest_sync_job_status": "last sync",
        "latest_sync_job_created_at": "last sync at",
        "schema_change": "schema change",
        "is_syncing": None,
        "connection_id": None,
        "source_id": None,
        "source_connector": None,
        "destination_id": None,
        "destination_connector": None,
        "schedule_type": None,
    },
)
STREAMS = Table(
    "streams",
    {
        "namespace": "namespace",
        "name": "stream",
        "selected": "selected",
        "sync_mode": "sync mode",
        "destination_sync_mode": "destination sync mode",
        "cursor_field": "cursor",
        "primary_key": "primary key",
        "field_count": "fields",
        "selected_fields": "selected fields",
        "supported_sync_modes": None,
    },
)
CHANGES = Table(
    "changes",
    {
        "namespace": "namespace",
        "stream": "stream",
        "change": "change",
        "field": "field",
        "breaking": "breaking",
        "detail": "detail",
    },
)


def connection_record(item: WebBackendConnectionListItem) -> Record:
    """One row of a connection list: what the connection list of Airbyte's UI shows, and the ids."""
    return {
        "name": item.name,
        "status": _text(item.status),
        "source": item.source.name,
        "destination": item.destination.name,
        "schedule": describe_schedule(item.schedule_type, item.schedule_data),
        "latest_sync_job_status": _text(item.latest_sync_job_status),
        "latest_sync_job_created_at": epoch_text(item.latest_sync_job_created_at),
        "schema_change": _text(item.schema_change),
        "is_syncing": item.is_syncing,
        "connection_id": _text(item.connection_id),
        "source_id": _text(item.source.source_id),
        "source_connector": item.source.source_name,
        "destination_id": _text(item.destination.destination_id),
        "destination_connector": item.destination.destination_name,
        "schedule_type": _text(item.schedule_type),
    }


def stream_records(catalog: AirbyteCatalog) -> List[Record]:
    """One row per stream of a catalog: its name, whether it is synced, and how."""
    records = []
    for entry in catalog.streams:
        stream, config = entry.stream, entry.config
        records.append(
            {
                "namespace": stream.namespace if stream else None,
                "name": stream.name if stream else None,
                "selected": config.selected if config else None,
                "sync_mode": _text(config.sync_mode) if config else None,
                "destination_sync_mode": _text(config.destination_sync_mode) if config else None,
                "cursor_field": ".".join(config.cursor_field) if config and config.cursor_field else None,
                "primary_key": _paths(config.primary_key) if config else None,
                "field_count": len(top_level_fields(entry)),
                "selected_fields": ", ".join(selected_field_names(config, entry))
                if config and config.field_selection_enabled
                else None,
                "supported_sync_modes": ", ".join(map(str, stream.supported_sync_modes or [])) if stream else None,
            }
        )
    return records


def change_records(diff: CatalogDiff) -> List[Record]:
    """One row per change of a catalog diff: a stream added or removed, a field, or a primary key."""
    return [record for transform in diff.transforms for record in _transform_records(transform)]


def _transform_records(transform: StreamTransform) -> Iterator[Record]:
    descriptor = transform.stream_descriptor
    base = {"namespace": descriptor.namespace, "stream": descriptor.name}
    update = transform.update_stream
    if update is None or not (update.field_transforms or update.stream_attribute_transforms):
        # A stream added or removed (or an update that names no change: still a row, so that none is lost).
        yield {**base, "change": _text(transform.transform_type), "field": None, "breaking": False, "detail": None}
        return
    for field in update.field_transforms:
        yield {
            **base,
            "change": _text(field.transform_type),
            "field": ".".join(field.field_name),
            "breaking": field.breaking,
            "detail": _field_change(field),
        }
    for attribute in update.stream_attribute_transforms or ():
        keys = attribute.update_primary_key
        detail = f"{_paths(keys.old_primary_key) or '-'} -> {_paths(keys.new_primary_key) or '-'}" if keys else None
        yield {
            **base,
            "change": _text(attribute.transform_type),
            "field": None,
            "breaking": attribute.breaking,
            "detail": detail,
        }


def _field_change(field: FieldTransform) -> Optional[str]:
    if field.update_field_schema is not None:
        return f"{json_type(field.update_field_schema.old_schema)} -> {json_type(field.update_field_schema.new_schema)}"
    change = field.add_field or field.remove_field
    return json_type(change.var_schema) if change is not None else None


def json_type(schema: Optional[Dict[str, Any]]) -> str:
    """The type a JSON schema gives, without `null`: `{"type": ["null", "string"]}` is `string`."""
    declared = (schema or {}).get("type", "?")
    types = [t for t in declared if t != "null"] if isinstance(declared, list) else [declared]
    return "|".join(str(t) for t in types)


def _paths(paths: Optional[List[List[str]]]) -> Optional[str]:
    return ", ".join(".".join(path) for path in paths) if paths else None


def _text(value: Any) -> Optional[str]:
    return None if value is None else scalar_text(value)


def epoch_text(seconds: Optional[int]) -> Optional[str]:
    """Airbyte's epoch seconds as ISO 8601 text in UTC: `2024-07-12T08:15:53Z` (a number no calendar has,
    such as -2**63, as its digits)."""
    if seconds is None:
        return None
    try:
        return datetime.fromtimestamp(seconds, timezone.utc).isoformat().replace("+00:00", "Z")
    except (OverflowError, OSError, ValueError):
        return str(seconds)


def dataframe(records: Sequence[Record], table: Table) -> Any:
    """`records` as a pandas DataFrame with the table's columns in order (also when there are no records)."""
    try:
        import pandas
    except ImportError as error:
        raise ImportError(
            "to_dataframe() needs pandas, which openapi_client does not install by itself: "
            "pip install 'openapi_client[pandas]' (or pip install pandas); to_records() needs nothing"
        ) from error
    return pandas.DataFrame.from_records(list(records), columns=list(table.columns))


def html_table(records: Sequence[Record], table: Table) -> str:
    """`records` as an HTML table captioned with their number (`3 streams`), showing the columns with headings."""
    shown = {key: heading for key, heading in table.columns.items() if heading is not None}
    return display.records_table(display.count_text(len(records), table.noun), records, shown)
