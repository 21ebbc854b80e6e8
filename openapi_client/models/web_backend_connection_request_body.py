"""The WebBackendConnectionRequestBody schema."""

from __future__ import annotations

from typing import Optional
from uuid import UUID

from pydantic import Field, StrictBool

from openapi_client.models.base import ApiModel


class WebBackendConnectionRequestBody(ApiModel):
    """WebBackendConnectionRequestBody model."""

    with_refreshed_catalog: Optional[StrictBool] = Field(default=None, alias="withRefreshedCatalog")
    connection_id: UUID = Field(alias="connectionId")
