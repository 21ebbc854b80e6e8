"""The DestinationSyncMode schema."""

from openapi_client.models.base import ApiEnum


class DestinationSyncMode(ApiEnum):
    """DestinationSyncMode enum."""

    APPEND = "append"
    OVERWRITE = "overwrite"
    APPEND_DEDUP = "append_dedup"
    OVERWRITE_DEDUP = "overwrite_dedup"
