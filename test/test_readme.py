"""README.md's Python blocks, run one after another as a reader would run them, in one session, against local servers
that stand in for the hosts and files they name; what each one did is asserted."""

from __future__ import annotations

import contextlib
import io
import json
import re
import ssl
from pathlib import Path
from typing import Any, Dict, Iterator, List
from uuid import UUID

import pytest
import trustme
from scripted_server import Reply, ScriptedServer
from tunnel_proxy import TunnelProxy

import openapi_client
from openapi_client import ApiClient, Configuration, WebBackendApi
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.testing import InstanceAdmin, LocalAirbyte, airbyte_stream

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
UNKNOWN = UUID("00000000-0000-4000-8000-000000000000")


def blocks() -> List[str]:
    return re.findall(r"^```python\n(.*?)^```$", README.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)


def run(code: str, namespace: Dict[str, Any], replacements: Dict[str, str]) -> str:
    """Run `code` in `namespace` with the names it expects replaced by local ones; what it printed."""
    for name, local in replacements.items():
        code = code.replace(name, local)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, README.name, "exec"), namespace)
    return printed.getvalue()


def test_the_readme_has_the_blocks_these_tests_run() -> None:
    assert len(blocks()) == 5


@pytest.fixture
def airbyte() -> Iterator[LocalAirbyte]:
    """The seeded workspace, with Basic credentials `airbyte`/`password` as the README's, and a connection of a
    source with the `public.users` and `events` streams of the README's chores."""
    with LocalAirbyte(auth=InstanceAdmin(email="airbyte", password="password")) as local:
        users = airbyte_stream(
            "users",
            {"id": "integer", "email": "string", "name": "string", "updated_at": "timestamp"},
            primary_key=["id"],
            cursor="updated_at",
            namespace="public",
        )
        events = airbyte_stream("events", {"id": "integer", "kind": "string"}, primary_key=["id"], cursor="id")
        source_id = local.add_source("App DB", [users, events])
        configuration = Configuration(host=local.url, username="airbyte", password="password", retries=0)
        with ApiClient(configuration) as client:
            created = WebBackendApi(client).web_backend_create_connection(
                WebBackendConnectionCreate(
                    name="App DB to Snowflake",
                    source_id=source_id,
                    destination_id=local.destination_named("Snowflake"),
                    status="active",
                    sync_catalog=local.source_catalog(source_id),
                    source_catalog_id=local.discover(source_id),
                )
            )
        local.chores_connection = created.connection_id  # type: ignore[attr-defined]
        yield local


def stored(airbyte: LocalAirbyte, connection_id: UUID) -> Dict[str, Any]:
    with ApiClient(Configuration(host=airbyte.url, username="airbyte", password="password")) as client:
        read = WebBackendApi(client).web_backend_get_connection({"connectionId": str(connection_id)})
    return json.loads(read.to_json())


def test_the_readme_blocks_run_against_a_local_airbyte(airbyte: LocalAirbyte) -> None:
    quickstart, chores, _, testing, errors = blocks()
    replacements = {"http://localhost:8000/api": airbyte.url}
    namespace: Dict[str, Any] = {"__name__": "__readme__", "workspace_id": airbyte.workspace_id}

    # Quickstart: lists, pages through, and patches the first connection's status alone.
    printed = run(quickstart, namespace, replacements)
    listed = namespace["page"].connections
    assert len(listed) == 3
    assert printed.splitlines() == [
        f"{c.name} {c.status} {c.source.source_name} -> {c.destination.destination_name}" for c in listed
    ]
    assert sorted(namespace["names"]) == ["App DB to Snowflake", "Postgres to BigQuery", "Stripe to Snowflake"]
    [patch] = airbyte.recorded("web_backend_update_connection")
    assert json.loads(patch.body) == {"connectionId": str(listed[0].connection_id), "status": "inactive"}
    assert stored(airbyte, listed[0].connection_id)["status"] == "inactive"

    # The chores: a table of the list, the streams of a connection; events deselected, three fields of users, a cron.
    namespace["connection_id"] = airbyte.chores_connection  # type: ignore[attr-defined]
    run(chores, namespace, replacements)
    connection = stored(airbyte, airbyte.chores_connection)  # type: ignore[attr-defined]
    configs = {s["stream"]["name"]: s["config"] for s in connection["syncCatalog"]["streams"]}
    assert configs["events"]["selected"] is False and configs["users"]["selected"] is True
    assert configs["users"]["fieldSelectionEnabled"] is True
    assert sorted(f["fieldPath"] for f in configs["users"]["selectedFields"]) == [["email"], ["id"], ["updated_at"]]
    assert connection["scheduleType"] == "cron"
    assert connection["scheduleData"] == {"cron": {"cronExpression": "0 0 6 * * ?", "cronTimeZone": "UTC"}}

    # Errors: an unknown connection's 404, its message printed from the parsed error body.
    namespace["connection_id"] = UNKNOWN
    printed = run(errors, namespace, replacements)
    assert printed == f"Internal Server Error: Could not find configuration for STANDARD_SYNC: {UNKNOWN}.\n"
    with pytest.raises(openapi_client.NotFoundException) as raised:
        namespace["api"].web_backend_get_connection({"connectionId": str(UNKNOWN)})
    first_line = str(raised.value).splitlines()[0]
    assert first_line.startswith(
        "web_backend_get_connection: 404 Not Found: Internal Server Error: Could not find configuration for "
        "STANDARD_SYNC: "
    )

    # Testing: a LocalAirbyte of its own (stopped at the end of the block), with two failures queued for the list.
    your_code = "...  # your code, against airbyte.workspace_id"
    assert your_code in testing
    run(testing.replace(your_code, "served_at = airbyte.url"), namespace, replacements)
    assert namespace["configuration"].host == namespace["served_at"] != airbyte.url
    assert namespace["airbyte"].faults.pending(["web_backend_list_connections_for_workspace"]) == 2


def test_the_configuration_block_reaches_a_server_through_its_proxy_with_its_certificates(tmp_path: Path) -> None:
    """The Configuration block as written, with its host, CA, client certificate and proxy standing in for local
    ones: a call goes through the proxy's tunnel, trusts the CA, shows the client certificate and sends Basic."""
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    ca.configure_trust(context)
    context.verify_mode = ssl.CERT_REQUIRED
    secure = ScriptedServer(ssl_context=context).start()
    tunnel = TunnelProxy()
    configuration: Any = None
    try:
        secure.always("/v1/web_backend/geographies/list", Reply(body={"geographies": ["eu"]}))
        client_certificate = ca.issue_cert("client.airbyte.test")
        files = {
            "/etc/ssl/company-ca.pem": ca.cert_pem,
            "client.pem": client_certificate.cert_chain_pems[0],
            "client.key": client_certificate.private_key_pem,
        }
        replacements = {"https://airbyte.example.com/api": secure.url, "proxy.internal:3128": tunnel.address}
        for name, blob in files.items():
            replacements[f'"{name}"'] = repr(str(tmp_path / Path(name).name))
            blob.write_to_path(str(tmp_path / Path(name).name))
        namespace: Dict[str, Any] = {"__name__": "__readme__", "openapi_client": openapi_client}
        run(blocks()[2], namespace, replacements)
        configuration = namespace["configuration"]
        with ApiClient(configuration) as client:
            assert [g.value for g in WebBackendApi(client).web_backend_list_geographies().geographies] == ["eu"]
        [(connect, _)] = tunnel.requests
        assert connect == f"CONNECT 127.0.0.1:{secure.port}"
        [received] = secure.received
        assert received.headers["Authorization"] == "Basic YWlyYnl0ZTpwYXNzd29yZA=="  # airbyte:password
        assert ("DNS", "client.airbyte.test") in received.client_certificate["subjectAltName"]  # type: ignore[index]
    finally:
        if configuration is not None:
            configuration.debug = False
        tunnel.stop()
        secure.stop()


DEFAULT = re.compile(r"^\s*(?:configuration\.)?(\w+)\s*=\s*(.+?),?\s*# the default\b", re.MULTILINE)


def test_what_the_configuration_block_calls_the_default_is_the_default() -> None:
    """Each line of the block marked "# the default" sets what a new `Configuration` already has."""
    defaults = DEFAULT.findall(blocks()[2])
    assert [name for name, _ in defaults] == ["timeout", "max_response_bytes", "connection_pool_maxsize"]
    fresh = Configuration()
    for name, value in defaults:
        assert getattr(fresh, name) == eval(value), name  # the block's own literal, e.g. `128 * 1024 * 1024`
