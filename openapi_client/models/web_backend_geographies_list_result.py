"""The WebBackendGeographiesListResult schema."""

from __future__ import annotations

from typing import Annotated, List

from pydantic import Field

from openapi_client.models.base import ApiModel
from openapi_client.models.geography import Geography


class WebBackendGeographiesListResult(ApiModel):
    """WebBackendGeographiesListResult model."""

    geographies: Annotated[List[Geography], Field(alias="geographies")]
