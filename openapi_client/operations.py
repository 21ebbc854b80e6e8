"""How an operation is declared: its path, its body and answer types, and its three variants."""

from __future__ import annotations

import functools
import inspect
import types
import typing
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Dict, Generic, Mapping, Optional, Tuple, TypeVar, Union, overload

import urllib3
from typing_extensions import Concatenate, Literal, ParamSpec, Self, TypedDict

from openapi_client.api_response import ApiResponse
from openapi_client.configuration import TimeoutValue
from openapi_client.exceptions import ApiTypeError

P = ParamSpec("P")
R = TypeVar("R")
Variant = Literal["data", "http_info", "raw"]


class RequestOptions(TypedDict, total=False):
    """Per-call options that every operation and variant takes."""

    _request_timeout: TimeoutValue
    _request_auth: Optional[Dict[str, Any]]
    _content_type: Optional[str]
    _headers: Optional[Dict[str, Any]]
    _host_index: Optional[int]


OPTION_NAMES = frozenset(RequestOptions.__annotations__)


@dataclass(frozen=True)
class OperationSpec:
    """What the request path needs to know of an operation."""

    name: str
    path: str
    body_parameter: Optional[str]
    body_required: bool
    request_type: Optional[type]
    response_type: Any
    error_types: Mapping[int, type]
    # A read-only operation may be sent again after a failure in the middle of a call; others may not.
    read_only: bool
    response_types_map: Dict[str, Any] = field(init=False)
    # For an operation that only reads with some bodies: whether a (validated) body makes the call read-only.
    read_only_when: Optional[Callable[[Any], bool]] = None

    def __post_init__(self) -> None:
        types_map = {"200": self.response_type, **{str(status): t for status, t in self.error_types.items()}}
        object.__setattr__(self, "response_types_map", types_map)

    def is_read_only(self, body: Any) -> bool:
        """Whether a call with this body only reads, and so may be sent again after it reached the server."""
        if self.read_only:
            return True
        return self.read_only_when is not None and body is not None and self.read_only_when(body)


class Operation(Generic[P, R]):
    """An operation of `WebBackendApi`, declared by a method whose signature and docstring are its contract."""

    def __init__(self, spec: OperationSpec, signature: Callable[..., Any], variant: Variant = "data") -> None:
        self.spec = spec
        self.variant = variant
        self._signature = signature
        self._function = self._make_function(signature, variant)

    def _make_function(self, signature: Callable[..., Any], variant: Variant) -> Callable[..., Any]:
        call = self.call

        @functools.wraps(signature)
        def operation(api: Any, *args: Any, **kwargs: Any) -> Any:
            return call(api, args, kwargs)

        if variant != "data":
            operation.__name__ = (
                f"{signature.__name__}_{'with_http_info' if variant == 'http_info' else 'without_preload_content'}"
            )
            operation.__qualname__ = operation.__qualname__.rsplit(".", 1)[0] + "." + operation.__name__
        return operation

    @overload
    def __get__(self, api: None, owner: type) -> Self: ...

    @overload
    def __get__(self, api: object, owner: type) -> Callable[P, R]: ...

    def __get__(self, api: Optional[object], owner: type) -> Union[Self, Callable[P, R]]:
        if api is None:
            return self
        bound: Callable[P, R] = types.MethodType(self._function, api)
        return bound

    @property
    def with_http_info(self) -> Operation[P, ApiResponse[R]]:
        """The variant that returns an `ApiResponse` with status, headers, parsed data and raw bytes."""
        return Operation(self.spec, self._signature, "http_info")

    @property
    def without_preload_content(self) -> Operation[P, urllib3.BaseHTTPResponse]:
        """The variant that returns the urllib3 response with its body unread."""
        return Operation(self.spec, self._signature, "raw")

    def call(self, api: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
        body = self._take_body(args, kwargs)
        unexpected = kwargs.keys() - OPTION_NAMES
        if unexpected:
            raise ApiTypeError(f"{self.spec.name}() got an unexpected keyword argument '{sorted(unexpected)[0]}'")
        return api.api_client.invoke(self.spec, body, kwargs, self.variant)

    def _take_body(self, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
        name = self.spec.body_parameter
        if len(args) > (1 if name else 0):
            raise ApiTypeError(
                f"{self.spec.name}() takes {1 if name else 0} positional arguments but {len(args)} were given"
            )
        if name is None:
            return None
        if args:
            if name in kwargs:
                raise ApiTypeError(f"{self.spec.name}() got multiple values for argument '{name}'")
            return args[0]
        return kwargs.pop(name, None)


def operation(
    path: str,
    *,
    errors: Mapping[int, type] = {},
    read_only: bool,
    read_only_when: Optional[Callable[[Any], bool]] = None,
) -> Callable[[Callable[Concatenate[Any, P], R]], Operation[P, R]]:
    """Declare an operation from a method that has its signature and docstring and no body."""

    def declare(signature: Callable[Concatenate[Any, P], R]) -> Operation[P, R]:
        hints = typing.get_type_hints(signature)
        parameters = list(inspect.signature(signature).parameters.values())[1:]
        body = next((p for p in parameters if p.kind is p.POSITIONAL_OR_KEYWORD), None)
        spec = OperationSpec(
            name=signature.__name__,
            path=path,
            body_parameter=body.name if body else None,
            body_required=body is not None and body.default is inspect.Parameter.empty,
            request_type=_without_optional(hints[body.name]) if body else None,
            response_type=hints["return"],
            error_types=errors,
            read_only=read_only,
            read_only_when=read_only_when,
        )
        return Operation(spec, signature)

    return declare


def _without_optional(annotation: Any) -> Any:
    arguments = [a for a in typing.get_args(annotation) if a is not type(None)]
    return arguments[0] if typing.get_origin(annotation) is Union and len(arguments) == 1 else annotation


__all__ = ["OPTION_NAMES", "Operation", "OperationSpec", "RequestOptions", "operation", "replace"]
