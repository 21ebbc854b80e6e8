"""The eight web_backend operations, each with its `_with_http_info` and `_without_preload_content` twins,
and `iter_connections_for_workspace`, which lists every connection of a workspace page by page.

Written by `scripts/generate_api.py` from `spec/webbackend.yaml` and the script's table of what the spec does not
say (which operations only read); do not edit it by hand, run the script. Every operation hands its call to
`ApiClient.invoke` with the operation's declaration below.
"""

from __future__ import annotations

from typing import Any, Dict, Iterator, Optional, Union

from openapi_client.api_client import ApiClient
from openapi_client.api_response import ApiResponse
from openapi_client.configuration import TimeoutValue
from openapi_client.connection_pages import iter_connections, warn_if_incomplete
from openapi_client.models.connection_id_request_body import ConnectionIdRequestBody
from openapi_client.models.connection_state_type import ConnectionStateType
from openapi_client.models.invalid_input_exception_info import InvalidInputExceptionInfo
from openapi_client.models.not_found_known_exception_info import NotFoundKnownExceptionInfo
from openapi_client.models.web_backend_check_updates_read import WebBackendCheckUpdatesRead
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.models.web_backend_connection_list_item import WebBackendConnectionListItem
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
from openapi_client.models.web_backend_connection_read_list import WebBackendConnectionReadList
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate
from openapi_client.models.web_backend_geographies_list_result import WebBackendGeographiesListResult
from openapi_client.models.web_backend_workspace_state import WebBackendWorkspaceState
from openapi_client.models.web_backend_workspace_state_result import WebBackendWorkspaceStateResult
from openapi_client.operations import OperationSpec
from openapi_client.rest import RESTResponseType

# Tried in turn on an error answer whose status declares no body (or whose body is another one).
ERROR_SCHEMAS = (
    InvalidInputExceptionInfo,
    NotFoundKnownExceptionInfo,
)

GET_STATE_TYPE = OperationSpec(
    name="get_state_type",
    path="/v1/web_backend/state/get_type",
    body_parameter="connection_id_request_body",
    body_required=True,
    request_type=ConnectionIdRequestBody,
    response_type=ConnectionStateType,
    error_types={404: NotFoundKnownExceptionInfo, 422: InvalidInputExceptionInfo},
    read_only=True,
    error_schemas=ERROR_SCHEMAS,
)
WEB_BACKEND_CHECK_UPDATES = OperationSpec(
    name="web_backend_check_updates",
    path="/v1/web_backend/check_updates",
    body_parameter=None,
    body_required=False,
    request_type=None,
    response_type=WebBackendCheckUpdatesRead,
    error_types={},
    read_only=True,
    error_schemas=ERROR_SCHEMAS,
)
WEB_BACKEND_CREATE_CONNECTION = OperationSpec(
    name="web_backend_create_connection",
    path="/v1/web_backend/connections/create",
    body_parameter="web_backend_connection_create",
    body_required=True,
    request_type=WebBackendConnectionCreate,
    response_type=WebBackendConnectionRead,
    error_types={422: InvalidInputExceptionInfo},
    read_only=False,
    error_schemas=ERROR_SCHEMAS,
)
WEB_BACKEND_GET_CONNECTION = OperationSpec(
    name="web_backend_get_connection",
    path="/v1/web_backend/connections/get",
    body_parameter="web_backend_connection_request_body",
    body_required=True,
    request_type=WebBackendConnectionRequestBody,
    response_type=WebBackendConnectionRead,
    error_types={404: NotFoundKnownExceptionInfo, 422: InvalidInputExceptionInfo},
    read_only=False,
    read_only_when=lambda body: not body.with_refreshed_catalog,
    error_schemas=ERROR_SCHEMAS,
)
WEB_BACKEND_GET_WORKSPACE_STATE = OperationSpec(
    name="web_backend_get_workspace_state",
    path="/v1/web_backend/workspace/state",
    body_parameter="web_backend_workspace_state",
    body_required=False,
    request_type=WebBackendWorkspaceState,
    response_type=WebBackendWorkspaceStateResult,
    error_types={404: NotFoundKnownExceptionInfo, 422: InvalidInputExceptionInfo},
    read_only=True,
    error_schemas=ERROR_SCHEMAS,
)
WEB_BACKEND_LIST_CONNECTIONS_FOR_WORKSPACE = OperationSpec(
    name="web_backend_list_connections_for_workspace",
    path="/v1/web_backend/connections/list",
    body_parameter="web_backend_connection_list_request_body",
    body_required=True,
    request_type=WebBackendConnectionListRequestBody,
    response_type=WebBackendConnectionReadList,
    error_types={404: NotFoundKnownExceptionInfo, 422: InvalidInputExceptionInfo},
    read_only=True,
    error_schemas=ERROR_SCHEMAS,
    check_answer=warn_if_incomplete,
)
WEB_BACKEND_LIST_GEOGRAPHIES = OperationSpec(
    name="web_backend_list_geographies",
    path="/v1/web_backend/geographies/list",
    body_parameter=None,
    body_required=False,
    request_type=None,
    response_type=WebBackendGeographiesListResult,
    error_types={},
    read_only=True,
    error_schemas=ERROR_SCHEMAS,
)
WEB_BACKEND_UPDATE_CONNECTION = OperationSpec(
    name="web_backend_update_connection",
    path="/v1/web_backend/connections/update",
    body_parameter="web_backend_connection_update",
    body_required=True,
    request_type=WebBackendConnectionUpdate,
    response_type=WebBackendConnectionRead,
    error_types={422: InvalidInputExceptionInfo},
    read_only=False,
    error_schemas=ERROR_SCHEMAS,
)

OPERATIONS = (
    GET_STATE_TYPE,
    WEB_BACKEND_CHECK_UPDATES,
    WEB_BACKEND_CREATE_CONNECTION,
    WEB_BACKEND_GET_CONNECTION,
    WEB_BACKEND_GET_WORKSPACE_STATE,
    WEB_BACKEND_LIST_CONNECTIONS_FOR_WORKSPACE,
    WEB_BACKEND_LIST_GEOGRAPHIES,
    WEB_BACKEND_UPDATE_CONNECTION,
)


class WebBackendApi:
    """Operations of the `web_backend` tag (every one a POST with a JSON body), and our
    `iter_connections_for_workspace`."""

    def __init__(self, api_client: Optional[ApiClient] = None) -> None:
        self.api_client = ApiClient.get_default() if api_client is None else api_client

    def get_state_type(
        self,
        connection_id_request_body: Union[ConnectionIdRequestBody, Dict[str, Any]],
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> ConnectionStateType:
        """Fetch the current state type for a connection.

        :param connection_id_request_body: the request body: a ConnectionIdRequestBody, or a dict of its fields
            (required)
        :type connection_id_request_body: ConnectionIdRequestBody
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: the parsed ConnectionStateType.
        :rtype: ConnectionStateType
        :raises NotFoundException: on a 404 answer; its `data` is the NotFoundKnownExceptionInfo.
        :raises UnprocessableEntityException: on a 422 answer; its `data` is the InvalidInputExceptionInfo.
        :raises ApiException: on any other error status (`ServiceException` for 5xx).
        """
        return self.api_client.invoke(
            GET_STATE_TYPE,
            connection_id_request_body,
            "data",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def get_state_type_with_http_info(
        self,
        connection_id_request_body: Union[ConnectionIdRequestBody, Dict[str, Any]],
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> ApiResponse[ConnectionStateType]:
        """Fetch the current state type for a connection.

        :param connection_id_request_body: the request body: a ConnectionIdRequestBody, or a dict of its fields
            (required)
        :type connection_id_request_body: ConnectionIdRequestBody
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: an ApiResponse: the status, the headers, the parsed ConnectionStateType as `data` and the
            body's bytes.
        :rtype: ApiResponse[ConnectionStateType]
        :raises NotFoundException: on a 404 answer; its `data` is the NotFoundKnownExceptionInfo.
        :raises UnprocessableEntityException: on a 422 answer; its `data` is the InvalidInputExceptionInfo.
        :raises ApiException: on any other error status (`ServiceException` for 5xx).
        """
        return self.api_client.invoke(
            GET_STATE_TYPE,
            connection_id_request_body,
            "http_info",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def get_state_type_without_preload_content(
        self,
        connection_id_request_body: Union[ConnectionIdRequestBody, Dict[str, Any]],
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> RESTResponseType:
        """Fetch the current state type for a connection.

        :param connection_id_request_body: the request body: a ConnectionIdRequestBody, or a dict of its fields
            (required)
        :type connection_id_request_body: ConnectionIdRequestBody
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: the urllib3 response, its body unread and its status not checked; read it or release its
            connection.
        :rtype: urllib3.HTTPResponse
        """
        return self.api_client.invoke(
            GET_STATE_TYPE,
            connection_id_request_body,
            "raw",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_check_updates(
        self,
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> WebBackendCheckUpdatesRead:
        """Returns a summary of source and destination definitions that could be updated.

        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: the parsed WebBackendCheckUpdatesRead.
        :rtype: WebBackendCheckUpdatesRead
        :raises ApiException: on an error status (`ServiceException` for 5xx).
        """
        return self.api_client.invoke(
            WEB_BACKEND_CHECK_UPDATES,
            None,
            "data",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_check_updates_with_http_info(
        self,
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> ApiResponse[WebBackendCheckUpdatesRead]:
        """Returns a summary of source and destination definitions that could be updated.

        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: an ApiResponse: the status, the headers, the parsed WebBackendCheckUpdatesRead as `data` and
            the body's bytes.
        :rtype: ApiResponse[WebBackendCheckUpdatesRead]
        :raises ApiException: on an error status (`ServiceException` for 5xx).
        """
        return self.api_client.invoke(
            WEB_BACKEND_CHECK_UPDATES,
            None,
            "http_info",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_check_updates_without_preload_content(
        self,
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> RESTResponseType:
        """Returns a summary of source and destination definitions that could be updated.

        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: the urllib3 response, its body unread and its status not checked; read it or release its
            connection.
        :rtype: urllib3.HTTPResponse
        """
        return self.api_client.invoke(
            WEB_BACKEND_CHECK_UPDATES,
            None,
            "raw",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_create_connection(
        self,
        web_backend_connection_create: Union[WebBackendConnectionCreate, Dict[str, Any]],
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> WebBackendConnectionRead:
        """Create a connection

        :param web_backend_connection_create: the request body: a WebBackendConnectionCreate, or a dict of its
            fields (required)
        :type web_backend_connection_create: WebBackendConnectionCreate
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: the parsed WebBackendConnectionRead.
        :rtype: WebBackendConnectionRead
        :raises UnprocessableEntityException: on a 422 answer; its `data` is the InvalidInputExceptionInfo.
        :raises ApiException: on any other error status (`ServiceException` for 5xx).
        """
        return self.api_client.invoke(
            WEB_BACKEND_CREATE_CONNECTION,
            web_backend_connection_create,
            "data",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_create_connection_with_http_info(
        self,
        web_backend_connection_create: Union[WebBackendConnectionCreate, Dict[str, Any]],
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> ApiResponse[WebBackendConnectionRead]:
        """Create a connection

        :param web_backend_connection_create: the request body: a WebBackendConnectionCreate, or a dict of its
            fields (required)
        :type web_backend_connection_create: WebBackendConnectionCreate
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: an ApiResponse: the status, the headers, the parsed WebBackendConnectionRead as `data` and the
            body's bytes.
        :rtype: ApiResponse[WebBackendConnectionRead]
        :raises UnprocessableEntityException: on a 422 answer; its `data` is the InvalidInputExceptionInfo.
        :raises ApiException: on any other error status (`ServiceException` for 5xx).
        """
        return self.api_client.invoke(
            WEB_BACKEND_CREATE_CONNECTION,
            web_backend_connection_create,
            "http_info",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_create_connection_without_preload_content(
        self,
        web_backend_connection_create: Union[WebBackendConnectionCreate, Dict[str, Any]],
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> RESTResponseType:
        """Create a connection

        :param web_backend_connection_create: the request body: a WebBackendConnectionCreate, or a dict of its
            fields (required)
        :type web_backend_connection_create: WebBackendConnectionCreate
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: the urllib3 response, its body unread and its status not checked; read it or release its
            connection.
        :rtype: urllib3.HTTPResponse
        """
        return self.api_client.invoke(
            WEB_BACKEND_CREATE_CONNECTION,
            web_backend_connection_create,
            "raw",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_get_connection(
        self,
        web_backend_connection_request_body: Union[WebBackendConnectionRequestBody, Dict[str, Any]],
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> WebBackendConnectionRead:
        """Get a connection

        With `with_refreshed_catalog=True` the server discovers the source's schema first (and stores it), which
        can take minutes: give such a call a longer read timeout with `_request_timeout`.

        :param web_backend_connection_request_body: the request body: a WebBackendConnectionRequestBody, or a
            dict of its fields (required)
        :type web_backend_connection_request_body: WebBackendConnectionRequestBody
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: the parsed WebBackendConnectionRead.
        :rtype: WebBackendConnectionRead
        :raises NotFoundException: on a 404 answer; its `data` is the NotFoundKnownExceptionInfo.
        :raises UnprocessableEntityException: on a 422 answer; its `data` is the InvalidInputExceptionInfo.
        :raises ApiException: on any other error status (`ServiceException` for 5xx).
        """
        return self.api_client.invoke(
            WEB_BACKEND_GET_CONNECTION,
            web_backend_connection_request_body,
            "data",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_get_connection_with_http_info(
        self,
        web_backend_connection_request_body: Union[WebBackendConnectionRequestBody, Dict[str, Any]],
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> ApiResponse[WebBackendConnectionRead]:
        """Get a connection

        With `with_refreshed_catalog=True` the server discovers the source's schema first (and stores it), which
        can take minutes: give such a call a longer read timeout with `_request_timeout`.

        :param web_backend_connection_request_body: the request body: a WebBackendConnectionRequestBody, or a
            dict of its fields (required)
        :type web_backend_connection_request_body: WebBackendConnectionRequestBody
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: an ApiResponse: the status, the headers, the parsed WebBackendConnectionRead as `data` and the
            body's bytes.
        :rtype: ApiResponse[WebBackendConnectionRead]
        :raises NotFoundException: on a 404 answer; its `data` is the NotFoundKnownExceptionInfo.
        :raises UnprocessableEntityException: on a 422 answer; its `data` is the InvalidInputExceptionInfo.
        :raises ApiException: on any other error status (`ServiceException` for 5xx).
        """
        return self.api_client.invoke(
            WEB_BACKEND_GET_CONNECTION,
            web_backend_connection_request_body,
            "http_info",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_get_connection_without_preload_content(
        self,
        web_backend_connection_request_body: Union[WebBackendConnectionRequestBody, Dict[str, Any]],
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> RESTResponseType:
        """Get a connection

        With `with_refreshed_catalog=True` the server discovers the source's schema first (and stores it), which
        can take minutes: give such a call a longer read timeout with `_request_timeout`.

        :param web_backend_connection_request_body: the request body: a WebBackendConnectionRequestBody, or a
            dict of its fields (required)
        :type web_backend_connection_request_body: WebBackendConnectionRequestBody
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: the urllib3 response, its body unread and its status not checked; read it or release its
            connection.
        :rtype: urllib3.HTTPResponse
        """
        return self.api_client.invoke(
            WEB_BACKEND_GET_CONNECTION,
            web_backend_connection_request_body,
            "raw",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_get_workspace_state(
        self,
        web_backend_workspace_state: Optional[Union[WebBackendWorkspaceState, Dict[str, Any]]] = None,
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> WebBackendWorkspaceStateResult:
        """Returns the current state of a workspace

        :param web_backend_workspace_state: the request body: a WebBackendWorkspaceState, or a dict of its
            fields (optional)
        :type web_backend_workspace_state: WebBackendWorkspaceState
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: the parsed WebBackendWorkspaceStateResult.
        :rtype: WebBackendWorkspaceStateResult
        :raises NotFoundException: on a 404 answer; its `data` is the NotFoundKnownExceptionInfo.
        :raises UnprocessableEntityException: on a 422 answer; its `data` is the InvalidInputExceptionInfo.
        :raises ApiException: on any other error status (`ServiceException` for 5xx).
        """
        return self.api_client.invoke(
            WEB_BACKEND_GET_WORKSPACE_STATE,
            web_backend_workspace_state,
            "data",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_get_workspace_state_with_http_info(
        self,
        web_backend_workspace_state: Optional[Union[WebBackendWorkspaceState, Dict[str, Any]]] = None,
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> ApiResponse[WebBackendWorkspaceStateResult]:
        """Returns the current state of a workspace

        :param web_backend_workspace_state: the request body: a WebBackendWorkspaceState, or a dict of its
            fields (optional)
        :type web_backend_workspace_state: WebBackendWorkspaceState
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: an ApiResponse: the status, the headers, the parsed WebBackendWorkspaceStateResult as `data`
            and the body's bytes.
        :rtype: ApiResponse[WebBackendWorkspaceStateResult]
        :raises NotFoundException: on a 404 answer; its `data` is the NotFoundKnownExceptionInfo.
        :raises UnprocessableEntityException: on a 422 answer; its `data` is the InvalidInputExceptionInfo.
        :raises ApiException: on any other error status (`ServiceException` for 5xx).
        """
        return self.api_client.invoke(
            WEB_BACKEND_GET_WORKSPACE_STATE,
            web_backend_workspace_state,
            "http_info",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_get_workspace_state_without_preload_content(
        self,
        web_backend_workspace_state: Optional[Union[WebBackendWorkspaceState, Dict[str, Any]]] = None,
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> RESTResponseType:
        """Returns the current state of a workspace

        :param web_backend_workspace_state: the request body: a WebBackendWorkspaceState, or a dict of its
            fields (optional)
        :type web_backend_workspace_state: WebBackendWorkspaceState
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: the urllib3 response, its body unread and its status not checked; read it or release its
            connection.
        :rtype: urllib3.HTTPResponse
        """
        return self.api_client.invoke(
            WEB_BACKEND_GET_WORKSPACE_STATE,
            web_backend_workspace_state,
            "raw",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_list_connections_for_workspace(
        self,
        web_backend_connection_list_request_body: Union[WebBackendConnectionListRequestBody, Dict[str, Any]],
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> WebBackendConnectionReadList:
        """Returns all non-deleted connections for a workspace.

        A server since 2025-07 answers one page (20 connections unless the body asks for more); the call and its
        `_with_http_info` twin then warn (`IncompleteListWarning`) when the answer says that more match.
        `iter_connections_for_workspace` lists every connection, on every server.

        :param web_backend_connection_list_request_body: the request body: a
            WebBackendConnectionListRequestBody, or a dict of its fields (required)
        :type web_backend_connection_list_request_body: WebBackendConnectionListRequestBody
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: the parsed WebBackendConnectionReadList.
        :rtype: WebBackendConnectionReadList
        :raises NotFoundException: on a 404 answer; its `data` is the NotFoundKnownExceptionInfo.
        :raises UnprocessableEntityException: on a 422 answer; its `data` is the InvalidInputExceptionInfo.
        :raises ApiException: on any other error status (`ServiceException` for 5xx).
        """
        return self.api_client.invoke(
            WEB_BACKEND_LIST_CONNECTIONS_FOR_WORKSPACE,
            web_backend_connection_list_request_body,
            "data",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_list_connections_for_workspace_with_http_info(
        self,
        web_backend_connection_list_request_body: Union[WebBackendConnectionListRequestBody, Dict[str, Any]],
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> ApiResponse[WebBackendConnectionReadList]:
        """Returns all non-deleted connections for a workspace.

        A server since 2025-07 answers one page (20 connections unless the body asks for more); the call and its
        `_with_http_info` twin then warn (`IncompleteListWarning`) when the answer says that more match.
        `iter_connections_for_workspace` lists every connection, on every server.

        :param web_backend_connection_list_request_body: the request body: a
            WebBackendConnectionListRequestBody, or a dict of its fields (required)
        :type web_backend_connection_list_request_body: WebBackendConnectionListRequestBody
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: an ApiResponse: the status, the headers, the parsed WebBackendConnectionReadList as `data` and
            the body's bytes.
        :rtype: ApiResponse[WebBackendConnectionReadList]
        :raises NotFoundException: on a 404 answer; its `data` is the NotFoundKnownExceptionInfo.
        :raises UnprocessableEntityException: on a 422 answer; its `data` is the InvalidInputExceptionInfo.
        :raises ApiException: on any other error status (`ServiceException` for 5xx).
        """
        return self.api_client.invoke(
            WEB_BACKEND_LIST_CONNECTIONS_FOR_WORKSPACE,
            web_backend_connection_list_request_body,
            "http_info",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_list_connections_for_workspace_without_preload_content(
        self,
        web_backend_connection_list_request_body: Union[WebBackendConnectionListRequestBody, Dict[str, Any]],
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> RESTResponseType:
        """Returns all non-deleted connections for a workspace.

        A server since 2025-07 answers one page (20 connections unless the body asks for more); the call and its
        `_with_http_info` twin then warn (`IncompleteListWarning`) when the answer says that more match.
        `iter_connections_for_workspace` lists every connection, on every server.

        :param web_backend_connection_list_request_body: the request body: a
            WebBackendConnectionListRequestBody, or a dict of its fields (required)
        :type web_backend_connection_list_request_body: WebBackendConnectionListRequestBody
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: the urllib3 response, its body unread and its status not checked; read it or release its
            connection.
        :rtype: urllib3.HTTPResponse
        """
        return self.api_client.invoke(
            WEB_BACKEND_LIST_CONNECTIONS_FOR_WORKSPACE,
            web_backend_connection_list_request_body,
            "raw",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def iter_connections_for_workspace(
        self,
        body: Union[WebBackendConnectionListRequestBody, Dict[str, Any]],
        page_size: int = 100,
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> Iterator[WebBackendConnectionListItem]:
        """Every connection of the workspace, each once, in the order the server lists them.

        A server since 2025-07 answers `web_backend_list_connections_for_workspace` with one page: this asks for
        pages of `page_size` connections, each after the last connection of the page before (`cursor`), with the
        body's `source_id`/`destination_id` filters and any fields added with `with_extra_fields` (`sortKey`,
        `filters`) on every page, until a page is short or empty. Older servers answer every connection at once:
        those from 2023 until 2025-07 ignore `cursor` and `pageSize` (one call), Jersey servers of 2022 refuse
        them (a 422, then one call without them). Each page is one call with this call's options, retried as a
        read. The body and `page_size` are checked now; the calls are made as the connections are taken.

        :param body: the request body: a WebBackendConnectionListRequestBody, or a dict of its fields
        :type body: WebBackendConnectionListRequestBody
        :param page_size: connections per page (1 or more); a server may answer fewer.
        :type page_size: int, optional
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: the connections, as the pages come.
        :rtype: Iterator[WebBackendConnectionListItem]
        :raises PagingError: when a full page brings only connections already listed (the server does not page
            by `cursor`), after the connections listed before it.
        :raises ApiException: as `web_backend_list_connections_for_workspace` raises it.
        """
        return iter_connections(
            self.api_client,
            WEB_BACKEND_LIST_CONNECTIONS_FOR_WORKSPACE,
            body,
            page_size,
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_list_geographies(
        self,
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> WebBackendGeographiesListResult:
        """Returns available geographies can be selected to run data syncs in a particular geography. The 'auto'
        entry indicates that the sync will be automatically assigned to a geography according to the platform
        default behavior. Entries other than 'auto' are two-letter country codes that follow the ISO 3166-1
        alpha-2 standard.

        Returns all available geographies in which a data sync can run.

        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: the parsed WebBackendGeographiesListResult.
        :rtype: WebBackendGeographiesListResult
        :raises ApiException: on an error status (`ServiceException` for 5xx).
        """
        return self.api_client.invoke(
            WEB_BACKEND_LIST_GEOGRAPHIES,
            None,
            "data",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_list_geographies_with_http_info(
        self,
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> ApiResponse[WebBackendGeographiesListResult]:
        """Returns available geographies can be selected to run data syncs in a particular geography. The 'auto'
        entry indicates that the sync will be automatically assigned to a geography according to the platform
        default behavior. Entries other than 'auto' are two-letter country codes that follow the ISO 3166-1
        alpha-2 standard.

        Returns all available geographies in which a data sync can run.

        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: an ApiResponse: the status, the headers, the parsed WebBackendGeographiesListResult as `data`
            and the body's bytes.
        :rtype: ApiResponse[WebBackendGeographiesListResult]
        :raises ApiException: on an error status (`ServiceException` for 5xx).
        """
        return self.api_client.invoke(
            WEB_BACKEND_LIST_GEOGRAPHIES,
            None,
            "http_info",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_list_geographies_without_preload_content(
        self,
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> RESTResponseType:
        """Returns available geographies can be selected to run data syncs in a particular geography. The 'auto'
        entry indicates that the sync will be automatically assigned to a geography according to the platform
        default behavior. Entries other than 'auto' are two-letter country codes that follow the ISO 3166-1
        alpha-2 standard.

        Returns all available geographies in which a data sync can run.

        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: the urllib3 response, its body unread and its status not checked; read it or release its
            connection.
        :rtype: urllib3.HTTPResponse
        """
        return self.api_client.invoke(
            WEB_BACKEND_LIST_GEOGRAPHIES,
            None,
            "raw",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_update_connection(
        self,
        web_backend_connection_update: Union[WebBackendConnectionUpdate, Dict[str, Any]],
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> WebBackendConnectionRead:
        """Update a connection

        Apply a patch-style update to a connection. Only fields present on the update request body will be
        updated. Any operations that lack an ID will be created. Then, the newly created operationId will be
        applied to the connection along with the rest of the operationIds in the request body. Apply a
        patch-style update to a connection. Only fields present on the update request body will be updated. Note
        that if a catalog is present in the request body, the connection's entire catalog will be replaced with
        the catalog from the request. This means that to modify a single stream, the entire new catalog
        containing the updated stream needs to be sent.

        Only the fields set on the body are sent, so only they change.

        :param web_backend_connection_update: the request body: a WebBackendConnectionUpdate, or a dict of its
            fields (required)
        :type web_backend_connection_update: WebBackendConnectionUpdate
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: the parsed WebBackendConnectionRead.
        :rtype: WebBackendConnectionRead
        :raises UnprocessableEntityException: on a 422 answer; its `data` is the InvalidInputExceptionInfo.
        :raises ApiException: on any other error status (`ServiceException` for 5xx).
        """
        return self.api_client.invoke(
            WEB_BACKEND_UPDATE_CONNECTION,
            web_backend_connection_update,
            "data",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_update_connection_with_http_info(
        self,
        web_backend_connection_update: Union[WebBackendConnectionUpdate, Dict[str, Any]],
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> ApiResponse[WebBackendConnectionRead]:
        """Update a connection

        Apply a patch-style update to a connection. Only fields present on the update request body will be
        updated. Any operations that lack an ID will be created. Then, the newly created operationId will be
        applied to the connection along with the rest of the operationIds in the request body. Apply a
        patch-style update to a connection. Only fields present on the update request body will be updated. Note
        that if a catalog is present in the request body, the connection's entire catalog will be replaced with
        the catalog from the request. This means that to modify a single stream, the entire new catalog
        containing the updated stream needs to be sent.

        Only the fields set on the body are sent, so only they change.

        :param web_backend_connection_update: the request body: a WebBackendConnectionUpdate, or a dict of its
            fields (required)
        :type web_backend_connection_update: WebBackendConnectionUpdate
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: an ApiResponse: the status, the headers, the parsed WebBackendConnectionRead as `data` and the
            body's bytes.
        :rtype: ApiResponse[WebBackendConnectionRead]
        :raises UnprocessableEntityException: on a 422 answer; its `data` is the InvalidInputExceptionInfo.
        :raises ApiException: on any other error status (`ServiceException` for 5xx).
        """
        return self.api_client.invoke(
            WEB_BACKEND_UPDATE_CONNECTION,
            web_backend_connection_update,
            "http_info",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )

    def web_backend_update_connection_without_preload_content(
        self,
        web_backend_connection_update: Union[WebBackendConnectionUpdate, Dict[str, Any]],
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: int = 0,
    ) -> RESTResponseType:
        """Update a connection

        Apply a patch-style update to a connection. Only fields present on the update request body will be
        updated. Any operations that lack an ID will be created. Then, the newly created operationId will be
        applied to the connection along with the rest of the operationIds in the request body. Apply a
        patch-style update to a connection. Only fields present on the update request body will be updated. Note
        that if a catalog is present in the request body, the connection's entire catalog will be replaced with
        the catalog from the request. This means that to modify a single stream, the entire new catalog
        containing the updated stream needs to be sent.

        Only the fields set on the body are sent, so only they change.

        :param web_backend_connection_update: the request body: a WebBackendConnectionUpdate, or a dict of its
            fields (required)
        :type web_backend_connection_update: WebBackendConnectionUpdate
        :param _request_timeout: seconds for the whole call, its retries included, or a (connect, read) pair of
            seconds (each attempt connects within `connect` and is answered within `read`); without it,
            `Configuration.timeout` applies.
        :type _request_timeout: float, tuple(float, float) or urllib3.Timeout, optional
        :param _request_auth: credentials for this call only, in place of the configured ones: a dict with the
            keys `in` (`header`, `cookie` or `query`), `type`, `key` (the header's, cookie's or query
            parameter's name) and `value`.
        :type _request_auth: dict, optional
        :param _content_type: the `Content-Type` of the body, which must be a JSON type (default
            `application/json`).
        :type _content_type: str, optional
        :param _headers: more headers for this call.
        :type _headers: dict, optional
        :param _host_index: which of the operation's servers to call; it declares none of its own, so 0,
            `Configuration.host`, is the only one.
        :type _host_index: int, optional
        :return: the urllib3 response, its body unread and its status not checked; read it or release its
            connection.
        :rtype: urllib3.HTTPResponse
        """
        return self.api_client.invoke(
            WEB_BACKEND_UPDATE_CONNECTION,
            web_backend_connection_update,
            "raw",
            _request_timeout=_request_timeout,
            _request_auth=_request_auth,
            _content_type=_content_type,
            _headers=_headers,
            _host_index=_host_index,
        )
