"""The WebBackendOperationCreateOrUpdate schema."""

from __future__ import annotations

from typing import Optional
from uuid import UUID

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel
from openapi_client.models.operator_configuration import OperatorConfiguration


class WebBackendOperationCreateOrUpdate(ApiModel):
    """WebBackendOperationCreateOrUpdate model."""

    operation_id: Optional[UUID] = Field(default=None, alias="operationId")
    workspace_id: UUID = Field(alias="workspaceId")
    name: StrictStr = Field(alias="name")
    operator_configuration: OperatorConfiguration = Field(alias="operatorConfiguration")
