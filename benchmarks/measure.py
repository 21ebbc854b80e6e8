"""How the benchmark measures.

Each side of a scenario (our client, the raw floor) runs in a process of its own, which calls in a loop and
keeps only the last result, as a program that pages through results does. So a sample is the steady-state
cost of a call: the garbage collections its objects cause, now or in a later call, and the freeing of the
result it replaces are counted, and always in the process that caused them. The parent asks the sides for
samples in turn, alternating which goes first, so that drift of the machine hits all of them alike.
"""

from __future__ import annotations

import statistics
import subprocess
import time
import tracemalloc
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Mapping, Sequence


@dataclass(frozen=True)
class Samples:
    """Measurements of one side of a scenario."""

    values: Sequence[float]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def spread(self) -> float:
        """The interquartile range, relative to the median."""
        if len(self.values) < 4:
            return (max(self.values) - min(self.values)) / self.median
        low, _, high = statistics.quantiles(self.values, n=4)
        return (high - low) / self.median


class Loop:
    """Calls one side again and again, keeping only the last result."""

    def __init__(self, call: Callable[[], Any]) -> None:
        self.call = call
        self.last: Any = None

    def seconds_per_call(self, calls: int) -> float:
        start = time.perf_counter()
        for _ in range(calls):
            self.last = self.call()
        _settle([[]])
        return (time.perf_counter() - start) / calls

    def peak_bytes(self) -> float:
        """The peak of memory traced by `tracemalloc` during one call, while its result is alive."""
        self.last = None
        tracemalloc.start()
        try:
            self.last = self.call()
            return float(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()


def _settle(allocated: object) -> None:
    """Called after an allocation: a collection that the calls made due runs at the allocation (CPython 3.11)
    or at the interpreter's next check, which a call makes (3.12 and later), and so within the sample."""


def interleaved(sides: Mapping[str, Callable[[], float]], rounds: int) -> Dict[str, Samples]:
    """`rounds` samples of each side, alternating which side goes first."""
    names = list(sides)
    values: Dict[str, List[float]] = {name: [] for name in names}
    for index in range(rounds):
        for name in names if index % 2 == 0 else reversed(names):
            values[name].append(sides[name]())
    return {name: Samples(series) for name, series in values.items()}


def process_wall_time(argv: Sequence[str], env: Mapping[str, str]) -> float:
    """Seconds from starting a process to its exit."""
    start = time.perf_counter()
    subprocess.run(argv, env=dict(env), check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start
