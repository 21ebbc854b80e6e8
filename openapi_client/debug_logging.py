"""`Configuration.debug`: what turning the client's debug logging on changes in `logging`, and undoing exactly that.

On: the `openapi_client` and `urllib3` loggers are set to DEBUG; each of them whose records would reach no handler
(none on it or its ancestors but `logging.NullHandler`s, as in a fresh notebook) gets one of ours, which writes to
the current `sys.stderr` in `Configuration.logger_format`. Off: each logger gets back the level it had, unless it was
changed meanwhile, and our handler is removed. Loggers are shared by the whole process, so debug logging stays on
while any configuration has it on; nothing is touched by a configuration that never turns it on.
"""

from __future__ import annotations

import logging
import sys
import threading
import weakref
from typing import Any, Dict, Optional, TextIO

LOGGER_NAMES = ("openapi_client", "urllib3")


class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever `sys.stderr` is when a record is emitted (a notebook replaces it per cell)."""

    def __init__(self) -> None:
        logging.Handler.__init__(self)

    @property
    def stream(self) -> TextIO:
        return sys.stderr


class DebugLogging:
    """The process-wide state of debug logging: who asked for it, and what it changed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._holders: weakref.WeakSet[Any] = weakref.WeakSet()
        self._saved_levels: Optional[Dict[str, int]] = None
        self.handler: Optional[StderrHandler] = None

    def turn_on(self, holder: Any, log_format: str) -> None:
        with self._lock:
            self._holders.add(holder)
            loggers = [logging.getLogger(name) for name in LOGGER_NAMES]
            if self._saved_levels is None:
                self._saved_levels = {logger.name: logger.level for logger in loggers}
                for logger in loggers:
                    logger.setLevel(logging.DEBUG)
            for logger in loggers:
                if not reaches_a_handler(logger):
                    logger.addHandler(self._handler(log_format))

    def _handler(self, log_format: str) -> StderrHandler:
        if self.handler is None:
            self.handler = StderrHandler()
            self.handler.setFormatter(logging.Formatter(log_format))
        return self.handler

    def turn_off(self, holder: Any) -> None:
        with self._lock:
            self._holders.discard(holder)
            if self._saved_levels is None or len(self._holders) > 0:
                return
            for name, level in self._saved_levels.items():
                logger = logging.getLogger(name)
                if logger.level == logging.DEBUG:
                    logger.setLevel(level)
                if self.handler is not None:
                    logger.removeHandler(self.handler)
            self._saved_levels = None
            self.handler = None

    def set_format(self, log_format: str) -> None:
        """Use `log_format` for our handler, if there is one."""
        handler = self.handler
        if handler is not None:
            handler.setFormatter(logging.Formatter(log_format))


def reaches_a_handler(logger: logging.Logger) -> bool:
    """Whether a record of `logger` would reach a handler that writes it somewhere."""
    current: Optional[logging.Logger] = logger
    while current is not None:
        if any(not isinstance(handler, logging.NullHandler) for handler in current.handlers):
            return True
        if not current.propagate:
            return False
        current = current.parent
    return False


DEBUG_LOGGING = DebugLogging()

__all__ = ["DEBUG_LOGGING", "LOGGER_NAMES", "DebugLogging", "StderrHandler", "reaches_a_handler"]
