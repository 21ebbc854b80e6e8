"""Finding a catalog's streams by name, and new catalogs with streams or fields selected or configured.

Every change returns a new catalog and leaves the one it started from as it was (the streams it does not
change are shared between the two). Airbyte's own rules are checked before anything is sent: field selection
is by top-level field, and may not leave out the cursor of an incremental stream or the primary key of a
deduplicated one.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple, TypeVar

from openapi_client.models.destination_sync_mode import DestinationSyncMode
from openapi_client.models.selected_field_info import SelectedFieldInfo
from openapi_client.models.sync_mode import SyncMode

if TYPE_CHECKING:
    from openapi_client.models.airbyte_catalog import AirbyteCatalog
    from openapi_client.models.airbyte_stream_and_configuration import AirbyteStreamAndConfiguration
    from openapi_client.models.airbyte_stream_configuration import AirbyteStreamConfiguration

CatalogT = TypeVar("CatalogT", bound="AirbyteCatalog")
# A change made to a copy of a stream's configuration (the entry it belongs to given for reading).
Change = Callable[["AirbyteStreamConfiguration", "AirbyteStreamAndConfiguration"], None]
_DEDUPLICATED = (DestinationSyncMode.APPEND_DEDUP, DestinationSyncMode.OVERWRITE_DEDUP)


class StreamNotFoundError(KeyError):
    """No stream of that name (and namespace) in the catalog, or more than one; the message names close ones."""

    def __str__(self) -> str:
        # A KeyError shows its argument's repr; this message is meant to be read.
        return str(self.args[0])


class FieldNotFoundError(KeyError):
    """A field that the stream's JSON schema does not have; the message names close ones."""

    def __str__(self) -> str:
        return str(self.args[0])


def find_stream(catalog: AirbyteCatalog, name: str, namespace: Optional[str] = None) -> AirbyteStreamAndConfiguration:
    """The catalog's entry for the stream `name` (in `namespace`, or in any namespace when None)."""
    return catalog.streams[_index(catalog, name, namespace)]


def _index(catalog: AirbyteCatalog, name: str, namespace: Optional[str]) -> int:
    named = [
        (index, entry.stream.namespace)
        for index, entry in enumerate(catalog.streams)
        if entry.stream is not None and entry.stream.name == name
    ]
    matching = [index for index, space in named if namespace is None or space == namespace]
    if len(matching) == 1:
        return matching[0]
    if len(matching) > 1:
        spaces = ", ".join(repr(space) for _, space in named)
        raise StreamNotFoundError(f"{len(matching)} streams are named {name!r} (namespaces {spaces}): pass namespace=")
    described = name if namespace is None else f"{namespace}.{name}"
    message = f"no stream {described!r} in the catalog"
    if named:
        message += f"; {name!r} is in namespace " + " and ".join(repr(space) for _, space in named)
    else:
        names = sorted({entry.stream.name for entry in catalog.streams if entry.stream is not None})
        message += _close_matches(name, names, "streams")
    raise StreamNotFoundError(message)


def _close_matches(word: str, candidates: Sequence[str], noun: str) -> str:
    close = difflib.get_close_matches(word, candidates, n=3)
    if close:
        return "; did you mean " + " or ".join(repr(c) for c in close) + "?"
    if len(candidates) <= 10:
        return f" (it has {', '.join(map(repr, candidates)) or 'none'})"
    return f" (it has {len(candidates)} {noun})"


def select(
    catalog: CatalogT, names: Iterable[str], namespace: Optional[str], selected: bool = True, only: bool = False
) -> CatalogT:
    """A copy of `catalog` in which the named streams are selected (or not); with `only`, no other stream is."""
    named = _indices(catalog, names, namespace)
    changed = _changed(catalog, named, _setting(selected=selected))
    if not only:
        return changed
    others = [i for i, entry in enumerate(catalog.streams) if i not in named and entry.config is not None]
    return _changed(changed, others, _setting(selected=False))


def configure(catalog: CatalogT, name: str, namespace: Optional[str], changes: Dict[str, Any]) -> CatalogT:
    """A copy of `catalog` in which the stream's configuration has `changes` set (checked as assignments are,
    so `"incremental"` becomes `SyncMode.INCREMENTAL` and a misspelt field name is refused)."""
    return _changed(catalog, _indices(catalog, [name], namespace), _setting(**changes))


def select_fields(catalog: CatalogT, name: str, fields: Optional[Iterable[str]], namespace: Optional[str]) -> CatalogT:
    """A copy of `catalog` in which the stream syncs only `fields` (top-level names), or all when None."""
    chosen = None if fields is None else list(dict.fromkeys(fields))

    def change(config: AirbyteStreamConfiguration, entry: AirbyteStreamAndConfiguration) -> None:
        _select_fields(config, entry, chosen)

    return _changed(catalog, _indices(catalog, [name], namespace), change)


def deselect_fields(catalog: CatalogT, name: str, fields: Iterable[str], namespace: Optional[str]) -> CatalogT:
    """A copy of `catalog` in which the stream stops syncing `fields`, keeping its other selected fields."""
    dropped = list(dict.fromkeys(fields))

    def change(config: AirbyteStreamConfiguration, entry: AirbyteStreamAndConfiguration) -> None:
        _check_known(entry, dropped)
        kept = [field for field in selected_field_names(config, entry) if field not in dropped]
        _select_fields(config, entry, kept)

    return _changed(catalog, _indices(catalog, [name], namespace), change)


def _setting(**values: Any) -> Change:
    def change(config: AirbyteStreamConfiguration, entry: AirbyteStreamAndConfiguration) -> None:
        for field, value in values.items():
            setattr(config, field, value)

    return change


def _indices(catalog: AirbyteCatalog, names: Iterable[str], namespace: Optional[str]) -> List[int]:
    return sorted({_index(catalog, name, namespace) for name in names})


def _changed(
    catalog: CatalogT,
    indices: Iterable[int],
    change: Change,
) -> CatalogT:
    """A copy of `catalog` in which `change` has been made to a copy of the configuration of each stream at
    `indices`."""
    streams = list(catalog.streams)
    for index in indices:
        entry = streams[index]
        if entry.config is None:
            raise ValueError(f"stream {_stream_name(entry)!r} has no configuration to change")
        config = entry.config.model_copy()
        change(config, entry)
        streams[index] = entry.model_copy(update={"config": config})
    return catalog.model_copy(update={"streams": streams})


def _select_fields(
    config: AirbyteStreamConfiguration, entry: AirbyteStreamAndConfiguration, fields: Optional[List[str]]
) -> None:
    if fields is None:
        config.field_selection_enabled = False
        config.selected_fields = []
        return
    _check_known(entry, fields)
    _check_keeps_keys(config, entry, fields)
    config.field_selection_enabled = True
    config.selected_fields = [SelectedFieldInfo(field_path=[field]) for field in fields]


def _check_known(entry: AirbyteStreamAndConfiguration, fields: List[str]) -> None:
    known = top_level_fields(entry)
    for field in fields:
        if field not in known:
            message = f"stream {_stream_name(entry)!r} has no field {field!r}"
            raise FieldNotFoundError(message + _close_matches(field, known, "fields"))


def _stream_name(entry: AirbyteStreamAndConfiguration) -> str:
    return entry.stream.name if entry.stream is not None else "?"


def top_level_fields(entry: AirbyteStreamAndConfiguration) -> List[str]:
    """The names of the stream's top-level fields, as its JSON schema lists them."""
    schema = entry.stream.json_schema if entry.stream is not None else None
    properties = (schema or {}).get("properties")
    return list(properties) if isinstance(properties, dict) else []


def selected_field_names(config: AirbyteStreamConfiguration, entry: AirbyteStreamAndConfiguration) -> List[str]:
    """The top-level fields that a sync writes: the selected ones, or all when field selection is off."""
    if not config.field_selection_enabled:
        return top_level_fields(entry)
    return [info.field_path[0] for info in config.selected_fields or [] if info.field_path]


def _check_keeps_keys(
    config: AirbyteStreamConfiguration, entry: AirbyteStreamAndConfiguration, chosen: List[str]
) -> None:
    # The checks of Airbyte's CatalogConverter.toConfiguredProtocol, made before the request is sent.
    needed: List[Tuple[str, str]] = []
    if config.sync_mode == SyncMode.INCREMENTAL and config.cursor_field:
        needed.append(("cursor", config.cursor_field[0]))
    if config.destination_sync_mode in _DEDUPLICATED:
        needed.extend(("primary key", path[0]) for path in config.primary_key or [] if path)
    for role, field in needed:
        if field not in chosen:
            raise ValueError(
                f"stream {_stream_name(entry)!r}: field {field!r} is its {role} ({config.sync_mode}, "
                f"{config.destination_sync_mode}) and must stay selected"
            )
