"""Measure the client against the raw urllib3 + `json.loads` floor, and fail when a target is missed.

    python benchmarks/run.py            # every scenario, about two minutes on 2 cores
    python benchmarks/run.py --quick    # fewer samples, for a quick look
    python benchmarks/run.py --only list,memory

It starts its own local server (`benchmarks/server.py`) and one process per side of each scenario
(`benchmarks/worker.py`), takes their samples in turn (see `benchmarks/measure.py`), prints a table of
medians and exits with status 1 when a ratio misses its target.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.measure import Samples, interleaved, process_wall_time
from benchmarks.scenarios import Row, Scenario, scenarios

ROOT = Path(__file__).resolve().parents[1]

HEADER = ("scenario", "ours", "raw", "ours/raw", "spread ours/raw", "target", "result")
IMPORT_TARGET = 1.3


def _environment() -> Dict[str, str]:
    # The working tree's package, and bytecode cached as an installed package's is.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return env


class Process:
    """A child Python process that talks in lines: it says `READY <details>`, then answers each command."""

    def __init__(self, arguments: Sequence[str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, *arguments],
            cwd=ROOT,
            env=_environment(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.ready = self._line()
        if not self.ready.startswith("READY"):
            self.close()
            raise RuntimeError(f"{' '.join(arguments)} did not start (it said {self.ready!r})")

    def _line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def ask(self, command: str) -> float:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return float(self._line())

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def started(arguments: Sequence[str]) -> Iterator[Process]:
    process = Process(arguments)
    try:
        yield process
    finally:
        process.close()


def measure(scenario: Scenario, base_url: str) -> List[Row]:
    """The scenario's rows: its sides sampled in turn, each in its own process."""
    command = "peak" if scenario.measure == "peak" else f"seconds {scenario.batch}"
    with ExitStack() as stack:
        workers = {
            side: stack.enter_context(started(["-m", "benchmarks.worker", base_url, scenario.name, side]))
            for side in scenario.sides
        }
        samples = interleaved({side: _asker(worker, command) for side, worker in workers.items()}, scenario.rounds)

    def row(title: str, ours: str, raw: str, target: float | None) -> Row:
        return Row(title, samples[ours], samples[raw], target, scenario.unit, scenario.scale)

    return [row(scenario.title, "ours", "raw", scenario.target)] + [
        row(title, ours, raw, None) for title, ours, raw in scenario.comparisons
    ]


def _asker(worker: Process, command: str) -> Callable[[], float]:
    return lambda: worker.ask(command)


def import_rows(rounds: int) -> List[Row]:
    """Wall time of a new interpreter that imports our package, against one that imports pydantic and urllib3."""
    env = _environment()

    def process(code: str) -> Callable[[], float]:
        process_wall_time([sys.executable, "-c", code], env)  # writes the bytecode caches
        return lambda: process_wall_time([sys.executable, "-c", code], env)

    samples = interleaved(
        {
            "ours": process("import openapi_client"),
            "raw": process("import pydantic, urllib3"),
            "ours, first use": process("import openapi_client; openapi_client.WebBackendApi"),
        },
        rounds,
    )
    return [
        Row('python -c "import openapi_client"', samples["ours"], samples["raw"], IMPORT_TARGET, "ms", 1e3),
        Row("  same, and openapi_client.WebBackendApi", samples["ours, first use"], samples["raw"], None, "ms", 1e3),
    ]


def cells(row: Row) -> List[str]:
    def shown(samples: Samples) -> str:
        return f"{samples.median * row.scale:,.1f} {row.unit}"

    target = "-" if row.target is None else f"<= {row.target:.2f}"
    result = "info" if row.target is None else ("pass" if row.passed else "FAIL")
    spread = f"{row.ours.spread:.0%} / {row.raw.spread:.0%}"
    return [row.scenario, shown(row.ours), shown(row.raw), f"{row.ratio:.2f}", spread, target, result]


def table(rows: Sequence[Row]) -> str:
    lines = [list(HEADER), *(cells(row) for row in rows)]
    widths = [max(len(line[column]) for line in lines) for column in range(len(HEADER))]
    rendered = []
    for line in lines:
        first, *rest = line
        rendered.append("  ".join([first.ljust(widths[0]), *(c.rjust(w) for c, w in zip(rest, widths[1:]))]))
    rendered.insert(1, "-" * len(rendered[0]))
    return "\n".join(rendered)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer samples (noisier)")
    parser.add_argument("--only", default="", help="comma-separated scenario names: tiny,list,get,create,...")
    arguments = parser.parse_args(argv)
    wanted = [name for name in arguments.only.split(",") if name]
    started_at = time.perf_counter()
    rows: List[Row] = []
    with started(["-m", "benchmarks.server"]) as server:
        base_url = f"http://127.0.0.1:{int(server.ready.split()[1])}"
        for scenario in scenarios(arguments.quick):
            if not wanted or scenario.name in wanted:
                print(f"measuring {scenario.name} ...", file=sys.stderr, flush=True)
                rows.extend(measure(scenario, base_url))
    if not wanted or "import" in wanted:
        print("measuring import ...", file=sys.stderr, flush=True)
        rows.extend(import_rows(11 if arguments.quick else 41))
    return report(rows, time.perf_counter() - started_at)


def report(rows: Sequence[Row], seconds: float) -> int:
    """Print the table of `rows`; the exit status: 1 when a row misses its target, else 0."""
    print(table(rows))
    print(
        f"\nPython {sys.version.split()[0]}, {os.cpu_count()} CPUs, {seconds:.0f} s."
        " Medians of interleaved samples; spread = interquartile range / median."
    )
    missed = [row.scenario for row in rows if not row.passed]
    if missed:
        print(f"missed: {'; '.join(missed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
