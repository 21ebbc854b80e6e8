"""The InvalidInputProperty schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel


class InvalidInputProperty(ApiModel):
    """InvalidInputProperty model."""

    property_path: StrictStr = Field(alias="propertyPath")
    invalid_value: Optional[StrictStr] = Field(default=None, alias="invalidValue")
    message: Optional[StrictStr] = Field(default=None, alias="message")
