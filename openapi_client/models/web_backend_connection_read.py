"""The WebBackendConnectionRead schema."""

from __future__ import annotations

from typing import List, Optional
from uuid import UUID

from pydantic import Field, StrictBool, StrictInt, StrictStr

from openapi_client.model_methods import ConnectionReadMethods
from openapi_client.models.actor_definition_version_read import ActorDefinitionVersionRead
from openapi_client.models.airbyte_catalog import AirbyteCatalog
from openapi_client.models.base import ApiModel
from openapi_client.models.catalog_diff import CatalogDiff
from openapi_client.models.connection_schedule import ConnectionSchedule
from openapi_client.models.connection_schedule_data import ConnectionScheduleData
from openapi_client.models.connection_schedule_type import ConnectionScheduleType
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.destination_read import DestinationRead
from openapi_client.models.geography import Geography
from openapi_client.models.job_status import JobStatus
from openapi_client.models.namespace_definition_type import NamespaceDefinitionType
from openapi_client.models.non_breaking_changes_preference import NonBreakingChangesPreference
from openapi_client.models.operation_read import OperationRead
from openapi_client.models.resource_requirements import ResourceRequirements
from openapi_client.models.schema_change import SchemaChange
from openapi_client.models.schema_change_backfill_preference import SchemaChangeBackfillPreference
from openapi_client.models.source_read import SourceRead


class WebBackendConnectionRead(ConnectionReadMethods, ApiModel):
    """WebBackendConnectionRead model."""

    connection_id: UUID = Field(alias="connectionId")
    name: StrictStr = Field(alias="name")
    namespace_definition: Optional[NamespaceDefinitionType] = Field(default=None, alias="namespaceDefinition")
    namespace_format: Optional[StrictStr] = Field(
        default=None,
        alias="namespaceFormat",
        description="Used when namespaceDefinition is 'customformat'. If blank then behaves like namespaceDefinition = 'destination'. If \"${SOURCE_NAMESPACE}\" then behaves like namespaceDefinition = 'source'.",
    )
    prefix: Optional[StrictStr] = Field(
        default=None,
        alias="prefix",
        description="Prefix that will be prepended to the name of each stream when it is written to the destination.",
    )
    source_id: UUID = Field(alias="sourceId")
    destination_id: UUID = Field(alias="destinationId")
    sync_catalog: AirbyteCatalog = Field(alias="syncCatalog")
    schedule: Optional[ConnectionSchedule] = Field(default=None, alias="schedule")
    schedule_type: Optional[ConnectionScheduleType] = Field(default=None, alias="scheduleType")
    schedule_data: Optional[ConnectionScheduleData] = Field(default=None, alias="scheduleData")
    status: ConnectionStatus = Field(alias="status")
    operation_ids: Optional[List[UUID]] = Field(default=None, alias="operationIds")
    source: SourceRead = Field(alias="source")
    destination: DestinationRead = Field(alias="destination")
    operations: Optional[List[OperationRead]] = Field(default=None, alias="operations")
    latest_sync_job_created_at: Optional[StrictInt] = Field(default=None, alias="latestSyncJobCreatedAt")
    latest_sync_job_status: Optional[JobStatus] = Field(default=None, alias="latestSyncJobStatus")
    is_syncing: StrictBool = Field(alias="isSyncing")
    resource_requirements: Optional[ResourceRequirements] = Field(default=None, alias="resourceRequirements")
    catalog_id: Optional[UUID] = Field(default=None, alias="catalogId")
    catalog_diff: Optional[CatalogDiff] = Field(default=None, alias="catalogDiff")
    geography: Optional[Geography] = Field(default=None, alias="geography")
    schema_change: SchemaChange = Field(alias="schemaChange")
    notify_schema_changes: StrictBool = Field(alias="notifySchemaChanges")
    notify_schema_changes_by_email: StrictBool = Field(alias="notifySchemaChangesByEmail")
    non_breaking_changes_preference: NonBreakingChangesPreference = Field(alias="nonBreakingChangesPreference")
    created_at: Optional[StrictInt] = Field(default=None, alias="createdAt")
    backfill_preference: Optional[SchemaChangeBackfillPreference] = Field(default=None, alias="backfillPreference")
    source_actor_definition_version: ActorDefinitionVersionRead = Field(alias="sourceActorDefinitionVersion")
    destination_actor_definition_version: ActorDefinitionVersionRead = Field(alias="destinationActorDefinitionVersion")
