"""The WebBackendCheckUpdatesRead schema."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictInt

from openapi_client.models.base import ApiModel


class WebBackendCheckUpdatesRead(ApiModel):
    """Summary of source and destination definitions that could be updated"""

    destination_definitions: Annotated[StrictInt, Field(alias="destinationDefinitions")]
    source_definitions: Annotated[StrictInt, Field(alias="sourceDefinitions")]
