"""A connection's schedule from what a create or update says (`ConnectionsHandler.createConnection`,
`validateConnectionPatch`, `ConnectionScheduleHelper.populateSyncFromScheduleTypeAndData`).

Schedules are the API's JSON: the type (`manual`, `basic`, `cron`) and the `scheduleData` that goes with it.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Tuple

from openapi_client.testing.cron import cron_problem, time_zone_exists
from openapi_client.testing.errors import BadObjectSchema, Problem, ServerCrash

Json = Dict[str, Any]
Schedule = Tuple[str, Optional[Json]]
MANUAL = ("manual", None)
_PATCH = "ConnectionUpdate should"


def created_schedule(schedule_type: Optional[str], legacy: Optional[Json], data: Optional[Json]) -> Schedule:
    """A new connection's schedule: by type and data; else the deprecated `schedule` as a basic one; else manual
    (data without a type is ignored). Both a type and `schedule` is refused (422)."""
    if legacy is not None and schedule_type is not None:
        raise BadObjectSchema("supply old or new schedule schema but not both")
    if schedule_type is not None:
        return schedule_from(schedule_type, data, None)
    if legacy is not None:
        return "basic", {"basicSchedule": {"timeUnit": legacy["timeUnit"], "units": legacy["units"]}}
    return MANUAL


def check_patch(schedule_type: Optional[str], legacy: Optional[Json], data: Optional[Json]) -> None:
    """`validateConnectionPatch`'s preconditions: each failure is an `IllegalArgumentException` (500)."""
    if legacy is not None:
        raise ServerCrash.precondition(
            f"{_PATCH} only make changes to the schedule by setting scheduleType and scheduleData. "
            "'schedule' is no longer supported."
        )
    if schedule_type is None and data is not None:
        raise ServerCrash.precondition(
            f"{_PATCH} not include any scheduleData without also specifying a valid scheduleType."
        )
    if schedule_type == "manual" and data is not None:
        raise ServerCrash.precondition(
            f"{_PATCH} not include any scheduleData when setting the Connection scheduleType to MANUAL."
        )
    if schedule_type in ("basic", "cron") and data is None:
        name = schedule_type.upper()
        raise ServerCrash.precondition(
            f"{_PATCH} include scheduleData when setting the Connection scheduleType to {name}."
        )


def schedule_from(schedule_type: str, data: Optional[Json], connection_id: Optional[str]) -> Schedule:
    """`populateSyncFromScheduleTypeAndData`: a basic schedule needs its `basicSchedule` (422); a cron one its
    expression and time zone, which Quartz and Joda must accept (400, as Airbyte's cron problems)."""
    if schedule_type != "manual" and data is None:
        raise BadObjectSchema("schedule data must be populated if schedule type is populated")
    if schedule_type == "manual" or data is None:
        return MANUAL
    if schedule_type == "basic":
        basic = data.get("basicSchedule")
        if basic is None:
            raise BadObjectSchema("if schedule type is basic, then scheduleData.basic must be populated")
        return "basic", {"basicSchedule": {"timeUnit": basic["timeUnit"], "units": basic["units"]}}
    cron = data.get("cron")
    if cron is None:
        raise _cron_problem(
            "missing-cron-data",
            "Cron data is missing",
            "If schedule type is cron, scheduleData.cron must be provided.",
            {},
        )
    # Bean validation has already refused a cron without its expression or time zone (`@NotNull`), so Airbyte's
    # own check for them (`CronValidationMissingComponentProblem`) never fires.
    expression, zone = cron["cronExpression"], cron["cronTimeZone"]
    identified = {} if connection_id is None else {"connectionId": connection_id}
    if zone.lower().startswith("etc") or not time_zone_exists(zone):
        data = {**identified, "cronTimezone": zone}
        raise _cron_problem("invalid-timezone", "Invalid cron timezone", "The specified cron timezone is invalid", data)
    if cron_problem(expression) is not None:
        data = {**identified, "cronExpression": expression}
        raise _cron_problem("invalid-expression", "Invalid cron expression", "The cron expression is invalid", data)
    return "cron", {"cron": {"cronExpression": expression, "cronTimeZone": zone}}


def legacy_schedule(schedule_type: str, data: Optional[Json]) -> Optional[Json]:
    """The deprecated `schedule` field of a read: Airbyte keeps it for basic schedules only."""
    basic = (data or {}).get("basicSchedule")
    if schedule_type != "basic" or basic is None:
        return None
    return {"timeUnit": basic["timeUnit"], "units": basic["units"]}


def _cron_problem(kind: str, title: str, detail: str, data: Json) -> Problem:
    return Problem(400, f"error:cron-validation/{kind}", title, detail, data)
