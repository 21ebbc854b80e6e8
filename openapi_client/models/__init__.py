"""One pydantic model per schema of the spec, each in the module named for it in snake_case.

Modules are imported on first use, so that `import openapi_client` stays cheap. The star import gives what the
generator's does (every model and enum class, and the modules), and the enums that schemas declare inline.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import TYPE_CHECKING, Any, Dict, List

# Enums that a schema declares in one of its properties: each lives in the module of the schema that owns it.
INLINE_ENUMS: Dict[str, str] = {
    "ConnectionScheduleDataBasicScheduleTimeUnit": "connection_schedule_data_basic_schedule",
    "ConnectionScheduleTimeUnit": "connection_schedule",
    "FieldTransformTransformType": "field_transform",
    "OperatorWebhookWebhookType": "operator_webhook",
    "StreamAttributeTransformTransformType": "stream_attribute_transform",
    "StreamTransformTransformType": "stream_transform",
}

__all__ = [
    "ActorDefinitionBreakingChange",
    "ActorDefinitionVersionBreakingChanges",
    "ActorDefinitionVersionRead",
    "ActorStatus",
    "AirbyteCatalog",
    "AirbyteStream",
    "AirbyteStreamAndConfiguration",
    "AirbyteStreamConfiguration",
    "ApiEnum",
    "ApiModel",
    "CatalogDiff",
    "ConfiguredStreamMapper",
    "ConnectionIdRequestBody",
    "ConnectionSchedule",
    "ConnectionScheduleData",
    "ConnectionScheduleDataBasicSchedule",
    "ConnectionScheduleDataBasicScheduleTimeUnit",
    "ConnectionScheduleDataCron",
    "ConnectionScheduleTimeUnit",
    "ConnectionScheduleType",
    "ConnectionStateType",
    "ConnectionStatus",
    "DeadlineAction",
    "DestinationRead",
    "DestinationSnippetRead",
    "DestinationSyncMode",
    "FieldAdd",
    "FieldRemove",
    "FieldSchemaUpdate",
    "FieldTransform",
    "FieldTransformTransformType",
    "Geography",
    "InvalidInputExceptionInfo",
    "InvalidInputProperty",
    "JobStatus",
    "NamespaceDefinitionType",
    "NonBreakingChangesPreference",
    "NotFoundKnownExceptionInfo",
    "OperationCreate",
    "OperationRead",
    "OperatorConfiguration",
    "OperatorType",
    "OperatorWebhook",
    "OperatorWebhookDbtCloud",
    "OperatorWebhookWebhookType",
    "ResourceRequirements",
    "SchemaChange",
    "SchemaChangeBackfillPreference",
    "SelectedFieldInfo",
    "SourceRead",
    "SourceSnippetRead",
    "StreamAttributePrimaryKeyUpdate",
    "StreamAttributeTransform",
    "StreamAttributeTransformTransformType",
    "StreamDescriptor",
    "StreamMapperType",
    "StreamTransform",
    "StreamTransformTransformType",
    "StreamTransformUpdateStream",
    "SupportLevel",
    "SupportState",
    "SyncMode",
    "WebBackendCheckUpdatesRead",
    "WebBackendConnectionCreate",
    "WebBackendConnectionListItem",
    "WebBackendConnectionListRequestBody",
    "WebBackendConnectionRead",
    "WebBackendConnectionReadList",
    "WebBackendConnectionRequestBody",
    "WebBackendConnectionUpdate",
    "WebBackendGeographiesListResult",
    "WebBackendOperationCreateOrUpdate",
    "WebBackendWorkspaceState",
    "WebBackendWorkspaceStateResult",
]
# The generator's star import gives the modules too.
__all__ += [
    "actor_definition_breaking_change",
    "actor_definition_version_breaking_changes",
    "actor_definition_version_read",
    "actor_status",
    "airbyte_catalog",
    "airbyte_stream",
    "airbyte_stream_and_configuration",
    "airbyte_stream_configuration",
    "catalog_diff",
    "configured_stream_mapper",
    "connection_id_request_body",
    "connection_schedule",
    "connection_schedule_data",
    "connection_schedule_data_basic_schedule",
    "connection_schedule_data_cron",
    "connection_schedule_type",
    "connection_state_type",
    "connection_status",
    "deadline_action",
    "destination_read",
    "destination_snippet_read",
    "destination_sync_mode",
    "field_add",
    "field_remove",
    "field_schema_update",
    "field_transform",
    "geography",
    "invalid_input_exception_info",
    "invalid_input_property",
    "job_status",
    "namespace_definition_type",
    "non_breaking_changes_preference",
    "not_found_known_exception_info",
    "operation_create",
    "operation_read",
    "operator_configuration",
    "operator_type",
    "operator_webhook",
    "operator_webhook_dbt_cloud",
    "resource_requirements",
    "schema_change",
    "schema_change_backfill_preference",
    "selected_field_info",
    "source_read",
    "source_snippet_read",
    "stream_attribute_primary_key_update",
    "stream_attribute_transform",
    "stream_descriptor",
    "stream_mapper_type",
    "stream_transform",
    "stream_transform_update_stream",
    "support_level",
    "support_state",
    "sync_mode",
    "web_backend_check_updates_read",
    "web_backend_connection_create",
    "web_backend_connection_list_item",
    "web_backend_connection_list_request_body",
    "web_backend_connection_read",
    "web_backend_connection_read_list",
    "web_backend_connection_request_body",
    "web_backend_connection_update",
    "web_backend_geographies_list_result",
    "web_backend_operation_create_or_update",
    "web_backend_workspace_state",
    "web_backend_workspace_state_result",
]


def module_name(class_name: str) -> str:
    """The module that holds a model: `WebBackendConnectionRead` -> `web_backend_connection_read`."""
    return INLINE_ENUMS.get(class_name) or re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", class_name).lower()


def __getattr__(name: str) -> Any:
    if name in ("ApiEnum", "ApiModel"):
        module = importlib.import_module(f"{__name__}.base")
    elif name[:1].isupper():
        try:
            module = importlib.import_module(f"{__name__}.{module_name(name)}")
        except ModuleNotFoundError:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value
    return value


def model_names() -> List[str]:
    """The names of the model and enum classes of the spec's schemas (inline enums aside)."""
    return sorted(
        _class_name(info.name) for info in pkgutil.iter_modules(__path__) if info.name not in {"base", "__init__"}
    )


def _class_name(module: str) -> str:
    return "".join(part.title() for part in module.split("_"))


def __dir__() -> List[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from openapi_client.models.actor_definition_breaking_change import (
        ActorDefinitionBreakingChange as ActorDefinitionBreakingChange,
    )
    from openapi_client.models.actor_definition_version_breaking_changes import (
        ActorDefinitionVersionBreakingChanges as ActorDefinitionVersionBreakingChanges,
    )
    from openapi_client.models.actor_definition_version_read import (
        ActorDefinitionVersionRead as ActorDefinitionVersionRead,
    )
    from openapi_client.models.actor_status import ActorStatus as ActorStatus
    from openapi_client.models.airbyte_catalog import AirbyteCatalog as AirbyteCatalog
    from openapi_client.models.airbyte_stream import AirbyteStream as AirbyteStream
    from openapi_client.models.airbyte_stream_and_configuration import (
        AirbyteStreamAndConfiguration as AirbyteStreamAndConfiguration,
    )
    from openapi_client.models.airbyte_stream_configuration import (
        AirbyteStreamConfiguration as AirbyteStreamConfiguration,
    )
    from openapi_client.models.base import ApiEnum as ApiEnum
    from openapi_client.models.base import ApiModel as ApiModel
    from openapi_client.models.catalog_diff import CatalogDiff as CatalogDiff
    from openapi_client.models.configured_stream_mapper import ConfiguredStreamMapper as ConfiguredStreamMapper
    from openapi_client.models.connection_id_request_body import ConnectionIdRequestBody as ConnectionIdRequestBody
    from openapi_client.models.connection_schedule import ConnectionSchedule as ConnectionSchedule
    from openapi_client.models.connection_schedule import ConnectionScheduleTimeUnit as ConnectionScheduleTimeUnit
    from openapi_client.models.connection_schedule_data import ConnectionScheduleData as ConnectionScheduleData
    from openapi_client.models.connection_schedule_data_basic_schedule import (
        ConnectionScheduleDataBasicSchedule as ConnectionScheduleDataBasicSchedule,
    )
    from openapi_client.models.connection_schedule_data_basic_schedule import (
        ConnectionScheduleDataBasicScheduleTimeUnit as ConnectionScheduleDataBasicScheduleTimeUnit,
    )
    from openapi_client.models.connection_schedule_data_cron import (
        ConnectionScheduleDataCron as ConnectionScheduleDataCron,
    )
    from openapi_client.models.connection_schedule_type import ConnectionScheduleType as ConnectionScheduleType
    from openapi_client.models.connection_state_type import ConnectionStateType as ConnectionStateType
    from openapi_client.models.connection_status import ConnectionStatus as ConnectionStatus
    from openapi_client.models.deadline_action import DeadlineAction as DeadlineAction
    from openapi_client.models.destination_read import DestinationRead as DestinationRead
    from openapi_client.models.destination_snippet_read import DestinationSnippetRead as DestinationSnippetRead
    from openapi_client.models.destination_sync_mode import DestinationSyncMode as DestinationSyncMode
    from openapi_client.models.field_add import FieldAdd as FieldAdd
    from openapi_client.models.field_remove import FieldRemove as FieldRemove
    from openapi_client.models.field_schema_update import FieldSchemaUpdate as FieldSchemaUpdate
    from openapi_client.models.field_transform import FieldTransform as FieldTransform
    from openapi_client.models.field_transform import FieldTransformTransformType as FieldTransformTransformType
    from openapi_client.models.geography import Geography as Geography
    from openapi_client.models.invalid_input_exception_info import (
        InvalidInputExceptionInfo as InvalidInputExceptionInfo,
    )
    from openapi_client.models.invalid_input_property import InvalidInputProperty as InvalidInputProperty
    from openapi_client.models.job_status import JobStatus as JobStatus
    from openapi_client.models.namespace_definition_type import NamespaceDefinitionType as NamespaceDefinitionType
    from openapi_client.models.non_breaking_changes_preference import (
        NonBreakingChangesPreference as NonBreakingChangesPreference,
    )
    from openapi_client.models.not_found_known_exception_info import (
        NotFoundKnownExceptionInfo as NotFoundKnownExceptionInfo,
    )
    from openapi_client.models.operation_create import OperationCreate as OperationCreate
    from openapi_client.models.operation_read import OperationRead as OperationRead
    from openapi_client.models.operator_configuration import OperatorConfiguration as OperatorConfiguration
    from openapi_client.models.operator_type import OperatorType as OperatorType
    from openapi_client.models.operator_webhook import OperatorWebhook as OperatorWebhook
    from openapi_client.models.operator_webhook import OperatorWebhookWebhookType as OperatorWebhookWebhookType
    from openapi_client.models.operator_webhook_dbt_cloud import OperatorWebhookDbtCloud as OperatorWebhookDbtCloud
    from openapi_client.models.resource_requirements import ResourceRequirements as ResourceRequirements
    from openapi_client.models.schema_change import SchemaChange as SchemaChange
    from openapi_client.models.schema_change_backfill_preference import (
        SchemaChangeBackfillPreference as SchemaChangeBackfillPreference,
    )
    from openapi_client.models.selected_field_info import SelectedFieldInfo as SelectedFieldInfo
    from openapi_client.models.source_read import SourceRead as SourceRead
    from openapi_client.models.source_snippet_read import SourceSnippetRead as SourceSnippetRead
    from openapi_client.models.stream_attribute_primary_key_update import (
        StreamAttributePrimaryKeyUpdate as StreamAttributePrimaryKeyUpdate,
    )
    from openapi_client.models.stream_attribute_transform import StreamAttributeTransform as StreamAttributeTransform
    from openapi_client.models.stream_attribute_transform import (
        StreamAttributeTransformTransformType as StreamAttributeTransformTransformType,
    )
    from openapi_client.models.stream_descriptor import StreamDescriptor as StreamDescriptor
    from openapi_client.models.stream_mapper_type import StreamMapperType as StreamMapperType
    from openapi_client.models.stream_transform import StreamTransform as StreamTransform
    from openapi_client.models.stream_transform import StreamTransformTransformType as StreamTransformTransformType
    from openapi_client.models.stream_transform_update_stream import (
        StreamTransformUpdateStream as StreamTransformUpdateStream,
    )
    from openapi_client.models.support_level import SupportLevel as SupportLevel
    from openapi_client.models.support_state import SupportState as SupportState
    from openapi_client.models.sync_mode import SyncMode as SyncMode
    from openapi_client.models.web_backend_check_updates_read import (
        WebBackendCheckUpdatesRead as WebBackendCheckUpdatesRead,
    )
    from openapi_client.models.web_backend_connection_create import (
        WebBackendConnectionCreate as WebBackendConnectionCreate,
    )
    from openapi_client.models.web_backend_connection_list_item import (
        WebBackendConnectionListItem as WebBackendConnectionListItem,
    )
    from openapi_client.models.web_backend_connection_list_request_body import (
        WebBackendConnectionListRequestBody as WebBackendConnectionListRequestBody,
    )
    from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead as WebBackendConnectionRead
    from openapi_client.models.web_backend_connection_read_list import (
        WebBackendConnectionReadList as WebBackendConnectionReadList,
    )
    from openapi_client.models.web_backend_connection_request_body import (
        WebBackendConnectionRequestBody as WebBackendConnectionRequestBody,
    )
    from openapi_client.models.web_backend_connection_update import (
        WebBackendConnectionUpdate as WebBackendConnectionUpdate,
    )
    from openapi_client.models.web_backend_geographies_list_result import (
        WebBackendGeographiesListResult as WebBackendGeographiesListResult,
    )
    from openapi_client.models.web_backend_operation_create_or_update import (
        WebBackendOperationCreateOrUpdate as WebBackendOperationCreateOrUpdate,
    )
    from openapi_client.models.web_backend_workspace_state import WebBackendWorkspaceState as WebBackendWorkspaceState
    from openapi_client.models.web_backend_workspace_state_result import (
        WebBackendWorkspaceStateResult as WebBackendWorkspaceStateResult,
    )
