"""Quickstart: list a workspace's connections, create one, discover its streams, choose some and a schedule,
then refresh its catalog after an upstream change and show the diff.

    python examples/quickstart.py

Against a real Airbyte when AIRBYTE_URL is set (e.g. http://localhost:8000/api), with AIRBYTE_WORKSPACE_ID
and credentials from AIRBYTE_USERNAME and AIRBYTE_PASSWORD, or AIRBYTE_ACCESS_TOKEN, or AIRBYTE_CLIENT_ID and
AIRBYTE_CLIENT_SECRET. There it copies the first connection's source, destination and catalog into a new,
inactive connection, and deletes that connection at the end. Without AIRBYTE_URL it runs against the local
web backend that the package bundles (`openapi_client.testing.LocalAirbyte`), which it starts itself.
"""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence
from uuid import UUID

import openapi_client
from openapi_client.models.airbyte_catalog import AirbyteCatalog
from openapi_client.models.connection_schedule_type import ConnectionScheduleType
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.stream_transform import StreamTransform
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate
from openapi_client.schedules import schedule

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
    print_table(
        ["NAME", "STATUS", "SOURCE", "DESTINATION", "SCHEDULE", "SCHEMA"],
        [[c.name, c.status, c.source.name, c.destination.name, schedule_text(c), c.schema_change] for c in listed],
    )

    heading("2. Create a connection")
    request = creation_request(target, listed)
    if request is None:
        print("The workspace has no connection to copy a source, destination and catalog from; nothing more to do.")
        return 0
    created = api.web_backend_create_connection(request)
    print(f'Created "{created.name}" ({created.connection_id}): {created.source.name} -> {created.destination.name}')
    print(f"It has {len(created.sync_catalog.streams)} stream(s): a connection created without a catalog has none.")

    heading("3. Discover its source's streams")
    discovered = refresh(api, created.connection_id)
    print_table(
        ["STREAM", "SYNC MODE", "DESTINATION MODE", "CURSOR", "PRIMARY KEY", "SELECTED"],
        [stream_row(entry) for entry in discovered.sync_catalog.streams if entry.stream and entry.config],
    )

    heading("4. Patch it: choose streams, a schedule and a name; only the fields sent change")
    chosen = [entry.stream.name for entry in discovered.sync_catalog.streams if entry.stream][:2]
    # `to_update()` carries the refreshed catalog's id (`sourceCatalogId`), which accepts the catalog just discovered.
    patched = api.web_backend_update_connection(
        discovered.to_update(
            name=f"{created.name} (every 6 hours)",
            sync_catalog=discovered.sync_catalog.select(*chosen, only=True),
            skip_reset=True,
            **schedule("every 6 hours"),
        )
    )
    print_table(
        ["FIELD", "BEFORE", "AFTER"],
        [
            ["name", created.name, patched.name],
            ["schedule", schedule_text(created), schedule_text(patched)],
            ["status", created.status, patched.status],
            ["streams", selected_streams(created), selected_streams(patched)],
        ],
    )

    heading("5. Refresh its catalog and review the change")
    if target.local is not None:
        simulate_schema_change(target.local, patched.source_id)
    refreshed = refresh(api, patched.connection_id)
    transforms = refreshed.catalog_diff.transforms if refreshed.catalog_diff else []
    print(f"Schema change: {refreshed.schema_change} ({len(transforms)} stream(s) changed)")
    if transforms:
        print_table(["STREAM", "CHANGE", "FIELD", "BREAKING", "DETAIL"], diff_rows(transforms))
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


def refresh(api: openapi_client.WebBackendApi, connection_id: UUID) -> Any:
    """The connection with its source's schema discovered now: minutes on a real source, so a long read timeout."""
    return api.web_backend_get_connection(
        WebBackendConnectionRequestBody(connection_id=connection_id, with_refreshed_catalog=True),
        _request_timeout=(10, 300),
    )


def selected_streams(connection: Any) -> str:
    names = [e.stream.name for e in connection.sync_catalog.streams if e.stream and e.config and e.config.selected]
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


def schedule_text(connection: Any) -> str:
    data = connection.schedule_data
    if connection.schedule_type == ConnectionScheduleType.BASIC and data and data.basic_schedule:
        return f"every {data.basic_schedule.units} {data.basic_schedule.time_unit}"
    if connection.schedule_type == ConnectionScheduleType.CRON and data and data.cron:
        return f"cron {data.cron.cron_expression} {data.cron.cron_time_zone}"
    return str(connection.schedule_type or "manual")


def stream_row(entry: Any) -> List[Any]:
    config = entry.config
    return [
        entry.stream.name,
        config.sync_mode,
        config.destination_sync_mode,
        ".".join(config.cursor_field or []) or "-",
        ", ".join(".".join(path) for path in config.primary_key or []) or "-",
        "yes" if config.selected is not False else "no",
    ]


def diff_rows(transforms: Sequence[StreamTransform]) -> List[List[Any]]:
    rows: List[List[Any]] = []
    for transform in transforms:
        stream = transform.stream_descriptor.name
        update = transform.update_stream
        if update is None:
            rows.append([stream, transform.transform_type, "-", "no", ""])
            continue
        for field in update.field_transforms:
            rows.append(
                [stream, field.transform_type, ".".join(field.field_name), yes_no(field.breaking), detail(field)]
            )
        for attribute in update.stream_attribute_transforms:
            change = attribute.update_primary_key
            keys = f"{change.old_primary_key} -> {change.new_primary_key}" if change else ""
            rows.append([stream, attribute.transform_type, "-", yes_no(attribute.breaking), keys])
    return rows


def detail(field: Any) -> str:
    if field.update_field_schema is not None:
        return f"{type_of(field.update_field_schema.old_schema)} -> {type_of(field.update_field_schema.new_schema)}"
    change = field.add_field or field.remove_field
    return type_of(change.var_schema if change else None)


def type_of(schema: Optional[Dict[str, Any]]) -> str:
    declared = (schema or {}).get("type", "?")
    types = [t for t in declared if t != "null"] if isinstance(declared, list) else [declared]
    return "|".join(str(t) for t in types)


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


def heading(text: str) -> None:
    print(f"\n{text}")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A plain-text table: a header row, a rule, and the rows, each column as wide as its widest cell."""
    cells = [list(headers)] + [[str(value) for value in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    print("\n".join(lines) if rows else f"{lines[0]}\n(none)")


if __name__ == "__main__":
    sys.exit(main())
