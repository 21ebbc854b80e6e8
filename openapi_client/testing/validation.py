"""Reading a request body as Airbyte's server does, before any of Airbyte's own code runs.

Jackson binds the JSON to the operation's model: bad JSON, a body nested deeper than Jackson's limit, wrong
types, malformed UUIDs and enum values the model does not list fail there, and Micronaut answers 400 with its
own error (no JSON paths; Jackson's message names the property chain). Unknown properties are ignored (Micronaut
turns `FAIL_ON_UNKNOWN_PROPERTIES` off) and dropped; the Jersey servers of 2022 refused them. Then bean
validation checks the required properties (`@NotNull` on each, `@Valid` on the body) and answers 400 with an
`InvalidInputExceptionInfo` naming each missing one.
"""

from __future__ import annotations

import json
import re
import typing
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Dict, FrozenSet, List, Mapping, Optional, Set, Tuple, Type, TypeVar, Union
from uuid import UUID

from pydantic import BaseModel, ValidationError

from openapi_client.testing.errors import BindingFailure, InvalidInput, MissingBody, Violation, quote

ModelT = TypeVar("ModelT", bound=BaseModel)
Location = Tuple[Union[str, int], ...]
# Jackson's `StreamReadConstraints.DEFAULT_MAX_DEPTH` (Jackson 2.15 and later).
MAX_NESTING_DEPTH = 1000
_MODEL_PACKAGE = "io.airbyte.api.model.generated"
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


@dataclass(frozen=True)
class Binding:
    """How a version of the server binds a body: the Java names of the operation and its argument, the model's
    Java name, and the properties each model lacks in this version (refused when `refuses_unknown`)."""

    method: str
    argument: str
    model_name: str
    refuses_unknown: bool = False
    lacking: Mapping[str, FrozenSet[str]] = field(default_factory=dict)
    lacking_values: Mapping[str, FrozenSet[str]] = field(default_factory=dict)


def read_body(model: Type[ModelT], raw: bytes, binding: Binding) -> Tuple[ModelT, Dict[str, Any]]:
    """The body as `model`, and as the JSON document it was read from (unknown properties dropped)."""
    if not raw:
        raise MissingBody(binding.method, binding.argument)
    depth = nesting_depth(raw)
    if depth > MAX_NESTING_DEPTH:
        reason = (
            f"Document nesting depth ({MAX_NESTING_DEPTH + 1}) exceeds the maximum allowed "
            f"({MAX_NESTING_DEPTH}, from `StreamReadConstraints.getMaxNestingDepth()`)"
        )
        raise BindingFailure(binding.argument, reason, "com.fasterxml.jackson.core.exc.StreamConstraintsException")
    try:
        document = json.loads(raw, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as error:
        reason = f"Unexpected character: {error}" if raw.strip() else "No content to map due to end-of-input"
        raise BindingFailure(
            binding.argument, reason, "com.fasterxml.jackson.core.JsonParseException", syntax=True
        ) from None
    if document is None:
        raise MissingBody(binding.method, binding.argument)
    if binding.refuses_unknown:
        _refuse_unknown(model, document, binding)
    known = known_properties(model, document)
    try:
        parsed = model.model_validate(known)
    except ValidationError as error:
        raise _binding_problem(model, error, binding) from None
    except RecursionError:
        raise BindingFailure(binding.argument, "Document nesting too deep", "java.lang.StackOverflowError") from None
    _refuse_lacking_values(parsed, binding)
    return parsed, known


def nesting_depth(raw: bytes) -> int:
    """How deep the arrays and objects of a JSON text nest, brackets in strings aside; without recursion."""
    brackets = _STRING.sub(b'""', raw).translate(None, _NOT_BRACKETS)
    depth = deepest = 0
    for byte in brackets:
        depth += 1 if byte in b"[{" else -1
        deepest = max(deepest, depth)
    return deepest


def known_properties(model: Type[BaseModel], document: Any) -> Any:
    """`document` without the properties `model` (and the models inside it) does not declare."""
    if not isinstance(document, dict):
        return document
    fields = _fields(model)
    return {key: _known_in(fields[key], value) for key, value in document.items() if key in fields}


def _known_in(annotation: Any, value: Any) -> Any:
    inner = _model_inside(annotation)
    if inner is None:
        return value
    if isinstance(value, list):
        return [known_properties(inner, item) for item in value]
    return known_properties(inner, value)


def _binding_problem(model: Type[BaseModel], error: ValidationError, binding: Binding) -> Exception:
    """Jackson stops at the first value it cannot bind; with none, bean validation names every missing one."""
    errors = error.errors(include_url=False)
    wrong = [item for item in errors if item["type"] != "missing"]
    if wrong:
        first = wrong[0]
        target, chain = _java_chain(model, first["loc"], binding.model_name)
        reason = _jackson_reason(target, first["input"]) + (f" (through reference chain: {chain})" if chain else "")
        return BindingFailure(binding.argument, reason, _jackson_class(target))
    prefix = f"{binding.method}.{binding.argument}"
    return InvalidInput([Violation(f"{prefix}.{_property_path(item['loc'])}") for item in errors])


def _refuse_unknown(model: Type[BaseModel], document: Any, binding: Binding) -> None:
    """The Jersey servers' Jackson: `UnrecognizedPropertyException` for the first property a model lacks."""
    pending: List[Tuple[Type[BaseModel], Any, str, str]] = [(model, document, binding.model_name, "")]
    while pending:
        current, value, java_name, chain = pending.pop(0)
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            where = f"{chain}->java.util.ArrayList[{index}]" if isinstance(value, list) else chain
            fields = _fields(current)
            known = [name for name in fields if name not in binding.lacking.get(java_name, frozenset())]
            for key, child in item.items():
                link = (
                    f'{where}->{_MODEL_PACKAGE}.{java_name}["{key}"]'
                    if where
                    else f'{_MODEL_PACKAGE}.{java_name}["{key}"]'
                )
                if key not in known:
                    listed = ", ".join(f'"{name}"' for name in known)
                    reason = (
                        f'Unrecognized field "{key}" (class {_MODEL_PACKAGE}.{java_name}), not marked as ignorable '
                        f"({len(known)} known properties: {listed}]) (through reference chain: {link})"
                    )
                    raise BindingFailure(
                        binding.argument, reason, "com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException"
                    )
                inner = _model_inside(fields[key])
                if inner is not None:
                    pending.append((inner, child, inner.__name__, link))


def _refuse_lacking_values(parsed: BaseModel, binding: Binding) -> None:
    """Enum values that a version of the server does not know yet fail its Jackson."""
    for enum_name, values in binding.lacking_values.items():
        found = _enum_values(parsed, enum_name)
        unknown = sorted(found & values)
        if unknown:
            reason = (
                f"Cannot construct instance of `{_MODEL_PACKAGE}.{enum_name}`, problem: Unexpected value '{unknown[0]}'"
            )
            raise BindingFailure(
                binding.argument, reason, "com.fasterxml.jackson.databind.exc.ValueInstantiationException"
            )


def _enum_values(value: Any, enum_name: str) -> FrozenSet[str]:
    found: Set[str] = set()
    pending = [value]
    while pending:
        current = pending.pop()
        if isinstance(current, Enum) and type(current).__name__ == enum_name:
            found.add(current.value)
        elif isinstance(current, BaseModel):
            pending.extend(getattr(current, name) for name in type(current).model_fields)
        elif isinstance(current, (list, tuple)):
            pending.extend(current)
    return frozenset(found)


def _java_chain(model: Type[BaseModel], location: Location, model_name: str) -> Tuple[Any, str]:
    """The annotation that failed and Jackson's reference chain to it: `...X["a"]->java.util.ArrayList[0]`."""
    links: List[str] = []
    annotation: Any = model
    java_name = model_name
    for part in location:
        if isinstance(part, int):
            links.append(f"java.util.ArrayList[{part}]")
            annotation = _list_item(annotation)
            continue
        current = _model_inside(annotation)
        if current is None:
            break
        links.append(f'{_MODEL_PACKAGE}.{java_name}["{part}"]')
        annotation = _fields(current).get(str(part))
        inner = _model_inside(annotation)
        java_name = inner.__name__ if inner is not None else java_name
    return annotation, "->".join(links)


def _jackson_reason(target: Any, value: Any) -> str:
    java = _java_type(target)
    if _is(target, UUID) and isinstance(value, str):
        reason = "UUID has to be represented by standard 36-char representation"
        return f'Cannot deserialize value of type `{java}` from String "{quote(value)}": {reason}'
    if _enum_inside(target) is not None and isinstance(value, str):
        return f"Cannot construct instance of `{java}`, problem: Unexpected value '{quote(value)}'"
    return f"Cannot deserialize value of type `{java}` from {_json_kind(value)} value"


def _jackson_class(target: Any) -> str:
    if _enum_inside(target) is not None:
        return "com.fasterxml.jackson.databind.exc.ValueInstantiationException"
    if _is(target, UUID):
        return "com.fasterxml.jackson.databind.exc.InvalidFormatException"
    return "com.fasterxml.jackson.databind.exc.MismatchedInputException"


def _java_type(annotation: Any) -> str:
    for python, java in (
        (UUID, "java.util.UUID"),
        (bool, "java.lang.Boolean"),
        (int, "java.lang.Long"),
        (str, "java.lang.String"),
    ):
        if _is(annotation, python):
            return java
    named = _enum_inside(annotation) or _model_inside(annotation)
    if named is not None:
        return f"{_MODEL_PACKAGE}.{named.__name__}"
    return "java.util.ArrayList" if _list_item(annotation) is not None else "java.lang.Object"


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, (int, float)):
        return "Integer" if isinstance(value, int) else "Floating-point"
    kinds: Dict[type, str] = {str: "String", list: "Array", dict: "Object"}
    return kinds.get(type(value), "Null")


def _property_path(location: Location) -> str:
    """Bean validation's path below the argument: `syncCatalog.streams[0].config.syncMode`."""
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _fields(model: Type[BaseModel]) -> Dict[str, Any]:
    return {info.alias or name: info.annotation for name, info in model.model_fields.items()}


def _model_inside(annotation: Any) -> Optional[Type[BaseModel]]:
    """The model a field holds, directly or in an Optional or a List, if any."""
    found = _inside(annotation, lambda t: isinstance(t, type) and issubclass(t, BaseModel))
    return typing.cast(Optional[Type[BaseModel]], found)


def _enum_inside(annotation: Any) -> Optional[type]:
    return _inside(annotation, lambda t: isinstance(t, type) and issubclass(t, Enum))


def _is(annotation: Any, python_type: type) -> bool:
    found = _inside(
        annotation, lambda t: isinstance(t, type) and issubclass(t, python_type) and not issubclass(t, Enum)
    )
    return found is not None and _list_item(annotation) is None


def _inside(annotation: Any, wanted: Any) -> Optional[type]:
    if wanted(annotation):
        return typing.cast(type, annotation)
    for argument in typing.get_args(annotation):
        found = _inside(argument, wanted)
        if found is not None:
            return found
    return None


def _list_item(annotation: Any) -> Any:
    if typing.get_origin(annotation) is list:
        return typing.get_args(annotation)[0]
    for argument in typing.get_args(annotation):
        if typing.get_origin(argument) is list:
            return typing.get_args(argument)[0]
    return None


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"Non-standard token '{name}'")
