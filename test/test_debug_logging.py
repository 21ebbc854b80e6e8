"""`Configuration.debug` and the `logging` of the process: creating a configuration changes no logger; `debug=True`
makes the client's records visible even where logging was never set up (a fresh notebook); `debug=False` undoes
exactly what it did. Each scenario runs in a fresh Python process against a local server."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from scripted_server import Reply, ScriptedServer

from openapi_client import ApiClient, Configuration, WebBackendApi
from openapi_client.debug_logging import LOGGER_NAMES, DebugLogging

GEOGRAPHIES = "/v1/web_backend/geographies/list"
ROOT = Path(__file__).resolve().parents[1]


def run(script: str, server: ScriptedServer) -> subprocess.CompletedProcess:
    """`script` in a fresh interpreter, with `api` a client of `server` made by `make_api(**settings)`."""
    prelude = textwrap.dedent(f"""
        import logging, sys
        from openapi_client import ApiClient, Configuration, WebBackendApi

        def make_api(**settings):
            configuration = Configuration(host={server.url!r}, **settings)
            return configuration, WebBackendApi(ApiClient(configuration))
    """)
    server.always(GEOGRAPHIES, Reply(body={"geographies": ["us"]}))
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )


def test_creating_a_configuration_changes_no_logger() -> None:
    loggers = [logging.getLogger(name) for name in (*LOGGER_NAMES, "")]
    before = [(logger.level, list(logger.handlers)) for logger in loggers]
    Configuration()
    Configuration(debug=False)
    Configuration(debug=None)
    Configuration().debug = False
    assert [(logger.level, list(logger.handlers)) for logger in loggers] == before


def test_debug_false_leaves_the_programs_own_debug_logging_alone(server: ScriptedServer) -> None:
    """Issue 9: `Configuration(debug=False)` set both loggers to WARNING and silenced `basicConfig(DEBUG)`."""
    result = run(
        """
        logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format="%(name)s %(levelname)s %(message)s")
        configuration, api = make_api(debug=False)
        api.web_backend_list_geographies()
        """,
        server,
    )
    assert result.returncode == 0, result.stderr
    assert "urllib3.connectionpool DEBUG Starting new HTTP connection" in result.stdout
    assert f"openapi_client DEBUG POST {server.url}{GEOGRAPHIES} (attempt 1)" in result.stdout


def test_debug_shows_the_exchange_where_logging_was_never_set_up(server: ScriptedServer) -> None:
    result = run(
        """
        configuration, api = make_api(debug=True)
        api.web_backend_list_geographies()
        print("--- off", file=sys.stderr)
        configuration.debug = False
        api.web_backend_list_geographies()
        logger = logging.getLogger("openapi_client")
        print(logging.getLevelName(logger.level), logger.handlers, logging.getLogger("urllib3").level)
        """,
        server,
    )
    assert result.returncode == 0, result.stderr
    shown, _, after = result.stderr.partition("--- off")
    assert f"DEBUG POST {server.url}{GEOGRAPHIES} (attempt 1)" in shown
    assert "-> 200 OK" in shown and "Starting new HTTP connection" in shown
    assert after.strip() == ""
    assert result.stdout.split() == ["NOTSET", "[]", "0"]  # as they were


def test_debug_adds_no_handler_where_the_program_has_one(server: ScriptedServer) -> None:
    result = run(
        """
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
        configuration, api = make_api(debug=True)
        api.web_backend_list_geographies()
        configuration.debug = False
        print(logging.getLevelName(logging.getLogger("openapi_client").level))
        """,
        server,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(f"DEBUG POST {server.url}{GEOGRAPHIES} (attempt 1)") == 1
    assert result.stdout.strip() == "NOTSET"


def test_debug_stays_on_while_one_configuration_has_it_on() -> None:
    logger = logging.getLogger("openapi_client")
    level = logger.level
    state, first, second = DebugLogging(), Configuration(), Configuration()
    try:
        state.turn_on(first, "%(message)s")
        state.turn_on(second, "%(message)s")
        state.turn_off(first)
        assert logger.level == logging.DEBUG
        state.turn_off(second)
        assert logger.level == level
    finally:
        logger.setLevel(level)


def test_a_level_the_program_set_meanwhile_is_kept() -> None:
    logger = logging.getLogger("urllib3")
    level = logger.level
    state, holder = DebugLogging(), Configuration()
    state.turn_on(holder, "%(message)s")
    logger.setLevel(logging.ERROR)
    try:
        state.turn_off(holder)
        assert logger.level == logging.ERROR
    finally:
        logger.setLevel(level)


def test_the_handler_debug_adds_writes_to_stderr_in_its_format(
    capsys: pytest.CaptureFixture[str], server: ScriptedServer
) -> None:
    """In this process, with a state of its own: loggers that reach no handler (here: they do not propagate) get
    ours; turning off gives them back as they were."""
    server.always(GEOGRAPHIES, Reply(body={"geographies": []}))
    loggers = [logging.getLogger(name) for name in LOGGER_NAMES]
    saved = [(logger.propagate, logger.level, list(logger.handlers)) for logger in loggers]
    state, holder = DebugLogging(), Configuration()
    for logger in loggers:
        logger.propagate = False
    try:
        state.turn_on(holder, "OURS %(name)s %(message)s")
        state.set_format("THEIRS %(name)s %(message)s")
        with ApiClient(Configuration(host=server.url)) as client:
            WebBackendApi(client).web_backend_list_geographies()
        state.turn_off(holder)
        assert [(logger.level, logger.handlers) for logger in loggers] == [(s[1], s[2]) for s in saved]
    finally:
        for logger, (propagate, level, handlers) in zip(loggers, saved):
            logger.propagate, logger.handlers = propagate, handlers
            logger.setLevel(level)
    err = capsys.readouterr().err
    assert f"THEIRS openapi_client POST {server.url}{GEOGRAPHIES} (attempt 1)" in err
    assert "THEIRS urllib3.connectionpool Starting new HTTP connection" in err
