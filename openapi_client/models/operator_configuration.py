"""The OperatorConfiguration schema."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field

from openapi_client.models.base import ApiModel
from openapi_client.models.operator_type import OperatorType
from openapi_client.models.operator_webhook import OperatorWebhook


class OperatorConfiguration(ApiModel):
    """OperatorConfiguration model."""

    operator_type: Annotated[OperatorType, Field(alias="operatorType")]
    webhook: Annotated[Optional[OperatorWebhook], Field(alias="webhook")] = None
