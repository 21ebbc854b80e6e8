"""The WebBackendConnectionCreate schema."""

from __future__ import annotations

from typing import List, Optional
from uuid import UUID

from pydantic import Field, StrictBool, StrictStr

from openapi_client.models.airbyte_catalog import AirbyteCatalog
from openapi_client.models.base import ApiModel
from openapi_client.models.connection_schedule import ConnectionSchedule
from openapi_client.models.connection_schedule_data import ConnectionScheduleData
from openapi_client.models.connection_schedule_type import ConnectionScheduleType
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.geography import Geography
from openapi_client.models.namespace_definition_type import NamespaceDefinitionType
from openapi_client.models.non_breaking_changes_preference import NonBreakingChangesPreference
from openapi_client.models.operation_create import OperationCreate
from openapi_client.models.resource_requirements import ResourceRequirements
from openapi_client.models.schema_change_backfill_preference import SchemaChangeBackfillPreference


class WebBackendConnectionCreate(ApiModel):
    """WebBackendConnectionCreate model."""

    name: Optional[StrictStr] = Field(default=None, alias="name", description="Optional name of the connection")
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
    operation_ids: Optional[List[UUID]] = Field(default=None, alias="operationIds")
    sync_catalog: Optional[AirbyteCatalog] = Field(default=None, alias="syncCatalog")
    schedule: Optional[ConnectionSchedule] = Field(default=None, alias="schedule")
    schedule_type: Optional[ConnectionScheduleType] = Field(default=None, alias="scheduleType")
    schedule_data: Optional[ConnectionScheduleData] = Field(default=None, alias="scheduleData")
    status: ConnectionStatus = Field(alias="status")
    resource_requirements: Optional[ResourceRequirements] = Field(default=None, alias="resourceRequirements")
    operations: Optional[List[OperationCreate]] = Field(default=None, alias="operations")
    source_catalog_id: Optional[UUID] = Field(default=None, alias="sourceCatalogId")
    geography: Optional[Geography] = Field(default=None, alias="geography")
    notify_schema_changes: Optional[StrictBool] = Field(default=None, alias="notifySchemaChanges")
    non_breaking_changes_preference: Optional[NonBreakingChangesPreference] = Field(
        default=None,
        alias="nonBreakingChangesPreference",
    )
    backfill_preference: Optional[SchemaChangeBackfillPreference] = Field(default=None, alias="backfillPreference")
