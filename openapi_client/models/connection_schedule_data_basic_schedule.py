"""The ConnectionScheduleDataBasicSchedule schema."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictInt

from openapi_client.models.base import ApiEnum, ApiModel


class ConnectionScheduleDataBasicScheduleTimeUnit(ApiEnum):
    """Values of ConnectionScheduleDataBasicSchedule.timeUnit."""

    MINUTES = "minutes"
    HOURS = "hours"
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"


class ConnectionScheduleDataBasicSchedule(ApiModel):
    """ConnectionScheduleDataBasicSchedule model."""

    time_unit: Annotated[ConnectionScheduleDataBasicScheduleTimeUnit, Field(alias="timeUnit")]
    units: Annotated[StrictInt, Field(alias="units")]
