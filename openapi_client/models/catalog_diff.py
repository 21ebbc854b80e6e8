"""The CatalogDiff schema."""

from __future__ import annotations

from typing import Annotated, List

from pydantic import Field

from openapi_client.model_methods import CatalogDiffMethods
from openapi_client.models.base import ApiModel
from openapi_client.models.stream_transform import StreamTransform


class CatalogDiff(CatalogDiffMethods, ApiModel):
    """Describes the difference between two Airbyte catalogs."""

    transforms: Annotated[
        List[StreamTransform],
        Field(alias="transforms", description="list of stream transformations. order does not matter."),
    ]
