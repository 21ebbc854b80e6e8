"""One side of a scenario, in a process of its own: `python -m benchmarks.worker BASE_URL SCENARIO SIDE`.

It prints `READY` once warmed up, then answers the commands written to its standard input, one a line:
`seconds N` (seconds per call over N calls) and `peak` (peak traced bytes of one call); it stops at the end of
its input.
"""

from __future__ import annotations

import sys
from typing import Sequence

from benchmarks.measure import Loop
from benchmarks.scenarios import find


def main(argv: Sequence[str]) -> None:
    base_url, name, side = argv
    scenario = find(name)
    loop = Loop(scenario.sides[side](base_url))
    # The first calls build the models' validators and open the connection.
    loop.seconds_per_call(max(3, scenario.batch))
    print("READY", flush=True)
    for line in sys.stdin:
        command, *arguments = line.split()
        value = loop.peak_bytes() if command == "peak" else loop.seconds_per_call(int(arguments[0]))
        print(repr(value), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
