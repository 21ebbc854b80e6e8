"""The AirbyteStreamConfiguration schema."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field, StrictBool, StrictInt, StrictStr

from openapi_client.models.base import ApiModel
from openapi_client.models.configured_stream_mapper import ConfiguredStreamMapper
from openapi_client.models.destination_sync_mode import DestinationSyncMode
from openapi_client.models.selected_field_info import SelectedFieldInfo
from openapi_client.models.sync_mode import SyncMode


class AirbyteStreamConfiguration(ApiModel):
    """the mutable part of the stream to configure the destination"""

    sync_mode: SyncMode = Field(alias="syncMode")
    cursor_field: Optional[List[StrictStr]] = Field(
        default=None,
        alias="cursorField",
        description="Path to the field that will be used to determine if a record is new or modified since the last sync. This field is REQUIRED if `sync_mode` is `incremental`. Otherwise it is ignored.",
    )
    destination_sync_mode: DestinationSyncMode = Field(alias="destinationSyncMode")
    primary_key: Optional[List[List[StrictStr]]] = Field(
        default=None,
        alias="primaryKey",
        description="Paths to the fields that will be used as primary key. This field is REQUIRED if `destination_sync_mode` is `*_dedup`. Otherwise it is ignored.",
    )
    alias_name: Optional[StrictStr] = Field(
        default=None,
        alias="aliasName",
        description="Alias name to the stream to be used in the destination",
    )
    selected: Optional[StrictBool] = Field(
        default=None,
        alias="selected",
        description="If this is true, the stream is selected with all of its properties. For new connections, this considers if the stream is suggested or not",
    )
    suggested: Optional[StrictBool] = Field(
        default=None,
        alias="suggested",
        description="Does the connector suggest that this stream be enabled by default?",
    )
    field_selection_enabled: Optional[StrictBool] = Field(
        default=None,
        alias="fieldSelectionEnabled",
        description="Whether field selection should be enabled. If this is true, only the properties in `selectedFields` will be included.",
    )
    selected_fields: Optional[List[SelectedFieldInfo]] = Field(
        default=None,
        alias="selectedFields",
        description="This must be set if `fieldSelectedEnabled` is set. An empty list indicates that no properties will be included.",
    )
    hashed_fields: Optional[List[SelectedFieldInfo]] = Field(
        default=None,
        alias="hashedFields",
        description="Fields that should be hashed before being written to the destination. Deprecated, use `mappers` instead.",
    )
    mappers: Optional[List[ConfiguredStreamMapper]] = Field(
        default=None,
        alias="mappers",
        description="Mappers that should be applied to the stream before writing to the destination.",
    )
    minimum_generation_id: Optional[StrictInt] = Field(
        default=None,
        alias="minimumGenerationId",
        description="The minimum generation Id of the stream",
    )
    generation_id: Optional[StrictInt] = Field(
        default=None,
        alias="generationId",
        description="Generation Id of the stream",
    )
    sync_id: Optional[StrictInt] = Field(default=None, alias="syncId", description="Sync id of the stream.")
