"""A connection's schedule from what a create or update says: its type, and the data that type needs."""

from __future__ import annotations

from typing import Optional, Tuple

from openapi_client.models.connection_schedule import ConnectionSchedule
from openapi_client.models.connection_schedule_data import ConnectionScheduleData
from openapi_client.models.connection_schedule_data_basic_schedule import (
    ConnectionScheduleDataBasicSchedule,
    ConnectionScheduleDataBasicScheduleTimeUnit,
)
from openapi_client.models.connection_schedule_type import ConnectionScheduleType
from openapi_client.testing.errors import InvalidInput

Schedule = Tuple[ConnectionScheduleType, Optional[ConnectionScheduleData]]
# Quartz cron, as Airbyte takes it: seconds, minutes, hours, day of month, month, day of week[, year].
_CRON_FIELDS = (6, 7)


def resolve_schedule(
    operation: str,
    schedule_type: Optional[ConnectionScheduleType],
    schedule: Optional[ConnectionSchedule],
    schedule_data: Optional[ConnectionScheduleData],
    current: Optional[ConnectionScheduleData] = None,
) -> Schedule:
    """The schedule type and data to keep. Without a type, the data says which it is (none: manual); the
    deprecated `schedule` stands for a basic schedule; an update that names only a type keeps `current` data."""
    if schedule_data is None and schedule is not None:
        basic = ConnectionScheduleDataBasicSchedule(
            time_unit=ConnectionScheduleDataBasicScheduleTimeUnit(schedule.time_unit.value), units=schedule.units
        )
        schedule_data = ConnectionScheduleData(basic_schedule=basic)
    if schedule_type is None:
        schedule_type = _type_of(schedule_data)
    data = schedule_data or current
    if schedule_type is ConnectionScheduleType.MANUAL:
        return schedule_type, None
    if schedule_type is ConnectionScheduleType.BASIC:
        if data is None or data.basic_schedule is None:
            raise InvalidInput.one(operation, "scheduleData.basicSchedule", "A basic schedule needs its units")
        if data.basic_schedule.units <= 0:
            units = data.basic_schedule.units
            raise InvalidInput.one(operation, "scheduleData.basicSchedule.units", "Units must be positive", units)
        return schedule_type, ConnectionScheduleData(basic_schedule=data.basic_schedule.model_copy())
    if data is None or data.cron is None:
        raise InvalidInput.one(operation, "scheduleData.cron", "A cron schedule needs its expression and time zone")
    if len(data.cron.cron_expression.split()) not in _CRON_FIELDS:
        where, expression = "scheduleData.cron.cronExpression", data.cron.cron_expression
        raise InvalidInput.one(operation, where, "Not a Quartz cron expression", expression)
    return schedule_type, ConnectionScheduleData(cron=data.cron.model_copy())


def _type_of(data: Optional[ConnectionScheduleData]) -> ConnectionScheduleType:
    if data is not None and data.basic_schedule is not None:
        return ConnectionScheduleType.BASIC
    if data is not None and data.cron is not None:
        return ConnectionScheduleType.CRON
    return ConnectionScheduleType.MANUAL
