"""The eight `web_backend` operations, as `airbyte-commons-server`'s `WebBackendConnectionsHandler` (with
`ConnectionsHandler`, `OperationsHandler`, `WebBackendCheckUpdatesHandler` and `WebBackendGeographiesHandler`)
carries them out at `5beb5e7ca0d6`. Each method names the Java it follows; docs/testing.md says what is simplified.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import time
from typing import Any, Dict, List, Optional, Sequence, Tuple
from uuid import UUID, uuid4

from openapi_client.api.web_backend_api import OPERATIONS as DECLARED_OPERATIONS
from openapi_client.models.connection_id_request_body import ConnectionIdRequestBody
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate
from openapi_client.models.web_backend_workspace_state import WebBackendWorkspaceState
from openapi_client.operations import OperationSpec
from openapi_client.testing import pagination
from openapi_client.testing.catalog_converter import (
    ConfiguredStream,
    Json,
    configuration_changes,
    configured_catalog,
    field_selection,
    merge,
    stream_key,
    to_configured,
)
from openapi_client.testing.catalog_diff import catalog_diff, contains_breaking_change, streams_to_reset
from openapi_client.testing.errors import Answer, ApiProblem, Conflict, IdNotFound, ServerCrash
from openapi_client.testing.records import Connection, Job, JobKind
from openapi_client.testing.records import Operation as OperationRecord
from openapi_client.testing.schedules import check_patch, created_schedule, legacy_schedule, schedule_from
from openapi_client.testing.state import AirbyteState
from openapi_client.testing.validation import Binding, read_body
from openapi_client.testing.versions import ServerVersion

LIST_PATH = "/v1/web_backend/connections/list"
# What the geographies endpoint answers in each edition (`listGeographiesOSS`, `listGeographiesCloud`).
GEOGRAPHIES = {"oss": ["auto"], "cloud": ["auto", "us", "eu"]}
# The settings an update copies when it carries them (`ConnectionsHandler.applyPatchToStandardSync`).
_PATCHED = {
    "name": "name",
    "namespaceDefinition": "namespace_definition",
    "namespaceFormat": "namespace_format",
    "prefix": "prefix",
    "resourceRequirements": "resource_requirements",
    "geography": "geography",
    "notifySchemaChanges": "notify_schema_changes",
    "notifySchemaChangesByEmail": "notify_schema_changes_by_email",
    "nonBreakingChangesPreference": "non_breaking_changes_preference",
    "backfillPreference": "backfill_preference",
}


# The operations as the client declares them (path, request model), by path.
OPERATIONS: Dict[str, OperationSpec[Any]] = {operation.path: operation for operation in DECLARED_OPERATIONS}


class WebBackend:
    """The operations, each named as `WebBackendApi` names it, as a server of `version` carries them out."""

    def __init__(self, state: AirbyteState, version: ServerVersion, edition: str = "oss") -> None:
        if edition not in GEOGRAPHIES:
            raise ValueError(f"Unknown edition {edition!r}: use 'oss' or 'cloud'")
        self.state = state
        self.version = version
        self.edition = edition

    def answer(self, operation: OperationSpec[Any], raw_body: bytes, path: str) -> Answer:
        """The status, JSON body and headers that answer a request with `raw_body` to `operation`."""
        try:
            arguments: Tuple[Any, ...] = (None, {})
            if operation.request_type is not None:
                arguments = read_body(operation.request_type, raw_body, self._binding(operation))
            if operation.path == LIST_PATH and self.version.paginated_list:
                # The parts of a newer server's list request that our spec (and so the client's model) lacks.
                arguments += (
                    read_body(pagination.WebBackendConnectionListRequestBody, raw_body, self._binding(None))[0],
                )
            with self.state.lock:
                result = getattr(self, operation.name)(*arguments)
        except ApiProblem as problem:
            return problem.answer(path, self.version.jersey)
        return 200, json.dumps(result).encode("utf-8"), {}

    def create(self, body: WebBackendConnectionCreate) -> Json:
        """Create a connection from Python, as a call to the create operation would."""
        document: Json = body.model_dump(mode="json", by_alias=True, exclude_none=True)
        with self.state.lock:
            return self.web_backend_create_connection(body, document)

    # -- the operations --------------------------------------------------------------------------------------

    def web_backend_list_connections_for_workspace(
        self,
        body: WebBackendConnectionListRequestBody,
        document: Json,
        page_request: Optional[pagination.WebBackendConnectionListRequestBody] = None,
    ) -> Json:
        """`webBackendListConnectionsForWorkspace`: the workspace's connections that are not deleted, in no
        particular order (the query has no ORDER BY; here: by connection id). An empty filter is no filter."""
        sources, destinations = set(body.source_id or ()), set(body.destination_id or ())
        listed = [
            c
            for c in sorted(self.state.connections.values(), key=lambda c: str(c.connection_id))
            if self.state.sources[c.source_id].workspace_id == body.workspace_id
            and not c.deleted
            and (not sources or c.source_id in sources)
            and (not destinations or c.destination_id in destinations)
        ]
        if page_request is None:
            return {"connections": [self._list_item(c, self.state.latest_sync_job(c.connection_id)) for c in listed]}
        rows = [(c, pagination.newest_sync_job(self.state, c)) for c in listed]
        shown, total, size = pagination.page(self.state, rows, page_request)
        items = [self._list_item(c, job, syncing=bool(job and job.running)) for c, job in shown]
        return {"connections": items, "page_size": size, "num_connections": total}

    def web_backend_get_connection(self, body: WebBackendConnectionRequestBody, document: Json) -> Json:
        """`webBackendGetConnection`: the stored catalog merged with the one at `sourceCatalogId`. With
        `withRefreshedCatalog` a discovery runs first (`getRefreshedSchema`, then `SchedulerHandler.
        discoverAndGloballyDisable`): every connection of the source stores whether the change breaks it and may
        be disabled; this one answers with the new catalog id, the diff and its new status."""
        connection = self.state.connection(body.connection_id)
        configured = configured_catalog(connection.catalog, connection.field_selection)
        original = self._catalog_at(connection.source_catalog_id)
        if not body.with_refreshed_catalog:
            sync_catalog = merge(configured, original, original) if original is not None else configured
            return self._read(connection, sync_catalog)
        catalog_id, diffs = self.state.run_discovery(connection.source_id)
        discovered = self.state.catalog(catalog_id)
        sync_catalog = merge(configured, original if original is not None else configured, discovered)
        diff = diffs.get(connection.connection_id)
        if diff is None:
            # A deleted connection is not among the source's: the discovery says nothing of it (all null).
            return self._read(connection, sync_catalog, Refreshed(catalog_id, None, None, None))
        refreshed = Refreshed(catalog_id, diff, connection.breaking_change, connection.status)
        return self._read(connection, sync_catalog, refreshed)

    def web_backend_create_connection(self, body: WebBackendConnectionCreate, document: Json) -> Json:
        """`webBackendCreateConnection`: creates the `operations` first (whatever follows), ignores
        `operationIds`, then `ConnectionsHandler.createConnection`."""
        operation_ids = [self._create_operation(operation) for operation in document.get("operations") or []]
        source = self.state.source(body.source_id)
        destination = self.state.destination(body.destination_id)
        self._check_workspaces(source.workspace_id, destination.workspace_id, operation_ids)
        catalog: List[ConfiguredStream] = []
        selection: Dict[str, bool] = {}
        if "syncCatalog" in document and document["syncCatalog"] is not None:
            catalog, selection = self._configured(document["syncCatalog"])
        schedule_type, schedule_data = created_schedule(
            document.get("scheduleType"), document.get("schedule"), document.get("scheduleData")
        )
        self._check_catalog_exists(body.source_catalog_id)
        connection = Connection(
            connection_id=uuid4(),
            workspace_id=destination.workspace_id,
            source_id=source.source_id,
            destination_id=destination.destination_id,
            name=body.name if body.name is not None else f"{source.name} <> {destination.name}",
            status=ConnectionStatus(body.status.value),
            catalog=catalog,
            field_selection=selection,
            source_catalog_id=body.source_catalog_id,
            created_at=int(time.time()),
            namespace_definition=document.get("namespaceDefinition") or "source",
            namespace_format=document.get("namespaceFormat"),
            prefix=document.get("prefix"),
            schedule_type=schedule_type,
            schedule_data=schedule_data,
            operation_ids=operation_ids,
            resource_requirements=copy.deepcopy(document.get("resourceRequirements")),
            geography=document.get("geography") or "auto",
            notify_schema_changes=bool(document.get("notifySchemaChanges")),
            non_breaking_changes_preference=document.get("nonBreakingChangesPreference") or "ignore",
            backfill_preference=document.get("backfillPreference") or "disabled",
        )
        self.state.connections[connection.connection_id] = connection
        return self._read(connection, configured_catalog(connection.catalog, connection.field_selection))

    def web_backend_update_connection(self, body: WebBackendConnectionUpdate, document: Json) -> Json:
        """`webBackendUpdateConnection`: a patch (a field absent or null is left alone). A new `syncCatalog`
        recomputes the breaking flag against the source's newest catalog; operations are created, updated and
        deleted before the rest is checked; unless `skipReset`, the streams whose catalog or configuration
        changed get a refresh job (a reset where the destination cannot refresh)."""
        connection = self.state.connection(body.connection_id)
        breaking = connection.breaking_change
        patch_catalog = document.get("syncCatalog")
        newest = self.state.newest_catalog_id(connection.source_id)
        if patch_catalog is not None and newest is not None:
            diff = catalog_diff(patch_catalog, self.state.catalog(newest), to_configured(patch_catalog))
            breaking = contains_breaking_change(diff)
        before = dataclasses.replace(connection)
        operation_ids = self._create_or_update_operations(connection, document.get("operations"))
        updated = self._patched(connection, document, operation_ids, breaking)
        self.state.connections[connection.connection_id] = updated
        if not body.skip_reset:
            self._reset_if_needed(before, updated)
        sync_catalog = configured_catalog(updated.catalog, updated.field_selection)
        original = self._catalog_at(updated.source_catalog_id)
        if original is not None:
            sync_catalog = merge(sync_catalog, original, original)
        return self._read(updated, sync_catalog)

    def get_state_type(self, body: ConnectionIdRequestBody, document: Json) -> str:
        """`getStateType`: the connection's state type; a connection without state (or none at all) `not_set`."""
        connection = self.state.connections.get(body.connection_id)
        return connection.state_type.value if connection is not None else "not_set"

    def web_backend_get_workspace_state(self, body: WebBackendWorkspaceState, document: Json) -> Json:
        """`getWorkspaceState`: counts, so an unknown workspace has nothing."""
        workspace = body.workspace_id
        state = self.state
        return {
            "hasConnections": any(
                state.sources[c.source_id].workspace_id == workspace and not c.deleted
                for c in state.connections.values()
            ),
            "hasSources": any(s.workspace_id == workspace for s in state.sources.values()),
            "hasDestinations": any(d.workspace_id == workspace for d in state.destinations.values()),
        }

    def web_backend_check_updates(self, body: None, document: Json) -> Json:
        """`WebBackendCheckUpdatesHandler.checkUpdates`: the definitions whose tag differs from the registry's;
        none when the registry cannot be reached."""

        def count(definitions: Any) -> int:
            return sum(d.has_update for d in definitions.values()) if self.state.registry_reachable else 0

        return {
            "destinationDefinitions": count(self.state.destination_definitions),
            "sourceDefinitions": count(self.state.source_definitions),
        }

    def web_backend_list_geographies(self, body: None, document: Json) -> Json:
        """`listGeographiesOSS` (`auto` only), or Cloud's every geography."""
        return {"geographies": list(GEOGRAPHIES[self.edition])}

    # -- answers ---------------------------------------------------------------------------------------------

    def _read(self, connection: Connection, sync_catalog: Json, refreshed: Optional[Refreshed] = None) -> Json:
        """`buildWebBackendConnectionRead`; after a refresh, with the refresh's catalog id, diff, breaking flag
        and status."""
        source = self.state.source(connection.source_id)
        destination = self.state.destination(connection.destination_id)
        breaking = refreshed.breaking if refreshed else connection.breaking_change
        status = refreshed.status if refreshed else connection.status
        latest = self.state.latest_sync_job(connection.connection_id)
        shown_catalog_id = refreshed.catalog_id if refreshed else connection.source_catalog_id
        read: Json = {
            "connectionId": str(connection.connection_id),
            "sourceId": str(connection.source_id),
            "destinationId": str(connection.destination_id),
            "operationIds": [str(i) for i in connection.operation_ids],
            "name": connection.name,
            "namespaceDefinition": connection.namespace_definition,
            "namespaceFormat": connection.namespace_format,
            "prefix": connection.prefix,
            "syncCatalog": sync_catalog,
            "status": status.value if status is not None else None,
            "schedule": legacy_schedule(connection.schedule_type, connection.schedule_data),
            "scheduleType": connection.schedule_type,
            "scheduleData": copy.deepcopy(connection.schedule_data),
            "source": self.version.shape_actor(
                source.read(self.state.actor_active(source.source_id)), source.created_at
            ),
            "destination": self.version.shape_actor(
                destination.read(self.state.actor_active(destination.destination_id)), destination.created_at
            ),
            "operations": [self.state.operation(i).read() for i in connection.operation_ids],
            "resourceRequirements": copy.deepcopy(connection.resource_requirements),
            "geography": connection.geography,
            "notifySchemaChanges": connection.notify_schema_changes,
            "notifySchemaChangesByEmail": connection.notify_schema_changes_by_email,
            "createdAt": connection.created_at,
            "nonBreakingChangesPreference": connection.non_breaking_changes_preference,
            "backfillPreference": connection.backfill_preference,
            "catalogId": str(shown_catalog_id) if shown_catalog_id else None,
            "isSyncing": self.state.running_job(connection.connection_id, syncs_only=True) is not None,
            "schemaChange": self._schema_change(connection, breaking),
            "sourceActorDefinitionVersion": self._definition_version(source.definition),
            "destinationActorDefinitionVersion": self._definition_version(destination.definition),
            "catalogDiff": refreshed.diff if refreshed else None,
            **_latest_job(latest),
        }
        return self.version.shape_read({key: value for key, value in read.items() if value is not None})

    def _list_item(self, connection: Connection, latest: Optional[Job], syncing: Optional[bool] = None) -> Json:
        """`buildWebBackendConnectionListItem`."""
        source = self.state.source(connection.source_id)
        destination = self.state.destination(connection.destination_id)
        if syncing is None:
            syncing = self.state.running_job(connection.connection_id, syncs_only=True) is not None
        item: Json = {
            "connectionId": str(connection.connection_id),
            "status": connection.status.value,
            "name": connection.name,
            "scheduleType": connection.schedule_type,
            "source": source.snippet(),
            "destination": destination.snippet(),
            "isSyncing": syncing,
            "schemaChange": self._schema_change(connection, connection.breaking_change, in_list=True),
            "sourceActorDefinitionVersion": self._definition_version(source.definition),
            "destinationActorDefinitionVersion": self._definition_version(destination.definition),
            **_latest_job(latest),
        }
        if connection.schedule_data is not None:
            item["scheduleData"] = copy.deepcopy(connection.schedule_data)
        source_read = self.version.shape_actor(
            source.read(self.state.actor_active(source.source_id)), source.created_at
        )
        destination_read = self.version.shape_actor(
            destination.read(self.state.actor_active(destination.destination_id)), destination.created_at
        )
        return self.version.shape_list_item(item, source_read, destination_read)

    def _schema_change(self, connection: Connection, breaking: Optional[bool], in_list: bool = False) -> str:
        """`getSchemaChange`: none without a `sourceCatalogId`; `breaking` when the stored flag says so;
        `non_breaking` when the source's newest discovery found another catalog than `sourceCatalogId`."""
        if connection.source_catalog_id is None:
            return "no_change"
        if breaking:
            return "breaking"
        reads_discoveries = self.version.list_reads_discoveries or not in_list
        newest = self.state.newest_catalog_id(connection.source_id) if reads_discoveries else None
        return "non_breaking" if newest is not None and newest != connection.source_catalog_id else "no_change"

    def _definition_version(self, definition: Any) -> Json:
        read: Json = definition.version_read()
        return self.version.shape_definition_version(read)

    # -- what the operations share ---------------------------------------------------------------------------

    def _binding(self, operation: Optional[OperationSpec[Any]]) -> Binding:
        """How this server binds the operation's body (`None`: the 2025 list's pagination part)."""
        spec = operation or OPERATIONS[LIST_PATH]
        assert spec.request_type is not None
        model_name = spec.request_type.__name__
        words = spec.name.split("_")
        return Binding(
            method=words[0] + "".join(word.title() for word in words[1:]),
            argument=model_name[0].lower() + model_name[1:],
            model_name=self.version.java_model_name(model_name),
            refuses_unknown=self.version.refuses_unknown_properties,
            lacking=self.version.lacking,
            lacking_values=self.version.lacking_values,
        )

    def _catalog_at(self, catalog_id: Optional[UUID]) -> Optional[Json]:
        return self.state.catalog(catalog_id) if catalog_id is not None else None

    def _configured(self, catalog: Json) -> Tuple[List[ConfiguredStream], Dict[str, bool]]:
        """`validateCatalogDoesntContainDuplicateStreamNames` (500), then `toConfiguredInternal`."""
        seen = set()
        for entry in catalog.get("streams") or []:
            stream = entry.get("stream")
            if stream is None:
                raise ServerCrash.null("io.airbyte.api.model.generated.AirbyteStreamAndConfiguration.getStream()")
            key = stream_key(stream)
            if key in seen:
                reason = f"Catalog contains duplicate stream names: {_java(key[0])}.{key[1]}"
                raise ServerCrash("java.lang.IllegalArgumentException", reason)
            seen.add(key)
        return to_configured(catalog), field_selection(catalog)

    def _check_workspaces(
        self, source_workspace: UUID, destination_workspace: UUID, operation_ids: Sequence[UUID]
    ) -> None:
        """`ConnectionHelper.validateWorkspace`: preconditions, so 500."""
        if source_workspace != destination_workspace:
            raise ServerCrash.precondition(
                f"Source and destination do not belong to the same workspace. Source workspace id: {source_workspace}, "
                f"Destination workspace id: {destination_workspace}"
            )
        for operation_id in operation_ids:
            operation = self.state.operations.get(operation_id)
            workspace = operation.workspace_id if operation is not None else None
            if workspace != source_workspace:
                raise ServerCrash.precondition(
                    "Operation and connection do not belong to the same workspace. Workspace id: "
                    f"{source_workspace}, Operation id: {operation_id}, Operation workspace id: {workspace}"
                )

    def _check_catalog_exists(self, catalog_id: Optional[UUID]) -> None:
        """The connection table's foreign key on `source_catalog_id`: PostgreSQL refuses an unknown catalog."""
        if catalog_id is None or self.state.catalog_exists(catalog_id):
            return
        if self.version.database_refusal_is_conflict:
            raise Conflict()
        reason = (
            'ERROR: insert or update on table "connection" violates foreign key constraint '
            f'"connection_actor_catalog_id_fk" Detail: Key (source_catalog_id)=({catalog_id}) '
            'is not present in table "actor_catalog".'
        )
        raise ServerCrash("org.jooq.exception.DataAccessException", reason)

    def _create_operation(self, operation: Json) -> UUID:
        """`OperationsHandler.createOperation`: its workspace must exist."""
        workspace_id = UUID(operation["workspaceId"])
        if workspace_id not in self.state.workspaces:
            raise IdNotFound("WORKSPACE", workspace_id)
        record = OperationRecord(
            uuid4(), workspace_id, operation["name"], copy.deepcopy(operation["operatorConfiguration"])
        )
        self.state.operations[record.operation_id] = record
        return record.operation_id

    def _create_or_update_operations(
        self, connection: Connection, operations: Optional[List[Json]]
    ) -> Optional[List[UUID]]:
        """`createOrUpdateOperations`: an operation without an id, or with one the connection does not have, is
        created; the others are updated; the connection's operations left out are deleted (unless another
        connection uses them) and detached at once."""
        if operations is None:
            return None
        final: List[UUID] = []
        for operation in operations:
            operation_id = UUID(operation["operationId"]) if operation.get("operationId") else None
            if operation_id is None or operation_id not in connection.operation_ids:
                final.append(self._create_operation(operation))
                continue
            record = self.state.operation(operation_id)
            record.name = operation["name"]
            record.operator_configuration = copy.deepcopy(operation["operatorConfiguration"])
            final.append(operation_id)
        removed = [i for i in connection.operation_ids if i not in final]
        for operation_id in removed:
            shared = any(
                operation_id in c.operation_ids for c in self.state.connections.values() if c is not connection
            )
            if not shared:
                self.state.operations.pop(operation_id, None)
        connection.operation_ids = [i for i in connection.operation_ids if i not in removed]
        return final

    def _patched(
        self, connection: Connection, patch: Json, operation_ids: Optional[List[UUID]], breaking: bool
    ) -> Connection:
        """`validateConnectionPatch` and `applyPatchToStandardSync` on a copy, which is stored only whole."""
        source = self.state.source(connection.source_id)
        destination = self.state.destination(connection.destination_id)
        self._check_workspaces(source.workspace_id, destination.workspace_id, operation_ids or [])
        check_patch(patch.get("scheduleType"), patch.get("schedule"), patch.get("scheduleData"))
        updated = dataclasses.replace(connection, operation_ids=list(connection.operation_ids))
        if patch.get("scheduleType") is not None:
            schedule = schedule_from(patch["scheduleType"], patch.get("scheduleData"), str(connection.connection_id))
            updated.schedule_type, updated.schedule_data = schedule
        if patch.get("syncCatalog") is not None:
            updated.catalog, updated.field_selection = self._configured(patch["syncCatalog"])
        for name, attribute in _PATCHED.items():
            if patch.get(name) is not None:
                setattr(updated, attribute, copy.deepcopy(patch[name]))
        if operation_ids is not None:
            updated.operation_ids = list(operation_ids)
        if patch.get("status") is not None:
            updated.status = ConnectionStatus(patch["status"])
        if patch.get("sourceCatalogId") is not None:
            self._check_catalog_exists(UUID(patch["sourceCatalogId"]))
            updated.source_catalog_id = UUID(patch["sourceCatalogId"])
        updated.breaking_change = breaking
        return updated

    def _reset_if_needed(self, before: Connection, after: Connection) -> None:
        """`resetStreamsIfNeeded`: the streams the stored catalogs' diff names, and those whose configuration
        changed, get a refresh job (`RefreshType.MERGE`), or a reset where the destination cannot refresh."""
        old = configured_catalog(before.catalog, before.field_selection)
        new = configured_catalog(after.catalog, after.field_selection)
        streams = set(streams_to_reset(catalog_diff(old, new, after.catalog))) | configuration_changes(old, new)
        if not streams:
            return
        refreshes = self.state.destination(after.destination_id).definition.supports_refreshes
        kind = JobKind.REFRESH if refreshes else JobKind.RESET
        self.state.start_job(after.connection_id, kind, tuple(sorted(streams, key=lambda k: (k[0] or "", k[1]))))


@dataclasses.dataclass(frozen=True)
class Refreshed:
    """What a refresh (`SourceDiscoverSchemaRead`) tells of a connection."""

    catalog_id: UUID
    diff: Optional[Json]
    breaking: Optional[bool]
    status: Optional[ConnectionStatus]


def _latest_job(job: Optional[Job]) -> Json:
    if job is None:
        return {}
    return {"latestSyncJobCreatedAt": job.created_at, "latestSyncJobStatus": job.status.value}


def _java(value: Optional[str]) -> str:
    return "null" if value is None else value
