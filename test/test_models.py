"""The models: how they are imported, constructed, read and written."""

from __future__ import annotations

import importlib
import json
from datetime import date, datetime, timezone
from uuid import UUID

import pytest
from pydantic import ValidationError
from samples import DESTINATION_ID, SOURCE_ID, connection_read

import openapi_client
from openapi_client import models
from openapi_client.models.airbyte_stream_configuration import AirbyteStreamConfiguration
from openapi_client.models.base import ApiEnum, ApiModel
from openapi_client.models.connection_schedule import ConnectionSchedule, ConnectionScheduleTimeUnit
from openapi_client.models.sync_mode import SyncMode
from openapi_client.models.web_backend_connection_create import WebBackendConnectionCreate
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead


def test_every_model_is_importable_by_name_and_by_module() -> None:
    names = models.model_names()
    assert len(names) == 66
    enums = [n for n in names if issubclass(getattr(openapi_client, n), ApiEnum)]
    assert len(enums) == 17
    for name in names:
        module = importlib.import_module(f"openapi_client.models.{models.module_name(name)}")
        assert getattr(module, name) is getattr(openapi_client, name) is getattr(models, name)
    assert set(names) <= set(dir(openapi_client))


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError):
        openapi_client.NoSuchModel  # noqa: B018
    with pytest.raises(AttributeError):
        models.NoSuchModel  # noqa: B018
    with pytest.raises(AttributeError):
        openapi_client.no_such_thing  # noqa: B018


def test_construct_by_python_name_or_json_alias() -> None:
    by_name = WebBackendConnectionCreate(source_id=SOURCE_ID, destination_id=DESTINATION_ID, status="active")
    by_alias = WebBackendConnectionCreate(sourceId=SOURCE_ID, destinationId=DESTINATION_ID, status="active")
    assert by_name == by_alias
    assert by_name.source_id == UUID(SOURCE_ID)
    assert by_name.status is openapi_client.ConnectionStatus.ACTIVE


def test_types_follow_the_spec_formats() -> None:
    read = WebBackendConnectionRead.from_dict(connection_read())
    assert read is not None
    assert isinstance(read.connection_id, UUID)
    assert isinstance(read.created_at, int)
    assert isinstance(read.source.connection_configuration, dict)
    assert read.source.connection_configuration["ssl"] == {"mode": "require"}
    assert read.sync_catalog.streams[0].config is not None
    assert read.sync_catalog.streams[0].config.sync_mode is SyncMode.INCREMENTAL
    version = openapi_client.ActorDefinitionBreakingChange(
        version="2.0.0",
        message="m",
        upgrade_deadline="2025-01-31",
        migration_documentation_url="https://docs",
    )
    assert version.upgrade_deadline == date(2025, 1, 31)
    published = openapi_client.ActorDefinitionVersionRead.from_dict(
        {
            "dockerRepository": "r",
            "dockerImageTag": "1",
            "supportsRefreshes": True,
            "supportState": "supported",
            "isVersionOverrideApplied": False,
            "supportsFileTransfer": False,
            "lastPublished": "2024-05-01T10:00:00Z",
        }
    )
    assert published is not None
    assert published.last_published == datetime(2024, 5, 1, 10, tzinfo=timezone.utc)


def test_missing_required_and_wrong_types_name_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        WebBackendConnectionCreate(source_id=SOURCE_ID, status="active")
    assert caught.value.errors()[0]["loc"] == ("destinationId",)
    with pytest.raises(ValidationError, match="units"):
        ConnectionSchedule(units="12", time_unit="hours")
    with pytest.raises(ValidationError, match="selected"):
        AirbyteStreamConfiguration(sync_mode="full_refresh", destination_sync_mode="append", selected="yes")


def test_unknown_field_names_are_refused_on_construction_and_assignment() -> None:
    with pytest.raises(ValidationError, match="sourceid"):
        WebBackendConnectionCreate(sourceid=SOURCE_ID, destination_id=DESTINATION_ID, status="active")
    with pytest.raises(ValidationError, match=r"streams\.0\.stremm"):
        WebBackendConnectionCreate(
            source_id=SOURCE_ID,
            destination_id=DESTINATION_ID,
            status="active",
            sync_catalog={"streams": [{"stremm": {}}]},
        )
    create = WebBackendConnectionCreate(source_id=SOURCE_ID, destination_id=DESTINATION_ID, status="active")
    with pytest.raises(ValidationError, match="nmae"):
        create.nmae = "typo"
    with pytest.raises(ValidationError, match="status"):
        create.status = "paused"


def test_to_dict_to_json_contain_only_what_was_set() -> None:
    create = WebBackendConnectionCreate(source_id=SOURCE_ID, destination_id=DESTINATION_ID, status="active")
    assert create.to_dict() == {
        "sourceId": UUID(SOURCE_ID),
        "destinationId": UUID(DESTINATION_ID),
        "status": openapi_client.ConnectionStatus.ACTIVE,
    }
    assert json.loads(create.to_json()) == {"sourceId": SOURCE_ID, "destinationId": DESTINATION_ID, "status": "active"}
    create.name = "n"
    assert json.loads(create.to_json())["name"] == "n"


def test_from_json_and_from_dict_round_trip() -> None:
    body = json.dumps(connection_read())
    read = WebBackendConnectionRead.from_json(body)
    assert json.loads(read.to_json()) == json.loads(body)
    again = WebBackendConnectionRead.from_dict(read.to_dict())
    assert again == read
    assert WebBackendConnectionRead.from_dict(None) is None
    assert json.loads(read.to_str()) == json.loads(body)


def test_enums_are_str_enums() -> None:
    assert issubclass(SyncMode, str)
    assert SyncMode("incremental") is SyncMode.INCREMENTAL
    assert SyncMode.INCREMENTAL == "incremental"
    assert str(SyncMode.FULL_REFRESH) == "full_refresh"
    assert ConnectionScheduleTimeUnit.HOURS == "hours"
    with pytest.raises(ValueError):
        SyncMode("sometimes")


def test_models_share_one_base_class() -> None:
    for name in models.model_names():
        cls = getattr(models, name)
        assert issubclass(cls, (ApiModel, ApiEnum))
        assert "to_dict" not in vars(cls) and "from_dict" not in vars(cls)
