"""The NotFoundKnownExceptionInfo schema."""

from __future__ import annotations

from typing import Annotated, List, Optional

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel


class NotFoundKnownExceptionInfo(ApiModel):
    """NotFoundKnownExceptionInfo model."""

    id: Annotated[Optional[StrictStr], Field(alias="id")] = None
    message: Annotated[StrictStr, Field(alias="message")]
    exception_class_name: Annotated[Optional[StrictStr], Field(alias="exceptionClassName")] = None
    exception_stack: Annotated[Optional[List[StrictStr]], Field(alias="exceptionStack")] = None
    root_cause_exception_class_name: Annotated[Optional[StrictStr], Field(alias="rootCauseExceptionClassName")] = None
    root_cause_exception_stack: Annotated[Optional[List[StrictStr]], Field(alias="rootCauseExceptionStack")] = None
