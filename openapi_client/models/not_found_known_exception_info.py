"""The NotFoundKnownExceptionInfo schema."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel


class NotFoundKnownExceptionInfo(ApiModel):
    """NotFoundKnownExceptionInfo model."""

    id: Optional[StrictStr] = Field(default=None, alias="id")
    message: StrictStr = Field(alias="message")
    exception_class_name: Optional[StrictStr] = Field(default=None, alias="exceptionClassName")
    exception_stack: Optional[List[StrictStr]] = Field(default=None, alias="exceptionStack")
    root_cause_exception_class_name: Optional[StrictStr] = Field(default=None, alias="rootCauseExceptionClassName")
    root_cause_exception_stack: Optional[List[StrictStr]] = Field(default=None, alias="rootCauseExceptionStack")
