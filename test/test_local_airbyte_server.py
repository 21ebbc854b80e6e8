"""`LocalAirbyte` as a server: fault injection, concurrent calls, keep-alive, starting and stopping, the
`python -m openapi_client.testing` command, and the quickstart that runs against it."""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional
from uuid import UUID

import pytest
import urllib3

import openapi_client
from openapi_client import ApiConnectionError, ApiTimeoutError, ServiceException, WebBackendApi
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate
from openapi_client.testing import Fault, LocalAirbyte

ROOT = Path(__file__).resolve().parents[1]
LIST = "web_backend_list_connections_for_workspace"
CREATE = "web_backend_create_connection"
# Bounds for the subprocess tests: generous for a loaded CI machine, never reached when things work.
START_TIMEOUT = 20.0
EXIT_TIMEOUT = 20.0


@pytest.fixture
def airbyte() -> Iterator[LocalAirbyte]:
    with LocalAirbyte() as local:
        yield local


def api_for(local: LocalAirbyte, **settings: Any) -> Iterator[WebBackendApi]:
    with openapi_client.ApiClient(openapi_client.Configuration(host=local.url, **settings)) as client:
        yield WebBackendApi(client)


@pytest.fixture
def web(airbyte: LocalAirbyte) -> Iterator[WebBackendApi]:
    yield from api_for(airbyte, retries=0)


def list_connections(web: WebBackendApi, workspace_id: UUID, **options: Any) -> List[Any]:
    body = WebBackendConnectionListRequestBody(workspace_id=workspace_id)
    return list(web.web_backend_list_connections_for_workspace(body, **options).connections)


def new_connection(airbyte: LocalAirbyte, name: str) -> WebBackendConnectionCreate:
    return WebBackendConnectionCreate(
        name=name,
        source_id=airbyte.source_named("GitHub"),
        destination_id=airbyte.destination_named("Analytics warehouse"),
        status=ConnectionStatus.INACTIVE,
    )


# -- fault injection ---------------------------------------------------------------------------------------


def test_injected_failures_answer_with_the_status_and_retry_after_then_stop(
    airbyte: LocalAirbyte, web: WebBackendApi
) -> None:
    airbyte.faults.fail(LIST, 503, times=2, retry_after=7)
    for attempt in (1, 2):
        with pytest.raises(ServiceException) as failed:
            list_connections(web, airbyte.workspace_id)
        assert failed.value.status == 503 and failed.value.headers["Retry-After"] == "7"
        assert LIST in json.loads(failed.value.body)["message"]
        assert airbyte.call_count(LIST) == attempt
    assert len(list_connections(web, airbyte.workspace_id)) == 2
    assert airbyte.call_count(LIST) == 3 and airbyte.faults.pending() == 0


def test_a_retrying_client_gets_through_injected_failures(airbyte: LocalAirbyte) -> None:
    airbyte.faults.fail(LIST, 429, times=2, retry_after=0)
    retries = urllib3.Retry(total=3, status_forcelist=[429], allowed_methods=None, backoff_factor=0)
    for web in api_for(airbyte, retries=retries):
        assert len(list_connections(web, airbyte.workspace_id)) == 2
    assert airbyte.call_count(LIST) == 3
    assert [r.operation for r in airbyte.requests] == [LIST] * 3


def test_faults_for_one_operation_leave_the_others_alone(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    airbyte.faults.fail(CREATE, 500)
    assert len(list_connections(web, airbyte.workspace_id)) == 2
    assert airbyte.faults.pending([CREATE]) == 1 and airbyte.faults.pending([LIST]) == 0
    with pytest.raises(ServiceException):
        web.web_backend_create_connection(new_connection(airbyte, "x"))
    assert len(airbyte.connections) == 2  # the failed create made nothing


def test_a_fault_for_any_operation_hits_the_next_call(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    airbyte.faults.fail("*", 502)
    with pytest.raises(ServiceException) as failed:
        web.web_backend_list_geographies()
    assert failed.value.status == 502
    assert web.web_backend_list_geographies().geographies == ["auto"]


def test_a_slow_call_times_the_client_out_and_the_next_is_quick(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    airbyte.faults.slow_down(LIST, 0.5)
    started = time.monotonic()
    with pytest.raises(ApiTimeoutError):
        list_connections(web, airbyte.workspace_id, _request_timeout=(1, 0.1))
    assert time.monotonic() - started < 0.45
    started = time.monotonic()
    list_connections(web, airbyte.workspace_id, _request_timeout=(1, 2))
    assert time.monotonic() - started < 0.45  # the delay was used up by the call before


def test_a_slow_call_still_answers(airbyte: LocalAirbyte, web: WebBackendApi) -> None:
    airbyte.faults.add(LIST, Fault(delay=0.2))
    started = time.monotonic()
    assert len(list_connections(web, airbyte.workspace_id)) == 2
    assert time.monotonic() - started >= 0.2


def test_a_dropped_connection_reaches_the_client_as_a_connection_error(
    airbyte: LocalAirbyte, web: WebBackendApi
) -> None:
    airbyte.faults.drop_connection(CREATE)
    with pytest.raises(ApiConnectionError) as dropped:
        web.web_backend_create_connection(new_connection(airbyte, "dropped before"))
    assert dropped.value.operation == CREATE
    assert "dropped before" not in {c.name for c in list_connections(web, airbyte.workspace_id)}


def test_a_connection_dropped_after_processing_leaves_the_change_made(
    airbyte: LocalAirbyte, web: WebBackendApi
) -> None:
    airbyte.faults.drop_connection(CREATE, after_processing=True)
    with pytest.raises(ApiConnectionError):
        web.web_backend_create_connection(new_connection(airbyte, "made anyway"))
    assert "made anyway" in {c.name for c in list_connections(web, airbyte.workspace_id)}


def test_faults_are_checked_when_queued(airbyte: LocalAirbyte) -> None:
    with pytest.raises(ValueError, match="Unknown operation 'web_backend_delete_connection'"):
        airbyte.faults.fail("web_backend_delete_connection")
    with pytest.raises(ValueError, match="times"):
        airbyte.faults.fail(LIST, times=0)
    with pytest.raises(ValueError, match="not both"):
        Fault(status=500, drop=True)
    airbyte.faults.fail(LIST, times=3)
    airbyte.faults.clear()
    assert airbyte.faults.pending() == 0


def test_recorded_requests_keep_bodies_and_hide_credentials(airbyte: LocalAirbyte) -> None:
    for web in api_for(airbyte, username="airbyte", password="s3cret-password"):
        list_connections(web, airbyte.workspace_id)
    [request] = airbyte.recorded(LIST)
    assert request.json() == {"workspaceId": str(airbyte.workspace_id)}
    assert request.headers["Authorization"].startswith("Basic ")
    assert "s3cret" not in repr(request) and request.headers["Authorization"] not in repr(request)


# -- concurrency and connections ---------------------------------------------------------------------------


def test_concurrent_creates_and_updates_leave_the_state_whole(airbyte: LocalAirbyte) -> None:
    threads, per_thread = 8, 5
    errors: List[BaseException] = []
    barrier = threading.Barrier(threads)

    def work(worker: int) -> None:
        try:
            for web in api_for(airbyte, retries=0):
                barrier.wait(timeout=10)
                for n in range(per_thread):
                    created = web.web_backend_create_connection(new_connection(airbyte, f"w{worker}-{n}"))
                    web.web_backend_update_connection(
                        WebBackendConnectionUpdate(connection_id=created.connection_id, name=f"w{worker}-{n} renamed")
                    )
                    list_connections(web, airbyte.workspace_id)
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join(timeout=60)
    assert not errors, errors
    assert not any(thread.is_alive() for thread in workers)

    for web in api_for(airbyte, retries=0):
        names = [c.name for c in list_connections(web, airbyte.workspace_id)]
    made = sorted(name for name in names if name.startswith("w"))
    assert made == sorted(f"w{w}-{n} renamed" for w in range(threads) for n in range(per_thread))
    assert len(set(airbyte.connections)) == len(names) == threads * per_thread + 2
    assert airbyte.call_count(CREATE) == threads * per_thread


def test_keep_alive_serves_many_calls_on_one_connection(airbyte: LocalAirbyte) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", airbyte.port, timeout=5)
    local_addresses = set()
    try:
        for _ in range(3):
            connection.request("POST", "/api/v1/web_backend/geographies/list", body=b"")
            response = connection.getresponse()
            assert response.status == 200 and json.loads(response.read())["geographies"] == ["auto"]
            assert response.getheader("Connection") != "close"
            assert connection.sock is not None
            local_addresses.add(connection.sock.getsockname())
    finally:
        connection.close()
    # One socket for all three: a reconnection would have had a new local port.
    assert len(local_addresses) == 1


def test_a_chunked_request_body_is_read(airbyte: LocalAirbyte) -> None:
    body = json.dumps({"workspaceId": str(airbyte.workspace_id)}).encode()
    connection = http.client.HTTPConnection("127.0.0.1", airbyte.port, timeout=5)
    try:
        # An iterable body without a length goes out chunked.
        connection.request("POST", "/api/v1/web_backend/workspace/state", body=iter([body[:10], body[10:]]))
        response = connection.getresponse()
        assert response.status == 200 and json.loads(response.read())["hasConnections"] is True
    finally:
        connection.close()
    assert airbyte.recorded("web_backend_get_workspace_state")[0].body == body


def test_stop_closes_idle_connections_and_frees_the_port() -> None:
    local = LocalAirbyte(seed=False).start()
    port = local.port
    idle = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    idle.request("POST", "/api/v1/web_backend/check_updates")
    assert idle.getresponse().read()
    url = local.url
    slow = threading.Thread(target=lambda: _call_quietly(url))
    local.faults.slow_down("web_backend_list_geographies", 30)
    slow.start()
    started = time.monotonic()
    local.stop()
    slow.join(timeout=5)
    assert time.monotonic() - started < 3 and not slow.is_alive()
    with pytest.raises(RuntimeError, match="not running"):
        _ = local.url
    # The port is free again, and the same LocalAirbyte serves again from a fresh start.
    again = LocalAirbyte(seed=False, port=port).start()
    again.stop()
    local.start()
    with pytest.raises(RuntimeError, match="already running"):
        local.start()
    local.stop()
    idle.close()


def test_it_starts_where_an_event_loop_is_already_running() -> None:
    # A Jupyter kernel runs an asyncio loop in the thread that executes the notebook's cells.
    async def in_a_notebook() -> int:
        with LocalAirbyte(seed=False) as local:
            answer = urllib3.request("POST", local.url + "/v1/web_backend/check_updates", retries=False, timeout=10)
            return answer.status

    assert asyncio.run(in_a_notebook()) == 200


def test_a_taken_port_raises_at_start_and_leaves_no_thread_behind() -> None:
    with LocalAirbyte(seed=False) as running:
        threads = set(threading.enumerate())
        with pytest.raises(OSError):
            LocalAirbyte(seed=False, port=running.port).start()
        assert set(threading.enumerate()) <= threads


def _call_quietly(url: str) -> None:
    with contextlib.suppress(urllib3.exceptions.HTTPError):
        urllib3.request("POST", url + "/v1/web_backend/geographies/list", retries=False, timeout=10)


def test_a_failure_of_the_server_itself_is_a_500_that_says_so(
    airbyte: LocalAirbyte, web: WebBackendApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*arguments: Any) -> Any:
        raise RuntimeError("the local backend has a bug")

    monkeypatch.setattr(airbyte._backend, "web_backend_list_geographies", broken)
    with pytest.raises(ServiceException) as failed:
        web.web_backend_list_geographies()
    assert failed.value.status == 500 and "RuntimeError: the local backend has a bug" in failed.value.body
    # The connection and the other operations are fine.
    assert web.web_backend_check_updates().source_definitions == 1


def test_importing_the_client_does_not_import_the_testing_package() -> None:
    code = "import sys, openapi_client; openapi_client.WebBackendApi; print('openapi_client.testing' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=EXIT_TIMEOUT)
    assert result.stdout.strip() == "False", result.stderr


# -- robustness of the server itself ---------------------------------------------------------------------


def raw_exchange(port: int, request: bytes, timeout: float = 5.0) -> bytes:
    """Send `request` on a new connection and read until the server closes it."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(request)
        received = b""
        with contextlib.suppress(ConnectionResetError):
            while chunk := sock.recv(65536):
                received += chunk
        return received


def test_bursts_of_concurrent_clients_are_all_answered(airbyte: LocalAirbyte) -> None:
    """A listen backlog of at least 128: 128 clients connecting at once all get their answers."""
    clients, calls = 128, 3
    barrier = threading.Barrier(clients)
    failures: List[BaseException] = []
    statuses: queue.Queue[int] = queue.Queue()
    body = json.dumps({"workspaceId": str(airbyte.workspace_id)}).encode()

    def client() -> None:
        try:
            barrier.wait(timeout=30)
            for _ in range(calls):
                # A new connection every time, as many scripts make them.
                response = urllib3.request("POST", airbyte.url + "/v1/web_backend/workspace/state", body=body,
                                           retries=False, timeout=30)  # fmt: skip
                statuses.put(response.status)
        except BaseException as error:  # reported by the main thread
            failures.append(error)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures[:3]
    assert [statuses.get_nowait() for _ in range(clients * calls)] == [200] * clients * calls


@pytest.mark.parametrize(
    "size, status", [(b"-5", 400), (b"-0", 400), (b"0x10", 400), (b"FFFFFFFFFFFF", 413), (b"", 400)]
)
def test_bad_chunk_sizes_are_refused_and_the_server_goes_on(airbyte: LocalAirbyte, size: bytes, status: int) -> None:
    request = (
        b"POST /api/v1/web_backend/check_updates HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + size + b"\r\n" + b"x" * 10 + b"\r\n0\r\n\r\n"
    )  # fmt: skip
    answer = raw_exchange(airbyte.port, request)
    assert answer.startswith(f"HTTP/1.1 {status} ".encode()), answer[:80]
    assert urllib3.request("POST", airbyte.url + "/v1/web_backend/check_updates", retries=False).status == 200


@pytest.mark.parametrize("length", [b"-1", b"abc", b"99999999999999999999"])
def test_bad_content_lengths_are_refused(airbyte: LocalAirbyte, length: bytes) -> None:
    request = b"POST /api/v1/web_backend/check_updates HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + b"\r\n\r\n{}"
    assert raw_exchange(airbyte.port, request)[:12] in (b"HTTP/1.1 400", b"HTTP/1.1 413")


def test_half_sent_requests_hold_no_threads_and_block_no_one(airbyte: LocalAirbyte) -> None:
    """500 clients that send part of a request and stall: the server reads them on its event loop, so its
    worker threads stay free, other callers are answered at once, and its thread count does not grow."""
    threads_before = threading.active_count()
    stalled: List[socket.socket] = []
    try:
        for n in range(500):
            sock = socket.create_connection(("127.0.0.1", airbyte.port), timeout=5)
            head = b"POST /api/v1/web_backend/check_updates HTTP/1.1\r\nHost: x\r\n"
            # Half of them stop inside the headers, the other half inside the body.
            sock.sendall(head if n % 2 else head + b"Content-Length: 1000\r\n\r\n" + b"{" * 10)
            stalled.append(sock)
        started = time.monotonic()
        for web in api_for(airbyte, retries=0):
            assert len(list_connections(web, airbyte.workspace_id, _request_timeout=10)) == 2
        assert time.monotonic() - started < 5
        assert threading.active_count() - threads_before < 40
    finally:
        for sock in stalled:
            sock.close()


def test_the_workers_are_a_bounded_pool(airbyte: LocalAirbyte) -> None:
    """Many slow calls at once queue for the server's workers instead of each getting a thread."""
    airbyte.faults.slow_down("web_backend_check_updates", 0.3, times=80)
    threads_before = threading.active_count()
    most = threads_before
    done: queue.Queue[int] = queue.Queue()

    def call() -> None:
        with contextlib.suppress(urllib3.exceptions.HTTPError):
            done.put(
                urllib3.request("POST", airbyte.url + "/v1/web_backend/check_updates", retries=False, timeout=60).status
            )

    callers = [threading.Thread(target=call) for _ in range(80)]
    for caller in callers:
        caller.start()
    while any(caller.is_alive() for caller in callers):
        most = max(most, threading.active_count())
        time.sleep(0.01)
    assert [done.get_nowait() for _ in range(80)] == [200] * 80
    # 80 callers of our own, and at most the server's pool (32 workers) besides.
    assert most - threads_before <= 80 + 32 + 2


def test_a_request_head_too_large_is_refused(airbyte: LocalAirbyte) -> None:
    request = b"POST /api/v1/web_backend/check_updates HTTP/1.1\r\nX-Big: " + b"a" * 100_000 + b"\r\n\r\n"
    assert raw_exchange(airbyte.port, request).startswith(b"HTTP/1.1 431 ")


@pytest.mark.parametrize(
    "request_head",
    [b"NONSENSE\r\n\r\n", b"POST /api HTTP/2\r\n\r\n", b"POST /api/v1/health HTTP/1.1\r\n bad: header\r\n\r\n"],
)
def test_malformed_requests_are_400(airbyte: LocalAirbyte, request_head: bytes) -> None:
    assert raw_exchange(airbyte.port, request_head).startswith(b"HTTP/1.1 400 ")


def test_a_chunk_longer_than_its_size_is_refused(airbyte: LocalAirbyte) -> None:
    request = (
        b"POST /api/v1/web_backend/check_updates HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}}\r\n0\r\n\r\n"
    )
    assert raw_exchange(airbyte.port, request).startswith(b"HTTP/1.1 400 ")


def test_expect_continue_and_http_1_0_are_served(airbyte: LocalAirbyte) -> None:
    body = json.dumps({"workspaceId": str(airbyte.workspace_id)}).encode()
    head = (
        b"POST /api/v1/web_backend/workspace/state HTTP/1.0\r\nContent-Type: application/json\r\n"
        b"Expect: 100-continue\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n"
    )
    answer = raw_exchange(airbyte.port, head + body)
    assert answer.startswith(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n")
    assert b"Connection: close" in answer and answer.endswith(b'"hasDestinations": true}')


# -- authentication details -------------------------------------------------------------------------------------


def test_credentials_are_checked_before_routing_and_roles_per_operation() -> None:
    with LocalAirbyte(seed=False, auth=True) as secured:
        reader = secured.applications.issue(roles=["WORKSPACE_READER"])
        connection = str(UUID(int=1))
        for header, path, document, status in [
            ("Basic !!!", "/v1/web_backend/state/get_type", {"connectionId": connection}, 401),
            ("Token abc", "/v1/web_backend/state/get_type", {"connectionId": connection}, 401),
            ("Bearer a.b", "/v1/web_backend/state/get_type", {"connectionId": connection}, 401),
            (f"Bearer {reader}", "/v1/web_backend/state/get_type", {"connectionId": connection}, 200),
            (f"Bearer {reader}", "/v1/web_backend/connections/get", {"connectionId": connection}, 404),
            (
                f"Bearer {reader}",
                "/v1/web_backend/connections/get",
                {"connectionId": connection, "withRefreshedCatalog": True},
                403,
            ),
            (f"Bearer {reader}", "/v1/web_backend/connections/create", {}, 403),
        ]:
            response = urllib3.request(
                "POST", secured.url + path, json=document, headers={"Authorization": header}, retries=False
            )
            assert response.status == status, (header, path)
        assert secured.auth is not None
        assert secured.auth.password not in repr(secured.auth) and secured.auth.client_secret not in repr(secured.auth)
        token_path = secured.url + "/v1/applications/token"
        as_form = urllib3.request(
            "POST", token_path, body=b"a=b", headers={"Content-Type": "text/plain"}, retries=False
        )
        assert as_form.status == 415


# -- python -m openapi_client.testing ------------------------------------------------------------------------


class Command:
    """`python -m openapi_client.testing` in a subprocess, its output read line by line from a thread."""

    def __init__(self, *arguments: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "openapi_client.testing", *arguments],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[Optional[str]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def line(self) -> str:
        line = self.lines.get(timeout=START_TIMEOUT)
        assert line is not None, self.process.stderr.read() if self.process.stderr else ""
        return line

    def stop(self, signal_number: int) -> int:
        self.process.send_signal(signal_number)
        return self.process.wait(timeout=EXIT_TIMEOUT)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=EXIT_TIMEOUT)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGINT])
def test_the_command_serves_on_the_url_it_prints_and_exits_cleanly_on_a_signal(signal_number: int) -> None:
    command = Command("--port", "0")
    try:
        first = command.line()
        assert first.startswith("LocalAirbyte listening on http://127.0.0.1:") and first.endswith("/api")
        url = first.rsplit(" ", 1)[1]
        workspace = UUID(command.line().split()[-1])
        assert command.line() == "Answering as Airbyte OSS 2024-10"
        with openapi_client.ApiClient(openapi_client.Configuration(host=url, retries=0)) as client:
            web = WebBackendApi(client)
            assert len(list_connections(web, workspace)) == 2
        assert command.stop(signal_number) == 0
        assert command.line() == "LocalAirbyte stopped"
        assert command.process.stderr is not None
        assert "/v1/web_backend/connections/list" in command.process.stderr.read()
    finally:
        command.kill()


def test_the_command_starts_empty_on_request_and_reports_a_busy_port(airbyte: LocalAirbyte) -> None:
    busy = Command("--port", str(airbyte.port), "--quiet")
    try:
        assert busy.process.wait(timeout=EXIT_TIMEOUT) == 1
        assert busy.process.stderr is not None and "Cannot listen" in busy.process.stderr.read()
    finally:
        busy.kill()
    command = Command("--port", "0", "--empty", "--quiet")
    try:
        url = command.line().rsplit(" ", 1)[1]
        workspace = UUID(command.line().split()[-1])
        with openapi_client.ApiClient(openapi_client.Configuration(host=url, retries=0)) as client:
            assert list_connections(WebBackendApi(client), workspace) == []
        assert command.stop(signal.SIGTERM) == 0
    finally:
        command.kill()


# -- the quickstart ------------------------------------------------------------------------------------------


def run_quickstart(env: Dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("AIRBYTE_")}
    return subprocess.run(
        [sys.executable, str(ROOT / "examples" / "quickstart.py")],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_quickstart_runs_against_the_local_server_it_starts() -> None:
    result = run_quickstart({})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "the local web backend at http://127.0.0.1:" in out
    assert "Postgres to BigQuery  active" in out and "Stripe to Snowflake" in out
    assert 'Created "GitHub to BigQuery"' in out
    # Created without a catalog, the connection has none (as in Airbyte); a refresh discovers the source's streams,
    # all unselected, and the patch selects two with the refreshed catalog's id.
    assert "It has 0 stream(s)" in out
    assert "repositories   incremental  append_dedup      updated_at  id           no" in out
    assert "name      GitHub to BigQuery  GitHub to BigQuery (every 6 hours)" in out
    assert "schedule  manual              every 6 hours" in out
    assert "streams   (none)              repositories, issues" in out
    # Upstream, the cursor of `repositories` went away: a breaking change; `commits` is a new stream.
    assert "Schema change: breaking (3 stream(s) changed)" in out
    assert "repositories  remove_field         updated_at             yes" in out
    assert "commits       add_stream" in out
    # Airbyte sets a connection that a change breaks inactive (this one already was); how to accept the change.
    assert "The connection is inactive. To accept the new schema, send refreshed.to_update()" in out
    assert out.rstrip().endswith("Done.")


def test_the_quickstart_runs_against_airbyte_url_with_credentials_and_cleans_up(airbyte: LocalAirbyte) -> None:
    # Airbyte lists connections in no particular order and the quickstart copies the first: let both seeded
    # connections be up to date with their sources, so that either copy finds no change.
    for web in api_for(airbyte, retries=0):
        stripe = airbyte.connection_named("Stripe to Snowflake")
        refreshed = web.web_backend_get_connection(
            WebBackendConnectionRequestBody(connection_id=stripe, with_refreshed_catalog=True)
        )
        update = WebBackendConnectionUpdate(
            connection_id=stripe, sync_catalog=refreshed.sync_catalog, source_catalog_id=refreshed.catalog_id
        )
        web.web_backend_update_connection(update)
        first = list_connections(web, airbyte.workspace_id)[0]
    earlier = len(airbyte.requests)
    env = {
        "AIRBYTE_URL": airbyte.url,
        "AIRBYTE_WORKSPACE_ID": str(airbyte.workspace_id),
        "AIRBYTE_USERNAME": "airbyte",
        "AIRBYTE_PASSWORD": "password",
    }
    result = run_quickstart(env)
    assert result.returncode == 0, result.stderr
    assert f"Airbyte at {airbyte.url}" in result.stdout
    assert 'Created "openapi_client quickstart"' in result.stdout
    assert "No changes: the source's schema matches the connection's catalog." in result.stdout
    assert 'Deleted "openapi_client quickstart (every 6 hours)"' in result.stdout
    sent = list(airbyte.requests)[earlier:]
    assert sent and all(r.headers.get("Authorization") == "Basic YWlyYnl0ZTpwYXNzd29yZA==" for r in sent)
    # It copied the first connection, and deleted its copy: the workspace lists what it listed before.
    [copy] = [c for c in airbyte.connections.values() if c.name.startswith("openapi_client quickstart")]
    assert copy.status is ConnectionStatus.DEPRECATED
    assert copy.source_id == first.source.source_id
    for web in api_for(airbyte, retries=0):
        assert sorted(c.name for c in list_connections(web, airbyte.workspace_id)) == [
            "Postgres to BigQuery",
            "Stripe to Snowflake",
        ]
        deleted = web.web_backend_get_connection(WebBackendConnectionRequestBody(connection_id=copy.connection_id))
        assert (deleted.connection_id, deleted.status) == (copy.connection_id, ConnectionStatus.DEPRECATED)


def test_the_quickstart_sends_a_bearer_token_from_the_environment(airbyte: LocalAirbyte) -> None:
    env = {"AIRBYTE_URL": airbyte.url, "AIRBYTE_WORKSPACE_ID": str(airbyte.workspace_id), "AIRBYTE_ACCESS_TOKEN": "t0k"}
    assert run_quickstart(env).returncode == 0
    assert {r.headers.get("Authorization") for r in airbyte.requests} == {"Bearer t0k"}


@pytest.mark.parametrize("application", ["instance admin", "added"])
def test_the_quickstart_trades_application_credentials_for_a_token(application: str) -> None:
    with LocalAirbyte(auth=True) as secured:
        admin = secured.applications.admin
        added = secured.applications.add()
        client_id, client_secret = (admin.client_id, admin.client_secret) if application != "added" else added
        env = {
            "AIRBYTE_URL": secured.url,
            "AIRBYTE_WORKSPACE_ID": str(secured.workspace_id),
            "AIRBYTE_CLIENT_ID": client_id,
            "AIRBYTE_CLIENT_SECRET": client_secret,
        }
        result = run_quickstart(env)
        assert result.returncode == 0, result.stderr
        assert client_secret not in result.stdout + result.stderr
        assert secured.applications.issued
        sent = {r.headers.get("Authorization") for r in secured.requests}
        assert sent <= {f"Bearer {token}" for token in secured.applications.issued}


def test_the_token_endpoint_refuses_unknown_credentials() -> None:
    with LocalAirbyte(seed=False, auth=True) as secured:
        client_id, _ = secured.applications.add()
        url = secured.url + "/v1/applications/token"
        headers = {"Content-Type": "application/json"}
        wrong = json.dumps({"client_id": client_id, "client_secret": "guess"}).encode()
        assert urllib3.request("POST", url, body=wrong, headers=headers, retries=False).status == 400
        assert urllib3.request("POST", url, body=b"[]", headers=headers, retries=False).status == 500
        assert urllib3.request("POST", url, body=b"{", headers=headers, retries=False).status == 400
        assert urllib3.request("GET", url, retries=False).status == 405
        assert secured.applications.issued == []


def test_the_quickstart_asks_for_the_workspace_of_a_real_airbyte(airbyte: LocalAirbyte) -> None:
    result = run_quickstart({"AIRBYTE_URL": airbyte.url})
    assert result.returncode == 2 and "AIRBYTE_WORKSPACE_ID" in result.stderr
    assert len(airbyte.requests) == 0


def test_the_command_in_this_process_stops_on_sigterm(capsys: pytest.CaptureFixture[str]) -> None:
    """`main()` itself (the subprocess tests above run it too, out of coverage's sight)."""
    from openapi_client.testing.__main__ import main

    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    timer = threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGTERM))
    try:
        timer.start()
        assert main(["--port", "0", "--quiet", "--empty", "--server-version", "2022-12"]) == 0
    finally:
        timer.cancel()
        for number, handler in handlers.items():
            signal.signal(number, handler)
    out = capsys.readouterr().out
    assert "Answering as Airbyte OSS 2022-12" in out and out.rstrip().endswith("LocalAirbyte stopped")
