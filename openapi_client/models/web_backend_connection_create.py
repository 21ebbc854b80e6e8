"""The WebBackendConnectionCreate schema."""

from __future__ import annotations

from typing import Annotated, List, Optional
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

    name: Annotated[Optional[StrictStr], Field(alias="name", description="Optional name of the connection")] = None
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
    operation_ids: Annotated[Optional[List[UUID]], Field(alias="operationIds")] = None
    sync_catalog: Annotated[Optional[AirbyteCatalog], Field(alias="syncCatalog")] = None
    schedule: Annotated[Optional[ConnectionSchedule], Field(alias="schedule")] = None
    schedule_type: Annotated[Optional[ConnectionScheduleType], Field(alias="scheduleType")] = None
    schedule_data: Annotated[Optional[ConnectionScheduleData], Field(alias="scheduleData")] = None
    status: Annotated[ConnectionStatus, Field(alias="status")]
    resource_requirements: Annotated[Optional[ResourceRequirements], Field(alias="resourceRequirements")] = None
    operations: Annotated[Optional[List[OperationCreate]], Field(alias="operations")] = None
    source_catalog_id: Annotated[Optional[UUID], Field(alias="sourceCatalogId")] = None
    geography: Annotated[Optional[Geography], Field(alias="geography")] = None
    notify_schema_changes: Annotated[Optional[StrictBool], Field(alias="notifySchemaChanges")] = None
    non_breaking_changes_preference: Annotated[
        Optional[NonBreakingChangesPreference], Field(alias="nonBreakingChangesPreference")
    ] = None
    backfill_preference: Annotated[Optional[SchemaChangeBackfillPreference], Field(alias="backfillPreference")] = None
