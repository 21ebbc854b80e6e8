"""The ActorDefinitionVersionBreakingChanges schema."""

from __future__ import annotations

from datetime import date
from typing import Annotated, List, Optional

from pydantic import Field

from openapi_client.models.actor_definition_breaking_change import ActorDefinitionBreakingChange
from openapi_client.models.base import ApiModel
from openapi_client.models.deadline_action import DeadlineAction


class ActorDefinitionVersionBreakingChanges(ApiModel):
    """ActorDefinitionVersionBreakingChanges model."""

    upcoming_breaking_changes: Annotated[List[ActorDefinitionBreakingChange], Field(alias="upcomingBreakingChanges")]
    min_upgrade_deadline: Annotated[date, Field(alias="minUpgradeDeadline")]
    deadline_action: Annotated[Optional[DeadlineAction], Field(alias="deadlineAction")] = None
