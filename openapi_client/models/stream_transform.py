"""The StreamTransform schema."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field

from openapi_client.models.base import READ_FIELD_TRANSFORMS_LIST, ApiEnum, ApiModel
from openapi_client.models.stream_descriptor import StreamDescriptor
from openapi_client.models.stream_transform_update_stream import StreamTransformUpdateStream


class StreamTransformTransformType(ApiEnum):
    """Values of StreamTransform.transformType."""

    ADD_STREAM = "add_stream"
    REMOVE_STREAM = "remove_stream"
    UPDATE_STREAM = "update_stream"


class StreamTransform(ApiModel):
    """StreamTransform model."""

    transform_type: Annotated[StreamTransformTransformType, Field(alias="transformType")]
    stream_descriptor: Annotated[StreamDescriptor, Field(alias="streamDescriptor")]
    update_stream: Annotated[
        Optional[StreamTransformUpdateStream], Field(alias="updateStream"), READ_FIELD_TRANSFORMS_LIST
    ] = None
