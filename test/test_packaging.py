"""The project stands alone: its spec is vendored with Airbyte's licence, and its metadata is what current
packaging tools accept without a deprecation warning."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from Python 3.11")


def test_the_spec_is_vendored_with_airbytes_licence_notice() -> None:
    spec = (ROOT / "spec" / "webbackend.yaml").read_text(encoding="utf-8")
    notice = (ROOT / "spec" / "LICENSE").read_text(encoding="utf-8")
    assert "5beb5e7ca0d6ea6925460ba02db9025ba62197ac" in spec
    assert "name: MIT" in spec
    assert "Copyright (c) 2020-2024 Airbyte, Inc." in notice
    assert "Permission is hereby granted, free of charge" in notice


def test_the_licence_is_an_spdx_expression_without_a_licence_classifier() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    # A table (`{text = ...}`) and a "License ::" classifier are both deprecated by setuptools 77 and newer.
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert not [c for c in project.get("classifiers", []) if c.startswith("License ::")]
    assert "[metadata]" not in (ROOT / "setup.cfg").read_text(encoding="utf-8")
