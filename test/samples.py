"""Small, schema-valid JSON bodies for each operation's answer, as a server would send them."""

from __future__ import annotations

from typing import Any, Dict

WORKSPACE_ID = "5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6"
CONNECTION_ID = "9b2e6a1c-0c8f-4d3a-8a57-2f1b7e3c4d5e"
SOURCE_ID = "1c3a5e7f-2b4d-4f6a-8c9e-0a1b2c3d4e5f"
DESTINATION_ID = "2d4b6f8a-3c5e-4a7b-9d0f-1b2c3d4e5f6a"
SOURCE_DEFINITION_ID = "decd338e-5647-4c0b-adf4-da0e75f5a750"
DESTINATION_DEFINITION_ID = "25c5221d-dce2-4163-ade9-739ef790f503"
OPERATION_ID = "3e5c7a9b-4d6f-4b8c-8e1a-2c3d4e5f6a7b"


def definition_version() -> Dict[str, Any]:
    return {
        "dockerRepository": "airbyte/source-postgres",
        "dockerImageTag": "3.6.22",
        "supportsRefreshes": True,
        "supportState": "supported",
        "isVersionOverrideApplied": False,
        "supportsFileTransfer": False,
        "supportLevel": "certified",
    }


def stream(name: str) -> Dict[str, Any]:
    return {
        "stream": {
            "name": name,
            "jsonSchema": {
                "type": "object",
                "properties": {"id": {"type": "integer"}, "updated_at": {"type": "string", "format": "date-time"}},
            },
            "supportedSyncModes": ["full_refresh", "incremental"],
            "sourceDefinedCursor": False,
            "defaultCursorField": ["updated_at"],
            "sourceDefinedPrimaryKey": [["id"]],
            "namespace": "public",
        },
        "config": {
            "syncMode": "incremental",
            "destinationSyncMode": "append_dedup",
            "cursorField": ["updated_at"],
            "primaryKey": [["id"]],
            "aliasName": name,
            "selected": True,
            "fieldSelectionEnabled": False,
        },
    }


def connection_read() -> Dict[str, Any]:
    return {
        "connectionId": CONNECTION_ID,
        "name": "Postgres → Warehouse",
        "namespaceDefinition": "source",
        "prefix": "",
        "sourceId": SOURCE_ID,
        "destinationId": DESTINATION_ID,
        "syncCatalog": {"streams": [stream("users"), stream("orders")]},
        "scheduleType": "basic",
        "scheduleData": {"basicSchedule": {"timeUnit": "hours", "units": 24}},
        "status": "active",
        "operationIds": [OPERATION_ID],
        "source": {
            "sourceDefinitionId": SOURCE_DEFINITION_ID,
            "sourceId": SOURCE_ID,
            "workspaceId": WORKSPACE_ID,
            "connectionConfiguration": {"host": "db.internal", "port": 5432, "ssl": {"mode": "require"}},
            "name": "Production Postgres",
            "sourceName": "Postgres",
        },
        "destination": {
            "destinationDefinitionId": DESTINATION_DEFINITION_ID,
            "destinationId": DESTINATION_ID,
            "workspaceId": WORKSPACE_ID,
            "connectionConfiguration": {"dataset": "analytics"},
            "name": "Warehouse",
            "destinationName": "BigQuery",
        },
        "operations": [
            {
                "workspaceId": WORKSPACE_ID,
                "operationId": OPERATION_ID,
                "name": "notify",
                "operatorConfiguration": {"operatorType": "webhook", "webhook": {"webhookType": "dbtCloud"}},
            }
        ],
        "latestSyncJobCreatedAt": 1732790000,
        "latestSyncJobStatus": "succeeded",
        "isSyncing": False,
        "geography": "auto",
        "schemaChange": "no_change",
        "notifySchemaChanges": True,
        "notifySchemaChangesByEmail": False,
        "nonBreakingChangesPreference": "propagate_columns",
        "createdAt": 1700000000,
        "backfillPreference": "disabled",
        "sourceActorDefinitionVersion": definition_version(),
        "destinationActorDefinitionVersion": definition_version(),
    }


def connection_list_item() -> Dict[str, Any]:
    read = connection_read()
    return {
        "connectionId": read["connectionId"],
        "name": read["name"],
        "scheduleType": "cron",
        "scheduleData": {"cron": {"cronExpression": "0 0 * * * ?", "cronTimeZone": "UTC"}},
        "status": "active",
        "source": {
            "sourceId": SOURCE_ID,
            "name": "Production Postgres",
            "sourceDefinitionId": SOURCE_DEFINITION_ID,
            "sourceName": "Postgres",
        },
        "destination": {
            "destinationId": DESTINATION_ID,
            "name": "Warehouse",
            "destinationDefinitionId": DESTINATION_DEFINITION_ID,
            "destinationName": "BigQuery",
        },
        "isSyncing": True,
        "schemaChange": "non_breaking",
        "sourceActorDefinitionVersion": definition_version(),
        "destinationActorDefinitionVersion": definition_version(),
    }


def not_found() -> Dict[str, Any]:
    return {
        "id": CONNECTION_ID,
        "message": f"Could not find connection {CONNECTION_ID}",
        "exceptionClassName": "io.airbyte.commons.server.errors.IdNotFoundKnownException",
    }


def invalid_input() -> Dict[str, Any]:
    return {
        "message": "Some properties contained invalid input.",
        "validationErrors": [{"propertyPath": "connectionId", "invalidValue": "x", "message": "must be a UUID"}],
    }
