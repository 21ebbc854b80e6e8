"""Helpers the `LocalAirbyte` test modules share: a client for a server, the calls they make most, raw posts."""

from __future__ import annotations

import json
from contextlib import contextmanager
from typing import Any, Dict, Iterator, List, Optional
from uuid import UUID

import urllib3

import openapi_client
from openapi_client import WebBackendApi
from openapi_client.models.airbyte_catalog import AirbyteCatalog
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate
from openapi_client.testing import LocalAirbyte, airbyte_stream

LIST = "/v1/web_backend/connections/list"
GET = "/v1/web_backend/connections/get"
CREATE = "/v1/web_backend/connections/create"
UPDATE = "/v1/web_backend/connections/update"


@contextmanager
def client_for(local: LocalAirbyte, **settings: Any) -> Iterator[WebBackendApi]:
    configuration = openapi_client.Configuration(host=local.url, retries=0, **settings)
    with openapi_client.ApiClient(configuration) as client:
        yield WebBackendApi(client)


def listed(web: WebBackendApi, workspace_id: UUID, **filters: Any) -> List[Any]:
    body = WebBackendConnectionListRequestBody(workspace_id=workspace_id, **filters)
    return list(web.web_backend_list_connections_for_workspace(body).connections)


def get(web: WebBackendApi, connection_id: UUID, refreshed: bool = False) -> WebBackendConnectionRead:
    body = WebBackendConnectionRequestBody(connection_id=connection_id, with_refreshed_catalog=refreshed)
    return web.web_backend_get_connection(body)


def create(web: WebBackendApi, status: ConnectionStatus = ConnectionStatus.ACTIVE, **fields: Any) -> Any:
    return web.web_backend_create_connection(WebBackendConnectionCreate(status=status, **fields))


def update(web: WebBackendApi, connection_id: UUID, **fields: Any) -> WebBackendConnectionRead:
    return web.web_backend_update_connection(WebBackendConnectionUpdate(connection_id=connection_id, **fields))


def post_json(local: LocalAirbyte, path: str, document: Any, headers: Optional[Dict[str, str]] = None) -> Any:
    """A raw POST of `document` (JSON unless bytes), with a JSON content type unless told otherwise."""
    body = document if isinstance(document, bytes) else json.dumps(document).encode()
    sent = {"Content-Type": "application/json", **(headers or {})}
    return urllib3.request("POST", local.url + path, body=body, headers=sent, retries=False)


def orders_stream(**changes: Any) -> Any:
    """An incremental `orders` stream (cursor `updated_at`, key `id`); `fields=` adds or changes fields, `drop=`
    removes some, `primary_key=` changes the source-defined key."""
    fields: Dict[str, Any] = {"id": "integer", "total": "number", "note": "string", "updated_at": "timestamp"}
    fields.update(changes.pop("fields", {}))
    for name in changes.pop("drop", ()):
        del fields[name]
    return airbyte_stream("orders", fields, primary_key=changes.pop("primary_key", ["id"]), cursor="updated_at")


def customers_stream(**fields: Any) -> Any:
    """A full-refresh `customers` stream without a cursor, keyed by `id`."""
    return airbyte_stream("customers", {"id": "integer", "email": "string", **fields}, primary_key=["id"])


def shop(local: LocalAirbyte, *streams: Any, destination: Optional[UUID] = None) -> Dict[str, UUID]:
    """A source (whose discovery finds `streams`, by default `orders` and `customers`) and a destination."""
    source = local.add_source("Shop DB", list(streams) or [orders_stream(), customers_stream()])
    return {"source_id": source, "destination_id": destination or local.add_destination("Lake")}


def as_the_web_app_creates(local: LocalAirbyte, source_id: UUID, *unselected: str) -> Dict[str, Any]:
    """What the web app sends to create a connection: the source discovered, its catalog with every stream
    selected but `unselected`, and that catalog's id."""
    catalog_id = local.fetch_catalog(source_id)
    catalog = local.catalog(catalog_id)
    for entry in catalog["streams"]:
        entry["config"]["selected"] = entry["stream"]["name"] not in unselected
    return {"sync_catalog": AirbyteCatalog.model_validate(catalog), "source_catalog_id": catalog_id}


def streams_by_name(read: Any) -> Dict[str, Any]:
    return {entry.stream.name: entry for entry in read.sync_catalog.streams}
