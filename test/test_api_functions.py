"""`WebBackendApi`'s operations are plain functions, as the generator's are: `inspect`, `help()`, autospec mocks
and the module's own source all see them as they see the stock client's."""

from __future__ import annotations

import inspect
import pydoc
import types
import typing
from pathlib import Path
from typing import Any, Iterator, List
from unittest import mock

import pytest
import repository_scripts
import urllib3
from samples import CONNECTION_ID, connection_read
from scripted_server import Reply, ScriptedServer

import openapi_client
from openapi_client import ApiResponse, WebBackendApi
from openapi_client.api.web_backend_api import OPERATIONS
from openapi_client.models.web_backend_connection_read import WebBackendConnectionRead
from openapi_client.models.web_backend_connection_request_body import WebBackendConnectionRequestBody
from openapi_client.models.web_backend_connection_update import WebBackendConnectionUpdate

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = ("", "_with_http_info", "_without_preload_content")
METHOD_NAMES = [operation.name + suffix for operation in OPERATIONS for suffix in VARIANTS]


def _generator() -> types.ModuleType:
    return repository_scripts.load("generate_api")


def test_the_module_is_what_the_script_writes_from_the_spec() -> None:
    generator = _generator()
    expected = generator.render(generator.load_spec())
    actual = (ROOT / "openapi_client" / "api" / "web_backend_api.py").read_text(encoding="utf-8")
    assert actual == expected, "run: python scripts/generate_api.py"


def test_the_scripts_table_covers_exactly_the_spec_operations() -> None:
    generator = _generator()
    spec = generator.load_spec()
    spec["paths"]["/v1/web_backend/new"] = {"post": {"operationId": "webBackendNew", "responses": {}}}
    with pytest.raises(SystemExit, match="web_backend_new: add it to TABLE"):
        generator.render(spec)


@pytest.fixture
def offline_api() -> Iterator[WebBackendApi]:
    # Nothing is sent: the API object is only inspected, or its methods are mocked.
    with openapi_client.ApiClient(openapi_client.Configuration(host="http://127.0.0.1:9")) as client:
        yield WebBackendApi(client)


@pytest.mark.parametrize("name", METHOD_NAMES)
def test_each_method_is_a_function_with_its_own_docstring(name: str) -> None:
    function = vars(WebBackendApi)[name]
    assert isinstance(function, types.FunctionType)
    assert function.__name__ == name and function.__qualname__ == f"WebBackendApi.{name}"
    doc = inspect.getdoc(function) or ""
    operation = next(o for o in OPERATIONS if name.startswith(o.name) and name[len(o.name) :] in VARIANTS)
    for option in ("_request_timeout", "_request_auth", "_content_type", "_headers", "_host_index"):
        assert f":param {option}:" in doc and f":type {option}:" in doc, name
    if operation.body_parameter:
        assert f":param {operation.body_parameter}:" in doc, name
    model = operation.response_type.__name__
    rtype = {
        "": model,
        "_with_http_info": f"ApiResponse[{model}]",
        "_without_preload_content": "urllib3.HTTPResponse",
    }[name[len(operation.name) :]]
    assert f":rtype: {rtype}\n" in doc + "\n", name


@pytest.mark.parametrize("name", METHOD_NAMES)
def test_signatures_and_return_types_on_the_class_and_the_bound_method(name: str, offline_api: WebBackendApi) -> None:
    unbound = inspect.signature(getattr(WebBackendApi, name))
    bound = inspect.signature(getattr(offline_api, name))
    assert list(unbound.parameters) == ["self", *bound.parameters]
    returns = typing.get_type_hints(getattr(WebBackendApi, name))["return"]
    operation = next(o for o in OPERATIONS if name.startswith(o.name) and name[len(o.name) :] in VARIANTS)
    expected = {
        "": operation.response_type,
        "_with_http_info": ApiResponse[operation.response_type],
        "_without_preload_content": urllib3.HTTPResponse,
    }[name[len(operation.name) :]]
    assert returns == expected


def test_help_reads_like_the_generators() -> None:
    text = pydoc.render_doc(WebBackendApi, renderer=pydoc.plaintext)
    for operation in OPERATIONS:
        for suffix in VARIANTS:
            assert f"{operation.name}{suffix}(self" in text
    assert "Operation object" not in text
    assert "Get a connection" in text and ":param web_backend_connection_request_body:" in text


def deactivate(api: WebBackendApi, connection_id: str) -> WebBackendConnectionRead:
    """Code under test, as internal tooling writes it against a client."""
    return api.web_backend_update_connection(WebBackendConnectionUpdate(connection_id=connection_id, status="inactive"))


def test_autospec_mock_of_one_method_is_called_and_checks_arguments(offline_api: WebBackendApi) -> None:
    answer = WebBackendConnectionRead.from_dict(connection_read())
    with mock.patch.object(WebBackendApi, "web_backend_update_connection", autospec=True) as patched:
        patched.return_value = answer
        assert deactivate(offline_api, CONNECTION_ID) is answer
        sent = patched.call_args.args[1]
        assert patched.call_args.args[0] is offline_api and sent.status == "inactive"
        with pytest.raises(TypeError, match="_request_timeoutt"):
            offline_api.web_backend_update_connection(sent, _request_timeoutt=3)
        with pytest.raises(TypeError, match="missing a required argument"):
            offline_api.web_backend_update_connection()


def test_spec_mock_of_one_method_is_callable_and_matches_calls_by_signature(offline_api: WebBackendApi) -> None:
    body = WebBackendConnectionRequestBody(connection_id=CONNECTION_ID)
    with mock.patch.object(WebBackendApi, "web_backend_get_connection", spec=True) as patched:
        patched.return_value = "answer"
        assert offline_api.web_backend_get_connection(body) == "answer"
        # A mock on the class is not a method: it is called without `self`, as the stock client's would be.
        assert patched.call_args.args == (body,)
        with pytest.raises(AttributeError):
            _ = patched.not_an_attribute_of_a_function
    with mock.patch.object(offline_api, "web_backend_get_connection", spec=True) as patched:
        offline_api.web_backend_get_connection(body, _request_timeout=3)
        # The signature lets the same call be asserted by keyword.
        patched.assert_called_once_with(web_backend_connection_request_body=body, _request_timeout=3)


def test_create_autospec_of_the_class_checks_every_method(offline_api: WebBackendApi) -> None:
    mocked_class = mock.create_autospec(WebBackendApi)
    api = mocked_class(offline_api.api_client)
    api.web_backend_update_connection.return_value = "updated"
    assert deactivate(api, CONNECTION_ID) == "updated"
    with pytest.raises(TypeError, match="missing a required argument"):
        api.web_backend_get_connection()
    with pytest.raises(TypeError):
        api.web_backend_list_geographies(body={"unexpected": "body"})
    with pytest.raises(AttributeError):
        _ = api.web_backend_delete_connection


def test_a_real_call_goes_through_the_one_request_path(api: WebBackendApi, server: ScriptedServer) -> None:
    server.always("/v1/web_backend/connections/get", Reply(body=connection_read()))
    calls: List[Any] = []
    invoke = api.api_client.invoke

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[:3])
        return invoke(*args, **kwargs)

    with mock.patch.object(api.api_client, "invoke", side_effect=spy):
        read = api.web_backend_get_connection({"connectionId": CONNECTION_ID})
        info = api.web_backend_get_connection_with_http_info({"connectionId": CONNECTION_ID})
        raw = api.web_backend_get_connection_without_preload_content({"connectionId": CONNECTION_ID})
    raw.release_conn()
    assert isinstance(read, WebBackendConnectionRead) and info.data == read and raw.status == 200
    assert [variant for _, _, variant in calls] == ["data", "http_info", "raw"]
    assert {spec.name for spec, _, _ in calls} == {"web_backend_get_connection"}
