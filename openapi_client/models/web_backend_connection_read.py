"""The WebBackendConnectionRead schema."""

from __future__ import annotations

from typing import Annotated, List, Optional
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

    connection_id: Annotated[UUID, Field(alias="connectionId")]
    name: Annotated[StrictStr, Field(alias="name")]
    namespace_definition: Annotated[Optional[NamespaceDefinitionType], Field(alias="namespaceDefinition")] = None
    namespace_format: Annotated[
        Optional[StrictStr],
        Field(
            alias="namespaceFormat",
            description="Used when namespaceDefinition is 'customformat'. If blank then behaves like namespaceDefinition = 'destination'. If \"${SOURCE_NAMESPACE}\" then behaves like namespaceDefinition = 'source'.",
        ),
    ] = None
    prefix: Annotated[
        Optional[StrictStr],
        Field(
            alias="prefix",
            description="Prefix that will be prepended to the name of each stream when it is written to the destination.",
        ),
    ] = None
    source_id: Annotated[UUID, Field(alias="sourceId")]
    destination_id: Annotated[UUID, Field(alias="destinationId")]
    sync_catalog: Annotated[AirbyteCatalog, Field(alias="syncCatalog")]
    schedule: Annotated[Optional[ConnectionSchedule], Field(alias="schedule")] = None
    schedule_type: Annotated[Optional[ConnectionScheduleType], Field(alias="scheduleType")] = None
    schedule_data: Annotated[Optional[ConnectionScheduleData], Field(alias="scheduleData")] = None
    status: Annotated[ConnectionStatus, Field(alias="status")]
    operation_ids: Annotated[Optional[List[UUID]], Field(alias="operationIds")] = None
    source: Annotated[SourceRead, Field(alias="source")]
    destination: Annotated[DestinationRead, Field(alias="destination")]
    operations: Annotated[Optional[List[OperationRead]], Field(alias="operations")] = None
    latest_sync_job_created_at: Annotated[Optional[StrictInt], Field(alias="latestSyncJobCreatedAt")] = None
    latest_sync_job_status: Annotated[Optional[JobStatus], Field(alias="latestSyncJobStatus")] = None
    is_syncing: Annotated[StrictBool, Field(alias="isSyncing")]
    resource_requirements: Annotated[Optional[ResourceRequirements], Field(alias="resourceRequirements")] = None
    catalog_id: Annotated[Optional[UUID], Field(alias="catalogId")] = None
    catalog_diff: Annotated[Optional[CatalogDiff], Field(alias="catalogDiff")] = None
    geography: Annotated[Optional[Geography], Field(alias="geography")] = None
    schema_change: Annotated[SchemaChange, Field(alias="schemaChange")]
    notify_schema_changes: Annotated[StrictBool, Field(alias="notifySchemaChanges")]
    notify_schema_changes_by_email: Annotated[Optional[StrictBool], Field(alias="notifySchemaChangesByEmail")] = None
    non_breaking_changes_preference: Annotated[
        NonBreakingChangesPreference, Field(alias="nonBreakingChangesPreference")
    ]
    created_at: Annotated[Optional[StrictInt], Field(alias="createdAt")] = None
    backfill_preference: Annotated[Optional[SchemaChangeBackfillPreference], Field(alias="backfillPreference")] = None
    source_actor_definition_version: Annotated[
        Optional[ActorDefinitionVersionRead], Field(alias="sourceActorDefinitionVersion")
    ] = None
    destination_actor_definition_version: Annotated[
        Optional[ActorDefinitionVersionRead], Field(alias="destinationActorDefinitionVersion")
    ] = None
