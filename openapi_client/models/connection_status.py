"""The ConnectionStatus schema."""

from openapi_client.models.base import ApiEnum


class ConnectionStatus(ApiEnum):
    """Active means that data is flowing through the connection. Inactive means it is not. Deprecated means the connection is off and cannot be re-activated. the schema field describes the elements of the schema that will be synced."""

    ACTIVE = "active"
    INACTIVE = "inactive"
    DEPRECATED = "deprecated"
