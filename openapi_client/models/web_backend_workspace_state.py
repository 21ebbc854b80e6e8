"""The WebBackendWorkspaceState schema."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from pydantic import Field

from openapi_client.models.base import ApiModel


class WebBackendWorkspaceState(ApiModel):
    """WebBackendWorkspaceState model."""

    workspace_id: Annotated[UUID, Field(alias="workspaceId")]
