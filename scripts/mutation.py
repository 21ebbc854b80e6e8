"""Mutation testing of the core modules: small changes to the code (mutants), each run against the fast tests of its
module in a scratch copy of the repository; a mutant the tests still pass with has survived.

    python scripts/mutation.py                    # every module, 2 mutants at a time
    python scripts/mutation.py --module retries   # one module (see MODULES)
    python scripts/mutation.py --issue            # the mutations issue 14 names, each with the test that kills it
    python scripts/mutation.py --list             # the mutants, without running them
    python scripts/mutation.py --only report.txt  # only the mutants a report lists (its survivors, say)

Survivors that docs/development.md lists as equivalent (its table "Surviving mutants": module, function, mutant,
code, reason) are reported as such; any other survivor is new, and the run exits with status 1. The working tree is
never changed: mutants are written to a copy under the system's temporary directory.
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Optional, Sequence, Set, Tuple

ROOT = Path(__file__).resolve().parents[1]
DEVELOPMENT_DOC = ROOT / "docs" / "development.md"

# Each module, with the tests that pin it, fastest first (a mutant stops at its first failing test).
MODULES: Dict[str, Tuple[str, Sequence[str]]] = {
    "retries": (
        "openapi_client/retries.py",
        [
            "test_retries.py",
            "test_documented_values.py",
            "test_boundaries.py",
            "test_faults.py",
            "test_proxy.py",
            "test_auth.py",
            "test_timeouts.py",
            "test_hostile_responses.py",
        ],
    ),
    "auth": (
        "openapi_client/auth.py",
        [
            "test_documented_values.py",
            "test_boundaries.py",
            "test_auth.py",
            "test_secrets.py",
            "test_authentication_doc.py",
            "test_header_values.py",
            "test_hostile_responses.py",
            "test_timeouts.py",
            "test_configuration_changes.py",
            "test_redirects.py",
            "test_promises.py",
        ],
    ),
    "redaction": (
        "openapi_client/redaction.py",
        [
            "test_secrets.py",
            "test_documented_values.py",
            "test_boundaries.py",
            "test_proxy.py",
            "test_auth.py",
            "test_faults.py",
            "test_debug_logging.py",
            "test_redirects.py",
            "test_hostile_responses.py",
        ],
    ),
    "sending": (
        "openapi_client/sending.py",
        [
            "test_operations.py",
            "test_documented_values.py",
            "test_boundaries.py",
            "test_faults.py",
            "test_secrets.py",
            "test_auth.py",
            "test_proxy.py",
            "test_redirects.py",
            "test_configuration_changes.py",
            "test_hostile_responses.py",
            "test_timeouts.py",
            "test_promises.py",
        ],
    ),
    "base": (
        "openapi_client/models/base.py",
        [
            "test_models.py",
            "test_boundaries.py",
            "test_round_trip.py",
            "test_forward_compat.py",
            "test_operations.py",
            "test_api_client.py",
            "test_performance_guards.py",
            "test_spec_oracle.py",
            "test_local_airbyte.py",
            "test_hostile_responses.py",
            "test_pickling.py",
            "test_display.py",
            "test_older_servers.py",
        ],
    ),
    "catalog_diff": (
        "openapi_client/testing/catalog_diff.py",
        [
            "test_documented_values.py",
            "test_boundaries.py",
            "test_local_airbyte.py",
            "test_spec_oracle.py",
            "test_local_airbyte_errors.py",
            "test_local_airbyte_catalogs.py",
            "test_local_airbyte_fidelity.py",
        ],
    ),
    "headers": (
        "openapi_client/headers.py",
        [
            "test_header_values.py",
            "test_documented_values.py",
            "test_secrets.py",
            "test_api_client.py",
            "test_auth.py",
            "test_operations.py",
            "test_redirects.py",
        ],
    ),
    "hosts": (
        "openapi_client/hosts.py",
        [
            "test_configuration_changes.py",
            "test_secrets.py",
            "test_api_client.py",
            "test_drop_in.py",
            "test_promises.py",
            "test_header_values.py",
        ],
    ),
    "deadlines": (
        "openapi_client/deadlines.py",
        [
            "test_timeouts.py",
            "test_documented_values.py",
            "test_hostile_responses.py",
            "test_faults.py",
            "test_retries.py",
            "test_auth.py",
            "test_configuration_changes.py",
        ],
    ),
    "bodies": (
        "openapi_client/bodies.py",
        [
            "test_hostile_responses.py",
            "test_documented_values.py",
            "test_boundaries.py",
            "test_faults.py",
            "test_operations.py",
            "test_redirects.py",
            "test_authentication_doc.py",
        ],
    ),
    "connection_pages": (
        "openapi_client/connection_pages.py",
        [
            "test_connection_pages.py",
            "test_documented_values.py",
            "test_local_airbyte_versions.py",
            "test_pickling.py",
            "test_api_functions.py",
            "test_older_servers.py",
        ],
    ),
}

PYTEST = [
    "-x",
    "-q",
    "-rf",
    "-p",
    "no:randomly",
    "-p",
    "no:cacheprovider",
    "--hypothesis-seed=0",
    "-o",
    "addopts=",
    "-W",
    "ignore::DeprecationWarning",
]


# -- the mutants -------------------------------------------------------------------------------------------------


@dataclass
class Mutant:
    module: str
    path: str
    line: int
    function: str
    description: str
    code: str  # the original line, stripped: with the function and the description, names the mutant across edits
    source: str  # the whole mutated module

    @property
    def key(self) -> Tuple[str, str, str, str]:
        return (self.module, self.function, self.description, self.code)


COMPARISONS: Dict[type, type] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
ARITHMETIC: Dict[type, type] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.Pow: ast.Mult,
    ast.Mod: ast.Mult,
    ast.FloorDiv: ast.Mult,
}
SYMBOLS = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.Pow: "**",
    ast.Mod: "%",
    ast.FloorDiv: "//",
    ast.And: "and",
    ast.Or: "or",
}
# Debug lines are not a promise of the docs; deleting one would only change what is logged.
QUIET_CALLS = ("logger.debug",)
GENERICS = frozenset({"Dict", "List", "Tuple", "Optional", "Deque", "Callable", "Union", "Type"})


def _skipped_nodes(tree: ast.Module) -> Set[int]:
    """Nodes not to mutate: docstrings, annotations, `__all__`, `TYPE_CHECKING` blocks, `__slots__`."""
    skipped: Set[int] = set()

    def skip(node: Optional[ast.AST]) -> None:
        if node is not None:
            skipped.update(id(inner) for inner in ast.walk(node))

    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and _is_docstring(body[0]):
            skip(body[0])
        if isinstance(node, ast.AnnAssign):
            skip(node.annotation)
        if isinstance(node, ast.arg):
            skip(node.annotation)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            skip(node.returns)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            skip(node)
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id in ("__all__", "__slots__") for t in targets):
                skip(node)
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in GENERICS:
            skip(node)  # a generic type in an expression: Dict[str, Any]
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("TypeVar", "cast"):
            skip(node)
        if isinstance(node, (ast.JoinedStr, ast.Assert)):
            skip(node)  # f-strings are messages; asserts only narrow types for mypy
    return skipped


def _is_docstring(statement: ast.stmt) -> bool:
    value = getattr(statement, "value", None)
    return isinstance(statement, ast.Expr) and isinstance(value, ast.Constant) and isinstance(value.value, str)


def _module_level_strings(tree: ast.Module) -> Set[int]:
    """String constants worth mutating: those of module-level assignments (header names, paths) and of comparisons."""
    kept: Set[int] = set()
    for statement in tree.body:
        if isinstance(statement, (ast.Assign, ast.AnnAssign)):
            kept.update(id(node) for node in ast.walk(statement) if isinstance(node, ast.Constant))
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            kept.update(id(inner) for inner in [node.left, *node.comparators] if isinstance(inner, ast.Constant))
    return kept


def _changes(node: ast.AST, strings: Set[int]) -> Iterator[Tuple[str, Callable[[ast.AST], None]]]:
    """Each mutation of `node`: a description and a function that applies it to a copy of the node."""
    if isinstance(node, ast.Compare):
        for index, operator in enumerate(node.ops):
            other = COMPARISONS.get(type(operator))
            if other is not None:

                def swap(target: ast.AST, index: int = index, other: type = other) -> None:
                    target.ops[index] = other()  # type: ignore[attr-defined]

                yield f"`{SYMBOLS[type(operator)]}` -> `{SYMBOLS[other]}`", swap
    elif isinstance(node, ast.BoolOp):
        other = ast.Or if isinstance(node.op, ast.And) else ast.And

        def flip(target: ast.AST, other: type = other) -> None:
            target.op = other()  # type: ignore[attr-defined]

        yield f"`{SYMBOLS[type(node.op)]}` -> `{SYMBOLS[other]}`", flip
    elif isinstance(node, ast.BinOp) and type(node.op) in ARITHMETIC:
        other = ARITHMETIC[type(node.op)]

        def replace(target: ast.AST, other: type = other) -> None:
            target.op = other()  # type: ignore[attr-defined]

        yield f"`{SYMBOLS[type(node.op)]}` -> `{SYMBOLS[other]}`", replace
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        yield "drop `not`", _become(node.operand)
    elif isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool):
            yield f"`{value}` -> `{not value}`", _set_value(not value)
        elif isinstance(value, (int, float)):
            yield f"`{value!r}` -> `{value + 1!r}`", _set_value(value + 1)
        elif isinstance(value, str) and id(node) in strings:
            yield f"{value!r} -> {'XX' + value + 'XX'!r}", _set_value("XX" + value + "XX")
    elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        called = ast.unparse(node.value.func)
        if not called.startswith(QUIET_CALLS):
            yield f"delete `{called}(...)`", _become(ast.Pass())
    elif isinstance(node, ast.Return) and node.value is not None and not _is_none(node.value):
        yield "return None", lambda target: setattr(target, "value", ast.Constant(None))


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _become(replacement: ast.AST) -> Callable[[ast.AST], None]:
    def apply(target: ast.AST) -> None:
        target.__class__ = replacement.__class__
        target.__dict__.clear()
        target.__dict__.update(copy.deepcopy(replacement).__dict__)

    return apply


def _set_value(value: object) -> Callable[[ast.AST], None]:
    return lambda target: setattr(target, "value", value)


def _functions(tree: ast.Module) -> Dict[int, str]:
    """The qualified name of the function (or class, or module) each node is in."""
    names: Dict[int, str] = {}

    def visit(node: ast.AST, name: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = name
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                inner = f"{name}.{child.name}" if name != "<module>" else child.name
            names[id(child)] = inner
            visit(child, inner)

    visit(tree, "<module>")
    return names


def mutants_of(module: str) -> List[Mutant]:
    path, _ = MODULES[module]
    text = (ROOT / path).read_text(encoding="utf-8")
    lines = text.splitlines()
    tree = ast.parse(text)
    skipped, strings, functions = _skipped_nodes(tree), _module_level_strings(tree), _functions(tree)
    nodes = list(ast.walk(tree))
    found: List[Mutant] = []
    seen: Counter[Tuple[str, str, str]] = Counter()
    for index, node in enumerate(nodes):
        if id(node) in skipped:
            continue
        for description, apply in _changes(node, strings):
            mutated = copy.deepcopy(tree)
            apply(list(ast.walk(mutated))[index])
            line = getattr(node, "lineno", 0)
            code = lines[line - 1].strip() if line else ""
            function = functions.get(id(node), "<module>")
            # The same change twice on one line (two `False`s, say) is told apart by its rank.
            seen[(function, description, code)] += 1
            if seen[(function, description, code)] > 1:
                description += f" (#{seen[(function, description, code)]})"
            found.append(Mutant(module, path, line, function, description, code, ""))
            found[-1].source = ast.unparse(ast.fix_missing_locations(mutated))
    return found


# -- the mutations issue 14 names ------------------------------------------------------------------------------

# (name, file, text, replacement): each must be killed. They are applied as text, so that their wording follows the
# issue; a replacement that no longer finds its text is reported, to be updated with the code.
ISSUE_MUTATIONS: List[Tuple[str, str, str, str]] = [
    (
        "default timeout (10, 60) changed",
        "openapi_client/configuration.py",
        "timeout: TimeoutValue = (10.0, 60.0)",
        "timeout: TimeoutValue = (10.0, 30.0)",
    ),
    ("retries 3 -> 1", "openapi_client/retries.py", "DEFAULT_RETRIES = 3", "DEFAULT_RETRIES = 1"),
    ("back-off cap 30 -> 300", "openapi_client/retries.py", "backoff_max: float = 30.0", "backoff_max: float = 300.0"),
    ("renewal margin 0.2 -> 0.5", "openapi_client/auth.py", "MARGIN_SHARE = 0.2", "MARGIN_SHARE = 0.5"),
    ("renewal margin 60 -> 600 s", "openapi_client/auth.py", "MAX_MARGIN = 60.0", "MAX_MARGIN = 600.0"),
    (
        "X-Api-Key no longer redacted",
        "openapi_client/redaction.py",
        ', "x-api-key"})',
        "})",
    ),
    (
        "a changed host reusing the old token",
        "openapi_client/auth.py",
        "return (url, client_id, client_secret) == (self.url, self.client_id, self._client_secret)",
        "return (client_id, client_secret) == (self.client_id, self._client_secret)",
    ),
    (
        "a primary-key change never making schemaChange breaking",
        "openapi_client/testing/catalog_diff.py",
        "breaking = _key_change_breaks(configured, new_key)",
        "breaking = False",
    ),
    (
        # Airbyte lists every nested field, so removing a nested cursor's parent removes the cursor's own path too:
        # compared as whole paths, that removal is what breaks. Compared by its first name only, nothing would.
        "the parent of a nested cursor removed without a breaking change",
        "openapi_client/testing/catalog_diff.py",
        "if configured.sync_mode == INCREMENTAL and tuple(configured.cursor_field) == path:",
        "if configured.sync_mode == INCREMENTAL and tuple(configured.cursor_field) == path[:1]:",
    ),
    (
        "the alias catalogId renamed catalogID",
        "openapi_client/models/web_backend_connection_read.py",
        'alias="catalogId"',
        'alias="catalogID"',
    ),
    (
        "(beyond the issue) a request's alias sourceId renamed sourceID",
        "openapi_client/models/web_backend_connection_create.py",
        'alias="sourceId"',
        'alias="sourceID"',
    ),
]
ISSUE_TESTS = [
    "test_documented_values.py",
    "test_spec_oracle.py",
    "test_local_airbyte.py",
    "test_retries.py",
    "test_auth.py",
    "test_secrets.py",
]


# -- running them ----------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    survived: bool
    detail: str  # the first failing test, "timeout", or what went wrong
    seconds: float


def scratch_copy() -> Path:
    """A copy of the repository's files (as they are in the working tree), without the virtual environment."""
    target = Path(tempfile.mkdtemp(prefix="openapi-client-mutation-"))
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    for name in listed:
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def run_tests(workdir: Path, tests: Sequence[str], timeout: float) -> Outcome:
    started = time.monotonic()
    env = {**os.environ, "PYTHONPATH": str(workdir), "PYTHONDONTWRITEBYTECODE": "1"}
    files = [f"test/{name}" for name in tests if (workdir / "test" / name).is_file()]
    command = [sys.executable, "-m", "pytest", *PYTEST, *files]
    try:
        result = subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return Outcome(False, "timeout", time.monotonic() - started)
    seconds = time.monotonic() - started
    if result.returncode == 0:
        return Outcome(True, "", seconds)
    failed = re.search(r"^(?:FAILED|ERROR) (\S+)", result.stdout, re.MULTILINE)
    if failed:
        return Outcome(False, failed.group(1), seconds)
    last = (result.stdout.strip().splitlines() or result.stderr.strip().splitlines() or ["?"])[-1]
    return Outcome(False, f"exit {result.returncode}: {last[:100]}", seconds)


class Workers:
    """Scratch copies of the repository, one per mutant run at a time."""

    def __init__(self, count: int) -> None:
        self.free = [scratch_copy() for _ in range(count)]

    def run(self, path: str, source: str, tests: Sequence[str], timeout: float) -> Outcome:
        workdir = self.free.pop()
        target = workdir / path
        original = target.read_text(encoding="utf-8")
        try:
            target.write_text(source, encoding="utf-8")
            return run_tests(workdir, tests, timeout)
        finally:
            target.write_text(original, encoding="utf-8")
            self.free.append(workdir)

    def close(self) -> None:
        for workdir in self.free:
            shutil.rmtree(workdir, ignore_errors=True)


def documented_equivalents() -> Dict[Tuple[str, str, str, str], str]:
    """The survivors docs/development.md lists as equivalent, with the reason it gives."""
    if not DEVELOPMENT_DOC.is_file():
        return {}
    text = DEVELOPMENT_DOC.read_text(encoding="utf-8")
    return table_rows(text.split("### Surviving mutants", 1)[-1] if "### Surviving mutants" in text else "")


def table_rows(text: str) -> Dict[Tuple[str, str, str, str], str]:
    """The mutants of the table rows in `text` (a run's report, or docs/development.md), with their reasons."""
    rows: Dict[Tuple[str, str, str, str], str] = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        if len(cells) == 5 and cells[0] not in ("module", "") and not set(cells[0]) <= {"-", ":"}:
            module, function, description, code, reason = (_cell(cell) for cell in cells)
            rows[(module, function, description, code)] = reason
    return rows


def _cell(text: str) -> str:
    text = text.replace("\\|", "|")
    return text[3:-3] if text.startswith("`` ") and text.endswith(" ``") else text


def table_row(mutant: Mutant, reason: str) -> str:
    def code(text: str) -> str:
        return "`` " + text.replace("|", "\\|") + " ``"

    description = mutant.description.replace("|", "\\|")
    return f"| {mutant.module} | {mutant.function} | {description} | {code(mutant.code)} | {reason} |"


def run_modules(modules: Sequence[str], jobs: int, timeout: float, only: Optional[Set[Tuple[str, ...]]]) -> int:
    equivalents = documented_equivalents()
    mutants = [m for module in modules for m in mutants_of(module) if only is None or m.key in only]
    print(f"{len(mutants)} mutants of {', '.join(modules)}; {jobs} at a time", flush=True)
    workers = Workers(jobs)
    survivors: List[Mutant] = []
    killed: Dict[str, int] = {module: 0 for module in modules}
    total: Dict[str, int] = {module: 0 for module in modules}
    try:
        baseline = {m: run_tests(workers.free[0], MODULES[m][1], timeout * 4) for m in modules}
        broken = {m: o.detail for m, o in baseline.items() if not o.survived}
        if broken:
            print(f"The tests fail without any mutant: {broken}")
            return 2

        def one(mutant: Mutant) -> Tuple[Mutant, Outcome]:
            limit = max(timeout, 5 * baseline[mutant.module].seconds)
            return mutant, workers.run(mutant.path, mutant.source, MODULES[mutant.module][1], limit)

        with ThreadPoolExecutor(jobs) as pool:
            for number, (mutant, outcome) in enumerate(pool.map(one, mutants), 1):
                total[mutant.module] += 1
                state = "SURVIVED" if outcome.survived else f"killed by {outcome.detail}"
                where = f"{mutant.path}:{mutant.line}"
                print(f"[{number}/{len(mutants)}] {where} {mutant.description}: {state}", flush=True)
                if outcome.survived:
                    survivors.append(mutant)
                else:
                    killed[mutant.module] += 1
    finally:
        workers.close()

    print("\nScore (killed / mutants):")
    for module in modules:
        share = killed[module] / total[module] if total[module] else 1.0
        print(f"  {module:<13} {killed[module]:>4} / {total[module]:<4} {share:.1%}")
    all_killed, all_total = sum(killed.values()), sum(total.values())
    print(f"  {'all':<13} {all_killed:>4} / {all_total:<4} {all_killed / max(all_total, 1):.1%}")
    new = [m for m in survivors if m.key not in equivalents]
    if survivors:
        listed = len(survivors) - len(new)
        print(f"\n{len(survivors)} survivors, {listed} of them listed as equivalent in docs/development.md")
    for mutant in survivors:
        reason = equivalents.get(mutant.key)
        print(table_row(mutant, reason or "NEW: kill it with a test, or say why it is equivalent"))
    return 1 if new else 0


def run_issue_mutations(timeout: float) -> int:
    workers = Workers(1)
    missing = survived = 0
    try:
        for name, path, text, replacement in ISSUE_MUTATIONS:
            original = (ROOT / path).read_text(encoding="utf-8")
            if original.count(text) != 1:
                print(f"- {name}: {path} no longer has `{text}` once; update the mutation")
                missing += 1
                continue
            outcome = workers.run(path, original.replace(text, replacement), ISSUE_TESTS, timeout)
            survived += outcome.survived
            print(f"- {name}: {'SURVIVED' if outcome.survived else 'killed by ' + outcome.detail}", flush=True)
    finally:
        workers.close()
    return 1 if missing or survived else 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--module", action="append", choices=sorted(MODULES), help="a module to mutate (repeatable)")
    parser.add_argument("--only", type=Path, help="only the mutants listed in this file (a run's report)")
    parser.add_argument("--issue", action="store_true", help="the mutations issue 14 names")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at a time (default 2)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a mutant's tests may take at least")
    options = parser.parse_args(argv)
    if options.issue:
        return run_issue_mutations(options.timeout)
    modules = options.module or list(MODULES)
    if options.list:
        for module in modules:
            for mutant in mutants_of(module):
                print(f"{mutant.path}:{mutant.line} [{mutant.function}] {mutant.description}: {mutant.code}")
        return 0
    only = set(table_rows(options.only.read_text(encoding="utf-8"))) if options.only else None
    return run_modules(modules, options.jobs, options.timeout, only)


if __name__ == "__main__":
    sys.exit(main())
