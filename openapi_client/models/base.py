"""The base classes every schema model and enum is built on."""

from __future__ import annotations

import pprint
from contextlib import ContextDecorator
from contextvars import ContextVar, Token
from datetime import datetime
from enum import Enum
from functools import cache
from typing import (
    Any,
    Callable,
    Dict,
    Optional,
    SupportsIndex,
    Tuple,
    Type,
    TypeVar,
    cast,
)

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    GetCoreSchemaHandler,
    SerializerFunctionWrapHandler,
    ValidationError,
    WrapSerializer,
)
from pydantic_core import CoreSchema, SchemaValidator, core_schema
from typing_extensions import Annotated, Self

# Data that comes from a server may carry enum values newer than this client, and is written back exactly
# as it came; data the caller writes is checked strictly. The flag is a context variable so that threads
# and async tasks parsing at once do not see each other's setting.
_parsing_received_data: ContextVar[bool] = ContextVar("openapi_client_received_data", default=False)

# A server that invents enum values without end must not grow the cache of their members without end.
_UNKNOWN_MEMBERS_KEPT = 256

EnumT = TypeVar("EnumT", bound="ApiEnum")


class received_data(ContextDecorator):
    """Parse inside this block as data received from a server: unknown enum values are kept, not refused."""

    # A class (named as the function it replaced) rather than a generator-based context manager: every response
    # is parsed inside one, and this one enters and leaves in a quarter of the time.
    _token: Token[bool]

    def __enter__(self) -> None:
        self._token = _parsing_received_data.set(True)

    def __exit__(self, *exc_info: object) -> None:
        _parsing_received_data.reset(self._token)

    def _recreate_cm(self) -> received_data:
        # Used as a decorator, each call gets its own token (calls may nest, or run in several threads).
        return received_data()


class ApiEnum(str, Enum):
    """A string enum that keeps values a newer server sends, instead of failing on them."""

    @classmethod
    def _missing_(cls, value: object) -> Optional[ApiEnum]:
        if not isinstance(value, str) or not _parsing_received_data.get():
            return None
        return cls._unknown_member(value)

    @classmethod
    def _unknown_member(cls: Type[EnumT], value: str) -> EnumT:
        cache: Dict[str, Any] = cls.__dict__.get("_unknown_members_") or {}
        known: Optional[EnumT] = cache.get(value)
        if known is not None:
            return known
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        if len(cache) < _UNKNOWN_MEMBERS_KEPT:
            # Copied, not updated in place, so that threads reading the cache never see it change under them.
            type.__setattr__(cls, "_unknown_members_", {**cache, value: member})
        return member

    @property
    def is_unknown(self) -> bool:
        """True for a value that this client's version of the spec does not list."""
        return type(self)._member_map_.get(self._name_) is not self

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        # A member is a `str` whose text is its value, so it is written as a string natively: pydantic's enum
        # serializer would run the `value` property in Python for every member it writes.
        schema: Dict[str, Any] = {**handler(source), "serialization": core_schema.simple_ser_schema("str")}
        return cast(CoreSchema, schema)


class ReceivedDateTime(datetime):
    """A date-time read from a server that is written back in the server's own text.

    `2024-05-01T10:00:00.000Z` and `2024-05-01T10:00:00Z` are the same instant, but a client that sends back
    what it received should not rewrite it. Derived values (`replace()`, arithmetic) are new date-times
    without the text, and are written the usual way.
    """

    __slots__ = ("_text",)
    _text: str

    def __reduce_ex__(self, protocol: SupportsIndex) -> Tuple[Any, ...]:
        rebuild, arguments = cast(Tuple[Any, ...], super().__reduce_ex__(protocol))[:2]
        return _restore_received_datetime, (rebuild, arguments, getattr(self, "_text", None))


def _restore_received_datetime(rebuild: Callable[..., Any], arguments: Tuple[Any, ...], text: Optional[str]) -> Any:
    value = rebuild(*arguments)
    if text is not None:
        value._text = text
    return value


def _read_datetime(value: Any) -> Any:
    """A string received from a server as a `ReceivedDateTime`; anything else is left to pydantic's datetime
    validation, which runs after this (and returns a `ReceivedDateTime` as it is)."""
    # A "before" validator, not a "wrap" one: pydantic calls it without making a handler object, which takes
    # a third off the time of each date-time in a large list.
    if type(value) is not str or not _parsing_received_data.get():
        # What the caller writes is parsed by pydantic's rules and written back in the usual form.
        return value
    try:
        # One C call for the usual forms; pydantic's parser for the rest, such as a lowercase `t` or `z`, or a
        # `Z` on Pythons before 3.11. A string neither reads is left for pydantic to report.
        received = ReceivedDateTime.fromisoformat(value)
    except ValueError:
        try:
            parsed: datetime = _pydantic_datetime().validate_python(value)
        except ValidationError:
            return value
        received = ReceivedDateTime.combine(parsed, parsed.timetz())
    received._text = value
    return received


@cache
def _pydantic_datetime() -> SchemaValidator:
    return SchemaValidator(core_schema.datetime_schema())


def _write_datetime(value: datetime, write: SerializerFunctionWrapHandler) -> Any:
    text = getattr(value, "_text", None)
    return write(value) if text is None else text


# The type of `format: date-time` fields: a `datetime` that round-trips the exact text a server sent.
DateTime = Annotated[datetime, BeforeValidator(_read_datetime), WrapSerializer(_write_datetime, when_used="json")]


class ApiModel(BaseModel):
    """Common behaviour of every schema model: aliases, forward compatibility and (de)serialization."""

    model_config = ConfigDict(
        validate_by_name=True,
        validate_by_alias=True,
        validate_assignment=True,
        protected_namespaces=(),
        # Fields a newer server adds are kept on the model and sent back unchanged.
        extra="allow",
        # Building every schema at import time costs more than the whole import of pydantic.
        defer_build=True,
        # `NaN`, `Infinity` and numbers too large for a float (1e999) in received free-form JSON are kept: they are
        # written back as `NaN` and `Infinity` (which a strict server refuses), never as `null`, which would change
        # the data without a word.
        ser_json_inf_nan="constants",
    )

    def __init__(self, /, **data: Any) -> None:
        # What the caller constructs is refused on a misspelt name at any level, nested dicts included;
        # only what is read from a server keeps unknown fields.
        self.__pydantic_validator__.validate_python(data, self_instance=self, extra="forbid")

    # Tells pydantic that this `__init__` only checks what callers construct: without the mark, pydantic would
    # call it for every object it parses (slow), and it would refuse the fields a newer server adds.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    def __setattr__(self, name: str, value: Any) -> None:
        extra = self.__pydantic_extra__ or {}
        if name not in type(self).model_fields and name not in extra and not name.startswith("_"):
            raise _unexpected_fields(type(self), [name], {name: value})
        super().__setattr__(name, value)

    def to_dict(self) -> Dict[str, Any]:
        """The fields that were set or received, by their JSON names, as Python values."""
        return self.model_dump(by_alias=True, exclude_unset=True)

    def to_json(self) -> str:
        """The fields that were set or received, as a JSON document."""
        return self.model_dump_json(by_alias=True, exclude_unset=True)

    def to_str(self) -> str:
        """A readable rendering of the model."""
        return pprint.pformat(self.to_dict())

    @classmethod
    def from_dict(cls, obj: Optional[Dict[str, Any]]) -> Optional[Self]:
        """Read data received from a server; unknown fields and enum values are kept."""
        if obj is None:
            return None
        with received_data():
            return cls.model_validate(obj)

    @classmethod
    def from_json(cls, json_str: str | bytes) -> Self:
        """Read a JSON document received from a server; unknown fields and enum values are kept."""
        with received_data():
            return cls.model_validate_json(json_str)


def _unexpected_fields(model: Type[ApiModel], names: list[str], data: Dict[str, Any]) -> ValidationError:
    return ValidationError.from_exception_data(
        model.__name__,
        [{"type": "extra_forbidden", "loc": (name,), "input": data[name]} for name in names],
    )
