"""The ConnectionStateType schema."""

from openapi_client.models.base import ApiEnum


class ConnectionStateType(ApiEnum):
    """ConnectionStateType enum."""

    GLOBAL = "global"
    STREAM = "stream"
    LEGACY = "legacy"
    NOT_SET = "not_set"
