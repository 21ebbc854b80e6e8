"""The ConfiguredStreamMapper schema."""

from __future__ import annotations

from typing import Annotated, Any, Dict

from pydantic import Field

from openapi_client.models.base import ApiModel
from openapi_client.models.stream_mapper_type import StreamMapperType


class ConfiguredStreamMapper(ApiModel):
    """ConfiguredStreamMapper model."""

    type: Annotated[StreamMapperType, Field(alias="type")]
    mapper_configuration: Annotated[Dict[str, Any], Field(alias="mapperConfiguration")]
