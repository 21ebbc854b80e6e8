"""The WebBackendConnectionListItem schema."""

from __future__ import annotations

from typing import Optional
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

    connection_id: UUID = Field(alias="connectionId")
    name: StrictStr = Field(alias="name")
    schedule_type: Optional[ConnectionScheduleType] = Field(default=None, alias="scheduleType")
    schedule_data: Optional[ConnectionScheduleData] = Field(default=None, alias="scheduleData")
    status: ConnectionStatus = Field(alias="status")
    source: SourceSnippetRead = Field(alias="source")
    destination: DestinationSnippetRead = Field(alias="destination")
    latest_sync_job_created_at: Optional[StrictInt] = Field(default=None, alias="latestSyncJobCreatedAt")
    latest_sync_job_status: Optional[JobStatus] = Field(default=None, alias="latestSyncJobStatus")
    is_syncing: StrictBool = Field(alias="isSyncing")
    schema_change: SchemaChange = Field(alias="schemaChange")
    source_actor_definition_version: ActorDefinitionVersionRead = Field(alias="sourceActorDefinitionVersion")
    destination_actor_definition_version: ActorDefinitionVersionRead = Field(alias="destinationActorDefinitionVersion")
