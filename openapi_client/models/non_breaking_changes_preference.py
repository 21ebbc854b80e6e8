"""The NonBreakingChangesPreference schema."""

from openapi_client.models.base import ApiEnum


class NonBreakingChangesPreference(ApiEnum):
    """NonBreakingChangesPreference enum."""

    IGNORE = "ignore"
    DISABLE = "disable"
    PROPAGATE_COLUMNS = "propagate_columns"
    PROPAGATE_FULLY = "propagate_fully"
