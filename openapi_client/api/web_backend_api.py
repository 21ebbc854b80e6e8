"""The eight web_backend operations, each with its `_with_http_info` and `_without_preload_content` twins."""

from __future__ import annotations

from typing import Optional

from typing_extensions import Unpack

from openapi_client.api_client import ApiClient
from openapi_client.models.connection_id_request_body import ConnectionIdRequestBody
from openapi_client.models.connection_state_type import ConnectionStateType
from openapi_client.models.invalid_input_exception_info import InvalidInputExceptionInfo
from openapi_client.models.not_found_known_exception_info import NotFoundKnownExceptionInfo
from openapi_client.models.web_backend_check_updates_read import WebBackendCheckUpdatesRead
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
from openapi_client.models.web_backend_connection_read_list import WebBackendConnectionReadList
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate
from openapi_client.models.web_backend_geographies_list_result import WebBackendGeographiesListResult
from openapi_client.models.web_backend_workspace_state import WebBackendWorkspaceState
from openapi_client.models.web_backend_workspace_state_result import WebBackendWorkspaceStateResult
from openapi_client.operations import RequestOptions, operation

NOT_FOUND_OR_INVALID = {404: NotFoundKnownExceptionInfo, 422: InvalidInputExceptionInfo}
INVALID = {422: InvalidInputExceptionInfo}


def _keeps_the_stored_catalog(body: WebBackendConnectionRequestBody) -> bool:
    return not body.with_refreshed_catalog


class WebBackendApi:
    """Operations of the `web_backend` tag. Every operation is a POST with a JSON body."""

    def __init__(self, api_client: Optional[ApiClient] = None) -> None:
        self.api_client = ApiClient.get_default() if api_client is None else api_client

    @operation("/v1/web_backend/state/get_type", errors=NOT_FOUND_OR_INVALID, read_only=True)
    def get_state_type(
        self, connection_id_request_body: ConnectionIdRequestBody, **options: Unpack[RequestOptions]
    ) -> ConnectionStateType:
        """Fetch the current state type for a connection."""

    get_state_type_with_http_info = get_state_type.with_http_info
    get_state_type_without_preload_content = get_state_type.without_preload_content

    @operation("/v1/web_backend/check_updates", read_only=True)
    def web_backend_check_updates(self, **options: Unpack[RequestOptions]) -> WebBackendCheckUpdatesRead:
        """Returns a summary of source and destination definitions that could be updated."""

    web_backend_check_updates_with_http_info = web_backend_check_updates.with_http_info
    web_backend_check_updates_without_preload_content = web_backend_check_updates.without_preload_content

    @operation("/v1/web_backend/connections/create", errors=INVALID, read_only=False)
    def web_backend_create_connection(
        self, web_backend_connection_create: WebBackendConnectionCreate, **options: Unpack[RequestOptions]
    ) -> WebBackendConnectionRead:
        """Create a connection."""

    web_backend_create_connection_with_http_info = web_backend_create_connection.with_http_info
    web_backend_create_connection_without_preload_content = web_backend_create_connection.without_preload_content

    # Read-only unless `withRefreshedCatalog` is set: then the server runs a schema discovery and stores its result.
    @operation(
        "/v1/web_backend/connections/get",
        errors=NOT_FOUND_OR_INVALID,
        read_only=False,
        read_only_when=_keeps_the_stored_catalog,
    )
    def web_backend_get_connection(
        self,
        web_backend_connection_request_body: WebBackendConnectionRequestBody,
        **options: Unpack[RequestOptions],
    ) -> WebBackendConnectionRead:
        """Get a connection. With `with_refreshed_catalog=True` the server discovers the source's schema first,
        which can take minutes: give such a call a longer read timeout with `_request_timeout`."""

    web_backend_get_connection_with_http_info = web_backend_get_connection.with_http_info
    web_backend_get_connection_without_preload_content = web_backend_get_connection.without_preload_content

    @operation("/v1/web_backend/workspace/state", errors=NOT_FOUND_OR_INVALID, read_only=True)
    def web_backend_get_workspace_state(
        self,
        web_backend_workspace_state: Optional[WebBackendWorkspaceState] = None,
        **options: Unpack[RequestOptions],
    ) -> WebBackendWorkspaceStateResult:
        """Returns the current state of a workspace."""

    web_backend_get_workspace_state_with_http_info = web_backend_get_workspace_state.with_http_info
    web_backend_get_workspace_state_without_preload_content = web_backend_get_workspace_state.without_preload_content

    @operation("/v1/web_backend/connections/list", errors=NOT_FOUND_OR_INVALID, read_only=True)
    def web_backend_list_connections_for_workspace(
        self,
        web_backend_connection_list_request_body: WebBackendConnectionListRequestBody,
        **options: Unpack[RequestOptions],
    ) -> WebBackendConnectionReadList:
        """Returns all non-deleted connections for a workspace."""

    web_backend_list_connections_for_workspace_with_http_info = (
        web_backend_list_connections_for_workspace.with_http_info
    )
    web_backend_list_connections_for_workspace_without_preload_content = (
        web_backend_list_connections_for_workspace.without_preload_content
    )

    @operation("/v1/web_backend/geographies/list", read_only=True)
    def web_backend_list_geographies(self, **options: Unpack[RequestOptions]) -> WebBackendGeographiesListResult:
        """Returns available geographies can be selected to run data syncs in a particular geography.

        The 'auto' entry indicates that the sync will be automatically assigned to a geography according to the
        platform default behavior. Entries other than 'auto' are two-letter country codes that follow the
        ISO 3166-1 alpha-2 standard.
        """

    web_backend_list_geographies_with_http_info = web_backend_list_geographies.with_http_info
    web_backend_list_geographies_without_preload_content = web_backend_list_geographies.without_preload_content

    @operation("/v1/web_backend/connections/update", errors=INVALID, read_only=False)
    def web_backend_update_connection(
        self, web_backend_connection_update: WebBackendConnectionUpdate, **options: Unpack[RequestOptions]
    ) -> WebBackendConnectionRead:
        """Update a connection: a patch, in which only the fields set on the body change.

        Operations without an id are created. A catalog in the body replaces the connection's whole catalog.
        """

    web_backend_update_connection_with_http_info = web_backend_update_connection.with_http_info
    web_backend_update_connection_without_preload_content = web_backend_update_connection.without_preload_content
