"""Hypothesis strategies for the JSON a server may send, generated straight from the schemas of the OpenAPI spec.

`SpecStrategies(spec)` draws documents that are valid per the spec; `SpecStrategies(spec, newer_server=True)`
draws what a newer server may send: the same, plus properties the spec does not list at every level and enum
values it does not list. Two defects of the spec are honoured the way real servers behave: a `required` name
that is not a property (AirbyteStream's `json_schema`) means its camelCase property (`jsonSchema`), and a
property with `default: null` may be null although it is not nullable (`namespaceFormat`).
"""

from __future__ import annotations

import functools
import math
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Dict, Iterator, List, Mapping, Optional, Set, Tuple, Union

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

Json = Any
Schema = Mapping[str, Any]
JsonPath = Tuple[Union[str, int], ...]

SCHEMAS = "#/components/schemas/"
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
INT64_EDGES = [INT64_MIN, INT64_MIN + 1, -(2**53) - 1, -1, 0, 1, 2**31, 2**53 + 1, INT64_MAX - 1, INT64_MAX]
MAX_ITEMS = 3

# Modest by default, so that the property tests run in the normal test command; SPEC_EXAMPLES=500 digs deeper.
# Registered, not loaded, so that other test modules keep hypothesis's defaults.
settings.register_profile(
    "spec",
    deadline=None,
    max_examples=int(os.environ.get("SPEC_EXAMPLES", "15")),
    # The spec and the local server are fixtures that stay the same for every example.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
SPEC_SETTINGS = settings.get_profile("spec")


@functools.cache
def load_spec(spec_dir: Path) -> Dict[str, Any]:
    """The spec, read once: treat it as read-only."""
    with (spec_dir / "webbackend.yaml").open(encoding="utf-8") as file:
        spec: Dict[str, Any] = yaml.safe_load(file)
    return spec


def camel_case(name: str) -> str:
    """`json_schema` -> `jsonSchema`."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def pascal_case(name: str) -> str:
    return name[:1].upper() + name[1:]


# -- values --------------------------------------------------------------------------------------------------

int64s = st.one_of(st.sampled_from(INT64_EDGES), st.integers(INT64_MIN, INT64_MAX))
# JSON numbers outside IEEE doubles (1e400) are left to each parser (RFC 8259 section 6), so none are drawn.
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    int64s,
    st.integers(-(2**80), 2**80),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)
free_json = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=MAX_ITEMS), st.dictionaries(st.text(max_size=8), children, max_size=MAX_ITEMS)
    ),
    max_leaves=8,
)
free_objects = st.dictionaries(st.text(max_size=8), free_json, max_size=4)
dates = st.dates().map(lambda day: day.isoformat())


@st.composite
def utc_offsets(draw: st.DrawFn) -> str:
    """`Z` in either case as RFC 3339 allows, `±HH:MM`, or `±HHMM` as the spec's Java pattern `SSSZ` writes it."""
    kind = draw(st.sampled_from(["Z", "z", "-00:00", "extended", "basic"]))
    if kind not in ("extended", "basic"):
        return kind
    minutes = draw(st.integers(-(23 * 60 + 59), 23 * 60 + 59))
    sign = "-" if minutes < 0 else "+"
    hours, minute = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}{':' if kind == 'extended' else ''}{minute:02d}"


@st.composite
def date_times(draw: st.DrawFn) -> str:
    """RFC 3339 date-times: with and without fractions of 1 to 9 digits, `T` or `t`, any offset."""
    moment: datetime = draw(st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59)))
    fraction = draw(st.one_of(st.just(""), st.text(alphabet="0123456789", min_size=1, max_size=9).map(".{}".format)))
    separator = draw(st.sampled_from("Tt"))
    clock = f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"
    return f"{moment.date().isoformat()}{separator}{clock}{fraction}{draw(utc_offsets())}"


def unknown_names(known: Set[str]) -> st.SearchStrategy[str]:
    """Property names a newer server may add.

    pydantic drops a key that spells a field's Python name (`is_syncing` where the field is `isSyncing`), even
    when it reads by alias only. That is a known limitation, so names that match a known one once case and
    underscores are ignored are not drawn.
    """
    normalized = {_normal(name) for name in known} | {"var" + _normal(name) for name in known}
    return st.text(min_size=1, max_size=10).filter(lambda name: _normal(name) not in normalized)


def _normal(name: str) -> str:
    return name.lower().replace("_", "")


# -- the spec ------------------------------------------------------------------------------------------------


class SpecStrategies:
    """Strategies for the schemas of one spec."""

    def __init__(self, spec: Mapping[str, Any], *, newer_server: bool = False) -> None:
        self.spec = spec
        self.newer_server = newer_server
        self._by_ref: Dict[str, st.SearchStrategy[Json]] = {}

    def schema(self, name: str) -> st.SearchStrategy[Json]:
        """Documents of `#/components/schemas/<name>`."""
        return self.at(SCHEMAS + name)

    def at(self, pointer: str) -> st.SearchStrategy[Json]:
        """Documents of the schema at a JSON pointer such as `#/components/schemas/X/properties/y`."""
        if pointer not in self._by_ref:
            # Deferred, so that a schema that refers to itself does not recurse while it is being built.
            self._by_ref[pointer] = st.deferred(lambda: self.of(resolve(self.spec, pointer)))
        return self._by_ref[pointer]

    def of(self, schema: Schema) -> st.SearchStrategy[Json]:
        """Documents of a schema."""
        if "$ref" in schema:
            return self.at(schema["$ref"])
        unsupported = {"allOf", "oneOf", "anyOf", "not"} & schema.keys()
        if unsupported:
            raise ValueError(f"no strategy for schemas with {sorted(unsupported)}: {dict(schema)}")
        if "enum" in schema:
            return self._enum(schema["enum"])
        kind = schema.get("type")
        if kind == "object" or (kind is None and ("properties" in schema or "required" in schema)):
            return self._object(schema) if "properties" in schema else free_objects
        if kind is None:
            # An untyped schema (a connector's configuration) is any JSON; servers send an object.
            return free_objects
        if kind == "array":
            return st.lists(self.of(schema["items"]), max_size=MAX_ITEMS)
        return _scalar(schema)

    def _enum(self, values: List[str]) -> st.SearchStrategy[str]:
        known = st.sampled_from(values)
        if not self.newer_server:
            return known
        return st.one_of(known, st.text(min_size=1, max_size=12).filter(lambda value: value not in values))

    def _object(self, schema: Schema) -> st.SearchStrategy[Dict[str, Json]]:
        properties: Mapping[str, Schema] = schema["properties"]
        required = required_properties(schema)
        documents = st.fixed_dictionaries(
            {name: self._property(properties[name]) for name in required},
            optional={name: self._property(prop) for name, prop in properties.items() if name not in required},
        )
        if not self.newer_server:
            return documents
        additions = st.dictionaries(unknown_names(set(properties)), free_json, max_size=2)
        return st.tuples(additions, documents).map(lambda pair: {**pair[0], **pair[1]})

    def _property(self, schema: Schema) -> st.SearchStrategy[Json]:
        values = self.of(schema)
        return st.one_of(st.none(), values) if may_be_null(schema) else values


def _scalar(schema: Schema) -> st.SearchStrategy[Json]:
    kind, form = schema.get("type"), schema.get("format")
    if kind == "string":
        by_format = {None: st.text(), "uuid": st.uuids().map(str), "date": dates, "date-time": date_times()}
        if form not in by_format:
            raise ValueError(f"no strategy for strings of format {form!r}")
        return by_format[form]
    if kind == "integer":
        return st.integers(-(2**31), 2**31 - 1) if form == "int32" else int64s
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    raise ValueError(f"no strategy for schemas of type {kind!r}")


def may_be_null(schema: Schema) -> bool:
    """`nullable: true`, or the spec's `default: null` on a type that does not allow it."""
    return bool(schema.get("nullable")) or ("default" in schema and schema["default"] is None)


def required_properties(schema: Schema) -> List[str]:
    """The required properties, a required name that is not a property standing for its camelCase property."""
    properties = schema.get("properties", {})
    names = []
    for name in schema.get("required", []):
        if name not in properties and camel_case(name) in properties:
            name = camel_case(name)
        if name not in properties:
            raise ValueError(f"required property {name!r} is not among {sorted(properties)}")
        names.append(name)
    return names


def resolve(spec: Mapping[str, Any], pointer: str) -> Schema:
    """The schema at a local JSON pointer, following `$ref`s."""
    node: Any = spec
    for part in pointer.removeprefix("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    while "$ref" in node:
        node = resolve(spec, node["$ref"])
    result: Schema = node
    return result


# -- what the spec declares ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OperationShape:
    """An operation: its path, the schema of its request body and the schema of each response status."""

    operation_id: str
    path: str
    request: Optional[str]
    body_required: bool
    responses: Dict[int, str]


def operations(spec: Mapping[str, Any]) -> List[OperationShape]:
    shapes = []
    for path, methods in spec["paths"].items():
        for definition in methods.values():
            body = definition.get("requestBody")
            request = _json_schema_pointer(spec, body) if body else None
            responses = {
                int(status): _json_schema_pointer(spec, answer) for status, answer in definition["responses"].items()
            }
            shapes.append(
                OperationShape(definition["operationId"], path, request, bool(body and body.get("required")), responses)
            )
    return shapes


def _json_schema_pointer(spec: Mapping[str, Any], content_holder: Mapping[str, Any]) -> str:
    if "$ref" in content_holder:
        content_holder = resolve(spec, content_holder["$ref"])
    pointer: str = content_holder["content"]["application/json"]["schema"]["$ref"]
    return pointer


def schema_classes(spec: Mapping[str, Any]) -> Dict[str, str]:
    """The class the client has for each object and enum schema, by name, with its schema's pointer.

    Named schemas keep their name; an inline object or enum is named for its parent and property
    (`ConnectionScheduleData.basicSchedule` -> `ConnectionScheduleDataBasicSchedule`).
    """
    classes: Dict[str, str] = {}
    for name, schema in spec["components"]["schemas"].items():
        classes.update(_classes_in(name, SCHEMAS + name, schema))
    return classes


def _classes_in(name: str, pointer: str, schema: Schema) -> Iterator[Tuple[str, str]]:
    if "enum" not in schema and "properties" not in schema:
        return
    yield name, pointer
    for prop, definition in schema.get("properties", {}).items():
        yield from _classes_in(name + pascal_case(prop), f"{pointer}/properties/{prop}", definition)


def required_paths(spec: Mapping[str, Any], pointer: str, document: Json) -> List[JsonPath]:
    """The path of every required property present in `document`, a document of the schema at `pointer`."""
    return list(_required_paths(spec, resolve(spec, pointer), document, ()))


def _required_paths(spec: Mapping[str, Any], schema: Schema, document: Json, path: JsonPath) -> Iterator[JsonPath]:
    while "$ref" in schema:
        schema = resolve(spec, schema["$ref"])
    if isinstance(document, list) and "items" in schema:
        for index, item in enumerate(document):
            yield from _required_paths(spec, schema["items"], item, (*path, index))
    if not isinstance(document, dict) or "properties" not in schema:
        return
    # A required name that is not a property is the spec's defect; the client does not insist on it either.
    declared = set(schema.get("required", []))
    for name, prop in schema["properties"].items():
        if name not in document:
            continue
        if name in declared:
            yield (*path, name)
        if document[name] is not None:
            yield from _required_paths(spec, prop, document[name], (*path, name))


def takes_any_value(spec: Mapping[str, Any], pointer: str, path: JsonPath) -> bool:
    """Whether the property at `path` of a document of the schema at `pointer` is untyped: any JSON value fits."""
    schema = resolve(spec, pointer)
    for part in path:
        while "$ref" in schema:
            schema = resolve(spec, schema["$ref"])
        schema = schema["items"] if isinstance(part, int) else schema["properties"][part]
    while "$ref" in schema:
        schema = resolve(spec, schema["$ref"])
    return not {"type", "properties", "items", "enum", "allOf", "oneOf", "anyOf"} & schema.keys()


# -- comparison ----------------------------------------------------------------------------------------------


def same_json(left: Json, right: Json) -> bool:
    """Equal as JSON documents: `1` is not `1.0` nor `true`, and object keys may come in any order."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(same_json(left[key], right[key]) for key in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(same_json(a, b) for a, b in zip(left, right))
    if isinstance(left, float):
        return left == right and math.copysign(1.0, left) == math.copysign(1.0, right)
    return bool(left == right)


def first_difference(left: Json, right: Json, path: JsonPath = ()) -> Optional[str]:
    """Where two documents differ, for assertion messages."""
    if type(left) is not type(right):
        return f"{_render(path)}: {left!r} != {right!r}"
    if isinstance(left, dict):
        if left.keys() != right.keys():
            return f"{_render(path)}: keys {sorted(left.keys() ^ right.keys())} are only on one side"
        return next(filter(None, (first_difference(left[k], right[k], (*path, k)) for k in left)), None)
    if isinstance(left, list) and len(left) == len(right):
        return next(
            filter(None, (first_difference(a, b, (*path, i)) for i, (a, b) in enumerate(zip(left, right)))), None
        )
    return None if same_json(left, right) else f"{_render(path)}: {left!r} != {right!r}"


def _render(path: JsonPath) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path) or "(document)"


def json_path_text(path: JsonPath) -> str:
    """A path as the client's error messages write it: `connections.1.source.name`."""
    return ".".join(str(part) for part in path)
