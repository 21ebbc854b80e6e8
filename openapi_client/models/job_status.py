"""The JobStatus schema."""

from openapi_client.models.base import ApiEnum


class JobStatus(ApiEnum):
    """JobStatus enum."""

    PENDING = "pending"
    RUNNING = "running"
    INCOMPLETE = "incomplete"
    FAILED = "failed"
    SUCCEEDED = "succeeded"
    CANCELLED = "cancelled"
