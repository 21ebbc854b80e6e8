"""The FieldRemove schema."""

from __future__ import annotations

from typing import Annotated, Any, Dict, Optional

from pydantic import Field

from openapi_client.models.base import ApiModel


class FieldRemove(ApiModel):
    """FieldRemove model."""

    var_schema: Annotated[Optional[Dict[str, Any]], Field(alias="schema")] = None
