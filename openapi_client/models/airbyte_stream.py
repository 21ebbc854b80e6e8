"""The AirbyteStream schema."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from pydantic import Field, StrictBool, StrictStr

from openapi_client.models.base import ApiModel
from openapi_client.models.sync_mode import SyncMode


class AirbyteStream(ApiModel):
    """the immutable schema defined by the source"""

    name: StrictStr = Field(alias="name", description="Stream's name.")
    json_schema: Optional[Dict[str, Any]] = Field(default=None, alias="jsonSchema")
    supported_sync_modes: Optional[List[SyncMode]] = Field(default=None, alias="supportedSyncModes")
    source_defined_cursor: Optional[StrictBool] = Field(
        default=None,
        alias="sourceDefinedCursor",
        description="If the source defines the cursor field, then any other cursor field inputs will be ignored. If it does not, either the user_provided one is used, or the default one is used as a backup.",
    )
    default_cursor_field: Optional[List[StrictStr]] = Field(
        default=None,
        alias="defaultCursorField",
        description="Path to the field that will be used to determine if a record is new or modified since the last sync. If not provided by the source, the end user will have to specify the comparable themselves.",
    )
    source_defined_primary_key: Optional[List[List[StrictStr]]] = Field(
        default=None,
        alias="sourceDefinedPrimaryKey",
        description="If the source defines the primary key, paths to the fields that will be used as a primary key. If not provided by the source, the end user will have to specify the primary key themselves.",
    )
    namespace: Optional[StrictStr] = Field(
        default=None,
        alias="namespace",
        description="Optional Source-defined namespace. Airbyte streams from the same sources should have the same namespace. Currently only used by JDBC destinations to determine what schema to write to.",
    )
    is_resumable: Optional[StrictBool] = Field(default=None, alias="isResumable")
