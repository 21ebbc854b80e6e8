"""The ResourceRequirements schema."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel


class ResourceRequirements(ApiModel):
    """optional resource requirements to run workers (blank for unbounded allocations)"""

    cpu_request: Annotated[Optional[StrictStr], Field(alias="cpu_request")] = None
    cpu_limit: Annotated[Optional[StrictStr], Field(alias="cpu_limit")] = None
    memory_request: Annotated[Optional[StrictStr], Field(alias="memory_request")] = None
    memory_limit: Annotated[Optional[StrictStr], Field(alias="memory_limit")] = None
    ephemeral_storage_request: Annotated[Optional[StrictStr], Field(alias="ephemeral_storage_request")] = None
    ephemeral_storage_limit: Annotated[Optional[StrictStr], Field(alias="ephemeral_storage_limit")] = None
