"""The WebBackendConnectionRequestBody schema."""

from __future__ import annotations

from typing import Annotated, Optional
from uuid import UUID

from pydantic import Field, StrictBool

from openapi_client.models.base import ApiModel


class WebBackendConnectionRequestBody(ApiModel):
    """WebBackendConnectionRequestBody model."""

    with_refreshed_catalog: Annotated[Optional[StrictBool], Field(alias="withRefreshedCatalog")] = None
    connection_id: Annotated[UUID, Field(alias="connectionId")]
