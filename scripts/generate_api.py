"""Write `openapi_client/api/web_backend_api.py` from the spec and the table below of what the spec does not say.

    python scripts/generate_api.py           # rewrite the module
    python scripts/generate_api.py --check   # exit 1 if the module is not what this script writes

Each operation becomes three plain methods (the call, `_with_http_info`, `_without_preload_content`) with the
generator's explicit signature and a docstring of its own, so that `help()`, `inspect.signature`, autospec
mocks, IDEs, jedi, mypy and pyright all see them as they see the stock client's. Their bodies only hand the
call to `ApiClient.invoke`, the one request path. Beside the list operation the class gets one method of ours,
`iter_connections_for_workspace`, written the same way (its work is done in `openapi_client/connection_pages.py`).
`test/test_generated_api.py` runs `--check` in CI.
Needs PyYAML and ruff (both in the `test` extra).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional

import yaml

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "webbackend.yaml"
TARGET = ROOT / "openapi_client" / "api" / "web_backend_api.py"
WIDTH = 112
# The indentation of a method's body, and of its docstring.
INDENT = " " * 8


@dataclass(frozen=True)
class Known:
    """What the spec does not say about an operation."""

    # Whether a call only reads, and so may be sent again after a failure in the middle of it.
    read_only: bool
    # For an operation that only reads with some bodies: a Python expression of `body` that says so.
    read_only_when: Optional[str] = None
    # Said in the docstring after the spec's summary and description.
    note: str = ""
    # A function of `openapi_client.connection_pages` that looks at each parsed answer with its request body.
    check_answer: Optional[str] = None


TABLE: Dict[str, Known] = {
    "get_state_type": Known(read_only=True),
    "web_backend_check_updates": Known(read_only=True),
    "web_backend_create_connection": Known(read_only=False),
    # Airbyte's handler runs a schema discovery and stores its result when `withRefreshedCatalog` is set.
    "web_backend_get_connection": Known(
        read_only=False,
        read_only_when="not body.with_refreshed_catalog",
        note="With `with_refreshed_catalog=True` the server discovers the source's schema first (and stores it), "
        "which can take minutes: give such a call a longer read timeout with `_request_timeout`.",
    ),
    "web_backend_get_workspace_state": Known(read_only=True),
    "web_backend_list_connections_for_workspace": Known(
        read_only=True,
        note="A server since 2025-07 answers one page (20 connections unless the body asks for more); the call and "
        "its `_with_http_info` twin then warn (`IncompleteListWarning`) when the answer says that more match. "
        "`iter_connections_for_workspace` lists every connection, on every server.",
        check_answer="warn_if_incomplete",
    ),
    "web_backend_list_geographies": Known(read_only=True),
    "web_backend_update_connection": Known(
        read_only=False,
        note="Only the fields set on the body are sent, so only they change.",
    ),
}


@dataclass(frozen=True)
class Option:
    """A per-call option that every operation and variant takes, after the body."""

    name: str
    annotation: str
    default: str
    type_text: str
    meaning: str


OPTIONS = (
    Option(
        "_request_timeout",
        "TimeoutValue",
        "None",
        "float, tuple(float, float) or urllib3.Timeout, optional",
        "seconds for the whole call, its retries included, or a (connect, read) pair of seconds (each attempt "
        "connects within `connect` and is answered within `read`); without it, `Configuration.timeout` applies.",
    ),
    Option(
        "_request_auth",
        "Optional[Dict[str, Any]]",
        "None",
        "dict, optional",
        "credentials for this call only, in place of the configured ones: a dict with the keys `in` (`header`, "
        "`cookie` or `query`), `type`, `key` (the header's, cookie's or query parameter's name) and `value`.",
    ),
    Option(
        "_content_type",
        "Optional[str]",
        "None",
        "str, optional",
        "the `Content-Type` of the body, which must be a JSON type (default `application/json`).",
    ),
    Option("_headers", "Optional[Dict[str, Any]]", "None", "dict, optional", "more headers for this call."),
    Option(
        "_host_index",
        "int",
        "0",
        "int, optional",
        "which of the operation's servers to call; it declares none of its own, so 0, `Configuration.host`, "
        "is the only one.",
    ),
)

VARIANTS = (
    ("", "data"),
    ("_with_http_info", "http_info"),
    ("_without_preload_content", "raw"),
)

ERROR_EXCEPTIONS = {
    400: "BadRequestException",
    401: "UnauthorizedException",
    403: "ForbiddenException",
    404: "NotFoundException",
    409: "ConflictException",
    422: "UnprocessableEntityException",
}


def snake_case(name: str) -> str:
    """`webBackendGetConnection` -> `web_backend_get_connection`, the way the generator spells names."""
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


@dataclass(frozen=True)
class Operation:
    """An operation as the spec declares it, with what the table adds."""

    name: str
    path: str
    summary: str
    description: str
    body_class: Optional[str]
    body_required: bool
    response_class: str
    errors: Dict[int, str]
    known: Known

    @property
    def body_parameter(self) -> Optional[str]:
        return snake_case(self.body_class) if self.body_class else None

    @property
    def constant(self) -> str:
        return self.name.upper()


def _ref_name(schema: Mapping[str, Any]) -> str:
    ref: str = schema["$ref"]
    return ref.rsplit("/", 1)[-1]


def _json_schema(spec: Mapping[str, Any], reply: Mapping[str, Any]) -> str:
    if "$ref" in reply:
        reply = spec["components"]["responses"][_ref_name(reply)]
    return _ref_name(reply["content"]["application/json"]["schema"])


def read_operations(spec: Mapping[str, Any]) -> List[Operation]:
    """The spec's operations, by name, each with its entry of `TABLE`."""
    operations = []
    for path, item in spec["paths"].items():
        if set(item) != {"post"}:
            raise SystemExit(f"{path}: every operation of this API is a POST")
        post = item["post"]
        name = snake_case(post["operationId"])
        if name not in TABLE:
            raise SystemExit(f"{name}: add it to TABLE in {Path(__file__).name} (is it read-only?)")
        body = post.get("requestBody")
        responses = post["responses"]
        operations.append(
            Operation(
                name=name,
                path=path,
                summary=post.get("summary", ""),
                description=post.get("description", ""),
                body_class=_ref_name(body["content"]["application/json"]["schema"]) if body else None,
                body_required=bool(body and body.get("required", False)),
                response_class=_json_schema(spec, responses["200"]),
                errors={
                    int(status): _json_schema(spec, reply) for status, reply in responses.items() if status != "200"
                },
                known=TABLE[name],
            )
        )
    unknown = set(TABLE) - {operation.name for operation in operations}
    if unknown:
        raise SystemExit(f"TABLE names operations the spec does not have: {sorted(unknown)}")
    return sorted(operations, key=lambda operation: operation.name)


def error_schemas(spec: Mapping[str, Any], operations: List[Operation]) -> List[str]:
    """Every error body the spec declares, the one with the most required fields first (the most specific)."""
    names = {schema for operation in operations for schema in operation.errors.values()}
    schemas = spec["components"]["schemas"]
    return sorted(names, key=lambda name: (-len(schemas[name].get("required", [])), name))


# -- writing ---------------------------------------------------------------------------------------------


def _paragraphs(text: str, indent: str) -> List[str]:
    """`text` (the spec's, whose line breaks are not meaningful) as wrapped lines."""
    words = " ".join(text.split())
    if not words:
        return []
    return textwrap.wrap(words, WIDTH - len(indent), break_long_words=False, break_on_hyphens=False)


def _field_lines(tag: str, text: str, indent: str) -> List[str]:
    return textwrap.wrap(
        f"{tag} {text}", WIDTH - len(indent), subsequent_indent="    ", break_long_words=False, break_on_hyphens=False
    )


def docstring(operation: Operation, variant: str, indent: str) -> List[str]:
    """The generator's docstring: summary, description, each parameter and its type, what it returns."""
    lines = _paragraphs(operation.summary, indent)
    for paragraph in (operation.description, operation.known.note):
        wrapped = _paragraphs(paragraph, indent)
        if wrapped:
            lines += ["", *wrapped]
    lines.append("")
    body = operation.body_parameter
    if body:
        required = "(required)" if operation.body_required else "(optional)"
        lines += _field_lines(
            f":param {body}:", f"the request body: a {operation.body_class}, or a dict of its fields {required}", indent
        )
        lines += _field_lines(f":type {body}:", operation.body_class or "", indent)
    lines += _option_lines(indent)
    model = operation.response_class
    if variant == "data":
        returns, rtype = f"the parsed {model}.", model
    elif variant == "http_info":
        returns = f"an ApiResponse: the status, the headers, the parsed {model} as `data` and the body's bytes."
        rtype = f"ApiResponse[{model}]"
    else:
        returns = "the urllib3 response, its body unread and its status not checked; read it or release its connection."
        rtype = "urllib3.HTTPResponse"
    lines += _field_lines(":return:", returns, indent)
    lines += _field_lines(":rtype:", rtype, indent)
    if variant != "raw":
        for status, schema in sorted(operation.errors.items()):
            exception = ERROR_EXCEPTIONS.get(status, "ApiException")
            lines += _field_lines(f":raises {exception}:", f"on a {status} answer; its `data` is the {schema}.", indent)
        other = "any other" if operation.errors else "an"
        lines += _field_lines(":raises ApiException:", f"on {other} error status (`ServiceException` for 5xx).", indent)
    return lines


def _option_lines(indent: str) -> List[str]:
    lines: List[str] = []
    for option in OPTIONS:
        lines += _field_lines(f":param {option.name}:", option.meaning, indent)
        lines += _field_lines(f":type {option.name}:", option.type_text, indent)
    return lines


def _function(name: str, parameters: List[str], returns: str, doc_lines: List[str], call: str) -> str:
    """A method taking `parameters` and then the per-call options, which returns `call` (given the options as
    `{options}`)."""
    parameters = ["self", *parameters, *(f"{o.name}: {o.annotation} = {o.default}" for o in OPTIONS)]
    options = "".join(f"{option.name}={option.name}, " for option in OPTIONS)
    doc = "\n".join(f"{INDENT}{line}" if line else "" for line in doc_lines)
    return (
        f"    def {name}({', '.join(parameters)}) -> {returns}:\n"
        f'        """{doc.lstrip()}\n        """\n'
        f"        return {call.format(options=options)}\n"
    )


def method(operation: Operation, suffix: str, variant: str) -> str:
    parameters = []
    body = operation.body_parameter
    if body:
        annotation = f"Union[{operation.body_class}, Dict[str, Any]]"
        if operation.body_required:
            parameters.append(f"{body}: {annotation}")
        else:
            parameters.append(f"{body}: Optional[{annotation}] = None")
    returns = {
        "data": operation.response_class,
        "http_info": f"ApiResponse[{operation.response_class}]",
        "raw": "RESTResponseType",
    }[variant]
    call = f"self.api_client.invoke({operation.constant}, {body or 'None'}, {variant!r}, {{options}})"
    return _function(operation.name + suffix, parameters, returns, docstring(operation, variant, INDENT), call)


def declaration(operation: Operation) -> str:
    known = operation.known
    errors = ", ".join(f"{status}: {schema}" for status, schema in sorted(operation.errors.items()))
    fields = [
        f"name={operation.name!r}",
        f"path={operation.path!r}",
        f"body_parameter={operation.body_parameter!r}",
        f"body_required={operation.body_required}",
        f"request_type={operation.body_class}",
        f"response_type={operation.response_class}",
        f"error_types={{{errors}}}",
        f"read_only={known.read_only}",
    ]
    if known.read_only_when:
        fields.append(f"read_only_when=lambda body: {known.read_only_when}")
    fields.append("error_schemas=ERROR_SCHEMAS")
    if known.check_answer:
        fields.append(f"check_answer={known.check_answer}")
    return f"{operation.constant} = OperationSpec({', '.join(fields)})\n"


HEADER = '''"""The eight web_backend operations, each with its `_with_http_info` and `_without_preload_content` twins,
and `iter_connections_for_workspace`, which lists every connection of a workspace page by page.

Written by `scripts/generate_api.py` from `spec/webbackend.yaml` and the script's table of what the spec does not
say (which operations only read); do not edit it by hand, run the script. Every operation hands its call to
`ApiClient.invoke` with the operation's declaration below.
"""

from __future__ import annotations

from typing import Any, Dict, Iterator, Optional, Union

from openapi_client.api_client import ApiClient
from openapi_client.api_response import ApiResponse
from openapi_client.configuration import TimeoutValue
'''

# Ours, beside the spec's operations: every connection of a workspace, page by page, on any server.
PAGING_HELPER = "iter_connections_for_workspace"
PAGED_OPERATION = "web_backend_list_connections_for_workspace"
PAGING_DOC = (
    "Every connection of the workspace, each once, in the order the server lists them.",
    "A server since 2025-07 answers `web_backend_list_connections_for_workspace` with one page: this asks for pages "
    "of `page_size` connections, each after the last connection of the page before (`cursor`), with the body's "
    "`source_id`/`destination_id` filters and any fields added with `with_extra_fields` (`sortKey`, `filters`) on "
    "every page, until a page is short or empty. Older servers answer every connection at once: those from 2023 "
    "until 2025-07 ignore `cursor` and `pageSize` (one call), Jersey servers of 2022 refuse them (a 422, then one "
    "call without them). Each page is one call with this call's options, retried as a read. The body and "
    "`page_size` are checked now; the calls are made as the connections are taken.",
)


def paging_helper(operation: Operation) -> str:
    """`iter_connections_for_workspace`: the list operation's body and options, and `page_size`."""
    lines = [*_paragraphs(PAGING_DOC[0], INDENT), "", *_paragraphs(PAGING_DOC[1], INDENT), ""]
    body = f"the request body: a {operation.body_class}, or a dict of its fields"
    lines += _field_lines(":param body:", body, INDENT)
    lines += _field_lines(":type body:", operation.body_class or "", INDENT)
    lines += _field_lines(":param page_size:", "connections per page (1 or more); a server may answer fewer.", INDENT)
    lines += _field_lines(":type page_size:", "int, optional", INDENT)
    lines += _option_lines(INDENT)
    lines += _field_lines(":return:", "the connections, as the pages come.", INDENT)
    lines += _field_lines(":rtype:", "Iterator[WebBackendConnectionListItem]", INDENT)
    raises = (
        "when a full page brings only connections already listed (the server does not page by `cursor`), after "
        "the connections listed before it."
    )
    lines += _field_lines(":raises PagingError:", raises, INDENT)
    lines += _field_lines(":raises ApiException:", f"as `{operation.name}` raises it.", INDENT)
    parameters = [f"body: Union[{operation.body_class}, Dict[str, Any]]", "page_size: int = 100"]
    call = f"iter_connections(self.api_client, {operation.constant}, body, page_size, {{options}})"
    return _function(PAGING_HELPER, parameters, "Iterator[WebBackendConnectionListItem]", lines, call)


def render(spec: Mapping[str, Any]) -> str:
    """The module's text, formatted as `ruff format` formats the package."""
    operations = read_operations(spec)
    errors = error_schemas(spec, operations)
    classes = sorted(
        {operation.response_class for operation in operations}
        | {operation.body_class for operation in operations if operation.body_class}
        | set(errors)
        | {"WebBackendConnectionListItem"}  # what the paging helper yields
    )
    imports = "".join(f"from openapi_client.models.{snake_case(name)} import {name}\n" for name in classes)
    checks = sorted({operation.known.check_answer for operation in operations if operation.known.check_answer})
    parts = [
        HEADER,
        f"from openapi_client.connection_pages import {', '.join(['iter_connections', *checks])}\n",
        imports,
        "from openapi_client.operations import OperationSpec\n",
        "from openapi_client.rest import RESTResponseType\n\n",
        "# Tried in turn on an error answer whose status declares no body (or whose body is another one).\n",
        f"ERROR_SCHEMAS = ({', '.join(errors)},)\n\n",
        *(declaration(operation) for operation in operations),
        f"\nOPERATIONS = ({', '.join(operation.constant for operation in operations)},)\n\n\n",
        "class WebBackendApi:\n",
        '    """Operations of the `web_backend` tag (every one a POST with a JSON body), and our\n',
        '    `iter_connections_for_workspace`."""\n\n',
        "    def __init__(self, api_client: Optional[ApiClient] = None) -> None:\n",
        "        self.api_client = ApiClient.get_default() if api_client is None else api_client\n",
    ]
    for operation in operations:
        for suffix, variant in VARIANTS:
            parts.append("\n" + method(operation, suffix, variant))
        if operation.name == PAGED_OPERATION:
            parts.append("\n" + paging_helper(operation))
    return _formatted("".join(parts))


def _formatted(source: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--stdin-filename", str(TARGET), "-"],
        input=source,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"ruff format failed: {result.stderr}")
    return result.stdout


def load_spec(path: Path = SPEC) -> Dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        spec: Dict[str, Any] = yaml.safe_load(handle)
    return spec


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the module differs from what is written")
    arguments = parser.parse_args(argv)
    text = render(load_spec())
    if arguments.check:
        if TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run python scripts/generate_api.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
