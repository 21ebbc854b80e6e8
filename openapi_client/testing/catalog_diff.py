"""What changed between two catalogs, as Airbyte reports it (`airbyte-commons-protocol`'s `CatalogDiffHelpers`,
called through `ConnectionsHandler.getDiff`).

Streams are matched by namespace and name. A stream in both is compared only when the connection syncs it
(it is in the configured catalog), field by field: every node of its JSON schema is a field, named by its path
(array items are `items`; the variants of a `oneOf` share their parent's path), so a change deep inside an object
also changes the object. A removed field breaks the connection only when it is the cursor of an incremental
stream or part of the primary key of a deduplicated one; a new source-defined primary key only when the stream
deduplicates by a different, non-empty key. Airbyte returns the transforms as a hash set, in no order; they come
here sorted.
"""

from __future__ import annotations

import copy
import json
from typing import Any, Dict, List, Optional, Sequence, Tuple

from openapi_client.testing.catalog_converter import (
    DEDUP_MODES,
    INCREMENTAL,
    ConfiguredStream,
    Json,
    StreamKey,
    to_configured,
)
from openapi_client.testing.errors import ServerCrash

FieldPath = Tuple[str, ...]
# `CatalogDiffHelpers.DUPLICATED_SCHEMA`: the schema of a path that the JSON schema gives twice.
DUPLICATED_SCHEMA = "Duplicated Schema"
_COMPOSITES = ("oneOf", "allOf", "anyOf")


def catalog_diff(old: Json, new: Json, configured: Sequence[ConfiguredStream]) -> Json:
    """`ConnectionsHandler.getDiff`: the `CatalogDiff` (API JSON) that takes `old` to `new`, judged by how the
    connection syncs (`configured`). Both catalogs count with every stream, selected or not."""
    old_streams = _streams_by_key(old)
    new_streams = _streams_by_key(new)
    syncing = {stream.key: stream for stream in configured}
    transforms: List[Json] = []
    for key in old_streams.keys() - new_streams.keys():
        transforms.append(_stream_transform("remove_stream", key))
    for key in new_streams.keys() - old_streams.keys():
        transforms.append(_stream_transform("add_stream", key))
    for key in old_streams.keys() & new_streams.keys():
        old_stream, new_stream = old_streams[key], new_streams[key]
        if key in syncing and old_stream != new_stream:
            update = _stream_update(old_stream, new_stream, syncing[key])
            if update["fieldTransforms"] or update["streamAttributeTransforms"]:
                transforms.append(_stream_transform("update_stream", key, update))
    return {"transforms": sorted(transforms, key=_transform_order)}


def contains_breaking_change(diff: Json) -> bool:
    """`AutoPropagateSchemaChangeHelper.containsBreakingChange`."""
    for transform in diff["transforms"]:
        update = transform.get("updateStream")
        if update is None:
            continue
        changes = update["fieldTransforms"] + update["streamAttributeTransforms"]
        if any(change["breaking"] for change in changes):
            return True
    return False


def streams_to_reset(diff: Json) -> List[StreamKey]:
    """`WebBackendConnectionsHandler.getStreamsToReset`: every stream the diff names."""
    return [(t["streamDescriptor"].get("namespace"), t["streamDescriptor"]["name"]) for t in diff["transforms"]]


def _streams_by_key(catalog: Json) -> Dict[StreamKey, Json]:
    """`toProtocolKeepAllStreams` then `configuredCatalogToCatalog`: every stream, as stored were it selected."""
    everything = copy.deepcopy(catalog)
    for entry in everything.get("streams") or []:
        if entry.get("config") is not None:
            entry["config"]["selected"] = True
    return {configured.key: configured.stream for configured in to_configured(everything)}


def _stream_update(old: Json, new: Json, configured: ConfiguredStream) -> Json:
    attributes: List[Json] = []
    old_key = old.get("sourceDefinedPrimaryKey") or []
    new_key = new.get("sourceDefinedPrimaryKey") or []
    if old_key != new_key:
        change = {"oldPrimaryKey": old_key, "newPrimaryKey": new_key}
        breaking = _key_change_breaks(configured, new_key)
        attributes.append({"transformType": "update_primary_key", "breaking": breaking, "updatePrimaryKey": change})
    old_fields = _fields_with_schemas(old.get("jsonSchema"))
    new_fields = _fields_with_schemas(new.get("jsonSchema"))
    fields: List[Json] = []
    for path in old_fields.keys() - new_fields.keys():
        removed = {"schema": old_fields[path]}
        fields.append(_field("remove_field", path, _removal_breaks(configured, path), removeField=removed))
    for path in new_fields.keys() - old_fields.keys():
        fields.append(_field("add_field", path, False, addField={"schema": new_fields[path]}))
    for path in old_fields.keys() & new_fields.keys():
        if old_fields[path] != new_fields[path]:
            update = {"oldSchema": old_fields[path], "newSchema": new_fields[path]}
            fields.append(_field("update_field_schema", path, False, updateFieldSchema=update))
    fields.sort(key=lambda change: (change["fieldName"], change["transformType"]))
    return {"fieldTransforms": fields, "streamAttributeTransforms": attributes}


def _key_change_breaks(configured: ConfiguredStream, new_key: List[List[str]]) -> bool:
    """`primaryKeyTransformBreaksConnection`: a deduplicated stream whose key is not the new, non-empty one."""
    if not new_key:
        return False
    same = {tuple(part) for part in configured.primary_key} == {tuple(part) for part in new_key}
    return configured.destination_sync_mode in DEDUP_MODES and not same


def _removal_breaks(configured: ConfiguredStream, path: FieldPath) -> bool:
    """`fieldTransformBreaksConnection`: the cursor of an incremental stream, or a primary key part of a
    deduplicated one (compared as whole paths)."""
    if configured.sync_mode == INCREMENTAL and tuple(configured.cursor_field) == path:
        return True
    key_parts = {tuple(part) for part in configured.primary_key}
    return configured.destination_sync_mode in DEDUP_MODES and path in key_parts


def _fields_with_schemas(json_schema: Any) -> Dict[FieldPath, Any]:
    """`getFullyQualifiedFieldNamesWithTypes` collected into a map: each field below the root and its schema,
    without the children of `oneOf`-like fields; a path found twice maps to `DUPLICATED_SCHEMA`."""
    fields: Dict[FieldPath, Any] = {}
    one_ofs: List[str] = []
    for path, schema in _traverse(json_schema)[1:]:
        joined = ".".join(path)
        if _is_one_of(schema):
            one_ofs.append(joined)
        elif any(joined.startswith(prefix) for prefix in one_ofs):
            # Airbyte compares the joined names as strings, so `username` counts as a child of a `user` oneOf.
            continue
        fields[path] = DUPLICATED_SCHEMA if path in fields else schema
    return fields


def _traverse(json_schema: Any) -> List[Tuple[FieldPath, Any]]:
    """`JsonSchemas.traverseJsonSchema`: every node, depth first in preorder (without recursion, for deep schemas)."""
    nodes: List[Tuple[FieldPath, Any]] = []
    pending: List[Tuple[FieldPath, Any]] = [((), json_schema if json_schema is not None else {})]
    while pending:
        path, node = pending.pop()
        if not isinstance(node, dict):
            # As Java renders them: the path of `FieldNameOrList`s, the node as JSON (`JsonSchemas.traverseJsonSchema`).
            steps = ", ".join(f"FieldNameOrList{{fieldName='{name}', isList=false}}" for name in path)
            reason = f"json schema nodes should always be object nodes. path: [{steps}] actual: {json.dumps(node)}"
            raise ServerCrash.precondition(reason)
        nodes.append((path, node))
        pending.extend(reversed(_children(path, node)))
    return nodes


def _children(path: FieldPath, node: Dict[str, Any]) -> List[Tuple[FieldPath, Any]]:
    children: List[Tuple[FieldPath, Any]] = []
    for node_type in _types(node):
        if node_type == "array" and "items" in node:
            children.append(((*path, "items"), node["items"]))
        elif node_type == "object":
            properties = node.get("properties")
            composite = next((keyword for keyword in _COMPOSITES if keyword in node), None)
            if "properties" in node:
                items = properties.items() if isinstance(properties, dict) else ()
                children.extend(((*path, name), child) for name, child in items)
            elif composite is not None and isinstance(node[composite], list):
                children.extend((path, variant) for variant in node[composite])
    return children


def _types(node: Dict[str, Any]) -> List[str]:
    """`JsonSchemas.getTypeOrObject`: the declared types, `string` for an enum, else `object`."""
    declared = node.get("type")
    if declared is not None:
        return [_text(t) for t in declared] if isinstance(declared, list) else [_text(declared)]
    return ["string"] if "enum" in node else ["object"]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value).lower()


def _is_one_of(schema: Dict[str, Any]) -> bool:
    """`isOneOfField`: no key of the schema contains `type`."""
    return not any("type" in name for name in schema)


def _stream_transform(kind: str, key: StreamKey, update: Optional[Json] = None) -> Json:
    namespace, name = key
    descriptor = {"name": name} if namespace is None else {"name": name, "namespace": namespace}
    transform: Json = {"transformType": kind, "streamDescriptor": descriptor}
    if update is not None:
        transform["updateStream"] = update
    return transform


def _field(kind: str, path: FieldPath, breaking: bool, **change: Any) -> Json:
    return {"transformType": kind, "fieldName": list(path), "breaking": breaking, **change}


def _transform_order(transform: Json) -> Tuple[str, str, str]:
    descriptor = transform["streamDescriptor"]
    return (descriptor.get("namespace") or "", descriptor["name"], transform["transformType"])
