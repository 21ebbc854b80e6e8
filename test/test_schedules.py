"""`schedule()`: the right scheduleType/scheduleData pair from a line of text, and a cron's shape checked before
anything is sent."""

from __future__ import annotations

import re
from typing import Iterator, List, Tuple

import pytest

import openapi_client
from openapi_client.models.connection_schedule_data import ConnectionScheduleData
from openapi_client.models.connection_schedule_data_cron import ConnectionScheduleDataCron
from openapi_client.models.connection_schedule_type import ConnectionScheduleType
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.schedules import check_quartz_cron, describe_schedule, schedule
from openapi_client.testing import LocalAirbyte

# Every example of Quartz's CronTrigger tutorial (quartz-scheduler.org), and a few of Airbyte's own.
QUARTZ_EXAMPLES = [
    "0 0 12 * * ?",
    "0 15 10 ? * *",
    "0 15 10 * * ?",
    "0 15 10 * * ? *",
    "0 15 10 * * ? 2005",
    "0 * 14 * * ?",
    "0 0/5 14 * * ?",
    "0 0/5 14,18 * * ?",
    "0 0-5 14 * * ?",
    "0 10,44 14 ? 3 WED",
    "0 15 10 ? * MON-FRI",
    "0 15 10 15 * ?",
    "0 15 10 L * ?",
    "0 15 10 L-2 * ?",
    "0 15 10 ? * 6L",
    "0 15 10 ? * 6L 2002-2005",
    "0 15 10 ? * 6#3",
    "0 0 12 1/5 * ?",
    "0 11 11 11 11 ?",
    "0 0 6 * * ?",
    "0 0 * * * ?",
    "0 30 7 ? * mon-fri",
    "0 0 0 LW * ?",
    "0 0 0 15W * ?",
    "0 0 0 ? JAN,JUL SUN",
    "*/30 * * * * ?",
]


@pytest.mark.parametrize("expression", QUARTZ_EXAMPLES)
def test_quartz_expressions_are_taken(expression: str) -> None:
    fields = schedule(expression, "Europe/Berlin")
    assert fields["schedule_type"] == ConnectionScheduleType.CRON
    assert fields["schedule_data"] is not None and fields["schedule_data"].cron is not None
    assert fields["schedule_data"].cron.cron_expression == expression
    assert fields["schedule_data"].cron.cron_time_zone == "Europe/Berlin"


WRONG_SHAPES = [
    ("0 6 * * *", "has 5 fields; Airbyte reads Quartz cron expressions"),
    ("0 6 * * *", "For the Unix cron '0 6 * * *', write '0 0 6 * * ?'"),
    ("30 7 * * MON-FRI", "write '0 30 7 ? * MON-FRI'"),
    ("30 7 1 * *", "write '0 30 7 1 * ?'"),
    ("0 0 6 * * * * *", "has 8 fields"),
    ("0 0 6 * * *", "Quartz needs '?' in exactly one of day-of-month (4th field) and day-of-week"),
    ("0 0 6 ? * ?", "Quartz needs '?' in exactly one"),
    ("0 0 25 * * ?", "hours field '25': 25 is out of range 0-23"),
    ("60 0 6 * * ?", "seconds field '60': 60 is out of range 0-59"),
    ("0 0 6 0 * ?", "day-of-month field '0': 0 is out of range 1-31"),
    ("0 0 6 * 13 ?", "month field '13': 13 is out of range 1-12"),
    ("0 0 6 * FOO ?", "month field 'FOO': 'FOO' is not a known name (allowed: JAN-DEC)"),
    ("0 0 6 ? * MON-FUN", "day-of-week field 'MON-FUN': 'FUN' is not a known name (allowed: SUN-SAT)"),
    ("0 0 6 ? * 8", "day-of-week field '8': 8 is out of range 1-7"),
    ("0 0 6 ? * 6#3 1969", "year field '1969': 1969 is out of range 1970-2099"),
    ("0 */0 6 * * ?", "the step in '*/0' must be at least 1"),
    ("0 */60 6 * * ?", "minutes field '*/60': the step in '*/60' must be at most 59"),
    ("0 0 0/24 * * ?", "the step in '0/24' must be at most 23"),
    ("0 0 6 ? * 1/8", "the step in '1/8' must be at most 7"),
    ("? 0 6 * * ?", "'?' is only for day-of-month or day-of-week"),
    ("0 0 6 1,,2 * ?", "'' is not a value, a range, a step or '*'"),
    ("0 0 6 * * ? x", "year field 'x': 'x' is not a value"),
]


@pytest.mark.parametrize(("expression", "message"), WRONG_SHAPES)
def test_a_cron_of_the_wrong_shape_is_refused_saying_what_is_wrong(expression: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        schedule(expression)
    assert message in str(caught.value)
    assert repr(expression) in str(caught.value)


@pytest.mark.parametrize(
    ("text", "unit", "units"),
    [
        ("every 6 hours", "hours", 6),
        ("every hour", "hours", 1),
        ("Every 30 Minutes", "minutes", 30),
        ("every  2   weeks", "weeks", 2),
        ("every day", "days", 1),
        ("every 1 month", "months", 1),
    ],
)
def test_every_n_units_is_a_basic_schedule(text: str, unit: str, units: int) -> None:
    fields = schedule(text)
    assert fields["schedule_type"] == ConnectionScheduleType.BASIC
    data = fields["schedule_data"]
    assert data is not None and data.basic_schedule is not None and data.cron is None
    assert (data.basic_schedule.time_unit, data.basic_schedule.units) == (unit, units)
    assert schedule(describe_schedule(fields["schedule_type"], data)) == fields


def test_manual_has_no_schedule_data() -> None:
    assert schedule(" Manual ") == {"schedule_type": ConnectionScheduleType.MANUAL, "schedule_data": None}
    assert describe_schedule(ConnectionScheduleType.MANUAL, None) == "manual"
    assert describe_schedule(None, None) == "manual"


def test_every_zero_units_is_refused() -> None:
    with pytest.raises(ValueError, match="the number of hours must be at least 1"):
        schedule("every 0 hours")


@pytest.mark.parametrize("text", ["every fortnight", "every 6 hours please", "sometimes", ""])
def test_other_text_is_refused_naming_the_forms_there_are(text: str) -> None:
    with pytest.raises(ValueError, match="is not one Airbyte knows: write 'manual', 'every <n> minutes"):
        schedule(text)


@pytest.mark.parametrize(
    "zone", ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "+05:30", "-08:00", "+0530", "+05", "-23:59"]
)
def test_time_zones_airbyte_takes(zone: str) -> None:
    data = schedule("0 0 6 * * ?", zone)["schedule_data"]
    assert data is not None and data.cron is not None and data.cron.cron_time_zone == zone


@pytest.mark.parametrize(
    ("zone", "message"),
    [
        ("Etc/UTC", "Airbyte refuses Etc/ time zones"),
        ("etc/GMT+1", "Airbyte refuses Etc/ time zones"),
        ("Mars/Olympus_Mons", "is not a known IANA name"),
        ("Europe/Berlin ", "is not a known IANA name"),
        ("+24:00", "is not a known IANA name nor an offset such as '+05:30'"),
        ("+5", "is not a known IANA name nor an offset"),
        ("+05:60", "is not a known IANA name nor an offset"),
    ],
)
def test_time_zones_airbyte_refuses(zone: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        schedule("0 0 6 * * ?", zone)


def test_the_cron_check_is_the_same_without_schedule() -> None:
    check_quartz_cron("0 0 6 * * ?")
    with pytest.raises(ValueError, match="5 fields"):
        check_quartz_cron("0 6 * * *")
    # Either of two days is not something Quartz can say: no suggestion then.
    with pytest.raises(ValueError) as caught:
        check_quartz_cron("0 6 1 * MON")
    assert "5 fields" in str(caught.value) and "write" not in str(caught.value)


# -- what Airbyte takes ----------------------------------------------------------------------------------------

ZONES = ["UTC", "Europe/Berlin", "+05:30", "+0530", "+05", "-23:59", "+24:00", "+5", "+05:60", "Etc/UTC", "Mars/Base"]


@pytest.fixture(scope="module")
def airbyte_api() -> Iterator[Tuple[LocalAirbyte, openapi_client.WebBackendApi]]:
    with (
        LocalAirbyte() as airbyte,
        openapi_client.ApiClient(openapi_client.Configuration(host=airbyte.url, retries=0)) as client,
    ):
        yield airbyte, openapi_client.WebBackendApi(client)


def airbyte_takes(airbyte_api: Tuple[LocalAirbyte, openapi_client.WebBackendApi], expression: str, zone: str) -> bool:
    """Whether Airbyte (LocalAirbyte, which checks as Airbyte's Quartz and Joda do) creates a connection with
    this cron, sent as it is, without `schedule()`."""
    airbyte, api = airbyte_api
    cron = ConnectionScheduleDataCron(cron_expression=expression, cron_time_zone=zone)
    body = WebBackendConnectionCreate(
        source_id=airbyte.source_named("GitHub"),
        destination_id=airbyte.destination_named("Snowflake"),
        status="inactive",
        schedule_type=ConnectionScheduleType.CRON,
        schedule_data=ConnectionScheduleData(cron=cron),
    )
    try:
        api.web_backend_create_connection(body)
    except openapi_client.ApiException as error:
        assert error.status == 400, error
        return False
    return True


def test_schedule_refuses_what_airbyte_refuses_and_takes_what_it_takes(
    airbyte_api: Tuple[LocalAirbyte, openapi_client.WebBackendApi],
) -> None:
    cases = [(expression, "UTC") for expression in QUARTZ_EXAMPLES]
    cases += [(expression, "UTC") for expression, _ in WRONG_SHAPES]
    cases += [("0 0 6 * * ?", zone) for zone in ZONES]
    disagreements: List[str] = []
    for expression, zone in cases:
        try:
            schedule(expression, zone)
            taken = True
        except ValueError:
            taken = False
        if taken != airbyte_takes(airbyte_api, expression, zone):
            disagreements.append(f"{expression!r} in {zone!r}: schedule() {'takes' if taken else 'refuses'} it")
    assert not disagreements
