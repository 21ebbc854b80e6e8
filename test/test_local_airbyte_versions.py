"""`LocalAirbyte(server_version=...)`: the Airbyte servers of 2022-12 and 2025-07, over real sockets.

2025-07 follows airbyte-platform #16836 and #17021 (`WebBackendConnectionsHandler.
webBackendListConnectionsForWorkspace`, `ConnectionServiceJooqImpl.buildCursorPagination`, `buildOrderByClause`,
`buildCursorCondition`, `buildConnectionFilterConditions`) and #16394 (no geographies); 2022-12 follows
`d95c06d357` (`config.yaml` of then, the Jersey `ServerApp` and its `errors/*Mapper`s).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from typing import Any, Dict, Iterator, List, Optional
from uuid import UUID

import pytest
import urllib3
from local_airbyte_helpers import (
    CREATE,
    GET,
    LIST,
    as_the_web_app_creates,
    client_for,
    create,
    customers_stream,
    orders_stream,
    post_json,
    shop,
)

from openapi_client import IncompleteListWarning, NotFoundException
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.job_status import JobStatus
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.testing import JobKind, LocalAirbyte

UNKNOWN = UUID("00000000-0000-4000-8000-000000000000")
GEOGRAPHIES = "/v1/web_backend/geographies/list"


@pytest.fixture(scope="module")
def paginating() -> Iterator[LocalAirbyte]:
    """A 2025-07 server with 300 connections, named so that sorting by lower-cased name matters."""
    with LocalAirbyte(seed=False, server_version="2025-07") as local, client_for(local) as web:
        ids = shop(local)
        for n in range(300):
            name = f"{'Sync' if n % 3 else 'sync'} {n % 100:03d}"
            status = ConnectionStatus.ACTIVE if n % 2 else ConnectionStatus.INACTIVE
            create(web, status, name=name, **ids)
        yield local


def page(local: LocalAirbyte, **request: Any) -> Dict[str, Any]:
    response = post_json(local, LIST, {"workspaceId": str(local.workspace_id), **request})
    assert response.status == 200, response.data
    document: Dict[str, Any] = json.loads(response.data)
    return document


def server_order(local: LocalAirbyte) -> List[str]:
    """Every non-deleted connection id, sorted as the server sorts by name: lower-cased name, then id."""
    connections = [c for c in local.connections.values() if not c.deleted]
    return [str(c.connection_id) for c in sorted(connections, key=lambda c: (c.name.lower(), str(c.connection_id)))]


# -- 2025-07: a paginated list -----------------------------------------------------------------------------------


def test_the_2025_list_answers_20_of_300_through_the_client(paginating: LocalAirbyte) -> None:
    with client_for(paginating) as web, pytest.warns(IncompleteListWarning, match="20 of the 300"):
        body = web.web_backend_list_connections_for_workspace(
            WebBackendConnectionListRequestBody(workspace_id=paginating.workspace_id)
        )
    assert len(body.connections) == 20
    assert (body.model_extra or {})["page_size"] == 20 and body.model_extra["num_connections"] == 300
    assert [str(c.connection_id) for c in body.connections] == server_order(paginating)[:20]


def test_the_2025_list_pages_by_cursor_through_every_connection_once(paginating: LocalAirbyte) -> None:
    seen: List[str] = []
    cursor: Optional[str] = None
    for _ in range(100):
        document = page(paginating, **({"cursor": cursor} if cursor else {}), pageSize=45)
        ids = [item["connectionId"] for item in document["connections"]]
        assert (document["page_size"], document["num_connections"]) == (45, 300)
        seen += ids
        if len(ids) < document["page_size"]:
            break
        cursor = ids[-1]
    assert seen == server_order(paginating) and len(set(seen)) == 300


def test_the_2025_list_sorts_filters_and_checks_its_cursor(paginating: LocalAirbyte) -> None:
    descending = page(paginating, sortKey="connectionName_desc", pageSize=300)["connections"]
    assert [item["connectionId"] for item in descending] == server_order(paginating)[::-1]
    found = page(paginating, filters={"searchTerm": "SYNC 007", "states": ["active"]}, pageSize=300)
    expected = [
        c for c in paginating.connections.values() if c.name.lower() == "sync 007" and c.status.value == "active"
    ]
    assert found["num_connections"] == len(found["connections"]) == len(expected) > 0
    assert {item["name"] for item in found["connections"]} == {c.name for c in expected}
    assert page(paginating, filters={"tagIds": [str(UNKNOWN)]})["connections"] == []
    missing = post_json(paginating, LIST, {"workspaceId": str(paginating.workspace_id), "cursor": str(UNKNOWN)})
    assert missing.status == 404
    assert (
        json.loads(missing.data)["message"]
        == f"Internal Server Error: Could not find configuration for Connection: {UNKNOWN}."
    )
    assert post_json(paginating, LIST, {"workspaceId": str(paginating.workspace_id), "pageSize": -1}).status == 409
    assert post_json(paginating, LIST, {"workspaceId": str(paginating.workspace_id), "sortKey": "name"}).status == 400
    paused = post_json(
        paginating, LIST, {"workspaceId": str(paginating.workspace_id), "filters": {"statuses": ["paused"]}}
    )
    assert paused.status == 500
    assert page(paginating, pageSize=0)["connections"] == []


def test_the_2025_list_reads_only_the_newest_sync_job() -> None:
    with LocalAirbyte(seed=False, server_version="2025-07") as local, client_for(local) as web:
        ids = shop(local)
        connection = create(web, **ids, **as_the_web_app_creates(local, ids["source_id"]))
        local.record_sync(connection.connection_id, JobStatus.SUCCEEDED, at=100)
        local.start_job(connection.connection_id, JobKind.REFRESH, at=200)
        [item] = page(local)["connections"]
        assert (item["isSyncing"], item["latestSyncJobStatus"], item["latestSyncJobCreatedAt"]) == (
            False,
            "succeeded",
            100,
        )
        read = web.web_backend_get_connection(WebBackendConnectionRequestBody(connection_id=connection.connection_id))
        assert read.is_syncing is True  # the get counts refreshes, as in 2024
        running = page(local, filters={"statuses": ["running"]})["connections"]
        local.start_sync(connection.connection_id, at=300)
        assert running == [] and page(local, filters={"statuses": ["running"]})["connections"][0]["isSyncing"] is True


def test_the_2025_server_has_no_geographies_and_reshaped_answers() -> None:
    with LocalAirbyte(server_version="2025-07") as local, client_for(local) as web:
        response = post_json(local, GEOGRAPHIES, b"")
        assert (response.status, response.data) == (404, b"Object not found.")
        with pytest.raises(NotFoundException):
            web.web_backend_list_geographies()
        connection_id = local.connection_named("Postgres to BigQuery")
        read = json.loads(post_json(local, GET, {"connectionId": str(connection_id)}).data)
        assert "geography" not in read and read["tags"] == []
        assert isinstance(read["source"]["createdAt"], int) and isinstance(read["destination"]["createdAt"], int)
        assert read["sourceActorDefinitionVersion"]["supportsDataActivation"] is False
        item = page(local)["connections"][0]
        assert item["tags"] == [] and item["destinationActorDefinitionVersion"]["supportsDataActivation"] is False
        # The client takes the newer answers, keeping what it does not know.
        read_by_client = web.web_backend_get_connection(WebBackendConnectionRequestBody(connection_id=connection_id))
        assert (read_by_client.model_extra or {})["tags"] == []
        refused = post_json(local, CREATE, {"sourceId": str(UNKNOWN), "destinationId": str(UNKNOWN), "status": "active",
                                            "sourceCatalogId": str(UNKNOWN)})  # fmt: skip
        assert refused.status == 404  # the source is looked up first


# -- 2022-12: older answers, stricter requests -----------------------------------------------------------------


@pytest.fixture(scope="module")
def old() -> Iterator[LocalAirbyte]:
    with LocalAirbyte(server_version="2022-12") as local:
        yield local


def test_2022_answers_lack_what_later_versions_added(old: LocalAirbyte) -> None:
    connection_id = old.connection_named("Stripe to Snowflake")
    response = post_json(old, GET, {"connectionId": str(connection_id), "withRefreshedCatalog": True})
    read = json.loads(response.data)
    for missing in ("sourceActorDefinitionVersion", "destinationActorDefinitionVersion", "notifySchemaChangesByEmail",
                    "createdAt", "backfillPreference"):  # fmt: skip
        assert missing not in read, missing
    assert {"status", "supportState", "isVersionOverrideApplied"}.isdisjoint(read["source"])
    stream = read["syncCatalog"]["streams"][0]
    assert "isResumable" not in stream["stream"] and {"suggested", "mappers", "hashedFields"}.isdisjoint(
        stream["config"]
    )
    # A diff's `updateStream` was the list of field transforms.
    [charges] = [t for t in read["catalogDiff"]["transforms"] if t["streamDescriptor"]["name"] == "charges"]
    assert isinstance(charges["updateStream"], list) and charges["updateStream"][0]["transformType"] == "add_field"


def test_2022_list_items_carry_full_reads_and_no_non_breaking_changes(old: LocalAirbyte) -> None:
    items = {item["name"]: item for item in page(old)["connections"]}
    stripe = items["Stripe to Snowflake"]
    assert stripe["sourceId"] == stripe["source"]["sourceId"] and "connectionConfiguration" in stripe["source"]
    assert "sourceActorDefinitionVersion" not in stripe
    # The 2022 list never looked at the sources' discoveries; the get does.
    assert stripe["schemaChange"] == "no_change"
    read = json.loads(post_json(old, GET, {"connectionId": stripe["connectionId"]}).data)
    assert read["schemaChange"] == "non_breaking"


def test_2022_jersey_refuses_what_it_does_not_know(old: LocalAirbyte) -> None:
    filtered = post_json(old, LIST, {"workspaceId": str(old.workspace_id), "sourceId": [str(UNKNOWN)]})
    body = json.loads(filtered.data)
    assert filtered.status == 422
    assert body["exceptionClassName"] == "com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException"
    unrecognized = 'Unrecognized field "sourceId" (class io.airbyte.api.model.generated.WorkspaceIdRequestBody)'
    assert body["message"].startswith(f"Invalid json input. {unrecognized}")
    ids = {"sourceId": str(UNKNOWN), "destinationId": str(UNKNOWN), "status": "active"}
    assert post_json(old, CREATE, {**ids, "notifySchemaChanges": True}).status == 422
    assert post_json(old, CREATE, {**ids, "nonBreakingChangesPreference": "propagate_fully"}).status == 422
    assert post_json(old, GET, b"{").status == 422
    missing = post_json(old, GET, {"connectionId": str(UNKNOWN)})
    assert missing.status == 404
    assert json.loads(missing.data)["message"] == f"Could not find configuration for STANDARD_SYNC: {UNKNOWN}."


def test_2022_round_trips_what_it_knows(old: LocalAirbyte) -> None:
    ids = shop(old, orders_stream(), customers_stream())
    catalog = json.loads(old.source_catalog(ids["source_id"]).to_json())
    for entry in catalog["streams"]:
        entry["stream"].pop("isResumable", None)
        entry["config"].pop("suggested", None)
    document = {"sourceId": str(ids["source_id"]), "destinationId": str(ids["destination_id"]), "status": "inactive",
                "syncCatalog": catalog}  # fmt: skip
    created = post_json(old, CREATE, document)
    assert created.status == 200, created.data
    read = json.loads(created.data)
    patch = {"connectionId": read["connectionId"], "name": "renamed", "syncCatalog": read["syncCatalog"]}
    again = post_json(old, "/v1/web_backend/connections/update", patch)
    assert again.status == 200, again.data
    assert json.loads(again.data)["name"] == "renamed"


# -- python -m openapi_client.testing --server-version ------------------------------------------------------------


def test_the_command_serves_the_version_it_is_asked_for() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "openapi_client.testing", "--port", "0", "--quiet", "--server-version", "2025-07",
         "--edition", "cloud"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        url = process.stdout.readline().split()[-1]
        workspace = process.stdout.readline().split()[-1]
        assert process.stdout.readline().strip() == "Answering as Airbyte CLOUD 2025-07"
        response = urllib3.request("POST", url + LIST, json={"workspaceId": workspace}, retries=False, timeout=10)
        assert json.loads(response.data)["page_size"] == 20
        assert urllib3.request("POST", url + GEOGRAPHIES, retries=False, timeout=10).status == 404
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=20)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def test_2022_errors_are_the_jersey_mappers(old: LocalAirbyte) -> None:
    no_body = json.loads(post_json(old, "/v1/web_backend/workspace/state", b"").data)
    assert no_body["exceptionClassName"] == "javax.validation.ConstraintViolationException"
    assert no_body["validationErrors"][0]["propertyPath"] == "webBackendGetWorkspaceState.webBackendWorkspaceState"
    ids = shop(old, orders_stream())
    catalog = json.loads(old.source_catalog(ids["source_id"]).to_json())
    document = {"sourceId": str(ids["source_id"]), "destinationId": str(ids["destination_id"]), "status": "inactive",
                "syncCatalog": catalog}  # fmt: skip
    nested = json.loads(post_json(old, CREATE, document).data)
    assert 'Unrecognized field "isResumable" (class io.airbyte.api.model.generated.AirbyteStream)' in nested["message"]
    assert 'AirbyteCatalog["streams"]->java.util.ArrayList[0]->' in nested["message"]
    nowhere = post_json(old, "/v1/web_backend/connections/delete", {})
    assert nowhere.status == 404 and json.loads(nowhere.data)["message"] == "Object not found. HTTP 404 Not Found"


# -- 2024-06: before file transfers and mappers ------------------------------------------------------------------


def test_2024_06_answers_lack_file_transfers_and_mappers() -> None:
    with LocalAirbyte(server_version="2024-06") as local:
        connection_id = local.connection_named("Stripe to Snowflake")
        read = json.loads(post_json(local, GET, {"connectionId": str(connection_id)}).data)
        item = page(local)["connections"][0]
        ids = shop(local, orders_stream())
        catalog = json.loads(local.source_catalog(ids["source_id"]).to_json())
        catalog["streams"][0]["config"].update(
            selected=True, syncMode="incremental", destinationSyncMode="overwrite_dedup"
        )
        refused = post_json(
            local,
            CREATE,
            {
                "sourceId": str(ids["source_id"]),
                "destinationId": str(ids["destination_id"]),
                "status": "active",
                "syncCatalog": catalog,
            },
        )
    for definition in (read["sourceActorDefinitionVersion"], item["destinationActorDefinitionVersion"]):
        assert "supportsFileTransfer" not in definition and definition["supportsRefreshes"] in (True, False)
    assert all({"mappers", "hashedFields"}.isdisjoint(entry["config"]) for entry in read["syncCatalog"]["streams"])
    assert refused.status == 400 and "overwrite_dedup" in json.loads(refused.data)["_embedded"]["errors"][0]["message"]
