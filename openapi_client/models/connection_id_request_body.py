"""The ConnectionIdRequestBody schema."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from openapi_client.models.base import ApiModel


class ConnectionIdRequestBody(ApiModel):
    """ConnectionIdRequestBody model."""

    connection_id: UUID = Field(alias="connectionId")
