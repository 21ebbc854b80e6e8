"""The StreamAttributePrimaryKeyUpdate schema."""

from __future__ import annotations

from typing import Annotated, List, Optional

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel


class StreamAttributePrimaryKeyUpdate(ApiModel):
    """StreamAttributePrimaryKeyUpdate model."""

    old_primary_key: Annotated[Optional[List[List[StrictStr]]], Field(alias="oldPrimaryKey")] = None
    new_primary_key: Annotated[Optional[List[List[StrictStr]]], Field(alias="newPrimaryKey")] = None
