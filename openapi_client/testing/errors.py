"""The answers other than 200, shaped as Airbyte's server shapes them.

Each is an exception that a handler raises where Airbyte's code throws, and that renders the status and body
Airbyte's exception handlers give it (`airbyte-commons-server`'s `errors/handlers/*`, `airbyte-server`'s
`ApiHelper.execute` and `NotFoundController`, Micronaut's own handlers for what never reaches Airbyte's code).
`jersey=True` renders them as the Jersey-based servers of 2022 did (`airbyte-server`'s `errors/*Mapper`).

Bodies carry the first line of a Java stack trace, never a real one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

Answer = Tuple[int, bytes, Dict[str, str]]

_SERVER_ERRORS = "io.airbyte.commons.server.errors"
_JERSEY_ERRORS = "io.airbyte.server.errors"
# An invalid value is quoted back, but a huge one must not make a huge error body.
_LONGEST_VALUE_QUOTED = 200


class ApiProblem(Exception):
    """An answer other than 200."""

    def answer(self, path: str, jersey: bool = False) -> Answer:
        raise NotImplementedError


def known_exception_info(
    exception_class: str, message: str, cause_class: Optional[str] = None, cause_message: str = ""
) -> Dict[str, Any]:
    """`KnownException.infoFromThrowableWithMessage`: the message, the class, and the cause's class."""
    info: Dict[str, Any] = {
        "message": message,
        "exceptionClassName": exception_class,
        "exceptionStack": [f"{exception_class}: {message}"],
    }
    if cause_class is not None:
        info["rootCauseExceptionClassName"] = cause_class
        info["rootCauseExceptionStack"] = [f"{cause_class}: {cause_message}"]
    return info


def json_answer(status: int, document: Any, headers: Optional[Dict[str, str]] = None) -> Answer:
    return status, json.dumps(document).encode("utf-8"), dict(headers or {})


class IdNotFound(ApiProblem):
    """A `ConfigNotFoundException` of the persistence: `ApiHelper.execute` makes it an `IdNotFoundKnownException`,
    which `IdNotFoundExceptionHandler` answers with 404 and a `KnownExceptionInfo` (no `id` field)."""

    def __init__(self, config_type: str, config_id: Any) -> None:
        self.config_type = config_type
        self.config_id = str(config_id)
        super().__init__(f"Could not find configuration for {config_type}: {self.config_id}.")

    def answer(self, path: str, jersey: bool = False) -> Answer:
        if jersey:
            cause = "io.airbyte.config.persistence.ConfigNotFoundException"
            return json_answer(
                404, known_exception_info(f"{_JERSEY_ERRORS}.IdNotFoundKnownException", str(self), cause)
            )
        cause = "io.airbyte.data.exceptions.ConfigNotFoundException"
        message = f"Internal Server Error: {self}"
        return json_answer(404, known_exception_info(f"{_SERVER_ERRORS}.IdNotFoundKnownException", message, cause))


class BadObjectSchema(ApiProblem):
    """A `JsonValidationException`, which `ApiHelper.execute` answers with 422 (`BadObjectSchemaKnownException`)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"The provided configuration does not fulfill the specification. Errors: {reason}")

    def answer(self, path: str, jersey: bool = False) -> Answer:
        package = _JERSEY_ERRORS if jersey else _SERVER_ERRORS
        cause = "io.airbyte.validation.json.JsonValidationException"
        info = known_exception_info(f"{package}.BadObjectSchemaKnownException", str(self), cause, self.reason)
        return json_answer(422, info)


class ServerCrash(ApiProblem):
    """An exception nothing handles (a failed precondition, a null): `UncaughtExceptionHandler`'s 500."""

    def __init__(self, exception_class: str, reason: str) -> None:
        self.exception_class = exception_class
        self.reason = reason
        super().__init__(f"Internal Server Error: {reason}")

    @classmethod
    def precondition(cls, reason: str) -> ServerCrash:
        """Guava's `Preconditions.checkArgument` failing."""
        return cls("java.lang.IllegalArgumentException", reason)

    @classmethod
    def null(cls, what: str) -> ServerCrash:
        return cls("java.lang.NullPointerException", f'Cannot invoke "{what}" because its value is null')

    def answer(self, path: str, jersey: bool = False) -> Answer:
        return json_answer(500, known_exception_info(self.exception_class, str(self)))


class Conflict(ApiProblem):
    """`ConflictException` (409): what newer servers answer when the database refuses a write."""

    def __init__(self) -> None:
        super().__init__("Failed to access database. Check the server logs for more information")

    def answer(self, path: str, jersey: bool = False) -> Answer:
        return json_answer(409, known_exception_info(f"{_SERVER_ERRORS}.ConflictException", str(self)))


class BadRequest(ApiProblem):
    """`BadRequestException` (400), which `KnownExceptionHandler` answers."""

    def answer(self, path: str, jersey: bool = False) -> Answer:
        return json_answer(400, known_exception_info(f"{_SERVER_ERRORS}.BadRequestException", str(self)))


class Problem(ApiProblem):
    """One of Airbyte's API problems (`airbyte-api/problems-api`), which `AbstractThrowableProblemHandler` answers
    with its status and the problem itself."""

    def __init__(self, status: int, problem_type: str, title: str, detail: str, data: Dict[str, Any]) -> None:
        self.status = status
        self.document: Dict[str, Any] = {"status": status, "type": problem_type, "title": title, "detail": detail}
        if data:
            self.document["data"] = data
        super().__init__(detail)

    def answer(self, path: str, jersey: bool = False) -> Answer:
        return json_answer(self.status, self.document)


@dataclass(frozen=True)
class Violation:
    """One failed bean-validation constraint: `webBackendGetConnection.webBackendConnectionRequestBody.connectionId`."""

    property_path: str
    message: str = "must not be null"
    invalid_value: str = "null"


class InvalidInput(ApiProblem):
    """Bean validation of the body (`@Valid`, `@NotNull` on required fields): `InvalidInputExceptionHandler`'s 400
    with an `InvalidInputExceptionInfo` naming each violation."""

    def __init__(self, violations: Sequence[Violation]) -> None:
        self.violations = list(violations)
        super().__init__("Some properties contained invalid input.")

    def answer(self, path: str, jersey: bool = False) -> Answer:
        namespace = "javax" if jersey else "jakarta"
        info = known_exception_info(f"{namespace}.validation.ConstraintViolationException", str(self))
        info["validationErrors"] = [
            {"propertyPath": v.property_path, "message": v.message, "invalidValue": v.invalid_value}
            for v in self.violations
        ]
        return json_answer(400, info)


class BindingFailure(ApiProblem):
    """Jackson could not read the body into the operation's argument. Micronaut answers 400 with its own error
    (`ConversionErrorHandler`); the Jersey servers answered 422 (`InvalidJson*ExceptionMapper`)."""

    def __init__(self, argument: str, reason: str, jackson_class: str, *, syntax: bool = False) -> None:
        self.argument = argument
        self.reason = reason
        self.jackson_class = jackson_class
        self.syntax = syntax
        super().__init__(f"Failed to convert argument [{argument}] for value [null] due to: {reason}")

    def answer(self, path: str, jersey: bool = False) -> Answer:
        if jersey:
            kind = "Invalid json." if self.syntax else "Invalid json input."
            return json_answer(422, known_exception_info(self.jackson_class, f"{kind} {self.reason} {self.reason}"))
        return micronaut_error(400, "Bad Request", path, str(self), f"/{self.argument}")


class MissingBody(ApiProblem):
    """An operation that takes a body got none (or JSON `null`): Micronaut's `UnsatisfiedRouteHandler`."""

    def __init__(self, method: str, argument: str) -> None:
        self.method = method
        self.argument = argument
        super().__init__(f"Required Body [{argument}] not specified")

    def answer(self, path: str, jersey: bool = False) -> Answer:
        if jersey:
            return InvalidInput([Violation(f"{self.method}.{self.argument}")]).answer(path, jersey)
        return micronaut_error(400, "Bad Request", path, str(self), f"/{self.argument}")


class HttpStatusError(ApiProblem):
    """What Micronaut answers itself before any controller runs: 405 for a method the path does not take, 415
    for a body that is not JSON."""

    def __init__(self, status: int, reason: str, message: str, headers: Optional[Dict[str, str]] = None) -> None:
        self.status = status
        self.reason = reason
        self.headers = dict(headers or {})
        super().__init__(message)

    @classmethod
    def unsupported_media_type(cls, content_type: str) -> HttpStatusError:
        message = f"Content Type [{content_type}] not allowed. Allowed types: [application/json]"
        return cls(415, "Unsupported Media Type", message)

    @classmethod
    def method_not_allowed(cls, method: str, uri: str) -> HttpStatusError:
        message = f"Method [{method}] not allowed for URI [{uri}]. Allowed methods: [POST]"
        return cls(405, "Method Not Allowed", message, {"Allow": "POST"})

    def answer(self, path: str, jersey: bool = False) -> Answer:
        status, body, _ = micronaut_error(self.status, self.reason, path, str(self))
        return status, body, dict(self.headers)


class ObjectNotFound(ApiProblem):
    """No route: `NotFoundController` answers every 404 of Micronaut's with the bare text `Object not found.`"""

    def __init__(self) -> None:
        super().__init__("Object not found.")

    def answer(self, path: str, jersey: bool = False) -> Answer:
        if jersey:
            message = "Object not found. HTTP 404 Not Found"
            return json_answer(404, known_exception_info(f"{_JERSEY_ERRORS}.IdNotFoundKnownException", message))
        return 404, b"Object not found.", {}


class Unauthenticated(ApiProblem):
    """Micronaut Security's rejection: 401 without credentials it accepts, 403 when they lack the role."""

    def __init__(self, forbidden: bool = False) -> None:
        self.status = 403 if forbidden else 401
        super().__init__("Forbidden" if forbidden else "Unauthorized")

    def answer(self, path: str, jersey: bool = False) -> Answer:
        return self.status, b"", {}


def micronaut_error(status: int, reason: str, path: str, message: str, error_path: Optional[str] = None) -> Answer:
    """Micronaut's `HateoasErrorResponseProcessor` body, its errors always a list (`JacksonConfiguration`)."""
    error: Dict[str, Any] = {"message": message}
    if error_path is not None:
        error["path"] = error_path
    errors: List[Dict[str, Any]] = [error]
    document = {
        "message": reason,
        "_links": {"self": {"href": path, "templated": False}},
        "_embedded": {"errors": errors},
    }
    return json_answer(status, document)


def quote(value: Any) -> str:
    """A value as the caller sent it, as JSON text (strings as they are), cut short if long."""
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return text if len(text) <= _LONGEST_VALUE_QUOTED else text[:_LONGEST_VALUE_QUOTED] + "..."
