"""Hostile answers from a server on 127.0.0.1: bodies too large (announced, endless, compressed bombs), answers that
trickle or never come, floods of interim answers, numbers JSON cannot hold. Each ends within its bounds, in time and
in bytes, with an exception of the library, and is not retried."""

from __future__ import annotations

import json
import threading
import time
import tracemalloc
from typing import Any, Callable, Iterator, List

import pytest
from hostile_server import Exchange, HostileServer, chunks, gzip_bomb, head, json_answer, wait_until
from samples import CONNECTION_ID, connection_read
from scripted_server import Reply, ScriptedServer, TokenIssuer

import openapi_client
from openapi_client import ApiClient, Configuration, WebBackendApi
from openapi_client.exceptions import ResponseTooLargeError
from openapi_client.retries import RetryPolicy

GEOGRAPHIES = "/v1/web_backend/geographies/list"
GET = "/v1/web_backend/connections/get"
UPDATE = "/v1/web_backend/connections/update"
LIMIT = 1024 * 1024
OK = json.dumps({"geographies": ["us"]}).encode()


@pytest.fixture
def hostile() -> Iterator[Callable[[Callable[[Exchange], None]], HostileServer]]:
    servers: List[HostileServer] = []

    def start(answer: Callable[[Exchange], None]) -> HostileServer:
        servers.append(HostileServer(answer))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def api_for(url: str, **settings: Any) -> WebBackendApi:
    """Retries that wait 10 ms, so that a retry would show; a 1 MiB limit; a 5 s timeout."""
    defaults = {"retries": RetryPolicy(total=3, backoff_factor=0.01), "timeout": 5.0}
    configuration = Configuration(host=url, **{**defaults, **settings})
    configuration.max_response_bytes = LIMIT
    return WebBackendApi(ApiClient(configuration))


def geographies(api: WebBackendApi, **options: Any) -> Any:
    return api.web_backend_list_geographies(**options)


# -- size ----------------------------------------------------------------------------------------------------


def test_the_default_limit_leaves_room_for_the_largest_workspaces() -> None:
    assert Configuration().max_response_bytes == 128 * 1024 * 1024


def test_an_announced_length_over_the_limit_is_refused_before_reading(hostile: Any) -> None:
    server = hostile(lambda x: x.send(head(Content_Length=str(LIMIT * 1024))) and x.send(b"{" * 4096) and x.hang())
    started = time.monotonic()
    with pytest.raises(ResponseTooLargeError) as caught:
        geographies(api_for(server.url))
    assert time.monotonic() - started < 2.0  # it did not wait for the body
    assert f"{LIMIT * 1024:,}" in str(caught.value) and "max_response_bytes" in str(caught.value)
    assert isinstance(caught.value, openapi_client.InvalidResponseError) and caught.value.status == 200
    assert server.count() == 1  # a read, yet not retried


def endless(exchange: Exchange) -> None:
    if exchange.send(head(Content_Type="application/json", Transfer_Encoding="chunked")):
        for chunk in chunks(b" " * 65536):
            if not exchange.send(chunk):
                return


def peak_memory_of_a_call_refused_as_too_large(server: HostileServer) -> int:
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError):
            geographies(api_for(server.url))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_an_endless_body_stops_at_the_limit(hostile: Any) -> None:
    server = hostile(endless)
    assert peak_memory_of_a_call_refused_as_too_large(server) < 8 * LIMIT
    assert server.count() == 1


def bomb(exchange: Exchange) -> None:
    """64 MiB of zeros in about 64 KiB, with `Content-Encoding: gzip` the client did not ask for."""
    body = gzip_bomb(64 * LIMIT)
    exchange.send(json_answer(body, Content_Encoding="gzip"))


def test_an_unasked_for_compression_is_not_unpacked_past_the_limit(hostile: Any) -> None:
    server = hostile(bomb)
    gzip_bomb(64 * LIMIT)  # made before measuring
    assert peak_memory_of_a_call_refused_as_too_large(server) < 8 * LIMIT
    assert server.requests[0].headers.get("accept-encoding", "identity") == "identity"


def test_a_compressed_body_within_the_limit_is_read(hostile: Any) -> None:
    import gzip

    server = hostile(lambda x: x.send(json_answer(gzip.compress(OK), Content_Encoding="gzip")))
    assert geographies(api_for(server.url)).geographies == ["us"]


def test_no_limit_reads_a_body_of_any_size(hostile: Any) -> None:
    body = json.dumps({"geographies": ["us"], "padding": "x" * (3 * LIMIT)}).encode()
    server = hostile(
        lambda x: (
            x.send(head(Content_Type="application/json", Transfer_Encoding="chunked"))
            and all(x.send(chunk) for chunk in [b"%x\r\n%s\r\n" % (len(body), body), b"0\r\n\r\n"])
        )
    )
    api = api_for(server.url)
    api.api_client.configuration.max_response_bytes = None
    assert geographies(api).geographies == ["us"]


def test_the_raw_variant_leaves_the_body_and_its_size_to_the_caller(hostile: Any) -> None:
    server = hostile(lambda x: x.send(json_answer(b" " * (2 * LIMIT) + OK)))
    response = api_for(server.url).web_backend_list_geographies_without_preload_content()
    assert len(response.read()) == 2 * LIMIT + len(OK)


# -- time ----------------------------------------------------------------------------------------------------


def trickling_body(exchange: Exchange) -> None:
    if exchange.send(head(Content_Type="application/json", Content_Length=str(len(OK)))):
        exchange.trickle(OK, 0.2)


def trickling_head(exchange: Exchange) -> None:
    exchange.trickle(json_answer(OK), 0.2)


def continue_flood(exchange: Exchange) -> None:
    while exchange.send(b"HTTP/1.1 100 Continue\r\n\r\n") and not exchange.server.stopping.wait(0.1):
        pass


@pytest.mark.parametrize("answer", [trickling_body, trickling_head, continue_flood], ids=lambda f: f.__name__)
def test_a_timeout_bounds_the_whole_answer_not_each_byte(hostile: Any, answer: Callable[[Exchange], None]) -> None:
    server = hostile(answer)
    started = time.monotonic()
    with pytest.raises(openapi_client.ApiTimeoutError) as caught:
        geographies(api_for(server.url, timeout=1.0))
    assert time.monotonic() - started < 2.5
    assert "web_backend_list_geographies" in str(caught.value)


def test_a_pair_bounds_each_answer_by_its_read_part(hostile: Any) -> None:
    server = hostile(trickling_body)
    started = time.monotonic()
    with pytest.raises(openapi_client.ApiTimeoutError):
        geographies(api_for(server.url, timeout=(5.0, 0.5), retries=0))
    assert time.monotonic() - started < 1.5


def test_request_timeout_bounds_the_call_retries_and_waits_included(hostile: Any) -> None:
    """Issue 9: `_request_timeout=0.3` on a read once took 3.56 s over 4 attempts."""
    server = hostile(lambda exchange: exchange.hang())
    api = api_for(server.url, retries=RetryPolicy(total=3, backoff_factor=0.5))
    started = time.monotonic()
    with pytest.raises(openapi_client.ApiTimeoutError):
        geographies(api, _request_timeout=0.3)
    assert time.monotonic() - started < 1.0
    assert server.count() == 1


def test_interim_answers_are_skipped(hostile: Any) -> None:
    early = b"HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
    interim = b"HTTP/1.1 102 Processing\r\n\r\n" + early + b"HTTP/1.1 100 Continue\r\n\r\n"
    server = hostile(lambda exchange: exchange.send(interim + json_answer(OK)))
    api = api_for(server.url, retries=0)
    assert geographies(api).geographies == ["us"]
    assert geographies(api).geographies == ["us"]


def body_in_parts(*parts: bytes) -> Callable[[Exchange], None]:
    """The head at once, then each part of the body 0.5 s after the one before."""

    def answer(exchange: Exchange) -> None:
        if exchange.send(head(Content_Type="application/json", Content_Length=str(len(b"".join(parts))))):
            for part in parts:
                exchange.server.stopping.wait(0.5)
                exchange.send(part)

    return answer


slow_body = body_in_parts(OK)


def test_the_body_of_a_raw_response_may_take_longer_than_the_calls_deadline(hostile: Any) -> None:
    """Its parts come 0.5 s apart (within the read timeout) and the last at 1.5 s, after the call's deadline (1 s)."""
    server = hostile(body_in_parts(OK[:1], OK[1:2], OK[2:]))
    response = api_for(server.url).web_backend_list_geographies_without_preload_content(_request_timeout=(0.3, 0.7))
    started = time.monotonic()
    assert response.read() == OK
    assert time.monotonic() - started > 1.2


def test_a_raw_response_without_any_timeout_is_read_as_any_other(hostile: Any) -> None:
    server = hostile(slow_body)
    response = api_for(server.url, timeout=None).web_backend_list_geographies_without_preload_content()
    assert response.read() == OK


def test_a_flood_of_interim_answers_is_cut_short(hostile: Any) -> None:
    flood = b"HTTP/1.1 103 Early Hints\r\n\r\n" * 33  # docs/authentication.md: "more than 32 interim answers"
    server = hostile(lambda exchange: exchange.send(flood + json_answer(OK)))
    with pytest.raises(openapi_client.ApiConnectionError, match="interim"):
        geographies(api_for(server.url, retries=0))


def test_the_body_of_a_raw_response_is_read_after_the_call_ended(hostile: Any) -> None:
    """The call ends when the raw response is returned: reading its body later is not bound by its deadline."""
    server = hostile(slow_body)
    response = api_for(server.url).web_backend_list_geographies_without_preload_content(_request_timeout=(0.3, 0.7))
    time.sleep(1.2)  # past the call's deadline (1.0 s); the body arrived at 0.5 s
    assert response.read() == OK


# -- numbers a float cannot hold ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "written"),
    [
        ("NaN", "NaN"),
        ("Infinity", "Infinity"),
        ("-Infinity", "-Infinity"),
        ("1e999", "Infinity"),
        ("-1e999", "-Infinity"),
    ],
)
@pytest.mark.parametrize("padding", [0, 100_000], ids=["small body", "large body"])
def test_numbers_beyond_a_float_are_kept_never_written_back_as_null(
    server: ScriptedServer, number: str, written: str, padding: int
) -> None:
    """`NaN` and `Infinity` (not JSON, but what Python's `json` writes) and numbers too large for a float are read
    as such and written back as `NaN`/`Infinity`, which a strict server refuses, never as `null`, which would change
    the user's data without a word."""
    document = connection_read()
    stream = document["syncCatalog"]["streams"][0]
    stream["stream"]["jsonSchema"] = {"type": "object", "maximum": "__NUMBER__", "padding": "p" * padding}
    stream["config"]["newServerSetting"] = "__NUMBER__"  # a field this client does not know
    server.always(GET, Reply(body=json.dumps(document).replace('"__NUMBER__"', number)))
    server.always(UPDATE, Reply(body=connection_read()))
    api = WebBackendApi(ApiClient(Configuration(host=server.url)))
    read = api.web_backend_get_connection({"connectionId": CONNECTION_ID})
    api.web_backend_update_connection({"connectionId": CONNECTION_ID, "syncCatalog": read.sync_catalog})
    sent = server.received[-1].body.decode()
    assert f'"maximum":{written}' in sent and f'"newServerSetting":{written}' in sent
    assert "null" not in sent


# -- the token request ---------------------------------------------------------------------------------------


def token_endpoint_that_hangs(exchange: Exchange) -> None:
    if exchange.request.path.endswith("/applications/token"):
        exchange.hang()
    else:
        exchange.send(json_answer(OK))


def test_the_token_request_ends_by_the_deadline_of_the_call_it_is_for(hostile: Any) -> None:
    server = hostile(token_endpoint_that_hangs)
    api = api_for(server.url, client_id="app", client_secret="SECRET-app", timeout=30.0)
    started = time.monotonic()
    with pytest.raises(openapi_client.UnauthorizedException) as caught:
        geographies(api, _request_timeout=0.5)
    assert time.monotonic() - started < 1.5
    assert isinstance(caught.value.__cause__, openapi_client.ApiTimeoutError)


def test_32_threads_waiting_for_a_hung_token_endpoint_all_fail_within_seconds(hostile: Any) -> None:
    """One thread asks, the others wait for its answer and share its failure: no queue of fetches, no herd."""
    server = hostile(token_endpoint_that_hangs)
    api = api_for(server.url, client_id="app", client_secret="SECRET-app", timeout=60.0)
    outcomes: List[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(32)
    ended: List[float] = []

    def work() -> None:
        start.wait()
        try:
            geographies(api, _request_timeout=1.0)
        except Exception as error:  # collected for the assertions
            with lock:
                outcomes.append(error)
                ended.append(time.monotonic())

    threads = [threading.Thread(target=work) for _ in range(32)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(outcomes) == 32
    assert all(isinstance(error, openapi_client.UnauthorizedException) for error in outcomes)
    assert max(ended) - started < 5.0
    assert server.count() <= 4  # a fetch per second of waiting at most, not one per thread
    assert len({id(error) for error in outcomes}) == 32  # each thread raises its own copy


def test_a_thread_waiting_for_another_threads_token_request_ends_by_its_own_deadline(hostile: Any) -> None:
    """The waiting thread's call has the shorter timeout: it gives up when its own deadline passes, not when the
    token request it waits for ends."""
    server = hostile(token_endpoint_that_hangs)
    api = api_for(server.url, client_id="app", client_secret="SECRET-app", timeout=60.0)
    leader_failures: List[BaseException] = []

    def lead() -> None:
        try:
            geographies(api, _request_timeout=2.0)
        except openapi_client.UnauthorizedException as error:
            leader_failures.append(error)

    leader = threading.Thread(target=lead)
    leader.start()
    assert wait_until(lambda: server.count() == 1)
    started = time.monotonic()
    with pytest.raises(openapi_client.UnauthorizedException, match="another thread was fetching the token"):
        geographies(api, _request_timeout=0.4)
    assert time.monotonic() - started < 0.9
    leader.join(timeout=10)
    assert len(leader_failures) == 1 and server.count() == 1


def test_threads_without_any_timeout_wait_for_one_token_request_as_long_as_it_takes(server: ScriptedServer) -> None:
    issuer = server.issue_tokens(TokenIssuer("app", "s", delay=0.5))
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
    configuration = Configuration(host=server.url, client_id="app", client_secret="s", timeout=None)
    api = WebBackendApi(ApiClient(configuration))
    answers: List[Any] = []
    threads = [threading.Thread(target=lambda: answers.append(geographies(api).geographies)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert answers == [["us"]] * 4 and len(issuer.issued) == 1


def test_a_token_with_a_line_break_from_the_endpoint_is_refused_and_not_kept(server: ScriptedServer) -> None:
    server.always("/v1/applications/token", Reply(body={"access_token": "abc\r\nX-Injected: 1"}))
    api = WebBackendApi(ApiClient(Configuration(host=server.url, client_id="app", client_secret="s", retries=0)))
    for _ in range(2):
        with pytest.raises(openapi_client.UnauthorizedException, match="cannot carry") as caught:
            api.web_backend_list_geographies()
        assert "X-Injected" not in str(caught.value)
    assert server.count("/v1/applications/token") == 2 and server.count(GEOGRAPHIES) == 0


def test_surrounding_whitespace_of_a_fetched_token_is_dropped(server: ScriptedServer) -> None:
    server.always("/v1/applications/token", Reply(body={"access_token": "  abc.def.ghi\n"}))
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    api = WebBackendApi(ApiClient(Configuration(host=server.url, client_id="app", client_secret="s")))
    api.web_backend_list_geographies()
    assert server.received[-1].headers["Authorization"] == "Bearer abc.def.ghi"


def test_an_answer_that_closes_its_connection_is_read_in_full_over_tls_too() -> None:
    """The connection closes its socket as soon as the head says `Connection: close`: the body is still read."""
    import ssl

    import trustme

    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    secure = ScriptedServer(ssl_context=context).start()
    try:
        body = {"geographies": ["us"], "padding": "p" * 200_000}
        secure.always(GEOGRAPHIES, Reply(body=body, headers={"Connection": "close"}, body_delay=0.1))
        api = WebBackendApi(ApiClient(Configuration(host=secure.url, ca_cert_data=ca.cert_pem.bytes().decode())))
        for _ in range(2):
            assert api.web_backend_list_geographies().geographies == ["us"]
    finally:
        secure.stop()


def test_threads_waiting_for_a_token_share_the_failure_of_its_request(server: ScriptedServer) -> None:
    """The token endpoint fails after a while: asked once, and every thread that waited gets its failure."""
    server.always("/v1/applications/token", Reply(500, {"message": "database unavailable"}, delay=0.5))
    configuration = Configuration(host=server.url, client_id="app", client_secret="s", timeout=10.0)
    api = WebBackendApi(ApiClient(configuration))
    failures: List[BaseException] = []
    start = threading.Barrier(8)

    def work() -> None:
        start.wait()
        try:
            api.web_backend_list_geographies()
        except openapi_client.UnauthorizedException as error:
            failures.append(error)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(failures) == 8 and all("500" in str(error) for error in failures)
    assert server.count("/v1/applications/token") == 1
    assert len({id(error) for error in failures}) == 8


def test_a_redirect_with_a_large_body_closes_its_connection_instead_of_reading_it(server: ScriptedServer) -> None:
    server.always(GEOGRAPHIES, Reply(307, b" " * (1024 * 1024), {"Location": "/v1/moved"}))
    server.always("/v1/moved", Reply(body={"geographies": ["moved"]}))
    api = WebBackendApi(ApiClient(Configuration(host=server.url, retries=0)))
    assert api.web_backend_list_geographies().geographies == ["moved"]


def test_a_socket_of_another_kind_is_kept_open_for_its_response_too() -> None:
    """What `http.client` does with the socket of a `Connection: close` answer: closes it before the body is read."""
    import socket

    from openapi_client.connections import _Response
    from openapi_client.deadlines import CURRENT, Deadline

    class OtherSocket(socket.socket):
        pass

    ours, theirs = socket.socketpair()
    sock = OtherSocket(fileno=ours.detach())
    theirs.sendall(json_answer(OK))
    outer, CURRENT.deadline = CURRENT.deadline, Deadline(time.monotonic() + 5, 5.0)
    try:
        response = _Response(sock, method="POST")
        response.begin()
        sock.close()
        assert response.read() == OK
    finally:
        CURRENT.deadline = outer
        response.close()
        theirs.close()


def test_when_the_thread_fetching_the_token_is_interrupted_a_waiting_one_fetches_it(hostile: Any) -> None:
    """Ctrl-C in the thread that asked (here the main thread): the others do not get its KeyboardInterrupt."""
    import itertools
    import signal

    token_requests = itertools.count(1)

    def answer(exchange: Exchange) -> None:
        if not exchange.request.path.endswith("/applications/token"):
            exchange.send(json_answer(OK))
        elif next(token_requests) == 1:
            exchange.hang()
        else:
            exchange.send(json_answer(b'{"access_token": "second-token"}'))

    server = hostile(answer)
    api = WebBackendApi(ApiClient(Configuration(host=server.url, client_id="app", client_secret="s", timeout=10.0)))
    results: List[Any] = []

    def follower() -> None:
        results.append(geographies(api))

    def interrupt_the_main_thread() -> None:
        assert wait_until(lambda: server.count() == 1)
        threading.Thread(target=follower).start()
        time.sleep(0.3)  # the follower now waits for the main thread's token
        signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)  # type: ignore[arg-type]

    interrupter = threading.Thread(target=interrupt_the_main_thread)
    interrupter.start()
    with pytest.raises(KeyboardInterrupt):
        geographies(api)
    interrupter.join(timeout=10)
    assert wait_until(lambda: len(results) == 1)
    assert results[0].geographies == ["us"]
    assert server.count("/v1/applications/token") == 2
    assert server.requests[-1].headers["authorization"] == "Bearer second-token"
