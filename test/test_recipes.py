"""docs/recipes.md runs: its blocks, top to bottom in one session, against LocalAirbyte, and do what it says."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple
from uuid import UUID

import pytest

import openapi_client
from openapi_client import tables
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.testing import JobKind, LocalAirbyte

RECIPES = Path(__file__).resolve().parents[1] / "docs" / "recipes.md"
CODE_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)
# What the recipes name as "yours", and what stands for it in a LocalAirbyte's seeded workspace.
HOST = "http://localhost:8000/api"
WORKSPACE = "5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6"
SOURCE = "0b2ad3a4-2bb3-4f3e-8b5c-55d3a5f1d3a7"
DESTINATION = "6d7a8f21-5a9e-4c39-9d1c-0f0a4e2b8c13"


@pytest.fixture(scope="module")
def ran() -> Iterator[Dict[str, Any]]:
    """The recipes run against a fresh LocalAirbyte: what they defined, what they printed, and the server."""
    text = RECIPES.read_text(encoding="utf-8")
    with LocalAirbyte() as airbyte:
        stand_ins = {
            HOST: airbyte.url,
            WORKSPACE: str(airbyte.workspace_id),
            SOURCE: str(airbyte.source_named("GitHub")),
            DESTINATION: str(airbyte.destination_named("Analytics warehouse")),
        }
        namespace: Dict[str, Any] = {"__name__": "__recipes__"}
        printed = io.StringIO()
        for number, block in enumerate(CODE_BLOCK.findall(text), start=1):
            for placeholder, value in stand_ins.items():
                block = block.replace(placeholder, value)
            with contextlib.redirect_stdout(printed):
                exec(compile(block, f"docs/recipes.md, block {number}", "exec"), namespace)
        namespace["api"].api_client.close()
        with openapi_client.ApiClient(openapi_client.Configuration(host=airbyte.url, retries=0)) as client:
            yield {"namespace": namespace, "printed": printed.getvalue(), "airbyte": airbyte, "text": text,
                   "api": openapi_client.WebBackendApi(client)}  # fmt: skip


def test_every_placeholder_is_in_the_recipes(ran: Dict[str, Any]) -> None:
    for placeholder in (HOST, WORKSPACE, SOURCE, DESTINATION):
        assert placeholder in ran["text"]


def test_the_recipes_list_the_columns_of_each_table(ran: Dict[str, Any]) -> None:
    text = ran["text"]
    table = text[text.index("| key | value |") :].split("\n\n")[0]
    documented = [key for row in table.splitlines()[2:] for key in re.findall(r"`(\w+)`", row.split("|")[1])]
    assert sorted(documented) == sorted(tables.CONNECTIONS.columns)
    streams = text[text.index("A catalog's records have") :].split("\n\n")[0]
    assert [key for key in re.findall(r"`(\w+)`", streams) if key != "None"] == list(tables.STREAMS.columns)
    changes = text[text.index("A change record has") :].split(". The changes are")[0]
    assert re.findall(r"`(\w+)`", changes) == list(tables.CHANGES.columns)


def listed(ran: Dict[str, Any]) -> Dict[str, Dict[str, Any]]:
    airbyte = ran["airbyte"]
    page = ran["api"].web_backend_list_connections_for_workspace(
        WebBackendConnectionListRequestBody(workspace_id=airbyte.workspace_id)
    )
    return {record["name"]: record for record in page.to_records()}


def get(ran: Dict[str, Any], connection_id: str) -> Any:
    return ran["api"].web_backend_get_connection(WebBackendConnectionRequestBody(connection_id=UUID(connection_id)))


def test_the_list_recipe_prints_each_connection(ran: Dict[str, Any]) -> None:
    assert "Postgres to BigQuery active every 24 hours no_change" in ran["printed"]
    assert "Stripe to Snowflake inactive cron 0 0 6 * * ? UTC non_breaking" in ran["printed"]


def test_the_patch_recipe_renamed_the_connection_and_set_its_schedule(ran: Dict[str, Any]) -> None:
    record = listed(ran)["Postgres to BigQuery (every 6 hours)"]
    assert record["schedule"] == "every 6 hours"


def test_the_schedule_recipe_explains_a_unix_cron(ran: Dict[str, Any]) -> None:
    assert "'0 6 * * *' has 5 fields; Airbyte reads Quartz cron expressions" in ran["printed"]
    assert "write '0 0 6 * * ?'" in ran["printed"]


def test_the_stream_recipe_left_the_streams_and_fields_it_says(ran: Dict[str, Any]) -> None:
    connection = get(ran, listed(ran)["Postgres to BigQuery (every 6 hours)"]["connection_id"])
    streams = {record["name"]: record for record in connection.sync_catalog.to_records()}
    assert [name for name, record in streams.items() if record["selected"]] == ["users", "orders"]
    # In the order the server gives them (Airbyte's merge goes through a set).
    assert set(streams["users"]["selected_fields"].split(", ")) == {"id", "email", "updated_at"}
    orders = {"id", "user_id", "status", "total_cents", "created_at", "updated_at"}
    assert set(streams["orders"]["selected_fields"].split(", ")) == orders
    assert (streams["orders"]["sync_mode"], streams["orders"]["destination_sync_mode"]) == ("full_refresh", "overwrite")


def test_the_create_recipe_made_an_active_connection_with_the_chosen_streams(ran: Dict[str, Any]) -> None:
    record = listed(ran)["GitHub to the warehouse"]
    assert record["status"] == "active" and record["schedule"] == "every 24 hours"
    connection = get(ran, record["connection_id"])
    assert [s["name"] for s in connection.sync_catalog.to_records() if s["selected"]] == ["issues", "pull_requests"]
    assert "GitHub to the warehouse active ['issues', 'pull_requests']" in ran["printed"]


def test_the_schema_change_recipe_showed_the_change_and_accepted_it(ran: Dict[str, Any]) -> None:
    assert "charges add_field payment_method_details False object" in ran["printed"]
    assert listed(ran)["Stripe to Snowflake"]["schema_change"] == "no_change"
    assert ran["namespace"]["accepted"].schema_change == "no_change"


def test_the_jobs_the_recipes_say_an_update_starts(ran: Dict[str, Any]) -> None:
    airbyte = ran["airbyte"]

    def started(name: str) -> List[Tuple[JobKind, List[str]]]:
        """The jobs other than the seeded syncs: their kind and the names of their streams."""
        jobs = airbyte.jobs_of(airbyte.connection_named(name))
        return [(job.kind, sorted(name for _, name in job.streams)) for job in jobs if job.kind is not JobKind.SYNC]

    # The patch sent the catalog back unchanged: no job. The stream recipe changed three streams: one refresh.
    assert started("Postgres to BigQuery (every 6 hours)") == [(JobKind.REFRESH, ["order_items", "orders", "users"])]
    # The new connection's streams sync at once; accepting the schema change refreshes the stream that changed.
    assert started("GitHub to the warehouse") == [(JobKind.REFRESH, ["issues", "pull_requests"])]
    assert started("Stripe to Snowflake") == [(JobKind.REFRESH, ["charges"])]
