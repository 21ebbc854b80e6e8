"""The WebBackendConnectionListItem schema."""

from __future__ import annotations

from typing import Annotated, Optional
from uuid import UUID

from pydantic import Field, StrictBool, StrictInt, StrictStr

from openapi_client.models.actor_definition_version_read import ActorDefinitionVersionRead
from openapi_client.models.base import ApiModel
from openapi_client.models.connection_schedule_data import ConnectionScheduleData
from openapi_client.models.connection_schedule_type import ConnectionScheduleType
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.destination_snippet_read import DestinationSnippetRead
from openapi_client.models.job_status import JobStatus
from openapi_client.models.schema_change import SchemaChange
from openapi_client.models.source_snippet_read import SourceSnippetRead


class WebBackendConnectionListItem(ApiModel):
    """Information about a connection that shows up in the connection list view."""

    connection_id: Annotated[UUID, Field(alias="connectionId")]
    name: Annotated[StrictStr, Field(alias="name")]
    schedule_type: Annotated[Optional[ConnectionScheduleType], Field(alias="scheduleType")] = None
    schedule_data: Annotated[Optional[ConnectionScheduleData], Field(alias="scheduleData")] = None
    status: Annotated[ConnectionStatus, Field(alias="status")]
    source: Annotated[SourceSnippetRead, Field(alias="source")]
    destination: Annotated[DestinationSnippetRead, Field(alias="destination")]
    latest_sync_job_created_at: Annotated[Optional[StrictInt], Field(alias="latestSyncJobCreatedAt")] = None
    latest_sync_job_status: Annotated[Optional[JobStatus], Field(alias="latestSyncJobStatus")] = None
    is_syncing: Annotated[StrictBool, Field(alias="isSyncing")]
    schema_change: Annotated[SchemaChange, Field(alias="schemaChange")]
    source_actor_definition_version: Annotated[
        Optional[ActorDefinitionVersionRead], Field(alias="sourceActorDefinitionVersion")
    ] = None
    destination_actor_definition_version: Annotated[
        Optional[ActorDefinitionVersionRead], Field(alias="destinationActorDefinitionVersion")
    ] = None
