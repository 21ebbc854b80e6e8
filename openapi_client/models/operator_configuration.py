"""The OperatorConfiguration schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from openapi_client.models.base import ApiModel
from openapi_client.models.operator_type import OperatorType
from openapi_client.models.operator_webhook import OperatorWebhook


class OperatorConfiguration(ApiModel):
    """OperatorConfiguration model."""

    operator_type: OperatorType = Field(alias="operatorType")
    webhook: Optional[OperatorWebhook] = Field(default=None, alias="webhook")
