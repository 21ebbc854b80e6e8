"""The ConnectionScheduleData schema."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field

from openapi_client.models.base import ApiModel
from openapi_client.models.connection_schedule_data_basic_schedule import ConnectionScheduleDataBasicSchedule
from openapi_client.models.connection_schedule_data_cron import ConnectionScheduleDataCron


class ConnectionScheduleData(ApiModel):
    """schedule for when the the connection should run, per the schedule type"""

    basic_schedule: Annotated[Optional[ConnectionScheduleDataBasicSchedule], Field(alias="basicSchedule")] = None
    cron: Annotated[Optional[ConnectionScheduleDataCron], Field(alias="cron")] = None
