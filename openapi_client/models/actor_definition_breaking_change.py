"""The ActorDefinitionBreakingChange schema."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Optional

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel
from openapi_client.models.deadline_action import DeadlineAction


class ActorDefinitionBreakingChange(ApiModel):
    """ActorDefinitionBreakingChange model."""

    version: Annotated[StrictStr, Field(alias="version")]
    message: Annotated[StrictStr, Field(alias="message")]
    upgrade_deadline: Annotated[date, Field(alias="upgradeDeadline")]
    migration_documentation_url: Annotated[StrictStr, Field(alias="migrationDocumentationUrl")]
    deadline_action: Annotated[Optional[DeadlineAction], Field(alias="deadlineAction")] = None
