"""Mistakes the type checkers must catch in code written against the client (`test/test_typing.py`): each line
marked `# error` must be reported, and no other. It is checked, not run."""

from __future__ import annotations

from uuid import UUID

from openapi_client import WebBackendApi
from openapi_client.models import ConnectionStatus, WebBackendConnectionRequestBody, WebBackendConnectionUpdate

CONNECTION = UUID("9b2e6a1c-0c8f-4d3a-8a57-2f1b7e3c4d5e")
api = WebBackendApi()

api.web_backend_list_geographies(_request_timeoutt=3)  # error
api.get_state_type()  # error
WebBackendConnectionUpdate(connection_id=CONNECTION, stauts=ConnectionStatus.INACTIVE)  # error
WebBackendConnectionUpdate(status=ConnectionStatus.INACTIVE)  # error
count: int = api.web_backend_check_updates()  # error
response = api.web_backend_get_connection_with_http_info(WebBackendConnectionRequestBody(connection_id=CONNECTION))
print(response.data.nmae)  # error
api.web_backend_update_connection(WebBackendConnectionUpdate(connection_id=CONNECTION), _host_index="0")  # error
api.iter_connections_for_workspace(WebBackendConnectionRequestBody(connection_id=CONNECTION))  # error
api.iter_connections_for_workspace({"workspaceId": str(CONNECTION)}, page_size="100")  # error
first: WebBackendConnectionRequestBody = next(api.iter_connections_for_workspace({}))  # error
