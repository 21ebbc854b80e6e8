"""The WebBackendWorkspaceStateResult schema."""

from __future__ import annotations

from pydantic import Field, StrictBool

from openapi_client.models.base import ApiModel


class WebBackendWorkspaceStateResult(ApiModel):
    """WebBackendWorkspaceStateResult model."""

    has_connections: StrictBool = Field(alias="hasConnections")
    has_sources: StrictBool = Field(alias="hasSources")
    has_destinations: StrictBool = Field(alias="hasDestinations")
