"""The SyncMode schema."""

from openapi_client.models.base import ApiEnum


class SyncMode(ApiEnum):
    """SyncMode enum."""

    FULL_REFRESH = "full_refresh"
    INCREMENTAL = "incremental"
