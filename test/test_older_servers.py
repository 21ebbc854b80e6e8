"""Servers other than our spec's, through the client over real sockets: the answers of 2022-12 and 2024-06 servers
parse and round-trip (`LocalAirbyte(server_version=...)`), and an operation a server does not offer says so, where
an unknown id stays a plain `NotFoundException`."""

from __future__ import annotations

import json
import uuid
from typing import Any, Dict, Iterator

import pytest
from local_airbyte_helpers import client_for, create
from samples import not_found
from scripted_server import Reply, ScriptedServer

from openapi_client import (
    NotFoundException,
    OperationNotOfferedException,
    WebBackendApi,
)
from openapi_client.models.stream_transform_update_stream import StreamTransformUpdateStream
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.testing import LocalAirbyte

GEOGRAPHIES = "/v1/web_backend/geographies/list"
GET = "/v1/web_backend/connections/get"
# What each older version lacks of the fields our spec requires (docs/stock_differences.yaml, `older_servers`).
LACKING = {
    "2022-12": {"sourceActorDefinitionVersion", "destinationActorDefinitionVersion", "notifySchemaChangesByEmail"},
    "2024-06": {"supportsFileTransfer"},
}


@pytest.fixture(params=sorted(LACKING))
def older(request: pytest.FixtureRequest) -> Iterator[LocalAirbyte]:
    with LocalAirbyte(server_version=request.param) as local:
        yield local


def get(web: WebBackendApi, connection_id: uuid.UUID, refreshed: bool = False) -> WebBackendConnectionRead:
    body = WebBackendConnectionRequestBody(connection_id=connection_id, with_refreshed_catalog=refreshed)
    return web.web_backend_get_connection(body)


def names_in(document: Any) -> set[str]:
    """Every property name of a JSON document, at any depth."""
    if isinstance(document, dict):
        return set(document).union(*(names_in(value) for value in document.values()))
    if isinstance(document, list):
        return set().union(*(names_in(value) for value in document))
    return set()


def nulls_in(document: Any) -> int:
    if isinstance(document, dict):
        return sum(nulls_in(value) for value in document.values())
    if isinstance(document, list):
        return sum(nulls_in(value) for value in document)
    return int(document is None)


def test_an_older_servers_list_and_get_parse(older: LocalAirbyte) -> None:
    version = older.server_version.name
    with client_for(older) as web:
        listing = web.web_backend_list_connections_for_workspace(
            WebBackendConnectionListRequestBody(workspace_id=older.workspace_id)
        )
        read = get(web, older.connection_named("Stripe to Snowflake"))
    assert len(listing.connections) >= 2
    if version == "2022-12":
        assert all(item.source_actor_definition_version is None for item in listing.connections)
        assert (read.source_actor_definition_version, read.destination_actor_definition_version) == (None, None)
        assert read.notify_schema_changes_by_email is None
        # Its list items carried the full reads: what our snippet does not define is kept.
        assert "connectionConfiguration" in (listing.connections[0].source.model_extra or {})
    else:
        definition = read.source_actor_definition_version
        assert definition is not None and definition.supports_file_transfer is None
        assert definition.docker_repository and read.notify_schema_changes_by_email is False
    # What they send is read as the spec says, and nothing they did not send is written back.
    assert read.name == "Stripe to Snowflake" and read.sync_catalog.streams
    assert LACKING[version].isdisjoint(names_in(json.loads(read.to_json())))
    assert nulls_in(json.loads(listing.to_json())) == 0


def test_an_older_servers_connection_round_trips(older: LocalAirbyte) -> None:
    version = older.server_version.name
    with client_for(older) as web:
        read = get(web, older.connection_named("Stripe to Snowflake"))
        updated = web.web_backend_update_connection(read.to_update(name="renamed"))
        # A new connection from a catalog as this server sent it (the 2022 server refuses what it does not know).
        created = create(
            web,
            source_id=read.source_id,
            destination_id=read.destination_id,
            name="copy",
            sync_catalog=read.sync_catalog,
        )
    assert updated.name == "renamed" and updated.connection_id == read.connection_id
    assert created.name == "copy" and created.sync_catalog == read.sync_catalog
    sent = json.loads(older.recorded("web_backend_update_connection")[-1].body)
    assert LACKING[version].isdisjoint(names_in(sent)) and nulls_in(sent) == 0
    if version == "2022-12":
        assert created.notify_schema_changes_by_email is None


def test_a_2022_catalog_diff_reads_its_list_of_field_transforms() -> None:
    with LocalAirbyte(server_version="2022-12") as old, client_for(old) as web:
        read = get(web, old.connection_named("Stripe to Snowflake"), refreshed=True)
    assert read.catalog_diff is not None
    [charges] = [t for t in read.catalog_diff.transforms if t.stream_descriptor.name == "charges"]
    update = charges.update_stream
    assert isinstance(update, StreamTransformUpdateStream)
    added = [field.field_name for field in update.field_transforms]
    assert added[0] == ["payment_method_details"] and len(added) == 3
    assert update.stream_attribute_transforms is None
    # The diff's records (`to_records()`) read it as a newer server's diff.
    records = [record["field"] for record in read.catalog_diff.to_records() if record["stream"] == "charges"]
    assert records == [".".join(name) for name in added]


def test_the_relaxed_fields_are_read_as_the_spec_says_from_our_specs_server() -> None:
    with LocalAirbyte() as current, client_for(current) as web:
        read = get(web, current.connection_named("Stripe to Snowflake"))
    assert read.notify_schema_changes_by_email is False
    assert read.source_actor_definition_version is not None
    assert read.source_actor_definition_version.supports_file_transfer is False


# -- an operation the server does not offer --------------------------------------------------------------------------


def test_geographies_on_a_2025_server_say_the_operation_is_not_offered() -> None:
    with LocalAirbyte(server_version="2025-07") as newer, client_for(newer) as web:
        url = newer.url
        with pytest.raises(NotFoundException) as raised:
            web.web_backend_list_geographies()
        with pytest.raises(OperationNotOfferedException):
            web.web_backend_list_geographies_with_http_info()
        raw = web.web_backend_list_geographies_without_preload_content()
        assert (raw.status, raw.read()) == (404, b"Object not found.")
    error = raised.value
    assert isinstance(error, OperationNotOfferedException)
    assert (error.status, error.body, error.operation) == (404, "Object not found.", "web_backend_list_geographies")
    first, *rest = str(error).splitlines()
    assert first.startswith("web_backend_list_geographies: 404 Not Found: the server does not offer this operation")
    assert "newer or older than this client" in first
    assert f"URL: {url}{GEOGRAPHIES}" in rest


@pytest.mark.parametrize("version", ["2024-10", "2022-12", "2025-07"])
def test_an_unknown_id_is_not_a_missing_operation(version: str) -> None:
    unknown = uuid.uuid4()
    with (
        LocalAirbyte(server_version=version) as local,
        client_for(local) as web,
        pytest.raises(NotFoundException) as raised,
    ):
        get(web, unknown)
    assert type(raised.value) is NotFoundException
    assert raised.value.data is not None and str(unknown) in raised.value.data.message


@pytest.mark.parametrize(
    ("body", "missing"),
    [
        # Since 2025-10 (airbyte-platform #17953) an unknown id is answered with only an error id.
        (json.dumps({"errorId": str(uuid.UUID(int=7))}), False),
        (json.dumps(not_found()), False),
        # Micronaut's NotFoundController, and Jersey's NotFoundExceptionMapper (2022) for a path it does not route.
        ("Object not found.", True),
        (json.dumps({"message": "Object not found. HTTP 404 Not Found", "exceptionStack": []}), True),
        # Something in front of the API that has no such path.
        ("", True),
        ("<html><body><h1>404 Not Found</h1></body></html>", True),
    ],
)
def test_a_404_names_a_missing_operation_only_when_its_body_says_so(
    api: WebBackendApi, server: ScriptedServer, body: str, missing: bool
) -> None:
    server.always(GET, Reply(status=404, body=body, headers={"Content-Type": "application/json"}))
    with pytest.raises(NotFoundException) as raised:
        get(api, uuid.uuid4())
    assert isinstance(raised.value, OperationNotOfferedException) is missing
    assert ("does not offer this operation" in str(raised.value)) is missing
    assert raised.value.body == body


def test_existing_handlers_still_catch_it(api: WebBackendApi, server: ScriptedServer) -> None:
    server.always(GEOGRAPHIES, Reply(status=404, body="Object not found."))
    caught: Dict[str, Any] = {}
    try:
        api.web_backend_list_geographies()
    except NotFoundException as error:
        caught["error"] = error
    assert isinstance(caught["error"], OperationNotOfferedException)
