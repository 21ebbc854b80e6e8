"""The StreamDescriptor schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel


class StreamDescriptor(ApiModel):
    """StreamDescriptor model."""

    name: StrictStr = Field(alias="name")
    namespace: Optional[StrictStr] = Field(default=None, alias="namespace")
