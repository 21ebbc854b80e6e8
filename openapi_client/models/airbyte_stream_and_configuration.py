"""The AirbyteStreamAndConfiguration schema."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field

from openapi_client.models.airbyte_stream import AirbyteStream
from openapi_client.models.airbyte_stream_configuration import AirbyteStreamConfiguration
from openapi_client.models.base import ApiModel


class AirbyteStreamAndConfiguration(ApiModel):
    """each stream is split in two parts; the immutable schema from source and mutable configuration for destination"""

    stream: Annotated[Optional[AirbyteStream], Field(alias="stream")] = None
    config: Annotated[Optional[AirbyteStreamConfiguration], Field(alias="config")] = None
