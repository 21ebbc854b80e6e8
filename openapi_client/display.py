"""How models show themselves: a short `repr()`, a JSON-like `to_str()`, and HTML tables for notebooks.

A connection with a large catalog must not print tens of thousands of characters, so a `repr()` shows the
identifying fields first (name, ids, status), summarises lists (`sync_catalog=<50 streams>`) and free-form
objects (`{12 keys}`, whose values, such as a source's configuration, are never shown), and stops at about
`REPR_LIMIT` characters. Names are user data: everything that goes into HTML is escaped.
"""

from __future__ import annotations

import html
import json
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any, Iterator, List, Mapping, Optional, Sequence, Tuple, Type, cast, get_args
from uuid import UUID

from pydantic import BaseModel

if TYPE_CHECKING:
    from openapi_client.models.base import ApiModel

REPR_LIMIT = 1000
TO_STR_WIDTH = 100
NESTED_LIMIT = 120
TEXT_LIMIT = 80
ELLIPSIS = "..."

# The fields a reader looks for first; the ids (fields of type UUID) come right after these, then the status.
_LEADING_FIELDS = ("name", "namespace")
_STATUS_FIELDS = ("status", "schema_change")


class ModelDisplay:
    """The display behaviour shared by every model (a base class of `ApiModel`)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return model_repr(cast(BaseModel, self))

    __str__ = __repr__

    def to_str(self) -> str:
        """The fields that were set or received, by their JSON names, as JSON indented by two spaces, in which an
        object or array that fits on its line (`TO_STR_WIDTH`) is written on one line."""
        return json_text(cast("ApiModel", self).to_json_dict())

    def _repr_html_(self) -> str:
        return fields_table(cast(BaseModel, self))


def model_repr(model: BaseModel, limit: int = REPR_LIMIT) -> str:
    """`ClassName(field=value, ...)` in at most about `limit` characters; fields left out become `...`."""
    name = type(model).__name__
    parts: List[str] = []
    room = limit - len(name) - 2
    for field, value in shown_fields(model):
        part = f"{field}={value_text(field, value, min(NESTED_LIMIT, room), quoted=True)}"
        if len(part) + 2 > room:
            parts.append(ELLIPSIS)
            break
        parts.append(part)
        room -= len(part) + 2
    return f"{name}({', '.join(parts)})"


def shown_fields(model: BaseModel) -> Iterator[Tuple[str, Any]]:
    """The fields that hold a value, identifying ones first, then fields a newer server added."""
    for field in _field_order(type(model)):
        value = getattr(model, field)
        if value is not None:
            yield field, value
    for field, value in (model.__pydantic_extra__ or {}).items():
        if value is not None:
            yield field, value


@cache
def _field_order(model: Type[BaseModel]) -> Tuple[str, ...]:
    def rank(field: str) -> int:
        if field in _LEADING_FIELDS:
            return _LEADING_FIELDS.index(field)
        annotation = model.model_fields[field].annotation
        if annotation is UUID or UUID in get_args(annotation):
            return len(_LEADING_FIELDS)
        if field in _STATUS_FIELDS:
            return len(_LEADING_FIELDS) + 1
        return len(_LEADING_FIELDS) + 2

    # sorted() is stable: within a rank, the schema's order.
    return tuple(sorted(model.model_fields, key=rank))


def json_text(value: Any, width: int = TO_STR_WIDTH) -> str:
    """`value` as JSON, indented by two spaces, with each object or array that fits in `width` on one line."""
    return _json_lines(value, "", width, width)


def _json_lines(value: Any, indent: str, room: int, width: int) -> str:
    # `room`: what is left of the line for the value and a comma. A schema's `["null", "string"]` or a key's
    # `[["id"]]` stays on one line, so that a 50-stream connection reads in about a thousand lines.
    flat = json.dumps(value, ensure_ascii=False)
    if len(flat) < room or not isinstance(value, (dict, list)) or not value:
        return flat
    inner = indent + "  "
    if isinstance(value, list):
        items = [inner + _json_lines(item, inner, width - len(inner), width) for item in value]
        return "[\n" + ",\n".join(items) + f"\n{indent}]"
    heads = [f"{inner}{json.dumps(key, ensure_ascii=False)}: " for key in value]
    items = [head + _json_lines(item, inner, width - len(head), width) for head, item in zip(heads, value.values())]
    return "{\n" + ",\n".join(items) + f"\n{indent}}}"


def value_text(field: str, value: Any, limit: int = NESTED_LIMIT, quoted: bool = False) -> str:
    """A short rendering of one value: Python-like with `quoted`, plain text (for a table cell) without."""
    if isinstance(value, BaseModel):
        return collection_summary(value) or model_repr(value, limit)
    if isinstance(value, (list, tuple)):
        return _list_text(field, value, limit, quoted)
    if isinstance(value, dict):
        return "{}" if not value else f"{{{count_text(len(value), 'keys')}}}"
    if isinstance(value, (bool, int, float)):
        return repr(value)
    text = scalar_text(value)
    if len(text) > TEXT_LIMIT:
        text = text[: TEXT_LIMIT - len(ELLIPSIS)] + ELLIPSIS
    return repr(text) if quoted else text


def scalar_text(value: Any) -> str:
    """A JSON-safe string for a scalar: an enum's value, a UUID's text, an ISO 8601 date or date-time."""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        # A date-time read from a server keeps the server's own text.
        return cast(str, getattr(value, "_text", None) or value.isoformat())
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def collection_summary(model: BaseModel) -> Optional[str]:
    """`<50 streams>` for a model that only wraps one list (a catalog, a list response), else None."""
    fields = [name for name in type(model).model_fields if getattr(model, name) is not None]
    if len(fields) != 1 or model.__pydantic_extra__:
        return None
    items = getattr(model, fields[0])
    return f"<{count_text(len(items), fields[0])}>" if isinstance(items, list) else None


def _list_text(field: str, items: Sequence[Any], limit: int, quoted: bool) -> str:
    if all(_is_scalar(item) or (isinstance(item, list) and all(map(_is_scalar, item))) for item in items):
        inline = f"[{', '.join(_inline(item, quoted) for item in items)}]"
        if len(inline) <= min(limit, TEXT_LIMIT):
            return inline
    return f"<{count_text(len(items), field)}>"


def _inline(item: Any, quoted: bool) -> str:
    if isinstance(item, list):
        return f"[{', '.join(_inline(part, quoted) for part in item)}]"
    return value_text("", item, quoted=quoted)


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, Enum, UUID, date))


def count_text(count: int, noun: str) -> str:
    """`1 stream`, `50 streams`, `2 field transforms`: the noun from a field name."""
    noun = noun.replace("_", " ")
    if count == 1 and noun.endswith("s"):
        noun = noun[:-1]
    return f"{count} {noun}"


# -- HTML -------------------------------------------------------------------------------------------------


def fields_table(model: BaseModel) -> str:
    """A two-column HTML table of a model's fields, values shortened as in its `repr()`."""
    rows = [(field, value_text(field, value)) for field, value in shown_fields(model)]
    body = "".join(f"<tr><th>{_escape(field)}</th><td>{_escape(text)}</td></tr>" for field, text in rows)
    return f"<table><caption>{_escape(type(model).__name__)}</caption>{body}</table>"


def records_table(
    caption: str,
    records: Sequence[Mapping[str, Any]],
    columns: Mapping[str, str],
    max_rows: int = 500,
) -> str:
    """An HTML table of `records`, one row each, `columns` mapping a record's key to its column heading."""
    head = "".join(f"<th>{_escape(heading)}</th>" for heading in columns.values())
    rows = [
        "<tr>" + "".join(f"<td>{_escape(_cell(record.get(key)))}</td>" for key in columns) + "</tr>"
        for record in records[:max_rows]
    ]
    if len(records) > max_rows:
        note = f"{len(records) - max_rows} more rows not shown: to_dataframe() or to_records() has them all"
        rows.append(f'<tr><td colspan="{len(columns)}">{_escape(note)}</td></tr>')
    body = "".join(rows)
    return f"<table><caption>{_escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _escape(text: str) -> str:
    return html.escape(text, quote=True)
