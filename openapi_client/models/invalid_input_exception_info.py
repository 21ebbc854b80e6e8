"""The InvalidInputExceptionInfo schema."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel
from openapi_client.models.invalid_input_property import InvalidInputProperty


class InvalidInputExceptionInfo(ApiModel):
    """InvalidInputExceptionInfo model."""

    message: StrictStr = Field(alias="message")
    exception_class_name: Optional[StrictStr] = Field(default=None, alias="exceptionClassName")
    exception_stack: Optional[List[StrictStr]] = Field(default=None, alias="exceptionStack")
    validation_errors: List[InvalidInputProperty] = Field(alias="validationErrors")
