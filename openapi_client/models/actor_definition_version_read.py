"""The ActorDefinitionVersionRead schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictBool, StrictStr

from openapi_client.models.actor_definition_version_breaking_changes import ActorDefinitionVersionBreakingChanges
from openapi_client.models.base import ApiModel, DateTime
from openapi_client.models.support_level import SupportLevel
from openapi_client.models.support_state import SupportState


class ActorDefinitionVersionRead(ApiModel):
    """ActorDefinitionVersionRead model."""

    docker_repository: StrictStr = Field(alias="dockerRepository")
    docker_image_tag: StrictStr = Field(alias="dockerImageTag")
    supports_refreshes: StrictBool = Field(alias="supportsRefreshes")
    is_version_override_applied: StrictBool = Field(alias="isVersionOverrideApplied")
    support_level: Optional[SupportLevel] = Field(default=None, alias="supportLevel")
    support_state: SupportState = Field(alias="supportState")
    breaking_changes: Optional[ActorDefinitionVersionBreakingChanges] = Field(default=None, alias="breakingChanges")
    last_published: Optional[DateTime] = Field(
        default=None,
        alias="lastPublished",
        description="The time the connector was modified in the codebase.",
    )
    cdk_version: Optional[StrictStr] = Field(
        default=None,
        alias="cdkVersion",
        description="The version of the CDK that the connector was built with. e.g. python:0.1.0, java:0.1.0",
    )
    supports_file_transfer: StrictBool = Field(alias="supportsFileTransfer")
