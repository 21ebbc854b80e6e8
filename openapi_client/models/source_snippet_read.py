"""The SourceSnippetRead schema."""

from __future__ import annotations

from typing import Annotated, Optional
from uuid import UUID

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel


class SourceSnippetRead(ApiModel):
    """SourceSnippetRead model."""

    source_id: Annotated[UUID, Field(alias="sourceId")]
    name: Annotated[StrictStr, Field(alias="name")]
    source_definition_id: Annotated[UUID, Field(alias="sourceDefinitionId")]
    source_name: Annotated[StrictStr, Field(alias="sourceName")]
    icon: Annotated[Optional[StrictStr], Field(alias="icon")] = None
