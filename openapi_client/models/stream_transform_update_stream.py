"""The StreamTransformUpdateStream schema."""

from __future__ import annotations

from typing import Annotated, List, Optional

from pydantic import Field

from openapi_client.models.base import ApiModel
from openapi_client.models.field_transform import FieldTransform
from openapi_client.models.stream_attribute_transform import StreamAttributeTransform


class StreamTransformUpdateStream(ApiModel):
    """StreamTransformUpdateStream model."""

    field_transforms: Annotated[
        List[FieldTransform],
        Field(alias="fieldTransforms", description="list of field transformations. order does not matter."),
    ]
    stream_attribute_transforms: Annotated[
        Optional[List[StreamAttributeTransform]],
        Field(
            alias="streamAttributeTransforms",
            description="list of stream attribute transformations. order does not matter.",
        ),
    ] = None
