"""The ConnectionScheduleType schema."""

from openapi_client.models.base import ApiEnum


class ConnectionScheduleType(ApiEnum):
    """determine how the schedule data should be interpreted"""

    MANUAL = "manual"
    BASIC = "basic"
    CRON = "cron"
