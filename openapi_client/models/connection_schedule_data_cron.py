"""The ConnectionScheduleDataCron schema."""

from __future__ import annotations

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel


class ConnectionScheduleDataCron(ApiModel):
    """ConnectionScheduleDataCron model."""

    cron_expression: StrictStr = Field(alias="cronExpression")
    cron_time_zone: StrictStr = Field(alias="cronTimeZone")
