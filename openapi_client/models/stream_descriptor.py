"""The StreamDescriptor schema."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel


class StreamDescriptor(ApiModel):
    """StreamDescriptor model."""

    name: Annotated[StrictStr, Field(alias="name")]
    namespace: Annotated[Optional[StrictStr], Field(alias="namespace")] = None
