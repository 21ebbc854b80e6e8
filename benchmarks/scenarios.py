"""The scenarios of issue 3, each with our client's side and its raw floor: one urllib3 `PoolManager` POST of the
same body to the same server over keep-alive, plus `json.loads` of the answer (no models).

A side is made in the process that runs it (see `benchmarks/worker.py`), from the server's base URL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple
from uuid import UUID

import urllib3

from benchmarks import payloads, server
from benchmarks.measure import Samples
from openapi_client import ApiClient, Configuration, WebBackendApi
from openapi_client.gc_pause import gc_paused
from openapi_client.models.connection_id_request_body import ConnectionIdRequestBody
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody

Call = Callable[[], Any]
Side = Callable[[str], Call]
JSON_HEADERS = {"Content-Type": "application/json"}


@dataclass(frozen=True)
class Scenario:
    """What is measured ("seconds" per call, or "peak" traced bytes of one call), with which sides, how often."""

    name: str
    title: str
    target: float
    unit: str
    scale: float
    sides: Dict[str, Side]
    rounds: int
    batch: int = 1
    measure: str = "seconds"
    # Lines for information: (title, our side, floor side).
    comparisons: List[Tuple[str, str, str]] = field(default_factory=list)


def api(base_url: str, pause_gc: bool = True) -> WebBackendApi:
    configuration = Configuration(host=base_url)
    configuration.pause_gc_while_parsing = pause_gc
    return WebBackendApi(ApiClient(configuration))


class RawClient:
    """The floor: a pool manager whose connection the server keeps alive, and `json.loads`."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.pool = urllib3.PoolManager()

    def post(self, path: str, body: bytes) -> Any:
        response = self.pool.request("POST", self.base_url + path, body=body, headers=JSON_HEADERS)
        return json.loads(response.data)

    def post_gc_paused(self, path: str, body: bytes) -> Any:
        """The floor, with full collections held off during `json.loads` as our client does (for information)."""
        response = self.pool.request("POST", self.base_url + path, body=body, headers=JSON_HEADERS)
        with gc_paused:
            return json.loads(response.data)


def _raw(path: str, document: Any, pause_gc: bool = False) -> Side:
    def side(base_url: str) -> Call:
        client = RawClient(base_url)
        post = client.post_gc_paused if pause_gc else client.post
        return lambda: post(path, json.dumps(document).encode())

    return side


def _state_type(base_url: str) -> Call:
    client, body = api(base_url), ConnectionIdRequestBody(connection_id=UUID(payloads.CONNECTION_ID))
    return lambda: client.get_state_type(body)


def _list(pause_gc: bool) -> Side:
    def side(base_url: str) -> Call:
        client = api(base_url, pause_gc)
        body = WebBackendConnectionListRequestBody(workspace_id=UUID(payloads.WORKSPACE_ID))
        return lambda: client.web_backend_list_connections_for_workspace(body)

    return side


def _get(pause_gc: bool) -> Side:
    def side(base_url: str) -> Call:
        client = api(base_url, pause_gc)
        body = WebBackendConnectionRequestBody(connection_id=UUID(payloads.CONNECTION_ID))
        return lambda: client.web_backend_get_connection(body)

    return side


def _create(base_url: str) -> Call:
    client, body = api(base_url), WebBackendConnectionCreate.model_validate(payloads.connection_create())
    return lambda: client.web_backend_create_connection(body)


def _create_raw(base_url: str) -> Call:
    client, document = RawClient(base_url), payloads.connection_create()
    return lambda: client.post(server.CREATE_PATH, json.dumps(document).encode())


def _to_json(base_url: str) -> Call:
    return WebBackendConnectionRead.from_json(payloads.encode(payloads.connection_read())).to_json


def _json_dumps(base_url: str) -> Call:
    document = payloads.connection_read()
    return lambda: json.dumps(document)


LIST_BODY = {"workspaceId": payloads.WORKSPACE_ID}
CONNECTION_BODY = {"connectionId": payloads.CONNECTION_ID}
GC_COMPARISONS = [
    ("  same, our GC pause off", "ours, GC pause off", "raw"),
    ("  same, raw floor with our GC pause too", "ours", "raw, GC paused"),
]


def scenarios(quick: bool) -> List[Scenario]:
    """Every scenario, with fewer samples when `quick`."""

    def rounds(full: int) -> int:
        return max(3, full // 3) if quick else full

    return [
        Scenario(
            "tiny",
            "tiny call (get_state_type), per call",
            1.10,
            "us",
            1e6,
            {"ours": _state_type, "raw": _raw(server.STATE_TYPE_PATH, CONNECTION_BODY)},
            rounds(21),
            batch=100 if quick else 200,
        ),
        Scenario(
            "list",
            "list 2,000 connections (3 MB)",
            1.9,
            "ms",
            1e3,
            {
                "ours": _list(True),
                "raw": _raw(server.LIST_PATH, LIST_BODY),
                "ours, GC pause off": _list(False),
                "raw, GC paused": _raw(server.LIST_PATH, LIST_BODY, pause_gc=True),
            },
            rounds(15),
            # The floor's objects start a full collection about every ten calls (16 ms each): a sample must span a
            # few of those periods to count their share, as `benchmarks/measure.py` promises. Over 5 calls, a sample
            # held one or none, and the median flipped between the two (a spread of 15-30%).
            batch=20,
            comparisons=GC_COMPARISONS,
        ),
        Scenario(
            "get",
            "get connection, 3,000 streams (7 MB)",
            1.0,
            "ms",
            1e3,
            {
                "ours": _get(True),
                "raw": _raw(server.GET_PATH, CONNECTION_BODY),
                "ours, GC pause off": _get(False),
                "raw, GC paused": _raw(server.GET_PATH, CONNECTION_BODY, pause_gc=True),
            },
            rounds(11),
            batch=3,
            comparisons=GC_COMPARISONS,
        ),
        Scenario(
            "create",
            "create that connection (7 MB each way)",
            1.6,
            "ms",
            1e3,
            {"ours": _create, "raw": _create_raw},
            rounds(11),
            batch=3,
        ),
        Scenario(
            "to_json",
            "to_json() of that connection vs json.dumps",
            0.5,
            "ms",
            1e3,
            {"ours": _to_json, "raw": _json_dumps},
            rounds(15),
            batch=5,
        ),
        Scenario(
            "memory",
            "peak memory of one list call (tracemalloc)",
            1.4,
            "MB",
            1e-6,
            {"ours": _list(True), "raw": _raw(server.LIST_PATH, LIST_BODY)},
            rounds(5),
            measure="peak",
        ),
    ]


def find(name: str) -> Scenario:
    """The scenario called `name` (with full sample counts)."""
    return next(scenario for scenario in scenarios(quick=False) if scenario.name == name)


@dataclass(frozen=True)
class Row:
    """One line of the table: our median against the floor's, and the target of their ratio (None: for
    information only)."""

    scenario: str
    ours: Samples
    raw: Samples
    target: Optional[float]
    unit: str
    scale: float

    @property
    def ratio(self) -> float:
        return self.ours.median / self.raw.median

    @property
    def passed(self) -> bool:
        return self.target is None or self.ratio <= self.target
