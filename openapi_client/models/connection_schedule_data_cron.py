"""The ConnectionScheduleDataCron schema."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictStr

from openapi_client.models.base import ApiModel


class ConnectionScheduleDataCron(ApiModel):
    """ConnectionScheduleDataCron model."""

    cron_expression: Annotated[StrictStr, Field(alias="cronExpression")]
    cron_time_zone: Annotated[StrictStr, Field(alias="cronTimeZone")]
