"""The StreamAttributePrimaryKeyUpdate schema."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel


class StreamAttributePrimaryKeyUpdate(ApiModel):
    """StreamAttributePrimaryKeyUpdate model."""

    old_primary_key: Optional[List[List[StrictStr]]] = Field(default=None, alias="oldPrimaryKey")
    new_primary_key: Optional[List[List[StrictStr]]] = Field(default=None, alias="newPrimaryKey")
