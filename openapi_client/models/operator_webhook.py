"""The OperatorWebhook schema."""

from __future__ import annotations

from typing import Optional
from uuid import UUID

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiEnum, ApiModel
from openapi_client.models.operator_webhook_dbt_cloud import OperatorWebhookDbtCloud


class OperatorWebhookWebhookType(ApiEnum):
    """Values of OperatorWebhook.webhookType."""

    DBTCLOUD = "dbtCloud"


class OperatorWebhook(ApiModel):
    """OperatorWebhook model."""

    webhook_config_id: Optional[UUID] = Field(
        default=None,
        alias="webhookConfigId",
        description="The id of the webhook configs to use from the workspace.",
    )
    webhook_type: Optional[OperatorWebhookWebhookType] = Field(default=None, alias="webhookType")
    dbt_cloud: Optional[OperatorWebhookDbtCloud] = Field(default=None, alias="dbtCloud")
    execution_url: Optional[StrictStr] = Field(
        default=None,
        alias="executionUrl",
        description="DEPRECATED. Populate dbtCloud instead.",
    )
    execution_body: Optional[StrictStr] = Field(
        default=None,
        alias="executionBody",
        description="DEPRECATED. Populate dbtCloud instead.",
    )
