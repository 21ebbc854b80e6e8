"""The OperatorWebhookDbtCloud schema."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictInt

from openapi_client.models.base import ApiModel


class OperatorWebhookDbtCloud(ApiModel):
    """OperatorWebhookDbtCloud model."""

    account_id: Annotated[StrictInt, Field(alias="accountId", description="The account id associated with the job")]
    job_id: Annotated[StrictInt, Field(alias="jobId", description="The job id associated with the job")]
