"""The ResourceRequirements schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel


class ResourceRequirements(ApiModel):
    """optional resource requirements to run workers (blank for unbounded allocations)"""

    cpu_request: Optional[StrictStr] = Field(default=None, alias="cpu_request")
    cpu_limit: Optional[StrictStr] = Field(default=None, alias="cpu_limit")
    memory_request: Optional[StrictStr] = Field(default=None, alias="memory_request")
    memory_limit: Optional[StrictStr] = Field(default=None, alias="memory_limit")
    ephemeral_storage_request: Optional[StrictStr] = Field(default=None, alias="ephemeral_storage_request")
    ephemeral_storage_limit: Optional[StrictStr] = Field(default=None, alias="ephemeral_storage_limit")
