"""The SupportLevel schema."""

from openapi_client.models.base import ApiEnum


class SupportLevel(ApiEnum):
    """SupportLevel enum."""

    COMMUNITY = "community"
    CERTIFIED = "certified"
    ARCHIVED = "archived"
    NONE = "none"
