"""The methods some models have beyond their schema: one mixin per model, each method a short call into the
module of its concern (`tables`, `display`, `catalog_editing`, `connection_updates`).

A model file names its mixin among its bases and stays a plain reading of the schema.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, List, Optional, cast

from openapi_client import catalog_editing, display, tables

if TYPE_CHECKING:
    import pandas

    from openapi_client.models.airbyte_catalog import AirbyteCatalog
    from openapi_client.models.airbyte_stream_and_configuration import AirbyteStreamAndConfiguration
    from openapi_client.models.catalog_diff import CatalogDiff
    from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
    from openapi_client.models.web_backend_connection_read_list import WebBackendConnectionReadList
    from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate


class ConnectionListMethods:
    """`WebBackendConnectionReadList` as a table."""

    __slots__ = ()

    def to_records(self) -> List[tables.Record]:
        """One flat record per connection: name, status, source, destination, schedule, last sync, schema
        change, ids and connectors (snake_case keys, JSON-safe values; see docs/recipes.md)."""
        return [tables.connection_record(item) for item in cast("WebBackendConnectionReadList", self).connections]

    def to_dataframe(self) -> pandas.DataFrame:
        """`to_records()` as a pandas DataFrame (needs `pip install 'openapi_client[pandas]'`)."""
        return tables.dataframe(self.to_records(), tables.CONNECTIONS)

    def _repr_html_(self) -> str:
        return tables.html_table(self.to_records(), tables.CONNECTIONS)


class CatalogMethods:
    """An `AirbyteCatalog`'s streams: found by name, selected, configured, and shown as a table."""

    __slots__ = ()

    def stream(self, name: str, namespace: Optional[str] = None) -> AirbyteStreamAndConfiguration:
        """The stream `name` (in `namespace`, or in any when None). Raises `StreamNotFoundError`, a `KeyError`
        naming close matches, when there is none, or when several namespaces have one and none was given."""
        return catalog_editing.find_stream(self._catalog(), name, namespace)

    def select(self, *names: str, namespace: Optional[str] = None, only: bool = False) -> AirbyteCatalog:
        """A new catalog in which the named streams are selected (synced); with `only=True`, they are the only
        ones. Raises `StreamNotFoundError` (a `KeyError`) for a name the catalog does not have."""
        return catalog_editing.select(self._catalog(), names, namespace, only=only)

    def deselect(self, *names: str, namespace: Optional[str] = None) -> AirbyteCatalog:
        """A new catalog in which the named streams are not selected (not synced)."""
        return catalog_editing.select(self._catalog(), names, namespace, selected=False)

    def configure(self, name: str, namespace: Optional[str] = None, **config: Any) -> AirbyteCatalog:
        """A new catalog in which the stream's configuration has the given fields changed, e.g.
        `configure("users", sync_mode="incremental", cursor_field=["updated_at"])`."""
        return catalog_editing.configure(self._catalog(), name, namespace, config)

    def select_fields(
        self, name: str, fields: Optional[Iterable[str]] = None, namespace: Optional[str] = None
    ) -> AirbyteCatalog:
        """A new catalog in which the stream syncs only `fields` (top-level field names), or all of its fields
        when `fields` is None. Raises `FieldNotFoundError` (a `KeyError`) for a field the stream does not have,
        and `ValueError` when the selection leaves out the cursor of an incremental stream or the primary key
        of a deduplicated one, which Airbyte refuses."""
        return catalog_editing.select_fields(self._catalog(), name, fields, namespace)

    def deselect_fields(self, name: str, fields: Iterable[str], namespace: Optional[str] = None) -> AirbyteCatalog:
        """A new catalog in which the stream no longer syncs `fields`; its other selected fields stay."""
        return catalog_editing.deselect_fields(self._catalog(), name, fields, namespace)

    def _catalog(self) -> AirbyteCatalog:
        return cast("AirbyteCatalog", self)

    def to_records(self) -> List[tables.Record]:
        """One flat record per stream: namespace, name, selected, sync modes, cursor, primary key, fields."""
        return tables.stream_records(self._catalog())

    def to_dataframe(self) -> pandas.DataFrame:
        """`to_records()` as a pandas DataFrame (needs `pip install 'openapi_client[pandas]'`)."""
        return tables.dataframe(self.to_records(), tables.STREAMS)

    def _repr_html_(self) -> str:
        return tables.html_table(self.to_records(), tables.STREAMS)


class CatalogDiffMethods:
    """A `CatalogDiff` as a table of changes."""

    __slots__ = ()

    def to_records(self) -> List[tables.Record]:
        """One flat record per change: the stream, the kind of change, the field, breaking or not, a detail
        such as `string -> integer`."""
        return tables.change_records(cast("CatalogDiff", self))

    def to_dataframe(self) -> pandas.DataFrame:
        """`to_records()` as a pandas DataFrame (needs `pip install 'openapi_client[pandas]'`)."""
        return tables.dataframe(self.to_records(), tables.CHANGES)

    def _repr_html_(self) -> str:
        return tables.html_table(self.to_records(), tables.CHANGES)


class ConnectionReadMethods:
    """A `WebBackendConnectionRead` turned into an update, its streams found by name, and its HTML view."""

    __slots__ = ()

    def to_update(self, **changes: Any) -> WebBackendConnectionUpdate:
        """An update that writes this connection back with `changes` applied (field or JSON names).

        It holds the editable fields that were read (name, schedule type and data, status, catalog,
        operations, namespace settings, resource requirements, geography, notification and schema-change
        preferences), and `source_catalog_id` from the read's `catalog_id`: sending the `to_update()` of a
        connection read with a refreshed catalog accepts that catalog. The deprecated `schedule` is left out
        (Airbyte refuses it in an update). Raises `pydantic.ValidationError` for an unknown field or a bad
        value, and `ValueError` when `schedule_type` and `schedule_data` do not agree (use `schedule()`).
        The update shares the read's objects (its catalog, for one): change them through `changes`.
        """
        from openapi_client.connection_updates import connection_update

        return connection_update(cast("WebBackendConnectionRead", self), **changes)

    def stream(self, name: str, namespace: Optional[str] = None) -> AirbyteStreamAndConfiguration:
        """The stream `name` of the connection's catalog (see `AirbyteCatalog.stream`)."""
        return catalog_editing.find_stream(cast("WebBackendConnectionRead", self).sync_catalog, name, namespace)

    def _repr_html_(self) -> str:
        connection = cast("WebBackendConnectionRead", self)
        streams = tables.stream_records(connection.sync_catalog)
        return display.fields_table(connection) + tables.html_table(streams, tables.STREAMS)
