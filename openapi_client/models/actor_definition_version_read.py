"""The ActorDefinitionVersionRead schema."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field, StrictBool, StrictStr

from openapi_client.models.actor_definition_version_breaking_changes import ActorDefinitionVersionBreakingChanges
from openapi_client.models.base import ApiModel, DateTime
from openapi_client.models.support_level import SupportLevel
from openapi_client.models.support_state import SupportState


class ActorDefinitionVersionRead(ApiModel):
    """ActorDefinitionVersionRead model."""

    docker_repository: Annotated[StrictStr, Field(alias="dockerRepository")]
    docker_image_tag: Annotated[StrictStr, Field(alias="dockerImageTag")]
    supports_refreshes: Annotated[StrictBool, Field(alias="supportsRefreshes")]
    is_version_override_applied: Annotated[StrictBool, Field(alias="isVersionOverrideApplied")]
    support_level: Annotated[Optional[SupportLevel], Field(alias="supportLevel")] = None
    support_state: Annotated[SupportState, Field(alias="supportState")]
    breaking_changes: Annotated[Optional[ActorDefinitionVersionBreakingChanges], Field(alias="breakingChanges")] = None
    last_published: Annotated[
        Optional[DateTime],
        Field(alias="lastPublished", description="The time the connector was modified in the codebase."),
    ] = None
    cdk_version: Annotated[
        Optional[StrictStr],
        Field(
            alias="cdkVersion",
            description="The version of the CDK that the connector was built with. e.g. python:0.1.0, java:0.1.0",
        ),
    ] = None
    supports_file_transfer: Annotated[Optional[StrictBool], Field(alias="supportsFileTransfer")] = None
