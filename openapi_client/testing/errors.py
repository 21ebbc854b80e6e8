"""The error answers of the local web backend: the spec's 404 and 422 bodies, raised as exceptions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Optional, Sequence, Tuple, Union
from uuid import UUID

from pydantic import BaseModel, ValidationError

from openapi_client.models.invalid_input_exception_info import InvalidInputExceptionInfo
from openapi_client.models.invalid_input_property import InvalidInputProperty
from openapi_client.models.not_found_known_exception_info import NotFoundKnownExceptionInfo

# The path of the whole body, for problems that no single property has (a body that is not JSON at all).
BODY_PATH = "$"
# An invalid value is quoted back to the caller, but a huge one must not make a huge error body.
_LONGEST_VALUE_QUOTED = 200


class ApiProblem(Exception):
    """An answer other than 200: its status and the spec's body for it."""

    status: int

    def body(self) -> BaseModel:
        raise NotImplementedError


class NotFound(ApiProblem):
    """A 404: the request names an object that does not exist."""

    status = 404

    def __init__(self, kind: str, object_id: Union[UUID, str]) -> None:
        self.kind = kind
        self.object_id = str(object_id)
        super().__init__(f"Could not find {kind} with id: {object_id}")

    def body(self) -> NotFoundKnownExceptionInfo:
        return NotFoundKnownExceptionInfo(
            id=self.object_id,
            message=str(self),
            exception_class_name="io.airbyte.commons.server.errors.IdNotFoundKnownException",
        )


@dataclass(frozen=True)
class Invalid:
    """One invalid property: its JSON path (`syncCatalog.streams[0].config.syncMode`) and why."""

    path: str
    message: str
    value: Optional[str] = None


class InvalidInput(ApiProblem):
    """A 422: the body is not valid for the operation; each problem names its property."""

    status = 422

    def __init__(self, operation: str, problems: Sequence[Invalid]) -> None:
        self.operation = operation
        self.problems = list(problems)
        named = ", ".join(problem.path for problem in self.problems)
        super().__init__(f"Invalid body for {operation}: {named}")

    @classmethod
    def one(cls, operation: str, path: str, message: str, value: Any = None) -> InvalidInput:
        return cls(operation, [Invalid(path, message, None if value is None else quote(value))])

    @classmethod
    def from_validation_error(cls, operation: str, error: ValidationError) -> InvalidInput:
        problems = [
            Invalid(json_path(item["loc"]), item["msg"], None if item["type"] == "missing" else quote(item["input"]))
            for item in error.errors(include_url=False)
        ]
        return cls(operation, problems)

    def body(self) -> InvalidInputExceptionInfo:
        return InvalidInputExceptionInfo(
            message=str(self),
            exception_class_name="io.airbyte.commons.server.errors.BadObjectSchemaKnownException",
            validation_errors=[
                InvalidInputProperty(property_path=problem.path, message=problem.message, invalid_value=problem.value)
                for problem in self.problems
            ],
        )


def json_path(location: Tuple[Union[str, int], ...]) -> str:
    """A pydantic error location as a JSON path by the spec's names: `('a', 0, 'b')` -> `a[0].b`."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else part
    return path or BODY_PATH


def quote(value: Any) -> str:
    """A value as the caller sent it, as JSON text (strings as they are), cut short if long."""
    if isinstance(value, bytes):
        text = value.decode("utf-8", errors="replace")
    elif isinstance(value, str):
        text = value
    else:
        text = json.dumps(value, default=str)
    return text if len(text) <= _LONGEST_VALUE_QUOTED else text[:_LONGEST_VALUE_QUOTED] + "..."
