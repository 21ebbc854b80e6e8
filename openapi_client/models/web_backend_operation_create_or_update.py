"""The WebBackendOperationCreateOrUpdate schema."""

from __future__ import annotations

from typing import Annotated, Optional
from uuid import UUID

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel
from openapi_client.models.operator_configuration import OperatorConfiguration


class WebBackendOperationCreateOrUpdate(ApiModel):
    """WebBackendOperationCreateOrUpdate model."""

    operation_id: Annotated[Optional[UUID], Field(alias="operationId")] = None
    workspace_id: Annotated[UUID, Field(alias="workspaceId")]
    name: Annotated[StrictStr, Field(alias="name")]
    operator_configuration: Annotated[OperatorConfiguration, Field(alias="operatorConfiguration")]
