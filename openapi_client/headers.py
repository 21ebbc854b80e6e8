"""The headers of a request: merged without two spellings of one name, and checked before anything is sent.

A value may hold what HTTP can carry: visible characters, spaces, tabs and Latin-1 letters. A line break or a NUL
would end the header early (a token read from a file with its newline) or slip another one in after it, so the
request is refused with an `ApiValueError` that names the header and never shows its value, which is often a secret.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Mapping, Optional

from openapi_client.exceptions import ApiValueError

_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_BAD_VALUE_CHARACTER = re.compile(r"[^\t\x20-\x7e\x80-\xff]")


def set_header(headers: Dict[str, Any], name: str, value: Any) -> None:
    """Set `name` to `value`, replacing the header of that name however it is spelt."""
    folded = name.lower()
    for existing in [key for key in headers if key != name and key.lower() == folded]:
        del headers[existing]
    headers[name] = value


def has_header(headers: Mapping[str, Any], name: str) -> bool:
    """Whether `headers` has `name`, however it is spelt."""
    if name in headers:
        return True
    folded = name.lower()
    return any(key.lower() == folded for key in headers)


def merged(*layers: Optional[Mapping[str, Any]]) -> Dict[str, Any]:
    """The headers of `layers`, a later layer's header replacing an earlier one of the same name, however spelt."""
    headers: Dict[str, Any] = {}
    for layer in layers:
        for name, value in (layer or {}).items():
            set_header(headers, name, value)
    return headers


def checked(headers: Dict[str, Any]) -> Dict[str, str]:
    """`headers` as they are sent: one header per name however spelt (the later in `headers` replacing the earlier),
    every name a token and every value a string HTTP can carry (numbers are written out, bytes read as Latin-1);
    `headers` itself when nothing needed changing. Raises `ApiValueError` naming the first header that is not."""
    names = [_checked_name(name) for name in headers]
    if len({name.lower() for name in names}) != len(names):
        headers = merged(headers)
    values = {name: _checked_value(name, value) for name, value in headers.items()}
    return headers if values == headers else values


def _checked_name(name: Any) -> str:
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ApiValueError(f"Invalid header name {name!r}: a name is letters, digits and !#$%&'*+-.^_`|~")
    return name


def _checked_value(name: str, value: Any) -> str:
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ApiValueError(f"The value of the `{name}` header must be a string, not {type(value).__name__}")
    bad = _BAD_VALUE_CHARACTER.search(value)
    if bad is not None:
        raise ApiValueError(
            f"The value of the `{name}` header holds a character HTTP cannot carry (a line break, NUL, another"
            f" control character or one beyond Latin-1) at position {bad.start()}; the value is not shown"
        )
    return value


__all__ = ["checked", "has_header", "merged", "set_header"]
