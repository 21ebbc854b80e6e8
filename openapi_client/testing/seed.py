"""The workspace a `LocalAirbyte` starts with: a small but believable Airbyte setup.

Three sources (a Postgres database, Stripe, GitHub) and two destinations (BigQuery, Snowflake), each with
its connector definition; two connections, made as Airbyte's web app makes them (the source discovered, every
stream selected, `sourceCatalogId` sent), one of them with a dbt Cloud webhook; a Postgres and a Snowflake
connector with a newer version out; and a Stripe schema that has grown a field since its connection's catalog
was saved, which Airbyte has discovered, so that the connection reports a non-breaking schema change.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from typing import Any, Dict, List
from uuid import UUID

from openapi_client.models.airbyte_catalog import AirbyteCatalog
from openapi_client.models.airbyte_stream import AirbyteStream
from openapi_client.models.connection_schedule_data import ConnectionScheduleData
from openapi_client.models.connection_schedule_data_basic_schedule import (
    ConnectionScheduleDataBasicSchedule,
    ConnectionScheduleDataBasicScheduleTimeUnit,
)
from openapi_client.models.connection_schedule_data_cron import ConnectionScheduleDataCron
from openapi_client.models.connection_schedule_type import ConnectionScheduleType
from openapi_client.models.connection_status import ConnectionStatus
from openapi_client.models.job_status import JobStatus
from openapi_client.models.operation_create import OperationCreate
from openapi_client.models.operator_configuration import OperatorConfiguration
from openapi_client.models.operator_type import OperatorType
from openapi_client.models.operator_webhook import OperatorWebhook, OperatorWebhookWebhookType
from openapi_client.models.operator_webhook_dbt_cloud import OperatorWebhookDbtCloud
from openapi_client.models.support_level import SupportLevel
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.testing.catalogs import FIELD_TYPES, airbyte_stream
from openapi_client.testing.state import AirbyteState
from openapi_client.testing.web_backend import WebBackend

# Airbyte masks secrets in every configuration it sends back.
SECRET = "**********"
_HOUR = 3600
_DAY = 24 * _HOUR


def postgres_streams() -> List[AirbyteStream]:
    return [
        airbyte_stream(
            "users",
            {"id": "integer", "email": "string", "full_name": "string", "country": "string",
             "created_at": "timestamp", "updated_at": "timestamp"},
            primary_key=["id"], cursor="updated_at", namespace="public",
        ),
        airbyte_stream(
            "orders",
            {"id": "integer", "user_id": "integer", "status": "string", "total_cents": "integer",
             "currency": "string", "created_at": "timestamp", "updated_at": "timestamp"},
            primary_key=["id"], cursor="updated_at", namespace="public",
        ),
        airbyte_stream(
            "order_items",
            {"order_id": "integer", "line_number": "integer", "sku": "string", "quantity": "integer",
             "unit_price_cents": "integer"},
            primary_key=["order_id", "line_number"], namespace="public",
        ),
    ]  # fmt: skip


def stripe_streams(with_payment_method: bool = False) -> List[AirbyteStream]:
    charge_fields: Dict[str, Any] = {"id": "string", "amount": "integer", "currency": "string", "status": "string",
                     "customer": "string", "created": "integer", "updated": "integer"}  # fmt: skip
    if with_payment_method:
        charge_fields["payment_method_details"] = {
            "type": ["null", "object"],
            "properties": {"type": FIELD_TYPES["string"], "card": FIELD_TYPES["object"]},
        }
    return [
        airbyte_stream(
            "customers",
            {"id": "string", "email": "string", "name": "string", "created": "integer", "updated": "integer"},
            primary_key=["id"], cursor="updated",
        ),
        airbyte_stream("charges", charge_fields, primary_key=["id"], cursor="updated"),
        airbyte_stream(
            "invoices",
            {"id": "string", "customer": "string", "amount_due": "integer", "status": "string",
             "due_date": "integer", "updated": "integer"},
            primary_key=["id"], cursor="updated",
        ),
    ]  # fmt: skip


def github_streams() -> List[AirbyteStream]:
    user = {"type": ["null", "object"], "properties": {"id": FIELD_TYPES["integer"], "login": FIELD_TYPES["string"]}}
    return [
        airbyte_stream(
            "repositories",
            {"id": "integer", "full_name": "string", "private": "boolean", "stargazers_count": "integer",
             "updated_at": "timestamp"},
            primary_key=["id"], cursor="updated_at",
        ),
        airbyte_stream(
            "issues",
            {"id": "integer", "repository": "string", "number": "integer", "title": "string", "state": "string",
             "user": user, "labels": "array", "updated_at": "timestamp"},
            primary_key=["id"], cursor="updated_at",
        ),
        airbyte_stream(
            "pull_requests",
            {"id": "integer", "repository": "string", "number": "integer", "title": "string", "state": "string",
             "merged_at": "timestamp", "updated_at": "timestamp"},
            primary_key=["id"], cursor="updated_at",
        ),
    ]  # fmt: skip


def seed_workspace(state: AirbyteState, backend: WebBackend) -> None:
    """Fill `state`'s default workspace; connections are made through `backend`, as a client would."""
    workspace = state.workspace_id
    published = datetime(2024, 10, 28, 14, 5, tzinfo=timezone.utc)
    postgres = state.add_source_definition(
        "Postgres",
        version="3.6.22",
        latest_version="3.6.28",
        docker_repository="airbyte/source-postgres",
        definition_id=UUID("decd338e-5647-4c0b-adf4-da0e75f5a750"),
        support_level=SupportLevel.CERTIFIED,
        cdk_version="java:0.44.19",
        last_published=published,
    )
    stripe = state.add_source_definition(
        "Stripe",
        version="5.8.3",
        docker_repository="airbyte/source-stripe",
        definition_id=UUID("e094cb9a-26de-4645-8761-65c0c425d1de"),
        support_level=SupportLevel.CERTIFIED,
        cdk_version="python:5.17.0",
        last_published=published,
    )
    github = state.add_source_definition(
        "GitHub",
        version="1.8.16",
        docker_repository="airbyte/source-github",
        definition_id=UUID("ef69ef6e-aa7f-4af1-a01d-ef775033524e"),
        support_level=SupportLevel.CERTIFIED,
        cdk_version="python:5.12.1",
        last_published=published,
    )
    bigquery = state.add_destination_definition(
        "BigQuery",
        version="2.9.3",
        docker_repository="airbyte/destination-bigquery",
        definition_id=UUID("22f6c74f-5699-40ff-833c-4a879ea40133"),
        support_level=SupportLevel.CERTIFIED,
        cdk_version="java:0.44.14",
        last_published=published,
    )
    snowflake = state.add_destination_definition(
        "Snowflake", version="3.15.2", latest_version="3.16.0", docker_repository="airbyte/destination-snowflake",
        definition_id=UUID("424892c4-daac-4491-b35d-c6688ba547ba"), support_level=SupportLevel.CERTIFIED,
        cdk_version="java:0.45.1", last_published=published,
    )  # fmt: skip

    postgres_source = state.add_source(
        "Production Postgres",
        postgres_streams(),
        definition_id=postgres,
        configuration={
            "host": "db.internal.example.com",
            "port": 5432,
            "database": "shop",
            "username": "airbyte",
            "password": SECRET,
            "ssl_mode": {"mode": "require"},
            "replication_method": {"method": "Xmin"},
        },
    )
    stripe_source = state.add_source(
        "Stripe",
        stripe_streams(),
        definition_id=stripe,
        configuration={"account_id": "acct_1Example", "client_secret": SECRET, "start_date": "2023-01-01T00:00:00Z"},
    )
    state.add_source(
        "GitHub",
        github_streams(),
        definition_id=github,
        configuration={"repositories": ["airbytehq/airbyte"], "credentials": {"personal_access_token": SECRET}},
    )
    warehouse = state.add_destination(
        "Analytics warehouse",
        definition_id=bigquery,
        configuration={
            "project_id": "acme-analytics",
            "dataset_id": "raw",
            "dataset_location": "US",
            "credentials_json": SECRET,
        },
    )
    snowflake_destination = state.add_destination(
        "Snowflake", definition_id=snowflake,
        configuration={"host": "acme.snowflakecomputing.com", "role": "AIRBYTE_ROLE", "warehouse": "AIRBYTE_WH",
                       "database": "RAW", "schema": "STRIPE", "username": "AIRBYTE",
                       "credentials": {"password": SECRET}},
    )  # fmt: skip

    now = int(time.time())
    dbt_job = OperationCreate(
        workspace_id=workspace,
        name="dbt Cloud: build marts",
        operator_configuration=OperatorConfiguration(
            operator_type=OperatorType.WEBHOOK,
            webhook=OperatorWebhook(
                webhook_type=OperatorWebhookWebhookType.DBTCLOUD,
                webhook_config_id=UUID("6f1e3c8a-2b7d-4e59-9a0c-1d2e3f4a5b6c"),
                dbt_cloud=OperatorWebhookDbtCloud(account_id=70403103916923, job_id=70403103936128),
            ),
        ),
    )
    shop = backend.create(
        WebBackendConnectionCreate(
            name="Postgres to BigQuery",
            source_id=postgres_source,
            **everything_selected(state, postgres_source),
            destination_id=warehouse,
            status=ConnectionStatus.ACTIVE,
            prefix="shop_",
            schedule_type=ConnectionScheduleType.BASIC,
            schedule_data=ConnectionScheduleData(
                basic_schedule=ConnectionScheduleDataBasicSchedule(
                    time_unit=ConnectionScheduleDataBasicScheduleTimeUnit.HOURS, units=24
                )
            ),
            operations=[dbt_job],
        )
    )
    state.record_sync(UUID(shop["connectionId"]), JobStatus.SUCCEEDED, at=now - 5 * _HOUR)

    billing = backend.create(
        WebBackendConnectionCreate(
            name="Stripe to Snowflake",
            source_id=stripe_source,
            **everything_selected(state, stripe_source),
            destination_id=snowflake_destination,
            status=ConnectionStatus.INACTIVE,
            schedule_type=ConnectionScheduleType.CRON,
            schedule_data=ConnectionScheduleData(
                cron=ConnectionScheduleDataCron(cron_expression="0 0 6 * * ?", cron_time_zone="UTC")
            ),
        )
    )
    state.record_sync(UUID(billing["connectionId"]), JobStatus.SUCCEEDED, at=now - 3 * _DAY)
    state.record_sync(UUID(billing["connectionId"]), JobStatus.FAILED, at=now - 2 * _DAY)
    # Stripe has added a field since, and Airbyte has discovered it: the connection shows a non-breaking schema
    # change until it takes the new catalog.
    state.set_source_catalog(stripe_source, stripe_streams(with_payment_method=True))


def everything_selected(state: AirbyteState, source_id: UUID) -> Dict[str, Any]:
    """What the web app sends to create a connection: the source discovered, its catalog with every stream
    selected, and that catalog's id."""
    catalog_id = state.fetch_catalog(source_id)
    catalog = state.catalog(catalog_id)
    for entry in catalog["streams"]:
        entry["config"]["selected"] = True
    return {"sync_catalog": AirbyteCatalog.model_validate(catalog), "source_catalog_id": catalog_id}
