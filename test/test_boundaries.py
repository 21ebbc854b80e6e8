"""Boundaries and small rules that mutation testing (scripts/mutation) found untested: the per-kind retry counts,
token renewal at its exact moment, the token endpoint's answers, connection reuse after a retried or refused
attempt, what retries log, URL redaction, unknown enum members, and catalog diffs of namespaced streams, boolean
schemas and nested objects. Over real sockets, like the rest of the suite."""

from __future__ import annotations

import base64
import dataclasses
import json
import logging
import re
import socket
import threading
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from typing import Any, Dict, Iterator, List

import pytest
import urllib3
from leaks import FakeClock, RecordedSleeps, debug_logging
from pools import connections_idle, connections_opened
from samples import connection_read
from scripted_server import TOKEN_PATH, Reply, ScriptedServer, TokenIssuer

import openapi_client
from openapi_client import ApiClient, Configuration, WebBackendApi
from openapi_client.auth import token_expiry
from openapi_client.models.base import ApiEnum, received_data
from openapi_client.models.schema_change import SchemaChange
from openapi_client.models.sync_mode import SyncMode
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.redaction import redact_url
from openapi_client.retries import RetryPolicy
from openapi_client.testing import LocalAirbyte, airbyte_stream

GEOGRAPHIES = "/v1/web_backend/geographies/list"
GET = "/v1/web_backend/connections/get"
CLIENT_ID, CLIENT_SECRET = "app-client", "app-SECRET-value"


def geographies(configuration: Configuration) -> List[str]:
    with ApiClient(configuration) as client:
        return [g.value for g in WebBackendApi(client).web_backend_list_geographies().geographies]


# -- retries ------------------------------------------------------------------------------------------------------


def test_a_policy_cannot_change_in_place() -> None:
    """A client converts a `RetryPolicy` setting once, which is right only because it cannot change."""
    with pytest.raises(dataclasses.FrozenInstanceError):
        RetryPolicy().total = 5  # type: ignore[misc]


@pytest.mark.parametrize(
    ("retry", "reply", "attempts", "error"),
    [
        (urllib3.Retry(total=5, read=2, backoff_factor=0), Reply(fault="reset"), 3, openapi_client.ApiConnectionError),
        (urllib3.Retry(total=5, read=1, backoff_factor=0), Reply(fault="reset"), 2, openapi_client.ApiConnectionError),
        (urllib3.Retry(total=5, status=2, backoff_factor=0), Reply(503, {"message": "busy"}), 3, Exception),
        (urllib3.Retry(total=5, status=1, backoff_factor=0), Reply(503, {"message": "busy"}), 2, Exception),
    ],
    ids=["read=2", "read=1", "status=2", "status=1"],
)
def test_a_urllib3_retrys_read_and_status_counts_each_cap_their_kind(
    server: ScriptedServer, retry: urllib3.Retry, reply: Reply, attempts: int, error: type
) -> None:
    server.always(GEOGRAPHIES, reply)
    with pytest.raises(error):
        geographies(Configuration(host=server.url, retries=retry))
    assert server.count(GEOGRAPHIES) == attempts


def test_retry_after_as_a_date_in_another_zone_is_read_in_that_zone(server: ScriptedServer) -> None:
    later = datetime.now(timezone(timedelta(hours=2))) + timedelta(seconds=40)
    server.script(GEOGRAPHIES, Reply(503, {"message": "busy"}, {"Retry-After": format_datetime(later)}))
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
    sleeps = RecordedSleeps()
    assert geographies(Configuration(host=server.url, retries=RetryPolicy(sleep=sleeps))) == ["us"]
    [wait] = sleeps.waits
    assert 30 < wait <= 40


# -- what a call logs ---------------------------------------------------------------------------------------------


def info_messages(caplog: pytest.LogCaptureFixture) -> List[str]:
    return [r.getMessage() for r in caplog.records if r.name == "openapi_client" and r.levelno == logging.INFO]


def test_the_outcome_of_a_retried_call_is_logged_at_info(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="openapi_client")
    server.always(GEOGRAPHIES, Reply(503, {"message": "busy"}, {"Retry-After": "0"}))
    with pytest.raises(openapi_client.ServiceException):
        geographies(Configuration(host=server.url))
    messages = info_messages(caplog)
    assert [m.split(") ", 1)[1] for m in messages if m.startswith("Retrying")] == [
        f"in 0.00 s (attempt {n} of at most 4) after 503 Service Unavailable" for n in (2, 3, 4)
    ]
    assert messages[-1].endswith("ended with 503 Service Unavailable after 4 attempts")


def test_a_connection_failure_after_its_retries_is_logged_at_info(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="openapi_client")
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        configuration = Configuration(host=f"http://127.0.0.1:{unused.getsockname()[1]}", retries=RetryPolicy(total=1))
        with pytest.raises(openapi_client.ApiConnectionError):
            geographies(configuration)
    assert info_messages(caplog)[-1].endswith("ended with ApiConnectionError after 2 attempts")


def test_a_call_answered_at_once_logs_no_outcome(server: ScriptedServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="openapi_client")
    server.always(GEOGRAPHIES, Reply(503, {"message": "busy"}))
    with pytest.raises(openapi_client.ServiceException):
        geographies(Configuration(host=server.url, retries=0))
    assert info_messages(caplog) == []


def test_each_attempt_is_logged_at_debug_with_its_body_size_and_time(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    debug_logging(caplog)
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}, delay=0.2))
    configuration = Configuration(host=server.url, retries=0, debug=True)
    try:
        geographies(configuration)
    finally:
        configuration.debug = False
    messages = [r.getMessage() for r in caplog.records if r.name == "openapi_client"]
    assert any(m.endswith("body=0 bytes") for m in messages), messages
    [answered] = [m for m in messages if " -> 200 OK in " in m]
    milliseconds = float(re.search(r" in ([\d.]+) ms ", answered).group(1))  # type: ignore[union-attr]
    assert 200 <= milliseconds < 30_000


# -- connections go back to the pool ------------------------------------------------------------------------------


def test_an_answer_that_is_retried_leaves_its_connection_for_the_next_attempt(server: ScriptedServer) -> None:
    server.script(GEOGRAPHIES, *[Reply(503, {"message": "busy " * 100}, {"Retry-After": "0"})] * 2)
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
    with ApiClient(Configuration(host=server.url)) as client:
        assert WebBackendApi(client).web_backend_list_geographies().geographies == ["us"]
        assert connections_opened(client, server.url) == 1


def test_a_raw_answer_that_is_retried_leaves_its_connection_for_the_next_attempt(server: ScriptedServer) -> None:
    server.script(GEOGRAPHIES, Reply(503, {"message": "busy " * 100}, {"Retry-After": "0"}))
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
    with ApiClient(Configuration(host=server.url)) as client:
        raw = WebBackendApi(client).web_backend_list_geographies_without_preload_content()
        assert (raw.status, json.loads(raw.read())) == (200, {"geographies": ["us"]})
        raw.release_conn()
        assert connections_opened(client, server.url) == connections_idle(client, server.url) == 1


@pytest.fixture
def application(server: ScriptedServer) -> Iterator[Dict[str, Any]]:
    issuer = server.issue_tokens(TokenIssuer(CLIENT_ID, CLIENT_SECRET))
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
    configuration = Configuration(host=server.url, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, retries=0)
    with ApiClient(configuration) as client:
        yield {"client": client, "api": WebBackendApi(client), "issuer": issuer}


def test_a_refused_token_is_renewed_on_the_same_connection_and_logged(
    server: ScriptedServer, application: Dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="openapi_client")
    application["api"].web_backend_list_geographies()
    application["issuer"].revoke_all()
    application["api"].web_backend_list_geographies()
    assert server.statuses(GEOGRAPHIES) == [200, 401, 200]
    assert connections_opened(application["client"], server.url) == 1
    assert any(
        m.endswith("was refused with 401: sending it again with a renewed access token") for m in info_messages(caplog)
    )


def test_a_failed_renewal_leaves_the_connection_for_the_next_call(
    server: ScriptedServer, application: Dict[str, Any]
) -> None:
    api = application["api"]
    api.web_backend_list_geographies()
    application["issuer"].revoke_all()
    server.script(TOKEN_PATH, Reply(500, {"message": "database unavailable"}))
    with pytest.raises(openapi_client.UnauthorizedException) as caught:
        api.web_backend_list_geographies()
    assert caught.value.operation == "application token request"
    api.web_backend_list_geographies()
    assert connections_opened(application["client"], server.url) == 1


@pytest.mark.parametrize("renewal", ["succeeds", "fails"])
def test_a_raw_answer_refused_with_401_leaves_its_connection_for_the_next_call(
    server: ScriptedServer, application: Dict[str, Any], renewal: str
) -> None:
    api = application["api"]
    api.web_backend_list_geographies()
    application["issuer"].revoke_all()
    if renewal == "fails":
        server.script(TOKEN_PATH, Reply(500, {"message": "database unavailable"}))
        with pytest.raises(openapi_client.UnauthorizedException):
            api.web_backend_list_geographies_without_preload_content()
    else:
        raw = api.web_backend_list_geographies_without_preload_content()
        assert raw.status == 200 and json.loads(raw.read()) == {"geographies": ["us"]}
        raw.release_conn()
    api.web_backend_list_geographies()
    # The token request takes a connection of its own while the refused answer holds the first one; both go back.
    opened = connections_opened(application["client"], server.url)
    assert opened == 2 and connections_idle(application["client"], server.url) == opened


# -- application tokens -------------------------------------------------------------------------------------------


def test_a_token_is_replaced_at_the_very_moment_its_renewal_is_due(
    server: ScriptedServer, application: Dict[str, Any]
) -> None:
    clock = FakeClock()
    application["client"].authenticator.clock = clock
    application["api"].web_backend_list_geographies()
    tokens = application["client"].authenticator.application_tokens()
    clock.now = tokens._current.renew_at
    application["api"].web_backend_list_geographies()
    assert server.count(TOKEN_PATH) == 2
    assert repr(application["client"].authenticator).endswith("fetches=2))")


def test_a_thread_that_finds_the_token_renewed_once_it_holds_the_lock_uses_that_token(
    server: ScriptedServer, application: Dict[str, Any]
) -> None:
    """Between a thread's first look at the cache and its taking the lock, another thread may finish a renewal: the
    thread then hands out that token and fetches none."""
    clock = FakeClock()
    application["client"].authenticator.clock = clock
    application["api"].web_backend_list_geographies()
    tokens = application["client"].authenticator.application_tokens()
    due = tokens._current
    clock.now = due.renew_at  # the look outside the lock finds no token it may use
    handed_out: List[str] = []
    with tokens._lock:
        waiting = threading.Thread(target=lambda: handed_out.append(tokens.get()))
        waiting.start()
        time.sleep(0.3)  # the thread has looked, and waits for the lock
        tokens._current = dataclasses.replace(due, value="renewed-by-another-thread", renew_at=clock.now + 60)
    waiting.join(5)
    assert handed_out == ["renewed-by-another-thread"]
    assert server.count(TOKEN_PATH) == 1


def test_a_401_to_a_token_already_replaced_does_not_fetch_another(
    server: ScriptedServer, application: Dict[str, Any]
) -> None:
    application["api"].web_backend_list_geographies()
    authenticator, issued = application["client"].authenticator, application["issuer"].issued
    refused = f"Bearer {issued[0]}"
    assert authenticator.renewed_after_401(refused) == f"Bearer {issued[1]}"
    # A second thread that had sent the same token gets the replacement, not a third token.
    assert authenticator.renewed_after_401(refused) == f"Bearer {issued[1]}"
    assert server.count(TOKEN_PATH) == 2


def test_the_last_8_tokens_handed_out_are_the_ones_a_401_renews(
    server: ScriptedServer, application: Dict[str, Any]
) -> None:
    application["api"].web_backend_list_geographies()
    authenticator, issued = application["client"].authenticator, application["issuer"].issued
    for _ in range(8):
        authenticator.renewed_after_401(f"Bearer {issued[-1]}")
    assert len(issued) == 9
    assert authenticator.renewed_after_401(f"Bearer {issued[0]}") is None  # forgotten: someone else's, then
    assert authenticator.renewed_after_401(f"Bearer {issued[1]}") == f"Bearer {issued[8]}"  # the current one


def jwt(claims: Dict[str, Any]) -> str:
    payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    return f"eyJhbGciOiJIUzI1NiJ9.{payload}.c2ln"


def test_the_expiry_of_a_jwt_is_read_whatever_the_length_of_its_claims() -> None:
    lengths = set()
    for extra in range(24):  # claims of every length modulo 4, each needing its own padding
        token = jwt({"exp": 1_900_000_000, "sub": "x" * extra})
        lengths.add(len(token.split(".")[1]) % 4)
        assert token_expiry(token) == 1_900_000_000, token
    assert lengths == {0, 2, 3}  # (1 is no length base64 makes)


@pytest.mark.parametrize("seconds_ago", [0, 100])
def test_a_token_that_has_expired_when_it_arrives_is_replaced_every_96_s(
    server: ScriptedServer, seconds_ago: int
) -> None:
    clock = FakeClock()
    server.always(TOKEN_PATH, Reply(body={"access_token": jwt({"exp": clock.now - seconds_ago})}))
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
    configuration = Configuration(host=server.url, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, retries=0)
    with ApiClient(configuration) as client:
        client.authenticator.clock = clock
        api = WebBackendApi(client)
        api.web_backend_list_geographies()
        clock.now += 95
        api.web_backend_list_geographies()
        assert server.count(TOKEN_PATH) == 1
        clock.now += 2
        api.web_backend_list_geographies()
        assert server.count(TOKEN_PATH) == 2


@pytest.mark.parametrize(
    ("reply", "problem"),
    [
        (Reply(200, {"access_token": 12345}), "no `access_token` string"),
        (Reply(200, {"access_token": ""}), "no `access_token` string"),
        (Reply(300, {"access_token": "a-token"}), "it answered 300"),
    ],
    ids=["a number", "empty", "300"],
)
def test_a_token_endpoint_answer_that_is_no_token_is_refused(
    server: ScriptedServer, reply: Reply, problem: str
) -> None:
    server.always(TOKEN_PATH, reply)
    configuration = Configuration(host=server.url, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, retries=0)
    with pytest.raises(openapi_client.UnauthorizedException, match=problem) as caught:
        geographies(configuration)
    assert caught.value.operation == "application token request"
    assert server.count(GEOGRAPHIES) == 0


def test_any_2xx_from_the_token_endpoint_is_an_answer(server: ScriptedServer) -> None:
    server.always(TOKEN_PATH, Reply(299, {"access_token": "a-token"}))
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
    configuration = Configuration(host=server.url, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, retries=0)
    assert geographies(configuration) == ["us"]
    assert server.received[-1].headers["Authorization"] == "Bearer a-token"


# -- redaction ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://airbyte@host:8000/api", "http://airbyte@host:8000/api"),
        ("http://user:p@ss@host:8000/api", "http://user:<redacted>@host:8000/api"),
        ("http://user:secret@host/api", "http://user:<redacted>@host/api"),
        ("http://host/api/v1/x?token=secret&b=2", "http://host/api/v1/x?token=<redacted>&b=<redacted>"),
        ("http://user:secret@host/x?secret", "http://user:<redacted>@host/x?<redacted>"),
        ("http://host/api/v1/x?", "http://host/api/v1/x"),
    ],
)
def test_a_url_keeps_everything_but_its_password_and_query_values(url: str, shown: str) -> None:
    assert redact_url(url) == shown


# -- models -------------------------------------------------------------------------------------------------------


def test_received_data_works_as_a_decorator_too() -> None:
    @received_data()
    def read(value: str) -> SyncMode:
        return SyncMode(value)

    assert read("cdc").is_unknown and read("incremental") is SyncMode.INCREMENTAL
    with pytest.raises(ValueError):
        SyncMode("cdc")  # outside, what the caller writes is checked strictly


def test_an_unknown_enum_value_read_twice_is_the_same_member() -> None:
    class Colour(ApiEnum):  # an enum of its own: other tests fill the bounded caches of the spec's enums
        RED = "red"

    with received_data():
        one, two = Colour("blue"), Colour("blue")
    assert one is two and one.is_unknown and str(one) == "blue" and Colour("red") is Colour.RED


def test_an_unreadable_date_time_in_an_optional_field_is_an_invalid_response(server: ScriptedServer) -> None:
    document = connection_read()
    document["sourceActorDefinitionVersion"]["lastPublished"] = "last tuesday"
    server.always(GET, Reply(body=document))
    configuration = Configuration(host=server.url, retries=0)
    with ApiClient(configuration) as client, pytest.raises(openapi_client.InvalidResponseError) as caught:
        WebBackendApi(client).web_backend_get_connection({"connectionId": document["connectionId"]})
    # The error is about the text the server sent, not about a value the client made up.
    assert "lastPublished: Input should be a valid datetime or date, invalid character" in str(caught.value)


# -- catalog diffs (LocalAirbyte) ---------------------------------------------------------------------------------


def refreshed_diff(airbyte: LocalAirbyte, web: WebBackendApi, before: List[Any], after: List[Any]) -> Any:
    source_id = airbyte.add_source("Shop DB", before)
    created = web.web_backend_create_connection(
        WebBackendConnectionCreate(
            source_id=source_id,
            destination_id=airbyte.add_destination("Lake"),
            status="active",
            sync_catalog=airbyte.source_catalog(source_id),
            source_catalog_id=airbyte.discover(source_id),
        )
    )
    airbyte.set_source_catalog(source_id, after)
    body = WebBackendConnectionRequestBody(connection_id=created.connection_id, with_refreshed_catalog=True)
    return web.web_backend_get_connection(body)


def field_changes(connection: Any) -> List[Any]:
    [transform] = connection.catalog_diff.transforms
    return [
        (f.transform_type.value, f.field_name, f.breaking, json.loads(f.to_json()))
        for f in transform.update_stream.field_transforms
    ]


def test_streams_of_the_same_name_in_two_namespaces_are_told_apart(
    empty_airbyte: LocalAirbyte, empty_web: WebBackendApi
) -> None:
    public = airbyte_stream("users", {"id": "integer"}, namespace="public")
    audit = airbyte_stream("users", {"id": "integer"}, namespace="audit")
    audit_grown = airbyte_stream("users", {"id": "integer", "at": "timestamp"}, namespace="audit")
    refreshed = refreshed_diff(empty_airbyte, empty_web, [public, audit], [public, audit_grown])
    [transform] = refreshed.catalog_diff.transforms
    assert (transform.stream_descriptor.namespace, transform.stream_descriptor.name) == ("audit", "users")
    assert [(s.stream.namespace, s.stream.name) for s in refreshed.sync_catalog.streams] == [
        ("public", "users"),
        ("audit", "users"),
    ]


def test_removing_a_primary_key_field_of_a_selected_stream_is_breaking(
    empty_airbyte: LocalAirbyte, empty_web: WebBackendApi
) -> None:
    fields = {"shop": "string", "id": "integer", "updated_at": "timestamp"}
    before = airbyte_stream("orders", fields, primary_key=["shop", "id"], cursor="updated_at")
    after = airbyte_stream(
        "orders", {"id": "integer", "updated_at": "timestamp"}, primary_key=["id"], cursor="updated_at"
    )
    refreshed = refreshed_diff(empty_airbyte, empty_web, [before], [after])
    changes = field_changes(refreshed)
    assert [(kind, name, breaking) for kind, name, breaking, _ in changes] == [("remove_field", ["shop"], True)]
    assert refreshed.schema_change == SchemaChange.BREAKING


def test_a_boolean_field_schema_fails_the_refresh_with_a_500_as_in_airbyte(
    empty_airbyte: LocalAirbyte, empty_web: WebBackendApi
) -> None:
    """JSON Schema allows `true` and `false` as a field's schema, but Airbyte's `JsonSchemas.traverseJsonSchema`
    refuses any node that is not an object, and the refresh fails with it."""
    stream = airbyte_stream("events", {"id": "integer"}, primary_key=["id"])
    stream.json_schema["properties"].update(anything=True)
    source_id = empty_airbyte.add_source("Shop DB", [stream])
    created = empty_web.web_backend_create_connection(
        WebBackendConnectionCreate(
            source_id=source_id,
            destination_id=empty_airbyte.add_destination("Lake"),
            status="active",
            sync_catalog=empty_airbyte.source_catalog(source_id),
        )
    )
    grown = airbyte_stream("events", {"id": "integer", "at": "timestamp"}, primary_key=["id"])
    grown.json_schema["properties"].update(anything=True)
    # Upstream only: the refresh below runs the discovery, and compares the two (different) streams.
    empty_airbyte.set_source_catalog(source_id, [grown], discover=False)
    body = WebBackendConnectionRequestBody(connection_id=created.connection_id, with_refreshed_catalog=True)
    with pytest.raises(openapi_client.ServiceException) as raised:
        empty_web.web_backend_get_connection(body)
    assert raised.value.status == 500
    message = raised.value.data.message
    assert "json schema nodes should always be object nodes. path: [FieldNameOrList{fieldName='anything'" in message
    assert message.endswith("actual: true")


ADDRESS = {"type": "object", "properties": {"city": {"type": "string"}}}


@pytest.mark.parametrize(
    "new_address",
    [{"type": "string"}, {"type": ["null", "object"], "properties": {"city": {"type": "string"}}}],
    ids=["now a string", "its own type changed"],
)
def test_an_object_whose_own_type_changes_is_one_change_of_the_whole_field(
    empty_airbyte: LocalAirbyte, empty_web: WebBackendApi, new_address: Dict[str, Any]
) -> None:
    before = airbyte_stream("people", {"id": "integer", "address": ADDRESS}, primary_key=["id"])
    after = airbyte_stream("people", {"id": "integer", "address": new_address}, primary_key=["id"])
    changes = field_changes(refreshed_diff(empty_airbyte, empty_web, [before], [after]))
    # Airbyte lists every path of both schemas (`CatalogDiffHelpers.getFullyQualifiedFieldNamesWithTypes`): an
    # object that is now a string has lost its nested fields as well.
    lost = [("remove_field", ["address", "city"])] if new_address.get("type") == "string" else []
    assert [(kind, name) for kind, name, _, _ in changes] == [("update_field_schema", ["address"]), *lost]
    assert changes[0][3]["updateFieldSchema"] == {"oldSchema": ADDRESS, "newSchema": new_address}
