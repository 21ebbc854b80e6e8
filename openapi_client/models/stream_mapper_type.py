"""The StreamMapperType schema."""

from openapi_client.models.base import ApiEnum


class StreamMapperType(ApiEnum):
    """StreamMapperType enum."""

    HASHING = "hashing"
    FIELD_RENAMING = "field-renaming"
    ROW_FILTERING = "row-filtering"
    # The generator's names for the same members.
    FIELD_MINUS_RENAMING = "field-renaming"
    ROW_MINUS_FILTERING = "row-filtering"
