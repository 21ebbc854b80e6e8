"""`LocalAirbyte`: the local web backend as a running server, with its state, faults and record of calls."""

from __future__ import annotations

import json
import threading
from collections import Counter, deque
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Callable, Deque, Dict, List, Optional, Type, Union
from urllib.parse import urlsplit

from openapi_client.operations import OperationSpec
from openapi_client.redaction import redact_headers
from openapi_client.testing.errors import Answer, ApiProblem, HttpStatusError, ObjectNotFound
from openapi_client.testing.faults import Fault, Faults
from openapi_client.testing.security import TOKEN_PATH, Applications, InstanceAdmin, check_access
from openapi_client.testing.seed import seed_workspace
from openapi_client.testing.server import HttpServer, Reply, Request
from openapi_client.testing.state import AirbyteState
from openapi_client.testing.versions import DEFAULT_VERSION, ServerVersion, version_named
from openapi_client.testing.web_backend import OPERATIONS, WebBackend

# Real deployments serve the API under /api; requests without it are accepted too.
API_PREFIX = "/api"
HEALTH_PATH = "/v1/health"
GEOGRAPHIES_PATH = "/v1/web_backend/geographies/list"
# The record of calls keeps the latest ones only, so that a server left running does not grow without end.
REQUESTS_KEPT = 10_000


@dataclass(frozen=True)
class RecordedRequest:
    """A call as the server received it."""

    operation: str
    headers: Dict[str, str]
    body: bytes

    def json(self) -> object:
        return json.loads(self.body) if self.body else None

    def __repr__(self) -> str:
        headers = redact_headers(self.headers)
        return f"RecordedRequest(operation={self.operation!r}, headers={headers!r}, body={self.body!r})"


class LocalAirbyte(AirbyteState):
    """A local, stateful stand-in for the Airbyte web backend, on 127.0.0.1 and a free port by default.

        with LocalAirbyte() as airbyte:
            configuration = openapi_client.Configuration(host=airbyte.url)

    It answers as Airbyte OSS does at `server_version` (`"2024-10"`, our spec's, by default; `"2025-07"`,
    `"2024-06"` and `"2022-12"` too) in `edition` `"oss"` or `"cloud"`. With `auth=True` (or an `InstanceAdmin`) it
    checks credentials as an instance with authentication on; by default, as Airbyte OSS by default, it does not.

    It starts seeded with a believable workspace (`workspace_id`); `seed=False` gives an empty one. The
    methods of `AirbyteState` arrange what it holds; `faults` makes calls fail; `requests` and
    `call_count()` tell what it received; `applications` trades client credentials for tokens.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        seed: bool = True,
        server_version: str = DEFAULT_VERSION,
        edition: str = "oss",
        auth: Union[bool, InstanceAdmin] = False,
    ) -> None:
        super().__init__()
        self.server_version: ServerVersion = version_named(server_version)
        self.auth: Optional[InstanceAdmin] = None
        if auth:
            self.auth = auth if isinstance(auth, InstanceAdmin) else InstanceAdmin()
        self.faults = Faults()
        self.applications = Applications(self.auth)
        self.requests: Deque[RecordedRequest] = deque(maxlen=REQUESTS_KEPT)
        self._calls: Counter[str] = Counter()
        self._backend = WebBackend(self, self.server_version, edition)
        self._address = (host, port)
        self._server: Optional[HttpServer] = None
        self._stopping = threading.Event()
        if seed:
            seed_workspace(self, self._backend)

    # -- running -------------------------------------------------------------------------------------------

    def start(self) -> LocalAirbyte:
        """Start serving (from a background thread); returns self."""
        if self._server is not None:
            raise RuntimeError("This LocalAirbyte is already running")
        self._stopping.clear()
        server = HttpServer(self._address, self._respond)
        server.start()
        self._server = server
        return self

    def stop(self) -> None:
        """Stop serving and close every connection; slowed-down calls are cut short."""
        server, self._server = self._server, None
        if server is None:
            return
        self._stopping.set()
        server.stop()

    def __enter__(self) -> LocalAirbyte:
        return self.start()

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("LocalAirbyte is not running: call start() or use it in a with block")
        return self._server.port

    @property
    def url(self) -> str:
        """The base URL to give `Configuration(host=...)`, like a deployment's `http://localhost:8000/api`."""
        return f"http://{self._address[0]}:{self.port}{API_PREFIX}"

    # -- what it received ----------------------------------------------------------------------------------

    def call_count(self, operation: str) -> int:
        """How many calls to `operation` (named as `WebBackendApi` names it) arrived, faulted ones included."""
        with self.lock:
            return self._calls[operation]

    def recorded(self, operation: str) -> List[RecordedRequest]:
        """The calls to `operation` still in `requests`, oldest first."""
        with self.lock:
            return [request for request in self.requests if request.operation == operation]

    # -- answering -----------------------------------------------------------------------------------------

    def _respond(self, request: Request) -> Optional[Reply]:
        path = urlsplit(request.path).path.rstrip("/")
        if path.startswith(API_PREFIX + "/"):
            path = path[len(API_PREFIX) :]
        try:
            if path == HEALTH_PATH and request.method == "GET":
                return Reply(200, b'{"available":true}')
            if path == TOKEN_PATH and self.auth is not None:
                _check_route(request)
                return Reply(*self.applications.token(request.body))
            operation = OPERATIONS.get(path)
            if self.auth is not None and operation is not None:
                check_access(self.applications, operation.name, request.header("Authorization"))
            if operation is None or (path == GEOGRAPHIES_PATH and not self.server_version.has_geographies):
                raise ObjectNotFound()
            _check_route(request)
        except ApiProblem as problem:
            return Reply(*problem.answer(request.path, self.server_version.jersey))
        with self.lock:
            self._calls[operation.name] += 1
            self.requests.append(RecordedRequest(operation.name, request.headers, request.body))
        fault = self.faults.take(operation.name)
        if fault is None:
            return Reply(*self._answer(operation, request))
        return self._faulty(fault, operation.name, lambda: self._answer(operation, request))

    def _answer(self, operation: OperationSpec[Any], request: Request) -> Answer:
        if self.auth is not None and operation.name == "web_backend_get_connection" and _refreshing(request.body):
            try:
                check_access(self.applications, operation.name, request.header("Authorization"), refresh=True)
            except ApiProblem as problem:
                return problem.answer(request.path, self.server_version.jersey)
        return self._backend.answer(operation, request.body, request.path)

    def _faulty(self, fault: Fault, operation: str, answer: Callable[[], Answer]) -> Optional[Reply]:
        if fault.delay and self._stopping.wait(fault.delay):
            return None
        if fault.drop:
            if fault.after_processing:
                answer()
            return None
        if fault.status is not None:
            headers = {} if fault.retry_after is None else {"Retry-After": fault.retry_after}
            return Reply(fault.status, _fault_body(operation, fault.status), headers)
        return Reply(*answer())


def _check_route(request: Request) -> None:
    """Micronaut's routing: every route is a POST that consumes JSON (a body of another type would let a web
    page drive the server with a 'simple' cross-site request)."""
    if request.method != "POST":
        raise HttpStatusError.method_not_allowed(request.method, request.path)
    content_type = request.header("Content-Type")
    if content_type is not None and content_type.split(";")[0].strip().lower() != "application/json":
        raise HttpStatusError.unsupported_media_type(content_type)


def _refreshing(body: bytes) -> bool:
    try:
        document = json.loads(body)
    except (ValueError, RecursionError):
        return False
    return isinstance(document, dict) and document.get("withRefreshedCatalog") is True


def _fault_body(operation: str, status: int) -> bytes:
    body: Dict[str, object] = {"message": f"{operation} failed with {status}: a fault injected into LocalAirbyte"}
    if status == 422:
        body["validationErrors"] = []
    return json.dumps(body).encode("utf-8")
