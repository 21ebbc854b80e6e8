"""What the local web backend holds: connector definitions, sources, destinations, connections and their jobs.

Records are plain dataclasses that only the state touches under its lock; answers are built from them as the
API's JSON, so that no answer shares a mutable object with the state.
"""

from __future__ import annotations

import copy
import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Dict, List, Optional
from uuid import UUID

from openapi_client.models.actor_definition_version_breaking_changes import ActorDefinitionVersionBreakingChanges
from openapi_client.models.airbyte_stream import AirbyteStream
from openapi_client.models.connection_state_type import ConnectionStateType
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.job_status import JobStatus
from openapi_client.models.support_level import SupportLevel
from openapi_client.models.support_state import SupportState
from openapi_client.testing.catalog_converter import ConfiguredStream, StreamKey

Json = Dict[str, Any]
# `JobStatus.TERMINAL_STATUSES` of airbyte-config: a job in any other status is still running.
TERMINAL_STATUSES = frozenset({JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED})


@dataclass
class Definition:
    """A connector definition: the image that runs a kind of source or destination, in use and newest."""

    definition_id: UUID
    name: str
    docker_repository: str
    version: str
    latest_version: str
    support_level: SupportLevel = SupportLevel.CERTIFIED
    support_state: SupportState = SupportState.SUPPORTED
    icon: Optional[str] = None
    cdk_version: Optional[str] = None
    last_published: Optional[datetime] = None
    supports_refreshes: bool = True
    breaking_changes: Optional[ActorDefinitionVersionBreakingChanges] = None
    # A custom connector is not in the registry, so `check_updates` never counts it.
    custom: bool = False

    @property
    def has_update(self) -> bool:
        return not self.custom and self.latest_version != self.version

    def version_read(self) -> Json:
        """The `ActorDefinitionVersionRead` of the version in use."""
        read: Json = {
            "dockerRepository": self.docker_repository,
            "dockerImageTag": self.version,
            "supportsRefreshes": self.supports_refreshes,
            "isVersionOverrideApplied": False,
            "supportLevel": self.support_level.value,
            "supportState": self.support_state.value,
            "supportsFileTransfer": False,
        }
        if self.breaking_changes is not None:
            read["breakingChanges"] = _json(self.breaking_changes)
        if self.last_published is not None:
            read["lastPublished"] = self.last_published.isoformat().replace("+00:00", "Z")
        if self.cdk_version is not None:
            read["cdkVersion"] = self.cdk_version
        return read


@dataclass
class Source:
    source_id: UUID
    workspace_id: UUID
    definition: Definition
    name: str
    configuration: Json
    # What a schema discovery of the source finds now.
    streams: List[AirbyteStream]
    created_at: int
    # The catalog each discovery so far found (`ActorCatalogFetchEvent`s), oldest first.
    fetched: List[UUID] = field(default_factory=list)

    def read(self, active: bool) -> Json:
        """`SourceHandler.toSourceRead`, with the status it adds."""
        return _actor_read(
            "source", self.source_id, self.workspace_id, self.definition, self.name, self.configuration, active
        )

    def snippet(self) -> Json:
        """`SourceHandler.toSourceSnippetRead`."""
        return _actor_snippet("source", self.source_id, self.definition, self.name)


@dataclass
class Destination:
    destination_id: UUID
    workspace_id: UUID
    definition: Definition
    name: str
    configuration: Json
    created_at: int

    def read(self, active: bool) -> Json:
        """`DestinationHandler.toDestinationRead`, with the status it adds."""
        args = (self.destination_id, self.workspace_id, self.definition, self.name, self.configuration, active)
        return _actor_read("destination", *args)

    def snippet(self) -> Json:
        """`DestinationHandler.toDestinationSnippetRead`."""
        return _actor_snippet("destination", self.destination_id, self.definition, self.name)


@dataclass
class Operation:
    """A `StandardSyncOperation`: a dbt or webhook step that runs after a connection's syncs."""

    operation_id: UUID
    workspace_id: UUID
    name: str
    operator_configuration: Json

    def read(self) -> Json:
        return {
            "operationId": str(self.operation_id),
            "name": self.name,
            "operatorConfiguration": copy.deepcopy(self.operator_configuration),
            "workspaceId": str(self.workspace_id),
        }


@dataclass
class Connection:
    """A connection as Airbyte stores it (`StandardSync`); its source, destination and operations by id."""

    connection_id: UUID
    workspace_id: UUID
    source_id: UUID
    destination_id: UUID
    name: str
    status: ConnectionStatus
    # The selected streams only, and for every stream that was sent whether field selection is on.
    catalog: List[ConfiguredStream]
    field_selection: Dict[str, bool]
    source_catalog_id: Optional[UUID]
    created_at: int
    namespace_definition: str = "source"
    namespace_format: Optional[str] = None
    prefix: Optional[str] = None
    schedule_type: str = "manual"
    schedule_data: Optional[Json] = None
    operation_ids: List[UUID] = field(default_factory=list)
    resource_requirements: Optional[Json] = None
    geography: str = "auto"
    breaking_change: bool = False
    notify_schema_changes: bool = False
    notify_schema_changes_by_email: bool = False
    non_breaking_changes_preference: str = "ignore"
    backfill_preference: str = "disabled"
    state_type: ConnectionStateType = ConnectionStateType.NOT_SET

    @property
    def deleted(self) -> bool:
        # Airbyte deletes a connection by deprecating it: it is kept, but no longer listed.
        return self.status is ConnectionStatus.DEPRECATED


class JobKind(enum.Enum):
    """A job's `ConfigType`: syncs and refreshes count as syncs for `isSyncing` and `latestSyncJob*`; resets
    (`RESET_CONNECTION`) do not."""

    SYNC = "sync"
    REFRESH = "refresh"
    RESET = "reset_connection"


@dataclass
class Job:
    job_id: int
    connection_id: UUID
    kind: JobKind
    status: JobStatus
    created_at: int
    updated_at: int
    streams: List[StreamKey] = field(default_factory=list)

    @property
    def running(self) -> bool:
        return self.status not in TERMINAL_STATUSES

    @property
    def counts_as_sync(self) -> bool:
        """In `Job.SYNC_REPLICATION_TYPES`."""
        return self.kind in (JobKind.SYNC, JobKind.REFRESH)


def _actor_read(
    kind: str, actor_id: UUID, workspace_id: UUID, definition: Definition, name: str, configuration: Json, active: bool
) -> Json:
    """A `SourceRead` or `DestinationRead` (`kind`): its actor, definition, configuration and status."""
    read: Json = {
        f"{kind}DefinitionId": str(definition.definition_id),
        f"{kind}Id": str(actor_id),
        "workspaceId": str(workspace_id),
        "connectionConfiguration": copy.deepcopy(configuration),
        "name": name,
        f"{kind}Name": definition.name,
        "isVersionOverrideApplied": False,
        "supportState": definition.support_state.value,
        "status": "active" if active else "inactive",
    }
    if definition.breaking_changes is not None:
        read["breakingChanges"] = _json(definition.breaking_changes)
    return _with_icon(read, definition)


def _actor_snippet(kind: str, actor_id: UUID, definition: Definition, name: str) -> Json:
    snippet: Json = {
        f"{kind}Id": str(actor_id),
        "name": name,
        f"{kind}DefinitionId": str(definition.definition_id),
        f"{kind}Name": definition.name,
    }
    return _with_icon(snippet, definition)


def _with_icon(document: Json, definition: Definition) -> Json:
    if definition.icon is not None:
        document["icon"] = definition.icon
    return document


def _json(model: Any) -> Json:
    document: Json = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    return document
