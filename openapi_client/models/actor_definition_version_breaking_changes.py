"""The ActorDefinitionVersionBreakingChanges schema."""

from __future__ import annotations

from datetime import date
from typing import List, Optional

from pydantic import Field

from openapi_client.models.actor_definition_breaking_change import ActorDefinitionBreakingChange
from openapi_client.models.base import ApiModel
from openapi_client.models.deadline_action import DeadlineAction


class ActorDefinitionVersionBreakingChanges(ApiModel):
    """ActorDefinitionVersionBreakingChanges model."""

    upcoming_breaking_changes: List[ActorDefinitionBreakingChange] = Field(alias="upcomingBreakingChanges")
    min_upgrade_deadline: date = Field(alias="minUpgradeDeadline")
    deadline_action: Optional[DeadlineAction] = Field(default=None, alias="deadlineAction")
