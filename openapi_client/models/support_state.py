"""The SupportState schema."""

from openapi_client.models.base import ApiEnum


class SupportState(ApiEnum):
    """SupportState enum."""

    SUPPORTED = "supported"
    UNSUPPORTED = "unsupported"
    DEPRECATED = "deprecated"
