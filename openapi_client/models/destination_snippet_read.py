"""The DestinationSnippetRead schema."""

from __future__ import annotations

from typing import Annotated, Optional
from uuid import UUID

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel


class DestinationSnippetRead(ApiModel):
    """DestinationSnippetRead model."""

    destination_id: Annotated[UUID, Field(alias="destinationId")]
    name: Annotated[StrictStr, Field(alias="name")]
    destination_definition_id: Annotated[UUID, Field(alias="destinationDefinitionId")]
    destination_name: Annotated[StrictStr, Field(alias="destinationName")]
    icon: Annotated[Optional[StrictStr], Field(alias="icon")] = None
