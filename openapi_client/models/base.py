"""The base classes every schema model and enum is built on.

What a caller writes is checked strictly, what a server sends is read leniently:

- Building any model from keywords refuses unknown field names. Building a *request model* (a request body of an
  operation, or a model nested in one) from a dict or JSON (`model_validate`, `model_validate_json`, `from_dict`,
  `from_json`) refuses unknown field names and enum values too. A close known name is suggested.
- What the client parses from a response keeps the fields and enum values a newer server adds, and so does
  `from_dict`/`from_json` of the other models (responses, read back from a file). A model received from a server
  keeps them when the caller puts it into a request: it is sent back as it came.
- A field that our spec does not define is sent only when the caller adds it on purpose, with `with_extra_fields`.
"""

from __future__ import annotations

import difflib
import inspect
import json
import typing
from contextlib import ContextDecorator
from contextvars import ContextVar, Token
from datetime import datetime
from enum import Enum
from functools import cache
from typing import (
    Any,
    Callable,
    Dict,
    FrozenSet,
    Iterable,
    Iterator,
    List,
    Literal,
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
from pydantic_core import (
    CoreSchema,
    ErrorDetails,
    InitErrorDetails,
    PydanticCustomError,
    SchemaValidator,
    core_schema,
    to_jsonable_python,
)
from typing_extensions import Annotated, Self

from openapi_client.display import ModelDisplay

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
    def from_json(cls, json_str: str | bytes) -> Self:
        """The member whose value a JSON string holds (`'"stream"'`); an unknown value raises `ValueError`."""
        return cls(json.loads(json_str))

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

# Servers before 2024-05 send a stream's update in a catalog diff as the plain list of its field transforms: it is
# read as the object that replaced the list (its `streamAttributeTransforms`, which they never send, stay None).
READ_FIELD_TRANSFORMS_LIST = BeforeValidator(
    lambda value: {"fieldTransforms": value} if isinstance(value, list) else value
)


class ApiModel(ModelDisplay, BaseModel):
    """Common behaviour of every schema model: aliases, forward compatibility, (de)serialization and display."""

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
        try:
            self.__pydantic_validator__.validate_python(data, self_instance=self, extra="forbid")
        except ValidationError as error:
            raise _with_suggestions(type(self), error) from None

    # Tells pydantic that this `__init__` only checks what callers construct: without the mark, pydantic would
    # call it for every object it parses (slow), and it would refuse the fields a newer server adds.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls.__signature__ = _SnakeCaseSignature()  # type: ignore[assignment]

    @classmethod
    def __pydantic_on_complete__(cls) -> None:
        # pydantic sets its own signature (with the JSON names) when it builds the model.
        cls.__signature__ = _SnakeCaseSignature()  # type: ignore[assignment]

    def __setattr__(self, name: str, value: Any) -> None:
        extra = self.__pydantic_extra__ or {}
        if name not in type(self).model_fields and name not in extra and not name.startswith("_"):
            raise ValidationError.from_exception_data(type(self).__name__, [_unknown_name(type(self), (name,), value)])
        super().__setattr__(name, value)

    @classmethod
    def model_validate(
        cls,
        obj: Any,
        *,
        strict: Optional[bool] = None,
        extra: Optional[Literal["allow", "ignore", "forbid"]] = None,
        from_attributes: Optional[bool] = None,
        context: Optional[Any] = None,
        by_alias: Optional[bool] = None,
        by_name: Optional[bool] = None,
    ) -> Self:
        """Validate `obj` (a dict, or a model): a request model refuses unknown names unless it is received data."""
        if extra is None and _written_by_the_caller(cls):
            extra = "forbid"
        try:
            return super().model_validate(
                obj,
                strict=strict,
                extra=extra,
                from_attributes=from_attributes,
                context=context,
                by_alias=by_alias,
                by_name=by_name,
            )
        except ValidationError as error:
            raise _with_suggestions(cls, error) from None

    @classmethod
    def model_validate_json(
        cls,
        json_data: str | bytes | bytearray,
        *,
        strict: Optional[bool] = None,
        extra: Optional[Literal["allow", "ignore", "forbid"]] = None,
        context: Optional[Any] = None,
        by_alias: Optional[bool] = None,
        by_name: Optional[bool] = None,
    ) -> Self:
        """Validate a JSON document: a request model refuses unknown names unless it is received data."""
        if extra is None and _written_by_the_caller(cls):
            extra = "forbid"
        try:
            return super().model_validate_json(
                json_data, strict=strict, extra=extra, context=context, by_alias=by_alias, by_name=by_name
            )
        except ValidationError as error:
            raise _with_suggestions(cls, error) from None

    def with_extra_fields(self, **fields: Any) -> Self:
        """A copy that also sends `fields`, which our spec does not define, under exactly the names given: the JSON
        names of a newer server's fields (`body.with_extra_fields(sortKey="lastSync_desc")`).

        This is the only way to add such a field: building a model refuses a name it does not know, so a misspelt
        field can never be sent by mistake. A name of the model's own fields is refused here (set it as usual), and
        so is one that differs from such a name only in case or underscores (`sourceID`, `workspaceid`): servers
        since 2023 ignore it, and the field it was meant to be would silently not be sent. The values are kept as the
        JSON they are sent as (UUIDs, enums and date-times as text); `model_extra` shows them.
        """
        model = type(self)
        clashing = _own_fields_named(model, fields)
        if clashing:
            raise ValueError(
                f"{model.__name__}.with_extra_fields: {'; '.join(clashing)} of {model.__name__}, not an extra field:"
                " set it as usual"
            )
        values: Dict[str, Any] = {}
        for name, value in fields.items():
            try:
                values[name] = to_jsonable_python(value, by_alias=True)
            except ValueError as error:
                raise TypeError(f"{model.__name__}.with_extra_fields: {name} is not a JSON value ({error})") from None
        return self.model_copy(update=values)

    def to_dict(self) -> Dict[str, Any]:
        """The fields that were set or received, by their JSON names, as Python values."""
        return self.model_dump(by_alias=True, exclude_unset=True)

    def to_json(self) -> str:
        """The fields that were set or received, as a JSON document."""
        return self.model_dump_json(by_alias=True, exclude_unset=True)

    def to_json_dict(self) -> Dict[str, Any]:
        """The fields that were set or received, by their JSON names, as JSON values: what `to_json()` writes.

        Unlike `to_dict()` (whose `UUID`, enum and `datetime` values are kept as the generated client keeps
        them), this dict goes through `json.dumps` as it is: ids and dates are text, date-times the server's.
        """
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)

    @classmethod
    def from_dict(cls, obj: Optional[Dict[str, Any]]) -> Optional[Self]:
        """The model of a dict by JSON names (or field names). A request model refuses unknown names and enum values;
        the other models read it as received from a server, keeping them. `None` gives `None`."""
        if obj is None:
            return None
        if is_request_model(cls):
            return cls.model_validate(obj)
        with received_data():
            return cls.model_validate(obj)

    @classmethod
    def from_json(cls, json_str: str | bytes) -> Self:
        """The model of a JSON document: a request model refuses unknown names and enum values; the other models
        read it as received from a server, keeping them."""
        if is_request_model(cls):
            return cls.model_validate_json(json_str)
        with received_data():
            return cls.model_validate_json(json_str)


# -- request models and unknown names --------------------------------------------------------------------


def is_request_model(model: type) -> bool:
    """Whether `model` is written by callers: an operation's request body, or a model nested in one."""
    return model in _request_models()


@cache
def _request_models() -> FrozenSet[type]:
    from openapi_client.api.web_backend_api import OPERATIONS

    found: set[type] = set()
    pending: List[Any] = [operation.request_type for operation in OPERATIONS if operation.request_type is not None]
    while pending:
        model = pending.pop()
        if model not in found:
            found.add(model)
            pending.extend(nested for field in model.model_fields.values() for nested in _models_in(field.annotation))
    return frozenset(found)


def _models_in(annotation: Any) -> Iterator[Type[ApiModel]]:
    """The models an annotation holds, through `Optional`, `List`, `Dict` and `Annotated`."""
    if isinstance(annotation, type) and issubclass(annotation, ApiModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _models_in(argument)


def _own_fields_named(model: Type[BaseModel], names: Iterable[str]) -> List[str]:
    """What each of `names` that is a field of `model`, or differs from one only in case or underscores, names."""
    own = {
        _folded(n): field_name for field_name, info in model.model_fields.items() for n in (field_name, info.alias) if n
    }
    said = []
    for name in sorted(names):
        field_name = own.get(_folded(name))
        if field_name is not None:
            exact = name in (field_name, model.model_fields[field_name].alias)
            said.append(f"{name} {'is' if exact else 'looks like'} the field {field_name}")
    return said


def _folded(name: str) -> str:
    """A field name without case or underscores: `sourceId`, `source_id` and `sourceID` fold alike."""
    return name.replace("_", "").lower()


def _written_by_the_caller(model: type) -> bool:
    return not _parsing_received_data.get() and is_request_model(model)


def _with_suggestions(model: Type[ApiModel], error: ValidationError) -> ValidationError:
    """`error`, with each unknown name explained: which model it is not a field of, and the closest known name."""
    details = error.errors(include_url=False)
    if not any(item["type"] == "extra_forbidden" for item in details):
        return error
    line_errors: List[InitErrorDetails] = [
        _unknown_name(model, item["loc"], item["input"]) if item["type"] == "extra_forbidden" else _as_init(item)
        for item in details
    ]
    # Every other error is one of pydantic's own types (the models have no validators of their own), which it
    # raises again from its type and context.
    return ValidationError.from_exception_data(error.title, line_errors)


def _as_init(item: ErrorDetails) -> InitErrorDetails:
    details: InitErrorDetails = {"type": item["type"], "loc": item["loc"], "input": item["input"]}
    if "ctx" in item:
        details["ctx"] = item["ctx"]
    return details


def _unknown_name(model: Type[ApiModel], loc: Tuple[Any, ...], value: Any) -> InitErrorDetails:
    owner = _model_at(model, loc[:-1])
    name = str(loc[-1])
    if owner is None:
        message = "Unknown field name"
    else:
        # Compared without case, so that `timeunit` finds `timeUnit` before `time_unit`.
        known = {n.lower(): n for field_name, info in owner.model_fields.items() for n in (info.alias, field_name) if n}
        close = difflib.get_close_matches(name.lower(), list(known), n=1, cutoff=0.6)
        message = f"Unknown field of {owner.__name__}" + (f"; did you mean '{known[close[0]]}'?" if close else "")
    return {"type": PydanticCustomError("extra_forbidden", message), "loc": loc, "input": value}


def _model_at(model: Type[ApiModel], path: Tuple[Any, ...]) -> Optional[Type[ApiModel]]:
    """The model of the value at `path` (a validation error's location) inside `model`, if it is one."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue  # an index into a list: the list's items are what the annotation holds
        owner = _single_model(current)
        if owner is None:
            return None
        field = next((info for name, info in owner.model_fields.items() if part in (name, info.alias)), None)
        if field is None:
            return None
        current = field.annotation
    return _single_model(current)


def _single_model(annotation: Any) -> Optional[Type[ApiModel]]:
    found = set(_models_in(annotation))
    return found.pop() if len(found) == 1 else None


class _SnakeCaseSignature:
    """A model's signature as callers write it: its fields by their snake_case names (the JSON names work too)."""

    def __get__(self, instance: Any, owner: Type[ApiModel]) -> inspect.Signature:
        parameters = [
            inspect.Parameter(
                name,
                inspect.Parameter.KEYWORD_ONLY,
                default=inspect.Parameter.empty if info.is_required() else info.get_default(call_default_factory=True),
                annotation=info.annotation,
            )
            for name, info in owner.model_fields.items()
        ]
        return inspect.Signature(parameters, return_annotation=None)
