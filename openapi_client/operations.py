"""What the request path needs to know of an operation: its path, its body and answer types, whether it only reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Generic, Mapping, Optional, Tuple, Type, TypeVar

from typing_extensions import Literal

R = TypeVar("R")
# What a call returns: the parsed data, an `ApiResponse` of it, or the urllib3 response with its body unread.
Variant = Literal["data", "http_info", "raw"]


@dataclass(frozen=True)
class OperationSpec(Generic[R]):
    """An operation of the spec, as `openapi_client/api/web_backend_api.py` declares it."""

    name: str
    path: str
    body_parameter: Optional[str]
    body_required: bool
    request_type: Optional[type]
    response_type: Type[R]
    # The error body each status declares.
    error_types: Mapping[int, type]
    # A read-only operation may be sent again after a failure in the middle of a call; others may not.
    read_only: bool
    # For an operation that only reads with some bodies: whether a (validated) body makes the call read-only.
    read_only_when: Optional[Callable[[Any], bool]] = None
    # Every error body the spec declares, tried in turn on an error status that declares none (or another).
    error_schemas: Tuple[type, ...] = ()
    # Looks at each parsed answer with the request body that got it (the list warns when it got one page of several).
    check_answer: Optional[Callable[[Any, R], None]] = None
    response_types_map: Dict[str, Any] = field(init=False)

    def __post_init__(self) -> None:
        types_map = {"200": self.response_type, **{str(status): t for status, t in self.error_types.items()}}
        object.__setattr__(self, "response_types_map", types_map)

    def is_read_only(self, body: Any) -> bool:
        """Whether a call with this body only reads, and so may be sent again after it reached the server."""
        if self.read_only:
            return True
        return self.read_only_when is not None and body is not None and self.read_only_when(body)


__all__ = ["OperationSpec", "Variant"]
