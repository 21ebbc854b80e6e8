"""`web_backend/connections/list` as servers since 2025-07 answer it (airbyte-platform #16836, #17021):
a page of connections after a cursor, sorted and filtered on the server.

The request adds `cursor` (a connection id: the last one of the previous page), `pageSize` (20 unless given),
`sortKey` and `filters`; the answer adds `page_size` and `num_connections` (every match, the cursor aside).
Rows are ordered by the sort key, lower-cased for names, then by connection id (`ConnectionServiceJooqImpl.
buildOrderByClause`); a page holds the rows after the cursor's (`buildCursorCondition`, row comparison). The
cursor's connection must exist (`buildCursorPagination`: 404 otherwise). "Last sync" is the newest *sync* job's
creation time, and `isSyncing` whether that job runs (the list's lateral join on `jobs`).
"""

from __future__ import annotations

import enum
from typing import Any, Callable, List, Optional, Tuple
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.job_status import JobStatus
from openapi_client.testing.errors import Conflict, IdNotFound, ServerCrash
from openapi_client.testing.records import Connection, Job, JobKind
from openapi_client.testing.state import AirbyteState

DEFAULT_PAGE_SIZE = 20
Row = Tuple[Connection, Optional[Job]]


class WebBackendConnectionListSortKey(enum.Enum):
    CONNECTION_NAME_ASC = "connectionName_asc"
    CONNECTION_NAME_DESC = "connectionName_desc"
    SOURCE_NAME_ASC = "sourceName_asc"
    SOURCE_NAME_DESC = "sourceName_desc"
    DESTINATION_NAME_ASC = "destinationName_asc"
    DESTINATION_NAME_DESC = "destinationName_desc"
    LAST_SYNC_ASC = "lastSync_asc"
    LAST_SYNC_DESC = "lastSync_desc"


class ConnectionJobStatusFilter(enum.Enum):
    HEALTHY = "healthy"
    FAILED = "failed"
    RUNNING = "running"
    PAUSED = "paused"


class ActorStatusFilter(enum.Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"


class WebBackendConnectionListFilters(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    source_definition_ids: Optional[List[UUID]] = Field(default=None, alias="sourceDefinitionIds")
    destination_definition_ids: Optional[List[UUID]] = Field(default=None, alias="destinationDefinitionIds")
    statuses: Optional[List[ConnectionJobStatusFilter]] = None
    states: Optional[List[ActorStatusFilter]] = None
    tag_ids: Optional[List[UUID]] = Field(default=None, alias="tagIds")
    search_term: Optional[StrictStr] = Field(default=None, alias="searchTerm")


class WebBackendConnectionListRequestBody(BaseModel):
    """The parts of a 2025-07 list request that our spec lacks."""

    model_config = ConfigDict(populate_by_name=True)

    cursor: Optional[UUID] = None
    page_size: Optional[StrictInt] = Field(default=None, alias="pageSize")
    sort_key: Optional[WebBackendConnectionListSortKey] = Field(default=None, alias="sortKey")
    filters: Optional[WebBackendConnectionListFilters] = None


def page(
    state: AirbyteState, rows: List[Row], request: WebBackendConnectionListRequestBody
) -> Tuple[List[Row], int, int]:
    """The page of `rows` (the workspace's connections with their newest sync job) the request asks for, how
    many rows match in all, and the page size."""
    size = DEFAULT_PAGE_SIZE if request.page_size is None else request.page_size
    if size < 0:
        # PostgreSQL refuses a negative LIMIT; `ApiHelper` makes any `DataAccessException` a 409.
        raise Conflict()
    sort_key = request.sort_key or WebBackendConnectionListSortKey.CONNECTION_NAME_ASC
    matching = [row for row in rows if _matches(state, row, request.filters)]
    ordering = _ordering(state, sort_key)
    ascending = sort_key.value.endswith("_asc")
    ordered = sorted(matching, key=ordering, reverse=not ascending)
    if request.cursor is not None:
        cursor_row = _cursor_row(state, request.cursor)
        ordered = [row for row in ordered if _after(row, cursor_row, ordering, sort_key, ascending)]
    return ordered[:size], len(matching), size


def newest_sync_job(state: AirbyteState, connection: Connection) -> Optional[Job]:
    """The newest job of type sync by when it last changed (refreshes and resets do not count here)."""
    syncs = [job for job in state.jobs_of(connection.connection_id) if job.kind is JobKind.SYNC]
    return max(syncs, key=lambda job: (job.updated_at, job.job_id), default=None)


def _cursor_row(state: AirbyteState, cursor: UUID) -> Row:
    connection = state.connections.get(cursor)
    if connection is None:
        raise IdNotFound("Connection", cursor)
    return connection, newest_sync_job(state, connection)


def _ordering(state: AirbyteState, sort_key: WebBackendConnectionListSortKey) -> Callable[[Row], Tuple[Any, ...]]:
    name = sort_key.value.rsplit("_", 1)[0]
    if name == "lastSync":
        # PostgreSQL puts nulls first going up and last going down: a missing time sorts below every other.
        return lambda row: (row[1] is not None, row[1].created_at if row[1] else 0, str(row[0].connection_id))
    names: Callable[[Connection], str] = {
        "connectionName": lambda c: c.name,
        "sourceName": lambda c: state.sources[c.source_id].name,
        "destinationName": lambda c: state.destinations[c.destination_id].name,
    }[name]
    return lambda row: (names(row[0]).lower(), str(row[0].connection_id))


def _after(
    row: Row,
    cursor: Row,
    ordering: Callable[[Row], Tuple[Any, ...]],
    sort_key: WebBackendConnectionListSortKey,
    ascending: bool,
) -> bool:
    if sort_key is WebBackendConnectionListSortKey.LAST_SYNC_DESC:
        return _after_last_sync_descending(row, cursor)
    if sort_key is WebBackendConnectionListSortKey.LAST_SYNC_ASC:
        # `row(created_at, id) > (cursor's)`, or only the ids when the cursor never synced; a null time compares
        # as unknown in SQL, so rows that never synced drop out.
        if cursor[1] is None:
            return str(row[0].connection_id) > str(cursor[0].connection_id)
        return row[1] is not None and ordering(row) > ordering(cursor)
    return ordering(row) > ordering(cursor) if ascending else ordering(row) < ordering(cursor)


def _after_last_sync_descending(row: Row, cursor: Row) -> bool:
    """`buildCursorConditionLastSyncDesc`: older syncs, or no sync and a smaller id (ties of time are skipped,
    as Airbyte skips them)."""
    row_id, cursor_id = str(row[0].connection_id), str(cursor[0].connection_id)
    if cursor[1] is None:
        return row[1] is None and row_id < cursor_id
    older = row[1] is not None and row[1].created_at < cursor[1].created_at
    return older or (row[1] is None and row_id < cursor_id)


def _matches(state: AirbyteState, row: Row, filters: Optional[WebBackendConnectionListFilters]) -> bool:
    """`buildConnectionFilterConditions`: every given filter must hold; an empty one is no filter."""
    if filters is None:
        return True
    connection, job = row
    source, destination = state.sources[connection.source_id], state.destinations[connection.destination_id]
    term = (filters.search_term or "").strip().lower()
    names = (connection.name, source.name, destination.name)
    checks = [
        not term or any(term in name.lower() for name in names),
        not filters.source_definition_ids or source.definition.definition_id in filters.source_definition_ids,
        not filters.destination_definition_ids
        or destination.definition.definition_id in filters.destination_definition_ids,
        not filters.states or connection.status.value in {state.value for state in filters.states},
        not filters.statuses or any(_has_job_status(connection, job, status) for status in filters.statuses),
        not filters.tag_ids,  # Connections have no tags here, so no tag matches.
    ]
    return all(checks)


def _has_job_status(connection: Connection, job: Optional[Job], status: ConnectionJobStatusFilter) -> bool:
    """`applyStatusFilters`, by the newest sync job."""
    if status is ConnectionJobStatusFilter.PAUSED:
        # The API lists `paused`, but the server's `ConnectionJobStatus` has no such constant.
        reason = "No enum constant io.airbyte.data.services.shared.ConnectionJobStatus.PAUSED"
        raise ServerCrash("java.lang.IllegalArgumentException", reason)
    job_status = job.status if job is not None else None
    if status is ConnectionJobStatusFilter.FAILED:
        return job_status in (JobStatus.FAILED, JobStatus.CANCELLED, JobStatus.INCOMPLETE)
    if status is ConnectionJobStatusFilter.RUNNING:
        return job_status is JobStatus.RUNNING
    active = connection.status is ConnectionStatus.ACTIVE
    return active and job_status in (None, JobStatus.SUCCEEDED, JobStatus.PENDING)
