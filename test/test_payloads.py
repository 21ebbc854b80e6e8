"""The benchmark's payloads are realistic, schema-valid and deterministic, and its harness measures over HTTP."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

import openapi_client

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import payloads  # noqa: E402

LIST = payloads.connection_list(count=40)
READ = payloads.connection_read(streams=30)
CREATE = payloads.connection_create(streams=30)


@pytest.mark.parametrize(
    ("model", "document"),
    [
        (openapi_client.WebBackendConnectionReadList, LIST),
        (openapi_client.WebBackendConnectionRead, READ),
        (openapi_client.WebBackendConnectionCreate, CREATE),
    ],
    ids=["list", "read", "create"],
)
def test_payloads_parse_and_round_trip_exactly(model: Any, document: Any) -> None:
    encoded = payloads.encode(document)
    parsed = model.from_json(encoded)
    assert json.loads(parsed.to_json()) == document
    assert parsed.to_dict() == model.from_dict(document).to_dict()
    # Written by a caller rather than received, the same document makes the same request body.
    assert json.loads(model.model_validate(document).to_json()) == document


def test_payloads_are_deterministic() -> None:
    assert payloads.encode(payloads.connection_list(count=40)) == payloads.encode(LIST)
    assert payloads.encode(payloads.connection_read(streams=30)) == payloads.encode(READ)
    assert payloads.encode(payloads.connection_list(count=40, seed=1)) != payloads.encode(LIST)


def test_payloads_have_what_real_connections_have() -> None:
    items = LIST["connections"]
    assert {item["scheduleType"] for item in items} == {"basic", "cron", "manual"}
    assert all("lastPublished" in item["sourceActorDefinitionVersion"] for item in items)
    assert any("breakingChanges" in item["sourceActorDefinitionVersion"] for item in items)
    streams = READ["syncCatalog"]["streams"]
    properties = [len(stream["stream"]["jsonSchema"]["properties"]) for stream in streams]
    assert min(properties) >= 18 and max(properties) <= 24
    assert all(stream["stream"]["sourceDefinedPrimaryKey"] == [["id"]] for stream in streams)
    assert {tuple(stream["config"]["cursorField"]) for stream in streams} == {("updated_at",), ()}
    assert any(stream["config"].get("selectedFields") for stream in streams)
    assert READ["operations"] and READ["source"]["connectionConfiguration"]
    # The connection a server answers to the create request is that request's connection.
    assert READ["syncCatalog"] == CREATE["syncCatalog"] and READ["sourceId"] == CREATE["sourceId"]


def test_full_sizes_are_those_of_the_issue() -> None:
    assert 2.7e6 < len(payloads.encode(payloads.connection_list())) < 3.3e6
    assert len(payloads.connection_list()["connections"]) == 2_000
    catalog = payloads.encode(payloads.connection_read())
    assert 6.5e6 < len(catalog) < 7.7e6


@pytest.fixture(scope="module")
def benchmark_server() -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.server"], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        ready = process.stdout.readline().split()
        assert ready[:1] == ["READY"], ready
        yield f"http://127.0.0.1:{ready[1]}"
    finally:
        process.stdin.close()
        process.wait(timeout=10)


def test_the_benchmark_server_answers_the_payloads_with_keep_alive(benchmark_server: str) -> None:
    from benchmarks.scenarios import RawClient

    client = RawClient(benchmark_server)
    assert client.post("/v1/web_backend/state/get_type", b"{}") == "stream"
    assert len(client.post("/v1/web_backend/connections/list", b"{}")["connections"]) == 2_000
    pool = client.pool.connection_from_url(benchmark_server)
    assert pool.num_connections == 1  # both requests went over one kept-alive connection


def test_a_worker_measures_its_side_over_http(benchmark_server: str) -> None:
    worker = subprocess.run(
        [sys.executable, "-m", "benchmarks.worker", benchmark_server, "tiny", "ours"],
        cwd=ROOT,
        input="seconds 5\npeak\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    ready, seconds, peak = worker.stdout.split()
    assert ready == "READY"
    assert 0 < float(seconds) < 1 and float(peak) > 0
