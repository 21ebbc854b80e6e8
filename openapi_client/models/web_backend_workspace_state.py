"""The WebBackendWorkspaceState schema."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from openapi_client.models.base import ApiModel


class WebBackendWorkspaceState(ApiModel):
    """WebBackendWorkspaceState model."""

    workspace_id: UUID = Field(alias="workspaceId")
