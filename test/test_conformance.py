"""The package against the vendored spec: every schema as a model or enum, every operation on `WebBackendApi`.

Each test walks the whole spec and reports every mismatch it finds at once, so that one run shows all the
work a spec change needs.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import keyword
import re
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Dict, Iterator, List, Mapping, Optional, Set, Tuple
from uuid import UUID

import pytest
import yaml
from older_servers import relaxed_properties
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic.types import Strict

import openapi_client
from openapi_client import WebBackendApi, models
from openapi_client.api.web_backend_api import OPERATIONS
from openapi_client.models.base import ApiEnum, ApiModel

DOCS = Path(__file__).resolve().parents[1] / "docs"
DICT = "Dict[str, Any]"
# A schema without a type takes any JSON value.
ANY = "typing.Any"
PRIMITIVES = {
    ("string", "uuid"): "UUID",
    ("string", "date"): "date",
    ("string", "date-time"): "datetime",
    ("string", None): "str",
    ("integer", "int64"): "int",
    ("integer", "int32"): "int",
    ("integer", None): "int",
    ("boolean", None): "bool",
}
# The one known defect of the spec: AirbyteStream requires `json_schema`, a name none of its properties has.
KNOWN_REQUIRED_NON_PROPERTIES = {("AirbyteStream", "json_schema")}


def snake_case(name: str) -> str:
    """`webBackendGetConnection` -> `web_backend_get_connection`, the way the generator spells names."""
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


def python_field_name(json_name: str) -> str:
    name = snake_case(json_name)
    return f"var_{name}" if keyword.iskeyword(name) or hasattr(BaseModel, name) else name


def pascal_case(name: str) -> str:
    return name[:1].upper() + name[1:]


def class_path(class_name: str, module_of: Optional[str] = None) -> str:
    return f"openapi_client.models.{snake_case(module_of or class_name)}.{class_name}"


@functools.cache
def load_spec(path: Path) -> Dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        spec: Dict[str, Any] = yaml.safe_load(handle)
    return spec


@pytest.fixture
def spec(spec_dir: Path) -> Dict[str, Any]:
    return load_spec(spec_dir / "webbackend.yaml")


# -- what the spec asks for ------------------------------------------------------------------------------


@dataclass
class SchemaCatalog:
    """The spec's schemas sorted into what each must become in the package."""

    schemas: Dict[str, Dict[str, Any]]
    enums: Dict[str, List[str]] = field(default_factory=dict)
    objects: Dict[str, Dict[str, Any]] = field(default_factory=dict)
    # Inline enums and objects, by the class name they get: owner + property in PascalCase.
    inline_enums: Dict[str, Tuple[str, List[str]]] = field(default_factory=dict)
    inline_objects: Dict[str, Dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def of(cls, spec: Mapping[str, Any]) -> SchemaCatalog:
        catalog = cls(schemas=spec["components"]["schemas"])
        for name, schema in catalog.schemas.items():
            if "enum" in schema:
                catalog.enums[name] = schema["enum"]
            elif "properties" in schema:
                catalog.add_object(name, schema)
        return catalog

    def add_object(self, name: str, schema: Dict[str, Any]) -> None:
        self.objects[name] = schema
        for prop_name, prop in schema["properties"].items():
            inline_name = name + pascal_case(prop_name)
            if "enum" in prop:
                self.inline_enums[inline_name] = (name, prop["enum"])
            elif prop.get("type") == "object" and "properties" in prop:
                self.inline_objects[inline_name] = prop
                self.add_object(inline_name, prop)

    def model_classes(self) -> Set[str]:
        """Every class that must have a module of its own: named enums, and named and inline objects."""
        return set(self.enums) | set(self.objects)

    def expected_type(self, owner: str, prop_name: str, prop: Mapping[str, Any]) -> str:
        """The type a property must have, spelled the way `describe` spells an annotation."""
        if "$ref" in prop:
            return self._named(prop["$ref"].rsplit("/", 1)[-1])
        inline_name = owner + pascal_case(prop_name)
        if "enum" in prop:
            return class_path(inline_name, module_of=owner)
        if inline_name in self.inline_objects:
            return class_path(inline_name)
        return self._structural(owner, prop_name, prop)

    def _named(self, name: str) -> str:
        if name in self.enums or name in self.objects:
            return class_path(name)
        return self._structural(name, "", self.schemas[name])

    def _structural(self, owner: str, prop_name: str, schema: Mapping[str, Any]) -> str:
        kind = schema.get("type")
        if kind == "array":
            return f"List[{self.expected_type(owner, prop_name, schema['items'])}]"
        if kind is None:
            return ANY
        if kind == "object":
            return DICT
        return PRIMITIVES[(kind, schema.get("format"))]


# -- what the package has --------------------------------------------------------------------------------


def unwrap_optional(annotation: Any) -> Tuple[Any, bool]:
    arguments = typing.get_args(annotation)
    if _is_union(annotation) and type(None) in arguments:
        rest = [a for a in arguments if a is not type(None)]
        return (rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]), True
    return annotation, False


def _is_union(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    return origin is typing.Union or (hasattr(types, "UnionType") and origin is types.UnionType)


def describe(annotation: Any, metadata: Tuple[Any, ...] = ()) -> str:
    """An annotation spelled as `expected_type` spells the spec's types; loose primitives are marked."""
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return describe(base, metadata + tuple(extra))
    if annotation in (int, str, bool):
        strict = any(isinstance(m, Strict) and m.strict for m in metadata)
        return annotation.__name__ if strict else f"{annotation.__name__} (not strict)"
    simple = {UUID: "UUID", date: "date", datetime: "datetime"}
    if annotation in simple:
        return simple[annotation]
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is list:
        return f"List[{describe(arguments[0])}]"
    if origin is dict:
        return DICT if arguments == (str, Any) else f"Dict{list(arguments)}"
    if isinstance(annotation, type) and issubclass(annotation, (ApiEnum, ApiModel)):
        return f"{annotation.__module__}.{annotation.__qualname__}"
    return repr(annotation)


def field_type(info: FieldInfo) -> Tuple[str, bool]:
    """The described type of a field and whether it accepts None."""
    annotation, nullable = unwrap_optional(info.annotation)
    return describe(annotation, tuple(info.metadata)), nullable


def import_class(path: str) -> Any:
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


# -- the checks ------------------------------------------------------------------------------------------


def object_problems(catalog: SchemaCatalog, name: str, schema: Mapping[str, Any]) -> List[str]:
    model = import_class(class_path(name))
    if not (isinstance(model, type) and issubclass(model, ApiModel)):
        return [f"{name}: {model!r} is not an ApiModel"]
    properties: Dict[str, Any] = schema["properties"]
    by_alias = {info.alias: (field_name, info) for field_name, info in model.model_fields.items()}
    problems = [f"{name}.{alias}: not in the spec" for alias in by_alias.keys() - properties.keys()]
    problems += [f"{name}.{json_name}: missing from the model" for json_name in properties.keys() - by_alias.keys()]
    required = set(schema.get("required", ()))
    for json_name, prop in properties.items():
        if json_name not in by_alias:
            continue
        field_name, info = by_alias[json_name]
        where = f"{name}.{json_name}"
        problems += property_problems(catalog, name, json_name, prop, field_name, info, json_name in required, where)
    return problems


def property_problems(
    catalog: SchemaCatalog,
    owner: str,
    json_name: str,
    prop: Mapping[str, Any],
    field_name: str,
    info: FieldInfo,
    required: bool,
    where: str,
) -> List[str]:
    problems = []
    if field_name != python_field_name(json_name):
        problems.append(f"{where}: python name {field_name!r}, expected {python_field_name(json_name)!r}")
    actual, nullable = field_type(info)
    expected = catalog.expected_type(owner, json_name, prop)
    if actual != expected:
        problems.append(f"{where}: type {actual}, spec says {expected}")
    if (owner, json_name) in relaxed_properties():
        # The listed exception: required by the spec, optional here, exactly as an optional field of the spec is.
        if not required:
            problems.append(f"{where}: listed as relaxed for older servers, but the spec does not require it")
        if info.is_required() or not nullable or info.default is not None:
            problems.append(f"{where}: relaxed for older servers, so it must be Optional[...] = None")
    else:
        if info.is_required() != required:
            problems.append(f"{where}: required in the model is {info.is_required()}, in the spec {required}")
        if not required and (not nullable or info.default is not None):
            problems.append(f"{where}: optional in the spec, so it must be Optional[...] = None")
        if required and nullable and not prop.get("nullable"):
            problems.append(f"{where}: required and not nullable in the spec, but the model accepts None")
    if (info.description or None) != _description(prop):
        problems.append(f"{where}: description {info.description!r}, spec says {_description(prop)!r}")
    return problems


def _description(prop: Mapping[str, Any]) -> Optional[str]:
    text = prop.get("description")
    return " ".join(text.split()) if text else None


def enum_problems(name: str, values: List[str], module_of: Optional[str] = None) -> List[str]:
    enum = import_class(class_path(name, module_of))
    if not (isinstance(enum, type) and issubclass(enum, ApiEnum)):
        return [f"{name}: {enum!r} is not an ApiEnum"]
    actual = [member.value for member in enum]
    return [] if actual == values else [f"{name}: values {actual}, spec says {values}"]


def test_every_enum_schema_is_an_api_enum_with_exactly_its_values(spec: Dict[str, Any]) -> None:
    catalog = SchemaCatalog.of(spec)
    problems = [p for name, values in catalog.enums.items() for p in enum_problems(name, values)]
    assert not problems, "\n".join(problems)
    assert len(catalog.enums) == 17


def test_every_inline_enum_is_an_api_enum_in_its_owners_module(spec: Dict[str, Any]) -> None:
    catalog = SchemaCatalog.of(spec)
    problems = [p for name, (owner, values) in catalog.inline_enums.items() for p in enum_problems(name, values, owner)]
    assert not problems, "\n".join(problems)
    assert "FieldTransformTransformType" in catalog.inline_enums


def test_every_object_schema_is_a_model_with_exactly_its_properties(spec: Dict[str, Any]) -> None:
    catalog = SchemaCatalog.of(spec)
    problems = [p for name, schema in catalog.objects.items() for p in object_problems(catalog, name, schema)]
    assert not problems, "\n".join(problems)
    assert set(catalog.inline_objects) == {
        "ConnectionScheduleDataBasicSchedule",
        "ConnectionScheduleDataCron",
        "OperatorWebhookDbtCloud",
        "StreamTransformUpdateStream",
    }


def test_the_only_fields_relaxed_are_those_older_servers_do_not_send() -> None:
    # From config.yaml's history (airbyte-platform): what the 2022-12 (d95c06d357) and 2024-06 (d8d93876ae) servers'
    # schemas lack of what ours requires. A new relaxation is added here and in docs/stock_differences.yaml.
    assert relaxed_properties() == {
        ("WebBackendConnectionRead", "sourceActorDefinitionVersion"): ("2022-12",),
        ("WebBackendConnectionRead", "destinationActorDefinitionVersion"): ("2022-12",),
        ("WebBackendConnectionRead", "notifySchemaChangesByEmail"): ("2022-12",),
        ("WebBackendConnectionListItem", "sourceActorDefinitionVersion"): ("2022-12",),
        ("WebBackendConnectionListItem", "destinationActorDefinitionVersion"): ("2022-12",),
        ("ActorDefinitionVersionRead", "supportsFileTransfer"): ("2024-06",),
        ("StreamTransformUpdateStream", "streamAttributeTransforms"): ("2022-12",),
    }


def test_required_names_that_are_not_properties_are_only_the_known_defect(spec: Dict[str, Any]) -> None:
    catalog = SchemaCatalog.of(spec)
    stray = {
        (name, required)
        for name, schema in catalog.objects.items()
        for required in schema.get("required", ())
        if required not in schema["properties"]
    }
    assert stray == KNOWN_REQUIRED_NON_PROPERTIES
    # What real servers send instead is optional in the model, so a stream without it still parses.
    assert openapi_client.AirbyteStream.model_fields["json_schema"].is_required() is False


def test_the_package_has_exactly_one_class_per_schema(spec: Dict[str, Any]) -> None:
    expected = SchemaCatalog.of(spec).model_classes()
    assert set(models.model_names()) == expected
    assert len(expected) == 66


def test_every_model_is_importable_by_name_and_module_and_documented(spec: Dict[str, Any]) -> None:
    problems = []
    for name in sorted(SchemaCatalog.of(spec).model_classes()):
        by_module = import_class(class_path(name))
        if getattr(openapi_client, name) is not by_module or getattr(models, name) is not by_module:
            problems.append(f"{name}: openapi_client.{name} is not {class_path(name)}")
        if not (DOCS / f"{name}.md").is_file():
            problems.append(f"{name}: docs/{name}.md is missing")
    assert not problems, "\n".join(problems)


# -- operations ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpecOperation:
    name: str
    path: str
    body_parameter: Optional[str]
    body_class: Optional[str]
    body_required: bool
    response_class: str
    errors: Dict[int, str]


def spec_operations(spec: Mapping[str, Any]) -> List[SpecOperation]:
    operations = []
    for path, item in spec["paths"].items():
        assert set(item) == {"post"}, f"{path}: every operation of this API is a POST"
        post = item["post"]
        body = post.get("requestBody")
        body_schema = _ref_name(body["content"]["application/json"]["schema"]) if body else None
        responses = post["responses"]
        errors = {
            int(status): _ref_name(_response(spec, reply)["content"]["application/json"]["schema"])
            for status, reply in responses.items()
            if status != "200"
        }
        operations.append(
            SpecOperation(
                name=snake_case(post["operationId"]),
                path=path,
                body_parameter=snake_case(body_schema) if body_schema else None,
                body_class=body_schema,
                body_required=bool(body and body.get("required", False)),
                response_class=_ref_name(responses["200"]["content"]["application/json"]["schema"]),
                errors=errors,
            )
        )
    return operations


def _ref_name(schema: Mapping[str, Any]) -> str:
    ref: str = schema["$ref"]
    return ref.rsplit("/", 1)[-1]


def _response(spec: Mapping[str, Any], reply: Mapping[str, Any]) -> Mapping[str, Any]:
    if "$ref" in reply:
        resolved: Mapping[str, Any] = spec["components"]["responses"][_ref_name(reply)]
        return resolved
    return reply


def operation_problems(expected: SpecOperation, api: WebBackendApi) -> List[str]:
    declared = {operation.name: operation for operation in OPERATIONS}
    actual = declared.get(expected.name)
    if actual is None:
        return [f"{expected.name}: not an operation of WebBackendApi"]
    name = expected.name
    problems = []
    if actual.path != expected.path:
        problems.append(f"{name}: path {actual.path}, spec says {expected.path}")
    if actual.body_parameter != expected.body_parameter:
        problems.append(f"{name}: body parameter {actual.body_parameter!r}, expected {expected.body_parameter!r}")
    if actual.body_required != expected.body_required:
        problems.append(f"{name}: body required is {actual.body_required}, spec says {expected.body_required}")
    body_class = import_class(class_path(expected.body_class)) if expected.body_class else None
    if actual.request_type is not body_class:
        problems.append(f"{name}: body type {actual.request_type!r}, spec says {expected.body_class}")
    if actual.response_type is not import_class(class_path(expected.response_class)):
        problems.append(f"{name}: returns {actual.response_type!r}, spec says {expected.response_class}")
    errors = {status: import_class(class_path(schema)) for status, schema in expected.errors.items()}
    if dict(actual.error_types) != errors:
        problems.append(f"{name}: error bodies {dict(actual.error_types)}, spec says {errors}")
    return problems + twin_problems(expected, api)


# The generator's per-call options, in its order, with its defaults.
OPTIONS = [
    ("_request_timeout", None),
    ("_request_auth", None),
    ("_content_type", None),
    ("_headers", None),
    ("_host_index", 0),
]


def twin_problems(expected: SpecOperation, api: WebBackendApi) -> List[str]:
    """The call and both twins are functions of the class with the generator's parameters, in its order."""
    problems = []
    body: List[Tuple[str, Any]] = []
    if expected.body_parameter:
        body = [(expected.body_parameter, inspect.Parameter.empty if expected.body_required else None)]
    for suffix in ("", "_with_http_info", "_without_preload_content"):
        name = expected.name + suffix
        function = WebBackendApi.__dict__.get(name)
        if not isinstance(function, types.FunctionType):
            problems.append(f"{name}: missing, or not a function of WebBackendApi")
            continue
        parameters = list(inspect.signature(getattr(api, name)).parameters.values())
        if [(p.name, p.default) for p in parameters] != body + OPTIONS:
            problems.append(
                f"{name}: parameters {[(p.name, p.default) for p in parameters]}, expected {body + OPTIONS}"
            )
        if any(p.kind is not p.POSITIONAL_OR_KEYWORD for p in parameters):
            problems.append(f"{name}: every parameter should be positional-or-keyword, as the generator's")
    return problems


@pytest.fixture
def offline_api() -> Iterator[WebBackendApi]:
    # Nothing is sent: the API object is only inspected.
    with openapi_client.ApiClient(openapi_client.Configuration(host="http://127.0.0.1:9")) as client:
        yield WebBackendApi(client)


def test_every_operation_of_the_spec_is_declared_with_its_path_body_and_answers(
    spec: Dict[str, Any], offline_api: WebBackendApi
) -> None:
    expected = spec_operations(spec)
    problems = [p for operation in expected for p in operation_problems(operation, offline_api)]
    assert not problems, "\n".join(problems)
    assert len(expected) == 8


# Methods of ours beside the spec's operations: each calls one of them.
OUR_METHODS = {"iter_connections_for_workspace"}


def test_web_backend_api_declares_no_operation_beyond_the_spec(spec: Dict[str, Any]) -> None:
    declared = {name for name, value in vars(WebBackendApi).items() if isinstance(value, types.FunctionType)} - {
        "__init__"
    }
    expected = {
        operation.name + suffix
        for operation in spec_operations(spec)
        for suffix in ("", "_with_http_info", "_without_preload_content")
    }
    assert declared == expected | OUR_METHODS
    assert not OUR_METHODS & {operation.name for operation in OPERATIONS}


def test_web_backend_get_workspace_state_body_is_optional_as_the_spec_leaves_it(spec: Dict[str, Any]) -> None:
    by_name = {operation.name: operation for operation in spec_operations(spec)}
    assert by_name["web_backend_get_workspace_state"].body_required is False
    assert {o.name: o for o in OPERATIONS}["web_backend_get_workspace_state"].body_required is False
    assert by_name["web_backend_get_connection"].body_required is True
