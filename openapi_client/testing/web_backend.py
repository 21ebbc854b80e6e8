"""The eight web_backend operations, with Airbyte's semantics, over an `AirbyteState`.

Each operation takes its request model (already validated) and returns its answer model, or raises the
`ApiProblem` the spec declares. It holds the state's lock from its first read to its last write, so that
concurrent requests see and leave the state whole; it checks everything before changing anything, so that
a refused request changes nothing.
"""

from __future__ import annotations

import json
import time
from typing import Any, Dict, List, Optional, Sequence, Set, Tuple
from uuid import UUID, uuid4

from pydantic import BaseModel

from openapi_client.api.web_backend_api import OPERATIONS as DECLARED_OPERATIONS
from openapi_client.models.base import ApiEnum
from openapi_client.models.connection_id_request_body import ConnectionIdRequestBody
from openapi_client.models.connection_state_type import ConnectionStateType
from openapi_client.models.geography import Geography
from openapi_client.models.operation_create import OperationCreate
from openapi_client.models.operation_read import OperationRead
from openapi_client.models.web_backend_check_updates_read import WebBackendCheckUpdatesRead
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.models.web_backend_connection_list_item import WebBackendConnectionListItem
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
from openapi_client.models.web_backend_connection_read_list import WebBackendConnectionReadList
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate
from openapi_client.models.web_backend_geographies_list_result import WebBackendGeographiesListResult
from openapi_client.models.web_backend_operation_create_or_update import WebBackendOperationCreateOrUpdate
from openapi_client.models.web_backend_workspace_state import WebBackendWorkspaceState
from openapi_client.models.web_backend_workspace_state_result import WebBackendWorkspaceStateResult
from openapi_client.operations import OperationSpec
from openapi_client.testing.catalog_diff import diff_catalogs, refreshed_catalog, schema_change
from openapi_client.testing.catalogs import check_configured_catalog
from openapi_client.testing.errors import ApiProblem, Invalid, InvalidInput
from openapi_client.testing.records import Connection
from openapi_client.testing.schedules import resolve_schedule
from openapi_client.testing.state import AirbyteState
from openapi_client.testing.validation import parse_body

# The settings an update copies as they come; the others need more than a copy.
_COPIED_ON_UPDATE = (
    "name",
    "namespace_definition",
    "namespace_format",
    "prefix",
    "status",
    "resource_requirements",
    "geography",
    "notify_schema_changes",
    "notify_schema_changes_by_email",
    "non_breaking_changes_preference",
    "backfill_preference",
)
_SCHEDULE_FIELDS = frozenset({"schedule", "schedule_type", "schedule_data"})
OperationInput = Tuple[Optional[UUID], WebBackendOperationCreateOrUpdate]


# The operations as the client declares them (path, request model), by path.
OPERATIONS: Dict[str, OperationSpec[Any]] = {operation.path: operation for operation in DECLARED_OPERATIONS}


class WebBackend:
    """The operations, each named as `WebBackendApi` names it."""

    def __init__(self, state: AirbyteState) -> None:
        self.state = state

    def answer(self, operation: OperationSpec[Any], raw_body: bytes) -> Tuple[int, bytes]:
        """The status and JSON body that answer a request with `raw_body` to `operation`."""
        try:
            body: Any = None
            if operation.request_type is not None and (operation.body_required or raw_body.strip()):
                body = parse_body(operation.name, operation.request_type, raw_body)
            result: BaseModel | ApiEnum = getattr(self, operation.name)(body)
        except ApiProblem as problem:
            return problem.status, _json(problem.body())
        return 200, _json(result)

    def web_backend_list_connections_for_workspace(
        self, body: WebBackendConnectionListRequestBody
    ) -> WebBackendConnectionReadList:
        with self.state.lock:
            connections = self.state.workspace_connections(body.workspace_id)
            # An empty filter is no filter, as in Airbyte.
            sources, destinations = set(body.source_id or ()), set(body.destination_id or ())
            if sources:
                connections = [c for c in connections if c.source_id in sources]
            if destinations:
                connections = [c for c in connections if c.destination_id in destinations]
            return WebBackendConnectionReadList(connections=[self._list_item(c) for c in connections])

    def web_backend_get_connection(self, body: WebBackendConnectionRequestBody) -> WebBackendConnectionRead:
        with self.state.lock:
            return self._read(self.state.connection(body.connection_id), refreshed=bool(body.with_refreshed_catalog))

    def web_backend_create_connection(self, body: WebBackendConnectionCreate) -> WebBackendConnectionRead:
        operation = "web_backend_create_connection"
        with self.state.lock:
            source = self.state.source(body.source_id)
            destination = self.state.destination(body.destination_id)
            if destination.workspace_id != source.workspace_id:
                message = f"The destination is in workspace {destination.workspace_id}, not {source.workspace_id}"
                raise InvalidInput.one(operation, "destinationId", message, str(body.destination_id))
            workspace = source.workspace_id
            catalog = body.sync_catalog if body.sync_catalog is not None else source.catalog
            check_configured_catalog(operation, catalog)
            schedule_type, schedule_data = resolve_schedule(
                operation, body.schedule_type, body.schedule, body.schedule_data
            )
            existing = self._existing_operations(operation, workspace, body.operation_ids or [])
            created = [(None, _as_create_or_update(o)) for o in body.operations or []]
            self._check_operation_workspaces(operation, workspace, created)
            connection = Connection(
                connection_id=uuid4(),
                workspace_id=workspace,
                source_id=source.source_id,
                destination_id=destination.destination_id,
                name=body.name if body.name is not None else "default",
                status=body.status,
                sync_catalog=catalog.model_copy(deep=True),
                catalog_id=body.source_catalog_id or source.catalog_id,
                created_at=_now(),
                schedule_type=schedule_type,
                schedule_data=schedule_data,
                operation_ids=existing + self._save_operations(created),
                **_given(body, "namespace_definition", "namespace_format", "prefix", "resource_requirements"),
                **_given(body, "geography", "notify_schema_changes", "non_breaking_changes_preference"),
                **_given(body, "backfill_preference"),
            )
            self.state.connections[connection.connection_id] = connection
            return self._read(connection, refreshed=False)

    def web_backend_update_connection(self, body: WebBackendConnectionUpdate) -> WebBackendConnectionRead:
        operation = "web_backend_update_connection"
        # A patch: only what the body carries changes, and a null is the same as leaving the field out.
        present: Set[str] = {name for name in body.model_fields_set if getattr(body, name) is not None}
        with self.state.lock:
            connection = self.state.connection(body.connection_id)
            if body.sync_catalog is not None:
                check_configured_catalog(operation, body.sync_catalog)
            schedule = None
            if present & _SCHEDULE_FIELDS:
                schedule = resolve_schedule(
                    operation, body.schedule_type, body.schedule, body.schedule_data, connection.schedule_data
                )
            operations = None
            if body.operations is not None:
                operations = [(o.operation_id, o) for o in body.operations]
                self._check_operation_workspaces(operation, connection.workspace_id, operations)
                self._existing_operations(operation, connection.workspace_id, [i for i, _ in operations if i])
            for name in present.intersection(_COPIED_ON_UPDATE):
                setattr(connection, name, _copy(getattr(body, name)))
            if body.sync_catalog is not None:
                connection.sync_catalog = body.sync_catalog.model_copy(deep=True)
            if body.source_catalog_id is not None:
                connection.catalog_id = body.source_catalog_id
            if schedule is not None:
                connection.schedule_type, connection.schedule_data = schedule
            if operations is not None:
                connection.operation_ids = self._save_operations(operations)
            return self._read(connection, refreshed=False)

    def get_state_type(self, body: ConnectionIdRequestBody) -> ConnectionStateType:
        with self.state.lock:
            return self.state.connection(body.connection_id).state_type

    def web_backend_get_workspace_state(
        self, body: Optional[WebBackendWorkspaceState]
    ) -> WebBackendWorkspaceStateResult:
        if body is None:
            raise InvalidInput.one("web_backend_get_workspace_state", "workspaceId", "Field required")
        state = self.state
        with state.lock:
            workspace = state.workspace(body.workspace_id)
            return WebBackendWorkspaceStateResult(
                has_connections=bool(state.workspace_connections(workspace)),
                has_sources=any(s.workspace_id == workspace for s in state.sources.values()),
                has_destinations=any(d.workspace_id == workspace for d in state.destinations.values()),
            )

    def web_backend_check_updates(self, body: None = None) -> WebBackendCheckUpdatesRead:
        with self.state.lock:
            return WebBackendCheckUpdatesRead(
                source_definitions=sum(d.has_update for d in self.state.source_definitions.values()),
                destination_definitions=sum(d.has_update for d in self.state.destination_definitions.values()),
            )

    def web_backend_list_geographies(self, body: None = None) -> WebBackendGeographiesListResult:
        return WebBackendGeographiesListResult(geographies=list(Geography))

    # -- answers ------------------------------------------------------------------------------------------

    def _read(self, connection: Connection, refreshed: bool) -> WebBackendConnectionRead:
        """The full read of a connection; `refreshed` runs a discovery: the catalog comes as the source has it
        now (with the connection's settings kept), with the diff from the connection's own."""
        source = self.state.source(connection.source_id)
        destination = self.state.destination(connection.destination_id)
        diff = diff_catalogs(connection.sync_catalog, source.catalog)
        fields: Dict[str, Any] = {
            "sync_catalog": refreshed_catalog(connection.sync_catalog, source.catalog)
            if refreshed
            else connection.sync_catalog.model_copy(deep=True),
            "catalog_id": source.catalog_id if refreshed else connection.catalog_id,
            "catalog_diff": diff if refreshed else None,
            "schema_change": schema_change(diff),
            "schedule": connection.legacy_schedule(),
            "operations": [self.state.operation(i).model_copy(deep=True) for i in connection.operation_ids],
            "source": source.read(self.state.actor_status(source.source_id)),
            "destination": destination.read(self.state.actor_status(destination.destination_id)),
            "source_actor_definition_version": source.definition.version_read(),
            "destination_actor_definition_version": destination.definition.version_read(),
        }
        # The rest are the connection's own settings, which the record keeps under the same names.
        for name in WebBackendConnectionRead.model_fields.keys() - fields.keys():
            if hasattr(connection, name):
                fields[name] = _copy(getattr(connection, name))
        return WebBackendConnectionRead(**{k: v for k, v in fields.items() if v is not None})

    def _list_item(self, connection: Connection) -> WebBackendConnectionListItem:
        source = self.state.source(connection.source_id)
        destination = self.state.destination(connection.destination_id)
        fields: Dict[str, Any] = {
            "connection_id": connection.connection_id,
            "name": connection.name,
            "schedule_type": connection.schedule_type,
            "schedule_data": _copy(connection.schedule_data),
            "status": connection.status,
            "source": source.snippet(),
            "destination": destination.snippet(),
            "latest_sync_job_created_at": connection.latest_sync_job_created_at,
            "latest_sync_job_status": connection.latest_sync_job_status,
            "is_syncing": connection.is_syncing,
            "schema_change": schema_change(diff_catalogs(connection.sync_catalog, source.catalog)),
            "source_actor_definition_version": source.definition.version_read(),
            "destination_actor_definition_version": destination.definition.version_read(),
        }
        return WebBackendConnectionListItem(**{k: v for k, v in fields.items() if v is not None})

    # -- operations (dbt, webhooks...) attached to a connection ----------------------------------------------

    def _existing_operations(self, operation: str, workspace: UUID, operation_ids: Sequence[UUID]) -> List[UUID]:
        """`operation_ids`, each checked to exist (else 404) and to be in `workspace` (else 422)."""
        problems = []
        for index, operation_id in enumerate(operation_ids):
            if self.state.operation(operation_id).workspace_id != workspace:
                where = f"operationIds[{index}]"
                problems.append(Invalid(where, "The operation is in another workspace", str(operation_id)))
        if problems:
            raise InvalidInput(operation, problems)
        return list(operation_ids)

    def _check_operation_workspaces(
        self, operation: str, workspace: UUID, operations: Sequence[OperationInput]
    ) -> None:
        problems = [
            Invalid(f"operations[{index}].workspaceId", "Not the connection's workspace", str(given.workspace_id))
            for index, (_, given) in enumerate(operations)
            if given.workspace_id != workspace
        ]
        if problems:
            raise InvalidInput(operation, problems)

    def _save_operations(self, operations: Sequence[OperationInput]) -> List[UUID]:
        """Create the operations without an id and overwrite the others; their ids, in order."""
        ids = []
        for operation_id, given in operations:
            saved = OperationRead(
                operation_id=operation_id or uuid4(),
                workspace_id=given.workspace_id,
                name=given.name,
                operator_configuration=given.operator_configuration.model_copy(deep=True),
            )
            self.state.operations[saved.operation_id] = saved
            ids.append(saved.operation_id)
        return ids


def _as_create_or_update(created: OperationCreate) -> WebBackendOperationCreateOrUpdate:
    return WebBackendOperationCreateOrUpdate(
        workspace_id=created.workspace_id, name=created.name, operator_configuration=created.operator_configuration
    )


def _json(value: BaseModel | ApiEnum) -> bytes:
    if isinstance(value, BaseModel):
        return value.model_dump_json(by_alias=True, exclude_none=True).encode("utf-8")
    return json.dumps(value.value).encode("utf-8")


def _given(body: Any, *names: str) -> Dict[str, Any]:
    """The named fields the body sets to a value, copied: the others keep the record's defaults."""
    return {name: _copy(getattr(body, name)) for name in names if getattr(body, name) is not None}


def _copy(value: Any) -> Any:
    copy = getattr(value, "model_copy", None)
    return copy(deep=True) if copy is not None else value


def _now() -> int:
    return int(time.time())
