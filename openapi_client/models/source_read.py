"""The SourceRead schema."""

from __future__ import annotations

from typing import Any, Dict, Optional
from uuid import UUID

from pydantic import Field, StrictBool, StrictStr

from openapi_client.models.actor_definition_version_breaking_changes import ActorDefinitionVersionBreakingChanges
from openapi_client.models.actor_status import ActorStatus
from openapi_client.models.base import ApiModel
from openapi_client.models.support_state import SupportState


class SourceRead(ApiModel):
    """SourceRead model."""

    source_definition_id: UUID = Field(alias="sourceDefinitionId")
    source_id: UUID = Field(alias="sourceId")
    workspace_id: UUID = Field(alias="workspaceId")
    connection_configuration: Dict[str, Any] = Field(alias="connectionConfiguration")
    name: StrictStr = Field(alias="name")
    source_name: StrictStr = Field(alias="sourceName")
    icon: Optional[StrictStr] = Field(default=None, alias="icon")
    is_version_override_applied: Optional[StrictBool] = Field(default=None, alias="isVersionOverrideApplied")
    breaking_changes: Optional[ActorDefinitionVersionBreakingChanges] = Field(default=None, alias="breakingChanges")
    support_state: Optional[SupportState] = Field(default=None, alias="supportState")
    status: Optional[ActorStatus] = Field(default=None, alias="status")
