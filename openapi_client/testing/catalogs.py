"""Streams: building a source's streams the short way, and the configuration Airbyte gives a discovered one."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

from openapi_client.models.airbyte_catalog import AirbyteCatalog
from openapi_client.models.airbyte_stream import AirbyteStream
from openapi_client.models.airbyte_stream_and_configuration import AirbyteStreamAndConfiguration
from openapi_client.models.airbyte_stream_configuration import AirbyteStreamConfiguration
from openapi_client.models.destination_sync_mode import DestinationSyncMode
from openapi_client.models.sync_mode import SyncMode

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
_NOT_ALPHANUMERIC = re.compile(r"[^A-Za-z0-9_]")


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


def default_configuration(stream: AirbyteStream, *, selected: bool = True) -> AirbyteStreamConfiguration:
    """The configuration Airbyte gives a discovered stream (`CatalogConverter.generateDefaultConfiguration` and
    `configureDefaultSyncModesForNewStream`): incremental and deduplicated when the source defines a cursor and a
    primary key; a full refresh that overwrites when it defines only a cursor (or nothing), unless the stream
    offers nothing but incremental. The source's cursor and key are filled in either way. Airbyte preselects only
    a catalog's single stream; this selects the stream unless told otherwise, as a user picking it would."""
    cursor_defined = bool(stream.source_defined_cursor)
    key = [list(part) for part in stream.source_defined_primary_key or []]
    full_refresh = SyncMode.FULL_REFRESH in (stream.supported_sync_modes or [])
    if cursor_defined and key:
        modes = (SyncMode.INCREMENTAL, DestinationSyncMode.APPEND_DEDUP)
    elif cursor_defined and not full_refresh:
        modes = (SyncMode.INCREMENTAL, DestinationSyncMode.APPEND)
    else:
        modes = (SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE)
    return AirbyteStreamConfiguration(
        sync_mode=modes[0],
        destination_sync_mode=modes[1],
        cursor_field=list(stream.default_cursor_field or []),
        primary_key=key,
        alias_name=alias_name(stream.name),
        selected=selected,
        suggested=selected,
    )


def alias_name(name: str) -> str:
    """`Names.toAlphanumericAndUnderscore`: accents dropped, spaces and other non-alphanumerics made `_`."""
    decomposed = unicodedata.normalize("NFKD", name)
    unaccented = "".join(char for char in decomposed if not unicodedata.category(char).startswith("M"))
    return _NOT_ALPHANUMERIC.sub("_", re.sub(r"\s+", "_", unaccented))


def stream_list(streams: Streams) -> List[AirbyteStream]:
    """Copies of the streams of `streams` (any configuration they come with is not part of a source's catalog)."""
    entries = streams.streams if isinstance(streams, AirbyteCatalog) else list(streams)
    result: List[AirbyteStream] = []
    for entry in entries:
        stream = entry.stream if isinstance(entry, AirbyteStreamAndConfiguration) else entry
        if not isinstance(stream, AirbyteStream):
            wanted = "AirbyteStream, or AirbyteStreamAndConfiguration with a stream"
            raise TypeError(f"A catalog holds {wanted}, not {entry!r}")
        result.append(stream.model_copy(deep=True))
    return result


def _field_schema(field_type: FieldType) -> Dict[str, Any]:
    if isinstance(field_type, str):
        if field_type not in FIELD_TYPES:
            raise ValueError(f"Unknown field type {field_type!r}; use one of {sorted(FIELD_TYPES)} or a JSON schema")
        return dict(FIELD_TYPES[field_type])
    return dict(field_type)


def _path(field: Union[str, Sequence[str]]) -> List[str]:
    return [field] if isinstance(field, str) else list(field)
