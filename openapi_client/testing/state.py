"""The in-memory Airbyte that the local web backend serves: workspaces, connector definitions, sources,
destinations, operations, connections, their jobs, and the catalogs discoveries found, behind one lock.

Its public methods are the Python API that tests use to arrange what the server holds (add a source, change
its schema, run a discovery, publish a new connector version, run syncs); the operations themselves are in
`web_backend.py`.
"""

from __future__ import annotations

import json
import re
import threading
import time
from typing import Any, Dict, List, Mapping, Optional, Set, Tuple, TypeVar
from uuid import UUID, uuid4

from openapi_client.models.airbyte_catalog import AirbyteCatalog
from openapi_client.models.airbyte_stream import AirbyteStream
from openapi_client.models.airbyte_stream_and_configuration import AirbyteStreamAndConfiguration
from openapi_client.models.connection_state_type import ConnectionStateType
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.job_status import JobStatus
from openapi_client.models.support_level import SupportLevel
from openapi_client.testing.catalog_converter import (
    INCREMENTAL,
    Json,
    StreamKey,
    configured_catalog,
    discovered_catalog,
)
from openapi_client.testing.catalog_diff import catalog_diff, contains_breaking_change
from openapi_client.testing.catalogs import Streams, default_configuration, stream_list
from openapi_client.testing.errors import IdNotFound
from openapi_client.testing.records import (
    TERMINAL_STATUSES,
    Connection,
    Definition,
    Destination,
    Job,
    JobKind,
    Operation,
    Source,
)

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
        self.operations: Dict[UUID, Operation] = {}
        self.connections: Dict[UUID, Connection] = {}
        self.jobs: List[Job] = []
        self.registry_reachable = True
        """Whether the connector registry answers: `check_updates` counts nothing while it does not."""
        # The catalogs discoveries found (`ActorCatalog`s), kept once per content as Airbyte does.
        self._catalogs: Dict[UUID, List[AirbyteStream]] = {}
        self._catalog_ids: Dict[str, UUID] = {}
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
        """A source connector: its image, the version in use and the registry's newest (the same unless
        given). `details` are further fields of `Definition`: `support_level`, `icon`, `cdk_version`,
        `custom` (not in the registry)..."""
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
        """A destination connector; see `add_source_definition`. `supports_refreshes=False` makes the streams an
        update changes get a reset job instead of a refresh."""
        definition = _definition(
            name, "destination", version, latest_version, docker_repository, definition_id, details
        )
        with self.lock:
            self.destination_definitions[definition.definition_id] = definition
        return definition.definition_id

    def publish_version(self, definition_id: UUID, version: str) -> None:
        """A newer version of a connector is in the registry: `check_updates` counts it until it is in use."""
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
        """A source whose schema discovery finds `streams` (an `AirbyteCatalog`, or `AirbyteStream`s; any
        configuration they come with is not part of a source). Nothing has discovered it yet. Without
        `definition_id` it gets a definition of its own."""
        found = stream_list(streams)
        with self.lock:
            workspace = self.workspace(workspace_id or self.workspace_id)
            if definition_id is None:
                definition_id = self.add_source_definition(name)
            source = Source(
                source_id=source_id or uuid4(),
                workspace_id=workspace,
                definition=self._lookup(self.source_definitions, definition_id, "STANDARD_SOURCE_DEFINITION"),
                name=name,
                configuration=dict(configuration or {}),
                streams=found,
                created_at=int(time.time()),
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
                definition=self._lookup(self.destination_definitions, definition_id, "STANDARD_DESTINATION_DEFINITION"),
                name=name,
                configuration=dict(configuration or {}),
                created_at=int(time.time()),
            )
            self.destinations[destination.destination_id] = destination
            return destination.destination_id

    def set_source_catalog(self, source_id: UUID, streams: Streams, *, discover: bool = True) -> UUID:
        """The source's schema changed upstream: a discovery now finds `streams`. Unless `discover=False`,
        Airbyte discovers it at once (see `discover`), as it does before every sync. Returns the id the new
        catalog has (or will have)."""
        found = stream_list(streams)
        with self.lock:
            self.source(source_id).streams = found
            return self.discover(source_id) if discover else self._catalog_id(found)

    def discover(self, source_id: UUID) -> UUID:
        """Run a schema discovery of the source, as Airbyte runs one before a sync or when a connection's catalog
        is refreshed (`SchedulerHandler.discoverAndGloballyDisable`): the catalog found is kept (once per
        content) and recorded as the source's newest, and every connection of the source compares its catalog
        with it, stores whether the difference breaks it, and is set inactive on a breaking difference (or on
        any, if its non-breaking changes preference is `disable`). Returns the catalog's id."""
        with self.lock:
            return self.run_discovery(source_id)[0]

    def source_catalog(self, source_id: UUID) -> AirbyteCatalog:
        """A copy of what a discovery of the source finds now, each stream with the configuration Airbyte gives
        a discovered one but selected (`default_configuration`): to change and give to `set_source_catalog`, or
        to send as a connection's `syncCatalog`."""
        with self.lock:
            streams = [stream.model_copy(deep=True) for stream in self.source(source_id).streams]
        entries = [AirbyteStreamAndConfiguration(stream=s, config=default_configuration(s)) for s in streams]
        return AirbyteCatalog(streams=entries)

    def record_sync(
        self, connection_id: UUID, status: JobStatus = JobStatus.SUCCEEDED, at: Optional[int] = None
    ) -> int:
        """A sync job of the connection that ran and ended with `status`, created at `at` (epoch seconds, now
        by default); a successful one of incremental streams leaves per-stream state. Returns the job's id."""
        with self.lock:
            job = self.start_job(connection_id, JobKind.SYNC, at=at)
            self._end(job, JobStatus(status), job.created_at)
            return job.job_id

    def start_sync(self, connection_id: UUID, *, at: Optional[int] = None) -> int:
        """A sync job of the connection starts (status `running`): the connection `isSyncing` until
        `finish_sync`. Returns the job's id."""
        with self.lock:
            return self.start_job(connection_id, JobKind.SYNC, at=at).job_id

    def finish_sync(
        self, connection_id: UUID, status: JobStatus = JobStatus.SUCCEEDED, *, at: Optional[int] = None
    ) -> int:
        """The connection's running job (a sync, or the refresh or reset an update started) ends with `status`
        (`succeeded`, `failed` or `cancelled`). A successful sync or refresh of incremental streams leaves
        per-stream state. Returns the job's id."""
        status = JobStatus(status)
        if status not in TERMINAL_STATUSES:
            raise ValueError(f"A job ends as succeeded, failed or cancelled, not {status.value}")
        with self.lock:
            running = self.running_job(connection_id)
            if running is None:
                raise LookupError(f"Connection {connection_id} has no running job")
            self._end(running, status, int(time.time()) if at is None else at)
            return running.job_id

    def jobs_of(self, connection_id: UUID) -> List[Job]:
        """The connection's jobs, oldest first (the records themselves: read them, do not change them)."""
        with self.lock:
            return [job for job in self.jobs if job.connection_id == connection_id]

    def set_state_type(self, connection_id: UUID, state_type: ConnectionStateType) -> None:
        """Give the connection state of this type (`not_set` clears it)."""
        with self.lock:
            self.connection(connection_id).state_type = ConnectionStateType(state_type)

    def delete_connection(self, connection_id: UUID) -> None:
        """Delete the connection the way Airbyte does: deprecate it, so that lists leave it out."""
        with self.lock:
            self.connection(connection_id).status = ConnectionStatus.DEPRECATED

    # -- looking records up (each raises the 404 Airbyte answers) -------------------------------------------

    def source(self, source_id: UUID) -> Source:
        return self._lookup(self.sources, source_id, "SOURCE_CONNECTION")

    def destination(self, destination_id: UUID) -> Destination:
        return self._lookup(self.destinations, destination_id, "DESTINATION_CONNECTION")

    def connection(self, connection_id: UUID) -> Connection:
        return self._lookup(self.connections, connection_id, "STANDARD_SYNC")

    def operation(self, operation_id: UUID) -> Operation:
        return self._lookup(self.operations, operation_id, "STANDARD_SYNC_OPERATION")

    def workspace(self, workspace_id: UUID) -> UUID:
        if workspace_id not in self.workspaces:
            raise IdNotFound("STANDARD_WORKSPACE", workspace_id)
        return workspace_id

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

    def connection_named(self, name: str, workspace_id: Optional[UUID] = None) -> UUID:
        """The id of the workspace's (by default: the default workspace's) connection called `name` that is not
        deleted."""
        with self.lock:
            workspace = workspace_id or self.workspace_id
            found = [
                c.connection_id
                for c in self.connections.values()
                if c.name == name and c.workspace_id == workspace and not c.deleted
            ]
        return _only(found, "connection", name)

    # -- what the operations share ---------------------------------------------------------------------------

    def catalog(self, catalog_id: UUID) -> Json:
        """The catalog with this id, as the API shows it (`CatalogConverter.toApi`), default configurations."""
        with self.lock:
            return discovered_catalog(self._lookup(self._catalogs, catalog_id, "ACTOR_CATALOG"))

    def catalog_exists(self, catalog_id: UUID) -> bool:
        return catalog_id in self._catalogs

    def fetch_catalog(self, source_id: UUID) -> UUID:
        """A discovery that only records what it found, as the web app's before it creates a connection
        (`createDiscoverSchemaJob` without a connection): the catalog's id."""
        with self.lock:
            source = self.source(source_id)
            catalog_id = self._catalog_id(source.streams)
            self._catalogs.setdefault(catalog_id, [stream.model_copy(deep=True) for stream in source.streams])
            source.fetched.append(catalog_id)
            return catalog_id

    def run_discovery(self, source_id: UUID) -> Tuple[UUID, Dict[UUID, Json]]:
        """`discover`: the catalog's id, and the diff each connection of the source judged."""
        catalog_id = self.fetch_catalog(source_id)
        discovered = self.catalog(catalog_id)
        diffs = {}
        for connection in self.connections_of_source(source_id):
            diff = catalog_diff(self.original_catalog(connection), discovered, connection.catalog)
            self.judge_schema_change(connection, diff)
            diffs[connection.connection_id] = diff
        return catalog_id, diffs

    def newest_catalog_id(self, source_id: UUID) -> Optional[UUID]:
        """The catalog of the source's most recent discovery (`getMostRecentActorCatalogFetchEventForSource`)."""
        fetched = self.source(source_id).fetched
        return fetched[-1] if fetched else None

    def original_catalog(self, connection: Connection) -> Json:
        """The catalog a connection's was made from: the one at `sourceCatalogId`, else its own
        (`ConnectionsHandler.getConnectionAirbyteCatalog`, `orElse`)."""
        if connection.source_catalog_id is not None:
            return self.catalog(connection.source_catalog_id)
        return configured_catalog(connection.catalog, connection.field_selection)

    def judge_schema_change(self, connection: Connection, diff: Json) -> None:
        """`ConnectionsHandler.disableConnectionIfNeeded`: store whether the change breaks the connection, and
        disable it when it does, or when it wants to be disabled on any change."""
        breaking = contains_breaking_change(diff)
        connection.breaking_change = breaking
        wants_disabling = connection.non_breaking_changes_preference == "disable" and bool(diff["transforms"])
        if breaking or wants_disabling:
            connection.status = ConnectionStatus.INACTIVE

    def connections_of_source(self, source_id: UUID) -> List[Connection]:
        """`listConnectionsForSource(sourceId, false)`: the source's connections that are not deleted."""
        return [c for c in self.connections.values() if c.source_id == source_id and not c.deleted]

    def start_job(
        self, connection_id: UUID, kind: JobKind, streams: Tuple[StreamKey, ...] = (), at: Optional[int] = None
    ) -> Job:
        self.connection(connection_id)
        created = int(time.time()) if at is None else at
        job = Job(len(self.jobs) + 1, connection_id, kind, JobStatus.RUNNING, created, created, list(streams))
        self.jobs.append(job)
        return job

    def running_job(self, connection_id: UUID, syncs_only: bool = False) -> Optional[Job]:
        """The newest job of the connection that has not ended (`getLatestRunningSyncJob` with `syncs_only`)."""
        running = [j for j in self.jobs_of(connection_id) if j.running and (j.counts_as_sync or not syncs_only)]
        return max(running, key=lambda job: (job.created_at, job.job_id), default=None)

    def latest_sync_job(self, connection_id: UUID) -> Optional[Job]:
        """The newest sync or refresh job of any status (`JobPersistence.getLastSyncJob`)."""
        syncs = [job for job in self.jobs_of(connection_id) if job.counts_as_sync]
        return max(syncs, key=lambda job: (job.created_at, job.job_id), default=None)

    def actor_active(self, actor_id: UUID) -> bool:
        """Airbyte calls a source or destination active when an active connection uses it."""
        return any(
            actor_id in (c.source_id, c.destination_id) and c.status is ConnectionStatus.ACTIVE
            for c in self.connections.values()
        )

    def _end(self, job: Job, status: JobStatus, at: int) -> None:
        job.status = status
        job.updated_at = at
        connection = self.connection(job.connection_id)
        stateless = connection.state_type is ConnectionStateType.NOT_SET
        incremental = any(stream.sync_mode == INCREMENTAL for stream in connection.catalog)
        if job.counts_as_sync and status is JobStatus.SUCCEEDED and stateless and incremental:
            connection.state_type = ConnectionStateType.STREAM

    def _catalog_id(self, streams: List[AirbyteStream]) -> UUID:
        """The same content always has the same id (`getOrInsertActorCatalog` looks catalogs up by hash)."""
        content = json.dumps([s.model_dump(mode="json", by_alias=True) for s in streams], sort_keys=True)
        return self._catalog_ids.setdefault(content, uuid4())

    def _definition(self, definition_id: UUID) -> Definition:
        found = self.source_definitions.get(definition_id) or self.destination_definitions.get(definition_id)
        if found is None:
            raise IdNotFound("STANDARD_SOURCE_DEFINITION", definition_id)
        return found

    def _lookup(self, records: Mapping[UUID, RecordT], record_id: UUID, kind: str) -> RecordT:
        with self.lock:
            found = records.get(record_id)
        if found is None:
            raise IdNotFound(kind, record_id)
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


def _only(found: List[UUID], kind: str, name: str) -> UUID:
    if len(found) != 1:
        raise LookupError(f"{len(found)} {kind}s are called {name!r} in the workspace, not exactly one")
    return found[0]
