"""The ActorStatus schema."""

from openapi_client.models.base import ApiEnum


class ActorStatus(ApiEnum):
    """An actor(source/destination) is active if it has at least one active or manual connection."""

    ACTIVE = "active"
    INACTIVE = "inactive"
