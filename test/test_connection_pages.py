"""Listing every connection: the plain call's warning on a paginating server, and
`WebBackendApi.iter_connections_for_workspace` against the servers of each version (`LocalAirbyte`) and against
hostile ones (`ScriptedServer`), over real sockets."""

from __future__ import annotations

import inspect
import json
import uuid
import warnings
from contextlib import contextmanager
from typing import Any, Dict, Iterator, List, Optional
from unittest import mock

import pytest
from local_airbyte_helpers import LIST, client_for, create, shop
from samples import WORKSPACE_ID, connection_list_item
from scripted_server import Reply, ScriptedServer

import openapi_client
from openapi_client import (
    ApiTypeError,
    ApiValueError,
    IncompleteListWarning,
    PagingError,
    UnprocessableEntityException,
    WebBackendApi,
)
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.testing import LocalAirbyte

OPERATION = "web_backend_list_connections_for_workspace"
CONNECTIONS = 300


@contextmanager
def populated(version: str) -> Iterator[LocalAirbyte]:
    """A server of `version` whose workspace has 300 connections, named so that the lower-cased name decides the
    2025 order (`Sync 007` and `sync 007` sort together)."""
    with LocalAirbyte(seed=False, server_version=version) as local, client_for(local) as web:
        ids = shop(local)
        for n in range(CONNECTIONS):
            create(web, ConnectionStatus.ACTIVE, name=f"{'Sync' if n % 3 else 'sync'} {n % 100:03d}", **ids)
        yield local


@pytest.fixture(scope="module")
def paginating() -> Iterator[LocalAirbyte]:
    with populated("2025-07") as local:
        yield local


def body_for(local: LocalAirbyte, **fields: Any) -> WebBackendConnectionListRequestBody:
    return WebBackendConnectionListRequestBody(workspace_id=local.workspace_id, **fields)


def server_order(local: LocalAirbyte) -> List[uuid.UUID]:
    """The 2025 list's order: lower-cased name, then id."""
    live = [c for c in local.connections.values() if not c.deleted]
    return [c.connection_id for c in sorted(live, key=lambda c: (c.name.lower(), str(c.connection_id)))]


def list_calls(local: LocalAirbyte) -> List[Dict[str, Any]]:
    """The bodies of the list calls the server received, in order."""
    return [json.loads(request.body) for request in local.recorded(OPERATION)]


# -- the plain call ------------------------------------------------------------------------------------------------


def test_the_plain_call_warns_once_on_a_paginating_server(paginating: LocalAirbyte) -> None:
    before = paginating.call_count(OPERATION)
    with client_for(paginating) as web, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        page = web.web_backend_list_connections_for_workspace(body_for(paginating))
    assert paginating.call_count(OPERATION) == before + 1
    assert len(page.connections) == 20
    [warning] = caught
    assert warning.category is IncompleteListWarning and issubclass(IncompleteListWarning, Warning)
    message = str(warning.message)
    assert "returned 20 of the 300 connections" in message
    assert "iter_connections_for_workspace" in message
    # It points at the line that made the call, not into the client.
    assert warning.filename == __file__


def test_the_http_info_twin_warns_and_the_raw_twin_leaves_the_body_to_the_caller(paginating: LocalAirbyte) -> None:
    with client_for(paginating) as web:
        with pytest.warns(IncompleteListWarning, match="20 of the 300"):
            response = web.web_backend_list_connections_for_workspace_with_http_info(body_for(paginating))
        assert len(response.data.connections) == 20
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            raw = web.web_backend_list_connections_for_workspace_without_preload_content(body_for(paginating))
            document = json.loads(raw.read())
            raw.release_conn()
    # The unread answer is the caller's to check: it says how many there are.
    assert (len(document["connections"]), document["num_connections"]) == (20, 300)


def test_no_warning_when_nothing_is_left_out_or_the_caller_asked_for_a_page(paginating: LocalAirbyte) -> None:
    with client_for(paginating) as web, warnings.catch_warnings():
        warnings.simplefilter("error")
        everything = web.web_backend_list_connections_for_workspace(
            body_for(paginating).with_extra_fields(pageSize=300)
        )
        page = web.web_backend_list_connections_for_workspace(body_for(paginating).with_extra_fields(pageSize=7))
        after = web.web_backend_list_connections_for_workspace(
            body_for(paginating).with_extra_fields(cursor=str(page.connections[-1].connection_id))
        )
    assert len(everything.connections) == 300 and len(page.connections) == 7 and len(after.connections) == 20
    with LocalAirbyte() as older, client_for(older) as web, warnings.catch_warnings():
        warnings.simplefilter("error")
        assert web.web_backend_list_connections_for_workspace(body_for(older)).connections


@pytest.mark.parametrize(
    ("paging", "warns"),
    [
        ({"page_size": 2}, "a full page of 2 connections"),
        ({"page_size": 3}, None),
        ({"page_size": 2, "num_connections": 2}, None),
        ({"num_connections": 5}, "2 of the 5 connections"),
        ({"page_size": "2", "num_connections": True}, None),
    ],
)
def test_the_warning_reads_what_the_answer_says(
    api: WebBackendApi, server: ScriptedServer, paging: Dict[str, Any], warns: Optional[str]
) -> None:
    items = [connection_list_item(), {**connection_list_item(), "connectionId": str(uuid.uuid4())}]
    server.always(LIST, Reply(body={"connections": items, **paging}))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        api.web_backend_list_connections_for_workspace({"workspaceId": WORKSPACE_ID})
    assert [str(w.message) for w in caught if warns and warns in str(w.message)] == [str(w.message) for w in caught]
    assert len(caught) == (1 if warns else 0)


# -- every connection, from each server --------------------------------------------------------------------------


def test_every_connection_comes_once_in_the_servers_order_from_a_paginating_server(paginating: LocalAirbyte) -> None:
    before = len(paginating.recorded(OPERATION))
    with client_for(paginating) as web, warnings.catch_warnings():
        warnings.simplefilter("error")
        listed = [item.connection_id for item in web.iter_connections_for_workspace(body_for(paginating))]
    assert listed == server_order(paginating) and len(set(listed)) == CONNECTIONS
    calls = list_calls(paginating)[before:]
    # Three full pages of 100, then an empty one; each after the last connection of the one before.
    assert [call.get("cursor") for call in calls] == [None, *(str(listed[n * 100 - 1]) for n in (1, 2, 3))]
    assert {call["pageSize"] for call in calls} == {100}


def test_pages_of_any_size_keep_the_bodys_filters_and_extra_fields(paginating: LocalAirbyte) -> None:
    with client_for(paginating) as web:
        other = shop(paginating)
        extra = [create(web, name=f"other {n}", **other).connection_id for n in range(5)]
        # Of the other source too, but to the destination of the 300: the destination filter leaves them out.
        [destination_of_300] = {c.destination_id for c in paginating.connections.values()} - {other["destination_id"]}
        extra += [
            create(
                web, name=f"other {n}", source_id=other["source_id"], destination_id=destination_of_300
            ).connection_id
            for n in range(5, 7)
        ]
        try:
            only_other = body_for(paginating, source_id=[other["source_id"]], destination_id=[other["destination_id"]])
            before = len(paginating.recorded(OPERATION))
            assert [i.connection_id for i in web.iter_connections_for_workspace(only_other, page_size=2)] == extra[:5]
            calls = list_calls(paginating)[before:]
            assert len(calls) == 3
            assert all(call["sourceId"] == [str(other["source_id"])] for call in calls)
            assert all(call["destinationId"] == [str(other["destination_id"])] for call in calls)
            newest_first = body_for(paginating).with_extra_fields(sortKey="connectionName_desc")
            descending = [i.connection_id for i in web.iter_connections_for_workspace(newest_first, page_size=45)]
            assert all(call["sortKey"] == "connectionName_desc" for call in list_calls(paginating)[before + 3 :])
            assert descending == server_order(paginating)[::-1]
        finally:
            for connection_id in extra:
                paginating.delete_connection(connection_id)


@pytest.mark.parametrize("version", ["2024-10", "2024-06"])
def test_a_server_that_ignores_paging_is_asked_once(version: str) -> None:
    with populated(version) as local, client_for(local) as web:
        listed = [item.connection_id for item in web.iter_connections_for_workspace(body_for(local))]
        [call] = list_calls(local)
    assert sorted(map(str, listed)) == sorted(str(c) for c in local.connections) and len(listed) == CONNECTIONS
    assert call["pageSize"] == 100 and "cursor" not in call


def test_a_2022_server_that_refuses_paging_is_asked_again_without_it() -> None:
    with populated("2022-12") as local, client_for(local) as web:
        listed = [item.connection_id for item in web.iter_connections_for_workspace(body_for(local))]
        calls = list_calls(local)
        assert sorted(map(str, listed)) == sorted(str(c) for c in local.connections) and len(listed) == CONNECTIONS
        assert calls == [
            {"workspaceId": str(local.workspace_id), "pageSize": 100},
            {"workspaceId": str(local.workspace_id)},
        ]
        # Another refusal is the caller's: the same body without paging would be refused too.
        filtered = body_for(local, source_id=[local.source_named("Shop DB")])
        with pytest.raises(UnprocessableEntityException, match="sourceId"):
            next(web.iter_connections_for_workspace(filtered))
        assert len(list_calls(local)) == 3


def test_each_page_is_a_call_with_the_callers_options_and_a_reads_retries(paginating: LocalAirbyte) -> None:
    before = len(paginating.recorded(OPERATION))
    retrying = openapi_client.Configuration(host=paginating.url, retries=openapi_client.RetryPolicy(backoff_factor=0))
    with openapi_client.ApiClient(retrying) as client:
        pages = WebBackendApi(client).iter_connections_for_workspace(
            body_for(paginating), page_size=150, _headers={"X-Request-Id": "every-page"}, _request_timeout=(5, 30)
        )
        first = [next(pages) for _ in range(150)]
        # The second page fails once, as a server restarting would; a read is asked again.
        paginating.faults.fail(OPERATION, 503)
        rest = list(pages)
    assert [i.connection_id for i in first + rest] == server_order(paginating)
    recorded = paginating.recorded(OPERATION)[before:]
    assert len(recorded) == 4  # the first page, the failed second, the second again, the empty third
    assert all(request.headers.get("X-Request-Id") == "every-page" for request in recorded)


# -- hostile servers ----------------------------------------------------------------------------------------------


def items(*numbers: int) -> List[Dict[str, Any]]:
    return [{**connection_list_item(), "connectionId": str(uuid.UUID(int=n)), "name": f"c{n}"} for n in numbers]


def answer(page: List[Dict[str, Any]], **paging: Any) -> Reply:
    return Reply(body={"connections": page, **paging})


# After its script, a hostile server fails every request: a client that kept asking would stop on an error, not hang.
EXHAUSTED = Reply(status=500, body={"message": "the script is over"})


def test_a_server_that_repeats_its_page_forever_is_asked_twice(api: WebBackendApi, server: ScriptedServer) -> None:
    server.script(LIST, *[answer(items(1, 2, 3), page_size=3)] * 5)
    server.always(LIST, EXHAUSTED)
    pages = api.iter_connections_for_workspace({"workspaceId": WORKSPACE_ID}, page_size=3)
    assert [next(pages).name for _ in range(3)] == ["c1", "c2", "c3"]
    with pytest.raises(PagingError) as raised:
        next(pages)
    assert server.count(LIST) == 2
    message = str(raised.value)
    assert f"the page after connection {uuid.UUID(int=3)} brought only connections already listed" in message
    assert "listed 3 connections and cannot list the rest" in message
    assert isinstance(raised.value, openapi_client.InvalidResponseError) and raised.value.status == 200


def test_a_server_that_ignores_the_cursor_says_how_many_are_missing(api: WebBackendApi, server: ScriptedServer) -> None:
    server.script(LIST, *[answer(items(1, 2), page_size=2, num_connections=9)] * 5)
    server.always(LIST, EXHAUSTED)
    with pytest.raises(PagingError, match="listed 2 connections of the 9 it counts"):
        list(api.iter_connections_for_workspace({"workspaceId": WORKSPACE_ID}, page_size=2))
    assert server.count(LIST) == 2
    assert [request.json().get("cursor") for request in server.received] == [None, str(uuid.UUID(int=2))]


def test_a_server_that_ignores_paging_but_counts_is_done_when_all_came(
    api: WebBackendApi, server: ScriptedServer
) -> None:
    server.script(LIST, *[answer(items(1, 2, 3, 4), page_size=2, num_connections=4)] * 5)
    server.always(LIST, EXHAUSTED)
    listed = [item.name for item in api.iter_connections_for_workspace({"workspaceId": WORKSPACE_ID}, page_size=2)]
    assert listed == ["c1", "c2", "c3", "c4"] and server.count(LIST) == 2


def test_duplicates_across_and_within_pages_come_once(api: WebBackendApi, server: ScriptedServer) -> None:
    server.script(
        LIST,
        answer(items(1, 2, 2), page_size=3, num_connections=6),
        answer(items(2, 3, 4), page_size=3, num_connections=6),  # starts again at the cursor
        answer(items(4, 5, 6), page_size=3, num_connections=6),
        answer(items(6), page_size=3, num_connections=6),
    )
    server.always(LIST, EXHAUSTED)
    listed = [item.name for item in api.iter_connections_for_workspace({"workspaceId": WORKSPACE_ID}, page_size=3)]
    assert listed == ["c1", "c2", "c3", "c4", "c5", "c6"]
    assert [request.json().get("cursor") for request in server.received] == [
        None,
        *(str(uuid.UUID(int=n)) for n in (2, 4, 6)),
    ]


def test_a_smaller_page_size_of_the_server_is_honoured(api: WebBackendApi, server: ScriptedServer) -> None:
    # A server may cap the page size: a full page is what it says, not what was asked for.
    server.script(LIST, answer(items(1, 2), page_size=2), answer(items(3), page_size=2))
    server.always(LIST, EXHAUSTED)
    listed = [item.name for item in api.iter_connections_for_workspace({"workspaceId": WORKSPACE_ID}, page_size=50)]
    assert listed == ["c1", "c2", "c3"] and server.count(LIST) == 2


# -- the method -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "error", "says"),
    [
        ((None,), ApiValueError, "Missing the required parameter `body` when calling `iter_connections_for_workspace`"),
        (
            ([],),
            ApiTypeError,
            "`body` of `iter_connections_for_workspace` must be a WebBackendConnectionListRequestBody",
        ),
        (({"workspaceId": WORKSPACE_ID, "pagesize": 3},), ApiValueError, "pagesize"),
        (({"workspaceId": WORKSPACE_ID}, 0), ApiValueError, "`page_size` of `iter_connections_for_workspace`"),
        (({"workspaceId": WORKSPACE_ID}, "100"), ApiValueError, "not '100'"),
        (({"workspaceId": WORKSPACE_ID}, True), ApiValueError, "not True"),
    ],
)
def test_arguments_are_checked_when_called_before_any_request(
    api: WebBackendApi, server: ScriptedServer, arguments: Any, error: type, says: str
) -> None:
    with pytest.raises(error) as raised:
        api.iter_connections_for_workspace(*arguments)
    assert says in str(raised.value)
    assert server.received == []


def test_the_body_cannot_set_the_paging_fields(api: WebBackendApi, server: ScriptedServer) -> None:
    body = WebBackendConnectionListRequestBody(workspace_id=WORKSPACE_ID).with_extra_fields(cursor=str(uuid.uuid4()))
    with pytest.raises(ApiValueError, match="sets cursor itself"):
        api.iter_connections_for_workspace(body)
    assert server.received == []


def test_the_method_has_a_real_signature_that_mocks_check() -> None:
    parameters = inspect.signature(WebBackendApi.iter_connections_for_workspace).parameters
    assert [(p.name, p.default) for p in parameters.values()] == [
        ("self", inspect.Parameter.empty),
        ("body", inspect.Parameter.empty),
        ("page_size", 100),
        ("_request_timeout", None),
        ("_request_auth", None),
        ("_content_type", None),
        ("_headers", None),
        ("_host_index", 0),
    ]
    fake = mock.create_autospec(WebBackendApi, instance=True)
    fake.iter_connections_for_workspace.return_value = iter(())
    assert list(fake.iter_connections_for_workspace({"workspaceId": WORKSPACE_ID}, page_size=5)) == []
    with pytest.raises(TypeError):
        fake.iter_connections_for_workspace({"workspaceId": WORKSPACE_ID}, pagesize=5)
    with mock.patch.object(WebBackendApi, "iter_connections_for_workspace", autospec=True) as patched:
        WebBackendApi(mock.Mock()).iter_connections_for_workspace({}, 10, _headers={})
    patched.assert_called_once()
    assert "Every connection of the workspace" in (WebBackendApi.iter_connections_for_workspace.__doc__ or "")
