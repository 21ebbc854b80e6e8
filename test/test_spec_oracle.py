"""The wire checked against the vendored spec itself (`spec_oracle`), not against the client's models: what
`LocalAirbyte` answers, and what the client sends. A model whose alias drifts from the spec fails here."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional
from uuid import UUID

import pytest
import urllib3
from hypothesis import given
from hypothesis import strategies as st
from spec_oracle import SPEC_DEFECTS, SpecOracle, null_defaults
from spec_strategies import SPEC_SETTINGS, SpecStrategies, load_spec

import openapi_client
from openapi_client import ApiClient, Configuration, WebBackendApi
from openapi_client.models.airbyte_catalog import AirbyteCatalog
from openapi_client.models.connection_id_request_body import ConnectionIdRequestBody
from openapi_client.models.connection_schedule_data import ConnectionScheduleData
from openapi_client.models.connection_schedule_data_basic_schedule import ConnectionScheduleDataBasicSchedule
from openapi_client.models.connection_schedule_data_cron import ConnectionScheduleDataCron
from openapi_client.models.operation_create import OperationCreate
from openapi_client.models.operator_configuration import OperatorConfiguration
from openapi_client.models.operator_webhook import OperatorWebhook
from openapi_client.models.operator_webhook_dbt_cloud import OperatorWebhookDbtCloud
from openapi_client.models.resource_requirements import ResourceRequirements
from openapi_client.models.selected_field_info import SelectedFieldInfo
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate
from openapi_client.models.web_backend_operation_create_or_update import WebBackendOperationCreateOrUpdate
from openapi_client.models.web_backend_workspace_state import WebBackendWorkspaceState
from openapi_client.testing import LocalAirbyte, airbyte_stream

UNKNOWN = "00000000-0000-4000-8000-000000000000"


@pytest.fixture(scope="module")
def spec() -> Dict[str, Any]:
    return load_spec(Path(__file__).resolve().parents[1] / "spec")


@pytest.fixture(scope="module")
def strict(spec: Dict[str, Any]) -> SpecOracle:
    return SpecOracle(spec, strict=True)


@pytest.fixture(scope="module")
def as_written(spec: Dict[str, Any]) -> SpecOracle:
    return SpecOracle(spec)


# -- the oracle itself ---------------------------------------------------------------------------------------------

STREAM = {
    "name": "users",
    "jsonSchema": {"type": "object", "properties": {"id": {"type": "integer"}}},
    "supportedSyncModes": ["full_refresh"],
}


def test_the_spec_still_has_its_two_known_defects_and_the_oracle_reads_them_as_servers_do(
    spec: Dict[str, Any], as_written: SpecOracle
) -> None:
    schemas = spec["components"]["schemas"]
    assert len(SPEC_DEFECTS) == 2 and all(defect.present(schemas) for defect in SPEC_DEFECTS)
    assert schemas["AirbyteStream"]["required"] == ["name", "json_schema"]
    assert [name for name, _ in null_defaults(schemas)] == [
        "WebBackendConnectionCreate",
        "WebBackendConnectionRead",
        "WebBackendConnectionUpdate",
    ]
    # Read as written, a stream as every server sends it would be refused, and so would a null namespaceFormat:
    unpatched = SpecOracle(spec, defects=())
    assert unpatched.problems("AirbyteStream", STREAM) == ["$: 'json_schema' is a required property"]
    update = {"connectionId": UNKNOWN, "namespaceFormat": None}
    assert unpatched.problems("WebBackendConnectionUpdate", update) == [
        "$.namespaceFormat: None is not of type 'string'"
    ]
    # ...and read as servers behave, both pass, and the defect is not widened.
    assert as_written.problems("AirbyteStream", STREAM) == []
    assert as_written.problems("WebBackendConnectionUpdate", update) == []
    assert as_written.problems("AirbyteStream", {**STREAM, "json_schema": {}}) != []
    assert as_written.problems("AirbyteStream", {"name": "users"}) == ["$: 'jsonSchema' is a required property"]


WRONG = [
    ("AirbyteStream", {**STREAM, "streamName": "x"}, "$: Additional properties are not allowed ('streamName'"),
    ("AirbyteStream", {**STREAM, "supportedSyncModes": ["sometimes"]}, "$.supportedSyncModes[0]: 'sometimes' is not"),
    ("WebBackendConnectionRequestBody", {"connectionId": "not-a-uuid"}, "$.connectionId: 'not-a-uuid' is not a 'uuid'"),
    ("WebBackendConnectionRequestBody", {}, "$: 'connectionId' is a required property"),
    ("WebBackendConnectionRequestBody", {"connectionId": UNKNOWN, "withRefreshedCatalog": "yes"}, "is not of type"),
    ("ResourceRequirements", {"cpu_limit": 1}, "$.cpu_limit: 1 is not of type 'string'"),
    ("ConnectionSchedule", {"timeUnit": "hours", "units": 2**63}, "is greater than the maximum"),
    ("ActorDefinitionVersionRead", {"lastPublished": "2024-05-01 10:00"}, "$.lastPublished: '2024-05-01 10:00' is not"),
    ("ActorDefinitionBreakingChange", {"upgradeDeadline": "1 May 2024"}, "$.upgradeDeadline: '1 May 2024' is not a"),
    ("WebBackendConnectionUpdate", {"connectionId": UNKNOWN, "status": None}, "$.status: None is not one of"),
]


@pytest.mark.parametrize(("schema", "document", "problem"), WRONG, ids=[f"{w[0]}-{i}" for i, w in enumerate(WRONG)])
def test_the_oracle_refuses_what_the_spec_does_not_allow(
    as_written: SpecOracle, schema: str, document: Any, problem: str
) -> None:
    problems = as_written.problems(schema, document)
    assert any(problem in found for found in problems), problems


def test_unknown_properties_are_refused_where_the_spec_says_so_and_everywhere_when_strict(
    as_written: SpecOracle, strict: SpecOracle
) -> None:
    request = {"connectionId": UNKNOWN, "catalogID": UNKNOWN}
    assert as_written.problems("WebBackendConnectionRequestBody", request) == []
    assert strict.problems("WebBackendConnectionRequestBody", request) == [
        "$: Additional properties are not allowed ('catalogID' was unexpected)"
    ]
    # Free-form objects (a source's configuration, a stream's JSON schema) stay free-form.
    assert strict.problems("StreamJsonSchema", {"anything": [1, {"goes": None}]}) == []


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("2024-05-01T10:00:00Z", True),
        ("2024-05-01t10:00:00.123456789z", True),
        ("2024-05-01T10:00:00.000+0000", True),  # as the spec's Java pattern (`SSSZ`) writes it
        ("2024-05-01T12:00:00+02:00", True),
        ("2024-02-30T10:00:00Z", False),
        ("2024-05-01T24:00:00Z", False),
        ("2024-05-01T10:00:00", False),
        ("2024-05-01T10:00:00+2:00", False),
    ],
)
def test_date_times_are_read_as_rfc_3339_and_as_servers_write_them(
    as_written: SpecOracle, text: str, valid: bool
) -> None:
    assert (as_written.problems("ISO8601DateTime", text) == []) is valid


@given(data=st.data())
@SPEC_SETTINGS
def test_the_oracle_accepts_every_document_drawn_from_the_spec(
    spec: Dict[str, Any], strict: SpecOracle, data: st.DataObject
) -> None:
    """Two independent readings of the spec (`spec_strategies` and the oracle) agree."""
    name = data.draw(st.sampled_from(sorted(spec["components"]["schemas"])))
    document = data.draw(SpecStrategies(spec).schema(name))
    assert strict.problems(name, document) == [], (name, document)


# -- LocalAirbyte's answers and the client's requests, over real sockets -------------------------------------------


@dataclass
class Exchange:
    operation: str
    status: int
    answer: bytes


class Recorder:
    """Calls operations through the client's `_with_http_info` variants, keeping each answer as it came."""

    def __init__(self, api: WebBackendApi) -> None:
        self.api = api
        self.exchanges: List[Exchange] = []

    def __call__(self, operation: str, *body: Any, **options: Any) -> Any:
        try:
            response = getattr(self.api, f"{operation}_with_http_info")(*body, **options)
        except openapi_client.ApiException as error:
            self.exchanges.append(Exchange(operation, error.status or 0, (error.body or "").encode()))
            return error
        self.exchanges.append(Exchange(operation, response.status_code, response.raw_data))
        return response.data


@pytest.fixture
def airbyte() -> Iterator[LocalAirbyte]:
    with LocalAirbyte() as local:
        yield local


@pytest.fixture
def recorder(airbyte: LocalAirbyte) -> Iterator[Recorder]:
    with ApiClient(Configuration(host=airbyte.url, retries=0)) as client:
        yield Recorder(WebBackendApi(client))


def new_connection(airbyte: LocalAirbyte) -> WebBackendConnectionCreate:
    """A connection of GitHub to Snowflake that uses every part of the create request."""
    github = airbyte.source_named("GitHub")
    catalog = airbyte.source_catalog(github)
    first = catalog.streams[0].config
    first.field_selection_enabled = True
    # Airbyte refuses a selection without the cursor or the primary key (CatalogConverter).
    first.selected_fields = [SelectedFieldInfo(field_path=["id"]), SelectedFieldInfo(field_path=["updated_at"])]
    first.alias_name = "gh_" + catalog.streams[0].stream.name
    webhook = OperatorWebhook(
        webhook_config_id=UUID(UNKNOWN),
        webhook_type="dbtCloud",
        dbt_cloud=OperatorWebhookDbtCloud(account_id=42, job_id=7),
    )
    return WebBackendConnectionCreate(
        name="GitHub to Snowflake",
        namespace_definition="customformat",
        namespace_format="${SOURCE_NAMESPACE}_raw",
        prefix="gh_",
        source_id=github,
        destination_id=airbyte.destination_named("Snowflake"),
        sync_catalog=catalog,
        schedule_type="basic",
        schedule_data=ConnectionScheduleData(
            basic_schedule=ConnectionScheduleDataBasicSchedule(time_unit="hours", units=6)
        ),
        status="active",
        resource_requirements=ResourceRequirements(cpu_request="0.5", memory_limit="2Gi"),
        operations=[
            OperationCreate(
                workspace_id=airbyte.workspace_id,
                name="dbt Cloud: github",
                operator_configuration=OperatorConfiguration(operator_type="webhook", webhook=webhook),
            )
        ],
        geography="eu",
        notify_schema_changes=True,
        non_breaking_changes_preference="propagate_columns",
        backfill_preference="enabled",
    )


def converse(airbyte: LocalAirbyte, call: Recorder) -> None:
    """Every operation, with answers that hold every kind of data LocalAirbyte has, errors included."""
    refused = new_connection(airbyte)  # made now, while GitHub's first stream is incremental with a cursor
    refused.sync_catalog.streams[0].config.selected_fields = [SelectedFieldInfo(field_path=["id"])]
    call("web_backend_check_updates")
    call("web_backend_list_geographies")
    call("web_backend_get_workspace_state", WebBackendWorkspaceState(workspace_id=airbyte.workspace_id))
    listing = call(
        "web_backend_list_connections_for_workspace",
        WebBackendConnectionListRequestBody(workspace_id=airbyte.workspace_id),
    )
    for item in listing.connections:
        call("web_backend_get_connection", WebBackendConnectionRequestBody(connection_id=item.connection_id))
        call("get_state_type", ConnectionIdRequestBody(connection_id=item.connection_id))
    created = call("web_backend_create_connection", new_connection(airbyte))
    call(
        "web_backend_list_connections_for_workspace",
        WebBackendConnectionListRequestBody(
            workspace_id=airbyte.workspace_id,
            source_id=[created.source_id],
            destination_id=[created.destination_id],
        ),
    )
    [operation] = created.operations
    call(
        "web_backend_update_connection",
        WebBackendConnectionUpdate(
            connection_id=created.connection_id,
            name="GitHub to Snowflake, daily",
            schedule_type="cron",
            schedule_data=ConnectionScheduleData(
                cron=ConnectionScheduleDataCron(cron_expression="0 0 5 * * ?", cron_time_zone="Europe/Paris")
            ),
            operations=[
                WebBackendOperationCreateOrUpdate(
                    operation_id=operation.operation_id,
                    workspace_id=airbyte.workspace_id,
                    name="dbt Cloud: github, renamed",
                    operator_configuration=operation.operator_configuration,
                )
            ],
            notify_schema_changes_by_email=True,
            skip_reset=True,
        ),
    )
    # The source's schema changes every way a diff can tell: streams added and removed, fields added, removed and
    # retyped, nested and not, a primary key changed.
    github = airbyte.source_named("GitHub")
    discovered = [
        airbyte_stream(
            "repositories",
            {"id": "integer", "owner": {"type": "object", "properties": {"login": {"type": "string"}}}},
            primary_key=["owner", "id"],
        ),
        airbyte_stream("issues", {"id": "string", "title": "string", "labels": "array"}, primary_key=["id"]),
        airbyte_stream("releases", {"id": "integer", "tag": "string"}, primary_key=["id"], cursor="id"),
    ]
    airbyte.set_source_catalog(github, discovered)
    refreshed = call(
        "web_backend_get_connection",
        WebBackendConnectionRequestBody(connection_id=created.connection_id, with_refreshed_catalog=True),
    )
    kinds = {t.transform_type.value for t in refreshed.catalog_diff.transforms}
    assert kinds == {"add_stream", "remove_stream", "update_stream"}, kinds
    airbyte.record_sync(created.connection_id)
    call("get_state_type", ConnectionIdRequestBody(connection_id=created.connection_id))
    # Errors: an unknown id (404), and a catalog the server refuses (422: its cursor is not among the selected
    # fields, `CatalogConverter.validateCursorFieldAndPrimaryKey`).
    call("web_backend_get_connection", WebBackendConnectionRequestBody(connection_id=UUID(UNKNOWN)))
    call("web_backend_create_connection", refused)


def test_every_answer_of_local_airbyte_is_valid_per_the_spec(
    airbyte: LocalAirbyte, recorder: Recorder, strict: SpecOracle
) -> None:
    converse(airbyte, recorder)
    assert {e.operation for e in recorder.exchanges} == set(strict.operations)
    assert {e.status for e in recorder.exchanges} == {200, 404, 422}
    for exchange in recorder.exchanges:
        if exchange.status == 422 and b"validationErrors" not in exchange.answer:
            # Where the spec says a 422 carries an `InvalidInputExceptionInfo`, Airbyte's `KnownExceptionHandler`
            # answers a known exception's 422 (here `BadObjectSchemaKnownException`) with a `KnownExceptionInfo`:
            # the shape that the spec calls `NotFoundKnownExceptionInfo`.
            problems = strict.problems("NotFoundKnownExceptionInfo", json.loads(exchange.answer))
        else:
            problems = strict.answer_problems(exchange.operation, exchange.status, exchange.answer)
        assert problems == [], (exchange.operation, exchange.status, problems)


def test_every_request_the_client_sends_is_valid_per_the_spec(
    airbyte: LocalAirbyte, recorder: Recorder, strict: SpecOracle
) -> None:
    converse(airbyte, recorder)
    sent = [r for r in airbyte.requests if r.headers.get("User-Agent", "").startswith("openapi_client/")]
    assert {r.operation for r in sent} == set(strict.operations)
    for request in sent:
        problems = strict.request_problems(request.operation, request.body)
        assert problems == [], (request.operation, problems)


def test_every_answer_of_the_seeded_workspace_names_only_what_the_spec_names(
    airbyte: LocalAirbyte, strict: SpecOracle
) -> None:
    """The same, with no client in between: the raw answers to raw requests."""
    operations = strict.operations
    first = json.loads(
        urllib3.request(
            "POST",
            airbyte.url + operations["web_backend_list_connections_for_workspace"].path,
            json={"workspaceId": str(airbyte.workspace_id)},
        ).data
    )["connections"]
    bodies: Dict[str, Optional[Dict[str, Any]]] = {
        "web_backend_get_connection": {"connectionId": first[1]["connectionId"], "withRefreshedCatalog": True},
        "get_state_type": {"connectionId": first[0]["connectionId"]},
        "web_backend_get_workspace_state": {"workspaceId": str(airbyte.workspace_id)},
        "web_backend_list_connections_for_workspace": {"workspaceId": str(airbyte.workspace_id)},
        "web_backend_check_updates": None,
        "web_backend_list_geographies": None,
    }
    for name, body in bodies.items():
        answer = urllib3.request("POST", airbyte.url + operations[name].path, json=body)
        assert answer.status == 200, (name, answer.data)
        assert strict.answer_problems(name, 200, answer.data) == [], name


# Airbyte refuses such bodies with 400, not the spec's 422: a value Jackson cannot bind is Micronaut's own error
# (`ConversionErrorHandler`), a missing required property is bean validation's, which Airbyte's
# `InvalidInputExceptionHandler.handle` answers with 400 and an `InvalidInputExceptionInfo`.
@pytest.mark.parametrize(
    ("operation", "body", "validation"),
    [
        ("web_backend_get_connection", {"connectionId": "not-a-uuid"}, False),
        ("web_backend_create_connection", {"sourceId": UNKNOWN}, True),
        ("web_backend_list_connections_for_workspace", {"workspaceId": UNKNOWN, "sourceId": "x"}, False),
        ("get_state_type", {}, True),
    ],
)
def test_a_body_the_spec_refuses_is_refused_by_local_airbyte_as_airbyte_refuses_it(
    airbyte: LocalAirbyte, strict: SpecOracle, operation: str, body: Dict[str, Any], validation: bool
) -> None:
    assert strict.request_problems(operation, json.dumps(body)) != []
    answer = urllib3.request("POST", airbyte.url + strict.operations[operation].path, json=body, retries=False)
    assert answer.status == 400
    document = json.loads(answer.data)
    if validation:
        assert strict.problems("InvalidInputExceptionInfo", document) == []
        assert document["validationErrors"]
    else:
        assert document["message"] == "Bad Request" and "Failed to convert argument" in answer.data.decode()


def test_the_catalog_local_airbyte_refreshes_is_what_the_spec_calls_a_catalog(
    airbyte: LocalAirbyte, strict: SpecOracle
) -> None:
    stripe = airbyte.source_named("Stripe")
    catalog: AirbyteCatalog = airbyte.source_catalog(stripe)
    assert strict.problems("AirbyteCatalog", json.loads(catalog.to_json())) == []
