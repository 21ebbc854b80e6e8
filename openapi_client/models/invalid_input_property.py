"""The InvalidInputProperty schema."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel


class InvalidInputProperty(ApiModel):
    """InvalidInputProperty model."""

    property_path: Annotated[StrictStr, Field(alias="propertyPath")]
    invalid_value: Annotated[Optional[StrictStr], Field(alias="invalidValue")] = None
    message: Annotated[Optional[StrictStr], Field(alias="message")] = None
