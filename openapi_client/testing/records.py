"""What the local web backend holds: connector definitions, sources, destinations, operations, connections.

Records are plain dataclasses that only the state touches under its lock; the spec's read models are built
from them for every answer, so that no answer shares a mutable object with the state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Dict, List, Optional
from uuid import UUID

from openapi_client.models.actor_definition_version_breaking_changes import ActorDefinitionVersionBreakingChanges
from openapi_client.models.actor_definition_version_read import ActorDefinitionVersionRead
from openapi_client.models.actor_status import ActorStatus
from openapi_client.models.airbyte_catalog import AirbyteCatalog
from openapi_client.models.connection_schedule import ConnectionSchedule, ConnectionScheduleTimeUnit
from openapi_client.models.connection_schedule_data import ConnectionScheduleData
from openapi_client.models.connection_schedule_type import ConnectionScheduleType
from openapi_client.models.connection_state_type import ConnectionStateType
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.destination_read import DestinationRead
from openapi_client.models.destination_snippet_read import DestinationSnippetRead
from openapi_client.models.geography import Geography
from openapi_client.models.job_status import JobStatus
from openapi_client.models.namespace_definition_type import NamespaceDefinitionType
from openapi_client.models.non_breaking_changes_preference import NonBreakingChangesPreference
from openapi_client.models.resource_requirements import ResourceRequirements
from openapi_client.models.schema_change_backfill_preference import SchemaChangeBackfillPreference
from openapi_client.models.source_read import SourceRead
from openapi_client.models.source_snippet_read import SourceSnippetRead
from openapi_client.models.support_level import SupportLevel
from openapi_client.models.support_state import SupportState


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

    @property
    def has_update(self) -> bool:
        return self.latest_version != self.version

    def version_read(self) -> ActorDefinitionVersionRead:
        return ActorDefinitionVersionRead(
            docker_repository=self.docker_repository,
            docker_image_tag=self.version,
            supports_refreshes=self.supports_refreshes,
            is_version_override_applied=False,
            support_level=self.support_level,
            support_state=self.support_state,
            supports_file_transfer=False,
            **_present(
                breaking_changes=self.breaking_changes, last_published=self.last_published, cdk_version=self.cdk_version
            ),
        ).model_copy(deep=True)


@dataclass
class Source:
    source_id: UUID
    workspace_id: UUID
    definition: Definition
    name: str
    configuration: Dict[str, Any]
    # What a schema discovery of the source finds now; `catalog_id` changes with every new catalog.
    catalog: AirbyteCatalog
    catalog_id: UUID

    def read(self, status: ActorStatus) -> SourceRead:
        definition = self.definition
        return SourceRead(
            source_definition_id=definition.definition_id,
            source_id=self.source_id,
            workspace_id=self.workspace_id,
            connection_configuration=dict(self.configuration),
            name=self.name,
            source_name=definition.name,
            is_version_override_applied=False,
            support_state=definition.support_state,
            status=status,
            **_present(icon=definition.icon, breaking_changes=definition.breaking_changes),
        ).model_copy(deep=True)

    def snippet(self) -> SourceSnippetRead:
        return SourceSnippetRead(
            source_id=self.source_id,
            name=self.name,
            source_definition_id=self.definition.definition_id,
            source_name=self.definition.name,
            **_present(icon=self.definition.icon),
        )


@dataclass
class Destination:
    destination_id: UUID
    workspace_id: UUID
    definition: Definition
    name: str
    configuration: Dict[str, Any]

    def read(self, status: ActorStatus) -> DestinationRead:
        definition = self.definition
        return DestinationRead(
            destination_definition_id=definition.definition_id,
            destination_id=self.destination_id,
            workspace_id=self.workspace_id,
            connection_configuration=dict(self.configuration),
            name=self.name,
            destination_name=definition.name,
            is_version_override_applied=False,
            support_state=definition.support_state,
            status=status,
            **_present(icon=definition.icon, breaking_changes=definition.breaking_changes),
        ).model_copy(deep=True)

    def snippet(self) -> DestinationSnippetRead:
        return DestinationSnippetRead(
            destination_id=self.destination_id,
            name=self.name,
            destination_definition_id=self.definition.definition_id,
            destination_name=self.definition.name,
            **_present(icon=self.definition.icon),
        )


@dataclass
class Connection:
    """A connection's own settings; its source, destination and operations are looked up by id."""

    connection_id: UUID
    workspace_id: UUID
    source_id: UUID
    destination_id: UUID
    name: str
    status: ConnectionStatus
    sync_catalog: AirbyteCatalog
    catalog_id: Optional[UUID]
    created_at: int
    namespace_definition: NamespaceDefinitionType = NamespaceDefinitionType.DESTINATION
    namespace_format: Optional[str] = None
    prefix: Optional[str] = None
    schedule_type: ConnectionScheduleType = ConnectionScheduleType.MANUAL
    schedule_data: Optional[ConnectionScheduleData] = None
    operation_ids: List[UUID] = field(default_factory=list)
    resource_requirements: Optional[ResourceRequirements] = None
    geography: Geography = Geography.AUTO
    notify_schema_changes: bool = True
    notify_schema_changes_by_email: bool = False
    non_breaking_changes_preference: NonBreakingChangesPreference = NonBreakingChangesPreference.IGNORE
    backfill_preference: SchemaChangeBackfillPreference = SchemaChangeBackfillPreference.DISABLED
    latest_sync_job_created_at: Optional[int] = None
    latest_sync_job_status: Optional[JobStatus] = None
    is_syncing: bool = False
    state_type: ConnectionStateType = ConnectionStateType.NOT_SET

    @property
    def deleted(self) -> bool:
        # Airbyte deletes a connection by deprecating it: it is kept, but no longer listed.
        return self.status is ConnectionStatus.DEPRECATED

    def legacy_schedule(self) -> Optional[ConnectionSchedule]:
        """The deprecated `schedule` field, which mirrors a basic schedule."""
        basic = self.schedule_data.basic_schedule if self.schedule_data else None
        if self.schedule_type is not ConnectionScheduleType.BASIC or basic is None:
            return None
        return ConnectionSchedule(units=basic.units, time_unit=ConnectionScheduleTimeUnit(basic.time_unit.value))


def _present(**values: Any) -> Dict[str, Any]:
    """The keyword arguments that have a value: a read model then leaves the others unset, not null."""
    return {name: value for name, value in values.items() if value is not None}
