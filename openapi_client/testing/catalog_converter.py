"""How Airbyte turns the catalogs of the API into what it stores and back, and merges them with a source's.

Catalogs here are the API's JSON (`{"streams": [{"stream": {...}, "config": {...}}]}`). A connection stores a
*configured* catalog: its selected streams only, each JSON schema cut to the selected fields, plus a field
selection flag per stream (`airbyte-commons-server`'s `CatalogConverter.toConfiguredInternal`,
`getFieldSelectionData`); reading it back (`CatalogConverter.toApi`) marks every stream selected, names its alias
after the stream and lists its fields. `merge` is `WebBackendConnectionsHandler.
updateSchemaWithRefreshedDiscoveredCatalog`, which puts the unselected streams back.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Optional, Sequence, Set, Tuple

from openapi_client.models.airbyte_stream import AirbyteStream
from openapi_client.testing.catalogs import alias_name, default_configuration
from openapi_client.testing.errors import BadObjectSchema, ServerCrash

Json = Dict[str, Any]
StreamKey = Tuple[Optional[str], str]
DEDUP_MODES = frozenset({"append_dedup", "overwrite_dedup"})
INCREMENTAL = "incremental"
_CONFIGURATION = "io.airbyte.api.model.generated.AirbyteStreamConfiguration"
# The parts of a stream that the configured catalog keeps (`CatalogConverter.toConfiguredProtocol`).
_STREAM_PARTS = (
    "name",
    "jsonSchema",
    "supportedSyncModes",
    "sourceDefinedCursor",
    "defaultCursorField",
    "namespace",
    "isResumable",
)


@dataclass
class ConfiguredStream:
    """A selected stream as a connection stores it (`ConfiguredAirbyteStream`)."""

    stream: Json
    sync_mode: str
    destination_sync_mode: str
    cursor_field: List[str] = field(default_factory=list)
    primary_key: List[List[str]] = field(default_factory=list)
    mappers: List[Json] = field(default_factory=list)

    @property
    def key(self) -> StreamKey:
        return stream_key(self.stream)


def stream_key(stream: Json) -> StreamKey:
    return (stream.get("namespace"), stream["name"])


def field_selection_key(key: StreamKey) -> str:
    """How `FieldSelectionData` names a stream: `namespace/name`, with Java's `null` for no namespace."""
    namespace, name = key
    return f"{'null' if namespace is None else namespace}/{name}"


def discovered_catalog(streams: Sequence[AirbyteStream]) -> Json:
    """A source's catalog as the API shows it (`CatalogConverter.toApi(AirbyteCatalog, ActorDefinitionVersion)`):
    each stream with its default configuration, selected only when it is the catalog's single stream (the
    connector suggests no streams here)."""
    only_one = len(streams) == 1
    entries = []
    for stream in streams:
        config = default_configuration(stream, selected=only_one)
        entries.append({"stream": api_stream(_json(stream)), "config": _json(config)})
    return {"streams": entries}


def api_stream(stream: Json) -> Json:
    """A stream as the API shows it (`ApiConverters.toApi`): a missing `sourceDefinedCursor` is false."""
    shown = copy.deepcopy(stream)
    shown.setdefault("sourceDefinedCursor", False)
    return shown


def to_configured(catalog: Json) -> List[ConfiguredStream]:
    """`CatalogConverter.toConfiguredInternal`: the selected streams, checked for field selection. A stream
    without `config` or `selected` fails as a null does in Java (500); field selection problems are
    `JsonValidationException`s (422, the first one found)."""
    configured: List[ConfiguredStream] = []
    problems: List[BadObjectSchema] = []
    for entry in catalog.get("streams") or []:
        config = entry.get("config")
        if config is None:
            raise ServerCrash.null("io.airbyte.api.model.generated.AirbyteStreamAndConfiguration.getConfig()")
        if config.get("selected") is None:
            raise ServerCrash.null(f"{_CONFIGURATION}.getSelected()")
        if not config["selected"]:
            continue
        try:
            stream = _with_selected_fields_only(entry.get("stream"), config)
        except BadObjectSchema as problem:
            problems.append(problem)
            continue
        configured.append(
            ConfiguredStream(
                stream=stream,
                sync_mode=config["syncMode"],
                destination_sync_mode=config["destinationSyncMode"],
                cursor_field=list(config.get("cursorField") or []),
                primary_key=[list(part) for part in config.get("primaryKey") or []],
                mappers=_mappers(config),
            )
        )
    if problems:
        raise problems[0]
    return configured


def field_selection(catalog: Json) -> Dict[str, bool]:
    """`CatalogConverter.getFieldSelectionData`: whether field selection is on, for every stream of the catalog."""
    return {
        field_selection_key(stream_key(entry["stream"])): bool((entry.get("config") or {}).get("fieldSelectionEnabled"))
        for entry in catalog.get("streams") or []
    }


def configured_catalog(streams: Sequence[ConfiguredStream], selection: Dict[str, bool]) -> Json:
    """`CatalogConverter.toApi(ConfiguredAirbyteCatalog, FieldSelectionData)`: what a connection's stored catalog
    reads back as. Every stream is selected and not suggested, its alias is its name made alphanumeric, and with
    field selection on it lists the fields its stored schema kept."""
    entries = []
    for configured in streams:
        enabled = selection.get(field_selection_key(configured.key), False)
        properties = find_value(configured.stream.get("jsonSchema"), "properties") if enabled else None
        config: Json = {
            "syncMode": configured.sync_mode,
            "cursorField": list(configured.cursor_field),
            "destinationSyncMode": configured.destination_sync_mode,
            "primaryKey": [list(part) for part in configured.primary_key],
            "aliasName": alias_name(configured.stream["name"]),
            "selected": True,
            "suggested": False,
            "fieldSelectionEnabled": enabled,
            "selectedFields": [{"fieldPath": [name]} for name in properties] if isinstance(properties, dict) else [],
            "hashedFields": [
                {"fieldPath": [mapper["mapperConfiguration"].get("targetField")]}
                for mapper in configured.mappers
                if mapper.get("type") == "hashing"
            ],
            "mappers": copy.deepcopy(configured.mappers),
        }
        entries.append({"stream": api_stream(configured.stream), "config": config})
    return {"streams": entries}


def merge(configured: Json, original: Json, discovered: Json) -> Json:
    """`updateSchemaWithRefreshedDiscoveredCatalog`: `discovered`'s streams, each with the configuration
    `configured` has for it (the sync mode only while the stream still supports it, the source-defined primary
    key winning over the configured one, the field selection recomputed against `original`); a stream that
    `configured` lacks comes with its default configuration, unselected."""
    configured_by_key = {stream_key(entry["stream"]): entry for entry in configured["streams"]}
    original_by_key = {stream_key(entry["stream"]): entry for entry in original["streams"]}
    streams = []
    for entry in discovered["streams"]:
        stream = entry["stream"]
        key = stream_key(stream)
        previous = configured_by_key.get(key)
        if previous is None:
            config = copy.deepcopy(entry["config"])
            config["selected"] = False
        else:
            config = _merged_configuration(stream, entry["config"], previous["config"], original_by_key.get(key))
        streams.append({"stream": copy.deepcopy(stream), "config": config})
    return {"streams": streams}


def configuration_changes(old: Json, new: Json) -> Set[StreamKey]:
    """`ConnectionsHandler.getConfigurationDiff`: the streams of both catalogs whose cursor, sync modes, primary
    key (in any order) or hashed fields differ."""
    old_configs = {stream_key(entry["stream"]): entry["config"] for entry in old["streams"]}
    changed = set()
    for entry in new["streams"]:
        key = stream_key(entry["stream"])
        if key in old_configs and _configuration_changed(old_configs[key], entry["config"]):
            changed.add(key)
    return changed


def find_value(node: Any, name: str) -> Any:
    """Jackson's `JsonNode.findValue`: the value of the first `name` property, depth first."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            if name in current:
                return current[name]
            stack.extend(reversed(list(current.values())))
        elif isinstance(current, list):
            stack.extend(reversed(current))
    return None


def _with_selected_fields_only(stream: Optional[Json], config: Json) -> Json:
    """`CatalogConverter.toConfiguredProtocol`: the stream to store, its properties cut to the selected fields."""
    if stream is None:
        raise ServerCrash.null("io.airbyte.api.model.generated.AirbyteStreamAndConfiguration.getStream()")
    stored = {part: copy.deepcopy(stream[part]) for part in _STREAM_PARTS if stream.get(part) is not None}
    stored["sourceDefinedPrimaryKey"] = copy.deepcopy(stream.get("sourceDefinedPrimaryKey") or [])
    if not config.get("fieldSelectionEnabled"):
        return stored
    if "selectedFields" in config and config["selectedFields"] is None:
        raise BadObjectSchema("Requested field selection but no selected fields provided")
    properties = find_value(stored.get("jsonSchema"), "properties")
    if not isinstance(properties, dict):
        raise BadObjectSchema("Requested field selection but no properties node found")
    selected = _selected_names(config.get("selectedFields") or [])
    cursor = config.get("cursorField") or []
    if config["syncMode"] == INCREMENTAL and cursor and cursor[0] not in selected:
        raise BadObjectSchema("Cursor field cannot be de-selected in INCREMENTAL syncs")
    key_parts = [part[0] for part in config.get("primaryKey") or [] if part]
    if config["destinationSyncMode"] in DEDUP_MODES and not selected.issuperset(key_parts):
        raise BadObjectSchema("Primary key field cannot be de-selected in DEDUP mode")
    for name in [name for name in properties if name not in selected]:
        del properties[name]
    return stored


def _selected_names(selected_fields: Sequence[Json]) -> Set[str]:
    names = set()
    for info in selected_fields:
        path = info.get("fieldPath") or []
        if not path:
            raise BadObjectSchema("Selected field path cannot be empty")
        if len(path) > 1:
            raise ServerCrash("java.lang.UnsupportedOperationException", "Nested field selection not supported")
        names.add(path[0])
    return names


def _mappers(config: Json) -> List[Json]:
    """The mappers as given; without any, the deprecated `hashedFields` as hashing mappers
    (`MapperHelper.createHashingMapper`)."""
    if config.get("mappers"):
        return copy.deepcopy(config["mappers"])
    return [
        {
            "type": "hashing",
            "mapperConfiguration": {
                "targetField": info["fieldPath"][0],
                "method": "SHA-256",
                "fieldNameSuffix": "_hashed",
            },
        }
        for info in config.get("hashedFields") or []
        if info.get("fieldPath")
    ]


def _merged_configuration(stream: Json, discovered: Json, previous: Json, original: Optional[Json]) -> Json:
    supported = stream.get("supportedSyncModes") or []
    source_key = stream.get("sourceDefinedPrimaryKey") or []
    config: Json = {
        "syncMode": previous["syncMode"] if previous["syncMode"] in supported else discovered["syncMode"],
        "cursorField": previous.get("cursorField") or discovered.get("cursorField") or [],
        "destinationSyncMode": previous["destinationSyncMode"],
        "primaryKey": source_key or previous.get("primaryKey") or discovered.get("primaryKey") or [],
        "aliasName": previous.get("aliasName"),
        "selected": previous.get("selected"),
        "suggested": previous.get("suggested"),
        "fieldSelectionEnabled": previous.get("fieldSelectionEnabled"),
        "mappers": copy.deepcopy(previous.get("mappers")),
    }
    fields = set(_property_names(stream))
    config["hashedFields"] = [
        copy.deepcopy(info)
        for info in previous.get("hashedFields") or []
        if (info.get("fieldPath") or [""])[0] in fields
    ]
    if config["fieldSelectionEnabled"]:
        if original is None:
            raise ServerCrash.null("io.airbyte.api.model.generated.AirbyteStreamAndConfiguration.getStream()")
        chosen = {info["fieldPath"][0] for info in previous.get("selectedFields") or []}
        known = set(_property_names(original["stream"]))
        names = [name for name in _property_names(stream) if name in chosen or name not in known]
        config["selectedFields"] = [{"fieldPath": [name]} for name in names]
    else:
        config["selectedFields"] = []
    return {name: value for name, value in config.items() if value is not None}


def _property_names(stream: Json) -> Iterator[str]:
    properties = find_value(stream.get("jsonSchema"), "properties")
    return iter(properties) if isinstance(properties, dict) else iter(())


def _configuration_changed(old: Json, new: Json) -> bool:
    def key_set(config: Json) -> Set[Tuple[str, ...]]:
        return {tuple(part) for part in config.get("primaryKey") or []}

    def hashed(config: Json) -> List[Tuple[str, ...]]:
        return sorted(tuple(info.get("fieldPath") or []) for info in config.get("hashedFields") or [])

    return (
        (old.get("cursorField") or []) != (new.get("cursorField") or [])
        or old["syncMode"] != new["syncMode"]
        or old["destinationSyncMode"] != new["destinationSyncMode"]
        or key_set(old) != key_set(new)
        or hashed(old) != hashed(new)
    )


def _json(model: Any) -> Json:
    document: Json = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    return document
