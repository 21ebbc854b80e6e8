"""The AirbyteCatalog schema."""

from __future__ import annotations

from typing import Annotated, List

from pydantic import Field

from openapi_client.model_methods import CatalogMethods
from openapi_client.models.airbyte_stream_and_configuration import AirbyteStreamAndConfiguration
from openapi_client.models.base import ApiModel


class AirbyteCatalog(CatalogMethods, ApiModel):
    """describes the available schema (catalog)."""

    streams: Annotated[List[AirbyteStreamAndConfiguration], Field(alias="streams")]
