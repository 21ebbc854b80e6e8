"""An oracle for the wire built from the vendored spec alone: JSON-schema validators for each operation's request body
and answers, which know nothing of the client's models (a model that drifts from the spec cannot copy its drift here).

The OpenAPI 3.0 schemas become JSON Schema (draft 2020-12): `$ref`s point into `$defs`, `nullable: true` adds null,
`format: int64`/`int32` become bounds, and `uuid`, `date` and `date-time` are checked (RFC 3339, and the `+0000`
offsets real servers write). Two modes:

- `SpecOracle(spec)`: the spec as written. Unknown properties are refused only where the spec says so
  (`additionalProperties: false`), which is what a newer server may rely on.
- `SpecOracle(spec, strict=True)`: no property the spec does not name, in any object that lists its properties.
  For what the client sends of its own accord, and for `LocalAirbyte`, which serves exactly this version of the spec.

The spec has two known defects (see the top of spec/webbackend.yaml). They are patched here, each by a `SpecDefect`
that first checks that the defect is still there, so that a corrected spec is noticed rather than patched twice.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import jsonschema
from jsonschema import Draft202012Validator, FormatChecker

Json = Any
SCHEMAS = "#/components/schemas/"
INT_BOUNDS = {"int64": (-(2**63), 2**63 - 1), "int32": (-(2**31), 2**31 - 1)}
# The keywords whose value is a schema, or a list of schemas.
SCHEMA_KEYWORDS = frozenset({"items", "additionalProperties", "allOf", "anyOf", "oneOf", "not"})
# RFC 3339, and the `+0000` offsets that the spec's Java pattern for `ISO8601DateTime` (`yyyy-MM-dd'T'HH:mm:ss.SSSZ`,
# in its `x-field-extra-annotation`) makes real servers write.
DATE_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):?(\d{2}))$")


# -- the spec's known defects ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpecDefect:
    """A defect of the vendored spec, and how the oracle reads it (as real servers behave)."""

    description: str
    present: Callable[[Dict[str, Any]], bool]
    patch: Callable[[Dict[str, Any]], None]


def _required_json_schema(schemas: Dict[str, Any]) -> bool:
    stream = schemas["AirbyteStream"]
    return "json_schema" in stream["required"] and "json_schema" not in stream["properties"]


def _require_jsonschema_instead(schemas: Dict[str, Any]) -> None:
    stream = schemas["AirbyteStream"]
    stream["required"] = ["jsonSchema" if name == "json_schema" else name for name in stream["required"]]


def null_defaults(schemas: Mapping[str, Any]) -> List[Tuple[str, str]]:
    """The (schema, property) pairs whose property has `default: null` without being nullable."""
    return [
        (name, prop)
        for name, schema in schemas.items()
        for prop, definition in schema.get("properties", {}).items()
        if "default" in definition and definition["default"] is None and not definition.get("nullable")
    ]


def _allow_null_where_null_is_the_default(schemas: Dict[str, Any]) -> None:
    for name, prop in null_defaults(schemas):
        schemas[name]["properties"][prop]["nullable"] = True


SPEC_DEFECTS = (
    SpecDefect(
        "AirbyteStream requires `json_schema`, which is not one of its properties (and it allows no others): "
        "the property is `jsonSchema`, which real servers send; read as `required: [name, jsonSchema]`",
        _required_json_schema,
        _require_jsonschema_instead,
    ),
    SpecDefect(
        "`namespaceFormat` has `default: null` but is a non-nullable string; real servers send null there: "
        "read as nullable",
        lambda schemas: [prop for _, prop in null_defaults(schemas)] == ["namespaceFormat"] * 3,
        _allow_null_where_null_is_the_default,
    ),
)


# -- OpenAPI 3.0 schemas as JSON Schema --------------------------------------------------------------------------


def json_schema(node: Json, strict: bool) -> Json:
    """An OpenAPI 3.0 schema object as JSON Schema draft 2020-12."""
    if isinstance(node, list):
        return [json_schema(item, strict) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        reference = {"$ref": "#/$defs/" + node["$ref"][len(SCHEMAS) :]}
        return {"anyOf": [reference, {"type": "null"}]} if node.get("nullable") else reference
    converted = {}
    for key, value in node.items():
        if key == "properties":  # a map of names to schemas, not a schema itself
            converted[key] = {name: json_schema(schema, strict) for name, schema in value.items()}
        elif key in SCHEMA_KEYWORDS:
            converted[key] = json_schema(value, strict)
        elif key != "nullable":
            converted[key] = value  # values (enum, required, default, example) and annotations
    bounds = INT_BOUNDS.get(node.get("format", ""))
    if bounds is not None:
        converted["minimum"], converted["maximum"] = bounds
    if strict and "properties" in node and "additionalProperties" not in node:
        converted["additionalProperties"] = False
    if node.get("nullable"):
        if "type" in converted:
            converted["type"] = [converted["type"], "null"]
        if "enum" in converted:
            converted["enum"] = [*converted["enum"], None]
    return converted


FORMATS = FormatChecker(["uuid", "date"])


@FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    found = DATE_TIME.match(value)
    if not found:
        return False
    year, month, day, hour, minute, second, offset_hours, offset_minutes = found.groups()
    date(int(year), int(month), int(day))  # raises ValueError for a day that does not exist
    clock_ok = int(hour) < 24 and int(minute) < 60 and int(second) <= 60  # 60: a leap second
    return clock_ok and int(offset_hours or 0) < 24 and int(offset_minutes or 0) < 60


def snake_case(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


@dataclass(frozen=True)
class OperationSchemas:
    """What the spec says goes over the wire for one operation."""

    name: str
    path: str
    request: Optional[str]  # the schema of the request body, None when it has none
    request_required: bool
    answers: Dict[int, str]  # status -> the schema of the answer


class SpecOracle:
    """Validators of request bodies and answers, built from the spec alone."""

    def __init__(
        self, spec: Mapping[str, Any], strict: bool = False, defects: Sequence[SpecDefect] = SPEC_DEFECTS
    ) -> None:
        """`defects=()` reads the spec exactly as written, defects included."""
        schemas = copy.deepcopy(spec["components"]["schemas"])
        for defect in defects:
            if not defect.present(schemas):
                raise AssertionError(f"The spec no longer has this defect; drop its patch: {defect.description}")
            defect.patch(schemas)
        self.strict = strict
        self.definitions = {name: json_schema(schema, strict) for name, schema in schemas.items()}
        self.operations = _operations(spec)
        Draft202012Validator.check_schema({"$defs": self.definitions})
        self._validators: Dict[str, Draft202012Validator] = {}

    def validator(self, schema_name: str) -> Draft202012Validator:
        if schema_name not in self.definitions:
            raise KeyError(f"The spec has no schema {schema_name!r}")
        if schema_name not in self._validators:
            document = {"$ref": f"#/$defs/{schema_name}", "$defs": self.definitions}
            self._validators[schema_name] = Draft202012Validator(document, format_checker=FORMATS)
        return self._validators[schema_name]

    def problems(self, schema_name: str, document: Json) -> List[str]:
        """What is wrong with `document` as a `schema_name`, each as `path: message` (none when it is valid)."""
        errors = sorted(self.validator(schema_name).iter_errors(document), key=lambda e: list(map(str, e.path)))
        return [f"{_path(error)}: {error.message}" for error in errors]

    def request_problems(self, operation: str, body: Union[bytes, str, None]) -> List[str]:
        """What is wrong with a request body that was sent to `operation` (named as `WebBackendApi` names it)."""
        schemas = self.operations[operation]
        if schemas.request is None:
            return [] if not body else [f"$: {operation} takes no body, got {body!r:.80}"]
        if not body:
            return ["$: a body is required"] if schemas.request_required else []
        return self.problems(schemas.request, json.loads(body))

    def answer_problems(self, operation: str, status: int, body: Union[bytes, str]) -> List[str]:
        """What is wrong with an answer of `operation` with `status`."""
        schema_name = self.operations[operation].answers.get(status)
        if schema_name is None:
            return [f"$: the spec declares no {status} answer for {operation}"]
        try:
            document = json.loads(body)
        except ValueError as error:
            return [f"$: not JSON ({error}): {body!r:.80}"]
        return self.problems(schema_name, document)


def _path(error: jsonschema.ValidationError) -> str:
    return "$" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.absolute_path)


def _operations(spec: Mapping[str, Any]) -> Dict[str, OperationSchemas]:
    responses = spec["components"].get("responses", {})
    found = {}
    for path, verbs in spec["paths"].items():
        for operation in verbs.values():
            request = operation.get("requestBody")
            answers = {}
            for status, answer in operation["responses"].items():
                if "$ref" in answer:
                    answer = responses[answer["$ref"].rsplit("/", 1)[-1]]
                schema = answer.get("content", {}).get("application/json", {}).get("schema", {})
                if "$ref" in schema:
                    answers[int(status)] = schema["$ref"][len(SCHEMAS) :]
            name = snake_case(operation["operationId"])
            found[name] = OperationSchemas(
                name=name,
                path=path,
                request=request["content"]["application/json"]["schema"]["$ref"][len(SCHEMAS) :] if request else None,
                request_required=bool(request and request.get("required")),
                answers=answers,
            )
    return found
