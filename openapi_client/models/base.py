"""The base classes every schema model and enum is built on."""

from __future__ import annotations

import pprint
from contextlib import contextmanager
from contextvars import ContextVar
from enum import Enum
from typing import Any, ClassVar, Dict, FrozenSet, Iterator, Optional, Type, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError
from typing_extensions import Self

# Data that comes from a server may carry enum values newer than this client; data the caller writes may
# not. The flag is a context variable so that threads and async tasks parsing at once do not see each
# other's setting.
_accepting_unknown_enum_values: ContextVar[bool] = ContextVar("openapi_client_unknown_enums", default=False)

EnumT = TypeVar("EnumT", bound="ApiEnum")


@contextmanager
def received_data() -> Iterator[None]:
    """Parse inside this block as data received from a server: unknown enum values are kept, not refused."""
    token = _accepting_unknown_enum_values.set(True)
    try:
        yield
    finally:
        _accepting_unknown_enum_values.reset(token)


class ApiEnum(str, Enum):
    """A string enum that keeps values a newer server sends, instead of failing on them."""

    @classmethod
    def _missing_(cls, value: object) -> Optional[ApiEnum]:
        if not isinstance(value, str) or not _accepting_unknown_enum_values.get():
            return None
        return cls._unknown_member(value)

    @classmethod
    def _unknown_member(cls: Type[EnumT], value: str) -> EnumT:
        cache: Dict[str, Any] = cls.__dict__.get("_unknown_members_") or {}
        if value not in cache:
            member = str.__new__(cls, value)
            member._name_ = value
            member._value_ = value
            cache = {**cache, value: member}
            type.__setattr__(cls, "_unknown_members_", cache)
        member_of_cls: EnumT = cache[value]
        return member_of_cls

    @property
    def is_unknown(self) -> bool:
        """True for a value that this client's version of the spec does not list."""
        return type(self)._member_map_.get(self._name_) is not self

    def __str__(self) -> str:
        return str(self.value)


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
    )

    _accepted_names_: ClassVar[Optional[FrozenSet[str]]] = None

    def __init__(self, /, **data: Any) -> None:
        unknown = data.keys() - self._accepted_names()
        if unknown:
            raise _unexpected_fields(type(self), sorted(unknown), data)
        super().__init__(**data)

    def __setattr__(self, name: str, value: Any) -> None:
        extra = self.__pydantic_extra__ or {}
        if name not in type(self).model_fields and name not in extra and not name.startswith("_"):
            raise _unexpected_fields(type(self), [name], {name: value})
        super().__setattr__(name, value)

    @classmethod
    def _accepted_names(cls) -> FrozenSet[str]:
        names = cls.__dict__.get("_accepted_names_")
        if names is None:
            names = frozenset(
                name for field_name, info in cls.model_fields.items() for name in (field_name, info.alias) if name
            )
            cls._accepted_names_ = names
        return names

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
