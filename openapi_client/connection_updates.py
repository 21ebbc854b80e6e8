"""A connection read from the server, turned into the update that would write it back (with changes)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Optional

from openapi_client.models.connection_schedule_type import ConnectionScheduleType
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate
from openapi_client.models.web_backend_operation_create_or_update import WebBackendOperationCreateOrUpdate

if TYPE_CHECKING:
    from openapi_client.models.connection_schedule_data import ConnectionScheduleData

# Read and update share these fields, and the update may carry them back as they were read. Left out: the id
# (set apart), the operations (converted), and the deprecated `schedule`, which Airbyte refuses in an update
# (scheduleType and scheduleData replace it).
EDITABLE_FIELDS = tuple(
    name
    for name in WebBackendConnectionUpdate.model_fields
    if name in WebBackendConnectionRead.model_fields and name not in ("connection_id", "operations", "schedule")
)


def connection_update(connection: WebBackendConnectionRead, **changes: Any) -> WebBackendConnectionUpdate:
    """The update that writes `connection` back as it was read, with `changes` applied (see `to_update`)."""
    fields: Dict[str, Any] = {name: getattr(connection, name) for name in EDITABLE_FIELDS}
    fields["connection_id"] = connection.connection_id
    fields["source_catalog_id"] = connection.catalog_id
    if connection.operations is not None:
        fields["operations"] = [
            WebBackendOperationCreateOrUpdate(
                operation_id=operation.operation_id,
                workspace_id=operation.workspace_id,
                name=operation.name,
                operator_configuration=operation.operator_configuration,
            )
            for operation in connection.operations
        ]
    fields = {name: value for name, value in fields.items() if value is not None}
    fields.update(_by_field_name(changes))
    _check_schedule(fields.get("schedule_type"), fields.get("schedule_data"), changes)
    return WebBackendConnectionUpdate(**fields)


def _by_field_name(changes: Dict[str, Any]) -> Dict[str, Any]:
    """`changes` keyed by field name, whether given by field name (`sync_catalog`) or JSON name (`syncCatalog`)."""
    aliases = {info.alias: name for name, info in WebBackendConnectionUpdate.model_fields.items() if info.alias}
    return {aliases.get(key, key): value for key, value in changes.items()}


def _check_schedule(
    schedule_type: Optional[ConnectionScheduleType], data: Optional[ConnectionScheduleData], changes: Dict[str, Any]
) -> None:
    # Airbyte's ConnectionsHandler.validateConnectionPatch refuses (with a 500) the pairs that do not agree.
    parts = {
        ConnectionScheduleType.MANUAL: None,
        ConnectionScheduleType.BASIC: "basic_schedule",
        ConnectionScheduleType.CRON: "cron",
    }
    if schedule_type not in parts:
        # None, or a schedule type this client does not know: Airbyte decides.
        return
    part = parts[schedule_type]
    agrees = data is None if part is None else data is not None and getattr(data, part) is not None
    if not agrees:
        raise ValueError(
            f"to_update({', '.join(sorted(changes))}): schedule_type {str(schedule_type)!r} does not agree with "
            f"schedule_data {data!r}; set both with schedule(), e.g. to_update(**schedule('every 6 hours'))"
        )
