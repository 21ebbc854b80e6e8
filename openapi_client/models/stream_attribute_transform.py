"""The StreamAttributeTransform schema."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field, StrictBool

from openapi_client.models.base import ApiEnum, ApiModel
from openapi_client.models.stream_attribute_primary_key_update import StreamAttributePrimaryKeyUpdate


class StreamAttributeTransformTransformType(ApiEnum):
    """Values of StreamAttributeTransform.transformType."""

    UPDATE_PRIMARY_KEY = "update_primary_key"


class StreamAttributeTransform(ApiModel):
    """Describes the difference in an attribute between two Streams."""

    transform_type: Annotated[StreamAttributeTransformTransformType, Field(alias="transformType")]
    breaking: Annotated[StrictBool, Field(alias="breaking")]
    update_primary_key: Annotated[Optional[StreamAttributePrimaryKeyUpdate], Field(alias="updatePrimaryKey")] = None
