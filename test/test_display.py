"""How models show themselves: a short `repr()`, a JSON `to_str()`, and HTML tables safe for user data."""

from __future__ import annotations

import functools
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samples import CONNECTION_ID, SOURCE_ID, connection_list_item, connection_read, stream
from spec_strategies import SPEC_SETTINGS, SpecStrategies, load_spec, schema_classes

import openapi_client
from openapi_client import display
from openapi_client.models.base import ApiModel, received_data
from openapi_client.models.catalog_diff import CatalogDiff
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
from openapi_client.models.web_backend_connection_read_list import WebBackendConnectionReadList

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)> "quoted" \'single\''
# Python's and pydantic's own reprs of the values a model holds: none of them may show.
NOISE = re.compile(r"UUID\(|ReceivedDateTime|datetime\.|<\w+\.\w+: '")


def fifty_stream_connection() -> WebBackendConnectionRead:
    document = connection_read()
    document["syncCatalog"] = {"streams": [stream(f"table_{index:02d}") for index in range(50)]}
    document["sourceActorDefinitionVersion"]["lastPublished"] = "2024-04-23T23:29:00.000Z"
    return WebBackendConnectionRead.from_dict(document)  # type: ignore[return-value]


def test_the_repr_of_a_fifty_stream_connection_is_short_and_starts_with_what_identifies_it() -> None:
    connection = fifty_stream_connection()
    text = repr(connection)

    assert len(text) <= 1000
    assert text.startswith(f"WebBackendConnectionRead(name='Postgres → Warehouse', connection_id='{CONNECTION_ID}', ")
    assert "sync_catalog=<50 streams>" in text
    # The ids, then the status, come before the other fields.
    assert text.index("source_id=") < text.index("status='active'") < text.index("namespace_definition=")
    assert "schedule_data=ConnectionScheduleData(basic_schedule=ConnectionScheduleDataBasicSchedule(" in text
    assert "operations=<1 operation>" in text
    assert not NOISE.search(text), NOISE.search(text)
    assert str(connection) == text


def test_a_nested_value_is_summarised_never_spelt_out() -> None:
    connection = fifty_stream_connection()
    connection.source.connection_configuration["password"] = "hunter2-secret"

    source = repr(connection.source)
    assert "connection_configuration={4 keys}" in source
    assert "hunter2" not in source + repr(connection) + connection._repr_html_()
    assert repr(connection.sync_catalog) == "AirbyteCatalog(streams=<50 streams>)"
    entry = repr(connection.sync_catalog.streams[0])
    assert "stream=AirbyteStream(name='table_00', namespace='public', json_schema={2 keys}" in entry
    assert "cursor_field=['updated_at']" in repr(connection.sync_catalog.streams[0].config)
    assert "primary_key=[['id']]" in repr(connection.sync_catalog.streams[0].config)


def test_long_text_and_long_lists_are_cut() -> None:
    connection = fifty_stream_connection()
    connection.name = "n" * 500
    text = repr(connection)
    assert "'" + "n" * 77 + "...'" in text and "n" * 78 not in text
    connection.operation_ids = [connection.connection_id] * 5
    assert "operation_ids=<5 operation ids>" in repr(connection)


def test_fields_a_newer_server_adds_are_shown_after_the_known_ones() -> None:
    document = connection_list_item()
    document["tags"] = [{"name": "prod"}]
    item = openapi_client.WebBackendConnectionListItem.from_dict(document)
    assert repr(item).endswith("tags=<1 tag>)")


def test_to_str_is_indented_json_with_the_api_names() -> None:
    connection = fifty_stream_connection()
    text = connection.to_str()
    assert json.loads(text) == json.loads(connection.to_json())
    assert text.startswith('{\n  "connectionId": "' + CONNECTION_ID + '",\n  "name": "Postgres → Warehouse",')
    # The server's own date-time text, not a Python object.
    assert '"lastPublished": "2024-04-23T23:29:00.000Z"' in text
    assert not NOISE.search(text)
    # Short objects and arrays on one line: 27 lines a stream, where one value a line takes 47.
    assert '\n          "supportedSyncModes": ["full_refresh", "incremental"],\n' in text
    assert '\n          "primaryKey": [["id"]],\n' in text
    assert '\n              "updated_at": {"type": "string", "format": "date-time"}\n' in text
    assert len(text.splitlines()) < 1400
    assert max(len(line) for line in text.splitlines()) <= display.TO_STR_WIDTH


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=30), lambda children: (
    st.lists(children, max_size=6) | st.dictionaries(st.text(max_size=12), children, max_size=6)
)), st.integers(min_value=10, max_value=120))  # fmt: skip
def test_to_str_json_is_the_json_and_a_line_longer_than_the_width_holds_one_value(value: Any, width: int) -> None:
    text = display.json_text(value, width)
    assert json.loads(text) == value
    for line in text.split("\n"):  # not splitlines(): a string may hold U+0085 or U+2028, which JSON keeps as they are
        if len(line) <= width:
            continue
        # A line too long holds no object or array that could have been broken over lines.
        shown = line.strip().rstrip(",")
        if shown.startswith('"'):
            key_end = json.JSONDecoder().raw_decode(shown)[1]
            shown = shown[key_end + 2 :] if shown[key_end : key_end + 2] == ": " else shown
        assert (
            shown in ("[", "{", "]", "}")
            or json.loads(shown) in ([], {})
            or not isinstance(json.loads(shown), (list, dict))
        ), line


def test_to_json_dict_is_json_safe_and_to_dict_keeps_python_values() -> None:
    connection = fifty_stream_connection()
    # The generated client's to_dict() keeps UUIDs, enums and datetimes: so does ours.
    with pytest.raises(TypeError):
        json.dumps(connection.to_dict())
    assert connection.to_dict()["sourceId"] == connection.source_id
    safe = connection.to_json_dict()
    assert json.loads(json.dumps(safe)) == json.loads(connection.to_json())
    assert safe["sourceId"] == SOURCE_ID and safe["status"] == "active"


# -- HTML ---------------------------------------------------------------------------------------------------

ALLOWED_TAGS = {"table", "caption", "thead", "tbody", "tr", "th", "td"}


class Tables(HTMLParser):
    """The tables of an HTML fragment: each one's caption and rows, a row being the text of each cell."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: List[str] = []
        self.attributes: List[Tuple[str, Any]] = []
        self.captions: List[str] = []
        self.rows: List[List[List[str]]] = []
        self._text: List[str] = []

    def handle_starttag(self, tag: str, attrs: List[Tuple[str, Any]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)
        if tag == "table":
            self.rows.append([])
        elif tag == "caption":
            self.captions.append("")
            self._text = self.captions
        elif tag == "tr":
            self.rows[-1].append([])
        elif tag in ("td", "th"):
            self.rows[-1][-1].append("")
            self._text = self.rows[-1][-1]

    def handle_data(self, data: str) -> None:
        self._text[-1] += data


def parse(fragment: str) -> Tables:
    tables = Tables()
    tables.feed(fragment)
    tables.close()
    assert set(tables.tags) <= ALLOWED_TAGS, set(tables.tags) - ALLOWED_TAGS
    # The only attribute any table has is the colspan of its "more rows" note.
    assert all(name == "colspan" for name, _ in tables.attributes), tables.attributes
    return tables


def hostile_list() -> WebBackendConnectionReadList:
    item = connection_list_item()
    item["name"] = HOSTILE
    item["source"]["name"] = HOSTILE + " source"
    item["destination"]["name"] = "</td></tr></table><b>destination</b>"
    item["latestSyncJobStatus"] = "failed"
    item["latestSyncJobCreatedAt"] = 1720772153
    return WebBackendConnectionReadList.from_dict({"connections": [item, connection_list_item()]})  # type: ignore[return-value]


def test_a_list_shows_as_a_table_of_connections_and_user_data_stays_text() -> None:
    tables = parse(hostile_list()._repr_html_())

    assert tables.captions == ["2 connections"]
    heading, first, second = tables.rows[0]
    assert heading == [
        "name",
        "status",
        "source",
        "destination",
        "schedule",
        "last sync",
        "last sync at",
        "schema change",
    ]
    assert first == [
        HOSTILE,
        "active",
        HOSTILE + " source",
        "</td></tr></table><b>destination</b>",
        "cron 0 0 * * * ? UTC",
        "failed",
        "2024-07-12T08:15:53Z",
        "non_breaking",
    ]
    assert second[0] == "Postgres → Warehouse" and second[5:7] == ["", ""]


def test_a_connection_shows_its_fields_and_a_table_of_its_streams() -> None:
    document = connection_read()
    document["name"] = HOSTILE
    document["syncCatalog"]["streams"][0]["stream"]["name"] = HOSTILE
    connection = WebBackendConnectionRead.from_dict(document)
    assert connection is not None
    tables = parse(connection._repr_html_())

    assert tables.captions == ["WebBackendConnectionRead", "2 streams"]
    fields = dict(tables.rows[0])
    assert fields["name"] == HOSTILE and fields["connection_id"] == CONNECTION_ID
    assert fields["sync_catalog"] == "<2 streams>"
    assert fields["source"].startswith("SourceRead(name='Production Postgres', ")
    heading, *streams = tables.rows[1]
    assert heading[:3] == ["namespace", "stream", "selected"]
    assert [row[:5] for row in streams] == [
        ["public", HOSTILE, "yes", "incremental", "append_dedup"],
        ["public", "orders", "yes", "incremental", "append_dedup"],
    ]


def test_a_catalog_diff_shows_one_row_per_change() -> None:
    diff = CatalogDiff.from_dict(
        {
            "transforms": [
                {"transformType": "add_stream", "streamDescriptor": {"name": HOSTILE}},
                {
                    "transformType": "update_stream",
                    "streamDescriptor": {"name": "users", "namespace": "public"},
                    "updateStream": {
                        "fieldTransforms": [
                            {
                                "transformType": "update_field_schema",
                                "fieldName": ["age"],
                                "breaking": False,
                                "updateFieldSchema": {
                                    "oldSchema": {"type": "string"},
                                    "newSchema": {"type": "integer"},
                                },
                            }
                        ],
                        "streamAttributeTransforms": [],
                    },
                },
            ]
        }
    )
    assert diff is not None
    tables = parse(diff._repr_html_())
    assert tables.captions == ["2 changes"]
    assert tables.rows[0] == [
        ["namespace", "stream", "change", "field", "breaking", "detail"],
        ["", HOSTILE, "add_stream", "", "no", ""],
        ["public", "users", "update_field_schema", "age", "no", "string -> integer"],
    ]


def test_a_long_list_shows_500_rows_and_says_how_many_more_there_are() -> None:
    page = WebBackendConnectionReadList.from_dict({"connections": [connection_list_item()] * 503})
    assert page is not None
    tables = parse(page._repr_html_())
    assert len(tables.rows[0]) == 1 + 500 + 1
    assert tables.rows[0][-1] == ["3 more rows not shown: to_dataframe() or to_records() has them all"]


# -- every model --------------------------------------------------------------------------------------------


@functools.cache
def _strategies(spec_dir: Path, newer_server: bool) -> SpecStrategies:
    return SpecStrategies(load_spec(spec_dir), newer_server=newer_server)


MODELS: Dict[str, type] = {
    name: getattr(openapi_client, name)
    for name in openapi_client.models.model_names()
    if issubclass(getattr(openapi_client, name), ApiModel)
}


# A newer server's documents hold everything a spec server's may, and more (unknown fields and enum values).
@pytest.mark.parametrize("name", sorted(MODELS))
@settings(SPEC_SETTINGS, max_examples=min(SPEC_SETTINGS.max_examples, 5))
@given(data=st.data())
def test_every_model_displays_briefly_and_safely(spec_dir: Path, name: str, data: st.DataObject) -> None:
    pointer = schema_classes(load_spec(spec_dir))[name]
    document = data.draw(_strategies(spec_dir, newer_server=True).at(pointer), label=name)
    with received_data():  # request models too are read here as a newer server sends them
        model = MODELS[name].from_dict(document)

    text = repr(model)
    assert text.startswith(f"{name}(") and text.endswith(")")
    assert len(text) <= 1000 + len(", ...")  # README: "at most about 1,000 characters"
    assert not NOISE.search(text), text
    assert json.loads(model.to_str()) == json.loads(model.to_json())
    parse(model._repr_html_())
