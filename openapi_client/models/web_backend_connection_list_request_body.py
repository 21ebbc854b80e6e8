"""The WebBackendConnectionListRequestBody schema."""

from __future__ import annotations

from typing import Annotated, List, Optional
from uuid import UUID

from pydantic import Field

from openapi_client.models.base import ApiModel


class WebBackendConnectionListRequestBody(ApiModel):
    """WebBackendConnectionListRequestBody model."""

    workspace_id: Annotated[UUID, Field(alias="workspaceId")]
    source_id: Annotated[Optional[List[UUID]], Field(alias="sourceId")] = None
    destination_id: Annotated[Optional[List[UUID]], Field(alias="destinationId")] = None
