"""Reading request bodies strictly: JSON that the operation's model accepts, or a 422 naming each bad property.

Unknown properties are ignored and dropped, as Airbyte's own server does, so that a client newer than this
server still works; everything else is checked strictly (enum values included), unlike the client's parsing
of answers, which keeps values a newer server sends.
"""

from __future__ import annotations

import json
import typing
from typing import Any, Dict, Optional, Type, TypeVar

from pydantic import BaseModel, ValidationError

from openapi_client.testing.errors import BODY_PATH, InvalidInput

ModelT = TypeVar("ModelT", bound=BaseModel)


def parse_body(operation: str, model: Type[ModelT], raw: bytes) -> ModelT:
    """The request body as `model`; raises `InvalidInput` for anything the spec does not allow."""
    if not raw.strip():
        raise InvalidInput.one(operation, BODY_PATH, f"A JSON body ({model.__name__}) is required")
    try:
        document = json.loads(raw, parse_constant=_refuse_constant)
    except ValueError as error:
        raise InvalidInput.one(operation, BODY_PATH, f"The body is not valid JSON: {error}") from None
    known = json.dumps(known_properties(model, document))
    try:
        return model.model_validate_json(known)
    except ValidationError as error:
        raise InvalidInput.from_validation_error(operation, error) from None


def known_properties(model: Type[BaseModel], document: Any) -> Any:
    """`document` without the properties `model` (and the models inside it) does not declare."""
    if not isinstance(document, dict):
        return document
    aliases = {info.alias or name: info.annotation for name, info in model.model_fields.items()}
    kept: Dict[str, Any] = {}
    for key, value in document.items():
        if key in aliases:
            kept[key] = _known_in(aliases[key], value)
    return kept


def _known_in(annotation: Any, value: Any) -> Any:
    inner = _model_inside(annotation)
    if inner is None:
        return value
    if isinstance(value, list) and _is_list(annotation):
        return [known_properties(inner, item) for item in value]
    return known_properties(inner, value)


def _model_inside(annotation: Any) -> Optional[Type[BaseModel]]:
    """The model a field holds, directly or in an Optional or a List, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = _model_inside(argument)
        if found is not None:
            return found
    return None


def _is_list(annotation: Any) -> bool:
    if typing.get_origin(annotation) is list:
        return True
    return any(_is_list(argument) for argument in typing.get_args(annotation))


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")
