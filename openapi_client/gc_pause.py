"""Keeping Python's full garbage collections out of the parsing of large response bodies.

Parsing a body of megabytes creates hundreds of thousands of objects, none of them garbage. CPython runs a
full collection, a walk over every object of the process, each time the objects that survived into its
oldest generation have grown by a quarter: a parse that doubles the heap starts several of them, each
longer than the last, and on a 7 MB connection they take more time than the parse itself. Young
collections, over the last few hundred objects while they are still in the CPU's cache, stay cheap.

So while a large body is parsed, the client raises the threshold of the oldest generation, so that no full
collection starts, and puts it back afterwards: the parsed objects then take part in the next full
collection like any others, once. Young collections go on as usual, but each second one also collects the
middle generation (its threshold is 0 meanwhile): a parsed object is then walked about one and a half times
on its way to the oldest generation, while it is in the cache, rather than once young and once more among
the ten times as many objects of a middle collection, which took two thirds of the collector's time on a
list of 2,000 connections (6.6 ms of 35 ms a call; 3.8 ms so). `Configuration.pause_gc_while_parsing` (on by
default) turns this off; bodies under `MIN_BODY_BYTES` are parsed without it.

The thresholds are process-wide, so the pause is counted: the first parse to start saves them and sets
the two older ones, the last to finish puts them back, unless the process changed them in the meantime
(its values then stay). Nothing is changed while the collector is disabled (`gc.disable()`), and the collector is
never enabled or disabled here. Parses that keep overlapping in many threads could hold full collections
off indefinitely, so one that ends after they have been held off for `MAX_PAUSE_SECONDS` runs one itself.

Measured and not used: `gc.disable()` during the parse, or holding off young collections, is slower, since
the young collections it skips were cheap and every parsed object is then walked by one collection
afterwards, out of the cache (8 ms for the 2,000 connections, against 3.8 ms for all the collections of the
pause); and `gc.freeze()` would keep objects out of every later collection for good, including another part
of the program's garbage, and would interfere with the program's own use of it. On Python 3.14 and later, whose
collector is incremental and ignores the oldest threshold, the pause changes nothing.
"""

from __future__ import annotations

import gc
import threading
import time
from types import TracebackType
from typing import Optional, Tuple, Type

# Bodies smaller than this make too few objects for a full collection to start while they are parsed.
MIN_BODY_BYTES = 64 * 1024
MAX_PAUSE_SECONDS = 1.0
# The oldest generation's threshold during a pause: never reached.
HELD_OFF = 1 << 30
# The middle generation's threshold during a pause: every other young collection also collects the middle
# generation, while what it holds is still in the CPU's cache.
MIDDLE_DURING_PAUSE = 0


class _PauseState:
    """How many parses hold the pause, and the thresholds it saved (None: the collector was disabled)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.holders = 0
        self.saved: Optional[Tuple[int, int, int]] = None
        self.since = 0.0


_state = _PauseState()


def _enter() -> None:
    with _state.lock:
        if _state.holders == 0:
            _state.saved = None
            if gc.isenabled():
                young, middle, oldest = gc.get_threshold()
                _state.saved = (young, middle, oldest)
                gc.set_threshold(young, MIDDLE_DURING_PAUSE, HELD_OFF)
            _state.since = time.monotonic()
        _state.holders += 1


def _leave() -> None:
    with _state.lock:
        _state.holders -= 1
        saved = _state.saved
        if _state.holders == 0:
            _state.saved = None
            _restore(saved)
            return
        if saved is None or time.monotonic() - _state.since <= MAX_PAUSE_SECONDS:
            return
        _state.since = time.monotonic()
    # Outside the lock: the finalizers that a collection runs may parse too.
    gc.collect()


def _restore(saved: Optional[Tuple[int, int, int]]) -> None:
    if saved is None:
        return
    young, middle, oldest = gc.get_threshold()
    if oldest == HELD_OFF:
        # The young threshold, and the middle one if it is not the pause's, are kept as they are now, in case
        # the program changed them meanwhile.
        gc.set_threshold(young, saved[1] if middle == MIDDLE_DURING_PAUSE else middle, saved[2])


class GcPause:
    """A context manager that holds off full garbage collections while it is entered (see the module's doc).

    One instance may be entered by many threads at once; the pause lasts until the last one leaves.
    """

    __slots__ = ()

    def __enter__(self) -> None:
        _enter()

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        _leave()


gc_paused = GcPause()
