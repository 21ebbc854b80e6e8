"""Catalogs: building a source's streams the short way, their default configuration, and the rules a
connection's configured catalog must follow."""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

from openapi_client.models.airbyte_catalog import AirbyteCatalog
from openapi_client.models.airbyte_stream import AirbyteStream
from openapi_client.models.airbyte_stream_and_configuration import AirbyteStreamAndConfiguration
from openapi_client.models.airbyte_stream_configuration import AirbyteStreamConfiguration
from openapi_client.models.destination_sync_mode import DestinationSyncMode
from openapi_client.models.sync_mode import SyncMode
from openapi_client.testing.catalog_diff import DEDUP_MODES, stream_key
from openapi_client.testing.errors import Invalid, InvalidInput

StreamLike = Union[AirbyteStream, AirbyteStreamAndConfiguration]
Streams = Union[AirbyteCatalog, Iterable[StreamLike]]
FieldType = Union[str, Mapping[str, Any]]

# Shorthands for the JSON schemas of fields, as Airbyte sources write them (nullable, dates as strings).
FIELD_TYPES: Dict[str, Dict[str, Any]] = {
    "string": {"type": ["null", "string"]},
    "integer": {"type": ["null", "integer"]},
    "number": {"type": ["null", "number"]},
    "boolean": {"type": ["null", "boolean"]},
    "date": {"type": ["null", "string"], "format": "date"},
    "timestamp": {"type": ["null", "string"], "format": "date-time", "airbyte_type": "timestamp_with_timezone"},
    "object": {"type": ["null", "object"]},
    "array": {"type": ["null", "array"]},
}


def airbyte_stream(
    name: str,
    fields: Mapping[str, FieldType],
    *,
    primary_key: Sequence[Union[str, Sequence[str]]] = (),
    cursor: Union[str, Sequence[str], None] = None,
    namespace: Optional[str] = None,
) -> AirbyteStream:
    """A stream the short way: `fields` maps each field to a type name of `FIELD_TYPES` or a JSON schema.

    A `cursor` makes the stream incremental with that source-defined cursor; a `primary_key` is the
    source-defined one (each part a field name, or a path to a nested field).
    """
    properties = {field: _field_schema(field_type) for field, field_type in fields.items()}
    stream = AirbyteStream(
        name=name,
        json_schema={"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": properties},
        supported_sync_modes=[SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL] if cursor else [SyncMode.FULL_REFRESH],
        source_defined_cursor=cursor is not None,
        default_cursor_field=_path(cursor) if cursor else [],
        source_defined_primary_key=[_path(part) for part in primary_key],
        is_resumable=cursor is not None,
    )
    if namespace is not None:
        stream.namespace = namespace
    return stream


def default_configuration(stream: AirbyteStream) -> AirbyteStreamConfiguration:
    """How a new connection syncs a stream unless told otherwise: incremental (deduplicated when the stream has
    a primary key) where the source offers a cursor, else a full refresh that overwrites."""
    cursor = stream.default_cursor_field or []
    incremental = SyncMode.INCREMENTAL in (stream.supported_sync_modes or []) and bool(cursor)
    primary_key = stream.source_defined_primary_key or []
    if incremental:
        destination_mode = DestinationSyncMode.APPEND_DEDUP if primary_key else DestinationSyncMode.APPEND
    else:
        destination_mode = DestinationSyncMode.OVERWRITE
    return AirbyteStreamConfiguration(
        sync_mode=SyncMode.INCREMENTAL if incremental else SyncMode.FULL_REFRESH,
        destination_sync_mode=destination_mode,
        cursor_field=list(cursor) if incremental else [],
        primary_key=[list(part) for part in primary_key],
        alias_name=stream.name,
        selected=True,
        suggested=True,
        field_selection_enabled=False,
    )


def as_catalog(streams: Streams) -> AirbyteCatalog:
    """A catalog of copies of `streams`; a stream given without a configuration gets the default one."""
    entries = streams.streams if isinstance(streams, AirbyteCatalog) else list(streams)
    configured: List[AirbyteStreamAndConfiguration] = []
    for entry in entries:
        if isinstance(entry, AirbyteStream):
            entry = AirbyteStreamAndConfiguration(stream=entry)
        if not isinstance(entry, AirbyteStreamAndConfiguration) or entry.stream is None:
            wanted = "AirbyteStream, or AirbyteStreamAndConfiguration with a stream"
            raise TypeError(f"A catalog holds {wanted}, not {entry!r}")
        config = entry.config if entry.config is not None else default_configuration(entry.stream)
        configured.append(AirbyteStreamAndConfiguration(stream=entry.stream, config=config))
    return AirbyteCatalog(streams=configured).model_copy(deep=True)


def check_configured_catalog(operation: str, catalog: AirbyteCatalog, path: str = "syncCatalog") -> None:
    """Raise `InvalidInput` naming every stream entry that a sync could not run with."""
    problems: List[Invalid] = []
    seen = set()
    for index, entry in enumerate(catalog.streams):
        where = f"{path}.streams[{index}]"
        if entry.stream is None or entry.config is None:
            missing = "stream" if entry.stream is None else "config"
            problems.append(Invalid(f"{where}.{missing}", "Field required"))
            continue
        key = stream_key(entry.stream)
        if key in seen:
            problems.append(Invalid(f"{where}.stream.name", "The catalog has this stream twice", entry.stream.name))
        seen.add(key)
        if entry.config.selected is not False:
            problems.extend(_configuration_problems(entry.stream, entry.config, f"{where}.config"))
    if problems:
        raise InvalidInput(operation, problems)


def _configuration_problems(stream: AirbyteStream, config: AirbyteStreamConfiguration, where: str) -> List[Invalid]:
    problems = []
    supported = stream.supported_sync_modes
    if supported and config.sync_mode not in supported:
        offered = ", ".join(mode.value for mode in supported)
        problems.append(Invalid(f"{where}.syncMode", f"The stream supports only {offered}", config.sync_mode.value))
    cursor_known = bool(config.cursor_field) or bool(stream.source_defined_cursor and stream.default_cursor_field)
    if config.sync_mode is SyncMode.INCREMENTAL and not cursor_known:
        problems.append(Invalid(f"{where}.cursorField", "An incremental sync needs a cursor field"))
    key_known = bool(config.primary_key) or bool(stream.source_defined_primary_key)
    if config.destination_sync_mode in DEDUP_MODES and not key_known:
        problems.append(Invalid(f"{where}.primaryKey", "A deduplicated sync needs a primary key"))
    return problems


def _field_schema(field_type: FieldType) -> Dict[str, Any]:
    if isinstance(field_type, str):
        if field_type not in FIELD_TYPES:
            raise ValueError(f"Unknown field type {field_type!r}; use one of {sorted(FIELD_TYPES)} or a JSON schema")
        return dict(FIELD_TYPES[field_type])
    return dict(field_type)


def _path(field: Union[str, Sequence[str]]) -> List[str]:
    return [field] if isinstance(field, str) else list(field)
