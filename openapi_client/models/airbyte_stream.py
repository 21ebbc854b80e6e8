"""The AirbyteStream schema."""

from __future__ import annotations

from typing import Annotated, Any, Dict, List, Optional

from pydantic import Field, StrictBool, StrictStr

from openapi_client.models.base import ApiModel
from openapi_client.models.sync_mode import SyncMode


class AirbyteStream(ApiModel):
    """the immutable schema defined by the source"""

    name: Annotated[StrictStr, Field(alias="name", description="Stream's name.")]
    json_schema: Annotated[Optional[Dict[str, Any]], Field(alias="jsonSchema")] = None
    supported_sync_modes: Annotated[Optional[List[SyncMode]], Field(alias="supportedSyncModes")] = None
    source_defined_cursor: Annotated[
        Optional[StrictBool],
        Field(
            alias="sourceDefinedCursor",
            description="If the source defines the cursor field, then any other cursor field inputs will be ignored. If it does not, either the user_provided one is used, or the default one is used as a backup.",
        ),
    ] = None
    default_cursor_field: Annotated[
        Optional[List[StrictStr]],
        Field(
            alias="defaultCursorField",
            description="Path to the field that will be used to determine if a record is new or modified since the last sync. If not provided by the source, the end user will have to specify the comparable themselves.",
        ),
    ] = None
    source_defined_primary_key: Annotated[
        Optional[List[List[StrictStr]]],
        Field(
            alias="sourceDefinedPrimaryKey",
            description="If the source defines the primary key, paths to the fields that will be used as a primary key. If not provided by the source, the end user will have to specify the primary key themselves.",
        ),
    ] = None
    namespace: Annotated[
        Optional[StrictStr],
        Field(
            alias="namespace",
            description="Optional Source-defined namespace. Airbyte streams from the same sources should have the same namespace. Currently only used by JDBC destinations to determine what schema to write to.",
        ),
    ] = None
    is_resumable: Annotated[Optional[StrictBool], Field(alias="isResumable")] = None
