"""What changed between a connection's catalog and the catalog its source has now, as Airbyte reports it.

Streams are matched by namespace and name, fields by their path in the stream's JSON schema (nested objects
are compared property by property). A change is breaking when it takes away what a selected stream syncs
by: a removed field that is its cursor or part of its primary key, or a new source-defined primary key on a
stream that deduplicates by it. Everything else (new or removed streams, new fields, changed field types)
is non-breaking.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from openapi_client.models.airbyte_catalog import AirbyteCatalog
from openapi_client.models.airbyte_stream import AirbyteStream
from openapi_client.models.airbyte_stream_and_configuration import AirbyteStreamAndConfiguration
from openapi_client.models.airbyte_stream_configuration import AirbyteStreamConfiguration
from openapi_client.models.catalog_diff import CatalogDiff
from openapi_client.models.destination_sync_mode import DestinationSyncMode
from openapi_client.models.field_add import FieldAdd
from openapi_client.models.field_remove import FieldRemove
from openapi_client.models.field_schema_update import FieldSchemaUpdate
from openapi_client.models.field_transform import FieldTransform, FieldTransformTransformType
from openapi_client.models.schema_change import SchemaChange
from openapi_client.models.stream_attribute_primary_key_update import StreamAttributePrimaryKeyUpdate
from openapi_client.models.stream_attribute_transform import (
    StreamAttributeTransform,
    StreamAttributeTransformTransformType,
)
from openapi_client.models.stream_descriptor import StreamDescriptor
from openapi_client.models.stream_transform import StreamTransform, StreamTransformTransformType
from openapi_client.models.stream_transform_update_stream import StreamTransformUpdateStream

StreamKey = Tuple[str, str]
FieldPath = Tuple[str, ...]
DEDUP_MODES = frozenset({DestinationSyncMode.APPEND_DEDUP, DestinationSyncMode.OVERWRITE_DEDUP})


def stream_key(stream: AirbyteStream) -> StreamKey:
    return (stream.namespace or "", stream.name)


def streams_by_key(catalog: AirbyteCatalog) -> Dict[StreamKey, AirbyteStreamAndConfiguration]:
    return {stream_key(entry.stream): entry for entry in catalog.streams if entry.stream is not None}


def diff_catalogs(configured: AirbyteCatalog, discovered: AirbyteCatalog) -> CatalogDiff:
    """The transforms that take `configured` (a connection's catalog) to `discovered` (its source's now)."""
    old = streams_by_key(configured)
    new = streams_by_key(discovered)
    transforms: List[StreamTransform] = []
    for key in sorted(new.keys() | old.keys()):
        if key not in old:
            transforms.append(_stream_transform(StreamTransformTransformType.ADD_STREAM, key))
        elif key not in new:
            transforms.append(_stream_transform(StreamTransformTransformType.REMOVE_STREAM, key))
        else:
            update = _stream_update(old[key], new[key])
            if update is not None:
                transforms.append(_stream_transform(StreamTransformTransformType.UPDATE_STREAM, key, update))
    return CatalogDiff(transforms=transforms)


def schema_change(diff: CatalogDiff) -> SchemaChange:
    """`breaking` if any transform is, `non_breaking` if there is any, else `no_change`."""
    if not diff.transforms:
        return SchemaChange.NO_CHANGE
    return SchemaChange.BREAKING if any(_is_breaking(t) for t in diff.transforms) else SchemaChange.NON_BREAKING


def refreshed_catalog(configured: AirbyteCatalog, discovered: AirbyteCatalog) -> AirbyteCatalog:
    """The discovered streams, each with the connection's configuration where it had the stream; new streams
    come unselected, so that a refresh never starts syncing data nobody chose."""
    old = streams_by_key(configured)
    streams = []
    for entry in discovered.streams:
        if entry.stream is None:
            continue
        previous = old.get(stream_key(entry.stream))
        config = previous.config if previous is not None else _unselected(entry.config)
        streams.append(AirbyteStreamAndConfiguration(stream=entry.stream, config=config))
    return AirbyteCatalog(streams=streams).model_copy(deep=True)


def _unselected(config: Optional[AirbyteStreamConfiguration]) -> Optional[AirbyteStreamConfiguration]:
    return None if config is None else config.model_copy(update={"selected": False})


def _stream_transform(
    kind: StreamTransformTransformType, key: StreamKey, update: Optional[StreamTransformUpdateStream] = None
) -> StreamTransform:
    namespace, name = key
    descriptor = StreamDescriptor(name=name, namespace=namespace) if namespace else StreamDescriptor(name=name)
    if update is None:
        return StreamTransform(transform_type=kind, stream_descriptor=descriptor)
    return StreamTransform(transform_type=kind, stream_descriptor=descriptor, update_stream=update)


def _stream_update(
    old: AirbyteStreamAndConfiguration, new: AirbyteStreamAndConfiguration
) -> Optional[StreamTransformUpdateStream]:
    assert old.stream is not None and new.stream is not None
    synced_by = _fields_synced_by(old.config)
    fields = _field_transforms(_properties(old.stream.json_schema), _properties(new.stream.json_schema), (), synced_by)
    attributes = _attribute_transforms(old, new)
    if not fields and not attributes:
        return None
    return StreamTransformUpdateStream(field_transforms=fields, stream_attribute_transforms=attributes)


def _fields_synced_by(config: Optional[AirbyteStreamConfiguration]) -> List[FieldPath]:
    """The cursor and primary key fields of a selected stream: taking one of them away breaks its syncs."""
    if config is None or config.selected is False:
        return []
    keys = [tuple(path) for path in config.primary_key or []]
    return keys + ([tuple(config.cursor_field)] if config.cursor_field else [])


def _properties(json_schema: Optional[Mapping[str, Any]]) -> Mapping[str, Any]:
    properties = (json_schema or {}).get("properties")
    return properties if isinstance(properties, dict) else {}


def _field_transforms(
    old: Mapping[str, Any], new: Mapping[str, Any], prefix: FieldPath, synced_by: Sequence[FieldPath]
) -> List[FieldTransform]:
    transforms: List[FieldTransform] = []
    for name in sorted(old.keys() | new.keys()):
        path = (*prefix, name)
        if name not in old:
            added = FieldAdd(var_schema=_schema(new[name]))
            transforms.append(_field(FieldTransformTransformType.ADD_FIELD, path, False, add_field=added))
        elif name not in new:
            removed = FieldRemove(var_schema=_schema(old[name]))
            breaking = any(synced[: len(path)] == path for synced in synced_by)
            transforms.append(_field(FieldTransformTransformType.REMOVE_FIELD, path, breaking, remove_field=removed))
        elif old[name] != new[name]:
            transforms.extend(_changed_field(old[name], new[name], path, synced_by))
    return transforms


def _changed_field(old: Any, new: Any, path: FieldPath, synced_by: Sequence[FieldPath]) -> List[FieldTransform]:
    """An object whose own type is unchanged is compared property by property; anything else as a whole."""
    if _nested(old) and _nested(new) and _without_properties(old) == _without_properties(new):
        return _field_transforms(_properties(old), _properties(new), path, synced_by)
    update = FieldSchemaUpdate(old_schema=_schema(old), new_schema=_schema(new))
    return [_field(FieldTransformTransformType.UPDATE_FIELD_SCHEMA, path, False, update_field_schema=update)]


def _schema(value: Any) -> Dict[str, Any]:
    # JSON Schema allows `true` (anything) and `false` (nothing) as schemas; the diff's schemas are objects.
    if isinstance(value, dict):
        return value
    return {"not": {}} if value is False else {}


def _nested(schema: Any) -> bool:
    return isinstance(schema, dict) and isinstance(schema.get("properties"), dict)


def _without_properties(schema: Mapping[str, Any]) -> Dict[str, Any]:
    return {key: value for key, value in schema.items() if key != "properties"}


def _field(kind: FieldTransformTransformType, path: FieldPath, breaking: bool, **change: Any) -> FieldTransform:
    return FieldTransform(transform_type=kind, field_name=list(path), breaking=breaking, **change)


def _attribute_transforms(
    old: AirbyteStreamAndConfiguration, new: AirbyteStreamAndConfiguration
) -> List[StreamAttributeTransform]:
    assert old.stream is not None and new.stream is not None
    old_key = old.stream.source_defined_primary_key or []
    new_key = new.stream.source_defined_primary_key or []
    if old_key == new_key:
        return []
    config = old.config
    deduplicated = config is not None and config.selected is not False and config.destination_sync_mode in DEDUP_MODES
    change = StreamAttributePrimaryKeyUpdate(old_primary_key=old_key, new_primary_key=new_key)
    return [
        StreamAttributeTransform(
            transform_type=StreamAttributeTransformTransformType.UPDATE_PRIMARY_KEY,
            breaking=deduplicated,
            update_primary_key=change,
        )
    ]


def _is_breaking(transform: StreamTransform) -> bool:
    update = transform.update_stream
    if update is None:
        return False
    fields = any(field.breaking for field in update.field_transforms)
    return fields or any(attribute.breaking for attribute in update.stream_attribute_transforms)
