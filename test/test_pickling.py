"""Every exception of the library survives `pickle` (as `multiprocessing` and `concurrent.futures` need): the same
class, message and attributes, from real failures over real sockets where the library raises them."""

from __future__ import annotations

import inspect
import pickle
import socket
from typing import Any, Callable, Dict, List

import pytest
from samples import CONNECTION_ID, WORKSPACE_ID, connection_list_item
from scripted_server import Reply, ScriptedServer

import openapi_client
from openapi_client import ApiClient, Configuration, WebBackendApi, exceptions

GEOGRAPHIES = "/v1/web_backend/geographies/list"
GET = "/v1/web_backend/connections/get"
LIST = "/v1/web_backend/connections/list"


def raised(call: Callable[[], Any]) -> BaseException:
    try:
        call()
    except openapi_client.OpenApiException as error:
        return error
    raise AssertionError("nothing was raised")


def failures(server: ScriptedServer) -> List[BaseException]:
    api = WebBackendApi(ApiClient(Configuration(host=server.url, retries=0, timeout=(2, 0.2))))
    server.always(GET, Reply(404, {"message": "no such connection", "rootCauseMessage": "gone"}))
    found: List[BaseException] = [raised(lambda: api.web_backend_get_connection({"connectionId": CONNECTION_ID}))]
    for status in (400, 401, 403, 409, 422, 418, 500):
        server.always(GEOGRAPHIES, Reply(status, {"message": f"status {status}"}))
        found.append(raised(api.web_backend_list_geographies))
    server.always(GEOGRAPHIES, Reply(200, b"<html>", {"Content-Type": "text/html"}))
    found.append(raised(api.web_backend_list_geographies))
    server.always(GEOGRAPHIES, Reply(200, b'{"geographies": []}' + b" " * 100))
    api.api_client.configuration.max_response_bytes = 50
    found.append(raised(api.web_backend_list_geographies))
    api.api_client.configuration.max_response_bytes = None
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}, delay=0.5))
    found.append(raised(api.web_backend_list_geographies))
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        refused = WebBackendApi(ApiClient(Configuration(host=f"http://127.0.0.1:{unused.getsockname()[1]}")))
        refused.api_client.configuration.retries = 0
        found.append(raised(refused.web_backend_list_geographies))
    tls = WebBackendApi(ApiClient(Configuration(host=server.url.replace("http:", "https:"), retries=0)))
    found.append(raised(tls.web_backend_list_geographies))
    found.append(raised(lambda: api.web_backend_get_connection(42)))  # type: ignore[arg-type]
    found.append(raised(lambda: api.web_backend_get_connection({"connectionId": "not a uuid"})))
    server.always(GEOGRAPHIES, Reply(404, b"Object not found."))  # a server without the operation
    found.append(raised(api.web_backend_list_geographies))
    server.always(LIST, Reply(body={"connections": [connection_list_item()], "page_size": 1}))  # the same page again
    found.append(raised(lambda: list(api.iter_connections_for_workspace({"workspaceId": WORKSPACE_ID}, page_size=1))))
    found.append(exceptions.ApiAttributeError("no such attribute", ["a", 0]))
    found.append(exceptions.ApiKeyError("no such key", ["b"]))
    found.append(exceptions.OpenApiException("plain"))
    return found


def test_every_exception_of_the_library_survives_pickle(server: ScriptedServer) -> None:
    found = failures(server)
    for error in found:
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert str(copy) == str(error) and copy.args == error.args
        assert _attributes(copy) == _attributes(error)
    library = {
        cls
        for _, cls in inspect.getmembers(exceptions, inspect.isclass)
        if issubclass(cls, exceptions.OpenApiException) and cls.__module__ == exceptions.__name__
    }
    assert library <= {type(error) for error in found}, library - {type(error) for error in found}


def _attributes(error: BaseException) -> Dict[str, Any]:
    return {key: value for key, value in vars(error).items() if key != "data"} | {
        "data": getattr(error, "data", None) and error.data.model_dump()  # type: ignore[attr-defined]
    }


def test_a_pickled_status_error_keeps_its_parsed_data(server: ScriptedServer) -> None:
    server.always(GET, Reply(404, {"message": "no such connection"}))
    api = WebBackendApi(ApiClient(Configuration(host=server.url, retries=0)))
    error = raised(lambda: api.web_backend_get_connection({"connectionId": CONNECTION_ID}))
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, openapi_client.NotFoundException)
    assert copy.data is not None and copy.data.message == "no such connection"
    assert (copy.status, copy.operation, copy.url) == (404, "web_backend_get_connection", server.url + GET)


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_every_pickle_protocol(protocol: int) -> None:
    error = exceptions.InvalidResponseError("bad", http_resp=None, body="x", operation="op", url="http://h")
    assert str(pickle.loads(pickle.dumps(error, protocol))) == str(error)
