"""How the generator encodes path, query, header and form parameters, for `ApiClient`'s helpers of the same names.

The web_backend operations only send JSON bodies; these serve code that builds other requests with `ApiClient`.
"""

from __future__ import annotations

import json
import mimetypes
import os
from typing import Any, Iterable, List, Mapping, Optional, Sequence, Tuple, Union
from urllib.parse import quote

Params = Union[Mapping[str, Any], Iterable[Tuple[str, Any]]]
FileValue = Union[str, bytes, Tuple[str, bytes], Sequence[Union[str, bytes, Tuple[str, bytes]]]]
# How a `collection_formats` entry joins the items of a list (`multi` repeats the name instead).
DELIMITERS = {"csv": ",", "ssv": " ", "tsv": "\t", "pipes": "|"}


def _pairs(params: Params) -> Iterable[Tuple[str, Any]]:
    return params.items() if isinstance(params, Mapping) else params


def _text(value: Any) -> str:
    """A value as a parameter's text: booleans in lower case, as JSON writes them."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def to_tuples(params: Params, collection_formats: Optional[Mapping[str, str]]) -> List[Tuple[str, Any]]:
    """Parameters as (name, value) pairs, lists joined (or repeated) as `collection_formats` says."""
    formats = collection_formats or {}
    pairs: List[Tuple[str, Any]] = []
    for name, value in _pairs(params):
        if isinstance(value, bool):
            value = _text(value)
        style = formats.get(name)
        if style is None:
            pairs.append((name, value))
        elif style == "multi":
            pairs.extend((name, _text(item) if isinstance(item, bool) else item) for item in value)
        else:
            pairs.append((name, DELIMITERS.get(style, ",").join(_text(item) for item in value)))
    return pairs


def to_url_query(params: Params, collection_formats: Optional[Mapping[str, str]]) -> str:
    """Parameters as a URL query (`a=Hello%20World&b=123`): names and values quoted, dicts as JSON."""
    formats = collection_formats or {}
    pairs: List[Tuple[str, str]] = []
    for name, value in _pairs(params):
        if isinstance(value, dict):
            value = json.dumps(value)
        style = formats.get(name)
        if style is not None and isinstance(value, (list, tuple)):
            if style == "multi":
                pairs.extend((quote(str(name)), quote(_text(item))) for item in value)
            else:
                joined = DELIMITERS.get(style, ",").join(quote(_text(item)) for item in value)
                pairs.append((quote(str(name)), joined))
        else:
            pairs.append((quote(str(name)), quote(_text(value))))
    return "&".join(f"{name}={value}" for name, value in pairs)


def explode(name: str, sanitized: Any) -> List[Tuple[str, Any]]:
    """A form-style exploded query object: a pair per property (a list repeats its name), None values left out."""
    entries = sanitized if isinstance(sanitized, dict) else {name: sanitized}
    return [
        (key, item)
        for key, value in entries.items()
        for item in (value if isinstance(value, (list, tuple)) else [value])
        if item is not None
    ]


def files(parameters: Mapping[str, FileValue]) -> List[Tuple[str, Tuple[str, bytes, str]]]:
    """Form fields for files: a path is read, bytes are named after their field, a (name, bytes) pair is as is."""
    fields: List[Tuple[str, Tuple[str, bytes, str]]] = []
    for name, value in parameters.items():
        if isinstance(value, list):
            for item in value:
                fields.extend(files({name: item}))
            continue
        if isinstance(value, str):
            with open(value, "rb") as handle:
                filename, data = os.path.basename(handle.name), handle.read()
        elif isinstance(value, bytes):
            filename, data = name, value
        elif isinstance(value, tuple):
            filename, data = value
        else:
            raise ValueError("Unsupported file value")
        fields.append((name, (filename, data, mimetypes.guess_type(filename)[0] or "application/octet-stream")))
    return fields
