"""`python -m openapi_client.testing`: run the local Airbyte web backend until interrupted.

It prints the URL it serves (`LocalAirbyte listening on http://127.0.0.1:8000/api`), its workspace id and which
Airbyte it answers as (`--server-version`, `--edition`), then answers until SIGINT (Ctrl-C) or SIGTERM, and
exits with status 0.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from typing import Any, List, Optional

from openapi_client.testing.local_airbyte import LocalAirbyte
from openapi_client.testing.versions import DEFAULT_VERSION, SERVER_VERSIONS


def main(argv: Optional[List[str]] = None) -> int:
    arguments = _parser().parse_args(argv)
    if not arguments.quiet:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    stop = threading.Event()

    def request_stop(signum: int, frame: Any) -> None:
        stop.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    try:
        airbyte = LocalAirbyte(
            host=arguments.host,
            port=arguments.port,
            seed=not arguments.empty,
            server_version=arguments.server_version,
            edition=arguments.edition,
        ).start()
    except OSError as error:
        print(f"Cannot listen on {arguments.host}:{arguments.port}: {error}", file=sys.stderr)
        return 1
    print(f"LocalAirbyte listening on {airbyte.url}", flush=True)
    print(f"Workspace: {airbyte.workspace_id}", flush=True)
    print(f"Answering as Airbyte {arguments.edition.upper()} {arguments.server_version}", flush=True)
    try:
        # A timed wait, so that the main thread gets to run the signal handlers.
        while not stop.wait(0.5):
            pass
    finally:
        airbyte.stop()
    print("LocalAirbyte stopped", flush=True)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m openapi_client.testing",
        description="Serve a local, stateful Airbyte web backend (the eight web_backend operations).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on; 0 picks a free one (default: 8000)")
    parser.add_argument("--empty", action="store_true", help="start with an empty workspace instead of the seeded one")
    parser.add_argument(
        "--server-version",
        choices=SERVER_VERSIONS,
        default=DEFAULT_VERSION,
        help=f"answer as the Airbyte server of that version (default: {DEFAULT_VERSION}, our spec's)",
    )
    parser.add_argument(
        "--edition", choices=("oss", "cloud"), default="oss", help="answer as Airbyte OSS or Cloud (default: oss)"
    )
    parser.add_argument("--quiet", action="store_true", help="do not log each request to stderr")
    return parser


if __name__ == "__main__":
    sys.exit(main())
