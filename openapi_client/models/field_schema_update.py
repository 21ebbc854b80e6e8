"""The FieldSchemaUpdate schema."""

from __future__ import annotations

from typing import Annotated, Any, Dict

from pydantic import Field

from openapi_client.models.base import ApiModel


class FieldSchemaUpdate(ApiModel):
    """FieldSchemaUpdate model."""

    old_schema: Annotated[Dict[str, Any], Field(alias="oldSchema")]
    new_schema: Annotated[Dict[str, Any], Field(alias="newSchema")]
