"""The docs: `docs/WebBackendApi.md` says what the spec says and its examples run; every model has a
page that lists exactly its fields."""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple
from uuid import UUID

import pytest
from samples import connection_list_item, connection_read, invalid_input, not_found
from scripted_server import Reply, ScriptedServer
from spec_strategies import load_spec

import openapi_client
from openapi_client import WebBackendApi, models
from openapi_client.models.base import ApiEnum, ApiModel
from openapi_client.operations import Operation

DOCS = Path(__file__).resolve().parents[1] / "docs"
API_DOC = DOCS / "WebBackendApi.md"
# The examples name this host; the tests run them against a local server instead.
EXAMPLE_HOST = "http://localhost:8000/api"

# -- reading generator-style markdown --------------------------------------------------------------------

METHOD_ROW = re.compile(r"^\[\*\*(\w+)\*\*\]\([^)]*\) \| \*\*(\w+)\*\* (\S+) \| (.*)$")
METHOD_HEADING = re.compile(r"^# \*\*(\w+)\*\*$", re.MULTILINE)
SIGNATURE = re.compile(r"^> (.+)$", re.MULTILINE)
HEADER_LINE = re.compile(r"^ - \*\*([\w-]+)\*\*: (.+)$")
STATUS_ROW = re.compile(r"^\*\*(\d{3})\*\* \| (.*?) \|")
# Link text may hold one level of brackets: `[**List[SyncMode]**](SyncMode.md)`.
LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\(([^)]*)\)")
CODE_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def plain(cell: str) -> str:
    """A table cell without links, bold, code marks and HTML escapes, its whitespace collapsed."""
    text = LINK.sub(r"\1", cell).replace("**", "").replace("`", "").replace("\\|", "|")
    return " ".join(html.unescape(text).split())


def split_row(line: str) -> List[str]:
    cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())]
    return cells[1:] if line.strip().startswith("|") else cells


def table_rows(lines: List[str]) -> List[List[str]]:
    """The body rows of the first markdown table in `lines` (its header dropped), as lists of raw cells."""
    rows: List[List[str]] = []
    for line in lines:
        if "|" not in line:
            if rows:
                break
            continue
        cells = split_row(line)
        if all(set(cell) <= {"-", ":"} for cell in cells):
            continue
        rows.append(cells)
    return rows[1:]


def section(text: str, heading: str) -> List[str]:
    """The lines under `heading` (e.g. `### Parameters`), up to the next heading of its level or above."""
    lines = text.splitlines()
    if heading not in lines:
        return []
    start = lines.index(heading) + 1
    level = len(heading) - len(heading.lstrip("#"))
    ends = re.compile(rf"^#{{1,{level}}} ")
    in_code = False
    for index in range(start, len(lines)):
        if lines[index].startswith("```"):
            in_code = not in_code
        elif not in_code and ends.match(lines[index]):
            return lines[start:index]
    return lines[start:]


@dataclass
class MethodDoc:
    """What an API doc says of one method."""

    http: str
    description: str
    signature: str
    parameters: List[Tuple[str, str, bool]]
    return_type: str
    headers: Dict[str, str]
    statuses: List[Tuple[str, str]]
    # The paragraphs before the first subsection; ours may add to the spec's.
    intro: List[str] = field(compare=False, default_factory=list)


def parse_api_doc(text: str) -> Tuple[List[str], Dict[str, MethodDoc]]:
    """The method names in the order of the method table, and what each method's section says."""
    table: Dict[str, Tuple[str, str]] = {}
    for line in text.splitlines():
        match = METHOD_ROW.match(line)
        if match:
            name, verb, path, description = match.groups()
            table[name] = (f"{verb} {path}", plain(description))
    sections = METHOD_HEADING.split(text)[1:]
    methods = {}
    for name, body in zip(sections[::2], sections[1::2]):
        http, description = table.get(name, ("", ""))
        methods[name] = MethodDoc(
            http=http,
            description=description,
            signature=_signature(body),
            parameters=_parameters(body),
            return_type=next((plain(line) for line in section(body, "### Return type") if line.strip()), ""),
            headers=dict(m.groups() for m in map(HEADER_LINE.match, section(body, "### HTTP request headers")) if m),
            statuses=[
                (m.group(1), plain(m.group(2)))
                for m in map(STATUS_ROW.match, section(body, "### HTTP response details"))
                if m
            ],
            intro=_intro(body),
        )
    return list(table), methods


def _signature(text: str) -> str:
    match = SIGNATURE.search(text)
    return match.group(1).strip() if match else ""


def _intro(text: str) -> List[str]:
    before = re.split(r"^### ", SIGNATURE.split(text, maxsplit=1)[-1], maxsplit=1, flags=re.MULTILINE)[0]
    return [plain(paragraph) for paragraph in before.split("\n\n") if paragraph.strip()]


def _parameters(text: str) -> List[Tuple[str, str, bool]]:
    rows = table_rows(section(text, "### Parameters"))
    return [(plain(row[0]), plain(row[1]), "[optional]" in (row[3] if len(row) > 3 else "")) for row in rows]


@pytest.fixture(scope="module")
def our_doc() -> Tuple[List[str], Dict[str, MethodDoc]]:
    return parse_api_doc(API_DOC.read_text(encoding="utf-8"))


def snake_case(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def expected_api_doc(spec: Dict[str, Any]) -> Tuple[List[str], Dict[str, MethodDoc]]:
    """What the generator's doc of `WebBackendApi` says of each operation, derived from the spec itself: the
    methods in the generator's (alphabetical) order, and for each its request, parameter, answer and statuses."""
    methods: Dict[str, MethodDoc] = {}
    for path, verbs in spec["paths"].items():
        for verb, op in verbs.items():
            name = snake_case(op["operationId"])
            request = op.get("requestBody")
            parameters = []
            if request is not None:
                body_type = request["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
                parameters = [(snake_case(body_type), body_type, not request.get("required", False))]
            answer = op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
            arguments = ", ".join(p if not optional else f"{p}={p}" for p, _, optional in parameters)
            statuses = []
            for code, response in op["responses"].items():
                if "$ref" in response:
                    response = spec["components"]["responses"][response["$ref"].rsplit("/", 1)[-1]]
                statuses.append((code, plain(response["description"])))
            summary = plain(op.get("summary", ""))
            methods[name] = MethodDoc(
                http=f"{verb.upper()} {path}",
                description=summary,
                signature=f"{answer} {name}({arguments})",
                parameters=parameters,
                return_type=answer,
                headers={
                    "Content-Type": "application/json" if request is not None else "Not defined",
                    "Accept": "application/json",
                },
                statuses=statuses,
                intro=[p for p in (summary, plain(op.get("description", ""))) if p],
            )
    order = sorted(methods)
    return order, {name: methods[name] for name in order}


def test_the_api_doc_says_what_the_spec_says(spec_dir: Path, our_doc: Tuple[List[str], Dict[str, MethodDoc]]) -> None:
    expected_order, expected = expected_api_doc(load_spec(spec_dir))
    order, ours = our_doc
    assert len(expected) == 8
    assert order == expected_order
    assert list(ours) == list(expected)
    for name, method in expected.items():
        assert ours[name] == method, name
        assert set(method.intro) <= set(ours[name].intro), name


def test_the_api_doc_describes_the_operations_the_client_declares(
    our_doc: Tuple[List[str], Dict[str, MethodDoc]],
) -> None:
    order, docs = our_doc
    declared = {name: op.spec for name, op in vars(WebBackendApi).items() if isinstance(op, Operation)}
    assert set(order) == {spec.name for spec in declared.values()}
    for name in order:
        spec, doc = declared[name], docs[name]
        assert doc.http == f"POST {spec.path}", name
        if spec.body_parameter:
            assert doc.parameters == [(spec.body_parameter, spec.request_type.__name__, not spec.body_required)], name
        else:
            assert doc.parameters == [], name
        assert doc.return_type == spec.response_type.__name__, name
        assert [int(code) for code, _ in doc.statuses] == [200, *sorted(spec.error_types)], name
        assert doc.headers["Content-Type"] == ("application/json" if spec.body_parameter else "Not defined"), name


def test_every_python_block_of_the_api_doc_compiles() -> None:
    blocks = CODE_BLOCK.findall(API_DOC.read_text(encoding="utf-8"))
    assert len(blocks) >= 8
    for number, block in enumerate(blocks, 1):
        compile(block, f"{API_DOC.name} block {number}", "exec")


# -- the examples, run against a local server ------------------------------------------------------------

ANSWERS: Dict[str, Any] = {
    "ConnectionStateType": "stream",
    "WebBackendCheckUpdatesRead": {"destinationDefinitions": 1, "sourceDefinitions": 3},
    "WebBackendConnectionRead": connection_read(),
    "WebBackendConnectionReadList": {"connections": [connection_list_item()]},
    "WebBackendGeographiesListResult": {"geographies": ["auto", "us", "eu"]},
    "WebBackendWorkspaceStateResult": {"hasConnections": True, "hasSources": True, "hasDestinations": False},
}


def operation_specs() -> List[Any]:
    return [op.spec for op in vars(WebBackendApi).values() if isinstance(op, Operation) and op.variant == "data"]


def method_examples() -> Dict[str, str]:
    """The first python block of each method's section: its example."""
    sections = METHOD_HEADING.split(API_DOC.read_text(encoding="utf-8"))[1:]
    examples = {}
    for name, body in zip(sections[::2], sections[1::2]):
        blocks = CODE_BLOCK.findall(body)
        if blocks:
            examples[name] = blocks[0]
    return examples


def run_example(code: str, server: ScriptedServer) -> Tuple[Dict[str, Any], str]:
    """Run an example against `server`; what it defined and what it printed."""
    assert EXAMPLE_HOST in code
    namespace: Dict[str, Any] = {"__name__": "__example__"}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code.replace(EXAMPLE_HOST, server.url), API_DOC.name, "exec"), namespace)
    return namespace, printed.getvalue()


@pytest.fixture
def answering_server(server: ScriptedServer) -> ScriptedServer:
    for spec in operation_specs():
        server.always(spec.path, Reply(body=json.dumps(ANSWERS[spec.response_type.__name__])))
    return server


def test_each_method_has_an_example_that_calls_it_and_gets_its_model(answering_server: ScriptedServer) -> None:
    examples = method_examples()
    assert set(examples) == {spec.name for spec in operation_specs()}
    for spec in operation_specs():
        before = len(answering_server.received)
        namespace, _ = run_example(examples[spec.name], answering_server)
        paths = [request.path for request in answering_server.received[before:]]
        assert spec.path in paths, spec.name
        results = [value for value in namespace.values() if isinstance(value, spec.response_type)]
        assert results, f"the example of {spec.name} kept no {spec.response_type.__name__}"


@pytest.mark.parametrize(("status", "body"), [(404, not_found()), (422, invalid_input())])
def test_each_example_handles_the_errors_its_method_declares(server: ScriptedServer, status: int, body: Any) -> None:
    examples = method_examples()
    declaring = [spec for spec in operation_specs() if status in spec.error_types]
    assert declaring
    for spec in declaring:
        server.reset()
        server.always(spec.path, Reply(status=status, body=json.dumps(body)))
        _, printed = run_example(examples[spec.name], server)
        assert body["message"] in printed, f"the example of {spec.name} does not report a {status}"


def test_every_python_block_of_the_api_doc_runs(answering_server: ScriptedServer) -> None:
    for block in CODE_BLOCK.findall(API_DOC.read_text(encoding="utf-8")):
        if EXAMPLE_HOST in block:
            run_example(block, answering_server)


# -- model pages -----------------------------------------------------------------------------------------


def type_text(annotation: Any) -> str:
    """How a model page names a field's type: `List[SyncMode]`, `Dict[str, Any]`, `UUID`..."""
    arguments = [a for a in typing.get_args(annotation) if a is not type(None)]
    origin = typing.get_origin(annotation)
    if origin is typing.Union and len(arguments) == 1:
        return type_text(arguments[0])
    if origin is typing.Annotated:
        return type_text(arguments[0])
    if origin is list:
        return f"List[{type_text(arguments[0])}]"
    if origin is dict:
        return "Dict[str, Any]"
    named = {UUID: "UUID", date: "date", datetime: "datetime"}
    return named.get(annotation) or getattr(annotation, "__name__", repr(annotation))


def page(name: str) -> str:
    path = DOCS / f"{name}.md"
    assert path.is_file(), f"docs/{name}.md is missing"
    return path.read_text(encoding="utf-8")


def properties(text: str) -> List[Dict[str, str]]:
    lines = section(text, "## Properties")
    header = next(line for line in lines if line.startswith("Name |"))
    columns = [plain(cell) for cell in split_row(header)]
    return [dict(zip(columns, map(plain, row))) for row in table_rows(lines)]


@pytest.mark.parametrize("name", models.model_names())
def test_every_model_page_lists_exactly_its_fields(name: str) -> None:
    model = getattr(openapi_client, name)
    text = page(name)
    assert text.startswith(f"# {name}\n")
    assert f"from openapi_client.models.{models.module_name(name)} import {name}" in text
    if issubclass(model, ApiEnum):
        values = table_rows(section(text, "## Values"))
        assert [(plain(member), plain(value)) for member, value in values] == [(m.name, m.value) for m in model]
        return
    assert issubclass(model, ApiModel)
    rows = properties(text)
    assert [row["Name"] for row in rows] == list(model.model_fields)
    for row, (field_name, info) in zip(rows, model.model_fields.items()):
        assert row["JSON name"] == info.alias, field_name
        assert row["Type"] == type_text(info.annotation), field_name
        assert row["Notes"].split()[0] == ("required" if info.is_required() else "[optional]"), field_name
        assert plain(info.description or "") in row["Description"], field_name


@pytest.mark.parametrize("name", models.model_names())
def test_every_model_page_example_runs(name: str) -> None:
    blocks = CODE_BLOCK.findall(page(name))
    assert blocks, f"docs/{name}.md has no example"
    for block in blocks:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(block, f"{name}.md", "exec"), {"__name__": "__example__"})


def doc_links() -> Iterator[Tuple[Path, str]]:
    for path in sorted(DOCS.glob("*.md")):
        for _, target in LINK.findall(path.read_text(encoding="utf-8")):
            yield path, target


def test_links_between_the_docs_lead_to_pages_that_exist() -> None:
    broken = []
    for path, target in doc_links():
        file_part = target.split("#", 1)[0]
        if file_part and "://" not in file_part and not (path.parent / file_part).exists():
            broken.append(f"{path.name} -> {target}")
    assert not broken, broken


def test_the_index_links_every_model_page() -> None:
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    linked = {Path(target).stem for _, target in LINK.findall(index) if target.endswith(".md")}
    assert set(models.model_names()) <= linked
    assert "WebBackendApi" in linked


def inline_enum_of(model: type, field_name: str) -> Optional[type]:
    annotation = model.model_fields[field_name].annotation
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, ApiEnum) and candidate.__module__ == model.__module__:
            return candidate
    return None


@pytest.mark.parametrize("name", [n for n in models.model_names() if issubclass(getattr(openapi_client, n), ApiModel)])
def test_inline_enums_are_listed_on_their_models_page(name: str) -> None:
    model = getattr(openapi_client, name)
    text = page(name)
    for field_name in model.model_fields:
        enum = inline_enum_of(model, field_name)
        if enum is None:
            continue
        rows = table_rows(section(text, f"### {enum.__name__}"))
        assert [(plain(a), plain(b)) for a, b in rows] == [(m.name, m.value) for m in enum], enum.__name__
