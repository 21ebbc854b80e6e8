"""Realistic, schema-valid bodies of the web_backend operations, made deterministically from a seed.

The same arguments give the same documents in every process, so the benchmark's server and its client can
each make them: a workspace's connection list (2,000 connections, about 3 MB of JSON) and a connection whose
catalog has 3,000 streams (about 7 MB), with the request that creates it.
"""

from __future__ import annotations

import json
import random
import uuid
from typing import Any, Dict, List, Tuple

LIST_SIZE = 2_000
CATALOG_SIZE = 3_000
WORKSPACE_ID = "5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6"
CONNECTION_ID = "9b2e6a1c-0c8f-4d3a-8a57-2f1b7e3c4d5e"

Json = Dict[str, Any]

# (display name, docker repository, image tag, CDK, support level)
SOURCES: List[Tuple[str, str, str, str, str]] = [
    ("Postgres", "airbyte/source-postgres", "3.6.22", "java:0.44.3", "certified"),
    ("MySQL", "airbyte/source-mysql", "3.9.4", "java:0.44.3", "certified"),
    ("Salesforce", "airbyte/source-salesforce", "2.6.2", "python:5.17.0", "certified"),
    ("Stripe", "airbyte/source-stripe", "5.8.2", "python:6.7.0", "certified"),
    ("HubSpot", "airbyte/source-hubspot", "4.4.3", "python:6.12.4", "certified"),
    ("Google Ads", "airbyte/source-google-ads", "3.7.9", "python:5.17.0", "certified"),
    ("Shopify", "airbyte/source-shopify", "2.5.10", "python:5.10.2", "certified"),
    ("Zendesk Support", "airbyte/source-zendesk-support", "4.3.3", "python:6.5.0", "certified"),
    ("GitHub", "airbyte/source-github", "1.8.24", "python:5.10.2", "certified"),
    ("Jira", "airbyte/source-jira", "3.4.1", "python:6.10.0", "community"),
    ("MongoDb", "airbyte/source-mongodb-v2", "1.5.12", "java:0.44.3", "certified"),
    ("S3", "airbyte/source-s3", "4.10.2", "python:6.9.1", "certified"),
]
DESTINATIONS: List[Tuple[str, str, str, str, str]] = [
    ("Snowflake", "airbyte/destination-snowflake", "3.15.2", "java:0.46.1", "certified"),
    ("BigQuery", "airbyte/destination-bigquery", "2.9.3", "java:0.46.1", "certified"),
    ("Redshift", "airbyte/destination-redshift", "3.5.2", "java:0.46.1", "certified"),
    ("Postgres", "airbyte/destination-postgres", "2.4.1", "java:0.46.1", "certified"),
    ("S3", "airbyte/destination-s3", "1.4.0", "java:0.46.1", "certified"),
    ("Databricks Lakehouse", "airbyte/destination-databricks", "3.3.0", "kotlin:0.1.0", "community"),
]
STRING: Json = {"type": ["null", "string"]}
TIMESTAMP: Json = {"type": ["null", "string"], "format": "date-time", "airbyte_type": "timestamp_with_timezone"}
INTEGER: Json = {"type": ["null", "integer"]}
NUMBER: Json = {"type": ["null", "number"]}
BOOLEAN: Json = {"type": ["null", "boolean"]}
DATE: Json = {"type": ["null", "string"], "format": "date"}
OBJECT: Json = {"type": ["null", "object"], "additionalProperties": True}
STRINGS: Json = {"type": ["null", "array"], "items": {"type": ["null", "string"]}}
# Columns of the streams, with the JSON schema that sources report for them; every stream has the first two.
COLUMNS: List[Tuple[str, Json]] = [
    ("id", INTEGER), ("updated_at", TIMESTAMP), ("created_at", TIMESTAMP), ("deleted_at", TIMESTAMP),
    ("name", STRING), ("email_address", STRING), ("status", STRING), ("amount_in_cents", INTEGER),
    ("currency_code", STRING), ("customer_id", INTEGER), ("account_id", INTEGER), ("description", STRING),
    ("is_active", BOOLEAN), ("metadata", OBJECT), ("tags", STRINGS), ("billing_country", STRING),
    ("billing_city", STRING), ("billing_postal_code", STRING), ("phone_number", STRING), ("external_id", STRING),
    ("total_amount", NUMBER), ("quantity", INTEGER), ("unit_price", NUMBER), ("internal_notes", STRING),
    ("owner_user_id", INTEGER), ("priority", STRING), ("category", STRING), ("due_date", DATE),
    ("source_system", STRING), ("record_version", INTEGER), ("last_modified_by", STRING),
    ("discount_percentage", NUMBER), ("shipping_address", OBJECT), ("is_deleted", BOOLEAN),
    ("first_seen_date", DATE), ("attributes", OBJECT), ("external_reference_url", STRING),
]  # fmt: skip
TABLE_WORDS = ["orders", "customers", "invoices", "events", "users", "accounts", "tickets", "payments", "items"]


class _Maker:
    """Draws every value from one seeded generator, so that a document depends only on its arguments."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def timestamp(self) -> int:
        return 1_700_000_000 + self.rng.randrange(40_000_000)

    def published(self) -> str:
        # Whole seconds in UTC, written as servers write them.
        month, day = self.rng.randrange(1, 13), self.rng.randrange(1, 29)
        hour, minute = self.rng.randrange(24), self.rng.randrange(60)
        return f"2024-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00Z"

    def definition_version(self, connector: Tuple[str, str, str, str, str], breaking: bool) -> Json:
        _, repository, tag, cdk, level = connector
        version: Json = {
            "dockerRepository": repository,
            "dockerImageTag": tag,
            "supportsRefreshes": self.rng.random() < 0.7,
            "isVersionOverrideApplied": self.rng.random() < 0.05,
            "supportLevel": level,
            "supportState": "supported",
            "lastPublished": self.published(),
            "cdkVersion": cdk,
            "supportsFileTransfer": repository.endswith("-s3"),
        }
        if breaking:
            major = int(tag.split(".", 1)[0]) + 1
            version["supportState"] = "deprecated"
            version["breakingChanges"] = {
                "upcomingBreakingChanges": [
                    {
                        "version": f"{major}.0.0",
                        "message": "The primary keys of several streams change; refresh the affected streams.",
                        "upgradeDeadline": "2025-03-31",
                        "migrationDocumentationUrl": f"https://docs.airbyte.com/integrations/{repository}-migrations",
                        "deadlineAction": "disable",
                    }
                ],
                "minUpgradeDeadline": "2025-03-31",
                "deadlineAction": "disable",
            }
        return version

    def schedule(self) -> Json:
        kind = self.rng.choice(["basic", "basic", "cron", "manual"])
        if kind == "manual":
            return {"scheduleType": "manual"}
        if kind == "cron":
            hour = self.rng.randrange(24)
            return {
                "scheduleType": "cron",
                "scheduleData": {"cron": {"cronExpression": f"0 0 {hour} * * ?", "cronTimeZone": "UTC"}},
            }
        units, unit = self.rng.choice([(1, "hours"), (6, "hours"), (24, "hours"), (1, "days"), (30, "minutes")])
        return {"scheduleType": "basic", "scheduleData": {"basicSchedule": {"timeUnit": unit, "units": units}}}

    def list_item(self, index: int) -> Json:
        source, destination = self.rng.choice(SOURCES), self.rng.choice(DESTINATIONS)
        item: Json = {
            "connectionId": self.uuid(),
            "name": f"{source[0]} (prod-{index % 7}) -> {destination[0]} analytics #{index:04d}",
            **self.schedule(),
            "status": "active" if self.rng.random() < 0.85 else "inactive",
            "source": self.snippet("source", source),
            "destination": self.snippet("destination", destination),
            "latestSyncJobCreatedAt": self.timestamp(),
            "latestSyncJobStatus": self.rng.choice(["succeeded", "succeeded", "succeeded", "failed", "running"]),
            "isSyncing": self.rng.random() < 0.1,
            "schemaChange": self.rng.choice(["no_change", "no_change", "no_change", "non_breaking", "breaking"]),
            "sourceActorDefinitionVersion": self.definition_version(source, breaking=index % 50 == 0),
            "destinationActorDefinitionVersion": self.definition_version(destination, breaking=False),
        }
        return item

    def snippet(self, kind: str, connector: Tuple[str, str, str, str, str]) -> Json:
        name = connector[0]
        return {
            f"{kind}Id": self.uuid(),
            "name": f"{name} {self.rng.choice(['production', 'staging', 'eu', 'us-east'])}",
            f"{kind}DefinitionId": str(uuid.uuid5(uuid.NAMESPACE_URL, connector[1])),
            f"{kind}Name": name,
            "icon": f"https://connectors.airbyte.com/files/metadata/{connector[1]}/latest/icon.svg",
        }

    def json_schema(self, columns: List[Tuple[str, Json]]) -> Json:
        # API sources document about half of their columns.
        properties = {
            name: {**schema, "description": f"The {name.replace('_', ' ')} of the record."}
            if self.rng.random() < 0.5
            else schema
            for name, schema in columns
        }
        return {
            "type": "object",
            "$schema": "http://json-schema.org/draft-07/schema#",
            "properties": properties,
            "additionalProperties": True,
        }

    def stream(self, index: int) -> Json:
        name = f"{self.rng.choice(TABLE_WORDS)}_{index:04d}"
        columns = COLUMNS[:2] + self.rng.sample(COLUMNS[2:], self.rng.randrange(16, 23))
        incremental = self.rng.random() < 0.7
        config: Json = {
            "syncMode": "incremental" if incremental else "full_refresh",
            "cursorField": ["updated_at"] if incremental else [],
            "destinationSyncMode": "append_dedup" if incremental else "overwrite",
            "primaryKey": [["id"]],
            "aliasName": name,
            "selected": self.rng.random() < 0.8,
            "suggested": True,
            "fieldSelectionEnabled": index % 2 == 0,
            "minimumGenerationId": 0,
            "generationId": self.rng.randrange(1, 5),
            "syncId": self.rng.randrange(1, 90_000),
        }
        if config["fieldSelectionEnabled"]:
            chosen = columns[:2] + self.rng.sample(columns[2:], len(columns) // 2)
            config["selectedFields"] = [{"fieldPath": [column]} for column, _ in chosen]
        return {
            "stream": {
                "name": name,
                "jsonSchema": self.json_schema(columns),
                "supportedSyncModes": ["full_refresh", "incremental"],
                "sourceDefinedCursor": True,
                "defaultCursorField": ["updated_at"],
                "sourceDefinedPrimaryKey": [["id"]],
                "namespace": self.rng.choice(["public", "sales", "billing"]),
                "isResumable": True,
            },
            "config": config,
        }

    def catalog(self, streams: int) -> Json:
        return {"streams": [self.stream(index) for index in range(streams)]}

    def operation(self) -> Json:
        return {
            "workspaceId": WORKSPACE_ID,
            "name": "Run the dbt Cloud job",
            "operatorConfiguration": {
                "operatorType": "webhook",
                "webhook": {
                    "webhookConfigId": self.uuid(),
                    "webhookType": "dbtCloud",
                    "dbtCloud": {"accountId": self.rng.randrange(10_000, 99_999), "jobId": self.rng.randrange(10**6)},
                },
            },
        }

    def actor(self, kind: str, connector: Tuple[str, str, str, str, str], configuration: Json) -> Json:
        return {
            f"{kind}DefinitionId": str(uuid.uuid5(uuid.NAMESPACE_URL, connector[1])),
            f"{kind}Id": self.uuid(),
            "workspaceId": WORKSPACE_ID,
            "connectionConfiguration": configuration,
            "name": f"{connector[0]} production",
            f"{kind}Name": connector[0],
            "icon": f"https://connectors.airbyte.com/files/metadata/{connector[1]}/latest/icon.svg",
            "isVersionOverrideApplied": False,
            "supportState": "supported",
            "status": "active",
        }


SOURCE_CONFIGURATION: Json = {
    "host": "db.internal.example.com",
    "port": 5432,
    "database": "production",
    "schemas": ["public", "sales", "billing"],
    "username": "airbyte",
    "password": "**********",
    "ssl_mode": {"mode": "require"},
    "replication_method": {"method": "CDC", "plugin": "pgoutput", "publication": "airbyte"},
    "tunnel_method": {"tunnel_method": "NO_TUNNEL"},
}  # fmt: skip
DESTINATION_CONFIGURATION: Json = {
    "host": "acme.eu-central-1.snowflakecomputing.com",
    "role": "AIRBYTE_ROLE",
    "warehouse": "AIRBYTE_WAREHOUSE",
    "database": "ANALYTICS",
    "schema": "RAW",
    "username": "AIRBYTE_USER",
    "credentials": {"auth_type": "Username and Password", "password": "**********"},
}


def connection_list(count: int = LIST_SIZE, seed: int = 2024) -> Json:
    """A `WebBackendConnectionReadList` of `count` connections."""
    maker = _Maker(seed)
    return {"connections": [maker.list_item(index) for index in range(count)]}


def connection_create(streams: int = CATALOG_SIZE, seed: int = 3000) -> Json:
    """A `WebBackendConnectionCreate` whose catalog has `streams` streams."""
    maker = _Maker(seed)
    source, destination = SOURCES[0], DESTINATIONS[0]
    return {
        "name": f"{source[0]} production -> {destination[0]} analytics",
        "namespaceDefinition": "customformat",
        "namespaceFormat": "${SOURCE_NAMESPACE}_raw",
        "prefix": "pg_",
        "sourceId": maker.uuid(),
        "destinationId": maker.uuid(),
        "syncCatalog": maker.catalog(streams),
        "scheduleType": "cron",
        "scheduleData": {"cron": {"cronExpression": "0 0 2 * * ?", "cronTimeZone": "Europe/Berlin"}},
        "status": "active",
        "resourceRequirements": {"cpu_request": "0.5", "cpu_limit": "2", "memory_request": "1Gi", "memory_limit": "4G"},
        "operations": [maker.operation(), maker.operation()],
        "sourceCatalogId": maker.uuid(),
        "geography": "auto",
        "notifySchemaChanges": True,
        "nonBreakingChangesPreference": "propagate_columns",
        "backfillPreference": "disabled",
    }  # fmt: skip


def connection_read(streams: int = CATALOG_SIZE, seed: int = 3000) -> Json:
    """The `WebBackendConnectionRead` that a server answers to `connection_create(streams, seed)`."""
    request = connection_create(streams, seed)
    maker = _Maker(seed + 1)
    source, destination = SOURCES[0], DESTINATIONS[0]
    operations = [{**operation, "operationId": maker.uuid()} for operation in request["operations"]]
    source_actor = {**maker.actor("source", source, SOURCE_CONFIGURATION), "sourceId": request["sourceId"]}
    destination_actor = maker.actor("destination", destination, DESTINATION_CONFIGURATION)
    destination_actor["destinationId"] = request["destinationId"]
    return {
        "connectionId": CONNECTION_ID,
        "name": request["name"],
        "namespaceDefinition": request["namespaceDefinition"],
        "namespaceFormat": request["namespaceFormat"],
        "prefix": request["prefix"],
        "sourceId": request["sourceId"],
        "destinationId": request["destinationId"],
        "syncCatalog": request["syncCatalog"],
        "scheduleType": request["scheduleType"],
        "scheduleData": request["scheduleData"],
        "status": request["status"],
        "operationIds": [operation["operationId"] for operation in operations],
        "source": source_actor,
        "destination": destination_actor,
        "operations": operations,
        "latestSyncJobCreatedAt": maker.timestamp(),
        "latestSyncJobStatus": "succeeded",
        "isSyncing": False,
        "resourceRequirements": request["resourceRequirements"],
        "catalogId": request["sourceCatalogId"],
        "geography": request["geography"],
        "schemaChange": "no_change",
        "notifySchemaChanges": True,
        "notifySchemaChangesByEmail": False,
        "nonBreakingChangesPreference": request["nonBreakingChangesPreference"],
        "createdAt": maker.timestamp(),
        "backfillPreference": request["backfillPreference"],
        "sourceActorDefinitionVersion": maker.definition_version(source, breaking=False),
        "destinationActorDefinitionVersion": maker.definition_version(destination, breaking=False),
    }


def encode(document: Any) -> bytes:
    """A document as a server sends it: compact UTF-8 JSON."""
    return json.dumps(document, separators=(",", ":")).encode("utf-8")
