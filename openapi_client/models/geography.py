"""The Geography schema."""

from openapi_client.models.base import ApiEnum


class Geography(ApiEnum):
    """Geography enum."""

    AUTO = "auto"
    US = "us"
    EU = "eu"
