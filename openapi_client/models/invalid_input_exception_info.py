"""The InvalidInputExceptionInfo schema."""

from __future__ import annotations

from typing import Annotated, List, Optional

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel
from openapi_client.models.invalid_input_property import InvalidInputProperty


class InvalidInputExceptionInfo(ApiModel):
    """InvalidInputExceptionInfo model."""

    message: Annotated[StrictStr, Field(alias="message")]
    exception_class_name: Annotated[Optional[StrictStr], Field(alias="exceptionClassName")] = None
    exception_stack: Annotated[Optional[List[StrictStr]], Field(alias="exceptionStack")] = None
    validation_errors: Annotated[List[InvalidInputProperty], Field(alias="validationErrors")]
