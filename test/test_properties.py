"""Property tests generated straight from the spec: every model and every response of every operation parses,
round-trips exactly and compares equal, whether it comes from a server of the spec's version or a newer one."""

from __future__ import annotations

import contextlib
import functools
import importlib
import json
import pkgutil
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Type, Union

import pytest
from hypothesis import given
from hypothesis import strategies as st
from older_servers import is_relaxed, relaxed_properties
from scripted_server import Reply, ScriptedServer
from spec_strategies import (
    SPEC_SETTINGS,
    JsonPath,
    OperationShape,
    SpecStrategies,
    first_difference,
    json_path_text,
    load_spec,
    operations,
    required_paths,
    resolve,
    same_json,
    schema_classes,
    takes_any_value,
)

from openapi_client import WebBackendApi, models
from openapi_client.api.web_backend_api import OPERATIONS
from openapi_client.exceptions import ApiException, InvalidResponseError
from openapi_client.models.base import ApiEnum, ApiModel, received_data


def client_classes() -> Dict[str, type]:
    """Every model and enum class of the package, the inline enums defined beside their model included."""
    classes: Dict[str, type] = {}
    for info in pkgutil.iter_modules(models.__path__):
        module = importlib.import_module(f"{models.__name__}.{info.name}")
        for value in vars(module).values():
            defined_here = isinstance(value, type) and value.__module__ == module.__name__
            if defined_here and issubclass(value, (ApiModel, ApiEnum)) and value not in (ApiModel, ApiEnum):
                classes[value.__name__] = value
    return classes


CLASSES = client_classes()
MODEL_NAMES = sorted(name for name, cls in CLASSES.items() if issubclass(cls, ApiModel))
OPERATION_NAMES = sorted(operation.name for operation in OPERATIONS)
RESPONSE_TYPES = {operation.name: operation.response_type for operation in OPERATIONS}
SERVERS = pytest.mark.parametrize("newer_server", [False, True], ids=["spec-server", "newer-server"])


@functools.cache
def strategies(spec_dir: Path, newer_server: bool) -> SpecStrategies:
    return SpecStrategies(load_spec(spec_dir), newer_server=newer_server)


@functools.cache
def class_pointers(spec_dir: Path) -> Dict[str, str]:
    return schema_classes(load_spec(spec_dir))


def encode(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def assert_same(written: Union[str, bytes], document: Any) -> None:
    back = json.loads(written)
    assert same_json(back, document), first_difference(back, document)


def assert_enum_values_follow_the_spec(spec_dir: Path, value: Any) -> None:
    """Every enum value on a parsed model is a member when the spec lists it, an unknown value otherwise."""
    for item in enum_values(value):
        listed = resolve(load_spec(spec_dir), class_pointers(spec_dir)[type(item).__name__])["enum"]
        assert item.is_unknown is (item.value not in listed), (type(item).__name__, item.value)
        if not item.is_unknown:
            assert type(item)(item.value) is item


def enum_values(value: Any) -> List[ApiEnum]:
    if isinstance(value, ApiEnum):
        return [value]
    if isinstance(value, ApiModel):
        return [item for name in value.model_fields_set for item in enum_values(getattr(value, name))]
    if isinstance(value, list):
        return [item for element in value for item in enum_values(element)]
    return []


# -- every schema has its class ------------------------------------------------------------------------------


def test_every_schema_has_a_class_with_its_properties_and_values(spec_dir: Path) -> None:
    spec = load_spec(spec_dir)
    pointers = schema_classes(spec)
    assert set(pointers) == set(CLASSES)
    for name, pointer in pointers.items():
        schema, cls = resolve(spec, pointer), CLASSES[name]
        if issubclass(cls, ApiEnum):
            assert [member.value for member in cls] == schema["enum"], name
            continue
        assert issubclass(cls, ApiModel)
        fields = cls.model_fields.values()
        assert {field.alias for field in fields} == set(schema["properties"]), name
        required = set(schema.get("required", [])) & set(schema["properties"])
        # The listed exception: what older servers do not send is optional (docs/stock_differences.yaml).
        relaxed = {alias for owner, alias in relaxed_properties() if owner == name}
        assert relaxed <= required, name
        assert {field.alias for field in fields if field.is_required()} == required - relaxed, name


# -- every model ---------------------------------------------------------------------------------------------


@SERVERS
@pytest.mark.parametrize("name", MODEL_NAMES)
@SPEC_SETTINGS
@given(data=st.data())
def test_every_model_parses_and_round_trips_exactly(
    spec_dir: Path, name: str, newer_server: bool, data: st.DataObject
) -> None:
    model: Type[ApiModel] = CLASSES[name]  # type: ignore[assignment]
    document = data.draw(strategies(spec_dir, newer_server).at(class_pointers(spec_dir)[name]), label=name)

    # A request model reads what a newer server sent only when told it was received (its own from_json is strict).
    received = received_data() if newer_server else contextlib.nullcontext()
    with received:
        parsed = model.from_json(encode(document))
    assert_same(parsed.to_json(), document)
    assert_enum_values_follow_the_spec(spec_dir, parsed)

    with received:
        from_python = model.from_dict(document)
    assert from_python == parsed
    assert_same(from_python.to_json(), document)

    with received:
        again = model.from_dict(parsed.to_dict())
    assert again == parsed
    assert again.to_dict() == parsed.to_dict()
    assert_same(again.to_json(), document)


# -- every response, over HTTP -------------------------------------------------------------------------------


def shape_of(spec: Mapping[str, Any], method: str) -> OperationShape:
    wanted = method.replace("_", "").lower()
    (shape,) = [shape for shape in operations(spec) if shape.operation_id.lower() == wanted]
    return shape


@SERVERS
@pytest.mark.parametrize("method", OPERATION_NAMES)
@SPEC_SETTINGS
@given(data=st.data())
def test_every_response_of_every_operation_parses_over_http(
    spec_dir: Path,
    server: ScriptedServer,
    api: WebBackendApi,
    method: str,
    newer_server: bool,
    data: st.DataObject,
) -> None:
    spec = load_spec(spec_dir)
    shape = shape_of(spec, method)
    request = draw_request(data, strategies(spec_dir, False), shape)
    status = data.draw(st.sampled_from(sorted(shape.responses)), label="status")
    document = data.draw(strategies(spec_dir, newer_server).at(shape.responses[status]), label="response")
    server.always(shape.path, Reply(status=status, body=encode(document)))
    sent = len(server.received)

    call = getattr(api, f"{method}_with_http_info")
    if status == 200:
        answer = call(request) if shape.request else call()
        assert answer.status_code == 200
        assert answer.raw_data == encode(document)
        assert_parsed(spec_dir, answer.data, document)
    else:
        with pytest.raises(ApiException) as raised:
            call(request) if shape.request else call()
        assert raised.value.status == status
        assert raised.value.operation == method
        assert_parsed(spec_dir, raised.value.data, document)

    assert len(server.received) == sent + 1
    received = server.received[-1]
    assert received.path == shape.path
    if request is None:
        assert received.body == b""
    else:
        # Exactly what the caller set: nothing dropped, nothing added, null where the caller wrote null.
        assert same_json(received.json(), request), first_difference(received.json(), request)


def draw_request(data: st.DataObject, spec_strategies: SpecStrategies, shape: OperationShape) -> Optional[Any]:
    if shape.request is None:
        return None
    if not shape.body_required and data.draw(st.booleans(), label="without a body"):
        return None
    return data.draw(spec_strategies.at(shape.request), label="request")


def assert_parsed(spec_dir: Path, parsed: Any, document: Any) -> None:
    if isinstance(parsed, ApiEnum):
        assert parsed.value == document
    else:
        assert isinstance(parsed, ApiModel)
        assert_same(parsed.to_json(), document)
    assert_enum_values_follow_the_spec(spec_dir, parsed)


# -- responses that violate the spec -------------------------------------------------------------------------


@pytest.mark.parametrize("method", OPERATION_NAMES)
@SPEC_SETTINGS
@given(data=st.data())
def test_a_response_that_violates_the_spec_names_operation_status_and_field(
    spec_dir: Path, server: ScriptedServer, api: WebBackendApi, method: str, data: st.DataObject
) -> None:
    spec = load_spec(spec_dir)
    shape = shape_of(spec, method)
    pointer = shape.responses[200]
    document = data.draw(strategies(spec_dir, True).at(pointer), label="response")
    # A bare value (get_state_type's enum) has no required property: the whole body is of the wrong type. A
    # property that takes any JSON value (a connector's configuration) can only be missing.
    paths = required_paths(spec, pointer, document)
    path = data.draw(st.sampled_from(paths or [()]), label="broken field")
    ways = ["missing"] if path and takes_any_value(spec, pointer, path) else ["missing", "wrong type"]
    if path and is_relaxed(RESPONSE_TYPES[method], path):
        ways = ["wrong type"]  # older servers leave it out (docs/stock_differences.yaml): missing is no violation
    how = data.draw(st.sampled_from(ways if path else ["wrong type"]), label="how")
    broken = break_field(document, path, how)
    body = encode(broken)
    server.always(shape.path, Reply(body=body))
    request = draw_request(data, strategies(spec_dir, False), shape)

    call = getattr(api, method)
    with pytest.raises(InvalidResponseError) as raised:
        call(request) if shape.request else call()
    error = raised.value
    where = json_path_text(path) if path else "(body)"
    assert f"{where}: " in error.problem
    assert (error.status, error.operation, error.body) == (200, method, body.decode("utf-8"))
    message = str(error)
    assert method in message and "HTTP status: 200" in message and where in message


def break_field(document: Any, path: JsonPath, how: str) -> Any:
    """A copy of `document` in which the property at `path` is missing, or holds a value of no valid type."""
    if not path:
        return {} if isinstance(document, list) else []
    broken = json.loads(json.dumps(document))
    parent = broken
    for part in path[:-1]:
        parent = parent[part]
    if how == "missing":
        del parent[path[-1]]
    else:
        # Every type of the spec refuses one of these: an array where anything else is expected, else an object.
        parent[path[-1]] = {} if isinstance(parent[path[-1]], list) else []
    return broken
