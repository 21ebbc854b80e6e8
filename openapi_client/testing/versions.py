"""The Airbyte servers `LocalAirbyte` can be: what each answers differently from our spec's (2024-10).

- **2024-10** (`5beb5e7ca0d6`, the default): our spec.
- **2025-07** (after airbyte-platform #16836 and #17021): `connections/list` is paginated (see `pagination.py`);
  `geographies/list` is gone (removed with #16394, 2025-05: geographies became data plane groups), so Micronaut's
  `NotFoundController` answers it; connections lose `geography` and gain `tags`; sources and destinations gain
  `createdAt`, actor definition versions `supportsDataActivation`; a write the database refuses is a 409
  (`ApiHelper` maps `DataAccessException` to `ConflictException`).
- **2024-06** (`d8d93876ae`, 2024-06-28): actor definition versions lack `supportsFileTransfer` (#14307, 2024-10)
  and stream configurations `mappers` and `hashedFields`; `overwrite_dedup` is no destination sync mode yet.
- **2022-12** (`d95c06d357`, Jersey): answers lack what later versions added (`sourceActorDefinitionVersion`,
  `destinationActorDefinitionVersion`, `notifySchemaChangesByEmail`, `createdAt`, `backfillPreference` on
  connections; `status`, `supportState`, `isVersionOverrideApplied`, `breakingChanges` on sources and
  destinations; `isResumable` on streams; `suggested`, `hashedFields`, `mappers`, generation ids on stream
  configurations); a catalog diff's `updateStream` is the list of field transforms; list items carry the full
  source and destination reads and their ids; the list's `schemaChange` is never `non_breaking` (its handler
  passes no source ids to the fetch-event query). Requests: the list takes a `WorkspaceIdRequestBody`, and
  Jersey's Jackson refuses properties a model lacks (422, `UnrecognizedPropertyException`), as it refuses enum
  values added since (`overwrite_dedup`, `propagate_columns`, `propagate_fully`). Errors are the Jersey mappers'.
"""

from __future__ import annotations

import copy
from typing import Any, Dict, FrozenSet, Iterable, Mapping

Json = Dict[str, Any]

DEFAULT_VERSION = "2024-10"
SERVER_VERSIONS = ("2022-12", "2024-06", DEFAULT_VERSION, "2025-07")

_LACKING_2022: Mapping[str, FrozenSet[str]] = {
    "WorkspaceIdRequestBody": frozenset({"sourceId", "destinationId"}),
    "WebBackendConnectionCreate": frozenset({"backfillPreference", "notifySchemaChanges"}),
    "WebBackendConnectionUpdate": frozenset({"backfillPreference", "notifySchemaChangesByEmail"}),
    "AirbyteStream": frozenset({"isResumable"}),
    "AirbyteStreamConfiguration": frozenset(
        {"generationId", "hashedFields", "mappers", "minimumGenerationId", "suggested", "syncId"}
    ),
    "ResourceRequirements": frozenset({"ephemeral_storage_limit", "ephemeral_storage_request"}),
}
_LACKING_VALUES_2022: Mapping[str, FrozenSet[str]] = {
    "DestinationSyncMode": frozenset({"overwrite_dedup"}),
    "NonBreakingChangesPreference": frozenset({"propagate_columns", "propagate_fully"}),
}
_READ_LACKING_2022 = ("sourceActorDefinitionVersion", "destinationActorDefinitionVersion", "notifySchemaChangesByEmail",
                      "createdAt", "backfillPreference")  # fmt: skip
_ACTOR_LACKING_2022 = ("status", "supportState", "isVersionOverrideApplied", "breakingChanges")
_CONFIG_LACKING_2022 = ("suggested", "hashedFields", "mappers", "generationId", "minimumGenerationId", "syncId")
_CONFIG_LACKING_2024_06 = ("hashedFields", "mappers")


class ServerVersion:
    """Our spec's server (2024-10). Subclasses change what their version changed."""

    name = DEFAULT_VERSION
    jersey = False
    paginated_list = False
    has_geographies = True
    # Newer servers answer a write the database refuses with 409, older ones with 500.
    database_refusal_is_conflict = False
    # The 2022 list never reads the sources' discoveries, so its schema changes are never `non_breaking`.
    list_reads_discoveries = True
    refuses_unknown_properties = False
    lacking: Mapping[str, FrozenSet[str]] = {}
    lacking_values: Mapping[str, FrozenSet[str]] = {}

    def java_model_name(self, model_name: str) -> str:
        """The name of the model the server binds a request body to."""
        return model_name

    def shape_actor(self, read: Json, created_at: int) -> Json:
        """A `SourceRead` or `DestinationRead`."""
        return read

    def shape_definition_version(self, read: Json) -> Json:
        """An `ActorDefinitionVersionRead`."""
        return read

    def shape_read(self, read: Json) -> Json:
        """A `WebBackendConnectionRead`, its actors and definition versions already shaped."""
        return read

    def shape_list_item(self, item: Json, source: Json, destination: Json) -> Json:
        """A `WebBackendConnectionListItem`; `source` and `destination` are the (shaped) reads of its actors."""
        return item


class Server2025(ServerVersion):
    name = "2025-07"
    paginated_list = True
    has_geographies = False
    database_refusal_is_conflict = True

    def shape_actor(self, read: Json, created_at: int) -> Json:
        return {**read, "createdAt": created_at}

    def shape_definition_version(self, read: Json) -> Json:
        return {**read, "supportsDataActivation": False}

    def shape_read(self, read: Json) -> Json:
        return {**_without(read, ("geography",)), "tags": []}

    def shape_list_item(self, item: Json, source: Json, destination: Json) -> Json:
        return {**item, "tags": []}


class Server2024June(ServerVersion):
    name = "2024-06"
    lacking_values = {"DestinationSyncMode": frozenset({"overwrite_dedup"})}

    def shape_definition_version(self, read: Json) -> Json:
        return _without(read, ("supportsFileTransfer",))

    def shape_read(self, read: Json) -> Json:
        streams = [
            {**entry, "config": _without(entry["config"], _CONFIG_LACKING_2024_06)}
            for entry in read["syncCatalog"]["streams"]
        ]
        return {**read, "syncCatalog": {**read["syncCatalog"], "streams": streams}}


class Server2022(ServerVersion):
    name = "2022-12"
    jersey = True
    list_reads_discoveries = False
    refuses_unknown_properties = True
    lacking = _LACKING_2022
    lacking_values = _LACKING_VALUES_2022

    def java_model_name(self, model_name: str) -> str:
        return "WorkspaceIdRequestBody" if model_name == "WebBackendConnectionListRequestBody" else model_name

    def shape_actor(self, read: Json, created_at: int) -> Json:
        return _without(read, _ACTOR_LACKING_2022)

    def shape_read(self, read: Json) -> Json:
        shaped = _without(read, _READ_LACKING_2022)
        shaped["syncCatalog"] = {"streams": [_stream_2022(entry) for entry in read["syncCatalog"]["streams"]]}
        if "catalogDiff" in read:
            shaped["catalogDiff"] = {"transforms": [_transform_2022(t) for t in read["catalogDiff"]["transforms"]]}
        return shaped

    def shape_list_item(self, item: Json, source: Json, destination: Json) -> Json:
        shaped = _without(item, ("sourceActorDefinitionVersion", "destinationActorDefinitionVersion"))
        return {**shaped, "sourceId": source["sourceId"], "destinationId": destination["destinationId"],
                "source": source, "destination": destination}  # fmt: skip


_VERSIONS: Dict[str, ServerVersion] = {
    v.name: v for v in (Server2022(), Server2024June(), ServerVersion(), Server2025())
}


def version_named(name: str) -> ServerVersion:
    """The server of that version (`"2022-12"`, `"2024-06"`, `"2024-10"`, `"2025-07"`)."""
    try:
        return _VERSIONS[name]
    except KeyError:
        raise ValueError(f"Unknown server version {name!r}: use one of {', '.join(SERVER_VERSIONS)}") from None


def _without(document: Json, names: Iterable[str]) -> Json:
    dropped = set(names)
    return {key: copy.deepcopy(value) for key, value in document.items() if key not in dropped}


def _stream_2022(entry: Json) -> Json:
    return {
        "stream": _without(entry["stream"], ("isResumable",)),
        "config": _without(entry["config"], _CONFIG_LACKING_2022),
    }


def _transform_2022(transform: Json) -> Json:
    shaped = dict(transform)
    if "updateStream" in transform:
        shaped["updateStream"] = transform["updateStream"]["fieldTransforms"]
    return shaped
