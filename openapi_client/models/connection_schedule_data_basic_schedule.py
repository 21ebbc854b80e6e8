"""The ConnectionScheduleDataBasicSchedule schema."""

from __future__ import annotations

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

    time_unit: ConnectionScheduleDataBasicScheduleTimeUnit = Field(alias="timeUnit")
    units: StrictInt = Field(alias="units")
