"""The ConnectionIdRequestBody schema."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from pydantic import Field

from openapi_client.models.base import ApiModel


class ConnectionIdRequestBody(ApiModel):
    """ConnectionIdRequestBody model."""

    connection_id: Annotated[UUID, Field(alias="connectionId")]
