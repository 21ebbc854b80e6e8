"""Code as users write it against the client, for the type checkers (`test/test_typing.py`): every operation in
its three variants, with models and the per-call options. Each `reveal_type` says what it must reveal in a
comment. It is checked, not run."""

from __future__ import annotations

from uuid import UUID

import urllib3
from typing_extensions import reveal_type

import openapi_client
from openapi_client import ApiClient, ApiResponse, Configuration, WebBackendApi
from openapi_client.models import (
    AirbyteCatalog,
    ConnectionIdRequestBody,
    ConnectionScheduleData,
    ConnectionScheduleDataBasicSchedule,
    ConnectionScheduleDataBasicScheduleTimeUnit,
    ConnectionScheduleType,
    ConnectionStatus,
    WebBackendConnectionCreate,
    WebBackendConnectionListRequestBody,
    WebBackendConnectionRequestBody,
    WebBackendConnectionUpdate,
    WebBackendWorkspaceState,
)

CONNECTION = UUID("9b2e6a1c-0c8f-4d3a-8a57-2f1b7e3c4d5e")
WORKSPACE = UUID("5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6")

configuration = Configuration(
    host="https://airbyte.example/api",
    username="airbyte",
    password="password",
    verify_ssl=True,
    ssl_ca_cert="/etc/ssl/ca.pem",
    cert_file="client.pem",
    key_file="client.key",
    connection_pool_maxsize=16,
    timeout=(3.05, 60),
)
api = WebBackendApi(ApiClient(configuration))
options = {"X-Request-Id": "typed-1"}

body = ConnectionIdRequestBody(connection_id=CONNECTION)
reveal_type(api.get_state_type(body, _request_timeout=5))  # ConnectionStateType
reveal_type(api.get_state_type_with_http_info(body, _headers=options))  # ApiResponse[ConnectionStateType]
reveal_type(api.get_state_type_without_preload_content(body, _host_index=0))  # HTTPResponse

reveal_type(api.web_backend_check_updates(_request_timeout=(3, 30)))  # WebBackendCheckUpdatesRead
reveal_type(api.web_backend_check_updates_with_http_info())  # ApiResponse[WebBackendCheckUpdatesRead]
reveal_type(api.web_backend_check_updates_without_preload_content())  # HTTPResponse

create = WebBackendConnectionCreate(
    source_id=CONNECTION,
    destination_id=CONNECTION,
    status=ConnectionStatus.ACTIVE,
    schedule_type=ConnectionScheduleType.BASIC,
    schedule_data=ConnectionScheduleData(
        basic_schedule=ConnectionScheduleDataBasicSchedule(
            time_unit=ConnectionScheduleDataBasicScheduleTimeUnit.HOURS, units=6
        )
    ),
    sync_catalog=AirbyteCatalog(streams=[]),
)
reveal_type(api.web_backend_create_connection(create, _content_type="application/json"))  # WebBackendConnectionRead
reveal_type(api.web_backend_create_connection_with_http_info(create))  # ApiResponse[WebBackendConnectionRead]
reveal_type(api.web_backend_create_connection_without_preload_content(create))  # HTTPResponse

get = WebBackendConnectionRequestBody(connection_id=CONNECTION, with_refreshed_catalog=True)
read = api.web_backend_get_connection(get, _request_timeout=(10, 600))
reveal_type(read)  # WebBackendConnectionRead
reveal_type(read.connection_id)  # UUID
reveal_type(read.status)  # ConnectionStatus
reveal_type(read.notify_schema_changes_by_email)  # bool | None
reveal_type(api.web_backend_get_connection_with_http_info(get).data)  # WebBackendConnectionRead
reveal_type(api.web_backend_get_connection_without_preload_content(get).status)  # int

state = WebBackendWorkspaceState(workspace_id=WORKSPACE)
reveal_type(api.web_backend_get_workspace_state(state))  # WebBackendWorkspaceStateResult
reveal_type(api.web_backend_get_workspace_state())  # WebBackendWorkspaceStateResult
reveal_type(api.web_backend_get_workspace_state_with_http_info(state))  # ApiResponse[WebBackendWorkspaceStateResult]
reveal_type(api.web_backend_get_workspace_state_without_preload_content(state))  # HTTPResponse

listing = WebBackendConnectionListRequestBody(workspace_id=WORKSPACE, source_id=[CONNECTION])
page = api.web_backend_list_connections_for_workspace(listing, _request_auth=None)
reveal_type(page)  # WebBackendConnectionReadList
reveal_type(page.connections[0].name)  # str
listed = api.web_backend_list_connections_for_workspace_with_http_info(listing)
reveal_type(listed)  # ApiResponse[WebBackendConnectionReadList]
reveal_type(api.web_backend_list_connections_for_workspace_without_preload_content(listing))  # HTTPResponse
every = api.iter_connections_for_workspace(listing, page_size=200, _request_timeout=(3, 30), _headers=options)
reveal_type(every)  # Iterator[WebBackendConnectionListItem]
for item in every:
    reveal_type(item.connection_id)  # UUID
    reveal_type(item.source_actor_definition_version)  # ActorDefinitionVersionRead | None
newest_first = listing.with_extra_fields(sortKey="lastSync_desc", filters={"searchTerm": "stripe"})
reveal_type(newest_first)  # WebBackendConnectionListRequestBody
from_dict = api.iter_connections_for_workspace({"workspaceId": str(WORKSPACE)})
reveal_type(from_dict)  # Iterator[WebBackendConnectionListItem]

reveal_type(api.web_backend_list_geographies())  # WebBackendGeographiesListResult
reveal_type(api.web_backend_list_geographies_with_http_info())  # ApiResponse[WebBackendGeographiesListResult]
reveal_type(api.web_backend_list_geographies_without_preload_content())  # HTTPResponse

update = WebBackendConnectionUpdate(connection_id=read.connection_id, status=ConnectionStatus.INACTIVE)
reveal_type(update.status)  # ConnectionStatus | None
updated: ApiResponse[openapi_client.WebBackendConnectionRead] = api.web_backend_update_connection_with_http_info(
    update, _request_timeout=30, _request_auth=None, _content_type=None, _headers=options, _host_index=0
)
reveal_type(updated.status_code)  # int
reveal_type(api.web_backend_update_connection(update))  # WebBackendConnectionRead
raw: urllib3.HTTPResponse = api.web_backend_update_connection_without_preload_content(update)
reveal_type(raw.read())  # bytes

try:
    api.web_backend_get_connection({"connectionId": str(CONNECTION)})
except openapi_client.NotFoundException as error:
    reveal_type(error.status)  # int | None
