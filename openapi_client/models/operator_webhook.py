"""The OperatorWebhook schema."""

from __future__ import annotations

from typing import Annotated, Optional
from uuid import UUID

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiEnum, ApiModel
from openapi_client.models.operator_webhook_dbt_cloud import OperatorWebhookDbtCloud


class OperatorWebhookWebhookType(ApiEnum):
    """Values of OperatorWebhook.webhookType."""

    DBTCLOUD = "dbtCloud"


class OperatorWebhook(ApiModel):
    """OperatorWebhook model."""

    webhook_config_id: Annotated[
        Optional[UUID],
        Field(alias="webhookConfigId", description="The id of the webhook configs to use from the workspace."),
    ] = None
    webhook_type: Annotated[Optional[OperatorWebhookWebhookType], Field(alias="webhookType")] = None
    dbt_cloud: Annotated[Optional[OperatorWebhookDbtCloud], Field(alias="dbtCloud")] = None
    execution_url: Annotated[
        Optional[StrictStr], Field(alias="executionUrl", description="DEPRECATED. Populate dbtCloud instead.")
    ] = None
    execution_body: Annotated[
        Optional[StrictStr], Field(alias="executionBody", description="DEPRECATED. Populate dbtCloud instead.")
    ] = None
