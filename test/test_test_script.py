"""`scripts/test`, the README's test command (and CI's): a failing linter or type checker fails it before the tests
run. Run with stand-ins for its tools, so that only the script's own logic is under test."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ("python", "ruff", "mypy")


def stand_in_environment(tmp_path: Path, failing: str) -> Path:
    """A virtual environment whose tools only note that they ran; `failing` also exits 1."""
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    ran = tmp_path / "ran"
    for tool in TOOLS:
        status = 1 if tool == failing else 0
        script = bin_dir / tool
        script.write_text(f'#!/bin/sh\necho "{tool} $*" >> "{ran}"\nexit {status}\n', encoding="utf-8")
        script.chmod(0o755)
    (bin_dir / "activate").write_text(f'PATH="{bin_dir}:$PATH"\n', encoding="utf-8")
    return tmp_path / "venv"


@pytest.mark.parametrize("failing", ["ruff", "mypy"])
def test_a_failing_check_fails_the_script_and_no_test_runs(tmp_path: Path, failing: str) -> None:
    venv = stand_in_environment(tmp_path, failing)
    result = subprocess.run(
        ["bash", "scripts/test"], cwd=ROOT, env={**os.environ, "VENV": str(venv)}, capture_output=True, timeout=60
    )
    assert result.returncode != 0
    ran = (tmp_path / "ran").read_text(encoding="utf-8").splitlines()
    assert ran[-1].startswith(failing)
    assert not any(line.startswith("python -m pytest") for line in ran)


def test_the_script_runs_the_tests_when_the_checks_pass(tmp_path: Path) -> None:
    venv = stand_in_environment(tmp_path, failing="")
    result = subprocess.run(
        ["bash", "scripts/test", "-k", "nothing"],
        cwd=ROOT,
        env={**os.environ, "VENV": str(venv)},
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    ran = (tmp_path / "ran").read_text(encoding="utf-8").splitlines()
    assert [line.split()[0] for line in ran] == ["python", "ruff", "ruff", "mypy", "python"]
    assert ran[-1].startswith("python -m pytest -p randomly") and ran[-1].endswith("-k nothing")
