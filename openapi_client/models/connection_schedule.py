"""The ConnectionSchedule schema."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictInt

from openapi_client.models.base import ApiEnum, ApiModel


class ConnectionScheduleTimeUnit(ApiEnum):
    """Values of ConnectionSchedule.timeUnit."""

    MINUTES = "minutes"
    HOURS = "hours"
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"


class ConnectionSchedule(ApiModel):
    """if null, then no schedule is set."""

    units: Annotated[StrictInt, Field(alias="units")]
    time_unit: Annotated[ConnectionScheduleTimeUnit, Field(alias="timeUnit")]
