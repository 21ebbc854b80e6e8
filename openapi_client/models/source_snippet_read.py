"""The SourceSnippetRead schema."""

from __future__ import annotations

from typing import Optional
from uuid import UUID

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel


class SourceSnippetRead(ApiModel):
    """SourceSnippetRead model."""

    source_id: UUID = Field(alias="sourceId")
    name: StrictStr = Field(alias="name")
    source_definition_id: UUID = Field(alias="sourceDefinitionId")
    source_name: StrictStr = Field(alias="sourceName")
    icon: Optional[StrictStr] = Field(default=None, alias="icon")
