"""The types user code sees: mypy --strict and pyright (strict), with no pydantic plugin configured, check a script
that calls every operation in its three variants (`typing_usage.py`) and reveal what each returns; they catch the
mistakes of `typing_mistakes.py`. jedi completes the snake_case constructor names and the per-call options."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, Iterator, Set

import jedi
import pytest

import openapi_client

ROOT = Path(__file__).resolve().parents[1]
USAGE = Path(__file__).with_name("typing_usage.py")
MISTAKES = Path(__file__).with_name("typing_mistakes.py")
REVEAL = re.compile(r"reveal_type\(.*\)\s+# (.+)$")


def expected_reveals(script: Path) -> Dict[int, str]:
    lines = script.read_text(encoding="utf-8").splitlines()
    return {number: match.group(1) for number, line in enumerate(lines, 1) if (match := REVEAL.search(line))}


def error_lines(script: Path) -> Set[int]:
    lines = script.read_text(encoding="utf-8").splitlines()
    return {number for number, line in enumerate(lines, 1) if line.endswith("# error")}


def unqualified(type_text: str) -> str:
    """`openapi_client.models.x.X | None` -> `X | None`, so that mypy's and pyright's spellings compare."""
    return re.sub(r"\b(?:\w+\.)+(\w+)", r"\1", type_text).replace("Optional[", "").strip()


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Path]:
    """A folder outside the repository (so that its pyproject, and its pydantic plugin, are not seen)."""
    for script in (USAGE, MISTAKES):
        shutil.copy(script, tmp_path / script.name)
    # The package is found on its path, as in an editable install that type checkers can follow.
    (tmp_path / "mypy.ini").write_text(
        f"[mypy]\nstrict = True\nmypy_path = {ROOT}\n[mypy-openapi_client.*]\nfollow_imports = silent\n"
    )
    (tmp_path / "pyrightconfig.json").write_text(json.dumps({"typeCheckingMode": "strict", "extraPaths": [str(ROOT)]}))
    yield tmp_path


def run_mypy(workspace: Path, script: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mypy", "--config-file", "mypy.ini", "--no-error-summary", script]
    return subprocess.run(command, cwd=workspace, capture_output=True, text=True, timeout=600, check=False)


def run_pyright(workspace: Path, script: str) -> Dict[str, object]:
    pyright = shutil.which("pyright", path=str(Path(sys.executable).parent))
    if pyright is None:
        pytest.fail("pyright is not installed: it is in the test extra (pip install -e '.[test]')")
    command = [pyright, "--outputjson", "--pythonpath", sys.executable, script]
    result = subprocess.run(command, cwd=workspace, capture_output=True, text=True, timeout=600, check=False)
    try:
        report: Dict[str, object] = json.loads(result.stdout)
    except ValueError:
        pytest.fail(f"pyright did not run: {result.stdout[-2000:]} {result.stderr[-2000:]}")
    return report


def test_mypy_strict_accepts_the_user_script_without_the_pydantic_plugin(workspace: Path) -> None:
    result = run_mypy(workspace, USAGE.name)
    revealed: Dict[int, str] = {}
    for line in result.stdout.splitlines():
        match = re.match(rf"{USAGE.name}:(\d+): (\w+): (.*)$", line)
        assert match, line
        number, severity, message = int(match.group(1)), match.group(2), match.group(3)
        assert severity == "note", line
        revealed[number] = unqualified(re.fullmatch(r'Revealed type is "(.*)"', message).group(1))  # type: ignore[union-attr]
    assert revealed == expected_reveals(USAGE)


def test_mypy_reports_each_mistake(workspace: Path) -> None:
    result = run_mypy(workspace, MISTAKES.name)
    reported = {int(m.group(1)) for m in re.finditer(rf"^{MISTAKES.name}:(\d+): error:", result.stdout, re.MULTILINE)}
    assert reported == error_lines(MISTAKES), result.stdout


def test_pyright_strict_accepts_the_user_script(workspace: Path) -> None:
    report = run_pyright(workspace, USAGE.name)
    diagnostics = report["generalDiagnostics"]
    assert isinstance(diagnostics, list)
    problems = [d for d in diagnostics if d["severity"] != "information"]
    assert problems == []
    revealed = {
        d["range"]["start"]["line"] + 1: unqualified(
            re.fullmatch(r'Type of ".*" is "(.*)"', d["message"], re.DOTALL).group(1)
        )
        for d in diagnostics
    }
    assert revealed == expected_reveals(USAGE)


def test_pyright_reports_each_mistake(workspace: Path) -> None:
    report = run_pyright(workspace, MISTAKES.name)
    diagnostics = report["generalDiagnostics"]
    assert isinstance(diagnostics, list)
    reported = {d["range"]["start"]["line"] + 1 for d in diagnostics if d["severity"] == "error"}
    assert reported == error_lines(MISTAKES), diagnostics


# -- jedi ------------------------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> jedi.Project:
    return jedi.Project(path=tmp_path, added_sys_path=[str(ROOT)])


def completions(code: str, project: jedi.Project) -> Set[str]:
    return {completion.name for completion in jedi.Script(code, project=project).complete()}


@pytest.mark.parametrize(
    "imports",
    [
        "from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate",
        "from openapi_client.models import WebBackendConnectionUpdate",
        "from openapi_client import *",
    ],
)
def test_jedi_completes_the_snake_case_constructor_names(imports: str, project: jedi.Project) -> None:
    assert "connection_id=" in completions(f"{imports}\nWebBackendConnectionUpdate(conn", project)
    assert "status=" in completions(f"{imports}\nWebBackendConnectionUpdate(connection_id=1, sta", project)


def test_jedi_completes_and_signs_the_per_call_options(project: jedi.Project) -> None:
    code = "import openapi_client\napi = openapi_client.WebBackendApi()\napi.web_backend_get_connection(None, _req"
    assert {"_request_timeout=", "_request_auth="} <= completions(code, project)
    (signature,) = jedi.Script(code, project=project).get_signatures()
    assert [p.name for p in signature.params] == [
        "web_backend_connection_request_body",
        "_request_timeout",
        "_request_auth",
        "_content_type",
        "_headers",
        "_host_index",
    ]


def test_jedi_in_a_notebook_sees_live_objects() -> None:
    api = openapi_client.WebBackendApi(
        openapi_client.ApiClient(openapi_client.Configuration(host="http://127.0.0.1:9"))
    )
    namespace = {"api": api, "openapi_client": openapi_client}
    options = jedi.Interpreter("api.web_backend_update_connection_with_http_info(None, _h", [namespace]).complete()
    assert {"_headers=", "_host_index="} <= {c.name for c in options}
    names = jedi.Interpreter("openapi_client.WebBackendConnectionUpdate(conn", [namespace]).complete()
    assert "connection_id=" in {c.name for c in names}
