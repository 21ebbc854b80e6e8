"""The ConnectionScheduleData schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from openapi_client.models.base import ApiModel
from openapi_client.models.connection_schedule_data_basic_schedule import ConnectionScheduleDataBasicSchedule
from openapi_client.models.connection_schedule_data_cron import ConnectionScheduleDataCron


class ConnectionScheduleData(ApiModel):
    """schedule for when the the connection should run, per the schedule type"""

    basic_schedule: Optional[ConnectionScheduleDataBasicSchedule] = Field(default=None, alias="basicSchedule")
    cron: Optional[ConnectionScheduleDataCron] = Field(default=None, alias="cron")
