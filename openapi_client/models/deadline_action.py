"""The DeadlineAction schema."""

from openapi_client.models.base import ApiEnum


class DeadlineAction(ApiEnum):
    """DeadlineAction enum."""

    AUTO_UPGRADE = "auto_upgrade"
    DISABLE = "disable"
