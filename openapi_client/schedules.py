"""Connection schedules from a line of text: `schedule("every 6 hours")`, `schedule("0 0 6 * * ?", "UTC")`,
`schedule("manual")`.

Airbyte wants `scheduleType` and `scheduleData` to agree (manual: no data; basic: a `basicSchedule`; cron: a
`cron`), and reads cron expressions with Quartz: six or seven fields, seconds first, and `?` in one of
day-of-month and day-of-week. A Unix cron (`0 6 * * *`) is refused there only after the request is sent;
`schedule()` refuses it here, and says what to write instead.
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from typing_extensions import TypedDict

from openapi_client.models.connection_schedule_data import ConnectionScheduleData
from openapi_client.models.connection_schedule_data_basic_schedule import (
    ConnectionScheduleDataBasicSchedule,
    ConnectionScheduleDataBasicScheduleTimeUnit,
)
from openapi_client.models.connection_schedule_data_cron import ConnectionScheduleDataCron
from openapi_client.models.connection_schedule_type import ConnectionScheduleType


class ScheduleFields(TypedDict):
    """The two fields that set a connection's schedule, to pass on as `**schedule(...)`."""

    schedule_type: ConnectionScheduleType
    schedule_data: Optional[ConnectionScheduleData]


_EVERY = re.compile(r"every\s+(?:(\d+)\s+)?(minute|hour|day|week|month)s?", re.IGNORECASE)

_FORMS = (
    "'manual', 'every <n> minutes|hours|days|weeks|months' (or 'every hour', ...), "
    "or a Quartz cron expression such as '0 0 6 * * ?' (06:00 every day)"
)


def schedule(text: str, time_zone: str = "UTC") -> ScheduleFields:
    """The `schedule_type` and `schedule_data` for a schedule written as text.

    `text` is `"manual"`; `"every 6 hours"` (or `"every hour"`; minutes, hours, days, weeks, months); or a
    Quartz cron expression (`"0 0 6 * * ?"`, `"0 30 */2 ? * MON-FRI"`), which runs in `time_zone` (an IANA
    name such as `"Europe/Berlin"`, or an offset such as `"+05:30"`; default `"UTC"`). Raises `ValueError` for
    anything else, naming what is wrong: a Unix cron's five fields, a missing `?`, a value or step out of range,
    an unknown time zone.
    """
    words = " ".join(text.split())
    if words.lower() == "manual":
        return ScheduleFields(schedule_type=ConnectionScheduleType.MANUAL, schedule_data=None)
    every = _EVERY.fullmatch(words)
    if every:
        units = int(every.group(1) or 1)
        if units < 1:
            raise ValueError(f"schedule {text!r}: the number of {every.group(2)}s must be at least 1")
        basic = ConnectionScheduleDataBasicSchedule(
            time_unit=ConnectionScheduleDataBasicScheduleTimeUnit(every.group(2).lower() + "s"), units=units
        )
        return ScheduleFields(
            schedule_type=ConnectionScheduleType.BASIC, schedule_data=ConnectionScheduleData(basic_schedule=basic)
        )
    if words.lower().startswith("every") or len(words.split()) < 5:
        raise ValueError(f"schedule {text!r} is not one Airbyte knows: write {_FORMS}")
    check_quartz_cron(words)
    check_time_zone(time_zone)
    cron = ConnectionScheduleDataCron(cron_expression=words, cron_time_zone=time_zone)
    return ScheduleFields(schedule_type=ConnectionScheduleType.CRON, schedule_data=ConnectionScheduleData(cron=cron))


def describe_schedule(schedule_type: Optional[ConnectionScheduleType], data: Optional[ConnectionScheduleData]) -> str:
    """`every 6 hours`, `cron 0 0 6 * * ? UTC` or `manual`: a schedule as `schedule()` reads it back."""
    if schedule_type == ConnectionScheduleType.BASIC and data is not None and data.basic_schedule is not None:
        basic = data.basic_schedule
        unit = str(basic.time_unit)
        return f"every {basic.units} {unit[:-1] if basic.units == 1 else unit}"
    if schedule_type == ConnectionScheduleType.CRON and data is not None and data.cron is not None:
        return f"cron {data.cron.cron_expression} {data.cron.cron_time_zone}"
    return str(schedule_type) if schedule_type is not None else "manual"


# -- Quartz cron expressions ------------------------------------------------------------------------------

_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_DAYS = ("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")

# name, lowest, highest, names (numbered from `lowest`)
_FIELDS: Tuple[Tuple[str, int, int, Tuple[str, ...]], ...] = (
    ("seconds", 0, 59, ()),
    ("minutes", 0, 59, ()),
    ("hours", 0, 23, ()),
    ("day-of-month", 1, 31, ()),
    ("month", 1, 12, _MONTHS),
    ("day-of-week", 1, 7, _DAYS),
    ("year", 1970, 2099, ()),
)
_VALUE = r"(\d+|[A-Za-z]{3})"
_ITEM = re.compile(rf"(?:\*|{_VALUE}(?:-{_VALUE})?)(?:/(\d+))?")
# Quartz's special forms: the last day (of the month, or a given weekday in it), the nearest weekday, the nth.
_DAY_OF_MONTH_SPECIAL = re.compile(r"L(?:-\d+)?|LW|\d+W")
_DAY_OF_WEEK_SPECIAL = re.compile(rf"L|{_VALUE}L|{_VALUE}#[1-5]")


def check_quartz_cron(expression: str) -> None:
    """Raise `ValueError` unless `expression` has the shape of a Quartz cron expression, as Airbyte wants."""
    fields = expression.split()
    if len(fields) not in (6, 7):
        raise ValueError(_field_count_message(expression, fields))
    day_of_month, day_of_week = fields[3], fields[5]
    if (day_of_month == "?") == (day_of_week == "?"):
        raise ValueError(
            f"cron {expression!r}: Quartz needs '?' in exactly one of day-of-month (4th field) and day-of-week "
            f"(6th field), e.g. '0 0 6 * * ?' (every day) or '0 0 6 ? * MON' (Mondays)"
        )
    for text, (name, lowest, highest, names) in zip(fields, _FIELDS):
        for item in text.split(","):
            problem = _item_problem(item, name, lowest, highest, names)
            if problem:
                raise ValueError(f"cron {expression!r}: {name} field {text!r}: {problem}")


def _field_count_message(expression: str, fields: List[str]) -> str:
    message = (
        f"cron {expression!r} has {len(fields)} fields; Airbyte reads Quartz cron expressions: seconds minutes "
        f"hours day-of-month month day-of-week [year], e.g. '0 0 6 * * ?' for 06:00 every day"
    )
    # A Unix cron that names both days means either day, which Quartz cannot say: no suggestion for that one.
    if len(fields) == 5 and "*" in (fields[2], fields[4]):
        minute, hour, day_of_month, month, day_of_week = fields
        if day_of_week == "*":
            day_of_week = "?"
        else:
            day_of_month = "?"
        quartz = " ".join(["0", minute, hour, day_of_month, month, day_of_week])
        message += f". For the Unix cron {expression!r}, write {quartz!r}"
    return message


def _item_problem(item: str, name: str, lowest: int, highest: int, names: Tuple[str, ...]) -> Optional[str]:
    if item == "?":
        return None if name in ("day-of-month", "day-of-week") else "'?' is only for day-of-month or day-of-week"
    special = {"day-of-month": _DAY_OF_MONTH_SPECIAL, "day-of-week": _DAY_OF_WEEK_SPECIAL}.get(name)
    if special is not None and special.fullmatch(item.upper()):
        values = [v for v in re.findall(_VALUE, item.upper()) if v not in ("L", "LW", "W")]
        return _range_problem(values[:1], lowest, highest, names)
    match = _ITEM.fullmatch(item)
    if match is None:
        return f"{item!r} is not a value, a range, a step or '*'"
    start, end, step = match.groups()
    if step is not None and int(step) < 1:
        return f"the step in {item!r} must be at least 1"
    # Quartz bounds a step by the field's highest value, but not in the year field.
    if step is not None and name != "year" and int(step) > highest:
        return f"the step in {item!r} must be at most {highest}"
    return _range_problem([v for v in (start, end) if v is not None], lowest, highest, names)


def _range_problem(values: List[str], lowest: int, highest: int, names: Tuple[str, ...]) -> Optional[str]:
    for value in values:
        if value.isdigit():
            if not lowest <= int(value) <= highest:
                return f"{value} is out of range {lowest}-{highest}"
        elif value.upper() not in names:
            allowed = f"{names[0]}-{names[-1]}" if names else "numbers"
            return f"{value!r} is not a known name (allowed: {allowed})"
    return None


# -- time zones --------------------------------------------------------------------------------------------

# The offsets Joda's `DateTimeZone.forID` reads: two-digit hours up to 23, then minutes, seconds and milliseconds,
# all with separators (`+05:30`, `-08:00:00.5`) or none (`+0530`).
_OFFSET = re.compile(r"[+-](?:[01]\d|2[0-3])(?::[0-5]\d(?::[0-5]\d(?:[.,]\d{1,3})?)?|[0-5]\d(?:[0-5]\d\d{0,3})?)?")


def check_time_zone(time_zone: str) -> None:
    """Raise `ValueError` for a time zone Airbyte refuses: not a known IANA name or offset, or an `Etc/` one."""
    if time_zone.lower().startswith("etc"):
        raise ValueError(f"time zone {time_zone!r}: Airbyte refuses Etc/ time zones; use e.g. 'UTC' or 'Europe/Berlin'")
    if time_zone == "UTC" or _OFFSET.fullmatch(time_zone):
        return
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

    try:
        ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        # Without a time zone database on this machine (no tzdata) nothing can be checked: leave it to Airbyte.
        if available_timezones():
            raise ValueError(
                f"time zone {time_zone!r} is not a known IANA name nor an offset such as '+05:30'; "
                "use e.g. 'UTC', 'Europe/Berlin', 'America/New_York'"
            ) from None
