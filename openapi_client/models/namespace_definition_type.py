"""The NamespaceDefinitionType schema."""

from openapi_client.models.base import ApiEnum


class NamespaceDefinitionType(ApiEnum):
    """Method used for computing final namespace in destination"""

    SOURCE = "source"
    DESTINATION = "destination"
    CUSTOMFORMAT = "customformat"
