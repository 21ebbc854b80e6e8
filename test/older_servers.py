"""The one listed exception to "the models are the spec": properties the spec requires that the models make optional,
because older Airbyte servers do not send them. docs/stock_differences.yaml lists each (the entries with
`older_servers`), with its reason; the tests that compare the package with the spec read them from there."""

from __future__ import annotations

import functools
import importlib
from pathlib import Path
from typing import Any, Dict, Sequence, Tuple, Union

import yaml

from openapi_client.models.base import _model_at

DIFFERENCES_FILE = Path(__file__).resolve().parents[1] / "docs" / "stock_differences.yaml"


@functools.cache
def relaxed_properties() -> Dict[Tuple[str, str], Tuple[str, ...]]:
    """(class name, JSON name) -> the server versions that do not send the property."""
    relaxed = {}
    for entry in yaml.safe_load(DIFFERENCES_FILE.read_text(encoding="utf-8")):
        if "older_servers" not in entry:
            continue
        assert entry["what"] == "fields", entry
        module_name, class_name, field_name = entry["where"].rsplit(".", 2)
        model = getattr(importlib.import_module(module_name), class_name)
        alias = model.model_fields[field_name].alias
        relaxed[(class_name, alias)] = tuple(str(version) for version in entry["older_servers"])
    return relaxed


def is_relaxed(model: Any, path: Sequence[Union[str, int]]) -> bool:
    """Whether the property at `path` (JSON names and list indexes) of a document of `model` is relaxed."""
    *parents, name = path
    owner = _model_at(model, tuple(parents))
    return owner is not None and (owner.__name__, name) in relaxed_properties()
