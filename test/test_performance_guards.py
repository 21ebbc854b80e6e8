"""Guards of the client's speed that do not time anything: what runs in Python per object, what an import loads,
and the garbage collector's pause, which must leave the process's settings as they were."""

from __future__ import annotations

import gc
import json
import pkgutil
import subprocess
import sys
import sysconfig
import threading
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Dict, FrozenSet, Iterator, List, Set, Tuple
from uuid import UUID

import hypothesis
import pytest
from pydantic import AfterValidator, BaseModel, ValidationError
from scripted_server import Reply, ScriptedServer
from typing_extensions import Annotated

import openapi_client
from openapi_client import gc_pause
from openapi_client.gc_pause import HELD_OFF, MIDDLE_DURING_PAUSE, gc_paused
from openapi_client.models import model_names
from openapi_client.models.base import received_data
from openapi_client.parsing import reader_for

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import payloads  # noqa: E402

# README: the collector is held off "while a body of 64 KiB or more is parsed".
PAUSED_FROM = 64 * 1024
LIST_PATH = "/v1/web_backend/connections/list"
GET_PATH = "/v1/web_backend/connections/get"
CREATE_PATH = "/v1/web_backend/connections/create"


def models() -> List[type]:
    found = [getattr(openapi_client, name) for name in model_names()]
    return [model for model in found if isinstance(model, type) and issubclass(model, BaseModel)]


# -- what runs in Python ------------------------------------------------------------------------------------


# What the client runs on. The transport's own Python code runs once per chunk of bytes on the wire, whatever the
# objects in them, so it is left out, with what it calls.
RUNTIME = frozenset({"openapi_client", "pydantic", "pydantic_core", "typing_extensions", "dateutil"})
TRANSPORT = frozenset({"urllib3", "http", "email", "socket", "ssl", "selectors"})
# The client's own code that runs per read of the socket, however many objects a read brings: its connections
# check the call's deadline at each.
TRANSPORT_MODULES = frozenset({"openapi_client.connections"})


def _standard_library() -> FrozenSet[str]:
    names = getattr(sys, "stdlib_module_names", None)
    if names is None:  # before Python 3.10: the modules beside the standard library's own files
        names = {module.name for module in pkgutil.iter_modules([sysconfig.get_paths()["stdlib"]])}
        names |= set(sys.builtin_module_names)
    return frozenset(names)


STANDARD_LIBRARY = _standard_library()


def is_the_clients(module: str) -> bool:
    """Whether code of `module` is the client's own or code it runs on (the transport aside)."""
    package = module.split(".", 1)[0]
    if package in TRANSPORT or module in TRANSPORT_MODULES:
        return False
    return package in RUNTIME or package in STANDARD_LIBRARY


def python_calls(action: Callable[[], Any]) -> Counter[str]:
    """The Python functions that `action` calls in this thread, with how often each runs: the package's own and
    those of what it runs on. Nothing that other code runs is counted, nor what that code calls: not the transport,
    nor a test tool's hook (Hypothesis adds a function to `gc.callbacks`, which every collection runs)."""
    calls: Counter[str] = Counter()
    elsewhere: List[Any] = []  # the outermost frame of other code being run, if any
    # What a garbage collection runs (weakref callbacks, finalizers of other tests' garbage, the other functions of
    # `gc.callbacks`) is not the action's: a collection is under way from the first callback's "start" to the last
    # one's "stop".
    collecting = [False]

    def collection_starts(phase: str, info: Dict[str, int]) -> None:
        if phase == "start":
            collecting[0] = True

    def collection_ended(phase: str, info: Dict[str, int]) -> None:
        if phase == "stop":
            collecting[0] = False

    def profile(frame: Any, event: str, argument: Any) -> None:
        if event == "return" and elsewhere and frame is elsewhere[-1]:
            elsewhere.pop()
        if event != "call" or elsewhere or collecting[0]:
            return
        module = frame.f_globals.get("__name__") or ""
        if module == __name__:  # the test's own lambdas, which make the calls measured
            return
        if not is_the_clients(module):
            elsewhere.append(frame)
            return
        path = Path(frame.f_code.co_filename)
        calls[f"{path.parent.name}/{path.name}:{frame.f_code.co_name}"] += 1

    gc.callbacks.insert(0, collection_starts)
    gc.callbacks.append(collection_ended)
    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(None)
        gc.callbacks.remove(collection_starts)
        gc.callbacks.remove(collection_ended)
    return calls


def test_the_count_has_the_clients_calls_and_not_a_test_tools_gc_callback() -> None:
    @hypothesis.given(hypothesis.strategies.integers())
    def any_property(number: int) -> None:
        pass

    any_property()  # as any Hypothesis test that ran earlier in the process would
    assert any(getattr(hook, "__module__", "").startswith("hypothesis") for hook in gc.callbacks)
    assert python_calls(gc.collect) == Counter()
    # Nor a callback that looks like the client's own, before or after the others, at either end of a collection.
    namespace: Dict[str, Any] = {"__name__": "openapi_client.gc_hook"}
    exec("def hook(phase, info):\n    return str(phase)", namespace)
    gc.callbacks.insert(0, namespace["hook"])
    gc.callbacks.append(namespace["hook"])
    try:
        assert python_calls(gc.collect) == Counter()
    finally:
        gc.callbacks.remove(namespace["hook"])
        gc.callbacks.remove(namespace["hook"])
    read = python_calls(lambda: openapi_client.StreamDescriptor.from_json('{"name": "users"}'))
    assert read["models/base.py:from_json"] == 1 and read["pydantic/main.py:model_validate_json"] == 1


def growth(small: Counter[str], large: Counter[str]) -> Counter[str]:
    return Counter({name: count - small[name] for name, count in large.items() if count > small[name]})


def date_times(document: Any) -> int:
    return json.dumps(document).count('"lastPublished"')


def field_nodes(model: type) -> Iterator[Tuple[str, Dict[str, Any]]]:
    """Each field of `model` with every schema node that validates or writes it, up to the models it holds."""
    model.model_rebuild()  # type: ignore[attr-defined]
    root = model.__pydantic_core_schema__  # type: ignore[attr-defined]
    definitions = {node["ref"]: node for node in root.get("definitions", [])}
    schema = root["schema"] if root["type"] == "definitions" else root
    schema = definitions[schema["schema_ref"]] if schema["type"] == "definition-ref" else schema
    assert schema["type"] == "model" and schema["cls"] is model
    assert not schema.get("custom_init"), f"{model.__name__}.__init__ would run for every object parsed"
    assert not schema.get("post_init"), f"{model.__name__} would run a post-init for every object parsed"
    for name, field in schema["schema"]["fields"].items():
        yield from ((name, node) for node in _own_nodes(field, definitions, set()))


def _own_nodes(node: Any, definitions: Dict[str, Any], seen: Set[str]) -> Iterator[Dict[str, Any]]:
    if isinstance(node, list):
        for value in node:
            yield from _own_nodes(value, definitions, seen)
    if not isinstance(node, dict) or node.get("type") == "model":
        return
    if node.get("type") == "definition-ref":
        if node["schema_ref"] not in seen:
            seen.add(node["schema_ref"])
            yield from _own_nodes(definitions[node["schema_ref"]], definitions, seen)
        return
    yield node
    for value in node.values():
        yield from _own_nodes(value, definitions, seen)


# Besides date-times: a catalog diff's `updateStream`, which servers before 2024-05 sent as a plain list (one type
# check per stream a diff changes; a diff is never large, and no list or catalog holds one).
PYTHON_FIELDS = {("StreamTransform", "update_stream")}


def test_no_model_runs_python_code_per_object_except_for_date_times() -> None:
    functions = []
    for model in models():
        for name, node in field_nodes(model):
            kind = str(node.get("type", ""))
            if kind.startswith("function") or kind == "model-validator":
                functions.append((model.__name__, name))
    assert functions, "the date-time fields are expected to keep the server's text with a validator"
    assert set(functions) >= PYTHON_FIELDS
    for model_name, field_name in set(functions) - PYTHON_FIELDS:
        annotation = str(getattr(openapi_client, model_name).model_fields[field_name].annotation)
        assert "datetime" in annotation, f"{model_name}.{field_name} runs Python code for every value"


def test_enums_are_written_natively() -> None:
    enums = [(model.__name__, name, node) for model in models() for name, node in field_nodes(model)]
    enums = [(model, name, node) for model, name, node in enums if node.get("type") == "enum"]
    assert len({node["cls"] for _, _, node in enums}) >= 17
    for model, name, node in enums:
        assert node.get("serialization") == {"type": "str"}, f"{model}.{name}"


def test_parsing_a_large_list_makes_no_python_call_per_object(api: Any, server: ScriptedServer) -> None:
    body = openapi_client.WebBackendConnectionListRequestBody(workspace_id=UUID(payloads.WORKSPACE_ID))
    calls = []
    for count in (60, 240):
        document = payloads.connection_list(count=count)
        encoded = payloads.encode(document)
        assert len(encoded) > PAUSED_FROM
        server.always(LIST_PATH, Reply(body=encoded))
        api.web_backend_list_connections_for_workspace(body)  # builds the validator
        calls.append((python_calls(lambda: api.web_backend_list_connections_for_workspace(body)), document))
    (small, small_document), (large, large_document) = calls
    per_model = ("models/base.py:__init__", "pydantic/main.py:__init__", "pydantic/main.py:model_validate")
    assert not set(per_model) & set(large)
    # At most one call per date-time value (the text a server sent is kept); none per model, list or string.
    assert sum(growth(small, large).values()) <= date_times(large_document) - date_times(small_document)


def test_parsing_a_large_catalog_makes_no_python_call_per_stream(api: Any, server: ScriptedServer) -> None:
    body = openapi_client.WebBackendConnectionRequestBody(connection_id=UUID(payloads.CONNECTION_ID))
    calls = []
    for streams in (40, 200):
        server.always(GET_PATH, Reply(body=payloads.encode(payloads.connection_read(streams=streams))))
        api.web_backend_get_connection(body)
        calls.append(python_calls(lambda: api.web_backend_get_connection(body)))
    assert not growth(*calls)


def test_writing_json_makes_no_python_call_per_object() -> None:
    small = openapi_client.WebBackendConnectionRead.from_json(payloads.encode(payloads.connection_read(streams=20)))
    large = openapi_client.WebBackendConnectionRead.from_json(payloads.encode(payloads.connection_read(streams=200)))
    small.to_json()
    assert not growth(python_calls(small.to_json), python_calls(large.to_json))
    assert not growth(python_calls(small.to_dict), python_calls(large.to_dict))


def test_sending_a_large_request_makes_no_python_call_per_object(api: Any, server: ScriptedServer) -> None:
    server.always(CREATE_PATH, Reply(body=payloads.encode(payloads.connection_read(streams=1))))
    calls = []
    for streams in (20, 200):
        request = openapi_client.WebBackendConnectionCreate.model_validate(payloads.connection_create(streams=streams))
        api.web_backend_create_connection(request)
        calls.append(python_calls(lambda request=request: api.web_backend_create_connection(request)))
    assert not growth(*calls)
    sent = json.loads(server.received[-1].body)
    assert sent == payloads.connection_create(streams=200)


# -- the way a large body with free-form JSON is parsed gives what direct validation gives --------------------


def parse_directly(raw: bytes, model: Any) -> Any:
    with received_data():
        return model.__pydantic_validator__.validate_json(raw)


CONNECTION = payloads.connection_read(streams=60)


def newer_server_connection() -> Dict[str, Any]:
    document = json.loads(json.dumps(CONNECTION))
    document["newTopLevelField"] = {"nested": [1, 2.5, None]}
    document["status"] = "paused_by_a_newer_server"
    document["syncCatalog"]["streams"][3]["config"]["syncMode"] = "cdc_snapshot"
    document["syncCatalog"]["streams"][3]["stream"]["newStreamField"] = True
    return document


@pytest.mark.parametrize("document", [CONNECTION, newer_server_connection()], ids=["current", "newer server"])
def test_a_large_connection_parses_as_direct_validation_does(api_client: Any, document: Dict[str, Any]) -> None:
    raw = payloads.encode(document)
    assert len(raw) > PAUSED_FROM and reader_for(openapi_client.WebBackendConnectionRead).via_python_values
    parsed = api_client.deserialize(raw, openapi_client.WebBackendConnectionRead)
    direct = parse_directly(raw, openapi_client.WebBackendConnectionRead)
    assert parsed == direct
    assert parsed.to_json() == direct.to_json()
    assert json.loads(parsed.to_json()) == document


BROKEN_BODIES = {
    "truncated": payloads.encode(CONNECTION)[:-100],
    "not JSON": b"<html>" + b"x" * PAUSED_FROM,
    "lone surrogate": payloads.encode(CONNECTION)[:-1] + b',"prefix":"\\ud800"}',
    "wrong types": payloads.encode(CONNECTION).replace(b'"syncMode":"incremental"', b'"syncMode":5', 1),
    "missing field": payloads.encode(CONNECTION).replace(b'"isSyncing":false,', b"", 1),
}


@pytest.mark.parametrize("raw", BROKEN_BODIES.values(), ids=BROKEN_BODIES.keys())
def test_a_large_broken_body_fails_as_direct_validation_does(api_client: Any, raw: bytes) -> None:
    with pytest.raises(ValidationError) as ours:
        api_client.deserialize(raw, openapi_client.WebBackendConnectionRead)
    with pytest.raises(ValidationError) as direct:
        parse_directly(raw, openapi_client.WebBackendConnectionRead)
    assert ours.value.errors(include_url=False) == direct.value.errors(include_url=False)


# -- what an import loads -----------------------------------------------------------------------------------


def run_python(code: str) -> Any:
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_importing_the_package_loads_neither_pydantic_nor_urllib3_nor_the_models() -> None:
    loaded = run_python("import sys, json, openapi_client; print(json.dumps(sorted(sys.modules)))")
    heavy = [name for name in loaded if name.split(".")[0] in ("pydantic", "pydantic_core", "urllib3")]
    assert heavy == []
    assert [name for name in loaded if name.startswith("openapi_client.")] == []


def test_using_the_api_builds_no_model_validator_before_a_model_is_used() -> None:
    built = run_python(
        "import json, openapi_client\n"
        "from openapi_client.models import model_names\n"
        "openapi_client.WebBackendApi\n"
        "found = [getattr(openapi_client, name) for name in model_names()]\n"
        "print(json.dumps([m.__name__ for m in found if getattr(m, '__pydantic_complete__', False)]))"
    )
    assert built == []


# -- the garbage collector's pause --------------------------------------------------------------------------


@pytest.fixture
def gc_settings() -> Iterator[Tuple[int, int, int]]:
    """The process's collector settings, put back after the test whatever it did."""
    enabled, thresholds = gc.isenabled(), gc.get_threshold()
    gc.enable()
    gc.set_threshold(700, 10, 10)
    try:
        yield gc.get_threshold()
    finally:
        gc.set_threshold(*thresholds)
        (gc.enable if enabled else gc.disable)()


def test_the_pause_holds_off_full_collections_and_restores_the_thresholds(gc_settings: Tuple[int, int, int]) -> None:
    with gc_paused:
        assert gc.get_threshold() == (700, MIDDLE_DURING_PAUSE, HELD_OFF)
        assert gc.isenabled()
    assert gc.get_threshold() == gc_settings and gc.isenabled()


def test_the_pause_restores_the_thresholds_after_an_exception(gc_settings: Tuple[int, int, int]) -> None:
    with pytest.raises(RuntimeError), gc_paused:
        raise RuntimeError("parse failed")
    assert gc.get_threshold() == gc_settings and gc.isenabled()


def test_the_pause_changes_nothing_when_the_collector_is_disabled(gc_settings: Tuple[int, int, int]) -> None:
    gc.disable()
    with gc_paused:
        assert gc.get_threshold() == gc_settings and not gc.isenabled()
    assert gc.get_threshold() == gc_settings and not gc.isenabled()


def test_thresholds_the_program_sets_during_a_pause_stay(gc_settings: Tuple[int, int, int]) -> None:
    with gc_paused:
        gc.set_threshold(123, 4, gc.get_threshold()[2])
    assert gc.get_threshold() == (123, 4, 10)
    with gc_paused:
        gc.set_threshold(123, 4, 42)
    assert gc.get_threshold() == (123, 4, 42)


def test_overlapping_pauses_last_until_the_last_one_ends(gc_settings: Tuple[int, int, int]) -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: Dict[str, Tuple[int, int, int]] = {}

    def first() -> None:
        with gc_paused:
            first_in.set()
            assert second_in.wait(5)
        first_out.set()

    def second() -> None:
        assert first_in.wait(5)
        with gc_paused:
            second_in.set()
            assert first_out.wait(5)
            seen["after the first ended"] = gc.get_threshold()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen["after the first ended"] == (700, MIDDLE_DURING_PAUSE, HELD_OFF)
    assert gc.get_threshold() == gc_settings and gc.isenabled()


def test_many_threads_pausing_at_once_leave_the_settings_as_they_were(gc_settings: Tuple[int, int, int]) -> None:
    start = threading.Barrier(8)
    wrong: List[Tuple[int, int, int]] = []

    def parse_repeatedly() -> None:
        start.wait(5)
        for _ in range(300):
            try:
                with gc_paused:
                    if gc.get_threshold()[2] != HELD_OFF:
                        wrong.append(gc.get_threshold())
                    raise ValueError("every other parse fails")
            except ValueError:
                pass

    threads = [threading.Thread(target=parse_repeatedly) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert wrong == []
    assert gc.get_threshold() == gc_settings and gc.isenabled()


def test_parses_that_keep_overlapping_still_let_full_collections_run(
    gc_settings: Tuple[int, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gc_pause, "MAX_PAUSE_SECONDS", -1.0)
    holding, release = threading.Event(), threading.Event()
    full_collections: List[int] = []

    def count(phase: str, info: Dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            full_collections.append(1)

    def hold() -> None:
        with gc_paused:
            holding.set()
            assert release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    gc.callbacks.append(count)
    try:
        assert holding.wait(5)
        with gc_paused:
            pass
        assert full_collections, "a parse that ends after a long pause runs a full collection"
        assert gc.get_threshold()[2] == HELD_OFF  # the other parse still holds the pause
    finally:
        gc.callbacks.remove(count)
        release.set()
        holder.join(10)
    assert gc.get_threshold() == gc_settings


oldest_thresholds_seen: List[int] = []


def _seen(value: int) -> int:
    oldest_thresholds_seen.append(gc.get_threshold()[2])
    return value


RecordingList = List[Annotated[int, AfterValidator(_seen)]]


def padded(items: int, size: int) -> bytes:
    """A JSON list of `items` numbers, padded with spaces to `size` bytes."""
    body = json.dumps(list(range(items))).encode()
    assert len(body) <= size
    return body.ljust(size)


@pytest.mark.parametrize(
    ("switch", "size", "paused"),
    [(True, 200_000, True), (False, 200_000, False), (True, PAUSED_FROM - 1, False), (True, PAUSED_FROM, True)],
    ids=["large body", "switched off", "64 KiB less a byte", "64 KiB"],
)
def test_the_client_pauses_while_it_parses_a_large_body_unless_switched_off(
    gc_settings: Tuple[int, int, int], switch: bool, size: int, paused: bool
) -> None:
    configuration = openapi_client.Configuration(host="http://127.0.0.1:9")
    assert configuration.pause_gc_while_parsing is True
    configuration.pause_gc_while_parsing = switch
    items = 10_000
    oldest_thresholds_seen.clear()
    with openapi_client.ApiClient(configuration) as client:
        assert client.deserialize(padded(items, size), RecordingList) == list(range(items))
    assert set(oldest_thresholds_seen) == {HELD_OFF if paused else gc_settings[2]}
    assert gc.get_threshold() == gc_settings


def test_threads_parsing_large_bodies_at_once_leave_the_settings_as_they_were(
    gc_settings: Tuple[int, int, int], api_client: Any
) -> None:
    raw = payloads.encode(payloads.connection_list(count=60))
    failures: List[BaseException] = []

    def parse() -> None:
        try:
            for _ in range(5):
                api_client.deserialize(raw, openapi_client.WebBackendConnectionReadList)
        except BaseException as error:  # reported below, from the test's thread
            failures.append(error)

    threads = [threading.Thread(target=parse) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert failures == []
    assert gc.get_threshold() == gc_settings and gc.isenabled()
