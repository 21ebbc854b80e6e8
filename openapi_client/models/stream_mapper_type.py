"""The StreamMapperType schema."""

from openapi_client.models.base import ApiEnum


class StreamMapperType(ApiEnum):
    """StreamMapperType enum."""

    HASHING = "hashing"
    FIELD_RENAMING = "field-renaming"
    ROW_FILTERING = "row-filtering"
