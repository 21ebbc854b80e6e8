"""The OperationCreate schema."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel
from openapi_client.models.operator_configuration import OperatorConfiguration


class OperationCreate(ApiModel):
    """OperationCreate model."""

    workspace_id: UUID = Field(alias="workspaceId")
    name: StrictStr = Field(alias="name")
    operator_configuration: OperatorConfiguration = Field(alias="operatorConfiguration")
