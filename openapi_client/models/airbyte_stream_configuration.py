"""The AirbyteStreamConfiguration schema."""

from __future__ import annotations

from typing import Annotated, List, Optional

from pydantic import Field, StrictBool, StrictInt, StrictStr

from openapi_client.models.base import ApiModel
from openapi_client.models.configured_stream_mapper import ConfiguredStreamMapper
from openapi_client.models.destination_sync_mode import DestinationSyncMode
from openapi_client.models.selected_field_info import SelectedFieldInfo
from openapi_client.models.sync_mode import SyncMode


class AirbyteStreamConfiguration(ApiModel):
    """the mutable part of the stream to configure the destination"""

    sync_mode: Annotated[SyncMode, Field(alias="syncMode")]
    cursor_field: Annotated[
        Optional[List[StrictStr]],
        Field(
            alias="cursorField",
            description="Path to the field that will be used to determine if a record is new or modified since the last sync. This field is REQUIRED if `sync_mode` is `incremental`. Otherwise it is ignored.",
        ),
    ] = None
    destination_sync_mode: Annotated[DestinationSyncMode, Field(alias="destinationSyncMode")]
    primary_key: Annotated[
        Optional[List[List[StrictStr]]],
        Field(
            alias="primaryKey",
            description="Paths to the fields that will be used as primary key. This field is REQUIRED if `destination_sync_mode` is `*_dedup`. Otherwise it is ignored.",
        ),
    ] = None
    alias_name: Annotated[
        Optional[StrictStr],
        Field(alias="aliasName", description="Alias name to the stream to be used in the destination"),
    ] = None
    selected: Annotated[
        Optional[StrictBool],
        Field(
            alias="selected",
            description="If this is true, the stream is selected with all of its properties. For new connections, this considers if the stream is suggested or not",
        ),
    ] = None
    suggested: Annotated[
        Optional[StrictBool],
        Field(alias="suggested", description="Does the connector suggest that this stream be enabled by default?"),
    ] = None
    field_selection_enabled: Annotated[
        Optional[StrictBool],
        Field(
            alias="fieldSelectionEnabled",
            description="Whether field selection should be enabled. If this is true, only the properties in `selectedFields` will be included.",
        ),
    ] = None
    selected_fields: Annotated[
        Optional[List[SelectedFieldInfo]],
        Field(
            alias="selectedFields",
            description="This must be set if `fieldSelectedEnabled` is set. An empty list indicates that no properties will be included.",
        ),
    ] = None
    hashed_fields: Annotated[
        Optional[List[SelectedFieldInfo]],
        Field(
            alias="hashedFields",
            description="Fields that should be hashed before being written to the destination. Deprecated, use `mappers` instead.",
        ),
    ] = None
    mappers: Annotated[
        Optional[List[ConfiguredStreamMapper]],
        Field(
            alias="mappers",
            description="Mappers that should be applied to the stream before writing to the destination.",
        ),
    ] = None
    minimum_generation_id: Annotated[
        Optional[StrictInt], Field(alias="minimumGenerationId", description="The minimum generation Id of the stream")
    ] = None
    generation_id: Annotated[
        Optional[StrictInt], Field(alias="generationId", description="Generation Id of the stream")
    ] = None
    sync_id: Annotated[Optional[StrictInt], Field(alias="syncId", description="Sync id of the stream.")] = None
