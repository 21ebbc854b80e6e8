"""The DestinationSnippetRead schema."""

from __future__ import annotations

from typing import Optional
from uuid import UUID

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel


class DestinationSnippetRead(ApiModel):
    """DestinationSnippetRead model."""

    destination_id: UUID = Field(alias="destinationId")
    name: StrictStr = Field(alias="name")
    destination_definition_id: UUID = Field(alias="destinationDefinitionId")
    destination_name: StrictStr = Field(alias="destinationName")
    icon: Optional[StrictStr] = Field(default=None, alias="icon")
