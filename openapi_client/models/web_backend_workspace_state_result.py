"""The WebBackendWorkspaceStateResult schema."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictBool

from openapi_client.models.base import ApiModel


class WebBackendWorkspaceStateResult(ApiModel):
    """WebBackendWorkspaceStateResult model."""

    has_connections: Annotated[StrictBool, Field(alias="hasConnections")]
    has_sources: Annotated[StrictBool, Field(alias="hasSources")]
    has_destinations: Annotated[StrictBool, Field(alias="hasDestinations")]
