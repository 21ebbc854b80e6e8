"""The OperationRead schema."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel
from openapi_client.models.operator_configuration import OperatorConfiguration


class OperationRead(ApiModel):
    """OperationRead model."""

    workspace_id: Annotated[UUID, Field(alias="workspaceId")]
    operation_id: Annotated[UUID, Field(alias="operationId")]
    name: Annotated[StrictStr, Field(alias="name")]
    operator_configuration: Annotated[OperatorConfiguration, Field(alias="operatorConfiguration")]
