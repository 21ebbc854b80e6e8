"""Cron expressions and time zones as Airbyte checks them (`ConnectionScheduleHelper`): Quartz's
`CronExpression` parser and Joda's `DateTimeZone.forID`.

Quartz expressions have six or seven fields (seconds, minutes, hours, day of month, month, day of week, and an
optional year); exactly one of the day fields is `?`. Names of months and days, `L`, `W` and `#` are Quartz's.
"""

from __future__ import annotations

import re
import zoneinfo
from functools import lru_cache
from typing import FrozenSet, Optional, Sequence, Tuple

_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_DAYS = ("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")
# (lowest, highest, names) of each field; names count from the lowest value.
_FIELDS: Tuple[Tuple[int, int, Tuple[str, ...]], ...] = (
    (0, 59, ()),
    (0, 59, ()),
    (0, 23, ()),
    (1, 31, ()),
    (1, 12, _MONTHS),
    (1, 7, _DAYS),
    (1970, 2099, ()),
)
_DAY_OF_MONTH, _DAY_OF_WEEK = 3, 5
# Joda's offsets: two-digit hours up to 23, then minutes, seconds and milliseconds, with separators or none.
_OFFSET = re.compile(r"[+-](?:[01]\d|2[0-3])(?::[0-5]\d(?::[0-5]\d(?:[.,]\d{1,3})?)?|[0-5]\d(?:[0-5]\d\d{0,3})?)?")


def cron_problem(expression: str) -> Optional[str]:
    """Why Quartz refuses `expression`, or None when it parses."""
    fields = expression.upper().split()
    if len(fields) not in (6, 7):
        return "Unexpected end of expression."
    for index, text in enumerate(fields):
        problem = _field_problem(index, text)
        if problem is not None:
            return problem
    day_of_month, day_of_week = fields[_DAY_OF_MONTH], fields[_DAY_OF_WEEK]
    if (day_of_month == "?") == (day_of_week == "?"):
        return "Support for specifying both a day-of-week AND a day-of-month parameter is not implemented."
    return None


def time_zone_exists(zone: str) -> bool:
    """Whether Joda's `DateTimeZone.forID` knows `zone`: `UTC`, an offset such as `+05:30`, or a tz database id."""
    if zone == "UTC" or _OFFSET.fullmatch(zone):
        return True
    known = _time_zones()
    # Without a tz database on this machine, any Area/Location-looking id is taken as Airbyte's Joda would know it.
    return zone in known if known else bool(re.fullmatch(r"[A-Za-z_]+(/[A-Za-z0-9_+-]+)+", zone))


@lru_cache(maxsize=1)
def _time_zones() -> FrozenSet[str]:
    return frozenset(zoneinfo.available_timezones())


def _field_problem(index: int, text: str) -> Optional[str]:
    for item in text.split(","):
        problem = _item_problem(index, item)
        if problem is not None:
            return problem
    return None


def _item_problem(index: int, item: str) -> Optional[str]:
    if item == "?":
        return (
            None
            if index in (_DAY_OF_MONTH, _DAY_OF_WEEK)
            else "'?' can only be specified for Day-of-Month or Day-of-Week."
        )
    if index == _DAY_OF_MONTH and re.fullmatch(r"L(-\d{1,2})?|LW|\d{1,2}W", item):
        return _range_problem(index, [int(n) for n in re.findall(r"\d+", item)][:1] if "W" in item else [])
    if index == _DAY_OF_WEEK and re.fullmatch(r"(\w{1,3})?L|\w{1,3}#[1-5]", item):
        return _range_problem(index, [_value(index, part) for part in re.split(r"[L#]", item)[:1] if part])
    base, _, step = item.partition("/")
    if step and (not step.isdigit() or int(step) == 0 or int(step) > _FIELDS[index][1]):
        return (
            f"Increment > {_FIELDS[index][1]} : {step}"
            if step.isdigit()
            else f"Illegal characters for this position: '{step}'"
        )
    if base == "*":
        return None
    bounds = base.split("-")
    if len(bounds) > 2 or not all(bounds):
        return f"Illegal characters for this position: '{item}'"
    return _range_problem(index, [_value(index, bound) for bound in bounds])


def _value(index: int, text: str) -> Optional[int]:
    lowest, _, names = _FIELDS[index]
    if text.isdigit():
        return int(text)
    return names.index(text) + lowest if text in names else None


def _range_problem(index: int, values: Sequence[Optional[int]]) -> Optional[str]:
    lowest, highest, _ = _FIELDS[index]
    for value in values:
        if value is None or not lowest <= value <= highest:
            return f"Value out of range for field {index + 1}: must be {lowest}-{highest}"
    return None
