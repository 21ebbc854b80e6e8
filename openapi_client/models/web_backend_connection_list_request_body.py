"""The WebBackendConnectionListRequestBody schema."""

from __future__ import annotations

from typing import List, Optional
from uuid import UUID

from pydantic import Field

from openapi_client.models.base import ApiModel


class WebBackendConnectionListRequestBody(ApiModel):
    """WebBackendConnectionListRequestBody model."""

    workspace_id: UUID = Field(alias="workspaceId")
    source_id: Optional[List[UUID]] = Field(default=None, alias="sourceId")
    destination_id: Optional[List[UUID]] = Field(default=None, alias="destinationId")
