"""Quickstart: list a workspace's connections, create one, discover its streams, choose some and a schedule,
then refresh its catalog after an upstream change and review the diff.

    python examples/quickstart.py

Without AIRBYTE_URL it runs against the local web backend that the package bundles
(`openapi_client.testing.LocalAirbyte`), which it starts itself, and where it changes the source's schema
between the two discoveries.

Against a real Airbyte when AIRBYTE_URL is set (e.g. http://localhost:8000/api), with AIRBYTE_WORKSPACE_ID
and credentials from AIRBYTE_USERNAME and AIRBYTE_PASSWORD, or AIRBYTE_ACCESS_TOKEN, or AIRBYTE_CLIENT_ID and
AIRBYTE_CLIENT_SECRET. There it copies the first connection's source, destination and catalog into a new,
inactive connection (its updates start no sync, refresh or reset), and deletes that connection at the end.
Its two discoveries of that source take minutes, and Airbyte applies what they find to every connection of
the source, as it does before a sync: a connection that a schema change upstream breaks becomes inactive.
"""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any, Dict, Optional, Sequence
from uuid import UUID

import openapi_client
from openapi_client.models.airbyte_catalog import AirbyteCatalog
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
from openapi_client.models.web_backend_connection_read_list import WebBackendConnectionReadList
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate
from openapi_client.schedules import describe_schedule, schedule

NAME = "openapi_client quickstart"


@dataclass
class Target:
    """Where the quickstart runs: the API, the workspace, and the local server when it started one."""

    api: openapi_client.WebBackendApi
    workspace_id: UUID
    local: Any = None


def main() -> int:
    with ExitStack() as stack:
        target = connect(stack)
        if target is None:
            return 2
        try:
            return run(target)
        except openapi_client.OpenApiException as error:
            print(f"\nThe quickstart stopped: {error}", file=sys.stderr)
            return 1


def connect(stack: ExitStack) -> Optional[Target]:
    url = os.environ.get("AIRBYTE_URL")
    if url:
        workspace = os.environ.get("AIRBYTE_WORKSPACE_ID")
        if not workspace:
            print("AIRBYTE_URL is set but AIRBYTE_WORKSPACE_ID is not: which workspace should I use?", file=sys.stderr)
            return None
        configuration = openapi_client.Configuration(host=url, **credentials_from_environment())
        print(f"Airbyte at {url}")
        local = None
    else:
        # Imported only here: `openapi_client.testing` is a separate part of the package that clients never need.
        from openapi_client.testing import LocalAirbyte

        local = stack.enter_context(LocalAirbyte())
        configuration = openapi_client.Configuration(host=local.url)
        workspace = str(local.workspace_id)
        print(f"Airbyte: the local web backend at {local.url}, started by this script (set AIRBYTE_URL to use yours)")
    print(f"Workspace {workspace}")
    client = stack.enter_context(openapi_client.ApiClient(configuration))
    return Target(openapi_client.WebBackendApi(client), UUID(workspace), local)


def credentials_from_environment() -> Dict[str, str]:
    """Configuration's keyword arguments for the first complete set of credentials in the environment."""
    env = os.environ
    if env.get("AIRBYTE_USERNAME") and env.get("AIRBYTE_PASSWORD"):
        return {"username": env["AIRBYTE_USERNAME"], "password": env["AIRBYTE_PASSWORD"]}
    if env.get("AIRBYTE_ACCESS_TOKEN"):
        return {"access_token": env["AIRBYTE_ACCESS_TOKEN"]}
    if env.get("AIRBYTE_CLIENT_ID") and env.get("AIRBYTE_CLIENT_SECRET"):
        return {"client_id": env["AIRBYTE_CLIENT_ID"], "client_secret": env["AIRBYTE_CLIENT_SECRET"]}
    return {}


def run(target: Target) -> int:
    api = target.api
    heading("1. The workspace's connections")
    # Every connection, also from an Airbyte since 2025-07, which answers the list call in pages.
    body = WebBackendConnectionListRequestBody(workspace_id=target.workspace_id)
    listed = list(api.iter_connections_for_workspace(body))
    # to_records(): one flat dict per connection (the same for a catalog's streams and a diff's changes).
    print_table(
        WebBackendConnectionReadList(connections=listed).to_records(),
        {"name": "NAME", "status": "STATUS", "source": "SOURCE", "destination": "DESTINATION",
         "schedule": "SCHEDULE", "schema_change": "SCHEMA"},
    )  # fmt: skip

    heading("2. Create a connection")
    request = creation_request(target, listed)
    if request is None:
        print("The workspace has no connection to copy a source, destination and catalog from; nothing more to do.")
        return 0
    created = api.web_backend_create_connection(request)
    print(f'Created "{created.name}" ({created.connection_id}): {created.source.name} -> {created.destination.name}')
    if request.sync_catalog is None:
        print(f"It has {len(created.sync_catalog.streams)} stream(s): a connection created without a catalog has none.")
    else:
        print(f"It has the {len(created.sync_catalog.streams)} selected stream(s) of the catalog it was given.")

    heading("3. Discover its source's streams")
    discovered = refresh(api, created.connection_id)
    print_table(
        discovered.sync_catalog.to_records(),
        {"name": "STREAM", "sync_mode": "SYNC MODE", "destination_sync_mode": "DESTINATION MODE",
         "cursor_field": "CURSOR", "primary_key": "PRIMARY KEY", "selected": "SELECTED"},
    )  # fmt: skip

    heading("4. Patch it: choose two streams, a schedule and a name")
    chosen = [record["name"] for record in discovered.sync_catalog.to_records()][:2]
    # `to_update()` carries the refreshed catalog's id (`sourceCatalogId`), which accepts the catalog just discovered;
    # `skip_reset` starts no refresh or reset job for the streams this update selects.
    patched = api.web_backend_update_connection(
        discovered.to_update(
            name=f"{created.name} (every 6 hours)",
            sync_catalog=discovered.sync_catalog.select(*chosen, only=True),
            skip_reset=True,
            **schedule("every 6 hours"),
        )
    )
    print_table(
        [
            {"field": "name", "before": created.name, "after": patched.name},
            {"field": "schedule", "before": schedule_text(created), "after": schedule_text(patched)},
            {"field": "status", "before": created.status, "after": patched.status},
            {"field": "streams", "before": selected_streams(created), "after": selected_streams(patched)},
        ],
        {"field": "FIELD", "before": "BEFORE", "after": "AFTER"},
    )

    heading("5. Refresh its catalog and review the change")
    if target.local is not None:
        simulate_schema_change(target.local, patched.source_id)
    refreshed = refresh(api, patched.connection_id)
    changes = refreshed.catalog_diff.to_records() if refreshed.catalog_diff else []
    print(f"Schema change: {refreshed.schema_change} ({len({c['stream'] for c in changes})} stream(s) changed)")
    if changes:
        print_table(
            changes,
            {"stream": "STREAM", "change": "CHANGE", "field": "FIELD", "breaking": "BREAKING", "detail": "DETAIL"},
        )
        print(f"The connection is {refreshed.status}. To accept the new schema, send refreshed.to_update(), with the")
        print("streams a breaking change leaves without their cursor or primary key reconfigured (docs/recipes.md).")
    else:
        print("No changes: the source's schema matches the connection's catalog.")

    if target.local is None:
        heading("6. Clean up")
        api.web_backend_update_connection(
            WebBackendConnectionUpdate(connection_id=created.connection_id, status=ConnectionStatus.DEPRECATED)
        )
        print(f'Deleted "{patched.name}" (status deprecated).')
    print("\nDone.")
    return 0


def refresh(api: openapi_client.WebBackendApi, connection_id: UUID) -> WebBackendConnectionRead:
    """The connection with its source's schema discovered now: minutes on a real source, so a long read timeout."""
    return api.web_backend_get_connection(
        WebBackendConnectionRequestBody(connection_id=connection_id, with_refreshed_catalog=True),
        _request_timeout=(10, 300),
    )


def schedule_text(connection: WebBackendConnectionRead) -> str:
    return describe_schedule(connection.schedule_type, connection.schedule_data)


def selected_streams(connection: WebBackendConnectionRead) -> str:
    names = [record["name"] for record in connection.sync_catalog.to_records() if record["selected"]]
    return ", ".join(names) or "(none)"


def creation_request(target: Target, listed: Sequence[Any]) -> Optional[WebBackendConnectionCreate]:
    """A new, inactive connection: locally from GitHub to the warehouse, without a catalog, as the web app's
    first step would be; on a real Airbyte, between the first connection's source and destination, with that
    connection's catalog."""
    if target.local is not None:
        return WebBackendConnectionCreate(
            name="GitHub to BigQuery",
            source_id=target.local.source_named("GitHub"),
            destination_id=target.local.destination_named("Analytics warehouse"),
            status=ConnectionStatus.INACTIVE,
        )
    if not listed:
        return None
    template = target.api.web_backend_get_connection(
        WebBackendConnectionRequestBody(connection_id=listed[0].connection_id)
    )
    return WebBackendConnectionCreate(
        name=NAME,
        source_id=template.source_id,
        destination_id=template.destination_id,
        sync_catalog=AirbyteCatalog(streams=template.sync_catalog.streams),
        status=ConnectionStatus.INACTIVE,
    )


def simulate_schema_change(local: Any, source_id: UUID) -> None:
    """On the local server only: the source's schema moves on, as it would upstream between two discoveries."""
    from openapi_client.testing import airbyte_stream

    catalog = local.source_catalog(source_id)
    by_name = {entry.stream.name: entry.stream for entry in catalog.streams}
    issues = by_name["issues"].json_schema["properties"]
    issues["number"] = {"type": ["null", "string"]}
    issues["reactions"] = {"type": ["null", "object"], "properties": {"total_count": {"type": ["null", "integer"]}}}
    del by_name["repositories"].json_schema["properties"]["updated_at"]  # the cursor of an incremental stream
    commits = airbyte_stream("commits", {"sha": "string", "message": "string", "created_at": "timestamp"},
                             primary_key=["sha"], cursor="created_at")  # fmt: skip
    local.set_source_catalog(source_id, [*by_name.values(), commits])
    print("(The local server's GitHub source changed its schema, as a source does upstream.)")


def heading(text: str) -> None:
    print(f"\n{text}")


def print_table(records: Sequence[Dict[str, Any]], columns: Dict[str, str]) -> None:
    """Records as a plain-text table: a header row (the headings of `columns`, which maps a record's key to its
    heading), a rule, and a row per record, each column as wide as its widest cell."""
    cells = [list(columns.values())] + [[cell_text(record.get(key)) for key in columns] for record in records]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    print("\n".join(lines) if records else f"{lines[0]}\n(none)")


def cell_text(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


if __name__ == "__main__":
    sys.exit(main())
