"""The in-memory Airbyte that the local web backend serves: workspaces, connector definitions, sources,
destinations, operations and connections, behind one lock.

Its public methods are the Python API that tests use to arrange what the server holds (add a source, change
its catalog, publish a new connector version, record a sync); the operations themselves are in
`web_backend.py`.
"""

from __future__ import annotations

import re
import threading
import time
from typing import Any, Dict, List, Mapping, Optional, Set, TypeVar
from uuid import UUID, uuid4

from openapi_client.models.actor_status import ActorStatus
from openapi_client.models.airbyte_catalog import AirbyteCatalog
from openapi_client.models.connection_state_type import ConnectionStateType
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.job_status import JobStatus
from openapi_client.models.operation_read import OperationRead
from openapi_client.models.support_level import SupportLevel
from openapi_client.models.sync_mode import SyncMode
from openapi_client.testing.catalogs import Streams, as_catalog
from openapi_client.testing.errors import NotFound
from openapi_client.testing.records import Connection, Definition, Destination, Source

RecordT = TypeVar("RecordT")


class AirbyteState:
    """Everything the local web backend knows. Every method takes the lock; callers that read several
    records for one answer hold `lock` (re-entrant) around all of it."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.workspaces: Set[UUID] = set()
        self.source_definitions: Dict[UUID, Definition] = {}
        self.destination_definitions: Dict[UUID, Definition] = {}
        self.sources: Dict[UUID, Source] = {}
        self.destinations: Dict[UUID, Destination] = {}
        self.operations: Dict[UUID, OperationRead] = {}
        self.connections: Dict[UUID, Connection] = {}
        self.workspace_id: UUID = self.add_workspace()
        """The default workspace: where sources and destinations go unless told otherwise."""

    # -- arranging what the server holds -------------------------------------------------------------------

    def add_workspace(self, workspace_id: Optional[UUID] = None) -> UUID:
        """A new, empty workspace."""
        with self.lock:
            new_id = workspace_id or uuid4()
            self.workspaces.add(new_id)
            return new_id

    def add_source_definition(
        self,
        name: str,
        *,
        version: str = "1.0.0",
        latest_version: Optional[str] = None,
        docker_repository: Optional[str] = None,
        definition_id: Optional[UUID] = None,
        **details: Any,
    ) -> UUID:
        """A source connector: its image, the version in use and the newest published one (the same unless
        given). `details` are further fields of `Definition`: `support_level`, `icon`, `cdk_version`..."""
        definition = _definition(name, "source", version, latest_version, docker_repository, definition_id, details)
        with self.lock:
            self.source_definitions[definition.definition_id] = definition
        return definition.definition_id

    def add_destination_definition(
        self,
        name: str,
        *,
        version: str = "1.0.0",
        latest_version: Optional[str] = None,
        docker_repository: Optional[str] = None,
        definition_id: Optional[UUID] = None,
        **details: Any,
    ) -> UUID:
        """A destination connector; see `add_source_definition`."""
        definition = _definition(
            name, "destination", version, latest_version, docker_repository, definition_id, details
        )
        with self.lock:
            self.destination_definitions[definition.definition_id] = definition
        return definition.definition_id

    def publish_version(self, definition_id: UUID, version: str) -> None:
        """A newer version of a connector is out: `check_updates` counts its definition until it is in use."""
        with self.lock:
            self._definition(definition_id).latest_version = version

    def upgrade(self, definition_id: UUID, version: Optional[str] = None) -> None:
        """Put a version of a connector (the newest unless given) in use by every source or destination of it."""
        with self.lock:
            definition = self._definition(definition_id)
            definition.version = version or definition.latest_version

    def add_source(
        self,
        name: str,
        streams: Streams,
        *,
        definition_id: Optional[UUID] = None,
        configuration: Optional[Mapping[str, Any]] = None,
        workspace_id: Optional[UUID] = None,
        source_id: Optional[UUID] = None,
    ) -> UUID:
        """A source whose schema discovery finds `streams` (an `AirbyteCatalog`, or `AirbyteStream`s that get
        the default configuration). Without `definition_id` it gets a definition of its own."""
        catalog = as_catalog(streams)
        with self.lock:
            workspace = self.workspace(workspace_id or self.workspace_id)
            if definition_id is None:
                definition_id = self.add_source_definition(name)
            source = Source(
                source_id=source_id or uuid4(),
                workspace_id=workspace,
                definition=self._lookup(self.source_definitions, definition_id, "source definition"),
                name=name,
                configuration=dict(configuration or {}),
                catalog=catalog,
                catalog_id=uuid4(),
            )
            self.sources[source.source_id] = source
            return source.source_id

    def add_destination(
        self,
        name: str,
        *,
        definition_id: Optional[UUID] = None,
        configuration: Optional[Mapping[str, Any]] = None,
        workspace_id: Optional[UUID] = None,
        destination_id: Optional[UUID] = None,
    ) -> UUID:
        """A destination. Without `definition_id` it gets a definition of its own."""
        with self.lock:
            workspace = self.workspace(workspace_id or self.workspace_id)
            if definition_id is None:
                definition_id = self.add_destination_definition(name)
            destination = Destination(
                destination_id=destination_id or uuid4(),
                workspace_id=workspace,
                definition=self._lookup(self.destination_definitions, definition_id, "destination definition"),
                name=name,
                configuration=dict(configuration or {}),
            )
            self.destinations[destination.destination_id] = destination
            return destination.destination_id

    def set_source_catalog(self, source_id: UUID, streams: Streams) -> UUID:
        """The source's schema changed: a discovery now finds `streams`. Returns the new catalog's id.

        Connections keep their own catalog; `get` with `withRefreshedCatalog` shows them the difference."""
        catalog = as_catalog(streams)
        with self.lock:
            source = self.source(source_id)
            source.catalog = catalog
            source.catalog_id = uuid4()
            return source.catalog_id

    def source_catalog(self, source_id: UUID) -> AirbyteCatalog:
        """A copy of what a discovery of the source finds now, to change and give to `set_source_catalog`."""
        with self.lock:
            return self.source(source_id).catalog.model_copy(deep=True)

    def record_sync(
        self, connection_id: UUID, status: JobStatus = JobStatus.SUCCEEDED, at: Optional[int] = None
    ) -> None:
        """A sync job of the connection ended with `status` at `at` (epoch seconds, now by default). A
        successful sync of incremental streams leaves per-stream state, unless the connection has state."""
        status = JobStatus(status)
        with self.lock:
            connection = self.connection(connection_id)
            connection.latest_sync_job_status = status
            connection.latest_sync_job_created_at = int(time.time()) if at is None else at
            stateless = connection.state_type is ConnectionStateType.NOT_SET
            if status is JobStatus.SUCCEEDED and stateless and _syncs_incrementally(connection.sync_catalog):
                connection.state_type = ConnectionStateType.STREAM

    def set_state_type(self, connection_id: UUID, state_type: ConnectionStateType) -> None:
        """Give the connection state of this type (`not_set` clears it)."""
        with self.lock:
            self.connection(connection_id).state_type = ConnectionStateType(state_type)

    def delete_connection(self, connection_id: UUID) -> None:
        """Delete the connection the way Airbyte does: deprecate it, so that lists leave it out."""
        with self.lock:
            self.connection(connection_id).status = ConnectionStatus.DEPRECATED

    # -- looking records up (each raises the 404 of the spec) ---------------------------------------------

    def source(self, source_id: UUID) -> Source:
        return self._lookup(self.sources, source_id, "source")

    def destination(self, destination_id: UUID) -> Destination:
        return self._lookup(self.destinations, destination_id, "destination")

    def connection(self, connection_id: UUID) -> Connection:
        return self._lookup(self.connections, connection_id, "connection")

    def operation(self, operation_id: UUID) -> OperationRead:
        return self._lookup(self.operations, operation_id, "operation")

    def source_named(self, name: str, workspace_id: Optional[UUID] = None) -> UUID:
        """The id of the workspace's (by default: the default workspace's) source called `name`."""
        with self.lock:
            workspace = workspace_id or self.workspace_id
            found = [s.source_id for s in self.sources.values() if s.name == name and s.workspace_id == workspace]
        return _only(found, "source", name)

    def destination_named(self, name: str, workspace_id: Optional[UUID] = None) -> UUID:
        """The id of the workspace's (by default: the default workspace's) destination called `name`."""
        with self.lock:
            workspace = workspace_id or self.workspace_id
            found = [
                d.destination_id for d in self.destinations.values() if d.name == name and d.workspace_id == workspace
            ]
        return _only(found, "destination", name)

    def workspace_connections(self, workspace_id: UUID) -> List[Connection]:
        """The workspace's connections that are not deleted, by name."""
        with self.lock:
            self.workspace(workspace_id)
            listed = [c for c in self.connections.values() if c.workspace_id == workspace_id and not c.deleted]
            return sorted(listed, key=lambda c: (c.name.lower(), c.created_at, str(c.connection_id)))

    def actor_status(self, actor_id: UUID) -> ActorStatus:
        """Airbyte calls a source or destination active when an active connection uses it."""
        with self.lock:
            active = any(
                actor_id in (c.source_id, c.destination_id) and c.status is ConnectionStatus.ACTIVE
                for c in self.connections.values()
            )
        return ActorStatus.ACTIVE if active else ActorStatus.INACTIVE

    def workspace(self, workspace_id: UUID) -> UUID:
        if workspace_id not in self.workspaces:
            raise NotFound("workspace", workspace_id)
        return workspace_id

    def _definition(self, definition_id: UUID) -> Definition:
        found = self.source_definitions.get(definition_id) or self.destination_definitions.get(definition_id)
        if found is None:
            raise NotFound("connector definition", definition_id)
        return found

    def _lookup(self, records: Mapping[UUID, RecordT], record_id: UUID, kind: str) -> RecordT:
        with self.lock:
            found = records.get(record_id)
        if found is None:
            raise NotFound(kind, record_id)
        return found


def _definition(
    name: str,
    kind: str,
    version: str,
    latest_version: Optional[str],
    docker_repository: Optional[str],
    definition_id: Optional[UUID],
    details: Mapping[str, Any],
) -> Definition:
    repository = docker_repository or f"airbyte/{kind}-{_slug(name)}"
    details = {"support_level": SupportLevel.COMMUNITY, **details}
    return Definition(definition_id or uuid4(), name, repository, version, latest_version or version, **details)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "custom"


def _syncs_incrementally(catalog: AirbyteCatalog) -> bool:
    configs = [entry.config for entry in catalog.streams if entry.config is not None]
    return any(config.selected is not False and config.sync_mode is SyncMode.INCREMENTAL for config in configs)


def _only(found: List[UUID], kind: str, name: str) -> UUID:
    if len(found) != 1:
        raise LookupError(f"{len(found)} {kind}s are called {name!r} in the workspace, not exactly one")
    return found[0]
