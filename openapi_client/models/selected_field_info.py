"""The SelectedFieldInfo schema."""

from __future__ import annotations

from typing import Annotated, List, Optional

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel


class SelectedFieldInfo(ApiModel):
    """Path to a field/column/property in a stream to be selected. For example, if the field to be selected is a database column called "foo", this will be ["foo"]. Use multiple path elements for nested schemas."""

    field_path: Annotated[Optional[List[StrictStr]], Field(alias="fieldPath")] = None
