"""The SchemaChangeBackfillPreference schema."""

from openapi_client.models.base import ApiEnum


class SchemaChangeBackfillPreference(ApiEnum):
    """SchemaChangeBackfillPreference enum."""

    ENABLED = "enabled"
    DISABLED = "disabled"
