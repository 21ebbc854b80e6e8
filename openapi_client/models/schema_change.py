"""The SchemaChange schema."""

from openapi_client.models.base import ApiEnum


class SchemaChange(ApiEnum):
    """SchemaChange enum."""

    NO_CHANGE = "no_change"
    NON_BREAKING = "non_breaking"
    BREAKING = "breaking"
