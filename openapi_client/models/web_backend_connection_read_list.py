"""The WebBackendConnectionReadList schema."""

from __future__ import annotations

from typing import Annotated, List

from pydantic import Field

from openapi_client.model_methods import ConnectionListMethods
from openapi_client.models.base import ApiModel
from openapi_client.models.web_backend_connection_list_item import WebBackendConnectionListItem


class WebBackendConnectionReadList(ConnectionListMethods, ApiModel):
    """WebBackendConnectionReadList model."""

    connections: Annotated[List[WebBackendConnectionListItem], Field(alias="connections")]
