"""The OperatorType schema."""

from openapi_client.models.base import ApiEnum


class OperatorType(ApiEnum):
    """OperatorType enum."""

    NORMALIZATION = "normalization"
    DBT = "dbt"
    WEBHOOK = "webhook"
