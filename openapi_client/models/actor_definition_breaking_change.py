"""The ActorDefinitionBreakingChange schema."""

from __future__ import annotations

from datetime import date
from typing import Optional

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel
from openapi_client.models.deadline_action import DeadlineAction


class ActorDefinitionBreakingChange(ApiModel):
    """ActorDefinitionBreakingChange model."""

    version: StrictStr = Field(alias="version")
    message: StrictStr = Field(alias="message")
    upgrade_deadline: date = Field(alias="upgradeDeadline")
    migration_documentation_url: StrictStr = Field(alias="migrationDocumentationUrl")
    deadline_action: Optional[DeadlineAction] = Field(default=None, alias="deadlineAction")
