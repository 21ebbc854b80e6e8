"""The DestinationRead schema."""

from __future__ import annotations

from typing import Annotated, Any, Optional
from uuid import UUID

from pydantic import Field, StrictBool, StrictStr

from openapi_client.models.actor_definition_version_breaking_changes import ActorDefinitionVersionBreakingChanges
from openapi_client.models.actor_status import ActorStatus
from openapi_client.models.base import ApiModel
from openapi_client.models.support_state import SupportState


class DestinationRead(ApiModel):
    """DestinationRead model."""

    destination_definition_id: Annotated[UUID, Field(alias="destinationDefinitionId")]
    destination_id: Annotated[UUID, Field(alias="destinationId")]
    workspace_id: Annotated[UUID, Field(alias="workspaceId")]
    connection_configuration: Annotated[Any, Field(alias="connectionConfiguration")]
    name: Annotated[StrictStr, Field(alias="name")]
    destination_name: Annotated[StrictStr, Field(alias="destinationName")]
    icon: Annotated[Optional[StrictStr], Field(alias="icon")] = None
    is_version_override_applied: Annotated[Optional[StrictBool], Field(alias="isVersionOverrideApplied")] = None
    breaking_changes: Annotated[Optional[ActorDefinitionVersionBreakingChanges], Field(alias="breakingChanges")] = None
    support_state: Annotated[Optional[SupportState], Field(alias="supportState")] = None
    status: Annotated[Optional[ActorStatus], Field(alias="status")] = None
